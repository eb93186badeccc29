"""The Word export opens right outside this machine: fonts every office suite finds,
upright captions, and a package that names PageDesk and carries nothing of the template.

Each test exports the hand-checked sample page and reads the saved .docx back with
zipfile and lxml, the way another program sees it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

import docx
import pytest
from lxml import etree

from editor.export import export_articles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {"w": W, "ep": EP, "rel": REL, "ct": CT}
# Latin font name -> the Chinese name Word on Chinese Windows knows it by.
FACES = {"SimSun": "宋体", "SimHei": "黑体", "KaiTi": "楷体"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture
def exported(tmp_path, sample_page):
    """The sample page exported to .docx: (path, {part name: parsed XML root})."""
    path = tmp_path / "portable.docx"
    export_articles([sample_page], "docx", path)
    with zipfile.ZipFile(path) as z:
        parts = {n: etree.fromstring(z.read(n)) for n in z.namelist()
                 if n.endswith((".xml", ".rels"))}
    return path, parts


def _style(styles, style_id: str):
    return styles.find(f"w:style[@w:styleId='{style_id}']", NS)


def _east_asian(styles, style_id: str) -> str:
    return _style(styles, style_id).find("w:rPr/w:rFonts", NS).get(w("eastAsia"))


def _is_on(toggle) -> bool:
    """A toggle property (w:i, w:b) is on when present without val 0/false/off."""
    return toggle is not None and toggle.get(w("val"), "true") not in ("0", "false", "off")


def test_docx_styles_name_fonts_by_their_latin_names(exported):
    """w:eastAsia names SimSun/SimHei/KaiTi (found on Windows, macOS and Linux), never 宋体."""
    _, parts = exported
    styles = parts["word/styles.xml"]
    east_asian = {rf.get(w("eastAsia")) for rf in styles.iter(w("rFonts"))} - {None}
    assert east_asian == set(FACES), east_asian
    assert _east_asian(styles, "PageDeskBody") == "SimSun"
    assert _east_asian(styles, "PageDeskHeadline") == "SimHei"
    assert _east_asian(styles, "PageDeskCaption") == "KaiTi"
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(w("eastAsia")) == "SimSun"
    # The Latin fonts beside them stay as they were.
    body = _style(styles, "PageDeskBody").find("w:rPr/w:rFonts", NS)
    assert body.get(w("ascii")) == body.get(w("hAnsi")) == "Times New Roman"
    headline = _style(styles, "PageDeskHeadline").find("w:rPr/w:rFonts", NS)
    assert headline.get(w("ascii")) == headline.get(w("hAnsi")) == "Arial"


def test_docx_font_table_gives_the_chinese_names_as_alternatives(exported):
    """fontTable.xml lists SimSun/SimHei/KaiTi with altName 宋体/黑体/楷体, GB2312, variable."""
    _, parts = exported
    fonts = parts["word/fontTable.xml"]
    families = {}
    for name, alt_name in FACES.items():
        entries = fonts.findall(f"w:font[@w:name='{name}']", NS)
        assert len(entries) == 1, name
        font = entries[0]
        assert font.find("w:altName", NS).get(w("val")) == alt_name
        assert font.find("w:charset", NS).get(w("val")) == "86"  # hexadecimal: GB2312
        assert font.find("w:pitch", NS).get(w("val")) == "variable"
        families[name] = font.find("w:family", NS).get(w("val"))
        # Children in schema order (CT_Font), or Word calls the file damaged.
        tags = [etree.QName(c).localname for c in font]
        assert tags == ["altName", "charset", "family", "pitch"], tags
    assert families == {"SimSun": "roman", "SimHei": "swiss", "KaiTi": "script"}
    # Every font the styles name has an entry in the font table.
    listed = {f.get(w("name")) for f in fonts.findall("w:font", NS)}
    for rfonts in parts["word/styles.xml"].iter(w("rFonts")):
        for attr in ("ascii", "hAnsi", "eastAsia"):
            if (name := rfonts.get(w(attr))) is not None:
                assert name in listed, name


def test_docx_captions_are_upright_kaiti(exported):
    """Captions are 楷体 and not italic (Chinese type does not slant), nor are credits or labels."""
    path, parts = exported
    styles = parts["word/styles.xml"]
    assert _east_asian(styles, "PageDeskCaption") == "KaiTi"
    for style_id in ("PageDeskCaption", "PageDeskCredit", "PageDeskLabel"):
        rpr = _style(styles, style_id).find("w:rPr", NS)
        assert not _is_on(rpr.find("w:i", NS)), style_id
        assert not _is_on(rpr.find("w:iCs", NS)), style_id
    # Nothing in the document slants a run directly either.
    document = parts["word/document.xml"]
    assert not any(_is_on(i) for i in document.iter(w("i"))), "italic run in document.xml"
    doc = docx.Document(str(path))
    for name in ("PageDesk Caption", "PageDesk Credit", "PageDesk Label"):
        assert not doc.styles[name].font.italic, name


def _resolve(rels_name: str, target: str) -> str:
    """The part name a relationship in `rels_name` points to."""
    source_dir = posixpath.dirname(posixpath.dirname(rels_name))  # "word/_rels/x.rels" -> "word"
    return posixpath.normpath(posixpath.join(source_dir, target)).lstrip("/")


def test_docx_package_names_pagedesk_and_drops_the_template_thumbnail(exported):
    """app.xml says PageDesk; no thumbnail part, no dangling relationship, no template metadata."""
    path, parts = exported
    app = parts["docProps/app.xml"]
    assert app.find("ep:Application", NS).text == "PageDesk"
    version = app.find("ep:AppVersion", NS)
    assert version is None or re.fullmatch(r"\d\d\.\d{4}", version.text), version.text
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    assert "docProps/thumbnail.jpeg" not in names
    assert not any(n.lower().endswith((".jpeg", ".jpg")) for n in names)
    for rels_name in (n for n in names if n.endswith(".rels")):
        for rel in parts[rels_name].findall("rel:Relationship", NS):
            assert not rel.get("Type").endswith("/thumbnail"), rels_name
            if rel.get("TargetMode") != "External":
                target = _resolve(rels_name, rel.get("Target"))
                assert target in names, f"{rels_name} points to missing {target}"
    types = parts["[Content_Types].xml"]
    overrides = {o.get("PartName").lstrip("/") for o in types.findall("ct:Override", NS)}
    assert overrides <= names
    assert "jpeg" not in {d.get("Extension") for d in types.findall("ct:Default", NS)}
    # docProps/core.xml carries the page's metadata, not python-docx's template defaults.
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "python-docx" not in core and "2013-12-23" not in core
    doc = docx.Document(str(path))
    assert doc.core_properties.title == "广东纪事　第13版"
    assert doc.core_properties.last_modified_by == "PageDesk"


def test_docx_app_version_only_in_office_format():
    """AppVersion is "NN.NNNN" from an "X.Y" version; other versions (like 0.1.0) leave it out."""
    from editor.export.docx import app_version

    assert app_version("1.2") == "01.0002"
    assert app_version("12.34") == "12.0034"
    assert app_version("0.1.0") is None
    assert app_version("1.2rc1") is None
