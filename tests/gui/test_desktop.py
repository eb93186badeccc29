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
    assert main(["desktop-entry", "--data-home", str(tmp_path)]) == 0
    entry = (tmp_path / "applications" / "pagedesk.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=版面校对台" in entry and "Icon=pagedesk" in entry
    assert "pagedesk-gui" in entry.split("Exec=", 1)[1].split()[0]
    assert (tmp_path / "icons/hicolor/scalable/apps/pagedesk.svg").is_file()
    for size in ICON_SIZES:
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/pagedesk.png").stat().st_size > 100
    assert "menu entry" in capsys.readouterr().out


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
