"""Scoring use cases: apply rules, grade bands, citations, readiness, expert panel.

- :func:`recompute` applies each rule-driven level-3 indicator's rule (domain/rules.py) to the current data and
  metrics (services/metrics.py), writing score and generated deduction reason where they changed.
- Grade bands are stored per evaluation (default 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60).
- A score can cite working papers and evidence by id (:func:`cite`); :func:`readiness` lists deducted
  indicators that cite none, besides the structural checks.
- Expert panel (domain/panel.py): members score on their own; scores stay hidden until the lead reveals them;
  the chosen method aggregates them into the indicator scores (:func:`apply_panel`).

Every writing function returns a :class:`~wcif_desktop.services.evaluation.Changes`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..domain.model import Indicator, TeamMember
from ..domain.money import D
from ..domain.panel import PANEL_METHODS, PanelRow, PanelScore, method_sentence, panel_rows, visible
from ..domain.review import ids as review_ids
from ..domain.rules import RuleResult, dump_params, evaluate, parse_params, validate_rule
from ..domain.scoring import (
    SETTINGS_ID,
    Problem,
    ScoreCitation,
    ScoreSheet,
    ScoringSettings,
    bands_from_json,
    bands_to_json,
    build_sheet,
    validate_bands,
    validate_score,
)
from ..store.db import EvaluationFile, now_iso
from . import evaluation as svc
from .evaluation import Changes
from .metrics import compute_metrics, metric_labels

CITATION_KINDS = {"working_paper": "工作底稿", "evidence": "证据"}


# ----------------------------------------------------------------------------------------------- settings
# Fixed ids, so that copies of one evaluation edited on two laptops merge into the same records.
_PANEL_NS = uuid.UUID("6f1d2c1e-4a57-4c6b-9a0e-57434946a010")


def _panel_id(indicator_id: str, member_id: str, kind: str) -> str:
    return str(uuid.uuid5(_PANEL_NS, f"{indicator_id}/{member_id if kind == 'member' else ''}/{kind}"))


def settings(ef: EvaluationFile) -> ScoringSettings:
    """The evaluation's scoring settings (defaults when none were saved yet)."""
    rows = ef.records(ScoringSettings)
    rows.sort(key=lambda r: r.id != SETTINGS_ID)
    return rows[0] if rows else ScoringSettings(id=SETTINGS_ID)


def update_settings(ef: EvaluationFile, **fields) -> Changes:
    """Change scoring settings fields (creating the row, with the fixed id, on first use)."""
    current = settings(ef)
    if not ef.rows(ScoringSettings.table, "id = ?", [current.id], include_deleted=True):
        return svc.add_record(ef, ScoringSettings(**dict(fields, id=SETTINGS_ID)))
    return svc.update_record(ef, ScoringSettings, current.id, **fields)


def _upsert_panel(ef: EvaluationFile, rec: PanelScore) -> Changes:
    """Insert or update a panel score under its fixed id (restoring a tombstoned row)."""
    rows = ef.rows(PanelScore.table, "id = ?", [rec.id], include_deleted=True)
    if not rows:
        return svc.add_record(ef, rec)
    with ef.transaction():
        if rows[0]["deleted"]:
            svc.restore_record(ef, PanelScore, rec.id)
        changes = svc.update_record(ef, PanelScore, rec.id, member_id=rec.member_id, score=rec.score,
                                    reason=rec.reason)
    return changes.add(PanelScore.table, rec.id)


def grade_bands(ef: EvaluationFile) -> tuple[tuple[Decimal, str], ...]:
    """The evaluation's grade bands ((lower bound inclusive, grade) high to low)."""
    return bands_from_json(settings(ef).grade_bands)


def set_grade_bands(ef: EvaluationFile, bands) -> Changes:
    """Store the evaluation's grade bands: pairs (lower bound in points, grade name).

    Raises:
        ValidationError: empty, duplicate bounds, out of [0, 100], no band from 0, unnamed grade.
    """
    return update_settings(ef, grade_bands=bands_to_json(validate_bands(bands)))


def score_sheet(ef: EvaluationFile) -> ScoreSheet:
    """The evaluation's score sheet with its own grade bands."""
    return build_sheet(ef.records(Indicator), grade_bands(ef))


# ----------------------------------------------------------------------------------------------- rules
def apply_rules(indicators: list[Indicator], metrics: Mapping[str, Decimal],
                labels: Mapping[str, str] | None = None) -> dict[str, RuleResult]:
    """Rule results for every rule-driven leaf (indicator id → :class:`RuleResult`); manual ones are absent."""
    parents = {i.parent_id for i in indicators}
    out = {}
    for ind in indicators:
        if ind.id in parents or ind.rule_type in ("", "manual"):
            continue
        res = evaluate(ind.rule_type, ind.rule_params, ind.weight, metrics, labels)
        if res is not None:
            out[ind.id] = res
    return out


def recompute(ef: EvaluationFile, metrics: Mapping[str, Decimal] | None = None) -> Changes:
    """Apply every rule-driven indicator's rule to the current data; write changed scores and reasons.

    A rule whose inputs are missing clears the indicator's score (it shows as not yet scored).

    Raises:
        ValidationError: an indicator's rule parameters are invalid (the message names it); nothing is written.
    """
    inds = ef.records(Indicator)
    metrics = compute_metrics(ef) if metrics is None else metrics
    try:
        results = apply_rules(inds, metrics, metric_labels())
    except ValidationError:
        for ind in inds:  # name the indicator whose rule is broken
            try:
                apply_rules([ind], metrics)
            except ValidationError as e:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "“{code} {name}”的评分规则有误：{reason}"), code=ind.code,
                                      name=ind.name, reason=e) from None
        raise
    by_id = {i.id: i for i in inds}
    changes = Changes()
    with ef.transaction():
        for iid, res in results.items():
            ind = by_id[iid]
            if ind.score == res.score and ind.deduction_reason == res.reason:
                continue
            changes.tables.update(svc.update_record(ef, Indicator, iid, score=res.score,
                                                    deduction_reason=res.reason).tables)
    return changes


def explain(ef: EvaluationFile, indicator_id: str) -> RuleResult | None:
    """How the indicator's rule computes its score now (``None`` for manual indicators)."""
    ind = ef.get(Indicator, indicator_id)
    return evaluate(ind.rule_type, ind.rule_params, ind.weight, compute_metrics(ef), metric_labels())


def update_rule_inputs(ef: EvaluationFile, indicator_id: str, **values) -> Changes:
    """Merge ``values`` into the indicator's rule parameters (e.g. ``actual="95"``, ``items=[…]`` with ``met``
    flags, deduction ``items`` with counts) and recompute its score.

    Raises:
        ValidationError: the resulting parameters are invalid.
    """
    ind = ef.get(Indicator, indicator_id)
    params = parse_params(ind.rule_params)
    params.update(values)
    validate_rule(ind.rule_type, params, ind.weight)
    with ef.transaction():
        changes = svc.update_record(ef, Indicator, indicator_id, rule_params=dump_params(params))
        res = evaluate(ind.rule_type, params, ind.weight, compute_metrics(ef), metric_labels())
        if res is not None:
            changes.tables.update(svc.update_record(ef, Indicator, indicator_id, score=res.score,
                                                    deduction_reason=res.reason).tables)
    return changes


# ----------------------------------------------------------------------------------------------- citations
def citable(ef: EvaluationFile) -> list[tuple[str, dict]]:
    """What a score can cite: ``("working_paper", row)`` for each working paper and ``("evidence", row)`` for each
    evidence file (rows as dicts: ``id``, ``code``, ``title`` / ``original_name``)."""
    out = []
    for kind in ("working_paper", "evidence"):
        if ef.has_table(kind):
            out += [(kind, r) for r in ef.rows(kind)]
    return out


def cite(ef: EvaluationFile, indicator_id: str, kind: str, target_id: str, note: str = "") -> Changes:
    """Let a score cite a working paper (``working_paper``) or evidence (``evidence``) by its id.

    Raises:
        ValidationError: unknown kind, empty id, or a duplicate citation.
    """
    if kind not in CITATION_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "引用类型应为 {kinds}：{kind}"), kinds="、".join(CITATION_KINDS),
                              kind=kind)
    target_id = (target_id or "").strip()
    if not target_id:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择要引用的工作底稿或证据"))
    ef.get(Indicator, indicator_id)
    for c in citations(ef, indicator_id):
        if c.kind == kind and c.target_id == target_id:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "该得分已引用此项"))
    return svc.add_record(ef, ScoreCitation(indicator_id=indicator_id, kind=kind, target_id=target_id, note=note))


def uncite(ef: EvaluationFile, citation_id: str) -> Changes:
    return svc.delete_record(ef, ScoreCitation, citation_id)


def citations(ef: EvaluationFile, indicator_id: str | None = None) -> list[ScoreCitation]:
    if indicator_id is None:
        return ef.records(ScoreCitation)
    return ef.records(ScoreCitation, "indicator_id = ?", [indicator_id])


@dataclass(frozen=True)
class Support:
    """One item a score rests on: ``kind`` working_paper | evidence, its id and a label (code/title/file name)."""

    kind: str
    target_id: str
    label: str  # a Message (domain.errors): Chinese, translatable in the UI


def _table_rows(ef: EvaluationFile, table: str, where: str | None = None, params=()) -> list[dict]:
    return ef.rows(table, where, params) if ef.has_table(table) else []


def supports(ef: EvaluationFile) -> dict[str, list[Support]]:
    """Indicator id → the working papers and evidence its score rests on.

    Gathered from this module's citations and from the review module's own links: a working paper's
    ``indicator_ids`` and an evidence link whose ``target_kind`` is ``indicator`` (tables of m0020, read by
    name so scoring works on files without them).
    """
    papers = {r["id"]: r for r in _table_rows(ef, "working_paper")}
    files = {r["id"]: r for r in _table_rows(ef, "evidence")}

    def label(kind: str, target_id: str) -> str:  # a Message: shown in the editor's list, exported as it is
        if kind == "working_paper" and target_id in papers:
            r = papers[target_id]
            return Message(QT_TRANSLATE_NOOP("core", "底稿 {name}"),
                           name=" ".join(x for x in (r.get("code"), r.get("title")) if x))
        if kind == "evidence":
            name = (files[target_id].get("original_name") or target_id) if target_id in files else target_id
            return Message(QT_TRANSLATE_NOOP("core", "证据 {name}"), name=name)
        if kind == "working_paper":
            return Message(QT_TRANSLATE_NOOP("core", "工作底稿 {name}"), name=target_id)
        return f"{kind} {target_id}"

    out: dict[str, list[Support]] = {}

    def add(iid: str, kind: str, target_id: str) -> None:
        items = out.setdefault(iid, [])
        if all((s.kind, s.target_id) != (kind, target_id) for s in items):
            items.append(Support(kind, target_id, label(kind, target_id)))

    for c in citations(ef):
        add(c.indicator_id, c.kind, c.target_id)
    for pid, r in papers.items():
        try:
            linked = review_ids(r.get("indicator_ids") or "")
        except ValidationError:
            continue
        for iid in linked:
            add(iid, "working_paper", pid)
    for r in _table_rows(ef, "evidence_link", "target_kind = ?", ["indicator"]):
        add(r["target_id"], "evidence", r["evidence_id"])
    return out


def readiness(ef: EvaluationFile) -> list[Problem]:
    """What stands between the score sheet and the report.

    Errors from :meth:`ScoreSheet.check` (weights, bounds, missing reasons); warnings for unscored level-3
    indicators and for deducted indicators that cite no working paper or evidence (:func:`supports`); the
    产出+效益 warning.
    """
    sheet = score_sheet(ef)
    out = sheet.check()
    cited = supports(ef)
    for leaf in sheet.leaves():
        ind = leaf.indicator
        if ind.score is None:
            out.append(Problem("warning", ind.id, f"“{ind.code} {ind.name}”尚未评分"))
        elif ind.score < ind.weight and not cited.get(ind.id):
            out.append(Problem("warning", ind.id, f"“{ind.code} {ind.name}”扣分但未引用工作底稿或证据"))
    return out


# ----------------------------------------------------------------------------------------------- panel
def set_panel_method(ef: EvaluationFile, method: str) -> Changes:
    """Choose how member scores aggregate: ``mean``, ``trimmed_mean`` or ``consensus``."""
    if method not in PANEL_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}（可用：{methods}）"),
                              method=method, methods="、".join(PANEL_METHODS))
    return update_settings(ef, panel_method=method)


def _member(ef: EvaluationFile, member_id: str) -> TeamMember:
    return ef.get(TeamMember, member_id)


def _leaf(ef: EvaluationFile, indicator_id: str) -> Indicator:
    ind = ef.get(Indicator, indicator_id)
    if ef.rows("indicator", "parent_id = ?", [indicator_id]):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”是上级指标，由下级指标汇总，不能直接评分"), name=ind.name)
    return ind


def set_panel_score(ef: EvaluationFile, indicator_id: str, member_id: str, score, reason: str = "") -> Changes:
    """Record a member's own score of a level-3 indicator (``None`` clears it).

    Raises:
        ValidationError: score outside [0, weight], below the weight without a reason, or not a leaf.
    """
    ind = _leaf(ef, indicator_id)
    _member(ef, member_id)
    value = None if score in (None, "") else D(score)
    validate_score(ind, value, reason)
    return _upsert_panel(ef, PanelScore(id=_panel_id(indicator_id, member_id, "member"), indicator_id=indicator_id,
                                        member_id=member_id, score=value, reason=reason))


def record_consensus(ef: EvaluationFile, indicator_id: str, score, reason: str, recorded_by: str) -> Changes:
    """Record the panel's agreed score of an indicator (used by the ``consensus`` method)."""
    ind = _leaf(ef, indicator_id)
    _member(ef, recorded_by)
    value = None if score in (None, "") else D(score)
    validate_score(ind, value, reason)
    return _upsert_panel(ef, PanelScore(id=_panel_id(indicator_id, recorded_by, "consensus"), kind="consensus",
                                        indicator_id=indicator_id, member_id=recorded_by, score=value,
                                        reason=reason))


def reveal_panel(ef: EvaluationFile, lead_member_id: str) -> Changes:
    """The lead (组长) reveals all members' scores to everyone.

    Raises:
        ValidationError: the member is not the team's lead.
    """
    m = _member(ef, lead_member_id)
    if m.role != "lead":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "只有评价组组长可以公开专家评分（{name} 不是组长）"), name=m.name)
    return update_settings(ef, panel_revealed=True, panel_revealed_by=m.name, panel_revealed_at=now_iso())


@dataclass(frozen=True)
class PanelView:
    """What a member sees: rows per level-3 indicator, the members shown, and whether all are revealed."""

    revealed: bool
    method: str
    members: list[TeamMember]
    rows: list[PanelRow]


def panel_view(ef: EvaluationFile, viewer_member_id: str) -> PanelView:
    """The panel table for ``viewer_member_id``: before the reveal only their own scores (and the consensus)."""
    st = settings(ef)
    sheet = score_sheet(ef)
    leaf_ids = [n.indicator.id for n in sheet.leaves()]
    shown = visible(ef.records(PanelScore), viewer_member_id, st.panel_revealed)
    team = sorted(ef.records(TeamMember), key=lambda m: m.sort_order)
    members = team if st.panel_revealed else [m for m in team if m.id == viewer_member_id]
    return PanelView(st.panel_revealed, st.panel_method, members, panel_rows(leaf_ids, shown, st.panel_method))


def apply_panel(ef: EvaluationFile) -> Changes:
    """Write the aggregated panel scores into the level-3 indicators (after the reveal).

    The deduction reason is the consensus reason, or the members' distinct reasons joined with “；”.

    Raises:
        ValidationError: the panel is not revealed yet.
    """
    st = settings(ef)
    if not st.panel_revealed:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "专家评分尚未由组长公开，不能汇总"))
    scores = ef.records(PanelScore)
    inds = {i.id: i for i in ef.records(Indicator)}
    by_indicator: dict[str, list[PanelScore]] = {}  # each indicator's panel scores, in one pass
    for s in scores:
        by_indicator.setdefault(s.indicator_id, []).append(s)
    changes = Changes()
    with ef.transaction():
        for row in panel_rows(list(inds), scores, st.panel_method):
            if row.aggregate is None or row.indicator_id not in inds:
                continue
            ind = inds[row.indicator_id]
            mine = by_indicator.get(ind.id, [])
            if st.panel_method == "consensus":
                reasons = [s.reason for s in mine if s.kind == "consensus" and s.reason]
            else:
                reasons = []
                for s in mine:
                    if s.kind == "member" and s.reason and s.reason not in reasons:
                        reasons.append(s.reason)
            reason = "；".join(reasons) if row.aggregate < ind.weight else ""
            changes.tables.update(svc.set_indicator_score(ef, ind.id, row.aggregate, reason).tables)
    return changes


def panel_sentence(ef: EvaluationFile) -> str:
    """The report sentence stating how the panel's scores were combined ('' when no panel scores exist)."""
    st = settings(ef)
    scorers = {s.member_id for s in ef.records(PanelScore) if s.kind == "member" and s.score is not None}
    if not scorers:
        return ""
    return method_sentence(st.panel_method, len(scorers))


def set_finding(ef: EvaluationFile, indicator_id: str, text: str) -> Changes:
    """Record 评价情况（实际值）: what the evaluator found for a level-3 indicator (a figure or a fact), the basis
    the report states when no metric, rule or target gives one (services/report_state.py)."""
    _leaf(ef, indicator_id)
    return svc.update_record(ef, Indicator, indicator_id, finding=(text or "").strip())
