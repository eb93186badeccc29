"""The review list: the importer's doubtful decisions, lowest confidence first.

Each row names the kind of decision, its confidence and what it concerns.
Moving through the list (next/previous keys live in the window's Review
menu) selects the decision's article or block; marking a decision checked is
an undoable correction that removes it from the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.core.model import Page

from . import theme

INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2


def open_decisions(page: Page) -> list[int]:
    """Indexes of unchecked decisions, lowest confidence first (ties in page order)."""
    items = [(d.confidence, i) for i, d in enumerate(page.decisions) if not d.checked]
    return [i for _c, i in sorted(items)]


class ReviewPanel(QWidget):
    targetActivated = Signal(str)  # id of an article or block
    checkRequested = Signal()  # mark the current decision checked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._page: Page | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        self.check_button = QPushButton(self.tr("Checked (Ctrl+K)"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(
            self.tr("The importer's decision is right: remove it from the list")
        )
        self.check_button.clicked.connect(self.checkRequested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.check_button)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setObjectName("reviewList")
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda item: self._current_changed(item, None))
        layout.addWidget(self.list)

    def set_page(self, page: Page | None) -> None:
        self._page = page
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list after a change, keeping the current row where it was."""
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        page = self._page
        indexes = open_decisions(page) if page else []
        for i in indexes:
            d = page.decisions[i]
            text = self.tr("{confidence:.0%}  {kind} — {target}").format(
                confidence=d.confidence,
                kind=theme.decision_label(d.kind),
                target=self._target_label(d.target),
            )
            item = QListWidgetItem(text)
            item.setData(INDEX_ROLE, i)
            item.setData(TARGET_ROLE, d.target)
            if d.detail:
                item.setToolTip(d.detail)
            self.list.addItem(item)
        if indexes:
            self.list.setCurrentRow(min(max(row, 0), len(indexes) - 1))
        self.list.blockSignals(False)
        self.summary.setText(
            self.tr("{n} decisions to check").format(n=len(indexes))
            if page and page.decisions
            else self.tr("No doubtful decisions on this page")
        )
        self.check_button.setEnabled(bool(indexes))

    def _target_label(self, target: str) -> str:
        page = self._page
        art = page.find_article(target) if page else None
        if art is not None:
            return art.label(16) or self.tr("(no headline)")
        found = page.find_block(target) if page else None
        if found is not None:
            block = found[1]
            text = block.display_text
            return f"{theme.role_label(block.role)}: {text[:16]}" + ("…" if len(text) > 16 else "")
        return self.tr("(removed)")

    def _current_changed(self, item, _previous) -> None:
        if item is not None:
            self.targetActivated.emit(item.data(TARGET_ROLE))

    def current_decision(self) -> int | None:
        item = self.list.currentItem()
        return item.data(INDEX_ROLE) if item is not None else None

    def count(self) -> int:
        return self.list.count()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) decision, wrapping around."""
        n = self.list.count()
        if n:
            row = self.list.currentRow()
            self.list.setCurrentRow((row + delta) % n if row >= 0 else 0)
            self._current_changed(self.list.currentItem(), None)
