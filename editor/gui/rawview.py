"""The raw page text, read-only: line numbers, role marks, and each line tinted by its article.

The gutter shows the line number, a one-character role mark and an orange
bar beside lines whose block text an editor corrected; the line's
background shows which article owns it (unassigned lines in red, page
furniture in grey). Article boundaries are drawn, not only tinted: the
owning article's stable number (`theme.article_numbers`) sits in a badge at
the first line of each run of lines it owns, and a rule crosses the gutter
and the text wherever ownership passes from one owner to another (see
`boundary_marks`; blank lines belong to nobody and never break a run). The
selected block's or article's lines get a stronger highlight. Clicking a line
reports it (`lineClicked`) so the window can select its block in the tree;
`selected_lines()` gives the lines under the text selection for "new article
from lines" and "assign lines".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from editor.core.model import Page

from . import theme

EDITED_MARK = QColor("#ef6c00")
RULE_COLOUR = QColor("#37474f")
RULE_WIDTH = 2

# Owners of lines that are not in an article, for `boundary_marks`.
FURNITURE = "#furniture"
UNASSIGNED = "#unassigned"
NO_OWNER = "#none"  # a non-blank line nobody owns (a broken page)


class Boundaries(NamedTuple):
    rules: frozenset[int]  # lines with a rule above them
    numbers: dict[int, int]  # line -> number of the article whose run starts there


def boundary_marks(
    owners: Mapping[int, str],
    numbers: Mapping[str, int],
    blank: Collection[int] = (),
    count: int = 0,
) -> Boundaries:
    """Where the raw view draws article boundaries.

    `owners` maps a line to its owner: an article id, FURNITURE or UNASSIGNED; `numbers`
    maps article ids to their numbers; lines in `blank` are owned by nobody and neither end
    nor start a run (any other line without an owner counts as NO_OWNER). A rule goes
    above the first line of every run but the page's first, so wherever the owner changes
    (article to article, or to and from the furniture or the unassigned lines); an
    article's number goes at the first line of each of its runs.
    """
    rules: set[int] = set()
    badges: dict[int, int] = {}
    previous: str | None = None
    for n in range(1, max(count, max(owners, default=0)) + 1):
        owner = owners.get(n)
        if owner is None:
            if n in blank:
                continue
            owner = NO_OWNER
        if owner != previous:
            if previous is not None:
                rules.add(n)
            if owner in numbers:
                badges[n] = numbers[owner]
            previous = owner
    return Boundaries(frozenset(rules), badges)


class _Gutter(QWidget):
    def __init__(self, view: RawView):
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self._view.paint_gutter(event)


class RawView(QPlainTextEdit):
    lineClicked = Signal(int)  # 1-based raw line number

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rawView")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 11))
        self.setFont(font)
        self._gutter = _Gutter(self)
        self._page: Page | None = None
        self._tints: dict[int, QColor] = {}
        self._roles: dict[int, str] = {}
        self._owners: dict[int, str] = {}  # line -> article id, FURNITURE or UNASSIGNED
        self._shades: dict[int, QColor] = {}  # line -> its article's strong shade
        self._numbers: dict[str, int] = {}  # article id -> stable number
        self._marks = Boundaries(frozenset(), {})
        self._highlight: set[int] = set()
        self._terms: list[str] = []  # search words marked in the text
        self._edited: set[int] = set()  # lines of blocks whose text an editor corrected
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._update_gutter)
        self._update_margins()

    # -- contents -------------------------------------------------------------------------
    def set_page(self, page: Page | None) -> None:
        self._page = page
        self._terms = []
        self.setPlainText("\n".join(page.raw_lines()) if page else "")
        self.refresh()

    def refresh(self) -> None:
        """Re-read ownership after a change and repaint tints and marks."""
        self._tints.clear()
        self._roles.clear()
        self._owners.clear()
        self._shades.clear()
        page = self._page
        self._edited = (
            {n for _a, b in page.all_blocks() if b.edited is not None for n in b.lines}
            if page is not None
            else set()
        )
        if page is not None:
            for n, tint, role in theme.line_owners(page):
                self._tints[n] = tint
                self._roles[n] = role
            self._numbers = theme.article_numbers(page)
            for art in page.articles:
                shade = theme.article_shade(self._numbers[art.id])
                for n in art.lines:
                    self._owners[n] = art.id
                    self._shades[n] = shade
            for blocks, owner in ((page.furniture, FURNITURE), (page.unassigned, UNASSIGNED)):
                for b in blocks:
                    for n in b.lines:
                        self._owners[n] = owner
            blank = page.blank_lines()
        else:
            self._numbers = {}
            blank = set()
        self._marks = boundary_marks(self._owners, self._numbers, blank, self.blockCount())
        self._highlight &= set(self._tints)
        self._update_margins()
        self.viewport().update()
        self._apply_selections()
        self._gutter.update()

    def line_role(self, line: int) -> str | None:
        return self._roles.get(line)

    def line_tint(self, line: int) -> QColor | None:
        return self._tints.get(line)

    def boundaries(self) -> Boundaries:
        """Where rules and article numbers are drawn (see `boundary_marks`)."""
        return self._marks

    def article_number_at(self, line: int) -> int | None:
        """The stable number of the article owning the line; None for other lines."""
        return self._numbers.get(self._owners.get(line, ""))

    def line_edited(self, line: int) -> bool:
        """True when the line's block carries an editor's corrected text (marked in the gutter)."""
        return line in self._edited

    # -- selection ------------------------------------------------------------------------
    def highlight_lines(self, lines: list[int], scroll: bool = True) -> None:
        """Mark the selected block's or article's lines and scroll the first into view."""
        if set(lines) != self._highlight:
            self._highlight = set(lines)
            self.viewport().update()
            self._gutter.update()
        if scroll and lines:
            block = self.document().findBlockByNumber(min(lines) - 1)
            if block.isValid():
                cursor = QTextCursor(block)
                self.setTextCursor(cursor)
                self.centerCursor()

    def mark_terms(self, terms: list[str]) -> None:
        """Mark every occurrence of these words (a search's hits) until other words are marked."""
        self._terms = [t for t in terms if t]
        self._apply_selections()

    def marked_terms(self) -> list[tuple[int, str]]:
        """(line, text) of every marked occurrence, in order."""
        return [
            (s.cursor.block().blockNumber() + 1, s.cursor.selectedText())
            for s in self.extraSelections()
            if s.cursor.hasSelection()
        ]

    def highlighted_lines(self) -> set[int]:
        return set(self._highlight)

    def selected_lines(self) -> list[int]:
        """Lines touched by the text selection (or the cursor's line when nothing is selected)."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber() + 1
        last_pos = cursor.selectionEnd()
        last_block = doc.findBlock(last_pos)
        last = last_block.blockNumber() + 1
        if cursor.hasSelection() and last_pos == last_block.position() and last > first:
            last -= 1  # a selection ending at a line's start does not include that line
        return list(range(first, last + 1))

    def select_lines(self, first: int, last: int) -> None:
        doc = self.document()
        start = doc.findBlockByNumber(first - 1)
        end = doc.findBlockByNumber(last - 1)
        cursor = QTextCursor(start)
        cursor.setPosition(
            end.position() + max(0, end.length() - 1), QTextCursor.MoveMode.KeepAnchor
        )
        self.setTextCursor(cursor)

    def _apply_selections(self) -> None:
        """Mark the search hits. (Article tints and the selected lines are painted, for the
        visible lines only, in `paintEvent`: a selection per run of lines took over a second
        to build on a page of 30,000 lines.)"""
        from PySide6.QtWidgets import QTextEdit

        selections = []
        doc = self.document()
        for term in self._terms:
            cursor = doc.find(term)
            while not cursor.isNull():
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(theme.HIT_TINT)
                sel.cursor = cursor
                selections.append(sel)
                cursor = doc.find(term, cursor)
        self.setExtraSelections(selections)

    def line_background(self, line: int) -> QColor | None:
        """The colour the line's background is painted: the selection's, else its owner's."""
        return theme.SELECTED_TINT if line in self._highlight else self._tints.get(line)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.lineClicked.emit(
                self.cursorForPosition(event.position().toPoint()).blockNumber() + 1
            )

    # -- gutter ---------------------------------------------------------------------------
    def _badge_width(self) -> int:
        digits = max(2, len(str(max(self._numbers.values(), default=1))))
        return self.fontMetrics().horizontalAdvance("9") * digits + 6

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return (
            12
            + self._badge_width()
            + 4
            + self.fontMetrics().horizontalAdvance("9") * digits
            + self.fontMetrics().horizontalAdvance("国")
            + 8
        )

    def _update_margins(self, _count: int = 0) -> None:
        width = self.gutter_width()
        self.setViewportMargins(width, 0, 0, 0)
        if self._gutter.width() != width:
            cr = self.contentsRect()
            self._gutter.setGeometry(QRect(cr.left(), cr.top(), width, cr.height()))

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paintEvent(self, event) -> None:
        """The text; over it each visible line's tint, multiplied so that the text stays as
        dark as it was; then the boundary rules across it."""
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        width = self.viewport().width()
        lines = list(self._visible_lines(event.rect()))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for n, top, height in lines:
            tint = self.line_background(n)
            if tint is not None:
                painter.fillRect(0, top, width, height, tint)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for n, top, _height in lines:
            if n in self._marks.rules:
                painter.fillRect(0, top, width, RULE_WIDTH, RULE_COLOUR)
        painter.end()

    def _visible_lines(self, rect: QRect):
        """(line, top, height) of the lines in the viewport that meet `rect`."""
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= rect.bottom():
            height = round(self.blockBoundingRect(block).height())
            if block.isVisible() and top + height >= rect.top():
                yield block.blockNumber() + 1, top, height
            block = block.next()
            top += height

    def paint_gutter(self, event) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), QColor("#f4f4f4"))
        fm = self.fontMetrics()
        mark_w = fm.horizontalAdvance("国") + 4
        num_w = self._gutter.width() - mark_w - 6
        badge_x, badge_w = 10, self._badge_width()
        bold = QFont(self.font())
        bold.setBold(True)
        first = self.firstVisibleBlock().blockNumber() + 1
        for n, top, height in self._visible_lines(event.rect()):
            tint = self.line_background(n)
            shade = self._shades.get(n)
            if shade is not None:
                painter.fillRect(0, top, 4, height, shade)
            elif tint is not None:
                painter.fillRect(0, top, 4, height, tint.darker(130))
            number = self._marks.numbers.get(n)
            sticky = number is None and n == first and shade is not None
            if sticky:  # the run began above the view: say whose lines these are
                number = self.article_number_at(n)
            if number is not None and shade is not None:
                badge = QColor(shade)
                if sticky:
                    badge.setAlpha(150)
                painter.fillRect(badge_x, top + 1, badge_w, height - 2, badge)
                painter.setFont(bold)
                painter.setPen(QColor("#ffffff"))
                painter.drawText(
                    badge_x, top, badge_w, height, Qt.AlignmentFlag.AlignCenter, str(number)
                )
            if n in self._marks.rules:
                painter.fillRect(0, top, self._gutter.width(), RULE_WIDTH, RULE_COLOUR)
            if n in self._edited:
                painter.fillRect(5, top + 2, 3, height - 4, EDITED_MARK)
            painter.setFont(self.font())
            painter.setPen(QColor("#000000") if n in self._highlight else QColor("#888888"))
            painter.drawText(0, top, num_w, height, Qt.AlignmentFlag.AlignRight, str(n))
            role = self._roles.get(n)
            if role:
                painter.setFont(bold)
                painter.setPen(theme.role_colour(role))
                painter.drawText(
                    num_w + 4,
                    top,
                    mark_w,
                    height,
                    Qt.AlignmentFlag.AlignLeft,
                    theme.role_mark(role),
                )
        painter.end()
