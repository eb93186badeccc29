"""The article tree: one QAbstractItemModel over the core objects.

Rows: the page, then under it the articles (by headline or first words) and
two groups, page furniture and unassigned lines; under each article or group
its blocks in order. Nodes are thin wrappers holding a reference to the core
object and are rebuilt on every change (a model reset): corrections are rare
events next to painting, and a reset can never leave a stale index behind.
Dragging blocks onto an article or a block asks the window to move them
(`blocksDropRequested`); onto the furniture or unassigned group, to change
their role (`blocksRoleDropRequested`); dragging an article between others
asks to reorder (`articleDropRequested`). The model itself never changes the
page.

Each article carries its stable number and colour (`theme.article_numbers`): a badge
with the number beside its name, its tint behind it. The Lines column gives the runs of
lines an article or block owns (`6–220, 378–381`); blank lines between two owned lines
do not break a run.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

if TYPE_CHECKING:
    from editor.core.model import Article, Block, Page

from . import theme

MIME = "application/x-pagedesk-blocks"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
LINES_ROLE = Qt.ItemDataRole.UserRole + 3
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 4  # an article's stable number
MAX_RUNS = 4  # runs shown in the Lines column before "…"

Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()  # the invisible root, as a default argument


def line_runs(lines: Iterable[int], blank: Collection[int] = ()) -> list[tuple[int, int]]:
    """Runs (first, last) of consecutive lines; blank lines between two lines join a run."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(lines)):
        if runs and all(k in blank for k in range(runs[-1][1] + 1, n)):
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def runs_text(runs: list[tuple[int, int]], limit: int = MAX_RUNS) -> str:
    """`25–40, 82–96`; a one-line run as its number; past `limit` runs, `…`."""
    parts = [str(lo) if lo == hi else f"{lo}–{hi}" for lo, hi in runs[:limit]]
    if len(runs) > limit:
        parts.append("…")
    return ", ".join(parts)


class Node:
    __slots__ = ("kind", "obj", "parent", "children", "row", "tint", "number")

    def __init__(self, kind: str, obj: Any, parent: Node | None, row: int):
        self.kind = kind  # "page", "article", "furniture", "unassigned", "block"
        self.obj = obj
        self.parent = parent
        self.children: list[Node] = []
        self.row = row
        self.tint = None
        self.number = 0  # an article's stable number

    def add(self, kind: str, obj: Any) -> Node:
        child = Node(kind, obj, self, len(self.children))
        self.children.append(child)
        return child


class ArticleTreeModel(QAbstractItemModel):
    blocksDropRequested = Signal(list, str, int)  # block ids, target article id, index (-1: end)
    blocksRoleDropRequested = Signal(list, str)  # block ids, role (dropped on a group)
    articleDropRequested = Signal(str, int)  # article id, row among the articles to put it at

    def __init__(self, parent=None):
        super().__init__(parent)
        self._page: Page | None = None
        self._root = Node("root", None, None, 0)
        self._by_id: dict[str, Node] = {}
        self._blank: set[int] = set()
        self._badges: dict[int, QIcon] = {}

    # -- contents -------------------------------------------------------------------------
    def set_page(self, page: Page | None) -> None:
        self._page = page
        self.refresh()

    def page(self) -> Page | None:
        return self._page

    def refresh(self) -> None:
        """Rebuild the tree from the page (after any change)."""
        self.beginResetModel()
        self._root = Node("root", None, None, 0)
        self._by_id = {}
        self._blank = self._page.blank_lines() if self._page is not None else set()
        if self._page is not None:
            page_node = self._root.add("page", self._page)
            self._by_id[self._page.id] = page_node
            numbers = theme.article_numbers(self._page)
            for art in self._page.articles:
                node = page_node.add("article", art)
                node.number = numbers[art.id]
                node.tint = theme.article_colour(node.number)
                self._by_id[art.id] = node
                for b in art.blocks:
                    self._by_id[b.id] = node.add("block", b)
            for kind, blocks in (
                ("furniture", self._page.furniture),
                ("unassigned", self._page.unassigned),
            ):
                group = page_node.add(kind, blocks)
                for b in blocks:
                    self._by_id[b.id] = group.add("block", b)
        self.endResetModel()

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index_for_id(self, obj_id: str, column: int = 0) -> QModelIndex:
        node = self._by_id.get(obj_id)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def article_of(self, index: Index) -> Article | None:
        node = self.node(index)
        if node.kind == "article":
            return node.obj
        if node.kind == "block" and node.parent.kind == "article":
            return node.parent.obj
        return None

    # -- structure ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = NO_INDEX) -> QModelIndex:
        node = self.node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 2

    # -- data -----------------------------------------------------------------------------
    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Article / block") if section == 0 else self.tr("Lines")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node) if index.column() == 0 else self._lines_text(node)
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "block":
            return node.obj.display_text
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "article":
            if index.column() == 1:  # every run, where the column shows only the first few
                return runs_text(self._runs(node), limit=10**6)
            return self.tr("Article {n}").format(n=node.number)
        if role == NUMBER_ROLE and node.kind == "article":
            return node.number
        if (
            role == Qt.ItemDataRole.DecorationRole
            and node.kind == "article"
            and index.column() == 0
        ):
            return self._badge(node.number)
        if role == ID_ROLE:
            return getattr(node.obj, "id", None)
        if role == KIND_ROLE:
            return node.kind
        if role == LINES_ROLE:
            return self._lines(node)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and node.kind == "article"
            and index.column() == 0
        ):
            return QBrush(node.tint)
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == "block" and index.column() == 0:
            return QBrush(theme.role_colour(node.obj.role))
        if role == Qt.ItemDataRole.FontRole and node.kind in ("article", "page"):
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.FontRole
            and node.kind == "block"
            and node.obj.edited is not None
        ):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, node: Node) -> str:
        if node.kind == "page":
            p: Page = node.obj
            meta = " ".join(
                x for x in (p.meta.paper, p.meta.date, p.meta.section, p.meta.number) if x
            )
            return meta or p.source.file or self.tr("Page")
        if node.kind == "article":
            return node.obj.label() or self.tr("(no headline)")
        if node.kind == "furniture":
            return self.tr("Page furniture ({n})").format(n=len(node.children))
        if node.kind == "unassigned":
            return self.tr("Unassigned lines ({n})").format(n=len(node.children))
        block: Block = node.obj
        text = block.display_text
        short = text[:30] + ("…" if len(text) > 30 else "")
        mark = "✎ " if block.edited is not None else ""
        return f"[{theme.role_label(block.role)}] {mark}{short}"

    def _lines(self, node: Node) -> list[int]:
        if node.kind == "block":
            return list(node.obj.lines)
        if node.kind == "article":
            return node.obj.lines
        return sorted(n for child in node.children for n in self._lines(child))

    def _runs(self, node: Node) -> list[tuple[int, int]]:
        return line_runs(self._lines(node), self._blank)

    def _lines_text(self, node: Node) -> str:
        """The runs of lines an article or block owns, not a min–max range that would
        overlap its neighbours' where articles are interleaved."""
        if node.kind not in ("block", "article"):
            return ""
        return runs_text(self._runs(node))

    def _badge(self, number: int) -> QIcon:
        """The article's number, white on its strong colour."""
        icon = self._badges.get(number)
        if icon is None:
            pixmap = QPixmap(22, 16)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.article_shade(number))
            painter.drawRoundedRect(0, 0, 22, 16, 4, 4)
            font = QFont()
            font.setBold(True)
            font.setPixelSize(11)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
            painter.end()
            icon = self._badges[number] = QIcon(pixmap)
        return icon

    # -- drag and drop --------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.node(index).kind
        if kind in ("block", "article"):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if kind in ("page", "article", "block", "furniture", "unassigned"):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The dragged blocks (`block:ID` lines), or, when no block is dragged, the articles."""
        blocks, articles = [], []
        for index in indexes:
            node = self.node(index)
            if index.column() != 0:
                continue
            if node.kind == "block" and node.obj.id not in blocks:
                blocks.append(node.obj.id)
            elif node.kind == "article" and node.obj.id not in articles:
                articles.append(node.obj.id)
        items = [f"block:{x}" for x in blocks] or [f"article:{x}" for x in articles]
        data = QMimeData()
        data.setData(MIME, QByteArray("\n".join(items).encode()))
        return data

    @staticmethod
    def _dragged(data) -> tuple[str, list[str]]:
        items = [x for x in bytes(data.data(MIME).data()).decode().split("\n") if ":" in x]
        kind = items[0].split(":", 1)[0] if items else ""
        return kind, [x.split(":", 1)[1] for x in items if x.startswith(kind + ":")]

    def _drop_target(self, data, row: int, parent: Index) -> tuple[str, tuple] | None:
        """What a drop would do: ("blocks", (ids, article id, index)), ("role", (ids, role))
        or ("article", (id, row among articles)); None when it is not allowed."""
        if not data.hasFormat(MIME):
            return None
        kind, ids = self._dragged(data)
        node = self.node(parent)
        if kind == "block" and ids:
            group = node if node.kind in ("furniture", "unassigned") else node.parent
            if group is not None and group.kind in ("furniture", "unassigned"):
                return "role", (ids, "page_header" if group.kind == "furniture" else "unassigned")
            target = self.article_of(parent)
            if target is None:
                return None
            index = node.row if node.kind == "block" else row  # onto a block: before it
            return "blocks", (ids, target.id, index if index >= 0 else -1)
        if kind == "article" and len(ids) == 1 and self._page is not None:
            articles = len(self._page.articles)
            if node.kind == "page" and 0 <= row <= articles:
                return "article", (ids[0], row)
            if node.kind == "article":  # onto an article: before it
                return "article", (ids[0], node.row)
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Ask for the move; return False so the view does not also remove the dragged rows."""
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        what, args = target
        if what == "blocks":
            self.blocksDropRequested.emit(*args)
        elif what == "role":
            self.blocksRoleDropRequested.emit(*args)
        else:
            self.articleDropRequested.emit(*args)
        return False
