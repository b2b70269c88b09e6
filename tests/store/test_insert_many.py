"""EvaluationFile.insert_many (issue 19, batched writes): the same rows and audit entries as insert() of each."""

from __future__ import annotations

from wcif_desktop.domain.survey import SurveyAnswer, SurveyResponse
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty


def test_insert_many_matches_insert_one_by_one(workdir):
    files = []
    for name in ("逐条.wcif", "批量.wcif"):
        ef = create_empty(workdir / name, title="测试", fiscal_year=2021)
        s = sv.create_survey(ef, "调查", "参保单位")
        q = sv.add_question(ef, s.id, "是否满意？")
        files.append((ef, s, q))
    (one, s1, q1), (many, s2, q2) = files
    recs = []
    for i in range(5):
        r = SurveyResponse(id=f"r{i}", survey_id=s1.id, respondent_id=str(i), source="import", excluded=i == 3)
        recs += [r, SurveyAnswer(id=f"a{i}", response_id=r.id, question_id=q1.id, text=f"答案{i}")]
    for rec in recs:
        one.insert(rec)
    batch = []
    for rec in recs:
        copy = type(rec)(**{k: getattr(rec, k) for k in rec.__dataclass_fields__})
        if isinstance(copy, SurveyResponse):
            copy.survey_id = s2.id
        else:
            copy.question_id = q2.id
        batch.append(copy)
    assert many.insert_many(batch) == 10
    rows_one = [{k: v for k, v in r.items() if k not in ("survey_id", "question_id", "modified_at")}
                for t in ("survey_response", "survey_answer") for r in one.rows(t)]
    rows_many = [{k: v for k, v in r.items() if k not in ("survey_id", "question_id", "modified_at")}
                 for t in ("survey_response", "survey_answer") for r in many.rows(t)]
    assert rows_one == rows_many and len(rows_one) == 10
    log = many.conn.execute("SELECT table_name, record_id, field FROM audit_log ORDER BY seq DESC LIMIT 10")
    assert [tuple(r) for r in log][::-1] == [(rec.table, rec.id, "*") for rec in recs]
    assert many.verify_history() == [] and one.verify_history() == []
    assert many.insert_many([]) == 0
    one.close()
    many.close()
