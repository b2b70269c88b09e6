"""Archiving (建立绩效评价档案, the last step of the 财预〔2020〕10号 procedure): write every document and
evidence file into an archive folder with an index of their SHA-256, then lock the evaluation.

Folder layout::

    <folder>/文档/<kind>.docx|.pdf          every document kind, both formats
    <folder>/报告/<nn>-<file name>.pdf      every report kept in the evaluation file (signed ones included),
                                           SHA-256 checked against the record (services/report_archive.py)
    <folder>/证据/<nnn>-<original name>     every evidence file, content verified against its SHA-256
    <folder>/归档目录.docx, 归档目录.pdf     the archive index (documents, evidence, earlier generated documents)
    <folder>/<evaluation>.wcif             a copy of the locked evaluation file (SQLite backup API)
    <folder>/SHA256SUMS.txt                ``<sha256>  <relative path>`` for every file above (sha256sum -c)

Order: documents and evidence are written and hashed, the index written, the archive record added, then the
evaluation locked (services/report_archive.py ``lock``, so the lock is in the history with the reason 已归档) and copied;
SHA256SUMS.txt is written last. If anything fails before the lock, the evaluation
stays unlocked and the partial folder is left for inspection (nothing in the evaluation file is lost).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.docrecords import ArchiveRecord
from ..domain.document import DocOutline, Para, Table, h1
from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..render.firm_template import KIND_NAMES
from ..store.db import EvaluationFile, now_iso
from .deliverables.common import values, year_label
from .deliverables.generate import KINDS, sha256_file, write_document
from .deliverables.sources import load_sources

INDEX_NAME = "归档目录"
SUMS_NAME = "SHA256SUMS.txt"


@dataclass
class ArchiveResult:
    folder: Path
    documents: list[tuple[Path, str]]  # (path, sha256)
    evidence: list[tuple[Path, str]]
    index_docx: Path
    index_pdf: Path
    sums: Path
    evaluation_copy: Path
    reports: list[tuple[Path, str]] = field(default_factory=list)


def _json_list(text: str) -> list[str]:
    import json

    try:
        v = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(x) for x in v] if isinstance(v, list) else []


def _size(n: int) -> str:
    return f"{n:,} 字节"


def archive_index(snap, documents, evidence, earlier, folder: Path, reports=()) -> DocOutline:
    """The archive index outline: documents, kept reports, evidence files and the register of earlier
    documents. ``reports``: (path, GeneratedReport) pairs."""
    vals = values(snap)
    ev = snap.evaluation
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价档案目录"
    out = DocOutline("archive-index", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))
    out.add(Para(f"归档时间：{now_iso()}；评价机构：{ev.agency}；综合评分{vals['total_score']}分，评级“{vals['grade']}”。"))
    out.add(h1(1, "评价文档"))
    out.add(Table(["序号", "文件", "文档", "大小", "SHA-256"],
                  [[str(i), p.relative_to(folder).as_posix(), KIND_NAMES.get(kind, kind), _size(p.stat().st_size), sha]
                   for i, (p, sha, kind) in enumerate(documents, start=1)], widths=[1, 4.5, 2.4, 2.4, 7]))
    out.add(h1(2, "保存的报告"))
    if reports:
        out.add(Table(["序号", "文件", "生成时间", "签署人", "定稿", "SHA-256"],
                      [[str(i), p.relative_to(folder).as_posix(), r.created_at, "、".join(_json_list(r.signers)) or "—",
                        "是" if r.final else "否", r.sha256] for i, (p, r) in enumerate(reports, start=1)],
                      widths=[1, 4, 3, 2.4, 1.2, 6.5]))
    else:
        out.add(Para("评价文件中没有保存的报告。", "plain"))
    out.add(h1(3, "证据文件"))
    if evidence:
        out.add(Table(["序号", "文件", "原文件名", "大小", "SHA-256", "说明"],
                      [[str(i), p.relative_to(folder).as_posix(), e.original_name, _size(e.size), e.sha256, e.note]
                       for i, (p, e) in enumerate(evidence, start=1)], widths=[1, 4, 3, 2.2, 6, 2.5]))
    else:
        out.add(Para("评价文件中没有证据文件。", "plain"))
    out.add(h1(4, "此前生成的文档"))
    if earlier:
        out.add(Table(["序号", "生成时间", "文件名", "格式", "SHA-256"],
                      [[str(i), g.generated_at, g.file_name, g.format, g.sha256]
                       for i, g in enumerate(earlier, start=1)], widths=[1, 3.5, 4.5, 1.4, 7]))
    else:
        out.add(Para("无。", "plain"))
    out.add(Para(f"本目录所列文件及评价文件副本的 SHA-256 见同一文件夹中的 {SUMS_NAME}。", "note"))
    return out


def archive(ef: EvaluationFile, folder, *, progress: Progress = NO_PROGRESS) -> ArchiveResult:
    """Archive the evaluation into ``folder`` (new or empty) and lock it. See the module doc for the layout.

    Raises:
        WcifError: the folder holds files already, a document or evidence file cannot be written, the evaluation
            cannot be locked; Cancelled: ``progress`` asked to stop (the evaluation stays unlocked).
    """
    from .evidence import extract_evidence, safe_name

    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise WcifError(QT_TRANSLATE_NOOP("core", "归档文件夹不是空的，请选择新的文件夹：{folder}"), folder=folder)
    docs_dir, ev_dir = folder / "文档", folder / "证据"
    try:
        docs_dir.mkdir(parents=True, exist_ok=True)
        ev_dir.mkdir(exist_ok=True)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法创建归档文件夹 {folder}：{reason}"), folder=folder, reason=e) from e
    src = load_sources(ef)
    earlier = list(src.generated)
    # an empty request list is no document (the request-list deliverable refuses it everywhere)
    kinds = [k for k in KINDS if k != "request-list" or src.requests]
    total = len(kinds) * 2 + len(src.evidence) + 3
    step = 0
    documents: list[tuple[Path, str, str]] = []
    for kind in kinds:
        for fmt in ("docx", "pdf"):
            check(progress)
            progress.set(step, total, f"生成{KIND_NAMES.get(kind, kind)}（{fmt}）")
            p = write_document(ef, kind, docs_dir / f"{KIND_NAMES.get(kind, kind)}.{fmt}", src=src)
            documents.append((p, sha256_file(p), kind))
            step += 1
    from .report_archive import lock, save_report_as, saved_reports

    reports = []
    kept = list(reversed(saved_reports(ef))) if ef.has_table("generated_report") else []
    if kept:
        (folder / "报告").mkdir(exist_ok=True)
    for i, r in enumerate(kept, start=1):
        check(progress)
        name = safe_name(r.file_name or f"{r.title or '评价报告'}.pdf", r.sha256)
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        p = save_report_as(ef, r.id, folder / "报告" / f"{i:02d}-{name}")
        reports.append((p, r))
    evidence = []
    for i, e in enumerate(src.evidence, start=1):
        check(progress)
        progress.set(step, total, f"导出证据 {e.original_name}")
        p = extract_evidence(ef, e.sha256, ev_dir / f"{i:03d}-{safe_name(e.original_name, e.sha256)}")
        evidence.append((p, e))
        step += 1
    index = archive_index(src.snap, documents, evidence, earlier, folder, reports)
    from ..render.docx import render_docx
    from ..render.output import write_atomically
    from ..render.pdf import render_pdf

    index_docx = write_atomically(render_docx(index), folder / f"{INDEX_NAME}.docx")
    index_pdf = write_atomically(render_pdf(index).pdf, folder / f"{INDEX_NAME}.pdf")
    check(progress)
    progress.set(step + 1, total, "锁定评价")
    with ef.transaction():
        rec = ArchiveRecord(archived_at=now_iso(), folder=str(folder), index_sha256=sha256_file(index_pdf),
                            documents=len(documents), evidence_files=len(evidence))
        ef.insert(rec)
        lock(ef, "已归档")
    copy = folder / ef.path.name
    try:
        dst = sqlite3.connect(str(copy))
        try:
            ef.conn.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法复制评价文件到归档文件夹：{reason}"), reason=e) from e
    sums = folder / SUMS_NAME
    lines = []
    for p in sorted(x for x in folder.rglob("*") if x.is_file() and x.name != SUMS_NAME):
        lines.append(f"{sha256_file(p)}  {p.relative_to(folder).as_posix()}")
    sums.write_text("\n".join(lines) + "\n", encoding="utf-8")
    progress.set(total, total, "归档完成")
    return ArchiveResult(folder, [(p, s) for p, s, _k in documents], [(p, e.sha256) for p, e in evidence],
                         index_docx, index_pdf, sums, copy, [(p, r.sha256) for p, r in reports])


__all__ = ["ArchiveResult", "archive", "archive_index"]
