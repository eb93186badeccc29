"""A page written to exercise other conventions (GB18030 with CRLF, 新华社 dateline, ■ caption,
编者按, jump line, 责任编辑): open it, correct it by raw lines, save, reopen.

The corrections are driven by raw line numbers, which do not depend on how
well the importer reads the page, so the test holds while the importer improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import check_invariant
from editor.core.pagejson import page_to_dict
from tests.gui.test_corrections import press, type_chinese

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]
PAGE = Path(__file__).resolve().parent / "data" / "conventions.txt"


def owner(w, line):
    return w.page().owner_map()[line]


def test_conventions_page_corrected_by_raw_lines_survives_the_library(window, qtbot, qtmodeltester):
    w = window
    qtmodeltester.check(w.model)
    w.files.open_paths([str(PAGE)])
    qtbot.waitUntil(lambda: len(w.docs) == 1 and w.files.busy == 0, timeout=20000)
    page = w.page()
    assert page.source.encoding == "gb18030" and page.source.newline == "crlf"
    assert w.raw_view.blockCount() == 24 and "\r" not in w.raw_view.toPlainText()
    assert w.raw_view.toPlainText().splitlines()[6].startswith("新华社北京3月17日电")
    check_invariant(page)

    # The editor's note (lines 16-17) becomes an article of its own, then a note.
    w.raw_view.select_lines(16, 17)
    press(w, "Ctrl+Shift+N")
    note_article = owner(w, 16)[0]
    assert note_article is owner(w, 17)[0] and sorted(note_article.lines) == [16, 17]
    w.raw_view.select_lines(16, 17)
    press(w, "N", w.raw_view)
    assert owner(w, 16)[1].role == "note" and owner(w, 17)[1].role == "note"

    # The second paragraph (lines 11-12) goes to the article with the dateline (line 7).
    first = owner(w, 7)[0]
    w.choose_article = lambda title, exclude=None: first
    w.raw_view.select_lines(11, 12)
    press(w, "Ctrl+Shift+A", w.raw_view)
    assert owner(w, 11)[0] is first and owner(w, 12)[0] is first

    # The 责任编辑 line is page furniture for this desk.
    w.raw_view.select_lines(24, 24)
    press(w, "G", w.raw_view)
    assert owner(w, 24)[0] is None and owner(w, 24)[1] in w.page().furniture

    # Retitle the second story.
    w.select_id(owner(w, 21)[0].id)
    edit = w.inspector.title_edits["headline"]
    edit.selectAll()
    type_chinese(edit, "社区食堂里的小确幸")
    press(w, "Return", edit)
    assert owner(w, 21)[0].headline == "社区食堂里的小确幸"
    check_invariant(w.page())
    assert w.errors == []

    press(w, "Ctrl+S")
    qtbot.waitUntil(lambda: not w.doc.modified, timeout=20000)
    saved = page_to_dict(w.page())
    page_id = w.page().id
    w.files.close_current()
    assert w.docs == []
    w.files.open_library_page(page_id)
    qtbot.waitUntil(lambda: len(w.docs) == 1 and w.files.busy == 0, timeout=20000)
    assert page_to_dict(w.page()) == saved
    assert owner(w, 21)[0].headline == "社区食堂里的小确幸" and owner(w, 16)[1].role == "note"
