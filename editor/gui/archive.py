"""The window's archive work: library-wide tag changes as undo steps, and opening found articles.

Tag changes made in the library (bulk tagging from the browser or search
results, renaming and merging in the vocabulary dialog) are `TagCommand`s
on the window's library undo stack, which joins the window's undo group:
they are steps of the window's one history (see `Archive.history`). Each
command runs one library call (`set_tags`, `merge_tags`) and undoes it with
`restore_tags`, in a worker, one after another in the order asked
(`Archive.in_worker`), so a rename across thousands of articles never holds
the window. After any change every
view hears `tagsChanged`, and pages open in the editor take the new tags
at once, so saving them later cannot bring the old tags back.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from . import library, settings
from .library import LibraryProblem

if TYPE_CHECKING:
    from .window_api import ArchiveHost

SUGGEST_DELAY_MS = int(os.environ.get("PAGEDESK_SUGGEST_DELAY_MS", "400"))


class TagCommand(QUndoCommand):
    """One library tag change; the first redo() is the change already made by the caller.
    Undo and redo run their library call in a worker (`Archive.in_worker`), in order."""

    library = True  # a library-wide step: it does not make the page it is shown with modified

    def __init__(self, archive: Archive, changes, text: str,
                 renamed: tuple[list[str], str] | None = None):
        super().__init__(text)
        self.archive = archive
        self.changes = changes  # what the last redo (or undo) changed
        self.renamed = renamed  # (old tags, new tag): a rename or merge
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self._applied(self.changes, self.renamed)
        else:
            self._restore(self.renamed)

    def undo(self) -> None:
        self._restore(([self.renamed[1]], self.renamed[0][0]) if self.renamed else None)

    def _restore(self, renamed: tuple[list[str], str] | None) -> None:
        """Turn the last change back in a worker; then follow a rename (`renamed`: old tags,
        new tag, as it now goes)."""
        self.archive.in_worker(self.text(), lambda: library.restore_tags(self.changes),
                               lambda changes: self._applied(changes, renamed), self._failed)

    def _failed(self) -> None:
        """The library refused: the step changes nothing any more (applying its old changes
        the other way round later would undo what it never did)."""
        from editor.storage.tags import TagChanges

        self.changes = TagChanges("failed")

    def _applied(self, changes, renamed) -> None:
        self.changes = changes
        if renamed:
            self.archive.follow_tag(*renamed)
        self.archive.changed(changes)


class Archive(QObject):
    tagsChanged = Signal(object)  # the TagChanges just applied (or undone)
    suggestionsShown = Signal(str)  # article id

    def __init__(self, window: ArchiveHost):
        super().__init__(window)
        self.w = window
        self.stack = QUndoStack(self)
        window.undo_group.addStack(self.stack)
        self._queue: list = []  # tag changes waiting for, or in, a worker (`in_worker`)
        self._vocabulary: list[tuple[str, int]] | None = None
        self.suggesting = 0
        self.archive_widgets: list = []  # the library's panels (built on first use)

    def tr(self, text: str) -> str:  # type: ignore[override]
        return QCoreApplication.translate("Archive", text)

    # -- the window's one history -----------------------------------------------------------
    @property
    def history(self) -> QUndoStack:
        """Where a library-wide change goes: the window's one visible history, which is the
        current page's (its steps marked as the library's), or the library's own while no
        page is open. Focus no longer switches histories (a step vanished when the tree was
        clicked, and Ctrl+Z undid something else)."""
        return self.w.doc.undo_stack if self.w.doc is not None else self.stack

    def carry_steps(self, stack: QUndoStack) -> list[TagCommand]:
        """The library steps done on a page's history that is about to close; give them to
        `keep_steps` once the window has its next history (they were lost with the page)."""
        return [cmd for cmd in (stack.command(i) for i in range(stack.index()))
                if isinstance(cmd, TagCommand)]

    def keep_steps(self, steps: list[TagCommand]) -> None:
        """Carry library steps of a closed page into the window's history as it is now, in
        their order, still undoable (their changes are made: pushing them changes nothing)."""
        for cmd in steps:
            self.history.push(TagCommand(self, cmd.changes, cmd.text(), cmd.renamed))

    def in_worker(self, label: str, fn, on_done, on_failed=None) -> None:
        """Run a library tag call off the GUI thread, after the ones asked for before it (an
        undo right after a change must not overtake it); `on_done(result)` on the GUI
        thread. A failure is one message; an undo or redo that failed makes its
        step change nothing (`on_failed()`)."""
        self._queue.append((label, fn, on_done, on_failed))
        if len(self._queue) == 1:
            self._start_next()

    @property
    def tag_busy(self) -> int:
        """Tag changes asked for and not finished yet."""
        return len(self._queue)

    def _start_next(self) -> None:
        label, fn, on_done, on_failed = self._queue[0]

        def work(_report):
            try:
                return fn()
            except ValueError as exc:  # a tag name the library refuses
                raise LibraryProblem("value", str(exc)) from None

        def finished(callback) -> None:
            self._queue.pop(0)
            try:
                callback()
            finally:
                if self._queue:
                    self._start_next()

        self.w.files.progress.run(
            label, work, lambda result: finished(lambda: on_done(result)),
            on_failed=lambda _code, message: finished(lambda: (
                self.w.show_error(self.tr("Tags"), message), on_failed and on_failed())),
            owner=self)

    # -- changes --------------------------------------------------------------------------
    def follow_tag(self, old: list[str], new: str) -> None:
        """A tag renamed or merged: a browser filtering on an old name filters on the new
        one (it showed 0 articles after a rename)."""
        edit = self._browser.filter_edits.get("tag") if self._browser is not None else None
        if edit is not None and edit.text().strip() in old:
            edit.blockSignals(True)
            edit.setText(new)
            edit.blockSignals(False)

    def _push(self, fn, text: str, renamed: tuple[list[str], str] | None = None) -> None:
        """Make a change in a worker, then push it as one undo step (none when no article
        changed, or the library refused)."""
        label = self.tr("Library: {change}").format(change=text)

        def done(changes) -> None:
            if not changes:
                self.w.statusBar().showMessage(self.tr("No article changed."), 5000)
                return
            self.history.push(TagCommand(self, changes, label, renamed))

        self.in_worker(label, fn, done)

    def tag_articles(self, ids: list[str], add=(), remove=()) -> None:
        add, remove = [t for t in add if t], [t for t in remove if t]
        if not ids or not (add or remove):
            return
        words = ", ".join([f"+{t}" for t in add] + [f"−{t}" for t in remove])
        text = self.tr("Tags {change} on {n} articles").format(change=words, n=len(ids))
        return self._push(lambda: library.set_tags(ids, add, remove), text)

    def rename_tag(self, old: str, new: str) -> None:
        text = self.tr("Rename tag {old} → {new}").format(old=old, new=new)
        return self._push(lambda: library.merge_tags([old], new), text, ([old], new))

    def merge_tags(self, sources: list[str], target: str) -> None:
        text = self.tr("Merge tags {tags} → {target}").format(
            tags="、".join(sources), target=target
        )
        return self._push(lambda: library.merge_tags(sources, target), text, (sources, target))

    def changed(self, changes) -> None:
        self._vocabulary = None
        self._update_open_pages(changes)
        self.tagsChanged.emit(changes)

    def _update_open_pages(self, changes) -> None:
        """Open pages show the library's new tags (not an undo step of the page: the library
        already holds them)."""
        by_page: dict[str, list] = {}
        for c in changes:
            by_page.setdefault(c.page_id, []).append(c)
        for doc in self.w.docs:
            page_changes = by_page.get(str(doc.library_id or doc.page.id))
            if not page_changes:
                continue
            for c in page_changes:
                art = doc.page.find_article(c.article_id)
                if art is not None:
                    art.tags = list(c.after)
            if doc is self.w.doc:
                self.w.page_changed(None)

    def vocabulary(self) -> list[tuple[str, int]]:
        """(tag, count) of the library, read once per change."""
        if self._vocabulary is None:
            try:
                self._vocabulary = library.tag_counts()
            except LibraryProblem:
                self._vocabulary = []
        return self._vocabulary

    # -- the panels -----------------------------------------------------------------------
    def build_panels(self) -> None:
        """The library browser and search docks, and their wiring to this archive.

        The docks exist at once (the View menu toggles them and the saved layout
        restores them); the panels inside are built when a dock is first shown or a
        panel is first asked for (`browser`, `search`), and the library is read only
        after the window's first paint (`start`)."""
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import QWidget

        w = self.w
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self._browser = self._search = self._exporter = self._reindexer = None
        self._started = False
        w.library_dock = w.add_dock("libraryDock", self.tr("Library"), QWidget(), left)
        w.search_dock = w.add_dock("searchDock", self.tr("Search"), QWidget(), left)
        w.tabifyDockWidget(w.library_dock, w.search_dock)
        w.library_dock.raise_()
        self._docks_guess = None
        if settings.load_layout("state") is None:
            # a first start with no library: the page gets the room until there is one (a
            # guess from the library file, which start() checks after the first paint)
            self._docks_guess = library.may_hold_pages()
            self._show_docks(self._docks_guess)
        w.library_dock.visibilityChanged.connect(lambda shown: shown and self.browser)
        w.search_dock.visibilityChanged.connect(lambda shown: shown and self.search)
        self.tagsChanged.connect(lambda _c: self.refresh_views())
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self._suggest)
        self._suggest_article = None
        w.inspector.suggestionsWanted.connect(self.suggest_later)
        w.after_first_paint(self.start)

    def start(self) -> None:
        """After the window's first paint: read the library for the panels built so far (on a
        first start, also check the guess that chose whether the library docks show)."""
        self._started = True
        guess, self._docks_guess = self._docks_guess, None
        if guess is not None and self.w.library_dock.isHidden() != guess:  # as guessed still
            self._show_docks(not library.is_empty())
        self.library_changed()

    def _show_docks(self, show: bool) -> None:
        w = self.w
        if w.library_dock.isHidden() != show:  # already as wanted
            return
        w.library_dock.setVisible(show)
        w.search_dock.setVisible(show)
        if show:
            w.library_dock.raise_()
            self.widen_docks()

    def widen_docks(self) -> None:
        """The library and search docks wide enough that filters and titles are not cut."""
        from .files import LIBRARY_DOCK_WIDTH

        w = self.w
        w.resizeDocks([w.library_dock], [max(w.library_dock.width(), LIBRARY_DOCK_WIDTH)],
                      Qt.Orientation.Horizontal)

    @property
    def browser(self):
        """The library browser panel, built on first use."""
        if self._browser is None:
            from .browser import BrowserPanel

            panel = self._browser = BrowserPanel()
            self._add_panel(panel, self.w.library_dock)
            panel.articleActivated.connect(lambda p, a: self.open_article(p, a))
            panel.searchRequested.connect(self.show_search)
            panel.problemOccurred.connect(lambda m: self.w.show_error(self.tr("Library"), m))
            if self._started:
                panel.apply_filters()
                panel.set_vocabulary([t for t, _n in self.vocabulary()])
        return self._browser

    @property
    def search(self):
        """The search panel, built on first use."""
        if self._search is None:
            from .search import SearchPanel

            panel = self._search = SearchPanel()
            self._add_panel(panel, self.w.search_dock)
            panel.articleActivated.connect(self.open_article)
        return self._search

    def _add_panel(self, panel, dock) -> None:
        placeholder = dock.widget()
        dock.setWidget(panel)
        if placeholder is not None:
            placeholder.deleteLater()
        self.archive_widgets.append(panel)
        panel.tagRequested.connect(self.ask_and_tag)
        panel.exportRequested.connect(lambda ids: self.exporter.export_articles(ids))

    @property
    def exporter(self):
        if self._exporter is None:
            from .exportdialog import Exporter

            self._exporter = Exporter(self.w)
        return self._exporter

    @property
    def reindexer(self):
        if self._reindexer is None:
            from .prefs import Reindexer

            self._reindexer = Reindexer(self.w)
        return self._reindexer

    # -- suggestions ----------------------------------------------------------------------
    def suggest_later(self, article) -> None:
        """Suggest tags for the inspected article once the selection rests (jieba, in a worker)."""
        import copy

        self._suggest_article = copy.deepcopy(article)
        self._suggest_timer.start()

    def _suggest(self) -> None:
        from . import workers

        art = self._suggest_article
        if art is None:
            return
        self.suggesting += 1

        def done(result) -> None:
            self.suggesting -= 1
            self.w.inspector.show_suggestions(art.id, result)
            self.suggestionsShown.emit(art.id)

        def failed(_code: str, message: str) -> None:
            self.suggesting -= 1
            self.w.statusBar().showMessage(message, 5000)

        workers.start(
            workers.Task(lambda report: library.suggest_for(art)),
            on_done=done,
            on_failed=failed,
            owner=self,
        )

    def show_search(self) -> None:
        self.w.search_dock.show()
        self.w.search_dock.raise_()
        self.search.focus_box()

    def library_changed(self) -> None:
        """Pages were saved or imported: read the browser's lists again (if it is built)."""
        self._vocabulary = None
        if self._browser is not None:
            self._browser.apply_filters()
        self.refresh_vocabulary()

    def refresh_views(self) -> None:
        if self._browser is not None:
            self._browser.refresh()
        self.rerun_search()
        self.refresh_vocabulary()

    def rerun_search(self) -> None:
        """Run the search panel's query again (if the panel is built)."""
        if self._search is not None:
            self._search.rerun()

    def refresh_vocabulary(self) -> None:
        tags = [t for t, _n in self.vocabulary()]
        if self._browser is not None:
            self._browser.set_vocabulary(tags)
        if hasattr(self.w.inspector, "set_vocabulary"):
            self.w.inspector.set_vocabulary(tags)

    def ask_and_tag(self, ids: list[str], add: bool) -> None:
        title = self.tr("Add a tag") if add else self.tr("Remove a tag")
        label = (
            self.tr("Tag to add to {n} articles:")
            if add
            else self.tr("Tag to remove from {n} articles:")
        ).format(n=len(ids))
        tag = self.w.ask_tag(title, label, [t for t, _n in self.vocabulary()])
        if tag:
            if add:
                self.tag_articles(ids, add=[tag])
            else:
                self.tag_articles(ids, remove=[tag])

    def import_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self.w, self.tr("Import a folder of pages"))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        """Import page files or folders into the library in a worker, with progress. The
        paper, date and section of the pages are asked once (blank: guessed per file)."""

        meta = self.w.ask_import_meta()
        if meta is None:
            return
        def done(summary: dict) -> None:
            self.library_changed()
            self.w.library_dock.show()
            self.w.library_dock.raise_()
            text = self.tr(
                "{imported} pages imported, {duplicate} already in the library, "
                "{failed} could not be read."
            ).format(**summary)
            problems = "\n".join(summary.get("problems", [])[:20])
            self.w.show_info(self.tr("Import"), text + ("\n\n" + problems if problems else ""))

        self.w.files.progress.run(
            self.tr("Importing into the library…"),
            lambda report: library.import_paths(list(paths), report, meta),
            done,
            total=2,
            cancellable=True,
            error_title=self.tr("Import"),
            owner=self,
        )

    # -- opening --------------------------------------------------------------------------
    def open_article(self, page_id: str, article_id: str, terms: list[str] | None = None) -> None:
        """Show a library article in the editor (its page opened if needed), terms marked."""
        for doc in self.w.docs:
            if str(doc.library_id or "") == page_id:
                self.w.set_current(doc)
                self._show(article_id, terms)
                return
        self.w.files.open_library_page(page_id, then=lambda: self._show(article_id, terms))

    def _show(self, article_id: str, terms: list[str] | None) -> None:
        if article_id:
            self.w.select_id(article_id)
        self.w.raw_view.mark_terms(terms or [])
        self.w.tree.setFocus()
