"""Undoable edits as named operations, next to the services that make them (Qt-free).

Each function here looks at the current state, and returns an :class:`Edit`: the name the user sees in
Edit ▸ Undo (``修改“预算执行率”得分``), a ``do`` and an ``undo`` callable that each make the change through the
services and return the :class:`~wcif_desktop.services.evaluation.Changes` they made (Anki's operations returning
``OpChanges``). The UI wraps an Edit in one thin ``QUndoCommand`` (orange-canvas-core ``document/commands.py``):
it runs ``do`` once, pushes the command, and calls ``undo``/``do`` on Ctrl+Z / Ctrl+Shift+Z. Nothing in a widget
writes to the file or knows how to undo an edit.

Writes that belong together run in one transaction (``ef.transaction()``), so an undo or a redo either happens
completely or not at all.

Errors: reading the current state raises :class:`~wcif_desktop.domain.errors.WcifError` (e.g. a record that no
longer exists); ``do``/``undo`` raise what the services raise (ValidationError, locked evaluation …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain.errors import QT_TRANSLATE_NOOP, Message
from ..domain.model import Indicator, Record
from . import evaluation as svc
from .evaluation import Changes, EvaluationFile


@dataclass
class Edit:
    """One undoable edit. ``name``: what the user sees (a translatable :class:`Message`); ``do``/``undo`` return
    the Changes they made. ``empty``: nothing would change (the UI pushes nothing)."""

    name: Message
    do: Callable[[], Changes]
    undo: Callable[[], Changes]
    empty: bool = False
    result: dict = field(default_factory=dict)  # what ``do`` produced (e.g. ``record``, ``changes``)


def _none(name: Message) -> Edit:
    return Edit(name, Changes, Changes, empty=True)


def _merge(into: Changes, other: Changes) -> Changes:
    """``into`` plus ``other`` (an empty id set means the whole table and stays so)."""
    for table, ids in other.tables.items():
        if not ids or (table in into.tables and not into.tables[table]):
            into.tables[table] = set()
        else:
            into.tables.setdefault(table, set()).update(ids)
    return into


def edit_fields(ef: EvaluationFile, cls: type[Record], record_id: str, **fields) -> Edit:
    """Change fields of a record (validated by the service); undo restores the old values.

    Raises:
        WcifError: no such record.
    """
    old_rec = ef.get(cls, record_id)
    old = {k: getattr(old_rec, k) for k in fields if hasattr(old_rec, k)}
    # the user's words name the edit (the UI passes the column or form label); never the stored field names
    name = Message(QT_TRANSLATE_NOOP("core", "修改"))
    if all(old.get(k) == v for k, v in fields.items()):
        return _none(name)
    return Edit(name, lambda: svc.update_record(ef, cls, record_id, **fields),
                lambda: svc.update_record(ef, cls, record_id, **old))


def set_score(ef: EvaluationFile, indicator_id: str, score, reason: str | None = None) -> Edit:
    """Set a level-3 indicator's score (points) and/or deduction reason (``reason=None`` keeps it).

    Raises:
        WcifError: no such indicator.
    """
    ind: Indicator = ef.get(Indicator, indicator_id)
    old_score, old_reason = ind.score, ind.deduction_reason
    return Edit(Message(QT_TRANSLATE_NOOP("core", "修改“{name}”得分"), name=ind.name),
                lambda: svc.set_indicator_score(ef, indicator_id, score, reason),
                lambda: svc.set_indicator_score(ef, indicator_id, old_score, old_reason))


def set_narrative(ef: EvaluationFile, section: str, text: str) -> Edit:
    """Set the evaluator's text of report section ``section``; undo restores the previous text."""
    old = svc.load_snapshot(ef).narratives.get(section)
    name = Message(QT_TRANSLATE_NOOP("core", "修改文字"))
    if old == text or (old is None and not text):
        return _none(name)
    return Edit(name, lambda: svc.set_narrative(ef, section, text), lambda: svc.set_narrative(ef, section, old or ""))


def add_record(ef: EvaluationFile, rec: Record) -> Edit:
    """Insert ``rec``; undo deletes it (a tombstone) and redo brings it back with the same id."""
    state = {"added": False}

    def do() -> Changes:
        if state["added"]:
            return svc.restore_record(ef, type(rec), rec.id)
        changes = svc.add_record(ef, rec)
        state["added"] = True
        return changes

    return Edit(Message(QT_TRANSLATE_NOOP("core", "添加")), do, lambda: svc.delete_record(ef, type(rec), rec.id))


def add_created(ef: EvaluationFile, cls: type[Record], create: Callable[[], tuple]) -> Edit:
    """Add a record with a service function ``create() -> (record, Changes)``; undo deletes it (tombstone),
    redo restores the same id. ``result["record"]`` holds the record once done."""
    result: dict = {}

    def do() -> Changes:
        if "record" in result:
            return svc.restore_record(ef, cls, result["record"].id)
        rec, changes = create()
        result["record"] = rec
        return changes

    return Edit(Message(QT_TRANSLATE_NOOP("core", "添加")), do,
                lambda: svc.delete_record(ef, cls, result["record"].id), result=result)


def delete_record(ef: EvaluationFile, cls: type[Record], record_id: str) -> Edit:
    """Delete a record (a tombstone); undo restores it with the same id."""
    return Edit(Message(QT_TRANSLATE_NOOP("core", "删除")), lambda: svc.delete_record(ef, cls, record_id),
                lambda: svc.restore_record(ef, cls, record_id))


def swap_order(ef: EvaluationFile, cls: type[Record], id_a: str, id_b: str) -> Edit:
    """Exchange the ``sort_order`` of two records (move up/down), both in one transaction.

    Raises:
        WcifError: either record does not exist.
    """
    a, b = ef.get(cls, id_a), ef.get(cls, id_b)
    oa, ob = a.sort_order, b.sort_order
    if oa == ob:  # make them distinct so the swap shows
        ob = oa + 1

    def set_orders(x, y):
        def fn() -> Changes:
            with ef.transaction():
                c = svc.update_record(ef, cls, id_a, sort_order=x)
                _merge(c, svc.update_record(ef, cls, id_b, sort_order=y))
            return c or Changes().add(cls.table)
        return fn

    return Edit(Message(QT_TRANSLATE_NOOP("core", "调整顺序")), set_orders(ob, oa), set_orders(a.sort_order, b.sort_order))


# ------------------------------------------------------------------------------------------------ indicators
def _scores(ef: EvaluationFile) -> dict[str, tuple]:
    return {i.id: (i.score, i.deduction_reason) for i in ef.records(Indicator)}


def _restore_scores(ef: EvaluationFile, old: dict[str, tuple]) -> Changes:
    """Write back (score, reason) per indicator id — the undo of a recompute or a panel apply."""
    changes = Changes()
    with ef.transaction():
        for iid, (score, reason) in old.items():
            _merge(changes, svc.update_record(ef, Indicator, iid, score=score, deduction_reason=reason))
    return changes or Changes().add("indicator")


def edit_indicator(ef: EvaluationFile, indicator_id: str, weight=None, **fields) -> Edit:
    """Change an indicator's texts and rule (``fields``: name, definition, guidance, scoring_rule, rule_type,
    rule_params) and/or its weight (points; the siblings are re-weighted by
    :func:`wcif_desktop.services.frameworks.reweight`); a changed rule recomputes the scores. One transaction;
    undo restores the texts, the weight, the score and the reason.

    Raises:
        WcifError: no such indicator; ValidationError from the services (in ``do``).
    """
    from . import frameworks as fw
    from . import scoring

    ind: Indicator = ef.get(Indicator, indicator_id)
    old = {k: getattr(ind, k) for k in fields}
    changed = {k: v for k, v in fields.items() if v != old[k]}
    new_weight = ind.weight if weight is None else weight
    name = Message(QT_TRANSLATE_NOOP("core", "修改指标“{name}”"), name=ind.name)
    if not changed and new_weight == ind.weight:
        return _none(name)
    old_state = (ind.weight, ind.score, ind.deduction_reason)

    def do() -> Changes:
        with ef.transaction():
            ch = fw.edit_indicator(ef, indicator_id, **changed) if changed else Changes()
            if new_weight != ind.weight:
                _merge(ch, fw.reweight(ef, indicator_id, new_weight))
            if "rule_type" in changed or "rule_params" in changed:
                _merge(ch, scoring.recompute(ef))
        return ch or Changes().add("indicator", indicator_id)

    def undo() -> Changes:
        with ef.transaction():
            ch = svc.update_record(ef, Indicator, indicator_id, **{k: old[k] for k in changed})
            w, s, r = old_state
            _merge(ch, svc.update_record(ef, Indicator, indicator_id, weight=w, score=s, deduction_reason=r))
        return ch or Changes().add("indicator", indicator_id)

    return Edit(name, do, undo)


def recompute_scores(ef: EvaluationFile) -> Edit:
    """Score every rule-scored indicator again; undo restores every score and reason as they were."""
    from . import scoring

    old = _scores(ef)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "按规则重新计算")),
                lambda: scoring.recompute(ef) or Changes().add("indicator"), lambda: _restore_scores(ef, old))


def apply_framework_template(ef: EvaluationFile, key: str) -> Edit:
    """Replace the indicator tree by the framework template ``key``; undo brings the previous tree back (same
    ids), redo swaps them again."""
    from . import frameworks as fw

    old_ids = [i.id for i in ef.records(Indicator)]
    state: dict[str, list[str]] = {}

    def do() -> Changes:
        if "new" in state:  # redo: swap the two trees back
            with ef.transaction():
                for iid in old_ids:
                    svc.delete_record(ef, Indicator, iid)
                return fw.restore_indicators(ef, state["new"])
        before = {i.id for i in ef.records(Indicator)}
        ch = fw.apply_template(ef, key, replace=True)
        state["new"] = [i for i in ch.tables.get("indicator", set()) if i not in before]
        return ch

    def undo() -> Changes:
        with ef.transaction():
            for iid in state["new"]:
                svc.delete_record(ef, Indicator, iid)
            return fw.restore_indicators(ef, old_ids) if old_ids else Changes().add("indicator")

    return Edit(Message(QT_TRANSLATE_NOOP("core", "套用指标体系模板")), do, undo)


def import_score_sheet(ef: EvaluationFile, data, with_scores: bool = True) -> Edit:
    """Replace the indicator tree by a read score sheet (:func:`wcif_desktop.services.score_sheet.import_score_sheet`
    with ``replace=True``); undo brings the previous tree back (same ids), redo swaps them again.

    Raises (when run):
        ValidationError: the sheet is refused (:func:`~wcif_desktop.services.score_sheet.check_importable`).
    """
    from . import frameworks as fw
    from . import score_sheet as ss

    old_ids = [i.id for i in ef.records(Indicator)]
    state: dict[str, list[str]] = {}

    def do() -> Changes:
        if "new" in state:  # redo
            with ef.transaction():
                for iid in old_ids:
                    svc.delete_record(ef, Indicator, iid)
                return fw.restore_indicators(ef, state["new"])
        before = {i.id for i in ef.records(Indicator)}
        ch = ss.import_score_sheet(ef, data.path, data=data, with_scores=with_scores, replace=True)
        state["new"] = [i for i in ch.tables.get("indicator", set()) if i not in before]
        return ch

    def undo() -> Changes:
        with ef.transaction():
            for iid in state["new"]:
                svc.delete_record(ef, Indicator, iid)
            return fw.restore_indicators(ef, old_ids) if old_ids else Changes().add("indicator")

    return Edit(Message(QT_TRANSLATE_NOOP("core", "导入评分表")), do, undo)


def set_grade_bands(ef: EvaluationFile, bands) -> Edit:
    """Set the evaluation's grade bands (:func:`wcif_desktop.services.scoring.set_grade_bands`); undo puts the
    previous bands back.

    Raises:
        ValidationError: bands refused by :func:`wcif_desktop.domain.scoring.validate_bands` (raised here, before
        anything is pushed).
    """
    from ..domain.scoring import bands_to_json, validate_bands
    from . import scoring

    new = validate_bands(bands)
    old_json = scoring.settings(ef).grade_bands
    if bands_to_json(new) == bands_to_json(scoring.grade_bands(ef)):
        return _none(Message(QT_TRANSLATE_NOOP("core", "修改等级划分")))
    return Edit(Message(QT_TRANSLATE_NOOP("core", "修改等级划分")),
                lambda: scoring.set_grade_bands(ef, new) or Changes().add("scoring_settings"),
                lambda: scoring.update_settings(ef, grade_bands=old_json) or Changes().add("scoring_settings"))


def import_requests(ef: EvaluationFile, data) -> Edit:
    """Write a read request list (:func:`wcif_desktop.services.request_sheet.import_requests`, one transaction);
    undo deletes the items it added and puts the updated ones back as they were."""
    from . import request_sheet as rs

    before = rs.snapshot_requests(ef)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "导入资料清单")), lambda: rs.import_requests(ef, data),
                lambda: rs.revert_import(ef, before))


def add_indicator(ef: EvaluationFile, parent_id: str, name: str, position: int | None, indicator_id: str) -> Edit:
    """A new indicator (weight 0) under ``parent_id`` ('' = level 1) at ``position``; undo removes it, redo brings
    the same record back."""
    from . import frameworks as fw

    state = {"added": False}

    def do() -> Changes:
        if state["added"]:
            return fw.restore_indicators(ef, [indicator_id])
        ch = fw.add_indicator(ef, parent_id, name, "0", position=position, indicator_id=indicator_id)
        state["added"] = True
        return ch

    return Edit(Message(QT_TRANSLATE_NOOP("core", "添加指标")), do, lambda: fw.remove_indicator(ef, indicator_id))


def remove_indicator(ef: EvaluationFile, indicator_id: str) -> Edit:
    """Remove an indicator with its subtree; undo restores them all (same ids).

    Raises:
        WcifError: no such indicator.
    """
    from . import frameworks as fw

    ind: Indicator = ef.get(Indicator, indicator_id)
    ids = fw.subtree_ids(ef, indicator_id)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "删除指标“{name}”"), name=ind.name),
                lambda: fw.remove_indicator(ef, indicator_id), lambda: fw.restore_indicators(ef, ids))


def move_indicator(ef: EvaluationFile, indicator_id: str, parent_id: str, position: int | None) -> Edit:
    """Move an indicator under ``parent_id`` at ``position``; undo puts it back where it was.

    Raises:
        WcifError: no such indicator.
    """
    from . import frameworks as fw

    ind: Indicator = ef.get(Indicator, indicator_id)
    old_parent, old_pos = fw.position(ef, indicator_id)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "移动指标“{name}”"), name=ind.name),
                lambda: fw.move_indicator(ef, indicator_id, parent_id, position),
                lambda: fw.move_indicator(ef, indicator_id, old_parent, old_pos))


def cite(ef: EvaluationFile, indicator_id: str, kind: str, target_id: str) -> Edit:
    """Cite a working paper, evidence file … as the basis of an indicator's score; undo removes the citation,
    redo restores the same one."""
    from ..domain.scoring import ScoreCitation
    from . import scoring

    state: dict[str, str] = {}

    def do() -> Changes:
        if "id" in state:
            return svc.restore_record(ef, ScoreCitation, state["id"])
        ch = scoring.cite(ef, indicator_id, kind, target_id)
        state["id"] = next(iter(ch.tables["score_citation"]))
        return ch

    return Edit(Message(QT_TRANSLATE_NOOP("core", "引用评分依据")), do, lambda: scoring.uncite(ef, state["id"]))


def uncite(ef: EvaluationFile, citation_id: str) -> Edit:
    """Remove a citation; undo restores it."""
    from ..domain.scoring import ScoreCitation
    from . import scoring

    return Edit(Message(QT_TRANSLATE_NOOP("core", "取消引用")), lambda: scoring.uncite(ef, citation_id),
                lambda: svc.restore_record(ef, ScoreCitation, citation_id))


def _change(name: Message, setter: Callable[..., Changes], old: dict, new: dict) -> Edit:
    """``setter(**new)`` now, ``setter(**old)`` to undo; empty when nothing differs."""
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    if not changed:
        return _none(name)
    before = {k: old.get(k) for k in changed}
    return Edit(name, lambda: setter(**changed), lambda: setter(**before))


# ------------------------------------------------------------------------------------------------ plan, review
def set_plan(ef: EvaluationFile, **fields) -> Edit:
    """Plan fields (texts; ``methods``/``standards`` as lists) of :func:`wcif_desktop.services.plan.set_plan`."""
    import json

    from . import plan as psvc

    cur = psvc.plan(ef)
    old = {k: json.loads(getattr(cur, k) or "[]") if k in ("methods", "standards") else getattr(cur, k)
           for k in fields}
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改评价方案")), lambda **f: psvc.set_plan(ef, **f), old, fields)


def update_phase(ef: EvaluationFile, phase_id: str, **fields) -> Edit:
    """Fields of a schedule phase (:func:`wcif_desktop.services.plan.update_phase`)."""
    from ..domain.review import PlanPhase
    from . import plan as psvc

    cur = ef.get(PlanPhase, phase_id)
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改工作阶段")),
                   lambda **f: psvc.update_phase(ef, phase_id, **f), {k: getattr(cur, k) for k in fields}, fields)


def update_interview(ef: EvaluationFile, interview_id: str, **fields) -> Edit:
    """Fields of an interview record (:func:`wcif_desktop.services.review.update_interview`)."""
    from ..domain.review import Interview
    from . import review as rsvc

    cur = ef.get(Interview, interview_id)
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改访谈记录")),
                   lambda **f: rsvc.update_interview(ef, interview_id, **f), {k: getattr(cur, k) for k in fields}, fields)


def update_request_item(ef: EvaluationFile, request_id: str, **fields) -> Edit:
    """Fields of a request-list item (:func:`wcif_desktop.services.review.update_request_item`)."""
    from ..domain.review import DocumentRequest
    from . import review as rsvc

    cur = ef.get(DocumentRequest, request_id)
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改资料")),
                   lambda **f: rsvc.update_request_item(ef, request_id, **f), {k: getattr(cur, k) for k in fields},
                   fields)


def move_request_item(ef: EvaluationFile, request_id: str, new_index: int, old_index: int) -> Edit:
    """Move a request-list item to ``new_index`` (undo: back to ``old_index``)."""
    from . import review as rsvc

    return Edit(Message(QT_TRANSLATE_NOOP("core", "调整顺序")), lambda: rsvc.move_request_item(ef, request_id, new_index),
                lambda: rsvc.move_request_item(ef, request_id, old_index))


def set_request_status(ef: EvaluationFile, request_id: str, status: str) -> Edit:
    """A request item's status (已索取 → 已收到 …); undo restores the status and its date."""
    from ..domain.review import DocumentRequest
    from . import review as rsvc

    cur = ef.get(DocumentRequest, request_id)
    name = Message(QT_TRANSLATE_NOOP("core", "更改状态"))
    if cur.status == status:
        return _none(name)
    old, old_at = cur.status, cur.status_changed_at
    return Edit(name, lambda: rsvc.set_request_status(ef, request_id, status),
                lambda: svc.update_record(ef, DocumentRequest, request_id, status=old, status_changed_at=old_at))


def update_working_paper(ef: EvaluationFile, paper_id: str, **fields) -> Edit:
    """Title/body of a working paper (:func:`wcif_desktop.services.review.update_working_paper`)."""
    from ..domain.review import WorkingPaper
    from . import review as rsvc

    cur = ef.get(WorkingPaper, paper_id)
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改工作底稿")),
                   lambda **f: rsvc.update_working_paper(ef, paper_id, **f), {k: getattr(cur, k) for k in fields},
                   fields)


def sign_off(ef: EvaluationFile, paper_id: str, member_id: str, as_role: str) -> Edit:
    """Sign a working paper as ``preparer`` or ``reviewer``; undo removes that signature."""
    from ..domain.review import WorkingPaper
    from . import review as rsvc

    keys = ("preparer_id", "prepared_at", "prepared_hash") if as_role == "preparer" else \
        ("reviewer_id", "reviewed_at", "reviewed_hash")
    cur = ef.get(WorkingPaper, paper_id)
    old = {k: getattr(cur, k) for k in keys}
    return Edit(Message(QT_TRANSLATE_NOOP("core", "签字")), lambda: rsvc.sign_off(ef, paper_id, member_id, as_role),
                lambda: svc.update_record(ef, WorkingPaper, paper_id, **old))


def unlink_evidence(ef: EvaluationFile, evidence_id: str, target_kind: str, target_id: str) -> Edit:
    """Remove an evidence file from a target (the file stays in the evaluation); undo links it again.

    Raises:
        WcifError: the evidence is not linked to that target.
    """
    from ..domain.errors import WcifError
    from ..domain.review import EvidenceLink
    from . import evidence as evsvc

    link = next(iter(ef.records(EvidenceLink, "evidence_id = ? AND target_kind = ? AND target_id = ?",
                                [evidence_id, target_kind, target_id])), None)
    if link is None:
        raise WcifError(QT_TRANSLATE_NOOP("core", "附件已不在此处"))
    return Edit(Message(QT_TRANSLATE_NOOP("core", "移除附件")), lambda: evsvc.unlink_evidence(ef, link.id),
                lambda: svc.restore_record(ef, EvidenceLink, link.id).add(target_kind, target_id))


def set_prevention_cap_rate(ef: EvaluationFile, rate: str) -> Edit:
    """The cap on 工伤预防费 as a share of premium income (text, %; :func:`wcif_desktop.services.finance.set_settings`
    validates it); empty text or the current value changes nothing."""
    from . import finance as fin

    old = fin.load_settings(ef).prevention_cap_rate
    name = Message(QT_TRANSLATE_NOOP("core", "修改工伤预防费上限比例"))
    if not rate or rate == f"{old}":
        return _none(name)
    return Edit(name, lambda: fin.set_settings(ef, prevention_cap_rate=rate),
                lambda: fin.set_settings(ef, prevention_cap_rate=old))


def set_satisfaction_method(ef: EvaluationFile, survey_id: str, method: str) -> Edit:
    """How a survey's satisfaction rate is computed (:func:`wcif_desktop.services.survey.set_satisfaction_method`)."""
    from . import survey

    old = ef.get(survey.Survey, survey_id).satisfaction_method
    return _change(Message(QT_TRANSLATE_NOOP("core", "修改满意度计算方法")),
                   lambda method: survey.set_satisfaction_method(ef, survey_id, method), {"method": old},
                   {"method": method})


# ------------------------------------------------------------------------------------------------ imports
def declare_independence(ef: EvaluationFile, member_id: str, independent: bool, declared_on: str, note: str) -> Edit:
    """A team member's independence declaration (:func:`wcif_desktop.services.plan.declare_independence`); undo
    restores the previous one, or removes it when there was none (one transaction)."""
    from ..domain.review import IndependenceDeclaration
    from . import plan as psvc

    old = psvc.independence(ef).get(member_id)
    name = Message(QT_TRANSLATE_NOOP("core", "修改独立性声明"))
    if old and (old.independent, old.declared_on, old.note) == (independent, declared_on, note):
        return _none(name)

    def undo() -> Changes:
        if old is not None:
            return psvc.declare_independence(ef, member_id, old.independent, old.declared_on, old.note)
        changes = Changes()
        with ef.transaction():
            for d in ef.records(IndependenceDeclaration, "member_id = ?", [member_id]):
                _merge(changes, svc.delete_record(ef, IndependenceDeclaration, d.id))
        return changes.add(IndependenceDeclaration.table)

    return Edit(name, lambda: psvc.declare_independence(ef, member_id, independent, declared_on, note), undo)


def import_targets(ef: EvaluationFile, plan) -> Edit:
    """Write a checked target-table import (:func:`wcif_desktop.services.targets.apply_target_import`); undo
    deletes the rows it added (one transaction)."""
    from ..domain.model import TargetIndicator
    from . import targets as tg

    result: dict = {}

    def do() -> Changes:
        result["changes"] = tg.apply_target_import(ef, plan)
        return result["changes"]

    def undo() -> Changes:
        out = Changes()
        with ef.transaction():
            for rid in result["changes"].tables.get(TargetIndicator.table, ()):
                _merge(out, svc.delete_record(ef, TargetIndicator, rid))
        return out.add(TargetIndicator.table)

    return Edit(Message(QT_TRANSLATE_NOOP("core", "导入绩效目标表")), do, undo, result=result)


def import_statement(ef: EvaluationFile, plan) -> Edit:
    """Write a checked fund-statement import (:func:`wcif_desktop.services.finance.apply_statement_import`, one
    transaction); undo puts every line back as it was. ``result["changes"]``: what the import changed."""
    from . import finance as fin

    before = fin.lines_by_id(ef)
    result: dict = {}

    def do() -> Changes:
        result["changes"] = fin.apply_statement_import(ef, plan)
        return result["changes"] or Changes().add("finance_line")

    return Edit(Message(QT_TRANSLATE_NOOP("core", "导入基金收支表")), do,
                lambda: fin.revert_statement_import(ef, before, result.get("changes", Changes())), result=result)


def add_survey_response(ef: EvaluationFile, survey_id: str, answers: dict, respondent_id: str = "",
                        submitted_at: str = "") -> Edit:
    """One paper questionnaire entered (:func:`wcif_desktop.services.survey.add_response`); undo deletes it, redo
    brings the same response back. ``result["id"]``: the response id."""
    from . import survey

    result: dict = {}

    def do() -> Changes:
        if "id" in result:
            survey.restore_response(ef, result["id"])
        else:
            result["id"] = survey.add_response(ef, survey_id, answers, respondent_id=respondent_id,
                                               submitted_at=submitted_at).id
        return Changes().add("survey_response", result["id"]).add("survey_answer")

    return Edit(Message(QT_TRANSLATE_NOOP("core", "录入纸质问卷")), do,
                lambda: survey.delete_response(ef, result["id"]), result=result)


# ------------------------------------------------------------------------------------------------ expert panel
def panel_score_of(ef: EvaluationFile, indicator_id: str, member_id: str):
    """The expert ``member_id``'s own score record of an indicator, ``None`` before they scored it."""
    from ..domain.panel import PanelScore

    rows = ef.records(PanelScore, "indicator_id = ? AND member_id = ? AND kind = 'member'", [indicator_id, member_id])
    return rows[0] if rows else None


def set_panel_score(ef: EvaluationFile, indicator_id: str, member_id: str, score, reason: str = "") -> Edit:
    """An expert's own score and reason of an indicator; undo restores their previous ones."""
    from . import scoring

    old = panel_score_of(ef, indicator_id, member_id)
    old_score, old_reason = (old.score, old.reason) if old else (None, "")
    return Edit(Message(QT_TRANSLATE_NOOP("core", "专家评分")),
                lambda: scoring.set_panel_score(ef, indicator_id, member_id, score, reason),
                lambda: scoring.set_panel_score(ef, indicator_id, member_id, old_score, old_reason))

def consensus_of(ef: EvaluationFile, indicator_id: str):
    """The panel's agreed (合议) score record of an indicator, ``None`` before one was recorded."""
    from ..domain.panel import PanelScore

    rows = ef.records(PanelScore, "indicator_id = ? AND kind = 'consensus'", [indicator_id])
    return rows[0] if rows else None


def record_consensus(ef: EvaluationFile, indicator_id: str, score, reason: str, recorded_by: str) -> Edit:
    """The panel's agreed score and reason of an indicator (:func:`wcif_desktop.services.scoring.record_consensus`,
    used when the method is 专家组合议); undo restores the previous agreed score (or none).

    Raises (when run):
        ValidationError: score outside [0, weight], below the weight without a reason, not a leaf.
    """
    from . import scoring

    old = consensus_of(ef, indicator_id)
    old_score, old_reason, old_by = (old.score, old.reason, old.member_id) if old else (None, "", recorded_by)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "记录专家组合议得分")),
                lambda: scoring.record_consensus(ef, indicator_id, score, reason, recorded_by),
                lambda: scoring.record_consensus(ef, indicator_id, old_score, old_reason, old_by))


def set_panel_method(ef: EvaluationFile, method: str) -> Edit:
    """How the panel's scores are combined (see :func:`wcif_desktop.services.scoring.set_panel_method`)."""
    from . import scoring

    old = scoring.settings(ef).panel_method
    name = Message(QT_TRANSLATE_NOOP("core", "专家评分汇总方法"))
    if method == old:
        return _none(name)
    return Edit(name, lambda: scoring.set_panel_method(ef, method), lambda: scoring.set_panel_method(ef, old))


def reveal_panel(ef: EvaluationFile, lead_id: str) -> Edit:
    """The team lead reveals the experts' scores to each other; undo hides them again."""
    from . import scoring

    return Edit(Message(QT_TRANSLATE_NOOP("core", "公开专家评分")), lambda: scoring.reveal_panel(ef, lead_id),
                lambda: scoring.update_settings(ef, panel_revealed=False, panel_revealed_by="", panel_revealed_at=""))


def apply_panel(ef: EvaluationFile) -> Edit:
    """Combine the panel's scores into the indicators' scores; undo restores every score and reason."""
    from . import scoring

    old = _scores(ef)
    return Edit(Message(QT_TRANSLATE_NOOP("core", "汇总专家评分")),
                lambda: scoring.apply_panel(ef) or Changes().add("indicator"), lambda: _restore_scores(ef, old))


__all__ = ["Edit", "move_request_item", "set_prevention_cap_rate", "set_plan", "set_request_status",
           "set_satisfaction_method", "sign_off", "unlink_evidence", "update_interview", "update_phase",
           "update_request_item", "update_working_paper", "add_created", "add_survey_response", "declare_independence", "import_statement",
           "import_targets", "add_indicator", "apply_panel", "cite", "move_indicator", "panel_score_of", "remove_indicator",
           "reveal_panel", "set_panel_method", "set_panel_score", "uncite", "add_record", "apply_framework_template", "delete_record", "edit_fields", "edit_indicator",
           "recompute_scores", "set_narrative", "set_score", "swap_order"]
