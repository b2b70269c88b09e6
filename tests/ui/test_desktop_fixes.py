"""Issue 20, "broken": each action as a user does it in the window (buttons clicked, editors opened)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.domain.review import DocumentRequest

pytestmark = pytest.mark.gui


def test_add_request_button_asks_for_the_name_and_adds_the_item(bare_window, monkeypatch, messages):
    window = bare_window  # the bare sample has no request list yet
    from PySide6.QtWidgets import QInputDialog

    answers = iter([("参保登记台账", True), ("业务资料", True)])
    asked = []

    def get_text(parent, title, label, *a, **k):
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    page = window.show_step("review")
    panel = page.review_tabs.requests
    before = [r.title for r in window.ctx.ef.records(DocumentRequest)]  # the sample's own list (issue 18)
    panel.add_btn.click()
    assert len(asked) == 2, "the name and the category are asked for"
    assert not messages, messages
    titles = [r.title for r in window.ctx.ef.records(DocumentRequest)]
    assert "参保登记台账" not in before and titles == before + ["参保登记台账"]
    assert panel.current().title == "参保登记台账" and panel.current().category == "业务资料"


def test_role_editor_opens_on_the_members_own_role(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox

    page = window.show_step("team")
    page.team_tabs.setCurrentIndex(1)  # 评价小组与独立性
    model, view = page.team_model, page.team_view
    row = next(i for i, m in enumerate(model.records()) if m.role == "member")
    idx = model.index(row, 1)
    view.setCurrentIndex(idx)
    view.edit(idx)
    editor = next(w for w in view.viewport().findChildren(QComboBox) if w.isVisible())
    assert editor.currentData() == "member"
    view.commitData(editor)  # tabbing through the cell keeps the role
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    member = model.record(row)
    assert window.ctx.ef.get(TeamMember, member.id).role == "member"
    assert [m.role for m in window.ctx.ef.records(TeamMember)].count("lead") == 1


def _leaf_at_full_marks(ef) -> Indicator:
    return next(i for i in sorted(ef.records(Indicator), key=lambda i: i.code)
                if i.level == 3 and i.score == i.weight and not i.deduction_reason)


def test_lowering_a_score_asks_for_the_reason_in_the_same_step(window, monkeypatch, messages):
    from PySide6.QtWidgets import QInputDialog

    asked = []

    def get_reason(parent, title, label, text="", *a, **k):
        asked.append(label)
        return "台账不完整", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(get_reason))
    page = window.show_step("scoring")
    ind = _leaf_at_full_marks(window.ctx.ef)
    lowered = ind.weight - Decimal("0.5")
    assert page.model.setData(page.model.index_of(ind.id, page.model.SCORE), str(lowered))
    assert len(asked) == 1 and ind.name in asked[0]
    got = window.ctx.ef.get(Indicator, ind.id)
    assert (got.score, got.deduction_reason) == (lowered, "台账不完整")
    assert not messages, messages
    window.ctx.undo_stack.undo()  # one step: score and reason together
    got = window.ctx.ef.get(Indicator, ind.id)
    assert (got.score, got.deduction_reason) == (ind.weight, "")


def test_cancelling_the_reason_keeps_the_saved_score(window, monkeypatch, messages):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("", False)))
    page = window.show_step("scoring")
    ind = _leaf_at_full_marks(window.ctx.ef)
    assert not page.model.setData(page.model.index_of(ind.id, page.model.SCORE), "0")
    assert window.ctx.ef.get(Indicator, ind.id).score == ind.weight
    assert not messages


def test_new_empty_evaluation_opens_at_the_first_step(window, workdir):
    window.show_step("report")
    assert window.step_list.currentRow() == 5
    assert window.new_empty(workdir / "新 评价.wcif")
    assert window.step_list.currentRow() == 0
    assert window.page_stack.currentWidget() is window.page("team")


def test_new_team_row_is_put_into_edit_mode(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit

    page = window.show_step("team")
    page.team_tabs.setCurrentIndex(1)
    from wcif_desktop.ui.pages.base import RecordListControls

    controls = page.team_view.parentWidget().findChild(RecordListControls)
    controls.add_btn.click()
    view = page.team_view
    assert view.state() == QAbstractItemView.State.EditingState
    cur = view.currentIndex()
    assert page.team_model.record(cur.row()).name == "新成员" and cur.column() == 0
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.setText("周敏")
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert "周敏" in [m.name for m in window.ctx.ef.records(TeamMember)]


def test_undo_menu_names_the_field_as_the_user_sees_it(window):
    page = window.show_step("team")
    model = page.team_model
    assert model.setData(model.index(0, 0), "王建军")
    assert window.act_undo.text() == "撤销 修改“姓名”"
    page.fields["region"].setText("包头市")
    page.fields["region"].commit()
    assert window.act_undo.text() == "撤销 修改“地区”"
    assert "name" not in window.act_undo.text() and "region" not in window.act_undo.text()


def test_empty_team_is_not_reported_as_all_declared_independent(window, workdir):
    assert window.new_empty(workdir / "空 评价.wcif")
    editor = window.page("team").independence_editor
    assert not window.ctx.ef.records(TeamMember)
    assert "全部成员均已声明" not in editor.warning.text()
    assert "尚未添加评价小组成员" in editor.warning.text()
