"""A small form per scoring-rule type (评分规则参数) instead of raw JSON: :class:`RuleParamsForm`.

The rule types and their parameters are those of :mod:`wcif_desktop.domain.rules` (the form only reads and writes
the same dict; the service validates it on save):

- 人工评分 (``manual``): nothing to fill in;
- 比率法 (``ratio``): the value (typed, or a computed metric), 目标值, direction, unit;
- 区间赋分 (``bands``): the value, direction, unit, “use the absolute value”, a table of thresholds and points,
  the points below/above every band;
- 扣分制 (``deductions``): points per occurrence, a cap, and a table of items (事项, 次数, 每次扣分);
- 要点得分 (``checklist``): a table of elements (要点, 分值, 评定 满足/不满足/未评定, 说明);
- 数据驱动 (``metric``): a computed metric and the method (比率法 / 区间赋分) with that method's fields.

Points may be written ``40%`` (a share of the indicator's weight), as in the JSON. Parameters the form does not
show (e.g. a template's ``label``) are kept as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.metrics import METRICS

# The metric names of services.metrics.METRICS, marked for lupdate (context "RuleParamsForm").
METRIC_TEXTS = {
    "income_execution_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "基金收入预算执行率"),
    "expenditure_execution_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "基金支出预算执行率"),
    "income_deviation_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "收入预算偏差率"),
    "expenditure_deviation_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "支出预算偏差率"),
    "coverage_months": QT_TRANSLATE_NOOP("RuleParamsForm", "累计结余可支付月数"),
    "income_growth_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "基金收入比上年增长率"),
    "expenditure_growth_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "基金支出比上年增长率"),
    "contribution_collection_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "工伤保险费征缴完成率"),
    "prevention_spending_share": QT_TRANSLATE_NOOP("RuleParamsForm", "工伤预防费占上年工伤保险费收入比例"),
    "prevention_cap_usage": QT_TRANSLATE_NOOP("RuleParamsForm", "工伤预防费占规定上限的比例"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "满意度"),
    "awareness_rate": QT_TRANSLATE_NOOP("RuleParamsForm", "政策知晓率"),
}

# which rows each rule type shows
ROWS = {
    "manual": ("none",),
    "ratio": ("source", "actual", "target", "direction", "unit"),
    "bands": ("source", "actual", "direction", "unit", "abs", "bands", "else"),
    "deductions": ("per", "max", "items"),
    "checklist": ("items",),
    "metric": ("method", "source", "target", "direction", "unit"),
    "metric/bands": ("method", "source", "direction", "unit", "abs", "bands", "else"),
}
# keys the form owns per rule type (anything else in the params is kept unchanged)
OWNED = ("metric", "actual", "target", "direction", "unit", "abs", "bands", "else", "per", "max", "items", "method")


def _text(value) -> str:
    return "" if value is None else str(value)


class _Grid(QWidget):
    """An editable table with 添加行 / 删除行 buttons."""

    changed = Signal()

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("添加行"))
        self.remove_btn = QPushButton(self.tr("删除行"))
        self.add_btn.clicked.connect(lambda: self.add_row())
        self.remove_btn.clicked.connect(self.remove_row)
        row.addWidget(self.add_btn)
        row.addWidget(self.remove_btn)
        row.addStretch(1)
        lay.addLayout(row)
        self.combo_columns: dict[int, list[tuple[str, object]]] = {}

    def set_headers(self, headers: list[str], combos: dict[int, list[tuple[str, object]]] | None = None) -> None:
        self.table.setRowCount(0)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.combo_columns = combos or {}
        for c in range(len(headers) - 1):
            self.table.setColumnWidth(c, 240 if c == 0 and len(headers) > 2 else 90)

    def add_row(self, values: list | None = None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        values = values or [""] * self.table.columnCount()
        for c in range(self.table.columnCount()):
            value = values[c] if c < len(values) else ""
            if c in self.combo_columns:
                box = QComboBox()
                for label, data in self.combo_columns[c]:
                    box.addItem(label, data)
                box.setCurrentIndex(max(0, next((i for i, (_l, d) in enumerate(self.combo_columns[c])
                                                 if d == value), 0)))
                self.table.setCellWidget(r, c, box)
            else:
                self.table.setItem(r, c, QTableWidgetItem(_text(value)))

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)

    def rows(self) -> list[list]:
        out = []
        for r in range(self.table.rowCount()):
            row = []
            for c in range(self.table.columnCount()):
                box = self.table.cellWidget(r, c)
                if isinstance(box, QComboBox):
                    row.append(box.currentData())
                else:
                    item = self.table.item(r, c)
                    row.append(item.text().strip() if item else "")
            out.append(row)
        return out


class RuleParamsForm(QWidget):
    """The parameters of one rule type as form fields. :meth:`set_rule` shows a type and its params (a dict as
    :func:`~wcif_desktop.domain.rules.parse_params` returns it); :meth:`params` returns the dict to save."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rule_params_form")
        self.rule_type = "manual"
        self._base: dict = {}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.none_label = QLabel(self.tr("人工评分：由评价人员对照评分标准填写得分和扣分原因，无需参数。"))
        self.none_label.setWordWrap(True)
        self.method = QComboBox()
        self.method.setObjectName("rule_method")
        self.method.addItem(self.tr("比率法（实际值÷目标值）"), "ratio")
        self.method.addItem(self.tr("区间赋分"), "bands")
        self.source = QComboBox()
        self.source.setObjectName("rule_source")
        self.source.addItem(self.tr("手工填写实际值"), "")
        for key in METRICS:
            self.source.addItem(self.tr(METRIC_TEXTS.get(key, METRICS[key][0])), key)
        self.actual = QLineEdit()
        self.actual.setObjectName("rule_actual")
        self.actual.setPlaceholderText("95")
        self.target = QLineEdit()
        self.target.setObjectName("rule_target")
        self.target.setPlaceholderText("100")
        self.direction = QComboBox()
        self.direction.setObjectName("rule_direction")
        self.direction.addItem(self.tr("越高越好"), "higher")
        self.direction.addItem(self.tr("越低越好（反向指标）"), "lower")
        self.unit = QLineEdit()
        self.unit.setObjectName("rule_unit")
        self.unit.setPlaceholderText("%")
        self.unit.setMaximumWidth(80)
        self.abs = QCheckBox(self.tr("按绝对值比较（如偏差率 −12% 视为 12%）"))
        self.abs.setObjectName("rule_abs")
        self.bands = _Grid([self.tr("阈值"), self.tr("得分（分或“40%”）")])
        self.bands.setObjectName("rule_bands")
        self.else_points = QLineEdit()
        self.else_points.setObjectName("rule_else")
        self.else_points.setPlaceholderText("0")
        self.per = QLineEdit()
        self.per.setObjectName("rule_per")
        self.per.setPlaceholderText("0.5")
        self.max = QLineEdit()
        self.max.setObjectName("rule_max")
        self.items = _Grid([self.tr("事项")])
        self.items.setObjectName("rule_items")
        self.rows: dict[str, tuple[QLabel | None, QWidget]] = {}
        for key, label, widget in (
                ("none", None, self.none_label),
                ("method", self.tr("计算方法"), self.method),
                ("source", self.tr("取值来源"), self.source),
                ("actual", self.tr("实际值"), self.actual),
                ("target", self.tr("目标值"), self.target),
                ("direction", self.tr("方向"), self.direction),
                ("unit", self.tr("单位"), self.unit),
                ("abs", None, self.abs),
                ("bands", self.tr("区间"), self.bands),
                ("else", self.tr("不在任何区间时得分"), self.else_points),
                ("per", self.tr("每次扣分"), self.per),
                ("max", self.tr("扣分上限（可空）"), self.max),
                ("items", self.tr("要点/事项"), self.items)):
            if label is None:
                self.form.addRow(widget)
            else:
                self.form.addRow(label, widget)
            self.rows[key] = (self.form.labelForField(widget), widget)
        self.method.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.source.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.set_rule("manual", {})

    # ------------------------------------------------------------------ showing
    def _layout_key(self) -> str:
        if self.rule_type == "metric" and self.method.currentData() == "bands":
            return "metric/bands"
        return self.rule_type if self.rule_type in ROWS else "manual"

    def _show_rows(self) -> None:
        visible = set(ROWS[self._layout_key()])
        if self.source.currentData():
            visible.discard("actual")
        for key, (_label, widget) in self.rows.items():
            self.form.setRowVisible(widget, key in visible)
        # 数据驱动 needs a metric: no "typed value" choice there
        self.source.model().item(0).setEnabled(self.rule_type != "metric")
        if self.rule_type == "metric" and not self.source.currentData():
            self.source.setCurrentIndex(1)

    def visible_rows(self) -> list[str]:
        """Keys of the rows shown (for tests and screenshots)."""
        return [k for k, (_l, w) in self.rows.items() if self.form.isRowVisible(w)]

    def set_rule(self, rule_type: str, params: dict) -> None:
        """Show ``rule_type`` with ``params`` (a dict; Decimals shown as written)."""
        self.rule_type = rule_type or "manual"
        self._base = dict(params or {})
        p = self._base
        self.method.blockSignals(True)
        self.method.setCurrentIndex(max(0, self.method.findData(p.get("method", "ratio"))))
        self.method.blockSignals(False)
        self.source.blockSignals(True)
        metric = p.get("metric") or ""
        if metric and self.source.findData(metric) < 0:  # e.g. satisfaction_rate[参保单位]: shown as written
            self.source.addItem(metric_label(metric.split("[")[0]) + (metric[metric.find("["):] if "[" in metric
                                                                       else ""), metric)
        self.source.setCurrentIndex(max(0, self.source.findData(metric)))
        self.source.blockSignals(False)
        self.actual.setText(_text(p.get("actual")))
        self.target.setText(_text(p.get("target")))
        self.direction.setCurrentIndex(max(0, self.direction.findData(p.get("direction", "higher"))))
        self.unit.setText(_text(p.get("unit")))
        self.abs.setChecked(bool(p.get("abs")))
        self.bands.set_headers([self.tr("阈值"), self.tr("得分（分或“40%”）")])
        for band in p.get("bands") or []:
            self.bands.add_row([_text(x) for x in band])
        self.else_points.setText(_text(p.get("else")))
        self.per.setText(_text(p.get("per")))
        self.max.setText(_text(p.get("max")))
        if self.rule_type == "checklist":
            met = [(self.tr("未评定"), None), (self.tr("满足"), True), (self.tr("不满足"), False)]
            self.items.set_headers([self.tr("要点"), self.tr("分值（可空）"), self.tr("评定"), self.tr("说明")],
                                   {2: met})
            for it in p.get("items") or []:
                self.items.add_row([_text(it.get("text")), _text(it.get("points")), it.get("met"),
                                    _text(it.get("note"))])
        else:
            self.items.set_headers([self.tr("事项"), self.tr("次数"), self.tr("每次扣分（可空）")])
            for it in p.get("items") or []:
                self.items.add_row([_text(it.get("text")), _text(it.get("count")), _text(it.get("per"))])
        self._show_rows()

    def set_rule_type(self, rule_type: str) -> None:
        """Switch the type shown, keeping what is typed in the fields the two types share."""
        current = self.params()
        self.set_rule(rule_type, current)

    # ------------------------------------------------------------------ reading
    def params(self) -> dict:
        """The parameters as a dict for :func:`~wcif_desktop.domain.rules.dump_params` (numbers as text, empty
        fields left out); keys the form does not show are kept from the params shown last."""
        out = {k: v for k, v in self._base.items() if k not in OWNED}
        key = self._layout_key()
        rows = set(ROWS[key])

        def put(name: str, text: str) -> None:
            if text.strip():
                out[name] = text.strip()

        if "method" in rows:
            out["method"] = self.method.currentData()
        if "source" in rows:
            if self.source.currentData():
                out["metric"] = self.source.currentData()
            else:
                put("actual", self.actual.text())
        if "target" in rows:
            put("target", self.target.text())
        if "direction" in rows and self.direction.currentData() != "higher":
            out["direction"] = self.direction.currentData()
        if "unit" in rows:
            put("unit", self.unit.text())
        if "abs" in rows and self.abs.isChecked():
            out["abs"] = True
        if "bands" in rows:
            out["bands"] = [[t, p] for t, p in self.bands.rows() if t or p]
        if "else" in rows:
            put("else", self.else_points.text())
        if "per" in rows:
            put("per", self.per.text())
        if "max" in rows:
            put("max", self.max.text())
        if "items" in rows:
            items = []
            for row in self.items.rows():
                if not any(x not in ("", None) for x in row):
                    continue
                if self.rule_type == "checklist":
                    text, points, met, note = row
                    it = {"text": text}
                    if met is not None:  # absent = not yet assessed
                        it["met"] = met
                    if points:
                        it["points"] = points
                    if note:
                        it["note"] = note
                else:
                    text, count, per = row
                    it = {"text": text, "count": count or "0"}
                    if per:
                        it["per"] = per
                items.append(it)
            out["items"] = items
        return out


def metric_label(key: str) -> str:
    """A metric's name in the UI's language."""
    return QCoreApplication.translate("RuleParamsForm", METRIC_TEXTS.get(key, METRICS.get(key, (key,))[0]))
