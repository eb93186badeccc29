"""The `pagedesk` command line (also `python -m editor`).

Each group of subcommands lives in a module of `editor.commands` with a
`register(subparsers)` function; a subcommand's handler takes the parsed
arguments and returns the exit code. A `UserError` (or the core's
`InputError`) becomes one clear line on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from editor import __version__
from editor.core.reader import InputError

# Modules that add subcommands. A module that is missing (a feature not
# installed in this build) is skipped.
COMMAND_MODULES = (
    "editor.commands.segment",
    "editor.commands.library",
    "editor.commands.tags",
    "editor.commands.export",
    "editor.commands.desktop",
)


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


PROFILE_ENV = "PAGEDESK_PROFILE"


MAX_COUNT = 10**9


def count(text: str) -> int:
    """An argparse type: a whole number from 0 to MAX_COUNT (--limit, --offset)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {MAX_COUNT})")
    return value


def add_profile_option(p) -> None:
    """`--profile FILE` for a subcommand that segments page text."""
    p.add_argument("--profile", metavar="FILE",
                   help=f"the paper's profile (TOML) the importer reads besides the general "
                        f"conventions (default: ${PROFILE_ENV})")


def apply_profile(args) -> None:
    """The profile named by --profile (else $PAGEDESK_PROFILE), for a subcommand that takes
    one; a bad profile is an InputError."""
    if not hasattr(args, "profile"):
        return
    path = args.profile or os.environ.get(PROFILE_ENV)
    if path:
        from editor.core.profile import load_profile, use_profile

        use_profile(load_profile(path))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pagedesk",
        description="PageDesk (版面校对台): newspaper pages to structured articles.",
    )
    parser.add_argument("--version", action="version", version=f"pagedesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _configure_stdout() -> None:
    # Chinese text must print even where the locale is C/POSIX.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _configure_stdout()
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["gui"]:  # the window takes its own options (--library, --profile, files)
        from editor.launch import main as window

        return window(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)  # (no command: a usage error, as argparse's own)
        return 2
    try:
        apply_profile(args)
        return int(args.func(args) or 0)
    except (UserError, InputError) as exc:
        print(f"pagedesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pagedesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
