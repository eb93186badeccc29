"""Probes of what must never happen: a lost or duplicated page, a healthy library refused,
a traceback where one clear line belongs. The tests in this folder run them in a bounded
form under CI; `soak.py` runs them long (hundreds of kills, 10^5 fuzz inputs) and prints
the figures for a closing note.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "guangdong-jishi-p13.txt"


def env() -> dict:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(ROOT) + os.pathsep + out.get("PYTHONPATH", "")
    out["PYTHONUNBUFFERED"] = "1"
    return out


def page_files(folder: Path, n: int, start: int = 0) -> dict[str, str]:
    """n distinct page files (the sample with a numbered closing line): name -> sha256."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    out = {}
    for i in range(start, start + n):
        body = text + f"\n本页附注第{i}号：校对台可靠性探针的附加行。\n"
        path = folder / f"page-{i:04d}.txt"
        path.write_text(body, encoding="utf-8")
        out[path.name] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return out


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editor", *args], cwd=ROOT, env=env(),
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout)


# -- killed imports ----------------------------------------------------------------------


@dataclass
class KillFigures:
    kills: int = 0
    integrity_failures: int = 0
    refused: int = 0  # a healthy library refused at the next open
    lost: int = 0  # pages reported imported but missing afterwards
    duplicates: int = 0
    final_count_wrong: int = 0
    orphans: int = 0  # worker processes left running by a killed import
    problems: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.integrity_failures or self.refused or self.lost or self.duplicates
                    or self.final_count_wrong or self.orphans)


def _stored(lib_path: Path) -> list[str] | str:
    """The stored pages' sha256 values, or the reason the library could not be read."""
    from editor.storage.library import Library, LibraryError

    try:
        with Library.open(str(lib_path), create=False) as lib:
            if lib.integrity_check() != "ok":
                return "integrity"
            return [r[0] for r in lib.conn.execute("SELECT sha256 FROM pages")]
    except LibraryError as exc:
        return f"refused: {exc}"


def workers_exit(pgid: int) -> bool:
    """Do the killed import's worker processes notice and exit (no orphans left behind)?
    Those still there after 10 s are killed."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    return False


def killed_imports(folder: Path, lib_path: Path, shas: dict[str, str], kills: int,
                   rng: random.Random, figures: KillFigures | None = None, *,
                   group: bool = True) -> KillFigures:
    """SIGKILL `pagedesk import` at random moments up to `kills` times (fewer when the batch
    is done first), checking the library after each kill; then let the batch finish and
    check the final count. `group`: kill its worker processes too; else the import alone,
    and its workers must exit by themselves."""
    figures = figures or KillFigures()
    finished: set[str] = set()
    cmd = [sys.executable, "-m", "editor", "import", str(folder), "--library", str(lib_path)]
    done_kills = 0
    while done_kills < kills and len(finished) < len(shas):
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
                                start_new_session=True)
        wait_for, seen = rng.randint(0, 4), 0
        for line in proc.stdout:
            if line.startswith("imported"):
                finished.add(Path(line.split()[1]).name)
                seen += 1
                if seen >= wait_for:
                    time.sleep(rng.uniform(0, 0.05))  # land anywhere inside the next save
                    break
        running = proc.poll() is None
        try:
            if group:
                os.killpg(proc.pid, signal.SIGKILL)
            else:  # the import alone: its workers must notice and exit by themselves
                proc.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=60)
        proc.stdout.close()
        if not group and not workers_exit(proc.pid):
            figures.problems.append("worker processes outlived the killed import")
            figures.orphans += 1
        if running:  # a kill of a live import (not of one that had just finished)
            figures.kills += 1
            done_kills += 1
        _check_after(lib_path, shas, finished, figures)
    done = subprocess.run(cmd, cwd=ROOT, env=env(), capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        figures.problems.append(f"finishing import failed: {done.stderr[-300:]}")
    stored = _stored(lib_path)
    # (the library may hold other batches' pages: each of this batch's once, none twice)
    whole = isinstance(stored, list) and all(stored.count(sha) == 1 for sha in shas.values())
    if not whole or len(stored) != len(set(stored)):
        figures.final_count_wrong += 1
        figures.problems.append(f"final: {stored if isinstance(stored, str) else len(stored)}")
    return figures


def _check_after(lib_path: Path, shas: dict[str, str], finished: set[str],
                 figures: KillFigures) -> None:
    stored = _stored(lib_path)
    if stored == "integrity":
        figures.integrity_failures += 1
    elif isinstance(stored, str):
        if "no library" not in stored:  # killed before it was created
            figures.refused += 1
            figures.problems.append(stored)
    else:
        figures.lost += sum(1 for name in finished if shas[name] not in stored)
        figures.duplicates += len(stored) - len(set(stored))


# -- library file faults -----------------------------------------------------------------


def fault_files(folder: Path, good: Path) -> dict[str, Path]:
    """Library files damaged in each way a file can be: name -> path (for every command)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = good.read_bytes()
    out = {}
    out["truncated"] = folder / "truncated.sqlite"
    out["truncated"].write_bytes(data[: len(data) // 2])
    out["empty"] = folder / "empty.sqlite"
    out["empty"].write_bytes(b"")
    out["random"] = folder / "random.sqlite"
    out["random"].write_bytes(random.Random(7).randbytes(8192))
    out["folder"] = folder / "folder.sqlite"
    out["folder"].mkdir()
    out["dangling-link"] = folder / "dangling.sqlite"
    os.symlink(folder / "gone" / "lib.sqlite", out["dangling-link"])
    out["under-a-file"] = folder / "plain.txt" / "lib.sqlite"
    (folder / "plain.txt").write_text("x", encoding="utf-8")
    future = folder / "future.sqlite"
    future.write_bytes(data)
    conn = sqlite3.connect(future)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    out["future-schema"] = future
    return out


def commands(lib: Path, page: Path, out: Path) -> dict[str, list[str]]:
    """One call of every command that opens the library."""
    lib_s = str(lib)
    return {
        "import": ["import", str(page), "--library", lib_s],
        "list": ["list", "--library", lib_s],
        "list-articles": ["list", "--articles", "--library", lib_s],
        "show": ["show", "no-such-id", "--library", lib_s],
        "search": ["search", "工会", "--library", lib_s],
        "history": ["history", "no-such-id", "--library", lib_s],
        "restore": ["restore", "no-such-id", "1", "--library", lib_s],
        "backup": ["backup", str(out / "backup.sqlite"), "--library", lib_s],
        "tag": ["tag", "no-such-id", "--add", "x", "--library", lib_s],
        "tags": ["tags", "--library", lib_s],
        "suggest": ["suggest", "no-such-id", "--library", lib_s],
        "reindex": ["reindex", "--library", lib_s],
        "export": ["export", "no-such-id", "-o", str(out / "x.txt"), "--library", lib_s],
    }


def snapshot(path: Path) -> bytes | str | None:
    """What a library path holds, to tell that a refused file was left untouched."""
    if path.is_symlink():
        return "link:" + os.readlink(path)
    if path.is_dir():
        return "dir:" + ",".join(sorted(os.listdir(path)))
    if path.exists():
        return path.read_bytes()
    return None
