"""GUI test set-up: QSettings in a temp folder, a main window with the checked sample page open."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

import editor.gui  # noqa: F401  (first: guards against the binding's refcount bug, see its docstring)
from editor.core.model import Decision
from editor.core.pagejson import page_from_dict
from tests.conftest import SAMPLE_GOLD, SAMPLE_TXT
from tests.gui.archive_data import archive_template, library_copy  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path):
    """Every test gets empty settings (recent files, layout, language) in its own folder."""
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


def gold_page():
    """The hand-checked sample page, with three doubtful decisions for the review list."""
    raw = SAMPLE_TXT.read_text(encoding="utf-8")
    page = page_from_dict(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")), raw)
    arts = page.articles
    page.decisions = [
        Decision("boundary", arts[1].id, 0.9),
        Decision("attach", arts[0].blocks[0].id, 0.3),
        Decision("paragraph", arts[2].blocks[2].id, 0.6),
    ]
    return page


@pytest.fixture
def window(qtbot):
    """An empty main window whose questions are answered by the test, not by dialogs."""
    from editor.gui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.errors = []
    w.show_error = lambda title, message: w.errors.append(message)
    w.show_info = lambda title, message: w.errors.append(message)
    w.ask_unsaved = lambda names: "discard"
    w.ask_yes_no = lambda title, message: True
    w.ask_import_meta = lambda: {}
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def win(window):
    """The main window with the checked sample page open."""
    from editor.gui.commands import PageDocument

    window.add_document(PageDocument(gold_page()))
    return window
