"""Generated pages with realistic word frequencies: our own articles recombined by paragraph.

The sentence corpus (`gen_data.py`) recombines ~70 sentences, so its common
words are in 15–93% of all articles and no word is rare; a search benchmark on
it never meets the long tail of a real archive. This corpus is made of the
team's articles (`tests/corpus/articles/w*/`, loaded by `tests.corpus.stories()`),
recombined at paragraph level with Zipf-like topic mixing. Each generated
article

1. picks a topic with Zipf weights: topics ranked by how many articles they
   have (ties by name), the k-th weighted 1/k**TOPIC_ZIPF;
2. picks a main article of that topic, again Zipf-weighted (a topic's
   articles in a seeded order), for its kicker and headline;
3. takes 3–6 paragraphs, each from a Zipf-weighted article of its own topic,
   or with probability OTHER_TOPIC from one of another (Zipf-weighted) topic,
   never the same paragraph twice.

Products of Zipf weights give a long tail: a topic's own words land in a few
per cent of articles, words of a low-ranked article of a low-ranked topic in
well under 0.1%, the words every article uses in most. Pages are laid out as
`gen_data` lays out its pages (same furniture, dates, bylines and wrapping).

    from benchmarks.stories import generate_pages
    paths = generate_pages(200, 5)          # list of Path, created once
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gen_data import CACHE, article_lines, lead, page_head, write_pages  # noqa: E402
from tests.corpus import Story, stories  # noqa: E402

VERSION = 1  # bump when the pages' text changes for the same articles
TOPIC_ZIPF = 1.0  # exponent of the topics' weights
STORY_ZIPF = 1.0  # exponent of the weights of a topic's articles
OTHER_TOPIC = 0.15  # chance that a paragraph comes from another topic
PARAGRAPHS = (3, 6)  # paragraphs per generated article, inclusive


class NoStories(RuntimeError):
    """The corpus folder holds no articles yet."""


@dataclass
class Mixed:
    """One generated article: its topic, titles, paragraphs and where each paragraph came from."""

    topic: str
    kicker: str | None
    headline: str
    paragraphs: list[str]
    sources: list[tuple[str, str]]  # (article id, its topic) of each paragraph


def zipf_weights(n: int, exponent: float) -> list[float]:
    return [1.0 / (k**exponent) for k in range(1, n + 1)]


class Mixer:
    """Draws generated articles from `stories`, deterministically for a seed."""

    def __init__(self, stories: list[Story], seed: int = 1) -> None:
        order = random.Random(seed)
        by_topic: dict[str, list[Story]] = {}
        for s in stories:
            if any(kind == "paragraph" for kind, _ in s.body):
                by_topic.setdefault(s.topic, []).append(s)
        if not by_topic:
            raise NoStories("no articles with paragraphs in tests/corpus/articles")
        self.topics = sorted(by_topic, key=lambda t: (-len(by_topic[t]), t))
        self.topic_weights = zipf_weights(len(self.topics), TOPIC_ZIPF)
        self.stories: dict[str, list[Story]] = {}
        self.story_weights: dict[str, list[float]] = {}
        for t in self.topics:
            ranked = sorted(by_topic[t], key=lambda s: s.id)
            order.shuffle(ranked)
            self.stories[t] = ranked
            self.story_weights[t] = zipf_weights(len(ranked), STORY_ZIPF)

    def _topic(self, rng: random.Random, other_than: str | None = None) -> str:
        if other_than is not None and len(self.topics) > 1:
            pairs = [
                (t, w)
                for t, w in zip(self.topics, self.topic_weights, strict=True)
                if t != other_than
            ]
            return rng.choices([t for t, _ in pairs], [w for _, w in pairs])[0]
        return rng.choices(self.topics, self.topic_weights)[0]

    def _story(self, rng: random.Random, topic: str) -> Story:
        return rng.choices(self.stories[topic], self.story_weights[topic])[0]

    def article(self, rng: random.Random) -> Mixed:
        topic = self._topic(rng)
        main = self._story(rng, topic)
        want = rng.randint(*PARAGRAPHS)
        paragraphs: list[str] = []
        sources: list[tuple[str, str]] = []
        story = main  # the first paragraph comes from the article the titles come from
        for _ in range(want * 4):  # a few draws may repeat a paragraph already taken
            text = rng.choice([x for kind, x in story.body if kind == "paragraph"])
            if text not in paragraphs:
                paragraphs.append(text)
                sources.append((story.id, story.topic))
                if len(paragraphs) == want:
                    break
            other = rng.random() < OTHER_TOPIC
            story = self._story(rng, self._topic(rng, topic) if other else topic)
        return Mixed(topic, main.kicker, main.headline, paragraphs, sources)


def corpus_hash(items: list[Story]) -> str:
    """A hash of what the generator reads from the articles: pages change when it changes."""
    data = [(s.id, s.topic, s.kicker, s.headline, s.body) for s in items]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def cache_tag(items: list[Story] | None = None) -> str:
    """Names the cached pages and libraries: generator version and the articles' hash."""
    items = stories() if items is None else items
    if not items:
        raise NoStories("no articles in tests/corpus/articles")
    return f"g{VERSION}-c{corpus_hash(items)[:10]}"


def source_text(items: list[Story] | None = None) -> str:
    """All the text the generator takes from the articles (titles and paragraphs)."""
    items = stories() if items is None else items
    return "\n".join(
        "\n".join([s.kicker or "", s.headline] + [x for kind, x in s.body if kind == "paragraph"])
        for s in items
    )


def make_page(rng: random.Random, number: int, articles: int, mixer: Mixer) -> str:
    """The raw text of one page with `articles` generated articles."""
    lines = page_head(rng, number)
    for _ in range(articles):
        a = mixer.article(rng)
        byline = lead(rng)
        lines += article_lines(a.kicker, a.headline, byline, a.paragraphs, rng.choice([15, 16, 17]))
    return "\n".join(lines) + "\n"


def generate_pages(
    n_pages: int, articles_per_page: int = 5, seed: int = 1, cache: Path = CACHE
) -> list[Path]:
    """Write (or reuse) `n_pages` page files; returns their paths, in order."""
    items = stories()
    mixer = Mixer(items, seed)
    rng = random.Random(seed)
    folder = cache / f"stories-{cache_tag(items)}-{articles_per_page}a-s{seed}"
    return write_pages(
        folder, n_pages, lambda i: make_page(rng, i % 24 + 1, articles_per_page, mixer)
    )


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for p in generate_pages(n):
        print(p)
