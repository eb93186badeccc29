"""Repairing a broken lossless invariant outside strict mode: what each repair leaves on the
page and what it reports to the review list (a decision of kind `invariant`, confidence 0,
naming the stage and the lines)."""

from __future__ import annotations

import pytest

from editor.core.model import (
    Article,
    Block,
    InvariantError,
    Page,
    check_invariant,
    ensure_invariant,
)

RAW = "甲行\n\n  乙行  \n丙行\n"  # lines 1, 3, 4 hold text; line 2 is blank


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.delenv("PAGEDESK_STRICT", raising=False)


def _page(*blocks: Block) -> Page:
    return Page(raw=RAW, articles=[Article(blocks=list(blocks))])


def test_a_block_owning_a_blank_and_a_missing_line_loses_them_and_is_reported(lenient):
    block = Block("paragraph", [1, 2, 3, 4, 9], "")
    page = _page(block)
    assert ensure_invariant(page, "segmentation") == [2, 9]
    assert block.lines == [1, 3, 4] and page.unassigned == []
    (d,) = page.decisions
    assert (d.kind, d.target, d.confidence, d.checked) == ("invariant", block.id, 0.0, False)
    assert d.detail.startswith("segmentation:") and "[2, 9]" in d.detail
    check_invariant(page)


def test_lines_without_an_owner_become_unassigned_blocks_with_their_text(lenient):
    page = _page(Block("paragraph", [1], "甲行"))
    assert ensure_invariant(page, "reading") == [3, 4]
    assert [(b.role, b.lines, b.text, b.confidence) for b in page.unassigned] == [
        ("unassigned", [3], "乙行", 0.0),  # the raw line, stripped
        ("unassigned", [4], "丙行", 0.0),
    ]
    assert [(d.kind, d.target, d.confidence) for d in page.decisions] == [
        ("invariant", page.unassigned[0].id, 0.0),
        ("invariant", page.unassigned[1].id, 0.0),
    ]
    assert page.decisions[0].detail == "reading: line 3 had no owner"
    check_invariant(page)


def test_every_kind_of_break_at_once_is_repaired_without_losing_a_line(lenient):
    first, second = Block("paragraph", [3, 2], ""), Block("paragraph", [3, 9], "")
    page = _page(first, second)
    assert ensure_invariant(page, "test") == [1, 2, 3, 4, 9]  # 3: second's copy; 1, 4: no owner
    assert first.lines == [3] and second.lines == []
    assert sorted(n for b in page.unassigned for n in b.lines) == [1, 4]
    assert all(d.kind == "invariant" and d.confidence == 0.0 for d in page.decisions)
    check_invariant(page)


def test_in_strict_mode_nothing_is_repaired():
    block = Block("paragraph", [1, 2], "")
    page = _page(block)
    with pytest.raises(InvariantError):
        ensure_invariant(page, "test")
    assert block.lines == [1, 2] and page.decisions == [] and page.unassigned == []


# -- what the check says (shown when a correction or a save is refused) -------------------------


def test_a_line_owned_twice_names_both_owners():
    first, second = Block("paragraph", [1, 3], ""), Block("paragraph", [3, 4], "")
    with pytest.raises(InvariantError) as e:
        check_invariant(_page(first, second))
    assert str(e.value) == f"line 3 owned twice ({first.id} and {second.id})"


def test_unowned_lines_are_listed_ten_at_most():
    raw = "".join(f"第{i}行\n" for i in range(1, 16))
    page = Page(raw=raw, articles=[Article(blocks=[Block("paragraph", [1], "")])])
    with pytest.raises(InvariantError) as e:
        check_invariant(page)
    assert str(e.value) == f"lines without owner: {list(range(2, 12))}"
