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

from .clean import undouble
from .lines import Line
from .tokens import cuts_a_word


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
    for ln in g.lines:
        s = index.scores(ln.text)
        if s and max(s) >= 0.3:
            best.append(max(range(len(s)), key=s.__getitem__))
        else:
            best.append(None)
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


def _is_tag(ln: Line) -> bool:
    """A column tag printed on its own line under a headline: （经济聚焦）."""
    t = ln.text
    return t[:1] in "（(" and t[-1:] in "）)" and len(t) <= 14


def title_roles(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Roles for a head group's lines: [(role, lines)], roles kicker/headline/subheadline.

    A column tag on a line of its own belongs to the line above it (the headline)."""
    if len(lines) > 1 and any(_is_tag(ln) for ln in lines[1:]):
        roles = title_roles([ln for i, ln in enumerate(lines) if not (i and _is_tag(ln))])
        for i, ln in enumerate(lines):
            if i and _is_tag(ln):
                for _role, group in roles:
                    if lines[i - 1] in group:
                        group.insert(group.index(lines[i - 1]) + 1, ln)
        return roles
    texts = [undouble(ln.text) for ln in lines]
    sub_at = next(
        (i for i, t in enumerate(texts) if i > 0 and t.startswith(("—", "－", "-"))), None
    )
    main = lines[:sub_at] if sub_at is not None else lines
    out: list[tuple[str, list[Line]]] = []
    if len(main) == 1:
        out.append(("headline", main))
    else:
        # The headline is the last line, or the last two when they are one line broken in two.
        a, b = main[-2], main[-1]
        broken = (
            abs(a.w - b.w) <= 2.5
            and a.w + b.w >= 12
            and not a.text.endswith(("：", ":"))
            and cuts_a_word(undouble(a.text), undouble(b.text))
        )
        if len(main) >= 3:
            k = 1  # a kicker is one line; more lines below it are the headline, broken
        else:
            k = 0 if broken else 1
        if k > 0:
            out.append(("kicker", main[:k]))
        out.append(("headline", main[k:]))
    if sub_at is not None:
        out.append(("subheadline", lines[sub_at:]))
    return out
