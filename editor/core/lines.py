"""Line level of the importer: clean each raw line, recognise lines that are not running text.

Kinds: `text` (running text or a title), `furniture` (page header, date,
jump line), `byline` (stand-alone), `caption`, `source` (`（据新华社电）`),
`note` (`（作者为…）`, possibly wrapped). Which text lines are titles is
decided later, in context (segment.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import conventions as cv
from .byline import is_credit_title, looks_like_byline, parse_lead
from .clean import (
    ends_final,
    hard,
    has_sentence_punct,
    is_han,
    is_tag_line,
    letter_spaced,
    regular_width,
    soft,
    undouble,
    width,
    without_tag,
)
from .tokens import cuts_a_known_word, cuts_a_word

_HEADER_NUM_FIRST = re.compile(r"^(\d{1,3})\s*([\u4e00-\u9fff]{2,8})$")
_HEADER_NAME_FIRST = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*(?:第\s*)?(\d{1,3})\s*版?$")
_HEADER_PAGE_ONLY = re.compile(r"^第\s*(\d{1,3})\s*版$")
_DIGIT = re.compile(r"\d")  # every page-header pattern holds a page number
_DATE = re.compile(
    rf"^(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日(?:\s*(?:星期|周)[{cv.WEEKDAYS}])?"
    r"(?:\s*(?:农历|第\s*\d+\s*期).*)?$"
)
_CHART_MARK = re.compile("[图画计作绘]")  # every credit _CHART_CREDIT takes holds one
_WEEKDAY_ONLY = re.compile(rf"^(?:星期|周)[{cv.WEEKDAYS}]$")
_SPACED_TAIL = re.compile(r"\s{2,}|\s(?=\S+$)")  # a wide gap, or a space before the last word
_SOURCE = re.compile(r"^[（(]([^（）()。]{1,24})[）)]$")
_EDITOR_NOTE = re.compile(rf"^(?:{cv.any_of(cv.EDITOR_NOTE)})")


@cv.derived
def _build() -> None:
    """The patterns made of the conventions (again when a paper profile extends them)."""
    global _BULLET, _OPENS_SPECIAL, _CHART_CREDIT, _JUMP, _CREDIT, _PHOTO_CREDIT_LINE
    global _PAREN_CREDIT, _STAFF, _BARE_NOTE, _PHOTO_CREDIT_ALONE, _NOTE_START, _LEAD_OPENING
    _BULLET = cv.BULLETS
    _OPENS_SPECIAL = _BULLET + "（(【"  # how captions, sources and notes may open
    _CHART_CREDIT = re.compile(
        rf"^(?:(?:{cv.any_of(cv.GRAPHIC_CREDIT_TITLES)})\s*[：:/／]\s*\S{{2,12}}"
        r"|\S{2,6}\s*(?:作|绘)\s*(?:[（(][^（）()]{2,12}[）)])?)$"
    )
    _JUMP = re.compile(
        rf"^[（(]?\s*(?:{cv.any_of(cv.JUMP_WORDS)})\s*第?\s*[\d一二三四五六七八九十]+\s*版.{{0,8}}[)）]?$"
    )
    _CREDIT = re.compile(
        r"^(?P<text>.*?[。！？）”])\s*(?:[（(](?=.*[）)]$))?"
        rf"(?P<credit>[^\s。，（）()]{{0,16}}?(?:{cv.any_of(cv.CAPTION_CREDIT_ENDS)}))[）)]?$"
    )
    _PHOTO_CREDIT_LINE = re.compile(
        rf"^[（(]?[^。，！？]{{0,16}}?(?:{cv.any_of(cv.CAPTION_CREDIT_ENDS)})[）)]?$"
    )
    _PAREN_CREDIT = re.compile(
        rf"[。！？”][（(][^（()）]{{0,16}}(?:{cv.any_of(cv.PHOTO_CREDIT_ENDS)})[）)]$"
    )
    _STAFF = re.compile(rf"(?:{cv.any_of(cv.STAFF_ROLES)})\s*[：:]")
    _BARE_NOTE = re.compile(rf"^(?:{cv.any_of(cv.BARE_NOTE_OPENERS)})\s*[：:]")
    _PHOTO_CREDIT_ALONE = re.compile(
        rf"^[（(]([^（()）。，！？]{{0,16}}(?:{cv.any_of(cv.PHOTO_CREDIT_ENDS)}))[）)]$"
    )
    _NOTE_START = re.compile(
        rf"^[（(](?:(?:{cv.any_of(cv.NOTE_OPENERS)})|[^（()）]{{1,30}}(?:{cv.any_of(cv.NOTE_ENDS)})[）)]$)"
    )
    _LEAD_OPENING = re.compile(
        rf"^[{re.escape(cv.BULLETS)}]?\s*(?:{cv.any_of(cv.OWN_PAPER)}|[\u4e00-\u9fff]{{1,6}}社)"
    )


# Printable ASCII other than the space and the half-width punctuation OCR fixes, and the
# common CJK glyphs other than the full-width space. A line of only these has nothing for
# soft() or hard() to change (no whitespace of any kind, no OCR punctuation, no byte-order
# mark), is not letter-spaced and has no indent: most lines of running text. Each of these
# characters has a regular width (`clean.regular_width`).
_PLAIN_ASCII = "".join(c for c in map(chr, range(0x21, 0x7F)) if c not in ",:;?!().")
_PLAIN = re.compile(
    "[" + re.escape(_PLAIN_ASCII) + "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60‘’“”—…]+"
)


@dataclass
class Line:
    n: int  # 1-based raw line number
    raw: str
    soft: str  # trimmed, spaces kept as single spaces
    text: str  # cleaned: no spaces next to CJK, fake bold collapsed where certain
    w: float  # display width of `text`
    kind: str = "text"
    indent: bool = False  # printed with a leading indent (full-width spaces): a paragraph start
    gap_before: bool = False  # a blank line precedes it
    block_gap: bool = False  # ... on a page whose blank lines end blocks (not every line)
    lead: bool = False  # opens with a dateline (本报讯…): a first paragraph
    meta: dict | None = None  # furniture facts (section, number, date) or caption credit
    size: float = 0.0  # printed size relative to the page's body size (0: not known)
    face: str = ""  # printed face class (song, hei, kai, fang, other; "": not known)
    box: tuple[float, float, float, float] | None = None  # printed box (points, y up)


def make_lines(raw_lines: list[str], printed: dict | None = None) -> list[Line]:
    """Non-blank lines with their cleaning and kind. `printed`: raw line number to the line's
    printed size (relative to the body size), face and box (`model.Printed`), where a PDF
    stated them."""
    printed = printed or {}
    out: list[Line] = []
    gap = False
    for i, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            gap = True
            continue
        if _PLAIN.fullmatch(raw):
            s = t = undouble(raw)  # fake bold, where the doubling is certain
            w, indent = regular_width(t), False
        else:
            s = undouble(soft(raw))
            if letter_spaced(s, 0.6):
                # A justified line spaced glyph by glyph: close it up, keep wider gaps as one space.
                s = re.sub(r"(?<=\S) (?=\S)", "", re.sub(r" {2,}", "\u3000", raw.strip())).strip()
                s = soft(s.replace("\u3000", "  "))
            t = hard(s)
            w = width(t)
            indent = (
                raw.startswith("\u3000")
                or raw.lstrip(" \t").startswith("\u3000")
                or (
                    raw.startswith("  ") and not letter_spaced(raw, 0.6)  # OCR spacing is no indent
                )
            )
        size, face, box, vertical, picture = printed.get(i, (0.0, "", None, False, False))
        ln = Line(n=i, raw=raw, soft=s, text=t, w=w, indent=indent, gap_before=gap, size=size,
                  face=face, box=box)
        gap = False
        if vertical and len(t) <= cv.BANNER_GLYPHS:
            ln.kind, ln.meta = "furniture", {"section": t}  # a section banner set upright
            out.append(ln)
            continue
        _classify(ln)
        if picture and ln.kind == "text" and not ln.lead:
            _as_caption(ln)  # printed against a picture, unlike running text (a PDF says so)
        out.append(ln)
    if sum(ln.gap_before for ln in out) < 0.5 * max(1, len(out) - 1):
        for ln in out:
            ln.block_gap = ln.gap_before
    _quantities_across(out)
    _wrapped_leads(out)
    _paren_credits(out)
    _wrapped_sources(out)
    _opened_captions(out)
    _join_wrapped(out)
    _keep_open_parens(out)
    _author_lines(out)
    _wrapped_bylines(out)
    _sign_offs(out)
    _shingles(out)
    return out


def shingle_join(texts: list[str]) -> str:
    """The text of lines that overlap by a glyph (`桐` `桐川` `川县` …: 桐川县…)."""
    acc = ""
    for t in texts:
        acc += t[1:] if acc and t[:1] == acc[-1:] else t
    return acc


def _shingles(lines: list[Line]) -> None:
    """A fake-bold title that `pdftotext -raw` gives as a glyph pair per line, each pair
    overlapping the last (`桐` / `桐川` / `川县` / `县为` …): its lines are one title."""
    i, n = 0, len(lines)
    while i < n:
        j = i
        while (
            j < n
            and lines[j].kind == "text"
            and 1 <= len(lines[j].text) <= 2
            and not lines[j].lead
            and (j == i or not lines[j].gap_before)
        ):
            j += 1
        run = lines[i:j]
        if len(run) >= cv.MIN_SHINGLES:
            pairs = list(zip(run, run[1:], strict=False))
            overlaps = sum(b.text[:1] == a.text[-1:] for a, b in pairs)
            if overlaps >= cv.SHINGLE_SHARE * len(pairs):
                for ln in run:
                    ln.meta = {"shingle": True}
        i = max(j, i + 1)


def _issuer(ln: Line) -> bool:
    lo, hi = cv.ISSUER_CHARS
    t = ln.text
    return (
        ln.kind == "text"
        and not ln.lead
        and lo <= len(t) <= hi
        and t.endswith(cv.ISSUER_ENDS)
        and not has_sentence_punct(t)
    )


def _sign_offs(lines: list[Line]) -> None:
    """A notice's sign-off under its last paragraph: issuers on lines of their own, then the
    date alone (`滨江市总工会` / `2025年5月20日`). Its lines are text of the article (each a
    paragraph, see `paragraphs`), not titles and not the page's date."""
    for i, ln in enumerate(lines):
        if ln.kind != "furniture" or not (ln.meta or {}).get("date") or "星期" in ln.text:
            continue
        k, wrapped = i - 1, set()
        while k >= 0 and i - k <= 2 * cv.MAX_ISSUERS:
            if k >= 1 and _wrapped_issuer(lines, k - 1):
                wrapped.add(k)  # an issuer's name broken over a line end
                k -= 2
            elif _issuer(lines[k]):
                k -= 1
            else:
                break
        if k == i - 1 or k < 0 or i - 1 - k - len(wrapped) > cv.MAX_ISSUERS:
            continue
        above = lines[k]
        if above.kind != "text" or not ends_final(above.text):
            continue  # a sign-off follows a paragraph's last sentence
        if any(sign.block_gap for sign in lines[k + 1 : i + 1]):
            continue  # ... in the same text block (a blank line there ends the article)
        for j in range(k + 1, i + 1):
            lines[j].kind = "text"
            lines[j].meta = {"sign": True, **({"cont": True} if j in wrapped else {})}


def _wrapped_issuer(lines: list[Line], j: int) -> bool:
    """Lines j and j+1 make one issuer's name broken over a line end (`滨江市人力资源和社` /
    `会保障局`), as a PDF prints it: together one name, the first set in as a sign-off's
    lines are and running to the column's right edge, the rest not set in."""
    first, rest = lines[j], lines[j + 1]
    lo, hi = cv.ISSUER_CHARS
    t = first.text + rest.text
    if first.box is None or rest.box is None:
        return False  # only a PDF shows where a line ends: a text page gives no evidence
    # the column's right edge: where most of the text lines just above end
    above = sorted(ln.box[2] for ln in lines[max(0, j - 6) : j] if ln.box and ln.kind == "text")
    height = first.box[3] - first.box[1]
    return (
        first.kind == "text" and not first.lead and first.indent and not rest.indent
        and len(above) >= 3 and first.box[2] >= above[len(above) // 2] - 0.6 * height
        and lo <= len(t) <= hi and t.endswith(cv.ISSUER_ENDS) and not has_sentence_punct(t)
    )


def _quantities_across(lines: list[Line]) -> None:
    """A 'section and page number' line (`早晚高峰15`) whose next line opens with a measure
    word (`分钟一班`) is a quantity broken over the line end: text, not page furniture."""
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if (
            ln.kind == "furniture"
            and "section" in (ln.meta or {})
            and ln.text[-1:].isdigit()
            and nxt.text[:1] in cv.MEASURE_WORDS
        ):
            ln.kind, ln.meta = "text", None


def _note_wrapped(ln: Line, column: float) -> bool:
    """Does a bare note's line run on to the next: it ends on a continuing mark, or it fills
    the column without ending a sentence or the name of a source (…教育局, …》)?"""
    return ln.text[-1:] in "、，,；;：" or bool(
        column
        and ln.w >= column - 1
        and not ends_final(ln.text)
        and not ln.text.endswith((*cv.ISSUER_ENDS, "》"))
    )


def _wrapped_leads(lines: list[Line]) -> None:
    """A dateline broken over a line end (`本报北京 3 月 24 日` / `电（记者 A）…`): the
    first line opens a first paragraph all the same."""
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if ln.kind != "text" or ln.lead or nxt.kind != "text" or not _LEAD_OPENING.match(ln.soft):
            continue
        lead = parse_lead(ln.soft + nxt.soft)
        if lead is not None and lead.dateline and len(lead.dateline) > len(hard(ln.soft)) - 1:
            ln.lead = True
    for ln, nxt in zip(lines, lines[1:], strict=False):
        # a dateline alone on its line, its credits in parentheses on the next
        # (`本报临湖12月12日电` / `（记者 A 通讯员 B）`): the credits are the lead's text
        if not ln.lead or nxt.kind not in ("source", "byline") or nxt.text[:1] not in "（(":
            continue
        lead = parse_lead(ln.soft)
        if lead is None or lead.end < len(ln.soft.rstrip()) or lead.people:
            continue
        joined = parse_lead(ln.soft + nxt.soft)
        if joined is not None and joined.people:
            nxt.kind, nxt.meta = "text", None


def _paren_credits(lines: list[Line]) -> None:
    """A caption whose credit in parentheses is broken over a line end
    (`…觅食。（本` / `报记者谢宇航摄）`): its last line is a caption line with that credit."""
    for prev, ln in zip(lines, lines[1:], strict=False):
        if ln.kind != "text" or prev.kind != "text" or ln.text[-1:] not in "）)":
            continue
        if "（" in ln.text or "(" in ln.text:
            continue
        joined = prev.text + ln.text
        if _PAREN_CREDIT.search(joined) and (m := _CREDIT.match(joined)):
            ln.kind, ln.meta = "caption", {"credit": m.group("credit")}


_NAME = r"[\u4e00-\u9fff](?:[ \u3000]{0,3}[\u4e00-\u9fff]){1,2}"
_NAMES_ONLY = re.compile(rf"^{_NAME}(?:[ \u3000、]{{1,3}}{_NAME}){{0,3}}$")
_NOT_IN_NAMES = re.compile(r"[^\u4e00-\u9fff \u3000、\n]")  # a character _NAMES_ONLY never takes
_SPACED_NAME = re.compile(r"^[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]$")


def _author_lines(lines: list[Line]) -> None:
    """An opinion page's author names alone on a line under the headline (`叶 帆`, `张三 李四`).

    Only right under a title-like line (short, no sentence end) and above wider text:
    a name printed with a space (`叶 帆`) is certain; otherwise the line holds
    only 2–3-character words separated by spaces.
    """
    _split_names(lines)
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        tagged = prev.kind == "source" and is_tag_line(prev.text) and i >= 2
        if tagged:
            prev = lines[i - 2]  # the headline above its column tag (（家庭医生说）)
        k = i - 1
        while prev.kind == "byline" and not (prev.meta or {}).get("closing") and k > 0:
            k -= 1  # authors one per line: the head above the first of them
            prev = lines[k]
        if ln.kind != "text" or ln.lead or prev.kind != "text" or prev.w > 30:
            continue
        if ln.size >= cv.TITLE_SIZE:
            continue  # printed as a title (a PDF says so): a head's line, not names
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.w <= ln.w and not names_only(nxt.text):
            continue  # names stand above wider text (or above more names)
        if nxt is not None and nxt.kind == "byline" and nxt.soft[:1] in _BULLET:
            continue  # a bare line over a bulleted byline: the title's last line, no author
        raw = ln.raw.strip(" \t\u3000\r")
        if _NOT_IN_NAMES.search(raw):
            continue  # not names only (undoubling below keeps a line's characters)
        if prev.lead or paren_depth(prev.text) > 0:
            continue  # inside a parenthesised byline that runs on from the line above
        if _inside_words(lines, i):
            continue  # running text broken at every span (pdftotext -raw), not names
        single = undouble(raw)
        doubled = single != raw and 2 <= len(single) <= 4  # fake bold: 朱炳元朱炳元
        if doubled:
            raw = single
        if not _NAMES_ONLY.match(raw):
            continue
        if letter_spaced(raw, 0.6) and len(ln.text) > 3:
            continue  # a letter-spaced title, not names
        above_title = not has_sentence_punct(prev.text) and not ends_final(prev.text)
        # A headline may end with ？ or ！ and hold a comma (`郊野露营热，别留一地垃圾！`).
        above_head = (
            above_title
            or without_tag(prev.text)[-1:] in "！？!?" and prev.w <= cv.LONG_HEAD
            or tagged and not ends_final(prev.text)  # a column tag follows a headline
        )
        if not above_head:
            continue
        if _SPACED_NAME.match(raw) or len(raw.split()) > 1 or doubled:
            ln.kind = "byline"  # spaced apart (or printed twice): names
        elif names_only(raw):
            # a name under a head, above wider text or ending the page (surname checked)
            ln.kind = "byline"


def _inside_words(lines: list[Line], i: int) -> bool:
    """Does line i form a dictionary word with the text line before or after it? A line
    break inside a word means running text; a name line joins no word with the lines around
    it."""
    ln = lines[i]
    prev = lines[i - 1] if i > 0 else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return bool(
        prev is not None and prev.kind == "text" and cuts_a_known_word(prev.text, ln.text)
        or nxt is not None and nxt.kind == "text" and cuts_a_known_word(ln.text, nxt.text)
    )


def _split_names(lines: list[Line]) -> None:
    """A two-character name printed spaced (`叶　帆`) that an extractor gave as two lines of
    one glyph each, under a head: an author line over two lines. The second glyph may come
    far below (an extractor ordering text blocks by position puts it where it fits)."""
    for i in range(1, len(lines) - 1):
        a, prev = lines[i], lines[i - 1]
        if a.kind != "text" or len(a.text) != 1 or not is_han(a.text):
            continue
        if prev.kind not in ("text", "byline") or ends_final(prev.text) or prev.w > cv.LONG_HEAD:
            continue
        if _inside_words(lines, i):
            continue
        for b in lines[i + 1 : i + 1 + cv.SPLIT_NAME_REACH]:
            if b.kind == "text" and len(b.text) == 1 and cv.looks_like_name(a.text + b.text):
                a.kind, a.meta = "byline", {}
                b.kind, b.meta = "byline", {"cont": True, "join": True, "split_from": a.n}
                break


def _wrapped_sources(lines: list[Line]) -> None:
    """A source tag wrapped over a line end (`（青禾县融媒体中心供` / `稿）`) under a
    sentence's end: both lines are the tag (a source, or a note by its opening word)."""
    for i, (ln, nxt) in enumerate(zip(lines, lines[1:], strict=False)):
        if ln.kind != "text" or nxt.kind != "text" or ln.text[:1] not in "（(" or ln.lead:
            continue
        if paren_depth(ln.text) != 1 or nxt.text[-1:] not in "）)" or paren_depth(nxt.text) != -1:
            continue
        if i and lines[i - 1].kind == "text" and not ends_final(lines[i - 1].text):
            continue  # a bracket inside running text
        joined = ln.text + nxt.text
        if _closing_credit(ln.soft + nxt.soft):
            continue  # a closing credit: its own rule joins its lines
        kind = "note" if _NOTE_START.match(joined) else "source" if _SOURCE.match(joined) else ""
        if kind:
            ln.kind = nxt.kind = kind
            nxt.meta = {"cont": True}  # the tag's further line


def _keep_open_parens(lines: list[Line]) -> None:
    """Lines closing a parenthesis a text line opened (`本报讯（记者 X` / `Y）4月9日`): text."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or ("（" not in ln.text and "(" not in ln.text):
            continue
        depth = paren_depth(ln.text)
        j = i + 1
        while depth > 0 and j < len(lines) and j <= i + 3:
            nxt = lines[j]
            if nxt.kind in ("byline", "source", "note", "caption"):
                nxt.kind = "text"
            depth += paren_depth(nxt.text)
            j += 1


def _as_caption(ln: Line) -> None:
    """A caption line, with the photo credit it ends with where it has one."""
    m = _CREDIT.match(hard(ln.soft))
    ln.kind, ln.meta = "caption", ({"credit": m.group("credit")} if m else {})


def _classify(ln: Line) -> None:
    s, t = ln.soft, ln.text  # t is already undoubled (make_lines)
    n = len(t)
    if n > 40 and s[:1] not in _OPENS_SPECIAL:
        # Running text: only a dateline can open it (furniture, bylines and tags are short).
        ln.lead = parse_lead(s) is not None
        return
    # Each pattern below runs only where its fixed characters could let it match.
    if n <= 30 and "年" in t and (m := _DATE.match(t)):
        ln.kind = "furniture"
        y, mo, d = (int(x) for x in m.groups())
        ln.meta = {"date": f"{y:04d}-{mo:02d}-{d:02d}"}
        return
    if n <= 3 and _WEEKDAY_ONLY.match(t):
        ln.kind, ln.meta = "furniture", {}
        return
    if n <= 24 and _CHART_MARK.search(t) and _CHART_CREDIT.match(t):
        # A chart or illustration credit: page furniture, no article's byline.
        ln.kind, ln.meta = "furniture", {"credit": True}
        return
    if "版" in t and _JUMP.match(t):
        ln.kind, ln.meta = "furniture", {"jump": True}
        return
    if _DIGIT.search(s) and _page_header(ln, s, t):
        return
    if parse_lead(s):
        ln.lead = True
        return
    if _STAFF.search(s) and _staff_line(s):
        ln.kind, ln.meta = "furniture", {"staff": True}  # 责任编辑：X  版式设计：Y
        return
    if s[:1] in _BULLET:
        if looks_like_byline(s) or names_only(s[1:]):
            ln.kind = "byline"  # ■本报记者 X, or ■叶帆: an author under the head
            return
        ln.kind = "caption"
        m = _CREDIT.match(s.lstrip(_BULLET + " "))
        ln.meta = {"credit": m.group("credit")} if m else {}
        return
    if looks_like_byline(s):
        ln.kind = "byline"
        return
    if t.startswith(cv.CAPTION_OPENERS):
        _as_caption(ln)  # 上图：…, 图①…: a caption naming its picture
        return
    # (\s other than a space never prints: a printable line without a space has none)
    spaced_out = " " in s or not s.isprintable()
    # (soft text opens with no space, and here with no bullet: nothing to strip)
    m = _CREDIT.match(hard(s)) if spaced_out and _SPACED_TAIL.search(s) else None
    if m is None and t[-1:] in "）)" and _PAREN_CREDIT.search(t):
        m = _CREDIT.match(t)  # "…作业。（本报记者钱峰摄）": a credit in parentheses
    if m and len(m.group("credit")) >= 2:
        # "…产品。   单位供图": a caption line (or a caption's last line).
        ln.kind, ln.meta = "caption", {"credit": m.group("credit")}
        return
    opening = t[:1]
    if opening in "（(" and _closing_credit(s):
        # （本报北京3月24日电 记者 A）or（叶帆）after an article: its dateline and credits.
        ln.kind, ln.meta = "byline", {"closing": True}
        return
    if opening in "—－" and names_only(t.lstrip("—－ ")):
        ln.kind, ln.meta = "byline", {"closing": True}  # ——叶帆: a signature
        return
    if opening in "资本参相" and _BARE_NOTE.match(t):
        ln.kind = "note"
        return
    if opening in "（(" and _NOTE_START.match(t):
        ln.kind = "note"
        return
    if opening in "（(" and (m := _PHOTO_CREDIT_ALONE.match(t)):
        # （受访者供图）, （本报记者 X 摄） alone on a line: the credit of the caption above
        ln.kind, ln.meta = "caption", {"credit": m.group(1), "alone": True}
        return
    if opening in "（(" and _SOURCE.match(t):
        ln.kind = "source"
        return
    if opening in "【编" and _EDITOR_NOTE.match(t):
        ln.kind = "note"


def _column_before(lines: list[Line], i: int) -> float:
    """The width of the text lines just above line i (the column it sits in), or 0."""
    ws = sorted(ln.w for ln in lines[max(0, i - 6) : i] if ln.kind == "text")
    return ws[len(ws) // 2] if len(ws) >= 3 else 0.0


def _wrapped_bylines(lines: list[Line]) -> None:
    """A byline broken over a line end, inside a name (`■本报记者 罗 静 通讯员 袁志刚 彭` /
    `丽娟`) or after a title word: the next short line of names goes with it."""
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if ln.kind != "byline" or nxt.lead or len(nxt.text) > 6:
            continue
        if (ln.meta or {}).get("closing"):
            continue
        if nxt.size >= cv.TITLE_SIZE:
            continue  # printed as a title (a PDF says so): the next head's, not names
        words = ln.soft.split(" ")
        tail = words[-1]
        # (`程 翔`: a two-glyph name printed spaced ends the byline whole)
        spaced_name = len(words) >= 2 and len(words[-2]) == 1
        broken_name = (
            len(tail) == 1 and is_han(tail) and not spaced_name
            and all(is_han(c) for c in nxt.text)
        )
        if nxt.kind == "byline" and not nxt.meta and (
            broken_name or is_credit_title(tail.lstrip(cv.BULLETS))
        ):
            # a line of names read as an author line of its own, under a byline that ends
            # with a title word or the first glyph of a name: it goes on with that byline
            nxt.meta = {"cont": True, "join": broken_name}
            continue
        if nxt.kind != "text":
            continue
        if broken_name or names_only(nxt.soft):
            nxt.kind, nxt.meta = "byline", {"cont": True, "join": broken_name}
        elif nxt.text.strip() in cv.TRAILING_CREDITS or nxt.text.strip() == cv.PHOTO_TAIL:
            # the word closing a byline (报道, 采写, 摄) pushed to a line of its own
            nxt.kind, nxt.meta = "byline", {"cont": True, "join": False}


def paren_depth(text: str) -> int:
    """Brackets a text opens and does not close (negative: closes more than it opens)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def names_only(text: str) -> bool:
    """Only personal names, separated by spaces or 、 (two-character names may be spaced)."""
    words = [w for w in re.split(r"[\s、，,]+", text.strip()) if w]
    joined: list[str] = []
    for w in words:
        if len(w) == 1 and joined and len(joined[-1]) == 1:
            joined[-1] += w  # 叶 帆
        else:
            joined.append(w)
    return bool(joined) and all(cv.looks_like_name(w) for w in joined)


def _closing_credit(soft_text: str) -> bool:
    """A parenthesised dateline with credits, or names only, closing an article."""
    inner = soft_text[1:].strip()
    if parse_lead(inner) is not None:
        return True
    return inner.endswith(("）", ")")) and names_only(inner[:-1])


def _staff_line(soft_text: str) -> bool:
    """A page's staff line: every credit on it is an editor's job (责任编辑：X 版式设计：Y)."""
    rest = _STAFF.sub(" ", soft_text)
    return names_only(rest) if rest.strip() else True


def _page_header(ln: Line, spaced: str, dd: str) -> bool:
    """Section and page number (`7 社会`, `要闻 第2版`, `第3版`): furniture."""
    m = _HEADER_NUM_FIRST.match(spaced) or _HEADER_NUM_FIRST.match(dd)
    if m and m.group(2)[0] not in cv.MEASURE_WORDS:
        ln.kind, ln.meta = "furniture", {"number": m.group(1), "section": m.group(2)}
        return True
    if m := _HEADER_NAME_FIRST.match(spaced) or _HEADER_NAME_FIRST.match(dd):
        ln.kind, ln.meta = "furniture", {"section": m.group(1), "number": m.group(2)}
        return True
    if m := _HEADER_PAGE_ONLY.match(dd):
        ln.kind, ln.meta = "furniture", {"number": m.group(1)}
        return True
    return False


def credit_split(soft_text: str) -> tuple[str, str] | None:
    """(caption text, credit) of a caption's joined text, if it ends with a photo credit.
    (`…拍摄` is the verb of a sentence, not a credit.)"""
    m = _CREDIT.match(hard(soft_text.lstrip(_BULLET + " ")))
    if m is None or m.group("credit").endswith(cv.NOT_CREDIT_ENDS):
        return None
    return m.group("text"), m.group("credit")


def _captions(lines: list[Line]) -> None:
    """Group caption lines into captions, each running from its first line to its credit.

    A caption opens at a bullet (or a line the classifier took as a caption) and takes the
    lines that follow while its credit has not come: running text wrapped from it, then the
    credit, which may be broken over a line end or printed on a line of its own. After a
    finished sentence only a credit may follow. The first line gets meta `caption` and
    `credit`; the others `cont`.
    """
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        if ln.kind != "caption":
            i += 1
            continue
        group, joined = [ln], ln.soft
        j = i + 1
        while credit_split(joined) is None and j < n and len(group) < cv.MAX_CAPTION_LINES:
            nxt = lines[j]
            if nxt.lead or nxt.indent or nxt.soft[:1] in _BULLET:
                break
            if nxt.kind == "byline" and not _PHOTO_CREDIT_LINE.match(hard(nxt.soft)):
                break
            if nxt.kind not in ("text", "caption", "byline"):
                break
            cand = joined + " " + nxt.soft
            if ends_final(joined) and credit_split(cand) is None:
                break  # the caption's sentence is over and no credit follows
            group.append(nxt)
            joined = cand
            j += 1
        split = credit_split(joined)
        text, credit = split if split else (hard(joined.lstrip(_BULLET + " ")), None)
        ln.meta = {"caption": text, "credit": credit}
        for g in group[1:]:
            g.kind, g.meta = "caption", {"cont": True}
        i = j


def _opened_captions(lines: list[Line]) -> None:
    """A caption opening with words that describe its picture (`图为3月12日，…`) and no
    bullet: the line is its first when a photo credit ends the text within a caption's
    length, unless the line above runs into it inside a word (`宏伟蓝` / `图为…`: running
    text; a caption may interrupt a paragraph mid-sentence, where a picture is printed)."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or ln.lead or not ln.text.startswith(cv.CAPTION_OPENING_WORDS):
            continue
        prev = lines[i - 1] if i else None
        if prev is not None and prev.kind == "text" and not ends_final(prev.text) and (
                cuts_a_word(prev.text, ln.text)):
            continue
        joined = ln.soft
        for nxt in [None, *lines[i + 1 : i + cv.MAX_CAPTION_LINES]]:
            if nxt is not None:
                if nxt.lead or nxt.kind not in ("text", "caption", "byline"):
                    break
                joined += " " + nxt.soft
            if credit_split(hard(joined)) is not None:  # (本报记者 张 昊 摄: spaced)
                _as_caption(ln)
                break
            if nxt is not None and nxt.kind != "text":
                break


def _join_wrapped(lines: list[Line]) -> None:
    """A caption or note wrapped over several lines: the following lines join its kind."""
    for i, ln in enumerate(lines):
        # A caption's first lines printed without a bullet, before its line with the credit:
        # running text that ends no sentence, set at one width (a caption has no indent).
        if ln.kind == "caption" and (ln.meta or {}).get("credit") and i > 0:
            k = i - 1
            alone = (ln.meta or {}).get("alone")  # the credit on a line of its own
            while k >= 0 and i - k < cv.MAX_CAPTION_LINES:
                prev = lines[k]
                ended = ends_final(prev.text) and not (alone and k == i - 1)
                if prev.kind != "text" or prev.lead or ended or prev.w > 30:
                    break
                if prev.text.startswith(cv.DASHES) or prev.soft[:1] in _BULLET:
                    break
                # (on a page whose blank lines end blocks, a blank line ends the caption's)
                if lines[k + 1].block_gap or paren_depth(prev.text) < 0:
                    break  # a block ends above (a blank line), or a bracket opened before
                last_line = alone and k + 1 == i - 1  # a caption's last line is short
                if k < i - 1 and not last_line and abs(prev.w - lines[k + 1].w) > 1:
                    break  # not the caption's width
                if last_line and prev.w < lines[k + 1].w - 2.5:
                    break  # narrower than the caption's last line: no line of it
                before = lines[k - 1] if k else None
                if k == i - 1 and not alone and not (
                    before is None or before.kind != "text" or ends_final(before.text)
                    or abs(before.w - prev.w) <= 1
                    or before.text.startswith(cv.DASHES)  # a subheadline above the picture
                    or before.w <= prev.w / 2  # the short last line of a block above
                ):
                    break
                k -= 1
            for j in range(k + 1, i):
                lines[j].kind, lines[j].meta = "caption", {}
    _captions(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "byline" and (ln.meta or {}).get("closing"):
            # a closing credit wrapped over lines: up to its closing parenthesis
            depth = paren_depth(ln.text)
            j = i + 1
            while depth > 0 and j < len(lines) and j <= i + 3:
                if lines[j].kind not in ("text", "byline"):
                    break
                lines[j].kind, lines[j].meta = "byline", {"closing": True}
                depth += paren_depth(lines[j].text)
                j += 1
        if ln.kind == "note" and not ln.text.startswith(("（", "(")):
            # a bare note (资料来源：…) goes on while a dictionary word runs over the line end,
            # or, short of a blank line ending a block, while its line ends on a continuing
            # mark or fills the column (the text wrapped)
            column = _column_before(lines, i)
            j = i
            while (
                j + 1 < len(lines)
                and lines[j + 1].kind == "text"
                and not lines[j + 1].lead
                and (
                    cuts_a_known_word(lines[j].text, lines[j + 1].text)
                    or not lines[j + 1].block_gap
                    and _note_wrapped(lines[j], column)
                )
            ):
                lines[j + 1].kind = "note"
                j += 1
        if (
            ln.kind == "note"
            and ln.text.startswith(("（", "("))
            and not ln.text.endswith(("）", ")"))
        ):
            j = i + 1
            while j < len(lines) and j <= i + 3 and lines[j].kind == "text" and lines[j].w <= 30:
                lines[j].kind = "note"
                if lines[j].text.endswith(("）", ")")):
                    break
                j += 1
