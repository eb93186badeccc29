"""Opening damaged, foreign, newer, older or busy libraries: clear errors, files untouched."""

from __future__ import annotations

import glob
import sqlite3

import pytest

from editor.storage import schema
from editor.storage.library import Library, LibraryError


def _library_bytes(tmp_path, page) -> bytes:
    path = tmp_path / "good.sqlite"
    with Library.open(str(path)) as lib:
        lib.save_page(page)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def _refused(path, code: str) -> str:
    before = path.read_bytes()
    with pytest.raises(LibraryError) as exc:
        Library.open(str(path))
    assert exc.value.code == code
    assert path.read_bytes() == before, "a refused library file must be left untouched"
    assert not glob.glob(str(path) + "-wal") or code == "busy"
    return str(exc.value)


def test_truncated_library_is_refused_untouched(tmp_path, sample_page):
    data = _library_bytes(tmp_path, sample_page)
    for cut in (len(data) // 2, 4096 + 100, 50):
        bad = tmp_path / f"cut{cut}.sqlite"
        bad.write_bytes(data[:cut])
        msg = _refused(bad, "corrupt")
        assert str(bad) in msg


def test_non_sqlite_and_empty_files_are_refused_untouched(tmp_path):
    for name, content in (("text.sqlite", "这不是数据库\n".encode() * 500),
                          ("empty.sqlite", b""),
                          ("zeros.sqlite", b"\x00" * 8192)):
        path = tmp_path / name
        path.write_bytes(content)
        assert "library" in _refused(path, "corrupt")


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    assert "not a PageDesk library" in _refused(path, "corrupt")


def test_newer_library_is_refused_untouched(tmp_path, sample_page):
    path = tmp_path / "newer.sqlite"
    with Library.open(str(path)) as lib:
        lib.save_page(sample_page)
        lib.conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES ('pagedesk', 'm999_future', 'later')")
        lib.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.conn.execute("PRAGMA journal_mode = DELETE")
    assert "newer PageDesk" in _refused(path, "newer")


def test_older_library_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    from sqlite_utils import Database

    db = Database(str(path))
    schema.migrations.apply(db, stop_before="m002_search_index")  # before the search index
    db.execute("INSERT INTO pages (id, raw, imported_at, saved_at, revision) "
               "VALUES ('p1', 'x', 't', 't', 1)")
    db.conn.commit()
    db.close()
    with Library.open(str(path)) as lib:
        assert lib.backup_path and lib.backup_path.startswith(str(path))
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert lib.search("anything") == []
    backups = glob.glob(str(path) + ".v*.bak")
    assert backups == [lib.backup_path]
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT id FROM pages").fetchall() == [("p1",)]
    assert not old.execute("SELECT 1 FROM sqlite_master WHERE name='article_tokens'").fetchall()
    old.close()
    with Library.open(str(path)) as again:  # already current: no second backup
        assert again.backup_path is None


def test_missing_library_with_create_false(tmp_path):
    with pytest.raises(LibraryError) as exc:
        Library.open(str(tmp_path / "none.sqlite"), create=False)
    assert exc.value.code == "missing"
    assert not (tmp_path / "none.sqlite").exists()


def test_a_held_write_lock_gives_a_clear_busy_error(tmp_path, sample_page):
    path = str(tmp_path / "lib.sqlite")
    with Library.open(path) as first, Library.open(path, timeout=0.2) as second:
        first.save_page(sample_page)
        first.conn.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(LibraryError) as exc:
                second.save_page(sample_page)
            assert exc.value.code == "busy" and "busy" in str(exc.value)
            assert second.load_page(sample_page.id) == sample_page  # readers still read (WAL)
        finally:
            first.conn.execute("ROLLBACK")
        assert second.save_page(sample_page) == 2
