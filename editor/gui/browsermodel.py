"""Lazy item models over the library for the browser: pages by paper and date, and articles.

Neither model holds the library in memory. `PageTreeModel` reads pages in
chunks (`list_pages` with limit/offset) as the view scrolls (Qt's
`canFetchMore`/`fetchMore`) and groups them under "paper · date" rows;
pages come ordered by date and paper, so a chunk only extends the last
group or adds new ones. `ArticleListModel` knows its total from
`count_articles` and reads rows in chunks as they are needed. Both take
their filters as the keyword arguments of the library's queries, so what
they show is exactly what those queries return.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, Qt

from . import library

CHUNK = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2
NO_INDEX = QModelIndex()
NO_GROUP = 0xFFFFFFFF  # internal id of a group row (its pages carry their group's row)


def page_place(row: dict) -> str:
    """'section · number' of a page row (either may be missing)."""
    parts = [str(row[k]) for k in ("section", "number") if row.get(k)]
    return " · ".join(parts)


class PageTreeModel(QAbstractItemModel):
    """Groups (paper, date) → pages; columns: the label and the page's article count."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filters: dict = {}
        self._groups: list[tuple[tuple, list[dict]]] = []
        self._loaded = 0
        self._more = True
        self._fetching = False

    def tr(self, text: str) -> str:  # type: ignore[override]
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("PageTreeModel", text)

    def set_filters(self, filters: dict) -> None:
        self.beginResetModel()
        self._filters = dict(filters)
        self._groups, self._loaded, self._more = [], 0, True
        self.endResetModel()

    def loaded_pages(self) -> int:
        return self._loaded

    # -- lazy loading ---------------------------------------------------------------------
    def canFetchMore(self, parent=NO_INDEX) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent=NO_INDEX) -> None:
        if parent.isValid() or not self.canFetchMore():
            return
        self._fetching = True  # a view may ask for more while it hears about these rows
        try:
            self._fetch()
        finally:
            self._fetching = False

    def _fetch(self) -> None:
        rows = library.browse_pages(self._filters, CHUNK, self._loaded)
        self._loaded += len(rows)
        self._more = len(rows) == CHUNK
        key = lambda r: (r.get("paper") or "", r.get("date") or "")  # noqa: E731
        i = 0
        if self._groups:  # rows continuing the last group
            last_key, pages = self._groups[-1]
            while i < len(rows) and key(rows[i]) == last_key:
                i += 1
            if i:
                group = self.index(len(self._groups) - 1, 0)
                self.beginInsertRows(group, len(pages), len(pages) + i - 1)
                pages.extend(rows[:i])
                self.endInsertRows()
        new: list[tuple[tuple, list[dict]]] = []
        for r in rows[i:]:
            if new and new[-1][0] == key(r):
                new[-1][1].append(r)
            else:
                new.append((key(r), [r]))
        if new:
            first = len(self._groups)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._groups.extend(new)
            self.endInsertRows()

    # -- structure ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent=NO_INDEX) -> QModelIndex:
        if column < 0 or column > 1 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, NO_GROUP)
                if row < len(self._groups)
                else QModelIndex()
            )
        if parent.internalId() != NO_GROUP or parent.column() != 0:
            return QModelIndex()
        pages = self._groups[parent.row()][1]
        return self.createIndex(row, column, parent.row()) if row < len(pages) else QModelIndex()

    def parent(self, index=NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == NO_GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, NO_GROUP)

    def rowCount(self, parent=NO_INDEX) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == NO_GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent=NO_INDEX) -> int:
        return 2

    def hasChildren(self, parent=NO_INDEX) -> bool:
        return self.rowCount(parent) > 0

    def group_key(self, index: QModelIndex) -> tuple[str, str] | None:
        """(paper, date) of a group row, or None for a page row."""
        if not index.isValid() or index.internalId() != NO_GROUP:
            return None
        return self._groups[index.row()][0]

    def page_row(self, index: QModelIndex) -> dict | None:
        if not index.isValid() or index.internalId() == NO_GROUP:
            return None
        return self._groups[index.internalId()][1][index.row()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = self.page_row(index)
        if page is None:
            (paper, date), pages = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return " · ".join(x for x in (paper, date) if x) or self.tr("(no paper/date)")
                return str(sum(p.get("article_count") or 0 for p in pages))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return page_place(page) or page.get("file") or page["id"]
            return str(page.get("article_count") or 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return library.page_label(page)
        if role == PAGE_ROLE:
            return page["id"]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Page"), self.tr("Articles")][section] if 0 <= section < 2 else None
        return None


class ArticleListModel(QAbstractTableModel):
    """Articles matching the filters, read in chunks; columns as in COLUMNS."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filters: dict = {}
        self._rows: list[dict] = []
        self._total = 0
        self._fetching = False

    def tr(self, text: str) -> str:  # type: ignore[override]
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ArticleListModel", text)

    def set_filters(self, filters: dict) -> None:
        self.beginResetModel()
        self._filters = {k: v for k, v in filters.items() if v}
        self._rows = []
        self._total = library.count_articles(self._filters)
        self.endResetModel()

    def refresh(self) -> None:
        """Read again (tags changed); keeps as many rows loaded as before."""
        loaded = len(self._rows)
        self.set_filters(self._filters)
        while len(self._rows) < loaded and self.canFetchMore():
            self.fetchMore()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=NO_INDEX) -> bool:
        return not parent.isValid() and len(self._rows) < self._total and not self._fetching

    def fetchMore(self, parent=NO_INDEX) -> None:
        if parent.isValid() or not self.canFetchMore():
            return
        self._fetching = True
        try:
            rows = library.browse_articles(self._filters, CHUNK, len(self._rows))
            rows = rows[: self._total - len(self._rows)]
            if not rows:
                self._total = len(self._rows)  # the library changed under us
                return
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        finally:
            self._fetching = False

    def rowCount(self, parent=NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_INDEX) -> int:
        return 0 if parent.isValid() else 5

    def row(self, i: int) -> dict:
        return self._rows[i]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                return r.get("headline") or r.get("kicker") or self.tr("(no headline)")
            if col == 1:
                return r.get("date") or ""
            if col == 2:
                return page_place(r)
            if col == 3:
                return "、".join(_names(r.get("people")))
            return "、".join(_names(r.get("tags")))
        if role == ID_ROLE:
            return r["id"]
        if role == PAGE_ROLE:
            return r["page_id"]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [
                self.tr("Headline"),
                self.tr("Date"),
                self.tr("Page"),
                self.tr("People"),
                self.tr("Tags"),
            ]
            return names[section] if 0 <= section < len(names) else None
        return None


def _names(value) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return [str(x) for x in value or [] if x]
