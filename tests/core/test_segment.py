"""The importer on the sample page, on pages we wrote, and the lossless invariant."""

import copy
import json
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.evaluate import score_page
from editor.core.importer import import_file, segment_text
from editor.core.model import check_invariant
from editor.core.pagejson import page_from_dict, page_to_dict, page_to_json
from tests.conftest import SAMPLE_GOLD, SAMPLE_TXT
from tests.core.pages import BAKERY, RIVER, article, column, news_page, river_page


def test_sample_page_reproduces_the_gold():
    """All five articles of the real sample page are zero-edit."""
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    page = import_file(SAMPLE_TXT)
    check_invariant(page)
    s = score_page(gold, page_to_dict(page))
    assert s.problems == []
    assert s.zero_edit == s.gold_articles == 5
    assert page.meta.section == gold["page"]["section"]
    assert page.meta.number == gold["page"]["number"]


def test_kicker_headline_dateline_and_source_of_an_article_in_place():
    page = segment_text(river_page())
    check_invariant(page)
    a = page.articles[0]
    assert a.kicker == "城东区三百居民齐上阵"
    assert a.headline == "志愿清理让河道焕然一新"
    assert a.dateline == "本报讯"
    assert a.people_by_role("reporter") == ["林小溪"]
    assert a.people_by_role("correspondent") == ["王大川"]
    assert a.source == "城东宣"
    assert len(a.body) == 3
    assert a.body[0].text.startswith("11月3日，城东区")


def test_displaced_headline_and_byline_are_attached_by_topic():
    """The bakery story's headline and byline sit at the page bottom, after the page furniture."""
    page = segment_text(river_page())
    bakery = next(a for a in page.articles if a.body and a.body[0].text.startswith("老街口"))
    assert bakery.headline == "二十年面包房飘香老街口"
    assert bakery.people_by_role("reporter") == ["孙明"]
    assert [b.text for b in bakery.body] == BAKERY
    assert page.meta.section == "社区新闻" and page.meta.number == "5"


def test_wire_dateline_date_furniture_letter_spacing_and_agency_source():
    page = segment_text(news_page())
    check_invariant(page)
    assert page.meta.date == "2026-11-20"
    assert len(page.articles) == 1
    a = page.articles[0]
    assert a.headline == "西湖区图书馆推出夜间阅读服务"
    assert a.dateline == "新华社杭州10月20日电"
    assert a.people_by_role("reporter") == ["许晴"]
    assert " " not in a.body[0].text
    assert a.source == "据新华社电"


def test_json_output_round_trips_to_the_same_model():
    """Reading our own JSON back gives equal model objects (ids, roles, lines, texts, leads,
    people, decisions), compared as dataclasses rather than through the writer again; the
    JSON keeps confidences to four decimals."""
    page = segment_text(river_page(), file="river.txt")
    again = page_from_dict(json.loads(page_to_json(page)), page.raw)
    expected = copy.deepcopy(page)
    for _a, b in expected.all_blocks():
        b.confidence = round(b.confidence, 4)
    for a in expected.articles:
        a.confidence = round(a.confidence, 4)
    for d in expected.decisions:
        d.confidence = round(d.confidence, 4)
    assert again == expected
    assert again.articles[0].lead.byline and again.articles[0].people


def test_gold_lines_spans_are_file_line_numbers():
    page = import_file(SAMPLE_TXT)
    d = page_to_dict(page)
    first = d["articles"][0]["body"][0]
    assert first["lines"] == [6, 22]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_every_raw_line_has_exactly_one_owner_for_any_text(text):
    check_invariant(segment_text(text))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "本报讯（记者 张三）",
                "■",
                "（新华社）",
                "第3版",
                "标题",
                "这是一段正文，",
                "结束。",
                "  ",
                "\u3000\u3000",
                "13 要闻",
                "2026年1月2日",
                "“",
                "”",
                "AI",
                "摄",
            ]
        ),
        max_size=60,
    )
)
def test_invariant_holds_for_newsroom_fragments(parts):
    text = "\n".join("".join(parts[i : i + 3]) for i in range(0, len(parts), 3))
    check_invariant(segment_text(text))


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_invariant_holds_for_the_sample_with_lines_shuffled(rnd):
    lines = SAMPLE_TXT.read_text(encoding="utf-8").splitlines()
    rnd.shuffle(lines)
    check_invariant(segment_text("\n".join(lines)))


def test_segment_cli_prints_the_json_contract():
    r = subprocess.run(
        [sys.executable, "-m", "editor", "segment", str(SAMPLE_TXT), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0
    d = json.loads(r.stdout)
    assert d["format"] == "pagedesk.page/1" and len(d["articles"]) == 5


def test_eval_cli_reports_zero_edit_for_the_sample():
    r = subprocess.run(
        [sys.executable, "-m", "editor", "eval", str(SAMPLE_GOLD)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0
    assert r.stdout.strip().splitlines()[-1] == "zero-edit articles: 5/5 (100.0%)"


def test_eval_scores_a_wrong_page_lower():
    """The metric can fail: a page with one article merged into another loses zero-edit articles."""
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    pred = page_to_dict(import_file(SAMPLE_TXT))
    a, b = pred["articles"][1], pred["articles"][2]
    a["body"] += b["body"]
    del pred["articles"][2]
    s = score_page(gold, pred)
    assert s.zero_edit == 3 and s.found == 3
    random.seed(0)


def _articles(lines: list[str], count: int):
    """The articles the importer finds in `lines`, invariant checked, `count` of them."""
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert len(page.articles) == count
    return page.articles


def _second_of_two(lines: list[str]):
    return _articles(lines, 2)[1]


def test_a_short_block_wider_than_the_column_is_a_head_set_across_columns():
    """Two unpunctuated-at-the-end lines wider than every body column, alone between blank
    lines: a headline and its subheadline, not a paragraph measured against itself."""
    body = [
        "社区食堂开在老小区一楼，每天中午供应两荤两素，老人凭卡就餐还能享受补贴。",
        "街道负责人介绍，食堂由专业餐饮企业运营，菜单每周公布一次，居民可以在线上提出建议。",
        "七十八岁的钱阿姨说：“以前一个人做饭总是凑合，现在走几步就能吃上热乎饭。”",
    ]
    lines = ["社区食堂开进老小区，午饭有了好去处", "三个街道试点长者助餐服务受到居民欢迎", ""]
    lines += article(body, 12)
    a = _articles(lines, 1)[0]
    assert (a.headline, a.subheadline) == (lines[0], lines[1])
    assert [b.role for b in a.body] == ["paragraph"] * 3


@pytest.mark.parametrize("question", ["社区食堂为何越办越红火？", "食堂为何红火？"])
def test_a_question_over_a_dash_line_is_a_headline_and_its_subheadline(question):
    """An interview's head: a question (as wide as the column, or short), then ——访… on
    its own block above the body."""
    body = [
        "本报讯（记者 何 川）城南街道的社区食堂开业一年，日均就餐老人超过两百人次。"
        "记者近日采访了食堂负责人。",
        "记者：食堂的菜价为什么能比外面便宜？",
        "负责人：场地由街道免费提供，我们只收成本价，老人还有补贴。",
    ]
    lines = [question, "——访城南街道社区食堂负责人", ""]
    lines += article(body, 12)
    a = _articles(lines, 1)[0]
    assert (a.headline, a.subheadline) == (lines[0], lines[1])
    assert a.people_by_role("reporter") == ["何川"]


def test_an_author_under_a_column_tag_on_its_own_line_is_the_byline():
    """Headline, its column tag wrapped onto a line of its own, the author's name, the body."""
    body = [
        "天气转凉以后，不少老人早上起床总觉得关节发紧，这与气温下降、活动减少都有关系。",
        "专家建议，晨起先在床上活动手脚，再慢慢下床；外出锻炼时注意保暖，运动量循序渐进。",
    ]
    lines = ["秋冬护关节，先从晨起做起", "（健康小课堂）", "柏文轩", ""] + article(body, 13)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    a = page.articles[0]
    assert a.headline.startswith("秋冬护关节")
    assert a.people_by_role("author") == ["柏文轩"]


def test_a_head_right_above_its_body_does_not_widen_the_column_it_heads():
    """No blank line between a two-line head far wider than the column (its first line holds
    a comma) and the dateline paragraph under it: the head heads that article. (Two lines of
    equal width may be one balanced headline or a headline and its subheadline: the text
    cannot tell, so only the head's text is checked.)"""
    head = ["旧厂房变身“创客空间”，青年有了新去处", "南湖区盘活闲置厂房引进科技企业四十余家"]
    body = [
        "本报讯（记者 许 岚 通讯员 刘小舟）走进南湖区的老纺织厂，昔日的车间已经改造成明亮的"
        "办公区，三十多家初创企业在这里落户，年轻人进进出出，一派忙碌景象。",
        "区里负责这项工作的同志介绍，改造沿用了厂房的钢结构，节省了近一半的建设费用。",
    ]
    lines = head + article(body, 14) + ["", "老街面包房飘香二十年"] + article(BAKERY, 14)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert len(page.articles) == 2
    a = page.articles[0]
    assert (a.headline or "") + (a.subheadline or "") == "".join(head)
    assert len(a.body) == 2


def test_a_line_over_a_column_tag_line_after_a_sentence_end_is_a_headline():
    """One story's last sentence, then a headline (a comma in it, about a first line wide),
    its column tag on a line of its own, the author and the next story: no blank lines."""
    body = [
        "天气转凉以后，不少老人早上起床总觉得关节发紧，这与气温下降、活动减少都有关系。",
        "专家建议，晨起先在床上活动手脚，再慢慢下床；外出锻炼时注意保暖，运动量循序渐进。",
    ]
    head = ["秋冬护关节，先从晨起做起", "（健康小课堂）"]
    first, a = _articles(article(BAKERY, 14) + head + ["柏文轩"] + article(body, 14), 2)
    assert a.headline == "".join(head)
    assert a.people_by_role("author") == ["柏文轩"]
    assert [b.role for b in first.body] == ["paragraph"] * 3


def test_head_lines_wider_than_the_column_under_them_open_a_run():
    """Two head lines far wider than the body column, printed right above a story's body
    with no blank line, are titles however the run's own width reads."""
    head = ["旧厂房变身“创客空间”，青年有了新去处", "南湖区盘活闲置厂房引进科技企业和团队四十家"]
    body = [
        "走进南湖区的老纺织厂，昔日的车间已经改造成明亮的办公区，三十多家初创企业在这里落户，"
        "年轻人进进出出，一派忙碌景象。",
        "区里负责这项工作的同志介绍，改造沿用了厂房的钢结构，节省了近一半的建设费用。",
    ]
    a = _second_of_two(article(BAKERY, 17) + ["（城东宣）"] + head + article(body, 17))
    assert (a.headline, a.subheadline) == tuple(head)
    assert len(a.body) == 2


def test_a_notices_issuers_and_date_close_its_body():
    """A notice signs off under its last paragraph with its issuers, one per line, and the
    date: paragraphs of the notice, not a head of the next story and not the page's date."""
    notice = [
        "为丰富社区居民文化生活，定于下月举办第三届邻里运动会，现将有关事项通知如下。",
        "一、比赛项目。设拔河、跳绳、踢毽子和趣味接力四个项目，每个社区限报一支队伍。",
        "二、报名方式。请于本月二十日前到所在社区居委会报名。",
    ]
    sign = ["城南街道办事处", "城南街道文化体育站", "2025年4月8日"]
    lines = ["关于举办第三届邻里运动会的通知"] + article(notice, 16) + sign
    lines += ["老街面包房飘香二十年"] + article(BAKERY, 16)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert len(page.articles) == 2
    a = page.articles[0]
    assert [b.text for b in a.body][-3:] == sign
    assert page.articles[1].headline == "老街面包房飘香二十年"
    assert page.meta.date is None


def test_a_subhead_a_glyph_short_of_the_column_after_a_full_last_line():
    """A paragraph whose last sentence ends at a full line, a one-line subhead one glyph short
    of the column (no comma), then a paragraph's first line: the subhead is no running text."""
    p2 = "一是先问需于民，每个小区改什么、怎么改，都由居民议事会商量决定，街道只做协调和保障。"
    p3 = "二是边改边管，改造完成后同步引入物业服务，让小区环境长久保持整洁。"
    lines = ["城南街道老旧小区换新颜", "城南街道今年完成了十", "二个老旧小区改造任务惠及"]
    lines += ["居民三千多户群众很满意。", "老旧小区改造的三点经验"]
    lines += column(p2, 12) + column(p3, 12)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert [(b.role, b.text[:4]) for b in page.articles[0].body] == [
        ("paragraph", "城南街道"),
        ("subhead", "老旧小区"),
        ("paragraph", "一是先问"),
        ("paragraph", "二是边改"),
    ]


def test_a_question_over_a_column_tag_line_at_the_page_top_is_the_headline():
    body = [
        "入夏以后，不少人把锻炼时间挪到了晚上，江边步道上夜跑的人明显多了起来。",
        "专家提醒，晚饭后至少隔一个小时再跑，跑前做好热身，跑后慢走几分钟再拉伸。",
    ]
    head = ["夜跑怎么跑才科学？", "（健康小课堂）"]
    (a,) = _articles(["2025年6月8日 星期日"] + head + ["柏文轩"] + article(body, 16), 1)
    assert a.headline == "".join(head)
    assert a.people_by_role("author") == ["柏文轩"]


def test_a_subhead_balanced_over_three_lines_stays_in_its_commentary():
    """A commentary's subhead evened over three short lines of one width, between a short
    last line and a paragraph's first line: one subhead of the same article."""
    p1 = "社区治理的难点在于如何让居民愿意参与进来，光靠几次动员会是不够的。"
    p2 = "议事会要真正发挥作用，关键是议出来的事情要有人办、办得好，居民才会越来越愿意来。"
    p3 = "一些社区把议事结果张榜公布，接受居民监督，效果就比较明显。"
    lines = ["让居民议事会议出实效", "许文川"] + column(p1, 11)
    lines += ["把议事会的成", "果落到居民的", "家门口去办好"] + column(p2, 11) + column(p3, 11)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert len(page.articles) == 1
    assert [(b.role, b.text[:4]) for b in page.articles[0].body] == [
        ("paragraph", "社区治理"),
        ("subhead", "把议事会"),
        ("paragraph", "议事会要"),
        ("paragraph", "一些社区"),
    ]


def test_text_after_a_closing_credit_opens_another_story_and_each_credit_is_its_own():
    """A story closing with its credit (wrapped over two lines), then a story with no head
    that closes with its own: two articles, each with its own dateline and people."""
    a1 = [
        "9月12日，城乡社区治理工作推进会在枫林区召开，与会人员实地观摩了三个社区的治理实践。",
        "会议强调，社区治理要坚持以人民为中心，聚焦群众急难愁盼问题。",
    ]
    a2 = [
        "入秋以来，南湖区组织农机手抢收晚稻，全区已收割八成以上，预计本周内全部完成。",
        "区农业农村局介绍，今年晚稻长势好于往年，亩产有望提高五十公斤左右。",
    ]
    lines = ["社区治理", "梧川推进城乡社区治理提质增效"] + article(a1, 14)
    lines += ["（本报梧川 1 月 29 日电 记者 陶 ", "然 通讯员 贝佳怡）"] + article(a2, 14)
    lines += ["（本报南湖10月8日电 记者林书瑶 通讯员孙浩）"]
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    assert [(a.dateline, [(p.role, p.name) for p in a.people]) for a in page.articles] == [
        ("本报梧川1月29日电", [("reporter", "陶然"), ("correspondent", "贝佳怡")]),
        ("本报南湖10月8日电", [("reporter", "林书瑶"), ("correspondent", "孙浩")]),
    ]


def test_closing_credits_are_grouped_one_per_credit():
    from editor.core.assemble import _credit_groups
    from editor.core.lines import make_lines

    credits = ["（本报梧川 1 月 29 日电 记者 陶 ", "然 通讯员 贝佳怡）", "（记者林书瑶）"]
    lines = make_lines([*credits, "——叶帆"])
    assert [[ln.n for ln in g] for g in _credit_groups(lines)] == [[1, 2], [3], [4]]


def test_a_column_tag_line_stays_with_its_headline_whatever_story_its_words_match():
    """（身边的工会人）names another story's topic; on its own line under a headline it is
    that headline's column tag, never left unassigned."""
    a1 = [
        "南湖区总工会今年新建职工服务站二十个，工会人走进车间班组，为职工办实事解难题。",
        "区总工会负责人说，工会人要把服务送到职工身边，让职工感受到工会组织的温暖。",
    ]
    a2 = [
        "早上九点，骑手老周把当天的排班表贴上墙，又在群里提醒大家带好雨衣。",
        "去年站点成立小组，老周被大伙推选为小组长，从此多了一个新身份。",
    ]
    lines = ["工会服务站开进车间"] + article(a1, 16)
    lines += ["", "骑手老周的新身份", "（身边的工会人）", ""] + article(a2, 16)
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    headlines = [a.headline for a in page.articles]
    assert headlines == ["工会服务站开进车间", "骑手老周的新身份（身边的工会人）"]
    assert page.unassigned == []


def test_a_short_block_whose_only_mark_is_a_closing_exclamation_is_a_head():
    """Between one story's closing note and a picture's caption: two lines, no punctuation
    but the ！ that ends them — a kicker and a headline, not a paragraph's tail."""
    body = [
        "晚上六点半，城南小学东侧的小门准时打开，居民们刷一下身份证，就能走上塑胶跑道。",
        "去年以来，全市已有四十多所学校向社会开放体育场地，受到居民欢迎。",
    ]
    head = ["南湖推动学校体育场地向社会开放", "家门口的运动场活起来了！"]
    lines = article(BAKERY, 15) + ["（作者为本报特约评论员）"] + head
    lines += ["■傍晚，居民在城南小学操场上锻炼。 本报记者 向 晖 摄"] + article(body, 15)
    a = _second_of_two(lines)
    assert (a.kicker, a.headline) == tuple(head)
    assert len(a.body) == 2


def test_a_fake_bold_headline_in_glyph_pairs_heads_its_story():
    pairs = ["城", "城南", "南街", "街道", "道开", "开起", "起了", "了夜", "夜校"]
    body = [
        "本报讯（记者 许 岚）城南街道的社区夜校开课一个月，报名的居民已有三百多人。",
        "夜校开设书法、摄影和智能手机课程，授课的大多是社区里的退休教师。",
    ]
    page = segment_text("\n".join(pairs + article(body, 15)) + "\n")
    check_invariant(page)
    assert [a.headline for a in page.articles] == ["城南街道开起了夜校"]
    assert page.articles[0].people_by_role("reporter") == ["许岚"]


def test_a_title_broken_inside_a_quotation_is_not_split_by_topic():
    """The second half of a headline broken inside its quotation names another story's
    topic (its column tag); it stays with its first half."""
    a1 = [
        "社区微观察栏目今天走进南湖社区，看社区议事会怎样把居民的小事办成好事。",
        "社区书记说，社区的事大家商量着办，居民参与的热情越来越高。",
    ]
    a2 = [
        "周六上午，服务中心门口排起小队，居民们拎着电钻、扳手来借用或归还。",
        "这个共享工具箱设立一年，借出工具两千多次，成了邻里往来的纽带。",
    ]
    lines = ["社区议事会议出好日子"] + article(a1, 16)
    lines += ["", "邻里互助", "楼里的“共享工具", "箱”（社区微观察）"] + article(a2, 16)
    first, second = _articles(lines, 2)
    assert first.headline == "社区议事会议出好日子"
    assert (second.kicker, second.headline) == ("邻里互助", "楼里的“共享工具箱”（社区微观察）")


def test_an_indented_first_line_ending_its_sentence_at_its_end_goes_on():
    """On a page that indents paragraphs with full-width spaces, a first line whose sentence
    ends right at its end, followed by a full line that is not indented, goes on."""

    def indented(text: str) -> list[str]:
        lines = column(text, 16)
        return ["\u3000\u3000" + lines[0]] + lines[1:]

    paras = [
        "数字普惠金融在农村的推进仍面临一些约束，数据分散在不同部门，共享机制还不健全。",
        "其次是“数字鸿沟”依然存在。农村常住人口老龄化程度较高，部分老年农户不会使用智能手机，"
        "容易被排斥在服务之外。",
        "还要看到，县域中小金融机构自身的数字化能力也是一块短板。",
    ]
    lines = ["数字普惠金融的现实约束"] + [ln for p in paras for ln in indented(p)]
    (a,) = _articles(lines, 1)
    assert [b.text for b in a.body] == paras


def test_a_paragraph_goes_on_over_a_block_gap_after_a_full_line_ending_a_sentence():
    """An extractor ends a text block where the column ends, here after a full line that
    ends a sentence; the next block opens with a full line: one paragraph, not two."""
    lines = ["学校操场开放后的几点建议", "老人们希望预约更方便一些"]
    lines += ["我理解学校的难处：人多了", "要管理，实名预约是为了安全。", ""]
    lines += ["但我想提几点建议：一是能否在", "校门口保留现场登记的通道，老"]
    lines += ["年人持身份证登记就能入校。"]
    lines += ["希望有关部门在推进场地", "开放的过程中，多替我们老年", "人想一想。"]
    (a,) = _articles(lines, 1)
    assert [b.text[:4] for b in a.body] == ["我理解学", "希望有关"]


def test_a_first_line_with_its_comma_hung_past_the_column_opens_a_paragraph():
    """After a full line ending a sentence, a line one glyph short whose last glyph is a
    comma hung past the column (a first line, an indent short, plus the comma) opens a new
    paragraph, also where an extractor puts a blank line after every line."""
    lines = ["冯老师的山区支教生活", "学校每学期都为老教师安排一次"]
    lines += ["全面体检。冯老师笑着说，山里空气"]
    lines += ["好，来了一年，血压反倒降下来了。", "县教育局副局长舒文华会上介绍，"]
    lines += ["银龄教师的工作补助由省、县两级财", "政共同保障，县里还为每位老师购买"]
    lines += ["了意外伤害保险。"]
    (a,) = _articles([x for ln in lines for x in (ln, "")], 1)
    assert [b.text[:4] for b in a.body] == ["学校每学", "县教育局"]


def test_a_caption_under_its_story_stays_there_when_another_story_shares_a_few_more_words():
    """A picture under the river clean-up names the bakery the volunteers rested at: its own
    story's words are there too, so it stays with the story it is printed under."""
    cap = "■清理河道的志愿者在老街面包房前歇脚，店主老陈送上刚出炉的面包。 本报记者 林小溪 摄"
    lines = ["城东区三百居民齐上阵", "志愿清理让河道焕然一新"] + article(RIVER, 18) + [cap]
    lines += ["", "二十年面包房飘香老街口"] + article(BAKERY, 16)
    river, bakery = _articles(lines, 2)
    assert [b.text[:4] for b in river.blocks if b.role == "caption"] == ["清理河道"]
    assert not [b for b in bakery.blocks if b.role == "caption"]


def test_a_headline_repeating_its_lead_word_for_word_is_no_pull_quote():
    """A news headline often repeats its lead's words (溧川市召开…推进会 / 6月18日，溧川市召开…
    推进会，…). Right above that lead it heads the story; a pull-quote repeats a sentence
    from further down."""
    a1 = [
        "9月12日，城乡社区治理工作推进会在枫林区召开，与会人员实地观摩了三个社区的治理实践。",
        "会议强调，社区治理要坚持以人民为中心，聚焦群众急难愁盼问题。",
    ]
    a2 = [
        "本报讯（记者林书瑶）10月8日，南湖区召开晚稻机收现场推进会，部署秋收秋种各项工作。",
        "会议要求，各镇要抢抓晴好天气组织农机手抢收，确保颗粒归仓。",
    ]
    lines = ["梧川推进城乡社区治理提质增效"] + article(a1, 14)
    lines += ["南湖区召开晚稻机收现场推进会"] + article(a2, 14)
    second = _second_of_two(lines)
    assert second.headline == "南湖区召开晚稻机收现场推进会"
    assert second.dateline == "本报讯"


def test_a_narrower_column_opening_right_under_a_wider_one_is_text_not_titles():
    """No blank line between two stories: the second, set at a narrower column under its
    head, would look like a stack of short title lines against the first one's width, and
    its head like a subhead of the first."""
    a1 = [
        "九月以来，桂溪县组织乡村民宿经营户开展服务技能培训，参训人员超过六百人次，"
        "覆盖全县十二个乡镇。",
        "县文化和旅游局负责人表示，将把培训与星级评定挂钩，推动民宿提档升级、错位发展，"
        "让游客住得舒心。",
        "据了解，桂溪县现有乡村民宿四百余家，床位五千八百余张，去年接待游客九十多万人次，"
        "带动三千多人就业，民宿已成为山区群众增收的重要渠道。下一步，县里还将建设民宿集聚区，"
        "完善停车、消防等配套设施。",
    ]
    a2 = [
        "记者从有关方面获悉，一款面向丘陵山区的植保无人机日前完成田间测试，"
        "可在梯田中仿地飞行和变量喷洒。",
        "测试数据显示，与人工喷药相比，该机作业效率提高数十倍，农药用量明显减少。",
    ]
    lines = ["桂溪县民宿经营户参加技能培训"] + article(a1, 15)
    lines += ["新型植保无人机可在丘陵梯田精准作业"] + article(a2, 10)
    first, second = _articles(lines, 2)
    assert [b.role for b in first.body] == ["paragraph"] * 3
    assert second.headline == "新型植保无人机可在丘陵梯田精准作业"
    assert [b.text[:6] for b in second.body] == ["记者从有关方", "测试数据显示"]


_SHIFT_ABOVE = column(
    "据了解，桂溪县现有乡村民宿四百余家，床位五千八百余张，去年接待游客九十多万人次，"
    "带动三千多人就业，民宿已成为山区群众增收的重要渠道。下一步，县里还将建设民宿集聚区，"
    "完善停车、消防等配套设施。",
    15,
)


@pytest.mark.parametrize(
    ("tail", "shift"),
    [
        # text runs on at a narrower width after a sentence end: the column changes there
        (
            column(
                "记者从有关方面获悉，一款面向丘陵山区的植保无人机日前完成田间测试，"
                "可在梯田中仿地飞行和变量喷洒。",
                10,
            ),
            True,
        ),
        # a stack of head lines as narrow holds no clause marks: no column of text
        (
            [
                "路通车通产业通",
                "山里人坐上公交",
                "鹤溪县村村通车",
                "城乡客运一体化",
                "群众出行更方便",
            ],
            False,
        ),
    ],
)
def test_a_column_width_shift_is_read_from_text_lines_only(tail, shift):
    from editor.core.lines import make_lines
    from editor.core.segment import _width_shifts

    run = make_lines([*_SHIFT_ABOVE, *tail, *_SHIFT_ABOVE])
    assert (len(_SHIFT_ABOVE) in _width_shifts(run)) is shift


def test_a_full_line_ending_a_sentence_ends_its_paragraph_before_a_balanced_subhead():
    """A full line ending in 。 may go on with its paragraph, but not when a title balanced
    over the next two lines (each an indent short, the first ending in a comma) stands
    over a paragraph's first line: that is a subhead between two paragraphs."""
    lines = [
        "普惠金融要下沉到田间地头",
        "调研发现，该县依托信用平",
        "台为全县农户建立信用档案后，",
        "金融机构对农户的授信覆盖率由",
        "不足四成提高到七成以上，这说",
        "明普惠与风控并非不能兼得了。",
        "推动产品和服务模式创新，",
        "更好匹配农业经营的新特点",
        "金融机构要深入研究不同产",
        "业、不同主体的资金需求特点，",
        "避免简单地把城市的信贷产品平",
        "移到农村。针对粮食种植、设施",
        "农业等产业，可以结合生产周期",
        "设计还款方式。",
    ]
    (a,) = _articles(lines, 1)
    assert [(b.role, b.text[:6]) for b in a.body] == [
        ("paragraph", "调研发现，该"),
        ("subhead", "推动产品和服"),
        ("paragraph", "金融机构要深"),
    ]


@pytest.mark.parametrize(
    "head",
    [
        ["夏夜骑行，你骑对了", "吗？（运动加油站）"],
        ["换季眼睛痒，当心过敏", "性结膜炎（家庭医生说）"],
    ],
)
def test_a_short_block_ending_with_a_column_tag_is_a_head(head):
    """A block of a line or two ending with a column tag, holding no full stop, the text
    before the tag ending no sentence (or with ？/！): a headline with its column tag."""
    a1 = [
        "社区食堂开在老小区一楼，每天中午供应两荤两素，老人凭卡就餐还能享受补贴。",
        "街道负责人介绍，食堂由专业餐饮企业运营，菜单每周公布一次，居民可以在线上提出建议。",
    ]
    a2 = [
        "入夏以后，白天气温高，不少人把锻炼时间挪到了晚上，江边步道上的人明显多了起来。",
        "专家提醒，运动前要充分热身，运动中注意补水，身体不适要立即停下来休息。",
    ]
    lines = ["社区食堂开进老小区", "", *article(a1, 16), "", *head, "", *article(a2, 16)]
    second = _second_of_two(lines)
    assert second.headline == "".join(head)
    assert [b.text[:4] for b in second.body] == ["入夏以后", "专家提醒"]


def test_a_title_line_between_two_lines_of_one_story_is_that_storys():
    """A stack of kicker and a headline broken in two, whose middle line shares its words
    with another story on the page: one head, not three, since a compositor never stacks
    one story's titles around another's."""
    a1 = [
        "读者来信：我家住在城西老街，过去附近没有像样的饭馆，买菜做饭是一天里最累的事。",
        "希望能在家门口多开几家平价食堂，让老人们天天都能吃上一口热乎饭。",
    ]
    a2 = [
        "中午十一点半，城西区机关大院的侧门准时打开，附近居民排队走进职工餐厅。",
        "区机关事务局介绍，开放以来每天接待居民三百多人次，机关食堂热闹了起来。",
    ]
    lines = ["盼望平价食堂多一些"] + article(a1, 16)
    lines += ["", "城西区推动机关食堂向居民开放", "家门口的小食堂", "“热”起来了！"]
    lines += article(a2, 16)
    first, second = _articles(lines, 2)
    assert first.headline == "盼望平价食堂多一些"
    assert second.kicker == "城西区推动机关食堂向居民开放"
    assert second.headline == "家门口的小食堂“热”起来了！"


def test_a_head_ending_with_a_question_mark_right_above_a_dateline_is_a_head():
    """Under a story's closing note: a full-width line and a line ending with ？, then a
    dateline. Both are the next story's head, not a paragraph of their own."""
    a1 = [
        "谈到今后的打算，站长说，要把服务站从有没有向好不好提升，在商圈周边加密布点。",
        "他说，工会要成为劳动者信得过、靠得住的娘家人。",
    ]
    a2 = [
        "本报讯（记者孙明）7月3日下午，城南街道青松苑小区5号楼前，新装的电梯通过验收。",
        "住在六楼的老人第一次坐电梯下楼，在楼下花园转了一大圈才回家。",
    ]
    head = ["城南街道三年加装电梯二百一十部", "老小区加装电梯难题怎么破？"]
    lines = ["服务站要从有没有到好不好", *article(a1, 16), "（本文采访整理：方然）"]
    lines += [*head, *article(a2, 16)]
    second = _second_of_two(lines)
    assert (second.kicker, second.headline) == tuple(head)
    assert second.dateline == "本报讯"


def test_a_head_set_narrow_over_six_lines_above_a_dateline_is_one_head():
    """A headline and its dash subheadline set in a narrow column, three lines each, right
    above the dateline: all six lines are the head (not a paragraph and an orphan)."""
    body = [
        "本报讯（记者方然）近年来，外卖送餐员、快递员等新就业形态劳动者数量快速增长。",
        "如何把这一群体吸引进工会，让他们在城市里有归属感，记者采访了市总工会负责人。",
    ]
    head = ["让新就业形", "态劳动者“", "有家可依”", "——访滨江市", "总工会常务副", "主席何立群"]
    page = segment_text("\n".join(["2022年3月30日 星期三", *head, *article(body, 10)]) + "\n")
    check_invariant(page)
    [a] = page.articles
    assert a.headline == "让新就业形态劳动者“有家可依”"
    assert a.subheadline == "——访滨江市总工会常务副主席何立群"
    assert a.dateline == "本报讯" and a.people_by_role("reporter") == ["方然"]




def test_a_narrow_head_balanced_over_four_lines_under_a_sign_off_is_a_head():
    """Under a notice's sign-off (short lines), a headline and its subheadline balanced
    over two lines each, narrower than the column, then a paragraph in a narrower column
    than the notice's: the four title lines are measured against the column under them,
    not against each other and the sign-off (a page the corpus generator laid out)."""
    notice = [
        "\u3000\u3000六、意见反馈。市民对开放工作",
        "有意见建议的，可拨打12345政务服",
        "务便民热线，或向各学校开放管理办",
        "公室反映。",
        "\u3000\u3000特此公告。",
        "\u3000\u3000西岭市教育局",
        "\u3000\u3000西岭市体育局",
        "\u3000\u30002025年2月20日",
    ]
    head = ["专利变“现金”，科创", "企业融资有了新路子"]
    head += ["合肥多方分担风险破解", "知识产权质押融资难题"]
    body = [
        "\u3000\u30006月12日，合肥一家从事工",
        "业视觉检测的科技企业——智瞳",
        "光电科技有限公司，凭借11项发",
        "明专利从银行获得800万元知识",
        "产权质押贷款，从申请到放款只",
        "用了9个工作日。公司财务总监",
        "卢晓菲说：“我们是轻资产企业，",
        "没有厂房可以抵押，以前贷款只",
        "能靠创始人个人担保。”",
    ]
    second = _second_of_two(["关于学校体育场地开放的公告", *notice, *head, *body])
    assert second.headline == "专利变“现金”，科创企业融资有了新路子"
    assert second.subheadline == "合肥多方分担风险破解知识产权质押融资难题"


def test_a_headline_broken_inside_a_quotation_under_the_page_header_is_no_banner():
    """Right under the page header, a headline's first line whose words the story never
    uses, broken inside a quotation: the headline's, not a section banner."""
    body = [
        "6月5日，记者走进一家纺织机械企业的总装车间，十二台焊接机器人正在作业，少见工人身影。",
        "车间主任说，过去这条线要二十八个人，现在只需要六个人巡检，产量还提高了三成。",
        "企业负责人算了一笔账：改造投入两千多万元，三年就能收回成本。",
    ]
    other = [
        "本报讯　今年以来，全市新增高标准农田十二万亩，春耕所需的种子化肥已经全部到位。",
        "农业部门组织技术人员下乡，手把手指导农户科学育秧。",
    ]
    head = ["老厂房里跑出“", "智造加速度”", "——一家老牌纺机企业的改造账本"]
    lines = ["经济 21", *head, *article(body, 18), "", "春耕备耕有序推进", *article(other, 18)]
    a = _articles(lines, 2)[0]
    assert a.headline == "老厂房里跑出“智造加速度”"
    assert a.subheadline == "——一家老牌纺机企业的改造账本"


def test_a_question_head_with_a_comma_over_a_dash_subheadline_above_a_dateline():
    """Every line its own block (an extractor that puts a blank line after each): a
    headline with a comma broken before its question, a dash subheadline, a dateline."""
    a1 = [
        "全县中小学今年新增课后服务项目二十多个，参与学生超过九成。",
        "家长普遍反映，孩子放学后有了好去处。",
    ]
    a2 = [
        "本报讯（记者罗静）组建紧密型县域医共体两年来，全县县域内就诊率回升到九成以上。",
        "县人民医院院长说，医共体要共起来，首先是利益要共，人才和技术也要共。",
    ]
    head = ["医共体，“共”", "在哪里？", "——访青禾县人民", "医院院长姜卫东"]
    lines = ["课后服务有了新菜单", *article(a1, 16), "资料来源：青禾县教育局", *head]
    lines += article(a2, 16)
    spaced = [x for ln in lines for x in (ln, "")]
    second = _second_of_two(spaced)
    assert second.headline == "医共体，“共”在哪里？"
    assert second.subheadline == "——访青禾县人民医院院长姜卫东"


def test_the_pictures_under_a_photo_story_are_its_own():
    """A photo story (a head, a few lines of text, its pictures' captions under it): the
    captions stay with it, although a longer story above uses more of their words."""
    meeting = [
        "本报讯　6月18日，市里召开制造业数字化转型推进会，总结交流前一阶段工作。",
        "会议指出，全市纺织机械、电机等行业的企业要加快建设智能工厂和数字化车间，",
        "推动仓储、装配等环节用上机器人，提高生产效率和产品质量。",
        "会上，二十家企业交流了数字化改造的做法，现场签约项目十九个。",
    ]
    photo = ["入夏以来，全市工业企业订单饱满，不少车间开足马力生产，出口交货值明显增长。"]
    captions = [
        "■纺织机械公司的工人在装配出口织机。 本报记者 钱 峰 摄",
        "■一家电机企业的智能仓储车间内，机器人正在搬运零部件。 通讯员 孙 浩 摄",
    ]
    lines = ["制造业数字化转型推进会召开"] + article(meeting, 18)
    lines += ["", "订单饱满生产忙", "企业开足马力赶订单"] + article(photo, 16) + captions
    first, second = _articles(lines, 2)
    assert [b.text[:4] for b in second.blocks if b.role == "caption"] == ["纺织机械", "一家电机"]
    assert second.people_by_role("photographer") == ["钱峰", "孙浩"]
    assert not [b for b in first.blocks if b.role == "caption"]


def test_a_two_line_block_holding_a_clause_and_its_question_is_a_head():
    """A block of its own between blank lines: `学校操场开放，老 / 人预约难咋办？` (one
    comma, ending with ？) is a headline, not a paragraph; an interview's question with
    its speaker (`记者：…？`) stays a paragraph."""
    letter = [
        "编辑同志：我今年68岁，家住城南街道。去年，附近的小学操场向居民开放，我和老伴有了锻炼去处。",
        "不过，最近有件事让我有些犯难：学校改成了网上预约，不少老人不会用手机，常常约不上。",
    ]
    above = ["本报讯　全市秋粮收购已经启动，各收储企业敞开收购，粮农卖粮排队时间明显缩短。"]
    lines = ["秋粮收购启动", *article(above, 16), "", "学校操场开放，老", "人预约难咋办？", ""]
    second = _second_of_two([*lines, *article(letter, 16)])
    assert second.headline == "学校操场开放，老人预约难咋办？"
    assert second.body[0].text.startswith("编辑同志")


def test_a_wrapped_bare_note_takes_no_note_of_another_story_further_down():
    """`资料来源：凤岭县教育 / 局` ends one story; a note printed under another story much
    further down (its own parenthesis) is that story's, not the rest of the bare note."""
    a1 = [
        "银龄讲学计划实施以来，全县已有十多位退休教师到乡村学校任教，累计听课评课三千多节。",
        "他们结对帮带青年教师八十多人，覆盖语文、数学、物理、英语等八个学科。",
    ]
    a2 = [
        "本报讯　夏夜跑步的人多了起来，医生提醒，运动前要充分热身，跑步中注意补水。",
        "跑步后不要马上坐下休息，慢走几分钟，再做一些拉伸，可以减少第二天的肌肉酸痛。",
    ]
    lines = ["白发先生又站上了讲台", *article(a1, 10), "资料来源：凤岭县教育", "局", ""]
    lines += ["夏夜跑步要注意什么", *article(a2, 10), "（作者为省体育科学研究所医生）"]
    first, second = _articles(lines, 2)
    assert [b.text for b in first.blocks if b.role == "note"] == ["资料来源：凤岭县教育局"]
    assert [b.text for b in second.blocks if b.role == "note"] == ["（作者为省体育科学研究所医生）"]


def test_a_note_goes_on_only_on_the_next_line_and_never_into_a_parenthesis():
    from editor.core.assemble import _continues
    from editor.core.lines import make_lines

    texts = ["资料来源：凤岭县教育", "局", "", "", "本文来源：县统计局", "（作者为教师）"]
    first, rest, far, paren = make_lines(texts)
    assert _continues(rest, first) is first  # the next line
    assert _continues(far, first) is None  # three lines on: another note
    assert _continues(paren, far) is None  # its own parenthesis: a note of its own


def test_a_source_tag_wrapped_over_a_line_end_is_one_source():
    body = ["县农业农村局相关负责人介绍，农技人员将在二十四小时内上门指导，热线服务持续到五月底。"]
    lines = ["春耕农技服务热线开通", *article(body, 10), "（青禾县融媒体中心供", "稿）"]
    (a,) = _articles(lines, 1)
    assert a.source == "青禾县融媒体中心供稿"
    assert [b.lines for b in a.blocks if b.role == "source"] == [[len(lines) - 1, len(lines)]]


def test_a_dateline_alone_on_its_line_takes_the_credits_in_parentheses_under_it():
    body = ["5月6日起，临湖市开通城东片区至高铁站的定制公交专线，早晚高峰每15分钟发出一班。"]
    lines = ["城东至高铁站定制公交开通", "本报临湖12月12日电", "（记者卢 晓 通讯员曹文斌）"]
    (a,) = _articles([*lines, *article(body, 12)], 1)
    assert a.dateline == "本报临湖12月12日电" and a.source is None
    assert a.people_by_role("reporter") == ["卢晓"]
    assert a.people_by_role("correspondent") == ["曹文斌"]
    assert a.body[0].text.startswith("5月6日起")


def test_names_under_a_byline_that_ends_with_a_title_word_are_that_titles():
    """`■本报记者 孙 明 通讯员` / `周文斌`: the names on the next line are the correspondent's,
    one byline, not an author line of their own."""
    text = "\n".join(
        ["二十年面包房飘香老街口", "■本报记者 孙 明 通讯员", "周文斌"] + article(BAKERY, 16)
    ) + "\n"
    page = segment_text(text)
    a = page.articles[0]
    assert a.byline == "本报记者孙明 通讯员周文斌"
    assert a.people_by_role("correspondent") == ["周文斌"]
    assert a.people_by_role("author") == []
    assert [b.role for b in a.blocks].count("byline") == 1


def test_a_spaced_two_glyph_name_ends_a_byline_whole():
    """`■本报记者 孙 明 通讯员 周 斌` / `邻里之间`: the byline ends with a two-glyph name
    printed spaced, not with a name broken after its first glyph; the short line under it
    is not the rest of a name."""
    text = "\n".join(
        ["二十年面包房飘香老街口", "■本报记者 孙 明 通讯员 周 斌", "邻里之间"] + article(BAKERY, 16)
    ) + "\n"
    a = segment_text(text).articles[0]
    assert a.byline == "本报记者孙明 通讯员周斌"
    assert a.people_by_role("correspondent") == ["周斌"]


def test_a_name_broken_after_its_first_glyph_at_a_bylines_end_is_joined():
    """`■本报记者 孙 明 通讯员 周` / `文斌 欧阳蕾`: the next line, names only, is no author
    line of its own: its first word ends the broken name."""
    text = "\n".join(
        ["二十年面包房飘香老街口", "■本报记者 孙 明 通讯员 周", "文斌 欧阳蕾"] + article(BAKERY, 16)
    ) + "\n"
    a = segment_text(text).articles[0]
    assert a.people_by_role("correspondent") == ["周文斌", "欧阳蕾"]
    assert a.people_by_role("author") == []



_LIBRARY_STORY = """图书馆夜间开放受欢迎

　　市图书馆从本月起把闭馆时间推迟到晚上十点，夜间读者明显增多。图书馆在一楼增设自习座位
两百个，读者凭借阅证即可入座。馆长介绍，夜间开放以来，图书馆日均接待读者三千余人次。
　　不少读者说，下班后也能来图书馆看书，很方便。图书馆还将推出夜间讲座。
"""
_BOOK_ROOM = """　　本报讯 近日，东城区首批十二家社区书屋同时开门，居民步行十分钟就能借到
新书。书屋由街道提供场地，区里统一配送书籍，志愿者轮流值守。
　　社区书屋还开设亲子阅读角，周末举办故事会，受到孩子和家长欢迎。
"""


@pytest.mark.parametrize("blank, kicker", [("", "图书馆读者服务升级"), ("\n", None)])
def test_a_head_line_split_off_by_its_words_without_a_body_goes_back_to_its_stack(blank, kicker):
    """A kicker whose words match another story (that already has its head) goes back to
    the headline printed right under it instead of being left unassigned; a blank line
    between them (an extractor's block boundary) keeps it apart."""
    text = (_LIBRARY_STORY + "\n图书馆读者服务升级\n" + blank
            + "社区书屋开到居民家门口\n本报记者 吴敏\n" + _BOOK_ROOM)
    page = segment_text(text)
    second = page.articles[1]
    assert second.headline == "社区书屋开到居民家门口"
    assert second.kicker == kicker
    assert [b.text for b in page.unassigned] == ([] if kicker else ["图书馆读者服务升级"])


@pytest.mark.parametrize("tight", [True, False])
def test_two_stories_run_together_under_heads_printed_at_the_top_are_split_by_their_heads(tight):
    """All heads printed at the page top, the bodies below them in one column with only a
    blank line between two stories: the body is split where the second head's story
    begins (each head names one side of that break), and each head gets its own. On a
    page with a blank line after every line, blank lines say nothing: nothing is split."""
    heads = ["志愿清理让河道焕然一新", "", "老街面包房麦香飘了二十年", ""]
    lines = heads + article(RIVER, 18) + [""] + article(BAKERY, 18)
    if not tight:
        lines = [x for ln in lines if ln for x in (ln, "")]
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    if tight:
        assert [a.headline for a in page.articles] == [
            "志愿清理让河道焕然一新", "老街面包房麦香飘了二十年"]
        assert page.articles[1].blocks[-1].text.startswith("面包房的故事")
        assert not any("老街口" in b.text for b in page.articles[0].blocks)
    else:
        assert len(page.articles) == 1


@pytest.mark.parametrize("after, joined", [(RIVER[1:], True), (BAKERY, False)])
def test_a_story_goes_on_under_a_picture_printed_inside_its_columns(after, joined):
    """A photo printed inside a story's columns puts its caption between two paragraphs:
    the text under the caption, with no head or dateline of its own, in the same column
    and reading like the story above, is more of that story. Text that reads like no
    story above stays apart."""
    caption = column("志愿者在河岸边分拣捡来的塑料瓶和泡沫饭盒。（本报记者王川摄）", 18, 0)
    lines = (["志愿清理让河道焕然一新"] + article(RIVER[:1], 18) + caption
             + article(after, 18))
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    first = page.articles[0]
    roles = [b.role for b in first.blocks]
    assert "caption" in roles
    went_on = any(b.text.startswith(after[0][:8]) for b in first.blocks)
    assert went_on is joined, [b.text[:10] for a in page.articles for b in a.blocks]


def test_a_generated_photo_story_goes_on_under_its_caption_between_paragraphs():
    """A generated page (tuning half) whose story prints a captioned photo between two of
    its paragraphs: the story stays whole, its closing credit with it, and no article
    without a head is left over."""
    from tests.corpus.generate import family_pages

    gp = next(iter(family_pages("photo-captions", "tune", n=1, seed=0)))
    page = segment_text(gp.text)
    story = next(a for a in page.articles if a.headline == "青禾县春耕备耕按下“快进键”")
    assert any(b.text.startswith("农资供应是春耕") for b in story.blocks)
    assert story.byline and "邹晓峰" in story.byline
    assert all(a.headline for a in page.articles)


def test_pictures_printed_together_go_to_one_story():
    """Two captions printed one under the other above a story's head: the first names that
    story clearly and goes to it; the second, whose few words place it nowhere, goes with
    the first (pictures printed together are one story's) rather than to the story above."""
    captions = ["■老陈在面包房里揉面，准备烤制法棍和菠萝包。 本报记者 王川 摄",
                "■排起长队的老顾客。 本报记者 王川 摄"]
    lines = (["志愿清理让河道焕然一新"] + article(RIVER, 18) + captions
             + ["老街面包房麦香飘了二十年"] + article(BAKERY, 16))
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    bakery = next(a for a in page.articles if a.headline == "老街面包房麦香飘了二十年")
    got = [b.text for b in bakery.blocks if b.role == "caption"]
    assert got == ["老陈在面包房里揉面，准备烤制法棍和菠萝包。", "排起长队的老顾客。"], [
        (a.headline, [b.text for b in a.blocks if b.role == "caption"]) for a in page.articles]


def test_a_caption_is_placed_by_its_words_not_by_its_credit():
    """A caption printed after one story names another; its photographer is that first
    story's correspondent. Its credit's title and name (found in the first story's text)
    weighed as much as its own words and kept it there; the words now decide."""
    caption = "■老陈的女儿在店里打包刚出炉的法棍。 本报通讯员 王大川 摄"
    lines = (["志愿清理让河道焕然一新"] + article(RIVER, 18) + [caption]
             + ["老街面包房麦香飘了二十年"] + article(BAKERY, 16))
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    where = {b.text: a.headline for a in page.articles for b in a.blocks if b.role == "caption"}
    assert where == {"老陈的女儿在店里打包刚出炉的法棍。": "老街面包房麦香飘了二十年"}


def test_a_caption_sharing_no_word_with_any_story_stays_with_its_picture_group():
    """The second of two pictures printed together says nothing any story's text says: it
    goes where the first went, not to the story printed above the pair."""
    captions = ["■老陈和女儿在面包房里揉面，准备烤制法棍和菠萝包。 本报记者 王川 摄",
                "■门前的木招牌。 本报记者 王川 摄"]
    lines = (["志愿清理让河道焕然一新"] + article(RIVER, 18) + captions
             + ["老街面包房麦香飘了二十年"] + article(BAKERY, 16))
    page = segment_text("\n".join(lines) + "\n")
    where = {b.text: a.headline for a in page.articles for b in a.blocks if b.role == "caption"}
    assert set(where.values()) == {"老街面包房麦香飘了二十年"}, where
