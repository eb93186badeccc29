"""Saving, loading, revisions, tags and listing in the article library."""

from __future__ import annotations

import copy
import os
import sqlite3

import pytest

from editor.core.model import Block
from editor.storage.library import Library, LibraryError, default_library_path


def test_gold_sample_round_trips_exactly(lib, sample_page):
    """Loading gives back exactly the model that was saved."""
    before = copy.deepcopy(sample_page)
    assert lib.save_page(sample_page, "import") == 1
    loaded = lib.load_page(sample_page.id)
    assert loaded == before
    assert loaded.raw == before.raw


def test_segmented_sample_round_trips_exactly(lib, sample_path):
    """The importer's own output (whatever its quality) also round-trips."""
    from editor.core.importer import import_file

    page = import_file(sample_path)
    lib.save_page(page)
    assert lib.load_page(page.id) == page


def test_every_save_is_a_new_revision_and_nothing_is_lost(lib, sample_page):
    """Saving again adds a revision; old revisions still load as they were."""
    lib.save_page(sample_page, "import")
    first = copy.deepcopy(sample_page)
    block = sample_page.articles[0].body[0]
    block.edited = "编辑改过的第一段。"
    assert lib.save_page(sample_page, "fix first paragraph") == 2
    revs = lib.revisions(sample_page.id)
    assert [r["revision"] for r in revs] == [1, 2]
    assert revs[1]["message"] == "fix first paragraph"
    assert "text edited" in revs[1]["summary"]
    assert lib.load_page(sample_page.id, 1) == first
    assert lib.load_page(sample_page.id).articles[0].body[0].edited == "编辑改过的第一段。"
    diff = lib.diff_revisions(sample_page.id, 1, 2)
    assert any("编辑改过" in line for line in diff)
    assert lib.count_articles(edited=True) == 1
    assert lib.list_pages()[0]["edited"] is True


def test_restore_makes_a_new_revision_with_the_old_state(lib, sample_page):
    """Restoring revision 1 appends revision 3 equal to revision 1."""
    lib.save_page(sample_page)
    removed = sample_page.articles.pop()
    sample_page.unassigned.append(Block("unassigned", removed.lines, "x"))
    lib.save_page(sample_page)
    assert lib.count_articles() == 4
    assert lib.restore(sample_page.id, 1) == 3
    assert lib.load_page(sample_page.id, 3) == lib.load_page(sample_page.id, 1)
    assert lib.count_articles() == 5
    assert len(lib.revisions(sample_page.id)) == 3


def test_load_article_and_sha_lookup(lib, sample_page):
    """An article is found by id with its page; a page by its text's sha256."""
    lib.save_page(sample_page)
    target = sample_page.articles[2]
    page, article = lib.load_article(target.id)
    assert page.id == sample_page.id and article == target
    assert lib.page_for_sha256(sample_page.source.sha256) == sample_page.id
    assert lib.page_for_sha256("0" * 64) is None


def test_missing_things_raise_not_found(lib, sample_page):
    lib.save_page(sample_page)
    for call in (lambda: lib.load_page("nope"), lambda: lib.load_article("nope"),
                 lambda: lib.load_page(sample_page.id, 9), lambda: lib.revisions("nope"),
                 lambda: lib.set_tags(["nope"], add=["x"])):
        with pytest.raises(LibraryError) as exc:
            call()
        assert exc.value.code == "not-found"


def test_tags_are_set_counted_renamed_and_kept_in_revisions(lib, sample_page):
    """set_tags/rename_tag update the tables, the search filter and the page's history."""
    lib.save_page(sample_page)
    a, b, c = (x.id for x in sample_page.articles[:3])
    lib.set_tags([a, b], add=["劳模", "培训"])
    lib.set_tags([b], remove=["培训"])
    lib.set_tags([c], add=["技能"])
    assert dict(lib.tag_counts()) == {"劳模": 2, "培训": 1, "技能": 1}
    assert lib.load_page(sample_page.id).find_article(a).tags == ["劳模", "培训"]
    assert {r["id"] for r in lib.list_articles(tag="劳模")} == {a, b}
    assert len(lib.list_articles(untagged=True)) == 2
    lib.rename_tag("技能", "劳模")  # merge
    assert dict(lib.tag_counts()) == {"劳模": 3, "培训": 1}
    lib.rename_tag("培训", "培训班")
    assert dict(lib.tag_counts()) == {"劳模": 3, "培训班": 1}
    assert {h.article_id for h in lib.search("tag:劳模")} == {a, b, c}
    revs = lib.revisions(sample_page.id)
    assert len(revs) == 6 and revs[-1]["message"].startswith("rename tag")
    assert lib.load_page(sample_page.id, 1).find_article(a).tags == []


def test_list_pages_and_articles_filter(lib, sample_page):
    """Listing filters by date, section, paper, person and page."""
    sample_page.meta.date = "2025-04-14"
    sample_page.meta.paper = "工人日报"
    lib.save_page(sample_page)
    pages = lib.list_pages()
    assert len(pages) == 1 and pages[0]["article_count"] == 5
    assert pages[0]["section"] == "广东纪事" and pages[0]["number"] == "13"
    assert lib.list_pages(date_from="2025-04", date_to="2025-04") == pages
    assert lib.list_pages(date_from="2025-05") == []
    assert lib.list_pages(section="要闻") == []
    arts = lib.list_articles(paper="工人日报", section="广东纪事")
    assert [x["headline"] for x in arts] == [a.headline for a in sample_page.articles]
    assert set(arts[0]) >= {"id", "page_id", "headline", "kicker", "date", "section",
                            "number", "paper", "people", "tags"}
    assert len(lib.list_articles(person="誉建业")) == 3
    assert lib.count_articles(person="誉建业") == 3
    assert len(lib.list_articles(limit=2, offset=4)) == 1
    assert lib.list_articles(page_id="other") == []


def test_backup_is_a_consistent_library(lib, sample_page, tmp_path):
    lib.save_page(sample_page)
    dest = tmp_path / "copy.sqlite"
    lib.backup(str(dest))
    with Library.open(str(dest), create=False) as copy_lib:
        assert copy_lib.load_page(sample_page.id) == sample_page
        assert copy_lib.integrity_check() == "ok"


def test_default_path_follows_environment(tmp_path, monkeypatch):
    target = tmp_path / "deep" / "lib.sqlite"
    monkeypatch.setenv("PAGEDESK_LIBRARY", str(target))
    assert default_library_path() == str(target)
    assert target.parent.is_dir()
    monkeypatch.delenv("PAGEDESK_LIBRARY")
    path = default_library_path()
    assert path.endswith("library.sqlite") and os.path.isdir(os.path.dirname(path))


def test_library_uses_wal_and_foreign_keys(lib):
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        lib.conn.execute("INSERT INTO articles (id, page_id, ord) VALUES ('a', 'nope', 0)")


def test_list_pages_by_tag(lib, sample_page):
    lib.save_page(sample_page)
    assert lib.list_pages(tag="劳模") == []
    lib.set_tags([sample_page.articles[1].id], add=["劳模"])
    assert [p["id"] for p in lib.list_pages(tag="劳模", section="广东纪事")] == [sample_page.id]
    assert lib.list_pages(tag="劳模", section="要闻") == []


def test_storage_imports_neither_qt_nor_jieba_at_import_time():
    """editor.storage stays free of Qt, and jieba loads only when text is tokenised."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, editor.storage.library, editor.storage.batch, editor.storage.search, "
            "editor.commands.library, editor.commands.tags; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'jieba')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_page_with_duplicate_article_ids_is_refused_before_writing(lib, sample_page):
    sample_page.articles[1].id = sample_page.articles[0].id
    with pytest.raises(ValueError, match="two articles"):
        lib.save_page(sample_page)
    assert lib.list_pages() == []


def test_pages_filtered_by_person_untagged_and_edited_articles(lib, sample_page):
    """The page list takes every article filter: a page is kept when one of its articles
    passes them all."""
    from editor.core.model import Article, Block, Page, Person

    other = Page(raw="水渠通了\n村里的水渠修好了。\n")
    art = Article(blocks=[Block("headline", [1], "水渠通了"),
                          Block("paragraph", [2], "村里的水渠修好了。")])
    art.people = [Person("马驰", "reporter")]
    other.articles = [art]
    lib.save_page(sample_page)
    lib.save_page(other)
    ids = lambda **kw: {p["id"] for p in lib.list_pages(**kw)}  # noqa: E731
    assert ids() == {sample_page.id, other.id}
    assert ids(person="马驰") == {other.id}
    assert ids(person="誉建业") == {sample_page.id}
    lib.set_tags([a.id for a in sample_page.articles], add=["工会"])
    assert ids(untagged=True) == {other.id}
    assert ids(tag="工会", person="誉建业") == {sample_page.id}
    assert ids(tag="工会", person="马驰") == set()
    assert ids(edited=True) == set()
    other.articles[0].blocks[1].edited = "村里的水渠早就修好了。"
    lib.save_page(other)
    assert ids(edited=True) == {other.id}
    assert ids(edited=True, person="马驰", untagged=True) == {other.id}
