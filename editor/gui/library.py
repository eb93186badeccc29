"""The window's narrow door to the library (`editor.storage.library`).

Everything the window needs from storage goes through these few functions,
so the window does not depend on the library's other features and a build
without storage still opens and edits pages. Each call opens the library for
its own work, which also makes it safe to call from a worker thread (an
SQLite connection belongs to the thread that opened it). Library errors
become `LibraryProblem` with a code and a message for a message box.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from editor.paths import library_file  # the storage layer's rule, without loading storage

if TYPE_CHECKING:
    from editor.core.model import Page


class LibraryProblem(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _module():
    try:
        return importlib.import_module("editor.storage.library")
    except ModuleNotFoundError as exc:
        if exc.name in ("editor.storage.library",):
            return None
        raise


def available() -> bool:
    return _module() is not None


def _problem(exc: Exception) -> LibraryProblem:
    code = getattr(exc, "code", "error")
    messages = {
        "busy": QCoreApplication.translate(
            "Library",
            "The library is busy (another program is writing to it). Try again in a moment.",
        ),
        "newer": QCoreApplication.translate(
            "Library", "The library was written by a newer PageDesk. Update PageDesk to open it."
        ),
        "corrupt": QCoreApplication.translate(
            "Library", "The library file is damaged or is not a PageDesk library."
        ),
        "not-found": QCoreApplication.translate("Library", "That page is not in the library."),
        "conflict": QCoreApplication.translate(
            "Library", "Someone else saved this page since you opened it."
        ),
        "full": QCoreApplication.translate(
            "Library", "The disk holding the library is full. Nothing was lost: free some space "
            "and try again."
        ),
        "read-only": QCoreApplication.translate(
            "Library", "The library is read-only here: it can be read and searched, not changed."
        ),
        "unreadable": QCoreApplication.translate(
            "Library", "The library cannot be opened (a missing folder, or no permission)."
        ),
        "missing": QCoreApplication.translate(
            "Library", "There is no library yet: saving a page creates it."
        ),
    }
    detail = str(exc)
    text = messages.get(code) or QCoreApplication.translate(
        "Library", "The library could not be used."
    )
    return LibraryProblem(code, f"{text}\n\n{detail}" if detail and detail not in text else text)


def _open(create: bool = True):
    mod = _module()
    if mod is None:
        raise LibraryProblem(
            "unavailable",
            QCoreApplication.translate("Library", "The library is not available in this build."),
        )
    return mod, mod.Library.open(create=create)


def _call(fn, create: bool = True) -> Any:
    mod = _module()
    error_type = getattr(mod, "LibraryError", ()) if mod else ()
    try:
        mod, lib = _open(create)
        with lib as opened:
            return fn(opened if opened is not None else lib)
    except LibraryProblem:
        raise
    except error_type as exc:  # type: ignore[misc]
        raise _problem(exc) from None
    except OSError as exc:
        raise _problem(exc) from None


def save_page(page: Page, message: str = "", base_tags: dict | None = None,
              base_revision: int | None = None) -> int:
    """Write a new revision of the page; returns the revision number. With `base_tags` the
    tags are merged with the library's (`Library.save_page`) and `page` gets the result;
    with `base_revision`, another text saved since is a LibraryProblem "conflict"."""
    return _call(lambda lib: lib.save_page(page, message=message, base_tags=base_tags,
                                           base_revision=base_revision))


def load_page_at(page_id: str) -> tuple[Page, int | None]:
    """The page and the revision it is at, read together."""
    return _call(lambda lib: (lib.load_page(page_id), lib.current_revision(page_id)),
                 create=False)


def load_page(page_id: str) -> Page:
    return _call(lambda lib: lib.load_page(page_id))


def find_by_sha256(sha256: str | None) -> str | None:
    """The id of a library page made from the same file, or None (also when there is no library)."""
    if not sha256 or not available():
        return None
    try:
        return _call(lambda lib: lib.page_for_sha256(sha256), create=False)
    except LibraryProblem:
        return None


def stored_pdf(sha256: str | None) -> str | None:
    """The library's copy of a PDF (by its sha256), or None; the library is not opened."""
    from editor.paths import stored_pdf as find

    return find(library_file(), sha256)


def is_empty() -> bool:
    """True when there is no library yet, or it holds no page (or cannot be read)."""
    if not available():
        return True
    try:
        # One row is enough to know (listing every page took 0.2 s at 100,000 articles).
        return not _call(lambda lib: list(lib.list_pages(limit=1)), create=False)
    except LibraryProblem:
        return True


def may_hold_pages() -> bool:
    """A guess for the window's first moments that reads no library: is there a library file?
    (`is_empty` opens it, and the storage modules take a while to import.)"""
    return os.path.exists(library_file())


def page_label(row: dict) -> str:
    """One line describing a library page for a chooser."""
    parts = [str(row[k]) for k in ("paper", "date", "section", "number") if row.get(k)]
    head = " ".join(parts) or str(row.get("file") or row.get("id") or "")
    extra = []
    if row.get("file") and parts:
        extra.append(str(row["file"]))
    if row.get("article_count") is not None:
        extra.append(
            QCoreApplication.translate("Library", "{n} articles").format(n=row["article_count"])
        )
    if row.get("edited"):
        extra.append(QCoreApplication.translate("Library", "corrected"))
    return head + (f"  ({', '.join(extra)})" if extra else "")


# -- the archive: browsing, search and tags ------------------------------------------------
# Reads open the library without creating it: no library yet reads as an empty one.

PAGE_FILTERS = ("paper", "date_from", "date_to", "section", "tag", "person", "untagged", "edited")


def _read(fn, empty):
    if not available():
        return empty
    try:
        return _call(fn, create=False)
    except LibraryProblem as exc:
        if exc.code == "missing":
            return empty
        raise


def browse_pages(filters: dict, limit: int, offset: int) -> list[dict]:
    """Pages matching the filters, in library order: the page's own fields (paper, dates,
    section) and, for the article filters, a page holding an article that passes them."""
    kw = {k: v for k, v in filters.items() if k in PAGE_FILTERS and v}
    return _read(lambda lib: lib.list_pages(limit=limit, offset=offset, **kw), [])


def browse_articles(filters: dict, limit: int, offset: int) -> list[dict]:
    return _read(lambda lib: lib.list_articles(limit=limit, offset=offset, **filters), [])


def count_articles(filters: dict) -> int:
    return _read(lambda lib: lib.count_articles(**filters), 0)


def search(query: str, limit: int = 200):
    """SearchHits for a query; a malformed query raises LibraryProblem("query", message)."""
    try:
        from editor.storage.query import QueryError
    except ImportError:  # pragma: no cover - a build without storage
        QueryError = ValueError  # noqa: N806
    try:
        return _read(lambda lib: lib.search(query, limit=limit), [])
    except QueryError as exc:
        raise LibraryProblem("query", str(exc)) from None


def tag_counts() -> list[tuple[str, int]]:
    return _read(lambda lib: lib.tag_counts(), [])


def set_tags(ids: list[str], add=(), remove=()):
    return _call(lambda lib: lib.set_tags(ids, add=list(add), remove=list(remove)))


def restore_tags(changes):
    return _call(lambda lib: lib.restore_tags(changes))


def merge_tags(sources: list[str], target: str):
    return _call(lambda lib: lib.merge_tags(sources, target))


def suggest_for(article, top: int = 10) -> list:
    """Suggested tags for an article as it is in the editor; without a library yet, from
    jieba's own word frequencies only."""
    if available():
        try:
            return _call(lambda lib: lib.suggest_for(article, top), create=False)
        except LibraryProblem as exc:
            if exc.code != "missing":
                raise
    from editor.core.suggest import suggest_tags
    from editor.storage.search import article_texts

    titles, _people, body = article_texts(article)
    return suggest_tags(
        "\n".join(x for x in (titles, body) if x),
        people=[p.name for p in article.people],
        existing=article.tags,
        top=top,
    )


def load_articles(ids: list[str]) -> list[tuple[Page, Any]]:
    """(page, article) for each id, each page loaded once, in the order given."""

    def work(lib):
        pages: dict[str, Page] = {}
        out = []
        for aid in ids:
            page, art = lib.load_article(aid)
            page = pages.setdefault(page.id, page)
            out.append((page, page.find_article(art.id) or art))
        return out

    return _call(work, create=False)


def reindex(report=None) -> int:
    """Re-cut the library's search tokens; `report(done, total, label)` after each page."""
    progress = None if report is None else (lambda done, total: report(done, total, ""))
    return _call(lambda lib: lib.reindex(progress))


def import_paths(paths: list[str], report=None, meta: dict | None = None) -> dict:
    """Import page files and folders into the library (in the calling worker thread, no
    extra processes: forking a process that runs Qt threads is not safe). `meta`: paper,
    date and section for every page (empty: guessed from file names and page headers)."""
    from editor.storage import batch

    def progress(done, total, result):
        if report is not None:
            report(done, total, os.path.basename(result.path))

    def work(lib):
        results = batch.import_paths(lib, paths, workers=1, progress=progress,
                                     **{k: v for k, v in (meta or {}).items() if v})
        out = batch.summary(results)
        out["problems"] = [
            f"{os.path.basename(r.path)}: {r.reason}" for r in results if r.status == "failed"
        ]
        return out

    return _call(work)
