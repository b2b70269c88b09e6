"""File-menu actions for exchanging evaluation files between laptops (issue 8): export the evaluation or a
member's work package, import and merge a file, resolve conflicts, show a record's history.

Export and import run off the UI thread through :func:`wcif_desktop.ui.workers.run_with_progress`; the worker
opens its own connection to the file (SQLite connections stay in their thread). After a merge the undo stack
is cleared (its commands describe the file before the merge) and every page refreshes.

Hooked into the main window by :func:`install` (one line in ``MainWindow._build_menus``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QMenu

from ..domain.errors import WcifError
from ..services.evaluation import Changes
from ..services.plan import team
from .errors import error_text, handle_exception, show_user_error
from .workers import is_cancel, run_with_progress

if TYPE_CHECKING:
    from ..services import merge
# services.exchange (and merge, crypto) are imported when an export or import starts, not at start-up (issue 9)

FILTER = "WCIF (*.wcif);;所有文件 (*)"


# ---------------------------------------------------------------------------------------------- jobs (worker thread)
def export_job(path: Path, out: Path, member: str | None, password: str | None, *, progress):
    """Export from a connection of the worker thread's own."""
    from ..services import exchange

    return exchange.export_evaluation(Path(path), Path(out), member=member, password=password,
                                      progress=progress)


def import_job(path: Path, src: Path, password: str | None, who: str | None = None, *, progress):
    """Check and merge ``src`` into the file at ``path`` on a connection of the worker thread's own."""
    from ..services import exchange
    from ..services.evaluation import open_file

    ef = open_file(Path(path), who, backup=False)
    try:
        return exchange.import_file(ef, Path(src), password=password, progress=progress)
    finally:
        ef.close()


def changes_of(report: merge.MergeReport) -> Changes:
    """The tables/records a merge touched, for the views to refresh."""
    ch = Changes()
    for t, rid, *_ in report.inserted + report.updated + report.deleted:
        ch.add(t, rid)
    for t in report.content_tables:
        ch.add(t)
    if report.conflicts:
        ch.add("merge_conflict")
    return ch


# ---------------------------------------------------------------------------------------------- actions
class ExchangeActions:
    """The actions, bound to a :class:`~wcif_desktop.ui.mainwindow.MainWindow`."""

    def __init__(self, window, menu: QMenu):
        self.window = window
        self.menu = menu
        self.act_export = menu.addAction(QCoreApplication.translate("ExchangeActions", "导出评价…"), self.export_dialog)
        self.act_export_member = menu.addAction(QCoreApplication.translate("ExchangeActions", "导出成员工作包…"), self.export_member_dialog)
        self.act_import = menu.addAction(QCoreApplication.translate("ExchangeActions", "导入并合并…"), self.import_dialog)
        self.act_conflicts = menu.addAction(QCoreApplication.translate("ExchangeActions", "解决合并冲突…"), self.show_conflicts)
        self.act_history = menu.addAction(QCoreApplication.translate("ExchangeActions", "记录历史…"), self.show_history)
        self.actions = [self.act_export, self.act_export_member, self.act_import, self.act_conflicts,
                        self.act_history]
        self.task = None
        self.last_result = None
        window.opened.connect(lambda _ctx: self.update())
        self.update()

    @property
    def ctx(self):
        return self.window.ctx

    def update(self) -> None:
        for a in self.actions:
            a.setEnabled(self.ctx is not None)

    # ------------------------------------------------------------------ export
    def _ask_password(self, title: str, confirm: bool) -> str | None:
        """"" for no password, None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        pw, ok = QInputDialog.getText(self.window, title, QCoreApplication.translate("ExchangeActions", "密码（留空则不加密）："), QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if pw and confirm:
            again, ok = QInputDialog.getText(self.window, title, QCoreApplication.translate("ExchangeActions", "再次输入密码："), QLineEdit.EchoMode.Password)
            if not ok:
                return None
            if again != pw:
                show_user_error(self.window, QCoreApplication.translate("ExchangeActions", "两次输入的密码不一致"), title)
                return None
        return pw

    def export_dialog(self) -> None:
        self._export(None)

    def export_member_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.ctx is None:
            return
        names = [m.name for m in team(self.ctx.ef) if m.name]
        if not names:
            show_user_error(self.window, QCoreApplication.translate("ExchangeActions", "评价小组中还没有成员"))
            return
        name, ok = QInputDialog.getItem(self.window, QCoreApplication.translate("ExchangeActions", "导出成员工作包"), QCoreApplication.translate("ExchangeActions", "成员："),
                                        names, 0, False)
        if ok and name:
            self._export(name)

    def _export(self, member: str | None) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.ctx is None:
            return
        title = QCoreApplication.translate("ExchangeActions", "导出成员工作包") if member else QCoreApplication.translate("ExchangeActions", "导出评价")
        suggested = self.ctx.path.stem + (f"（{member}）" if member else QCoreApplication.translate("ExchangeActions", "（导出）")) + ".wcif"
        out, _ = QFileDialog.getSaveFileName(self.window, title, str(self.ctx.path.parent / suggested), FILTER)
        if not out:
            return
        pw = self._ask_password(title, confirm=True)
        if pw is None:
            return
        self.export_to(Path(out), member=member, password=pw or None)

    def export_to(self, out: Path, member: str | None = None, password: str | None = None):
        """Start the export (worker thread); returns the task."""
        self.window.commit_pending()

        def done(res):
            from PySide6.QtWidgets import QMessageBox

            self.last_result = res
            extra = "\n".join(error_text(n) for n in res.notes)
            QMessageBox.information(self.window, QCoreApplication.translate("ExchangeActions", "导出完成"),
                                    QCoreApplication.translate("ExchangeActions", "已导出到 {0}").format(res.path) + (("\n" + extra) if extra else ""))

        self.task = run_with_progress(self.window, QCoreApplication.translate("ExchangeActions", "正在导出…"), export_job, self.ctx.path, out, member,
                                      password, on_done=done, on_error=self._failed(QCoreApplication.translate("ExchangeActions", "导出失败")))
        return self.task

    # ------------------------------------------------------------------ import
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        if self.ctx is None:
            return
        src, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("ExchangeActions", "导入并合并"), str(self.ctx.path.parent), FILTER)
        if not src:
            return
        password = None
        from ..services import crypto

        try:
            encrypted = crypto.is_encrypted(src)
        except WcifError as e:
            show_user_error(self.window, e, QCoreApplication.translate("ExchangeActions", "无法导入"))
            return
        if encrypted:
            password, ok = QInputDialog.getText(self.window, QCoreApplication.translate("ExchangeActions", "导入并合并"), QCoreApplication.translate("ExchangeActions", "该文件已加密，请输入密码："),
                                                QLineEdit.EchoMode.Password)
            if not ok:
                return
        self.import_from(Path(src), password=password)

    def import_from(self, src: Path, password: str | None = None):
        """Start checking and merging ``src`` (worker thread); returns the task."""
        self.window.commit_pending()
        ctx = self.ctx

        def done(report: merge.MergeReport):
            from PySide6.QtWidgets import QMessageBox

            self.last_result = report
            if ctx.closed:
                return
            ctx.undo_stack.clear()  # its commands describe the file before the merge
            ch = changes_of(report)
            if ch:
                ctx.changed.emit(ch)
            text = "\n".join(error_text(line) for line in report.lines()[:30])
            if report.open_conflicts:
                QMessageBox.information(self.window, QCoreApplication.translate("ExchangeActions", "合并完成，有冲突待解决"), text)
                self.show_conflicts()
            else:
                QMessageBox.information(self.window, QCoreApplication.translate("ExchangeActions", "合并完成"), text)

        self.task = run_with_progress(self.window, QCoreApplication.translate("ExchangeActions", "正在检查并合并…"), import_job, ctx.path, src, password,
                                      ctx.ef.who, on_done=done, on_error=self._failed(QCoreApplication.translate("ExchangeActions", "未导入")))
        return self.task

    def _failed(self, title: str):
        def on_error(exc):
            self.last_result = exc
            if is_cancel(exc):
                return
            if isinstance(exc, WcifError):
                show_user_error(self.window, exc, title)
            else:
                handle_exception(type(exc), exc, exc.__traceback__)
        return on_error

    # ------------------------------------------------------------------ conflicts and history
    def show_conflicts(self):
        if self.ctx is None:
            return None
        from .conflicts import ConflictDialog

        dlg = ConflictDialog(self.ctx, self.window)
        dlg.open()
        return dlg

    def show_history(self):
        if self.ctx is None:
            return None
        from .history import RecordHistoryDialog, RecordPickerDialog

        picker = RecordPickerDialog(self.ctx, self.window)
        if picker.exec() != picker.DialogCode.Accepted or not picker.selected():
            return None
        dlg = RecordHistoryDialog(self.ctx, *picker.selected(), parent=self.window)
        dlg.open()
        return dlg


def install(window) -> ExchangeActions:
    """Add the 交换 (exchange) submenu to the window's File menu; returns the bound actions."""
    file_menu = window.file_menu  # not QAction.menu(): PySide6 < 6.11.3 deletes the menu it returns
    sub = QMenu(QCoreApplication.translate("ExchangeActions", "交换(&E)"), window)
    file_menu.insertMenu(window.act_quit, sub)
    file_menu.insertSeparator(window.act_quit)
    window.exchange_actions = ExchangeActions(window, sub)
    return window.exchange_actions
