"""The import mapping dialog for a fund statement (基金收支表) from .xlsx/.csv.

The dialog reads the sheet (:mod:`wcif_desktop.services.tabular`), shows a preview of every cell with the
header rows, the rejected cells (red, with the reason as tooltip) and the accepted ones (green); the user picks
the sheet, the unit (自动识别/元/万元), the fiscal year, the row-label column and, per column, what it holds
(预算数 / 调整后预算数 / 执行数, and of which year). The list below names every rejected cell (sheet, row,
column, reason) and every skipped row. Nothing is written until 导入 is pressed; then every accepted value is
written in one transaction (:func:`wcif_desktop.services.finance.apply_statement_import`), undoable as one step.

Small spreadsheets are read on the UI thread (a statement has tens of rows).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WcifError
from ..services import edits
from ..services import finance as fin
from ..services import tabular as tb
from .context import EvaluationContext
from .errors import error_text
from .workers import run_and_wait

REJECTED_BG = QColor("#f8d0d0")
ACCEPTED_BG = QColor("#d8f0d8")
HEADER_BG = QColor("#e4e4e4")
SKIPPED_FG = QColor("#8a8a8a")
PREVIEW_ROWS = 500
NOT_IMPORTED = ""


class StatementImportDialog(QDialog):
    """Preview, map and confirm the import of a fund statement into the open evaluation.

    Signals:
        imported(Changes): after the values were written (the dialog then closes with ``accept``).
    """

    imported = Signal(object)

    def __init__(self, ctx: EvaluationContext, path, parent: QWidget | None = None, *, year: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.table: tb.Table | None = None
        self.plan: fin.StatementImport | None = None
        self._loading = False
        self.setWindowTitle(self.tr("导入基金收支表 — {0}").format(self.path.name))
        self.resize(1100, 720)

        lay = QVBoxLayout(self)
        top = QFormLayout()
        row = QHBoxLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.addItem(self.tr("自动识别"), None)
        self.unit_combo.addItem("元", "元")
        self.unit_combo.addItem("万元", "万元")
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year or ctx.evaluation().fiscal_year or 2021)
        self.label_combo = QComboBox()
        self.label_combo.setObjectName("label_column")
        for text, w in ((self.tr("工作表"), self.sheet_combo), (self.tr("金额单位"), self.unit_combo),
                        (self.tr("年度"), self.year_spin), (self.tr("行标题列"), self.label_combo)):
            row.addWidget(QLabel(text))
            row.addWidget(w)
        row.addStretch(1)
        top.addRow(QLabel(self.tr("文件：{0}").format(self.path)))
        top.addRow(row)
        lay.addLayout(top)

        split = QSplitter(Qt.Orientation.Vertical)
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box_p = QGroupBox(self.tr("预览（红色：拒绝的单元格；绿色：将导入的数值）"))
        QVBoxLayout(box_p).addWidget(self.preview)
        split.addWidget(box_p)

        lower = QSplitter(Qt.Orientation.Horizontal)
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("列"), self.tr("表头"), self.tr("导入为")])
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping.setColumnWidth(0, 40)
        self.mapping.setColumnWidth(2, 190)
        self.mapping.verticalHeader().setVisible(False)
        box_m = QGroupBox(self.tr("列的对应关系"))
        QVBoxLayout(box_m).addWidget(self.mapping)
        lower.addWidget(box_m)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        box_r = QGroupBox(self.tr("拒绝的单元格和跳过的行"))
        QVBoxLayout(box_r).addWidget(self.problems)
        lower.addWidget(box_r)
        split.addWidget(lower)
        split.setSizes([420, 260])
        lay.addWidget(split, 1)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setObjectName("import")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        try:
            names = tb.sheet_names(self.path)
        except WcifError as e:
            names = []
            self._show_error(error_text(e))
        self.sheet_combo.addItems(names)
        self.sheet_combo.currentIndexChanged.connect(self.reload)
        self.unit_combo.currentIndexChanged.connect(self.reload)
        self.year_spin.valueChanged.connect(self.reload)
        self.label_combo.currentIndexChanged.connect(self.replan)
        if names:
            self.reload()

    # ------------------------------------------------------------------ reading and planning
    def _show_error(self, text: str) -> None:
        self.plan = None
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;")
        self.import_button.setEnabled(False)

    def reload(self) -> None:
        """Re-read the sheet (sheet or unit changed) and start again from the guessed mapping."""
        if self._loading:
            return
        try:  # read on a worker thread (progress and cancel for a large sheet)
            self.table = run_and_wait(self, self.tr("正在读取表格"), tb.read_table, self.path,
                                      self.sheet_combo.currentText() or None, unit=self.unit_combo.currentData())
        except WcifError as e:  # Cancelled included: the dialog shows that nothing was read
            self.table = None
            self.preview.clear()
            self._show_error(error_text(e))
            return
        label_col, mapping = fin.guess_mapping(self.table, self.year_spin.value())
        self._loading = True
        try:
            self.label_combo.clear()
            for col in self.table.columns:
                self.label_combo.addItem(f"{col.letter}  {col.name}", col.index)
            self.label_combo.setCurrentIndex(max(self.label_combo.findData(label_col), 0))
            self._fill_mapping(mapping)
        finally:
            self._loading = False
        self.replan()

    def _target_choices(self) -> list[tuple[str, object]]:
        year = self.year_spin.value()
        out = [(self.tr("不导入"), NOT_IMPORTED)]
        for y in (year, year - 1, year - 2):
            for fld in ("budget", "adjusted_budget", "actual"):
                target = fin.ColumnTarget(fld, y)
                out.append((error_text(target.label()), target))
        return out

    def _fill_mapping(self, mapping: dict[int, fin.ColumnTarget]) -> None:
        assert self.table is not None
        self.mapping.setRowCount(len(self.table.columns))
        choices = self._target_choices()
        for r, col in enumerate(self.table.columns):
            self.mapping.setItem(r, 0, QTableWidgetItem(col.letter))
            self.mapping.setItem(r, 1, QTableWidgetItem(col.name))
            combo = QComboBox()
            combo.setObjectName(f"map_{col.letter}")
            for text, data in choices:
                combo.addItem(text, data)
            target = mapping.get(col.index)
            if target is not None:
                i = combo.findData(target)
                if i < 0:
                    combo.addItem(error_text(target.label()), target)
                    i = combo.count() - 1
                combo.setCurrentIndex(i)
            combo.currentIndexChanged.connect(self.replan)
            self.mapping.setCellWidget(r, 2, combo)

    def current_mapping(self) -> dict[int, fin.ColumnTarget]:
        """The mapping as chosen in the dialog: column index → target."""
        out = {}
        if self.table is None:
            return out
        for r, col in enumerate(self.table.columns):
            combo = self.mapping.cellWidget(r, 2)
            data = combo.currentData() if combo is not None else None
            if isinstance(data, fin.ColumnTarget):
                out[col.index] = data
        return out

    def set_column_target(self, letter: str, target: fin.ColumnTarget | None) -> None:
        """Map column ``letter`` to ``target`` (``None``: not imported), as a user would in the table."""
        combo = self.findChild(QComboBox, f"map_{letter}")
        if combo is None:
            raise KeyError(letter)
        i = combo.findData(NOT_IMPORTED if target is None else target)
        if i < 0:
            combo.addItem(error_text(target.label()), target)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def replan(self) -> None:
        """Work out what would be imported with the current choices; refresh preview, list and summary."""
        if self._loading or self.table is None:
            return
        mapping = self.current_mapping()
        dupes = [t for t in set(mapping.values()) if list(mapping.values()).count(t) > 1]
        if dupes:
            self._show_error(self.tr("“{0}”对应了多列，请只保留一列").format(error_text(dupes[0].label())))
            self._fill_preview(None)
            return
        try:
            self.plan = fin.plan_from_table(self.table, year=self.year_spin.value(), mapping=mapping or {},
                                            label_column=self.label_combo.currentData())
        except WcifError as e:
            self._show_error(error_text(e))
            self._fill_preview(None)
            return
        self.summary.setStyleSheet("")
        self.summary.setText(error_text(self.plan.describe()))
        self.import_button.setEnabled(bool(self.plan.lines))
        self._fill_preview(self.plan)
        self.problems.clear()
        for rej in self.plan.rejections:
            it = QListWidgetItem(self.tr("拒绝：") + str(rej))
            it.setForeground(QBrush(QColor("#b00020")))
            self.problems.addItem(it)
        for s in self.plan.skipped:
            it = QListWidgetItem(self.tr("跳过：") + error_text(s.message()))
            it.setForeground(QBrush(SKIPPED_FG))
            self.problems.addItem(it)

    def _fill_preview(self, plan: fin.StatementImport | None) -> None:
        table = self.table
        if table is None or table.grid is None:
            self.preview.clear()
            return
        grid = table.grid
        n_rows = min(grid.n_rows, PREVIEW_ROWS)
        self.preview.clear()
        self.preview.setRowCount(n_rows)
        self.preview.setColumnCount(grid.n_cols)
        self.preview.setHorizontalHeaderLabels([tb.column_letter(c) for c in range(1, grid.n_cols + 1)])
        self.preview.setVerticalHeaderLabels([str(r) for r in range(1, n_rows + 1)])
        rejected = {(r.row, r.column): r.reason for r in plan.rejections} if plan else {}
        mapped_cols = set(plan.mapping) if plan else set()
        planned_rows = {pl.row for pl in plan.lines} if plan else set()
        skipped_rows = {s.row for s in plan.skipped} if plan else set()
        bold = QFont()
        bold.setBold(True)
        for r in range(1, n_rows + 1):
            for c in range(1, grid.n_cols + 1):
                cell = grid.cell(r, c)
                text = cell.formula if cell.formula is not None else cell.text
                it = QTableWidgetItem(text)
                key = (r, tb.column_letter(c))
                if r in table.header_rows:
                    it.setBackground(QBrush(HEADER_BG))
                    it.setFont(bold)
                elif key in rejected:
                    it.setBackground(QBrush(REJECTED_BG))
                    it.setToolTip(rejected[key])
                elif r in planned_rows and c in mapped_cols and not cell.is_empty:
                    it.setBackground(QBrush(ACCEPTED_BG))
                elif r in skipped_rows or r < table.header_rows[0]:
                    it.setForeground(QBrush(SKIPPED_FG))
                self.preview.setItem(r - 1, c - 1, it)
        self.preview.resizeColumnsToContents()

    # ------------------------------------------------------------------ confirming
    def confirm(self) -> None:
        """Write every accepted value (one transaction, one undo step) and close; nothing written on error."""
        plan = self.plan
        if plan is None or not plan.lines:
            return
        ef = self.ctx.ef
        edit = edits.import_statement(ef, plan)
        state = edit.result
        if self.ctx.apply_edit(lambda: edit):
            self.imported.emit(state["changes"])
            self.accept()
