"""Generated newspaper pages with their gold, from our own articles, by convention family.

    from tests.corpus.generate import family_pages, FAMILIES
    for page in family_pages("datelines", "tune", n=8, seed=1):
        page.text, page.gold   # raw page text and pagedesk.page/1 gold

Each family (issue 13's list) fixes the conventions it is about and draws every other
printing and extractor habit from the half's menus. The **tuning** half uses the tuning
writers' articles and the tuning menus; the **check** half uses the other writers' articles
and menus that hold surface variants the tuning half never shows. Rules are tuned on the
tuning half only; the check half is reported (`benchmarks/importer_families.py`).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, replace

from tests.corpus import Story, stories
from tests.corpus.layout import Layout, Owner, lay_out
from tests.corpus.printing import PBlock, Printed, Style, print_story

# -- the two halves' menus ---------------------------------------------------------------
MENUS: dict[str, dict[str, list]] = {
    "tune": {
        "credit_form": ["lead-xun", "lead-dated", "lead-wire", "line", "closing"],
        "credit_sep": [" ", "、"],
        "title_gap": ["", " "],
        "spaced_names": ["", " "],
        "spaced_digits": [False, True],
        "author_form": ["line", "closing", "bullet"],
        "caption_form": ["bullet-space", "paren"],
        "column_tag_form": ["same-line", "own-line"],
        "source_form": ["own-line", "run-in"],
        "blank": ["none", "blocks", "every"],
        "order": ["in-place", "interleaved"],
        "displaced": ["top", "both"],
        "caption_place": ["after-body", "after-head"],
        "indent": ["lost"],
        "widths": [(10, 16), (14, 20)],
        "header": ["{number} {section}", "{section} {number}"],
        "fake_bold": ["glyph"],
        "reporter_title": ["记者", "记者", "首席记者"],
        "credit_close": ["", "", "报道"],
        "banner": ["理论周刊", "民生"],
        # habits added later, drawn from their own stream (see `_more`)
        "caption_form_more": ["tu-wei"],
        "caption_place_more": ["mid-body", "before-head", "after-next-body", "page-middle"],
        "displaced_more": ["middle"],
    },
    "check": {
        "credit_form": ["lead-dated-noplace", "lead-dian", "lead-wire-bare", "lead-xun-bare",
                        "line-plain", "line+xun", "lead-xun", "lead-dated"],
        "credit_sep": [" ", "、"],
        "title_gap": ["", " "],
        "spaced_names": ["", "\u3000", " "],
        "spaced_digits": [False, True],
        "author_form": ["line", "dash"],
        "caption_form": ["plain-space", "triangle-newline"],
        "column_tag_form": ["own-line", "same-line"],
        "source_form": ["own-line", "run-in"],
        "blank": ["none", "blocks", "every"],
        "order": ["in-place", "interleaved"],
        "displaced": ["bottom", "both"],
        "caption_place": ["page-bottom", "page-top", "after-body"],
        "indent": ["lost", "fullwidth"],
        "widths": [(12, 18), (16, 24)],
        "header": ["第{number}版 {section}", "{number}  {section}"],
        "fake_bold": ["run"],
        "reporter_title": ["记者", "记者", "特派记者", "全媒体记者"],
        "credit_close": ["", "", "采写"],
        "banner": ["经济观察", "文化"],
        "caption_form_more": [],
        "caption_place_more": [],
        "displaced_more": [],
    },
}
SECTIONS = ["要闻", "理论", "经济", "社会", "文化", "民生", "地方新闻", "评论"]
EDITORS = ["周远", "林一", "苏蔓", "何田田", "江北"]


@dataclass
class GenPage:
    name: str
    family: str
    half: str
    text: str
    gold: dict
    layout: Layout
    conventions: dict


# -- families ----------------------------------------------------------------------------
FAMILIES = {
    "displaced-heads": "1 head groups printed at the page top or bottom, away from their bodies",
    "no-blank-boundaries": "2 a story running straight into the next one's head, no blank lines",
    "datelines": "3 dateline and byline forms of news stories",
    "bullet-lines": "4 ■/●/▲ lines: bylines and captions",
    "commentary-subheads": "5 long commentaries with subheads, no blank lines",
    "author-lines": "6 lines of names only, spaced two-character names",
    "paragraph-breaks": "7 no indent, full-width indents, full lines ending a sentence",
    "photo-captions": "8 photo stories and captions, placed apart from their story",
    "column-tags": "9 a column tag after the headline, on its line or its own",
    "subheadlines": "10 ——subheadlines under the headline",
    "closing-parens": "11 closing parentheses: authors, notes, sources, closing datelines",
    "column-chunks": "12 untitled column chunks of interleaved stories (pdftotext default)",
    "short-lines": "13 short opening lines and Q&A paragraphs that are not titles",
    "furniture": "14 page headers, vertical banners, editors' lines, fake bold",
    "extractor-shapes": "15 pdftotext -raw span breaks, OCR punctuation, letter-spacing",
}


def _choice(rnd: random.Random, half: str, key: str):
    return rnd.choice(MENUS[half][key])


def _more(half: str, key: str, seed: object, now, share: float = 0.3):
    """A habit added to a half's menu after its pages were first drawn: from a stream of its
    own (seeded by what the page drew already), so that every other draw stays as it was;
    `now` kept otherwise."""
    more = MENUS[half][f"{key}_more"]
    own = random.Random(repr((half, key, seed)))
    return own.choice(more) if more and own.random() < share else now


def _style(rnd: random.Random, half: str, date: datetime.date) -> Style:
    style = Style(
        credit_form=_choice(rnd, half, "credit_form"),
        credit_sep=_choice(rnd, half, "credit_sep"),
        title_gap=_choice(rnd, half, "title_gap"),
        spaced_names=_choice(rnd, half, "spaced_names"),
        spaced_digits=_choice(rnd, half, "spaced_digits"),
        author_form=_choice(rnd, half, "author_form"),
        caption_form=_choice(rnd, half, "caption_form"),
        column_tag_form=_choice(rnd, half, "column_tag_form"),
        source_form=_choice(rnd, half, "source_form"),
        date=date,
    )
    # drawn apart so that adding these habits left the other draws of every page as they were
    own = random.Random(repr((half, date, style.credit_form, style.caption_form)))
    return replace(style, reporter_title=_choice(own, half, "reporter_title"),
                   credit_close=_choice(own, half, "credit_close"),
                   caption_form=_more(half, "caption_form", date, style.caption_form))


def _layout(rnd: random.Random, half: str) -> Layout:
    layout = Layout(
        blank=_choice(rnd, half, "blank"),
        order="in-place",
        caption_place=_choice(rnd, half, "caption_place"),
        indent=_choice(rnd, half, "indent"),
        widths=_choice(rnd, half, "widths"),
    )
    return replace(layout, caption_place=_more(half, "caption_place", layout,
                                               layout.caption_place))


def _family_setup(family: str, rnd: random.Random, half: str, layout: Layout,
                  style: Style) -> tuple[callable, Layout, Style]:
    """What a family fixes: which stories it wants and which habits."""
    def any_story(s: Story) -> bool:
        return True

    want = any_story
    if family == "displaced-heads":
        layout = replace(layout, displaced=_choice(rnd, half, "displaced"),
                         displaced_share=rnd.choice([0.5, 0.75, 1.0]))
        layout = replace(layout, displaced=_more(half, "displaced", layout, layout.displaced,
                                                 share=0.4))
    elif family == "no-blank-boundaries":
        layout = replace(layout, blank="none")
    elif family == "datelines":
        def want(s):
            return s.genre in ("brief", "news", "meeting", "feature", "interview")
    elif family == "bullet-lines":
        style = replace(style, credit_form=rnd.choice(["line", "lead-xun-bare"]),
                        caption_form=rnd.choice(["bullet-space", "triangle-newline"]))

        def want(s):
            return bool(s.captions) or s.genre in ("news", "brief", "feature")
    elif family == "commentary-subheads":
        layout = replace(layout, blank="none")

        def want(s):
            return s.genre in ("theory", "commentary", "feature", "review")
    elif family == "author-lines":
        style = replace(style, author_form="line", spaced_names=rnd.choice(["", " ", "\u3000"]))
        layout = replace(layout, split_spaced_names=rnd.random() < 0.3,
                         displaced=rnd.choice(["", "", "top", "bottom"]))

        def want(s):
            return bool(s.names("authors"))
    elif family == "paragraph-breaks":
        layout = replace(layout, blank="none", indent=rnd.choice(["fullwidth", "lost"]))
    elif family == "photo-captions":
        place = _choice(rnd, half, "caption_place")
        layout = replace(layout, caption_place=_more(half, "caption_place", (layout, place),
                                                     place, share=0.4))

        def want(s):
            return bool(s.captions)
    elif family == "column-tags":
        def want(s):
            return bool(s.column_tag)
    elif family == "subheadlines":
        def want(s):
            return bool(s.subheadline)
    elif family == "closing-parens":
        style = replace(style, credit_form="closing",
                        author_form=rnd.choice(["closing", "dash"]))

        def want(s):
            return bool(s.source or s.notes or s.author_unit or s.place)
    elif family == "column-chunks":
        # pdftotext's default mode ends every text block with a blank line; a page without
        # any (other extractors) is the hard case, drawn less often
        layout = replace(layout, order="interleaved",
                         blank=rnd.choice(["blocks", "blocks", "blocks", "none"]),
                         column_lines=rnd.choice([(8, 16), (12, 25)]))
    elif family == "short-lines":
        def want(s):
            return s.genre in ("interview", "notice", "letter", "brief")
    elif family == "furniture":
        layout = replace(layout, fake_bold=_choice(rnd, half, "fake_bold"),
                         vertical_banner=_choice(rnd, half, "banner") if rnd.random() < 0.5
                         else "")
    elif family == "extractor-shapes":
        shape = rnd.choice(["raw", "ocr", "spaced"])
        if shape == "raw":
            layout = replace(layout, raw_spans=True, blank="none")
        elif shape == "ocr":
            layout = replace(layout, ocr_punct=0.6, letter_spaced=0.1, spaced_digits=True)
        else:
            layout = replace(layout, letter_spaced=0.2, spaced_digits=True, trailing_spaces=0.1)
    return want, layout, style


def _pick_stories(pool: list[Story], want, rnd: random.Random, k: int) -> list[Story]:
    fitting = [s for s in pool if want(s)]
    chosen = rnd.sample(fitting, min(len(fitting), max(1, k // 2 + 1)))
    rest = [s for s in pool if s not in chosen]
    while len(chosen) < k and rest:
        s = rnd.choice(rest)
        rest.remove(s)
        if sum(len(t) for _k, t in s.body) > 2500 and any(
            sum(len(t) for _k, t in c.body) > 2500 for c in chosen
        ):
            continue  # at most two long pieces on a page
        chosen.append(s)
    return chosen


def _furniture(rnd: random.Random, half: str, section: str, number: str,
               date: datetime.date) -> tuple[list[PBlock], dict]:
    header = _choice(rnd, half, "header").format(number=number, section=section)
    weekday = "一二三四五六日"[date.weekday()]
    dateline = f"{date.year}年{date.month}月{date.day}日 星期{weekday}"
    blocks = [PBlock("page_header", header, size="top")]
    page = {"section": section, "number": number, "date": None}
    if rnd.random() < 0.5:
        blocks.append(PBlock("page_date", dateline, size="top"))
        page["date"] = date.isoformat()
    if rnd.random() < 0.5:
        ed = rnd.sample(EDITORS, 2)
        blocks.append(PBlock("page_editor", f"责任编辑：{ed[0]}  版式设计：{ed[1]}",
                             size="foot"))
    return blocks, page


def _spans(numbers: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


def _gold_lines(gold: dict, a: int, owners: list[Owner | None]) -> None:
    """Line spans for the gold article from the layout's owners (blank lines bridge)."""
    where: dict[tuple[str, int], list[int]] = {}
    for i, o in enumerate(owners, 1):
        if o is not None and o[0] == a:
            where.setdefault((o[1], o[2]), []).append(i)

    def put(entry: dict, numbers: list[int]) -> None:
        if not numbers:
            return
        spans = _spans(numbers)
        bridged = [spans[0]]
        for s in spans[1:]:
            gap = range(bridged[-1][1] + 1, s[0])
            if all(owners[k - 1] is None for k in gap):
                bridged[-1][1] = s[1]
            else:
                bridged.append(s)
        entry["lines"] = [bridged[0][0], bridged[-1][1]]
        if len(bridged) > 1:
            entry["spans"] = bridged

    for i, el in enumerate(gold["body"]):
        put(el, where.get((el["type"], i), []))
    for i, c in enumerate(gold["captions"]):
        put(c, where.get(("caption", i), []))
    for key in ("kicker", "headline", "subheadline"):
        nums = where.get((key, 0), [])
        if key == "headline":
            nums = nums + where.get(("column_tag", 0), [])
        if nums:
            holder: dict = {}
            put(holder, nums)
            gold[f"{key}_lines"] = holder["lines"]


@dataclass
class PagePlan:
    """A page before any extractor: its articles as printed blocks, its furniture, the
    layout habits drawn for it, and the gold articles (without line numbers)."""

    name: str
    family: str
    half: str
    seed: int
    printed: list[Printed]
    furniture: list[PBlock]
    page_meta: dict
    layout: Layout
    conventions: dict
    story_ids: list[str]
    rnd: random.Random

    def gold(self) -> dict:
        return {
            "format": "pagedesk.page/1",
            "source": {"file": f"{self.name}.txt", "encoding": "utf-8"},
            "page": dict(self.page_meta),
            "articles": [_copy_gold(p.gold) for p in self.printed],
            "generator": {"family": self.family, "half": self.half, "seed": self.seed,
                          "stories": list(self.story_ids)},
        }


def _copy_gold(g: dict) -> dict:
    out = dict(g)
    out["body"] = [dict(el) for el in g["body"]]
    out["captions"] = [dict(c) for c in g["captions"]]
    return out


def plan_page(family: str, half: str, seed: int) -> PagePlan:
    """Choose a page's stories and conventions (deterministic for family, half and seed)."""
    rnd = random.Random(f"{family}/{half}/{seed}")
    pool = stories(half)
    date = datetime.date(2021, 1, 1) + datetime.timedelta(days=rnd.randint(0, 2000))
    style = _style(rnd, half, date)
    layout = _layout(rnd, half)
    want, layout, style = _family_setup(family, rnd, half, layout, style)
    k = rnd.randint(3, 6)
    chosen = _pick_stories(pool, want, rnd, k)
    printed: list[Printed] = []
    conventions: dict = {"layout": {k: v for k, v in vars(layout).items() if v}}
    for s in chosen:
        st = replace(style, credit_form=_choice(rnd, half, "credit_form")) \
            if family not in ("bullet-lines", "closing-parens") and rnd.random() < 0.5 else style
        p = print_story(s, st, rnd)
        printed.append(p)
        for key, v in p.family.items():
            conventions.setdefault(key, set()).add(v)
    section = rnd.choice(SECTIONS)
    number = str(rnd.randint(1, 24))
    furniture, page_meta = _furniture(rnd, half, section, number, date)
    conventions = {k: sorted(v) if isinstance(v, set) else v for k, v in conventions.items()}
    return PagePlan(f"{family}-{half}-{seed}", family, half, seed, printed, furniture,
                    page_meta, layout, conventions, [s.id for s in chosen], rnd)


def make_page(family: str, half: str, seed: int) -> GenPage:
    """One generated page of a family as extractor text, with its gold (line spans included)."""
    plan = plan_page(family, half, seed)
    laid = lay_out(plan.printed, plan.furniture, plan.layout, plan.rnd)
    text = plan.layout.newline.join(laid.lines) + plan.layout.newline
    gold = plan.gold()
    for a, g in enumerate(gold["articles"]):
        _gold_lines(g, a, laid.owners)
    return GenPage(plan.name, family, half, text, gold, plan.layout, plan.conventions)


def family_pages(family: str, half: str, n: int = 8, seed: int = 0) -> list[GenPage]:
    return [make_page(family, half, seed * 1000 + i) for i in range(n)]
