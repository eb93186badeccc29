"""What an export holds and the printed forms every writer shares (selection.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from editor.core.model import Article, Block, Page, PageMeta, Person, Source
from editor.export.selection import (
    Counter,
    ExportError,
    all_tags,
    byline_line,
    chinese_date,
    clean,
    collect,
    document_date,
    document_title,
    flow,
    page_banner,
    page_number_label,
    paper_label,
    parse_date,
    people_names,
    slug,
)


def _article(headline: str | None = None, body: str = "正文。") -> Article:
    blocks = [Block("headline", [], headline)] if headline else []
    return Article(blocks=blocks + [Block("paragraph", [], body)])


def _page(*articles: Article, **meta) -> Page:
    return Page(raw="", meta=PageMeta(**meta), articles=list(articles))


def test_collect_groups_consecutive_articles_of_a_page_and_drops_repeats():
    a, b, c = _article("甲"), _article("乙"), _article("丙")
    p, q = _page(a, b), _page(c)
    sections = collect([(p, a), (p, b), (q, c), (p, a), (p, b), (q, c)])
    assert [(s.page, [x.headline for x in s.articles], s.whole_page) for s in sections] == [
        (p, ["甲", "乙"], False), (q, ["丙"], False)]
    whole = collect([p, (p, a)])
    assert [(s.page, len(s.articles), s.whole_page) for s in whole] == [(p, 2, True)]
    again = collect([(p, a), p])  # the page after one of its articles: the rest of it
    assert [([x.headline for x in s.articles], s.whole_page) for s in again] == [
        (["甲"], False), (["乙"], True)]
    assert [s.whole_page for s in collect([_page()])] == [True]  # an empty page: its banner
    with pytest.raises(ExportError, match="cannot export int"):
        collect([p, 3])
    with pytest.raises(ExportError, match="cannot export tuple"):
        collect([(a, p)])


def test_counter_reports_zero_then_each_step():
    calls = []
    counter = Counter(3, lambda done, total: calls.append((done, total)))
    counter.step()
    counter.step()
    assert calls == [(0, 3), (1, 3), (2, 3)] and counter.done == 2
    quiet = Counter(2, None)
    quiet.step()
    assert quiet.done == 1


def test_byline_line_and_flow():
    a = _article("题")
    a.dateline, a.byline = " 本报讯 ", " 记者 张三 "
    assert byline_line(a) == "本报讯（记者 张三）"
    a.byline = "  "
    assert byline_line(a) == "本报讯"
    a.dateline, a.byline = None, "记者 张三"
    assert byline_line(a) == "记者 张三"
    a.byline = None
    assert byline_line(a) is None
    a.blocks += [Block("subhead", [], "小标题"), Block("caption", [], "说明"),
                 Block("credit", [], "摄"), Block("paragraph", [], "  "),
                 Block("source", [], "来源"), Block("note", [], "注")]
    assert [b.display_text for b in flow(a)] == ["正文。", "小标题", "说明", "摄"]


def test_dates_numbers_and_papers_as_printed():
    assert parse_date(" 2025-04-11T08:00 ") == date(2025, 4, 11)
    assert parse_date("2025-02-30") is None and parse_date("") is None and parse_date(None) is None
    assert chinese_date("2025-04-01") == "2025年4月1日"
    assert chinese_date("2025年春") == "2025年春" and chinese_date("") is None
    assert chinese_date(None) is None
    assert page_number_label("13") == "第13版" and page_number_label("A3") == "A3"
    assert page_number_label("") is None and page_number_label(None) is None
    assert paper_label("工人日报") == "《工人日报》"
    assert paper_label("《工人日报》") == "《工人日报》"
    assert paper_label("") is None and paper_label(None) is None


def test_page_banner_joins_what_is_known_else_names_the_file():
    page = _page(paper="工人日报", date="2025-04-11", section="要闻", number="2")
    assert page_banner(page) == "《工人日报》　2025年4月11日　要闻　第2版"
    assert page_banner(_page(section="要闻")) == "要闻"
    assert page_banner(Page(raw="", source=Source(file="p13.txt"))) == "p13.txt"
    assert page_banner(Page(raw="")) == "未命名版面"


def test_people_and_tags_in_first_appearance_order():
    a, b = _article("甲"), _article("乙")
    a.people = [Person("张三", "reporter"), Person("", "author"), Person("李四", "reporter")]
    b.people = [Person("李四", "photographer"), Person("王五", "author")]
    a.tags, b.tags = ["劳模", "工会"], ["工会", "培训"]
    assert people_names([a, b]) == ["张三", "李四", "王五"]
    assert all_tags([a, b]) == ["劳模", "工会", "培训"]


def test_document_title_and_date():
    long_body = "没有标题的一篇文章的正文，很长很长很长很长很长很长。"
    a, b = _article("第一篇"), _article(None, long_body)
    p = _page(a, b, section="要闻", number="1", date="2025-04-11")
    q = _page(date="2024-12-31")
    assert document_title(collect([p])) == "2025年4月11日　要闻　第1版"
    assert document_title(collect([(p, a)])) == "第一篇"
    assert document_title(collect([(p, b), (p, a)])) == (
        "没有标题的一篇文章的正文，很长很长很长很长很长很…" + " 等2篇")
    assert document_title(collect([p, q])) == "第一篇 等2篇"
    assert document_title(collect([q, _page()])) == "PageDesk"
    assert document_title(collect([(p, Article())])) == "无标题"
    assert document_date(collect([p, q])) == datetime(2024, 12, 31, tzinfo=UTC)
    undated = document_date(collect([_page(a)]))
    assert undated.tzinfo == UTC and undated.microsecond == 0
    assert abs((datetime.now(UTC) - undated).total_seconds()) < 3600


def test_slug_keeps_file_names_ascii_and_short():
    assert slug("2025-04-11-p13") == "2025-04-11-p13"
    assert slug("第 5 版/../x") == "5-..-x"
    assert slug("..hidden.") == "hidden"
    assert slug("a" * 70) == "a" * 60
    assert slug("要闻") == "x" and slug("", "none") == "none" and slug(None) == "x"
    assert slug("A_b.C-d") == "A_b.C-d" and slug("Xinhua X") == "Xinhua-X"


def test_clean_drops_only_what_xml_forbids():
    assert clean("a\x00b\x01\x08c\x0b\x0c\x0e\x1fd\ufffe\uffffe") == "abcde"
    assert clean("tab\there\nline\rend\x7f") == "tab\there\nline\rend\x7f"
    assert clean(None) == "" and clean("") == ""
