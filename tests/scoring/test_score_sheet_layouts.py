"""Score sheets as agencies lay them out (issue 19): 扣分 column, 小计 rows, weights in names, 自评分 column."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.services.score_sheet import read_score_sheet


def _write(path, rows, title="评分表"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_deduction_column_and_subtotal_rows(workdir):
    path = _write(workdir / "扣分 小计.xlsx", [
        ["某市工伤保险基金绩效评价评分表"],
        ["一级指标", "二级指标", "三级指标", "分值", "扣分", "得分", "扣分原因"],
        ["决策", "项目立项", "立项依据充分性", 20, 0, None, None],
        ["决策", "绩效目标", "绩效目标合理性", 20, 2, None, "目标不够细化"],
        ["小计", None, None, 40, 2, 38, None],
        ["过程", "资金管理", "预算执行率", 30, None, 27, None],
        ["产出", "产出数量", "参保人数", 30, 3, 26, "未达计划"],  # 30 − 3 ≠ 26: flagged
        ["过程、产出小计", None, None, 60, None, 53, None],
        ["合计", None, None, 100, None, 91, None],
    ])
    data = read_score_sheet(path)
    assert [r.name for r in data.rows] == ["立项依据充分性", "绩效目标合理性", "预算执行率", "参保人数"]
    assert [r.score for r in data.rows] == [Decimal(20), Decimal(18), Decimal(27), Decimal(26)]
    assert data.subtotal_rows == [5, 8]
    problems = [str(p) for p in data.crossfoot()]
    assert problems == ["工作表“评分表”第7行E列：“参保人数”分值 30.00 减扣分 3.00 为 27.00，与得分 26.00 不一致"]


def test_a_subtotal_that_is_not_the_sum_of_its_group_is_flagged(workdir):
    path = _write(workdir / "小计 不符.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策", "项目立项", "立项依据充分性", 10, 8],
        [None, None, "小计", 10, 9],  # 8 above it
        ["过程", "资金管理", "预算执行率", 40, 36],
        [None, "业务管理", "制度执行有效性", 50, 45],
        [None, None, "小计", 80, 81],  # 40 + 50 = 90 points, 36 + 45 = 81
        ["合计", None, None, 100, 89],
    ])
    data = read_score_sheet(path)
    assert [r.name for r in data.rows] == ["立项依据充分性", "预算执行率", "制度执行有效性"]
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第3行E列：小计得分 9.00 与其上 1 行指标得分之和 8.00 不一致",
        "工作表“评分表”第6行D列：小计分值 80.00 与其上 2 行指标分值之和 90.00 不一致"]


def test_nested_subtotals_are_read_against_their_dimension(workdir):
    """A 二级 小计 under each group and a 一级 小计 for the dimension: the dimension's covers all its rows."""
    path = _write(workdir / "小计 嵌套.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["过程", "资金管理", "预算执行率", 40, 36],
        [None, "资金管理", "小计", 40, 36],
        [None, "业务管理", "制度执行有效性", 60, 50],
        [None, "业务管理", "小计", 60, 50],
        ["过程小计", None, None, 100, 86],
        ["合计", None, None, 100, 86],
    ])
    data = read_score_sheet(path)
    assert data.subtotal_rows == [3, 5, 6] and data.crossfoot() == []


def test_weights_in_names_and_self_score_column(workdir):
    path = _write(workdir / "名称中的分值.xlsx", [
        ["一级指标", "二级指标", "三级指标", "自评分"],
        ["决策（20分）", "项目立项", "立项依据充分性（5分）", 5],
        [None, None, "立项程序规范性（15分）", 14],
        ["效益（80分）", "满意度", "服务对象满意度（80分）", 72],
        ["合计", None, None, 91],
    ])
    data = read_score_sheet(path)
    assert [(r.name, r.weight, r.score) for r in data.rows] == [
        ("立项依据充分性", Decimal(5), Decimal(5)), ("立项程序规范性", Decimal(15), Decimal(14)),
        ("服务对象满意度", Decimal(80), Decimal(72))]
    assert data.crossfoot() == [] and data.recomputed_total() == Decimal("91.00")


def test_stated_grade_checked_against_the_bands(workdir):
    rows = [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, 45],
        ["效益", "服务对象满意度", 50, 44],
        ["合计", None, 100, 89],
        ["评价等级", None, "优", None],
    ]
    data = read_score_sheet(_write(workdir / "等级.xlsx", rows))
    assert data.stated_grade == "优"
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第5行C列：表中评价等级为“优”，按总分 89.00 应为“良”（优 ≥ 90，良 80–90，中 60–80，差 < 60）"]
    rows[4] = ["评价等级：良好"]
    data = read_score_sheet(_write(workdir / "等级 二.xlsx", rows))
    assert data.stated_grade == "良" and data.crossfoot() == []


def test_stated_grade_in_a_grade_column_of_the_total_row(workdir):
    rows = [
        ["指标名称", "分值", "得分", "等级"],
        ["目标明确性（10分）", None, 9, None],
        ["制度执行（90分）", None, 70, None],
        ["合计", None, 79, "优"],
    ]
    data = read_score_sheet(_write(workdir / "等级 列.xlsx", rows))
    assert data.stated_grade == "优" and data.grade_cell == (4, "D")
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第4行D列：表中评价等级为“优”，按总分 79.00 应为“中”（优 ≥ 90，良 80–90，中 60–80，差 < 60）"]
    rows[3][3] = "中"
    assert read_score_sheet(_write(workdir / "等级 列 二.xlsx", rows)).crossfoot() == []


def test_budget_execution_score_checked_against_rate_times_points(workdir):
    rows = [
        ["项目支出绩效自评表"],
        ["项目资金（万元）", None, "年初预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", None, 1000, 900, 10, "90%", 9.5],  # above 90% × 10 = 9
        ["一级指标", "三级指标", "分值", "得分"],
        ["产出", "参保人数", 50, 50],
        ["效益", "满意度", 40, 36],
        ["合计", None, 100, 95.5],
    ]
    data = read_score_sheet(_write(workdir / "附件1.xlsx", rows))
    assert data.rows[0].name == "预算执行率" and data.rows[0].score == Decimal("9.5")
    problems = [str(p) for p in data.crossfoot()]
    assert "工作表“评分表”第3行G列：预算执行得分 9.50 高于执行率 90.00% × 分值 10.00 = 9.00" in problems
    rows[2][6] = 9  # at the rule; a lower score (rounded down, banded) is not flagged either
    rows[6][3] = 95
    data = read_score_sheet(_write(workdir / "附件1 二.xlsx", rows))
    assert data.crossfoot() == []


def test_the_evaluators_score_is_read_not_the_units_self_evaluation(workdir):
    """分值 | 自评得分 | 评价得分 (also 单位自评分 | 评价组评分, 自评得分 | 核定得分): the evaluation team's column."""
    for self_col, team_col in (("自评得分", "评价得分"), ("单位自评分", "评价组评分"), ("自评得分", "核定得分")):
        data = read_score_sheet(_write(workdir / f"{self_col} {team_col}.xlsx", [
            ["一级指标", "三级指标", "分值", self_col, team_col, "扣分理由"],
            ["决策", "立项依据充分性", 50, 50, 45, "依据不充分"],
            ["效益", "服务对象满意度", 50, 50, 44, "满意度未达目标"],
            ["合计", None, 100, 100, 89, None],
        ]))
        assert [r.score for r in data.rows] == [Decimal(45), Decimal(44)], team_col
        assert [r.reason for r in data.rows] == ["依据不充分", "满意度未达目标"]  # 扣分理由: the reason, not 扣分
        assert data.crossfoot() == []


def test_group_totals_named_after_the_group_are_subtotals(workdir):
    data = read_score_sheet(_write(workdir / "分组合计.xlsx", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, 45],
        ["决策合计", None, 50, 45],
        ["效益", "服务对象满意度", 50, 44],
        ["效益合计", None, 50, 40],  # 44 above it
        ["总计", None, 100, 89],
    ]))
    assert [r.name for r in data.rows] == ["立项依据充分性", "服务对象满意度"] and data.subtotal_rows == [3, 5]
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第5行D列：小计得分 40.00 与其上 1 行指标得分之和 44.00 不一致"]


def test_a_wrong_dimension_subtotal_below_its_groups_subtotals_is_flagged(workdir):
    data = read_score_sheet(_write(workdir / "小计 一级错.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["过程", "资金管理", "预算执行率", 40, 36],
        [None, "资金管理", "小计", 40, 36],
        [None, "业务管理", "制度执行有效性", 60, 50],
        [None, "业务管理", "小计", 60, 50],
        ["过程小计", None, None, 100, 80],  # the dimension's rows: 36 + 50 = 86
        ["合计", None, None, 100, 86],
    ]))
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第6行E列：小计得分 80.00 与其上 2 行指标得分之和 86.00 不一致"]


def test_deductions_only_a_blank_deduction_is_full_marks_and_the_stated_deductions_are_checked(workdir):
    data = read_score_sheet(_write(workdir / "仅扣分.xlsx", [
        ["一级指标", "三级指标", "分值", "扣分", "扣分原因"],
        ["决策", "立项依据充分性", 30, None, None],
        ["过程", "资金到位率", 30, 4, "资金未及时到位"],
        ["效益", "服务对象满意度", 40, 6, "满意度未达目标"],
        ["合计", None, 100, 12, None],  # 4 + 6 = 10
        ["备注：扣分依据见评分标准。"],
    ]))
    assert [r.score for r in data.rows] == [Decimal(30), Decimal(26), Decimal(34)]
    assert data.recomputed_total() == Decimal("90.00")
    assert [str(p) for p in data.crossfoot()] == ["工作表“评分表”第5行D列：表中合计扣分 12.00 与各行扣分之和 10.00 不一致"]


def test_a_note_under_a_table_without_a_total_row_is_not_an_indicator(workdir):
    data = read_score_sheet(_write(workdir / "备注.xlsx", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, 45],
        ["效益", "服务对象满意度", 50, 44],
        ["备注：得分由评价组合议确定。", None, "见说明", None],
        ["填表人：张三", None, None, None],
    ]))
    assert [r.name for r in data.rows] == ["立项依据充分性", "服务对象满意度"] and data.crossfoot() == []


@pytest.mark.parametrize("where", ["sentence", "等次", "column not last"])
def test_stated_grade_in_the_wordings_reports_use(workdir, where):
    rows = [["一级指标", "三级指标", "分值", "得分"],
            ["决策", "立项依据充分性", 50, 45],
            ["效益", "服务对象满意度", 50, 44],
            ["合计", None, 100, 89]]
    if where == "sentence":
        rows.append(["综合评分89分，评价等级为“优”。"])
    elif where == "等次":
        rows.append(["评价等次：优"])
    else:
        rows = [r[:3] + ["等级" if i == 0 else ("优" if r[0] == "合计" else None)] + r[3:] for i, r in enumerate(rows)]
    data = read_score_sheet(_write(workdir / f"等级 {where}.xlsx", rows))
    assert data.stated_grade == "优"
    assert [p.message for p in data.crossfoot()] == [
        "表中评价等级为“优”，按总分 89.00 应为“良”（优 ≥ 90，良 80–90，中 60–80，差 < 60）"]


def test_a_description_of_the_bands_is_not_a_stated_grade(workdir):
    data = read_score_sheet(_write(workdir / "等级划分.xlsx", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, 45],
        ["效益", "服务对象满意度", 50, 44],
        ["合计", None, 100, 89],
        ["等级划分：90分以上为优，80-90分为良，60-80分为中，60分以下为差。"],
    ]))
    assert data.stated_grade == "" and data.crossfoot() == []


def test_group_rows_with_their_own_figures_are_checked_not_counted(workdir):
    """决策 30 | 25, then 项目立项 20 | 18, then its indicators: the group rows are the groups' figures."""
    data = read_score_sheet(_write(workdir / "分组行.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策", None, None, 30, 25],
        [None, "项目立项", None, 20, 18],
        [None, None, "立项依据充分性", 10, 8],
        [None, None, "立项程序规范性", 10, 10],
        [None, "绩效目标", None, 10, 8],  # its indicator has 7
        [None, None, "绩效目标合理性", 10, 7],
        ["效益", None, None, 70, 63],
        [None, "满意度", None, 70, 63],
        [None, None, "服务对象满意度", 70, 63],
        ["合计", None, None, 100, 88],
    ]))
    assert [r.path for r in data.rows] == [("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"),
                                           ("决策", "绩效目标", "绩效目标合理性"), ("效益", "满意度", "服务对象满意度")]
    assert data.recomputed_total() == Decimal("88.00")
    assert [str(p) for p in data.crossfoot()] == [  # 决策 25 = 8 + 10 + 7 and 效益 63 agree
        "工作表“评分表”第6行E列：“绩效目标”得分 8.00 与其下 1 行指标得分之和 7.00 不一致"]


def test_one_name_column_numbered_as_an_official_document_gives_the_tree(workdir):
    data = read_score_sheet(_write(workdir / "编号.xlsx", [
        ["指标名称", "分值", "得分"],
        ["一、决策（30分）", None, None],
        ["（一）项目立项", None, None],
        ["1.立项依据充分性", 10, 8],
        ["2.立项程序规范性", 20, 18],
        ["二、效益", None, None],
        ["3.服务对象满意度", 70, 63],
        ["合计", 100, 89],
    ]))
    assert [r.path for r in data.rows] == [("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"),
                                           ("效益", "服务对象满意度")]
    assert data.crossfoot() == [] and data.recomputed_total() == Decimal("89.00")


def test_the_tables_own_budget_execution_row_is_checked_against_rate_times_points(workdir):
    rows = [
        ["一级指标", "三级指标", "分值", "实际完成值", "得分"],
        ["过程", "预算执行率", 20, "85%", 20],  # 85% × 20 = 17
        ["效益", "服务对象满意度", 80, "90%", 72],
        ["合计", None, 100, None, 92],
    ]
    data = read_score_sheet(_write(workdir / "表内执行率.xlsx", rows))
    assert [str(p) for p in data.crossfoot()] == [
        "工作表“评分表”第2行E列：预算执行得分 20.00 高于执行率 85.00% × 分值 20.00 = 17.00"]
    rows[1][4], rows[3][4] = 17, 89
    assert read_score_sheet(_write(workdir / "表内执行率 二.xlsx", rows)).crossfoot() == []


def test_a_web_page_or_text_named_xls_is_named_or_read(workdir):
    """Agency systems export a web page or tab-separated text named .xls: the page is named as such; the text is
    read as the table it is."""
    import pytest

    from wcif_desktop.domain.errors import WcifError

    page = workdir / "系统导出.xls"
    page.write_text("<html><body><table><tr><td>指标名称</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(WcifError, match="网页（HTML）格式"):
        read_score_sheet(page)
    text = workdir / "制表符 文本.xls"
    text.write_text("一级指标\t分值\t得分\n决策\t30\t25\n过程\t70\t60\n合计\t100\t85\n", encoding="gb18030")
    data = read_score_sheet(text)
    assert [(r.name, r.score) for r in data.rows] == [("决策", Decimal(25)), ("过程", Decimal(60))]


def test_full_marks_written_as_text_and_a_formula_without_its_result(workdir):
    import pytest

    from wcif_desktop.domain.errors import ValidationError

    data = read_score_sheet(_write(workdir / "满分.xlsx", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, "满分"],
        ["效益", "服务对象满意度", 50, 44],
        ["合计", None, 100, 94],
    ]))
    assert [r.score for r in data.rows] == [Decimal(50), Decimal(44)] and data.crossfoot() == []
    path = _write(workdir / "公式.xlsx", [
        ["一级指标", "三级指标", "分值", "扣分", "得分"],
        ["决策", "立项依据充分性", 50, 5, "=C2-D2"],  # openpyxl keeps no result: as a file never opened in Excel
    ])
    with pytest.raises(ValidationError, match="第2行E列：得分：公式单元格没有保存计算结果"):
        read_score_sheet(path)


def test_an_indicator_named_with_a_trailing_heji_is_an_indicator(workdir):
    """“待遇支出合计” is an indicator's name; only a 合计 of a group's own name (“过程合计”) is a subtotal."""
    data = read_score_sheet(_write(workdir / "合计结尾.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["过程", "资金管理", "资金到位率", 40, 36],
        ["过程", "资金管理", "待遇支出合计", 10, 10],
        ["过程合计", None, None, 50, 46],
        ["效益", "满意度", "服务对象满意度", 50, 44],
        ["合计", None, None, 100, 90],
    ]))
    assert [r.name for r in data.rows] == ["资金到位率", "待遇支出合计", "服务对象满意度"]
    assert data.subtotal_rows == [4] and data.crossfoot() == []


def test_a_heji_in_the_second_level_column_under_a_group_is_a_subtotal(workdir):
    data = read_score_sheet(_write(workdir / "二级列合计.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策", "项目立项", "立项依据充分性", 50, 45],
        ["决策", "合计", None, 50, 45],
        ["效益", "满意度", "服务对象满意度", 50, 44],
        ["效益", "合计", None, 50, 44],
        ["总计", None, None, 100, 89],
    ]))
    assert [r.name for r in data.rows] == ["立项依据充分性", "服务对象满意度"] and data.crossfoot() == []


def test_a_blank_template_stays_unscored(workdir):
    """分值 filled, 扣分 and 得分 empty: a template, not a sheet of deductions (no full marks invented)."""
    data = read_score_sheet(_write(workdir / "空白模板.xlsx", [
        ["一级指标", "三级指标", "分值", "扣分", "得分"],
        ["决策", "立项依据充分性", 50, None, None],
        ["效益", "服务对象满意度", 50, None, None],
    ]))
    assert [r.score for r in data.rows] == [None, None]


def test_deductions_only_with_totals_stated_in_another_column_or_on_subtotals(workdir):
    data = read_score_sheet(_write(workdir / "仅扣分 序号.xlsx", [
        ["序号", "一级指标", "三级指标", "分值", "扣分", "得分"],
        [1, "决策", "立项依据充分性", 50, 5, None],
        [2, "决策", "立项程序规范性", 20, None, None],
        [None, "决策小计", None, 70, 5, 65],
        [3, "效益", "服务对象满意度", 30, None, None],
        [None, "合计", None, 100, 5, 95],
    ]))
    assert [r.score for r in data.rows] == [Decimal(45), Decimal(20), Decimal(30)] and data.crossfoot() == []


def test_group_rows_and_subtotals_together(workdir):
    data = read_score_sheet(_write(workdir / "分组行 小计.xlsx", [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策", None, None, 30, 25],
        [None, "项目立项", "立项依据充分性", 10, 8],
        [None, "项目立项", "立项程序规范性", 20, 17],
        ["决策小计", None, None, 30, 25],
        ["效益", None, None, 70, 63],
        [None, "满意度", "服务对象满意度", 70, 63],
        ["效益小计", None, None, 70, 60],  # 63
        ["合计", None, None, 100, 88],
    ]))
    assert [r.name for r in data.rows] == ["立项依据充分性", "立项程序规范性", "服务对象满意度"]
    assert [p.message for p in data.crossfoot()] == ["小计得分 60.00 与其上 1 行指标得分之和 63.00 不一致"]


def test_numbered_groups_with_unnumbered_indicators(workdir):
    data = read_score_sheet(_write(workdir / "编号 叶子无编号.xlsx", [
        ["指标名称", "分值", "得分"],
        ["一、决策", None, None],
        ["（一）项目立项", None, None],
        ["立项依据充分性", 10, 8],
        ["立项程序规范性", 20, 18],
        ["二、效益", None, None],
        ["（一）满意度", None, None],
        ["服务对象满意度", 70, 63],
        ["合计", 100, 89],
    ]))
    assert [r.path for r in data.rows] == [("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"),
                                           ("效益", "满意度", "服务对象满意度")]


@pytest.mark.parametrize("note", [
    "注：综合得分90分及以上的，评价等级为“优”；80分（含）至90分的，评价等级为“良”。",
    "评价等级：优，≥90分；良，80～89分；中，60～79分；差，60分以下。",
    "总分≥90分的评价等级为优。",
])
def test_a_note_on_the_bands_is_not_a_stated_grade(workdir, note):
    data = read_score_sheet(_write(workdir / "等级 说明.xlsx", [
        ["一级指标", "三级指标", "分值", "得分"],
        ["决策", "立项依据充分性", 50, 45],
        ["效益", "服务对象满意度", 50, 44],
        ["合计", None, 100, 89],
        [note],
    ]))
    assert data.stated_grade == "" and data.crossfoot() == []


def test_more_names_of_the_evaluators_score_column(workdir):
    data = read_score_sheet(_write(workdir / "核定分.xlsx", [
        ["一级指标", "三级指标", "分值", "单位自评得分", "评价机构核定分"],
        ["决策", "立项依据充分性", 50, 50, 45],
        ["效益", "服务对象满意度（50分）", None, 50, 44],
        ["合计", None, 100, 100, 89],
    ]))
    assert [r.score for r in data.rows] == [Decimal(45), Decimal(44)]


def test_one_weight_column_per_level(workdir):
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分: the indicators' weights are the last 分值 column; the
    groups' points are checked against them."""
    rows = [
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
        ["决策", 30, "项目立项", 20, "立项依据充分性", 10, 8],
        [None, None, None, None, "立项程序规范性", 10, 10],
        [None, None, "绩效目标", 10, "绩效目标合理性", 10, 7],
        ["效益", 70, "满意度", 70, "服务对象满意度", 70, 63],
        ["合计", 100, None, None, None, None, 88],
    ]
    data = read_score_sheet(_write(workdir / "每级分值.xlsx", rows))
    assert [r.weight for r in data.rows] == [Decimal(10), Decimal(10), Decimal(10), Decimal(70)]
    assert data.crossfoot() == [] and data.recomputed_total() == Decimal("88.00")
    rows[1][1] = 35
    assert [p.message for p in read_score_sheet(_write(workdir / "每级分值 错.xlsx", rows)).crossfoot()] == [
        "“决策”标明 35.00 分，其下各行分值之和为 30.00"]
