"""Search in the window: a query box, ranked results with the matched words highlighted.

The query uses the library's syntax (words, "phrases", -word, tag:, person:,
date:, section:, paper:). Searching runs in a worker; a newer query makes
an older one's late answer be dropped. Results show headline, date, page
and the snippet with `SearchHit.terms` marked; activating one asks the
window to open the article with its words marked in the raw text. Selected
results can be tagged or exported like the browser's articles.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import library, workers
from .browsermodel import ID_ROLE, NO_INDEX, PAGE_ROLE
from .selectionactions import SelectionActions

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
RESULT_LIMIT = 500


def highlight(text: str, terms: list[str]) -> str:
    """The text as HTML with every occurrence of the terms (case-insensitive) in bold and tinted."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    low = text.lower()
    out, i = [], 0
    while i < len(text):
        hit = next((t for t in terms if low.startswith(t.lower(), i)), None)
        if hit:
            out.append(
                '<b style="background-color:#ffd54f">'
                + html.escape(text[i : i + len(hit)])
                + "</b>"
            )
            i += len(hit)
        else:
            out.append(html.escape(text[i]))
            i += 1
    return "".join(out)


class SearchResultsModel(QAbstractTableModel):
    """The hits of one search (at most RESULT_LIMIT), columns headline, date, page, snippet."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list = []

    def tr(self, text: str) -> str:  # type: ignore[override]
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("SearchResultsModel", text)

    def set_hits(self, hits: list) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=NO_INDEX) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return hit.headline or self.tr("(no headline)")
            if col == 1:
                return hit.date or ""
            if col == 2:
                return " · ".join(str(x) for x in (hit.section, hit.number) if x)
            return hit.snippet
        if role == HTML_ROLE and col == 3:
            return highlight(hit.snippet, hit.terms)
        if role == ID_ROLE:
            return hit.article_id
        if role == PAGE_ROLE:
            return hit.page_id
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [self.tr("Headline"), self.tr("Date"), self.tr("Page"), self.tr("Snippet")]
            return names[section] if 0 <= section < len(names) else None
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's HTML_ROLE text (the snippet with its marked words)."""

    def paint(self, painter, option, index) -> None:
        text = index.data(HTML_ROLE)
        if text is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(text)
        doc.setDocumentMargin(2)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


class SearchPanel(SelectionActions, QWidget):
    articleActivated = Signal(str, str, list)  # page id, article id, matched words
    tagRequested = Signal(list, bool)
    exportRequested = Signal(list)
    searchFinished = Signal(int)  # number of hits

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._serial = 0
        self.busy = False
        self.model = SearchResultsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(
            self.tr('Search: words, "a phrase", -word, tag:…, person:…, date:2025-04, section:…')
        )
        self.box.returnPressed.connect(self.run)
        layout.addWidget(self.box)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.view = QTableView()
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(3, HtmlDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 140)
        self.view.setWordWrap(False)
        self.view.activated.connect(self._activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._selection_buttons())

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def run(self, query: str | None = None) -> None:
        """Search for the box's text (or `query`, put in the box) in a worker."""
        if query is not None:
            self.box.setText(query)
        text = self.box.text().strip()
        self._serial += 1
        serial = self._serial
        if not text:
            self.model.set_hits([])
            self.status.setText("")
            return
        self.busy = True
        self.status.setText(self.tr("Searching…"))
        workers.start(
            workers.Task(lambda report: library.search(text, RESULT_LIMIT)),
            on_done=lambda hits: self._found(serial, hits),
            on_failed=lambda code, message: self._failed(serial, message),
            owner=self,
        )

    def rerun(self) -> None:
        """Search again for the same words (the library changed), keeping the selection's rows."""
        if self.box.text().strip():
            self.run()

    def _found(self, serial: int, hits: list) -> None:
        if serial != self._serial:
            return
        self.busy = False
        self.model.set_hits(hits)
        if not hits:
            self.status.setText(self.tr("Nothing found."))
        elif len(hits) >= RESULT_LIMIT:
            self.status.setText(self.tr("The first {n} articles found.").format(n=len(hits)))
        else:
            self.status.setText(self.tr("{n} articles found.").format(n=len(hits)))
        if hits and hits[0].ranked_among:
            self.status.setText(self.status.text() + " " + self.tr(
                "These words are in very many articles: the best matches among the newest "
                "{n:,} come first. Add a word or a filter to narrow them."
            ).format(n=hits[0].ranked_among))
        self.searchFinished.emit(len(hits))

    def _failed(self, serial: int, message: str) -> None:
        if serial != self._serial:
            return
        self.busy = False
        self.model.set_hits([])
        self.status.setText(message)
        self.searchFinished.emit(-1)

    # -- selection and requests -----------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.hits[r].article_id for r in rows]

    def context_menu(self) -> QMenu:
        """Open, tag and export for the selected results (the buttons' actions)."""
        index = self.view.currentIndex()
        return self._selection_menu(lambda: self._activated(index), index.isValid())

    def _menu(self, pos) -> None:
        self.context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def _activated(self, index) -> None:
        hit = self.model.hits[index.row()]
        self.articleActivated.emit(hit.page_id, hit.article_id, list(hit.terms))
