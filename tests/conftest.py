"""Test-wide set-up: Qt offscreen before any QApplication, settings and library in temp folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A broken lossless invariant raises wherever the product checks it (after segmentation,
# after every correction, before saving) instead of being repaired and reported.
os.environ["PAGEDESK_STRICT"] = "1"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_TXT = DATA / "guangdong-jishi-p13.txt"
SAMPLE_GOLD = DATA / "guangdong-jishi-p13.gold.json"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the library, settings and caches at a temp folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PAGEDESK_HOME", str(home))
    monkeypatch.setenv("PAGEDESK_LIBRARY", str(home / "library.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    yield home


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_TXT.read_text(encoding="utf-8")


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_TXT
