"""Column widths: the sliding window reads what column_width reads on each window."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.lines import Line
from editor.core.paragraphs import column_width, window_widths

_LINE = st.tuples(st.integers(0, 50).map(lambda k: k / 2), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=40), st.sampled_from([0.0, 14.0, 18.5]))
def test_window_widths_equal_column_width_of_each_window(specs, fallback):
    lines = [
        Line(n=i, raw="", soft="", text="", w=w, lead=lead) for i, (w, lead) in enumerate(specs)
    ]
    got = window_widths(lines, fallback)
    if len(lines) < 4:
        assert got == [0.0] * len(lines)
        return
    want = [column_width(lines[max(0, i - 6) : i + 7], fallback) for i in range(len(lines))]
    assert got == want


def test_a_line_running_on_into_a_short_last_line_is_no_title():
    """A line wider than the column measured around it is a title set across columns, but
    not when the line under it is a paragraph's short last line (…稳产 / 增收。): it is the
    end of a wider column's paragraph."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import _is_title

    wide, tail, first = make_lines(["温和病虫害监测，力争一季早稻稳产", "增收。", "县农业技术推广"])
    assert not _is_title(wide, tail, 14.0)
    assert _is_title(wide, first, 14.0)  # over a longer line it is still a wide title


def test_a_first_line_whose_sentence_ends_at_its_hung_stop_opens_a_paragraph():
    """No indents: after a full line ending a sentence, a line an indent short whose stop
    hangs past the column end (W-2 glyphs and 。, W-1 wide), then a full line: the short
    line opens a paragraph that goes on; it does not end the paragraph above."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    texts = [
        "去年以来，当地设立知识产权质押融",  # 16: the column
        "风险补偿资金池，对合作银行发生不",
        "良贷款给予补偿，形成共担的机制。",  # 15 glyphs and the stop hung: 16
        "风险分担了，银行的底气也足了。",  # 14 glyphs and the stop: W-1
        "一家国有大型银行普惠金融部负责介",
        "绍，该行专门开发了专利评估模型。",
    ]
    paras = paragraphs(make_lines(texts), 0, [16.0] * len(texts))
    assert [len(p.lines) for p in paras] == [3, 3]


def test_a_quoted_line_with_a_comma_between_paragraphs_is_a_subhead():
    """No indents: after a sentence's end, a line that is one quotation from end to end
    (its comma inside the quotes), then a paragraph's first line (W-2) and a full line:
    the quotation is a subhead, not running text."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    texts = [
        "他牵头办起数学组教研沙龙，带",  # 14: the column
        "着老师们编写校本练习册，已整",
        "理出适合学情的练习题一千道。",
        "“再干两年，看着他们毕业”",  # 13: one quotation
        "按照计划，银龄教师的服务",  # 12: a first line, W-2
        "期一般为一学年，期满后可自愿",
        "续聘。今年春天老人递交申请。",
    ]
    paras = paragraphs(make_lines(texts), 0, [14.0] * len(texts))
    assert [(len(p.lines), p.title) for p in paras] == [(3, False), (1, True), (3, False)]


def test_a_line_with_a_comma_neither_full_nor_a_first_line_can_be_a_subhead():
    """After a sentence's end, a line holding a comma that is neither full nor a first
    line's width (W-2), then a first line and a full line: no running text is so wide, so
    it is a subhead."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    texts = [
        "傍晚时分，学校操场上已经有了",  # 14: the column
        "上百位锻炼的居民，有人说走上",
        "一万步，一点儿也不觉得累呢。",
        "校门打开，操场“上新”",  # 11
        "城区人口密集，老旧小区多",  # 12: a first line, W-2
        "健身场地不足一直是居民反映最",
        "集中的问题，如今好了。",
    ]
    paras = paragraphs(make_lines(texts), 0, [14.0] * len(texts))
    assert [(len(p.lines), p.title) for p in paras] == [(3, False), (1, True), (3, False)]


def test_a_quotation_over_two_lines_at_a_block_end_is_a_title():
    """After a full line ending a sentence, two lines that are one quotation and no
    sentence (“能上课，就是 / 最大的福气”), neither full, ending the block: a title."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    texts = [
        "学。和他一同到来的，",  # 10: the column
        "还有退休语文教师冯淑",
        "贞和数学教师贺长青。",
        "“能上课，就是",
        "最大的福气”",
    ]
    paras = paragraphs(make_lines(texts), 0, [10.0] * len(texts))
    assert [(len(p.lines), p.title) for p in paras] == [(3, False), (1, True), (1, True)]
    # ... not when it runs on into the next line (a quotation inside running text)
    texts[3:] = ["“能上课，就是", "最大的福气”，他", "常常这样说起。"]
    paras = paragraphs(make_lines(texts), 0, [10.0] * len(texts))
    assert not any(p.title for p in paras)


def test_lines_above_a_first_line_opening_with_its_date_are_a_head():
    """Under a sentence's end, lines with no mark right above a line opening with a date
    and a comma (9月6日，…: a story's first sentence) are that story's head."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import forced_titles

    above = "盘装车，准备运往田间。"
    head = ["听民宿主人说说心里话", "桂溪县召开乡村", "民宿发展座谈会"]
    body = ["9月6日，桂溪县文", "化和旅游局召开乡村民", "宿发展座谈会，邀请来"]
    assert forced_titles(make_lines([above, *head, *body])) == {1, 2, 3}
    # running text above (its clause marks), or a line running on into the date: no head
    assert forced_titles(make_lines(["记者了解到，今年", *body])) == set()
    assert forced_titles(make_lines([above, "座谈会将于下周、", *body])) == set()


def test_a_line_opening_with_a_date_and_a_comma_is_no_title():
    """9月6日，… opens a story's first sentence: never a title, nor part of a balanced one,
    however short and unmarked the lines around it."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import _balanced_title, _is_title

    wide, full = make_lines(["9月6日，桂溪县文化和旅游局召开乡村", "民宿发展座谈会，邀请来"])
    assert not _is_title(wide, full, 10.0)  # (wider than the column, yet no title)
    under = ["宿发展座谈会，邀请来", "自全县八个乡镇十五位民宿户"]  # a first line, a full one
    plain = make_lines(["桂溪县文化", "和旅游局召", *under])
    dated = make_lines(["9月6日，", "和旅游局召", *under])
    final = [False] * 4
    assert _balanced_title(plain, 0, 12.0, final) == 2
    assert _balanced_title(dated, 0, 12.0, final) == 0


def test_a_short_block_with_a_clause_and_a_question_is_a_head_unless_someone_asks_it():
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    head = make_lines(["学校操场开放，老", "人预约难咋办？"])
    assert all(p.title for p in paragraphs(head, 0, [8.0, 8.0]))
    asked = make_lines(["记者：操场开放，老", "人预约难在哪里？"])  # an interview's question
    assert not any(p.title for p in paragraphs(asked, 0, [9.0, 9.0]))
    two_clauses = make_lines(["操场开放了，可老人", "约不上，怎么办？"])  # two commas: text
    assert not any(p.title for p in paragraphs(two_clauses, 0, [9.0, 9.0]))


def test_the_end_of_a_run_in_tag_wrapped_from_a_paragraph_is_no_head_line():
    """`…机型。（据` / `新华社电）` ends a paragraph with its source; the heads above the next
    dateline stop there. A headline's own column tag wrapped likewise stays in the head."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import forced_titles

    head = ["路通车通产业通", "山里人坐上“家", "门口”的公交车"]
    head += ["鹤溪县百余个行政村", "实现公交全覆盖"]
    lead = "新华社鹤溪6月3日电（记者 罗静）今年以来，全县新开通公交线路二十条。"
    tail = ["用，并针对茶园、果园", "等场景优化机型。（据", "新华社电）"]
    assert forced_titles(make_lines([*tail, *head, lead])) == {3, 4, 5, 6, 7}
    own_tag = ["邻里互助", "小区里的“共", "享工具箱”（", "社区微观察）"]
    assert forced_titles(make_lines(["他说。", *own_tag, lead])) == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("9月6日，桂溪县文", True),
        ("6日上午，记者走进", True),
        ("近日，由江东省歌舞", True),
        ("记者从有关方面获", True),
        ("本报记者近日走访了", True),
        ("记者手记", False),  # a column's name
        ("记者观察：城南夜校", False),
        ("九月的桂溪县文化", False),
    ],
)
def test_how_a_storys_first_sentence_opens(text, opens):
    """conventions.STORY_OPENING, table-driven; and the lines above such a line are a head."""
    import re

    from editor.core import conventions as cv
    from editor.core.lines import make_lines
    from editor.core.paragraphs import forced_titles

    assert bool(re.match(cv.STORY_OPENING, text)) == opens
    head = ["新型植保无人机可在", "丘陵梯田精准作业"]
    lines = make_lines(["……一万多人。", *head, text, "悉，一款面向丘陵山区"])
    assert (forced_titles(lines) == {1, 2}) == opens


def test_a_head_ending_with_a_question_above_a_first_line_opening_with_its_date():
    from editor.core.lines import make_lines
    from editor.core.paragraphs import forced_titles

    head = ["合肥桐荫街道三年加装电梯212部", "老小区加装电梯", "难题怎么破？"]
    body = ["7月3日下午，合肥市桐荫街", "道青松苑小区5号楼前，新装的"]
    assert forced_titles(make_lines([*head, *body])) == {0, 1, 2}
    # a paragraph's question ending under running text is no head
    text = ["居民们最关心的是，电梯装好以后", "谁来维护，费用怎么分摊？"]
    assert forced_titles(make_lines([*text, *body])) == set()


def test_a_full_line_may_be_a_glyph_short_before_a_number_it_could_not_break():
    """`…每学期` / `180元…`: a typesetter never breaks a number, so the line before one may
    end a glyph short and still be full. A first line whose sentence ends at its end,
    followed by such a line, opens a paragraph that goes on."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import paragraphs

    texts = [
        "有四名学生的作品在县",  # 10: the column
        "里的展览上获了奖。",  # W-1, ending a sentence
        "经费是另一道坎。",  # a first line (W-2) ending its sentence
        "该县按照每生每学期",  # W-1: the number did not fit
        "180元的标准安排经费。",
    ]
    paras = paragraphs(make_lines(texts), 0, [10.0] * len(texts))
    assert [len(p.lines) for p in paras] == [2, 3]
