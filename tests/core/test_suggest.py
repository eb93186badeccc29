"""Tag suggestions: names from the gold's people and places, and the library's own IDF."""

from __future__ import annotations

import json

from editor.core.model import PERSON_ROLE_KEYS
from editor.core.pagejson import page_from_dict
from editor.core.suggest import keyword_ranking, suggest_tags
from tests.conftest import SAMPLE_GOLD, SAMPLE_TXT


def _gold_page():
    raw = SAMPLE_TXT.read_text(encoding="utf-8")
    return page_from_dict(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")), raw)


def test_suggestions_contain_each_articles_byline_people():
    """Every person the gold credits appears among its article's suggestions."""
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    page = _gold_page()
    for a, ga in zip(page.articles, gold["articles"], strict=True):
        names = {n for key in PERSON_ROLE_KEYS.values() for n in ga.get(key) or []}
        text = "".join(b.display_text for b in a.body)
        tags = {s.tag for s in suggest_tags(text, people=[p.name for p in a.people])}
        assert names <= tags


def test_suggestions_find_people_and_places_named_in_the_text():
    """A name and places mentioned in the body (not the byline) are found by POS tagging."""
    page = _gold_page()
    lighting = page.articles[0]
    text = "".join(b.display_text for b in lighting.body)
    found = {(s.tag, s.kind) for s in suggest_tags(text)}
    kinds = {k for _t, k in found}
    assert "person" in kinds and "place" in kinds
    # The interviewee named in the caption is also named in the body and found there.
    caption_names = {t for t, k in found if k == "person" and t in lighting.captions[0].text}
    assert caption_names


def _docs(common: str, n: int) -> list[str]:
    """A generated library: n articles of our own sentences, all mentioning `common`."""
    topics = ["港口", "粮食", "桥梁", "图书", "医院", "铁路", "森林", "渔船", "工厂", "学校"]
    return [f"{common}的工作人员今天检查了{topics[i % len(topics)]}的情况。" for i in range(n)]


def test_library_idf_changes_rankings_as_the_library_grows():
    """A word every library article uses sinks in the ranking once the library is large."""
    text = "渔港码头新建了冷库。冷库建成后，渔民的渔获可以及时保鲜，渔港的交易量明显增加。"
    text += "码头管理处表示，冷库由渔民合作社统一管理。冷库、冷库、冷库。"
    small = keyword_ranking(text)
    assert small[0] == "冷库"

    def freq_for(docs):
        return lambda words: {w: sum(1 for d in docs if w in d) for w in words}

    grown = _docs("冷库", 400)
    big = keyword_ranking(text, doc_freq=freq_for(grown), n_docs=len(grown))
    assert big.index("冷库") > small.index("冷库")
    # With a library that never mentions the word, it keeps its place.
    other = _docs("仓库", 400)
    assert keyword_ranking(text, doc_freq=freq_for(other), n_docs=len(other))[0] == "冷库"


def test_existing_tags_are_not_suggested_again():
    text = "渔港码头新建了冷库，渔民合作社统一管理冷库。"
    assert "冷库" not in {s.tag for s in suggest_tags(text, existing=["冷库"])}
