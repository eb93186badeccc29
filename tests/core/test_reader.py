"""Reading page files: every encoding and line end, and clear refusals of bad input."""

import random
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
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_encodings_are_detected(encoding, expected):
    d = decode_bytes(TEXT.encode(encoding))
    assert d.text == TEXT and d.encoding == expected


# Chinese prose with few ASCII characters: BOM-less UTF-16 shows too few NUL bytes to tell
# its byte order from them, so both orders must be judged by the text they give.
PROSE = "本报讯 近日，图书馆推出夜间阅读服务，读者人数明显增加，许多年轻人下班后前来看书。\n" * 6


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_chinese_is_read_in_its_byte_order(encoding):
    data = PROSE.encode(encoding)
    assert data[0::2].count(0) + data[1::2].count(0) < 0.1 * len(data)  # no parity evidence
    d = decode_bytes(data)
    assert d.encoding == encoding and d.text == PROSE


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


def _junk(seed: int, n: int = 3000) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.randrange(1, 256) for _ in range(n))  # no NUL byte anywhere


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        ("\ufeff  \n".encode("utf-8"), "empty"),
        (bytes(range(256)) * 20, "undecodable"),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "binary"),
        (_junk(1), "undecodable"),
        (_junk(2), "undecodable"),
        # decodes as UTF-8, but a fifth of it is control characters
        ("".join(random.Random(3).choices("\x01\x1b\x7f\x85abcdefgh", k=600)).encode(), "binary"),
    ],
)
def test_bad_input_is_refused_with_its_code(data, code):
    with pytest.raises(InputError) as e:
        decode_bytes(data)
    assert e.value.code == code


def _with_controls(n_chars: int, n_controls: int) -> bytes:
    line = "本报讯 近日，图书馆推出夜间阅读服务。读者人数明显增加。\n"
    chars = list((line * (n_chars // len(line) + 1))[:n_chars])
    step = n_chars // (n_controls + 1)
    for i in range(n_controls):
        chars[step * (i + 1)] = "\x1b"
    return "".join(chars).encode("utf-8")


@pytest.mark.parametrize(
    "n_chars,tolerated", [(2000, 10), (100, 2)]  # one stray control character per 200, at least 2
)
def test_a_few_stray_control_characters_are_tolerated_and_more_are_binary(n_chars, tolerated):
    assert decode_bytes(_with_controls(n_chars, tolerated)).encoding == "utf-8"
    with pytest.raises(InputError) as e:
        decode_bytes(_with_controls(n_chars, tolerated + 1))
    assert e.value.code == "binary"


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
