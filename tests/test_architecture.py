"""The directions of DESIGN.md, checked on every import (also the lazy ones inside functions).

- ``domain/`` imports nothing of ours outside ``domain/`` (nor Qt, nor SQL);
- renderers (``render/``) import neither ``services/`` nor ``store/`` (a document model in, bytes out);
- ``ui/`` and ``commands/`` reach the evaluation file only through ``services/``: they import no ``store/``;
- only ``ui/`` imports PySide6;
- no loops between the packages of ``wcif_desktop`` (domain, store, render, services, commands, ui …).
"""

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


def _our_imports(path: Path) -> set[tuple[str, ...]]:
    """Modules of ours that ``path`` imports, as dotted parts under ``wcif_desktop`` (relative ones resolved;
    ``from .. import x`` gives ``(…, 'x')``)."""
    rel = path.relative_to(PKG).with_suffix("").parts
    pkg = rel[:-1] if rel[-1] != "__init__" else rel[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[:len(pkg) - node.level + 1] if node.level > 1 else pkg
                mod = tuple(node.module.split(".")) if node.module else ()
                if mod:
                    out.add(base + mod)
                else:
                    out |= {base + (a.name,) for a in node.names}
            elif node.module and node.module.split(".")[0] == "wcif_desktop":
                out.add(tuple(node.module.split(".")[1:]))
        elif isinstance(node, ast.Import):
            out |= {tuple(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == "wcif_desktop"}
    return {m for m in out if m}


def _files(package: str):
    return sorted((PKG / package).rglob("*.py"))


def _offenders(package: str, forbidden: set[str]) -> list[str]:
    return [f"{p.relative_to(PKG)} → {'.'.join(m)}" for p in _files(package) for m in sorted(_our_imports(p))
            if m[0] in forbidden]


def test_only_ui_imports_qt():
    offenders = [str(p.relative_to(PKG)) for p in PKG.rglob("*.py")
                 if "ui" not in p.relative_to(PKG).parts[:1] and {"PySide6", "shiboken6"} & _imports(p)]
    assert offenders == []


def test_domain_imports_no_sql_or_qt():
    offenders = [str(p.relative_to(PKG)) for p in (PKG / "domain").rglob("*.py")
                 if {"PySide6", "sqlite3", "sqlite_utils"} & _imports(p)]
    assert offenders == []


def test_domain_imports_nothing_of_ours():
    offenders = [f"{p.relative_to(PKG)} → {'.'.join(m)}" for p in _files("domain") for m in _our_imports(p)
                 if m[0] != "domain"]
    assert offenders == []


def test_renderers_import_neither_services_nor_store():
    assert _offenders("render", {"services", "store", "ui", "commands"}) == []


def test_ui_and_cli_reach_the_file_only_through_services():
    assert _offenders("ui", {"store"}) == []
    assert _offenders("commands", {"store"}) == []


STORE_API = {"rows", "records", "get", "db", "conn", "execute", "insert", "update", "delete", "transaction",
             "atomic", "upsert"}


def _store_calls(source: str) -> list[str]:
    """Uses of the evaluation file's store API (``ef.rows(...)``, ``self.ctx.ef.get(...)``, ``ef.transaction()``,
    ``ef.db[...]``) in ``source``, as ``line: ef.attr``: the object is a name or an attribute called ``ef``."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in STORE_API:
            obj = node.value
            name = obj.id if isinstance(obj, ast.Name) else obj.attr if isinstance(obj, ast.Attribute) else ""
            if name == "ef":
                out.append(f"{node.lineno}: ef.{node.attr}")
    return out


def test_ui_reads_and_writes_the_file_only_through_services():
    """No store reads, writes or transactions in widgets: they call services (reads) and push the named undo
    commands of services/edits.py (writes)."""
    found = [f"{p.relative_to(PKG)}:{c}" for p in _files("ui") for c in _store_calls(p.read_text(encoding="utf-8"))]
    assert found == []
    probe = "def f(ctx, ef):\n    ctx.ef.rows('x')\n    with ef.transaction():\n        ef.who\n"
    assert _store_calls(probe) == ["2: ef.rows", "3: ef.transaction"]  # the check sees what it looks for


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for p in PKG.rglob("*.py"):
        rel = p.relative_to(PKG).parts
        if len(rel) == 1:
            continue  # top-level modules (cli.py, paths.py, __init__.py) are not packages
        src = rel[0]
        for m in _our_imports(p):
            if m[0] != src and (PKG / m[0]).is_dir():
                graph.setdefault(src, set()).add(m[0])
    return graph


def test_no_package_loops():
    graph = _package_graph()
    loops = []

    def visit(node, path):
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                loops.append(" → ".join(path[path.index(nxt):] + [nxt]))
            else:
                visit(nxt, path + [nxt])

    for start in sorted(graph):
        visit(start, [start])
    assert loops == []
    # and the layers point down: the graph holds the edges DESIGN.md draws, and no others
    allowed = {"domain": set(), "store": {"domain"}, "render": {"domain"}, "services": {"domain", "store", "render"},
               "commands": {"domain", "services", "render"}, "ui": {"domain", "services", "render", "resources"}}
    extra = {src: dst - allowed.get(src, set()) for src, dst in graph.items() if dst - allowed.get(src, set())}
    assert extra == {}


def test_the_checks_see_lazy_and_relative_imports():
    """The import reader resolves relative imports and finds imports inside functions (so the tests above can
    fail): ui/pages/report.py imports services lazily, inside its functions."""
    found = _our_imports(PKG / "ui" / "pages" / "report.py")
    assert any(m[0] == "services" for m in found)
    assert ("domain", "errors") in _our_imports(PKG / "render" / "output.py")


def test_cli_subcommands_load_without_qt():
    code = ("import sys; from wcif_desktop.cli import command_parser; command_parser(); "
            "import wcif_desktop.services.evaluation; print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PKG.parent).stdout.strip()
    assert out == "False"
