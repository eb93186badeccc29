"""The page generator's gold agrees with the text it lays out (else every score is noise)."""

from __future__ import annotations

import re

import pytest

from tests.corpus import stories
from tests.corpus.generate import FAMILIES, make_page
from tests.corpus.layout import CLOSERS, balanced, wrap


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("half", ["tune", "check"])
def test_gold_texts_are_on_the_page_and_lines_are_theirs(family, half):
    page = make_page(family, half, 3)
    lines = page.text.split("\n")
    shapes = page.layout
    exact = not (shapes.ocr_punct or shapes.fake_bold or shapes.raw_spans)
    seen: dict[int, str] = {}
    for a in page.gold["articles"]:
        for el in a["body"] + a["captions"]:
            spans = el.get("spans") or [el["lines"]]
            owned = [n for lo, hi in spans for n in range(lo, hi + 1) if lines[n - 1].strip()]
            for n in owned:
                assert n not in seen, f"line {n} in two elements"
                seen[n] = el["text"]
            if exact:  # the element's own lines hold its text (and a lead, bullet or credit)
                assert _squash(el["text"]) in _squash("".join(lines[n - 1] for n in owned))
    assert page.gold["generator"]["half"] == half


def test_pages_are_deterministic_and_halves_use_their_own_writers():
    a, b = make_page("datelines", "check", 5), make_page("datelines", "check", 5)
    assert a.text == b.text and a.gold == b.gold
    check_ids = {s.id for s in stories("check")}
    assert set(a.gold["generator"]["stories"]) <= check_ids
    tune = make_page("datelines", "tune", 5)
    assert not set(tune.gold["generator"]["stories"]) & check_ids


def test_wrapping_never_starts_a_line_with_closing_punctuation():
    text = "场地开放还催生了新的运动“搭子”。每周六早上，城南实验小学的田径场上都有人。"
    for w in range(6, 20):
        for line in wrap(text, w)[1:]:
            assert line[0] not in CLOSERS
        assert "".join(wrap(text, w)) == text


def test_titles_are_balanced_over_their_lines():
    lines = balanced("西岭市推动学校体育场地向社会开放", 15)
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 1


def test_heads_are_set_larger_than_the_body():
    """A headline's glyphs are two to three body glyphs wide: over a 14-glyph column a
    12-glyph headline breaks in two (it steps down in size to fit two lines); a kicker is
    set larger than the body too, a paragraph at body size."""
    from tests.corpus.layout import Layout, PBlock, _wrap_block

    def wrapped(kind: str, text: str) -> list[str]:
        return _wrap_block(PBlock(kind, text), 14, 14.0, Layout(), None)

    assert wrapped("headline", "守护一河碧水贵在久久为功") == ["守护一河碧水", "贵在久久为功"]
    # at the largest size three lines: a smaller size rather than a third line
    assert len(wrapped("headline", "溧川企业开足马力赶制订单")) == 2
    assert len(wrapped("kicker", "一条河的十年之变白鹭又回来")) == 2
    assert len(wrapped("paragraph", "一条河的十年之变。")) == 1
