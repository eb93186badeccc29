"""Small test pages written for these tests (our own sentences), one convention each."""

from __future__ import annotations


def column(text: str, width: int, indent: int = 2) -> list[str]:
    """Set a paragraph at a column width the way a PDF extractor gives it: first line W-indent.

    Kinsoku as a compositor does it: closing punctuation never starts a line
    (it hangs at the end of the previous one, making it W+1), opening
    punctuation never ends one.
    """
    lines: list[str] = []
    cur, cap = "", width - indent
    for ch in text:
        if len(cur) >= cap:
            if ch in "，。、；：”’）！？":
                lines.append(cur + ch)
                cur, cap = "", width
                continue
            carry = ""
            while cur and cur[-1] in "“‘（":
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur, cap = carry, width
        cur += ch
    if cur:
        lines.append(cur)
    return [ln for ln in lines if ln]


def article(paras: list[str], width: int) -> list[str]:
    out: list[str] = []
    for p in paras:
        out += column(p, width)
    return out


RIVER = [
    "本报讯（记者 林小溪 通讯员王大川）11月3日，城东区举行河道清理志愿活动，"
    "三百多名居民沿着河岸捡拾垃圾、清理杂草，用一上午的时间让两公里长的河道焕然一新。",
    "活动组织者介绍，这次清理共收集垃圾两吨多，其中塑料瓶和泡沫饭盒占了一大半。她希望居民在日常生活中减少一次性用品的使用，从源头上保护河道环境。",
    "参加活动的退休教师周老师说：“看到河水一天比一天清，我们心里特别高兴。以后每个月我都会带着孙子来参加。”",
]
LIBRARY = [
    "新华社杭州10月20日电（记者 许 晴）西湖区图书馆近日推出夜间阅读服务，"
    "每周五和周六晚上开放到十点，吸引了不少下班后的年轻读者。",
    "馆长表示，延长开放时间后，晚间读者人数比去年同期增加了近一倍，其中以在附近园区工作的程序员和设计师居多。",
]
BAKERY = [
    "老街口的面包房开了二十年，每天清晨五点，店主老陈就开始揉面、发酵、烘烤，整条街都能闻到麦香。",
    "谈到经营的秘诀，老陈说用料实在、价格公道是最重要的。如今他的女儿也回到店里帮忙，还开通了线上订购。",
    "面包房的故事在街坊中流传，不少老顾客专门带着孩子来买刚出炉的法棍和菠萝包。",
]


def river_page() -> str:
    """Kicker + headline above a dateline article, another article with a displaced head."""
    lines = ["城东区三百居民齐上阵", "志愿清理让河道焕然一新"]
    lines += article(RIVER, 18)
    lines += ["（城东宣）"]
    lines += article(BAKERY, 16)
    lines += ["5 社区新闻"]
    lines += ["二十年面包房飘香老街口", "■本报记者 孙 明"]
    return "\n".join(lines) + "\n"


def news_page() -> str:
    """A wire dateline with a spaced two-character name, letter-spaced and OCR-punctuated lines."""
    body = article(LIBRARY, 20)
    body[1] = " ".join(body[1])  # a letter-spaced justified line
    lines = ["2026 年 11 月 20 日 星期五", "西湖区图书馆推出夜间阅读服务"] + body
    lines += ["（据新华社电）"]
    return "\n".join(lines) + "\n"
