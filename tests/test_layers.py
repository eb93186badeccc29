"""The layer rule (DESIGN.md §3): core, storage and export never import PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "editor"


@pytest.mark.parametrize("layer", ["core", "storage", "export"])
def test_layer_does_not_import_qt(layer):
    offenders = []
    for path in (ROOT / layer).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(
                n.split(".")[0] in ("PySide6", "shiboken6", "editor")
                and (n.startswith(("PySide6", "shiboken6")) or n.startswith("editor.gui"))
                for n in names
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_core_rules_do_not_name_the_sample_page():
    """The importer must stay general: no rule may mention the sample's words."""
    words = [
        "珠海",
        "阳江",
        "湛江",
        "茂名",
        "中山",
        "誉建业",
        "黄细英",
        "马驰",
        "灯饰",
        "珠工宣",
        "广东纪事",
    ]
    hits = [
        f"{p.relative_to(ROOT)}: {w}"
        for p in (ROOT / "core").rglob("*.py")
        for w in words
        if w in p.read_text(encoding="utf-8")
    ]
    assert hits == []
