"""The cheap checks line classification makes before its patterns never skip a match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.clean import _IRREGULAR_WIDTH, hard, letter_spaced, soft, undouble
from editor.core.lines import _CHART_CREDIT, _CHART_MARK, _PLAIN, _SPACED_TAIL, make_lines
from editor.core.model import Printed


def test_only_the_ascii_space_is_printable_whitespace():
    printable = [c for c in map(chr, range(0x110000)) if re.match(r"\s", c) and c.isprintable()]
    assert printable == [" "]


_CREDITS = st.text(
    alphabet=st.sampled_from(list("制绘图表漫画插设计作：:/／（）() 张三李") + ["\u3000"])
)


@settings(max_examples=500, deadline=None)
@given(_CREDITS)
def test_a_chart_credit_holds_a_chart_mark(text):
    if _CHART_CREDIT.match(text):
        assert _CHART_MARK.search(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("摄供图 　\t\u2003\x0b，。李")), max_size=20))
def test_a_spaced_tail_needs_a_space_or_an_unprintable_character(text):
    if _SPACED_TAIL.search(text):
        assert " " in text or not text.isprintable()


_LINE_CHARS = st.sampled_from(
    list("中文，。、：“”（）—…《》0aZ%-,.:;?!() \t\u3000\u00a0\ufeff\r\x0b\x1c\u2003")
    + ["\u4e00", "\uff5e"]
)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_LINE_CHARS, max_size=30))
def test_a_plain_line_needs_no_cleaning(text):
    if not _PLAIN.fullmatch(text):
        return
    assert soft(text) == text and text.strip() == text
    single = undouble(text)
    assert hard(single) == single and not letter_spaced(single, 0.6)
    (ln,) = make_lines([text])
    assert not ln.indent and ln.soft == ln.text == single


def test_every_plain_character_is_printable_and_no_whitespace():
    chars = [c for c in map(chr, range(0x110000)) if _PLAIN.fullmatch(c)]
    assert all(c.isprintable() and not c.isspace() and c not in ",:;?!().\ufeff" for c in chars)
    assert not _IRREGULAR_WIDTH.search("".join(chars))  # regular_width() measures them


def test_a_sign_off_is_text_only_under_a_paragraphs_last_sentence():
    """Issuers and a date under a sentence's end are the notice's sign-off; the same lines
    with no sentence above them (a head, the page's date) or after a blank line on a page
    whose blank lines end blocks are not."""
    signed = make_lines(["具体事宜请咨询街道文化站。", "城南街道办事处", "2025年4月8日"])
    assert [(ln.kind, (ln.meta or {}).get("sign")) for ln in signed[1:]] == [
        ("text", True),
        ("text", True),
    ]
    unsigned = make_lines(["城南街道召开居民大会", "城南街道办事处", "2025年4月8日"])
    assert unsigned[2].kind == "furniture"
    weekday = make_lines(["具体事宜请咨询街道文化站。", "城南街道办事处", "2025年4月8日 星期二"])
    assert weekday[2].kind == "furniture"


def test_a_fragment_inside_a_word_is_no_author_line():
    """pdftotext -raw breaks running text at every span: a fragment that reads as a name but
    forms a word with the line after it is text; a real name under a head joins no word."""
    spans = make_lines(["记者：滨江市新", "就业形态", "劳动", "者的规模有多大"])
    assert spans[2].kind == "text"
    author = make_lines(["守护一河碧水贵在久久为功", "钟毓", "老旧小区加装电梯，一楼担心采光，"])
    assert author[1].kind == "byline"


def test_a_source_note_filling_the_column_ends_with_its_source():
    """A bare note as wide as the column goes on to the next line unless it ends with the
    name of its source (an organisation): then the line after it is not the note's."""
    column = ["节，结对帮带青年教师八", "十余人，覆盖全县十二所", "中学和三十多所小学。"]
    done = make_lines(column + ["资料来源：凤岭县教育局", "一条运河的深情回望"])
    assert [ln.kind for ln in done[3:]] == ["note", "text"]
    wrapped = make_lines(column + ["资料来源：凤岭县教育局和", "县统计局"])
    assert [ln.kind for ln in wrapped[3:]] == ["note", "note"]


def test_a_quantity_opening_a_title_line_is_no_page_header():
    header, quantity, more = make_lines(["7 社会", "125个驿站温暖", "300多次失败换"])
    assert (header.kind, header.meta) == ("furniture", {"number": "7", "section": "社会"})
    assert quantity.kind == more.kind == "text"


def test_a_photo_credit_alone_on_a_line_closes_the_caption_above_it():
    caption = ["越华公司青年研发团队成员", "正在调试纺丝试验设备。", "（受访者供图）"]
    lines = make_lines(["——记越华公司青年研发团队", *caption])
    assert [ln.kind for ln in lines] == ["text", "caption", "caption", "caption"]
    assert lines[1].meta["credit"] == "受访者供图"
    source = make_lines(["……切勿贸然下水施救。", "（据新华社电）"])
    assert source[1].kind == "source"


def test_a_fake_bold_title_in_overlapping_glyph_pairs_is_one_title():
    """pdftotext -raw gives a fake-bold title a glyph pair per line, each overlapping the
    last; short lines that do not overlap so are left alone."""
    from editor.core.lines import shingle_join

    pairs = ["桐", "桐川", "川县", "县为", "为河", "河湖", "湖", "做", "做事"]
    lines = make_lines([*pairs, "新华社桐川电（记者孔令菲）4月9日，桐川县发布首份报告。"])
    assert [(ln.meta or {}).get("shingle") for ln in lines] == [True] * 9 + [None]
    assert shingle_join(pairs) == "桐川县为河湖做事"
    plain = make_lines(["一", "二", "三", "四", "五"])
    assert not any((ln.meta or {}).get("shingle") for ln in plain)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("■村民在晒架上翻晒辣椒。 本报记者 陈默 摄", "村民在晒架上翻晒辣椒。", "本报记者陈默摄"),
        ("村民在晒架上翻晒辣椒。  本报记者陈默 摄", "村民在晒架上翻晒辣椒。", "本报记者陈默摄"),
        ("▲村民在晒辣椒。 通讯员 邵一帆 摄影", "村民在晒辣椒。", "通讯员邵一帆摄影"),
        ("上图：村民在晒架上翻晒辣椒。 陈默 摄", "上图：村民在晒架上翻晒辣椒。", "陈默摄"),
        ("图②：游客在村口拍照。（霞溪村供图）", "图②：游客在村口拍照。", "霞溪村供图"),
    ],
)
def test_caption_forms(line, caption, credit):
    (ln,) = make_lines([line])
    assert ln.kind == "caption"
    assert (ln.meta["caption"], ln.meta["credit"]) == (caption, credit)


def test_a_caption_wrapped_above_its_credit_alone_and_a_shooting_verb_is_no_credit():
    first = ["10月9日，霞溪村村民", "在屋顶晒架上翻晒辣椒。", "（本报记者 陈 默 摄）"]
    second = ["游客在村口观景台拍摄", "“晒秋”景观。（通讯", "员 邵一帆 摄）"]
    lines = make_lines(["霞溪村晒秋迎客来", *first, *second])
    assert [ln.kind for ln in lines] == ["text"] + ["caption"] * 6
    assert (lines[1].meta["caption"], lines[1].meta["credit"]) == (
        "10月9日，霞溪村村民在屋顶晒架上翻晒辣椒。",
        "本报记者陈默摄",
    )
    assert lines[4].meta["credit"] == "通讯员邵一帆摄"  # not 游客在村口观景台拍摄


def test_a_caption_under_a_subheadline_takes_its_first_line():
    caption = ["祝启明（右）在课后为学生讲解", "物理习题。（本报记者葛韵摄）"]
    lines = make_lines(["——记凤岭县第二中学的三位退休教师", *caption])
    assert [ln.kind for ln in lines] == ["text", "caption", "caption"]
    assert lines[1].meta["caption"] == "祝启明（右）在课后为学生讲解物理习题。"


def test_a_caption_under_the_short_last_line_of_a_note_takes_its_first_line():
    note = ["资料来源：桐川县生态环境局、县水", "", "利局", ""]
    caption = ["桐川河湿地公园一景，成群白鹭在浅", "滩觅食。（本报记者 谢宇航 摄）"]
    lines = make_lines(note + caption)
    assert [ln.kind for ln in lines] == ["note", "note", "caption", "caption"]
    assert lines[2].meta["caption"] == "桐川河湿地公园一景，成群白鹭在浅滩觅食。"


def test_authors_one_per_line_under_a_headline_are_all_author_lines():
    head = ["以数字化转型赋能中小企业发展", "东方明", "邢宇航"]
    lines = make_lines([*head, "制造业是实体经济的根基，中小企业"])
    assert [ln.kind for ln in lines] == ["text", "byline", "byline", "text"]


def test_a_sentence_ending_in_the_verb_paishe_carries_no_credit():
    from editor.core.lines import credit_split

    assert credit_split("村民在晒辣椒。游客在村口拍摄") is None
    assert credit_split("村民在晒辣椒。本报记者陈默摄") == ("村民在晒辣椒。", "本报记者陈默摄")


def test_a_number_running_on_into_a_measure_word_on_the_next_line_is_no_page_header():
    header, kicker, rest = make_lines(["要闻18", "早晚高峰15", "分钟一班"])
    assert (header.kind, header.meta) == ("furniture", {"section": "要闻", "number": "18"})
    assert (kicker.kind, rest.kind) == ("text", "text")


def test_a_source_note_goes_on_over_a_blank_line_only_inside_a_dictionary_word():
    """On a page whose blank lines end blocks, a bare note's short last line (`局`) and a
    head after the blank line (`桐川县为`) are not one word, however jieba glues them; a
    dictionary word cut at the break (`县水` / `利局`) carries the note over the gap."""
    column = ["节，结对帮带青年教师八", "十余人，覆盖全县十二所", "中学和三十多所小学。"]
    ended = make_lines([*column, "资料来源：凤岭县教育", "局", "", "桐川县为", "河湖做体检"])
    assert [ln.kind for ln in ended[3:]] == ["note", "note", "text", "text"]
    cut = make_lines([*column, "资料来源：桐川县生态环境局、县水", "", "利局", "一条运河"])
    assert [ln.kind for ln in cut[3:]] == ["note", "note", "text"]


@pytest.mark.parametrize(
    ("texts", "kinds"),
    [
        # a source tag wrapped over a line end under a paragraph's last sentence
        (
            ["热线服务将持续到5月底。", "（青禾县融媒体中心供", "稿）"],
            ["text", "source", "source"],
        ),
        # ... a note, by its opening word
        (
            ["热线服务将持续到5月底。", "（作者为青禾县农业农村", "局干部）"],
            ["text", "note", "note"],
        ),
        # a bracket opened inside running text (no sentence end above): text
        (
            ["县农业农村局负责人介绍，热线", "（青禾县融媒体中心供", "稿）"],
            ["text", "text", "text"],
        ),
        # a closing credit (a dateline in parentheses) is no source tag
        (
            ["热线服务将持续到5月底。", "（本报青禾3月10日电 记者", "罗静）"],
            ["text", "byline", "byline"],
        ),
    ],
)
def test_a_tag_wrapped_over_a_line_end(texts, kinds):
    assert [ln.kind for ln in make_lines(texts)] == kinds


def test_a_caption_with_its_credit_alone_takes_no_narrow_title_line_above_it():
    """A one-line caption over its credit alone: the subheadline's second line above it,
    far narrower than the caption, is no line of the caption."""
    head = ["——记凤岭县第二中", "学的三位退休教师"]
    caption = ["祝启明（右）在课后为学生讲解物理习题。", "（本报记者 葛 韵 摄）"]
    lines = make_lines([*head, *caption])
    assert [ln.kind for ln in lines] == ["text", "text", "caption", "caption"]


def test_a_bare_name_like_line_over_a_bulleted_byline_is_no_author():
    """`路径` (路 is a surname) ends a title broken over lines, right above `■季明轩`: a
    bare line over a bulleted byline is not another author (authors one per line share
    their style)."""
    lines = make_lines(["数字普惠金", "融助力乡村", "振兴的实践", "路径", "■季明轩"])
    assert [ln.kind for ln in lines] == ["text", "text", "text", "text", "byline"]
    # ... one name per line in one style: all authors
    lines = make_lines(["数字普惠金融助力乡村振兴", "■季明轩", "■路遥"])
    assert [ln.kind for ln in lines] == ["text", "byline", "byline"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("（记者王明采访整理）", "note"),  # who put the piece together: a note
        ("（王明 李华 采访整理）", "note"),
        ("（王明编译）", "note"),
        ("（本文采访整理：罗静）", "note"),
        ("（据新华社电）", "source"),  # where it came from: the source tag
        ("（县融媒体中心供稿）", "source"),
        ("（叶帆）", "byline"),  # the author alone: a closing credit
    ],
)
def test_a_closing_parenthesis_is_a_note_a_source_or_the_author(text, kind):
    assert make_lines(["他说，这是好事。", text])[1].kind == kind


def test_a_line_printed_as_a_title_under_a_byline_is_no_rest_of_a_name():
    """A byline ending with a name broken after its first glyph takes the short line of
    names under it; where the PDF prints that line at title size (the next story's kicker),
    it is not names."""
    raw = ["社区书屋座无虚席", "■本报记者 孙 明 通讯员 周", "文斌"]
    printed = {1: Printed(2.4, "hei", (40, 740, 232, 764)),
               2: Printed(1.0, "hei", (40, 720, 300, 730)),
               3: Printed(1.5, "song", (320, 760, 350, 775))}
    assert make_lines(raw)[2].kind == "byline"  # the text alone: the rest of 周文斌
    assert make_lines(raw, printed)[2].kind != "byline"


@pytest.mark.parametrize("above, caption, is_caption", [
    # after a finished paragraph; its credit spaced and on a line of its own
    ("城东的河道焕然一新。", ["图为志愿者在河岸边分拣", "捡来的塑料瓶。 本报记者 ", "王 川 摄"],
     True),
    # inside a paragraph, where the picture is printed (the line above ends no sentence)
    ("三百多名居民沿着河岸", ["图为志愿者在河岸边分拣", "捡来的塑料瓶。（本报记者王川摄）"], True),
    # running text whose word runs over the line end: 蓝 / 图为…
    ("大会为城市描绘了宏伟蓝", ["图为全市发展指明了方向", "和路径。本报记者王川摄"], False),
    # no photo credit within a caption's length: a sentence about a picture, not a caption
    ("城东的河道焕然一新。", ["图为志愿者在河岸边分拣", "捡来的塑料瓶和泡沫饭盒，"], False),
])
def test_a_line_opening_with_tu_wei_and_ending_in_a_credit_is_a_caption(
        above, caption, is_caption):
    """`图为…` opens a caption without a bullet, when a photo credit ends it within a
    caption's length and the line above does not run into it inside a word."""
    lines = make_lines([above, *caption, "活动组织者介绍，这次清理共收集垃圾两吨多。"])
    assert (lines[1].kind == "caption") is is_caption, [(ln.text, ln.kind) for ln in lines]
    if is_caption:
        assert all(ln.kind == "caption" for ln in lines[1:-1])
        assert lines[-1].kind == "text"


@pytest.mark.parametrize("closing", ["报道", "采写", "摄"])
def test_a_bylines_closing_word_pushed_to_a_line_of_its_own_goes_with_it(closing):
    """`■本报记者 蒋一鸣 通讯员 吴涛` / `报道`: the closing word alone on the next line is the
    byline's (it became an article of its own, `报道`)."""
    lines = make_lines(["■本报记者 蒋一鸣 通讯员 吴涛", closing,
                        "7月15日，县农村商业银行向一家合作社发放贷款120万元。"])
    assert [ln.kind for ln in lines] == ["byline", "byline", "text"]
    assert lines[1].meta == {"cont": True, "join": False}
