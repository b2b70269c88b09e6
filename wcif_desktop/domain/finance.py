"""Fund finance: the statement lines of a work-injury insurance fund and every value derived from them.

Inputs in 元 (Decimal); rates returned in % (×100) rounded half-up to two decimals; amounts stay exact.

Formulas (GLOSSARY.md; DOMAIN.md §3.3–3.4):
- 预算执行率 execution rate = actual / budget × 100 % (provincial self-evaluation forms: 执行数/调整后预算数;
  the 2020 framework's 预算执行率 uses 实际到位资金 as denominator — this module uses the budget given).
- 预算偏差率 deviation rate = (actual − budget) / budget × 100 %.
- 当年收支结余 current-year result = income − expenditure.
- 可支付月数 months of payment coverage = year-end balance ÷ (expenditure ÷ 12).
- 同比增长率 year-on-year growth = (this year − previous year) / previous year × 100 % (the 比上年同期增长
  column of 社预执行07表, cases/public-reports/20).
- 工伤预防费 cap = previous year's 工伤保险费（征缴）收入 × 3 %, higher only with the province's approval
  (《工伤预防费使用管理暂行办法》人社部规〔2017〕13号 第四条; DOMAIN.md §3.2).
- Roll-forward (滚存): opening balance + income − expenditure = year-end balance.

The statement's lines follow the 工伤保险基金预算执行情况表 (社预执行07表, cases/public-reports/20):
:data:`STATEMENT` lists them with stable codes (``opening_balance``, ``income_total``, ``premium_income`` …,
``expenditure_total``, ``benefit_expenditure`` and its parts …, ``year_end_balance``) and the row labels by which
an imported sheet's rows are recognised (:func:`match_line`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from .errors import QT_TRANSLATE_NOOP, Message
from .model import FinanceLine, Record
from .money import HUNDRED, D, fmt_amount, round2

AMOUNT_COLUMNS = ("budget", "adjusted_budget", "actual")
COLUMN_LABELS = {"budget": "预算数", "adjusted_budget": "调整后预算数", "actual": "执行数"}
DEFAULT_PREVENTION_CAP_RATE = Decimal("3")  # % of the previous year's premium income (人社部规〔2017〕13号)


def execution_rate(actual: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """actual / budget × 100, in %; ``None`` when either is missing or the budget is 0.

    Source: 基金收入/支出预算执行率 of the provincial self-evaluation forms (执行数/调整后预算数), DOMAIN.md §3.3.
    """
    if actual is None or budget is None or D(budget) == 0:
        return None
    return round2(D(actual) / D(budget) * HUNDRED)


def deviation_rate(actual: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """(actual − budget) / budget × 100, in %; ``None`` when either is missing or the budget is 0.

    Source: 预算偏差率, GLOSSARY.md; a positive rate means more than budgeted.
    """
    if actual is None or budget is None or D(budget) == 0:
        return None
    return round2((D(actual) - D(budget)) / D(budget) * HUNDRED)


def coverage_months(balance: Decimal | None, expenditure: Decimal | None) -> Decimal | None:
    """year-end balance ÷ (expenditure ÷ 12), months, two decimals; ``None`` if no expenditure.

    Source: 累计结余可支付月数 = 期末累计结余 / 月均支出 (DOMAIN.md §3.3, standard definition).
    """
    if balance is None or expenditure is None or D(expenditure) == 0:
        return None
    return round2(D(balance) * 12 / D(expenditure))


def growth_rate(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """(current − previous) / |previous| × 100, in %; ``None`` when either is missing or previous is 0.

    Source: 比上年同期增长(%) column of 社预执行07表 (cases/public-reports/20: 378,574,361.33 vs
    143,987,121.83 → 162.92 %). The absolute value keeps the sign meaningful for a negative base (a balance).
    """
    if current is None or previous is None or D(previous) == 0:
        return None
    return round2((D(current) - D(previous)) / abs(D(previous)) * HUNDRED)


def prevention_cap(previous_premium_income: Decimal | None, cap_rate: Decimal = DEFAULT_PREVENTION_CAP_RATE
                   ) -> Decimal | None:
    """Upper limit of 工伤预防费 in 元: previous year's premium income × cap_rate % (half-up, two decimals).

    Source: 《工伤预防费使用管理暂行办法》(人社部规〔2017〕13号) 第四条 — ≤ 3 % of the 统筹地区's previous-year
    工伤保险基金征缴收入; a higher rate needs the approval of the provincial 人社 and 财政 departments.
    """
    if previous_premium_income is None:
        return None
    return round2(D(previous_premium_income) * D(cap_rate) / HUNDRED)


# ------------------------------------------------------------------------------------------ statement lines
@dataclass(frozen=True)
class LineSpec:
    """A standard line of the statement: stable ``code``, printed ``name``, ``kind`` (income/expenditure/
    balance), ``parent_code`` (the total it adds into; '' for top-level lines and memo subtotals), ``aliases``
    (other labels seen in real sheets) and ``sum_of`` (for a subtotal: the codes it sums, not its children)."""

    code: str
    name: str
    kind: str
    parent_code: str = ""
    aliases: tuple[str, ...] = ()
    sum_of: tuple[str, ...] = ()


STATEMENT: tuple[LineSpec, ...] = (
    LineSpec("opening_balance", "期初余额", "balance", "",
             ("期初滚存结余", "年初滚存结余", "上年结余", "上年末滚存结余", "上年滚存结余", "年初余额", "期初结余")),
    LineSpec("income_total", "基金收入合计", "income", "", ("收入合计", "本年收入", "基金收入", "本年收入合计", "收入总计")),
    LineSpec("income_subtotal", "收入小计", "income", "", ("基金收入小计",),
             sum_of=("premium_income", "interest_income", "fiscal_subsidy_income", "other_income")),
    LineSpec("premium_income", "工伤保险费收入", "income", "income_total", ("保险费收入", "征缴收入", "工伤保险费征缴收入")),
    LineSpec("fiscal_subsidy_income", "财政补贴收入", "income", "income_total", ("财政补助收入",)),
    LineSpec("interest_income", "利息收入", "income", "income_total", ()),
    LineSpec("superior_subsidy_income", "上级补助收入", "income", "income_total", ()),
    LineSpec("subordinate_remittance_income", "下级上解收入", "income", "income_total", ()),
    LineSpec("other_income", "其他收入", "income", "income_total", ("其他工伤保险基金收入", "转移收入")),
    LineSpec("expenditure_total", "基金支出合计", "expenditure", "",
             ("支出合计", "本年支出", "基金支出", "本年支出合计", "支出总计")),
    LineSpec("expenditure_subtotal", "支出小计", "expenditure", "", ("基金支出小计",),
             sum_of=("benefit_expenditure", "appraisal_expenditure", "prevention_expenditure",
                     "other_expenditure")),
    LineSpec("benefit_expenditure", "工伤保险待遇支出", "expenditure", "expenditure_total", ("待遇支出",)),
    LineSpec("medical_benefit", "工伤医疗待遇支出", "expenditure", "benefit_expenditure",
             ("工伤医疗费", "工伤医疗待遇", "医疗待遇支出")),
    LineSpec("disability_benefit", "伤残待遇支出", "expenditure", "benefit_expenditure", ("伤残待遇",)),
    LineSpec("death_benefit", "工亡待遇支出", "expenditure", "benefit_expenditure", ("工亡待遇", "因工死亡待遇支出")),
    LineSpec("rehabilitation_benefit", "工伤康复费用支出", "expenditure", "benefit_expenditure",
             ("工伤康复费用", "工伤康复支出", "康复费用")),
    LineSpec("other_benefit", "其他工伤保险待遇支出", "expenditure", "benefit_expenditure", ("其他待遇支出",)),
    LineSpec("appraisal_expenditure", "劳动能力鉴定支出", "expenditure", "expenditure_total",
             ("劳动能力鉴定费", "劳动能力鉴定费用")),
    LineSpec("prevention_expenditure", "工伤预防费", "expenditure", "expenditure_total",
             ("工伤预防费用支出", "工伤预防费支出", "工伤预防支出", "工伤预防费用")),
    LineSpec("other_expenditure", "其他支出", "expenditure", "expenditure_total", ("其他工伤保险基金支出",)),
    LineSpec("superior_remittance_expenditure", "上解上级支出", "expenditure", "expenditure_total", ()),
    LineSpec("subordinate_subsidy_expenditure", "补助下级支出", "expenditure", "expenditure_total", ()),
    LineSpec("current_year_result", "本年收支结余", "balance", "", ("当年收支结余", "本期收支结余", "收支结余")),
    LineSpec("year_end_balance", "年末滚存结余", "balance", "",
             ("期末余额", "期末滚存结余", "年末余额", "本年年末滚存结余", "年末结余", "期末结余")),
)
SPEC_BY_CODE: dict[str, LineSpec] = {s.code: s for s in STATEMENT}
SORT_ORDER: dict[str, int] = {s.code: i for i, s in enumerate(STATEMENT)}

_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?|\d+(?:\.\d+)*(?:[、.．)]|(?=[^\d年月.]))"
    r"|[其中减加]+[:：])\s*")


def _clean_label(label: str) -> str:
    s = unicodedata.normalize("NFKC", label or "")
    s = re.sub(r"\s+", "", s)
    prev = None
    while prev != s:
        prev, s = s, _PREFIX.sub("", s)
    return re.sub(r"[(（][^)）]*(?:元)[)）]$", "", s)


def match_line(label: str) -> LineSpec | None:
    """The standard line a row label names, or ``None``.

    Numbering and lead-ins are ignored (“一、”, “(一)”, “1.”, “其中：”), then the label must equal a line's
    name or alias; failing that, the longest name/alias contained in the label wins if only one line has it.
    """
    s = _clean_label(label)
    if not s:
        return None
    for spec in STATEMENT:
        if s == spec.name or s in spec.aliases:
            return spec
    best: list[tuple[int, LineSpec]] = []
    for spec in STATEMENT:
        for name in (spec.name, *spec.aliases):
            if name in s:
                best.append((len(name), spec))
    if not best:
        return None
    best.sort(key=lambda t: -t[0])
    top = [sp for n, sp in best if n == best[0][0]]
    return top[0] if len({sp.code for sp in top}) == 1 else None


# ------------------------------------------------------------------------------------------ settings
@dataclass
class FinanceSettings(Record):
    """Per-evaluation finance settings (single row of table ``finance_settings``, migration m0030).

    ``prevention_cap_rate`` is the cap of 工伤预防费 in % of the previous year's premium income (3 by default;
    a province may approve more — cite the approval in ``prevention_cap_basis``). ``roll_forward_tolerance``
    (元) is the difference the roll-forward and sum checks accept (0 by default; e.g. 100 when the figures
    were typed in 万元 with two decimals).
    """

    table = "finance_settings"
    prevention_cap_rate: Decimal = DEFAULT_PREVENTION_CAP_RATE
    prevention_cap_basis: str = "人社部规〔2017〕13号 第四条：不超过上年度工伤保险基金征缴收入的3%"
    roll_forward_tolerance: Decimal = Decimal("0")


# ------------------------------------------------------------------------------------------ summary
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
        """收入预算执行率, % (:func:`execution_rate`)."""
        return execution_rate(self.income_actual, self.income_budget)

    @property
    def expenditure_execution_rate(self):
        """支出预算执行率, % (:func:`execution_rate`)."""
        return execution_rate(self.expenditure_actual, self.expenditure_budget)

    @property
    def income_deviation_rate(self):
        """收入预算偏差率, % (:func:`deviation_rate`)."""
        return deviation_rate(self.income_actual, self.income_budget)

    @property
    def expenditure_deviation_rate(self):
        """支出预算偏差率, % (:func:`deviation_rate`)."""
        return deviation_rate(self.expenditure_actual, self.expenditure_budget)

    @property
    def current_year_result(self) -> Decimal | None:
        """当年收支结余 = income − expenditure (元)."""
        if self.income_actual is None or self.expenditure_actual is None:
            return None
        return self.income_actual - self.expenditure_actual

    @property
    def implied_opening_balance(self) -> Decimal | None:
        """Opening balance implied by the roll-forward: year-end balance − income + expenditure (元)."""
        if None in (self.year_end_balance, self.income_actual, self.expenditure_actual):
            return None
        return self.year_end_balance - self.income_actual + self.expenditure_actual

    @property
    def coverage_months(self):
        """累计结余可支付月数 (:func:`coverage_months`)."""
        return coverage_months(self.year_end_balance, self.expenditure_actual)


def effective_budget(line: FinanceLine | None) -> Decimal | None:
    """The budget a rate is measured against: 调整后预算数 when given, else 预算数 (元)."""
    if line is None:
        return None
    return line.adjusted_budget if line.adjusted_budget is not None else line.budget


def summarize(lines, year: int) -> FundSummary:
    """Build a :class:`FundSummary` from :class:`~wcif_desktop.domain.model.FinanceLine` rows of ``year``."""
    by_code = {ln.code: ln for ln in lines if ln.fiscal_year == year}

    def get(code, attr):
        ln = by_code.get(code)
        return getattr(ln, attr) if ln is not None else None

    return FundSummary(
        income_budget=effective_budget(by_code.get("income_total")),
        income_actual=get("income_total", "actual"),
        expenditure_budget=effective_budget(by_code.get("expenditure_total")),
        expenditure_actual=get("expenditure_total", "actual"),
        year_end_balance=get("year_end_balance", "actual"),
    )


# ------------------------------------------------------------------------------------------ analysis
@dataclass(frozen=True)
class Check:
    """One consistency check. ``ok`` False means a mismatch the evaluator must look at (or explain).

    ``expected`` is what the rule computes, ``found`` what the statement says, ``difference`` = found −
    expected (元). ``key`` is stable (e.g. ``roll_forward``, ``sum:income_total:actual``).
    """

    key: str
    ok: bool
    message: str
    expected: Decimal | None = None
    found: Decimal | None = None
    difference: Decimal | None = None


@dataclass(frozen=True)
class LineFigures:
    """One statement line with its derived values: rates in %, amounts in 元."""

    line: FinanceLine
    effective_budget: Decimal | None
    execution_rate: Decimal | None
    deviation_rate: Decimal | None
    previous_actual: Decimal | None
    growth_rate: Decimal | None


@dataclass(frozen=True)
class PreventionCheck:
    """工伤预防费 against its cap (人社部规〔2017〕13号 第四条).

    ``spending`` (元, this year's actual), ``base`` (元, previous year's premium income actual), ``cap_rate``
    (%), ``cap`` (元) = base × cap_rate %, ``share`` (%) = spending / base × 100, ``within_cap`` (None when
    something is missing), ``basis`` (the rule or the province's approval).
    """

    spending: Decimal | None
    base: Decimal | None
    cap_rate: Decimal
    cap: Decimal | None
    share: Decimal | None
    within_cap: bool | None
    basis: str


@dataclass(frozen=True)
class FundAnalysis:
    """Everything derived from the statement of ``year`` (and the years before it, the 历史标准).

    Amounts in 元, rates in %. ``opening_balance`` comes from the ``opening_balance`` line (``opening_source``
    ``"line"``), else the previous year's year-end balance (``"previous_year"``), else it is implied by the
    roll-forward (``"implied"``, no roll-forward check possible then).
    """

    year: int
    summary: FundSummary
    previous: FundSummary | None
    opening_balance: Decimal | None
    opening_source: str
    lines: list[LineFigures]
    income_growth_rate: Decimal | None
    expenditure_growth_rate: Decimal | None
    balance_growth_rate: Decimal | None
    prevention: PreventionCheck
    roll_forward: Check | None
    checks: list[Check] = field(default_factory=list)
    history: dict[int, FundSummary] = field(default_factory=dict)

    @property
    def problems(self) -> list[Check]:
        """Checks that failed (roll-forward, continuity, detail sums, prevention cap)."""
        return [c for c in self.checks if not c.ok]


def _yuan(v: Decimal | None) -> str:
    return "—" if v is None else f"{fmt_amount(v)}元"


def roll_forward_check(opening: Decimal | None, income: Decimal | None, expenditure: Decimal | None,
                       closing: Decimal | None, tolerance: Decimal = Decimal("0")) -> Check | None:
    """期初余额 + 本年收入 − 本年支出 = 年末滚存结余 (元); ``None`` when a figure is missing.

    The check fails when |closing − (opening + income − expenditure)| > ``tolerance``.
    """
    if None in (opening, income, expenditure, closing):
        return None
    expected = D(opening) + D(income) - D(expenditure)
    diff = D(closing) - expected
    ok = abs(diff) <= D(tolerance)
    p = {"opening": _yuan(opening), "income": _yuan(income), "expenditure": _yuan(expenditure),
         "expected": _yuan(expected)}
    if ok:
        msg = Message(QT_TRANSLATE_NOOP("core", "期初余额{opening} + 本年收入{income} − 本年支出{expenditure} = "
                                                "{expected}，与年末滚存结余一致"), **p)
    else:
        msg = Message(QT_TRANSLATE_NOOP("core", "期初余额{opening} + 本年收入{income} − 本年支出{expenditure} = "
                                                "{expected}，但年末滚存结余为{closing}，相差{difference}（滚存不平）"),
                      closing=_yuan(closing), difference=_yuan(diff), **p)
    return Check("roll_forward", ok, msg, expected, D(closing), diff)


# column names inside the check sentences (translated as their own messages, see Message params)
_COLUMN_MESSAGES = {
    "budget": Message(QT_TRANSLATE_NOOP("core", "预算数")),
    "adjusted_budget": Message(QT_TRANSLATE_NOOP("core", "调整后预算数")),
    "actual": Message(QT_TRANSLATE_NOOP("core", "执行数")),
}


def _sum_message(year: int, line: str, col: str, total, names: str, expected, diff, ok: bool) -> Message:
    """“{year}年“{line}”{column}{total}等于/不等于明细（{names}）之和{expected}[，相差{difference}]”."""
    p = {"year": year, "line": line, "column": _COLUMN_MESSAGES[col], "total": _yuan(total), "names": names,
         "expected": _yuan(expected)}
    if ok:
        return Message(QT_TRANSLATE_NOOP("core", "{year}年“{line}”{column}{total}等于明细（{names}）之和{expected}"), **p)
    return Message(QT_TRANSLATE_NOOP("core", "{year}年“{line}”{column}{total}不等于明细（{names}）之和{expected}，"
                                             "相差{difference}"), difference=_yuan(diff), **p)


def _result_message(year: int, col: str, result, expected, diff, ok: bool) -> Message:
    """“{year}年本年收支结余{column}{result}等于/不等于收入减支出{expected}[，相差{difference}]”."""
    p = {"year": year, "column": _COLUMN_MESSAGES[col], "result": _yuan(result), "expected": _yuan(expected)}
    if ok:
        return Message(QT_TRANSLATE_NOOP("core", "{year}年本年收支结余{column}{result}等于收入减支出{expected}"), **p)
    return Message(QT_TRANSLATE_NOOP("core", "{year}年本年收支结余{column}{result}不等于收入减支出{expected}，"
                                             "相差{difference}"), difference=_yuan(diff), **p)


def sum_checks(lines, year: int, tolerance: Decimal = Decimal("0")) -> list[Check]:
    """Detail lines against their totals, per column (预算数, 调整后预算数, 执行数), for ``year``.

    A total is checked in a column when it has a value there and at least one of its detail lines does;
    missing details count as 0. Totals are the lines that others name as ``parent_code``, plus the subtotals
    of :data:`STATEMENT` (``sum_of``) and 本年收支结余 (= income − expenditure).
    """
    year_lines = [ln for ln in lines if ln.fiscal_year == year]
    by_code = {ln.code: ln for ln in year_lines}
    groups: dict[str, list[FinanceLine]] = {}
    for ln in year_lines:
        if ln.parent_code:
            groups.setdefault(ln.parent_code, []).append(ln)
    for code in by_code:
        spec = SPEC_BY_CODE.get(code)
        if spec and spec.sum_of:
            groups[code] = [by_code[c] for c in spec.sum_of if c in by_code]
    out: list[Check] = []
    for parent_code in sorted(groups, key=lambda c: SORT_ORDER.get(c, 999)):
        parent = by_code.get(parent_code)
        children = groups[parent_code]
        if parent is None or not children:
            continue
        for col in AMOUNT_COLUMNS:
            total = getattr(parent, col)
            values = [getattr(ch, col) for ch in children]
            if total is None or all(v is None for v in values):
                continue
            expected = sum((v for v in values if v is not None), Decimal(0))
            diff = total - expected
            ok = abs(diff) <= tolerance
            names = "、".join(ch.name for ch in children)
            msg = _sum_message(year, parent.name, col, total, names, expected, diff, ok)
            out.append(Check(f"sum:{parent_code}:{col}", ok, msg, expected, total, diff))
    result = by_code.get("current_year_result")
    inc, exp_ = by_code.get("income_total"), by_code.get("expenditure_total")
    if result and inc and exp_:
        for col in AMOUNT_COLUMNS:
            r, i, e = getattr(result, col), getattr(inc, col), getattr(exp_, col)
            if None in (r, i, e):
                continue
            diff = r - (i - e)
            ok = abs(diff) <= tolerance
            out.append(Check(f"result:{col}", ok, _result_message(year, col, r, i - e, diff, ok), i - e, r, diff))
    return out


def analyze(lines, year: int, settings: FinanceSettings | None = None) -> FundAnalysis:
    """Derive every value of :class:`FundAnalysis` for ``year`` from the statement lines (all years).

    ``settings`` gives the prevention cap rate and the tolerance of the checks (defaults: 3 %, 0 元).
    """
    settings = settings or FinanceSettings()
    tol = D(settings.roll_forward_tolerance)
    lines = list(lines)
    years = sorted({ln.fiscal_year for ln in lines})
    history = {y: summarize(lines, y) for y in years}
    summary = history.get(year) or summarize(lines, year)
    prev_year = year - 1
    previous = history.get(prev_year)
    by_code = {ln.code: ln for ln in lines if ln.fiscal_year == year}
    prev_by_code = {ln.code: ln for ln in lines if ln.fiscal_year == prev_year}

    figures = []
    for ln in sorted(by_code.values(), key=lambda x: (SORT_ORDER.get(x.code, 900), x.sort_order)):
        eb = effective_budget(ln)
        prev = prev_by_code.get(ln.code)
        pa = prev.actual if prev else None
        figures.append(LineFigures(ln, eb, execution_rate(ln.actual, eb), deviation_rate(ln.actual, eb), pa,
                                   growth_rate(ln.actual, pa)))

    checks: list[Check] = []
    opening_line = by_code.get("opening_balance")
    prev_closing = previous.year_end_balance if previous else None
    if opening_line is not None and opening_line.actual is not None:
        opening, source = opening_line.actual, "line"
        if prev_closing is not None:
            diff = opening - prev_closing
            ok = abs(diff) <= tol
            p = {"year": year, "opening": _yuan(opening), "previous_year": prev_year,
                 "closing": _yuan(prev_closing)}
            if ok:
                msg = Message(QT_TRANSLATE_NOOP("core", "{year}年期初余额{opening}等于{previous_year}年年末滚存结余"
                                                        "{closing}"), **p)
            else:
                msg = Message(QT_TRANSLATE_NOOP("core", "{year}年期初余额{opening}不等于{previous_year}年年末滚存结余"
                                                        "{closing}，相差{difference}"), difference=_yuan(diff), **p)
            checks.append(Check("continuity", ok, msg, prev_closing, opening, diff))
    elif prev_closing is not None:
        opening, source = prev_closing, "previous_year"
    elif summary.implied_opening_balance is not None:
        opening, source = summary.implied_opening_balance, "implied"
    else:
        opening, source = None, ""
    rf = None
    if source in ("line", "previous_year"):
        rf = roll_forward_check(opening, summary.income_actual, summary.expenditure_actual,
                                summary.year_end_balance, tol)
        if rf is not None:
            checks.append(rf)
    checks.extend(sum_checks(lines, year, tol))

    spending_line = by_code.get("prevention_expenditure")
    spending = spending_line.actual if spending_line else None
    base_line = prev_by_code.get("premium_income")
    base = base_line.actual if base_line else None
    rate = D(settings.prevention_cap_rate)
    cap = prevention_cap(base, rate)
    share = round2(spending / base * HUNDRED) if spending is not None and base else None
    within = None if spending is None or cap is None else spending <= cap
    prevention = PreventionCheck(spending, base, rate, cap, share, within, settings.prevention_cap_basis)
    if within is not None:
        p = {"year": year, "spending": _yuan(spending), "previous_year": prev_year, "base": _yuan(base),
             "share": f"{share}", "rate": f"{rate}", "cap": _yuan(cap)}
        if within:
            msg = Message(QT_TRANSLATE_NOOP("core", "{year}年工伤预防费{spending}，占{previous_year}年工伤保险费收入{base}的"
                                                    "{share}%，未超过上限{rate}%（{cap}）"), **p)
        else:
            msg = Message(QT_TRANSLATE_NOOP("core", "{year}年工伤预防费{spending}，占{previous_year}年工伤保险费收入{base}的"
                                                    "{share}%，超过上限{rate}%（{cap}）"), **p)
        checks.append(Check("prevention_cap", within, msg, cap, spending, spending - cap))

    return FundAnalysis(
        year=year, summary=summary, previous=previous, opening_balance=opening, opening_source=source,
        lines=figures,
        income_growth_rate=growth_rate(summary.income_actual, previous.income_actual if previous else None),
        expenditure_growth_rate=growth_rate(summary.expenditure_actual,
                                            previous.expenditure_actual if previous else None),
        balance_growth_rate=growth_rate(summary.year_end_balance, prev_closing),
        prevention=prevention, roll_forward=rf, checks=checks, history=history,
    )
