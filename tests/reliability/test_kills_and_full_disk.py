"""Imports killed at random moments, and a disk that fills up: no page lost or doubled, no
healthy library refused, one clear line (issue 16, probes; soak.py runs hundreds of kills)."""

from __future__ import annotations

import os
import random
import shutil
import subprocess

import pytest

from editor.storage.library import Library
from tests.reliability.probes import cli, killed_imports, page_files


def test_killed_imports_lose_nothing_double_nothing_and_refuse_nothing(tmp_path):
    folder = tmp_path / "pages"
    shas = page_files(folder, 10)
    figures = killed_imports(folder, tmp_path / "lib.sqlite", shas, kills=3,
                             rng=random.Random(os.getpid()))
    assert figures.kills >= 2
    assert figures.clean(), figures


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB file system of its own (tmpfs; needs root and permission to mount)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_stops_an_import_clearly_and_the_library_opens_afterwards(small_disk,
                                                                             tmp_path):
    """Imports fill a disk with 2 MB free: the import says the disk is full (not a damaged library),
    the library opens with every page it reported, and once space is freed the same
    import finishes the batch."""
    lib = small_disk / "lib.sqlite"
    folder = tmp_path / "pages"
    shas = page_files(folder, 20)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (14 * 1024 * 1024))
    done = cli("import", str(folder), "--library", str(lib), timeout=600)
    assert done.returncode == 2, done.stdout[-500:] + done.stderr[-500:]
    assert "full" in done.stderr and "damaged" not in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "before the import stopped" in done.stdout
    with Library.open(str(lib), create=False) as library:
        assert library.integrity_check() == "ok"
        kept = len(library.list_pages())
    assert 0 < kept < 20
    filler.unlink()
    again = cli("import", str(folder), "--library", str(lib), timeout=600)
    assert again.returncode == 0, again.stderr[-500:]
    with Library.open(str(lib), create=False) as library:
        stored = [r[0] for r in library.conn.execute("SELECT sha256 FROM pages")]
    assert sorted(stored) == sorted(shas.values())


def test_exports_to_a_full_disk_say_so_in_one_line_and_leave_no_part(small_disk, tmp_path):
    """Word, HTML and text exports to a disk with no room: one clear line (no 'Exception
    ignored in ZipFile.__del__' after it), the earlier file kept, no temporary file left."""
    from tests.reliability.probes import SAMPLE

    filler = small_disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * (256 * 1024))
        except OSError:
            pass
    for name in ("page.docx", "page.html", "page.txt"):
        target = small_disk / name
        done = cli("export", str(SAMPLE), "-o", str(target))
        assert done.returncode == 2, done.stderr
        assert "No space" in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
        assert not target.exists()
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
