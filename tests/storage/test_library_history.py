"""Revision diffs: every change a desk editor makes shows up in the page's history."""

from __future__ import annotations

import copy

import pytest

from editor.core.model import Article, Block, Page, PageMeta, Person
from editor.storage.history import diff_pages, summarise
from tests.storage.conftest import drop_articles


def _article(headline: str | None, *paragraphs: str, first_line: int = 1) -> Article:
    blocks = [Block("headline", [first_line], headline)] if headline else []
    for k, text in enumerate(paragraphs, len(blocks)):
        blocks.append(Block("paragraph", [first_line + k], text))
    return Article(blocks=blocks)


def _page() -> Page:
    """Three articles of our own sentences, on lines 1–3, 4–6 and 7–8."""
    page = Page(raw="".join(f"第{i}行\n" for i in range(1, 9)))
    page.articles = [
        _article("水渠通了", "村里的水渠修好了。", "大家都很高兴。", first_line=1),
        _article("春耕开始", "全村一起清理渠道。", "今年雨水不少。", first_line=4),
        _article("夜校开课", "工人们晚上来上课。", first_line=7),
    ]
    return page


@pytest.fixture
def before() -> Page:
    return _page()


@pytest.fixture
def after(before) -> Page:
    return copy.deepcopy(before)


def test_the_same_page_has_no_changes(before, after):
    assert diff_pages(before, after) == []
    assert summarise(diff_pages(before, after)) == "no changes"


def test_a_removed_article_is_listed(before, after):
    """Removing an article (its lines going to unassigned) is never 'no changes'."""
    gone = after.articles.pop(1)
    after.unassigned.append(Block("unassigned", gone.lines, "春耕开始"))
    assert diff_pages(before, after) == [
        "article removed: “春耕开始”",
        "unassigned lines: 0 → 1 blocks",
    ]
    assert summarise(diff_pages(before, after)) == "article removed: “春耕开始” (+1 more)"


def test_an_added_article_is_listed_by_headline_body_or_id(before, after):
    after.articles.append(_article("新闻一则", "第一段。"))
    untitled = "没有标题的文章正文比二十四个字还要长得多的一段话，后面省略。"
    after.articles.append(_article(None, untitled))
    empty = Article()
    after.articles.append(empty)
    assert diff_pages(before, after) == [
        "article added: “新闻一则”",
        "article added: “没有标题的文章正文比二十四个字还要长得多的一段话…”",
        f"article added: article {empty.id}",
    ]
    # and the other way round they are removed, in the same order
    assert diff_pages(after, before) == [
        "article removed: “新闻一则”",
        "article removed: “没有标题的文章正文比二十四个字还要长得多的一段话…”",
        f"article removed: article {empty.id}",
    ]


def test_added_and_removed_together_and_reordered(before, after):
    after.articles.reverse()
    assert diff_pages(before, after) == ["articles reordered"]
    after.articles.pop(0)  # 夜校开课 leaves; the other two stay reversed
    after.articles.insert(1, _article("新来的", "一段。"))
    assert diff_pages(before, after) == [
        "article added: “新来的”", "article removed: “夜校开课”", "articles reordered"]
    after.articles.reverse()  # 水渠通了, 新来的, 春耕开始: the kept two in their old order
    assert diff_pages(before, after) == ["article added: “新来的”", "article removed: “夜校开课”"]


def test_page_metadata_and_raw_text(before, after):
    before.meta = PageMeta(paper="工人日报", date=None, section="要闻", number="1")
    after.meta = PageMeta(paper="工人日报", date="2025-04-14", section=None, number="2")
    after.raw = before.raw + "第9行\n"
    assert diff_pages(before, after) == [
        "page date: — → 2025-04-14",
        "page section: 要闻 → —",
        "page number: 1 → 2",
        "raw text replaced",
    ]


def test_titles_bylines_people_tags_and_notes(before, after):
    a = after.articles[0]
    a.blocks[0].edited = "水渠全线贯通了，村民们从此不用再挑水浇地"
    a.blocks.insert(0, Block("kicker", [], "乡村振兴"))
    a.byline, a.dateline = "记者 张三", "本报讯"
    a.people = [Person("张三", "reporter"), Person("李四", "photographer")]
    a.tags = ["水利", "农村"]
    a.notes_text = "待核实"
    name = "“水渠全线贯通了，村民们从此不用再挑水浇地”"
    assert diff_pages(before, after) == [
        f"{name}: kicker “” → “乡村振兴”",
        f"{name}: headline “水渠通了” → “水渠全线贯通了，村民们从此不用再挑水浇地”",
        f"{name}: byline “” → “记者 张三”",
        f"{name}: dateline “” → “本报讯”",
        f"{name}: people → 张三(reporter)、李四(photographer)",
        f"{name}: tags +水利 +农村",
        f"{name}: notes changed",
        f"{name}: text edited “水渠通了” → “水渠全线贯通了，村民们从此不用再挑水浇地”",
    ]
    before2 = copy.deepcopy(after)
    a.people = []
    a.tags = ["农村", "水利"]
    assert diff_pages(before2, after) == [f"{name}: people → none", f"{name}: tags reordered"]
    a.tags = ["农村", "灌溉"]
    assert diff_pages(before2, after) == [f"{name}: people → none", f"{name}: tags +灌溉 -水利"]
    a.people = [Person("张三", "author"), Person("李四", "photographer")]  # a role changed
    assert diff_pages(before2, after)[0] == f"{name}: people → 张三(author)、李四(photographer)"


def test_long_and_multi_line_texts_are_shortened_to_one_line(before, after):
    long = "第一行很长很长很长很长很长很长\n第二行也很长很长很长很长很长"
    after.articles[2].blocks[1].edited = long
    shown = "第一行很长很长很长很长很长很长 第二行也很长很长"
    assert diff_pages(before, after) == [
        f"“夜校开课”: text edited “工人们晚上来上课。” → “{shown}…”"]
    after.articles[2].blocks[1].edited = long[:24]  # exactly 24 characters: shown whole
    assert diff_pages(before, after)[0].endswith(f"“{shown}”")
    after.articles[2].blocks[1].edited = long[:25]
    assert diff_pages(before, after)[0].endswith(f"“{shown}…”")


def test_blocks_retyped_edited_reordered_and_relined(before, after):
    blocks = after.articles[1].blocks
    blocks[1].role = "subhead"
    blocks[2].edited = "今年雨水很多。"
    assert diff_pages(before, after) == [
        "“春耕开始”: “全村一起清理渠道。” paragraph → subhead",
        "“春耕开始”: text edited “今年雨水不少。” → “今年雨水很多。”",
    ]
    after2 = copy.deepcopy(before)
    blocks = after2.articles[1].blocks
    blocks[1], blocks[2] = blocks[2], blocks[1]
    assert diff_pages(before, after2) == ["“春耕开始”: blocks reordered"]
    blocks[1], blocks[2] = blocks[2], blocks[1]
    blocks[2].lines = [6, 7]
    assert diff_pages(before, after2) == ["“春耕开始”: lines of “今年雨水不少。” changed"]
    blocks[2].edited = "今年雨水很多。"  # text and lines both changed: the text says more
    assert diff_pages(before, after2) == [
        "“春耕开始”: text edited “今年雨水不少。” → “今年雨水很多。”"]


def test_a_block_moved_between_articles(before, after):
    moved = after.articles[0].blocks.pop(2)
    after.articles[2].blocks.append(moved)
    assert diff_pages(before, after) == ["block moved from “水渠通了” to “夜校开课”"]
    # a block that left an article for the page's unassigned lines, and one that came back
    back = copy.deepcopy(after)
    back.unassigned.append(back.articles[2].blocks.pop())
    assert diff_pages(after, back) == [
        "block moved from “夜校开课” to page (unassigned/furniture)",
        "unassigned lines: 0 → 1 blocks",
    ]
    assert diff_pages(back, after) == [
        "block moved from page (unassigned/furniture) to “夜校开课”",
        "unassigned lines: 1 → 0 blocks",
    ]


def test_summaries_of_one_and_of_many_changes():
    assert summarise(["article removed: “x”"]) == "article removed: “x”"
    assert summarise(["a", "b"]) == "a (+1 more)"
    assert summarise(["a", "b", "c", "d"]) == "a (+3 more)"


def test_saving_a_page_without_an_article_records_the_removal(lib, before):
    """The revision list says what a save removed, and diff_revisions names it too."""
    lib.save_page(before)
    (gone,) = drop_articles(before, 0)
    lib.save_page(before)
    revs = lib.revisions(before.id)
    # (its lines go to unassigned, as the window removes an article)
    assert revs[1]["summary"] == "article removed: “水渠通了” (+1 more)"
    assert lib.diff_revisions(before.id, 1, 2) == [
        "article removed: “水渠通了”",
        "unassigned lines: 0 → 1 blocks",
    ]
    before.unassigned.pop()
    before.articles.insert(0, gone)
    lib.save_page(before)
    assert lib.revisions(before.id)[2]["summary"] == "article added: “水渠通了” (+1 more)"
    lib.save_page(before)
    assert lib.revisions(before.id)[3]["summary"] == "no changes"
