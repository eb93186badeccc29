"""Segmentation: cleaned lines to articles.

1. lines.py classifies lines; paragraphs.py splits text runs into paragraphs
   and title lines, per column width.
2. Paragraphs are threaded into article bodies in reading order: a dateline
   or a head group starts a body; a run that starts mid-paragraph continues
   the open body it fits best (width, then topic) — this re-threads columns
   an extractor interleaved.
3. Head groups (kicker/headline/subheadline, with a byline printed under
   them), captions, sources and notes are attached to bodies: adjacency where
   the layout is plain, topic similarity where the extractor displaced them.
Every decision gets a confidence, recorded in `page.decisions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import conventions as cv
from .assemble import build_articles
from .clean import ends_final, is_tag_line, undouble
from .conventions import DASHES
from .lines import Line, make_lines
from .paragraphs import (
    Para,
    column_width,
    forced_titles,
    mark_column_changes,
    paragraphs,
    split_runs,
    width_readings,
    window_widths,
)
from .similarity import BodyIndex, WordUse, keywords, log_ratio
from .titles import (
    HeadGroup,
    bracket_across,
    printed_together,
    runs_across,
    split_head_group,
)
from .tokens import cuts_a_word


@dataclass(eq=False)
class Body:
    paras: list[Para] = field(default_factory=list)
    width: float = 0.0
    heads: HeadGroup | None = None
    bylines: list[Line] = field(default_factory=list)
    specials: list[Line] = field(default_factory=list)  # captions, sources, notes
    confidence: float = 1.0
    reason: str = ""

    @property
    def column(self) -> float:
        """The width of the column its text runs in (a subhead's own width says nothing)."""
        return next((p.width for p in reversed(self.paras) if not p.title), self.paras[-1].width)

    @property
    def open(self) -> bool:
        return bool(self.paras) and not self.paras[-1].closed

    @property
    def text(self) -> str:
        # Paragraphs only grow while threading; recompute when the line count changed.
        n = sum(len(p.lines) for p in self.paras)
        if getattr(self, "_text_n", -1) != n:
            self._text = "".join(ln.text for p in self.paras for ln in p.lines)
            self._text_n = n
        return self._text


def _tight(lines: list[Line]) -> bool:
    """A page without blank lines between its lines: a blank line there marks a block end."""
    if len(lines) < 4:
        return True
    gaps = sum(1 for ln in lines[1:] if ln.gap_before)
    return gaps < 0.5 * (len(lines) - 1)


def _run_paras(
    run: list[Line], index: int, fallback: float, before_byline: bool, follow: Line | None = None
) -> list[Para]:
    """Paragraphs of one run, judging each line against the column around it.

    A run may hold several articles set at different widths, one after the
    other. Each line's column width is read from a window of its neighbours
    that does not reach past a dateline line (a new article's first line) or
    the title lines printed above one.
    """
    forced = forced_titles(run)
    run_width = column_width(run, fallback)
    # A short block wider than the page's body column, with no full stop: a head set across
    # columns is judged against the column, not against itself.
    across = (
        bool(fallback)
        and len(run) <= 3
        and all(ln.w > fallback + cv.WIDE_TITLE and "。" not in ln.text for ln in run)
    )
    if across:
        run_width = fallback
    # A first pass at the run's overall width finds where the column width changes.
    rough = paragraphs(run, index, [run_width] * len(run), before_byline, follow)
    changes = {id(rough[i].lines[0]) for i in mark_column_changes(rough)}
    # The lines of a title the first pass found balanced over lines are measured against
    # the column under them, not against each other: a stack of narrow title lines would
    # read as a narrow column of its own.
    at = {id(ln): i for i, ln in enumerate(run)}
    balanced = {
        at[id(p.lines[0])]
        for p, q in zip(rough, rough[1:] + [None], strict=True)
        if p.title_cont or q is not None and q.title_cont
    }
    # Stretches of lines no dateline, column change or title line divides.
    shifts = _width_shifts(run)
    starts = [
        i
        for i, ln in enumerate(run)
        if i == 0
        or ln.lead
        or id(ln) in changes
        or i in shifts
        or (i in forced) != ((i - 1) in forced)
    ]
    widths: list[float] = []
    for start, end in zip(starts, starts[1:] + [len(run)], strict=True):
        if start in forced or across:
            widths += [run_width] * (end - start)  # title lines: the run's width
        else:
            widths += _stretch_widths(run[start:end], fallback)
    for j in balanced:
        end = next((e for e in range(j, len(run)) if e not in balanced), None)
        if end is not None:
            widths[j] = max(widths[j], widths[end])
    if not across:
        k, below = _head_above(run, forced)
        for j in range(k):
            widths[j] = min(widths[j], below)
    paras = paragraphs(run, index, widths, before_byline, follow)
    mark_column_changes(paras)  # judged again on the final paragraphs
    return paras


def _width_shifts(run: list[Line]) -> set[int]:
    """Lines where the column width changes, read from the lines themselves: the lines
    before and the lines after each keep to a width of their own (four of six lines at it),
    the two differ as much as a change of column read from few lines must, the line before
    ends a sentence (an article's last line) and the lines after run on as text.

    The paragraph pass finds changes between paragraphs; a column narrower than the one
    above it makes its first lines look short (titles) there, and this finds it anyway."""
    reach = cv.WIDTH_REACH
    out: set[int] = set()
    for i in range(4, len(run) - 3):
        if not ends_final(run[i - 1].text):
            continue
        back, ahead = run[max(0, i - reach) : i], run[i : i + reach]
        b, a = column_width(back, 0.0), column_width(ahead, 0.0)
        if abs(a - b) < cv.COLUMN_CHANGE[1]:
            continue
        steady = all(
            sum(abs(ln.w - w) <= 0.5 for ln in side) >= 4 for side, w in ((back, b), (ahead, a))
        )
        # Text runs on in a column (its lines hold clause marks); a stack of heads does not.
        if steady and sum(any(c in ln.text for c in cv.TEXT_MARKS) for ln in ahead) >= 2:
            out.add(i)
    return out


def _head_above(run: list[Line], forced: set[int]) -> tuple[int, float]:
    """A run's first lines (up to three, no full stop) wider than the column under them and
    that column: a head printed right above its body must not widen the column it heads.

    The column is read from the lines below, title lines printed with them left out."""
    for k in (3, 2, 1):
        top = run[:k]
        if any(ln.lead or "。" in ln.text for ln in top):
            continue
        rest = [ln for j, ln in enumerate(run[k:], k) if j not in forced][: cv.WIDTH_REACH]
        if len(rest) < 4:
            continue
        below = column_width(rest, 0.0)
        if all(ln.w > below + cv.WIDE_TITLE for ln in top):
            return k, below
    return 0, 0.0


def _stretch_widths(stretch: list[Line], fallback: float) -> list[float]:
    """Column widths of a stretch's lines: each read from the lines within six of it."""
    widths = window_widths(stretch, fallback)
    # Short stretches (a title, a two-line paragraph) borrow the width of the nearest measured line.
    for i in range(len(widths)):
        if not widths[i]:
            near = _nearest_nonzero(widths, i)
            widths[i] = near if near is not None else column_width(stretch, fallback)
    return widths


def _nearest_nonzero(values: list[float], i: int) -> float | None:
    """The non-zero value nearest to index i (the one before it on a tie), if any."""
    for d in range(1, len(values)):
        for j in (i - d, i + d):
            if 0 <= j < len(values) and values[j]:
                return values[j]
    return None


def segment_page(page) -> None:
    lines = make_lines(page.raw_lines(), page.printed())
    tight = _tight(lines)
    runs = split_runs(lines, gaps_break=tight)
    all_w = [column_width(r, 0) for r in runs if len(r) >= 4]
    page_w = sorted(all_w)[len(all_w) // 2] if all_w else 0.0
    split = runs
    run_paras: dict[int, list[Para]] = {}
    following = {id(a): b for a, b in zip(lines, lines[1:], strict=False)}
    for i, r in enumerate(split):
        nxt = following.get(id(r[-1]))
        before_byline = nxt is not None and not (tight and nxt.gap_before) and (
            nxt.kind == "byline"
            # a column tag on its own line under a line that ends no sentence (or ends with
            # ？ or ！): a headline's
            or nxt.kind == "source"
            and is_tag_line(nxt.text)
            and (not ends_final(r[-1].text) or r[-1].text[-1:] in "？！?!")
        )
        follow = nxt if nxt is not None and nxt.kind == "text" else None
        run_paras[id(r[0])] = _run_paras(r, i, page_w, before_byline, follow)
    # The page in reading order: paragraphs, title lines and special lines.
    items: list[tuple[str, object]] = []
    starts = {id(r[0]): r for r in split}
    for ln in lines:
        if id(ln) in starts:
            for p in run_paras[id(ln)]:
                items.append(("title" if p.title else "para", p))
        elif ln.kind != "text":
            items.append((ln.kind, ln))
    _chunk_texts(items)
    bodies, heads, loose = _thread(items)
    bodies, loose = _split_at_head_seams(bodies, heads, loose, tight)
    # The bodies' texts are final from here on: one index serves every topic question.
    index = BodyIndex([b.text for b in bodies])
    split = [split_head_group(g, index, bodies) for g in heads]
    heads = [piece for pieces in split for piece in pieces]
    heads = _drop_pull_quotes(page, heads, bodies)
    heads = _drop_banners(page, heads, bodies, lines, index)
    _attach_heads(bodies, heads, index)
    heads = _rejoin_pieces(heads, bodies, split)
    loose = _after_pictures(bodies, lines, loose)
    if len(bodies) != len(index.bodies):
        index = BodyIndex([b.text for b in bodies])
    build_articles(page, bodies, heads, loose, lines, index)


def _reads_like(b: Body, above: Body, bodies: list[Body]) -> bool:
    """Do the opening words of body `b` read clearly more like the story `above` than like
    the page's other stories together, with words only that story has (as `_best_closed`
    asks of a chunk after a break)?"""
    others = [x for x in bodies if x is not b]
    text = b.text[: cv.OPENING_CHARS]
    i = next(j for j, x in enumerate(others) if x is above)
    # words only that story has are the evidence (a short story's ratios alone run high)
    own_words = BodyIndex([x.text for x in others]).distinctive(text, i)
    if len(others) < 2:  # nothing to compare with: words of its own in common, at least
        return own_words >= 2
    use = WordUse.of_texts([x.text for x in others])
    ratios = [use.log_ratio_apart(text, j) for j in range(len(others))]
    rest = max((r for j, r in enumerate(ratios) if j != i), default=-9.0)
    return (ratios[i] >= cv.CLEAR_RATIO and ratios[i] - rest >= cv.CLEAR_MARGIN
            and own_words >= 2)


def _after_pictures(bodies: list[Body], lines: list[Line], loose):
    """A story whose pictures are printed inside its columns goes on under their captions:
    text that found no head of its own, opens no article (no dateline or byline) and runs in
    the column of the story right above it, with only captions between them, is more of
    that story, when its words say so (they read most like that story's). Joins such bodies
    in `bodies`; returns `loose` with the lines that followed a joined body now following
    the story it joined."""
    kind_at = {ln.n: ln.kind for ln in lines}
    into: dict[int, Body] = {}
    k = 1
    while k < len(bodies):
        b, above = bodies[k], bodies[k - 1]
        first, last = b.paras[0].lines[0].n, above.paras[-1].lines[-1].n
        between = [kind_at[n] for n in range(last + 1, first) if n in kind_at]
        if (
            b.heads is None
            and not b.bylines
            and b.paras[0].joins != "lead"
            and not above.open
            and between
            and all(kind == "caption" for kind in between)
            and abs(_column_of(b.paras[0]) - above.column) <= 1.0
            and _reads_like(b, above, bodies)
        ):
            above.paras += b.paras
            above.specials += b.specials
            into[id(b)] = above
            del bodies[k]
        else:
            k += 1
    if not into:
        return loose
    # (a body only ever joins the one before it, which stays: no chains to follow)
    return [(ln, into.get(id(owner), owner)) for ln, owner in loose]


def _head_stacks(heads: list[HeadGroup], tight: bool) -> list[tuple[str, HeadGroup]]:
    """The page's head stacks, each with its head group: each group's lines cut at blank
    lines where the page has few (extractors end a text block there; neighbouring stories'
    heads are separate blocks; on a page with a blank line after every line they say
    nothing), unless the line after the blank runs on from the title above it (inside a
    word, a quotation or a bracket) or is printed right under it."""
    out: list[tuple[str, HeadGroup]] = []
    for g in heads:
        stack: list[str] = []
        for prev, ln in zip([None, *g.lines], g.lines, strict=False):
            if stack and ln.gap_before and tight and not (
                    runs_across(prev, ln) or printed_together(prev, ln)):
                out.append(("".join(stack), g))
                stack = []
            stack.append(ln.text)
        out.append(("".join(stack), g))
    return [(t, g) for t, g in out if len(set(keywords(t))) >= 2]


def _split_at_head_seams(bodies: list[Body], heads: list[HeadGroup], loose, tight: bool):
    """Two stories whose texts ran together (no head between them, as when the heads are all
    printed at the page top): split a body at the chunk break where two head stacks that
    both match it best each name one side. Loose lines follow the part they come after."""
    stacks = _head_stacks(heads, tight)
    if len(stacks) < 2 or len(bodies) < 1:
        return bodies, loose
    index = BodyIndex([b.text for b in bodies])
    in_group = {id(g): sum(1 for _t, h in stacks if h is g) for _t, g in stacks}
    claims: dict[int, list[str]] = {}
    for text, g in stacks:
        s = index.scores(text)
        top = max(s)
        if top < cv.HEAD_SEAM_MATCH or s.count(top) != 1:
            continue
        bi = s.index(top)
        # A lone head printed right above another story's text is that story's, whatever
        # words it shares with this one; heads printed apart (several stacked together, or
        # above nothing) may name any body.
        if g.next_body is None or g.next_body is bodies[bi] or in_group[id(g)] > 1:
            claims.setdefault(bi, []).append(text)
    out: list[Body] = []
    moved: dict[int, Body] = {}
    for bi, b in enumerate(bodies):
        k = _head_seam(b, claims.get(bi, []), index, tight)
        if k is None:
            out.append(b)
            continue
        after = Body(paras=b.paras[k:], width=b.paras[k].width, reason="head-seam",
                     confidence=min(b.confidence, cv.CONFIDENCE["plain-start"]))
        b.paras = b.paras[:k]
        after.paras[0].joins = "start"
        out += [b, after]
        moved[id(b)] = after
    if not moved:
        return bodies, loose
    firsts = {id(b): moved[id(b)].paras[0].lines[0].n for b in bodies if id(b) in moved}
    loose = [(ln, moved[id(owner)] if id(owner) in moved and ln.n > firsts[id(owner)]
              else owner) for ln, owner in loose]
    return out, loose


def _head_seam(b: Body, stacks: list[str], index: BodyIndex, tight: bool) -> int | None:
    """The paragraph of body `b` where another story begins, by its heads (see
    `_split_at_head_seams`): a paragraph opening a chunk after a finished one, with one of
    the stacks matching the text before it and another the text from it on."""
    if len(stacks) < 2 or len(b.paras) < 2:
        return None
    best, where = 0.0, None
    for k in range(1, len(b.paras)):
        p, prev = b.paras[k], b.paras[k - 1]
        if not prev.closed or p.title or prev.title or not (
                p.lines[0].gap_before and tight or p.new_column):
            continue
        before = "".join(ln.text for q in b.paras[:k] for ln in q.lines)
        after = "".join(ln.text for q in b.paras[k:] for ln in q.lines)
        sides = [index.part_scores(t, [before, after]) for t in stacks]
        lead = max((x - y for x, y in sides if x >= cv.HEAD_SEAM_MATCH), default=0.0)
        tail = max((y - x for x, y in sides if y >= cv.HEAD_SEAM_MATCH), default=0.0)
        if min(lead, tail) >= cv.HEAD_SEAM_MARGIN and lead + tail > best:
            best, where = lead + tail, k
    return where


def _chunk_texts(items) -> None:
    """Give each paragraph the text of the column chunk it opens (up to the next break)."""
    tail, widths, count = "", [], 0
    later_run = None
    for kind, obj in reversed(items):
        if kind in ("source", "note"):
            # A source tag or note printed after a chunk names its article's topic too.
            tail, widths, count, later_run = obj.text, [], 0, "special"
            continue
        if kind != "para":
            tail, widths, count = "", [], 0
            continue
        if obj.run != later_run and later_run != "special":
            tail, widths, count = "", [], 0  # a chunk ends with its run
        later_run = obj.run
        tail = "".join(ln.text for ln in obj.lines) + tail
        readings = width_readings(obj)
        count += len(readings)
        widths = sorted(widths + (readings or [ln.w for ln in obj.lines]), reverse=True)[:2]
        # The second-widest line: one line may overhang by two (squeeze plus hanging punctuation).
        obj.chunk_text, obj.chunk_max_w, obj.chunk_n = tail, widths[-1], count
        if obj.start in ("lead", "cont", "tail") or obj.new_column:
            tail, widths, count = "", [], 0


def _thread(items):
    """Group paragraphs into bodies; collect head groups and loose special lines."""
    threader = Threader()
    for kind, obj in items:
        if kind == "title":
            threader.title(obj)
        elif kind == "para":
            threader.paragraph(obj)
        else:
            threader.special(kind, obj)
    return threader.finish()


@dataclass
class Threader:
    """Reading-order threading, one item at a time: title lines gather into head groups,
    bylines wait for their body, special lines are kept with the body before them, and each
    paragraph is placed — a subhead of the body above, the continuation of an open body, a
    new paragraph of a body, or the start of a new one.

    The paragraph stage's verdict (`Para.start`) stays as it was; this stage writes its own
    (`Para.joins`: "lead", "start", "cont" or "subhead").
    """

    bodies: list[Body] = field(default_factory=list)
    heads: list[HeadGroup] = field(default_factory=list)
    # (line, the body before it; or the head group it follows, for a caption under a head)
    loose: list[tuple[Line, Body | HeadGroup | None]] = field(default_factory=list)
    group: HeadGroup | None = None
    pending_bylines: list[Line] = field(default_factory=list)
    last: Body | None = None
    broke: bool = False  # another block (caption, source, note) since the last paragraph
    ended: bool = False  # the last block was a source tag or note closing the article
    last_run: int = -1  # the run of the paragraph handled last
    byline_at: dict = field(default_factory=dict)  # byline line number -> the list holding it

    # -- head groups and special lines -----------------------------------------------------
    def close_group(self) -> None:
        if self.group is not None:
            self.heads.append(self.group)
            self.group = None

    def _float_group(self) -> None:
        if self.group is not None:
            self.group.floating = True
            self.close_group()

    def title(self, para: Para) -> None:
        """A title line: it opens or extends the head group."""
        if self.group is not None and self.group.bylines:
            # A byline closes a head group (a blank line does not: extractors end a text
            # block at a change of font; titles are split by topic later).
            self._float_group()
        if self.group is not None and not _stacked(self.group.lines[-1], para.lines[0]):
            self._float_group()  # printed beside the head above, not under it: another head
        if self.group is None:
            self.group = HeadGroup(lines=[])
        self.group.lines.extend(para.lines)
        self.group.paras.append(para)

    def special(self, kind: str, ln: Line) -> None:
        """A byline, furniture, caption, source or note line."""
        g = self.group
        if kind == "byline" and (ln.meta or {}).get("closing"):
            self.loose.append((ln, self.last))  # credits closing the article above
            self._float_group()
            # ... as a source tag does: a paragraph after them opens another story
            if self.last is not None and ln.text.rstrip()[-1:] in "）)":
                self.broke = self.ended = True
        elif kind == "byline" and (ln.meta or {}).get("split_from") in self.byline_at:
            # the far-away second glyph of a spaced name: with the first one
            self.byline_at[ln.meta["split_from"]].append(ln)
        elif kind == "byline":
            holder = g.bylines if g is not None else self.pending_bylines
            holder.append(ln)
            self.byline_at[ln.n] = holder
        elif kind == "furniture":
            self.loose.append((ln, None))
            self._float_group()
            # Page furniture an extractor printed inside a column (a staff line, a page
            # number) does not interrupt the text around it; at the page top it has no
            # text before it anyway.
        elif kind == "source" and g is not None and not g.bylines and _tags_title(g, ln):
            g.lines.append(ln)  # （经济聚焦）on its own line under a headline: its column tag
        elif kind == "caption" and g is not None:
            # A caption between a head and its text belongs to the story under that head.
            self.loose.append((ln, g))
        else:  # caption, source, note
            self.loose.append((ln, self.last))
            if kind != "caption":
                # A caption may sit between a headline and its text; other blocks end a head.
                self._float_group()
            self.broke = self.broke or self.group is None
            # A source tag or an author's note closes its article: what follows is new.
            self.ended = kind in ("source", "note") and self.last is not None and not (
                self.last.open
            )

    # -- paragraphs ----------------------------------------------------------------------
    def paragraph(self, p: Para) -> None:
        p.joins = p.start
        self._subhead(p)
        target = self._target(p)
        self._place(p, target)
        self._seam(p)
        self.broke = self.ended = False
        self.last_run = p.run

    def _subhead(self, p: Para) -> None:
        """A single title (one line, or one broken over two) between two paragraphs of one
        column that goes on with the story above: a subhead of that body."""
        g, last = self.group, self.last
        if (
            g is not None
            and len(g.lines) == sum(len(q.lines) for q in g.paras)  # no column tag: a head
            and (len(g.lines) == 1 or len(g.paras) >= 2 and _one_title(g)
                 or _printed_like_subhead(g, last))
            and not g.bylines
            and not self.pending_bylines
            and last is not None
            and p.start not in ("lead", "cont")
            and not last.open
            and _one_column(p, last.paras[-1])
            and not self.broke
            and max(ln.size for ln in g.lines) <= cv.SUBHEAD_SIZE  # printed as a subhead
            and _same_story(g.text + p.chunk_text[:80], last.text)
        ):
            sub = g.paras[0]
            for more in g.paras[1:]:
                sub.lines.extend(more.lines)  # a subhead wrapped over two lines
            sub.joins = "subhead"
            sub.confidence = cv.CONFIDENCE["subhead"]  # a headline of a story without byline
            last.paras.append(sub)  # would look the same
            self.group = None

    def _target(self, p: Para) -> Body | None:
        """The body this paragraph goes on with, or None for a new body."""
        last, bodies = self.last, self.bodies
        free = self.group is None and not self.pending_bylines  # no head or byline claims it
        full_new_column = p.new_column and p.lines[0].w >= p.width - 1
        # The open body this paragraph would continue, asked once.
        fit = (
            _best_open(bodies, p, last)
            if free and (p.joins in ("tail", "cont") or p.joins == "start" and full_new_column)
            else None
        )
        if p.joins == "tail":
            # The tail of a paragraph begun in another column, if an open body fits; else a
            # paragraph of its own.
            fits = fit is not None and p.chunk_max_w <= fit.paras[-1].width + 1.25
            p.joins = "cont" if fits else "start"
        if p.joins == "start" and full_new_column and free and fit is not None:
            p.joins = "cont"  # a new column opening at full width goes on with an open body
        if p.joins == "cont" and free:
            if fit is not None:
                return fit
            # No open body to continue: a paragraph that opens at a full width.
            p.joins = "start"
            target = _best_closed(bodies, p, last) if last is not None else None
            if target is None and _goes_on(p, last, self.broke, self.ended):
                target = last
            return target
        if free and p.joins != "lead" and last is not None:
            same_column = p.run == self.last_run and not p.new_column
            near = abs(_column_of(p) - last.column) < 1.0 and not last.open
            if not self.broke and (same_column or near and not p.new_column):
                return last
            target = _best_closed(bodies, p, last, strict=self.ended)
            if target is None and _goes_on(p, last, self.broke, self.ended):
                target = last
            return target
        return None

    def _place(self, p: Para, target: Body | None) -> None:
        if target is not None and target.open and p.joins == "cont":
            merged = target.paras[-1]
            merged.lines.extend(p.lines)
            merged.closed = p.closed
            merged.confidence = min(merged.confidence, p.confidence)
            target.confidence = min(target.confidence, 0.9)
            self.last = target
        elif target is not None:
            target.paras.append(p)
            self.last = target
        else:
            body = Body(width=p.width)
            body.paras.append(p)
            if self.group is not None:
                self.group.next_body = body
                self.close_group()
            body.bylines, self.pending_bylines = self.pending_bylines, []
            body.reason = p.joins
            lead = p.joins == "lead" or body.bylines
            body.confidence = cv.CONFIDENCE["lead-start" if lead else "plain-start"]
            self.bodies.append(body)
            self.last = body

    def _seam(self, p: Para) -> None:
        """Another article's column chunk follows this one with no gap and at the same
        width: hand the lines after the seam to the body they continue."""
        last = self.last
        seam = _seam(p, last, self.bodies)
        if seam is None:
            return
        k, other = seam
        tail = p.lines[k:]
        holder = last.paras[-1]
        holder.lines = holder.lines[: len(holder.lines) - len(tail)]
        holder.closed, holder.confidence = False, min(holder.confidence, 0.7)
        cont = other.paras[-1]
        cont.lines.extend(tail)
        cont.closed = p.closed
        cont.confidence = min(cont.confidence, 0.7)
        other.confidence = min(other.confidence, 0.8)
        self.last = other

    def finish(self):
        self._float_group()
        for b in self.pending_bylines:
            self.loose.append((b, self.last))
        return self.bodies, self.heads, self.loose


def _stacked(above: Line, below: Line) -> bool:
    """Is `below` printed under `above` (their widths overlap, its top lower than the other's
    middle)? True where the page gives no boxes: only a PDF says where lines stand."""
    if above.box is None or below.box is None:
        return True
    ax0, ay0, ax1, ay1 = above.box
    bx0, _by0, bx1, by1 = below.box
    return bx0 < ax1 and ax0 < bx1 and by1 <= (ay0 + ay1) / 2


def _goes_on(p: Para, last: Body | None, broke: bool, ended: bool) -> bool:
    """No body's words claim a paragraph after a blank line: does it go on with the body
    above? Yes when nothing says another story begins (no head, byline or dateline, no
    source tag or note closing the body above, no furniture or special block between) and
    it fits that body's column."""
    return (
        last is not None
        and not broke
        and not ended
        and not last.open
        and abs(_column_of(p) - last.column) <= 1.0
        and p.chunk_max_w <= last.column + 1.25
    )


def _column_of(p: Para) -> float:
    """The column width a paragraph was read at; a one-line paragraph set in by two glyphs
    (a column's last line, the rest of the paragraph in the next column) shows at least
    that line plus its indent."""
    if len(p.lines) == 1 and p.lines[0].indent:
        return max(p.width, p.lines[0].w + 2)
    return p.width


def _one_column(p: Para, q: Para) -> bool:
    """Are two paragraphs set in one column: the same run at about one width, or another
    run at the same width?"""
    dw = abs(_column_of(p) - q.width)
    return dw < 1.5 or p.run == q.run and dw < cv.COLUMN_CHANGE[1]


def _printed_like_subhead(group: HeadGroup, body: Body | None) -> bool:
    """Title lines printed exactly as a subhead the story above printed before (same size
    and face, where a PDF states them): another subhead of it, however many lines it takes.
    A story sets its subheads alike, and a story's own headline is printed larger."""
    if body is None or not group.lines[0].size:
        return False
    looks = {(round(ln.size, 2), ln.face) for ln in group.lines}
    return len(looks) == 1 and any(
        q.joins == "subhead" and {(round(ln.size, 2), ln.face) for ln in q.lines} == looks
        for q in body.paras
    )


def _one_title(group: HeadGroup) -> bool:
    """Title lines that read as one title broken over lines (a subhead over two or three)."""
    a, b = group.paras[0], group.paras[1]
    if all(q.title_cont for q in group.paras[1:]):
        return True
    if len(group.paras) > 2:
        return False
    first, second = a.lines[0], b.lines[0]
    return (
        first.text[-1:] not in "：:？！?!。"
        and not second.text.startswith(DASHES)
        and second.w <= first.w + 1.5
    )


def _tags_title(group: HeadGroup, ln: Line) -> bool:
    """Is a parenthesised line the column tag of the head group it directly follows?"""
    last = group.lines[-1]
    return ln.n - last.n <= 2 and len(ln.text) <= 12 and not ln.text[1:-1].startswith("据")


def _seam(p: Para, current: Body, bodies: list[Body]) -> tuple[int, Body] | None:
    """A place inside paragraph `p` where the text goes on with another open body, if clear.

    Only between two full lines (no sentence end), only when another body of this column
    width is waiting for its continuation, and only on topic evidence: the lines after the
    seam share distinctive words with that body and the lines before it with this one.
    """
    others = [
        b
        for b in _recent(bodies)
        if b is not current and b.open and abs(b.paras[-1].width - p.width) <= 1
    ]
    if not others or len(p.lines) < 4:
        return None
    # Seams fall after a full line that ends no sentence.
    places = [
        k
        for k in range(2, len(p.lines) - 1)
        if not ends_final(p.lines[k - 1].text) and p.lines[k - 1].w >= p.width - 1
    ]
    if not places:
        return None
    mine = {ln.n for ln in p.lines}
    own = "".join(ln.text for q in current.paras for ln in q.lines if ln.n not in mine)
    best: tuple[float, int, Body] | None = None
    for other in others:
        for k in places:
            # The words after the seam read like the other body, those before like this one.
            after = "".join(ln.text for ln in p.lines[k : k + 5])
            score = log_ratio(after, own, other.text)
            if score < 0.5:
                continue
            before = "".join(ln.text for ln in p.lines[max(0, k - 5) : k])
            held = -log_ratio(before, own, other.text)
            both = score + held
            if held >= 0.3 and both >= 1.2 and (best is None or both > best[0]):
                best = (both, k, other)
    return (best[1], best[2]) if best else None


_TAGGED_TITLE = re.compile(r"^[^。；（(]{2,30}[（(][^（()）。，]{2,10}[）)]")


def _same_story(text: str, body: str) -> bool:
    """Does a title and the text after it go on with the story above (a subhead)?

    A story's next section shares many of its words; another story shares a common word
    or two by chance. A title carrying a column tag (`（家庭医生说）`) heads a story."""
    words = list(dict.fromkeys(keywords(text)))
    if not words or _TAGGED_TITLE.search(text[:40]):
        return False
    shared = sum(1 for t in words if t in body)
    if len(body) < cv.SHORT_BODY:
        return shared >= 1  # too little text above to tell a change of topic
    return shared >= max(1.0, cv.SAME_STORY_SHARE * len(words))


def _recent(bodies: list[Body]) -> list[Body]:
    """The bodies a chunk is compared with: a page holds a few dozen articles at most, so
    the latest ones (a long text of many pages stays linear in time)."""
    return bodies[-cv.RECENT_BODIES :]


def _best_open(bodies: list[Body], p: Para, last: Body | None) -> Body | None:
    """The open body a chunk starting mid-paragraph continues.

    Judged by column width, a word cut at the break, and topic."""
    cands = [b for b in _recent(bodies) if b.open]
    if not cands:
        return None
    first = p.lines[0].text
    # Topic: the chunk's words weighted by how rare they are among all bodies so far,
    # so a long body does not win just by containing more common words.
    index = BodyIndex([b.text for b in cands])
    # Absolute overlap, plus the share among words some candidate has (a short chunk may
    # carry one telling word only, e.g. in the source tag printed after it).
    topic = [
        a + s / 2
        for a, s in zip(index.scores(p.chunk_text), index.shares(p.chunk_text), strict=True)
    ]
    topic_of = {id(b): t for b, t in zip(cands, topic, strict=True)}
    # On a PDF page several stories stacked in the column to the left may each end there:
    # the chunk goes on beside the one that ended highest above its top.
    geometry = {id(b): _printed_next(b.paras[-1].lines[-1], p.lines[0]) for b in cands}
    beside = [b for b in cands if geometry[id(b)] >= cv.PRINTED_NEXT]
    if len(beside) > 1:
        top = max(beside, key=lambda b: b.paras[-1].lines[-1].box[1])
        geometry[id(top)] += cv.PRINTED_NEXT / 2

    def score(b: Body) -> float:
        bw = b.paras[-1].width
        if p.chunk_n < 2:
            # A line or two (a paragraph's tail): its width only has to fit the column.
            s = 0.3 if p.chunk_max_w <= bw + 1.25 else -0.5
        else:
            dw = abs(bw - p.width)
            s = 0.6 if dw <= 1.0 else 0.25 if dw <= 2.0 else -0.5
        if p.chunk_max_w > bw + 1.25:
            s -= 1.0  # the chunk has lines too wide for that body's column
        s += 0.1 if b is last else 0.0
        s += 0.6 if cuts_a_word(b.paras[-1].lines[-1].text, first) else 0.0
        s += topic_of[id(b)]
        s += geometry[id(b)]
        return s

    scored = sorted(((score(b), i) for i, b in enumerate(cands)), reverse=True)
    best_s, best_i = scored[0]
    if best_s <= 0:
        return None
    margin = best_s - scored[1][0] if len(scored) > 1 else 1.0
    cands[best_i].confidence = min(cands[best_i].confidence, 0.6 + min(0.35, margin))
    return cands[best_i]


def _printed_next(end: Line, start: Line) -> float:
    """On a PDF page, where a text broken at a column's foot can go on: at the top of the
    next column to the right (starting higher than it ended), or lower in the same column
    (past a picture). Evidence for (+) or against (-) `start` going on from `end`; 0 where
    the page gives no boxes."""
    if end.box is None or start.box is None:
        return 0.0
    ex0, ey0, ex1, ey1 = end.box
    sx0, _sy0, sx1, sy1 = start.box
    em = max(1.0, ey1 - ey0)
    if 0 <= sx0 - ex1 <= 3 * em and sy1 > ey0:
        return cv.PRINTED_NEXT  # the next column
    if abs(sx0 - ex0) <= em and sy1 < ey0:
        return cv.PRINTED_NEXT / 2  # further down the same column
    return -cv.PRINTED_NEXT / 2


def _fits_column(p: Para, b: Body) -> bool:
    """Could this chunk's lines have been set in that body's column?"""
    bw = b.paras[-1].width
    return p.chunk_max_w <= bw + 1.25 and (p.chunk_max_w >= bw - 1.5 or abs(p.width - bw) < 0.75)


def _best_closed(
    bodies: list[Body], p: Para, last: Body | None = None, strict: bool = False
) -> Body | None:
    """After a break, a chunk opening a paragraph continues the closed body it fits, on its topic.

    A chunk whose column width differs from the paragraph before it cannot continue that
    paragraph's body."""
    pool = _recent(bodies)
    cands = [
        b for b in pool if not b.open and _fits_column(p, b) and not (p.new_column and b is last)
    ]
    if not cands:
        return None
    index = BodyIndex([b.text for b in pool])
    topic = index.shares(p.chunk_text)
    by_id = {id(b): t for b, t in zip(pool, topic, strict=True)}
    best = max(cands, key=lambda b: by_id[id(b)])
    # Words only that body has (names, things) are the evidence; a shared common word is not.
    # Right after a source tag or note (an article's end) a new article is likelier: ask more.
    needed = max(2, len(set(keywords(p.chunk_text))) // (4 if strict else 8))
    if by_id[id(best)] >= 0.5 and index.distinctive(p.chunk_text, pool.index(best)) >= needed:
        return best
    # Or: the chunk's words read clearly more like one body than like all the others together.
    use = WordUse.of_texts([b.text for b in pool])
    ratios = {id(b): use.log_ratio_apart(p.chunk_text, pool.index(b)) for b in cands}
    best = max(cands, key=lambda b: ratios[id(b)])
    runner_up = max((r for k, r in ratios.items() if k != id(best)), default=-9.0)
    clear = (ratios[id(best)] >= (cv.CLEAR_RATIO_STRICT if strict else cv.CLEAR_RATIO)
             and ratios[id(best)] - runner_up >= cv.CLEAR_MARGIN)
    if clear and index.distinctive(p.chunk_text, pool.index(best)) >= 1:
        return best
    return None


def _rejoin_pieces(
    heads: list[HeadGroup], bodies: list[Body], split: list[list[HeadGroup]]
) -> list[HeadGroup]:
    """A piece of a stacked head that was split off by its words but found no body of its
    own goes back to the neighbouring piece that did: a compositor prints one story's head
    lines together, so a stack's left-over line is a kicker above the head below it, else
    more of the head above it, not a head of a story that is not on the page. A blank
    line between them (an extractor's block boundary) keeps them apart."""
    attached = {id(b.heads) for b in bodies if b.heads is not None}
    kept = {id(g) for g in heads}
    gone: set[int] = set()
    for pieces in split:
        pieces = [p for p in pieces if id(p) in kept]
        for i, piece in enumerate(pieces):
            if id(piece) in attached:
                continue
            below = pieces[i + 1] if i + 1 < len(pieces) else None
            above = pieces[i - 1] if i else None
            if below is not None and id(below) in attached and not below.lines[0].gap_before:
                below.lines[:0] = piece.lines
                below.bylines[:0] = piece.bylines
            elif above is not None and id(above) in attached and not piece.lines[0].gap_before:
                above.lines += piece.lines
                above.bylines += piece.bylines
            else:
                continue
            gone.add(id(piece))
    return [g for g in heads if id(g) not in gone]


def _drop_banners(
    page, heads: list[HeadGroup], bodies: list[Body], lines, index: BodyIndex
) -> list[HeadGroup]:
    """A column banner (a campaign slogan printed by the page furniture) is no article's title.

    Taken as one only when it is certain enough: a whole head group that shares no word
    with any article, carries no byline, stands directly above no article's text, and
    sits next to a page-furniture line.
    """
    from .model import Block, Decision

    if len(bodies) < 2:
        return heads
    kind_at = {ln.n: ln.kind for ln in lines}
    numbers = [ln.n for ln in lines]
    position = {n: i for i, n in enumerate(numbers)}
    keep = []

    def unrelated(ln: Line) -> bool:
        return bool(keywords(ln.text)) and max(index.scores(ln.text)) == 0

    def banner(ln: Line) -> None:
        blk = Block(role="page_header", lines=[ln.n], text=ln.text, confidence=0.6)
        page.furniture.append(blk)
        page.decisions.append(Decision("role", blk.id, 0.6, "banner"))

    for g in heads:
        # Above a kicker and headline, right under the page furniture: a banner line.
        while (
            len(g.lines) >= 3
            and kind_at.get(numbers[position[g.lines[0].n] - 1]) == "furniture"
            and unrelated(g.lines[0])
            # (not the first line of a title broken inside a quotation or bracket)
            and not bracket_across(undouble(g.lines[0].text), undouble(g.lines[1].text))
            # (nor a kicker a PDF prints right over the title under it)
            and not printed_together(g.lines[0], g.lines[1])
        ):
            banner(g.lines.pop(0))
            if g.paras:
                g.paras.pop(0)
        first, last = g.lines[0].n, g.lines[-1].n
        i, j = position[first], position[last]
        beside = {
            kind_at.get(numbers[i - 1]) if i else None,
            kind_at.get(numbers[j + 1]) if j + 1 < len(numbers) else None,
        }
        if (
            not g.bylines
            and g.next_body is None
            and "furniture" in beside
            and all(unrelated(ln) for ln in g.lines)
        ):
            for ln in g.lines:
                banner(ln)
            continue
        keep.append(g)
    return keep


def _drop_pull_quotes(page, heads: list[HeadGroup], bodies: list[Body]) -> list[HeadGroup]:
    """A 'title' that repeats a stretch of a body word for word is a pull-quote (page furniture).

    Not when the words it repeats are in the first paragraph under it: a news headline
    often repeats its lead's words, a pull-quote picks a sentence from further down."""
    from .model import Block, Decision

    keep = []
    corpus = "\x00".join(b.text for b in bodies)  # one search per head, not one per body
    for g in heads:
        text = g.text.strip("“”‘’")
        under = g.next_body.paras[0].lines if g.next_body is not None else []
        if text in "".join(ln.text for ln in under):
            keep.append(g)
            continue
        if len(g.lines) <= 3 and not g.bylines and len(text) >= 12 and text in corpus:
            blk = Block(role="note", lines=[ln.n for ln in g.lines], text=g.text, confidence=0.7)
            page.furniture.append(blk)
            page.decisions.append(Decision("role", blk.id, 0.7, "pull-quote"))
            continue
        keep.append(g)
    return keep


def _attach_heads(bodies: list[Body], heads: list[HeadGroup], index: BodyIndex) -> None:
    """Give each body at most one head group: adjacency first, then topic similarity."""
    if not bodies:
        return
    cands = []
    where = {id(b): bi for bi, b in enumerate(bodies)}
    for hi, g in enumerate(heads):
        sims = index.scores(g.text)
        mass = index.mass(g.text)
        near = {bi for bi, sim in enumerate(sims) if sim >= 0.2}
        if g.next_body is not None and id(g.next_body) in where:
            near.add(where[id(g.next_body)])
        for bi in near:
            adjacent = g.next_body is bodies[bi]
            # One rare word shared (a fragment of a head) is weaker evidence than several.
            evidence = min(1.0, mass[bi] / cv.EVIDENCE_MASS)
            score = sims[bi] * evidence + (0.35 if adjacent else 0.0)
            cands.append((score, sims[bi], hi, bi))
    cands.sort(reverse=True)
    used_h: set[int] = set()
    for score, sim, hi, bi in cands:
        b = bodies[bi]
        if hi in used_h or b.heads is not None:
            continue
        g = heads[hi]
        b.heads = g
        used_h.add(hi)
        g.confidence = max(0.3, min(1.0, 0.5 + score / 2))
        g.attached_by = "adjacent" if g.next_body is b else f"similarity {sim:.2f}"
