"""Fund finance ratios. Inputs in 元 (Decimal); rates returned in % (×100) rounded half-up to two decimals.

Formulas (GLOSSARY.md; DOMAIN.md §3.3–3.4):
- 预算执行率 execution rate = actual / budget × 100 % (provincial self-evaluation forms: 执行数/调整后预算数;
  the 2020 framework's 预算执行率 uses 实际到位资金 as denominator — this module uses the budget given).
- 预算偏差率 deviation rate = (actual − budget) / budget × 100 %.
- 当年收支结余 current-year result = income − expenditure.
- 可支付月数 months of payment coverage = year-end balance ÷ (expenditure ÷ 12).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import HUNDRED, D, round2


def execution_rate(actual: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """actual / budget × 100, in %; ``None`` when either is missing or the budget is 0."""
    if actual is None or budget is None or D(budget) == 0:
        return None
    return round2(D(actual) / D(budget) * HUNDRED)


def deviation_rate(actual: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """(actual − budget) / budget × 100, in %; ``None`` when either is missing or the budget is 0."""
    if actual is None or budget is None or D(budget) == 0:
        return None
    return round2((D(actual) - D(budget)) / D(budget) * HUNDRED)


def coverage_months(balance: Decimal | None, expenditure: Decimal | None) -> Decimal | None:
    """year-end balance ÷ (expenditure ÷ 12), months, two decimals; ``None`` if no expenditure."""
    if balance is None or expenditure is None or D(expenditure) == 0:
        return None
    return round2(D(balance) * 12 / D(expenditure))


@dataclass(frozen=True)
class FundSummary:
    """Headline figures of one fiscal year, in 元 (rates in %)."""

    income_budget: Decimal | None
    income_actual: Decimal | None
    expenditure_budget: Decimal | None
    expenditure_actual: Decimal | None
    year_end_balance: Decimal | None

    @property
    def income_execution_rate(self):
        return execution_rate(self.income_actual, self.income_budget)

    @property
    def expenditure_execution_rate(self):
        return execution_rate(self.expenditure_actual, self.expenditure_budget)

    @property
    def income_deviation_rate(self):
        return deviation_rate(self.income_actual, self.income_budget)

    @property
    def expenditure_deviation_rate(self):
        return deviation_rate(self.expenditure_actual, self.expenditure_budget)

    @property
    def current_year_result(self) -> Decimal | None:
        """income − expenditure (元)."""
        if self.income_actual is None or self.expenditure_actual is None:
            return None
        return self.income_actual - self.expenditure_actual

    @property
    def implied_opening_balance(self) -> Decimal | None:
        """year-end balance − income + expenditure (元)."""
        if None in (self.year_end_balance, self.income_actual, self.expenditure_actual):
            return None
        return self.year_end_balance - self.income_actual + self.expenditure_actual

    @property
    def coverage_months(self):
        return coverage_months(self.year_end_balance, self.expenditure_actual)


def summarize(lines, year: int) -> FundSummary:
    """Build a :class:`FundSummary` from :class:`~wcif_desktop.domain.model.FinanceLine` rows of ``year``."""
    by_code = {ln.code: ln for ln in lines if ln.fiscal_year == year}

    def get(code, attr):
        ln = by_code.get(code)
        return getattr(ln, attr) if ln is not None else None

    def budget(code):
        ln = by_code.get(code)
        if ln is None:
            return None
        return ln.adjusted_budget if ln.adjusted_budget is not None else ln.budget

    return FundSummary(
        income_budget=budget("income_total"),
        income_actual=get("income_total", "actual"),
        expenditure_budget=budget("expenditure_total"),
        expenditure_actual=get("expenditure_total", "actual"),
        year_end_balance=get("year_end_balance", "actual"),
    )
