"""Tag suggestions for an article: keywords by TF-IDF, people, places and organisations.

Keywords are weighted by how rare a word is *in the user's library* (document
frequencies the storage layer counts over its articles), blended with
jieba's built-in IDF while the library is still small, so suggestions follow
the archive's own vocabulary as it grows. Names come from jieba's
part-of-speech tags (nr person, ns place, nt organisation) and from the
article's byline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .tokens import get_jieba

KEYWORD_POS = {"n", "nz", "vn", "nr", "ns", "nt", "eng", "j", "l", "i"}
ENTITY_KIND = {"nr": "person", "ns": "place", "nt": "organization"}
# Words that name a role, not a subject.
_STOP = {
    "记者",
    "通讯员",
    "本报",
    "本报讯",
    "全媒体记者",
    "工作",
    "问题",
    "方面",
    "情况",
    "时间",
    "同时",
}
# How many library articles make the library's IDF count as much as jieba's.
BLEND_AT = 50


@dataclass(frozen=True)
class Suggestion:
    tag: str
    kind: str  # "keyword", "person", "place", "organization"
    score: float


def pos_words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of a text."""
    pseg = get_jieba().posseg
    return [(p.word, p.flag) for p in pseg.cut(text) if p.word.strip()]


def _builtin_idf() -> tuple[dict[str, float], float]:
    get_jieba()
    import jieba.analyse  # imported here: it loads its IDF table (~0.3 s)

    tfidf = jieba.analyse.default_tfidf
    return tfidf.idf_freq, tfidf.median_idf


def suggest_tags(
    text: str,
    *,
    people: Iterable[str] = (),
    doc_freq: Callable[[list[str]], dict[str, int]] | None = None,
    n_docs: int = 0,
    existing: Iterable[str] = (),
    top: int = 10,
) -> list[Suggestion]:
    """Suggested tags, best first. `doc_freq(words)` gives library document frequencies."""
    have = set(existing)
    words = pos_words(text)
    out: dict[str, Suggestion] = {}
    # Names: byline people first, then names the text itself mentions, most frequent first.
    for name in people:
        if name and name not in have:
            out.setdefault(name, Suggestion(name, "person", 1.0))
    entities = Counter((w, ENTITY_KIND[f]) for w, f in words if f in ENTITY_KIND and len(w) >= 2)
    for (w, kind), count in entities.most_common():
        if w not in have and w not in out:
            out[w] = Suggestion(w, kind, 0.5 + min(0.5, count / 10))
    # Keywords: TF-IDF with the library's IDF blended in.
    counts = Counter(w for w, f in words if f in KEYWORD_POS and len(w) >= 2 and w not in _STOP)
    if counts:
        total = sum(counts.values())
        idf_freq, median = _builtin_idf()
        df = doc_freq(list(counts)) if doc_freq and n_docs else {}
        share = n_docs / (n_docs + BLEND_AT) if n_docs else 0.0
        scored = []
        for w, c in counts.items():
            builtin = idf_freq.get(w, median)
            library = math.log((n_docs + 1) / (df.get(w, 0) + 1)) + 1 if n_docs else builtin
            idf = share * library + (1 - share) * builtin
            scored.append((c / total * idf, w))
        scored.sort(reverse=True)
        best = scored[0][0] or 1.0
        for score, w in scored:
            if w not in have and w not in out:
                out[w] = Suggestion(w, "keyword", round(score / best, 4))
            if sum(1 for s in out.values() if s.kind == "keyword") >= top:
                break
    kinds = {"person": 0, "place": 1, "organization": 2, "keyword": 3}
    return sorted(out.values(), key=lambda s: (kinds[s.kind], -s.score))


def keyword_ranking(text: str, **kw) -> list[str]:
    """Only the keyword suggestions' words, best first (for tests and the CLI)."""
    return [s.tag for s in suggest_tags(text, **kw) if s.kind == "keyword"]
