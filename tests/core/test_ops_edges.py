"""Edit operations at their edges, on a small page whose every line is known: refusals and
their codes, where moved and new things land, what a cut, join or retitle keeps (edits,
credits, roles, confidence), the article fields and page metadata an editor sets, and how
a raw line's text is re-read."""

from __future__ import annotations

import pytest

from editor.core import ops
from editor.core.model import Article, Block, Decision, Lead, Page, Person, check_invariant
from editor.core.pagejson import page_to_dict

RAW = "\n".join(
    [
        "广东纪事 13",  # 1 furniture
        "",  # 2
        "标题甲",  # 3 A headline
        "本报讯 甲文第一段第一行",  # 4 A paragraph (4-5)
        "甲文第一段第二行。",  # 5
        "甲文第二段。",  # 6 A paragraph
        "",  # 7
        "标题乙",  # 8 B headline
        "乙文第一段。",  # 9 B paragraph
        "乙文第二段。",  # 10 B paragraph
        "（责任编辑：王芳）",  # 11 unassigned
    ]
) + "\n"


def _b(role, lines, text=None):
    raw = RAW.split("\n")
    return Block(role, lines, text if text is not None else "".join(raw[n - 1] for n in lines))


@pytest.fixture
def page():
    a = Article(blocks=[_b("headline", [3]), _b("paragraph", [4, 5]), _b("paragraph", [6])])
    b = Article(blocks=[_b("headline", [8]), _b("paragraph", [9]), _b("paragraph", [10])])
    p = Page(raw=RAW, articles=[a, b], furniture=[_b("page_header", [1])],
             unassigned=[_b("unassigned", [11])])
    check_invariant(p)
    return p


def _roles(art):
    return [(b.role, b.lines) for b in art.blocks]


def _refusal(call):
    with pytest.raises(ops.OpError) as e:
        call()
    return e.value.code, str(e.value)


# -- refusals: a stable code for the GUI and an English sentence ---------------------------------


def test_every_refusal_has_its_code_and_sentence(page):
    a, b = page.articles
    cases = [
        (lambda: ops.split_article(page, a.id, b.blocks[1].id),
         ("not-in-article", "the block is not in that article")),
        (lambda: ops.split_article(page, a.id, a.blocks[0].id),
         ("split-at-start", "cannot split an article before its first block")),
        (lambda: ops.merge_articles(page, a.id, "up"), ("bad-direction", "up")),
        (lambda: ops.merge_articles(page, a.id, "previous"),
         ("no-neighbour", "there is no article to merge with")),
        (lambda: ops.new_article_from_lines(page, [2, 7]),
         ("no-lines", "no text lines selected")),
        (lambda: ops.set_role(page, a.blocks[1].id, "sidebar"), ("bad-role", "sidebar")),
        (lambda: ops.split_block(page, a.blocks[1].id, 0),
         ("split-at-edge", "put the cursor inside the text to split it")),
        (lambda: ops.join_blocks(page, b.blocks[-1].id),
         ("no-next-block", "there is no next block to join")),
        (lambda: ops.set_title(page, a.id, "byline", "x"), ("bad-role", "byline")),
        (lambda: ops.set_people(page, a.id, [Person("王芳", "boss")]),
         ("bad-person-role", "boss")),
        (lambda: ops.reparse_byline(page, a.id),
         ("no-byline", "the article has no byline to read")),
        (lambda: ops.mark_decision_checked(page, 0), ("no-decision", "0")),
        (lambda: ops.set_article_field(page, a.id, "headline", "x"), ("bad-field", "headline")),
        (lambda: ops.set_meta(page, "editor", "x"), ("bad-field", "editor")),
        (lambda: ops.set_tags(page, "nope", ["x"]), ("no-article", "no article nope")),
        (lambda: ops.edit_text(page, "nope", "x"), ("no-block", "no block nope")),
    ]
    for call, expected in cases:
        assert _refusal(call) == expected


def test_an_error_with_only_a_code_says_the_code():
    e = ops.OpError("no-lines")
    assert (e.code, str(e)) == ("no-lines", "no-lines")


def test_apply_passes_keyword_arguments_and_refuses_a_loss_with_the_reason(page):
    a, b = page.articles
    moved = b.blocks[1]
    ops.apply(page, ops.move_blocks, [moved.id], a.id, index=1)
    assert a.blocks[1] is moved

    def lose_a_line(p):
        p.unassigned.clear()

    assert _refusal(lambda: ops.apply(page, lose_a_line)) == (
        "invariant", "the correction would lose text: lines without owner: [11]")


# -- articles -------------------------------------------------------------------------------------


def test_the_second_article_merges_into_the_first(page):
    a, b = page.articles
    assert ops.merge_articles(page, b.id, "previous") == a.id
    assert page.articles == [a] and len(a.blocks) == 6


def test_merging_keeps_the_first_articles_byline_dateline_and_lead(page):
    a, b = page.articles
    a.byline, a.dateline, a.lead = "记者甲", "本报讯", Lead(dateline="本报讯", lines=[4])
    b.byline, b.dateline, b.lead = "记者乙", "新华社电", Lead(dateline="新华社电", lines=[9])
    ops.merge_articles(page, a.id, "next")
    assert (a.byline, a.dateline, a.lead.dateline) == ("记者甲", "本报讯", "本报讯")


def test_merging_takes_the_second_articles_lead_when_the_first_has_none(page):
    a, b = page.articles
    b.lead = Lead(dateline="本报讯", byline="记者 王芳", lines=[9])
    ops.merge_articles(page, a.id, "next")
    assert a.lead is not None and a.lead.lines == [9]


@pytest.mark.parametrize("index,order", [(0, "BA"), (-3, "BA"), (1, "AB"), (9, "AB")])
def test_moving_an_article_clamps_its_new_index(page, index, order):
    a, b = page.articles
    ops.move_article(page, b.id, index)
    assert "".join("A" if x is a else "B" for x in page.articles) == order


def test_moving_an_articles_last_block_to_its_own_place_keeps_the_order(page):
    a = page.articles[0]
    ids = [x.id for x in a.blocks]
    ops.move_blocks(page, [ids[-1]], a.id, index=len(ids) - 1)
    assert [x.id for x in a.blocks] == ids


def test_an_unassigned_block_moved_into_an_article_becomes_a_paragraph(page):
    loose = page.unassigned[0]
    ops.move_blocks(page, [loose.id], page.articles[1].id)
    assert page.articles[1].blocks[-1] is loose and loose.role == "paragraph"


# -- new articles and assigned lines --------------------------------------------------------------


def test_lines_of_two_blocks_become_one_new_article_whole(page):
    """Both lines of A's first paragraph and B's headline: each block is taken whole."""
    a, b = page.articles
    para, head = a.blocks[1], b.blocks[0]
    new = page.find_article(ops.new_article_from_lines(page, [4, 5, 8]))
    assert new.blocks == [para, head]
    assert _roles(a) == [("headline", [3]), ("paragraph", [6])]
    assert _roles(b) == [("paragraph", [9]), ("paragraph", [10])]
    check_invariant(page)


def test_a_whole_block_and_part_of_the_next_are_both_taken(page):
    a = page.articles[0]
    head, para = a.blocks[0], a.blocks[1]
    new = page.find_article(ops.new_article_from_lines(page, [3, 4]))
    assert [(x.role, x.lines, x.text) for x in new.blocks] == [
        ("headline", [3], "标题甲"),
        ("paragraph", [4], "本报讯甲文第一段第一行"),
    ]
    assert new.blocks[0] is head
    # the rest of the cut paragraph is re-read from its raw line
    assert (para.lines, para.text, para.edited) == ([5], "甲文第一段第二行。", None)
    check_invariant(page)


def test_part_of_a_block_corrected_by_hand_is_not_taken(page):
    """Cutting a corrected block along its lines would drop the correction: refused, and
    the page is as it was."""
    para = page.articles[0].blocks[1]
    para.edited = "编辑改过的第一段"
    before = page_to_dict(page)
    with pytest.raises(ops.OpError) as exc:
        ops.new_article_from_lines(page, [3, 4])
    assert exc.value.code == "cut-edited"
    assert page_to_dict(page) == before


def test_a_new_article_from_a_whole_article_takes_its_place(page):
    a, b = page.articles
    new_id = ops.new_article_from_lines(page, [3, 4, 5, 6])
    assert [x.id for x in page.articles] == [new_id, b.id]


def test_a_new_article_from_loose_lines_goes_in_reading_order(page):
    """Lines no article owned go before the first article printed after them."""
    top = ops.new_article_from_lines(page, [1])  # the page header, above everything
    assert page.articles[0].id == top
    end = ops.new_article_from_lines(page, [11])  # below everything
    assert page.articles[-1].id == end
    assert [len(a.blocks) for a in page.articles] == [1, 3, 3, 1]
    assert page.articles[0].blocks[0].role == "paragraph"  # furniture becomes text


def test_a_new_article_between_two_articles_goes_between_them(page):
    a, b = page.articles
    c = Article(blocks=[_b("paragraph", [10])])
    b.blocks.pop()
    page.articles.append(c)
    page.unassigned[0].lines = [9]
    b.blocks.pop()  # B keeps its headline (8); line 9 is loose, 10 is C's
    page.unassigned[0].text = "乙文第一段。"
    page.unassigned.append(_b("unassigned", [11]))
    check_invariant(page)
    # line 6 is A's: the new article follows A
    new = ops.new_article_from_lines(page, [6])
    assert [x.id for x in page.articles] == [a.id, new, b.id, c.id]
    # line 9 is loose: the new article goes before C, the first article printed after it
    loose = ops.new_article_from_lines(page, [9])
    assert [x.id for x in page.articles] == [a.id, new, b.id, loose, c.id]


def test_no_lines_at_all_is_refused(page):
    assert _refusal(lambda: ops.new_article_from_lines(page, []))[0] == "no-lines"


def test_an_article_given_all_its_own_lines_stays_where_it_was(page):
    a, b = page.articles
    ops.assign_lines(page, [8, 9, 10], b.id)
    assert page.articles == [a, b]
    assert _roles(b) == [("headline", [8]), ("paragraph", [9]), ("paragraph", [10])]
    ops.assign_lines(page, [3, 4, 5, 6], a.id)
    assert page.articles == [a, b]


def test_assigned_text_goes_in_line_order_among_the_body_never_before_the_titles(page):
    """A headline printed at the page bottom (a displaced head): body lines given to its
    article still follow the headline, in line order."""
    a, b = page.articles
    b.blocks[0].lines, b.blocks[0].text = [11], "（责任编辑：王芳）"
    page.unassigned = [_b("unassigned", [8])]
    check_invariant(page)
    ops.assign_lines(page, [6], b.id)  # before every line of B
    assert _roles(b) == [("headline", [11]), ("paragraph", [6]), ("paragraph", [9]),
                         ("paragraph", [10])]
    ops.assign_lines(page, [1], b.id)  # furniture, before everything
    assert [x.lines for x in b.blocks] == [[11], [1], [6], [9], [10]]


def test_assigned_text_after_the_whole_body_goes_last(page):
    a, b = page.articles
    ops.assign_lines(page, [11], a.id)
    assert _roles(a)[-1] == ("paragraph", [11])


# -- roles ----------------------------------------------------------------------------------------


def test_an_unassigned_block_set_to_a_page_role_moves_to_the_furniture(page):
    loose = page.unassigned[0]
    ops.set_role(page, loose.id, "jump")
    assert loose in page.furniture and loose not in page.unassigned and loose.role == "jump"


def test_a_block_set_to_a_page_role_has_that_role(page):
    para = page.articles[0].blocks[2]
    ops.set_role(page, para.id, "page_header")
    assert para.role == "page_header" and para in page.furniture


def test_a_furniture_block_set_to_text_leaves_the_furniture(page):
    header = page.furniture[0]
    ops.set_role(page, header.id, "paragraph")
    assert page.furniture == [] and page.articles[0].blocks[0] is header
    check_invariant(page)


def test_a_loose_block_joins_the_article_of_the_nearest_earlier_line(page):
    """Line 11 follows B's last line: B, not A (whose lines come after nothing of 11's)."""
    a, b = page.articles
    loose = page.unassigned[0]
    ops.set_role(page, loose.id, "note")
    assert b.blocks[-1] is loose and loose.role == "note"
    check_invariant(page)


def test_the_nearest_earlier_line_decides_even_right_before_another_article(page):
    a, b = page.articles
    para = b.blocks[1]  # line 9, just after B's headline and before B's line 10
    ops.set_role(page, para.id, "unassigned")
    b.blocks[0].lines, a.blocks[0].lines = [3], [8]  # swap the headlines' lines
    b.blocks[0].text, a.blocks[0].text = "标题甲", "标题乙"
    ops.set_role(page, para.id, "paragraph")
    assert para in a.blocks  # line 8 is A's now
    assert [x.lines for x in a.blocks] == [[8], [4, 5], [6], [9]]


def test_the_earlier_line_just_before_counts_over_older_ones(page):
    a, b = page.articles
    page.unassigned[0].lines, page.unassigned[0].text = [11], "（责任编辑：王芳）"
    moved = b.blocks.pop()  # line 10 goes to A: A owns 3-6 and 10, B owns 8-9
    a.blocks.append(moved)
    ops.set_role(page, page.unassigned[0].id, "paragraph")
    assert a.blocks[-1].lines == [11]


def test_a_loose_block_above_every_article_joins_the_first_article(page):
    a, b = page.articles
    page.articles = [b, a]  # the first article in the list is printed lower
    header = page.furniture[0]
    ops.set_role(page, header.id, "paragraph")
    assert b.blocks[0] is header  # no earlier line: the first article, in line order


def test_line_one_counts_as_an_earlier_line(page):
    a, b = page.articles
    header = page.furniture.pop()
    b.blocks.insert(0, header)  # B owns line 1
    page.articles = [a, b]
    ops.set_role(page, a.blocks[0].id, "unassigned")  # line 3
    ops.set_role(page, page.unassigned[-1].id, "headline")
    assert b.blocks[1].lines == [3]


def test_a_loose_block_on_a_page_without_articles_becomes_an_article():
    p = Page(raw="甲\n乙\n", unassigned=[Block("unassigned", [1], "甲"),
                                        Block("unassigned", [2], "乙")])
    ops.set_role(p, p.unassigned[0].id, "paragraph")
    assert len(p.articles) == 1 and _roles(p.articles[0]) == [("paragraph", [1])]
    check_invariant(p)


# -- splitting and joining blocks ---------------------------------------------------------------


def test_a_block_can_be_split_after_its_first_or_before_its_last_character(page):
    para = page.articles[0].blocks[2]  # 甲文第二段。
    second = page.find_block(ops.split_block(page, para.id, 1))[1]
    assert (para.text, second.text) == ("甲", "文第二段。")
    with pytest.raises(ops.OpError):
        ops.split_block(page, second.id, len(second.text))


def test_the_second_part_keeps_role_and_confidence(page):
    para = page.articles[0].blocks[1]
    para.role, para.confidence = "subhead", 0.4
    second = page.find_block(ops.split_block(page, para.id, 3))[1]
    assert (second.role, second.confidence) == ("subhead", 0.4)


def test_splitting_a_corrected_block_cuts_the_importer_text_in_proportion(page):
    para = page.articles[0].blocks[2]
    para.text, para.edited = "甲文第二段。", "甲文的第二段落。"  # 6 and 8 characters
    second = page.find_block(ops.split_block(page, para.id, 4))[1]
    assert (para.edited, second.edited) == ("甲文的第", "二段落。")
    assert (para.text, second.text) == ("甲文第", "二段。")  # 4/8 of 6 characters


def test_a_correction_longer_than_the_raw_lines_splits_after_the_first_line(page):
    para = page.articles[0].blocks[1]  # lines 4, 5
    ops.edit_text(page, para.id, "补充：" * 20 + para.text)
    second = page.find_block(ops.split_block(page, para.id, 3))[1]
    assert (para.lines, second.lines) == ([4], [5])
    check_invariant(page)


def test_splitting_and_joining_furniture_and_loose_blocks_keeps_them_where_they_are(page):
    header = page.furniture[0]
    second = page.find_block(ops.split_block(page, header.id, 4))[1]
    assert page.furniture == [header, second] and second.lines == []
    ops.join_blocks(page, header.id)
    assert page.furniture == [header] and header.text == "广东纪事 13"
    loose = page.unassigned[0]
    page.unassigned.append(Block("unassigned", [], "（完）"))
    ops.join_blocks(page, loose.id)
    assert page.unassigned == [loose] and loose.text == "（责任编辑：王芳）（完）"
    check_invariant(page)


def test_the_second_last_block_joins_the_last(page):
    b = page.articles[1]
    ops.join_blocks(page, b.blocks[1].id)
    assert _roles(b) == [("headline", [8]), ("paragraph", [9, 10])]


def test_joining_keeps_either_blocks_correction(page):
    a, b = page.articles
    first, nxt = a.blocks[1], a.blocks[2]
    ops.edit_text(page, first.id, "改过的第一段。")
    ops.join_blocks(page, first.id)
    assert first.display_text == "改过的第一段。甲文第二段。"
    x, y = b.blocks[1], b.blocks[2]
    ops.edit_text(page, y.id, "改过的第二段。")
    ops.join_blocks(page, x.id)
    assert x.display_text == "乙文第一段。改过的第二段。"
    assert nxt not in a.blocks


@pytest.mark.parametrize(
    "credits,kept", [(("甲摄", "乙摄"), "甲摄"), ((None, "乙摄"), "乙摄"), (("甲摄", None), "甲摄")]
)
def test_a_joined_caption_keeps_the_first_credit_it_has(page, credits, kept):
    a = page.articles[0]
    for blk, credit in zip(a.blocks[1:], credits, strict=True):
        blk.role, blk.credit = "caption", credit
    ops.join_blocks(page, a.blocks[1].id)
    assert a.blocks[1].credit == kept


# -- titles, people, bylines ----------------------------------------------------------------------


def test_a_new_title_goes_in_kicker_headline_subheadline_order(page):
    a = page.articles[0]
    ops.set_title(page, a.id, "kicker", "引题")
    ops.set_title(page, a.id, "subheadline", "副题")
    assert [(x.role, x.display_text) for x in a.blocks[:3]] == [
        ("kicker", "引题"), ("headline", "标题甲"), ("subheadline", "副题")]
    assert (a.kicker, a.subheadline) == ("引题", "副题")


def test_retitling_an_editors_own_title_keeps_it(page):
    a = page.articles[0]
    ops.set_title(page, a.id, "kicker", "引题")
    ops.set_title(page, a.id, "kicker", "新引题")
    assert a.kicker == "新引题" and [x.role for x in a.blocks].count("kicker") == 1


def test_retitling_to_the_printed_text_clears_the_correction(page):
    head = page.articles[0].blocks[0]
    ops.set_title(page, page.articles[0].id, "headline", "改过")
    ops.set_title(page, page.articles[0].id, "headline", "标题甲")
    assert head.edited is None


def test_a_headline_printed_on_two_lines_is_retitled_in_its_first_block(page):
    a = page.articles[0]
    a.blocks.insert(1, Block("headline", [4], "本报讯甲文第一段第一行"))
    a.blocks[2].lines, a.blocks[2].text = [5], "甲文第一段第二行。"
    check_invariant(page)
    ops.set_title(page, a.id, "headline", "新标题")
    assert [x.display_text for x in a.blocks[:2]] == ["新标题", ""]
    assert a.headline == "新标题"


def test_clearing_a_title_removes_the_editors_block_and_empties_the_printed_one(page):
    a = page.articles[0]
    a.blocks.insert(0, Block("headline", [], "编辑加的标题"))
    ops.set_title(page, a.id, "headline", "")
    assert [x.lines for x in a.blocks if x.role == "headline"] == [[3]]
    assert a.headline == ""


def test_people_keep_their_roles(page):
    a = page.articles[0]
    people = [Person("王芳", "correspondent"), Person("王芳", "photographer"),
              Person("王芳", "correspondent")]
    ops.set_people(page, a.id, people)
    assert a.people == [Person("王芳", "correspondent"), Person("王芳", "photographer")]


def test_the_byline_text_is_reread_when_there_is_no_byline_block(page):
    a = page.articles[0]
    a.byline = "本报记者 叶 帆"
    ops.reparse_byline(page, a.id)
    assert a.byline == "本报记者叶帆" and a.people == [Person("叶帆", "reporter")]


def test_a_dateline_block_is_read_like_a_byline_block(page):
    a = page.articles[0]
    a.blocks.insert(1, Block("dateline", [], "本报北京3月2日电（记者 陈静）"))
    ops.reparse_byline(page, a.id)
    assert a.dateline == "本报北京3月2日电" and a.people == [Person("陈静", "reporter")]


def test_a_byline_text_without_names_is_kept_as_typed(page):
    a = page.articles[0]
    a.byline = "本报讯"
    ops.reparse_byline(page, a.id)
    assert (a.dateline, a.byline, a.people) == ("本报讯", "本报讯", [])


def test_a_byline_block_without_names_leaves_the_byline_text_alone(page):
    a = page.articles[0]
    a.byline = "记者 王芳"
    a.blocks.insert(1, Block("byline", [], "本报讯"))
    ops.reparse_byline(page, a.id)
    assert (a.dateline, a.byline) == ("本报讯", "记者 王芳")


# -- fields an editor sets -----------------------------------------------------------------------


def test_article_fields_are_set_and_emptied(page):
    a = page.articles[0]
    ops.set_article_field(page, a.id, "byline", "记者 王芳")
    ops.set_article_field(page, a.id, "dateline", "本报讯")
    ops.set_article_field(page, a.id, "notes_text", "待核实")
    assert (a.byline, a.dateline, a.notes_text) == ("记者 王芳", "本报讯", "待核实")
    ops.set_article_field(page, a.id, "byline", "")
    ops.set_article_field(page, a.id, "notes_text", "")
    assert a.byline is None and a.notes_text == ""  # an empty byline is none; notes stay text


def test_a_credit_is_set_and_an_empty_one_removed(page):
    blk = page.articles[0].blocks[2]
    ops.set_credit(page, blk.id, "本报记者 王芳 摄")
    assert blk.credit == "本报记者 王芳 摄"
    ops.set_credit(page, blk.id, "")
    assert blk.credit is None


def test_tags_are_trimmed_deduplicated_and_blank_ones_dropped(page):
    a = page.articles[0]
    ops.set_tags(page, a.id, [" 工会 ", "培训", "工会", "  ", ""])
    assert a.tags == ["工会", "培训"]


def test_page_metadata_is_set_and_emptied(page):
    for name, value in [("paper", "南方工报"), ("date", "2024-04-10"), ("section", "广东纪事"),
                        ("number", "13")]:
        ops.set_meta(page, name, value)
        assert getattr(page.meta, name) == value
    ops.set_meta(page, "paper", "")
    assert page.meta.paper is None


def test_the_last_decision_can_be_checked_and_unchecked(page):
    page.decisions += [Decision("boundary", "x", 0.3), Decision("role", "y", 0.5)]
    ops.mark_decision_checked(page, 1)
    assert [d.checked for d in page.decisions] == [False, True]
    ops.mark_decision_checked(page, 1, False)
    assert not page.decisions[1].checked
    assert _refusal(lambda: ops.mark_decision_checked(page, 2)) == ("no-decision", "2")
    assert _refusal(lambda: ops.mark_decision_checked(page, -1)) == ("no-decision", "-1")


# -- raw lines re-read -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines,text",
    [
        (["the desk", "editor"], "the desk editor"),  # two Latin words: one space
        (["PageDesk  is\tan", "AI  tool"], "PageDesk is an AI tool"),  # runs of space: one
        (["version 2", "(beta)"], "version 2(beta)"),  # punctuation is no word
        (["v2.", "Next"], "v2.Next"),
        (["AI", "技术"], "AI技术"),  # no space next to a CJK glyph
        (["技术", "AI"], "技术AI"),
        (["近日 ，AI 技术", "发展 很快"], "近日，AI技术发展很快"),
        (["a", "b"], "a b"),  # one-letter words
        (["中A", "B中"], "中A B中"),
    ],
)
def test_raw_lines_are_reread_with_spaces_only_between_latin_words(lines, text):
    p = Page(raw="\n".join(lines) + "\n")
    assert ops.line_text(p, list(range(1, len(lines) + 1))) == text


def test_the_first_and_last_raw_lines_are_read_and_lines_outside_the_page_are_not():
    p = Page(raw="甲\n乙\n丙\n")
    assert ops.line_text(p, [1, 3]) == "甲丙"
    assert ops.line_text(p, [0, 4, 2]) == "乙"


def test_a_cursor_in_the_second_of_three_lines_keeps_two_lines_in_the_first_part(page):
    a = page.articles[0]
    first, rest = a.blocks[1], a.blocks.pop(2)
    first.lines, first.text = [4, 5, 6], first.text + rest.text
    offset = first.text.index("第二行")  # inside line 5
    second = page.find_block(ops.split_block(page, first.id, offset))[1]
    assert (first.lines, second.lines) == ([4, 5], [6])
    check_invariant(page)


def test_an_editors_own_title_without_lines_can_be_split(page):
    a = page.articles[0]
    ops.set_title(page, a.id, "kicker", "引题加副题")
    kicker = a.blocks[0]
    second = page.find_block(ops.split_block(page, kicker.id, 2))[1]
    assert (kicker.text, kicker.lines, second.text, second.lines) == ("引题", [], "加副题", [])
