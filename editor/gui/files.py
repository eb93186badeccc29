"""Pages in and out of the window: open, paste, save to the library, close, autosave and recovery.

Opening and saving run in workers (`workers.py`) with progress in the
window; their results come back on the GUI thread. Modified pages are
written to recovery files every minute, in a folder of this window's own
(`recovery/<session>/`) that a lock file (`recovery/<session>.lock`, a
QLockFile naming this process) marks as in use while the window runs. A
clean exit removes both; a folder whose lock is gone or stale (its process
no longer runs) comes from a crash, and the user is offered to restore it.
A second window never takes the first one's running autosave for a crash.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer

from editor.paths import write_whole

from . import settings
from .progress import Progress

if TYPE_CHECKING:
    from . import workers
    from .commands import PageDocument
    from .window_api import FilesHost

# Page files, the library, workers and undo commands are imported where first used, not
# when the window is built (start-up time).

AUTOSAVE_MS = int(os.environ.get("PAGEDESK_AUTOSAVE_MS", "60000"))
RECOVERY_FORMAT = "pagedesk.recovery/1"
LIBRARY_DOCK_WIDTH = 420  # px: the browser's filters and titles readable, not cut


def _page_codec():
    """(encode, decode) for recovery files: the exact encoding keeps what pagedesk.page/1
    rounds away."""
    from editor.core.pagejson import page_from_exact_dict, page_to_exact_dict

    return page_to_exact_dict, page_from_exact_dict


def _json_files(folder: str) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(os.path.join(folder, f) for f in names if f.endswith(".json"))


def _drop_session(lock: QLockFile) -> None:
    """A window's recovery folder (`<session>/` beside its `<session>.lock`) and the lock go."""
    shutil.rmtree(lock.fileName()[: -len(".lock")], ignore_errors=True)
    lock.unlock()


class Files(QObject):
    def __init__(self, window: FilesHost):
        super().__init__(window)
        self.w = window
        self.progress = Progress(window)  # opening, pasting, loading, saving, importing
        self.progress.cancelled.connect(self._cancelled)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        # This window's recovery folder, marked as in use by a lock while it runs.
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.lock = QLockFile(os.path.join(settings.recovery_dir(), self.session + ".lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(0)

    def tr(self, text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("Files", text)

    # -- progress -------------------------------------------------------------------------
    @property
    def busy(self) -> int:
        return self.progress.busy

    def _step(self, done: int, total: int, name: str) -> None:
        self.progress.step(done, total, self.tr("Opening {name}…").format(name=name) if name
                           else "")

    def _cancelled(self) -> None:
        if self.w.doc is None:
            self.w.raw_view.set_page(None)

    # -- opening --------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _filter = QFileDialog.getOpenFileNames(
            self.w,
            self.tr("Open page files"),
            settings.last_open_dir(),
            self.tr(
                "Pages (*.txt *.text *.pdf);;Page text (*.txt *.text);;PDF pages (*.pdf);;"
                "All files (*)"
            ),
        )
        if paths:
            settings.set_last_open_dir(os.path.dirname(paths[0]))
            self.open_paths(paths)

    def open_paths(self, paths: list[str]) -> None:
        """Open page files in a worker; each becomes an open page, each bad one a message."""
        from . import workers

        self.progress.run(
            self.tr("Opening {n} files…").format(n=len(paths)),
            workers.open_files(list(paths)),
            self._opened,
            total=len(paths),
            cancellable=True,
            on_failed=self._failed,
            on_progress=self._step,
            on_preview=self._preview,
        )

    def _preview(self, text: str) -> None:
        """Show a page's raw text while it is being segmented, if the window shows nothing else."""
        if self.w.doc is None:
            from editor.core.model import Page

            self.w.raw_view.set_page(Page(raw=text))
            self.w.statusBar().showMessage(self.tr("Finding the articles…"))

    def paste_clipboard(self) -> None:
        from PySide6.QtWidgets import QApplication

        text = QApplication.clipboard().text()
        if not text.strip():
            self.w.show_error(self.tr("Nothing to paste"), self.tr("The clipboard holds no text."))
            return
        from . import workers

        name = self.tr("Pasted page {time}").format(time=time.strftime("%H:%M:%S"))
        self.progress.run(self.tr("Reading the pasted page…"), workers.open_text(text, name),
                          self._opened, total=1, cancellable=True, on_failed=self._failed)

    def _opened(self, result: workers.OpenResult) -> None:
        from .commands import PageDocument

        for i, (path, page) in enumerate(result.pages):
            if path:
                settings.add_recent_file(path)
            known = result.known.get(i)
            if known and self.w.ask_yes_no(
                self.tr("Page already in the library"),
                self.tr(
                    "{name} is already in the library, perhaps with corrections. Open the "
                    "library's version? (No: use the new reading; saving it makes a new "
                    "revision of the same page.)"
                ).format(name=os.path.basename(path or "")),
            ):
                self.open_library_page(known)
                continue
            if known:
                page.id = known  # saving it adds a revision instead of a second copy
            self.w.add_document(PageDocument(page, path=path, pasted=path is None))
        if self.w.doc is None:  # nothing opened: drop the preview
            self.w.raw_view.set_page(None)
        if result.errors:
            lines = "\n".join(f"{name}: {msg}" for name, msg in result.errors)
            self.w.show_error(self.tr("Some files could not be opened"), lines)

    def _failed(self, _code: str, message: str) -> None:
        if self.w.doc is None:
            self.w.raw_view.set_page(None)
        self.w.show_error(self.tr("PageDesk"), message)

    def open_from_library(self) -> None:
        """The library's browser, filters first: a page is found by paper, date, tag or
        person and opened from there (a flat list of every page did not scale)."""
        w = self.w
        w.library_dock.show()
        w.library_dock.raise_()
        w.archive.widen_docks()
        browser = w.archive.browser
        browser.apply_filters()
        browser.filter_edits["paper"].setFocus()

    def open_library_page(self, page_id: str, then=None) -> None:
        """Load a library page in a worker and open it; `then()` runs once it is shown."""
        from . import library, workers
        from .commands import PageDocument

        def work(report):
            result = workers.OpenResult()
            page, revision = library.load_page_at(page_id)
            result.pages.append((None, page))
            result.revisions.append(revision)
            return result

        def done(result):
            for (_path, page), revision in zip(result.pages, result.revisions, strict=True):
                doc = PageDocument(page, library_id=page.id)
                doc.revision = revision  # saving checks nobody saved another text since
                self.w.add_document(doc)
            if then is not None:
                then()

        self.progress.run(self.tr("Loading from the library…"), work, done, total=1,
                          on_failed=self._failed)

    # -- saving ---------------------------------------------------------------------------
    def save_current(self) -> None:
        if self.w.doc is not None:
            self.save(self.w.doc)

    def save(self, doc: PageDocument, wait: bool = False, *, over: bool = False) -> bool:
        """Write a revision in a worker; the page is marked saved if no edit came meanwhile.
        If someone else saved another text of the page since it was opened, the editor is
        asked before theirs is superseded (`over`: asked already); theirs stays in the
        page's history either way."""
        import copy

        from . import library, workers

        if not (wait or over or doc.page.meta.date or doc.dateless_ok):
            # (an archive finds pages by date: a page saved without one is easily lost)
            if not self.w.ask_yes_no(
                self.tr("No date"),
                self.tr("This page has no date, so the library cannot find it by date. "
                        "Save it anyway? (No: enter the date under Page in the inspector.)"),
            ):
                self.w.inspector.focus_page_date()
                return False
            doc.dateless_ok = True  # asked once per page
        page = copy.deepcopy(doc.page)
        index = doc.undo_stack.index()
        base = copy.deepcopy(doc.base_tags)
        base_revision = None if over else doc.revision

        def write(_report=None):
            return library.save_page(page, base_tags=base, base_revision=base_revision)

        if wait:  # closing the window: save here and now
            try:
                revision = write()
            except Exception as exc:
                code, message = workers.describe_error(exc)
                if code == "conflict" and self._supersede(message):
                    return self.save(doc, wait=True, over=True)
                if code != "conflict":
                    self.w.show_error(self.tr("Saving failed"), message)
                return False
            self._saved(doc, index, revision, page)
            return True
        def done(revision):
            self._saved(doc, index, revision, page)

        def failed(code, message):
            if code == "conflict":
                if self._supersede(message):
                    self.save(doc, over=True)
                return
            self.w.show_error(self.tr("Saving failed"), message)

        self.progress.run(self.tr("Saving to the library…"), write, done, total=1,
                          on_failed=failed)
        return True

    def _supersede(self, message: str) -> bool:
        return self.w.ask_yes_no(
            self.tr("Page changed in the library"),
            self.tr("{message}\n\nSave your version as the newest revision anyway? The other "
                    "version stays in the page's history (pagedesk history, pagedesk restore), "
                    "and tags added meanwhile are kept.").format(message=message),
        )

    def _saved(self, doc: PageDocument, index: int, revision, saved) -> None:
        """`saved`: the copy written, with its tags as the library merged them."""
        if doc not in self.w.docs:
            return
        if doc.undo_stack.index() == index:
            doc.mark_saved(doc.page.id, revision, {a.id: a.tags for a in saved.articles})
            self.remove_recovery(doc)
        self.w.archive.library_changed()
        self.w.statusBar().showMessage(
            self.tr("Saved revision {rev} to the library").format(rev=revision), 5000
        )

    # -- closing --------------------------------------------------------------------------
    def close_current(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return True
        if doc.modified:
            answer = self.w.ask_unsaved([doc.title()])
            if answer == "cancel" or (answer == "save" and not self.save(doc, wait=True)):
                return False
        self.remove_recovery(doc)
        self.w.remove_document(doc)
        return True

    def close_all(self) -> bool:
        """Ask about unsaved pages before the window closes; False keeps the window open."""
        modified = [d for d in self.w.docs if d.modified]
        if modified:
            answer = self.w.ask_unsaved([d.title() for d in modified])
            if answer == "cancel":
                return False
            if answer == "save" and not all(self.save(d, wait=True) for d in modified):
                return False
        for doc in self.w.docs:
            self.remove_recovery(doc)
        self.autosave_timer.stop()
        self.release()
        return True

    # -- autosave and recovery ------------------------------------------------------------
    def _session_dir(self) -> str:
        return os.path.join(settings.recovery_dir(), self.session)

    def _recovery_path(self, doc: PageDocument) -> str:
        return os.path.join(self._session_dir(), f"{doc.page.id}.json")

    def autosave(self) -> None:
        import json

        for doc in self.w.docs:
            if not doc.modified:  # saved, or undone back to the saved state
                self.remove_recovery(doc)
            else:
                data = {
                    "format": RECOVERY_FORMAT,
                    "raw": doc.page.raw,
                    "page": _page_codec()[0](doc.page),
                    "path": doc.path,
                    "library_id": doc.library_id,
                    "time": time.time(),
                }
                path = self._recovery_path(doc)
                try:
                    os.makedirs(self._session_dir(), exist_ok=True)
                    write_whole(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
                except OSError as exc:
                    self.w.statusBar().showMessage(
                        self.tr("Autosave failed: {error}").format(error=exc), 5000
                    )

    def remove_recovery(self, doc: PageDocument) -> None:
        try:
            os.remove(self._recovery_path(doc))
        except OSError:
            pass

    def recovery_files(self) -> list[str]:
        """This window's own recovery files."""
        return _json_files(self._session_dir())

    def release(self) -> None:
        """A clean exit: this window's recovery folder and lock go."""
        _drop_session(self.lock)

    def _orphans(self) -> tuple[list[str], list[QLockFile]]:
        """Recovery files no running window owns (their window crashed), and the locks taken
        on their folders: folders whose lock is missing or stale, and files an older version
        wrote straight into the recovery folder."""
        root = settings.recovery_dir()
        found, locks = _json_files(root), []
        for name in sorted(os.listdir(root)):
            folder = os.path.join(root, name)
            if name == self.session or not os.path.isdir(folder):
                continue
            lock = QLockFile(folder + ".lock")
            lock.setStaleLockTime(0)  # stale only when its process no longer runs
            if lock.tryLock(0):
                locks.append(lock)
                found += _json_files(folder)
        return found, locks

    def offer_recovery(self) -> int:
        """After a crash: offer to restore autosaved pages. Returns how many were restored.
        Pages another running window is autosaving are not offered and stay untouched."""
        found, locks = self._orphans()
        if not found:
            for lock in locks:
                _drop_session(lock)
            return 0
        import json

        from .commands import PageDocument

        restored = 0
        if self.w.ask_yes_no(
            self.tr("Restore unsaved work?"),
            self.tr(
                "PageDesk did not close normally. Restore {n} page(s) with unsaved corrections?"
            ).format(n=len(found)),
        ):
            for path in found:
                try:
                    with open(path, encoding="utf-8") as fh:
                        data = json.load(fh)
                    page = _page_codec()[1](data["page"], data["raw"])
                except (OSError, ValueError, KeyError, TypeError) as exc:
                    self.w.show_error(self.tr("Restore failed"), f"{os.path.basename(path)}: {exc}")
                    continue
                doc = PageDocument(page, path=data.get("path"), library_id=data.get("library_id"))
                doc.undo_stack.resetClean()  # restored work is not in the library yet
                self.w.add_document(doc)
                restored += 1
        for path in found:  # restored pages are autosaved again in this window's folder
            try:
                os.remove(path)
            except OSError:
                pass
        for lock in locks:
            _drop_session(lock)
        if restored:
            self.autosave()
        return restored

    def preferences(self) -> None:
        from .prefs import PreferencesDialog

        dialog = PreferencesDialog(self.w)
        if dialog.exec() and dialog.dictionary_changed:
            self.w.archive.reindexer.offer()
