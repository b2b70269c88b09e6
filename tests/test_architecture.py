"""The domain core is free of Qt: only wcif_desktop/ui imports PySide6 (DESIGN.md)."""

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "wcif_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_ui_imports_qt():
    offenders = [str(p.relative_to(PKG)) for p in PKG.rglob("*.py")
                 if "ui" not in p.relative_to(PKG).parts[:1] and {"PySide6", "shiboken6"} & _imports(p)]
    assert offenders == []


def test_domain_imports_no_sql_or_qt():
    offenders = [str(p.relative_to(PKG)) for p in (PKG / "domain").rglob("*.py")
                 if {"PySide6", "sqlite3", "sqlite_utils"} & _imports(p)]
    assert offenders == []


def test_cli_subcommands_load_without_qt():
    code = ("import sys; from wcif_desktop.cli import command_parser; command_parser(); "
            "import wcif_desktop.services.evaluation; print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PKG.parent).stdout.strip()
    assert out == "False"
