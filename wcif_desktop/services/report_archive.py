"""Keeping generated reports in the evaluation file, and locking the evaluation after the final signature.

- :func:`record_report` stores one generated report: a ``generated_report`` row (time, template, outline
  headings with their pages, SHA-256, size, signers; audited like every record) and the PDF bytes once per
  SHA-256 in ``report_blob``. :func:`saved_reports` lists them, :func:`save_report_as` writes one out again
  (its SHA-256 is checked first).
- :func:`lock` marks the evaluation locked (``Evaluation.locked``; services refuse edits while locked);
  :func:`reopen` unlocks it and requires a reason. Both add a ``lock_event`` row, so who, when and why are
  in the evaluation's hash-chained history.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.model import Evaluation, Record
from ..store.db import EvaluationFile, now_iso


@dataclass
class GeneratedReport(Record):
    """One generated report PDF (bytes in ``report_blob`` under ``sha256``)."""

    table = "generated_report"
    created_at: str = ""
    template: str = "brief"
    title: str = ""
    file_name: str = ""
    outline: str = "[]"  # JSON: [{"level": 0, "text": "一、基本情况", "page": 1}, …]
    sha256: str = ""
    size: int = 0
    pages: int = 0
    signers: str = "[]"  # JSON: ["王建国", …] in signing order
    final: bool = False


@dataclass
class LockEvent(Record):
    table = "lock_event"
    action: str = "lock"  # lock | reopen
    reason: str = ""
    at: str = ""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_report(ef: EvaluationFile, pdf: bytes, *, template: str, title: str = "", file_name: str = "",
                  outline: list[dict] | None = None, pages: int = 0, signers: list[str] | None = None,
                  final: bool = False) -> GeneratedReport:
    """Keep ``pdf`` and its facts in the evaluation file (one transaction). Works on a locked evaluation."""
    digest = sha256_hex(pdf)
    rec = GeneratedReport(created_at=now_iso(), template=template, title=title, file_name=file_name,
                          outline=json.dumps(outline or [], ensure_ascii=False), sha256=digest, size=len(pdf),
                          pages=pages, signers=json.dumps(signers or [], ensure_ascii=False), final=final)
    with ef.transaction():
        ef.db["report_blob"].insert({"sha256": digest, "pdf": pdf}, pk="sha256", ignore=True)
        ef.insert(rec)
    return rec


def saved_reports(ef: EvaluationFile) -> list[GeneratedReport]:
    """Generated reports, newest first."""
    return sorted(ef.records(GeneratedReport), key=lambda r: r.created_at, reverse=True)


def report_bytes(ef: EvaluationFile, report_id: str) -> bytes:
    """The PDF bytes of a kept report. Raises WcifError when missing or when they no longer match the SHA-256."""
    rec: GeneratedReport = ef.get(GeneratedReport, report_id)
    row = ef.conn.execute("SELECT pdf FROM report_blob WHERE sha256 = ?", [rec.sha256]).fetchone()
    if row is None:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件中缺少该报告的内容（SHA-256 {sha256}…）"), sha256=rec.sha256[:12])
    data = bytes(row[0])
    if sha256_hex(data) != rec.sha256:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件中保存的报告已被改动（SHA-256 不符）：{title}"),
                        title=rec.title or rec.file_name)
    return data


def save_report_as(ef: EvaluationFile, report_id: str, out_path) -> Path:
    """Write a kept report out again (atomically). Raises WcifError/ReportError."""
    from ..render.output import write_atomically

    return write_atomically(report_bytes(ef, report_id), Path(out_path))


def _evaluation(ef: EvaluationFile) -> Evaluation:
    recs = ef.records(Evaluation)
    if not recs:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件缺少评价基本信息：{path}"), path=ef.path)
    return recs[0]


def is_locked(ef: EvaluationFile) -> bool:
    return _evaluation(ef).locked


def open_conflict_labels(ef: EvaluationFile) -> list[str]:
    """Labels (table and record name) of the merge conflicts still open in ``ef`` ([] in a file without the
    merge tables)."""
    from ..services import merge

    try:
        return [f"{c.table} {c.label}" for c in merge.list_conflicts(ef)]
    except Exception:  # noqa: BLE001 - no merge_conflict table (a file not migrated)
        return []


def check_can_finalize(ef: EvaluationFile) -> None:
    """Refuse the final signature (and the lock) while merge conflicts are open: the report would state values
    the lead has not decided yet.

    Raises:
        ValidationError: naming the first open conflicts.
    """
    open_ = open_conflict_labels(ef)
    if open_:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "core", "还有 {count} 个合并冲突未解决（{names}），不能最终签署；请先在“合并冲突”中逐项解决"),
            count=len(open_), names="、".join(open_[:3]))


def lock(ef: EvaluationFile, reason: str = "报告已最终签署") -> None:
    """Lock the evaluation (after the final signature). Locking a locked evaluation does nothing.

    Raises:
        ValidationError: merge conflicts are still open (:func:`check_can_finalize`).
    """
    ev = _evaluation(ef)
    if ev.locked:
        return
    check_can_finalize(ef)
    with ef.transaction(), ef.changing_lock("lock"):
        ef.update(Evaluation.table, ev.id, {"locked": True})
        ef.insert(LockEvent(action="lock", reason=reason.strip(), at=now_iso()))


def reopen(ef: EvaluationFile, reason: str) -> None:
    """Unlock a locked evaluation so it can be edited again; ``reason`` is required and kept in the history.

    Raises:
        ValidationError: empty reason.
    """
    if not (reason or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "解除锁定须说明原因"))
    ev = _evaluation(ef)
    if not ev.locked:
        return
    with ef.transaction(), ef.changing_lock("reopen"):
        ef.update(Evaluation.table, ev.id, {"locked": False})
        ef.insert(LockEvent(action="reopen", reason=reason.strip(), at=now_iso()))


def lock_history(ef: EvaluationFile) -> list[LockEvent]:
    return sorted(ef.records(LockEvent), key=lambda e: e.at)


__all__ = ["GeneratedReport", "LockEvent", "record_report", "saved_reports", "report_bytes", "save_report_as",
           "lock", "reopen", "is_locked", "lock_history", "sha256_hex", "check_can_finalize", "open_conflict_labels"]

