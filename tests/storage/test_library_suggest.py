"""Tag suggestions from the library: its own document frequencies, names from the gold page,
and the user dictionary (set_user_dict, then reindex)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import tokens
from editor.core.model import PERSON_ROLE_KEYS
from editor.core.suggest import pos_words
from tests.storage.conftest import SAMPLE_GOLD
from tests.storage.test_library_tags import small_page


def _gold_people(article: dict) -> set[str]:
    return {n for key in PERSON_ROLE_KEYS.values() for n in article.get(key) or []}


def test_suggestions_name_the_gold_people_and_the_cities_in_the_titles(lib, sample_page):
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    lib.save_page(sample_page)
    cities = 0
    for a, ga in zip(sample_page.articles, gold["articles"], strict=True):
        got = lib.suggest_tags(a.id)
        people = {s.tag for s in got if s.kind == "person"}
        places = {s.tag for s in got if s.kind == "place"}
        assert _gold_people(ga) <= people
        titles = " ".join(x for x in (ga.get("kicker"), ga["headline"]) if x)
        for city in re.findall(r"[\u4e00-\u9fff]{2}市", titles):  # 某某市总工会 …
            assert city in places or city[:-1] in places
            cities += 1
        assert all(s.tag not in a.tags for s in got)
    assert cities >= 3  # the check above really ran


def test_tags_an_article_has_are_not_suggested(lib, sample_page):
    lib.save_page(sample_page)
    a = sample_page.articles[1]
    first = [s.tag for s in lib.suggest_tags(a.id)]
    lib.set_tags([a.id], add=first[:2])
    again = [s.tag for s in lib.suggest_tags(a.id)]
    assert not set(first[:2]) & set(again) and set(first[2:]) <= set(again)


def test_doc_freq_counts_articles_in_the_search_index(lib, sample_page):
    lib.save_page(sample_page)
    assert lib.article_count() == len(sample_page.articles)
    stored = [set(" ".join(r).lower().split()) for r in lib.conn.execute(
        "SELECT titles, people, body FROM article_tokens")]  # FTS folds ASCII case
    texts = [r[0] for r in lib.conn.execute("SELECT text FROM article_text")]
    words = sorted({w for a in sample_page.articles
                    for w, _f in pos_words("".join(b.display_text for b in a.blocks))
                    if len(w) >= 2})
    df = lib.doc_freq(words + ["AI", "不在库里的词"])
    assert df["不在库里的词"] == 0
    assert df["AI"] == sum("ai" in toks for toks in stored) > 0
    as_token = [w for w in words if any(w.lower() in toks for toks in stored)]
    other = [w for w in words if w not in as_token and re.fullmatch(r"\w+", w)]
    assert len(as_token) > 100 and other  # both ways of counting are exercised
    for w in as_token:
        assert df[w] == sum(w.lower() in toks for toks in stored), w
    for w in other:  # not a token anywhere: counted like a search, confirmed in the text
        assert df[w] <= sum(w in t for t in texts), w
    assert sum(df[w] for w in other) > 0


def _keywords(lib, article_id) -> list[str]:
    return [s.tag for s in lib.suggest_tags(article_id, top=20) if s.kind == "keyword"]


TARGET = ("渔港码头新建了冷库。冷库建成后，渔民的渔获可以及时保鲜，渔港的交易量明显增加。"
          "码头管理处表示，冷库由渔民合作社统一管理。冷库、冷库、冷库。")
TOPICS = ["港口", "粮食", "桥梁", "图书", "医院", "铁路", "森林", "渔船", "工厂", "学校"]


def _grow(lib, common: str, n: int) -> None:
    """Add a page of n articles of our own sentences, all using `common`."""
    lib.save_page(small_page([f"{common}的工作人员今天检查了{TOPICS[i % 10]}的情况。"
                              for i in range(n)]))


def test_library_idf_changes_rankings_as_the_library_grows(tmp_path):
    from editor.storage.library import Library

    rankings = {}
    for common in ("冷库", "仓库"):
        with Library.open(str(tmp_path / f"{common}.sqlite")) as lib:
            target = small_page([TARGET])
            lib.save_page(target)
            aid = target.articles[0].id
            alone = _keywords(lib, aid)
            assert alone[0] == "冷库"
            _grow(lib, common, 600)
            assert lib.doc_freq(["冷库"])["冷库"] == (601 if common == "冷库" else 1)
            rankings[common] = (alone, _keywords(lib, aid))
    alone, grown = rankings["冷库"]
    assert grown.index("冷库") > alone.index("冷库")  # a word every article uses sinks
    assert rankings["仓库"][1][0] == "冷库"  # a library that never uses it keeps it first


ROOT_DIR = Path(__file__).resolve().parents[2]
NEW_WORD = "翥澜站"  # jieba cuts it into single characters unless a dictionary knows it


@pytest.fixture
def own_dict(tmp_path):
    path = tmp_path / "mine.dict"
    path.write_text(f"{NEW_WORD} 2000 ns\n\n", encoding="utf-8")
    yield path
    tokens.set_user_dict(None)
    tokens.get_jieba().del_word(NEW_WORD)


def test_set_user_dict_then_reindex_makes_the_new_word_searchable(lib, own_dict):
    page = small_page([f"今天{NEW_WORD}正式启用，附近居民前来参观。", "码头今天照常开放。"])
    lib.save_page(page)
    assert NEW_WORD not in tokens.cut(f"今天{NEW_WORD}正式启用")
    assert tokens.set_user_dict(own_dict) == 1
    assert NEW_WORD in tokens.cut(f"今天{NEW_WORD}正式启用")
    assert lib.search(NEW_WORD) == []  # the index still holds the old cut …
    assert lib.reindex() == 2  # … until the user re-cuts it
    assert [h.article_id for h in lib.search(NEW_WORD)] == [page.articles[0].id]
    assert lib.doc_freq([NEW_WORD]) == {NEW_WORD: 1}


def test_set_user_dict_refuses_unreadable_files_and_works_before_jieba_loads(tmp_path,
                                                                             own_dict):
    with pytest.raises(ValueError, match="cannot read"):
        tokens.set_user_dict(tmp_path / "missing.dict")
    latin = tmp_path / "latin1.dict"
    latin.write_bytes("caf\xe9 10 n\n".encode("latin-1"))
    with pytest.raises(ValueError, match="UTF-8"):
        tokens.set_user_dict(latin)
    code = ("import sys; from editor.core import tokens; "
            f"tokens.set_user_dict(sys.argv[1]); assert not tokens.is_loaded(); "
            f"print('{NEW_WORD}' in tokens.cut('今天{NEW_WORD}正式启用'))")
    out = subprocess.run([sys.executable, "-c", code, str(own_dict)], cwd=ROOT_DIR,
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "True", out.stderr


def test_suggest_for_an_unsaved_article_reads_its_current_text(lib, sample_page):
    from editor.core.model import Block

    lib.save_page(sample_page)
    first, second = sample_page.articles[:2]
    elsewhere = {s.tag for s in lib.suggest_tags(second.id) if s.kind == "place"}
    stored = {s.tag for s in lib.suggest_tags(first.id)}
    new = sorted(elsewhere - stored)
    assert new
    first.blocks.append(Block("paragraph", [], f"下个月，{new[0]}的企业也将参加这项活动。"))
    assert new[0] in {s.tag for s in lib.suggest_for(first) if s.kind == "place"}
