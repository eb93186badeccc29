"""Chinese full-text search: what is indexed, and how a parsed query runs.

SQLite's own tokenizers cannot cut Chinese into words (and `trigram` never
matches 2-character words, DESIGN §9), so each article's text is cut with
jieba's search mode and the space-joined tokens are stored in
`article_tokens`, which an FTS5 table indexes. A query word is cut the same
way and matched as quoted tokens — FTS5 never sees user syntax. Because
AND-ed tokens over-match (劳模 … 工匠 far apart), every multi-token word or
phrase is confirmed with `instr()` on the article's real text, which also
gives the snippet. Ranking is bm25 with titles weighted above people above
body.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from editor.core import tokens
from editor.core.model import TITLE_ROLES, Article

from .query import Filters, Query

WEIGHTS = (10.0, 4.0, 1.0)  # titles, people (byline/dateline/names), body
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 60


@dataclass
class SearchHit:
    article_id: str
    page_id: str
    headline: str | None
    date: str | None
    section: str | None
    number: str | None
    snippet: str
    score: float
    terms: list[str] = field(default_factory=list)  # the matched words, for highlighting


# -- indexing ----------------------------------------------------------------------------


def article_texts(a: Article) -> tuple[str, str, str]:
    """(titles, people, body) — the article's real text in three searchable parts."""
    titles = "\n".join(b.display_text for b in a.blocks if b.role in TITLE_ROLES)
    people_parts = [a.dateline or "", a.byline or ""]
    people_parts += [b.display_text for b in a.blocks if b.role in ("byline", "dateline")]
    people_parts += [p.name for p in a.people]
    people = "\n".join(dict.fromkeys(x for x in people_parts if x))
    body = "\n".join(
        b.display_text for b in a.blocks if b.role not in TITLE_ROLES + ("byline", "dateline")
    )
    return titles, people, body


def full_text(parts: tuple[str, str, str]) -> tuple[str, int]:
    """The article's real text (titles, people, body) and the offset where the body starts."""
    head = "\n".join(x for x in parts[:2] if x)
    if not parts[2]:
        return head, len(head)
    if not head:
        return parts[2], 0
    return head + "\n" + parts[2], len(head) + 1


def source_hash(parts: tuple[str, str, str]) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _indexable(tok: str) -> bool:
    return any(c.isalnum() for c in tok)


def tokenize(text: str) -> str:
    """jieba search-mode tokens of `text`, space-joined, as stored for FTS5."""
    if not text:
        return ""
    return " ".join(t for t in tokens.cut_for_search(text) if _indexable(t))


# -- querying ----------------------------------------------------------------------------


def _fts_quote(tok: str) -> str:
    return '"' + tok.replace('"', '""') + '"'


def term_expr(term: str) -> tuple[str | None, bool]:
    """The FTS5 expression for one word or phrase, and whether instr() must confirm it.

    None means FTS cannot help (no word characters, or a single CJK character,
    which jieba rarely emits as a token): the word is then found by instr() alone.
    """
    word = term.strip()
    if len(word) <= 1 or not _indexable(word):
        return None, True
    search = [t for t in tokens.cut_for_search(word) if _indexable(t)]
    precise = [t for t in tokens.cut(word) if _indexable(t)]
    if not search and not precise:
        return None, True
    if search == [word] and precise == [word]:
        return _fts_quote(word), False
    branches = []
    for toks in ([word] if word in search else [], precise, [t for t in search if t != word]):
        if toks:
            b = " AND ".join(_fts_quote(t) for t in dict.fromkeys(toks))
            if b not in branches:
                branches.append(b)
    return "(" + " OR ".join(f"({b})" for b in branches) + ")", True


def where_for(f: Filters) -> tuple[list[str], list]:
    """SQL conditions over `articles a JOIN pages p` for article filters."""
    where: list[str] = []
    params: list = []
    if f.page_id:
        where.append("a.page_id = ?")
        params.append(f.page_id)
    if f.date_from:
        where.append("p.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("p.date <= ?")
        params.append(f.date_to)
    if f.section:
        where.append("p.section = ?")
        params.append(f.section)
    if f.paper:
        where.append("p.paper = ?")
        params.append(f.paper)
    tag_sql = (
        "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id "
        "WHERE x.article_rid = a.rid AND t.name = ?)"
    )
    person_sql = "EXISTS (SELECT 1 FROM people x WHERE x.article_rid = a.rid AND x.name = ?)"
    for names, sql in ((f.tags, tag_sql), (f.people, person_sql)):
        for name in names:
            where.append(sql)
            params.append(name)
    for names, sql in ((f.not_tags, tag_sql), (f.not_people, person_sql)):
        for name in names:
            where.append("NOT " + sql)
            params.append(name)
    if f.untagged:
        where.append("NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_rid = a.rid)")
    if f.edited:
        where.append("a.edited = 1")
    return where, params


def make_snippet(text: str, terms: list[str], body_at: int = 0) -> str:
    """A window of the real text around the first hit, in the body if the body has one."""
    flat = text.replace("\r", " ").replace("\n", " ")
    low = flat.lower()
    pos = -1
    for start_at in (body_at, 0):
        found = [i for i in (low.find(t.lower(), start_at) for t in terms if t) if i >= 0]
        if found:
            pos = min(found)
            break
    if pos < 0:
        pos = body_at if body_at < len(flat) else 0
    start = max(body_at if pos >= body_at else 0, pos - SNIPPET_BEFORE)
    end = min(len(flat), pos + SNIPPET_AFTER)
    out = flat[start:end].strip()
    return ("…" if start > 0 else "") + out + ("…" if end < len(flat) else "")


def _candidates(conn, q: Query) -> tuple[str, list, bool]:
    """SQL for ranked candidate (rid, rank) rows, its parameters, and whether the
    candidates still need checking in the text."""
    where, params = where_for(q.filters)
    fts_parts: list[str] = []
    check = bool(q.exclude)
    for term in q.terms:
        expr, confirm = term_expr(term)
        if expr:
            fts_parts.append(expr)
        check = check or confirm
    join = "JOIN articles a ON a.rid = f.rowid JOIN pages p ON p.id = a.page_id " if where else ""
    if fts_parts:
        w = ", ".join(str(x) for x in WEIGHTS)
        # Only the rowid and the rank go through the sorter; texts are read afterwards.
        sql = (f"SELECT f.rowid, bm25(article_tokens_fts, {w}) AS rank "
               f"FROM article_tokens_fts f {join}WHERE article_tokens_fts MATCH ?")
        params.insert(0, " AND ".join(fts_parts))
        order = "rank, f.rowid"
    else:
        sql = ("SELECT a.rid, 0.0 FROM articles a JOIN pages p ON p.id = a.page_id WHERE 1")
        order = "p.date DESC, a.page_id, a.ord"
    for cond in where:
        sql += " AND " + cond
    return f"{sql} ORDER BY {order}", params, check


def _passes(text: str, terms: list[str], exclude: list[str]) -> bool:
    low = text.lower()
    return all(t.lower() in low for t in terms) and not any(x.lower() in low for x in exclude)


def run_search(conn, q: Query, limit: int | None, offset: int) -> list[SearchHit]:
    """Rank by bm25 over the token index, then keep candidates whose real text has every
    word as typed (and none excluded), reading texts only until the page of hits is full."""
    sql, params, check = _candidates(conn, q)
    want = None if limit is None else int(limit) + int(offset)
    ranked: list[tuple[int, float]] = []
    # With a LIMIT, SQLite keeps only the best rows while ranking (a top-N sorter)
    # instead of sorting every match: about half the time for a common word. When
    # the text check may reject candidates, a few times the page is asked for; if
    # that is not enough, the rest follows without a limit.
    batch = None if want is None else (max(4 * want, 200) if check else want)
    seen = 0
    for lim, skip in ((batch, 0), (None, batch)) if batch is not None else ((None, 0),):
        if lim is None and skip and seen < skip:
            break  # the limited run already returned every candidate
        cur = conn.execute(sql + (" LIMIT ?" if lim is not None else ""),
                           params + ([lim] if lim is not None else []))
        try:
            for i, (rid, rank) in enumerate(cur):
                if i < skip:
                    continue
                seen += 1
                if check:
                    row = conn.execute("SELECT text FROM article_text WHERE rid = ?",
                                       [rid]).fetchone()
                    if row is None or not _passes(row[0], q.terms, q.exclude):
                        continue
                ranked.append((rid, rank))
                if want is not None and len(ranked) >= want:
                    break
        finally:
            cur.close()
        if want is None or len(ranked) >= want:
            break
    ranked = ranked[int(offset):]
    if not ranked:
        return []
    rows = {}
    for chunk in range(0, len(ranked), 500):
        rids = [r for r, _ in ranked[chunk:chunk + 500]]
        marks = ",".join("?" * len(rids))
        for row in conn.execute(
            "SELECT a.rid, a.id, a.page_id, a.headline, p.date, p.section, p.number, t.text,"
            " t.body_at FROM articles a JOIN pages p ON p.id = a.page_id"
            f" JOIN article_text t ON t.rid = a.rid WHERE a.rid IN ({marks})", rids):
            rows[row[0]] = row
    hits = []
    for rid, rank in ranked:
        _rid, aid, pid, headline, date, section, number, text, body_at = rows[rid]
        hits.append(SearchHit(
            article_id=aid, page_id=pid, headline=headline, date=date, section=section,
            number=number, snippet=make_snippet(text, q.terms, body_at or 0),
            score=float(f"{-float(rank):.6g}") + 0.0, terms=list(q.terms)))
    return hits
