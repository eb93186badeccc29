"""Lay out articles we wrote ourselves the way extractors render pages, with their gold.

Each layout returns (page text, gold dict in pagedesk.page/1 terms), so tests
score the importer with the same metric `pagedesk eval` uses. All text here
is ours; the layouts follow the shapes listed in issue 8 (column widths with
the indent lost, blank-line or tight style, displaced heads, interleaved
column chunks, letter-spacing, OCR punctuation).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.core.pages import column


@dataclass
class Art:
    headline: str
    paras: list[str]
    kicker: str | None = None
    subheadline: str | None = None
    byline_line: str | None = None  # a stand-alone byline printed under the headline
    lead: str = ""  # dateline/byline printed at the start of the first paragraph
    dateline: str | None = None
    byline: str | None = None
    people: dict[str, list[str]] = field(default_factory=dict)
    subheads: dict[int, str] = field(default_factory=dict)  # before paragraph i
    source: str | None = None
    note: str | None = None  # (作者为…) at the end

    def gold(self) -> dict:
        body = []
        for i, p in enumerate(self.paras):
            if i in self.subheads:
                body.append({"type": "subhead", "text": self.subheads[i]})
            body.append({"type": "paragraph", "text": p})
        d = {
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "dateline": self.dateline,
            "byline": self.byline,
            "authors": self.people.get("author", []),
            "reporters": self.people.get("reporter", []),
            "correspondents": self.people.get("correspondent", []),
            "photographers": self.people.get("photographer", []),
            "body": body,
            "captions": [],
            "source": self.source,
            "notes": [self.note] if self.note else [],
        }
        return d

    def heads(self) -> list[str]:
        out = [x for x in (self.kicker, self.headline, self.subheadline) if x]
        if self.byline_line:
            out.append(self.byline_line)
        return out

    def body_lines(self, width: int, indent: str = "") -> list[str]:
        out: list[str] = []
        for i, p in enumerate(self.paras):
            if i in self.subheads:
                out.append(self.subheads[i])
            lines = column((self.lead if i == 0 else "") + p, width)
            out += [indent + lines[0]] + lines[1:]
        if self.source:
            out.append(f"（{self.source}）")
        if self.note:
            out += column(self.note, width, indent=0)
        return out


def articles() -> list[Art]:
    """Six articles in the conventions of different papers."""
    return [
        Art(
            kicker="城西街道多措并举",
            headline="老旧小区加装电梯提速",
            lead="本报讯（记者 吴雨桐 通讯员陈 立）",
            dateline="本报讯",
            byline="记者吴雨桐 通讯员陈立",
            people={"reporter": ["吴雨桐"], "correspondent": ["陈立"]},
            paras=[
                "10月下旬，城西街道第十二部加装电梯在梧桐里小区投入使用，住在六楼的张阿姨第一次不用扶着栏杆一步步往上挪。",
                "街道工作人员介绍，今年以来街道把加装电梯列为民生实事，组织设计单位上门测量，帮助居民协商出资比例，审批时间比去年缩短了一半。",
                "据统计，城西街道共有老旧住宅楼三百多栋，目前已有四十多栋完成意见征询，预计明年上半年再开工二十部。",
            ],
            source="城西宣",
        ),
        Art(
            headline="乡村书屋亮起夜读灯",
            byline_line="■本报记者 孟 飞 摄影 钱小禾",
            byline="本报记者孟飞 摄影钱小禾",
            people={"reporter": ["孟飞"], "photographer": ["钱小禾"]},
            paras=[
                "每到傍晚，桃溪村文化礼堂二楼的书屋就亮起了灯。放学的孩子们在这里写作业，下地回来的村民也会坐下来翻几页农技杂志。",
                "书屋管理员是村里的退休教师，他把图书按照种植、养殖、医疗和儿童读物分了类，还在门口的小黑板上写下每周新到的书目。",
                "村委会主任说，书屋开放以来，借阅登记已经记满了三大本，接下来打算和县图书馆合作，每个季度轮换一批新书。",
            ],
            subheads={1: "退休教师当起管理员"},
        ),
        Art(
            kicker="聚焦数字经济",
            headline="小作坊搭上直播快车",
            subheadline="——县电商服务中心帮扶纪实",
            lead="新华社南昌9月18日电（记者 郑 宁 何思远）",
            dateline="新华社南昌9月18日电",
            byline="记者郑宁 何思远",
            people={"reporter": ["郑宁", "何思远"]},
            paras=[
                "在山脚下的一间竹编作坊里，手艺人老周对着手机镜头展示刚编好的果篮，屏幕另一头不断有人下单。",
                "县电商服务中心今年举办了六期直播培训，从搭建直播间、拍摄短视频到售后服务，手把手教给作坊主和返乡青年。",
                "老周说，过去一个月只能卖出几十件竹编，现在订单排到了年底，还招了三个徒弟帮忙。",
            ],
        ),
        Art(
            headline="让城市慢行系统更友好",
            byline_line="叶 帆",
            byline="叶帆",
            people={"author": ["叶帆"]},
            paras=[
                "步行和骑行是城市里最普通的出行方式，却常常在道路设计中被放在最后考虑。人行道被占用、非机动车道断头，都让慢行变得不再轻松。",
                "一座城市是否宜居，往往体现在这些细节里。规划部门在新建和改造道路时，应当把慢行空间的连续性作为硬指标，而不是可有可无的点缀。",
                "同时，管理也要跟上。共享单车乱停放、机动车占用人行道等问题，需要常态化治理，让市民愿意走出来、骑起来。",
            ],
            note="（作者为城市交通规划研究者）",
        ),
        Art(
            kicker="秋粮收购进行时",
            headline="粮站延长开放时间方便农户",
            byline_line="本报记者 秦 川",
            byline="本报记者秦川",
            people={"reporter": ["秦川"]},
            paras=[
                "这几天，南岭镇粮站门口排起了运粮车队。为了让农户少等待，粮站把收购时间延长到晚上八点，并增加了两条检验线。",
                "粮站负责人表示，今年秋粮品质好、水分低，收购价格也比去年略有上涨，农户卖粮积极性很高。",
            ],
        ),
        Art(
            headline="社区食堂开到家门口",
            lead="本报讯 ",
            dateline="本报讯",
            paras=[
                "近日，河滨社区食堂正式开业，六十岁以上老人凭卡就餐可享受八折优惠，菜品每天更换，荤素搭配。",
                "社区负责人介绍，食堂由街道提供场地、专业餐饮企业运营，既保证了饭菜质量，也让价格维持在居民能够接受的水平。",
                "开业第一周，食堂每天接待就餐居民两百多人次，不少年轻上班族也专程来这里吃午饭。",
            ],
        ),
    ]


def _gold_page(arts: list[Art], ordered: list[Art]) -> dict:
    return {"format": "pagedesk.page/1", "articles": [a.gold() for a in ordered]}


def render(
    arts: list[Art],
    *,
    widths: list[int],
    blank: bool = False,
    displaced: tuple = (),
    header: str | None = "7 社会",
    seed: int = 0,
    indent: str = "",
    newline: str = "\n",
) -> tuple[str, dict]:
    """Articles one after another, heads in place unless their index is in `displaced`."""
    rnd = random.Random(seed)
    lines: list[str] = []
    top: list[str] = []
    bottom: list[str] = []
    if header:
        lines.append(header)
    for i, a in enumerate(arts):
        heads = a.heads()
        if i in displaced:
            (top if rnd.random() < 0.5 else bottom).extend(heads)
        else:
            lines += heads
        lines += a.body_lines(widths[i % len(widths)], indent)
    lines = top + lines + bottom
    sep = newline * 2 if blank else newline
    return sep.join(lines) + newline, _gold_page(arts, arts)


def interleave(
    arts: list[Art],
    *,
    widths: list[int],
    chunk: tuple[int, int] = (6, 10),
    blank_after_block: bool = True,
    seed: int = 0,
) -> tuple[str, dict]:
    """pdftotext's default order: heads across the top, then each article's column chunks."""
    rnd = random.Random(seed)
    blocks: list[list[str]] = []
    for a in arts:
        blocks.append(a.heads())
    queues = []
    for i, a in enumerate(arts):
        body = a.body_lines(widths[i % len(widths)])
        chunks, k = [], 0
        while k < len(body):
            n = rnd.randint(*chunk)
            chunks.append(body[k : k + n])
            k += n
        queues.append(chunks)
    while any(queues):
        for q in queues:
            if q:
                blocks.append(q.pop(0))
    sep = "\n\n" if blank_after_block else "\n"
    text = sep.join("\n".join(b) for b in blocks if b) + "\n"
    return text, _gold_page(arts, arts)


def ocr(text: str, seed: int = 0) -> str:
    """OCR-style noise: half-width punctuation where full-width was printed, spaced glyphs."""
    rnd = random.Random(seed)
    table = {"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"}
    out = []
    for line in text.split("\n"):
        line = "".join(table.get(c, c) if rnd.random() < 0.7 else c for c in line)
        if line and rnd.random() < 0.15:
            line = " ".join(line)
        out.append(line)
    return "\n".join(out)
