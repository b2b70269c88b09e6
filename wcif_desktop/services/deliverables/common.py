"""Pieces shared by the document builders: dates, field values, score tables, findings.

All text comes from the evaluation snapshot; ``{{field}}`` placeholders in narratives, deduction reasons and
findings are filled with :func:`wcif_desktop.domain.fields.fill`, exactly as the PDF report does.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ...domain.document import Block, Para, Table, h3, paras
from ...domain.fields import field_values, fill
from ...domain.model import EvaluationSnapshot, Finding
from ...domain.money import fmt_pct, fmt_score, fmt_wan, round2
from ...domain.scoring import ScoreSheet, sheet_for


def cn_date(iso: str) -> str:
    """``2022-06-30`` → ``2022年6月30日``; text that is not an ISO date is returned unchanged ('' stays '')."""
    try:
        d = _dt.date.fromisoformat((iso or "").strip())
    except ValueError:
        return iso or ""
    return f"{d.year}年{d.month}月{d.day}日"


def year_label(ev) -> str:
    """``2021年度`` for the evaluation's fiscal year; empty while a new evaluation has none (never ``0年度``)."""
    return f"{ev.fiscal_year}年度" if ev.fiscal_year else ""


def today_iso() -> str:
    return _dt.date.today().isoformat()


def document_date(src, kind: str) -> str:
    """The ISO date a deliverable carries, from the plan's phases so the documents agree with each other
    (work plan before the letter before the report), never the day they are printed unless the plan holds no
    dates at all:

    - ``work-plan``: the start of the first phase;
    - ``letter`` / ``request-list``: the start of the field phase (名称含 现场 / 调研 / 实施), else the end of the
      first phase, else the earliest request date;
    - ``report`` / ``summary``: the evaluation's 报告日期, else the end of the last phase.
    """
    phases = sorted(getattr(src, "phases", None) or [], key=lambda p: (p.start_date or p.end_date or "", p.sort_order))
    ev = src.snap.evaluation
    if kind == "work-plan":
        iso = next((p.start_date or p.end_date for p in phases if p.start_date or p.end_date), "")
    elif kind in ("letter", "request-list"):
        field = next((p for p in phases if any(w in p.name for w in ("现场", "调研", "实施")) and p.start_date), None)
        iso = field.start_date if field is not None else (phases[0].end_date or phases[0].start_date if phases else "")
        if not iso:
            iso = min((r.requested_on for r in getattr(src, "requests", []) if r.requested_on), default="")
    else:
        iso = ev.report_date or max((p.end_date or p.start_date for p in phases if p.end_date or p.start_date),
                                    default="")
    return iso or today_iso()


def values(snap: EvaluationSnapshot) -> dict[str, str]:
    """The data fields (:func:`field_values`) plus ``report_date`` (Chinese form) and ``title``."""
    v = dict(field_values(snap))
    ev = snap.evaluation
    v.setdefault("title", ev.title)
    v.setdefault("report_date", cn_date(ev.report_date))
    return v


def narrative(snap: EvaluationSnapshot, section: str, vals: dict[str, str], default: str = "") -> str:
    """The evaluator's narrative of ``section`` with placeholders filled; ``default`` when empty."""
    text = (snap.narratives.get(section) or "").strip()
    return fill(text, vals) if text else fill(default, vals)


def sheet_of(snap: EvaluationSnapshot) -> ScoreSheet:
    return sheet_for(snap)


def indicator_counts(sheet: ScoreSheet) -> dict[int, int]:
    """Number of level-1, level-2 and level-3 indicators in the framework (by tree depth)."""
    counts = {1: 0, 2: 0, 3: 0}

    def walk(node, depth):
        counts[min(depth, 3)] = counts.get(min(depth, 3), 0) + 1
        for c in node.children:
            walk(c, depth + 1)

    for r in sheet.roots:
        walk(r, 1)
    return counts


def pts(value: Decimal | None) -> str:
    """Points in running text: ``100`` for whole numbers, else two decimals (``3.83``); ``—`` when unscored."""
    if value is None:
        return "—"
    q = round2(value)
    return f"{q:.0f}" if q == q.to_integral_value() else f"{q:.2f}"


def rate(score: Decimal | None, weight: Decimal) -> str:
    """得分率 in % (two decimals), ``—`` without a score or weight."""
    if score is None or not weight:
        return "—"
    return fmt_pct(round2(score / weight * 100))


def dimension_table(sheet: ScoreSheet, caption: str = "") -> Table:
    """Level-1 summary: 一级指标 | 分值 | 得分 | 得分率, with a 合计 row."""
    rows = [[name, fmt_score(w), fmt_score(s), rate(s, w)] for name, w, s in sheet.dimension_scores()]
    rows.append(["合计", fmt_score(sheet.total_weight()), fmt_score(sheet.total()),
                 rate(sheet.total(), sheet.total_weight())])
    return Table(["一级指标", "分值", "得分", "得分率"], rows, widths=[4, 2, 2, 2], caption=caption,
                 numeric=(1, 2, 3))


def _leaf_rows(sheet: ScoreSheet):
    """(level-1 name, level-2 name, level-3 indicator) for every leaf, in framework order."""
    for r in sheet.roots:
        for l2 in r.children or [r]:
            for leaf in (n for n in l2.walk() if n.is_leaf):
                yield r.indicator.name, ("" if l2 is r else l2.indicator.name), leaf.indicator


def score_table(sheet: ScoreSheet, vals: dict[str, str], caption: str = "绩效评价评分表") -> Table:
    """Every level-3 indicator: 一级 | 二级 | 三级 | 分值 | 得分 | 扣分原因, then 合计 with the grade."""
    rows = [[l1, l2, ind.name, fmt_score(ind.weight), fmt_score(ind.score), fill(ind.deduction_reason, vals)]
            for l1, l2, ind in _leaf_rows(sheet)]
    rows.append(["合计", "", "", fmt_score(sheet.total_weight()), fmt_score(sheet.total()), f"评级：{sheet.grade()}"])
    return Table(["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"], rows,
                 widths=[2, 3, 4, 1.6, 1.6, 7], caption=caption, numeric=(3, 4), merge=(0, 1))


def framework_table(sheet: ScoreSheet, vals: dict[str, str], caption: str = "绩效评价指标体系及评分标准") -> Table:
    """Every level-3 indicator with its 指标解释 and 评分标准 (the work plan's annex): no scores."""
    rows = [[l1, l2, ind.name, fmt_score(ind.weight), fill(ind.definition, vals), fill(ind.scoring_rule, vals)]
            for l1, l2, ind in _leaf_rows(sheet)]
    rows.append(["合计", "", "", fmt_score(sheet.total_weight()), "", ""])
    return Table(["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准"], rows,
                 widths=[2, 3, 4, 1.6, 6, 5], caption=caption, numeric=(3,), merge=(0, 1))


def finance_table(snap: EvaluationSnapshot, caption: str = "基金收支情况表（单位：万元）") -> Table:
    """The fund statement lines of the evaluation year: 项目 | 预算数 | 调整后预算数 | 实际数 | 执行率."""
    from ...domain.finance import execution_rate

    year = snap.evaluation.fiscal_year
    rows = []
    for line in (f for f in snap.finance if f.fiscal_year == year):
        budget = line.adjusted_budget if line.adjusted_budget is not None else line.budget
        rows.append([line.name,
                     "—" if line.budget is None else fmt_wan(line.budget),
                     "—" if line.adjusted_budget is None else fmt_wan(line.adjusted_budget),
                     "—" if line.actual is None else fmt_wan(line.actual),
                     fmt_pct(execution_rate(line.actual, budget))])
    return Table(["项目", "预算数", "调整后预算数", "实际数", "执行率"], rows, widths=[4, 2.5, 2.5, 2.5, 2],
                 caption=caption, numeric=(1, 2, 3, 4))


def targets_table(snap: EvaluationSnapshot, version: str, caption: str) -> Table | None:
    """The target table of one version (``declared`` | ``refined``), ``None`` when it has no rows."""
    rows = [[getattr(t, "level1_label", "") or t.dimension, getattr(t, "level2_label", "") or t.subdimension, t.name,
             (getattr(t, "target_text", "") or f"{t.comparator}{t.value}{t.unit}").strip(), t.standard,
             t.actual, t.completion]
            for t in snap.targets if t.version == version]
    if not rows:
        return None
    return Table(["一级指标", "二级指标", "三级指标", "指标值", "评价标准", "实际完成值", "完成情况"], rows,
                 widths=[2, 2.4, 4.5, 2.2, 2.2, 2.6, 1.8], caption=caption, merge=(0, 1))


def findings_blocks(snap: EvaluationSnapshot, kind: str, vals: dict[str, str], *, with_cause: bool = True
                    ) -> list[Block]:
    """``1.title`` + body paragraphs (+ ``原因分析：…`` for problems) for every finding of ``kind``."""
    out: list[Block] = []
    for i, f in enumerate(snap.findings_of(kind), start=1):
        out.append(h3(i, fill(f.title, vals)))
        out.extend(paras(fill(f.body, vals)))
        if with_cause and kind == "problem" and f.cause.strip():
            out.append(Para("原因分析：" + fill(f.cause, vals)))
    return out


def answered_by(snap: EvaluationSnapshot, problem: Finding) -> list[Finding]:
    """Recommendations whose ``answers`` name ``problem``."""
    return [r for r in snap.findings_of("recommendation")
            if problem.id in [a.strip() for a in (r.answers or "").split(",") if a.strip()]]


def team_table(snap: EvaluationSnapshot, caption: str = "") -> Table:
    from ...domain.model import ROLES

    rows = [[m.name, ROLES.get(m.role, m.role), m.qualification, m.organisation, m.contact] for m in snap.team]
    return Table(["姓名", "职责", "资格/职称", "单位", "联系方式"], rows, widths=[2, 1.6, 3, 5, 3], caption=caption)
