"""PageDesk's window (PySide6). All Qt lives in this package.

Importing the package first guards against a reference-counting bug seen
with PySide6/shiboken6 6.12 (abi3 wheel) on CPython 3.11: every call of a
Qt method that returns nothing (or a signal's `emit`) releases one
reference to `None` (or `True`/`False`) that it never took. CPython 3.12+
makes those objects immortal, so the bug is harmless there; on 3.11 the
interpreter aborts ("none_dealloc: deallocating None") after a few thousand
such calls — within seconds of using the window. When a probe shows the
leak, we give the three singletons a reference count so large that it can
never reach zero, which is what 3.12 does for them anyway.
"""

from __future__ import annotations

import sys


def _singleton_refcounts_leak() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(32):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 16


def _guard_singletons() -> bool:
    """Make None/True/False effectively immortal if the Qt binding leaks them. True if applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    try:
        if not _singleton_refcounts_leak():
            return False
    except ImportError:  # no Qt: main.py reports that
        return False
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    return True


SINGLETON_GUARD = _guard_singletons()
