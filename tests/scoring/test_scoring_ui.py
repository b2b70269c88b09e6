"""GUI scoring tools (ui/scoring_editor.py) on the sample: tree edits with undo, the chart, the expert panel."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.services import scoring

pytestmark = pytest.mark.gui


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing them; questions are answered Yes."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(parent, title, text, *a, **k):
        seen.append(str(text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: (seen.append(str(a[2])), QMessageBox.StandardButton.Yes)[1]))
    return seen


@pytest.fixture
def page(qtbot, bare_sample_path, messages):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.pages.scoring import ScoringPage

    ctx = EvaluationContext(open_file(bare_sample_path))
    p = ScoringPage(ctx)
    qtbot.addWidget(p)
    p.show()
    yield p
    ctx.close()


def _select(page, name):
    ind = next(i for i in page.ctx.ef.records(Indicator) if i.name == name)
    page.tools.editor.select(ind.id)
    assert page.tools.editor.current().id == ind.id
    return ind


def _get(page, name):
    return next(i for i in page.ctx.ef.records(Indicator) if i.name == name)


def test_tools_are_on_the_scoring_page(page):
    tabs = page.tools
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["指标说明与检查", "编辑指标体系", "维度得分率", "专家评分"]


def test_add_child_edit_and_undo(page, qtbot):
    ed = page.tools.editor
    _select(page, "产出数量")
    ed.buttons["add_child"].click()
    new = ed.current()
    assert new.name == "新指标" and new.code == "3.1.3" and new.level == 3
    ed.name_edit.setText("工伤保险参保人数")
    ed.weight_edit.setText("2")
    ed.rule_type.setCurrentIndex(ed.rule_type.findData("ratio"))
    form = ed.rule_params  # a form per rule type, no JSON
    form.actual.setText("95")
    form.target.setText("100")
    form.unit.setText("%")
    ed.save_button.click()
    got = _get(page, "工伤保险参保人数")
    assert (got.weight, got.score) == (Decimal(2), Decimal("1.90"))
    assert "95.00%" in got.deduction_reason
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any("产出数量" in p and "10" in p for p in problems)  # children now 10 vs 8: shown where it fails
    page.ctx.undo_stack.undo()  # the save
    assert _get(page, "新指标").weight == 0
    page.ctx.undo_stack.undo()  # the add
    assert not [i for i in page.ctx.ef.records(Indicator) if i.name == "新指标"]
    page.ctx.undo_stack.redo()
    assert _get(page, "新指标").code == "3.1.3"


def test_remove_move_promote_and_undo(page):
    ed = page.tools.editor
    _select(page, "资金分配合理性")
    assert ed.buttons["up"].isEnabled()
    ed.buttons["up"].click()
    assert _get(page, "资金分配合理性").code == "1.3.1" and _get(page, "预算编制科学性").code == "1.3.2"
    page.ctx.undo_stack.undo()
    assert _get(page, "资金分配合理性").code == "1.3.2"
    _select(page, "资金分配合理性")
    ed.buttons["promote"].click()
    assert _get(page, "资金分配合理性").code == "1.4" and _get(page, "资金分配合理性").level == 2
    page.ctx.undo_stack.undo()
    _select(page, "资金管理")
    ed.buttons["remove"].click()
    names = {i.name for i in page.ctx.ef.records(Indicator)}
    assert "资金管理" not in names and "预算执行率" not in names
    assert page.model.sheet.total() == Decimal("82.33") - Decimal("10.5")
    page.ctx.undo_stack.undo()
    assert page.model.sheet.total() == Decimal("82.33")
    assert _get(page, "预算执行率").code == "2.1.2"


def test_apply_template_and_recompute(page, messages):
    ed = page.tools.editor
    ed.template_combo.setCurrentIndex(ed.template_combo.findData("gongshang-fund"))
    ed.template_button.click()
    assert any("替换" in m for m in messages)
    assert len([i for i in page.ctx.ef.records(Indicator) if i.level == 3]) == 25
    ed.buttons["recompute"].click()
    assert _get(page, "基金支出预算执行率").score == Decimal("0.00")
    assert page.tools.chart.bars()[1][0] == "过程"
    page.ctx.undo_stack.undo()  # recompute
    assert _get(page, "基金支出预算执行率").score is None
    page.ctx.undo_stack.undo()  # template
    assert page.model.sheet.total() == Decimal("82.33")
    assert len([i for i in page.ctx.ef.records(Indicator) if i.level == 3]) == 26


def test_dimension_chart_shows_score_over_weight(page, qtbot):
    chart = page.tools.chart
    bars = chart.bars()
    assert [(n, w, s) for n, w, s, _ in bars] == [
        ("决策", Decimal(20), Decimal(13)), ("过程", Decimal(20), Decimal("17.5")),
        ("产出", Decimal(30), Decimal("26.25")), ("效益", Decimal(30), Decimal("25.58"))]
    assert [r for *_, r in bars] == [Decimal("65.00"), Decimal("87.50"), Decimal("87.50"), Decimal("85.27")]
    page.tools.setCurrentIndex(1)
    chart.resize(500, 200)
    image = chart.grab().toImage()
    assert not image.isNull()
    # the 决策 bar (65 %) is shorter than the 过程 bar (87.5 %): count bar-coloured pixels on each bar's row
    def bar_len(k):
        y = int(4 + k * max(24, min(40, (chart.height() - 8) // 4)) + max(24, min(40, (chart.height() - 8) // 4)) / 2)
        return sum(1 for x in range(image.width()) if image.pixelColor(x, y) == chart.BAR)
    assert 0 < bar_len(0) < bar_len(1)
    # a score change moves the chart
    leaf = _get(page, "立项依据充分性")
    page.ctx.edit_score(leaf.id, "1", "依据不充分")
    assert chart.bars()[0][2] == Decimal(11)


def test_expert_panel_hidden_until_the_lead_reveals(page):
    ef = page.ctx.ef
    panel = page.tools.panel
    team = sorted(ef.records(TeamMember), key=lambda m: m.sort_order)
    lead = next(m for m in team if m.role == "lead")
    member = next(m for m in team if m.role == "member")
    leaf = _get(page, "预算执行率")
    row = panel._leaf_ids.index(leaf.id)
    # the member scores first
    panel.viewer.setCurrentIndex(panel.viewer.findData(member.id))
    panel.table.setCurrentCell(row, 0)
    panel.my_score.setText("2")
    panel.my_reason.setText("支出偏差53.06%")
    panel.save_button.click()
    # the lead sees only their own column before the reveal
    panel.viewer.setCurrentIndex(panel.viewer.findData(lead.id))
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    assert member.name not in headers and lead.name in headers
    panel.table.setCurrentCell(row, 0)
    panel.my_score.setText("3")
    panel.my_reason.setText("偏差较大")
    panel.save_button.click()
    assert not panel.apply_button.isEnabled()
    panel.viewer.setCurrentIndex(panel.viewer.findData(member.id))
    assert not panel.reveal_button.isEnabled()  # only the lead may reveal
    panel.viewer.setCurrentIndex(panel.viewer.findData(lead.id))
    assert panel.reveal_button.isEnabled()
    panel.reveal_button.click()
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    assert member.name in headers and headers[-3:] == ["极差", "合议", "汇总"]
    assert panel.table.item(row, len(headers) - 3).text() == "1.00"
    assert panel.table.item(row, len(headers) - 1).text() == "2.50"
    assert "算术平均" in panel.sentence.text()
    panel.apply_button.click()
    assert _get(page, "预算执行率").score == Decimal("2.50")
    page.ctx.undo_stack.undo()
    assert _get(page, "预算执行率").score == Decimal("2.5")
    panel.method.setCurrentIndex(panel.method.findData("consensus"))
    panel.method.activated.emit(panel.method.currentIndex())
    assert scoring.settings(ef).panel_method == "consensus"
    # 专家组合议: the agreed score is recorded per indicator and is what the panel writes into the indicator
    panel.table.setCurrentCell(row, 0)
    assert panel.consensus_button.isEnabled() and panel.consensus_score.text() == ""
    assert panel.table.item(row, len(headers) - 1).text() == "—"  # nothing agreed yet
    panel.consensus_score.setText("3.5")
    panel.consensus_reason.setText("")
    assert panel.save_consensus() is False  # below the weight without a reason: refused
    panel.consensus_reason.setText("合议：偏差率超过 20%，扣 0.5 分")
    panel.consensus_button.click()
    assert page.ctx.undo_stack.undoText() == "记录专家组合议得分"
    assert panel.table.item(row, len(headers) - 2).text() == "3.50"
    assert panel.table.item(row, len(headers) - 1).text() == "3.50"
    assert "集体合议" in panel.sentence.text()
    panel.apply_button.click()
    got = _get(page, "预算执行率")
    assert got.score == Decimal("3.50") and got.deduction_reason == "合议：偏差率超过 20%，扣 0.5 分"
    page.ctx.undo_stack.undo()  # the apply
    page.ctx.undo_stack.undo()  # the agreed score
    assert panel.table.item(row, len(headers) - 2).text() == "—" and panel.consensus_score.text() == ""
    panel.method.setCurrentIndex(panel.method.findData("mean"))
    panel.method.activated.emit(panel.method.currentIndex())
    assert not panel.consensus_button.isEnabled()


def test_cite_a_working_paper_and_undo(page):
    from wcif_desktop.services import review

    ef = page.ctx.ef
    leaf = _get(page, "预算执行率")
    review.add_working_paper(ef, "预算执行核查底稿")
    ed = page.tools.editor
    _select(page, "预算执行率")
    assert ed.support_list.count() == 0
    i = next(k for k in range(ed.cite_combo.count()) if "预算执行核查底稿" in ed.cite_combo.itemText(k))
    ed.cite_combo.setCurrentIndex(i)
    ed.cite_button.click()
    assert [c.kind for c in scoring.citations(ef, leaf.id)] == ["working_paper"]
    assert "预算执行核查底稿" in ed.support_list.item(0).text()
    assert not any("预算执行率" in p.message and "未引用" in p.message for p in scoring.readiness(ef))
    page.ctx.undo_stack.undo()
    assert scoring.citations(ef, leaf.id) == []
    page.ctx.undo_stack.redo()
    assert len(scoring.citations(ef, leaf.id)) == 1
    ed.support_list.setCurrentRow(0)
    ed.uncite_button.click()
    assert scoring.citations(ef, leaf.id) == []


def test_rule_parameters_are_a_form_per_rule_type(page):
    """No raw JSON: each rule type shows its own fields, a template's parameters load into them unchanged, and
    what is typed into them drives the score."""
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    from wcif_desktop.domain.rules import dump_params, parse_params

    ed = page.tools.editor
    labels = [w.text() for w in ed.findChildren(QLabel)]
    assert not any("JSON" in t for t in labels)
    form = ed.rule_params
    assert not isinstance(form, QPlainTextEdit)
    shown = {}
    for key in ("manual", "ratio", "bands", "deductions", "checklist", "metric"):
        ed.rule_type.setCurrentIndex(ed.rule_type.findData(key))
        shown[key] = form.visible_rows()
    assert shown["manual"] == ["none"]
    assert {"actual", "target", "direction"} <= set(shown["ratio"])
    assert {"bands", "else", "abs"} <= set(shown["bands"]) and "target" not in shown["bands"]
    assert {"per", "max", "items"} <= set(shown["deductions"])
    assert shown["checklist"] == ["items"]
    assert "method" in shown["metric"] and "actual" not in shown["metric"]

    # every rule of the bundled templates shows in the form and comes back as the same parameters
    from wcif_desktop.services import frameworks as fw

    ed.template_combo.setCurrentIndex(ed.template_combo.findData("gongshang-fund"))
    ed.template_button.click()
    ruled = [i for i in page.ctx.ef.records(Indicator) if i.rule_type not in ("", "manual")]
    assert {i.rule_type for i in ruled} >= {"metric", "ratio", "checklist"}
    for ind in ruled:
        form.set_rule(ind.rule_type, parse_params(ind.rule_params))
        assert parse_params(dump_params(form.params())) == parse_params(ind.rule_params), ind.name
    assert fw.list_templates()

    # deductions typed into the table: 2 × 1 point off a 4-point indicator
    target = _select(page, "资金使用合规性")
    ed.rule_type.setCurrentIndex(ed.rule_type.findData("deductions"))
    form.per.setText("1")
    form.items.add_row(["未按规定用途使用", "2", ""])
    ed.save_button.click()
    got = _get(page, target.name)
    assert got.rule_type == "deductions" and got.score == got.weight - 2
    assert "未按规定用途使用2次" in got.deduction_reason
    saved = parse_params(got.rule_params)
    assert saved["per"] == "1" and saved["items"][-1] == {"text": "未按规定用途使用", "count": "2"}
