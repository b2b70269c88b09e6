"""Review of the declared performance-target table (绩效目标表) by editable rules.

The usual review criteria (财预〔2020〕10号 附件2, 评价要点 of 绩效目标合理性 and 绩效指标明确性; the 附件1
indicator classes, shared/FRAMEWORK.md §1–2):

- the annual target (本年度绩效目标) is present and specific;
- the required indicator classes are present — 产出: 数量, 质量, 时效, 成本; 效益 — and an inapplicable one is
  marked 不适用 rather than left blank;
- each indicator value is measurable: a number with a unit, or a clear qualitative level (满意, 达标 …);
- time limits (时效) are concrete;
- the basis of each value (计算依据, or at least the 绩效标准 计划/历史/行业) is shown;
- level-2 names follow the 附件1 classes.

The rules are data (``resources/templates/target_review_rules.toml``, see :func:`parse_rules`): each names a
built-in check, optional regular expressions, the working paper it pre-fills (绩效目标合理性 or 绩效指标明确性)
and a standard opinion text. Pure code: no files, no SQL, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QT_TRANSLATE_NOOP, Message, ValidationError
from .model import TargetIndicator

CHECKS = ("annual_target_present", "annual_target_specific", "classes_present", "inapplicable_marked",
          "values_measurable", "time_limits_concrete", "basis_shown", "level2_names")
PAPER_INDICATORS = ("绩效目标合理性", "绩效指标明确性")


@dataclass
class TargetRow:
    """One indicator of a declared target table, as written (``value`` with its comparator and unit)."""

    level1: str
    level2: str
    name: str
    value: str
    standard: str = ""  # 绩效标准: 计划标准 / 历史标准 / 行业标准 / 其他标准
    basis: str = ""  # 指标值说明 / 计算依据
    kind: str = ""  # 定量指标 / 定性指标

    def label(self) -> str:
        return f"“{self.name}”" + (f"（{self.value}）" if self.value.strip() else "")


@dataclass
class TargetTable:
    annual_target: str
    rows: list[TargetRow] = field(default_factory=list)

    def targets(self) -> list[str]:
        """The annual target split into its numbered items (``1、…`` ``2、…``), blank ones dropped."""
        parts = re.split(r"(?:^|\s|；|;|。)\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．)）]", self.annual_target or "")
        items = [p.strip(" ；;。\n") for p in parts if p.strip(" ；;。\n")]
        return items or ([self.annual_target.strip()] if (self.annual_target or "").strip() else [])


@dataclass
class Rule:
    id: str
    name: str
    check: str
    indicator: str
    opinion: str
    opinion_pass: str = ""
    severity: str = "error"
    pass_regex: re.Pattern | None = None
    fail_regex: re.Pattern | None = None
    params: dict = field(default_factory=dict)


@dataclass
class RuleResult:
    rule: Rule
    passed: bool
    items: list[str] = field(default_factory=list)  # offending rows/targets/classes

    @property
    def opinion(self) -> str:
        if self.passed:
            return self.rule.opinion_pass or Message(QT_TRANSLATE_NOOP("core", "符合要求。"))
        return self.rule.opinion.replace("{items}", "、".join(self.items))


def _regex(rule_id: str, key: str, value) -> re.Pattern | None:
    if value in (None, ""):
        return None
    try:
        return re.compile(str(value))
    except re.error as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "审核规则 {rule_id} 的 {key} 不是有效的正则表达式：{reason}"),
                              rule_id=rule_id, key=key, reason=e) from e


def parse_rules(data: dict, source: str = "规则文件") -> list[Rule]:
    """Rules from the parsed TOML (``{"rule": [ {...}, ... ]}``).

    Raises:
        ValidationError: no rules, a rule without id/name/check/opinion, a duplicate id, an unknown check, an
            indicator other than 绩效目标合理性/绩效指标明确性, an invalid regular expression — naming the rule.
    """
    items = data.get("rule")
    if not isinstance(items, list) or not items:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{source} 没有审核规则（[[rule]]）"), source=source)
    rules, seen = [], set()
    for i, r in enumerate(items, start=1):
        rid = str(r.get("id", "")).strip()
        for key in ("id", "name", "check", "opinion"):
            if not str(r.get(key, "")).strip():
                raise ValidationError(QT_TRANSLATE_NOOP("core", "{source} 第 {number} 条规则缺少 {key}"),
                                      source=source, number=i, key=key)
        if rid in seen:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{source} 规则 id 重复：{rule_id}"), source=source, rule_id=rid)
        seen.add(rid)
        if r["check"] not in CHECKS:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{source} 规则 {rule_id} 的 check 未知：{check}（可选：{choices}）"),
                                  source=source, rule_id=rid, check=r["check"], choices="、".join(CHECKS))
        indicator = r.get("indicator", "绩效指标明确性")
        if indicator not in PAPER_INDICATORS:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{source} 规则 {rule_id} 的 indicator 应为 {choices}"),
                                  source=source, rule_id=rid, choices="或".join(PAPER_INDICATORS))
        params = {k: v for k, v in r.items() if k not in (
            "id", "name", "check", "indicator", "opinion", "opinion_pass", "severity", "pass_regex", "fail_regex")}
        rules.append(Rule(id=rid, name=r["name"], check=r["check"], indicator=indicator, opinion=r["opinion"],
                          opinion_pass=r.get("opinion_pass", ""), severity=r.get("severity", "error"),
                          pass_regex=_regex(rid, "pass_regex", r.get("pass_regex")),
                          fail_regex=_regex(rid, "fail_regex", r.get("fail_regex")), params=params))
    return rules


def _strip_comparator(value: str) -> str:
    return re.sub(r"^\s*(?:≥|≤|>=|<=|>|<|=|＝|大于等于|小于等于|不低于|不高于|不少于|不超过|达到)\s*", "", value or "").strip()


def _is_blank(value: str) -> bool:
    return not (value or "").strip()


def _check(rule: Rule, table: TargetTable) -> RuleResult:
    c, rows = rule.check, table.rows
    if c == "annual_target_present":
        return RuleResult(rule, bool((table.annual_target or "").strip()), [] if table.annual_target.strip()
                          else ["本年度绩效目标"])
    if c == "annual_target_specific":
        targets = table.targets()
        if not targets:
            return RuleResult(rule, False, ["（未填报）"])
        min_len = int(rule.params.get("min_length", 0))
        bad = []
        for t in targets:
            vague = (rule.fail_regex is not None and rule.fail_regex.search(t)) or len(t) < min_len
            concrete = rule.pass_regex is not None and rule.pass_regex.search(t)
            if vague and not concrete:
                bad.append(f"“{t}”")
        return RuleResult(rule, not bad, bad)
    if c == "classes_present":
        classes = rule.params.get("classes", ["数量", "质量", "时效", "成本", "效益"])
        missing = [k for k in classes if not any(k in f"{r.level1} {r.level2}" for r in rows)]
        return RuleResult(rule, not missing, missing)
    if c == "inapplicable_marked":
        bad = [f"“{r.name or r.level2}”" for r in rows if _is_blank(r.value)]
        return RuleResult(rule, not bad, bad)
    if c == "values_measurable":
        levels = set(rule.params.get("levels", []))
        bad = []
        for r in rows:
            v = _strip_comparator(r.value)
            if _is_blank(v) or v in ("不适用",):
                continue  # blank values are the inapplicable_marked rule's business
            if rule.pass_regex is not None and rule.pass_regex.search(v):
                continue
            if v in levels:
                continue
            bad.append(r.label())
        return RuleResult(rule, not bad, bad)
    if c == "time_limits_concrete":
        bad = []
        for r in rows:
            if "时效" not in f"{r.level1} {r.level2}":
                continue
            v = _strip_comparator(r.value)
            if _is_blank(v) or v == "不适用":
                continue
            ok = rule.pass_regex is None or bool(rule.pass_regex.search(v))
            if rule.fail_regex is not None and rule.fail_regex.search(v):
                ok = False
            if not ok:
                bad.append(r.label())
        return RuleResult(rule, not bad, bad)
    if c == "basis_shown":
        bad = [f"“{r.name}”" for r in rows if _is_blank(r.basis) and _is_blank(r.standard)
               and _strip_comparator(r.value) != "不适用"]
        return RuleResult(rule, not bad, bad)
    if c == "level2_names":
        bad = []
        for r in rows:
            name = re.sub(r"\s*\(.*?\)\s*$", "", r.level2 or "").strip()
            if name and rule.pass_regex is not None and not rule.pass_regex.search(name) and f"“{name}”" not in bad:
                bad.append(f"“{name}”")
        return RuleResult(rule, not bad, bad)
    raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的审核检查：{check}"), check=c)  # pragma: no cover - parse_rules refuses unknown checks


def review(table: TargetTable, rules: list[Rule]) -> list[RuleResult]:
    """Run every rule on ``table``; results in rule order."""
    return [_check(r, table) for r in rules]


def working_paper_text(results: list[RuleResult], indicator: str) -> str:
    """The pre-filled working-paper text for ``indicator`` (绩效目标合理性 or 绩效指标明确性): a summary line,
    then one numbered line per rule with 通过/未通过 and its opinion, then the opinions to carry into the
    deduction reason."""
    mine = [r for r in results if r.rule.indicator == indicator]
    failed = [r for r in mine if not r.passed]
    lines = [f"{indicator}：绩效目标表规则审核，共{len(mine)}项，通过{len(mine) - len(failed)}项，"
             f"未通过{len(failed)}项。"]
    for i, r in enumerate(mine, start=1):
        lines.append(f"{i}. {r.rule.name}：{'通过' if r.passed else '未通过'}。{r.opinion}")
    if failed:
        lines.append("审核意见：" + "".join(r.opinion for r in failed))
    else:
        lines.append("审核意见：绩效目标表符合审核要求。")
    return "\n".join(lines)


def from_targets(targets: list[TargetIndicator], annual_target: str, version: str = "declared") -> TargetTable:
    """The target table of one version of the evaluation's :class:`TargetIndicator` rows, as written where
    the import kept it (``level1_label``, ``level2_label``, ``target_text``, ``kind``; migration m0031),
    otherwise rebuilt from the normalised columns (comparator + value + unit)."""
    rows = []
    for t in sorted((t for t in targets if t.version == version), key=lambda t: t.sort_order):
        written = (getattr(t, "target_text", "") or "").strip()
        value = written or ("" if not (t.value or "").strip() else f"{t.comparator}{t.value}{t.unit}".strip())
        rows.append(TargetRow(level1=getattr(t, "level1_label", "") or t.dimension,
                              level2=getattr(t, "level2_label", "") or t.subdimension, name=t.name, value=value,
                              standard=t.standard, basis="", kind=getattr(t, "kind", "") or ""))
    return TargetTable(annual_target or "", rows)


__all__ = [
    "CHECKS",
    "Rule",
    "RuleResult",
    "TargetRow",
    "TargetTable",
    "from_targets",
    "parse_rules",
    "review",
    "working_paper_text",
]
