"""Topic similarity between short texts (titles, captions, column runs) and article bodies.

A title's words are looked up in each body; each word counts by how rare it
is among the page's bodies (a page-level IDF), so words every article shares
(the paper's own institutions, say) decide nothing. Words come from jieba;
single Han characters are left out, Latin/digit tokens kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from .clean import is_han
from .tokens import cut_cached

_ASCII_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]+")


@lru_cache(maxsize=4096)
def keywords(text: str) -> tuple[str, ...]:
    """Content words of a text: jieba words of 2+ characters with a Han character, Latin words."""
    toks = []
    for t in cut_cached(text):
        t = t.strip()
        if len(t) >= 2 and any(is_han(c) for c in t):
            toks.append(t)
        elif _ASCII_TOKEN.fullmatch(t):
            toks.append(t)
    return tuple(toks)


class BodyIndex:
    """The page's bodies, for scoring how well a short text belongs to each."""

    def __init__(self, bodies: list[str]):
        self.bodies = bodies
        self._df: dict[str, int] = {}

    def _weight(self, tok: str) -> float:
        df = self._df.get(tok)
        if df is None:
            df = sum(1 for b in self.bodies if tok in b)
            self._df[tok] = df
        n = len(self.bodies)
        return math.log(1 + n / (df + 0.5)) * min(len(tok), 4) / 2

    def scores(self, text: str) -> list[float]:
        """For each body, the weighted share of the text's words it contains (0..1)."""
        toks = list(dict.fromkeys(keywords(text)))
        if not toks or not self.bodies:
            return [0.0] * len(self.bodies)
        weights = {t: self._weight(t) for t in toks}
        total = sum(weights.values()) or 1.0
        return [sum(w for t, w in weights.items() if t in b) / total for b in self.bodies]

    def shares(self, text: str) -> list[float]:
        """For each body, its weighted share of the text's words found in any body.

        Words no body has say nothing about which body a chunk continues, so they
        are left out; a chunk sharing no word with any body scores 0 everywhere.
        """
        toks = [t for t in dict.fromkeys(keywords(text)) if any(t in b for b in self.bodies)]
        if not toks:
            return [0.0] * len(self.bodies)
        weights = {t: self._weight(t) for t in toks}
        total = sum(weights.values()) or 1.0
        return [sum(w for t, w in weights.items() if t in b) / total for b in self.bodies]

    def distinctive(self, text: str, index: int) -> int:
        """How many of the text's words body `index` has and no other body has."""
        mine = self.bodies[index]
        return sum(
            1
            for t in dict.fromkeys(keywords(text))
            if t in mine and not any(t in b for j, b in enumerate(self.bodies) if j != index)
        )


def _counts(text: str) -> Counter:
    return Counter(keywords(text))


def log_ratio(text: str, body_a: str, body_b: str) -> float:
    """Mean log-likelihood ratio per word of `text` under body_b's word use against body_a's.

    Positive: the text reads like body_b. A unigram model of each body's words with
    add-half smoothing, so a long body does not win by size and words both use often
    weigh little.
    """
    words = keywords(text)
    if not words:
        return 0.0
    ca, cb = _counts(body_a), _counts(body_b)
    vocab = len(set(ca) | set(cb) | set(words)) or 1
    na, nb = sum(ca.values()), sum(cb.values())
    total = 0.0
    for w in words:
        pa = (ca[w] + 0.5) / (na + 0.5 * vocab)
        pb = (cb[w] + 0.5) / (nb + 0.5 * vocab)
        total += math.log(pb / pa)
    return total / len(words)
