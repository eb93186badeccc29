"""How a paper prints one story: the printed blocks of an article and its gold structure.

A `Story` (our own article, see README.md) says *what* the article is; a `Style` says how a
paper prints it: the dateline and byline forms, author lines, caption credits, column tags,
spacing habits. `print_story` turns the two into `Printed`: a list of `PBlock` (one printed
text object each: a headline, a byline line, a paragraph with its dateline lead, a caption…)
and the gold article in pagedesk.page/1 terms. The layout (`layout.py`) wraps blocks into
lines and orders them the way an extractor would; the typesetter draws them into a PDF.

Every printed form here is a general newspaper convention, listed in issue 13 or in
DESIGN.md §2; none is taken from a page.
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass, field

from tests.corpus import Story

# Roles a printed block can have; each maps to where its text goes in the gold article.
HEAD_KINDS = ("kicker", "headline", "column_tag", "subheadline", "byline", "author")
BODY_KINDS = ("paragraph", "subhead")
TAIL_KINDS = ("source", "note", "closing")  # closing: （本报北京3月24日电 记者 A）
KINDS = HEAD_KINDS + BODY_KINDS + ("caption",) + TAIL_KINDS


@dataclass
class PBlock:
    """One printed text object of an article (or of the page furniture: article = -1)."""

    kind: str
    text: str  # as printed (bullets, leads, credits and brackets included)
    index: int = 0  # which paragraph/caption/note of the article
    size: str = "body"  # "kicker", "headline", "subheadline", "subhead", "body", "caption", "small"
    article: int = -1  # set by the page


@dataclass
class Style:
    """One paper's printing habits for a story; `generate.py` draws them from a half's menu."""

    credit_form: str = "lead-xun"  # see CREDIT_FORMS
    credit_sep: str = " "  # between names of one title: " " or "、"
    title_gap: str = ""  # between a title word and the first name: "" or " "
    spaced_names: str = ""  # how a two-character name is printed: "" (叶帆), " " (叶 帆), "\u3000"
    spaced_digits: bool = False  # 本报北京 3 月 24 日电
    author_form: str = "line"  # see AUTHOR_FORMS
    caption_form: str = "bullet-space"  # see CAPTION_FORMS
    column_tag_form: str = "same-line"  # "same-line": 标题（经济聚焦）; "own-line"
    source_form: str = "own-line"  # "own-line" or "run-in" (at the end of the last paragraph)
    subheadline_dash: bool = True  # print a subheadline without a leading —— as given
    reporter_title: str = "记者"  # the staff title: 记者, 首席记者, 特派记者, 全媒体记者
    credit_close: str = ""  # a word after a byline line's names: "", 报道, 采写
    date: datetime.date = datetime.date(2026, 3, 24)


# How reporters and correspondents are credited (news genres). Each value gives the printed
# dateline and where the credits go.
CREDIT_FORMS = (
    "lead-xun",  # 本报讯（记者 A 通讯员 B）正文……
    "lead-dated",  # 本报北京3月24日电（记者 A、B）正文……
    "lead-dated-noplace",  # 本报3月24日电（记者 A）
    "lead-dian",  # 本报电（记者 A）
    "lead-wire",  # 新华社北京3月24日电（记者 A）
    "lead-wire-bare",  # 新华社北京3月24日电 正文…… (no credits)
    "lead-xun-bare",  # 本报讯 正文…… (credits, if any, on a byline line)
    "line",  # ■本报记者 A B (a line of its own under the head), body without a dateline
    "line-plain",  # 本报记者 A 通讯员 B
    "line+xun",  # a byline line under the head and 本报讯 opening the body
    "closing",  # （本报北京3月24日电 记者 A）after the last paragraph
)
# How signed pieces (commentary, theory, review, letter, column) name their authors.
AUTHOR_FORMS = (
    "line",  # 叶 帆 (names only, under the headline/subheadline)
    "bullet",  # ■叶帆
    "closing",  # （叶帆）alone after the last paragraph
    "dash",  # ——叶帆 alone after the last paragraph
)
CAPTION_FORMS = (
    "bullet-space",  # ■caption。 本报记者张昊摄
    "plain-space",  # caption。 本报记者张昊摄
    "paren",  # caption。（本报记者张昊摄）
    "triangle-newline",  # ▲caption。 / 本报记者 张昊 摄 (credit on its own line)
    "tu-wei",  # 图为caption。 本报记者张昊摄 (opening 图为, no marker)
)

_TITLE_RE = re.compile(r"^(本报记者|本报通讯员|全媒体记者|新华社记者|摄影记者|记者|通讯员)")


def _space_name(name: str, style: Style) -> str:
    if len(name) == 2 and style.spaced_names:
        return name[0] + style.spaced_names + name[1]
    return name


def _credits(groups: list[tuple[str, list[str]]], style: Style) -> tuple[str, str]:
    """Printed and gold text of credits such as 记者 A、B 通讯员 C."""
    printed, gold = [], []
    for title, names in groups:
        if not names:
            continue
        title = _title(title, style)
        printed.append(title + style.title_gap + style.credit_sep.join(
            _space_name(n, style) for n in names))
        gold.append(title + style.credit_sep.join(names))
    return " ".join(printed), " ".join(gold)


def _date(style: Style) -> tuple[str, str]:
    d = style.date - datetime.timedelta(days=1)
    gold = f"{d.month}月{d.day}日"
    if style.spaced_digits:
        return f" {d.month} 月 {d.day} 日", gold
    return gold, gold


@dataclass
class Printed:
    blocks: list[PBlock]
    gold: dict
    lead_len: int = 0  # characters of the first paragraph's printed text taken by its lead
    family: dict = field(default_factory=dict)  # the conventions used, for per-family tables


def _gold_skeleton(story: Story) -> dict:
    return {
        "kicker": story.kicker,
        "headline": story.headline,
        "subheadline": story.subheadline,
        "dateline": None,
        "byline": None,
        "authors": [],
        "reporters": [],
        "correspondents": [],
        "photographers": [],
        "body": [{"type": t, "text": x} for t, x in story.body],
        "captions": [{"text": t, "credit": c} for t, c in story.captions],
        "source": story.source,
        "notes": [],
    }


def _photographers(story: Story) -> list[str]:
    """Photographers named in a printed caption credit."""
    names = story.names("photographers")
    return [n for n in names if any(n in c for _t, c in story.captions)]


def _print_credit(credit: str, style: Style) -> str:
    """A caption credit as printed: 本报记者张昊摄 may come out 本报记者 张 昊 摄."""
    if not style.spaced_names:
        return credit
    m = re.match(r"^(.*?(?:记者|通讯员))(\S{2,3})(摄)$", credit)
    if not m:
        return credit
    return f"{m.group(1)} {_space_name(m.group(2), style)} {m.group(3)}"


def news_credit_groups(story: Story) -> list[tuple[str, list[str]]]:
    return [("记者", story.names("reporters")), ("通讯员", story.names("correspondents"))]


def _title(title: str, style: Style, staff: str = "") -> str:
    """The printed title word: the paper's staff title for its reporters."""
    return staff + style.reporter_title if title == "记者" else title


def print_story(story: Story, style: Style, rnd: random.Random) -> Printed:
    """The printed blocks and the gold of one story in one paper's style."""
    gold = _gold_skeleton(story)
    blocks: list[PBlock] = []
    family: dict = {}
    if story.kicker:
        blocks.append(PBlock("kicker", story.kicker, size="kicker"))
    if story.column_tag:
        tag = f"（{story.column_tag}）"
        gold["headline"] = story.headline + tag
        family["column_tag"] = style.column_tag_form
        if style.column_tag_form == "same-line":
            blocks.append(PBlock("headline", story.headline + tag, size="headline"))
        else:
            blocks.append(PBlock("headline", story.headline, size="headline"))
            blocks.append(PBlock("column_tag", tag, size="subheadline"))
    else:
        blocks.append(PBlock("headline", story.headline, size="headline"))
    if story.subheadline:
        family["subheadline"] = "dash" if story.subheadline.startswith("——") else "plain"
        blocks.append(PBlock("subheadline", story.subheadline, size="subheadline"))

    paras = list(story.body)
    lead = ""
    tail: list[PBlock] = []
    reporters, correspondents = story.names("reporters"), story.names("correspondents")
    authors = story.names("authors")
    signed = story.genre in ("commentary", "theory", "review", "letter") or (
        authors and not reporters
    )
    if signed and authors:
        form = style.author_form
        family["author"] = form
        shown = " ".join(_space_name(n, style) for n in authors)
        gold["byline"] = " ".join(authors)
        gold["authors"] = list(authors)
        if form == "line":
            blocks.append(PBlock("author", shown, size="body"))
        elif form == "bullet":
            blocks.append(PBlock("author", "■" + shown, size="body"))
        elif form == "closing":
            tail.append(PBlock("closing", f"（{shown}）"))
        else:
            tail.append(PBlock("closing", "——" + shown))
    elif reporters or correspondents or (
        story.genre in ("brief", "news", "meeting") and not story.source
    ):
        form = style.credit_form
        if not (reporters or correspondents):
            form = "lead-xun-bare"  # a staff story printed without names
        if form in ("lead-dated", "closing") and not story.place:
            form = "lead-dated-noplace" if form == "lead-dated" else "lead-xun"
        if form in ("lead-wire", "lead-wire-bare") and not story.place:
            form = "lead-xun"
        family["credit"] = form
        groups = news_credit_groups(story)
        if form == "lead-wire":
            groups = [("记者", reporters + correspondents)]
        printed, credit_gold = _credits(groups, style)
        date_p, date_g = _date(style)
        place = story.place or ""
        if form == "lead-xun":
            dateline = "本报讯"
            lead = f"本报讯（{printed}）" if printed else "本报讯 "
        elif form == "lead-dated":
            dateline = f"本报{place}{date_g}电"
            lead = f"本报{place}{date_p}电" + (f"（{printed}）" if printed else " ")
        elif form == "lead-dated-noplace":
            dateline = f"本报{date_g}电"
            lead = f"本报{date_p}电" + (f"（{printed}）" if printed else " ")
        elif form == "lead-dian":
            dateline = "本报电"
            lead = "本报电" + (f"（{printed}）" if printed else " ")
        elif form == "lead-wire":
            dateline = f"新华社{place}{date_g}电"
            lead = f"新华社{place}{date_p}电" + (f"（{printed}）" if printed else " ")
        elif form == "lead-wire-bare":
            dateline = f"新华社{place}{date_g}电"
            lead = f"新华社{place}{date_p}电 "
            credit_gold = ""
        elif form == "lead-xun-bare":
            dateline = "本报讯"
            lead = "本报讯 "
            if printed:
                blocks.append(PBlock("byline", _line_byline(groups, style, bullet=True)))
            credit_gold = _line_byline_gold(groups, style)
        elif form in ("line", "line-plain", "line+xun"):
            dateline = "本报讯" if form == "line+xun" else None
            lead = "本报讯 " if form == "line+xun" else ""
            if printed:
                blocks.append(PBlock("byline", _line_byline(groups, style, form == "line")))
            credit_gold = _line_byline_gold(groups, style)
        else:  # closing
            dateline = f"本报{place}{date_g}电"
            closing = f"（本报{place}{date_p}电 {printed}）".replace(" ）", "）")
            tail.append(PBlock("closing", closing))
        gold["dateline"] = dateline
        gold["byline"] = credit_gold or None
        if form != "lead-wire-bare":
            gold["reporters"] = list(reporters)
            gold["correspondents"] = list(correspondents)
        if form == "lead-wire":
            gold["reporters"] = reporters + correspondents
            gold["correspondents"] = []
    photographers = _photographers(story)
    gold["photographers"] = photographers

    # the body: subheads and paragraphs; the lead opens the first paragraph
    for i, (kind, text) in enumerate(paras):
        printed_text = (lead + text) if i == 0 and lead else text
        blocks.append(PBlock(kind, printed_text, index=i, size="subhead" if kind == "subhead"
                             else "body"))
    # captions
    for i, (text, credit) in enumerate(story.captions):
        family.setdefault("caption", style.caption_form)
        credit_p = _print_credit(credit, style)
        if style.caption_form == "bullet-space":
            shown = f"■{text} {credit_p}"
        elif style.caption_form == "plain-space":
            shown = f"{text}　{credit_p}"
        elif style.caption_form == "paren":
            shown = f"{text}（{credit_p}）"
        elif style.caption_form == "tu-wei":
            shown = f"图为{text} {credit_p}"
            gold["captions"][i]["text"] = f"图为{text}"  # printed words of the caption
        else:
            shown = f"▲{text}\n{credit_p}"
        blocks.append(PBlock("caption", shown, index=i, size="caption"))
    # source tag, notes, closing credits
    if story.source:
        family["source"] = style.source_form
        if style.source_form == "run-in":
            last = max(i for i, b in enumerate(blocks) if b.kind == "paragraph")
            blocks[last] = PBlock("paragraph", blocks[last].text + f"（{story.source}）",
                                  index=blocks[last].index)
        else:
            tail.append(PBlock("source", f"（{story.source}）", size="small"))
    notes = list(story.notes)
    if story.author_unit:
        unit = story.author_unit
        notes.insert(0, f"（作者{'' if unit.startswith('分别') else '为'}{unit}）"
                     if not unit.startswith(("作者", "（")) else unit)
    for i, n in enumerate(notes):
        tail.append(PBlock("note", n, index=i, size="small"))
    gold["notes"] = notes
    blocks += tail
    return Printed(blocks=blocks, gold=gold, lead_len=len(lead), family=family)


def _line_byline(groups, style: Style, bullet: bool) -> str:
    """A byline printed on its own line: ■本报记者 A B 通讯员 C (报道)."""
    parts = []
    for title, names in groups:
        if names:
            parts.append(_title(title, style, "本报") + " "
                         + style.credit_sep.join(_space_name(n, style) for n in names))
    close = f" {style.credit_close}" if style.credit_close and parts else ""
    return ("■" if bullet else "") + " ".join(parts) + close


def _line_byline_gold(groups, style: Style) -> str:
    parts = []
    for title, names in groups:
        if names:
            parts.append(_title(title, style, "本报") + style.credit_sep.join(names))
    close = f" {style.credit_close}" if style.credit_close and parts else ""
    return " ".join(parts) + close
