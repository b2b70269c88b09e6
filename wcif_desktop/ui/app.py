"""Starting the GUI: ``run_gui(args)`` (called by :mod:`wcif_desktop.cli`) and the ``--screenshot`` mode.

``args`` carries ``path`` (an evaluation file or ``None``), ``screenshot`` (PNG to write, then exit),
``step`` (step key or title) and ``lang`` (``zh``/``en`` for this run; default from the settings).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..domain.errors import WcifError
from .errors import install_excepthook, setup_logging, show_user_error
from .i18n import install_translators
from .settings import Settings

SCREENSHOT_SIZE = (1280, 820)
_CJK_HINTS = ("CJK", "Hei", "Song", "Ming", "Kai", "YaHei", "WenQuanYi", "Droid Sans Fallback", "Noto Sans SC")


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once per process)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0] if sys.argv else "wcif-desktop"])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("WCIF")
    _set_icon(app)
    ensure_cjk_font()
    return app


def _set_icon(app: QApplication) -> None:
    """The application icon (window title bars, task bar); drawn by packaging/make_icon.py."""
    from PySide6.QtGui import QIcon

    from ..paths import resource

    try:
        icon = resource("icons", "wcif-desktop.png")
    except FileNotFoundError:
        return
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def ensure_cjk_font() -> None:
    """Register the bundled fallback font when the system has no Chinese font (so no glyph shows as a box)."""
    families = QFontDatabase.families()
    if any(any(h.lower() in f.lower() for h in _CJK_HINTS) for f in families):
        return
    from ..paths import resource

    try:
        font = resource("fonts", "DroidSansFallbackFull.ttf")
    except FileNotFoundError:
        return
    if font.is_file():
        QFontDatabase.addApplicationFont(str(font))


def _language(args, settings: Settings) -> str:
    return getattr(args, "lang", None) or settings["ui/language"] or "zh"


def take_screenshot(path, out, step: str | None = None, lang: str = "zh", size=SCREENSHOT_SIZE) -> Path:
    """Open the main window on ``path`` (at ``step``), render it with ``QWidget.grab()`` to the PNG ``out``.

    Raises:
        WcifError: the file cannot be opened, the step is unknown or the PNG cannot be written.
    """
    from .mainwindow import MainWindow
    from .pages import step_index

    app = application()
    install_translators(app, lang)
    if step:
        try:
            step_index(step)
        except ValueError as e:
            raise WcifError(str(e)) from None
    win = MainWindow(Settings(), remember=False)
    try:
        win.resize(*size)
        if path:
            win.load(path, step or "team")
        win.show()
        for _ in range(3):
            app.processEvents()
        pix = win.grab()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not pix.save(str(out), "PNG"):
            raise WcifError(f"无法写入截图：{out}")
        return out
    finally:
        win.close()
        win.deleteLater()
        app.processEvents()


def _resume_gc_after_start(resume_gc) -> None:
    """The collector back on after the start; while a background task runs it stays off until the last task ends
    (:class:`~wcif_desktop.ui.workers.MainThreadGC` turns it on then)."""
    from .workers import main_thread_gc

    guard = main_thread_gc()
    if guard.active:
        guard.was_enabled = True
    else:
        resume_gc()


def run_gui(args, resume_gc=None) -> int:
    """Start the GUI (or take a screenshot and exit). Returns the process exit code.

    ``resume_gc``: called with no argument once the main window is shown and idle (or with ``exiting=True`` after
    a screenshot, when the process ends next) to turn the garbage collector back on (see
    :func:`wcif_desktop.cli._pause_gc`); ``None`` when it was not paused."""
    settings = Settings()
    lang = _language(args, settings)
    app = application()
    install_translators(app, lang)
    if getattr(args, "screenshot", None):
        try:
            out = take_screenshot(args.path, args.screenshot, getattr(args, "step", None), lang)
        except WcifError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 2
        finally:
            if resume_gc is not None:
                resume_gc(exiting=True)
        print(out)
        return 0

    from .mainwindow import MainWindow
    from .pages import step_index

    setup_logging()
    from .desktop import enable_faulthandler

    enable_faulthandler()  # native crashes (segfaults in Qt) go to the log file too
    install_excepthook(interactive=True)
    from .workers import wait_for_tasks

    app.aboutToQuit.connect(wait_for_tasks)
    win = MainWindow(settings)
    win.restore_geometry()
    step_error = open_error = None
    if args.path:  # opened before the window is shown: it appears with the file, without a welcome page first
        step = getattr(args, "step", None)
        try:
            step_index(step)
        except ValueError as e:  # an unknown --step: say so, open at the remembered step
            step_error, step = e, None
        try:
            win.load(args.path, step, read_only=bool(getattr(args, "read_only", False)))
        except (WcifError, ValueError) as e:
            open_error = e
    win.show()
    from PySide6.QtCore import QTimer

    from ..services.evaluation import warm_up

    if resume_gc is not None:  # (timers run in a message box's loop too)
        QTimer.singleShot(500, lambda: _resume_gc_after_start(resume_gc))  # the window is painted by then
    QTimer.singleShot(1500, warm_up)  # once the window is up and idle
    # what went wrong, or what opening found beside the file, is said over the shown window
    if step_error is not None:
        show_user_error(win, step_error)
    if open_error is not None:
        win.report_open_error(args.path, open_error)
    elif args.path:
        win.show_open_notices()
    return app.exec()
