"""The 重复扣分 warning in the report page's readiness list: activating it asks, and a yes records the evaluator's
confirmation (the warning leaves the list and stays gone after a reload); a no changes nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _overlap_rows(view):
    return [k for k, i in enumerate(view.items) if i.kind.startswith("overlap:")]


def test_activating_the_overlap_warning_confirms_it(bare_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from wcif_desktop.domain.model import Indicator
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services.report_state import confirmed_overlaps

    window = bare_window  # the bare sample has the two expenditure deductions, unconfirmed
    ef = window.ctx.ef
    leaves = {i.name: i for i in ef.records(Indicator) if i.level == 3}
    svc.update_record(ef, Indicator, leaves["预算编制科学性"].id,
                      deduction_reason="支出预算执行率{{expenditure_execution_rate}}，预算编制不精准。")
    svc.update_record(ef, Indicator, leaves["预算执行率"].id,
                      deduction_reason="支出预算偏差率{{expenditure_deviation_rate}}，预算未按计划执行。")
    page = window.show_step("report")
    view = page.readiness
    view.refresh()
    rows = _overlap_rows(view)
    assert len(rows) == 1 and "重复扣分" in view.list.item(rows[0]).text()

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    view.list.itemActivated.emit(view.list.item(rows[0]))
    assert _overlap_rows(view) == rows and confirmed_overlaps(ef) == set()  # "no": nothing recorded

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    view.list.itemActivated.emit(view.list.item(rows[0]))
    assert _overlap_rows(view) == [] and confirmed_overlaps(ef) == {"expenditure_budget"}
    view.refresh()
    assert _overlap_rows(view) == []
