"""PDF pages in the library: the layout is stored with the page, and the library keeps its
own copy of the PDF so the page picture is there when the original has moved."""

from __future__ import annotations

import os

from editor.core.importer import import_file
from editor.paths import pdf_folder
from editor.storage import batch
from editor.storage.library import Library
from tests.core.pdfs import Text, column, make_pdf


def _pdf(path, headline="社区书屋成了居民的第二客厅"):
    texts = [Text(headline, 40, 740, 24, "hei")]
    texts += column(["城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。"],
                    40, 700, indent_first=(0,))
    path.write_bytes(make_pdf([texts]))
    return path


def test_an_imported_pdf_page_keeps_its_layout_and_its_pdf(tmp_path):
    (tmp_path / "in").mkdir()
    src = _pdf(tmp_path / "in" / "page.pdf")
    lib_path = str(tmp_path / "lib.sqlite")
    with Library.open(lib_path) as lib:
        (result,) = batch.import_paths(lib, [str(tmp_path / "in")], workers=1)
        assert result.status == "imported"
        page = lib.load_page(result.page_id)
        sha = page.layout["pdf"]["sha256"]
        kept = lib.stored_pdf(sha)
    assert page.layout["lines"] and page.articles[0].headline == "社区书屋成了居民的第二客厅"
    assert kept == os.path.join(pdf_folder(lib_path), sha + ".pdf")
    assert open(kept, "rb").read() == src.read_bytes()
    assert not [n for n in os.listdir(pdf_folder(lib_path)) if n.endswith(".part")]


def test_the_picture_comes_from_the_librarys_copy_once_the_original_is_gone(tmp_path,
                                                                            monkeypatch):
    from editor.gui.picture import pdf_source

    lib_path = tmp_path / "lib.sqlite"
    monkeypatch.setenv("PAGEDESK_LIBRARY", str(lib_path))
    src = _pdf(tmp_path / "page.pdf")
    page = import_file(src)
    assert pdf_source(page) == (str(src), 1)  # not in the library yet: the original
    with Library.open(str(lib_path)) as lib:
        lib.save_page(page)
    src.unlink()
    path, number = pdf_source(page)
    assert number == 1 and path.startswith(pdf_folder(str(lib_path)))


def test_a_pdf_changed_since_it_was_read_is_not_kept_as_the_pages_pdf(tmp_path):
    src = _pdf(tmp_path / "page.pdf")
    page = import_file(src)
    _pdf(src, headline="另一篇稿件的标题")  # the file is overwritten before saving
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        lib.save_page(page)
        assert lib.stored_pdf(page.layout["pdf"]["sha256"]) is None


def test_date_and_page_number_come_from_the_pdfs_title_when_the_page_shows_none(tmp_path):
    from tests.core.pdfs import make_pdf as make

    texts = [Text("社区书屋成了居民的第二客厅", 40, 740, 24, "hei")]
    texts += column(["城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。"],
                    40, 700, indent_first=(0,))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan0001.pdf").write_bytes(make([texts], title="临江日报 2024年3月1日 第5版"))
    (folder / "scan0002.pdf").write_bytes(make([texts[:2]]))
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        results = batch.import_paths(lib, [str(folder)], workers=1)
    by_name = {os.path.basename(r.path): r for r in results}
    assert (by_name["scan0001.pdf"].date, by_name["scan0001.pdf"].number) == ("2024-03-01", "5")
    assert (by_name["scan0002.pdf"].date, by_name["scan0002.pdf"].number) == (None, None)
