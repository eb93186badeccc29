"""Paper profiles: one newspaper's conventions on top of the general ones.

Every paper prints a few things its own way: the name it files its stories under
(`临江日报讯`), credit titles (`首席记者`), a bullet glyph, the words of its chart credits
or jump lines. A profile is a small TOML file that names them; `use_profile` makes the
importer read the general conventions (`editor.core.conventions`) extended by it, until
another profile (or none) is chosen. A profile only adds: it never removes a general
convention, so a page of another paper does not get worse under it.

    name = "临江日报"
    own_papers = ["临江日报", "临江晚报"]
    bullets = "◉"

    [credit_titles]
    "首席记者" = "reporter"
    "本报首席记者" = "reporter"

    [layout]
    indent = 2

The keys a profile may hold are `conventions.EXTENSIBLE` (lists, glyph strings, a table of
credit titles and roles) and, under `[layout]`, `conventions.TUNABLE` (numbers in a range).
Anything else is refused with a message naming the key, so a misspelt key is never
silently ignored.
"""

from __future__ import annotations

import os
import threading
import tomllib
from dataclasses import dataclass, field, replace

from . import conventions as cv
from .importer import clear_caches
from .model import PERSON_ROLE_KEYS
from .reader import InputError

MAX_PROFILE_BYTES = 1 << 20  # a profile is a few hundred bytes; refuse anything absurd
MAX_ENTRY = 24  # characters in one word of a profile (a paper's name, a credit title)


@dataclass(frozen=True)
class Profile:
    """A paper's additions to the general conventions (see the module's text)."""

    name: str = ""
    extend: dict[str, object] = field(default_factory=dict)
    tune: dict[str, float] = field(default_factory=dict)
    path: str | None = None

    @property
    def label(self) -> str:
        """What to call it: the paper's name, else its file's."""
        return self.name or os.path.splitext(os.path.basename(self.path or ""))[0]


def _bad(where: str, why: str) -> InputError:
    return InputError("bad-profile", f"{where}: {why}")


def _words(where: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise _bad(where, f"'{key}' must be a list of words")
    words = tuple(w.strip() for w in value)
    for w in words:
        if not w or len(w) > MAX_ENTRY or any(c.isspace() for c in w):
            raise _bad(where, f"'{key}' holds {w!r}: a word of 1–{MAX_ENTRY} characters "
                              "without spaces is needed")
    return words


def _glyphs(where: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not value or any(c.isspace() or c.isascii() for c in value):
        raise _bad(where, f"'{key}' must be a string of non-ASCII glyphs, without spaces")
    return value


def _roles(where: str, key: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _bad(where, f"'{key}' must be a table of title = role")
    roles = {}
    for title, role in value.items():
        _words(where, key, [title])
        if role not in PERSON_ROLE_KEYS:
            raise _bad(where, f"'{key}.{title}' has the role {role!r}; roles are "
                              + ", ".join(PERSON_ROLE_KEYS))
        roles[title.strip()] = role
    return roles


_CHECK = {"words": _words, "glyphs": _glyphs, "roles": _roles}


def profile_from_dict(data: dict, where: str = "profile") -> Profile:
    """A checked Profile from a parsed TOML table; InputError names the first problem."""
    name = data.get("name", "")
    if not isinstance(name, str):
        raise _bad(where, "'name' must be a string")
    extend: dict[str, object] = {}
    tune: dict[str, float] = {}
    for key, value in data.items():
        if key == "name":
            continue
        if key == "layout":
            if not isinstance(value, dict):
                raise _bad(where, "'layout' must be a table")
            for lkey, number in value.items():
                if lkey not in cv.TUNABLE:
                    raise _bad(where, f"unknown layout key 'layout.{lkey}'; known: "
                                      + ", ".join(cv.TUNABLE))
                _conv, lo, hi = cv.TUNABLE[lkey]
                if isinstance(number, bool) or not isinstance(number, int | float) or not (
                    lo <= number <= hi
                ):
                    raise _bad(where, f"'layout.{lkey}' must be a number from {lo} to {hi}")
                tune[lkey] = type(getattr(cv, _conv))(number)
            continue
        if key not in cv.EXTENSIBLE:
            raise _bad(where, f"unknown key '{key}'; known: name, layout, "
                              + ", ".join(cv.EXTENSIBLE))
        extend[key] = _CHECK[cv.EXTENSIBLE[key][1]](where, key, value)
    return Profile(name=name.strip(), extend=extend, tune=tune)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read and check a profile file. Raises InputError with one clear line."""
    where = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError("not-found", f"{where}: no such profile file") from None
    except OSError as exc:
        raise InputError("unreadable", f"{where}: cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise _bad(where, "too large for a paper profile")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _bad(where, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(where, f"not a TOML file ({exc})") from None
    return replace(profile_from_dict(data, where), path=where)


_lock = threading.Lock()
_active: Profile | None = None


def use_profile(profile: Profile | None) -> None:
    """Make `profile` (None: the general conventions only) the one every importer stage
    reads from now on; the importer's caches of earlier pages are emptied."""
    global _active
    with _lock:
        cv.apply_profile(profile.extend if profile else {}, profile.tune if profile else {})
        _active = profile
        clear_caches()


def active_profile() -> Profile | None:
    return _active
