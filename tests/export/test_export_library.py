"""Export selections from the library: by page id, article id, --tag and --query."""

from __future__ import annotations

import docx
import pytest

from editor.cli import main

library = pytest.importorskip("editor.storage.library")


@pytest.fixture
def lib_path(tmp_path, sample_page):
    path = tmp_path / "library.sqlite"
    sample_page.articles[0].tags = ["劳模"]
    sample_page.articles[2].tags = ["产改", "劳模"]
    with library.Library.open(str(path)) as lib:
        lib.save_page(sample_page)
    return str(path)


def body_headlines(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style.name == "PageDesk Headline"]


def test_export_page_id_from_library(tmp_path, lib_path, sample_page):
    """A page id exports the whole saved page."""
    out = tmp_path / "p.docx"
    assert main(["export", sample_page.id, "--library", lib_path, "-o", str(out)]) == 0
    assert body_headlines(out) == [a.headline for a in sample_page.articles]


def test_export_article_id_from_library(tmp_path, lib_path, sample_page):
    """An article id exports just that article."""
    out = tmp_path / "a.txt"
    art = sample_page.articles[3]
    assert main(["export", art.id, "--library", lib_path, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"{art.headline}\n本报讯（")
    assert sample_page.articles[0].headline not in text


def test_export_tag_from_library(tmp_path, lib_path, sample_page):
    """--tag exports the articles carrying the tag, in page order, and nothing else."""
    out = tmp_path / "t.docx"
    assert main(["export", "--tag", "劳模", "--library", lib_path, "-o", str(out)]) == 0
    assert body_headlines(out) == [sample_page.articles[0].headline,
                                   sample_page.articles[2].headline]


def test_export_query_from_library(tmp_path, lib_path, sample_page):
    """--query exports the search results; an article also named by id appears once."""
    target = sample_page.articles[3]  # the only article about 茂名
    out = tmp_path / "q.docx"
    assert main(["export", "--query", "茂名", "--library", lib_path, "-o", str(out)]) == 0
    assert body_headlines(out) == [target.headline]
    both = tmp_path / "both.docx"
    argv = ["export", sample_page.articles[1].id, target.id, "--query", "茂名",
            "--library", lib_path, "-o", str(both)]
    assert main(argv) == 0
    assert body_headlines(both) == [sample_page.articles[1].headline, target.headline]


def test_export_query_without_hits_is_an_empty_selection(tmp_path, lib_path, capsys):
    """A query that matches nothing says so and exports nothing."""
    out = tmp_path / "none.docx"
    assert main(["export", "--query", "火星探测器", "--library", lib_path, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no articles match" in err and "nothing to export" in err
    assert not out.exists()


def test_export_unknown_id_and_missing_library(tmp_path, lib_path, capsys):
    """An id the library lacks, or a library file that is missing, is a one-line error."""
    assert main(["export", "nosuchid", "--library", lib_path, "-o", str(tmp_path / "x.txt")]) == 2
    assert "no page or article with that id" in capsys.readouterr().err
    missing = str(tmp_path / "none.sqlite")
    assert main(["export", "--tag", "x", "--library", missing, "-o", str(tmp_path / "x.txt")]) == 2
    assert "library" in capsys.readouterr().err
