"""Hostile text stores, loads and searches without error (DESIGN §8)."""

from __future__ import annotations

from editor.core.model import Article, Block, Page

HOSTILE = [
    "O'Brien said \"hi\"; DROP TABLE pages; --",
    'FTS "syntax" * NEAR(a b) AND OR NOT ^col:x {a b}',
    "<script>alert('工会')</script>",
    "控制字符\x00\x01\x07\x1b[31m红色\x1b[0m\x7f\u200b\ufeff结束",
    "表情🙂与组合字符é和全角ＡＢＣ",
]


def _hostile_page(extra_line: str | None = None) -> Page:
    lines = list(HOSTILE) + ([extra_line] if extra_line else [])
    page = Page(raw="\n".join(lines) + "\n")
    for i, text in enumerate(lines, 1):
        a = Article(blocks=[Block("headline", [i], text[:40]), Block("paragraph", [], text)])
        a.blocks[0].lines, a.blocks[1].lines = [i], []
        a.tags = [text[:10]]
        page.articles.append(a)
    return page


def test_hostile_text_round_trips_and_is_searchable(lib):
    page = _hostile_page()
    lib.save_page(page, message="'; DROP TABLE revisions; --")
    assert lib.load_page(page.id) == page
    assert lib.integrity_check() == "ok"
    assert [h.headline for h in lib.search("NEAR(a")] == [HOSTILE[1][:40]]
    assert len(lib.search('"syntax"')) == 1
    assert len(lib.search("<script>")) == 1
    assert len(lib.search("DROP")) == 1
    assert len(lib.search("红色")) == 1
    assert len(lib.search("O'Brien")) == 1
    assert len(lib.search("🙂")) == 1
    assert lib.revisions(page.id)[0]["message"] == "'; DROP TABLE revisions; --"
    assert {t for t, _n in lib.tag_counts()} == {t[:10] for t in HOSTILE}


def test_one_megabyte_single_line_stores_and_searches(lib):
    unit = "职工技能培训abc123，"
    big = (unit * (1_048_576 // len(unit) + 1))[:1_048_576] + "尾巴标记"
    page = _hostile_page(big)
    lib.save_page(page)
    assert lib.load_page(page.id).raw == page.raw
    hits = lib.search("尾巴标记")
    assert [h.article_id for h in hits] == [page.articles[-1].id]
    assert hits[0].snippet == "…" + big[-34:]  # 30 characters before the word, then the end


# -- hostile arguments and failures: one clear line, never a traceback (issue 16, 8 and 9) --

import os  # noqa: E402
import sqlite3  # noqa: E402

import pytest  # noqa: E402

from editor.cli import main  # noqa: E402
from editor.storage.library import _translate  # noqa: E402

BAD = "\udcff"  # what Python makes of the byte 0xff in an argument on a UTF-8 system


@pytest.mark.parametrize("argv, says", [
    (["search", f"tag:{BAD}"], "not text"),
    (["list", "--articles", "--tag", BAD], "not text"),
    (["list", "--articles", "--person", BAD], "not text"),
    (["list", "--articles", "--section", BAD], "not text"),
    (["list", "--articles", "--paper", BAD], "not text"),
    (["export", "-t", BAD, "-o", "x.txt"], "not text"),
    (["list", "--library", "/etc/hostname/lib.db"], "a part of the path is a file"),
])
def test_hostile_arguments_get_one_clear_line(argv, says, tmp_path, monkeypatch, capsys):
    from editor.storage.library import Library

    monkeypatch.chdir(tmp_path)
    Library.open(os.environ["PAGEDESK_LIBRARY"]).close()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["list", "--limit", "99999999999999999999"],
                                  ["list", "--offset", "-1"], ["search", "x", "--limit", "y"]])
def test_counts_out_of_range_are_refused_by_the_parser(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "--limit" in capsys.readouterr().err or "--offset" in capsys.readouterr().err


def test_a_dangling_link_as_the_library_is_named_not_followed(tmp_path, capsys):
    link = tmp_path / "lib.sqlite"
    os.symlink(tmp_path / "gone" / "target.sqlite", link)
    assert main(["list", "--library", str(link)]) == 2
    assert "which does not exist" in capsys.readouterr().err
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize("message, code", [
    ("database or disk is full", "full"),
    ("attempt to write a readonly database", "read-only"),
    ("unable to open database file", "unreadable"),
    ("database disk image is malformed", "corrupt"),
    ("file is not a database", "corrupt"),
    ("Expression tree is too large (maximum depth 1000)", "failed"),
    ("database is locked", "busy"),
])
def test_each_sqlite_failure_is_named_for_what_it_is(message, code):
    """Only a damaged file is called damaged: a full disk, a read-only file or a query SQLite
    cannot run are said as such."""
    err = _translate(sqlite3.OperationalError(message), "/x/lib.sqlite")
    assert err.code == code
    assert ("damaged" in str(err)) == (code == "corrupt")
