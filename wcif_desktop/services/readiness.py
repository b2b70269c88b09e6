"""Readiness check before the report is generated: what is missing or inconsistent, in plain Chinese.

Severity ``错误`` (should be fixed before the final report) or ``提示`` (worth a look). Checks:

- findings: a problem without cause analysis (原因分析); a problem no recommendation answers; a
  recommendation that answers no (live) problem (财预〔2020〕10号 附件3: problems with causes, then
  recommendations addressing them);
- scoring: unscored level-3 indicators and the framework's own checks (:meth:`ScoreSheet.problems`);
- narrative text with ``{{field}}`` placeholders that name no field;
- facts the cover needs (评价机构, 报告日期);
- merge conflicts still open (an error: the final signature is refused while any is open).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import QT_TRANSLATE_NOOP, Message
from ..domain.model import EvaluationSnapshot

ERROR, HINT = "错误", "提示"


@dataclass(frozen=True)
class ReadinessItem:
    severity: str  # 错误 | 提示
    kind: str  # finding | scoring | narrative | facts | merge
    message: str  # a Message (wcif_desktop.domain.errors): Chinese, translatable in the UI
    record_id: str = ""


def finding_issues(snap: EvaluationSnapshot) -> list[ReadinessItem]:
    """The findings part of :func:`check_readiness` (items of kind ``finding``): a recommendation answering no
    live problem, a problem without cause analysis or without a recommendation."""
    out: list[ReadinessItem] = []
    problems = snap.findings_of("problem")
    recs = snap.findings_of("recommendation")
    problem_ids = {p.id for p in problems}
    answered: set[str] = set()
    for r in recs:
        targets = {a.strip() for a in (r.answers or "").split(",") if a.strip()}
        live = targets & problem_ids
        answered |= live
        if not live:
            msg = (Message(QT_TRANSLATE_NOOP("core", "建议“{name}”未对应任何存在的问题"), name=r.title) if r.title
                   else Message(QT_TRANSLATE_NOOP("core", "建议“（无标题）”未对应任何存在的问题")))
            out.append(ReadinessItem(ERROR, "finding", msg, r.id))
    for p in problems:
        name = p.title
        if not (p.cause or "").strip():
            msg = (Message(QT_TRANSLATE_NOOP("core", "问题“{name}”未填写原因分析"), name=name) if name
                   else Message(QT_TRANSLATE_NOOP("core", "问题“（无标题）”未填写原因分析")))
            out.append(ReadinessItem(ERROR, "finding", msg, p.id))
        if p.id not in answered:
            msg = (Message(QT_TRANSLATE_NOOP("core", "问题“{name}”没有对应的建议"), name=name) if name
                   else Message(QT_TRANSLATE_NOOP("core", "问题“（无标题）”没有对应的建议")))
            out.append(ReadinessItem(ERROR, "finding", msg, p.id))
    return out


def check_readiness(snap: EvaluationSnapshot) -> list[ReadinessItem]:
    """Everything that keeps the report from being complete (empty list when ready)."""
    # imported here: the step list's findings state needs only finding_issues, when a file opens (start-up time)
    from ..domain.fields import field_values, unknown_fields
    from ..domain.scoring import sheet_for

    out = finding_issues(snap)
    sheet = sheet_for(snap)
    unscored = [n.indicator for n in sheet.leaves() if n.indicator.score is None]
    if unscored:
        names = "、".join(i.name for i in unscored[:5])
        msg = (Message(QT_TRANSLATE_NOOP("core", "{count} 项三级指标尚未评分：{names}等"), count=len(unscored), names=names)
               if len(unscored) > 5 else
               Message(QT_TRANSLATE_NOOP("core", "{count} 项三级指标尚未评分：{names}"), count=len(unscored), names=names))
        out.append(ReadinessItem(ERROR, "scoring", msg))
    for msg in sheet.problems():
        out.append(ReadinessItem(HINT if msg.startswith("提示") else ERROR, "scoring", msg))
    values = field_values(snap)
    for k, text in snap.narratives.items():
        bad = unknown_fields(text, values)
        if bad:
            out.append(ReadinessItem(ERROR, "narrative", Message(
                QT_TRANSLATE_NOOP("core", "报告段落“{section}”中有未知字段：{fields}"), section=k, fields="、".join(bad))))
    for f in snap.findings:
        bad = unknown_fields(f"{f.title}{f.body}{f.cause}", values)
        if bad:
            out.append(ReadinessItem(ERROR, "narrative", Message(
                QT_TRANSLATE_NOOP("core", "“{name}”中有未知字段：{fields}"), name=f.title, fields="、".join(bad))))
    for label in snap.open_conflicts:
        out.append(ReadinessItem(ERROR, "merge", Message(
            QT_TRANSLATE_NOOP("core", "合并冲突未解决：{name}（解决前不能最终签署）"), name=label)))
    ev = snap.evaluation
    if not snap.team:
        out.append(ReadinessItem(ERROR, "facts", Message(QT_TRANSLATE_NOOP("core", "未录入评价组成员（报告附件“评价组成员及独立性”需要）"))))
    if not ev.agency.strip():
        out.append(ReadinessItem(ERROR, "facts", Message(QT_TRANSLATE_NOOP("core", "未填写评价机构（封面和落款需要）"))))
    if not ev.report_date.strip():
        out.append(ReadinessItem(HINT, "facts", Message(QT_TRANSLATE_NOOP("core", "未填写报告日期，将使用生成当天的日期"))))
    return out


__all__ = ["ReadinessItem", "check_readiness", "finding_issues", "ERROR", "HINT"]
