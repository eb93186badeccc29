"""Edit operations on a `Page`: the corrections a desk editor makes.

Each function changes the page in place, keeps the lossless invariant
(every non-blank raw line owned by exactly one block) and returns the id of
what it created or kept, when there is one. Bad requests raise `OpError`
with a stable `code`; the GUI turns codes into translated sentences. Nothing
here knows about Qt: the GUI wraps each call in an undoable command and the
library can replay them.
"""

from __future__ import annotations

import re

from .byline import parse_byline
from .importer import segment_text
from .model import (
    PAGE_ROLES,
    PERSON_ROLES,
    ROLES,
    TITLE_ROLES,
    Article,
    Block,
    InvariantError,
    Page,
    Person,
    check_invariant,
)

ARTICLE_FIELDS = ("byline", "dateline", "notes_text")
META_FIELDS = ("paper", "date", "section", "number")
_SPACE = re.compile(r"\s+")


class OpError(ValueError):
    """A request the model cannot carry out. `code` is stable; str() is English."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


def apply(page: Page, op, *args, **kwargs):
    """Run one edit operation and check the lossless invariant after it.

    An operation that would leave a raw line with no owner, or with two, raises
    OpError("invariant"); the caller restores the page it snapshotted (the GUI's undo
    command does). Returns the operation's result.
    """
    result = op(page, *args, **kwargs)
    try:
        check_invariant(page)
    except InvariantError as exc:
        raise OpError("invariant", f"the correction would lose text: {exc}") from None
    return result


# -- lookup helpers ---------------------------------------------------------------------


def _article(page: Page, article_id: str) -> Article:
    art = page.find_article(article_id)
    if art is None:
        raise OpError("no-article", f"no article {article_id}")
    return art


def _block(page: Page, block_id: str) -> tuple[Article | None, Block]:
    found = page.find_block(block_id)
    if found is None:
        raise OpError("no-block", f"no block {block_id}")
    return found


def _container(page: Page, owner: Article | None, block: Block) -> list[Block]:
    if owner is not None:
        return owner.blocks
    if any(b is block for b in page.furniture):
        return page.furniture
    return page.unassigned


def _remove(container: list[Block], block: Block) -> None:
    for i, b in enumerate(container):
        if b is block:
            del container[i]
            return


def _drop_empty_articles(page: Page) -> None:
    page.articles = [a for a in page.articles if a.blocks]


def _nonblank(page: Page) -> set[int]:
    return {i for i, s in enumerate(page.raw_lines(), 1) if s.strip()}


def line_text(page: Page, lines: list[int]) -> str:
    """Cleaned text of raw lines: stripped and joined, spaces kept only between Latin words."""
    raw = page.raw_lines()
    out = ""
    for n in lines:
        s = _SPACE.sub(" ", raw[n - 1].strip()) if 0 < n <= len(raw) else ""
        if (
            out
            and s
            and out[-1].isascii()
            and out[-1].isalnum()
            and s[0].isascii()
            and s[0].isalnum()
        ):
            out += " "
        out += s
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", out)


def _article_role(role: str) -> str:
    return "paragraph" if role in PAGE_ROLES or role == "unassigned" else role


# -- articles ---------------------------------------------------------------------------


def split_article(page: Page, article_id: str, block_id: str) -> str:
    """Split an article before `block_id`; the blocks from there on form a new article."""
    art = _article(page, article_id)
    index = next((i for i, b in enumerate(art.blocks) if b.id == block_id), None)
    if index is None:
        raise OpError("not-in-article", "the block is not in that article")
    if index == 0:
        raise OpError("split-at-start", "cannot split an article before its first block")
    new = Article(blocks=art.blocks[index:])
    del art.blocks[index:]
    page.articles.insert(page.articles.index(art) + 1, new)
    _propose_head(page, new)
    _credits_follow_lines(art, new)
    return new.id


def merge_articles(page: Page, article_id: str, direction: str) -> str:
    """Merge an article with the previous or next one; the earlier article survives."""
    art = _article(page, article_id)
    i = page.articles.index(art)
    j = i - 1 if direction == "previous" else i + 1
    if direction not in ("previous", "next"):
        raise OpError("bad-direction", direction)
    if not 0 <= j < len(page.articles):
        raise OpError("no-neighbour", "there is no article to merge with")
    first, second = page.articles[min(i, j)], page.articles[max(i, j)]
    # The first article's heads stay its heads; the second's are printed inside the merged
    # text as subheads, and its byline and dateline as credits where the first has its own:
    # nothing is run together with the first's titles and nothing drops out of an export.
    for b in second.blocks:
        if b.role in TITLE_ROLES:
            b.role = "subhead"
        elif b.role in ("byline", "dateline") and getattr(first, b.role):
            b.role = "credit"
    if second.lead is not None and (first.byline or first.dateline):
        # a dateline and byline printed at the start of the second's first paragraph
        # (`本报讯（记者 X）…`) go back into that paragraph's text as printed
        lead = second.lead
        printed = (f"{lead.dateline}（{lead.byline}）" if lead.dateline and lead.byline
                   else lead.dateline or lead.byline or "")
        holder = next((b for b in second.blocks if lead.lines and lead.lines[0] in b.lines),
                      None)
        if printed and holder is not None and not holder.display_text.startswith(printed):
            holder.edited = printed + holder.display_text
    first.blocks.extend(second.blocks)
    first.people.extend(p for p in second.people if p not in first.people)
    first.tags.extend(t for t in second.tags if t not in first.tags)
    for name in ("byline", "dateline"):
        if not getattr(first, name) and getattr(second, name):
            setattr(first, name, getattr(second, name))
    notes = [n for n in (first.notes_text, second.notes_text) if n]
    first.notes_text = "\n".join(dict.fromkeys(notes))
    if first.lead is None:
        first.lead = second.lead
    page.articles.remove(second)
    return first.id


def move_article(page: Page, article_id: str, new_index: int) -> None:
    art = _article(page, article_id)
    page.articles.remove(art)
    page.articles.insert(max(0, min(new_index, len(page.articles))), art)


def move_blocks(
    page: Page, block_ids: list[str], target_article_id: str, index: int | None = None
) -> None:
    """Move blocks (from articles, furniture or unassigned) into an article at `index`.

    `index` counts positions in the target as it is before the move; None appends.
    """
    target = _article(page, target_article_id)
    found = [_block(page, bid) for bid in dict.fromkeys(block_ids)]
    if not found:
        return
    anchor = None
    if index is not None and index < len(target.blocks):
        moving = {id(b) for _o, b in found}
        anchor = next((b for b in target.blocks[index:] if id(b) not in moving), None)
    for owner, block in found:
        _remove(_container(page, owner, block), block)
        block.role = _article_role(block.role)
    pos = len(target.blocks)
    if anchor is not None:
        pos = next(i for i, b in enumerate(target.blocks) if b is anchor)
    target.blocks[pos:pos] = [b for _o, b in found]
    _drop_empty_articles(page)


def _take_lines(page: Page, line_numbers: list[int]) -> list[Block]:
    """Detach the given lines from their owners, as blocks in reading order.

    A block that loses all its lines moves whole (keeping id, role and text);
    a block that loses some is cut in two and both parts get their text re-read
    from the raw lines.
    """
    wanted = sorted(set(line_numbers) & _nonblank(page))
    if not wanted:
        raise OpError("no-lines", "no text lines selected")
    owners = page.owner_map()
    taken: list[Block] = []
    seen: set[int] = set()
    for n in wanted:
        owner, block = owners[n]
        if id(block) in seen:
            continue
        seen.add(id(block))
        mine = [k for k in block.lines if k in wanted]
        rest = [k for k in block.lines if k not in wanted]
        if not rest:
            _remove(_container(page, owner, block), block)
            block.role = _article_role(block.role)
            taken.append(block)
            continue
        block.lines = rest
        block.text = line_text(page, rest)
        block.edited = None
        taken.append(Block(role=_article_role(block.role), lines=mine, text=line_text(page, mine)))
    _drop_empty_articles(page)
    return taken


def new_article_from_lines(page: Page, line_numbers: list[int]) -> str:
    """Make the given raw lines a new article, placed after the article owning the first one."""
    first = min(line_numbers) if line_numbers else 0
    owners = page.owner_map()
    losing: list[Article] = []
    for n in sorted(set(line_numbers)):
        owner = owners.get(n, (None, None))[0]
        if owner is not None and all(owner is not a for a in losing):
            losing.append(owner)
    before = owners.get(first, (None, None))[0]
    blocks = _take_lines(page, line_numbers)
    new = Article(blocks=blocks)
    if before is not None and before in page.articles:
        page.articles.insert(page.articles.index(before) + 1, new)
    else:
        later = [i for i, a in enumerate(page.articles) if a.lines and a.lines[0] > first]
        page.articles.insert(later[0] if later else len(page.articles), new)
    _propose_head(page, new)
    for old in losing:
        _credits_follow_lines(old, new)
    return new.id


# -- what an article's lines carry with them ---------------------------------------------


def _credit_texts(art: Article) -> list[str]:
    """The printed texts of an article that credit people: its byline and dateline blocks,
    the dateline and byline printed at the start of its text, its captions' credits."""
    out = [b.display_text for b in art.blocks if b.role in ("byline", "dateline")]
    if art.lead is not None:
        out += [t for t in (art.lead.dateline, art.lead.byline) if t]
    out += [b.credit or b.display_text for b in art.blocks if b.role == "caption"]
    return [_SPACE.sub("", t) for t in out]


def _credits_follow_lines(old: Article, new: Article) -> None:
    """After lines moved from `old` to `new` (a split, a new article from lines): the
    byline, dateline and people go with the lines that print them. A dateline and byline
    printed at the start of a moved paragraph go with it; so do a moved byline block's
    texts; a person goes where the moved credits name them (and stays where the old
    article still names them too); what an editor typed that no moved line prints stays."""
    mine = set(new.lines)
    if old.lead is not None and old.lead.lines and set(old.lead.lines) <= mine:
        new.lead, old.lead = old.lead, None
    moved = {b.role: b for b in new.blocks if b.role in ("byline", "dateline")}
    for name in ("byline", "dateline"):
        value = getattr(old, name)
        printed_here = [b.display_text for b in moved.values()]
        if new.lead is not None:
            printed_here.append(getattr(new.lead, name) or "")
        if value and any(_SPACE.sub("", value) in _SPACE.sub("", t)
                         or _SPACE.sub("", t) in _SPACE.sub("", value)
                         for t in printed_here if t):
            setattr(new, name, value)
            setattr(old, name, None)
    if new.lead is not None:
        new.dateline = new.dateline or new.lead.dateline
        new.byline = new.byline or new.lead.byline
    for role, block in moved.items():
        if not getattr(new, role):
            dateline, byline, _people = parse_byline(block.display_text)
            new.dateline = new.dateline or dateline
            new.byline = new.byline or (byline if role == "byline" else None)
    named_new, named_old = "".join(_credit_texts(new)), "".join(_credit_texts(old))
    for person in list(old.people):
        if person.name in named_new:
            if person not in new.people:
                new.people.append(person)
            if person.name not in named_old:
                old.people.remove(person)


def _edited_by_hand(page: Page, block: Block) -> bool:
    """Does the block's text differ from what its raw lines print (spaces aside)? A lead
    a merge put back into its paragraph is what the page prints, no edit."""
    return block.edited is not None and (
        _SPACE.sub("", block.edited) != _SPACE.sub("", line_text(page, block.lines))
    )


def _propose_head(page: Page, art: Article) -> None:
    """A new article that starts without a head: read its own lines as a page of their own
    (the importer's rules, nothing else) and, when they make one article whole, take its
    head, byline, dateline and people. Edited text is never re-read."""
    if any(b.role in TITLE_ROLES for b in art.blocks) or any(
        _edited_by_hand(page, b) for b in art.blocks
    ):
        return
    raw = page.raw_lines()
    mine = set(art.lines)
    numbers = [n for n in range(min(mine), max(mine) + 1)
               if n in mine or not raw[n - 1].strip()] if mine else []
    if not numbers:
        return
    try:
        sub = segment_text("\n".join(raw[n - 1] for n in numbers) + "\n")
    except Exception:  # (a proposal only: the split itself stands)
        return
    if len(sub.articles) != 1 or sub.unassigned or sub.furniture:
        return
    read = sub.articles[0]
    if not any(b.role in TITLE_ROLES for b in read.blocks):
        return
    back = dict(enumerate(numbers, 1))
    same = {tuple(b.lines): b for b in art.blocks}  # (a block read whole stays that block)
    blocks = []
    for b in read.blocks:
        lines = [back[n] for n in b.lines]
        block = same.get(tuple(lines)) or Block(role=b.role, lines=lines, text=b.text)
        block.role, block.text, block.credit, block.confidence = (
            b.role, b.text, b.credit, b.confidence)
        blocks.append(block)
    art.blocks = blocks
    if read.lead is not None:
        read.lead.lines = [back[n] for n in read.lead.lines]
    art.lead = read.lead
    art.byline = read.byline or art.byline
    art.dateline = read.dateline or art.dateline
    for person in read.people:
        if person not in art.people:
            art.people.append(person)


def assign_lines(page: Page, line_numbers: list[int], article_id: str) -> None:
    """Give raw lines to an article: titles join its titles, the rest goes in line order."""
    target = _article(page, article_id)
    where = page.articles.index(target)
    blocks = _take_lines(page, line_numbers)
    if target not in page.articles:  # it gave all its lines to itself: put it back
        page.articles.insert(min(where, len(page.articles)), target)
    for block in blocks:
        if block.role in TITLE_ROLES:
            pos = sum(1 for b in target.blocks if b.role in TITLE_ROLES)
        else:
            pos = next(
                (
                    i
                    for i, b in enumerate(target.blocks)
                    if b.role not in TITLE_ROLES and b.lines and b.first_line > block.first_line
                ),
                len(target.blocks),
            )
        target.blocks.insert(pos, block)


# -- blocks -----------------------------------------------------------------------------


def set_role(page: Page, block_id: str, role: str) -> None:
    """Change a block's role; page roles move it to the furniture, `unassigned` to unassigned.

    A block leaving the furniture or unassigned joins the article owning the
    nearest earlier line (or the first article; or a new one if there is none).
    """
    if role not in ROLES:
        raise OpError("bad-role", role)
    owner, block = _block(page, block_id)
    if role in PAGE_ROLES or role == "unassigned":
        if owner is not None or (role == "unassigned") != (block.role == "unassigned"):
            _remove(_container(page, owner, block), block)
            (page.unassigned if role == "unassigned" else page.furniture).append(block)
        block.role = role
        _drop_empty_articles(page)
        return
    if owner is not None:
        block.role = role
        return
    _remove(_container(page, owner, block), block)
    block.role = role
    owners = page.owner_map()
    earlier = [owners[n][0] for n in range(block.first_line - 1, 0, -1) if n in owners]
    target = next((a for a in earlier if a is not None), None)
    if target is None and page.articles:
        target = page.articles[0]
    if target is None:
        page.articles.append(Article(blocks=[block]))
        return
    pos = next(
        (i for i, b in enumerate(target.blocks) if b.lines and b.first_line > block.first_line),
        len(target.blocks),
    )
    target.blocks.insert(pos, block)


def _nows(text: str) -> int:
    return len(_SPACE.sub("", text))


def split_block(page: Page, block_id: str, char_offset: int) -> str:
    """Split a block's text at `char_offset`; lines up to the cursor's line stay in the first part.

    Text is aligned with the raw lines from the end (a lead such as 本报讯 is cut
    from the start of a first paragraph), ignoring whitespace.
    """
    owner, block = _block(page, block_id)
    text = block.display_text
    if not 0 < char_offset < len(text):
        raise OpError("split-at-edge", "put the cursor inside the text to split it")
    lines = block.lines
    raw = page.raw_lines()
    suffix = _nows(text[char_offset:])
    acc = 0
    cut = len(lines)  # index of the first line of the second part
    for i in range(len(lines) - 1, -1, -1):
        acc += _nows(raw[lines[i] - 1])
        if acc > suffix:
            cut = i + 1
            break
        if acc == suffix:
            cut = i
            break
    else:
        cut = 1 if lines else 0
    cut = max(1, cut) if lines else 0
    ratio = char_offset / len(text)
    second = Block(role=block.role, lines=lines[cut:], text="", confidence=block.confidence)
    if block.edited is not None:
        src_cut = round(len(block.text) * ratio)
        second.text, block.text = block.text[src_cut:], block.text[:src_cut]
        second.edited, block.edited = text[char_offset:], text[:char_offset]
    else:
        second.text, block.text = text[char_offset:], text[:char_offset]
    block.lines = lines[:cut]
    container = _container(page, owner, block)
    container.insert(next(i for i, b in enumerate(container) if b is block) + 1, second)
    return second.id


def join_blocks(page: Page, block_id: str) -> None:
    """Join a block with the next block of the same article (or list)."""
    owner, block = _block(page, block_id)
    container = _container(page, owner, block)
    i = next(i for i, b in enumerate(container) if b is block)
    if i + 1 >= len(container):
        raise OpError("no-next-block", "there is no next block to join")
    nxt = container.pop(i + 1)
    if block.edited is not None or nxt.edited is not None:
        block.edited = block.display_text + nxt.display_text
    block.text += nxt.text
    block.lines = block.lines + nxt.lines
    block.confidence = min(block.confidence, nxt.confidence)
    if nxt.credit and not block.credit:
        block.credit = nxt.credit


def edit_text(page: Page, block_id: str, text: str) -> None:
    """Correct a block's text; the raw lines and the importer's text stay as they were."""
    _owner, block = _block(page, block_id)
    block.edited = None if text == block.text else text


def set_credit(page: Page, block_id: str, credit: str | None) -> None:
    _owner, block = _block(page, block_id)
    block.credit = credit or None


# -- article fields ---------------------------------------------------------------------


def set_title(page: Page, article_id: str, role: str, text: str) -> None:
    """Retitle: set the kicker, headline or subheadline text of an article.

    The first block of that role gets the text as an edit; further blocks of
    the role are emptied. Without such a block, a block owning no raw line is
    added (an editor's own title); clearing such a block removes it.
    """
    if role not in TITLE_ROLES:
        raise OpError("bad-role", role)
    art = _article(page, article_id)
    blocks = [b for b in art.blocks if b.role == role]
    text = text.strip()
    if not blocks:
        if text:
            pos = sum(
                1
                for b in art.blocks
                if b.role in TITLE_ROLES and TITLE_ROLES.index(b.role) < TITLE_ROLES.index(role)
            )
            art.blocks.insert(pos, Block(role=role, lines=[], text=text))
        return
    for b in blocks:
        if not b.lines and not text:
            art.blocks.remove(b)
            continue
        b.edited = None if text == b.text else text
        text = ""


def set_article_field(page: Page, article_id: str, name: str, value: str | None) -> None:
    if name not in ARTICLE_FIELDS:
        raise OpError("bad-field", name)
    art = _article(page, article_id)
    setattr(art, name, value if name == "notes_text" else (value or None))


def set_tags(page: Page, article_id: str, tags: list[str]) -> None:
    art = _article(page, article_id)
    art.tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))


def set_meta(page: Page, name: str, value: str | None) -> None:
    if name not in META_FIELDS:
        raise OpError("bad-field", name)
    setattr(page.meta, name, value or None)


def set_people(page: Page, article_id: str, people: list[Person]) -> None:
    """Replace an article's people (name and role each); names lose inner spaces."""
    art = _article(page, article_id)
    out: list[Person] = []
    for p in people:
        name = _SPACE.sub("", p.name)
        if p.role not in PERSON_ROLES:
            raise OpError("bad-person-role", p.role)
        if name and Person(name, p.role) not in out:
            out.append(Person(name, p.role))
    art.people = out


def reparse_byline(page: Page, article_id: str) -> None:
    """Read dateline, byline and people again from the article's byline text."""
    art = _article(page, article_id)
    text = art.byline
    block = next((b for b in art.blocks if b.role in ("byline", "dateline")), None)
    if block is not None:
        text = block.display_text
    if not text:
        raise OpError("no-byline", "the article has no byline to read")
    dateline, byline, people = parse_byline(text)
    if dateline:
        art.dateline = dateline
    art.byline = byline or (text if block is None else art.byline)
    art.people = list(people)


def mark_decision_checked(page: Page, index: int, checked: bool = True) -> None:
    if not 0 <= index < len(page.decisions):
        raise OpError("no-decision", str(index))
    page.decisions[index].checked = checked
