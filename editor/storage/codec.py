"""Exact page (de)serialisation for revisions: pagedesk.page/1 plus what it rounds away.

A revision is stored (zlib-compressed) as the page's `pagedesk.page/1` dict (`page_to_dict`), so an
exported revision is a normal interchange file. That format rounds confidences
to four places and writes unassigned blocks as plain text entries; a library
must give back *exactly* the model that was saved, so this module adds the
missing facts as extra keys (the format allows writers to add keys) and puts
them back after `page_from_dict`.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from editor.core.model import Block, Page
from editor.core.pagejson import block_dict, page_from_dict, page_to_dict


def _exact_block(b: Block) -> dict[str, Any]:
    return block_dict(b, exact=True)


def encode_page(page: Page) -> dict[str, Any]:
    """`page_to_dict(page)` with full-precision confidences and exact unassigned blocks."""
    d = page_to_dict(page)
    for ad, a in zip(d["articles"], page.articles, strict=True):
        ad["confidence"] = a.confidence
        ad["blocks"] = [_exact_block(b) for b in a.blocks]
    d["furniture"] = [_exact_block(b) for b in page.furniture]
    for ud, b in zip(d["unassigned"], page.unassigned, strict=True):
        ud["block"] = _exact_block(b)
    for dd, dec in zip(d["decisions"], page.decisions, strict=True):
        dd["confidence"] = dec.confidence
    if page.source.newline is not None:
        d["source"]["newline"] = page.source.newline
    return d


def decode_page(d: dict[str, Any], raw: str) -> Page:
    """The Page `encode_page` was given, rebuilt from its dict and the raw text."""
    page = page_from_dict(d, raw)
    exact = [u.get("block") for u in d.get("unassigned", [])]
    if exact and all(exact):
        page.unassigned = [
            Block(
                role=x["role"],
                lines=list(x["lines"]),
                text=x["text"],
                edited=x.get("edited"),
                credit=x.get("credit"),
                confidence=float(x.get("confidence", 1.0)),
                id=x["id"],
            )
            for x in exact
        ]
    return page


def dumps(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> dict[str, Any]:
    return json.loads(text)


def pack(d: dict[str, Any]) -> bytes:
    """A revision as stored: compact UTF-8 JSON, zlib-compressed (about 4x smaller)."""
    return zlib.compress(dumps(d).encode("utf-8", "surrogatepass"), 6)


def unpack(stored: bytes | str) -> dict[str, Any]:
    """Read a stored revision (compressed bytes, or plain JSON text)."""
    if isinstance(stored, bytes):
        return json.loads(zlib.decompress(stored).decode("utf-8", "surrogatepass"))
    return json.loads(stored)
