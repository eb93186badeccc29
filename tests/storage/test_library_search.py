"""Chinese full-text search: tokens, ranking, phrases, filters, hostile queries."""

from __future__ import annotations

import pytest

from editor.core.model import Article, Block, Page, Person
from editor.storage.query import QueryError, parse


def _lighting(page):
    return next(a for a in page.articles if a.headline == "中国灯饰照明之都的追光者")


def test_search_gonghui_finds_all_five_articles(lib, sample_page):
    """A 2-character word (which trigram could not find) finds every article that has it."""
    lib.save_page(sample_page)
    hits = lib.search("工会")
    assert {h.article_id for h in hits} == {a.id for a in sample_page.articles}
    for h in hits:
        assert "工会" in h.snippet and h.terms == ["工会"]
        assert h.page_id == sample_page.id and h.section == "广东纪事" and h.number == "13"


def test_search_laomo_gongjiang_finds_the_lighting_article_with_a_snippet(lib, sample_page):
    """劳模工匠 is split by jieba and across raw lines, yet found with a real-text snippet."""
    lib.save_page(sample_page)
    hits = lib.search("劳模工匠")
    lighting = _lighting(sample_page)
    assert [h.article_id for h in hits] == [lighting.id]
    assert hits[0].headline == lighting.headline
    # The snippet is the article's own text (the token column would read "劳模 工匠 助企 行").
    assert "劳模工匠助企行" in hits[0].snippet


def test_search_confirms_multi_token_words_in_the_real_text(lib, sample_page):
    """Both tokens anywhere in an article are not enough: the word must appear as typed."""
    lib.save_page(sample_page)
    assert lib.search("工匠劳模") == []
    assert lib.search('"劳模工匠"')[0].article_id == _lighting(sample_page).id


def _page(*articles):
    lines, arts = [], []
    for title, body in articles:
        a = Article()
        for role, text in (("headline", title), ("paragraph", body)):
            lines.append(text)
            a.blocks.append(Block(role, [len(lines)], text))
        arts.append(a)
    return Page(raw="\n".join(lines) + "\n", articles=arts)


def test_headline_hit_ranks_above_body_hit(lib):
    page = _page(("春耕时节话农事", "村里的水渠修好了，大家都很高兴。今年的雨水也不少。"),
                 ("水渠通了", "春耕开始以前，全村一起动手把渠道清理了一遍。"))
    lib.save_page(page)
    hits = lib.search("水渠")
    assert [h.headline for h in hits] == ["水渠通了", "春耕时节话农事"]
    assert hits[0].score > hits[1].score


def test_words_phrases_exclusions_and_filters(lib, sample_page):
    sample_page.meta.date = "2025-04-14"
    lib.save_page(sample_page)
    by_person = {h.article_id for h in lib.search("person:誉建业")}
    assert len(by_person) == 3
    assert {h.article_id for h in lib.search("工会 person:誉建业")} == by_person
    assert len(lib.search("培训")) > len(lib.search("培训 -阳江"))
    assert all("阳江" not in h.snippet for h in lib.search("培训 -阳江"))
    assert len(lib.search("工会 date:2025-04")) == 5
    assert lib.search("工会 date:2025-05-01..2025-05-31") == []
    assert len(lib.search("section:广东纪事 工会")) == 5
    assert lib.search("section:要闻 工会") == []
    assert lib.search("工会 paper:人民日报") == []
    assert [h.headline for h in lib.search("誉建业 湛江")] == ["开展产改课程进党校活动"]
    assert len(lib.search("工会", limit=2)) == 2
    assert len(lib.search("工会", limit=10, offset=4)) == 1


def test_people_and_single_characters_are_searchable(lib):
    page = _page(("马驰谈设计", "记者采访了设计师。"), ("另一篇", "内容与人无关。"))
    page.articles[0].people = [Person("马驰", "reporter")]
    lib.save_page(page)
    assert [h.headline for h in lib.search("马驰")] == ["马驰谈设计"]
    assert [h.headline for h in lib.search("师")] == ["马驰谈设计"]


@pytest.mark.parametrize("query", [
    '"', '"""', "工会\"", "*", "工*", "NEAR(工会 培训)", "AND", "OR 工会", "NOT", "^工会",
    "工会 AND OR NOT", "(", ")", "{}", ":", "-", "--", "tag:", "person:", "a:b",
    "'; DROP TABLE pages; --",
    "<script>alert(1)</script>", "\x00", "\x1b[31m", "工会\x00培训", "col:工会", "title : x",
    "「」", "“", "工会 \u3000 培训", "-工会", "- 工会", "\\", "%", "_", "🙂",
])
def test_malformed_queries_never_raise_from_sqlite(lib, sample_page, query):
    lib.save_page(sample_page)
    hits = lib.search(query)
    assert isinstance(hits, list)


def test_bad_filter_values_are_refused_clearly(lib):
    with pytest.raises(QueryError, match="not a date"):
        lib.search("date:April")
    with pytest.raises(ValueError):
        lib.search("工会 date:2025-13-99..x")


def test_query_parser_reads_the_documented_syntax():
    q = parse('工会 "全媒体记者 黄细英" -培训 tag:劳模 person:誉建业 section:广东纪事 '
              'paper:工人日报 date:2025-04')
    assert q.terms == ["工会", "全媒体记者 黄细英"]
    assert q.exclude == ["培训"]
    f = q.filters
    assert (f.tags, f.people, f.section, f.paper) == (["劳模"], ["誉建业"], "广东纪事", "工人日报")
    assert (f.date_from, f.date_to) == ("2025-04", "2025-04-99")
    assert parse("date:2025-04-01..2025-04-30").filters.date_to == "2025-04-30"
    assert parse('"unbalanced phrase').terms == ["unbalanced", "phrase"]
    assert parse("tag：劳模").filters.tags == ["劳模"]


def test_reindex_rebuilds_tokens_from_the_stored_pages(lib, sample_page):
    """After the index is damaged or the dictionary changes, reindex makes search whole again."""
    lib.save_page(sample_page)
    lib.conn.execute("UPDATE article_tokens SET titles = '', people = '', body = ''")
    assert lib.search("工会") == []
    assert lib.reindex() == 5
    assert len(lib.search("工会")) == 5


def test_reindex_reports_its_progress_page_by_page(lib, sample_page):
    lib.save_page(sample_page)
    lib.save_page(_page(("水渠通了", "村里的水渠修好了。")))
    seen = []
    assert lib.reindex(lambda done, total: seen.append((done, total))) == 6
    assert seen == [(1, 2), (2, 2)]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_pieces = st.sampled_from(['"', "'", "*", "-", ":", "(", ")", "NEAR", "AND", "OR", "NOT", "^",
                           "tag:", "date:", "person:", "工会", "培训", " ", "\u3000", "“", "”",
                           "\x00", "{", "}", "+", "劳模工匠", "col:x", "..", "2025-04"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(_pieces | st.text(max_size=4), max_size=8).map("".join))
def test_any_query_gives_hits_or_a_clear_query_error(lib, sample_page, query):
    if not lib.list_pages():
        lib.save_page(sample_page)
    try:
        hits = lib.search(query)
    except QueryError as exc:
        assert "date" in str(exc) or "not supported" in str(exc)
    else:
        assert all(h.article_id for h in hits)


def _saved_one_by_one(lib, bodies):
    """One page per body, saved in order (later pages are the newer matches)."""
    pages = []
    for i, body in enumerate(bodies):
        page = _page((f"第{i}篇", body))
        lib.save_page(page)
        pages.append(page)
    return pages


WATER = ["水渠修好了。", "水渠水渠都通了。", "今天没有提到它。", "说到水渠，水渠，还是水渠。",
         "水渠旁边种了树。", "村里的水渠很长很长，一直通到山脚下的田里。", "水渠", "新水渠。",
         "老水渠水渠。"]


def test_common_words_rank_their_newest_matches_window_by_window(lib, monkeypatch):
    from editor.storage import search
    pages = _saved_one_by_one(lib, WATER)
    matching = [p.articles[0].id for p in pages if "水渠" in p.articles[0].blocks[1].text]
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    hits = lib.search("水渠", limit=None)
    # every match once, the newest three first, each window ranked best first
    assert sorted(h.article_id for h in hits) == sorted(matching)
    assert len(hits) == len(set(h.article_id for h in hits))
    for window in range(0, len(hits), 3):
        part = hits[window:window + 3]
        assert [h.score for h in part] == sorted((h.score for h in part), reverse=True)
        assert {h.article_id for h in part} == set(matching[::-1][window:window + 3])
    assert all(h.ranked_among == 3 for h in hits)
    # pages of results continue where the previous page stopped
    paged = [h.article_id for k in range(0, 9, 2) for h in lib.search("水渠", limit=2, offset=k)]
    assert paged == [h.article_id for h in hits]
    # a rare word (matches ≤ one window) is ranked over all its matches
    assert all(h.ranked_among is None for h in lib.search("山脚"))


def test_a_window_that_holds_every_match_ranks_them_all_together(lib, monkeypatch):
    from editor.storage import search
    _saved_one_by_one(lib, WATER)
    monkeypatch.setattr(search, "RANK_WINDOW", 8)  # exactly the number of matches
    hits = lib.search("水渠", limit=None)
    assert len(hits) == 8 and all(h.ranked_among is None for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    monkeypatch.setattr(search, "RANK_WINDOW", 7)
    assert all(h.ranked_among == 7 for h in lib.search("水渠", limit=None))


def test_filters_apply_inside_each_window(lib, monkeypatch):
    from editor.storage import search
    pages = _saved_one_by_one(lib, WATER)
    ids = [p.articles[0].id for p in pages]
    pages[1].articles[0].people = [Person("马驰", "reporter")]
    lib.save_page(pages[1])
    lib.set_tags(ids[:5], add=["水利"])
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    matching = [p.articles[0].id for p in pages if "水渠" in p.articles[0].blocks[1].text]
    tagged = set(matching) & set(ids[:5])
    assert {h.article_id for h in lib.search("水渠 tag:水利", limit=None)} == tagged
    assert len(lib.search("水渠 tag:水利", limit=None)) == len(tagged)
    assert [h.article_id for h in lib.search("水渠 tag:水利 person:马驰")] == [ids[1]]
    untagged = {h.article_id for h in lib.search("水渠 -tag:水利", limit=None)}
    assert untagged == set(matching) - tagged
    assert len(matching) == 8 and len(tagged) == 4
