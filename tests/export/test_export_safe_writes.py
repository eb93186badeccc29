"""Exports never leave a half-written file, never write over their input, and ask before
filling a folder that holds other files (issue 16, defect 7; lone surrogates, defect 8)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.importer import segment_text
from editor.export import ExportError, export_articles

DATA = Path(__file__).resolve().parent.parent / "data"
RAW = DATA / "guangdong-jishi-p13.txt"
SUFFIX = {"docx": ".docx", "html": ".html", "txt": ".txt", "json": ".json"}


@pytest.fixture
def page():
    return segment_text(RAW.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_a_failed_export_leaves_the_file_that_was_there_whole(fmt, page, tmp_path, monkeypatch):
    """The disk fills up as the export is written: the earlier file is kept byte for byte
    and no temporary file is left behind."""
    target = tmp_path / ("out" + SUFFIX[fmt])
    target.write_bytes(b"an earlier export, kept")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as exc:
        export_articles([page], fmt, target)
    assert "No space" in str(exc.value)
    assert target.read_bytes() == b"an earlier export, kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_a_lone_surrogate_in_a_page_exports_as_a_replacement_mark(fmt, page, tmp_path):
    """A page holding half of a UTF-16 pair (from a damaged JSON file) exports in every
    format, the half shown as U+FFFD."""
    block = page.articles[0].blocks[-1]
    block.text = block.text + "\ud800"
    target = tmp_path / ("out" + SUFFIX[fmt])
    export_articles([page], fmt, target)
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    else:
        text = target.read_text(encoding="utf-8")
    assert "\ufffd" in text or "\\ufffd" in text


def test_the_command_line_refuses_to_export_over_its_own_input(tmp_path, capsys):
    page = tmp_path / "page.txt"
    shutil.copy(RAW, page)
    before = page.read_bytes()
    assert main(["export", str(page), "-f", "txt", "-o", str(page)]) == 2
    assert "one of the pages to export" in capsys.readouterr().err
    assert page.read_bytes() == before


def test_a_site_goes_into_a_folder_with_other_files_only_when_asked(page, tmp_path, capsys):
    folder = tmp_path / "web"
    folder.mkdir()
    (folder / "index.html").write_text("the newsroom's own start page", encoding="utf-8")
    assert main(["export", str(RAW), "-f", "site", "-o", str(folder)]) == 2
    assert "already holds files (index.html)" in capsys.readouterr().err
    assert (folder / "index.html").read_text(encoding="utf-8") == "the newsroom's own start page"
    assert main(["export", str(RAW), "-f", "site", "-o", str(folder), "--replace"]) == 0
    assert "the newsroom's own start page" not in (folder / "index.html").read_text("utf-8")
    # a folder holding a site PageDesk wrote is written again without asking
    assert main(["export", str(RAW), "-f", "site", "-o", str(folder)]) == 0
    with pytest.raises(ExportError):
        export_articles([page], "site", RAW)  # a file, not a folder
