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

from .clean import is_han
from .tokens import cut_piece, pieces, word_cache

_ASCII_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]+")


@word_cache(maxsize=1 << 16)
def _piece_keywords(piece: str) -> tuple[str, ...]:
    toks = []
    for t in cut_piece(piece):
        t = t.strip()
        if len(t) >= 2 and any(is_han(c) for c in t):
            toks.append(t)
        elif _ASCII_TOKEN.fullmatch(t):
            toks.append(t)
    return tuple(toks)


@word_cache(maxsize=4096)
def keywords(text: str) -> tuple[str, ...]:
    """Content words of a text: jieba words of 2+ characters with a Han character, Latin words."""
    words: list[str] = []
    for piece in pieces(text):
        words += _piece_keywords(piece)
    return tuple(words)


class BodyIndex:
    """The page's bodies, for scoring how well a short text belongs to each."""

    def __init__(self, bodies: list[str]):
        self.bodies = bodies
        self._df: dict[str, int] = {}
        self._hits: dict[str, list[bool]] = {}
        self._idx: dict[str, list[int]] = {}

    def _in(self, tok: str) -> list[bool]:
        """For each body, whether it contains the word (looked up once per word)."""
        hits = self._hits.get(tok)
        if hits is None:
            hits = self._hits[tok] = [tok in b for b in self.bodies]
        return hits

    def _weight(self, tok: str) -> float:
        df = self._df.get(tok)
        if df is None:
            df = sum(self._in(tok))
            self._df[tok] = df
        n = len(self.bodies)
        return math.log(1 + n / (df + 0.5)) * min(len(tok), 4) / 2

    def _where(self, tok: str) -> list[int]:
        """The indexes of the bodies holding the word (a few, mostly: summing over these keeps
        a page of hundreds of bodies linear)."""
        idx = self._idx.get(tok)
        if idx is None:
            idx = self._idx[tok] = [j for j, hit in enumerate(self._in(tok)) if hit]
        return idx

    def _summed(self, weights: dict[str, float]) -> list[float]:
        out = [0.0] * len(self.bodies)
        for t, w in weights.items():
            for j in self._where(t):
                out[j] += w
        return out

    def _weights(self, toks) -> tuple[dict[str, float], float]:
        """Each word's weight, and their sum (1.0 for none)."""
        weights = {t: self._weight(t) for t in toks}
        return weights, sum(weights.values()) or 1.0

    def _weighted_shares(self, toks: list[str]) -> list[float]:
        """For each body, the weight of the words it contains over the weight of all `toks`."""
        weights, total = self._weights(toks)
        return [x / total for x in self._summed(weights)]

    def scores(self, text: str) -> list[float]:
        """For each body, the weighted share of the text's words it contains (0..1)."""
        toks = list(dict.fromkeys(keywords(text)))
        if not toks or not self.bodies:
            return [0.0] * len(self.bodies)
        return self._weighted_shares(toks)

    def mass(self, text: str) -> list[float]:
        """For each body, the summed weight of the text's words it contains (not a share:
        a text matching several rare words outweighs one matching a single word)."""
        return self._summed({t: self._weight(t) for t in dict.fromkeys(keywords(text))})

    def shares(self, text: str) -> list[float]:
        """For each body, its weighted share of the text's words found in any body.

        Words no body has say nothing about which body a chunk continues, so they
        are left out; a chunk sharing no word with any body scores 0 everywhere.
        """
        toks = [t for t in dict.fromkeys(keywords(text)) if any(self._in(t))]
        if not toks:
            return [0.0] * len(self.bodies)
        return self._weighted_shares(toks)

    def part_scores(self, text: str, parts: list[str]) -> list[float]:
        """For each of some texts (parts of a body, say), the share of the text's words it
        holds, each word weighted by its rarity among the page's bodies."""
        weights, total = self._weights(dict.fromkeys(keywords(text)))
        return [sum(w for t, w in weights.items() if t in part) / total for part in parts]

    def distinctive(self, text: str, index: int) -> int:
        """How many of the text's words body `index` has and no other body has."""
        return sum(
            1 for t in dict.fromkeys(keywords(text)) if self._in(t)[index] and sum(self._in(t)) == 1
        )


class _WordUse:
    """A body's word counts, kept for the log-likelihood comparisons below."""

    def __init__(self, text: str):
        self.counts = Counter(keywords(text))
        self.total = sum(self.counts.values())


@word_cache(maxsize=64)
def _word_use(text: str) -> _WordUse:
    return _WordUse(text)


@word_cache(maxsize=64)
def _joint_vocab(body_a: str, body_b: str) -> int:
    return len(_word_use(body_a).counts.keys() | _word_use(body_b).counts.keys())


def log_ratio(text: str, body_a: str, body_b: str) -> float:
    """Mean log-likelihood ratio per word of `text` under body_b's word use against body_a's.

    Positive: the text reads like body_b. A unigram model of each body's words with
    add-half smoothing, so a long body does not win by size and words both use often
    weigh little.
    """
    words = keywords(text)
    if not words:
        return 0.0
    a, b = _word_use(body_a), _word_use(body_b)
    ca, cb = a.counts, b.counts
    unseen = {w for w in words if w not in ca and w not in cb}
    vocab = (_joint_vocab(body_a, body_b) + len(unseen)) or 1
    return _mean_log_ratio(words, lambda w: ca.get(w, 0), a.total, cb, b.total, vocab)


def _mean_log_ratio(words, count_a, total_a: int, counts_b: Counter, total_b: int, vocab: int):
    """Mean over `words` of log P(w | b) / P(w | a), each body's unigram counts smoothed by a
    half count over `vocab` words; `count_a(w)` gives body a's count of a word."""
    da, db = total_a + 0.5 * vocab, total_b + 0.5 * vocab  # the smoothed word totals
    out = 0.0
    for w in words:
        pa = (count_a(w) + 0.5) / da
        pb = (counts_b.get(w, 0) + 0.5) / db
        out += math.log(pb / pa)
    return out / len(words)


class WordUse:
    """Word counts of a set of bodies, for asking of each body whether a text reads more like
    it than like all the others together (`log_ratio` with the others' counts summed once,
    instead of joining their texts for every body)."""

    def __init__(self, uses: list[_WordUse]):
        self.uses = uses
        self.total = Counter()
        for u in uses:
            self.total.update(u.counts)
        self.words = sum(self.total.values())

    @classmethod
    def of_texts(cls, texts: list[str]) -> WordUse:
        return cls([_word_use(t) for t in texts])

    def log_ratio_apart(self, text: str, i: int) -> float:
        """`log_ratio(text, <all bodies but i>, <body i>)`, from the summed counts."""
        words = keywords(text)
        if not words:
            return 0.0
        mine = self.uses[i]
        cb, total = mine.counts, self.total
        vocab = (len(total) + len({w for w in words if w not in total})) or 1

        def others(w: str) -> int:
            return total.get(w, 0) - cb.get(w, 0)

        return _mean_log_ratio(words, others, self.words - mine.total, cb, mine.total, vocab)
