"""Performance targets (绩效目标): the unit's declared table and the team's refined one, kept side by side.

A target table (绩效目标表/绩效目标申报表) has a header (project, budget, implementation period, 实施期绩效目标,
年度总体目标/本年度绩效目标) — :class:`TargetSheet` — and indicator rows
(:class:`~wcif_desktop.domain.model.TargetIndicator`): 一级指标 (产出/效益/满意度), 二级指标 (产出: 数量/质量/
时效/成本; 效益: 经济/社会/生态/可持续; 满意度: 服务对象满意度), 三级指标 (the name), 指标值 (comparator,
value, unit), 绩效标准 (计划/行业/历史/其他标准), 定量/定性. Sources: 财预〔2020〕10号 附件 (指标体系),
《项目支出绩效评价管理办法》; the 2023 湘潭 table (cases/public-reports/12) must be representable as is, so
labels and the 指标值 text are kept as written (``level1_label``, ``level2_label``, ``target_text``) next to the
normalised ``dimension``/``subdimension``/``comparator``/``value``/``unit``.

Functions:

- :func:`parse_target_value` — “≥1场” → (≥, 1, 场); “28600万” → (=, 28600, 万); “满意” → qualitative.
- :func:`classify` — level-1/2 labels as written → (dimension, subdimension).
- :func:`evaluate_completion` — actual vs comparator/value for numeric targets → :class:`Completion`.
- :func:`compare` — declared vs refined rows → :class:`ComparisonRow` list (for the UI and the report).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .model import Record, TargetIndicator
from .money import HUNDRED, round2

VERSIONS = {"declared": "申报目标", "refined": "细化目标"}
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "产出": ("数量", "质量", "时效", "成本"),
    "效益": ("经济", "社会", "生态", "可持续"),
    "满意度": ("服务对象满意度",),
}
COMPARATORS = ("≥", "≤", "=", "区间", ">", "<")
STANDARDS = ("计划标准", "行业标准", "历史标准", "其他标准")
KINDS = ("定量", "定性")
COMPLETED, NOT_COMPLETED = "完成", "未完成"

# Fields compared between the declared and the refined version, with their Chinese labels.
COMPARED_FIELDS = {
    "dimension": "一级指标", "subdimension": "二级指标", "name": "指标名称", "comparator": "比较符",
    "value": "指标值", "unit": "计量单位", "standard": "评价标准", "kind": "指标性质",
}


@dataclass
class TargetSheet(Record):
    """Header of one version's target table (table ``target_sheet``, migration m0031). Texts as written.

    ``budget_text`` e.g. “28600万”, ``superior_funds`` e.g. “省级562万”, ``period`` e.g.
    “2023年1月31日---2023年12月31日”; ``period_goal`` 实施期绩效目标; ``annual_goal`` 年度总体目标 / 本年度绩效目标;
    ``source`` the file the table was imported from.
    """

    table = "target_sheet"
    version: str = "declared"
    project_name: str = ""
    unit_name: str = ""
    department: str = ""
    budget_text: str = ""
    superior_funds: str = ""
    period: str = ""
    period_goal: str = ""
    annual_goal: str = ""
    source: str = ""


_SPACES_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"^\d{4}年")
_DIGIT_RE = re.compile(r"\d")


def _norm(text) -> str:
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", str(text or "")))


# ------------------------------------------------------------------------------------------ classification
_SUB_KEYWORDS = (
    ("数量", "数量"), ("质量", "质量"), ("时效", "时效"), ("成本", "成本"),
    ("经济", "经济"), ("社会", "社会"), ("生态", "生态"), ("环境", "生态"), ("可持续", "可持续"),
)


def classify(level1: str, level2: str) -> tuple[str, str]:
    """(dimension, subdimension) for labels as written: (“产出指标”, “数量指标”) → (产出, 数量);
    (“效益指标”, “可持续影响指标”) → (效益, 可持续); (“效益指标”, “社会效率指标”) → (效益, 社会);
    a satisfaction level-2 (“社会公众或服务对象满意度”) → subdimension 服务对象满意度 under the level-1 as
    written (older tables put it under 效益, the 2020 framework under 满意度). Unknown labels are kept as given."""
    l1, l2 = _norm(level1), _norm(level2)
    if "满意" in l1:
        dim = "满意度"
    elif "产出" in l1:
        dim = "产出"
    elif "效益" in l1 or "效果" in l1:
        dim = "效益"
    else:
        dim = l1.removesuffix("指标")
    if "满意" in l2:
        return dim, "服务对象满意度"
    for kw, sub in _SUB_KEYWORDS:
        if kw in l2:
            return dim, sub
    return dim, l2.removesuffix("指标")


# ------------------------------------------------------------------------------------------ values
@dataclass(frozen=True)
class ParsedTarget:
    """A 指标值 split into comparator, value text and unit. ``numeric`` when ``value`` is a number (or a
    ``low~high`` range for 区间)."""

    comparator: str
    value: str
    unit: str
    numeric: bool


_WORD_COMPARATORS = (
    ("不低于", "≥"), ("不少于", "≥"), ("大于等于", "≥"), ("≥", "≥"), (">=", "≥"), ("以上", "≥"),
    ("不高于", "≤"), ("不超过", "≤"), ("不多于", "≤"), ("小于等于", "≤"), ("≤", "≤"), ("<=", "≤"), ("以内", "≤"),
    ("大于", ">"), (">", ">"), ("高于", ">"), ("小于", "<"), ("<", "<"), ("低于", "<"),
    ("等于", "="), ("=", "="), ("达到", "="),
)
_SUFFIX_COMPARATORS = (("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"))
_DATE_RE = re.compile(r"^\d{4}\s*[.\-/年]\s*\d{1,2}(?:\s*[.\-/月]|$)")
# thousands separators only in groups of three (“19,800”); “12,38” is not a number (a decimal comma or a typo)
_MONTHS_RE = re.compile(r"^\d{1,2}\s*[-~～至到—]+\s*\d{1,2}\s*月(?:份)?$")
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*(%?)\s*[-~～至到—]+\s*({_NUMBER})\s*(\S*)$")
_VALUE_RE = re.compile(rf"^({_NUMBER})\s*(.*)$")


@functools.lru_cache(maxsize=4096)  # tables repeat values (“100%”, “≥95%”, “有效保障”); the result is frozen
def _parse_target_value(text: str) -> ParsedTarget:
    return _parse_target_text(text)


def parse_target_value(text: str) -> ParsedTarget:
    """See :func:`_parse_target_text` (results cached for short texts)."""
    text = str(text or "")
    return _parse_target_value(text) if len(text) <= 200 else _parse_target_text(text)


def _parse_target_text(text: str) -> ParsedTarget:
    """Split a 指标值 as written: “≥1场” → (≥, “1”, “场”); “≤505万” → (≤, “505”, “万”); “100%” → (=, “100”, “%”);
    “90%-100%” → (区间, “90~100”, “%”); “不低于95%” → (≥, “95”, “%”); “满意” / “2023年 年底前” → qualitative
    (comparator '', value as written, unit ''). Thousands separators are dropped from numbers."""
    s = unicodedata.normalize("NFKC", str(text or "")).strip()
    compact = _SPACES_RE.sub("", s)
    if _DATE_RE.match(compact) or _MONTHS_RE.match(compact):  # “2021.1.1-12.31”, “2021年12月31日前”, “1-12月”:
        return ParsedTarget("", s, "", False)  # a date or period, never a number
    m = _RANGE_RE.match(compact)
    if m:
        unit = m.group(4) or m.group(2)
        return ParsedTarget("区间", f"{m.group(1).replace(',', '')}~{m.group(3).replace(',', '')}", unit, True)
    comparator = ""
    rest = compact
    for word, comp in _WORD_COMPARATORS:
        if rest.startswith(word):
            comparator, rest = comp, rest[len(word):]
            break
    for word, comp in _SUFFIX_COMPARATORS:  # “60%及以上”, “10天及以下”, “≤505万以内”
        if rest.endswith(word) and _VALUE_RE.match(rest[: -len(word)]) and comparator in ("", comp):
            comparator, rest = comp, rest[: -len(word)]
            break
    m = _VALUE_RE.match(rest)
    if m and not _YEAR_RE.match(rest) and not _DIGIT_RE.search(m.group(2)):
        unit = m.group(2)
        return ParsedTarget(comparator or "=", m.group(1).replace(",", ""), unit, True)
    return ParsedTarget(comparator if comparator and rest else "", s if not comparator else rest, "", False)


def _number(text: str) -> tuple[Decimal, str] | None:
    s = unicodedata.normalize("NFKC", str(text or "")).strip()
    s = re.sub(r"^(?:[≥≤=<>]|>=|<=|约|达到|实际)+", "", re.sub(r"\s+", "", s))
    m = _VALUE_RE.match(s)
    if not m or re.match(r"^\d{4}年", s):
        return None
    try:
        return Decimal(m.group(1).replace(",", "")), m.group(2)
    except InvalidOperation:
        return None


# ------------------------------------------------------------------------------------------ completion
@dataclass(frozen=True)
class Completion:
    """Result of comparing an actual value with a target.

    ``status``: 完成 / 未完成 / '' (cannot be judged: qualitative target, missing or non-numeric actual, other
    unit). ``rate`` (%): for ≥ > =, actual ÷ value × 100; for ≤ <, 100 when met else value ÷ actual × 100; for
    区间 100 when inside else ``None``. ``note`` explains a '' status.
    """

    status: str
    rate: Decimal | None
    note: str = ""


def _same_unit(a: str, b: str) -> bool:
    """Units written differently but meaning the same: “万” and “万元” (amounts), “％” and “%”."""
    a, b = _norm(a), _norm(b)
    return a == b or {a, b} == {"万", "万元"}


def evaluate_completion(t: TargetIndicator) -> Completion:
    """Judge a numeric target: ``t.actual`` against ``t.comparator``/``t.value`` (same unit required).

    Units: the actual may repeat the unit (“100%”, “28650万”, “28650万元” for a target in 万) or omit it; a
    different unit (“元” vs “万”) is not converted and gives status ''.
    """
    if t.comparator not in COMPARATORS or not t.value:
        return Completion("", None, "定性指标或未设比较符，需人工判断")
    got = _number(t.actual)
    if got is None:
        return Completion("", None, "实际值不是数值，需人工判断" if t.actual else "尚未填写实际值")
    actual, actual_unit = got
    if actual_unit and t.unit and not _same_unit(actual_unit, t.unit):
        return Completion("", None, f"实际值单位“{actual_unit}”与目标单位“{t.unit}”不同，需人工判断")
    try:
        if t.comparator == "区间":
            lo_text, hi_text = t.value.split("~", 1)
            lo, hi = Decimal(lo_text), Decimal(hi_text)
            ok = lo <= actual <= hi
            return Completion(COMPLETED if ok else NOT_COMPLETED, HUNDRED if ok else None)
        value = Decimal(t.value.replace(",", ""))
    except (InvalidOperation, ValueError):
        return Completion("", None, f"目标值“{t.value}”不是数值")
    ok = {"≥": actual >= value, ">": actual > value, "=": actual == value,
          "≤": actual <= value, "<": actual < value}[t.comparator]
    if t.comparator in ("≥", ">", "="):
        rate = round2(actual / value * HUNDRED) if value else None
    else:
        rate = HUNDRED if ok else (round2(value / actual * HUNDRED) if actual else None)
    return Completion(COMPLETED if ok else NOT_COMPLETED, rate)


# ------------------------------------------------------------------------------------------ comparison
@dataclass(frozen=True)
class ComparisonRow:
    """One line of the declared-vs-refined view.

    ``status``: 保留 (same), 修改 (changed; ``changed`` lists the Chinese labels of changed fields), 新增 (only
    refined), 删除 (only declared). ``reason`` is the refined row's change reason (the declared row's for 删除).
    """

    declared: TargetIndicator | None
    refined: TargetIndicator | None
    status: str
    changed: tuple[str, ...]
    reason: str


def compare(targets) -> list[ComparisonRow]:
    """Pair declared and refined rows: by ``declared_id`` when a refined row names the row it refines, else by
    the same indicator name; unpaired rows are 新增 / 删除. Order: refined order, removed rows last."""
    declared = sorted((t for t in targets if t.version == "declared"), key=lambda t: t.sort_order)
    refined = sorted((t for t in targets if t.version == "refined"), key=lambda t: t.sort_order)
    by_id = {t.id: t for t in declared}
    by_name: dict[str, TargetIndicator] = {}
    for t in declared:
        by_name.setdefault(_norm(t.name), t)
    used: set[str] = set()
    rows = []
    for r in refined:
        d = by_id.get(r.declared_id) if r.declared_id else None
        if d is None:
            cand = by_name.get(_norm(r.name))
            d = cand if cand is not None and cand.id not in used else None
        if d is None:
            rows.append(ComparisonRow(None, r, "新增", (), r.change_reason))
            continue
        used.add(d.id)
        changed = tuple(label for f, label in COMPARED_FIELDS.items()
                        if _norm(getattr(d, f)) != _norm(getattr(r, f))
                        and not (f == "kind" and not (d.kind and r.kind)))  # 定量/定性 unknown on one side
        rows.append(ComparisonRow(d, r, "修改" if changed else "保留", changed, r.change_reason))
    for d in declared:
        if d.id not in used:
            rows.append(ComparisonRow(d, None, "删除", (), d.change_reason))
    return rows


def display_value(t: TargetIndicator) -> str:
    """The 指标值 for a table cell: as written when imported, else comparator + value + unit (“≥90%”)."""
    if t.target_text:
        return t.target_text
    if t.comparator == "区间":
        return f"{t.value.replace('~', t.unit + '~')}{t.unit}"
    comp = "" if t.comparator in ("", "=") else t.comparator
    return f"{comp}{t.value}{t.unit}"
