"""Cached benchmark libraries of 1,000, 10,000 and 100,000 articles, built through the real import.

`library_for(size, corpus)` returns the path of a PageDesk library holding at
least `size` articles of a corpus, building it on first use (and resuming a
build that was interrupted: the batch import skips pages already in the
library by sha256). Two corpora:

- `sentences`: `gen_data.generate_pages(n, 5)`, recombined sentences (common
  words in 15–93% of articles);
- `stories`: `stories.generate_pages(n, 5)`, our own articles recombined by
  paragraph with Zipf-like topic mixing (realistic word frequencies).

Each size is grown from a backup copy of the size below it, so building all
three imports the pages of the biggest one once. After the import some
articles get tags through `Library.set_tags` (the path the GUI's tag editor
takes), so `tag:` filters have something to find:

- `劳模工匠` on every article whose headline names 劳模 or 工匠;
- `要闻` on every 25th article (in rowid order).

A built library is marked by `<file>.done` (a JSON note of what it holds and
of its key). The key, in the file name, names everything the library's
contents depend on: the corpus and its generator's version (for `stories`,
a hash of the articles too), the tokenizer (jieba's version), the contents of
the user dictionaries (`resources/jieba/`, and `$PAGEDESK_USER_DICT` when
set) and the library schema version. A change to any of them builds a new
library instead of reusing a stale one; `stale()` lists the old files. Run it
alone to build:

    nice .venv/bin/python benchmarks/datasets.py [--corpus stories] 1000 10000 100000
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import gen_data, stories  # noqa: E402
from benchmarks.gen_data import CACHE  # noqa: E402
from editor.core import tokens  # noqa: E402
from editor.storage import schema  # noqa: E402
from editor.storage.batch import import_paths, summary  # noqa: E402
from editor.storage.library import Library  # noqa: E402
from tests.corpus import CorpusError  # noqa: E402

PER_PAGE = 5  # articles per generated page (the importer finds ~6: some leads split)
SIZES = (1_000, 10_000, 100_000)
CORPORA = {"sentences": gen_data, "stories": stories}
CHUNK = 200  # pages per import_paths call (progress is printed between chunks)
TAG_EVERY = 25


def dictionary_hash() -> str:
    """sha256 of the user dictionaries jieba loads for the import: every file of
    `resources/jieba/` (name and bytes) and `$PAGEDESK_USER_DICT` if set."""
    h = hashlib.sha256()
    folder = tokens.USER_DICT.parent
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    extra = os.environ.get("PAGEDESK_USER_DICT")
    if extra and os.path.isfile(extra):
        files.append(Path(extra))
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.cache
def cache_key(corpus: str = "sentences") -> dict[str, str | int]:
    """What a library of `corpus` depends on (fixed for the run: computed once)."""
    return {
        "corpus": corpus,
        "pages": CORPORA[corpus].cache_tag(),
        "jieba": metadata.version("jieba"),
        "dictionary": dictionary_hash()[:10],
        "schema": schema.SCHEMA_VERSION,
    }


def key_name(corpus: str = "sentences") -> str:
    k = cache_key(corpus)
    return f"{corpus}-{k['pages']}-jieba{k['jieba']}-d{k['dictionary']}-s{k['schema']}"


def library_path(size: int, corpus: str = "sentences") -> Path:
    return CACHE / f"lib-{key_name(corpus)}-{size}.sqlite"


def _note(path: Path) -> Path:
    return path.with_name(path.name + ".done")


def info(size: int, corpus: str = "sentences") -> dict | None:
    """The `.done` note of a built library, or None when it is not built yet."""
    note = _note(library_path(size, corpus))
    return json.loads(note.read_text()) if note.exists() else None


def stale() -> list[Path]:
    """Cached libraries no current key names (another generator, dictionary, schema …)."""
    current = {key_name(c) for c in CORPORA if c == "sentences" or has_stories()}
    return sorted(
        p
        for p in CACHE.glob("lib-*.sqlite")
        if not any(p.name.startswith(f"lib-{k}-") for k in current)
    )


def has_stories() -> bool:
    """Whether the stories corpus has articles to recombine (and they load)."""
    try:
        cache_key("stories")
    except (stories.NoStories, CorpusError):
        return False
    return True


def _pages_for(articles: int, corpus: str, n_pages: int | None = None) -> list[Path]:
    # ~6.1 articles per page after segmenting; a margin, topped up by the caller if short
    n = n_pages if n_pages is not None else int(articles / 5.5) + 50
    return CORPORA[corpus].generate_pages(n, PER_PAGE)


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


def library_for(size: int, corpus: str = "sentences", log=print) -> Path:
    """The library of `size` articles of `corpus`, built (or finished) now if needed."""
    path = library_path(size, corpus)
    if info(size, corpus):
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    smaller = [s for s in SIZES if s < size]
    if not path.exists() and smaller:
        base = library_for(smaller[-1], corpus, log)
        with Library.open(str(base)) as src:
            src.backup(str(path))
    started = time.perf_counter()
    with Library.open(str(path)) as lib:
        tagged_to = lib._one(
            "SELECT coalesce(max(rid), 0) FROM articles WHERE EXISTS "
            "(SELECT 1 FROM article_tags x WHERE x.article_rid = articles.rid)"
        )[0]
        pages = _pages_for(size, corpus)
        done = lib.stats()["pages"]
        seconds = 0.0
        while lib.count_articles() < size:
            if done >= len(pages):
                pages = _pages_for(size, corpus, len(pages) + 500)
            chunk = [str(p) for p in pages[done : done + CHUNK]]
            t = time.perf_counter()
            counts = summary(import_paths(lib, chunk))
            seconds += time.perf_counter() - t
            if counts["failed"]:
                raise SystemExit(f"import failed in {chunk[0]}..: {counts}")
            done += len(chunk)
            n = lib.count_articles()
            log(f"  [{corpus} {size}] {done} pages, {n} articles, {seconds:.0f} s")
        tagged = _tag(lib, tagged_to)
        stats = lib.stats()
    note = {
        "corpus": corpus,
        "key": cache_key(corpus),
        "articles": stats["articles"],
        "pages": stats["pages"],
        "tagged_now": tagged,
        "build_seconds": round(time.perf_counter() - started, 1),
        "bytes": os.path.getsize(path),
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    _note(path).write_text(json.dumps(note, indent=1))
    log(f"  [{corpus} {size}] built: {note}")
    return path


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Build the cached benchmark libraries.")
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="sentences")
    ap.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    args = ap.parse_args()
    for size in args.sizes:
        library_for(size, args.corpus, lambda m: print(m, flush=True))
