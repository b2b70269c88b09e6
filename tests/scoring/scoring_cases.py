"""Builders of the real tables of shared/cases/public-reports 03, 08 and 09, written as .xlsx files
laid out the way the forms look (titles above, merged level cells, headers over two rows, totals below)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment


def _merge(ws, r0, c0, r1, c1):
    ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
    ws.cell(r0, c0).alignment = Alignment(vertical="center", horizontal="center")


def write_case_03(path: Path) -> Path:
    """潜江 2024: level-1 table only (决策/过程/产出/效果), 综合得分 75.46 中 (report 03)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目绩效得分情况表"
    ws["A1"] = "项目绩效得分情况表"
    _merge(ws, 1, 1, 1, 4)
    ws.append(["一级指标", "分值", "得分", "扣分原因"])
    ws.append(["决策", 14, 10.5, "绩效目标设置较为笼统，且未根据绩效目标设置细化、清晰的绩效指标值，年初未进行资金预算测算，"
                                 "资金使用缺乏整体规划，影响资源配置效率。"])
    ws.append(["过程", 19, 15, "过程管理存在不足（报告摘录未载明）"])
    ws.append(["产出", 35, 21, "产出未完全达标（报告摘录未载明）"])
    ws.append(["效果", 32, 28.96, "效果未完全达成（报告摘录未载明）"])
    ws.append(["合计", 100, 75.46, ""])
    wb.save(path)
    return path


CASE_08_ROWS = [
    ("产出指标(50分)", "数量指标", "全县参合人数", "8755", "8676", 15, 13, "建档立卡中有新增死亡人员,导致有偏差"),
    ("产出指标(50分)", "质量指标", "资金是否全部纳入医保统筹", "100%", "100%", 15, 15, None),
    ("产出指标(50分)", "时效指标", "资金是否全部及时纳入", "100%", "100%", 10, 10, None),
    ("产出指标(50分)", "成本指标", "配套资金每人每年", "75元", "75元", 10, 10, None),
    ("效益指标(30分)", "社会效益", "是否解决建档立卡人员看病难贵问题", "95%", "95%", 30, 27, None),
    ("满意度指标(10分)", "服务对象满意度指标", "是否满意", "95%", "95%", 10, 9, None),
]


def write_case_08(path: Path, printed_total=94) -> Path:
    """稷山 2020 项目支出绩效自评表 (附件1 layout): budget block (分值10, 得分9) + indicator table; prints 94."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    _merge(ws, 1, 1, 1, 9)
    ws["A2"] = "（2020年度）"
    _merge(ws, 2, 1, 2, 9)
    ws["A3"], ws["C3"] = "项目名称", "建档立卡个人缴费县级配套资金"
    _merge(ws, 3, 1, 3, 2)
    _merge(ws, 3, 3, 3, 9)
    ws["A4"], ws["C4"], ws["E4"], ws["G4"] = "主管部门", "稷山县医疗保障局", "实施单位", "稷山县医疗保险服务中心"
    _merge(ws, 4, 1, 4, 2)
    ws["A5"] = "项目资金（万元）"
    _merge(ws, 5, 1, 7, 1)
    for c, v in enumerate(["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], start=2):
        ws.cell(5, c, v or None)
    for c, v in enumerate(["年度资金总额", 65.66, 65.66, 65.07, 10, "99%", 9], start=2):
        ws.cell(6, c, v)
    for c, v in enumerate(["其中：当年财政拨款", 65.66, 65.66, 65.07, "—", "99%", "—"], start=2):
        ws.cell(7, c, v)
    ws["A8"], ws["B8"], ws["F8"] = "年度总体目标", "预期目标", "实际完成情况"
    _merge(ws, 8, 2, 8, 5)
    _merge(ws, 8, 6, 8, 9)
    ws["B9"], ws["F9"] = "提高医疗保障水平,推进因病致贫问题的根本性解决", "提高医疗保障水平,推进了因病致贫问题的基本性解决"
    _merge(ws, 9, 2, 9, 5)
    _merge(ws, 9, 6, 9, 9)
    header = 10
    ws.cell(header, 1, "绩效指标")
    for c, v in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                           "偏差原因分析及改进措施"], start=2):
        ws.cell(header, c, v)
    r = header + 1
    for row in CASE_08_ROWS:
        for c, v in enumerate(row, start=2):
            ws.cell(r, c, v)
        r += 1
    last = r - 1
    _merge(ws, header, 1, last, 1)  # “绩效指标” down the left side
    # level-1 cells merged down the rows, written once (openpyxl keeps only the top-left value)
    _merge(ws, header + 1, 2, header + 4, 2)
    ws.cell(r, 1, "总分")
    _merge(ws, r, 1, r, 6)
    ws.cell(r, 7, 100)
    ws.cell(r, 8, printed_total)
    wb.save(path)
    return path


CASE_09_ROWS = [
    ("产出指标", "数量指标", "创业担保贷款发放额增长率", "≥10%", "115.25%", "20%", 20),
    ("产出指标", "质量指标", "创业担保贷款回收率", "≥90%", "98.70%", "20%", 20),
    ("产出指标", "质量指标", "资金足额拨付率", "100%", "100%", "10%", 10),
    ("产出指标", "质量指标", "地方配套到位率", "100%", "100%", "10%", 10),
    ("效益指标", "经济效益指标", "创业担保基金放大倍数", "≥2倍", "10倍", "10%", 10),
    ("效益指标", "社会效益指标", "金融机构网点覆盖率", "≥60%", "85%", "10%", 10),
    ("满意度指标", "服务对象满意度指标", "申请定向费用补贴金融机构满意度", "≥80%", "≥80%", "10%", 10),
    ("满意度指标", "服务对象满意度指标", "申报创业担保贷款贴息个人满意度", "≥80%", "100%", "5%", 5),
    ("满意度指标", "服务对象满意度指标", "申报创业担保贷款贴息小微企业的满意度", "≥80%", "100%", "5%", 5),
]


def write_case_09(path: Path, percent_cells: bool = False) -> Path:
    """四川 普惠金融(创业担保贷款) 区域绩效自评表: weights in %, header over two rows, 得分合计 100.

    ``percent_cells`` writes the weights as percent-formatted numbers (0.2 shown as 20%) instead of text.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "区域绩效自评表"
    ws["A1"] = "普惠金融发展专项资金区域绩效自评表"
    _merge(ws, 1, 1, 1, 7)
    ws["A2"], ws["C2"] = "专项名称", "普惠金融发展专项资金（创业担保贷款）"
    _merge(ws, 2, 3, 2, 7)
    ws["A3"], ws["C3"] = "省级主管部门", "四川省财政厅"
    ws["A4"] = "绩效目标完成情况"
    _merge(ws, 4, 1, 4, 5)
    ws["F4"], ws["G4"] = "权重", "得分"
    _merge(ws, 4, 6, 5, 6)
    _merge(ws, 4, 7, 5, 7)
    for c, v in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "完成值"], start=1):
        ws.cell(5, c, v)
    r = 6
    spans: dict[tuple[int, str], list[int]] = {}
    for row in CASE_09_ROWS:
        for c, v in enumerate(row, start=1):
            if c == 6 and percent_cells:
                ws.cell(r, c, int(v[:-1]) / 100).number_format = "0%"
            else:
                ws.cell(r, c, v)
        spans.setdefault((1, row[0]), []).append(r)
        spans.setdefault((2, row[0] + row[1]), []).append(r)
        r += 1
    for (col, _), rows in spans.items():
        if len(rows) > 1:
            for rr in rows[1:]:
                ws.cell(rr, col).value = None
            _merge(ws, rows[0], col, rows[-1], col)
    ws.cell(r, 1, "得分合计")
    _merge(ws, r, 1, r, 5)
    ws.cell(r, 6, "100%")
    ws.cell(r, 7, 100)
    wb.save(path)
    return path
