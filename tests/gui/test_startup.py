"""Start-up: the library panels are built when first shown, slow work waits for the first paint."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.archive_data import open_library

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _new_window(qtbot):
    from editor.gui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.errors = []
    w.show_error = lambda title, message: w.errors.append(message)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_hidden_library_panels_are_built_when_their_dock_is_shown(qtbot):
    """First start, no library: the docks are hidden and empty; View → Library builds the
    browser inside its dock, and it works like one built at once."""
    w = _new_window(qtbot)
    assert w.library_dock.isHidden() and w.search_dock.isHidden()
    assert w.archive._browser is None and w.archive._search is None
    w.library_dock.toggleViewAction().trigger()
    QApplication.processEvents()
    browser = w.archive._browser
    assert browser is not None and w.library_dock.widget() is browser and browser.isVisible()
    assert w.archive._search is None  # the tab behind it is not shown yet
    w.actions.search_action.trigger()
    QApplication.processEvents()
    assert w.search_dock.widget() is w.archive.search and w.archive.search.box.hasFocus()
    assert w.errors == []


def test_a_shown_browser_lists_the_library_after_the_first_paint(library_copy, qtbot):
    """With a library the browser dock shows at start; its lists fill after the first paint."""
    w = _new_window(qtbot)
    assert not w.library_dock.isHidden() and w.library_dock.widget() is w.archive._browser
    browser = w.archive.browser
    qtbot.waitUntil(lambda: browser.pages.rowCount() > 0, timeout=10000)
    with open_library() as lib:
        assert browser.articles.total() == lib.count_articles()
    assert w.errors == []


def test_restored_layout_builds_the_panel_of_the_raised_dock(library_copy, qtbot):
    """A saved layout with the search tab in front restores it, search panel built and shown."""
    w = _new_window(qtbot)
    w.archive.show_search()
    QApplication.processEvents()
    w.ask_unsaved = lambda names: "discard"
    w.close()
    w2 = _new_window(qtbot)
    QApplication.processEvents()
    assert w2.archive._search is not None and w2.archive.search.isVisible()
    assert w2.search_dock.widget() is w2.archive.search


def test_after_first_paint_runs_after_the_window_is_painted(qtbot):
    """Work queued for after the first paint runs once the window has been painted, and
    at once (next turn) when asked later."""
    from editor.gui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    ran = []
    w.after_first_paint(lambda: ran.append(w._after_paint is None))
    QApplication.processEvents()
    assert ran == []  # not shown, not painted
    w.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)
    w.after_first_paint(lambda: ran.append("later"))
    qtbot.waitUntil(lambda: ran == [True, "later"], timeout=5000)


def test_a_window_never_painted_still_gets_its_start_up_work(qtbot, monkeypatch):
    from editor.gui import mainwindow

    monkeypatch.setattr(mainwindow, "FIRST_PAINT_WAIT_MS", 50)
    w = mainwindow.MainWindow()
    qtbot.addWidget(w)
    ran = []
    w.after_first_paint(lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=5000)


def test_the_role_menu_lists_the_model_s_roles_in_order(window):
    """The role menu is built from theme.ROLE_KEYS (the model is not imported for the first
    window); it must name every role of the model, in the model's order."""
    from editor.core.model import ROLES
    from editor.gui import theme

    assert tuple(theme.ROLE_KEYS) == ROLES
    assert list(window.actions.role_actions) == list(ROLES)


def test_the_first_window_does_not_import_the_model_storage_or_importer(tmp_path):
    """A window on a normal start (layout saved) imports no page model, library or importer
    before it is shown: they load with the first page or library use."""
    import subprocess
    import sys

    first = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from editor.gui.mainwindow import MainWindow\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "w.save_layout()\n"
    )
    check = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from editor.gui.mainwindow import MainWindow\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('editor.core.model',"
        " 'editor.storage', 'editor.core.importer', 'editor.core.ops', 'editor.export',"
        " 'editor.gui.browser', 'editor.gui.search', 'editor.gui.commands',"
        " 'editor.gui.workers'))))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PAGEDESK_HOME": str(tmp_path),
        "PAGEDESK_LIBRARY": str(tmp_path / "library.sqlite"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    for code in (first, check):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert out.returncode == 0, out.stderr
    assert (tmp_path / "config" / "PageDesk" / "PageDesk.ini").exists()
    assert out.stdout.strip() == "[]"


def test_the_window_finds_the_library_file_where_storage_keeps_it(monkeypatch, tmp_path):
    """gui.library.library_file (no storage import) follows storage's default_library_path."""
    from editor.gui import library
    from editor.storage.library import default_library_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for chosen in (str(tmp_path / "a" / "lib.sqlite"), "~/b/lib.sqlite", "rel/lib.sqlite", None):
        if chosen is None:
            monkeypatch.delenv("PAGEDESK_LIBRARY")
        else:
            monkeypatch.setenv("PAGEDESK_LIBRARY", chosen)
        monkeypatch.chdir(tmp_path)
        assert library.library_file() == default_library_path()


def test_first_start_with_an_empty_library_file_hides_the_library_docks(qtbot):
    """The first-start guess (a library file exists: show the docks) is checked after the
    first paint: a library without pages gives the page the room, as with no library."""
    from editor.gui import library
    from editor.storage.library import Library

    with Library.open(library.library_file()):
        pass
    assert library.may_hold_pages() and library.is_empty()
    w = _new_window(qtbot)
    qtbot.waitUntil(lambda: w.library_dock.isHidden(), timeout=5000)
    assert w.search_dock.isHidden() and w.errors == []


def test_the_window_takes_the_command_lines_library_and_profile_options(tmp_path, monkeypatch):
    """`main.py --library PATH page.txt -platform offscreen`: the library option is the
    window's (not a page to open), pages are the rest, and Qt's own options go to Qt
    (issue 15: the README promised --library, the window took it for a file)."""
    from editor.gui.app import window_options

    args = window_options(["--library", "other.db", "page.txt", "-platform", "offscreen",
                           "--profile", "paper.toml"])
    assert args.library == "other.db" and args.profile == "paper.toml"
    assert args.files == ["page.txt"] and args.qt == ["-platform", "offscreen"]


def test_the_window_prints_its_version_and_options(capsys):
    import subprocess
    import sys

    from editor import __version__

    done = subprocess.run([sys.executable, "main.py", "--version"], capture_output=True,
                          text=True, timeout=60, cwd=os.path.dirname(os.path.dirname(
                              os.path.dirname(os.path.abspath(__file__)))))
    assert done.returncode == 0 and done.stdout.strip() == f"pagedesk {__version__}"
    helped = subprocess.run([sys.executable, "main.py", "--help"], capture_output=True,
                            text=True, timeout=60, cwd=os.path.dirname(os.path.dirname(
                                os.path.dirname(os.path.abspath(__file__)))))
    assert "--library" in helped.stdout and "--profile" in helped.stdout


def test_the_windows_library_option_is_the_library_of_the_whole_session(tmp_path,
                                                                          monkeypatch):
    from editor.gui import app as gui_app
    from editor.paths import library_file

    started = []

    class App:
        def exec(self):
            return 0

    monkeypatch.setattr(gui_app, "display_problem", lambda: None)
    monkeypatch.setattr(gui_app, "create_app", lambda qt: App())
    monkeypatch.setattr(gui_app, "start_window",
                        lambda files, profile=None: started.append((files, profile)))
    monkeypatch.setattr(gui_app, "_install_excepthook", lambda window: None)
    monkeypatch.delenv("PAGEDESK_LIBRARY", raising=False)
    assert gui_app.run(["--library", str(tmp_path / "other.db"), "p.txt"]) == 0
    assert started == [(["p.txt"], None)]
    assert library_file() == str(tmp_path / "other.db")
