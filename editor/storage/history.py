"""Revisions: what changed between two saved states of a page, and tag changes as revisions.

`diff_pages` compares two models by their stable ids (articles, blocks) and
lists changes a desk editor recognises: articles added or removed, titles,
bylines, people and tags changed, blocks retyped, edited, moved between
articles, page metadata. Tag changes (`set_tags`, `rename_tag`) are written as
new revisions too, so a page's history tells the whole story and loading a
page always reflects its tags.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from editor.core.model import Article, Page

from . import codec

_SHOW = 24


def _short(text: str | None) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= _SHOW else text[:_SHOW] + "…"


def _name(a: Article) -> str:
    return f"“{_short(a.label())}”" if a.label() else f"article {a.id}"


def diff_pages(before: Page, after: Page) -> list[str]:
    """Human-readable changes from `before` to `after` (empty when they are the same)."""
    out: list[str] = []
    for key in ("paper", "date", "section", "number"):
        x, y = getattr(before.meta, key), getattr(after.meta, key)
        if x != y:
            out.append(f"page {key}: {x or '—'} → {y or '—'}")
    if before.raw != after.raw:
        out.append("raw text replaced")
    old = {a.id: a for a in before.articles}
    new = {a.id: a for a in after.articles}
    for a in after.articles:
        if a.id not in old:
            out.append(f"article added: {_name(a)}")
    for a in before.articles:
        if a.id not in new:
            out.append(f"article removed: {_name(a)}")
    if [a.id for a in before.articles if a.id in new] != [a.id for a in after.articles
                                                         if a.id in old]:
        out.append("articles reordered")
    for a in after.articles:
        if a.id in old:
            out += _diff_article(old[a.id], a)
    owner_before = {b.id: (art.id if art else None) for art, b in before.all_blocks()}
    owner_after = {b.id: (art.id if art else None) for art, b in after.all_blocks()}
    for bid, own in owner_after.items():
        if bid in owner_before and owner_before[bid] != own:
            src = _where(before, owner_before[bid])
            out.append(f"block moved from {src} to {_where(after, own)}")
    if len(before.unassigned) != len(after.unassigned):
        out.append(f"unassigned lines: {len(before.unassigned)} → {len(after.unassigned)} blocks")
    return out


def _where(page: Page, article_id: str | None) -> str:
    a = page.find_article(article_id) if article_id else None
    return _name(a) if a else "page (unassigned/furniture)"


def _diff_article(x: Article, y: Article) -> list[str]:
    out = []
    name = _name(y)
    for field in ("kicker", "headline", "subheadline", "byline", "dateline"):
        u, v = getattr(x, field), getattr(y, field)
        if u != v:
            out.append(f"{name}: {field} “{_short(u)}” → “{_short(v)}”")
    if [(p.name, p.role) for p in x.people] != [(p.name, p.role) for p in y.people]:
        people = "、".join(f"{p.name}({p.role})" for p in y.people) or "none"
        out.append(f"{name}: people → {people}")
    if x.tags != y.tags:
        added = [t for t in y.tags if t not in x.tags]
        removed = [t for t in x.tags if t not in y.tags]
        parts = [f"+{t}" for t in added] + [f"-{t}" for t in removed]
        out.append(f"{name}: tags {' '.join(parts) or 'reordered'}")
    if x.notes_text != y.notes_text:
        out.append(f"{name}: notes changed")
    xb = {b.id: b for b in x.blocks}
    for b in y.blocks:
        o = xb.get(b.id)
        if o is None:
            continue
        if o.role != b.role:
            out.append(f"{name}: “{_short(b.display_text)}” {o.role} → {b.role}")
        if o.display_text != b.display_text:
            out.append(f"{name}: text edited “{_short(o.display_text)}” → "
                       f"“{_short(b.display_text)}”")
        elif o.lines != b.lines:
            out.append(f"{name}: lines of “{_short(b.display_text)}” changed")
    if [b.id for b in x.blocks if b.id in {c.id for c in y.blocks}] != [
        b.id for b in y.blocks if b.id in xb
    ]:
        out.append(f"{name}: blocks reordered")
    return out


def summarise(changes: list[str]) -> str:
    if not changes:
        return "no changes"
    if len(changes) == 1:
        return changes[0]
    return f"{changes[0]} (+{len(changes) - 1} more)"


def retag(conn: sqlite3.Connection, article_ids: list[str],
          change: Callable[[list[str]], list[str]], message: str, stamp: str,
          error: type[Exception]) -> None:
    """Apply `change` to the tags of the given articles, one new revision per page touched."""
    from .writer import write_tags

    by_page: dict[str, list[tuple[int, str]]] = {}
    for aid in dict.fromkeys(article_ids):
        row = conn.execute("SELECT rid, page_id FROM articles WHERE id = ? ORDER BY rid DESC "
                           "LIMIT 1", [aid]).fetchone()
        if row is None:
            raise error("not-found", f"article {aid} is not in the library")
        by_page.setdefault(row[1], []).append((row[0], aid))
    for page_id, arts in by_page.items():
        revision, data = conn.execute(
            "SELECT r.revision, r.data FROM pages p JOIN revisions r ON r.page_id = p.id "
            "AND r.revision = p.revision WHERE p.id = ?", [page_id]).fetchone()
        d = codec.unpack(data)
        wanted = {aid for _rid, aid in arts}
        changes = []
        for ad in d["articles"]:
            if ad.get("id") in wanted:
                before = list(ad.get("tags") or [])
                after = change(before)
                if after != before:
                    ad["tags"] = after
                    changes.append(ad["id"])
        if not changes:
            continue
        for rid, aid in arts:
            ad = next(x for x in d["articles"] if x.get("id") == aid)
            write_tags(conn, rid, ad["tags"])
        conn.execute(
            "INSERT INTO revisions (page_id, revision, saved_at, message, summary, data, raw)"
            " VALUES (?,?,?,?,?,?,NULL)",
            [page_id, revision + 1, stamp, message,
             f"tags of {len(changes)} article(s) changed", codec.pack(d)],
        )
        conn.execute("UPDATE pages SET revision = ?, saved_at = ?, edited = 1 WHERE id = ?",
                     [revision + 1, stamp, page_id])
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")
