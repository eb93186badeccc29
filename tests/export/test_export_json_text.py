"""pagedesk.page/1 JSON export reads back to the same model; plain text has the promised shape."""

from __future__ import annotations

import json

import pytest

from editor.core.pagejson import page_from_dict
from editor.export import ExportError, export_articles, format_for_path
from editor.export.text import ARTICLE_SEPARATOR, article_text


def test_json_export_reads_back_equal_to_the_model(tmp_path, sample_page):
    """Writing a page and reading the file back gives an equal Page (ids, blocks, people, all)."""
    sample_page.articles[0].tags = ["劳模"]
    sample_page.articles[0].blocks[2].edited = "改过的段落"
    path = tmp_path / "p.json"
    assert export_articles([sample_page], "json", path) == [str(path)]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "pagedesk.page/1"
    assert "广东纪事" in path.read_text(encoding="utf-8")  # ensure_ascii=False
    assert page_from_dict(data, sample_page.raw) == sample_page


def test_json_of_several_pages_is_a_folder_of_files(tmp_path, sample_page, make_hostile):
    """Two pages → a folder with one pagedesk.page/1 file per page, each reading back equal."""
    other = make_hostile()
    files = export_articles([sample_page, other], "json", tmp_path / "out")
    assert len(files) == 2
    back = [page_from_dict(json.loads(open(f, encoding="utf-8").read()), p.raw)
            for f, p in zip(files, (sample_page, other), strict=True)]
    assert back == [sample_page, other]


def test_json_of_several_pages_to_a_json_file_name_is_refused(tmp_path, sample_page,
                                                               make_hostile):
    """`-o q.json` for two pages made a folder named q.json without a word: refused, and
    nothing is written."""
    with pytest.raises(ExportError, match="give a folder"):
        export_articles([sample_page, make_hostile()], "json", tmp_path / "q.json")
    assert not (tmp_path / "q.json").exists()


def test_json_of_an_article_selection_keeps_only_those_articles(tmp_path, sample_page):
    """Selected articles of a page export as that page holding just them, in page order."""
    chosen = [sample_page.articles[3], sample_page.articles[1]]
    path = tmp_path / "sel.json"
    export_articles([(sample_page, a) for a in chosen], "json", path)
    back = page_from_dict(json.loads(path.read_text(encoding="utf-8")), sample_page.raw)
    assert [a.id for a in back.articles] == [sample_page.articles[1].id, sample_page.articles[3].id]
    assert back.articles[0] == sample_page.articles[1]


def test_text_article_has_headline_byline_and_blank_line_paragraphs(sample_page):
    """Titles and byline line first, then each paragraph separated by one blank line."""
    article = sample_page.articles[1]
    text = article_text(article)
    chunks = text.split("\n\n")
    assert chunks[0].split("\n") == [
        "阳江市总工会", "培训新业态职工应急技能", "本报讯（全媒体记者黄细英 通讯员林良勇）"]
    assert chunks[1:] == [b.display_text for b in article.body]
    last = article_text(sample_page.articles[-1])
    assert last.endswith("\n\n来源：珠工宣")
    first = article_text(sample_page.articles[0])
    assert "\n\n图：马驰（右）与工程师在研究开发护眼照明产品。　单位供图" in first


def test_text_file_is_utf8_with_separators(tmp_path, sample_page):
    """A page's text file: banner, articles divided by the separator line, UTF-8 with LF."""
    path = tmp_path / "p.txt"
    export_articles([sample_page], "txt", path)
    raw = path.read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    text = raw.decode("utf-8")
    assert text.startswith("广东纪事　第13版\n\n中国灯饰照明之都的追光者\n")
    assert text.count(f"\n\n{ARTICLE_SEPARATOR}\n\n") == len(sample_page.articles) - 1


def test_formats_from_names_and_unknown_format(tmp_path, sample_page):
    """File extensions pick formats; an unknown format is an ExportError."""
    assert [format_for_path(n) for n in ("a.DOCX", "b.htm", "c.json", "d.txt", "site")] == [
        "docx", "html", "json", "txt", None]
    with pytest.raises(ExportError):
        export_articles([sample_page], "pdf", tmp_path / "x.pdf")
    with pytest.raises(ExportError):
        export_articles([sample_page], "txt", tmp_path / "missing-dir" / "x.txt")
