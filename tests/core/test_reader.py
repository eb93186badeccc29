"""Reading page files: every encoding and line end, and clear refusals of bad input."""

import subprocess
import sys

import pytest

from editor.core.importer import import_file
from editor.core.reader import InputError, decode_bytes

TEXT = "本报讯 近日，图书馆推出夜间阅读服务。\n读者人数明显增加。\n"


@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
    ],
)
def test_encodings_are_detected(encoding, expected):
    d = decode_bytes(TEXT.encode(encoding))
    assert d.text == TEXT and d.encoding == expected


def test_big5_is_told_apart_from_gb18030():
    trad = "本報訊 近日，圖書館推出夜間閱讀服務。讀者人數明顯增加，許多年輕人下班後前來。\n"
    d = decode_bytes(trad.encode("big5"))
    assert d.encoding == "big5" and d.text == trad


def test_crlf_is_recorded_and_lines_count_the_same():
    d = decode_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert d.newline == "crlf"
    page = import_file_from_text(d.text)
    assert len(page.raw_lines()) == 2


def import_file_from_text(text):
    from editor.core.importer import segment_text

    return segment_text(text)


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "binary"),
    ],
)
def test_bad_input_is_refused_with_a_code(data, code):
    with pytest.raises(InputError) as e:
        decode_bytes(data)
    assert e.value.code in (code, "undecodable")


def test_cli_gives_one_line_and_exit_2_for_binary_input(tmp_path):
    bad = tmp_path / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 50)
    r = subprocess.run(
        [sys.executable, "-m", "editor", "segment", str(bad)], capture_output=True, text=True
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError) as e:
        import_file(tmp_path / "nope.txt")
    assert e.value.code == "missing"
