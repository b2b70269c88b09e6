"""Finding library round trip; target-table review on the real case-12 table and a poor one; problem list."""

from __future__ import annotations

import json
import re

import pytest

from wcif_desktop.domain.docrecords import ProblemDetail
from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.model import Finding, Indicator, TargetIndicator
from wcif_desktop.domain.target_review import TargetRow, TargetTable, parse_rules, review, working_paper_text
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services.deliverables.problem_list import check_problems, set_problem_detail
from wcif_desktop.services.finding_library import FindingLibrary, LibraryEntry, save_finding, start_finding
from wcif_desktop.services.target_papers import (
    ANNUAL_TARGET_SECTION,
    load_rules,
    prefill_working_papers,
    review_evaluation,
)


# ------------------------------------------------------------------------------------------ finding library
def _problem(ef, title):
    return next(f for f in ef.records(Finding) if f.kind == "problem" and f.title == title)


def test_library_round_trip_through_export_and_import(bare_sample_file, workdir):
    lib = FindingLibrary()
    assert lib.path.parent.name.startswith("用户 数据")  # the isolated user data folder
    p = _problem(bare_sample_file, "项目资金预算不够精准")
    set_problem_detail(bare_sample_file, p.id, basis="《社会保险基金预算管理制度》", evidence="收支预算表、决算表")
    entry = save_finding(bare_sample_file, p.id, lib, category="决策", tags="预算编制")
    assert entry.title == p.title and "{{income_budget}}" in entry.problem  # placeholders kept
    assert entry.recommendation_title == "提高预算的精准度，细化明细项目"
    assert entry.basis == "《社会保险基金预算管理制度》" and entry.evidence == "收支预算表、决算表"
    lib.save(LibraryEntry(title="工伤预防费未列入预算", basis="人社部发〔2017〕13号", recommendation="按规定列支"))
    out = lib.export(workdir / "问题库 导出.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "wcif-finding-library" and len(data["entries"]) == 2

    other = FindingLibrary(workdir / "同事" / "finding_library.db")
    r = other.import_file(out)
    assert (r.added, r.updated, r.skipped) == (2, 0, 0)
    assert [(e.id, e.title, e.basis, e.recommendation) for e in other.entries()] == \
           [(e.id, e.title, e.basis, e.recommendation) for e in lib.entries()]
    # importing the same file again changes nothing; a newer edit wins
    assert other.import_file(out).skipped == 2
    e = lib.get(entry.id)
    e.cause = "新的原因"
    lib.save(e)
    r = other.import_file(lib.export(workdir / "v2.json"))
    assert r.updated == 1 and other.get(entry.id).cause == "新的原因"
    assert other.entries(search="新的原因")[0].id == entry.id
    lib.close()
    other.close()


def test_start_a_finding_from_the_library(bare_sample_file):
    lib = FindingLibrary()
    e = lib.save(LibraryEntry(title="{{region}}工伤预防费未列入预算", problem="{{fiscal_year}}年未安排工伤预防费。",
                              basis="人社部发〔2017〕13号", cause="重视不够", recommendation="按规定列支工伤预防费",
                              recommendation_title="规范工伤预防费预算", evidence="预算批复", category="过程"))
    problem, rec, changes = start_finding(bare_sample_file, e.id, lib, fill_fields=True)
    assert problem.title == "呼和浩特市工伤预防费未列入预算" and problem.body == "2021年未安排工伤预防费。"
    assert rec.answers == problem.id and rec.title == "规范工伤预防费预算"
    detail = bare_sample_file.records(ProblemDetail, "finding_id = ?", [problem.id])[0]
    assert (detail.basis, detail.evidence, detail.category, detail.library_id) == \
           ("人社部发〔2017〕13号", "预算批复", "过程", e.id)
    assert changes.touches("finding") and changes.touches("problem_detail")
    # saving it back updates the same library entry
    assert save_finding(bare_sample_file, problem.id, lib).id == e.id and len(lib.entries()) == 1


def test_library_refuses_bad_files(workdir):
    lib = FindingLibrary()
    bad = workdir / "坏.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(WcifError, match="不是问题库导出文件"):
        lib.import_file(bad)
    bad.write_text(json.dumps({"format": "wcif-finding-library", "version": 1,
                               "entries": [{"id": "a", "title": "x"}, {"id": "", "title": "y"}]}), encoding="utf-8")
    with pytest.raises(WcifError, match="第 2 条"):
        lib.import_file(bad)
    assert lib.entries() == []  # all or nothing
    with pytest.raises(ValidationError):
        lib.save(LibraryEntry(title=" "))


# ------------------------------------------------------------------------------------------ target review
def _case12(shared_dir) -> TargetTable:
    md = next((shared_dir / "cases" / "public-reports").glob("12-*.md")).read_text(encoding="utf-8")
    data = json.loads(re.search(r"```json\n(.*?)```", md, re.DOTALL).group(1))
    annual = re.search(r"本年度绩效目标: (.*)", md).group(1)
    rows = [TargetRow(r["level1"], r["level2"], r["level3"], r["target"], r["standard"] or "", kind=r["kind"] or "")
            for r in data["indicators_goal_1"] + data["indicators_goal_2"]]
    return TargetTable(annual, rows)


POOR = TargetTable("做好工伤保险工作", [
    TargetRow("产出指标", "数量指标", "参保人数", "逐步提高"),
    TargetRow("产出指标", "质量指标", "服务质量", ""),
    TargetRow("产出指标", "成本指标", "基金支出", "控制在预算内"),
    TargetRow("效益指标", "社会效益指标", "社会效益", "明显"),
])


def test_case_12_target_table(shared_dir):
    table = _case12(shared_dir)
    assert len(table.rows) == 11
    assert table.targets() == ["确保新、老工伤各项待遇及时、足额支付", "工伤预防成效显著"]
    res = {r.rule.id: r for r in review(table, load_rules())}
    passed = {k for k, r in res.items() if r.passed}
    assert passed == {"annual_target_present", "classes_present", "inapplicable_marked", "values_measurable",
                      "time_limits_concrete", "basis_shown"}
    assert res["annual_target_specific"].items == ["“工伤预防成效显著”"]
    assert res["level2_names"].items == ["“社会效率指标”"]  # the real table's slip for 社会效益指标


def test_poor_target_table():
    res = {r.rule.id: r for r in review(POOR, load_rules())}
    assert not res["annual_target_specific"].passed
    assert res["classes_present"].items == ["时效"]
    assert res["inapplicable_marked"].items == ["“服务质量”"]
    assert res["values_measurable"].items == ["“参保人数”（逐步提高）", "“基金支出”（控制在预算内）", "“社会效益”（明显）"]
    assert len(res["basis_shown"].items) == 4
    text = working_paper_text(list(res.values()), "绩效指标明确性")
    assert "未通过4项" in text and "应标注“不适用”" in text
    assert "绩效目标合理性" not in text.split("\n")[1]


def test_rules_are_data():
    rules = parse_rules({"rule": [{"id": "x", "name": "时效写明天数", "check": "time_limits_concrete",
                                   "indicator": "绩效指标明确性", "pass_regex": r"\d+天", "opinion": "时限不清：{items}"}]})
    res = review(TargetTable("a", [TargetRow("产出", "时效指标", "办结时限", "年底前")]), rules)
    assert not res[0].passed and res[0].opinion == "时限不清：“办结时限”（年底前）"
    with pytest.raises(ValidationError, match="x 的 pass_regex"):
        parse_rules({"rule": [{"id": "x", "name": "n", "check": "basis_shown", "opinion": "o", "pass_regex": "("}]})
    with pytest.raises(ValidationError, match="check 未知"):
        parse_rules({"rule": [{"id": "y", "name": "n", "check": "magic", "opinion": "o"}]})


def test_user_rules_file_takes_precedence(tmp_path, monkeypatch):
    from wcif_desktop.paths import user_data_dir
    from wcif_desktop.services.target_papers import rules_path

    own = user_data_dir() / "target_review_rules.toml"
    own.write_text('[[rule]]\nid = "only"\nname = "仅此一条"\ncheck = "basis_shown"\nopinion = "缺依据"\n',
                   encoding="utf-8")
    assert rules_path() == own and [r.id for r in load_rules()] == ["only"]


def test_review_prefills_the_working_papers(bare_sample_file):
    ef = bare_sample_file
    svc.set_narrative(ef, ANNUAL_TARGET_SECTION, "1、做好工伤保险工作。")
    for i, row in enumerate(POOR.rows):
        svc.add_record(ef, TargetIndicator(version="declared", dimension=row.level1, subdimension=row.level2,
                                           name=row.name, value=row.value, sort_order=i))
    results = review_evaluation(ef)
    texts, changes = prefill_working_papers(ef, results)
    from wcif_desktop.services import review as rsvc

    papers = rsvc.working_papers(ef)
    by_ind = {i.id: i.name for i in ef.records(Indicator)}
    got = {by_ind[json.loads(p.indicator_ids)[0]]: p.body for p in papers}
    assert got == texts and set(got) == {"绩效目标合理性", "绩效指标明确性"}
    assert "“做好工伤保险工作”" in got["绩效目标合理性"]
    assert "“服务质量”" in got["绩效指标明确性"]
    # an edited paper is not overwritten unless asked
    paper = papers[0]
    rsvc.update_working_paper(ef, paper.id, body="评价人员已改写")
    prefill_working_papers(ef, results)
    assert rsvc.working_papers(ef)[0].body == "评价人员已改写"


# ------------------------------------------------------------------------------------------ problem list
def test_problem_list_check_on_the_sample(bare_sample_file):
    chk = check_problems(svc.load_snapshot(bare_sample_file))
    rows = {r.finding.title: r for r in chk.rows}
    assert [i.name for i in rows["预算绩效目标不全面不完整"].indicators] == ["绩效目标合理性", "绩效指标明确性"]
    assert rows["预算绩效目标不全面不完整"].auto and rows["预算绩效目标不全面不完整"].category == "决策"
    assert all(r.recommendations for r in chk.rows)
    # deductions the problem section does not explain are reported, naming the indicator
    assert any("参保单位满意度" in m for m in chk.messages)


def test_problem_details_override_and_disagreements_are_named(bare_sample_file):
    from wcif_desktop.services.deliverables.sources import load_sources

    ef = bare_sample_file
    inds = {i.name: i for i in ef.records(Indicator)}
    p = _problem(ef, "工伤预防宣传未能有效实施")
    set_problem_detail(ef, p.id, category="工伤预防", indicator_ids=[inds["资金到位率"].id])
    svc.add_record(ef, Finding(kind="problem", title="新问题", body="b", sort_order=9))
    src = load_sources(ef)
    chk = check_problems(src.snap, src.problem_details, src.finding_links)
    row = next(r for r in chk.rows if r.finding.id == p.id)
    assert row.category == "工伤预防" and not row.auto and [i.name for i in row.indicators] == ["资金到位率"]
    assert "问题“工伤预防宣传未能有效实施”涉及的指标“资金到位率”得满分，与指标分析不一致" in chk.messages
    assert "问题“新问题”没有对应的建议" in chk.messages
    with pytest.raises(ValidationError, match="不是存在问题"):
        set_problem_detail(ef, next(f for f in ef.records(Finding) if f.kind == "practice").id, category="x")


def test_case_12_stored_as_declared_table_is_reviewed_from_the_file(shared_dir, bare_sample_file):
    """The real table as the targets import stores it (header annual goal, rows as written)."""
    from wcif_desktop.domain.targets import TargetSheet

    table = _case12(shared_dir)
    ef = bare_sample_file
    svc.add_record(ef, TargetSheet(version="declared", annual_goal=table.annual_target))
    for i, r in enumerate(table.rows):
        svc.add_record(ef, TargetIndicator(version="declared", name=r.name, level1_label=r.level1,
                                           level2_label=r.level2.replace(" (as written)", ""), target_text=r.value,
                                           standard=r.standard, kind=r.kind[:2], sort_order=i))
    res = {r.rule.id: r for r in review_evaluation(ef)}
    assert not res["annual_target_specific"].passed and res["annual_target_specific"].items == ["“工伤预防成效显著”"]
    assert res["classes_present"].passed and res["values_measurable"].passed
    assert res["level2_names"].items == ["“社会效率指标”"]
    texts, _ = prefill_working_papers(ef, review_evaluation(ef))
    assert "工伤预防成效显著" in texts["绩效目标合理性"]


def test_problem_list_uses_the_findings_page_links(bare_sample_file, workdir):
    """Links made on the findings page (finding_link) are the problem's indicators, papers and evidence."""
    from wcif_desktop.services import finding_links as links_svc
    from wcif_desktop.services import review as rsvc
    from wcif_desktop.services.deliverables.generate import build_outline
    from wcif_desktop.services.evidence import add_evidence

    ef = bare_sample_file
    inds = {i.name: i for i in ef.records(Indicator)}
    p = _problem(ef, "项目资金预算不够精准")
    links_svc.link(ef, p.id, "indicator", inds["基金支出控制情况"].id)
    paper, _ = rsvc.add_working_paper(ef, "预算执行核查", indicator_ids=[inds["基金支出控制情况"].id])
    f = workdir / "预算批复.txt"
    f.write_text("批复", encoding="utf-8")
    ev = add_evidence(ef, f).evidence
    links_svc.link(ef, p.id, "evidence", ev.id)
    text = build_outline(ef, "problem-list").text()
    assert "基金支出控制情况" in text and "一致性检查" not in text  # the check is the app's readiness list
    assert "预算执行核查" in text and "预算批复.txt" in text
    # the explicit link replaces the suggestion: 预算编制科学性 is no longer counted for this problem (said by the
    # readiness list, not the deliverable)
    from wcif_desktop.services.report_state import readiness_of

    assert any("指标“预算编制科学性”扣分" in str(i.message) for i in readiness_of(ef))
    # set_problem_detail edits the same links
    set_problem_detail(ef, p.id, indicator_ids=[inds["预算编制科学性"].id, inds["预算执行率"].id])
    names = sorted(i.label for i in links_svc.links(ef, p.id, derived=False) if i.kind == "indicator")
    assert len(names) == 2 and any("预算编制科学性" in n for n in names)
