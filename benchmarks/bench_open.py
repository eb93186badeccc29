"""Benchmark: time from start-up to the window shown, and to a 2,000-line page open in it.

    .venv/bin/python benchmarks/bench_open.py [--runs 3] [--lines 2000]

Builds a 2,000-line page by recombining the sample page's articles (each copy
with its own numbers, so no two articles are identical), then starts
`python main.py PAGE` in a fresh process for each run (offscreen; settings,
library and caches in one temporary folder shared by the runs, so run 1 is a
first start that builds jieba's cache and later runs start like a usual day)
and reports, in milliseconds from the moment the process was launched:

- shown: the main window is on screen (its first event-loop turn after show());
- raw:   the page's raw text is in the raw view (shown while the importer works);
- open:  the page is segmented and shown in the raw view, tree and inspector;
- again: opening the same page a second time in that window (jieba already loaded),
  measured from the request.

The figures include interpreter start-up and imports; the importer's first
use loads jieba's dictionary (~0.75 s here), which happens after the window
shows, in a worker.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "guangdong-jishi-p13.txt"

CHILD = r"""
import json, os, sys, time
sys.path.insert(0, os.environ["PAGEDESK_ROOT"])
sys.argv = ["main.py", os.environ["BENCH_PAGE"]]
marks = {}
import editor.gui
from PySide6.QtCore import QTimer
from editor.gui import app as gui_app

real_start = gui_app.start_window

def start_window(files, open_sample=None):
    window = real_start(files, open_sample)
    def shown():
        marks["shown"] = time.time()
        poll()
    def poll():
        if "raw" not in marks and window.raw_view.blockCount() > 100:
            marks["raw"] = time.time()
        if len(window.docs) == 1 and window.files.busy == 0 and window.model.rowCount() > 0:
            marks["open"] = time.time()
            marks["lines"] = len(window.page().raw_lines())
            marks["articles"] = len(window.page().articles)
            marks["again_start"] = time.time()
            window.files.open_paths(files)  # the same page again: jieba is loaded now
            poll_again()
        else:
            QTimer.singleShot(5, poll)
    def poll_again():
        if len(window.docs) == 2 and window.files.busy == 0:
            marks["again"] = time.time()
            print("BENCH " + json.dumps(marks), flush=True)
            window.ask_unsaved = lambda names: "discard"
            window.close()
            QTimer.singleShot(0, lambda: os._exit(0))
        else:
            QTimer.singleShot(5, poll_again)
    QTimer.singleShot(0, shown)
    return window

gui_app.start_window = start_window
raise SystemExit(gui_app.run(sys.argv[1:]))
"""


def make_page(lines: int) -> str:
    """A page of `lines` lines: the sample's text blocks repeated, numbers changed per copy."""
    sample = SAMPLE.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    copy = 0
    while len(out) < lines:
        for line in sample:
            out.append(line.replace("4月", f"{copy % 12 + 1}月") if copy else line)
            if len(out) == lines:
                break
        copy += 1
    return "\n".join(out) + "\n"


def run_once(page: Path, tmp: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"),
            "PAGEDESK_HOME": tmp,
            "PAGEDESK_LIBRARY": os.path.join(tmp, "library.sqlite"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
            "PAGEDESK_ROOT": str(ROOT),
            "BENCH_PAGE": str(page),
        }
    )
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"benchmark run failed:\n{proc.stdout}\n{proc.stderr}")
    marks = json.loads(line[6:])
    return {
        "shown": (marks["shown"] - start) * 1000,
        "raw": (marks.get("raw", marks["open"]) - start) * 1000,
        "open": (marks["open"] - start) * 1000,
        "again": (marks["again"] - marks["again_start"]) * 1000,
        "lines": marks["lines"],
        "articles": marks["articles"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lines", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pagedesk-page-") as tmp:
        page = Path(tmp) / f"page-{args.lines}.txt"
        page.write_text(make_page(args.lines), encoding="utf-8")
        # One home for all runs: run 1 is a first start (jieba builds its cache),
        # later runs start like a user's usual day.
        results = [run_once(page, tmp) for _ in range(args.runs)]
    for i, r in enumerate(results, 1):
        print(
            f"run {i}: window shown {r['shown']:.0f} ms, raw text {r['raw']:.0f} ms, "
            f"{r['lines']}-line page open "
            f"{r['open']:.0f} ms ({r['articles']} articles); opening it again {r['again']:.0f} ms"
        )
    print(
        f"median: window shown {statistics.median(r['shown'] for r in results):.0f} ms, "
        f"raw text {statistics.median(r['raw'] for r in results):.0f} ms, "
        f"page open {statistics.median(r['open'] for r in results):.0f} ms, "
        f"second open {statistics.median(r['again'] for r in results):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
