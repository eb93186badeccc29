"""The benchmarks' generated corpus and cache keys (no timings: `benchmarks/` measures speed)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from benchmarks import stories
from tests.corpus import Story

TOPIC_SIZES = {"农业": 5, "交通": 3, "教育": 2, "水利": 1}


def _stories() -> list[Story]:
    out = []
    for topic, n in TOPIC_SIZES.items():
        for i in range(n):
            body = [("paragraph", f"{topic}{i}号稿第{k}段。") for k in range(5)]
            body.insert(2, ("subhead", f"{topic}{i}号稿小标题"))
            out.append(Story(id=f"{topic}-{i}", genre="news", topic=topic,
                             headline=f"{topic}{i}号稿", body=body))
    return out


def _articles(n: int, seed: int = 7) -> tuple[stories.Mixer, list[stories.Mixed]]:
    mixer = stories.Mixer(_stories(), seed=3)
    rng = random.Random(seed)
    return mixer, [mixer.article(rng) for _ in range(n)]


def test_mixer_picks_topics_with_zipf_weights():
    """Topics rank by their number of articles; the k-th gets about 1/k of the first one's share."""
    mixer, arts = _articles(4000)
    assert mixer.topics == list(TOPIC_SIZES)
    counts = Counter(a.topic for a in arts)
    total = sum(1 / k for k in range(1, len(TOPIC_SIZES) + 1))
    for k, topic in enumerate(mixer.topics, 1):
        assert abs(counts[topic] / len(arts) - 1 / k / total) < 0.03, (topic, counts)


def test_mixer_takes_most_paragraphs_from_the_articles_topic():
    """About 1 - OTHER_TOPIC of the paragraphs come from the article's own topic, the rest
    from others; the titles and the first paragraph come from one article of that topic."""
    _mixer, arts = _articles(3000)
    sources = [(a.topic, t) for a in arts for _id, t in a.sources]
    own = sum(1 for topic, t in sources if t == topic) / len(sources)
    assert 0.8 <= own <= 0.9
    for a in arts:
        first_id, first_topic = a.sources[0]
        assert first_topic == a.topic and a.headline == f"{first_id.replace('-', '')}号稿"


def test_mixed_articles_have_paragraphs_only_once_and_no_subheads():
    _mixer, arts = _articles(1000)
    for a in arts:
        assert stories.PARAGRAPHS[0] <= len(a.paragraphs) <= stories.PARAGRAPHS[1]
        assert len(set(a.paragraphs)) == len(a.paragraphs)
        assert not any("小标题" in p for p in a.paragraphs)


def test_mixer_is_deterministic_for_a_seed():
    one = [stories.Mixer(_stories(), seed=1).article(random.Random(5)) for _ in range(2)]
    assert one[0] == one[1]
    other = stories.Mixer(_stories(), seed=1).article(random.Random(6))
    assert other != one[0]


def test_stories_cache_tag_changes_with_the_articles_text():
    items = _stories()
    before = stories.cache_tag(items)
    items[3].body[0] = ("paragraph", items[3].body[0][1] + "又一句。")
    assert stories.cache_tag(items) != before


@pytest.fixture
def datasets():
    """benchmarks.datasets with its per-run key cache emptied before and after the test."""
    from benchmarks import datasets

    datasets.cache_key.cache_clear()
    yield datasets
    datasets.cache_key.cache_clear()


def test_library_key_follows_tokenizer_dictionary_and_schema(datasets, monkeypatch, tmp_path):
    """A cached library is named by jieba's version, the user dictionaries' contents and the
    schema version: changing any of them names a different library."""
    from editor.core import tokens

    folder = tmp_path / "jieba"
    folder.mkdir()
    (folder / "newsroom.dict").write_text("产业工人 100 n\n", encoding="utf-8")
    monkeypatch.setattr(tokens, "USER_DICT", folder / "newsroom.dict")
    monkeypatch.delenv("PAGEDESK_USER_DICT", raising=False)

    def path() -> str:
        datasets.cache_key.cache_clear()
        return datasets.library_path(1000).name

    seen = [path()]
    (folder / "newsroom.dict").write_text("产业工人 100 n\n职工书屋 50 n\n", encoding="utf-8")
    seen.append(path())
    (folder / "extra.dict").write_text("劳模工匠 10 n\n", encoding="utf-8")
    seen.append(path())
    own = tmp_path / "mine.dict"
    own.write_text("夜校 5 n\n", encoding="utf-8")
    monkeypatch.setenv("PAGEDESK_USER_DICT", str(own))
    seen.append(path())
    monkeypatch.setattr(datasets.schema, "SCHEMA_VERSION", datasets.schema.SCHEMA_VERSION + 1)
    seen.append(path())
    monkeypatch.setattr(datasets.metadata, "version", lambda name: "9.9.9")
    seen.append(path())
    assert len(set(seen)) == len(seen), seen
    assert "jieba9.9.9" in seen[-1]


def test_training_labels_mark_each_elements_last_line():
    from benchmarks.train_importer import _labels_from_owners

    owners = [(-1, "page_header", 0), None, (0, "headline", 0), (0, "paragraph", 0),
              (1, "paragraph", 0), (0, "paragraph", 0), (0, "paragraph", 1)]
    labels = _labels_from_owners(owners)
    assert 1 not in labels and 2 not in labels  # furniture and blank lines carry none
    assert labels[3] == ("headline", True)
    assert labels[4] == ("paragraph", False)  # its paragraph goes on after another column
    assert labels[6] == ("paragraph", True) and labels[7] == ("paragraph", True)


def test_the_pdf_benchmarks_peer_lists_every_character_the_reader_reads(tmp_path):
    """bench_pdf's peer (PDFium's bare listing) covers all the characters `read_pdf` turns
    into lines: the ratio compares like with like."""
    from benchmarks.bench_pdf import list_chars
    from editor.core.pdfpage import read_pdf
    from tests.core.pdfs import column, make_pdf

    path = tmp_path / "p.pdf"
    lines = ["城东新开的社区书屋每天", "都有不少居民前来借书看"]
    path.write_bytes(make_pdf([column(lines, 40, 700)]))
    listed = list_chars(path)
    read = sum(len(ln.text.replace(" ", "")) for ln in read_pdf(path).pages[0].lines)
    assert read == 22 and listed >= read


def test_the_large_text_benchmark_measures_one_segmentations_memory():
    """bench_large's memory column: what one segmentation allocates, growing with the text
    (not the process's high-water mark, which never goes down)."""
    from benchmarks.bench_large import allocated_mb, issue_text, timed

    small, large = issue_text(8), issue_text(32)
    assert len(large) > 3 * len(small)
    timed(large, runs=1)  # (as the benchmark does: the word cutter's dictionary loaded)
    a, b = allocated_mb(small), allocated_mb(large)
    assert 0 < a < b < 8 * a  # linear: ~4x the memory at 4x the text
