"""The raw page text, read-only: line numbers, role marks, and each line tinted by its article.

The gutter shows the line number, a one-character role mark and an orange
bar beside lines whose block text an editor corrected; the line's
background shows which article owns it (unassigned lines in red, page
furniture in grey). The selected block's or article's lines get a stronger
highlight. Clicking a line reports it (`lineClicked`) so the window can
select its block in the tree; `selected_lines()` gives the lines under the
text selection for "new article from lines" and "assign lines".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from editor.core.model import Page

from . import theme

EDITED_MARK = QColor("#ef6c00")


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
        self._highlight &= set(self._tints)
        self._apply_selections()
        self._gutter.update()

    def line_role(self, line: int) -> str | None:
        return self._roles.get(line)

    def line_tint(self, line: int) -> QColor | None:
        return self._tints.get(line)

    def line_edited(self, line: int) -> bool:
        """True when the line's block carries an editor's corrected text (marked in the gutter)."""
        return line in self._edited

    # -- selection ------------------------------------------------------------------------
    def highlight_lines(self, lines: list[int], scroll: bool = True) -> None:
        """Mark the selected block's or article's lines and scroll the first into view."""
        if set(lines) != self._highlight:
            self._highlight = set(lines)
            self._apply_selections()
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
        from PySide6.QtGui import QTextFormat  # with the first page, not at start-up
        from PySide6.QtWidgets import QTextEdit

        selections = []
        doc = self.document()
        block = doc.firstBlock()
        n = 1
        while block.isValid():
            tint = theme.SELECTED_TINT if n in self._highlight else self._tints.get(n)
            if tint is not None:
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(tint)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(block)
                selections.append(sel)
            block = block.next()
            n += 1
        for term in self._terms:
            cursor = doc.find(term)
            while not cursor.isNull():
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(theme.HIT_TINT)
                sel.cursor = cursor
                selections.append(sel)
                cursor = doc.find(term, cursor)
        self.setExtraSelections(selections)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.lineClicked.emit(
                self.cursorForPosition(event.position().toPoint()).blockNumber() + 1
            )

    # -- gutter ---------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return (
            12
            + self.fontMetrics().horizontalAdvance("9") * digits
            + self.fontMetrics().horizontalAdvance("国")
            + 8
        )

    def _update_margins(self, _count: int = 0) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), QColor("#f4f4f4"))
        fm = self.fontMetrics()
        mark_w = fm.horizontalAdvance("国") + 4
        num_w = self._gutter.width() - mark_w - 6
        bold = QFont(self.font())
        bold.setBold(True)
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            n = block.blockNumber() + 1
            if block.isVisible() and top + height >= event.rect().top():
                tint = self._tints.get(n)
                if tint is not None:
                    painter.fillRect(0, top, 4, height, tint.darker(130))
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
            block = block.next()
            top += height
        painter.end()
