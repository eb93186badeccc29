"""The metric of DESIGN.md §7 says "no": each criterion has a proposal that must fail it.

The predictions are the hand-checked gold with one deliberate fault each, so every test
knows exactly what the metric must report.
"""

from __future__ import annotations

import copy
import json

import pytest

from editor.core.evaluate import (
    PageScore,
    article_problems,
    f1_of,
    figures,
    report_lines,
    score_page,
    zero_edit_rate,
)
from tests.conftest import SAMPLE_GOLD

GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
N = len(GOLD["articles"])


def _pred(fault=None):
    pred = copy.deepcopy(GOLD)
    if fault:
        fault(pred["articles"])
    return pred


def _one_problem(fault, index):
    s = score_page(GOLD, _pred(fault))
    assert s.zero_edit == N - 1
    (title, problems), = s.problems
    assert title == GOLD["articles"][index]["headline"]
    return problems


def test_the_gold_itself_is_perfect():
    s = score_page(GOLD, _pred())
    assert (s.found, s.zero_edit, s.spurious, s.problems) == (N, N, 0, [])
    assert f1_of(s) == 1.0 and s.para_equal == s.para_gold == s.para_pred


def test_a_wrong_body_character_is_an_edit():
    def fault(arts):
        el = arts[1]["body"][0]
        el["text"] = el["text"][:10] + "甲" + el["text"][11:]

    assert _one_problem(fault, 1) == ["body"]
    assert score_page(GOLD, _pred(fault)).para_equal == score_page(GOLD, _pred()).para_equal - 1


def test_a_leftover_space_between_han_characters_is_an_edit():
    def fault(arts):
        el = arts[2]["body"][1]
        el["text"] = el["text"][:6] + " " + el["text"][6:]

    assert _one_problem(fault, 2) == ["body"]


def test_every_glyph_spaced_is_not_even_found():
    def fault(arts):
        for el in arts[3]["body"]:
            el["text"] = " ".join(el["text"])

    s = score_page(GOLD, _pred(fault))
    assert s.found == N - 1 and s.zero_edit == N - 1
    assert s.problems[0][1][0] == "segmentation"


def test_a_missing_subhead_is_an_edit():
    def fault(arts):
        sub = next(el for el in arts[0]["body"] if el["type"] == "subhead")
        sub["type"] = "paragraph"

    assert _one_problem(fault, 0) == ["body"]


def test_a_paragraph_break_in_the_wrong_place_is_an_edit_but_keeps_the_article_found():
    def fault(arts):
        body = arts[4]["body"]
        body[0:2] = [{"type": "paragraph", "text": body[0]["text"] + body[1]["text"]}]

    assert _one_problem(fault, 4) == ["body"]
    assert score_page(GOLD, _pred(fault)).found == N


@pytest.mark.parametrize(
    "change,problem",
    [
        (lambda a: a["reporters"].pop(), "people"),
        (lambda a: a.update(correspondents=a["reporters"], reporters=[]), "people"),
        (lambda a: a.update(byline=a["byline"].replace(" ", "")), "byline"),
        (lambda a: a.update(dateline="本报电"), "dateline"),
        (lambda a: a.update(kicker=None), "kicker"),
        (lambda a: a.update(headline=a["headline"] + "！"), "headline"),
        (lambda a: a.update(subheadline="——副题"), "subheadline"),
        (lambda a: a.update(source="据新华社电"), "source"),
        (lambda a: a.update(notes=["（作者为某校教师）"]), "notes"),
    ],
)
def test_each_field_is_compared_exactly(change, problem):
    assert _one_problem(lambda arts: change(arts[1]), 1) == [problem]


def test_a_wrong_caption_credit_is_an_edit():
    assert _one_problem(lambda arts: arts[0]["captions"][0].update(credit="本报记者摄"), 0) == [
        "captions"
    ]


def test_people_exact_counts_names_and_zero_edit_counts_roles():
    def swap(arts):
        a = arts[1]
        a["reporters"], a["correspondents"] = a["correspondents"], a["reporters"]

    s = score_page(GOLD, _pred(swap))
    assert s.persons_exact == N and s.zero_edit == N - 1  # same names, wrong roles
    s = score_page(GOLD, _pred(lambda arts: arts[1]["reporters"].pop()))
    assert s.persons_exact == N - 1


def test_headline_exact_and_title_set():
    def swap(arts):
        a = arts[1]
        a["kicker"], a["headline"] = a["headline"], a["kicker"]

    s = score_page(GOLD, _pred(swap))
    assert s.headline_exact == N - 1 and s.title_set_exact == N  # the same set of titles
    s = score_page(GOLD, _pred(lambda arts: arts[1].update(kicker=None)))
    assert s.headline_exact == N and s.title_set_exact == N - 1


def test_a_spurious_article_costs_an_edit_and_precision():
    def extra(arts):
        junk = {"type": "paragraph", "text": "电话热线"}
        arts.append({"headline": "本版责任编辑", "body": [junk]})

    s = score_page(GOLD, _pred(extra))
    assert s.spurious == 1 and s.zero_edit == N
    assert zero_edit_rate(s) == N / (N + 1) and f1_of(s) < 1.0
    assert any(f"{N}/{N + 1}" in line for line in report_lines(s) if line.startswith("zero-edit"))


def test_a_fragment_split_off_an_article_marks_that_article():
    def fragment(arts):
        head = arts[2]
        arts.append({"headline": None, "body": [{"type": "paragraph", "text": head["headline"]}]})

    s = score_page(GOLD, _pred(fragment))
    assert s.spurious == 0 and s.zero_edit == N - 1
    (title, problems), = s.problems
    assert title == GOLD["articles"][2]["headline"] and problems == ["split"]


def test_a_missing_article_is_reported_and_lowers_recall():
    s = score_page(GOLD, _pred(lambda arts: arts.pop(3)))
    assert s.found == N - 1 and s.zero_edit == N - 1 and f1_of(s) < 1.0
    assert s.problems == [(GOLD["articles"][3]["headline"], ["missing"])]


@pytest.mark.parametrize("lost,found", [(0.01, True), (0.05, False)])
def test_an_article_is_found_when_its_body_agrees_to_98_percent_dice(lost, found):
    def trim(arts):
        body = arts[0]["body"]
        chars = sum(len(el["text"]) for el in body)
        cut = round(chars * lost)
        body[-1]["text"] = body[-1]["text"][:-cut]

    s = score_page(GOLD, _pred(trim))
    assert s.found == (N if found else N - 1)


def test_article_problems_treat_absent_null_and_empty_alike():
    gold = {"headline": "标题", "kicker": None, "body": [], "notes": []}
    assert article_problems(gold, {"headline": "标题", "kicker": "", "body": []}) == []


@pytest.mark.parametrize(
    "fault,decision",
    [
        (lambda arts: arts[1].update(kicker=arts[1]["headline"], headline=arts[1]["kicker"]),
         "role (kicker/headline/subheadline swapped)"),
        (lambda arts: arts[1].update(kicker=None, headline=None),
         "head attachment (no head attached)"),
        (lambda arts: arts[1].update(kicker=arts[2]["kicker"], headline=arts[2]["headline"]),
         "head attachment (another story's head)"),
        (lambda arts: arts[1].update(headline=arts[1]["headline"][:4]),
         "head (title lines split or joined wrongly)"),
        (lambda arts: arts[1].update(dateline=None), "dateline"),
        (lambda arts: arts[1]["reporters"].pop(), "people"),
        (lambda arts: arts[0]["captions"][0].update(credit=None), "caption (captions)"),
        (lambda arts: arts[4].update(source=None), "tail (source)"),
        (lambda arts: arts[0]["body"][2].update(type="paragraph"), "role (subhead or paragraph)"),
    ],
)
def test_eval_names_the_decision_that_went_wrong(fault, decision):
    s = score_page(GOLD, _pred(fault))
    assert [decision] == [d for _t, ds in s.diagnoses for d in ds]


def test_eval_tells_paragraph_breaks_from_lost_text():
    def merge(arts):
        body = arts[4]["body"]
        body[0:2] = [{"type": "paragraph", "text": body[0]["text"] + body[1]["text"]}]

    s = score_page(GOLD, _pred(merge))
    assert s.diagnoses[0][1] == ["paragraph (3 paragraphs, 2 proposed)"]

    def lose(arts):
        arts[4]["body"][0]["text"] = arts[4]["body"][0]["text"][:-3]

    s = score_page(GOLD, _pred(lose))
    assert s.diagnoses[0][1] == ["boundary (body text differs)"]


def test_figures_summarise_a_score_for_tables():
    def extra(arts):
        arts[1]["reporters"].pop()
        junk = {"type": "paragraph", "text": "电话热线"}
        arts.append({"headline": "本版责任编辑", "body": [junk]})

    s = score_page(GOLD, _pred(extra))
    assert figures(s) == {
        "articles": N,
        "f1": round(f1_of(s), 3),
        "title_set": 1.0,
        "people": round((N - 1) / N, 3),
        "zero_edit": round((N - 1) / (N + 1), 3),
        "zero_edit_n": f"{N - 1}/{N + 1}",
    }
    assert figures(PageScore(name="empty"))["articles"] == 0
    # thirds show the rounding to three places; one gold article is its own denominator
    thirds = figures(PageScore(name="t", gold_articles=3, title_set_exact=2, persons_exact=1))
    assert (thirds["title_set"], thirds["people"]) == (0.667, 0.333)
    one = figures(PageScore(name="one", gold_articles=1, title_set_exact=1, persons_exact=1))
    assert (one["title_set"], one["people"]) == (1.0, 1.0)
