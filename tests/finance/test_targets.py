"""Performance targets: the 湘潭 2023 table (cases/public-reports/12) as is, comparison, completion."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import openpyxl
import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import TargetIndicator
from wcif_desktop.domain.targets import classify, compare, display_value, evaluate_completion, parse_target_value
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import targets as tg


def _case12(shared_dir) -> dict:
    text = (shared_dir / "cases" / "public-reports" / "12-xiangtan-gongshang-jijin-mubiao-2023.md").read_text(
        encoding="utf-8")
    data = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    # the published page is cut off in the last row; complete it the way the table's other rows read
    last = data["indicators_goal_2"][-1]
    last["standard"] = "计划标准"
    last["kind"] = "定量指标"
    last["level2"] = "社会效率指标"  # as written in the source (“(as written)” is the case file's remark)
    return data


HEADER = {
    "项目支出名称": "湘潭市工伤保险基金", "年度本级预算金额": "28600万", "该项目支出上级资金": "省级562万",
    "实施期": "2023年1月31日---2023年12月31日",
    "实施期绩效目标": "1、保障因工作遭受事故伤害或者患职业病的职工获得医疗救治和经济补偿,促进工伤预防和职业康复,"
                      "分散用人单位的工伤风险。 2、具体承办工伤保险事务。",
    "本年度绩效目标": "1、确保新、老工伤各项待遇及时、足额支付。 2、工伤预防成效显著。",
}


def build_case12_xlsx(path, data):
    """The table laid out as the 湘潭 form: merged title, header block, goal and level-1 cells merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    ws["A1"] = "2023年项目支出绩效目标表"
    ws.merge_cells("A1:G1")
    ws["A2"] = "填报单位：湘潭市工伤保险服务中心"
    ws.merge_cells("A2:G2")
    ws.append(["项目支出名称", HEADER["项目支出名称"]])
    ws.merge_cells("B3:G3")
    ws.append(["年度本级预算金额", HEADER["年度本级预算金额"], None, "该项目支出上级资金", HEADER["该项目支出上级资金"]])
    ws.merge_cells("B4:C4")
    ws.merge_cells("E4:G4")
    for r, key in ((5, "实施期"), (6, "实施期绩效目标"), (7, "本年度绩效目标")):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=HEADER[key])
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
    ws.append(["年度目标", "一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "指标性质"])
    row = 9
    for goal_key, ind_key in (("goal_1", "indicators_goal_1"), ("goal_2", "indicators_goal_2")):
        first = row
        for ind in data[ind_key]:
            ws.cell(row=row, column=1, value=data[goal_key] if row == first else None)
            for col, key in ((2, "level1"), (3, "level2"), (4, "level3"), (5, "target"), (6, "standard"),
                             (7, "kind")):
                ws.cell(row=row, column=col, value=ind[key])
            row += 1
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    # level-1 merged down within each goal: 产出指标 rows 9-12, 效益指标 rows 13-14
    for r in (10, 11, 12):
        ws.cell(row=r, column=2).value = None
    ws.merge_cells("B9:B12")
    wb.save(path)
    return path


def _expected_rows(data):
    out = []
    for goal_key, ind_key in (("goal_1", "indicators_goal_1"), ("goal_2", "indicators_goal_2")):
        for ind in data[ind_key]:
            out.append((data[goal_key], ind["level1"], ind["level2"], ind["level3"], ind["target"],
                        ind["standard"], ind["kind"][:2]))
    return out


def _rows(indicators):
    return [(t.goal, t.level1_label, t.level2_label, t.name, t.target_text, t.standard, t.kind) for t in indicators]


def test_case12_table_imports_as_is_and_round_trips(shared_dir, sample_path, workdir):
    data = _case12(shared_dir)
    src = build_case12_xlsx(workdir / "湘潭 目标表.xlsx", data)
    plan = tg.plan_target_import(src, version="declared")
    assert plan.rejections == []
    assert _rows(plan.indicators) == _expected_rows(data)
    h = plan.header
    assert (h.project_name, h.budget_text, h.superior_funds, h.period, h.unit_name) == (
        "湘潭市工伤保险基金", "28600万", "省级562万", "2023年1月31日---2023年12月31日", "湘潭市工伤保险服务中心")
    assert h.annual_goal == HEADER["本年度绩效目标"] and h.period_goal == HEADER["实施期绩效目标"]

    parsed = {t.name: (t.dimension, t.subdimension, t.comparator, t.value, t.unit) for t in plan.indicators}
    assert parsed["全市待遇发放额"] == ("产出", "数量", "=", "28600", "万")
    assert parsed["工伤预防宣传费"] == ("产出", "成本", "≤", "505", "万")
    assert parsed["全年工伤预防培训场次"] == ("产出", "数量", "≥", "1", "场")
    assert parsed["各项待遇持续发放率"] == ("效益", "可持续", "=", "100", "%")
    assert parsed["服务对象满意度"] == ("效益", "服务对象满意度", "", "满意", "")
    assert parsed["开展工伤预防培训"][2:] == ("", "2023年 年底前", "")
    assert parsed["参训单位因安全生产责任事故造成职工重度伤残比率"][:2] == ("效益", "社会")

    # stored in the evaluation file and read back unchanged
    with svc.open_file(sample_path) as ef:
        tg.apply_target_import(ef, plan)
        stored = tg.targets(ef, "declared")
        assert _rows(stored) == _expected_rows(data)
        assert tg.sheet_header(ef, "declared").superior_funds == "省级562万"
        assert len(tg.targets(ef, "refined")) == 6  # the sample's refined targets untouched
        # written back to .xlsx in the same layout and read again: identical
        out = tg.write_target_table(workdir / "导出 目标表.xlsx", stored, tg.sheet_header(ef, "declared"))
    again = tg.plan_target_import(out, version="declared")
    assert _rows(again.indicators) == _expected_rows(data)
    assert again.header.annual_goal == HEADER["本年度绩效目标"]
    assert again.header.unit_name == "湘潭市工伤保险服务中心"


def test_cli_import_targets(shared_dir, sample_path, workdir, capsys):
    src = build_case12_xlsx(workdir / "目标.xlsx", _case12(shared_dir))
    assert main(["import-targets", str(sample_path), str(src), "--dry-run"]) == 0
    assert "11 个绩效指标" in capsys.readouterr().out
    with svc.open_file(sample_path) as ef:
        assert tg.targets(ef, "declared") == []
    assert main(["import-targets", str(sample_path), str(src)]) == 0
    assert main(["import-targets", str(sample_path), str(src), "--replace"]) == 0
    with svc.open_file(sample_path) as ef:
        assert len(tg.targets(ef, "declared")) == 11


def test_target_import_rejects_formula_cell(workdir):
    path = workdir / "公式.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"])
    ws.append(["产出指标", "数量指标", "参保人数", "=B9*2", "计划标准"])
    ws.append(["产出指标", "质量指标", "待遇核发准确率", "100%", "计划标准"])
    wb.save(path)
    plan = tg.plan_target_import(path)
    assert [t.name for t in plan.indicators] == ["待遇核发准确率"]
    assert [(r.row, r.column) for r in plan.rejections] == [(2, "D")]



def test_target_import_reads_percent_formatted_numbers_as_percent(workdir):
    """A 指标值 typed as 98% in Excel is the number 0.98 with a percent format: it is the target 98%, not 0.98."""
    path = workdir / "百分比 目标.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"])
    for name, value, fmt in [("待遇核发准确率", 0.98, "0%"), ("待遇支付及时率", 1, "0.00%"),
                             ("基金结余率", 0.125, '[>=1]0%;"≥"0.0%'), ("事故率", 0, "0%"),
                             ("参保人数", 230000, "General")]:
        ws.append(["产出指标", "质量指标", name, value, "计划标准"])
        ws.cell(ws.max_row, 4).number_format = fmt
    wb.save(path)
    plan = tg.plan_target_import(path)
    got = {t.name: (t.target_text, t.comparator, t.value, t.unit) for t in plan.indicators}
    assert got["待遇核发准确率"] == ("98%", "=", "98", "%")
    assert got["待遇支付及时率"] == ("100%", "=", "100", "%")
    assert got["基金结余率"] == ("12.5%", "=", "12.5", "%")
    assert got["事故率"] == ("0%", "=", "0", "%")
    assert got["参保人数"][0] == "230000"

@pytest.mark.parametrize("text, expected", [
    ("≥1场", ("≥", "1", "场")), ("≤505万", ("≤", "505", "万")), ("28600万", ("=", "28600", "万")),
    ("100%", ("=", "100", "%")), ("≥90%", ("≥", "90", "%")), ("＞85％", (">", "85", "%")),
    ("90%-100%", ("区间", "90~100", "%")), ("不低于95%", ("≥", "95", "%")), ("1,000人以上", ("≥", "1000", "人")),
    ("满意", ("", "满意", "")), ("2023年 年底前", ("", "2023年 年底前", "")),
])
def test_parse_target_value(text, expected):
    p = parse_target_value(text)
    assert (p.comparator, p.value, p.unit) == expected


def test_classify():
    assert classify("产出指标", "时效指标") == ("产出", "时效")
    assert classify("效益指标", "经济效益指标") == ("效益", "经济")
    assert classify("满意度指标", "服务对象满意度指标") == ("满意度", "服务对象满意度")


@pytest.mark.parametrize("comparator, value, unit, actual, status, rate", [
    ("≥", "90", "%", "92.5%", "完成", Decimal("102.78")),
    ("≥", "90", "%", "85", "未完成", Decimal("94.44")),
    ("≤", "505", "万", "480万", "完成", Decimal("100")),
    ("≤", "505", "万", "550万", "未完成", Decimal("91.82")),
    ("=", "100", "%", "100%", "完成", Decimal("100.00")),
    ("区间", "90~100", "%", "95%", "完成", Decimal("100")),
    ("区间", "90~100", "%", "89%", "未完成", None),
    ("≥", "1", "场", "3场", "完成", Decimal("300.00")),
    ("≥", "1", "场", "3人", "", None),  # other unit: not judged
    ("=", "28600", "万", "28,600万元", "完成", Decimal("100.00")),
    ("≤", "505", "万", "5050000元", "", None),  # 元 vs 万: not converted
    ("", "满意", "", "满意", "", None),  # qualitative
    ("≥", "90", "%", "", "", None),
])
def test_completion(comparator, value, unit, actual, status, rate):
    c = evaluate_completion(TargetIndicator(comparator=comparator, value=value, unit=unit, actual=actual))
    assert (c.status, c.rate) == (status, rate)


def test_compare_declared_and_refined(sample_file):
    d1 = TargetIndicator(version="declared", name="参保人数", dimension="产出", subdimension="数量",
                         comparator="≥", value="200000", unit="人", sort_order=1)
    d2 = TargetIndicator(version="declared", name="工作效率", dimension="产出", subdimension="时效",
                         comparator="", value="提高", sort_order=2, change_reason="表述笼统，无法衡量，删除")
    for d in (d1, d2):
        svc.add_record(sample_file, d)
    rows = tg.comparison(sample_file)
    assert [r.status for r in rows] == ["新增"] * 6 + ["删除", "删除"]  # the sample refines 6 targets
    svc.delete_record(sample_file, TargetIndicator, tg.targets(sample_file, "refined")[0].id)
    # refine the first declared row: same name, tighter value
    r1 = TargetIndicator(version="refined", name="参保人数", dimension="产出", subdimension="数量",
                         comparator="≥", value="209500", unit="人", sort_order=0,
                         change_reason="按2021年参保扩面计划细化")
    svc.add_record(sample_file, r1)
    rows = tg.comparison(sample_file)
    first = rows[0]
    assert first.status == "修改" and first.changed == ("指标值",) and first.declared.id == d1.id
    assert first.reason == "按2021年参保扩面计划细化"
    removed = [r for r in rows if r.status == "删除"]
    assert [r.declared.name for r in removed] == ["工作效率"] and removed[0].reason.startswith("表述笼统")


def test_start_refinement_and_completion_update(sample_path):
    with svc.open_file(sample_path) as ef:
        for t in tg.targets(ef, "refined"):
            svc.delete_record(ef, TargetIndicator, t.id)
        svc.add_record(ef, TargetIndicator(version="declared", name="待遇及时发放率", comparator="=", value="100",
                                           unit="%", sort_order=1))
        tg.start_refinement(ef, "沿用申报目标")
        refined = tg.targets(ef, "refined")
        assert len(refined) == 1 and refined[0].declared_id
        assert [r.status for r in compare(ef.records(TargetIndicator))] == ["保留"]
        with pytest.raises(ValidationError):
            tg.start_refinement(ef)
        tg.update_target(ef, refined[0].id, actual="98.5%")
        assert ef.get(TargetIndicator, refined[0].id).completion == "未完成"
        tg.update_target(ef, refined[0].id, actual="100%")
        assert ef.get(TargetIndicator, refined[0].id).completion == "完成"
        assert display_value(ef.get(TargetIndicator, refined[0].id)) == "100%"
