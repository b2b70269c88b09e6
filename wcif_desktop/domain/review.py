"""Team, plan and on-site document review (评价小组、评价方案、现场资料核查): records and rules, no SQL, no Qt.

Records (tables created by ``store/migrations/m0020_review.py``):

- :class:`IndependenceDeclaration` — a team member's independence declaration (独立性声明), as the third-party
  rules ask (财预〔2021〕6号; 财监〔2021〕4号: a 第三方机构 is 独立于委托方和评价对象).
- :class:`EvaluationPlan`, :class:`PlanBasis`, :class:`PlanPhase` — the evaluation plan (评价方案): objectives,
  object and scope, basis documents, methods and standards of 财预〔2020〕10号, schedule of phases.
- :class:`DocumentRequest`, :class:`ReviewNote` — the document request list (资料清单) and the team's review
  notes (查阅资料记录).
- :class:`Evidence`, :class:`EvidenceLink` — files kept inside the evaluation file, content-addressed by SHA-256.
- :class:`WorkingPaper` (工作底稿) with preparer / reviewer sign-off, :class:`Interview` (访谈记录).

Dates are ISO text (``2022-04-01``); times are ISO date-times with offset. List-valued fields (ids, methods,
standards) are JSON arrays stored as text; use :func:`ids` / :func:`dump_ids` to read and write them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, ValidationError
from .model import ROLES, Record, TeamMember

# 财预〔2020〕10号 — the six evaluation methods, in the order of the text (shared/DOMAIN.md §1.1).
METHODS = ("成本效益分析法", "比较法", "因素分析法", "最低成本法", "公众评判法", "标杆管理法")

# 评价标准 (shared/DOMAIN.md §1.2): key → Chinese name.
STANDARDS = {"plan": "计划标准", "industry": "行业标准", "history": "历史标准", "other": "其他标准"}

# Status of a request item: key → Chinese label. requested → received → reviewed; or not provided / n.a.
REQUEST_STATUSES = {
    "requested": "已索取",
    "received": "已收到",
    "reviewed": "已核查",
    "not_provided": "未提供",
    "not_applicable": "不适用",
}

# Allowed status changes. A late delivery moves not_provided → received; a reviewed item can be reopened.
TRANSITIONS = {
    "requested": {"received", "not_provided", "not_applicable"},
    "received": {"reviewed", "requested", "not_applicable"},
    "reviewed": {"received"},
    "not_provided": {"received", "requested", "not_applicable"},
    "not_applicable": {"requested"},
}

# What evidence may be attached to: link target kind → table name.
LINK_TARGETS = {"document_request": "document_request", "indicator": "indicator", "working_paper": "working_paper"}


# ---------------------------------------------------------------------------------------------- records
@dataclass
class IndependenceDeclaration(Record):
    """A team member's declaration that they are independent of the commissioner and the evaluated unit.

    ``independent`` is the answer (是/否); ``declared_on`` an ISO date; ``note`` explains a "no" or a relation.
    One live declaration per member (a new one replaces the old).
    """

    table = "independence_declaration"
    member_id: str = ""
    independent: bool = True
    declared_on: str = ""
    note: str = ""


@dataclass
class EvaluationPlan(Record):
    """The evaluation plan (评价方案), one row per evaluation.

    ``methods``: JSON list of names from :data:`METHODS`; ``standards``: JSON list of keys of :data:`STANDARDS`;
    ``standards_note``: how each standard is used (free text).
    """

    table = "evaluation_plan"
    objectives: str = ""  # 评价目的
    evaluation_object: str = ""  # 评价对象
    scope: str = ""  # 评价范围
    principles: str = ""  # 评价原则
    methods: str = "[]"
    standards: str = "[]"
    standards_note: str = ""


@dataclass
class PlanBasis(Record):
    """A basis document (评价依据): title, issuer and number, e.g. 内人社发〔2020〕26号."""

    table = "plan_basis"
    title: str = ""
    issuer: str = ""
    number: str = ""
    sort_order: int = 0


@dataclass
class PlanPhase(Record):
    """A phase of the schedule (工作过程): name, ISO start/end dates, owners (JSON list of team member ids)."""

    table = "plan_phase"
    name: str = ""
    start_date: str = ""
    end_date: str = ""
    owner_ids: str = "[]"
    description: str = ""
    sort_order: int = 0


@dataclass
class DocumentRequest(Record):
    """One item of the document request list (资料清单).

    ``code`` (e.g. ``C03``) is printed on the list handed to the unit and never changes, so paper can be matched
    to the item later; ``sort_order`` is the position in the list. ``status`` is a key of
    :data:`REQUEST_STATUSES`.
    """

    table = "document_request"
    code: str = ""
    category: str = ""
    title: str = ""
    description: str = ""
    requested_on: str = ""
    due_on: str = ""
    status: str = "requested"
    status_changed_at: str = ""
    provider_note: str = ""  # what the unit said (e.g. why not provided)
    sort_order: int = 0


@dataclass
class ReviewNote(Record):
    """A review note (查阅记录) on a request item: who read it, when, what was found."""

    table = "review_note"
    request_id: str = ""
    reviewer_id: str = ""  # team member id
    reviewer_name: str = ""  # name at the time of writing
    written_at: str = ""
    text: str = ""


@dataclass
class Evidence(Record):
    """A file kept inside the evaluation file (证据/附件). One record per distinct content (``sha256``).

    ``size`` in bytes; ``original_name`` as given when first attached (may hold characters Windows forbids:
    names are sanitized only on extract); ``media_type`` e.g. ``application/pdf``.
    """

    table = "evidence"
    sha256: str = ""
    size: int = 0
    original_name: str = ""
    media_type: str = ""
    added_by: str = ""
    added_at: str = ""
    note: str = ""


@dataclass
class EvidenceLink(Record):
    """Evidence attached to a request item, an indicator or a working paper (``target_kind`` in LINK_TARGETS)."""

    table = "evidence_link"
    evidence_id: str = ""
    target_kind: str = ""
    target_id: str = ""


@dataclass
class WorkingPaper(Record):
    """A working paper (工作底稿) with preparer and reviewer sign-off (编制人/复核人签字).

    ``indicator_ids``/``request_ids``: JSON lists of linked ids. Each sign-off keeps the content hash it signed
    (``prepared_hash``/``reviewed_hash``, see :func:`paper_content_hash`); when the content changes afterwards
    the sign-off is *stale* (:func:`signoff_state`).
    """

    table = "working_paper"
    code: str = ""
    title: str = ""
    body: str = ""
    indicator_ids: str = "[]"
    request_ids: str = "[]"
    preparer_id: str = ""
    prepared_at: str = ""
    prepared_hash: str = ""
    reviewer_id: str = ""
    reviewed_at: str = ""
    reviewed_hash: str = ""
    sort_order: int = 0


@dataclass
class Interview(Record):
    """An interview record (访谈记录): who (name, role, unit), when, where, interviewers, summary, indicators."""

    table = "interview"
    interviewee: str = ""
    interviewee_role: str = ""
    interviewee_unit: str = ""
    held_at: str = ""  # ISO date or date-time
    place: str = ""
    interviewer_ids: str = "[]"
    summary: str = ""
    indicator_ids: str = "[]"
    sort_order: int = 0


REVIEW_RECORD_TYPES: dict[str, type[Record]] = {
    cls.table: cls
    for cls in (IndependenceDeclaration, EvaluationPlan, PlanBasis, PlanPhase, DocumentRequest, ReviewNote,
                Evidence, EvidenceLink, WorkingPaper, Interview)
}


# ---------------------------------------------------------------------------------------------- helpers
def ids(text: str) -> list[str]:
    """A JSON list stored as text → list of str (``''`` → ``[]``).

    Raises:
        ValidationError: not a JSON list of strings.
    """
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "列表字段不是有效的 JSON：{text}"), text=repr(text)) from e
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "列表字段应为文本列表：{text}"), text=repr(text))
    return value


def dump_ids(values) -> str:
    """List of str → JSON text (order kept, duplicates dropped)."""
    seen: list[str] = []
    for v in values or []:
        if v not in seen:
            seen.append(str(v))
    return json.dumps(seen, ensure_ascii=False)


def parse_date(value: str, what: str = "日期") -> _dt.date:
    """ISO date text → date. Raises ValidationError naming ``what`` when malformed."""
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError) as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{what}格式不正确（应为 YYYY-MM-DD）：{value}"), what=what,
                              value=repr(value)) from e


def validate_methods(methods) -> list[str]:
    """Check method names against the six of 财预〔2020〕10号. Raises ValidationError naming unknown ones."""
    methods = list(methods)
    bad = [m for m in methods if m not in METHODS]
    if bad:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的评价方法：{methods}（可选：{choices}，财预〔2020〕10号）"),
                              methods="、".join(bad), choices="、".join(METHODS))
    return [m for m in METHODS if m in methods]


def validate_standards(standards) -> list[str]:
    """Standards by key (plan/industry/history/other) or Chinese name → keys. Raises ValidationError."""
    by_name = {v: k for k, v in STANDARDS.items()}
    by_name.update({v[:2]: k for k, v in STANDARDS.items()})  # 计划 / 行业 / 历史 / 其他
    keys = []
    for s in standards:
        key = s if s in STANDARDS else by_name.get(s)
        if key is None:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的评价标准：{standard}（可选：{choices}）"), standard=s,
                                  choices="、".join(STANDARDS.values()))
        if key not in keys:
            keys.append(key)
    return [k for k in STANDARDS if k in keys]


def check_transition(item: DocumentRequest, new_status: str) -> None:
    """Raise ValidationError unless ``item`` may move to ``new_status`` (see :data:`TRANSITIONS`)."""
    if new_status not in REQUEST_STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的资料状态：{status}（可选：{choices}）"), status=new_status,
                              choices="、".join(REQUEST_STATUSES))
    if new_status == item.status:
        return
    if new_status not in TRANSITIONS.get(item.status, set()):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "资料 {code}“{title}”不能从“{old}”改为“{new}”"),
                              code=item.code, title=item.title, old=REQUEST_STATUSES.get(item.status, item.status),
                              new=REQUEST_STATUSES[new_status])


def status_counts(items: list[DocumentRequest]) -> dict[str, int]:
    """Number of items per status key (every key of REQUEST_STATUSES present, zero when none)."""
    c = Counter(i.status for i in items)
    return {k: c.get(k, 0) for k in REQUEST_STATUSES}


def is_overdue(item: DocumentRequest, as_of: _dt.date) -> bool:
    """Still awaited (status ``requested``) and the due date lies before ``as_of``."""
    if item.status != "requested" or not item.due_on:
        return False
    return parse_date(item.due_on, f"资料 {item.code} 的截止日期") < as_of


def overdue_items(items: list[DocumentRequest], as_of: _dt.date) -> list[DocumentRequest]:
    """Items still awaited after their due date, as of ``as_of``, in list order."""
    return [i for i in sorted(items, key=lambda i: i.sort_order) if is_overdue(i, as_of)]


def paper_content_hash(paper: WorkingPaper, evidence_sha256s=()) -> str:
    """SHA-256 (hex) of what a sign-off vouches for: title, body, linked indicators/requests and evidence."""
    payload = json.dumps({
        "title": paper.title,
        "body": paper.body,
        "indicators": sorted(ids(paper.indicator_ids)),
        "requests": sorted(ids(paper.request_ids)),
        "evidence": sorted(evidence_sha256s),
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def signoff_state(signed_hash: str, current_hash: str) -> str:
    """``none`` (not signed), ``signed`` (content unchanged since) or ``stale`` (changed after signing)."""
    if not signed_hash:
        return "none"
    return "signed" if signed_hash == current_hash else "stale"


SIGNOFF_LABELS = {"none": "未签字", "signed": "已签字", "stale": "签字后已修改（需重新签字）"}


# ---------------------------------------------------------------------------------------------- report §二
def _fmt_date(d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _fmt_span(start: str, end: str) -> str:
    if start and end:
        a, b = parse_date(start), parse_date(end)
        if a == b:
            return _fmt_date(a)
        if a.year == b.year:
            tail = f"{b.month}月{b.day}日"
        else:
            tail = _fmt_date(b)
        return f"{_fmt_date(a)}至{tail}"
    if start:
        return f"{_fmt_date(parse_date(start))}起"
    if end:
        return f"{_fmt_date(parse_date(end))}前"
    return ""


def work_process_sentences(phases: list[PlanPhase], team: list[TeamMember], documents_reviewed: int,
                           interviews: int, interviewees: int | None = None, *, requested: int = 0,
                           received: int = 0, site_visits: int = 0, survey_responses: int = 0) -> list[str]:
    """Sentences of report section 二（工作过程） from the plan's schedule and the on-site record.

    Args:
        phases: the schedule (sorted by ``sort_order`` here); each gives 名称, dates and owners.
        team: the team, to name phase owners (组长 etc.).
        documents_reviewed: number of request items with status ``reviewed`` (查阅资料份数).
        interviews: number of interview records; ``interviewees`` the number of people if different.
        requested, received: request items listed / received (provided or reviewed); site_visits: places
            visited; survey_responses: valid questionnaires.

    Returns:
        e.g. ``["2022年4月1日至4月8日，前期准备：成立评价小组，制定评价方案（负责人：王建国）。", …,
        "评价小组现场查阅资料23项，开展访谈5次（访谈8人）。"]``. Only counts above zero are stated; nothing done
        yet → no closing sentence (a report never says “查阅资料0项”).
    """
    names = {m.id: m.name for m in team}
    out = []
    for ph in sorted(phases, key=lambda p: p.sort_order):
        span = _fmt_span(ph.start_date, ph.end_date)
        text = f"{span}，{ph.name}" if span else ph.name
        if ph.description:
            text += f"：{ph.description.rstrip('。；;. ')}"
        owners = [names[i] for i in ids(ph.owner_ids) if i in names]
        if owners:
            text += f"（负责人：{'、'.join(owners)}）"
        out.append(text + "。")
    parts = []
    if requested:
        parts.append(f"向被评价单位提出资料需求{requested}项，收到{received}项，查阅核查{documents_reviewed}项")
    elif documents_reviewed:
        parts.append(f"现场查阅资料{documents_reviewed}项")
    if interviews:
        talk = f"开展访谈{interviews}次"
        if interviewees is not None and interviewees != interviews:
            talk += f"（访谈{interviewees}人）"
        parts.append(talk)
    if site_visits:
        parts.append(f"实地调研{site_visits}处")
    if survey_responses:
        parts.append(f"回收有效调查问卷{survey_responses}份")
    if parts:
        out.append("评价小组" + "，".join(parts) + "。")
    return out


def role_label(role: str) -> str:
    return ROLES.get(role, role)
