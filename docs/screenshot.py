"""Render docs/screenshot.png: the main window with the sample page open (offscreen, Chinese UI).

    .venv/bin/python docs/screenshot.py [OUT.png]

Runs without a display (Qt's offscreen platform) and with settings, library
and recovery files in a temporary folder, so it neither reads nor changes
the user's own. Needs a CJK font (fonts-noto-cjk) for the Chinese to show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "guangdong-jishi-p13.txt"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot.png"
    tmp = tempfile.mkdtemp(prefix="pagedesk-shot-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PAGEDESK_HOME"] = tmp
    os.environ["PAGEDESK_LIBRARY"] = os.path.join(tmp, "library.sqlite")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings, QTimer

    import editor.gui  # noqa: F401  (first: see its docstring)

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.path.join(tmp, "qsettings")
    )
    from editor.gui import settings

    settings.set_language_setting("zh_CN")
    from editor.gui.app import create_app, start_window

    app = create_app([])
    window = start_window([str(SAMPLE)])
    window.ask_unsaved = lambda names: "discard"
    window.resize(1440, 900)
    result = {"code": 1}

    def shoot() -> None:
        if not window.docs or window.files.busy:
            QTimer.singleShot(100, shoot)
            return
        page = window.page()
        art = next((a for a in page.articles if a.kicker), page.articles[0])
        block = next((b for b in art.blocks if b.role == "paragraph"), art.blocks[0])
        window.select_id(block.id)
        window.splitter.setSizes([470, 970])
        window.right_splitter.setSizes([520, 450])
        app.processEvents()
        if window.grab().save(str(out)):
            print(f"wrote {out}")
            result["code"] = 0
        window.close()
        app.quit()

    QTimer.singleShot(200, shoot)
    QTimer.singleShot(60000, app.quit)  # never hang
    app.exec()
    return result["code"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
