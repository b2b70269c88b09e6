"""Surveys: importing platform exports (.xlsx/.csv built here), every bad-input case, and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import Cancelled, WcifError
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty, open_file

HEADERS = ["序号", "提交答卷时间", "所用时间", "1、您对工伤认定的办理效率是否满意？（单选题）",
           "2、您对经办人员的服务态度是否满意？", "3、您是否知道工伤保险浮动费率政策？", "4、您的意见和建议"]


def t(minute):
    return dt.datetime(2022, 3, 1, 9, minute)


ROWS = [
    [1, t(0), "95秒", "非常满意", "满意", "知道", "办事快"],
    [2, t(1), "80秒", "满意", "一般", "不知道", None],
    [3, t(2), "60秒", "不满意", "非常不满意", "知道", None],
    [4, t(3), "70秒", "比较满意", "5", "了解", "希望简化材料"],
]


def write_xlsx(path, headers, rows, title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "答卷数据"
    if title:
        ws.append([title])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path, headers, rows, encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        for r in rows:
            w.writerow(["" if v is None else (v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else v)
                        for v in r])
    return path


@pytest.fixture
def ef(workdir):
    f = create_empty(workdir / "问卷 导入.wcif", title="测试", fiscal_year=2021)
    yield f
    f.close()


@pytest.fixture
def survey(ef):
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    sv.add_question(ef, s.id, "您对工伤认定的办理效率是否满意？")
    sv.add_question(ef, s.id, "您对经办人员的服务态度是否满意？")
    sv.add_question(ef, s.id, "您是否知道工伤保险浮动费率政策？", "awareness")
    sv.add_question(ef, s.id, "您的意见和建议", "text")
    return s


def audit_len(ef):
    return ef.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def test_first_import_matches_headers_and_computes_exact_rates(ef, survey, workdir):
    path = write_xlsx(workdir / "问卷星 导出.xlsx", HEADERS, ROWS, title="参保单位满意度调查（问卷星导出）")
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.ok and rep.written and rep.imported == 4
    assert [(c.target, c.how) for c in rep.columns] == [
        ("respondent_id", "platform"), ("submitted_at", "platform"), ("ignore", "platform"),
        ("question", "exact"), ("question", "exact"), ("question", "exact"), ("question", "exact")]
    assert rep.columns[3].question_text == "您对工伤认定的办理效率是否满意？"
    responses = sorted(ef.records(sv.SurveyResponse), key=lambda r: r.source_row)
    assert [r.respondent_id for r in responses] == ["1", "2", "3", "4"]
    assert responses[0].submitted_at == "2022-03-01 09:00:00" and responses[0].source_row == 3
    (g,), _overall = sv.survey_results(ef)
    # satisfaction: 8 answers, satisfied 2 + 1 + 0 + 2 = 5 → 62.50 %; Wilson with n = 4 respondents
    assert (g.satisfaction.rate, g.satisfaction.low, g.satisfaction.high) == (
        Decimal("62.50"), Decimal("21.94"), Decimal("90.81"))
    # awareness: 知道, 不知道, 知道, 了解 → 3/4 = 75 % (30.06–95.44)
    assert (g.awareness.rate, g.awareness.low, g.awareness.high) == (
        Decimal("75.00"), Decimal("30.06"), Decimal("95.44"))
    texts = next(st.texts for st in sv.appendix(ef) if st.question.kind == "text")
    assert texts == ["办事快", "希望简化材料"]


def test_second_export_imports_only_new_rows_with_no_questions_asked(ef, survey, workdir):
    # The first export has a column the user maps by hand and an answer text mapped by hand.
    headers = HEADERS + ["5、对工伤保险经办服务的总体评价"]
    q5 = sv.add_question(ef, survey.id, "您对工伤保险经办服务总体是否满意？")
    rows = [r + [a] for r, a in zip(ROWS, ["满意", "还行", "满意", "非常满意"])]
    first = write_xlsx(workdir / "导出 第一次.xlsx", headers, rows)
    rep = sv.import_responses(ef, survey.id, first, dry_run=True)
    assert [c.header for c in rep.unmapped_columns] == ["5、对工伤保险经办服务的总体评价"]
    mapping = sv.ImportMapping(
        columns={"5、对工伤保险经办服务的总体评价": ("question", q5.id)},
        answers={(q5.id, "还行"): next(o.id for o in sv.options(ef, q5.id) if o.label == "一般")})
    rep = sv.import_responses(ef, survey.id, first, mapping=mapping)
    assert rep.ok and rep.imported == 4
    # second export: the same four rows plus two new ones, one of them again with 还行
    more = rows + [[5, t(10), "50秒", "满意", "满意", "知道", None, "还行"],
                   [6, t(11), "40秒", "一般", "一般", "不知道", None, "满意"]]
    second = write_xlsx(workdir / "导出 第二次.xlsx", headers, more)
    before = audit_len(ef)
    rep = sv.import_responses(ef, survey.id, second)
    assert rep.ok and rep.pending == [] and rep.imported == 2
    assert rep.already_imported == [2, 3, 4, 5]
    assert {c.how for c in rep.columns if c.target == "question"} == {"saved"}
    assert audit_len(ef) > before
    assert len(ef.records(sv.SurveyResponse)) == 6
    q5_counts = dict(next(st.counts for st in sv.appendix(ef) if st.question.id == q5.id))
    assert q5_counts == {"非常满意": 1, "满意": 3, "一般": 2, "不满意": 0, "非常不满意": 0}
    # importing the second export again adds nothing
    rep = sv.import_responses(ef, survey.id, second)
    assert rep.imported == 0 and len(rep.already_imported) == 6


def test_dry_run_writes_nothing_and_reports(ef, survey, workdir):
    rows = ROWS + [[5, t(5), "1秒", "6", "满意", "知道", None]]
    path = write_xlsx(workdir / "试运行.xlsx", HEADERS, rows)
    before = audit_len(ef)
    rep = sv.import_responses(ef, survey.id, path, dry_run=True, decisions={"out_of_scale": "keep"})
    assert not rep.written and rep.to_import == 5 and rep.pending == []
    assert audit_len(ef) == before
    assert ef.rows("survey_response") == [] and ef.rows("survey_mapping") == []
    assert any("试运行" in line for line in rep.lines())


def test_blank_rows_are_skipped_and_counted(ef, survey, workdir):
    rows = [ROWS[0], [None] * 7, ROWS[1], [None, None, None, None, None, None, None], [9, t(9), "3秒", None, None, None, None],
            ROWS[2]]
    path = write_xlsx(workdir / "空行.xlsx", HEADERS, rows)
    rep = sv.import_responses(ef, survey.id, path)
    # rows 3 and 5 are empty, row 6 has only a serial number and a time: all three are blank
    assert rep.blank_rows == [3, 5, 6]
    assert rep.ok and rep.imported == 3


def test_duplicates_by_id_and_by_identical_rows_skip_or_keep(ef, survey, workdir):
    rows = ROWS + [
        [2, t(20), "10秒", "满意", "满意", "知道", None],  # same respondent id as row 3
        [None, t(3), "70秒", "比较满意", "5", "了解", "希望简化材料"],  # identical answers at the same time as id 4
    ]
    headers = HEADERS
    path = write_xlsx(workdir / "重复.xlsx", headers, rows)
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.pending == ["duplicate"] and not rep.written
    assert [r for r, _w in rep.duplicates] == [6, 7]
    assert "答卷编号“2”重复" in rep.duplicates[0][1] and "完全相同" in rep.duplicates[1][1]
    assert ef.rows("survey_response") == []
    rep = sv.import_responses(ef, survey.id, path, decisions={"duplicate": "skip"})
    assert rep.written and rep.imported == 4 and rep.skipped == 2
    # skipped rows stay on file as excluded responses with the reason; they do not count
    stored = ef.records(sv.SurveyResponse)
    assert len(stored) == 6
    assert sorted(r.source_row for r in stored if r.excluded) == [6, 7]
    assert {r.exclusion_reason for r in stored if r.excluded} == {"导入时按选择跳过：重复的答卷"}
    assert sv.survey_results(ef)[0][0].responses == 4
    # the same export again: nothing new, nothing to decide
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.ok and rep.imported == 0 and len(rep.already_imported) == 6


def test_duplicates_kept_when_the_user_says_so(ef, survey, workdir):
    rows = ROWS + [[2, t(20), "10秒", "满意", "满意", "知道", None]]
    path = write_xlsx(workdir / "重复 保留.xlsx", HEADERS, rows)
    rep = sv.import_responses(ef, survey.id, path, decisions={"duplicate": "keep"})
    assert rep.imported == 5
    assert sorted(r.respondent_id for r in ef.records(sv.SurveyResponse)) == ["1", "2", "2", "3", "4"]


def test_duplicate_of_a_response_already_on_file(ef, survey, workdir):
    sv.add_response(ef, survey.id, {"Q1": "满意"}, respondent_id="3")  # a paper form with the same id
    path = write_xlsx(workdir / "与纸质重复.xlsx", HEADERS, ROWS)
    rep = sv.import_responses(ef, survey.id, path)
    assert [r for r, _w in rep.duplicates] == [4]


def test_answers_outside_the_scale_skip_or_keep(ef, survey, workdir):
    rows = ROWS + [[5, t(5), "1秒", "6", "满意", "知道", None], [6, t(6), "2秒", "满意", "还行", "知道", None]]
    path = write_xlsx(workdir / "量表外.xlsx", HEADERS, rows)
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.pending == ["out_of_scale"]
    assert rep.out_of_scale == [(6, "您对工伤认定的办理效率是否满意？", "6"), (7, "您对经办人员的服务态度是否满意？", "还行")]
    assert rep.counts()["out_of_scale"] == 2
    rep = sv.import_responses(ef, survey.id, path, decisions={"out_of_scale": "skip"})
    assert rep.imported == 4
    sat_skip = sv.survey_results(ef)[0][0].satisfaction
    assert sat_skip.answers == 8


def test_answers_outside_the_scale_kept_unscored(ef, survey, workdir):
    rows = ROWS + [[5, t(5), "1秒", "6", "满意", "知道", None]]
    path = write_xlsx(workdir / "量表外 保留.xlsx", HEADERS, rows)
    rep = sv.import_responses(ef, survey.id, path, decisions={"out_of_scale": "keep"})
    assert rep.imported == 5
    g = sv.survey_results(ef)[0][0]
    # the 6 is not scored; 满意 counts: satisfied 5 + 1 = 6 of 9 scored answers
    assert (g.satisfaction.answers, g.satisfaction.points, g.satisfaction.rate) == (9, Decimal(6), Decimal("66.67"))
    q1 = next(st for st in sv.appendix(ef) if st.question.code == "Q1")
    assert q1.out_of_scale == 1
    # remembered: a later export with the same out-of-scale text needs no decision
    rows2 = rows + [[6, t(6), "1秒", "6", "一般", "知道", None]]
    rep = sv.import_responses(ef, survey.id, write_xlsx(workdir / "量表外 第二次.xlsx", HEADERS, rows2))
    assert rep.ok and rep.imported == 1 and rep.unscored_answers == 1


def test_missing_columns_cancel_or_keep(ef, survey, workdir):
    headers = [h for h in HEADERS if "服务态度" not in h]
    rows = [[v for h, v in zip(HEADERS, r) if "服务态度" not in h] for r in ROWS]
    path = write_xlsx(workdir / "缺列.xlsx", headers, rows)
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.missing_questions == ["您对经办人员的服务态度是否满意？"] and rep.pending == ["missing_column"]
    rep = sv.import_responses(ef, survey.id, path, decisions={"missing_column": "skip"})
    assert rep.cancelled and not rep.written and ef.rows("survey_response") == []
    rep = sv.import_responses(ef, survey.id, path, decisions={"missing_column": "keep"})
    assert rep.written and rep.imported == 4


def test_file_from_a_different_survey(ef, survey, workdir):
    headers = ["序号", "提交答卷时间", "1、您的年龄", "2、您的职业", "3、您每周锻炼几次", "4、您对工伤认定的办理效率是否满意？"]
    rows = [[1, t(0), "30", "教师", "2", "满意"], [2, t(1), "40", "工人", "1", "一般"]]
    path = write_xlsx(workdir / "别的问卷.xlsx", headers, rows)
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.different_survey
    assert set(rep.pending) == {"unmapped_column", "missing_column", "different_survey"}
    assert len(rep.unmapped_columns) == 3 and len(rep.missing_questions) == 3
    rep = sv.import_responses(ef, survey.id, path, decisions={
        "unmapped_column": "skip", "missing_column": "keep", "different_survey": "skip"})
    assert rep.cancelled and ef.rows("survey_response") == []
    assert ef.rows("survey_mapping") == []


def test_unmapped_column_kept_as_new_text_question(ef, survey, workdir):
    headers = HEADERS + ["5、您所在单位的行业"]
    rows = [r + [v] for r, v in zip(ROWS, ["建筑", "制造", "", "物流"])]
    path = write_xlsx(workdir / "多一列.xlsx", headers, rows)
    rep = sv.import_responses(ef, survey.id, path, decisions={"unmapped_column": "keep"})
    assert rep.written
    new_q = [q for q in sv.questions(ef, survey.id) if q.text == "您所在单位的行业"]
    assert len(new_q) == 1 and new_q[0].kind == "text"
    st = next(s for s in sv.appendix(ef) if s.question.id == new_q[0].id)
    assert st.texts == ["建筑", "制造", "物流"]
    # remembered as that question
    assert sv.saved_mapping(ef, survey.id).columns["您所在单位的行业"] == ("question", new_q[0].id)


def test_similar_header_is_matched_and_reported(ef, survey, workdir):
    headers = list(HEADERS)
    headers[3] = "1、您对工伤认定办理效率是否满意"  # one character missing
    path = write_xlsx(workdir / "相近.xlsx", headers, ROWS)
    rep = sv.import_responses(ef, survey.id, path, dry_run=True)
    col = next(c for c in rep.columns if c.index == 3)
    assert (col.target, col.how, col.question_text) == ("question", "similar", "您对工伤认定的办理效率是否满意？")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_export_with_numbers(ef, survey, workdir, encoding):
    rows = [[1, t(0), "1", "5", "4", "知道", ""], [2, t(1), "1", "3", "2", "不知道", ""],
            [3, t(2), "1", "4", "4", "知道", ""]]
    path = write_csv(workdir / f"导出 {encoding}.csv", HEADERS, rows, encoding)
    rep = sv.import_responses(ef, survey.id, path)
    assert rep.ok and rep.imported == 3
    g = sv.survey_results(ef)[0][0]
    assert g.satisfaction.rate == Decimal("66.67")  # 5,4 | 3,2 | 4,4 → 4 of 6
    assert g.awareness.rate == Decimal("66.67")


def test_progress_cancel_writes_nothing(ef, survey, workdir):
    path = write_xlsx(workdir / "取消.xlsx", HEADERS, ROWS)

    class Stop:
        def set(self, done, total, label=""):
            pass

        def cancelled(self):
            return True

    with pytest.raises(Cancelled):
        sv.import_responses(ef, survey.id, path, progress=Stop())
    assert ef.rows("survey_response") == []


def test_bad_decision_and_unreadable_file(ef, survey, workdir):
    path = write_xlsx(workdir / "好.xlsx", HEADERS, ROWS)
    with pytest.raises(WcifError, match="无效的处理方式"):
        sv.import_responses(ef, survey.id, path, decisions={"duplicate": "maybe"})
    bad = workdir / "坏 文件.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(WcifError, match="无法读取"):
        sv.import_responses(ef, survey.id, bad)


def test_infer_kind_thresholds():
    assert sv.infer_kind(["满意"] * 4 + ["6"]) == "satisfaction"  # 80 % on the scale
    assert sv.infer_kind(["满意"] * 3 + ["6", "还行"]) == "text"
    assert sv.infer_kind(["知道", "不了解", "是", "否", "听说过"]) == "awareness"
    assert sv.infer_kind(["", " "]) == "text"


def test_infer_kind_and_create_from_file(ef, workdir):
    path = write_xlsx(workdir / "新问卷.xlsx", HEADERS, ROWS)
    s = sv.create_survey_from_file(ef, path, "工伤职工")
    qs = sv.questions(ef, s.id)
    assert [(q.text, q.kind) for q in qs] == [
        ("您对工伤认定的办理效率是否满意", "satisfaction"), ("您对经办人员的服务态度是否满意", "satisfaction"),
        ("您是否知道工伤保险浮动费率政策", "awareness"), ("您的意见和建议", "text")]
    rep = sv.import_responses(ef, s.id, path)
    assert rep.ok and rep.imported == 4


# ------------------------------------------------------------------ command line

def test_cli_import_and_results(ef, survey, workdir, capsys):
    ef.close()
    wcif = str(ef.path)
    rows = ROWS + [[2, t(20), "10秒", "满意", "满意", "知道", None]]
    path = str(write_xlsx(workdir / "命令行 导入.xlsx", HEADERS, rows))
    assert main(["import-survey", wcif, path, "--group", "参保单位", "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "--duplicates skip|keep" in out and "重复答卷：第6行" in out
    assert main(["import-survey", wcif, path, "--group", "参保单位", "--duplicates", "skip", "--dry-run"]) == 0
    assert "试运行：将导入 4 份答卷" in capsys.readouterr().out
    with open_file(wcif) as f:
        assert f.rows("survey_response") == []
    assert main(["import-survey", wcif, path, "--group", "参保单位", "--duplicates", "skip", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["imported"] == 4 and rep["duplicates"] == [{"row": 6, "reason": "答卷编号“2”重复"}]

    assert main(["survey", wcif, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    g = data["groups"][0]
    assert g["group"] == "参保单位" and g["valid_responses"] == 4
    assert (g["satisfaction"]["rate"], g["satisfaction"]["ci_low"], g["satisfaction"]["ci_high"]) == (
        "62.50", "21.94", "90.81")
    assert data["overall"]["awareness"]["rate"] == "75.00"
    assert main(["survey", wcif]) == 0
    text = capsys.readouterr().out
    assert "参保单位：有效答卷 4 份" in text and "62.50%（95%区间 21.94%–90.81%，n=4）" in text
    assert "样本量偏小" in text and "Wilson" in text


def test_cli_unknown_group_and_create(ef, survey, workdir, capsys):
    ef.close()
    path = str(write_xlsx(workdir / "职工.xlsx", HEADERS, ROWS))
    assert main(["import-survey", str(ef.path), path, "--group", "工伤职工"]) == 2
    assert "没有调查对象为“工伤职工”的问卷" in capsys.readouterr().err
    assert main(["import-survey", str(ef.path), path, "--group", "工伤职工", "--create"]) == 0
    assert "已按文件表头建立问卷" in capsys.readouterr().out
    with open_file(ef.path) as f:
        assert [g.group for g in sv.survey_results(f)[0]] == ["参保单位", "工伤职工"]


def test_cli_map_column_and_answer_then_second_export_needs_nothing(ef, survey, workdir, capsys):
    ef.close()
    wcif = str(ef.path)
    headers = list(HEADERS)
    headers[4] = "2、窗口服务"  # not recognisable
    rows = [list(r) for r in ROWS]
    rows[1][3] = "还行"
    path = str(write_xlsx(workdir / "需要对应.xlsx", headers, rows))
    assert main(["import-survey", wcif, path, "--group", "参保单位"]) == 1
    out = capsys.readouterr().out
    assert "无法对应的列：E“2、窗口服务”" in out and "无法对应的答案：题目“您对工伤认定的办理效率是否满意？”的“还行”（1次）" in out
    assert "--map-column" in out and "--map-answer" in out
    assert main(["import-survey", wcif, path, "--group", "参保单位", "--map-column", "2、窗口服务=Q2",
                 "--map-answer", "Q1:还行=3"]) == 0
    capsys.readouterr()
    with open_file(wcif) as f:
        q1 = next(st for st in sv.appendix(f) if st.question.code == "Q1")
        assert dict(q1.counts)["一般"] == 1 and q1.out_of_scale == 0
    more = rows + [[5, t(30), "9秒", "还行", "满意", "知道", None]]
    path2 = str(write_xlsx(workdir / "需要对应 第二次.xlsx", headers, more))
    assert main(["import-survey", wcif, path2, "--group", "参保单位"]) == 0
    assert "已导入 1 份答卷" in capsys.readouterr().out
    assert main(["import-survey", wcif, path2, "--group", "参保单位", "--map-answer", "Q1:好=极好"]) == 2
    assert "没有选项“极好”" in capsys.readouterr().err


def test_cli_no_mapping_hint_after_an_import_that_wrote(ef, survey, workdir, capsys):
    """A column nobody maps (备注) is named, but the --map-column hint is for a run that wrote nothing: after the
    import the rows are on file, and a second run would find them already imported."""
    ef.close()
    headers = [*HEADERS, "备注"]
    rows = [[*r, "无"] for r in ROWS]
    path = str(write_xlsx(workdir / "带备注.xlsx", headers, rows))
    assert main(["import-survey", str(ef.path), path, "--group", "参保单位"]) == 1  # a decision is pending
    out = capsys.readouterr().out
    assert "无法对应的列：H“备注”" in out and "--map-column" in out  # nothing written: how to map it
    assert main(["import-survey", str(ef.path), path, "--group", "参保单位", "--unmapped-columns", "skip"]) == 0
    out = capsys.readouterr().out
    assert "无法对应的列：H“备注”" in out and "已导入" in out and "--map-column" not in out


def test_a_header_only_export_is_refused_and_the_file_is_unchanged(ef, survey, workdir, capsys):
    ef.close()
    before = ef.path.read_bytes()
    path = str(write_xlsx(workdir / "仅表头.xlsx", HEADERS, []))
    assert main(["import-survey", str(ef.path), path, "--group", "参保单位", "--missing-columns", "keep"]) == 2
    assert "没有答卷数据行" in capsys.readouterr().err
    assert ef.path.read_bytes() == before


def test_a_platforms_skip_mark_is_no_answer(ef, survey, workdir):
    """问卷星 writes “(跳过)” where logic skipped a question: not an answer outside the options."""
    rows = [list(r) for r in ROWS]
    rows[0][3] = "(跳过)"
    rf = sv.read_response_file(write_xlsx(workdir / "跳过.xlsx", HEADERS, rows))
    assert rf.rows[0][1][3] == ""
    rep = sv.import_responses(ef, survey.id, rf.path, rf=rf, dry_run=True)
    assert rep.counts()["out_of_scale"] == 0
