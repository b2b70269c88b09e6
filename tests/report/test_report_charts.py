"""Charts in the full report: fund budget vs actual (issue 5) and survey rates (issue 6), drawn from the data."""

from pypdf import PdfReader

from wcif_desktop.render.charts import survey_chart
from wcif_desktop.services import survey as sv
from wcif_desktop.services.deliverables.extras import load_extras
from wcif_desktop.services.evaluation import load_snapshot
from wcif_desktop.services.report_build import generate_report


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")


def test_full_report_draws_the_budget_chart_and_the_survey_chart(sample_file, workdir):
    s = sv.create_survey(sample_file, "参保单位满意度调查", "参保单位")
    sv.add_question(sample_file, s.id, "您对工伤待遇核发服务是否满意？")
    sv.add_question(sample_file, s.id, "您是否知道工伤保险浮动费率政策？", "awareness")
    for i, (sat, know) in enumerate([("非常满意", "知道"), ("满意", "不知道"), ("一般", "知道"), ("满意", "知道")]):
        sv.add_response(sample_file, s.id, {"Q1": sat, "Q2": know}, respondent_id=f"U{i}")
    extras = load_extras(sample_file)
    assert extras.survey_rates and extras.survey_rates[0][0] == "参保单位"
    out = generate_report(load_snapshot(sample_file), workdir / "完整 报告.pdf", "full", extras=extras)
    text = _text(out)
    assert "2021年基金预算与执行对比（万元）" in text
    assert "满意度与政策知晓率（%）" in text and "政策知晓率" in text


def test_survey_chart_carries_exact_rates():
    from decimal import Decimal

    d = survey_chart([("参保单位", Decimal("75.00"), Decimal("50.00")), ("工伤职工", None, None)])
    assert d.values == [("参保单位", Decimal("75.00"), Decimal("50.00"))]
    assert d.chart.data == [[75.0], [50.0]]
