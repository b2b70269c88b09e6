"""Survey GUI: the mapping/import dialog (columns → questions, answers → scale points, decisions) and the
results view, on an evaluation file built in the test."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty

pytestmark = pytest.mark.gui

HEADERS = ["序号", "提交答卷时间", "1、您对工伤认定的办理效率是否满意？", "2、窗口服务怎么样", "3、您是否知道工伤保险浮动费率政策？"]
ROWS = [
    [1, dt.datetime(2022, 3, 1, 9, 0), "非常满意", "满意", "知道"],
    [2, dt.datetime(2022, 3, 1, 9, 1), "还行", "一般", "不知道"],
    [3, dt.datetime(2022, 3, 1, 9, 2), "满意", "非常满意", "知道"],
    [3, dt.datetime(2022, 3, 1, 9, 3), "不满意", "满意", "知道"],
]


def write_xlsx(path, headers, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def ctx(qapp, workdir, messages):
    from wcif_desktop.ui.context import EvaluationContext

    ef = create_empty(workdir / "问卷 界面.wcif", title="测试", fiscal_year=2021)
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    sv.add_question(ef, s.id, "您对工伤认定的办理效率是否满意？")
    sv.add_question(ef, s.id, "您对窗口服务是否满意？")
    sv.add_question(ef, s.id, "您是否知道工伤保险浮动费率政策？", "awareness")
    c = EvaluationContext(ef)
    c.survey_id = s.id
    yield c
    c.close()


def test_mapping_dialog_maps_columns_answers_decides_and_imports(qtbot, ctx, workdir):
    from wcif_desktop.ui.survey_view import SurveyPanel

    panel = SurveyPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 2  # 参保单位 and 全部, no responses yet
    assert (panel.model.text(0, 1), panel.model.text(0, 2)) == ("0", "—")
    path = write_xlsx(workdir / "导出 界面.xlsx", HEADERS, ROWS)
    dlg = panel.open_import(ctx.survey_id, path)
    rep = dlg.report
    # automatic: id, time, Q1 and Q3 by text; column D unknown; 还行 outside the scale; id 3 twice
    assert [c.target for c in dlg.columns] == ["respondent_id", "submitted_at", "question", "unmapped", "question"]
    assert set(rep.pending) == {"unmapped_column", "missing_column", "duplicate", "out_of_scale"}
    assert not dlg.import_btn.isEnabled()
    assert dlg.decision_combos["duplicate"].isVisibleTo(dlg)
    assert not dlg.decision_combos["different_survey"].isVisibleTo(dlg)

    q1, q2, _q3 = sv.questions(ctx.ef, ctx.survey_id)
    dlg.set_column_target(3, "question", q2.id)
    assert dlg.answer_row(q2.id, "一般") >= 0  # the answers of the newly mapped column are listed
    general = next(o.id for o in sv.options(ctx.ef, q1.id) if o.label == "一般")
    dlg.set_answer_target(q1.id, "还行", general)
    dlg.set_decision("duplicate", "skip")
    rep = dlg.check()
    assert rep.pending == [] and rep.to_import == 3
    assert dlg.import_btn.isEnabled()
    assert "试运行：将导入 3 份答卷" in dlg.report_view.toPlainText()
    assert ctx.ef.rows("survey_response") == []

    with qtbot.waitSignal(dlg.imported, timeout=10000):
        qtbot.mouseClick(dlg.import_btn, qtbot_button())
    dlg.task.wait()
    assert dlg.result() == dlg.DialogCode.Accepted
    # three count; the second row with id 3 is kept on file as an excluded response
    stored = ctx.ef.records(sv.SurveyResponse)
    assert len(stored) == 4 and sum(r.excluded for r in stored) == 1
    # the results view refreshed: 参保单位 + 全部; satisfaction 非常满意 满意 | 一般(还行) 一般 | 满意 非常满意 → 4/6
    assert panel.model.rowCount() == 2
    assert panel.model.text(0, 0) == "参保单位" and panel.model.text(0, 1) == "3"
    assert panel.model.text(0, 2) == "66.67%"
    assert panel.model.text(0, 4) == "66.67%"  # 知道 2 of 3
    assert "样本量偏小" in panel.model.text(0, 6)
    assert "Wilson" in panel.note.text()
    cm = panel.counts_model
    q1_item = cm.index(0, 0)
    assert cm.text(q1_item).endswith("您对工伤认定的办理效率是否满意？") and cm.text(cm.index(0, 2)) == "66.67%"
    assert [(cm.text(cm.index(i, 0, q1_item)), cm.text(cm.index(i, 1, q1_item))) for i in range(cm.rowCount(q1_item))] == [
        ("非常满意", "1"), ("满意", "1"), ("一般", "1"), ("不满意", "0"), ("非常不满意", "0")]
    # remembered: the same file again needs no choices
    saved = sv.saved_mapping(ctx.ef, ctx.survey_id)
    assert saved.columns["窗口服务怎么样"] == ("question", q2.id)
    assert saved.answers[(q1.id, "还行")] == general


def test_results_view_method_switch_and_create_from_file(qtbot, ctx, workdir, messages):
    from wcif_desktop.ui.survey_view import SurveyPanel

    panel = SurveyPanel(ctx)
    qtbot.addWidget(panel)
    for i, (a, b) in enumerate((("非常满意", "满意"), ("一般", "不满意"))):
        sv.add_response(ctx.ef, ctx.survey_id, {"Q1": a, "Q2": b, "Q3": "知道"}, respondent_id=str(i))
    panel.refresh()
    assert panel.model.text(0, 2) == "50.00%"
    # method 平均分折算百分制: (5 + 4 + 3 + 2) / 4 / 5 = 70 %
    panel.method_combo.setCurrentIndex(panel.method_combo.findData("mean"))
    panel.method_combo.activated.emit(panel.method_combo.currentIndex())
    assert panel.model.text(0, 2) == "70.00%"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert panel.model.text(0, 2) == "50.00%"

    path = write_xlsx(workdir / "职工 导出.xlsx", ["序号", "1、您对待遇发放是否满意", "2、您的建议"],
                      [[1, "满意", "无"], [2, "5", ""]])
    sid = panel.create_from_file(path, "工伤职工")
    assert sid and panel.current_survey_id() == sid
    assert [q.kind for q in sv.questions(ctx.ef, sid)] == ["satisfaction", "text"]
    dlg = panel.open_import(sid, path)
    assert dlg.report.ok
    with qtbot.waitSignal(dlg.imported, timeout=10000):
        dlg.do_import()
    dlg.task.wait()
    assert [panel.model.text(r, 0) for r in range(panel.model.rowCount())] == ["参保单位", "工伤职工", "全部"]
    assert panel.model.text(1, 2) == "100.00%"
    bad = workdir / "坏.xlsx"
    bad.write_bytes(b"nope")
    assert panel.open_import(sid, bad) is None
    assert messages and "无法读取" in messages[-1]


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_paper_entry_dialog_saves_undoes_and_refuses(qtbot, ctx, messages):
    from wcif_desktop.ui.survey_view import SurveyPanel

    panel = SurveyPanel(ctx)
    qtbot.addWidget(panel)
    dlg = panel.open_entry()
    q1, q2, q3 = sv.questions(ctx.ef, ctx.survey_id)
    dlg.fields[q1.id].setCurrentIndex(dlg.fields[q1.id].findData("满意"))
    dlg.fields[q3.id].setCurrentIndex(dlg.fields[q3.id].findData("不知道"))
    dlg.respondent.setText("纸-001")
    rid = dlg.save()
    assert rid and dlg.status.text() == "本次已录入 1 份"
    assert dlg.fields[q1.id].currentIndex() == 0 and dlg.respondent.text() == ""
    answers = {a["question_id"]: a["text"] for a in ctx.ef.rows("survey_answer", "response_id = ?", [rid])}
    assert answers == {q1.id: "满意", q3.id: "不知道"}
    assert panel.model.text(0, 1) == "1" and panel.model.text(0, 2) == "100.00%" and panel.model.text(0, 4) == "0.00%"
    # the same respondent id again is refused with a message; an empty form too
    dlg.fields[q2.id].setCurrentIndex(dlg.fields[q2.id].findData("一般"))
    dlg.respondent.setText("纸-001")
    assert dlg.save() is None and "已有编号" in messages[-1]
    dlg.respondent.clear()
    dlg.fields[q2.id].setCurrentIndex(0)
    assert dlg.save() is None and "没有任何答案" in messages[-1]
    # undo / redo of the saved form
    ctx.undo_stack.undo()
    assert panel.model.text(0, 1) == "0"
    ctx.undo_stack.redo()
    assert panel.model.text(0, 1) == "1"
    assert ctx.ef.verify_history() == []


def test_survey_panel_is_in_the_review_step(qtbot, bare_sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow
    from wcif_desktop.ui.survey_view import SurveyPanel

    win = MainWindow()
    qtbot.addWidget(win)
    win.load(bare_sample_path)
    page = win.show_step("review")
    panel = page.findChild(SurveyPanel, "survey_panel")
    assert panel is not None
    panel.ensure_loaded()  # read when its tab is first shown
    assert panel.model.rowCount() == 0 and not panel.import_btn.isEnabled()
    assert "尚无问卷" in panel.note.text()
    win.close()
