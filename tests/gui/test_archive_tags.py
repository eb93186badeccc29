"""Tags in the window: rename and merge keep counts, undo everywhere, show in search."""

from __future__ import annotations

import pytest

from tests.gui.archive_data import open_library, wait_tags
from tests.gui.test_archive_search import search_for
from tests.gui.test_corrections import press, type_chinese

pytest.importorskip("editor.storage.library")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


def library_counts() -> dict[str, int]:
    with open_library() as lib:
        return dict(lib.tag_counts())


def test_rename_and_merge_keep_counts_undo_and_show_in_search(library_copy, window, qtbot):
    """Renaming and merging in the vocabulary dialog are undo steps seen by search and pages."""
    from editor.gui.vocabulary import VocabularyDialog

    w = window
    with open_library() as lib:
        trained = [r["id"] for r in lib.list_articles(tag="培训")]
        both = set(trained) & {r["id"] for r in lib.list_articles(tag="工会")}
        first = lib.list_articles(tag="培训")[0]
    assert len(both) == 2
    w.archive.open_article(first["page_id"], first["id"])
    qtbot.waitUntil(lambda: w.doc is not None and w.files.busy == 0, timeout=10000)
    assert "培训" in w.page().find_article(first["id"]).tags

    dialog = VocabularyDialog(w.archive, w)
    qtbot.addWidget(dialog)
    original = {"工会": 7, "培训": 4}
    assert dialog.counts() == original == library_counts()

    dialog.select_tags(["培训"])
    assert dialog.rename_button.isEnabled() and not dialog.merge_button.isEnabled()
    w.ask_tag = lambda title, label, vocabulary: "技能培训"
    dialog.rename_button.click()
    wait_tags(qtbot, w)
    renamed = {"工会": 7, "技能培训": 4}
    assert dialog.counts() == renamed == library_counts()
    assert "技能培训" in w.page().find_article(first["id"]).tags  # the open page follows
    assert {h.article_id for h in search_for(qtbot, w, "tag:技能培训")} == set(trained)
    assert search_for(qtbot, w, "tag:培训") == []

    dialog.select_tags(["工会", "技能培训"])
    assert dialog.merge_button.isEnabled()
    w.ask_tag = lambda title, label, vocabulary: "工会"
    dialog.merge_button.click()
    wait_tags(qtbot, w)
    merged = {"工会": 7 + 4 - len(both)}
    assert dialog.counts() == merged == library_counts()
    assert len(search_for(qtbot, w, "tag:工会")) == merged["工会"]

    undo, redo = w.actions.undo_action, w.actions.redo_action
    undo.trigger()
    wait_tags(qtbot, w)
    assert dialog.counts() == renamed == library_counts()
    undo.trigger()
    wait_tags(qtbot, w)
    assert dialog.counts() == original == library_counts()
    assert w.page().find_article(first["id"]).tags.count("培训") == 1
    assert {h.article_id for h in search_for(qtbot, w, "tag:培训")} == set(trained)
    redo.trigger()
    wait_tags(qtbot, w)
    redo.trigger()
    wait_tags(qtbot, w)
    assert dialog.counts() == merged == library_counts()
    assert w.archive.history.count() == 2
    dialog.undo_button.click()  # the dialog's own buttons act on the same steps
    wait_tags(qtbot, w)
    assert dialog.counts() == renamed == library_counts() and dialog.redo_button.isEnabled()
    dialog.redo_button.click()
    wait_tags(qtbot, w)
    assert dialog.counts() == merged == library_counts()


def test_vocabulary_dialog_opens_from_the_library_menu_without_blocking(library_copy, window):
    """Library → Tag vocabulary… shows one non-modal dialog listing the library's tags."""
    window.actions.vocabulary_action.trigger()
    dialog = window.actions.vocabulary_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.counts() == library_counts()
    window.actions.vocabulary_action.trigger()
    assert window.actions.vocabulary_dialog is dialog
    dialog.close()


def test_renaming_to_an_unknown_tag_source_is_a_message(library_copy, window, qtbot):
    """A tag gone from the library (renamed elsewhere) gives a message and no undo step."""
    window.archive.rename_tag("没有这个标签", "新标签")
    wait_tags(qtbot, window)
    assert window.errors and window.archive.history.count() == 0


def test_browser_tag_filter_completes_from_the_vocabulary(library_copy, window):
    """The tag filter's completer offers the library's tags."""
    window.archive.library_changed()
    completer = window.archive.browser.filter_edits["tag"].completer()
    model = completer.model()
    assert sorted(model.index(i, 0).data() for i in range(model.rowCount())) == ["培训", "工会"]


def test_inspector_tags_are_chips_with_suggestions_one_click_to_accept(win, qtbot):
    """The open article's people are suggested; a click adds one, × removes it, both undoable."""
    editor = win.inspector.tag_editor
    art = win.current_article()
    with qtbot.waitSignal(win.archive.suggestionsShown, timeout=15000):
        win.archive._suggest_timer.start(0)
    buttons = editor.suggestion_buttons()
    names = [p.name for p in art.people]
    assert names and any(names[0] in b.text() for b in buttons)
    next(b for b in buttons if names[0] in b.text()).click()
    assert art.tags == [names[0]] and editor.chip_texts() == [f"{names[0]} ×"]
    assert not any(names[0] in b.text() for b in editor.suggestion_buttons())
    editor.chips.itemAt(0).widget().click()
    assert art.tags == [] and editor.chip_texts() == []
    win.actions.undo_action.trigger()
    assert win.current_article().tags == [names[0]]


def test_tag_line_completes_from_the_vocabulary_and_adds_several(library_copy, win, qtbot):
    """Typing in the tag line offers the library's tags; several tags are added at once."""
    win.archive.library_changed()
    edit = win.inspector.tags_edit
    completer = edit.completer()
    completer.setCompletionPrefix("工")
    assert completer.currentCompletion() == "工会"
    type_chinese(edit, "工会、劳模")
    press(win, "Return", edit)
    assert win.current_article().tags == ["工会", "劳模"]
    assert win.inspector.tag_editor.chip_texts() == ["工会 ×", "劳模 ×"]


def test_a_browser_filtering_on_a_renamed_tag_follows_the_rename_and_its_undo(
        library_copy, window, qtbot):
    """After 培训 → 技能培训 the browser filtering on 培训 showed “0 篇稿件”: it follows the
    new name, and undo takes it back."""
    browser = window.archive.browser
    browser.set_filters(tag="培训")
    before = browser.articles.total()
    assert before == 4
    window.archive.rename_tag("培训", "技能培训")
    wait_tags(qtbot, window)
    assert browser.filters()["tag"] == "技能培训" and browser.articles.total() == before
    window.archive.history.undo()
    wait_tags(qtbot, window)
    assert browser.filters()["tag"] == "培训" and browser.articles.total() == before


def test_one_history_per_window_with_library_steps_marked(library_copy, window, qtbot):
    """Issue 15: a library-wide tag change is a step of the window's one history (the open
    page's), marked as the library's; clicking the tree no longer switches histories, the
    page is not made 'modified' by it, and Ctrl+Z undoes the latest step, whichever kind."""
    from tests.gui.test_corrections import press, select_article

    w = window
    with open_library() as lib:
        first = lib.list_articles(tag="培训")[0]
    w.archive.open_article(first["page_id"], first["id"])
    qtbot.waitUntil(lambda: w.doc is not None and w.files.busy == 0, timeout=10000)
    history = w.doc.undo_stack
    assert w.undo_group.activeStack() is history
    select_article(w, 0)
    press(w, "Ctrl+Shift+Down")  # a page correction
    assert w.doc.modified and history.count() == 1
    w.doc.mark_saved(w.doc.library_id, 1)
    w.archive.tag_articles([first["id"]], add=["海港"])
    wait_tags(qtbot, w)
    assert history.count() == 2 and history.text(1).startswith("Library: ")
    assert not w.doc.modified  # a library step does not make the page unsaved
    w.tree.setFocus()
    w.archive.browser.filter_edits["tag"].setFocus()  # focus in the library panel
    assert w.undo_group.activeStack() is history  # still the one history
    press(w, "Ctrl+Z")
    wait_tags(qtbot, w)
    with open_library() as lib:
        assert "海港" not in {t for r in lib.list_articles(tag="海港") for t in r["tags"]}
    assert history.index() == 1


def test_library_steps_outlive_the_page_whose_history_held_them(library_copy, window, qtbot):
    """A library tag change made while a page was open sat in that page's history and was
    lost (no longer undoable) when the page was closed: it now moves to the history the
    window shows next, and undoing it there takes the tag back off in the library."""
    w = window
    with open_library() as lib:
        first = lib.list_articles(tag="培训")[0]
    w.archive.open_article(first["page_id"], first["id"])
    qtbot.waitUntil(lambda: w.doc is not None and w.files.busy == 0, timeout=10000)
    w.archive.tag_articles([first["id"]], add=["海港"])
    wait_tags(qtbot, w)
    assert w.doc.undo_stack.count() == 1
    assert w.files.close_current()
    assert w.doc is None
    history = w.undo_group.activeStack()
    assert history is w.archive.history and history.count() == 1
    assert history.text(0) == w.archive.tr("Library: {change}").format(
        change=w.archive.tr("Tags {change} on {n} articles").format(change="+海港", n=1))
    with open_library() as lib:
        assert [r["id"] for r in lib.list_articles(tag="海港")] == [first["id"]]
    history.undo()
    wait_tags(qtbot, w)
    with open_library() as lib:
        assert lib.list_articles(tag="海港") == []
    history.redo()
    wait_tags(qtbot, w)
    with open_library() as lib:
        assert [r["id"] for r in lib.list_articles(tag="海港")] == [first["id"]]


def test_tag_changes_run_off_the_gui_thread_one_after_another(
        library_copy, window, qtbot, monkeypatch):
    """Issue 15: tag changes leave the GUI thread. Each library call runs in a worker; calls
    asked for at once run in the order asked (two undos pressed quickly leave neither tag),
    and the window says what it is doing meanwhile."""
    import threading

    from editor.gui import library

    w = window
    with open_library() as lib:
        first = lib.list_articles(tag="培训")[0]["id"]
    threads = []
    for name in ("set_tags", "restore_tags"):
        real = getattr(library, name)

        def spy(*args, real=real, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(library, name, spy)
    w.archive.tag_articles([first], add=["海港"])
    w.archive.tag_articles([first], add=["渔船"])
    assert w.archive.tag_busy == 2  # asked for, not done yet: the window is free
    wait_tags(qtbot, w)
    history = w.archive.history
    assert history.count() == 2
    with open_library() as lib:
        assert {"海港", "渔船"} <= set(lib.list_articles(tag="海港")[0]["tags"])
    history.undo()
    history.undo()
    assert w.archive.tag_busy == 2
    wait_tags(qtbot, w)
    with open_library() as lib:
        assert lib.list_articles(tag="海港") == [] and lib.list_articles(tag="渔船") == []
    assert threads == [False] * 4
