"""Real processes against one library: killed imports and simultaneous writers."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from editor.storage.library import Library
from tests.reliability.probes import ROOT, SAMPLE, killed_imports, page_files
from tests.reliability.probes import env as _env


def _pages(folder: Path, n: int) -> dict[str, str]:
    """n distinct page files (the sample with a numbered closing line); name -> sha256."""
    return page_files(folder, n)


def test_killed_batch_import_leaves_a_sound_library(tmp_path):
    """SIGKILL of the import alone at random moments: its workers exit by themselves, the
    library opens, is intact and keeps every finished page; finishing the batch adds exactly
    the missing pages, and running it again adds nothing."""
    folder = tmp_path / "pages"
    shas = _pages(folder, 30)
    lib_path = tmp_path / "lib.sqlite"
    figures = killed_imports(folder, lib_path, shas, 3, random.Random(os.getpid()), group=False)
    assert figures.kills >= 2 and figures.clean(), figures
    cmd = [sys.executable, "-m", "editor", "import", str(folder), "--library", str(lib_path),
           "--json"]
    again = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True,
                           timeout=120)
    assert '"imported": 0' in again.stdout and '"duplicate": 30' in again.stdout


WRITER = textwrap.dedent("""
    import json, os, sys, time
    from editor.core import tokens
    from editor.core.pagejson import page_from_dict
    from editor.storage.library import Library, LibraryError
    lib_path, gold, raw, tag, folder = sys.argv[1:6]
    tokens.get_jieba()
    page = page_from_dict(json.load(open(gold, encoding="utf-8")),
                          open(raw, encoding="utf-8").read())
    page.id = "shared-page"
    open(os.path.join(folder, "ready-" + tag), "w").close()
    while not os.path.exists(os.path.join(folder, "go")):
        time.sleep(0.005)
    saved = busy = 0
    for i in range(12):
        try:
            with Library.open(lib_path, timeout=10) as lib:
                page.articles[0].notes_text = f"{tag} {i}"
                lib.save_page(page, message=f"{tag} {i}")
                saved += 1
        except LibraryError as exc:
            assert exc.code == "busy", exc
            busy += 1
    print(saved, busy)
""")


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    """Both writers succeed in turn (or get 'busy'); revisions are contiguous and complete."""
    lib_path = tmp_path / "lib.sqlite"  # created by the racing writers themselves
    gold = ROOT / "tests" / "data" / "guangdong-jishi-p13.gold.json"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(lib_path), str(gold), str(SAMPLE),
                          tag, str(tmp_path)], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for tag in ("A", "B")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{t}").exists() for t in "AB"):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), \
            [p.communicate() for p in procs]
        time.sleep(0.01)
    (tmp_path / "go").touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(tuple(int(x) for x in out.split()))
    saved = sum(r[0] for r in results)
    assert saved + sum(r[1] for r in results) == 24
    with Library.open(str(lib_path), create=False) as lib:
        assert lib.integrity_check() == "ok"
        revs = lib.revisions("shared-page")
        assert [r["revision"] for r in revs] == list(range(1, saved + 1))
        messages = sorted(r["message"] for r in revs)
        assert len(set(messages)) == saved
        assert {m[0] for m in messages} == {"A", "B"} or saved < 24
        last = revs[-1]["message"]
        assert lib.load_page("shared-page").articles[0].notes_text == last


def test_a_file_stored_by_another_import_meanwhile_is_a_duplicate(tmp_path, monkeypatch):
    """Two imports of one folder at once: each looks the files up before segmenting them,
    finds none, and one stores a page while the other is still segmenting. The second
    must see it within the transaction that would store its copy: one page per file."""
    from editor.storage import batch

    folder = tmp_path / "in"
    folder.mkdir()
    shas = _pages(folder, 3)
    path = str(tmp_path / "lib.sqlite")
    with Library.open(path) as first:
        batch.import_paths(first, [str(folder)], workers=1)
    # the second import looked before the first stored anything
    monkeypatch.setattr(Library, "page_for_sha256", lambda self, sha: None)
    with Library.open(path) as second:
        results = batch.import_paths(second, [str(folder)], workers=1)
        assert [r.status for r in results] == ["duplicate"] * 3
        stored = [row[0] for row in second.conn.execute("SELECT sha256 FROM pages")]
    assert sorted(stored) == sorted(shas.values())


def test_two_importers_at_once_store_each_file_once(tmp_path):
    """Two processes import one folder of 12 files at the same moment: 12 pages, no
    duplicates, every file reported as imported by exactly one of them."""
    folder = tmp_path / "in"
    folder.mkdir()
    shas = _pages(folder, 12)
    lib = str(tmp_path / "lib.sqlite")
    Library.open(lib).close()
    cmd = [sys.executable, "-m", "editor", "import", str(folder), "--library", lib, "--json"]
    procs = [subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    with Library.open(lib) as library:
        stored = [row[0] for row in library.conn.execute("SELECT sha256 FROM pages")]
    assert sorted(stored) == sorted(shas.values())
