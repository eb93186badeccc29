"""Where PageDesk keeps the library file: one rule for the storage layer and the window.

A module of its own, importing neither Qt nor the storage modules, so the window
can find the file in its first moments without loading the library code.
"""

from __future__ import annotations

import os


def library_file() -> str:
    """PAGEDESK_LIBRARY, else `library.sqlite` in the platformdirs user data folder
    (the path only; nothing is created)."""
    chosen = os.environ.get("PAGEDESK_LIBRARY")
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    import platformdirs

    return os.path.join(platformdirs.user_data_dir("PageDesk", appauthor=False), "library.sqlite")
