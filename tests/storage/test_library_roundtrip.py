"""Round trip on generated pages: whatever the model holds, load gives back the same model."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.model import (
    PERSON_ROLES,
    ROLES,
    Article,
    Block,
    Decision,
    Lead,
    Page,
    PageMeta,
    Person,
    Source,
    check_invariant,
)
from editor.storage.library import Library

line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
    min_size=1, max_size=30,
).filter(lambda s: s.strip())
maybe = st.none() | st.text(max_size=12)
conf = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def pages(draw) -> Page:
    """A page whose raw lines are shared out to article blocks, furniture and unassigned."""
    n_articles = draw(st.integers(0, 4))
    owners = ["a"] * n_articles + ["f", "u"]
    lines: list[str] = []
    page = Page(raw="", source=Source(draw(maybe), draw(maybe), draw(maybe),
                                      draw(st.sampled_from([None, "lf", "crlf"]))),
                meta=PageMeta(draw(maybe), draw(maybe), draw(maybe), draw(maybe)))
    page.articles = [Article(confidence=draw(conf), tags=draw(st.lists(line_text, max_size=3,
                                                                       unique=True)),
                             byline=draw(maybe), dateline=draw(maybe),
                             notes_text=draw(st.text(max_size=10)))
                     for _ in range(n_articles)]
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "  ", "\u3000"])))
        k = draw(st.integers(0, len(owners) - 1))
        text = draw(line_text)
        lines.append(text)
        role = draw(st.sampled_from(ROLES))
        block = Block(role=role, lines=[len(lines)], text=text.strip(),
                      edited=draw(st.none() | line_text), confidence=draw(conf),
                      credit=draw(maybe))
        if k < n_articles:
            page.articles[k].blocks.append(block)
        elif owners[k] == "f":
            block.role = "page_header"
            page.furniture.append(block)
        else:
            block.role = "unassigned"
            page.unassigned.append(block)
    for a in page.articles:
        a.people = [Person(draw(line_text), draw(st.sampled_from(PERSON_ROLES)))
                    for _ in range(draw(st.integers(0, 2)))]
        if draw(st.booleans()):
            a.lead = Lead(draw(maybe), draw(maybe), [b.lines[0] for b in a.blocks[:1]])
    page.decisions = [Decision("boundary", page.id, draw(conf), draw(st.text(max_size=8)),
                               draw(st.booleans())) for _ in range(draw(st.integers(0, 2)))]
    newline = "\r\n" if page.source.newline == "crlf" else "\n"
    page.raw = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return page


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(page=pages())
def test_generated_pages_round_trip(tmp_path, page):
    check_invariant(page)
    expected = copy.deepcopy(page)
    with Library.open(str(tmp_path / "gen.sqlite")) as lib:
        first = lib.save_page(page)
        assert lib.load_page(page.id) == expected
        if page.articles:
            page.articles[0].blocks.reverse()
            page.articles.reverse()
        assert lib.save_page(page) == first + 1
        assert lib.load_page(page.id) == page
        assert lib.load_page(page.id, first) == expected
        assert lib.count_articles(page_id=page.id) == len(page.articles)
