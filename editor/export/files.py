"""Writing export files without ever leaving a half-written one (`paths.write_whole`):
a failed export (a full disk, an unwritable folder, an interrupted run) leaves the file
that was there before as it was, and no temporary file behind.
"""

from __future__ import annotations

import os

from editor.paths import write_whole

from .selection import ExportError


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` whole or not at all; OS errors become ExportError."""
    try:
        write_whole(path, data)
    except OSError as exc:
        raise ExportError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None
