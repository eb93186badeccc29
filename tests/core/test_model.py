"""The lossless invariant: every non-blank raw line has exactly one owner, checked where
pages are made and changed, with a repair that loses nothing outside strict mode."""

from __future__ import annotations

import pytest

from editor.core import importer, ops
from editor.core.model import (
    Article,
    Block,
    InvariantError,
    Page,
    check_invariant,
    ensure_invariant,
)

RAW = "甲行\n\n乙行\n丙行\n"  # lines 1, 3, 4 hold text; line 2 is blank


def _page(*blocks: Block, unassigned: list[Block] | None = None) -> Page:
    return Page(raw=RAW, articles=[Article(blocks=list(blocks))], unassigned=unassigned or [])


def test_a_page_whose_every_line_has_one_owner_passes():
    check_invariant(_page(Block("paragraph", [1, 3], "甲行乙行"), Block("paragraph", [4], "丙行")))


@pytest.mark.parametrize(
    "blocks,message",
    [
        ([Block("paragraph", [1, 3], ""), Block("paragraph", [3, 4], "")], "line 3 owned twice"),
        ([Block("paragraph", [1, 2, 3, 4], "")], "owns blank or missing line 2"),
        ([Block("paragraph", [1, 3, 4, 9], "")], "owns blank or missing line 9"),
        ([Block("paragraph", [1, 3], "")], "lines without owner: [4]"),
        ([], "lines without owner: [1, 3, 4]"),
    ],
)
def test_each_way_of_breaking_the_invariant_is_caught(blocks, message):
    with pytest.raises(InvariantError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_invariant(_page(*blocks))


def test_an_owner_in_the_unassigned_list_counts():
    loose = [Block("unassigned", [4], "")]
    check_invariant(_page(Block("paragraph", [1, 3], ""), unassigned=loose))


def test_strict_mode_raises_when_segmentation_loses_a_line(monkeypatch):
    real = importer.segment_page

    def losing(page):
        real(page)
        page.articles[0].blocks.pop()

    monkeypatch.setattr(importer, "segment_page", losing)
    with pytest.raises(InvariantError):
        importer.segment_text("本报讯 近日，某区召开会议。\n会议要求各单位抓好落实。\n")


def test_outside_strict_mode_a_lost_line_is_repaired_and_reported(monkeypatch):
    monkeypatch.delenv("PAGEDESK_STRICT")
    real = importer.segment_page
    lost: list[int] = []

    def losing(page):
        real(page)
        lost.extend(page.articles[0].blocks.pop().lines)

    monkeypatch.setattr(importer, "segment_page", losing)
    page = importer.segment_text("本报讯 近日，某区召开会议。\n\n会议要求各单位抓好落实。\n")
    check_invariant(page)
    assert lost and sorted(n for b in page.unassigned for n in b.lines) == sorted(lost)
    reported = [d for d in page.decisions if d.kind == "invariant"]
    assert len(reported) == len(lost) and all(d.confidence == 0.0 for d in reported)


def test_repair_keeps_a_doubly_owned_line_with_its_first_owner_only(monkeypatch):
    monkeypatch.delenv("PAGEDESK_STRICT")
    first, second = Block("paragraph", [1, 3], ""), Block("paragraph", [3, 4, 2], "")
    page = _page(first, second)
    assert ensure_invariant(page, "test") == [2, 3]
    assert first.lines == [1, 3] and second.lines == [4]
    assert [d.target for d in page.decisions] == [second.id]  # the block that changed


def test_a_sound_page_is_left_alone():
    page = _page(Block("paragraph", [1, 3, 4], "x"))
    assert ensure_invariant(page, "test") == [] and page.decisions == []


def test_a_correction_that_loses_a_line_is_refused():
    page = _page(Block("paragraph", [1, 3], ""), Block("paragraph", [4], ""))

    def drop_last(p):
        p.articles[0].blocks.pop()

    with pytest.raises(ops.OpError) as e:
        ops.apply(page, drop_last)
    assert e.value.code == "invariant"


def test_apply_returns_what_the_operation_returns():
    page = _page(Block("paragraph", [1, 3], ""), Block("paragraph", [4], ""))
    second = page.articles[0].blocks[1].id
    new_id = ops.apply(page, ops.split_article, page.articles[0].id, second)
    assert [a.id for a in page.articles][1] == new_id


def test_the_exact_page_dict_gives_back_exactly_the_model_saved():
    """Revisions and recovery files (pagejson's exact dict, packed as the library stores
    it) keep what pagedesk.page/1 rounds away: full confidences, unassigned blocks."""
    from editor.core import pagejson
    from tests.conftest import SAMPLE_TXT

    page = importer.segment_text(SAMPLE_TXT.read_text(encoding="utf-8"))
    page.articles[0].confidence = 0.123456789
    block = page.articles[0].blocks[-1]
    ops.set_role(page, block.id, "unassigned")
    page.unassigned[-1].edited = "改过"
    back = pagejson.page_from_exact_dict(
        pagejson.unpack(pagejson.pack(pagejson.page_to_exact_dict(page))), page.raw)
    assert back == page
    rounded = pagejson.page_from_dict(pagejson.page_to_dict(page), page.raw)
    assert rounded != page  # (what the plain format rounds away)
