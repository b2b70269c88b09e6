"""The report grades with the evaluation's own grade bands and states how an expert panel's scores were combined."""

from decimal import Decimal

from pypdf import PdfReader

from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.services import scoring
from wcif_desktop.services.deliverables.extras import load_extras
from wcif_desktop.services.evaluation import load_snapshot
from wcif_desktop.services.report_build import generate_report


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")


def test_evaluation_bands_decide_the_reported_grade(sample_file, workdir):
    scoring.set_grade_bands(sample_file, [(Decimal(80), "优"), (Decimal(70), "良"), (Decimal(60), "中"),
                                          (Decimal(0), "差")])
    out = generate_report(load_snapshot(sample_file), workdir / "简版 报告.pdf", "brief")
    text = _text(out)
    assert "综合评分“82.33分”，评级“优”" in text


def test_panel_method_sentence_is_in_the_report(sample_file, workdir):
    members = sample_file.records(TeamMember)
    leaf = next(i for i in sample_file.records(Indicator) if i.name == "预算执行率")
    for m, s in zip(members[:3], ("2.5", "3", "2")):
        scoring.set_panel_score(sample_file, leaf.id, m.id, s, "支出预算偏差大")
    scoring.set_panel_method(sample_file, "mean")
    sentence = scoring.panel_sentence(sample_file)
    assert "3名" in sentence
    out = generate_report(load_snapshot(sample_file), workdir / "简版 报告.pdf", "brief",
                          extras=load_extras(sample_file))
    assert sentence.replace(" ", "") in _text(out)
