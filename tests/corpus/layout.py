"""Printed blocks to page text the way PDF extractors and OCR engines give it, with the gold.

`Layout` holds the extractor's and the page's habits (blank lines, reading order,
displaced heads, column chunks, indents, letter-spacing, `-raw` span breaks, OCR noise,
fake bold, furniture). `lay_out(printed_articles, furniture, layout, rnd)` returns the page
text and, for every text line, its owner, from which the gold's line spans are computed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.corpus.printing import PBlock, Printed

CLOSERS = "，。、；：？！”’）》」』】…"
OPENERS = "“‘（《「『【"


def glyph_width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x80 else 1.0


def text_width(s: str) -> float:
    return sum(glyph_width(c) for c in s if c not in " ")


def wrap(text: str, width: float, first_indent: float = 0.0, squeeze: bool = True) -> list[str]:
    """Set text in a column of `width` glyphs the way a compositor does: closing punctuation
    never starts a line (it hangs at the end of the previous one), opening punctuation never
    ends one, and a Latin word or number is not cut."""
    lines: list[str] = []
    cur, cap = "", width - first_indent
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        # take a whole ASCII run as one unit
        j = i + 1
        if ch.isascii() and ch.isalnum():
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".%"):
                j += 1
        unit = text[i:j]
        if text_width(cur) + text_width(unit) > cap and cur:
            if squeeze and len(unit) == 1 and unit in CLOSERS:
                # hanging punctuation: a closing mark (and one right after it, 。” or ”。)
                # never starts a line
                while j < n and text[j] in CLOSERS and j - i < 2:
                    j += 1
                lines.append(cur + text[i:j])
                cur, cap = "", width
                i = j
                continue
            if unit in CLOSERS:  # no hanging allowed: take the last glyph along
                cur, carry = cur[:-1], cur[-1]
                lines.append(cur)
                cur, cap = carry, width
                cur += unit
                i = j
                continue
            carry = ""
            while cur and cur[-1] in OPENERS:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur, cap = carry, width
        cur += unit
        i = j
    if cur:
        lines.append(cur)
    return [ln for ln in lines if ln]


def balanced(text: str, width: float) -> list[str]:
    """A title set in as few lines as fit, of even length (compositors balance head lines)."""
    total = text_width(text)
    if total <= width:
        return [text]
    k = int(-(-total // width))
    target = total / k
    lines, cur = [], ""
    for ch in text:
        if text_width(cur) >= target and len(lines) < k - 1 and ch not in CLOSERS \
                and not (cur[-1:].isascii() and cur[-1:].isalnum() and ch.isascii()):
            lines.append(cur)
            cur = ""
        cur += ch
    lines.append(cur)
    return lines


@dataclass
class Layout:
    """How one page comes out of one extractor."""

    blank: str = "none"  # "none", "every" (a blank line after every line), "blocks"
    order: str = "in-place"  # "in-place", "interleaved" (pdftotext default across columns)
    # "", "top", "bottom", "both", "middle" (together between two blocks halfway down):
    # where displaced head groups go
    displaced: str = ""
    displaced_share: float = 0.5  # share of articles whose head group is displaced
    # "after-head", "after-body", "page-bottom", "page-top", "mid-body" (between two column
    # chunks of its story: the photo printed inside the story's columns), "before-head"
    # (the photo printed above the story's head), "after-next-body" (printed after the next
    # story's text: the photo set in a neighbouring column), "page-middle" (every caption
    # of the page together, halfway down)
    caption_place: str = "after-body"
    indent: str = "lost"  # "lost" (first line 2 short), "fullwidth" (　　), "none" (full width)
    column_lines: tuple[int, int] = (12, 30)  # lines per column chunk
    letter_spaced: float = 0.0  # share of full body lines letter-spaced
    spaced_digits: bool = False  # 4 月 10 日, AI 技术
    raw_spans: bool = False  # pdftotext -raw: a line broken at every text span
    ocr_punct: float = 0.0  # share of punctuation read half-width
    fake_bold: str = ""  # "", "glyph" (新新时时代代), "run" (新时代新时代)
    trailing_spaces: float = 0.0
    split_spaced_names: bool = False  # an author line 叶 帆 comes out as two lines
    newline: str = "\n"
    header: str = "top"  # "top", "bottom", "none"
    vertical_banner: str = ""  # a section banner printed one glyph per line at the page start
    widths: tuple[int, int] = (12, 22)
    head_span: tuple[int, int] = (1, 3)  # columns a headline spans
    extras: dict = field(default_factory=dict)


Owner = tuple[int, str, int]  # (article, kind, index); article -1 is page furniture


@dataclass
class Laid:
    lines: list[str]
    owners: list[Owner | None]  # None for blank lines


# Heads are printed larger than the body: how many body glyphs wide a head glyph is. A
# headline starts at its size and steps down until it fits two lines (as typeset.py does).
HEADLINE_SCALES = (3.0, 2.6, 2.2, 2.0)
DECK_SCALE = 1.5  # kicker, subheadline and column tag


def _head_scale(kind: str, text: str, head_width: float) -> float:
    if kind != "headline":
        return DECK_SCALE
    for scale in HEADLINE_SCALES:
        if len(balanced(text, head_width / scale)) <= 2:
            return scale
    return HEADLINE_SCALES[-1]


def _wrap_block(b: PBlock, width: int, head_width: float, layout: Layout,
                rnd: random.Random) -> list[str]:
    if b.kind in ("kicker", "headline", "subheadline", "column_tag"):
        out: list[str] = []
        for part in b.text.split("\n"):
            out += balanced(part, head_width / _head_scale(b.kind, part, head_width))
        if layout.fake_bold and b.kind == "headline" and rnd.random() < 0.5:
            if layout.fake_bold == "glyph":
                out = ["".join(c + c for c in ln) for ln in out]
            else:
                out = [ln + ln for ln in out]
        return out
    if b.kind in ("byline", "author"):
        if layout.split_spaced_names and b.kind == "author" and " " in b.text:
            return [p for p in b.text.split(" ") if p]
        return [b.text]
    if b.kind == "paragraph":
        if layout.indent == "fullwidth":
            lines = wrap(b.text, width, first_indent=2)
            lines[0] = "\u3000\u3000" + lines[0]
            return lines
        if layout.indent == "none":
            return wrap(b.text, width)
        return wrap(b.text, width, first_indent=2)
    if b.kind == "caption":
        out = []
        for part in b.text.split("\n"):
            out += wrap(part, width)
        return out
    if b.kind == "subhead":
        return balanced(b.text, width)  # a title: the compositor balances its lines
    return wrap(b.text, width)  # source, note, closing


def _letter_space(line: str) -> str:
    out = ""
    for i, ch in enumerate(line):
        out += ch
        if i + 1 < len(line) and not (ch.isascii() and line[i + 1].isascii()) and ch not in CLOSERS:
            out += " "
    return out


def _space_digits(line: str) -> str:
    out = ""
    for i, ch in enumerate(line):
        if i and ch.isascii() != line[i - 1].isascii() and ch.strip() and line[i - 1].strip():
            if (ch.isascii() and ch.isalnum()) or (line[i - 1].isascii() and line[i - 1].isalnum()):
                if ch not in CLOSERS and line[i - 1] not in OPENERS:
                    out += " "
        out += ch
    return out


_HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}


def _ocr(line: str, share: float, rnd: random.Random) -> str:
    return "".join(_HALF.get(c, c) if c in _HALF and rnd.random() < share else c for c in line)


def _raw_spans(line: str, rnd: random.Random) -> list[str]:
    """pdftotext -raw: a phrase per line, cut anywhere."""
    out, i = [], 0
    while i < len(line):
        n = rnd.randint(2, 9)
        out.append(line[i : i + n])
        i += n
    return out


def lay_out(arts: list[Printed], furniture: list[PBlock], layout: Layout,
            rnd: random.Random) -> Laid:
    """Page text lines with their owners."""
    n = len(arts)
    widths = [rnd.randint(*layout.widths) for _ in range(n)]
    # per article: head group, body run, captions, tail — each a list of (line, owner) chunks
    heads: list[list[tuple[str, Owner]]] = []
    bodies: list[list[tuple[str, Owner]]] = []
    caps: list[list[tuple[str, Owner]]] = []
    for a, (p, w) in enumerate(zip(arts, widths, strict=True)):
        span = rnd.randint(*layout.head_span)
        head_width = w * span + (span - 1) * 1.5
        head, body, cap = [], [], []
        for b in p.blocks:
            lines = _wrap_block(b, w, head_width, layout, rnd)
            owned = [(ln, (a, b.kind, b.index)) for ln in lines]
            if b.kind in ("kicker", "headline", "column_tag", "subheadline", "byline", "author"):
                head += owned
            elif b.kind == "caption":
                cap.append(owned)
            else:
                body += owned
        heads.append(head)
        bodies.append(body)
        caps.append([ln for c in cap for ln in c])

    def chunks(body: list, lo: int, hi: int) -> list[list]:
        out, k = [], 0
        while k < len(body):
            m = rnd.randint(lo, hi)
            out.append(body[k : k + m])
            k += m
        return out

    displaced: set[int] = set()
    if layout.displaced:
        k = max(1, round(layout.displaced_share * n))
        displaced = set(rnd.sample(range(n), k))
    top_heads: list[list] = []
    bottom_heads: list[list] = []
    middle_heads: list[list] = []
    for a in sorted(displaced):
        where = layout.displaced
        if where == "both":
            where = rnd.choice(["top", "bottom"])
        {"top": top_heads, "middle": middle_heads}.get(where, bottom_heads).append(heads[a])
    top_caps, bottom_caps, middle_caps = [], [], []
    blocks: list[list[tuple[str, Owner]]] = []  # extractor text blocks in output order
    if layout.order == "interleaved":
        blocks += [heads[a] for a in range(n) if a not in displaced and heads[a]]
        queues = [chunks(bodies[a], *layout.column_lines) for a in range(n)]
        slots = min(n, rnd.randint(2, 4))
        active = list(range(slots))
        waiting = list(range(slots, n))
        while active:
            for a in list(active):
                if rnd.random() < 0.2 and len(active) > 1:
                    continue
                if queues[a]:
                    blocks.append(queues[a].pop(0))
                if not queues[a]:
                    if caps[a]:
                        blocks.append(caps[a])
                    active.remove(a)
                    if waiting:
                        nxt = waiting.pop(0)
                        if nxt not in displaced and heads[nxt] and layout.extras.get("late_heads"):
                            blocks.append(heads[nxt])
                        active.append(nxt)
    else:
        late: list = []  # "after-next-body": the story before's pictures, printed after this
        for a in range(n):
            cap_blocks = [caps[a]] if caps[a] else []
            if layout.caption_place == "before-head":
                blocks += cap_blocks
            if a not in displaced:
                blocks.append(heads[a])
            if layout.caption_place == "after-head":
                blocks += cap_blocks
            body_chunks = chunks(bodies[a], *layout.column_lines)
            if layout.caption_place == "mid-body" and len(body_chunks) > 1:
                blocks += body_chunks[:1] + cap_blocks + body_chunks[1:]
            else:
                blocks += body_chunks
            if layout.caption_place == "after-body" or (
                    layout.caption_place == "mid-body" and len(body_chunks) <= 1):
                blocks += cap_blocks
            elif layout.caption_place == "page-top":
                top_caps += cap_blocks
            elif layout.caption_place == "page-bottom":
                bottom_caps += cap_blocks
            elif layout.caption_place == "after-next-body":
                blocks += late
                late = cap_blocks
            elif layout.caption_place == "page-middle":
                middle_caps += cap_blocks
        blocks += late
    if middle_heads or middle_caps:
        half_way = len(blocks) // 2
        blocks[half_way:half_way] = middle_heads + middle_caps
    head_furn = [[(f.text, (-1, f.kind, f.index))] for f in furniture if f.size == "top"]
    foot_furn = [[(f.text, (-1, f.kind, f.index))] for f in furniture if f.size != "top"]
    if layout.vertical_banner:
        head_furn.insert(0, [(ch, (-1, "banner", 0)) for ch in layout.vertical_banner])
    order = head_furn + top_heads + top_caps + blocks + bottom_caps + bottom_heads + foot_furn
    lines: list[str] = []
    owners: list[Owner | None] = []
    for block in order:
        for text, owner in block:
            pieces = [text]
            if owner[0] >= 0 and owner[1] in ("paragraph",):
                if layout.letter_spaced and rnd.random() < layout.letter_spaced:
                    pieces = [_letter_space(text)]
            if layout.spaced_digits:
                pieces = [_space_digits(p) for p in pieces]
            if layout.ocr_punct:
                pieces = [_ocr(p, layout.ocr_punct, rnd) for p in pieces]
            if layout.raw_spans and owner[0] >= 0 and owner[1] in ("paragraph", "subhead"):
                pieces = [q for p in pieces for q in _raw_spans(p, rnd)]
            for p in pieces:
                if layout.trailing_spaces and rnd.random() < layout.trailing_spaces:
                    p += " "
                lines.append(p)
                owners.append(owner)
                if layout.blank == "every":
                    lines.append("")
                    owners.append(None)
        if layout.blank == "blocks" and lines and lines[-1] != "":
            lines.append("")
            owners.append(None)
    while lines and lines[-1] == "":
        lines.pop()
        owners.pop()
    return Laid(lines=lines, owners=owners)
