"""Fund finance use cases: settings, the derived values of an evaluation file, and importing a fund statement.

Import is two steps so that nothing is written before the user has seen it:

1. :func:`plan_statement_import` reads the sheet (:mod:`wcif_desktop.services.tabular`), finds the label column
   and maps the amount columns (预算数 → ``budget``, 调整后预算数 → ``adjusted_budget``, 执行数/决算数/累计执行数
   → ``actual``; a year in a header such as “2020年决算数” or “上年同期” assigns the column to that year),
   matches each row label to a statement line (:func:`wcif_desktop.domain.finance.match_line`) and parses every
   mapped cell to 元. It returns a :class:`StatementImport` listing the lines it would write, every rejected cell
   (sheet, row, column, reason) and every row it skips. A caller (the mapping dialog) may change the mapping
   and call it again.
2. :func:`apply_statement_import` writes all accepted values in one transaction (all or nothing): an existing
   line of the same year and code is updated, otherwise a line is added. A rejected cell is not written (the
   line's other cells are); a blank cell leaves the stored value as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import QT_TRANSLATE_NOOP, Message, WcifError
from ..domain.finance import (
    AMOUNT_COLUMNS,
    COLUMN_LABELS,
    SORT_ORDER,
    FinanceSettings,
    FundAnalysis,
    analyze,
    match_line,
)
from ..domain.model import FinanceLine
from ..domain.money import D
from ..domain.progress import NO_PROGRESS, Progress, check
from ..store.db import EvaluationFile
from . import evaluation as svc

if TYPE_CHECKING:  # the spreadsheet reader is imported by the import functions only (a report needs none)
    from . import tabular as tb

# --------------------------------------------------------------------------------------------- settings


def load_settings(ef: EvaluationFile) -> FinanceSettings:
    """The evaluation's finance settings (defaults when none were saved)."""
    recs = ef.records(FinanceSettings)
    return recs[0] if recs else FinanceSettings()


def set_settings(ef: EvaluationFile, **changes) -> svc.Changes:
    """Change finance settings (``prevention_cap_rate`` in %, ``prevention_cap_basis``, ``roll_forward_tolerance``
    in 元). Raises :class:`~wcif_desktop.domain.errors.ValidationError` for unknown fields or a negative rate."""
    for key in ("prevention_cap_rate", "roll_forward_tolerance"):
        if key in changes:
            changes[key] = D(changes[key])
            if changes[key] < 0:
                from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError

                raise ValidationError(QT_TRANSLATE_NOOP("core", "{field} 不能为负数"), field=key)
    recs = ef.records(FinanceSettings)
    if recs:
        return svc.update_record(ef, FinanceSettings, recs[0].id, **changes)
    return svc.add_record(ef, FinanceSettings(**changes))


def analysis(ef: EvaluationFile, year: int | None = None) -> FundAnalysis:
    """:func:`~wcif_desktop.domain.finance.analyze` of the file's statement lines for ``year`` (default: the
    evaluated fiscal year) with the file's settings. When last year's evaluation file is linked as the baseline
    (services/baseline.py), its statement lines fill the years this file has none of (year-on-year figures)."""
    year = svc.evaluation(ef).fiscal_year if year is None else year
    lines = ef.records(FinanceLine)
    from .baseline import baseline_finance_lines  # last year's file (历史标准), when one is linked

    lines += baseline_finance_lines(ef, {ln.fiscal_year for ln in lines})
    return analyze(lines, year, load_settings(ef))


# --------------------------------------------------------------------------------------------- report dict
def _amount(v: Decimal | None) -> str | None:
    return None if v is None else f"{D(v).quantize(Decimal('0.01'))}"


def _rate(v: Decimal | None) -> str | None:
    return None if v is None else f"{D(v):.2f}"


def finance_dict(ef: EvaluationFile, year: int | None = None) -> dict:
    """Statement lines and every derived value as JSON-ready data (keys in English).

    Amounts are strings in 元 with two decimals, rates strings in % with two decimals (``"112.30"``), months
    of coverage a string with two decimals; ``None`` where a value cannot be derived.
    """
    a = analysis(ef, year)
    s = a.summary
    lines = []
    for f in a.lines:
        ln = f.line
        lines.append({
            "fiscal_year": ln.fiscal_year, "code": ln.code, "name": ln.name, "kind": ln.kind,
            "parent_code": ln.parent_code, "budget": _amount(ln.budget),
            "adjusted_budget": _amount(ln.adjusted_budget), "actual": _amount(ln.actual),
            "execution_rate": _rate(f.execution_rate), "deviation_rate": _rate(f.deviation_rate),
            "previous_actual": _amount(f.previous_actual), "growth_rate": _rate(f.growth_rate),
        })
    earlier = []
    for ln in sorted(ef.records(FinanceLine), key=lambda x: (x.fiscal_year, SORT_ORDER.get(x.code, 900))):
        if ln.fiscal_year != a.year:
            earlier.append({"fiscal_year": ln.fiscal_year, "code": ln.code, "name": ln.name, "kind": ln.kind,
                            "budget": _amount(ln.budget), "adjusted_budget": _amount(ln.adjusted_budget),
                            "actual": _amount(ln.actual)})
    p = a.prevention
    settings = load_settings(ef)
    return {
        "fiscal_year": a.year,
        "units": {"amounts": "元", "rates": "%", "coverage_months": "months"},
        "lines": lines,
        "earlier_years_lines": earlier,
        "derived": {
            "income_budget": _amount(s.income_budget),
            "income_actual": _amount(s.income_actual),
            "expenditure_budget": _amount(s.expenditure_budget),
            "expenditure_actual": _amount(s.expenditure_actual),
            "year_end_balance": _amount(s.year_end_balance),
            "income_execution_rate": _rate(s.income_execution_rate),
            "expenditure_execution_rate": _rate(s.expenditure_execution_rate),
            "income_deviation_rate": _rate(s.income_deviation_rate),
            "expenditure_deviation_rate": _rate(s.expenditure_deviation_rate),
            "current_year_result": _amount(s.current_year_result),
            "opening_balance": _amount(a.opening_balance),
            "opening_balance_source": a.opening_source,
            "implied_opening_balance": _amount(s.implied_opening_balance),
            "coverage_months": _rate(s.coverage_months),
            "income_growth_rate": _rate(a.income_growth_rate),
            "expenditure_growth_rate": _rate(a.expenditure_growth_rate),
            "balance_growth_rate": _rate(a.balance_growth_rate),
        },
        "prevention": {
            "spending": _amount(p.spending), "previous_premium_income": _amount(p.base),
            "cap_rate": _rate(p.cap_rate), "cap": _amount(p.cap), "share": _rate(p.share),
            "within_cap": p.within_cap, "basis": p.basis,
        },
        "roll_forward": None if a.roll_forward is None else _check_dict(a.roll_forward),
        "checks": [_check_dict(c) for c in a.checks],
        "problems": [c.key for c in a.problems],
        "history": [
            {"fiscal_year": y, "income_actual": _amount(h.income_actual),
             "expenditure_actual": _amount(h.expenditure_actual), "year_end_balance": _amount(h.year_end_balance),
             "income_execution_rate": _rate(h.income_execution_rate),
             "expenditure_execution_rate": _rate(h.expenditure_execution_rate)}
            for y, h in sorted(a.history.items())
        ],
        "settings": {"prevention_cap_rate": _rate(settings.prevention_cap_rate),
                     "prevention_cap_basis": settings.prevention_cap_basis,
                     "roll_forward_tolerance": _amount(settings.roll_forward_tolerance)},
    }


def _check_dict(c) -> dict:
    return {"key": c.key, "ok": c.ok, "message": c.message, "expected": _amount(c.expected),
            "found": _amount(c.found), "difference": _amount(c.difference)}


# --------------------------------------------------------------------------------------------- import
@dataclass(frozen=True)
class ColumnTarget:
    """Where a sheet column goes: a :class:`FinanceLine` amount field of a fiscal year."""

    field: str  # budget | adjusted_budget | actual
    year: int

    def label(self) -> str:
        """“2021年执行数” (a :class:`~wcif_desktop.domain.errors.Message`, shown in the UI)."""
        if self.field == "budget":
            return Message(QT_TRANSLATE_NOOP("core", "{year}年预算数"), year=self.year)
        if self.field == "adjusted_budget":
            return Message(QT_TRANSLATE_NOOP("core", "{year}年调整后预算数"), year=self.year)
        if self.field == "actual":
            return Message(QT_TRANSLATE_NOOP("core", "{year}年执行数"), year=self.year)
        return f"{self.year}年{COLUMN_LABELS[self.field]}"


@dataclass
class PlannedLine:
    """One statement line the import would write: values in 元 per (field, year) of accepted cells."""

    row: int
    label: str
    code: str
    name: str
    kind: str
    parent_code: str
    values: dict[ColumnTarget, Decimal] = field(default_factory=dict)


@dataclass
class Skipped:
    """A data row not imported: Excel row number, its label, and why (``kind``: ``unrecognised``, ``duplicate``
    or ``empty``; ``reason`` the Chinese sentence)."""

    row: int
    label: str
    reason: str
    kind: str = ""

    def message(self) -> Message:
        """“第{row}行“{label}”：{reason}” as one translatable sentence (shown in the import dialog)."""
        p = {"row": self.row, "label": self.label}
        if self.kind == "unrecognised":
            return Message(QT_TRANSLATE_NOOP("core", "第{row}行“{label}”：不是基金收支表的标准行（未识别的行标题）"), **p)
        params = getattr(self.reason, "params", None)
        if self.kind == "duplicate" and params:
            return Message(QT_TRANSLATE_NOOP("core", "第{row}行“{label}”：与第{first}行重复（同一行次{line}）"), **p,
                           **params)
        if self.kind == "empty":
            return Message(QT_TRANSLATE_NOOP("core", "第{row}行“{label}”：没有数值"), **p)
        return Message(QT_TRANSLATE_NOOP("core", "第{row}行“{label}”：{reason}"), reason=self.reason, **p)

    def __str__(self) -> str:
        return self.message()


@dataclass
class StatementImport:
    """What :func:`apply_statement_import` would write, and everything it rejects or skips."""

    path: Path
    sheet: str
    year: int
    unit: str | None
    unit_source: str
    label_column: int
    mapping: dict[int, ColumnTarget]
    lines: list[PlannedLine]
    rejections: list[tb.Rejection]
    skipped: list[Skipped]
    table: tb.Table

    @property
    def value_count(self) -> int:
        return sum(len(pl.values) for pl in self.lines)

    def describe(self) -> str:
        """A plain-language summary (Chinese, a :class:`~wcif_desktop.domain.errors.Message`) for the CLI and the
        dialog."""
        from . import tabular as tb

        cols = "，".join(f"{tb.column_letter(c)}列→{t.label()}" for c, t in sorted(self.mapping.items()))
        p = {"sheet": self.sheet, "unit": self.unit or "未知", "label_column": tb.column_letter(self.label_column),
             "columns": cols, "lines": len(self.lines), "values": self.value_count,
             "rejected": len(self.rejections), "skipped": len(self.skipped)}
        if self.unit_source == "chosen":
            return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”：金额单位 {unit}（指定）；行标题列 {label_column}；"
                                                     "{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，"
                                                     "跳过 {skipped} 行"), **p)
        if self.unit_source == "title":
            return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”：金额单位 {unit}（据标题识别）；行标题列 {label_column}；"
                                                     "{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，"
                                                     "跳过 {skipped} 行"), **p)
        if self.unit_source == "header":
            return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”：金额单位 {unit}（据表头识别）；行标题列 {label_column}；"
                                                     "{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，"
                                                     "跳过 {skipped} 行"), **p)
        if self.unit is None:
            del p["unit"]
            return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”：金额单位 未知；行标题列 {label_column}；"
                                                     "{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，"
                                                     "跳过 {skipped} 行"), **p)
        return Message(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”：金额单位 {unit}；行标题列 {label_column}；"
                                                 "{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，"
                                                 "跳过 {skipped} 行"), **p)


_YEAR_RE = re.compile(r"(20\d{2}|19\d{2})\s*年")
_BARE_YEAR_RE = re.compile(r"^(20\d{2}|19\d{2})\s*(?:年度?)?\s*(?:\(?[万元]*\)?)?$")


def guess_mapping(table: tb.Table, year: int) -> tuple[int, dict[int, ColumnTarget]]:
    """(label column, {column index: ColumnTarget}) guessed from the header names.

    预算数 (not 调整/进度/执行) → budget; 调整后预算 → adjusted_budget; 累计执行数 / 执行数 / 决算数 / 实际 /
    完成数 / 本年数 → actual (累计 preferred over 当期); a header year (“2020年决算数”) or 上年/上年同期 moves a
    column to that year; a header that is only a year (“2019年”, “2019”) is that year's actual (a multi-year
    table, the 历史标准). Progress (进度), growth (增长/同比) and % columns are never mapped.
    """
    from . import tabular as tb

    label_col = None
    for kw in ("项目", "科目", "名称", "行次名称"):
        col = table.find_column(kw)
        if col is not None:
            label_col = col.index
            break
    if label_col is None:
        label_col = 1
    mapping: dict[int, ColumnTarget] = {}
    taken: set[ColumnTarget] = set()
    never = ("进度", "增长", "同比", "%", "率", "行次", "备注", "说明")

    def year_of(name: str) -> int:
        m = _YEAR_RE.search(name) or _BARE_YEAR_RE.match(name)
        if m:
            return int(m.group(1))
        if "上年" in name or "上期" in name:
            return year - 1
        return year

    def kind_of(name: str) -> str | None:
        if "调整" in name and "预算" in name:
            return "adjusted_budget"
        if "预算" in name and "执行" not in name:
            return "budget"
        if any(k in name for k in ("执行", "决算", "实际", "完成", "本年数", "本期数", "发生数")):
            return "actual"
        if _BARE_YEAR_RE.match(tb.normalize(name)):  # “2019年” over a column of a multi-year table: its actuals
            return "actual"
        return None

    candidates = []
    for col in table.columns:
        if col.index == label_col or any(x in col.name for x in never):
            continue
        kind = kind_of(col.name)
        if kind is None:
            continue
        priority = 0 if "累计" in col.name else (2 if "当期" in col.name or "本月" in col.name else 1)
        candidates.append((priority, col.index, ColumnTarget(kind, year_of(col.name))))
    for _prio, idx, target in sorted(candidates):
        if target not in taken:
            mapping[idx] = target
            taken.add(target)
    return label_col, mapping


def plan_statement_import(path, *, sheet: str | None = None, unit: str | None = None, year: int,
                          mapping: dict[int, ColumnTarget] | None = None, label_column: int | None = None,
                          progress: Progress = NO_PROGRESS) -> StatementImport:
    """Read a fund statement sheet and work out what would be imported (nothing is written).

    ``year`` is the fiscal year of unlabelled amount columns (normally the evaluated year). ``unit`` (元/万元)
    overrides the unit detected from the title or header. ``mapping``/``label_column`` override the guess of
    :func:`guess_mapping`.

    Raises:
        WcifError: unreadable file or sheet, no header, no amount column recognised, or the amounts' unit
        unknown (neither detected nor chosen).
    """
    from . import tabular as tb

    table = tb.read_table(path, sheet, unit=unit)
    check(progress)
    return plan_from_table(table, year=year, mapping=mapping, label_column=label_column, progress=progress)


def plan_from_table(table: tb.Table, *, year: int, mapping: dict[int, ColumnTarget] | None = None,
                    label_column: int | None = None, progress: Progress = NO_PROGRESS) -> StatementImport:
    """:func:`plan_statement_import` on a table already read (the mapping dialog re-plans without re-reading)."""
    from . import tabular as tb

    guessed_label, guessed = guess_mapping(table, year)
    label_col = label_column or guessed_label
    mapping = dict(guessed if mapping is None else mapping)
    if not mapping:
        names = "、".join(c.name for c in table.columns if c.name)
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中没有识别出预算数/调整后预算数/执行数列（表头：{names}），"
                                                 "请手动指定列"), sheet=table.sheet, names=names)
    for idx in mapping:
        col = table.columns[idx - 1]
        if table.unit_of(col) is None:
            raise WcifError(QT_TRANSLATE_NOOP("core", "无法从标题或表头识别金额单位，请指定单位“元”或“万元”"
                                                      "（工作表“{sheet}”，{column}列“{name}”）"),
                            sheet=table.sheet, column=col.letter, name=col.name)
    lines: list[PlannedLine] = []
    rejections: list[tb.Rejection] = []
    skipped: list[Skipped] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(table.rows):
        progress.set(i, len(table.rows), "读取基金收支表")
        check(progress)
        label_cell = row.cell(label_col)
        label, ok = tb.attempt(tb.parse_text, label_cell, rejections)
        if not ok:
            continue
        spec = match_line(label)
        if spec is None:
            skipped.append(Skipped(row.number, label,
                                   Message(QT_TRANSLATE_NOOP("core", "不是基金收支表的标准行（未识别的行标题）")),
                                   "unrecognised"))
            continue
        if spec.code in seen:
            skipped.append(Skipped(row.number, label,
                                   Message(QT_TRANSLATE_NOOP("core", "与第{first}行重复（同一行次{line}）"),
                                           first=seen[spec.code], line=spec.name), "duplicate"))
            continue
        seen[spec.code] = row.number
        pl = PlannedLine(row.number, label, spec.code, spec.name, spec.kind, spec.parent_code)
        for idx, target in sorted(mapping.items()):
            col = table.columns[idx - 1]
            value, ok = tb.attempt(tb.parse_amount, row.cell(idx), rejections, table.unit_of(col))
            if ok and value is not None:
                pl.values[target] = value
        if pl.values:
            lines.append(pl)
        else:
            if not any(r.row == row.number for r in rejections):
                skipped.append(Skipped(row.number, label, Message(QT_TRANSLATE_NOOP("core", "没有数值")), "empty"))
    progress.set(len(table.rows), len(table.rows), "读取基金收支表")
    return StatementImport(Path(table.path), table.sheet, year, table.unit, table.unit_source, label_col, mapping,
                           lines, rejections, skipped, table)


def apply_statement_import(ef: EvaluationFile, plan: StatementImport, progress: Progress = NO_PROGRESS
                           ) -> svc.Changes:
    """Write every accepted value of ``plan`` in one transaction (all or nothing).

    For each (line, year): the live line with that code and year is updated (only the imported fields),
    otherwise a new :class:`FinanceLine` is added with the standard name, kind and parent.

    Raises:
        ValidationError: the evaluation is locked; WcifError: the write failed (the file keeps its content).
    """
    changes = svc.Changes()
    existing = {(ln.fiscal_year, ln.code): ln for ln in ef.records(FinanceLine)}
    total = len(plan.lines)
    with ef.transaction():
        for i, pl in enumerate(plan.lines):
            check(progress)
            progress.set(i, total, "写入基金收支数据")
            by_year: dict[int, dict[str, Decimal]] = {}
            for target, value in pl.values.items():
                by_year.setdefault(target.year, {})[target.field] = value
            for year, values in sorted(by_year.items()):
                line = existing.get((year, pl.code))
                if line is not None:
                    ch = svc.update_record(ef, FinanceLine, line.id, **values)
                else:
                    line = FinanceLine(fiscal_year=year, code=pl.code, name=pl.name, kind=pl.kind,
                                       parent_code=pl.parent_code, sort_order=SORT_ORDER.get(pl.code, 900),
                                       **{k: values.get(k) for k in AMOUNT_COLUMNS})
                    ch = svc.add_record(ef, line)
                    existing[(year, pl.code)] = line
                for table_name, ids in ch.tables.items():
                    for rid in ids:
                        changes.add(table_name, rid)
        progress.set(total, total, "写入基金收支数据")
    return changes


def lines_by_id(ef: EvaluationFile) -> dict[str, FinanceLine]:
    """The live statement lines by id (taken before an import so that it can be reverted)."""
    return {ln.id: ln for ln in ef.records(FinanceLine)}


def revert_statement_import(ef: EvaluationFile, before: dict[str, FinanceLine], changes: svc.Changes
                            ) -> svc.Changes:
    """Undo an import (one transaction): lines it added are deleted (tombstones), lines it updated get their
    amounts from ``before`` (:func:`lines_by_id` taken before the import) back."""
    out = svc.Changes()
    with ef.transaction():
        for rid in sorted(changes.tables.get(FinanceLine.table, ())):
            old = before.get(rid)
            if old is None:
                out = _merge(out, svc.delete_record(ef, FinanceLine, rid))
            else:
                out = _merge(out, svc.update_record(ef, FinanceLine, rid, **{k: getattr(old, k)
                                                                           for k in AMOUNT_COLUMNS}))
    return out or svc.Changes().add(FinanceLine.table)


def _merge(a: svc.Changes, b: svc.Changes) -> svc.Changes:
    for table_name, ids in b.tables.items():
        a.add(table_name)
        for rid in ids:
            a.add(table_name, rid)
    return a
