"""GUI tests of issue 4's team/plan and interview UI: independence declarations, the plan editor with its section 二
preview, and interview records — all saved through the services, refused edits shown as messages."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, Qt

from wcif_desktop.domain.review import Interview, PlanPhase
from wcif_desktop.services import plan as psvc
from wcif_desktop.services import review as rsvc
from wcif_desktop.services.evaluation import open_file


@pytest.fixture
def ctx(bare_ctx):
    """These tests build links, papers and plans from scratch: the sample without its review records."""
    return bare_ctx


@pytest.fixture
def team_page(qtbot, ctx):
    from wcif_desktop.ui.pages.team import TeamPage

    page = TeamPage(ctx)
    qtbot.addWidget(page)
    return page


def _reopened(path, fn):
    ef = open_file(path)
    try:
        return fn(ef)
    finally:
        ef.close()


def _declare(editor, member_id, yes: bool, day: str, note: str) -> bool:
    editor.select_member(member_id)
    (editor.yes if yes else editor.no).setChecked(True)
    editor.date.setDate(QDate.fromString(day, "yyyy-MM-dd"))
    editor.note.setText(note)
    return editor.save()


# ---------------------------------------------------------------------------------------------- independence
def test_declaration_edited_shown_in_team_table_and_persisted(team_page, ctx, messages):
    editor = team_page.independence_editor
    lead, expert = psvc.team(ctx.ef)[0], psvc.team(ctx.ef)[2]
    col = team_page.team_model.columnCount() - 1
    assert team_page.team_model.headerData(col, Qt.Orientation.Horizontal) == "独立性声明"
    assert team_page.team_model.index(0, col).data() == "未声明"
    assert lead.name in editor.warning.text() and "尚未填写独立性声明" in editor.warning.text()

    team_page.team_view.setCurrentIndex(team_page.team_model.index(team_page.team_model.row_of(expert.id), 0))
    assert editor.member.currentData() == expert.id  # selecting the row chooses the member in the editor
    assert _declare(editor, expert.id, False, "2022-04-01", "曾任被评价单位顾问")
    assert messages == []
    row = team_page.team_model.row_of(expert.id)
    assert team_page.team_model.index(row, col).data() == "不独立（2022-04-01）：曾任被评价单位顾问"
    assert "声明不具备独立性：曾任被评价单位顾问" in editor.warning.text()
    saved = _reopened(ctx.path, lambda ef: psvc.independence(ef)[expert.id])
    assert (saved.independent, saved.declared_on, saved.note) == (False, "2022-04-01", "曾任被评价单位顾问")

    for m in psvc.team(ctx.ef):  # everybody independent: the warning goes away
        assert _declare(editor, m.id, True, "2022-04-02", "")
    assert editor.warning.text() == "全部成员均已声明具备独立性。"
    ctx.undo_stack.undo()  # the last member's declaration is gone again
    assert psvc.independence(ctx.ef).get(psvc.team(ctx.ef)[-1].id) is None
    assert "尚未填写独立性声明" in editor.warning.text()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # the expert's "yes" undone: the earlier "no" is back
    assert psvc.independence(ctx.ef)[expert.id].note == "曾任被评价单位顾问"


def test_no_without_note_refused_and_old_value_kept(team_page, ctx, messages):
    editor = team_page.independence_editor
    member = psvc.team(ctx.ef)[1]
    assert _declare(editor, member.id, True, "2022-04-01", "")
    depth = ctx.undo_stack.count()
    assert not _declare(editor, member.id, False, "2022-04-03", "  ")
    assert len(messages) == 1 and "须说明关联关系" in messages[0]
    assert ctx.undo_stack.count() == depth
    d = _reopened(ctx.path, lambda ef: psvc.independence(ef)[member.id])
    assert (d.independent, d.declared_on) == (True, "2022-04-01")
    assert editor.yes.isChecked() and editor.date.date().toString("yyyy-MM-dd") == "2022-04-01"
    col = team_page.team_model.columnCount() - 1
    assert team_page.team_model.index(team_page.team_model.row_of(member.id), col).data() == "独立（2022-04-01）"


# ---------------------------------------------------------------------------------------------- plan
def test_basis_and_phase_change_the_preview(team_page, ctx, messages):
    panel = team_page.plan_panel
    before = panel.preview.text()
    assert before == ""  # nothing done yet: no “查阅资料0项”

    panel.basis_controls.add()
    bm = panel.basis_model
    assert bm.rowCount() == 1
    assert bm.setData(bm.index(0, 0), "工伤保险基金管理办法")
    assert bm.setData(bm.index(0, 1), "内蒙古自治区人力资源和社会保障厅")
    assert bm.setData(bm.index(0, 2), "内人社发〔2020〕26号")
    assert "《工伤保险基金管理办法》（内蒙古自治区人力资源和社会保障厅 内人社发〔2020〕26号）" in panel.preview.text()
    assert not bm.setData(bm.index(0, 0), "  ")  # an empty title is refused, the old one kept
    assert "不能为空" in messages[-1] and psvc.basis(ctx.ef)[0].title == "工伤保险基金管理办法"

    lead = psvc.team(ctx.ef)[0]
    panel.phase_controls.add()
    pm = panel.phase_model
    assert pm.rowCount() == 1
    assert pm.setData(pm.index(0, 0), "前期准备")
    assert pm.setData(pm.index(0, 1), "2022-04-01")
    assert pm.setData(pm.index(0, 2), "2022-04-08")
    assert pm.setData(pm.index(0, 3), json.dumps([lead.id]))
    assert pm.index(0, 3).data() == lead.name
    assert "2022年4月1日至4月8日，前期准备（负责人：王建国）。" in panel.preview.text()
    assert panel.preview.text() != before

    n = len(messages)
    assert not pm.setData(pm.index(0, 2), "2022-03-01")  # end before start: the service refuses it
    assert len(messages) == n + 1 and "早于开始日期" in messages[-1]
    assert not pm.setData(pm.index(0, 1), "4月1日")
    assert "年-月-日" in messages[-1]
    saved = _reopened(ctx.path, lambda ef: psvc.phases(ef))
    assert [(p.name, p.start_date, p.end_date, p.owner_ids) for p in saved] == [
        ("前期准备", "2022-04-01", "2022-04-08", json.dumps([lead.id]))]
    assert _reopened(ctx.path, lambda ef: psvc.work_process_sentences_for(ef))[0] == \
        "2022年4月1日至4月8日，前期准备（负责人：王建国）。"

    # a second phase, moved above the first
    panel.phase_controls.add()
    assert pm.setData(pm.index(1, 0), "现场评价")
    panel.phase_view.setCurrentIndex(pm.index(1, 0))
    panel.phase_controls.move(-1)
    assert [p.name for p in psvc.phases(ctx.ef)] == ["现场评价", "前期准备"]
    assert panel.preview.text().index("现场评价") < panel.preview.text().index("前期准备")
    panel.phase_view.setCurrentIndex(pm.index(0, 0))
    panel.phase_controls.remove()
    assert [p.name for p in psvc.phases(ctx.ef)] == ["前期准备"]
    ctx.undo_stack.undo()
    assert len(ctx.ef.records(PlanPhase)) == 2


def test_plan_texts_methods_and_standards_saved(team_page, ctx, messages):
    panel = team_page.plan_panel
    panel.texts["objectives"].setPlainText("评价基金筹集、管理和使用情况")
    panel.texts["objectives"].commit()
    panel.methods["比较法"].setChecked(True)
    panel.methods["公众评判法"].setChecked(True)
    panel.standards["history"].setChecked(True)
    pl = _reopened(ctx.path, psvc.plan)
    assert pl.objectives == "评价基金筹集、管理和使用情况"
    assert json.loads(pl.methods) == ["比较法", "公众评判法"]
    assert json.loads(pl.standards) == ["history"]
    ctx.undo_stack.undo()
    assert json.loads(psvc.plan(ctx.ef).standards) == []
    assert not panel.standards["history"].isChecked()
    panel.texts["scope"].setPlainText("2021年度基金收支")  # typed, not yet committed
    panel.basis_controls.add()  # another edit refreshes the preview but keeps the text being typed
    assert panel.texts["scope"].toPlainText() == "2021年度基金收支" and "《新文件》" in panel.preview.text()
    assert messages == []


# ---------------------------------------------------------------------------------------------- interviews
@pytest.fixture
def interviews(qtbot, ctx):
    from wcif_desktop.ui.interviews_panel import InterviewsPanel

    panel = InterviewsPanel(ctx)
    qtbot.addWidget(panel)
    return panel


def _check(listw, data_values):
    for i in range(listw.count()):
        it = listw.item(i)
        it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in data_values
                         else Qt.CheckState.Unchecked)


def test_add_interview_and_reopen(interviews, ctx, messages):
    team = psvc.team(ctx.ef)
    indicator = next(i for i in ctx.snapshot().indicators if i.level == 3)
    f = interviews.form
    f.interviewee.setText("基金科科长")
    f.role.setText("科长")
    f.unit.setText("呼和浩特市社会保险事业管理中心")
    f.date.setDate(QDate(2022, 4, 12))
    f.place.setText("社保中心会议室")
    f.summary.setPlainText("介绍基金收支和稽核情况。")

    assert interviews.save() is None  # no interviewer chosen: refused, nothing stored
    assert "至少选择一名访谈人" in messages[-1] and rsvc.interviews(ctx.ef) == []

    _check(f.interviewers, {team[0].id, team[1].id})
    _check(f.indicators, {indicator.id})
    rec = interviews.save()
    assert rec is not None and interviews.model.rowCount() == 1
    row = [interviews.model.index(0, c).data() for c in range(interviews.model.columnCount())]
    assert row[:5] == ["基金科科长", "科长", "呼和浩特市社会保险事业管理中心", "2022-04-12", "社保中心会议室"]
    assert row[5] == f"{team[0].name}、{team[1].name}" and indicator.name in row[7]

    saved = _reopened(ctx.path, rsvc.interviews)
    assert len(saved) == 1
    s = saved[0]
    assert (s.interviewee, s.interviewee_role, s.held_at, s.summary) == ("基金科科长", "科长", "2022-04-12",
                                                                         "介绍基金收支和稽核情况。")
    assert json.loads(s.interviewer_ids) == [team[0].id, team[1].id]
    assert json.loads(s.indicator_ids) == [indicator.id]
    assert _reopened(ctx.path, psvc.work_process_sentences_for)[-1] == "评价小组开展访谈1次。"

    # edit the record shown; an emptied interviewee is refused and the stored one kept
    f.place.setText("第二会议室")
    assert interviews.save() is not None
    assert _reopened(ctx.path, rsvc.interviews)[0].place == "第二会议室"
    f.interviewee.setText("")
    assert interviews.save() is None and "被访谈人不能为空" in messages[-1]
    assert _reopened(ctx.path, rsvc.interviews)[0].interviewee == "基金科科长"

    # a new one, then remove the first
    interviews.new()
    assert f.interviewee.text() == "" and not interviews.delete_btn.isEnabled()
    f.interviewee.setText("待遇审核科科员")
    f.date.setDate(QDate(2022, 4, 13))
    _check(f.interviewers, {team[2].id})
    assert interviews.save() is not None and interviews.model.rowCount() == 2
    interviews.view.selectRow(0)
    assert f.interviewee.text() == "基金科科长"
    assert interviews.remove()
    assert [i.interviewee for i in _reopened(ctx.path, rsvc.interviews)] == ["待遇审核科科员"]
    ctx.undo_stack.undo()
    assert interviews.model.rowCount() == 2 and len(ctx.ef.records(Interview)) == 2


def test_hooks_in_the_main_window(window):
    team = window.page("team")
    assert team.team_tabs.count() == 3 and team.team_tabs.widget(2) is team.plan_panel
    review = window.page("review")
    tabs = review.review_tabs
    assert tabs.tabText(tabs.indexOf(tabs.interviews)) == "访谈记录"
