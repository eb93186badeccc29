"""The tag vocabulary dialog: every tag of the library with its count; rename and merge.

Renaming and merging are library-wide `TagCommand`s on the archive's undo
stack (`Archive.rename_tag` / `merge_tags`), so Edit → Undo takes them
back everywhere at once — in the library, the browser, search results and
the pages open in the editor. The dialog is not modal, and has Undo/Redo
buttons of its own for the library's tag steps; its list follows every
tag change, including undo and redo. Names come from the window's `ask_tag`, which
tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class VocabularyDialog(QDialog):
    def __init__(self, archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("vocabularyDialog")
        self.setWindowTitle(self.tr("Tag vocabulary"))
        self.archive = archive
        self.resize(420, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Tags in the library, most used first. Select several to merge them."))
        )
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("vocabularyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Articles")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("renameTag")
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setObjectName("mergeTags")
        self.merge_button.clicked.connect(self.merge_selected)
        row.addWidget(self.rename_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        stack = archive.w.undo_group  # (the window's one history: its active stack)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("vocabularyUndo")
        self.undo_button.clicked.connect(stack.undo)
        self.undo_button.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("vocabularyRedo")
        self.redo_button.clicked.connect(stack.redo)
        self.redo_button.setEnabled(stack.canRedo())
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        archive.tagsChanged.connect(self.fill)
        self.fill()

    def fill(self, _changes=None) -> None:
        selected = set(self.selected_tags())
        self.table.setRowCount(0)
        for tag, count in self.archive.vocabulary():
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(tag)
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, number)
            if tag in selected:
                self.table.selectRow(row)
        self._update_buttons()

    def counts(self) -> dict[str, int]:
        return {
            self.table.item(r, 0).text(): int(self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        }

    def selected_tags(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).text() for r in rows]

    def select_tags(self, tags: list[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() in tags:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        n = len(self.selected_tags())
        self.rename_button.setEnabled(n == 1)
        self.merge_button.setEnabled(n >= 2)

    def _vocabulary(self) -> list[str]:
        return [t for t, _n in self.archive.vocabulary()]

    def rename_selected(self) -> None:
        tags = self.selected_tags()
        if len(tags) != 1:
            return
        new = self.archive.w.ask_tag(
            self.tr("Rename tag"),
            self.tr("New name for {tag} (an existing tag's name merges the two):").format(
                tag=tags[0]
            ),
            self._vocabulary(),
        )
        if new and new != tags[0]:
            self.archive.rename_tag(tags[0], new)

    def merge_selected(self) -> None:
        tags = self.selected_tags()
        if len(tags) < 2:
            return
        target = self.archive.w.ask_tag(
            self.tr("Merge tags"),
            self.tr("Merge {tags} into:").format(tags="、".join(tags)),
            tags + [t for t in self._vocabulary() if t not in tags],
        )
        if target:
            self.archive.merge_tags(tags, target)
