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
