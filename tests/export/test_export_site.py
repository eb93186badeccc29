"""The static site export: an index by date then page, one page per article, links that resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib

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
