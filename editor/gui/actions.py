"""Menus, shortcuts, context menus and the corrections they trigger.

Every correction calls one core operation through `PageDocument.apply`, so
it lands on the undo stack; an operation the model refuses (`OpError`)
becomes a message, and the page stays as it was. Role changes have
single-key shortcuts (theme.ROLE_KEYS), shown in the menus; text fields take
those keys for typing first, so they only act in the tree and raw view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from editor.core.model import Person

from . import theme


class Actions:
    def __init__(self, window):
        self.w = window
        self.tr = lambda text: QCoreApplication.translate("Actions", text)
        self.role_actions: dict[str, QAction] = {}
        self._build()
        window.tree.customContextMenuRequested.connect(self._tree_menu)
        window.raw_view.customContextMenuRequested.connect(self._raw_menu)
        window.model.blocksDropRequested.connect(self.drop_blocks)
        window.review.checkRequested.connect(self.check_decision)
        window.model.blocksRoleDropRequested.connect(self.drop_blocks_on_group)
        window.model.articleDropRequested.connect(self.drop_article)
        ins = window.inspector
        ins.titleEditRequested.connect(
            lambda a, role, text: self.apply(
                "set-title", "set_title", a, role, text, field=theme.role_label(role)
            )
        )
        ins.fieldEditRequested.connect(self._field_edit)
        ins.tagsEditRequested.connect(lambda a, tags: self.apply("set-tags", "set_tags", a, tags))
        ins.peopleEditRequested.connect(
            lambda a, people: self.apply("set-people", "set_people", a, people)
        )
        ins.reparseRequested.connect(lambda a: self.apply("reparse-byline", "reparse_byline", a))
        ins.blockTextEditRequested.connect(
            lambda b, text: self.apply("edit-text", "edit_text", b, text)
        )
        ins.creditEditRequested.connect(
            lambda b, text: self.apply("set-credit", "set_credit", b, text)
        )
        ins.metaEditRequested.connect(self._meta_edit)
        ins.splitRequested.connect(self.split_block)

    # -- building -------------------------------------------------------------------------
    def _action(
        self, name: str, text: str, slot, shortcut=None, menu: QMenu | None = None
    ) -> QAction:
        action = QAction(text, self.w)
        action.setObjectName(name)
        if shortcut:
            action.setShortcuts(
                [QKeySequence(s) for s in shortcut]
                if isinstance(shortcut, list)
                else [QKeySequence(shortcut)]
            )
        action.triggered.connect(lambda _checked=False: slot())
        self.w.addAction(action)
        if menu is not None:
            menu.addAction(action)
        setattr(self, name, action)
        return action

    def _build(self) -> None:
        w, files = self.w, self.w.files
        bar = w.menuBar()
        m = self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            "open_action", self.tr("&Open…"), files.open_dialog, QKeySequence.StandardKey.Open, m
        )
        self._action(
            "library_action",
            self.tr("Open from &library…"),
            files.open_from_library,
            "Ctrl+Shift+O",
            m,
        )
        self._action(
            "paste_action",
            self.tr("New page from &clipboard"),
            files.paste_clipboard,
            "Ctrl+Shift+V",
            m,
        )
        self.recent_menu = m.addMenu(self.tr("&Recent files"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        self._action(
            "save_action",
            self.tr("&Save to library"),
            files.save_current,
            QKeySequence.StandardKey.Save,
            m,
        )
        self._action(
            "close_action",
            self.tr("&Close page"),
            files.close_current,
            QKeySequence.StandardKey.Close,
            m,
        )
        self._action(
            "export_action",
            self.tr("&Export…"),
            lambda: w.archive.exporter.export_current_page(),
            "Ctrl+E",
            m,
        )
        m.addSeparator()
        self._action("prefs_action", self.tr("&Preferences…"), files.preferences, None, m)
        self._action("quit_action", self.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit, m)

        m = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = w.undo_group.createUndoAction(w, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = w.undo_group.createRedoAction(w, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        m.addAction(self.undo_action)
        m.addAction(self.redo_action)
        m.addSeparator()
        self._action("edit_text_action", self.tr("Edit block &text"), self.edit_text, "F2", m)
        self._action(
            "split_block_action",
            self.tr("&Split paragraph at cursor"),
            self.split_block,
            "Alt+Return",
            m,
        )
        self._action("join_action", self.tr("&Join with next block"), self.join_blocks, "Ctrl+J", m)
        self.role_menu = m.addMenu(self.tr("Set &role"))
        for role in theme.ROLE_KEYS:  # the model's ROLES in their order (a test checks)
            action = self._action(
                f"role_{role}_action",
                theme.role_label(role),
                lambda r=role: self.set_role(r),
                theme.ROLE_KEYS[role],
                self.role_menu,
            )
            self.role_actions[role] = action

        m = self.article_menu = bar.addMenu(self.tr("&Article"))
        self._action(
            "split_article_action",
            self.tr("&Split article before block"),
            self.split_article,
            "Ctrl+Shift+Return",
            m,
        )
        self._action(
            "merge_prev_action",
            self.tr("Merge with &previous article"),
            lambda: self.merge("previous"),
            "Ctrl+Shift+Backspace",
            m,
        )
        self._action(
            "merge_next_action",
            self.tr("Merge with &next article"),
            lambda: self.merge("next"),
            "Ctrl+Shift+Delete",
            m,
        )
        self._action(
            "move_up_action",
            self.tr("Move article &up"),
            lambda: self.move_article(-1),
            "Ctrl+Shift+Up",
            m,
        )
        self._action(
            "move_down_action",
            self.tr("Move article &down"),
            lambda: self.move_article(1),
            "Ctrl+Shift+Down",
            m,
        )
        m.addSeparator()
        self._action(
            "move_blocks_action",
            self.tr("&Move blocks to article…"),
            self.move_blocks_to,
            "Ctrl+M",
            m,
        )
        self._action(
            "new_article_action",
            self.tr("New article from selected &lines"),
            self.new_article,
            "Ctrl+Shift+N",
            m,
        )
        self._action(
            "assign_action",
            self.tr("&Assign selected lines to article…"),
            self.assign_lines,
            "Ctrl+Shift+A",
            m,
        )
        m.addSeparator()
        self._action("reparse_action", self.tr("&Re-read byline"), self.reparse_byline, "Ctrl+R", m)

        m = self.review_menu = bar.addMenu(self.tr("&Review"))
        self._action(
            "next_action", self.tr("&Next doubtful decision"), lambda: w.review.step(1), "F8", m
        )
        self._action(
            "prev_action",
            self.tr("&Previous doubtful decision"),
            lambda: w.review.step(-1),
            "Shift+F8",
            m,
        )
        self._action(
            "check_action", self.tr("Mark decision &checked"), self.check_decision, "Ctrl+K", m
        )

        m = self.view_menu = bar.addMenu(self.tr("&View"))
        self._action(
            "focus_raw_action", self.tr("Go to the &raw page"), w.raw_view.setFocus, "Ctrl+1", m
        )
        self._action(
            "focus_tree_action", self.tr("Go to the article &tree"), w.tree.setFocus, "Ctrl+2", m
        )
        self._action(
            "focus_inspector_action",
            self.tr("Go to the &inspector"),
            lambda: w.inspector.title_edits["headline"].setFocus(),
            "Ctrl+3",
            m,
        )
        self._action(
            "focus_picture_action",
            self.tr("Go to the page &picture (PDF pages)"),
            self.focus_picture,
            "Ctrl+4",
            m,
        )
        m.addSeparator()
        for dock in (w.review_dock, w.history_dock, w.pages_dock, w.library_dock, w.search_dock):
            m.addAction(dock.toggleViewAction())

        m = self.library_menu = bar.addMenu(self.tr("&Library"))
        self._action(
            "browse_action", self.tr("&Browse the library"), self.browse_library, "Ctrl+L", m
        )
        self._action(
            "search_action",
            self.tr("&Find in the library…"),
            w.archive.show_search,
            "Ctrl+Shift+F",
            m,
        )
        self._action(
            "import_action",
            self.tr("&Import a folder of pages…"),
            w.archive.import_folder,
            None,
            m,
        )
        self._action(
            "reindex_action",
            self.tr("&Rebuild the search index"),
            lambda: w.archive.reindexer.start(),
            None,
            m,
        )
        self._action("vocabulary_action", self.tr("Tag &vocabulary…"), self.vocabulary, None, m)

    def focus_picture(self) -> None:
        """Keyboard focus to the page picture (then Ctrl++, Ctrl+-, Ctrl+0 zoom); a page that
        came as text has none, and the status bar says so."""
        w = self.w
        if w.picture.isVisible():
            w.picture.view.setFocus()
        else:
            w.statusBar().showMessage(self.tr("This page came as text: it has no picture."), 4000)

    def browse_library(self) -> None:
        self.w.library_dock.show()
        self.w.library_dock.raise_()
        self.w.archive.browser.page_view.setFocus()

    def vocabulary(self) -> None:
        from .vocabulary import VocabularyDialog

        dialog = getattr(self, "vocabulary_dialog", None)
        if dialog is None:
            dialog = self.vocabulary_dialog = VocabularyDialog(self.w.archive, self.w)
        dialog.fill()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _fill_recent(self) -> None:
        from . import settings

        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.w.files.open_paths([p]))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- context menus --------------------------------------------------------------------
    def _tree_menu(self, pos) -> None:
        menu = self.tree_menu()
        menu.exec(self.w.tree.viewport().mapToGlobal(pos))

    def tree_menu(self) -> QMenu:
        menu = QMenu(self.w)
        kind = (
            self.w.model.node(self.w.tree.currentIndex()).kind
            if self.w.tree.currentIndex().isValid()
            else ""
        )
        if kind == "block":
            menu.addMenu(self.role_menu)
            for a in (
                self.edit_text_action,
                self.split_block_action,
                self.join_action,
                self.split_article_action,
                self.move_blocks_action,
            ):
                menu.addAction(a)
            menu.addSeparator()
        for a in (
            self.merge_prev_action,
            self.merge_next_action,
            self.move_up_action,
            self.move_down_action,
            self.reparse_action,
        ):
            menu.addAction(a)
        return menu

    def _raw_menu(self, pos) -> None:
        raw = self.w.raw_view
        if not raw.textCursor().hasSelection():  # right-click on a line: select its block first
            self.w.select_line_owner(raw.cursorForPosition(pos).blockNumber() + 1)
        self.raw_menu().exec(self.w.raw_view.viewport().mapToGlobal(pos))

    def raw_menu(self) -> QMenu:
        menu = QMenu(self.w)
        menu.addAction(self.new_article_action)
        menu.addAction(self.assign_action)
        menu.addMenu(self.role_menu)
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"), self.w.raw_view.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        return menu

    # -- corrections ----------------------------------------------------------------------
    def apply(self, key: str, op, *args, **names):
        """Run a core operation (a function, or the name of one in `editor.core.ops`, which is
        imported at the first correction rather than at start-up) as an undoable command."""
        doc = self.w.doc
        if doc is None:
            return None
        from editor.core import ops

        if isinstance(op, str):
            op = getattr(ops, op)
        try:
            return doc.apply(key, op, *args, **names)
        except ops.OpError as exc:
            from .commands import op_error_message

            self.w.show_error(self.tr("Correction not possible"), op_error_message(exc.code))
            return None

    def _need(self, value, code: str):
        if value is None:
            from .commands import op_error_message

            self.w.show_error(self.tr("Correction not possible"), op_error_message(code))
        return value

    def _field_edit(self, article_id: str, name: str, text: str) -> None:
        labels = {
            "byline": theme.role_label("byline"),
            "dateline": theme.role_label("dateline"),
            "notes_text": self.tr("notes"),
        }
        self.apply(
            "set-field", "set_article_field", article_id, name, text, field=labels.get(name, name)
        )

    def _meta_edit(self, name: str, text: str) -> None:
        labels = {
            "paper": self.tr("paper"),
            "date": self.tr("date"),
            "section": self.tr("section"),
            "number": self.tr("page number"),
        }
        self.apply("set-meta", "set_meta", name, text, field=labels.get(name, name))

    def set_role(self, role: str) -> None:
        raw = self.w.raw_view
        blocks = self.w.selected_blocks()
        if raw.hasFocus() and (raw.textCursor().hasSelection() or not blocks):
            # lines selected in the raw view: their blocks
            owners = self.w.page().owner_map() if self.w.page() else {}
            blocks = list(
                {
                    id(owners[n][1]): owners[n][1]
                    for n in self.w.raw_view.selected_lines()
                    if n in owners
                }.values()
            )
        if self._need(blocks or None, "no-block") and self._role_fits(blocks, role):
            self.set_roles([b.id for b in blocks], role)

    def _role_fits(self, blocks, role: str) -> bool:
        """A title, credit or caption role for a block shaped like running text (more lines
        than such a block takes, or several sentences where none has more than one) is
        asked about first; declined, the status bar says why."""
        from editor.core import conventions as cv
        from editor.core.model import TITLE_ROLES

        most = {**dict.fromkeys((*TITLE_ROLES, "subhead"), cv.HEAD_LINES),
                "byline": 2, "dateline": 2, "source": 2,
                "caption": cv.MAX_CAPTION_LINES}.get(role)
        if most is None:
            return True
        sentences = 2 if role != "caption" else cv.MAX_CAPTION_LINES
        long = [b for b in blocks if len(b.lines) > most
                or sum(b.display_text.count(m) for m in "。！？") >= sentences]
        if not long:
            return True
        label = theme.role_label(role)
        lines = max(len(b.lines) for b in long)
        if self.w.ask_yes_no(
            self.tr("Set role"),
            self.tr("The block has {n} lines of running text; a {role} is a line or two. "
                    "Make it a {role} anyway?").format(n=lines, role=label),
        ):
            return True
        self.w.statusBar().showMessage(
            self.tr("Not changed: the block reads as running text, not as a {role}.").format(
                role=label), 6000)
        return False

    def set_roles(self, ids: list[str], role: str) -> None:
        """Give blocks a role; several blocks are one undo step."""
        if self.w.doc is None or not ids:
            return
        stack = self.w.doc.undo_stack
        if len(ids) > 1:
            stack.beginMacro(
                QCoreApplication.translate("Commands", "Set role: {role}").format(
                    role=theme.role_label(role)
                )
            )
        try:
            for block_id in ids:
                self.apply("set-role", "set_role", block_id, role, role=theme.role_label(role))
        finally:
            if len(ids) > 1:
                stack.endMacro()
        self.w.select_ids(list(ids), current=ids[0])

    def drop_blocks_on_group(self, ids: list, role: str) -> None:
        self.set_roles(list(ids), role)

    def drop_article(self, article_id: str, row: int) -> None:
        page = self.w.page()
        art = page.find_article(article_id) if page else None
        if art is None:
            return
        old = page.articles.index(art)
        new = row - 1 if row > old else row  # the row counts the article itself
        if new != old:
            self.apply("move-article", "move_article", article_id, new)
            self.w.select_id(article_id)

    def split_article(self) -> None:
        block, art = self.w.current_block(), self.w.current_article()
        if self._need(block, "no-block") and self._need(art, "no-article"):
            self.apply("split-article", "split_article", art.id, block.id)

    def merge(self, direction: str) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.apply(f"merge-{direction}", "merge_articles", art.id, direction)

    def move_article(self, delta: int) -> None:
        art, page = self._need(self.w.current_article(), "no-article"), self.w.page()
        if art:
            i = page.articles.index(art) + delta
            if 0 <= i < len(page.articles):
                self.apply("move-article", "move_article", art.id, i)
                self.w.select_id(art.id)

    def move_blocks_to(self) -> None:
        blocks = self._need(self.w.selected_blocks() or None, "no-block")
        if blocks:
            target = self.w.choose_article(
                self.tr("Move blocks to article"), self.w.current_article()
            )
            if target is not None:
                self.apply("move-blocks", "move_blocks", [b.id for b in blocks], target.id, None)
                self.w.select_ids([b.id for b in blocks], current=blocks[0].id)

    def drop_blocks(self, ids: list, article_id: str, index: int) -> None:
        self.apply(
            "move-blocks", "move_blocks", list(ids), article_id, None if index < 0 else index
        )
        self.w.select_ids(list(ids), current=ids[0] if ids else None)

    def new_article(self) -> None:
        self.apply("new-article", "new_article_from_lines", self.w.raw_view.selected_lines())

    def assign_lines(self) -> None:
        lines = self.w.raw_view.selected_lines()
        target = self.w.choose_article(self.tr("Assign lines to article"))
        if target is not None:
            self.apply("assign-lines", "assign_lines", lines, target.id)

    def edit_text(self) -> None:
        if self._need(self.w.current_block(), "no-block"):
            self.w.inspector.block_text.setFocus()

    def split_block(self) -> None:
        block = self._need(self.w.current_block(), "no-block")
        if block:
            self.apply(
                "split-block", "split_block", block.id, self.w.inspector.block_cursor_offset()
            )

    def join_blocks(self) -> None:
        block = self._need(self.w.current_block(), "no-block")
        if block:
            self.apply("join-blocks", "join_blocks", block.id)
            self.w.select_id(block.id)

    def reparse_byline(self) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.apply("reparse-byline", "reparse_byline", art.id)

    def set_people(self, people: list[Person]) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.apply("set-people", "set_people", art.id, people)

    def check_decision(self) -> None:
        index = self.w.review.current_decision()
        if index is not None:
            self.apply("check-decision", "mark_decision_checked", index)
