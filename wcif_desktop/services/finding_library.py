"""The finding library (问题库): typical problems kept across evaluations, in the user's data folder.

Each entry holds the problem (title and description), the legal or policy basis (法规政策依据), the usual
cause (常见原因), the recommendation (建议) and the evidence that proves it (证明材料). A finding of an
evaluation can be started from an entry (:func:`start_finding`: a problem, its recommendation and its problem
details are created in one transaction) and a problem can be saved into the library (:func:`save_finding`).

Storage: one SQLite file ``finding_library.db`` in :func:`wcif_desktop.paths.user_data_dir`. Exchange: a
UTF-8 JSON file ``{"format": "wcif-finding-library", "version": 1, "entries": [...]}``; importing merges by
entry id (a newer ``modified_at`` wins, an older one is skipped) so libraries passed between colleagues
converge.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import sqlite_utils

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.fields import fill
from ..domain.model import Finding
from ..paths import user_data_dir
from ..store.db import EvaluationFile, now_iso
from . import evaluation as svc
from .evaluation import Changes

FILE_NAME = "finding_library.db"
FORMAT = "wcif-finding-library"
VERSION = 1


@dataclass
class LibraryEntry:
    """One typical problem. All text; ``tags`` comma-separated (e.g. ``预算编制,绩效目标``)."""

    title: str = ""
    problem: str = ""  # description of the problem (问题描述)
    basis: str = ""  # 法规政策依据
    cause: str = ""  # 常见原因
    recommendation_title: str = ""  # 建议标题
    recommendation: str = ""  # 建议
    evidence: str = ""  # 证明材料
    category: str = ""  # e.g. 决策 / 过程 / 产出 / 效益 or the firm's own
    tags: str = ""
    source: str = ""  # the evaluation it was saved from
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: str = ""
    modified_at: str = ""


_COLUMNS = [f.name for f in fields(LibraryEntry)]


def _stamp() -> str:
    """UTC time with microseconds: entries compare by ``modified_at`` text, so it must order correctly."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0


class FindingLibrary:
    """The library file. ``path`` defaults to ``user_data_dir()/finding_library.db`` (created on first use).

    Raises:
        WcifError: the file exists but is not a readable library.
    """

    def __init__(self, path=None):
        self.path = Path(path) if path else user_data_dir() / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(sqlite3.connect(str(self.path)))
            if not self.db["entry"].exists():
                self.db["entry"].create({c: str for c in _COLUMNS}, pk="id")
        except sqlite3.DatabaseError as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "问题库文件无法读取：{path}（{reason}）"), path=self.path,
                            reason=e) from e

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -------------------------------------------------------------------------------- entries
    def entries(self, search: str = "") -> list[LibraryEntry]:
        """Entries by title; ``search`` filters on any text field (case-insensitive substring)."""
        rows = [LibraryEntry(**{c: r.get(c) or "" for c in _COLUMNS}) for r in self.db["entry"].rows]
        if search.strip():
            s = search.strip().lower()
            rows = [e for e in rows if any(s in (getattr(e, c) or "").lower() for c in _COLUMNS if c != "id")]
        return sorted(rows, key=lambda e: (e.category, e.title))

    def get(self, entry_id: str) -> LibraryEntry:
        """Raises WcifError when there is no such entry."""
        try:
            r = self.db["entry"].get(entry_id)
        except sqlite_utils.db.NotFoundError:
            raise WcifError(QT_TRANSLATE_NOOP("core", "问题库中没有该条目：{entry_id}"), entry_id=entry_id) from None
        return LibraryEntry(**{c: r.get(c) or "" for c in _COLUMNS})

    def save(self, entry: LibraryEntry) -> LibraryEntry:
        """Add or replace an entry (stamps ``modified_at``; ``created_at`` on first save).

        Raises:
            ValidationError: empty title.
        """
        if not entry.title.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "问题库条目的标题不能为空"))
        now = _stamp()
        entry.created_at = entry.created_at or now
        entry.modified_at = now
        with self.db.conn:
            self.db["entry"].upsert(asdict(entry), pk="id")
        return entry

    def delete(self, entry_id: str) -> None:
        self.get(entry_id)
        with self.db.conn:
            self.db["entry"].delete(entry_id)

    # -------------------------------------------------------------------------------- exchange
    def export(self, out) -> Path:
        """Write every entry to a JSON file (UTF-8). Raises WcifError when it cannot be written."""
        out = Path(out)
        data = {"format": FORMAT, "version": VERSION, "exported_at": now_iso(),
                "entries": [asdict(e) for e in self.entries()]}
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(out.name + ".part")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            tmp.replace(out)
        except OSError as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入问题库导出文件 {path}：{reason}"), path=out, reason=e) from e
        return out

    def import_file(self, path) -> ImportResult:
        """Merge a JSON export into the library (by id; newer ``modified_at`` wins). All or nothing.

        Raises:
            WcifError: unreadable file, not a finding-library export, a newer format version, or an entry
                without id/title (named by its position).
        """
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取问题库文件 {path}：{reason}"), path=path, reason=e) from e
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise WcifError(QT_TRANSLATE_NOOP("core", "不是问题库导出文件：{path}"), path=path)
        if int(data.get("version", 0)) > VERSION:
            raise WcifError(QT_TRANSLATE_NOOP("core", "问题库文件由更新版本导出（版本 {version}），请升级软件：{path}"),
                            version=data.get("version"), path=path)
        items = data.get("entries")
        if not isinstance(items, list):
            raise WcifError(QT_TRANSLATE_NOOP("core", "问题库文件缺少 entries 列表：{path}"), path=path)
        incoming = []
        for i, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not str(item.get("id", "")).strip() or not str(
                    item.get("title", "")).strip():
                raise WcifError(QT_TRANSLATE_NOOP("core", "问题库文件 {path} 第 {index} 条缺少 id 或 title"), path=path, index=i)
            incoming.append(LibraryEntry(**{c: str(item.get(c) or "") for c in _COLUMNS}))
        result = ImportResult()
        with self.db.conn:
            for e in incoming:
                rows = list(self.db["entry"].rows_where("id = ?", [e.id]))
                if not rows:
                    result.added += 1
                elif (rows[0].get("modified_at") or "") < e.modified_at:
                    result.updated += 1
                else:
                    result.skipped += 1
                    continue
                self.db["entry"].upsert(asdict(e), pk="id")
        return result


# ---------------------------------------------------------------------------------------- with an evaluation
def save_finding(ef: EvaluationFile, finding_id: str, library: FindingLibrary, *, category: str = "",
                 tags: str = "") -> LibraryEntry:
    """Save a problem of the evaluation into the library: title, body, cause, the recommendations answering it,
    and its problem details (basis, evidence, category). ``{{field}}`` placeholders are kept as placeholders so
    the entry fits the next evaluation. Saving again updates the entry the problem came from, if any.

    Raises:
        ValidationError: the finding is not a problem.
    """
    from ..domain.docrecords import ProblemDetail
    from .deliverables.common import answered_by
    from .evaluation import load_snapshot

    f: Finding = ef.get(Finding, finding_id)
    if f.kind != "problem":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{title}”不是存在问题，只有问题可以存入问题库"), title=f.title)
    snap = load_snapshot(ef)
    recs = answered_by(snap, f)
    detail = next(iter(ef.records(ProblemDetail, "finding_id = ?", [finding_id])), None) \
        if ef.has_table(ProblemDetail.table) else None
    entry = None
    if detail is not None and detail.library_id:
        try:
            entry = library.get(detail.library_id)
        except WcifError:
            entry = None
    entry = entry or LibraryEntry()
    entry.title = f.title
    entry.problem = f.body
    entry.cause = f.cause
    if recs:
        entry.recommendation_title = "；".join(r.title for r in recs)
        entry.recommendation = "\n".join(r.body or r.title for r in recs)
    if detail is not None:
        entry.basis = detail.basis or entry.basis
        entry.evidence = detail.evidence or entry.evidence
        entry.category = category or detail.category or entry.category
    entry.category = category or entry.category
    entry.tags = tags or entry.tags
    ev = snap.evaluation
    entry.source = f"{ev.region}{ev.fiscal_year}年度{ev.project_name}"
    return library.save(entry)


def start_finding(ef: EvaluationFile, entry_id: str, library: FindingLibrary, *, fill_fields: bool = False
                  ) -> tuple[Finding, Finding | None, Changes]:
    """Start a problem from a library entry: the problem (title, description, cause), a recommendation that
    answers it (if the entry has one) and its problem details (basis, evidence, category, library id), in one
    transaction. ``fill_fields`` replaces ``{{field}}`` placeholders with this evaluation's values.

    Raises:
        WcifError: unknown entry; ValidationError: evaluation locked.
    """
    from ..domain.docrecords import ProblemDetail
    from ..domain.fields import field_values
    from .evaluation import load_snapshot

    e = library.get(entry_id)
    vals = field_values(load_snapshot(ef)) if fill_fields else None

    def t(text):
        return fill(text, vals) if vals is not None else text

    problems = [x for x in ef.records(Finding) if x.kind == "problem"]
    recs = [x for x in ef.records(Finding) if x.kind == "recommendation"]
    changes = Changes()
    with ef.transaction():
        problem = Finding(kind="problem", title=t(e.title), body=t(e.problem), cause=t(e.cause),
                          sort_order=max((x.sort_order for x in problems), default=0) + 1)
        changes.tables.update(svc.add_record(ef, problem).tables)
        rec = None
        if e.recommendation.strip():
            title = e.recommendation_title.strip() or f"针对“{e.title}”的建议"
            rec = Finding(kind="recommendation", title=t(title), body=t(e.recommendation),
                          answers=problem.id, sort_order=max((x.sort_order for x in recs), default=0) + 1)
            svc.add_record(ef, rec)
            changes.add(Finding.table, rec.id)
        detail = ProblemDetail(finding_id=problem.id, category=e.category, basis=t(e.basis),
                               evidence=t(e.evidence), library_id=e.id)
        svc.add_record(ef, detail)
        changes.add(ProblemDetail.table, detail.id)
    return problem, rec, changes


__all__ = ["FindingLibrary", "ImportResult", "LibraryEntry", "save_finding", "start_finding"]
