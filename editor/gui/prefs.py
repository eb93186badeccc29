"""The preferences dialog (interface language, the user's own jieba dictionary, the
paper profile the importer reads) and rebuilding the search index after a dictionary change.

The dictionary file (one `word [freq] [pos]` a line, UTF-8) is checked and
given to jieba with `editor.core.tokens.set_user_dict`; the path is kept in
the settings and applied again at every start. jieba cuts text differently
with new words, and the library's search tokens were cut before, so after
a change the window offers to rebuild the index (`Library.reindex`) in a
worker, with a busy indicator (reindex reports no progress of its own).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import library, settings
from .progress import Progress

if TYPE_CHECKING:
    from .window_api import PrefsHost


def apply_user_dict(path: str) -> str | None:
    """Give jieba the user's dictionary ("" for none); a message if the file is unusable."""
    from editor.core import tokens

    try:
        tokens.set_user_dict(path or None)
    except ValueError as exc:
        return QCoreApplication.translate("Prefs", "The dictionary cannot be used: {error}").format(
            error=exc
        )
    return None


def apply_saved_user_dict() -> None:
    """At start: the dictionary chosen in the preferences, if it is still there."""
    path = settings.user_dict_setting()
    if path and os.path.exists(path):
        apply_user_dict(path)


def _profile_problem(exc: Exception) -> str:
    return QCoreApplication.translate("Prefs", "The profile cannot be used: {error}").format(
        error=exc
    )


def apply_saved_profile() -> str | None:
    """At start: the paper profile chosen in the preferences; a message if it is unusable
    (the importer then reads the general conventions only)."""
    path = settings.profile_setting()
    return apply_profile_file(path) if path else None


def apply_profile_file(path: str) -> str | None:
    """Use the paper profile at `path`; a message if it is unusable."""
    from editor.core.profile import load_profile, use_profile
    from editor.core.reader import InputError

    try:
        use_profile(load_profile(path))
    except InputError as exc:
        return _profile_problem(exc)
    return None


class FileRow(QWidget):
    """A path, Choose… and Clear, with room for a problem under them; `path()` is what the
    user chose."""

    def __init__(
        self,
        path: str,
        name: str,
        placeholder: str,
        title: str,
        filters: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._title, self._filters = title, filters
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit(path)
        self.edit.setObjectName(name)
        self.edit.setPlaceholderText(placeholder)
        choose = QPushButton(QCoreApplication.translate("Prefs", "Choose…"))
        choose.clicked.connect(self._choose)
        clear = QPushButton(QCoreApplication.translate("Prefs", "Clear"))
        clear.clicked.connect(self.edit.clear)
        row.addWidget(self.edit, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName(name + "Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()
        layout.addWidget(self.problem)

    def path(self) -> str:
        return self.edit.text().strip()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _choose(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self._title, self.path(), self._filters)
        if path:
            self.edit.setText(path)


class Reindexer:
    """Rebuilds the library's search index in a worker for the window, with a busy dialog."""

    def __init__(self, window: PrefsHost):
        self.w = window
        self.progress = Progress(window)

    @property
    def busy(self) -> bool:
        return bool(self.progress.busy)

    def offer(self) -> None:
        if library.is_empty():
            return
        if self.w.ask_yes_no(
            QCoreApplication.translate("Prefs", "Rebuild the search index?"),
            QCoreApplication.translate(
                "Prefs",
                "The library's search index was cut into words with the old dictionary. "
                "Rebuild it now so that search and tag suggestions use the new words? "
                "(This may take a while for a large library.)",
            ),
        ):
            self.start()

    def start(self) -> None:
        if self.busy:
            return
        # (a busy bar until the first report gives the number of pages)
        self.progress.run(
            QCoreApplication.translate("Prefs", "Rebuilding the search index…"),
            library.reindex,
            self._done,
            dialog=True,
            error_title=QCoreApplication.translate("Prefs", "Rebuilding the search index failed"),
            on_progress=self._progress,
            owner=self.w,
        )

    def _progress(self, done: int, total: int, _label: str = "") -> None:
        """Pages re-cut so far: the dialog turns from busy to a percentage."""
        if total:
            self.progress.step(done, total)

    def _done(self, count: int) -> None:
        self.w.statusBar().showMessage(
            QCoreApplication.translate("Prefs", "Search index rebuilt: {n} articles.").format(
                n=count
            ),
            8000,
        )
        self.w.archive.rerun_search()


# -- preferences dialog -------------------------------------------------------------------


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for value, label in (
            ("auto", self.tr("Follow the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(settings.LANGUAGES.index(settings.language_setting()))
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(QLabel(self.tr("A new language takes effect when PageDesk starts again.")))
        self.user_dict = FileRow(
            settings.user_dict_setting(),
            "userDict",
            self.tr("none (only PageDesk's newsroom dictionary)"),
            self.tr("Your jieba dictionary"),
            self.tr("Dictionary (*.txt *.dict);;All files (*)"),
        )
        form.addRow(self.tr("Your jieba dictionary"), self.user_dict)
        self.profile = FileRow(
            settings.profile_setting(),
            "profile",
            self.tr("none (the general conventions of Chinese newspapers)"),
            self.tr("Paper profile"),
            self.tr("Paper profile (*.toml);;All files (*)"),
        )
        form.addRow(self.tr("Paper profile"), self.profile)
        about = QLabel(self.tr("A profile names what one paper prints its own way "
                               "(its name in datelines, credit titles, bullets); it applies "
                               "to pages opened from now on."))
        about.setWordWrap(True)
        form.addRow(about)
        self.dictionary_changed = False
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        from editor.core.profile import load_profile, use_profile
        from editor.core.reader import InputError

        profile_path = self.profile.path()
        new_profile = profile_path != settings.profile_setting()
        profile = None
        if new_profile and profile_path:
            try:
                profile = load_profile(profile_path)  # checked before anything is applied
            except InputError as exc:
                self.profile.show_problem(_profile_problem(exc))
                return
        path = self.user_dict.path()
        if path != settings.user_dict_setting():
            problem = apply_user_dict(path)
            if problem:
                self.user_dict.show_problem(problem)
                return
            settings.set_user_dict_setting(path)
            self.dictionary_changed = True
        if new_profile:
            use_profile(profile)
            settings.set_profile_setting(profile_path)
        settings.set_language_setting(self.language.currentData())
        super().accept()
