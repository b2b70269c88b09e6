"""What stands behind a finding: a problem (存在问题) links to the indicators, working papers (工作底稿) and
evidence (证据) it rests on; a recommendation (有关建议) answers problems (``Finding.answers``, comma-separated
problem ids). 财预〔2020〕10号 附件3 asks for problems with their causes and recommendations that address them.

Links live in table ``finding_link`` (migration m0051). Every edit returns
:class:`~wcif_desktop.services.evaluation.Changes` naming ``finding_link`` (and ``finding`` for answers) and is
refused on a locked evaluation like every other edit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..domain.model import Finding, Record
from ..store.db import EvaluationFile
from . import evaluation as svc

TABLE = "finding_link"
# target kind → (table, Chinese name)
TARGETS = {"indicator": ("indicator", "指标"), "working_paper": ("working_paper", "工作底稿"),
           "evidence": ("evidence", "证据")}


@dataclass
class FindingLink(Record):
    """One link of a finding to an indicator, a working paper or a piece of evidence."""

    table = TABLE
    finding_id: str = ""
    target_kind: str = ""  # key of TARGETS
    target_id: str = ""


@dataclass(frozen=True)
class LinkInfo:
    link_id: str  # '' for a link derived from another (e.g. a working paper of a linked indicator)
    kind: str
    target_id: str
    label: str  # e.g. "指标 1.1.1 立项依据充分性"
    derived: bool = False


def available(ef: EvaluationFile) -> bool:
    """Whether the file has the link table (files at schema ≥ 0060 made before m0051 existed lack it)."""
    return ef.has_table(TABLE)


def _has(ef: EvaluationFile, table: str) -> bool:
    return ef.has_table(table)


def _label(ef: EvaluationFile, kind: str, target_id: str) -> str:
    """e.g. ``指标 1.1.1 立项依据充分性``, a :class:`~wcif_desktop.domain.errors.Message` the UI shows in its
    language (the kind; the code, name or title stay as written)."""
    table, name = TARGETS[kind]
    rows = ef.rows(table, "id = ?", [target_id]) if _has(ef, table) else []
    r = rows[0] if rows else None
    if kind == "indicator":
        if r is None:
            return Message(QT_TRANSLATE_NOOP("core", "指标（已删除）"))
        detail = _detail(name, f"{name} {r.get('code') or ''} {r.get('name') or ''}".replace("  ", " ").strip())
        if detail is None:
            return Message(QT_TRANSLATE_NOOP("core", "指标"))
        return Message(QT_TRANSLATE_NOOP("core", "指标 {detail}"), detail=detail)
    if kind == "working_paper":
        if r is None:
            return Message(QT_TRANSLATE_NOOP("core", "工作底稿（已删除）"))
        detail = _detail(name, f"{name} {r.get('code') or ''} {r.get('title') or ''}".replace("  ", " ").strip())
        if detail is None:
            return Message(QT_TRANSLATE_NOOP("core", "工作底稿"))
        return Message(QT_TRANSLATE_NOOP("core", "工作底稿 {detail}"), detail=detail)
    if r is None:
        return Message(QT_TRANSLATE_NOOP("core", "证据（已删除）"))
    detail = _detail(name, f"{name} {r.get('original_name') or ''}".strip())
    if detail is None:
        return Message(QT_TRANSLATE_NOOP("core", "证据"))
    return Message(QT_TRANSLATE_NOOP("core", "证据 {detail}"), detail=detail)


def _detail(name: str, text: str) -> str | None:
    """What follows the kind's name in a label ``text`` (``None``: the label is the name alone)."""
    if text == name:
        return None
    assert text.startswith(name + " "), text  # the name has no spaces, so strip() and replace() keep "名 "
    return text[len(name) + 1:]


def _code_key(code: str) -> tuple:
    """``1.10`` after ``1.2`` (numeric parts compare as numbers)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def candidates(ef: EvaluationFile, kind: str) -> list[tuple[str, str]]:
    """``[(id, label)]`` of what a finding can link to, in the file's order (empty when the table is absent)."""
    if kind not in TARGETS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问题只能关联到指标、工作底稿或证据，不能关联到“{kind}”"),
                              kind=kind)
    table = TARGETS[kind][0]
    if not _has(ef, table):
        return []
    rows = ef.rows(table)
    if kind == "indicator":
        rows.sort(key=lambda r: (_code_key(r.get("code") or ""), r.get("sort_order") or 0))
    elif kind == "working_paper":
        rows.sort(key=lambda r: (r.get("sort_order") or 0, r.get("code") or ""))
    else:
        rows.sort(key=lambda r: (r.get("added_at") or "", r.get("original_name") or ""))
    return [(r["id"], _label(ef, kind, r["id"])) for r in rows]


def links(ef: EvaluationFile, finding_id: str, *, derived: bool = True) -> list[LinkInfo]:
    """The finding's links (indicators first, then working papers, then evidence). With ``derived``, also the
    working papers that cite a linked indicator and the evidence attached to a linked indicator or paper."""
    if not available(ef):
        return []
    order = list(TARGETS)
    direct = ef.records(FindingLink, "finding_id = ?", [finding_id])
    out = [LinkInfo(lk.id, lk.target_kind, lk.target_id, _label(ef, lk.target_kind, lk.target_id))
           for lk in direct if lk.target_kind in TARGETS]
    if derived:
        seen = {(i.kind, i.target_id) for i in out}
        indicators = {i.target_id for i in out if i.kind == "indicator"}
        papers = {i.target_id for i in out if i.kind == "working_paper"}
        if indicators and _has(ef, "working_paper"):
            from ..domain.review import ids

            for r in ef.rows("working_paper"):
                try:
                    cited = set(ids(r.get("indicator_ids") or ""))
                except ValidationError:
                    continue
                if cited & indicators and ("working_paper", r["id"]) not in seen:
                    out.append(LinkInfo("", "working_paper", r["id"], _label(ef, "working_paper", r["id"]), True))
                    seen.add(("working_paper", r["id"]))
                    papers.add(r["id"])
        if _has(ef, "evidence_link"):
            for kind, targets in (("indicator", indicators), ("working_paper", papers)):
                for t in sorted(targets):
                    for r in ef.rows("evidence_link", "target_kind = ? AND target_id = ?", [kind, t]):
                        if ("evidence", r["evidence_id"]) not in seen:
                            out.append(LinkInfo("", "evidence", r["evidence_id"],
                                                _label(ef, "evidence", r["evidence_id"]), True))
                            seen.add(("evidence", r["evidence_id"]))
    out.sort(key=lambda i: (order.index(i.kind), i.derived))
    return out


def check_link(ef: EvaluationFile, finding_id: str, kind: str, target_id: str) -> FindingLink | None:
    """Validate a new link; returns the existing identical link, or ``None`` when it may be added.

    Raises:
        ValidationError: unknown kind, the finding or the target does not exist, the file lacks the link table.
    """
    if not available(ef):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "该评价文件不支持问题关联（请用新版本重新创建或导入评价文件）"))
    if kind not in TARGETS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问题只能关联到指标、工作底稿或证据，不能关联到“{kind}”"),
                              kind=kind)
    ef.get(Finding, finding_id)
    table = TARGETS[kind][0]
    try:
        exists = bool(ef.rows(table, "id = ?", [target_id]))
    except sqlite3.Error:
        exists = False
    if not exists and kind == "indicator":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的指标不存在：{target_id}"), target_id=target_id)
    if not exists and kind == "working_paper":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的工作底稿不存在：{target_id}"), target_id=target_id)
    if not exists:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "要关联的证据不存在：{target_id}"), target_id=target_id)
    found = ef.records(FindingLink, "finding_id = ? AND target_kind = ? AND target_id = ?",
                       [finding_id, kind, target_id])
    return found[0] if found else None


def link(ef: EvaluationFile, finding_id: str, kind: str, target_id: str) -> tuple[FindingLink, svc.Changes]:
    """Link a finding to an indicator, working paper or evidence (an existing identical link is returned with
    empty changes).

    Raises:
        ValidationError: as :func:`check_link`; the evaluation is locked.
    """
    existing = check_link(ef, finding_id, kind, target_id)
    if existing is not None:
        return existing, svc.Changes()
    rec = FindingLink(finding_id=finding_id, target_kind=kind, target_id=target_id)
    return rec, svc.add_record(ef, rec)


def unlink(ef: EvaluationFile, link_id: str) -> svc.Changes:
    """Remove one link (tombstone; undo restores it). Raises ValidationError on a locked evaluation."""
    return svc.delete_record(ef, FindingLink, link_id)


def answered_problems(finding: Finding) -> list[str]:
    """Ids in a recommendation's ``answers`` (order kept, blanks dropped)."""
    return [a.strip() for a in (finding.answers or "").split(",") if a.strip()]


def set_answers(ef: EvaluationFile, recommendation_id: str, problem_ids) -> svc.Changes:
    """Set the problems a recommendation answers (``Finding.answers``, comma-separated ids).

    Raises:
        ValidationError: not a recommendation, an id that is no live problem, the evaluation is locked.
    """
    rec: Finding = ef.get(Finding, recommendation_id)
    if rec.kind != "recommendation":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "只有建议可以对应问题：“{title}”"), title=rec.title)
    live = {r["id"] for r in ef.rows("finding", "kind = 'problem'")}
    ids_ = []
    for p in problem_ids:
        if p not in live:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "建议对应的问题不存在：{problem_id}"), problem_id=p)
        if p not in ids_:
            ids_.append(p)
    return svc.update_record(ef, Finding, recommendation_id, answers=",".join(ids_))


__all__ = [
    "TARGETS",
    "FindingLink",
    "LinkInfo",
    "answered_problems",
    "available",
    "candidates",
    "check_link",
    "link",
    "links",
    "set_answers",
    "unlink",
]
