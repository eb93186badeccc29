"""Translations: PageDesk's own (.ts in resources/i18n, compiled to .qm) and Qt's standard dialogs.

Source strings are English; Simplified Chinese comes from
`resources/i18n/pagedesk_zh_CN.qm`. The .qm is committed; if it is missing or
older than its .ts (a developer edited the translations), it is compiled at
start with `pyside6-lrelease` when that tool is available.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_installed: list[QTranslator] = []


def _lrelease() -> str | None:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("pyside6-lrelease")


def compiled(language: str) -> Path | None:
    """The .qm for a language, compiling it from the .ts first when needed."""
    ts = I18N_DIR / f"pagedesk_{language}.ts"
    qm = I18N_DIR / f"pagedesk_{language}.qm"
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    tool = _lrelease() if stale else None
    if stale and tool and os.access(I18N_DIR, os.W_OK):
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            pass
    return qm if qm.exists() else None


def install(app: QCoreApplication, language: str) -> bool:
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
