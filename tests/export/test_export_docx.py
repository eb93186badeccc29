"""The Word export reopens with python-docx with the promised styles, order, fonts, properties."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from editor.export import ExportError, collect, export_articles
from editor.export.docx import STYLES

W_EAST_ASIA = qn("w:eastAsia")


def _export(tmp_path, items, **kw):
    path = tmp_path / "out.docx"
    export_articles(items, "docx", path, **kw)
    return docx.Document(str(path)), path


def _body(doc):
    return [(p.style.name, p.text) for p in doc.paragraphs]


def test_docx_article_order_kicker_headline_byline_paragraphs(tmp_path, sample_page):
    """One article comes out as kicker, headline, byline line, then its paragraphs in order."""
    article = sample_page.articles[1]  # 阳江: kicker, headline, dateline and byline, 2 paragraphs
    doc, _ = _export(tmp_path, [(sample_page, article)])
    assert _body(doc) == [
        ("PageDesk Kicker", "阳江市总工会"),
        ("PageDesk Headline", "培训新业态职工应急技能"),
        ("PageDesk Byline", "本报讯（全媒体记者黄细英 通讯员林良勇）"),
        ("PageDesk Body", article.body[0].display_text),
        ("PageDesk Body", article.body[1].display_text),
    ]


def test_docx_page_has_banner_subheads_caption_and_source(tmp_path, sample_page):
    """A page: banner, every headline, subheads, caption with its credit, source at the end."""
    doc, _ = _export(tmp_path, [sample_page])
    body = _body(doc)
    assert body[0] == ("PageDesk Page Banner", "广东纪事　第13版")
    headlines = [t for s, t in body if s == "PageDesk Headline"]
    assert headlines == [a.headline for a in sample_page.articles]
    assert ("PageDesk Subhead", "为灯饰业发展鼓与呼") in body
    captions = [p for p in doc.paragraphs if p.style.name == "PageDesk Caption"]
    assert len(captions) == 1
    runs = [(r.style.name, r.text) for r in captions[0].runs]
    assert runs[0] == ("PageDesk Label", "图：")
    assert runs[1][1] == "马驰（右）与工程师在研究开发护眼照明产品。"
    assert runs[-1] == ("PageDesk Credit", "单位供图")
    assert body[-1] == ("PageDesk Source", "来源：珠工宣")
    # Articles after the first are set off by a separator rule, not by page breaks.
    assert sum(1 for s, _ in body if s == "PageDesk Separator") == len(sample_page.articles) - 1
    assert not any(p.paragraph_format.page_break_before for p in doc.paragraphs)


def test_docx_styles_are_real_named_styles_on_word_bases(tmp_path, sample_page):
    """Every PageDesk style exists, is based on its built-in style, and carries the look."""
    doc, _ = _export(tmp_path, [sample_page])
    for spec in STYLES.values():
        style = doc.styles[spec.name]
        assert style.base_style.name.lower() == spec.base.lower(), spec.name
    headline = doc.styles["PageDesk Headline"]
    assert headline.font.bold and headline.font.size.pt == 22
    assert doc.styles["PageDesk Kicker"].font.size.pt < headline.font.size.pt
    assert doc.styles["PageDesk Subhead"].font.bold
    assert doc.styles["PageDesk Caption"].font.italic is False  # Chinese type is upright
    assert doc.styles["PageDesk Caption"].font.size.pt < doc.styles["PageDesk Body"].font.size.pt
    # Two-character first-line indent, in Word's character units and in points.
    ind = doc.styles["PageDesk Body"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert doc.styles["PageDesk Body"].paragraph_format.first_line_indent.pt == 21
    # Paragraphs use their style, not direct formatting.
    body = next(p for p in doc.paragraphs if p.style.name == "PageDesk Body")
    assert body.paragraph_format.first_line_indent is None
    assert all(r.font.name is None and r.font.size is None for r in body.runs)


def test_docx_east_asian_fonts_and_language(tmp_path, sample_page):
    """Styles name SimSun/SimHei in w:eastAsia, no theme fonts remain, the language is zh-CN."""
    doc, path = _export(tmp_path, [sample_page])

    def rfonts(name):
        return doc.styles[name].element.rPr.find(qn("w:rFonts"))

    assert rfonts("PageDesk Body").get(W_EAST_ASIA) == "SimSun"
    assert rfonts("PageDesk Body").get(qn("w:ascii")) == "Times New Roman"
    assert rfonts("PageDesk Headline").get(W_EAST_ASIA) == "SimHei"
    assert rfonts("PageDesk Headline").get(qn("w:ascii")) == "Arial"
    for name in ("Heading 1", "Heading 2", "Title"):
        assert rfonts(name).get(qn("w:eastAsiaTheme")) is None, name
        assert rfonts(name).get(W_EAST_ASIA) == "SimHei", name
    with zipfile.ZipFile(path) as z:
        styles_xml = z.read("word/styles.xml").decode("utf-8")
        settings_xml = z.read("word/settings.xml").decode("utf-8")
    assert "eastAsiaTheme" not in styles_xml
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(W_EAST_ASIA) == "zh-CN"
    assert 'w:eastAsia="zh-CN"' in settings_xml


def test_docx_core_properties(tmp_path, sample_page):
    """Title, authors from the bylines, keywords from tags, subject and the page date are filled."""
    sample_page.meta.date = "2025-04-11"
    sample_page.articles[0].tags = ["劳模", "灯饰"]
    sample_page.articles[1].tags = ["灯饰", "应急救护"]
    doc, _ = _export(tmp_path, [sample_page])
    cp = doc.core_properties
    assert cp.title == "2025年4月11日　广东纪事　第13版"
    assert cp.author.split("; ")[:3] == ["誉建业", "房芳", "黄细英"]
    assert cp.author.count("誉建业") == 1
    assert cp.keywords == "劳模; 灯饰; 应急救护"
    assert cp.created.date().isoformat() == "2025-04-11"
    assert cp.language == "zh-CN"
    one, _ = _export(tmp_path, [(sample_page, sample_page.articles[1])])
    assert one.core_properties.title == "培训新业态职工应急技能"
    assert one.core_properties.author == "黄细英; 林良勇"


def test_docx_one_article_per_page(tmp_path, sample_page):
    """--one-per-page starts every article after the first on a new page, without separators."""
    doc, _ = _export(tmp_path, [(sample_page, a) for a in sample_page.articles], one_per_page=True)
    breaks = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    # Each article's first paragraph (its kicker, else its headline) breaks the page.
    expected = [a.kicker or a.headline for a in sample_page.articles[1:]]
    assert breaks == expected
    assert not any(p.style.name == "PageDesk Separator" for p in doc.paragraphs)


def test_docx_selection_from_two_pages_gets_two_banners(tmp_path, sample_page, make_hostile):
    """Articles from different pages are grouped under each page's banner, in the order given."""
    other = make_hostile()
    doc, _ = _export(tmp_path, [(sample_page, sample_page.articles[2]), other,
                                (sample_page, sample_page.articles[2])])
    banners = [p.text for p in doc.paragraphs if p.style.name == "PageDesk Page Banner"]
    assert banners == ["广东纪事　第13版", "《<报>》　2024年2月29日　要闻&　第3版"]
    headlines = [p.text for p in doc.paragraphs if p.style.name == "PageDesk Headline"]
    assert len(headlines) == 2  # the repeated article is written once
    # each newspaper page after the first starts a new page in Word (they ran together)
    breaks = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == [banners[1]]


def test_docx_keeps_hostile_text_as_text(tmp_path, make_hostile):
    """Markup and ampersands arrive as literal text; an XML-illegal control character is dropped."""
    page = make_hostile()
    doc, _ = _export(tmp_path, [page])
    texts = [p.text for p in doc.paragraphs]
    assert "标题<script>alert(\"x\")</script> & \"引号\" '单' </p><h1>" in texts
    assert "第一段 <img src=x onerror=alert(1)> A&B 铃" in texts
    assert "改过的第二段 &amp; <em>" in texts  # the edited text wins over the raw
    assert "本报讯&（记者 张<三>）" in texts


def test_docx_progress_and_empty_selection(tmp_path, sample_page):
    """progress(done, total) counts every article; an empty selection is an ExportError."""
    calls = []
    _export(tmp_path, [sample_page], progress=lambda d, t: calls.append((d, t)))
    n = len(sample_page.articles)
    assert calls == [(i, n) for i in range(n + 1)]
    with pytest.raises(ExportError):
        export_articles([], "docx", tmp_path / "x.docx")
    assert collect([]) == []


def test_docx_with_many_people_and_tags_keeps_properties_within_words_limit(tmp_path, sample_page):
    """Word's core properties hold 255 characters: a big selection still exports, trimmed."""
    from editor.core.model import Person

    for i, a in enumerate(sample_page.articles):
        a.people += [Person(f"作者{i}号{k:02d}", "author") for k in range(40)]
        a.tags += [f"标签{i}-{k:02d}" for k in range(40)]
    doc, _path = _export(tmp_path, [sample_page])
    cp = doc.core_properties
    assert 200 < len(cp.author) <= 255 and cp.author.endswith("…")
    assert 200 < len(cp.keywords) <= 255 and cp.keywords.endswith("…")
    assert cp.author.startswith(sample_page.articles[0].people[0].name)
