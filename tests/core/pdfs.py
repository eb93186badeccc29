"""Small PDF pages for the PDF reader's tests, drawn with reportlab and the typesetter's CJK
TrueType fonts. Our own sentences; every glyph placed where the test says.

Without reportlab or a CJK TrueType font the tests that need them skip, except under CI,
where they fail (tests/run.sh installs both)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

import pytest


def need_pdf_tools():
    """The typesetter module with its fonts registered, or skip (fail under CI)."""
    why = None
    try:
        from tests.corpus import typeset
    except ImportError as e:  # reportlab missing
        why = f"cannot import the typesetter: {e}"
    else:
        if not typeset.fonts_available():
            why = f"no CJK TrueType font (apt-get install {typeset.FONT_DEBS})"
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (required when CI is set; tests/run.sh installs it)")
        pytest.skip(why)
    return typeset


@dataclass
class Text:
    text: str
    x: float  # left edge, points
    y: float  # baseline, points (origin bottom-left)
    size: float = 10.0
    face: str = "song"  # song / hei / kai
    bold: bool = False  # fake bold: drawn twice, the second time a little to the right
    spacing: float | None = None  # glyph advance in points (default: the size)


def column(lines: list[str], x: float, top: float, size: float = 10.0, leading: float = 15.0,
           indent_first: tuple[int, ...] = ()) -> list[Text]:
    """Lines of one column, one under another; `indent_first`: lines set in by two glyphs."""
    return [Text(t, x + (2 * size if i in indent_first else 0), top - i * leading, size)
            for i, t in enumerate(lines)]


def make_pdf(pages: list[list[Text]], width: float = 600, height: float = 800,
             boxes: list[tuple[float, float, float, float]] = (), title: str | None = None
             ) -> bytes:
    """A PDF whose pages hold these texts (each glyph placed on its own, as typesetting
    systems do) and grey boxes (x, y, w, h) on the first page; `title` in its metadata."""
    ts = need_pdf_tools()
    from reportlab.pdfgen import canvas

    fonts = ts.fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=1)
    if title:
        c.setTitle(title)
    for n, texts in enumerate(pages):
        if n == 0:
            for x, y, w, h in boxes:
                c.setFillGray(0.8)
                c.rect(x, y, w, h, stroke=0, fill=1)
                c.setFillGray(0)
        for t in texts:
            step = t.spacing or t.size
            for dx in ((0.0, 0.3) if t.bold else (0.0,)):
                c.setFont(fonts[t.face], t.size)
                for i, ch in enumerate(t.text):
                    c.drawString(t.x + dx + i * step, t.y, ch)
        c.showPage()
    c.save()
    return buf.getvalue()


def vertical(text: str, x: float, top: float, size: float = 20.0, face: str = "hei"
             ) -> list[Text]:
    """A vertical run: one glyph under another."""
    return [Text(ch, x, top - i * size * 1.1, size, face) for i, ch in enumerate(text)]
