"""The document model: a page's raw text and the article tree built over it.

A `Page` keeps the raw text verbatim. Every non-blank raw line is owned by
exactly one `Block` — inside an article, in the page furniture, or in
`page.unassigned` (the lossless invariant, checked by `check_invariant`).
Articles derive their titles, byline and captions from their blocks, so
there is one source of truth per fact.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import random
from dataclasses import dataclass, field
from typing import NamedTuple

# Block roles. Order matters only for menus.
ROLES = (
    "kicker",
    "headline",
    "subheadline",
    "byline",
    "dateline",
    "paragraph",
    "subhead",
    "caption",
    "credit",
    "source",
    "note",
    "page_header",
    "jump",
    "unassigned",
)
TITLE_ROLES = ("kicker", "headline", "subheadline")
BODY_ROLES = ("paragraph", "subhead")
PAGE_ROLES = ("page_header", "jump")

# People roles, as listed in pagedesk.page/1.
PERSON_ROLES = ("author", "reporter", "correspondent", "photographer", "graphics", "editor")
PERSON_ROLE_KEYS = {
    "author": "authors",
    "reporter": "reporters",
    "correspondent": "correspondents",
    "photographer": "photographers",
    "graphics": "graphics",
    "editor": "editors",
}


_ids: list[str] = []  # random ids drawn in batches: one system call per 256 ids
os.register_at_fork(after_in_child=_ids.clear)  # a forked worker must not reuse its parent's


# Inside `stable_ids(seed)` ids come from a generator seeded by the input instead (this
# thread or task only): the same input gets the same ids on every run.
_stable: contextvars.ContextVar[random.Random | None] = contextvars.ContextVar(
    "pagedesk_stable_ids", default=None)


@contextlib.contextmanager
def stable_ids(seed: str):
    """Ids made inside this block depend only on `seed` and their order."""
    token = _stable.set(random.Random(seed))
    try:
        yield
    finally:
        _stable.reset(token)


def new_id() -> str:
    """A short random id, stable across saves, for GUI and storage references.

    12 random hex digits, as uuid4().hex[:12] gave (those digits of a UUID4 are all random).
    """
    stable = _stable.get()
    if stable is not None:
        return f"{stable.getrandbits(48):012x}"
    while True:
        try:
            return _ids.pop()
        except IndexError:  # empty (another thread may have taken the last one)
            batch = os.urandom(6 * 256).hex()
            _ids.extend(batch[i : i + 12] for i in range(0, len(batch), 12))


@dataclass
class Person:
    name: str
    role: str = "reporter"  # one of PERSON_ROLES


@dataclass
class Decision:
    """One automatic decision of the importer, for the review list."""

    kind: str  # "boundary", "attach", "role", "paragraph", "thread", "byline"
    target: str  # id of the block or article concerned
    confidence: float
    detail: str = ""  # machine-readable code, e.g. "title-similarity 0.31"
    checked: bool = False


@dataclass
class Block:
    role: str
    lines: list[int]  # 1-based raw line numbers owned by this block, in reading order
    text: str  # cleaned text (what the importer read from the lines)
    edited: str | None = None  # an editor's correction; the raw stays
    confidence: float = 1.0
    credit: str | None = None  # captions: the photo credit printed with them
    id: str = field(default_factory=new_id)

    @property
    def display_text(self) -> str:
        return self.edited if self.edited is not None else self.text

    @property
    def first_line(self) -> int:
        return min(self.lines) if self.lines else 0

    def spans(self, blank: set[int] | frozenset[int] = frozenset()) -> list[list[int]]:
        """Contiguous runs of this block's lines; blank lines between two owned lines join a run."""
        out: list[list[int]] = []
        for n in sorted(self.lines):
            if out and all(k in blank for k in range(out[-1][1] + 1, n)):
                out[-1][1] = n
            else:
                out.append([n, n])
        return out


@dataclass
class Lead:
    """A dateline/byline printed at the start of a block's text (`本报讯（记者 X）…`).

    The line stays owned by that block (a line has one owner); the lead records
    which lines it covers so JSON can give `byline_lines`.
    """

    dateline: str | None = None
    byline: str | None = None
    lines: list[int] = field(default_factory=list)


@dataclass
class Article:
    blocks: list[Block] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    # The byline/dateline texts. They come from a byline/dateline block or
    # from `lead` (printed inside the first paragraph); an editor may override.
    byline: str | None = None
    dateline: str | None = None
    lead: Lead | None = None
    tags: list[str] = field(default_factory=list)
    notes_text: str = ""  # free notes typed by an archivist (not printed notes)
    confidence: float = 1.0
    id: str = field(default_factory=new_id)

    # -- derived fields ---------------------------------------------------------------
    def _first(self, role: str) -> Block | None:
        return next((b for b in self.blocks if b.role == role), None)

    def title_text(self, role: str) -> str | None:
        parts = [b.display_text for b in self.blocks if b.role == role]
        return "".join(parts) if parts else None

    @property
    def kicker(self) -> str | None:
        return self.title_text("kicker")

    @property
    def headline(self) -> str | None:
        return self.title_text("headline")

    @property
    def subheadline(self) -> str | None:
        return self.title_text("subheadline")

    @property
    def source(self) -> str | None:
        return self.title_text("source")  # (a source split in two prints whole)

    @property
    def notes(self) -> list[str]:
        return [b.display_text for b in self.blocks if b.role == "note"]

    @property
    def captions(self) -> list[Block]:
        return [b for b in self.blocks if b.role == "caption"]

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.role in BODY_ROLES]

    def people_by_role(self, role: str) -> list[str]:
        return [p.name for p in self.people if p.role == role]

    def label(self, width: int = 24) -> str:
        """What the tree shows: the headline, or the first words of the body."""
        if self.headline:
            return self.headline
        for b in self.blocks:
            if b.role in BODY_ROLES and b.display_text:
                t = b.display_text
                return t[:width] + ("…" if len(t) > width else "")
        return ""

    @property
    def lines(self) -> list[int]:
        return sorted(n for b in self.blocks for n in b.lines)


@dataclass
class Source:
    file: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    newline: str | None = None


@dataclass
class PageMeta:
    paper: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    section: str | None = None
    number: str | None = None


class Printed(NamedTuple):
    """What a PDF states about one printed line."""

    size: float  # relative to the page's body size
    face: str  # song, hei, kai, fang, other
    box: tuple[float, float, float, float] | None  # x0, y0, x1, y1 in points, y up
    vertical: bool = False  # set one glyph under another (a section banner at the edge)
    picture: bool = False  # printed against a picture, unlike running text: a caption


@dataclass
class Page:
    raw: str  # the decoded text, verbatim (newlines as in the file)
    source: Source = field(default_factory=Source)
    meta: PageMeta = field(default_factory=PageMeta)
    articles: list[Article] = field(default_factory=list)
    furniture: list[Block] = field(default_factory=list)  # page_header / jump blocks
    unassigned: list[Block] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # What a PDF page states about its printed lines (DESIGN: `layout` in pagedesk.page/1):
    # {"pdf": {"page": n, "width": w, "height": h, "body_size": s, "sha256": …},
    #  "lines": {raw line number: {"size", "face", "box", "column", "vertical", "indent",
    #  "picture" (only where true)}}}.
    # None for a page that came as text.
    layout: dict | None = None

    def printed(self) -> dict[int, Printed]:
        """Raw line number to what the PDF states about the line (size relative to the body
        size, face class, box in points), from the layout; empty for a text page."""
        if not self.layout:
            return {}
        body = float((self.layout.get("pdf") or {}).get("body_size") or 0) or 1.0
        out = {}
        for n, d in (self.layout.get("lines") or {}).items():
            box = d.get("box") or ()
            out[int(n)] = Printed(
                float(d.get("size") or 0) / body,
                str(d.get("face") or ""),
                tuple(float(v) for v in box) if len(box) == 4 else None,
                bool(d.get("vertical")),
                bool(d.get("picture")),
            )
        return out

    # -- raw lines ------------------------------------------------------------------
    def raw_lines(self) -> list[str]:
        """The raw text split into lines (LF; a CR before it is dropped), index 0 = line 1."""
        return split_lines(self.raw)

    def blank_lines(self) -> set[int]:
        return {i for i, s in enumerate(self.raw_lines(), 1) if not s.strip()}

    def all_blocks(self):
        """Every block with its owner: (article or None, block)."""
        for a in self.articles:
            for b in a.blocks:
                yield a, b
        for b in self.furniture:
            yield None, b
        for b in self.unassigned:
            yield None, b

    def owner_map(self) -> dict[int, tuple[Article | None, Block]]:
        return {n: (a, b) for a, b in self.all_blocks() for n in b.lines}

    def find_block(self, block_id: str) -> tuple[Article | None, Block] | None:
        for a, b in self.all_blocks():
            if b.id == block_id:
                return a, b
        return None

    def find_article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def split_lines(raw: str) -> list[str]:
    """Split text into lines the way line numbers count them: on LF, ignoring a CR before it."""
    if raw == "":
        return []
    parts = raw.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    if "\r" not in raw:
        return parts
    return [p[:-1] if p.endswith("\r") else p for p in parts]


class InvariantError(AssertionError):
    pass


STRICT_ENV = "PAGEDESK_STRICT"  # "1": a broken invariant raises wherever it is checked


def strict() -> bool:
    """Whether invariant failures raise (the test suite sets PAGEDESK_STRICT=1) rather than
    being repaired and reported."""
    return os.environ.get(STRICT_ENV) == "1"


def check_invariant(page: Page) -> None:
    """Raise InvariantError unless every non-blank raw line has exactly one owner."""
    lines = page.raw_lines()
    nonblank = {i for i, s in enumerate(lines, 1) if s.strip()}
    seen: dict[int, str] = {}
    for _a, b in page.all_blocks():
        for n in b.lines:
            if n in seen:
                raise InvariantError(f"line {n} owned twice ({seen[n]} and {b.id})")
            if n not in nonblank:
                raise InvariantError(f"block {b.id} owns blank or missing line {n}")
            seen[n] = b.id
    missing = nonblank - seen.keys()
    if missing:
        raise InvariantError(f"lines without owner: {sorted(missing)[:10]}")


def ensure_invariant(page: Page, stage: str) -> list[int]:
    """Check the invariant after `stage` made or read the page; repair it if it broke.

    In strict mode the failure raises. Otherwise no line is lost: a line owned twice stays
    with its first owner, a block's blank or missing lines are dropped from it, and lines
    without an owner become unassigned blocks. Each repair is recorded as a decision of
    confidence 0 for the review list. Returns the repaired line numbers.
    """
    try:
        check_invariant(page)
        return []
    except InvariantError:
        if strict():
            raise
    lines = page.raw_lines()
    nonblank = {i for i, s in enumerate(lines, 1) if s.strip()}
    seen: set[int] = set()
    repaired: set[int] = set()
    for _a, b in list(page.all_blocks()):
        keep = [n for n in b.lines if n in nonblank and n not in seen]
        dropped = [n for n in b.lines if n not in keep]
        if dropped:
            b.lines = keep
            repaired.update(dropped)
            page.decisions.append(
                Decision("invariant", b.id, 0.0, f"{stage}: lines {dropped} taken from this block")
            )
        seen.update(keep)
    for n in sorted(nonblank - seen):
        block = Block(role="unassigned", lines=[n], text=lines[n - 1].strip(), confidence=0.0)
        page.unassigned.append(block)
        detail = f"{stage}: line {n} had no owner"
        page.decisions.append(Decision("invariant", block.id, 0.0, detail))
        repaired.add(n)
    check_invariant(page)
    return sorted(repaired)
