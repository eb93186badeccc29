"""Runs and paragraphs: rejoin column-width lines, find paragraph breaks and title lines.

A *run* is a stretch of text lines set in one column (no special line, no
block gap between them). Its column width W is read from its lines. Inside a
run a paragraph's first line is about W-2 wide (the indent is lost), full
lines are about W, the last line is short and usually ends a sentence. A line
that cannot be running text at that width and does not end a sentence is a
title line (headline, kicker or subhead — decided by the caller).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache

from . import conventions as cv
from . import linemodel
from .clean import ends_final, has_sentence_punct, without_tag
from .lines import Line, paren_depth
from .tokens import cuts_a_word


@dataclass
class Para:
    lines: list[Line]
    run: int  # index of the run it was found in
    width: float  # the run's column width
    start: str  # "lead", "indent", "start" (after a paragraph end) or "cont" (mid-paragraph)
    closed: bool = False  # ends at a paragraph end
    confidence: float = 1.0
    title: bool = False  # a title line (one line), not running text
    new_column: bool = False  # set at a different column width from the paragraph before
    chunk_text: str = ""  # this paragraph and the rest of its column chunk, for topic matching
    chunk_max_w: float = 0.0  # the chunk's width reading (second widest, indents restored)
    chunk_n: int = 0  # how many width readings the chunk gave
    title_cont: bool = False  # a title line continuing the title line above it
    joins: str = ""  # the threading stage's verdict: "lead", "start", "cont" or "subhead"


def column_width(lines: list[Line], fallback: float) -> float:
    """The column's full-line width: the commonest width among the wider half of the lines."""
    return _width_of_sorted(sorted(ln.w for ln in lines if not ln.lead), fallback)


def _width_of_sorted(ws: list[float], fallback: float) -> float:
    """`column_width` of line widths sorted narrowest first (lines opening with a dateline
    left out)."""
    n = len(ws)
    if n >= 4:
        return _commonest(tuple(ws[n - max(2, (n + 1) // 2) :]))
    if n == 3:
        return ws[2]  # a first, a full and a last line, most often: the full one is widest
    if n == 2:
        return max(ws[0], min(ws[1], fallback) if fallback else ws[0])
    return fallback or (ws[0] if ws else 0.0)


def clear_caches() -> None:
    """Forget the column readings remembered from earlier texts."""
    _commonest.cache_clear()


@lru_cache(maxsize=4096)
def _commonest(top: tuple[float, ...]) -> float:
    """The commonest width (to half a unit) of the wider lines. Columns repeat their widths,
    so the same readings recur line after line."""
    counts: dict[float, int] = {}
    for w in top:
        w = round(w * 2) / 2
        counts[w] = counts.get(w, 0) + 1
    best = max(counts.values())
    tied = sorted(w for w, c in counts.items() if c == best)
    # Between W and W+1 the wider lines are the ones with hanging punctuation.
    if len(tied) == 2 and tied[1] - tied[0] <= 1:
        return tied[0]
    return tied[-1]


def window_widths(
    lines: list[Line], fallback: float, reach: int = cv.WIDTH_REACH
) -> list[float]:
    """For each line, `column_width` of the lines within `reach` of it; 0.0 for all when
    there are fewer than four lines.

    The window's widths are kept sorted as it slides instead of being sorted again at
    every line.
    """
    n = len(lines)
    if n < 4:
        return [0.0] * n
    out: list[float] = []
    window: list[float] = []  # widths of lines[lo..hi] that open no dateline, sorted
    lo, hi = 0, -1
    for i in range(n):
        last = min(n - 1, i + reach)
        while hi < last:
            hi += 1
            if not lines[hi].lead:
                insort(window, lines[hi].w)
        while lo < i - reach:
            if not lines[lo].lead:
                del window[bisect_left(window, lines[lo].w)]
            lo += 1
        out.append(_width_of_sorted(window, fallback))
    return out


def forced_titles(run: list[Line]) -> set[int]:
    """Lines just above a dateline that do not end a sentence: a head printed with its article."""
    out: set[int] = set()
    for j, ln in enumerate(run):
        if not ln.lead:
            continue
        k = j - 1
        while k >= 0 and j - k <= cv.HEAD_LINES:
            t = run[k].text
            if run[k].lead or ends_final(t) or not t or t[-1] in "，、；：,;:":
                break
            if paren_depth(t) < 0 and k and _RUN_IN_OPEN.search(run[k - 1].text):
                break  # the end of a tag run into the paragraph above: …机型。（据 / 新华社电）
            if any(c in t for c in cv.TEXT_MARKS) and (run[k].w >= 12 or j - k > 4):
                break  # running text (a column cut just before the next article)
            out.add(k)
            k -= 1
        out |= _question_head_above(run, j)
    for j, ln in enumerate(run):
        if j and not ln.lead and _STORY_OPENING.match(ln.text):
            out |= _plain_head_above(run, j) or _question_head_above(run, j)
    return out


def _plain_head_above(run: list[Line], j: int) -> set[int]:
    """Lines right above a story's first line that opens with its date (9月6日，…): one to
    three lines with no mark at all, under the run's start or a sentence's end, are its
    head (running text above a first line would end a sentence)."""
    stack: list[int] = []
    k = j - 1
    while k >= 0 and len(stack) < 3:
        t = run[k].text
        if ends_final(t):
            break
        if run[k].lead or not t or run[k].w > cv.LONG_HEAD or has_sentence_punct(t):
            return set()
        if any(c in t for c in cv.CONTINUING_END):
            return set()
        stack.append(k)
        k -= 1
    return set(stack) if stack and (k < 0 or ends_final(run[k].text)) else set()


def _question_head_above(run: list[Line], j: int) -> set[int]:
    """A head ending with ？ or ！ right above the dateline (or the first line) at run[j]:
    one to four lines with no other mark but one comma, under the run's start or a
    sentence's end, no speaker asking. (A paragraph's last line ending a question sits
    under running text, which runs on.)"""
    stack: list[int] = []
    k = j - 1
    while k >= 0 and len(stack) < 4:
        t = run[k].text
        inner = t[:-1].replace("，", "")
        if run[k].lead or not t or run[k].w > cv.LONG_HEAD or has_sentence_punct(inner):
            return set()
        if t[-1] in cv.CONTINUING_END or (ends_final(t) and t[-1] not in "！？!?"):
            break
        stack.append(k)
        k -= 1
    above_ends = k < 0 or ends_final(run[k].text)
    if not above_ends or not any(run[m].text[-1] in "！？!?" for m in stack):
        return set()
    if sum(run[m].text.count("，") for m in stack) > 1 or _SPEAKER.match(run[stack[-1]].text):
        return set()  # two clauses, or someone asking: running text
    return set(stack)


def split_runs(lines: list[Line], gaps_break: bool) -> list[list[Line]]:
    """Consecutive text lines; a special line, or a blank line on a tight page, ends a run."""
    runs: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.kind != "text":
            if cur:
                runs.append(cur)
                cur = []
            continue
        if cur and gaps_break and ln.gap_before:
            runs.append(cur)
            cur = []
        cur.append(ln)
    if cur:
        runs.append(cur)
    return runs


def _two_line_title(run: list[Line], i: int, width: float, final: list[bool]) -> bool:
    """A title (a subhead, most often) wrapped over two lines at a paragraph start: its first
    line does not end a sentence, its second is short and does not end one either (a
    paragraph's last line would), and what follows opens a paragraph or ends the run."""
    if not width or i + 1 >= len(run):
        return False
    ln, nxt = run[i], run[i + 1]
    if final[i] or final[i + 1] or ln.lead or nxt.lead or nxt.indent:
        return False
    if ln.text[-1:] in cv.CONTINUING_END or nxt.text[-1:] in cv.CONTINUING_END:
        return False
    if ln.w > cv.LONG_HEAD or nxt.w > width - cv.FULL_LINE - 1 or ln.w < width - cv.INDENT - 1:
        return False
    if i + 2 >= len(run):
        return False
    nn = run[i + 2]
    nnn = run[i + 3] if i + 3 < len(run) else None
    return nn.lead or nn.indent or _opens_paragraph(nn, nnn, width)


def _balanced_title(run: list[Line], i: int, width: float, final: list[bool]) -> int:
    """A title balanced over two or three lines at a paragraph start: lines of one width
    (a compositor evens a title's lines), none of them full and none ending a sentence,
    followed by a paragraph's first line. A paragraph's first line is followed by a full
    line, never by one as short as itself. Returns how many lines (0: none)."""
    if not width:
        return 0
    for k in (4, 3, 2):
        top = run[i : i + k]
        if len(top) < k or i + k >= len(run):
            continue
        ws = [ln.w for ln in top]
        if max(ws) - min(ws) > cv.BALANCED or max(ws) > width - 1.0 or min(ws) < 4:
            continue
        if any(final[i + j] or ln.lead or ln.indent or "。" in ln.text for j, ln in enumerate(top)):
            continue
        if any(_STORY_OPENING.match(ln.text) for ln in top):
            continue  # a story's first sentence is no title
        nxt = run[i + k]
        after = run[i + k + 1] if i + k + 1 < len(run) else None
        if nxt.lead or nxt.indent or _opens_paragraph(nxt, after, width):
            return k
    return 0


def _quoted_title(run: list[Line], k: int, widths: list[float], final: list[bool]) -> bool:
    """Lines k and k+1 are one quotation and no sentence (“能上课，就是 / 最大的福气”),
    neither full, after a sentence's end or at the run's start, and what follows them ends
    the run or opens a paragraph: a quoted title (a subhead, most often)."""
    a, b = run[k], run[k + 1]
    ta, tb = a.text, b.text
    if not (ta[:1] == "“" and tb[-1:] == "”" and "”" not in ta and "“" not in tb):
        return False
    width = widths[k]
    if any(c in ta + tb for c in "。！？；") or a.lead or b.lead or not width:
        return False
    if max(a.w, b.w) > width - 1 or (k > 0 and not final[k - 1]):
        return False
    if k + 2 == len(run):
        return True
    c, d = run[k + 2], run[k + 3] if k + 3 < len(run) else None
    return c.lead or c.indent or _opens_paragraph(c, d, widths[k + 2])


def _first_line_going_on(
    ln: Line, nxt: Line | None, width: float, nxt_final: bool, after: Line | None = None
) -> bool:
    """A paragraph's first line (an indent short) whose sentence ends right at its end,
    followed by a full line that does not end one: the paragraph goes on (a new paragraph
    would open an indent short, never full). A number is never broken: the full line
    before a line opening with one may be a glyph short (`…每学期` / `180元…`)."""
    slack = 1.5 if after is not None and after.text[:1].isdigit() else 0.5
    return bool(
        nxt is not None
        and width
        and (
            abs(ln.w - (width - cv.INDENT)) <= 0.5
            # the sentence's closing mark hung past the column end: W-2 glyphs and the mark
            or ln.text[-1:] in "。！？" and abs(ln.w - 1 - (width - cv.INDENT)) <= 0.5
        )
        and nxt.w >= width - slack
        and not (nxt.lead or nxt.indent)
        and not nxt_final
    )


def _hung(ln: Line, marks: str = cv.HUNG_MARKS) -> float:
    """How far the line's last mark may hang past the column end (0 when it is no such mark)."""
    return cv.HANGING if ln.text[-1:] in marks else 0.0


def _opens_paragraph(ln: Line, nxt: Line | None, width: float) -> bool:
    """Does `ln` read as a paragraph's first line: an indent short (W-3 … W-1.5), not ending
    its sentence, running on into a full line?"""
    hung = _hung(ln)  # a closing mark past the end
    if not (
        width
        and nxt is not None
        and width - cv.INDENT - 1.0 <= ln.w - hung <= width - cv.FULL_LINE
        and not ln.lead
        and not nxt.lead
        and nxt.w >= width - cv.FULL_LINE
    ):
        return False
    # (a first line may end its sentence right at its end; the full line goes on with it)
    return not ends_final(ln.text) or _first_line_going_on(ln, nxt, width, ends_final(nxt.text))


def _is_title(
    ln: Line,
    nxt: Line | None,
    width: float,
    alone_in_column: bool = False,
    nn: Line | None = None,
) -> bool:
    """A line at a paragraph start that is not running text at this column width."""
    if ln.lead or ln.indent or ends_final(ln.text) or not ln.text:
        return False
    if _STORY_OPENING.match(ln.text):
        return False  # a story's first sentence
    last = ln.text[-1]
    if last in "，、；：,;:（《“‘—":
        return False
    if (
        nxt is not None
        and width
        and not (nxt.lead or nxt.indent)
        and nxt.text[-1:] == "。"
        and nxt.w <= width * cv.TAIL_SHARE
    ):
        return False  # running on into a paragraph's short last line (…稳产 / 增收。)
    if width and ln.w > width + 1.5:
        return True  # wider than the column: a headline set across columns
    if nxt is None:
        # Alone at a block end without a sentence end: a title, unless it has the
        # width of a paragraph's first line in a measured column (a column cut there).
        return not alone_in_column or not (width - 3.5 < ln.w <= width + 1.5)
    if nxt.lead or nxt.indent:
        return True
    if width and ln.w <= width - 3.5:
        # A first line is about W-2 (real pages: W-4 to W-1); a title is clearly shorter. A
        # line with some slack that runs on into a full line is still a first line.
        if not (ln.w >= 0.75 * width and nxt.w > ln.w + 1.5 and nxt.w >= width - 1.5):
            return True
    # At a paragraph start, followed by a line that itself opens a paragraph: this line
    # cannot be a first line (that would run on into a full line): a head at body width.
    return _opens_paragraph(nxt, nn, width)


_STORY_OPENING = re.compile(cv.STORY_OPENING)
_RUN_IN_OPEN = re.compile(r"[。！？!?][”’]?[（(][^）)]*$")  # a tag opening after a sentence
_SPEAKER = re.compile(r"^[^，。：:]{1,6}[：:]")  # 记者：… 问：… 王明：… (interviews, letters)


def _exclaiming_title(
    ln: Line, nxt: Line | None, nn: Line | None, width: float, before_byline: bool
) -> bool:
    """A line ending with ？ or ！ that stands alone, followed by a dateline, a byline or a
    paragraph's first line: a headline or subhead (titles end so; one-line paragraphs
    seldom do, and a speaker's question in an interview is labelled 记者：)."""
    t = without_tag(ln.text)  # a headline may carry its column tag: 跑对了吗？（运动加油站）
    if not t or t[-1] not in "！？!?" or ln.w > cv.LONG_HEAD or _SPEAKER.match(t):
        return False
    if nxt is None:
        return before_byline
    if nxt.lead or nxt.indent:
        return True
    return bool(
        width
        and abs(nxt.w - (width - cv.INDENT)) <= 1
        and nn is not None
        and nn.w >= width - cv.FULL_LINE
    )


def _above_subheadline(ln: Line, nxt: Line | None, nn: Line | None) -> bool:
    """A short line over a dash line that ends its block or stands above a dateline: a
    headline and its subheadline (——访…, ——记…), whatever the headline ends with."""
    if nxt is None or ln.lead or ln.text[-1:] in "。；，、：,;:" or ln.w > cv.LONG_HEAD:
        return False
    sub = nxt.text
    return (
        sub.startswith(cv.DASHES)
        and len(sub.lstrip("—－-")) >= 4
        and nxt.w <= cv.LONG_HEAD
        and not ends_final(sub)
        and (nn is None or nn.lead)
    )


def _title_stack(ln: Line, nxt: Line | None, prev_title: bool, width: float) -> bool:
    """Lines with no punctuation at all, each a phrase of its own: stacked titles.

    Running text carries punctuation within two lines almost always; where it
    does not, the line break falls inside a word (checked with jieba).
    """
    if has_sentence_punct(ln.text) or ends_final(ln.text):
        return False
    if nxt is None:
        return prev_title
    if has_sentence_punct(nxt.text) or nxt.lead:
        return prev_title and nxt.lead
    if width and width - 1.5 <= nxt.w <= width + 1.5 and ln.w >= width - 4 and nxt.w >= ln.w:
        return False  # a first line followed by a full line: one paragraph
    return not cuts_a_word(ln.text, nxt.text)


# When a list, every learned decision appends (kind, raw line number, features) to it:
# `benchmarks/train_importer.py` collects its training data this way, so the features it
# trains on are exactly the ones the importer computes.
RECORD: list | None = None
USE_BREAK_MODEL = True


def _runs_on(ln: Line, follow: Line, width: float) -> bool:
    """Does the text after a blank line go on with this line: a word or a quotation running
    across the line end, closing punctuation opening the next, or a paragraph's first line
    (an indent short) followed by a full one?"""
    a, b = ln.text, follow.text
    if not (a and b) or follow.lead:
        return False
    if b[0] in "，。、；：？！”’）》" or a[-1] in "“‘（《，、；：" or cuts_a_word(a, b):
        return True
    # (a one-line run has no width of its own: the full line after the gap tells it)
    column = max(width, follow.w) if width else follow.w
    return column - cv.INDENT - 1.0 <= ln.w <= column - cv.FULL_LINE


def _title_rules(
    run: list[Line], i: int, width: float, *, prev_title: bool, alone: bool, before_byline: bool
) -> tuple[str, ...]:
    ln = run[i]
    nxt = run[i + 1] if i + 1 < len(run) else None
    nn = run[i + 2] if i + 2 < len(run) else None
    hits = (
        ("is-title", _is_title(ln, nxt, width, alone, nn)),
        ("stack", _title_stack(ln, nxt, prev_title, width)),
        ("exclaim", _exclaiming_title(ln, nxt, nn, width, before_byline)),
        ("over-dash", _above_subheadline(ln, nxt, nn)),
        ("next-opens", _opens_paragraph(nxt, nn, width) if nxt is not None else False),
    )
    return tuple(name for name, hit in hits if hit)


def _title_here(
    run: list[Line],
    i: int,
    width: float,
    *,
    prev_title: bool,
    alone: bool,
    before_byline: bool,
    follow: Line | None = None,
) -> bool:
    """At a paragraph start: is this line a title rather than a paragraph's first line?

    A run's last line goes on over the blank line after it when the text there continues
    it (a word or a quotation runs across); above a dateline, a line ending with ？ or ！
    is a head."""
    ln = run[i]
    if follow is not None:
        if not ends_final(ln.text) and _runs_on(ln, follow, width):
            return False
        if follow.lead and without_tag(ln.text)[-1:] in "！？!?" and ln.w <= cv.LONG_HEAD:
            return True
    rules = _title_rules(
        run, i, width, prev_title=prev_title, alone=alone, before_byline=before_byline
    )
    by_rules = any(r != "next-opens" for r in rules)  # (next-opens is a feature only)
    if RECORD is None and not linemodel.available("title"):
        return by_rules
    nxt = run[i + 1] if i + 1 < len(run) else None
    nn = run[i + 2] if i + 2 < len(run) else None
    feats = linemodel.title_features(
        ln, nxt, nn, width, prev_title=prev_title, run_start=i == 0, alone=alone,
        before_byline=before_byline,
        cut=nxt is not None and cuts_a_word(ln.text, nxt.text),
        rules=rules,
    )
    if RECORD is not None:
        RECORD.append(("title", ln.n, feats))
    if not linemodel.available("title"):
        return by_rules
    return linemodel.decide("title", feats, by_rules)


def _has_comma(text: str) -> bool:
    """A clause mark inside the line: running text, most often. Not inside a line that is
    one quotation from end to end (“能上课，就是最大的福气”): a quoted subhead."""
    if text[:1] == "“" and text[-1:] == "”" and text.count("“") == 1:
        return False
    return any(c in text[:-1] for c in "，,；;")


def _rule_break(
    run: list[Line], i: int, width: float, final: list[bool], cur: Para
) -> tuple[bool, float]:
    """The hand rules for a paragraph end after line i: (close, confidence)."""
    ln = run[i]
    nxt = run[i + 1] if i + 1 < len(run) else None
    nn = run[i + 2] if i + 2 < len(run) else None
    if not final[i]:
        return False, 1.0  # a colon: the rules let the paragraph go on
    short = not width or ln.w <= width - 1.5
    if (
        short
        and len(cur.lines) == 1
        and cur.start in ("start", "cont", "lead", "indent")
        and _first_line_going_on(ln, nxt, width, final[i + 1] if nxt else True, nn)
    ):
        # A first line whose sentence ends right at its end, followed by a full
        # line: the paragraph goes on (a new one would start an indent short).
        return False, 0.6
    # The line after it opening a paragraph makes the next line a head at body width; a line
    # holding a comma reads as running text unless more than that says otherwise.
    n3 = (
        run[i + 3]
        if i + 3 < len(run)
        and nxt is not None
        and (
            not _has_comma(nxt.text)
            # not full, and not a first line's width: no running text line is so
            or nxt.w <= width - 1 and abs(nxt.w - (width - cv.INDENT)) > 0.5
        )
        else None
    )
    if nxt is None or short or nxt.lead or nxt.indent or _is_title(nxt, nn, width, nn is None, n3):
        return True, 1.0
    if _balanced_title(run, i + 1, width, final):
        return True, 0.6  # a title balanced over the next lines, a paragraph opening under it
    if (
        ln.text.endswith(("。”", "！”", "？”"))
        and not final[i + 1]
        and not cur.lines[0].text.startswith("“")
        and nxt.w < width - 0.5
    ):
        # A quotation closing at a full line end: most often the paragraph's end too,
        # unless the paragraph opened with the quotation (its attribution follows) or
        # a full line follows (a new paragraph would open an indent short).
        return True, 0.55
    # (a clause mark hung past the column end makes a first line W-1)
    going_on = final[i + 1] and _first_line_going_on(
        nxt, nn, width, final[i + 2] if nn else True, run[i + 3] if i + 3 < len(run) else None
    )
    # (a sentence end hung past the column end: a first line an indent short, its sentence
    # ending right there, is W-1 wide)
    hung = cv.HANGING if going_on and nxt.text[-1:] in "。！？" else _hung(nxt, cv.CLAUSE_HUNG)
    if nxt.w - hung <= width - 1.5 and (not final[i + 1] or going_on):
        # A full line ending a sentence, then one an indent short: likely a new paragraph
        # (also when that first line ends a sentence and a full line follows it).
        followed = nn is not None and nn.w >= width - 1 and not _is_title(nxt, nn, width)
        # At a column's end the next line's own width must tell: exactly an indent short.
        cut_there = nn is None and abs(nxt.w - (width - 2)) <= 0.5
        if followed or cut_there:
            return True, 0.6
    return False, 1.0


def _break_here(
    run: list[Line], i: int, width: float, final: list[bool], cur: Para
) -> tuple[bool, float]:
    """After a line ending a sentence (or a colon): does the paragraph end? (close, confidence)"""
    close, confidence = _rule_break(run, i, width, final, cur)
    if RECORD is None and not linemodel.available("break"):
        return close, confidence
    ln = run[i]
    nxt = run[i + 1] if i + 1 < len(run) else None
    nn = run[i + 2] if i + 2 < len(run) else None
    feats = linemodel.break_features(
        ln, nxt, nn, width, lines_so_far=len(cur.lines), start=cur.start,
        nxt_title=nxt is not None and _is_title(nxt, nn, width, nn is None),
    )
    feats.append(f"rule:{'close' if close else 'go-on'}")
    if RECORD is not None:
        RECORD.append(("break", ln.n, feats))
    if not linemodel.available("break"):
        return close, confidence
    p = linemodel.probability("break", feats)
    decided = linemodel.decide("break", feats, close) if USE_BREAK_MODEL else close
    return decided, (max(p, 1.0 - p) if decided != close else confidence)


def paragraphs(
    run: list[Line],
    run_index: int,
    widths: list[float],
    before_byline: bool = False,
    follow: Line | None = None,
) -> list[Para]:
    """Split one run into paragraphs and title lines; `widths[i]` is line i's column width.

    `before_byline`: a stand-alone byline follows the run, so a last line that
    does not end a sentence is the headline printed above it. `follow`: the text line
    after the blank line that ends the run, if one does (extractors split a paragraph's
    first line off its block; a head stands above a dateline).
    """
    out: list[Para] = []
    cur: Para | None = None
    final = [ends_final(ln.text) for ln in run]  # each line read once, asked often below
    for i in range(1, len(run)):
        # a tag wrapped from the line above: …心得。（县融媒体中 / 心供稿）
        if not final[i] and run[i].text[-1:] in "）)" and "（" not in run[i].text:
            final[i] = ends_final(run[i - 1].text + run[i].text)
    forced = forced_titles(run)
    if len(run) <= 8 and not any(
        has_sentence_punct(ln.text) or fin or ln.lead for ln, fin in zip(run, final, strict=True)
    ):
        forced = set(range(len(run)))  # a block of unpunctuated lines: stacked titles
    elif (
        1 < len(run) <= 3
        and sum(ln.text.count("，") for ln in run) <= 1
        and all(
            not ln.lead
            and not has_sentence_punct(
                (ln.text[:-1] if k == len(run) - 1 else ln.text).replace("，", "")
            )
            for k, ln in enumerate(run)
        )
        and run[-1].text[-1:] in "！？!?"
        and not _SPEAKER.match(run[0].text)  # (an interview's question: 记者：…？)
    ):
        # a short block whose only marks are the ！ or ？ ending it (and one comma, a
        # headline's clause: 学校操场开放，老人预约难咋办？): a head
        forced = set(range(len(run)))
    elif (
        len(run) <= 3
        and without_tag(run[-1].text) != run[-1].text
        and not any(ln.lead or "。" in ln.text or ln.w > cv.LONG_HEAD for ln in run)
    ):
        forced = set(range(len(run)))  # a short block ending with a column tag: a head
    elif (
        before_byline
        and len(run) <= 4
        and not any(ln.lead or "。" in ln.text or ln.w > cv.LONG_HEAD for ln in run)
        and all(not fin or ln.text[-1:] in "！？!?" for ln, fin in zip(run, final, strict=True))
    ):
        forced = set(range(len(run)))  # a head above a byline, ending with ！ or ？
    elif (
        before_byline
        and len(run) > 1
        and final[-2]
        and not final[-1]
        and "。" not in run[-1].text
        and run[-1].w <= cv.LONG_HEAD
    ):
        forced.add(len(run) - 1)  # after a sentence's end, above a byline: a one-line head
    forced |= {k for k, ln in enumerate(run) if (ln.meta or {}).get("shingle")}
    # What the PDF printed decides where it is known: large lines are titles, body-size
    # lines running text.
    printed_body = {k for k, ln in enumerate(run) if ln.size and abs(ln.size - 1) <= cv.BODY_SIZE}
    forced = (forced - printed_body) | {k for k, ln in enumerate(run) if ln.size >= cv.TITLE_SIZE}
    for k in range(len(run) - 1):
        if _quoted_title(run, k, widths, final):
            forced |= {k, k + 1}
    pending_title = -1  # the last further line of a title broken over lines
    for i, ln in enumerate(run):
        width = widths[i]
        if 0 <= i <= pending_title:
            out.append(Para([ln], run_index, width, "title", closed=True, title=True))
            out[-1].title_cont = True
            continue
        if (ln.meta or {}).get("sign"):
            # a notice's sign-off line (issuer or date): a paragraph of its own, or the rest
            # of an issuer's name broken over the line end
            if (ln.meta or {}).get("cont") and out and out[-1].lines[-1].meta and (
                    out[-1].lines[-1].meta.get("sign")):
                out[-1].lines.append(ln)
                continue
            if cur is not None:
                cur.closed = cur.closed or ends_final(cur.lines[-1].text)
                cur = None
            out.append(Para([ln], run_index, width, "start", closed=True))
            continue
        if i in forced:
            if cur is not None:
                cur.closed = cur.closed or ends_final(cur.lines[-1].text)
                cur = None
            out.append(Para([ln], run_index, width, "title", closed=True, title=True))
            continue
        nxt = run[i + 1] if i + 1 < len(run) else None
        nn = run[i + 2] if i + 2 < len(run) else None
        if cur is not None and (ln.lead or ln.indent):
            cur.closed = cur.closed or ends_final(cur.lines[-1].text)
            cur = None
        if cur is None and i in printed_body:
            # printed at body size: never a title; at a block's top without an indent, the
            # paragraph goes on from the column before (ending here if it ends a sentence)
            start = "lead" if ln.lead else "indent" if ln.indent else "start"
            if start == "start" and i == 0:
                start = "tail" if final[i] and width and ln.w <= width - 1.5 else "cont"
            cur = Para([ln], run_index, width, start)
            out.append(cur)
        elif cur is None:
            over_dash = i == 0 and _above_subheadline(ln, nxt, nn)
            if ln.lead:
                start = "lead"
            elif ln.indent:
                start = "indent"
            elif (
                i == 0
                and width
                and ln.w >= width - 1
                and not _is_title(ln, nxt, width, False, nn)
                and not _title_stack(ln, nxt, False, width)
                and not over_dash
                and not (nxt is None and follow is not None and follow.lead and _title_here(
                    run, i, width, prev_title=False, alone=False, before_byline=before_byline,
                    follow=follow,
                ))
            ):
                start = "cont"  # a full-width first line: the run continues a paragraph
            elif (
                i == 0
                and width
                and final[i]
                and ln.w <= width - 1.5
                and not _first_line_going_on(ln, nxt, width, final[1] if nxt else True)
                and not over_dash
            ):
                start = "tail"  # a short sentence end opening a run: the tail of a paragraph
            else:
                start = "start"
            alone = i > 0 and nxt is None and not before_byline
            prev_title = bool(out) and out[-1].title and out[-1].lines[-1] is run[i - 1]
            if start == "start" and _two_line_title(run, i, width, final):
                out.append(Para([ln], run_index, width, "title", closed=True, title=True))
                pending_title = i + 1
                continue
            if start == "start" and (k := _balanced_title(run, i, width, final)):
                out.append(Para([ln], run_index, width, "title", closed=True, title=True))
                pending_title = i + k - 1
                continue
            if start == "start" and _title_here(
                run, i, width, prev_title=prev_title, alone=alone, before_byline=before_byline,
                follow=follow if nxt is None else None,
            ):
                out.append(Para([ln], run_index, width, "title", closed=True, title=True))
                continue
            cur = Para([ln], run_index, width, start)
            out.append(cur)
        else:
            cur.lines.append(ln)
        # Does the paragraph end after this line?
        if final[i] or ln.text[-1:] in "：:":
            close, confidence = _break_here(run, i, width, final, cur)
            if close:
                cur.closed = True
                cur.confidence = min(cur.confidence, confidence)
                cur = None
            elif confidence < 1.0:
                cur.confidence = min(cur.confidence, confidence)
    if cur is not None:
        width = widths[-1]
        cur.closed = ends_final(cur.lines[-1].text) and (
            not width or cur.lines[-1].w <= width - 1.5
        )
    elif out and not out[-1].title and out[-1].lines[-1] is run[-1] and follow is not None:
        # A full last line ending a sentence at the block's end, and the next block opens
        # with a full line (no indent, no dateline): the paragraph goes on over the gap.
        last, width = run[-1], widths[-1]
        if (
            width
            and last.w > width - cv.FULL_LINE
            and follow.w >= width - cv.SQUEEZE
            and not (follow.lead or follow.indent)
        ):
            out[-1].closed = False
    return out


def width_readings(p: Para) -> list[float]:
    """Column-width readings from a paragraph's lines: full lines as they are, a first line
    plus its lost indent; the last line (short by nature) says nothing."""
    out = []
    for k, ln in enumerate(p.lines[:-1]):
        out.append(ln.w + 2 if k == 0 and p.start not in ("cont", "lead") else ln.w)
    return out


def _median(ws: list[float]) -> float:
    ws = sorted(ws)
    return ws[len(ws) // 2]


def mark_column_changes(paras: list[Para]) -> list[int]:
    """Mark paragraphs set at another column width than the ones before; return their indexes.

    The width before a paragraph boundary is the median reading of up to two paragraphs
    before it, the width after of up to two after it; with fewer than four readings on a
    side the difference must be larger.
    """
    out = []
    groups: list[list[Para]] = [[]]
    for p in paras:
        if p.start == "lead":
            groups.append([])  # a new article: compare only within it; its byline and
            continue  # figures make the dateline paragraph's width unreliable
        if not p.title:
            groups[-1].append(p)
    for group in groups:
        diffs: dict[int, tuple[float, float]] = {}
        readings = [width_readings(q) for q in group]
        for j in range(1, len(group)):
            if group[j].start == "cont":
                continue
            before = [w for r in readings[max(0, j - 2) : j] for w in r]
            after = [w for r in readings[j : j + 2] for w in r]
            if len(before) < 2 or len(after) < 2:
                continue
            need = 1.5 if len(before) >= 4 and len(after) >= 4 else 2.5  # fewer readings: surer
            own = readings[j]
            if own and abs(_median(own) - _median(after)) > 1.0:
                continue  # the paragraph itself still reads like the column before
            diffs[j] = (abs(_median(after) - _median(before)), need)
        for j, (d, need) in diffs.items():
            # The change lies where the difference peaks (a window straddling it reads less).
            before_d = diffs.get(j - 1, (0.0, 0.0))[0]
            after_d = diffs.get(j + 1, (0.0, 0.0))[0]
            # On a tie the change is at the first of the two (the second reads the new
            # width on both sides of it once the first paragraph is counted before it).
            if d >= need and d > before_d and d >= after_d:
                group[j].new_column = True
                out.append(paras.index(group[j]))
    return out
