"""The inspector's tag editor: tags as removable chips, completion, one-click suggestions.

`TagEditor` shows the article's tags as chips (click × to remove), a line
to add tags (several at once, separated by commas, with completion from
the library's vocabulary) and the suggested tags for the article, each a
button that adds it. It only reports the new list (`tagsEdited`); the
inspector turns that into an undoable page edit. Suggestions are computed
by the archive in a worker (jieba) and handed in with `set_suggestions`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def split_tags(text: str) -> list[str]:
    """Tags typed in one line: separated by commas (either width) or the enumeration comma."""
    for sep in ("，", "、", ";", "；"):
        text = text.replace(sep, ",")
    return [t.strip() for t in text.split(",") if t.strip()]


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int):
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int):
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class TagEditor(QWidget):
    tagsEdited = Signal(list)  # the article's new tag list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self._tags: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chip_box = QWidget()
        self.chips = FlowLayout(self.chip_box)
        layout.addWidget(self.chip_box)
        self.edit = QLineEdit()
        self.edit.setObjectName("tags")
        self.edit.setPlaceholderText(self.tr("Add tags (comma-separated)"))
        self.edit.editingFinished.connect(self._added)
        layout.addWidget(self.edit)
        self.suggestion_label = QLabel(self.tr("Suggested:"))
        layout.addWidget(self.suggestion_label)
        self.suggestion_box = QWidget()
        self.suggestion_box.setObjectName("tagSuggestions")
        self.suggestions = FlowLayout(self.suggestion_box)
        layout.addWidget(self.suggestion_box)
        self.set_suggestions([])

    def tags(self) -> list[str]:
        return list(self._tags)

    def set_tags(self, tags: list[str]) -> None:
        self._tags = list(tags)
        _clear(self.chips)
        for tag in self._tags:
            chip = QToolButton()
            chip.setObjectName("tagChip")
            chip.setText(f"{tag} ×")
            chip.setToolTip(self.tr("Remove the tag {tag}").format(tag=tag))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _c=False, t=tag: self.remove(t))
            self.chips.addWidget(chip)
        self.chip_box.setVisible(bool(self._tags))
        self.chip_box.updateGeometry()

    def chip_texts(self) -> list[str]:
        return [self.chips.itemAt(i).widget().text() for i in range(self.chips.count())]

    def set_vocabulary(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)

    def set_suggestions(self, suggestions: list) -> None:
        """Suggestion objects (tag, kind, score): one button each, tags already on left out."""
        _clear(self.suggestions)
        shown = [s for s in suggestions if s.tag not in self._tags]
        for s in shown:
            button = QToolButton()
            button.setObjectName("tagSuggestion")
            button.setText(f"+ {s.tag}")
            kind = self._kinds().get(s.kind, "")
            button.setToolTip(
                self.tr("Add the suggested tag {tag} ({kind})").format(tag=s.tag, kind=kind)
            )
            button.clicked.connect(lambda _c=False, t=s.tag: self.add([t]))
            self.suggestions.addWidget(button)
        self.suggestion_label.setVisible(bool(shown))
        self.suggestion_box.setVisible(bool(shown))

    def _kinds(self) -> dict[str, str]:
        return {
            "person": self.tr("a person"),
            "place": self.tr("a place"),
            "organization": self.tr("an organisation"),
            "keyword": self.tr("a keyword"),
        }

    def suggestion_buttons(self) -> list[QToolButton]:
        return [self.suggestions.itemAt(i).widget() for i in range(self.suggestions.count())]

    def add(self, tags: list[str]) -> None:
        new = self._tags + [t for t in dict.fromkeys(tags) if t not in self._tags]
        if new != self._tags:
            self.tagsEdited.emit(new)

    def remove(self, tag: str) -> None:
        if tag in self._tags:
            self.tagsEdited.emit([t for t in self._tags if t != tag])

    def _added(self) -> None:
        tags = split_tags(self.edit.text())
        if tags:
            self.edit.clear()
            self.add(tags)


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
