"""Everything the document builders read from one evaluation file, loaded in one go.

Besides the :class:`~wcif_desktop.domain.model.EvaluationSnapshot` it holds the plan, basis documents,
schedule, request list, working papers and evidence (tables of the review area, ``m0020_review``), survey
questionnaires (``m0040_surveys``) and the site schedule, research answers and problem details of this area
(``m0070_documents``), and the links of each problem to indicators, working papers and evidence
(``finding_link``, services/finding_links.py). A table an older file lacks reads as empty.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.docrecords import GeneratedDocument, ProblemDetail, ReportFeedback, ResearchAnswer, SiteVisit
from ...domain.errors import QT_TRANSLATE_NOOP, WcifError
from ...domain.fields import fill
from ...domain.model import EvaluationSnapshot, Record
from ...domain.review import DocumentRequest, EvaluationPlan, Evidence, PlanBasis, PlanPhase, WorkingPaper
from ...paths import resource
from ...store.db import EvaluationFile
from ..evaluation import load_snapshot
from .extras import ReportExtras, load_extras

OUTLINE_TEMPLATE = "research_outline.toml"


@dataclass
class Questionnaire:
    title: str
    group: str
    questions: list[tuple[str, list[str]]]  # (question text, option labels)


@dataclass
class Sources:
    snap: EvaluationSnapshot
    plan: EvaluationPlan | None = None
    basis: list[PlanBasis] = field(default_factory=list)
    phases: list[PlanPhase] = field(default_factory=list)
    requests: list[DocumentRequest] = field(default_factory=list)
    papers: list[WorkingPaper] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    visits: list[SiteVisit] = field(default_factory=list)
    answers: list[ResearchAnswer] = field(default_factory=list)
    problem_details: dict[str, ProblemDetail] = field(default_factory=dict)
    generated: list[GeneratedDocument] = field(default_factory=list)
    questionnaires: list[Questionnaire] = field(default_factory=list)
    finding_links: dict = field(default_factory=dict)  # finding id → [LinkInfo] (services/finding_links.py)
    path: Path | None = None
    extras: ReportExtras | None = None  # the full report's plan, request, survey and panel data
    interviews: int = 0
    survey_responses: int = 0
    metrics: dict = field(default_factory=dict)  # services/metrics.py compute_metrics
    bases: dict = field(default_factory=dict)  # indicator id → services/report_state.py IndicatorBasis
    feedback: list[ReportFeedback] = field(default_factory=list)  # the evaluated unit's comments (正式稿)
    interview_dates: list[str] = field(default_factory=list)
    mark: str = ""  # the draft mark the reports carry (services/report_state.py draft_mark)
    readiness: list = field(default_factory=list)  # report_state.report_readiness
    # readiness_supports.check_supports: what the statements rest on (None: not checked, e.g. Sources built by hand)
    supports: list | None = None
    confirmed_overlaps: set = field(default_factory=set)  # facts confirmed not deducted twice

    def member_names(self, ids_json: str) -> list[str]:
        names = {m.id: m.name for m in self.snap.team}
        return [names.get(i, i) for i in json_ids(ids_json)]


def json_ids(text: str) -> list[str]:
    """A JSON list of ids stored as text (``''`` → ``[]``); malformed text reads as empty."""
    try:
        v = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [str(x) for x in v] if isinstance(v, list) else []


def _records(ef: EvaluationFile, cls: type[Record]) -> list:
    if not ef.has_table(cls.table):
        return []
    recs = ef.records(cls)
    if recs and hasattr(recs[0], "sort_order"):
        recs.sort(key=lambda r: r.sort_order)
    return recs


def _questionnaires(ef: EvaluationFile) -> list[Questionnaire]:
    if not ef.has_table("survey"):
        return []
    out = []
    for s in sorted(ef.rows("survey"), key=lambda r: r.get("sort_order") or 0):
        qs = []
        for q in sorted(ef.rows("survey_question", "survey_id = ?", [s["id"]]), key=lambda r: r.get("sort_order") or 0):
            opts = sorted(ef.rows("survey_option", "question_id = ?", [q["id"]]),
                          key=lambda r: r.get("sort_order") or 0)
            qs.append((q.get("text") or "", [o.get("label") or "" for o in opts]))
        out.append(Questionnaire(s.get("title") or "", s.get("respondent_group") or "", qs))
    return out


def _finding_links(ef: EvaluationFile, snap: EvaluationSnapshot) -> dict:
    from .. import finding_links as links_svc

    if not links_svc.available(ef):
        return {}
    return {f.id: links_svc.links(ef, f.id, derived=True) for f in snap.findings if f.kind == "problem"}


def _count(ef: EvaluationFile, table: str, where: str | None = None) -> int:
    return len(ef.rows(table, where)) if ef.has_table(table) else 0


def load_sources(ef: EvaluationFile) -> Sources:
    """Read what the documents need from ``ef`` (see module doc). Errors of the services propagate."""
    from .. import report_state
    from ..metrics import compute_metrics

    plans = _records(ef, EvaluationPlan)
    snap = load_snapshot(ef)
    details = {d.finding_id: d for d in _records(ef, ProblemDetail)}
    metrics = compute_metrics(ef)
    src = Sources(
        snap=snap,
        plan=plans[0] if plans else None,
        basis=_records(ef, PlanBasis),
        phases=_records(ef, PlanPhase),
        requests=sorted(_records(ef, DocumentRequest), key=lambda r: (r.sort_order, r.code)),
        papers=_records(ef, WorkingPaper),
        evidence=_records(ef, Evidence),
        visits=_records(ef, SiteVisit),
        answers=_records(ef, ResearchAnswer),
        problem_details=details,
        generated=_records(ef, GeneratedDocument),
        questionnaires=_questionnaires(ef),
        finding_links=_finding_links(ef, snap),
        path=ef.path,
        extras=load_extras(ef),
        interviews=_count(ef, "interview"),
        survey_responses=_count(ef, "survey_response", "excluded = 0 OR excluded IS NULL"),
        metrics=metrics,
        bases=report_state.indicator_bases(snap, metrics, report_state.support_codes(ef)),
        feedback=_records(ef, ReportFeedback),
        interview_dates=sorted((r.get("held_at") or "")[:10] for r in (
            ef.rows("interview") if ef.has_table("interview") else [])),
    )
    from ..readiness_supports import check_supports

    src.supports = check_supports(ef)
    src.confirmed_overlaps = report_state.confirmed_overlaps(ef)
    src.readiness = report_state.report_readiness(src)
    src.mark = report_state.draft_mark(snap.evaluation, src.readiness)
    return src


def outline_topics(vals: dict[str, str] | None = None, path=None) -> list[dict]:
    """The research-outline topics ``[{"key", "title", "questions": [str]}]`` from
    ``resources/templates/research_outline.toml`` (or ``path``), placeholders filled with ``vals``.

    Raises:
        WcifError: unreadable or malformed file, naming it and the problem.
    """
    p = Path(path) if path else resource("templates", OUTLINE_TEMPLATE)
    try:
        with open(p, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取调研提纲模板 {path}：{reason}"), path=p, reason=e) from e
    topics = data.get("topic")
    if not isinstance(topics, list) or not topics:
        raise WcifError(QT_TRANSLATE_NOOP("core", "调研提纲模板 {path} 没有主题（[[topic]]）"), path=p)
    seen = set()
    out = []
    for i, t in enumerate(topics, start=1):
        key, title, qs = t.get("key"), t.get("title"), t.get("questions")
        if not key or not title or not isinstance(qs, list):
            raise WcifError(QT_TRANSLATE_NOOP("core", "调研提纲模板 {path} 第 {number} 个主题缺少 key、title 或 questions"),
                            path=p, number=i)
        if key in seen:
            raise WcifError(QT_TRANSLATE_NOOP("core", "调研提纲模板 {path} 主题 key 重复：{key}"), path=p, key=key)
        seen.add(key)
        out.append({"key": key, "title": title, "questions": [fill(str(q), vals or {}) for q in qs]})
    return out
