"""A straightforward reference computation of rule results, panel rows and the score sheet: the code as it was
before the fast path (issue 21), kept here only as the oracle of tests/scoring/test_scoring_fast_path.py.

Every call parses the rule's JSON anew (json.loads), nothing is memoised, numbers are written with
format(value, "f"), the panel filters each indicator's scores and the tree is placed after one global sort.
Results are plain tuples (score, reason, detail, missing); errors are raised as the product raises them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from wcif_desktop.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from wcif_desktop.domain.money import CENT, HUNDRED, D, round2
from wcif_desktop.domain.panel import PANEL_METHODS, TRIM_MINIMUM
from wcif_desktop.domain.rules import RULE_TYPES

ZERO = Decimal(0)


def RuleResult(score, reason="", detail="", missing=()):  # noqa: N802 - stands in for the product's class
    return (score, reason, detail, missing)


def parse_params(text):
    if text is None or text == "":
        return {}
    if isinstance(text, Mapping):
        return dict(text)
    try:
        value = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数不是有效的 JSON（第{line}行第{column}列）：{reason}"),
                              line=e.lineno, column=e.colno, reason=e.msg) from None
    if not isinstance(value, dict):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数应为 JSON 对象，例如 {\"target\": \"100\"}"))
    return value


def _num(value, what: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            d = Decimal(value)
            if d.is_finite():
                return d
        except InvalidOperation:
            pass
    try:
        return D(value)
    except ValidationError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数“{name}”不是数值：{value}"), name=what,
                              value=repr(value)) from None


def _points(value, weight: Decimal, what: str) -> Decimal:
    """Points, or a share of the weight when written ``"40%"``."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return weight * _num(value.strip()[:-1], what) / HUNDRED
    return _num(value, what)


def _fmt(value: Decimal, unit: str = "") -> str:
    return f"{value.quantize(CENT, ROUND_HALF_UP):f}{unit}"


def _clamp(score: Decimal, weight: Decimal) -> Decimal:
    score = score.quantize(CENT, ROUND_HALF_UP)
    if score > weight:
        return weight
    if score < 0:
        return ZERO.quantize(CENT)
    return score


def _deduction_text(score: Decimal, weight: Decimal) -> str:
    return f"得{_fmt(score)}分，扣{_fmt(weight - score)}分。"


def _value(params: Mapping, metrics: Mapping[str, Decimal], labels: Mapping[str, str]):
    """(value, label, missing) for the rule's input: a metric or a typed ``actual``."""
    key = params.get("metric")
    if key:
        label = params.get("label") or labels.get(key, key)
        if metrics.get(key) is None:
            return None, label, (key,)
        return _num(metrics[key], key), label, ()
    label = params.get("label") or "实际值"
    if params.get("actual") in (None, ""):
        return None, label, ("actual",)
    return _num(params["actual"], "actual"), label, ()


def _ratio(params, weight, metrics, labels) -> RuleResult:
    value, label, missing = _value(params, metrics, labels)
    if params.get("target") in (None, ""):
        missing = missing + ("target",)
    if missing:
        return RuleResult(None, missing=missing, detail="缺少数据：" + "、".join(missing))
    target = _num(params["target"], "target")
    unit = params.get("unit", "")
    lower = params.get("direction", "higher") == "lower"
    if lower:
        share = Decimal(1) if value <= target else (target / value if value else Decimal(1))
        formula = "目标值÷实际值"
    else:
        if target <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "比率法的目标值须大于0"))
        share = min(value / target, Decimal(1))
        formula = "实际值÷目标值"
    share = max(share, ZERO)
    score = _clamp(weight * share, weight)
    detail = (f"{label}{_fmt(value, unit)}，目标值{_fmt(target, unit)}，"
              f"按{formula}×分值计，完成比例{_fmt(share * HUNDRED)}%，{_deduction_text(score, weight)}")
    if score >= weight:
        return RuleResult(score, "", detail)
    verb = "高于" if lower else "未达到"
    reason = f"{label}{_fmt(value, unit)}，{verb}目标值{_fmt(target, unit)}，{_deduction_text(score, weight)}"
    return RuleResult(score, reason, detail)


def _bands(params, weight, metrics, labels) -> RuleResult:
    value, label, missing = _value(params, metrics, labels)
    if missing:
        return RuleResult(None, missing=missing, detail="缺少数据：" + "、".join(missing))
    bands = params.get("bands") or []
    if not bands:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "区间赋分规则缺少区间（bands）"))
    unit = params.get("unit", "")
    if params.get("abs"):
        value = abs(value)
        label = f"{label}（绝对值）"
    lower = params.get("direction", "higher") == "lower"
    parsed = [(_num(t, "bands"), p) for t, p in bands]
    parsed.sort(key=lambda b: b[0], reverse=not lower)
    points, where = None, ""
    for k, (threshold, p) in enumerate(parsed):
        if (value <= threshold) if lower else (value >= threshold):
            points = _points(p, weight, "bands")
            where = f"{'不高于' if lower else '不低于'}{_fmt(threshold, unit)}"
            if k:
                where = f"{'高于' if lower else '低于'}{_fmt(parsed[k - 1][0], unit)}、{where}"
            break
    if points is None:
        points = _points(params.get("else", "0"), weight, "else")
        edge = parsed[-1][0]
        where = f"{'高于' if lower else '低于'}{_fmt(edge, unit)}"
    score = _clamp(points, weight)
    text = f"{label}{_fmt(value, unit)}，{where}，{_deduction_text(score, weight)}"
    return RuleResult(score, "" if score >= weight else text, text)


def _deductions(params, weight, metrics, labels) -> RuleResult:
    per_default = params.get("per", "0")
    items = params.get("items") or []
    parts, total = [], ZERO
    for it in items:
        count = _num(it.get("count", 0), "count")
        if count < 0:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "扣分次数不能为负数：{item}"), item=it.get("text", ""))
        if count == 0:
            continue
        per = _points(it.get("per", per_default), weight, "per")
        ded = count * per
        total += ded
        parts.append(f"{it.get('text', '扣分事项')}{_fmt(count).rstrip('0').rstrip('.')}次，扣{_fmt(ded)}分")
    if "count" in params:
        count = _num(params["count"], "count")
        if count > 0:
            ded = count * _points(per_default, weight, "per")
            total += ded
            parts.append(f"{params.get('text', '扣分事项')}{_fmt(count).rstrip('0').rstrip('.')}次，扣{_fmt(ded)}分")
    if params.get("max") not in (None, ""):
        total = min(total, _points(params["max"], weight, "max"))
    score = _clamp(weight - total, weight)
    if not parts:
        return RuleResult(score, "", "无扣分事项。")
    text = "；".join(parts) + f"；合计{_deduction_text(score, weight)}"
    if weight - total < 0:
        text += "（扣分以分值为限，最低0分）"
    return RuleResult(score, text if score < weight else "", text)


def _checklist(params, weight, metrics, labels) -> RuleResult:
    items = params.get("items") or []
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要点得分规则缺少要点（items）"))
    explicit = [it for it in items if it.get("points") not in (None, "")]
    rest = weight - sum((_points(it["points"], weight, "points") for it in explicit), ZERO)
    implicit = len(items) - len(explicit)
    share = rest / implicit if implicit else ZERO
    pending = [it.get("text", "") for it in items if it.get("met") is None]
    if pending:
        return RuleResult(None, detail=f"尚有{len(pending)}个要点未评定", missing=tuple(pending))
    earned, unmet = ZERO, []
    for n, it in enumerate(items, start=1):
        pts = _points(it["points"], weight, "points") if it.get("points") not in (None, "") else share
        if it.get("met"):
            earned += pts
        else:
            note = f"（{it['note']}）" if it.get("note") else ""
            unmet.append(f"{_circled(n)}{it.get('text', '')}{note}，扣{_fmt(pts)}分")
    score = _clamp(earned, weight)
    if not unmet:
        return RuleResult(score, "", "各要点均满足。")
    text = "未满足的要点：" + "；".join(unmet) + f"。{_deduction_text(score, weight)}"
    return RuleResult(score, text if score < weight else "", text)


def _circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"


def _metric(params, weight, metrics, labels) -> RuleResult:
    if not params.get("metric"):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "数据驱动规则缺少计算指标（metric）"))
    method = params.get("method", "ratio")
    if method not in ("ratio", "bands"):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "数据驱动规则的方法应为 ratio 或 bands：{method}"), method=method)
    return _EVALUATORS[method](params, weight, metrics, labels)


_EVALUATORS = {"ratio": _ratio, "bands": _bands, "deductions": _deductions, "checklist": _checklist,
               "metric": _metric}


def evaluate(rule_type, params, weight, metrics=None, labels=None):
    """(score, reason, detail, missing) of a rule, or None for manual rules (as rules.evaluate, unmemoised)."""
    if rule_type in ("", "manual", None):
        return None
    if rule_type not in _EVALUATORS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的评分规则类型：{rule_type}（可用：{available}）"),
                              rule_type=rule_type, available="、".join(RULE_TYPES))
    weight = weight if isinstance(weight, Decimal) else D(weight)
    if params is None or isinstance(params, str):
        p = parse_params(params or "{}")
        key = p.get("metric")
        value = metrics.get(key) if key and metrics else None
        label = labels.get(key) if key and labels else None
        return _EVALUATORS[rule_type](p, weight, {key: value} if key and value is not None else {},
                                      {key: label} if key and label else {})
    return _EVALUATORS[rule_type](dict(params), weight, metrics or {}, labels or {})


def panel_rows(indicator_ids, scores, method):
    """[(indicator id, {member: score}, spread, aggregate, consensus)] as domain.panel.panel_rows."""
    members, consensus = {}, {}
    for s in scores:
        if s.kind == "consensus":
            consensus[s.indicator_id] = s.score
        else:
            members.setdefault(s.indicator_id, {})[s.member_id] = s.score
    if method not in PANEL_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}（可用：{choices}）"),
                              method=method, choices="、".join(PANEL_METHODS))
    rows = []
    for iid in indicator_ids:
        mine = members.get(iid) or {}
        vals = [v for v in mine.values() if v is not None]
        cons = consensus.get(iid)
        lo = hi = agg = None
        if vals:
            lo, hi, total, n = min(vals), max(vals), sum(vals, Decimal(0)), len(vals)
            if method == "trimmed_mean" and n >= TRIM_MINIMUM:
                total, n = total - hi - lo, n - 2
            agg = (total / n).quantize(CENT, ROUND_HALF_UP)
        if method == "consensus":
            agg = None if cons is None else round2(cons)
        rows.append((iid, mine, None if lo is None else hi - lo, agg, cons))
    return rows


def sheet_order(indicators):
    """The tree as nested (indicator, [children…]) after one global sort, as build_sheet placed it."""
    children = {i.id: [] for i in indicators}
    roots = []
    for ind in sorted(indicators, key=lambda i: (i.level, i.sort_order)):
        if ind.parent_id and ind.parent_id in children:
            children[ind.parent_id].append(ind)
        else:
            roots.append(ind)

    def place(inds):
        return [(i, place(children[i.id])) for i in sorted(inds, key=lambda i: i.sort_order)]

    return place(roots)
