"""An open page in the window: the Page, its undo stack and where it came from.

Views never change the page themselves: they ask the document to `apply` a
core operation, which becomes one undoable command. `changed` tells every
view to refresh (with the id of something to select, when an operation
created it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.core.model import Page

from .commands import PageCommand, command_text


class PageDocument(QObject):
    changed = Signal(object)  # id to select (str) or None
    modifiedChanged = Signal(bool)

    def __init__(
        self,
        page: Page,
        parent: QObject | None = None,
        *,
        path: str | None = None,
        library_id: int | str | None = None,
    ):
        super().__init__(parent)
        self.page = page
        self.path = path
        self.library_id = library_id  # the page's id in the library once saved
        self.revision: int | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # -- editing --------------------------------------------------------------------------
    def apply(self, key: str, op: Callable[..., Any], *args: Any, **names: str) -> Any:
        """Run `op(page, *args)` as one undoable command; OpError propagates, nothing changes."""
        command, result = PageCommand.run(
            self.page, command_text(key, **names), self._notify, op, *args
        )
        self.undo_stack.push(command)
        return result

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def _notify(self, focus: str | None) -> None:
        self.changed.emit(focus)

    # -- state ----------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, library_id: int | str | None, revision: int | None) -> None:
        if library_id is not None:
            self.library_id = library_id
        self.revision = revision
        self.undo_stack.setClean()

    def title(self) -> str:
        p = self.page
        if p.source.file:
            return p.source.file
        parts = [x for x in (p.meta.paper, p.meta.date, p.meta.section, p.meta.number) if x]
        return " ".join(parts) or QCoreApplication.translate("Document", "Untitled page")


def op_error_message(code: str) -> str:
    """A sentence for an OpError code, in the interface language."""
    messages = {
        "split-at-start": QCoreApplication.translate("Errors", "Select a block after the article's first block to split there."),
        "not-in-article": QCoreApplication.translate("Errors", "The selected block is not in that article."),
        "no-neighbour": QCoreApplication.translate("Errors", "There is no article on that side to merge with."),
        "no-lines": QCoreApplication.translate("Errors", "Select one or more text lines in the raw page first."),
        "split-at-edge": QCoreApplication.translate("Errors", "Put the cursor inside the block's text to split it there."),
        "no-next-block": QCoreApplication.translate("Errors", "There is no next block to join with."),
        "no-byline": QCoreApplication.translate("Errors", "The article has no byline to read."),
        "no-byline-parser": QCoreApplication.translate("Errors", "Byline reading is not available in this build."),
        "no-article": QCoreApplication.translate("Errors", "Select an article first."),
        "no-block": QCoreApplication.translate("Errors", "Select a block first."),
    }
    return messages.get(code, QCoreApplication.translate("Errors", "This correction is not possible here ({code}).").format(code=code))
