"""Render the sample page's Word and HTML exports to PNGs for the docs.

    .venv/bin/python docs/render_exports.py [--keep DIR]

Exports the hand-checked sample (tests/data/guangdong-jishi-p13.gold.json
over its raw text, so the pictures do not change with the segmenter) to
.docx and .html, then renders

* the .docx with `libreoffice --headless --convert-to pdf` and `pdftoppm -png`
  (first page) → docs/export-docx.png
* the .html with `chromium --headless --screenshot` → docs/export-html.png

Needs the Debian packages libreoffice-writer (or -nogui), poppler-utils,
chromium, fonts-noto-cjk and fonts-arphic-ukai; the tests do not. Linux has no
SimSun/SimHei/KaiTi: a private fontconfig file takes the aliases `pagedesk
desktop-entry` installs (resources/fontconfig: SimSun → Noto Serif CJK,
SimHei → Noto Sans CJK, KaiTi → AR PL UKai), so the render shows what a
LibreOffice user with PageDesk's menu entry sees.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.pagejson import page_from_dict  # noqa: E402
from editor.export import export_articles  # noqa: E402

DATA = ROOT / "tests" / "data"
DOCS = ROOT / "docs"
DOCX_PAGES, DOCX_DPI = 3, 72

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <include>{shipped}</include>
  {aliases}
</fontconfig>
"""
SHIPPED = ROOT / "resources" / "fontconfig" / "60-pagedesk-cjk.conf"
ALIASES = {
    # Latin fallbacks: the CJK fonts' own Latin letters sit better with the Chinese text.
    "Times New Roman": "Noto Serif CJK SC", "Arial": "Noto Sans CJK SC",
}


def sample_page():
    raw = (DATA / "guangdong-jishi-p13.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "guangdong-jishi-p13.gold.json").read_text(encoding="utf-8"))
    page = page_from_dict(gold, raw)
    page.meta.date = page.meta.date or "2025-04-11"  # the sample file does not print its date
    return page


def fontconfig_env(tmp: Path) -> dict[str, str]:
    aliases = "\n  ".join(
        f'<alias binding="same"><family>{k}</family><prefer><family>{v}</family></prefer></alias>'
        for k, v in ALIASES.items()
    )
    conf = tmp / "fonts.conf"
    conf.write_text(FONTS_CONF.format(shipped=SHIPPED, aliases=aliases), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp)}


def need(*names: str) -> str:
    for name in names:
        if path := shutil.which(name):
            return path
    sys.exit(f"render_exports: none of {', '.join(names)} is installed")


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    """A binary PPM (P6, maxval 255) as (width, height, RGB bytes)."""
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit P6 PPM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h * 3]


def side_by_side_png(pages: list[Path], out_png: Path, gap: int = 24) -> None:
    """Put page images next to each other on a grey desk and save a PNG (zlib only)."""
    images = [read_ppm(p) for p in pages]
    height = max(h for _, h, _ in images) + 2 * gap
    width = sum(w for w, _, _ in images) + gap * (len(images) + 1)
    desk = bytes((0xD8, 0xD6, 0xD0))
    rows = []
    for y in range(height):
        row = bytearray(desk * gap)
        for w, h, rgb in images:
            iy = y - gap
            row += rgb[iy * w * 3:(iy + 1) * w * 3] if 0 <= iy < h else desk * w
            row += desk * gap
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    out_png.write_bytes(b"\x89PNG\r\n\x1a\n"
                        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
                        + chunk(b"IEND", b""))


def render_docx(docx: Path, out_png: Path, tmp: Path, env: dict[str, str]) -> None:
    """The first pages of the Word export, side by side (the sample's kickers start on p. 3)."""
    office = need("libreoffice", "soffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
                   check=True, env=env, capture_output=True, timeout=180)
    pdf = tmp / (docx.stem + ".pdf")
    subprocess.run([need("pdftoppm"), "-r", str(DOCX_DPI), "-f", "1", "-l", str(DOCX_PAGES),
                    str(pdf), str(tmp / "docx-page")], check=True, env=env, timeout=120)
    side_by_side_png(sorted(tmp.glob("docx-page*.ppm")), out_png)


def render_html(html: Path, out_png: Path, tmp: Path, env: dict[str, str]) -> None:
    browser = need("chromium", "chromium-browser", "google-chrome")
    shot = tmp / "html.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--hide-scrollbars",
                    f"--user-data-dir={tmp / 'chromium'}", "--window-size=1000,2300",
                    f"--screenshot={shot}", html.as_uri()],
                   check=True, env=env, capture_output=True, timeout=180)
    shutil.copyfile(shot, out_png)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", help="also keep the exported .docx/.html/.pdf in this folder")
    args = ap.parse_args(argv)
    page = sample_page()
    with tempfile.TemporaryDirectory(prefix="pagedesk-render-") as t:
        tmp = Path(t)
        env = fontconfig_env(tmp)
        docx, html = tmp / "sample.docx", tmp / "sample.html"
        export_articles([page], "docx", docx)
        export_articles([page], "html", html)
        render_docx(docx, DOCS / "export-docx.png", tmp, env)
        render_html(html, DOCS / "export-html.png", tmp, env)
        if args.keep:
            keep = Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            for f in (docx, html, tmp / "sample.pdf"):
                shutil.copy(f, keep)
    print(f"wrote {DOCS / 'export-docx.png'} and {DOCS / 'export-html.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
