"""The page picture beside the raw text: shown for PDF pages only, tinted by article, and
linked both ways with the tree (a click on a printed line selects its block; a selected
block is outlined in the picture)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.core.pdfs import Text, column, make_pdf


@pytest.fixture
def pdf_page(tmp_path):
    texts = [Text("社区书屋成了居民的第二客厅", 40, 740, 24, "hei")]
    texts += column(["城东新开的社区书屋每天", "都有不少居民前来借书看", "报，周末更是座无虚席。",
                     "书屋管理员介绍，今年还", "将增加儿童绘本和有声读", "物，方便老人和孩子。"],
                    40, 700, indent_first=(0, 3))
    texts += [Text("河道清理志愿活动举行", 400, 740, 18, "hei")]
    texts += column(["十一月三日，城东区举行", "河道清理志愿活动，三百", "多名居民参加。"],
                    400, 700, indent_first=(0,))
    path = tmp_path / "page.pdf"
    path.write_bytes(make_pdf([texts]))
    return path


def _open(window, qtbot, path):
    from editor.core.importer import import_file
    from editor.gui.commands import PageDocument

    page = import_file(path)
    with qtbot.waitSignal(window.picture.rendered, timeout=10000):
        window.add_document(PageDocument(page))
    return page


def _click_line(window, qtbot, line: int) -> None:
    view = window.picture.view
    centre = view.mapFromScene(view.box_of(line).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))


def test_a_pdf_page_shows_its_picture_and_a_text_page_none(window, qtbot, pdf_page):
    from editor.gui.commands import PageDocument
    from tests.gui.conftest import gold_page

    _open(window, qtbot, pdf_page)
    assert window.picture.isVisible() and window.picture.view.has_image()
    window.add_document(PageDocument(gold_page()))
    assert not window.picture.isVisible()
    window.set_current(window.docs[0])  # back to the PDF page: from the cache, at once
    assert window.picture.isVisible() and window.picture.view.has_image()


def test_clicking_a_printed_line_selects_its_block_and_selecting_outlines(window, qtbot,
                                                                          pdf_page):
    page = _open(window, qtbot, pdf_page)
    second = page.articles[1]
    para = next(b for b in second.blocks if b.role == "paragraph")
    _click_line(window, qtbot, para.lines[1])
    assert window.current_block() is para
    assert window.picture.view.highlighted == set(para.lines)
    # the other way: the first article's headline selected in the tree is outlined
    head = page.articles[0].blocks[0]
    window.select_id(head.id)
    assert window.picture.view.highlighted == set(head.lines)


def test_articles_are_tinted_and_zoom_keys_work(window, qtbot, pdf_page):
    page = _open(window, qtbot, pdf_page)
    view = window.picture.view
    tinted = len(view._tints)
    assert tinted == sum(len(b.lines) for a in page.articles for b in a.blocks)
    before = view.zoom_level()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_level() == pytest.approx(before * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_level() == pytest.approx(before)


def test_a_moved_pdf_says_so_instead_of_a_picture(window, qtbot, pdf_page):
    from editor.core.importer import import_file
    from editor.gui.commands import PageDocument

    page = import_file(pdf_page)
    pdf_page.unlink()
    window.add_document(PageDocument(page))
    assert window.picture.isVisible() and not window.picture.view.has_image()
    assert "page.pdf" in window.picture.status.text()


def test_ctrl_4_goes_to_the_picture_or_says_there_is_none(window, qtbot, pdf_page):
    from editor.gui.commands import PageDocument
    from tests.gui.conftest import gold_page

    _open(window, qtbot, pdf_page)
    window.actions.focus_picture_action.trigger()
    assert window.picture.view.hasFocus() or window.focusWidget() is window.picture.view
    window.add_document(PageDocument(gold_page()))
    window.actions.focus_picture_action.trigger()
    assert "no picture" in window.statusBar().currentMessage()
