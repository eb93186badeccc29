"""Static archive export: a folder that works straight from the file system.

Layout::

    FOLDER/index.html             dates (newest first), then pages, then articles
    FOLDER/style.css              the export stylesheet, shared by every page
    FOLDER/articles/<name>.html   one page per article, linked to the index and
                                  to its neighbours with relative links

File names are ASCII (date, page number, position, article id) so the links
survive zip files and file systems that mangle non-ASCII names.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.model import Article, Page

from .html import environment, head_context, stylesheet, write_text_file
from .selection import (
    Counter,
    ExportError,
    Progress,
    Section,
    chinese_date,
    count_articles,
    page_banner,
    page_number_label,
    paper_label,
    parse_date,
    slug,
)

ARTICLES_DIR = "articles"
SITE_TITLE = "版面存档"


@dataclass
class Entry:
    page: Page
    article: Article
    file: str  # relative to the site folder, with "/" separators
    href: str = ""  # as linked from the index


@dataclass
class PageGroup:
    page: Page
    label: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Day:
    label: str
    pages: list[PageGroup] = field(default_factory=list)


def _page_sort_key(page: Page) -> tuple:
    number = page.meta.number or ""
    digits = re.match(r"\d+", number)
    return (int(digits.group()) if digits else 10**6, number, page.meta.paper or "",
            page.meta.section or "")


def _page_label(page: Page) -> str:
    """The page's banner without its date (the index groups by date already)."""
    m = page.meta
    parts = [paper_label(m.paper), m.section, page_number_label(m.number)]
    return "　".join(p for p in parts if p) or page_banner(page)


def _told_apart(pages: list[PageGroup], undated: bool) -> None:
    """Give pages of one day that would show one label something to tell them apart: an
    undated page its file's name (undated pages of many days meet under one heading, and
    the name is what the archivist has), then any label still shared a number of its own."""
    if undated:
        for g in pages:
            file = os.path.basename(g.page.source.file or "")
            if file and file not in g.label:
                g.label = f"{g.label}（{file}）"
    seen: dict[str, int] = {}
    for g in pages:
        seen[g.label] = seen.get(g.label, 0) + 1
    count: dict[str, int] = {}
    for g in pages:
        if seen[g.label] > 1:
            count[g.label] = count.get(g.label, 0) + 1
            g.label = f"{g.label}（之{count[g.label]}）"


def plan(sections: list[Section]) -> list[Day]:
    """Group the export by date (newest first, undated last), then page, then article order."""
    groups: dict[str, PageGroup] = {}
    for s in sections:
        group = groups.setdefault(s.page.id, PageGroup(s.page, _page_label(s.page)))
        known = {e.article.id for e in group.entries}
        group.entries += [Entry(s.page, a, "") for a in s.articles if a.id not in known]
    by_day: dict[str, list[PageGroup]] = {}
    for g in groups.values():
        d = parse_date(g.page.meta.date)
        by_day.setdefault(d.isoformat() if d else "", []).append(g)
    days = []
    for key in sorted((k for k in by_day if k), reverse=True) + ([""] if "" in by_day else []):
        pages = sorted(by_day[key], key=lambda g: _page_sort_key(g.page))
        _told_apart(pages, undated=not key)
        days.append(Day(chinese_date(key) if key else "日期不详", pages))
    used: set[str] = set()
    for day in days:
        for g in day.pages:
            stem = f"{g.page.meta.date or 'undated'}-p{g.page.meta.number or 'x'}"
            for i, e in enumerate(g.entries, 1):
                name = f"{slug(stem)}-{i:02d}-{slug(e.article.id)}"
                while name in used:
                    name += "x"
                used.add(name)
                e.file = f"{ARTICLES_DIR}/{name}.html"
                e.href = e.file
    return days


MARKER = ".pagedesk-site"  # left in a folder PageDesk wrote a site into


def foreign_files(folder: str | os.PathLike[str]) -> list[str]:
    """Names in `folder` that a site export would write over or beside although PageDesk did
    not write them there (no marker of an earlier site export): [] for a missing or empty
    folder, or one holding a PageDesk site already."""
    root = Path(folder)
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    if MARKER in names:
        return []
    return names


def write_site(sections: list[Section], folder: str | os.PathLike[str], *,
               title: str = SITE_TITLE, progress: Progress | None = None,
               replace: bool = False) -> list[str]:
    """Write the archive into `folder` (created if needed); returns the files written.

    A folder holding files PageDesk did not write there is refused unless `replace`: the
    export would write its `index.html`, `style.css` and `articles/` over theirs."""
    days = plan(sections)
    entries = [e for d in days for g in d.pages for e in g.entries]
    if not entries:
        raise ExportError("nothing to export")
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise ExportError(f"{root} is a file, not a folder for the site")
    others = foreign_files(root)
    if others and not replace:
        shown = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
        raise ExportError(f"the folder {root} already holds files ({shown}); choose an empty "
                          "folder, or replace its files (--replace)")
    try:
        (root / ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create folder {root}: {exc.strerror or exc}") from None
    counter = Counter(count_articles(sections), progress)
    env = environment()
    written = []
    write_text_file(root / "style.css", stylesheet())
    written.append(root / "style.css")
    article_tpl = env.get_template("site_article.html.j2")
    for i, e in enumerate(entries):
        # Article pages sit one folder down: links go up with "../".
        up = "../"
        prev_e = entries[i - 1] if i > 0 else None
        next_e = entries[i + 1] if i + 1 < len(entries) else None
        html = article_tpl.render(
            article=e.article,
            banner=page_banner(e.page),
            index_href=f"{up}index.html",
            prev_href=f"{up}{prev_e.file}" if prev_e else None,
            next_href=f"{up}{next_e.file}" if next_e else None,
            **head_context([e.article], e.article.headline or e.article.label() or title,
                           stylesheet_href=f"{up}style.css"),
        )
        write_text_file(root / e.file, html)
        written.append(root / e.file)
        counter.step()
    index = env.get_template("site_index.html.j2").render(
        days=days,
        total=len(entries),
        **head_context([e.article for e in entries], title, stylesheet_href="style.css"),
    )
    write_text_file(root / "index.html", index)
    written.append(root / "index.html")
    write_text_file(root / MARKER, "PageDesk static site\n")
    return [os.fspath(p) for p in written]
