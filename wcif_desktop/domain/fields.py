"""Data fields that narrative text can hold as ``{{key}}`` placeholders (e.g. ``{{expenditure_budget}}``).

The report and the UI replace each placeholder with the field's current value, so a figure typed once in the
data appears everywhere. Amounts are shown in 万元 with thousands separators and two decimals, rates in %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import EvaluationSnapshot
from .money import fmt_pct, fmt_score, fmt_wan
from .scoring import sheet_for

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}")


@dataclass(frozen=True)
class FieldInfo:
    key: str
    label: str  # Chinese label shown in the field picker


FIELD_LABELS = {
    "fiscal_year": "评价年度",
    "region": "地区",
    "fund_name": "基金名称",
    "project_name": "项目名称",
    "agency": "评价机构",
    "evaluated_unit": "被评价单位",
    "commissioner": "委托方",
    "income_budget": "收入预算（万元）",
    "income_actual": "总收入（万元）",
    "expenditure_budget": "支出预算（万元）",
    "expenditure_actual": "总支出（万元）",
    "year_end_balance": "年末滚存结余（万元）",
    "income_execution_rate": "收入预算执行率",
    "expenditure_execution_rate": "支出预算执行率",
    "income_deviation_rate": "收入预算偏差率",
    "expenditure_deviation_rate": "支出预算偏差率",
    "current_year_result": "当年收支结余（万元）",
    "coverage_months": "累计结余可支付月数",
    "total_score": "综合评分",
    "grade": "评级",
}


def field_values(snap: EvaluationSnapshot) -> dict[str, str]:
    """Current display value of every field (str). Missing data shows as ``—``."""
    from .finance import summarize  # (here: the GUI imports this module at start-up, before any figure is shown)

    ev = snap.evaluation
    fs = summarize(snap.finance, ev.fiscal_year)
    sheet = sheet_for(snap)

    def wan(v):
        return "—" if v is None else fmt_wan(v)

    return {
        "fiscal_year": str(ev.fiscal_year),
        "region": ev.region,
        "fund_name": ev.fund_name,
        "project_name": ev.project_name,
        "agency": ev.agency,
        "evaluated_unit": ev.evaluated_unit,
        "commissioner": ev.commissioner,
        "income_budget": wan(fs.income_budget),
        "income_actual": wan(fs.income_actual),
        "expenditure_budget": wan(fs.expenditure_budget),
        "expenditure_actual": wan(fs.expenditure_actual),
        "year_end_balance": wan(fs.year_end_balance),
        "income_execution_rate": fmt_pct(fs.income_execution_rate),
        "expenditure_execution_rate": fmt_pct(fs.expenditure_execution_rate),
        "income_deviation_rate": fmt_pct(fs.income_deviation_rate),
        "expenditure_deviation_rate": fmt_pct(fs.expenditure_deviation_rate),
        "current_year_result": wan(fs.current_year_result),
        "coverage_months": "—" if fs.coverage_months is None else f"{fs.coverage_months:.2f}",
        "total_score": fmt_score(sheet.total()),
        "grade": sheet.grade(),
    }


def unknown_fields(text: str, values: dict[str, str]) -> list[str]:
    """Placeholders in ``text`` that name no known field."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text or "") if m.group(1) not in values]


def fill(text: str, values: dict[str, str]) -> str:
    """Replace every ``{{key}}`` with its value; an unknown key stays visible as ``【未知字段：key】``."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), f"【未知字段：{m.group(1)}】"), text or "")
