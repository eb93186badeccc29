"""Reading page files at the edges: the messages users see (the CLI prints them, a batch
import lists them), the sha256 and newline style a page records, BOM-less UTF-16 told by its
NUL bytes, what counts as binary, and when a decoding is judged wrong."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from editor.core import reader
from editor.core.reader import InputError, decode_bytes, read_page_file

PROSE = "本报讯 近日，图书馆推出夜间阅读服务，读者人数明显增加，许多年轻人下班后前来看书。\n"


def _refused(data: bytes) -> InputError:
    with pytest.raises(InputError) as e:
        decode_bytes(data)
    return e.value


# -- what a page records about its file ---------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16", "big5"])
def test_the_sha256_is_of_the_files_bytes(encoding):
    """The batch import skips known files by hashing their bytes: the same hash."""
    data = "本報訊 近日，圖書館推出夜間閱讀服務。\n".encode(encoding)
    assert decode_bytes(data).sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "text,style",
    [
        ("甲\n乙\n", "lf"),
        ("甲\r\n乙\r\n", "crlf"),
        ("甲\r乙\r", "cr"),
        ("只有一行", "none"),
        ("甲\r\n乙\n丙\n", "lf"),  # mostly LF
        ("甲\r\n乙\r\n丙\n", "crlf"),  # mostly CRLF
        ("甲\r\n乙\n", "crlf"),  # as many of each: a Windows file with one line added elsewhere
    ],
)
def test_the_newline_style_is_the_files_own(text, style):
    assert decode_bytes(text.encode("utf-8")).newline == style


# -- byte order marks -------------------------------------------------------------------------


def test_a_big_endian_byte_order_mark_is_utf16():
    data = codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be")
    d = decode_bytes(data)
    assert d.encoding == "utf-16" and d.text == PROSE


def test_a_gb18030_byte_order_mark_is_not_part_of_the_text():
    """Some Windows tools write GB18030 with its four-byte BOM (U+FEFF)."""
    d = decode_bytes(("\ufeff" + PROSE).encode("gb18030"))
    assert d.encoding == "gb18030" and d.text == PROSE


# -- UTF-16 without a byte order mark -----------------------------------------------------------

# Mostly ASCII: the NUL bytes of the ASCII characters fall on one byte parity. Without
# them, a page of ASCII would decode as UTF-8 full of NULs, and one quoting a few less common
# Han characters would not pass the common-Chinese test that BOM-less UTF-16 otherwise needs.
ENGLISH = "Dunhuang studies: an interview with Rao Zongyi\nHe was born in 1917 and died in 2018.\n"
QUOTING = "Dunhuang studies: Rao Zongyi (饶宗颐), first (第一) in the 1935 exams\n"  # 一: U+4E00
LATIN = "PageDesk test page\nAI Summit 2024: 40 papers, 12 sessions.\n本报讯 一版要闻\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, QUOTING, LATIN], ids=["english", "quoting", "latin"])
def test_bomless_utf16_of_mostly_latin_text_is_read_by_its_nul_bytes(encoding, text):
    data = text.encode(encoding)
    assert data.count(0) > len(data) / 4  # plenty of parity evidence
    d = decode_bytes(data)
    assert (d.encoding, d.text) == (encoding, text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_few_nul_bytes_of_han_characters_do_not_decide_the_byte_order(encoding):
    """一 (U+4E00) and 最 (U+6700) have a NUL low byte: in Chinese prose a few NULs fall on
    the wrong parity for ASCII, and must not be read as the other byte order."""
    text = ("一年来，最受读者欢迎的是一批新书。" + PROSE) * 4
    d = decode_bytes(text.encode(encoding))
    assert (d.encoding, d.text) == (encoding, text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("repeat", [1, 2, 3])
def test_bomless_utf16_chinese_of_any_even_length_is_read(encoding, repeat):
    text = PROSE * repeat + "读者说好。\n"
    d = decode_bytes(text.encode(encoding))
    assert (d.encoding, d.text) == (encoding, text)


# -- trusted encodings and judged ones ----------------------------------------------------------

RARE = "魑魅魍魉饕餮貔貅麒麟鸾凤鹓鶵鹔鹴鸑鷟䴔䴖鸂鶒䴙䴘鸊鷉魃魈魆魊\n"  # no common character


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_and_marked_utf16_are_trusted_even_for_rare_characters(encoding):
    d = decode_bytes(RARE.encode(encoding))
    assert (d.encoding, d.text) == (encoding, RARE)


def test_text_in_another_encoding_that_decodes_as_gb18030_is_refused():
    """Korean EUC-KR decodes as GB18030 into rare Han characters: a wrong decoding."""
    korean = "안녕하세요. 오늘은 날씨가 좋습니다. 한국어 신문 기사를 읽고 있습니다.\n" * 2
    e = _refused(korean.encode("euc-kr"))
    assert (e.code, str(e)) == ("undecodable", "the file's encoding could not be recognised")


def test_english_text_with_chinese_punctuation_in_gb18030_is_read():
    text = "PageDesk, an editor for newspaper pages，made at the desk。It reads raw text。\n"
    d = decode_bytes(text.encode("gb18030"))
    assert (d.encoding, d.text) == ("gb18030", text)


def test_a_gb18030_page_mixing_chinese_and_english_is_read():
    text = ("本报讯 人工智能大会开幕，the AI conference opened with talks on machine learning, "
            "large language models and robotics for industry。\n") * 3
    d = decode_bytes(text.encode("gb18030"))
    assert (d.encoding, d.text) == ("gb18030", text)


def test_a_gb18030_file_without_han_characters_is_read_as_gb18030_not_big5():
    """Fullwidth digits and dashes also decode as Big5 (as bopomofo): neither gives any
    Han character, and GB18030 is the likelier encoding."""
    text = "——１２３４５６７８９０——\n（２０２４）\n"
    d = decode_bytes(text.encode("gb18030"))
    assert (d.encoding, d.text) == ("gb18030", text)


# -- binary -------------------------------------------------------------------------------------

LINE = "本报讯 近日，图书馆推出夜间阅读服务。读者人数明显增加。\n"


def test_one_nul_byte_makes_a_file_binary():
    e = _refused((LINE * 20 + "\x00" + LINE).encode("utf-8"))
    assert (e.code, str(e)) == ("binary", "the file looks binary, not page text")


@pytest.mark.parametrize(
    "char",
    ["\x01", "\x7f", "\x80", "\x85", "\x9f", "\ue000", "\uf000", "\uf8ff"],
    ids=["C0", "DEL", "C1-first", "NEL", "C1-last", "PUA-first", "PUA", "PUA-last"],
)
def test_control_and_private_use_characters_in_number_make_text_binary(char):
    text = "".join(LINE[:10] + char for _ in range(30))
    assert _refused(text.encode("utf-8")).code == "binary"


@pytest.mark.parametrize(
    "char",
    ["\t", "\f", "\v", "\r\n", "\xa0", "~", "\uf900", "\u3000"],
    ids=["tab", "form-feed", "vtab", "crlf", "nbsp", "tilde", "cjk-compat", "ideographic-space"],
)
def test_spacing_and_printable_neighbours_of_those_ranges_are_text(char):
    text = "".join(LINE[:10] + char for _ in range(30))
    assert decode_bytes(text.encode("utf-8")).text == text


def test_gb18030_text_full_of_control_characters_is_refused_as_undecodable():
    """No NUL and not UTF: controls come from a wrong decoding, not from a binary file."""
    text = "".join(LINE[:8] + "\x1b" for _ in range(40))
    e = _refused(text.encode("gb18030"))
    assert (e.code, str(e)) == (
        "undecodable",
        "the file is not text in UTF-8, UTF-16, GB18030 or Big5",
    )


# -- the messages of each refusal ---------------------------------------------------------------


def test_empty_files_say_so():
    e = _refused(b" \n\t")
    assert (e.code, str(e)) == ("empty", "the file is empty")
    e = _refused("\ufeff \n".encode("utf-8"))
    assert (e.code, str(e)) == ("empty", "the file holds no text")


def test_bytes_no_decoder_accepts_are_undecodable():
    e = _refused(bytes(range(128, 256)) * 3 + b"\xff")
    assert (e.code, str(e)) == (
        "undecodable",
        "the file is not text in UTF-8, UTF-16, GB18030 or Big5",
    )


def test_a_file_of_the_largest_size_is_read_and_a_larger_one_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", len(PROSE.encode("utf-8")))
    ok = tmp_path / "ok.txt"
    ok.write_text(PROSE, encoding="utf-8")
    assert read_page_file(ok).text == PROSE
    big = tmp_path / "big.txt"
    big.write_text(PROSE + "。", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_page_file(big)
    size = big.stat().st_size
    assert (e.value.code, str(e.value)) == (
        "too-large",
        f"the file is too large for a page ({size} bytes; a page file holds at most "
        f"{len(PROSE.encode('utf-8'))} bytes)",
    )


def test_a_folder_is_unreadable_and_named(tmp_path):
    with pytest.raises(InputError) as e:
        read_page_file(tmp_path)
    assert (e.value.code, str(e.value)) == ("unreadable", f"{tmp_path} is a folder, not a file")


def test_a_missing_file_is_named(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as e:
        read_page_file(path)
    assert (e.value.code, str(e.value)) == ("missing", f"{path}: no such file")


def test_another_os_error_gives_its_reason_and_the_path(tmp_path):
    parent = tmp_path / "page.txt"
    parent.write_text(PROSE, encoding="utf-8")
    path = parent / "inner.txt"  # a file used as a folder
    with pytest.raises(InputError) as e:
        read_page_file(path)
    assert (e.value.code, str(e.value)) == ("unreadable", f"{path}: Not a directory")


def test_a_text_longer_than_any_page_is_refused_before_segmenting(monkeypatch):
    """Pasted text or text given to the API: over MAX_CHARS, one clear refusal (segmenting
    is linear, but a text of millions of lines would still stall the window for minutes)."""
    from editor.core.importer import segment_text

    monkeypatch.setattr(reader, "MAX_CHARS", len(PROSE))
    assert segment_text(PROSE).raw == PROSE
    with pytest.raises(InputError) as e:
        segment_text(PROSE + "。")
    assert e.value.code == "too-large" and f"at most {len(PROSE)}" in str(e.value)
