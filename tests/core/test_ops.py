"""Edit operations on the model: each does what it says and keeps every raw line owned once."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import ops
from editor.core.importer import segment_text
from editor.core.model import Decision, Person, check_invariant
from editor.core.pagejson import page_from_dict, page_to_dict
from editor.export.text import article_text
from tests.conftest import SAMPLE_GOLD, SAMPLE_TXT

RAW = SAMPLE_TXT.read_text(encoding="utf-8")
GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def page():
    p = page_from_dict(GOLD, RAW)
    check_invariant(p)
    return p


def _by_headline(page, text):
    return next(a for a in page.articles if a.headline == text)


def test_split_article_moves_the_tail_to_a_new_article_after_it(page):
    """Splitting before a block makes the blocks from it on a new, following article."""
    art = page.articles[0]
    at = art.blocks[4]  # the first subhead
    tail = [b.id for b in art.blocks[4:]]
    new_id = ops.split_article(page, art.id, at.id)
    check_invariant(page)
    assert page.articles[1].id == new_id
    assert [b.id for b in page.articles[1].blocks] == tail
    assert len(art.blocks) == 4


def test_split_article_refuses_the_first_block(page):
    art = page.articles[0]
    with pytest.raises(ops.OpError) as exc:
        ops.split_article(page, art.id, art.blocks[0].id)
    assert exc.value.code == "split-at-start"


def test_merge_with_previous_keeps_the_earlier_article_and_its_people(page):
    """Merging appends the later article's blocks and people to the earlier one."""
    first, second = page.articles[1], page.articles[2]
    n = len(first.blocks) + len(second.blocks)
    kept = ops.merge_articles(page, second.id, "previous")
    check_invariant(page)
    assert kept == first.id and second not in page.articles
    assert len(first.blocks) == n
    assert {p.name for p in first.people} >= {"黄细英", "冉荣华"}


def test_merge_keeps_what_only_the_second_article_had(page):
    """Byline, dateline, typed notes and tags of the second article are not dropped."""
    first, second = page.articles[3], page.articles[4]
    first.byline = first.dateline = None
    first.notes_text = ""
    second.byline, second.dateline = "记者王芳", "本报讯"
    second.notes_text = "待核实"
    first.tags, second.tags = ["培训"], ["会议", "培训"]
    ops.merge_articles(page, first.id, "next")
    assert (first.byline, first.dateline, first.notes_text) == ("记者王芳", "本报讯", "待核实")
    assert first.tags == ["培训", "会议"]


def test_merge_keeps_the_first_articles_heads_and_prints_the_seconds_inside(page):
    """Merging two articles with heads and bylines of their own (issue 15): the first's
    kicker and headline stay as they were, the second's become subheads in the merged text
    and its byline a credit there; the text export loses none of the second's words."""
    from editor.export.text import article_text

    first, second = page.articles[1], page.articles[2]  # bylines printed in their leads
    assert first.kicker and second.kicker and first.lead and second.lead
    kicker, headline = first.kicker, first.headline
    second_heads = [second.kicker, second.headline]
    second_names = [p.name for p in second.people]
    ops.merge_articles(page, first.id, "next")
    check_invariant(page)
    assert (first.kicker, first.headline) == (kicker, headline)
    subheads = [b.display_text for b in first.blocks if b.role == "subhead"]
    assert all(h in subheads for h in second_heads)
    text = article_text(first)
    assert all(t in text for t in second_heads + second_names)
    assert text.count("本报讯") == 2  # the second's dateline, printed where it was


def test_merge_keeps_both_articles_typed_notes(page):
    first, second = page.articles[1], page.articles[2]
    first.notes_text, second.notes_text = "甲稿待核", "乙稿待核"
    ops.merge_articles(page, second.id, "previous")
    assert first.notes_text == "甲稿待核\n乙稿待核"


def test_merge_at_the_edge_raises(page):
    with pytest.raises(ops.OpError):
        ops.merge_articles(page, page.articles[0].id, "previous")
    with pytest.raises(ops.OpError):
        ops.merge_articles(page, page.articles[-1].id, "next")


def test_move_article_reorders(page):
    ids = [a.id for a in page.articles]
    ops.move_article(page, ids[0], 3)
    assert [a.id for a in page.articles] == ids[1:4] + ids[:1] + ids[4:]


def test_move_blocks_into_another_article_and_drop_an_emptied_one(page):
    """Moving every block of an article away removes that article."""
    src = _by_headline(page, "培训新业态职工应急技能")
    dst = page.articles[0]
    ids = [b.id for b in src.blocks]
    ops.move_blocks(page, ids, dst.id, index=1)
    check_invariant(page)
    assert src not in page.articles
    assert [b.id for b in dst.blocks[1 : 1 + len(ids)]] == ids


def test_move_blocks_from_furniture_become_paragraphs(page):
    header = page.furniture[0]
    ops.move_blocks(page, [header.id], page.articles[0].id)
    check_invariant(page)
    assert page.articles[0].blocks[-1] is header and header.role == "paragraph"
    assert page.furniture == []


def test_new_article_from_part_of_a_paragraph_cuts_the_block(page):
    """Taking some lines of a paragraph leaves the rest and re-reads both texts from raw."""
    art = page.articles[0]
    para = art.blocks[2]
    lines = para.lines[:2]
    new_id = ops.new_article_from_lines(page, lines + [7])  # 7 is blank: ignored
    check_invariant(page)
    new = page.find_article(new_id)
    assert page.articles.index(new) == page.articles.index(art) + 1
    assert new.blocks[0].lines == lines
    assert new.blocks[0].text.startswith("“参与工会组织的")
    assert para.lines and para.lines[0] not in lines and para.text.startswith("性帮助")


def test_new_article_with_only_blank_lines_raises(page):
    with pytest.raises(ops.OpError) as exc:
        ops.new_article_from_lines(page, [2, 4])
    assert exc.value.code == "no-lines"


def test_assign_lines_puts_a_title_with_the_titles(page):
    """A headline line given to another article goes among its titles, not after its body."""
    src = _by_headline(page, "茂名市总举办AI赋能办公能力培训班")
    dst = page.articles[0]
    line = src.blocks[0].lines[0]
    ops.assign_lines(page, [line], dst.id)
    check_invariant(page)
    assert [b.role for b in dst.blocks[:2]] == ["headline", "headline"]
    assert dst.headline == "中国灯饰照明之都的追光者茂名市总举办AI赋能办公能力培训班"


def test_set_role_to_furniture_and_unassigned_and_back(page):
    """Page roles go to the furniture, unassigned to unassigned, back to the nearest article."""
    art = _by_headline(page, "把事关职工切身利益的实事做实")
    src = art.blocks[-1]
    ops.set_role(page, src.id, "jump")
    assert src in page.furniture and src not in art.blocks
    ops.set_role(page, src.id, "unassigned")
    assert src in page.unassigned and src not in page.furniture
    ops.set_role(page, src.id, "source")
    check_invariant(page)
    owners = page.owner_map()
    assert owners[src.lines[0]][0] is owners[src.lines[0] - 2][0]
    assert src.role == "source" and page.unassigned == []


def test_set_role_changes_role_in_place(page):
    block = page.articles[0].blocks[4]
    ops.set_role(page, block.id, "paragraph")
    assert page.articles[0].blocks[4].role == "paragraph"
    with pytest.raises(ops.OpError):
        ops.set_role(page, block.id, "nonsense")


def test_split_block_keeps_the_cursor_line_with_the_first_part(page):
    """Splitting a paragraph mid-line: the cursor's line stays with the first part."""
    para = page.articles[0].blocks[2]
    text = para.text
    offset = text.index("4月7日")  # on raw line 16 after 中山驰马灯饰照明设计工
    second_id = ops.split_block(page, para.id, offset)
    check_invariant(page)
    second = page.find_block(second_id)[1]
    assert para.text + second.text == text
    assert para.lines[-1] == 16 and second.lines[0] == 18


def test_split_block_at_a_line_start_gives_that_line_to_the_second_part(page):
    para = page.articles[0].blocks[2]
    offset = para.text.index("活动，凭着")  # raw line 8 starts here
    second_id = ops.split_block(page, para.id, offset)
    assert page.find_block(second_id)[1].lines[0] == 8 and para.lines == [6]


def test_join_undoes_split(page):
    before = page_to_dict(page)
    para = page.articles[0].blocks[3]
    ops.split_block(page, para.id, 10)
    ops.join_blocks(page, para.id)
    assert page_to_dict(page) == before


def test_join_last_block_raises(page):
    with pytest.raises(ops.OpError):
        ops.join_blocks(page, page.articles[0].blocks[-1].id)


def test_edit_text_keeps_the_importer_text(page):
    block = page.articles[0].blocks[0]
    ops.edit_text(page, block.id, "新标题")
    assert block.edited == "新标题" and block.text == "中国灯饰照明之都的追光者"
    ops.edit_text(page, block.id, block.text)
    assert block.edited is None


def test_set_title_edits_or_adds_a_title_block(page):
    art = page.articles[0]
    ops.set_title(page, art.id, "headline", "改过的标题")
    assert art.headline == "改过的标题"
    ops.set_title(page, art.id, "kicker", "新引题")
    assert art.blocks[0].role == "kicker" and art.blocks[0].lines == []
    ops.set_title(page, art.id, "kicker", "")
    assert art.kicker is None
    check_invariant(page)


def test_set_people_removes_inner_spaces_and_rejects_bad_roles(page):
    art = page.articles[0]
    ops.set_people(page, art.id, [Person("叶 帆", "reporter"), Person("叶帆", "reporter")])
    assert art.people == [Person("叶帆", "reporter")]
    with pytest.raises(ops.OpError):
        ops.set_people(page, art.id, [Person("X", "boss")])


def test_reparse_byline_reads_people_from_the_corrected_byline(page):
    """An editor fixes the byline block's text; re-reading it gives the people by role."""
    art = page.articles[0]
    block = next(b for b in art.blocks if b.role == "byline")
    ops.edit_text(page, block.id, "■本报记者 叶 帆 王 芳 通讯员 欧阳明辉")
    ops.reparse_byline(page, art.id)
    assert [(p.name, p.role) for p in art.people] == [
        ("叶帆", "reporter"), ("王芳", "reporter"), ("欧阳明辉", "correspondent")
    ]
    assert art.byline == "本报记者叶帆 王芳 通讯员欧阳明辉"


def test_reparse_byline_takes_a_dateline_printed_with_it(page):
    art = page.articles[0]
    block = next(b for b in art.blocks if b.role == "byline")
    ops.edit_text(page, block.id, "本报上海3月2日电（记者 陈 静）")
    ops.reparse_byline(page, art.id)
    assert art.dateline == "本报上海3月2日电"
    assert [(p.name, p.role) for p in art.people] == [("陈静", "reporter")]


def test_reparse_byline_without_a_byline_is_refused(page):
    art = page.articles[4]  # the Zhuhai story prints no byline
    art.byline = None
    with pytest.raises(ops.OpError) as e:
        ops.reparse_byline(page, art.id)
    assert e.value.code == "no-byline"


def test_mark_decision_checked(page):
    page.decisions.append(Decision("boundary", page.articles[0].id, 0.3))
    ops.mark_decision_checked(page, 0)
    assert page.decisions[0].checked
    with pytest.raises(ops.OpError):
        ops.mark_decision_checked(page, 5)


# -- random sequences -------------------------------------------------------------------

OPS = ("split", "merge", "move", "move_blocks", "new", "assign", "role", "split_block", "join")
step = st.tuples(st.sampled_from(OPS), st.integers(0, 10_000), st.integers(0, 10_000))
BASE = page_from_dict(GOLD, RAW)


def _apply(page, name, x, y):
    arts = page.articles
    blocks = [b for _a, b in page.all_blocks()]
    art = arts[x % len(arts)] if arts else None
    block = blocks[y % len(blocks)]
    nonblank = sorted(page.owner_map())
    if name == "split" and art:
        ops.split_article(page, art.id, art.blocks[y % len(art.blocks)].id)
    elif name == "merge" and art:
        ops.merge_articles(page, art.id, "previous" if y % 2 else "next")
    elif name == "move" and art:
        ops.move_article(page, art.id, y % (len(arts) + 1))
    elif name == "move_blocks" and art:
        ops.move_blocks(page, [block.id], art.id, y % (len(art.blocks) + 1))
    elif name == "new":
        start = nonblank[x % len(nonblank)]
        ops.new_article_from_lines(page, list(range(start, start + y % 9 + 1)))
    elif name == "assign" and art:
        start = nonblank[y % len(nonblank)]
        ops.assign_lines(page, list(range(start, start + x % 7 + 1)), art.id)
    elif name == "role":
        ops.set_role(page, block.id, ops.ROLES[x % len(ops.ROLES)])
    elif name == "split_block":
        ops.split_block(page, block.id, x % (len(block.display_text) + 1))
    elif name == "join":
        ops.join_blocks(page, block.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=12))
def test_random_operation_sequences_keep_every_line_owned_once(steps):
    """Any sequence of operations, including refused ones, leaves the invariant true."""
    page = copy.deepcopy(BASE)
    for name, x, y in steps:
        try:
            _apply(page, name, x, y)
        except ops.OpError:
            pass
        check_invariant(page)
        assert all(a.blocks for a in page.articles)


# -- what a split or a new article carries with its lines ---------------------------------

def _names(art):
    return [p.name for p in art.people]


def test_a_new_article_from_an_articles_head_lines_takes_its_byline_dateline_and_people(page):
    """Lines 243–256 (kicker, headline and the first paragraph with `本报讯（全媒体记者 …）`)
    made a new article: the dateline, byline and the people it names go with them, and
    the new article exports with its byline."""
    from editor.export.text import article_text

    old = _by_headline(page, "开展产改课程进党校活动")
    new_id = ops.apply(page, ops.new_article_from_lines, list(range(243, 257)))
    new = next(a for a in page.articles if a.id == new_id)
    assert new.headline == "开展产改课程进党校活动"
    assert new.dateline == "本报讯"
    assert new.byline and "誉建业" in new.byline
    assert {"誉建业", "冉荣华", "李妙玲", "王晓嘉"} <= set(_names(new))
    assert old.people == [] and old.byline is None and old.dateline is None
    assert "誉建业" in article_text(new)


def test_split_after_a_merge_gives_the_second_article_back_its_head_and_people(page):
    """A merge printed the second article's heads inside as subheads; splitting there again
    proposes its head from the lines it starts with, and its people go with the lines that
    name them."""
    first = _by_headline(page, "培训新业态职工应急技能")
    second = _by_headline(page, "开展产改课程进党校活动")
    own, theirs = _names(first), _names(second)
    at = second.blocks[0].id
    ops.apply(page, ops.merge_articles, first.id, "next")
    new_id = ops.apply(page, ops.split_article, first.id, at)
    new = next(a for a in page.articles if a.id == new_id)
    assert (new.kicker, new.headline) == ("湛江市总工会", "开展产改课程进党校活动")
    assert set(_names(new)) == set(theirs)
    assert _names(first) == own


def test_a_split_inside_the_body_proposes_no_head_and_keeps_the_people(page):
    art = _by_headline(page, "中国灯饰照明之都的追光者")
    people = list(art.people)
    paras = [b for b in art.blocks if b.role == "paragraph"]
    new_id = ops.apply(page, ops.split_article, art.id, paras[3].id)
    new = next(a for a in page.articles if a.id == new_id)
    assert new.headline is None and new.kicker is None
    assert new.people == [] and art.people == people


def test_a_split_never_rereads_text_an_editor_corrected(page):
    first = _by_headline(page, "培训新业态职工应急技能")
    second = _by_headline(page, "开展产改课程进党校活动")
    at = second.blocks[0].id
    ops.apply(page, ops.merge_articles, first.id, "next")
    body = next(b for b in first.blocks if b.role == "paragraph" and b.lines[0] > 243)
    ops.apply(page, ops.edit_text, body.id, "改过的文字")
    new_id = ops.apply(page, ops.split_article, first.id, at)
    new = next(a for a in page.articles if a.id == new_id)
    assert any(b.display_text == "改过的文字" for b in new.blocks)
    assert new.headline is None  # (the heads stay subheads: nothing was re-read)


# -- printed text, once: any corrections keep every printed character in the export -------

IMPORTED = segment_text(RAW)


def _han(text: str) -> Counter:
    return Counter(c for c in text if "\u4e00" <= c <= "\u9fff")


def _printed_once(page) -> tuple[Counter, Counter]:
    """(the page's printed Chinese characters, those of its text export plus the blocks
    no article holds): equal when nothing is lost and nothing printed twice. The export's
    own labels (图：, 来源：) are not the page's."""
    raw = page.raw_lines()
    printed = sum((_han(raw[n - 1]) for n in page.owner_map()), Counter())
    shown = sum((_han(b.display_text) for b in page.furniture + page.unassigned), Counter())
    for art in page.articles:
        text = re.sub(r"^图：", "", article_text(art), flags=re.M)
        shown += _han(text.replace("来源：", "", 1) if art.source else text)
    return printed, shown


@pytest.mark.parametrize("base", ["gold", "imported"])
@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=10))
def test_any_corrections_keep_every_printed_character_once_in_the_export(base, steps):
    """Issue 15: for any sequence of corrections, every printed character of the raw page
    is in exactly one place of the exported article set (text export; characters of
    blocks no article holds count where they stand)."""
    page = copy.deepcopy(BASE if base == "gold" else IMPORTED)
    for name, x, y in steps:
        try:
            _apply(page, name, x, y)
        except ops.OpError:
            pass
        printed, shown = _printed_once(page)
        assert shown == printed, (name, dict(printed - shown), dict(shown - printed))


def test_a_byline_joins_only_a_block_of_its_role(page):
    art = page.articles[0]
    byline = next(b for b in art.blocks if b.role == "byline")
    before = page_to_dict(page)
    with pytest.raises(ops.OpError) as exc:
        ops.join_blocks(page, byline.id)
    assert exc.value.code == "join-role" and page_to_dict(page) == before


def test_lines_of_a_block_corrected_by_hand_are_not_taken_and_nothing_changes(page):
    art = _by_headline(page, "中国灯饰照明之都的追光者")
    para = next(b for b in art.blocks if b.role == "paragraph" and len(b.lines) > 2)
    ops.edit_text(page, para.id, "改过的文字")
    before = page_to_dict(page)
    with pytest.raises(ops.OpError) as exc:
        ops.new_article_from_lines(page, para.lines[1:2])
    assert exc.value.code == "cut-edited" and page_to_dict(page) == before


def test_a_block_given_the_byline_role_becomes_the_byline_of_an_article_without_one(page):
    art = _by_headline(page, "把事关职工切身利益的实事做实")
    art.dateline = None
    para = next(b for b in art.blocks if b.role == "paragraph")
    ops.edit_text(page, para.id, "本报记者 张晓明")
    ops.set_role(page, para.id, "byline")
    assert art.byline == "本报记者张晓明" and "张晓明" in [p.name for p in art.people]
