"""The importer's front door: raw page text (or a file) to a `Page`."""

from __future__ import annotations

import hashlib
import os

from . import paragraphs, tokens
from .model import Page, PageMeta, Source, ensure_invariant
from .reader import read_page_file
from .segment import segment_page


def segment_text(
    text: str,
    *,
    file: str | None = None,
    encoding: str | None = None,
    sha256: str | None = None,
    newline: str | None = None,
) -> Page:
    """Segment decoded page text into a Page. The text is kept verbatim in `page.raw`."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
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


def import_file(path: str | os.PathLike[str]) -> Page:
    """Read, decode and segment one page file. Raises InputError for bad input."""
    decoded = read_page_file(path)
    return segment_text(
        decoded.text,
        file=os.path.basename(os.fspath(path)),
        encoding=decoded.encoding,
        sha256=decoded.sha256,
        newline=decoded.newline,
    )
