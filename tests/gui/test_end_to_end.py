"""A desk editor's session: open the sample, correct it, save, close, reopen from the library."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from editor.core.model import check_invariant
from editor.core.pagejson import page_to_dict
from tests.conftest import SAMPLE_TXT
from tests.gui.conftest import gold_page
from tests.gui.test_corrections import arts, press, select_article, select_block, type_chinese

pytest.importorskip("editor.storage.library")

# Qt's model tester reports a broken model as a warning: make every Qt warning fail the test.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _wait_for_page(qtbot, w, count=1):
    qtbot.waitUntil(lambda: len(w.docs) >= count and w.files.busy == 0, timeout=20000)


def test_open_correct_save_close_and_reopen_from_library(window, qtbot, qtmodeltester):
    """Every correction made in the window is there after saving and reopening from the library."""
    w = window
    qtmodeltester.check(w.model)
    w.files.open_paths([str(SAMPLE_TXT)])
    _wait_for_page(qtbot, w)
    page = w.page()
    assert page.source.file == SAMPLE_TXT.name and len(arts(w)) >= 3
    n = len(arts(w))

    # Split the first long article before its last block.
    a = next(i for i, art in enumerate(arts(w)) if len(art.blocks) >= 3)
    tail_id = select_block(w, a, -1).id
    press(w, "Ctrl+Shift+Return")
    assert len(arts(w)) == n + 1 and arts(w)[a + 1].blocks[0].id == tail_id

    # Merge the last two articles.
    select_article(w, len(arts(w)) - 2)
    last_blocks = [b.id for b in arts(w)[-1].blocks]
    press(w, "Ctrl+Shift+Delete")
    assert (
        len(arts(w)) == n and [b.id for b in arts(w)[-1].blocks][-len(last_blocks) :] == last_blocks
    )

    # Move the first article down one place.
    first_id = select_article(w, 0).id
    press(w, "Ctrl+Shift+Down")
    assert arts(w)[1].id == first_id

    # Retitle it in the inspector.
    select_article(w, 1)
    edit = w.inspector.title_edits["headline"]
    edit.selectAll()
    type_chinese(edit, "灯饰之都的追光者")
    press(w, "Return", edit)
    assert arts(w)[1].headline == "灯饰之都的追光者"

    # Fix its byline text and its people.
    byline = w.inspector.byline_edit
    byline.selectAll()
    type_chinese(byline, "记者叶 帆 通讯员房芳")
    press(w, "Return", byline)
    w.inspector.add_person_row()
    w.inspector.people_table.item(w.inspector.people_table.rowCount() - 1, 0).setText("叶 帆")
    assert arts(w)[1].byline == "记者叶 帆 通讯员房芳"
    assert "叶帆" in [p.name for p in arts(w)[1].people]
    check_invariant(w.page())
    assert w.isWindowModified() and w.doc.undo_stack.count() == 6

    # Save (Ctrl+S) in a worker; the window's modified mark goes away.
    press(w, "Ctrl+S")
    qtbot.waitUntil(lambda: not w.doc.modified, timeout=20000)
    assert not w.isWindowModified() and w.errors == []
    saved = page_to_dict(w.page())
    page_id = w.page().id
    assert w.close()

    # A new window: the library holds the page with every correction.
    from editor.gui.mainwindow import MainWindow

    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.errors = []
    w2.show_error = lambda title, message: w2.errors.append(message)
    w2.files.open_library_page(page_id)
    _wait_for_page(qtbot, w2)
    assert w2.errors == []
    again = page_to_dict(w2.page())
    assert again["articles"] == saved["articles"]
    assert again == saved
    art = w2.page().articles[1]
    assert art.id == first_id and art.headline == "灯饰之都的追光者"
    assert art.byline == "记者叶 帆 通讯员房芳" and "叶帆" in [p.name for p in art.people]
    assert not w2.isWindowModified()
    w2.close()
    QApplication.processEvents()


def test_saving_to_a_busy_library_shows_a_message(win, qtbot):
    """Another program holds the library's write lock: a clear message; the page stays modified."""
    import os
    import sqlite3

    from editor.storage.library import Library

    Library.open().close()
    other = sqlite3.connect(os.environ["PAGEDESK_LIBRARY"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        select_block(win, 0, 4)
        press(win, "P")
        press(win, "Ctrl+S")
        qtbot.waitUntil(lambda: win.files.busy == 0 and bool(win.errors), timeout=30000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "busy" in win.errors[0] and win.doc.modified and win.isWindowModified()


def _open_from_a_shared_library(w, qtbot, tmp_path, monkeypatch):
    """The sample page saved in a library of its own, open in the window from there."""
    from editor.storage.library import Library

    lib_path = str(tmp_path / "shared.sqlite")
    monkeypatch.setenv("PAGEDESK_LIBRARY", lib_path)
    with Library.open(lib_path) as lib:
        page = gold_page()
        lib.save_page(page)
    w.files.open_library_page(page.id)
    _wait_for_page(qtbot, w)
    return lib_path, page


def test_a_window_save_keeps_tags_added_meanwhile_by_the_command_line(window, qtbot, tmp_path,
                                                                     monkeypatch):
    """A page open from the library; the command line tags one of its articles; the editor
    then corrects and saves the page: the tag stays in the library and shows in the window."""
    from editor.cli import main
    from editor.storage.library import Library

    w = window
    lib_path, page = _open_from_a_shared_library(w, qtbot, tmp_path, monkeypatch)
    art = w.page().articles[0]
    assert main(["tag", art.id, "--add", "应急", "--library", lib_path]) == 0
    w.actions.apply("set-tags", "set_tags", art.id, [*art.tags, "培训"])
    press(w, "Ctrl+S")
    qtbot.waitUntil(lambda: not w.doc.modified, timeout=20000)
    assert w.errors == []
    with Library.open(lib_path) as lib:
        stored = lib.load_page(page.id).articles[0].tags
    assert "应急" in stored and "培训" in stored
    assert w.page().articles[0].tags == stored


def test_a_page_saved_elsewhere_since_it_was_opened_is_never_overwritten_silently(
        window, qtbot, tmp_path, monkeypatch):
    """Another editor saves a different text of the open page. Saving asks; declined, the
    window keeps its edits unsaved and the library keeps theirs; accepted, this window's
    version becomes the newest revision and theirs stays in the history."""
    from editor.storage.library import Library

    w = window
    lib_path, page = _open_from_a_shared_library(w, qtbot, tmp_path, monkeypatch)
    with Library.open(lib_path) as lib:
        theirs = lib.load_page(page.id)
        theirs.articles[0].notes_text = "另一位编辑的批注"
        lib.save_page(theirs)
    art = w.page().articles[1]
    w.actions.apply("set-tags", "set_tags", art.id, [*art.tags, "培训"])
    asked = []
    w.doc.dateless_ok = True  # (the sample has no date: that question is another test's)
    w.ask_yes_no = lambda title, message: asked.append(message) or False
    press(w, "Ctrl+S")
    qtbot.waitUntil(lambda: bool(asked) and w.files.busy == 0, timeout=20000)
    assert "revision 2" in asked[0] and w.doc.modified
    with Library.open(lib_path) as lib:
        assert lib.current_revision(page.id) == 2
    w.ask_yes_no = lambda title, message: True
    press(w, "Ctrl+S")
    qtbot.waitUntil(lambda: not w.doc.modified, timeout=20000)
    with Library.open(lib_path) as lib:
        assert lib.current_revision(page.id) == 3
        assert "培训" in lib.load_page(page.id).articles[1].tags
        assert lib.load_page(page.id, 2).articles[0].notes_text == "另一位编辑的批注"
    assert w.errors == []
