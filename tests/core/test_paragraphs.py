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
