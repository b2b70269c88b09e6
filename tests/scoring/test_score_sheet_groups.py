"""Score sheets that give only group scores (issue 19): the national self-evaluation form's 一级指标 | 分值 | 得分
rows, or 二级指标 rows with 小计 rows, read as group scores, compared with the evaluation, and never imported as
if they were leaves."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import scoring
from wcif_desktop.services.score_sheet import (
    group_rows,
    import_score_sheet,
    preview_import,
    read_score_sheet,
)


def _write(path, rows, title="自评表"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def _self_evaluation_form(path, groups):
    """附表 style: title, unit line, 一级指标 | 分值 | 得分 | 扣分原因, one row per level-1 group, 合计."""
    rows = [["项目支出绩效自评表"], ["填报单位：某市社会保险事业管理中心"], ["一级指标", "分值", "得分", "扣分原因"]]
    for name, weight, score in groups:
        rows.append([name, float(weight), float(score), None if score == weight else "见说明"])
    rows.append(["合计", float(sum(w for _n, w, _s in groups)), float(sum(s for _n, _w, s in groups)), None])
    return _write(path, rows)


def _dimensions(ef):
    """(name, weight, score) of the evaluation's level-1 groups, from its own score sheet."""
    return scoring.score_sheet(ef).dimension_scores()


def _snapshot(ef):
    return sorted((i.code, i.name, i.weight, i.score) for i in ef.records(Indicator))


def test_level1_form_is_read_as_group_scores(workdir):
    path = _self_evaluation_form(workdir / "自评 表.xlsx", [("决策", Decimal(20), Decimal("18.5")),
                                                           ("过程", Decimal(20), Decimal(17)),
                                                           ("产出", Decimal(30), Decimal(28)),
                                                           ("效益", Decimal(30), Decimal(27))])
    data = read_score_sheet(path)
    assert [(r.row, r.path, r.weight, r.score, r.group) for r in data.rows] == [
        (4, ("决策",), Decimal(20), Decimal("18.5"), True), (5, ("过程",), Decimal(20), Decimal(17), True),
        (6, ("产出",), Decimal(30), Decimal(28), True), (7, ("效益",), Decimal(30), Decimal(27), True)]
    assert data.stated_total == Decimal("90.5") and data.crossfoot() == []


def test_three_level_sheet_rows_are_leaves_not_groups(workdir):
    path = _write(workdir / "评分.xlsx", [["一级指标", "二级指标", "三级指标", "分值", "得分"],
                                         ["决策", "项目立项", "立项依据充分性", 5, 5],
                                         [None, None, "立项程序规范性", 5, 4]])
    assert [r.group for r in read_score_sheet(path).rows] == [False, False]


def test_preview_compares_group_scores_with_the_evaluation(sample_file, workdir):
    dims = _dimensions(sample_file)
    (n1, w1, s1), (n2, w2, s2), (n3, w3, s3), (n4, w4, s4) = dims
    path = _self_evaluation_form(workdir / "自评.xlsx", [(n1, w1, s1),  # agrees with the evaluation's leaves
                                                         (n2, w2, s2 + 1),  # one point more
                                                         (n3, w3 + 5, s3), (n4, w4 - 5, s4)])  # weights moved
    data = read_score_sheet(path)
    before = _snapshot(sample_file)
    preview = preview_import(sample_file, data)
    assert [g.path for g in preview.groups] == [(n1,), (n2,), (n3,), (n4,)]
    g1 = preview.groups[0]
    assert (g1.framework_weight, g1.leaf_score, g1.scored) == (w1, s1, g1.leaves) and g1.leaves > 1
    notes = [str(p) for p in preview.problems]
    assert any(f"“{n1}”表中得分 {s1:.2f} 与本评价其下" in t and "一致" in t for t in notes)
    assert any(f"“{n2}”表中得分 {s2 + 1:.2f}" in t and "相差 1.00" in t and "第5行C列" in t for t in notes)
    assert any(f"“{n3}”表中分值 {w3 + 5:.2f}，本评价指标体系中为 {w3:.2f}" in t and "第6行B列" in t for t in notes)
    assert not preview.importable
    assert "第4、5、6、7行" in str(preview.refusal) and n1 in str(preview.refusal)
    assert _snapshot(sample_file) == before  # a preview writes nothing


def test_import_refuses_group_scores_naming_the_rows(sample_file, workdir):
    dims = _dimensions(sample_file)
    path = _self_evaluation_form(workdir / "自评.xlsx", [(n, w, s) for n, w, s in dims])
    before = _snapshot(sample_file)
    with pytest.raises(ValidationError) as e:
        import_score_sheet(sample_file, path, replace=True)
    assert "第4、5、6、7行" in str(e.value) and "汇总得分" in str(e.value) and "末级指标" in str(e.value)
    with pytest.raises(ValidationError, match="汇总得分"):  # a framework import of it neither
        import_score_sheet(sample_file, path, replace=True, with_scores=False)
    assert _snapshot(sample_file) == before


def test_group_scores_where_the_evaluation_has_no_leaf_scores(empty_eval, workdir):
    from wcif_desktop.services import frameworks as fw

    fw.apply_template(empty_eval, "gongshang-fund")
    dims = _dimensions(empty_eval)
    assert dims and all(i.score is None for i in empty_eval.records(Indicator))
    path = _self_evaluation_form(workdir / "自评.xlsx", [(n, w, w - 1) for n, w, _s in dims])
    preview = preview_import(empty_eval, read_score_sheet(path))
    name = dims[0][0]
    note = next(str(p) for p in preview.problems if f"“{name}”表中得分" in str(p))
    assert "尚未评分" in note and "不能分到末级指标" in note
    assert all(g.leaf_score is None and g.scored == 0 for g in preview.groups)
    before = _snapshot(empty_eval)
    with pytest.raises(ValidationError, match="汇总得分"):
        import_score_sheet(empty_eval, path, replace=True)
    assert _snapshot(empty_eval) == before and all(i.score is None for i in empty_eval.records(Indicator))


def test_level1_form_into_an_evaluation_without_framework_becomes_its_framework(empty_eval, workdir):
    """Reports that publish only level-1 scores (case 03) are imported as a level-1 framework: nothing is spread."""
    path = _self_evaluation_form(workdir / "自评.xlsx", [("决策", Decimal(20), Decimal("18.5")),
                                                         ("过程", Decimal(80), Decimal(70))])
    preview = preview_import(empty_eval, read_score_sheet(path))
    assert preview.groups == [] and preview.importable
    import_score_sheet(empty_eval, path)
    assert sorted((i.level, i.name, i.score) for i in empty_eval.records(Indicator)) == [
        (1, "决策", Decimal("18.5")), (1, "过程", Decimal(70))]


def test_level1_form_with_other_names_than_the_framework_is_refused(empty_eval, workdir):
    from wcif_desktop.services import frameworks as fw

    fw.apply_template(empty_eval, "gongshang-fund")
    path = _self_evaluation_form(workdir / "自评.xlsx", [("甲类", Decimal(20), Decimal("18.5")),
                                                         ("乙类", Decimal(80), Decimal(70))])
    preview = preview_import(empty_eval, read_score_sheet(path))
    assert sum("没有这一级指标" in str(p) for p in preview.problems) == 2 and not preview.importable
    before = _snapshot(empty_eval)
    with pytest.raises(ValidationError, match="第4、5行"):
        import_score_sheet(empty_eval, path, replace=True)
    assert _snapshot(empty_eval) == before


def test_level2_sheet_with_subtotals_against_a_three_level_evaluation(sample_file, workdir):
    """二级指标 rows with a 小计 row after each group: their scores belong to groups of the evaluation."""
    sheet = scoring.score_sheet(sample_file)
    root = sheet.roots[0]
    rows = [["一级指标", "二级指标", "分值", "得分"]]
    for g in root.children:
        rows.append([root.indicator.name, g.indicator.name, float(g.weight()), float(g.score())])
    rows.append([root.indicator.name, "小计", float(root.weight()), float(root.score())])
    path = _write(workdir / "二级 评分.xlsx", rows)
    data = read_score_sheet(path)
    assert data.subtotal_rows == [len(rows)] and all(not r.group for r in data.rows)
    groups = group_rows(sample_file, data)
    assert [g.path for g in groups] == [(root.indicator.name, g.indicator.name) for g in root.children]
    assert all(g.leaf_score == g.score for g in groups)
    before = _snapshot(sample_file)
    with pytest.raises(ValidationError, match="汇总得分"):
        import_score_sheet(sample_file, path, replace=True)
    assert _snapshot(sample_file) == before
    assert group_rows(sample_file, data, with_scores=False) == []  # as a framework (no scores) it is a 2-level tree


def test_cli_import_prints_the_comparison_and_refuses(sample_path, workdir, capsys):
    from wcif_desktop.store.db import EvaluationFile

    with EvaluationFile.open(sample_path) as ef:
        dims = _dimensions(ef)
        before = _snapshot(ef)
    path = _self_evaluation_form(workdir / "自评 表.xlsx", [(n, w, s) for n, w, s in dims])
    assert main(["import-score-sheet", str(sample_path), str(path), "--replace"]) == 2
    out, err = capsys.readouterr()
    assert out.count("核对：") == len(dims) and "一致" in out
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：") and "第4、5、6、7行" in lines[0]
    with EvaluationFile.open(sample_path) as ef:
        assert _snapshot(ef) == before


@pytest.mark.gui
def test_preview_dialog_shows_the_comparison_and_cannot_import(qtbot, sample_file, workdir):
    from PySide6.QtWidgets import QDialogButtonBox

    from wcif_desktop.ui.score_sheet_actions import ScoreSheetImportDialog

    dims = _dimensions(sample_file)
    path = _self_evaluation_form(workdir / "自评.xlsx", [(n, w, s) for n, w, s in dims])
    data = read_score_sheet(path)
    dlg = ScoreSheetImportDialog(data, preview_import(sample_file, data))
    qtbot.addWidget(dlg)
    assert not dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "汇总得分" in dlg.refusal.text() and not dlg.refusal.isHidden()
    assert "只能与本评价核对，不能导入" in dlg.summary.text() and "替换" not in dlg.summary.text()
    marks = {dlg.table.item(i, 0).text(): dlg.table.item(i, 4).text() for i in range(dlg.table.rowCount())}
    current = {dlg.table.item(i, 0).text(): dlg.table.item(i, 2).text() for i in range(dlg.table.rowCount())}
    assert current == {n: f"{s:.2f}" for n, _w, s in dims}  # the evaluation's leaf sums
    assert set(marks) == {n for n, _w, _s in dims} and all("不导入" in m for m in marks.values())
    notes = [dlg.problems.item(i).text() for i in range(dlg.problems.count())]
    assert len(notes) == len(dims) and all("一致" in t for t in notes)
