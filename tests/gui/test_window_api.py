"""The window's helpers use the main window only through `window_api.WindowApi`."""

from __future__ import annotations

import ast

from editor.gui.window_api import WindowApi
from tests.conftest import ROOT

HELPERS = ("actions.py", "files.py", "archive.py", "exportdialog.py", "prefs.py",
           "progress.py")


def _window_uses(source: str) -> list[tuple[str, str | None]]:
    """(member of the window, member of that member) for every `self.w.X[.Y]` and every
    `w.X[.Y]` where `w = self.w`."""
    tree = ast.parse(source)
    aliases = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Attribute) and node.value.attr == "w"
               and isinstance(node.value.value, ast.Name) and node.value.value.id == "self"
               for t in node.targets if isinstance(t, ast.Name)}

    def is_window(v) -> bool:
        return (isinstance(v, ast.Attribute) and v.attr == "w" and isinstance(v.value, ast.Name)
                and v.value.id == "self") or (isinstance(v, ast.Name) and v.id in aliases)

    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_window(node.value):
            up = parents.get(node)
            inner = up.attr if isinstance(up, ast.Attribute) and up.value is node else None
            out.append((node.attr, inner))
    return out


def test_helpers_use_only_the_declared_window_interface():
    declared = set(WindowApi.__annotations__) | {
        name for name in vars(WindowApi) if not name.startswith("_")}
    for name in HELPERS:
        uses = _window_uses((ROOT / "editor" / "gui" / name).read_text(encoding="utf-8"))
        assert uses, name
        undeclared = sorted({member for member, _ in uses} - declared)
        assert undeclared == [], f"{name} uses window members not in WindowApi: {undeclared}"
        private = sorted({f"{m}.{x}" for m, x in uses if m.startswith("_")
                          or (x or "").startswith("_")})
        assert private == [], f"{name} reaches into private parts: {private}"


def test_the_check_finds_an_undeclared_member_and_a_private_call():
    uses = _window_uses("class A:\n    def f(self):\n        w = self.w\n"
                        "        self.w.files._begin('x', 1)\n        w.secret_panel.show()\n")
    assert ("files", "_begin") in uses and ("secret_panel", "show") in uses
