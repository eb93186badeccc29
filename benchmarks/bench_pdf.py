"""Benchmark: a PDF page to a proposal, beside PDFium's bare character listing of the same page.

    .venv/bin/python benchmarks/bench_pdf.py [--pages 15] [--runs 3] [--json OUT]

Pages are generated and typeset as in `benchmarks/real_extractors.py` (our own articles,
4-6 columns, ~4,000-9,000 characters a page). For each page, in one process, best of
`--runs` (wall time, ms):

- list:    the peer — PDFium opens the file and lists every character with its box, size
           and font (the same calls `editor.core.pdfpage` makes), nothing else;
- read:    `read_pdf`: the characters as printed lines in reading order;
- propose: `import_file`: read plus segmentation — what `pagedesk segment page.pdf` and the
           window do;
- render:  the page picture's first render (`render_page` at the window's scale), cold.

The table gives medians over the pages and the ratios propose/list and read/list, which
the machine's noise affects less than the times (both run in the same process, one after
the other, page by page). Results go to `benchmarks/results/pdf.json`.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.importer import import_file  # noqa: E402
from editor.core.pdfpage import PICTURE_SCALE, read_pdf, render_page  # noqa: E402


def list_chars(path: Path) -> int:
    """The peer: every character's code, box, size and font name, and no more."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    n_all = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            buf = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            x, y = ctypes.c_double(), ctypes.c_double()
            b = [ctypes.c_double() for _ in range(4)]
            n = tp.count_chars()
            for k in range(n):
                raw.FPDFText_GetUnicode(tp.raw, k)
                raw.FPDFText_GetCharOrigin(tp.raw, k, ctypes.byref(x), ctypes.byref(y))
                raw.FPDFText_GetCharBox(tp.raw, k, *(ctypes.byref(v) for v in b))
                raw.FPDFText_GetFontSize(tp.raw, k)
                raw.FPDFText_GetFontInfo(tp.raw, k, buf, 256, ctypes.byref(flags))
            n_all += n
            tp.close()
            page.close()
    finally:
        doc.close()
    return n_all


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=15)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "pdf.json"))
    args = ap.parse_args(argv)
    from tests.corpus.generate import FAMILIES, plan_page
    from tests.corpus.typeset import typeset

    families = list(FAMILIES)
    rows = []
    import_file(ROOT / "resources" / "samples" / "guangdong-jishi-p13.txt")  # jieba loaded
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.pages):
            plan = plan_page(families[i % len(families)], "tune", i // len(families))
            path = Path(tmp) / f"{plan.name}.pdf"
            path.write_bytes(typeset(plan).pdf)
            chars = list_chars(path)
            row = {
                "page": plan.name,
                "chars": chars,
                "list_ms": best(lambda p=path: list_chars(p), args.runs),
                "read_ms": best(lambda p=path: read_pdf(p), args.runs),
                "propose_ms": best(lambda p=path: import_file(p), args.runs),
                "render_ms": best(lambda p=path: render_page(p, 1, PICTURE_SCALE), 1),
            }
            rows.append(row)
            print(f"{plan.name:32} {chars:6d} chars  list {row['list_ms']:7.1f}  read "
                  f"{row['read_ms']:7.1f}  propose {row['propose_ms']:7.1f}  render "
                  f"{row['render_ms']:6.1f} ms", flush=True)
    med = {k: statistics.median(r[k] for r in rows)
           for k in ("chars", "list_ms", "read_ms", "propose_ms", "render_ms")}
    ratio_read = statistics.median(r["read_ms"] / r["list_ms"] for r in rows)
    ratio_propose = statistics.median(r["propose_ms"] / r["list_ms"] for r in rows)
    print(f"\nmedian over {len(rows)} pages: {med['chars']:.0f} chars; list {med['list_ms']:.0f} "
          f"ms, read {med['read_ms']:.0f} ms, propose {med['propose_ms']:.0f} ms, first "
          f"render {med['render_ms']:.0f} ms; read/list {ratio_read:.1f}x, propose/list "
          f"{ratio_propose:.1f}x")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"pages": rows, "median": med,
                                           "read_over_list": round(ratio_read, 2),
                                           "propose_over_list": round(ratio_propose, 2)},
                                          indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
