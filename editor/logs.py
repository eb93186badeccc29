"""PageDesk's log: the "pagedesk" logger writes to a rotating file in the data folder.

`setup()` gives the logger one `RotatingFileHandler` (`pagedesk.log`, 1 MB, three backups
`pagedesk.log.1` … `.3`, UTF-8, one timestamped line per record and the traceback under it),
so the log never grows without limit. Calling it again changes nothing; a folder that
cannot be written is no reason to stop: nothing is logged then (a `NullHandler`), and
stderr says so once.

No Qt here: the command line may log too, and the window only adds its message boxes.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

from editor.paths import log_file

LOGGER = "pagedesk"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_lock = threading.Lock()
_handler: logging.Handler | None = None  # the handler setup() added to the logger
_config: tuple[Path, int, int] | None = None  # (log file, max_bytes, backups) it was built for
_writing: Path | None = None  # the file being written; None: no file (not set up, or failed)
_warned: set[Path] = set()  # log files stderr has already said cannot be written


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER)


def setup(folder: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES,
          backups: int = BACKUPS) -> Path:
    """Make the "pagedesk" logger write to `pagedesk.log` in `folder` (default: PageDesk's
    data folder, `editor.paths.log_file()`), rotated at `max_bytes` with `backups` old files
    kept; return the log file's path.

    Idempotent: once set up, `setup()` without a folder keeps the file it writes, and the
    same arguments again change nothing; never a second handler (other arguments replace
    the handler). A folder that cannot be created or written leaves the logger with a
    `NullHandler` (see `log_path()`), and stderr says so once."""
    global _handler, _config, _writing
    with _lock:
        if folder is None and _config is not None:
            return _config[0]
        path = Path(os.path.abspath(log_file(folder)))
        config = (path, max_bytes, backups)
        if config == _config:
            return path
        log = logger()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
            handler.setFormatter(logging.Formatter(FORMAT))
            writing: Path | None = path
        except OSError as exc:  # a read-only or missing place: work on without a log file
            handler, writing = logging.NullHandler(), None
            if path not in _warned:
                _warned.add(path)
                print(f"PageDesk: cannot write the log file {path} ({exc}); "
                      "errors will not be logged.", file=sys.stderr)
        _remove_handler(log)
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False  # the log file only: never a traceback on the terminal
        _handler, _config, _writing = handler, config, writing
        return path


def log_path() -> Path | None:
    """The file the "pagedesk" logger writes, or None: not set up, or it could not be
    written."""
    return _writing


def shutdown() -> None:
    """Take the handler `setup()` added off the logger and close its file (for tests, and
    before the log folder goes away)."""
    global _handler, _config, _writing
    with _lock:
        log = logger()
        _remove_handler(log)
        log.propagate = True
        _handler = _config = _writing = None


def _remove_handler(log: logging.Logger) -> None:
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
