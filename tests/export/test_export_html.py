"""The HTML export parses as HTML5 with the expected structure and escapes every text."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import html5lib
import pytest

from editor.core.model import Page, PageMeta
from editor.export import ExportError, export_articles
from editor.export.html import render_html, stylesheet, write_html
from editor.export.selection import collect
from tests.export.conftest import load_sample

ROOT = Path(__file__).resolve().parents[2]

# The headline of conftest.hostile_page, as the reader must see it.
HOSTILE_HEADLINE = '标题<script>alert("x")</script> & "引号" \'单\' </p><h1>'


def parse(text: str):
    # strict: any parse error (stray tag, bad nesting, bad entity) fails the test
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def text_of(el) -> str:
    return "".join(el.itertext())


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def test_html_page_is_self_contained_zh_cn_utf8(tmp_path, sample_page):
    """One file, lang=zh-CN, UTF-8, inline CSS with a print style, nothing loaded from elsewhere."""
    path = tmp_path / "page.html"
    export_articles([sample_page], "html", path)
    raw = path.read_bytes()
    doc = parse(raw.decode("utf-8"))
    assert doc.get("lang") == "zh-CN"
    assert doc.find("head/meta[@charset]").get("charset").lower() == "utf-8"
    style = doc.find("head/style")
    assert style is not None and "@media print" in style.text
    assert not doc.findall(".//link") and not doc.findall(".//script")
    assert not [e for e in doc.iter() if e.get("src")]
    assert doc.find("head/title").text == "广东纪事　第13版"


def test_html_page_structure(sample_page):
    """Page banner h1, one <article> per article with header (kicker, h2, byline), p, h3, figure."""
    doc = parse(render_html(collect([sample_page])))
    assert [text_of(h) for h in doc.findall(".//main/section/header/h1")] == ["广东纪事　第13版"]
    articles = doc.findall(".//main/section/article")
    assert len(articles) == len(sample_page.articles)
    for el, article in zip(articles, sample_page.articles, strict=True):
        header = el.find("header")
        kids = [(c.tag, next(iter(_classes(c)), "")) for c in header]
        expected = ([("p", "kicker")] if article.kicker else []) + [("h2", "headline")]
        expected += [("p", "byline")] if (article.byline or article.dateline) else []
        assert kids == expected, article.headline
        assert text_of(header.find("h2")) == article.headline
        paras = [text_of(p) for p in el.findall("p")]
        assert paras == [b.display_text for b in article.body if b.role == "paragraph"]
    first = articles[0]
    assert [text_of(h) for h in first.findall("h3")] == ["为灯饰业发展鼓与呼", "搭建常态化沟通平台"]
    caption = first.find("figure/figcaption")
    assert text_of(caption.find("span[@class='credit']")) == "单位供图"
    assert "马驰（右）与工程师在研究开发护眼照明产品。" in text_of(caption)
    last = articles[-1]
    assert text_of(last.find("footer/p[@class='source']")) == "来源：珠工宣"
    yangjiang = articles[1]
    byline = text_of(yangjiang.find("header/p[@class='byline']"))
    assert byline == "本报讯（全媒体记者黄细英 通讯员林良勇）"


def test_html_single_article_uses_h1(sample_page):
    """Exported alone, an article's headline is the document's h1 and its subheads h2."""
    doc = parse(render_html(collect([(sample_page, sample_page.articles[0])])))
    assert [text_of(h) for h in doc.findall(".//h1")] == ["中国灯饰照明之都的追光者"]
    assert len(doc.findall(".//article/h2")) == 2
    assert doc.find("head/title").text == "中国灯饰照明之都的追光者"
    assert doc.find("head/meta[@name='author']").get("content") == "誉建业、房芳"


def test_html_hostile_text_renders_as_text(make_hostile):
    """<script>, &, quotes and tags in any field come out as the same text, never as markup."""
    page = make_hostile()
    html = render_html(collect([page]))
    assert "<script>" not in html and "<img" not in html and "<svg>" not in html
    doc = parse(html)
    assert not doc.findall(".//script") and not doc.findall(".//img")
    assert not doc.findall(".//svg") and not doc.findall(".//em")
    article = doc.find(".//article")
    assert text_of(article.find("header/h2")) == HOSTILE_HEADLINE
    assert text_of(article.find("header/p[@class='byline']")) == "本报讯&（记者 张<三>）"
    assert [text_of(p) for p in article.findall("p")] == [
        "第一段 <img src=x onerror=alert(1)> A&B 铃",
        "改过的第二段 &amp; <em>",
    ]
    assert text_of(article.find("figure/figcaption/span[@class='credit']")) == "摄影 & <u>"
    assert [text_of(t) for t in article.findall(".//span[@class='tag']")] == ["<tag>", "A&B"]
    assert doc.find("head/meta[@name='author']").get("content") == "张<三>、李&四"
    assert doc.find("head/title").text == "《<报>》　2024年2月29日　要闻&　第3版"


@pytest.mark.parametrize("one_per_page", [False, True])
def test_html_one_per_page_marks_body_for_print(sample_page, one_per_page):
    """The print style breaks pages between articles only when asked to."""
    doc = parse(render_html(collect([sample_page]), one_per_page=one_per_page))
    assert ("one-per-page" in _classes(doc.find("body"))) is one_per_page


def test_html_progress_counts_articles(sample_page):
    """The progress callback sees every article once, ending at (total, total)."""
    calls = []
    render_html(collect([sample_page]), progress=lambda d, t: calls.append((d, t)))
    n = len(sample_page.articles)
    assert calls == [(i, n) for i in range(n + 1)]


GOLDEN_HTML = Path(__file__).resolve().parent / "golden" / "sample-page.html"


def test_html_of_the_sample_page_matches_its_golden_file(sample_page):
    """The whole document, byte for byte (the stylesheet stands in as one line): markup,
    escaping, whitespace control. Regenerate as the golden README says."""
    html = render_html(collect([sample_page]), title="广东纪事 第13版 <测试>")
    assert stylesheet() in html
    html = html.replace(stylesheet(), "/* resources/css/pagedesk.css */")
    if os.environ.get("PAGEDESK_REGEN_GOLDEN"):
        GOLDEN_HTML.write_text(html, encoding="utf-8", newline="\n")
        pytest.skip("golden file regenerated; review `git diff tests/export/golden`")
    assert html == GOLDEN_HTML.read_text(encoding="utf-8")


def test_html_body_class_and_banners_by_default(sample_page, make_hostile):
    """Without options: no print-break class; a banner above each page once the export
    holds more than one page's articles."""
    one = parse(render_html(collect([(sample_page, sample_page.articles[0])])))
    assert one.find("body").get("class") == "" and not one.findall(".//header[@class='banner']")
    hostile = make_hostile()
    two = parse(render_html(collect([(sample_page, sample_page.articles[0]),
                                     (hostile, hostile.articles[0])])))
    assert [text_of(h) for h in two.findall(".//header[@class='banner']/h1")] == [
        "广东纪事　第13版", "《<报>》　2024年2月29日　要闻&　第3版"]
    assert [text_of(h) for h in two.findall(".//article/header/h2")] == [
        sample_page.articles[0].headline, HOSTILE_HEADLINE]


def test_html_of_nothing_is_refused_but_an_empty_page_has_its_banner(sample_page):
    with pytest.raises(ExportError, match="^nothing to export$"):
        render_html([])
    empty = Page(raw="", meta=PageMeta(section="要闻", number="1"))
    doc = parse(render_html(collect([empty])))
    assert [text_of(h) for h in doc.findall(".//h1")] == ["要闻　第1版"]
    assert not doc.findall(".//article")


def test_html_file_takes_title_layout_and_progress(tmp_path, sample_page):
    calls = []
    path = tmp_path / "x.html"
    assert export_articles([sample_page], "html", path, title="我的选集", one_per_page=True,
                           progress=lambda d, t: calls.append((d, t))) == [str(path)]
    doc = parse(path.read_text(encoding="utf-8"))
    assert doc.find("head/title").text == "我的选集"
    assert doc.find("body").get("class") == "one-per-page"
    assert calls == [(i, 5) for i in range(6)]


def test_missing_stylesheet_and_unwritable_file_are_export_errors(tmp_path, monkeypatch,
                                                                  sample_page):
    from editor.export import html

    with pytest.raises(ExportError, match=r"^cannot write .*x\.html: No such file or directory$"):
        export_articles([sample_page], "html", tmp_path / "missing" / "x.html")
    monkeypatch.setattr(html, "CSS_FILE", tmp_path / "none.css")
    with pytest.raises(ExportError, match=r"^export stylesheet missing: .*none\.css \(No such"):
        stylesheet()


def test_exports_are_utf8_whatever_the_locale(tmp_path):
    """A machine whose locale is not UTF-8 (C/ASCII here; cp936 on a Chinese Windows)
    still reads the stylesheet and writes UTF-8 files."""
    code = textwrap.dedent("""
        import sys
        from tests.export.conftest import hostile_page, load_sample
        from editor.export import export_articles
        out = sys.argv[1]
        export_articles([load_sample()], "html", out + "/p.html")
        export_articles([load_sample(), hostile_page()], "site", out + "/site")
        export_articles([load_sample()], "txt", out + "/p.txt")
    """)
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    for name in ("p.html", "site/index.html", "site/style.css", "p.txt"):
        text = (tmp_path / name).read_bytes().decode("utf-8")
        assert "\r" not in text
    here = tmp_path / "here"  # the same exports from this process, for comparison
    here.mkdir()
    export_articles([load_sample()], "html", here / "p.html")
    export_articles([load_sample()], "txt", here / "p.txt")
    for name in ("p.html", "p.txt"):
        assert (tmp_path / name).read_bytes() == (here / name).read_bytes()
    assert "培训新业态职工应急技能" in (tmp_path / "p.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "style.css").read_text(encoding="utf-8") == stylesheet()


def test_write_html_defaults_to_no_print_breaks(tmp_path, sample_page):
    write_html(collect([sample_page]), tmp_path / "d.html")
    doc = parse((tmp_path / "d.html").read_text(encoding="utf-8"))
    assert doc.find("body").get("class") == "" and doc.find("head/title").text == "广东纪事　第13版"


def test_each_page_of_an_html_export_starts_a_printed_page():
    """Several pages in one HTML file ran together when printed: the stylesheet starts each
    page's section on a new printed page and sets it off on screen."""
    from editor.export.html import CSS_FILE

    css = CSS_FILE.read_text(encoding="utf-8")
    media_print = css[css.index("@media print"):]
    assert ".page + .page { break-before: page; }" in media_print.replace(
        "  /* each newspaper page starts a printed page */", "")
    assert ".one-per-page .page + .page" not in css
