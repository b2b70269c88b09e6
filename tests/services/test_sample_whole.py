"""Issue 18: the bundled sample is a whole evaluation — plan, team, requests, evidence, working papers,
interviews, surveys, citations and business data — and the readiness check fails, naming the record, when any
support is removed."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import tomllib
from decimal import Decimal

from wcif_desktop.domain.review import EvaluationPlan, Evidence, IndependenceDeclaration, PlanBasis, PlanPhase
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import plan as plan_svc
from wcif_desktop.services import review, scoring
from wcif_desktop.services import survey as survey_svc
from wcif_desktop.services.business import basic_situation, business
from wcif_desktop.services.evidence import iter_content, list_evidence
from wcif_desktop.services.metrics import compute_metrics
from wcif_desktop.services.readiness_supports import check_supports
from wcif_desktop.services.report_state import readiness_of as check_file
from wcif_desktop.services.sample import write_sample


def messages(ef) -> list[str]:
    return [str(i.message) for i in check_file(ef)]


def test_readiness_passes_on_the_sample(sample_file):
    # no error: the sample's report may be final and signed; hints (e.g. the seed's two deductions from the one
    # expenditure figure, which the evaluator confirms) are advice, not a failed check
    errors = [str(i.message) for i in check_file(sample_file) if i.severity == "错误"]
    assert errors == []


def test_plan_team_and_schedule_fit_a_report_of_2022_06_30(sample_file):
    pl = plan_svc.plan(sample_file)
    assert pl.objectives and pl.scope and json.loads(pl.methods) and json.loads(pl.standards)
    numbers = [b.number for b in plan_svc.basis(sample_file)]
    assert "内人社发〔2020〕26号" in numbers and "财预〔2020〕10号" in numbers
    report_date = _dt.date(2022, 6, 30)
    phases = plan_svc.phases(sample_file)
    assert len(phases) >= 3
    ends = [_dt.date.fromisoformat(p.end_date) for p in phases]
    assert ends == sorted(ends) and ends[-1] <= report_date
    team = plan_svc.team(sample_file)
    decl = plan_svc.independence(sample_file)
    assert all(decl[m.id].independent and _dt.date.fromisoformat(decl[m.id].declared_on) <= ends[0] for m in team)
    reviewers = {m.id for m in team if m.role == "reviewer"}
    papers = review.working_papers(sample_file)
    assert len(papers) >= 5
    for p in papers:
        s = review.paper_signoff(sample_file, p.id)
        assert s.complete, p.code
        assert p.reviewer_id in reviewers and p.preparer_id != p.reviewer_id
        assert review.paper_evidence(sample_file, p.id), p.code
        assert p.prepared_at[:10] <= p.reviewed_at[:10] <= "2022-06-30"
    assert len(review.interviews(sample_file)) >= 3


def test_request_list_has_realistic_statuses(sample_file):
    items = review.request_items(sample_file)
    statuses = {i.status for i in items}
    assert {"received", "reviewed", "not_provided", "not_applicable"} <= statuses
    assert "requested" not in statuses
    assert all(i.provider_note for i in items if i.status in ("not_provided", "not_applicable"))
    assert len(items) >= 30  # the fund template's list


def test_evidence_is_generated_linked_and_deterministic(sample_file, tmp_path):
    infos = list_evidence(sample_file)
    heads = {}
    for info in infos:
        head = b"".join(iter_content(sample_file, info.evidence.sha256))[:8]
        heads[info.evidence.original_name.rsplit(".", 1)[1]] = head
    assert heads["png"].startswith(b"\x89PNG") and heads["pdf"].startswith(b"%PDF") and "csv" in heads
    links = {(r["target_kind"]) for r in sample_file.rows("evidence_link")}
    assert links == {"document_request", "working_paper", "indicator"}
    # a second build stores the same bytes (fixed dates and ids in the generated files)
    other = write_sample(tmp_path / "第二份 样例.wcif")
    from wcif_desktop.store.db import EvaluationFile

    with EvaluationFile.open(other) as ef2:
        assert {e.evidence.sha256 for e in list_evidence(ef2)} == {e.evidence.sha256 for e in infos}


def test_every_deduction_has_a_reason_and_citations(sample_file):
    leaves = [i for i in svc.load_snapshot(sample_file).indicators if i.level == 3]
    deducted = [i for i in leaves if i.score < i.weight]
    assert len(deducted) >= 10
    for ind in deducted:
        assert ind.deduction_reason.strip(), ind.name
        kinds = {c.kind for c in scoring.citations(sample_file, ind.id)}
        assert kinds == {"working_paper", "evidence"}, ind.name


def test_surveys_support_the_seed_conclusions(sample_file):
    rows = {r["group"]: r for r in survey_svc.results_table(sample_file) if r["group"] != "全部"}
    assert set(rows) == {"参保单位", "待遇领取人员"}
    assert all(r["valid_responses"] >= 30 for r in rows.values())
    m = compute_metrics(sample_file)
    assert m["satisfaction_rate[参保单位]"] == Decimal("80.00")
    assert m["satisfaction_rate[待遇领取人员]"] == Decimal("85.00")
    assert m["awareness_rate"] == Decimal("63.75")
    # the scores follow from the rates (score = rate × weight) and stay below the 90 % targets
    ind = {i.name: i for i in svc.load_snapshot(sample_file).indicators}
    assert ind["参保单位满意度"].score == Decimal("0.8000") * ind["参保单位满意度"].weight
    assert ind["待遇领取人员满意度"].score == Decimal("0.85") * ind["待遇领取人员满意度"].weight
    assert "63.75%" in ind["工伤保险政策知晓率"].deduction_reason


def test_business_data_is_marked_illustrative_and_states_the_coverage_finding(sample_file):
    b = business(sample_file)
    assert b.insured_persons == 612430 and b.collection_actual == Decimal("102125700.00")
    assert {"insured_persons", "collection_due", "injury_on_time"} <= b.illustrative_fields()
    d = basic_situation(sample_file)
    text = "".join(d["background"] + d["implementation"] + d["funding"])
    assert "612,430" in text and "征缴率97.39%" in text and "72,412.03" in text
    assert "累计结余可支付66.77个月" in text and "下调费率50%" in text
    assert "示例" not in text  # illustrative in the data, not in the report text


def test_framework_agrees_with_the_bundled_fund_template(sample_file):
    from wcif_desktop.paths import resource

    with open(resource("frameworks", "gongshang-fund.toml"), "rb") as fh:
        template = tomllib.load(fh)
    names = {i.name for i in svc.load_snapshot(sample_file).indicators}
    for key in ("劳动能力鉴定按时完成率", "工伤预防费使用控制"):
        assert key in names
        assert key in json.dumps(template, ensure_ascii=False)


def test_demo_remark_is_the_files_description_not_a_report_section(sample_file):
    from wcif_desktop.services.deliverables.content import section_text

    snap = svc.load_snapshot(sample_file)
    assert "仅供演示" in snap.evaluation.illustrative_note
    for key in ("other", "basic.intro", "conclusion.overall"):
        assert "仅供演示" not in section_text(snap, key)


# ------------------------------------------------------------------------------------------ removing supports
def test_removing_evidence_names_the_papers_and_scores_it_supported(sample_file):
    ev = next(e for e in sample_file.records(Evidence) if e.original_name.endswith(".png"))
    svc.delete_record(sample_file, Evidence, ev.id)
    msgs = messages(sample_file)
    # DG-003 keeps its spreadsheet, but what its preparer and reviewer signed has changed
    assert "工作底稿“DG-003 参保、工伤认定、劳动能力鉴定及待遇核发核查”未附证据" not in msgs
    assert "工作底稿“DG-003 参保、工伤认定、劳动能力鉴定及待遇核发核查”复核人未签字或签字后已修改" in msgs
    stmt = next(e for e in sample_file.records(Evidence) if "决算报表" in e.original_name)
    svc.delete_record(sample_file, Evidence, stmt.id)
    msgs = messages(sample_file)
    assert "工作底稿“DG-002 基金预算编制与执行核查”未附证据" in msgs
    assert "工作底稿“DG-005 立项依据与管理制度核查”未附证据" in msgs
    assert any("预算编制科学性”引用的工作底稿或证据已删除" in m for m in msgs)


def test_removing_a_deduction_reason_is_named(sample_file):
    ind = next(i for i in svc.load_snapshot(sample_file).indicators if i.name == "预算执行率")
    sample_file.update("indicator", ind.id, {"deduction_reason": ""})
    msgs = messages(sample_file)
    assert any("预算执行率" in m and "扣分原因" in m for m in msgs), msgs


def test_removing_a_survey_is_named(sample_file):
    s = survey_svc.find_survey(sample_file, "待遇领取人员")
    survey_svc.delete_survey(sample_file, s.id)
    msgs = messages(sample_file)
    assert any("待遇领取人员满意度”依据问卷调查评分，但没有“待遇领取人员”的有效问卷" in m for m in msgs), msgs
    assert not any("参保单位满意度”依据问卷" in m for m in msgs)


def test_removing_the_plan_is_named(sample_file):
    for cls in (EvaluationPlan, PlanBasis, PlanPhase):
        for rec in sample_file.records(cls):
            svc.delete_record(sample_file, cls, rec.id)
    assert [str(i.message) for i in check_supports(sample_file)] == [
        "评价方案未填写评价目的", "评价方案未选择评价方法", "评价方案未列明评价依据", "评价方案未安排工作阶段"]


def test_removing_a_declaration_and_editing_a_signed_paper_are_named(sample_file):
    zhao = plan_svc.find_member(sample_file, "赵丽")
    decl = next(d for d in sample_file.records(IndependenceDeclaration) if d.member_id == zhao.id)
    svc.delete_record(sample_file, IndependenceDeclaration, decl.id)
    paper = next(p for p in review.working_papers(sample_file) if p.code == "DG-004")
    review.update_working_paper(sample_file, paper.id, body=paper.body + "（补充）")
    msgs = messages(sample_file)
    assert "赵丽 未签署独立性声明" in msgs
    assert "工作底稿“DG-004 工伤预防工作核查”编制人未签字或签字后已修改" in msgs
    assert "工作底稿“DG-004 工伤预防工作核查”复核人未签字或签字后已修改" in msgs


def test_an_unanswered_request_is_named(sample_file):
    item = review.find_request(sample_file, "A06")
    review.set_request_status(sample_file, item.id, "requested")
    assert f"资料“A06 {item.title}”仍为已索取，未记录提供情况" in messages(sample_file)


def test_sample_evidence_hash_is_stable_bytes():
    from wcif_desktop.services import sample_files as sf

    a = sf.pdf_bytes("标题", ["一行"])
    b = sf.pdf_bytes("标题", ["一行"])
    assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest()
    assert sf.png_bytes("t", ["a", "b", "c"], [["1", "2", "3"]]) == sf.png_bytes("t", ["a", "b", "c"], [["1", "2", "3"]])
    assert sf.xlsx_bytes("t", ["a"], [["1"]]) == sf.xlsx_bytes("t", ["a"], [["1"]])
    # no clock in the workbook: openpyxl stamps docProps/core.xml's modified with the time of saving (two calls
    # in different seconds differed), the sample fixes it
    import io
    import zipfile

    core = zipfile.ZipFile(io.BytesIO(sf.xlsx_bytes("t", ["a"], [["1"]]))).read("docProps/core.xml")
    assert b">2022-05-10T09:00:00Z</dcterms:modified>" in core
