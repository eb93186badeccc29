"""Byline and dateline parsing into people by role."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.byline import _DATELINE, looks_like_byline, parse_byline, parse_lead


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


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("■本报刊讯电社网新华北京月日0123 （）记者张三，")),
        max_size=30,
    )
)
def test_a_dateline_always_holds_xun_or_dian(text):
    """parse_lead() skips text without 讯 or 电: no dateline pattern matches it."""
    if _DATELINE.match(text):
        assert "讯" in text or "电" in text
