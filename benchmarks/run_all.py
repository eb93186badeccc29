"""Every PageDesk benchmark in one run: a Markdown table on stdout and the same rows as JSON.

    .venv/bin/python benchmarks/run_all.py [--sizes 1000,10000,100000] [--quick]
        [--only search,…] [--corpora sentences,stories]

Each row holds PageDesk's figure and what PageDesk did, the figure of a peer
measured on the same data in the same run and what the peer did (machines
are shared and noisy: the ratio is what carries over, and only between sides
doing comparable work), the ratio and the target of issue 7:

- segmentation: pages/s on one core (CPU time), generated pages each segmented
  cold (caches emptied before every page), with jieba's `cut_for_search` of
  the same pages as calibration;
- import: seconds to import pages incl. indexing vs jieba `cut_for_search`
  alone over the same page files, both on one process and both on
  min(cpus, 4) processes;
- search: median and p95 ms per query kind (2-char, 4-char, multi-word,
  phrase, filtered) at each size. PageDesk ranks at most the 2,000 most
  recently saved matches (`search.RANK_WINDOW`) and returns the first page of
  50 hits; three LIKE peers run in the same run, each on its own row: the
  query a user would write (`LIKE '%w%' … ORDER BY date DESC LIMIT 50`, as
  SQLite plans it), a newest-first walk to the 2,000th match (the window
  PageDesk ranks, found by LIKE), and a scan returning every match (more work
  than PageDesk does for a common word). Two corpora: `sentences`
  (recombined sentences, the query kinds above) and `stories` (our own
  articles recombined by paragraph with realistic word frequencies,
  `stories.py`), whose one-word queries are reported by how many articles
  hold the word: < 0.1%, 0.1–1%, 1–10%, ≥ 10%;
- recall: share of the LIKE scan's hits that search finds for 2- and
  3-character words, with an FTS5 `trigram` index of the same text as peer;
- start-up: process start to the main window shown (offscreen) vs a bare
  PySide6 script showing an empty QMainWindow; also checks that jieba is not
  loaded when the window shows and loads afterwards;
- open page: a 2,000-line page opened in a running window (`bench_open.py`);
- memory: peak RSS (VmHWM) of the window with the biggest library open and
  browsed (its page chooser listed, pages loaded, searches run);
- export: articles/s to .docx and to HTML through `export_articles`.

Libraries come from `datasets.py` (built once per key — corpus, generator,
jieba version, user dictionaries, schema — and cached under
`benchmarks/.cache/`; a 100,000-article one takes a while). Results go to
`benchmarks/results/run-<time>.json` and `benchmarks/results/latest.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_open, datasets  # noqa: E402
from benchmarks.bench_search import (  # noqa: E402
    BANDS,
    QUERIES,
    band_queries,
    bench_recall,
    bench_search,
)
from benchmarks.gen_data import generate_pages  # noqa: E402
from benchmarks.report import add, log, markdown, rows  # noqa: E402
from benchmarks.stories import source_text  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


# -- segmentation and import --------------------------------------------------------------


def bench_segment(n_pages: int) -> None:
    from editor.core import tokens
    from editor.core.importer import clear_caches, segment_text

    jieba = tokens.get_jieba()
    texts = [p.read_text(encoding="utf-8") for p in generate_pages(n_pages, datasets.PER_PAGE)]
    lines = statistics.mean(len(t.splitlines()) for t in texts)
    filled = statistics.mean(sum(1 for x in t.splitlines() if x.strip()) for t in texts)
    segment_text(texts[0])  # first use: lazy imports
    # "One core": CPU seconds of this thread, so other processes on a shared machine
    # slow the wall clock (reported too) but not the figure. Every page is segmented
    # cold: generated pages draw from the same ~70 sentences, so caches kept from one page
    # to the next would turn most of a page's jieba cuts into lookups that a page of a
    # real paper never gets. jieba's dictionary stays loaded. The jieba peer cuts each
    # page right after it (jieba keeps nothing between texts: every cut is cold).
    # Three passes; the medians count.
    rates, walls, jrates, articles = [], [], [], 0
    for _ in range(3):
        cpu = wall = jcpu = 0.0
        articles = 0
        for t in texts:
            clear_caches()
            start, cpu0 = time.perf_counter(), time.thread_time()
            articles += len(segment_text(t).articles)
            wall += time.perf_counter() - start
            cpu += time.thread_time() - cpu0
            cpu0 = time.thread_time()
            list(jieba.cut_for_search(t))
            jcpu += time.thread_time() - cpu0
        rates.append(n_pages / cpu)
        walls.append(n_pages / wall)
        jrates.append(n_pages / jcpu)
    rate, jrate = statistics.median(rates), statistics.median(jrates)
    add(
        "segmentation",
        f"{n_pages} generated pages of {lines:.0f} lines on average ({filled:.0f} non-blank; "
        f"{articles} articles), pages per CPU-second, median of 3 passes",
        round(rate, 1),
        "pages/s",
        "jieba cut_for_search (calibration)",
        round(jrate, 1),
        jrate / rate,
        "segmenter CPU / jieba CPU",
        "≥ 100 pages/s",
        rate >= 100,
        pages_per_s=[round(r, 1) for r in rates],
        jieba_pages_per_s=[round(r, 1) for r in jrates],
        wall_pages_per_s=[round(r, 1) for r in walls],
        mean_lines=round(lines, 1),
        mean_nonblank_lines=round(filled, 1),
        work="segment_text of each page, the importer's caches emptied before every page",
        peer_work="jieba cut_for_search of the same page right after it (jieba caches "
        "nothing between texts); tokenising only, no segmenting",
    )


def bench_long_text(n_pages: int) -> None:
    """A whole file of many pages in one text against the same pages one by one: the
    importer's time must grow with the text, not faster (issue 13, point 16)."""
    from editor.core.importer import clear_caches, segment_text

    texts = [p.read_text(encoding="utf-8") for p in generate_pages(n_pages, datasets.PER_PAGE)]
    joined = "\n".join(texts)
    segment_text(texts[0])  # lazy imports
    clear_caches()
    cpu0 = time.thread_time()
    for t in texts:
        segment_text(t)
    by_page = time.thread_time() - cpu0
    clear_caches()
    cpu0 = time.thread_time()
    segment_text(joined)
    whole = time.thread_time() - cpu0
    lines = joined.count("\n") + 1
    add(
        "long text",
        f"{n_pages} generated pages joined into one text of {lines} lines, CPU seconds",
        round(whole, 2),
        "s",
        "the same pages segmented one by one",
        round(by_page, 2),
        whole / by_page,
        "joined / page by page",
        "≤ 2 × page by page",
        whole <= 2 * by_page,
        work="segment_text of the joined text, caches emptied before",
        peer_work="segment_text of each page, caches emptied before the first",
    )


def _jieba_page(path: str) -> int:
    """The jieba peer's work for one page file: read it, cut its text for search."""
    from editor.core import tokens

    with open(path, encoding="utf-8") as fh:
        return sum(1 for _ in tokens.get_jieba().cut_for_search(fh.read()))


def _jieba_pages(paths: list[str], processes: int) -> int:
    """Tokens of every page, in `processes` forked processes as the batch import forks
    its workers (jieba already loaded in the parent, two files per task)."""
    if processes <= 1:
        return sum(map(_jieba_page, paths))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(processes, mp_context=ctx) as pool:
        return sum(pool.map(_jieba_page, paths, chunksize=2))


def bench_import(n_pages: int) -> None:
    from editor.core import tokens
    from editor.storage.batch import import_paths, summary
    from editor.storage.library import Library

    tokens.get_jieba()
    paths = [str(p) for p in generate_pages(n_pages, datasets.PER_PAGE)]
    workers = min(os.cpu_count() or 1, 4)
    # PageDesk and its peer on the same number of processes, one row per count.
    for w in (1, workers) if workers > 1 else (1,):
        with tempfile.TemporaryDirectory(prefix="pagedesk-import-") as tmp:
            with Library.open(os.path.join(tmp, "lib.sqlite")) as lib:
                start = time.perf_counter()
                counts = summary(import_paths(lib, paths, workers=w))
                seconds = time.perf_counter() - start
                articles = lib.count_articles()
        if counts["imported"] != n_pages:
            raise SystemExit(f"import benchmark: {counts}")
        start = time.perf_counter()
        n_tokens = _jieba_pages(paths, w)
        bare = time.perf_counter() - start
        ratio = seconds / bare
        add(
            "import",
            f"{n_pages} pages / {articles} articles, {w} process(es) each",
            round(seconds, 2),
            "s",
            f"jieba cut_for_search, {w} process(es)",
            round(bare, 2),
            ratio,
            "PageDesk time / jieba time",
            "≤ 2.5 × jieba",
            ratio <= 2.5,
            pages_per_s=round(n_pages / seconds, 1),
            jieba_tokens=n_tokens,
            work="import_paths in one process: read, segment, tokenise, save and index every page"
            if w == 1
            else f"import_paths with {w} worker processes reading, segmenting and "
            "tokenising, and the main process saving and indexing every page",
            peer_work=f"read each page file and cut_for_search its text, in {w} process(es) "
            "(no segmenting or saving)",
        )


# -- start-up, open page, memory (subprocesses) -------------------------------------------

STARTUP_CHILD = r"""
import json, os, sys, time
sys.path.insert(0, os.environ["PAGEDESK_ROOT"])
marks = {}
from PySide6.QtCore import QTimer
from editor.gui import app as gui_app
from editor.core import tokens

real_start = gui_app.start_window

def start_window(files, open_sample=None):
    window = real_start(files, open_sample)
    def shown():
        marks["shown"] = time.time()
        marks["jieba_at_shown"] = tokens.is_loaded() or "jieba" in sys.modules
        poll()
    def poll():
        if tokens.is_loaded():
            marks["jieba"] = time.time()
            print("BENCH " + json.dumps(marks), flush=True)
            os._exit(0)
        QTimer.singleShot(5, poll)
    QTimer.singleShot(0, shown)
    return window

gui_app.start_window = start_window
raise SystemExit(gui_app.run([]))
"""

BARE_CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.show()
def shown():
    print("BENCH " + json.dumps({"shown": time.time()}), flush=True)
    os._exit(0)
QTimer.singleShot(0, shown)
app.exec()
"""

MEMORY_CHILD = r"""
import json, os, sys, time, resource
sys.path.insert(0, os.environ["PAGEDESK_ROOT"])
from PySide6.QtCore import QTimer
from editor.gui import app as gui_app
from editor.core import tokens

marks = {}
QUERIES = json.loads(os.environ["BENCH_QUERIES"])

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

real_start = gui_app.start_window

def start_window(files, open_sample=None):
    window = real_start(files, open_sample)
    picks = [0, 7, 100, 1000, 5000, -1]
    state = {"i": 0}
    def shown():
        marks["shown_mb"] = hwm()
        wait_jieba()
    def wait_jieba():
        if not tokens.is_loaded() or window.files.busy:
            return QTimer.singleShot(20, wait_jieba)
        marks["idle_mb"] = hwm()
        next_page()
    def next_page():
        if state["i"] == len(picks):
            return searches()
        pick = picks[state["i"]]
        state["i"] += 1
        window.choose_item = lambda title, label, items: pick % len(items)
        t = time.perf_counter()
        window.files.open_from_library()  # lists every page for the chooser, then loads one
        marks.setdefault("chooser_ms", []).append(round((time.perf_counter() - t) * 1000))
        wait_open(len(window.docs))
    def wait_open(before):
        if window.files.busy:
            return QTimer.singleShot(10, lambda: wait_open(before))
        next_page()
    def searches():
        marks["pages_mb"] = hwm()
        marks["docs"] = len(window.docs)
        from editor.storage.library import Library
        with Library.open() as lib:
            for q in QUERIES:
                lib.search(q, limit=50)
            lib.list_articles(limit=200)
            marks["listed"] = len(lib.list_pages())
        marks["peak_mb"] = hwm()
        marks["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print("BENCH " + json.dumps(marks), flush=True)
        os._exit(0)
    QTimer.singleShot(0, shown)
    return window

gui_app.start_window = start_window
raise SystemExit(gui_app.run([]))
"""


def child(code: str, env_extra: dict, timeout: int = 600) -> tuple[dict, float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update({"PAGEDESK_ROOT": str(ROOT), **env_extra})
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"benchmark child failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return json.loads(line[6:]), start


def isolated_env(tmp: str) -> dict:
    return {
        "PAGEDESK_HOME": tmp,
        "PAGEDESK_LIBRARY": os.path.join(tmp, "library.sqlite"),
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
    }


def bench_startup(runs: int, library: Path | None = None, size: int | None = None) -> None:
    mine, bare, jieba_after, jieba_at_shown = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="pagedesk-start-") as tmp:
        env = isolated_env(tmp)
        if library is not None:  # the window looks at the library in its first turn
            env["PAGEDESK_LIBRARY"] = str(library)
        child(STARTUP_CHILD, env)  # first start writes jieba's cache file and the settings
        for _ in range(runs):
            m, start = child(STARTUP_CHILD, env)
            mine.append(m["shown"] - start)
            jieba_after.append(m["jieba"] - m["shown"])
            jieba_at_shown.append(m["jieba_at_shown"])
            b, start = child(BARE_CHILD, env)
            bare.append(b["shown"] - start)
    med, bmed = statistics.median(mine), statistics.median(bare)
    background = not any(jieba_at_shown) and all(x > 0 for x in jieba_after)
    add(
        "start-up",
        "process start → main window shown (offscreen), median s"
        + (", library of this size" if library else ", no library yet (sample page opens)"),
        round(med, 3),
        "s",
        "bare PySide6 QMainWindow script",
        round(bmed, 3),
        med / bmed,
        "PageDesk / bare",
        "≤ 1.5 × bare; jieba loads after the window shows",
        med / bmed <= 1.5 and background,
        runs=[round(x, 3) for x in mine],
        peer_runs=[round(x, 3) for x in bare],
        jieba_loaded_at_shown=any(jieba_at_shown),
        jieba_ready_after_shown_s=round(statistics.median(jieba_after), 3),
        size=size,
        work="a new `main.py` process: imports, settings, library, window; "
        "jieba loads in a worker after the window shows",
        peer_work="a new process importing PySide6 and showing an empty QMainWindow",
    )


def bench_open_page(runs: int) -> None:
    results = []
    with tempfile.TemporaryDirectory(prefix="pagedesk-page-") as tmp:
        page = Path(tmp) / "page-2000.txt"
        page.write_text(bench_open.make_page(2000), encoding="utf-8")
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        bench_open.run_once(page, home)  # a first start (jieba's cache file, settings)
        for _ in range(runs):
            results.append(bench_open.run_once(page, home))
    again = statistics.median(r["again"] for r in results)
    first = statistics.median(r["open"] - r["shown"] for r in results)
    add(
        "open page",
        f"{results[0]['lines']}-line page ({results[0]['articles']} articles): "
        "open → tree and raw view filled, jieba loaded, median ms",
        round(again),
        "ms",
        target="≤ 300 ms",
        met=again <= 300,
        runs=[round(r["again"]) for r in results],
        work="read, segment and show the page in a running window (second open)",
    )
    add(
        "open page",
        "same page as the file given at start-up: window shown → filled "
        "(includes jieba's load in the worker), median ms",
        round(first),
        "ms",
        target="(reference)",
        runs=[round(r["open"] - r["shown"]) for r in results],
        raw_text_after_shown_ms=round(statistics.median(r["raw"] - r["shown"] for r in results)),
        work="load jieba in the worker, then read, segment and show the page",
    )


def bench_memory(size: int, path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="pagedesk-mem-") as tmp:
        env = isolated_env(tmp)
        env["PAGEDESK_LIBRARY"] = str(path)
        env["BENCH_QUERIES"] = json.dumps(
            [q for qs in QUERIES.values() for q in qs], ensure_ascii=False
        )
        m, _start = child(MEMORY_CHILD, env, timeout=1200)
    add(
        "memory",
        f"window with the library open and browsed ({m['listed']} pages listed, "
        f"{m['docs']} pages loaded, {sum(map(len, QUERIES.values()))} searches): peak RSS",
        m["peak_mb"],
        "MB",
        target="≤ 400 MB",
        met=m["peak_mb"] <= 400,
        size=size,
        shown_mb=m["shown_mb"],
        idle_with_jieba_mb=m["idle_mb"],
        after_pages_mb=m["pages_mb"],
        chooser_ms=m["chooser_ms"],
        work="start, wait for jieba, open 6 pages from the library chooser, run the "
        "search queries, list articles and pages",
    )


def bench_export(path: Path, n_articles: int) -> None:
    from editor.export import export_articles
    from editor.storage.library import Library

    items = []
    with Library.open(str(path)) as lib:
        for row in lib.list_pages():
            page = lib.load_page(row["id"])
            items += [(page, a) for a in page.articles]
            if len(items) >= n_articles:
                break
    items = items[:n_articles]
    with tempfile.TemporaryDirectory(prefix="pagedesk-export-") as tmp:
        for fmt in ("docx", "html"):
            export_articles(items[:5], fmt, os.path.join(tmp, f"warm.{fmt}"))
            t = time.perf_counter()
            try:
                export_articles(items, fmt, os.path.join(tmp, f"out.{fmt}"))
            except Exception as exc:  # a failure is a finding: report it, then time smaller files
                error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
                add(
                    "export",
                    f"{len(items)} articles to one .{fmt}",
                    None,
                    "articles/s",
                    target="≥ 50 articles/s",
                    met=False,
                    error=error,
                    work=f"export_articles of all {len(items)} articles into one file",
                )
                t = time.perf_counter()
                for i in range(0, len(items), 20):
                    export_articles(items[i : i + 20], fmt, os.path.join(tmp, f"out{i}.{fmt}"))
                rate = len(items) / (time.perf_counter() - t)
                add(
                    "export",
                    f"{len(items)} articles as files of 20 (after the failure above)",
                    round(rate, 1),
                    "articles/s",
                    target="≥ 50 articles/s",
                    met=rate >= 50,
                    work=f"export_articles into {fmt} files of 20 articles each",
                )
                continue
            rate = len(items) / (time.perf_counter() - t)
            add(
                "export",
                f"{len(items)} articles to one .{fmt}",
                round(rate, 1),
                "articles/s",
                target="≥ 50 articles/s",
                met=rate >= 50,
                work=f"export_articles of {len(items)} articles into one {fmt} file",
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sizes", default="1000,10000,100000", help="library sizes in articles, comma-separated"
    )
    ap.add_argument("--quick", action="store_true", help="fewer pages, repeats and runs")
    ap.add_argument("--only", default="", help="comma-separated benchmarks to run (default all)")
    ap.add_argument(
        "--corpora",
        default="sentences,stories",
        help="corpora of the search benchmark: sentences (recombined sentences), stories "
        "(our own articles recombined by paragraph, realistic word frequencies)",
    )
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    quick = args.quick
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    unknown = set(corpora) - set(datasets.CORPORA)
    if unknown:
        ap.error(f"unknown corpora {sorted(unknown)}; known: {sorted(datasets.CORPORA)}")

    def want(name: str) -> bool:
        return not only or name in only

    # Child processes compile PageDesk's modules once and reuse the bytecode, as an
    # installed program does from its second start on (a PYTHONDONTWRITEBYTECODE shell
    # would make every start recompile ~40 modules). The cache stays out of the tree.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(datasets.CACHE / "pycache")
    started = time.time()
    meta = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(started)) + " UTC",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg(),
        "quick": quick,
        "sizes": sizes,
        "corpora": corpora,
    }
    if "stories" in corpora and want("search") and not datasets.has_stories():
        log(
            "the stories corpus is left out: no articles in tests/corpus/articles, or one "
            "that does not load (python -m tests.corpus.check says which)"
        )
        corpora.remove("stories")
        meta["corpora_left_out"] = ["stories"]
    stories_libs = {}
    libs = {}
    if any(want(b) for b in ("search", "recall", "memory", "export", "start-up")):
        old = datasets.stale()
        if old:
            mb = sum(p.stat().st_size for p in old) / 1e6
            log(f"{len(old)} cached libraries of older keys ({mb:.0f} MB) can be deleted: {old}")
        for size in sizes:
            log(f"library of {size} articles …")
            libs[size] = datasets.library_for(size, "sentences", log)
    if want("search") and "stories" in corpora:
        for size in sizes:
            log(f"library of {size} articles of the stories corpus …")
            stories_libs[size] = datasets.library_for(size, "stories", log)
    if want("segmentation"):
        log("segmentation …")
        bench_segment(10 if quick else 40)
    if want("long-text"):
        log("long text …")
        bench_long_text(10 if quick else 40)
    if want("import"):
        log("import …")
        bench_import(40 if quick else 120)
    if want("search"):
        repeat, peer_repeat = (5, 2) if quick else (15, 5)
        for size in sizes:
            if "sentences" in corpora:
                log(f"search at {size} …")
                bench_search(size, libs[size], repeat, peer_repeat)
            if "stories" in corpora:
                log(f"search at {size}, stories corpus …")
                bands = band_queries(stories_libs[size], source_text(), 6 if quick else 10)
                missing = [label for label, _lo, _hi in BANDS if label not in bands]
                if missing:
                    log(f"  no words at this size in: {', '.join(missing)}")
                bench_search(size, stories_libs[size], repeat, peer_repeat, bands, "stories")
    if want("recall"):
        size = max([s for s in sizes if s <= 10_000] or sizes[:1])
        log(f"recall at {size} …")
        bench_recall(size, libs[size])
    if want("start-up"):
        log("start-up …")
        bench_startup(3 if quick else 7)
        if sizes[-1] in libs:
            bench_startup(3 if quick else 5, libs[sizes[-1]], sizes[-1])
    if want("open"):
        log("open page …")
        bench_open_page(1 if quick else 3)
    if want("memory"):
        log(f"memory at {sizes[-1]} …")
        bench_memory(sizes[-1], libs[sizes[-1]])
    if want("export"):
        log("export …")
        bench_export(libs[sizes[0]], 60 if quick else 300)
    meta["seconds"] = round(time.time() - started, 1)
    meta["load_after"] = os.getloadavg()
    meta["libraries"] = {f"sentences {s}": datasets.info(s) for s in libs}
    meta["libraries"].update({f"stories {s}": datasets.info(s, "stories") for s in stories_libs})
    table = markdown(rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    doc = {"meta": meta, "rows": rows, "markdown": table}
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(started))
    for name in (f"run-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1))
    print(table)
    print(
        f"\n{sum(r['met'] is True for r in rows)} targets met, "
        f"{sum(r['met'] is False for r in rows)} missed; "
        f"JSON: {RESULTS / ('run-' + stamp + '.json')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
