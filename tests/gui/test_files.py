"""Pages into and out of the window: files, clipboard, drops, recent files, recovery, start-up."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from editor.core.pagejson import page_to_dict
from editor.gui import settings
from tests.conftest import ROOT, SAMPLE_TXT
from tests.gui.test_corrections import press, select_block


def _wait_idle(qtbot, w, docs: int):
    qtbot.waitUntil(lambda: len(w.docs) == docs and w.files.busy == 0, timeout=20000)


def test_open_several_files_reports_each_bad_one_and_opens_the_rest(window, qtbot, tmp_path):
    """A batch with an empty and a binary file opens the good pages and names each bad file."""
    good = tmp_path / "p2.txt"
    good.write_text("第二版\n\n本报讯 今天天气很好。\n", encoding="gb18030")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    paths = [str(SAMPLE_TXT), str(tmp_path / "empty.txt"), str(good), str(tmp_path / "image.txt")]
    window.files.open_paths(paths)
    _wait_idle(qtbot, window, 2)
    assert [d.page.source.file for d in window.docs] == ["guangdong-jishi-p13.txt", "p2.txt"]
    assert window.docs[1].page.source.encoding == "gb18030"
    assert len(window.errors) == 1
    assert "empty.txt: The file is empty." in window.errors[0] and "image.txt" in window.errors[0]
    assert "Traceback" not in window.errors[0]
    assert settings.recent_files()[:2] == [str(good), str(SAMPLE_TXT)]
    assert window.page_list.count() == 2 and window.doc is window.docs[1]


def test_new_page_from_clipboard(window, qtbot):
    QApplication.clipboard().setText("头版\n\n新闻标题\n本报讯 正文第一段。\n")
    window.actions.paste_action.trigger()
    _wait_idle(qtbot, window, 1)
    assert window.page().raw == "头版\n\n新闻标题\n本报讯 正文第一段。\n"
    assert window.windowTitle().startswith("Pasted page")


def test_a_pasted_page_is_unsaved_until_it_is_in_the_library(window, qtbot, monkeypatch):
    """Pasted text is kept nowhere else: closing the window (Ctrl+Q) asks first, and a
    pasted page saved to the library no longer counts as unsaved."""
    QApplication.clipboard().setText("头版\n\n新闻标题\n本报讯 正文第一段。\n")
    window.actions.paste_action.trigger()
    _wait_idle(qtbot, window, 1)
    assert window.doc.modified and window.isWindowModified()
    asked = []
    window.ask_unsaved = lambda names: asked.append(names) or "cancel"
    assert window.files.close_all() is False and len(asked) == 1
    window.doc.mark_saved("p1", 1)
    assert not window.doc.modified and not window.isWindowModified()
    assert window.files.close_all() is True and len(asked) == 1


def test_a_pasted_text_longer_than_any_page_is_refused_with_a_message(window, qtbot,
                                                                      monkeypatch):
    """Over reader.MAX_CHARS (here made small): one message naming the text, no page."""
    from editor.core import reader

    monkeypatch.setattr(reader, "MAX_CHARS", 10)
    QApplication.clipboard().setText("头版\n\n新闻标题\n本报讯 正文第一段。\n")
    window.actions.paste_action.trigger()
    qtbot.waitUntil(lambda: window.files.busy == 0 and window.errors != [], timeout=20000)
    assert window.docs == [] and "text" in window.errors[0]
    assert "at most 2 MB" in window.errors[0] and "at most 10 characters" in window.errors[0]


def test_files_dropped_on_the_window_open(window, qtbot):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SAMPLE_TXT))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    _wait_idle(qtbot, window, 1)
    assert window.page().source.file == SAMPLE_TXT.name


def test_autosave_then_restore_after_a_crash(win, qtbot):
    """Modified pages go to a recovery file; the next start restores them exactly, still unsaved."""
    from editor.core import ops

    select_block(win, 0, 4)
    press(win, "X")  # an unassigned block with a typed correction: the exact model must survive
    block = win.page().unassigned[0]
    win.doc.apply("edit-text", ops.edit_text, block.id, "为灯饰业鼓与呼")
    win.page().articles[1].confidence = 0.123456
    win.files.autosave()
    files = win.files.recovery_files()
    assert len(files) == 1
    expected = copy.deepcopy(win.page())
    _crash(win)
    w2 = _second_window(qtbot)
    assert w2.files.offer_recovery() == 1
    assert w2.page() == expected and w2.doc.modified and w2.isWindowModified()
    assert files[0] not in _all_recovery_files()
    w2.close()
    assert w2.files.recovery_files() == [] and _all_recovery_files() == []


def _crash(w) -> None:
    """The window's process dies: its autosave stays, its lock is gone with the process."""
    w.files.autosave_timer.stop()
    w.files.lock.unlock()


def _second_window(qtbot, answer: bool = True):
    from editor.gui.mainwindow import MainWindow

    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.asked = []
    w2.ask_yes_no = lambda title, message: w2.asked.append(message) or answer
    w2.ask_unsaved = lambda names: "discard"
    return w2


def _all_recovery_files() -> list[str]:
    from editor.gui import settings

    root = settings.recovery_dir()
    return sorted(os.path.join(d, f) for d, _s, names in os.walk(root) for f in names
                  if f.endswith(".json"))


def test_declining_recovery_removes_the_files(win, qtbot):
    select_block(win, 0, 4)
    press(win, "P")
    win.files.autosave()
    _crash(win)
    w2 = _second_window(qtbot, answer=False)
    assert w2.files.offer_recovery() == 0 and w2.asked
    assert _all_recovery_files() == []


def test_a_second_window_leaves_the_running_windows_autosave_alone(win, qtbot):
    """A second window starts while the first has unsaved work autosaved: no question, and
    the first window's recovery file stays; once the first crashes, it is offered."""
    select_block(win, 0, 4)
    press(win, "P")
    win.files.autosave()
    mine = win.files.recovery_files()
    assert len(mine) == 1
    w2 = _second_window(qtbot, answer=False)
    assert w2.files.offer_recovery() == 0 and w2.asked == []
    assert win.files.recovery_files() == mine
    _crash(win)
    w3 = _second_window(qtbot)
    assert w3.files.offer_recovery() == 1 and w3.asked


def test_closing_with_unsaved_changes_asks_and_can_be_cancelled(win):
    select_block(win, 0, 4)
    press(win, "P")
    asked = []
    win.ask_unsaved = lambda names: asked.append(names) or "cancel"
    assert not win.close()
    assert asked == [["guangdong-jishi-p13.txt"]] and win.isVisible()
    win.ask_unsaved = lambda names: "discard"
    assert win.close()


def test_layout_persists_between_windows(window, qtbot):
    from editor.gui.mainwindow import MainWindow

    window.splitter.setSizes([300, 0, 900])  # raw text, page picture (PDF pages), tree
    window.review_dock.hide()
    sizes = window.splitter.sizes()
    window.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.show()
    assert all(
        abs(a - b) <= 4 for a, b in zip(w2.splitter.sizes(), sizes, strict=True)
    )  # frame rounding
    assert w2.splitter.sizes()[0] < w2.splitter.sizes()[2] / 2  # not the default split
    assert w2.review_dock.isHidden()


def test_first_start_with_an_empty_library_opens_the_sample(qtbot):
    """`python main.py` with no file and no library shows the sample page."""
    from editor.gui.app import start_window

    w = start_window([])
    qtbot.addWidget(w)
    w.ask_unsaved = lambda names: "discard"
    _wait_idle(qtbot, w, 1)
    assert w.page().source.file == SAMPLE_TXT.name and w.page().articles


def test_main_without_a_display_says_so_in_one_line():
    """Without a display, main.py prints one line pointing to the command line and exits 2."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "python -m editor" in lines[0] and proc.stdout == ""


def test_main_with_an_unreachable_display_says_so_in_one_line():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = ":97"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and ":97" in proc.stderr


def test_raw_text_is_shown_while_the_page_is_segmented(window, qtbot):
    """The first file's raw text reaches the raw view before segmentation; an open page is kept."""
    from editor.gui import workers

    class Recorder:
        previews: list[str] = []

        def __call__(self, done, total, label=""):
            pass

        def preview(self, text):
            self.previews.append(text)

    result = workers.open_files([str(SAMPLE_TXT)])(Recorder())
    assert Recorder.previews == [SAMPLE_TXT.read_text(encoding="utf-8")]
    assert result.pages[0][1].raw == Recorder.previews[0]
    window.files._preview("第一行\n第二行\n")
    assert window.raw_view.toPlainText() == "第一行\n第二行" and window.docs == []
    window.files.open_paths([str(SAMPLE_TXT)])
    _wait_idle(qtbot, window, 1)
    window.files._preview("别的版面\n")
    assert window.raw_view.toPlainText().startswith(window.page().raw_lines()[0])


def test_opening_a_file_already_in_the_library_offers_the_corrected_version(win, qtbot):
    """The same file again: yes opens the saved corrections; no keeps one library page."""
    from editor.gui import library

    page = win.page()
    select_block(win, 0, 4)
    press(win, "P")
    library.save_page(page)
    saved = page_to_dict(page)
    asked = []
    win.ask_yes_no = lambda title, message: asked.append(message) or True
    win.files.open_paths([str(SAMPLE_TXT)])
    _wait_idle(qtbot, win, 2)
    assert len(asked) == 1 and "guangdong-jishi-p13.txt" in asked[0]
    assert page_to_dict(win.page()) == saved
    win.ask_yes_no = lambda title, message: False
    win.files.open_paths([str(SAMPLE_TXT)])
    _wait_idle(qtbot, win, 3)
    assert win.page().id == page.id and win.page().source.file == SAMPLE_TXT.name
    assert page_to_dict(win.page()) != saved  # the importer's own reading


def test_missing_xcb_cursor_library_is_named(monkeypatch):
    """An X display but no libxcb-cursor (Qt would abort): the message names the package."""
    import ctypes
    import ctypes.util

    from editor.gui import app

    real = ctypes.CDLL

    def fake_cdll(name, *args, **kwargs):
        if "xcb-cursor" in str(name):
            raise OSError("not found")
        return real(name, *args, **kwargs)

    class FakeX11:
        class _Fn:
            def __init__(self, value):
                self.value = value
                self.restype = self.argtypes = None

            def __call__(self, *args):
                return self.value

        XOpenDisplay = _Fn(1234)
        XCloseDisplay = _Fn(0)

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "libX11.so.6")
    monkeypatch.setattr(
        ctypes, "CDLL", lambda name, *a, **k: FakeX11() if "X11" in name else fake_cdll(name)
    )
    assert "libxcb-cursor0" in app.display_problem()


def test_a_lock_left_by_a_process_that_died_marks_its_autosave_as_a_crash(win, qtbot):
    """A real crash: another process takes its recovery folder's lock, writes an autosave
    (here: a copy of this window's) and dies without unlocking. Its stale lock (the process
    no longer runs) makes the autosave a crash's, offered at the next start."""
    from editor.gui import settings

    select_block(win, 0, 4)
    press(win, "P")
    win.files.autosave()
    (mine,) = win.files.recovery_files()
    root = settings.recovery_dir()
    folder = os.path.join(root, "dead-session")
    os.makedirs(folder)
    with open(mine, encoding="utf-8") as src, open(os.path.join(folder, "p.json"), "w",
                                                     encoding="utf-8") as dst:
        dst.write(src.read())
    code = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
            "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, folder + ".lock"], check=True, timeout=60)
    assert os.path.exists(folder + ".lock")  # left behind by the dead process
    w2 = _second_window(qtbot)
    assert w2.files.offer_recovery() == 1
    assert not os.path.exists(folder) and not os.path.exists(folder + ".lock")
    assert win.files.recovery_files() == [mine]  # the running window's own is untouched


def test_a_page_opened_in_the_window_gets_its_date_from_the_file_name_as_an_import_does(
        window, qtbot, tmp_path):
    """One route from file to page (issue 15): the window, `pagedesk import` and batch
    import guess the same metadata; here the date in the file's name."""
    from editor.core.importer import import_pages

    page = tmp_path / "临江日报-2025-04-14-第3版.txt"
    text = "社区书屋座无虚席\n\n　　城东新开的社区书屋每天都有不少居民前来借书看报。\n"
    page.write_text(text, encoding="utf-8")
    window.files.open_paths([str(page)])
    _wait_idle(qtbot, window, 1)
    assert window.page().meta.date == "2025-04-14"
    assert import_pages(page)[0].meta == window.page().meta


def test_the_window_title_ends_with_the_display_name_once(window, qtbot):
    """Qt appends the application's display name to a title that does not end with it: the
    title ends with it, so the title bar names the program once."""
    app = QApplication.instance()
    old = app.applicationDisplayName()
    app.setApplicationDisplayName("PageDesk 版面校对台")
    try:
        QApplication.clipboard().setText("头版\n\n新闻标题\n本报讯 正文第一段。\n")
        window.actions.paste_action.trigger()
        _wait_idle(qtbot, window, 1)
        title = window.windowTitle()
        assert title.endswith("PageDesk 版面校对台") and title.count("版面校对台") == 1
    finally:
        app.setApplicationDisplayName(old)


def test_saving_a_page_without_a_date_asks_once_and_no_leads_to_the_date(win, qtbot):
    """A page saved without a date is hard to find in an archive: saving asks; No puts the
    cursor in the page's date (the inspector shows the page's box first), Yes saves and is
    not asked again for that page."""
    win.doc.page.meta.date = None
    asked = []
    win.ask_yes_no = lambda title, message: asked.append(message) or False
    assert win.files.save(win.doc) is False and len(asked) == 1
    assert win.inspector.meta_edits["date"].hasFocus()
    layout = win.inspector.widget().layout()
    assert layout.itemAt(0).widget().isAncestorOf(win.inspector.meta_edits["date"])
    win.ask_yes_no = lambda title, message: asked.append(message) or True
    win.files.save(win.doc)
    qtbot.waitUntil(lambda: win.files.busy == 0, timeout=20000)
    assert win.doc.dateless_ok and len(asked) == 2
    win.files.save(win.doc)
    qtbot.waitUntil(lambda: win.files.busy == 0, timeout=20000)
    assert len(asked) == 2


def test_opening_one_file_shows_a_busy_bar_and_can_be_cancelled(window, qtbot, monkeypatch):
    """One slow file: a progress dialog with a busy bar and Cancel; cancelling frees the
    window at once and the page that arrives later is dropped, not opened."""
    import threading

    from PySide6.QtCore import QThreadPool

    from editor.gui import workers

    gate = threading.Event()
    real = workers.open_files

    def slow(paths):
        work = real(paths)
        return lambda report: gate.wait(20) and work(report)

    monkeypatch.setattr(workers, "open_files", slow)
    window.files.open_paths([str(SAMPLE_TXT)])
    dialog = window.files.progress.dialog
    assert dialog is not None and dialog.maximum() == 0  # a busy bar: one file
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()  # Cancel, as the editor presses it
    assert window.files.busy == 0 and window.files.progress.dialog is None
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(20000)
    QApplication.processEvents()
    assert window.docs == [] and window.errors == []


def test_every_progress_dialog_of_the_window_comes_from_one_class(window):
    """Opening, importing, exporting and rebuilding the index share gui/progress.Progress
    (busy state, status message, dialog, cancel): no other module builds a progress dialog,
    and a report of more steps than a task's threshold shows one."""
    gui = ROOT / "editor" / "gui"
    makers = sorted(p.name for p in gui.glob("*.py") if "QProgressDialog(" in p.read_text(
        encoding="utf-8"))
    assert makers == ["progress.py"]
    progress = window.archive.exporter.progress
    progress.begin("导出中…")
    assert progress.busy == 1 and progress.dialog is None  # a short export: no dialog
    progress.step(1, 40)
    assert progress.dialog is not None and progress.dialog.maximum() == 40
    progress.end()
    assert progress.busy == 0 and progress.dialog is None


def test_a_background_task_ends_its_busy_state_before_its_result_or_error_is_handled(
        window, qtbot):
    """Progress.run owns a slow task to its end: the busy state is over when on_done runs,
    and a failure is one message (a clear sentence, no traceback) titled as asked."""
    from editor.gui.progress import Progress

    progress = Progress(window)
    seen = []
    progress.run("做事中…", lambda report: report(1, 2) or 42,
                 lambda result: seen.append((result, progress.busy)))
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == [(42, 0)]

    def broken(_report):
        raise ValueError("坏了")

    progress.run("做事中…", broken, seen.append, error_title="出错了")
    qtbot.waitUntil(lambda: progress.busy == 0 and bool(window.errors), timeout=10000)
    assert len(window.errors) == 1 and "坏了" in window.errors[0]
    assert "Traceback" not in window.errors[0] and seen == [(42, 0)]
