"""The importer's front door: raw page text (or a file) to a `Page`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from . import paragraphs, tokens
from .metadata import guess_meta
from .model import Page, PageMeta, Source, ensure_invariant
from .pdfpage import PdfPage, is_pdf, read_pdf
from .reader import InputError, check_length, read_page_file
from .segment import segment_page


def segment_text(
    text: str,
    *,
    file: str | None = None,
    encoding: str | None = None,
    sha256: str | None = None,
    newline: str | None = None,
) -> Page:
    """Segment decoded page text into a Page. The text is kept verbatim in `page.raw`.
    A text longer than any page (reader.MAX_CHARS) is refused (InputError "too-large")."""
    check_length(text)
    if sha256 is None:
        # (surrogatepass: a lone surrogate from a damaged source still hashes, and is kept)
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    page = Page(
        raw=text,
        source=Source(file=file, encoding=encoding, sha256=sha256, newline=newline),
        meta=PageMeta(),
    )
    segment_page(page)
    ensure_invariant(page, "segmentation")
    return page


def clear_caches() -> None:
    """Empty the importer's caches of earlier texts (word cuts, keywords, column readings),
    so that the next page is segmented cold. jieba's dictionaries stay loaded."""
    tokens.clear_word_caches()
    paragraphs.clear_caches()


def segment_pdf_page(pp: PdfPage, *, file: str | None = None, sha256: str | None = None
                     ) -> Page:
    """Segment one printed PDF page: its lines in reading order are the raw text, and what
    the PDF states about each (size, face, box, column) goes with the page as its layout."""
    text = pp.text()
    page = Page(
        raw=text,
        source=Source(file=file, encoding="pdf", sha256=sha256, newline="lf"),
        meta=PageMeta(),
    )
    lines = {}
    for n, pl in pp.layout().items():
        d = pl.to_dict()
        del d["text"]
        lines[n] = d
    page.layout = {
        "pdf": {
            "page": pp.number,
            "width": round(pp.width, 1),
            "height": round(pp.height, 1),
            "body_size": round(pp.body_size, 2),
            "columns": [[round(a, 1), round(b, 1)] for a, b in pp.columns],
        },
        "lines": lines,
    }
    segment_page(page)
    ensure_invariant(page, "segmentation")
    return page


def import_pdf(path: str | os.PathLike[str], pages: str | None = None) -> list[Page]:
    """Read and segment the chosen pages of a PDF (`3-5`; all by default).

    Each page's `source.sha256` names the page: the file's hash for a one-page PDF (so that
    importing the file again is known as a duplicate before it is read), the hash of the
    file's hash and the page number for a page of a longer one. The file's own hash is in
    the layout."""
    pdf = read_pdf(path, pages)
    name = os.path.basename(os.fspath(path))
    out = []
    for pp in pdf.pages:
        if not pp.lines:
            continue  # a page with no text layer among pages with one
        sha = pdf.sha256
        if pdf.page_count > 1:
            sha = hashlib.sha256(f"{pdf.sha256}:{pp.number}".encode()).hexdigest()
        page = segment_pdf_page(pp, file=name, sha256=sha)
        page.layout["pdf"]["sha256"] = pdf.sha256
        page.layout["pdf"]["pages"] = pdf.page_count
        page.layout["pdf"]["path"] = os.path.abspath(os.fspath(path))  # for the picture
        if pdf.title:
            page.layout["pdf"]["title"] = pdf.title  # the PDF's own title: a metadata hint
        out.append(page)
    return out


def import_pages(
    path: str | os.PathLike[str],
    pages: str | None = None,
    on_text: Callable[[str], None] | None = None,
) -> list[Page]:
    """Every page a file holds, segmented: one for a text file, the chosen pages of a PDF.
    The one route from a file to pages, for the command line, batch import and the window.
    `on_text` sees a text file's decoded text before the (slower) segmenting, so a window
    can show it at once. Each page's metadata (date, section, page number) is guessed from
    the page and the file's name (`metadata.guess_meta`). Raises InputError for bad input."""
    if is_pdf(path):
        found = import_pdf(path, pages)
    else:
        if pages and pages.strip() not in ("1", "1-1"):
            raise InputError("bad-pages", "a text file holds one page; --pages is for PDF files")
        decoded = read_page_file(path)
        if on_text is not None:
            on_text(decoded.text)
        found = [segment_text(decoded.text, file=os.path.basename(os.fspath(path)),
                              encoding=decoded.encoding, sha256=decoded.sha256,
                              newline=decoded.newline)]
    for page in found:
        page.meta = guess_meta(page, os.fspath(path))
    return found


def import_file(path: str | os.PathLike[str]) -> Page:
    """Read, decode and segment one page file (a PDF: its first page). Raises InputError for
    bad input."""
    return import_pages(path, "1")[0]
