"""Turn threaded bodies, head groups and special lines into the model's articles and blocks."""

from __future__ import annotations

import re

from . import conventions as cv
from .byline import parse_byline, parse_lead
from .clean import hard, join_lines, undouble
from .lines import Line, names_only, paren_depth
from .model import Article, Block, Decision, Lead, Page
from .similarity import BodyIndex
from .titles import HeadGroup, title_roles, title_text


def _parts(lines: list[Line]) -> list[str]:
    """Soft lines ready to join. A line that began, or whose predecessor ended, with a space
    keeps it as a separator (names of a byline broken over lines: `（记者 郑 宁` / ` 何思远）`);
    hard() drops such spaces from running text."""
    return [
        (
            " "
            if i and (ln.raw[:1] in " \t" or lines[i - 1].raw.rstrip("\r\n")[-1:] in " \t")
            else ""
        )
        + ln.soft
        for i, ln in enumerate(lines)
    ]


def _para_text(lines: list[Line]) -> tuple[str, str]:
    """(soft joined text, cleaned text) of a paragraph's lines."""
    s = join_lines(_parts(lines))
    return s, undouble(hard(s), whole_only=True)


def _lead_lines(lines: list[Line], end: int) -> list[int]:
    """The lines covering the first `end` characters of the joined soft text."""
    out, pos = [], 0
    for ln, part in zip(lines, _parts(lines), strict=True):
        if pos >= end:
            break
        out.append(ln.n)
        pos += len(part)
    return out


def build_articles(page: Page, bodies, heads, loose, lines: list[Line], index: BodyIndex) -> None:
    """The page's articles, furniture and unassigned blocks; `index` holds the bodies' texts."""
    owner_of_line: dict[int, object] = {}
    for b in bodies:
        for p in b.paras:
            for ln in p.lines:
                owner_of_line[ln.n] = b
    # Special lines: captions by topic (names in the caption found in the body), the rest in place.
    prev_special, prev_target = None, None
    for ln, before in loose:
        if isinstance(before, HeadGroup):  # a caption under a head: that head's story
            before = next((b for b in bodies if b.heads is before), before.next_body)
        if ln.kind == "furniture":
            fm = ln.meta or {}
            role = "jump" if fm.get("jump") else "credit" if fm.get("credit") else "page_header"
            page.furniture.append(Block(role=role, lines=[ln.n], text=undouble(ln.text)))
            meta = ln.meta or {}
            if meta.get("section") and not page.meta.section:
                page.meta.section = meta["section"]
            if meta.get("number") and not page.meta.number:
                page.meta.number = meta["number"]
            if meta.get("date") and not page.meta.date:
                page.meta.date = meta["date"]
            continue
        target = before
        wrapped = _continues(ln, prev_special)
        if wrapped is not None:
            target = prev_target  # the second line of a wrapped caption or note
        elif ln.kind == "caption" and bodies:
            # (its words, not its credit's: a photographer's title and name say nothing of
            # the story, and weigh much in a few words)
            said = (ln.meta or {}).get("caption") or _whole(ln, loose)
            scores = index.scores(said)
            best = max(range(len(scores)), key=scores.__getitem__) if scores else None
            # The story above keeps its picture unless another story's words claim the
            # caption clearly more than its own do.
            here = next((k for k, b in enumerate(bodies) if b is before), None)
            own = scores[here] if here is not None else 0.0
            # (a story too short to judge by its words, a photo story's few lines, keeps the
            # pictures printed under it when it shares a word with them: a brief followed by
            # another story's picture shares none)
            short = here is not None and own > 0 and len(bodies[here].text) < cv.SHORT_BODY
            if (
                best is not None
                and not short
                and scores[best] >= 0.25
                and own < cv.CAPTION_OWN * scores[best]
            ):
                target = bodies[best]
            elif (
                prev_special is not None
                and prev_special.kind == "caption"
                and ln.n == prev_special.n + 1
                and prev_target is not None
                and prev_target is not before
            ):
                # Pictures printed together are one story's: a caption right under another
                # that its own words did not place goes where that one went, unless its words
                # match the story above better (a photo story's few lines may share none).
                k = next((k for k, b in enumerate(bodies) if b is prev_target), None)
                if k is not None and scores[k] >= own:
                    target = prev_target
        prev_special, prev_target = ln, target
        if target is None and bodies:
            target = bodies[0] if before is None else before
        if target is None:
            page.unassigned.append(Block(role="unassigned", lines=[ln.n], text=ln.text))
        else:
            target.specials.append(ln)
    for b in _drop_pull_quotes(page, bodies):
        page.articles.append(_article(page, b))
    for g in heads:
        if not any(b.heads is g for b in bodies):
            for ln in g.lines + g.bylines:
                page.unassigned.append(Block(role="unassigned", lines=[ln.n], text=ln.text))
                page.decisions.append(Decision("attach", page.unassigned[-1].id, 0.3, "no-body"))
    page.articles.sort(
        key=lambda a: min(
            (n for bl in a.blocks if bl.role in ("paragraph", "subhead") for n in bl.lines),
            default=0,
        )
    )


def _article(page: Page, body) -> Article:
    art = Article(confidence=body.confidence)
    page.decisions.append(
        Decision("boundary", art.id, body.confidence, f"starts-with-{body.reason}")
    )
    if body.heads is not None:
        for role, lns in title_roles(body.heads.lines):
            text = title_text(lns)
            blk = Block(
                role=role, lines=[ln.n for ln in lns], text=text, confidence=body.heads.confidence
            )
            art.blocks.append(blk)
            page.decisions.append(
                Decision("attach", blk.id, body.heads.confidence, body.heads.attached_by)
            )
        bylines = body.heads.bylines + body.bylines
    else:
        bylines = body.bylines
    for group in _byline_groups(bylines):
        soft = group[0].soft
        for ln in group[1:]:
            soft += ("" if (ln.meta or {}).get("join") else " ") + ln.soft
        dateline, byline, people = parse_byline(soft)
        text = byline or hard(soft)
        art.blocks.append(Block(role="byline", lines=[ln.n for ln in group], text=text))
        art.byline = art.byline or byline
        art.dateline = art.dateline or dateline
        art.people += people
    for i, p in enumerate(body.paras):
        soft, text = _para_text(p.lines)
        role = "subhead" if p.title else "paragraph"
        if role == "subhead":
            text = undouble(text)
        if i == 0 and p.start == "lead":
            lead = parse_lead(soft)
            if lead is not None:
                art.dateline = art.dateline or lead.dateline
                if lead.byline:
                    art.byline = art.byline or lead.byline
                    art.people += lead.people
                art.lead = Lead(lead.dateline, lead.byline, _lead_lines(p.lines, lead.end))
                text = undouble(hard(soft[lead.end :]), whole_only=True)
        blk = Block(role=role, lines=[ln.n for ln in p.lines], text=text, confidence=p.confidence)
        art.blocks.append(blk)
        if p.confidence < 1.0:
            kind, detail = ("role", "subhead-or-headline") if p.title else ("paragraph", "break")
            page.decisions.append(Decision(kind, blk.id, p.confidence, detail))
    _run_in_tag(art, body)
    closing: list[Line] = []
    for ln in sorted(body.specials, key=lambda x: x.n):
        if ln.kind == "byline" and (ln.meta or {}).get("closing"):
            closing.append(ln)
            continue
        art.blocks.append(_special_block(ln))
    for group in _credit_groups(closing):
        _closing_credits(art, group)
    _merge_wrapped(art)
    _photographers(art)
    if not art.headline:
        art.confidence = min(art.confidence, 0.7)
    return art


_RUN_IN_TAG = re.compile(r"(?<=[。！？…!?”’」』])([（(])([^（()）。！？，]{1,24})([）)])$")


def _run_in_tag(art: Article, body) -> None:
    """A tag printed at the end of the last paragraph (`…救。（据新华社电）`): the article's
    source, note or closing credits, not paragraph text. Lines holding only the tag go
    with it; a tag sharing a line with text leaves the line to the paragraph."""
    paras = [b for b in art.blocks if b.role == "paragraph"]
    if not paras or any(b.role == "source" for b in art.blocks):
        return
    last = paras[-1]
    m = _RUN_IN_TAG.search(last.text)
    if not m or m.start() == 0:
        return
    inner = m.group(2)
    lines = next((p.lines for p in body.paras if [ln.n for ln in p.lines] == last.lines), [])
    taken: list[int] = []
    tail = ""
    for ln in reversed(lines):
        tail = ln.text + tail
        if len(tail) > len(m.group(0)):
            break
        taken.insert(0, ln.n)
        if tail == m.group(0):
            break
    else:
        taken = []
    if tail != m.group(0):
        taken = []
    last.text = last.text[: m.start()]
    last.lines = [n for n in last.lines if n not in taken]
    if parse_lead(inner) is not None or names_only(inner):
        dateline, byline, people = parse_byline(inner)
        art.blocks.append(Block(role="byline", lines=taken, text=byline or inner))
        art.dateline = art.dateline or dateline
        art.byline = art.byline or byline
        art.people += [p for p in people if p not in art.people]
    elif inner.startswith(cv.NOTE_OPENERS):
        art.blocks.append(Block(role="note", lines=taken, text=m.group(0)))
    else:
        art.blocks.append(Block(role="source", lines=taken, text=inner))


def _byline_groups(bylines: list[Line]) -> list[list[Line]]:
    """Byline lines, a byline broken over lines kept together."""
    groups: list[list[Line]] = []
    for ln in bylines:
        if groups and (ln.meta or {}).get("cont"):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _photographers(art: Article) -> None:
    """People named in the captions' photo credits (本报记者张昊摄) took the pictures."""
    known = {(p.name, p.role) for p in art.people}
    for b in art.blocks:
        if b.role != "caption" or not b.credit:
            continue
        _d, _b, people = parse_byline(b.credit)
        for p in people:
            if p.role == "photographer" and (p.name, p.role) not in known:
                art.people.append(p)
                known.add((p.name, p.role))


def _credit_groups(closing: list[Line]) -> list[list[Line]]:
    """Closing credit lines, one group per credit: a credit wrapped over lines goes on until
    its parenthesis closes; a new one opens with its own parenthesis or dash."""
    groups: list[list[Line]] = []
    depth = 0
    for ln in closing:
        t = ln.text.lstrip()
        if groups and depth > 0 or groups and t[:1] not in "（(—－":
            groups[-1].append(ln)
        else:
            groups.append([ln])
            depth = 0
        depth += paren_depth(t)
    return groups


def _closing_credits(art: Article, lines: list[Line]) -> None:
    """（本报北京3月24日电 记者 A）, （叶帆） or ——叶帆 after the text: one byline block
    giving the dateline and people the head did not give."""
    soft, _text = _para_text(lines)
    inner = soft.strip().lstrip("—－ ").strip()
    if inner[:1] in "（(" and inner[-1:] in "）)":
        inner = inner[1:-1]
    dateline, byline, people = parse_byline(inner)
    art.blocks.append(Block(role="byline", lines=[ln.n for ln in lines], text=byline or inner))
    art.dateline = art.dateline or dateline
    art.byline = art.byline or byline
    known = {(p.name, p.role) for p in art.people}
    art.people += [p for p in people if (p.name, p.role) not in known]


def _continues(ln: Line, prev: Line | None) -> Line | None:
    """`prev` when `ln` is the next line of the same wrapped caption or note."""
    if prev is None or ln.kind != prev.kind or ln.n <= prev.n:
        return None
    if ln.kind in ("caption", "source") and (ln.meta or {}).get("cont"):
        return prev
    if (
        ln.kind == "note"
        and not prev.text.endswith(("）", ")"))
        and ln.n - prev.n <= 2  # the next line (a blank line may come between)
        and ln.text[:1] not in cv.OPEN_PARENS  # (a note opening its own parenthesis)
    ):
        return prev
    return None


def _whole(ln: Line, loose) -> str:
    """The text of a wrapped caption or note starting at `ln` (for topic matching)."""
    text, prev = ln.text, ln
    for other, _before in loose:
        if other.n > prev.n and _continues(other, prev) is not None:
            text += other.text
            prev = other
    return text


def _special_block(ln: Line) -> Block:
    if ln.kind == "caption":
        meta = ln.meta or {}
        if meta.get("cont"):
            return Block(role="caption", lines=[ln.n], text="", credit=None, confidence=-1.0)
        text = meta.get("caption", hard(ln.soft.lstrip(cv.BULLETS + " ")))
        return Block(role="caption", lines=[ln.n], text=text, credit=meta.get("credit"))
    if ln.kind == "source":
        cont = bool((ln.meta or {}).get("cont"))  # a wrapped tag's further line
        return Block(role="source", lines=[ln.n], text=ln.text.strip("（）()"),
                     confidence=-1.0 if cont else 1.0)
    if ln.kind == "byline":
        return Block(role="byline", lines=[ln.n], text=ln.text, confidence=0.5)
    return Block(role="note", lines=[ln.n], text=ln.text)


def _merge_wrapped(art: Article) -> None:
    """A caption, note or source tag wrapped over several lines is one block."""
    merged: list[Block] = []
    for b in art.blocks:
        prev = merged[-1] if merged else None
        if b.role in ("caption", "source") and b.confidence == -1.0:
            # a caption's or a wrapped tag's further line (a caption's holds no text: its
            # first line's meta has the whole caption)
            if prev is not None and prev.role == b.role:
                prev.lines += b.lines
                prev.text += b.text
                continue
            b.confidence = 0.5
        if (
            prev is not None
            and b.role == prev.role == "note"
            and not prev.text.endswith(("）", ")"))
        ):
            prev.lines += b.lines
            prev.text += b.text
            prev.credit = b.credit
            continue
        merged.append(b)
    art.blocks = merged


def _drop_pull_quotes(page: Page, bodies):
    """A short headless body whose text repeats a sentence of another body is a pull-quote:
    page furniture (role note), not an article."""
    keep = []
    corpus = "\x00".join(b.text for b in bodies)  # one search per body, not one per pair
    for b in bodies:
        text = b.text
        if (
            b.heads is None
            and not b.bylines
            and len(b.paras) == 1
            and 6 <= len(text) <= 80
            and corpus.count(_core(text)) > b.text.count(_core(text))  # in another body
        ):
            lines = [ln.n for p in b.paras for ln in p.lines]
            blk = Block(role="note", lines=lines, text=text, confidence=0.7)
            page.furniture.append(blk)
            page.decisions.append(Decision("role", blk.id, 0.7, "pull-quote"))
            for ln in b.specials:
                page.unassigned.append(Block(role="unassigned", lines=[ln.n], text=ln.text))
            continue
        keep.append(b)
    return keep


def _core(text: str) -> str:
    """A pull-quote's words without the quotation marks it is often set in."""
    return text.strip('“”"‘’「」 ')
