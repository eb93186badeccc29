"""Writing export files without ever leaving a half-written one.

Every export file is written beside its target under a temporary name and renamed into
place only once it is whole (`os.replace` is atomic on one file system): a failed export
(a full disk, an unwritable folder, an interrupted run) leaves the file that was there
before as it was, and no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile

from .selection import ExportError


def printable(text: str) -> str:
    """The text with any lone surrogate (a broken UTF-16 pair, which no file encoding can
    hold) replaced by U+FFFD, everything else kept."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` whole or not at all; OS errors become ExportError."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".",
                                   suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
