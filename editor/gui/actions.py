"""Menus, shortcuts, context menus and the corrections they trigger.

Every correction calls one core operation through `PageDocument.apply`, so
it lands on the undo stack; an operation the model refuses (`OpError`)
becomes a message, and the page stays as it was. Role changes have
single-key shortcuts (theme.ROLE_KEYS), shown in the menus; text fields take
those keys for typing first, so they only act in the tree and raw view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from editor.core.model import Person

    from .window_api import ActionsHost

from . import theme
from .review import ALTERNATIVE_KEY


@dataclass(frozen=True)
class Correction:
    """One correction, described once: its command, menu entry and undo wording.

    `corrections()` lists them; the window's Edit, Article and Review menus are built from
    it (in its order), `command_text` reads the undo history's wording from it and
    `Actions.correct` the core operation, and `needs` when its menu action is enabled
    (`Actions.update_enabled`). A row with a `menu` is one menu action; a row
    without one is a correction made from the inspector, by drag and drop or from the
    review list.
    """

    key: str | None  # command key (PageDocument.apply); None: a menu entry that changes nothing
    op: str | None = None  # its core operation, a function in editor.core.ops
    undo_text: str | None = None  # undo history's wording; None: another row of the key has it
    menu: str | None = None  # "edit", "article" or "review"; None: no menu action
    action: str | None = None  # attribute of Actions holding the menu action
    label: str = ""  # the menu action's text
    shortcut: str | None = None
    handler: str | None = None  # the Actions method the menu action calls ...
    args: tuple[Any, ...] = ()  # ... with these arguments
    separator: bool = False  # a separator before it in its menu
    needs: str | None = None  # when the menu action is enabled: a key of `Actions.state()`


def corrections() -> tuple[Correction, ...]:
    """Every correction, translated into the interface language (call it when needed, not at
    import: the translators are installed later). Menu rows are in menu order."""
    return (
        # Edit menu (after Undo and Redo; "Set role" follows, one action per role)
        Correction(
            "edit-text",
            op="edit_text",
            undo_text=QCoreApplication.translate("Commands", "Edit text"),
            menu="edit",
            action="edit_text_action",
            label=QCoreApplication.translate("Actions", "Edit block &text"),
            shortcut="F2",
            handler="edit_text",
            needs="block",
        ),
        Correction(
            "split-block",
            op="split_block",
            undo_text=QCoreApplication.translate("Commands", "Split paragraph"),
            menu="edit",
            action="split_block_action",
            label=QCoreApplication.translate("Actions", "&Split paragraph at cursor"),
            shortcut="Alt+Return",
            handler="split_block",
            needs="block",
        ),
        Correction(
            "join-blocks",
            op="join_blocks",
            undo_text=QCoreApplication.translate("Commands", "Join with next block"),
            menu="edit",
            action="join_action",
            label=QCoreApplication.translate("Actions", "&Join with next block"),
            shortcut="Ctrl+J",
            handler="join_blocks",
            needs="block",
        ),
        # Article menu
        Correction(
            "split-article",
            op="split_article",
            undo_text=QCoreApplication.translate("Commands", "Split article"),
            menu="article",
            action="split_article_action",
            label=QCoreApplication.translate("Actions", "&Split article before block"),
            shortcut="Ctrl+Shift+Return",
            handler="split_article",
            needs="block",
        ),
        Correction(
            "merge-previous",
            op="merge_articles",
            undo_text=QCoreApplication.translate("Commands", "Merge with previous article"),
            menu="article",
            action="merge_prev_action",
            label=QCoreApplication.translate("Actions", "Merge with &previous article"),
            shortcut="Ctrl+Shift+Backspace",
            handler="merge",
            args=("previous",),
            needs="earlier-article",
        ),
        Correction(
            "merge-next",
            op="merge_articles",
            undo_text=QCoreApplication.translate("Commands", "Merge with next article"),
            menu="article",
            action="merge_next_action",
            label=QCoreApplication.translate("Actions", "Merge with &next article"),
            shortcut="Ctrl+Shift+Delete",
            handler="merge",
            args=("next",),
            needs="later-article",
        ),
        Correction(
            "move-article",
            op="move_article",
            undo_text=QCoreApplication.translate("Commands", "Move article"),
            menu="article",
            action="move_up_action",
            label=QCoreApplication.translate("Actions", "Move article &up"),
            shortcut="Ctrl+Shift+Up",
            handler="move_article",
            args=(-1,),
            needs="earlier-article",
        ),
        # (the same command: its undo wording is the row above's)
        Correction(
            "move-article",
            op="move_article",
            menu="article",
            action="move_down_action",
            label=QCoreApplication.translate("Actions", "Move article &down"),
            shortcut="Ctrl+Shift+Down",
            handler="move_article",
            args=(1,),
            needs="later-article",
        ),
        Correction(
            "move-blocks",
            op="move_blocks",
            undo_text=QCoreApplication.translate("Commands", "Move blocks"),
            menu="article",
            action="move_blocks_action",
            label=QCoreApplication.translate("Actions", "&Move blocks to article…"),
            shortcut="Ctrl+M",
            handler="move_blocks_to",
            separator=True,
            needs="block",
        ),
        Correction(
            "new-article",
            op="new_article_from_lines",
            undo_text=QCoreApplication.translate("Commands", "New article from lines"),
            menu="article",
            action="new_article_action",
            label=QCoreApplication.translate("Actions", "New article from selected &lines"),
            shortcut="Ctrl+Shift+N",
            handler="new_article",
            needs="page",
        ),
        Correction(
            "assign-lines",
            op="assign_lines",
            undo_text=QCoreApplication.translate("Commands", "Assign lines to article"),
            menu="article",
            action="assign_action",
            label=QCoreApplication.translate("Actions", "&Assign selected lines to article…"),
            shortcut="Ctrl+Shift+A",
            handler="assign_lines",
            needs="article-to-assign",
        ),
        Correction(
            "reparse-byline",
            op="reparse_byline",
            undo_text=QCoreApplication.translate("Commands", "Re-read byline"),
            menu="article",
            action="reparse_action",
            label=QCoreApplication.translate("Actions", "&Re-read byline"),
            shortcut="Ctrl+R",
            handler="reparse_byline",
            separator=True,
            needs="article",
        ),
        # Review menu (going through the list changes nothing)
        Correction(
            None,
            menu="review",
            action="next_action",
            label=QCoreApplication.translate("Actions", "&Next doubtful decision"),
            shortcut="F8",
            handler="review_step",
            args=(1,),
            needs="decision",
        ),
        Correction(
            None,
            menu="review",
            action="prev_action",
            label=QCoreApplication.translate("Actions", "&Previous doubtful decision"),
            shortcut="Shift+F8",
            handler="review_step",
            args=(-1,),
            needs="decision",
        ),
        Correction(
            None,  # the correction it makes is the alternative's (a merge or a role)
            menu="review",
            action="alternative_action",
            label=QCoreApplication.translate("Actions", "Take the &alternative"),
            shortcut=ALTERNATIVE_KEY,
            handler="take_alternative",
            needs="alternative",
        ),
        Correction(
            "check-decision",
            op="mark_decision_checked",
            undo_text=QCoreApplication.translate("Commands", "Mark decision checked"),
            menu="review",
            action="check_action",
            label=QCoreApplication.translate("Actions", "Mark decision &checked"),
            shortcut="Ctrl+K",
            handler="check_decision",
            needs="decision",
        ),
        # No menu action of their own: the role actions come from theme.ROLE_KEYS, the others
        # are made in the inspector
        Correction(
            "set-role",
            op="set_role",
            undo_text=QCoreApplication.translate("Commands", "Set role: {role}"),
        ),
        Correction(
            "set-credit",
            op="set_credit",
            undo_text=QCoreApplication.translate("Commands", "Edit credit"),
        ),
        Correction(
            "set-title",
            op="set_title",
            undo_text=QCoreApplication.translate("Commands", "Edit {field}"),
        ),
        Correction(
            "set-field",
            op="set_article_field",
            undo_text=QCoreApplication.translate("Commands", "Edit {field}"),
        ),
        Correction(
            "set-tags",
            op="set_tags",
            undo_text=QCoreApplication.translate("Commands", "Edit tags"),
        ),
        Correction(
            "set-meta",
            op="set_meta",
            undo_text=QCoreApplication.translate("Commands", "Edit page {field}"),
        ),
        Correction(
            "set-people",
            op="set_people",
            undo_text=QCoreApplication.translate("Commands", "Edit people"),
        ),
    )


def correction(key: str) -> Correction:
    """The row of a command key (the first, for a key with several menu actions)."""
    for c in corrections():
        if c.key == key:
            return c
    raise KeyError(key)


class Actions:
    def __init__(self, window: ActionsHost):
        self.w = window
        self.tr = lambda text: QCoreApplication.translate("Actions", text)
        self.role_actions: dict[str, QAction] = {}
        self.correction_actions: dict[str, QAction] = {}  # the table's, by attribute name
        self._needs: dict[str, str] = {}  # action name -> Correction.needs
        self._build()
        # the review list moves on its own (F8, a click): its keys follow it
        window.review.list.currentItemChanged.connect(lambda *_: self.update_enabled())
        self.update_enabled()
        window.tree.customContextMenuRequested.connect(self._tree_menu)
        window.raw_view.customContextMenuRequested.connect(self._raw_menu)
        window.model.blocksDropRequested.connect(self.drop_blocks)
        window.review.checkRequested.connect(self.check_decision)
        window.model.blocksRoleDropRequested.connect(self.drop_blocks_on_group)
        window.model.articleDropRequested.connect(self.drop_article)
        ins = window.inspector
        ins.titleEditRequested.connect(
            lambda a, role, text: self.correct(
                "set-title", a, role, text, field=theme.role_label(role)
            )
        )
        ins.fieldEditRequested.connect(self._field_edit)
        ins.tagsEditRequested.connect(lambda a, tags: self.correct("set-tags", a, tags))
        ins.peopleEditRequested.connect(lambda a, people: self.correct("set-people", a, people))
        ins.reparseRequested.connect(lambda a: self.correct("reparse-byline", a))
        ins.blockTextEditRequested.connect(lambda b, text: self.correct("edit-text", b, text))
        ins.creditEditRequested.connect(lambda b, text: self.correct("set-credit", b, text))
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

    def _correction_actions(self, menu_name: str, menu: QMenu) -> None:
        """One action per row of the table of corrections for this menu, in the table's order."""
        for c in corrections():
            if c.menu != menu_name:
                continue
            if c.separator:
                menu.addSeparator()
            handler = getattr(self, c.handler)
            self.correction_actions[c.action] = self._action(
                c.action, c.label, lambda h=handler, args=c.args: h(*args), c.shortcut, menu
            )
            if c.needs:
                self._needs[c.action] = c.needs
        menu.aboutToShow.connect(self.update_enabled)

    def state(self) -> dict[str, bool]:
        """What the corrections' menu actions may need (`Correction.needs`), as it is now."""
        page, art = self.w.page(), self.w.current_article()
        index = page.articles.index(art) if page is not None and art is not None else None
        review = self.w.review
        return {
            "page": page is not None,
            "block": self.w.current_block() is not None,
            "article": art is not None,
            "earlier-article": bool(index),
            "later-article": index is not None and index < len(page.articles) - 1,
            "article-to-assign": page is not None and bool(page.articles),
            "decision": review.count() > 0,
            "alternative": review.current_alternative() is not None,
        }

    def update_enabled(self) -> None:
        """Grey out the corrections that cannot apply to the current selection (called when
        the selection or the page changes, and as a menu opens)."""
        state = self.state()
        for name, need in self._needs.items():
            self.correction_actions[name].setEnabled(state[need])

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
        self._correction_actions("edit", m)
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
        self._correction_actions("article", m)

        m = self.review_menu = bar.addMenu(self.tr("&Review"))
        self._correction_actions("review", m)

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

        m = self.help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action("about_action", self.tr("&About PageDesk"), self.about, None, m)
        about.setMenuRole(QAction.MenuRole.AboutRole)

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

    def about(self) -> None:
        from .app import show_about

        show_about(self.w)

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

    def correct(self, key: str, *args, **names):
        """Run the table's core operation for a command key (see `corrections`)."""
        return self.apply(key, correction(key).op, *args, **names)

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
        self.correct("set-field", article_id, name, text, field=labels.get(name, name))

    def _meta_edit(self, name: str, text: str) -> None:
        labels = {
            "paper": self.tr("paper"),
            "date": self.tr("date"),
            "section": self.tr("section"),
            "number": self.tr("page number"),
        }
        self.correct("set-meta", name, text, field=labels.get(name, name))

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
            from .commands import command_text

            stack.beginMacro(command_text("set-role", role=theme.role_label(role)))
        try:
            for block_id in ids:
                self.correct("set-role", block_id, role, role=theme.role_label(role))
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
            self.correct("move-article", article_id, new)
            self.w.select_id(article_id)

    def split_article(self) -> None:
        block, art = self.w.current_block(), self.w.current_article()
        if self._need(block, "no-block") and self._need(art, "no-article"):
            self.correct("split-article", art.id, block.id)

    def merge(self, direction: str) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.correct(f"merge-{direction}", art.id, direction)

    def move_article(self, delta: int) -> None:
        art, page = self._need(self.w.current_article(), "no-article"), self.w.page()
        if art:
            i = page.articles.index(art) + delta
            if 0 <= i < len(page.articles):
                self.correct("move-article", art.id, i)
                self.w.select_id(art.id)

    def move_blocks_to(self) -> None:
        blocks = self._need(self.w.selected_blocks() or None, "no-block")
        if blocks:
            target = self.w.choose_article(
                self.tr("Move blocks to article"), self.w.current_article()
            )
            if target is not None:
                self.correct("move-blocks", [b.id for b in blocks], target.id, None)
                self.w.select_ids([b.id for b in blocks], current=blocks[0].id)

    def drop_blocks(self, ids: list, article_id: str, index: int) -> None:
        self.correct("move-blocks", list(ids), article_id, None if index < 0 else index)
        self.w.select_ids(list(ids), current=ids[0] if ids else None)

    def new_article(self) -> None:
        self.correct("new-article", self.w.raw_view.selected_lines())

    def assign_lines(self) -> None:
        lines = self.w.raw_view.selected_lines()
        target = self.w.choose_article(self.tr("Assign lines to article"))
        if target is not None:
            self.correct("assign-lines", lines, target.id)

    def edit_text(self) -> None:
        if self._need(self.w.current_block(), "no-block"):
            self.w.inspector.block_text.setFocus()

    def split_block(self) -> None:
        block = self._need(self.w.current_block(), "no-block")
        if block:
            self.correct("split-block", block.id, self.w.inspector.block_cursor_offset())

    def join_blocks(self) -> None:
        block = self._need(self.w.current_block(), "no-block")
        if block:
            self.correct("join-blocks", block.id)
            self.w.select_id(block.id)

    def reparse_byline(self) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.correct("reparse-byline", art.id)

    def set_people(self, people: list[Person]) -> None:
        art = self._need(self.w.current_article(), "no-article")
        if art:
            self.correct("set-people", art.id, people)

    def review_step(self, delta: int) -> None:
        self.w.review.step(delta)

    def take_alternative(self) -> None:
        self.w.review.accept_alternative()

    def check_decision(self) -> None:
        index = self.w.review.current_decision()
        if index is not None:
            self.correct("check-decision", index)
