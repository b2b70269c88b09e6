"""Import the agency's request list (资料清单) from a spreadsheet, from the request list's 从表格导入… button.

The file is read off the UI thread (:func:`~wcif_desktop.ui.workers.run_and_wait`); a sheet with rejected cells is
refused with one sentence; otherwise :class:`RequestImportDialog` shows what is added and what is updated, and
导入 writes it as one undoable edit (:func:`wcif_desktop.services.edits.import_requests`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain.review import REQUEST_STATUSES
from ..services import edits
from ..services import request_sheet as rs
from .workers import import_with_preview


def _read(path, progress=None):  # worker thread: no SQLite, no widgets
    from ..domain.progress import NO_PROGRESS

    return rs.read_request_sheet(path, progress=progress or NO_PROGRESS)


def _status(key: str) -> str:
    return QCoreApplication.translate("review", REQUEST_STATUSES[key])


class RequestImportDialog(QDialog):
    """Preview of a request-list import: one row per item added or updated (old → new status)."""

    def __init__(self, data: rs.RequestSheet, preview: rs.RequestPreview, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入资料清单"))
        self.resize(760, 480)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.tr("文件：{0}（工作表“{1}”）\n将新增 {2} 项，更新 {3} 项（按编号对应），{4} 项无变化。可撤销。")
                              .format(data.path.name, data.sheet, len(preview.added), len(preview.updated),
                                      preview.unchanged))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        rows = [(self.tr("新增"), i.code or self.tr("（自动编号）"), i.category, i.title, _status(i.status), i.note)
                for i in preview.added]
        rows += [(self.tr("更新"), cur.code, i.category, i.title,
                  self.tr("{0} → {1}").format(_status(cur.status), _status(rs.target_status(cur.status, i.status))),
                  i.note) for i, cur in preview.updated]
        self.table = QTableWidget(len(rows), 6)
        self.table.setObjectName("request_import_preview")
        self.table.setHorizontalHeaderLabels([self.tr("操作"), self.tr("编号"), self.tr("类别"), self.tr("资料名称"),
                                              self.tr("状态"), self.tr("说明")])
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def confirm(dialog: RequestImportDialog) -> bool:
    """Show the preview; True when the user chose 导入 (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def import_request_list(panel, path=None) -> bool:
    """Ask for the agency's spreadsheet (unless ``path``), read it off the UI thread, preview, import on 导入."""
    ctx = panel.ctx
    if not path:
        path, _ = QFileDialog.getOpenFileName(panel, QCoreApplication.translate("RequestImport", "导入资料清单"),
                                              str(ctx.path.parent),
                                              QCoreApplication.translate("RequestImport",
                                                                         "表格 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)"))
    if not path:
        return False
    # confirm looked up at call time: tests replace the module's confirm()
    return import_with_preview(
        panel, ctx, path, reading=QCoreApplication.translate("RequestImport", "正在读取资料清单"),
        refused=QCoreApplication.translate("RequestImport", "无法导入资料清单"), read=_read,
        check=rs.check_importable, preview=rs.preview_requests, dialog=RequestImportDialog,
        confirm=lambda d: confirm(d), edit=edits.import_requests)
