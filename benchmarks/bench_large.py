"""Benchmark: segmenting long texts stays linear, and the size refused is what it costs.

    .venv/bin/python benchmarks/bench_large.py [--kb 128 256 512 1024] [--json OUT]

A text of generated pages (our own articles, the importer's test families, joined one
after another as a whole issue in one file would be) is cut to each size and segmented
with `segment_text`, in this process, best of two runs. The peer is the smallest size:
the table gives each size's time per kilobyte over the smallest's (1.0 for linear time,
~N for quadratic time at N times the size), the peak memory of the process, and the memory
one segmentation allocates at its peak (tracemalloc) per kilobyte over the smallest's
(1.0: memory grows linearly with the page), and how long the window's GUI thread is busy
showing the segmented page (offscreen; the segmenting itself runs in a worker) next to the
segmenting time of the same page. The limits
in `editor/core/reader.py` (MAX_BYTES, MAX_CHARS) rest on these figures. Results go to
`benchmarks/results/large.json`.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.importer import clear_caches, segment_text  # noqa: E402
from tests.corpus.generate import family_pages  # noqa: E402

FAMILIES = ("no-blank-boundaries", "displaced-heads", "datelines", "column-chunks",
            "short-lines", "commentary-subheads")


def issue_text(kb: int) -> str:
    """Generated pages joined until the text is `kb` kilobytes of UTF-8, cut at a line."""
    parts, size, k = [], 0, 0
    while size < kb * 1024:
        for gp in family_pages(FAMILIES[k % len(FAMILIES)], "tune", n=4, seed=k):
            parts.append(gp.text)
            size += len(gp.text.encode("utf-8"))
        k += 1
    text = "\n".join(parts)
    cut = text.encode("utf-8")[: kb * 1024].decode("utf-8", "ignore")
    return cut[: cut.rfind("\n") + 1]


def timed(text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        segment_text(text)
        best = min(best, time.perf_counter() - t)
    return best


def allocated_mb(text: str) -> float:
    """Peak memory Python allocates while one text is segmented (tracemalloc: this call
    alone, not the process's high-water mark; the caches of earlier texts emptied first)."""
    clear_caches()
    tracemalloc.start()
    try:
        segment_text(text)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def window_seconds(text: str) -> float:
    """How long the GUI thread is busy showing an already segmented page: the window is
    given the page and the event loop turned until it has painted it."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.gui.commands import PageDocument
    from editor.gui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    page = segment_text(text)
    window = MainWindow()
    window.show()
    app.processEvents()
    t = time.perf_counter()
    window.add_document(PageDocument(page))
    app.processEvents()
    secs = time.perf_counter() - t
    window.ask_unsaved = lambda names: "discard"  # nothing to keep in a benchmark
    window.close()
    window.deleteLater()
    app.processEvents()
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, nargs="+", default=[128, 256, 512, 1024])
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "large.json"))
    args = ap.parse_args()
    rows = []
    for kb in sorted(args.kb):
        text = issue_text(kb)
        secs = timed(text)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # MB (Linux: KB)
        rows.append({"kb": kb, "lines": text.count("\n"), "chars": len(text),
                     "seconds": round(secs, 2), "peak_mb": peak,
                     "alloc_mb": round(allocated_mb(text), 1),
                     "window_s": round(window_seconds(text), 2)})
    base = rows[0]["seconds"] / rows[0]["kb"]
    mem_base = rows[0]["alloc_mb"] / rows[0]["kb"]
    print(f"{'KB':>6} {'lines':>7} {'chars':>8} {'s':>7} {'s/KB vs smallest':>17} {'peak MB':>8}"
          f" {'alloc MB':>9} {'MB/KB vs smallest':>18} {'window s':>9} {'window/segment':>15}")
    for r in rows:
        r["per_kb_ratio"] = round(r["seconds"] / r["kb"] / base, 2)
        r["alloc_per_kb_ratio"] = round(r["alloc_mb"] / r["kb"] / mem_base, 2)
        print(f"{r['kb']:>6} {r['lines']:>7} {r['chars']:>8} {r['seconds']:>7} "
              f"{r['per_kb_ratio']:>17} {r['peak_mb']:>8} {r['alloc_mb']:>9} "
              f"{r['alloc_per_kb_ratio']:>18} {r['window_s']:>9} "
              f"{r['window_s'] / r['seconds']:>15.2f}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
