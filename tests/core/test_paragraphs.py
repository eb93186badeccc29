"""Column widths: the sliding window reads what column_width reads on each window."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.lines import Line
from editor.core.paragraphs import column_width, window_widths

_LINE = st.tuples(st.integers(0, 50).map(lambda k: k / 2), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=40), st.sampled_from([0.0, 14.0, 18.5]))
def test_window_widths_equal_column_width_of_each_window(specs, fallback):
    lines = [
        Line(n=i, raw="", soft="", text="", w=w, lead=lead) for i, (w, lead) in enumerate(specs)
    ]
    got = window_widths(lines, fallback)
    if len(lines) < 4:
        assert got == [0.0] * len(lines)
        return
    want = [column_width(lines[max(0, i - 6) : i + 7], fallback) for i in range(len(lines))]
    assert got == want


def test_a_line_running_on_into_a_short_last_line_is_no_title():
    """A line wider than the column measured around it is a title set across columns, but
    not when the line under it is a paragraph's short last line (…稳产 / 增收。): it is the
    end of a wider column's paragraph."""
    from editor.core.lines import make_lines
    from editor.core.paragraphs import _is_title

    wide, tail, first = make_lines(["温和病虫害监测，力争一季早稻稳产", "增收。", "县农业技术推广"])
    assert not _is_title(wide, tail, 14.0)
    assert _is_title(wide, first, 14.0)  # over a longer line it is still a wide title
