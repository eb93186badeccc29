"""Revisions: what changed between two saved states of a page.

`diff_pages` compares two models by their stable ids (articles, blocks) and
lists changes a desk editor recognises: articles added or removed, titles,
bylines, people and tags changed, blocks retyped, edited, moved between
articles, page metadata. Tag changes (`tags.py`: `set_tags`, `merge_tags` …)
are written as new revisions too, so a page's history tells the whole story
and loading a page always reflects its tags.
"""

from __future__ import annotations

from editor.core.model import Article, Page

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
