"""Team and plan (团队与方案): members and their independence declarations, the evaluation plan, basis
documents, schedule of phases, and the sentences of report section 二 written from them.

Every edit validates, writes in one transaction (audit-logged) and returns a
:class:`~wcif_desktop.services.evaluation.Changes` record.
"""

from __future__ import annotations

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..domain.model import ROLES, TeamMember
from ..domain.review import (
    DocumentRequest,
    EvaluationPlan,
    IndependenceDeclaration,
    Interview,
    PlanBasis,
    PlanPhase,
    dump_ids,
    ids,
    parse_date,
    validate_methods,
    validate_standards,
    work_process_sentences,
)
from ..store.db import EvaluationFile
from . import evaluation as svc
from .evaluation import Changes


# ---------------------------------------------------------------------------------------------- team
def team(ef: EvaluationFile) -> list[TeamMember]:
    """The evaluation team (评价小组) in list order."""
    return sorted(ef.records(TeamMember), key=lambda m: m.sort_order)


def member(ef: EvaluationFile, member_id: str) -> TeamMember:
    """One team member. Raises ValidationError when the id is not a (live) member."""
    rows = ef.rows("team_member", "id = ?", [member_id])
    if not rows:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价小组中没有该成员：{member}"), member=member_id)
    return ef.get(TeamMember, member_id)


def find_member(ef: EvaluationFile, name_or_id: str) -> TeamMember:
    """A member by id or by exact name. Raises ValidationError when none or several match."""
    for m in team(ef):
        if m.id == name_or_id:
            return m
    found = [m for m in team(ef) if m.name == name_or_id]
    if not found:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价小组中没有成员“{name}”"), name=name_or_id)
    if len(found) != 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价小组中有多名成员“{name}”"), name=name_or_id)
    return found[0]


def add_team_member(ef: EvaluationFile, name: str, role: str = "member", qualification: str = "",
                    organisation: str = "", contact: str = "") -> tuple[TeamMember, Changes]:
    """Add a team member. ``role`` is a key of ROLES (lead/member/expert/reviewer) or its Chinese name.

    Raises:
        ValidationError: empty name or unknown role.
    """
    name = (name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "成员姓名不能为空"))
    role = _role_key(role)
    rec = TeamMember(name=name, role=role, qualification=qualification, organisation=organisation,
                     contact=contact, sort_order=len(team(ef)))
    return rec, svc.add_record(ef, rec)


def _role_key(role: str) -> str:
    if role in ROLES:
        return role
    for k, v in ROLES.items():
        if v == role:
            return k
    raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的小组角色：{role}（可选：{roles}）"), role=role,
                          roles="、".join(ROLES.values()))


def declare_independence(ef: EvaluationFile, member_id: str, independent: bool, declared_on: str,
                         note: str = "") -> Changes:
    """Record a member's independence declaration (独立性声明), replacing an earlier one.

    Third-party rules ask that the agency and its people be independent of the commissioner and the evaluated
    unit (财监〔2021〕4号; shared/DOMAIN.md §2). A "no" needs a note saying what the relation is.

    Raises:
        ValidationError: unknown member, malformed date, or "no" without a note.
    """
    m = member(ef, member_id)
    parse_date(declared_on, "声明日期")
    if not independent and not note.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{name} 声明不具备独立性时，须说明关联关系"), name=m.name)
    changes = Changes()
    with ef.transaction():
        for old in ef.records(IndependenceDeclaration, "member_id = ?", [member_id]):
            changes.tables.update(svc.delete_record(ef, IndependenceDeclaration, old.id).tables)
        rec = IndependenceDeclaration(member_id=member_id, independent=bool(independent),
                                      declared_on=declared_on[:10], note=note)
        svc.add_record(ef, rec)
    return changes.add(IndependenceDeclaration.table, rec.id)


def independence(ef: EvaluationFile) -> dict[str, IndependenceDeclaration]:
    """member id → its current independence declaration (members without one are absent)."""
    return {d.member_id: d for d in ef.records(IndependenceDeclaration)}


def independence_problems(ef: EvaluationFile) -> list[str]:
    """Readiness messages: members without a declaration, and members who declared they are not independent."""
    decl = independence(ef)
    out = []
    for m in team(ef):
        d = decl.get(m.id)
        if d is None:
            out.append(Message(QT_TRANSLATE_NOOP("core", "{name}（{role}）尚未填写独立性声明"), name=m.name,
                               role=ROLES.get(m.role, m.role)))
        elif not d.independent:
            out.append(Message(QT_TRANSLATE_NOOP("core", "{name}（{role}）声明不具备独立性：{note}"), name=m.name,
                               role=ROLES.get(m.role, m.role), note=d.note))
    return out


# ---------------------------------------------------------------------------------------------- plan
def plan(ef: EvaluationFile) -> EvaluationPlan:
    """The evaluation plan; an empty, unsaved one when none is stored yet."""
    recs = ef.records(EvaluationPlan)
    return recs[0] if recs else EvaluationPlan()


def set_plan(ef: EvaluationFile, *, objectives: str | None = None, evaluation_object: str | None = None,
             scope: str | None = None, principles: str | None = None, methods=None, standards=None,
             standards_note: str | None = None) -> Changes:
    """Set fields of the evaluation plan (created on first use). ``None`` leaves a field as it is.

    Args:
        methods: names among the six of 财预〔2020〕10号 (成本效益分析法 … 标杆管理法).
        standards: keys plan/industry/history/other or 计划标准/行业标准/历史标准/其他标准 (or 计划/行业/…).

    Raises:
        ValidationError: an unknown method or standard.
    """
    fields = {k: v for k, v in dict(objectives=objectives, evaluation_object=evaluation_object, scope=scope,
                                    principles=principles, standards_note=standards_note).items()
              if v is not None}
    if methods is not None:
        fields["methods"] = dump_ids(validate_methods(methods))
    if standards is not None:
        fields["standards"] = dump_ids(validate_standards(standards))
    recs = ef.records(EvaluationPlan)
    if recs:
        return svc.update_record(ef, EvaluationPlan, recs[0].id, **fields)
    return svc.add_record(ef, EvaluationPlan(**fields))


def add_basis(ef: EvaluationFile, title: str, issuer: str = "", number: str = "") -> tuple[PlanBasis, Changes]:
    """Add a basis document (评价依据), e.g. title 《…》, issuer 内蒙古自治区人力资源和社会保障厅,
    number 内人社发〔2020〕26号.

    Raises:
        ValidationError: empty title.
    """
    title = (title or "").strip()
    if not title:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价依据的文件名称不能为空"))
    rec = PlanBasis(title=title, issuer=issuer.strip(), number=number.strip(),
                    sort_order=len(ef.records(PlanBasis)))
    return rec, svc.add_record(ef, rec)


def basis(ef: EvaluationFile) -> list[PlanBasis]:
    return sorted(ef.records(PlanBasis), key=lambda b: b.sort_order)


def _check_phase(ef: EvaluationFile, start_date: str, end_date: str, owner_ids) -> None:
    a = parse_date(start_date, "开始日期") if start_date else None
    b = parse_date(end_date, "结束日期") if end_date else None
    if a and b and b < a:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "结束日期 {end} 早于开始日期 {start}"), end=end_date,
                              start=start_date)
    for i in owner_ids or []:
        member(ef, i)


def add_phase(ef: EvaluationFile, name: str, start_date: str = "", end_date: str = "", owner_ids=(),
              description: str = "") -> tuple[PlanPhase, Changes]:
    """Add a phase of the schedule (e.g. 前期准备 2022-04-01 … 2022-04-08, owners = member ids).

    Raises:
        ValidationError: empty name, malformed dates, end before start, an owner who is not a member.
    """
    if not (name or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "阶段名称不能为空"))
    _check_phase(ef, start_date, end_date, owner_ids)
    rec = PlanPhase(name=name.strip(), start_date=start_date[:10], end_date=end_date[:10],
                    owner_ids=dump_ids(owner_ids), description=description,
                    sort_order=len(ef.records(PlanPhase)))
    return rec, svc.add_record(ef, rec)


def update_phase(ef: EvaluationFile, phase_id: str, **fields) -> Changes:
    """Change a phase; ``owner_ids`` may be given as a list. Same checks as :func:`add_phase`."""
    cur: PlanPhase = ef.get(PlanPhase, phase_id)
    if "owner_ids" in fields and not isinstance(fields["owner_ids"], str):
        fields["owner_ids"] = dump_ids(fields["owner_ids"])
    _check_phase(ef, fields.get("start_date", cur.start_date), fields.get("end_date", cur.end_date),
                 ids(fields.get("owner_ids", cur.owner_ids)))
    return svc.update_record(ef, PlanPhase, phase_id, **fields)


def phases(ef: EvaluationFile) -> list[PlanPhase]:
    return sorted(ef.records(PlanPhase), key=lambda p: p.sort_order)


def move(ef: EvaluationFile, cls, record_id: str, new_index: int) -> Changes:
    """Move a record of an ordered list (basis, phase, request item …) to position ``new_index`` (0-based,
    clamped) and renumber ``sort_order`` 0…n−1, in one transaction."""
    items = sorted(ef.records(cls), key=lambda r: r.sort_order)
    pos = next((i for i, r in enumerate(items) if r.id == record_id), None)
    if pos is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "记录不存在：{table}/{record_id}"), table=cls.table,
                              record_id=record_id)
    rec = items.pop(pos)
    new_index = max(0, min(int(new_index), len(items)))
    items.insert(new_index, rec)
    changes = Changes()
    with ef.transaction():
        for i, r in enumerate(items):
            if r.sort_order != i:
                changes.tables.setdefault(cls.table, set()).update(
                    svc.update_record(ef, cls, r.id, sort_order=i).tables.get(cls.table, set()))
    return changes


# ---------------------------------------------------------------------------------------------- report §二
def work_process_sentences_for(ef: EvaluationFile) -> list[str]:
    """Report section 二 (工作过程) sentences for this evaluation: the schedule's phases with dates and owners,
    then the number of request items reviewed (status 已核查) and of interview records.

    See :func:`wcif_desktop.domain.review.work_process_sentences` for the shape.
    """
    requests = ef.records(DocumentRequest)
    reviewed = sum(1 for r in requests if r.status == "reviewed")
    received = sum(1 for r in requests if r.status in ("received", "provided", "reviewed"))
    interviews = ef.records(Interview)
    visits = len(ef.rows("site_visit")) if ef.has_table("site_visit") else 0
    responses = (len(ef.rows("survey_response", "excluded = 0 OR excluded IS NULL"))
                 if ef.has_table("survey_response") else 0)
    return work_process_sentences(phases(ef), team(ef), reviewed, len(interviews), requested=len(requests),
                                  received=received, site_visits=visits, survey_responses=responses)
