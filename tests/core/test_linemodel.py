"""The learned line model: shape features only, the hand rules decide unless it is sure."""

from __future__ import annotations

import json

import pytest

from editor.core import linemodel
from editor.core.lines import Line


def _line(text: str, w: float | None = None, **kw) -> Line:
    return Line(n=1, raw=text, soft=text, text=text, w=float(len(text) if w is None else w), **kw)


def test_title_features_describe_shapes_not_words():
    ln = _line("白鹭又回桐川河", 7)
    nxt = _line("清晨六点，桐川河上的薄雾还", 13)
    feats = linemodel.title_features(
        ln, nxt, None, 15.0, prev_title=False, run_start=False, alone=False,
        before_byline=False, cut=False, rules=("is-title",),
    )
    assert "d:7+" in feats and "end:open" in feats and "nd:2" in feats
    assert "rule:is-title" in feats
    assert not any(c in "".join(feats) for c in "白鹭桐川河清晨")


@pytest.mark.parametrize(
    "width,w,klass", [(15, 17, "wide"), (15, 15, "full"), (15, 14, "1"), (15, 13, "2"),
                      (15, 12, "3"), (15, 10, "4-6"), (15, 5, "7+"), (0, 5, "nowidth")],
)
def test_width_classes(width, w, klass):
    assert linemodel._dw(width, w) == klass


@pytest.mark.parametrize(
    "text,klass",
    [("工作。", "stop"), ("吗？", "question"), ("了。”", "quote-stop"), ("“大转型”", "quote"),
     ("据新华社电）", "paren"), ("如下：", "colon"), ("首先，", "comma"), ("新动能", "open")],
)
def test_line_ends(text, klass):
    assert linemodel._end(text) == klass


def test_the_rules_decide_unless_the_model_is_sure(monkeypatch):
    monkeypatch.setattr(linemodel, "probability", lambda kind, f: 0.75)
    assert linemodel.decide("title", [], False) is False  # 0.75 is not sure enough
    assert linemodel.decide("title", [], True) is True
    monkeypatch.setattr(linemodel, "probability", lambda kind, f: 0.9)
    assert linemodel.decide("title", [], False) is True
    monkeypatch.setattr(linemodel, "probability", lambda kind, f: 0.1)
    assert linemodel.decide("title", [], True) is False


def test_probability_is_the_logistic_of_the_active_weights(monkeypatch):
    monkeypatch.setattr(linemodel, "_weights", lambda: {"title": {"bias": -1.0, "a": 2.0}})
    assert linemodel.probability("title", ["a", "unknown"]) == pytest.approx(0.7311, abs=1e-4)
    assert linemodel.probability("title", []) == pytest.approx(0.2689, abs=1e-4)


def test_the_committed_weights_hold_both_decisions():
    weights = json.loads(linemodel.WEIGHTS.read_text(encoding="utf-8"))
    assert set(weights) == {"title", "break"}
    for kind in weights.values():
        assert "bias" in kind and all(isinstance(v, float) for v in kind.values())
        assert all(not any("\u4e00" <= c <= "\u9fff" for c in name) for name in kind)
