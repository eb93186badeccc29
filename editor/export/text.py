"""Plain-text and pagedesk.page/1 JSON export.

Text is UTF-8 with LF line ends: per article the titles, the byline line,
then paragraphs separated by blank lines, then captions, source, notes.
Articles are separated by a `＊　＊　＊` line. JSON is the interchange format
of DESIGN.md §5, written by `editor.core.pagejson` so that reading it back
gives the same model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from editor.core.model import Article, Page
from editor.core.pagejson import page_to_dict

from .html import write_text_file
from .selection import (
    Counter,
    ExportError,
    Progress,
    Section,
    byline_line,
    clean,
    count_articles,
    flow,
    page_banner,
    slug,
)

ARTICLE_SEPARATOR = "＊　＊　＊"


def article_text(article: Article) -> str:
    """One article as plain text (no trailing newline)."""
    head = [t for t in (article.kicker, article.headline, article.subheadline,
                        byline_line(article)) if t and t.strip()]
    paras: list[str] = []
    for b in flow(article):
        if b.role == "caption":
            credit = f"　{b.credit}" if b.credit else ""
            paras.append(f"图：{b.display_text}{credit}")
        else:
            paras.append(b.display_text)
    tail = []
    if article.source:
        tail.append(f"来源：{article.source}")
    tail += article.notes
    if article.tags:
        tail.append("标签：" + "、".join(article.tags))
    chunks = ["\n".join(head)] if head else []
    chunks += paras
    if tail:
        chunks.append("\n".join(tail))
    return clean("\n\n".join(c.strip("\n") for c in chunks))


def render_text(sections: list[Section], progress: Progress | None = None) -> str:
    counter = Counter(count_articles(sections), progress)
    show_banner = len(sections) > 1 or any(s.whole_page for s in sections)
    parts: list[str] = []
    for section in sections:
        if show_banner:
            parts.append(clean(page_banner(section.page)))
        for article in section.articles:
            if parts and not (show_banner and article is section.articles[0]):
                parts.append(ARTICLE_SEPARATOR)
            parts.append(article_text(article))
            counter.step()
    if not parts:
        raise ExportError("nothing to export")
    return "\n\n".join(parts) + "\n"


def write_text(sections: list[Section], path: str | os.PathLike[str],
               progress: Progress | None = None) -> list[str]:
    write_text_file(path, render_text(sections, progress))
    return [os.fspath(path)]


def _pages_for_json(sections: list[Section]) -> list[Page]:
    """Whole pages as they are; article selections as their page restricted to those articles."""
    pages: dict[str, Page] = {}
    chosen: dict[str, list[Article]] = {}
    for s in sections:
        pages.setdefault(s.page.id, s.page)
        have = chosen.setdefault(s.page.id, [])
        have += [a for a in (s.page.articles if s.whole_page else s.articles) if a not in have]
    out = []
    for pid, page in pages.items():
        arts = chosen[pid]
        if len(arts) == len(page.articles):
            out.append(page)
        else:
            order = {a.id: i for i, a in enumerate(page.articles)}
            arts = sorted(arts, key=lambda a: order.get(a.id, len(order)))
            out.append(Page(raw=page.raw, source=page.source, meta=page.meta, articles=arts,
                            furniture=page.furniture, unassigned=[], decisions=[], id=page.id))
    return out


def json_name(page: Page, index: int) -> str:
    stem = Path(page.source.file or "").stem
    return f"{index:02d}-{slug(stem or page.id, page.id)}.json"


def write_json(sections: list[Section], path: str | os.PathLike[str],
               progress: Progress | None = None) -> list[str]:
    """One page: a file at `path`. Several pages: a folder `path` with one file per page."""
    pages = _pages_for_json(sections)
    if not pages:
        raise ExportError("nothing to export")
    counter = Counter(count_articles(sections), progress)
    target = Path(path)
    if len(pages) == 1 and not target.is_dir():
        files = [target]
    elif target.suffix.lower() == ".json" and not target.is_dir():
        # (a folder named q.json, made without a word, looked like a file that failed)
        raise ExportError(f"{len(pages)} pages make {len(pages)} JSON files: give a folder "
                          f"instead of {target.name}")
    else:
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"cannot create folder {target}: {exc.strerror or exc}") from None
        files = [target / json_name(p, i) for i, p in enumerate(pages, 1)]
    for page, file in zip(pages, files, strict=True):
        text = json.dumps(page_to_dict(page), ensure_ascii=False, indent=2) + "\n"
        write_text_file(file, text)
        for _ in page.articles:
            counter.step()
    return [os.fspath(f) for f in files]
