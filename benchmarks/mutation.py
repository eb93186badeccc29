"""Mutation testing: do the tests notice when a module's code is quietly wrong?

mutmut 3 changes one small thing at a time in a module (``and`` → ``or``,
``<`` → ``<=``, a string → ``"XXsXX"``, a call argument → ``None`` …) and runs
the tests that exercise the changed function. A mutant the tests let through
("survived") is either a gap in the tests or an *equivalent* mutant (one no
caller could ever tell from the original); `benchmarks/mutation-results.md`
keeps the latest table and the reasons for every survivor judged equivalent.

Not part of CI: one module takes minutes. Install the tool once, then run it on
the modules you changed::

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python benchmarks/mutation.py storage/history.py
    .venv/bin/python benchmarks/mutation.py --group storage --survivors
    .venv/bin/python benchmarks/mutation.py --list

Arguments are module names from MODULES (``storage/history.py``; a leading
``editor/`` is accepted) or ``--group core|storage|export|all``. Options:

    --survivors      also print the diff of every mutant that survived (or that
                     no selected test reaches), to judge it or write a test for it
    --rerun          reuse the previous run's folder: re-test only its survivors
                     and timeouts against the current tests (after adding a
                     test); a module whose source changed is mutated afresh
    --jobs N         mutants tested at once (default 2: the machine's cores)
    --markdown       print the table as Markdown (for mutation-results.md)
    --workdir DIR    where the copies live (default benchmarks/.cache/mutation)

How it keeps a module to a few minutes: each module is mutated in its own copy
of the tree (``<workdir>/<module>/``, so the work tree stays clean and two runs
never share state); mutmut runs the module's test directories from MODULES once
to learn which test touches which function, then runs only those tests against
each mutant. The Qt GUI tests are never selected, nor the tests that start real
processes (13 s a run, see IGNORED). Property tests run under Hypothesis's "ci"
profile (fixed examples per test, no example database): a mutant is killed by what
it changed, never by a random example that also fails the unmutated code. Timing
on this machine (2 cores, a fresh run): storage/history.py ~2.5 min, query.py and
tags.py ~5 min, search.py ~9 min, export/html.py ~2 min, site.py ~3.5 min;
core/model.py, byline.py, reader.py ~1-1.5 min each, ops.py ~1.5 min,
evaluate.py ~4-5.5 min; a --rerun of the survivors under a minute to 4 min.
mutmut's log is ``<workdir>/<module>/mutmut.log``, and ``mutmut browse`` or
``mutmut show NAME`` work inside that folder.

Columns: ``mutants`` made; ``killed`` by a failing test; ``survived`` (every
selected test passed); ``no tests`` (no selected test runs that function:
a gap too, counted as not killed); ``timeout`` (the mutant made the tests
hang, which counts as caught); ``score`` = (killed + timeout) / mutants.
mutmut mutates code inside functions and methods only; module-level constants
(SQL fragments, weights) are not mutated.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORKDIR = ROOT / "benchmarks" / ".cache" / "mutation"

CORE_TESTS = ("tests/core",)
STORAGE_TESTS = ("tests/storage", "tests/export")  # export reads the library (--query, --tag)
EXPORT_TESTS = ("tests/export",)

# Module (under editor/) → the test paths that may kill its mutants.
MODULES: dict[str, tuple[str, ...]] = {
    "core/model.py": CORE_TESTS + ("tests/storage/test_library_roundtrip.py",),
    "core/byline.py": CORE_TESTS,
    "core/reader.py": CORE_TESTS,
    "core/ops.py": CORE_TESTS,
    "core/evaluate.py": CORE_TESTS,
    "core/profile.py": CORE_TESTS + ("tests/storage/test_profile_cli.py",),
    "core/pdfpage.py": CORE_TESTS,
    "storage/search.py": STORAGE_TESTS,
    "storage/query.py": STORAGE_TESTS,
    "storage/history.py": STORAGE_TESTS,
    "storage/tags.py": STORAGE_TESTS,
    # Export escaping: the Jinja2 environment (autoescape), the site's names and
    # links, and selection's clean() (XML-illegal characters) and slug() (file names).
    "export/html.py": EXPORT_TESTS,
    "export/site.py": EXPORT_TESTS,
    "export/selection.py": EXPORT_TESTS,
}
GROUPS = {
    "core": [m for m in MODULES if m.startswith("core/")],
    "storage": [m for m in MODULES if m.startswith("storage/")],
    "export": [m for m in MODULES if m.startswith("export/")],
    "all": list(MODULES),
}
# Never selected: they start real processes (a killed import, racing writers) and
# take 13 s a run.
IGNORED = ("tests/storage/test_library_processes.py",)
COPIED = ("editor", "tests", "resources", "pyproject.toml")

# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), folded into columns.
KILLED, SURVIVED, NO_TESTS, TIMEOUT, OTHER = "killed", "survived", "no tests", "timeout", "other"
_STATUS = {1: KILLED, 3: KILLED, 0: SURVIVED, 5: NO_TESTS, 33: NO_TESTS, 36: TIMEOUT,
           24: TIMEOUT, -24: TIMEOUT, 152: TIMEOUT, 255: TIMEOUT}


@dataclass
class Result:
    module: str
    status: dict[str, str] = field(default_factory=dict)  # mutant name → column
    seconds: float = 0.0

    def count(self, column: str) -> int:
        return sum(1 for s in self.status.values() if s == column)

    @property
    def total(self) -> int:
        return len(self.status)

    @property
    def score(self) -> float:
        return (self.count(KILLED) + self.count(TIMEOUT)) / self.total if self.total else 0.0

    def names(self, *columns: str) -> list[str]:
        return [n for n, s in self.status.items() if s in columns]


def module_key(name: str) -> str:
    key = name.strip().removeprefix("./").removeprefix("editor/")
    if key not in MODULES:
        raise SystemExit(f"unknown module {name!r}; known: {', '.join(MODULES)}")
    return key


def mutmut_config(module: str) -> str:
    """The [tool.mutmut] table for one module's copy of the tree."""
    settings = {
        "source_paths": ["editor"],
        "only_mutate": [f"editor/{module}"],
        "also_copy": ["resources"],
        "pytest_add_cli_args_test_selection": list(MODULES[module]),
        # Hypothesis's "ci" profile: examples derived from each test's own code (so every
        # mutant meets the examples the unmutated run passed) and no example database (a
        # failure found under one mutant is not replayed against the next ones, and a
        # property test that finds an old bug of the unmutated code by chance cannot
        # "kill" mutants it has nothing to do with).
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "--hypothesis-profile=ci"]
        + [f"--ignore={p}" for p in IGNORED],
        # The copy sits inside our git tree: git's view of "changed files" is not the copy's.
        "use_git_change_detection": False,
        # A mutant may loop for ever (`i += 1` → `i = 1`). mutmut's CPU limit per mutant is
        # 2 × multiplier × (the tests' own time + constant); its default (15, 1) gives
        # 8 minutes to a function every search test calls. The constant covers pytest's
        # start and fixtures in the worker (1.5 and 2 gave false timeouts).
        "timeout_multiplier": 1.0,
        "timeout_constant": 10.0,
    }
    lines = ["", "[tool.mutmut]"]
    lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in settings.items()]
    return "\n".join(lines) + "\n"


def _without_mutmut_table(toml: str) -> str:
    return re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", toml)


def prepare(folder: Path, module: str, fresh: bool) -> None:
    """Copy the tree into `folder` (tests always anew; sources too unless reusing a run)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache")
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src, dst = ROOT / name, folder / name
        if src.is_dir():
            if dst.exists():
                shutil.rmtree(dst)
            shutil.copytree(src, dst, ignore=ignore)  # copy2: mtimes tell mutmut what changed
        elif name == "pyproject.toml":
            text = _without_mutmut_table(src.read_text(encoding="utf-8"))
            dst.write_text(text + mutmut_config(module), encoding="utf-8")


def _mutmut() -> list[str]:
    return [sys.executable, "-m", "mutmut"]


def read_results(folder: Path, module: str) -> dict[str, str]:
    meta = folder / "mutants" / "editor" / (module + ".meta")
    if not meta.exists():
        return {}
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return {name: _STATUS.get(code, OTHER) for name, code in codes.items()}


def run_module(module: str, workdir: Path, jobs: int, rerun: bool) -> Result:
    folder = workdir / module.replace("/", "-").removesuffix(".py")
    previous = read_results(folder, module) if rerun else {}
    again = [n for n, s in previous.items() if s in (SURVIVED, NO_TESTS, TIMEOUT, OTHER)]
    source_changed = rerun and _source_changed(folder, module)
    fresh = not previous or source_changed
    prepare(folder, module, fresh=fresh)
    cmd = _mutmut() + ["run", "--max-children", str(jobs)]
    if not fresh:
        if not again:
            print(f"{module}: no survivors to re-test", flush=True)
            return Result(module, previous)
        cmd += again
        # mutmut maps only *new* test names to the functions they call; a test that was
        # changed keeps its old mapping unless the stats are collected again.
        (folder / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    what = f"{len(again)} survivors again" if not fresh else "all mutants"
    print(f"{module}: testing {what} (log: {folder / 'mutmut.log'})", flush=True)
    start = time.monotonic()
    with open(folder / "mutmut.log", "w", encoding="utf-8") as log:
        done = subprocess.run(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    result = Result(module, read_results(folder, module), time.monotonic() - start)
    if done.returncode != 0 or not result.total:
        tail = (folder / "mutmut.log").read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"mutmut failed on {module} (exit {done.returncode}):\n{tail}")
    return result


def _source_changed(folder: Path, module: str) -> bool:
    copy = folder / "editor" / module
    return not copy.exists() or copy.read_bytes() != (ROOT / "editor" / module).read_bytes()


def show(folder: Path, names: list[str]) -> str:
    out = []
    for name in names:
        done = subprocess.run(_mutmut() + ["show", name], cwd=folder, capture_output=True,
                              text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        out.append(done.stdout.strip() or done.stderr.strip())
    return "\n\n".join(out)


HEAD = ("module", "mutants", "killed", "survived", "no tests", "timeout", "score", "time")


def table(results: list[Result], markdown: bool) -> str:
    rows = [[f"editor/{r.module}", str(r.total), str(r.count(KILLED)), str(r.count(SURVIVED)),
             str(r.count(NO_TESTS)), str(r.count(TIMEOUT)), f"{100 * r.score:.1f}%",
             f"{r.seconds:.0f} s"] for r in results]
    if markdown:
        lines = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(x) for x in col) for col in zip(HEAD, *rows, strict=True)]
    fmt = lambda r: "  ".join(x.ljust(w) if i == 0 else x.rjust(w)  # noqa: E731
                              for i, (x, w) in enumerate(zip(r, widths, strict=True)))
    return "\n".join([fmt(HEAD)] + [fmt(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="e.g. storage/history.py")
    ap.add_argument("--group", choices=sorted(GROUPS))
    ap.add_argument("--list", action="store_true", help="list the modules and their tests")
    ap.add_argument("--survivors", action="store_true", help="print surviving mutants' diffs")
    ap.add_argument("--rerun", action="store_true", help="re-test the last run's survivors")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    args = ap.parse_args(argv)
    if args.list:
        for m, tests in MODULES.items():
            print(f"editor/{m:22} {' '.join(tests)}")
        return 0
    modules = [module_key(m) for m in args.modules] + GROUPS.get(args.group, [])
    if not modules:
        ap.error("name a module or a --group (see --list)")
    try:
        import mutmut  # noqa: F401
    except ImportError:
        ap.error("mutmut is not installed: .venv/bin/pip install -e '.[test,mutation]'")
    results = []
    for module in dict.fromkeys(modules):
        result = run_module(module, args.workdir.resolve(), args.jobs, args.rerun)
        results.append(result)
        if args.survivors and (names := result.names(SURVIVED, NO_TESTS, OTHER)):
            folder = args.workdir.resolve() / module.replace("/", "-").removesuffix(".py")
            print(show(folder, names) + "\n", flush=True)
    print(table(results, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
