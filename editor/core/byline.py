"""Bylines and datelines: `本报讯（全媒体记者X 通讯员Y）`, `■本报记者 X 摄`, `制图：X` …

`parse_lead(text)` finds a dateline/byline printed at the start of a
paragraph; `parse_byline(text)` reads a stand-alone byline into people by
role. Titles (记者, 通讯员 …) are dropped from names, two-character names
printed with a space (`叶 帆`) are joined, and the byline text is rebuilt in
one normal form: `TITLE NAME NAME TITLE NAME`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import conventions as cv
from .clean import hard, is_han, letter_spaced
from .model import Person

_PAREN = re.compile(r"^\s*[（(]([^（()）]{1,60})[)）]")
_PHOTO_WORD_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?:/|／)?\s*摄影$")  # …X 摄影 (after a name)


@cv.derived
def _build() -> None:
    """The patterns made of the conventions (again when a paper profile extends them)."""
    global _TITLE_RE, _ROLE, _DATELINE, _BARE_CREDIT, _PHOTO_TAIL, _BULLETS, _STANDALONE
    # longest first (全媒体记者 before 记者); the paper's own name may open any title
    _TITLE_RE = re.compile(rf"(?:{cv.any_of(cv.OWN_PAPER)})?(?:{cv.any_of(cv.CREDIT_TITLES)})")
    _ROLE = dict(cv.CREDIT_TITLES)
    # Dateline at the start of a paragraph: 本报讯, 本报北京3月24日电, 新华社北京4月9日电 …
    _DATELINE = re.compile(cv.dateline_pattern())
    # Credits printed after a dateline without brackets, up to 报道： or the text's first digit.
    _BARE_CREDIT = re.compile(
        rf"^\s+((?:{_TITLE_RE.pattern})[^，。！？（()）\d：:]{{2,40}}?)\s*(?:报道\s*[：:]|[：:]|\s(?=\d))"
    )
    _PHOTO_TAIL = re.compile(rf"\s*(?:/|／)?\s*{cv.PHOTO_TAIL}$")
    _BULLETS = cv.BULLETS
    _STANDALONE = re.compile(rf"^[{re.escape(_BULLETS)}]?\s*(?:{_TITLE_RE.pattern})")


@dataclass
class LeadMatch:
    dateline: str | None
    byline: str | None
    people: list[Person]
    end: int  # characters of the soft text taken by the lead


def _names(chunk: str) -> list[str]:
    """Split names on spaces and 、, joining single characters printed apart (`叶 帆`)."""
    parts = [p for p in re.split(r"[\s、，,]+", chunk.strip()) if p]
    out: list[str] = []
    pending = ""
    for i, p in enumerate(parts):
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        if (
            len(p) == 1
            and is_han(p)
            and not pending
            and not (len(nxt) == 1 and is_han(nxt))  # 叶 帆: a spaced pair of its own
            and out
            and len(out[-1]) in (3, 4)
            and cv.looks_like_name(out[-1][-1] + p)
            and cv.looks_like_name(out[-1][:-1])
        ):
            # a spaced name whose first glyph joined the name before it at a line break:
            # 葛明远孟 瑶 → 葛明远 孟瑶
            last = out.pop()
            out += [last[:-1], last[-1] + p]
            continue
        if len(p) == 1 and is_han(p):
            pending += p
            if len(pending) == 2:
                out.append(pending)
                pending = ""
            continue
        if pending:
            out.append(pending)
            pending = ""
        out.append(p)
    if pending:
        out.append(pending)
    # Two names whose separator was lost at a line break (`通讯员冉荣华` / `李妙玲 王晓嘉`,
    # `记者 葛明远` / `孟 瑶`): a run of 4–8 Han characters that is no one name splits where
    # both parts read as names (surnames checked), three-character parts first.
    split: list[str] = []
    for n in out:
        split += _two_names(n) if 4 <= len(n) <= 8 and all(is_han(c) for c in n) else [n]
    return [n for n in split if 1 < len(n) <= 8 or not is_han(n[0])]


def _two_names(run: str) -> list[str]:
    if cv.looks_like_name(run):
        return [run]
    for k in (3, 2, 4):
        a, b = run[:k], run[k:]
        if cv.looks_like_name(a) and cv.looks_like_name(b):
            return [a, b]
    return [run[:3], run[3:]] if len(run) == 6 else [run]


def _separator(chunk: str) -> str:
    """How the names of one credit are separated in the byline text: as printed (、 or a
    space; a comma becomes 、)."""
    return "、" if re.search(r"[、，,]", chunk) else " "


_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def _despace(text: str) -> str:
    """Undo letter-spacing: single spaces inside a spaced line go, wider gaps stay as one space.

    A line is letter-spaced when wide gaps separate its parts, or when no two Han characters
    stand together anywhere in it (记 者 王 丽); a line that holds both kinds of gap
    (记者 王 丽 李丽) has names spaced to align and is left to the name reader.
    """
    wide = "  " in text
    if wide or (letter_spaced(text, 0.75) and not _TWO_HAN.search(text)):
        text = re.sub(r"(?<=\S) (?=\S)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_byline(text: str) -> tuple[str | None, str | None, list[Person]]:
    """Read a byline (possibly with a dateline) into (dateline, normalised byline, people)."""
    t = _despace(text.strip().lstrip(_BULLETS + " 　").strip())
    dateline = None
    m = _DATELINE.match(t)
    if m:
        dateline = hard(m.group(1))
        t = t[m.end() :].strip()
        pm = _PAREN.match(t)
        if pm:
            t = pm.group(1)
    t = t.strip("（）() ")
    people, byline = _people(t)
    return dateline, byline, people


def _people(t: str) -> tuple[list[Person], str | None]:
    if not t:
        return [], None
    word_tail = _PHOTO_WORD_TAIL.search(t)
    word = "摄影" if word_tail else "摄"
    photo = bool(word_tail or _PHOTO_TAIL.search(t))
    if photo:
        # 本报记者 X 摄, X/摄, X 摄影: the names before it took the pictures
        t = _PHOTO_WORD_TAIL.sub("", _PHOTO_TAIL.sub("", t))
    t, closer = _closing_credit(t)
    t = re.sub(r"[：:]", " ", t)
    matches = list(_TITLE_RE.finditer(t))
    groups: list[tuple[str, str, list[str]]] = []
    chunks: list[tuple[str, str, str]] = []  # (title, role, text of the names)
    if not matches:
        chunks.append(("", "photographer" if photo else "author", t))
    else:
        head = t[: matches[0].start()].strip()
        if head:
            chunks.append(("", "author", head))
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(t)
            title = m.group(0)
            chunks.append((title, _title_role(title), t[m.end() : end]))
        if photo:
            title, _role, names = chunks[-1]
            chunks[-1] = (title, "photographer", names)
        for i in range(len(chunks) - 1):
            # 图/本报记者 X: a photo credit's word before a staff title, naming no one itself,
            # makes the names after that title the photographers (文/本报记者 X stays the
            # staff title's: a reporter writes)
            title, role, names = chunks[i]
            if role == "photographer" and title and not names.strip():
                nxt_title, _nxt_role, nxt_names = chunks[i + 1]
                chunks[i + 1] = (nxt_title, "photographer", nxt_names)
    if closer and cv.TRAILING_CREDITS.get(closer) and not photo and not chunks[-1][0]:
        # (a printed title keeps its role: 记者 X 采写 is still a reporter's credit)
        chunks[-1] = ("", cv.TRAILING_CREDITS[closer], chunks[-1][2])
    groups = [(title, role, _names(text), _separator(text)) for title, role, text in chunks]
    people = [Person(n, role) for _title, role, names, _sep in groups for n in names]
    parts = []
    glue = ""  # a title ending in a slash (文/, 图/) runs on into what follows it
    for title, _role, names, sep in groups:
        if names:
            parts.append(glue + title + sep.join(names))
            glue = ""
        elif title.endswith(("/", "／")):
            glue += title
        elif title:
            parts.append(glue + title)
            glue = ""
    if glue:
        parts.append(glue)
    byline = " ".join(parts) + (f" {word}" if photo else "") + (f" {closer}" if closer else "")
    return people, byline or None


def credit_line(dateline: str | None, byline: str | None) -> str | None:
    """Dateline and byline as a paper prints them together: `本报讯（记者 X）`, or either
    alone (None: neither)."""
    dateline, byline = (dateline or "").strip(), (byline or "").strip()
    return f"{dateline}（{byline}）" if dateline and byline else dateline or byline or None


def _title_role(title: str) -> str:
    """The role a credit title gives (`本报首席记者` as `首席记者`)."""
    for own in cv.OWN_PAPER:
        if title.startswith(own) and title not in _ROLE:
            title = title[len(own):]
    return _ROLE[title]


def is_credit_title(word: str) -> bool:
    """`word` is a credit title whole (`记者`, `本报首席记者`, `通讯员`)."""
    return bool(_TITLE_RE.fullmatch(word))


def _closing_credit(t: str) -> tuple[str, str | None]:
    """A word closing a byline after its names (`记者 X 报道`, `X Y 文/图`), split off:
    (the text before it, the word) or (the text, None)."""
    for word in sorted(cv.TRAILING_CREDITS, key=len, reverse=True):
        head = t[: -len(word)] if t.endswith(word) else ""
        if head and head[-1] in " 　/／" and is_han(head.rstrip(" 　/／")[-1:] or "x"):
            return head.rstrip(" 　/／"), word
    return t, None


def _spaced_credit(rest: str) -> tuple[list[Person], str, int] | None:
    """Credits after a dateline without brackets, ended by the space before the text:
    the longest run of words up to a space that reads as titles and names only (at most
    40 characters). (people, byline, where the credits end) or None."""
    if not _STANDALONE.match(rest.lstrip(" 　")):
        return None
    spaces = [i for i, c in enumerate(rest) if c in " 　" and 0 < i <= 40]
    for cut in reversed(spaces):
        head = rest[:cut].strip()
        if not head or not _TITLE_RE.match(head):
            continue
        found, text = _people(_despace(head))
        leftover = _TITLE_RE.sub("", _despace(head))
        names = "".join(p.name for p in found)
        if found and all(cv.looks_like_name(p.name) for p in found) and len(
            leftover.replace(" ", "").replace("、", "")
        ) == len(names):
            return found, text, cut
    return None


def parse_lead(soft_text: str) -> LeadMatch | None:
    """A dateline/byline opening a paragraph (`本报讯（记者 X）4月9日，…`), or None."""
    if not any(c in soft_text for c in cv.DATELINE_ENDS) and cv.NEWS_FROM not in soft_text:
        return None  # every dateline ends with 讯 or 电 (or 消息)
    m = _DATELINE.match(soft_text)
    if not m:
        return None
    dateline = hard(m.group(1))
    rest = soft_text[m.end() :]
    pm = _PAREN.match(rest)
    byline, people, end = None, [], m.end()
    if pm and _TITLE_RE.search(pm.group(1)):
        people, byline = _people(_despace(pm.group(1)))
        end = m.end() + pm.end()
    elif bm := _BARE_CREDIT.match(rest):
        # credits without brackets: 本报讯 记者 A 通讯员 B 报道：… (names must read as names)
        found, text = _people(_despace(bm.group(1)))
        if found and all(cv.looks_like_name(p.name) for p in found):
            people, byline, end = found, text, m.end() + bm.end()
    elif cut := _spaced_credit(rest):
        # ... or ended by a space before the text: 本报讯 记者 A 通讯员 B 今天上午，…
        people, byline, end = cut[0], cut[1], m.end() + cut[2]
    # Skip the space or punctuation between the lead and the paragraph's first word.
    while end < len(soft_text) and soft_text[end] in " 　：:":
        end += 1
    return LeadMatch(dateline=dateline, byline=byline, people=people, end=end)


_SENTENCE_MARK = re.compile("[。！？，]")


def looks_like_byline(soft_line: str) -> bool:
    """A stand-alone byline line: `■全媒体记者X 通讯员Y`, `本报记者 X`, `X 摄`, `制图：X`."""
    if len(soft_line) > 80 or _SENTENCE_MARK.search(soft_line):
        return False
    if not (
        soft_line[:1] in _BULLETS
        or soft_line.rstrip().endswith(cv.PHOTO_TAIL)
        or _TITLE_RE.search(soft_line)
        or _closing_credit(soft_line.rstrip())[1]
    ):
        return False  # no bullet, title word, photo credit or closing word: not a byline
    t = _despace(soft_line)
    if len(hard(t)) > 40:
        return False
    if _STANDALONE.match(t):
        rest = _TITLE_RE.sub("", t.lstrip(_BULLETS + " "))
        names = _names(rest.replace("：", " ").replace(":", " "))
        if not names or any(len(n) > 4 for n in names):
            return False
        # The words after the title must read as names when a colon may make the title a
        # speaker's label (`记者：劳动报酬、算法…` opens an interview question), or when
        # nothing sets them apart (`记者从有关方面获悉…`, running text cut at a line end).
        labelled = re.search(rf"(?:{_TITLE_RE.pattern})\s*[：:]", t)
        run_together = soft_line[:1] not in _BULLETS and " " not in soft_line.strip()
        return not (labelled or run_together) or all(cv.looks_like_name(n) for n in names)
    core = t.lstrip(_BULLETS + " ")
    rest, closer = _closing_credit(core)
    if closer:  # X Y 文/图, X 报道: names only before the closing word
        names = _names(rest)
        return 0 < len(names) <= 3 and all(cv.looks_like_name(n) for n in names)
    if _PHOTO_TAIL.search(core) and not core.endswith("摄影"):
        names = _names(_PHOTO_TAIL.sub("", core))
        return bool(names) and all(len(n) <= 4 for n in names) and len(names) <= 3
    return False
