"""Text cleaning: stray spaces, letter-spacing, fake bold, OCR punctuation, widths.

Two levels: `soft()` normalises one raw line but keeps spaces (bylines need
them to separate names); `hard()` removes every space that touches a CJK
character, keeping spaces between Latin words. Paragraph text is
`hard(join_lines(soft lines))`.
"""

from __future__ import annotations

import re
import unicodedata


def is_cjk(ch: str) -> bool:
    """Han characters, CJK punctuation and full-width forms (what a column measures as 1)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2010 <= o <= 0x206F
        and ch in "‘’“”—…・‧•"
        or ch in "·・"
    )


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


class _HalfUnits(dict):
    """A character's display width in half column units, worked out once per character."""

    def __missing__(self, ch: str) -> int:
        if ch < "\x80":
            units = 0 if ch in " \t" else 1
        elif ch == "\u00a0":
            units = 0
        elif unicodedata.east_asian_width(ch) in "NaH" and not is_cjk(ch):
            units = 1  # Latin letters with accents, half-width forms
        else:
            units = 2
        self[ch] = units
        return units


_HALF_UNITS = _HalfUnits()


# Characters outside ASCII and the common CJK blocks (Han, CJK punctuation, full-width
# forms, curly quotes, dash and ellipsis): only these need the per-character table.
_IRREGULAR_WIDTH = re.compile(
    "[^\x00-\x7f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60‘’“”—…]"
)


def width(text: str) -> float:
    """Display width in column units: a CJK glyph 1, an ASCII character 0.5 (spaces 0)."""
    if _IRREGULAR_WIDTH.search(text):
        return sum(map(_HALF_UNITS.__getitem__, text)) / 2
    return regular_width(text)


def regular_width(text: str) -> float:
    """`width()` of text holding only ASCII and the common CJK glyphs (no per-character table)."""
    # ASCII is 1 byte in UTF-8, the CJK glyphs of those blocks 3 bytes (all wide).
    wide = (len(text.encode()) - len(text)) // 2
    narrow = len(text) - wide - text.count(" ") - text.count("\t")
    return (2 * wide + narrow) / 2


# Sentence-final: a paragraph may end here.
FINAL = set("。！？…；!?") | {"”", "’", "」", "』", "）", ")"}
CLOSING = set("，。、；：！？）》」』”’…,.;:!?)")
OPENING = set("（《「『“‘(")

_WS = re.compile(r"[ \t\u3000\u00a0]+")
_OCR_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_OCR_CANDIDATE = re.compile(r"[,:;?!().]")


_CJK_CLOSERS = "”’」』）》〉】"


def _ocr_punct(text: str) -> str:
    """Half-width punctuation between CJK characters becomes full-width (OCR output)."""
    if not _OCR_CANDIDATE.search(text):
        return text
    out = list(text)
    n = len(out)
    for i, c in enumerate(out):
        if c not in _OCR_PUNCT and c != ".":
            continue
        prev = next((out[j] for j in range(i - 1, -1, -1) if out[j] != " "), "")
        nxt = next((out[j] for j in range(i + 1, n) if out[j] != " "), "")
        prev_h, next_h = bool(prev) and is_han(prev), bool(nxt) and is_han(nxt)
        if c == ".":
            # "。" read as "." after a Han character at a sentence end; never inside numbers.
            if prev_h and (not nxt or next_h or nxt in "“”"):
                out[i] = "。"
        elif c == "(":
            if next_h or prev_h:
                out[i] = "（"
        elif c == ")":
            if prev_h or next_h:
                out[i] = "）"
        elif prev_h or (prev and prev in _CJK_CLOSERS) or (not prev or prev == "%") and next_h:
            # after a Han character or a Chinese closing mark a comma is Chinese whatever
            # follows (…蒙蒙亮, 65岁, “协调员”,既); at a line's start or after a number's %,
            # before Han text too (a mark opening a line before digits is inside a number:
            # 11 / :00)
            out[i] = _OCR_PUNCT[c]
    return "".join(out)


def _one_space(text: str) -> str:
    """Each run of spaces (ASCII, tab, full-width, no-break) as one space."""
    if " " in text or "\t" in text or "\u3000" in text or "\u00a0" in text:
        return _WS.sub(" ", text)
    return text  # most text holds none: four scans are cheaper than the pattern


def soft(line: str) -> str:
    """One raw line, trimmed, with whitespace runs as single spaces and OCR punctuation fixed."""
    s = line.replace("\ufeff", "").strip(" \t\u3000\u00a0\r\f\v")
    s = _one_space(s)
    return _ocr_punct(s)


def letter_spaced(text: str, share: float = 0.35) -> bool:
    """True when spaces stand between many neighbouring CJK glyphs (a justified line)."""
    t = text.strip()
    if t.count(" ") < 3:
        return False
    gaps = pairs = 0
    for i in range(len(t) - 2):
        a, b, c = t[i], t[i + 1], t[i + 2]
        if is_cjk(a) and b == " " and is_cjk(c):
            gaps += 1
        if is_cjk(a) and (is_cjk(b) or b == " "):
            pairs += 1
    return gaps >= 3 and gaps >= share * max(1, pairs)


# The characters is_cjk() accepts, as a pattern class (tests check they agree).
_CJK_CLASS = (
    "[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff\u3000-\u303f"
    "\uff00-\uffef‘’“”—…‧•·・]"
)
# After spaces are collapsed and the ends stripped, a space touching a CJK character.
_SPACE_BY_CJK = re.compile(f" (?={_CJK_CLASS})|(?<={_CJK_CLASS}) ")


def hard(text: str) -> str:
    """Remove every space that touches a CJK character; keep one space between Latin words."""
    t = _one_space(text).strip()
    if " " not in t:
        return t
    return _SPACE_BY_CJK.sub("", t)


def join_lines(lines: list[str]) -> str:
    """Join the soft lines of one paragraph: no separator, except between two Latin words."""
    out = ""
    for ln in lines:
        if not ln:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and ln[0].isascii() and ln[0].isalpha():
            out += " "
        out += ln
    return out


_MARKS = "（）()“”‘’《》【】：:，、。！？"
_DOUBLE_PUNCT = re.compile(r"([：:，、。！？])\1")
_DOUBLED_BEFORE_PUNCT = re.compile(r"(.{2,}?)\1([：:，、。！？])\2")


def undouble(text: str, *, whole_only: bool = False) -> str:
    """Collapse fake bold (a bold run drawn twice) where the doubling is certain.

    Certain: a token that is exactly one string written twice (`朱炳元朱炳元`,
    `理论理论`, `77`), or a run of 2+ characters doubled right before doubled
    punctuation (`新征程新征程：：`). Body text is called with whole_only=True.
    """
    if " " in text:
        tokens = text.split(" ")
        if all(_is_doubled(t) for t in tokens if t):
            return " ".join(t[: len(t) // 2] for t in tokens)
    elif len(text) >= 4 and _is_doubled(text):
        return text[: len(text) // 2]
    elif (
        len(text) >= 4
        and len(text) % 2 == 0
        and text[0::2] == text[1::2]
        and (len(text) >= 6 or any(c in _MARKS for c in text[0::2]))
    ):
        # each glyph drawn twice: 新新时时代代 (a short one when a mark is drawn twice too,
        # which no text prints: 察察）））
        return text[0::2]
    if whole_only or not _DOUBLE_PUNCT.search(text):
        return text
    # A doubled run followed by doubled punctuation: both are bold drawn twice.
    return _DOUBLED_BEFORE_PUNCT.sub(lambda m: m.group(1) + m.group(2), text)


def _is_doubled(tok: str) -> bool:
    n = len(tok)
    return n >= 2 and n % 2 == 0 and tok[: n // 2] == tok[n // 2 :]


_TAG_AT_END = re.compile(r"[（(][^（()）。！？，]{1,12}[）)]$")


def without_tag(text: str) -> str:
    """Text without a short parenthesised tag at its end (`…跑对了吗？（运动加油站）`)."""
    return _TAG_AT_END.sub("", text) if text[-1:] in "）)" else text


def is_tag_line(text: str) -> bool:
    """A column tag printed on its own line under a headline: （经济聚焦）."""
    return text[:1] in "（(" and text[-1:] in "）)" and len(text) <= 14


_TRAILING_TAG = re.compile(r"[。！？…!?][”’」』]?[（(][^（()）。！？，]{1,24}[）)]$")


def ends_final(text: str) -> bool:
    """Does the text end where a paragraph may end (sentence-final punctuation)?

    A sentence followed by a parenthesised tag (`…救。（据新华社电）`) ends there too."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in "）)" and _TRAILING_TAG.search(t):
        return True
    if t[-1] in "”’」』）)":
        core = t.rstrip("”’」』）)")
        return bool(core) and core[-1] in "。！？…!?；"
    return t[-1] in "。！？…!?"


_SENTENCE_PUNCT = re.compile("[，。；！？,;!?]")


def has_sentence_punct(text: str) -> bool:
    """Punctuation of running sentences (titles may carry a colon or an enumeration comma)."""
    return _SENTENCE_PUNCT.search(text) is not None
