"""GUI: the statement import dialog rejects a bad cell, writes nothing before confirmation, then imports the
rest in one undoable step; the finance view shows the figures and checks."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp, bare_sample_path, messages):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext

    c = EvaluationContext(open_file(bare_sample_path))
    yield c
    c.close()


def _statement(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收支表"
    ws["A1"] = "2021年工伤保险基金收支情况表"
    ws.merge_cells("A1:D1")
    ws["D2"] = "单位：万元"
    ws.append(["项目", "预算数", "调整后预算数", "执行数"])
    ws.append(["一、上年末滚存结余", None, None, "73,042.66"])
    ws.append(["二、基金收入合计", "11,026.63", None, "１２，３８３．１３"])
    ws.append(["1.工伤保险费收入", "10,500.00", None, "11,9８0.00"])
    ws.append(["2.利息收入", "526.63", None, "四百零三"])  # the bad cell: D7
    ws.append(["三、基金支出合计", "8,502.41", "9,000.00", "13,013.76"])
    ws.append(["四、年末滚存结余", None, None, "72,412.03"])
    wb.save(path)
    return path


def _finance(ctx):
    from wcif_desktop.domain.model import FinanceLine

    return {(ln.fiscal_year, ln.code): ln for ln in ctx.ef.records(FinanceLine)}


def test_import_dialog_rejects_bad_cell_and_imports_rest_after_confirmation(qtbot, ctx, workdir):
    from PySide6.QtWidgets import QListWidget, QTableWidget

    from wcif_desktop.ui.finance_import import REJECTED_BG, StatementImportDialog

    path = _statement(workdir / "收支 表.xlsx")
    before = _finance(ctx)
    dlg = StatementImportDialog(ctx, path)
    qtbot.addWidget(dlg)
    plan = dlg.plan
    assert plan is not None and plan.unit == "万元"
    assert [(r.row, r.column) for r in plan.rejections] == [(7, "D")]
    problems = dlg.findChild(QListWidget, "problems")
    texts = [problems.item(i).text() for i in range(problems.count())]
    assert any("工作表“收支表”第7行D列" in t and "不是有效数值" in t for t in texts)
    preview = dlg.findChild(QTableWidget, "preview")
    bad = preview.item(6, 3)
    assert bad.text() == "四百零三" and bad.background().color() == REJECTED_BG and bad.toolTip()
    assert dlg.import_button.isEnabled()
    # nothing written while the dialog is open and the mapping is changed
    from wcif_desktop.services.finance import ColumnTarget

    dlg.set_column_target("C", None)
    assert ColumnTarget("adjusted_budget", 2021) not in dlg.plan.mapping.values()
    dlg.set_column_target("C", ColumnTarget("adjusted_budget", 2021))
    assert _finance(ctx).keys() == before.keys()
    assert _finance(ctx)[(2021, "income_total")].actual == before[(2021, "income_total")].actual

    qtbot.mouseClick(dlg.import_button, qtbot_button())
    after = _finance(ctx)
    assert after[(2021, "premium_income")].actual == Decimal("119800000.00")  # mixed full-width digits
    assert after[(2021, "expenditure_total")].adjusted_budget == Decimal("90000000.00")
    assert after[(2021, "opening_balance")].actual == Decimal("730426600.00")
    assert after[(2021, "interest_income")].budget == Decimal("5266300.00")
    assert after[(2021, "interest_income")].actual is None  # the rejected cell was not written
    assert dlg.result() == dlg.DialogCode.Accepted

    ctx.undo_stack.undo()  # one undo step takes the whole import back
    assert _finance(ctx).keys() == before.keys()
    ctx.undo_stack.redo()
    assert _finance(ctx)[(2021, "premium_income")].actual == Decimal("119800000.00")


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_import_dialog_cancel_writes_nothing(qtbot, ctx, workdir):
    from wcif_desktop.ui.finance_import import StatementImportDialog

    path = _statement(workdir / "表.xlsx")
    before = _finance(ctx)
    dlg = StatementImportDialog(ctx, path)
    qtbot.addWidget(dlg)
    dlg.reject()
    assert _finance(ctx).keys() == before.keys()
    assert ctx.undo_stack.count() == 0


def test_import_dialog_unknown_unit_and_bad_file(qtbot, ctx, workdir):
    from wcif_desktop.ui.finance_import import StatementImportDialog

    path = workdir / "无单位.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目", "预算数", "执行数"])
    wb.active.append(["基金收入合计", 1, 2])
    wb.save(path)
    dlg = StatementImportDialog(ctx, path)
    qtbot.addWidget(dlg)
    assert not dlg.import_button.isEnabled() and "单位" in dlg.summary.text()
    dlg.unit_combo.setCurrentIndex(dlg.unit_combo.findData("万元"))
    assert dlg.import_button.isEnabled() and dlg.plan.lines[0].code == "income_total"
    broken = workdir / "坏.xlsx"
    broken.write_text("x")
    dlg2 = StatementImportDialog(ctx, broken)
    qtbot.addWidget(dlg2)
    assert not dlg2.import_button.isEnabled() and "无法读取" in dlg2.summary.text()


def test_finance_view_shows_hohhot_figures_and_follows_edits(qtbot, ctx):
    from PySide6.QtWidgets import QLabel, QListWidget

    from wcif_desktop.domain.model import FinanceLine
    from wcif_desktop.ui.finance_view import FinanceView

    view = FinanceView(ctx)
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    label = view.findChild(QLabel, "value_expenditure_execution_rate")
    assert label.text() == "153.06%"
    assert view.findChild(QLabel, "value_coverage_months").text() == "66.77"
    assert view.chart.values[0] == ("收入合计", Decimal("11026.63"), Decimal("12383.13"))
    assert view.lines.item(0, 3).text() == "12,383.13"
    image = view.chart.grab().toImage()
    assert image.width() > 0 and len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 5)}) > 1
    # an edit elsewhere (undoable) refreshes the view
    line = next(ln for ln in ctx.ef.records(FinanceLine) if ln.code == "expenditure_total")
    ctx.edit_fields(FinanceLine, line.id, budget=Decimal("13013760.00") * 10)
    assert label.text() == "100.00%"
    checks = view.findChild(QListWidget, "finance_checks")
    assert checks.count() >= 1
    view.cap_edit.setText("5")
    view.cap_edit.editingFinished.emit()
    from wcif_desktop.services.finance import load_settings

    assert load_settings(ctx.ef).prevention_cap_rate == Decimal("5")
    ctx.undo_stack.undo()
    assert load_settings(ctx.ef).prevention_cap_rate == Decimal("3")


def test_main_window_data_menu(qtbot, bare_sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    assert not win.act_finance.isEnabled()
    win.load(bare_sample_path)
    assert win.act_finance.isEnabled()
    win.act_finance.trigger()
    fw = win.finance_window()
    assert fw is not None and fw.isVisible()
    assert fw.view.findChild(type(fw.view.values["coverage_months"]), "value_coverage_months").text() == "66.77"
    fw.close()
    win.close()


def test_target_import_and_comparison_from_menu(qtbot, bare_sample_path, messages, workdir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from wcif_desktop.domain.model import TargetIndicator
    from wcif_desktop.ui import finance_view as fv
    from wcif_desktop.ui.mainwindow import MainWindow

    path = workdir / "目标.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"])
    ws.append(["产出指标", "时效指标", "待遇发放及时率", "100%", "历史标准"])
    ws.append(["产出指标", "数量指标", "参保人数", "=B9*2", "计划标准"])
    wb.save(path)
    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    win.load(bare_sample_path)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or QMessageBox.StandardButton.Ok)
    assert fv.import_targets(win, path)
    assert "第3行D列" in shown[0] and "1 个绩效指标" in shown[0]
    declared = [t for t in win.ctx.ef.records(TargetIndicator) if t.version == "declared"]
    assert [t.name for t in declared] == ["待遇发放及时率"]
    dlg = fv.TargetComparisonDialog(win.ctx, win)
    qtbot.addWidget(dlg)
    statuses = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    assert statuses.count("保留") == 1 and statuses.count("新增") == 5  # same indicator in the sample's refined table
    win.ctx.undo_stack.undo()
    assert not [t for t in win.ctx.ef.records(TargetIndicator) if t.version == "declared"]
    assert "保留" not in [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    win.close()
