"""The `pagedesk.page/1` interchange format (DESIGN.md §5): write and read.

Writing gives the documented keys plus PageDesk's own extras (`id`, `blocks`,
`furniture`, `decisions`, …) so that reading our own JSON back restores the
exact model. Reading a file without the extras (a hand-checked gold) rebuilds
the blocks from the documented keys and line spans.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from .byline import parse_lead
from .model import (
    PERSON_ROLE_KEYS,
    Article,
    Block,
    Decision,
    Lead,
    Page,
    PageMeta,
    Person,
    Source,
)

FORMAT = "pagedesk.page/1"


def _span(lines: list[int]) -> list[int] | None:
    return [min(lines), max(lines)] if lines else None


def _lines_entry(block: Block, blank: set[int]) -> dict[str, Any]:
    d: dict[str, Any] = {"lines": _span(block.lines)}
    spans = block.spans(blank)
    if len(spans) > 1:
        d["spans"] = spans
    return d


def block_dict(b: Block, *, exact: bool = False) -> dict[str, Any]:
    """A block as PageDesk's own JSON extra; `exact` keeps the confidence unrounded."""
    d: dict[str, Any] = {"id": b.id, "role": b.role, "lines": list(b.lines), "text": b.text}
    if b.edited is not None:
        d["edited"] = b.edited
    if b.credit is not None:
        d["credit"] = b.credit
    if b.confidence != 1.0:
        d["confidence"] = b.confidence if exact else round(b.confidence, 4)
    return d


def _block_from(d: dict[str, Any]) -> Block:
    return Block(
        role=d["role"],
        lines=list(d.get("lines") or []),
        text=d.get("text", ""),
        edited=d.get("edited"),
        credit=d.get("credit"),
        confidence=float(d.get("confidence", 1.0)),
        id=d.get("id") or Block(role="x", lines=[], text="").id,
    )


def article_to_dict(a: Article, blank: set[int] | None = None) -> dict[str, Any]:
    blank = blank or set()
    d: dict[str, Any] = {"id": a.id}
    for role in ("kicker", "headline", "subheadline"):
        blocks = [b for b in a.blocks if b.role == role]
        d[role] = a.title_text(role)
        if blocks:
            d[f"{role}_lines"] = _span([n for b in blocks for n in b.lines])
    d["dateline"] = a.dateline
    d["byline"] = a.byline
    byline_lines = [n for b in a.blocks if b.role in ("byline", "dateline") for n in b.lines]
    if not byline_lines and a.lead and a.lead.lines:
        byline_lines = a.lead.lines
    if byline_lines:
        d["byline_lines"] = _span(byline_lines)
    for role, key in PERSON_ROLE_KEYS.items():
        names = a.people_by_role(role)
        if names or role in ("author", "reporter", "correspondent", "photographer"):
            d[key] = names
    d["body"] = [{"type": b.role, "text": b.display_text, **_lines_entry(b, blank)} for b in a.body]
    d["captions"] = [
        {"text": b.display_text, "credit": b.credit, **_lines_entry(b, blank)} for b in a.captions
    ]
    src = next((b for b in a.blocks if b.role == "source"), None)
    d["source"] = src.display_text if src else None
    if src:
        d["source_lines"] = _span(src.lines)
    d["notes"] = a.notes
    d["tags"] = list(a.tags)
    d["confidence"] = round(a.confidence, 4)
    # PageDesk extras for an exact round trip.
    d["blocks"] = [block_dict(b) for b in a.blocks]
    d["people"] = [{"name": p.name, "role": p.role} for p in a.people]
    if a.lead:
        d["lead"] = {"dateline": a.lead.dateline, "byline": a.lead.byline, "lines": a.lead.lines}
    if a.notes_text:
        d["notes_text"] = a.notes_text
    return d


def page_to_dict(page: Page) -> dict[str, Any]:
    blank = page.blank_lines()
    header_lines = [n for b in page.furniture for n in b.lines if b.role == "page_header"]
    page_d: dict[str, Any] = {
        "paper": page.meta.paper,
        "date": page.meta.date,
        "section": page.meta.section,
        "number": page.meta.number,
    }
    if header_lines:
        page_d["header_lines"] = _span(header_lines)
    return {
        "format": FORMAT,
        "id": page.id,
        "source": {
            "file": page.source.file,
            "encoding": page.source.encoding,
            "sha256": page.source.sha256,
            **({"newline": page.source.newline} if page.source.newline else {}),
        },
        "page": page_d,
        "articles": [article_to_dict(a, blank) for a in page.articles],
        "unassigned": [
            {"text": b.display_text, **_lines_entry(b, blank), "id": b.id} for b in page.unassigned
        ],
        "furniture": [block_dict(b) for b in page.furniture],
        **({"layout": _layout_out(page.layout)} if page.layout else {}),
        "decisions": [
            {
                "kind": d.kind,
                "target": d.target,
                "confidence": round(d.confidence, 4),
                "detail": d.detail,
                "checked": d.checked,
            }
            for d in page.decisions
        ],
    }


def _layout_out(layout: dict) -> dict:
    """The layout with its line numbers as JSON object keys (strings)."""
    return {**layout, "lines": {str(n): v for n, v in (layout.get("lines") or {}).items()}}


def _layout_in(d: Any) -> dict | None:
    """A stored layout back, or None where it is missing or not of the documented shape."""
    if not isinstance(d, dict) or not isinstance(d.get("lines"), dict):
        return None
    lines = {}
    for n, v in d["lines"].items():
        if isinstance(v, dict) and str(n).isdigit():
            lines[int(n)] = v
    return {**d, "lines": lines}


def page_to_json(page: Page, indent: int | None = 2) -> str:
    return json.dumps(page_to_dict(page), ensure_ascii=False, indent=indent)


# -- reading --------------------------------------------------------------------------


def _owned(entry: dict[str, Any], nonblank: set[int]) -> list[int]:
    spans = entry.get("spans") or ([entry["lines"]] if entry.get("lines") else [])
    return [n for a, b in spans for n in range(a, b + 1) if n in nonblank]


def page_from_dict(d: dict[str, Any], raw: str = "") -> Page:
    """Build a Page from pagedesk.page/1. `raw` is the page text (JSON does not carry it)."""
    if d.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    src = d.get("source") or {}
    meta = d.get("page") or {}
    page = Page(
        raw=raw,
        source=Source(
            file=src.get("file"),
            encoding=src.get("encoding"),
            sha256=src.get("sha256"),
            newline=src.get("newline"),
        ),
        meta=PageMeta(
            paper=meta.get("paper"),
            date=meta.get("date"),
            section=meta.get("section"),
            number=meta.get("number"),
        ),
    )
    if d.get("id"):
        page.id = d["id"]
    page.layout = _layout_in(d.get("layout"))
    raw_lines = page.raw_lines()
    nonblank = {i for i, s in enumerate(raw_lines, 1) if s.strip()}
    for ad in d.get("articles", []):
        page.articles.append(_article_from(ad, nonblank, raw_lines))
    if "furniture" in d:
        page.furniture = [_block_from(b) for b in d["furniture"]]
    elif meta.get("header_lines"):
        lines = _owned({"lines": meta["header_lines"]}, nonblank)
        text = " ".join(x for x in (meta.get("section"), meta.get("number")) if x)
        page.furniture.append(Block(role="page_header", lines=lines, text=text))
    if meta.get("date_lines") and "furniture" not in d:
        lines = _owned({"lines": meta["date_lines"]}, nonblank)
        page.furniture.append(Block(role="page_header", lines=lines, text=meta.get("date") or ""))
    for u in d.get("unassigned", []):
        b = Block(role="unassigned", lines=_owned(u, nonblank), text=u.get("text", ""))
        if u.get("id"):
            b.id = u["id"]
        page.unassigned.append(b)
    for dd in d.get("decisions", []):
        page.decisions.append(
            Decision(
                kind=dd["kind"],
                target=dd["target"],
                confidence=float(dd["confidence"]),
                detail=dd.get("detail", ""),
                checked=bool(dd.get("checked", False)),
            )
        )
    return page


def _article_from(ad: dict[str, Any], nonblank: set[int], raw_lines: list[str]) -> Article:
    a = Article(
        byline=ad.get("byline"),
        dateline=ad.get("dateline"),
        tags=list(ad.get("tags") or []),
        confidence=float(ad.get("confidence", 1.0)),
        notes_text=ad.get("notes_text", ""),
    )
    if ad.get("id"):
        a.id = ad["id"]
    if "people" in ad:
        a.people = [Person(p["name"], p["role"]) for p in ad["people"]]
    else:
        for role, key in PERSON_ROLE_KEYS.items():
            a.people += [Person(n, role) for n in ad.get(key) or []]
    if ad.get("lead"):
        ld = ad["lead"]
        a.lead = Lead(ld.get("dateline"), ld.get("byline"), list(ld.get("lines") or []))
    if "blocks" in ad:
        a.blocks = [_block_from(b) for b in ad["blocks"]]
        return a
    # A gold file: rebuild blocks from the documented keys.
    body_lines: set[int] = set()
    body = []
    for el in ad.get("body", []):
        lines = _owned(el, nonblank)
        body_lines.update(lines)
        body.append(Block(role=el["type"], lines=lines, text=el["text"]))
    for role in ("kicker", "headline", "subheadline"):
        if ad.get(role) is not None:
            lines = (
                _owned({"lines": ad[f"{role}_lines"]}, nonblank) if ad.get(f"{role}_lines") else []
            )
            a.blocks.append(Block(role=role, lines=lines, text=ad[role]))
    if ad.get("byline_lines"):
        lines = _owned({"lines": ad["byline_lines"]}, nonblank)
        if set(lines) & body_lines:
            a.lead = Lead(ad.get("dateline"), ad.get("byline"), lines)
        else:
            a.blocks.append(Block(role="byline", lines=lines, text=ad.get("byline") or ""))
    elif (a.dateline or a.byline) and body and body[0].role == "paragraph":
        a.lead = _printed_lead(a, body[0], raw_lines)
    a.blocks += body
    for c in ad.get("captions", []):
        a.blocks.append(
            Block(role="caption", lines=_owned(c, nonblank), text=c["text"], credit=c.get("credit"))
        )
    if ad.get("source") is not None:
        lines = _owned({"lines": ad["source_lines"]}, nonblank) if ad.get("source_lines") else []
        a.blocks.append(Block(role="source", lines=lines, text=ad["source"]))
    for n in ad.get("notes") or []:
        a.blocks.append(Block(role="note", lines=[], text=n))
    return a


def _printed_lead(a: Article, first: Block, raw_lines: list[str]) -> Lead | None:
    """A gold file that names a dateline without its lines: when the first paragraph's
    first line prints it at its start and the paragraph's text leaves it out, that line
    is the article's lead (one place to move it with, or to print it back into)."""
    n = first.lines[0] if first.lines else 0
    if not 0 < n <= len(raw_lines):
        return None
    line = raw_lines[n - 1].strip()
    m = parse_lead(line)
    if m is None or m.dateline != a.dateline or first.text.startswith(line[: m.end].strip()):
        return None
    return Lead(a.dateline, a.byline, [n])


def page_from_json(text: str, raw: str = "") -> Page:
    return page_from_dict(json.loads(text), raw)


def read_page_json(path: str) -> dict[str, Any]:
    """Load a pagedesk.page/1 file; ValueError with a one-line reason if it is not one."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file")
    return data


# -- exact (de)serialisation: revisions, recovery files --------------------------------------
# pagedesk.page/1 rounds confidences to four places and writes unassigned blocks as plain
# text entries; a library revision and a recovery file must give back *exactly* the model
# that was saved, so these add the missing facts as extra keys (the format allows writers to
# add keys) and put them back after `page_from_dict`. An exact dict is still a normal
# interchange file.


def page_to_exact_dict(page: Page) -> dict[str, Any]:
    """`page_to_dict(page)` with full-precision confidences and exact blocks."""
    d = page_to_dict(page)
    for ad, a in zip(d["articles"], page.articles, strict=True):
        ad["confidence"] = a.confidence
        ad["blocks"] = [block_dict(b, exact=True) for b in a.blocks]
    d["furniture"] = [block_dict(b, exact=True) for b in page.furniture]
    for ud, b in zip(d["unassigned"], page.unassigned, strict=True):
        ud["block"] = block_dict(b, exact=True)
    for dd, dec in zip(d["decisions"], page.decisions, strict=True):
        dd["confidence"] = dec.confidence
    if page.source.newline is not None:
        d["source"]["newline"] = page.source.newline
    return d


def page_from_exact_dict(d: dict[str, Any], raw: str) -> Page:
    """The Page `page_to_exact_dict` was given, rebuilt from its dict and the raw text."""
    page = page_from_dict(d, raw)
    exact = [u.get("block") for u in d.get("unassigned", [])]
    if exact and all(exact):
        page.unassigned = [_block_from(x) for x in exact]
    return page


def compact_json(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def pack(d: dict[str, Any]) -> bytes:
    """A page dict as a library stores it: compact UTF-8 JSON, zlib-compressed (~4x smaller)."""
    return zlib.compress(compact_json(d).encode("utf-8", "surrogatepass"), 6)


def unpack(stored: bytes | str) -> dict[str, Any]:
    """Read a stored page dict (compressed bytes, or plain JSON text)."""
    if isinstance(stored, bytes):
        return json.loads(zlib.decompress(stored).decode("utf-8", "surrogatepass"))
    return json.loads(stored)
