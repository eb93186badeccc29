"""Generated newspaper pages for benchmarks: raw page text made of recombined sentences.

`generate_pages(n_pages, articles_per_page)` writes (and caches under
`benchmarks/.cache/`) page files laid out like the sample page: a page
furniture line (`栏目 版号`), a date line, then articles — an optional kicker,
a headline, a `本报讯（记者 …）` lead and paragraphs wrapped into short lines
with blank lines between them. Sentences are drawn from the sample page in
`tests/data/` and from sentences written for this file, so the text has the
vocabulary and the 2- and 4-character words the search benchmark asks for.
Generation is deterministic for a given seed.

    from benchmarks.gen_data import generate_pages
    paths = generate_pages(200, 10)          # list of Path, created once
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "guangdong-jishi-p13.txt"
CACHE = Path(__file__).resolve().parent / ".cache"
VERSION = 1  # bump when the pages' text changes: it names the cached pages and libraries

OWN_SENTENCES = [
    "今年以来，市总工会把服务职工作为工作的出发点和落脚点。",
    "培训班邀请技术骨干现场授课，手把手教学员操作新设备。",
    "不少职工表示，这样的课程贴近岗位，学了就能用。",
    "工会干部深入车间班组，面对面听取一线职工的意见建议。",
    "活动现场设置了咨询台，律师为职工解答劳动合同方面的疑问。",
    "该公司把技能比武和岗位练兵结合起来，带动了一批青年技术能手成长。",
    "劳模工匠与青年职工结成师徒对子，定期开展技术攻关。",
    "应急救护知识技能培训覆盖了快递、外卖和网约车等新就业形态劳动者。",
    "产业工人队伍建设改革不断深化，职工的获得感持续增强。",
    "工作室成立三年来，累计完成技术革新项目二十余项。",
    "社区驿站为户外劳动者提供饮水、休息和手机充电服务。",
    "职工书屋新添置了上千册图书，下班后常有人来这里阅读。",
    "企业负责人介绍，创新发展离不开一支高素质的职工队伍。",
    "这次竞赛共有来自十二家单位的八十多名选手参加。",
    "工会还为困难职工送去慰问金和生活用品。",
    "座谈会上，大家围绕提升职业技能、拓宽成长通道等话题交流发言。",
    "技术难题被攻克以后，生产线的合格率明显提高。",
    "新入职的年轻人在老师傅的带领下很快熟悉了工作流程。",
    "夜校课程安排在周末，方便职工错开上班时间参加。",
    "主办方表示，下一步将把培训送到更多园区和工地。",
    "小组把现场遇到的问题一条条记下来，逐项研究解决办法。",
    "读书分享会上，几位职工讲述了自己岗位成才的经历。",
    "志愿服务队定期走进工地，为建筑工人义诊。",
    "经过层层选拔，五名职工获评年度岗位能手。",
]
HEAD_WORDS = ["职工", "技能", "培训", "工匠", "创新", "服务", "岗位", "劳模", "安全",
              "健康", "维权", "读书", "竞赛", "帮扶", "产改", "夜校"]
HEAD_PATTERNS = ["{a}{b}走进{c}一线", "让{a}{b}落到实处", "{a}课堂开进{c}", "{a}比武赛出{b}风采",
                 "以{a}促{b}", "{a}与{b}同行", "为{a}{b}添动力", "{a}{b}助力高质量发展"]
KICKERS = ["市总工会", "区总工会", "产业工会", "县总工会", None, None]
PLACES = ["车间", "园区", "工地", "社区", "企业", "校园"]
SURNAMES = "黄林陈李王张刘吴郑冯何许邓"
GIVEN = "建业芳英勇华嘉明玲晓杰雷宁涛伟静"
SECTIONS = ["广东纪事", "职工生活", "地方新闻", "综合"]


def sample_sentences() -> list[str]:
    """Sentences of the sample page (its lines joined, cut at 。！？)."""
    text = "".join(s.strip() for s in SAMPLE.read_text(encoding="utf-8").splitlines())
    parts = re.findall(r"[^。！？]{8,}[。！？]", text)
    return [p for p in parts if "广东纪事" not in p]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def page_head(rng: random.Random, number: int) -> list[str]:
    """A page's first lines: furniture (`栏目 版号`) and a date line, a random day of 2018–2025."""
    day = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randint(0, 2900))
    weekday = "一二三四五六日"[day.weekday()]
    return [f"{rng.choice(SECTIONS)} {number}", "",
            f"{day.year}年{day.month}月{day.day}日 星期{weekday}", ""]


def lead(rng: random.Random) -> str:
    """A dateline and byline opening an article's first paragraph, with generated names."""
    return f"本报讯（全媒体记者{_name(rng)} 通讯员{_name(rng)}）"


def article_lines(kicker: str | None, headline: str, opening: str, paragraphs: list[str],
                  width: int) -> list[str]:
    """One article's raw lines: titles, then paragraphs (`opening` before the first)
    wrapped at `width` with blank lines between lines, as some extractors give them."""
    lines = [kicker, ""] if kicker else []
    lines += [headline, ""]
    for p, para in enumerate(paragraphs):
        for chunk in _wrap(opening + para if p == 0 else para, width):
            lines += [chunk, ""]
    lines.append("")
    return lines


def make_page(rng: random.Random, number: int, articles: int, sentences: list[str]) -> str:
    """The raw text of one page with `articles` articles."""
    lines = page_head(rng, number)
    for _ in range(articles):
        kicker = rng.choice(KICKERS)
        a, b = rng.sample(HEAD_WORDS, 2)
        headline = rng.choice(HEAD_PATTERNS).format(a=a, b=b, c=rng.choice(PLACES))
        byline = lead(rng)
        width = rng.choice([15, 16, 17])
        paragraphs = ["".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))
                      for _ in range(rng.randint(3, 6))]
        lines += article_lines(kicker, headline, byline, paragraphs, width)
    return "\n".join(lines) + "\n"


def write_pages(folder: Path, n_pages: int, make: Callable[[int], str]) -> list[Path]:
    """`folder/page-NNNNN.txt` for i < n_pages, `make(i)` called in order for every i (so a
    seeded generator advances the same way) but written only when the file is missing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n_pages):
        path = folder / f"page-{i:05d}.txt"
        text = make(i)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def cache_tag() -> str:
    """Names the cached pages and libraries: the generator's version."""
    return f"g{VERSION}"


def generate_pages(n_pages: int, articles_per_page: int = 10, seed: int = 1,
                   cache: Path = CACHE) -> list[Path]:
    """Write (or reuse) `n_pages` page files; returns their paths, in order."""
    sentences = sample_sentences() + OWN_SENTENCES
    rng = random.Random(seed)
    return write_pages(cache / f"pages-{cache_tag()}-{articles_per_page}a-s{seed}", n_pages,
                       lambda i: make_page(rng, i % 24 + 1, articles_per_page, sentences))


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for p in generate_pages(n):
        print(p)
