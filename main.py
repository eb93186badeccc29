"""Start PageDesk's window: `python main.py [FILE…]`."""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from editor.gui.app import run
    except ImportError as exc:  # the GUI layer is missing or Qt cannot load
        print(
            f"PageDesk: the window cannot start ({exc}). "
            "Use the command line: python -m editor --help",
            file=sys.stderr,
        )
        return 2
    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
