"""The full report's survey appendix states each question's own rate and n (not only the pooled rate per group),
in the document model, hence in both the PDF and the Word file."""

from __future__ import annotations

from report_pdfutil import all_text, norm

from wcif_desktop.domain.document import Table


def _add_survey(ef):
    from wcif_desktop.services import survey

    s = survey.create_survey(ef, "协议医疗机构满意度调查", "协议医疗机构")
    q1 = survey.add_question(ef, s.id, "您对经办服务是否满意？")
    q2 = survey.add_question(ef, s.id, "您对结算时效是否满意？")
    q3 = survey.add_question(ef, s.id, "您是否了解工伤预防费政策？", kind="awareness")
    for a1, a2, a3 in (("满意", "不满意", "了解"), ("满意", "一般", "不了解"), ("非常满意", "满意", "了解"),
                       ("一般", None, "了解")):
        answers = {q1.id: a1, q3.id: a3}
        if a2:
            answers[q2.id] = a2
        survey.add_response(ef, s.id, answers)


def test_question_rates_in_model_pdf_and_word(sample_path, workdir):
    import docx

    from wcif_desktop.cli import main
    from wcif_desktop.services.deliverables.generate import build_outline
    from wcif_desktop.services.evaluation import open_file

    with open_file(sample_path) as ef:
        _add_survey(ef)
        doc = build_outline(ef, "report-full")
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.caption == "各题满意度及政策知晓率")
    assert table.header == ["调查对象", "问题", "类别", "比率", "95%置信区间", "人数"]
    mine = {r[1]: r for r in table.rows if r[0] == "协议医疗机构"}
    assert mine["您对经办服务是否满意？"][2:4] == ["满意度", "75.00%"] and mine["您对经办服务是否满意？"][5] == "4"
    assert mine["您对结算时效是否满意？"][3] == "33.33%" and mine["您对结算时效是否满意？"][5] == "3"
    assert mine["您是否了解工伤预防费政策？"][2:4] == ["政策知晓率", "75.00%"]
    assert any(r[0] == "参保单位" for r in table.rows)  # the sample's own questions too
    pdf, word = workdir / "完整 报告.pdf", workdir / "完整 报告.docx"
    assert main(["document", str(sample_path), "report-full", "-o", str(pdf)]) == 0
    assert main(["document", str(sample_path), "report-full", "-o", str(word)]) == 0
    text = all_text(pdf)
    assert norm("各题满意度及政策知晓率") in text and norm("您对结算时效是否满意？满意度33.33%") in text
    rows = [[c.text for c in row.cells] for t in docx.Document(word).tables for row in t.rows]
    assert ["协议医疗机构", "您对结算时效是否满意？", "满意度", "33.33%", mine["您对结算时效是否满意？"][4], "3"] in rows
