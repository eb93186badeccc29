"""Byline forms the first byline tests did not cover: how names are cut and joined, the
normal form of the byline text, credits before or without a title, photo credits, and which
short lines are bylines and which are headlines, captions or interview questions."""

from __future__ import annotations

import pytest

from editor.core.byline import looks_like_byline, parse_byline, parse_lead


def _people(text):
    _d, _b, people = parse_byline(text)
    return [(p.name, p.role) for p in people]


# -- names ----------------------------------------------------------------------------------


def test_a_stray_glyph_is_no_person_and_leaves_the_next_names_whole():
    """A single Han glyph is never a name; the names after it are read as printed, and spaced
    two-character names after it still pair up."""
    assert _people("记者 叶 李小明") == [("李小明", "reporter")]
    assert _people("记者 王 李小明 叶 帆") == [("李小明", "reporter"), ("叶帆", "reporter")]
    _d, byline, _p = parse_byline("记者 王 李小明 叶 帆")
    assert byline == "记者李小明 叶帆"


def test_two_three_character_names_run_together_at_a_line_break_are_two_people():
    """`通讯员冉荣华` / `李妙玲 王晓嘉`: the lost separator gives one six-glyph word."""
    assert _people("通讯员 叶帆 冉荣华李妙玲 王晓嘉") == [
        ("叶帆", "correspondent"),
        ("冉荣华", "correspondent"),
        ("李妙玲", "correspondent"),
        ("王晓嘉", "correspondent"),
    ]


def test_long_transliterated_and_compound_surname_names_are_kept():
    assert _people("记者 阿依努尔·吐尔逊") == [("阿依努尔·吐尔逊", "reporter")]
    assert _people("通讯员 欧阳明辉") == [("欧阳明辉", "correspondent")]


def test_a_latin_name_is_kept_as_printed():
    dateline, byline, people = parse_byline("Xie Huanchi 摄")
    assert dateline is None and byline == "Xie Huanchi 摄"
    assert " ".join(p.name for p in people) == "Xie Huanchi"
    assert {p.role for p in people} == {"photographer"}


# -- the byline's normal form ------------------------------------------------------------------


@pytest.mark.parametrize("printed", ["记者 王芳、陈静", "记者 王芳，陈静", "记者王芳,陈静"])
def test_names_listed_with_a_comma_or_enumeration_comma_keep_the_enumeration_comma(printed):
    _d, byline, people = parse_byline(printed)
    assert byline == "记者王芳、陈静"
    assert [p.name for p in people] == ["王芳", "陈静"]


def test_names_listed_with_spaces_keep_spaces():
    assert parse_byline("记者 王芳 陈静")[1] == "记者王芳 陈静"


def test_wide_gaps_separate_credits_and_single_spaces_inside_them_are_letter_spacing():
    """`本报记者  张 小 红`: the wide gap is the separator, so 张小红 is one three-glyph name
    (read without the wide gap, 张 小 would pair up and 红 be lost)."""
    assert _people("本报记者  张 小 红") == [("张小红", "reporter")]


def test_a_dateline_spaced_with_wide_gaps_is_still_a_dateline():
    dateline, byline, people = parse_byline("新华社北京  4月9日电（记者 王芳）")
    assert dateline == "新华社北京4月9日电"
    assert byline == "记者王芳" and [(p.name, p.role) for p in people] == [("王芳", "reporter")]


def test_without_a_dateline_the_dateline_is_none():
    """None, not "": JSON writes null for a missing dateline."""
    assert parse_byline("记者 王芳")[0] is None
    assert parse_byline("■全媒体记者 赵 阳")[0] is None


def test_a_closing_credit_in_parentheses_gives_its_people_only():
    assert parse_byline("（记者 王芳）") == (None, "记者王芳", parse_byline("记者 王芳")[2])
    assert _people("（本报记者 王芳）") == [("王芳", "reporter")]


def test_words_after_the_parenthesised_byline_of_a_dateline_are_not_names():
    """A lead cut at a line end (`本报讯（…）日前`) read as a byline: only the parentheses
    after the dateline hold the credits."""
    dateline, byline, people = parse_byline("本报讯（全媒体记者 王芳 通讯员 李明）日前")
    assert dateline == "本报讯"
    assert byline == "全媒体记者王芳 通讯员李明"
    assert [(p.name, p.role) for p in people] == [("王芳", "reporter"), ("李明", "correspondent")]


def test_three_credits_each_get_their_own_names():
    assert _people("记者 王芳 通讯员 李明 实习生 张强") == [
        ("王芳", "reporter"),
        ("李明", "correspondent"),
        ("张强", "correspondent"),
    ]


def test_a_name_before_the_first_title_is_an_author():
    """`王芳 整理`: the name comes first, the title after it (and has no names of its own)."""
    dateline, byline, people = parse_byline("王芳 整理")
    assert byline == "王芳 整理"
    assert [(p.name, p.role) for p in people] == [("王芳", "author")]
    assert _people("王芳 记者 李明") == [("王芳", "author"), ("李明", "reporter")]


def test_names_before_a_photo_mark_without_a_title_took_the_picture():
    _d, byline, people = parse_byline("叶 帆 摄")
    assert byline == "叶帆 摄"
    assert [(p.name, p.role) for p in people] == [("叶帆", "photographer")]
    assert _people("王芳 李明 摄") == [("王芳", "photographer"), ("李明", "photographer")]


def test_names_without_a_title_or_photo_mark_are_authors():
    assert _people("王芳 李明") == [("王芳", "author"), ("李明", "author")]


# -- leads ------------------------------------------------------------------------------------


def test_a_lead_ends_before_the_paragraphs_first_word_even_a_latin_one():
    text = "本报讯（记者 王芳）XR技术展示会昨日开幕"
    lead = parse_lead(text)
    assert text[lead.end :] == "XR技术展示会昨日开幕"
    lead = parse_lead("本报讯：XR技术展示会昨日开幕")
    assert lead.dateline == "本报讯" and "本报讯：XR技术展示会昨日开幕"[lead.end :].startswith("XR")


# -- which lines are bylines ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "制图：欧阳明辉",  # a title with a colon before a four-glyph name
        "制图:欧阳明辉",
        "■本报记者欧阳明辉",  # bullet, title and name printed together
        "■欧阳明辉 摄",
        "欧阳明辉 摄",
        "■记 者 王 芳",  # a letter-spaced line: the title shows only once the spaces go
        "王芳 李明 张强 摄",  # three photographers
        "本报记者 欧阳明辉",
    ],
)
def test_these_lines_are_bylines(line):
    assert looks_like_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "记者：为什么？",  # an interview question opens with 记者, but is a sentence
        "记者手记 走进乡村振兴一线",  # a column head opening with 记者
        "记者观察 乡村新变化",
        "致敬记者",  # a headline holding a title word, not opening with it
        "丰收的喜悦 王芳 摄",  # a photo's title before its credit: a caption
        # a long head holding a title word: no byline is 40 glyphs of words
        "记者节特别策划 致敬坚守在抗洪抢险第一线的新闻工作者 "
        "他们用脚步丈量大地 用笔触记录时代变迁",
    ],
)
def test_these_lines_are_not_bylines(line):
    assert not looks_like_byline(line)


# -- dateline forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "people", "rest"),
    [
        ("【本报讯】6月18日，会议召开。", "本报讯", [], "6月18日"),
        (
            "本报北京电（记者 王丽）6月18日，会议召开。",
            "本报北京电",
            [("王丽", "reporter")],
            "6月18日",
        ),
        (
            "人民网北京3月24日电（记者王丽）会议召开。",
            "人民网北京3月24日电",
            [("王丽", "reporter")],
            "会议召开",
        ),
        ("央视网消息：6月18日，会议召开。", "央视网消息", [], "6月18日"),
        (
            "本报讯 记者林书瑶 通讯员孙浩报道：6月18日，会议召开。",
            "本报讯",
            [("林书瑶", "reporter"), ("孙浩", "correspondent")],
            "6月18日",
        ),
        (
            "新华社北京 3 月 24 日电 记者王丽 6月18日，会议召开。",
            "新华社北京3月24日电",
            [("王丽", "reporter")],
            "6月18日",
        ),
        # a title word not followed by names is the text's own first words
        ("本报讯 记者从市教育局获悉，今年新建学校。", "本报讯", [], "记者从市"),
    ],
)
def test_dateline_forms(text, dateline, people, rest):
    lead = parse_lead(text)
    assert lead.dateline == dateline
    assert [(p.name, p.role) for p in lead.people] == people
    assert text[lead.end :].startswith(rest)


@pytest.mark.parametrize(
    ("text", "dateline", "people", "rest"),
    [
        # credits without brackets, ended by the space before the text
        ("本报24日电 记者王明 今天上午", "本报24日电", [("王明", "reporter")], "今天上午"),
        (
            "本报讯 记者 王明 通讯员 李华 今天上午，",
            "本报讯",
            [("王明", "reporter"), ("李华", "correspondent")],
            "今天上午，",
        ),
        ("本报北京电 记者王明 今天", "本报北京电", [("王明", "reporter")], "今天"),
        # ... not a sentence opening with a title word
        ("本报讯 记者从有关方面获悉，一款", "本报讯", [], "记者从有关方面获悉，一款"),
        ("本报讯 今天上午，", "本报讯", [], "今天上午，"),
    ],
)
def test_credits_after_a_dateline_ended_by_a_space(text, dateline, people, rest):
    m = parse_lead(text)
    assert m is not None and m.dateline == dateline
    assert [(p.name, p.role) for p in m.people] == people
    assert text[m.end :] == rest


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("新华社电 今天上午，", "新华社电"),  # an agency with no place or date
        ("新华社电（记者王明）今天", "新华社电"),
        ("农民专业合作社电商平台上线", None),  # 社电 inside running text
    ],
)
def test_an_agency_dateline_without_place_or_date(text, dateline):
    m = parse_lead(text)
    assert (m.dateline if m else None) == dateline


# -- more credit titles, and words closing a byline after its names ---------------------------


@pytest.mark.parametrize("printed, people, normal", [
    ("本报特派记者 张晓明", [("张晓明", "reporter")], "本报特派记者张晓明"),
    ("首席记者 张晓明", [("张晓明", "reporter")], "首席记者张晓明"),
    ("本报实习记者 张晓明", [("张晓明", "reporter")], "本报实习记者张晓明"),
    ("本报评论员 张晓明", [("张晓明", "author")], "本报评论员张晓明"),
    ("特约撰稿 张晓明", [("张晓明", "author")], "特约撰稿张晓明"),
    ("文·图/张晓明", [("张晓明", "author")], "文·图/张晓明"),
    ("记者 张晓明 报道", [("张晓明", "reporter")], "记者张晓明 报道"),
    # (a printed title keeps its role; the closing word names the role of untitled names)
    ("本报记者 张晓明 李静 采写", [("张晓明", "reporter"), ("李静", "reporter")],
     "本报记者张晓明 李静 采写"),
    ("张晓明 李静 采写", [("张晓明", "author"), ("李静", "author")], "张晓明 李静 采写"),
    # the paper's own name may open any title
    ("■本报首席记者 张晓明 通讯员 李静", [("张晓明", "reporter"), ("李静", "correspondent")],
     "本报首席记者张晓明 通讯员李静"),
    ("本报全媒体记者 张晓明", [("张晓明", "reporter")], "本报全媒体记者张晓明"),
    ("张晓明 李静 文/图", [("张晓明", "author"), ("李静", "author")], "张晓明 李静 文/图"),
])
def test_more_credit_titles_and_closing_credit_words(printed, people, normal):
    """Titles national papers print (特派, 首席, 评论员, 特约撰稿 …) and words that close a
    byline after its names (报道, 采写, 文/图): the names with their roles, no word of the
    credit taken for a person."""
    _d, byline, found = parse_byline(printed)
    assert [(p.name, p.role) for p in found] == people
    assert byline == normal
    assert looks_like_byline(printed)


@pytest.mark.parametrize("line", ["新闻报道", "今年的报道", "他说 文/图", "群众 报道"])
def test_a_closing_word_after_no_names_makes_no_byline(line):
    assert not looks_like_byline(line)


@pytest.mark.parametrize("text, people, byline", [
    ("文/本报记者 张三 图/本报记者 李四",
     [("张三", "reporter"), ("李四", "photographer")], "文/本报记者张三 图/本报记者李四"),
    ("图/新华社记者 王五", [("王五", "photographer")], "图/新华社记者王五"),
    ("本报记者 张三 图/ 李四", [("张三", "reporter"), ("李四", "photographer")],
     "本报记者张三 图/李四"),
    ("文/ 张三", [("张三", "author")], "文/张三"),
])
def test_text_and_picture_credits_split_by_a_slash_word(text, people, byline):
    """`文/本报记者 A 图/本报记者 B`: 图/ names no one itself and makes the names after the
    staff title that follows it the photographers (图/ was read as a reporter's name); the
    slash words run on into what they credit."""
    assert _people(text) == people
    assert parse_byline(text)[1] == byline
