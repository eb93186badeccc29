"""Opening damaged, foreign, newer, older or busy libraries: clear errors, files untouched."""

from __future__ import annotations

import glob
import os
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


def _pages(sample_text: str, n: int):
    """n different pages (the sample with a numbered line added), segmented."""
    from editor.core.importer import segment_text

    return [segment_text(sample_text + f"\n第{k}页附记。\n") for k in range(n)]


def test_a_library_left_by_an_interrupted_checkpoint_opens_with_every_page(tmp_path, sample_text):
    """A crash (or a full disk) in the middle of a checkpoint leaves the database file
    shorter than its header says while the WAL still holds the pages: SQLite recovers them,
    so the library must open with every page, not be refused as truncated."""
    path = tmp_path / "lib.sqlite"
    pages = _pages(sample_text, 6)
    with Library.open(str(path)) as lib:
        for p in pages[:2]:
            lib.save_page(p)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        reader = sqlite3.connect(path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM pages").fetchone()  # holds back checkpoints
        for p in pages[2:]:
            lib.save_page(p)
        crashed = tmp_path / "crashed.sqlite"
        crashed.write_bytes(path.read_bytes())
        (tmp_path / "crashed.sqlite-wal").write_bytes((tmp_path / "lib.sqlite-wal").read_bytes())
        reader.rollback()
        reader.close()
    wal = (tmp_path / "crashed.sqlite-wal").read_bytes()
    page_size = int.from_bytes(wal[8:12], "big")
    newest_first = None  # the first step of a checkpoint: the newest page 1 into the file
    at = 32
    while at + 24 + page_size <= len(wal):
        if int.from_bytes(wal[at:at + 4], "big") == 1:
            newest_first = wal[at + 24:at + 24 + page_size]
        at += 24 + page_size
    assert newest_first is not None
    data = bytearray(crashed.read_bytes())
    data[:page_size] = newest_first
    crashed.write_bytes(bytes(data))
    assert int.from_bytes(data[28:32], "big") * page_size > len(data)  # shorter than it says
    with Library.open(str(crashed)) as lib:
        assert lib.integrity_check() == "ok"
        assert len(lib.conn.execute("SELECT id FROM pages").fetchall()) == 6


def test_a_truncated_library_with_a_wal_beside_it_is_still_refused(tmp_path, sample_page):
    """Where a WAL file lies beside a file cut short, SQLite judges: pages missing from both
    make the library damaged, refused untouched."""
    data = _library_bytes(tmp_path, sample_page)
    bad = tmp_path / "cut.sqlite"
    bad.write_bytes(data[:len(data) // 2 // 4096 * 4096])
    wal = tmp_path / "cut.sqlite-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(32 + 24 + 4096 - 4))  # holds no valid frame
    before = bad.read_bytes()
    with pytest.raises(LibraryError) as exc:
        Library.open(str(bad))
    assert exc.value.code == "corrupt"
    assert "write-ahead log" in str(exc.value)
    assert bad.read_bytes() == before


def test_half_built_libraries_left_by_killed_processes_are_removed_at_the_next_open(tmp_path):
    """A process killed while creating the library leaves `.lib.sqlite.<pid>.new*` beside it;
    the next open removes those of processes that no longer run, and no other file."""
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    path = tmp_path / "lib.sqlite"
    left = [tmp_path / f".lib.sqlite.{dead}.new{end}" for end in ("", "-wal", "-shm")]
    for f in left:
        f.write_bytes(b"half a library")
    running = tmp_path / f".lib.sqlite.{os.getppid()}.new"  # a live process building it
    running.write_bytes(b"being built")
    other = tmp_path / ".other.sqlite.1.new"
    other.write_bytes(b"not ours")
    Library.open(str(path)).close()
    assert not any(f.exists() for f in left)
    assert running.exists() and other.exists()
