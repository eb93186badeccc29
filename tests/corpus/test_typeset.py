"""The typesetter makes a real one-page PDF whose text comes back out of pdftotext, and its
line boxes (the gold a PDF reader will be measured on) lie on the page without overlapping.

Needs reportlab, a CJK TrueType font (fonts-arphic-uming) and pdftotext (poppler-utils);
tests/run.sh installs them. Without them the tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.corpus.generate import plan_page


def _need(ok: bool, why: str) -> None:
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (required when CI is set; tests/run.sh installs it)")
        pytest.skip(why)


@pytest.fixture(scope="module")
def ts():
    try:
        from tests.corpus import typeset
    except ImportError as e:  # reportlab missing
        _need(False, f"cannot import the typesetter: {e}")
    _need(typeset.fonts_available(), "no CJK TrueType font (apt-get install "
          f"{typeset.FONT_DEBS})")
    return typeset


@pytest.fixture(scope="module")
def pdftotext():
    _need(shutil.which("pdftotext") is not None, "pdftotext missing (poppler-utils)")
    return _pdftotext


def _pdftotext(pdf: bytes, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, "-", "-"], input=pdf, capture_output=True,
                         check=True, timeout=30)
    return out.stdout.decode("utf-8")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


PLAN = ("subheadlines", "tune", 3)  # a page with kickers, subheadlines and subheads


def test_typeset_page_round_trips_through_pdftotext(ts, pdftotext):
    plan = plan_page(*PLAN)
    tp = ts.typeset(plan, fake_bold=False)
    assert tp.pdf.startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", "-"], input=tp.pdf, capture_output=True, timeout=30)
    if info.returncode == 0:  # pdfinfo comes with pdftotext
        assert re.search(rb"^Pages:\s+1$", info.stdout, re.M)
    # -raw keeps the content stream's order (the typesetter draws story by story, column by
    # column); the default mode reads side-by-side columns and heads in geometric order.
    text = _squash(pdftotext(tp.pdf, "-raw"))
    gold = plan.gold()
    missing = []
    for art in gold["articles"]:
        wanted = [art["headline"]] + [el["text"] for el in art["body"]]
        wanted += [art[k] for k in ("kicker", "subheadline") if art.get(k)]
        missing += [w for w in wanted if _squash(w) not in text]
    assert missing == []
    heads = {ln.owner[1] for ln in tp.lines}
    assert {"headline", "paragraph", "page_header"} <= heads


def test_line_boxes_lie_on_the_page_and_do_not_overlap(ts):
    tp = ts.typeset(plan_page(*PLAN))
    assert tp.lines
    for ln in tp.lines:
        x0, y0, x1, y1 = ln.box
        assert 0 <= x0 < x1 <= tp.width and 0 <= y0 < y1 <= tp.height, ln
    boxes = sorted((ln.box, ln.text) for ln in tp.lines)
    overlaps = []
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1:]:
            if b[0] >= a[2]:
                break  # sorted by x0: nothing further right can overlap a
            if b[1] < a[3] and a[1] < b[3]:
                overlaps.append((ta, tb))
    assert overlaps == []
    # every line of a story lies inside its module; photos too
    regions = dict((a, box) for box, a in tp.regions)
    for ln in tp.lines:
        if ln.owner[0] >= 0:
            r = regions[ln.owner[0]]
            assert r[0] - 0.5 <= ln.box[0] and ln.box[2] <= r[2] + 0.5, ln
            assert r[1] - 0.5 <= ln.box[1] and ln.box[3] <= r[3] + 0.5, ln


def test_fake_bold_headlines_are_drawn_twice(ts, pdftotext):
    plan = plan_page(*PLAN)
    tp = ts.typeset(plan, fake_bold=True)
    bold = [ln for ln in tp.lines if ln.fake_bold]
    assert bold and all(ln.owner[1] == "headline" for ln in bold)
    # pdftotext's default mode drops a glyph drawn over itself; -raw keeps both copies
    assert _squash(bold[0].text) in _squash(pdftotext(tp.pdf))
    raw = _squash(pdftotext(tp.pdf, "-raw"))
    assert "".join(c + c for c in _squash(bold[0].text)) in raw
