"""Slow work off the GUI thread: opening files, saving to the library, warming up jieba.

A `Task` runs a plain function in Qt's thread pool and reports back through
signals, which Qt delivers on the GUI thread; the function never touches a
widget. It gets a `report(done, total, label)` callable for progress.
Failures arrive as (code, message) — never as a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from editor.core.model import Page

from . import library
from .library import LibraryProblem


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    preview = Signal(str)  # a page's raw text, before the slow segmentation
    done = Signal(object)
    failed = Signal(str, str)


class Cancelled(Exception):
    """The user cancelled the task: it stops at its next report."""


class Reporter:
    """How a task reports: `report(done, total, label)` and `report.preview(text)`. A
    report of a cancelled task raises Cancelled, so a long batch stops between files."""

    def __init__(self, signals: TaskSignals, task: Task | None = None):
        self._signals = signals
        self._task = task

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if self._task is not None and self._task.cancelled:
            raise Cancelled()
        self._signals.progress.emit(done, total, label)

    def preview(self, text: str) -> None:
        self._signals.preview.emit(text)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Reporter], Any]):
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.cancelled = False  # set from the GUI thread; the task's results are dropped
        self.setAutoDelete(True)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            result = self.fn(Reporter(self.signals, self))
        except Exception as exc:  # every failure becomes a message, never a traceback
            code, message = describe_error(exc)
            _emit(self.signals.failed, code, message)
            return
        _emit(self.signals.done, result)


def _emit(signal, *args) -> None:
    """Report from a worker; when the application is already gone (the window closed while
    the task ran, or the program is ending) there is nobody to tell: no traceback."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        pass


_running: set[TaskSignals] = set()  # keep signal carriers alive until their task ends


def _guarded(owner, callback):
    """The callback, skipped once `owner` (a QObject) has been deleted (window closed)."""
    if owner is None or callback is None:
        return callback
    import shiboken6

    return lambda *args: callback(*args) if shiboken6.isValid(owner) else None


def _unless_cancelled(task: Task, callback):
    """The callback, skipped once the user cancelled `task` (its work is not wanted)."""
    if callback is None:
        return None
    return lambda *args: None if task.cancelled else callback(*args)


def start(
    task: Task, on_done=None, on_failed=None, on_progress=None, on_preview=None, owner=None
) -> Task:
    """Run a task; callbacks run on the GUI thread (not at all once `owner` is deleted)."""
    on_done, on_failed, on_progress, on_preview = (
        _unless_cancelled(task, _guarded(owner, cb))
        for cb in (on_done, on_failed, on_progress, on_preview)
    )
    sig = task.signals
    _running.add(sig)
    if on_progress:
        sig.progress.connect(on_progress)
    if on_preview:
        sig.preview.connect(on_preview)
    if on_done:
        sig.done.connect(on_done)
    if on_failed:
        sig.failed.connect(on_failed)
    sig.done.connect(lambda _r: _running.discard(sig))
    sig.failed.connect(lambda _c, _m: _running.discard(sig))
    QThreadPool.globalInstance().start(task)
    return task


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(code, message in the interface language) for any failure."""
    from editor.core import reader
    from editor.core.reader import InputError

    if isinstance(exc, InputError):
        messages = {
            "empty": QCoreApplication.translate("Errors", "The file is empty."),
            "binary": QCoreApplication.translate("Errors", "The file looks binary, not page text."),
            "undecodable": QCoreApplication.translate(
                "Errors",
                "The file's text encoding could not be recognised "
                "(UTF-8, UTF-16, GB18030 and Big5 were tried).",
            ),
            "too-large": QCoreApplication.translate(
                "Errors", "The file or text is too large to be a newspaper page: a page file "
                "holds at most {mb} MB and a text at most {chars:,} characters."
            ).format(mb=reader.MAX_BYTES // (1024 * 1024), chars=reader.MAX_CHARS),
            "missing": QCoreApplication.translate("Errors", "The file does not exist."),
            "unreadable": QCoreApplication.translate("Errors", "The file cannot be read."),
        }
        return exc.code, messages.get(exc.code, str(exc))
    if isinstance(exc, LibraryProblem):
        return exc.code, str(exc)
    if isinstance(exc, MemoryError):
        return "memory", QCoreApplication.translate(
            "Errors", "There is not enough memory for this page."
        )
    return "error", QCoreApplication.translate("Errors", "Something went wrong: {error}").format(
        error=str(exc) or type(exc).__name__
    )


# -- the work itself (plain functions, run in the pool) -----------------------------------


class OpenResult:
    """What opening a batch gave: pages in order, and a message for each file that failed."""

    def __init__(self) -> None:
        self.pages: list[tuple[str | None, Page]] = []
        self.errors: list[tuple[str, str]] = []  # (file name, message)
        self.known: dict[int, str] = {}  # index in pages -> id of the same file's library page
        self.revisions: list[int | None] = []  # pages from the library: the revision each is at


def open_files(paths: list[str]) -> Callable:
    """Read and segment page files; the first one's raw text is previewed before segmenting."""

    def work(report: Reporter) -> OpenResult:
        # Imported here, in the worker: the importer's patterns take ~0.1 s to compile,
        # which the window's first moments should not wait for.
        from editor.core.importer import import_pages

        out = OpenResult()
        for i, path in enumerate(paths):
            report(i, len(paths), os.path.basename(path))
            try:
                for page in import_pages(path, on_text=report.preview if i == 0 else None):
                    known = library.find_by_sha256(page.source.sha256)
                    if known:
                        out.known[len(out.pages)] = known
                    out.pages.append((path, page))
            except Exception as exc:  # one bad file must not stop the batch
                out.errors.append((os.path.basename(path), describe_error(exc)[1]))
        report(len(paths), len(paths), "")
        return out

    return work


def open_text(text: str, name: str | None = None) -> Callable:
    def work(report) -> OpenResult:
        from editor.core.importer import segment_text

        report(0, 1, "")
        out = OpenResult()
        out.pages.append((None, segment_text(text, file=name)))
        report(1, 1, "")
        return out

    return work


def warm_up_jieba(report) -> bool:
    from editor.core import tokens

    tokens.get_jieba()
    return True
