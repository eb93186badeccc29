"""Undoable corrections and the open page they apply to.

Every edit of a page is a QUndoCommand around one core operation, pushed by
`PageDocument.apply`. Views never change the page themselves: they ask the
document, and `changed` tells every view to refresh (with the id of
something to select, when an operation created it).

A command runs its operation once and keeps exact snapshots of the page's
structure before and after. Undo restores the "before" snapshot; redo
restores the "after" one instead of re-running the operation, because
operations that create articles or blocks draw fresh random ids and later
commands on the stack refer to the ids of the first run. Snapshots are deep
copies of the model (exact, ids included; the raw text is shared, it never
changes).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from editor.core.model import Page

# Parts of a Page an operation may change. `raw`, `source` and `id` never change.
_MUTABLE = ("articles", "furniture", "unassigned", "decisions", "meta")


def snapshot(page: Page) -> dict[str, Any]:
    return {name: copy.deepcopy(getattr(page, name)) for name in _MUTABLE}


def restore(page: Page, snap: dict[str, Any]) -> None:
    """Put a snapshot back into the same Page object (views keep their reference)."""
    for name in _MUTABLE:
        setattr(page, name, copy.deepcopy(snap[name]))


class PageCommand(QUndoCommand):
    """One correction. Create it with `PageCommand.run(...)`, which applies the operation."""

    def __init__(
        self,
        page: Page,
        text: str,
        before: dict[str, Any],
        after: dict[str, Any],
        notify: Callable[[str | None], None],
        focus: str | None = None,
    ):
        super().__init__(text)
        self._page = page
        self._before = before
        self._after = after
        self._notify = notify
        self._focus = focus  # id to select after redo (a created article or block)
        self._applied = True  # the operation already ran in run()

    @classmethod
    def run(
        cls,
        page: Page,
        text: str,
        notify: Callable[[str | None], None],
        op: Callable[..., Any],
        *args: Any,
        focus: str | None = None,
    ) -> tuple[PageCommand, Any]:
        """Apply `op(page, *args)` and return the command that undoes it, with op's result.

        If the operation raises, the page is restored and the error propagates:
        nothing reaches the undo stack (a failing redo inside Qt could not report it).
        """
        from editor.core.ops import apply

        before = snapshot(page)
        try:
            result = apply(page, op, *args)
        except Exception:
            restore(page, before)
            raise
        if isinstance(result, str):
            focus = result
        return cls(page, text, before, snapshot(page), notify, focus), result

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # push() calls redo(); the work is already done
        else:
            restore(self._page, self._after)
        self._notify(self._focus)

    def undo(self) -> None:
        restore(self._page, self._before)
        self._notify(None)


def command_text(key: str, **names: str) -> str:
    """The undo history's wording for a correction (translated; QUndoCommand is not a QObject),
    from the table of corrections (`actions.corrections`, beside the menus built from it: this
    module loads with the first page, the menus before)."""
    from .actions import corrections

    texts = {c.key: c.undo_text for c in corrections() if c.key and c.undo_text is not None}
    return texts.get(key, key).format(**names)


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
        pasted: bool = False,
    ):
        super().__init__(parent)
        self.page = page
        self.path = path
        # text pasted into the window: kept nowhere else until it is saved to the library
        self.pasted = pasted
        self.dateless_ok = False  # the editor chose to save it without a date
        self.library_id = library_id  # the page's id in the library once saved
        self.revision: int | None = None
        # The tags as the library had them when the page was loaded or last saved: saving
        # writes what this window changed on top of the library's current tags.
        self.base_tags: dict[str, list[str]] | None = (
            self.tag_snapshot() if library_id is not None else None
        )
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

    def _clean_changed(self, _clean: bool) -> None:
        self.modifiedChanged.emit(self.modified)

    def _notify(self, focus: str | None) -> None:
        self.changed.emit(focus)

    # -- state ----------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        """Changed since it was opened or saved (library-wide steps in its history aside);
        a pasted page until it is in the library."""
        if self.pasted and self.library_id is None:
            return True
        stack = self.undo_stack
        clean, now = stack.cleanIndex(), stack.index()
        if clean < 0:  # (the saved state was undone past and a new step pushed)
            return True
        return any(not getattr(stack.command(i), "library", False)
                   for i in range(min(clean, now), max(clean, now)))

    def tag_snapshot(self) -> dict[str, list[str]]:
        return {a.id: list(a.tags) for a in self.page.articles}

    def mark_saved(self, library_id: int | str | None, revision: int | None,
                   tags: dict[str, list[str]] | None = None) -> None:
        """The page is in the library as saved; `tags`: the articles' tags as the library
        merged them with tags changed meanwhile elsewhere (shown here from now on)."""
        if library_id is not None:
            self.library_id = library_id
        self.revision = revision
        merged = False
        if tags is not None:
            for a in self.page.articles:
                if a.id in tags and a.tags != list(tags[a.id]):
                    a.tags = list(tags[a.id])
                    merged = True
        self.base_tags = self.tag_snapshot()
        self.undo_stack.setClean()
        self.modifiedChanged.emit(self.modified)
        if merged:
            self.changed.emit(None)  # tags added elsewhere meanwhile: shown now

    def title(self) -> str:
        p = self.page
        if p.source.file:
            return p.source.file
        parts = [x for x in (p.meta.paper, p.meta.date, p.meta.section, p.meta.number) if x]
        return " ".join(parts) or QCoreApplication.translate("Document", "Untitled page")


def op_error_message(code: str) -> str:
    """A sentence for an OpError code, in the interface language."""
    messages = {
        "split-at-start": QCoreApplication.translate(
            "Errors", "Select a block after the article's first block to split there."
        ),
        "not-in-article": QCoreApplication.translate(
            "Errors", "The selected block is not in that article."
        ),
        "no-neighbour": QCoreApplication.translate(
            "Errors", "There is no article on that side to merge with."
        ),
        "no-lines": QCoreApplication.translate(
            "Errors", "Select one or more text lines in the raw page first."
        ),
        "split-at-edge": QCoreApplication.translate(
            "Errors", "Put the cursor inside the block's text to split it there."
        ),
        "no-next-block": QCoreApplication.translate(
            "Errors", "There is no next block to join with."
        ),
        "join-role": QCoreApplication.translate(
            "Errors", "A byline, dateline or caption can only be joined with a block of its role."
        ),
        "cut-edited": QCoreApplication.translate(
            "Errors", "This block's text was corrected by hand; split its text at the cursor "
            "(Ctrl+Return) instead of taking some of its lines."
        ),
        "no-byline": QCoreApplication.translate("Errors", "The article has no byline to read."),
        "no-article": QCoreApplication.translate("Errors", "Select an article first."),
        "invariant": QCoreApplication.translate(
            "Errors", "This correction would leave raw text without an article; it was not made."
        ),
        "no-block": QCoreApplication.translate("Errors", "Select a block first."),
    }
    return messages.get(
        code,
        QCoreApplication.translate(
            "Errors", "This correction is not possible here ({code})."
        ).format(code=code),
    )
