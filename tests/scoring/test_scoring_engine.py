"""Metrics → rules → scores, citations and readiness, grade bands per evaluation, totals and rounding."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import FinanceLine, Indicator
from wcif_desktop.domain.money import round2, wan_to_yuan
from wcif_desktop.domain.scoring import DEFAULT_GRADE_BANDS, bands_sentence, build_sheet, grade_for, sheet_for
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import frameworks as fw
from wcif_desktop.services import metrics, scoring


def _by_name(ef, name):
    return next(i for i in ef.records(Indicator) if i.name == name)


def test_sample_metrics_from_finance(bare_sample_file):
    m = metrics.compute_metrics(bare_sample_file)
    assert m["income_execution_rate"] == Decimal("112.30")
    assert m["expenditure_execution_rate"] == Decimal("153.06")
    assert m["expenditure_deviation_rate"] == Decimal("53.06")
    assert m["coverage_months"] == Decimal("66.77")
    assert "satisfaction_rate" not in m  # supplied by the survey provider, not invented here


def test_hohhot_sample_still_totals_82_33_after_recompute(bare_sample_file):
    assert scoring.recompute(bare_sample_file).tables == {}  # all manual: nothing to change
    sheet = scoring.score_sheet(bare_sample_file)
    assert sheet.total() == Decimal("82.33") and sheet.grade() == "良"


def test_a_change_in_the_data_moves_the_score(bare_sample_file):
    ef = bare_sample_file
    fw.apply_template(ef, "gongshang-fund", replace=True)
    scoring.recompute(ef)
    exp = _by_name(ef, "基金支出预算执行率")
    assert exp.score == Decimal("0.00")
    assert exp.deduction_reason.startswith("支出预算偏差率（绝对值）53.06%，高于20.00%")
    assert _by_name(ef, "基金收入预算执行率").score == Decimal("2.00")  # |12.30 %| in the 10–20 % band
    assert _by_name(ef, "累计结余可支付月数").score == Decimal("6.00")
    assert _by_name(ef, "服务对象满意度").score is None  # no survey yet → not scored
    # the budget is corrected: expenditure budget 12,800 万元 → deviation 1.67 % → full marks
    line = ef.records(FinanceLine, "code = 'expenditure_total' AND fiscal_year = 2021")[0]
    svc.update_record(ef, FinanceLine, line.id, adjusted_budget=wan_to_yuan("12800"))
    ch = scoring.recompute(ef)
    exp = _by_name(ef, "基金支出预算执行率")
    assert exp.id in ch.tables["indicator"]
    assert exp.score == Decimal(4) and exp.deduction_reason == ""


def test_survey_provider_can_be_appended(bare_sample_file, monkeypatch):
    monkeypatch.setattr(metrics, "PROVIDERS", metrics.PROVIDERS + [lambda ef: {"satisfaction_rate": Decimal(86)}])
    fw.apply_template(bare_sample_file, "gongshang-fund", replace=True)
    scoring.recompute(bare_sample_file)
    sat = _by_name(bare_sample_file, "服务对象满意度")
    assert sat.score == Decimal("9.00") and sat.deduction_reason.startswith("满意度86.00%")


def test_prevention_share_and_contribution_rate_from_finance_lines(empty_eval):
    from wcif_desktop.services import finance

    ef = empty_eval
    for line in (FinanceLine(fiscal_year=2020, code="premium_income", name="工伤保险费收入",
                             actual=wan_to_yuan("10000")),
                 FinanceLine(fiscal_year=2021, code="premium_income", name="工伤保险费收入",
                             budget=wan_to_yuan("11000"), actual=wan_to_yuan("9900")),
                 FinanceLine(fiscal_year=2021, code="prevention_expenditure", name="工伤预防费", kind="expenditure",
                             actual=wan_to_yuan("350"))):
        svc.add_record(ef, line)
    m = metrics.compute_metrics(ef)
    assert m["contribution_collection_rate"] == Decimal("90.00")
    assert m["prevention_spending_share"] == Decimal("3.50")
    assert m["prevention_cap_usage"] == Decimal("116.67")  # 350 ÷ (10,000 × 3 %)
    fw.apply_template(ef, "gongshang-fund")
    scoring.recompute(ef)
    prev = _by_name(ef, "工伤预防费使用控制")
    assert prev.score == 0 and "工伤预防费占规定上限的比例116.67%，高于100.00%" in prev.deduction_reason
    assert _by_name(ef, "工伤保险费征缴完成率").score == Decimal("4.50")
    # the province approved a 4 % cap: the same spending is now within it, and the score follows
    finance.set_settings(ef, prevention_cap_rate="4")
    scoring.recompute(ef)
    assert _by_name(ef, "工伤预防费使用控制").score == Decimal(5)


def test_update_rule_inputs_checklist_and_ratio(empty_eval):
    fw.apply_template(empty_eval, "caiyu-2020-10")
    ind = _by_name(empty_eval, "绩效目标合理性")
    items = [dict(text=t, points=p, met=m) for (t, p, m) in
             (("有绩效目标", "40%", True), ("相关性", "20%", True), ("业绩水平", "20%", False), ("匹配", "20%", True))]
    scoring.update_rule_inputs(empty_eval, ind.id, items=items)
    ind = _by_name(empty_eval, "绩效目标合理性")
    assert ind.score == Decimal("2.40") and "③业绩水平" in ind.deduction_reason
    arrival = _by_name(empty_eval, "资金到位率")
    scoring.update_rule_inputs(empty_eval, arrival.id, actual="90")
    assert _by_name(empty_eval, "资金到位率").score == Decimal("3.60")
    with pytest.raises(ValidationError):
        scoring.update_rule_inputs(empty_eval, arrival.id, direction="sideways")
    assert scoring.explain(empty_eval, arrival.id).score == Decimal("3.60")


def test_citations_and_readiness(bare_sample_file):
    ef = bare_sample_file
    problems = scoring.readiness(ef)
    deducted = [i for i in ef.records(Indicator) if i.score is not None and i.score < i.weight]
    uncited = [p for p in problems if "未引用" in p.message]
    assert {p.indicator_id for p in uncited} == {i.id for i in deducted}
    assert all(p.severity == "warning" for p in uncited)
    target = deducted[0]
    scoring.cite(ef, target.id, "working_paper", "wp-0001", "底稿第3页")
    scoring.cite(ef, target.id, "evidence", "ev-42")
    with pytest.raises(ValidationError, match="已引用"):
        scoring.cite(ef, target.id, "evidence", "ev-42")
    with pytest.raises(ValidationError, match="引用类型"):
        scoring.cite(ef, target.id, "photo", "x")
    assert {c.target_id for c in scoring.citations(ef, target.id)} == {"wp-0001", "ev-42"}
    after = [p for p in scoring.readiness(ef) if "未引用" in p.message]
    assert target.id not in {p.indicator_id for p in after} and len(after) == len(uncited) - 1
    c = scoring.citations(ef, target.id)[0]
    scoring.uncite(ef, c.id)
    assert len(scoring.citations(ef, target.id)) == 1


def test_review_links_count_as_support(bare_sample_file, workdir):
    from wcif_desktop.domain.review import EvidenceLink
    from wcif_desktop.services import review
    from wcif_desktop.services.score_sheet import export_score_sheet

    ef = bare_sample_file
    deducted = [i for i in ef.records(Indicator) if i.score is not None and i.score < i.weight]
    a, b = deducted[0], deducted[1]
    review.add_working_paper(ef, "预算编制核查", indicator_ids=[a.id])
    svc.add_record(ef, EvidenceLink(evidence_id="ev-1", target_kind="indicator", target_id=b.id))
    sup = scoring.supports(ef)
    assert [s.kind for s in sup[a.id]] == ["working_paper"] and "预算编制核查" in sup[a.id][0].label
    assert [s.kind for s in sup[b.id]] == ["evidence"]
    flagged = {p.indicator_id for p in scoring.readiness(ef) if "未引用" in p.message}
    assert a.id not in flagged and b.id not in flagged and len(flagged) == len(deducted) - 2
    import openpyxl

    out = export_score_sheet(ef, workdir / "引用.xlsx")
    ws = openpyxl.load_workbook(out)["评分表"]
    cited = {ws.cell(r, 3).value: ws.cell(r, 7).value for r in range(5, 29)}
    assert "预算编制核查" in cited[a.name]


def test_grade_bands_are_stored_per_evaluation(bare_sample_file):
    assert scoring.grade_bands(bare_sample_file) == DEFAULT_GRADE_BANDS
    scoring.set_grade_bands(bare_sample_file, [("90", "优秀"), ("80", "良好"), ("70", "一般"), ("60", "及格"), ("0", "较差")])
    assert scoring.score_sheet(bare_sample_file).grade() == "良好"
    snap = svc.load_snapshot(bare_sample_file)  # the snapshot carries the evaluation's bands for reports
    assert sheet_for(snap).grade() == "良好" and build_sheet(snap.indicators).grade() == "良"
    scoring.set_grade_bands(bare_sample_file, [("85", "优"), ("0", "其他")])
    assert scoring.score_sheet(bare_sample_file).grade() == "其他"
    for bad in ([], [("90", "优"), ("90", "良"), ("0", "差")], [("90", "优"), ("10", "差")], [("120", "优"), ("0", "差")]):
        with pytest.raises(ValidationError):
            scoring.set_grade_bands(bare_sample_file, bad)
    assert bands_sentence() == "90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差"


@pytest.mark.parametrize("total,grade", [("79.995", "良"), ("79.994", "中"), ("89.994", "良"), ("89.995", "优")])
def test_band_edges_through_the_sheet(total, grade):
    root = Indicator(level=1, name="产出", weight=Decimal(100))
    leaf = Indicator(level=3, parent_id=root.id, name="x", weight=Decimal(100), score=Decimal(total),
                     deduction_reason="r")
    sheet = build_sheet([root, leaf])
    assert sheet.total() == round2(Decimal(total))
    assert sheet.grade() == grade


scores = st.decimals(min_value=0, max_value=10, places=3)


@given(st.lists(st.tuples(st.integers(1, 3), scores), min_size=1, max_size=40))
def test_totals_per_level_sum_and_round_half_up(rows):
    """Level subtotals are sums of their children; the total is the half-up rounded sum of the leaves."""
    roots = [Indicator(level=1, code=str(k), name=f"L1-{k}", weight=Decimal(0), sort_order=k) for k in range(1, 4)]
    leaves = [Indicator(level=2, parent_id=roots[g - 1].id, name=f"i{k}", weight=Decimal(10), score=s,
                        deduction_reason="r", sort_order=k) for k, (g, s) in enumerate(rows)]
    sheet = build_sheet(roots + leaves)
    subtotal = sheet.node_scores()
    exact = sum((s for _, s in rows), Decimal(0))
    assert sheet.total() == exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    for r in roots:
        mine = [s for g, s in rows if roots[g - 1] is r]
        assert subtotal[r.id] == (round2(sum(mine, Decimal(0))) if mine else None)
    assert sheet.grade() == grade_for(sheet.total())
    for leaf in sheet.leaves():
        if leaf.indicator.level == 1:  # a level-1 indicator without rows stays unscored
            assert leaf.score() is None
            continue
        assert Decimal(0) <= leaf.indicator.score <= leaf.indicator.weight


@given(st.decimals(min_value=0, max_value=100, places=3))
def test_grade_is_monotone_and_matches_rounded_total(total):
    g = grade_for(total)
    t = round2(total)
    expected = "优" if t >= 90 else "良" if t >= 80 else "中" if t >= 60 else "差"
    assert g == expected


@given(st.sampled_from([Decimal(60), Decimal(80), Decimal(90)]),
       st.decimals(min_value=Decimal("-0.02"), max_value=Decimal("0.02"), places=3))
def test_rounding_at_band_edges(edge, offset):
    """Around each band edge the grade follows the half-up two-decimal total (79.995 → 80.00 良, 89.994 → 良)."""
    total = edge + offset
    root = Indicator(level=1, name="产出", weight=Decimal(100))
    leaf = Indicator(level=2, parent_id=root.id, name="x", weight=Decimal(100), score=total, deduction_reason="r")
    sheet = build_sheet([root, leaf])
    shown = sheet.total()
    assert shown == total.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    above = shown >= edge
    assert above == (offset >= Decimal("-0.005"))
    assert (sheet.grade() == grade_for(edge)) == above
