"""Chinese full-text search: tokens, ranking, phrases, filters, hostile queries."""

from __future__ import annotations

import re

import pytest

from editor.core.model import Article, Block, Page, PageMeta, Person
from editor.storage.query import Filters, QueryError, date_range, normalise_date, parse
from editor.storage.search import (
    _fts_quote,
    article_texts,
    full_text,
    make_snippet,
    source_hash,
    term_expr,
    tokenize,
)


def search_text(article) -> str:
    return full_text(article_texts(article))[0]


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
    training, yangjiang = _scan(sample_page.articles, "培训"), _scan(sample_page.articles, "阳江")
    assert {h.article_id for h in lib.search("培训")} == training
    assert {h.article_id for h in lib.search("培训 -阳江")} == training - yangjiang
    assert training & yangjiang and training - yangjiang  # the exclusion removes some, not all
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


def _syntax_page():
    """Articles whose text holds what FTS5 and SQL would read as syntax, as plain words."""
    return _page(("符号一", "公式 NEAR(工会 培训) 与 AND、OR、NOT 都是普通文字。"),
                 ("符号二", "通配符 工* 和 ^工会 以及 col:工会、title : x、a:b 照常出现，"
                            "tag: 与 person: 也是。"),
                 ("符号三", "注入 '; DROP TABLE pages; -- 和 <script>alert(1)</script> 只是文字。"),
                 ("符号四", "括号 ( ) {} 「」 “ 引号 \\ 反斜杠 50% 与 a_b 下划线 🙂 表情。"),
                 ("符号五", "控制字符 \x1b[31m 红色，工会\x00培训 带零字符。"))


def _scan(articles, query: str) -> set[str]:
    """The articles a plain scan of the real text finds: every word, no excluded word."""
    q = parse(query)
    if not q.terms and not q.exclude:
        # a query of filters only (`-tag:x`) may find any article: filters only narrow
        return set() if q.filters == Filters() else {a.id for a in articles}
    out = set()
    for a in articles:
        text = search_text(a).lower()
        if all(t.lower() in text for t in q.terms) and not any(
                x.lower() in text for x in q.exclude):
            out.add(a.id)
    return out


# (query, how many articles of the sample page plus _syntax_page() have it as text)
@pytest.mark.parametrize("query, found", [
    ('"', 0), ('"""', 0), ("工会\"", 8), ("*", 1), ("工*", 1), ("NEAR(工会 培训)", 1),
    ("AND", 1), ("OR 工会", 1), ("NOT", 1), ("^工会", 1), ("工会 AND OR NOT", 1), ("(", 3),
    (")", 3), ("{}", 1), (":", 1), ("-", 0), ("--", 9), ("tag:", 1), ("person:", 1),
    ("a:b", 1), ("'; DROP TABLE pages; --", 0), ("<script>alert(1)</script>", 1), ("\x00", 1),
    ("\x1b[31m", 1), ("工会\x00培训", 1), ("col:工会", 1), ("title : x", 1), ("「」", 0),
    ("“", 0), ("工会 \u3000 培训", 5), ("-工会", 2), ("- 工会", 8), ("\\", 1), ("%", 2),
    ("_", 1), ("🙂", 1),
])
def test_malformed_queries_find_their_words_as_plain_text(lib, sample_page, query, found):
    """Operators, quotes, SQL and control characters never reach SQLite as syntax: each
    query finds exactly the articles whose text has its words (and not its -words)."""
    syntax = _syntax_page()
    lib.save_page(sample_page)
    lib.save_page(syntax)
    hits = lib.search(query, limit=None)
    expected = _scan(sample_page.articles + syntax.articles, query)
    assert {h.article_id for h in hits} == expected
    assert len(hits) == len(expected) == found


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
    # only the first colon ends the key; the value keeps its own colons as typed
    assert parse("tag:时间:2025").filters.tags == ["时间:2025"]
    assert parse("tag：甲：乙：丙").filters.tags == ["甲：乙：丙"]
    assert parse("").empty and parse(None).empty


def test_query_quotes_phrases_and_prefixes():
    """Straight, curly and corner quotes make phrases (kept as typed); a word glued to a
    quote stays a word; a stray closing quote is dropped; a prefix before a quote applies."""
    assert parse('“全媒体 记者”').terms == ["全媒体 记者"]
    assert parse("「工会 培训」 劳模").terms == ["工会 培训", "劳模"]
    assert parse('" 工会 "').terms == [" 工会 "]  # a phrase is found as written
    assert parse('abc"def"').terms == ["abc", "def"]
    assert parse("”工会").terms == ["工会"]
    assert parse("”工会 培训”").terms == ["工会", "培训"]  # a closing quote never opens one
    assert parse('-" 工会 "').exclude == [" 工会 "]  # an excluded phrase is kept as typed too
    assert parse('""').empty and parse(" \u3000 ").empty and parse("- -").empty
    assert parse('" " 工会 "　" 劳模').terms == ["工会", "劳模"]  # a blank phrase is skipped
    assert parse('"-" 工会').terms == ["-", "工会"]  # a quoted dash is a word, not a prefix
    q = parse('-"a phrase" tag:"two words" -tag:"old tag" person："李 明"')
    assert q.exclude == ["a phrase"] and q.terms == []
    assert (q.filters.tags, q.filters.not_tags, q.filters.people) == (
        ["two words"], ["old tag"], ["李 明"])
    assert parse("a\u3000b\tc").terms == ["a", "b", "c"]
    assert parse('"工会"培训 “劳模”x').terms == ["工会", "培训", "劳模", "x"]


def test_query_filter_keys_ignore_case_and_accept_full_width_colons():
    q = parse("TAG:劳模 Person：李明 -Tag:旧 -PERSON:王五 SECTION:要闻 Paper:工人日报")
    f = q.filters
    assert (f.tags, f.people, f.not_tags, f.not_people) == (["劳模"], ["李明"], ["旧"], ["王五"])
    assert (f.section, f.paper) == ("要闻", "工人日报")
    assert not q.terms and not q.exclude and not q.empty
    assert parse("x:y tag: 工会").terms == ["x:y", "tag:", "工会"]  # not filters: plain words
    for negated in ("-section:要闻", "-paper:x", "-date:2025"):
        with pytest.raises(QueryError, match="not supported"):
            parse(negated)


def test_query_dates_and_ranges():
    """A partial date as an upper bound covers its whole month or year; either end of a
    range may be open; one-digit months and days are padded."""
    assert date_range("2025") == ("2025", "2025-99-99")
    assert date_range("2025-4") == ("2025-04", "2025-04-99")
    assert date_range("2025-4-1") == ("2025-04-01", "2025-04-01")
    assert date_range("..2025-03") == (None, "2025-03-99")
    assert date_range("2025-04..") == ("2025-04", None)
    assert date_range(" 2024-12 .. 2025-1-9 ") == ("2024-12", "2025-01-09")
    with pytest.raises(QueryError, match="^'2025..2026' is not a date"):
        date_range("2024..2025..2026")  # the first .. splits; the rest is a bad end
    for bad in ("April", "2025-", "2025-123", "25-04", "2025/04", "2025-04-01-02"):
        with pytest.raises(QueryError, match=f"'{re.escape(bad)}' is not a date"):
            normalise_date(bad)


def test_date_filters_bound_the_page_date(lib):
    pages = [_page((f"第{d}天", f"今天是{d}日，水渠修好了。")) for d in (1, 15, 30)]
    for page, day in zip(pages, ("2025-04-01", "2025-04-15", "2025-04-30"), strict=True):
        page.meta.date = day
        lib.save_page(page)
    found = lambda q: sorted(h.headline for h in lib.search(q))  # noqa: E731
    assert found("水渠 date:2025-04-15") == ["第15天"]
    assert found("水渠 date:2025-04-15..") == ["第15天", "第30天"]
    assert found("水渠 date:..2025-04-15") == ["第15天", "第1天"]
    assert found("date:2025-4") == ["第15天", "第1天", "第30天"]
    assert found("date:2025-03") == []


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
        hits = lib.search(query, limit=None)
    except QueryError as exc:
        assert "date" in str(exc) or "not supported" in str(exc)
    else:
        # Every hit has every word as typed and no excluded word (filters only narrow);
        # FTS may miss a word jieba cuts differently, so this is not an equality.
        ids = [h.article_id for h in hits]
        assert len(ids) == len(set(ids))
        assert set(ids) <= _scan(sample_page.articles, query)
        if parse(query).filters == Filters() and not parse(query).terms:
            assert set(ids) == _scan(sample_page.articles, query)  # exclusions: a plain scan


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


def test_one_token_words_are_and_ed_in_the_index_itself(lib):
    """Words that are one token each are not checked in the text afterwards, so the FTS
    query must AND them: with OR, `水渠 山脚` would find every article with either word."""
    pages = _saved_one_by_one(lib, WATER + ["山脚下有一片竹林。"])
    by_body = {p.articles[0].blocks[1].text: p.articles[0].id for p in pages}
    both = by_body["村里的水渠很长很长，一直通到山脚下的田里。"]
    assert term_expr("水渠") == ('"水渠"', False) and term_expr("山脚")[1] is False
    assert [h.article_id for h in lib.search("水渠 山脚")] == [both]
    assert [h.article_id for h in lib.search("山脚 水渠")] == [both]
    assert [h.article_id for h in lib.search("竹林 山脚")] == [by_body["山脚下有一片竹林。"]]
    assert lib.search("水渠 竹林") == []


def _fts_matches(lib, expr: str) -> set[str]:
    """Article ids whose indexed tokens match an FTS5 expression, before any text check."""
    return {aid for (aid,) in lib.conn.execute(
        "SELECT a.id FROM article_tokens_fts f JOIN articles a ON a.rid = f.rowid "
        "WHERE article_tokens_fts MATCH ?", [expr])}


def test_a_word_jieba_cuts_in_two_needs_both_tokens_in_the_index(lib):
    """劳模工匠 is 劳模 + 工匠: the index narrows to articles holding both tokens, and the
    text check then keeps the one where they stand together."""
    page = _page(("其一", "劳模事迹报告会。"), ("其二", "工匠精神代代传。"),
                 ("其三", "工匠们说，劳模就在身边。"), ("其四", "劳模工匠助企行。"))
    lib.save_page(page)
    only_laomo, only_gongjiang, apart, together = (a.id for a in page.articles)
    expr, confirm = term_expr("劳模工匠")
    assert confirm
    assert _fts_matches(lib, expr) == {apart, together}
    assert [h.article_id for h in lib.search("劳模工匠")] == [together]
    assert {h.article_id for h in lib.search("劳模 工匠")} == {apart, together}
    assert {h.article_id for h in lib.search("劳模")} == {only_laomo, apart, together}
    assert {h.article_id for h in lib.search("工匠 -劳模")} == {only_gongjiang}


def test_a_word_whose_two_cuts_differ_matches_either_cut(lib):
    """全媒体记者: the index holds either the whole word or its parts (媒体, 记者), depending
    on how jieba cut the article; either is a candidate, and only the real text decides."""
    expr, confirm = term_expr("全媒体记者")
    assert confirm and " OR " in expr
    page = _page(("其一", "全媒体记者黄细英报道。"), ("其二", "媒体记者到场采访。"),
                 ("其三", "记者来自全国各家媒体。"), ("其四", "全体职工参加。"))
    lib.save_page(page)
    whole, parts, apart, _none = (a.id for a in page.articles)
    assert _fts_matches(lib, expr) == {whole, parts, apart}
    assert [h.article_id for h in lib.search("全媒体记者")] == [whole]


# -- snippets ----------------------------------------------------------------------------


def test_snippet_is_a_window_around_the_first_hit_in_the_body():
    """30 characters before the first body hit, 60 from it, marked … where text was cut;
    an earlier hit in the title or a later one in the body does not move it."""
    body = "甲" * 40 + "水渠" + "乙" * 70 + "水渠" + "丙" * 10
    text = "标题里有水渠\n" + body
    assert make_snippet(text, ["水渠"], body_at=7) == "…" + "甲" * 30 + "水渠" + "乙" * 58 + "…"


def test_snippet_of_a_hit_at_the_body_start_leaves_the_titles_out():
    assert make_snippet("水渠通了\n水渠修好了。", ["水渠"], body_at=5) == "…水渠修好了。"
    assert make_snippet("乙" + "甲" * 30 + "水渠", ["水渠"]) == "…" + "甲" * 30 + "水渠"
    # without a body offset the whole text is the body: the very first hit counts
    assert make_snippet("水渠" + "甲" * 100 + "水渠", ["水渠"]) == "水渠" + "甲" * 58 + "…"


def test_snippet_of_a_hit_only_in_the_title_starts_at_the_text_start():
    """Line ends become spaces, \\r\\n two of them; no … where nothing was cut."""
    snippet = make_snippet("水渠通了\n村里的路修好了。", ["水渠"], body_at=5)
    assert snippet == "水渠通了 村里的路修好了。"
    assert make_snippet("水渠通了\r\n村里的路。", ["水渠"], body_at=6) == "水渠通了  村里的路。"


def test_snippet_without_a_hit_shows_the_body_or_else_the_start():
    assert make_snippet("标题\n正文第一句。", ["没有"], body_at=3) == "…正文第一句。"
    assert make_snippet("只有标题", ["没有"], body_at=4) == "只有标题"
    assert make_snippet("标" * 70, ["没有"], body_at=70) == "标" * 60 + "…"


def test_snippet_finds_words_in_any_letter_case():
    text = "甲" * 50 + "AI赋能"
    assert make_snippet(text, ["ai"]) == "…" + "甲" * 30 + "AI赋能"
    assert make_snippet(text, ["Ai"]) == "…" + "甲" * 30 + "AI赋能"


def test_exclusions_ignore_letter_case(lib):
    page = _page(("其一", "AI办公培训班开课。"), ("其二", "电脑培训班开课。"))
    lib.save_page(page)
    assert [h.headline for h in lib.search("培训班 -ai")] == ["其二"]
    assert [h.headline for h in lib.search("培训班 -Ai")] == ["其二"]
    assert {h.headline for h in lib.search("ai")} == {"其一"}


def test_tag_and_page_filters_together_keep_only_articles_passing_both(lib):
    """A tag (an article list) and a section (a page condition) in one query both apply."""
    farm, town = (_page(("水渠通了", "村里的水渠修好了。"), ("水渠清淤", "镇上的水渠清理了。"))
                  for _ in range(2))
    farm.meta.section, town.meta.section = "农村", "城镇"
    lib.save_page(farm)
    lib.save_page(town)
    lib.set_tags([farm.articles[0].id, town.articles[0].id], add=["水利"])
    assert [h.article_id for h in lib.search("水渠 tag:水利 section:农村")] == [
        farm.articles[0].id]
    assert [h.article_id for h in lib.search("tag:水利 section:城镇")] == [town.articles[0].id]
    assert {h.article_id for h in lib.search("水渠 section:城镇 -tag:水利")} == {
        town.articles[1].id}


# -- what is indexed, and what a hit carries ---------------------------------------------


def test_article_texts_splits_titles_people_and_body():
    """Titles; then dateline, byline, byline/dateline blocks and names, each once; then
    everything else — each part one line per piece."""
    a = Article(blocks=[Block("kicker", [1], "引题"), Block("headline", [2], "主题"),
                        Block("subheadline", [3], "副题"), Block("dateline", [4], "新华社电"),
                        Block("byline", [5], "记者 张三"), Block("paragraph", [6], "第一段。"),
                        Block("caption", [7], "图片说明"), Block("paragraph", [8], "第二段。")],
                dateline="本报讯", byline="记者 张三 李四",
                people=[Person("张三", "reporter"), Person("李四", "reporter"),
                        Person("张三", "author")])
    people = "本报讯\n记者 张三 李四\n新华社电\n记者 张三\n张三\n李四"
    assert article_texts(a) == ("引题\n主题\n副题", people, "第一段。\n图片说明\n第二段。")
    assert full_text(article_texts(a)) == (
        "引题\n主题\n副题\n" + people + "\n第一段。\n图片说明\n第二段。",
        len("引题\n主题\n副题\n" + people + "\n"))
    bare = Article(blocks=[Block("paragraph", [1], "只有正文。")])
    assert article_texts(bare) == ("", "", "只有正文。") and full_text(article_texts(bare)) == (
        "只有正文。", 0)
    titled = Article(blocks=[Block("headline", [1], "只有标题")])
    assert full_text(article_texts(titled)) == ("只有标题", 4)


def test_fts_quote_doubles_quotes_inside_a_token():
    """The one escape FTS5 strings need; a token with a quote must still match itself."""
    assert _fts_quote('引"号') == '"引""号"' and _fts_quote("工会") == '"工会"'


def test_excluded_people_and_tags_filter_search(lib):
    page = _page(("水渠通了", "村里的水渠修好了。"), ("水渠清淤", "镇上的水渠清理了。"),
                 ("水渠验收", "水渠验收合格。"))
    page.articles[0].people = [Person("马驰", "reporter")]
    page.articles[1].people = [Person("叶帆", "reporter")]
    lib.save_page(page)
    lib.set_tags([page.articles[1].id], add=["清淤"])
    found = lambda q: sorted(h.headline for h in lib.search(q))  # noqa: E731
    assert found("水渠 -person:马驰") == ["水渠清淤", "水渠验收"]
    assert found("-person:马驰 -person:叶帆") == ["水渠验收"]
    assert found("-tag:清淤 -person:马驰") == ["水渠验收"]
    assert found("person:叶帆 -tag:清淤") == []


def test_hits_carry_page_facts_and_a_body_snippet(lib):
    """Each hit names its page's date, section and number; its snippet is cut around the
    first hit in the body, even when the title has the word too."""
    body = "甲" * 40 + "水渠" + "乙" * 70 + "水渠"
    page = _page(("水渠通了", body))
    untitled = "水渠" + "丙" * 100 + "水渠在这里"
    page.articles.append(Article(blocks=[Block("paragraph", [], untitled)]))
    page.meta = PageMeta(paper="农民报", date="2025-04-14", section="农村", number="3")
    lib.save_page(page)
    hits = lib.search("水渠")
    assert [(h.date, h.section, h.number) for h in hits] == [("2025-04-14", "农村", "3")] * 2
    by_title = {h.headline: h for h in hits}
    assert by_title["水渠通了"].snippet == "…" + "甲" * 30 + "水渠" + "乙" * 58 + "…"
    assert by_title[None].snippet == "水渠" + "丙" * 58 + "…"  # all body: its very start


def test_filter_only_search_scores_zero_and_lists_every_article_once(lib):
    """More hits than one batch of ids read back (500): every one comes back, once, in
    page order; without words to rank there is no score (0.0, never -0.0)."""
    page = Page(raw="")
    page.articles = [
        Article(blocks=[Block("paragraph", [], f"第{i}号水渠。")]) for i in range(1001)
    ]
    page.meta.section = "水利"
    lib.save_page(page)
    hits = lib.search("section:水利", limit=None)
    assert [h.article_id for h in hits] == [a.id for a in page.articles]
    assert {str(h.score) for h in hits} == {"0.0"}
    assert len({h.article_id for h in lib.search("水渠", limit=None)}) == 1001


def test_tokens_are_jieba_words_without_punctuation():
    assert tokenize("村里的水渠，修好了！AI 技术") == "村里 的 水渠 修好 了 AI 技术"
    assert tokenize("") == "" and tokenize("，。！") == ""


def test_source_hash_tells_parts_apart_and_takes_any_text():
    """The hash that decides whether stored tokens can be reused: it changes when text
    moves between parts, and a lone surrogate (which JSON can carry) does not break it."""
    assert source_hash(("ab", "c", "")) != source_hash(("a", "bc", ""))
    assert source_hash(("a", "", "")) != source_hash(("", "a", ""))
    assert re.fullmatch("[0-9a-f]{40}", source_hash(("坏\ud800字", "", "")))


def test_a_word_given_many_times_is_searched_once(lib, sample_page):
    """`劳模` typed three times is one word (issue 16, defect 3: repeated terms took minutes)."""
    assert parse("劳模 劳模  劳模 tag:x tag:x").terms == ["劳模"]
    assert parse("劳模 tag:x tag:x").filters.tags == ["x"]
    assert [h.article_id for h in lib.search("劳模 劳模 劳模")] == [
        h.article_id for h in lib.search("劳模")]


@pytest.mark.parametrize("query, says", [
    ("劳模 " * 5000, "too long"),
    ("字" * 100_000, "too long"),
    (" ".join(f"词{i}" for i in range(40)), "too many words"),
    (" ".join(f"tag:标签{i}" for i in range(300)), "too long"),
    (" ".join(f"tag:t{i}" for i in range(33)), "too many words"),
])
def test_queries_no_person_types_are_refused_with_a_reason(lib, query, says):
    with pytest.raises(QueryError, match=says):
        lib.search(query)
