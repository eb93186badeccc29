"""The inspector: editable fields of the selected article, its selected block and the page.

It never changes the model: each finished edit emits a `…Requested` signal
that the window turns into an undoable command. Fields are refilled from the
model after every change (`show`), with signals blocked, so a refill never
looks like an edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.core.model import Article, Block, Page, Person

from . import theme
from .tags import TagEditor


class _TextEdit(QPlainTextEdit):
    """A multi-line editor that says when it loses focus (it has no editingFinished)."""

    focusLost = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class Inspector(QScrollArea):
    titleEditRequested = Signal(str, str, str)  # article id, role, text
    fieldEditRequested = Signal(str, str, str)  # article id, field, text
    tagsEditRequested = Signal(str, list)
    peopleEditRequested = Signal(str, list)  # article id, [Person]
    reparseRequested = Signal(str)
    blockTextEditRequested = Signal(str, str)  # block id, text
    creditEditRequested = Signal(str, str)
    metaEditRequested = Signal(str, str)  # field, text
    splitRequested = Signal()
    suggestionsWanted = Signal(object)  # the Article now shown (suggest tags for it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self._page: Page | None = None
        self._article: Article | None = None
        self._block: Block | None = None
        self._suggested_for: tuple | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_page_box())  # the page's paper and date first, in view
        layout.addWidget(self._build_article_box())
        layout.addWidget(self._build_block_box())
        layout.addStretch(1)
        self.setWidget(body)
        self.show_selection(None, None, None)

    # -- building -------------------------------------------------------------------------
    def _line(self, name: str, finished) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.editingFinished.connect(finished)
        return edit

    def _build_article_box(self) -> QGroupBox:
        box = self.article_box = QGroupBox(self.tr("Article"))
        form = QFormLayout(box)
        self.title_edits: dict[str, QLineEdit] = {}
        for role, label in (
            ("kicker", self.tr("Kicker")),
            ("headline", self.tr("Headline")),
            ("subheadline", self.tr("Subheadline")),
        ):
            edit = self._line(role, lambda r=role: self._title_finished(r))
            self.title_edits[role] = edit
            form.addRow(label, edit)
        self.dateline_edit = self._line("dateline", lambda: self._field_finished("dateline"))
        form.addRow(self.tr("Dateline"), self.dateline_edit)
        self.byline_edit = self._line("byline", lambda: self._field_finished("byline"))
        self.reparse_button = QPushButton(self.tr("Re-read"))
        self.reparse_button.setToolTip(self.tr("Read the people again from the byline text"))
        self.reparse_button.clicked.connect(
            lambda: self._article and self.reparseRequested.emit(self._article.id)
        )
        row = QHBoxLayout()
        row.addWidget(self.byline_edit, 1)
        row.addWidget(self.reparse_button)
        form.addRow(self.tr("Byline"), row)
        self.people_table = QTableWidget(0, 2)
        self.people_table.setObjectName("people")
        self.people_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.people_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people_table.verticalHeader().hide()
        self.people_table.setMinimumHeight(116)
        self.people_table.setMaximumHeight(150)
        self.people_table.verticalHeader().setDefaultSectionSize(28)
        self.people_table.itemChanged.connect(lambda _item: self._people_changed())
        add = QPushButton(self.tr("Add person"))
        add.clicked.connect(self.add_person_row)
        remove = QPushButton(self.tr("Remove person"))
        remove.clicked.connect(self.remove_person_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        people = QVBoxLayout()
        people.addWidget(self.people_table)
        people.addLayout(buttons)
        form.addRow(self.tr("People"), people)
        self.source_edit = self._line("source", self._source_finished)
        form.addRow(self.tr("Source tag"), self.source_edit)
        self.printed_notes = QLabel()
        self.printed_notes.setWordWrap(True)
        form.addRow(self.tr("Printed notes"), self.printed_notes)
        self.notes_edit = _TextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setMaximumHeight(70)
        self.notes_edit.focusLost.connect(lambda: self._field_finished("notes_text"))
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.tag_editor = TagEditor()
        self.tag_editor.tagsEdited.connect(self._tags_edited)
        self.tags_edit = self.tag_editor.edit
        form.addRow(self.tr("Tags"), self.tag_editor)
        return box

    def _build_block_box(self) -> QGroupBox:
        box = self.block_box = QGroupBox(self.tr("Block"))
        form = QFormLayout(box)
        self.block_role = QLabel()
        form.addRow(self.tr("Role"), self.block_role)
        self.block_text = _TextEdit()
        self.block_text.setObjectName("blockText")
        self.block_text.setMaximumHeight(140)
        form.addRow(self.tr("Text"), self.block_text)
        apply = QPushButton(self.tr("Apply text"))
        apply.setToolTip(
            self.tr("Keep the corrected text (Ctrl+Return); the raw page stays as it was")
        )
        apply.clicked.connect(self._block_text_finished)
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self.block_text,
            self._block_text_finished,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.block_text.focusLost.connect(self._block_text_finished)  # leaving keeps the edit
        split = QPushButton(self.tr("Split at cursor"))
        split.clicked.connect(self.splitRequested)
        row = QHBoxLayout()
        row.addWidget(apply)
        row.addWidget(split)
        form.addRow("", row)
        self.credit_edit = self._line("credit", self._credit_finished)
        form.addRow(self.tr("Photo credit"), self.credit_edit)
        return box

    def _build_page_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Page"))
        form = QFormLayout(box)
        self.meta_edits: dict[str, QLineEdit] = {}
        for name, label in (
            ("paper", self.tr("Paper")),
            ("date", self.tr("Date")),
            ("section", self.tr("Section")),
            ("number", self.tr("Page number")),
        ):
            edit = self._line("meta_" + name, lambda n=name: self._meta_finished(n))
            self.meta_edits[name] = edit
            form.addRow(label, edit)
        self.meta_edits["date"].setPlaceholderText("YYYY-MM-DD")
        return box

    # -- filling --------------------------------------------------------------------------
    def focus_page_date(self) -> None:
        """Put the cursor in the page's date (saving asked for one)."""
        edit = self.meta_edits["date"]
        self.ensureWidgetVisible(edit)
        edit.setFocus()

    def show_selection(
        self, page: Page | None, article: Article | None, block: Block | None
    ) -> None:
        self._page, self._article, self._block = page, article, block
        for w in self.findChildren(QWidget):
            w.blockSignals(True)
        try:
            self._fill_article(article)
            self._fill_block(block)
            for name, edit in self.meta_edits.items():
                edit.setEnabled(page is not None)
                edit.setText((getattr(page.meta, name) or "") if page else "")
        finally:
            for w in self.findChildren(QWidget):
                w.blockSignals(False)

    def _fill_article(self, art: Article | None) -> None:
        self.article_box.setEnabled(art is not None)
        for role, edit in self.title_edits.items():
            edit.setText((art.title_text(role) or "") if art else "")
        self.dateline_edit.setText((art.dateline or "") if art else "")
        self.byline_edit.setText((art.byline or "") if art else "")
        self.people_table.setRowCount(0)
        for p in art.people if art else []:
            self._append_person(p.name, p.role)
        source = self._source_block()
        self.source_edit.setEnabled(source is not None)
        self.source_edit.setText(source.display_text if source else "")
        self.source_edit.setPlaceholderText("" if source else self.tr("no source tag block"))
        self.printed_notes.setText("\n".join(art.notes) if art else "")
        self.notes_edit.setPlainText(art.notes_text if art else "")
        self.tag_editor.set_tags(art.tags if art else [])
        key = (art.id, tuple(art.tags)) if art else None
        if key != self._suggested_for:
            self._suggested_for = key
            self.tag_editor.set_suggestions([])
            if art is not None:
                self.suggestionsWanted.emit(art)

    def _fill_block(self, block: Block | None) -> None:
        self.block_box.setEnabled(block is not None)
        self.block_role.setText(theme.role_label(block.role) if block else "")
        if block is None:
            self.block_text.setPlainText("")
        elif self.block_text.toPlainText() != block.display_text:
            self.block_text.setPlainText(block.display_text)
        edited = self.tr(" (edited)") if block is not None and block.edited is not None else ""
        self.block_role.setText(self.block_role.text() + edited)
        self.credit_edit.setEnabled(block is not None and block.role == "caption")
        self.credit_edit.setText((block.credit or "") if block else "")

    def _append_person(self, name: str, role: str) -> None:
        from editor.core.model import PERSON_ROLES

        row = self.people_table.rowCount()
        self.people_table.insertRow(row)
        self.people_table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        for r in PERSON_ROLES:
            combo.addItem(theme.person_role_label(r), r)
        combo.setCurrentIndex(PERSON_ROLES.index(role) if role in PERSON_ROLES else 1)
        combo.currentIndexChanged.connect(lambda _i: self._people_changed())
        self.people_table.setCellWidget(row, 1, combo)

    # -- edits ----------------------------------------------------------------------------
    def _source_block(self) -> Block | None:
        if self._article is None:
            return None
        return next((b for b in self._article.blocks if b.role == "source"), None)

    def _title_finished(self, role: str) -> None:
        text = self.title_edits[role].text().strip()
        if self._article is not None and text != (self._article.title_text(role) or ""):
            self.titleEditRequested.emit(self._article.id, role, text)

    def _field_finished(self, name: str) -> None:
        if self._article is None:
            return
        edit = {"byline": self.byline_edit, "dateline": self.dateline_edit}.get(name)
        text = edit.text().strip() if edit else self.notes_edit.toPlainText()
        if text != (getattr(self._article, name) or ""):
            self.fieldEditRequested.emit(self._article.id, name, text)

    def set_vocabulary(self, tags: list[str]) -> None:
        self.tag_editor.set_vocabulary(tags)

    def show_suggestions(self, article_id: str, suggestions: list) -> None:
        """Suggestions computed for an article: shown if it is still the one inspected."""
        if self._article is not None and self._article.id == article_id:
            self.tag_editor.set_suggestions(suggestions)

    def _tags_edited(self, tags: list) -> None:
        if self._article is None:
            return
        if tags != self._article.tags:
            self.tagsEditRequested.emit(self._article.id, tags)

    def people(self) -> list[Person]:
        from editor.core.model import Person

        out = []
        for row in range(self.people_table.rowCount()):
            item = self.people_table.item(row, 0)
            combo = self.people_table.cellWidget(row, 1)
            name = item.text().strip() if item else ""
            if name:
                out.append(Person(name, combo.currentData() if combo else "reporter"))
        return out

    def _people_changed(self) -> None:
        if self._article is not None and self.people() != self._article.people:
            self.peopleEditRequested.emit(self._article.id, self.people())

    def add_person_row(self) -> None:
        self._append_person("", "reporter")
        self.people_table.editItem(self.people_table.item(self.people_table.rowCount() - 1, 0))

    def remove_person_row(self) -> None:
        row = self.people_table.currentRow()
        if row < 0:
            row = self.people_table.rowCount() - 1
        if row >= 0:
            self.people_table.removeRow(row)
            self._people_changed()

    def _source_finished(self) -> None:
        block = self._source_block()
        if block is not None and self.source_edit.text().strip() != block.display_text:
            self.blockTextEditRequested.emit(block.id, self.source_edit.text().strip())

    def _block_text_finished(self) -> None:
        text = self.block_text.toPlainText()
        if self._block is not None and text != self._block.display_text:
            self.blockTextEditRequested.emit(self._block.id, text)

    def _credit_finished(self) -> None:
        if self._block is not None and self.credit_edit.text().strip() != (
            self._block.credit or ""
        ):
            self.creditEditRequested.emit(self._block.id, self.credit_edit.text().strip())

    def _meta_finished(self, name: str) -> None:
        text = self.meta_edits[name].text().strip()
        if self._page is not None and text != (getattr(self._page.meta, name) or ""):
            self.metaEditRequested.emit(name, text)

    def block_cursor_offset(self) -> int:
        """Where the cursor is in the selected block's text (for "split paragraph")."""
        return self.block_text.textCursor().position()
