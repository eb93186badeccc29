"""Where PageDesk keeps the library file (and the PDFs its pages were read from): one rule
for the storage layer and the window; and how every file PageDesk writes itself (an
export, a kept PDF, a recovery file) is written whole or not at all.

A module of its own, importing neither Qt nor the storage modules, so the window
can find the file in its first moments without loading the library code.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path


def write_whole(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` whole or not at all: beside it under a temporary name, synced,
    then renamed into place (`os.replace` is atomic on one file system). A failure (a full
    disk, an unwritable folder) leaves the file that was there before as it was and no
    temporary file behind, and raises the OSError."""
    target = os.fspath(path)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".part",
                               dir=os.path.dirname(os.path.abspath(target)))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def library_file() -> str:
    """PAGEDESK_LIBRARY, else `library.sqlite` in the platformdirs user data folder
    (the path only; nothing is created)."""
    chosen = os.environ.get("PAGEDESK_LIBRARY")
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    import platformdirs

    return os.path.join(platformdirs.user_data_dir("PageDesk", appauthor=False), "library.sqlite")


def data_folder() -> str:
    """PageDesk's own data folder: PAGEDESK_HOME, else the platformdirs user data folder
    (the path only; nothing is created: the window's `settings.data_dir()` creates it)."""
    home = os.environ.get("PAGEDESK_HOME")
    if home:
        return os.path.abspath(os.path.expanduser(home))
    import platformdirs

    return platformdirs.user_data_dir("PageDesk", appauthor=False)


def log_file(folder: str | os.PathLike[str] | None = None) -> str:
    """Where PageDesk's log is written: `pagedesk.log` in `folder`, by default its data
    folder (`editor.logs` rotates it: `pagedesk.log.1`, `.2`, … beside it)."""
    return os.path.join(data_folder() if folder is None else folder, "pagedesk.log")


def pdf_folder(library: str) -> str:
    """Where a library keeps the PDFs its pages were read from: `<library>-pdf/` beside the
    library file, one `<sha256>.pdf` per file."""
    return os.path.splitext(library)[0] + "-pdf"


def is_sha256(text: str | None) -> bool:
    """A sha256 as PageDesk writes it: 64 lower-case hex digits (safe as a file name)."""
    return bool(text) and len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def stored_pdf(library: str, sha256: str | None) -> str | None:
    """The library's copy of the PDF with this sha256, if it has one."""
    if not is_sha256(sha256):
        return None
    path = os.path.join(pdf_folder(library), sha256 + ".pdf")
    return path if os.path.isfile(path) else None


@cache
def resource_dir() -> Path:
    """The folder of PageDesk's resources (templates, styles, translations, the newsroom
    dictionary, the sample page): `resources/` of a checkout, or the `editor.resources`
    package data an installed wheel carries (pyproject maps the one to the other)."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"
    from importlib.resources import files

    return Path(str(files("editor.resources")))

