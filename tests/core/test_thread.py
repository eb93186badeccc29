"""The threading stage, part by part: head groups, special lines, subheads, continuation."""

from __future__ import annotations

from editor.core.lines import Line
from editor.core.paragraphs import Para
from editor.core.segment import Threader

W = 14.0
_n = iter(range(1, 10_000))


def line(text: str, w: float | None = None, kind: str = "text", **kw) -> Line:
    return Line(n=next(_n), raw=text, soft=text, text=text,
                w=float(len(text) if w is None else w), kind=kind, **kw)


def para(*texts: str, start: str = "start", closed: bool = True, run: int = 0,
         width: float = W) -> Para:
    lines = [line(t) for t in texts]
    p = Para(lines, run, width, start, closed=closed)
    p.chunk_text = "".join(texts)
    p.chunk_max_w = max(ln.w for ln in lines)
    p.chunk_n = len(lines)
    return p


def title(text: str) -> Para:
    return Para([line(text)], 0, W, "title", closed=True, title=True)


BODY_A = ("县里的护河员每天撑船巡河，", "把河面上的垃圾一点点捞起来。")
BODY_A2 = ("护河员说，河里的鱼多了，", "白鹭也回来了，巡河更有劲头。")


def test_title_lines_gather_into_one_head_and_a_byline_closes_it():
    t = Threader()
    t.title(title("护河十年"))
    t.title(title("白鹭又回桐川河"))
    t.special("byline", line("■本报记者 叶 帆", kind="byline"))
    t.title(title("另一篇的标题"))
    t.paragraph(para(*BODY_A, start="lead"))
    bodies, heads, _loose = t.finish()
    assert [[ln.text for ln in g.lines] for g in heads] == [
        ["护河十年", "白鹭又回桐川河"], ["另一篇的标题"]
    ]
    assert heads[0].bylines[0].text.startswith("■") and heads[0].floating
    assert heads[1].next_body is bodies[0] and not heads[1].floating


def test_a_closing_credit_stays_with_the_body_above_and_furniture_interrupts_nothing():
    t = Threader()
    t.paragraph(para(*BODY_A))
    closing = line("（本报记者 叶帆）", kind="byline", meta={"closing": True})
    t.special("byline", closing)
    t.special("furniture", line("责任编辑：林一", kind="furniture"))
    t.paragraph(para(*BODY_A2))
    bodies, _heads, loose = t.finish()
    assert len(bodies) == 1 and len(bodies[0].paras) == 2
    assert (closing, bodies[0]) in loose


def test_a_title_between_two_paragraphs_of_one_story_is_its_subhead():
    t = Threader()
    t.paragraph(para(*BODY_A))
    sub = title("护河员的新本领")
    t.title(sub)
    p = para(*BODY_A2)
    t.paragraph(p)
    bodies, heads, _loose = t.finish()
    assert heads == [] and len(bodies) == 1
    assert [q.joins for q in bodies[0].paras] == ["start", "subhead", "start"]
    assert sub.start == "title" and sub.title  # the paragraph stage's verdict is kept


def test_a_title_before_another_storys_text_opens_a_new_body():
    t = Threader()
    t.paragraph(para(*BODY_A))
    t.title(title("夜校开进产业园"))
    t.paragraph(para("夜校课程安排在周末，", "方便职工错开上班时间。", start="lead"))
    bodies, heads, _loose = t.finish()
    assert len(bodies) == 2 and heads[0].next_body is bodies[1]


def test_a_chunk_opening_mid_sentence_continues_the_open_body():
    t = Threader()
    t.paragraph(para("县里的护河员每天撑船巡河，", "把河面上的垃", closed=False, width=W))
    cont = para("圾一点点捞起来。", start="cont", run=1)
    cont.chunk_max_w = W
    t.paragraph(cont)
    bodies, _heads, _loose = t.finish()
    assert len(bodies) == 1 and len(bodies[0].paras) == 1
    assert bodies[0].paras[0].lines[-1].text == "圾一点点捞起来。" and cont.joins == "cont"


def test_after_a_source_tag_an_unrelated_paragraph_starts_a_new_body():
    t = Threader()
    t.paragraph(para(*BODY_A))
    t.special("source", line("（据新华社电）", kind="source"))
    t.paragraph(para("夜校课程安排在周末，", "方便职工错开上班时间。", run=1))
    bodies, _heads, _loose = t.finish()
    assert len(bodies) == 2


def test_a_head_with_its_column_tag_is_never_taken_for_a_subhead():
    """The tag line belongs to the head group only: taking the group for a subhead would
    leave it without an owner."""
    t = Threader()
    t.paragraph(para(*BODY_A))
    t.title(title("护河员的新本领"))
    tag = line("（护河故事）", kind="source")
    t.special("source", tag)
    t.paragraph(para(*BODY_A2))
    bodies, heads, _loose = t.finish()
    assert len(heads) == 1 and tag in heads[0].lines
    assert all(q.joins != "subhead" for b in bodies for q in b.paras)
