"""Libraries for the archive tests: generated pages imported once per session, copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

UNIQUE_WORD = "白海豚"
UNIQUE_PAGE = """广东纪事 9

2021年3月8日 星期一

生态环境

白海豚回到伶仃洋

本报讯（全媒体记者林晓 通讯员

陈安）珠江口中华白海豚保护区今年

观测到的白海豚数量比去年多了两成。

保护区的工作人员说，渔民们也加入

了巡护队伍，海上垃圾少了许多。

这片海域的水质连续三年保持优良。
"""


def open_library():
    """The test's library (PAGEDESK_LIBRARY), opened for checking what the window did."""
    from editor.storage.library import Library

    return Library.open(os.environ["PAGEDESK_LIBRARY"])


def write_pages(folder: Path, n_pages: int = 6, articles_per_page: int = 10) -> Path:
    """Generated pages (benchmarks/gen_data.py) plus one page with a word found nowhere else."""
    from benchmarks.gen_data import generate_pages

    folder.mkdir(parents=True, exist_ok=True)
    generate_pages(n_pages, articles_per_page, cache=folder / "gen")
    (folder / "gen" / "unique.txt").write_text(UNIQUE_PAGE, encoding="utf-8")
    return folder / "gen"


@pytest.fixture(scope="session")
def archive_template(tmp_path_factory) -> Path:
    """A library of generated pages, a few articles tagged 工会 and 培训 (their pages edited)."""
    from editor.storage import batch
    from editor.storage.library import Library

    root = tmp_path_factory.mktemp("archive")
    folder = write_pages(root / "pages")
    path = root / "template.sqlite"
    with Library.open(str(path)) as lib:
        results = batch.import_paths(lib, [str(folder)], workers=1)
        assert all(r.status == "imported" for r in results)
        ids = [r["id"] for r in lib.list_articles()]
        lib.set_tags(ids[:7], add=["工会"])
        lib.set_tags(ids[5:9], add=["培训"])
        lib.backup(str(root / "copy.sqlite"))
    return root / "copy.sqlite"


@pytest.fixture
def library_copy(archive_template) -> Path:
    """This test's own copy of the template library, at PAGEDESK_LIBRARY."""
    dest = Path(os.environ["PAGEDESK_LIBRARY"])
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(archive_template, dest)
    return dest


def wait_tags(qtbot, window) -> None:
    """Wait until the window's tag changes (made in a worker, one after another) are done."""
    qtbot.waitUntil(lambda: window.archive.tag_busy == 0, timeout=10000)
