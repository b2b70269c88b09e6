"""Use cases of the fund's business data (domain/business.py): read, edit by hand, import from the agency's
spreadsheet, write a blank template, derive the metrics that score indicators, and state the figures in the
report's 一、基本情况.

The agency's usual layout (业务数据统计表) is a two-column sheet: a row label (参保单位数, 参保人数, 工伤认定申请件数 …;
:data:`~wcif_desktop.domain.business.FIELDS` with their aliases) and its value, optionally a unit column or a
unit in the label (“参保人数（人）”, “应征工伤保险费（万元）”). Title rows, blank rows and unknown labels are
skipped (and listed). :func:`write_template` writes exactly that layout, blank, so a template filled in imports
back as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.business import (
    FIELD_BY_NAME,
    FIELDS,
    RATE_CUT_SOURCE,
    BusinessAnalysis,
    FundBusiness,
    analyze_business,
    coerce,
    match_field,
)
from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.money import D, fmt_wan, round2, wan_to_yuan
from ..store.db import EvaluationFile
from . import evaluation as svc

TEMPLATE_SHEET = "业务数据"
STATEMENT_SHEET = "基金收支"


def _year(ef: EvaluationFile, year: int | None) -> int:
    return svc.evaluation(ef).fiscal_year if year is None else int(year)


def business(ef: EvaluationFile, year: int | None = None) -> FundBusiness | None:
    """The live business record of ``year`` (default: the evaluated year), or ``None``."""
    recs = ef.records(FundBusiness, "fiscal_year = ?", [_year(ef, year)])
    return recs[0] if recs else None


def set_business(ef: EvaluationFile, year: int | None = None, **values) -> svc.Changes:
    """Set business fields of ``year`` (creating its record on first use). Values may be text, int or
    Decimal; blank text clears a field. ``source`` and ``illustrative`` are text.

    Raises:
        ValidationError: an unknown field, a negative number, decimals in a count, text that is no number.
    """
    unknown = set(values) - set(FIELD_BY_NAME) - {"source", "illustrative"}
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知字段：{fields}"), fields=", ".join(sorted(unknown)))
    clean = {k: (v if k in ("source", "illustrative") else coerce(k, v)) for k, v in values.items()}
    y = _year(ef, year)
    rec = business(ef, y)
    if rec is None:
        return svc.add_record(ef, FundBusiness(fiscal_year=y, **clean))
    return svc.update_record(ef, FundBusiness, rec.id, **clean)


def analysis(ef: EvaluationFile, year: int | None = None) -> BusinessAnalysis | None:
    """:func:`~wcif_desktop.domain.business.analyze_business` of the year's record with the statement's
    累计结余可支付月数 and the finance settings' prevention cap rate; ``None`` without a record."""
    from . import finance

    rec = business(ef, year)
    if rec is None:
        return None
    fa = finance.analysis(ef, _year(ef, year))
    return analyze_business(rec, coverage_months=fa.summary.coverage_months, cap_rate=fa.prevention.cap_rate)


def business_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Scoring metrics from the business data (keys documented in services/metrics.py)."""
    from ..domain.model import Evaluation

    if not ef.records(Evaluation):
        return {}
    a = analysis(ef)
    if a is None:
        return {}
    b = a.business
    out = {
        "insured_coverage_rate": a.coverage_rate,
        "injury_on_time_rate": a.injury_on_time_rate,
        "appraisal_on_time_rate": a.appraisal_on_time_rate,
        "collection_rate": a.collection_rate,
        "prevention_project_cap_usage": a.prevention_cap_usage,
        "insured_persons": None if b.insured_persons is None else Decimal(b.insured_persons),
        "insured_units": None if b.insured_units is None else Decimal(b.insured_units),
        "beneficiaries": None if a.beneficiaries_total is None else Decimal(a.beneficiaries_total),
    }
    if b.insured_persons is not None and b.insured_persons_previous:
        out["insured_growth_rate"] = round2((Decimal(b.insured_persons) - b.insured_persons_previous)
                                            / Decimal(b.insured_persons_previous) * 100)
    return {k: v for k, v in out.items() if v is not None}


def business_dict(ef: EvaluationFile, year: int | None = None) -> dict:
    """JSON-ready dict: ``fiscal_year``, ``fields`` (name → value; counts as int, 元 as text with two
    decimals, null when missing), ``illustrative`` (names), ``derived`` (rates in % as text), ``band`` and
    ``problems`` (sentences)."""
    y = _year(ef, year)
    rec = business(ef, y)
    out: dict = {"fiscal_year": y, "fields": {}, "illustrative": [], "derived": {}, "band": None, "problems": []}
    if rec is None:
        return out
    for spec in FIELDS:
        v = getattr(rec, spec.name)
        out["fields"][spec.name] = None if v is None else (f"{D(v):.2f}" if spec.money else v)
    out["illustrative"] = sorted(rec.illustrative_fields())
    out["source"] = rec.source
    a = analysis(ef, y)
    for k in ("coverage_rate", "acceptance_rate", "recognition_rate", "injury_on_time_rate",
              "appraisal_on_time_rate", "collection_rate", "prevention_cap_usage"):
        v = getattr(a, k)
        out["derived"][k] = None if v is None else f"{v:.2f}"
    out["derived"]["prevention_cap"] = None if a.prevention_cap is None else f"{a.prevention_cap:.2f}"
    out["derived"]["beneficiaries_total"] = a.beneficiaries_total
    out["derived"]["insured_growth"] = a.insured_growth
    if a.band is not None:
        out["band"] = {"months": f"{a.band.months:.2f}", "rate_cut": str(a.band.cut),
                       "text": str(a.band.message()), "source": RATE_CUT_SOURCE}
    out["problems"] = [str(m) for m in a.problems]
    return out


def display_value(spec, value) -> str:
    """A field value as shown: counts with thousands separators, 元 amounts in 万元 with two decimals."""
    if value is None:
        return "—"
    if spec.money:
        return fmt_wan(value) + " 万元"
    return f"{value:,} {spec.unit}"


# ----------------------------------------------------------------------------------------------- import
@dataclass
class BusinessImport:
    """What :func:`plan_import` found: ``values`` (field → value, counts int, amounts 元), ``rejected``
    (sentences naming sheet, row and the problem), ``skipped`` (row labels not recognised)."""

    values: dict = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plan_import(path, *, sheet: str | None = None) -> BusinessImport:
    """Read a business-data sheet (see module docstring) without writing anything.

    Raises:
        WcifError: the file cannot be read (missing, not a spreadsheet, unknown sheet).
    """
    from . import tabular as tb

    if sheet is None and Path(path).suffix.lower() == ".xlsx" and TEMPLATE_SHEET in tb.sheet_names(path):
        sheet = TEMPLATE_SHEET  # the template's own sheet (the workbook also holds 基金收支)
    grid = tb.read_grid(Path(path), sheet)
    result = BusinessImport()
    value_col = None  # the column headed 数值 (else the one right of the label)
    for r, row in enumerate(grid.cells, start=1):
        cells = [c for c in row if tb.normalize(tb._raw(c))]  # noqa: SLF001
        if not cells:
            continue
        label_cell = cells[0]
        label = tb.normalize(tb._raw(label_cell))  # noqa: SLF001
        spec = match_field(label)
        if spec is None:
            texts = [tb.normalize(tb._raw(c)) for c in cells]  # noqa: SLF001
            heads = [c.col for c, t in zip(cells, texts) if t in ("数值", "数据", "本年数", "本期数", "金额/数量")]
            if heads:
                value_col = heads[0]
            elif len(cells) > 1 and any(ch.isdigit() for ch in texts[1]):
                result.skipped.append(label)
            continue
        col = value_col if value_col and value_col > label_cell.col else label_cell.col + 1
        value_cell = grid.cell(r, col)
        unit = "万元" if "万元" in label else None
        for c in row:
            if c.col != col and tb.normalize(tb._raw(c)) in ("万元", "元"):  # noqa: SLF001
                unit = tb.normalize(tb._raw(c))  # noqa: SLF001
        if value_cell.is_empty:
            continue
        try:
            if spec.money:
                number = tb.parse_amount(value_cell, unit or "元")
            else:
                number = tb.parse_decimal(value_cell)
            if number is None:
                continue
            result.values[spec.name] = coerce(spec.name, number)
        except tb.CellError as e:  # names the sheet, row and column
            result.rejected.append(Message(QT_TRANSLATE_NOOP("core", "“{label}”：{reason}"), label=spec.label, reason=e))
        except ValidationError as e:  # names the field and the value
            result.rejected.append(Message(QT_TRANSLATE_NOOP("core", "第{row}行：{reason}"), row=r, reason=e))
    return result


def import_business(ef: EvaluationFile, path, *, sheet: str | None = None, year: int | None = None
                    ) -> BusinessImport:
    """Import a business-data sheet into ``year`` (all accepted values in one transaction; a field not in the
    sheet keeps its value).

    Raises:
        WcifError: unreadable file, or a sheet in which no business field was recognised.
    """
    plan = plan_import(path, sheet=sheet)
    if not plan.values and not plan.rejected:
        raise WcifError(QT_TRANSLATE_NOOP("core", "{path} 中没有识别出业务数据（应为“项目 | 数值”两列，如“参保人数 | 123456”）"),
                        path=Path(path).name)
    if plan.values:
        with ef.transaction():
            set_business(ef, year, **plan.values)
    return plan


def write_template(out, ef: EvaluationFile | None = None) -> Path:
    """Write the blank template (.xlsx) to ``out``: sheet 基金收支 (the statement lines of
    :data:`~wcif_desktop.domain.finance.STATEMENT` with 预算数 | 调整后预算数 | 执行数 in 万元, importable with
    ``import-finance --sheet 基金收支``) and sheet 业务数据 (项目 | 数值 | 单位 | 说明, importable with
    ``import-business``). With ``ef``, the titles name its evaluation and the values already entered are filled in.

    Raises:
        WcifError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = Path(out)
    wb = Workbook()
    ws = wb.active
    ws.title = TEMPLATE_SHEET
    title = "工伤保险基金业务数据统计表"
    rec = None
    if ef is not None:
        ev = svc.evaluation(ef)
        title = f"{ev.region}{ev.fiscal_year}年度{title}"
        rec = business(ef)
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append(["项目", "数值", "单位", "说明"])
    notes = {
        "injury_on_time": "受理之日起60日内（事实清楚的15日内）作出认定决定的件数",
        "appraisals_on_time": "收到申请之日起60日内（延长的90日内）作出结论的人次",
        "premium_previous_year": "工伤预防费上限的基数（上年征缴收入×3%）",
        "collection_due": "征缴率＝实征÷应征",
    }
    for spec in FIELDS:
        v = None if rec is None else getattr(rec, spec.name)
        if v is not None and spec.money:
            v = f"{(D(v) / 10000).normalize():f}"  # 万元 as text, exact: the import reads it back with parse_amount (万元, two decimals)
        ws.append([spec.label, v, "万元" if spec.money else spec.unit, notes.get(spec.name, "")])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["D"].width = 48
    _statement_sheet(wb, ef)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入文件 {path}：{reason}"), path=out, reason=e) from e
    return out


def statement_lines() -> list:
    """The statement lines one enters by hand (:data:`~wcif_desktop.domain.finance.STATEMENT` without the
    computed subtotals and the current-year result)."""
    from ..domain.finance import STATEMENT

    return [s for s in STATEMENT if not s.sum_of and s.code != "current_year_result"]


def _statement_sheet(wb, ef: EvaluationFile | None) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(STATEMENT_SHEET, 0)
    year = svc.evaluation(ef).fiscal_year if ef is not None else None
    title = (f"{svc.evaluation(ef).region}{year}年度" if ef is not None else "") + "工伤保险基金收支表"
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append(["单位：万元"])
    ws.append(["项目", "预算数", "调整后预算数", "执行数"])
    lines = {}
    if ef is not None:
        from ..domain.model import FinanceLine

        lines = {ln.code: ln for ln in ef.records(FinanceLine, "fiscal_year = ?", [year])}
    for spec in statement_lines():
        ln = lines.get(spec.code)
        vals = [None if ln is None or getattr(ln, k) is None else f"{(D(getattr(ln, k)) / 10000).normalize():f}"
                for k in ("budget", "adjusted_budget", "actual")]
        ws.append([("    " if spec.parent_code else "") + spec.name, *vals])
    ws.column_dimensions["A"].width = 30
    for c in "BCD":
        ws.column_dimensions[c].width = 16
    wb.active = 0  # the statement opens first


def statement_values(ef: EvaluationFile, year: int | None = None) -> dict[str, dict[str, Decimal | None]]:
    """code → {budget, adjusted_budget, actual} (元) of the year's live statement lines."""
    from ..domain.model import FinanceLine

    y = _year(ef, year)
    return {ln.code: {k: getattr(ln, k) for k in ("budget", "adjusted_budget", "actual")}
            for ln in ef.records(FinanceLine, "fiscal_year = ?", [y])}


def set_statement(ef: EvaluationFile, values: dict[str, dict], year: int | None = None) -> svc.Changes:
    """Enter statement amounts by hand (one transaction): ``values`` maps a line code of
    :data:`~wcif_desktop.domain.finance.STATEMENT` to ``{budget|adjusted_budget|actual: 元 (Decimal, text or
    None to clear)}``. An existing line of the year is updated, a new one is added with the standard name,
    kind and parent; a new line with no amount is not added.

    Raises:
        ValidationError: an unknown line code or field, a value that is not a number; the evaluation is locked.
    """
    from ..domain.finance import SORT_ORDER, SPEC_BY_CODE
    from ..domain.model import FinanceLine

    y = _year(ef, year)
    existing = {ln.code: ln for ln in ef.records(FinanceLine, "fiscal_year = ?", [y])}
    changes = svc.Changes()
    with ef.transaction():
        for code, fields_ in values.items():
            spec = SPEC_BY_CODE.get(code)
            if spec is None:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "不是基金收支表的标准行：{code}"), code=code)
            bad = set(fields_) - {"budget", "adjusted_budget", "actual"}
            if bad:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "未知字段：{fields}"), fields=", ".join(sorted(bad)))
            clean = {k: (None if v is None or (isinstance(v, str) and not v.strip()) else round2(D(v)))
                     for k, v in fields_.items()}
            line = existing.get(code)
            if line is not None:
                ch = svc.update_record(ef, FinanceLine, line.id, **clean)
            elif any(v is not None for v in clean.values()):
                line = FinanceLine(fiscal_year=y, code=code, name=spec.name, kind=spec.kind,
                                   parent_code=spec.parent_code, sort_order=SORT_ORDER.get(code, 900), **clean)
                ch = svc.add_record(ef, line)
            else:
                continue
            for table, ids in ch.tables.items():
                changes.add(table)
                for rid in ids:
                    changes.add(table, rid)
    return changes


# ----------------------------------------------------------------------------------------------- report
def _n(v) -> str:
    return f"{v:,}"


def _pct(v) -> str:
    return f"{v:.2f}%"


def basic_situation(ef: EvaluationFile) -> dict:
    """The business figures for the report's 一、基本情况, ready for any builder.

    Returns ``{"background": [paragraph], "implementation": [paragraph], "funding": [paragraph],
    "table": [[项目, 数值, 单位]]}`` — 项目背景 (insured units and persons, coverage), 实施情况 (recognitions,
    appraisals, beneficiaries, prevention projects, collection), 资金投入和使用 (income by source, spending by
    use, opening balance and roll-forward, 累计结余可支付月数 against the rate-cut bands). Amounts in 万元 with
    two decimals. Sentences whose inputs are missing are left out; empty lists when there is no data.
    Illustrative values are not marked here (they are marked in the data, ``FundBusiness.illustrative``).
    """
    from . import finance

    ev = svc.evaluation(ef)
    fa = finance.analysis(ef)
    out: dict = {"background": [], "implementation": [], "funding": [], "table": []}
    a = analysis(ef)
    y, region = ev.fiscal_year, ev.region
    if a is not None:
        b = a.business
        parts = []
        if b.insured_units is not None:
            parts.append(f"参保单位{_n(b.insured_units)}户")
        if b.insured_persons is not None:
            s = f"参保人数{_n(b.insured_persons)}人"
            if a.insured_growth is not None:
                s += f"，较上年{'增加' if a.insured_growth >= 0 else '减少'}{_n(abs(a.insured_growth))}人"
            parts.append(s)
        if a.coverage_rate is not None:
            parts.append(f"占应参保人数{_n(b.target_population)}人的{_pct(a.coverage_rate)}")
        if parts:
            out["background"].append(f"截至{y}年末，{region}工伤保险" + "，".join(parts) + "。")
        imp = []
        if b.injury_applications is not None:
            s = f"受理工伤认定申请{_n(b.injury_applications)}件"
            if b.injury_accepted is not None:
                s = f"收到工伤认定申请{_n(b.injury_applications)}件，受理{_n(b.injury_accepted)}件"
            if b.injury_recognised is not None:
                s += f"，认定（视同）工伤{_n(b.injury_recognised)}件"
            if a.injury_on_time_rate is not None:
                s += f"，法定时限内办结率{_pct(a.injury_on_time_rate)}"
            imp.append(s)
        if b.appraisals is not None:
            s = f"完成劳动能力鉴定{_n(b.appraisals)}人次"
            if a.appraisal_on_time_rate is not None:
                s += f"，按时完成率{_pct(a.appraisal_on_time_rate)}"
            imp.append(s)
        if a.beneficiaries_total is not None:
            imp.append(f"享受工伤保险待遇{_n(a.beneficiaries_total)}人（其中一次性待遇{_n(b.beneficiaries_lump_sum or 0)}人、"
                       f"长期待遇{_n(b.beneficiaries_long_term or 0)}人）")
        if b.prevention_projects is not None:
            if b.prevention_projects == 0 and not b.prevention_spend:
                s = "未开展工伤预防项目"
            else:
                s = f"开展工伤预防项目{_n(b.prevention_projects)}个"
                if b.prevention_spend is not None:
                    s += f"，支出{fmt_wan(b.prevention_spend)}万元"
            if a.prevention_cap is not None:
                s += f"（工伤预防费上限为上年度征缴收入的{fa.prevention.cap_rate.normalize():f}%，即{fmt_wan(a.prevention_cap)}万元）"
            imp.append(s)
        if b.collection_due is not None and b.collection_actual is not None:
            imp.append(f"应征工伤保险费{fmt_wan(b.collection_due)}万元，实征{fmt_wan(b.collection_actual)}万元，"
                       f"征缴率{_pct(a.collection_rate)}")
        if imp:
            out["implementation"].append(f"{y}年度，" + "；".join(imp) + "。")
        for spec in FIELDS:
            v = getattr(b, spec.name)
            if v is not None:
                out["table"].append([spec.label, fmt_wan(v) if spec.money else _n(v),
                                     "万元" if spec.money else spec.unit])
    by_code = {f.line.code: f.line for f in fa.lines}

    def listing(codes) -> str:
        return "、".join(f"{by_code[c].name}{fmt_wan(by_code[c].actual)}万元" for c in codes
                        if c in by_code and by_code[c].actual is not None)

    s = fa.summary
    fund = []
    if fa.opening_balance is not None:
        fund.append(f"期初滚存结余{fmt_wan(fa.opening_balance)}万元")
    if s.income_actual is not None:
        detail = listing(("premium_income", "interest_income", "fiscal_subsidy_income", "superior_subsidy_income",
                          "subordinate_remittance_income", "other_income"))
        fund.append(f"本年基金收入{fmt_wan(s.income_actual)}万元" + (f"（{detail}）" if detail else ""))
    if s.expenditure_actual is not None:
        detail = listing(("benefit_expenditure", "appraisal_expenditure", "prevention_expenditure",
                          "superior_remittance_expenditure", "subordinate_subsidy_expenditure", "other_expenditure"))
        fund.append(f"基金支出{fmt_wan(s.expenditure_actual)}万元" + (f"（{detail}）" if detail else ""))
    if s.current_year_result is not None:
        fund.append(f"当年收支结余{fmt_wan(s.current_year_result)}万元")
    if s.year_end_balance is not None:
        fund.append(f"年末滚存结余{fmt_wan(s.year_end_balance)}万元")
    if fund:
        out["funding"].append(f"{y}年度，{region}工伤保险基金" + "，".join(fund) + "。")
    if s.coverage_months is not None:
        band = a.band if a is not None else None
        if band is None:
            from ..domain.business import rate_cut_band

            band = rate_cut_band(s.coverage_months)
        out["funding"].append(str(band.message()) + "。")
    return out


def basic_situation_paragraphs(ef: EvaluationFile) -> list[str]:
    """:func:`basic_situation` flattened: 项目背景, 实施情况, then 资金投入和使用 paragraphs, in order."""
    d = basic_situation(ef)
    return d["background"] + d["implementation"] + d["funding"]


__all__ = ["business", "set_business", "analysis", "business_metrics", "business_dict", "plan_import",
           "import_business", "write_template", "statement_lines", "statement_values", "set_statement", "basic_situation", "basic_situation_paragraphs", "BusinessImport",
           "display_value", "wan_to_yuan"]
