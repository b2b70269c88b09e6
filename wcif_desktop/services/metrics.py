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
- ``income_growth_rate`` / ``expenditure_growth_rate`` [%] 比上年增长 (previous year's statement lines)
- ``contribution_collection_rate`` [%] 工伤保险费征缴完成率 = 工伤保险费收入（line ``premium_income``）实际数 ÷ 预算数 × 100
- ``prevention_spending_share`` [%] 工伤预防费占上年工伤保险费收入比例 (line ``prevention_expenditure`` of the year ÷
  ``premium_income`` of the year before × 100)
- ``prevention_cap_usage`` [%] 工伤预防费占其上限的比例 = 工伤预防费 ÷ (上年工伤保险费收入 × 上限比例) × 100; the cap rate is
  the finance settings' (3 % by default, 人社部规〔2017〕13号 第四条; higher with the province's approval), so ≤ 100
  means within the cap
- ``satisfaction_rate`` [%] 满意度, ``awareness_rate`` [%] 政策知晓率 — supplied by the survey provider
  (:func:`wcif_desktop.services.survey.survey_metrics`): overall, and per respondent group as
  ``satisfaction_rate[参保单位]`` / ``awareness_rate[工伤职工]``; ``survey_responses[...]`` counts valid responses.

- business data (:func:`wcif_desktop.services.business.business_metrics`, domain/business.py):
  ``insured_coverage_rate`` [%] 参保覆盖率 = 参保人数 ÷ 应参保人数 × 100; ``insured_growth_rate`` [%] 参保人数比上年增长;
  ``injury_on_time_rate`` [%] 工伤认定按时办结率 (60 日，事实清楚的 15 日，《工伤保险条例》第二十条);
  ``appraisal_on_time_rate`` [%] 劳动能力鉴定按时完成率 (60 + 30 日，第二十五条); ``collection_rate`` [%] 征缴率 =
  实征 ÷ 应征 × 100; ``prevention_project_cap_usage`` [%] 工伤预防项目支出占上限（上年度征缴收入 × 3 %）的比例;
  ``insured_persons`` [人], ``insured_units`` [户], ``beneficiaries`` [人] 待遇享受人数

All rates are rounded half-up to two decimals (domain/finance.py).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..domain.model import Evaluation
from ..domain.money import HUNDRED, round2
from ..store.db import EvaluationFile
from . import finance

Provider = Callable[[EvaluationFile], dict[str, Decimal]]

METRICS: dict[str, tuple[str, str]] = {
    "income_execution_rate": ("基金收入预算执行率", "%"),
    "expenditure_execution_rate": ("基金支出预算执行率", "%"),
    "income_deviation_rate": ("收入预算偏差率", "%"),
    "expenditure_deviation_rate": ("支出预算偏差率", "%"),
    "coverage_months": ("累计结余可支付月数", "个月"),
    "income_growth_rate": ("基金收入比上年增长率", "%"),
    "expenditure_growth_rate": ("基金支出比上年增长率", "%"),
    "contribution_collection_rate": ("工伤保险费征缴完成率", "%"),
    "prevention_spending_share": ("工伤预防费占上年工伤保险费收入比例", "%"),
    "prevention_cap_usage": ("工伤预防费占规定上限的比例", "%"),
    "insured_coverage_rate": ("参保覆盖率", "%"),
    "insured_growth_rate": ("参保人数比上年增长率", "%"),
    "injury_on_time_rate": ("工伤认定按时办结率", "%"),
    "appraisal_on_time_rate": ("劳动能力鉴定按时完成率", "%"),
    "collection_rate": ("工伤保险费征缴率（实征÷应征）", "%"),
    "prevention_project_cap_usage": ("工伤预防项目支出占上限的比例", "%"),
    "insured_persons": ("参保人数", "人"),
    "insured_units": ("参保单位数", "户"),
    "beneficiaries": ("待遇享受人数", "人"),
    "satisfaction_rate": ("满意度", "%"),
    "awareness_rate": ("政策知晓率", "%"),
}


def metric_labels() -> dict[str, str]:
    """Metric key → Chinese label (for generated deduction reasons)."""
    return {k: v[0] for k, v in METRICS.items()}


def finance_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Metrics from the fund statement of the evaluated year (services/finance.py :func:`analysis`)."""
    if not ef.records(Evaluation):
        return {}
    fa = finance.analysis(ef)
    fs = fa.summary
    out: dict[str, Decimal | None] = {
        "income_execution_rate": fs.income_execution_rate,
        "expenditure_execution_rate": fs.expenditure_execution_rate,
        "income_deviation_rate": fs.income_deviation_rate,
        "expenditure_deviation_rate": fs.expenditure_deviation_rate,
        "coverage_months": fs.coverage_months,
        "income_growth_rate": fa.income_growth_rate,
        "expenditure_growth_rate": fa.expenditure_growth_rate,
        "prevention_spending_share": fa.prevention.share,
    }
    premium = next((f for f in fa.lines if f.line.code == "premium_income"), None)
    if premium is not None:
        out["contribution_collection_rate"] = premium.execution_rate
    pc = fa.prevention
    if pc.spending is not None and pc.cap:
        out["prevention_cap_usage"] = round2(pc.spending / pc.cap * HUNDRED)
    return {k: v for k, v in out.items() if v is not None}


def survey_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Satisfaction / awareness rates from the surveys (keys: services/survey.py ``METRIC_KEYS``)."""
    from .survey import survey_metrics as _survey_metrics

    return _survey_metrics(ef)


def business_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """Metrics from the fund's business data (services/business.py)."""
    from .business import business_metrics as _business_metrics

    return _business_metrics(ef)


PROVIDERS: list[Provider] = [finance_metrics, business_metrics, survey_metrics]


def compute_metrics(ef: EvaluationFile) -> dict[str, Decimal]:
    """All metrics of the evaluation: the merged output of :data:`PROVIDERS` (rates in %, months)."""
    out: dict[str, Decimal] = {}
    for provider in PROVIDERS:
        out.update(provider(ef))
    return out
