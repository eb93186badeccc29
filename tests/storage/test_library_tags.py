"""Bulk tagging, its undo, renaming and merging: counts, listings and `tag:` search agree."""

from __future__ import annotations

import pytest

from editor.core.model import Article, Block, Page
from editor.storage.library import Library, LibraryError, TagChanges
from tests.storage.conftest import drop_articles


def small_page(texts: list[str], tags: list[list[str]] | None = None) -> Page:
    """A page of one-paragraph articles (our own sentences), optionally pre-tagged."""
    page = Page(raw="\n".join(texts) + "\n")
    for i, text in enumerate(texts, 1):
        a = Article(blocks=[Block("paragraph", [i], text)])
        a.tags = list((tags or [[]] * len(texts))[i - 1])
        page.articles.append(a)
    return page


TEXTS = [f"第{i}号仓库今天完成了消防检查，工作人员逐一登记。" for i in range(1, 7)]


@pytest.fixture
def two_pages(lib):
    """Two pages of six and three articles, some tagged at import."""
    p1 = small_page(TEXTS, [["安全"], ["安全", "仓储"], [], ["仓储"], [], []])
    p2 = small_page(TEXTS[:3], [["消防"], [], ["安全"]])
    lib.save_page(p1)
    lib.save_page(p2)
    return lib, p1, p2


def vocabulary(lib) -> set[str]:
    """Every tag name the library keeps, used or not (tag_counts shows used ones only)."""
    return {name for (name,) in lib.conn.execute("SELECT name FROM tags")}


def current_tags(lib, pages) -> dict[str, list[str]]:
    return {a.id: lib.load_page(p.id).find_article(a.id).tags for p in pages for a in p.articles}


def assert_consistent(lib, pages) -> None:
    """tag_counts, list_articles(tag=), count_articles(tag=), tag: search and the stored pages
    all tell the same story."""
    tags = current_tags(lib, pages)
    expected: dict[str, set[str]] = {}
    for aid, ts in tags.items():
        for t in ts:
            expected.setdefault(t, set()).add(aid)
    counts = lib.tag_counts()
    assert dict(counts) == {t: len(ids) for t, ids in expected.items()}
    assert counts == sorted(counts, key=lambda x: (-x[1], x[0]))
    for t, ids in expected.items():
        assert {r["id"] for r in lib.list_articles(tag=t)} == ids
        assert lib.count_articles(tag=t) == len(ids)
        assert {h.article_id for h in lib.search(f"tag:{t}", limit=100)} == ids
    assert {r["id"] for r in lib.list_articles(untagged=True)} == {
        a for a, ts in tags.items() if not ts}


def test_bulk_tagging_is_one_step_with_one_revision_per_page(two_pages):
    lib, p1, p2 = two_pages
    ids = [a.id for a in p1.articles] + [a.id for a in p2.articles]
    revs = {p.id: len(lib.revisions(p.id)) for p in (p1, p2)}
    before = current_tags(lib, (p1, p2))
    changes = lib.set_tags(ids, add=["检查", "安全"], remove=["仓储"])
    assert isinstance(changes, TagChanges)
    # every article changed (each gains 检查), each listed once with its exact before/after
    assert sorted(changes.article_ids) == sorted(ids)
    for c in changes:
        assert list(c.before) == before[c.article_id]
        assert list(c.after) == lib.load_page(c.page_id).find_article(c.article_id).tags
    assert next(c for c in changes if c.article_id == p1.articles[1].id).after == ("安全", "检查")
    assert {p.id: len(lib.revisions(p.id)) for p in (p1, p2)} == {k: v + 1
                                                                  for k, v in revs.items()}
    assert_consistent(lib, (p1, p2))
    assert dict(lib.tag_counts()) == {"检查": 9, "安全": 9, "消防": 1}
    # a change that changes nothing is an empty step and writes no revision
    again = lib.set_tags(ids, add=["检查"])
    assert not again and len(again) == 0
    assert len(lib.revisions(p1.id)) == revs[p1.id] + 1


def test_restore_tags_exactly_undoes_and_redoes(two_pages):
    lib, p1, p2 = two_pages
    ids = [a.id for a in p1.articles[:4]] + [p2.articles[0].id]
    original = current_tags(lib, (p1, p2))
    changes = lib.set_tags(ids, add=["年检", "仓储"], remove=["安全"])
    after = current_tags(lib, (p1, p2))
    assert "年检" in vocabulary(lib)
    undone = lib.restore_tags(changes)
    assert current_tags(lib, (p1, p2)) == original  # order included
    assert_consistent(lib, (p1, p2))
    assert vocabulary(lib) == {"安全", "仓储", "消防"}  # an unused tag leaves the vocabulary
    redone = lib.restore_tags(undone)
    assert current_tags(lib, (p1, p2)) == after
    assert [(c.article_id, c.before, c.after) for c in redone] == [
        (c.article_id, c.before, c.after) for c in changes]
    lib.restore_tags(redone)
    assert current_tags(lib, (p1, p2)) == original
    assert lib.revisions(p1.id)[-1]["message"].startswith("undo")


def test_restore_keeps_later_edits_of_other_tags(two_pages):
    """Undo after someone else changed the article: only the undone step is taken back."""
    lib, p1, _p2 = two_pages
    a = p1.articles[0].id  # tags ["安全"]
    changes = lib.set_tags([a], add=["年检"], remove=["安全"])
    lib.set_tags([a], add=["夜班"])
    lib.restore_tags(changes)
    assert lib.load_page(p1.id).find_article(a).tags == ["夜班", "安全"]


def test_rename_and_merge_keep_counts_and_search_right(two_pages):
    lib, p1, p2 = two_pages
    lib.set_tags([p1.articles[4].id], add=["防火"])
    original = current_tags(lib, (p1, p2))
    revs = {p.id: len(lib.revisions(p.id)) for p in (p1, p2)}
    changes = lib.merge_tags(["消防", "防火", "仓储"], "安全")
    # the article tagged both 安全 and 仓储 keeps 安全 once
    assert lib.load_page(p1.id).find_article(p1.articles[1].id).tags == ["安全"]
    assert dict(lib.tag_counts()) == {"安全": 6}
    assert vocabulary(lib) == {"安全"}  # the merged names are gone, not just unused
    assert lib.search("tag:消防") == [] and lib.list_articles(tag="仓储") == []
    assert_consistent(lib, (p1, p2))
    assert {p.id: len(lib.revisions(p.id)) for p in (p1, p2)} == {k: v + 1
                                                                  for k, v in revs.items()}
    lib.restore_tags(changes)
    assert current_tags(lib, (p1, p2)) == original
    assert_consistent(lib, (p1, p2))
    renamed = lib.rename_tag("仓储", "储运")
    assert sorted(renamed.article_ids) == sorted([p1.articles[1].id, p1.articles[3].id])
    assert {h.article_id for h in lib.search("tag:储运")} == set(renamed.article_ids)
    assert lib.search("tag:仓储") == []
    assert_consistent(lib, (p1, p2))


def test_unknown_articles_and_tags_are_refused_without_any_change(two_pages):
    lib, p1, _p2 = two_pages
    original = current_tags(lib, (p1,))
    with pytest.raises(LibraryError) as exc:
        lib.set_tags([p1.articles[0].id, "nope-1", "nope-2"], add=["x"])
    assert exc.value.code == "not-found" and "nope-1, nope-2" in str(exc.value)
    with pytest.raises(LibraryError) as exc:
        lib.merge_tags(["安全", "没有这个"], "x")
    assert exc.value.code == "not-found" and "没有这个" in str(exc.value)
    with pytest.raises(LibraryError):
        lib.rename_tag("没有这个", "x")
    with pytest.raises(ValueError):
        lib.rename_tag("安全", "  ")
    assert current_tags(lib, (p1,)) == original
    assert not lib.rename_tag("安全", "安全")


def test_tag_changes_describe_themselves(two_pages):
    """What the CLI prints and a GUI undo reads: per-article before/after, added/removed,
    the pages touched (once each), the inverse, and the revision's message and summary."""
    lib, p1, p2 = two_pages
    assert {r["id"]: r["edited"] for r in lib.list_pages()} == {p1.id: False, p2.id: False}
    a, b, c = p1.articles[1].id, p1.articles[0].id, p2.articles[2].id  # 安全 仓储 | 安全 | 安全
    changes = lib.set_tags([a, b, c, a], add=["检查", "年检"], remove=["仓储", "没有的"])
    assert changes.message == "tags +检查 +年检 -仓储 -没有的"
    assert bool(changes) and len(changes) == 3 and changes.article_ids == [a, b, c]
    assert changes.page_ids == [p1.id, p2.id]
    first = changes.changes[0]
    assert (first.added, first.removed) == (["检查", "年检"], ["仓储"])
    assert first.to_dict() == {"article_id": a, "page_id": p1.id, "before": ["安全", "仓储"],
                               "after": ["安全", "检查", "年检"], "added": ["检查", "年检"],
                               "removed": ["仓储"]}
    assert changes.to_dict() == {"message": changes.message, "changed": 3,
                                 "articles": [x.to_dict() for x in changes]}
    back = changes.inverse()
    assert back.message == "undo " + changes.message
    assert [(x.article_id, x.page_id, x.before, x.after) for x in back] == [
        (x.article_id, x.page_id, x.after, x.before) for x in changes]
    rev = lib.revisions(p1.id)[-1]
    assert (rev["message"], rev["summary"]) == (changes.message, "tags of 2 article(s) changed")
    assert {r["id"]: r["edited"] for r in lib.list_pages()} == {p1.id: True, p2.id: True}
    empty = lib.set_tags([a], add=[" ", ""], remove=["  "])
    assert not empty and empty.message == "tags" and empty.to_dict()["changed"] == 0
    assert list(empty) == [] and empty.page_ids == []


def test_tag_names_are_trimmed_and_kept_once(two_pages):
    lib, p1, _p2 = two_pages
    a = p1.articles[2].id  # no tags
    lib.set_tags([a], add=[" 夜班 ", "夜班", "", "早班"])
    assert lib.load_page(p1.id).find_article(a).tags == ["夜班", "早班"]
    changes = lib.rename_tag(" 夜班 ", " 晚班 ")
    assert changes.message == "rename tag 夜班 → 晚班"
    assert lib.load_page(p1.id).find_article(a).tags == ["晚班", "早班"]
    merged = lib.merge_tags(["晚班", "早班", "晚班"], "班次")
    assert merged.message == "merge tags 晚班, 早班 → 班次"
    assert lib.load_page(p1.id).find_article(a).tags == ["班次"]


def test_refusals_name_what_is_wrong(two_pages):
    lib, p1, _p2 = two_pages
    with pytest.raises(LibraryError, match=r"^article n1 is not in the library$"):
        lib.set_tags(["n1"], add=["x"])
    many = [f"n{i}" for i in range(1, 8)]
    with pytest.raises(LibraryError, match=r"^article n1, n2, n3, n4, n5 and 2 more are not in"):
        lib.set_tags(many, add=["x"])
    with pytest.raises(ValueError, match="^no tags to merge$"):
        lib.merge_tags([" ", ""], "x")
    with pytest.raises(ValueError, match="^the new tag name is empty$"):
        lib.merge_tags(["安全"], " ")
    with pytest.raises(LibraryError, match="^there is no tag 没有, 也没有 in the library$"):
        lib.merge_tags(["安全", "没有", "也没有"], "x")
    changes = lib.set_tags([p1.articles[0].id], add=["新"])
    (gone,) = drop_articles(p1, 0)
    lib.save_page(p1)
    with pytest.raises(LibraryError) as exc:
        lib.restore_tags(changes)
    assert exc.value.code == "not-found"
    assert str(exc.value) == f"article {gone.id} (page {p1.id}) is no longer in the library"


def test_retag_refuses_pages_and_articles_it_cannot_find(two_pages):
    from editor.storage.tags import retag

    lib, p1, _p2 = two_pages
    keep = lambda _p, _a, tags: tags + ["x"]  # noqa: E731
    with pytest.raises(LibraryError, match="^page nope is not in the library$"):
        retag(lib.conn, [("nope", "a")], keep, "m", "t")
    with pytest.raises(LibraryError, match="^article nope is not in the library$"):
        retag(lib.conn, [(p1.id, "nope")], keep, "m", "t")


def test_a_page_without_changes_does_not_stop_the_next(two_pages):
    lib, p1, p2 = two_pages
    already, fresh = p1.articles[0].id, p2.articles[1].id  # 安全 | no tags
    changes = lib.set_tags([already, fresh], add=["安全"])
    assert changes.article_ids == [fresh] and changes.page_ids == [p2.id]
    assert lib.load_page(p2.id).find_article(fresh).tags == ["安全"]
    assert len(lib.revisions(p1.id)) == 1 and len(lib.revisions(p2.id)) == 2


def test_unknown_ids_are_listed_five_at_most(two_pages):
    lib, p1, _p2 = two_pages
    five = [f"n{i}" for i in range(1, 6)]
    with pytest.raises(LibraryError, match="^article n1, n2, n3, n4, n5 are not in the library$"):
        lib.set_tags(five, add=["x"])
    with pytest.raises(LibraryError, match="^article n1, n2, n3, n4, n5 and 1 more are not in"):
        lib.set_tags(five + ["n6"], add=["x"])
    changes = lib.set_tags([a.id for a in p1.articles], add=["新"])
    gone = [a.id for a in drop_articles(p1, *range(len(p1.articles)))]
    lib.save_page(p1)
    with pytest.raises(LibraryError) as exc:
        lib.restore_tags(changes)
    listed = ", ".join(f"{a} (page {p1.id})" for a in gone[:5])
    assert str(exc.value) == f"article {listed} is no longer in the library"
    assert lib.rename_tag("消防", "消防").message == "merge tags into 消防"


def test_doc_freq_of_words_the_index_cannot_hold_is_zero(lib):
    """Punctuation and single characters count 0 (the index has no such token); the words
    after them are still counted."""
    page = small_page(["水渠修好了，劳模工匠来验收。", "水渠很长。"])
    lib.save_page(page)
    assert lib.doc_freq(["，", "水", "劳模工匠", "水渠"]) == {"，": 0, "水": 0, "劳模工匠": 1,
                                                            "水渠": 2}


def test_suggestions_offer_ten_keywords_unless_asked(lib, sample_page):
    lib.save_page(sample_page)
    a = sample_page.articles[0]  # the long lighting article: many keywords to choose from
    keywords = lambda got: [s for s in got if s.kind == "keyword"]  # noqa: E731
    assert len(keywords(lib.suggest_tags(a.id))) == 10
    assert len(keywords(lib.suggest_for(a))) == 10
    assert len(keywords(lib.suggest_tags(a.id, top=3))) == 3


def test_saving_an_editors_copy_keeps_tags_added_meanwhile_elsewhere(tmp_path, sample_page):
    """An editor's copy holds the tags of when it was loaded; the command line tags the
    article meanwhile. Saving writes what the editor changed on top: the other tag stays,
    the editor's addition and removal apply, and the copy shows the result."""
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        art = sample_page.articles[0]
        art.tags = ["劳模", "工会"]
        lib.save_page(sample_page)
        mine = lib.load_page(sample_page.id)
        base = {a.id: list(a.tags) for a in mine.articles}
        lib.set_tags([art.id], add=["应急"])  # meanwhile, elsewhere
        mine.articles[0].tags = ["劳模", "培训"]  # the editor drops 工会, adds 培训
        lib.save_page(mine, base_tags=base)
        assert lib.load_page(sample_page.id).articles[0].tags == ["劳模", "应急", "培训"]
        assert mine.articles[0].tags == ["劳模", "应急", "培训"]
        assert [h.article_id for h in lib.search("tag:应急")] == [art.id]


def test_a_save_on_a_stale_revision_is_a_conflict_only_when_the_text_changed(tmp_path,
                                                                           sample_page):
    """An editor's copy at revision 1. Tags added elsewhere (revision 2) are no conflict;
    a text saved elsewhere (revision 3) is, named with its time; saving without a base
    supersedes it and keeps it in the history."""
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        lib.save_page(sample_page)
        mine = lib.load_page(sample_page.id)
        assert lib.current_revision(sample_page.id) == 1
        lib.set_tags([mine.articles[0].id], add=["应急"])  # revision 2: tags only
        mine.articles[1].notes_text = "编辑甲的批注"
        assert lib.save_page(mine, base_revision=1, base_tags={}) == 3
        theirs = lib.load_page(sample_page.id)
        theirs.articles[2].notes_text = "编辑乙的批注"
        lib.save_page(theirs)  # revision 4, another text
        mine.articles[1].notes_text = "编辑甲改过的批注"
        with pytest.raises(LibraryError) as exc:
            lib.save_page(mine, base_revision=3)
        assert exc.value.code == "conflict" and "revision 4" in str(exc.value)
        assert lib.current_revision(sample_page.id) == 4
        assert lib.save_page(mine) == 5
        assert [r["revision"] for r in lib.revisions(sample_page.id)] == [1, 2, 3, 4, 5]
        assert lib.load_page(sample_page.id, 4).articles[2].notes_text == "编辑乙的批注"
