"""What an export contains, and the printed form of its facts, shared by every writer.

Callers hand the writers *items*: a `Page` (the whole page) or a
`(Page, Article)` pair (one article). `collect()` groups them into
`Section`s — consecutive articles of the same page — so every writer can put
a page banner above each page's articles. The helpers below turn model facts
into the strings the documents print (the byline line, the page banner, the
date), so Word, HTML and text exports agree character for character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from editor.core.byline import credit_line
from editor.core.model import Article, Block, Page

# A progress callback: progress(done, total), called after each article.
Progress = Callable[[int, int], None]
ExportItem = Page | tuple[Page, Article]

# Roles printed in the article body, in block order.
FLOW_ROLES = ("paragraph", "subhead", "caption", "credit")


class ExportError(Exception):
    """An export that cannot be done (nothing selected, unknown format, unwritable path)."""


@dataclass
class Section:
    """Articles of one page, in export order. `whole_page` when the caller asked for the page."""

    page: Page
    articles: list[Article] = field(default_factory=list)
    whole_page: bool = False


def collect(items: Iterable[ExportItem]) -> list[Section]:
    """Group items into sections; an article given twice is exported once."""
    sections: list[Section] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        if isinstance(item, Page):
            page, arts, whole = item, list(item.articles), True
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Page):
            page, arts, whole = item[0], [item[1]], False
        else:
            raise ExportError(
                f"cannot export {type(item).__name__}: expected a Page or (Page, Article)")
        arts = [a for a in arts if (page.id, a.id) not in seen]
        seen.update((page.id, a.id) for a in arts)
        last = sections[-1] if sections else None
        if last and last.page.id == page.id and not whole and not last.whole_page:
            last.articles.extend(arts)
        elif arts or whole:
            sections.append(Section(page, arts, whole))
    return sections


def count_articles(sections: list[Section]) -> int:
    return sum(len(s.articles) for s in sections)


class Counter:
    """Calls `progress(done, total)` as articles are written; a no-op without a callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self._progress = total, 0, progress
        if progress:
            progress(0, total)

    def step(self) -> None:
        self.done += 1
        if self._progress:
            self._progress(self.done, self.total)


# -- printed forms ------------------------------------------------------------------------


def byline_line(article: Article) -> str | None:
    """Dateline and byline as printed on their own line: `本报讯（记者 X）`, or either alone."""
    return credit_line(article.dateline, article.byline)


def flow(article: Article) -> list[Block]:
    """Body paragraphs, subheads, captions and stray credits in reading order. A byline or
    dateline block that the article's byline line does not print (a block an editor made
    one, a second byline) is printed where it stands: no printed text drops out."""
    head = re.sub(r"\s+", "", byline_line(article) or "")

    def printed(b: Block) -> bool:
        if b.role in ("byline", "dateline"):
            return re.sub(r"\s+", "", b.display_text) not in head
        return b.role in FLOW_ROLES
    return [b for b in article.blocks if printed(b) and b.display_text.strip()]


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def chinese_date(value: str | None) -> str | None:
    """ISO `2025-04-11` as `2025年4月11日`; other text unchanged."""
    d = parse_date(value)
    if d is None:
        return value or None
    return f"{d.year}年{d.month}月{d.day}日"


def page_number_label(number: str | None) -> str | None:
    if not number:
        return None
    return f"第{number}版" if number.strip().isdigit() else number


def paper_label(paper: str | None) -> str | None:
    """A paper's name in title marks: 《…》."""
    if not paper:
        return None
    return paper if paper.startswith("《") else f"《{paper}》"


def page_banner(page: Page) -> str:
    """`报名　2025年4月11日　要闻　第2版` with whatever the page metadata knows."""
    m = page.meta
    parts = [
        paper_label(m.paper),
        chinese_date(m.date),
        m.section,
        page_number_label(m.number),
    ]
    text = "　".join(p for p in parts if p)
    return text or (page.source.file or "未命名版面")


def people_names(articles: Iterable[Article]) -> list[str]:
    """Everyone credited, first appearance first, no repeats."""
    names: list[str] = []
    for a in articles:
        for p in a.people:
            if p.name and p.name not in names:
                names.append(p.name)
    return names


def all_tags(articles: Iterable[Article]) -> list[str]:
    tags: list[str] = []
    for a in articles:
        tags += [t for t in a.tags if t not in tags]
    return tags


def document_title(sections: list[Section]) -> str:
    """One article: its headline; one page: its banner; otherwise the first headline and a count."""
    articles = [a for s in sections for a in s.articles]
    if len(sections) == 1 and sections[0].whole_page:
        return page_banner(sections[0].page)
    if not articles:
        return "PageDesk"
    first = articles[0].headline or articles[0].label() or "无标题"
    return first if len(articles) == 1 else f"{first} 等{len(articles)}篇"


def document_date(sections: list[Section]) -> datetime:
    """The earliest page date of the export, or now when no page is dated."""
    dates = [d for s in sections if (d := parse_date(s.page.meta.date))]
    if dates:
        d = min(dates)
        return datetime(d.year, d.month, d.day, tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def slug(text: str, fallback: str = "x") -> str:
    """A file-name-safe ASCII fragment (ids, dates, page numbers)."""
    s = _UNSAFE.sub("-", text or "").strip("-.")
    return s[:60] or fallback


# XML 1.0 forbids most C0 controls; python-docx refuses them and browsers show junk.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(text: str) -> str:
    """The text with any lone surrogate (a broken UTF-16 pair, which no file encoding can
    hold) replaced by U+FFFD, everything else kept."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def clean(text: str | None) -> str:
    """Text safe for XML documents (controls other than tab and newline dropped, a lone
    surrogate shown as U+FFFD)."""
    return _XML_BAD.sub("", printable(text or ""))
