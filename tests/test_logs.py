"""PageDesk's log (editor.logs): a rotating file in the data folder, set up once, and no
crash where it cannot be written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import pytest

from editor import logs


@pytest.fixture(autouse=True)
def _fresh_log():
    """Each test sets the log up itself; afterwards the logger is as it was (file closed)."""
    logs.shutdown()
    yield
    logs.shutdown()


def _file_handlers():
    return [h for h in logging.getLogger("pagedesk").handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_the_log_rotates_and_stays_bounded(tmp_path):
    path = logs.setup(tmp_path, max_bytes=2000, backups=2)
    assert path == tmp_path / "pagedesk.log" and logs.log_path() == path
    log = logging.getLogger("pagedesk")
    for i in range(200):  # about 20 kB: ten times the limit
        log.info("line %03d %s", i, "x" * 80)
    assert path.is_file()
    assert (tmp_path / "pagedesk.log.1").is_file() and (tmp_path / "pagedesk.log.2").is_file()
    assert not (tmp_path / "pagedesk.log.3").exists()  # only `backups` old files are kept
    for file in tmp_path.glob("pagedesk.log*"):
        assert file.stat().st_size <= 2000
    text = path.read_text(encoding="utf-8")
    assert "line 199" in text and "INFO pagedesk:" in text
    assert text[:4].isdigit()  # each line starts with its time stamp


def test_the_default_log_is_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEDESK_HOME", str(tmp_path / "home"))
    path = logs.setup()
    assert path == tmp_path / "home" / "pagedesk.log"
    logging.getLogger("pagedesk").error("written")
    assert "written" in path.read_text(encoding="utf-8")


def test_setup_twice_adds_no_second_handler(tmp_path):
    first = logs.setup(tmp_path)
    assert logs.setup(tmp_path) == first
    assert logs.setup() == first  # no folder: the one it writes already
    assert len(logging.getLogger("pagedesk").handlers) == 1 and len(_file_handlers()) == 1
    logging.getLogger("pagedesk").warning("once")
    assert first.read_text(encoding="utf-8").count("once") == 1
    other = logs.setup(tmp_path / "other")  # another folder replaces the handler
    assert other == tmp_path / "other" / "pagedesk.log" and len(_file_handlers()) == 1
    assert logs.log_path() == other


def _not_writable(tmp_path: Path, monkeypatch, how: str) -> Path:
    if how == "permission":
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(args[0]))

        monkeypatch.setattr(logging.handlers, "RotatingFileHandler", refuse)
        return tmp_path / "locked"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "logs"  # (a folder that cannot be made, even by root)


@pytest.mark.parametrize("how", ["permission", "not-a-folder"])
def test_an_unwritable_folder_is_no_crash(tmp_path, monkeypatch, capsys, how):
    folder = _not_writable(tmp_path, monkeypatch, how)
    path = logs.setup(folder)
    assert path == folder / "pagedesk.log"
    assert logs.log_path() is None  # nothing is written ...
    log = logging.getLogger("pagedesk")
    assert [type(h) for h in log.handlers] == [logging.NullHandler]
    log.error("lost", exc_info=ValueError("x"))  # ... and logging still works
    logs.setup(folder)
    logs.setup()
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1 and str(path) in err
    assert len(log.handlers) == 1
