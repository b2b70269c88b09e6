"""Target tables as the national self-evaluation form lays them out (issue 19): the 指标性质 column holds the
comparator; values such as “60%及以上” carry it; dates and periods are qualitative."""

from __future__ import annotations

import openpyxl

from wcif_desktop.domain.targets import parse_target_value
from wcif_desktop.services import targets as tg


def test_national_form_comparator_column_and_suffix_comparators(workdir):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    ws.append(["项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值"])
    rows = [
        ("产出指标", "成本指标", "人均待遇支出", "≤", "101400", "元", "98000"),
        ("产出指标", "质量指标", "待遇核定准确率", "≥", "90", "%", "95"),
        ("产出指标", "数量指标", "参保人数", "＝", "23", "万人", "23"),
        ("效益指标", "社会效益指标", "政策知晓率", "", "60%及以上", "", "65%"),
        ("产出指标", "时效指标", "资金拨付时限", "定性", "2021.1.1-12.31", "", "按时拨付"),
    ]
    for r in rows:
        ws.append(list(r))
    path = workdir / "国家 自评表.xlsx"
    wb.save(path)
    plan = tg.plan_target_import(path)
    got = {t.name: t for t in plan.indicators}
    assert (got["人均待遇支出"].comparator, got["人均待遇支出"].value, got["人均待遇支出"].kind) == ("≤", "101400", "定量")
    assert got["人均待遇支出"].completion == "完成"
    assert (got["待遇核定准确率"].comparator, got["待遇核定准确率"].completion) == ("≥", "完成")
    assert got["参保人数"].comparator == "="
    assert (got["政策知晓率"].comparator, got["政策知晓率"].value, got["政策知晓率"].unit) == ("≥", "60", "%")
    assert got["政策知晓率"].completion == "完成"
    assert (got["资金拨付时限"].comparator, got["资金拨付时限"].kind) == ("", "定性")
    assert got["资金拨付时限"].completion == ""


def test_values_carrying_their_comparator_and_dates_qualitative():
    cases = {
        "60%及以上": ("≥", "60", "%", True), "95%以上": ("≥", "95", "%", True), "不低于98%": ("≥", "98", "%", True),
        "≤505万以内": ("≤", "505", "万", True), "10天及以下": ("≤", "10", "天", True),
        "2021.1.1-12.31": ("", "2021.1.1-12.31", "", False), "2021年12月31日前": ("", "2021年12月31日前", "", False),
        "2021-12-31": ("", "2021-12-31", "", False),
    }
    for text, want in cases.items():
        p = parse_target_value(text)
        assert (p.comparator, p.value, p.unit, p.numeric) == want, text


def test_targets_command_lists_declared_targets(workdir, capsys):
    import json

    from wcif_desktop.cli import main
    from wcif_desktop.services.evaluation import create_empty

    wcif = workdir / "目标 评价.wcif"
    create_empty(wcif, title="测试", fiscal_year=2021).close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值"])
    ws.append(["产出指标", "成本指标", "人均待遇支出", "≤", "101400", "元", "98000"])
    ws.append(["满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%", "85"])
    sheet = workdir / "目标表.xlsx"
    wb.save(sheet)
    assert main(["import-targets", str(wcif), str(sheet)]) == 0
    capsys.readouterr()
    assert main(["targets", str(wcif)]) == 0
    text = capsys.readouterr().out
    assert "申报的绩效目标（2 项）" in text and "人均待遇支出：目标 ≤ 101400元；实际 98000；完成" in text
    assert main(["targets", str(wcif), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["comparator"], r["completion"]) for r in rows] == [
        ("人均待遇支出", "≤", "完成"), ("满意度", "≥", "未完成")]


def test_a_comma_that_is_not_a_thousands_separator_is_not_a_number():
    """“12,38” (a decimal comma or a typo) is never read as 1238; “19,800” is 19800."""
    bad = parse_target_value("≥12,38场")
    assert not bad.numeric and bad.value != "1238"
    good = parse_target_value("≥19,800人")
    assert (good.comparator, good.value, good.unit, good.numeric) == ("≥", "19800", "人", True)


def test_a_stated_comparator_over_a_period_is_qualitative(workdir):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值"])
    ws.append(["产出指标", "时效指标", "待遇发放期间", "=", "2021.1.1-12.31"])
    ws.append(["产出指标", "数量指标", "参保人数", "≥", "50万人"])
    wb.save(workdir / "期间.xlsx")
    got = {t.name: t for t in tg.plan_target_import(workdir / "期间.xlsx").indicators}
    assert (got["待遇发放期间"].comparator, got["待遇发放期间"].kind) == ("", "定性")
    assert (got["参保人数"].comparator, got["参保人数"].kind) == ("≥", "定量")


def test_a_header_only_target_table_is_refused(workdir):
    import pytest

    from wcif_desktop.domain.errors import ValidationError

    wb = openpyxl.Workbook()
    wb.active.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值"])
    wb.save(workdir / "仅表头.xlsx")
    with pytest.raises(ValidationError, match="没有绩效指标行"):
        tg.plan_target_import(workdir / "仅表头.xlsx")


def test_a_month_range_is_a_period():
    assert not parse_target_value("1-12月").numeric
