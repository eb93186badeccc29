"""A new user's archive session in the window: import, search, bulk tag, undo/redo, find by tag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.archive_data import UNIQUE_WORD, open_library, wait_tags, write_pages
from tests.gui.test_corrections import type_chinese

pytest.importorskip("editor.storage.library")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def search_for(qtbot, w, text: str) -> list:
    """Type a query in the search box (Ctrl+Shift+F) and press Enter; the hits shown."""
    search = w.archive.search
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    QTest.keyClick(
        QApplication.focusWidget() or w,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    QApplication.processEvents()
    assert search.box.hasFocus()
    search.box.clear()
    type_chinese(search.box, text)
    with qtbot.waitSignal(search.searchFinished, timeout=10000):
        QTest.keyClick(search.box, Qt.Key.Key_Return)
    return list(search.model.hits)


def tagged(tag: str) -> set[str]:
    with open_library() as lib:
        return {r["id"] for r in lib.list_articles(tag=tag)}


def test_new_user_imports_finds_tags_fifty_one_undoes_and_finds_them_by_tag(
    window, qtbot, tmp_path
):
    """Everything from the window: import a folder, search a body word, tag 51 in one step."""
    w = window
    folder = write_pages(tmp_path / "incoming")
    w.archive.import_paths([str(folder)])
    qtbot.waitUntil(lambda: w.files.busy == 0 and bool(w.errors), timeout=20000)
    assert w.errors[-1].startswith("7 pages imported, 0 already in the library, 0 could"), w.errors
    browser = w.archive.browser
    assert browser.articles.total() > 60

    hits = search_for(qtbot, w, UNIQUE_WORD)
    assert len(hits) == 1 and UNIQUE_WORD in hits[0].terms
    found = hits[0].article_id
    html = w.archive.search.model.index(0, 3).data(Qt.ItemDataRole.UserRole + 10)
    assert f">{UNIQUE_WORD}</b>" in html

    # Open it: the page loads at that article, the word is marked in the raw text.
    w.archive.search.view.activated.emit(w.archive.search.model.index(0, 0))
    qtbot.waitUntil(lambda: w.doc is not None and w.files.busy == 0, timeout=10000)
    assert w.current_article().id == found
    marked = w.raw_view.marked_terms()
    assert marked and all(t == UNIQUE_WORD for _line, t in marked)

    # Select it and fifty others in the browser; one "Add tag…" tags all 51.
    while browser.articles.canFetchMore():
        browser.articles.fetchMore()
    rows = [r for r in range(browser.articles.rowCount()) if browser.articles.row(r)["id"] != found]
    row_found = next(
        r for r in range(browser.articles.rowCount()) if browser.articles.row(r)["id"] == found
    )
    chosen = [row_found] + rows[:50]
    browser.select_rows(chosen)
    ids = set(browser.selected_ids())
    assert len(ids) == 51 and found in ids
    w.ask_tag = lambda title, label, vocabulary: "海洋"
    browser.add_tag_button.click()
    wait_tags(qtbot, w)
    assert tagged("海洋") == ids
    assert w.page().find_article(found).tags == ["海洋"]  # the open page shows it at once
    assert browser.articles.row(row_found)["tags"] == ["海洋"]
    stack = w.archive.history  # the open page's history: one per window
    assert stack.count() == 1 and w.undo_group.activeStack() is stack

    assert {h.article_id for h in search_for(qtbot, w, "tag:海洋")} == ids

    w.actions.undo_action.trigger()
    wait_tags(qtbot, w)
    assert tagged("海洋") == set() and w.page().find_article(found).tags == []
    assert search_for(qtbot, w, "tag:海洋") == []
    w.actions.redo_action.trigger()
    wait_tags(qtbot, w)
    assert tagged("海洋") == ids
    hits = search_for(qtbot, w, f"tag:海洋 {UNIQUE_WORD}")
    assert [h.article_id for h in hits] == [found]

    # Remove it again from search results, selected there.
    search = w.archive.search
    hits = search_for(qtbot, w, "tag:海洋")
    search.view.selectionModel().select(
        search.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    removed = hits[0].article_id
    search.remove_tag_button.click()
    wait_tags(qtbot, w)
    assert tagged("海洋") == ids - {removed} and stack.count() == 2
    qtbot.waitUntil(lambda: not search.busy, timeout=10000)
    assert len(search.model.hits) == 50  # the results follow the change

    # Back in the page's tree, Undo is the page's own again; in the browser, the library's.
    w.tree.setFocus()
    QApplication.processEvents()
    assert w.undo_group.activeStack() is w.doc.undo_stack
    browser.article_view.setFocus()
    QApplication.processEvents()
    assert w.undo_group.activeStack() is stack


def test_a_malformed_query_is_a_message_not_an_error(window, qtbot, library_copy):
    """A filter with a bad value says what is wrong in the status line; nothing crashes."""
    hits = search_for(qtbot, window, "date:明天")
    assert hits == [] and window.archive.search.status.text()
    assert window.errors == []


def test_ctrl_f_in_the_library_panel_goes_to_the_search_box(window, library_copy):
    """Ctrl+L shows the browser and focuses it; Ctrl+F there focuses the search box."""
    browser = window.archive.browser
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert browser.isVisible() and browser.page_view.hasFocus()
    QTest.keyClick(browser.page_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.archive.search.box.hasFocus()


def test_the_status_says_when_common_words_are_ranked_newest_first(window, qtbot, library_copy,
                                                                   monkeypatch):
    """Words in more articles than one ranking window: the reader is told, and how to narrow."""
    from editor.storage import search as storage_search

    hits = search_for(qtbot, window, "工会")
    status = window.archive.search.status
    assert len(hits) >= 2 and "newest" not in status.text()
    monkeypatch.setattr(storage_search, "RANK_WINDOW", 1)
    assert len(search_for(qtbot, window, "工会")) == len(hits)
    assert "newest 1 come first" in status.text() and "filter" in status.text()


def test_a_window_import_asks_paper_date_and_section_once(window, qtbot, tmp_path):
    """The window's folder import asks what every page shares (the command line's --paper,
    --date, --section); cancelling imports nothing."""
    w = window
    folder = write_pages(tmp_path / "incoming")
    w.ask_import_meta = lambda: None
    w.archive.import_paths([str(folder)])
    assert w.files.busy == 0 and w.errors == []
    asked = []
    w.ask_import_meta = lambda: asked.append(1) or {"paper": "东湖日报", "date": "2025-04-01",
                                                      "section": None}
    w.archive.import_paths([str(folder)])
    qtbot.waitUntil(lambda: w.files.busy == 0 and bool(w.errors), timeout=20000)
    assert asked == [1]
    with open_library() as lib:
        pages = lib.list_pages()
    assert len(pages) == 7
    assert {(p["paper"], p["date"]) for p in pages} == {("东湖日报", "2025-04-01")}
