"""On-site document review (现场资料核查): the document request list, review notes, working papers with
sign-off, interview records, and the request list's export to Excel and PDF.

Every edit validates, writes in one transaction (audit-logged) and returns a
:class:`~wcif_desktop.services.evaluation.Changes` record.
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.model import Indicator
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.review import (
    REQUEST_STATUSES,
    SIGNOFF_LABELS,
    DocumentRequest,
    Evidence,
    EvidenceLink,
    Interview,
    ReviewNote,
    WorkingPaper,
    check_transition,
    dump_ids,
    ids,
    overdue_items,
    paper_content_hash,
    parse_date,
    signoff_state,
    status_counts,
)
from ..paths import resource
from ..store.db import EvaluationFile, now_iso
from . import evaluation as svc
from .evaluation import Changes
from .plan import member, move

TEMPLATE_NAME = "request_list_wcif.toml"


# ---------------------------------------------------------------------------------------------- template
def load_template(path=None) -> dict:
    """The request-list template (default ``resources/templates/request_list_wcif.toml``) as a dict:
    ``{"title", "default_due_days", "category": [{"code", "name", "items": [{"title", "description"}]}]}``.

    Raises:
        WcifError: unreadable or malformed template (naming the file and the problem).
    """
    import tomllib  # (here: the step list imports this module when a file opens; only a new request list reads it)

    path = Path(path) if path else resource("templates", TEMPLATE_NAME)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取资料清单模板 {path}：{reason}"), path=path, reason=e) from e
    cats = data.get("category")
    if not isinstance(cats, list) or not cats:
        raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单模板 {path} 没有类别（[[category]]）"), path=path)
    codes = set()
    for i, c in enumerate(cats, start=1):
        if not c.get("code") or not c.get("name") or not isinstance(c.get("items"), list):
            raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单模板 {path} 第 {number} 个类别缺少 code、name 或 items"),
                            path=path, number=i)
        if c["code"] in codes:
            raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单模板 {path} 类别编号重复：{code}"), path=path,
                            code=c["code"])
        codes.add(c["code"])
        for j, it in enumerate(c["items"], start=1):
            if not str(it.get("title", "")).strip():
                raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单模板 {path} 类别 {code} 第 {number} 项缺少 title"),
                                path=path, code=c["code"], number=j)
    return data


def add_request_list_from_template(ef: EvaluationFile, requested_on: str | None = None, template=None
                                   ) -> Changes:
    """Build the request list from the fund's template (工伤保险基金资料清单), in one transaction.

    Items get codes ``<category code><nn>`` (A01, A02 …). Items already on the list (same category and title)
    are skipped, so calling it twice adds nothing. ``requested_on`` (ISO date) defaults to today; each item is
    due ``due_days`` (template, default 7) days later.

    Raises:
        WcifError: unreadable template; ValidationError: malformed date; evaluation locked.
    """
    data = template if isinstance(template, dict) else load_template(template)
    day = parse_date(requested_on, "索取日期") if requested_on else _dt.date.today()
    default_days = int(data.get("default_due_days", 7))
    existing = request_items(ef)
    have = {(i.category, i.title) for i in existing}
    codes = {i.code for i in existing}
    order = len(existing)
    changes = Changes()
    with ef.transaction():
        for cat in data["category"]:
            n = 0
            for it in cat["items"]:
                title = str(it["title"]).strip()
                if (cat["name"], title) in have:
                    continue
                n += 1
                code = f"{cat['code']}{n:02d}"
                while code in codes:
                    n += 1
                    code = f"{cat['code']}{n:02d}"
                codes.add(code)
                due = day + _dt.timedelta(days=int(it.get("due_days", cat.get("due_days", default_days))))
                rec = DocumentRequest(code=code, category=cat["name"], title=title,
                                      description=str(it.get("description", "")), requested_on=day.isoformat(),
                                      due_on=due.isoformat(), status="requested", status_changed_at=now_iso(),
                                      sort_order=order)
                order += 1
                svc.add_record(ef, rec)
                changes.add(DocumentRequest.table, rec.id)
    return changes


# ---------------------------------------------------------------------------------------------- request items
def request_counts(ef: EvaluationFile) -> tuple[dict[str, int], dict[str, int]]:
    """Per request item id: (evidence files linked to it, review notes on it)."""
    evidence: dict[str, int] = {}
    notes: dict[str, int] = {}
    for r in ef.rows("evidence_link", "target_kind = 'document_request'"):
        evidence[r["target_id"]] = evidence.get(r["target_id"], 0) + 1
    for r in ef.rows("review_note"):
        notes[r["request_id"]] = notes.get(r["request_id"], 0) + 1
    return evidence, notes


def request_items(ef: EvaluationFile) -> list[DocumentRequest]:
    """The request list in list order."""
    return sorted(ef.records(DocumentRequest), key=lambda r: (r.sort_order, r.code))


def find_request(ef: EvaluationFile, code_or_id: str) -> DocumentRequest:
    """A request item by its printed code (case-insensitive) or id.

    Raises:
        ValidationError: no such item.
    """
    for r in request_items(ef):
        if r.id == code_or_id or r.code.upper() == str(code_or_id).strip().upper():
            return r
    raise ValidationError(QT_TRANSLATE_NOOP("core", "资料清单中没有编号为“{code}”的资料"), code=code_or_id)


def _category_prefix(items: list[DocumentRequest], category: str) -> str:
    for i in items:
        if i.category == category and i.code:
            return i.code.rstrip("0123456789") or "X"
    used = {i.code.rstrip("0123456789") for i in items}
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter not in used:
            return letter
    return "Z"


def add_request_item(ef: EvaluationFile, title: str, category: str, *, code: str = "", description: str = "",
                     requested_on: str = "", due_on: str = "") -> tuple[DocumentRequest, Changes]:
    """Add an item at the end of the list. Without ``code`` the next free code of the category is used
    (a new category gets the next unused letter).

    Raises:
        ValidationError: empty title or category, a code already used, malformed dates, due before requested.
    """
    title, category = (title or "").strip(), (category or "").strip()
    if not title:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "资料名称不能为空"))
    if not category:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "资料类别不能为空"))
    items = request_items(ef)
    codes = {i.code.upper() for i in items}
    if code:
        code = code.strip()
        if code.upper() in codes:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "资料编号 {code} 已被使用"), code=code)
    else:
        prefix = _category_prefix(items, category)
        n = 1 + max((int(c[len(prefix):]) for c in (i.code for i in items)
                     if c.startswith(prefix) and c[len(prefix):].isdigit()), default=0)
        code = f"{prefix}{n:02d}"
    requested_on = requested_on or _dt.date.today().isoformat()
    _check_dates(requested_on, due_on)
    rec = DocumentRequest(code=code, category=category, title=title, description=description,
                          requested_on=requested_on[:10], due_on=due_on[:10], status="requested",
                          status_changed_at=now_iso(), sort_order=1 + max((i.sort_order for i in items), default=-1))
    return rec, svc.add_record(ef, rec)


def _check_dates(requested_on: str, due_on: str) -> None:
    a = parse_date(requested_on, "索取日期") if requested_on else None
    b = parse_date(due_on, "截止日期") if due_on else None
    if a and b and b < a:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "截止日期 {due_on} 早于索取日期 {requested_on}"), due_on=due_on,
                              requested_on=requested_on)


def update_request_item(ef: EvaluationFile, request_id: str, **fields) -> Changes:
    """Edit an item's code, category, title, description, dates or the unit's note. Status changes go through
    :func:`set_request_status`.

    Raises:
        ValidationError: unknown field, ``status`` given, duplicate code, bad dates.
    """
    allowed = {"code", "category", "title", "description", "requested_on", "due_on", "provider_note"}
    bad = set(fields) - allowed
    if bad:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能在此修改字段：{fields}（状态请用“更改状态”）"),
                              fields=", ".join(sorted(bad)))
    cur: DocumentRequest = ef.get(DocumentRequest, request_id)
    if "code" in fields:
        code = str(fields["code"]).strip()
        if not code:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "资料编号不能为空"))
        if any(i.code.upper() == code.upper() and i.id != request_id for i in request_items(ef)):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "资料编号 {code} 已被使用"), code=code)
        fields["code"] = code
    for k in ("title", "category"):
        if k in fields and not str(fields[k]).strip():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "资料名称和类别不能为空"))
    _check_dates(fields.get("requested_on", cur.requested_on), fields.get("due_on", cur.due_on))
    return svc.update_record(ef, DocumentRequest, request_id, **fields)


def set_request_status(ef: EvaluationFile, request_id: str, status: str, provider_note: str | None = None
                       ) -> Changes:
    """Move an item along requested → received → reviewed (or to 未提供 / 不适用).

    Raises:
        ValidationError: unknown status or a change :data:`~wcif_desktop.domain.review.TRANSITIONS` forbids.
    """
    cur: DocumentRequest = ef.get(DocumentRequest, request_id)
    check_transition(cur, status)
    fields = {"status": status}
    if status != cur.status:
        fields["status_changed_at"] = now_iso()
    if provider_note is not None:
        fields["provider_note"] = provider_note
    return svc.update_record(ef, DocumentRequest, request_id, **fields)


def move_request_item(ef: EvaluationFile, request_id: str, new_index: int) -> Changes:
    """Reorder: put the item at position ``new_index`` (0-based). Codes do not change."""
    return move(ef, DocumentRequest, request_id, new_index)


def delete_request_item(ef: EvaluationFile, request_id: str) -> Changes:
    """Delete an item (tombstone) together with its review notes and evidence links."""
    changes = Changes()
    with ef.transaction():
        for n in ef.records(ReviewNote, "request_id = ?", [request_id]):
            svc.delete_record(ef, ReviewNote, n.id)
            changes.add(ReviewNote.table, n.id)
        for link in ef.records(EvidenceLink, "target_kind = 'document_request' AND target_id = ?", [request_id]):
            svc.delete_record(ef, EvidenceLink, link.id)
            changes.add(EvidenceLink.table, link.id)
        svc.delete_record(ef, DocumentRequest, request_id)
    return changes.add(DocumentRequest.table, request_id)


def add_review_note(ef: EvaluationFile, request_id: str, reviewer_id: str, text: str) -> tuple[ReviewNote, Changes]:
    """A review note on an item, by a team member, stamped with the current time.

    Raises:
        ValidationError: empty text, unknown item or reviewer.
    """
    if not (text or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "核查记录内容不能为空"))
    ef.get(DocumentRequest, request_id)
    who = member(ef, reviewer_id)
    rec = ReviewNote(request_id=request_id, reviewer_id=who.id, reviewer_name=who.name, written_at=now_iso(),
                     text=text.strip())
    return rec, svc.add_record(ef, rec)


def review_notes(ef: EvaluationFile, request_id: str) -> list[ReviewNote]:
    return sorted(ef.records(ReviewNote, "request_id = ?", [request_id]), key=lambda n: n.written_at)


@dataclass
class RequestSummary:
    """Counts per status key (REQUEST_STATUSES) and the items overdue as of ``as_of``."""

    as_of: _dt.date
    counts: dict[str, int]
    overdue: list[DocumentRequest] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        """One line, e.g. ``共 45 项：已索取 30、已收到 10、已核查 3、未提供 1、不适用 1；逾期 4 项``."""
        parts = "、".join(f"{REQUEST_STATUSES[k]} {v}" for k, v in self.counts.items())
        return f"共 {self.total} 项：{parts}；逾期 {len(self.overdue)} 项（截至 {self.as_of.isoformat()}）"


def request_summary(ef: EvaluationFile, as_of: _dt.date | str | None = None) -> RequestSummary:
    """Counts per status and overdue items (still 已索取 after the due date) as of ``as_of`` (default today)."""
    if isinstance(as_of, str):
        as_of = parse_date(as_of, "统计日期")
    as_of = as_of or _dt.date.today()
    items = request_items(ef)
    return RequestSummary(as_of=as_of, counts=status_counts(items), overdue=overdue_items(items, as_of))


# ---------------------------------------------------------------------------------------------- working papers
def _check_links(ef: EvaluationFile, indicator_ids, request_ids) -> None:
    for i in indicator_ids or []:
        if not ef.rows("indicator", "id = ?", [i]):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "关联的指标不存在：{id}"), id=i)
    for r in request_ids or []:
        if not ef.rows("document_request", "id = ?", [r]):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "关联的资料不存在：{id}"), id=r)


def add_working_paper(ef: EvaluationFile, title: str, body: str = "", indicator_ids=(), request_ids=(),
                      code: str = "") -> tuple[WorkingPaper, Changes]:
    """A new working paper (工作底稿), unsigned. ``code`` defaults to ``DG-<n>`` (底稿).

    Raises:
        ValidationError: empty title, a linked indicator or request item that does not exist.
    """
    if not (title or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作底稿标题不能为空"))
    _check_links(ef, indicator_ids, request_ids)
    papers = ef.records(WorkingPaper)
    rec = WorkingPaper(code=code or f"DG-{len(papers) + 1:03d}", title=title.strip(), body=body,
                       indicator_ids=dump_ids(indicator_ids), request_ids=dump_ids(request_ids),
                       sort_order=len(papers))
    return rec, svc.add_record(ef, rec)


def working_papers(ef: EvaluationFile) -> list[WorkingPaper]:
    return sorted(ef.records(WorkingPaper), key=lambda p: p.sort_order)


def update_working_paper(ef: EvaluationFile, paper_id: str, **fields) -> Changes:
    """Edit title, body, code or links (lists allowed for ``indicator_ids``/``request_ids``). Sign-offs stay
    as they were; if the content changed, :func:`paper_signoff` reports them ``stale``.

    Raises:
        ValidationError: unknown field (sign-off fields go through :func:`sign_off`), missing link target.
    """
    allowed = {"title", "body", "code", "indicator_ids", "request_ids"}
    bad = set(fields) - allowed
    if bad:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能在此修改字段：{fields}"), fields=", ".join(sorted(bad)))
    for k in ("indicator_ids", "request_ids"):
        if k in fields and not isinstance(fields[k], str):
            fields[k] = dump_ids(fields[k])
    if "title" in fields and not str(fields["title"]).strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作底稿标题不能为空"))
    _check_links(ef, ids(fields.get("indicator_ids", "[]")), ids(fields.get("request_ids", "[]")))
    return svc.update_record(ef, WorkingPaper, paper_id, **fields)


def paper_evidence(ef: EvaluationFile, paper_id: str) -> list[Evidence]:
    """Evidence attached to a working paper."""
    links = ef.records(EvidenceLink, "target_kind = 'working_paper' AND target_id = ?", [paper_id])
    out = []
    for link in links:
        rows = ef.rows("evidence", "id = ?", [link.evidence_id])
        if rows:
            out.append(ef.get(Evidence, link.evidence_id))
    return out


def paper_hash(ef: EvaluationFile, paper: WorkingPaper | str) -> str:
    """Content hash of a working paper now (title, body, links, attached evidence)."""
    if isinstance(paper, str):
        paper = ef.get(WorkingPaper, paper)
    return paper_content_hash(paper, [e.sha256 for e in paper_evidence(ef, paper.id)])


@dataclass
class SignOff:
    """Sign-off state of a working paper: ``none`` / ``signed`` / ``stale`` for preparer and reviewer."""

    preparer: str
    reviewer: str
    preparer_name: str = ""
    reviewer_name: str = ""
    prepared_at: str = ""
    reviewed_at: str = ""

    @property
    def complete(self) -> bool:
        return self.preparer == "signed" and self.reviewer == "signed"

    @property
    def stale(self) -> bool:
        return "stale" in (self.preparer, self.reviewer)

    def text(self) -> str:
        return (f"编制人：{self.preparer_name or '—'}（{SIGNOFF_LABELS[self.preparer]}）；"
                f"复核人：{self.reviewer_name or '—'}（{SIGNOFF_LABELS[self.reviewer]}）")


def paper_signoff(ef: EvaluationFile, paper_id: str) -> SignOff:
    """Whether the paper's sign-offs still cover its current content."""
    p: WorkingPaper = ef.get(WorkingPaper, paper_id)
    h = paper_hash(ef, p)
    names = {r["id"]: r["name"] for r in ef.rows("team_member", include_deleted=True)}
    return SignOff(preparer=signoff_state(p.prepared_hash, h), reviewer=signoff_state(p.reviewed_hash, h),
                   preparer_name=names.get(p.preparer_id, ""), reviewer_name=names.get(p.reviewer_id, ""),
                   prepared_at=p.prepared_at, reviewed_at=p.reviewed_at)


def sign_off(ef: EvaluationFile, paper_id: str, member_id: str, as_role: str) -> Changes:
    """Sign a working paper as ``preparer`` (编制人) or ``reviewer`` (复核人), recording who, when and the
    content hash signed. Signing again after an edit renews the sign-off.

    Raises:
        ValidationError: unknown role or member; reviewer sign-off before a current preparer sign-off; the
        reviewer is the preparer (复核人须为编制人以外的小组成员).
    """
    p: WorkingPaper = ef.get(WorkingPaper, paper_id)
    who = member(ef, member_id)
    h = paper_hash(ef, p)
    if as_role == "preparer":
        fields = {"preparer_id": who.id, "prepared_at": now_iso(), "prepared_hash": h}
        if p.reviewer_id == who.id and p.reviewed_hash:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{name} 已作为复核人签字，不能同时作为编制人"), name=who.name)
    elif as_role == "reviewer":
        if signoff_state(p.prepared_hash, h) != "signed":
            raise ValidationError(QT_TRANSLATE_NOOP("core", "工作底稿“{title}”须先由编制人签字（修改后须重新签字），才能复核"),
                                  title=p.title)
        if p.preparer_id == who.id:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "复核人须为编制人以外的小组成员：{name} 是本底稿的编制人"),
                                  name=who.name)
        fields = {"reviewer_id": who.id, "reviewed_at": now_iso(), "reviewed_hash": h}
    else:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的签字角色：{role}（preparer 编制人 / reviewer 复核人）"), role=as_role)
    return svc.update_record(ef, WorkingPaper, paper_id, **fields)


# ---------------------------------------------------------------------------------------------- interviews
def add_interview(ef: EvaluationFile, interviewee: str, *, interviewee_role: str = "", interviewee_unit: str = "",
                  held_at: str, place: str = "", interviewer_ids=(), summary: str = "", indicator_ids=()
                  ) -> tuple[Interview, Changes]:
    """An interview record (访谈记录). ``held_at`` is an ISO date or date-time; interviewers are team members.

    Raises:
        ValidationError: no interviewee, malformed date, no interviewer, an interviewer who is not a member,
        a linked indicator that does not exist.
    """
    if not (interviewee or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "被访谈人不能为空（可填写职务，如“基金科科长”）"))
    parse_date(held_at, "访谈时间")
    if not interviewer_ids:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请至少选择一名访谈人（评价小组成员）"))
    for i in interviewer_ids:
        member(ef, i)
    _check_links(ef, indicator_ids, ())
    rec = Interview(interviewee=interviewee.strip(), interviewee_role=interviewee_role, interviewee_unit=interviewee_unit,
                    held_at=held_at, place=place, interviewer_ids=dump_ids(interviewer_ids), summary=summary,
                    indicator_ids=dump_ids(indicator_ids), sort_order=len(ef.records(Interview)))
    return rec, svc.add_record(ef, rec)



def update_interview(ef: EvaluationFile, interview_id: str, **fields) -> Changes:
    """Change an interview record with the checks of :func:`wcif_desktop.services.review.add_interview`.

    ``interviewer_ids`` / ``indicator_ids`` may be lists. Raises ValidationError like ``add_interview``.
    """
    cur: Interview = ef.get(Interview, interview_id)
    for key in ("interviewer_ids", "indicator_ids"):
        if key in fields and not isinstance(fields[key], str):
            fields[key] = dump_ids(fields[key])
    merged = {k: fields.get(k, getattr(cur, k)) for k in ("interviewee", "held_at", "interviewer_ids",
                                                            "indicator_ids")}
    if not (merged["interviewee"] or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "被访谈人不能为空（可填写职务，如“基金科科长”）"))
    parse_date(merged["held_at"], "访谈时间")
    if not ids(merged["interviewer_ids"]):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请至少选择一名访谈人（评价小组成员）"))
    for i in ids(merged["interviewer_ids"]):
        member(ef, i)
    known = {i.id for i in ef.records(Indicator)}
    missing = [i for i in ids(merged["indicator_ids"]) if i not in known]
    if missing:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "关联的指标不存在：{id}"), id="、".join(missing))
    return svc.update_record(ef, Interview, interview_id, **fields)


def interviews(ef: EvaluationFile) -> list[Interview]:
    return sorted(ef.records(Interview), key=lambda i: (i.held_at, i.sort_order))


def indicator_names(ef: EvaluationFile, indicator_ids) -> list[str]:
    by_id = {i.id: i for i in ef.records(Indicator)}
    return [f"{by_id[i].code} {by_id[i].name}" for i in indicator_ids if i in by_id]


# ---------------------------------------------------------------------------------------------- export
EXPORT_COLUMNS = ("编号", "类别", "资料名称", "说明", "索取日期", "截止日期", "状态", "备注")
HANDOVER_NOTE = "说明：请按上表编号提供资料，并在每份资料首页注明对应编号；无法提供的资料请在备注中说明原因。"
RECEIPT_LINE = "被评价单位签收：____________________　　日期：____________________"


def _export_rows(ef: EvaluationFile) -> list[list[str]]:
    return [[r.code, r.category, r.title, r.description, r.requested_on, r.due_on,
             REQUEST_STATUSES.get(r.status, r.status), r.provider_note] for r in request_items(ef)]


def _list_title(ef: EvaluationFile) -> tuple[str, str]:
    ev = svc.evaluation(ef)
    title = f"{ev.title or '绩效评价'} 资料清单"
    sub = "；".join(x for x in (f"被评价单位：{ev.evaluated_unit}" if ev.evaluated_unit else "",
                                f"评价机构：{ev.agency}" if ev.agency else "") if x)
    return title, sub


def export_request_list(ef: EvaluationFile, out, progress: Progress = NO_PROGRESS) -> Path:
    """Write the request list to ``out`` (``.xlsx`` or ``.pdf``, by suffix), with item codes, statuses and due
    dates, to hand to the evaluated unit. Written to a temporary file beside ``out`` and then moved in place,
    so a failed or cancelled export leaves no half file (and an existing ``out`` untouched).

    Raises:
        WcifError: unknown suffix, empty list, target folder missing or not writable; ReportError: fonts;
        Cancelled.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        if not out.suffix:
            raise WcifError(QT_TRANSLATE_NOOP("core", "不支持的导出格式“（无扩展名）”：请使用 .xlsx 或 .pdf（{path}）"), path=out)
        raise WcifError(QT_TRANSLATE_NOOP("core", "不支持的导出格式“{suffix}”：请使用 .xlsx 或 .pdf（{path}）"),
                        suffix=out.suffix, path=out)
    rows = _export_rows(ef)
    if not rows:
        raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单为空，请先添加资料或从模板生成"))
    if not out.parent.is_dir():
        raise WcifError(QT_TRANSLATE_NOOP("core", "导出目录不存在：{folder}"), folder=out.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".wcif-", suffix=suffix, dir=out.parent)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入导出目录 {folder}：{reason}"), folder=out.parent, reason=e) from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".xlsx":
            _write_xlsx(ef, rows, tmp, progress)
        else:  # the one request-list deliverable (the same as `document … request-list`)
            from ..render.pdf import render_pdf
            from .deliverables.generate import build_document
            from .deliverables.sources import load_sources

            tmp.write_bytes(render_pdf(build_document(load_sources(ef), "request-list"), progress).pdf)
        check(progress)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入 {path}：{reason}"), path=out, reason=e) from e
    finally:
        if tmp.exists():
            tmp.unlink()
    return out


def _write_xlsx(ef: EvaluationFile, rows, path: Path, progress: Progress) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.page import PageMargins

    title, sub = _list_title(ef)
    wb = Workbook()
    ws = wb.active
    ws.title = "资料清单"
    ws.append([title])
    ws.append([sub])
    ws.append(list(EXPORT_COLUMNS))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(EXPORT_COLUMNS))
    ws["A1"].font = Font(bold=True, size=14)
    thin = Side(style="thin")
    for c in ws[3]:
        c.font = Font(bold=True)
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for i, row in enumerate(rows, start=1):
        ws.append(row)
        for c in ws[ws.max_row]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        if i % 50 == 0:
            check(progress)
            progress.set(i, len(rows), Message(QT_TRANSLATE_NOOP("core", "导出资料清单")))
    ws.append([])
    ws.append([HANDOVER_NOTE])
    ws.append([RECEIPT_LINE])
    for col, width in zip("ABCDEFGH", (8, 16, 40, 30, 12, 12, 10, 24)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_margins = PageMargins(left=0.5, right=0.5)
    wb.save(path)
    progress.set(len(rows), len(rows), Message(QT_TRANSLATE_NOOP("core", "导出资料清单")))


