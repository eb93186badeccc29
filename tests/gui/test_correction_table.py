"""The table of corrections (`actions.corrections`) is the one description of each correction:
the Edit, Article and Review menus, the shortcuts and the undo history's wording come from it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from editor.gui import settings
from editor.gui.actions import Actions, correction, corrections
from editor.gui.commands import command_text

# The correction menu actions as they were before the table: (attribute, menu, shortcut), in
# menu order. Dropping, adding or moving a row of the table fails the tests below.
MENU_ACTIONS = [
    ("edit_text_action", "edit", "F2"),
    ("split_block_action", "edit", "Alt+Return"),
    ("join_action", "edit", "Ctrl+J"),
    ("split_article_action", "article", "Ctrl+Shift+Return"),
    ("merge_prev_action", "article", "Ctrl+Shift+Backspace"),
    ("merge_next_action", "article", "Ctrl+Shift+Delete"),
    ("move_up_action", "article", "Ctrl+Shift+Up"),
    ("move_down_action", "article", "Ctrl+Shift+Down"),
    ("move_blocks_action", "article", "Ctrl+M"),
    ("new_article_action", "article", "Ctrl+Shift+N"),
    ("assign_action", "article", "Ctrl+Shift+A"),
    ("reparse_action", "article", "Ctrl+R"),
    ("next_action", "review", "F8"),
    ("prev_action", "review", "Shift+F8"),
    ("alternative_action", "review", "Ctrl+Shift+K"),
    ("check_action", "review", "Ctrl+K"),
]

# When each menu action is enabled (`Correction.needs`).
NEEDS = {
    "edit_text_action": "block", "split_block_action": "block", "join_action": "block",
    "split_article_action": "block", "merge_prev_action": "earlier-article",
    "merge_next_action": "later-article", "move_up_action": "earlier-article",
    "move_down_action": "later-article", "move_blocks_action": "block",
    "new_article_action": "page", "assign_action": "article-to-assign",
    "reparse_action": "article", "next_action": "decision", "prev_action": "decision",
    "alternative_action": "alternative", "check_action": "decision",
}

# Every command key the window pushes (menus, inspector, drag and drop, review list).
COMMAND_KEYS = {
    "edit-text", "split-block", "join-blocks", "split-article", "merge-previous",
    "merge-next", "move-article", "move-blocks", "new-article", "assign-lines",
    "reparse-byline", "check-decision", "set-role", "set-credit", "set-title", "set-field",
    "set-tags", "set-meta", "set-people",
}


def menu_rows():
    return [c for c in corrections() if c.menu]


def test_the_table_lists_the_correction_menu_actions_in_menu_order():
    assert [(c.action, c.menu, c.shortcut) for c in menu_rows()] == MENU_ACTIONS
    assert len({c.action for c in menu_rows()}) == len(menu_rows())


def test_every_command_key_is_in_the_table_with_one_undo_wording():
    keys = [c.key for c in corrections() if c.key]
    assert set(keys) == COMMAND_KEYS
    for key in COMMAND_KEYS:
        worded = [c for c in corrections() if c.key == key and c.undo_text is not None]
        assert len(worded) == 1, key
        assert correction(key).op
    with pytest.raises(KeyError):
        correction("no-such-correction")


def test_every_undo_wording_is_what_command_text_gives():
    for c in corrections():
        if c.key and c.undo_text is not None:
            # the placeholders given as themselves: the wording comes back as written
            assert command_text(c.key, role="{role}", field="{field}") == c.undo_text
    assert command_text("set-role", role="headline") == "Set role: headline"
    assert command_text("set-meta", field="date") == "Edit page date"
    assert command_text("unknown-key") == "unknown-key"


def test_every_handler_and_operation_exists():
    from editor.core import ops

    for c in corrections():
        if c.op:
            assert callable(getattr(ops, c.op)), c.op
        if c.menu:
            assert callable(getattr(Actions, c.handler)), c.handler


def test_every_row_has_its_menu_action_with_its_shortcut_and_label(win):
    menus = {
        "edit": win.actions.edit_menu,
        "article": win.actions.article_menu,
        "review": win.actions.review_menu,
    }
    for c in menu_rows():
        action = getattr(win.actions, c.action)
        assert isinstance(action, QAction)
        assert win.actions.correction_actions[c.action] is action
        assert action.objectName() == c.action
        assert action.text() == c.label
        assert action.shortcut() == QKeySequence(c.shortcut)
        assert action in menus[c.menu].actions()
        assert action in QMainWindow.actions(win)  # the shortcut works wherever the focus is
    assert len(win.actions.correction_actions) == len(menu_rows())


def _layout(menu):
    return [
        "|" if a.isSeparator() else (a.menu().title() if a.menu() else a.objectName() or a.text())
        for a in menu.actions()
    ]


def test_the_menus_keep_their_order_and_separators(win):
    acts = win.actions
    edit = _layout(acts.edit_menu)
    assert edit[3:] == ["edit_text_action", "split_block_action", "join_action", "Set &role"]
    assert edit[2] == "|"
    assert _layout(acts.article_menu) == [
        "split_article_action", "merge_prev_action", "merge_next_action", "move_up_action",
        "move_down_action", "|", "move_blocks_action", "new_article_action", "assign_action",
        "|", "reparse_action",
    ]
    assert _layout(acts.review_menu) == [
        "next_action", "prev_action", "alternative_action", "check_action"]


def test_no_shortcut_is_used_twice_in_the_window(win):
    seen: dict[str, str] = {}
    for action in {id(a): a for a in win.findChildren(QAction)}.values():
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if not key:
                continue
            assert key not in seen, f"{key}: {seen[key]} and {action.objectName() or action.text()}"
            seen[key] = action.objectName() or action.text()
    for c in menu_rows():
        assert QKeySequence(c.shortcut).toString(QKeySequence.SequenceFormat.PortableText) in seen


def test_a_menu_action_pushes_the_tables_undo_wording(win):
    block = win.page().articles[0].blocks[4]
    win.select_id(block.id)
    win.actions.split_article_action.trigger()
    assert win.doc.undo_stack.text(win.doc.undo_stack.index() - 1) == command_text("split-article")
    win.select_id(win.page().articles[0].id)
    win.actions.move_down_action.trigger()
    stack = win.doc.undo_stack
    assert stack.text(stack.index() - 1) == command_text("move-article") == "Move article"


@pytest.fixture
def chinese(qapp):
    assert settings.install_translators(qapp, "zh_CN")
    yield
    settings.install_translators(qapp, "en")


def test_the_table_is_translated_when_it_is_read(chinese):
    split = correction("split-article")
    assert split.undo_text == QCoreApplication.translate("Commands", "Split article")
    assert split.undo_text != "Split article"
    assert split.label != "&Split article before block"
    assert command_text("split-article") == split.undo_text


def test_every_menu_row_says_when_it_is_enabled():
    assert {c.action: c.needs for c in menu_rows()} == NEEDS


def enabled(win) -> set[str]:
    return {name for name, action in win.actions.correction_actions.items()
            if action.isEnabled()}


def test_the_menu_actions_are_enabled_only_when_they_can_apply(window, qtbot):
    """Issue 15: the table says when each correction can apply; with no page every one is
    greyed out, and each follows the selection (first article: no 'merge with previous')."""
    from editor.gui.commands import PageDocument
    from tests.gui.conftest import gold_page

    assert enabled(window) == set()
    window.add_document(PageDocument(gold_page()))
    page = window.page()
    window.select_id(page.articles[0].id)
    on = enabled(window)
    assert {"merge_next_action", "move_down_action", "reparse_action", "new_article_action",
            "next_action", "check_action"} <= on
    assert not on & {"merge_prev_action", "move_up_action", "edit_text_action",
                     "split_article_action"}
    window.select_id(page.articles[-1].blocks[1].id)
    on = enabled(window)
    assert {"merge_prev_action", "move_up_action", "edit_text_action",
            "split_article_action", "join_action"} <= on
    assert not on & {"merge_next_action", "move_down_action"}
    window.review.list.setCurrentRow(-1)
    assert "alternative_action" not in enabled(window)
    rows = [i for i in range(window.review.count())
            if (window.review.list.setCurrentRow(i) or True)
            and window.review.current_alternative() is not None]
    assert rows, "the sample page has a decision with an alternative"
    window.review.list.setCurrentRow(rows[0])
    assert "alternative_action" in enabled(window)
    window.actions.merge_prev_action.setEnabled(True)  # a stale state is put right ...
    window.select_id(page.articles[0].id)
    window.actions.review_menu.aboutToShow.emit()  # ... at the latest as a menu opens
    assert not window.actions.merge_prev_action.isEnabled()
