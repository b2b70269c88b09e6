"""Computed metrics that feed scoring rules (``"metric": KEY`` in ``rule_params``).

:func:`compute_metrics` merges the dicts returned by the functions in :data:`PROVIDERS` (later providers win on
a clash). A provider takes the open evaluation file and returns ``{key: Decimal}``; a value it cannot compute
is simply left out, and a rule reading it stays unscored (“缺少数据”). To add a provider, append it:
``PROVIDERS.append(my_provider)`` (and document its keys in :data:`METRICS`).

Metric keys (units in brackets):

- ``income_execution_rate`` [%] 基金收入预算执行率 = 实际收入 ÷ 收入预算（调整后预算优先）× 100
- ``expenditure_execution_rate`` [%] 基金支出预算执行率 = 实际支出 ÷ 支出预算 × 100
- ``income_deviation_rate`` [%] 收入预算偏差率 = (实际收入 − 收入预算) ÷ 收入预算 × 100
- ``expenditure_deviation_rate`` [%] 支出预算偏差率 = (实际支出 − 支出预算) ÷ 支出预算 × 100
- ``coverage_months`` [months] 累计结余可支付月数 = 年末滚存结余 ÷ (当年支出 ÷ 12)
- ``contribution_collection_rate`` [%] 工伤保险费征缴完成率 = 工伤保险费收入实际数 ÷ 预算数 × 100
  (finance line ``income_contribution`` or named “工伤保险费收入”)
- ``prevention_spending_share`` [%] 工伤预防费占上年征缴收入比例 = 当年工伤预防费支出 ÷ 上年工伤保险费收入 × 100
  (lines ``expenditure_prevention`` / named “工伤预防…” of the year, ``income_contribution`` of the year before;
  cap 3 %, DOMAIN.md §3.2)
- ``satisfaction_rate`` [%] 满意度, ``awareness_rate`` [%] 政策知晓率 — supplied by the survey provider
  (:func:`wcif_desktop.services.survey.survey_metrics`): overall, and per respondent group as
  ``satisfaction_rate[参保单位]`` / ``awareness_rate[工伤职工]``; ``survey_responses[...]`` counts valid responses.

All rates are rounded half-up to two decimals (domain/finance.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..domain.finance import execution_rate, summarize
from ..domain.model import Evaluation, FinanceLine
from ..domain.money import HUNDRED, round2
from ..store.db import EvaluationFile

Provider = Callable[[EvaluationFile], dict[str, Decimal]]

METRICS: dict[str, tuple[str, str]] = {
    "income_execution_rate": ("基金收入预算执行率", "%"),
    "expenditure_execution_rate": ("基金支出预算执行率", "%"),
    "income_deviation_rate": ("收入预算偏差率", "%"),
    "expenditure_deviation_rate": ("支出预算偏差率", "%"),
    "coverage_months": ("累计结余可支付月数", "个月"),
    "contribution_collection_rate": ("工伤保险费征缴完成率", "%"),
    "prevention_spending_share": ("工伤预防费占上年征缴收入比例", "%"),
    "satisfaction_rate": ("满意度", "%"),
    "awareness_rate": ("政策知晓率", "%"),
}


def metric_labels() -> dict[str, str]:
    """Metric key → Chinese label (for generated deduction reasons)."""
    return {k: v[0] for k, v in METRICS.items()}


def _find_line(lines: list[FinanceLine], year: int, code: str, name_part: str) -> FinanceLine | None:
    for ln in lines:
        if ln.fiscal_year == year and ln.code == code:
            return ln
    for ln in lines:
        if ln.fiscal_year == year and name_part in ln.name:
            return ln
    return None


def finance_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Metrics from the fund statement (finance lines of the evaluation's fiscal year; see module docstring)."""
    evs = ef.records(Evaluation)
    if not evs:
        return {}
    year = evs[0].fiscal_year
    lines = ef.records(FinanceLine)
    fs = summarize(lines, year)
    out: dict[str, Decimal | None] = {
        "income_execution_rate": fs.income_execution_rate,
        "expenditure_execution_rate": fs.expenditure_execution_rate,
        "income_deviation_rate": fs.income_deviation_rate,
        "expenditure_deviation_rate": fs.expenditure_deviation_rate,
        "coverage_months": fs.coverage_months,
    }
    contrib = _find_line(lines, year, "income_contribution", "工伤保险费收入")
    if contrib is not None:
        budget = contrib.adjusted_budget if contrib.adjusted_budget is not None else contrib.budget
        out["contribution_collection_rate"] = execution_rate(contrib.actual, budget)
    prevention = _find_line(lines, year, "expenditure_prevention", "工伤预防")
    prior = _find_line(lines, year - 1, "income_contribution", "工伤保险费收入")
    if prevention is not None and prevention.actual is not None and prior is not None and prior.actual:
        out["prevention_spending_share"] = round2(prevention.actual / prior.actual * HUNDRED)
    return {k: v for k, v in out.items() if v is not None}


def survey_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Satisfaction / awareness rates from the surveys (keys: services/survey.py ``METRIC_KEYS``)."""
    from .survey import survey_metrics as _survey_metrics

    return _survey_metrics(ef)


PROVIDERS: list[Provider] = [finance_metrics, survey_metrics]


def compute_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """All metrics of the evaluation: the merged output of :data:`PROVIDERS` (rates in %, months)."""
    out: dict[str, Decimal] = {}
    for provider in PROVIDERS:
        out.update(provider(ef))
    return out
