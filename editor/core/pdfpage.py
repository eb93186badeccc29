"""Reading PDF pages: printed lines with their size, face, box and column, in reading order.

A newspaper page PDF states what a text extractor throws away: how big each line is printed,
in which face, where it sits. This module reads it with PDFium (pypdfium2, Apache-2.0/BSD:
it lists every character with its box in a fraction of a second) and turns each page into
printed lines:

1. **Characters.** Every character with its baseline origin, size and font name; a glyph
   drawn twice at a small offset (fake bold) is kept once.
2. **Lines.** Characters on one baseline form a line; a line never crosses a column gutter
   (a vertical strip no body-size character touches). A column of single glyphs stacked one
   under another (a vertical banner) is one line.
3. **Reading order.** The page is cut recursively (XY cut) at gutters and at gaps between
   regions; where several cuts apply, the reading in which the text flows best over column
   breaks wins. Each leaf is a block of lines; blocks are separated by a blank line in the
   text.
4. **Text.** Each line as printed; a body line set in by about two glyphs from its column's
   left edge (a paragraph's first line) starts with two ideographic spaces, the way a good
   extractor writes an indent.

The raw text of a PDF page is exactly these lines, so the importer, the raw view and the
lossless invariant work on it unchanged; the layout facts (size, face, box, column) travel
with the page as `PrintedLine`s, one per non-blank raw line. No Qt here.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from . import conventions as cv
from .reader import InputError

INDENT = "\u3000\u3000"
PICTURE_SCALE = 2.0  # pixels per point for the page picture: sharp at 200% zoom
MAX_PDF_BYTES = 256 * 1024 * 1024

# Font names to face classes: what a Chinese page's typefaces say about a line's role.
_FACES = (
    ("kai", re.compile(r"kai|楷|fzkt|simkai", re.I)),
    ("hei", re.compile(r"hei|黑|gothic|sans|fzht|fzdh|fzzh", re.I)),
    ("fang", re.compile(r"fang|仿|fzfs", re.I)),
    ("song", re.compile(r"song|ming|宋|serif|simsun|fzbs|fzss|fzsy", re.I)),
)


def face_class(font_name: str) -> str:
    """`song`, `hei`, `kai`, `fang` or `other` from a PDF font name (subset prefix ignored)."""
    name = font_name.split("+", 1)[-1]
    for face, pat in _FACES:
        if pat.search(name):
            return face
    return "other"


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    y: float  # baseline (origin), PDF points, y up
    top: float
    size: float
    font: str
    space_before: bool = False  # the PDF draws a space between this glyph and the last


@dataclass
class PrintedLine:
    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 (PDF points, y up)
    size: float  # font size in points (the largest on the line)
    face: str  # song / hei / kai / fang / other
    column: int  # index of the column its left edge sits in (-1: none)
    vertical: bool = False
    indent: bool = False  # a body line set in from its column's left edge
    picture: bool = False  # printed against a picture, unlike running text: its caption

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "box": [round(v, 1) for v in self.box],
            "size": round(self.size, 1),
            "face": self.face,
            "column": self.column,
            "vertical": self.vertical,
            "indent": self.indent,
            **({"picture": True} if self.picture else {}),
        }


@dataclass
class PdfPage:
    number: int  # 1-based page number in the file
    width: float
    height: float
    lines: list[PrintedLine]  # in reading order
    blocks: list[int] = field(default_factory=list)  # index of each block's first line
    body_size: float = 0.0
    columns: list[tuple[float, float]] = field(default_factory=list)

    def layout(self) -> dict[int, PrintedLine]:
        """Raw line number (1-based) of `text()` to its printed line: the lines in reading
        order, a blank line before each block but the first."""
        out: dict[int, PrintedLine] = {}
        n = 0
        starts = set(self.blocks)
        for i, ln in enumerate(self.lines):
            if i in starts and n:
                n += 1
            n += 1
            out[n] = ln
        return out

    def text(self) -> str:
        """The raw page text: each line where `layout()` numbers it, an indent written as
        two ideographic spaces."""
        numbered = self.layout()
        rows = [""] * max(numbered, default=0)
        for n, ln in numbered.items():
            rows[n - 1] = (INDENT if ln.indent else "") + ln.text
        return "\n".join(rows) + "\n"


@dataclass
class PdfFile:
    pages: list[PdfPage]
    sha256: str
    title: str | None = None
    page_count: int = 0


def is_pdf(path: str | os.PathLike[str]) -> bool:
    """Does the file start like a PDF (`%PDF-` within its first kilobyte)?"""
    try:
        with open(path, "rb") as f:
            return b"%PDF-" in f.read(1024)
    except OSError:
        return False


def parse_page_range(spec: str | None, count: int) -> list[int]:
    """`3`, `3-5`, `1,4-6`, `7-` (to the end) to 1-based page numbers; None gives them all."""
    if not spec:
        return list(range(1, count + 1))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d+)?\s*(-)?\s*(\d+)?", part)
        if not part or not m or not (m.group(1) or m.group(3)):
            raise InputError("bad-pages", f"not a page range: {spec!r}")
        a = int(m.group(1) or 1)
        b = int(m.group(3) or (count if m.group(2) else a))
        if not m.group(2):
            b = a
        if a < 1 or b < a:
            raise InputError("bad-pages", f"not a page range: {spec!r}")
        out += [n for n in range(a, b + 1) if n <= count and n not in out]
    if not out:
        raise InputError("bad-pages", f"the file has {count} page(s); {spec!r} names none of them")
    return out


def read_pdf(path: str | os.PathLike[str], pages: str | None = None) -> PdfFile:
    """Read the chosen pages of a PDF file. Raises InputError with a clear message."""
    try:
        import pypdfium2 as pdfium
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise InputError("no-pdf-reader", f"PDF support needs pypdfium2: {e}") from e
    try:
        if os.path.getsize(path) > MAX_PDF_BYTES:  # refused before it is read
            raise InputError("too-large", f"PDF larger than {MAX_PDF_BYTES // (1024 * 1024)} MB")
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError("unreadable", f"cannot read {os.fspath(path)}: {e.strerror or e}") from e
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise InputError("bad-pdf", f"not a readable PDF ({e})") from e
    try:
        count = len(doc)
        if count == 0:
            raise InputError("bad-pdf", "the PDF has no pages")
        chosen = parse_page_range(pages, count)
        title = None
        try:
            title = (doc.get_metadata_dict().get("Title") or "").strip() or None
        except Exception:  # noqa: BLE001 - metadata is optional
            title = None
        out = []
        for n in chosen:
            page = doc[n - 1]
            try:
                w, h = page.get_size()
                chars = _chars(page)
                pictures = _pictures(page)
            finally:
                page.close()
            out.append(layout_page(chars, n, w, h, pictures))
    finally:
        doc.close()
    if not any(p.lines for p in out):
        raise InputError(
            "no-text-layer",
            "the PDF has no text layer (a scanned page?); optical recognition is not built in",
        )
    return PdfFile(pages=out, sha256=hashlib.sha256(data).hexdigest(), title=title,
                   page_count=count)


@dataclass
class Picture:
    """A rendered page: `data` holds `height` rows of `stride` bytes, 4 bytes a pixel in
    R, G, B, X order; `scale` pixels per PDF point."""

    width: int
    height: int
    stride: int
    data: bytes
    scale: float


def render_page(path: str | os.PathLike[str], number: int, scale: float = PICTURE_SCALE
                ) -> Picture:
    """Render one page (1-based) of a PDF file. Raises InputError when it cannot."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(os.fspath(path))
    except (pdfium.PdfiumError, OSError) as e:
        raise InputError("bad-pdf", f"cannot open {os.fspath(path)}: {e}") from e
    try:
        if not 1 <= number <= len(doc):
            raise InputError("bad-pages", f"the file has no page {number}")
        page = doc[number - 1]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                out = Picture(bitmap.width, bitmap.height, bitmap.stride,
                              bytes(bitmap.buffer), scale)
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
    return out


def _chars(page) -> list[Char]:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        buf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        x, y = ctypes.c_double(), ctypes.c_double()
        l_, r_, b_, t_ = (ctypes.c_double() for _ in range(4))
        out: list[Char] = []
        last_font = ""  # a glyph without font information keeps the one before it
        space = False
        for i in range(n):
            code = raw.FPDFText_GetUnicode(tp.raw, i)
            if raw.FPDFText_IsGenerated(tp.raw, i):
                # PDFium writes a space where the gap between two glyphs is a word gap
                space = space or code == 32
                continue
            if code < 32 or code in (0xFFFE, 0xFFFF):
                continue
            ch = chr(code)
            if ch.isspace():
                space = True
                continue
            raw.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(x), ctypes.byref(y))
            raw.FPDFText_GetCharBox(tp.raw, i, ctypes.byref(l_), ctypes.byref(r_),
                                    ctypes.byref(b_), ctypes.byref(t_))
            size = raw.FPDFText_GetFontSize(tp.raw, i)
            got = raw.FPDFText_GetFontInfo(tp.raw, i, buf, 256, ctypes.byref(flags))
            font = last_font = buf.value.decode("utf-8", "replace") if got else last_font
            if size <= 0:
                size = max(1.0, t_.value - b_.value)
            x0 = min(x.value, l_.value)
            # The advance: a glyph box is the ink; a CJK glyph fills about one em.
            x1 = max(r_.value, x.value + (size if ord(ch) > 0x2E7F else (r_.value - l_.value)))
            out.append(Char(ch, x0, x1, y.value, max(t_.value, y.value + 0.8 * size), size, font,
                            space))
            space = False
        return out
    finally:
        tp.close()


def _pictures(page) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, y0, x1, y1) of what the page prints besides text: images and drawn shapes
    (a picture's frame or tint, a rule). Which of them are pictures is decided with the
    text (`_picture_boxes`)."""
    import pypdfium2.raw as raw

    out = []
    for obj in page.get_objects(max_depth=2):
        if obj.type in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH):
            left, bottom, right, top = obj.get_bounds()
            out.append((left, bottom, right, top))
    return out


# -- layout ------------------------------------------------------------------------------------


def _picture_boxes(shapes, chars: list[Char], body: float
                   ) -> list[tuple[float, float, float, float]]:
    """The shapes that fill space in the reading order: pictures (at least PICTURE_SIDE body
    glyphs tall and wide) and rules across (a line at least RULE_GLYPHS glyphs long, thinner
    than half a glyph), with no glyph inside (a frame around a story's text is neither; a
    rule down a gutter is left out: the gutter parts the columns already)."""
    side = cv.PICTURE_SIDE * body
    out = []
    for box in shapes:
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        rule = h < 0.5 * body and w >= cv.RULE_GLYPHS * body
        if (w < side or h < side) and not rule:
            continue
        if any(x0 < (c.x0 + c.x1) / 2 < x1 and y0 < c.y < y1 for c in chars):
            continue
        out.append(box)
    return out


def _dedupe(chars: list[Char]) -> list[Char]:
    """Fake bold: the same glyph drawn again within a small offset is kept once."""
    kept: list[Char] = []
    seen: dict[str, list[Char]] = {}
    for c in chars:
        near = seen.setdefault(c.text, [])
        tol = 0.25 * c.size
        if any(abs(o.x0 - c.x0) <= tol and abs(o.y - c.y) <= tol and abs(o.size - c.size) < 0.5
               for o in near[-8:]):
            continue
        near.append(c)
        kept.append(c)
    return kept


def _body_sized(size: float, body: float) -> bool:
    """Printed at the page's body size (within 15%: a squeezed or slightly larger body face)."""
    return abs(size - body) <= 0.15 * body


def _body_size(chars: list[Char]) -> float:
    sizes = Counter(round(c.size, 1) for c in chars)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _gutters(chars: list[Char], body: float) -> list[tuple[float, float]]:
    """Vertical strips no body-size character touches, with columns of text on either side
    (lines on several baselines: a word space at the end of one wide line is no gutter)."""
    spans = sorted((c.x0, c.x1, round(c.y)) for c in chars if _body_sized(c.size, body))
    if not spans:
        return []
    gaps: list[tuple[float, float, int]] = []
    reach = spans[0][1]
    for k, (a, b, _y) in enumerate(spans[1:], 1):
        if a > reach + 0.5 * body:
            gaps.append((reach, a, k))
        reach = max(reach, b)
    bounds = [0] + [k for _a, _b, k in gaps] + [len(spans)]
    rows = [len({y for _a, _b, y in spans[i:j]}) for i, j in zip(bounds, bounds[1:], strict=False)]
    return [(a, b) for n, (a, b, _k) in enumerate(gaps)
            if rows[n] >= cv.GUTTER_ROWS and rows[n + 1] >= cv.GUTTER_ROWS]


def _columns(gutters: list[tuple[float, float]], left: float, right: float
             ) -> list[tuple[float, float]]:
    edges = [left] + [v for g in gutters for v in g] + [right]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


@dataclass
class _Run:
    chars: list[Char]

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def y(self) -> float:
        return self.chars[0].y


def _lines(chars: list[Char], gutters: list[tuple[float, float]]) -> list[_Run]:
    """Characters in drawing order, one run while they go on along one baseline: a typesetter
    draws a printed line as one piece, so a jump back, down, across a gap wider than a glyph
    and a half, over a gutter of the page (a strip no body text touches: a producer that
    draws row by row across columns) or to another size ends the line."""
    runs: list[_Run] = []
    cur: list[Char] = []
    for c in chars:
        if cur:
            prev = cur[-1]
            size = max(c.size, prev.size)
            gap = c.x0 - prev.x1
            if (
                abs(c.y - prev.y) > 0.3 * min(c.size, prev.size)
                or gap < -0.5 * size
                or gap > 1.5 * size
                or size > 1.3 * min(c.size, prev.size)
                or gap > 0.3 * size
                and any(prev.x1 <= g0 + 0.5 and c.x0 >= g1 - 0.5 for g0, g1 in gutters)
            ):
                runs.append(_Run(cur))
                cur = []
        cur.append(c)
    if cur:
        runs.append(_Run(cur))
    return _merge_runs(runs)


def _merge_runs(runs: list[_Run]) -> list[_Run]:
    """Pieces of one printed line drawn apart (a producer that draws a line in several
    pieces): on one baseline, in one size, touching."""
    out: list[_Run] = []
    for r in sorted(runs, key=lambda r: (-round(r.y, 1), r.x0)):
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last.y - r.y) <= 0.1 * r.size
            and abs(last.size - r.size) < 0.5
            and -0.3 * r.size <= r.x0 - last.x1 <= 0.3 * r.size
        ):
            last.chars.extend(r.chars)
        else:
            out.append(_Run(list(r.chars)))
    return out


def _text(run: _Run) -> str:
    """The run's characters, a space where the gap between two is a glyph wide or more."""
    out = run.chars[0].text
    for a, b in zip(run.chars, run.chars[1:], strict=False):
        if b.space_before or b.x0 - a.x1 >= 1.2 * min(a.size, b.size):
            out += " "
        out += b.text
    return out


def _verticals(runs: list[_Run], body: float) -> tuple[list[_Run], list[list[_Run]]]:
    """Single glyphs stacked one under another (a vertical banner) as one vertical run:
    three or more, or two printed well above the body size."""
    singles = sorted((r for r in runs if len(r.chars) == 1), key=lambda r: (r.x0, -r.y))
    used: set[int] = set()
    stacks: list[list[_Run]] = []
    for r in singles:
        if id(r) in used:
            continue
        stack = [r]
        for o in singles:
            if id(o) in used or o is r or o.y >= stack[-1].y:
                continue
            last = stack[-1]
            if (abs(o.x0 - last.x0) <= 0.3 * last.size and abs(o.size - last.size) < 0.5
                    and last.y - o.y <= 1.8 * last.size):
                stack.append(o)
        if len(stack) >= 3 or len(stack) == 2 and r.size >= 1.5 * body:
            stacks.append(stack)
            used |= {id(s) for s in stack}
    return [r for r in runs if id(r) not in used], stacks


def _vertical_cuts(items: list[PrintedLine], body: float) -> list[float]:
    """x positions no line crosses, with lines on both sides (gutters), left to right."""
    spans = sorted((ln.box[0], ln.box[2]) for ln in items)
    reach = spans[0][1]
    out = []
    for a, b in spans[1:]:
        if a > reach + 0.3 * body:
            out.append((reach + a) / 2)
        reach = max(reach, b)
    return out


def _vertical_cut(items: list[PrintedLine], body: float, cuts: list[float] | None = None
                  ) -> float | None:
    """The leftmost gutter with a story's head at the top of the column right of it: one
    that parts stories (a gutter inside a story whose head spans fewer columns than its text
    would part the story's last columns from their head)."""
    if cuts is None:
        cuts = _vertical_cuts(items, body)
    widths = sorted(ln.box[2] - ln.box[0] for ln in items if _body_sized(ln.size, body))
    column = widths[len(widths) * 3 // 4] if widths else 10 * body
    for x in cuts:
        # the column right of the gutter: what stands at its top
        beside = [ln for ln in items if ln.box[0] >= x and ln.box[0] < x + column]
        top = max(beside, key=lambda ln: ln.box[3], default=None)
        if top is not None and top.size >= cv.TITLE_SIZE * body:
            return x
    return None


def _side_by_side(items: list[PrintedLine]) -> bool:
    """Do two lines stand beside each other (overlapping heights, apart in x)?"""
    ordered = sorted(items, key=lambda ln: -ln.box[3])
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.box[3] > a.box[1] and (b.box[0] >= a.box[2] or b.box[2] <= a.box[0]):
            return True
    return False


def _settled(items: list[PrintedLine], body: float) -> bool:
    """A part the cut can go on with: one column read top down, or one a gutter divides."""
    return not _side_by_side(items) or _vertical_cut(items, body) is not None


def _split_at(items: list[PrintedLine], x: float, body: float, memo: dict
              ) -> list[list[PrintedLine]]:
    left = [ln for ln in items if ln.box[2] <= x]
    right = [ln for ln in items if ln.box[0] >= x]
    return _xy_order(left, body, memo) + _xy_order(right, body, memo)


def _cut_at(ordered: list[PrintedLine], i: int, body: float, memo: dict
            ) -> list[list[PrintedLine]]:
    return _xy_order(ordered[:i], body, memo) + _xy_order(ordered[i:], body, memo)


def _around_widest(ordered: list[PrintedLine], gaps: list[tuple[float, int]], body: float,
                   memo: dict) -> list[list[PrintedLine]]:
    """Columns side by side that no single cut frees: a line set across them (a caption
    under a picture) is cut off above and below, and each part goes on being cut."""
    k = max(range(len(ordered)), key=lambda i: ordered[i].box[2] - ordered[i].box[0])
    above = max((i for _g, i in gaps if i <= k), default=0)
    below = min((i for _g, i in gaps if i > k), default=len(ordered))
    if above == 0 and below == len(ordered):
        return [ordered]
    parts = [ordered[:above], ordered[above:below], ordered[below:]]
    return [b for part in parts if part for b in _xy_order(part, body, memo)]


_FINAL = "。！？…!?”’」』）)"


def _ends_open(block: list[PrintedLine], body: float) -> bool:
    """A column chunk whose last line runs to the column's edge without ending a sentence:
    its text goes on at the top of another chunk."""
    if len(block) < 2 or not _body_sized(block[-1].size, body):
        return False
    right = max(ln.box[2] for ln in block)
    return block[-1].box[2] >= right - 0.6 * body and block[-1].text[-1:] not in _FINAL


def _goes_on(block: list[PrintedLine], body: float) -> bool:
    """A column chunk that opens inside a paragraph: a body line, not set in."""
    if len(block) < 2 or not _body_sized(block[0].size, body):
        return False
    return abs(block[0].box[0] - block[1].box[0]) < 0.6 * body


def _heads_off(a: list[PrintedLine], b: list[PrintedLine], body: float) -> bool:
    """A chunk ending in a head (title-size lines) followed by one not printed under it:
    the head is read apart from its text."""
    if a[-1].size < cv.TITLE_SIZE * body:
        return False
    heads = [ln for ln in a if ln.size >= cv.TITLE_SIZE * body]
    x0, x1 = min(ln.box[0] for ln in heads), max(ln.box[2] for ln in heads)
    bottom = min(ln.box[1] for ln in heads)
    top = b[0]
    return not (top.box[3] <= bottom + 0.5 * body and top.box[0] < x1 and top.box[2] > x0)


def _one_head(above: PrintedLine, below: PrintedLine, body: float) -> bool:
    """Two title-size lines printed one right over the other (overlapping widths, the gap
    between them less than the larger one's height): one head's stack, never parted."""
    big = cv.TITLE_SIZE * body
    if above.size < big or below.size < big:
        return False
    gap = above.box[1] - below.box[3]
    tall = max(above.box[3] - above.box[1], below.box[3] - below.box[1])
    return below.box[0] < above.box[2] and above.box[0] < below.box[2] and gap <= tall


def _captions(lines: list[PrintedLine], pictures: list[tuple[float, float, float, float]],
              body: float, body_face: str) -> None:
    """Mark the lines printed against a picture, unlike running text (another face or size,
    smaller than a title): a block of them right under or over the picture within its
    width, or beside it ending level with its foot, is its caption."""
    near = cv.CAPTION_NEAR * body

    def unlike_body(ln: PrintedLine) -> bool:
        if ln.vertical or ln.size >= cv.TITLE_SIZE * body:
            return False
        return not _body_sized(ln.size, body) or ln.face != body_face

    blocks: list[list[PrintedLine]] = []
    for ln in sorted((ln for ln in lines if unlike_body(ln)), key=lambda ln: -ln.box[3]):
        for b in blocks:
            last = b[-1]
            if (abs(last.size - ln.size) < 0.1 and last.face == ln.face
                    and ln.box[0] < last.box[2] and last.box[0] < ln.box[2]
                    and 0 <= last.box[1] - ln.box[3] <= 0.8 * ln.size):
                b.append(ln)
                break
        else:
            blocks.append([ln])
    for b in blocks:
        x0, x1 = min(ln.box[0] for ln in b), max(ln.box[2] for ln in b)
        top, foot = b[0].box[3], b[-1].box[1]
        for px0, py0, px1, py1 in pictures:
            within = x0 >= px0 - 0.5 * body and x1 <= px1 + 0.5 * body
            under = within and 0 <= py0 - top <= near
            over = within and 0 <= foot - py1 <= near
            beside = (0 <= x0 - px1 <= near or 0 <= px0 - x1 <= near) and (
                abs(foot - py0) <= near and top <= py1)
            if under or over or beside:
                for ln in b:
                    ln.picture = True
                break


def _flow(blocks: list[list[PrintedLine]], body: float) -> float:
    """How well an order of chunks lets the text flow: a chunk left open followed by one
    that goes on scores, either without the other costs; a head followed by anything but the
    text under it costs more."""
    score = 0.0
    for a, b in zip(blocks, blocks[1:], strict=False):
        opened, goes = _ends_open(a, body), _goes_on(b, body)
        if _heads_off(a, b, body):
            score -= cv.HEAD_APART
        if opened and goes:
            score += 1
        elif opened or goes:
            score -= 1
    return score


def _xy_order(items: list[PrintedLine], body: float, memo: dict | None = None
              ) -> list[list[PrintedLine]]:
    """Recursive XY cut: blocks of lines in reading order.

    The cuts a page allows are tried in the order newspapers are read: a gutter with a
    story's head at the top of the column right of it (stories side by side); a gap across
    the region clearly wider than the line spacing (stories one under another); the
    leftmost gutter (a story's columns). Where more than one applies, the reading in which
    the text flows best over column breaks wins (`_flow`), the earlier on a tie. Where a
    line set across columns bridges every gutter and no gap parts regions, the cut goes at
    the gap that frees a gutter on both sides (under a headline set across its columns).

    Pictures and rules (items without text) fill their space in the cut and stay in the
    blocks: text does not flow across a picture."""
    if len(items) <= 1:
        return [items] if items else []
    if memo is None:
        memo = {}
    key = frozenset(id(ln) for ln in items)
    if key not in memo:
        memo[key] = _xy_cut(items, body, memo)
    return memo[key]


def _xy_cut(items: list[PrintedLine], body: float, memo: dict) -> list[list[PrintedLine]]:
    options: list = []
    cuts = _vertical_cuts(items, body)
    good = _vertical_cut(items, body, cuts)
    if good is not None:
        options.append(("x", good))
    ordered = sorted(items, key=lambda ln: -ln.box[3])
    gaps: list[tuple[float, int]] = []
    low, lowest = ordered[0].box[1], ordered[0]
    heads: set[int] = set()  # gaps inside a head stack (a kicker over its headline)
    for i in range(1, len(ordered)):
        top = ordered[i].box[3]
        if top < low:
            gaps.append((low - top, i))
            if _one_head(lowest, ordered[i], body):
                heads.add(i)
        if ordered[i].box[1] < low:
            low, lowest = ordered[i].box[1], ordered[i]
    clear: list[tuple[float, int]] = []
    if gaps:
        spacing = sorted(g for g, _ in gaps)[len(gaps) // 2]
        x0, x1 = min(ln.box[0] for ln in items), max(ln.box[2] for ln in items)

        def across(i: int, g: float) -> bool:
            # what stands below a region's gap spans the region, or the gap is a margin (a
            # subhead's space in one column parts no regions)
            below = ordered[i:]
            span = max(ln.box[2] for ln in below) - min(ln.box[0] for ln in below)
            return span >= 0.5 * (x1 - x0) or g >= 3 * spacing

        clear = [(g, i) for g, i in gaps
                 if g > max(1.6 * spacing, spacing + 0.5 * body) and across(i, g)
                 and i not in heads]
    if clear:
        widest = max(g for g, _ in clear)
        options.append(("y", next(i for g, i in clear if g == widest)))
    if cuts and ("x", cuts[0]) not in options:
        options.append(("x", cuts[0]))
    if not options:
        if not gaps or not _side_by_side(ordered):
            return [ordered]  # one column, read top down
        freeing = [(g, i) for g, i in gaps
                   if _settled(ordered[:i], body) and _settled(ordered[i:], body)]
        if not freeing:
            return _around_widest(ordered, gaps, body, memo)
        best = max(g for g, _ in freeing)
        return _cut_at(ordered, next(i for g, i in freeing if g >= best - 0.05 * body), body,
                       memo)
    readings = [
        _split_at(items, v, body, memo) if kind == "x" else _cut_at(ordered, v, body, memo)
        for kind, v in options
    ]
    if len(readings) == 1:
        return readings[0]
    scores = [_flow(r, body) for r in readings]
    return readings[scores.index(max(scores))]


def _indents(block: list[PrintedLine], body: float, columns: list[tuple[float, float]]) -> None:
    """Mark body lines set in by about two glyphs from the block's left edge (or, in a block
    too small to show its edge, from its column's): a paragraph's first line."""
    rows = [ln for ln in block if _body_sized(ln.size, body) and not ln.vertical]
    if not rows:
        return
    edges = Counter(round(ln.box[0]) for ln in rows)
    edge, seen = edges.most_common(1)[0]
    left = min(ln.box[0] for ln in rows)
    if seen < 2 or left < edge - 0.5 * body:
        col = rows[0].column
        edge = columns[col][0] if 0 <= col < len(columns) else left
    for ln in rows:
        ln.indent = 1.4 * body <= ln.box[0] - edge <= 2.6 * body


def layout_page(chars: list[Char], number: int, width: float, height: float,
                shapes: list[tuple[float, float, float, float]] = ()) -> PdfPage:
    """Printed lines in reading order from one page's characters. `shapes`: the boxes of
    images and drawn shapes; the pictures among them take part in the cut as the space they
    fill (a cut never runs through a picture) and are left out of the lines."""
    chars = _dedupe(chars)
    if not chars:
        return PdfPage(number, width, height, [])
    body = _body_size(chars)
    gutters = _gutters(chars, body)
    body_chars = [c for c in chars if _body_sized(c.size, body)]
    left = min(c.x0 for c in body_chars)
    right = max(c.x1 for c in body_chars)
    columns = _columns(gutters, left, right)
    runs, stacks = _verticals(_lines(chars, gutters), body)
    lines: list[PrintedLine] = []
    for r in runs:
        face = Counter(face_class(c.font) for c in r.chars).most_common(1)[0][0]
        col = next((i for i, (a, b) in enumerate(columns) if a - 0.5 * body <= r.x0 < b), -1)
        top = max(c.top for c in r.chars)
        bottom = min(c.y for c in r.chars) - 0.12 * r.size
        lines.append(PrintedLine(_text(r), (r.x0, bottom, r.x1, top), r.size, face, col))
    for s in stacks:
        cs = [r.chars[0] for r in s]
        face = Counter(face_class(c.font) for c in cs).most_common(1)[0][0]
        box = (min(c.x0 for c in cs), min(c.y for c in cs), max(c.x1 for c in cs),
               max(c.top for c in cs))
        lines.append(PrintedLine("".join(c.text for c in cs), box, max(c.size for c in cs),
                                 face, -1, vertical=True))
    boxes = _picture_boxes(shapes, chars, body)
    pictures = [PrintedLine("", box, 0.0, "", -1) for box in boxes]
    body_face = Counter(face_class(c.font) for c in body_chars).most_common(1)[0][0]
    _captions(lines, [b for b in boxes if b[3] - b[1] >= cv.PICTURE_SIDE * body], body,
              body_face)
    texts = ([ln for ln in b if ln.text] for b in _xy_order(lines + pictures, body))
    blocks = [b for b in texts if b]
    ordered: list[PrintedLine] = []
    starts: list[int] = []
    for b in blocks:
        _indents(b, body, columns)
        starts.append(len(ordered))
        ordered += b
    return PdfPage(number, width, height, ordered, starts, body, columns)
