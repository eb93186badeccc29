"""Every correction by shortcut: model right, lines owned once, exact undo, redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.model import check_invariant
from editor.core.pagejson import page_to_dict
from editor.gui.treemodel import MIME

# Qt's model tester reports a broken model as a warning: make every Qt warning fail the test.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def press(w, sequence: str, widget=None) -> None:
    """Press a shortcut as a user would, with focus in the tree (or `widget`)."""
    target = widget or w.tree
    target.setFocus()
    QTest.keySequence(target, QKeySequence(sequence))
    QApplication.processEvents()


def type_chinese(widget, text: str) -> None:
    """Type CJK text the way an input method commits it (keyClicks would abort Python)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def arts(w):
    return w.page().articles


def select_block(w, a: int, b: int):
    block = arts(w)[a].blocks[b]
    w.select_id(block.id)
    return block


def select_article(w, a: int):
    w.select_id(arts(w)[a].id)
    return arts(w)[a]


# Each case: prepare (select things; returns context), keys, check(window, context).
def _split_article(w):
    return (
        select_block(w, 0, 4),
        "Ctrl+Shift+Return",
        lambda w, b: len(arts(w)) == 6 and arts(w)[1].blocks[0] is b,
    )


def _merge_previous(w):
    return (
        select_article(w, 2),
        "Ctrl+Shift+Backspace",
        lambda w, a: (
            len(arts(w)) == 4 and a not in arts(w) and arts(w)[1].blocks[-1] is a.blocks[-1]
        ),
    )


def _merge_next(w):
    return (
        select_article(w, 0),
        "Ctrl+Shift+Delete",
        lambda w, a: (  # the first article's heads; the second's kicker printed inside
            len(arts(w)) == 4 and arts(w)[0] is a and not a.title_text("kicker")
            and "阳江市总工会" in [b.text for b in a.blocks if b.role == "subhead"]
        ),
    )


def _move_down(w):
    return select_article(w, 0), "Ctrl+Shift+Down", lambda w, a: arts(w)[1] is a


def _move_up(w):
    return select_article(w, 3), "Ctrl+Shift+Up", lambda w, a: arts(w)[2] is a


def _move_blocks_chooser(w):
    block = select_block(w, 0, 4)
    w.choose_article = lambda title, exclude=None: arts(w)[3]
    return block, "Ctrl+M", lambda w, b: arts(w)[3].blocks[-1] is b


def _new_article_from_lines(w):
    w.raw_view.select_lines(6, 10)
    return None, "Ctrl+Shift+N", lambda w, _c: len(arts(w)) == 6 and arts(w)[1].lines == [6, 8, 10]


def _new_article_from_head_lines(w):
    w.raw_view.select_lines(243, 256)  # kicker, headline and the lead 本报讯（全媒体记者 …）

    def moved(w, _c):
        new = next(a for a in arts(w) if a.lines[0] == 243)
        old = next(a for a in arts(w) if a.lines[0] == 258)
        return ("誉建业" in (new.byline or "") and new.dateline == "本报讯"
                and "誉建业" in [p.name for p in new.people] and old.people == [])

    return None, "Ctrl+Shift+N", moved


def _assign_lines(w):
    w.raw_view.select_lines(383, 383)  # the displaced headline of the fourth article
    w.choose_article = lambda title, exclude=None: arts(w)[0]
    return (
        None,
        "Ctrl+Shift+A",
        lambda w, _c: w.page().owner_map()[383][0] is arts(w)[0] and arts(w)[3].headline is None,
    )


def _role_paragraph(w):
    return select_block(w, 0, 4), "P", lambda w, b: b.role == "paragraph"


def _role_unassigned(w):
    return select_block(w, 0, 1), "X", lambda w, b: b in w.page().unassigned


def _role_page_header(w):
    return select_block(w, 4, 1), "G", lambda w, b: b in w.page().furniture


def _role_kicker(w):
    return select_block(w, 0, 0), "K", lambda w, b: arts(w)[0].kicker == "中国灯饰照明之都的追光者"


def _split_paragraph(w):
    block = select_block(w, 0, 2)
    cursor = w.inspector.block_text.textCursor()
    cursor.setPosition(block.text.index("4月7日"))
    w.inspector.block_text.setTextCursor(cursor)
    return (
        block,
        "Alt+Return",
        lambda w, b: (
            b.text.endswith("成就感。”") and arts(w)[0].blocks[3].text.startswith("4月7日")
        ),
    )


def _join_next(w):
    return (
        select_block(w, 0, 2),
        "Ctrl+J",
        lambda w, b: (
            len(arts(w)[0].blocks) == 15
            and b.text.endswith(
                "采购量。作为荣获国际设计界“奥斯卡”奖（iF设计金奖）"
                "的“追光者”，马驰自2024年自愿报名加入中山市总工会组织的"
                "灯饰照明技术服务队以来，不仅为行业的高质量发展答疑解惑，"
                "还作为中山代表与潮州的劳模工作室签署了合作协议，探索“古镇灯饰+"
                "潮州陶瓷”两大传统产业结合的新型发展之路。"
            )
        ),
    )


def _check_decision(w):
    w.review.set_page(w.page())
    assert w.review.count() == 3
    press(w, "F8")
    return (
        None,
        "Ctrl+K",
        lambda w, _c: w.review.count() == 2 and sum(d.checked for d in w.page().decisions) == 1,
    )


CASES = {
    "split-article": _split_article,
    "merge-previous": _merge_previous,
    "merge-next": _merge_next,
    "move-article-down": _move_down,
    "move-article-up": _move_up,
    "move-blocks-with-chooser": _move_blocks_chooser,
    "new-article-from-lines": _new_article_from_lines,
    "new-article-from-head-lines": _new_article_from_head_lines,
    "assign-lines": _assign_lines,
    "role-paragraph": _role_paragraph,
    "role-unassigned": _role_unassigned,
    "role-page-header": _role_page_header,
    "role-kicker": _role_kicker,
    "split-paragraph": _split_paragraph,
    "join-blocks": _join_next,
    "check-decision": _check_decision,
}


def undo_redo_round_trip(w, before: dict) -> None:
    after = page_to_dict(w.page())
    assert after != before
    press(w, "Ctrl+Z")
    assert page_to_dict(w.page()) == before
    check_invariant(w.page())
    press(w, "Ctrl+Shift+Z")
    assert page_to_dict(w.page()) == after
    check_invariant(w.page())


@pytest.mark.parametrize("name", list(CASES))
def test_correction_by_shortcut_is_undoable(win, qtmodeltester, name):
    """The shortcut corrects; tree and invariant hold; undo restores exactly; redo again."""
    qtmodeltester.check(win.model)
    before = page_to_dict(win.page())
    context, keys, check = CASES[name](win)
    before = page_to_dict(win.page())
    press(win, keys)
    assert win.errors == []
    assert check(win, context)
    check_invariant(win.page())
    assert win.windowTitle().startswith(win.doc.title()) and win.isWindowModified()
    undo_redo_round_trip(win, before)


def test_drag_and_drop_moves_blocks_between_articles(win, qtmodeltester):
    """Dropping a dragged block on another article's block inserts it there, undoably."""
    qtmodeltester.check(win.model)
    before = page_to_dict(win.page())
    block = arts(win)[0].blocks[4]
    model = win.model
    data: QMimeData = model.mimeData([model.index_for_id(block.id)])
    target = model.index_for_id(arts(win)[1].blocks[2].id)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target) is False
    assert arts(win)[1].blocks[2] is block
    check_invariant(win.page())
    undo_redo_round_trip(win, before)


def test_drop_on_page_node_is_refused(win):
    model = win.model
    data = model.mimeData([model.index_for_id(arts(win)[0].blocks[1].id)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))
    assert data.hasFormat(MIME)


def test_refused_correction_shows_a_message_and_changes_nothing(win):
    """Splitting before an article's first block is explained, not done, and not on the stack."""
    before = page_to_dict(win.page())
    select_block(win, 0, 0)
    press(win, "Ctrl+Shift+Return")
    assert len(win.errors) == 1 and page_to_dict(win.page()) == before
    assert win.doc.undo_stack.count() == 0


def test_role_keys_are_shown_in_the_role_menu(win):
    texts = {a.text(): a.shortcut().toString() for a in win.actions.role_menu.actions()}
    assert texts["Headline"] == "H" and texts["Unassigned"] == "X"


def test_edit_text_by_typing_chinese_keeps_the_raw(win):
    """F2 goes to the block text; typed Chinese and Ctrl+Return make an edit, marked in the tree."""
    block = select_block(win, 0, 0)
    before = page_to_dict(win.page())
    press(win, "F2")
    editor = win.inspector.block_text
    assert editor.hasFocus()
    editor.selectAll()
    type_chinese(editor, "中国灯饰之都的追光者")
    press(win, "Ctrl+Return", editor)
    assert block.edited == "中国灯饰之都的追光者" and block.text == "中国灯饰照明之都的追光者"
    assert "✎" in win.model.data(win.model.index_for_id(block.id))
    assert win.page().raw_lines()[377] == "中国灯饰照明之都的追光者"
    assert win.raw_view.line_edited(378) and not win.raw_view.line_edited(379)
    undo_redo_round_trip(win, before)


def test_retitle_in_the_inspector(win):
    select_article(win, 1)
    before = page_to_dict(win.page())
    edit = win.inspector.title_edits["headline"]
    edit.selectAll()
    type_chinese(edit, "阳江培训新业态职工应急技能")
    press(win, "Return", edit)
    assert arts(win)[1].headline == "阳江培训新业态职工应急技能"
    assert win.model.data(win.model.index_for_id(arts(win)[1].id)) == "阳江培训新业态职工应急技能"
    undo_redo_round_trip(win, before)


def test_edit_people_change_role_and_reparse(win):
    """Changing a person's role in the table is one command; re-reading the byline restores it."""
    art = select_article(win, 0)
    before = page_to_dict(win.page())
    combo = win.inspector.people_table.cellWidget(1, 1)
    combo.setCurrentIndex(combo.findData("photographer"))
    assert [p.role for p in art.people] == ["reporter", "photographer"]
    undo_redo_round_trip(win, before)  # restores copies: look the article up again
    press(win, "Ctrl+R")
    assert [(p.name, p.role) for p in arts(win)[0].people] == [
        ("誉建业", "reporter"),
        ("房芳", "correspondent"),
    ]


def test_add_and_remove_person(win):
    art = select_article(win, 0)
    table = win.inspector.people_table
    win.inspector.add_person_row()
    table.item(2, 0).setText("叶 帆")
    assert art.people[-1].name == "叶帆"
    table.setCurrentCell(0, 0)
    win.inspector.remove_person_row()
    assert [p.name for p in art.people] == ["房芳", "叶帆"]
    assert win.doc.undo_stack.count() == 2


def test_page_metadata_and_tags_are_undoable(win):
    before = page_to_dict(win.page())
    select_article(win, 0)
    edit = win.inspector.meta_edits["paper"]
    type_chinese(edit, "广东工人报")
    press(win, "Return", edit)
    tags = win.inspector.tags_edit
    type_chinese(tags, "劳模，灯饰")
    press(win, "Return", tags)
    assert win.page().meta.paper == "广东工人报" and arts(win)[0].tags == ["劳模", "灯饰"]
    press(win, "Ctrl+Z")
    press(win, "Ctrl+Z")
    assert page_to_dict(win.page()) == before


def test_raw_click_selects_block_and_tree_selection_highlights_lines(win):
    """Selection is linked both ways between the raw view and the tree."""
    view = win.raw_view
    block = view.document().findBlockByNumber(377)  # line 378, a headline
    view.setTextCursor(QTextCursor(block))
    view.centerCursor()
    rect = view.blockBoundingGeometry(block).translated(view.contentOffset())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert win.current_block() is arts(win)[0].blocks[0]
    select_block(win, 1, 2)
    assert view.highlighted_lines() == {225, 227, 229, 231}
    assert view.textCursor().block().blockNumber() + 1 == 225


def test_unassigned_lines_are_tinted_and_marked(win):
    select_block(win, 4, -1)  # the source tag （珠工宣）, line 376
    press(win, "X")
    line = 376
    assert win.raw_view.line_role(line) == "unassigned"
    assert win.raw_view.line_tint(line).name() == "#ffb3b3"
    group = win.model.index(win.model.rowCount(win.model.index(0, 0)) - 1, 0, win.model.index(0, 0))
    assert win.model.rowCount(group) == 1


def test_split_at_cursor_in_the_middle_then_undo(win):
    block = select_block(win, 1, 2)
    win.inspector.block_text.moveCursor(QTextCursor.MoveOperation.End)
    press(win, "Alt+Return")
    assert win.errors  # the cursor at the very end cannot split
    assert block in arts(win)[1].blocks


def test_role_key_in_the_raw_view_acts_on_the_selected_lines(win):
    """Lines selected in the raw view take the role; both blocks they touch change, as one step."""
    before = page_to_dict(win.page())
    win.raw_view.select_lines(378, 379)  # a displaced headline and its byline
    press(win, "C", win.raw_view)
    owners = win.page().owner_map()
    assert owners[378][1].role == "caption" and owners[379][1].role == "caption"
    assert win.doc.undo_stack.count() == 1
    undo_redo_round_trip(win, before)


def test_block_text_is_kept_when_leaving_the_editor(win):
    block = select_block(win, 1, 3)
    editor = win.inspector.block_text
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(editor, "（完）")
    win.tree.setFocus()
    QApplication.processEvents()
    assert block.edited == block.text + "（完）"


def _drop(win, ids_index, target, row=-1):
    model = win.model
    data = model.mimeData([model.index_for_id(x) for x in ids_index])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, target) is False


def test_dragging_an_article_reorders_articles(win, qtmodeltester):
    """An article dropped between two others moves there, undoably."""
    qtmodeltester.check(win.model)
    before = page_to_dict(win.page())
    first = arts(win)[0]
    _drop(win, [first.id], win.model.index(0, 0), row=3)  # between the 3rd and 4th article
    assert arts(win)[2] is first
    undo_redo_round_trip(win, before)
    second = arts(win)[1]
    _drop(win, [second.id], win.model.index_for_id(arts(win)[0].id))  # onto the first: before it
    assert arts(win)[0] is second


def test_dragging_blocks_onto_the_unassigned_group_unassigns_them(win, qtmodeltester):
    qtmodeltester.check(win.model)
    before = page_to_dict(win.page())
    ids = [arts(win)[0].blocks[4].id, arts(win)[0].blocks[10].id]
    page_node = win.model.index(0, 0)
    group = win.model.index(win.model.rowCount(page_node) - 1, 0, page_node)
    _drop(win, ids, group)
    assert [b.id for b in win.page().unassigned] == ids
    assert win.doc.undo_stack.count() == 1
    undo_redo_round_trip(win, before)


def test_articles_cannot_be_dropped_into_blocks_or_groups(win):
    model = win.model
    data = model.mimeData([model.index_for_id(arts(win)[0].id)])
    block = model.index_for_id(arts(win)[1].blocks[0].id)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, block)


def test_a_title_role_for_a_block_of_running_text_is_asked_first(win):
    """S on a long paragraph (issue 15): the window asks; declined, nothing changes and the
    status bar says why; accepted, the role is set. A short line takes the role at once."""
    para = next((i, j) for i, a in enumerate(arts(win)) for j, b in enumerate(a.blocks)
                if b.role == "paragraph" and b.display_text.count("。") >= 2)
    block = select_block(win, *para)
    asked = []
    win.ask_yes_no = lambda title, message: asked.append(message) or False
    press(win, "S")
    assert asked and block.role == "paragraph"
    assert "running text" in win.statusBar().currentMessage()
    win.ask_yes_no = lambda title, message: True
    press(win, "S")
    assert block.role == "subhead"
    short = next((i, j) for i, a in enumerate(arts(win)) for j, b in enumerate(a.blocks)
                 if b.role == "subhead" and b is not block)
    asked.clear()
    win.ask_yes_no = lambda title, message: asked.append(message) or False
    select_block(win, *short)
    press(win, "H")
    assert asked == [] and arts(win)[short[0]].blocks[short[1]].role == "headline"


@pytest.mark.parametrize("key, role", [("B", "byline"), ("D", "dateline"), ("O", "source")])
def test_a_credit_role_for_a_block_of_running_text_is_asked_first(win, key, role):
    """B, D or O on a paragraph of several sentences asks too (a byline, dateline or
    source is a line or two); declined, nothing changes."""
    para = next((i, j) for i, a in enumerate(arts(win)) for j, b in enumerate(a.blocks)
                if b.role == "paragraph" and b.display_text.count("。") >= 2)
    block = select_block(win, *para)
    asked = []
    win.ask_yes_no = lambda title, message: asked.append(message) or False
    press(win, key)
    assert asked and block.role == "paragraph"
    win.ask_yes_no = lambda title, message: True
    press(win, key)
    assert block.role == role
