"""The fund's business data (业务数据) of one fiscal year and the values derived from it. No Qt, no SQL.

A work-injury insurance fund evaluation rests on figures the statement does not hold: how many units and
persons are insured (against the population that should be), how many work-injury recognitions and
work-capacity appraisals were handled within the legal time limits, how many people draw benefits, what the
prevention projects cost against their cap, and how much of the premium due was collected. Money lives in the
fund statement (:mod:`wcif_desktop.domain.finance`: income by source, spending by use, opening balance and
roll-forward); this module holds the counts and the 征缴 amounts, and judges the statement's
累计结余可支付月数 against the bands of the national rate rules.

Amounts in 元 (Decimal), counts as ``int``, rates in % (×100) rounded half-up to two decimals
(:func:`wcif_desktop.domain.money.round2`). ``None`` means "not given"; a value derived from a missing input
is ``None`` too.

Rules and their sources:

- 参保覆盖率 = 参保人数 ÷ 应参保人数 × 100 (DOMAIN.md §3.3, [R] standard definition).
- 工伤认定按时办结率 = 法定时限内作出认定决定的件数 ÷ 受理件数 × 100; time limit 60 days from acceptance,
  15 days for cases whose facts are clear (《工伤保险条例》第二十条; DOMAIN.md §3.2 [V]).
- 劳动能力鉴定按时完成率 = 法定时限内作出结论的人次 ÷ 鉴定人次 × 100; time limit 60 days, extendable by 30
  (《工伤保险条例》第二十五条; DOMAIN.md §3.2 [V]).
- 征缴率 = 实征 ÷ 应征 × 100 (the collection rate against what was due, not against the budget: the budget
  comparison is the statement's 征缴完成率, metric ``contribution_collection_rate``).
- 工伤预防费 ≤ 上年度工伤保险基金征缴收入 × 3 % (《工伤预防费使用管理暂行办法》人社部规〔2017〕13号 第四条;
  DOMAIN.md §3.2 [V]); the cap rate is the finance settings' (higher with the province's approval).
- 累计结余可支付月数 bands (:func:`rate_cut_band`): 18–23 months allows the 统筹地区 to lower the work-injury
  premium rate by 20 %, 24 months or more by 50 %. **Recalled, not checked against the official text**: from
  人社部、财政部《关于阶段性降低社会保险费率的通知》(人社部发〔2016〕36号) and the notices that extended it
  (the issue also names the 2015 rate notice 人社部发〔2015〕71号, which set the industry rate classes). The
  search of the stored material (2026-12) found neither text; verify before citing in a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

from .errors import QT_TRANSLATE_NOOP, Message
from .model import Record
from .money import HUNDRED, D, round2

INJURY_DAYS, INJURY_DAYS_SIMPLE = 60, 15  # 《工伤保险条例》第二十条
APPRAISAL_DAYS, APPRAISAL_EXTENSION_DAYS = 60, 30  # 《工伤保险条例》第二十五条
RATE_CUT_BANDS: tuple[tuple[Decimal, Decimal], ...] = ((Decimal(24), Decimal(50)), (Decimal(18), Decimal(20)))
"""(lowest months, rate cut in %), highest band first. RECALLED (人社部发〔2016〕36号), see module docstring."""
RATE_CUT_SOURCE = "人社部发〔2016〕36号（回忆所得，未核对原文）"


@dataclass
class FundBusiness(Record):
    """The business figures of one fiscal year (one live record per year, table ``fund_business``).

    Counts are ``int`` (persons, units, cases); ``collection_due``/``collection_actual``/
    ``premium_previous_year``/``prevention_spend`` are 元 (Decimal). ``illustrative`` lists the names of the
    fields whose value is illustrative (a sample's, not the unit's), comma-separated; ``source`` says where the
    figures come from (e.g. “业务统计报表”).
    """

    table = "fund_business"
    fiscal_year: int = 0
    insured_units: int | None = None  # 参保单位数（户）
    insured_persons: int | None = None  # 参保人数（人）
    target_population: int | None = None  # 应参保人数（人）
    insured_persons_previous: int | None = None  # 上年参保人数（人）
    injury_applications: int | None = None  # 工伤认定申请件数
    injury_accepted: int | None = None  # 工伤认定受理件数
    injury_recognised: int | None = None  # 认定（视同）工伤件数
    injury_on_time: int | None = None  # 法定时限内作出认定决定件数
    appraisals: int | None = None  # 劳动能力鉴定人次
    appraisals_on_time: int | None = None  # 法定时限内作出鉴定结论人次
    beneficiaries_lump_sum: int | None = None  # 享受一次性待遇人数
    beneficiaries_long_term: int | None = None  # 享受长期（定期）待遇人数
    prevention_projects: int | None = None  # 工伤预防项目个数
    prevention_spend: Decimal | None = None  # 工伤预防项目支出（元）
    premium_previous_year: Decimal | None = None  # 上年度工伤保险费征缴收入（元），工伤预防费上限的基数
    collection_due: Decimal | None = None  # 应征工伤保险费（元）
    collection_actual: Decimal | None = None  # 实征工伤保险费（元）
    source: str = ""
    illustrative: str = ""

    def illustrative_fields(self) -> set[str]:
        return {f.strip() for f in self.illustrative.split(",") if f.strip()}


@dataclass(frozen=True)
class FieldSpec:
    """One entry field: ``name`` (of :class:`FundBusiness`), Chinese ``label``, ``unit`` (人/户/件/人次/个/元),
    ``aliases`` (other row labels seen in agency spreadsheets, for import)."""

    name: str
    label: str
    unit: str
    aliases: tuple[str, ...] = ()

    @property
    def money(self) -> bool:
        return self.unit == "元"


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("insured_units", "参保单位数", "户", ("参保单位", "参保单位户数", "参保企业数")),
    FieldSpec("insured_persons", "参保人数", "人", ("年末参保人数", "工伤保险参保人数", "参保职工人数")),
    FieldSpec("target_population", "应参保人数", "人", ("应参保职工人数", "目标人群", "应保人数")),
    FieldSpec("insured_persons_previous", "上年参保人数", "人", ("上年末参保人数", "上年同期参保人数")),
    FieldSpec("injury_applications", "工伤认定申请件数", "件", ("工伤认定申请", "认定申请件数")),
    FieldSpec("injury_accepted", "工伤认定受理件数", "件", ("工伤认定受理", "受理件数")),
    FieldSpec("injury_recognised", "认定工伤件数", "件", ("认定（视同）工伤件数", "认定工伤", "工伤认定件数")),
    FieldSpec("injury_on_time", "工伤认定按时办结件数", "件", ("法定时限内作出认定决定件数", "按时办结件数")),
    FieldSpec("appraisals", "劳动能力鉴定人次", "人次", ("劳动能力鉴定", "鉴定人次")),
    FieldSpec("appraisals_on_time", "劳动能力鉴定按时完成人次", "人次", ("法定时限内作出鉴定结论人次", "按时鉴定人次")),
    FieldSpec("beneficiaries_lump_sum", "享受一次性待遇人数", "人", ("一次性待遇享受人数", "一次性待遇人数")),
    FieldSpec("beneficiaries_long_term", "享受长期待遇人数", "人", ("长期待遇享受人数", "定期待遇享受人数", "长期待遇人数")),
    FieldSpec("prevention_projects", "工伤预防项目个数", "个", ("工伤预防项目数", "工伤预防项目")),
    FieldSpec("prevention_spend", "工伤预防项目支出", "元", ("工伤预防费支出", "工伤预防项目金额")),
    FieldSpec("premium_previous_year", "上年度工伤保险费征缴收入", "元", ("上年征缴收入", "上年度征缴收入")),
    FieldSpec("collection_due", "应征工伤保险费", "元", ("应征", "应征金额", "应征收额")),
    FieldSpec("collection_actual", "实征工伤保险费", "元", ("实征", "实征金额", "实际征收额")),
)
FIELD_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


def _norm(label: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKC", str(label or ""))
    for ch in " \u3000:：*（）()":
        text = text.replace(ch, "")
    return text


_BY_LABEL: dict[str, FieldSpec] = {}
for _f in FIELDS:
    for _label in (_f.label, *_f.aliases):
        _BY_LABEL[_norm(_label)] = _f


def match_field(label: str) -> FieldSpec | None:
    """The field a spreadsheet row label names (label or alias, ignoring spaces, brackets and a unit suffix
    such as “（人）”/“（元）”/“（万元）”), or ``None``."""
    text = _norm(label)
    for unit in ("万元", "元", "人次", "人", "户", "件", "个"):
        if text.endswith(unit) and text[: -len(unit)] in _BY_LABEL:
            return _BY_LABEL[text[: -len(unit)]]
    return _BY_LABEL.get(text)


def _rate(num, den) -> Decimal | None:
    if num is None or den in (None, 0) or D(den) == 0:
        return None
    return round2(D(num) / D(den) * HUNDRED)


@dataclass(frozen=True)
class Band:
    """Where 累计结余可支付月数 falls: ``cut`` is the rate cut (%) the band allows (0 below 18 months)."""

    months: Decimal
    cut: Decimal
    lower: Decimal | None  # the band's lowest month count (None below the lowest band)

    def message(self) -> Message:
        if self.cut:
            return Message(QT_TRANSLATE_NOOP(
                "core", "累计结余可支付{months}个月，不低于{lower}个月，按国家阶段性降低工伤保险费率的规定可下调费率{cut}%"),
                months=f"{self.months:.2f}", lower=self.lower, cut=self.cut)
        return Message(QT_TRANSLATE_NOOP("core", "累计结余可支付{months}个月，低于18个月，不在降低费率的区间"),
                       months=f"{self.months:.2f}")


def rate_cut_band(months: Decimal | None) -> Band | None:
    """Judge 累计结余可支付月数 against :data:`RATE_CUT_BANDS` (≥ 24 → 50 %, 18 to under 24 → 20 %, else 0).

    The bands are RECALLED (see the module docstring); ``None`` when ``months`` is ``None``.
    """
    if months is None:
        return None
    m = D(months)
    for lower, cut in RATE_CUT_BANDS:
        if m >= lower:
            return Band(m, cut, lower)
    return Band(m, Decimal(0), None)


@dataclass
class BusinessAnalysis:
    """Values derived from :class:`FundBusiness` (rates in %, counts, 元)."""

    business: FundBusiness
    coverage_rate: Decimal | None = None  # 参保覆盖率
    insured_growth: int | None = None  # 参保人数较上年增加（人）
    acceptance_rate: Decimal | None = None  # 受理率 = 受理 ÷ 申请
    recognition_rate: Decimal | None = None  # 认定率 = 认定 ÷ 受理
    injury_on_time_rate: Decimal | None = None  # 工伤认定按时办结率
    appraisal_on_time_rate: Decimal | None = None  # 劳动能力鉴定按时完成率
    beneficiaries_total: int | None = None
    collection_rate: Decimal | None = None  # 征缴率 = 实征 ÷ 应征
    prevention_cap: Decimal | None = None  # 工伤预防费上限（元）
    prevention_cap_usage: Decimal | None = None  # 工伤预防项目支出 ÷ 上限 × 100
    band: Band | None = None
    problems: list[Message] = field(default_factory=list)


def analyze_business(b: FundBusiness, *, coverage_months: Decimal | None = None,
                     cap_rate: Decimal = Decimal("3")) -> BusinessAnalysis:
    """Derive the rates of :class:`BusinessAnalysis` and check the figures' consistency.

    ``coverage_months`` is the statement's 累计结余可支付月数 (``FundSummary.coverage_months``), judged by
    :func:`rate_cut_band`. ``cap_rate`` is the 工伤预防费 cap in % of ``premium_previous_year`` (3 % by
    人社部规〔2017〕13号 第四条). ``problems`` lists inconsistent counts (more accepted than applied, more
    recognised or decided on time than accepted, more appraisals on time than appraisals, more insured than
    the target population, prevention spending above its cap).
    """
    a = BusinessAnalysis(b)
    a.coverage_rate = _rate(b.insured_persons, b.target_population)
    if b.insured_persons is not None and b.insured_persons_previous is not None:
        a.insured_growth = b.insured_persons - b.insured_persons_previous
    a.acceptance_rate = _rate(b.injury_accepted, b.injury_applications)
    a.recognition_rate = _rate(b.injury_recognised, b.injury_accepted)
    a.injury_on_time_rate = _rate(b.injury_on_time, b.injury_accepted)
    a.appraisal_on_time_rate = _rate(b.appraisals_on_time, b.appraisals)
    if b.beneficiaries_lump_sum is not None or b.beneficiaries_long_term is not None:
        a.beneficiaries_total = (b.beneficiaries_lump_sum or 0) + (b.beneficiaries_long_term or 0)
    a.collection_rate = _rate(b.collection_actual, b.collection_due)
    if b.premium_previous_year is not None:
        a.prevention_cap = round2(D(b.premium_previous_year) * D(cap_rate) / HUNDRED)
        if b.prevention_spend is not None and a.prevention_cap:
            a.prevention_cap_usage = round2(D(b.prevention_spend) / a.prevention_cap * HUNDRED)
    a.band = rate_cut_band(coverage_months)

    def more(small, big, small_label, big_label):
        if small is not None and big is not None and small > big:
            a.problems.append(Message(QT_TRANSLATE_NOOP("core", "业务数据：{small}（{a}）多于{big}（{b}）"),
                                      small=small_label, a=small, big=big_label, b=big))

    more(b.injury_accepted, b.injury_applications, "工伤认定受理件数", "申请件数")
    more(b.injury_recognised, b.injury_accepted, "认定工伤件数", "受理件数")
    more(b.injury_on_time, b.injury_accepted, "按时办结件数", "受理件数")
    more(b.appraisals_on_time, b.appraisals, "鉴定按时完成人次", "鉴定人次")
    more(b.insured_persons, b.target_population, "参保人数", "应参保人数")
    more(b.collection_actual, b.collection_due, "实征", "应征")
    if a.prevention_cap_usage is not None and a.prevention_cap_usage > HUNDRED:
        a.problems.append(Message(QT_TRANSLATE_NOOP(
            "core", "工伤预防项目支出超过上限（上年度征缴收入的{rate}%），占上限的{usage}%"),
            rate=cap_rate, usage=f"{a.prevention_cap_usage:.2f}"))
    return a


def coerce(name: str, value):
    """A field value from user input (text, int, Decimal) in the field's type: ``int`` for counts, Decimal
    (元) for amounts, ``None`` for blank.

    Raises:
        ValidationError: not a number, negative, or a count with decimals.
    """
    from .errors import ValidationError

    spec = FIELD_BY_NAME[name]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = D(value)
    if number < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{label}”不能为负数：{value}"), label=spec.label, value=value)
    if spec.money:
        return round2(number)
    if number != number.to_integral_value():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{label}”应为整数：{value}"), label=spec.label, value=value)
    return int(number)


def field_names() -> list[str]:
    """Names of the data fields of :class:`FundBusiness` (without id/fiscal_year/source/illustrative)."""
    skip = {"id", "fiscal_year", "source", "illustrative"}
    return [f.name for f in fields(FundBusiness) if f.name not in skip]


__all__ = ["FundBusiness", "FieldSpec", "FIELDS", "FIELD_BY_NAME", "match_field", "Band", "rate_cut_band",
           "BusinessAnalysis", "analyze_business", "coerce", "field_names", "RATE_CUT_BANDS", "RATE_CUT_SOURCE",
           "INJURY_DAYS", "INJURY_DAYS_SIMPLE", "APPRAISAL_DAYS", "APPRAISAL_EXTENSION_DAYS"]
