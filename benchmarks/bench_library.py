"""Benchmark of the article library: batch import rate and search latency (not a test).

Builds a fresh library from generated pages (`gen_data.py`) through the real
import path (read, segment, guess metadata, tokenise, save with its search
index) until it holds at least `--articles` articles, then times a fixed set
of 2-character, 4-character and multi-word queries.

    .venv/bin/python benchmarks/bench_library.py              # 10,000 articles
    .venv/bin/python benchmarks/bench_library.py --articles 2000 --json

Targets (issue 3, 2-core machine): import >= 20 pages/s including indexing;
search median <= 20 ms at 10,000 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gen_data import CACHE, generate_pages  # noqa: E402
from editor.core import tokens  # noqa: E402
from editor.storage.batch import import_paths, summary  # noqa: E402
from editor.storage.library import Library  # noqa: E402

QUERIES = {
    "2-char": ["工会", "培训", "职工", "技能", "灯饰", "救护", "驿站", "夜校"],
    "4-char": ["劳模工匠", "应急救护", "产业工人", "创新发展", "技术难题", "职工书屋"],
    "multi-word": ["工会 培训", "职工 技能 岗位", "劳模 创新 企业", '"应急救护知识"',
                   "工会 -培训", "技术 攻关 section:广东纪事", "师徒 date:2019"],
}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def build(lib: Library, target: int, per_page: int, batch: int) -> dict:
    tokens.get_jieba()  # dictionary load is start-up cost, not import rate
    pages = imported = 0
    seconds = 0.0
    while lib.count_articles() < target:
        paths = generate_pages(pages + batch, per_page)[pages:]
        start = time.perf_counter()
        results = import_paths(lib, [str(p) for p in paths])
        seconds += time.perf_counter() - start
        counts = summary(results)
        if counts["failed"]:
            raise SystemExit(f"import failed: {[r.reason for r in results if r.reason][:3]}")
        imported += counts["imported"]
        pages += len(paths)
        print(f"  {imported} pages, {lib.count_articles()} articles, "
              f"{imported / seconds:.1f} pages/s", file=sys.stderr)
    return {"pages": imported, "articles": lib.count_articles(), "seconds": round(seconds, 2),
            "pages_per_second": round(imported / seconds, 1)}


def time_search(lib: Library, repeat: int) -> dict:
    out: dict = {}
    every: list[float] = []
    for kind, queries in QUERIES.items():
        times: list[float] = []
        hits = {}
        for q in queries:
            lib.search(q)  # warm the page cache once
            for _ in range(repeat):
                start = time.perf_counter()
                found = lib.search(q, limit=50)
                times.append((time.perf_counter() - start) * 1000)
            hits[q] = len(found)
        every += times
        out[kind] = {"median_ms": round(statistics.median(times), 2),
                     "p95_ms": round(pct(times, 0.95), 2), "hits": hits}
    out["all"] = {"median_ms": round(statistics.median(every), 2),
                  "p95_ms": round(pct(every, 0.95), 2), "n": len(every)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--per-page", type=int, default=10, help="articles per generated page")
    ap.add_argument("--batch", type=int, default=500, help="pages generated per round")
    ap.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    ap.add_argument("--library", default=str(CACHE / "bench-library.sqlite"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.library + suffix):
            os.remove(args.library + suffix)
    with Library.open(args.library) as lib:
        result = {"import": build(lib, args.articles, args.per_page, args.batch)}
        result["search"] = time_search(lib, args.repeat)
        result["library_mb"] = round(os.path.getsize(args.library) / 1e6, 1)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    imp = result["import"]
    print(f"import: {imp['pages']} pages / {imp['articles']} articles in {imp['seconds']} s "
          f"= {imp['pages_per_second']} pages/s (target >= 20)")
    for kind, r in result["search"].items():
        print(f"search {kind:>10}: median {r['median_ms']} ms, p95 {r['p95_ms']} ms")
    print(f"library file: {result['library_mb']} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
