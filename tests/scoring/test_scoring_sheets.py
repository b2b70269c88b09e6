"""Real score tables (shared/cases/public-reports 03, 08, 09) read from .xlsx, recomputed and cross-footed;
import into an evaluation and export back in the same shape."""

from decimal import Decimal

import openpyxl
import pytest
from scoring_cases import CASE_08_ROWS, CASE_09_ROWS, write_case_08, write_case_09

from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import scoring
from wcif_desktop.services.score_sheet import export_score_sheet, import_score_sheet, read_score_sheet


def test_case_03_level1_table_recomputes_75_46_grade_zhong(case_03, empty_eval):
    data = read_score_sheet(case_03)
    assert [r.path for r in data.rows] == [("决策",), ("过程",), ("产出",), ("效果",)]
    assert data.recomputed_total() == Decimal("75.46")
    assert data.stated_total == Decimal("75.46")
    assert not data.mismatch and data.crossfoot() == []
    import_score_sheet(empty_eval, case_03)
    sheet = scoring.score_sheet(empty_eval)
    assert sheet.total() == Decimal("75.46")
    assert sheet.grade() == "中"
    assert sheet.output_effect_weight() == Decimal(67)  # 产出35 + 效果32 (report 03 notes 67 ≥ 60)
    assert not [p for p in sheet.check() if p.severity == "warning"]


def test_case_08_prints_94_but_rows_sum_to_93_and_is_flagged(case_08):
    data = read_score_sheet(case_08)
    names = [r.name for r in data.rows]
    assert names[0] == "预算执行率"  # the 项目资金 block's 年度资金总额 row (分值 10, 得分 9)
    assert names[1:] == [row[2] for row in CASE_08_ROWS]
    assert data.rows[1].path == ("产出指标", "数量指标", "全县参合人数")  # “(50分)” split off, merged cell filled
    assert data.rows[4].path[0] == "产出指标"
    assert data.rows[1].reason == "建档立卡中有新增死亡人员,导致有偏差"
    assert data.rows[1].target == "8755" and data.rows[1].actual == "8676"
    assert data.weight_total() == Decimal(100)
    assert data.recomputed_total() == Decimal(93)
    assert data.stated_total == Decimal(94)
    assert data.mismatch
    problems = data.crossfoot()
    assert len(problems) == 1
    p = problems[0]
    assert (p.sheet, p.row, p.column) == ("自评表", 17, "H")
    assert "94" in p.message and "93" in p.message
    # the stated level-1 points (产出指标(50分) …) agree with their rows
    assert data.stated_group_weights[("产出指标",)][0] == Decimal(50)


def test_case_08_consistent_total_is_not_flagged(workdir):
    data = read_score_sheet(write_case_08(workdir / "一致.xlsx", printed_total=93))
    assert not data.mismatch and data.crossfoot() == []


def test_case_08_import_keeps_missing_reasons_visible(case_08, empty_eval):
    import_score_sheet(empty_eval, case_08)
    sheet = scoring.score_sheet(empty_eval)
    assert sheet.total() == Decimal(93)
    msgs = [p.message for p in sheet.check() if p.severity == "error"]
    # 27/30 and 9/10 without a stated reason are shown, not silently accepted
    assert any("是否解决建档立卡人员看病难贵问题" in m and "扣分原因" in m for m in msgs)
    assert any("预算执行率" in m for m in msgs)
    assert not any("全县参合人数" in m for m in msgs)


@pytest.mark.parametrize("percent_cells", [False, True])
def test_case_09_weights_in_percent(workdir, percent_cells):
    data = read_score_sheet(write_case_09(workdir / "09.xlsx", percent_cells=percent_cells))
    assert data.weights_as_percent
    assert len(data.rows) == 9
    assert [r.weight for r in data.rows] == [Decimal(row[5][:-1]) for row in CASE_09_ROWS]
    assert data.weight_total() == Decimal(100)
    assert data.stated_weight == Decimal(100)
    assert data.recomputed_total() == Decimal(100) == data.stated_total
    assert data.crossfoot() == []
    assert data.rows[8].path == ("满意度指标", "服务对象满意度指标", "申报创业担保贷款贴息小微企业的满意度")


def test_case_09_import_builds_tree_with_summed_weights(case_09, empty_eval):
    import_score_sheet(empty_eval, case_09)
    inds = empty_eval.records(Indicator)
    l1 = {i.name: i.weight for i in inds if i.level == 1}
    assert l1 == {"产出指标": Decimal(60), "效益指标": Decimal(20), "满意度指标": Decimal(20)}
    l2 = {i.name: i.weight for i in inds if i.level == 2}
    assert l2["质量指标"] == Decimal(40)
    assert sorted(i.code for i in inds if i.level == 3)[:3] == ["1.1.1", "1.2.1", "1.2.2"]
    sheet = scoring.score_sheet(empty_eval)
    assert sheet.total() == Decimal(100) and sheet.grade() == "优"
    assert sheet.check() == []


def test_import_refuses_to_replace_without_consent(case_09, sample_file):
    before = len(sample_file.records(Indicator))
    with pytest.raises(ValidationError, match="替换"):
        import_score_sheet(sample_file, case_09)
    assert len(sample_file.records(Indicator)) == before
    import_score_sheet(sample_file, case_09, replace=True, with_scores=False)
    inds = sample_file.records(Indicator)
    assert len([i for i in inds if i.level == 3]) == 9
    assert all(i.score is None for i in inds)


def test_export_round_trip_keeps_shape_and_totals(sample_file, workdir):
    out = export_score_sheet(sample_file, workdir / "导出 评分表.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["评分表"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A3:C3" in merged and "D3:D4" in merged  # header over two rows
    assert "A5:A10" in merged  # 决策 merged down its six level-3 rows
    assert ws["A4"].value == "一级指标" and ws["C4"].value == "三级指标"
    # placeholders in reasons are filled with the data
    reasons = [ws.cell(r, 6).value or "" for r in range(5, 30)]
    assert any("112.30%" in r for r in reasons) and not any("{{" in r for r in reasons)
    data = read_score_sheet(out)
    assert len(data.rows) == 26
    assert data.recomputed_total() == Decimal("82.33") == data.stated_total
    assert data.crossfoot() == []
    dims = wb["分维度得分"]
    assert [dims.cell(r, 1).value for r in range(2, 6)] == ["决策", "过程", "产出", "效益"]
    assert Decimal(str(dims.cell(2, 3).value)) == Decimal(13)


def test_export_then_import_into_new_evaluation_gives_same_sheet(sample_file, empty_eval, workdir):
    out = export_score_sheet(sample_file, workdir / "往返.xlsx")
    import_score_sheet(empty_eval, out)
    a, b = scoring.score_sheet(sample_file), scoring.score_sheet(empty_eval)
    assert a.total() == b.total() == Decimal("82.33")
    assert a.dimension_scores() == b.dimension_scores()
    assert [(n.indicator.name, n.indicator.weight, n.indicator.score) for n in a.leaves()] == \
           [(n.indicator.name, n.indicator.weight, n.indicator.score) for n in b.leaves()]


def test_bad_cell_is_named_by_sheet_row_and_column(workdir):
    path = write_case_09(workdir / "坏.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["G7"] = "二十"
    wb.save(path)
    with pytest.raises(ValidationError) as e:
        read_score_sheet(path)
    msg = str(e.value)
    assert "区域绩效自评表" in msg and "第7行" in msg and "G列" in msg


def test_missing_or_headerless_sheet_errors(workdir):
    with pytest.raises(WcifError, match="找不到"):
        read_score_sheet(workdir / "无此文件.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["名称", "数量"])
    wb.active.append(["甲", 1])
    wb.save(workdir / "无表头.xlsx")
    with pytest.raises(WcifError, match="表头"):
        read_score_sheet(workdir / "无表头.xlsx")


def test_import_framework_sheet_without_scores(workdir, empty_eval):
    """A framework as evaluators keep it: no score column, 指标解释 and 评分标准 columns, blank level cells below
    the first row of a group (not merged), weights as points."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标体系"
    ws.append(["工伤保险基金绩效评价指标体系"])
    ws.append(["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准"])
    ws.append(["决策", "项目立项", "立项依据充分性", 10, "项目立项是否符合法律法规", "逐项核查"])
    ws.append([None, None, "立项程序规范性", 10, "是否按规定程序", "逐项核查"])
    ws.append([None, "绩效目标", "绩效目标合理性", 20, "目标是否合理", "有目标得40%"])
    ws.append(["产出", "产出数量", "参保人数完成率", 60, "实际÷目标", "比率法"])
    ws.append(["合计", None, None, 100, None, None])
    path = workdir / "指标 体系.xlsx"
    wb.save(path)
    data = read_score_sheet(path)
    assert [r.path for r in data.rows] == [("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"),
                                           ("决策", "绩效目标", "绩效目标合理性"), ("产出", "产出数量", "参保人数完成率")]
    assert data.stated_total is None and not data.mismatch and data.crossfoot() == []
    import_score_sheet(empty_eval, path, with_scores=False)
    inds = {i.name: i for i in empty_eval.records(Indicator)}
    assert inds["决策"].weight == Decimal(40) and inds["项目立项"].weight == Decimal(20)
    assert inds["绩效目标合理性"].definition == "目标是否合理" and inds["绩效目标合理性"].scoring_rule == "有目标得40%"
    assert inds["绩效目标合理性"].code == "1.2.1" and inds["参保人数完成率"].code == "2.1.1"


def test_list_markers_and_points_written_as_text(workdir):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"])
    ws.append([1, "一、决策（20分）", "（一）项目立项", "1.1 立项依据充分性", "10分", "10分", None])
    ws.append([2, None, None, "1.2 立项程序规范性", "10分", "8", "未经集体决策"])
    ws.append([3, "二、产出（80分）", "（一）产出数量", "参保人数完成率", "80分", "80", None])
    ws.append(["合计", None, None, None, "100分", "98分", None])
    path = workdir / "带序号.xlsx"
    wb.save(path)
    data = read_score_sheet(path)
    assert [r.path for r in data.rows] == [("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"),
                                           ("产出", "产出数量", "参保人数完成率")]
    assert data.stated_group_weights[("决策",)][0] == Decimal(20)
    assert data.recomputed_total() == Decimal(98) == data.stated_total
    assert data.crossfoot() == []
