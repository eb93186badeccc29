"""Render resources/icons/pagedesk.svg to the PNG sizes of the icon set.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from editor.commands.desktop import ICON_SIZES  # noqa: E402


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (needed by Qt)
    icons = ROOT / "resources" / "icons"
    renderer = QSvgRenderer(str(icons / "pagedesk.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(icons / f"pagedesk-{size}.png"))
    print(f"{len(ICON_SIZES)} PNG icons in {icons}")


if __name__ == "__main__":
    main()
