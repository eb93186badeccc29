"""jieba, loaded once and lazily, with PageDesk's newsroom user dictionary.

Loading jieba's dictionary takes ~0.75 s, so nothing imports jieba at module
import time: callers use `get_jieba()` (which a GUI may call from a worker
after the window shows). Its cache file goes to the user cache directory.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

_lock = threading.Lock()
_jieba = None
USER_DICT = Path(__file__).resolve().parents[2] / "resources" / "jieba" / "newsroom.dict"


def _cache_dir() -> str:
    home = os.environ.get("PAGEDESK_HOME")
    if home:
        path = os.path.join(home, "cache")
    else:
        import platformdirs

        path = platformdirs.user_cache_dir("PageDesk")
    os.makedirs(path, exist_ok=True)
    return path


def get_jieba():
    """The initialised jieba module (thread-safe, loads on first call)."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _lock:
        if _jieba is None:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import jieba
                import jieba.posseg  # noqa: F401
            jieba.setLogLevel(logging.WARNING)
            jieba.dt.tmp_dir = _cache_dir()
            jieba.initialize()
            if USER_DICT.is_file():
                jieba.load_userdict(str(USER_DICT))
            extra = os.environ.get("PAGEDESK_USER_DICT")
            if extra and os.path.isfile(extra):
                jieba.load_userdict(extra)
            _jieba = jieba
    return _jieba


def is_loaded() -> bool:
    return _jieba is not None


def cut_for_search(text: str) -> list[str]:
    return [t for t in get_jieba().cut_for_search(text) if t.strip()]


def cut(text: str) -> list[str]:
    return [t for t in get_jieba().cut(text) if t.strip()]
