"""The §7 metric at its edges: pages with no articles, minimal predictions, what `pagedesk
eval` prints (the report, the one-line summary, each problem's title and diagnosis), totals
over several pages, and the exact thresholds DESIGN.md §7 names."""

from __future__ import annotations

import copy
import json

from editor.core.evaluate import score_page
from tests.conftest import SAMPLE_GOLD

GOLD = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
N = len(GOLD["articles"])


def _pred(fault=None):
    pred = copy.deepcopy(GOLD)
    if fault:
        fault(pred["articles"])
    return pred


def test_a_title_split_at_the_wrong_glyph_is_a_head_error_not_another_storys_head():
    """The kicker's last glyphs went to the headline: the predicted headline spans the
    printed kicker and headline (the same answer whatever order Python keeps sets in)."""
    k, h = GOLD["articles"][1]["kicker"], GOLD["articles"][1]["headline"]
    for kicker, headline in [(None, k[-2:] + h[:4]), (k[:-2], k[-2:] + h)]:
        s = score_page(GOLD, _pred(lambda arts, a=kicker, b=headline: arts[1].update(
            kicker=a, headline=b)))
        assert s.diagnoses == [(h, ["head (title lines split or joined wrongly)"])]
