"""What the library browser and the search results share: acting on selected articles.

Both panels list articles, let the user select several, and offer the same three
requests (add a tag, remove a tag, export) as buttons and in a context menu.
A panel mixes this in and provides `selected_ids()`, the three buttons, and the
`tagRequested`/`exportRequested` signals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

# The mixin's strings have one fixed context, so they are translated once whichever panel
# shows them; the calls are written out in full so that pyside6-lupdate finds them.


class SelectionActions:
    """Tag and export requests for the selected articles, and the panel's context menu."""

    def _selection_buttons(self) -> QHBoxLayout:
        """Add tag, Remove tag and Export buttons, kept as attributes of the panel."""
        buttons = QHBoxLayout()
        for attr, text, slot in (
            ("add_tag_button", QCoreApplication.translate("SelectionActions", "Add tag…"),
             lambda: self._tag(True)),
            ("remove_tag_button", QCoreApplication.translate("SelectionActions", "Remove tag…"),
             lambda: self._tag(False)),
            ("export_button", QCoreApplication.translate("SelectionActions", "Export…"),
             self._export),
        ):
            button = QPushButton(text)
            button.setObjectName(attr)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            setattr(self, attr, button)
        return buttons

    def _tag(self, add: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.tagRequested.emit(ids, add)

    def _export(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.exportRequested.emit(ids)

    def _selection_menu(self, open_current, can_open: bool) -> QMenu:
        """Open (the current row), then the buttons' actions for the selection."""
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("SelectionActions", "Open"),
                       open_current).setEnabled(can_open)
        menu.addSeparator()
        for button in (self.add_tag_button, self.remove_tag_button, self.export_button):
            menu.addAction(button.text(), button.click).setEnabled(bool(self.selected_ids()))
        return menu
