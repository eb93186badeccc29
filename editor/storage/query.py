"""The search query language, parsed into plain data (no SQL, no FTS syntax).

    工会 劳模               both words must appear
    "全媒体记者 张小红"      a phrase, found as written
    -培训                   the article must not contain the word
    tag:劳模  person:李明  section:要闻  paper:工人日报
    date:2025-04  date:2025-04-01..2025-04-30  date:..2025-03
    -tag:x  -person:y       exclude by tag or person

Nothing the user types reaches FTS5 as syntax: words become quoted tokens
later (`search.py`). Stray quotes and operators are read as plain words; a
filter with a malformed value (a date that is not a date) is refused with
`QueryError`, a `ValueError` whose message says what is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FILTER_KEYS = ("tag", "person", "section", "date", "paper")
_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」"}
_DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


class QueryError(ValueError):
    """A query that cannot be understood; str() tells the user what to type instead."""


@dataclass
class Filters:
    """Article filters shared by search and `list_articles`."""

    page_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    section: str | None = None
    paper: str | None = None
    tags: list[str] = field(default_factory=list)
    not_tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    not_people: list[str] = field(default_factory=list)
    untagged: bool = False
    edited: bool = False


@dataclass
class Query:
    terms: list[str] = field(default_factory=list)  # words and phrases that must appear
    exclude: list[str] = field(default_factory=list)  # words that must not appear
    filters: Filters = field(default_factory=Filters)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.exclude and self.filters == Filters()


def normalise_date(text: str, upper: bool = False) -> str:
    """`2025-4` → `2025-04`; as an upper bound a partial date covers its whole month/year."""
    text = text.strip()
    if not _DATE.match(text):
        raise QueryError(
            f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a range as A..B)"
        )
    parts = text.split("-")
    out = "-".join([parts[0]] + [p.zfill(2) for p in parts[1:]])
    if upper and len(parts) < 3:
        out += "-99" * (3 - len(parts))
    return out


def date_range(value: str) -> tuple[str | None, str | None]:
    """`2025-04` or `2025-04-01..2025-04-30` (either end may be left open) to bounds."""
    if ".." in value:
        lo, hi = value.split("..", 1)
        return (normalise_date(lo) if lo.strip() else None,
                normalise_date(hi, upper=True) if hi.strip() else None)
    return normalise_date(value), normalise_date(value, upper=True)


def _split(text: str) -> list[tuple[str, bool]]:
    """Split into (item, quoted) pairs; an unbalanced quote is dropped, the rest read as words."""
    out: list[tuple[str, bool]] = []
    i, n, word = 0, len(text), []

    def flush() -> None:
        if word:
            out.append(("".join(word), False))
            word.clear()

    while i < n:
        ch = text[i]
        if ch in _QUOTES:
            close = text.find(_QUOTES[ch], i + 1)
            if ch == "”":  # a closing quote with no opening one
                close = -1
            if close == -1:
                i += 1
                continue
            prefix = "".join(word)
            word.clear()
            phrase = text[i + 1 : close]
            if prefix.endswith(":") or prefix.endswith("：") or prefix == "-":
                out.append((prefix + phrase, True))  # tag:"two words", -"a phrase"
            else:
                if prefix:
                    out.append((prefix, False))
                out.append((phrase, True))
            i = close + 1
        elif ch.isspace() or ch == "\u3000":
            flush()
            i += 1
        else:
            word.append(ch)
            i += 1
    flush()
    return out


# A search is what a person types: longer queries, or more words and filters, are refused
# with a clear message (a machine-made query of thousands of terms took minutes).
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 32


def parse(text: str) -> Query:
    """Parse a query string. Raises QueryError for a filter with a malformed value, and for
    a query longer than MAX_QUERY_CHARS or with more than MAX_QUERY_TERMS different words,
    phrases and filters. A word given twice counts once."""
    if len(text or "") > MAX_QUERY_CHARS:
        raise QueryError(f"the search is too long ({len(text)} characters; at most "
                         f"{MAX_QUERY_CHARS})")
    q = _parse(text)
    f = q.filters
    for items in (q.terms, q.exclude, f.tags, f.not_tags, f.people, f.not_people):
        items[:] = list(dict.fromkeys(items))
    count = sum(map(len, (q.terms, q.exclude, f.tags, f.not_tags, f.people, f.not_people)))
    if count > MAX_QUERY_TERMS:
        raise QueryError(f"the search has too many words and filters ({count}; at most "
                         f"{MAX_QUERY_TERMS})")
    return q


def _parse(text: str) -> Query:
    q = Query()
    f = q.filters
    for item, quoted in _split(text or ""):
        negate = item.startswith("-") and len(item) > 1
        body = item[1:] if negate else item
        key, sep, value = body.replace("：", ":", 1).partition(":")
        key = key.lower()
        if sep and key in FILTER_KEYS and value.strip():
            value = value.strip()
            if key == "tag":
                (f.not_tags if negate else f.tags).append(value)
            elif key == "person":
                (f.not_people if negate else f.people).append(value)
            elif negate:
                raise QueryError(f"-{key}: is not supported; use {key}: to narrow the search")
            elif key == "section":
                f.section = value
            elif key == "paper":
                f.paper = value
            else:
                f.date_from, f.date_to = date_range(value)
            continue
        if not quoted and item == "-":
            continue
        word = body if negate else item
        if not word.strip():
            continue
        (q.exclude if negate else q.terms).append(word if quoted else word.strip())
    return q
