"""jieba, loaded once and lazily, with PageDesk's newsroom user dictionary.

Loading jieba's dictionary takes ~0.75 s, so nothing imports jieba at module
import time: callers use `get_jieba()` (which a GUI may call from a worker
after the window shows). Its cache file goes to the user cache directory.

Besides the newsroom dictionary, a user dictionary of the user's own is
loaded: `$PAGEDESK_USER_DICT`, and the file a preference names through
`set_user_dict(path)`. Search tokens depend on the dictionaries, so after a
change the library's index is re-cut with `Library.reindex()` (`pagedesk reindex`).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache

from editor.paths import resource_dir

_lock = threading.Lock()
_jieba = None
_user_dict: str | None = None  # set_user_dict(): the preference's dictionary file
USER_DICT = resource_dir() / "jieba" / "newsroom.dict"


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
            if _user_dict:
                jieba.load_userdict(_user_dict)
            _jieba = jieba
    return _jieba


def set_user_dict(path: str | os.PathLike | None) -> int:
    """Use the user's own dictionary file (one `word [freq] [pos]` a line, UTF-8) too.

    The file is checked now (ValueError with a clear message if it cannot be
    read), remembered for when jieba loads, and loaded at once if jieba has
    already. Returns its number of entries. jieba cannot forget words, so a
    dictionary replaced or cleared (None) loses its words at the next start.
    """
    global _user_dict
    if path is None:
        _user_dict = None
        return 0
    path = os.path.abspath(os.fspath(path))
    try:
        with open(path, encoding="utf-8-sig") as fh:
            entries = sum(1 for line in fh if line.strip())
    except UnicodeDecodeError:
        raise ValueError(f"the user dictionary {path} is not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"cannot read the user dictionary {path}: {exc.strerror or exc}") from None
    with _lock:
        _user_dict = path
        if _jieba is not None:
            _jieba.load_userdict(path)
            clear_word_caches()
    return entries


def is_loaded() -> bool:
    return _jieba is not None


def cut_for_search(text: str) -> list[str]:
    return [t for t in get_jieba().cut_for_search(text) if t.strip()]


def cut(text: str) -> list[str]:
    return [t for t in get_jieba().cut(text) if t.strip()]


_word_caches: list = []  # caches of results that depend on the dictionaries


def word_cache(maxsize: int):
    """`functools.lru_cache` for functions of jieba's words: emptied when `set_user_dict`
    changes the dictionaries."""

    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _word_caches.append(cached)
        return cached

    return wrap


def clear_word_caches() -> None:
    """Forget cached cuts (after the dictionaries changed)."""
    for cache in _word_caches:
        cache.cache_clear()


def pieces(text: str) -> list[str]:
    """The text split where jieba splits it before cutting: runs of Han, Latin and digits
    (each cut on its own) and the characters between them (each a word of its own)."""
    return [p for p in get_jieba().re_han_default.split(text) if p]


@word_cache(maxsize=1 << 16)
def cut_piece(piece: str) -> tuple[str, ...]:
    """`cut()` of one of `pieces()`, cached."""
    return tuple(cut(piece))


def cut_cached(text: str) -> list[str]:
    """The same words as `cut(text)`, cut piece by piece with a cache.

    A text's words are its pieces' words in order. The importer cuts many texts
    built from the same sentences (a body's text, several bodies joined, a chunk);
    their pieces repeat and are cut once. Words a dictionary gained after the cut
    are seen only after `set_user_dict`.
    """
    return [w for piece in pieces(text) for w in cut_piece(piece)]


def _word_across(first: str, second: str) -> str | None:
    """The jieba word of `first + second` that the boundary between them falls inside."""
    pos = 0
    for tok in cut_cached(first + second):
        if pos < len(first) < pos + len(tok):
            return tok
        pos += len(tok)
    return None


def cuts_a_word(first: str, second: str) -> bool:
    """Does the boundary between two texts fall inside a jieba word of their join?

    A line break that cuts a word means the two lines are one text (a broken
    headline, a column chunk going on); most breaks fall between words.
    """
    return _word_across(first, second) is not None


def cuts_a_known_word(first: str, second: str) -> bool:
    """`cuts_a_word`, counting only words of the dictionaries: jieba glues unknown glyphs
    (a personal name beside other text) into made-up words that say nothing."""
    tok = _word_across(first, second)
    return tok is not None and get_jieba().dt.FREQ.get(tok, 0) > 0
