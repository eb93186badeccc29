"""A small learned model for two line decisions the width rules alone get wrong too often.

At a paragraph start: is this line a title (headline, kicker, subhead) or the first line of
a paragraph? After a line that ends a sentence: does the paragraph end here? Both depend on
many weak signals at once — the line's width against the column, the next lines' widths,
how the line ends, whether the break cuts a word — and on the hand rules of
`paragraphs.py`, which enter as features. Each decision is a logistic regression over
binary features; the weights (`linemodel.json`, a few kilobytes) are trained by
`benchmarks/train_importer.py` on generated pages of the tuning half only, deterministically.

Features describe shapes, never words: widths relative to the column, punctuation classes,
line-length classes.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("linemodel.json")

_STOP = "。！？…!?"
_QUESTION = "？！?!"
_CONT = "，、；,;"
_COLON = "：:"
_CLOSE_QUOTE = "”’」』"
_ENUM_START = tuple("一二三四五六七八九十") + ("（一", "(一", "第")


def _dw(width: float, w: float) -> str:
    """How much narrower than the column a line is, in classes."""
    if not width:
        return "nowidth"
    d = width - w
    if d < -1.5:
        return "wide"
    if d <= 0.75:
        return "full"
    if d <= 1.75:
        return "1"
    if d <= 2.75:
        return "2"
    if d <= 3.75:
        return "3"
    if d <= 6.5:
        return "4-6"
    return "7+"


def _end(text: str) -> str:
    t = text.rstrip()
    if not t:
        return "empty"
    c = t[-1]
    if c in _CLOSE_QUOTE:
        core = t.rstrip(_CLOSE_QUOTE)
        return "quote-stop" if core[-1:] in _STOP else "quote"
    if c in "）)":
        return "paren"
    if c in _QUESTION:
        return "question"
    if c in _STOP:
        return "stop"
    if c in _CONT:
        return "comma"
    if c in _COLON:
        return "colon"
    return "open"


def _chars(text: str) -> str:
    n = len(text)
    for top, name in ((5, "≤5"), (9, "6-9"), (14, "10-14"), (20, "15-20")):
        if n <= top:
            return name
    return "21+"


def _start(text: str) -> str:
    if text.startswith(("——", "—", "－")):
        return "dash"
    if text.startswith(("“", "‘", "「")):
        return "quote"
    if text.startswith(_ENUM_START) and "、" in text[:4] or text[:2] in ("（一", "(一"):
        return "enum"
    if text[:1].isdigit():
        return "digit"
    return "plain"


def _next_flags(nxt) -> list[str]:
    """What the next line is: a dateline's first line, indented, after a block's end."""
    return [
        name
        for name, on in (
            ("next:lead", nxt.lead),
            ("next:indent", nxt.indent),
            ("next:gap", nxt.block_gap),
        )
        if on
    ]


def title_features(
    ln, nxt, nn, width: float, *, prev_title: bool, run_start: bool, alone: bool,
    before_byline: bool, cut: bool, rules: tuple[str, ...],
) -> list[str]:
    """Active features of a line at a paragraph start (is it a title?)."""
    t = ln.text
    d, e = _dw(width, ln.w), _end(t)
    f = [f"d:{d}", f"end:{e}", f"chars:{_chars(t)}", f"start:{_start(t)}", f"d×end:{d}|{e}"]
    if any(c in t[:-1] for c in "，,；;"):
        f.append("has:comma")
    if any(c in t[:-1] for c in _STOP):
        f.append("has:stop-inside")
    if any(c in t[:6] for c in _COLON):
        f.append("has:colon-early")
    if ln.block_gap:
        f.append("gap-before")
    if prev_title:
        f.append("prev-title")
    if run_start:
        f.append("run-start")
    if cut:
        f.append("cut-word")
    if nxt is None:
        f.append("next:none")
        f.append("alone" if alone else "run-end")
        if before_byline:
            f.append("before-byline")
    else:
        nd, ne = _dw(width, nxt.w), _end(nxt.text)
        f += [f"nd:{nd}", f"nend:{ne}", f"d×nd:{d}|{nd}", f"end×nd:{e}|{nd}",
              f"nstart:{_start(nxt.text)}"]
        f += _next_flags(nxt)
        if nn is None:
            f.append("nn:none")
        else:
            f.append(f"nnd:{_dw(width, nn.w)}")
            f.append(f"nd×nnd:{nd}|{_dw(width, nn.w)}")
    f += [f"rule:{r}" for r in rules]
    return f


def break_features(ln, nxt, nn, width: float, *, lines_so_far: int, start: str,
                   nxt_title: bool) -> list[str]:
    """Active features after a line that ends a sentence (does its paragraph end here?)."""
    d, e = _dw(width, ln.w), _end(ln.text)
    f = [f"d:{d}", f"end:{e}", f"d×end:{d}|{e}", f"len:{min(lines_so_far, 3)}",
         f"from:{start}"]
    if nxt is None:
        f.append("next:none")
        return f
    nd = _dw(width, nxt.w)
    f += [f"nd:{nd}", f"d×nd:{d}|{nd}", f"end×nd:{e}|{nd}", f"nstart:{_start(nxt.text)}",
          f"nend:{_end(nxt.text)}"]
    if any(c in nxt.text[:6] for c in _COLON):
        f.append("next:colon-early")
    f += _next_flags(nxt)
    if nxt_title:
        f.append("next:title")
    if nn is None:
        f.append("nn:none")
    else:
        nnd = _dw(width, nn.w)
        f += [f"nnd:{nnd}", f"nd×nnd:{nd}|{nnd}"]
    return f


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    try:
        return json.loads(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def available(kind: str) -> bool:
    return kind in _weights()


def probability(kind: str, features: list[str]) -> float:
    """P(yes) of a decision ("title" or "break") from its active features."""
    w = _weights()[kind]
    z = w.get("bias", 0.0) + sum(w.get(x, 0.0) for x in features)
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


OVERRULE = 0.3  # the model overrules the hand rules only when this sure (p beyond 0.5 ± it)


def decide(kind: str, features: list[str], by_rules: bool) -> bool:
    """The hand rules' answer, unless the model is sure of the other one."""
    p = probability(kind, features)
    if by_rules and p < 0.5 - OVERRULE:
        return False
    if not by_rules and p > 0.5 + OVERRULE:
        return True
    return by_rules


def reload() -> None:
    """Read the weights again (after training)."""
    _weights.cache_clear()
