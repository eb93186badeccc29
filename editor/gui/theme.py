"""How the model looks in the window: role names, marks, shortcut keys and article colours.

Role names and marks are translated here, in one place, so the tree, the raw
view's gutter and the menus all say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

# Single-key shortcuts for "set role", shown in the menus.
ROLE_KEYS = {
    "kicker": "K",
    "headline": "H",
    "subheadline": "U",
    "byline": "B",
    "dateline": "D",
    "paragraph": "P",
    "subhead": "S",
    "caption": "C",
    "credit": "R",
    "source": "O",
    "note": "N",
    "page_header": "G",
    "jump": "J",
    "unassigned": "X",
}

# Article hues, in degrees, ordered so that articles numbered one after the other get far-apart
# hues. All keep clear of the selection's amber (45°), the search hits' orange and the
# unassigned lines' red, so no article's tint can be taken for any of them.
_HUES = (100, 170, 240, 125, 195, 260, 145, 215)
UNASSIGNED_TINT = QColor("#ffb3b3")
FURNITURE_TINT = QColor("#e6e6e6")
SELECTED_TINT = QColor("#ffd54f")
HIT_TINT = QColor("#ff8a65")  # words a search found, in the raw page

ROLE_COLOURS = {
    "kicker": "#8e24aa",
    "headline": "#c62828",
    "subheadline": "#ad1457",
    "byline": "#1565c0",
    "dateline": "#1565c0",
    "subhead": "#ef6c00",
    "caption": "#2e7d32",
    "credit": "#2e7d32",
    "source": "#6d4c41",
    "note": "#6d4c41",
    "page_header": "#757575",
    "jump": "#757575",
    "unassigned": "#d50000",
    "paragraph": "#505050",
}


# Article numbers, per page id: handed out 1, 2, 3 … the first time an article id is seen and
# never reused in this session, so splitting, merging or moving articles leaves every other
# article's number (and colour) as it was.
_numbers: dict[str, dict[str, int]] = {}


def article_numbers(page) -> dict[str, int]:
    """Article id to its stable number on this page; articles not seen before get the next
    free numbers in reading order."""
    known = _numbers.setdefault(page.id, {})
    for art in page.articles:
        if art.id not in known:
            known[art.id] = len(known) + 1  # (numbers are 1 … n, never reused)
    return {art.id: known[art.id] for art in page.articles}


def article_colour(number: int) -> QColor:
    """The background tint of the article with this (stable) number."""
    return QColor.fromHsl(_HUES[(number - 1) % len(_HUES)], 190, 212)


def article_shade(number: int) -> QColor:
    """The strong shade of the article with this (stable) number, for gutter bars and
    number badges."""
    return QColor.fromHsl(_HUES[(number - 1) % len(_HUES)], 150, 88)


def line_owners(page) -> Iterator[tuple[int, QColor, str]]:
    """(raw line, tint, role) for every owned line of a page: each article's lines in its
    colour, page furniture grey, unassigned lines red. The raw view and the page picture
    colour lines alike."""
    numbers = article_numbers(page)
    for art in page.articles:
        tint = article_colour(numbers[art.id])
        for b in art.blocks:
            for n in b.lines:
                yield n, tint, b.role
    for b in page.furniture:
        for n in b.lines:
            yield n, FURNITURE_TINT, b.role
    for b in page.unassigned:
        for n in b.lines:
            yield n, UNASSIGNED_TINT, "unassigned"


def role_colour(role: str) -> QColor:
    return QColor(ROLE_COLOURS.get(role, "#9e9e9e"))


def role_label(role: str) -> str:
    """The role's name in the interface language."""
    labels = {
        "kicker": QCoreApplication.translate("Roles", "Kicker"),
        "headline": QCoreApplication.translate("Roles", "Headline"),
        "subheadline": QCoreApplication.translate("Roles", "Subheadline"),
        "byline": QCoreApplication.translate("Roles", "Byline"),
        "dateline": QCoreApplication.translate("Roles", "Dateline"),
        "paragraph": QCoreApplication.translate("Roles", "Paragraph"),
        "subhead": QCoreApplication.translate("Roles", "Subhead"),
        "caption": QCoreApplication.translate("Roles", "Caption"),
        "credit": QCoreApplication.translate("Roles", "Credit"),
        "source": QCoreApplication.translate("Roles", "Source tag"),
        "note": QCoreApplication.translate("Roles", "Note"),
        "page_header": QCoreApplication.translate("Roles", "Page header"),
        "jump": QCoreApplication.translate("Roles", "Jump line"),
        "unassigned": QCoreApplication.translate("Roles", "Unassigned"),
    }
    return labels.get(role, role)


def role_mark(role: str) -> str:
    """A one-character mark for the raw view's gutter."""
    marks = {
        "kicker": QCoreApplication.translate("Roles", "K", "mark for kicker"),
        "headline": QCoreApplication.translate("Roles", "H", "mark for headline"),
        "subheadline": QCoreApplication.translate("Roles", "U", "mark for subheadline"),
        "byline": QCoreApplication.translate("Roles", "B", "mark for byline"),
        "dateline": QCoreApplication.translate("Roles", "D", "mark for dateline"),
        "paragraph": "",
        "subhead": QCoreApplication.translate("Roles", "S", "mark for subhead"),
        "caption": QCoreApplication.translate("Roles", "C", "mark for caption"),
        "credit": QCoreApplication.translate("Roles", "R", "mark for credit"),
        "source": QCoreApplication.translate("Roles", "O", "mark for source tag"),
        "note": QCoreApplication.translate("Roles", "N", "mark for note"),
        "page_header": QCoreApplication.translate("Roles", "G", "mark for page header"),
        "jump": QCoreApplication.translate("Roles", "J", "mark for jump line"),
        "unassigned": QCoreApplication.translate("Roles", "?", "mark for unassigned"),
    }
    return marks.get(role, "")


def person_role_label(role: str) -> str:
    labels = {
        "author": QCoreApplication.translate("People", "Author"),
        "reporter": QCoreApplication.translate("People", "Reporter"),
        "correspondent": QCoreApplication.translate("People", "Correspondent"),
        "photographer": QCoreApplication.translate("People", "Photographer"),
        "graphics": QCoreApplication.translate("People", "Graphics"),
        "editor": QCoreApplication.translate("People", "Editor"),
    }
    return labels.get(role, role)


def decision_label(kind: str) -> str:
    labels = {
        "boundary": QCoreApplication.translate("Review", "Article boundary"),
        "attach": QCoreApplication.translate("Review", "Headline attachment"),
        "role": QCoreApplication.translate("Review", "Block role"),
        "paragraph": QCoreApplication.translate("Review", "Paragraph break"),
        "thread": QCoreApplication.translate("Review", "Column threading"),
        "byline": QCoreApplication.translate("Review", "Byline reading"),
        "invariant": QCoreApplication.translate("Review", "Line without an owner (repaired)"),
    }
    return labels.get(kind, kind)
