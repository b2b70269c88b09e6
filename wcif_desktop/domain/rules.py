"""Scoring rule types (评分标准) that compute a level-3 indicator's score and its deduction reason (扣分原因).

Rule type and parameters live on :class:`~wcif_desktop.domain.model.Indicator` as ``rule_type`` and
``rule_params`` (JSON text). Numbers in the JSON may be numbers or strings; they are read as :class:`Decimal`
exactly (never floats). Where a parameter is a number of points it may also be written ``"40%"``: a share of the
indicator's weight, so a template keeps its meaning when the indicator is reweighted.

Rule types (all scores in points, in [0, weight], rounded half-up to two decimals):

``manual``
    The evaluator enters score and reason (财预〔2020〕10号: qualitative indicators judged against 评价要点).
    Params: none. :func:`evaluate` returns ``None`` — nothing to compute.
``ratio``  (比率法; self-evaluation practice, FRAMEWORK.md §0 “local variant”)
    ``{"actual": "95", "target": "100", "direction": "higher"|"lower", "unit": "%"}``;
    higher is better: actual ÷ target × weight; lower is better (reverse indicator): target ÷ actual × weight;
    capped at the weight. ``"metric": KEY`` instead of ``actual`` takes the value from computed metrics.
``bands``  (区间赋分)
    ``{"metric"|"actual": …, "bands": [[threshold, points], …], "direction": "higher"|"lower", "abs": false,
    "else": "0"}``. higher: the first band whose threshold ≤ value (thresholds taken high to low); lower: the
    first band whose threshold ≥ value (taken low to high); otherwise ``else`` (default 0). ``abs`` compares
    the absolute value (e.g. a deviation rate of −12 % counts as 12 %).
``deductions``  (扣分制)
    ``{"per": "0.5", "items": [{"text": "…", "count": 2, "per": "1"}], "max": "…"}``: weight minus Σ count × per
    (item ``per`` overrides the rule's), never below 0.
``checklist``  (要点得分)
    ``{"items": [{"text": "…", "points": "1"|"25%", "met": true|false|null}]}``: each satisfied element earns
    its points (elements without ``points`` share the weight equally); ``met: null`` means not yet assessed,
    and the indicator stays unscored until every element is assessed.
``metric``
    ``{"metric": KEY, "method": "ratio"|"bands", …}``: a ratio or bands rule fed by a computed metric (budget
    execution/deviation rate from the finance data, satisfaction/awareness rate from surveys), so a change in
    the data moves the score. ``ratio``/``bands`` with a ``metric`` key behave the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from operator import itemgetter
from typing import Any, NamedTuple

from .errors import QT_TRANSLATE_NOOP, ValidationError
from .money import CENT, HUNDRED, D

RULE_TYPES: dict[str, str] = {
    "manual": "人工评分",
    "ratio": "比率法（实际值÷目标值）",
    "bands": "区间赋分",
    "deductions": "扣分制（按次扣分）",
    "checklist": "要点得分",
    "metric": "数据驱动（计算指标）",
}

ZERO = Decimal(0)


class RuleResult(NamedTuple):
    """Outcome of one rule (immutable; a named tuple, as one is made per rule and recompute).

    ``score`` is points in [0, weight] (two decimals) or ``None`` when the inputs are missing (``missing`` names
    them); ``reason`` is the generated deduction reason (empty at full marks); ``detail`` explains the sum.
    """

    score: Decimal | None
    reason: str = ""
    detail: str = ""
    missing: tuple[str, ...] = ()


_DECODER = json.JSONDecoder(parse_float=Decimal, parse_int=Decimal)  # one decoder, made once (not per rule)
_SCAN = _DECODER.scan_once


def _loads(text) -> Any:
    """``json.loads(text, parse_float=Decimal, parse_int=Decimal)``, without building a decoder per call.

    The fast path scans a text that is one JSON object from its first to its last character (as
    :func:`dump_params` writes it); anything else, and every error, goes through :func:`json.loads`, so the
    result and the error raised are the same as its.
    """
    if text.__class__ is str and text[:1] == "{":
        try:
            value, end = _SCAN(text, 0)
        except Exception:  # noqa: BLE001 - json.loads below raises the error it would raise
            pass
        else:
            if end == len(text):
                return value
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def parse_params(text: str | Mapping | None) -> dict:
    """``rule_params`` JSON text → dict (JSON numbers read as Decimal).

    Raises:
        ValidationError: the text is not a JSON object.
    """
    if text is None or text == "":
        return {}
    if text.__class__ is not str and isinstance(text, Mapping):
        return dict(text)
    try:
        value = _loads(text)
    except json.JSONDecodeError as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数不是有效的 JSON（第{line}行第{column}列）：{reason}"),
                              line=e.lineno, column=e.colno, reason=e.msg) from None
    if not isinstance(value, dict):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数应为 JSON 对象，例如 {\"target\": \"100\"}"))
    return value


def dump_params(params: Mapping) -> str:
    """dict → canonical JSON text; Decimals are written as strings so they stay exact."""
    return json.dumps(params, ensure_ascii=False, sort_keys=True, default=str)


def _num(value, what: str) -> Decimal:
    if value.__class__ is Decimal:
        return value
    if isinstance(value, str):
        d = _NUMBERS.get(value)
        if d is not None:
            return d
        try:
            d = Decimal(value)
            if d.is_finite():
                if len(_NUMBERS) >= _MEMO_LIMIT:
                    _NUMBERS.clear()
                _NUMBERS[value] = d
                return d
        except InvalidOperation:
            pass
    elif isinstance(value, Decimal):
        return value
    try:
        return D(value)
    except ValidationError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分规则参数“{name}”不是数值：{value}"), name=what,
                              value=repr(value)) from None


def _points(value, weight: Decimal, what: str) -> Decimal:
    """Points, or a share of the weight when written ``"40%"``."""
    if isinstance(value, str):
        share = _SHARES.get(value)  # the number of a "40%" text, read before
        if share is not None:
            return weight * share / HUNDRED
        text = value.strip()
        if text.endswith("%"):
            share = _num(text[:-1], what)
            if len(_SHARES) >= _MEMO_LIMIT:
                _SHARES.clear()
            _SHARES[value] = share
            return weight * share / HUNDRED
    return _num(value, what)


# Numbers in texts: rounded half-up to two decimals. str() of a value quantized to 0.01 is the same text as
# format(value, "f") (its exponent is -2, so never scientific notation) and is faster; f"{value!s}" is str(value)
# without a call of the name str.
def _fmt(value: Decimal, unit: str = "") -> str:
    return f"{value.quantize(CENT, ROUND_HALF_UP)!s}{unit}"


ONE = Decimal(1)
ZERO_POINTS = ZERO.quantize(CENT)
_new_result = tuple.__new__  # _new_result(RuleResult, (score, reason, detail, missing)): no Python-level __new__
_first = itemgetter(0)


def _clamp(score: Decimal, weight: Decimal) -> Decimal:
    score = score.quantize(CENT, ROUND_HALF_UP)
    if score > weight:
        return weight
    if score < ZERO:
        return ZERO_POINTS
    return score


def _finish(raw: Decimal, weight: Decimal) -> tuple[Decimal, str]:
    """``(_clamp(raw, weight), "得…分，扣…分。")``: the score and the text stating it and the deduction (points,
    two decimals), the score quantized once."""
    score = shown = raw.quantize(CENT, ROUND_HALF_UP)
    if score > weight:
        score, shown = weight, weight.quantize(CENT, ROUND_HALF_UP)
    elif score < ZERO:
        score = shown = ZERO_POINTS
    return score, f"得{shown!s}分，扣{(weight - score).quantize(CENT, ROUND_HALF_UP)!s}分。"


def _lacking(missing: tuple) -> RuleResult:
    return _new_result(RuleResult, (None, "", "缺少数据：" + "、".join(missing), missing))


def _ratio(params, weight, metrics, labels) -> RuleResult:
    # _value() inlined (one call per rule): the metric's value or the typed ``actual``
    get = params.get
    key = get("metric")
    if key:
        label = get("label") or labels.get(key, key)
        value = metrics.get(key)
        if value is None:
            missing = (key,)
        else:
            value, missing = _num(value, key), ()
    else:
        label = get("label") or "实际值"
        value = get("actual")
        if value is None or value == "":
            missing = ("actual",)
        else:
            value, missing = _num(value, "actual"), ()
    target = get("target")
    if target is None or target == "":
        missing = missing + ("target",)
    if missing:
        return _lacking(missing)
    target = _num(target, "target")
    unit = get("unit", "")
    lower = get("direction", "higher") == "lower"
    if lower:
        share = ONE if value <= target else (target / value if value else ONE)
        formula = "目标值÷实际值"
    else:
        if target <= ZERO:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "比率法的目标值须大于0"))
        share = value / target
        if ONE < share:  # min(share, ONE)
            share = ONE
        formula = "实际值÷目标值"
    if share < ZERO:
        share = ZERO
    # _finish() inlined: the score clamped to [0, weight], quantized once
    score = shown = (weight * share).quantize(CENT, ROUND_HALF_UP)
    if score > weight:
        score, shown = weight, weight.quantize(CENT, ROUND_HALF_UP)
    elif score < ZERO:
        score = shown = ZERO_POINTS
    deduction = f"得{shown!s}分，扣{(weight - score).quantize(CENT, ROUND_HALF_UP)!s}分。"
    value_text = f"{value.quantize(CENT, ROUND_HALF_UP)!s}{unit}"
    target_text = f"{target.quantize(CENT, ROUND_HALF_UP)!s}{unit}"
    detail = (f"{label}{value_text}，目标值{target_text}，按{formula}×分值计，"
              f"完成比例{(share * HUNDRED).quantize(CENT, ROUND_HALF_UP)!s}%，{deduction}")
    if score >= weight:
        return _new_result(RuleResult, (score, "", detail, ()))
    verb = "高于" if lower else "未达到"
    return _new_result(RuleResult, (score, f"{label}{value_text}，{verb}目标值{target_text}，{deduction}", detail, ()))


def _bands(params, weight, metrics, labels) -> RuleResult:
    # _value() inlined (one call per rule): the metric's value or the typed ``actual``
    get = params.get
    key = get("metric")
    if key:
        label = get("label") or labels.get(key, key)
        value = metrics.get(key)
        if value is None:
            return _lacking((key,))
        value = _num(value, key)
    else:
        label = get("label") or "实际值"
        value = get("actual")
        if value is None or value == "":
            return _lacking(("actual",))
        value = _num(value, "actual")
    bands = get("bands") or []
    if not bands:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "区间赋分规则缺少区间（bands）"))
    unit = get("unit", "")
    if get("abs"):
        value = abs(value)
        label = f"{label}（绝对值）"
    lower = get("direction", "higher") == "lower"
    parsed = [(_num(t, "bands"), p) for t, p in bands]
    if len(parsed) > 1:
        parsed.sort(key=_first, reverse=not lower)
    points = None
    for k, (threshold, p) in enumerate(parsed):
        if (value <= threshold) if lower else (value >= threshold):
            points = _points(p, weight, "bands")
            if k:
                where = (f"{'高于' if lower else '低于'}{parsed[k - 1][0].quantize(CENT, ROUND_HALF_UP)!s}{unit}、"
                         f"{'不高于' if lower else '不低于'}{threshold.quantize(CENT, ROUND_HALF_UP)!s}{unit}")
            else:
                where = f"{'不高于' if lower else '不低于'}{threshold.quantize(CENT, ROUND_HALF_UP)!s}{unit}"
            break
    if points is None:
        points = _points(get("else", "0"), weight, "else")
        where = f"{'高于' if lower else '低于'}{parsed[-1][0].quantize(CENT, ROUND_HALF_UP)!s}{unit}"
    # _finish() inlined: the score clamped to [0, weight], quantized once
    score = shown = points.quantize(CENT, ROUND_HALF_UP)
    if score > weight:
        score, shown = weight, weight.quantize(CENT, ROUND_HALF_UP)
    elif score < ZERO:
        score = shown = ZERO_POINTS
    text = (f"{label}{value.quantize(CENT, ROUND_HALF_UP)!s}{unit}，{where}，"
            f"得{shown!s}分，扣{(weight - score).quantize(CENT, ROUND_HALF_UP)!s}分。")
    return _new_result(RuleResult, (score, "" if score >= weight else text, text, ()))


def _times(count: Decimal) -> str:
    """A count as written in a reason: 2 → “2”, 1.5 → “1.5” (two decimals, trailing zeros dropped)."""
    return str(count.quantize(CENT, ROUND_HALF_UP)).rstrip("0").rstrip(".")


def _deductions(params, weight, metrics, labels) -> RuleResult:
    get = params.get
    per_default = get("per", "0")
    items = get("items") or []
    parts, total = [], ZERO
    for it in items:
        count = _num(it.get("count", 0), "count")
        if count < ZERO:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "扣分次数不能为负数：{item}"), item=it.get("text", ""))
        if count == ZERO:
            continue
        ded = count * _points(it.get("per", per_default), weight, "per")
        total += ded
        parts.append(f"{it.get('text', '扣分事项')}{_times(count)}次，扣{ded.quantize(CENT, ROUND_HALF_UP)!s}分")
    if "count" in params:
        count = _num(params["count"], "count")
        if count > ZERO:
            ded = count * _points(per_default, weight, "per")
            total += ded
            parts.append(f"{get('text', '扣分事项')}{_times(count)}次，扣{ded.quantize(CENT, ROUND_HALF_UP)!s}分")
    most = get("max")
    if most is not None and most != "":
        total = min(total, _points(most, weight, "max"))
    if not parts:
        return _new_result(RuleResult, (_clamp(weight - total, weight), "", "无扣分事项。", ()))
    score, deduction = _finish(weight - total, weight)
    text = "；".join(parts) + f"；合计{deduction}"
    if weight - total < ZERO:
        text += "（扣分以分值为限，最低0分）"
    return _new_result(RuleResult, (score, text if score < weight else "", text, ()))


def _checklist(params, weight, metrics, labels) -> RuleResult:
    items = params.get("items") or []
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要点得分规则缺少要点（items）"))
    # each element's own points (None: a share of the rest), read once, in order (the first bad one raises);
    # in the same pass, the sum of the points given and the elements not yet assessed
    own = []
    given, implicit, pending = ZERO, 0, None
    for it in items:
        p = it.get("points")
        if p is None or p == "":
            own.append(None)
            implicit += 1
        else:
            p = _points(p, weight, "points")
            own.append(p)
            given += p
        if it.get("met") is None:
            if pending is None:
                pending = []
            pending.append(it.get("text", ""))
    share = (weight - given) / implicit if implicit else ZERO
    if pending:
        return _new_result(RuleResult, (None, "", f"尚有{len(pending)}个要点未评定", tuple(pending)))
    earned, unmet = ZERO, []
    for n, (it, pts) in enumerate(zip(items, own), start=1):
        if pts is None:
            pts = share
        if it.get("met"):
            earned += pts
        else:
            note = f"（{it['note']}）" if it.get("note") else ""
            unmet.append(f"{_circled(n)}{it.get('text', '')}{note}，扣{pts.quantize(CENT, ROUND_HALF_UP)!s}分")
    if not unmet:
        return _new_result(RuleResult, (_clamp(earned, weight), "", "各要点均满足。", ()))
    score, deduction = _finish(earned, weight)
    text = "未满足的要点：" + "；".join(unmet) + f"。{deduction}"
    return _new_result(RuleResult, (score, text if score < weight else "", text, ()))


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

# Memos of evaluate() for JSON-text params (plain dicts; emptied when full, so memory stays bounded):
# params text → the metric key it names (or None), and
# (rule type, params text, weight as text, metric key, metric value, metric label) → RuleResult.
# The parsed params themselves are not kept: a rule's text is parsed again only when its result is not memoised
# (then it is evaluated anyway), so a sheet's rules hold no parsed JSON trees between recomputes.
_KEYS: dict[str, Any] = {}
# number text → its Decimal (Decimals are immutable: one object serves every rule that writes "100" or "0.5")
_NUMBERS: dict[str, Decimal] = {}
_SHARES: dict[str, Decimal] = {}  # "40%" text → Decimal(40) (the weight's share in %)
_RESULTS: dict[tuple, RuleResult] = {}
_MEMO_LIMIT = 16384
_UNSEEN = object()
_NOTHING: dict = {}  # the metrics and labels passed to a rule that reads none (evaluators only read them)


def clear_caches() -> None:
    """Forget every memoised parse and rule result (the next :func:`evaluate` of each rule starts cold)."""
    _KEYS.clear()
    _RESULTS.clear()
    _NUMBERS.clear()
    _SHARES.clear()


def evaluate(rule_type: str, params: Mapping[str, Any] | str | None, weight: Decimal,
             metrics: Mapping[str, Decimal] | None = None,
             labels: Mapping[str, str] | None = None) -> RuleResult | None:
    """Apply a rule to an indicator of ``weight`` points.

    ``params`` is the ``rule_params`` JSON text (or a dict); ``metrics`` are the computed metrics
    (``services.metrics.compute_metrics``: rates in %, months); ``labels`` give their Chinese names for the
    generated reason. Returns ``None`` for ``manual`` rules.

    Results for JSON-text params are memoised on (rule type, params text, weight, the one metric value the rule
    reads), so recomputing a sheet where little changed costs a dictionary look-up per indicator; each params
    text is parsed when its result is not memoised (:func:`clear_caches` forgets the memos).

    Raises:
        ValidationError: unknown rule type or malformed parameters.
    """
    evaluator = _EVALUATORS.get(rule_type)
    if evaluator is None:
        if rule_type in ("", "manual", None):
            return None
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的评分规则类型：{rule_type}（可用：{available}）"), rule_type=rule_type,
                              available="、".join(RULE_TYPES))
    if weight.__class__ is not Decimal:
        weight = weight if isinstance(weight, Decimal) else D(weight)
    if params.__class__ is str or params is None:
        text = params or "{}"
        parsed = None
        key = _KEYS.get(text, _UNSEEN)
        if key is _UNSEEN:
            # parse_params(text), its fast path inlined: a text that is one JSON object from its first to its
            # last character; anything else (and every error) goes through parse_params
            try:
                parsed, end = _SCAN(text, 0)
            except Exception:  # noqa: BLE001 - parse_params below raises the error it would raise
                parsed = None
            else:
                if end != len(text) or parsed.__class__ is not dict:
                    parsed = None
            if parsed is None:
                parsed = parse_params(text)
            key = parsed.get("metric")
            if len(_KEYS) >= _MEMO_LIMIT:
                _KEYS.clear()
            _KEYS[text] = key
        # the weight as text: 5 and 5.0 are equal Decimals but a score clamped to the weight keeps its digits
        # (and a str hashes faster than a Decimal, whose hash is computed anew for each new weight object)
        if key:  # the one metric the rule reads, its value and its label are part of the key
            value = metrics.get(key) if metrics else None
            label = labels.get(key) if labels else None
            memo_key = (rule_type, text, f"{weight!s}", key, value, label)
        else:
            memo_key = (rule_type, text, f"{weight!s}")
        result = _RESULTS.get(memo_key)
        if result is None:
            if parsed is None:
                parsed = parse_params(text)
            if key:
                result = evaluator(parsed, weight, {key: value} if value is not None else _NOTHING,
                                   {key: label} if label else _NOTHING)
            else:
                result = evaluator(parsed, weight, _NOTHING, _NOTHING)
            if len(_RESULTS) >= _MEMO_LIMIT:
                _RESULTS.clear()
            _RESULTS[memo_key] = result
        return result
    return evaluator(dict(params), weight, metrics or {}, labels or {})


def uses_metrics(rule_type: str, params: Mapping) -> tuple[str, ...]:
    """Metric keys a rule reads (empty for rules on typed values)."""
    key = params.get("metric") if rule_type in ("ratio", "bands", "metric") else None
    return (key,) if key else ()


def validate_rule(rule_type: str, params: Mapping | str | None, weight: Decimal = Decimal(100)) -> None:
    """Check a rule's parameters can be applied (with any missing inputs allowed).

    Raises:
        ValidationError: naming the bad parameter.
    """
    p = parse_params(params)
    if rule_type in ("ratio", "bands", "metric"):
        probe = dict(p)
        metrics = {p["metric"]: Decimal(1)} if p.get("metric") else {}
        if not p.get("metric") and probe.get("actual") in (None, ""):
            probe["actual"] = "1"
        if rule_type == "ratio" and probe.get("target") in (None, ""):
            probe["target"] = "1"
        if rule_type == "metric" and probe.get("method", "ratio") == "ratio" and probe.get("target") in (None, ""):
            probe["target"] = "1"
        if probe.get("direction", "higher") not in ("higher", "lower"):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "方向（direction）应为 higher（越高越好）或 lower（越低越好）"))
        evaluate(rule_type, probe, weight, metrics)
    elif rule_type == "checklist":
        probe = dict(p, items=[dict(it, met=True) for it in p.get("items") or []])
        evaluate(rule_type, probe, weight)
        total = sum((_points(it["points"], D(weight), "points") for it in p["items"]
                     if it.get("points") not in (None, "")), ZERO)
        if total > D(weight):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "各要点分值合计 {total} 超过指标分值 {weight}"), total=_fmt(total),
                                  weight=_fmt(D(weight)))
    else:
        evaluate(rule_type, p, weight)
