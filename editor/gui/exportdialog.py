"""Export from the window: File → Export… and the browser's and search's selections.

`ExportDialog` asks for the format (Word, HTML, static site, JSON, text),
the destination and, for Word and HTML, one article per page. `Exporter`
loads the chosen articles and writes them with `editor.export` in a worker,
with progress for large exports; errors arrive as messages. The window's
`ask_export` shows the dialog (tests replace it).
"""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from . import library, settings
from .progress import Progress

if TYPE_CHECKING:
    from .window_api import ExportHost

FOLDER_FORMATS = ("site", "json")
SUFFIX = {"docx": ".docx", "html": ".html", "txt": ".txt", "json": ".json"}


def format_labels() -> dict[str, str]:
    return {
        "docx": QCoreApplication.translate("ExportDialog", "Word document (.docx)"),
        "html": QCoreApplication.translate("ExportDialog", "Web page (.html)"),
        "site": QCoreApplication.translate("ExportDialog", "Static web archive (folder)"),
        "json": QCoreApplication.translate("ExportDialog", "PageDesk JSON (pagedesk.page/1)"),
        "txt": QCoreApplication.translate("ExportDialog", "Plain text (.txt)"),
    }


class ExportDialog(QDialog):
    def __init__(self, what: str, parent: QWidget | None = None, name: str = "export"):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._name = name
        form = QFormLayout(self)
        form.addRow(QLabel(what))
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for fmt, label in format_labels().items():
            self.format.addItem(label, fmt)
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format"), self.format)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save to"), row)
        self.one_per_page = QCheckBox(self.tr("Each article on a page of its own"))
        self.one_per_page.setObjectName("onePerPage")
        form.addRow(self.one_per_page)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._format_changed()

    def fmt(self) -> str:
        return self.format.currentData()

    def _default_path(self) -> str:
        folder = settings.last_open_dir() or os.path.expanduser("~")
        return os.path.join(folder, self._name + SUFFIX.get(self.fmt(), ""))

    def _format_changed(self, _i: int = 0) -> None:
        self.one_per_page.setEnabled(self.fmt() in ("docx", "html"))
        path = self.path.text()
        if not path or os.path.splitext(path)[1].lower() in (*SUFFIX.values(), ""):
            stem = os.path.splitext(path)[0] if path else ""
            self.path.setText(stem + SUFFIX.get(self.fmt(), "") if stem else self._default_path())

    def _browse(self) -> None:
        if self.fmt() in FOLDER_FORMATS:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        else:
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if path:
            self.path.setText(path)

    def choice(self) -> tuple[str, str, bool]:
        return self.fmt(), self.path.text().strip(), self.one_per_page.isChecked()


EXPORT_DIALOG_FROM = 21  # articles: a shorter export is done before a dialog would show


class Exporter(QObject):
    """Runs exports in workers for the window; `finished(files)` when one is written."""

    finished = Signal(list)

    def __init__(self, window: ExportHost):
        super().__init__(window)
        self.w = window
        self.progress = Progress(window, dialog_from=EXPORT_DIALOG_FROM)

    @property
    def busy(self) -> int:
        return self.progress.busy

    def tr(self, text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("Exporter", text)

    def export_current_page(self) -> None:
        doc = self.w.doc
        if doc is None:
            self.w.show_error(self.tr("Export"), self.tr("Open a page first."))
            return
        page = copy.deepcopy(doc.page)
        arts = [a.id for a in self.w.selected_articles()]
        if len(arts) > 1:  # several articles chosen in the tree: those; else the whole page
            items = [(page, page.find_article(a)) for a in arts]
            what = self.tr("{n} selected articles of {page}").format(n=len(arts), page=doc.title())
        else:
            items, what = [page], self.tr("The page {page}").format(page=doc.title())
        self._ask_and_run(what, lambda report: items, doc.title())

    def export_articles(self, ids: list[str]) -> None:
        what = self.tr("{n} articles from the library").format(n=len(ids))
        self._ask_and_run(what, lambda report: library.load_articles(ids), "articles")

    def _ask_and_run(self, what: str, items_fn, name: str) -> None:
        choice = self.w.ask_export(what, name)
        if not choice:
            return
        fmt, path, one_per_page = choice
        if not path:
            self.w.show_error(self.tr("Export"), self.tr("Choose where to save the export."))
            return
        replace = False
        if fmt == "site":
            from editor.export.site import foreign_files

            others = foreign_files(path)
            if others:
                shown = "\n".join(others[:8]) + ("\n…" if len(others) > 8 else "")
                if not self.w.ask_yes_no(
                    self.tr("Export"),
                    self.tr("The folder {folder} already holds other files:\n{files}\n\n"
                            "The web archive replaces its index.html, style.css and articles "
                            "folder. Write it there anyway?").format(folder=path, files=shown),
                ):
                    return
                replace = True

        def work(report):
            from editor.export import export_articles

            items = items_fn(report)
            return export_articles(
                items,
                fmt,
                path,
                lambda done, total: report(done, total, ""),
                one_per_page=one_per_page,
                replace=replace,
            )

        self.progress.run(
            self.tr("Exporting…"),
            work,
            self._done,
            error_title=self.tr("Export failed"),
            on_progress=lambda done, total, _label: self.progress.step(done, total),
            owner=self,
        )

    def _done(self, files: list) -> None:
        self.w.statusBar().showMessage(
            self.tr("Exported {n} file(s): {first}").format(
                n=len(files), first=files[0] if files else ""
            ),
            8000,
        )
        self.finished.emit(list(files))
