"""文件 ▸ 汇总分析… and 文件 ▸ 上年评价（历史标准）… (issue 22).

- :class:`RollupDialog`: choose folders/files, roll them up off the UI thread (progress and cancel,
  :func:`~wcif_desktop.ui.workers.run_with_progress`), show the tables of
  :meth:`~wcif_desktop.services.rollup.Rollup.tables` in table views and the totals as a bar chart, export the
  workbook, and open one evaluation from a row (double-click).
- :class:`BaselineDialog`: link last year's evaluation file, see its state, the year-on-year figures and the
  balance check, carry targets and problems forward, record 整改情况 per carried problem.

The UI only presents: every figure comes from services/rollup.py and services/baseline.py.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WcifError
from .errors import error_text, show_user_error
from .workers import is_cancel, run_with_progress

GRADE_COLORS = {"优": "#1F4E79", "良": "#548235", "中": "#C55A11", "差": "#A50021"}
# the 整改情况 labels of services/baseline.py RECTIFICATION, shown translated
RECTIFICATION_LABELS = (QT_TRANSLATE_NOOP("BaselineDialog", "已整改"), QT_TRANSLATE_NOOP("BaselineDialog", "部分整改"),
                        QT_TRANSLATE_NOOP("BaselineDialog", "未整改"), QT_TRANSLATE_NOOP("BaselineDialog", "待核实"))


# ============================================================================================ table model
class RowsModel(QAbstractTableModel):
    """A read-only table over rows of dicts (the columns of the first row, or ``columns``). Decimal numbers are
    shown with two decimals (元 columns with thousands separators) and right-aligned."""

    def __init__(self, rows: list[dict], columns: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.rows = rows
        self.columns = columns or (list(rows[0]) if rows else [])

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def value(self, row: int, col: int):
        return self.rows[row].get(self.columns[col])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.value(index.row(), index.column())
        numeric = isinstance(v, (int, Decimal)) and not isinstance(v, bool)
        if role == Qt.ItemDataRole.DisplayRole:
            if v is None:
                return "—"
            if isinstance(v, Decimal):
                return f"{v:,.2f}" if self.columns[index.column()].endswith("（元）") else f"{v:.2f}"
            return str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and v is not None and len(str(v)) > 30:
            return str(v)
        return None


def fit_columns(view: QTableView, cap: int = 260) -> None:
    """Columns as wide as their contents (header included), at most ``cap`` pixels."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for k in range(header.count()):
        if header.sectionSize(k) > cap:
            header.resizeSection(k, cap)


# ============================================================================================ chart
class TotalsChart(QWidget):
    """Bars of the total score (points, 0–100) per evaluation, highest first, coloured by grade, with the
    default grade lines (60, 80, 90)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[tuple[str, Decimal, str]] = []
        self.setMinimumHeight(260)

    def set_items(self, items) -> None:
        self.items = sorted(((label, total, grade) for label, total, grade in items if total is not None),
                            key=lambda x: x[1], reverse=True)  # an evaluation with no score yet has no bar
        self.update()

    def paintEvent(self, event):  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        if not self.items:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("尚无汇总结果"))
            return
        left, top, right = 44, 16, 12
        labels = len(self.items) <= 40
        bottom = 70 if labels else 24
        w = max(1, self.width() - left - right)
        h = max(1, self.height() - top - bottom)
        grid = QPen(QColor("#BBBBBB"))
        grid.setStyle(Qt.PenStyle.DashLine)
        for v in (0, 60, 80, 90, 100):
            y = top + h - h * v / 100
            p.setPen(grid if v else QPen(QColor("#555555")))
            p.drawLine(left, int(y), left + w, int(y))
            p.setPen(QColor("#333333"))
            p.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       str(v))
        n = len(self.items)
        slot = w / n
        bar = max(1.0, slot * 0.7)
        for k, (label, total, grade) in enumerate(self.items):
            x = left + k * slot + (slot - bar) / 2
            bh = h * float(min(max(total, Decimal(0)), Decimal(100))) / 100  # drawing only; figures stay Decimal
            p.fillRect(QRectF(x, top + h - bh, bar, bh), QColor(GRADE_COLORS.get(grade, "#777777")))
            if labels:
                p.save()
                p.translate(x + bar / 2, top + h + 4)
                p.rotate(45)
                p.setPen(QColor("#333333"))
                p.drawText(0, 10, label[:12])
                p.restore()
        p.end()


# ============================================================================================ roll-up dialog
class RollupDialog(QDialog):
    """文件 ▸ 汇总分析…: many evaluation files into one comparison (read-only; nothing is written to them)."""

    open_requested = Signal(str)

    def __init__(self, parent=None, start_folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("汇总分析"))
        self.resize(1200, 720)
        self.inputs: list[Path] = []
        self.result = None
        self.start_folder = start_folder or Path.home()
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("选择多个评价文件或所在文件夹进行汇总。文件只读打开，不做备份、不升级、不写入；"
                               "无法读取的文件会列出原因。双击表格中的一行可打开该评价。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.btn_folder = QPushButton(self.tr("添加文件夹…"))
        self.btn_files = QPushButton(self.tr("添加文件…"))
        self.btn_clear = QPushButton(self.tr("清空"))
        self.btn_run = QPushButton(self.tr("开始汇总"))
        self.btn_export = QPushButton(self.tr("导出 Excel…"))
        self.btn_export.setEnabled(False)
        for b in (self.btn_folder, self.btn_files, self.btn_clear):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.btn_run)
        row.addWidget(self.btn_export)
        lay.addLayout(row)
        self.inputs_label = QLabel(self.tr("尚未选择文件"))
        self.inputs_label.setWordWrap(True)
        lay.addWidget(self.inputs_label)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.tabs = QTabWidget()
        self.chart = TotalsChart()
        self.tabs.addTab(self.chart, self.tr("得分图"))
        lay.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.views: dict[str, QTableView] = {}
        self.btn_folder.clicked.connect(self.add_folder)
        self.btn_files.clicked.connect(self.add_files)
        self.btn_clear.clicked.connect(self.clear_inputs)
        self.btn_run.clicked.connect(self.run)
        self.btn_export.clicked.connect(self.export)
        self._update_inputs()

    # --------------------------------------------------------------------------------------------- inputs
    def add_folder(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("选择评价文件所在文件夹"), str(self.start_folder))
        if d:
            self.add_inputs([Path(d)])

    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择评价文件"), str(self.start_folder),
                                                self.tr("评价文件") + " (*.wcif);;" + self.tr("所有文件") + " (*)")
        if files:
            self.add_inputs([Path(f) for f in files])

    def add_inputs(self, paths) -> None:
        for p in paths:
            if p not in self.inputs:
                self.inputs.append(Path(p))
        self._update_inputs()

    def clear_inputs(self) -> None:
        self.inputs = []
        self._update_inputs()

    def _update_inputs(self) -> None:
        self.btn_run.setEnabled(bool(self.inputs))
        if not self.inputs:
            self.inputs_label.setText(self.tr("尚未选择文件"))
        else:
            names = "；".join(str(p) for p in self.inputs[:5]) + ("…" if len(self.inputs) > 5 else "")
            self.inputs_label.setText(self.tr("已选择：") + names)

    # --------------------------------------------------------------------------------------------- running
    def run(self) -> None:
        from ..services.rollup import rollup

        self.btn_run.setEnabled(False)
        self.task = run_with_progress(self, self.tr("正在汇总评价文件…"), rollup, list(self.inputs),
                                      on_done=self.show_result, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.btn_run.setEnabled(bool(self.inputs))
        if is_cancel(exc):
            self.status.setText(self.tr("汇总已取消。"))
            return
        if isinstance(exc, WcifError):
            show_user_error(self, exc, self.tr("无法汇总"))
            return
        raise exc

    def show_result(self, result) -> None:
        self.btn_run.setEnabled(bool(self.inputs))
        self.result = result
        self.btn_export.setEnabled(bool(result.evaluations))
        msg = self.tr("已汇总 %n 个评价文件", "", len(result.evaluations))
        if result.refused:
            msg += self.tr("；未纳入 %n 个文件（原因见“来源与核验”）", "", len(result.refused))
        self.status.setText(msg)
        self.chart.set_items([(e.label, e.total, e.grade) for e in result.evaluations])
        while self.tabs.count() > 1:
            w = self.tabs.widget(1)
            self.tabs.removeTab(1)
            w.deleteLater()
        self.views = {}
        titles = {"汇总": self.tr("汇总"), "排名": self.tr("排名"), "指标得分率": self.tr("指标得分率"),
                  "基金收支": self.tr("基金收支"), "常见问题": self.tr("常见问题"),
                  "满意度与知晓率": self.tr("满意度与知晓率"), "来源与核验": self.tr("来源与核验")}
        for name, rows in result.tables().items():
            view = QTableView()
            view.setModel(RowsModel(rows, parent=view))
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            fit_columns(view)
            view.doubleClicked.connect(lambda index, v=view: self._open_row(v, index.row()))
            self.views[name] = view
            self.tabs.addTab(view, titles.get(name, name))

    def path_of_row(self, table: str, row: int) -> Path | None:
        """The evaluation file a row of ``table`` comes from (by its SHA-256, path or file name)."""
        view = self.views.get(table)
        if view is None or self.result is None:
            return None
        data = view.model().rows[row]
        if data.get("路径") and data.get("结果") == "已汇总":
            return Path(data["路径"])
        if data.get("SHA-256"):
            e = self.result.find(data["SHA-256"])
            return e.path if e else None
        name = data.get("文件名")
        e = next((e for e in self.result.evaluations if e.path.name == name), None)
        return e.path if e else None

    def _open_row(self, view: QTableView, row: int) -> None:
        table = next((k for k, v in self.views.items() if v is view), "")
        p = self.path_of_row(table, row)
        if p is not None:
            self.open_requested.emit(str(p))

    # --------------------------------------------------------------------------------------------- export
    def export(self) -> None:
        if self.result is None:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("导出汇总表"), str(self.start_folder / "汇总分析.xlsx"),
                                             "Excel (*.xlsx)")
        if out:
            self.export_to(Path(out) if out.lower().endswith(".xlsx") else Path(out + ".xlsx"))

    def export_to(self, out: Path) -> None:
        from ..services.rollup import write_workbook

        result = self.result

        def work(progress):
            return write_workbook(result, out)

        self.task = run_with_progress(self, self.tr("正在写入汇总表…"), work,
                                      on_done=lambda p: self.status.setText(self.tr("已导出：") + str(p)),
                                      on_error=self._failed)


# ============================================================================================ baseline
class BaselineDialog(QDialog):
    """文件 ▸ 上年评价（历史标准）…: link last year's file, carry its targets and problems forward, record
    整改情况. Edits go through the window's :class:`~wcif_desktop.ui.context.EvaluationContext`."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("上年评价（历史标准）"))
        self.resize(1000, 680)
        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.btn_link = QPushButton(self.tr("关联上年评价文件…"))
        self.btn_unlink = QPushButton(self.tr("取消关联"))
        row.addWidget(self.btn_link)
        row.addWidget(self.btn_unlink)
        row.addStretch(1)
        lay.addLayout(row)
        self.continuity = QLabel()
        self.continuity.setWordWrap(True)
        lay.addWidget(self.continuity)
        self.tabs = QTabWidget()
        self.yoy = QTableView()
        self.tabs.addTab(self.yoy, self.tr("同比"))
        carry = QWidget()
        cl = QVBoxLayout(carry)
        cl.addWidget(QLabel(self.tr("勾选要结转到本评价的上年绩效目标和问题（已结转的不再重复）：")))
        self.candidates = QListWidget()
        cl.addWidget(self.candidates, 1)
        self.btn_carry = QPushButton(self.tr("结转所选"))
        cl.addWidget(self.btn_carry, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(carry, self.tr("结转"))
        self.rectify = QTableWidget(0, 3)
        self.rectify.setHorizontalHeaderLabels([self.tr("上年问题"), self.tr("整改情况"), self.tr("说明")])
        self.rectify.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rectify.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.rectify, self.tr("整改情况"))
        self.history = QTableView()
        self.tabs.addTab(self.history, self.tr("历史标准"))
        lay.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.btn_link.clicked.connect(self.choose)
        self.btn_unlink.clicked.connect(self.unlink)
        self.btn_carry.clicked.connect(self.carry_selected)
        self.rectify.cellChanged.connect(self._note_changed)
        self.refresh()

    def refresh(self) -> None:
        from ..services import baseline

        ef = self.ctx.ef
        st = baseline.baseline_status(ef)
        self.status.setText(error_text(st.message))
        self.btn_unlink.setEnabled(st.ref is not None)
        check = baseline.continuity_check(ef) if st.ok else None
        self.continuity.setText("" if check is None else
                                (self.tr("结余衔接：") if check.ok else self.tr("结余衔接（不一致）："))
                                + error_text(check.message))
        yoy = [{self.tr("项目"): r["name"], self.tr("本年（元）"): r["actual"], self.tr("上年（元）"): r["previous_actual"],
                self.tr("增减（元）"): r["change"], self.tr("增长率（%）"): r["growth_rate"]}
               for r in (baseline.year_on_year(ef) if st.ok else [])]
        self.yoy.setModel(RowsModel(yoy, parent=self.yoy))
        fit_columns(self.yoy)
        hist = [{self.tr("绩效指标"): h.name, self.tr("上年目标值"): h.last_value, self.tr("上年实际值（历史标准）"): h.last_actual,
                 self.tr("本年实际值"): h.actual, self.tr("变化"): h.change}
                for h in (baseline.historical_standard(ef) if st.ok else [])]
        self.history.setModel(RowsModel(hist, parent=self.history))
        fit_columns(self.history, 360)
        self.candidates.clear()
        try:
            cand = baseline.carry_forward_candidates(ef) if st.ok else None
        except WcifError:
            cand = None
        if cand is not None:
            for t, done in cand.targets:
                self._candidate(self.tr("目标：") + t.name, ("target", t.id), done)
            for f, done in cand.problems:
                self._candidate(self.tr("问题：") + f.title, ("problem", f.id), done)
        self.btn_carry.setEnabled(cand is not None)
        self._fill_rectify()

    def _candidate(self, text: str, key, done: bool) -> None:
        item = QListWidgetItem(text + (self.tr("（已结转）") if done else ""))
        item.setData(Qt.ItemDataRole.UserRole, key)
        if done:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        else:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.candidates.addItem(item)

    def _fill_rectify(self) -> None:
        from ..services import baseline

        self.rectify.blockSignals(True)
        items = baseline.carried(self.ctx.ef, "problem")
        self.rectify.setRowCount(len(items))
        for k, c in enumerate(items):
            title = QTableWidgetItem(c.title)
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            title.setData(Qt.ItemDataRole.UserRole, c.id)
            self.rectify.setItem(k, 0, title)
            combo = QComboBox()
            for key, label in baseline.RECTIFICATION.items():
                combo.addItem(QCoreApplication.translate("BaselineDialog", label), key)
            combo.setCurrentIndex(max(0, combo.findData(c.status)))
            combo.currentIndexChanged.connect(lambda _i, row=k: self._save_rectify(row))
            self.rectify.setCellWidget(k, 1, combo)
            self.rectify.setItem(k, 2, QTableWidgetItem(c.note))
        self.rectify.blockSignals(False)

    def _note_changed(self, row: int, col: int) -> None:
        if col == 2:
            self._save_rectify(row)

    def _save_rectify(self, row: int) -> None:
        from ..services import baseline

        cid = self.rectify.item(row, 0).data(Qt.ItemDataRole.UserRole)
        status = self.rectify.cellWidget(row, 1).currentData()
        note = self.rectify.item(row, 2).text() if self.rectify.item(row, 2) else ""
        self.ctx.run_service(baseline.set_rectification, cid, status, note)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择上年评价文件"), str(self.ctx.path.parent),
                                              self.tr("评价文件") + " (*.wcif)")
        if path:
            self.link(Path(path))

    def link(self, path: Path) -> bool:
        from ..services import baseline

        ok = self.ctx.run_service(baseline.link_baseline, path) is not None
        self.refresh()
        return ok

    def unlink(self) -> None:
        from ..services import baseline

        self.ctx.run_service(baseline.unlink_baseline)
        self.refresh()

    def carry_selected(self) -> None:
        from ..services import baseline

        targets, problems = [], []
        for k in range(self.candidates.count()):
            item = self.candidates.item(k)
            if not item.flags() & Qt.ItemFlag.ItemIsEnabled or item.checkState() != Qt.CheckState.Checked:
                continue
            kind, sid = item.data(Qt.ItemDataRole.UserRole)
            (targets if kind == "target" else problems).append(sid)
        self.ctx.run_service(baseline.carry_forward, target_ids=targets, problem_ids=problems)
        self.refresh()
        if problems:
            self.tabs.setCurrentIndex(2)
