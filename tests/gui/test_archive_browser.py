"""The library browser: lazy models that pass Qt's model tester and show the library's rows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.archive_data import open_library

pytest.importorskip("editor.storage.library")

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _all_rows(model):
    while model.canFetchMore():
        model.fetchMore()
    return [model.row(i) for i in range(model.rowCount())]


def test_page_tree_and_article_list_pass_the_model_tester(library_copy, qtmodeltester, qtbot):
    """Both lazy models are consistent while they fetch chunks (small chunks force several)."""
    from editor.gui import browsermodel

    browsermodel.CHUNK, old = 3, browsermodel.CHUNK
    try:
        pages = browsermodel.PageTreeModel()
        pages.set_filters({})
        qtmodeltester.check(pages)
        while pages.canFetchMore():
            pages.fetchMore()
        with open_library() as lib:
            assert pages.loaded_pages() == len(lib.list_pages())
        qtmodeltester.check(pages)
        articles = browsermodel.ArticleListModel()
        articles.set_filters({"section": "综合"})
        assert articles.rowCount() == 0 and articles.total() > 3  # nothing read yet
        articles.fetchMore()
        assert articles.rowCount() == 3
        qtmodeltester.check(articles)
        while articles.canFetchMore():
            articles.fetchMore()
        qtmodeltester.check(articles)
        with open_library() as lib:
            assert articles.rowCount() == lib.count_articles(section="综合")
    finally:
        browsermodel.CHUNK = old


def test_page_tree_groups_pages_by_paper_and_date(library_copy):
    """Every page appears once, under its own paper · date group, with its article count."""
    from editor.gui.browsermodel import PAGE_ROLE, PageTreeModel

    model = PageTreeModel()
    model.set_filters({})
    while model.canFetchMore():
        model.fetchMore()
    with open_library() as lib:
        stored = {r["id"]: r for r in lib.list_pages()}
    seen = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            page_id = model.index(r, 0, group).data(PAGE_ROLE)
            seen.append(page_id)
            assert stored[page_id]["date"] in group.data()
            assert model.index(r, 1, group).data() == str(stored[page_id]["article_count"])
    assert sorted(seen) == sorted(stored) and model.rowCount() < len(stored) + 1


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"section": "综合"},
        {"date_from": "2019-01-01", "date_to": "2020-12-31"},
        {"tag": "工会"},
        {"untagged": True},
        {"edited": True},
        {"person": "何嘉英"},
    ],
)
def test_browser_filters_show_what_the_library_query_returns(library_copy, window, filters):
    """Filters typed into the panel list exactly the library's list_articles rows, in order."""
    browser = window.archive.browser
    browser.set_filters(**filters)
    shown = [r["id"] for r in _all_rows(browser.articles)]
    with open_library() as lib:
        expected = [r["id"] for r in lib.list_articles(**filters)]
        assert browser.articles.total() == lib.count_articles(**filters)
    assert shown == expected
    if filters.get("tag") or filters.get("untagged"):
        assert 0 < len(shown) < len(_all_library_articles())
    # the page tree holds exactly the pages of those articles
    from editor.gui.browsermodel import PAGE_ROLE

    pages = browser.pages
    while pages.canFetchMore():
        pages.fetchMore()
    tree = {pages.index(r, 0, pages.index(g, 0)).data(PAGE_ROLE)
            for g in range(pages.rowCount()) for r in range(pages.rowCount(pages.index(g, 0)))}
    with open_library() as lib:
        assert tree == {r["page_id"] for r in lib.list_articles(**filters)}


def _all_library_articles():
    with open_library() as lib:
        return lib.list_articles()


def test_selecting_a_page_lists_its_articles_and_opening_one_loads_it(library_copy, window, qtbot):
    """A page chosen in the tree lists its articles; activating one opens it at that article."""
    browser = window.archive.browser
    browser.apply_filters()
    browser.select_page(0)
    page_id = browser.pages.page_row(browser.page_view.currentIndex())["id"]
    rows = _all_rows(browser.articles)
    with open_library() as lib:
        assert [r["id"] for r in rows] == [r["id"] for r in lib.list_articles(page_id=page_id)]
    target = rows[2]
    browser.article_view.activated.emit(browser.articles.index(2, 0))
    qtbot.waitUntil(lambda: window.doc is not None and window.files.busy == 0, timeout=10000)
    assert window.page().id == page_id and window.current_article().id == target["id"]
    browser.article_view.activated.emit(browser.articles.index(3, 0))  # same page: no reload
    QApplication.processEvents()
    assert len(window.docs) == 1 and window.current_article().id == rows[3]["id"]


def test_browser_context_menu_offers_open_tag_and_export(library_copy, window):
    """Right-click on selected articles: Open, Add tag…, Remove tag…, Export…, all enabled."""
    browser = window.archive.browser
    browser.apply_filters()
    menu = browser.context_menu()
    assert [a.isEnabled() for a in menu.actions() if a.text()] == [False, False, False, False]
    browser.select_rows([0, 1])
    browser.article_view.setCurrentIndex(browser.articles.index(1, 0))
    menu = browser.context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Open", "Add tag…", "Remove tag…", "Export…"]
    assert all(a.isEnabled() for a in menu.actions() if a.text())


def test_selecting_a_date_group_lists_that_day_s_articles(library_copy, window):
    """A paper · date group row lists the articles of its pages, as the library's date filter."""
    browser = window.archive.browser
    browser.apply_filters()
    group = browser.pages.index(1, 0)
    browser.page_view.setCurrentIndex(group)
    _paper, date = browser.pages.group_key(group)
    with open_library() as lib:
        expected = [r["id"] for r in lib.list_articles(date_from=date, date_to=date)]
    assert expected and [r["id"] for r in _all_rows(browser.articles)] == expected
