"""Problem list (问题清单): every problem with its category, the indicators it touches and its
recommendations, and the check that it agrees with the report's problem section and the indicator analysis.

Which indicators a problem touches comes from its links (``finding_link``, set on the findings page or with
:func:`set_problem_detail`; an older :class:`~wcif_desktop.domain.docrecords.ProblemDetail` ``indicator_ids``
is read as well). Without any, indicators are *suggested* by text overlap (shared two-character
sequences) between the problem (title, body, cause) and each deducted indicator (name, deduction reason); the
list marks them ``（自动匹配）`` so the evaluator confirms them. The category defaults to the level-1
dimension(s) (决策/过程/产出/效益) of the touched indicators.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ...domain.docrecords import ProblemDetail
from ...domain.document import DocOutline, Para, Table
from ...domain.fields import fill
from ...domain.model import EvaluationSnapshot, Finding, Indicator
from ...domain.scoring import sheet_for
from ...store.db import EvaluationFile
from .common import answered_by, values, year_label

MIN_RATIO = 0.15  # share of an indicator's two-character sequences found in the problem text
_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】—…·,.;:?!()[]{}<>\"' \n\t0123456789%")
# Two-character sequences every finding of this fund shares; they say nothing about which indicator is meant.
_STOP = {"工伤", "伤保", "保险", "险基", "基金", "项目", "年度", "有待", "万元", "进一", "一步", "相关", "工作", "情况"}


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if c not in _PUNCT]
    return {a + b for a, b in zip(chars, chars[1:])} - _STOP


@dataclass
class ProblemRow:
    finding: Finding
    category: str
    indicators: list[Indicator]
    auto: bool  # indicators suggested by text overlap, not set by the evaluator
    recommendations: list[Finding]
    basis: str = ""
    evidence: str = ""
    papers: list[str] = field(default_factory=list)  # linked working papers (labels)
    evidence_files: list[str] = field(default_factory=list)  # linked evidence (labels)


@dataclass
class ProblemCheck:
    rows: list[ProblemRow] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # disagreements, empty when consistent

    @property
    def ok(self) -> bool:
        return not self.messages


def _dimension_of(ind: Indicator, by_id: dict[str, Indicator]) -> str:
    cur = ind
    while cur.parent_id and cur.parent_id in by_id:
        cur = by_id[cur.parent_id]
    return cur.name


def suggest_links(snap: EvaluationSnapshot, vals: dict[str, str] | None = None) -> dict[str, list[Indicator]]:
    """Problem id → deducted level-3 indicators it most likely touches.

    Each deducted indicator goes to the one problem whose text (title, body, cause) holds the largest share of
    the indicator's two-character sequences (name + deduction reason, common fund words left out), if that
    share is at least :data:`MIN_RATIO`. A suggestion only: the evaluator confirms it in the problem details.
    """
    vals = vals if vals is not None else values(snap)
    problems = snap.findings_of("problem")
    texts = {f.id: _bigrams(fill(f.title + f.body + f.cause, vals)) for f in problems}
    out: dict[str, list[Indicator]] = {f.id: [] for f in problems}
    for leaf in sheet_for(snap).leaves():
        ind = leaf.indicator
        if ind.score is None or ind.score >= ind.weight:
            continue
        grams = _bigrams(ind.name + fill(ind.deduction_reason, vals))
        if not grams or not problems:
            continue
        best = max(problems, key=lambda f: len(texts[f.id] & grams))
        if len(texts[best.id] & grams) / len(grams) >= MIN_RATIO:
            out[best.id].append(ind)
    return out


def check_problems(snap: EvaluationSnapshot, details: dict[str, ProblemDetail] | None = None,
                   links: dict | None = None) -> ProblemCheck:
    """Build the problem list rows and check them.

    Messages (each names the problem or indicator):
    - a problem with no recommendation answering it (有关建议 must answer every 存在问题);
    - a problem that touches no indicator;
    - a problem that touches an indicator scored at full marks (the indicator analysis shows no deduction);
    - an indicator with a deduction that no problem touches (the analysis and the problem section disagree);
    - a recommendation that answers no problem.
    """
    details = details or {}
    links = links or {}
    vals = values(snap)
    by_id = {i.id: i for i in snap.indicators}
    result = ProblemCheck()
    touched: set[str] = set()
    suggested = suggest_links(snap, vals)
    for f in snap.findings_of("problem"):
        d = details.get(f.id)
        mine = links.get(f.id, [])
        chosen = [by_id[i.target_id] for i in mine if i.kind == "indicator" and not i.derived
                  and i.target_id in by_id]
        if not chosen and d is not None:
            try:
                chosen = [by_id[i] for i in json.loads(d.indicator_ids or "[]") if i in by_id]
            except json.JSONDecodeError:
                chosen = []
        auto = not chosen
        inds = chosen or suggested.get(f.id, [])
        dims = []
        for ind in inds:
            dim = _dimension_of(ind, by_id)
            if dim not in dims:
                dims.append(dim)
        category = (d.category.strip() if d and d.category.strip() else "、".join(dims)) or "未分类"
        recs = answered_by(snap, f)
        result.rows.append(ProblemRow(f, category, inds, auto and bool(inds), recs,
                                      basis=d.basis if d else "", evidence=d.evidence if d else "",
                                      papers=[i.label for i in mine if i.kind == "working_paper"],
                                      evidence_files=[i.label for i in mine if i.kind == "evidence"]))
        title = fill(f.title, vals)
        if not recs:
            result.messages.append(f"问题“{title}”没有对应的建议")
        if not inds:
            result.messages.append(f"问题“{title}”未关联任何指标，也未能自动匹配到扣分指标")
        for ind in inds:
            touched.add(ind.id)
            if ind.score is not None and ind.score >= ind.weight:
                result.messages.append(f"问题“{title}”涉及的指标“{ind.name}”得满分，与指标分析不一致")
    sheet = sheet_for(snap)
    for leaf in sheet.leaves():
        ind = leaf.indicator
        if ind.score is not None and ind.score < ind.weight and ind.id not in touched:
            result.messages.append(f"指标“{ind.name}”扣分（{ind.weight - ind.score}分），但问题清单中没有对应问题")
    problem_ids = {f.id for f in snap.findings_of("problem")}
    for r in snap.findings_of("recommendation"):
        answers = [a.strip() for a in (r.answers or "").split(",") if a.strip()]
        if not any(a in problem_ids for a in answers):
            result.messages.append(f"建议“{fill(r.title, vals)}”未对应任何问题")
    return result


def problem_table(snap: EvaluationSnapshot, vals: dict[str, str] | None = None,
                  details: dict[str, ProblemDetail] | None = None, links: dict | None = None) -> Table:
    """序号 | 问题 | 类别 | 涉及指标 | 原因 | 建议."""
    vals = vals if vals is not None else values(snap)
    chk = check_problems(snap, details, links)
    rows = []
    for i, r in enumerate(chk.rows, start=1):
        inds = "、".join(ind.name for ind in r.indicators)  # an automatic match is confirmed in the app, not here
        recs = "\n".join(fill(x.title, vals) for x in r.recommendations)
        rows.append([str(i), fill(r.finding.title, vals), r.category, inds or "—", fill(r.finding.cause, vals),
                     recs or "—"])
    return Table(["序号", "问题", "类别", "涉及指标", "原因分析", "建议"], rows, widths=[1, 4, 2, 4, 6, 4.5])


def problem_list(snap: EvaluationSnapshot, details: dict[str, ProblemDetail] | None = None,
                 links: dict | None = None) -> DocOutline:
    """问题清单 annex: the problem table and each problem's basis, evidence and working papers. Disagreements found
    by :func:`check_problems` go to the readiness list (services/report_state.py), never into the document."""
    vals = values(snap)
    ev = snap.evaluation
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价问题清单"
    out = DocOutline("problem-list", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))
    chk = check_problems(snap, details, links)
    out.add(problem_table(snap, vals, details, links))
    for i, r in enumerate(chk.rows, start=1):
        if r.basis or r.evidence or r.papers or r.evidence_files:
            out.add(Para(f"问题{i}：{fill(r.finding.title, vals)}", "plain", bold=True))
            if r.basis:
                out.add(Para(f"依据：{r.basis}"))
            if r.evidence:
                out.add(Para(f"证明材料：{r.evidence}"))
            if r.papers:
                out.add(Para(f"工作底稿：{'、'.join(r.papers)}"))
            if r.evidence_files:
                out.add(Para(f"证据文件：{'、'.join(r.evidence_files)}"))
    # the consistency check (check_problems().messages) is the app's readiness list, not part of the deliverable
    return out


def set_problem_detail(ef: EvaluationFile, finding_id: str, *, category: str | None = None, indicator_ids=None,
                       basis: str | None = None, evidence: str | None = None, library_id: str | None = None):
    """Set a problem's category, basis and evidence (created on first use) and the indicators it touches (list
    of indicator ids, kept as the problem's ``finding_link`` rows, the same links the findings page edits).
    Returns the :class:`~wcif_desktop.services.evaluation.Changes`.

    Raises:
        ValidationError: the finding is not a problem, or an indicator id does not exist.
    """
    from ...domain.errors import QT_TRANSLATE_NOOP, ValidationError
    from .. import evaluation as svc
    from ..evaluation import Changes

    f = ef.get(Finding, finding_id)
    if f.kind != "problem":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{title}”不是存在问题，不能设置问题清单信息"), title=f.title)
    fields = {k: v for k, v in dict(category=category, basis=basis, evidence=evidence,
                                    library_id=library_id).items() if v is not None}
    changes = Changes()
    if indicator_ids is not None:
        from .. import finding_links as links_svc

        wanted = list(dict.fromkeys(indicator_ids))
        for i in wanted:
            if not ef.rows("indicator", "id = ?", [i]):
                raise ValidationError(QT_TRANSLATE_NOOP("core", "关联的指标不存在：{indicator_id}"), indicator_id=i)
        with ef.transaction():
            for lk in links_svc.links(ef, finding_id, derived=False):
                if lk.kind == "indicator" and lk.target_id not in wanted:
                    changes.tables.update(links_svc.unlink(ef, lk.link_id).tables)
            for i in wanted:
                changes.tables.update(links_svc.link(ef, finding_id, "indicator", i)[1].tables)
    if not fields:
        return changes
    rows = ef.rows(ProblemDetail.table, "finding_id = ?", [finding_id])
    if rows:
        changes.tables.update(svc.update_record(ef, ProblemDetail, rows[0]["id"], **fields).tables)
    else:
        changes.tables.update(svc.add_record(ef, ProblemDetail(finding_id=finding_id, **fields)).tables)
    return changes


__all__ = [
    "ProblemCheck",
    "ProblemRow",
    "check_problems",
    "problem_list",
    "problem_table",
    "set_problem_detail",
    "suggest_links",
]
