"""The two report outlines as one document model each (the PDF and the Word file render the same tree).

- ``brief`` (:func:`brief_report`): the shape of the Hohhot 2021 简版 (shared/seeds/000_854d81cc78b58da2.txt):
  一、基本情况 (1.项目内容 2.项目资金投入情况 3.项目绩效目标), 二、绩效评价工作开展情况, 三、综合评价情况及评价结论
  (表1 得分情况), 四、主要经验及做法、存在的问题及原因分析 ((一)(二)), 五、有关建议, the 落款.
- ``full`` (:func:`full_report`): 财预〔2020〕10号 附件3 outline (shared/DOMAIN.md §1.5): 一、基本情况 ((一)项目概况
  with 表1 and the finance charts, (二)项目绩效目标), 二 ((一)目的、对象和范围 (二)原则、指标体系、方法和标准
  (三)工作过程), 三 (表2), 四、绩效评价指标分析 (each indicator's score and reason), 五, 六, 七、其他需要说明的问题,
  the 落款, then the appendices (score sheet, refined targets, team and independence; the problem list, the document
  request list and the survey results when the evaluation holds them).

Every paragraph knows its source (the evaluator's narrative or generated from the data, see
:class:`~wcif_desktop.services.deliverables.content.Content`). To add a section (e.g. business data under
一、基本情况), add a function that appends blocks and call it from :func:`full_report` — both renderings follow.
"""

from __future__ import annotations

from ...domain.document import (
    BodyStart,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Para,
    Signing,
    Table,
    Toc,
    h1,
    h2,
    h3,
    history_keywords,
)
from ...domain.model import ROLES
from ...domain.money import fmt_score
from ...domain.scoring import DEFAULT_GRADE_BANDS
from .common import pts
from .content import Content

TEMPLATES = {"brief": "简版报告", "full": "完整报告"}


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


def report_title(snap, full: bool) -> str:
    """``2021 年呼和浩特市工伤保险基金绩效评价报告``; no year prefix while the evaluation has none."""
    return Content(snap).title("full" if full else "brief")


def _front(doc: Document, c: Content, src=None) -> None:
    from ..report_state import version_text

    ev = c.ev
    lines = [f"{label}：{value}" for label, value in (
        ("报告编号", ev.report_number),
        ("评价对象", f"{ev.region}{ev.fund_name}" if ev.region else ev.fund_name),
        ("委托单位", ev.commissioner),
        ("被评价单位", ev.evaluated_unit),
        ("评价机构", ev.agency),
        ("版　　本", version_text(ev, doc.mark)),
    ) if (value or "").strip()]
    doc.add(Cover(doc.title, lines, c.date()))
    doc.cover_blocks = len(doc.blocks)
    doc.add(Toc("目　录", levels=2), BodyStart(), Para(doc.title, "title"))  # the 目录 lists 一、 and （一）


def _findings(doc: Document, c: Content, n_practice: int) -> None:
    snap = c.snap
    doc.add(h1(n_practice, "主要经验及做法、存在的问题及原因分析"))
    doc.add(h2(1, "主要经验及做法"))
    practices = snap.findings_of("practice")
    for k, f in enumerate(practices, start=1):
        doc.add(h3(k, c.fill(f.title), toc=False))
        doc.extend(c.evaluator_paras(f.body, "finding"))
    doc.add(h2(2, "存在问题及原因分析"))
    problems = snap.findings_of("problem")
    for k, f in enumerate(problems, start=1):
        doc.add(h3(k, c.fill(f.title), toc=False))
        doc.extend(c.evaluator_paras(f.body, "finding"))
        cause = c.fill(f.cause).strip()
        if cause:  # a problem without a cause is listed by the readiness check
            doc.add(Para("原因分析：" + cause, source="evaluator:finding"))
    if not problems and c.sheet.leaves() and all(n.indicator.score is not None for n in c.sheet.leaves()):
        doc.add(Para("评价中未发现需要说明的问题。"))
    doc.add(h1(n_practice + 1, "有关建议"))
    recs = snap.findings_of("recommendation")
    for k, f in enumerate(recs, start=1):
        doc.add(h3(k, c.fill(f.title), toc=False))
        doc.extend(c.evaluator_paras(f.body, "finding"))


def _finance_rows(c: Content) -> list[list[str]]:
    v = c.values
    fs = c.fund
    rows = []
    if fs.income_actual is not None or fs.income_budget is not None:
        rows.append(["基金收入", v["income_budget"], v["income_actual"], v["income_execution_rate"]])
    if fs.expenditure_actual is not None or fs.expenditure_budget is not None:
        rows.append(["基金支出", v["expenditure_budget"], v["expenditure_actual"], v["expenditure_execution_rate"]])
    if fs.current_year_result is not None:
        rows.append(["当年收支结余", "—", v["current_year_result"], "—"])
    if fs.year_end_balance is not None:
        rows.append(["年末滚存结余", "—", v["year_end_balance"], "—"])
    return rows


def finance_figures(snap) -> list[Figure]:
    """Budget vs actual of the evaluated year; the trend when several years are on file (no chart without data)."""
    from ...render.charts import budget_actual_data, trend_data

    year = snap.evaluation.fiscal_year
    out = []
    data = budget_actual_data(snap.finance, year)
    if data:
        out.append(Figure("budget_actual", data, year=year))
    trend = trend_data(snap.finance)
    if len(trend) > 1:
        out.append(Figure("trend", trend))
    return out


def _basic(doc: Document, c: Content, full: bool) -> None:
    doc.add(h1(1, "基本情况"))
    doc.extend(c.paras("basic.intro"))
    if full:
        doc.add(h2(1, "项目概况"))
    lvl = 3  # "1." is the third level of the official numbering (一、 （一） 1. （1）), also directly under 一、
    doc.add(Heading(lvl, "项目内容", "1.", toc=False))
    doc.extend(c.paras("basic.content"))
    business = c.extras.business if full else {}  # issue 18: the fund's business figures (services.business)
    n = 2
    for key, heading in (("background", "项目背景"), ("implementation", "实施情况")):
        if business.get(key):
            doc.add(Heading(lvl, heading, f"{n}.", toc=False))
            for text in business[key]:
                doc.add(Para(text, source="generated", fields=("business",)))
            n += 1
    doc.add(Heading(lvl, "项目资金投入和使用情况" if full else "项目资金投入情况", f"{n}.", toc=False))
    doc.extend(c.paras("basic.funding"))
    for text in business.get("funding", []):
        doc.add(Para(text, source="generated", fields=("business",)))
    if business.get("table"):
        doc.add(Table(["项目", "数值", "单位"], business["table"], [5, 2.5, 1.5],
                      caption=f"{c.ev.fiscal_year} 年度工伤保险业务数据", numeric=(1,)))
    if full and _finance_rows(c):
        doc.add(Table(["项目", "预算数（万元）", "执行数（万元）", "执行率"], _finance_rows(c), [3, 2, 2, 1.6],
                      caption=f"表1　{c.ev.fiscal_year} 年度基金收支情况", numeric=(1, 2, 3)))
    if full:
        doc.extend(finance_figures(c.snap))
        doc.add(h2(2, "项目绩效目标"))
    else:
        doc.add(Heading(lvl, "项目绩效目标", "3.", toc=False))
    doc.extend(c.paras("basic.targets"))


def _process(doc: Document, c: Content, full: bool) -> None:
    doc.add(h1(2, "绩效评价工作开展情况"))
    if full:
        doc.add(h2(1, "绩效评价目的、对象和范围"))
        doc.extend(c.paras("process.purpose"))
        doc.add(h2(2, "绩效评价原则、评价指标体系、评价方法、评价标准"))
        doc.extend(c.paras("process.method"))
        doc.add(h2(3, "绩效评价工作过程"))
    doc.extend(c.paras("process"))
    done = [t if t.endswith("。") else t + "。" for t in c.extras.work_process]
    if full and done and c.narrative("process") is not None:  # the evaluator's words, then what the file records
        doc.add(Para("".join(done), source="generated", fields=("plan_phases", "requests", "interviews")))


def _conclusion(doc: Document, c: Content, full: bool) -> None:
    doc.add(h1(3, "综合评价情况及评价结论"))
    doc.extend(c.paras("conclusion.score"))
    if c.extras.panel_sentence and c.scored:
        doc.add(Para(c.extras.panel_sentence, source="generated", fields=("panel",)))
    doc.extend(c.paras("conclusion.overall"))
    rows = c.dimension_rows()
    doc.add(Table(["一级指标", "分值", "得分", "得分率"], rows, [3, 2, 2, 2],
                  caption=f"{'表2' if full else '表1'}　绩效评价得分情况" + (f"（评级：{c.sheet.grade()}）" if c.scored else ""),
                  numeric=(1, 2, 3), bold_rows=(len(rows) - 1,)))


def _analysis(doc: Document, c: Content, src=None) -> None:
    """四: for every level-3 indicator the 评分标准, 指标值, 实际值 (with its source), the score, the reason for
    a deduction and the working papers / evidence (index codes) it rests on — only what the data states; an
    indicator without a basis is listed by the readiness check instead of getting a sentence here."""
    bases = getattr(src, "bases", None) or {}
    doc.add(h1(4, "绩效评价指标分析"))
    for k, root in enumerate(c.sheet.roots, start=1):
        name = root.indicator.name
        doc.add(h2(k, f"{name}指标分析"))
        doc.extend(c.paras(f"analysis.{name}"))
        for j, node in enumerate((n for n in root.walk() if n.is_leaf), start=1):
            ind = node.indicator
            score = "未评分" if ind.score is None else f"得分 {fmt_score(ind.score)} 分"
            doc.add(h3(j, f"{ind.name}（分值 {fmt_score(ind.weight)} 分，{score}）", toc=False))
            b = bases.get(ind.id)
            if ind.definition.strip():
                doc.add(Para("指标解释：" + c.fill(ind.definition), source="generated", fields=("definition",)))
            if b is not None and b.criterion:
                doc.add(Para("评分标准：" + c.fill(b.criterion), source="generated", fields=("scoring_rule",)))
            if b is not None and b.target:
                doc.add(Para("指标值：" + b.target, source="generated", fields=("target",)))
            if b is not None and b.actual:
                doc.add(Para(f"评价情况（实际值）：{c.fill(b.actual)}" + (f"（来源：{b.source}）" if b.source else ""),
                             source="generated", fields=("actual",)))
            if ind.score is not None and ind.score < ind.weight and (ind.deduction_reason or "").strip():
                doc.add(Para("扣分原因：" + c.fill(ind.deduction_reason).strip(), source="evaluator:deduction_reason"))
            if b is not None and b.papers:
                doc.add(Para("评价依据：" + "、".join(b.papers), source="generated", fields=("supports",)))


def score_sheet_table(c: Content, bases: dict) -> Table:
    """The score sheet in the layout reviewers expect: 一级/二级/三级 (merged), 分值, 指标解释, 评分标准,
    评价情况（实际值）, 得分, 扣分原因; a 合计 row with the grade."""
    rows = []
    for root in c.sheet.roots:
        for mid in root.children or [root]:
            for leaf in (n for n in mid.walk() if n.is_leaf):
                ind = leaf.indicator
                b = bases.get(ind.id)
                lost = ind.score is not None and ind.score < ind.weight
                rows.append([root.indicator.name, mid.indicator.name if mid is not root else "", ind.name,
                             fmt_score(ind.weight), c.fill(ind.definition),
                             c.fill(b.criterion) if b else c.fill(ind.scoring_rule),
                             c.fill(b.actual) if b else "",
                             "未评分" if ind.score is None else fmt_score(ind.score),
                             c.fill(ind.deduction_reason) if lost else ""])
    total = fmt_score(c.sheet.total()) if all(n.indicator.score is not None for n in c.sheet.leaves()) else "未评分"
    rows.append(["合计", "", "", fmt_score(c.sheet.total_weight()), "", "", "", total,
                 f"评级：{c.sheet.grade()}" if total != "未评分" else ""])
    return Table(["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "评价情况（实际值）", "得分",
                  "扣分原因"], rows, [1.2, 1.5, 2.1, 1.7, 2.7, 2.7, 2.7, 1.7, 2.7], numeric=(3, 7), merge=(0, 1),
                 bold_rows=(len(rows) - 1,))


def _feedback(doc: Document, src, n: int) -> int:
    items = getattr(src, "feedback", None) or []
    if not items:
        return n
    doc.add(Heading(1, f"附件{n}：被评价单位意见及采纳情况"))
    doc.add(Table(["序号", "被评价单位意见", "采纳情况", "说明"],
                  [[str(k), f.opinion, f.adoption, f.response] for k, f in enumerate(items, start=1)],
                  [1, 6, 1.6, 5]))
    return n + 1


def _appendices(doc: Document, c: Content, src) -> None:
    doc.add(PageBreak(), Heading(1, "附件1：绩效评价指标体系及评分表"))
    doc.add(score_sheet_table(c, getattr(src, "bases", None) or {}))
    refined = [t for t in c.snap.targets if t.version == "refined"]
    doc.add(Heading(1, "附件2：细化后的绩效目标表"))
    if refined:
        doc.add(Table(["一级", "二级", "指标", "目标值", "实际完成", "完成情况", "偏差原因"],
                      [[t.dimension, t.subdimension, t.name, f"{t.comparator}{t.value}{t.unit}", t.actual, t.completion,
                        t.deviation_reason] for t in refined], [1.2, 1.6, 3, 1.6, 1.8, 1.4, 3], merge=(0, 1)))
    else:
        doc.add(Para("评价组未对绩效目标作进一步细化。"))
    doc.add(Heading(1, "附件3：评价组成员及独立性"))
    if c.snap.team:
        doc.add(Table(["姓名", "角色", "资格", "单位"],
                      [[m.name, ROLES.get(m.role, m.role), m.qualification, m.organisation] for m in c.snap.team],
                      [2, 1.5, 2.5, 4]))
    # no members on file: the readiness check says so (the report lists none rather than a placeholder)
    doc.add(Para("评价组成员与委托方及被评价单位不存在影响独立性的利害关系" +
                 (f"（{c.ev.agency}声明）。" if c.ev.agency else "。")))
    n = 4
    if c.snap.findings_of("problem"):
        from .problem_list import problem_table

        doc.add(Heading(1, f"附件{n}：问题清单"))
        doc.add(problem_table(c.snap, c.values, getattr(src, "problem_details", None),
                              getattr(src, "finding_links", None)))
        n += 1
    x = c.extras
    if x.document_requests:
        doc.add(Heading(1, f"附件{n}：资料清单及提供情况"))
        doc.add(Table(["编号", "类别", "资料名称", "状态", "说明"], x.document_requests, [1.2, 1.8, 4.5, 1.3, 3]))
        n += 1
    if x.survey_rows:
        doc.add(Heading(1, f"附件{n}：问卷调查结果"))
        doc.add(Table(["调查对象", "有效问卷（份）", "满意度", "政策知晓率"], x.survey_rows, [3, 2, 2, 2],
                      numeric=(1, 2, 3)))
        if any(s is not None or a is not None for _g, s, a in x.survey_rates):
            doc.add(Figure("survey", [(g, s, a) for g, s, a in x.survey_rates if s is not None or a is not None]))
        if x.survey_questions:  # each question's own rate (the table above pools the questions of a group)
            doc.add(Table(["调查对象", "问题", "类别", "比率", "95%置信区间", "人数"], x.survey_questions,
                          [1.6, 4.6, 1.7, 1.3, 2.3, 1.4], caption="各题满意度及政策知晓率", numeric=(3, 4, 5)))
        for note in x.survey_notes:
            doc.add(Para(note, source="generated", fields=("survey",)))
        n += 1
    if not doc.mark:  # the 正式稿 records the unit's comments on the 征求意见稿 and how they were taken up
        n = _feedback(doc, src, n)


def report_document(snap, template: str = "brief", extras=None, src=None) -> Document:
    """The report ``template`` (``brief`` | ``full``) of ``snap`` as a document model.

    ``extras`` (:class:`~wcif_desktop.services.deliverables.extras.ReportExtras`) holds what the full report reads
    beyond the snapshot (plan, request list, survey results, panel); ``src``
    (:class:`~wcif_desktop.services.deliverables.sources.Sources`) the problem details and links.

    Raises:
        ReportError: unknown template.
    """
    from ...domain.errors import QT_TRANSLATE_NOOP, ReportError

    if template not in TEMPLATES:
        raise ReportError(QT_TRANSLATE_NOOP("core", "未知的报告模板：{template}（可选：{choices}）"), template=template,
                          choices="、".join(TEMPLATES))
    full = template == "full"
    c = Content(snap, extras, src)
    ev = snap.evaluation
    doc = Document("report-full" if full else "report-brief", c.title(template), author=ev.agency or "",
                   context=dict(c.values, subject=ev.title or ""), mark=getattr(src, "mark", "") or "",
                   keywords=history_keywords(snap.history))
    _front(doc, c, src)
    _basic(doc, c, full)
    _process(doc, c, full)
    _conclusion(doc, c, full)
    if full:
        _analysis(doc, c, src)
        _findings(doc, c, 5)
        doc.add(h1(7, "其他需要说明的问题"))
        doc.extend(c.paras("other"))
        if c.extras.rectification:  # 上年评价发现问题整改情况 (issue 22, services/baseline.py)
            doc.add(Heading(2, c.extras.rectification_title))
            for text in c.extras.rectification:
                doc.add(Para(text, source="generated", fields=("baseline",)))
    else:
        _findings(doc, c, 4)
    doc.add(Signing(ev.agency or "", c.date()))
    if full:
        _appendices(doc, c, src)
    return doc


def brief_report(snap, extras=None, src=None) -> Document:
    """The brief report (简版报告) in the seed's outline."""
    return report_document(snap, "brief", extras, src)


def full_report(snap, extras=None, src=None) -> Document:
    """The full report in the 财预〔2020〕10号 附件3 outline with its appendices."""
    return report_document(snap, "full", extras, src)


__all__ = ["TEMPLATES", "brief_report", "finance_figures", "full_report", "grade_bands_text", "report_document",
           "report_title"]
