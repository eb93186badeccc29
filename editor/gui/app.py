"""Starting the window: `python main.py [FILE…]`.

Checks that a display can be opened before Qt would abort, installs the
interface language, shows the window at once and only then does the slow
work: restoring autosaved pages, opening the given files (or, for a first
run with an empty library, the sample page) and loading jieba in a worker.
An unexpected error in the window becomes a message box and a traceback in
the rotating log file (`editor.logs`), never a traceback on the terminal.
"""

from __future__ import annotations

import logging
import os
import sys

from editor import logs
from editor.paths import resource_dir

SAMPLE = resource_dir() / "samples" / "guangdong-jishi-p13.txt"
NO_DISPLAY = (
    "PageDesk: no graphical display is available here ({reason}). "
    "Use the command line instead: python -m editor --help"
)


def display_problem() -> str | None:
    """Why a window cannot open here, or None. Qt itself would abort the process."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return None
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") and platform.startswith("wayland"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        if os.environ.get("WAYLAND_DISPLAY"):
            return None
        return "DISPLAY is not set"
    import ctypes

    try:  # the usual soname first: find_library runs ldconfig, a subprocess, at every start
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError:
        import ctypes.util

        name = ctypes.util.find_library("X11")
        if name is None:
            return None  # cannot check; let Qt try
        try:
            x11 = ctypes.CDLL(name)
        except OSError:
            return None
    try:
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        handle = x11.XOpenDisplay(None)
        if not handle:
            return f"cannot connect to display {display}"
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay(handle)
    except (OSError, AttributeError):
        return None
    if not platform.startswith("wayland"):
        try:  # Qt's xcb plugin aborts without it (Qt >= 6.5)
            ctypes.CDLL("libxcb-cursor.so.0")
        except OSError:
            return (
                "Qt's X11 support needs the libxcb-cursor0 library: apt-get install libxcb-cursor0"
            )
    return None


def _install_excepthook(window_getter) -> None:
    """An unexpected error in the window: its traceback to the log file (`editor.logs`),
    a message box naming that file, and the window goes on."""
    from PySide6.QtCore import QCoreApplication

    logs.setup()  # (no change when set up already)

    def hook(exc_type, exc, tb):
        log = logging.getLogger(logs.LOGGER)
        if issubclass(exc_type, KeyboardInterrupt):
            log.info("Interrupted (Ctrl+C): quitting")
            QCoreApplication.quit()
            return
        log.error("Unexpected error: %s", exc, exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QMessageBox

        path = logs.log_path()
        if path is not None:
            message = QCoreApplication.translate(
                "App",
                "Something went wrong: {error}\n\nYour page is still open; the details are "
                "in the log file:\n{path}",
            )
        else:
            message = QCoreApplication.translate(
                "App",
                "Something went wrong: {error}\n\nYour page is still open, but the details "
                "could not be logged: the log file cannot be written.",
            )
        QMessageBox.critical(
            window_getter(),
            QCoreApplication.translate("App", "PageDesk"),
            message.format(error=exc, path=path),
        )

    sys.excepthook = hook


def about_text() -> str:
    """What the About box says: the version, Qt's, the library file and the log file."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qVersion

    from editor import __version__
    from editor.paths import library_file

    path = logs.setup()  # (no change once set up: the file this session writes)
    if logs.log_path() is None:
        log = QCoreApplication.translate("App", "{path} (cannot be written)").format(path=path)
    else:
        log = str(path)
    return QCoreApplication.translate(
        "App",
        "PageDesk {version}\nNewspaper page text to a structured article tree.\n\n"
        "Qt {qt}, PySide6 {pyside}\n\nLibrary file:\n{library}\n\nLog file:\n{log}",
    ).format(version=__version__, qt=qVersion(), pyside=pyside_version,
             library=library_file(), log=log)


def about_box(parent=None):
    """The About box, built but not shown (`show_about` shows it); its text can be selected
    and copied (the paths)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("App", "About PageDesk"))
    box.setIconPixmap(window_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent=None) -> None:
    """Help → About PageDesk."""
    about_box(parent).exec()


def window_icon():
    """PageDesk's icon at every size of the icon set (resources/icons)."""
    from PySide6.QtGui import QIcon

    from editor.commands.desktop import ICON_SIZES

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_dir() / "icons" / f"pagedesk-{size}.png"))
    return icon


def create_app(argv: list[str]):
    """The QApplication with names and interface language set."""
    from PySide6.QtWidgets import QApplication

    from . import settings

    app = QApplication.instance() or QApplication(["pagedesk", *argv])
    app.setOrganizationName(settings.ORG)
    app.setApplicationName(settings.APP)
    app.setApplicationDisplayName("PageDesk 版面校对台")
    app.setDesktopFileName("pagedesk")  # (pagedesk.desktop: the menu entry's icon and name)
    app.setWindowIcon(window_icon())
    settings.install_translators(app, settings.effective_language())
    if settings.user_dict_setting():  # before jieba loads (in a worker after the window shows)
        from .prefs import apply_saved_user_dict

        apply_saved_user_dict()
    return app


def start_window(files: list[str], open_sample: bool | None = None,
                 profile: str | None = None):
    """Create and show the main window, then schedule start-up work after its first paint.
    `profile`: a paper profile given on the command line, instead of the preferences'."""
    from .mainwindow import MainWindow
    from .prefs import apply_profile_file, apply_saved_profile

    window = MainWindow()
    # before any page is segmented
    profile_problem = apply_profile_file(profile) if profile else apply_saved_profile()
    window.show()
    if profile_problem:
        window.statusBar().showMessage(profile_problem, 15000)

    def after_show():
        from . import library, workers

        window.files.offer_recovery()
        if files:
            window.files.open_paths(files)
        elif not window.docs and (open_sample if open_sample is not None else library.is_empty()):
            if SAMPLE.exists():
                window.files.open_paths([str(SAMPLE)])
        if window.files.busy == 0:  # opening a page loads jieba anyway; else get it ready now
            workers.start(workers.Task(workers.warm_up_jieba))

    window.after_first_paint(after_show)
    return window


def window_options(argv: list[str]):
    """The window's own options, the same as the command line's where they mean the same
    (`--library PATH`, `--profile FILE`, `--version`), and the page files to open; options
    it does not know go on to Qt (`-platform …`). Exits with a message on a bad option."""
    import argparse

    from editor import __version__
    from editor.cli import PROFILE_ENV

    parser = argparse.ArgumentParser(
        prog="pagedesk-gui", description="PageDesk (版面校对台): the window.")
    parser.add_argument("files", nargs="*", metavar="PAGE", help="page files (.txt, .pdf)")
    parser.add_argument("--library", metavar="PATH",
                        help="library file (default: PAGEDESK_LIBRARY or the user data folder)")
    parser.add_argument("--profile", metavar="FILE",
                        help=f"the paper's profile (TOML) (default: ${PROFILE_ENV} or the "
                             "preferences)")
    parser.add_argument("--version", action="version", version=f"pagedesk {__version__}")
    args, rest = parser.parse_known_args(argv)
    args.qt = rest
    return args


def run(argv: list[str]) -> int:
    args = window_options(argv)
    if args.library:  # for the whole session, as PAGEDESK_LIBRARY would
        os.environ["PAGEDESK_LIBRARY"] = os.path.abspath(args.library)
    if args.profile:
        from editor.cli import PROFILE_ENV

        os.environ[PROFILE_ENV] = os.path.abspath(args.profile)  # pages segmented in workers
    problem = display_problem()
    if problem:
        print(NO_DISPLAY.format(reason=problem), file=sys.stderr)
        return 2
    logs.setup()  # the log file, before anything can go wrong in the window
    app = create_app(args.qt)
    window = start_window(args.files, profile=args.profile)
    _install_excepthook(lambda: window)
    return app.exec()
