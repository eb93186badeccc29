"""Batch import: page files and folders into the library, one page per transaction.

Each file is read, checked against the library by sha256 (a page already
present is skipped before any segmenting, so re-running an import adds
nothing), segmented, given its metadata and saved. A PDF gives one page per
printed page (`pages` chooses which). A bad file is recorded
with its reason and the batch carries on. A `progress` callback sees every
result as it happens, so a caller can draw a bar or log each file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

from editor.core import tokens
from editor.core.importer import import_pages
from editor.core.model import Page
from editor.core.pdfpage import MAX_PDF_BYTES, is_pdf
from editor.core.reader import MAX_BYTES, InputError

from .library import Library, LibraryError
from .query import normalise_date
from .writer import PageRows, page_rows

PARALLEL_FROM = 16  # below this, starting worker processes costs more than it saves


@dataclass
class FileResult:
    path: str
    status: str  # "imported", "duplicate" or "failed"
    page_id: str | None = None
    articles: int = 0
    reason: str | None = None
    date: str | None = None
    section: str | None = None
    number: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def find_page_files(paths: Iterable[str]) -> tuple[list[str], list[FileResult]]:
    """Files to import (folders searched recursively for *.txt and *.pdf, sorted) and paths
    that failed."""
    files: list[str] = []
    missing: list[FileResult] = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, names in os.walk(p):
                dirs.sort()
                found += [os.path.join(root, n) for n in names
                          if n.lower().endswith((".txt", ".pdf"))]
            files += sorted(found)
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(FileResult(p, "failed", reason="no such file or folder"))
    return list(dict.fromkeys(files)), missing


Prepared = list[tuple[FileResult, Page | None, PageRows | None]]


def prepare(path: str, paper: str | None = None, date: str | None = None,
            section: str | None = None, pages: str | None = None) -> Prepared:
    """Read, segment and tokenise one file (each of a PDF's pages) — the slow, library-free
    part of an import."""
    try:
        found = import_pages(path, pages)
    except InputError as exc:
        return [(FileResult(path, "failed", reason=str(exc)), None, None)]
    except OSError as exc:
        return [(FileResult(path, "failed", reason=exc.strerror or str(exc)), None, None)]
    out: Prepared = []
    for page in found:
        meta = page.meta  # guessed by import_pages from the page and the file's name
        meta.paper = paper or meta.paper
        meta.date = date or meta.date
        meta.section = section or meta.section
        page.meta = meta
        shown = path
        if page.layout and (page.layout.get("pdf") or {}).get("pages", 1) > 1:
            shown = f"{path}#{page.layout['pdf']['page']}"
        result = FileResult(shown, "imported", page_id=page.id, articles=len(page.articles),
                            date=meta.date, section=meta.section, number=meta.number)
        out.append((result, page, page_rows(page)))
    return out


def _prepare_safely(args: tuple) -> Prepared:
    path = args[0]
    try:
        return prepare(*args)
    except Exception as exc:  # one bad file never stops the batch
        return [(FileResult(path, "failed", reason=f"{type(exc).__name__}: {exc}"), None, None)]


def _file_sha(path: str) -> str | None:
    """sha256 of the file's bytes (what the reader records), to skip known pages early."""
    try:
        if os.path.getsize(path) > (MAX_PDF_BYTES if is_pdf(path) else MAX_BYTES):
            return None  # the reader refuses it: not read whole for nothing
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _worker_init() -> None:
    """Load jieba once per worker, and make the worker exit if the importing process dies
    (a killed import must not leave orphans blocked on the task queue)."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    tokens.get_jieba()


def _prepared(todo: list[tuple], workers: int) -> Iterator[Prepared]:
    """Prepared files in order; in worker processes when the batch is big enough to pay."""
    if workers <= 1 or len(todo) < PARALLEL_FROM:
        yield from map(_prepare_safely, todo)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init) as pool:
        yield from pool.map(_prepare_safely, todo, chunksize=2)


def import_paths(lib: Library, paths: Iterable[str], *, paper: str | None = None,
                 date: str | None = None, section: str | None = None,
                 progress: Callable[[int, int, FileResult], None] | None = None,
                 workers: int | None = None, pages: str | None = None) -> list[FileResult]:
    """Import every page file under `paths`. `progress(done, total, result)` after each.

    Segmenting and tokenising run in `workers` processes (default: one per CPU, at
    most 4) for batches of PARALLEL_FROM files or more; saving stays in this
    process, one transaction per page, in file order.
    """
    if date:
        date = normalise_date(date)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    files, results = find_page_files(paths)
    total = len(files) + len(results)

    def report(r: FileResult) -> None:
        nonlocal total
        results.append(r)
        total = max(total, len(results))  # a PDF gives a result for each of its pages
        if progress:
            progress(len(results), total, r)

    for i, r in enumerate(list(results), 1):
        if progress:
            progress(i, total, r)
    todo = []
    for path in files:
        sha = _file_sha(path)
        existing = lib.page_for_sha256(sha) if sha else None
        if existing:
            report(FileResult(path, "duplicate", page_id=existing))
        else:
            todo.append((path, paper, date, section, pages))
    for r, page, rows in (one for prepared in _prepared(todo, workers) for one in prepared):
        if page is not None:
            try:
                # the same text twice in a batch, or stored meanwhile by another import: the
                # library checks within the transaction that would store it
                existing = lib.import_page(page, message="import", rows=rows)
            except LibraryError as exc:
                if exc.code in ("corrupt", "newer", "full", "read-only", "unreadable"):
                    # the library itself is unusable: stop rather than fail every file, and
                    # say what was done before
                    exc.results = results  # type: ignore[attr-defined]
                    raise
                r = FileResult(r.path, "failed", reason=str(exc))
            else:
                if existing:
                    r = FileResult(r.path, "duplicate", page_id=existing)
        report(r)
    return results


def summary(results: list[FileResult]) -> dict[str, int]:
    out = {"imported": 0, "duplicate": 0, "failed": 0}
    for r in results:
        out[r.status] += 1
    return out
