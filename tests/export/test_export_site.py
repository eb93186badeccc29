"""The static site export: an index by date then page, one page per article, links that resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from editor.export import export_articles


def parse_file(path: Path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_text(encoding="utf-8"))


def local_links(doc) -> list[str]:
    out = []
    for el in doc.iter():
        for attr in ("href", "src"):
            if el.get(attr):
                out.append(el.get(attr))
    return out


def test_site_links_all_resolve_to_files(tmp_path, sample_page, make_hostile):
    """Every href/src on every page is relative and names an existing file in the site folder."""
    site = tmp_path / "site"
    files = export_articles([sample_page, make_hostile()], "site", site)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == len(sample_page.articles) + 1 + 1  # articles + hostile + index
    assert {Path(f) for f in files} == set(pages) | {site / "style.css"}
    checked = 0
    for page in pages:
        for link in local_links(parse_file(page)):
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), link
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.name}: {link}"
            assert site.resolve() in target.parents
            checked += 1
    # index → each article; each article → index, style, and its neighbours
    assert checked >= 2 * len(pages)


def test_site_index_groups_by_date_then_page(tmp_path, sample_page, make_hostile):
    """Dates newest first (undated last), pages in page-number order, articles in page order."""
    sample_page.meta.date = "2025-04-11"
    older_p12 = make_hostile(date="2024-02-29", number="12")
    older_p2 = make_hostile(date="2024-02-29", number="2")
    undated = make_hostile(date=None, number="1")
    site = tmp_path / "site"
    export_articles([older_p12, undated, sample_page, older_p2], "site", site)
    index = parse_file(site / "index.html")
    days = index.findall(".//section[@class='day']")
    assert ["".join(d.find("h2").itertext()) for d in days] == [
        "2025年4月11日", "2024年2月29日", "日期不详"]
    pages_of_feb = ["".join(h.itertext()) for h in days[1].findall(".//h3")]
    assert pages_of_feb == ["《<报>》　要闻&　第2版", "《<报>》　要闻&　第12版"]
    links = days[0].findall(".//li/a")
    assert ["".join(a.find("span[@class='headline']").itertext()) for a in links] == [
        a.headline for a in sample_page.articles]


def test_site_article_page_links_back_and_to_neighbours(tmp_path, sample_page):
    """An article page shows the article and links to the index and to the previous/next article."""
    site = tmp_path / "site"
    export_articles([sample_page], "site", site)
    index = parse_file(site / "index.html")
    hrefs = [a.get("href") for a in index.findall(".//li/a")]
    second = parse_file(site / hrefs[1])
    assert "".join(second.find(".//article/header/h1").itertext()) == "培训新业态职工应急技能"
    nav = {a.get("rel") or "index": a.get("href") for a in second.findall(".//nav/a")}
    assert nav == {"index": "../index.html", "prev": "../" + hrefs[0], "next": "../" + hrefs[2]}
    assert second.find("head/link[@rel='stylesheet']").get("href") == "../style.css"


def _dated(date, number, *headlines, paper=None, section="要闻", file=None):
    from editor.core.model import Article, Block, Page, PageMeta, Source

    page = Page(raw="", source=Source(file=file),
                meta=PageMeta(paper=paper, date=date, section=section, number=number))
    page.articles = [Article(blocks=[Block("headline", [], h), Block("paragraph", [], "正文。")])
                     for h in headlines]
    return page


def _index(site: Path):
    return parse_file(site / "index.html")


def _text(el) -> str:
    return "".join(el.itertext())


def test_site_file_names_say_date_page_and_position(tmp_path):
    """ASCII names: date (or 'undated'), page number (or 'x'), position from 01, article id."""
    from editor.export.selection import slug

    a = _dated("2025-04-11", "3", "甲", "乙")
    b = _dated(None, None, "丙")
    site = tmp_path / "site"
    export_articles([a, b], "site", site)
    hrefs = [x.get("href") for x in _index(site).findall(".//li/a")]
    ids = [slug(x.id) for x in a.articles + b.articles]
    assert hrefs == [f"articles/2025-04-11-p3-01-{ids[0]}.html",
                     f"articles/2025-04-11-p3-02-{ids[1]}.html",
                     f"articles/undated-px-01-{ids[2]}.html"]


def test_site_pages_of_one_day_sort_by_number_then_paper_and_section(tmp_path):
    pages = [_dated("2025-04-11", n, f"第{n}版", paper=p, section=s) for n, p, s in (
        ("A3", None, None), (None, None, None), ("100", None, None), ("2", "B报", None),
        ("2", None, None), ("2", "A报", "A叠"), ("2", "A报", None))]
    site = tmp_path / "site"
    export_articles(pages, "site", site)
    labels = [_text(h) for h in _index(site).findall(".//section[@class='index-page']/h3")]
    # a page without a number after the numbered ones, labelled by its banner (its date)
    assert labels == ["第2版", "《A报》　第2版", "《A报》　A叠　第2版", "《B报》　第2版",
                      "第100版", "2025年4月11日", "A3"]


def test_site_keeps_every_article_of_a_page_given_in_pieces(tmp_path):
    """Articles of one page given apart (another page between) are listed together, and an
    index with no undated page has no 'undated' group."""
    p, q = _dated("2025-04-11", "1", "甲", "乙"), _dated("2025-04-10", "1", "丙")
    site = tmp_path / "site"
    export_articles([(p, p.articles[0]), q, (p, p.articles[1])], "site", site)
    days = _index(site).findall(".//section[@class='day']")
    assert [_text(d.find("h2")) for d in days] == ["2025年4月11日", "2025年4月10日"]
    assert [[_text(s) for s in d.findall(".//span[@class='headline']")] for d in days] == [
        ["甲", "乙"], ["丙"]]


def test_site_names_two_same_named_articles_apart(tmp_path):
    """The same article on two copies of a page would get one name: the second gets an x."""
    import copy

    p = _dated("2025-04-11", "1", "甲")
    twin = copy.deepcopy(p)
    twin.id = "twin"
    site = tmp_path / "site"
    files = export_articles([p, twin], "site", site)
    hrefs = [x.get("href") for x in _index(site).findall(".//li/a")]
    assert len(set(hrefs)) == 2 and hrefs[1] == hrefs[0][:-len(".html")] + "x.html"
    assert len(files) == 2 + 2 and all((site / h).is_file() for h in hrefs)


def test_site_article_pages_have_banner_title_neighbours_and_linked_css(tmp_path):
    from editor.core.model import Article, Block

    p = _dated("2025-04-11", "2", "甲", "乙", "丙", paper="工人日报")
    p.articles.append(Article(blocks=[Block("paragraph", [], "没有标题的一篇。")]))
    p.articles.append(Article())
    site = tmp_path / "site"
    export_articles([p], "site", site, title="我的存档")
    hrefs = [x.get("href") for x in _index(site).findall(".//li/a")]
    docs = [parse_file(site / h) for h in hrefs]
    assert [d.find("head/title").text for d in docs] == ["甲", "乙", "丙", "没有标题的一篇。",
                                                         "我的存档"]
    for i, d in enumerate(docs):
        nav = {a.get("rel") or "index": a.get("href") for a in d.findall(".//nav/a")}
        expected = {"index": "../index.html"}
        expected |= {"prev": "../" + hrefs[i - 1]} if i > 0 else {}
        expected |= {"next": "../" + hrefs[i + 1]} if i + 1 < len(hrefs) else {}
        assert nav == expected
        where = "《工人日报》　2025年4月11日　要闻　第2版"
        assert _text(d.find(".//nav/span[@class='where']")) == where
        assert not d.findall("head/style") and d.find("body").get("class") == ""
    index = _index(site)
    assert index.find("head/title").text == "我的存档"
    assert index.find("head/link[@rel='stylesheet']").get("href") == "style.css"
    assert not index.findall("head/style")
    assert _text(index.find(".//p[@class='count']")) == "共 5 篇"


def test_site_progress_rewrite_and_errors(tmp_path, sample_page):
    from editor.export import ExportError

    calls = []
    site = tmp_path / "site"
    export_articles([sample_page], "site", site, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, 5) for i in range(6)]
    export_articles([sample_page], "site", site)  # into the same folder again
    assert len(list((site / "articles").iterdir())) == 5
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match=r"file is a file, not a folder for the site$"):
        export_articles([sample_page], "site", blocker)
    from editor.core.model import Page
    with pytest.raises(ExportError, match="^nothing to export$"):
        export_articles([Page(raw="")], "site", tmp_path / "empty")


def test_site_index_tells_undated_pages_apart(tmp_path):
    """Undated pages of many days meet under one heading, where two 第1版 of one paper read
    the same: each says its file's name, and labels still shared get a number of their own
    (on a dated day too)."""
    pages = [_dated(None, "1", "甲", paper="晨报", file="/scans/1998-a/p1.txt"),
             _dated(None, "1", "乙", paper="晨报", file="/scans/1998-b/p1-b.txt"),
             _dated(None, "2", "丙", paper="晨报"), _dated(None, "2", "丁", paper="晨报"),
             _dated("2025-04-11", "3", "戊"), _dated("2025-04-11", "3", "己")]
    site = tmp_path / "site"
    export_articles(pages, "site", site)
    days = _index(site).findall(".//section[@class='day']")
    labels = [[_text(h) for h in d.findall(".//section[@class='index-page']/h3")] for d in days]
    assert labels == [["要闻　第3版（之1）", "要闻　第3版（之2）"],
                      ["《晨报》　要闻　第1版（p1.txt）", "《晨报》　要闻　第1版（p1-b.txt）",
                       "《晨报》　要闻　第2版（之1）", "《晨报》　要闻　第2版（之2）"]]
