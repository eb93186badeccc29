"""Batch import: page files and folders into the library, one page per transaction.

Each file is read, checked against the library by sha256 (a page already
present is skipped before any segmenting, so re-running an import adds
nothing), segmented, given its metadata and saved. A bad file is recorded
with its reason and the batch carries on. A `progress` callback sees every
result as it happens, so a caller can draw a bar or log each file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from editor.core.importer import segment_text
from editor.core.reader import InputError, read_page_file

from .library import Library, LibraryError
from .metadata import guess_meta
from .query import normalise_date


@dataclass
class FileResult:
    path: str
    status: str  # "imported", "duplicate" or "failed"
    page_id: str | None = None
    articles: int = 0
    reason: str | None = None
    date: str | None = None
    section: str | None = None
    number: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def find_page_files(paths: Iterable[str]) -> tuple[list[str], list[FileResult]]:
    """Files to import (folders searched recursively for *.txt, sorted) and paths that failed."""
    files: list[str] = []
    missing: list[FileResult] = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, names in os.walk(p):
                dirs.sort()
                found += [os.path.join(root, n) for n in names if n.lower().endswith(".txt")]
            files += sorted(found)
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(FileResult(p, "failed", reason="no such file or folder"))
    return list(dict.fromkeys(files)), missing


def import_one(lib: Library, path: str, paper: str | None = None, date: str | None = None,
               section: str | None = None) -> FileResult:
    try:
        decoded = read_page_file(path)
    except InputError as exc:
        return FileResult(path, "failed", reason=str(exc))
    except OSError as exc:
        return FileResult(path, "failed", reason=exc.strerror or str(exc))
    existing = lib.page_for_sha256(decoded.sha256)
    if existing:
        return FileResult(path, "duplicate", page_id=existing)
    page = segment_text(decoded.text, file=os.path.basename(path), encoding=decoded.encoding,
                        sha256=decoded.sha256, newline=decoded.newline)
    meta = guess_meta(page, path)
    meta.paper = paper or meta.paper
    meta.date = date or meta.date
    meta.section = section or meta.section
    page.meta = meta
    lib.save_page(page, message="import")
    return FileResult(path, "imported", page_id=page.id, articles=len(page.articles),
                      date=meta.date, section=meta.section, number=meta.number)


def import_paths(lib: Library, paths: Iterable[str], *, paper: str | None = None,
                 date: str | None = None, section: str | None = None,
                 progress: Callable[[int, int, FileResult], None] | None = None,
                 ) -> list[FileResult]:
    """Import every page file under `paths`. `progress(done, total, result)` after each."""
    if date:
        date = normalise_date(date)
    files, results = find_page_files(paths)
    total = len(files) + len(results)
    for i, r in enumerate(results, 1):
        if progress:
            progress(i, total, r)
    for path in files:
        try:
            r = import_one(lib, path, paper, date, section)
        except LibraryError as exc:
            if exc.code in ("corrupt", "newer"):
                raise  # the library itself is unusable: stop rather than fail every file
            r = FileResult(path, "failed", reason=str(exc))
        except Exception as exc:  # one bad file never stops the batch
            r = FileResult(path, "failed", reason=f"{type(exc).__name__}: {exc}")
        results.append(r)
        if progress:
            progress(len(results), total, r)
    return results


def summary(results: list[FileResult]) -> dict[str, int]:
    out = {"imported": 0, "duplicate": 0, "failed": 0}
    for r in results:
        out[r.status] += 1
    return out
