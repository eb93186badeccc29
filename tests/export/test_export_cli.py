"""`pagedesk export` on the command line: page files, library ids, --tag and --query, and errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import html5lib
import pytest

from editor.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = DATA / "guangdong-jishi-p13.gold.json"
RAW = DATA / "guangdong-jishi-p13.txt"


def headlines(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style.name == "PageDesk Headline"]


def test_cli_exports_a_pagedesk_json_file_with_its_text(tmp_path, capsys):
    """A gold JSON beside its page text exports without a library; the format comes from -o."""
    out = tmp_path / "page.docx"
    assert main(["export", str(GOLD), "-o", str(out)]) == 0
    assert headlines(out)[:2] == ["中国灯饰照明之都的追光者", "培训新业态职工应急技能"]
    assert len(headlines(out)) == 5
    assert "exported 5 articles" in capsys.readouterr().out


def test_cli_segments_a_raw_page_file(tmp_path):
    """A raw .txt page is segmented on the fly and exported as parseable HTML with articles."""
    out = tmp_path / "page.html"
    assert main(["export", str(RAW), "--format", "html", "-o", str(out)]) == 0
    doc = html5lib.parse(out.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    assert doc.get("lang") == "zh-CN"
    assert len(doc.findall(".//article")) >= 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "missing.txt", "-o", "x.docx"], "missing.txt: no such file"),
        (["export", str(GOLD), "-o", "out"], "cannot tell the format"),
        (["export", "-o", "x.docx"], "nothing to export"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    """User mistakes give exit code 2 and one line on stderr, no traceback."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_cli_unwritable_output_is_a_user_error(tmp_path, capsys):
    """An output folder that does not exist is reported, not raised."""
    out = tmp_path / "no" / "such" / "dir" / "x.txt"
    assert main(["export", str(GOLD), "-o", str(out)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_export_layer_imports_no_qt():
    """editor.export and its writers never import PySide6 (layer rule, DESIGN.md §3)."""
    code = ("import sys, editor.export, editor.export.docx, editor.export.html, "
            "editor.export.site, editor.export.text, editor.commands.export; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=DATA.parent.parent).returncode == 0


def test_output_dash_writes_to_standard_output_not_a_file_named_dash(tmp_path, monkeypatch):
    """`-o -` is standard output (the command-line convention), the bytes the file would
    hold; the report goes to standard error; a site (a folder) or no --format is refused."""
    monkeypatch.chdir(tmp_path)
    done = subprocess.run([sys.executable, "-m", "editor", "export", str(GOLD), "-f", "txt",
                           "-o", "-"], capture_output=True, cwd=tmp_path,
                          env={**__import__("os").environ,
                               "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert "中国灯饰照明之都的追光者" in text and not (tmp_path / "-").exists()
    assert "standard output" in done.stderr.decode("utf-8")
    assert main(["export", str(GOLD), "-f", "site", "-o", "-"]) == 2
    assert main(["export", str(GOLD), "-o", "-"]) == 2


def test_no_command_prints_help_and_is_a_usage_error(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "export" in err
