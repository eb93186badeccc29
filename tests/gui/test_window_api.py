"""Each of the window's helpers uses the main window only through its own small host
interface in `window_api`."""

from __future__ import annotations

import ast

from editor.gui.window_api import HOSTS, members
from tests.conftest import ROOT


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


def test_each_helper_uses_only_its_own_host_interface():
    for name, host in HOSTS.items():
        source = (ROOT / "editor" / "gui" / name).read_text(encoding="utf-8")
        assert f"window: {host.__name__}" in source, f"{name} is not given a {host.__name__}"
        uses = _window_uses(source)
        assert uses, name
        undeclared = sorted({member for member, _ in uses} - members(host))
        assert undeclared == [], f"{name} uses window members not in {host.__name__}: {undeclared}"
        private = sorted({f"{m}.{x}" for m, x in uses if m.startswith("_")
                          or (x or "").startswith("_")})
        assert private == [], f"{name} reaches into private parts: {private}"


def test_the_hosts_are_small_and_the_window_has_every_member_they_declare(window):
    sizes = {host.__name__: len(members(host)) for host in HOSTS.values()}
    everything = set().union(*(members(host) for host in HOSTS.values()))
    # The few helpers that only report need a handful of members; only the menus reach
    # every panel.
    assert max(sizes.values()) <= 32 and sorted(sizes.values())[:3] == [5, 5, 7], sizes
    missing = sorted(m for m in everything if not hasattr(window, m))
    assert missing == [], missing


def test_the_check_finds_an_undeclared_member_and_a_private_call():
    uses = _window_uses("class A:\n    def f(self):\n        w = self.w\n"
                        "        self.w.files._begin('x', 1)\n        w.secret_panel.show()\n")
    assert ("files", "_begin") in uses and ("secret_panel", "show") in uses


def test_a_member_outside_the_helpers_host_is_reported():
    from editor.gui.window_api import PrefsHost
    uses = _window_uses("class A:\n    def f(self):\n        self.w.tree.setFocus()\n")
    assert {m for m, _ in uses} - members(PrefsHost) == {"tree"}
