"""`--profile` and $PAGEDESK_PROFILE on the command lines that segment page text."""

from __future__ import annotations

import json

import pytest

from editor.cli import main
from editor.core.profile import use_profile
from editor.storage.library import Library

PAGE = (
    "防汛准备全面展开\n\n"
    "临江日报讯（首席记者 罗晓岚）今年汛期以来，全市雨水偏多，各地提前检查堤防和泵站。\n"
    "城区低洼路段增设了排水设备，交通部门制定了应急预案，确保道路通行有序。\n"
)
PROFILE = 'name = "临江日报"\nown_papers = ["临江日报"]\n[credit_titles]\n"首席记者" = "reporter"\n'


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.delenv("PAGEDESK_PROFILE", raising=False)
    page = tmp_path / "2026-07-01_p3.txt"
    page.write_text(PAGE, encoding="utf-8")
    profile = tmp_path / "linjiang.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    yield page, profile
    use_profile(None)


def _segment(capsys, *argv) -> tuple[int, dict | str]:
    code = main(["segment", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out)["articles"][0] if code == 0 else err


def test_segment_reads_the_profile_named_by_the_option_or_the_environment(
    files, capsys, monkeypatch
):
    page, profile = files
    _code, plain = _segment(capsys, str(page))
    assert plain["dateline"] is None and plain["reporters"] == []
    use_profile(None)
    code, read = _segment(capsys, str(page), "--profile", str(profile))
    assert code == 0 and read["dateline"] == "临江日报讯" and read["reporters"] == ["罗晓岚"]
    use_profile(None)
    monkeypatch.setenv("PAGEDESK_PROFILE", str(profile))
    _code, read = _segment(capsys, str(page))
    assert read["dateline"] == "临江日报讯"


def test_a_bad_profile_is_one_line_and_exit_2(files, capsys, tmp_path):
    page, _profile = files
    bad = tmp_path / "bad.toml"
    bad.write_text('bulets = "◉"\n', encoding="utf-8")
    code, err = _segment(capsys, str(page), "--profile", str(bad))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("pagedesk: error: ") and "unknown key 'bulets'" in err
    code, err = _segment(capsys, str(page), "--profile", str(tmp_path / "none.toml"))
    assert code == 2 and "no such profile file" in err


def test_import_under_a_profile_files_the_pages_under_its_paper(files, capsys, tmp_path):
    page, profile = files
    lib = str(tmp_path / "lib.sqlite")
    code = main(["import", str(page), "--library", lib, "--profile", str(profile), "--json"])
    capsys.readouterr()
    assert code == 0
    with Library.open(lib) as library:
        listed = library.list_pages()
        assert [p["paper"] for p in listed] == ["临江日报"]
        stored = library.load_page(listed[0]["id"])
    assert stored.articles[0].dateline == "临江日报讯"
    assert stored.articles[0].people_by_role("reporter") == ["罗晓岚"]
