"""Entry points: build any document's outline from an evaluation file and write it as .docx or .pdf.

Kinds (:data:`KINDS`): ``report-brief``, ``report-full``, ``work-plan``, ``letter``, ``request-list``,
``problem-list``, ``summary``, plus ``research-outline`` and ``site-schedule``.

- ``.docx``: :mod:`~wcif_desktop.documents.docx_writer`, or a firm template
  (:mod:`~wcif_desktop.documents.firm_template`) when one is given.
- ``.pdf``: the report kinds go through :func:`wcif_desktop.report.build.generate_report` (the same PDF the
  report step writes); the other kinds through :mod:`~wcif_desktop.documents.pdf_writer`.

Every document written is entered in the file's register of generated documents (``generated_document``:
kind, file name, format, SHA-256), which the archive index lists.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.progress import NO_PROGRESS, Progress
from ..store.db import EvaluationFile, now_iso
from .firm_template import KIND_NAMES
from .outline import DocOutline
from .records import GeneratedDocument
from .sources import Sources, load_sources

KINDS = ("report-brief", "report-full", "work-plan", "letter", "request-list", "problem-list", "summary",
         "research-outline", "site-schedule")
CLI_KINDS = KINDS
FORMATS = ("pdf", "docx")


def _count(ef: EvaluationFile, table: str, where: str | None = None) -> int:
    if not ef.db[table].exists():
        return 0
    return len(ef.rows(table, where))


def build_outline(ef: EvaluationFile, kind: str, issuer: str = "agency", src: Sources | None = None
                  ) -> DocOutline:
    """The outline of document ``kind`` for the evaluation in ``ef``.

    Raises:
        ValidationError: unknown kind or issuer.
    """
    from . import plan_docs, problem_list, reports, summary

    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的文档类型：{kind}（可选：{choices}）"), kind=kind,
                              choices="、".join(KINDS))
    src = src or load_sources(ef)
    if kind == "report-brief":
        return reports.brief_report(src.snap)
    if kind == "report-full":
        return reports.full_report(src.snap, src.problem_details, src.finding_links)
    if kind == "work-plan":
        return plan_docs.work_plan(src, issuer)
    if kind == "letter":
        return plan_docs.letter(src)
    if kind == "request-list":
        return plan_docs.request_list(src)
    if kind == "research-outline":
        return plan_docs.research_outline(src)
    if kind == "site-schedule":
        return plan_docs.site_schedule(src)
    if kind == "problem-list":
        return problem_list.problem_list(src.snap, src.problem_details, src.finding_links)
    return summary.work_summary(src, interviews=_count(ef, "interview"),
                                survey_responses=_count(ef, "survey_response", "excluded = 0 OR excluded IS NULL"))


def format_of(out: Path) -> str:
    """``pdf`` or ``docx`` from the file suffix. Raises ValidationError for another suffix."""
    fmt = Path(out).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "输出文件应为 .pdf 或 .docx：{path}"), path=out)
    return fmt


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def register(ef: EvaluationFile, kind: str, out: Path, template: Path | None = None) -> GeneratedDocument:
    """Enter a written document in the register (also for a locked evaluation: the register is a log)."""
    out = Path(out)
    rec = GeneratedDocument(kind=kind, file_name=out.name, format=out.suffix.lstrip(".").lower(),
                            sha256=sha256_file(out), size=out.stat().st_size, generated_at=now_iso(),
                            template=Path(template).name if template else "")
    ef.insert(rec)
    return rec


def write_document(ef: EvaluationFile, kind: str, out, *, template=None, issuer: str = "agency",
                   progress: Progress = NO_PROGRESS, record: bool = True, src: Sources | None = None) -> Path:
    """Write document ``kind`` of ``ef`` to ``out`` (.pdf or .docx) and register it. Returns the path.

    Args:
        template: a firm Word template (.docx only; see docs/word-templates.md).
        issuer: ``agency`` or ``commissioner`` (work plan only).

    Raises:
        ValidationError: unknown kind, issuer or suffix; a template given for a PDF.
        WcifError: unusable template (names the unknown placeholder); ReportError: missing glyphs, unwritable.
        Cancelled: ``progress`` asked to stop.
    """
    out = Path(out)
    fmt = format_of(out)
    if template and fmt != "docx":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "事务所 Word 模板只能用于 .docx 输出"))
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的文档类型：{kind}（可选：{choices}）"), kind=kind,
                              choices="、".join(KINDS))
    src = src or load_sources(ef)
    if fmt == "pdf" and kind in ("report-brief", "report-full"):
        try:
            from ..report.build import generate_report
        except ImportError as e:  # pragma: no cover - the report package ships with the app
            raise WcifError(QT_TRANSLATE_NOOP("core", "报告模块不可用：{reason}"), reason=e) from e
        generate_report(src.snap, out, "brief" if kind == "report-brief" else "full", progress=progress)
    else:
        outline = build_outline(ef, kind, issuer, src)
        if fmt == "docx" and template:
            from .firm_template import render_with_template

            render_with_template(src.snap, outline, template, out, progress)
        elif fmt == "docx":
            from .docx_writer import write_docx

            write_docx(outline, out, progress)
        else:
            from .pdf_writer import write_pdf

            write_pdf(outline, out, progress)
    if record:
        register(ef, kind, out, template)
    return out


__all__ = [
    "FORMATS",
    "KINDS",
    "KIND_NAMES",
    "build_outline",
    "format_of",
    "register",
    "sha256_file",
    "write_document",
]
