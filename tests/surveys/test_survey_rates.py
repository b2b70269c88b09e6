"""Surveys: Wilson intervals, answer matching, manual entry of paper forms, exact rates per group and overall.

Expected values are computed by hand from the Wilson formula (z = 1.96) and agree with published tables
(e.g. 8/10 → 49.02 %–94.33 %, 90/100 → 82.56 %–94.48 %).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.money import round2
from wcif_desktop.domain.survey import (
    SurveyOption,
    SurveyQuestion,
    match_option,
    normalize_header,
    sample_warnings,
    wilson_interval,
)
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty
from wcif_desktop.services.report_archive import lock as _archive_lock


def pct(pair):
    return tuple(round2(x * 100) for x in pair)


@pytest.mark.parametrize("p, n, low, high", [
    ("0.8", 10, "49.02", "94.33"),
    ("0.75", 4, "30.06", "95.44"),
    ("0", 10, "0.00", "27.75"),
    ("1", 10, "72.25", "100.00"),
    ("0.9", 100, "82.56", "94.48"),
    ("0.5", 30, "33.15", "66.85"),
])
def test_wilson_interval_hand_values(p, n, low, high):
    assert pct(wilson_interval(Decimal(p), n)) == (Decimal(low), Decimal(high))


def test_wilson_rejects_empty_sample_and_bad_proportion():
    with pytest.raises(ValidationError):
        wilson_interval(Decimal("0.5"), 0)
    with pytest.raises(ValidationError):
        wilson_interval(Decimal("1.2"), 10)


def test_small_sample_warnings_thresholds():
    # n = 100, p = 0.9: half-width 5.96 points → no warning
    assert sample_warnings(100, Decimal("82.56"), Decimal("94.48")) == []
    # n = 30: not too small, but half-width 16.85 > 10 points
    w = sample_warnings(30, Decimal("33.15"), Decimal("66.85"))
    assert len(w) == 1 and "过宽" in w[0]
    # n = 29: both
    w = sample_warnings(29, Decimal(33), Decimal(67))
    assert len(w) == 2 and "样本量偏小" in w[0]
    # n = 97, p = 0.5: half-width 9.76 → fine; the width rule alone needs n ≥ 97 at p = 0.5
    assert sample_warnings(97, Decimal("40.24"), Decimal("59.76")) == []


def test_normalize_header_strips_numbering_tags_and_width():
    assert normalize_header("3、您对工伤认定的办理效率是否满意？（单选题）") == "您对工伤认定的办理效率是否满意"
    assert normalize_header("Q12. 您知道工伤保险吗?") == "您知道工伤保险吗"
    assert normalize_header("第2题 您的意见") == "您的意见"
    assert normalize_header("１．您对　服务态度是否满意：") == "您对服务态度是否满意"


def test_match_option_numbers_synonyms_and_letters():
    q = SurveyQuestion(kind="satisfaction")
    opts = [SurveyOption(label=lab, score=s) for lab, s in
            (("非常满意", 5), ("满意", 4), ("一般", 3), ("不满意", 2), ("非常不满意", 1))]
    assert match_option("满意", q, opts).score == 4
    assert match_option("5", q, opts).score == 5
    assert match_option("4分", q, opts).score == 4
    assert match_option("比较满意", q, opts).score == 4
    assert match_option("A. 非常满意", q, opts).score == 5
    assert match_option("非常满意（5分）", q, opts).score == 5
    assert match_option("还可以(3分)", q, opts).score == 3
    assert match_option("6", q, opts) is None
    assert match_option("还行", q, opts) is None
    aw = SurveyQuestion(kind="awareness")
    aopts = [SurveyOption(label="知道", correct=True), SurveyOption(label="不知道", correct=False)]
    assert match_option("了解", aw, aopts).correct is True
    assert match_option("不清楚", aw, aopts).correct is False


# ------------------------------------------------------------------ manual entry and results

@pytest.fixture
def ef(workdir):
    f = create_empty(workdir / "问卷 测试.wcif", title="测试", fiscal_year=2021)
    yield f
    f.close()


def _units_survey(ef):
    s = sv.create_survey(ef, "参保单位满意度及政策知晓度调查", "参保单位")
    sv.add_question(ef, s.id, "您对工伤认定的办理效率是否满意？")
    sv.add_question(ef, s.id, "您对经办人员的服务态度是否满意？")
    sv.add_question(ef, s.id, "您是否知道工伤保险浮动费率政策？", "awareness")
    sv.add_question(ef, s.id, "用人单位应在事故发生之日起多少日内申请工伤认定？", "awareness",
                    options=["A. 15日", "B. 30日", "C. 60日"], correct="B. 30日")
    sv.add_question(ef, s.id, "您的意见和建议", "text")
    return s


PAPER = [  # Q1, Q2, Q3, Q4, Q5
    ("非常满意", "满意", "知道", "B. 30日", "办事快"),
    ("满意", "一般", "不知道", "A. 15日", ""),
    ("不满意", "非常不满意", "知道", "B", ""),  # the letter alone is not an option label → refused below
    ("5", "4", "知道", "C. 60日", "希望简化材料"),
    ("一般", "", "知道", "", ""),
]


def _enter_units(ef, s):
    for i, row in enumerate(PAPER, start=1):
        answers = dict(zip(("Q1", "Q2", "Q3", "Q4", "Q5"), row))
        if answers["Q4"] == "B":
            with pytest.raises(ValidationError, match="不在选项内"):
                sv.add_response(ef, s.id, answers, respondent_id=f"U{i}")
            answers["Q4"] = "B. 30日"
        sv.add_response(ef, s.id, answers, respondent_id=f"U{i}", submitted_at="2022-03-01")


def _workers_survey(ef):
    w = sv.create_survey(ef, "工伤职工满意度调查", "工伤职工", satisfaction_method="mean")
    sv.add_question(ef, w.id, "您对工伤待遇发放的及时性是否满意？")
    for i, a in enumerate(("非常满意", "满意", "一般")):
        sv.add_response(ef, w.id, {"Q1": a}, respondent_id=f"W{i}")
    bad = sv.add_response(ef, w.id, {"Q1": "非常不满意"}, respondent_id="W9")
    sv.set_response_excluded(ef, bad.id, True, "同一人重复填写（纸质问卷复核）")
    return w


def test_paper_entry_and_exact_rates(ef):
    s = _units_survey(ef)
    _enter_units(ef, s)
    _workers_survey(ef)
    groups, overall = sv.survey_results(ef)
    units, workers = groups
    assert units.group == "参保单位" and units.responses == 5
    # satisfaction: 9 answers, satisfied = 2 + 1 + 0 + 2 + 0 = 5 → 5/9
    sat = units.satisfaction
    assert (sat.answers, sat.points, sat.respondents) == (9, Decimal(5), 5)
    assert (sat.rate, sat.low, sat.high) == (Decimal("55.56"), Decimal("20.30"), Decimal("85.98"))
    # awareness: Q3 4 of 5 know, Q4 2 of 4 right → 6/9
    aw = units.awareness
    assert (aw.answers, aw.points) == (9, Decimal(6))
    assert (aw.rate, aw.low, aw.high) == (Decimal("66.67"), Decimal("27.52"), Decimal("91.33"))
    assert any("样本量偏小" in w for w in aw.warnings)
    # workers, mean method: (5 + 4 + 3) / 3 / 5 = 0.8; the excluded response (非常不满意) does not count
    assert (workers.responses, workers.recorded, workers.excluded) == (3, 4, 1)
    assert workers.satisfaction.method == "mean"
    assert (workers.satisfaction.rate, workers.satisfaction.low, workers.satisfaction.high) == (
        Decimal("80.00"), Decimal("28.77"), Decimal("97.54"))
    assert "平均得分折算为百分制" in workers.satisfaction.sentence
    assert workers.awareness is None
    # overall: values pooled: 5 (units, 0/1) + 2.4 (workers, score/5) over 12 answers, n = 8 respondents
    assert overall.responses == 8
    assert overall.satisfaction.method == "mixed"
    assert (overall.satisfaction.rate, overall.satisfaction.low, overall.satisfaction.high) == (
        Decimal("61.67"), Decimal("29.93"), Decimal("85.83"))
    assert overall.awareness.rate == Decimal("66.67")


def test_switching_method_to_mean_changes_the_rate(ef):
    s = _units_survey(ef)
    _enter_units(ef, s)
    sv.set_satisfaction_method(ef, s.id, "mean")
    groups, _ = sv.survey_results(ef)
    # scores 5+4 + 4+3 + 2+1 + 5+4 + 3 = 31 over 9 answers, max 5 → 31/45 = 68.89 %
    assert groups[0].satisfaction.rate == Decimal("68.89")


def test_paper_entry_refuses_bad_input(ef):
    s = _units_survey(ef)
    sv.add_response(ef, s.id, {"Q1": "满意"}, respondent_id="U1")
    with pytest.raises(ValidationError, match="已有编号"):
        sv.add_response(ef, s.id, {"Q1": "满意"}, respondent_id="U1")
    with pytest.raises(ValidationError, match="没有题目"):
        sv.add_response(ef, s.id, {"Q99": "满意"})
    with pytest.raises(ValidationError, match="没有任何答案"):
        sv.add_response(ef, s.id, {"Q1": " "})
    with pytest.raises(ValidationError, match="不在选项内"):
        sv.add_response(ef, s.id, {"Q1": "6"})
    with pytest.raises(ValidationError, match="正确答案"):
        sv.add_question(ef, s.id, "新政策题", "awareness", options=["甲", "乙"], correct="丙")
    with pytest.raises(ValidationError, match="原因"):
        sv.set_response_excluded(ef, ef.records(sv.SurveyResponse)[0].id, True, "")
    with pytest.raises(ValidationError):
        sv.create_survey(ef, "x", "参保单位", satisfaction_method="median")
    assert len(ef.records(sv.SurveyResponse)) == 1


def test_locked_evaluation_refuses_entry(ef):
    s = _units_survey(ef)
    _archive_lock(ef)
    with pytest.raises(ValidationError, match="锁定"):
        sv.add_response(ef, s.id, {"Q1": "满意"})


def test_metrics_results_table_and_appendix(ef):
    s = _units_survey(ef)
    _enter_units(ef, s)
    _workers_survey(ef)
    m = sv.survey_metrics(ef)
    assert m["satisfaction_rate"] == Decimal("61.67")
    assert m["satisfaction_rate[参保单位]"] == Decimal("55.56")
    assert m["satisfaction_rate[工伤职工]"] == Decimal("80.00")
    assert m["awareness_rate"] == m["awareness_rate[参保单位]"] == Decimal("66.67")
    assert "awareness_rate[工伤职工]" not in m
    assert m["survey_responses"] == 8 and m["survey_responses[工伤职工]"] == 3

    table = sv.results_table(ef)
    assert [r["group"] for r in table] == ["参保单位", "工伤职工", "全部"]
    assert table[0]["satisfaction_ci"] == (Decimal("20.30"), Decimal("85.98"))
    assert table[1]["awareness_rate"] is None
    assert any("样本量偏小" in w for w in table[0]["warnings"])
    assert table[0]["sentences"][0].startswith("满意度按“满意”与“非常满意”")

    stats = {st.question.text: st for st in sv.appendix(ef)}
    q1 = stats["您对工伤认定的办理效率是否满意？"]
    assert q1.counts == [("非常满意", 2), ("满意", 1), ("一般", 1), ("不满意", 1), ("非常不满意", 0)]
    assert q1.rate.rate == Decimal("60.00") and q1.rate.respondents == 5
    q2 = stats["您对经办人员的服务态度是否满意？"]
    assert q2.unanswered == 1 and sum(n for _l, n in q2.counts) == 4
    q4 = stats["用人单位应在事故发生之日起多少日内申请工伤认定？"]
    assert q4.counts == [("A. 15日", 1), ("B. 30日", 2), ("C. 60日", 1)]
    assert q4.rate.rate == Decimal("50.00")
    assert stats["您的意见和建议"].texts == ["办事快", "希望简化材料"]
    w1 = stats["您对工伤待遇发放的及时性是否满意？"]
    assert w1.counts[-1] == ("非常不满意", 0)  # the excluded response is not counted


def test_delete_response_and_survey_are_tombstones(ef):
    s = _units_survey(ef)
    _enter_units(ef, s)
    r = ef.records(sv.SurveyResponse)[0]
    sv.delete_response(ef, r.id)
    assert sv.survey_results(ef)[0][0].responses == 4
    sv.restore_response(ef, r.id)
    assert sv.survey_results(ef)[0][0].satisfaction.rate == Decimal("55.56")
    sv.delete_response(ef, r.id)
    sv.delete_survey(ef, s.id)
    assert sv.survey_results(ef) == ([], sv.survey_results(ef)[1])
    assert ef.rows("survey_answer") == []
    assert ef.rows("survey_answer", include_deleted=True)
    assert ef.verify_history() == []


def test_rates_feed_compute_metrics_and_a_scoring_rule(ef):
    from wcif_desktop.domain.rules import evaluate
    from wcif_desktop.services.metrics import compute_metrics

    assert "satisfaction_rate" not in compute_metrics(ef)  # no survey yet: left out, rules stay unscored
    s = _units_survey(ef)
    _enter_units(ef, s)
    m = compute_metrics(ef)
    assert m["satisfaction_rate"] == Decimal("55.56") and m["awareness_rate[参保单位]"] == Decimal("66.67")
    # 满意度 indicator, weight 10: ≥ 90 % full marks, ≥ 80 % 8 points, ≥ 50 % 5 points, else 0
    res = evaluate("metric", {"metric": "satisfaction_rate[参保单位]", "method": "bands", "label": "参保单位满意度",
                              "unit": "%", "bands": [["90", "10"], ["80", "8"], ["50", "5"]]}, Decimal(10), m, {})
    assert res.score == Decimal("5.00") and "参保单位满意度55.56%" in res.reason
