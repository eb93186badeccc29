"""What each of the window's helpers may use of the main window.

Each helper (progress, preferences, exporter, files, archive, actions) is given the main
window typed as its own small host interface below, built from a few shared parts, instead
of the whole window. `tests/gui/test_window_api.py` reads each helper's code and fails when
it uses a member of the window its host does not list, or reaches into another helper's
private parts. The main window satisfies every host.
"""

from __future__ import annotations

from typing import Any, Protocol


class Messages(Protocol):
    """Questions and messages for the user (tests answer them) and the status bar."""

    def show_error(self, title: str, message: str) -> None: ...
    def show_info(self, title: str, message: str) -> None: ...
    def ask_yes_no(self, title: str, message: str) -> bool: ...
    def statusBar(self) -> Any: ...  # noqa: N802 (Qt's name)


class CurrentPage(Protocol):
    """The page being edited."""

    doc: Any  # the current PageDocument, or None


class OpenPages(CurrentPage, Protocol):
    """Every open page, and switching between them."""

    docs: list  # every open PageDocument

    def add_document(self, doc: Any) -> None: ...
    def remove_document(self, doc: Any) -> None: ...
    def set_current(self, doc: Any) -> None: ...
    def page_changed(self, focus: str | None) -> None: ...


class Selection(CurrentPage, Protocol):
    """What the editor has selected, and selecting something for them."""

    def page(self) -> Any: ...
    def current_article(self) -> Any: ...
    def current_block(self) -> Any: ...
    def selected_articles(self) -> list: ...
    def selected_blocks(self) -> list: ...
    def select_id(self, ident: str) -> None: ...
    def select_ids(self, idents: list[str]) -> None: ...
    def select_line_owner(self, line: int) -> None: ...


class ProgressHost(Messages, Protocol):
    """`progress.Progress`: report, fail, and bring the window back to the front."""

    def activateWindow(self) -> None: ...  # noqa: N802


class PrefsHost(Messages, Protocol):
    """`prefs.Preferences`: a changed setting reruns the search."""

    archive: Any


class ExportHost(Messages, CurrentPage, Protocol):
    """`exportdialog.Exporter`: what to export, and where."""

    def selected_articles(self) -> list: ...
    def ask_export(self, *args: Any, **kwargs: Any) -> Any: ...


class FilesHost(Messages, OpenPages, Protocol):
    """`files.Files`: open, save and close pages."""

    archive: Any
    inspector: Any
    raw_view: Any
    library_dock: Any

    def ask_unsaved(self, names: list[str]) -> str: ...


class ArchiveHost(Messages, OpenPages, Protocol):
    """`archive.Archive`: the library, browser, search and tag docks."""

    files: Any
    inspector: Any
    raw_view: Any
    tree: Any
    library_dock: Any
    search_dock: Any

    def select_id(self, ident: str) -> None: ...
    def ask_tag(self, title: str, label: str, vocabulary: list[str]) -> str | None: ...
    def ask_import_meta(self) -> dict | None: ...
    def add_dock(self, name: str, title: str, widget: Any, area: Any) -> Any: ...
    def after_first_paint(self, fn: Any) -> None: ...
    def resizeDocks(self, docks: list, sizes: list, orientation: Any) -> None: ...  # noqa: N802
    def tabifyDockWidget(self, first: Any, second: Any) -> None: ...  # noqa: N802


class ActionsHost(Messages, Selection, Protocol):
    """`actions.Actions`: the menus and keys, which reach every panel."""

    tree: Any
    model: Any
    raw_view: Any
    inspector: Any
    review: Any
    picture: Any
    undo_group: Any
    files: Any
    archive: Any
    library_dock: Any
    search_dock: Any
    review_dock: Any
    history_dock: Any
    pages_dock: Any

    def choose_article(self, title: str, exclude: Any = None) -> Any: ...
    def menuBar(self) -> Any: ...  # noqa: N802
    def addAction(self, action: Any) -> None: ...  # noqa: N802
    def close(self) -> bool: ...


HOSTS = {"progress.py": ProgressHost, "prefs.py": PrefsHost, "exportdialog.py": ExportHost,
         "files.py": FilesHost, "archive.py": ArchiveHost, "actions.py": ActionsHost}


def members(host: type) -> set[str]:
    """Every member a host interface declares, its parts' included."""
    out: set[str] = set()
    for cls in host.__mro__:
        if cls in (object, Protocol) or cls.__module__ != __name__:
            continue
        out |= set(vars(cls).get("__annotations__", {}))
        out |= {name for name, value in vars(cls).items()
                if not name.startswith("_") and callable(value)}
    return out
