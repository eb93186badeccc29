"""Undo as a property: any sequence of corrections undone in full gives the page back exactly."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import ops
from editor.core.pagejson import page_to_dict, page_to_json
from editor.gui.commands import PageDocument
from tests.core.test_ops import BASE, _apply, step


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=10))
def test_undo_all_then_redo_all_is_exact(qapp, steps):
    """Undoing every command restores the original page byte for byte (its saved JSON);
    redoing all gives the final one."""
    doc = PageDocument(copy.deepcopy(BASE))
    original = page_to_dict(doc.page)
    original_bytes = page_to_json(doc.page).encode("utf-8")
    for name, x, y in steps:
        try:
            doc.apply(name, lambda page, n=name, a=x, b=y: _apply(page, n, a, b))
        except ops.OpError:
            pass
    final = page_to_dict(doc.page)
    pushed = doc.undo_stack.count()
    assert pushed <= len(steps)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert page_to_dict(doc.page) == original
    assert page_to_json(doc.page).encode("utf-8") == original_bytes  # byte for byte
    assert not doc.modified  # back at the state it was opened in
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert page_to_dict(doc.page) == final


def test_a_refused_operation_leaves_no_command_and_no_change(qapp):
    doc = PageDocument(copy.deepcopy(BASE))
    before = page_to_dict(doc.page)
    art = doc.page.articles[0]

    def half_done(page):
        ops.move_article(page, art.id, 3)  # changes the page, then fails
        raise ops.OpError("split-at-start")

    try:
        doc.apply("split-article", half_done)
    except ops.OpError:
        pass
    assert page_to_dict(doc.page) == before and doc.undo_stack.count() == 0


def test_a_correction_that_would_lose_a_line_is_refused_and_undone(qapp):
    doc = PageDocument(copy.deepcopy(BASE))
    before = page_to_dict(doc.page)

    def drop_a_block(page):
        page.articles[0].blocks.pop()  # its lines would have no owner

    try:
        doc.apply("split-article", drop_a_block)
        raise AssertionError("the broken correction was accepted")
    except ops.OpError as exc:
        assert exc.code == "invariant"
    assert page_to_dict(doc.page) == before and doc.undo_stack.count() == 0
