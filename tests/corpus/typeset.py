"""Typeset a generated page as a real newspaper page PDF, with every drawn line as gold.

    from tests.corpus.generate import plan_page
    from tests.corpus.typeset import typeset
    tp = typeset(plan_page("datelines", "tune", 0))
    Path("p.pdf").write_bytes(tp.pdf)
    for ln in tp.lines:
        ln.text, ln.box, ln.owner, ln.font, ln.size   # box: PDF points, origin bottom-left

`layout.py` imitates what extractors make of a page; this module makes the page itself, so
that real extractors (`benchmarks/real_extractors.py`) and a PDF reader (issue 14) can be
measured on it. A page has 4-6 columns; each story is a rectangular module: its head (kicker,
headline, column tag, subheadline, byline or author line) spans 1-3 columns above the body,
the body flows down the module's columns (balanced), paragraphs open with a two-glyph indent
and are justified, subheads are set larger in a bold face, each caption sits beside a grey
photo box, and the tail (source, notes, closing credits) ends the body. The page header and
date sit at the top, the editors' line at the foot, a vertical section banner at the left
edge when the plan asks for one. Sizes follow real papers: body 9-10 pt, kicker 14-16,
headline 22-40, subheadline 13-15.

Fonts are TrueType CJK fonts from Debian (reportlab embeds only glyf TrueType; the CFF Noto
CJK fonts do not embed): AR PL UMing (fonts-arphic-uming, a Song/Ming face) for the body,
WenQuanYi Micro Hei (fonts-wqy-microhei) for heads and subheads, AR PL UKai
(fonts-arphic-ukai) for notes and author lines. A missing Hei or Kai falls back to the body
face; a missing body face raises `FontMissing`.

Geometry choices come from a random generator seeded with the plan's name, so a plan always
gives the same PDF (reportlab runs in invariant mode: no time stamps).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

from tests.corpus.generate import PagePlan
from tests.corpus.layout import CLOSERS, OPENERS, Owner, balanced
from tests.corpus.printing import HEAD_KINDS, PBlock

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y up

# (role, candidate files): the first file present is used; subfont 0 is the simplified
# Chinese face of each collection.
FONT_FILES: dict[str, list[tuple[str, int]]] = {
    "song": [("/usr/share/fonts/truetype/arphic/uming.ttc", 0)],
    "hei": [("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)],
    "kai": [("/usr/share/fonts/truetype/arphic/ukai.ttc", 0)],
}
FONT_DEBS = "fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei"


class FontMissing(RuntimeError):
    pass


_FONTS: dict[str, str] = {}


def fonts() -> dict[str, str]:
    """Register the CJK TrueType fonts once; role ("song", "hei", "kai") -> reportlab name."""
    if _FONTS:
        return _FONTS
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    found: dict[str, str] = {}
    for role, candidates in FONT_FILES.items():
        for path, index in candidates:
            if Path(path).exists():
                name = f"PD-{role}"
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
                found[role] = name
                break
    if "song" not in found:
        raise FontMissing(f"no CJK TrueType body font; apt-get install {FONT_DEBS}")
    found.setdefault("hei", found["song"])
    found.setdefault("kai", found["song"])
    _FONTS.update(found)
    return _FONTS


def fonts_available() -> bool:
    try:
        fonts()
    except (FontMissing, ImportError):
        return False
    return True


def _width(text: str, role: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, fonts()[role], size)


# -- what the typesetter returns -----------------------------------------------------------
@dataclass
class TLine:
    """One drawn text line (a fake-bold line is drawn twice, glyph by glyph, but listed once)."""

    text: str  # the glyphs drawn, in order
    box: Box  # PDF points, origin at the page's bottom left
    owner: Owner  # (article, kind, index); article -1: page furniture
    font: str  # "song", "hei" or "kai"
    size: float  # points
    column: int  # the page column the line starts in (-1: outside the columns)
    fake_bold: bool = False
    vertical: bool = False  # one glyph of a vertical banner


@dataclass
class Typeset:
    pdf: bytes
    width: float
    height: float
    lines: list[TLine]  # in drawing order (the content stream's order)
    photos: list[tuple[Box, Owner]]  # grey photo boxes, owned by their caption
    regions: list[tuple[Box, int]]  # each article's module rectangle
    columns: list[tuple[float, float]]  # x0, x1 of every page column
    settings: dict = field(default_factory=dict)  # the geometry and style choices made


# -- setting text --------------------------------------------------------------------------
def _units(text: str, role: str, size: float, width: float) -> list[str]:
    """Characters, with a Latin word or number kept whole unless it is wider than the column."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".%"):
                j += 1
        unit = text[i:j]
        if len(unit) > 1 and _width(unit, role, size) > width * 0.9:
            out += list(unit)
        else:
            out.append(unit)
        i = j
    return out


def wrap_pt(text: str, width: float, role: str, size: float, first_indent: float = 0.0
            ) -> list[str]:
    """Break text into lines of at most `width` points the way a compositor does: closing
    punctuation never starts a line (up to two closers hang at the end of the previous one
    and the line is squeezed), opening punctuation never ends one, a Latin word or number is
    not cut, and no line starts or ends with a space."""
    lines: list[str] = []
    cur, cap = "", width - first_indent
    units = _units(text, role, size, width)
    k = 0
    while k < len(units):
        unit = units[k]
        if cur and _width(cur + unit, role, size) > cap + 0.01:
            if unit in CLOSERS:
                hang = unit
                if k + 1 < len(units) and units[k + 1] in CLOSERS:
                    k += 1
                    hang += units[k]
                lines.append(cur + hang)
                cur, cap = "", width
                k += 1
                continue
            carry = ""
            while cur and cur[-1] in OPENERS:
                carry = cur[-1] + carry
                cur = cur[:-1]
            if cur.strip():
                lines.append(cur.rstrip())
            cur, cap = carry, width
            if unit == " " and not cur:
                k += 1
                continue
        cur += unit
        k += 1
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


@dataclass
class _Line:
    """A line to draw, in module coordinates (x from the module's left, y = baseline from its
    top, growing downwards)."""

    text: str
    x: float
    y: float
    role: str
    size: float
    owner: Owner
    avail: float  # the width the line is set in
    justify: bool = False
    align: str = "left"  # "left", "center", "right"
    fake_bold: bool = False
    vertical: bool = False

    def spacing(self) -> tuple[float, float]:
        """(x offset, character spacing) that set the line in its width."""
        natural = _width(self.text, self.role, self.size)
        n = len(self.text)
        if natural > self.avail + 0.01 and n > 1:  # hanging punctuation: squeeze
            return 0.0, (self.avail - natural) / (n - 1)
        if self.justify and n > 1:
            return 0.0, min((self.avail - natural) / (n - 1), 1.5 * self.size)
        if self.align == "center":
            return (self.avail - natural) / 2, 0.0
        if self.align == "right":
            return self.avail - natural, 0.0
        return 0.0, 0.0

    def extent(self) -> tuple[float, float]:
        dx, cs = self.spacing()
        natural = _width(self.text, self.role, self.size)
        x0 = self.x + dx
        x1 = x0 + natural + cs * (len(self.text) - 1)
        if self.fake_bold:
            x1 += _bold_offset(self.size)
        return x0, x1


def _bold_offset(size: float) -> float:
    return max(0.3, size * 0.025)


ASCENT, DESCENT = 0.88, 0.12  # of the em box, for line boxes
AREA_FACTOR = 1.5  # the page area a story takes over its area set one column wide


@dataclass
class _Unit:
    """Lines that stay together in one column (a subhead with the line after it)."""

    height: float
    lines: list[_Line]  # y relative to the unit's top


@dataclass
class _Style:
    ncols: int
    size: float  # body size
    col_w: float
    gutter: float
    leading: float
    head_align: str
    kicker_role: str
    kicker_size: float
    sub_role: str
    sub_size: float
    byline_role: str
    subhead_size: float
    subhead_align: str
    caption_role: str
    caption_size: float
    note_role: str
    emit: str  # "line" (one string per line, character spacing) or "glyph" (each glyph placed)
    fake_bold: bool
    photo_side: str  # "right" or "left": the caption's column beside a photo


def wrap_title(text: str, width: float, role: str, size: float) -> list[str]:
    """A title in as few lines as fit, balanced: compositors break a title over lines of
    even length, never leaving a glyph or two alone on the last line."""
    lines = wrap_pt(text, width, role, size)
    if len(lines) < 2:
        return lines
    for n in (len(lines), len(lines) + 1):  # as many lines as greedy wrapping, or one more
        for chars in range(-(-len(text) // n), len(text) + 1):
            even = balanced(text, chars)
            if len(even) <= n and all(_width(t, role, size) <= width + 0.01 for t in even):
                if min(len(t) for t in even) >= 3:  # no glyph or two left alone
                    return even
    return lines


def _head_lines(blocks: list[PBlock], a: int, hw: float, st: _Style, span: int,
                rnd: random.Random) -> tuple[list[_Line], float]:
    out: list[_Line] = []
    y = 0.0
    lo, hi = {1: (22, 26), 2: (26, 34), 3: (30, 40)}[min(span, 3)]
    for b in blocks:
        owner = (a, b.kind, b.index)
        if b.kind == "headline":
            size = float(rnd.randint(lo, hi))
            while True:
                lines = wrap_title(b.text, hw, "hei", size)
                if len(lines) <= 2 or size <= 20:
                    break
                size -= 2
            role, lead, align, bold = "hei", 1.22 * size, st.head_align, st.fake_bold
            y += 0.25 * size
        elif b.kind == "kicker":
            role, size, align, bold = st.kicker_role, st.kicker_size, st.head_align, False
            lead = 1.35 * size
            lines = wrap_title(b.text, hw, role, size)
        elif b.kind in ("subheadline", "column_tag"):
            role, size, align, bold = st.sub_role, st.sub_size, st.head_align, False
            lead = 1.4 * size
            lines = wrap_title(b.text, hw, role, size)
            y += 0.15 * size
        else:  # byline, author
            role, size, bold = st.byline_role, st.size, False
            align = "center" if st.head_align == "center" else "left"
            lead = st.leading
            y += 0.3 * st.leading
            lines = wrap_pt(b.text, hw, role, size)
        for text in lines:
            y += lead
            out.append(_Line(text, 0.0, y - (lead - size) / 2 - DESCENT * size, role, size,
                             owner, hw, align=align, fake_bold=bold))
    return out, y


def _block_units(b: PBlock, a: int, st: _Style, first_in_body: bool) -> list[_Unit]:
    """The body-column units of one body or tail block."""
    owner = (a, b.kind, b.index)
    L, w, size = st.leading, st.col_w, st.size
    base = L - (L - size) / 2 - DESCENT * size  # baseline inside a line of height L

    def line(text, x=0.0, role="song", sz=size, justify=False, align="left", avail=w):
        return _Line(text, x, base, role, sz, owner, avail, justify=justify, align=align)

    if b.kind == "paragraph":
        indent = 2 * size
        lines = wrap_pt(b.text, w, "song", size, first_indent=indent)
        units = []
        for i, t in enumerate(lines):
            x = indent if i == 0 else 0.0
            units.append(_Unit(L, [line(t, x, justify=i < len(lines) - 1, avail=w - x)]))
        return units
    if b.kind == "subhead":
        sz = st.subhead_size
        lead = 1.35 * sz
        lines = wrap_title(b.text, w, "hei", sz)
        before = 0.0 if first_in_body else 0.5 * L
        out = []
        y = before
        for t in lines:
            y += lead
            out.append(_Line(t, 0.0, y - (lead - sz) / 2 - DESCENT * sz, "hei", sz, owner, w,
                             align=st.subhead_align))
        return [_Unit(y + 0.25 * L, out)]
    role = st.note_role if b.kind == "note" else "song"
    sz = size * (0.95 if b.kind == "note" else 1.0)
    lines = wrap_pt(b.text, w, role, sz)
    align = "right" if b.kind in ("closing", "source") and len(lines) == 1 else "left"
    return [_Unit(L, [line(t, 0.0, role, sz, justify=i < len(lines) - 1, align=align)])
            for i, t in enumerate(lines)]


def _fill(units: list[_Unit], tops: list[float], height: float) -> list[tuple[int, float]] | None:
    """Greedy column fill: (column, unit top) for every unit, or None if they do not fit."""
    k, y = 0, tops[0]
    out = []
    for u in units:
        while y + u.height > height + 0.01:  # (a unit too tall for an empty column moves on)
            k += 1
            if k >= len(tops):
                return None
            y = tops[k]
        out.append((k, y))
        y += u.height
    return out


def _balance(units: list[_Unit], tops: list[float]) -> tuple[list[tuple[int, float]], float]:
    """The lowest column height at which the units fit, and where each goes."""
    hi = max(tops) + sum(u.height for u in units) + 1
    lo = min(tops)
    best = _fill(units, tops, hi)
    assert best is not None
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        got = _fill(units, tops, mid)
        if got is None:
            lo = mid
        else:
            hi, best = mid, got
    return best, hi


def _caption_lines(text: str, st: _Style) -> list[tuple[str, bool]]:
    """A caption's lines, each with whether it is justified (a credit on its own line after
    a "\n" starts a new line)."""
    out = []
    for part in text.split("\n"):
        lines = wrap_pt(part, st.col_w, st.caption_role, st.caption_size)
        out += [(t, i < len(lines) - 1) for i, t in enumerate(lines)]
    return out


@dataclass
class _Module:
    lines: list[tuple[int, _Line]]  # (module column, line) with module-relative coordinates
    photos: list[tuple[int, float, float, float, float, Owner]]  # column, x, y, w, h, owner
    span: int
    width: float
    height: float


def _body_units(blocks: list[PBlock], a: int, st: _Style) -> list[_Unit]:
    """The body and tail of a story as column units (they depend on the column width only)."""
    units: list[_Unit] = []
    body = [b for b in blocks if b.kind not in HEAD_KINDS and b.kind != "caption"]
    for i, b in enumerate(body):
        u = _block_units(b, a, st, first_in_body=i == 0)
        if units and all(ln.owner[1] == "subhead" for ln in units[-1].lines):
            keep = units.pop()  # a subhead stays with the line after it
            moved = [replace(ln, y=ln.y + keep.height) for ln in u[0].lines]
            u[0] = _Unit(keep.height + u[0].height, keep.lines + moved)
        units += u
    return units


def _module(blocks: list[PBlock], units: list[_Unit], a: int, span: int, st: _Style,
            rnd: random.Random) -> _Module:
    """One story set `span` columns wide: head, photos with captions, balanced body."""
    head_span = min(span, 3) if span <= 3 or rnd.random() < 0.5 else span
    hw = head_span * st.col_w + (head_span - 1) * st.gutter
    head = [b for b in blocks if b.kind in HEAD_KINDS]
    caps = [b for b in blocks if b.kind == "caption"]
    placed: list[tuple[int, _Line]] = []
    hl, head_h = _head_lines(head, a, hw, st, head_span, rnd)
    placed += [(0, ln) for ln in hl]
    gap = 0.8 * st.leading
    tops = [head_h + gap if k < head_span else 0.0 for k in range(span)]
    photos = []
    for cap in caps:  # a grey photo box with its caption beside it (below it in one column)
        if span >= 2:
            pcols = span - 1
            ccol = span - 1 if st.photo_side == "right" else 0
            pc0 = 0 if st.photo_side == "right" else 1
            pw = pcols * st.col_w + (pcols - 1) * st.gutter
            ph = round(min(pw * rnd.uniform(0.5, 0.72), 16 * st.leading), 1)
            y0 = max(tops)
            lines = _caption_lines(cap.text, st)
            lead = 1.4 * st.caption_size
            ch = lead * len(lines)
            cy = y0 + max(0.0, ph - ch)  # captions sit at the photo's foot
            for i, (t, justify) in enumerate(lines):
                base = cy + lead * (i + 1) - (lead - st.caption_size) / 2 \
                    - DESCENT * st.caption_size
                placed.append((ccol, _Line(t, 0.0, base, st.caption_role, st.caption_size,
                                           (a, "caption", cap.index), st.col_w,
                                           justify=justify)))
            photos.append((pc0, 0.0, y0, pw, ph, (a, "photo", cap.index)))
            bottom = y0 + max(ph, ch) + gap
            tops = [bottom] * span
        else:
            y0 = tops[0]
            ph = round(st.col_w * rnd.uniform(0.6, 0.8), 1)
            photos.append((0, 0.0, y0, st.col_w, ph, (a, "photo", cap.index)))
            lead = 1.4 * st.caption_size
            y = y0 + ph + 0.3 * lead
            for t, justify in _caption_lines(cap.text, st):
                y += lead
                placed.append((0, _Line(t, 0.0, y - (lead - st.caption_size) / 2
                                        - DESCENT * st.caption_size, st.caption_role,
                                        st.caption_size, (a, "caption", cap.index), st.col_w,
                                        justify=justify)))
            tops = [y + gap]
    where, _height = _balance(units, tops)
    for (k, y0), u in zip(where, units, strict=True):
        placed += [(k, replace(ln, y=ln.y + y0)) for ln in u.lines]
    used = max([y0 + u.height for (k, y0), u in zip(where, units, strict=True)] + tops
               + [head_h])
    return _Module(placed, photos, span, span * st.col_w + (span - 1) * st.gutter, used)


def _page_style(rnd: random.Random, plan: PagePlan, fake_bold: bool | None) -> _Style:
    size = round(rnd.uniform(9.0, 10.0), 1)
    glyphs = rnd.randint(11, 15)
    gutter = round(size * rnd.uniform(1.1, 1.6), 1)
    # pdftotext (default mode) joins lines into blocks only while their baselines are less
    # than 1.5 sizes apart: tight pages come out line after line, loose pages with a blank
    # line after every line. Real papers are set both ways.
    leading = round(size * (rnd.uniform(1.3, 1.46) if rnd.random() < 0.6
                            else rnd.uniform(1.56, 1.7)), 2)
    kai = rnd.random() < 0.6
    bold = rnd.random() < 0.2 or bool(plan.layout.fake_bold)  # the roll is always taken
    return _Style(
        ncols=0,  # chosen by typeset() from the area the stories need
        size=size,
        col_w=glyphs * size,
        gutter=gutter,
        leading=leading,
        head_align=rnd.choice(["center", "left"]),
        kicker_role=rnd.choice(["hei", "song"]),
        kicker_size=float(rnd.randint(14, 16)),
        sub_role=rnd.choice(["kai", "song", "hei"]),
        sub_size=float(rnd.randint(13, 15)),
        byline_role=rnd.choice(["hei", "kai"]) if kai else "hei",
        subhead_size=round(size * rnd.uniform(1.15, 1.35), 1),
        subhead_align=rnd.choice(["center", "left"]),
        caption_role=rnd.choice(["kai", "song", "hei"]),
        caption_size=round(size * rnd.uniform(0.85, 0.95), 1),
        note_role="kai" if kai else "song",
        emit=rnd.choice(["line", "glyph"]),
        fake_bold=bold if fake_bold is None else fake_bold,
        photo_side=rnd.choice(["right", "left"]),
    )


def typeset(plan: PagePlan, fake_bold: bool | None = None) -> Typeset:
    """Lay a page plan out as a one-page PDF; returns the PDF and every drawn line's box.

    Headlines are drawn fake bold (each glyph twice, slightly offset) on the plan's fake-bold
    pages and on a fifth of the others, unless `fake_bold` says otherwise."""
    from reportlab.pdfgen import canvas

    fonts()
    rnd = random.Random(f"typeset/{plan.name}")
    st = _page_style(rnd, plan, fake_bold)
    margin = 36.0
    sep = 1.6 * st.leading  # between modules
    header_size = float(rnd.randint(22, 30))
    header_side = rnd.choice(["left", "right"])
    y = margin + header_size
    rule_y = y + 0.5 * header_size
    body_top = rule_y + 1.2 * st.leading

    # columns: as many as make the page about 1.3-1.6 times as deep as it is wide, from the
    # area the stories take set one column wide; more glyphs a column when six are too few
    aspect = rnd.uniform(1.3, 1.6)
    cache: dict[tuple[int, int], _Module] = {}
    units: list[list[_Unit]] = []

    def module(a: int, span: int) -> _Module:
        key = (a, span)
        if key not in cache:
            cache[key] = _module(plan.printed[a].blocks, units[a], a, span, st,
                                 random.Random(f"typeset/{plan.name}/{a}/{span}"))
        return cache[key]

    while True:
        pitch = st.col_w + st.gutter
        units[:] = [_body_units(p.blocks, a, st) for a, p in enumerate(plan.printed)]
        cache.clear()
        area = sum(module(a, 1).height + sep for a in range(len(plan.printed))) * pitch
        st.ncols = round((area * AREA_FACTOR / aspect) ** 0.5 / pitch)
        if st.ncols <= 6 or st.col_w >= 16 * st.size:
            break
        st.col_w += st.size
    st.ncols = min(6, max(4, st.ncols))
    banner = plan.layout.vertical_banner
    banner_size = float(rnd.randint(26, 34)) if banner else 0.0
    left = margin + (banner_size * 1.6 if banner else 0.0)
    width = left + st.ncols * st.col_w + (st.ncols - 1) * st.gutter + margin

    # the page header: section and number (large), the date (small), a rule under them
    top_furn = [f for f in plan.furniture if f.size == "top"]
    foot_furn = [f for f in plan.furniture if f.size != "top"]
    head_lines: list[tuple[_Line, float]] = []  # line, page x of its box
    for f in top_furn:
        big = f.kind == "page_header"
        sz = header_size if big else st.size
        side = header_side if big else ("right" if header_side == "left" else "left")
        ln = _Line(f.text, 0.0, y - (DESCENT * header_size if big else 0.2 * header_size),
                   "hei" if big else "song", sz, (-1, f.kind, f.index),
                   width - 2 * margin, align=side)
        head_lines.append((ln, margin))

    # modules: every story is tried at every span it can take; it goes where the columns
    # are lowest, at a span that keeps the page near its target depth and wastes little
    # space above shorter columns, chosen at random among the good ones
    depth = body_top + area / pitch / st.ncols * rnd.uniform(1.1, 1.2)
    sky = [body_top] * st.ncols
    modules: list[tuple[int, float, _Module, int]] = []
    for a, p in enumerate(plan.printed):
        lines = sum(u.height for u in units[a]) / st.leading
        most = min(st.ncols, max(1, int(lines // 6)))  # at least ~6 lines a column
        if any(b.kind == "caption" for b in p.blocks):
            most = max(most, min(2, st.ncols))
        cands = []
        for span in range(1, most + 1):
            c0 = min(range(st.ncols - span + 1), key=lambda c, s=span: (max(sky[c:c + s]), c))
            top = max(sky[c0:c0 + span])
            m = module(a, span)
            waste = sum(top - sky[c] for c in range(c0, c0 + span))
            cands.append((top + m.height, waste, span, c0, top, m))
        fit = [c for c in cands if c[0] <= depth + st.leading]
        if fit:
            least = min(c[1] for c in fit)
            pick = rnd.choice([c for c in fit if c[1] <= least + 4 * st.leading])
        else:
            pick = min(cands, key=lambda c: (c[0], c[1]))
        _bottom, _waste, span, c0, top, m = pick
        modules.append((c0, top, m, a))
        for c in range(c0, c0 + span):
            sky[c] = top + m.height + sep
    bottom = max(sky)
    foot_lines = []
    fy = bottom + st.leading
    for f in foot_furn:
        fy += 1.4 * st.size
        foot_lines.append((_Line(f.text, 0.0, fy - 0.3 * st.size, "song", st.size,
                                 (-1, f.kind, f.index), width - 2 * margin), margin))
    height = round(fy + margin, 1)

    # draw
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=1, pageCompression=1)
    c.setTitle(f"{plan.page_meta.get('section') or ''} {plan.page_meta.get('number') or ''}")
    c.setSubject(plan.name)
    c.setCreator("PageDesk test typesetter (tests/corpus/typeset.py)")
    out: list[TLine] = []
    columns = [(left + k * pitch, left + k * pitch + st.col_w) for k in range(st.ncols)]

    def col_of(x: float) -> int:
        for k, (x0, x1) in enumerate(columns):
            if x0 - 0.5 <= x < x1 + st.gutter:
                return k
        return -1

    def draw(ln: _Line, px: float, column: int | None = None) -> None:
        dx, cs = ln.spacing()
        base_y = height - ln.y
        x = px + ln.x + dx
        name = fonts()[ln.role]
        t = c.beginText()
        t.setFont(name, ln.size)
        if st.emit == "line" and not ln.fake_bold:
            t.setCharSpace(cs)
            t.setTextOrigin(x, base_y)
            t.textOut(ln.text)
        else:
            xx = x
            for ch in ln.text:
                t.setTextOrigin(xx, base_y)
                t.textOut(ch)
                if ln.fake_bold:
                    t.setTextOrigin(xx + _bold_offset(ln.size), base_y)
                    t.textOut(ch)
                xx += _width(ch, ln.role, ln.size) + cs
        c.drawText(t)
        x0, x1 = ln.extent()
        box = (round(px + x0, 2), round(base_y - DESCENT * ln.size, 2),
               round(px + x1, 2), round(base_y + ASCENT * ln.size, 2))
        out.append(TLine(ln.text, box, ln.owner, ln.role, ln.size,
                         col_of(px + x0) if column is None else column, ln.fake_bold,
                         ln.vertical))

    c.setFillGray(0)
    for ln, px in head_lines:
        draw(ln, px, -1)
    c.setLineWidth(1.5)
    c.line(margin, height - rule_y, width - margin, height - rule_y)
    if banner:  # a vertical section banner: one glyph per line, in a box at the left edge
        by = body_top
        bx = margin
        for i, ch in enumerate(banner):
            by += banner_size * 1.15
            draw(_Line(ch, 0.0, by - 0.15 * banner_size, "hei", banner_size, (-1, "banner", i),
                       banner_size, vertical=True), bx, -1)
        c.setLineWidth(0.8)
        c.rect(bx - 3, height - (by + 0.3 * banner_size), banner_size + 6,
               by + 0.3 * banner_size - body_top + 3, stroke=1, fill=0)
    regions: list[tuple[Box, int]] = []
    photos: list[tuple[Box, Owner]] = []
    for c0, top, m, a in modules:
        mx = left + c0 * pitch
        for pc, x, y0, pw, ph, owner in m.photos:
            px = mx + pc * pitch + x
            c.setFillGray(0.72)
            c.rect(px, height - (top + y0 + ph), pw, ph, stroke=0, fill=1)
            photos.append(((round(px, 2), round(height - top - y0 - ph, 2), round(px + pw, 2),
                            round(height - top - y0, 2)), owner))
        c.setFillGray(0)
        for k, ln in m.lines:
            ln.y += top
            draw(ln, mx + k * pitch)
        regions.append(((round(mx, 2), round(height - top - m.height, 2),
                         round(mx + m.width, 2), round(height - top, 2)), a))
        c.setLineWidth(0.5)  # a rule under the module
        ry = height - (top + m.height + 0.8 * st.leading)
        c.line(mx, ry, mx + m.width, ry)
    for ln, px in foot_lines:
        draw(ln, px, -1)
    c.showPage()
    c.save()
    settings = {k: v for k, v in vars(st).items()}
    settings.update(banner=banner, header_size=header_size, depth=round(depth, 1),
                    aspect=round(aspect, 2), area=round(area),
                    spans=[(a, c0, m.span) for c0, _t, m, a in modules])
    return Typeset(buf.getvalue(), round(width, 2), height, out, photos, regions, columns,
                   settings)


def main(argv: list[str] | None = None) -> int:
    """python -m tests.corpus.typeset FAMILY HALF SEED OUT.pdf"""
    import sys

    from tests.corpus.generate import plan_page

    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 4:
        print(main.__doc__, file=sys.stderr)
        return 2
    tp = typeset(plan_page(args[0], args[1], int(args[2])))
    Path(args[3]).write_bytes(tp.pdf)
    print(f"{args[3]}: {tp.width:.0f} x {tp.height:.0f} pt, {len(tp.lines)} lines, "
          f"{tp.settings['ncols']} columns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
