"""The review list (F8): only real doubts, explained in words, walked from the first, and the
alternative taken in one key."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core.model import Decision


def press(w, sequence: str, widget=None) -> None:
    """Press a shortcut as a user would, with focus in the tree (or `widget`)."""
    target = widget or w.tree
    target.setFocus()
    QTest.keySequence(target, QKeySequence(sequence))
    QApplication.processEvents()


def arts(w):
    return w.page().articles


def texts(review) -> list[str]:
    return [review.list.item(i).text() for i in range(review.count())]


def set_decisions(w, decisions) -> None:
    w.page().decisions = decisions
    w.review.set_page(w.page())


def test_only_real_doubts_are_listed(win):
    """A decision at full confidence (or above) or already checked is no doubt."""
    a = arts(win)
    set_decisions(win, [
        Decision("boundary", a[1].id, 1.0, "starts-with-lead"),
        Decision("attach", a[0].blocks[0].id, 1.0, "adjacent"),
        Decision("boundary", a[2].id, 0.8, "starts-with-start"),
        Decision("paragraph", a[2].blocks[2].id, 0.6, "break", checked=True),
    ])
    assert win.review.count() == 1
    assert win.review.current_decision() == 2
    assert texts(win.review)[0].startswith("80% ")


def test_each_decision_is_explained_with_its_alternative(win):
    a = arts(win)
    set_decisions(win, [
        Decision("boundary", a[1].id, 0.95, "starts-with-lead"),
        Decision("attach", a[0].blocks[0].id, 0.9, "similarity 0.97"),
        Decision("paragraph", a[2].blocks[2].id, 0.6, "break"),
        Decision("role", a[3].blocks[1].id, 0.75, "subhead-or-headline"),
        Decision("invariant", a[3].blocks[2].id, 0.0, "import: line 7 had no owner"),
    ])
    review = win.review
    tips = [review.list.item(i).toolTip() for i in range(review.count())]
    assert len(tips) == 5
    codes = {"starts-with-lead", "similarity 0.97", "break", "subhead-or-headline"}
    assert not codes & set(tips)
    boundary = next(t for t in tips if "dateline" in t)
    assert boundary == (
        "A new article starts here because the paragraph opens with a dateline or byline. "
        "Alternative: this paragraph continues the article above."
    )
    assert any("(similarity 97%)" in t for t in tips)
    assert sum("Alternative:" in t for t in tips) == 4
    # the current decision's sentence is shown under the list too (no mouse needed)
    press(win, "F8")
    assert review.reason.text() == review.list.currentItem().toolTip()


def test_the_first_f8_goes_to_the_first_decision(win):
    review = win.review
    assert [t[:4] for t in texts(review)] == ["30% ", "60% ", "90% "]
    press(win, "F8")
    assert win.current_id() == arts(win)[0].blocks[0].id  # 30%: the first in the list
    press(win, "F8")
    assert win.current_id() == arts(win)[2].blocks[2].id  # 60%


def test_after_checking_f8_goes_to_the_decision_that_took_its_place(win):
    press(win, "F8")
    press(win, "Ctrl+K")  # the 30% decision leaves the list
    assert win.review.count() == 2
    press(win, "F8")
    assert win.current_id() == arts(win)[2].blocks[2].id  # 60%, not skipped to 90%


def test_a_decision_whose_target_was_deleted_leaves_the_list(win):
    boundary = arts(win)[1]
    win.select_id(boundary.id)
    press(win, "Ctrl+Shift+Backspace")  # merge the 90% boundary's article with the one above
    assert boundary not in arts(win)
    assert win.review.count() == 2
    assert not any("(removed)" in t for t in texts(win.review))
    win.doc.undo_stack.undo()
    assert win.review.count() == 3


def test_the_alternative_of_a_boundary_is_one_undoable_merge(win):
    review = win.review
    press(win, "Shift+F8")  # the last: 90%, the boundary of the second article
    second = arts(win)[1]
    assert win.current_id() == second.id and review.alternative_button.isEnabled()
    press(win, "Ctrl+Shift+K")
    assert len(arts(win)) == 4 and second not in arts(win)
    assert win.page().decisions[0].checked and review.count() == 2
    assert win.doc.undo_stack.count() == 1
    win.doc.undo_stack.undo()
    assert len(arts(win)) == 5 and not win.page().decisions[0].checked
    assert review.count() == 3


def test_the_alternative_of_a_headline_attachment_leaves_it_unassigned(win):
    head = arts(win)[0].blocks[0]
    press(win, "F8")  # 30%: the first article's headline
    assert win.current_id() == head.id
    win.review.alternative_button.click()
    assert head not in arts(win)[0].blocks and head in win.page().unassigned
    assert head.role == "unassigned" and win.page().decisions[1].checked
    assert win.review.count() == 2
    win.doc.undo_stack.undo()
    assert arts(win)[0].blocks[0].id == head.id and not win.page().decisions[1].checked


def test_no_alternative_where_it_is_not_one_correction(win):
    press(win, "F8")
    press(win, "F8")  # 60%: a paragraph break (join or split: not one correction)
    assert win.current_id() == arts(win)[2].blocks[2].id
    assert not win.review.alternative_button.isEnabled()
    press(win, "Ctrl+Shift+K")
    assert win.doc.undo_stack.count() == 0


def test_the_review_list_looks_targets_up_in_one_pass(win, monkeypatch):
    """A page of thousands of decisions took seconds on the GUI thread: each decision
    searched the page for its target. The list reads every id once; only the current
    item's alternative is looked up by itself."""
    from editor.core.model import Page

    calls = []
    for name in ("find_block", "find_article"):
        real = getattr(Page, name)
        monkeypatch.setattr(Page, name, lambda self, ident, real=real: calls.append(ident)
                            or real(self, ident))
    win.page().decisions *= 20  # 60 decisions
    win.review.refresh()
    assert win.review.count() == 60
    assert len(calls) <= 4
