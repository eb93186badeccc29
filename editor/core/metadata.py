"""Guessing a page's metadata (date, section, page number) from the page and its file.

`core.importer.import_pages` applies it to every page it reads, so the command line,
batch import and the window give a page the same metadata.

`guess_meta(page, filename)` is a pure function: it reads what the segmenter
put in `page.meta` and `page.furniture`, the raw text and the file name, and
returns a new `PageMeta`; the caller decides what overrides what. It never
changes the page.

- Date: a masthead-style date with a weekday (`2018 年 1 月 5 日 星期五`)
  anywhere, else a full date in the first lines of the page, else a date in
  the file name (`2025-04-14`, `20250414`, `2025_4_14`, `2025年4月14日`). Dates
  without a year (`4月9日` in a story) are never used.
- Section and page number: from the segmenter's metadata, else a furniture
  line such as `要闻 2`, `2 要闻` or `第13版 要闻`.
"""

from __future__ import annotations

import datetime
import os
import re

from .model import Page, PageMeta

_CN_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"(\s*[,，]?\s*(?:星期|周|礼拜)[一二三四五六日天])?"
)
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_./](\d{1,2})[-_./](\d{1,2})(?!\d)")
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_SECTION_NUM = re.compile(r"^\s*([\u4e00-\u9fff·]{2,10})\s+(\d{1,3})\s*$")
_NUM_SECTION = re.compile(r"^\s*(\d{1,3})\s+([\u4e00-\u9fff·]{2,10})\s*$")
_BAN = re.compile(r"第\s*(\d{1,3})\s*版\s*[:：]?\s*([\u4e00-\u9fff·]{2,10})?")
HEAD_LINES = 12  # masthead and page furniture sit at the top (or bottom) of a page


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def date_from_text(text: str) -> str | None:
    """A page date from its text: a date with a weekday first, then a full date near the top."""
    for m in _CN_DATE.finditer(text):
        if m.group(4):
            iso = _iso(m.group(1), m.group(2), m.group(3))
            if iso:
                return iso
    lines = [s for s in text.splitlines() if s.strip()]
    edge = "\n".join(lines[:HEAD_LINES])
    for m in _CN_DATE.finditer(edge):
        iso = _iso(m.group(1), m.group(2), m.group(3))
        if iso:
            return iso
    return None


def date_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    name = os.path.basename(filename)
    for rx in (_CN_DATE, _ISO_DATE, _COMPACT_DATE):
        for m in rx.finditer(name):
            iso = _iso(m.group(1), m.group(2), m.group(3))
            if iso:
                return iso
    return None


def section_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
    """(section, number) from a page-furniture line at the top or bottom of the page."""
    nonblank = [s for s in lines if s.strip()]
    edge = nonblank[:HEAD_LINES] + nonblank[-HEAD_LINES:]
    for s in edge:
        if m := _SECTION_NUM.match(s):
            return m.group(1), str(int(m.group(2)))
        if m := _NUM_SECTION.match(s):
            return m.group(2), str(int(m.group(1)))
    for s in edge:
        if (m := _BAN.search(s)) and len(s.strip()) <= 20:
            return m.group(2), str(int(m.group(1)))
    return None, None


def guess_meta(page: Page, filename: str | None = None) -> PageMeta:
    """Best guesses for the page's paper, date, section and number (segmenter's own first)."""
    m = page.meta
    section, number = m.section, m.number
    if not section or not number:
        furniture = [b.display_text for b in page.furniture]
        s2, n2 = section_from_lines(furniture)
        if not s2:
            s2, n2 = section_from_lines(page.raw_lines())
        section, number = section or s2, number or n2
    # A PDF's own title (`人民日报 2024年3月1日 第5版`) is the last hint for date and page.
    title = str(((page.layout or {}).get("pdf") or {}).get("title") or "")
    date = m.date or date_from_text(page.raw) or date_from_filename(
        filename or page.source.file
    ) or date_from_filename(title)
    if not number and (found := _BAN.search(title)):
        number = str(int(found.group(1)))
    return PageMeta(paper=m.paper, date=date, section=section, number=number)
