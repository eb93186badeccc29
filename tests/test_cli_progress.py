"""Progress on the command line: `pagedesk export` and `pagedesk import` draw tqdm's bar on
stderr when it is a terminal, and nothing bar-like when it is not."""

from __future__ import annotations

import io
import json
import shutil
import sys

import pytest

from editor.cli import main
from tests.conftest import SAMPLE_GOLD, SAMPLE_TXT


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def pages(tmp_path):
    """Two good page files and one that cannot be read, in a folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_TXT, folder / "2025-04-14_p13.txt")
    text = SAMPLE_TXT.read_text(encoding="utf-8") + "\n附记。\n"
    (folder / "2025-04-15_p13.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00\xfe binary")
    return folder


def test_progress_bar_is_tqdms_and_hidden_when_the_stream_is_not_a_terminal():
    from tqdm import tqdm

    from editor.commands import progress_bar

    tty = Terminal()
    with progress_bar(3, "pages", "importing", tty) as bar:
        assert isinstance(bar, tqdm) and not bar.disable
        for _ in range(3):
            bar.update(1)
    text = tty.getvalue()
    assert text.startswith("\rimporting:") and "100%|" in text and "3/3 pages" in text
    assert "pages/s]" in text and text.endswith("\n")

    pipe = io.StringIO()
    with progress_bar(3, "pages", "importing", pipe) as bar:
        assert isinstance(bar, tqdm) and bar.disable
        bar.update(3)
    assert pipe.getvalue() == ""


def test_export_draws_a_tqdm_bar_on_a_terminal_only(tmp_path, capsys, monkeypatch):
    """Not a terminal: nothing on stderr. A terminal: tqdm's bar counting the 5 articles
    (the old printer stayed silent below 20), ended by a newline; stdout keeps the report."""
    assert main(["export", str(SAMPLE_GOLD), "-o", str(tmp_path / "a.docx")]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "\r" not in out and "exported 5 articles" in out

    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["export", str(SAMPLE_GOLD), "-o", str(tmp_path / "b.docx")]) == 0
    bar = sys.stderr.getvalue()
    assert bar.startswith("\rexporting:") and "100%|" in bar and "5/5 articles" in bar
    assert "articles/s]" in bar and bar.endswith("\n")
    out = capsys.readouterr().out
    assert "\r" not in out and "exported 5 articles" in out


def test_import_on_a_terminal_draws_a_tqdm_bar_and_writes_failures_above_it(
        pages, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["import", str(pages), "--library", str(tmp_path / "lib.sqlite")]) == 1
    bar = sys.stderr.getvalue()
    assert "\rimporting:" in bar and "100%|" in bar and "3/3 pages" in bar
    assert "pages/s]" in bar and bar.endswith("\n")
    assert "broken.txt" not in bar  # failures go to stdout, not into the bar's line
    out = capsys.readouterr().out
    assert "\r" not in out
    failed = [line for line in out.splitlines() if "broken.txt" in line]
    assert len(failed) == 1 and failed[0].startswith("failed") and ": " in failed[0]
    assert "imported  " not in out  # a bar, not a log of each file
    assert out.rstrip().endswith("2 imported, 0 skipped as already in the library, 1 failed")


def test_import_lists_files_when_not_a_terminal_and_keeps_json_clean_on_one(
        pages, tmp_path, capsys, monkeypatch):
    """Not a terminal: one line per file on stdout and nothing bar-like anywhere. A terminal
    with --json: tqdm's bar on stderr, stdout only the JSON."""
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", str(pages), "--library", lib]) == 1
    out, err = capsys.readouterr()
    assert "\r" not in out + err and "%|" not in out + err and err == ""
    lines = out.splitlines()
    assert sum(line.startswith("imported  ") for line in lines) == 2
    assert sum(line.startswith("failed    ") and "broken.txt" in line for line in lines) == 1

    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["import", str(pages), "--library", lib, "--json"]) == 1
    bar = sys.stderr.getvalue()
    assert "\rimporting:" in bar and "100%|" in bar and "3/3 pages" in bar
    report = json.loads(capsys.readouterr().out)
    assert (report["imported"], report["duplicate"], report["failed"]) == (0, 2, 1)
