"""The main window on the sample: steps, editing through the views, persistence, errors, undo, Save As."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from wcif_desktop.domain.model import Finding, Indicator
from wcif_desktop.services.report_archive import lock as _archive_lock
from wcif_desktop.ui.pages import STEP_PAGES, StepState

pytestmark = pytest.mark.gui


def _edit_cell(qtbot, view, index, text):
    """Edit a cell the way a user does: open the editor, type, press Enter."""
    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.edit(index)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "expected one open editor"
    editor = editors[0]
    editor.selectAll()
    editor.insert(text)  # QTest.keyClicks only types ASCII
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)  # let the closed editor be deleted


def test_steps_and_their_states(window):
    titles = [window.step_list.item(i).text().split("\n")[0] for i in range(window.step_list.count())]
    assert titles == ["团队与方案", "现场资料核查", "绩效目标", "指标评分", "问题与建议", "报告"]
    assert window.step_state("scoring") is StepState.DONE
    assert window.step_state("report") is StepState.NOT_STARTED
    assert "已完成" in window.step_list.item(3).text()
    assert window.windowTitle().startswith("呼和浩特 2021.wcif")
    for key in [p.key for p in STEP_PAGES]:
        page = window.show_step(key)
        assert window.page_stack.currentWidget() is page


def test_sample_data_on_each_step(window):
    team = window.page("team")
    assert team.fields["title"].text() == "呼和浩特市2021年度工伤保险基金项目绩效评价"
    assert team.fields["agency"].text() == "内蒙古鑫方圆会计师事务有限公司"
    assert team.team_model.index(0, 1).data() == "组长"
    assert window.page("review").process_edit.toPlainText().startswith("前期成立绩效评价小组")
    targets = window.page("targets")
    assert targets.refined_model.rowCount() == 6 and targets.declared_model.rowCount() == 0
    assert "{{fiscal_year}}" in targets.targets_edit.toPlainText()
    assert targets.targets_text.preview.text().startswith("报告中显示为：2021 年度")
    scoring = window.page("scoring")
    assert scoring.total_label.text() == "综合评分 82.33 分，评级 良"
    assert scoring.problems.count() == 1 and scoring.problems.item(0).text().startswith("未发现问题")
    findings = window.page("findings")
    assert [findings.models[k].rowCount() for k in ("practice", "problem", "recommendation")] == [3, 3, 3]


def test_edit_score_in_tree_updates_total_and_persists(window, qtbot, sample_path):
    from wcif_desktop.ui.mainwindow import MainWindow

    page = window.show_step("指标评分")
    model = page.model
    _edit_cell(qtbot, page.tree, model.find("4.1.1", model.REASON), "部分待遇未按时核定")
    _edit_cell(qtbot, page.tree, model.find("4.1.1", model.SCORE), "2")
    assert page.total_label.text() == "综合评分 78.33 分，评级 中"
    assert model.find("4.1.1", model.SCORE).data() == "2.00"
    assert model.find("4.1", model.SCORE).data() == "5.83"
    assert window.step_state("scoring") is StepState.DONE
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.load(sample_path)
    page = again.page("scoring")
    assert page.total_label.text() == "综合评分 78.33 分，评级 中"
    assert page.model.find("4.1.1", page.model.REASON).data() == "部分待遇未按时核定"
    again.close()


def test_invalid_score_shows_message_and_keeps_old_value(window, qtbot, messages):
    page = window.show_step("scoring")
    _edit_cell(qtbot, page.tree, page.model.find("1.1.1", page.model.SCORE), "4")
    assert len(messages) == 1 and "超过分值" in messages[0]
    assert page.model.find("1.1.1", page.model.SCORE).data() == "3.00"
    assert page.total_label.text() == "综合评分 82.33 分，评级 良"
    assert next(i for i in window.ctx.ef.records(Indicator) if i.code == "1.1.1").score == Decimal(3)


def test_undo_and_redo_actions(window, qtbot):
    page = window.show_step("scoring")
    _edit_cell(qtbot, page.tree, page.model.find("1.2.1", page.model.SCORE), "3")
    assert page.total_label.text() == "综合评分 84.33 分，评级 良"
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert page.total_label.text() == "综合评分 82.33 分，评级 良"
    assert page.model.find("1.2.1", page.model.SCORE).data() == "1.00"
    window.act_redo.trigger()
    assert page.total_label.text() == "综合评分 84.33 分，评级 良"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.act_redo.shortcuts()]


def test_edit_finding_text_and_facts(window, qtbot, messages):
    page = window.show_step("findings")
    view = page.views["problem"]
    view.setCurrentIndex(page.models["problem"].index(1, 0))
    assert page.title_edit.text() == "项目资金预算不够精准" and page.cause_edit.isVisibleTo(page)
    assert "{{income_budget}}" in page.body_edit.toPlainText()
    assert page.preview.isVisibleTo(page) and "11,026.63 万元" in page.preview.text()
    page.title_edit.setText("项目资金预算编制不够精准")
    page.title_edit.editingFinished.emit()
    page.cause_edit.setPlainText("测算依据单一")
    page.cause_edit.commit()
    assert page.models["problem"].index(1, 0).data() == "项目资金预算编制不够精准"
    rec = window.ctx.ef.get(Finding, page.models["problem"].record(1).id)
    assert rec.title == "项目资金预算编制不够精准" and rec.cause == "测算依据单一"

    team = window.show_step("team")
    team.fields["fiscal_year"].setText("二〇二一")
    team.fields["fiscal_year"].editingFinished.emit()
    assert messages and "四位年份" in messages[-1]
    assert team.fields["fiscal_year"].text() == "2021"  # old value shown again
    team.fields["report_date"].setText("2022-07-01")
    team.fields["report_date"].editingFinished.emit()
    assert window.ctx.evaluation().report_date == "2022-07-01"
    window.act_undo.trigger()
    assert team.fields["report_date"].text() == "2022-06-30"


def test_step_state_follows_data(bare_window):
    """On the bare sample (no request list: the whole sample's settled list makes the step 已完成 from the start)."""
    from wcif_desktop.services.review import add_request_item, set_request_status

    window = bare_window

    page = window.show_step("review")
    page.process_edit.setPlainText("")
    page.process_edit.commit()
    assert window.step_state("review") is StepState.NOT_STARTED
    window.act_undo.trigger()
    # text alone is not a done on-site review: 已完成 only when its own check passes (every request settled)
    assert window.step_state("review") is StepState.IN_PROGRESS
    item, changes = add_request_item(window.ctx.ef, "2021年基金决算报表", "财务资料")
    window.ctx.changed.emit(changes)
    assert window.step_state("review") is StepState.IN_PROGRESS  # still awaited
    window.ctx.changed.emit(set_request_status(window.ctx.ef, item.id, "received"))
    assert window.step_state("review") is StepState.DONE


def test_save_as_continues_on_copy(window, workdir):
    dest = workdir / "另存 副本.wcif"
    assert window.save_as(dest)
    assert window.ctx.path == dest and window.windowTitle().startswith("另存 副本.wcif")
    page = window.page("scoring")
    page.model.setData(page.model.find("1.2.1", page.model.SCORE), "3")
    from wcif_desktop.services.evaluation import open_file

    with open_file(workdir / "呼和浩特 2021.wcif") as original:
        assert next(i for i in original.records(Indicator) if i.code == "1.2.1").score == Decimal(1)
    assert window.settings["files/recent"][0] == str(dest)


def test_open_bad_file_shows_one_message(window, workdir, messages):
    bad = workdir / "不是评价.wcif"
    bad.write_text("hello", encoding="utf-8")
    before = window.ctx.path
    assert not window.open_path(bad)
    assert len(messages) == 1 and "不是评价文件" in messages[0]
    assert window.ctx.path == before  # the open file stays


def test_new_from_sample_and_empty(qtbot, workdir, messages):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()  # shown without a file: the welcome page (built then)
    assert win.central.currentWidget() is win.welcome
    assert win.new_from_sample(workdir / "新 样例.wcif")
    assert win.page("scoring").total_label.text() == "综合评分 82.33 分，评级 良"
    assert win.new_empty(workdir / "空白 评价.wcif")
    assert win.step_state("team") is StepState.IN_PROGRESS  # title only
    assert win.step_state("scoring") is StepState.NOT_STARTED
    assert not win.new_empty(workdir / "空白 评价.wcif")  # never overwrites
    assert "已存在" in messages[-1]
    assert [p for p in win.settings["files/recent"]][:2] == [str(workdir / "空白 评价.wcif"),
                                                          str(workdir / "新 样例.wcif")]
    win.close()


def test_crash_handler_logs_and_reports(qapp, capsys):
    from wcif_desktop.ui import errors

    try:
        raise RuntimeError("boom 测试")
    except RuntimeError as e:
        errors.handle_exception(type(e), e, e.__traceback__, interactive=False)
    err = capsys.readouterr().err
    assert "RuntimeError: boom 测试" in err
    assert "RuntimeError: boom 测试" in errors.log_path().read_text(encoding="utf-8")
    dlg = errors.CrashDialog("report text")
    assert dlg.text.toPlainText() == "report text" and dlg.text.isReadOnly()


def test_geometry_and_step_are_remembered(qtbot, sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.load(sample_path)
    win.resize(1000, 700)
    win.show_step("findings")
    win.close()
    again = MainWindow()
    qtbot.addWidget(again)
    saved = again.settings["window/geometry"]
    assert not saved.isEmpty() and again.restoreGeometry(saved)  # (offscreen clamps sizes to its small screen)
    again.load(sample_path)
    assert again.page_stack.currentWidget() is again.page("findings")
    assert again.recent_menu.actions()[0].text() == sample_path.name
    again.close()


def test_typed_text_is_saved_when_switching_files_or_closing(window, qtbot, workdir, sample_path):
    from wcif_desktop.services.evaluation import load_snapshot, open_file

    page = window.show_step("review")
    page.process_edit.setFocus()
    page.process_edit.setPlainText("切换文件前输入的文字")
    assert window.new_from_sample(workdir / "另一个.wcif")  # opening another file keeps what was typed
    with open_file(sample_path) as ef:
        assert load_snapshot(ef).narratives["process"] == "切换文件前输入的文字"
    page = window.show_step("findings")
    page.title_edit.setFocus()
    page.title_edit.setText("关窗前输入的标题")
    window.close()
    with open_file(workdir / "另一个.wcif") as ef:
        assert "关窗前输入的标题" in [f.title for f in load_snapshot(ef).findings]


def test_locked_evaluation_refuses_edits_and_shows_saved_text(window, messages, monkeypatch):
    from wcif_desktop.ui import lock

    asked = []
    monkeypatch.setattr(lock, "ask_reason", lambda parent: asked.append(parent) and None)  # 取消: stays locked
    _archive_lock(window.ctx.ef)
    page = window.show_step("findings")
    page.views["practice"].setCurrentIndex(page.models["practice"].index(0, 0))
    old = page.title_edit.text()
    page.title_edit.setText("锁定后修改")
    page.title_edit.commit()
    assert len(asked) == 1  # the edit asked whether to reopen the evaluation (issue 7)
    assert page.title_edit.text() == old
    review = window.show_step("review")
    before = review.process_edit.toPlainText()
    review.process_edit.setPlainText("锁定后修改")
    review.process_edit.commit()
    assert review.process_edit.toPlainText() == before and len(asked) == 2
    assert window.ctx.evaluation().locked and messages == []


def test_a_window_started_on_a_file_never_builds_the_welcome_page(qtbot, workdir):
    """The welcome page is for a window without a file: one shown on a file builds none (start-up time, issue
    21); asking for it later still gives the page, behind the open file."""
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.ui.mainwindow import MainWindow

    path = write_sample(workdir / "样例 欢迎.wcif")
    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    win.load(path)
    win.show()
    assert win._welcome is None and win.central.count() == 1
    assert win.central.currentWidget() is win.workspace
    page = win.welcome
    assert win.central.count() == 2 and win.central.currentWidget() is win.workspace
    assert page.recent_label.isHidden() == (not win.settings["files/recent"])
