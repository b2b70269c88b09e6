"""Long work off the UI thread: a :class:`Task` (``QThread``) running a Qt-free function that takes a
``progress`` argument (the domain :class:`~wcif_desktop.domain.progress.Progress` protocol), and
:func:`run_with_progress`, which shows a ``QProgressDialog`` (only after ~500 ms) with a cancel button.

The worker never touches widgets: progress travels to the UI thread as a queued signal; cancelling sets a
thread-safe flag the work polls through ``progress.cancelled()``.

While a task runs, Python's cyclic garbage collector is run on the UI thread only (:class:`MainThreadGC`):
otherwise a collection that happens to start in the worker may destroy Qt objects of the UI thread there and
crash the process (seen once in CI as a segfault "Garbage-collecting" inside a report worker).
"""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..domain.errors import Cancelled, WcifError
from .errors import error_text

SHOW_AFTER_MS = 500  # a progress dialog appears only for work that lasts longer
_RUNNING: set = set()  # tasks alive until their thread ends


def wait_for_tasks(timeout_ms: int = 30_000) -> None:
    """Ask running tasks to stop and wait for them (at application exit)."""
    for task in list(_RUNNING):
        task.progress.cancel()
        task.wait(timeout_ms)


class MainThreadGC(QObject):
    """Runs the cyclic garbage collector on the UI thread while tasks run: automatic collection is switched off
    from the first task's start to the last task's end, and a timer collects by the usual generation thresholds
    meanwhile (the pattern of pyqtgraph's and calibre's ``GarbageCollector``). Use :func:`main_thread_gc`."""

    def __init__(self, interval_ms: int = 500):
        super().__init__(QCoreApplication.instance())
        self.active = 0
        self.was_enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)

    def enter(self) -> None:
        self.active += 1
        if self.active == 1:
            self.was_enabled = gc.isenabled()
            gc.disable()
            self.timer.start()

    def leave(self) -> None:
        self.active = max(0, self.active - 1)
        if self.active == 0:
            self.timer.stop()
            gc.collect()  # what the workers left, here on the UI thread
            if self.was_enabled:
                gc.enable()

    def collect(self) -> None:
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gc.collect(2 if c2 > t2 else 1 if c1 > t1 else 0)


_GC: MainThreadGC | None = None


def main_thread_gc() -> MainThreadGC:
    """The application's :class:`MainThreadGC` (created on first use, from the UI thread)."""
    global _GC
    if _GC is None or _GC.parent() is not QCoreApplication.instance():
        _GC = MainThreadGC()
    return _GC


class ThreadProgress(QObject):
    """Adapts the domain Progress protocol to Qt: ``set`` emits :attr:`progressed` (safe from any thread)."""

    progressed = Signal(int, int, str)

    def __init__(self):
        super().__init__()
        self._cancel = threading.Event()

    def set(self, done: int, total: int, label: str = "") -> None:
        # a core Message label is translated here (QCoreApplication.translate is thread-safe): the signal would
        # carry it on as a plain Chinese str
        self.progressed.emit(int(done), int(total), error_text(label) if label else "")

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QThread):
    """Runs ``fn(*args, progress=..., **kwargs)`` on a worker thread.

    Signals (delivered on the UI thread): ``succeeded(result)``, ``failed(exception)`` — a WcifError (incl.
    Cancelled) or any other exception, which the receiver reports.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], *args, parent: QObject | None = None, **kwargs):
        super().__init__(parent)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.progress = ThreadProgress()
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self, *args) -> None:
        """Start the thread (from the UI thread); garbage collection stays on the UI thread until it ends."""
        guard = main_thread_gc()
        guard.enter()
        self.finished.connect(guard.leave)  # queued to the UI thread
        super().start(*args)

    def run(self) -> None:  # worker thread
        try:
            self.result = self.fn(*self.args, progress=self.progress, **self.kwargs)
        except BaseException as e:  # noqa: BLE001 - handed to the UI thread
            self.error = e
            self.error_info = sys.exc_info()
            self.failed.emit(e)
            return
        self.succeeded.emit(self.result)


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[..., Any], *args,
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      **kwargs) -> Task:
    """Start ``fn`` on a :class:`Task` with a modal progress dialog that appears after 500 ms.

    ``on_done(result)`` or ``on_error(exc)`` runs on the UI thread when the work ends.
    """
    from PySide6.QtWidgets import QProgressDialog

    task = Task(fn, *args, **kwargs)  # no parent: a closing window must not destroy a running thread
    _RUNNING.add(task)
    from .desktop import task_monitor  # the main window's status bar shows the task and its progress

    monitor = task_monitor()
    monitor.begin(title)
    task.finished.connect(lambda: _RUNNING.discard(task))
    dlg = QProgressDialog(title, QCoreApplication.translate("workers", "取消"), 0, 0, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(SHOW_AFTER_MS)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.reset()  # stops QProgressDialog's own show timer: we show it ourselves, only after SHOW_AFTER_MS
    state = {"shown": False, "done": False, "last": None}

    def apply(done, total, label):
        if total > 0:
            dlg.setMaximum(total)
            dlg.setValue(min(done, total))
        if label:
            dlg.setLabelText(label)

    def progressed(done, total, label):
        state["last"] = (done, total, label)
        monitor.progressed.emit(done, total, label)
        if state["shown"]:
            apply(done, total, label)

    def show_late():
        if state["done"]:
            return
        state["shown"] = True
        dlg.show()
        if state["last"]:
            apply(*state["last"])

    QTimer.singleShot(SHOW_AFTER_MS, dlg, show_late)
    task.progress.progressed.connect(progressed)
    dlg.canceled.connect(task.progress.cancel)

    def finish():
        state["done"] = True
        monitor.end()
        dlg.canceled.disconnect(task.progress.cancel)
        dlg.reset()
        dlg.hide()
        dlg.deleteLater()

    def ok(result):
        finish()
        on_done(result)

    def bad(exc):
        finish()
        on_error(exc)

    task.succeeded.connect(ok)
    task.failed.connect(bad)
    task.dialog = dlg  # type: ignore[attr-defined]
    task.start()
    return task


def run_and_wait(parent: QWidget | None, title: str, fn: Callable[..., Any], *args, **kwargs) -> Any:
    """Run ``fn(*args, progress=..., **kwargs)`` on a worker thread with :func:`run_with_progress` (progress dialog
    after 500 ms, with a cancel button) and return its result once it ends. The UI stays responsive meanwhile
    (a local event loop runs; the progress dialog is window-modal). For reading an input file before a dialog
    opens: ``fn`` must not touch the UI thread's SQLite connection.

    Raises:
        whatever ``fn`` raised (:class:`~wcif_desktop.domain.errors.Cancelled` when the user cancelled).
    """
    loop = QEventLoop()
    box: dict[str, Any] = {}

    def done(result):
        box["result"] = result
        loop.quit()

    def failed(exc):
        box["error"] = exc
        loop.quit()

    task = run_with_progress(parent, title, fn, *args, on_done=done, on_error=failed, **kwargs)
    if not box:
        loop.exec()
    task.wait()
    if "error" in box:
        raise box["error"]
    return box["result"]


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, WcifError)


def is_cancel(exc: BaseException) -> bool:
    return isinstance(exc, Cancelled)
def import_with_preview(parent: QWidget, ctx, path, *, reading: str, refused: str, read: Callable, check: Callable,
                        preview: Callable, dialog: Callable, confirm: Callable, edit: Callable) -> bool:
    """The flow every spreadsheet import with a preview shares (score sheet, request list): read ``path`` off the
    UI thread with ``read(path, progress)`` (progress dialog ``reading``, with 取消), ``check(data)``, show
    ``dialog(data, preview(ef, data), parent)`` and, when ``confirm(dialog)`` accepts it, push ``edit(ef, data)``
    as one undoable step. A sheet that cannot be read or imported gets one message box titled ``refused``;
    nothing changes. Returns whether the sheet was imported."""
    from pathlib import Path

    from .errors import show_user_error

    try:
        data = run_and_wait(parent, reading, read, Path(path))
        check(data)
    except WcifError as e:
        if not is_cancel(e):
            show_user_error(parent, e, refused)
        return False
    if not confirm(dialog(data, preview(ctx.ef, data), parent)):
        return False
    ef = ctx.ef
    return ctx.apply_edit(lambda: edit(ef, data))


