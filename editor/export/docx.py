"""Word (.docx) export with python-docx: articles that look like the newspaper's.

Every paragraph gets a named PageDesk style (based on Title, Heading 1/2,
Caption or Normal), never only direct formatting, so a user can restyle the
whole document in Word. python-docx has no API for East Asian fonts
(DESIGN.md §9), so `_set_fonts` writes `w:eastAsia` on each style's
`rFonts`, the built-in styles lose their theme font attributes (a
`w:eastAsiaTheme` would override `w:eastAsia`), and the document language is
`zh-CN`.

Fonts are named by their Latin names (SimSun, SimHei, KaiTi), which Word on
Windows and macOS and LibreOffice (fontconfig) on Linux all resolve; the font
table (word/fontTable.xml) lists the Chinese names as alternatives for Word
on Chinese Windows. The package says PageDesk made it: docProps/app.xml names
PageDesk, and python-docx's template thumbnail is dropped.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from editor import __version__
from editor.core.model import Article

from .files import write_atomic
from .selection import (
    Counter,
    ExportError,
    Progress,
    Section,
    all_tags,
    byline_line,
    clean,
    count_articles,
    document_date,
    document_title,
    flow,
    page_banner,
    people_names,
)

SONG, HEI, KAI = "SimSun", "SimHei", "KaiTi"  # 宋体, 黑体, 楷体
SERIF, SANS = "Times New Roman", "Arial"  # Latin fonts beside them
# Font table entries for the Chinese faces: Latin name -> (Chinese name Word on
# Chinese Windows knows it by, font family class: serif, sans serif, brush script).
FONT_TABLE = {SONG: ("宋体", "roman"), HEI: ("黑体", "swiss"), KAI: ("楷体", "script")}
GB2312_CHARSET = "86"  # w:charset is hexadecimal: 0x86, GB2312
APPLICATION = "PageDesk"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_CENTER, _LEFT, _RIGHT, _JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


@dataclass(frozen=True)
class StyleSpec:
    name: str
    base: str
    east_asian: str
    latin: str
    size: float
    bold: bool = False
    italic: bool = False
    align: object = _JUSTIFY
    before: float = 0
    after: float = 0
    line: float = 1.0
    indent_chars: int = 0  # first-line indent in characters
    keep_next: bool = False
    color: str = "000000"


# Sizes follow Chinese type sizes: 二号 22pt, 四号 14pt, 五号 10.5pt, 小五 9pt.
STYLES = {
    "banner": StyleSpec("PageDesk Page Banner", "Title", HEI, SANS, 12, align=_LEFT, after=12,
                        keep_next=True, color="444444"),
    "kicker": StyleSpec("PageDesk Kicker", "Normal", HEI, SANS, 14, align=_CENTER, before=6,
                        after=4, keep_next=True),
    "headline": StyleSpec("PageDesk Headline", "Heading 1", HEI, SANS, 22, bold=True,
                          align=_CENTER, before=4, after=6, line=1.15, keep_next=True),
    "subheadline": StyleSpec("PageDesk Subheadline", "Normal", KAI, SERIF, 14, align=_CENTER,
                             after=6, keep_next=True),
    "byline": StyleSpec("PageDesk Byline", "Normal", KAI, SERIF, 10.5, align=_CENTER,
                        before=2, after=12, keep_next=True),
    "paragraph": StyleSpec("PageDesk Body", "Normal", SONG, SERIF, 10.5, line=1.5,
                           indent_chars=2),
    "subhead": StyleSpec("PageDesk Subhead", "Heading 2", HEI, SANS, 10.5, bold=True,
                         align=_LEFT, before=9, after=3, line=1.5, indent_chars=2,
                         keep_next=True),
    # Captions are set in 楷体 and upright: Chinese typesetting does not slant.
    "caption": StyleSpec("PageDesk Caption", "Caption", KAI, SERIF, 9, align=_LEFT, before=6,
                         after=6, line=1.2),
    "source": StyleSpec("PageDesk Source", "Normal", SONG, SERIF, 9, align=_RIGHT, before=6),
    "note": StyleSpec("PageDesk Note", "Normal", KAI, SERIF, 9, align=_LEFT, before=3),
    "tags": StyleSpec("PageDesk Tags", "Normal", SONG, SERIF, 9, align=_LEFT, before=3,
                      color="666666"),
    "separator": StyleSpec("PageDesk Separator", "Normal", SONG, SERIF, 6, before=6, after=18),
}
CREDIT_STYLE = "PageDesk Credit"  # character style for photo credits inside captions
LABEL_STYLE = "PageDesk Label"  # character style for 图/来源 labels
# Character styles: name -> (size in points or None to inherit, bold, fonts or None to
# inherit). All are upright, like the captions they sit in.
CHARACTER_STYLES = {
    CREDIT_STYLE: (9, False, None),
    LABEL_STYLE: (None, True, (HEI, SANS)),
}


def _set_fonts(rpr, east_asian: str, latin: str) -> None:
    """Give an rPr explicit fonts; drop theme fonts, which Word prefers over explicit ones."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian),
                        ("w:cs", latin)):
        rfonts.set(qn(attr), value)


def _prepare_base(doc) -> None:
    """Document defaults: Chinese language and fonts; built-in styles without theme fonts."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, SONG, SERIF)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    for rfonts in list(styles.iter(qn("w:rFonts"))):
        # Built-in (also table) styles name theme fonts: major = headings, minor = body.
        themes = [rfonts.get(qn(a)) or "" for a in _THEME_ATTRS]
        if any(themes):
            major = any(t.startswith("major") for t in themes)
            _set_fonts(rfonts.getparent(), HEI if major else SONG, SANS if major else SERIF)
    for style_name in ("Title", "Heading 1", "Heading 2", "Caption"):
        # Blue theme colours and the Title rule would show through our styles.
        rpr = doc.styles[style_name].element.get_or_add_rPr()
        color = rpr.find(qn("w:color"))
        if color is not None:
            rpr.remove(color)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _add_styles(doc) -> None:
    for spec in STYLES.values():
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[spec.base]
        style.quick_style = True
        font = style.font
        font.size = Pt(spec.size)
        font.bold = spec.bold
        font.italic = spec.italic
        font.color.rgb = RGBColor.from_string(spec.color)
        _set_fonts(style.element.get_or_add_rPr(), spec.east_asian, spec.latin)
        pf = style.paragraph_format
        pf.alignment = spec.align
        pf.space_before = Pt(spec.before)
        pf.space_after = Pt(spec.after)
        pf.line_spacing = spec.line
        pf.keep_with_next = spec.keep_next
        pf.first_line_indent = Pt(spec.size * spec.indent_chars) if spec.indent_chars else Pt(0)
        if spec.indent_chars:
            # Word measures the indent in characters (hundredths) when firstLineChars is set.
            ind = style.element.get_or_add_pPr().find(qn("w:ind"))
            ind.set(qn("w:firstLineChars"), str(spec.indent_chars * 100))
    doc.styles["PageDesk Body"].next_paragraph_style = doc.styles["PageDesk Body"]
    _rule(doc.styles[STYLES["separator"].name].element.get_or_add_pPr(), "top")
    _rule(doc.styles[STYLES["banner"].name].element.get_or_add_pPr(), "bottom")
    for name, (size, bold, fonts) in CHARACTER_STYLES.items():
        cstyle = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        cstyle.quick_style = True
        cstyle.font.italic = False
        if size:
            cstyle.font.size = Pt(size)
        if bold:
            cstyle.font.bold = True
        if fonts:
            _set_fonts(cstyle.element.get_or_add_rPr(), *fonts)


def _rule(ppr, side: str) -> None:
    """A thin rule above or below the paragraph, like the lines between newspaper articles."""
    border = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"),
                        ("w:color", "999999")):
        edge.set(qn(attr), value)
    border.append(edge)
    old = ppr.find(qn("w:pBdr"))
    if old is not None:
        ppr.remove(old)
    # CT_PPr orders its children; pBdr sits before spacing/ind/jc.
    anchor = next((c for c in ppr if c.tag in (qn("w:shd"), qn("w:tabs"), qn("w:spacing"),
                                                qn("w:ind"), qn("w:jc"))), None)
    if anchor is not None:
        anchor.addprevious(border)
    else:
        ppr.append(border)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4
    section.left_margin = section.right_margin = Mm(28)
    section.top_margin = section.bottom_margin = Mm(25)
    footer = section.footer.paragraphs[0]
    footer.alignment = _CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _edit_xml_part(source, reltype: str, edit) -> None:
    """Let `edit` change the root element of the part `source` relates to by `reltype`.

    python-docx loads parts it has no class for (the font table, docProps/app.xml)
    as bytes; the part is replaced, under the same rId, by an XML part (neither has
    relationships of its own).
    """
    rid, rel = next((rid, rel) for rid, rel in source.rels.items() if rel.reltype == reltype)
    old = rel.target_part
    part = XmlPart.load(old.partname, old.content_type, old.blob, old.package)
    edit(part.element)
    del source.rels[rid]
    source.load_rel(reltype, part, rid)


def _add_font_alternatives(fonts) -> None:
    """Font table entries for the Chinese faces, with their Chinese names as w:altName."""
    for name, (alt_name, family) in FONT_TABLE.items():
        for old in fonts.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                fonts.remove(old)
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        # CT_Font orders its children: altName, panose1, charset, family, notTrueType, pitch.
        for tag, value in (("w:altName", alt_name), ("w:charset", GB2312_CHARSET),
                           ("w:family", family), ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        fonts.append(font)


def app_version(version: str = __version__) -> str | None:
    """Office's AppVersion ("NN.NNNN") for an "X.Y" version, else None (then it is left out)."""
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,4})", version):
        return f"{int(m[1]):02d}.{int(m[2]):04d}"
    return None


def _set_application(props) -> None:
    """docProps/app.xml names PageDesk instead of the template's Microsoft Macintosh Word."""
    props.find(f"{{{EP}}}Application").text = APPLICATION
    version_el = props.find(f"{{{EP}}}AppVersion")
    if (version := app_version()) is None:
        if version_el is not None:
            props.remove(version_el)
    else:
        if version_el is None:
            version_el = props.makeelement(f"{{{EP}}}AppVersion", {})
            props.append(version_el)
        version_el.text = version


def _drop_thumbnail(package) -> None:
    """Drop the template's blank thumbnail (the part goes with its only relationship)."""
    for rid in [rid for rid, rel in package.rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package.rels[rid]


def new_document():
    """An empty A4 document carrying the PageDesk styles, fonts and application name."""
    doc = Document()
    _prepare_base(doc)
    _add_styles(doc)
    _page_setup(doc)
    _edit_xml_part(doc.part, RT.FONT_TABLE, _add_font_alternatives)
    package = doc.part.package
    _edit_xml_part(package, RT.EXTENDED_PROPERTIES, _set_application)
    _drop_thumbnail(package)
    return doc


def _para(doc, role: str, text: str, page_break: bool = False):
    p = doc.add_paragraph(clean(text), style=STYLES[role].name)
    if page_break:
        p.paragraph_format.page_break_before = True
    return p


def add_article(doc, article: Article, page_break: bool = False) -> None:
    """Append one article: title block, byline line, body in reading order, then the end matter."""
    first = [page_break]

    def put(role: str, text: str):
        p = _para(doc, role, text, first[0])
        first[0] = False
        return p

    for role, text in (("kicker", article.kicker), ("headline", article.headline),
                       ("subheadline", article.subheadline)):
        if text and text.strip():
            put(role, text)
    if line := byline_line(article):
        put("byline", line)
    for block in flow(article):
        if block.role == "caption":
            p = put("caption", "")
            p.add_run("图：", style=LABEL_STYLE)
            p.add_run(clean(block.display_text))
            if block.credit:
                p.add_run("　")
                p.add_run(clean(block.credit), style=CREDIT_STYLE)
        elif block.role == "credit":
            p = put("caption", "")
            p.add_run(clean(block.display_text), style=CREDIT_STYLE)
        else:
            put(block.role, block.display_text)
    if article.source:
        p = put("source", "")
        p.add_run("来源：", style=LABEL_STYLE)
        p.add_run(clean(article.source))
    for note in article.notes:
        put("note", note)
    if article.tags:
        put("tags", "标签：" + "、".join(article.tags))


# Word's core properties hold at most 255 characters (python-docx refuses longer ones).
PROPERTY_MAX = 255


def _fit(parts: list[str]) -> str:
    """Join property values with "; ", stopping before 255 characters (… marks the cut)."""
    out = ""
    for part in parts:
        nxt = f"{out}; {part}" if out else part
        if len(nxt) > PROPERTY_MAX - 1:
            return (out + "…") if out else part[: PROPERTY_MAX - 1] + "…"
        out = nxt
    return out


def _set_properties(doc, sections: list[Section]) -> None:
    articles = [a for s in sections for a in s.articles]
    cp = doc.core_properties
    cp.title = _fit([clean(document_title(sections))])
    cp.author = _fit([clean(n) for n in people_names(articles)])
    cp.keywords = _fit([clean(t) for t in all_tags(articles)])
    banners = []
    for s in sections:
        if (b := page_banner(s.page)) not in banners:
            banners.append(b)
    cp.subject = _fit([clean(b) for b in banners])
    cp.category = _fit([clean(sections[0].page.meta.section or "")]) if sections else ""
    cp.comments = "由 PageDesk（版面校对台）导出"
    cp.language = "zh-CN"
    cp.last_modified_by = "PageDesk"
    cp.revision = 1
    cp.created = document_date(sections)
    cp.modified = datetime.now(UTC).replace(microsecond=0)


def build_docx(sections: list[Section], *, one_per_page: bool = False,
               progress: Progress | None = None):
    """The python-docx Document for sections (see `selection.collect`)."""
    doc = new_document()
    counter = Counter(count_articles(sections), progress)
    show_banner = len(sections) > 1 or any(s.whole_page for s in sections)
    if not show_banner and not counter.total:
        raise ExportError("nothing to export")
    started = False  # anything written yet
    for section in sections:
        if show_banner:
            # (each newspaper page after the first starts a new page: several pages ran
            # together under their banners)
            _para(doc, "banner", page_banner(section.page), started)
            started = True
        for i, article in enumerate(section.articles):
            follows_banner = show_banner and i == 0
            if started and not follows_banner and not one_per_page:
                _para(doc, "separator", "")
            add_article(doc, article, one_per_page and started and not follows_banner)
            started = True
            counter.step()
    _set_properties(doc, sections)
    return doc


def write_docx(sections: list[Section], path: str | os.PathLike[str], *,
               one_per_page: bool = False, progress: Progress | None = None) -> list[str]:
    doc = build_docx(sections, one_per_page=one_per_page, progress=progress)
    buf = io.BytesIO()
    doc.save(buf)  # whole in memory first: a failed write leaves the old file as it was
    write_atomic(path, buf.getvalue())
    return [os.fspath(path)]
