"""Tags in the library: bulk tagging, undo, renaming and merging, counts, suggestions.

These are `Library` methods (the `TagMethods` mixin), kept here so that
library.py stays about pages and search. Every change of tags is one write
transaction that appends one revision per page it touches (so a page's
history tells the story and loading a page reflects its tags), updates the
`article_tags` rows that `tag:` search, `list_articles(tag=...)` and
`tag_counts()` read, and drops tags no article uses any more.

Each change returns a `TagChanges` listing every article whose tags changed,
with its tags before and after. `restore_tags(changes)` puts the "before"
back and returns the changes it made, so a GUI undo command is::

    changes = lib.set_tags(ids, add=["劳模"])      # redo (first time)
    undone = lib.restore_tags(changes)             # undo
    lib.restore_tags(undone)                       # redo again

Suggestions weigh keywords by document frequencies counted in this library's
own search index (an `fts5vocab` table over the FTS5 index of jieba tokens).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core import pagejson

from .writer import write_tags

if TYPE_CHECKING:
    from editor.core.model import Article
    from editor.core.suggest import Suggestion

VOCAB = "temp.pagedesk_vocab"  # per connection: no schema change, nothing written to the file


@dataclass(frozen=True)
class TagChange:
    """One article's tags before and after a change."""

    article_id: str
    page_id: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def added(self) -> list[str]:
        return [t for t in self.after if t not in self.before]

    @property
    def removed(self) -> list[str]:
        return [t for t in self.before if t not in self.after]

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "page_id": self.page_id,
                "before": list(self.before), "after": list(self.after),
                "added": self.added, "removed": self.removed}


@dataclass
class TagChanges:
    """What one tag operation changed: only articles whose tags really changed are listed."""

    message: str
    changes: list[TagChange] = field(default_factory=list)

    def __iter__(self) -> Iterator[TagChange]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def article_ids(self) -> list[str]:
        return [c.article_id for c in self.changes]

    @property
    def page_ids(self) -> list[str]:
        return list(dict.fromkeys(c.page_id for c in self.changes))

    def inverse(self) -> TagChanges:
        """The changes that undo these (before and after swapped)."""
        return TagChanges(f"undo {self.message}", [
            TagChange(c.article_id, c.page_id, c.after, c.before) for c in self.changes])

    def to_dict(self) -> dict:
        return {"message": self.message, "changed": len(self.changes),
                "articles": [c.to_dict() for c in self.changes]}


def clean_tag(name: str) -> str:
    return (name or "").strip()


def _not_found(what: str):
    from .library import LibraryError

    return LibraryError("not-found", what)


def retag(conn: sqlite3.Connection, targets: list[tuple[str, str]],
          change: Callable[[str, str, list[str]], list[str]], message: str,
          stamp: str) -> TagChanges:
    """Apply `change(page_id, article_id, tags) -> tags` to (page_id, article_id) targets,
    inside the caller's transaction: one new revision per page whose tags changed."""
    by_page: dict[str, list[str]] = {}
    for page_id, aid in dict.fromkeys(targets):
        by_page.setdefault(page_id, []).append(aid)
    out = TagChanges(message)
    for page_id, aids in by_page.items():
        row = conn.execute(
            "SELECT r.revision, r.data FROM pages p JOIN revisions r ON r.page_id = p.id "
            "AND r.revision = p.revision WHERE p.id = ?", [page_id]).fetchone()
        if row is None:
            raise _not_found(f"page {page_id} is not in the library")
        revision, data = row
        d = pagejson.unpack(data)
        stored = {ad.get("id"): ad for ad in d["articles"]}
        changed: list[TagChange] = []
        for aid in aids:
            ad = stored.get(aid)
            if ad is None:
                raise _not_found(f"article {aid} is not in the library")
            before = list(ad.get("tags") or [])
            after = list(dict.fromkeys(t for t in change(page_id, aid, before) if t))
            if after != before:
                ad["tags"] = after
                changed.append(TagChange(aid, page_id, tuple(before), tuple(after)))
        if not changed:
            continue
        for c in changed:
            rid = conn.execute("SELECT rid FROM articles WHERE page_id = ? AND id = ?",
                               [page_id, c.article_id]).fetchone()[0]
            write_tags(conn, rid, list(c.after))
        conn.execute(
            "INSERT INTO revisions (page_id, revision, saved_at, message, summary, data, raw)"
            " VALUES (?,?,?,?,?,?,NULL)",
            [page_id, revision + 1, stamp, message,
             f"tags of {len(changed)} article(s) changed", pagejson.pack(d)])
        conn.execute("UPDATE pages SET revision = ?, saved_at = ?, edited = 1 WHERE id = ?",
                     [revision + 1, stamp, page_id])
        out.changes += changed
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")
    return out


# -- document frequencies ---------------------------------------------------------------


def _vocab_term(word: str) -> str | None:
    """The FTS token `word` is stored as, when it is one (unicode61 keeps a run of letters,
    digits and CJK characters together and folds ASCII case); None otherwise."""
    if word and all(c.isalnum() and (c.isascii() or not c.isalpha() or "\u2e80" <= c)
                    for c in word):
        return word.lower()
    return None


def _ensure_vocab(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB} "
                 "USING fts5vocab(main, article_tokens_fts, row)")


def doc_freq(conn: sqlite3.Connection, words: Iterable[str]) -> dict[str, int]:
    """How many articles have each word among their search tokens.

    Words stored as one token are read from the index's vocabulary; a word the
    index holds no token for (jieba's part-of-speech cut and its search cut
    disagree now and then, or the word has punctuation inside) is counted the
    way a search for it would find it: an FTS5 MATCH confirmed in the real text.
    """
    from .search import term_expr

    words = list(dict.fromkeys(w for w in words if w))
    out = dict.fromkeys(words, 0)
    if not words:
        return out
    _ensure_vocab(conn)
    terms = {w: _vocab_term(w) for w in words}
    wanted = sorted({t for t in terms.values() if t})
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        found.update(conn.execute(
            f"SELECT term, doc FROM {VOCAB} WHERE term IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    for w in words:
        t = terms[w]
        if t in found:
            out[w] = int(found[t])
            continue
        expr, confirm = term_expr(w)
        if expr is None:
            continue  # no word characters, or one character the index does not hold
        if confirm:
            sql = ("SELECT count(*) FROM article_tokens_fts f JOIN article_text x "
                   "ON x.rid = f.rowid WHERE article_tokens_fts MATCH ? "
                   "AND instr(lower(x.text), lower(?)) > 0")
            out[w] = int(conn.execute(sql, [expr, w]).fetchone()[0])
        else:
            out[w] = int(conn.execute(
                "SELECT count(*) FROM article_tokens_fts WHERE article_tokens_fts MATCH ?",
                [expr]).fetchone()[0])
    return out


# -- the Library methods ----------------------------------------------------------------


class TagMethods:
    """Tag vocabulary, bulk tagging and suggestions; mixed into `Library`."""

    conn: sqlite3.Connection

    def _tag_write(self, targets, change, message: str) -> TagChanges:
        from .library import now

        with self._write() as conn:  # type: ignore[attr-defined]
            return retag(conn, targets, change, message, now())

    def _targets(self, article_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(page_id, article_id) for each id (its newest page); all unknown ids in one error."""
        out, missing = [], []
        for aid in dict.fromkeys(article_ids):
            row = self._one(  # type: ignore[attr-defined]
                "SELECT page_id FROM articles WHERE id = ? ORDER BY rid DESC LIMIT 1", [aid])
            if row is None:
                missing.append(aid)
            else:
                out.append((row[0], aid))
        if missing:
            few = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more"
                                            if len(missing) > 5 else "")
            raise _not_found(f"article {few} {'is' if len(missing) == 1 else 'are'} "
                             "not in the library")
        return out

    def _tagged(self, names: list[str]) -> list[tuple[str, str]]:
        marks = ",".join("?" * len(names))
        return [(p, a) for p, a in self._all(  # type: ignore[attr-defined]
            "SELECT DISTINCT a.page_id, a.id FROM articles a JOIN article_tags x "
            "ON x.article_rid = a.rid JOIN tags t ON t.id = x.tag_id "
            f"WHERE t.name IN ({marks}) ORDER BY a.page_id, a.ord", names)]

    def set_tags(self, article_ids: Iterable[str], add: Iterable[str] = (),
                 remove: Iterable[str] = ()) -> TagChanges:
        """Add and remove tags on many articles in one transaction (one undoable step).

        Unknown article ids raise LibraryError("not-found") and change nothing.
        Added tags go after the article's own, in the order given; a tag both
        added and removed ends up added.
        """
        add_l = list(dict.fromkeys(t for t in map(clean_tag, add) if t))
        drop = {t for t in map(clean_tag, remove) if t}
        targets = self._targets(article_ids)

        def change(_page: str, _aid: str, tags: list[str]) -> list[str]:
            kept = [t for t in tags if t not in drop]
            return kept + [t for t in add_l if t not in kept]

        msg = " ".join([f"+{t}" for t in add_l] + [f"-{t}" for t in sorted(drop)])
        if not add_l and not drop:
            return TagChanges("tags")
        return self._tag_write(targets, change, f"tags {msg}")

    def restore_tags(self, changes: TagChanges, message: str | None = None) -> TagChanges:
        """Undo `changes` (from set_tags, rename_tag, merge_tags or restore_tags itself).

        An article still carrying the "after" tags gets its "before" list back
        exactly; one changed since keeps those later edits and only loses what
        `changes` added and regains what it removed. Returns what this changed
        (pass that back to redo).
        """
        plan = {(c.page_id, c.article_id): c for c in changes}

        def change(page: str, aid: str, tags: list[str]) -> list[str]:
            c = plan[(page, aid)]
            if tuple(tags) == c.after:
                return list(c.before)
            kept = [t for t in tags if t not in set(c.added)]
            return kept + [t for t in c.removed if t not in kept]

        missing = [f"{a} (page {p})" for p, a in plan if self._one(  # type: ignore[attr-defined]
            "SELECT 1 FROM articles WHERE page_id = ? AND id = ?", [p, a]) is None]
        if missing:
            raise _not_found(f"article {', '.join(missing[:5])} is no longer in the library")
        return self._tag_write(list(plan), change, message or f"undo {changes.message}")

    def merge_tags(self, sources: Iterable[str], target: str) -> TagChanges:
        """Replace every source tag by `target` on every article (one transaction).

        An article that had several of them, or the target already, keeps it
        once, at the place of the first. Unknown source tags raise
        LibraryError("not-found"); an empty target raises ValueError.
        """
        target = clean_tag(target)
        if not target:
            raise ValueError("the new tag name is empty")
        srcs = list(dict.fromkeys(t for t in map(clean_tag, sources) if t))
        if not srcs:
            raise ValueError("no tags to merge")
        known = {n for (n,) in self._all(  # type: ignore[attr-defined]
            f"SELECT t.name FROM tags t WHERE t.name IN ({','.join('?' * len(srcs))}) "
            "AND EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = t.id)", srcs)}
        unknown = [t for t in srcs if t not in known]
        if unknown:
            raise _not_found(f"there is no tag {', '.join(unknown)} in the library")
        merged = set(srcs) - {target}
        if not merged:
            return TagChanges(f"merge tags into {target}")

        def change(_page: str, _aid: str, tags: list[str]) -> list[str]:
            return [target if t in merged else t for t in tags]

        verb = "rename tag" if len(srcs) == 1 else "merge tags"
        return self._tag_write(self._tagged(sorted(merged)), change,
                               f"{verb} {', '.join(srcs)} → {target}")

    def rename_tag(self, old: str, new: str) -> TagChanges:
        """Rename a tag everywhere; if `new` exists already the two merge."""
        return self.merge_tags([old], new)

    def tag_counts(self) -> list[tuple[str, int]]:
        """(tag, number of articles), most used first, then by name."""
        return [(n, c) for n, c in self._all(  # type: ignore[attr-defined]
            "SELECT t.name, count(*) AS n FROM tags t JOIN article_tags x ON x.tag_id = t.id "
            "GROUP BY t.id ORDER BY n DESC, t.name")]

    # -- suggestions ---------------------------------------------------------------------
    def article_count(self) -> int:
        return int(self._one("SELECT count(*) FROM articles")[0])  # type: ignore[attr-defined]

    def doc_freq(self, words: list[str]) -> dict[str, int]:
        """Number of library articles whose indexed text contains each word."""
        with self._errors():  # type: ignore[attr-defined]
            return doc_freq(self.conn, words)

    def suggest_tags(self, article_id: str, top: int = 10) -> list[Suggestion]:
        """Suggested tags for a stored article, best first within each kind: its
        people, places and organisations, then up to `top` keywords weighted by this
        library's document frequencies. Tags the article has are not suggested."""
        _page, a = self.load_article(article_id)  # type: ignore[attr-defined]
        return self.suggest_for(a, top)

    def suggest_for(self, article: Article, top: int = 10) -> list[Suggestion]:
        """`suggest_tags` for an article as it is now (e.g. open in the editor, unsaved)."""
        from editor.core.suggest import suggest_tags

        from .search import article_texts

        titles, _people, body = article_texts(article)
        text = "\n".join(x for x in (titles, body) if x)
        return suggest_tags(text, people=[p.name for p in article.people],
                            doc_freq=self.doc_freq, n_docs=self.article_count(),
                            existing=article.tags, top=top)
