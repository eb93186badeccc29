"""Head groups: the title lines printed above an article, and their roles.

Consecutive title lines may hold several articles' heads (extractors stack
displaced headlines at the top or bottom of the page). Each line is scored
against the page's bodies; a change of best body splits the stack. Inside a
group: a line opening with a dash is the subheadline; two lines of nearly
equal length that no one would print as kicker + headline are one headline
broken in two; otherwise lines before the headline are the kicker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import conventions as cv
from .clean import is_tag_line, undouble, without_tag
from .conventions import DASHES
from .lines import Line, shingle_join
from .tokens import cuts_a_known_word, cuts_a_word


@dataclass
class HeadGroup:
    lines: list[Line]
    paras: list = field(default_factory=list)
    bylines: list[Line] = field(default_factory=list)
    floating: bool = False  # not directly above a body
    next_body: object | None = None  # the body that follows it directly, if any
    confidence: float = 1.0
    attached_by: str = ""

    @property
    def text(self) -> str:
        return "".join(ln.text for ln in self.lines)


def split_head_group(g: HeadGroup, index, bodies) -> list[HeadGroup]:
    """Split a stack of title lines where the best-matching body changes."""
    if len(g.lines) <= 1:
        return [g]
    best = []
    for i, ln in enumerate(g.lines):
        s = index.scores(ln.text)
        # After a blank line (extractors end a text block there, and neighbouring stories'
        # heads are separate blocks) weaker topic evidence suffices to start another head.
        need = 0.15 if i and ln.gap_before else 0.3
        top = max(s) if s else 0.0
        if top >= need and s.count(top) == 1:
            best.append(s.index(top))
        else:
            best.append(None)  # no match, or a tie: its words tell no story apart
    # A line with no clear match belongs with the line above when it continues it (a
    # headline broken in two, a subheadline opening with a dash), else with the line
    # below (a kicker printed above its headline).
    for i in range(len(best)):
        if best[i] is not None:
            continue
        above = best[i - 1] if i > 0 else None
        below = next((b for b in best[i + 1 :] if b is not None), None)
        t, prev = g.lines[i].text, g.lines[i - 1].text if i > 0 else ""
        continues = prev and (t.startswith(("—", "－")) or cuts_a_word(prev, t))
        best[i] = above if (continues or below is None) and above is not None else below
    for i in range(len(best) - 2, -1, -1):
        if best[i] is None:
            best[i] = best[i + 1]
    for i in range(1, len(best) - 1):
        # a line between two lines of one story is that story's: a compositor stacks one
        # story's kicker, headline and subheadline together, never around another's title
        if best[i] != best[i - 1] and best[i - 1] == best[i + 1]:
            best[i] = best[i - 1]
    for i in range(1, len(best)):
        if (
            is_tag_line(g.lines[i].text)
            or runs_across(g.lines[i - 1], g.lines[i])
            or printed_together(g.lines[i - 1], g.lines[i])
        ):
            # a column tag on its own line, the rest of a title broken inside a word or a
            # quotation, or a title printed right under the one above (a PDF shows the
            # stack): the title above it
            best[i] = best[i - 1]
    groups: list[HeadGroup] = []
    for i, ln in enumerate(g.lines):
        if i == 0 or best[i] != best[i - 1]:
            groups.append(HeadGroup(lines=[], floating=True))
        groups[-1].lines.append(ln)
    if len(groups) == 1:
        return [g]
    groups[-1].bylines = g.bylines
    groups[-1].next_body = g.next_body
    groups[-1].floating = g.floating
    return groups


def printed_together(above: Line, below: Line) -> bool:
    """On a PDF page: is `below` printed right under `above` (overlapping widths, the gap
    between them less than the smaller line's height, or than half the larger one's: a
    large headline keeps more space around it)? One story's head stack; another story's
    head is printed with its own text between. False without boxes."""
    if above.box is None or below.box is None:
        return False
    ax0, ay0, ax1, ay1 = above.box
    bx0, by0, bx1, by1 = below.box
    gap = ay0 - by1
    ha, hb = ay1 - ay0, by1 - by0
    return bx0 < ax1 and ax0 < bx1 and 0 <= gap <= max(min(ha, hb), 0.5 * max(ha, hb))


def title_roles(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Roles for a head group's lines: [(role, lines)], roles kicker/headline/subheadline.

    A column tag on a line of its own belongs to the line above it (the headline)."""
    if len(lines) > 1 and any(is_tag_line(ln.text) for ln in lines[1:]):
        roles = title_roles([ln for i, ln in enumerate(lines) if not (i and is_tag_line(ln.text))])
        for i, ln in enumerate(lines):
            if i and is_tag_line(ln.text):
                for _role, group in roles:
                    if lines[i - 1] in group:
                        group.insert(group.index(lines[i - 1]) + 1, ln)
        return roles
    if all(ln.size for ln in lines):
        return _printed_roles(lines)
    units: list[list[Line]] = [[lines[0]]]
    for prev, ln in zip(lines, lines[1:], strict=False):
        if _continues_title(prev, ln):
            units[-1].append(ln)
        else:
            units.append([ln])
    sub_at = next(
        (k for k, u in enumerate(units) if k > 0 and undouble(u[0].text).startswith(DASHES)),
        None,
    )
    main = units[:sub_at] if sub_at is not None else units
    out: list[tuple[str, list[Line]]] = []
    if len(main) == 1:
        out.append(("headline", main[0]))
    elif len(main) == 2 and sub_at is None and _sentence_like(main[0]):
        # A first title that reads as a sentence (a comma, a closing ？ or ！) is the
        # headline; the plain line under it is its subheadline. A kicker is a phrase.
        out.append(("headline", main[0]))
        out.append(("subheadline", main[1]))
    elif len(main) == 3 and sub_at is None and main[2][0].w > main[1][-1].w:
        # Three titles, each a unit of its own, the last wider than the one above it (a
        # headline's second line is no wider than its first): kicker, headline and
        # subheadline, the order a compositor stacks them in.
        out += [("kicker", main[0]), ("headline", main[1]), ("subheadline", main[2])]
    else:
        # A kicker is one title; more below it is the headline, broken at a phrase (a
        # subheadline is told by its dash).
        out.append(("kicker", main[0]))
        out.append(("headline", [ln for u in main[1:] for ln in u]))
    if sub_at is not None:
        out.append(("subheadline", [ln for u in units[sub_at:] for ln in u]))
    return out


def _printed_roles(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Roles from printed sizes: the largest lines are the headline, what stands above them
    the kicker, what stands below them the subheadline."""
    top = max(ln.size for ln in lines)
    big = [i for i, ln in enumerate(lines) if ln.size >= top * (1 - cv.SAME_SIZE)]
    first, last = big[0], big[-1]
    out: list[tuple[str, list[Line]]] = []
    if first:
        out.append(("kicker", lines[:first]))
    out.append(("headline", lines[first : last + 1]))
    if last + 1 < len(lines):
        out.append(("subheadline", lines[last + 1 :]))
    return out


def title_text(lines: list[Line]) -> str:
    """A title's text from its lines: fake bold collapsed, glyph pairs overlapped."""
    if all((ln.meta or {}).get("shingle") for ln in lines):
        return shingle_join([ln.text for ln in lines])
    return undouble("".join(ln.text for ln in lines))


def runs_across(a: Line, b: Line) -> bool:
    """Does a title run on over the break between `a` and `b` (inside a dictionary word, a
    quotation or a bracket)? Then the two lines are one title whatever their words match."""
    ta, tb = undouble(a.text), undouble(b.text)
    return bool(ta and tb) and (_phrase_across(ta, tb) or cuts_a_known_word(ta, tb))


def bracket_across(ta: str, tb: str) -> bool:
    """A quotation or bracket open at the end of `ta`, or closing at the start of `tb`."""
    return ta[-1] in "“‘（《(" or tb[0] in "”’）》)"


def _phrase_across(ta: str, tb: str) -> bool:
    """A quotation or bracket runs across the break, or `tb` opens with a glyph no phrase
    opens with (`的实践路径`): the phrase goes on over it."""
    return bracket_across(ta, tb) or tb[0] in cv.NEVER_OPENS


def _sentence_like(unit: list[Line]) -> bool:
    text = without_tag(title_text(unit))
    return "，" in text or text[-1:] in "？！?!"


def _continues_title(a: Line, b: Line) -> bool:
    """Is `b` the next line of the same title as `a` (a title broken over lines)?

    A compositor balances a title's lines (the next is about as long, or shorter) and the
    break falls anywhere, often inside a word; a title ending on a colon, ？, ！ or a
    closing bracket is complete, and a dash opens the subheadline. (Glyph counts cannot
    tell whether two balanced lines would have fitted the column together: heads are
    printed larger than the body, so a head broken for room has fewer glyphs a line.)"""
    if (a.meta or {}).get("shingle") and (b.meta or {}).get("shingle"):
        return True  # a fake-bold title given a glyph pair per line
    ta, tb = undouble(a.text), undouble(b.text)
    if not ta or not tb or tb.startswith(DASHES) or ta[-1] in "：:？！?!。）)":
        return False
    if _phrase_across(ta, tb):
        return True  # a quotation or bracket runs across the break, or a phrase goes on
    if b.w > a.w + 2.5:
        return False
    if "，" in ta and tb[-1] in "？！?!" and "，" not in tb and b.w <= a.w:
        return True  # one sentence: its clause before the break, its question after
    if 0 <= a.w - b.w <= cv.BALANCED and len(ta) >= 4:
        return True  # balanced: the halves of one title (a kicker is seldom the longer)
    return ta[-1:].isdigit() or cuts_a_known_word(ta, tb)  # a break inside a word or a number
