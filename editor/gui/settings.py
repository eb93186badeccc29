"""The window's settings in one place: QSettings, the data folder, translations, preferences.

QSettings keeps the interface language, recent files and the window's
geometry, splitter and dock layout. Only values that differ from the
default are stored. Files PageDesk writes itself (recovery files) go under
the user data folder from platformdirs — the same place as the library, not
Qt's AppDataLocation, which disagrees on Linux — or under $PAGEDESK_HOME.

Translations: source strings are English; Simplified Chinese comes from
`resources/i18n/pagedesk_zh_CN.qm`, compiled by the developer who edits the
.ts (`pyside6-lrelease`, see README) and committed; a test fails when it is not
what the .ts compiles to, and nothing is compiled at run time. A language
chosen in the preferences takes effect at the next start, when the
translators are installed before any window exists.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from editor.paths import resource_dir

ORG = "PageDesk"
APP = "PageDesk"
MAX_RECENT = 10
LANGUAGES = ("auto", "zh_CN", "en")


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def data_dir() -> str:
    """PageDesk's data folder (`editor.paths.data_folder`), created when missing."""
    from editor.paths import data_folder

    path = data_folder()
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


def _file_setting(key: str) -> str:
    return str(qsettings().value(key, "") or "")


def _set_file_setting(key: str, path: str) -> None:
    """Keep a chosen file's path; "" (none chosen) removes the setting."""
    s = qsettings()
    if path:
        s.setValue(key, path)
    else:
        s.remove(key)


def user_dict_setting() -> str:
    """The user's own jieba dictionary file ("" for none)."""
    return _file_setting("search/user_dict")


def set_user_dict_setting(path: str) -> None:
    _set_file_setting("search/user_dict", path)


def profile_setting() -> str:
    """The paper profile the importer reads ("" for none: the general conventions)."""
    return _file_setting("import/profile")


def set_profile_setting(path: str) -> None:
    _set_file_setting("import/profile", path)


# -- translations -------------------------------------------------------------------------

I18N_DIR = resource_dir() / "i18n"
_installed: list[QTranslator] = []


def compiled(language: str) -> Path | None:
    """The compiled translation (.qm) for a language, as committed and shipped; nothing is
    compiled or written at run time (tests/gui/test_i18n.py checks that the committed .qm
    is what pyside6-lrelease makes of the .ts)."""
    qm = I18N_DIR / f"pagedesk_{language}.qm"
    return qm if qm.exists() else None


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install translators for `language` ("zh_CN" or "en"); True if PageDesk's own loaded."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(language))
    ok = False
    qm = compiled(language)
    own = QTranslator(app)
    if qm is not None and own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
        ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
