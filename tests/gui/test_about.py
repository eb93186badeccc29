"""Help → About PageDesk names the version and the log file; an unexpected error goes to
the rotating log file through `logging`, and its message box names that file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import __version__, logs
from editor.paths import library_file


@pytest.fixture
def log_folder(tmp_path):
    logs.shutdown()
    yield tmp_path / "logs"
    logs.shutdown()


def test_the_about_box_names_the_version_and_the_log_file(window, log_folder, monkeypatch):
    from PySide6 import __version__ as pyside_version

    from editor.gui import app

    path = logs.setup(log_folder)
    shown = []
    monkeypatch.setattr(app, "show_about", lambda parent=None: shown.append(parent))
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is window.actions.help_menu
    assert window.actions.about_action in help_menu.actions()
    window.actions.about_action.trigger()
    assert shown == [window]
    box = app.about_box(window)  # (built, not shown: exec would wait for a click)
    text = box.text()
    assert __version__ in text and str(path) in text and library_file() in text
    assert pyside_version in text and "Qt" in text
    assert box.windowTitle() == "About PageDesk"


def test_the_about_box_says_when_the_log_cannot_be_written(window, log_folder, capsys):
    from editor.gui import app

    log_folder.parent.mkdir(parents=True, exist_ok=True)
    log_folder.write_text("a file, not a folder")
    path = logs.setup(log_folder / "sub")
    assert logs.log_path() is None
    assert f"{path} (cannot be written)" in app.about_box(window).text()


def test_the_excepthook_logs_the_traceback_to_the_rotating_log(window, log_folder,
                                                               monkeypatch):
    from editor.gui import app

    path = logs.setup(log_folder)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # (put back after the test)
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a, **k: boxes.append((parent, text)))
    app._install_excepthook(lambda: window)

    def broken_correction():
        raise RuntimeError("a fake failure")

    try:
        broken_correction()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = path.read_text(encoding="utf-8")
    assert "ERROR pagedesk: Unexpected error: a fake failure" in text
    assert "Traceback (most recent call last)" in text and "broken_correction" in text
    assert "RuntimeError: a fake failure" in text
    assert len(boxes) == 1 and boxes[0][0] is window
    assert "a fake failure" in boxes[0][1] and str(path) in boxes[0][1]
    assert not (log_folder / "pagedesk-errors.log").exists()
