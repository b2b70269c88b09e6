"""Showing errors: plain-language messages for problems a user can fix (:class:`WcifError`), a crash dialog with a
copyable report for everything else (logged to ``<user data>/logs/wcif-desktop.log``).

Pattern after qutebrowser's KnownError/BugError split and Vorta's ExceptionDialog.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.errors import Message, WcifError
from ..paths import user_data_dir

log = logging.getLogger("wcif_desktop")


def log_path():
    d = user_data_dir() / "logs"
    d.mkdir(parents=True, exist_ok=True)
    return d / "wcif-desktop.log"


def setup_logging() -> None:
    """Log to a rotating file in the user's data folder (once per process)."""
    if any(getattr(h, "_wcif", False) for h in log.handlers):
        return
    import logging.handlers  # here, not at start-up (issue 9)

    handler = logging.handlers.RotatingFileHandler(log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._wcif = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def error_text(error: BaseException | str) -> str:
    """The text of ``error`` (a :class:`WcifError`) or of a core :class:`~wcif_desktop.domain.errors.Message` in the
    UI's language: its template (marked with ``QT_TRANSLATE_NOOP("core", …)`` in the core) translated by the
    installed translator, its parameters filled in; the Chinese ``str(error)`` when there is no translation (or
    the translation's placeholders do not fit). Any other string is returned as it is."""
    template = getattr(error, "template", None)
    if isinstance(error, (WcifError, Message)) and template:
        text = QCoreApplication.translate("core", template)
        if text != template:
            try:  # a parameter that is itself a Message (e.g. a column name) is translated too
                return text.format(**{k: error_text(v) if isinstance(v, Message) else v
                                      for k, v in error.params.items()}) if error.params else text
            except (KeyError, IndexError, ValueError):
                pass
    return str(error)


def show_user_error(parent: QWidget | None, error: BaseException | str, title: str | None = None) -> None:
    """A plain-language message box for a problem the user can fix (in the UI's language, see :func:`error_text`)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title or QCoreApplication.translate("errors", "无法完成操作"), error_text(error))


def crash_report(exc_type, exc, tb) -> str:
    """The text of a crash report: versions, platform and the traceback."""
    import platform

    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} · Qt {qVersion()} · {platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """An unexpected error: what happened, the report to copy, and where the log is."""

    def __init__(self, report: str, parent: QWidget | None = None):
        from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出现意外错误"))
        lay = QVBoxLayout(self)
        msg = QLabel(self.tr("发生了一个意外错误。您的评价文件中已保存的内容不会丢失。"
                             "请将下面的错误报告复制给技术支持人员。日志文件：{0}").format(log_path()))
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 260)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("复制错误报告"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def handle_exception(exc_type, exc, tb, *, interactive: bool = True) -> None:
    """``sys.excepthook`` for the GUI: user errors as messages, bugs logged and shown in :class:`CrashDialog`."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if issubclass(exc_type, WcifError):
        if interactive and QApplication.instance() is not None:
            show_user_error(QApplication.activeWindow(), exc)
        else:
            print(f"错误：{exc}", file=sys.stderr)
        return
    report = crash_report(exc_type, exc, tb)
    try:
        setup_logging()
        log.error("unexpected error\n%s", report)
    except OSError:
        pass
    if interactive and QApplication.instance() is not None:
        CrashDialog(report, QApplication.activeWindow()).exec()
    else:
        print(report, file=sys.stderr)


def install_excepthook(interactive: bool = True) -> None:
    sys.excepthook = lambda t, e, tb: handle_exception(t, e, tb, interactive=interactive)
