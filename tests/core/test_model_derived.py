"""What the model derives for its callers: a block's line spans (JSON `spans`), the page's
blank lines, an article's label in the tree and its optional fields, and look-ups that find
nothing."""

from __future__ import annotations

from editor.core.model import Article, Block, Page

# Lines 1-7: text, blank, text, text, text, blank, text.
RAW = "甲\n\n乙\n丙\n丁\n   \n戊\n"


def test_blank_lines_are_counted_from_one_and_hold_only_blank_or_space_lines():
    assert Page(raw=RAW).blank_lines() == {2, 6}
    assert Page(raw="甲\r\n\r\n乙\r\n").blank_lines() == {2}
    assert Page(raw="").blank_lines() == set()


def test_a_blank_line_between_two_owned_lines_joins_them_in_one_span():
    blank = Page(raw=RAW).blank_lines()
    assert Block("paragraph", [1, 3, 4], "").spans(blank) == [[1, 4]]
    assert Block("paragraph", [5, 7], "").spans(blank) == [[5, 7]]


def test_consecutive_lines_form_one_span_whatever_the_blank_lines():
    assert Block("paragraph", [3, 4, 5], "").spans() == [[3, 5]]
    assert Block("paragraph", [4, 3], "").spans({2, 6}) == [[3, 4]]  # reading order aside


def test_a_text_line_owned_by_another_block_breaks_the_span():
    """Interleaved columns: the block owns 3 and 5, another block owns 4."""
    blank = Page(raw=RAW).blank_lines()
    assert Block("paragraph", [3, 5], "").spans(blank) == [[3, 3], [5, 5]]
    assert Block("paragraph", [1, 4], "").spans(blank) == [[1, 1], [4, 4]]
    assert Block("paragraph", [1, 3], "").spans() == [[1, 1], [3, 3]]  # no blank lines known


def test_a_block_without_lines_has_no_spans():
    assert Block("headline", [], "编辑加的标题").spans({2}) == []


def test_optional_fields_of_an_article_without_such_blocks_are_none():
    art = Article(blocks=[Block("paragraph", [1], "正文。")])
    assert art.source is None and art.headline is None and art.notes == []
    art.blocks.append(Block("source", [3], "（珠工宣）"))
    assert art.source == "（珠工宣）"


def test_looking_up_an_unknown_article_or_block_finds_nothing():
    page = Page(raw=RAW, articles=[Article(blocks=[Block("paragraph", [1], "甲")])])
    assert page.find_article("no-such-id") is None
    assert page.find_block("no-such-id") is None
    assert page.find_article(page.articles[0].id) is page.articles[0]


# -- the label the tree, the review list and exports show --------------------------------------

BODY = "今年以来，全市工会系统围绕职工关心的实事开展了多项服务活动。"  # 30 glyphs


def test_the_label_is_the_headline_when_there_is_one():
    art = Article(blocks=[Block("headline", [1], "标题"), Block("paragraph", [3], BODY)])
    assert art.label() == "标题"


def test_without_a_headline_the_label_is_the_body_cut_with_an_ellipsis():
    art = Article(blocks=[Block("paragraph", [3], BODY)])
    assert art.label(10) == BODY[:10] + "…"
    assert art.label(len(BODY)) == BODY  # fits exactly: nothing is cut, no ellipsis
    assert art.label(len(BODY) + 5) == BODY


def test_the_tree_label_shows_24_glyphs_by_default():
    """The tree and the history show `label()`: 24 glyphs then an ellipsis."""
    art = Article(blocks=[Block("paragraph", [3], BODY)])
    assert art.label() == BODY[:24] + "…"
    short = Article(blocks=[Block("paragraph", [3], BODY[:24])])
    assert short.label() == BODY[:24]


def test_the_label_skips_titles_bylines_and_empty_body_blocks():
    art = Article(
        blocks=[
            Block("byline", [1], "本报记者 王芳"),
            Block("caption", [2], "图为活动现场。"),
            Block("paragraph", [3], "", edited=""),
            Block("subhead", [4], "服务到一线"),
            Block("paragraph", [5], BODY),
        ]
    )
    assert art.label() == "服务到一线"


def test_an_article_with_no_body_text_has_an_empty_label():
    """Empty, so callers show their own `(no headline)`."""
    assert Article(blocks=[Block("byline", [1], "本报记者 王芳")]).label() == ""
    assert Article().label() == ""


# -- raw lines: how line numbers count ---------------------------------------------------------


def test_crlf_line_ends_are_not_part_of_the_lines():
    assert Page(raw="甲\r\n乙\r\n").raw_lines() == ["甲", "乙"]
    assert Page(raw="甲\r\n\r\n乙").raw_lines() == ["甲", "", "乙"]


def test_mixed_line_ends_each_lose_their_own_cr_only():
    assert Page(raw="甲\r\n乙\n丙\r\n").raw_lines() == ["甲", "乙", "丙"]
    assert Page(raw="甲\n乙\r\n").raw_lines() == ["甲", "乙"]


def test_a_cr_inside_a_line_is_not_a_line_end():
    """Lines count on LF only (as the raw view and JSON line numbers do)."""
    assert Page(raw="甲\r乙\n丙\r\n").raw_lines() == ["甲\r乙", "丙"]


def test_a_last_line_without_a_newline_counts_and_a_final_newline_adds_none():
    assert Page(raw="甲\n乙").raw_lines() == ["甲", "乙"]
    assert Page(raw="甲\n\n").raw_lines() == ["甲", ""]
    assert Page(raw="").raw_lines() == []
    assert Page(raw="\n").raw_lines() == [""]
