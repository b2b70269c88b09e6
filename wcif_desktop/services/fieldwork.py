"""Site schedule (调研安排) and research answers (调研提纲 answers per visited unit): the edits.

Each returns the :class:`~wcif_desktop.services.evaluation.Changes` it made; writes are audit-logged and refused
on a locked evaluation.
"""

from __future__ import annotations

import datetime as _dt
import json

from ..domain.docrecords import ResearchAnswer, SiteVisit
from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError
from ..store.db import EvaluationFile
from . import evaluation as svc
from .deliverables.sources import outline_topics
from .evaluation import Changes


def _date(value: str, what: str) -> str:
    if not value:
        return ""
    try:
        return _dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{what}格式不正确（应为 YYYY-MM-DD）：{value}"), what=what,
                              value=repr(value)) from None


def _members(ef: EvaluationFile, member_ids) -> str:
    ids = list(member_ids or [])
    for i in ids:
        if not ef.rows("team_member", "id = ?", [i]):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评价小组中没有该成员：{member}"), member=i)
    return json.dumps(ids, ensure_ascii=False)


def add_site_visit(ef: EvaluationFile, place: str, unit: str, visit_date: str = "", *, itinerary: str = "",
                   member_ids=(), reason: str = "") -> tuple[SiteVisit, Changes]:
    """Add a stop of the site schedule.

    Raises:
        ValidationError: no place and no unit, a malformed date, a member who is not in the team, no reason
            (the reason each site was selected is required: it shows the sample is not arbitrary).
    """
    if not (place or "").strip() and not (unit or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "调研地点和调研单位不能都为空"))
    if not (reason or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请说明选取“{site}”的理由"), site=unit or place)
    rec = SiteVisit(place=place.strip(), unit=unit.strip(), visit_date=_date(visit_date, "调研日期"),
                    itinerary=itinerary, member_ids=_members(ef, member_ids), reason=reason.strip(),
                    sort_order=len(ef.records(SiteVisit)))
    return rec, svc.add_record(ef, rec)


def update_site_visit(ef: EvaluationFile, visit_id: str, **fields) -> Changes:
    """Change fields of a stop (``member_ids`` as a list). Same checks as :func:`add_site_visit`."""
    if "visit_date" in fields:
        fields["visit_date"] = _date(fields["visit_date"], "调研日期")
    if "member_ids" in fields and not isinstance(fields["member_ids"], str):
        fields["member_ids"] = _members(ef, fields["member_ids"])
    if "reason" in fields and not str(fields["reason"]).strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "选取理由不能为空"))
    return svc.update_record(ef, SiteVisit, visit_id, **fields)


def site_visits(ef: EvaluationFile) -> list[SiteVisit]:
    return sorted(ef.records(SiteVisit), key=lambda v: v.sort_order)


def record_answer(ef: EvaluationFile, site_visit_id: str, topic: str, question: str, answer: str,
                  answered_on: str = "") -> tuple[ResearchAnswer, Changes]:
    """Record (or replace) a visited unit's answer to a question of the research outline.

    Raises:
        ValidationError: unknown visit, unknown topic key, empty question.
    """
    visit: SiteVisit = ef.get(SiteVisit, site_visit_id)
    keys = {t["key"] for t in outline_topics()}
    if topic not in keys:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "调研提纲中没有主题：{topic}（可选：{topics}）"), topic=topic,
                              topics="、".join(sorted(keys)))
    if not (question or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问题不能为空"))
    existing = [a for a in ef.records(ResearchAnswer, "site_visit_id = ? AND topic = ? AND question = ?",
                                      [site_visit_id, topic, question.strip()])]
    if existing:
        ch = svc.update_record(ef, ResearchAnswer, existing[0].id, answer=answer,
                               answered_on=_date(answered_on, "回答日期"))
        return ef.get(ResearchAnswer, existing[0].id), ch
    rec = ResearchAnswer(topic=topic, question=question.strip(), site_visit_id=site_visit_id,
                         unit=visit.unit or visit.place, answer=answer, answered_on=_date(answered_on, "回答日期"),
                         sort_order=len(ef.records(ResearchAnswer)))
    return rec, svc.add_record(ef, rec)


__all__ = ["add_site_visit", "record_answer", "site_visits", "update_site_visit"]
