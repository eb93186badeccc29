"""The local article library: one SQLite file of pages, articles, revisions and tags.

The current state of each page lives in normal tables (pages, articles,
blocks, people, article_tags, the search index) for listing and search;
every save also appends a revision holding the whole page as
`pagedesk.page/1` JSON, and loading reads that JSON back, so a load returns
exactly the model that was saved. A save is one `BEGIN IMMEDIATE`
transaction: a second writer waits up to the busy timeout and then gets a
clear "busy" LibraryError; nothing a save does deletes a revision.

No Qt here: the GUI runs these calls in a worker.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator

from editor.core import pagejson
from editor.core.model import Article, InvariantError, Page, check_invariant
from editor.paths import is_sha256, library_file, pdf_folder, stored_pdf, write_whole

from . import history, schema
from .query import Filters, normalise_date, parse
from .search import SearchHit, conditions, on_page, run_search, where_for
from .tags import TagChange, TagChanges, TagMethods
from .writer import PageRows, page_rows, write_page

__all__ = ["Library", "LibraryError", "SearchHit", "TagChange", "TagChanges",
           "default_library_path"]

CODES = ("busy", "newer", "corrupt", "missing", "not-found", "full", "read-only", "unreadable",
         "bad-text", "failed", "conflict")


class LibraryError(Exception):
    """A library problem. `code` is one of CODES; str() is a clear English message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def default_library_path() -> str:
    """PAGEDESK_LIBRARY, else `library.sqlite` in the platformdirs user data folder (created)."""
    path = library_file()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError as exc:
        raise LibraryError("unreadable", f"cannot make the folder for the library {path}: "
                                         f"{exc.strerror or exc}") from None
    return path


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


def _translate(exc: sqlite3.Error, path: str) -> LibraryError:
    """A LibraryError naming what went wrong: only a damaged file is called damaged."""
    msg = str(exc)
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return LibraryError(
            "busy", f"the library {path} is busy (another PageDesk is writing to it); try again"
        )
    if "disk is full" in low or "disk full" in low:
        return LibraryError("full", f"the disk holding the library {path} is full: nothing of "
                                    "this step was saved; free some space and try again")
    if "readonly" in low or "read-only" in low:
        return LibraryError("read-only", f"the library {path} is read-only here (file or "
                                         "folder permissions): it can be read, not changed")
    if "unable to open" in low:
        return LibraryError("unreadable", f"cannot open the library {path} (a missing folder, "
                                          "or no permission to read it)")
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return LibraryError("corrupt", f"the library {path} is damaged: {msg}")
    return LibraryError("failed", f"the library {path} could not do this: {msg}")


def _file_on_path(folder: str) -> bool:
    """Is some existing part of `folder` a file rather than a folder?"""
    while folder and not os.path.exists(folder):
        up = os.path.dirname(folder)
        if up == folder:
            return False
        folder = up
    return bool(folder) and not os.path.isdir(folder)


def _untagged(data: bytes) -> dict:
    """A stored revision's page without its tags (what an editor changes in the text)."""
    d = pagejson.unpack(data)
    for a in d.get("articles") or []:
        a.pop("tags", None)
    return d


def _check_base(conn: sqlite3.Connection, page_id: str, base: int) -> None:
    """LibraryError "conflict" if the page's text changed in the library since revision
    `base` (someone else saved or restored it; tag changes alone are merged)."""
    row = conn.execute("SELECT revision FROM pages WHERE id = ?", [page_id]).fetchone()
    if row is None or row[0] == base:
        return
    revs = dict(conn.execute(
        "SELECT revision, data FROM revisions WHERE page_id = ? AND revision IN (?, ?)",
        [page_id, base, row[0]]).fetchall())
    if base in revs and row[0] in revs and _untagged(revs[base]) == _untagged(revs[row[0]]):
        return
    saved_at, msg = conn.execute(
        "SELECT saved_at, coalesce(message, '') FROM revisions WHERE page_id = ? AND "
        "revision = ?", [page_id, row[0]]).fetchone()
    raise LibraryError("conflict", f"the page was saved again since you opened it (revision "
                                   f"{row[0]}, {saved_at[:19].replace('T', ' ')} UTC"
                                   f"{': ' + msg if msg else ''})")


def _merge_tags(conn: sqlite3.Connection, page: Page, base: dict[str, list[str]]) -> None:
    """Each article's tags: the library's current ones, with what the editor added since
    `base` added and what it removed removed (a three-way merge of sets, in the library's
    order, the editor's additions after)."""
    current: dict[str, list[str]] = {}
    for aid, name in conn.execute(
        "SELECT a.id, t.name FROM articles a JOIN article_tags x ON x.article_rid = a.rid "
        "JOIN tags t ON t.id = x.tag_id WHERE a.page_id = ? ORDER BY a.rid, x.ord", [page.id]
    ):
        current.setdefault(aid, []).append(name)
    for a in page.articles:
        if a.id not in base:
            continue  # an article the editor made: its tags are the editor's alone
        was, mine = set(base[a.id]), list(a.tags)
        theirs = current.get(a.id, [])
        merged = [t for t in theirs if t in mine or t not in was]
        merged += [t for t in mine if t not in was and t not in merged]
        a.tags = list(dict.fromkeys(merged))


class Library(TagMethods):
    """An open library. Use `Library.open(path)`; also a context manager.

    Tagging, the tag vocabulary and tag suggestions are in `tags.TagMethods`.
    """

    def __init__(self, conn: sqlite3.Connection, path: str, backup_path: str | None = None):
        self.conn = conn
        self.path = path
        self.backup_path = backup_path  # set when opening migrated an older library

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | None = None, *, create: bool = True,
             timeout: float = 5.0) -> Library:
        path = os.path.abspath(path) if path else default_library_path()
        if os.path.islink(path) and not os.path.exists(path):
            raise LibraryError("missing", f"the library {path} is a link to "
                                          f"{os.readlink(path)}, which does not exist")
        if _file_on_path(os.path.dirname(path)):
            raise LibraryError("unreadable", f"cannot use {path} as a library: a part of the "
                                             "path is a file, not a folder")
        schema.remove_stale_builds(path)  # left by a process killed while creating it
        try:
            exists = schema.check_file(path)
        except schema.OpenProblem as exc:
            raise LibraryError(exc.code, str(exc)) from None
        if not exists:
            if not create:
                raise LibraryError("missing", f"there is no library at {path}")
            try:
                schema.create_new(path)
            except sqlite3.Error as exc:
                raise _translate(exc, path) from None
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            pending = schema.inspect(conn, path)  # read-only: a refused file stays untouched
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            backup = None
            if pending:
                from sqlite_utils import Database

                done = schema.SCHEMA_VERSION - len(pending)
                if exists and done > 0:  # an older library: keep a copy of it first
                    backup = schema.backup_beside(conn, path, done)
                conn.execute("BEGIN IMMEDIATE")
                try:
                    pending = schema.inspect(conn, path)  # another process may have migrated
                    schema.migrate(Database(conn), pending)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        except schema.OpenProblem as exc:
            conn.close()
            raise LibraryError(exc.code, str(exc)) from None
        except sqlite3.Error as exc:
            conn.close()
            raise _translate(exc, path) from None
        return cls(conn, path, backup)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------
    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None
        except UnicodeEncodeError:
            # a value given as bytes that are not text (an argument in another encoding)
            raise LibraryError("bad-text", "a search word or filter value holds bytes that "
                                           "are not text (check the terminal's encoding)"
                               ) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock at once (so it waits, then 'busy')."""
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def _one(self, sql: str, params: Iterable = ()) -> tuple | None:
        with self._errors():
            return self.conn.execute(sql, list(params)).fetchone()

    def _all(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._errors():
            return self.conn.execute(sql, list(params)).fetchall()

    def _dicts(self, sql: str, params: Iterable = ()) -> list[dict]:
        with self._errors():
            cur = self.conn.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # -- pages -----------------------------------------------------------------------
    def save_page(self, page: Page, message: str = "", *, rows: PageRows | None = None,
                  base_tags: dict[str, list[str]] | None = None,
                  base_revision: int | None = None) -> int:
        """Store `page` as a new revision (one transaction). Returns the revision number.

        `rows` (from `writer.page_rows`, e.g. computed in a worker process) skips
        re-tokenising; it must have been made from this very page. A page that breaks the
        lossless invariant is refused (LibraryError "invariant"): the last good revision stays.

        `base_tags` (article id to tags, as the editor's copy had them when it was loaded or
        last saved): the tags are saved as what the editor changed on top of the library's
        current tags, so tags added or removed meanwhile by someone else are kept; the
        page's articles get the merged tags.

        `base_revision` (the revision the editor's copy was loaded at or last saved as): if
        someone else saved another text of the page since (tags alone do not count), the
        save is refused with LibraryError "conflict" naming when; saving again without a
        base keeps theirs in the page's history.
        """
        rows = self._checked_rows(page, rows)
        self._keep_pdf_if_room(page)
        with self._write() as conn:
            if base_revision is not None:
                _check_base(conn, page.id, base_revision)
            if base_tags is not None:
                before = [list(a.tags) for a in page.articles]
                _merge_tags(conn, page, base_tags)
                if [list(a.tags) for a in page.articles] != before:
                    rows = self._prepared_rows(page)  # the stored copy carries the merged tags
            return write_page(conn, page, rows, message, now())

    def import_page(self, page: Page, message: str = "import", *,
                    rows: PageRows | None = None) -> str | None:
        """Store `page` unless the library holds a page with its sha256 already: None when
        stored, else the id of that page. The check and the write are one transaction, so
        two imports of one file at once store it once."""
        rows = self._checked_rows(page, rows)
        sha = page.source.sha256
        with self._write() as conn:
            if sha:
                row = conn.execute("SELECT id FROM pages WHERE sha256 = ? ORDER BY imported_at"
                                   " LIMIT 1", [sha]).fetchone()
                if row:
                    return str(row[0])
            write_page(conn, page, rows, message, now())
        self._keep_pdf_if_room(page)
        return None

    # -- PDF files ---------------------------------------------------------------------
    def stored_pdf(self, sha256: str | None) -> str | None:
        """The library's copy of the PDF with this sha256, if it has one
        (`paths.pdf_folder`)."""
        return stored_pdf(self.path, sha256)

    def keep_pdf(self, page: Page) -> str | None:
        """Copy the PDF a page was read from into the library (once per file), so that the
        page picture is there when the page is reopened, whatever becomes of the original.
        Only the very file that was read is copied (its sha256 is checked); the copy is
        written beside its final name and renamed into place."""
        pdf = (page.layout or {}).get("pdf") or {}
        sha, src = pdf.get("sha256"), pdf.get("path")
        kept = self.stored_pdf(sha)
        if kept or not is_sha256(sha):
            return kept
        if not src or not os.path.isfile(src):
            return None
        with open(src, "rb") as fh:
            data = fh.read()
        if hashlib.sha256(data).hexdigest() != sha:
            return None  # the file changed since it was read
        folder = pdf_folder(self.path)
        os.makedirs(folder, exist_ok=True)
        dest = os.path.join(folder, sha + ".pdf")
        write_whole(dest, data)
        return dest

    def _keep_pdf_if_room(self, page: Page) -> None:
        try:
            self.keep_pdf(page)
        except OSError:
            pass  # a full disk keeps the picture from the library, never the page itself

    def _checked_rows(self, page: Page, rows: PageRows | None) -> PageRows:
        """The rows to store for a page that keeps the lossless invariant; a page that breaks
        it is refused (LibraryError "invariant")."""
        try:
            check_invariant(page)
        except InvariantError as exc:
            raise LibraryError("invariant", f"the page was not saved: {exc}") from None
        return rows if rows is not None else self._prepared_rows(page)

    def _prepared_rows(self, page: Page) -> PageRows:
        # Tokenising is the slow part: do it before taking the write lock, and
        # reuse the stored tokens of articles whose text did not change.
        cached = {
            (aid, h): (t, p, b)
            for aid, h, t, p, b in self._all(
                "SELECT a.id, k.source_hash, k.titles, k.people, k.body FROM articles a "
                "JOIN article_tokens k ON k.rid = a.rid WHERE a.page_id = ?",
                [page.id],
            )
        }
        return page_rows(page, cached)

    def _revision_row(self, page_id: str, revision: int | None) -> tuple[str, str]:
        if revision is None:
            row = self._one(
                "SELECT r.data, coalesce(r.raw, p.raw) FROM pages p JOIN revisions r "
                "ON r.page_id = p.id AND r.revision = p.revision WHERE p.id = ?",
                [page_id],
            )
        else:
            row = self._one(
                "SELECT r.data, coalesce(r.raw, p.raw) FROM revisions r JOIN pages p "
                "ON p.id = r.page_id WHERE r.page_id = ? AND r.revision = ?",
                [page_id, int(revision)],
            )
        if row is None:
            what = f"page {page_id}" + (f" revision {revision}" if revision is not None else "")
            raise LibraryError("not-found", f"{what} is not in the library")
        return row[0], row[1]

    def load_page(self, page_id: str, revision: int | None = None) -> Page:
        """The page as saved (its latest revision, or the one given)."""
        data, raw = self._revision_row(page_id, revision)
        return pagejson.page_from_exact_dict(pagejson.unpack(data), raw)

    def load_article(self, article_id: str) -> tuple[Page, Article]:
        row = self._one("SELECT page_id FROM articles WHERE id = ? ORDER BY rid DESC LIMIT 1",
                        [article_id])
        if row is None:
            raise LibraryError("not-found", f"article {article_id} is not in the library")
        page = self.load_page(row[0])
        article = page.find_article(article_id)
        if article is None:  # the index and the revision disagree: should not happen
            raise LibraryError("corrupt", f"article {article_id} is indexed but not stored")
        return page, article

    def page_for_sha256(self, sha: str) -> str | None:
        row = self._one("SELECT id FROM pages WHERE sha256 = ? ORDER BY imported_at LIMIT 1",
                        [sha])
        return row[0] if row else None

    def list_pages(self, paper=None, date_from=None, date_to=None, section=None, tag=None,
                   person=None, untagged=False, edited=False, limit=None,
                   offset=0) -> list[dict]:
        """Pages, in paper-date order; the article filters (tag, person, untagged, edited)
        keep a page when one of its articles passes all of them."""
        f = _filters(paper=paper, date_from=date_from, date_to=date_to, section=section,
                     tag=tag, person=person, untagged=untagged, edited=edited)
        sql = (
            "SELECT p.id, p.paper, p.date, p.section, p.number, p.file, "
            "(SELECT count(*) FROM articles x WHERE x.page_id = p.id) AS article_count, "
            "p.imported_at, p.edited FROM pages p WHERE 1"
        )
        page_params: list = []
        on_articles = []
        for cond, params in conditions(f):
            if on_page(cond):
                sql += " AND " + cond
                page_params += params
            else:
                on_articles.append((cond, params))
        if on_articles:
            if f.edited:  # saving marks the page of an edited article: skip the others early
                sql += " AND p.edited = 1"
            sql += (" AND EXISTS (SELECT 1 FROM articles a WHERE a.page_id = p.id AND "
                    + " AND ".join(c for c, _ in on_articles) + ")")
            page_params += [p for _, ps in on_articles for p in ps]
        sql += (" ORDER BY p.date IS NULL, p.date, p.paper, CAST(p.number AS INTEGER), p.number,"
                " p.id LIMIT ? OFFSET ?")
        rows = self._dicts(sql, page_params + [-1 if limit is None else limit, offset])
        for r in rows:
            r["edited"] = bool(r["edited"])
        return rows

    # -- articles --------------------------------------------------------------------
    def _article_sql(self, kw: dict) -> tuple[str, list]:
        where, params = where_for(_filters(**kw))
        sql = " FROM articles a JOIN pages p ON p.id = a.page_id WHERE 1"
        for w in where:
            sql += " AND " + w
        return sql, params

    def list_articles(self, page_id=None, date_from=None, date_to=None, section=None, paper=None,
                      tag=None, person=None, untagged=False, edited=False, limit=None,
                      offset=0) -> list[dict]:
        kw = dict(page_id=page_id, date_from=date_from, date_to=date_to, section=section,
                  paper=paper, tag=tag, person=person, untagged=untagged, edited=edited)
        frm, params = self._article_sql(kw)
        if page_id is None:
            # Walk pages in date order (index pages_order) and each page's articles in
            # order (articles_order), so a chunk of a big library needs no sort of every
            # article: the first 200 of 100,000 in ~3 ms instead of ~175 ms.
            frm = frm.replace("FROM articles a JOIN pages p ON",
                              "FROM pages p CROSS JOIN articles a ON", 1)
        sql = (
            "SELECT a.id, a.page_id, a.headline, a.kicker, p.date, p.section, p.number, p.paper,"
            " (SELECT json_group_array(name) FROM (SELECT name FROM people x"
            "  WHERE x.article_rid = a.rid ORDER BY x.ord)) AS people,"
            " (SELECT json_group_array(name) FROM (SELECT t.name FROM article_tags x"
            "  JOIN tags t ON t.id = x.tag_id WHERE x.article_rid = a.rid ORDER BY x.ord)) AS tags"
            + frm + " ORDER BY p.date IS NULL, p.date, a.page_id, a.ord LIMIT ? OFFSET ?"
        )
        rows = self._dicts(sql, params + [-1 if limit is None else limit, offset])
        for r in rows:
            r["people"] = json.loads(r["people"])
            r["tags"] = json.loads(r["tags"])
        return rows

    def count_articles(self, page_id=None, date_from=None, date_to=None, section=None, paper=None,
                       tag=None, person=None, untagged=False, edited=False) -> int:
        kw = dict(page_id=page_id, date_from=date_from, date_to=date_to, section=section,
                  paper=paper, tag=tag, person=person, untagged=untagged, edited=edited)
        frm, params = self._article_sql(kw)
        return int(self._one("SELECT count(*)" + frm, params)[0])

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Ranked hits for a query (see `query.py`). Raises QueryError for a malformed filter."""
        q = parse(query)
        if not q.terms and not q.exclude and q.filters == Filters():
            return []
        with self._errors():
            return run_search(self.conn, q, limit, offset)

    # -- revisions -------------------------------------------------------------------
    def current_revision(self, page_id: str) -> int | None:
        """The page's newest revision number, or None if it is not in the library."""
        row = self._one("SELECT revision FROM pages WHERE id = ?", [page_id])
        return int(row[0]) if row else None

    def revisions(self, page_id: str) -> list[dict]:
        rows = self._dicts(
            "SELECT revision, saved_at, message, summary FROM revisions WHERE page_id = ? "
            "ORDER BY revision", [page_id])
        if not rows and self._one("SELECT 1 FROM pages WHERE id = ?", [page_id]) is None:
            raise LibraryError("not-found", f"page {page_id} is not in the library")
        return rows

    def diff_revisions(self, page_id: str, a: int, b: int) -> list[str]:
        return history.diff_pages(self.load_page(page_id, a), self.load_page(page_id, b))

    def restore(self, page_id: str, revision: int) -> int:
        """Make revision `revision` the current state again, as a new revision."""
        page = self.load_page(page_id, revision)
        return self.save_page(page, message=f"restore revision {revision}")

    # -- maintenance -----------------------------------------------------------------
    def backup(self, dest_path: str) -> None:
        """A consistent copy (SQLite backup API) written to a temp name, then moved into place."""
        dest_path = os.path.abspath(dest_path)
        tmp = dest_path + ".part"
        if os.path.exists(tmp):
            os.remove(tmp)
        target = sqlite3.connect(tmp)
        try:
            with self._errors():
                self.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest_path)

    def reindex(self, progress=None) -> int:
        """Re-cut every article's search tokens (after jieba or its user dictionary changed).

        What a user runs after changing the dictionaries (`tokens.set_user_dict`,
        $PAGEDESK_USER_DICT, a new newsroom.dict): `pagedesk reindex`. Search and
        tag suggestions' document frequencies both read these tokens.
        One transaction per page; returns the number of articles re-indexed.
        `progress(pages_done, pages_total)`, if given, is called after each page.
        """
        from .search import article_texts, source_hash, tokenize

        count = 0
        page_ids = [pid for (pid,) in self._all("SELECT id FROM pages ORDER BY id")]
        for done, page_id in enumerate(page_ids, 1):
            page = self.load_page(page_id)
            updates = []
            for a in page.articles:
                parts = article_texts(a)
                updates.append((source_hash(parts), *(tokenize(p) for p in parts), page_id, a.id))
            with self._write() as conn:
                conn.executemany(
                    "UPDATE article_tokens SET source_hash = ?, titles = ?, people = ?, body = ?"
                    " WHERE rid = (SELECT rid FROM articles WHERE page_id = ? AND id = ?)",
                    updates)
            count += len(updates)
            if progress is not None:
                progress(done, len(page_ids))
        return count

    def integrity_check(self) -> str:
        return str(self._one("PRAGMA integrity_check")[0])

    def stats(self) -> dict:
        pages, articles = self._one(
            "SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM articles)")
        return {"path": self.path, "pages": pages, "articles": articles,
                "schema": schema.SCHEMA_VERSION}


def _filters(tag=None, person=None, date_from=None, date_to=None, **kw) -> Filters:
    f = Filters(**kw)
    f.date_from = normalise_date(date_from) if date_from else None
    f.date_to = normalise_date(date_to, upper=True) if date_to else None
    if tag:
        f.tags.append(tag)
    if person:
        f.people.append(person)
    return f
