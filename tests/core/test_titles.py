"""Title roles of a head group's lines (kicker, headline, subheadline), table-driven."""

import pytest

from editor.core.lines import make_lines
from editor.core.titles import title_roles


def _roles(texts: list[str]) -> list[tuple[str, str]]:
    lines = make_lines(texts)
    return [(role, "".join(ln.text for ln in group)) for role, group in title_roles(lines)]


@pytest.mark.parametrize(
    ("texts", "roles"),
    [
        # one title
        (["南湖晚稻收割过八成"], [("headline", "南湖晚稻收割过八成")]),
        # a phrase over a title: kicker and headline
        (
            ["路通车通产业通", "山里人坐上了家门口的公交车"],
            [("kicker", "路通车通产业通"), ("headline", "山里人坐上了家门口的公交车")],
        ),
        # a sentence-like first title: headline and subheadline
        (
            ["专利变现金，科创企业有了新路子", "南湖多方分担风险破解质押融资难题"],
            [
                ("headline", "专利变现金，科创企业有了新路子"),
                ("subheadline", "南湖多方分担风险破解质押融资难题"),
            ],
        ),
        # three titles, the last wider than the one above: kicker, headline, subheadline
        (
            ["路通车通产业通", "山里人坐上家门口的公交车", "鹤溪县百余个行政村实现公交全覆盖"],
            [
                ("kicker", "路通车通产业通"),
                ("headline", "山里人坐上家门口的公交车"),
                ("subheadline", "鹤溪县百余个行政村实现公交全覆盖"),
            ],
        ),
        # a kicker over a headline broken in two (its second line shorter)
        (
            ["城西街道多措并举", "老旧小区加装", "电梯提速"],
            [("kicker", "城西街道多措并举"), ("headline", "老旧小区加装电梯提速")],
        ),
        # a quotation running across the break: one title however uneven its lines
        (["老厂房里的工人跑出了“", "加速度”"], [("headline", "老厂房里的工人跑出了“加速度”")]),
        # a dash opens the subheadline
        (
            ["一条运河的深情回望", "——评舞剧《水驿》"],
            [("headline", "一条运河的深情回望"), ("subheadline", "——评舞剧《水驿》")],
        ),
    ],
)
def test_title_roles(texts, roles):
    assert _roles(texts) == roles


@pytest.mark.parametrize(
    ("texts", "roles"),
    [
        # balanced lines: one title broken in two (heads are printed large, so a head
        # broken for room may hold fewer glyphs than a body line)
        (["守护一河碧水", "贵在久久为功"], [("headline", "守护一河碧水贵在久久为功")]),
        # a dictionary word cut at the break: one title
        (["新建改造高标", "准农田十二万亩"], [("headline", "新建改造高标准农田十二万亩")]),
        # a narrow column's heads, each broken into balanced lines of a few large glyphs
        (
            ["金秋时节", "山乡美", "霞溪村晒", "秋迎客来"],
            [("kicker", "金秋时节山乡美"), ("headline", "霞溪村晒秋迎客来")],
        ),
        # a sentence broken after its clause, its question on the next line: one title
        (["小区议事会，怎样“议”", "出实效？"], [("headline", "小区议事会，怎样“议”出实效？")]),
        (["医共体，“共”", "在哪里？"], [("headline", "医共体，“共”在哪里？")]),
        # ... not when the question has a clause of its own: a kicker over a headline
        (
            ["城南街道，老旧小区", "加梯，难在哪？"],
            [("headline", "城南街道，老旧小区"), ("subheadline", "加梯，难在哪？")],
        ),
        # a line opening with 的 goes on from the line above, however uneven
        (
            ["数字普惠金融", "助力乡村振兴", "的实践路径"],
            [("headline", "数字普惠金融助力乡村振兴的实践路径")],
        ),
        (["一条河的", "的十年之变"], [("headline", "一条河的的十年之变")]),
        # glyphs jieba glues across the break into no dictionary word (美|霞): two titles
        (
            ["金秋山乡美", "霞溪村民晒秋忙"],
            [("kicker", "金秋山乡美"), ("headline", "霞溪村民晒秋忙")],
        ),
    ],
)
def test_title_lines_join_when_balanced_or_broken_inside_a_word(texts, roles):
    assert _roles(texts) == roles


def _split(texts: list[str], bodies: list[str]) -> list[str]:
    from editor.core.similarity import BodyIndex
    from editor.core.titles import HeadGroup, split_head_group

    group = HeadGroup(lines=make_lines(texts))
    return [g.text for g in split_head_group(group, BodyIndex(bodies), bodies)]


SHOP = "区机关事务局介绍，机关食堂向附近居民开放以来，每天接待居民三百多人次，餐厅热闹起来。"
STREET = "早上六点，环卫工人已经在街头忙碌起来，他们清扫路面、清运垃圾，一干就是几个小时。"


def test_a_head_stack_splits_where_its_lines_name_different_stories():
    assert _split(["环卫工人爱心驿站开门", "机关食堂向居民开放"], [STREET + "爱心驿站", SHOP]) == [
        "环卫工人爱心驿站开门",
        "机关食堂向居民开放",
    ]


def test_a_title_line_whose_only_word_two_stories_share_stays_with_the_line_above():
    """`“热”起来了！` holds one word, 起来, found in both stories alike: a tie tells no
    story apart, so the line stays with the head above it."""
    assert _split(["机关食堂向居民开放", "“热”起来了！"], [STREET, SHOP]) == [
        "机关食堂向居民开放“热”起来了！"
    ]


def test_a_title_line_opening_with_de_stays_with_the_line_above():
    """`的实践路径` shares a word with another story, but no phrase opens with 的: it is the
    rest of the title above."""
    finance = "金融是实体经济的血脉，数字普惠金融正在助力乡村振兴。"
    county = "县域是经济社会发展的基本单元，各地在实践中探索创新路径。"
    assert _split(["数字普惠金融", "助力乡村振兴", "的实践路径"], [finance, county]) == [
        "数字普惠金融助力乡村振兴的实践路径"
    ]
