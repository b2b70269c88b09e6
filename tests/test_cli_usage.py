"""A wrong command line is one line starting with 错误： on stderr and exit 2 (the README's rule), not argparse's
multi-line usage block."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("argv", [["document", "评价 文件.wcif", "没有这种文档", "-o", "x.pdf"], ["report"],
                                  ["score", "a.wcif", "--no-such-option"]])
def test_wrong_command_line_is_one_line(argv, tmp_path):
    p = subprocess.run([sys.executable, "-m", "wcif_desktop", *argv], capture_output=True, text=True,
                       encoding="utf-8", cwd=tmp_path)
    assert p.returncode == 2
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：") and "--help" in lines[0], p.stderr


def test_command_table_lists_every_subcommand_of_its_module():
    """``COMMAND_MODULES`` (a command's own run imports only the module named there) matches what each module of
    wcif_desktop.commands registers: every subcommand listed, under the module that defines it."""
    import argparse
    import importlib
    import pkgutil

    from wcif_desktop import commands

    registered = {}
    for mod in pkgutil.iter_modules(commands.__path__):
        if mod.name.startswith("_"):
            continue
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"wcif_desktop.commands.{mod.name}").register(sub)
        registered.update({name: mod.name for name in sub.choices})
    assert commands.COMMAND_MODULES == registered


def test_a_command_run_builds_only_its_own_parser(tmp_path):
    """``wcif-desktop verify F`` imports the report commands' module, not the other command modules (start-up
    time), and still reports a wrong command line the same way."""
    code = ("import sys, runpy; sys.argv = ['wcif-desktop', 'verify', sys.argv[1]]\n"
            "try:\n    runpy.run_module('wcif_desktop', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\n"
            "print(sorted(m for m in sys.modules if m.startswith('wcif_desktop.commands.')), code)")
    p = subprocess.run([sys.executable, "-c", code, str(tmp_path / "没有 这个.pdf")], capture_output=True,
                       text=True, encoding="utf-8", cwd=tmp_path)
    assert p.stdout.strip() == "['wcif_desktop.commands.report'] 1", p.stderr
    assert p.stderr.strip().startswith("错误：")


def test_a_command_freezes_its_objects_before_the_process_ends(tmp_path):
    """At the end of a command's own process the objects it made are frozen (gc.freeze: the shutdown's collections
    do not walk them) and the collector is on again; main() called in-process (argv given) freezes nothing."""
    code = ("import atexit, gc, sys, runpy\n"
            "atexit.register(lambda: print('GC', gc.get_freeze_count() > 0, gc.isenabled()))\n"
            "if sys.argv[1] == 'own':\n"
            "    sys.argv = ['wcif-desktop', 'verify', sys.argv[2]]\n"
            "    runpy.run_module('wcif_desktop', run_name='__main__')\n"
            "else:\n"
            "    from wcif_desktop.cli import main\n"
            "    main(['verify', sys.argv[2]])\n")
    for mode, frozen in (("own", "True"), ("in-process", "False")):
        p = subprocess.run([sys.executable, "-c", code, mode, str(tmp_path / "没有 这个.pdf")], capture_output=True,
                           text=True, encoding="utf-8", cwd=tmp_path)
        assert p.stdout.strip().splitlines()[-1] == f"GC {frozen} True", (mode, p.stdout, p.stderr)
        assert p.stderr.strip().startswith("错误：")
