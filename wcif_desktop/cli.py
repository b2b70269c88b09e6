"""Command line: ``wcif-desktop`` (GUI) and its subcommands (no Qt imported for them).

Each module in :mod:`wcif_desktop.commands` defines ``register(subparsers)`` and adds its subcommands; each
subcommand's handler takes the parsed ``args`` and returns an exit code. Errors a user can fix
(:class:`~wcif_desktop.domain.errors.WcifError`) print one clear line on stderr and exit 2 unless the command
documents another code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import warnings

from . import APP_NAME, __version__
from .domain.errors import WcifError


class _Parser(argparse.ArgumentParser):
    """argparse with the CLI's error convention: a wrong command line is one line starting with 错误： on stderr
    (with where to find the usage), exit 2 — not argparse's multi-line usage block."""

    def error(self, message: str):  # noqa: D102 - argparse API
        print(f"错误：{message}（用法：{self.prog} --help）", file=sys.stderr)
        raise SystemExit(2)


def _gui_parser(with_subcommands: bool = True) -> argparse.ArgumentParser:
    epilog = None
    if with_subcommands:  # imports every command module: only for --help (start-up time)
        sub = command_parser()._subparsers._group_actions[0]  # noqa: SLF001
        helps = {a.dest: a.help for a in sub._choices_actions}  # noqa: SLF001
        epilog = "subcommands (wcif-desktop COMMAND --help for details):\n" + "\n".join(
            f"  {name:<16} {helps.get(name) or ''}" for name in sub.choices)
    p = _Parser(prog="wcif-desktop", description=f"{APP_NAME} — 工伤保险基金绩效评价",
                epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument("path", nargs="?", help="evaluation file (.wcif) to open")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the main window to a PNG and exit")
    p.add_argument("--step", help="step to show (团队与方案, 现场资料核查, 绩效目标, 指标评分, 问题与建议, 报告 or its key)")
    p.add_argument("--lang", choices=["zh", "en"], help="UI language for this run")
    p.add_argument("--read-only", action="store_true",
                   help="open the file read-only: no backup, nothing written, files beside it (-wal, -journal) ignored")
    return p


_PARSER: argparse.ArgumentParser | None = None


def command_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand, built once per process from the modules in :mod:`wcif_desktop.commands`."""
    global _PARSER
    if _PARSER is None:
        _PARSER = _build_command_parser()
    return _PARSER


def _build_command_parser(modules: list[str] | None = None) -> argparse.ArgumentParser:
    """The top-level parser with the subcommands of ``modules`` (names in :mod:`wcif_desktop.commands`; all
    when None)."""
    p = _Parser(prog="wcif-desktop", description=f"{APP_NAME} — 工伤保险基金绩效评价")
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    from . import commands

    if modules is None:
        modules = sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))
    for name in modules:
        importlib.import_module(f"{commands.__name__}.{name}").register(sub)
    return p


def _parser_for(command: str) -> argparse.ArgumentParser:
    """The parser for a run of ``command``: only the module that defines it is imported and registered (see
    :data:`wcif_desktop.commands.COMMAND_MODULES`); it parses and reports errors exactly as the full parser does
    for that command. A command missing from the table gets the full parser."""
    from .commands import COMMAND_MODULES

    module = COMMAND_MODULES.get(command)
    return command_parser() if module is None else _build_command_parser([module])


def _is_listed_command(name: str) -> bool:
    from .commands import COMMAND_MODULES

    return name in COMMAND_MODULES


def _subcommand_names() -> set[str]:
    return set(command_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001


def _quiet_library_warnings() -> None:
    """Keep the libraries' notes to their own developers off the user's terminal: pyHanko imports
    cryptography names that cryptography marks deprecated (DSA), which prints a
    ``CryptographyDeprecationWarning`` on every signing call. Only warnings raised from inside those libraries
    are silenced; the app's own warnings and every error still show."""
    for module in (r"pyhanko(\..*)?", r"pyhanko_certvalidator(\..*)?", r"oscrypto(\..*)?"):
        warnings.filterwarnings("ignore", module=module)


def main(argv: list[str] | None = None) -> int:
    own_process = argv is None
    if own_process:
        from . import codecache

        codecache.install()  # compiled dataclass methods from earlier runs (start-up time)
    argv = list(sys.argv[1:] if argv is None else argv)
    _force_utf8_stdio()
    _quiet_library_warnings()
    first = _first_positional(argv)
    # An evaluation file opens the GUI at once, without importing every subcommand module (start-up time).
    opens_file = first is not None and first.lower().endswith(".wcif")
    is_command = first is not None and not opens_file and (_is_listed_command(first) or first in _subcommand_names())
    # the GUI pauses it too: importing Qt and building the window make tens of thousands of long-lived objects;
    # its event loop turns it back on (no timer thread: see wcif_desktop.ui.app.run_gui)
    resume_gc = _pause_gc(2.0 if is_command else None) if own_process else None
    if is_command:
        parser = _parser_for(first)
        args = parser.parse_args(argv)
        from .store import sidecars

        def say(message) -> None:  # what opening a file did with a sidecar beside it: one line on stderr
            print(f"注意：{message}", file=sys.stderr)

        sidecars.add_listener(say)
        try:
            return int(args.handler(args) or 0)
        except WcifError as e:
            print(f"错误：{e}", file=sys.stderr)
            return getattr(args, "error_exit_code", 2)
        except KeyboardInterrupt:
            print("已中断 (interrupted)", file=sys.stderr)
            return 130
        except BrokenPipeError:  # the reader went away (`wcif-desktop readiness F | head`): stop quietly
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
            return 141  # 128 + SIGPIPE, as other command-line tools
        finally:
            sidecars.remove_listener(say)
            if resume_gc is not None:
                resume_gc(exiting=True)
    args = _gui_parser(with_subcommands=bool({"-h", "--help"} & set(argv))).parse_args(argv)
    from .ui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(args, resume_gc=resume_gc)


# options of the GUI that take a value: ``--step targets F.wcif`` names a step, not the ``targets`` command
_GUI_VALUE_OPTIONS = ("--step", "--lang", "--screenshot")


def _first_positional(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor a GUI option's value (the subcommand or the file)."""
    skip = False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in _GUI_VALUE_OPTIONS:
            skip = True
            continue
        if not a.startswith("-"):
            return a
    return None


def _pause_gc(seconds: float | None = 2.0):
    """No cyclic garbage collection during the first ``seconds`` of the app's own process: importing the
    libraries and loading the fonts create a few hundred thousand long-lived objects, which the collector would
    scan over and over (~10 % of a signed report's run) without freeing anything; the GUI's start (Qt's modules
    and enums, the main window, the first step) makes tens of thousands (~8 % of the start to a painted window).
    A longer command gets the collector back after ``seconds`` (``None``: only when resumed); the returned
    function ``resume(exiting=False)`` turns it back on at once (the GUI calls it once its window is shown).

    ``resume(exiting=True)`` is for the end of the command, when the process ends next: it first freezes what
    the run made (:func:`gc.freeze`), so that the collections at and during the interpreter's shutdown do not
    walk those ~100,000 objects again and again (~0.1 s of a signed report's process) only to free memory the end
    of the process frees anyway.
    Objects are still released as the modules are torn down; only cyclic garbage left at that point is not
    collected (Python does not promise finalizers at exit; every file and database the commands open is closed
    by its ``with`` block before)."""
    import gc
    import threading

    if not gc.isenabled():
        return None
    gc.disable()
    timer = None
    if seconds is not None:
        timer = threading.Timer(seconds, gc.enable)
        timer.daemon = True
        timer.start()

    def resume(exiting: bool = False) -> None:
        if timer is not None:
            timer.cancel()
        if exiting:
            gc.freeze()
        gc.enable()

    return resume


def _force_utf8_stdio() -> None:
    """Windows consoles default to a legacy code page; print Chinese text as UTF-8 instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
