"""The importer on generated pages, family by family, for the tuning and the check half.

    .venv/bin/python benchmarks/importer_families.py [--pages 8] [--seed 0] [--family F]…
        [--half tune|check] [--json OUT] [-v]

Pages come from `tests/corpus/generate.py` (our own articles laid out in each family's
conventions); scores are DESIGN §7's, from `editor.core.evaluate`. Rules are tuned on the
tuning half only; the check half is what the closing note reports.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.evaluate import PageScore, figures, score_page  # noqa: E402
from editor.core.importer import segment_text  # noqa: E402
from editor.core.pagejson import page_to_dict  # noqa: E402
from tests.corpus.generate import FAMILIES, family_pages  # noqa: E402


def score_family(family: str, half: str, pages: int, seed: int, verbose: bool) -> dict:
    total = PageScore(name=f"{family}/{half}")
    t0 = time.process_time()
    for gp in family_pages(family, half, n=pages, seed=seed):
        pred = page_to_dict(segment_text(gp.text, file=gp.name + ".txt"))
        s = score_page(gp.gold, pred, gp.name)
        total.add(s)
        if verbose:
            for title, probs in s.problems:
                print(f"  {gp.name}: {title}: {', '.join(probs)}")
    return {
        "family": family,
        "half": half,
        "pages": pages,
        **figures(total),
        "cpu_s": round(time.process_time() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES))
    ap.add_argument("--half", choices=["tune", "check"], action="append")
    ap.add_argument("--json")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    halves = args.half or ["tune", "check"]
    print(f"{'family':24} {'half':5} {'arts':>5} {'F1':>6} {'titles':>7} {'people':>7} "
          f"{'zero-edit':>10}")
    for family in args.family or list(FAMILIES):
        for half in halves:
            r = score_family(family, half, args.pages, args.seed, args.verbose)
            rows.append(r)
            print(f"{family:24} {half:5} {r['articles']:5d} {r['f1']:6.3f} {r['title_set']:7.1%} "
                  f"{r['people']:7.1%} {r['zero_edit']:6.1%} ({r['zero_edit_n']})", flush=True)
    for half in halves:
        mine = [r for r in rows if r["half"] == half]
        arts = sum(r["articles"] for r in mine)
        if arts:
            w = {k: sum(r[k] * r["articles"] for r in mine) / arts
                 for k in ("f1", "title_set", "people", "zero_edit")}
            print(f"{'all (article-weighted)':24} {half:5} {arts:5d} {w['f1']:6.3f} "
                  f"{w['title_set']:7.1%} {w['people']:7.1%} {w['zero_edit']:6.1%}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
