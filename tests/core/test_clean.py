"""Text cleaning: stray spaces, letter-spacing, fake bold, OCR punctuation."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.clean import (
    _CJK_CLASS,
    _HALF_UNITS,
    _IRREGULAR_WIDTH,
    _WS,
    hard,
    is_cjk,
    join_lines,
    soft,
    undouble,
    width,
)


def test_spaces_next_to_cjk_are_removed_but_latin_words_keep_theirs():
    """`4 月 10 日` and `AI 技术` lose their spaces; `open source` keeps its space."""
    assert hard(soft("4 月 10 日，AI 技术")) == "4月10日，AI技术"
    assert hard(soft("使用 open source 软件")) == "使用open source软件"


def test_letter_spaced_line_is_closed_up():
    """A justified line with a space between every glyph reads as normal text."""
    assert hard(soft("代 脉 搏 ，深 刻 认 识 AI 赋 能")) == "代脉搏，深刻认识AI赋能"


def test_full_width_spaces_and_indent_are_trimmed():
    assert hard(soft("\u3000\u3000今天天气很好。")) == "今天天气很好。"


def test_fake_bold_doubling_collapses_only_when_certain():
    """Doubled names and doubled runs before doubled punctuation collapse; real repeats stay."""
    assert undouble("朱炳元朱炳元") == "朱炳元"
    assert undouble("新征程新征程：：明确新目标") == "新征程：明确新目标"
    assert undouble("77 理论理论") == "7 理论"
    assert undouble("看看天气", whole_only=True) == "看看天气"
    assert undouble("我们一起去学校") == "我们一起去学校"
    # each glyph drawn twice: certain from six glyphs on, or in four when a mark is doubled
    assert undouble("新新时时代代") == "新时代"
    assert undouble("察察））") == "察）"  # the end of a bold title's column tag
    assert undouble("常常谢谢") == "常常谢谢"  # real words of repeated glyphs


def test_ocr_half_width_punctuation_becomes_full_width_between_cjk():
    assert hard(soft("他说,今天下雨:明天晴.")) == "他说，今天下雨：明天晴。"
    # at a line's start: Chinese before Han text, a number's before digits (11 / :00)
    assert hard(soft(",他说")) == "，他说"
    assert hard(soft(":00至21:00")) == ":00至21:00"
    assert hard(soft("版本 2.5, 共3个")) == "版本2.5,共3个"


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("天刚蒙蒙亮, 65岁的他", "天刚蒙蒙亮，65岁的他"),  # a number after the comma
        ("当好“协调员”,既不", "当好“协调员”，既不"),  # after a closing quote
        ("开始“鼻子遭罪”:早上", "开始“鼻子遭罪”：早上"),
        ("提高到91.3%,乡镇", "提高到91.3%，乡镇"),  # a percentage, then Han text
        ("AI, 5G and 6G", "AI, 5G and 6G"),  # Latin text keeps its commas
        ("比分 2:1,主队", "比分2:1,主队"),  # a score between digits stays
    ],
)
def test_ocr_commas_after_chinese_text_are_chinese_whatever_follows(read, printed):
    assert hard(soft(read)) == printed


def test_join_lines_keeps_a_space_only_between_latin_words():
    assert join_lines(["这是一个", "测试"]) == "这是一个测试"
    assert join_lines(["open", "source"]) == "open source"


def test_width_counts_cjk_as_one_and_ascii_as_half():
    assert width("中文AI") == 3.0


def _hard_by_hand(text: str) -> str:
    """hard() as first written: a space goes when its neighbour is CJK, a line end or a space."""
    t = _WS.sub(" ", text).strip()
    out = []
    for i, ch in enumerate(t):
        if ch == " ":
            prev = out[-1] if out else ""
            nxt = t[i + 1] if i + 1 < len(t) else ""
            if not prev or not nxt or is_cjk(prev) or is_cjk(nxt) or nxt == " ":
                continue
        out.append(ch)
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("中文·“”—…・ab1 \t\u3000\u00a0\u2003\n，,"))))
def test_hard_removes_the_spaces_a_walk_over_the_characters_removes(text):
    assert hard(text) == _hard_by_hand(text)


def test_the_cjk_pattern_class_is_is_cjk():
    pattern = re.compile(_CJK_CLASS)
    for code in range(0x30000):
        ch = chr(code)
        assert (pattern.match(ch) is not None) == is_cjk(ch), hex(code)


def test_width_by_byte_count_holds_for_every_character_it_takes():
    """width() counts wide glyphs by UTF-8 length for the characters its pattern lets through."""
    for code in range(0x80, 0x10000):
        ch = chr(code)
        if not _IRREGULAR_WIDTH.match(ch):
            assert len(ch.encode()) == 3 and _HALF_UNITS[ch] == 2, hex(code)
    for text in ["", " ", "\t", "a b", "中 文\t1", "“中”—…", "·中", "é中", "𠀀中"]:
        assert width(text) == sum(_HALF_UNITS[c] for c in text) / 2
