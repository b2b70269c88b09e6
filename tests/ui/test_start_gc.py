"""The GUI's start (issue 21): the cyclic garbage collector is paused while Qt's modules and the main window are
made (tens of thousands of long-lived objects it would scan again and again) and comes back once the window is
shown; a background task running by then keeps it off until the task ends (collection on the UI thread only, see
tests/ui/test_workers_gc.py)."""

from __future__ import annotations

import gc
import sys

import pytest

from wcif_desktop import cli, codecache

pytestmark = pytest.mark.gui


@pytest.fixture
def gc_restored():
    yield
    gc.enable()


def _started_gui(monkeypatch, argv: list[str]) -> dict:
    """Run ``wcif-desktop ARGV`` as its own process does (``main()`` without arguments) up to the GUI's start,
    which is replaced: what it was handed and whether the collector ran then."""
    import wcif_desktop.ui.app as app

    seen = {}

    def run_gui(args, resume_gc=None):
        seen.update(path=args.path, gc_enabled=gc.isenabled(), resume_gc=resume_gc)
        return 0

    monkeypatch.setattr(app, "run_gui", run_gui)
    monkeypatch.setattr(sys, "argv", ["wcif-desktop", *argv])
    try:
        assert cli.main() == 0
    finally:
        codecache.uninstall()
    return seen


def test_the_gui_starts_with_the_collector_paused_until_it_is_resumed(monkeypatch, gc_restored, workdir):
    path = workdir / "评价 文件.wcif"
    seen = _started_gui(monkeypatch, [str(path)])
    assert seen["path"] == str(path) and seen["gc_enabled"] is False and seen["resume_gc"] is not None
    assert not gc.isenabled()
    seen["resume_gc"]()
    assert gc.isenabled()


def test_a_call_from_code_pauses_nothing(monkeypatch, gc_restored):
    import wcif_desktop.ui.app as app

    seen = {}
    monkeypatch.setattr(app, "run_gui", lambda args, resume_gc=None: seen.update(resume_gc=resume_gc) or 0)
    assert cli.main(["x.wcif"]) == 0
    assert seen["resume_gc"] is None and gc.isenabled()


def test_a_task_running_at_the_end_of_the_start_keeps_the_collector_off_until_it_ends(qapp, gc_restored):
    from wcif_desktop.ui.app import _resume_gc_after_start
    from wcif_desktop.ui.workers import main_thread_gc

    resumed = []
    guard = main_thread_gc()
    gc.disable()  # paused by the start
    guard.enter()  # a task started meanwhile (it saw the collector off)
    try:
        _resume_gc_after_start(lambda: resumed.append(1))
        assert resumed == [] and not gc.isenabled()
    finally:
        guard.leave()  # the task ends: the collector is back
    assert gc.isenabled()
    gc.disable()
    _resume_gc_after_start(lambda: (resumed.append(1), gc.enable()))  # no task: resumed at once
    assert resumed == [1] and gc.isenabled()


def test_a_gui_run_with_options_first_starts_no_timer_thread(monkeypatch, gc_restored):
    """``--lang en`` and ``--step targets F.wcif`` are GUI runs: no 2-second timer thread that could turn the
    collector on while a task runs; the step value is not taken for the ``targets`` command."""
    import threading

    seen = _started_gui(monkeypatch, ["--lang", "en"])
    assert seen["resume_gc"] is not None and not gc.isenabled()
    assert not [t for t in threading.enumerate() if isinstance(t, threading.Timer) and t.is_alive()]
    seen["resume_gc"]()
    seen = _started_gui(monkeypatch, ["--step", "targets", "评价.wcif"])
    assert seen["path"] == "评价.wcif"
    seen["resume_gc"]()


def test_first_positional_skips_the_values_of_gui_options():
    assert cli._first_positional(["--step", "targets", "a.wcif"]) == "a.wcif"
    assert cli._first_positional(["--lang", "en", "--screenshot", "x.png"]) is None
    assert cli._first_positional(["report", "a.wcif", "-o", "r.pdf"]) == "report"
    assert cli._first_positional(["--step=targets", "a.wcif"]) == "a.wcif"


def test_a_file_that_cannot_be_opened_is_reported_over_the_shown_window(qapp, monkeypatch, workdir):
    """The file given at start is opened before the window is shown (no welcome page first); when it cannot
    be opened, the message comes over the shown window, which then offers the welcome page."""
    import argparse

    from PySide6.QtWidgets import QApplication

    import wcif_desktop.ui.app as app
    import wcif_desktop.ui.desktop as desktop
    import wcif_desktop.ui.mainwindow as mw

    bad = workdir / "坏 文件.wcif"
    bad.write_text("not a database", encoding="utf-8")
    shown = []
    windows = []

    def record(parent, error, title=None):
        shown.append((parent.isVisible(), str(error)))

    monkeypatch.setattr(mw, "show_user_error", record)
    monkeypatch.setattr(app, "show_user_error", record)
    for name in ("setup_logging", "install_excepthook"):
        monkeypatch.setattr(app, name, lambda *a, **k: None)
    monkeypatch.setattr(desktop, "enable_faulthandler", lambda *a, **k: None)
    class Recorded(mw.MainWindow):  # the window run_gui makes
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            windows.append(self)

    monkeypatch.setattr(mw, "MainWindow", Recorded)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    args = argparse.Namespace(path=str(bad), screenshot=None, step="nosuch", lang="zh", read_only=False)
    assert app.run_gui(args) == 0
    assert [visible for visible, _ in shown] == [True, True]
    assert "未知的步骤" in shown[0][1] and "不是评价文件" in shown[1][1]
    assert len(windows) == 1
    win = windows[0]
    assert win.ctx is None and win.central.currentWidget() is win.welcome
    win.close()
