"""Survey counts read with aggregated SQL (services.survey.survey_tally) against the records' own tally, and the
survey panel's 答案分布 tree with free-text answers fetched a page at a time (issue 21)."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.survey import compute_results, question_stats, tally
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty


def _survey(ef, texts: int):
    s = sv.create_survey(ef, "职工满意度调查", "工伤职工")
    sv.add_question(ef, s.id, "您对待遇发放是否满意？")
    sv.add_question(ef, s.id, "您是否知道工伤预防政策？", "awareness")
    sv.add_question(ef, s.id, "您的意见和建议", "text")
    answers = ["非常满意", "满意", "一般", "不满意"]
    for i in range(texts):
        sv.add_response(ef, s.id, {"Q1": answers[i % 4], "Q2": "知道" if i % 3 else "不知道", "Q3": f"建议{i:03d}"},
                        respondent_id=f"R{i:03d}")
    return s


def test_sql_counts_equal_the_records_tally(workdir):
    ef = create_empty(workdir / "问卷 计数.wcif", title="测试", fiscal_year=2021)
    s = _survey(ef, 9)
    other = sv.create_survey(ef, "单位满意度调查", "参保单位", satisfaction_method="mean")
    sv.add_question(ef, other.id, "您对经办服务是否满意？")
    sv.add_question(ef, other.id, "您对窗口服务是否满意？")
    sv.add_response(ef, other.id, {"Q1": "满意", "Q2": "非常满意"})
    sv.add_response(ef, s.id, {"Q3": "只写了意见"})  # valid, but no scored answer
    sv.add_response(ef, other.id, {"Q1": "一般"})  # Q2 unanswered: no question answered by every response
    rs = ef.records(sv.SurveyResponse, "survey_id = ?", [s.id])
    sv.set_response_excluded(ef, rs[0].id, True, "重复")
    sv.delete_response(ef, rs[1].id)
    q1 = sv.questions(ef, s.id)[0]
    # an answer outside the scale, kept unscored
    ef.insert(sv.SurveyAnswer(response_id=rs[2].id, question_id=sv.questions(ef, s.id)[1].id, text="听说过"))

    counted = sv.survey_tally(ef, texts=True)
    mine = tally(sv.load_survey_data(ef))
    for name in ("option_counts", "loose_counts", "recorded", "excluded", "respondents", "texts"):
        assert getattr(counted, name) == getattr(mine, name), name
    assert compute_results(counted) == compute_results(mine)
    assert sv.survey_results(ef) == sv.survey_results(ef, sv.load_survey_data(ef))
    # 9 forms − 1 excluded − 1 deleted = 7 scored, + the text-only form; the deleted and the excluded do not count
    assert counted.recorded[s.id] == 9 and counted.excluded[s.id] == 1
    assert counted.respondents[(s.id, "satisfaction")] == 7 and counted.respondents[(other.id, "")] == 2
    stats = {st.question.text: st for st in question_stats(counted)}
    texts = stats["您的意见和建议"]
    assert texts.n_texts == 8 and texts.texts[0] == "建议002" and texts.texts[-1] == "只写了意见"
    assert stats["您是否知道工伤预防政策？"].out_of_scale == 1
    assert dict(stats["您对待遇发放是否满意？"].counts) == {"非常满意": 2, "满意": 1, "一般": 2, "不满意": 2,
                                                       "非常不满意": 0}
    assert stats["您对待遇发放是否满意？"].unanswered == 1  # the text-only form
    keys = sv.text_answer_keys(ef, texts.question.id)
    assert len(keys) == 8 and sv.text_answers(ef, keys[2:4]) == ["建议004", "建议005"]
    assert q1.kind == "satisfaction"
    ef.close()


@pytest.fixture
def ctx(qapp, workdir, messages):
    from wcif_desktop.ui.context import EvaluationContext

    ef = create_empty(workdir / "问卷 分页.wcif", title="测试", fiscal_year=2021)
    c = EvaluationContext(ef)
    c.survey = _survey(ef, 12)
    yield c
    c.close()


@pytest.mark.gui
def test_panel_counts_and_free_text_pages(qtbot, ctx, monkeypatch):
    from wcif_desktop.ui.survey_view import SurveyCountsModel, SurveyPanel

    monkeypatch.setattr(SurveyCountsModel, "PAGE", 5)
    # every response answered Q1 and Q2: the respondents are read from the index (no response-by-response count)
    assert sv.survey_tally(ctx.ef).respondents == tally(sv.load_survey_data(ctx.ef)).respondents == {
        (ctx.survey.id, "satisfaction"): 12, (ctx.survey.id, "awareness"): 12, (ctx.survey.id, ""): 12}
    panel = SurveyPanel(ctx)
    qtbot.addWidget(panel)
    m = panel.counts_model
    assert [m.text(m.index(i, 0)) for i in range(m.rowCount())] == [
        "Q1 您对待遇发放是否满意？", "Q2 您是否知道工伤预防政策？", "Q3 您的意见和建议"]
    q1 = m.index(0, 0)
    assert [(m.text(m.index(r, 0, q1)), m.text(m.index(r, 1, q1)), m.text(m.index(r, 2, q1)))
            for r in range(m.rowCount(q1))] == [("非常满意", "3", "25.00%"), ("满意", "3", "25.00%"),
                                               ("一般", "3", "25.00%"), ("不满意", "3", "25.00%"),
                                               ("非常不满意", "0", "0.00%")]
    assert m.text(m.index(0, 2)) == "50.00%" and m.text(m.index(1, 2)) == "66.67%"  # 6 of 12; 知道 8 of 12
    assert panel.model.text(0, 1) == "12"
    # the free-text question: its count at once, its answers a page at a time, in entry order (the model alone)
    assert m.text(m.index(2, 1)) == "12"
    m = SurveyCountsModel(ctx)
    m.set_stats(sv.appendix(ctx.ef, sv.survey_tally(ctx.ef)))
    q3 = m.index(2, 0)
    assert m.rowCount(q3) == 0 and m.hasChildren(q3) and m.canFetchMore(q3)
    while m.canFetchMore(q3):
        before = m.rowCount(q3)
        m.fetchMore(q3)
        assert m.rowCount(q3) == min(12, before + 5)
    assert [m.text(m.index(r, 0, q3)) for r in range(m.rowCount(q3))] == [f"建议{i:03d}" for i in range(12)]
    assert m.text(m.index(11, 1, q3)) == "1"
    assert m.rowCount(m.index(1, 0)) == 2 and not m.canFetchMore(m.index(0, 0))


@pytest.mark.gui
def test_free_text_rows_stay_few_until_scrolled(qtbot, workdir, messages):
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.survey_view import SurveyPanel

    ef = create_empty(workdir / "问卷 滚动.wcif", title="测试", fiscal_year=2021)
    s = sv.create_survey(ef, "职工满意度调查", "工伤职工")
    sv.add_question(ef, s.id, "您的意见和建议", "text")
    sv.add_question(ef, s.id, "您对待遇发放是否满意？")
    sv.add_question(ef, s.id, "其他意见", "text")
    recs = []
    q1, q2, q3 = sv.questions(ef, s.id)
    for i in range(700):
        r = sv.SurveyResponse(survey_id=s.id, respondent_id=f"R{i:04d}")
        recs += [r, sv.SurveyAnswer(response_id=r.id, question_id=q1.id, text=f"意见{i:04d}"),
                 sv.SurveyAnswer(response_id=r.id, question_id=q3.id, text=f"其他{i:04d}")]
    ef.insert_many(recs)
    ctx = EvaluationContext(ef)
    panel = SurveyPanel(ctx, lazy=True)
    qtbot.addWidget(panel)
    assert panel.counts_model.rowCount() == 0  # nothing read before the panel is shown
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    m, view = panel.counts_model, panel.counts
    first = m.index(0, 0)
    last = m.index(2, 0)
    qtbot.waitUntil(lambda: m.rowCount(first) > 0)
    assert m.text(m.index(0, 1)) == "700"
    assert 0 < m.rowCount(first) <= 200 and m.rowCount(last) == 0  # a page in view, not 700 rows
    # scrolling down fetches the middle question's answers as they come into view, then the last one's
    for _ in range(200):
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        qtbot.wait(5)
        if not m.has_more(first) and not m.has_more(last):
            break
    assert m.rowCount(first) == 700 and m.text(m.index(699, 0, first)) == "意见0699"
    assert m.rowCount(last) == 700 and m.text(m.index(699, 0, last)) == "其他0699"  # all reached by scrolling
    ctx.close()
