"""Score sheet (评分表) import and export from the 指标评分 page (the page's 评分表 tool button).

Export writes :func:`wcif_desktop.services.score_sheet.export_score_sheet`. Import reads the file off the UI thread
(:func:`~wcif_desktop.ui.workers.run_and_wait`), refuses a sheet that cannot be imported with one sentence, shows
what would change (:class:`ScoreSheetImportDialog`) and replaces the indicator tree as one undoable edit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain.money import fmt_score
from ..services import edits
from ..services import score_sheet as ss
from .errors import error_text
from .workers import import_with_preview


def _read(path, progress=None):  # worker thread: no SQLite, no widgets
    return ss.read_score_sheet(path)


class ScoreSheetImportDialog(QDialog):
    """Preview of a score-sheet import: what is replaced, each row's weight and score (old → new), the sheet's
    cross-footing notes. Accepting imports."""

    def __init__(self, data: ss.ScoreSheetData, preview: ss.ImportPreview, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入评分表"))
        self.resize(760, 520)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.tr("文件：{0}（工作表“{1}”）\n导入将替换本评价现有的 {2} 个指标（可撤销）；"
                                      "评分表共 {3} 项末级指标，其中 {4} 项新增或有变化；分值合计 {5}，得分合计 {6}。")
                              .format(data.path.name, data.sheet, preview.removed, len(preview.rows), preview.changed,
                                      fmt_score(preview.total_weight), fmt_score(preview.total_score)))
        if not preview.importable:  # group scores only: shown to be checked, not imported
            self.summary.setText(self.tr("文件：{0}（工作表“{1}”）\n评分表中有 {2} 行是一级/二级指标的汇总得分，"
                                         "只能与本评价核对，不能导入（本评价的指标与得分不变）。")
                                 .format(data.path.name, data.sheet, len(preview.groups)))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableWidget(len(preview.rows), 5)
        self.table.setObjectName("score_sheet_preview")
        self.table.setHorizontalHeaderLabels([self.tr("指标"), self.tr("分值"), self.tr("现得分"), self.tr("导入得分"),
                                              self.tr("变化")])
        group_paths = {g.path for g in preview.groups}
        for r, (path, weight, new, old, changed) in enumerate(preview.rows):
            mark = (self.tr("汇总得分（不导入）") if path in group_paths else
                    self.tr("新增或变化") if changed else "")
            cells = (" / ".join(path), fmt_score(weight), "—" if old is None else fmt_score(old),
                     "—" if new is None else fmt_score(new), mark)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        self.problems = QListWidget()
        self.problems.setObjectName("score_sheet_problems")
        for p in preview.problems:
            self.problems.addItem((self.tr("注意：") if preview.importable else self.tr("核对：")) + str(p))
        if preview.problems:
            lay.addWidget(QLabel(self.tr("表内核对（仅提示，按各行导入）：") if preview.importable else
                                 self.tr("与本评价核对：")))
            self.problems.setMaximumHeight(110)
            lay.addWidget(self.problems)
        self.refusal = QLabel(error_text(preview.refusal) if preview.refusal is not None else "")
        self.refusal.setObjectName("score_sheet_refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #a33;")
        self.refusal.setVisible(preview.refusal is not None)
        lay.addWidget(self.refusal)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        # a sheet of group scores is shown for checking only: its scores cannot be spread over the leaves
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(preview.importable)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def confirm(dialog: ScoreSheetImportDialog) -> bool:
    """Show the preview; True when the user chose 导入 (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def export_sheet(page, path=None) -> Path | None:
    """Ask where to save (unless ``path``) and write the evaluation's score sheet (.xlsx)."""
    ctx = page.ctx
    if not path:
        ev = ctx.evaluation()
        suggested = ctx.path.parent / f"{ev.fund_name or ''}{ev.fiscal_year or ''}评分表.xlsx"
        path, _ = QFileDialog.getSaveFileName(page, QCoreApplication.translate("ScoreSheet", "导出评分表"), str(suggested), QCoreApplication.translate("ScoreSheet", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    out = ctx.run_service(ss.export_score_sheet, path)
    if out is not None:
        QMessageBox.information(page, QCoreApplication.translate("ScoreSheet", "导出评分表"), QCoreApplication.translate("ScoreSheet", "已导出评分表：{0}").format(out))
    return out


def import_sheet(page, path=None) -> bool:
    """Ask for a score sheet (unless ``path``), read it off the UI thread, show the preview and import on 导入.

    A sheet that cannot be read or imported is refused with one sentence (a message box); nothing changes.
    """
    ctx = page.ctx
    if not path:
        path, _ = QFileDialog.getOpenFileName(page, QCoreApplication.translate("ScoreSheet", "导入评分表"), str(ctx.path.parent),
                                              QCoreApplication.translate("ScoreSheet", "评分表 (*.xlsx *.xlsm *.xls);;所有文件 (*)"))
    if not path:
        return False
    # confirm looked up at call time: tests replace the module's confirm()
    return import_with_preview(
        page, ctx, path, reading=QCoreApplication.translate("ScoreSheet", "正在读取评分表"),
        refused=QCoreApplication.translate("ScoreSheet", "无法导入评分表"), read=_read,
        check=ss.check_importable, preview=ss.preview_import, dialog=ScoreSheetImportDialog,
        confirm=lambda d: confirm(d), edit=edits.import_score_sheet)
