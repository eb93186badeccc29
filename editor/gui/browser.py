"""The library browser, a panel of the main window: filters, pages by paper and date, articles.

The filters are the library query's own (paper, dates, section, tag, person,
untagged, edited); the page tree keeps the pages holding an article that
passes them, the article list those articles. Selecting a page (or a paper · date group) lists its
articles; activating an article asks the window to open it. The panel
does no library writes itself: bulk tagging and export are requests
(`tagRequested`, `exportRequested`) that the window turns into undo steps
and workers.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .browsermodel import ID_ROLE, PAGE_ROLE, ArticleListModel, PageTreeModel
from .library import LibraryProblem
from .selectionactions import SelectionActions

TEXT_FILTERS = ("paper", "section", "date_from", "date_to", "tag", "person")


class BrowserPanel(SelectionActions, QWidget):
    articleActivated = Signal(str, str)  # page id, article id ("" for the page itself)
    tagRequested = Signal(list, bool)  # article ids, add (True) or remove (False)
    exportRequested = Signal(list)  # article ids
    searchRequested = Signal()
    problemOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryBrowser")
        self.pages = PageTreeModel(self)
        self.articles = ArticleListModel(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_filters())
        split = QSplitter(Qt.Orientation.Vertical)
        self.page_view = QTreeView()
        self.page_view.setObjectName("libraryPages")
        self.page_view.setModel(self.pages)
        self.page_view.setUniformRowHeights(True)
        self.page_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.page_view.header().setStretchLastSection(False)
        self.page_view.selectionModel().currentChanged.connect(self._page_chosen)
        self.page_view.activated.connect(self._page_activated)
        self.article_view = QTableView()
        self.article_view.setObjectName("libraryArticles")
        self.article_view.setModel(self.articles)
        self.article_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.article_view.verticalHeader().hide()
        self.article_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.article_view.activated.connect(self._article_activated)
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._menu)
        split.addWidget(self.page_view)
        split.addWidget(self.article_view)
        split.setSizes([240, 300])
        layout.addWidget(split, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        layout.addLayout(self._selection_buttons())
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.searchRequested)

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.filter_edits: dict[str, QLineEdit] = {}
        labels = {
            "paper": self.tr("Paper"),
            "section": self.tr("Section"),
            "date_from": self.tr("From"),
            "date_to": self.tr("To"),
            "tag": self.tr("Tag"),
            "person": self.tr("Person"),
        }
        for i, name in enumerate(TEXT_FILTERS):
            edit = QLineEdit()
            edit.setObjectName(f"filter_{name}")
            edit.setClearButtonEnabled(True)
            if name.startswith("date"):
                edit.setPlaceholderText("YYYY-MM-DD")
            edit.textChanged.connect(lambda _t: self._refresh_timer.start())
            self.filter_edits[name] = edit
            grid.addWidget(QLabel(labels[name]), i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        self.untagged_box = QCheckBox(self.tr("Untagged only"))
        self.edited_box = QCheckBox(self.tr("Edited since import"))
        for box in (self.untagged_box, self.edited_box):
            box.toggled.connect(lambda _c: self.apply_filters())
        grid.addWidget(self.untagged_box, 3, 0, 1, 2)
        grid.addWidget(self.edited_box, 3, 2, 1, 2)
        return grid

    def set_vocabulary(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edits["tag"].setCompleter(completer)

    # -- filters --------------------------------------------------------------------------
    def filters(self) -> dict:
        """The filters as keyword arguments of the library's list_articles/count_articles."""
        out = {k: e.text().strip() for k, e in self.filter_edits.items() if e.text().strip()}
        if self.untagged_box.isChecked():
            out["untagged"] = True
        if self.edited_box.isChecked():
            out["edited"] = True
        return out

    def set_filters(self, **values) -> None:
        """Set filters as a user would (tests, and the window restoring a view); applies them."""
        for name, edit in self.filter_edits.items():
            edit.blockSignals(True)
            edit.setText(str(values.get(name) or ""))
            edit.blockSignals(False)
        for box, name in ((self.untagged_box, "untagged"), (self.edited_box, "edited")):
            box.blockSignals(True)
            box.setChecked(bool(values.get(name)))
            box.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        self._refresh_timer.stop()
        try:
            self.pages.set_filters(self.filters())
            if self.pages.canFetchMore():
                self.pages.fetchMore()
            self._show_articles(self.filters())
        except LibraryProblem as exc:
            self.problemOccurred.emit(str(exc))

    def refresh(self) -> None:
        """Read the library again after a tag change, keeping the page choice (unless the
        pages themselves are filtered by tag, when they are read again too)."""
        if self.filters().get("tag"):
            self.apply_filters()
            return
        try:
            self.articles.refresh()
        except LibraryProblem as exc:
            self.problemOccurred.emit(str(exc))
        self._update_count()

    def _show_articles(self, filters: dict) -> None:
        self.articles.set_filters(filters)
        if self.articles.canFetchMore():
            self.articles.fetchMore()
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} articles").format(n=self.articles.total()))

    def _page_chosen(self, current, _previous) -> None:
        filters = self.filters()
        page = self.pages.page_row(current)
        if page is not None:
            filters["page_id"] = page["id"]
        elif current.isValid():
            paper, date = self.pages.group_key(current.siblingAtColumn(0))
            if paper:
                filters["paper"] = paper
            if date:
                filters["date_from"] = filters["date_to"] = date
        try:
            self._show_articles(filters)
        except LibraryProblem as exc:
            self.problemOccurred.emit(str(exc))

    def select_page(self, row: int, group: int = 0) -> None:
        index = self.pages.index(row, 0, self.pages.index(group, 0))
        self.page_view.setCurrentIndex(index)

    # -- selection and requests -----------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.article_view.selectionModel().selectedRows())
        return [self.articles.row(r)["id"] for r in rows]

    def select_rows(self, rows: list[int]) -> None:
        sel = self.article_view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        sel.clearSelection()
        for r in rows:
            sel.select(self.articles.index(r, 0), flags.Select | flags.Rows)

    def context_menu(self) -> QMenu:
        """Open, tag and export for the selected articles (the buttons' actions)."""
        index = self.article_view.currentIndex()
        return self._selection_menu(lambda: self._article_activated(index), index.isValid())

    def _menu(self, pos) -> None:
        self.context_menu().exec(self.article_view.viewport().mapToGlobal(pos))

    def _article_activated(self, index) -> None:
        self.articleActivated.emit(
            self.articles.data(index, PAGE_ROLE), self.articles.data(index, ID_ROLE)
        )

    def _page_activated(self, index) -> None:
        page = self.pages.page_row(index)
        if page is not None:
            self.articleActivated.emit(page["id"], "")
