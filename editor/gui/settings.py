"""The window's settings in one place: QSettings (INI) plus the user data folder.

QSettings keeps the interface language, recent files and the window's
geometry, splitter and dock layout. Only values that differ from the
default are stored. Files PageDesk writes itself (recovery files) go under
the user data folder from platformdirs — the same place as the library, not
Qt's AppDataLocation, which disagrees on Linux — or under $PAGEDESK_HOME.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QLocale, QSettings

ORG = "PageDesk"
APP = "PageDesk"
MAX_RECENT = 10
LANGUAGES = ("auto", "zh_CN", "en")


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def data_dir() -> str:
    home = os.environ.get("PAGEDESK_HOME")
    if home:
        path = home
    else:
        import platformdirs

        path = platformdirs.user_data_dir("PageDesk", appauthor=False)
    os.makedirs(path, exist_ok=True)
    return path


def recovery_dir() -> str:
    path = os.path.join(data_dir(), "recovery")
    os.makedirs(path, exist_ok=True)
    return path


# -- language -----------------------------------------------------------------------------


def language_setting() -> str:
    value = qsettings().value("ui/language", "auto")
    return value if value in LANGUAGES else "auto"


def set_language_setting(value: str) -> None:
    s = qsettings()
    if value == "auto":
        s.remove("ui/language")
    else:
        s.setValue("ui/language", value)


def effective_language(system: QLocale | None = None) -> str:
    """zh_CN or en: the preference, else Chinese when the system locale is Chinese."""
    chosen = language_setting()
    if chosen != "auto":
        return chosen
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


# -- recent files -------------------------------------------------------------------------


def recent_files() -> list[str]:
    value = qsettings().value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_file(path: str) -> list[str]:
    path = os.path.abspath(path)
    files = [path] + [f for f in recent_files() if f != path]
    qsettings().setValue("files/recent", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def clear_recent_files() -> None:
    qsettings().remove("files/recent")


# -- window layout ------------------------------------------------------------------------


def save_layout(name: str, data: QByteArray) -> None:
    qsettings().setValue(f"window/{name}", data)


def load_layout(name: str) -> QByteArray | None:
    value = qsettings().value(f"window/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def last_open_dir() -> str:
    return str(qsettings().value("files/last_dir", "") or "")


def set_last_open_dir(path: str) -> None:
    qsettings().setValue("files/last_dir", path)
