"""Validate the corpus: `python -m tests.corpus.check` prints counts per writer and genre."""

from __future__ import annotations

import sys
from collections import Counter

from tests.corpus import CorpusError, stories


def main() -> int:
    try:
        all_ = stories()
    except CorpusError as e:
        print(e, file=sys.stderr)
        return 1
    by_writer = Counter(s.writer for s in all_)
    by_genre = Counter((s.writer, s.genre) for s in all_)
    chars = Counter()
    for s in all_:
        chars[s.writer] += sum(len(t) for _k, t in s.body)
    for w in sorted(by_writer):
        genres = ", ".join(f"{g} {n}" for (ww, g), n in sorted(by_genre.items()) if ww == w)
        print(f"{w}: {by_writer[w]} articles, {chars[w]} body characters ({genres})")
    print(f"total: {len(all_)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
