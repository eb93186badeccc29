"""Export from the window: a browser selection to Word, the open page to HTML, failures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

pytest.importorskip("editor.storage.library")
docx = pytest.importorskip("docx")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_export_a_browser_selection_to_word(library_copy, window, qtbot, tmp_path):
    """Three articles selected in the browser become one .docx that python-docx reopens."""
    w = window
    browser = w.archive.browser
    browser.apply_filters()
    chosen = [r for r in range(browser.articles.rowCount()) if browser.articles.row(r)["headline"]]
    chosen = chosen[0:6:2]
    browser.select_rows(chosen)
    rows = [browser.articles.row(r) for r in chosen]
    target = tmp_path / "out" / "selection.docx"
    target.parent.mkdir()
    asked = []
    w.ask_export = lambda what, name: asked.append(what) or ("docx", str(target), True)
    with qtbot.waitSignal(w.archive.exporter.finished, timeout=20000) as blocker:
        browser.export_button.click()
    assert blocker.args[0] == [str(target)] and "3" in asked[0]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    positions = [text.find(r["headline"]) for r in rows]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert w.errors == []


def test_file_export_writes_the_open_page_as_html(win, qtbot, tmp_path):
    """File → Export… with the HTML format writes the whole open page."""
    target = tmp_path / "page.html"
    win.ask_export = lambda what, name: ("html", str(target), False)
    with qtbot.waitSignal(win.archive.exporter.finished, timeout=20000):
        win.actions.export_action.trigger()
    html = target.read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html
    assert all(a.label(10)[:6] in html for a in win.page().articles if a.label(10))


def test_file_export_of_selected_articles_only(win, qtbot, tmp_path):
    """With two articles selected in the tree, File → Export… writes only those two."""
    arts = win.page().articles
    win.select_ids([arts[1].id, arts[2].id], current=arts[1].id)
    target = tmp_path / "two.txt"
    win.ask_export = lambda what, name: ("txt", str(target), False)
    with qtbot.waitSignal(win.archive.exporter.finished, timeout=20000):
        win.actions.export_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert arts[1].label(8) in text and arts[2].label(8) in text
    assert arts[0].label(8) not in text


def test_export_failure_is_a_message(library_copy, window, qtbot, tmp_path):
    """An unwritable destination gives a message, not a traceback."""
    w = window
    browser = w.archive.browser
    browser.apply_filters()
    sel = browser.article_view.selectionModel()
    sel.select(
        browser.articles.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    (tmp_path / "file").write_text("x")
    w.ask_export = lambda what, name: ("docx", str(tmp_path / "file" / "x.docx"), False)
    browser.export_button.click()
    qtbot.waitUntil(lambda: w.archive.exporter.busy == 0 and bool(w.errors), timeout=20000)
    assert len(w.errors) == 1


def test_a_site_export_into_a_folder_with_other_files_asks_first(win, qtbot, tmp_path):
    """The chosen folder holds the newsroom's own index.html: the window asks; declined,
    nothing is written; accepted, the archive replaces it."""
    folder = tmp_path / "web"
    folder.mkdir()
    (folder / "index.html").write_text("own start page", encoding="utf-8")
    win.ask_export = lambda what, name: ("site", str(folder), False)
    asked = []
    win.ask_yes_no = lambda title, message: asked.append(message) or False
    win.actions.export_action.trigger()
    assert asked and "index.html" in asked[0]
    assert sorted(p.name for p in folder.iterdir()) == ["index.html"]
    assert win.archive.exporter.busy == 0
    win.ask_yes_no = lambda title, message: True
    with qtbot.waitSignal(win.archive.exporter.finished, timeout=20000):
        win.actions.export_action.trigger()
    assert "own start page" not in (folder / "index.html").read_text(encoding="utf-8")
    assert (folder / "articles").is_dir()
