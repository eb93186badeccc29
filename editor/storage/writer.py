"""Writing one page into the library's tables, inside the caller's transaction.

`page_rows` does the slow, lock-free part (jieba tokens, JSON); `write_page`
then replaces the page's current-state rows and appends a revision. Old
revisions are never touched, except that if a page's raw text ever changes
the previous raw is copied into the revisions that relied on it, so every
revision can still be loaded exactly.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from editor.core import pagejson
from editor.core.model import Page

from . import history
from .search import article_texts, full_text, source_hash, tokenize


@dataclass
class ArticleRow:
    article: object
    text: str
    body_at: int
    hash: str
    tokens: tuple[str, str, str]


@dataclass
class PageRows:
    data: dict
    blob: bytes
    articles: list[ArticleRow] = field(default_factory=list)


def page_rows(page: Page, cached: dict | None = None) -> PageRows:
    """Everything a save writes, computed before the write lock is taken."""
    cached = cached or {}
    ids = [a.id for a in page.articles]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f"page {page.id} has two articles with the id {dup}")
    data = pagejson.page_to_exact_dict(page)
    rows = PageRows(data=data, blob=pagejson.pack(data))
    for a in page.articles:
        parts = article_texts(a)
        h = source_hash(parts)
        toks = cached.get((a.id, h)) or tuple(tokenize(p) for p in parts)
        text, body_at = full_text(parts)
        rows.articles.append(ArticleRow(a, text, body_at, h, toks))
    return rows


def _block_row(page_id, article_rid, owner, ord_, b):
    lines = list(b.lines)
    return (b.id, page_id, article_rid, owner, ord_, b.role, json.dumps(lines),
            min(lines) if lines else None, max(lines) if lines else None,
            b.text, b.edited, b.credit, b.confidence)


_BLOCK_SQL = (
    "INSERT INTO blocks (id, page_id, article_rid, owner, ord, role, lines, first_line,"
    " last_line, text, edited, credit, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def tag_ids(conn: sqlite3.Connection, names: list[str]) -> dict[str, int]:
    for n in names:
        conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [n])
    return {n: conn.execute("SELECT id FROM tags WHERE name = ?", [n]).fetchone()[0]
            for n in names}


def write_tags(conn: sqlite3.Connection, article_rid: int, tags: list[str]) -> None:
    conn.execute("DELETE FROM article_tags WHERE article_rid = ?", [article_rid])
    ids = tag_ids(conn, list(dict.fromkeys(tags)))
    conn.executemany(
        "INSERT INTO article_tags (article_rid, tag_id, ord) VALUES (?,?,?)",
        [(article_rid, ids[t], i) for i, t in enumerate(dict.fromkeys(tags))],
    )


def clear_page(conn: sqlite3.Connection, page_id: str) -> None:
    """Drop the page's current-state rows (its revisions stay)."""
    rids = [r[0] for r in conn.execute("SELECT rid FROM articles WHERE page_id = ?", [page_id])]
    conn.executemany("DELETE FROM article_tokens WHERE rid = ?", [(r,) for r in rids])
    conn.executemany("DELETE FROM article_text WHERE rid = ?", [(r,) for r in rids])
    conn.execute("DELETE FROM blocks WHERE page_id = ?", [page_id])
    conn.execute("DELETE FROM articles WHERE page_id = ?", [page_id])


def write_page(conn: sqlite3.Connection, page: Page, rows: PageRows, message: str,
               stamp: str) -> int:
    old = conn.execute("SELECT raw, imported_at FROM pages WHERE id = ?", [page.id]).fetchone()
    last = conn.execute("SELECT max(revision) FROM revisions WHERE page_id = ?",
                        [page.id]).fetchone()[0] or 0
    revision = last + 1
    edited_any = any(b.edited is not None for _a, b in page.all_blocks())
    m, s = page.meta, page.source
    if old is None:
        summary = f"{len(page.articles)} articles"
        conn.execute(
            "INSERT INTO pages (id, paper, date, section, number, file, encoding, sha256, newline,"
            " raw, imported_at, saved_at, revision, edited) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [page.id, m.paper, m.date, m.section, m.number, s.file, s.encoding, s.sha256,
             s.newline, page.raw, stamp, stamp, revision, int(edited_any)],
        )
    else:
        if old[0] != page.raw:  # keep older revisions loadable with the raw they were saved with
            conn.execute("UPDATE revisions SET raw = ? WHERE page_id = ? AND raw IS NULL",
                         [old[0], page.id])
        prev = conn.execute("SELECT data, coalesce(raw, ?) FROM revisions WHERE page_id = ? "
                            "AND revision = ?", [old[0], page.id, last]).fetchone()
        changes = []
        if prev:
            before = pagejson.page_from_exact_dict(pagejson.unpack(prev[0]), prev[1])
            changes = history.diff_pages(before, page)
        summary = history.summarise(changes)
        clear_page(conn, page.id)
        conn.execute(
            "UPDATE pages SET paper=?, date=?, section=?, number=?, file=?, encoding=?, sha256=?,"
            " newline=?, raw=?, saved_at=?, revision=?, edited=? WHERE id=?",
            [m.paper, m.date, m.section, m.number, s.file, s.encoding, s.sha256, s.newline,
             page.raw, stamp, revision, int(edited_any or revision > 1), page.id],
        )
    blocks = []
    for ord_, row in enumerate(rows.articles):
        a = row.article
        edited = int(any(b.edited is not None for b in a.blocks))
        cur = conn.execute(
            "INSERT INTO articles (id, page_id, ord, kicker, headline, subheadline, dateline,"
            " byline, confidence, notes_text, edited) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [a.id, page.id, ord_, a.kicker, a.headline, a.subheadline, a.dateline, a.byline,
             a.confidence, a.notes_text, edited],
        )
        rid = cur.lastrowid
        conn.execute("INSERT INTO article_text (rid, text, body_at) VALUES (?,?,?)",
                     [rid, row.text, row.body_at])
        blocks += [_block_row(page.id, rid, "article", i, b) for i, b in enumerate(a.blocks)]
        conn.executemany(
            "INSERT INTO people (article_rid, ord, name, role) VALUES (?,?,?,?)",
            [(rid, i, p.name, p.role) for i, p in enumerate(a.people)],
        )
        if a.tags:
            write_tags(conn, rid, a.tags)
        conn.execute(
            "INSERT INTO article_tokens (rid, source_hash, titles, people, body)"
            " VALUES (?,?,?,?,?)", [rid, row.hash, *row.tokens])
    blocks += [_block_row(page.id, None, "furniture", i, b) for i, b in enumerate(page.furniture)]
    blocks += [_block_row(page.id, None, "unassigned", i, b)
               for i, b in enumerate(page.unassigned)]
    conn.executemany(_BLOCK_SQL, blocks)
    conn.execute(
        "INSERT INTO revisions (page_id, revision, saved_at, message, summary, data, raw)"
        " VALUES (?,?,?,?,?,?,NULL)",
        [page.id, revision, stamp, message or "", summary, rows.blob],
    )
    return revision
