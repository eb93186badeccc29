"""Start PageDesk's window: `python main.py [FILE…]` (installed: `pagedesk-gui`)."""

from __future__ import annotations

from editor.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
