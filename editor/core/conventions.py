"""Newspaper conventions as data, read by every importer stage.

Everything the importer knows about how Chinese newspapers print a page lives here:
glyph sets, dateline and byline forms, credit and note openers, furniture forms, layout
tolerances and the confidences decisions get. A stage asks this module; it does not spell
a convention itself.

Nothing here names the words of any particular page: each entry is a general statement
about newspapers (DESIGN.md §2, issue 13).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# -- glyphs ------------------------------------------------------------------------------
# Bullets that open a byline, a caption, a box label or a list item (■本报记者 X, ▲图为…).
BULLETS = "■●▲◆□◇★☆▶►◎"
# Punctuation that closes a sentence; closing quotes/brackets may follow it.
SENTENCE_END = "。！？…!?"
CLOSERS_AFTER_END = "”’」』）)"
# Punctuation of running sentences (titles may hold a colon, a dash or an enumeration comma).
SENTENCE_PUNCT = "，。；！？,;!?"
# Punctuation a line of running text never ends on at a paragraph end.
CONTINUING_END = "，、；：,;:（《“‘—"
DASHES = ("——", "—", "－－", "--", "－")
# Glyphs no phrase opens with (a structural particle, sentence-final particles): a line
# opening with one goes on from the line above (`振兴的实践` / `的实践路径`).
NEVER_OPENS = "的吗呢吧啊"
OPEN_PARENS = "（("
CLOSE_PARENS = "）)"

# -- credits: titles before names, by role (longest first when matched) ----------------------
# Any title may open with the paper's own name (OWN_PAPER: 本报记者, 本报首席记者, 本报通讯员).
CREDIT_TITLES: dict[str, str] = {
    "全媒体记者": "reporter",
    "融媒体记者": "reporter",
    "特约记者": "reporter",
    "特派记者": "reporter",
    "首席记者": "reporter",
    "见习记者": "reporter",
    "实习记者": "reporter",
    "特约评论员": "author",
    "评论员": "author",
    "特约撰稿人": "author",
    "特约撰稿": "author",
    "摄影记者": "photographer",
    "新华社记者": "reporter",
    "人民日报记者": "reporter",
    "记者": "reporter",
    "特约通讯员": "correspondent",
    "通讯员": "correspondent",
    "实习生": "correspondent",
    "撰文": "author",
    "撰稿": "author",
    "作者": "author",
    "文/图": "author",
    "文／图": "author",
    "文/": "author",
    "文／": "author",
    "摄影": "photographer",
    "图/": "photographer",  # 图/本报记者 X: the pictures' credit (see byline._people)
    "图／": "photographer",
    "图/文": "author",
    "图／文": "author",
    "文·图/": "author",
    "图·文/": "author",
    "文图/": "author",
    "制图": "graphics",
    "绘图": "graphics",
    "责任编辑": "editor",
    "编辑": "editor",
    "整理": "author",
}
PHOTO_TAIL = "摄"  # `本报记者 X 摄`: the names before it took the pictures
# Words closing a byline after its names (`记者 X 报道`, `X Y 文/图`): no name; the role they
# give names printed without a title before them (a printed title keeps its own role).
TRAILING_CREDITS: dict[str, str | None] = {
    "报道": None,
    "采写": "author",
    "撰文": "author",
    "文/图": "author",
    "文／图": "author",
    "图/文": "author",
    "图／文": "author",
}

# Surnames: a short line of names only (an author line, `（叶帆）` closing a piece) opens each
# name with one of these. Source tags in parentheses (`（市委宣）`, `（县委宣传部供稿）`) are
# abbreviations of organisations and rarely open with a common surname.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐"
    "冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆"
    "巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富"
    "尧闭由鄂"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "西门", "南宫", "独孤")


def looks_like_name(word: str) -> bool:
    """A personal name: 2–3 Han characters opening with a common surname, or 3–4 with a
    compound one."""
    if not 2 <= len(word) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return False
    if word[:2] in COMPOUND_SURNAMES:
        return len(word) >= 3
    return len(word) <= 3 and word[0] in SURNAMES


# -- datelines ---------------------------------------------------------------------------------
# Who files a story: the paper itself (本报), a news agency (…社), a web desk (…网).
OWN_PAPER = ("本报", "本刊")
AGENCY_SUFFIXES = ("社", "网")  # 新华社北京3月24日电, 人民网北京3月24日电
DATELINE_ENDS = "电讯"  # 本报北京3月24日电, 本报讯: every dateline ends with one of these
# A web desk or broadcaster's lead without place or date: 央视网消息：, 新华网消息：
NEWS_FROM = "消息"
# A date inside a dateline: 3月24日, 24日, spaced by extractors (3 月 24 日).
DATELINE_DATE = r"(?:\d{1,2} ?月 ?)?\d{1,2} ?日"
PLACE = r"[\u4e00-\u9fff]{0,8}?"


def dateline_pattern() -> str:
    """The regex of a dateline opening a text (group 1 is the dateline itself)."""
    own = any_of(OWN_PAPER)
    agency = "|".join(AGENCY_SUFFIXES)
    return (
        rf"^(?:[{re.escape(BULLETS)}])?\s*【?("  # some papers bracket it: 【本报讯】
        rf"(?:{own})[讯电]"
        rf"|(?:{own}){PLACE} ?{DATELINE_DATE} ?[{DATELINE_ENDS}]"
        rf"|(?:{own})[\u4e00-\u9fff]{{2,6}}?电"  # a place, no date: 本报北京电
        rf"|[\u4e00-\u9fff]{{1,6}}(?:{agency}){PLACE} ?{DATELINE_DATE} ?[{DATELINE_ENDS}]"
        r"|[\u4e00-\u9fff]{1,4}社电(?=[\s\u3000（(])"  # an agency, no place or date: 新华社电
        rf"|[\u4e00-\u9fff]{{0,6}}网讯"
        rf"|[\u4e00-\u9fff]{{1,6}}(?:网|台|社){NEWS_FROM}(?=\s*[：:])"
        r")】?"
    )


# How a news story's first sentence opens when it has no dateline: a date or a time word and
# a comma (9月6日，… 近日，…), or the reporter finding out (记者从…获悉，记者近日走访…). A
# line opening so starts a paragraph; no title reads so.
STORY_OPENING = (
    r"^(?:(?:(?:\d{1,2} ?月 ?)?\d{1,2} ?日(?:[上下]午|晚|晚上|凌晨|早上|清晨|中午)?"
    r"|近日|日前|近期|近年来|今年以来|入夏以来|入冬以来)[，,]"
    r"|(?:本报)?记者(?:近日|日前|昨天|昨日|今天|从|了解到|获悉|走访|注意到|调查发现))"
)

# -- captions, sources, notes -------------------------------------------------------------------
# How a photo credit ends: 本报记者张三摄, 单位供图, 新华社发, 资料图片, 受访者供图.
CAPTION_CREDIT_ENDS = ("供图", "摄", "摄影", "提供", "供稿", "/图", "／图", "图片", "社发")
# Of those, the ones only a photo credit ends with (a source tag may end 供稿 or 提供).
PHOTO_CREDIT_ENDS = ("供图", "摄", "摄影", "/图", "／图", "图片", "社发")
# Words ending so that are verbs of a caption's sentence, not credits: 在村口拍摄
NOT_CREDIT_ENDS = ("拍摄", "摄制")
# How a caption opens when it names its picture (上图：…, 图①：…); such a line is a caption
# with or without a bullet.
CAPTION_OPENERS = tuple(
    f"{where}图{colon}" for where in "上下左右中" for colon in "：:"
) + tuple(f"图{n}" for n in "①②③④⑤⑥⑦⑧⑨⑩")
# Words a caption opens with when it describes its picture (图为3月12日，…): such a line at
# the start of a block, with a photo credit within a caption's length below, is a caption.
CAPTION_OPENING_WORDS = ("图为", "上图为", "下图为", "左图为", "右图为")
# How a printed note opens (kept as a note of its article): （作者为…）, （本文系…）, 资料来源：…
NOTE_OPENERS = ("作者", "编者", "责任编辑", "本文", "注：", "注:", "资料来源", "数据来源",
                "本版", "文中")
EDITOR_NOTE = ("编者按", "【编者按】", "编者的话")
# How a parenthesised note closing a piece ends when it says who put the piece together:
# （记者王明采访整理）, （王明编译）. A note, not the article's source tag.
NOTE_ENDS = ("整理", "编译", "辑录")
# A note printed without parentheses after an article: 资料来源：…, 本文来源：…
BARE_NOTE_OPENERS = ("资料来源", "本文来源", "参考资料", "相关链接")

# -- page furniture -----------------------------------------------------------------------------
WEEKDAYS = "一二三四五六日天"
# A number followed by a measure word is a quantity (`125个驿站`, `300多次`), not a page
# number before its section name (`7 社会`).
MEASURE_WORDS = "个多余万亿千百名家项岁年月日次元人天条座所位辆台件户亩米倍成届期号批场分秒"
# Words that name an editor's job on a page's foot line: 责任编辑：X  版式设计：Y.
STAFF_ROLES = ("责任编辑", "责编", "版式设计", "美术编辑", "美编", "校对", "图片编辑", "版面设计")
# A chart, map or illustration credit printed by a graphic (page furniture, no article's).
GRAPHIC_CREDIT_TITLES = ("制图", "绘图", "图表", "漫画", "插图", "设计", "数据来源")
JUMP_WORDS = ("下转", "上接", "转", "接", "续")

# -- layout tolerances (display units: a CJK glyph is 1, an ASCII character 0.5) -----------------
INDENT = 2.0  # a paragraph's first line is printed two glyphs in; extractors lose the indent
INDENT_SLACK = (1.0, 4.0)  # on real pages the first line is W-4 … W-1 wide
HANGING = 1.0  # punctuation hung at a line end makes a full line W+1
CLAUSE_HUNG = "，、；：”"  # clause marks (and a closing quote) hung past the column end
HUNG_MARKS = "。！？" + CLAUSE_HUNG  # ... and the sentence ends
TEXT_MARKS = "，。；"  # running text holds these within its lines; a head line seldom does
SQUEEZE = 1.0  # punctuation compression lets a full line hold one more glyph
FULL_LINE = 1.5  # a line within this of the column width is full
TAIL_SHARE = 1 / 3  # a line this short ending with 。 is the last line of a paragraph
SHORT_LINE = 1.5  # a line shorter than W by more than this ends its paragraph (if it ends one)
TITLE_NARROWER = 3.5  # a title line is clearly narrower than a first line (W-2)
BALANCED = 1.0  # the lines of a title broken over lines differ in width by at most this
WIDE_TITLE = 1.5  # a line wider than the column by more than this is set across columns
WIDTH_REACH = 6  # a line's column width is read from the lines within this many of it
COLUMN_CHANGE = (1.5, 2.5)  # width difference marking a new column: with 4+ readings, fewer
LONG_HEAD = 30  # a head line is at most this wide (a line of running text is not a head)
HEAD_LINES = 8  # a head (kicker, headline, subheadline) set narrow takes at most this many lines
MAX_CAPTION_LINES = 6
# Printed sizes, where a PDF states them (relative to the page's body size): a line printed
# this much larger than the body is a title (headline, kicker, subheadline or subhead), never
# running text; a line within BODY_SIZE of the body size is printed as running text, never
# as a title; within one head, the largest lines are the headline.
TITLE_SIZE = 1.12
BODY_SIZE = 0.06
SAME_SIZE = 0.04  # two title lines this close in size are one title's
SUBHEAD_SIZE = 1.8  # a subhead inside a story is printed no larger than this; a headline is
GUTTER_ROWS = 3  # a gutter has body text on this many baselines at least on either side
BANNER_GLYPHS = 8  # a line set upright (one glyph under another) this short is a banner
# What a PDF page prints besides text takes part in its reading order as the space it
# fills: a picture at least PICTURE_SIDE body glyphs tall and wide, and a rule across at
# least RULE_GLYPHS glyphs (stories are parted by rules; a cut never runs through either).
PICTURE_SIDE = 3
RULE_GLYPHS = 4
# A caption is printed against its picture: a block of lines unlike running text (another
# face or size) within this many body glyphs under, over or beside it.
CAPTION_NEAR = 1.5
# A head is read right before the text printed under it: a reading of a PDF page that puts
# anything else after a head costs this much against one column break that flows.
HEAD_APART = 2
PRINTED_NEXT = 1.5  # weight of a PDF's geometry when a column chunk picks the text it continues
# A caption after a story stays with it unless another story's words claim it more than
# its own story's do by this factor (a picture sits with its story, most often below it).
CAPTION_OWN = 0.5
# pdftotext -raw on a fake-bold title: a glyph pair per line, each overlapping the last by a
# glyph. This many such lines, this share of them overlapping, make one title.
MIN_SHINGLES = 4
SHINGLE_SHARE = 0.7
# A notice, letter or proposal signs off under its last paragraph: its issuers, one per line
# (organisations), then the date alone on a line. Those lines are the article's, not a head
# and not the page's date.
ISSUER_ENDS = (
    "委员会", "办公室", "联合会", "政府", "中心", "集团", "公司", "协会", "学会", "工会",
    "会", "局", "委", "部", "厅", "院", "办", "处", "所", "社", "站", "馆", "校", "队",
)
MAX_ISSUERS = 4
ISSUER_CHARS = (3, 24)  # an issuer's name is this long
RECENT_BODIES = 40  # a chunk is threaded among the latest bodies (a page holds a few dozen)
SPLIT_NAME_REACH = 60  # lines within which the second glyph of a spaced name may come
# Topic evidence (summed word weights, see similarity.BodyIndex) at which a head's match
# with a body counts fully; one shared two-character word weighs about 1.5.
EVIDENCE_MASS = 3.0
# Two stories run together in one body when two of the page's head stacks both match it best
# and each matches one side of a chunk break much better than the other (a story's head
# names its own text): a stack's share of words on its side at least HEAD_SEAM_MATCH, and
# HEAD_SEAM_MARGIN more than on the other side.
HEAD_SEAM_MATCH = 0.3
HEAD_SEAM_MARGIN = 0.2
# A text reads clearly like one story when its mean log-likelihood ratio for that story over
# the page's others is at least CLEAR_RATIO (CLEAR_RATIO_STRICT right after a story ended)
# and CLEAR_MARGIN above the runner-up's (see similarity.WordUse.log_ratio_apart).
CLEAR_RATIO = 0.4
CLEAR_RATIO_STRICT = 0.5
CLEAR_MARGIN = 0.1
# How much of a text's opening is read to tell which story it goes on with.
OPENING_CHARS = 300
# A title between paragraphs is a subhead when the text after it shares at least this share
# of its words with the story above.
SAME_STORY_SHARE = 0.1
SHORT_BODY = 200  # characters of text above a title too few to judge its topic by

# -- confidences of the importer's decisions ----------------------------------------------------
CONFIDENCE = {
    "lead-start": 0.95,  # an article opening with a dateline or byline
    "plain-start": 0.8,  # an article opening with a paragraph after a break
    "subhead": 0.75,  # a one-line title between two paragraphs of one story
    "pull-quote": 0.7,
    "banner": 0.6,
    "full-line-end": 0.6,  # a paragraph that ends at a full line
    "quote-end": 0.55,
    "no-body": 0.3,
    "special-byline": 0.5,
}


def any_of(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# -- paper profiles ------------------------------------------------------------------------------
# A paper profile (`editor.core.profile`) extends these conventions for one newspaper: the
# names it files its own stories under, its credit titles, bullets, and so on. Which entries
# a profile may extend, and which tolerances it may set, is itself data:
EXTENSIBLE = {  # profile key -> (convention, kind)
    "own_papers": ("OWN_PAPER", "words"),  # 临江日报讯: the paper's own name before 讯/电
    "credit_titles": ("CREDIT_TITLES", "roles"),  # 驻京记者 = "reporter"
    "bullets": ("BULLETS", "glyphs"),
    "surnames": ("SURNAMES", "glyphs"),
    "caption_credit_ends": ("CAPTION_CREDIT_ENDS", "words"),
    "photo_credit_ends": ("PHOTO_CREDIT_ENDS", "words"),
    "note_openers": ("NOTE_OPENERS", "words"),
    "note_ends": ("NOTE_ENDS", "words"),
    "bare_note_openers": ("BARE_NOTE_OPENERS", "words"),
    "staff_roles": ("STAFF_ROLES", "words"),
    "graphic_credit_titles": ("GRAPHIC_CREDIT_TITLES", "words"),
    "jump_words": ("JUMP_WORDS", "words"),
    "issuer_ends": ("ISSUER_ENDS", "words"),
}
TUNABLE = {  # profile key -> (convention, lowest, highest)
    "indent": ("INDENT", 0.0, 4.0),
    "long_head": ("LONG_HEAD", 10, 80),
    "max_caption_lines": ("MAX_CAPTION_LINES", 1, 20),
}

_derived: list[Callable[[], None]] = []
_base: dict[str, object] = {}


def derived(build: Callable[[], None]) -> Callable[[], None]:
    """Register a stage's function that builds its patterns from these conventions; it runs
    now and again whenever a profile changes them."""
    _derived.append(build)
    build()
    return build


def apply_profile(extend: dict[str, object], tune: dict[str, float]) -> None:
    """Make the base conventions, extended by `extend` and with `tune` set, the ones every
    stage reads (both already checked by `editor.core.profile`); empty dicts restore the
    base. The stages' derived patterns are rebuilt."""
    g = globals()
    if not _base:
        _base.update({name: g[name] for name, _k in EXTENSIBLE.values()})
        _base.update({name: g[name] for name, _lo, _hi in TUNABLE.values()})
    g.update(_base)
    for key, more in extend.items():
        name, kind = EXTENSIBLE[key]
        have = _base[name]
        if kind == "roles":
            g[name] = {**have, **more}
        elif kind == "glyphs":
            added = "".join(c for c in more if c not in have)
            g[name] = have | set(added) if isinstance(have, set) else have + added
        else:
            g[name] = tuple(have) + tuple(w for w in more if w not in have)
    for key, value in tune.items():
        g[TUNABLE[key][0]] = value
    for build in _derived:
        build()
