"""Rule types (domain/rules.py): examples and hypothesis properties. Decimal only."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.rules import RULE_TYPES, dump_params, evaluate, parse_params, validate_rule

W = Decimal(4)


def test_manual_rule_computes_nothing():
    assert evaluate("manual", "{}", W) is None


def test_ratio_higher_is_better_caps_at_weight():
    r = evaluate("ratio", {"actual": "95", "target": "100", "unit": "%"}, W)
    assert r.score == Decimal("3.80")
    assert "95.00%" in r.reason and "扣0.20分" in r.reason
    full = evaluate("ratio", {"actual": "120", "target": "100"}, W)
    assert full.score == W and full.reason == ""


def test_ratio_lower_is_better_uses_target_over_actual():
    r = evaluate("ratio", {"actual": "125", "target": "100", "direction": "lower"}, Decimal(5))
    assert r.score == Decimal("4.00")
    assert "高于目标值" in r.reason
    assert evaluate("ratio", {"actual": "80", "target": "100", "direction": "lower"}, Decimal(5)).score == 5
    assert evaluate("ratio", {"actual": "0", "target": "100", "direction": "lower"}, Decimal(5)).score == 5


def test_ratio_missing_input_leaves_unscored():
    r = evaluate("ratio", {"target": "100"}, W)
    assert r.score is None and r.missing == ("actual",)


def test_bands_higher_and_lower_with_abs():
    bands = {"metric": "satisfaction_rate", "bands": [["90", "100%"], ["80", "70%"]], "else": "0", "unit": "%"}
    assert evaluate("bands", bands, Decimal(10), {"satisfaction_rate": Decimal(92)}).score == 10
    r = evaluate("bands", bands, Decimal(10), {"satisfaction_rate": Decimal(85)}, {"satisfaction_rate": "满意度"})
    assert r.score == Decimal("7.00") and r.reason.startswith("满意度85.00%，低于90.00%、不低于80.00%")
    assert evaluate("bands", bands, Decimal(10), {"satisfaction_rate": Decimal("79.99")}).score == 0
    dev = {"metric": "d", "abs": True, "direction": "lower", "bands": [["5", "4"], ["10", "2"]], "else": "0"}
    assert evaluate("bands", dev, W, {"d": Decimal("-4.5")}).score == 4
    assert evaluate("bands", dev, W, {"d": Decimal(-7)}).score == 2
    assert evaluate("bands", dev, W, {"d": Decimal("53.06")}).score == 0


def test_bands_points_capped_at_weight():
    r = evaluate("bands", {"actual": "1", "bands": [["0", "9"]]}, W)
    assert r.score == W


def test_deductions_per_occurrence_floor_zero():
    p = {"per": "0.5", "items": [{"text": "资料未归档", "count": 2}, {"text": "审批缺失", "count": 1, "per": "1"}]}
    r = evaluate("deductions", p, W)
    assert r.score == Decimal("2.00")
    assert "资料未归档2次，扣1.00分" in r.reason and "审批缺失1次，扣1.00分" in r.reason
    many = evaluate("deductions", {"per": "1", "items": [{"text": "违规", "count": 9}]}, W)
    assert many.score == 0 and "最低0分" in many.reason
    none = evaluate("deductions", {"per": "1", "items": []}, W)
    assert none.score == W and none.reason == ""
    with pytest.raises(ValidationError):
        evaluate("deductions", {"items": [{"count": -1}]}, W)


def test_checklist_each_met_element_earns_its_points():
    items = [{"text": "有绩效目标", "points": "40%", "met": True},
             {"text": "相关性", "points": "20%", "met": False, "note": "目标与工作内容脱节"},
             {"text": "业绩水平", "points": "20%", "met": True},
             {"text": "与资金量匹配", "points": "20%", "met": True}]
    r = evaluate("checklist", {"items": items}, Decimal(3))
    assert r.score == Decimal("2.40")
    assert "②相关性（目标与工作内容脱节），扣0.60分" in r.reason
    equal = evaluate("checklist", {"items": [{"text": "a", "met": True}, {"text": "b", "met": False},
                                             {"text": "c", "met": True}]}, Decimal(3))
    assert equal.score == Decimal(2)
    pending = evaluate("checklist", {"items": [{"text": "a", "met": True}, {"text": "b"}]}, W)
    assert pending.score is None


def test_metric_rule_moves_with_data():
    p = {"metric": "expenditure_execution_rate", "method": "ratio", "target": "100", "unit": "%"}
    labels = {"expenditure_execution_rate": "支出预算执行率"}
    low = evaluate("metric", p, W, {"expenditure_execution_rate": Decimal(80)}, labels)
    high = evaluate("metric", p, W, {"expenditure_execution_rate": Decimal(95)}, labels)
    assert low.score == Decimal("3.20") and high.score == Decimal("3.80")
    assert low.reason.startswith("支出预算执行率80.00%")
    assert evaluate("metric", p, W, {}).score is None


def test_params_json_is_exact_and_validated():
    p = parse_params('{"target": 0.1, "actual": "0.3"}')
    assert p["target"] == Decimal("0.1")
    assert parse_params(dump_params(p)) == {"target": "0.1", "actual": "0.3"}
    with pytest.raises(ValidationError, match="JSON"):
        parse_params("{target: 1}")
    with pytest.raises(ValidationError, match="未知的评分规则类型"):
        evaluate("magic", {}, W)
    with pytest.raises(ValidationError, match="超过指标分值"):
        validate_rule("checklist", {"items": [{"text": "a", "points": "3"}, {"text": "b", "points": "2"}]}, W)
    with pytest.raises(ValidationError, match="direction"):
        validate_rule("ratio", {"target": "1", "direction": "up"}, W)
    with pytest.raises(ValidationError, match="不是数值"):
        validate_rule("ratio", {"target": "abc"}, W)
    for t in RULE_TYPES:
        assert t in ("manual", "ratio", "bands", "deductions", "checklist", "metric")


weights = st.decimals(min_value=0, max_value=30, places=2)
values = st.decimals(min_value=-1000, max_value=1000, places=2)
positive = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2)


def _bounded(r, weight):
    assert r.score is not None
    assert Decimal(0) <= r.score <= weight
    assert r.score == r.score.quantize(Decimal("0.01"))
    assert bool(r.reason) == (r.score < weight)


@given(weights, values, positive, st.sampled_from(["higher", "lower"]))
def test_ratio_always_within_bounds(weight, actual, target, direction):
    r = evaluate("ratio", {"actual": str(actual), "target": str(target), "direction": direction}, weight)
    _bounded(r, weight)


@given(weights, positive, positive)
def test_ratio_is_monotone_in_actual(weight, a, b):
    lo, hi = sorted((a, b))
    s1 = evaluate("ratio", {"actual": str(lo), "target": "100"}, weight).score
    s2 = evaluate("ratio", {"actual": str(hi), "target": "100"}, weight).score
    assert s1 <= s2


@given(weights, values, st.lists(st.tuples(values, st.decimals(min_value=0, max_value=40, places=2)),
                                 min_size=1, max_size=5), st.booleans(), st.booleans())
def test_bands_always_within_bounds(weight, value, bands, lower, use_abs):
    p = {"actual": str(value), "bands": [[str(t), str(p)] for t, p in bands],
         "direction": "lower" if lower else "higher", "abs": use_abs}
    _bounded(evaluate("bands", p, weight), weight)


@given(weights, st.lists(st.tuples(st.integers(0, 20), st.decimals(min_value=0, max_value=5, places=2)),
                         max_size=6))
def test_deductions_floor_and_sum(weight, occurrences):
    items = [{"text": f"事项{k}", "count": c, "per": str(p)} for k, (c, p) in enumerate(occurrences)]
    r = evaluate("deductions", {"items": items}, weight)
    _bounded(r, weight)
    expected = max(Decimal(0), weight - sum((c * p for c, p in occurrences), Decimal(0)))
    assert r.score == expected.quantize(Decimal("0.01"))


@given(weights, st.lists(st.booleans(), min_size=1, max_size=8))
def test_checklist_equal_shares(weight, mets):
    items = [{"text": f"要点{k}", "met": m} for k, m in enumerate(mets)]
    r = evaluate("checklist", {"items": items}, weight)
    _bounded(r, weight)
    if all(mets):
        assert r.score == weight
    if not any(mets):
        assert r.score == 0
