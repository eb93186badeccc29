"""Preferences: the interface language (Chinese, English, or follow the system).

The choice is stored in QSettings and takes effect at the next start, when
the translators are installed before any window exists.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from . import settings


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for value, label in (("auto", self.tr("Follow the system")),
                             ("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(settings.LANGUAGES.index(settings.language_setting()))
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(QLabel(self.tr("A new language takes effect when PageDesk starts again.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        settings.set_language_setting(self.language.currentData())
        super().accept()
