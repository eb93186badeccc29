"""Golden-file comparison of the Word export's XML for the hand-checked sample page.

The golden files are `golden/sample-page.document.xml` (word/document.xml)
and `golden/sample-page.styles.xml` (docDefaults plus the styles PageDesk
adds or changes). Volatile parts are normalised away before comparing:
rsid attributes (revision session ids) — dates live in docProps/core.xml,
which is checked by test_docx_core_properties instead.

To regenerate after an intended change, run

    PAGEDESK_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/export -k golden

and review the diff of tests/export/golden/ before committing it.
"""

from __future__ import annotations

import os
import zipfile

import pytest
from lxml import etree

from editor.export import export_articles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOLDEN_DIR = os.path.join(os.path.dirname(__file__), "golden")
CHANGED_BUILTINS = ("Normal", "Title", "Heading1", "Heading2", "Caption")


def normalise(root: etree._Element) -> str:
    for el in root.iter():
        for attr in list(el.attrib):
            if etree.QName(attr).localname.startswith("rsid"):
                del el.attrib[attr]
        if etree.QName(el).localname.startswith("rsid"):
            el.getparent().remove(el)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def styles_of_interest(styles_xml: bytes) -> etree._Element:
    src = etree.fromstring(styles_xml)
    out = etree.Element(f"{{{W}}}styles", nsmap={"w": W})
    out.append(src.find(f"{{{W}}}docDefaults"))
    for style in src.iterfind(f"{{{W}}}style"):
        sid = style.get(f"{{{W}}}styleId")
        if sid.startswith("PageDesk") or sid in CHANGED_BUILTINS:
            out.append(style)
    return out


def exported_parts(tmp_path, page) -> dict[str, str]:
    path = tmp_path / "sample.docx"
    export_articles([page], "docx", path)
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        styles = styles_of_interest(z.read("word/styles.xml"))
    return {
        "sample-page.document.xml": normalise(document),
        "sample-page.styles.xml": normalise(styles),
    }


def test_docx_xml_matches_golden_files(tmp_path, sample_page):
    """The sample page's document.xml and PageDesk styles equal the reviewed golden XML."""
    parts = exported_parts(tmp_path, sample_page)
    if os.environ.get("PAGEDESK_REGEN_GOLDEN"):
        for name, text in parts.items():
            with open(os.path.join(GOLDEN_DIR, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        pytest.skip("golden files regenerated; review `git diff tests/export/golden`")
    for name, text in parts.items():
        with open(os.path.join(GOLDEN_DIR, name), encoding="utf-8") as fh:
            expected = fh.read()
        assert text == expected, f"{name} differs from the golden file (see module docstring)"


def test_golden_normalisation_removes_only_volatile_parts():
    """rsids go; text, styles and other attributes stay."""
    root = etree.fromstring(
        f'<w:p xmlns:w="{W}" w:rsidR="00AB" w:rsidRDefault="00CD"><w:pPr>'
        f'<w:pStyle w:val="PageDeskBody"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>'
    )
    text = normalise(root)
    assert "rsid" not in text
    assert 'w:val="PageDeskBody"' in text and "正文" in text
