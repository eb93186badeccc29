"""Simplified Chinese by default; English when chosen or on a non-Chinese system."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from editor.gui import settings


@pytest.fixture
def chinese(qapp):
    assert settings.install_translators(qapp, "zh_CN")
    yield
    settings.install_translators(qapp, "en")


def test_language_follows_the_system_unless_chosen():
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert settings.effective_language(chinese) == "zh_CN"
    assert settings.effective_language(english) == "en"
    settings.set_language_setting("en")
    assert settings.effective_language(chinese) == "en"
    settings.set_language_setting("zh_CN")
    assert settings.effective_language(english) == "zh_CN"
    settings.set_language_setting("auto")
    assert settings.qsettings().value("ui/language") is None  # only non-defaults are stored


def test_every_string_has_a_chinese_translation():
    """The .ts has no unfinished entry, so no English leaks into the Chinese interface."""
    ts = (settings.I18N_DIR / "pagedesk_zh_CN.ts").read_text(encoding="utf-8")
    assert ts.count("<message") > 150
    assert 'type="unfinished"' not in ts and 'type="vanished"' not in ts


def test_every_string_in_the_code_is_in_the_translation(tmp_path):
    """pyside6-lupdate over the window's code finds no string the .ts lacks (a string the
    tool cannot see, or one added without a translation, would show in English)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    ts = tmp_path / "check.ts"
    shutil.copy(settings.I18N_DIR / "pagedesk_zh_CN.ts", ts)
    sources = sorted(str(p) for p in Path(settings.__file__).parent.glob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    text = ts.read_text(encoding="utf-8")
    assert text.count("<message") > 150
    assert 'type="unfinished"' not in text


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    """A fresh clone's .qm is not older than its .ts by file time, so it is not recompiled:
    it must be the .ts's own compilation."""
    import subprocess
    import sys
    from pathlib import Path

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    qm = tmp_path / "check.qm"
    subprocess.run([str(lrelease), str(settings.I18N_DIR / "pagedesk_zh_CN.ts"), "-qm", str(qm)],
                   check=True, capture_output=True, timeout=120)
    assert qm.read_bytes() == (settings.I18N_DIR / "pagedesk_zh_CN.qm").read_bytes()


def test_window_in_chinese(chinese, qtbot):
    from editor.gui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[:3] == ["文件(&F)", "编辑(&E)", "稿件(&A)"]
    assert w.actions.role_actions["headline"].text() == "主题"
    assert w.inspector.article_box.title() == "稿件"
    assert QCoreApplication.translate("Errors", "The file is empty.") == "文件是空的。"


def test_preferences_store_the_language(qtbot):
    from editor.gui.prefs import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.language_setting() == "en"


def test_qts_own_dialogs_speak_chinese_too(chinese):
    """Qt's own file dialog and buttons come from Qt's zh_CN catalogue (issue 15 saw
    'Look in:' and 'Files of type:' in the Chinese interface)."""
    tr = QCoreApplication.translate
    assert tr("QFileDialog", "Look in:") == "查找范围："
    assert tr("QFileDialog", "Files of type:") == "文件类型："
    assert tr("QPlatformTheme", "Cancel") == "取消"
