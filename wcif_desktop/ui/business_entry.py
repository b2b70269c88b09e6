"""Entering the fund statement and the business data by hand, and the blank template (issue 18).

- :class:`StatementEntryDialog` — the statement lines (预算数 / 调整后预算数 / 执行数, in 万元) of one year in a grid;
  OK writes them through :func:`wcif_desktop.services.business.set_statement` as one undo step.
- :class:`BusinessDataDialog` — the business figures (参保, 工伤认定, 劳动能力鉴定, 待遇, 工伤预防, 征缴) in a form;
  amounts in 万元, counts as whole numbers; OK writes them through :func:`~wcif_desktop.services.business.set_business`
  as one undo step. It can also import the agency's 业务数据统计表.
- :func:`save_template` asks where to write the blank .xlsx template (sheets 基金收支 and 业务数据).

Bad input (a letter in an amount, decimals in a count) is named in a message box (field and value); nothing is
written then.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.business import FIELDS
from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.money import D, wan_to_yuan
from ..services import business as bs
from ..services.evaluation import Changes
from .context import EvaluationContext
from .errors import show_user_error

AMOUNT_FIELDS = ("budget", "adjusted_budget", "actual")


def _wan_text(yuan) -> str:
    return "" if yuan is None else f"{(D(yuan) / 10000).quantize(Decimal('0.000001')).normalize():f}"


def _parse_wan(text: str, label: str, column: str):
    """万元 text → 元 (None for blank). Raises ValidationError naming the line and column."""
    text = (text or "").strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        return wan_to_yuan(text)
    except ValidationError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{label}”的{column}不是有效金额：{value}"), label=label,
                              column=column, value=text) from None


class StatementEntryDialog(QDialog):
    """The statement of ``year`` as an editable grid (万元); OK writes every changed line in one undo step."""

    def __init__(self, ctx: EvaluationContext, year: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.year = year or ctx.evaluation().fiscal_year
        self.setWindowTitle(self.tr("录入基金收支（{0}年，万元）").format(self.year))
        self.resize(760, 640)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("金额单位：万元。合计行与明细行分别录入；留空表示未提供。"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.specs = bs.statement_lines()
        self.table = QTableWidget(len(self.specs), 4)
        self.table.setObjectName("statement_entry")
        self.table.setHorizontalHeaderLabels([self.tr("行次"), self.tr("预算数"), self.tr("调整后预算数"),
                                              self.tr("执行数")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.before = bs.statement_values(ctx.ef, self.year)
        for r, spec in enumerate(self.specs):
            name = QTableWidgetItem(("    " if spec.parent_code else "") + spec.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            old = self.before.get(spec.code, {})
            for c, key in enumerate(AMOUNT_FIELDS, start=1):
                it = QTableWidgetItem(_wan_text(old.get(key)))
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, it)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def set_cell(self, code: str, field: str, text: str) -> None:
        """Type ``text`` (万元) into the cell of line ``code`` and column ``field`` (tests, scripting)."""
        r = next(i for i, s in enumerate(self.specs) if s.code == code)
        self.table.item(r, 1 + AMOUNT_FIELDS.index(field)).setText(text)

    def changed_values(self) -> dict[str, dict]:
        """code → {field: 元 or None} of the cells that differ from what is stored.

        Raises:
            ValidationError: a cell that is not an amount (named by line and column).
        """
        headers = [self.table.horizontalHeaderItem(c).text() for c in range(1, 4)]
        out: dict[str, dict] = {}
        for r, spec in enumerate(self.specs):
            old = self.before.get(spec.code, {})
            for c, key in enumerate(AMOUNT_FIELDS, start=1):
                value = _parse_wan(self.table.item(r, c).text(), spec.name, headers[c - 1])
                if value != old.get(key):
                    out.setdefault(spec.code, {})[key] = value
        return out

    def save(self) -> None:
        try:
            values = self.changed_values()
        except WcifError as e:
            show_user_error(self, e)
            return
        if not values:
            self.accept()
            return
        ef, year = self.ctx.ef, self.year
        undo_values = {code: {k: self.before.get(code, {}).get(k) for k in fields} for code, fields in values.items()}

        def do():
            return bs.set_statement(ef, values, year) or Changes().add("finance_line")

        def undo():
            return bs.set_statement(ef, undo_values, year) or Changes().add("finance_line")

        if self.ctx.apply(self.tr("录入基金收支"), do, undo):
            self.accept()


class BusinessDataDialog(QDialog):
    """The business figures of the evaluated year as a form (amounts in 万元)."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("业务数据（{0}年）").format(ctx.evaluation().fiscal_year))
        self.resize(560, 680)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入业务数据表…"))
        self.import_button.clicked.connect(lambda: self.import_sheet())
        self.template_button = QPushButton(self.tr("下载空白模板…"))
        self.template_button.clicked.connect(lambda: save_template(self.ctx, self))
        bar.addWidget(self.import_button)
        bar.addWidget(self.template_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        area = QScrollArea()
        area.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        self.edits: dict[str, QLineEdit] = {}
        for spec in FIELDS:
            e = QLineEdit()
            e.setObjectName(f"business_{spec.name}")
            e.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edits[spec.name] = e
            unit = "万元" if spec.money else spec.unit
            form.addRow(f"{spec.label}（{unit}）", e)
        self.derived = QLabel()
        self.derived.setObjectName("business_derived")
        self.derived.setWordWrap(True)
        form.addRow(self.derived)
        area.setWidget(inner)
        lay.addWidget(area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.load()

    def load(self) -> None:
        rec = bs.business(self.ctx.ef)
        self.before = {spec.name: (None if rec is None else getattr(rec, spec.name)) for spec in FIELDS}
        for spec in FIELDS:
            v = self.before[spec.name]
            self.edits[spec.name].setText("" if v is None else (_wan_text(v) if spec.money else str(v)))
        d = bs.business_dict(self.ctx.ef)
        parts = [f"{label}：{d['derived'][k]}%" for k, label in (
            ("coverage_rate", self.tr("参保覆盖率")), ("injury_on_time_rate", self.tr("工伤认定按时办结率")),
            ("appraisal_on_time_rate", self.tr("劳动能力鉴定按时完成率")), ("collection_rate", self.tr("征缴率")))
            if d["derived"].get(k) is not None]
        if d["band"]:
            parts.append(d["band"]["text"])
        self.derived.setText("；".join(parts))

    def changed_values(self) -> dict:
        """field → value (int for counts, 元 for amounts, None for blank) of the fields that changed.

        Raises:
            ValidationError: a value that is not a number, a negative one, decimals in a count.
        """
        from ..domain.business import coerce

        out = {}
        for spec in FIELDS:
            text = self.edits[spec.name].text().strip().replace(",", "").replace("，", "")
            if spec.money:
                value = _parse_wan(text, spec.label, self.tr("数值"))
                value = coerce(spec.name, value)
            else:
                value = coerce(spec.name, text)
            if value != self.before[spec.name]:
                out[spec.name] = value
        return out

    def save(self) -> None:
        try:
            values = self.changed_values()
        except WcifError as e:
            show_user_error(self, e)
            return
        if not values:
            self.accept()
            return
        ef = self.ctx.ef
        old = {k: self.before[k] for k in values}

        def do():
            return bs.set_business(ef, **values) or Changes().add("fund_business")

        def undo():
            return bs.set_business(ef, **old) or Changes().add("fund_business")

        if self.ctx.apply(self.tr("录入业务数据"), do, undo):
            self.accept()

    def import_sheet(self, path=None) -> None:
        """Import an agency 业务数据统计表 (asks for the file unless ``path`` is given); one undo step."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入业务数据表"), str(self.ctx.path.parent),
                                                  self.tr("表格 (*.xlsx *.csv)"))
        if not path:
            return
        ef = self.ctx.ef
        old = dict(self.before)
        state: dict = {}

        def do():
            state["result"] = bs.import_business(ef, path)
            return Changes().add("fund_business")

        def undo():
            return bs.set_business(ef, **old) or Changes().add("fund_business")

        if self.ctx.apply(self.tr("导入业务数据表"), do, undo):
            self.load()
            rejected = state["result"].rejected
            if rejected:
                show_user_error(self, WcifError("\n".join(str(r) for r in rejected)))


def save_template(ctx: EvaluationContext, parent=None, path=None):
    """Write the blank template (.xlsx: 基金收支 and 业务数据) where the user chooses (or to ``path``)."""
    if not path:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("BusinessDataDialog", "下载空白模板"),
                                              str(ctx.path.parent / "工伤保险基金收支及业务数据模板.xlsx"),
                                              "Excel (*.xlsx)")
    if not path:
        return None
    try:
        return bs.write_template(path)
    except WcifError as e:
        show_user_error(parent, e)
        return None


__all__ = ["StatementEntryDialog", "BusinessDataDialog", "save_template"]
