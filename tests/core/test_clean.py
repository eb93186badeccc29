"""Text cleaning: stray spaces, letter-spacing, fake bold, OCR punctuation."""

from editor.core.clean import hard, join_lines, soft, undouble, width


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


def test_ocr_half_width_punctuation_becomes_full_width_between_cjk():
    assert hard(soft("他说,今天下雨:明天晴.")) == "他说，今天下雨：明天晴。"
    assert hard(soft("版本 2.5, 共3个")) == "版本2.5,共3个"


def test_join_lines_keeps_a_space_only_between_latin_words():
    assert join_lines(["这是一个", "测试"]) == "这是一个测试"
    assert join_lines(["open", "source"]) == "open source"


def test_width_counts_cjk_as_one_and_ascii_as_half():
    assert width("中文AI") == 3.0
