"""Train the importer's line model (`editor/core/linemodel.json`) on tuning-half pages only.

    .venv/bin/python benchmarks/train_importer.py [--seeds 20] [--rounds 2] [--no-real]

Training pages: generated pages of every family (`tests/corpus/generate.py`, tuning half,
seeds 0..N-1) and, when `benchmarks/real_extractors.py` has filled its cache, the real
extractors' text of the tuning half's typeset pages. Labels come from the pages' owners:
for every line the importer asks the model about, whether it is a title line and whether it
is the last line of its paragraph. The importer records the very features it computes
(`paragraphs.RECORD`), so training and use see the same numbers.

Each decision is a logistic regression with an L2 penalty, fitted by full-batch gradient
descent (numpy; deterministic). Round 1 collects with the hand rules, later rounds with the
model of the round before (the importer then meets the situations its own decisions lead to).
The check half is never read here; `benchmarks/importer_families.py` and
`benchmarks/real_extractors.py` report it.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core import linemodel, paragraphs  # noqa: E402
from editor.core.importer import segment_text  # noqa: E402
from tests.corpus.generate import FAMILIES, plan_page  # noqa: E402
from tests.corpus.layout import lay_out  # noqa: E402

REAL = ROOT / "benchmarks" / ".cache" / "real"
TITLE_KINDS = {"kicker", "headline", "subheadline", "column_tag", "subhead"}
BODY_KINDS = {"paragraph"}


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _labels_from_owners(owners: list) -> dict[int, tuple[str, bool]]:
    """Line number -> (owner kind, last line of its element) for the page's article lines."""
    last: dict = {}
    for n, o in enumerate(owners, 1):
        if o is not None:
            last[tuple(o)] = n
    out = {}
    for n, o in enumerate(owners, 1):
        if o is not None and o[0] >= 0:
            out[n] = (o[1], last[tuple(o)] == n)
    return out


def generated_pages(seeds: int):
    for family in FAMILIES:
        for seed in range(seeds):
            plan = plan_page(family, "tune", seed)
            laid = lay_out(plan.printed, plan.furniture, plan.layout, plan.rnd)
            text = plan.layout.newline.join(laid.lines) + plan.layout.newline
            yield f"gen/{plan.name}", text, _labels_from_owners(laid.owners)


def real_pages():
    """Tuning-half extractor text with labels from the typesetter's drawn lines."""
    for txt in sorted(glob.glob(str(REAL / "*" / "*-tune-*.txt"))):
        extractor = Path(txt).parent.name
        if extractor == "tesseract":
            continue  # glyphs change: lines cannot be matched to drawn ones
        page = Path(txt).stem
        drawn_path = REAL / "pdf" / f"{page}.lines.json"
        if not drawn_path.exists():
            continue
        drawn = json.loads(drawn_path.read_text(encoding="utf-8"))["lines"]
        owners = [tuple(d["owner"]) for d in drawn]
        last = {}
        for i, o in enumerate(owners):
            last[o] = i
        free: dict[str, list[int]] = {}
        for i, d in enumerate(drawn):
            free.setdefault(_squash(d["text"]), []).append(i)
        text = Path(txt).read_text(encoding="utf-8")
        labels = {}
        for n, line in enumerate(text.split("\n"), 1):
            key = _squash(line)
            if not key or not free.get(key):
                continue
            i = free[key].pop(0)
            o = owners[i]
            if o[0] >= 0:
                labels[n] = (o[1], last[o] == i)
        yield f"{extractor}/{page}", text, labels


def collect(pages) -> dict[str, list[tuple[list[str], int]]]:
    data: dict[str, list[tuple[list[str], int]]] = {"title": [], "break": []}
    for _name, text, labels in pages:
        paragraphs.RECORD = []
        try:
            segment_text(text)
        finally:
            rec, paragraphs.RECORD = paragraphs.RECORD, None
        seen = set()
        for kind, n, feats in rec:
            key = (kind, n, tuple(feats))
            if key in seen or n not in labels:
                continue
            seen.add(key)
            owner_kind, is_last = labels[n]
            if kind == "title":
                if owner_kind in TITLE_KINDS:
                    data["title"].append((feats, 1))
                elif owner_kind in BODY_KINDS:
                    data["title"].append((feats, 0))
            elif owner_kind in BODY_KINDS:
                data["break"].append((feats, int(is_last)))
    return data


def fit(samples: list[tuple[list[str], int]], l2: float, epochs: int) -> dict[str, float]:
    import numpy as np

    names = sorted({f for feats, _y in samples for f in feats})
    index = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(samples), len(names) + 1), dtype=np.float64)
    y = np.zeros(len(samples))
    for r, (feats, label) in enumerate(samples):
        x[r, -1] = 1.0  # bias
        for f in feats:
            x[r, index[f]] = 1.0
        y[r] = label
    w = np.zeros(x.shape[1])
    g2 = np.full(x.shape[1], 1e-8)
    for _ in range(epochs):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y)
        grad[:-1] += l2 * w[:-1]
        g2 += grad * grad
        w -= 0.5 * grad / np.sqrt(g2)  # AdaGrad: every feature at its own pace
    p = 1.0 / (1.0 + np.exp(-(x @ w)))
    acc = float(((p >= 0.5) == (y >= 0.5)).mean())
    print(f"  {len(samples)} samples, {len(names)} features, {y.mean():.2f} positive, "
          f"training accuracy {acc:.3f}", file=sys.stderr)
    out = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-3}
    out["bias"] = round(float(w[-1]), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=20, help="generated pages per family")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--no-real", action="store_true", help="generated pages only")
    args = ap.parse_args(argv)
    if os.path.exists(linemodel.WEIGHTS):
        os.remove(linemodel.WEIGHTS)  # round 1 collects with the hand rules
    linemodel.reload()
    for r in range(args.rounds):
        print(f"round {r + 1}: collecting", file=sys.stderr)
        pages = list(generated_pages(args.seeds))
        if not args.no_real:
            pages += list(real_pages())
        data = collect(pages)
        if not data["title"] or not data["break"]:
            raise SystemExit("no training samples: is the corpus there?")
        weights = {}
        for kind in ("title", "break"):
            print(f" {kind}:", file=sys.stderr)
            weights[kind] = fit(data[kind], args.l2, args.epochs)
        Path(linemodel.WEIGHTS).write_text(
            json.dumps(weights, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
            encoding="utf-8",
        )
        linemodel.reload()
    print(f"wrote {linemodel.WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
