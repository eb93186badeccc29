"""Fixtures for the export tests: the hand-checked sample page and a page of hostile text.

The sample is built from the gold JSON over the raw text, not by the
segmenter, so golden files do not move when the importer improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.model import Article, Block, Page, PageMeta, Person, Source
from editor.core.pagejson import page_from_dict

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE_TXT = DATA / "guangdong-jishi-p13.txt"
SAMPLE_GOLD = DATA / "guangdong-jishi-p13.gold.json"
GOLDEN = Path(__file__).resolve().parent / "golden"

HOSTILE = '<script>alert("x")</script> & "引号" \'单\' </p><h1>'


def load_sample() -> Page:
    raw = SAMPLE_TXT.read_text(encoding="utf-8")
    return page_from_dict(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")), raw)


@pytest.fixture
def sample_page() -> Page:
    return load_sample()


@pytest.fixture
def make_hostile():
    """A factory for pages of hostile text (date and page number vary per call)."""
    return hostile_page


def hostile_page(date: str | None = "2024-02-29", number: str = "3") -> Page:
    """A page whose every field carries markup, ampersands, quotes and a control character."""
    blocks = [
        Block("kicker", [], "引题" + HOSTILE),
        Block("headline", [], "标题" + HOSTILE),
        Block("subheadline", [], "副题 & <b>"),
        Block("paragraph", [], "第一段 <img src=x onerror=alert(1)> A&B \x07铃"),
        Block("subhead", [], "小标题 <i>"),
        Block("paragraph", [], "第二段", edited="改过的第二段 &amp; <em>"),
        Block("caption", [], "图片说明 <svg>", credit="摄影 & <u>"),
        Block("source", [], "来源 <a href='x'>"),
        Block("note", [], "（作者为 <script>）"),
    ]
    article = Article(
        blocks=blocks,
        byline="记者 张<三>",
        dateline="本报讯&",
        people=[Person("张<三>", "reporter"), Person("李&四", "photographer")],
        tags=["<tag>", "A&B"],
    )
    return Page(raw="", source=Source(file="hostile.txt"),
                meta=PageMeta(paper="<报>", date=date, section="要闻&", number=number),
                articles=[article])
