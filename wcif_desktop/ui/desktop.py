"""Desktop conventions of the main window (issue 20), kept out of :mod:`~wcif_desktop.ui.mainwindow`:

- :class:`StatusBar` — the open file, lock state (已锁定 / 未锁定), save state (every edit is saved as it is made:
  “已保存 HH:MM:SS”) and the progress of a background task (:func:`task_monitor`);
- :func:`busy` — a wait cursor and a status message around slow work on the UI thread (print preview);
- :func:`copy_rows_tsv` / :func:`install_copy` — Ctrl+C in a table copies the selected rows as tab-separated
  text (pastes into Excel as cells);
- :func:`print_view` — Ctrl+P on a step without a report prints its main table (print preview first);
- :func:`enable_faulthandler` — native crashes (segfaults in Qt) written to the log file;
- :class:`TextDialog` — Help ▸ 用户指南 / 许可 (Markdown shown with ``QTextBrowser``).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)


# ---------------------------------------------------------------------------------------------- tasks
class TaskMonitor(QObject):
    """Background tasks as the status bar shows them. Signals: ``started(title)``, ``progressed(done, total,
    label)``, ``finished()``; :attr:`running` counts the tasks alive."""

    started = Signal(str)
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self):
        super().__init__(QApplication.instance())
        self.running = 0

    def begin(self, title: str) -> None:
        self.running += 1
        self.started.emit(title)

    def end(self) -> None:
        self.running = max(0, self.running - 1)
        self.finished.emit()


_MONITOR: TaskMonitor | None = None


def task_monitor() -> TaskMonitor:
    """The process's :class:`TaskMonitor` (``run_with_progress`` reports to it)."""
    global _MONITOR
    if _MONITOR is None:
        _MONITOR = TaskMonitor()
    return _MONITOR


# ---------------------------------------------------------------------------------------------- busy
@contextlib.contextmanager
def busy(message: str = ""):
    """A wait cursor (and ``message`` in the main window's status bar) while the block runs on the UI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    bar = _status_bar()
    if bar is not None and message:
        bar.showMessage(message)
    QApplication.processEvents()  # let the cursor and the message show before the work blocks the loop
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if bar is not None and message:
            bar.clearMessage()


def _status_bar():
    for w in QApplication.topLevelWidgets():
        bar = getattr(w, "status", None)
        if isinstance(bar, QStatusBar) and w.isVisible():
            return bar
    return None


# ---------------------------------------------------------------------------------------------- status bar
class StatusBar(QStatusBar):
    """File · lock state · save state, and a task's progress while one runs."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.window_ = window
        self.file_label = QLabel()
        self.file_label.setObjectName("status_file")
        # a long path is cut, never widens the window beyond the screen (the tooltip has it whole)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lock_label = QLabel()
        self.lock_label.setObjectName("status_lock")
        self.save_label = QLabel()
        self.save_label.setObjectName("status_save")
        self.task_label = QLabel()
        self.task_label.setObjectName("status_task")
        self.task_bar = QProgressBar()
        self.task_bar.setObjectName("status_progress")
        self.task_bar.setMaximumWidth(160)
        self.task_bar.setMaximumHeight(14)
        self.task_bar.setTextVisible(False)
        self.addWidget(self.file_label, 1)
        for w in (self.task_label, self.task_bar, self.lock_label, self.save_label):
            self.addPermanentWidget(w)
        self.task_label.hide()
        self.task_bar.hide()
        mon = task_monitor()
        mon.started.connect(self._task_started)
        mon.progressed.connect(self._task_progress)
        mon.finished.connect(self._task_finished)
        self.update_file()

    def update_file(self) -> None:
        ctx = self.window_.ctx
        if ctx is None:
            self.file_label.setText(self.tr("未打开评价文件"))
            self.file_label.setToolTip("")
            self.lock_label.setText("")
            self.save_label.setText("")
            return
        self.file_label.setText(str(ctx.path))
        self.file_label.setToolTip(str(ctx.path))
        self.update_lock()
        self.save_label.setText(self.tr("已保存"))
        self.save_label.setToolTip(self.tr("每次修改都会立即保存到评价文件中"))

    def update_lock(self) -> None:
        from .lock import is_locked

        ctx = self.window_.ctx
        if ctx is None or ctx.closed:
            return
        locked = is_locked(ctx)
        self.lock_label.setText(self.tr("🔒 已锁定（最终签署）") if locked else self.tr("未锁定"))
        self.lock_label.setToolTip(self.tr("评价已最终签署：修改前须说明原因重新开启") if locked
                                   else self.tr("评价可以修改"))

    def saved(self, _changes=None) -> None:
        """After an edit (every edit is written to the file at once)."""
        self.save_label.setText(self.tr("已保存 {0}").format(_dt.datetime.now().strftime("%H:%M:%S")))
        self.update_lock()

    def _task_started(self, title: str) -> None:
        self.task_label.setText(title)
        self.task_bar.setRange(0, 0)
        self.task_label.show()
        self.task_bar.show()

    def _task_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.task_bar.setRange(0, total)
            self.task_bar.setValue(min(done, total))

    def _task_finished(self) -> None:
        if task_monitor().running == 0:
            self.task_label.hide()
            self.task_bar.hide()


# ---------------------------------------------------------------------------------------------- copy
def selected_rows_tsv(view: QAbstractItemView) -> str:
    """The rows selected in ``view`` (a table or tree), visible columns in view order, as tab-separated lines;
    tabs and line breaks inside a cell become spaces. Empty when nothing is selected."""
    model = view.model()
    sel = view.selectionModel()
    if model is None or sel is None:
        return ""
    indexes = sel.selectedIndexes() or ([view.currentIndex()] if view.currentIndex().isValid() else [])
    rows = {}
    for idx in indexes:
        rows.setdefault((idx.parent(), idx.row()), idx)
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    cols = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]

    def order(key):
        idx = rows[key]
        return view.visualRect(idx).top() if view.visualRect(idx).isValid() else idx.row()

    lines = []
    for key in sorted(rows, key=order):
        parent, row = key
        cells = []
        for c in cols:
            value = model.index(row, c, parent).data(Qt.ItemDataRole.DisplayRole)
            cells.append(" ".join(("" if value is None else str(value)).split()))
        lines.append("\t".join(cells))
    return "\n".join(lines)


def copy_rows_tsv(view: QAbstractItemView) -> bool:
    text = selected_rows_tsv(view)
    if text:
        QGuiApplication.clipboard().setText(text)
    return bool(text)


def install_copy(root: QWidget) -> None:
    """Ctrl+C on every table/tree under ``root`` copies the selected rows (an editor open in a cell keeps its own
    Ctrl+C for the text)."""
    from PySide6.QtWidgets import QTableView, QTreeView

    for view in root.findChildren(QTableView) + root.findChildren(QTreeView):
        if view.property("wcif_copy"):
            continue
        act = QAction(QApplication.translate("desktop", "复制所选行"), view)
        act.setShortcut(QKeySequence.StandardKey.Copy)
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(lambda _=False, v=view: copy_rows_tsv(v))
        view.addAction(act)
        view.setProperty("wcif_copy", True)


# ---------------------------------------------------------------------------------------------- print
def table_html(view: QAbstractItemView, title: str) -> str:
    """The whole table of ``view`` (every row, visible columns) as an HTML document to print."""
    model = view.model()
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    cols = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]
    import html  # (its entity table is loaded when a table is first printed or copied, not at start-up)

    out = [f"<h3>{html.escape(title)}</h3>", '<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>']
    out += [f"<th>{html.escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>" for c in cols]
    out.append("</tr>")

    def walk(parent, depth):
        for r in range(model.rowCount(parent)):
            out.append("<tr>")
            for i, c in enumerate(cols):
                v = model.index(r, c, parent).data(Qt.ItemDataRole.DisplayRole)
                pad = "&nbsp;" * 4 * depth if i == 0 else ""
                out.append(f"<td>{pad}{html.escape('' if v is None else str(v))}</td>")
            out.append("</tr>")
            first = model.index(r, 0, parent)
            if model.rowCount(first) > 0:
                walk(first, depth + 1)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), 0)
    out.append("</table>")
    return "".join(out)


def print_html(document_html: str, title: str, parent=None) -> bool:
    """Print preview of an HTML document (the dialog prints it). Returns True when printed."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    doc = QTextDocument()
    doc.setHtml(document_html)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.setWindowTitle(title)
    dlg.paintRequested.connect(lambda p: _print_busy(doc, p))
    return dlg.exec() == QDialog.DialogCode.Accepted


def _print_busy(doc, printer) -> None:
    with busy():
        doc.print_(printer)


# ---------------------------------------------------------------------------------------------- crashes
_FAULT_FILE = None


def enable_faulthandler(path: Path | None = None) -> Path:
    """Write native crashes (a segfault in Qt, an abort) with every thread's Python stack to the log file
    (``logs/wcif-desktop.log`` in the user data folder, appended). Returns the file."""
    import faulthandler

    global _FAULT_FILE
    if path is None:
        from .errors import log_path

        path = log_path()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _FAULT_FILE is not None:
        _FAULT_FILE.close()
    _FAULT_FILE = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open for faulthandler
    _FAULT_FILE.write(f"{_dt.datetime.now():%Y-%m-%d %H:%M:%S} faulthandler: native crashes are written here\n")
    _FAULT_FILE.flush()
    faulthandler.enable(file=_FAULT_FILE, all_threads=True)
    return path


# ---------------------------------------------------------------------------------------------- help
class TextDialog(QDialog):
    """A Markdown document (user guide, licences) in a read-only browser; links open in the system browser."""

    def __init__(self, title: str, markdown: str, parent=None):
        from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 600)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        lay.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
