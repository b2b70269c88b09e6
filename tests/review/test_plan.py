"""Team, independence declarations, plan, schedule and the report's section 二 sentences."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.review import (
    METHODS,
    EvaluationPlan,
    PlanBasis,
    PlanPhase,
    ids,
    work_process_sentences,
)
from wcif_desktop.services import plan as svc
from wcif_desktop.services import review


def test_add_team_member_by_chinese_role_and_rejects_unknown(ef):
    m, changes = svc.add_team_member(ef, " 孙明 ", "专家", "高级会计师", "某大学", "139xxxx")
    assert changes.touches("team_member")
    stored = svc.find_member(ef, "孙明")
    assert (stored.id, stored.role, stored.qualification, stored.sort_order) == (m.id, "expert", "高级会计师", 4)
    with pytest.raises(ValidationError, match="未知的小组角色"):
        svc.add_team_member(ef, "某人", "观察员")
    with pytest.raises(ValidationError, match="姓名不能为空"):
        svc.add_team_member(ef, "  ")


def test_independence_declaration_replaces_and_reports(ef, members):
    lead = members["王建国"]
    problems = svc.independence_problems(ef)
    assert len(problems) == 4 and all("尚未填写独立性声明" in p for p in problems)

    svc.declare_independence(ef, lead.id, True, "2022-03-30")
    with pytest.raises(ValidationError, match="须说明关联关系"):
        svc.declare_independence(ef, members["李晓梅"].id, False, "2022-03-30")
    svc.declare_independence(ef, members["李晓梅"].id, False, "2022-03-30", "曾在被评价单位任职（2019年前）")
    svc.declare_independence(ef, lead.id, True, "2022-04-02", "复签")
    decl = svc.independence(ef)
    assert decl[lead.id].declared_on == "2022-04-02" and decl[lead.id].independent is True
    assert decl[members["李晓梅"].id].independent is False
    # one live declaration per member; the old one is a tombstone (kept for merges and history)
    rows = ef.rows("independence_declaration", "member_id = ?", [lead.id], include_deleted=True)
    assert sorted(r["deleted"] for r in rows) == [0, 1]
    problems = svc.independence_problems(ef)
    assert any("李晓梅" in p and "不具备独立性" in p for p in problems)
    assert sum("尚未填写" in p for p in problems) == 2
    with pytest.raises(ValidationError, match="日期格式"):
        svc.declare_independence(ef, lead.id, True, "30.03.2022")
    with pytest.raises(ValidationError, match="没有该成员"):
        svc.declare_independence(ef, "nobody", True, "2022-03-30")


def test_plan_methods_and_standards_are_checked_and_kept_in_official_order(ef):
    svc.set_plan(ef, objectives="评价基金使用绩效", evaluation_object="2021年度工伤保险基金",
                 scope="基金收入、支出及结余", methods=["比较法", "公众评判法", "因素分析法"],
                 standards=["历史标准", "计划", "industry"])
    p = svc.plan(ef)
    assert ids(p.methods) == ["比较法", "因素分析法", "公众评判法"]
    assert ids(p.standards) == ["plan", "industry", "history"]
    assert len(ef.records(EvaluationPlan)) == 1
    svc.set_plan(ef, scope="基金全部收支")  # update, not a second plan
    assert len(ef.records(EvaluationPlan)) == 1 and svc.plan(ef).objectives == "评价基金使用绩效"
    with pytest.raises(ValidationError, match="未知的评价方法：层次分析法"):
        svc.set_plan(ef, methods=["层次分析法"])
    with pytest.raises(ValidationError, match="未知的评价标准"):
        svc.set_plan(ef, standards=["国际标准"])
    assert len(METHODS) == 6


def test_basis_documents_and_reorder(ef):
    a, _ = svc.add_basis(ef, "《内蒙古自治区工伤保险条例实施办法》", "内蒙古自治区人力资源和社会保障厅", "内人社发〔2020〕26号")
    b, _ = svc.add_basis(ef, "《项目支出绩效评价管理办法》", "财政部", "财预〔2020〕10号")
    c, _ = svc.add_basis(ef, "《工伤保险条例》", "国务院", "国务院令第586号")
    svc.move(ef, PlanBasis, c.id, 0)
    assert [x.number for x in svc.basis(ef)] == ["国务院令第586号", "内人社发〔2020〕26号", "财预〔2020〕10号"]
    with pytest.raises(ValidationError, match="不能为空"):
        svc.add_basis(ef, "")


def test_phases_checked_and_section_two_sentences(ef, members):
    lead, member = members["王建国"], members["李晓梅"]
    svc.add_phase(ef, "前期准备", "2022-04-01", "2022-04-08", [lead.id], "成立评价小组，制定评价方案。")
    svc.add_phase(ef, "现场评价", "2022-04-11", "2022-05-20", [lead.id, member.id],
                  "现场查阅资料、访谈，细化绩效目标")
    svc.add_phase(ef, "撰写报告", "2022-05-23", "2023-01-10", [])
    with pytest.raises(ValidationError, match="早于开始日期"):
        svc.add_phase(ef, "倒序", "2022-05-01", "2022-04-01")
    with pytest.raises(ValidationError, match="没有该成员"):
        svc.add_phase(ef, "外人", "2022-05-01", "2022-05-02", ["x"])

    items = review.request_items(ef)
    for it in items[:3]:
        review.set_request_status(ef, it.id, "received")
        review.set_request_status(ef, it.id, "reviewed")
    review.set_request_status(ef, items[3].id, "received")  # received, not yet reviewed: not counted
    review.add_interview(ef, "基金科科长", interviewee_unit="社保中心", held_at="2022-04-12",
                         interviewer_ids=[lead.id])
    review.add_interview(ef, "工伤保险科科员", held_at="2022-04-13T10:00", interviewer_ids=[member.id])

    assert svc.work_process_sentences_for(ef) == [
        "2022年4月1日至4月8日，前期准备：成立评价小组，制定评价方案（负责人：王建国）。",
        "2022年4月11日至5月20日，现场评价：现场查阅资料、访谈，细化绩效目标（负责人：王建国、李晓梅）。",
        "2022年5月23日至2023年1月10日，撰写报告。",
        "评价小组向被评价单位提出资料需求47项，收到4项，查阅核查3项，开展访谈2次。",
    ]
    ph = svc.phases(ef)[2]
    svc.update_phase(ef, ph.id, end_date="2022-05-23", owner_ids=[member.id])
    assert svc.work_process_sentences_for(ef)[2] == "2022年5月23日，撰写报告（负责人：李晓梅）。"
    with pytest.raises(ValidationError, match="早于开始日期"):
        svc.update_phase(ef, ph.id, end_date="2022-05-01")


def test_work_process_sentences_pure():
    phases = [PlanPhase(name="准备", start_date="2022-04-01", sort_order=1),
              PlanPhase(name="布置", end_date="2022-03-31", sort_order=0)]
    assert work_process_sentences(phases, [], 0, 3, interviewees=5) == [
        "2022年3月31日前，布置。", "2022年4月1日起，准备。", "评价小组开展访谈3次（访谈5人）。"]
