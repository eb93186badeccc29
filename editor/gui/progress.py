"""Slow tasks of the window: busy state, progress, cancel, errors and completion, in one place.

Opening, saving, importing, exporting and rebuilding the search index each own a
`Progress`; `run()` starts a task in a worker and owns it to its end: it counts the tasks
running (`busy`), says what is happening in the status bar, shows a
window-modal progress dialog after 300 ms — at once for a batch or for work the user may
cancel, or as soon as a task reports more than `dialog_from` steps. A task that may be
cancelled gets a Cancel button: the window is free at once and what the task still
delivers is dropped (`workers.Task.cancel`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from . import workers
    from .window_api import ProgressHost

MIN_DURATION_MS = 300  # a task quicker than this shows no dialog


class Progress(QObject):
    cancelled = Signal()  # the user cancelled a task (the window is free again)

    def __init__(self, window: ProgressHost, dialog_from: int = 2):
        super().__init__(window)
        self.w = window
        self.busy = 0  # tasks running
        self.dialog: QProgressDialog | None = None
        self.dialog_from = dialog_from
        self._label = ""

    def run(self, label: str, work, on_done, *, total: int = 0, cancellable: bool = False,
            dialog: bool = False, on_failed=None, error_title: str | None = None,
            on_progress=None, on_preview=None, owner=None) -> workers.Task:
        """Run `work(report)` in a worker: `on_done(result)` after it, or `on_failed(code,
        message)` (default: an error box) — each once the busy state has ended."""
        from . import workers

        task = workers.Task(work)
        self.begin(label, total, task if cancellable else None, dialog=dialog)

        def done(result) -> None:
            self.end()
            on_done(result)

        def failed(code: str, message: str) -> None:
            self.end()
            if on_failed is not None:
                on_failed(code, message)
            else:
                self.w.show_error(error_title or label, message)

        workers.start(task, on_done=done, on_failed=failed,
                      on_progress=on_progress or self.step, on_preview=on_preview, owner=owner)
        return task

    def begin(self, label: str, total: int = 0, task: workers.Task | None = None, *,
              dialog: bool = False) -> None:
        """A task starts: `total` steps (0: unknown); `task`: the user may cancel it;
        `dialog`: show the dialog (after 300 ms) whatever the total."""
        self.busy += 1
        self._label = label
        self.w.statusBar().showMessage(label)
        if dialog or total >= self.dialog_from or task is not None:
            self._show(total, task)

    def _show(self, total: int, task: workers.Task | None = None) -> None:
        if self.dialog is not None:
            return
        from PySide6.QtWidgets import QProgressDialog

        # (a total of one or unknown: a busy bar)
        dialog = QProgressDialog(self._label, "", 0, total if total > 1 else 0, self.w)
        if task is None:
            dialog.setCancelButton(None)
        else:
            dialog.setCancelButtonText(QCoreApplication.translate("Files", "Cancel"))
            dialog.canceled.connect(lambda: self.cancel(task))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(MIN_DURATION_MS)
        self.dialog = dialog

    def step(self, done: int, total: int, label: str = "") -> None:
        """A task's report: `done` of `total`, now at `label` (a file name, or nothing)."""
        if self.dialog is None and self.busy and total >= self.dialog_from:
            self._show(total)
        dialog = self.dialog  # setValue() of a modal dialog runs the event loop: keep a ref
        if dialog is not None:
            if label:
                dialog.setLabelText(label)
            dialog.setMaximum(total)
            dialog.setValue(done)

    def end(self) -> None:
        """A task ended (done, failed or cancelled)."""
        self.busy = max(0, self.busy - 1)
        if self.dialog is not None and self.busy == 0:
            shown = self.dialog.isVisible()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
            if shown:
                self.w.activateWindow()  # (keys and shortcuts go to the window again)
        self.w.statusBar().clearMessage()

    def cancel(self, task: workers.Task) -> None:
        if task.cancelled or self.busy == 0:
            return
        task.cancel()
        self.end()
        self.w.statusBar().showMessage(QCoreApplication.translate("Files", "Cancelled."), 5000)
        self.cancelled.emit()
