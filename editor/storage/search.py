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
from collections.abc import Iterator
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
    # Set when the words match too many articles to rank together: this hit was
    # ranked among that many of the newest matches (RANK_WINDOW); None: among all.
    ranked_among: int | None = None


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


_ARTICLE_LIST = "a.rid IN ("
# Positive tag/person filters as `IN (…)` lists: SQLite builds each list once from
# the tag/person index instead of probing every article (100k library: 50 → 3 ms).
_TAG_LIST = (_ARTICLE_LIST + "SELECT x.article_rid FROM article_tags x "
             "WHERE x.tag_id = (SELECT id FROM tags WHERE name = ?))")
_PERSON_LIST = _ARTICLE_LIST + "SELECT x.article_rid FROM people x WHERE x.name = ?)"
_HAS_TAG = ("EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id "
            "WHERE x.article_rid = a.rid AND t.name = ?)")
_HAS_PERSON = "EXISTS (SELECT 1 FROM people x WHERE x.article_rid = a.rid AND x.name = ?)"


def conditions(f: Filters) -> list[tuple[str, list]]:
    """SQL conditions over `articles a JOIN pages p` for article filters, each with
    its parameters."""
    out: list[tuple[str, list]] = []
    for value, sql in ((f.page_id, "a.page_id = ?"), (f.date_from, "p.date >= ?"),
                       (f.date_to, "p.date <= ?"), (f.section, "p.section = ?"),
                       (f.paper, "p.paper = ?")):
        if value:
            out.append((sql, [value]))
    out += [(_TAG_LIST, [name]) for name in f.tags]
    out += [(_PERSON_LIST, [name]) for name in f.people]
    out += [("NOT " + _HAS_TAG, [name]) for name in f.not_tags]
    out += [("NOT " + _HAS_PERSON, [name]) for name in f.not_people]
    if f.untagged:
        out.append(("NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_rid = a.rid)", []))
    if f.edited:
        out.append(("a.edited = 1", []))
    return out


def on_page(cond: str) -> bool:
    """Whether a condition of `conditions()` is on the page's own fields (date, section,
    paper) rather than on the article."""
    return cond.startswith("p.")


def where_for(f: Filters) -> tuple[list[str], list]:
    """SQL conditions over `articles a JOIN pages p` for article filters, and their
    parameters in order."""
    conds = conditions(f)
    return [sql for sql, _ in conds], [p for _, ps in conds for p in ps]


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


# Matches ranked together. bm25 costs about a microsecond per matching article
# and FTS5 cannot stop early, so a word in most of a 100,000-article archive
# took 100+ ms to rank. Matches are therefore taken newest-first (by row id,
# i.e. by when they were saved) in windows of this size, each window ranked by
# bm25: a word in fewer articles is ranked exactly as before; a very common
# word, whose bm25 says little anyway, shows the best of its newest matches
# first (`SearchHit.ranked_among` tells the reader).
RANK_WINDOW = 2000
_NO_ROW = 1 << 62


def _filter_sql(q: Query) -> tuple[str, list]:
    """`AND …` restricting FTS rows to the filters' articles, and its parameters.

    The `+` keeps the FTS walk the outer loop: SQLite builds the filter's list
    of articles once and probes it per match, instead of running one FTS query
    per filtered article (each of which would recompute bm25's statistics).
    """
    conds = conditions(q.filters)
    # Tag and person lists are lists of article rows already: probed directly.
    lists = [(w, p) for w, p in conds if w.startswith(_ARTICLE_LIST)]
    rest = [(w, p) for w, p in conds if not w.startswith(_ARTICLE_LIST)]
    sql = "".join(" AND +f.rowid" + w[len("a.rid"):] for w, _ in lists)
    if rest:
        join = " JOIN pages p ON p.id = a.page_id" if any(on_page(w) for w, _ in rest) else ""
        where = " AND ".join(w for w, _ in rest)
        sql += f" AND +f.rowid IN (SELECT a.rid FROM articles a{join} WHERE {where})"
    return sql, [p for _, ps in lists + rest for p in ps]


def _candidates(conn, q: Query) -> tuple[str, list, bool, bool]:
    """SQL for ranked candidate (rid, rank) rows, its parameters, whether the
    candidates still need checking in the text, and whether the SQL takes a
    window's (upper row id, size) as two more parameters."""
    fts_parts: list[str] = []
    check = bool(q.exclude)
    for term in q.terms:
        expr, confirm = term_expr(term)
        if expr:
            fts_parts.append(expr)
        check = check or confirm
    if fts_parts:
        w = ", ".join(str(x) for x in WEIGHTS)
        filt, params = _filter_sql(q)
        # Only the rowid and the rank go through the sorter; texts are read afterwards.
        window = (f"SELECT f.rowid AS rid, bm25(article_tokens_fts, {w}) AS rank "
                  f"FROM article_tokens_fts f WHERE article_tokens_fts MATCH ?{filt} "
                  "AND f.rowid < ? ORDER BY f.rowid DESC LIMIT ?")
        return (f"SELECT rid, rank FROM ({window}) ORDER BY rank, rid",
                [" AND ".join(fts_parts)] + params, check, True)
    where, params = where_for(q.filters)
    sql = "SELECT a.rid, 0.0 FROM articles a JOIN pages p ON p.id = a.page_id WHERE 1"
    for cond in where:
        sql += " AND " + cond
    return sql + " ORDER BY p.date DESC, a.page_id, a.ord", params, check, False


def _passes(text: str, terms: list[str], exclude: list[str]) -> bool:
    low = text.lower()
    return all(t.lower() in low for t in terms) and not any(x.lower() in low for x in exclude)


def _ranked(conn, sql: str, params: list, windowed: bool
            ) -> Iterator[tuple[int, float, int | None]]:
    """Candidate (rid, rank, ranked_among) in the order hits are shown, windows
    of newest matches one after another; ranked_among is the window's size when
    the matches did not all fit in one window, else None."""
    if not windowed:
        for rid, rank in conn.execute(sql, params):
            yield rid, rank, None
        return
    upper, among = _NO_ROW, None
    while True:
        # One row more than a window says whether an older window follows.
        rows = conn.execute(sql, params + [upper, RANK_WINDOW + 1]).fetchall()
        more = len(rows) > RANK_WINDOW
        if more:
            oldest = min(range(len(rows)), key=lambda i: rows[i][0])
            upper = rows.pop(oldest)[0] + 1
            among = RANK_WINDOW
        for rid, rank in rows:
            yield rid, rank, among
        if not more:
            return


def run_search(conn, q: Query, limit: int | None, offset: int) -> list[SearchHit]:
    """Rank by bm25 over the token index, then keep candidates whose real text has every
    word as typed (and none excluded), reading texts only until the page of hits is full."""
    sql, params, check, windowed = _candidates(conn, q)
    want = None if limit is None else int(limit) + int(offset)
    ranked: list[tuple[int, float, int | None]] = []
    for rid, rank, among in _ranked(conn, sql, params, windowed):
        if check:
            row = conn.execute("SELECT text FROM article_text WHERE rid = ?", [rid]).fetchone()
            if row is None or not _passes(row[0], q.terms, q.exclude):
                continue
        ranked.append((rid, rank, among))
        if want is not None and len(ranked) >= want:
            break
    ranked = ranked[int(offset):]
    if not ranked:
        return []
    rows = {}
    for chunk in range(0, len(ranked), 500):
        rids = [r for r, _, _ in ranked[chunk:chunk + 500]]
        marks = ",".join("?" * len(rids))
        for row in conn.execute(
            "SELECT a.rid, a.id, a.page_id, a.headline, p.date, p.section, p.number, t.text,"
            " t.body_at FROM articles a JOIN pages p ON p.id = a.page_id"
            f" JOIN article_text t ON t.rid = a.rid WHERE a.rid IN ({marks})", rids):
            rows[row[0]] = row
    hits = []
    for rid, rank, among in ranked:
        _rid, aid, pid, headline, date, section, number, text, body_at = rows[rid]
        hits.append(SearchHit(
            article_id=aid, page_id=pid, headline=headline, date=date, section=section,
            number=number, snippet=make_snippet(text, q.terms, body_at or 0),
            score=float(f"{-float(rank):.6g}") + 0.0, terms=list(q.terms),
            ranked_among=among))
    return hits
