"""One score edit in the main window (issue 21): what the user sees afterwards — the edited score, the subtotals,
total and grade, the 扣分原因, the chart, the step states — matches the file, after undo and redo too; the work
the edit defers (step states) is done once the event loop runs; one read of the file serves every listener."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import scoring
from wcif_desktop.services.evaluation import load_snapshot, open_for_thread, set_indicator_score
from wcif_desktop.ui.models import IndicatorTreeModel
from wcif_desktop.ui.pages import STEP_PAGES, StepState, step_index

pytestmark = pytest.mark.gui

EDIT = Qt.ItemDataRole.EditRole


def _cells(model) -> dict[str, tuple]:
    """Every cell the tree shows, per indicator code (display role, all columns)."""
    out = {}

    def walk(parent):
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0, parent)
            out[model.data(first)] = tuple(model.data(model.index(row, c, parent)) for c in range(model.columnCount()))
            walk(first)
    walk(QModelIndex())
    return out


def _settle():
    QApplication.processEvents()


def _listed_state(window, key) -> str:
    """What the step list shows for ``key`` now, without asking the window to bring it up to date."""
    return window.step_list.item(step_index(key)).text()


def _assert_shows_the_file(window, page):
    """The tree, the total line and the chart show what a fresh read of the file gives."""
    ctx = page.ctx
    fresh = IndicatorTreeModel(ctx)  # reads the file anew
    ctx._snap = None  # noqa: SLF001 - and not through the shared snapshot
    fresh.reload()
    assert _cells(page.model) == _cells(fresh)
    sheet = scoring.score_sheet(ctx.ef)
    assert f"综合评分 {sheet.total():.2f} 分，评级 {sheet.grade()}" == page.total_label.text()
    assert [b[:3] for b in page.tools.chart.bars()] == sheet.dimension_scores()
    fresh.deleteLater()


def test_score_edit_shows_score_subtotals_total_grade_reason_and_undoes(window, messages):
    page = window.show_step("scoring")
    m = page.model
    _settle()
    assert _cells(m)["1.3.2"][m.SCORE] == "3.50" and "综合评分 82.33 分，评级 良" == page.total_label.text()
    reason = _cells(m)["1.3.2"][m.REASON]
    assert reason.startswith("工伤预防费用未列入2021年预算")

    assert m.setData(m.find("1.3.2", m.SCORE), "1", EDIT)  # 3.50 → 1: the reason stays, the grade drops
    _settle()
    cells = _cells(m)
    assert cells["1.3.2"][m.SCORE] == "1.00" and cells["1.3.2"][m.REASON] == reason
    assert cells["1.3"][m.SCORE] == "2.50" and cells["1"][m.SCORE] == "10.50"  # subtotals
    assert cells["2"][m.SCORE] == "17.50"  # another branch, unchanged
    assert page.total_label.text() == "综合评分 79.83 分，评级 中"
    assert page.tools.chart.bars()[0][2] == Decimal("10.50")
    # the placeholder of another reason is still filled in ({{income_execution_rate}} → a percentage)
    assert "{{" not in cells["1.3.1"][m.REASON] and "%" in cells["1.3.1"][m.REASON]
    _assert_shows_the_file(window, page)
    assert messages == []

    window.act_undo.trigger()
    _settle()
    assert _cells(m)["1.3.2"][m.SCORE] == "3.50" and _cells(m)["1"][m.SCORE] == "13.00"
    assert page.total_label.text() == "综合评分 82.33 分，评级 良"
    _assert_shows_the_file(window, page)

    window.act_redo.trigger()
    _settle()
    assert _cells(m)["1.3.2"][m.SCORE] == "1.00" and page.total_label.text() == "综合评分 79.83 分，评级 中"
    _assert_shows_the_file(window, page)


def test_step_states_follow_an_edit_once_the_event_loop_ran(window, monkeypatch):
    page = window.show_step("scoring")
    m = page.model
    _settle()
    assert "已完成" in _listed_state(window, "scoring")
    scoring_page = STEP_PAGES[step_index("scoring")]
    calls = []
    original = scoring_page.state  # a Step's state rule (the page's module may not be imported yet)
    monkeypatch.setattr(scoring_page, "state", lambda snap, ef=None: (calls.append(1), original(snap, ef))[1])

    # three edits in a row (as a paste or a quick series of entries): the states are recomputed once, after them
    assert m.setData(m.find("1.3.2", m.SCORE), "", EDIT)  # cleared: one leaf unscored → 进行中
    assert m.setData(m.find("1.3.2", m.SCORE), "2", EDIT)
    assert m.setData(m.find("1.3.2", m.SCORE), "", EDIT)
    assert window.states_pending() and calls == []
    _settle()
    assert not window.states_pending() and len(calls) == 1
    assert "进行中" in _listed_state(window, "scoring")
    assert window.step_list.item(step_index("scoring")).data(Qt.ItemDataRole.UserRole) is StepState.IN_PROGRESS

    # undo: back to 已完成 after the event loop; asking the window directly brings the state up to date at once
    window.act_undo.trigger()  # "" → 2
    window.act_undo.trigger()  # 2 → ""
    window.act_undo.trigger()  # "" → 3.50
    assert window.states_pending()
    assert window.step_state("scoring") is StepState.DONE and not window.states_pending()
    assert "已完成" in _listed_state(window, "scoring")


def test_expert_panel_is_not_refilled_by_a_score_edit_but_by_a_rename(window):
    page = window.show_step("scoring")
    m, table = page.model, page.tools.panel.table
    _settle()
    assert table.rowCount() > 0
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "1.3.2")
    table.item(row, 1).setData(Qt.ItemDataRole.UserRole, "still the same cell")
    assert m.setData(m.find("1.3.2", m.SCORE), "1", EDIT)
    _settle()
    assert table.item(row, 1).data(Qt.ItemDataRole.UserRole) == "still the same cell"  # not refilled
    ind = next(i for i in page.ctx.ef.records(Indicator) if i.code == "1.3.2")
    assert page.ctx.edit_fields(Indicator, ind.id, name="资金分配合理性（改）")
    _settle()
    assert table.item(row, 1).text() == "资金分配合理性（改）"  # what it shows changed: refilled
    assert table.item(row, 1).data(Qt.ItemDataRole.UserRole) is None


def test_editing_another_rows_score_keeps_the_form_being_typed(window):
    page = window.show_step("scoring")
    m, editor = page.model, page.tools.editor
    page.tree.setCurrentIndex(m.find("1.1.1"))
    editor.name_edit.setText("正在输入的名称")
    assert m.setData(m.find("1.3.2", m.SCORE), "1", EDIT)  # another indicator's score
    _settle()
    assert editor.name_edit.text() == "正在输入的名称"
    assert m.setData(m.find("1.1.1", m.REASON), "依据不足", EDIT)  # the current one's: the form shows the file
    _settle()
    assert editor.name_edit.text() == "立项依据充分性"


def test_one_snapshot_per_state_of_the_file(ctx):
    first = ctx.snapshot()
    assert ctx.snapshot() is first and ctx.score_sheet() is ctx.score_sheet()
    leaf = next(i for i in first.indicators if i.code == "1.3.2")

    assert ctx.edit_score(leaf.id, "1")  # an edit through the context
    after = ctx.snapshot()
    assert after is not first and next(i for i in after.indicators if i.id == leaf.id).score == Decimal("1")
    assert ctx.score_sheet().total() == Decimal("79.83")

    other = open_for_thread(ctx.path)  # a write through another connection (a worker thread's)
    try:
        set_indicator_score(other, leaf.id, "2")
    finally:
        other.close()
    assert next(i for i in ctx.snapshot().indicators if i.id == leaf.id).score == Decimal("2")

    # read inside a transaction that is then rolled back: what was read there is not reused
    with pytest.raises(RuntimeError), ctx.ef.transaction():
        set_indicator_score(ctx.ef, leaf.id, "3")
        assert next(i for i in ctx.snapshot().indicators if i.id == leaf.id).score == Decimal("3")
        raise RuntimeError("roll back")
    assert next(i for i in ctx.snapshot().indicators if i.id == leaf.id).score == Decimal("2")
    assert ctx.snapshot() == load_snapshot(ctx.ef)


def test_hidden_report_page_checks_catch_up_when_shown(window, monkeypatch):
    """The report step's checks (seconds on a large file) wait while another step is shown, and are current when
    the report step is shown again."""
    from wcif_desktop.domain.model import Finding

    report = window.show_step("report")
    _settle()
    assert not [i for i in report.readiness.items if i.severity == "错误"]
    runs = []
    original = report.readiness.refresh
    monkeypatch.setattr(report.readiness, "refresh", lambda *a: (runs.append(1), original(*a))[1])
    window.show_step("findings")
    _settle()
    ctx = window.ctx
    problem = ctx.snapshot().findings_of("problem")[0]
    assert ctx.edit_fields(Finding, problem.id, cause="")  # the problem loses its cause: a readiness error
    m = window.page("scoring").model
    assert m.setData(m.find("1.3.2", m.SCORE), "1", EDIT)
    _settle()
    assert runs == []  # hidden: not recomputed per edit
    window.show_step("report")
    _settle()
    assert runs == [1]
    errors = [i for i in report.readiness.items if i.severity == "错误"]
    assert errors and any(i.record_id == problem.id for i in errors)
    assert "草稿" in report.draft_label.text()


def test_interview_choices_kept_on_a_score_edit_and_renamed_with_the_indicator(window):
    from wcif_desktop.ui.interviews_panel import InterviewsPanel

    review = window.show_step("review")
    panel = review.findChild(InterviewsPanel)
    assert panel is not None
    choices = panel.form.indicators
    row = next(r for r in range(choices.count()) if choices.item(r).text().startswith("1.3.2 "))
    choices.item(row).setData(Qt.ItemDataRole.UserRole + 1, "still the same item")
    m = window.page("scoring").model
    assert m.setData(m.find("1.3.2", m.SCORE), "1", EDIT)
    _settle()
    assert choices.item(row).data(Qt.ItemDataRole.UserRole + 1) == "still the same item"
    ind = next(i for i in window.ctx.ef.records(Indicator) if i.code == "1.3.2")
    assert window.ctx.edit_fields(Indicator, ind.id, name="资金分配合理性（改）")
    _settle()
    assert choices.item(row).text() == "1.3.2 资金分配合理性（改）"


def test_undoing_a_finding_edit_repaints_the_finding_cell(ctx):
    m = IndicatorTreeModel(ctx)
    idx = m.find("1.2.1", m.FINDING)
    old = m.data(idx)
    assert m.setData(idx, "新的评价情况", EDIT) and m.data(idx) == "新的评价情况"
    signalled = []
    m.dataChanged.connect(lambda a, b, roles: signalled.append((m.indicator(a).code, a.column(), b.column())))
    ctx.undo_stack.undo()
    assert m.data(m.find("1.2.1", m.FINDING)) == old
    assert any(code == "1.2.1" and first <= m.FINDING <= last for code, first, last in signalled)
