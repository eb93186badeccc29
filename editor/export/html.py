"""HTML export: one self-contained file (inline CSS) per article, page or selection.

Templates and CSS live in `resources/templates` and `resources/css`; Jinja2
renders them with autoescaping on, so every piece of article text — even
`<script>` or `&` typed by an editor — reaches the reader as text. The
environment here is shared with the static site export (`site.py`).
"""

from __future__ import annotations

import os
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from editor.paths import resource_dir

from .files import write_atomic
from .selection import (
    Counter,
    ExportError,
    Progress,
    Section,
    all_tags,
    byline_line,
    clean,
    count_articles,
    document_title,
    flow,
    page_banner,
    people_names,
    printable,
)

RESOURCES = resource_dir()
TEMPLATES = RESOURCES / "templates"
CSS_FILE = RESOURCES / "css" / "pagedesk.css"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment for every PageDesk HTML template (autoescape on)."""
    env = Environment(
        loader=FileSystemLoader(os.fspath(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["clean"] = clean
    env.globals.update(byline_line=byline_line, flow=flow, page_banner=page_banner)
    return env


def stylesheet() -> str:
    """The export CSS, for inlining or for the site's shared `style.css`."""
    try:
        return CSS_FILE.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"export stylesheet missing: {CSS_FILE} ({exc.strerror})") from None


def head_context(articles, title: str, *, stylesheet_href: str | None = None,
                 one_per_page: bool = False) -> dict:
    """Values the shared `_base.html.j2` needs: title, metadata, and CSS inline or linked."""
    return {
        "title": title,
        "authors": people_names(articles),
        "keywords": all_tags(articles),
        "stylesheet": stylesheet_href,
        "css": "" if stylesheet_href else stylesheet(),
        "body_class": "one-per-page" if one_per_page else "",
    }


def render_html(sections: list[Section], *, title: str | None = None,
                one_per_page: bool = False, progress: Progress | None = None) -> str:
    """The whole HTML document for sections (see `selection.collect`)."""
    total = count_articles(sections)
    show_banner = len(sections) > 1 or any(s.whole_page for s in sections)
    if not total and not show_banner:
        raise ExportError("nothing to export")
    counter = Counter(total, progress)
    articles = [a for s in sections for a in s.articles]
    html = environment().get_template("document.html.j2").render(
        sections=sections,
        show_banner=show_banner,
        tick=lambda: counter.step() or "",
        **head_context(articles, title or document_title(sections), one_per_page=one_per_page),
    )
    return html


def write_html(sections: list[Section], path: str | os.PathLike[str], *,
               title: str | None = None, one_per_page: bool = False,
               progress: Progress | None = None) -> list[str]:
    html = render_html(sections, title=title, one_per_page=one_per_page, progress=progress)
    write_text_file(path, html)
    return [os.fspath(path)]


def write_text_file(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text as given (LF line ends), whole or not at all (`files.write_atomic`);
    OS errors become ExportError."""
    write_atomic(path, printable(text).encode("utf-8"))
