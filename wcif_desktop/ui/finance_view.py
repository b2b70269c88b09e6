"""The fund finance view (基金收支): statement lines, derived values, checks and a budget-vs-actual chart.

Shown from the 数据 menu (:func:`add_finance_menu`) in a non-modal window. Figures come from
:func:`wcif_desktop.services.finance.analysis` (Decimal), shown in 万元; the chart converts to float only to
draw (QPainter; QtCharts is not part of PySide6-Essentials). The view refreshes when an edit touches the
statement lines or the finance settings. The menu also imports a fund statement
(:class:`~wcif_desktop.ui.finance_import.StatementImportDialog`) and a 绩效目标表, and shows the declared vs
refined targets (:class:`TargetComparisonDialog`).
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WcifError
from ..domain.money import fmt_pct, fmt_wan
from ..services import edits
from ..services import finance as fin
from ..services import targets as tg
from .context import EvaluationContext
from .errors import error_text, show_user_error

SHEET_FILTER = "表格 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)"
# The report charts' colours (render/charts.py); reportlab itself is imported only when a chart is needed.
BUDGET_COLOR = "#9DB4C8"
ACTUAL_COLOR = "#1F4E79"


def _wan(v) -> str:
    return "—" if v is None else fmt_wan(v)


class BudgetActualChart(QWidget):
    """Grouped bars (budget, actual) per statement line, in 万元, drawn with QPainter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: list[tuple[str, Decimal | None, Decimal | None]] = []
        self.setMinimumSize(360, 220)

    def set_values(self, values) -> None:
        self.values = list(values)
        self.update()

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.values:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无预算数或执行数"))
            p.end()
            return
        from ..render.charts import nice_step  # lazily: keeps reportlab out of the start-up

        fm = p.fontMetrics()
        left, right, top, bottom = 64, 12, 28, 36
        plot = QRectF(left, top, max(self.width() - left - right, 10), max(self.height() - top - bottom, 10))
        nums = [float(v) for _, b, a in self.values for v in (b, a) if v is not None]  # drawing boundary
        vmax = max(max(nums), 0.0)
        vmin = min(min(nums), 0.0)
        step = nice_step((vmax - vmin) or 1.0)
        vmax = math.ceil(vmax / step) * step or step
        vmin = math.floor(vmin / step) * step
        span = vmax - vmin

        def y_of(v: float) -> float:
            return plot.bottom() - (v - vmin) / span * plot.height()

        p.setPen(QPen(QColor("#888888")))
        for i in range(round(span / step) + 1):
            v = vmin + step * i
            y = y_of(v)
            p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.right(), y))
            p.drawText(QRectF(0, y - fm.height() / 2, left - 8, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:,.0f}")
        group = plot.width() / len(self.values)
        bar = group * 0.32
        zero = y_of(0.0)
        for i, (label, b, a) in enumerate(self.values):
            x0 = plot.left() + i * group + group * 0.16
            for j, (v, colour) in enumerate(((b, BUDGET_COLOR), (a, ACTUAL_COLOR))):
                if v is None:
                    continue
                y = y_of(float(v))
                p.fillRect(QRectF(x0 + j * bar, min(y, zero), bar - 2, abs(zero - y)), QColor(colour))
            p.setPen(QPen(QColor("#333333")))
            p.drawText(QRectF(plot.left() + i * group, plot.bottom() + 4, group, fm.height() * 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, label)
        x = plot.left()
        for text, colour in ((self.tr("预算数"), BUDGET_COLOR), (self.tr("执行数"), ACTUAL_COLOR)):
            p.fillRect(QRectF(x, 8, 10, 10), QColor(colour))
            p.setPen(QPen(QColor("#333333")))
            p.drawText(QPointF(x + 14, 18), text)
            x += 14 + fm.horizontalAdvance(text) + 18
        p.drawText(QPointF(x, 18), self.tr("（万元）"))
        p.end()


class FinanceView(QWidget):
    """Statement lines of a year with rates, the derived values, the checks, and the chart."""

    DERIVED = (
        ("income_execution_rate", QT_TRANSLATE_NOOP("FinanceView", "收入预算执行率")),
        ("expenditure_execution_rate", QT_TRANSLATE_NOOP("FinanceView", "支出预算执行率")),
        ("income_deviation_rate", QT_TRANSLATE_NOOP("FinanceView", "收入预算偏差率")),
        ("expenditure_deviation_rate", QT_TRANSLATE_NOOP("FinanceView", "支出预算偏差率")),
        ("current_year_result", QT_TRANSLATE_NOOP("FinanceView", "当年收支结余（万元）")),
        ("opening_balance", QT_TRANSLATE_NOOP("FinanceView", "期初余额（万元）")),
        ("year_end_balance", QT_TRANSLATE_NOOP("FinanceView", "年末滚存结余（万元）")),
        ("coverage_months", QT_TRANSLATE_NOOP("FinanceView", "累计结余可支付月数")),
        ("income_growth_rate", QT_TRANSLATE_NOOP("FinanceView", "收入同比增长")),
        ("expenditure_growth_rate", QT_TRANSLATE_NOOP("FinanceView", "支出同比增长")),
        ("prevention_cap", QT_TRANSLATE_NOOP("FinanceView", "工伤预防费上限（万元）")),
        ("prevention_share", QT_TRANSLATE_NOOP("FinanceView", "工伤预防费占上年保险费收入")),
    )

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("finance_year")
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        self.import_button = QPushButton(self.tr("导入基金收支表…"))
        self.import_button.clicked.connect(self.import_dialog)
        bar.addWidget(self.import_button)
        # manual entry of the statement and of the business data, and the blank template (issue 18)
        self.entry_button = QPushButton(self.tr("手工录入收支…"))
        self.entry_button.clicked.connect(lambda: self.entry_dialog())
        bar.addWidget(self.entry_button)
        self.business_button = QPushButton(self.tr("业务数据…"))
        self.business_button.clicked.connect(lambda: self.business_dialog())
        bar.addWidget(self.business_button)
        self.template_button = QPushButton(self.tr("下载空白模板…"))
        self.template_button.clicked.connect(lambda: self.save_template())
        bar.addWidget(self.template_button)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        self.lines = QTableWidget(0, 7)
        self.lines.setObjectName("finance_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("行次"), self.tr("预算数"), self.tr("调整后预算数"),
                                              self.tr("执行数"), self.tr("执行率"), self.tr("偏差率"),
                                              self.tr("同比增长")])
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box = QGroupBox(self.tr("基金收支（万元）"))
        QVBoxLayout(box).addWidget(self.lines)
        split.addWidget(box)

        lower = QSplitter(Qt.Orientation.Horizontal)
        derived_box = QGroupBox(self.tr("测算指标"))
        self.derived = QFormLayout(derived_box)
        self.values: dict[str, QLabel] = {}
        for key, label in self.DERIVED:
            v = QLabel("—")
            v.setObjectName(f"value_{key}")
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = v
            self.derived.addRow(self.tr(label), v)
        self.cap_edit = QLineEdit()
        self.cap_edit.setObjectName("prevention_cap_rate")
        self.cap_edit.setToolTip(self.tr("工伤预防费上限：上年工伤保险费收入的百分比（人社部规〔2017〕13号为3%，"
                                         "省级批准可提高）"))
        self.cap_edit.editingFinished.connect(self._commit_cap)
        self.derived.addRow(self.tr("工伤预防费上限比例（%）"), self.cap_edit)
        lower.addWidget(derived_box)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.chart = BudgetActualChart()
        self.chart.setObjectName("finance_chart")
        rl.addWidget(self.chart, 2)
        self.checks = QListWidget()
        self.checks.setObjectName("finance_checks")
        rl.addWidget(QLabel(self.tr("核对")))
        rl.addWidget(self.checks, 1)
        lower.addWidget(right)
        split.addWidget(lower)
        split.setSizes([300, 340])
        lay.addWidget(split, 1)

        self.year_combo.currentIndexChanged.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes) -> None:
        if changes.touches("finance_line") or changes.touches("finance_settings"):
            self.refresh()

    def year(self) -> int:
        y = self.year_combo.currentData()
        return int(y) if y is not None else self.ctx.evaluation().fiscal_year

    def _fill_years(self) -> None:
        current = self.year_combo.currentData()
        years = sorted({ln.fiscal_year for ln in self.ctx.snapshot().finance} | {self.ctx.evaluation().fiscal_year},
                       reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(self.tr("{0}年").format(y), y)
        idx = self.year_combo.findData(current if current is not None else self.ctx.evaluation().fiscal_year)
        self.year_combo.setCurrentIndex(max(idx, 0))
        self.year_combo.blockSignals(False)

    def refresh(self) -> None:
        self._fill_years()
        year = self.year()
        try:
            a = fin.analysis(self.ctx.ef, year)
        except WcifError as e:
            show_user_error(self, e)
            return
        self.analysis = a
        self.lines.setRowCount(len(a.lines))
        for r, f in enumerate(a.lines):
            ln = f.line
            cells = [("    " if ln.parent_code else "") + ln.name, _wan(ln.budget), _wan(ln.adjusted_budget),
                     _wan(ln.actual), fmt_pct(f.execution_rate), fmt_pct(f.deviation_rate), fmt_pct(f.growth_rate)]
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(r, c, it)
        s, p = a.summary, a.prevention
        source = {"line": self.tr("表中期初余额"), "previous_year": self.tr("上年年末滚存结余"),
                  "implied": self.tr("由年末结余倒推")}.get(a.opening_source, "—")
        texts = {
            "income_execution_rate": fmt_pct(s.income_execution_rate),
            "expenditure_execution_rate": fmt_pct(s.expenditure_execution_rate),
            "income_deviation_rate": fmt_pct(s.income_deviation_rate),
            "expenditure_deviation_rate": fmt_pct(s.expenditure_deviation_rate),
            "current_year_result": _wan(s.current_year_result),
            "opening_balance": self.tr("{0}（{1}）").format(_wan(a.opening_balance), source),
            "year_end_balance": _wan(s.year_end_balance),
            "coverage_months": "—" if s.coverage_months is None else f"{s.coverage_months:.2f}",
            "income_growth_rate": fmt_pct(a.income_growth_rate),
            "expenditure_growth_rate": fmt_pct(a.expenditure_growth_rate),
            "prevention_cap": _wan(p.cap),
            "prevention_share": fmt_pct(p.share),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.cap_edit.setText(f"{p.cap_rate}")
        from ..render.charts import budget_actual_data

        self.chart.set_values(budget_actual_data(list(fin.lines_by_id(self.ctx.ef).values()), year))
        self.checks.clear()
        if a.roll_forward is None:
            self.checks.addItem(self.tr("滚存核对：期初余额由年末结余倒推，无法核对") if a.opening_source == "implied"
                                else self.tr("滚存核对：缺少期初余额或收支数据，无法核对"))
        for c in a.checks:
            it = QListWidgetItem(("✓ " if c.ok else "✗ ") + error_text(c.message))
            it.setForeground(QBrush(QColor("#2e7d32" if c.ok else "#b00020")))
            self.checks.addItem(it)

    def _commit_cap(self) -> None:
        text = self.cap_edit.text().strip()
        ef = self.ctx.ef
        self.ctx.apply_edit(lambda: edits.set_prevention_cap_rate(ef, text))

    def import_dialog(self, path=None) -> None:
        """Ask for a spreadsheet (unless ``path`` is given) and open the mapping dialog."""
        from .finance_import import StatementImportDialog

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入基金收支表"), str(self.ctx.path.parent),
                                                  SHEET_FILTER)
        if path:
            StatementImportDialog(self.ctx, path, self, year=self.year()).exec()


    def entry_dialog(self, exec_: bool = True):
        """The manual statement entry of the shown year (returned unshown with ``exec_=False``, for tests)."""
        from .business_entry import StatementEntryDialog

        dlg = StatementEntryDialog(self.ctx, self.year(), self)
        if exec_:
            dlg.exec()
        return dlg

    def business_dialog(self, exec_: bool = True):
        """The business data form (returned unshown with ``exec_=False``, for tests)."""
        from .business_entry import BusinessDataDialog

        dlg = BusinessDataDialog(self.ctx, self)
        if exec_:
            dlg.exec()
        return dlg

    def save_template(self, path=None):
        from .business_entry import save_template

        return save_template(self.ctx, self, path)


class FinanceWindow(QDialog):
    """A non-modal window around :class:`FinanceView`."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("基金收支"))
        self.resize(980, 700)
        self.view = FinanceView(ctx, self)
        QVBoxLayout(self).addWidget(self.view)


# The statuses and field labels of domain.targets.comparison / COMPARED_FIELDS, marked for lupdate.
COMPARISON_TEXTS = (
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "新增"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "修改"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "保留"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "删除"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "一级指标"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "二级指标"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "指标名称"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "比较符"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "指标值"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "计量单位"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "评价标准"),
    QT_TRANSLATE_NOOP("TargetComparisonDialog", "指标性质"),
)


class TargetComparisonDialog(QDialog):
    """Declared vs refined targets side by side, with what changed and why (:func:`services.targets.comparison`)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "状态"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "申报的指标"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "申报指标值"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "细化后的指标"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "细化指标值"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "变化"),
        QT_TRANSLATE_NOOP("TargetComparisonDialog", "调整原因"),
    )

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("申报目标与细化目标对比"))
        self.resize(1000, 520)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("target_comparison")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.table)
        ctx.changed.connect(lambda ch: ch.touches("target_indicator") and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from ..domain.targets import display_value

        rows = tg.comparison(self.ctx.ef)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            d, f = row.declared, row.refined
            cells = (self.tr(row.status), d.name if d else "—", display_value(d) if d else "—", f.name if f else "—",
                     display_value(f) if f else "—", self.tr("、").join(self.tr(c) for c in row.changed), row.reason)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()


def import_targets(window, path=None, version: str = "declared") -> bool:
    """Read a 绩效目标表, show what would be imported (and every rejected cell), write after confirmation."""
    ctx = window.ctx
    if ctx is None:
        return False
    if not path:
        path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("MainWindow", "导入绩效目标表"), str(ctx.path.parent), SHEET_FILTER)
    if not path:
        return False
    try:
        plan = tg.plan_target_import(Path(path), version=version)
    except WcifError as e:
        show_user_error(window, e)
        return False
    details = "\n".join([error_text(plan.describe())] + [QCoreApplication.translate("MainWindow", "拒绝：") + str(r) for r in plan.rejections])
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "导入绩效目标表"), details,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, window)
    if box.exec() != QMessageBox.StandardButton.Ok or not plan.indicators:
        return False
    ef = ctx.ef
    return ctx.apply_edit(lambda: edits.import_targets(ef, plan))


from .finance_menu import add_finance_menu  # noqa: E402,F401 - kept importable from here
