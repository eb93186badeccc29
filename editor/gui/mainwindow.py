"""The main window: raw page on the left (and the page picture, for PDF pages), article tree
and inspector on the right.

The window holds the open pages (`PageDocument`s), keeps the views in step
with the current one and links their selections: selecting an article or
block highlights its raw lines; clicking a raw line selects its block. The
menus and corrections live in `actions.py`, files, saving and recovery in
`files.py`. Questions to the user go through a few small methods
(`show_error`, `ask_unsaved`, `choose_article`, …) that tests replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTreeView,
    QUndoView,
    QWidget,
)

if TYPE_CHECKING:
    from editor.core.model import Article, Block, Page

    from .commands import PageDocument

from . import settings
from .actions import Actions
from .archive import Archive
from .files import Files
from .inspector import Inspector
from .picture import PicturePane
from .rawview import RawView
from .review import ReviewPanel
from .treemodel import ID_ROLE, ArticleTreeModel

FIRST_PAINT_WAIT_MS = 1000


class MainWindow(QMainWindow):
    currentDocumentChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.docs: list[PageDocument] = []
        self.doc: PageDocument | None = None
        self._collapsed: set[str] = set()
        self._linking = False
        self._after_paint: list | None = []  # None once the window has been painted
        self.undo_group = QUndoGroup(self)
        self._build_views()
        self._build_docks()
        self.archive = Archive(self)
        self.undo_group.setActiveStack(self.archive.stack)  # the history while no page is open
        self.archive.build_panels()
        self.files = Files(self)
        self.actions = Actions(self)
        self.setAcceptDrops(True)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width()), min(820, screen.height()))
        self._restore_layout()
        self._update_title()

    # -- building -------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.raw_view = RawView()
        self.raw_view.setPlaceholderText(
            self.tr(
                "Open a page: File → Open (Ctrl+O), paste one (Ctrl+Shift+V), open one from "
                "the library (Ctrl+Shift+O), or drop page files here."
            )
        )
        self.model = ArticleTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("articleTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # size the lines column from the first rows, not all of a 400-article page's
        header.setResizeContentsPrecision(200)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(ID_ROLE) or ""))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(ID_ROLE) or ""))
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.model.modelReset.connect(self._reconnect_selection)
        self.raw_view.lineClicked.connect(self._raw_line_clicked)
        self.raw_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.inspector = Inspector()
        self.right_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.tree)
        self.right_splitter.addWidget(self.inspector)
        self.right_splitter.setSizes([400, 380])
        # The page as printed, for pages read from a PDF (hidden for text pages).
        self.picture = PicturePane()
        self.picture.lineClicked.connect(self._raw_line_clicked)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.raw_view)
        self.splitter.addWidget(self.picture)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setSizes([420, 420, 780])
        self.setCentralWidget(self.splitter)

    def add_dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.review = ReviewPanel()
        self.review.targetActivated.connect(self.select_id)
        self.review_dock = self.add_dock(
            "reviewDock", self.tr("Review"), self.review, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.undo_view = QUndoView(self.undo_group)
        self.undo_view.setEmptyLabel(self.tr("<opened>"))
        self.history_dock = self.add_dock(
            "historyDock",
            self.tr("History"),
            self.undo_view,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.currentRowChanged.connect(
            lambda row: 0 <= row < len(self.docs) and self.set_current(self.docs[row])
        )
        self.pages_dock = self.add_dock(
            "pagesDock",
            self.tr("Open pages"),
            self.page_list,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.resizeDocks([self.review_dock], [170], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.review_dock, self.history_dock, self.pages_dock],
            [640, 320, 320],
            Qt.Orientation.Horizontal,
        )

    # -- start-up -------------------------------------------------------------------------
    def after_first_paint(self, fn) -> None:
        """Run `fn` in the event loop turn after the window is first painted (at once if it
        was): slow start-up work waits until the user sees the window. A window that is
        never painted (hidden, minimised) gets it after FIRST_PAINT_WAIT_MS anyway."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, fn)
            return
        if not self._after_paint:
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._painted)
        self._after_paint.append(fn)

    def _painted(self) -> None:
        if self._after_paint is None:
            return
        waiting, self._after_paint = self._after_paint, None
        for fn in waiting:
            QTimer.singleShot(0, self, fn)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            self._painted()

    # -- documents ------------------------------------------------------------------------
    def add_document(self, doc: PageDocument) -> None:
        doc.setParent(self)
        self.docs.append(doc)
        self.undo_group.addStack(doc.undo_stack)
        doc.changed.connect(lambda focus, d=doc: d is self.doc and self.page_changed(focus))
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        self.page_list.addItem(doc.title())
        self.set_current(doc)

    def remove_document(self, doc: PageDocument) -> None:
        i = self.docs.index(doc)
        carried = self.archive.carry_steps(doc.undo_stack)  # library steps outlive the page
        self.docs.remove(doc)
        self.undo_group.removeStack(doc.undo_stack)
        self.page_list.blockSignals(True)
        self.page_list.takeItem(i)
        self.page_list.blockSignals(False)
        doc.deleteLater()
        self.set_current(self.docs[min(i, len(self.docs) - 1)] if self.docs else None)
        self.archive.keep_steps(carried)

    def set_current(self, doc: PageDocument | None) -> None:
        if doc is self.doc and doc is not None:
            return
        self.doc = doc
        self.undo_group.setActiveStack(doc.undo_stack if doc else self.archive.stack)
        page = doc.page if doc else None
        self._collapsed.clear()
        self.raw_view.set_page(page)
        self.picture.set_page(page)
        self.model.set_page(page)
        self.review.set_page(page)
        self._expand()
        if doc is not None:
            self.page_list.blockSignals(True)
            self.page_list.setCurrentRow(self.docs.index(doc))
            self.page_list.blockSignals(False)
            if page.articles:
                self.select_id(page.articles[0].id)
        self._show_selection()
        self._update_title()
        self.currentDocumentChanged.emit(doc)

    def page(self) -> Page | None:
        return self.doc.page if self.doc else None

    def page_changed(self, focus: str | None) -> None:
        """Refresh every view after a correction, keeping (or moving) the selection."""
        keep = [self.model.data(i, ID_ROLE) for i in self.tree.selectionModel().selectedRows()]
        current = self.current_id()
        self.model.refresh()
        self.raw_view.refresh()
        self.picture.refresh()
        self.review.refresh()
        self._expand()
        ids = [focus] if focus else [x for x in keep if x]
        target = focus or current
        if target and not self.model.index_for_id(target).isValid():
            target = None
        if target is None and self.page() and self.page().articles:
            target = self.page().articles[0].id
        if target:
            self.select_ids([target] + [x for x in ids if x != target], current=target)
        self._show_selection()
        self._update_title()

    def _expand(self) -> None:
        self.tree.expandAll()
        for obj_id in self._collapsed:
            index = self.model.index_for_id(obj_id)
            if index.isValid():
                self.tree.collapse(index)

    # -- selection ------------------------------------------------------------------------
    def _reconnect_selection(self) -> None:
        self._show_selection()

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.data(index.siblingAtColumn(0), ID_ROLE) if index.isValid() else None

    def select_id(self, obj_id: str) -> None:
        self.select_ids([obj_id], current=obj_id)

    def select_ids(self, ids: list[str], current: str | None = None) -> None:
        sel = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        sel.clearSelection()
        for obj_id in ids:
            index = self.model.index_for_id(obj_id)
            if index.isValid():
                sel.select(index, flags.Select | flags.Rows)
        index = self.model.index_for_id(current or (ids[0] if ids else ""))
        if index.isValid():
            sel.setCurrentIndex(index, flags.Select | flags.Rows)
            self.tree.scrollTo(index)
        self._show_selection()

    def selected_nodes(self) -> list:
        rows = self.tree.selectionModel().selectedRows()
        return [self.model.node(i) for i in sorted(rows, key=lambda i: self._row_path(i))]

    def _row_path(self, index: QModelIndex) -> list[int]:
        path = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return path

    def selected_articles(self) -> list[Article]:
        """Articles whose rows (or whose blocks' rows) are selected in the tree, in page order."""
        page = self.page()
        if page is None:
            return []
        chosen = set()
        for node in self.selected_nodes():
            if node.kind == "block" and node.parent.kind == "article":
                node = node.parent
            if node.kind == "article":
                chosen.add(node.obj.id)
        return [a for a in page.articles if a.id in chosen]

    def current_article(self) -> Article | None:
        return self.model.article_of(self.tree.currentIndex())

    def current_block(self) -> Block | None:
        node = self.model.node(self.tree.currentIndex())
        return node.obj if self.tree.currentIndex().isValid() and node.kind == "block" else None

    def selected_blocks(self) -> list[Block]:
        blocks = [n.obj for n in self.selected_nodes() if n.kind == "block"]
        current = self.current_block()
        if current is not None and current not in blocks:
            blocks.append(current)
        return blocks

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selection()
        if not self._linking and current.isValid():
            lines = self.model.data(current.siblingAtColumn(0), Qt.ItemDataRole.UserRole + 3)
            self.raw_view.highlight_lines(lines or [])
            self.picture.highlight_lines(lines or [])

    def _show_selection(self) -> None:
        index = self.tree.currentIndex()
        self.inspector.show_selection(self.page(), self.current_article(), self.current_block())
        if index.isValid():
            lines = self.model.data(index.siblingAtColumn(0), Qt.ItemDataRole.UserRole + 3) or []
            self.raw_view.highlight_lines(lines, scroll=False)
            self.picture.highlight_lines(lines, scroll=False)
        self.actions.update_enabled()

    def select_line_owner(self, line: int) -> None:
        """Select the block owning a raw line (as a click on that line does)."""
        self._raw_line_clicked(line)

    def _raw_line_clicked(self, line: int) -> None:
        page = self.page()
        owner = page.owner_map().get(line) if page else None
        if owner is None:
            return
        self._linking = True
        try:
            self.select_id(owner[1].id)
        finally:
            self._linking = False

    # -- window state ---------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.doc.title() if self.doc else self.tr("No page")
        # Ending with the display name: Qt appends it to any title that does not
        # (QPlatformWindow::formatWindowTitle), which showed the name twice.
        app = QGuiApplication.applicationDisplayName() or "PageDesk"
        self.setWindowTitle(self.tr("{page}[*] — {app}").format(page=name, app=app))
        self.setWindowModified(bool(self.doc and self.doc.modified))
        for i, doc in enumerate(self.docs):
            item = self.page_list.item(i)
            if item is not None:
                item.setText(("● " if doc.modified else "") + doc.title())

    def _restore_layout(self) -> None:
        for name, restore in (
            ("geometry", self.restoreGeometry),
            ("state", self.restoreState),
            ("main_splitter", self.splitter.restoreState),
            ("right_splitter", self.right_splitter.restoreState),
        ):
            data = settings.load_layout(name)
            if data is not None:
                restore(data)

    def save_layout(self) -> None:
        settings.save_layout("geometry", self.saveGeometry())
        settings.save_layout("state", self.saveState())
        # "main_splitter": three panes since the page picture ("splitter" held two)
        settings.save_layout("main_splitter", self.splitter.saveState())
        settings.save_layout("right_splitter", self.right_splitter.saveState())

    def closeEvent(self, event) -> None:
        if not self.files.close_all():
            event.ignore()
            return
        self.save_layout()
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_paths(paths)

    # -- questions (tests replace these; the dialogs are imported when first used) -------
    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, message)

    def show_info(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, title, message)

    def ask_yes_no(self, title: str, message: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, message)
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_meta(self) -> dict | None:
        """Paper, date and section for the pages of an import (None: cancelled)."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Import into the library"))
        form = QFormLayout(dialog)
        form.addRow(QLabel(self.tr(
            "What is the same for every page of this import? Leave a field blank to guess "
            "it from each file's name and page header.")))
        edits = {}
        for name, label in (("paper", self.tr("Paper")), ("date", self.tr("Date")),
                            ("section", self.tr("Section"))):
            edits[name] = QLineEdit()
            edits[name].setObjectName(f"import_{name}")
            form.addRow(label, edits[name])
        edits["date"].setPlaceholderText("YYYY-MM-DD")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {name: edit.text().strip() or None for name, edit in edits.items()}

    def ask_unsaved(self, names: list[str]) -> str:
        """'save', 'discard' or 'cancel' for closing with unsaved pages."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "These pages have changes that are not in the library:\n{pages}\n\nSave them?"
            ).format(pages="\n".join(names)),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def choose_item(self, title: str, label: str, items: list[str]) -> int | None:
        """Index of the item the user picks, or None."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return items.index(text) if ok and text in items else None

    def ask_tag(self, title: str, label: str, vocabulary: list[str]) -> str | None:
        """A tag typed or picked from the vocabulary (with completion), or None."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(self, title, label, vocabulary, -1, True)
        return text.strip() if ok and text.strip() else None

    def ask_export(self, what: str, name: str) -> tuple[str, str, bool] | None:
        """(format, path, one article per page) from the export dialog, or None."""
        from .exportdialog import ExportDialog

        dialog = ExportDialog(what, self, name)
        return dialog.choice() if dialog.exec() else None

    def choose_article(self, title: str, exclude: Article | None = None) -> Article | None:
        page = self.page()
        choices = [a for a in page.articles if a is not exclude] if page else []
        if not choices:
            return None
        labels = [
            f"{i + 1}. {a.label(30) or self.tr('(no headline)')}" for i, a in enumerate(choices)
        ]
        index = self.choose_item(title, self.tr("Article:"), labels)
        return choices[index] if index is not None else None
