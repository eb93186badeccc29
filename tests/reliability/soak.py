"""The reliability probes run long, outside CI: hundreds of killed imports and 10^5 fuzz
inputs, with the figures a closing note reports.

    .venv/bin/python -m tests.reliability.soak [--kills 100] [--fuzz 100000]
                                               [--export-fuzz 10000]

Kills: `pagedesk import` of batches of page files is SIGKILLed at random moments; after
every kill the library must open (no healthy library refused), pass SQLite's integrity
check and hold every page reported imported, once; each batch then finishes with exactly
its pages. Fuzz: the importer and the query parser take `--fuzz` hostile strings each, the
exports `--export-fuzz` (every format per input), through the tests in test_fuzz.py.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.reliability.probes import ROOT, KillFigures, env, killed_imports, page_files


def soak_kills(kills: int, per_batch: int = 8) -> KillFigures:
    figures = KillFigures()
    rng = random.Random(20261207)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "lib.sqlite"
        batch = 0
        while figures.kills < kills:
            folder = Path(tmp) / f"batch{batch}"
            shas = page_files(folder, 30, start=batch * 100)
            done_before = figures.kills
            killed_imports(folder, lib, shas, min(per_batch, kills - figures.kills), rng,
                           figures)
            print(f"  kills {figures.kills} (batch {batch}: {figures.kills - done_before})",
                  flush=True)
            batch += 1
    return figures


def soak_fuzz(test: str, examples: int) -> tuple[int, str]:
    run_env = {**env(), "PAGEDESK_FUZZ_EXAMPLES": str(examples)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"tests/reliability/test_fuzz.py::{test}"], cwd=ROOT, env=run_env,
                          capture_output=True, text=True)
    return done.returncode, done.stdout.strip().splitlines()[-1] if done.stdout else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--fuzz", type=int, default=100_000)
    ap.add_argument("--export-fuzz", type=int, default=10_000)
    args = ap.parse_args()
    os.chdir(ROOT)
    t = time.time()
    if args.kills:
        f = soak_kills(args.kills)
        print(f"kills: {f.kills}; integrity failures {f.integrity_failures}, healthy library "
              f"refused {f.refused}, pages lost {f.lost}, duplicates {f.duplicates}, final "
              f"count wrong {f.final_count_wrong} ({time.time() - t:.0f} s)", flush=True)
        for p in f.problems[:10]:
            print("  ", p)
    for test, n in (("test_the_importer_takes_any_text", args.fuzz),
                    ("test_the_query_parser_takes_any_text", args.fuzz),
                    ("test_every_export_writes_any_text_or_says_why", args.export_fuzz)):
        if n:
            t = time.time()
            code, last = soak_fuzz(test, n)
            print(f"fuzz {test}: {n} inputs, {'ok' if code == 0 else 'FAILED'} ({last}; "
                  f"{time.time() - t:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
