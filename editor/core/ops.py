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

from .byline import credit_line, parse_byline, parse_lead
from .clean import ends_final
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
CREDIT_ROLES = ("byline", "dateline")  # blocks printing what an article's byline line shows


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


def _read_lines(page: Page, lines: list[int]) -> str:
    """A block's text read again from its raw lines. A dateline and byline printed at the
    start of an article's text (its lead, `本报讯（记者 X）`) are the article's, as the
    importer reads them: the text goes on after them."""
    starts = {a.lead.lines[0] for a in page.articles if a.lead is not None and a.lead.lines}
    k = next((i for i, n in enumerate(lines) if n in starts), None)
    if k is None:
        return line_text(page, lines)
    text = line_text(page, lines[k:])
    m = parse_lead(text)
    if m is not None:
        text = text[m.end:].lstrip()
    return line_text(page, lines[:k]) + text if k else text


def _cut_text(page: Page, block: Block, mine: list[int], rest: list[int]) -> tuple[str, str]:
    """The texts of a block cut in two by lines, read again from the lines. A block split
    inside a line (`split_block`) holds part of its first line's text in the block before
    it, or leaves part of its last line's to the block after it: that part stays as it
    was, with the part of the cut holding that line. A block whose text an editor
    corrected is not cut (OpError "cut-edited")."""
    parts = {"mine": _read_lines(page, mine), "rest": _read_lines(page, rest)}
    first = "mine" if block.lines[0] in mine else "rest"
    last = "mine" if block.lines[-1] in mine else "rest"
    have, read = _text_and_lines(page, block)
    if have != read and have.endswith(read):
        parts[first] = have[: len(have) - len(read)] + parts[first]
    elif have != read and read.startswith(have):
        parts[last] = _drop_last(parts[last], len(read) - len(have))
    return parts["mine"], parts["rest"]


def _text_and_lines(page: Page, block: Block) -> tuple[str, str]:
    """(the block's text, what its raw lines print), white space aside."""
    return (_SPACE.sub("", block.display_text),
            _SPACE.sub("", _read_lines(page, block.lines)))


def _cuttable(page: Page, block: Block) -> bool:
    """Can `block` be cut along its lines without losing text: its text is its lines'
    (spaces and a lead aside), or only part of a line split off at either end?"""
    have, read = _text_and_lines(page, block)
    return have == read or block.edited is None and (
        have.endswith(read) or read.startswith(have))


def _drop_last(text: str, k: int) -> str:
    """`text` without its last `k` characters that are not white space."""
    i = len(text)
    while k > 0 and i > 0:
        i -= 1
        if not text[i].isspace():
            k -= 1
    return text[:i]


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
    _credits_follow_lines(art, new, new.blocks)
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
        elif b.role in CREDIT_ROLES and getattr(first, b.role):
            b.role = "credit"
    if first.byline or first.dateline:
        # The second's dateline and byline that none of its own blocks print (printed at
        # the start of its first paragraph, `本报讯（记者 X）…`) go back into that
        # paragraph's text as printed: the merged article's byline line is the first's.
        shown = "".join(_SPACE.sub("", b.display_text) for b in second.blocks
                        if b.role in ("byline", "dateline", "credit"))
        dateline, byline = (v if v and _SPACE.sub("", v) not in shown else None
                            for v in (second.dateline, second.byline))
        printed = credit_line(dateline, byline)
        lead = second.lead
        holder = next((b for b in second.blocks if lead is not None and lead.lines
                       and lead.lines[0] in b.lines), None) or next(
            (b for b in second.blocks if b.role == "paragraph"), None)
        if printed and holder is not None:
            if not holder.display_text.startswith(printed):
                holder.edited = printed + holder.display_text
            second.dateline = second.byline = second.lead = None  # (in the text now, once)
    first.blocks.extend(second.blocks)
    first.people.extend(p for p in second.people if p not in first.people)
    first.tags.extend(t for t in second.tags if t not in first.tags)
    for name in CREDIT_ROLES:
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
    page_owners = page.owner_map()
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
    _credits_follow_blocks(page_owners, target, [b for _o, b in found])
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
    for _owner, block in page.all_blocks():
        cut = set(block.lines) & set(wanted)
        if cut and cut != set(block.lines) and not _cuttable(page, block):
            # (an editor's correction cannot be cut along lines: it would be lost)
            raise OpError("cut-edited", "the block's text was corrected; split its text instead")
    for art in page.articles:
        lead = art.lead
        if lead is not None and set(lead.lines) & set(wanted) and not set(lead.lines) <= set(
            wanted
        ):
            # the selection cuts through a dateline and byline printed over two lines: they
            # are text again, read with the lines that print them
            holder = next((b for b in art.blocks if lead.lines[0] in b.lines), None)
            _lead_into_text(art, holder)
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
        mine_text, rest_text = _cut_text(page, block, mine, rest)
        block.lines = rest
        block.text = rest_text
        block.edited = None
        taken.append(Block(role=_article_role(block.role), lines=mine, text=mine_text))
    _drop_empty_articles(page)
    return taken


def new_article_from_lines(page: Page, line_numbers: list[int]) -> str:
    """Make the given raw lines a new article, placed after the article owning the first one."""
    first = min(line_numbers) if line_numbers else 0
    owners = page.owner_map()
    before = owners.get(first, (None, None))[0]
    blocks = _take_lines(page, line_numbers)
    new = Article(blocks=blocks)
    if before is not None and before in page.articles:
        page.articles.insert(page.articles.index(before) + 1, new)
    else:
        later = [i for i, a in enumerate(page.articles) if a.lines and a.lines[0] > first]
        page.articles.insert(later[0] if later else len(page.articles), new)
    _propose_head(page, new)
    _credits_follow_blocks(owners, new, new.blocks)
    return new.id


def _credits_follow_blocks(owners: dict, new: Article, moved: list[Block]) -> None:
    """`_credits_follow_lines` for each article that `moved` blocks came from (`owners`:
    the page's owner map from before they moved)."""
    came: dict[int, tuple[Article, list[Block]]] = {}
    for block in moved:
        old = owners.get(block.lines[0], (None, None))[0] if block.lines else None
        if old is not None and old is not new:
            came.setdefault(id(old), (old, []))[1].append(block)
    for old, blocks in came.values():
        _credits_follow_lines(old, new, blocks)


# -- what an article's lines carry with them ---------------------------------------------


def _credit_texts(art: Article) -> list[str]:
    """The printed texts of an article that credit people: its byline and dateline blocks,
    the dateline and byline printed at the start of its text, its captions' credits."""
    out = [b.display_text for b in art.blocks if b.role in CREDIT_ROLES]
    if art.lead is not None:
        out += [t for t in (art.lead.dateline, art.lead.byline) if t]
    out += [b.credit or b.display_text for b in art.blocks if b.role == "caption"]
    return [_SPACE.sub("", t) for t in out]


def _credits_follow_lines(old: Article, new: Article, moved: list[Block]) -> None:
    """After `moved` blocks went from `old` to `new` (a split, a new article from lines,
    blocks moved): the byline, dateline and people go with the lines that print them. A
    dateline and byline printed at the start of a moved paragraph go with it (into its
    text when `new` has a lead of its own); so do a moved byline block's texts; a person
    goes where the moved credits name them (and stays where `old` still names them too);
    what an editor typed that no moved line prints stays."""
    lines = {n for b in moved for n in b.lines}
    lead, taken = old.lead, False
    carried = [b.display_text for b in moved if b.role in CREDIT_ROLES]
    if lead is not None and lead.lines and set(lead.lines) <= lines:
        old.lead = None
        carried += [t for t in (lead.dateline, lead.byline) if t]
        if new.lead is not None and new.lead.lines == lead.lines:  # (read again, the same)
            taken = True
        elif new.lead is None and not (new.byline or new.dateline):
            new.lead, taken = lead, True
        else:
            holder = next((b for b in moved if lead.lines[0] in b.lines), None)
            if holder is not None:
                _print_lead(holder, lead)
    carried = [_SPACE.sub("", t) for t in carried]
    for name in CREDIT_ROLES:
        value = _SPACE.sub("", getattr(old, name) or "")
        if value and any(value in t for t in carried):
            if not getattr(new, name) and (taken or any(
                    b.role in CREDIT_ROLES and value in _SPACE.sub("", b.display_text)
                    for b in moved)):
                setattr(new, name, getattr(old, name))
            setattr(old, name, None)
    if taken:
        new.dateline = new.dateline or lead.dateline
        new.byline = new.byline or lead.byline
    for block in moved:
        if block.role in CREDIT_ROLES and not (new.byline or new.dateline):
            new.dateline, new.byline, _people = _credit_of(block, block.role)
    named_old = "".join(_credit_texts(old))
    named_new = "".join(carried) + "".join(_credit_texts(new))
    for person in list(old.people):
        if person.name in named_new:
            if person not in new.people:
                new.people.append(person)
            if person.name not in named_old:
                old.people.remove(person)


def _print_lead(holder: Block, lead) -> None:
    """A dateline and byline printed at the start of `holder`'s text go back into it (as
    the page prints them: the text is its lines' again)."""
    printed = credit_line(lead.dateline, lead.byline)
    if printed and not holder.display_text.startswith(printed):
        if holder.edited is None:
            holder.text = printed + holder.text
        else:
            holder.edited = printed + holder.edited


def _lead_into_text(art: Article, holder: Block | None) -> None:
    """The article's lead is text again, in `holder` (the block printing it): no longer
    the article's lead, nor its dateline and byline where they were the lead's."""
    lead, art.lead = art.lead, None
    for name in CREDIT_ROLES:
        if getattr(art, name) == getattr(lead, name):
            setattr(art, name, None)
    if holder is not None:
        _print_lead(holder, lead)


def _differs_from_lines(page: Page, block: Block) -> bool:
    """Does the block's text differ from what its raw lines print (spaces aside)? An
    editor's correction does, and so does a block split inside a line; a lead that a merge
    put back into its paragraph is what the page prints."""
    have, read = _text_and_lines(page, block)
    return have != read


def _is_lead_holder(page: Page, block: Block) -> bool:
    """Does `block` print an article's lead (its text then starts after it)?"""
    return any(a.lead is not None and a.lead.lines[:1] and a.lead.lines[0] in block.lines
               for a in page.articles)


def _propose_head(page: Page, art: Article) -> None:
    """A new article that starts without a head: read its own lines as a page of their own
    (the importer's rules, nothing else) and, when they make one article whole, take its
    head, byline, dateline and people. Only when it opens as a head printed inside a text
    does (a subhead, or a short block that ends no sentence, before more text): a split
    inside running text proposes nothing. Text that is not its lines' (an editor's, or
    part of a line split off) is never re-read."""
    if any(b.role in TITLE_ROLES for b in art.blocks) or any(
        _differs_from_lines(page, b) for b in art.blocks
    ):
        return
    opening = art.blocks[0] if art.blocks else None
    if opening is None or not (
        opening.role == "subhead"
        or opening.role == "paragraph" and len(opening.lines) <= 2 and len(art.blocks) > 1
        and not ends_final(opening.display_text.rstrip())
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
        if read.lead is not None or not _is_lead_holder(page, block):
            block.text, block.edited = b.text, None  # (no edit by hand: see above)
        block.role, block.credit, block.confidence = b.role, b.credit, b.confidence
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
    owners = page.owner_map()
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
    _credits_follow_blocks(owners, target, blocks)


# -- blocks -----------------------------------------------------------------------------


def set_role(page: Page, block_id: str, role: str) -> None:
    """Change a block's role; page roles move it to the furniture, `unassigned` to unassigned.

    A block leaving the furniture or unassigned joins the article owning the
    nearest earlier line (or the first article; or a new one if there is none).
    """
    if role not in ROLES:
        raise OpError("bad-role", role)
    owner, block = _block(page, block_id)
    if role != block.role:
        _role_changes(owner, block, role)
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


def _role_changes(owner: Article | None, block: Block, role: str) -> None:
    """What a block's printed text does for its article when its role changes: a byline or
    dateline leaving its role stops being the article's byline line (it prints where it
    stands now, once); a block made the byline of an article without one becomes it, with
    the people it names; a caption's credit stays in the text of what it becomes."""
    if block.role == "caption" and block.credit:
        block.edited = block.display_text + block.credit
        block.credit = None
    if owner is None:
        return
    lead = owner.lead
    if (role in PAGE_ROLES or role == "unassigned") and lead is not None and (
        lead.lines[:1] and lead.lines[0] in block.lines
    ):
        # the paragraph that prints the article's lead leaves the article: the lead is
        # its text again
        _lead_into_text(owner, block)
    mine = _SPACE.sub("", block.display_text)
    if block.role in CREDIT_ROLES:
        for name in CREDIT_ROLES:
            value = _SPACE.sub("", getattr(owner, name) or "")
            if value and (value in mine or mine in value):
                setattr(owner, name, None)
    if role in CREDIT_ROLES and not owner.byline and not owner.dateline:
        owner.dateline, owner.byline, people = _credit_of(block, role)
        owner.people += [p for p in people if p not in owner.people]


def _credit_of(block: Block, role: str) -> tuple[str | None, str | None, list[Person]]:
    """(dateline, byline, people) a byline or dateline block gives its article: as read,
    when the reading takes its text whole; else its text as printed, naming no one."""
    dateline, byline, people = parse_byline(block.display_text)
    if re.sub(r"[\s（）()]", "", (dateline or "") + (byline or "")) != re.sub(
            r"[\s（）()]", "", block.display_text):
        dateline, byline, people = None, block.display_text.strip(), []
    if role == "dateline":
        dateline, byline = dateline or byline, None
    return dateline, byline, people


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
    nxt = container[i + 1]
    credits = (*CREDIT_ROLES, "caption")
    if block.role != nxt.role and (block.role in credits or nxt.role in credits):
        # (a byline joined to a paragraph would print the paragraph as a byline, or the
        # byline twice; a caption's credit would drop out of a paragraph)
        raise OpError("join-role", "a byline, dateline or caption joins only its own role")
    container.pop(i + 1)
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
    block = next((b for b in art.blocks if b.role in CREDIT_ROLES), None)
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
