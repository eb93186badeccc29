"""The PDF reader: printed lines (grouping, fake bold, vertical runs, indents), reading order,
the layout the importer takes as evidence, and clear refusals of PDFs it cannot read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from editor.core.importer import import_file, import_pages, segment_text
from editor.core.model import check_invariant
from editor.core.pagejson import page_from_dict, page_to_dict
from editor.core.pdfpage import (
    Char,
    PrintedLine,
    _captions,
    _picture_boxes,
    face_class,
    layout_page,
    parse_page_range,
    read_pdf,
)
from editor.core.reader import InputError
from tests.conftest import DATA
from tests.core.pdfs import Text, column, make_pdf, need_pdf_tools, vertical

LEFT = ["城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。"]
RIGHT = ["书屋管理员介绍，今年还", "将增加儿童绘本和有声读", "物，方便老人和孩子。"]


def _write(tmp_path, data: bytes, name: str = "page.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _texts(path) -> list[str]:
    return [ln.text for ln in read_pdf(path).pages[0].lines]


# -- a fixed page (no typesetting needed) -------------------------------------------------


def test_a_small_fixed_pdf_page_reads_as_its_two_stories():
    """tests/data/two-stories.pdf (made once with tests/core/pdfs.py and kept, so the reader
    is checked even where reportlab or the fonts are missing): an upright section banner,
    a kicker over a fake-bold headline with a byline of spaced names, two paragraphs; a
    second story beside it with a source tag."""
    page = import_file(DATA / "two-stories.pdf")
    check_invariant(page)
    assert [b.role for b in page.furniture] == ["page_header"] and page.meta.section == "社区新闻"
    first, second = page.articles
    assert (first.kicker, first.headline, first.byline) == ("书屋里的周末", "社区书屋座无虚席",
                                                          "本报记者林溪")
    assert first.people_by_role("reporter") == ["林溪"]
    paragraphs = [b.text[:6] for b in first.blocks if b.role == "paragraph"]
    assert paragraphs == ["城东新开的社", "书屋管理员介"]
    assert second.headline == "三百居民齐上阵" and second.source == "城东宣"
    assert page.layout["pdf"]["title"] == "城东社区报 2024年5月18日 第3版"
    assert page.unassigned == []


# -- lines -------------------------------------------------------------------------------


def test_two_columns_on_one_baseline_stay_apart_even_when_drawn_row_by_row(tmp_path):
    """A producer that draws row by row across a narrow gutter (one glyph): each column's
    lines stay whole and apart, and the left column is read to its foot first."""
    texts = []
    for a, b in zip(column(LEFT, 40, 700), column(RIGHT, 40 + 110 + 10, 700), strict=True):
        texts += [a, b]  # drawing order: row by row
    path = _write(tmp_path, make_pdf([texts]))
    assert _texts(path) == LEFT + RIGHT


def test_a_fake_bold_line_drawn_twice_is_read_once(tmp_path):
    path = _write(tmp_path, make_pdf([[Text("河道清理志愿活动", 40, 700, 24, "hei", bold=True)]
                                      + column(LEFT, 40, 650)]))
    lines = read_pdf(path).pages[0].lines
    assert [ln.text for ln in lines].count("河道清理志愿活动") == 1
    assert lines[0].text == "河道清理志愿活动"
    assert lines[0].size == pytest.approx(24, abs=0.1) and lines[0].face == "hei"


def test_glyph_pairs_of_fake_bold_are_dropped_where_pdfium_leaves_them():
    """PDFium already drops most doubled glyphs; where a producer's pairs reach the layout
    step anyway (`新新时时代代`), each glyph is kept once."""
    chars = []
    for i, ch in enumerate("新时代的奋斗者"):
        for dx in (0.0, 0.8):
            chars.append(Char(ch, 40 + i * 24 + dx, 64 + i * 24 + dx, 700, 720, 24, "FZDHTK"))
    chars += [Char(ch, 40 + i * 10, 50 + i * 10, 660, 668, 10, "FZBSK") for i, ch in
              enumerate("本报讯记者从市里获悉")]
    page = layout_page(chars, 1, 600, 800)
    assert [ln.text for ln in page.lines] == ["新时代的奋斗者", "本报讯记者从市里获悉"]
    assert [ln.face for ln in page.lines] == ["hei", "song"]


def test_glyphs_stacked_one_under_another_are_one_vertical_line(tmp_path):
    texts = vertical("社区新闻", 10, 760) + column(LEFT, 60, 760)
    page = read_pdf(_write(tmp_path, make_pdf([texts]))).pages[0]
    banner = [ln for ln in page.lines if ln.vertical]
    assert [ln.text for ln in banner] == ["社区新闻"]
    assert [ln.text for ln in page.lines if not ln.vertical] == LEFT


def test_a_paragraphs_first_line_set_in_by_two_glyphs_is_an_indent(tmp_path):
    lines = ["　书屋开放以来，借阅量", "逐月上升。", "　管理员说，下一步将延", "长开放时间。"]
    texts = column([t.strip("　") for t in lines], 40, 700, indent_first=(0, 2))
    page = read_pdf(_write(tmp_path, make_pdf([texts]))).pages[0]
    assert [ln.indent for ln in page.lines] == [True, False, True, False]
    assert page.text().splitlines()[0] == "\u3000\u3000书屋开放以来，借阅量"


def test_a_space_the_pdf_draws_between_names_is_kept(tmp_path):
    texts = [Text("记者", 40, 700), Text("罗", 40 + 25, 700), Text("静", 40 + 45, 700)]
    assert _texts(_write(tmp_path, make_pdf([texts + column(LEFT, 40, 680)])))[0] == "记者 罗 静"


@pytest.mark.parametrize(
    "name,face",
    [("ABCDEF+FZBSK--GBK1-0", "song"), ("FZKTK--GBK1-0", "kai"), ("FZHTK--GBK1-0", "hei"),
     ("FZDHTK--GBK1-0", "hei"), ("SimSun", "song"), ("KaiTi", "kai"), ("SimHei", "hei"),
     ("FangSong", "fang"), ("NotoSerifCJKsc-Regular", "song"), ("NotoSansCJKsc-Bold", "hei"),
     ("UMingCN-0", "song"), ("Helvetica", "other")],
)
def test_font_names_give_face_classes(name, face):
    assert face_class(name) == face


# -- reading order ---------------------------------------------------------------------------


def test_stories_side_by_side_are_read_story_by_story_column_by_column(tmp_path):
    """Story A: a head across two columns, two columns under it; story B beside it in a
    third column with its own head. Read: A's head, A's columns, B's head, B's column."""
    texts = [Text("书屋里的周末", 40, 740, 24, "hei")]
    texts += column(LEFT, 40, 700) + column(RIGHT, 165, 700)
    other = ["儿童绘本角本周六开放，", "家长可带孩子免费阅读。"]
    texts += [Text("绘本角开放", 300, 740, 20, "hei")] + column(other, 300, 700)
    page = read_pdf(_write(tmp_path, make_pdf([texts]))).pages[0]
    assert [ln.text for ln in page.lines] == (
        ["书屋里的周末"] + LEFT + RIGHT + ["绘本角开放"] + other
    )


def test_where_a_gap_runs_across_two_columns_the_text_flow_decides_the_reading(tmp_path):
    """Two columns of one story, each with a subhead at the same height: the space above
    the subheads runs across both columns, so the page could be read row by row. The first
    column ends mid-sentence and the second opens inside that sentence: read column by
    column."""
    one = column(LEFT, 40, 700)
    one += [Text("借阅量逐月上升", 40, 650, 12, "hei")]
    one += column(["书屋开放以来，借阅", "量逐月上升。管理员说下一"], 40, 628, indent_first=(0,))
    two = column(["步将延长开放时间，方便", "上班族下班后前来看书。", "书屋还设有自习区。"],
                 165, 700, indent_first=(2,))
    two += [Text("绘本角本周开放", 165, 650, 12, "hei")]
    two += column(["儿童绘本角本周六开", "放，家长可带孩子免费阅读"], 165, 628, indent_first=(0,))
    page = read_pdf(_write(tmp_path, make_pdf([one + two]))).pages[0]
    assert [ln.text for ln in page.lines] == [t.text for t in one + two]


def test_a_line_printed_larger_inside_a_column_is_a_subhead(tmp_path):
    """A subhead as wide as the column, with no space around it: its size makes it one."""
    texts = column(LEFT, 40, 700, indent_first=(0,))
    texts += [Text("借阅量逐月稳步上", 40, 655, 12.5, "hei")]
    more = ["书屋开放以来，借阅量逐", "月上升，管理员说下一步", "将延长开放时间。"]
    texts += column(more, 40, 640, indent_first=(0,))
    page = import_file(_write(tmp_path, make_pdf([[Text("社区书屋", 40, 740, 24, "hei")] + texts])))
    roles = [b.role for b in page.articles[0].blocks]
    assert roles == ["headline", "paragraph", "subhead", "paragraph"]


def test_a_head_is_read_with_the_text_under_it_not_with_the_head_beside_it(tmp_path):
    """Two stories' heads share a band with a clear space under it, and the first story's
    second column ends open while the second story's column opens without an indent, as
    if one went on in the other: still each head is read right before its own text."""
    right = ["书屋管理员介绍，今年还", "将增加儿童绘本和有声读", "物，方便老人和孩子们在"]
    other = ["儿童绘本角本周六开放，", "家长可带孩子免费阅读，", "现场还有故事会。"]
    one = [Text("社区书屋里的", 40, 750, 24, "hei"), Text("周末与夜晚", 40, 722, 24, "hei"),
           Text("城东书屋开放三个月借阅量翻番", 40, 700, 13, "hei")]
    one += column(LEFT, 40, 670) + column(right, 165, 670)
    two = [Text("绘本角", 300, 740, 16, "hei"), Text("本周开放", 300, 720, 16, "hei")]
    two += column(other, 300, 670)
    page = read_pdf(_write(tmp_path, make_pdf([one + two]))).pages[0]
    assert [ln.text for ln in page.lines] == [t.text for t in one + two]


def test_pictures_under_heads_fill_their_space_in_the_reading(tmp_path):
    """Two stories side by side, each with a picture under its head, and a third story
    across both under them. Without the pictures the space they fill would part the row of
    heads from the text under them; with them, each head is read with its own text."""
    a1 = ["城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。"]
    b = ["儿童绘本角本周六开放，", "家长可带孩子免费阅读，", "现场还有故事会。"]
    c1 = ["城西公园的步道改造完成，", "新铺的塑胶跑道平整防滑，", "不少居民一早就来散步。"]
    c2 = ["公园管理处介绍，步道全长", "两公里，沿途增设了休息座", "椅和饮水点，方便市民。"]
    c3 = ["管理处还计划在步道两旁", "种植花木，让市民在锻炼", "时也能欣赏四季风景。"]
    one = [Text("社区书屋里的周末", 40, 760, 24, "hei")]
    one += column(a1, 40, 600) + column(RIGHT, 165, 600)
    two = [Text("绘本角开放", 300, 760, 20, "hei")] + column(b, 300, 600)
    three = [Text("城西公园步道改造完成市民晨练有了好去处", 40, 520, 20, "hei")]
    three += column(c1, 40, 490) + column(c2, 165, 490) + column(c3, 300, 490)
    pictures = [(40, 620, 235, 120), (300, 620, 110, 120)]
    page = read_pdf(_write(tmp_path, make_pdf([one + two + three], boxes=pictures))).pages[0]
    assert [ln.text for ln in page.lines] == [t.text for t in one + two + three]


def test_only_pictures_and_rules_across_with_no_text_inside_fill_space():
    """Shapes kept for the reading order: a picture, a rule across; not a frame around text,
    a rule down a gutter, a small mark."""
    chars = [Char("书", 100, 110, 500, 508, 10, "FZSSK")]
    picture, rule = (40, 600, 240, 720), (40, 580, 400, 580.8)
    frame = (90, 480, 300, 560)  # drawn around the glyph
    down, mark = (150, 100, 150.8, 700), (40, 40, 55, 55)
    assert _picture_boxes([picture, rule, frame, down, mark], chars, 10) == [picture, rule]


def test_a_kicker_is_never_cut_off_its_headline(tmp_path):
    """Two stories side by side, each a kicker over a headline with more space between them
    than anywhere above (a rule under the story over them takes up that space): the cut
    never runs between a kicker and its headline, so each kicker is read right before its
    own headline, not beside the other story's kicker."""
    wide = ["城西公园的步道改造完成，新铺的塑胶跑道平整防滑，不少居民一早",
            "就来散步。公园管理处介绍，步道全长两公里，沿途增设了休息座椅"]
    b = ["儿童绘本角本周六开放，", "家长可带孩子免费阅读，", "现场还有故事会。"]
    texts = column(wide, 40, 760)
    texts += [Text("社区书屋", 40, 714, 16, "hei"), Text("书屋里的周末", 40, 672, 24, "hei")]
    texts += column(LEFT, 40, 645)
    texts += [Text("亲子阅读", 300, 714, 16, "hei"), Text("绘本角开放", 300, 672, 24, "hei")]
    texts += column(b, 300, 645)
    rule = (40, 736, 440, 0.8)
    page = read_pdf(_write(tmp_path, make_pdf([texts], boxes=[rule]))).pages[0]
    read = [ln.text for ln in page.lines]
    assert read[read.index("社区书屋") + 1] == "书屋里的周末"
    assert read[read.index("亲子阅读") + 1] == "绘本角开放"


def test_lines_printed_against_a_picture_unlike_running_text_are_its_caption(tmp_path):
    """Two lines in 楷体 right under a picture, with no bullet and no photo credit: the PDF
    shows them as the picture's caption (the text alone would read them as a subheadline)."""
    texts = [Text("社区书屋里的周末", 40, 760, 24, "hei"),
             Text("居民在书屋里看书，孩子们", 40, 612, 9, "kai"),
             Text("在绘本角听故事。", 40, 600, 9, "kai")]
    texts += column(LEFT, 40, 570) + column(RIGHT, 165, 570)
    pdf = make_pdf([texts], boxes=[(40, 625, 235, 120)])
    (article,) = import_file(_write(tmp_path, pdf)).articles
    captions = [b.text for b in article.blocks if b.role == "caption"]
    assert captions == ["居民在书屋里看书，孩子们在绘本角听故事。"]
    assert article.subheadline is None


def test_only_lines_against_a_picture_and_unlike_running_text_are_marked_as_captions():
    picture = (100, 500, 300, 600)

    def line(text, box, size=9.0, face="kai"):
        return PrintedLine(text, box, size, face, 0)

    under = line("图下说明文字", (100, 485, 250, 494))
    beside = line("图旁说明文字", (310, 500, 400, 509))  # level with the picture's foot
    body_like = line("图下正文", (100, 485, 250, 495), 10.0, "song")  # the story goes on
    title = line("图下标题", (100, 470, 300, 494), 24.0, "hei")
    far = line("远处楷体", (100, 300, 250, 309))
    for ln in (under, beside, body_like, title, far):
        ln.picture = False
        _captions([ln], [picture], 10.0, "song")
        assert ln.picture == (ln in (under, beside)), ln.text


def test_a_head_across_two_columns_with_no_space_under_it_is_read_before_them(tmp_path):
    """No clear gap under the head and no gutter it leaves free: the cut goes where both
    parts can be read (the head alone above, the columns beside each other below)."""
    texts = [Text("书屋里的周末与夜晚", 40, 715, 12, "hei")]
    texts += column(LEFT, 40, 700) + column(RIGHT, 160, 700)
    page = read_pdf(_write(tmp_path, make_pdf([texts]))).pages[0]
    assert [ln.text for ln in page.lines] == ["书屋里的周末与夜晚"] + LEFT + RIGHT


def test_a_line_across_two_columns_in_their_middle_is_read_between_their_halves(tmp_path):
    """A caption set across two columns halfway down, at the columns' line spacing: above
    it both columns' upper halves, then it, then both lower halves."""
    top_left, top_right = column(LEFT, 40, 700), column(RIGHT, 160, 700)
    caption = [Text("■居民在书屋里看书，孩子们在绘本角听故事。本报记者 林溪 摄", 40, 655, 9, "kai")]
    low_left = column(["管理员说，明年还将延长", "开放时间，方便上班族。"], 40, 640)
    low_right = column(["书屋还设有自习区和阅报", "栏，供居民免费使用。"], 160, 640)
    page = read_pdf(_write(tmp_path, make_pdf([top_left + top_right + caption + low_left
                                               + low_right]))).pages[0]
    order = [ln.text for ln in page.lines]
    assert order == ([t.text for t in top_left + top_right] + [caption[0].text]
                     + [t.text for t in low_left + low_right])


def _drawn_order_kept(tp, page) -> tuple[int, int]:
    """Pairs of drawn body lines, one after the other in one story, that the reader also
    gives one after the other: (kept, all)."""
    index = {}
    for k, ln in enumerate(page.lines):
        cx, cy = (ln.box[0] + ln.box[2]) / 2, (ln.box[1] + ln.box[3]) / 2
        for j, d in enumerate(tp.lines):
            x0, y0, x1, y1 = d.box
            if x0 - 1 <= cx <= x1 + 1 and y0 - 2 <= cy <= y1 + 2:
                index.setdefault(j, k)
                break
    kept = total = 0
    for j in range(len(tp.lines) - 1):
        a, b = tp.lines[j], tp.lines[j + 1]
        if a.owner[0] == b.owner[0] >= 0 and {a.owner[1], b.owner[1]} <= {"paragraph", "subhead"}:
            total += 1
            kept += j in index and j + 1 in index and index[j + 1] == index[j] + 1
    return kept, total


@pytest.mark.parametrize("plan", [("column-chunks", "tune", 0), ("furniture", "tune", 1),
                                  ("photo-captions", "check", 2)])
def test_a_typeset_page_is_read_in_its_drawn_order_with_its_sizes(tmp_path, plan):
    """A whole generated page: nearly every body line follows the one drawn before it, each
    line has the size it was drawn at, and the text is the drawn text."""
    ts = need_pdf_tools()
    from tests.corpus.generate import plan_page

    tp = ts.typeset(plan_page(*plan))
    page = read_pdf(_write(tmp_path, tp.pdf)).pages[0]
    kept, total = _drawn_order_kept(tp, page)
    assert total > 100 and kept >= 0.97 * total
    drawn = {d.text.replace(" ", ""): d.size for d in tp.lines if not d.vertical}
    read = {ln.text.replace(" ", ""): ln.size for ln in page.lines if not ln.vertical}
    common = drawn.keys() & read.keys()
    assert len(common) >= 0.9 * len(drawn)
    assert all(abs(drawn[t] - read[t]) < 0.2 for t in common)


def test_a_vertical_banner_and_fake_bold_heads_of_a_typeset_page(tmp_path):
    ts = need_pdf_tools()
    from tests.corpus.generate import plan_page

    for seed in range(12):
        plan = plan_page("furniture", "tune", seed)
        if plan.layout.vertical_banner:
            break
    else:
        pytest.fail("no furniture plan with a vertical banner")
    tp = ts.typeset(plan, fake_bold=True)
    page = read_pdf(_write(tmp_path, tp.pdf)).pages[0]
    banner = "".join(d.text for d in tp.lines if d.vertical)  # drawn glyph by glyph
    assert banner and [ln.text for ln in page.lines if ln.vertical] == [banner]
    heads = [d.text for d in tp.lines if d.owner[1] == "headline"]
    read = [ln.text.replace(" ", "") for ln in page.lines]
    assert all(read.count(h.replace(" ", "")) == 1 for h in heads)  # each once, not doubled


# -- the importer on PDF pages ------------------------------------------------------------------

BODY = ["　　本报讯 城东新开的社区书屋", "每天都有不少居民前来借书", "看报，周末更是座无虚席。",
        "　　书屋管理员介绍，今年还将", "增加儿童绘本和有声读物，方", "便老人和孩子。"]


def _story_pdf() -> bytes:
    """A headline over a smaller line with no dash: a subheadline by its size alone."""
    texts = [Text("社区书屋成了居民的第二客厅", 40, 740, 26, "hei"),
             Text("今年将增加儿童绘本和有声读物", 40, 712, 14, "kai")]
    texts += column([t.strip("　") for t in BODY], 40, 680, indent_first=(0, 3))
    return make_pdf([texts])


def test_printed_sizes_decide_headline_and_subheadline(tmp_path):
    path = _write(tmp_path, _story_pdf())
    page = import_file(path)
    check_invariant(page)
    a = page.articles[0]
    assert (a.kicker, a.headline, a.subheadline) == (
        None, "社区书屋成了居民的第二客厅", "今年将增加儿童绘本和有声读物")
    assert [b.role for b in a.blocks].count("paragraph") == 2
    # the same raw text without the layout reads the two heads the other way round
    text_only = segment_text(page.raw).articles[0]
    assert text_only.subheadline is None


def test_two_heads_printed_side_by_side_are_two_heads(tmp_path):
    """Two stories' heads at the same height, each over its own column, read one after the
    other (a caption set across both columns stands under them): the second head is not
    the first one's subheadline, nor, printed at a headline's size, a subhead of its text,
    even where its words name neither story."""
    left = [Text("书屋里的周末", 40, 760, 14, "hei"), Text("社区书屋座无虚席", 40, 730, 24, "hei")]
    right = [Text("金秋时节山乡美", 330, 760, 14, "hei"), Text("晒秋迎客来", 330, 730, 24, "hei")]
    body = [Text("■居民在社区书屋里看书，志愿者在城东河边清理垃圾。本报记者 林小溪 摄", 40, 700,
                 8, "kai")]
    body += column(LEFT, 40, 670, indent_first=(0,))
    body += column(["十一月三日，城东区举行", "河道清理志愿活动，三百", "多名居民参加。"], 330, 670,
                   indent_first=(0,))
    page = import_file(_write(tmp_path, make_pdf([left + right + body])))
    first = next(a for a in page.articles if a.headline == "社区书屋座无虚席")
    assert (first.kicker, first.subheadline) == ("书屋里的周末", None)
    second = next(a for a in page.articles if a.headline == "晒秋迎客来")
    assert (second.kicker, second.subheadline) == ("金秋时节山乡美", None)


def _segment_printed(texts: list[tuple[str, float, tuple | None]]):
    """A page as the PDF reader would give it, without a PDF: each raw line's text, printed
    size (10 = the body) and box (None for a blank line); segmented with that layout."""
    from editor.core.model import Page, ensure_invariant
    from editor.core.segment import segment_page

    layout = {"pdf": {"page": 1, "width": 600, "height": 800, "body_size": 10},
              "lines": {n: {"box": box, "size": size, "face": "hei" if size > 10 else "song"}
                        for n, (_t, size, box) in enumerate(texts, 1) if box}}
    page = Page(raw="\n".join(t for t, _s, _b in texts) + "\n", layout=layout)
    segment_page(page)
    ensure_invariant(page, "test")
    return page


def test_heads_read_one_after_the_other_split_where_one_stands_beside_the_other():
    """Four title lines in a row, the last two printed beside the first two (as a reader of
    the page gives heads that share a band): two heads, not one with a subheadline."""
    raw = ["书屋里的周末", "社区书屋座无虚席", "金秋时节山乡美", "晒秋迎客来", "",
           "　　城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。", "",
           "　　金秋十月，山区的霞溪", "村进入晒秋时节，吸引了", "不少游客前来观光。"]
    boxes = {1: (40, 756, 124, 770, 14), 2: (40, 726, 232, 750, 24),
             3: (330, 756, 428, 770, 14), 4: (330, 726, 450, 750, 24)}
    for n, y in zip((6, 7, 8), (670, 655, 640), strict=True):
        boxes[n] = (40, y, 150, y + 10, 10)
    for n, y in zip((10, 11, 12), (670, 655, 640), strict=True):
        boxes[n] = (330, y, 440, y + 10, 10)
    page = _segment_printed([(t, boxes[n][4], boxes[n][:4]) if n in boxes else (t, 0, None)
                             for n, t in enumerate(raw, 1)])
    first = page.articles[0]
    assert (first.kicker, first.headline) == ("书屋里的周末", "社区书屋座无虚席")
    assert first.subheadline is None
    # the second head stays whole and apart (which text it heads is left to the editor here:
    # nothing on this page ties it to one)
    second = [b for b in page.all_blocks() if b[1].lines and b[1].lines[0] in (3, 4)]
    assert all(owner is not first for owner, _b in second)


@pytest.mark.parametrize(
    "end,start,sign",
    [
        ((40, 100, 150, 110), (165, 700, 275, 710), 1),  # top of the next column to the right
        ((40, 400, 150, 410), (40, 200, 150, 210), 1),  # further down the same column
        ((40, 100, 150, 110), (330, 700, 440, 710), -1),  # two columns away
        ((165, 400, 275, 410), (40, 700, 150, 710), -1),  # a column to the left
        ((40, 100, 150, 110), (165, 50, 275, 60), -1),  # next column, but lower than the end
        (None, (165, 700, 275, 710), 0),  # a text page: no evidence
    ],
)
def test_where_a_text_broken_at_a_columns_foot_goes_on(end, start, sign):
    from editor.core.lines import Line
    from editor.core.segment import _printed_next

    def line(box):
        return Line(n=1, raw="字", soft="字", text="字", w=1.0, box=box)

    got = _printed_next(line(end), line(start))
    assert (got > 0) - (got < 0) == sign


def test_chunks_beside_stories_stacked_in_one_column_go_on_with_their_own():
    """Two stories one under the other in the left column, each broken mid-sentence at its
    part's foot, each going on in the column to the right (read after both): each chunk
    goes on with the story that ended highest above it, whatever was read last."""
    texts = [
        ("书屋里的周末", 20), ("", 0),
        ("　　城东新开的社区书屋每天都有", 10), ("不少居民前来借书看报，一到周", 10),
        ("末，阅览区和走廊里坐满了人，", 10), ("孩子们的读书声更", 10), ("", 0),
        ("书屋里的夜晚", 20), ("", 0),
        ("　　城西新开的社区书屋每晚都有", 10), ("不少居民前来借书看报，一到晚", 10),
        ("上，阅览区和走廊里灯光明亮，", 10), ("下班的年轻人更", 10), ("", 0),
        ("是此起彼伏。管理员说还将延长", 10), ("开放时间，并增设自助借还机，", 10),
        ("方便大家借还。", 10), ("", 0),
        ("是络绎不绝。管理员说还将增加", 10), ("座位和台灯，让更多年轻人下班", 10),
        ("后来这里看书。", 10),
    ]
    # boxes: the first story over the second in the left column, each going on beside itself
    tops = {1: 760, 3: 730, 8: 650, 10: 620, 15: 730, 19: 620}
    lines = {}
    for n, (text, size) in enumerate(texts, 1):
        if not text:
            continue
        start = max(k for k in tops if k <= n)
        y = tops[start] - 15 * (n - start)
        x = 40 if n < 15 else 200
        x0 = x + (20 if text.startswith("　") else 0)
        # justified: a line runs to the column's edge unless it ends a paragraph
        x1 = x + 10 * len(text.strip("　")) if text.endswith("。") or size > 10 else x + 140
        lines[n] = (text, (x0, y, x1, y + size), size)
    page = _segment_printed([(t, s, lines[n][1] if n in lines else None)
                             for n, (t, s) in enumerate(texts, 1)])
    owned = {a.headline: sorted(n for b in a.blocks if b.role == "paragraph" for n in b.lines)
             for a in page.articles}
    assert owned == {"书屋里的周末": [3, 4, 5, 6, 15, 16, 17],
                     "书屋里的夜晚": [10, 11, 12, 13, 19, 20, 21]}


@pytest.mark.parametrize("kicker_box, headline_size, headline_box", [
    ((40, 772, 236, 786), 24, (40, 740, 232, 764)),  # a gap under the kicker's own height
    # a large headline: the gap is more than the kicker's height, less than half its own
    ((40, 772.5, 236, 786.5), 33, (40, 725, 304, 758)),
])
def test_a_kicker_printed_right_over_its_headline_stays_with_it_whatever_its_words(
        kicker_box, headline_size, headline_box):
    """The kicker's words name the other story on the page (the text alone would split the
    head there); printed right over the headline, it is this story's kicker."""
    texts = [
        ("河道清理志愿活动后的又一件事", 14, kicker_box),
        ("社区书屋座无虚席", headline_size, headline_box),
        ("", 0, None),
        ("　　城东新开的社区书屋每天", 10, (60, 712, 180, 722)),
        ("都有不少居民前来借书看报，", 10, (40, 697, 180, 707)),
        ("周末更是座无虚席。", 10, (40, 682, 130, 692)),
        ("", 0, None),
        ("三百居民齐上阵", 24, (300, 740, 468, 764)),
        ("", 0, None),
        ("　　城东区举行河道清理志愿", 10, (320, 712, 440, 722)),
        ("活动，三百多名居民清理河道", 10, (300, 697, 440, 707)),
        ("两公里，志愿活动持续半天。", 10, (300, 682, 430, 692)),
    ]
    page = _segment_printed(texts)
    heads = sorted((a.kicker or "", a.headline) for a in page.articles)
    assert heads == [("", "三百居民齐上阵"), ("河道清理志愿活动后的又一件事", "社区书屋座无虚席")]


def test_a_kicker_printed_right_over_its_headline_under_the_page_header_is_no_banner():
    """Under the page header, a kicker whose words the story never uses, printed right
    over a headline broken in two: the head's kicker, not a section banner."""
    texts = [
        ("文化 18", 22, (40, 770, 110, 792)),
        ("夜色添彩", 15, (60, 740, 120, 755)),
        ("古镇千灯夜游", 19, (40, 712, 154, 731)),
        ("本周六开放", 19, (40, 688, 135, 707)),
        ("", 0, None),
        ("　　城东古镇的千灯夜游本周", 10, (60, 660, 180, 670)),
        ("六开放，游客可以乘船夜游古", 10, (40, 645, 180, 655)),
        ("镇，欣赏两岸灯火。", 10, (40, 630, 130, 640)),
        ("", 0, None),
        ("社区书屋座无虚席", 24, (300, 720, 492, 744)),
        ("", 0, None),
        ("　　城西新开的社区书屋每天", 10, (320, 690, 440, 700)),
        ("都有不少居民前来借书看报，", 10, (300, 675, 440, 685)),
        ("周末更是座无虚席。", 10, (300, 660, 390, 670)),
    ]
    page = _segment_printed(texts)
    heads = sorted((a.kicker or "", a.headline) for a in page.articles)
    assert heads == [("", "社区书屋座无虚席"), ("夜色添彩", "古镇千灯夜游本周六开放")]


def test_an_issuer_broken_over_a_line_end_in_a_notices_sign_off_is_one_name():
    """A notice signs off with its issuers, set in, and the date; one issuer's name runs to
    the column's edge and on to the next line, not set in: one issuer, not two lines."""
    texts = [
        ("关于举办职工技能大赛的通知", 24, (40, 760, 352, 784)),
        ("", 0, None),
        ("　　各区总工会、各有关企业：为", 10, (60, 730, 180, 740)),
        ("弘扬劳模精神，市总工会决定举", 10, (40, 715, 180, 725)),
        ("办职工技能大赛，报名截止时间", 10, (40, 700, 180, 710)),
        ("为6月30日。", 10, (40, 685, 110, 695)),
        ("　　滨江市总工会", 10, (60, 670, 120, 680)),
        ("　　滨江市人力资源和社", 10, (60, 655, 180, 665)),
        ("会保障局", 10, (40, 640, 80, 650)),
        ("　　2025年5月20日", 10, (60, 625, 125, 635)),
    ]
    page = _segment_printed(texts)
    (article,) = page.articles
    tail = [b.text for b in article.blocks if b.role == "paragraph"][-3:]
    assert tail == ["滨江市总工会", "滨江市人力资源和社会保障局", "2025年5月20日"]


def test_a_subhead_over_a_one_line_paragraph_at_a_columns_foot_stays_a_subhead():
    """A subhead near a column's foot with one line of its paragraph under it (set in by two
    glyphs) before the next column: the line's column is its width plus the indent, so the
    subhead is the story's, not the headline of a new one."""
    texts = [
        ("社区书屋成了居民的第二客厅", 24, (40, 760, 352, 784)),
        ("", 0, None),
        ("　　城东新开的社区书屋每天", 10, (60, 730, 180, 740)),
        ("都有不少居民前来借书看报，周", 10, (40, 715, 180, 725)),
        ("末更是座无虚席。管理员说，书", 10, (40, 700, 180, 710)),
        ("屋开放以来借阅量逐月上升。", 10, (40, 685, 170, 695)),
        ("", 0, None),
        ("借阅量逐月上升", 13, (60, 660, 151, 673)),
        ("　　今年书屋还将增加儿童绘本", 10, (60, 640, 180, 650)),
        ("", 0, None),
        ("和有声读物，方便老人和孩子们", 10, (200, 730, 340, 740)),
        ("阅读。管理员还说，明年将延长", 10, (200, 715, 340, 725)),
        ("开放时间，让上班族下班后也能", 10, (200, 700, 340, 710)),
        ("来这里看书。", 10, (200, 685, 260, 695)),
    ]
    page = _segment_printed(texts)
    assert len(page.articles) == 1
    roles = [b.role for b in page.articles[0].blocks]
    assert roles == ["headline", "paragraph", "subhead", "paragraph"]


def test_a_subhead_over_three_lines_printed_like_the_storys_subheads_stays_its_subhead():
    """A commentary's subheads printed alike (13 pt 黑体); one of them is broken over three
    lines at the top of the next column: printed exactly like the story's first subhead,
    it is the story's next subhead, not the headline of a new story."""
    texts = [
        ("社区书屋成了居民的第二客厅", 24, (40, 760, 352, 784)),
        ("", 0, None),
        ("　　城东新开的社区书屋每天", 10, (60, 730, 180, 740)),
        ("都有不少居民前来借书看报，周", 10, (40, 715, 180, 725)),
        ("末更是座无虚席。", 10, (40, 700, 120, 710)),
        ("", 0, None),
        ("借阅量逐月上升", 13, (40, 675, 131, 688)),
        ("　　社区书屋开放以来，借阅", 10, (60, 655, 180, 665)),
        ("量逐月上升，居民借书看报的", 10, (40, 640, 180, 650)),
        ("热情很高，书屋里座无虚席。", 10, (40, 625, 180, 635)),
        ("", 0, None),
        ("延长开放时间，让", 13, (200, 760, 304, 773)),
        ("上班族下班后也能", 13, (200, 744, 304, 757)),
        ("来书屋借书看报", 13, (200, 728, 291, 741)),
        ("　　管理员说，明年社区书屋", 10, (220, 705, 340, 715)),
        ("将延长开放时间，让上班族下", 10, (200, 690, 340, 700)),
        ("班后也能来借书看报。", 10, (200, 675, 300, 685)),
    ]
    page = _segment_printed(texts)
    assert len(page.articles) == 1
    roles = [b.role for b in page.articles[0].blocks]
    assert roles == ["headline", "paragraph", "subhead", "paragraph", "subhead", "paragraph"]


def test_the_layout_travels_with_the_page_through_json(tmp_path):
    page = import_file(_write(tmp_path, _story_pdf()))
    assert page.source.encoding == "pdf" and page.layout["pdf"]["page"] == 1
    d = json.loads(json.dumps(page_to_dict(page), ensure_ascii=False))
    back = page_from_dict(d, page.raw)
    assert back.layout["lines"] == page.layout["lines"]
    assert back.printed() == page.printed() and max(p.size for p in page.printed().values()) > 2


def test_pages_of_a_longer_pdf_are_chosen_and_named_apart(tmp_path):
    texts = column([t.strip("　") for t in BODY], 40, 680, indent_first=(0, 3))
    path = _write(tmp_path, make_pdf([texts, texts[:3], texts[3:]]))
    pages = import_pages(path)
    assert [p.layout["pdf"]["page"] for p in pages] == [1, 2, 3]
    assert len({p.source.sha256 for p in pages}) == 3
    assert [p.layout["pdf"]["page"] for p in import_pages(path, "2-")] == [2, 3]
    with pytest.raises(InputError) as e:
        import_pages(path, "7")
    assert "3 page" in str(e.value)


@pytest.mark.parametrize(
    "spec,count,pages",
    [(None, 3, [1, 2, 3]), ("2", 3, [2]), ("2-3", 5, [2, 3]), ("1,4-5", 5, [1, 4, 5]),
     ("4-", 6, [4, 5, 6]), ("2-9", 3, [2, 3]), ("-2", 5, [1, 2]), (" 3 ", 4, [3])],
)
def test_page_ranges(spec, count, pages):
    assert parse_page_range(spec, count) == pages


@pytest.mark.parametrize("spec", ["x", "3-1", "0", "-", ""])
def test_bad_page_ranges_are_refused(spec):
    if spec == "":
        assert parse_page_range(spec, 2) == [1, 2]  # empty means all
        return
    with pytest.raises(InputError) as e:
        parse_page_range(spec, 5)
    assert e.value.code == "bad-pages" and str(e.value) == f"not a page range: {spec!r}"


def test_a_range_naming_no_page_of_the_file_says_how_many_it_has():
    with pytest.raises(InputError) as e:
        parse_page_range("7-9", 3)
    assert (e.value.code, str(e.value)) == (
        "bad-pages", "the file has 3 page(s); '7-9' names none of them")


# -- PDFs that cannot be read ---------------------------------------------------------------


def test_a_scanned_pdf_without_a_text_layer_says_so(tmp_path):
    path = _write(tmp_path, make_pdf([[]], boxes=[(50, 50, 400, 600)]))
    with pytest.raises(InputError) as e:
        import_file(path)
    assert e.value.code == "no-text-layer" and "scanned" in str(e.value)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%garbage\n", b"%PDF-1.7\n" + bytes(range(256)) * 8])
def test_a_broken_pdf_gives_one_clear_message_on_the_command_line(tmp_path, data):
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as e:
        import_file(path)
    assert e.value.code == "bad-pdf"
    run = subprocess.run([sys.executable, "-m", "editor", "segment", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "not a readable PDF" in run.stderr and "Traceback" not in run.stderr


def test_segment_and_import_take_pdf_pages_beside_text_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(_story_pdf())
    (folder / "b.txt").write_text("\n".join(BODY) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "editor"]
    out = subprocess.run(cmd + ["segment", str(folder / "a.pdf")], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "社区书屋成了居民的第二客厅" in out.stdout
    lib = str(tmp_path / "lib.db")
    first = subprocess.run(cmd + ["import", "--library", lib, "--json", str(folder)],
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["imported"] == 2
    again = subprocess.run(cmd + ["import", "--library", lib, "--json", str(folder)],
                           capture_output=True, text=True, timeout=120)
    assert json.loads(again.stdout)["duplicate"] == 2


# -- files the reader refuses, the picture, the stored layout ------------------------------


def test_files_that_cannot_be_read_as_pdfs_say_why(tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    from editor.core import pdfpage

    folder = tmp_path / "page.pdf"
    folder.mkdir()  # a folder with a PDF's name
    with pytest.raises(InputError) as e:
        read_pdf(folder)
    assert e.value.code == "unreadable" and str(folder) in str(e.value)
    empty = tmp_path / "empty.pdf"
    pdfium.PdfDocument.new().save(str(empty))
    with pytest.raises(InputError) as e:
        read_pdf(empty)
    assert e.value.code == "bad-pdf"  # PDFium refuses a document without pages
    page = _write(tmp_path, make_pdf([column(LEFT, 40, 700)]), "small.pdf")
    monkeypatch.setattr(pdfpage, "MAX_PDF_BYTES", page.stat().st_size - 1)
    with pytest.raises(InputError) as e:
        read_pdf(page)
    assert e.value.code == "too-large"
    monkeypatch.setattr(pdfpage, "MAX_PDF_BYTES", page.stat().st_size)
    assert [ln.text for ln in read_pdf(page).pages[0].lines] == LEFT  # exactly the limit


def test_is_pdf_looks_at_the_files_first_kilobyte(tmp_path):
    from editor.core.pdfpage import is_pdf

    (tmp_path / "a.pdf").write_bytes(b"\n" * 100 + b"%PDF-1.7\n")
    (tmp_path / "b.pdf").write_bytes(b" " * 1100 + b"%PDF-1.7\n")
    (tmp_path / "c.txt").write_text("本报讯 %PDF 不是文件头", encoding="utf-8")
    assert [is_pdf(tmp_path / n) for n in ("a.pdf", "b.pdf", "c.txt", "missing.pdf")] == [
        True, False, False, False]


def test_the_page_picture_is_rendered_at_its_scale_with_the_print_on_it(tmp_path):
    from editor.core.pdfpage import render_page

    path = _write(tmp_path, make_pdf([[Text("社区书屋", 100, 700, 40, "hei")]], width=300,
                                      height=800))
    pic = render_page(path, 1, 0.5)
    assert (pic.width, pic.height, pic.scale) == (150, 400, 0.5)
    assert pic.stride >= 4 * pic.width and len(pic.data) == pic.stride * pic.height

    def pixel(x, y):
        i = y * pic.stride + 4 * x
        return pic.data[i : i + 3]

    assert pixel(5, 5) == b"\xff\xff\xff"  # paper
    # the glyphs, 100-260 pt across and 700-740 pt up: dark pixels in that band
    band = [pixel(x, y) for x in range(52, 128) for y in range(32, 48)]
    assert sum(1 for p in band if max(p) < 100) > 20
    with pytest.raises(InputError) as e:
        render_page(path, 2)
    assert e.value.code == "bad-pages"
    with pytest.raises(InputError) as e:
        render_page(tmp_path / "missing.pdf", 1)
    assert e.value.code == "bad-pdf"


def test_a_printed_line_is_stored_rounded_with_every_fact():
    from editor.core.pdfpage import PrintedLine

    ln = PrintedLine("社区书屋", (40.04, 700.26, 120.0, 710.94), 9.96, "song", 2, vertical=True,
                     indent=True)
    assert ln.to_dict() == {"text": "社区书屋", "box": [40.0, 700.3, 120.0, 710.9], "size": 10.0,
                            "face": "song", "column": 2, "vertical": True, "indent": True}


@pytest.mark.parametrize("plan, headline, later", [
    (("bullet-lines", "tune", 1), "青禾县春耕备耕按下“快进键”", "据了解，青禾县去年新建"),
    (("paragraph-breaks", "tune", 2), "研学旅行莫成“游而不学”", "“游而不学”“只游不研”"),
])
def test_a_story_under_its_own_head_is_not_split_by_the_words_of_another_head(
        tmp_path, plan, headline, later):
    """A body is split where two heads each name one side of a break only for heads printed
    apart from their text: a photo story's head printed above its own pictures does not
    claim another story's paragraphs, and a headline whose two lines the PDF gives as two
    blocks (printed right under each other) is one head, not two."""
    ts = need_pdf_tools()
    from tests.corpus.generate import plan_page

    tp = ts.typeset(plan_page(*plan))
    page = import_pages(_write(tmp_path, tp.pdf), "1")[0]
    art = next(a for a in page.articles if a.headline == headline)
    assert any(b.text.startswith(later) for b in art.blocks), [b.text[:12] for b in art.blocks]
