"""The library's SQLite schema, its migrations, and safe opening of the file.

Schema changes go through `sqlite_utils` migrations (the `Migrations` class
sqlite-utils 4 ships; the `sqlite-migrate` package is now only a re-export of
it, so it is not a dependency). Each migration is a named step; the
schema version is the number of steps applied and is also kept in
`PRAGMA user_version`, so a library written by a newer PageDesk (more steps,
or names we do not know) is refused before anything is written to it. An
older library is copied beside itself (SQLite backup API) and then migrated.

Opening never changes a file that is not a PageDesk library: the header is
checked first (SQLite magic, size against the page count in the header), and
WAL mode is switched on only after that.
"""

from __future__ import annotations

import os
import sqlite3
import time
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATION_SET = "pagedesk"


class _Steps:
    """The migration steps, registered with the decorator of sqlite-utils' `Migrations`
    and handed to a real `Migrations` only when applied: importing sqlite-utils takes
    ~0.12 s, which opening an up-to-date library (the window's first turn) need not pay."""

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[SimpleNamespace] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(func):
            self._migrations.append(SimpleNamespace(name=name or func.__name__, fn=func,
                                                    transactional=transactional))
            return func

        return inner

    def apply(self, db: Database, **kw) -> None:
        from sqlite_utils import Migrations

        real = Migrations(self.name)
        for m in self._migrations:
            real(name=m.name, transactional=m.transactional)(m.fn)
        real.apply(db, **kw)


migrations = _Steps(MIGRATION_SET)


@migrations()
def m001_pages_articles(db: Database) -> None:
    """Pages, articles, blocks, people, tags and revisions."""
    _run(
        db,
        """
        CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            paper TEXT, date TEXT, section TEXT, number TEXT,
            file TEXT, encoding TEXT, sha256 TEXT, newline TEXT,
            raw TEXT NOT NULL,
            imported_at TEXT NOT NULL, saved_at TEXT NOT NULL,
            revision INTEGER NOT NULL, edited INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX pages_sha256 ON pages(sha256);
        CREATE INDEX pages_date ON pages(date);
        CREATE TABLE articles (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            kicker TEXT, headline TEXT, subheadline TEXT, dateline TEXT, byline TEXT,
            confidence REAL, notes_text TEXT,
            edited INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX articles_page_id ON articles(page_id, id);
        CREATE INDEX articles_id ON articles(id);
        CREATE TABLE blocks (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            article_rid INTEGER REFERENCES articles(rid) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            ord INTEGER NOT NULL,
            role TEXT NOT NULL,
            lines TEXT NOT NULL,
            first_line INTEGER, last_line INTEGER,
            text TEXT NOT NULL, edited TEXT, credit TEXT, confidence REAL
        );
        CREATE INDEX blocks_page ON blocks(page_id);
        CREATE INDEX blocks_article ON blocks(article_rid);
        CREATE TABLE people (
            rid INTEGER PRIMARY KEY,
            article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
            ord INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL
        );
        CREATE INDEX people_article ON people(article_rid);
        CREATE INDEX people_name ON people(name);
        CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE article_tags (
            article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id),
            ord INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_rid, tag_id)
        );
        CREATE INDEX article_tags_tag ON article_tags(tag_id);
        CREATE TABLE revisions (
            rid INTEGER PRIMARY KEY,
            page_id TEXT NOT NULL REFERENCES pages(id),
            revision INTEGER NOT NULL,
            saved_at TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            data BLOB NOT NULL,
            raw TEXT
        );
        CREATE UNIQUE INDEX revisions_page ON revisions(page_id, revision);
        """
    )


@migrations()
def m002_search_index(db: Database) -> None:
    """Full-text index over jieba search-mode tokens (DESIGN §9), three weighted columns.

    The same FTS5 table and triggers `Table.enable_fts(create_triggers=True)`
    makes, written out because `enable_fts` uses `executescript`, which
    commits in the middle of the migration's transaction.
    """
    # unicode61 keeps a run of CJK characters as one token, so each
    # space-separated jieba token stays one FTS token; punctuation is dropped.
    cols = '"titles", "people", "body"'
    old = 'old."titles", old."people", old."body"'
    new = 'new."titles", new."people", new."body"'
    delete = (
        f'INSERT INTO article_tokens_fts (article_tokens_fts, rowid, {cols}) '
        f"VALUES ('delete', old.rowid, {old});"
    )
    insert = f"INSERT INTO article_tokens_fts (rowid, {cols}) VALUES (new.rowid, {new});"
    for sql in (
        # The article's real text (titles, people, body) for instr() checks and
        # snippets; apart from `articles` so that ranking joins stay on small rows.
        """CREATE TABLE article_text (
            rid INTEGER PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
            text TEXT NOT NULL, body_at INTEGER NOT NULL
        )""",
        """CREATE TABLE article_tokens (
            rid INTEGER PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
            source_hash TEXT NOT NULL,
            titles TEXT NOT NULL, people TEXT NOT NULL, body TEXT NOT NULL
        )""",
        f"""CREATE VIRTUAL TABLE article_tokens_fts USING FTS5 ({cols},
            tokenize='unicode61 remove_diacritics 2', content='article_tokens')""",
        f"CREATE TRIGGER article_tokens_ai AFTER INSERT ON article_tokens BEGIN {insert} END",
        f"CREATE TRIGGER article_tokens_ad AFTER DELETE ON article_tokens BEGIN {delete} END",
        f"CREATE TRIGGER article_tokens_au AFTER UPDATE ON article_tokens "
        f"BEGIN {delete} {insert} END",
    ):
        db.execute(sql)


@migrations()
def m003_pages_listing(db: Database) -> None:
    """A covering index for listing pages: without it every listed row walks the overflow
    pages of `raw` (columns stored after it), ~0.3-0.5 s for 16,000 pages."""
    db.execute(
        "CREATE INDEX pages_listing ON pages"
        " (date, paper, number, id, section, file, imported_at, edited)"
    )


@migrations()
def m004_article_order(db: Database) -> None:
    """Indexes in the order articles are listed (page date, page, position), so that
    listing a chunk of a big library walks them instead of sorting every article."""
    db.execute("CREATE INDEX pages_order ON pages (date IS NULL, date, id)")
    db.execute("CREATE INDEX articles_order ON articles (page_id, ord)")


@migrations()
def m005_pages_order_covering(db: Database) -> None:
    """`pages_order` (m004) also holds the listed columns: without them listing every
    page chose it and walked each page's raw text again (m003's reason)."""
    db.execute("DROP INDEX pages_order")
    db.execute(
        "CREATE INDEX pages_order ON pages"
        " (date IS NULL, date, paper, number, id, section, file, imported_at, edited)"
    )


def _run(db: Database, script: str) -> None:
    """Run `;`-separated statements (no trigger bodies) one by one, in the caller's transaction."""
    for stmt in script.split(";"):
        if stmt.strip():
            db.execute(stmt)


SCHEMA_VERSION = len(migrations._migrations)
KNOWN = [m.name for m in migrations._migrations]


class OpenProblem(Exception):
    """Raised by `check_file` and `prepare`; the library turns it into a LibraryError."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def check_file(path: str) -> bool:
    """Check an existing file looks like a whole SQLite database. Returns False if absent."""
    if not os.path.exists(path):
        return False
    if os.path.isdir(path):
        raise OpenProblem("corrupt", f"{path} is a folder, not a library file")
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        head = fh.read(100)
    if size == 0:
        raise OpenProblem("corrupt", f"{path} is an empty file, not a PageDesk library")
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise OpenProblem("corrupt", f"{path} is not a PageDesk library (not an SQLite file)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(head[28:32], "big")
    counter, valid_for = head[24:28], head[92:96]
    if page_size < 512:
        raise OpenProblem("corrupt", f"{path} is damaged (truncated or not a whole database)")
    short = size % page_size or counter == valid_for and page_count and (
        size < page_count * page_size)
    if short and wal_pending(path):
        # An interrupted checkpoint (a crash, a full disk) leaves the file shorter than its
        # header says while the WAL still holds the pages: SQLite judges, read-only.
        _verify_with_wal(path)
    elif size % page_size:
        raise OpenProblem("corrupt", f"{path} is damaged (truncated or not a whole database)")
    elif short:
        raise OpenProblem("corrupt", f"{path} is damaged (truncated: shorter than its header says)")
    return True


def wal_pending(path: str) -> bool:
    """Does a write-ahead log with frames in it lie beside the library file?"""
    try:
        return os.path.getsize(path + "-wal") > 32  # more than the WAL header
    except OSError:
        return False


def _verify_with_wal(path: str) -> None:
    """Let SQLite read the file with its WAL (read-only: nothing is written, no checkpoint)
    and check every page; OpenProblem unless it is whole."""
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        verdict = str(exc)
    if verdict != "ok":
        raise OpenProblem("corrupt", f"{path} is damaged (pages missing from the file and its "
                                     f"write-ahead log: {verdict})")


def applied_names(conn: sqlite3.Connection) -> list[str] | None:
    """Names of applied migrations; None if the file has no migration table at all."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if not row:
        return None
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set=? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [r[0] for r in rows]


def inspect(conn: sqlite3.Connection, path: str) -> list[str]:
    """Read-only look at an open file: the pending migrations, or OpenProblem."""
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    names = applied_names(conn)
    if names is None:
        if tables:
            raise OpenProblem("corrupt", f"{path} is an SQLite file but not a PageDesk library")
        return list(KNOWN)
    unknown = [n for n in names if n not in KNOWN]
    if unknown or user_version > SCHEMA_VERSION:
        raise OpenProblem(
            "newer",
            f"{path} was written by a newer PageDesk (library schema "
            f"{max(user_version, len(names))}, this version knows {SCHEMA_VERSION}); "
            "update PageDesk to open it",
        )
    return [n for n in KNOWN if n not in names]


def backup_beside(conn: sqlite3.Connection, path: str, version: int) -> str:
    """Copy the library to `<path>.v<version>-<time>.bak` before migrating it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = f"{path}.v{version}-{stamp}.bak"
    n = 1
    while os.path.exists(dest):
        n += 1
        dest = f"{path}.v{version}-{stamp}-{n}.bak"
    target = sqlite3.connect(dest)
    try:
        conn.backup(target)
    finally:
        target.close()
    return dest


def migrate(db: Database, pending: list[str]) -> None:
    """Apply pending migrations inside the caller's transaction; record the schema version."""
    if pending:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


STALE_BUILD_SECONDS = 600  # a library is built in well under a second


def remove_stale_builds(path: str) -> int:
    """Remove half-built libraries (`.<name>.<pid>.new`, with -wal/-shm) that a process
    killed while creating the library at `path` left beside it: its process no longer runs
    (POSIX) or the file is older than STALE_BUILD_SECONDS. Returns how many were removed."""
    folder = os.path.dirname(path) or "."
    prefix = f".{os.path.basename(path)}."
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    removed = 0
    for name in names:
        pid, sep, rest = name[len(prefix):].partition(".")
        if not (name.startswith(prefix) and sep and rest.startswith("new") and pid.isdigit()):
            continue
        full = os.path.join(folder, name)
        try:
            old = time.time() - os.path.getmtime(full) > STALE_BUILD_SECONDS
        except OSError:
            continue
        if int(pid) == os.getpid() or not (old or _dead(int(pid))):
            continue
        try:
            os.remove(full)
            removed += 1
        except OSError:
            pass
    return removed


def _dead(pid: int) -> bool:
    """Does no process with this id run (POSIX; elsewhere: not known, False)?"""
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def create_new(path: str) -> None:
    """Build a new library beside `path` and link it into place, so no process ever sees a
    half-made file; if another process got there first, its library is used."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.new")
    for stale in (tmp, tmp + "-wal", tmp + "-shm"):  # left by a killed process with our pid
        if os.path.exists(stale):
            os.remove(stale)
    try:
        from sqlite_utils import Database

        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            migrate(Database(conn), list(KNOWN))
            conn.execute("COMMIT")
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            if not os.path.exists(path):
                os.rename(tmp, path)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
