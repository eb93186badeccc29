"""`pagedesk gui` starts the window; `pagedesk desktop-entry` puts PageDesk in the desktop's
application menu (a freedesktop .desktop file and the icon set, in the user's data
folders: pip installs no menu entries itself) and gives fontconfig the Chinese faces Word
exports name (resources/fontconfig: SimSun, SimHei and KaiTi are Windows' names; on Linux
LibreOffice otherwise sets all three in one sans face)."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def register(sub) -> None:
    # (listed for --help; editor.cli.main hands `pagedesk gui …` to the window as it is,
    # since the window parses its own options)
    p = sub.add_parser("gui", help="start the window (the same as pagedesk-gui)")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARG",
                   help="page files to open, and the window's options (--library, --profile)")
    p = sub.add_parser("desktop-entry",
                       help="add PageDesk to the application menu (menu entry and icons)")
    p.add_argument("--data-home", metavar="DIR",
                   help="where to write (default: XDG_DATA_HOME or ~/.local/share)")
    p.add_argument("--config-home", metavar="DIR",
                   help="where the font aliases go (default: XDG_CONFIG_HOME or ~/.config)")
    p.add_argument("--no-fonts", action="store_true",
                   help="leave fontconfig alone (no aliases for the Word exports' faces)")
    p.set_defaults(func=cmd_desktop_entry)


def data_home(given: str | None = None) -> Path:
    return Path(given or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def config_home(given: str | None = None) -> Path:
    return Path(given or os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


FONT_ALIASES = "60-pagedesk-cjk.conf"


def cmd_desktop_entry(args) -> int:
    """Write applications/pagedesk.desktop, icons/hicolor/…/apps/pagedesk.{svg,png} and
    fontconfig/conf.d/60-pagedesk-cjk.conf."""
    from editor.cli import UserError
    from editor.paths import resource_dir

    home = data_home(args.data_home)
    res = resource_dir()
    written = []
    try:
        apps = home / "applications"
        apps.mkdir(parents=True, exist_ok=True)
        entry = (res / "pagedesk.desktop").read_text(encoding="utf-8")
        gui = shutil.which("pagedesk-gui")
        if gui:  # (the full path: a menu may not search the virtual environment's bin)
            entry = entry.replace("Exec=pagedesk-gui", f"Exec={gui}")
        (apps / "pagedesk.desktop").write_text(entry, encoding="utf-8")
        written.append(apps / "pagedesk.desktop")
        scalable = home / "icons" / "hicolor" / "scalable" / "apps"
        scalable.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(res / "icons" / "pagedesk.svg", scalable / "pagedesk.svg")
        written.append(scalable / "pagedesk.svg")
        for size in ICON_SIZES:
            folder = home / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(res / "icons" / f"pagedesk-{size}.png", folder / "pagedesk.png")
            written.append(folder / "pagedesk.png")
    except OSError as exc:
        raise UserError(f"cannot write the menu entry: {exc.strerror or exc}") from None
    print(f"menu entry and {len(written) - 1} icons written under {home}")
    if not args.no_fonts:
        conf = config_home(args.config_home) / "fontconfig" / "conf.d" / FONT_ALIASES
        try:
            conf.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(res / "fontconfig" / FONT_ALIASES, conf)
        except OSError as exc:
            raise UserError(f"cannot write the font aliases: {exc.strerror or exc}") from None
        print(f"font aliases for Word exports (SimSun, SimHei, KaiTi) written to {conf}")
    return 0
