"""The views: tree contents, review list, menus, keys that must not fire while typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.core.pagejson import page_to_dict
from editor.gui.treemodel import KIND_ROLE, LINES_ROLE, ArticleTreeModel
from tests.gui.conftest import gold_page
from tests.gui.test_corrections import arts, press, select_article, select_block

# Qt's model tester reports a broken model as a warning: make every Qt warning fail the test.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_tree_model_shows_page_articles_groups_and_blocks(qtmodeltester):
    """Page → articles (by headline, else first words) → blocks; furniture, unassigned as groups."""
    page = gold_page()
    page.articles[4].blocks = [
        b for b in page.articles[4].blocks if b.role not in ("kicker", "headline")
    ]
    model = ArticleTreeModel()
    model.set_page(page)
    qtmodeltester.check(model)
    root = model.index(0, 0)
    assert model.data(root) == "广东纪事 13"
    assert model.rowCount(root) == 5 + 2
    assert model.data(model.index(0, 0, root)) == "中国灯饰照明之都的追光者"
    no_headline = model.data(model.index(4, 0, root))
    assert no_headline.startswith("近日，珠海市总工会")  # the first words stand in
    assert model.data(model.index(0, 1, root)) == "6–220, 378–381"  # runs, not min–max
    furniture = model.index(5, 0, root)
    assert model.data(furniture, KIND_ROLE) == "furniture" and model.rowCount(furniture) == 1
    assert model.data(model.index(0, 0, furniture), LINES_ROLE) == [5]
    block = model.index(0, 0, model.index(0, 0, root))
    assert model.data(block) == "[Headline] 中国灯饰照明之都的追光者"
    assert model.flags(block) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(root) & Qt.ItemFlag.ItemIsDragEnabled
    model.set_page(None)
    assert model.rowCount() == 0


def test_review_list_is_lowest_confidence_first_with_next_and_previous_keys(win):
    """F8/Shift+F8 walk the doubtful decisions from the least sure, selecting each target."""
    review = win.review
    assert review.count() == 3
    assert [review.list.item(i).text()[:4] for i in range(3)] == ["30% ", "60% ", "90% "]
    press(win, "F8")
    assert win.current_id() == arts(win)[0].blocks[0].id  # the first F8: the first item, 30%
    press(win, "F8")
    assert win.current_id() == arts(win)[2].blocks[2].id  # 60%: a paragraph break
    press(win, "F8")
    assert win.current_id() == arts(win)[1].id  # 90%: an article boundary
    press(win, "F8")
    assert win.current_id() == arts(win)[0].blocks[0].id  # wraps to 30%
    press(win, "Shift+F8")
    assert win.current_id() == arts(win)[1].id


def test_checking_every_decision_empties_the_list(win):
    for _ in range(3):
        press(win, "Ctrl+K")
    assert win.review.count() == 0 and all(d.checked for d in win.page().decisions)
    assert win.doc.undo_stack.count() == 3


def test_role_keys_do_not_fire_while_typing_in_a_field(win):
    """Single-key role shortcuts act in the tree; in a text field the letters are typed."""
    select_article(win, 0)
    before = page_to_dict(win.page())
    edit = win.inspector.meta_edits["number"]
    edit.clear()
    edit.setFocus()
    QTest.keyClicks(edit, "HPX")
    assert edit.text() == "HPX" and page_to_dict(win.page()) == before


def test_setting_the_role_of_several_blocks_is_one_undo_step(win):
    art = arts(win)[0]
    ids = [art.blocks[4].id, art.blocks[10].id]
    before = page_to_dict(win.page())
    win.select_ids(ids, current=ids[0])
    press(win, "N")
    assert [win.page().find_block(i)[1].role for i in ids] == ["note", "note"]
    assert win.doc.undo_stack.count() == 1
    press(win, "Ctrl+Z")
    assert page_to_dict(win.page()) == before


def test_context_menus_offer_the_corrections_with_their_keys(win):
    select_block(win, 0, 4)
    menu = win.actions.tree_menu()
    texts = [a.text() for a in menu.actions()]
    assert "Set &role" in texts and "&Split article before block" in texts
    roles = {a.text(): a.shortcut().toString() for a in win.actions.role_menu.actions()}
    assert roles["Paragraph"] == "P" and roles["Subhead"] == "S" and roles["Caption"] == "C"
    raw = [a.text() for a in win.actions.raw_menu().actions()]
    assert raw[:2] == ["New article from selected &lines", "&Assign selected lines to article…"]
    select_article(win, 1)
    assert "Set &role" not in [a.text() for a in win.actions.tree_menu().actions()]


def test_history_view_lists_corrections(win):
    select_block(win, 0, 4)
    press(win, "P")
    model = win.undo_view.model()
    assert model.rowCount() == 2  # the empty "<opened>" state plus one correction
    assert model.index(1, 0).data() == "Set role: Paragraph"


def test_open_from_library_shows_the_browser_with_its_filters_and_opens_a_page(win, qtbot):
    """File → Open from library shows the library browser (paging, filters: usable at
    10,000 pages) wide enough to read, the paper filter focused; a page opens from it."""
    from editor.gui import library

    library.save_page(win.page())
    win.resize(1400, 900)
    win.files.open_from_library()
    browser = win.archive.browser
    qtbot.waitUntil(lambda: win.library_dock.width() >= 400, timeout=5000)
    assert win.library_dock.isVisible()
    assert browser.filter_edits["paper"].hasFocus()
    qtbot.waitUntil(lambda: browser.articles.total() > 0, timeout=10000)
    row = browser.articles.index(0, 0)
    browser.article_view.activated.emit(row)
    qtbot.waitUntil(lambda: len(win.docs) == 2 and win.files.busy == 0, timeout=20000)
    assert page_to_dict(win.docs[1].page) == page_to_dict(win.docs[0].page)
    assert win.doc is win.docs[1]


def test_recent_files_menu(window, qtbot):
    from editor.gui import settings
    from tests.conftest import SAMPLE_TXT

    settings.add_recent_file(str(SAMPLE_TXT))
    menu = window.actions.recent_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert [a.text() for a in actions] == [str(SAMPLE_TXT)]
    actions[0].trigger()
    qtbot.waitUntil(lambda: len(window.docs) == 1 and window.files.busy == 0, timeout=20000)
    assert window.page().source.file == SAMPLE_TXT.name


def test_switching_pages_switches_views_and_undo_stack(win):
    from editor.gui.commands import PageDocument

    first = win.doc
    select_block(win, 0, 4)
    press(win, "P")
    second = PageDocument(gold_page())
    win.add_document(second)
    assert win.doc is second and win.undo_group.activeStack() is second.undo_stack
    assert not win.isWindowModified()
    win.page_list.setCurrentRow(0)
    assert win.doc is first and win.isWindowModified()
    assert win.raw_view.toPlainText().splitlines()[0] == first.page.raw_lines()[0]


def test_keys_move_between_raw_page_tree_and_inspector(win):
    press(win, "Ctrl+1")
    assert win.raw_view.hasFocus()
    press(win, "Ctrl+3", win.raw_view)
    assert win.inspector.title_edits["headline"].hasFocus()
    press(win, "Ctrl+2", win.inspector.title_edits["headline"])
    assert win.tree.hasFocus()


def test_review_button_marks_the_current_decision_checked(win):
    press(win, "F8")
    target = win.review.current_decision()
    win.review.check_button.click()
    assert win.page().decisions[target].checked and win.review.count() == 2
    for _ in range(2):
        win.review.check_button.click()
    assert win.review.count() == 0 and not win.review.check_button.isEnabled()
