"""Start PageDesk's window: the `pagedesk-gui` entry point, `pagedesk gui` and `main.py`.

Kept outside `editor.gui` so that a missing or broken Qt gives one clear line, not a
traceback.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        from editor.gui.app import run
    except ImportError as exc:  # the GUI layer is missing or Qt cannot load
        print(
            f"PageDesk: the window cannot start ({exc}). "
            "Use the command line: pagedesk --help",
            file=sys.stderr,
        )
        return 2
    return run(argv)
