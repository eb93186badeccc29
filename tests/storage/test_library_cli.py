"""The library commands: import, list, show, search, history, restore, backup, tag, tags."""

from __future__ import annotations

import json
import shutil

import pytest

from editor.cli import main
from editor.storage.library import Library
from editor.storage.search import article_texts, full_text


def search_text(article) -> str:
    return full_text(article_texts(article))[0]


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(tmp_path, sample_path, capsys):
    folder = tmp_path / "in" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(sample_path, folder / "2025-04-14_p13.txt")
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00\xfe binary")
    (tmp_path / "in" / "notes.md").write_text("not a page", encoding="utf-8")
    lib = str(tmp_path / "lib.sqlite")
    code, out, _err = _run(capsys, "import", str(tmp_path / "in"), "--library", lib, "--json",
                           "--paper", "工人日报")
    return lib, code, json.loads(out), tmp_path


def test_import_reports_imported_and_failed_files_and_is_idempotent(imported, capsys):
    lib, code, report, tmp_path = imported
    assert code == 1  # one file failed
    assert (report["imported"], report["duplicate"], report["failed"]) == (1, 0, 1)
    failed = [f for f in report["files"] if f["status"] == "failed"]
    assert failed[0]["path"].endswith("broken.txt") and failed[0]["reason"]
    ok = next(f for f in report["files"] if f["status"] == "imported")
    assert ok["date"] == "2025-04-14"  # from the file name
    assert (ok["section"], ok["number"]) == ("广东纪事", "13")  # from the page furniture
    code, out, _ = _run(capsys, "import", str(tmp_path / "in"), "--library", lib)
    assert "0 imported, 1 skipped as already in the library, 1 failed" in out
    with Library.open(lib) as library:
        assert len(library.list_pages()) == 1
        assert library.list_pages()[0]["paper"] == "工人日报"


def test_search_command_finds_sample_articles(imported, capsys):
    """`pagedesk search 劳模工匠` finds the lighting article with a snippet (segmenter output)."""
    lib = imported[0]
    code, out, _ = _run(capsys, "search", "劳模工匠", "--library", lib, "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    assert "劳模工匠" in hits[0]["snippet"] and hits[0]["score"] > 0
    assert {"article_id", "page_id", "headline", "date", "section", "snippet", "score"} <= set(
        hits[0])
    code, out, _ = _run(capsys, "search", "劳模工匠", "--library", lib)
    assert "【劳模工匠】" in out
    _, out, _ = _run(capsys, "search", "工会", "--library", lib, "--json")
    found = {h["article_id"] for h in json.loads(out)}
    with Library.open(lib) as library:  # every article whose text has 工会, whatever the segmenter
        expected = {a["id"] for a in library.list_articles()
                    if "工会" in search_text(library.load_article(a["id"])[1])}
    assert found == expected and len(found) >= 1


def test_search_command_says_when_a_common_word_is_ranked_by_windows(imported, capsys,
                                                                     monkeypatch):
    from editor.storage import search
    lib = imported[0]
    _, _, err = _run(capsys, "search", "工会", "--library", lib)
    assert "common word" not in err
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    _, out, err = _run(capsys, "search", "工会", "--library", lib)
    assert "ranked 2 newest matches at a time" in err and "【工会】" in out


def test_list_show_history_restore_backup_and_tags(imported, capsys, tmp_path):
    lib = imported[0]
    _, out, _ = _run(capsys, "list", "--library", lib, "--json")
    pages = json.loads(out)
    page_id = pages[0]["id"]
    _, out, _ = _run(capsys, "list", "--articles", "--library", lib, "--json")
    articles = json.loads(out)
    assert len(articles) == pages[0]["article_count"] > 0
    aid = articles[0]["id"]
    _, out, _ = _run(capsys, "show", aid, "--library", lib)
    assert articles[0]["headline"] in out
    _, out, _ = _run(capsys, "show", aid, "--library", lib, "--json")
    assert json.loads(out)["id"] == aid
    assert _run(capsys, "tag", aid, "--add", "劳模", "--add", "广东", "--library", lib)[0] == 0
    _, out, _ = _run(capsys, "tags", "--library", lib, "--json")
    assert {t["tag"] for t in json.loads(out)} == {"劳模", "广东"}
    _run(capsys, "tags", "--rename", "广东", "劳模", "--library", lib)
    _, out, _ = _run(capsys, "tags", "--library", lib, "--json")
    assert json.loads(out) == [{"tag": "劳模", "articles": 1}]
    _, out, _ = _run(capsys, "list", "--tag", "劳模", "--articles", "--library", lib, "--json")
    assert [a["id"] for a in json.loads(out)] == [aid]
    _, out, _ = _run(capsys, "history", page_id, "--library", lib, "--json")
    revs = json.loads(out)["revisions"]
    assert [r["revision"] for r in revs] == [1, 2, 3]
    _, out, _ = _run(capsys, "history", page_id, "--diff", "1", "2", "--library", lib)
    assert "+劳模" in out
    code, out, _ = _run(capsys, "restore", page_id, "1", "--library", lib)
    assert code == 0 and "revision 4" in out
    _, out, _ = _run(capsys, "tags", "--library", lib, "--json")
    assert json.loads(out) == []
    dest = tmp_path / "backup.sqlite"
    assert _run(capsys, "backup", str(dest), "--library", lib)[0] == 0
    code, _, err = _run(capsys, "backup", str(dest), "--library", lib)
    assert code == 2 and "exists" in err
    with Library.open(str(dest), create=False) as copy:
        assert len(copy.revisions(page_id)) == 4


def test_errors_are_one_line_with_exit_code_2(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database" * 100, encoding="utf-8")
    before = bad.read_bytes()
    for argv in (["search", "工会"], ["list"], ["show", "x"], ["history", "x"], ["tags"]):
        code, out, err = _run(capsys, *argv, "--library", str(bad))
        assert code == 2 and err.startswith("pagedesk: error:") and err.count("\n") == 1
        assert "Traceback" not in err
    assert bad.read_bytes() == before
    good = str(tmp_path / "good.sqlite")
    code, _, err = _run(capsys, "show", "nope", "--library", good)
    assert code == 2 and "not in the library" in err
    code, _, err = _run(capsys, "search", "date:soon", "--library", good)
    assert code == 2 and "not a date" in err


def test_library_env_variable_is_the_default(tmp_path, monkeypatch, capsys, sample_path):
    target = tmp_path / "env" / "lib.sqlite"
    monkeypatch.setenv("PAGEDESK_LIBRARY", str(target))
    code, out, _ = _run(capsys, "import", str(sample_path), "--json")
    assert code == 0 and json.loads(out)["library"] == str(target)
    assert target.exists()


def test_progress_bar_on_a_terminal_shows_count_rate_and_eta():
    import io

    from editor.commands.library import Progress
    from editor.storage.batch import FileResult

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = Progress(stream, quiet=False)
    for i in range(1, 4):
        bar(i, 3, FileResult(f"p{i}.txt", "imported", page_id="x"))
    text = stream.getvalue()
    # tqdm's bar: count, rate and [elapsed<remaining]
    assert "\r" in text and "3/3 pages" in text and "pages/s" in text and "<00:00" in text
    assert "p1.txt" not in text  # a bar, not a log


def test_an_import_stopped_by_a_full_disk_says_what_it_did_and_why(tmp_path, capsys,
                                                                    monkeypatch):
    """The disk fills up at the third file: the import stops (every later file would fail
    too), says how many were imported before, and names the full disk, not a damaged
    library (issue 16, defect 9)."""
    from editor.storage.library import LibraryError
    from tests.conftest import SAMPLE_TXT

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        page = SAMPLE_TXT.read_text(encoding="utf-8") + f"\n附记{i}。\n"
        (folder / f"p{i}.txt").write_text(page, encoding="utf-8")
    real = Library.import_page
    calls = []

    def filling(self, page, *a, **k):
        calls.append(page)
        if len(calls) >= 3:
            raise LibraryError("full", f"the disk holding the library {self.path} is full")
        return real(self, page, *a, **k)

    monkeypatch.setattr(Library, "import_page", filling)
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(folder), "--library", lib]) == 2
    out, err = capsys.readouterr()
    assert "2 imported" in out and "before the import stopped" in out
    assert "is full" in err and "damaged" not in err
    assert len(calls) == 3
