"""The two report outlines as stories of flowables.

- ``brief``: the shape of the Hohhot 2021 简版 (shared/seeds/000_854d81cc78b58da2.txt): 一、基本情况 (1.项目内容
  2.项目资金投入情况 3.项目绩效目标), 二、绩效评价工作开展情况, 三、综合评价情况及评价结论, 四、主要经验及做法、
  存在的问题及原因分析 ((一)(二)), 五、有关建议, the agency's name at the end.
- ``full``: 财预〔2020〕10号 附件3 outline (shared/DOMAIN.md §1.5): the brief's sections plus 四、绩效评价指标分析
  (决策/过程/产出/效益 with each indicator's score and reason) and 七、其他需要说明的问题, then appendices
  (score sheet, refined target table, team; document request list and survey results when the evaluation
  holds them, see :mod:`wcif_desktop.report.extras`).
"""

from __future__ import annotations

from ..domain.model import ROLES
from ..domain.money import fmt_score
from .content import Content, cn_number
from .document import Writer
from .flowables import Marker

TEMPLATES = {"brief": "简版报告", "full": "完整报告"}


def _cover_and_toc(w: Writer, c: Content, template: str, pages) -> list:
    st = w.st
    front = Writer(w.fonts, st)
    front.collector, front.where = w.collector, w.where
    front.spacer(150)
    front.para(c.title(template), st.title)
    front.spacer(60)
    ev = c.ev
    lines = [
        ("评价对象", f"{ev.region}{ev.fund_name}" if ev.region else ev.fund_name),
        ("委托单位", ev.commissioner),
        ("被评价单位", ev.evaluated_unit),
        ("评价机构", ev.agency),
    ]
    for label, value in lines:
        if (value or "").strip():
            front.para(f"{label}：{value}", st.subtitle)
    front.spacer(40)
    front.para(c.date(), st.subtitle)
    front.page_break("front")
    front.para("目　录", st.title)
    front.story.extend(w.toc(pages))
    front.page_break("body")
    return front.story


def _numbered(w: Writer, items, *, with_cause: bool, fill) -> None:
    for k, f in enumerate(items, start=1):
        w.heading(f"{k}.{fill(f.title)}", level=w_level(w), toc=False)
        if f.body.strip():
            w.para(fill(f.body))
        if with_cause:
            cause = fill(f.cause).strip()
            w.para("原因分析：" + (cause or "（未填写）"))


def w_level(w: Writer) -> int:
    return getattr(w, "_item_level", 2)


def _findings(w: Writer, c: Content, sec_practice: str, sec_recommend: str) -> None:
    snap = c.snap
    w.heading(sec_practice, 0)
    w.heading("（一）主要经验及做法", 1)
    w._item_level = 2
    practices = snap.findings_of("practice")
    if practices:
        _numbered(w, practices, with_cause=False, fill=c.fill)
    else:
        w.para("（暂无）")
    w.heading("（二）存在问题及原因分析", 1)
    problems = snap.findings_of("problem")
    if problems:
        _numbered(w, problems, with_cause=True, fill=c.fill)
    else:
        w.para("评价中未发现需要说明的问题。")
    w.heading(sec_recommend, 0)
    w._item_level = 1
    recs = snap.findings_of("recommendation")
    if recs:
        _numbered(w, recs, with_cause=False, fill=c.fill)
    else:
        w.para("（暂无）")


def _basic(w: Writer, c: Content, full: bool) -> None:
    w.heading("一、基本情况", 0)
    w.para(c.text("basic.intro"))
    if full:
        w.heading("（一）项目概况", 1)
    lvl = 2 if full else 1
    w.heading("1.项目内容", lvl, toc=False)
    w.para(c.text("basic.content"))
    business = c.extras.business if full else {}  # issue 18: business figures (services.business)
    n = 2
    for key, heading in (("background", "项目背景"), ("implementation", "实施情况")):
        if business.get(key):
            w.heading(f"{n}.{heading}", lvl, toc=False)
            for p in business[key]:
                w.para(p)
            n += 1
    w.heading(f"{n}.项目资金投入和使用情况" if full else "2.项目资金投入情况", lvl, toc=False)
    w.para(c.text("basic.funding"))
    for p in business.get("funding", []):
        w.para(p)
    if full and business.get("table"):
        w.table(["项目", "数值", "单位"], business["table"], [5, 2.5, 1.5], numeric={1},
                caption=f"{c.ev.fiscal_year} 年度工伤保险业务数据")
    if full:
        w.table(["项目", "预算数（万元）", "执行数（万元）", "执行率"], _finance_rows(c), [3, 2, 2, 1.6],
                numeric={1, 2, 3}, caption=f"表1　{c.ev.fiscal_year} 年度基金收支情况")
        from .charts import finance_charts

        for chart in finance_charts(c.snap):  # budget vs actual; the trend when several years are on file
            w.add(chart)
        w.heading("（二）项目绩效目标", 1)
        w.para(c.text("basic.targets"))
    else:
        w.heading("3.项目绩效目标", lvl, toc=False)
        w.para(c.text("basic.targets"))


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
    return rows or [["（未录入收支数据）", "—", "—", "—"]]


def _conclusion(w: Writer, c: Content, full: bool) -> None:
    w.heading("三、综合评价情况及评价结论", 0)
    w.para(c.text("conclusion.score"))
    if c.extras.panel_sentence:
        w.para(c.extras.panel_sentence)
    w.para(c.text("conclusion.overall"))
    n = "表2" if full else "表1"
    w.table(["一级指标", "分值", "得分", "得分率"], c.dimension_rows(), [3, 2, 2, 2], numeric={1, 2, 3},
            caption=f"{n}　绩效评价得分情况（评级：{c.sheet.grade()}）", bold_rows={len(c.dimension_rows()) - 1})


def _analysis(w: Writer, c: Content) -> None:
    w.heading("四、绩效评价指标分析", 0)
    for k, root in enumerate(c.sheet.roots, start=1):
        name = root.indicator.name
        w.heading(f"（{cn_number(k)}）{name}指标分析", 1)
        w.para(c.text(f"analysis.{name}"))
        for j, node in enumerate((n for n in root.walk() if n.is_leaf), start=1):
            ind = node.indicator
            w.heading(f"{j}.{ind.name}（分值 {fmt_score(ind.weight)} 分，得分 {fmt_score(ind.score)} 分）", 2,
                      toc=False)
            if ind.definition.strip():
                w.para("指标解释：" + c.fill(ind.definition))
            if ind.score is None:
                w.para("评价结果：尚未评分。")
            elif ind.score < ind.weight:
                w.para("扣分原因：" + (c.fill(ind.deduction_reason).strip() or "（未填写）"))
            else:
                w.para("评价结果：符合评价要点，得满分。")


def _appendices(w: Writer, c: Content, extras=None) -> None:
    w.page_break()
    w.heading("附件1：绩效评价指标体系及评分表", 0)
    rows, strong = [], set()
    for root in c.sheet.roots:
        for node in root.walk():
            ind = node.indicator
            score = node.score()
            reason = c.fill(ind.deduction_reason) if node.is_leaf else ""
            name = ("　" * (ind.level - 1)) + ind.name
            if ind.level == 1:
                strong.add(len(rows))
            rows.append([ind.code, name, fmt_score(ind.weight), fmt_score(score), reason])
    rows.append(["", "合计", fmt_score(c.sheet.total_weight()), fmt_score(c.sheet.total()), f"评级：{c.sheet.grade()}"])
    w.table(["编码", "指标", "分值", "得分", "扣分原因"], rows, [1.2, 4, 1.2, 1.2, 5], numeric={2, 3},
            bold_rows=strong | {len(rows) - 1})
    refined = [t for t in c.snap.targets if t.version == "refined"]
    w.heading("附件2：细化后的绩效目标表", 0)
    if refined:
        w.table(["一级", "二级", "指标", "目标值", "实际完成", "完成情况", "偏差原因"],
                [[t.dimension, t.subdimension, t.name, f"{t.comparator}{t.value}{t.unit}", t.actual, t.completion,
                  t.deviation_reason] for t in refined], [1.2, 1.6, 3, 1.6, 1.8, 1.4, 3])
    else:
        w.para("（评价组未细化绩效目标）")
    w.heading("附件3：评价组成员及独立性", 0)
    if c.snap.team:
        w.table(["姓名", "角色", "资格", "单位"],
                [[m.name, ROLES.get(m.role, m.role), m.qualification, m.organisation] for m in c.snap.team],
                [2, 1.5, 2.5, 4])
    else:
        w.para("（未录入评价组成员）")
    w.para(f"评价组成员与委托方及被评价单位不存在影响独立性的利害关系（{c.ev.agency or '评价机构'}声明）。")
    n = 4
    if extras is not None and extras.document_requests:
        w.heading(f"附件{n}：资料清单及提供情况", 0)
        w.table(["编号", "类别", "资料名称", "状态", "说明"], extras.document_requests, [1.2, 1.8, 4.5, 1.3, 3])
        n += 1
    if extras is not None and extras.survey_rows:
        w.heading(f"附件{n}：问卷调查结果", 0)
        w.table(["调查对象", "有效问卷（份）", "满意度", "政策知晓率"], extras.survey_rows, [3, 2, 2, 2],
                numeric={1, 2, 3})
        if any(s is not None or a is not None for _g, s, a in extras.survey_rates):
            from .charts import survey_chart

            w.add(survey_chart(extras.survey_rates))
        for note in extras.survey_notes:
            w.para(note)


def compose(c: Content, template: str, fonts, pages, extras=None) -> Writer:
    """A fresh :class:`Writer` holding the whole story for ``template`` (brief | full)."""
    full = template == "full"
    w = Writer(fonts)
    w.add(Marker("body"))
    w.para(c.title(template), w.st.title)
    _basic(w, c, full)
    w.heading("二、绩效评价工作开展情况", 0)
    if full:
        w.heading("（一）绩效评价目的、对象和范围", 1)
        w.para(c.text("process.purpose"))
        w.heading("（二）绩效评价原则、评价指标体系、评价方法、评价标准", 1)
        w.para(c.text("process.method"))
        w.heading("（三）绩效评价工作过程", 1)
    w.para(c.text("process"))
    _conclusion(w, c, full)
    if full:
        _analysis(w, c)
        _findings(w, c, "五、主要经验及做法、存在的问题及原因分析", "六、有关建议")
        w.heading("七、其他需要说明的问题", 0)
        w.para(c.text("other"))
    else:
        _findings(w, c, "四、主要经验及做法、存在的问题及原因分析", "五、有关建议")
    w.add(Marker("signoff"))
    w.para(c.ev.agency or "", w.st.signoff)
    w.para(c.date(), w.st.signoff.with_(space_before=0))
    if full:
        _appendices(w, c, extras)
    body = w.story
    w.story = _cover_and_toc(w, c, template, pages) + body
    return w


__all__ = ["TEMPLATES", "compose"]
