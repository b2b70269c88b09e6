"""A survey import writes its responses and answers with ONE history entry (EvaluationFile.insert_bulk, issue 19
“Speed”) whose hash covers every row as written: verify-history still catches an answer changed, added or removed
outside the program, legitimate later edits raise no alarm, the lock refuses it, merges carry the answers, and a
record's history shows the import that created it."""

from __future__ import annotations

import datetime as dt
import sqlite3

import openpyxl
import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge, report_archive
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty
from wcif_desktop.store.db import BATCH_FIELD, BulkIds, EvaluationFile, decode_batch

HEADERS = ["序号", "提交答卷时间", "1、您对工伤认定的办理效率是否满意？", "2、您是否知道工伤保险浮动费率政策？", "3、您的意见和建议"]
SCALE = ["非常满意", "满意", "一般", "不满意", "非常不满意"]


def write_export(path, n=40, first=1):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "答卷数据"
    ws.append(HEADERS)
    for k in range(first, first + n):
        ws.append([k, dt.datetime(2022, 3, 1, 9, 0) + dt.timedelta(minutes=k), SCALE[k % 5],
                   "知道" if k % 3 else "不知道", "希望简化材料" if k % 7 == 0 else None])
    wb.save(path)
    return path


def new_survey(ef):
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    sv.add_question(ef, s.id, "您对工伤认定的办理效率是否满意？")
    sv.add_question(ef, s.id, "您是否知道工伤保险浮动费率政策？", "awareness")
    sv.add_question(ef, s.id, "您的意见和建议", "text")
    return s


@pytest.fixture
def imported(workdir):
    """(file, survey) after importing 40 responses (≈ 90 answers) from an export."""
    ef = create_empty(workdir / "问卷 批量.wcif", title="测试", fiscal_year=2021)
    s = new_survey(ef)
    rep = sv.import_responses(ef, s.id, write_export(workdir / "答卷 导出.xlsx"))
    assert rep.written and rep.imported == 40
    yield ef, s
    ef.close()


def one_answer(ef):
    return ef.conn.execute("SELECT id, text FROM survey_answer WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 5"
                           ).fetchone()


def test_an_import_is_one_history_entry_covering_its_rows(imported):
    ef, _s = imported
    n_resp = ef.conn.execute("SELECT count(*) FROM survey_response").fetchone()[0]
    n_ans = ef.conn.execute("SELECT count(*) FROM survey_answer").fetchone()[0]
    assert n_resp == 40 and n_ans > 80
    entries = ef.conn.execute("SELECT record_id, new FROM audit_log WHERE field = ?", [BATCH_FIELD]).fetchall()
    assert len(entries) == 1
    content = decode_batch(entries[0][1])
    assert len(content["survey_response"][1]) == n_resp and len(content["survey_answer"][1]) == n_ans
    # no per-answer entries
    assert ef.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'survey_answer'").fetchone()[0] == 0
    assert ef.verify_history() == [] and ef.outside_changes() == []


@pytest.mark.parametrize("tamper", ["change", "tombstone", "add", "remove"])
def test_verify_history_catches_an_answer_tampered_after_a_bulk_import(imported, tamper):
    ef, _s = imported
    aid, text = one_answer(ef)
    conn = ef.conn
    if tamper == "change":
        conn.execute("UPDATE survey_answer SET text = ? WHERE id = ?", ["非常满意" if text != "非常满意" else "满意", aid])
    elif tamper == "tombstone":
        conn.execute("UPDATE survey_answer SET deleted = 1 WHERE id = ?", [aid])
    elif tamper == "add":  # a forged answer given an id of the import's range
        row = conn.execute("SELECT * FROM survey_answer WHERE id = ?", [aid]).fetchone()
        forged = aid[:BulkIds.KEY_LENGTH] + "ffff0000"
        conn.execute("INSERT INTO survey_answer VALUES (" + ",".join("?" * len(row)) + ")", [forged, *row[1:]])
    else:
        conn.execute("DELETE FROM survey_answer WHERE id = ?", [aid])
    problems = ef.verify_history()
    assert problems, tamper
    assert any("survey_answer" in p for p in problems)
    if tamper != "remove":
        assert [t for t, _i, _l in ef.outside_changes()] == ["survey_answer"]
        assert any("有记录在 WCIF Desktop 之外被改动" in str(p) for p in exchange.check_invariants(ef))
    else:
        assert any("在本程序之外被删除" in p for p in problems)


def test_the_batch_entry_itself_is_covered_by_the_hash_chain(imported):
    ef, _s = imported
    seq, new = ef.conn.execute("SELECT seq, new FROM audit_log WHERE field = ?", [BATCH_FIELD]).fetchone()
    ef.conn.execute("UPDATE audit_log SET new = ? WHERE seq = ?", [new.replace("不知道", "知道"), seq])
    assert any("内容被改动" in p for p in ef.verify_history())


def test_edits_through_the_program_after_a_bulk_import_raise_no_alarm(imported):
    ef, s = imported
    resp = ef.records(sv.SurveyResponse, "survey_id = ?", [s.id])
    sv.set_response_excluded(ef, resp[0].id, True, "重复填写")
    sv.delete_response(ef, resp[1].id)
    sv.restore_response(ef, resp[1].id)
    sv.delete_response(ef, resp[2].id)
    assert ef.verify_history() == []
    # an answer tampered afterwards is still caught, the edited ones are judged by their recorded versions
    aid, _t = ef.conn.execute("SELECT id, text FROM survey_answer WHERE response_id = ?", [resp[5].id]).fetchone()
    ef.conn.execute("UPDATE survey_answer SET text = '篡改' WHERE id = ?", [aid])
    assert ef.verify_history()


def test_a_second_import_adds_only_new_rows_in_a_second_batch(imported, workdir):
    ef, s = imported
    longer = write_export(workdir / "答卷 导出 第二次.xlsx", n=50)
    rep = sv.import_responses(ef, s.id, longer)
    assert rep.written and rep.imported == 10 and len(rep.already_imported) == 40
    assert ef.conn.execute("SELECT count(*) FROM audit_log WHERE field = ?", [BATCH_FIELD]).fetchone()[0] == 2
    assert ef.verify_history() == []


def test_stored_fingerprints_are_the_documented_ones(imported):
    ef, s = imported
    rf = sv.read_response_file(ef.path.parent / "答卷 导出.xlsx")
    keys = [sv.normalize_header(h) for _l, h in rf.headers]
    number, cells = rf.rows[0]
    want = sv._fingerprint(cells[0], cells[1], [(keys[j], c) for j, c in enumerate(cells) if c])
    stored = ef.conn.execute("SELECT fingerprint FROM survey_response WHERE source_row = ?", [number]).fetchone()[0]
    assert stored == want


def test_a_bulk_import_is_refused_on_a_locked_evaluation(imported, workdir):
    ef, s = imported
    report_archive.lock(ef, "报告已最终签署")
    before = ef.conn.execute("SELECT count(*) FROM survey_answer").fetchone()[0]
    with pytest.raises(ValidationError, match="已锁定"):
        sv.import_responses(ef, s.id, write_export(workdir / "新的.xlsx", n=5, first=100))
    ids = BulkIds()
    with pytest.raises(ValidationError, match="已锁定"):
        ef.insert_bulk(ids, [("finding", ["id", "title"], [(ids.take(1)[0], "x")])])
    assert ef.conn.execute("SELECT count(*) FROM survey_answer").fetchone()[0] == before
    assert ef.verify_history() == []


def test_insert_bulk_checks_ids_and_types(imported):
    ef, _s = imported
    ids = BulkIds()
    with pytest.raises(ValueError):
        ef.insert_bulk(ids, [("finding", ["id", "title"], [(BulkIds().take(1)[0], "x")])])
    with pytest.raises(TypeError):
        ef.insert_bulk(ids, [("finding", ["id", "title", "sort_order"], [(ids.take(1)[0], "x", "1")])])
    # a generic table works the same (ids out of order too)
    a, b = ids.take(2)
    n = ef.insert_bulk(ids, [("finding", ["id", "title", "kind", "sort_order"], [(b, "乙", "problem", 2),
                                                                                  (a, "甲", "problem", True)])])
    assert n == 2 and {f.title for f in ef.records(Finding)} >= {"甲", "乙"}
    assert ef.verify_history() == []
    assert ef.bulk_record("finding", a)[2]["sort_order"] == 1


def test_a_bulk_records_history_shows_the_import(imported):
    ef, _s = imported
    aid, text = one_answer(ef)
    hist = merge.record_history(ef, "survey_answer", aid)
    assert len(hist) == 1 and hist[0].field == "*" and text in hist[0].new


def test_bulk_imported_answers_travel_in_a_merge(workdir):
    lead_path = workdir / "组长 文件.wcif"
    lead = create_empty(lead_path, title="测试", fiscal_year=2021)
    s = new_survey(lead)
    lead.close()
    member_path = workdir / "成员 文件.wcif"
    exchange.export_evaluation(lead_path, member_path, log2_n=12)
    member = EvaluationFile.open(member_path, who="成员")
    rep = sv.import_responses(member, s.id, write_export(workdir / "答卷.xlsx"))
    assert rep.written
    resp = member.records(sv.SurveyResponse)
    sv.set_response_excluded(member, resp[3].id, True, "重复填写")
    want = sv.results_table(member)
    member.close()
    lead = EvaluationFile.open(lead_path)
    merged = exchange.import_file(lead, member_path)
    assert not merged.conflicts
    assert sv.results_table(lead) == want
    assert lead.verify_history() == []
    # and back: an edit of the lead reaches the member's file as a fast-forward
    sv.set_response_excluded(lead, resp[4].id, True, "无效答卷")
    lead.close()
    back = workdir / "回传.wcif"
    exchange.export_evaluation(lead_path, back, log2_n=12)
    member = EvaluationFile.open(member_path, who="成员")
    rep2 = exchange.import_file(member, back)
    assert not rep2.conflicts
    assert member.rows("survey_response", "id = ?", [resp[4].id])[0]["excluded"] == 1
    assert member.verify_history() == []
    member.close()


def test_verify_history_command_fails_on_a_tampered_bulk_answer(imported, capsys):
    from wcif_desktop.cli import main

    ef, _s = imported
    path = ef.path
    ef.close()
    assert main(["verify-history", str(path)]) == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE survey_answer SET option_id = '' WHERE id = (SELECT min(id) FROM survey_answer)")
    conn.commit()
    conn.close()
    assert main(["verify-history", str(path)]) == 1
