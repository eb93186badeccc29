"""Preferences: the user's own jieba dictionary, then rebuilding the search index in a worker."""

from __future__ import annotations

import pytest

from tests.gui.archive_data import open_library

pytest.importorskip("editor.storage.library")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _choose(window, qtbot, row: str, path: str):
    """Open the preferences, put `path` in one file row (user_dict or profile), press OK."""
    from editor.gui.prefs import PreferencesDialog

    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    getattr(dialog, row).edit.setText(path)
    dialog.accept()
    return dialog


@pytest.fixture
def restore_user_dict():
    from editor.core import tokens

    yield
    tokens.set_user_dict(None)


def test_user_dictionary_is_stored_applied_and_the_index_rebuilt(
    library_copy, window, qtbot, tmp_path, restore_user_dict
):
    """A dictionary chosen in the preferences reaches jieba; accepting the offer re-indexes all."""
    from editor.core import tokens
    from editor.gui import settings

    words = tmp_path / "mine.dict"
    words.write_text("琶洲鲸歌湾 20 ns\n", encoding="utf-8")
    dialog = _choose(window, qtbot, "user_dict", str(words))
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.dictionary_changed
    assert settings.user_dict_setting() == str(words)
    assert "琶洲鲸歌湾" in tokens.cut("他们去了琶洲鲸歌湾参观")

    asked = []
    window.ask_yes_no = lambda title, message: asked.append(title) or True
    reindexer = window.archive.reindexer
    shown = []  # (pages done, the dialog's maximum) as each page's progress arrives
    real_progress = reindexer._progress

    def progress(done, total, label=""):
        dialog = reindexer.progress.dialog  # (a modal dialog's setValue may run the end meanwhile)
        real_progress(done, total, label)
        shown.append((done, dialog.maximum()))

    reindexer._progress = progress
    reindexer.offer()
    assert asked
    qtbot.waitUntil(lambda: not reindexer.busy, timeout=20000)
    with open_library() as lib:
        pages = lib.stats()["pages"]
    # a percentage, not a busy bar: one step per page, each out of the library's pages
    assert pages > 1 and sorted(d for d, _ in shown) == list(range(1, pages + 1))
    assert all(m == pages for _, m in shown)
    with open_library() as lib:
        n = lib.stats()["articles"]
    assert window.statusBar().currentMessage().endswith(f"{n} articles.")
    assert window.errors == []


def test_an_unreadable_dictionary_keeps_the_dialog_open(window, qtbot, tmp_path, restore_user_dict):
    """A file that is not UTF-8 text is refused with a message; nothing is stored."""
    from editor.gui import settings

    bad = tmp_path / "bad.dict"
    bad.write_bytes("词语 3\n".encode("gb18030") + b"\xff\xfe\x00")
    dialog = _choose(window, qtbot, "user_dict", str(bad))
    assert dialog.result() != dialog.DialogCode.Accepted and not dialog.dictionary_changed
    assert dialog.user_dict.problem.text() and settings.user_dict_setting() == ""


def test_archive_panels_in_chinese(qapp, qtbot):
    """The library panel, search and Library menu are translated like the rest of the window."""
    from editor.gui import settings
    from editor.gui.mainwindow import MainWindow

    assert settings.install_translators(qapp, "zh_CN")
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        assert w.library_dock.windowTitle() == "资料库" and w.search_dock.windowTitle() == "检索"
        assert w.archive.browser.add_tag_button.text() == "添加标签…"
        assert w.actions.search_action.text() == "在资料库中查找(&F)…"
        assert w.actions.export_action.text() == "导出(&E)…"
    finally:
        settings.install_translators(qapp, "en")


@pytest.fixture
def restore_profile():
    from editor.core.profile import use_profile

    yield
    use_profile(None)


PROFILE_PAGE = (
    "防汛准备全面展开\n\n"
    "临江日报讯（首席记者 罗晓岚）今年汛期以来，全市雨水偏多，各地提前检查堤防。\n"
)


def test_a_paper_profile_is_stored_applied_and_applied_again_at_start(
    window, qtbot, tmp_path, restore_profile
):
    """A profile chosen in the preferences is what the importer reads from then on, and
    again when PageDesk starts; clearing it restores the general conventions."""
    from editor.core.importer import segment_text
    from editor.core.profile import active_profile, use_profile
    from editor.gui import settings
    from editor.gui.prefs import PreferencesDialog, apply_saved_profile

    def dateline():
        return segment_text(PROFILE_PAGE).articles[0].dateline

    assert dateline() is None
    profile = tmp_path / "linjiang.toml"
    profile.write_text('name = "临江日报"\nown_papers = ["临江日报"]\n', encoding="utf-8")
    dialog = _choose(window, qtbot, "profile", str(profile))
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.profile_setting() == str(profile) and dateline() == "临江日报讯"

    use_profile(None)  # as at a new start
    assert apply_saved_profile() is None and active_profile().name == "临江日报"
    assert dateline() == "临江日报讯"

    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.profile.path() == str(profile)
    dialog.profile.edit.clear()
    dialog.accept()
    assert settings.profile_setting() == "" and active_profile() is None and dateline() is None


def test_a_bad_profile_keeps_the_dialog_open_and_the_profile_in_use(
    window, qtbot, tmp_path, restore_profile
):
    from editor.gui import settings
    from editor.gui.prefs import apply_saved_profile

    bad = tmp_path / "bad.toml"
    bad.write_text('bulets = "◉"\n', encoding="utf-8")
    dialog = _choose(window, qtbot, "profile", str(bad))
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "bulets" in dialog.profile.problem.text() and settings.profile_setting() == ""
    settings.set_profile_setting(str(tmp_path / "gone.toml"))  # a saved profile since deleted
    try:
        problem = apply_saved_profile()
        assert problem and "gone.toml" in problem
    finally:
        settings.set_profile_setting("")
