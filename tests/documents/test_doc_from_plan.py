"""Documents built from the plan, schedule, request list, site schedule and research answers."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.services import plan as plan_svc
from wcif_desktop.services import review as review_svc
from wcif_desktop.services.deliverables.generate import build_outline, write_document
from wcif_desktop.services.deliverables.sources import outline_topics
from wcif_desktop.services.fieldwork import add_site_visit, record_answer, update_site_visit

from .docutil import docx_all_text, pdf_text, squash


@pytest.fixture
def planned(bare_sample_file):
    ef = bare_sample_file
    members = plan_svc.team(ef)
    plan_svc.set_plan(ef, objectives="检验{{fiscal_year}}年度基金绩效。", methods=["比较法", "公众评判法"],
                      standards=["计划标准", "历史标准"])
    plan_svc.add_basis(ef, "《内蒙古自治区工伤保险自治区级统筹办法》", number="内人社发〔2020〕26号")
    plan_svc.add_phase(ef, "前期准备", "2022-04-01", "2022-04-08", [members[0].id], "成立评价小组，制定评价方案")
    plan_svc.add_phase(ef, "现场调研", "2022-04-11", "2022-04-22", [members[1].id])
    review_svc.add_request_list_from_template(ef, requested_on="2022-04-08")
    visit, _ = add_site_visit(ef, "呼和浩特市新城区", "呼和浩特市社会保险事业管理中心", "2022-04-12",
                              itinerary="上午听取汇报，下午查阅待遇核发资料", member_ids=[members[0].id, members[1].id],
                              reason="被评价单位，基金经办主体")
    topic = outline_topics()[5]
    record_answer(ef, visit.id, topic["key"], topic["questions"][0], "保险费收入按月到账，无欠缴。")
    return ef, visit, topic


def test_work_plan_uses_plan_basis_phases_and_methods(planned, workdir):
    ef, _visit, _topic = planned
    text = docx_all_text(write_document(ef, "work-plan", workdir / "方案.docx"))
    assert "检验2021年度基金绩效。" in text
    assert "《内蒙古自治区工伤保险自治区级统筹办法》（内人社发〔2020〕26号）" in text
    assert "前期准备（2022年4月1日至2022年4月8日）：成立评价小组，制定评价方案" in text
    assert "1. 比较法" in text and "2. 公众评判法" in text and "成本效益分析法" not in text
    assert "1. 计划标准" in text and "行业标准" not in text
    assert "尚未登记" not in text.split("附件1")[0]  # no fallback notes in the body
    # time table: days computed from the dates, owners named
    table = next(t for t in build_outline(ef, "work-plan").tables() if "天数" in t.header)
    assert [r[3] for r in table.rows] == ["8", "12"]
    assert [r[4] for r in table.rows] == ["王建国", "李晓梅"]


def test_letter_lists_requests_with_due_dates_and_the_visit(planned, workdir):
    ef, visit, _topic = planned
    items = review_svc.request_items(ef)
    out = write_document(ef, "letter", workdir / "调研函.pdf")
    text = squash(pdf_text(out))
    last_due = max(i.due_on for i in items)
    y, m, d = (int(x) for x in last_due.split("-"))
    assert f"请于{y}年{m}月{d}日前" in text
    for it in items[:3]:
        assert squash(it.title) in text
    assert "2022年4月12日" in text and "呼和浩特市新城区" in text
    assert "王建国" in text  # the team lead is the contact


def test_research_outline_records_answers_per_unit(planned, workdir):
    ef, visit, topic = planned
    out = write_document(ef, "research-outline", workdir / "提纲.docx")
    text = docx_all_text(out)
    assert f"【{visit.unit}】保险费收入按月到账，无欠缴。" in text
    # recording again replaces the answer
    record_answer(ef, visit.id, topic["key"], topic["questions"][0], "按月到账。")
    text = docx_all_text(write_document(ef, "research-outline", workdir / "提纲2.docx"))
    assert "按月到账。" in text and "无欠缴" not in text


def test_site_schedule_shows_members_and_reason(planned, workdir):
    ef, visit, _ = planned
    update_site_visit(ef, visit.id, itinerary="全天查阅资料")
    outline = build_outline(ef, "site-schedule")
    table = next(outline.tables())
    row = table.rows[0]
    assert row[1] == "2022年4月12日" and row[4] == "全天查阅资料" and row[5] == "王建国、李晓梅"
    assert row[6] == "被评价单位，基金经办主体"


def test_fieldwork_validation(bare_sample_file):
    with pytest.raises(ValidationError, match="理由"):
        add_site_visit(bare_sample_file, "某地", "某单位", "2022-04-12")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        add_site_visit(bare_sample_file, "某地", "某单位", "4月12日", reason="抽样")
    visit, _ = add_site_visit(bare_sample_file, "某地", "某单位", reason="抽样")
    with pytest.raises(ValidationError, match="没有主题"):
        record_answer(bare_sample_file, visit.id, "nope", "问题", "回答")


def test_without_plan_data_the_documents_say_what_is_generated(bare_sample_file):
    text = build_outline(bare_sample_file, "work-plan").text()
    # the general basis is stated; the notes to the user ("尚未登记…请在…") belong to the readiness list
    assert "财预〔2020〕10号" in text
    assert "尚未登记" not in text and "请在“团队与方案”" not in text
    from wcif_desktop.services.report_state import readiness_of

    said = " ".join(str(i.message) for i in readiness_of(bare_sample_file))
    assert "评价依据" in said and "工作阶段" in said
    with pytest.raises(WcifError, match="资料清单为空"):  # never filled silently from the template
        build_outline(bare_sample_file, "request-list")
