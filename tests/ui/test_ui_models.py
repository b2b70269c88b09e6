"""Item models and the EvaluationContext without any view."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from wcif_desktop.domain.model import Finding, Indicator, TeamMember
from wcif_desktop.services.evaluation import load_snapshot, open_file
from wcif_desktop.ui.models import Column, IndicatorTreeModel, RecordTableModel

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


def test_tree_shape_subtotals_and_flags(ctx):
    m = IndicatorTreeModel(ctx)
    assert m.rowCount() == 4
    assert [m.index(r, m.NAME).data() for r in range(4)] == ["决策", "过程", "产出", "效益"]
    leaf = m.find("1.2.1", m.SCORE)
    assert leaf.isValid() and leaf.data() == "1.00" and leaf.data(EDIT) == "1"  # stored exactly
    parent = m.parent(leaf)
    assert parent.data() == "1.2" and m.index(parent.row(), m.SCORE, m.parent(parent)).data() == "2.00"
    assert m.index(0, m.SCORE).data() == "13.00"  # 决策 subtotal
    assert m.flags(leaf) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(0, m.SCORE)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.find("1.2.1", m.NAME)) & Qt.ItemFlag.ItemIsEditable
    assert m.total() == Decimal("82.33") and m.grade() == "良"
    # placeholders in a deduction reason are filled for display, raw for editing
    r = m.find("1.3.1", m.REASON)
    assert "{{" in r.data(EDIT) and "{{" not in r.data(DISPLAY)


def test_tree_set_data_updates_file_total_and_subtotals(ctx):
    m = IndicatorTreeModel(ctx)
    changed = []
    m.dataChanged.connect(lambda a, b, roles: changed.append((a, b)))
    assert m.setData(m.find("1.2.1", m.SCORE), "3")
    assert m.total() == Decimal("84.33") and m.grade() == "良"
    assert m.index(0, m.SCORE).data() == "15.00"
    assert changed, "views must hear about the new subtotals"
    ind = next(i for i in ctx.ef.records(Indicator) if i.code == "1.2.1")
    assert ind.score == Decimal("3")
    # a parent row cannot be set
    assert not m.setData(m.index(0, m.SCORE), "20")


def test_score_edit_signals_only_the_rows_it_changes(ctx):
    """A score edit re-signals the leaf, its subtotals and rows whose shown reason uses a changed field value
    (e.g. the total) — not every row of the tree."""
    m = IndicatorTreeModel(ctx)
    rows = []
    m.dataChanged.connect(lambda a, b, roles: rows.append(m.indicator(a).code))
    assert m.setData(m.find("1.2.1", m.SCORE), "3")
    assert {"1.2.1", "1.2", "1"} <= set(rows)
    assert "2.1.1" not in rows and "2" not in rows  # another branch, unchanged
    total_rows = sum(1 for _ in m._items)  # noqa: SLF001
    assert len(rows) < total_rows


def test_tree_reason_then_lower_score_to_grade_zhong(ctx, messages):
    m = IndicatorTreeModel(ctx)
    assert m.setData(m.find("4.1.1", m.REASON), "部分工伤职工待遇未按时核定")
    assert m.setData(m.find("4.1.1", m.SCORE), "2")
    assert m.total() == Decimal("78.33") and m.grade() == "中"
    assert messages == []


def test_tree_invalid_score_keeps_old_value(ctx, messages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    asked = []  # a score below the weight asks for the reason; cancelling keeps the saved score
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: (asked.append(a[2]), ("", False))[1]))
    m = IndicatorTreeModel(ctx)
    idx = m.find("1.1.1", m.SCORE)
    assert not m.setData(idx, "5")  # above the weight 3
    assert messages and "超过分值" in messages[-1]
    assert not m.setData(idx, "abc")
    assert "不是有效数值" in messages[-1]
    assert not m.setData(idx, "2")  # below the weight without a reason: asked for, cancelled
    assert asked and "扣分原因" in asked[-1]
    assert m.find("1.1.1", m.SCORE).data() == "3.00"
    assert m.total() == Decimal("82.33")
    assert ctx.undo_stack.count() == 0  # rejected edits never enter the undo stack


def test_undo_redo_score(ctx):
    m = IndicatorTreeModel(ctx)
    m.setData(m.find("1.2.1", m.SCORE), "3")
    assert m.total() == Decimal("84.33")
    ctx.undo_stack.undo()
    assert m.total() == Decimal("82.33") and m.find("1.2.1", m.SCORE).data() == "1.00"
    ctx.undo_stack.redo()
    assert m.total() == Decimal("84.33")


def test_record_table_team(ctx, messages):
    m = RecordTableModel(ctx, TeamMember, [Column("name", "姓名"), Column("role", "角色"),
                                           Column("sort_order", "序号")])
    assert m.rowCount() == 4 and m.index(0, 0).data() == "王建国" and m.index(0, 1).data() == "lead"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert m.setData(m.index(1, 0), "李晓玫")
    assert ctx.ef.get(TeamMember, m.record(1).id).name == "李晓玫"
    assert not m.setData(m.index(1, 2), "x")  # not an integer
    assert messages and "不是整数" in messages[-1]
    ctx.undo_stack.undo()
    assert m.index(1, 0).data() == "李晓梅"


def test_add_delete_reorder_with_undo(ctx):
    m = RecordTableModel(ctx, Finding, [Column("title", "标题")], where=lambda f: f.kind == "problem")
    assert m.rowCount() == 3
    new = Finding(kind="problem", title="新问题", sort_order=99)
    assert ctx.add_record(new)
    assert m.rowCount() == 4 and m.index(3, 0).data() == "新问题"
    ctx.undo_stack.undo()
    assert m.rowCount() == 3
    ctx.undo_stack.redo()
    assert m.rowCount() == 4 and m.record(3).id == new.id
    first, second = m.record(0).title, m.record(1).title
    assert ctx.swap_order(Finding, m.record(0).id, m.record(1).id)
    assert [m.record(0).title, m.record(1).title] == [second, first]
    assert ctx.delete_record(Finding, new.id)
    assert m.rowCount() == 3
    ctx.undo_stack.undo()
    assert m.rowCount() == 4
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert [r.title for r in m.records()][:2] == [first, second] and m.rowCount() == 3


def test_edits_are_saved_immediately(ctx, sample_path):
    m = IndicatorTreeModel(ctx)
    m.setData(m.find("1.2.1", m.SCORE), "2.5")
    assert ctx.set_narrative("process", "新的工作过程")
    with open_file(sample_path) as other:  # a second connection sees the committed data
        snap = load_snapshot(other)
    assert next(i for i in snap.indicators if i.code == "1.2.1").score == Decimal("2.5")
    assert snap.narratives["process"] == "新的工作过程"


def test_changed_signal_names_tables(ctx):
    seen = []
    ctx.changed.connect(lambda c: seen.append(set(c.tables)))
    ctx.set_narrative("process", "x")
    ctx.edit_fields(Finding, ctx.ef.records(Finding)[0].id, title="改")
    assert seen == [{"narrative"}, {"finding"}]


def test_save_copy_is_consistent(ctx, workdir):
    from wcif_desktop.store.db import EvaluationFile

    dest = ctx.save_copy(workdir / "副本 1.wcif")
    with EvaluationFile.open(dest) as copy:
        assert copy.verify_history() == []
        assert len(copy.records(Indicator)) == len(ctx.ef.records(Indicator))


def test_settings_typed_defaults_and_recent(qapp):
    from wcif_desktop.ui.settings import MAX_RECENT, Settings

    s = Settings()
    assert s["ui/language"] == "zh" and s["files/recent"] == [] and s["window/geometry"].isEmpty()
    s.add_recent("甲.wcif")
    assert Settings()["files/recent"] == ["甲.wcif"]  # persisted, single item still a list
    for i in range(MAX_RECENT + 3):
        s.add_recent(f"{i}.wcif")
    s.add_recent("3.wcif")
    rec = Settings()["files/recent"]
    assert rec[0] == "3.wcif" and len(rec) == MAX_RECENT and rec.count("3.wcif") == 1
    s["ui/language"] = "en"
    assert Settings()["ui/language"] == "en"
