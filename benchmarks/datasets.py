"""Cached benchmark libraries of 1,000, 10,000 and 100,000 articles, built through the real import.

`library_for(size)` returns the path of a PageDesk library holding at least
`size` articles, building it on first use (and resuming a build that was
interrupted: the batch import skips pages already in the library by sha256).
Pages come from `gen_data.generate_pages(n, 5)`; each size is grown from a
backup copy of the size below it, so building all three imports the pages of
the biggest one once. After the import some articles get tags through
`Library.set_tags` (the path the GUI's tag editor takes), so `tag:` filters
have something to find:

- `劳模工匠` on every article whose headline names 劳模 or 工匠;
- `要闻` on every 25th article (in rowid order).

A built library is marked by `<file>.done` (a JSON note of what it holds);
the key in the file name changes with the generator's version so a stale
cache is never reused; a library written by an older schema is migrated in
place by `Library.open` (its safety backup is deleted: the cache is
rebuildable). Run it alone to build:

    nice .venv/bin/python benchmarks/datasets.py 1000 10000 100000
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gen_data import CACHE, generate_pages  # noqa: E402
from editor.storage import schema  # noqa: E402
from editor.storage.batch import import_paths, summary  # noqa: E402
from editor.storage.library import Library  # noqa: E402

PER_PAGE = 5  # articles per generated page (the importer finds ~6: some leads split)
GEN_VERSION = 1  # bump when gen_data's output changes
SIZES = (1_000, 10_000, 100_000)
CHUNK = 200  # pages per import_paths call (progress is printed between chunks)
TAG_EVERY = 25


def library_path(size: int) -> Path:
    return CACHE / f"lib-g{GEN_VERSION}-{size}.sqlite"


def _note(path: Path) -> Path:
    return path.with_name(path.name + ".done")


def info(size: int) -> dict | None:
    """The `.done` note of a built library, or None when it is not built yet."""
    note = _note(library_path(size))
    return json.loads(note.read_text()) if note.exists() else None


def _pages_for(articles: int) -> list[Path]:
    # ~6.1 articles per page after segmenting; a margin, topped up below if short
    return generate_pages(int(articles / 5.5) + 50, PER_PAGE)


def _tag(lib: Library, after_rid: int) -> int:
    rows = lib._all(
        "SELECT rid, id, headline FROM articles WHERE rid > ? ORDER BY rid", [after_rid]
    )
    star = [aid for _rid, aid, h in rows if h and ("劳模" in h or "工匠" in h)]
    news = [aid for rid, aid, _h in rows if rid % TAG_EVERY == 0]
    for ids, tag in ((star, "劳模工匠"), (news, "要闻")):
        for i in range(0, len(ids), 500):
            lib.set_tags(ids[i : i + 500], add=[tag])
    return len(star) + len(news)


def build(size: int, log=print) -> Path:
    """The library for `size`, built (or finished) now if needed."""
    path = library_path(size)
    if info(size):
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    smaller = [s for s in SIZES if s < size]
    if not path.exists() and smaller:
        base = build(smaller[-1], log)
        with Library.open(str(base)) as src:
            src.backup(str(path))
    started = time.perf_counter()
    with Library.open(str(path)) as lib:
        tagged_to = lib._one(
            "SELECT coalesce(max(rid), 0) FROM articles WHERE EXISTS "
            "(SELECT 1 FROM article_tags x WHERE x.article_rid = articles.rid)"
        )[0]
        pages = _pages_for(size)
        done = lib.stats()["pages"]
        seconds = 0.0
        while lib.count_articles() < size:
            if done >= len(pages):
                pages = generate_pages(len(pages) + 500, PER_PAGE)
            chunk = [str(p) for p in pages[done : done + CHUNK]]
            t = time.perf_counter()
            counts = summary(import_paths(lib, chunk))
            seconds += time.perf_counter() - t
            if counts["failed"]:
                raise SystemExit(f"import failed in {chunk[0]}..: {counts}")
            done += len(chunk)
            log(f"  [{size}] {done} pages, {lib.count_articles()} articles, {seconds:.0f} s")
        tagged = _tag(lib, tagged_to)
        stats = lib.stats()
    note = {
        "articles": stats["articles"],
        "pages": stats["pages"],
        "tagged_now": tagged,
        "build_seconds": round(time.perf_counter() - started, 1),
        "bytes": os.path.getsize(path),
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    _note(path).write_text(json.dumps(note, indent=1))
    log(f"  [{size}] built: {note}")
    return path


def library_for(size: int, log=print) -> Path:
    """The built library for `size`, migrated to the current schema if it is older."""
    path = build(size, log)
    with Library.open(str(path)) as lib:
        if lib.backup_path:
            log(f"  [{size}] migrated to schema {schema.SCHEMA_VERSION}")
            os.remove(lib.backup_path)
    return path


if __name__ == "__main__":
    for arg in sys.argv[1:] or [str(s) for s in SIZES]:
        build(int(arg), lambda m: print(m, flush=True))
