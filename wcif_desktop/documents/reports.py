"""Outlines of the brief report (简版报告, the seed's shape) and the full report (财预〔2020〕10号 附件3).

Built from the same data the PDF report uses: the snapshot, :func:`~wcif_desktop.domain.fields.fill` with
:func:`~wcif_desktop.domain.fields.field_values`, and :func:`~wcif_desktop.domain.scoring.build_sheet`.
Narrative sections used (all optional except where the seed has text): ``basic.intro``, ``basic.content``,
``basic.funding``, ``basic.targets``, ``process``, ``conclusion.score``, ``conclusion.overall``; the full report
also reads ``full.purpose``, ``full.principles``, ``analysis.<一级指标名>`` and ``other``, and falls back to
sentences generated from the data when they are empty.
"""

from __future__ import annotations

from ..domain.fields import fill
from ..domain.model import EvaluationSnapshot
from ..domain.scoring import DEFAULT_GRADE_BANDS
from .common import (
    dimension_table,
    finance_table,
    findings_blocks,
    indicator_counts,
    narrative,
    pts,
    rate,
    score_table,
    sheet_of,
    targets_table,
    values,
)
from .outline import BodyStart, DocOutline, Heading, PageBreak, Para, Toc, h1, h2, h3, paras

DIMENSION_TITLES = {"决策": "项目决策情况", "过程": "项目过程情况", "产出": "项目产出情况", "效益": "项目效益情况",
                    "投入": "项目投入情况", "效果": "项目效果情况"}


def report_title(snap: EvaluationSnapshot, full: bool) -> str:
    ev = snap.evaluation
    return f"{ev.fiscal_year} 年{ev.project_name}绩效评价{'' if full else '简版'}报告"


def _cover(outline: DocOutline, snap: EvaluationSnapshot, vals) -> None:
    ev = snap.evaluation
    outline.add(Para(outline.title, "title"))
    if ev.agency:
        outline.add(Para(f"评价机构：{ev.agency}", "center"))
    outline.add(PageBreak())
    outline.cover_blocks = len(outline.blocks)
    outline.add(Toc(), BodyStart(), Para(outline.title, "title"))


def _signature(outline: DocOutline, snap: EvaluationSnapshot) -> None:
    from .common import cn_date

    ev = snap.evaluation
    if ev.agency:
        outline.add(Para(ev.agency, "right"))
    if ev.report_date:
        outline.add(Para(cn_date(ev.report_date), "right"))


def grade_bands_text(bands=DEFAULT_GRADE_BANDS) -> str:
    """``90（含）—100分为优、80（含）—90分为良、60（含）—80分为中、60分以下为差`` from the bands."""
    ordered = sorted(bands, key=lambda b: b[0], reverse=True)
    parts = []
    upper = None
    for lower, name in ordered:
        lo = pts(lower)
        if lower == 0:
            up = pts(upper) if upper is not None else "100"
            parts.append(f"{up}分以下为{name}")
        else:
            up = "100" if upper is None else pts(upper)
            parts.append(f"{lo}（含）—{up}分为{name}")
        upper = lower
    return "、".join(parts)


def brief_report(snap: EvaluationSnapshot) -> DocOutline:
    """The brief report (简版报告) in the seed's outline: 一 基本情况 … 五 有关建议."""
    vals = values(snap)
    ev = snap.evaluation
    out = DocOutline("report-brief", report_title(snap, False), author=ev.agency, context=vals)
    _cover(out, snap, vals)
    out.add(h1(1, "基本情况"))
    out.extend(paras(narrative(snap, "basic.intro", vals)))
    out.add(h3(1, "项目内容"))
    out.extend(paras(narrative(snap, "basic.content", vals)))
    out.add(h3(2, "项目资金投入情况"))
    out.extend(paras(narrative(snap, "basic.funding", vals,
                               "{{fiscal_year}} 年度{{region}}工伤保险基金总收入 {{income_actual}} 万元，总支出 "
                               "{{expenditure_actual}} 万元，年末滚存结余 {{year_end_balance}} 万元。")))
    out.add(h3(3, "项目绩效目标"))
    out.extend(paras(narrative(snap, "basic.targets", vals)))
    out.add(h1(2, "绩效评价工作开展情况"))
    out.extend(paras(narrative(snap, "process", vals)))
    out.add(h1(3, "综合评价情况及评价结论"))
    out.extend(paras(narrative(snap, "conclusion.score", vals,
                               "该项目绩效评价综合评分“{{total_score}}分”，评级“{{grade}}”。")))
    out.extend(paras(narrative(snap, "conclusion.overall", vals)))
    out.add(h1(4, "主要经验及做法、存在的问题及原因分析"))
    out.add(h2(1, "主要经验及做法"))
    out.extend(findings_blocks(snap, "practice", vals))
    out.add(h2(2, "存在问题及原因分析"))
    out.extend(findings_blocks(snap, "problem", vals))
    out.add(h1(5, "有关建议"))
    out.extend(findings_blocks(snap, "recommendation", vals))
    _signature(out, snap)
    return out


def _analysis(snap, sheet, vals) -> list:
    blocks: list = []
    for i, root in enumerate(sheet.roots, start=1):
        name = root.indicator.name
        blocks.append(h2(i, DIMENSION_TITLES.get(name, f"{name}情况")))
        w, s = root.weight(), root.score()
        default = (f"{name}类指标分值{pts(w)}分，得分{pts(s)}分，得分率{rate(s, w)}。")
        blocks.extend(paras(narrative(snap, f"analysis.{name}", vals, default)))
        for j, leaf in enumerate((n for n in root.walk() if n.is_leaf), start=1):
            ind = leaf.indicator
            blocks.append(h3(j, f"{ind.name}（分值{pts(ind.weight)}分，得分{pts(ind.score)}分）"))
            if ind.definition.strip():
                blocks.append(Para("指标解释：" + fill(ind.definition, vals)))
            if ind.score is None:
                blocks.append(Para("评价结果：尚未评分。"))
            elif ind.score < ind.weight:
                blocks.append(Para(f"扣分原因：{fill(ind.deduction_reason, vals)}"))
            else:
                blocks.append(Para("评价结果：该指标达到评价标准，得满分。"))
    return blocks


def full_report(snap: EvaluationSnapshot, details=None, links=None) -> DocOutline:
    """The full report in the 财预〔2020〕10号 附件3 outline (一 基本情况 … 七 其他需要说明的问题) with the
    score table and the problem list as annexes. ``details``: finding id → ProblemDetail, ``links``: finding id → finding links
    (problem list)."""
    vals = values(snap)
    ev = snap.evaluation
    sheet = sheet_of(snap)
    counts = indicator_counts(sheet)
    out = DocOutline("report-full", report_title(snap, True), author=ev.agency, context=vals)
    _cover(out, snap, vals)

    out.add(h1(1, "基本情况"), h2(1, "项目概况"))
    out.extend(paras(narrative(snap, "basic.intro", vals)))
    out.extend(paras(narrative(snap, "basic.content", vals)))
    out.extend(paras(narrative(snap, "basic.funding", vals,
                               "{{fiscal_year}} 年度{{region}}工伤保险基金总收入 {{income_actual}} 万元，总支出 "
                               "{{expenditure_actual}} 万元，年末滚存结余 {{year_end_balance}} 万元。")))
    if any(f.fiscal_year == ev.fiscal_year for f in snap.finance):
        out.add(finance_table(snap))
    out.add(h2(2, "项目绩效目标"))
    out.extend(paras(narrative(snap, "basic.targets", vals)))
    for version, caption in (("declared", "单位申报的绩效目标表"), ("refined", "评价组细化完善的绩效目标表")):
        t = targets_table(snap, version, caption)
        if t is not None:
            out.add(t)

    out.add(h1(2, "绩效评价工作开展情况"), h2(1, "绩效评价目的、对象和范围"))
    out.extend(paras(narrative(
        snap, "full.purpose", vals,
        "评价目的：了解{{fiscal_year}}年度{{region}}{{fund_name}}的收支和管理情况，客观评价资金使用的经济性、效率性、"
        "效益性和公平性，总结经验、发现问题、提出建议，为加强基金预算绩效管理提供参考。\n"
        "评价对象：{{region}}{{project_name}}，被评价单位为{{evaluated_unit}}。\n"
        "评价范围：{{fiscal_year}}年1月1日至{{fiscal_year}}年12月31日基金的收入、支出、结余及相关管理工作。")))
    out.add(h2(2, "绩效评价原则、评价指标体系、评价方法、评价标准"))
    out.extend(paras(narrative(
        snap, "full.principles", vals,
        "评价遵循科学规范、公正公开、分级分类、绩效相关的原则。"
        f"评价指标体系依据《项目支出绩效评价管理办法》（财预〔2020〕10号）附件2设置，共设一级指标{counts[1]}个、"
        f"二级指标{counts[2]}个、三级指标{counts[3]}个，总分{pts(sheet.total_weight())}分（见附件1）。"
        "评价方法采用比较法、因素分析法和公众评判法；评价标准采用计划标准、行业标准、历史标准和其他标准。"
        f"评价结果分为四档：{grade_bands_text(sheet.bands)}。")))
    out.add(h2(3, "绩效评价工作过程"))
    out.extend(paras(narrative(snap, "process", vals)))

    out.add(h1(3, "综合评价情况及评价结论"))
    out.extend(paras(narrative(snap, "conclusion.score", vals,
                               "该项目绩效评价综合评分“{{total_score}}分”，评级“{{grade}}”。")))
    out.add(dimension_table(sheet, "各一级指标得分情况"))
    out.extend(paras(narrative(snap, "conclusion.overall", vals)))

    out.add(h1(4, "绩效评价指标分析"))
    out.extend(_analysis(snap, sheet, vals))

    out.add(h1(5, "主要经验及做法、存在的问题及原因分析"), h2(1, "主要经验及做法"))
    out.extend(findings_blocks(snap, "practice", vals))
    out.add(h2(2, "存在问题及原因分析"))
    out.extend(findings_blocks(snap, "problem", vals))
    out.add(h1(6, "有关建议"))
    out.extend(findings_blocks(snap, "recommendation", vals))
    out.add(h1(7, "其他需要说明的问题"))
    other = narrative(snap, "other", vals, "无。")  # illustrative_note describes the file in the app only
    out.extend(paras(other))
    _signature(out, snap)

    out.add(PageBreak(), Heading(1, "附件1：绩效评价评分表"), score_table(sheet, vals, caption=""))
    from .problem_list import problem_table

    out.add(PageBreak(), Heading(1, "附件2：问题清单"), problem_table(snap, vals, details, links))
    return out


__all__ = ["brief_report", "full_report", "grade_bands_text", "report_title"]
