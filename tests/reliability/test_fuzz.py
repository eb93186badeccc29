"""Hostile text everywhere text goes in: the importer, the query parser and every export
take any string (lone surrogates, control characters, bidi marks, huge runs of one glyph)
and answer with a result or one clear error, never a traceback (issue 16, probes).

CI runs a bounded number of examples; PAGEDESK_FUZZ_EXAMPLES raises it (soak.py runs 10^5).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.importer import segment_text
from editor.core.model import check_invariant
from editor.core.reader import InputError
from editor.export import ExportError, export_articles
from editor.storage.query import QueryError, parse

EXAMPLES = int(os.environ.get("PAGEDESK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Page-like text with the hostile parts mixed in: CJK, punctuation newspapers print,
# bullets, spaces of every kind, newlines, controls and surrogates.
PIECES = st.sampled_from([
    "社区书屋", "座无虚席。", "本报北京3月24日电（记者 叶帆）", "■", "——", "（据新华社电）",
    "\u3000\u3000", " ", "\t", "\n", "\n\n", "\r\n", "\x00", "\x0b", "\x1f", "\u202e",
    "\ufeff", "\ud800", "\udfff", "\U0001f4f0", "责任编辑：王五", "2025年3月24日", "摄",
    "：", "？", "！", "“", "”", "《", "》", "1", "A",
])
PAGE_TEXT = st.one_of(
    st.lists(PIECES, max_size=80).map("".join),
    st.text(max_size=400),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200),
)


@FUZZ
@given(text=PAGE_TEXT)
def test_the_importer_takes_any_text(text):
    try:
        page = segment_text(text)
    except InputError:
        return  # a clear refusal (a text longer than any page)
    assert page.raw == text
    check_invariant(page)


@FUZZ
@given(text=st.one_of(PAGE_TEXT, st.lists(st.sampled_from(
    ["tag:", "person:", "date:", "section:", "paper:", "-", "\"", "劳模", " ", "2025-01",
     "2025-13-40", "\udcff", "：", "OR", "*"]), max_size=40).map("".join)))
def test_the_query_parser_takes_any_text(text):
    try:
        parse(text)
    except QueryError as exc:
        assert str(exc)  # a sentence saying what to type instead


@FUZZ
@given(text=PAGE_TEXT, headline=st.text(max_size=40))
def test_every_export_writes_any_text_or_says_why(text, headline, tmp_path_factory):
    try:
        page = segment_text("标题\n\n" + text + "\n")
    except InputError:
        return
    for a in page.articles:
        for b in a.blocks:
            if b.role == "headline":
                b.text = headline  # an editor may type anything
    folder = tmp_path_factory.mktemp("fuzz")
    for fmt, name in (("txt", "a.txt"), ("html", "a.html"), ("docx", "a.docx"),
                      ("json", "a.json"), ("site", "site")):
        try:
            files = export_articles([page], fmt, folder / name)
        except ExportError as exc:
            assert str(exc) == "nothing to export"  # a page of no articles
            continue
        assert files and all(os.path.getsize(f) > 0 for f in files)
