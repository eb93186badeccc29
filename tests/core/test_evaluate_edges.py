"""The §7 metric at its edges: pages with no articles, minimal predictions, what `pagedesk
eval` prints (the report, the one-line summary, each problem's title and diagnosis), totals
over several pages, and the exact thresholds DESIGN.md §7 names."""

from __future__ import annotations

import copy

import pytest

from editor.core.evaluate import (
    PageScore,
    f1_of,
    report_lines,
    score_page,
    summary_line,
    zero_edit_rate,
)
from tests.core.test_evaluate import GOLD, N, _pred


def _body_chars(page):
    return sum(len(el["text"]) for a in page["articles"] for el in a["body"])


def _para(text):
    return {"type": "paragraph", "text": text}


# -- pages and predictions with little in them -------------------------------------------------


def test_an_empty_prediction_misses_every_gold_article():
    s = score_page(GOLD, {})
    assert (s.pred_articles, s.found, s.zero_edit, s.kept_chars) == (0, 0, 0, 0)
    headlines = [a["headline"] for a in GOLD["articles"]]
    assert s.problems == [(h, ["missing"]) for h in headlines]
    assert s.diagnoses == [(h, ["boundary (missing)"]) for h in headlines]
    assert f1_of(s) == 0.0


def test_on_a_page_without_articles_every_predicted_article_is_spurious():
    """An advertising page: even the page number read as an article must be deleted."""
    pred = {"articles": [{"body": [_para("13")]}, {"headline": "招聘", "body": [_para("诚聘")]}]}
    for gold in ({}, {"articles": []}):
        s = score_page(gold, pred)
        assert (s.gold_articles, s.spurious, s.zero_edit) == (0, 2, 0)
        assert f1_of(s) == 0.0 and zero_edit_rate(s) == 0.0


def test_nothing_to_find_and_nothing_found_is_perfect():
    s = score_page({"articles": []}, {"articles": []})
    assert f1_of(s) == 1.0
    assert report_lines(s)[1] == "article segmentation F1: 1.000"


def test_articles_without_a_body_or_paragraph_types_are_read():
    """Other tools' JSON may leave out `body` or `type`: a missing type is a paragraph."""
    pred = _pred()
    for a in pred["articles"]:
        for el in a["body"]:
            if el["type"] == "paragraph":
                del el["type"]
    pred["articles"].append({"headline": "彩票开奖公告"})  # no body at all
    s = score_page(GOLD, pred)
    assert (s.found, s.zero_edit, s.spurious) == (N, N, 1)
    assert s.para_equal == s.para_gold


def test_a_gold_article_without_a_body_key_counts_no_paragraphs():
    """A picture story: headline and caption, no body."""
    gold = copy.deepcopy(GOLD)
    gold["articles"].append({"headline": "春耕正忙", "captions": [{"text": "农民在田间劳作。"}]})
    s = score_page(gold, _pred())
    assert s.gold_articles == N + 1 and s.zero_edit == N
    assert s.para_gold == sum(len(a["body"]) for a in GOLD["articles"])
    assert s.gold_chars == _body_chars(GOLD)


def test_a_predicted_article_without_body_text_is_no_match_for_a_missing_one():
    """Matching is by body text: a bodiless headline shares none with any gold body."""
    pred = _pred(lambda arts: arts.pop(3))
    pred["articles"].append({"headline": "彩票开奖公告", "body": []})
    s = score_page(GOLD, pred)
    assert s.found == N - 1 and s.spurious == 1
    assert (GOLD["articles"][3]["headline"], ["missing"]) in s.problems
    assert s.kept_chars == _body_chars(GOLD) - len("".join(
        el["text"] for el in GOLD["articles"][3]["body"]))


# -- thresholds of §7 ---------------------------------------------------------------------------


def _one_article(gold_text, pred_text):
    gold = {"articles": [{"headline": "标题", "body": [_para(gold_text)]}]}
    pred = {"articles": [{"headline": "标题", "body": [_para(pred_text)]}]}
    return score_page(gold, pred)


def test_an_article_agreeing_on_exactly_98_percent_is_found():
    text = "今年以来全市工会系统围绕职工关心的实事开展服务活动受到职工欢迎各级工会还将继续推进"
    text = (text * 2)[:50]
    assert _one_article(text, text[:10] + "甲" + text[11:]).found == 1  # 49 of 50: 0.98
    assert _one_article(text, text[:10] + "甲乙" + text[12:]).found == 0  # 48 of 50


def test_fidelity_counts_gold_characters_kept_in_order_even_letter_spaced():
    """Every glyph spaced: not found, not zero-edit, but every character is there in order
    (an article long enough for its common glyphs, such as 的 and ，, to be frequent)."""
    text = "".join(el["text"] for el in GOLD["articles"][0]["body"])
    gold = {"articles": [{"headline": "标题", "body": [_para(text)]}]}
    pred = {"articles": [{"headline": "标题", "body": [_para(" ".join(text))]}]}
    s = score_page(gold, pred)
    assert (s.found, s.zero_edit) == (0, 0)
    assert s.kept_chars == s.gold_chars == len(text) > 1000
    assert "body text fidelity: 1.000" in report_lines(s)


def test_fidelity_adds_up_over_articles_and_ignores_paragraph_breaks():
    def fault(arts):
        body = arts[4]["body"]  # two paragraphs joined: same characters
        body[0:2] = [_para(body[0]["text"] + body[1]["text"])]
        arts[1]["body"][0]["text"] = arts[1]["body"][0]["text"][:-3]  # three characters lost

    s = score_page(GOLD, _pred(fault))
    assert s.gold_chars == _body_chars(GOLD)
    assert s.kept_chars == s.gold_chars - 3


def test_a_caption_text_is_compared_exactly():
    def fault(arts):
        arts[0]["captions"][0]["text"] = arts[0]["captions"][0]["text"][:-1]

    s = score_page(GOLD, _pred(fault))
    assert s.zero_edit == N - 1
    assert s.problems == [(GOLD["articles"][0]["headline"], ["captions"])]


def test_the_title_set_includes_the_subheadline():
    s = score_page(GOLD, _pred(lambda arts: arts[1].update(subheadline="——副题")))
    assert s.headline_exact == N and s.title_set_exact == N - 1


# -- split-off fragments and spurious articles -------------------------------------------------


def _fragment(**fields):
    return {"body": [], **fields}


@pytest.mark.parametrize(
    "fragment",
    [
        lambda g: _fragment(kicker=g["kicker"]),
        lambda g: _fragment(headline=g["kicker"]),
        lambda g: _fragment(subheadline=g["kicker"]),
        lambda g: _fragment(captions=[{"text": g["kicker"], "credit": None}]),
    ],
    ids=["kicker", "headline", "subheadline", "caption"],
)
def test_a_predicted_fragment_holding_a_gold_articles_head_is_a_split_not_spurious(fragment):
    gold = copy.deepcopy(GOLD)
    gold["articles"][1]["subheadline"] = gold["articles"][1].pop("kicker")  # 阳江市总工会
    pred = copy.deepcopy(gold)
    head = {"kicker": gold["articles"][1]["subheadline"]}
    pred["articles"].append(fragment(head))
    s = score_page(gold, pred)
    assert s.spurious == 0 and s.zero_edit == N - 1
    assert s.problems == [(gold["articles"][1]["headline"], ["split"])]
    assert s.diagnoses == [(gold["articles"][1]["headline"], ["boundary (split)"])]


def test_a_fragment_of_two_captions_mostly_from_a_gold_article_is_a_split():
    caption = GOLD["articles"][0]["captions"][0]["text"]  # 21 glyphs
    unknown = "扫码关注订阅热线免费领取晴转多云彩票开"  # 19 glyphs no gold article prints
    assert len(unknown) < len(caption)
    fragment = {"body": [], "captions": [{"text": caption}, {"text": unknown}]}
    s = score_page(GOLD, _pred(lambda arts: arts.append(fragment)))
    assert s.spurious == 0
    assert s.problems == [(GOLD["articles"][0]["headline"], ["split"])]


def test_a_fragment_that_is_mostly_other_text_is_spurious():
    junk = "本版责任编辑电话热线投稿邮箱"  # 14 glyphs of junk beside 6 of a gold head
    pred = _pred(lambda arts: arts.append({"body": [_para(GOLD["articles"][1]["kicker"] + junk)]}))
    s = score_page(GOLD, pred)
    assert s.spurious == 1 and s.zero_edit == N


def test_each_spurious_article_is_listed_by_its_headline_or_first_words():
    extra = [
        {"headline": "彩票开奖公告", "body": [_para("天气预报")]},
        {"body": [_para("扫码关注订阅热线免费领取晴转多云")]},
        {"headline": "", "body": [_para("天气预报")]},
    ]
    s = score_page(GOLD, _pred(lambda arts: arts.extend(copy.deepcopy(extra))))
    assert s.spurious == 3
    assert s.problems == [
        ("彩票开奖公告", ["spurious"]),
        ("扫码关注订阅热线免费领取", ["spurious"]),  # the first 12 glyphs
        ("天气预报", ["spurious"]),
    ]
    assert [d for _t, d in s.diagnoses] == [["boundary (spurious)"]] * 3
    assert [t for t, _d in s.diagnoses] == [t for t, _p in s.problems]


def test_a_split_article_lists_the_split_before_its_other_problems():
    def fault(arts):
        arts[2]["body"][0]["text"] = arts[2]["body"][0]["text"][:-1]
        arts.append({"body": [_para(arts[2]["headline"])]})

    s = score_page(GOLD, _pred(fault))
    assert s.problems == [(GOLD["articles"][2]["headline"], ["split", "body"])]


# -- articles without a headline are named by their first words ---------------------------------


def _headless_gold():
    gold = copy.deepcopy(GOLD)
    for key in ("kicker", "headline"):
        gold["articles"][3][key] = None
    return gold


def test_a_missing_article_without_a_headline_is_named_by_its_first_12_glyphs():
    gold = _headless_gold()
    pred = copy.deepcopy(gold)
    pred["articles"].pop(3)
    s = score_page(gold, pred)
    first = gold["articles"][3]["body"][0]["text"][:12]
    assert s.problems == [(first, ["missing"])]
    assert s.diagnoses == [(first, ["boundary (missing)"])]


def test_a_wrong_article_without_a_headline_is_named_by_its_first_12_glyphs():
    gold = _headless_gold()
    pred = copy.deepcopy(gold)
    pred["articles"][3]["dateline"] = "本报电"
    s = score_page(gold, pred)
    first = gold["articles"][3]["body"][0]["text"][:12]
    assert s.problems == [(first, ["dateline"])]
    assert s.diagnoses == [(first, ["dateline"])]


# -- diagnoses ----------------------------------------------------------------------------------


def test_a_title_split_at_the_wrong_glyph_is_a_head_error_not_another_storys_head():
    """The kicker's last glyphs went to the headline: the predicted headline spans the
    printed kicker and headline (the same answer whatever order Python keeps sets in)."""
    k, h = GOLD["articles"][1]["kicker"], GOLD["articles"][1]["headline"]
    for kicker, headline in [(None, k[-2:] + h[:4]), (k[:-2], k[-2:] + h)]:
        s = score_page(GOLD, _pred(lambda arts, a=kicker, b=headline: arts[1].update(
            kicker=a, headline=b)))
        assert s.diagnoses == [(h, ["head (title lines split or joined wrongly)"])]


def test_a_title_of_a_lone_headline_cut_short_is_a_head_error():
    gold = copy.deepcopy(GOLD)
    gold["articles"][3]["kicker"] = None
    h = gold["articles"][3]["headline"]
    pred = copy.deepcopy(gold)
    pred["articles"][3]["headline"] = h[:6]
    s = score_page(gold, pred)
    assert s.diagnoses == [(h, ["head (title lines split or joined wrongly)"])]


def test_an_article_cut_in_two_is_a_segmentation_boundary():
    def fault(arts):
        arts[0]["body"] = arts[0]["body"][:6]

    s = score_page(GOLD, _pred(fault))
    (title, problems), = s.problems
    assert problems[0] == "segmentation"
    assert s.diagnoses[0][1][0] == "boundary (segmentation)"


# -- what `pagedesk eval` prints ----------------------------------------------------------------


def _score(**values):
    s = PageScore(name="p1.gold.json")
    for k, v in values.items():
        setattr(s, k, v)
    return s


def test_the_report_gives_each_metric_of_section_7():
    s = _score(gold_articles=4, pred_articles=5, found=3, headline_exact=3, title_set_exact=2,
               persons_exact=1, para_gold=20, para_pred=25, para_equal=15, gold_chars=1000,
               kept_chars=950, zero_edit=2, spurious=1)
    assert report_lines(s) == [
        "articles: gold 4, predicted 5, found 3",
        "article segmentation F1: 0.667",  # P 3/5, R 3/4
        "headline exact: 3/4 (75.0%)",
        "title set exact: 2/4 (50.0%)",
        "byline persons exact: 1/4 (25.0%)",
        "paragraph F1: 0.667",  # P 15/25, R 15/20
        "body text fidelity: 0.950",
        "zero-edit articles: 2/5 (40.0%; 1 spurious predicted articles to delete)",
    ]


def test_a_one_article_page_reports_whole_percentages():
    s = _score(gold_articles=1, pred_articles=1, found=1, headline_exact=1, title_set_exact=1,
               persons_exact=1, para_gold=3, para_pred=3, para_equal=3, gold_chars=1,
               kept_chars=1, zero_edit=1)
    assert zero_edit_rate(s) == 1.0
    assert report_lines(s) == [
        "articles: gold 1, predicted 1, found 1",
        "article segmentation F1: 1.000",
        "headline exact: 1/1 (100.0%)",
        "title set exact: 1/1 (100.0%)",
        "byline persons exact: 1/1 (100.0%)",
        "paragraph F1: 1.000",
        "body text fidelity: 1.000",
        "zero-edit articles: 1/1 (100.0%)",
    ]


@pytest.mark.parametrize(
    "found,pred,gold,f1",
    [(0, 0, 0, 1.0), (0, 3, 0, 0.0), (0, 0, 3, 0.0), (0, 3, 3, 0.0), (1, 1, 2, 2 / 3)],
)
def test_segmentation_f1_at_its_edges(found, pred, gold, f1):
    assert f1_of(_score(found=found, pred_articles=pred, gold_articles=gold)) == pytest.approx(f1)


def test_paragraph_f1_with_no_predicted_paragraphs_is_zero():
    s = _score(gold_articles=1, pred_articles=1, para_gold=4, para_pred=0, para_equal=0)
    assert "paragraph F1: 0.000" in report_lines(s)


def test_the_summary_line_of_one_page():
    s = _score(gold_articles=4, pred_articles=5, found=3, para_gold=20, para_pred=25,
               para_equal=15, zero_edit=2, spurious=1)
    assert summary_line(s) == "p1.gold.json: F1 0.667, paragraph F1 0.667, zero-edit 2/5"


def test_score_page_keeps_the_name_it_is_given():
    assert score_page(GOLD, _pred(), name="p13.gold.json").name == "p13.gold.json"
    assert score_page(GOLD, _pred()).name == ""  # unnamed unless told


def test_totals_over_pages_add_every_count_and_keep_every_problem():
    """`pagedesk eval a.json b.json` reports the sum of its pages."""
    one = score_page(GOLD, _pred(lambda arts: arts.pop(3)), name="a")
    two = score_page(GOLD, _pred(lambda arts: arts[1].update(dateline="本报电")), name="b")
    total = PageScore(name="all")
    total.add(one)
    total.add(two)
    for key in ("gold_articles", "pred_articles", "found", "headline_exact", "title_set_exact",
                "persons_exact", "para_gold", "para_pred", "para_equal", "gold_chars",
                "kept_chars", "zero_edit", "spurious"):
        assert getattr(total, key) == getattr(one, key) + getattr(two, key), key
    assert total.problems == one.problems + two.problems
    assert total.diagnoses == one.diagnoses + two.diagnoses
    assert total.name == "all"
    assert summary_line(total) == f"all: F1 {f1_of(total):.3f}, paragraph F1 " + \
        report_lines(total)[5].split(": ")[1] + f", zero-edit {2 * N - 2}/{2 * N}"
