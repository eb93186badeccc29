"""`pagedesk tag`, `tags` (counts, --rename, --merge … --into), `suggest` and `reindex`."""

from __future__ import annotations

import json

import pytest

from editor.cli import main
from editor.core.model import PERSON_ROLE_KEYS
from editor.storage.library import Library
from tests.storage.conftest import SAMPLE_GOLD, gold_page


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stored(tmp_path):
    """A library holding the gold sample page; returns (path, article ids)."""
    path = str(tmp_path / "lib.sqlite")
    page = gold_page()
    with Library.open(path) as lib:
        lib.save_page(page)
    return path, [a.id for a in page.articles]


def test_tag_tags_merge_rename_with_json(stored, capsys):
    lib, ids = stored
    code, out, _ = _run(capsys, "tag", *ids[:3], "--add", "工会", "--add", "培训",
                        "--library", lib, "--json")
    report = json.loads(out)
    assert code == 0 and report["changed"] == 3
    assert [a["after"] for a in report["articles"]] == [["工会", "培训"]] * 3
    assert all(a["before"] == [] for a in report["articles"])
    _run(capsys, "tag", ids[3], "--add", "技能", "--library", lib)
    code, out, _ = _run(capsys, "tag", ids[0], "--remove", "培训", "--library", lib)
    assert code == 0 and "-培训" in out and "1 article(s)" in out
    _, out, _ = _run(capsys, "tags", "--library", lib, "--json")
    assert json.loads(out) == [{"tag": "工会", "articles": 3}, {"tag": "培训", "articles": 2},
                               {"tag": "技能", "articles": 1}]
    code, out, _ = _run(capsys, "tags", "--merge", "培训", "技能", "--into", "职工教育",
                        "--library", lib, "--json")
    report = json.loads(out)
    assert code == 0 and report["changed"] == 3
    assert report["tags"] == [{"tag": "工会", "articles": 3}, {"tag": "职工教育", "articles": 3}]
    code, out, _ = _run(capsys, "tags", "--rename", "职工教育", "教育", "--library", lib)
    assert code == 0 and "renamed to 教育 on 3 article(s)" in out
    _, out, _ = _run(capsys, "search", "tag:教育", "--library", lib, "--json")
    assert {h["article_id"] for h in json.loads(out)} == {ids[1], ids[2], ids[3]}
    _, out, _ = _run(capsys, "search", "tag:培训", "--library", lib, "--json")
    assert json.loads(out) == []


def test_suggest_lists_the_gold_people_and_at_most_top_keywords(stored, capsys):
    lib, ids = stored
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))["articles"]
    for aid, ga in zip(ids, gold, strict=True):
        code, out, _ = _run(capsys, "suggest", aid, "--top", "3", "--library", lib, "--json")
        got = json.loads(out)
        assert code == 0
        people = {n for key in PERSON_ROLE_KEYS.values() for n in ga.get(key) or []}
        assert people <= {s["tag"] for s in got if s["kind"] == "person"}
        assert 0 < sum(s["kind"] == "keyword" for s in got) <= 3
    code, out, _ = _run(capsys, "suggest", ids[1], "--library", lib)
    assert code == 0 and "person" in out and "keyword" in out


def test_reindex_reports_the_articles_it_recut(stored, capsys):
    lib, ids = stored
    code, out, _ = _run(capsys, "reindex", "--library", lib, "--json")
    assert code == 0 and json.loads(out)["articles"] == len(ids)
    with pytest.raises(SystemExit):
        main(["reindex", "--help"])
    assert "dictionary" in capsys.readouterr().out


def test_reindex_draws_a_progress_bar_on_a_terminal(stored, monkeypatch, capsys):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    lib, _ids = stored
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["reindex", "--library", lib]) == 0
    bar = sys.stderr.getvalue()
    assert "1/1 pages" in bar and bar.endswith("\n") and "re-cut" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["tag", "nope", "--add", "x"], "not in the library"),
    (["tag", "ID", "nope", "--add", "x"], "nope is not in the library"),
    (["tag", "ID"], "--add"),
    (["suggest", "nope"], "not in the library"),
    (["suggest", "ID", "--top", "-1"], "--top"),
    (["tags", "--merge", "没有", "--into", "x"], "no tag 没有"),
    (["tags", "--merge", "x"], "--into"),
    (["tags", "--into", "x"], "--merge"),
    (["tags", "--rename", "没有", "x"], "no tag 没有"),
    (["reindex", "--user-dict", "/nonexistent/mine.dict"], "cannot read"),
])
def test_errors_are_one_line_with_exit_code_2(stored, capsys, argv, message):
    lib, ids = stored
    argv = [ids[0] if a == "ID" else a for a in argv]
    code, _out, err = _run(capsys, *argv, "--library", lib)
    assert code == 2 and err.startswith("pagedesk: error:") and err.count("\n") == 1
    assert message in err and "Traceback" not in err
    with Library.open(lib) as library:  # and nothing changed
        page_id = library.list_pages()[0]["id"]
        assert library.tag_counts() == [] and len(library.revisions(page_id)) == 1


def test_tagging_a_missing_library_does_not_create_one(tmp_path, capsys):
    path = tmp_path / "none.sqlite"
    for argv in (["tag", "x", "--add", "y"], ["tags", "--rename", "a", "b"], ["suggest", "x"]):
        code, _out, err = _run(capsys, *argv, "--library", str(path))
        assert code == 2 and "no library" in err
    assert not path.exists()
