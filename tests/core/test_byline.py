"""Byline and dateline parsing into people by role."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.byline import looks_like_byline, parse_byline, parse_lead


def _names(people, role):
    return [p.name for p in people if p.role == role]


def test_lead_with_reporter_and_correspondent():
    lead = parse_lead("本报讯（全媒体记者张小红 通讯员李 明）5月1日，某地举行活动。")
    assert lead.dateline == "本报讯"
    assert _names(lead.people, "reporter") == ["张小红"]
    assert _names(lead.people, "correspondent") == ["李明"]
    assert lead.byline == "全媒体记者张小红 通讯员李明"


def test_wire_dateline_with_two_reporters():
    lead = parse_lead("新华社北京4月9日电（记者 王一帆 陈 静）今天上午")
    assert lead.dateline == "新华社北京4月9日电"
    assert _names(lead.people, "reporter") == ["王一帆", "陈静"]


def test_paper_dateline_with_city_and_date():
    lead = parse_lead("本报上海3月24日电（记者 刘 洋）市政府")
    assert lead.dateline == "本报上海3月24日电"
    assert _names(lead.people, "reporter") == ["刘洋"]


def test_bare_dateline_has_no_byline():
    lead = parse_lead("本报讯 近日，某区召开会议。")
    assert lead.dateline == "本报讯" and lead.byline is None and lead.people == []


def test_standalone_bylines():
    _d, byline, people = parse_byline("■全媒体记者 赵 阳 通讯员 孙晓东")
    assert byline == "全媒体记者赵阳 通讯员孙晓东"
    assert [(p.name, p.role) for p in people] == [("赵阳", "reporter"), ("孙晓东", "correspondent")]
    _d, _b, people = parse_byline("■本报记者 周 海 摄")
    assert [(p.name, p.role) for p in people] == [("周海", "photographer")]
    _d, _b, people = parse_byline("制图：吴小桐")
    assert [(p.name, p.role) for p in people] == [("吴小桐", "graphics")]


def test_byline_lines_are_recognised_and_body_lines_are_not():
    assert looks_like_byline("■全媒体记者赵阳 通讯员孙晓东")
    assert looks_like_byline("本报记者 周海")
    assert looks_like_byline("叶 帆 摄")
    assert not looks_like_byline("记者在现场看到，居民们正在排队。")
    assert not looks_like_byline("参加活动的居民有三百多人")
    # short, opening with a title word and a name, but a clause mark makes it a sentence
    assert not looks_like_byline("记者王丽说，明天开会")
    assert not looks_like_byline("记者 王丽。")
    # running text opening with a title word, cut at a line end: no names after it
    assert not looks_like_byline("记者从有关方面获")
    assert not looks_like_byline("记者从市里了解到")
    assert looks_like_byline("本报记者林书瑶")  # unspaced, but a name
    assert looks_like_byline("记者 从小丽")  # set apart by a space: whatever the surname


def test_a_spaced_name_beside_an_unspaced_one_is_not_letter_spacing():
    _d, byline, people = parse_byline("记者 王 丽 李丽")
    assert [p.name for p in people] == ["王丽", "李丽"]
    _d, _b, people = parse_byline("记 者 王 丽")  # every glyph spaced: letter-spacing
    assert [(p.name, p.role) for p in people] == [("王丽", "reporter")]


def test_several_spaced_two_character_names_on_one_line_pair_up():
    _d, byline, people = parse_byline("记者 王 芳 陈 静 李小明 叶 帆")
    assert [p.name for p in people] == ["王芳", "陈静", "李小明", "叶帆"]
    assert byline == "记者王芳 陈静 李小明 叶帆"


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
GIVEN = "芳静伟敏丽强磊洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宁欣雪晨阳帆亮琳"
AGENCIES = ["本报", "新华社", "中新社"]
PLACES = ["", "北京", "杭州", "黔东南", "乌鲁木齐"]
CREDITS = [("记者", "reporter"), ("本报记者", "reporter"), ("全媒体记者", "reporter"),
           ("通讯员", "correspondent"), ("见习记者", "reporter")]

name = st.builds(
    lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2)
)


@st.composite
def leads(draw):
    """A dateline with a byline in parentheses, printed in one of several ways, and the truth."""
    agency = draw(st.sampled_from(AGENCIES))
    place = draw(st.sampled_from(PLACES if agency == "本报" else PLACES[1:]))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 31))
    gap = draw(st.sampled_from(["", " "]))  # extractors space digits next to Han characters
    printed = f"{agency}{place}{gap}{month}{gap}月{gap}{day}{gap}日电"
    groups = draw(st.lists(st.tuples(st.sampled_from(CREDITS), st.lists(name, min_size=1,
                                                                      max_size=3, unique=True)),
                           min_size=1, max_size=2, unique_by=lambda g: g[0][1]))
    parts, truth = [], []
    for (title, role), names in groups:
        shown = [" ".join(n) if len(n) == 2 and draw(st.booleans()) else n for n in names]
        sep = draw(st.sampled_from([" ", "、"]))
        parts.append(title + draw(st.sampled_from(["", " "])) + sep.join(shown))
        truth += [(n, role) for n in names]
    text = f"{printed}（{' '.join(parts)}）今天上午，会议在市里举行。"
    return text, f"{agency}{place}{month}月{day}日电", truth


@settings(max_examples=300, deadline=None)
@given(leads())
def test_generated_leads_give_their_dateline_and_people(case):
    text, dateline, people = case
    lead = parse_lead(text)
    assert lead is not None and lead.dateline == dateline
    assert [(p.name, p.role) for p in lead.people] == people
    assert text[lead.end :] == "今天上午，会议在市里举行。"


@pytest.mark.parametrize(
    "text,names",
    [
        ("记者 葛明远孟 瑶", ["葛明远", "孟瑶"]),  # a spaced name, its first glyph moved
        ("通讯员冉荣华李妙玲", ["冉荣华", "李妙玲"]),  # the separator lost at a line break
        ("记者王芳李小明", ["王芳", "李小明"]),
        ("记者李小明王芳", ["李小明", "王芳"]),
        ("记者欧阳明辉", ["欧阳明辉"]),  # one name with a compound surname
    ],
)
def test_names_run_together_at_a_line_break_are_told_apart_by_surnames(text, names):
    assert [p.name for p in parse_byline(text)[2]] == names


def test_a_speakers_label_is_no_byline_but_a_rare_surname_is_fine():
    assert not looks_like_byline("记者：劳动报酬、算法")  # an interview question's first line
    assert looks_like_byline("记者：叶帆")
    assert looks_like_byline("■全媒体记者誉建业 通讯员房芳")  # 誉 is rare, the title says it


@pytest.mark.parametrize(
    "text,names",
    [
        ("记者 王芳孟 瑶", ["王芳", "孟瑶"]),  # 芳瑶 is no name: the glyph moved from 王芳
        ("记者 欧阳明孟 瑶", ["欧阳明", "孟瑶"]),  # 欧阳 alone is no name
        ("记者 叶帆 王芳孟 瑶", ["叶帆", "王芳", "孟瑶"]),  # the names before stay
        ("记者 王芳孟 瑶 李小明", ["王芳", "孟瑶", "李小明"]),  # and the ones after
        ("记者王芳叶帆", ["王芳", "叶帆"]),  # four glyphs: two two-glyph names
        ("记者欧阳明辉叶帆", ["欧阳明辉", "叶帆"]),  # a compound surname's name first
        ("记者欧阳明辉李小明", ["欧阳明辉", "李小明"]),
        ("记者欧阳明辉司马青云", ["欧阳明辉", "司马青云"]),
        ("通讯员冉荣华誉建业", ["冉荣华", "誉建业"]),  # a rare surname: halves of six
        ("记者 Xavier 王丽", ["Xavier", "王丽"]),  # only Han runs are split: Latin stays
        ("通讯员 Robert 摄", ["Robert"]),
    ],
)
def test_run_together_names_split_where_both_parts_are_names(text, names):
    assert [p.name for p in parse_byline(text)[2]] == names


def test_a_credit_ending_in_sheying_names_the_photographer_and_keeps_the_word():
    _d, byline, people = parse_byline("通讯员 邵一帆 摄影")
    assert byline == "通讯员邵一帆 摄影"
    assert [(p.name, p.role) for p in people] == [("邵一帆", "photographer")]
    _d, _b, people = parse_byline("本报记者孟飞 摄影钱小禾")  # 摄影 as a title before a name
    assert [(p.name, p.role) for p in people] == [("孟飞", "reporter"), ("钱小禾", "photographer")]
