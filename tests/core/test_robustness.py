"""Issue 8: the importer across extractor shapes and other papers' conventions, on our own pages."""

from __future__ import annotations

import pytest

from editor.core.evaluate import score_page
from editor.core.importer import segment_text
from editor.core.model import check_invariant
from editor.core.pagejson import page_to_dict
from tests.core.layout import Art, articles, interleave, ocr, render
from tests.core.pages import column

WIDTHS = [18, 16, 20, 15, 17, 19]


def _score(text: str, gold: dict):
    page = segment_text(text)
    check_invariant(page)
    return page, score_page(gold, page_to_dict(page))


def _assert_all_zero_edit(text: str, gold: dict):
    page, s = _score(text, gold)
    assert s.problems == [], s.problems
    assert s.zero_edit == s.gold_articles == s.pred_articles
    return page


@pytest.mark.parametrize("blank", [False, True], ids=["no-blank-lines", "blank-lines"])
def test_six_papers_conventions_in_place(blank):
    """Kicker/headline/subheadline, datelines, stand-alone bylines, authors, notes, sources."""
    _assert_all_zero_edit(*render(articles(), widths=WIDTHS, blank=blank))


def test_crlf_and_full_width_indents():
    text, gold = render(articles(), widths=WIDTHS, indent="\u3000\u3000", newline="\r\n")
    _assert_all_zero_edit(text, gold)


@pytest.mark.parametrize("seed", [1, 3, 7, 10])
def test_displaced_heads_are_attached_by_topic(seed):
    _assert_all_zero_edit(*render(articles(), widths=WIDTHS, displaced=(0, 2, 3, 5), seed=seed))


@pytest.mark.parametrize("seed", [1, 2, 5])
def test_interleaved_runs_of_three_articles_are_rethreaded(seed):
    """pdftotext order: heads across the top, then column chunks of three articles in turn."""
    page = _assert_all_zero_edit(*interleave(articles()[:3], widths=[18, 16, 20], seed=seed))
    # Paragraphs cut across chunks own non-contiguous lines, reported as spans.
    d = page_to_dict(page)
    assert any("spans" in el for a in d["articles"] for el in a["body"])


@pytest.mark.parametrize("seed", [0, 4, 9])
def test_interleaved_runs_of_four_articles_with_notes_and_bylines(seed):
    """Four articles in column chunks: an opinion piece with its author note, a stand-alone
    byline, a dateline; paragraph tails alone in a chunk go back to their article."""
    _assert_all_zero_edit(*interleave(articles()[2:6], widths=[17, 19, 15, 18], seed=seed))


def test_ocr_noise_half_width_punctuation_and_spaced_glyphs():
    text, gold = render(articles(), widths=WIDTHS)
    _assert_all_zero_edit(ocr(text, seed=5), gold)


def test_wrapped_letter_spaced_headline_and_headline_broken_in_two():
    arts = articles()[:2]
    text, gold = render(arts, widths=[18, 16])
    text = text.replace(
        "城西街道多措并举\n老旧小区加装电梯提速\n",
        "城 西 街 道 多 措 并 举\n老旧小区加装\n电梯提速\n",
    )
    gold["articles"][0]["headline"] = "老旧小区加装电梯提速"
    _assert_all_zero_edit(text, gold)


def test_opinion_author_note_wrapped_and_several_authors():
    art = Art(
        headline="把公共空间还给孩子",
        byline_line="林 木  高远山",
        byline="林木 高远山",
        people={"author": ["林木", "高远山"]},
        subheadline="——关于儿童友好城市建设的研讨会述要",
        paras=[
            "城市公园里，适合孩子们奔跑的草坪越来越少，游乐设施也常常只有几件简单的滑梯和秋千。",
            "与会者认为，儿童友好不是一句口号，而是要在规划和建设中真正听取孩子和家长的意见。",
        ],
        note="（作者为某大学建筑学院副教授，长期研究社区公共空间）",
    )
    text, gold = render([art], widths=[14], header="9 评论")
    page = _assert_all_zero_edit(text, gold)
    note = page.articles[0].notes[0]
    assert note.startswith("（作者为") and note.endswith("）")
    assert len(page.articles[0].blocks[-1].lines) >= 2  # the note was wrapped


def test_page_furniture_and_furniture_like_lines_belong_to_no_article():
    arts = articles()[:2]
    body, gold = render(arts, widths=[18, 16], header=None)
    pull = arts[0].paras[1][:20]
    banner = "共建共享美好家园"  # a column banner: a campaign slogan, no article's title
    text = (
        f"2018 年 1 月 5 日 星期五\n77 理论理论\n{banner}\n"
        + body
        + "制图：马小青\n苏 丹作（新华社发）\n"
        + pull
        + "\n"
    )
    page = _assert_all_zero_edit(text, gold)
    assert (
        page.meta.date == "2018-01-05" and page.meta.section == "理论" and page.meta.number == "7"
    )
    roles = sorted(b.role for b in page.furniture)
    assert roles.count("credit") == 2 and "note" in roles
    assert banner in [b.text for b in page.furniture if b.role == "page_header"]
    assert not page.unassigned


def test_fake_bold_headline_and_author_collapse():
    art = Art(
        headline="新征程：明确新目标",
        byline_line="朱炳元朱炳元",
        byline="朱炳元",
        people={"author": ["朱炳元"]},
        paras=[
            "新的目标需要新的行动。我们要把发展的着力点放在实体经济上，久久为功，持续推进。",
            "同时，要坚持问题导向，把群众最关心的事情一件件办好，让发展成果更多惠及全体人民。",
        ],
    )
    text, gold = render([art], widths=[16], header="7 理论")
    text = text.replace("新征程：明确新目标", "新征程新征程：：明确新目标")
    _assert_all_zero_edit(text, gold)


def test_news_page_datelines_and_bylines():
    arts = [
        Art(
            headline="春运首日客流平稳",
            lead="本报北京1月24日电（记者 方 圆 杜小川）",
            dateline="本报北京1月24日电",
            byline="记者方圆 杜小川",
            people={"reporter": ["方圆", "杜小川"]},
            paras=[
                "今天是春运第一天，各大火车站秩序井然，旅客进站平均等候时间不到十分钟。",
                "铁路部门表示，今年春运预计发送旅客人数将创新高，已增开临时列车数百列。",
            ],
            source="据新华社电",
        ),
        Art(
            headline="雪后山村美如画",
            byline_line="■本报记者 龙 江 摄",
            byline="本报记者龙江 摄",
            people={"photographer": ["龙江"]},
            paras=[
                "一场大雪过后，山村银装素裹，村民们早早起来清扫道路，孩子们在雪地里堆起了雪人。"
            ],
        ),
        Art(
            headline="三位代表谈乡村振兴",
            lead="本报讯 ",
            dateline="本报讯",
            paras=[
                "来自农村基层的三位代表结合各自经历，讲述了村里这些年在道路、饮水和产业方面的变化。",
                "他们表示，要把好政策落实到田间地头，让农民的钱袋子越来越鼓。",
            ],
            note="（本报记者韩雪整理）",  # who put it together: a note (issue 13)
        ),
    ]
    text, gold = render(arts, widths=[18, 16, 17], header="2 要闻")
    # printed spaced, read clean
    text = text.replace("（本报记者韩雪整理）", "（本报记者 韩 雪 整理）")
    page = _assert_all_zero_edit(text, gold)
    assert page.articles[0].source == "据新华社电"


def test_every_decision_has_a_confidence_for_review():
    page = segment_text(interleave(articles()[:3], widths=[18, 16, 20], seed=2)[0])
    assert page.decisions
    assert all(0.0 <= d.confidence <= 1.0 for d in page.decisions)
    assert {d.kind for d in page.decisions} >= {"boundary", "attach"}


def test_column_helper_sets_lines_like_a_compositor():
    lines = column("一二三四五六七八九十，一二三四五六七八九十。", 10)
    assert lines[0] == "一二三四五六七八" and all(not ln.startswith("，") for ln in lines)


def test_column_banner_between_furniture_lines_is_furniture():
    """A slogan printed between the page header and the date belongs to no article."""
    arts = articles()[:2]
    body, gold = render(arts, widths=[18, 16], header=None)
    text = "7 理论\n携手奋进新时代\n2018 年 1 月 5 日 星期五\n" + body
    page = _assert_all_zero_edit(text, gold)
    assert "携手奋进新时代" in [b.text for b in page.furniture]


def test_a_kicker_unrelated_by_words_under_the_header_stays_a_kicker():
    """Only lines above a kicker and headline can be a banner: a lone kicker is kept."""
    art = articles()[0]
    art.kicker = "本周关注焦点"  # shares no word with any article
    text, gold = render([art, articles()[1]], widths=[18, 16], header="7 社会")
    page = _assert_all_zero_edit(text, gold)
    assert page.articles[0].kicker == "本周关注焦点"


def test_a_lone_surrogate_in_text_given_to_the_api_is_segmented_and_kept():
    """Python callers may hand over text holding half a UTF-16 pair (a damaged source):
    it is segmented, kept verbatim, and the page gets a hash (issue 16, defect 10)."""
    text = "社区书屋座无虚席\n\n　　城东新开的社区书屋\ud800每天都有不少居民前来借书看报。\n"
    page = segment_text(text)
    assert page.raw == text
    assert len(page.source.sha256) == 64
    check_invariant(page)
