"""Guessing page date, section and number from text, furniture and file names."""

from __future__ import annotations

from editor.core.metadata import date_from_filename, date_from_text, guess_meta
from editor.core.model import Block, Page, PageMeta


def test_dates_from_text():
    assert date_from_text("工人日报\n2018 年 1 月 5 日 星期五\n要闻") == "2018-01-05"
    assert date_from_text("第一行\n2025年4月14日\n") == "2025-04-14"
    assert date_from_text("正文提到4月9日的活动。") is None
    assert date_from_text("2025年2月30日 星期一") is None  # not a real day
    body = "\n".join(["正文"] * 30 + ["回顾2001年3月3日的往事。"])
    assert date_from_text(body) is None  # a year-dated story far down is not the page date
    weekday = "\n".join(["正文"] * 30 + ["2019年12月31日 星期二"])
    assert date_from_text(weekday) == "2019-12-31"


def test_dates_from_file_names():
    assert date_from_filename("/x/2025-04-14-p13.txt") == "2025-04-14"
    assert date_from_filename("grb_20180105_06.txt") == "2018-01-05"
    assert date_from_filename("2025_4_3 第5版.txt") == "2025-04-03"
    assert date_from_filename("2025年4月14日.txt") == "2025-04-14"
    assert date_from_filename("page13.txt") is None
    assert date_from_filename("20251399.txt") is None


def test_guess_meta_prefers_segmenter_then_furniture_then_raw(sample_text):
    page = Page(raw=sample_text)
    meta = guess_meta(page, "2025-04-14.txt")
    assert (meta.section, meta.number, meta.date) == ("广东纪事", "13", "2025-04-14")
    page.meta = PageMeta(paper="工人日报", section="要闻", number="1", date="2024-01-01")
    assert guess_meta(page, "2025-04-14.txt") == page.meta
    raw = "13 体育新闻\n正文一行\n"
    page = Page(raw=raw, furniture=[Block("page_header", [1], "第5版：文化")])
    meta = guess_meta(page, None)
    assert (meta.section, meta.number) == ("文化", "5")
    assert guess_meta(Page(raw=raw)).section == "体育新闻"
    assert page.meta == PageMeta()  # pure: the page is not changed
