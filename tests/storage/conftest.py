"""Fixtures for the library tests: a fresh library file and the perfectly segmented sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.pagejson import page_from_dict
from editor.storage.library import Library

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE_TXT = DATA / "guangdong-jishi-p13.txt"
SAMPLE_GOLD = DATA / "guangdong-jishi-p13.gold.json"


def gold_page():
    """The sample page built from its hand-checked gold (independent of the segmenter)."""
    raw = SAMPLE_TXT.read_text(encoding="utf-8")
    page = page_from_dict(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")), raw)
    page.source.file = SAMPLE_TXT.name
    return page


@pytest.fixture
def lib(tmp_path):
    with Library.open(str(tmp_path / "lib.sqlite")) as library:
        yield library


@pytest.fixture
def sample_page():
    return gold_page()


def drop_articles(page, *indexes: int):
    """Remove articles from a page the way the window does: their lines become unassigned
    (a page whose lines have no owner is refused by save_page). Returns the removed ones."""
    from editor.core.model import Block

    gone = [page.articles[i] for i in sorted(indexes)]
    for a in gone:
        page.articles.remove(a)
        page.unassigned.append(Block("unassigned", a.lines, a.headline or ""))
    return gone
