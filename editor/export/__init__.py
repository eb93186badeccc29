"""Export layer (no Qt): Word, HTML, static site, pagedesk.page/1 JSON and plain text.

One entry point for the GUI and the CLI::

    from editor.export import export_articles
    export_articles([page], "docx", "p13.docx")                  # a whole page
    export_articles([(page, article)], "html", "a.html")          # one article
    export_articles(items, "site", "archive/", progress=cb)       # cb(done, total)

Items are `Page`s (the whole page) and `(Page, Article)` pairs, in the order
the document should have them. The writers live in `docx`, `html`, `site`
and `text`; `selection` groups items and holds the printed forms they share.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .selection import ExportError, ExportItem, Progress, Section, collect

FORMATS = ("docx", "html", "site", "json", "txt")
EXTENSIONS = {".docx": "docx", ".html": "html", ".htm": "html", ".json": "json", ".txt": "txt"}

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportItem",
    "Progress",
    "Section",
    "collect",
    "export_articles",
    "format_for_path",
]


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for (`.docx` → docx …); None for a folder-like name."""
    return EXTENSIONS.get(os.path.splitext(os.fspath(path))[1].lower())


def export_articles(
    items: Iterable[ExportItem],
    fmt: str,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    one_per_page: bool = False,
    title: str | None = None,
    replace: bool = False,
) -> list[str]:
    """Export items in format `fmt` to `path`; returns the files written.

    `docx`, `html` and `txt` write one file; `site` writes a folder; `json`
    writes one file per page (a folder when there are several pages).
    `progress(done, total)` is called as articles are written. Every file is written whole
    or not at all. A site goes into a folder holding other files only with `replace`. Raises
    ExportError for an empty selection, an unknown format, an unwritable path or such a
    folder.
    """
    sections = collect(items)
    if not sections:
        raise ExportError("nothing to export")
    if fmt == "docx":
        from .docx import write_docx

        return write_docx(sections, path, one_per_page=one_per_page, progress=progress)
    if fmt == "html":
        from .html import write_html

        return write_html(sections, path, title=title, one_per_page=one_per_page,
                          progress=progress)
    if fmt == "site":
        from .site import SITE_TITLE, write_site

        return write_site(sections, path, title=title or SITE_TITLE, progress=progress,
                          replace=replace)
    if fmt == "json":
        from .text import write_json

        return write_json(sections, path, progress=progress)
    if fmt == "txt":
        from .text import write_text

        return write_text(sections, path, progress=progress)
    raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
