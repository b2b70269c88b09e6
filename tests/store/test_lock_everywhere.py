"""Issue 23.1: the lock after the final signature is enforced under every write path (store layer), not in front of
the UI. Every service that writes is called on a locked evaluation — once as shipped, once with the services' own
early checks switched off, which shows that the store refuses on its own — and each refuses; the file is
byte-for-byte unchanged afterwards. Unlocking only through ``reopen`` with a reason, recorded."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from decimal import Decimal

import pytest

from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.model import Evaluation, Finding, Indicator, TargetIndicator, TeamMember
from wcif_desktop.services import (
    baseline,
    business,
    edits,
    evidence,
    exchange,
    facts,
    fieldwork,
    finance,
    finding_library,
    finding_links,
    frameworks,
    merge,
    plan,
    report_state,
    request_sheet,
    review,
    score_sheet,
    scoring,
    survey,
    target_papers,
    targets,
)
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import report_archive as archive
from wcif_desktop.store.db import EvaluationFile

# public service functions taking the evaluation file first that never write (checked below: a new function must be
# added either here or to the walk)
READ_ONLY = {
    "baseline": {"baseline_finance_lines", "baseline_path", "baseline_ref", "baseline_status", "carried",
                 "carry_forward_candidates", "continuity_check", "historical_standard", "rectification_section",
                 "year_on_year"},  # last year's file is opened read-only
    "business": {"analysis", "basic_situation", "basic_situation_paragraphs", "business", "business_dict",
                 "business_metrics", "statement_values"},
    "edits": {"consensus_of", "panel_score_of"},  # the other edits build an Edit whose do() writes: walked through do()
    "evaluation": {"evaluation", "get", "load_snapshot", "open_conflicts", "records",
                   "save_copy"},  # save_copy writes a copy elsewhere, never the open file
    "evidence": {"content_size", "content_stored", "extract_evidence", "find_evidence", "iter_content",
                 "list_evidence", "temporary_copy", "verify_evidence"},
    "exchange": {"anchor_problems", "check_invariants", "check_values"},
    "facts": {"facts"},
    "fieldwork": {"site_visits"},
    "finance": {"analysis", "finance_dict", "lines_by_id", "load_settings"},
    "finding_library": {"save_finding"},  # reads the evaluation, writes the user's library
    "finding_links": {"available", "candidates", "check_link", "links"},
    "frameworks": {"check", "indicators", "position", "subtree_ids"},
    "merge": {"get_conflict", "label_of", "list_conflicts", "merge_history", "record_choices", "record_history",
              "record_tables_in_use", "refresh_sync_state"},  # bookkeeping of versions only (sync_head)
    "metrics": {"business_metrics", "compute_metrics", "finance_metrics", "survey_metrics"},
    "plan": {"basis", "find_member", "independence", "independence_problems", "member", "phases", "plan", "team",
             "work_process_sentences_for"},
    "readiness_supports": {"check_supports"},
    "report_archive": {"check_can_finalize", "is_locked", "lock_history", "open_conflict_labels", "report_bytes",
                       "save_report_as", "saved_reports"},  # save_report_as writes the kept PDF out
    "report_state": {"confirmed_overlaps", "readiness_of", "support_codes"},
    "request_sheet": {"preview_requests", "snapshot_requests"},
    "review": {"export_request_list", "find_request", "indicator_names", "interviews", "paper_evidence",
               "paper_hash", "paper_signoff", "request_counts", "request_items", "request_summary", "review_notes",
               "working_papers"},
    "sample": {"load_into"},  # fills a new, empty file
    "score_sheet": {"export_score_sheet", "preview_import", "group_rows"},
    "scoring": {"citable", "citations", "explain", "grade_bands", "panel_sentence", "panel_view", "readiness",
                "score_sheet", "settings", "supports"},
    "survey": {"appendix", "find_survey", "load_survey_data", "mapping_from_specs", "match_columns", "options",
               "questions", "results_table", "saved_mapping", "survey_metrics", "survey_results", "survey_tally",
               "surveys", "text_answer_keys", "text_answers"},
    "target_papers": {"declared_annual_target", "review_evaluation"},
    "targets": {"comparison", "sheet_header", "targets"},
}

# the logs a locked evaluation keeps writing (store.db.WRITABLE_WHEN_LOCKED): the kept reports, the lock and its
# reopening, the archive (its documents register and archive record); each is tested where it is made
# (test_only_reopen_with_a_reason_unlocks_and_it_is_recorded below, tests/documents/test_doc_archive_cli.py)
WRITES_WHEN_LOCKED = {
    "archive": {"archive"},
    "report_archive": {"lock", "record_report", "reopen"},
}


PANEL_OTHER = "trimmed_mean"
NOTHING_TO_DO = {"recompute", "recompute_scores", "evaluate_completions"}  # derived values already current


def _service_functions() -> set[tuple[str, str]]:
    import wcif_desktop.services as pkg

    out = set()
    for m in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"wcif_desktop.services.{m.name}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != mod.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "ef":
                out.add((m.name, name))
    return out


def _dump(path) -> dict:
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        conn.close()


@pytest.fixture
def locked(sample_path, workdir):
    """The sample evaluation with one of everything a writer can act on, then exported to a colleague's copy
    (edited there), then locked. Returns (path, context dict)."""
    colleague = workdir / "同事.wcif"
    ef = EvaluationFile.open(sample_path, backup=False)
    inds = ef.records(Indicator)
    parents = {i.parent_id for i in inds}
    leaf = next(i for i in inds if i.id not in parents)
    level1 = next(i for i in inds if i.level == 1)
    finding = ef.records(Finding)[0]
    problem = next(f for f in ef.records(Finding) if f.kind == "problem")
    rec = next(f for f in ef.records(Finding) if f.kind == "recommendation")
    member = ef.records(TeamMember)[0]
    s = survey.create_survey(ef, "满意度问卷", "参保单位")
    q = survey.add_question(ef, s.id, "您对工伤待遇核发服务是否满意？")
    resp = survey.add_response(ef, s.id, {q.id: "满意"}, respondent_id="U1")
    for r in review.request_items(ef):  # the sample's list (issue 18): the template has something to add again
        review.delete_request_item(ef, r.id)
    item, _ = review.add_request_item(ef, "资料一", "财务")
    review.add_request_item(ef, "资料二", "财务")
    lead = next(m for m in ef.records(TeamMember) if m.role == "lead")
    scoring.set_panel_score(ef, leaf.id, lead.id, leaf.weight, "")
    scoring.reveal_panel(ef, lead.id)
    for t in targets.targets(ef, "refined"):  # so that start_refinement has something to do
        svc.delete_record(ef, TargetIndicator, t.id)
    svc.add_record(ef, TargetIndicator(version="declared", dimension="产出", name="培训场次", comparator="≥",
                                       value="1", unit="场"))
    paper, _ = review.add_working_paper(ef, "底稿一", "正文")
    phase, _ = plan.add_phase(ef, "现场评价")
    f = workdir / "证据 一.txt"
    f.write_bytes(b"evidence")
    ev = evidence.add_evidence(ef, f, target_kind="indicator", target_id=leaf.id).evidence
    link = ef.rows("evidence_link")[0]
    flink, _ = finding_links.link(ef, problem.id, "indicator", leaf.id)
    scoring.cite(ef, leaf.id, "evidence", ev.id)
    citation = ef.rows("score_citation")[0] if ef.db["score_citation"].exists() else None
    sheet = workdir / "评分表.xlsx"
    score_sheet.export_score_sheet(ef, sheet)
    target_sheet = workdir / "绩效目标.xlsx"
    targets.write_target_table(target_sheet, targets.targets(ef))
    library = workdir / "问题库.db"
    entry = finding_library.save_finding(ef, problem.id, finding_library.FindingLibrary(library))
    visit, _ = fieldwork.add_site_visit(ef, "赛罕区社保分局", "赛罕区社会保险事业管理局", "2022-04-20",
                                        reason="待遇核发量最大")
    interview = review.interviews(ef)[0]
    business_sheet = business.write_template(workdir / "业务数据.xlsx", ef)
    import openpyxl

    wb = openpyxl.load_workbook(business_sheet)
    wb[business.TEMPLATE_SHEET]["B3"] = 12345  # 参保单位数: a value that differs from the file's
    wb.save(business_sheet)
    responses = workdir / "问卷 回收.csv"
    responses.write_text("序号,提交答卷时间,1、您对工伤待遇核发服务是否满意？（单选题）\n1,2022-03-01 09:00,满意\n"
                         "2,2022-03-01 09:05,不满意\n", encoding="utf-8")
    ef.close()
    last_year = workdir / "上年 评价.wcif"  # the baseline: the same evaluation a year earlier
    import shutil

    shutil.copy2(sample_path, last_year)
    with EvaluationFile.open(last_year, backup=False) as o:
        svc.update_record(o, Evaluation, svc.evaluation(o).id, fiscal_year=2020)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        baseline.link_baseline(ef, last_year)
        baseline.carry_forward(ef, target_ids=[])  # last year's problems; its targets are left to carry when locked
        carried = baseline.carried(ef)[0]
    exchange.export_evaluation(sample_path, colleague, log2_n=12)
    with EvaluationFile.open(colleague, who="同事", backup=False) as c:
        c.update("finding", finding.id, {"title": "同事改的标题"})
    ef = EvaluationFile.open(sample_path, backup=False)
    ef.update("finding", finding.id, {"title": "组长改的标题"})
    rep = exchange.import_file(ef, colleague)
    conflict = rep.conflicts[0]
    merge.resolve_field(ef, conflict, "title", "mine")  # resolved before the lock (else locking is refused)
    with EvaluationFile.open(colleague, who="同事", backup=False) as c:
        c.update("finding", finding.id, {"title": "同事再改"})
    ef.update("finding", finding.id, {"title": "组长再改"})
    conflict = exchange.import_file(ef, colleague).conflicts[0]
    merge.resolve_field(ef, conflict, "title", "mine")
    # a conflict kept open by hand-crafting its status back (to have one to resolve while locked)
    ef.conn.execute("UPDATE merge_conflict SET status = 'open', choices = '{}' WHERE id = ?", [conflict])
    ef.conn.execute("UPDATE merge_conflict SET status = 'resolved' WHERE id = ?", [conflict])
    ef.close()
    ctx = dict(library=library, library_entry=entry.id, responses=responses, lead=lead, leaf=leaf, level1=level1, finding=finding, problem=problem, rec=rec, member=member, survey=s,
               question=q, response=resp, item=item, paper=paper, phase=phase, evidence=ev, link=link,
               flink=flink, citation=citation, sheet=sheet, target_sheet=target_sheet, colleague=colleague,
               conflict=conflict, file=f, visit=visit, interview=interview, business_sheet=business_sheet,
               last_year=last_year, carried=carried)
    ef = EvaluationFile.open(sample_path, backup=False)
    scoring.update_settings(ef, confirmed_overlaps="[]")  # an overlap warning left to confirm while locked
    archive.lock(ef)
    ef.conn.execute("UPDATE merge_conflict SET status = 'open', choices = '{}' WHERE id = ?", [conflict])
    ef.close()
    with EvaluationFile.open(colleague, who="同事", backup=False) as c:  # something new to merge
        c.update("finding", problem.id, {"cause": "同事补充的原因"})
    return sample_path, ctx


def _statement(path):
    """A small 社预执行表 (unit 元) for the finance import."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "社预执行07表"
    ws["A1"] = "工伤保险基金预算执行情况表"
    ws["H2"] = "单位：元"
    ws.append(["项目", "2021年预算数", "2021年调整后预算数", "当期执行数", "累计执行数"])
    ws.append(["1.工伤保险费收入", "709,841,093.00", "709,841,093.00", "201,872,098.53", "365,973,801.79"])
    ws.append(["2.利息收入", "1,000.00", "1,000.00", "500.00", "900.00"])
    wb.save(path)
    return path


def _calls(c, workdir):
    """(module, function, call) for every service function that writes."""
    other = workdir / "另一个证据.txt"
    other.write_bytes(b"other evidence")
    return [
        ("evaluation", "add_record", lambda ef: svc.add_record(ef, Finding(title="新问题", kind="problem"))),
        ("evaluation", "update_record", lambda ef: svc.update_record(ef, Finding, c["finding"].id, title="改")),
        ("evaluation", "update_record", lambda ef: svc.update_record(
            ef, Evaluation, svc.evaluation(ef).id, locked=False)),  # the side door of issue 23.1
        ("evaluation", "delete_record", lambda ef: svc.delete_record(ef, Finding, c["finding"].id)),
        ("evaluation", "restore_record", lambda ef: svc.restore_record(ef, Finding, c["finding"].id)),
        ("evaluation", "set_indicator_score", lambda ef: svc.set_indicator_score(
            ef, c["leaf"].id, Decimal(0), "扣分原因")),
        ("evaluation", "set_narrative", lambda ef: svc.set_narrative(ef, "概述", "新文字")),
        ("evidence", "add_evidence", lambda ef: evidence.add_evidence(ef, other)),
        ("evidence", "link_evidence", lambda ef: evidence.link_evidence(
            ef, c["evidence"].id, "working_paper", c["paper"].id)),
        ("evidence", "unlink_evidence", lambda ef: evidence.unlink_evidence(ef, c["link"]["id"])),
        ("exchange", "assign", lambda ef: exchange.assign(ef, c["member"].id, "indicator", c["leaf"].id)),
        ("exchange", "import_file", lambda ef: exchange.import_file(ef, c["colleague"])),
        ("finance", "set_settings", lambda ef: finance.set_settings(ef, prevention_cap_rate="1")),
        ("finance", "apply_statement_import", lambda ef: finance.apply_statement_import(
            ef, finance.plan_statement_import(_statement(workdir / "执行表.xlsx"), year=2021))),
        ("finance", "revert_statement_import", lambda ef: finance.revert_statement_import(
            ef, {}, svc.Changes().add("finance_line", next(iter(finance.lines_by_id(ef)))))),  # an "added" line
        ("finding_library", "start_finding", lambda ef: finding_library.start_finding(
            ef, c["library_entry"], finding_library.FindingLibrary(c["library"]))),
        ("finding_links", "link", lambda ef: finding_links.link(ef, c["problem"].id, "indicator", c["level1"].id)),
        ("finding_links", "unlink", lambda ef: finding_links.unlink(ef, c["flink"].id)),
        ("finding_links", "set_answers", lambda ef: finding_links.set_answers(ef, c["rec"].id, [])),
        ("frameworks", "add_indicator", lambda ef: frameworks.add_indicator(ef, c["level1"].id, "新指标", 1)),
        ("frameworks", "apply_template", lambda ef: frameworks.apply_template(
            ef, frameworks.list_templates()[0].key, replace=True)),
        ("frameworks", "edit_indicator", lambda ef: frameworks.edit_indicator(ef, c["leaf"].id, name="改名")),
        ("frameworks", "move_indicator", lambda ef: frameworks.move_indicator(ef, c["leaf"].id, c["level1"].id, 0)),
        ("frameworks", "remove_indicator", lambda ef: frameworks.remove_indicator(ef, c["leaf"].id)),
        ("frameworks", "restore_indicators", lambda ef: frameworks.restore_indicators(ef, [c["leaf"].id])),
        ("frameworks", "reweight", lambda ef: frameworks.reweight(ef, c["leaf"].id, c["leaf"].weight + 1)),
        ("merge", "resolve_field", lambda ef: merge.resolve_field(ef, c["conflict"], "title", "theirs")),
        ("merge", "resolve_conflict", lambda ef: merge.resolve_conflict(ef, c["conflict"], "theirs")),
        ("merge", "merge_attached", lambda ef: merge.merge_attached(ef, c["colleague"], "同事.wcif")),
        ("plan", "add_basis", lambda ef: plan.add_basis(ef, "依据")),
        ("plan", "add_phase", lambda ef: plan.add_phase(ef, "阶段")),
        ("plan", "add_team_member", lambda ef: plan.add_team_member(ef, "新成员")),
        ("plan", "declare_independence", lambda ef: plan.declare_independence(ef, c["member"].id, True, "2022-03-30")),
        ("plan", "move", lambda ef: plan.move(ef, TeamMember, c["member"].id, 1)),
        ("plan", "set_plan", lambda ef: plan.set_plan(ef, objectives="新目标")),
        ("plan", "update_phase", lambda ef: plan.update_phase(ef, c["phase"].id, name="改名")),
        ("review", "add_interview", lambda ef: review.add_interview(
            ef, "张三", held_at="2022-04-01", interviewer_ids=[c["member"].id])),
        ("review", "add_request_item", lambda ef: review.add_request_item(ef, "资料", "财务")),
        ("review", "add_request_list_from_template", lambda ef: review.add_request_list_from_template(ef)),
        ("review", "add_review_note", lambda ef: review.add_review_note(ef, c["item"].id, c["member"].id, "意见")),
        ("review", "add_working_paper", lambda ef: review.add_working_paper(ef, "底稿")),
        ("review", "delete_request_item", lambda ef: review.delete_request_item(ef, c["item"].id)),
        ("review", "move_request_item", lambda ef: review.move_request_item(ef, c["item"].id, 1)),
        ("review", "set_request_status", lambda ef: review.set_request_status(ef, c["item"].id, "received")),
        ("review", "sign_off", lambda ef: review.sign_off(ef, c["paper"].id, c["member"].id, "preparer")),
        ("review", "update_request_item", lambda ef: review.update_request_item(ef, c["item"].id, title="改")),
        ("review", "update_working_paper", lambda ef: review.update_working_paper(ef, c["paper"].id, title="改")),
        ("score_sheet", "import_score_sheet", lambda ef: score_sheet.import_score_sheet(ef, c["sheet"], replace=True)),
        ("scoring", "apply_panel", lambda ef: scoring.apply_panel(ef)),
        ("scoring", "cite", lambda ef: scoring.cite(ef, c["level1"].id, "evidence", c["evidence"].id)),
        ("scoring", "recompute", lambda ef: scoring.recompute(ef)),
        ("scoring", "record_consensus", lambda ef: scoring.record_consensus(
            ef, c["leaf"].id, Decimal(0), "理由", c["member"].id)),
        ("scoring", "reveal_panel", lambda ef: scoring.reveal_panel(ef, c["lead"].id)),
        ("scoring", "set_grade_bands", lambda ef: scoring.set_grade_bands(
            ef, [(Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差")])),
        ("scoring", "set_panel_method", lambda ef: scoring.set_panel_method(ef, PANEL_OTHER)),
        ("scoring", "set_panel_score", lambda ef: scoring.set_panel_score(ef, c["leaf"].id, c["member"].id, 0, "理由")),
        ("scoring", "uncite", lambda ef: scoring.uncite(ef, c["citation"]["id"])),
        ("scoring", "update_rule_inputs", lambda ef: scoring.update_rule_inputs(ef, c["leaf"].id, actual="1")),
        ("scoring", "update_settings", lambda ef: scoring.update_settings(ef, panel_method=PANEL_OTHER)),
        ("survey", "add_question", lambda ef: survey.add_question(ef, c["survey"].id, "新问题？")),
        ("survey", "add_response", lambda ef: survey.add_response(ef, c["survey"].id, {c["question"].id: "满意"})),
        ("survey", "create_survey", lambda ef: survey.create_survey(ef, "新问卷", "职工")),
        ("survey", "create_survey_from_file", lambda ef: survey.create_survey_from_file(ef, c["responses"], "职工")),
        ("survey", "delete_response", lambda ef: survey.delete_response(ef, c["response"].id)),
        ("survey", "delete_survey", lambda ef: survey.delete_survey(ef, c["survey"].id)),
        ("survey", "import_responses", lambda ef: survey.import_responses(ef, c["survey"].id, c["responses"])),
        ("survey", "import_into_new_survey", lambda ef: survey.import_into_new_survey(ef, c["responses"], "职工")),
        ("facts", "set_facts", lambda ef: facts.set_facts(ef, project_name="另一个项目名称")),
        ("report_state", "confirm_overlap", lambda ef: report_state.confirm_overlap(ef, "expenditure_budget")),
        ("request_sheet", "import_requests", lambda ef: request_sheet.import_requests(
            ef, request_sheet.read_request_sheet(_request_sheet(ef, workdir)))),
        ("request_sheet", "revert_import", lambda ef: request_sheet.revert_import(
            ef, {k: dict(v, title="改") for k, v in request_sheet.snapshot_requests(ef).items()})),
        ("survey", "restore_response", lambda ef: survey.restore_response(ef, c["response"].id)),
        ("survey", "save_mapping", lambda ef: survey.save_mapping(ef, c["survey"].id, survey.ImportMapping(
            columns={"满意吗": ("question", c["question"].id)}))),
        ("survey", "set_response_excluded", lambda ef: survey.set_response_excluded(ef, c["response"].id, True, "重复")),
        ("survey", "set_satisfaction_method", lambda ef: survey.set_satisfaction_method(ef, c["survey"].id, "mean")),
        ("targets", "apply_target_import", lambda ef: targets.apply_target_import(
            ef, targets.plan_target_import(c["target_sheet"], version="refined"), replace=True)),
        ("targets", "evaluate_completions", lambda ef: targets.evaluate_completions(ef)),
        ("targets", "start_refinement", lambda ef: targets.start_refinement(ef, "理由")),
        ("targets", "update_target", lambda ef: targets.update_target(
            ef, targets.targets(ef)[0].id, actual="2")),
        ("archive", "update", lambda ef: ef.update("evaluation", svc.evaluation(ef).id, {"locked": 0})),
        ("baseline", "link_baseline", lambda ef: baseline.link_baseline(ef, c["last_year"])),
        ("baseline", "unlink_baseline", lambda ef: baseline.unlink_baseline(ef)),
        ("baseline", "carry_forward", lambda ef: baseline.carry_forward(ef)),
        ("baseline", "set_rectification", lambda ef: baseline.set_rectification(ef, c["carried"].id, "已整改", "核实")),
        ("business", "set_business", lambda ef: business.set_business(ef, insured_units="1")),
        ("business", "import_business", lambda ef: business.import_business(ef, c["business_sheet"])),
        ("business", "set_statement", lambda ef: business.set_statement(ef, {"income_total": {"budget": "1.00"}})),
        ("fieldwork", "add_site_visit", lambda ef: fieldwork.add_site_visit(ef, "新城区", "新城区社保局", reason="抽样")),
        ("fieldwork", "update_site_visit", lambda ef: fieldwork.update_site_visit(ef, c["visit"].id, place="改")),
        ("fieldwork", "record_answer", lambda ef: fieldwork.record_answer(
            ef, c["visit"].id, "funds", "是否按时缴费？", "是")),
        ("report_state", "add_feedback", lambda ef: report_state.add_feedback(ef, "意见", "采纳")),
        ("review", "update_interview", lambda ef: review.update_interview(ef, c["interview"].id, summary="改")),
        ("scoring", "set_finding", lambda ef: scoring.set_finding(ef, c["leaf"].id, "抽查10份，符合9份")),
        ("target_papers", "prefill_working_papers", lambda ef: target_papers.prefill_working_papers(
            ef, target_papers.review_evaluation(ef), overwrite=True)),
        # the undoable edits of the desktop: building one reads, its do() writes
        *[("edits", name, _done(make)) for name, make in _edits(c, workdir)],
    ]


def _done(make):
    """ef → the Changes of running the Edit that ``make(ef)`` builds."""
    return lambda ef: make(ef).do()


def _request_sheet(ef, workdir):
    """The evaluation's request list as the agency would send it back (an .xlsx written by the app; reading)."""
    import openpyxl

    out = workdir / "资料清单 回传.xlsx"
    if not out.exists():
        review.export_request_list(ef, out)
        wb = openpyxl.load_workbook(out)
        ws = wb.active
        for row in ws.iter_rows():  # the agency renamed one item: the import would update it
            for cell in row:
                if cell.value == "资料名称":
                    below = ws.cell(cell.row + 1, cell.column)
                    below.value = f"{below.value}（单位更正）"
                    break
            else:
                continue
            break
        wb.save(out)
    return out


def _edits(c, workdir):
    """(name, ef → Edit) for every writing function of services/edits.py."""
    return [
        ("edit_fields", lambda ef: edits.edit_fields(ef, Finding, c["finding"].id, title="改")),
        ("set_score", lambda ef: edits.set_score(ef, c["leaf"].id, Decimal(0), "扣分原因")),
        ("import_score_sheet", lambda ef: edits.import_score_sheet(ef, score_sheet.read_score_sheet(c["sheet"]))),
        ("set_grade_bands", lambda ef: edits.set_grade_bands(
            ef, [(Decimal(95), "优"), (Decimal(85), "良"), (Decimal(60), "中"), (Decimal(0), "差")])),
        ("record_consensus", lambda ef: edits.record_consensus(ef, c["leaf"].id, Decimal(0), "理由", c["member"].id)),
        ("import_requests", lambda ef: edits.import_requests(
            ef, request_sheet.read_request_sheet(_request_sheet(ef, workdir)))),
        ("set_narrative", lambda ef: edits.set_narrative(ef, "概述", "新文字")),
        ("add_record", lambda ef: edits.add_record(ef, Finding(title="新问题", kind="problem"))),
        ("add_created", lambda ef: edits.add_created(
            ef, Finding, lambda: review.add_working_paper(ef, "底稿"))),
        ("delete_record", lambda ef: edits.delete_record(ef, Finding, c["finding"].id)),
        ("swap_order", lambda ef: edits.swap_order(ef, Finding, c["problem"].id, c["rec"].id)),
        ("edit_indicator", lambda ef: edits.edit_indicator(ef, c["leaf"].id, name="改名")),
        ("recompute_scores", lambda ef: edits.recompute_scores(ef)),
        ("apply_framework_template", lambda ef: edits.apply_framework_template(
            ef, frameworks.list_templates()[0].key)),
        ("add_indicator", lambda ef: edits.add_indicator(ef, c["level1"].id, "新指标", None, "新指标-id")),
        ("remove_indicator", lambda ef: edits.remove_indicator(ef, c["leaf"].id)),
        ("move_indicator", lambda ef: edits.move_indicator(ef, c["leaf"].id, c["level1"].id, 0)),
        ("cite", lambda ef: edits.cite(ef, c["level1"].id, "evidence", c["evidence"].id)),
        ("uncite", lambda ef: edits.uncite(ef, c["citation"]["id"])),
        ("set_plan", lambda ef: edits.set_plan(ef, objectives="新目标")),
        ("update_phase", lambda ef: edits.update_phase(ef, c["phase"].id, name="改名")),
        ("update_interview", lambda ef: edits.update_interview(ef, c["interview"].id, summary="改")),
        ("update_request_item", lambda ef: edits.update_request_item(ef, c["item"].id, title="改")),
        ("move_request_item", lambda ef: edits.move_request_item(ef, c["item"].id, 1, 0)),
        ("set_request_status", lambda ef: edits.set_request_status(ef, c["item"].id, "received")),
        ("update_working_paper", lambda ef: edits.update_working_paper(ef, c["paper"].id, title="改")),
        ("sign_off", lambda ef: edits.sign_off(ef, c["paper"].id, c["member"].id, "preparer")),
        ("unlink_evidence", lambda ef: edits.unlink_evidence(ef, c["evidence"].id, "indicator", c["leaf"].id)),
        ("set_prevention_cap_rate", lambda ef: edits.set_prevention_cap_rate(ef, "1")),
        ("set_satisfaction_method", lambda ef: edits.set_satisfaction_method(ef, c["survey"].id, "mean")),
        ("declare_independence", lambda ef: edits.declare_independence(
            ef, c["member"].id, True, "2022-03-30", "")),
        ("import_targets", lambda ef: edits.import_targets(
            ef, targets.plan_target_import(c["target_sheet"], version="refined"))),
        ("import_statement", lambda ef: edits.import_statement(
            ef, finance.plan_statement_import(_statement(workdir / "执行表 二.xlsx"), year=2021))),
        ("add_survey_response", lambda ef: edits.add_survey_response(ef, c["survey"].id, {c["question"].id: "满意"})),
        ("set_panel_score", lambda ef: edits.set_panel_score(ef, c["leaf"].id, c["member"].id, 0, "理由")),
        ("set_panel_method", lambda ef: edits.set_panel_method(ef, PANEL_OTHER)),
        ("reveal_panel", lambda ef: edits.reveal_panel(ef, c["lead"].id)),
        ("apply_panel", lambda ef: edits.apply_panel(ef)),
    ]


@pytest.mark.parametrize("early_checks", ["as shipped", "service checks off"])
def test_every_service_that_writes_refuses_on_a_locked_evaluation(locked, workdir, monkeypatch, early_checks):
    path, c = locked
    if early_checks == "service checks off":  # then only the store stands between the call and the file
        monkeypatch.setattr(svc, "_ensure_unlocked", lambda ef: None)
        monkeypatch.setattr(survey, "_ensure_unlocked", lambda ef: None)
        monkeypatch.setattr(exchange.ImportRefused, "__init__", exchange.ImportRefused.__init__)
    calls = _calls(c, workdir)
    walked = {(m, f) for m, f, _ in calls}
    known = {(m, f) for group in (READ_ONLY, WRITES_WHEN_LOCKED) for m, fs in group.items() for f in fs}
    missing = _service_functions() - walked - known
    assert not missing, f"service functions neither walked nor known read-only: {sorted(missing)}"
    before = _dump(path)
    refused, not_refused = [], []
    ef = EvaluationFile.open(path, backup=False)
    try:
        for module, name, call in calls:
            if call is None:
                continue
            try:
                result = call(ef)
            except Exception as e:  # noqa: BLE001 - every outcome is listed below
                if not isinstance(e, WcifError) or "锁定" not in str(e):
                    not_refused.append(f"{module}.{name}: refused for another reason: {e}")
                else:
                    refused.append(name)
            else:
                if name in NOTHING_TO_DO and (not result or module == "edits"):  # nothing to change here: the
                    continue  # dump below shows nothing was written (an Edit's do() always names what it may touch)
                not_refused.append(f"{module}.{name}: wrote to a locked evaluation")
    finally:
        ef.close()
    assert not not_refused, "\n".join(not_refused)
    assert _dump(path) == before  # nothing written, not even history
    assert len(refused) >= len(calls) - 3  # every call but the (up to) three with nothing to do


def test_only_reopen_with_a_reason_unlocks_and_it_is_recorded(sample_path):
    ef = EvaluationFile.open(sample_path, backup=False)
    scoring.update_settings(ef, confirmed_overlaps="[]")  # an overlap warning left to confirm while locked
    archive.lock(ef)
    ev = svc.evaluation(ef)
    with pytest.raises(ValidationError, match="锁定"):
        ef.update("evaluation", ev.id, {"locked": 0})
    with pytest.raises(ValidationError, match="原因"):
        archive.reopen(ef, "  ")
    assert svc.evaluation(ef).locked
    archive.reopen(ef, "发现评分笔误，需更正")
    assert not svc.evaluation(ef).locked
    events = archive.lock_history(ef)
    assert [(e.action, e.reason) for e in events] == [("lock", "报告已最终签署"), ("reopen", "发现评分笔误，需更正")]
    hist = [r for r in ef.rows("audit_log", include_deleted=True) if r["table_name"] == "lock_event"]
    assert any("发现评分笔误" in (r["new"] or "") for r in hist)
    # locking again is only through lock(), never a plain update
    with pytest.raises(ValidationError, match="锁定"):
        ef.update("evaluation", ev.id, {"locked": 1})
    assert ef.verify_history() == []
    ef.close()
