"""Our own articles for generated test pages (see README.md in this folder)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
TUNE_WRITERS = ("w1", "w2")
CHECK_WRITERS = ("w3", "w4")
GENRES = (
    "brief", "news", "meeting", "feature", "interview", "photo", "commentary", "theory",
    "review", "notice", "column", "letter",
)
PEOPLE_KEYS = ("reporters", "correspondents", "authors", "photographers")
_KEYS = {
    "id", "genre", "topic", "kicker", "headline", "subheadline", "column_tag", "place",
    "people", "author_unit", "body", "captions", "source", "notes",
}


@dataclass
class Story:
    """One article of the corpus, as the paper would have printed it."""

    id: str
    genre: str
    topic: str
    headline: str
    body: list[tuple[str, str]]  # (type, text)
    kicker: str | None = None
    subheadline: str | None = None
    column_tag: str | None = None
    place: str | None = None
    people: dict[str, list[str]] = field(default_factory=dict)
    author_unit: str | None = None
    captions: list[tuple[str, str]] = field(default_factory=list)  # (text, credit)
    source: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def writer(self) -> str:
        return self.id.split("-")[0]

    @property
    def half(self) -> str:
        return "tune" if self.writer in TUNE_WRITERS else "check"

    def names(self, key: str) -> list[str]:
        return list(self.people.get(key) or [])


class CorpusError(ValueError):
    pass


def _check(d: dict, where: str) -> list[str]:
    errs = []
    extra = set(d) - _KEYS
    if extra:
        errs.append(f"{where}: unknown keys {sorted(extra)}")
    for k in ("id", "genre", "topic", "headline"):
        if not isinstance(d.get(k), str) or not d.get(k):
            errs.append(f"{where}: '{k}' must be a non-empty string")
    if d.get("genre") not in GENRES:
        errs.append(f"{where}: genre {d.get('genre')!r} not in {GENRES}")
    for k in ("kicker", "subheadline", "column_tag", "place", "author_unit", "source"):
        if d.get(k) is not None and (not isinstance(d[k], str) or not d[k].strip()):
            errs.append(f"{where}: '{k}' must be null or a non-empty string")
    people = d.get("people") or {}
    if not isinstance(people, dict) or set(people) - set(PEOPLE_KEYS):
        errs.append(f"{where}: people keys must be among {PEOPLE_KEYS}")
    else:
        for k, names in people.items():
            for n in names:
                if not isinstance(n, str) or not 2 <= len(n) <= 4 or any(c.isspace() for c in n):
                    errs.append(f"{where}: bad name {n!r} in {k}")
    body = d.get("body")
    if not isinstance(body, list) or not body:
        errs.append(f"{where}: body must be a non-empty list")
    else:
        for i, el in enumerate(body):
            if el.get("type") not in ("paragraph", "subhead") or not el.get("text"):
                errs.append(f"{where}: body[{i}] needs type paragraph/subhead and text")
            elif any(c in el["text"] for c in "\n\r\t") or el["text"] != el["text"].strip():
                errs.append(f"{where}: body[{i}] has line breaks, tabs or edge spaces")
        if body[0].get("type") != "paragraph":
            errs.append(f"{where}: body must open with a paragraph")
    for i, c in enumerate(d.get("captions") or []):
        if not c.get("text") or not c.get("credit"):
            errs.append(f"{where}: captions[{i}] needs text and credit")
    for n in d.get("notes") or []:
        if not isinstance(n, str) or not n:
            errs.append(f"{where}: notes must be non-empty strings")
    return errs


def load(path: Path) -> Story:
    d = json.loads(path.read_text(encoding="utf-8"))
    errs = _check(d, path.name)
    if errs:
        raise CorpusError("\n".join(errs))
    return Story(
        id=d["id"],
        genre=d["genre"],
        topic=d["topic"],
        headline=d["headline"],
        body=[(el["type"], el["text"]) for el in d["body"]],
        kicker=d.get("kicker"),
        subheadline=d.get("subheadline"),
        column_tag=d.get("column_tag"),
        place=d.get("place"),
        people={k: list(v) for k, v in (d.get("people") or {}).items()},
        author_unit=d.get("author_unit"),
        captions=[(c["text"], c["credit"]) for c in d.get("captions") or []],
        source=d.get("source"),
        notes=list(d.get("notes") or []),
    )


def stories(half: str | None = None) -> list[Story]:
    """All stories of the corpus (or of one half: 'tune' or 'check'), in file order."""
    out = [load(p) for p in sorted(ARTICLES.glob("w*/*.json"))]
    ids = [s.id for s in out]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise CorpusError(f"duplicate ids: {sorted(dup)}")
    return [s for s in out if half is None or s.half == half]
