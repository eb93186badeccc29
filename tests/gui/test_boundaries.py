"""Article boundaries (issue 15): stable colours, runs of lines, rules and numbers in the gutter."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from editor.gui import theme
from editor.gui.treemodel import ArticleTreeModel
from tests.gui.conftest import gold_page
from tests.gui.test_corrections import arts, press, select_block

# Qt's model tester reports a broken model as a warning: make every Qt warning fail the test.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def colours(w) -> dict[str, tuple[str, str]]:
    """Article id to (raw view tint of its first line, tree background), as colour names."""
    model = w.model
    root = model.index(0, 0)
    tree = {}
    for row in range(model.rowCount(root)):
        index = model.index(row, 0, root)
        brush = model.data(index, Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            tree[model.article_of(index).id] = brush.color().name()
    return {a.id: (w.raw_view.line_tint(a.lines[0]).name(), tree[a.id]) for a in arts(w)}


def hue_gap(a: QColor, b: QColor) -> int:
    d = abs(a.hslHue() - b.hslHue()) % 360
    return min(d, 360 - d)


def rgb_distance(a: QColor, b: QColor) -> float:
    return math.dist((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


def test_splitting_an_article_leaves_the_other_articles_colours(win):
    """Colours follow the article, not its position: a split (or its undo) recolours no other."""
    before = colours(win)
    parent = arts(win)[1]
    select_block(win, 1, 2)
    press(win, "Ctrl+Shift+Return")
    assert len(arts(win)) == 6 and arts(win)[1] is parent
    after = colours(win)
    new = arts(win)[2]
    assert {k: v for k, v in after.items() if k != new.id} == before
    assert after[new.id][0] != after[parent.id][0]  # the new article is told apart from its parent
    assert all(tint == tree for tint, tree in after.values())  # raw view and tree agree
    press(win, "Ctrl+Z")
    assert colours(win) == before


def test_article_numbers_are_stable_and_new_articles_get_the_next(win):
    numbers = {a.id: win.raw_view.article_number_at(a.lines[0]) for a in arts(win)}
    assert len(set(numbers.values())) == 5
    select_block(win, 1, 2)
    press(win, "Ctrl+Shift+Return")
    new = arts(win)[2]
    after = {a.id: win.raw_view.article_number_at(a.lines[0]) for a in arts(win)}
    assert {k: v for k, v in after.items() if k != new.id} == numbers
    assert after[new.id] > max(numbers.values())
    model = win.model
    index = model.index_for_id(new.id)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == f"Article {after[new.id]}"
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None  # the number badge


def test_lines_column_shows_runs_not_a_min_max_range(qtmodeltester):
    """The first article's headline is at 378, its body from 6: two runs, not `6–381`.
    Blank lines between owned lines do not break a run."""
    model = ArticleTreeModel()
    model.set_page(gold_page())
    qtmodeltester.check(model)
    root = model.index(0, 0)
    texts = [model.data(model.index(row, 1, root)) for row in range(5)]
    assert texts == ["6–220, 378–381", "222–241", "243–268", "270–316, 383", "1–3, 318–376"]
    headline = model.index(0, 1, model.index(0, 0, root))
    assert model.data(headline) == "378"


def test_long_run_lists_are_cut_short():
    from editor.gui.treemodel import line_runs, runs_text

    assert line_runs([1, 2, 4, 5, 9], blank={3}) == [(1, 5), (9, 9)]
    assert line_runs([1, 2, 4, 5, 9]) == [(1, 2), (4, 5), (9, 9)]
    runs = line_runs([1, 3, 5, 7, 9, 11])
    assert runs_text(runs) == "1, 3, 5, 7, …"


def test_gutter_rules_and_numbers_go_where_ownership_changes():
    """Rules above the first line of each run but the page's first; a number at the first
    line of each article run; blank lines neither end nor start a run."""
    from editor.gui.rawview import FURNITURE, UNASSIGNED, boundary_marks

    owners = {1: "a", 2: "a", 4: "a", 5: "b", 6: "b", 8: FURNITURE, 9: "a", 10: UNASSIGNED}
    marks = boundary_marks(owners, {"a": 1, "b": 2}, blank={3, 7, 11}, count=11)
    assert marks.rules == {5, 8, 9, 10}
    assert marks.numbers == {1: 1, 5: 2, 9: 1}
    # A non-blank line nobody owns breaks a run too.
    marks = boundary_marks({1: "a", 3: "a"}, {"a": 7}, blank=set(), count=3)
    assert marks.rules == {2, 3} and marks.numbers == {1: 7, 3: 7}


def test_raw_view_marks_the_sample_pages_boundaries(win):
    marks = win.raw_view.boundaries()
    a = arts(win)
    number = {x.id: win.raw_view.article_number_at(x.lines[0]) for x in a}
    assert marks.rules == {5, 6, 222, 243, 270, 318, 378, 383}
    assert marks.numbers == {
        1: number[a[4].id],
        6: number[a[0].id],
        222: number[a[1].id],
        243: number[a[2].id],
        270: number[a[3].id],
        318: number[a[4].id],
        378: number[a[0].id],
        383: number[a[3].id],
    }


def test_article_tints_are_far_from_the_selection_and_unassigned_colours(win):
    """No article's tint may pass for the selection highlight (or for unassigned lines)."""
    tints = [QColor(tint) for tint, _tree in colours(win).values()]
    for nearby in (theme.SELECTED_TINT, theme.UNASSIGNED_TINT):
        for tint in tints:
            assert hue_gap(tint, nearby) >= 40, (tint.name(), nearby.name())
            assert rgb_distance(tint, nearby) >= 80, (tint.name(), nearby.name())
    # The whole palette, and articles numbered one after the other differ clearly.
    palette = [theme.article_colour(n) for n in range(1, 11)]
    for tint in palette:
        assert hue_gap(tint, theme.SELECTED_TINT) >= 40
        assert hue_gap(tint, theme.UNASSIGNED_TINT) >= 40
    for a, b in zip(palette, palette[1:] + palette[:1], strict=True):
        assert hue_gap(a, b) >= 45


def test_the_raw_view_paints_the_tints_of_the_visible_lines_only(win):
    """A selection per run of tinted lines took over a second to build on a page of 30,000
    lines: the raw view paints each visible line's tint itself (no extra selections), and
    the painted colours are the owners' tints and, for the selected lines, the selection's."""
    from PySide6.QtGui import QColor

    view = win.raw_view
    view.resize(900, 600)
    view.highlight_lines([])
    assert view.extraSelections() == []
    lines = [(n, top, height) for n, top, height in view._visible_lines(view.viewport().rect())]
    assert len(lines) > 10
    image = view.viewport().grab().toImage()
    x = view.viewport().width() - 3  # right of the text: only the background shows

    def painted(n):
        _, top, height = next(x for x in lines if x[0] == n)
        return QColor(image.pixel(x, top + height // 2))

    tinted = [n for n, _, _ in lines if view.line_tint(n) is not None]
    plain = [n for n, _, _ in lines if view.line_tint(n) is None]
    assert tinted and plain
    for n in tinted[:5]:
        assert painted(n).name() == view.line_tint(n).name(), n
    assert painted(plain[0]).name() == "#ffffff"
    view.highlight_lines([tinted[0]], scroll=False)
    image = view.viewport().grab().toImage()
    assert painted(tinted[0]).name() == theme.SELECTED_TINT.name()
