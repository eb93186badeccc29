"""PageDesk as a desktop program: the window's icon, `pagedesk gui`, and the menu entry
`pagedesk desktop-entry` writes (issue 17)."""

from __future__ import annotations

from editor.cli import main
from editor.commands.desktop import ICON_SIZES


def test_the_application_has_its_icon_at_every_size(qapp):
    from editor.gui.app import window_icon

    sizes = sorted(s.width() for s in window_icon().availableSizes())
    assert sizes == sorted(ICON_SIZES)


def test_desktop_entry_writes_a_menu_entry_and_the_icon_set(tmp_path, capsys):
    assert main(["desktop-entry", "--data-home", str(tmp_path),
                 "--config-home", str(tmp_path / "config")]) == 0
    entry = (tmp_path / "applications" / "pagedesk.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=版面校对台" in entry and "Icon=pagedesk" in entry
    assert "pagedesk-gui" in entry.split("Exec=", 1)[1].split()[0]
    assert (tmp_path / "icons/hicolor/scalable/apps/pagedesk.svg").is_file()
    for size in ICON_SIZES:
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/pagedesk.png").stat().st_size > 100
    assert "menu entry" in capsys.readouterr().out


def test_desktop_entry_gives_fontconfig_the_faces_word_exports_name(tmp_path, capsys):
    """A Word export names SimSun, SimHei and KaiTi (Windows' faces); fontconfig maps none of
    them to a Kai face, so LibreOffice set captions in sans. The menu entry comes with
    aliases to the free faces of each kind, which fontconfig reads (checked with fc-match
    when it is installed, against a Kai face when one is)."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    config = tmp_path / "config"
    assert main(["desktop-entry", "--data-home", str(tmp_path / "data"),
                 "--config-home", str(config)]) == 0
    conf = config / "fontconfig" / "conf.d" / "60-pagedesk-cjk.conf"
    aliases = {a.findtext("family"): [f.text for f in a.find("prefer")]
               for a in ET.parse(conf).getroot().findall("alias")}
    assert set(aliases) == {"SimSun", "宋体", "SimHei", "黑体", "KaiTi", "楷体"}
    assert "AR PL UKai CN" in aliases["KaiTi"] and "Noto Serif CJK SC" in aliases["SimSun"]
    assert "font aliases" in capsys.readouterr().out
    if shutil.which("fc-match") and shutil.which("fc-list"):
        has_kai = "UKai" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout
        if has_kai:
            env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config), "PATH": "/usr/bin:/bin"}
            got = subprocess.run(["fc-match", "KaiTi:lang=zh-cn"], capture_output=True,
                                 text=True, env=env).stdout
            assert "UKai" in got, got
    assert main(["desktop-entry", "--data-home", str(tmp_path / "d2"), "--no-fonts",
                 "--config-home", str(tmp_path / "c2")]) == 0
    assert not (tmp_path / "c2").exists()


def test_desktop_entry_into_a_folder_it_cannot_write_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["desktop-entry", "--data-home", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pagedesk: error: cannot write the menu entry") and "Traceback" not in err


def test_pagedesk_gui_starts_the_window_code(monkeypatch):
    import editor.gui.app as app

    seen = []
    monkeypatch.setattr(app, "run", lambda argv: seen.append(argv) or 0)
    assert main(["gui", "--library", "x.db", "page.txt"]) == 0
    assert seen == [["--library", "x.db", "page.txt"]]
