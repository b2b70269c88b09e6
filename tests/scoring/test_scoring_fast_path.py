"""The fast scoring path (issue 21: one decoder, memos, grouped panel, sort-free tree) gives exactly what a
straightforward computation gives: rule scores (value and exponent), deduction reasons, details, missing inputs
and errors; panel spreads and aggregates; subtotals, total and grade of random frameworks.

The reference is tests/scoring/reference_scoring.py (the code as it was before the fast path).
"""

from __future__ import annotations

import json
from decimal import Decimal

import reference_scoring as ref
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.domain.panel import PanelScore, panel_rows
from wcif_desktop.domain.rules import clear_caches, dump_params, evaluate
from wcif_desktop.domain.scoring import DEFAULT_GRADE_BANDS, build_sheet, grade_for
from wcif_desktop.services.metrics import metric_labels
from wcif_desktop.services.scoring import apply_rules

KEYS = ["satisfaction_rate", "expenditure_deviation_rate", "coverage_months", "unknown_rate"]

decimals = st.decimals(min_value=-500, max_value=20000, places=3, allow_nan=False, allow_infinity=False)
number = st.one_of(decimals.map(str), decimals, st.integers(-5, 200),
                   st.sampled_from(["0", "1e2", "0.005", "99.995", " 7 ", "abc", "", "1,000", "-0"]),
                   st.sampled_from([True, None, [1]]))
points = st.one_of(number, st.integers(0, 120).map(lambda n: f"{n}%"), st.sampled_from([" 50 % ", "x%", "%"]))
weights = st.one_of(st.decimals(min_value=0, max_value=30, places=2), st.sampled_from([Decimal("5"), Decimal("3.333"),
                                                                                      2, "2.5"]))
metric_values = st.dictionaries(st.sampled_from(KEYS[:3]), st.one_of(
    st.none(), st.decimals(min_value=-300, max_value=300, places=2)), max_size=3)


def _opt(d: dict, key: str, strategy, p=True):
    return st.one_of(st.just(d), strategy.map(lambda v: dict(d, **{key: v})))


@st.composite
def rule_params(draw, rule_type: str) -> dict:
    p: dict = {}
    if rule_type in ("ratio", "bands", "metric"):
        for key, strat in [("metric", st.sampled_from(KEYS + [""])), ("actual", number), ("target", number),
                           ("direction", st.sampled_from(["higher", "lower", "lower", "sideways"])),
                           ("unit", st.sampled_from(["%", "个月", ""])), ("label", st.sampled_from(["完成率", ""])),
                           ("abs", st.sampled_from([True, False, 1])),
                           ("method", st.sampled_from(["ratio", "bands", "x"])),
                           ("bands", st.lists(st.tuples(number, points).map(list), max_size=5)),
                           ("else", points)]:
            if draw(st.booleans()):
                p[key] = draw(strat)
    elif rule_type == "deductions":
        item = st.fixed_dictionaries({"count": st.one_of(st.integers(-1, 10), number)},
                                     optional={"text": st.sampled_from(["资料缺失", ""]), "per": points})
        p["items"] = draw(st.lists(item, max_size=4))
        for key, strat in [("per", points), ("count", st.sampled_from([0, 1, 3, "2"])), ("text", st.just("总扣分")),
                           ("max", st.one_of(points, st.just("")))]:
            if draw(st.booleans()):
                p[key] = draw(strat)
    elif rule_type == "checklist":
        item = st.fixed_dictionaries(
            {"met": st.sampled_from([True, False, None, 1, 0, ""])},
            optional={"text": st.sampled_from(["要点甲", "要点乙"]), "points": st.one_of(points, st.just("")),
                      "note": st.sampled_from(["见底稿", ""])})
        p["items"] = draw(st.lists(item, max_size=22))
    return p


@st.composite
def rules(draw):
    rule_type = draw(st.sampled_from(["ratio", "bands", "deductions", "checklist", "metric", "manual", "", "bogus"]))
    params = draw(rule_params(rule_type))
    style = draw(st.sampled_from(["canonical", "canonical", "plain", "numbers", "broken"]))
    if style == "canonical":
        text = dump_params(params)
    elif style == "plain":  # not the canonical form: other key order, spaces
        text = " " + json.dumps(params, ensure_ascii=False, default=str) + " "
    elif style == "numbers":  # numbers as JSON numbers (read as exact decimals)
        text = json.dumps(json.loads(dump_params(params)), ensure_ascii=False).replace('"0.5"', "0.5")
    else:
        text = draw(st.sampled_from(["", "[]", "{bad", '{"a": 1} x', '\ufeff{}', '{"per": 0.5, "items": [{"count": 2.50}]}']))
    return rule_type, text


def outcome(fn):
    try:
        r = fn()
    except (ValidationError, ValueError, TypeError, AttributeError, ArithmeticError) as e:
        return type(e).__name__, str(e)
    if r is None:
        return None
    score, reason, detail, missing = r
    return repr(score), reason, detail, missing


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules(), weights, metric_values, st.booleans())
def test_rule_results_equal_the_reference(rule, weight, metrics, with_labels):
    rule_type, text = rule
    labels = metric_labels() if with_labels else None
    clear_caches()
    expected = outcome(lambda: ref.evaluate(rule_type, text, weight, metrics, labels))
    assert outcome(lambda: evaluate(rule_type, text, weight, metrics, labels)) == expected  # cold
    assert outcome(lambda: evaluate(rule_type, text, weight, metrics, labels)) == expected  # memoised
    try:
        params = ref.parse_params(text)
    except ValidationError:
        return
    assert (outcome(lambda: evaluate(rule_type, params, weight, metrics, labels))
            == outcome(lambda: ref.evaluate(rule_type, params, weight, metrics, labels)))


def test_a_memoised_result_keeps_the_digits_of_its_own_weight():
    """5 and 5.0 points are equal weights, but a score clamped to the weight is that weight as written."""
    clear_caches()
    text = dump_params({"actual": "9", "bands": [["5", "6"]]})  # 6 points above the weight: clamped to it
    for weight in (Decimal("5"), Decimal("5.0"), Decimal("5"), Decimal("5.00")):
        got = evaluate("bands", text, weight)
        assert repr(got.score) == repr(ref.evaluate("bands", text, weight, {}, None)[0]) == repr(weight)


@st.composite
def frameworks(draw):
    """A random tree (levels 1–3, sort orders with ties) with rule-driven and manual leaves and panel scores."""
    inds: list[Indicator] = []
    leaves: list[Indicator] = []
    for a in range(draw(st.integers(0, 4))):
        l1 = Indicator(level=1, name=f"维度{a}", weight=Decimal(draw(st.integers(0, 40))),
                       sort_order=draw(st.integers(0, 3)))
        inds.append(l1)
        for b in range(draw(st.integers(0, 3))):
            l2 = Indicator(level=2, parent_id=l1.id, name=f"组{a}.{b}", weight=Decimal(5),
                           sort_order=draw(st.integers(0, 3)))
            inds.append(l2)
            for c in range(draw(st.integers(0, 5))):
                rule_type = draw(st.sampled_from(["manual", "ratio", "bands", "deductions", "checklist", "metric"]))
                params = draw(rule_params(rule_type)) if rule_type != "manual" else {}
                leaf = Indicator(level=draw(st.sampled_from([3, 3, 3, 2])),
                                 parent_id=draw(st.sampled_from([l2.id, l2.id, l1.id, "ghost"])),
                                 name=f"指标{a}.{b}.{c}", weight=draw(st.decimals(min_value=0, max_value=10, places=2)),
                                 rule_type=rule_type, rule_params=dump_params(params),
                                 sort_order=draw(st.integers(0, 3)))
                inds.append(leaf)
                leaves.append(leaf)
    inds = draw(st.permutations(inds))
    score = st.one_of(st.none(), *(st.decimals(min_value=0, max_value=3, places=places) for places in (0, 1, 2, 3)))
    panel = [PanelScore(indicator_id=leaf.id, member_id=f"m{m}", score=draw(score),
                        kind=draw(st.sampled_from(["member"] * 9 + ["consensus"])))
             for leaf in leaves for m in range(draw(st.integers(0, 8)))]
    return inds, panel


def _reference_sheet(inds, results, rows, bands):
    """Scores written into the indicators, subtotals, total and grade, computed the plain way."""
    agg = {r[0]: r[3] for r in rows if r[3] is not None}
    scores, reasons = {}, {}
    for ind in inds:
        scores[ind.id] = ind.score
        if ind.id in results:
            scores[ind.id], reasons[ind.id] = results[ind.id][0], results[ind.id][1]
        elif ind.id in agg:
            scores[ind.id] = agg[ind.id]
    subtotals, leaf_scores = {}, []

    def visit(node):
        ind, children = node
        if not children:
            s = scores[ind.id]
            leaf_scores.append(s)
        else:
            parts = [p for p in (visit(c) for c in children) if p is not None]
            s = sum(parts, Decimal(0)) if parts else None
        subtotals[ind.id] = None if s is None else ref.round2(s)
        return s

    tree = ref.sheet_order(inds)
    for root in tree:
        visit(root)
    total = ref.round2(sum((s for s in leaf_scores if s is not None), Decimal(0)))
    grade = next((name for lower, name in sorted(bands, reverse=True) if total >= lower), sorted(bands)[0][1])
    return scores, reasons, subtotals, total, grade, tree


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(frameworks(), metric_values, st.sampled_from(["mean", "trimmed_mean", "consensus"]),
       st.sampled_from([DEFAULT_GRADE_BANDS, ((Decimal(70), "甲"), (Decimal(0), "乙"), (Decimal(85), "特"))]))
def test_recompute_equals_the_reference(framework, metrics, method, bands):
    inds, panel = framework
    labels = metric_labels()
    leaf_ids = [i.id for i in inds if i.level == 3]
    clear_caches()
    parents = {i.parent_id for i in inds}
    driven = [i for i in inds if i.id not in parents and i.rule_type not in ("", "manual")]
    try:
        results = apply_rules(inds, metrics, labels)
    except (ValidationError, ValueError, TypeError, AttributeError, ArithmeticError) as e:
        # the same first error as the reference, indicator by indicator; then go on as if all were manual
        first = next(err for err in (outcome(lambda i=i: ref.evaluate(i.rule_type, i.rule_params, i.weight, metrics,
                                                                      labels)) for i in driven)
                     if err is not None and len(err) == 2)  # (error type, message), not a result
        assert first == (type(e).__name__, str(e))
        results, expected_results = {}, {}
    else:
        expected_results = {i.id: ref.evaluate(i.rule_type, i.rule_params, i.weight, metrics, labels) for i in driven}
        assert {k: outcome(lambda v=v: v) for k, v in results.items()} == {
            k: outcome(lambda v=v: v) for k, v in expected_results.items() if v is not None}
        expected_results = {k: v for k, v in expected_results.items() if v is not None}

    rows = panel_rows(leaf_ids, panel, method)
    expected_rows = ref.panel_rows(leaf_ids, panel, method)
    assert [(r.indicator_id, r.scores, repr(r.spread), repr(r.aggregate), repr(r.consensus)) for r in rows] == [
        (r[0], r[1], repr(r[2]), repr(r[3]), repr(r[4])) for r in expected_rows]

    scores, reasons, subtotals, total, grade, tree = _reference_sheet(inds, expected_results, expected_rows, bands)
    agg = {r.indicator_id: r.aggregate for r in rows if r.aggregate is not None}
    for ind in inds:  # as a recompute writes them
        if ind.id in results:
            ind.score, ind.deduction_reason = results[ind.id].score, results[ind.id].reason
        elif ind.id in agg:
            ind.score = agg[ind.id]
    sheet = build_sheet(inds, bands)

    def shape(nodes):
        return [(n.indicator.id, shape(n.children)) for n in nodes]

    def ref_shape(nodes):
        return [(i.id, ref_shape(children)) for i, children in nodes]

    assert shape(sheet.roots) == ref_shape(tree)
    assert {i.id: repr(i.score) for i in inds} == {k: repr(v) for k, v in scores.items()}
    assert {k: v for k, v in ((i.id, i.deduction_reason) for i in inds) if k in reasons} == reasons
    assert {k: repr(v) for k, v in sheet.node_scores().items()} == {k: repr(v) for k, v in subtotals.items()}
    assert repr(sheet.total()) == repr(total)
    assert sheet.grade() == grade == grade_for(total, bands)
