"""The one entry point per deliverable, for the GUI, the CLI and tests.

Kinds (:data:`KINDS`): ``report-brief``, ``report-full``, ``work-plan``, ``letter``, ``request-list``,
``problem-list``, ``summary``, ``research-outline``, ``site-schedule`` (the archive index is built by
:mod:`wcif_desktop.services.archive`).

- :func:`build_document` — the deliverable's document model (one builder per kind) from :class:`Sources`;
- :func:`render_document` — that model as PDF (:mod:`wcif_desktop.render.pdf`) or Word bytes
  (:mod:`wcif_desktop.render.docx`, or a firm template through :mod:`wcif_desktop.render.firm_template`);
- :func:`write_document` — both, written atomically, entered in the file's register of generated documents
  (``generated_document``: kind, file name, format, SHA-256), which the archive index lists.

The report step (``wcif-desktop report``, the GUI's 报告 page) goes through the same :func:`build_document` and
:func:`render_document` (:func:`wcif_desktop.services.report_file.build_report_file`), so ``report`` and
``document report-full`` write the same PDF.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ...domain.docrecords import GeneratedDocument
from ...domain.document import Document
from ...domain.errors import QT_TRANSLATE_NOOP, ValidationError
from ...domain.progress import NO_PROGRESS, Progress, check
from ...render.firm_template import KIND_NAMES
from ...store.db import EvaluationFile, now_iso
from .kinds import KINDS  # noqa: E402 - re-exported (the CLI reads it without loading this module)
from .sources import Sources, load_sources

CLI_KINDS = KINDS
FORMATS = ("pdf", "docx")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的文档类型：{kind}（可选：{choices}）"), kind=kind,
                              choices="、".join(KINDS))


def build_document(src: Sources, kind: str, issuer: str = "agency") -> Document:
    """The document model of deliverable ``kind`` from ``src`` (:func:`load_sources`).

    Raises:
        ValidationError: unknown kind or issuer; WcifError: an empty request list (request-list).
    """
    _check_kind(kind)
    doc = _build(src, kind, issuer)
    doc.context = {**template_values(src.snap), **doc.context}
    return doc


def template_values(snap) -> dict:
    """The data fields, ``title``, ``report_date`` and the ``team`` list a firm template may use."""
    from ...domain.model import ROLES
    from .common import values

    return {**values(snap), "team": [
        {"name": m.name, "role": ROLES.get(m.role, m.role), "qualification": m.qualification,
         "organisation": m.organisation, "contact": m.contact} for m in snap.team]}


def _build(src: Sources, kind: str, issuer: str) -> Document:
    from . import plan_docs, problem_list, reports, summary

    if kind == "report-brief":
        return reports.report_document(src.snap, "brief", src.extras, src)
    if kind == "report-full":
        return reports.report_document(src.snap, "full", src.extras, src)
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
    return summary.work_summary(src, interviews=src.interviews, survey_responses=src.survey_responses)


def build_outline(ef: EvaluationFile, kind: str, issuer: str = "agency", src: Sources | None = None) -> Document:
    """:func:`build_document` for the evaluation in ``ef`` (sources loaded when not given)."""
    _check_kind(kind)
    return build_document(src or load_sources(ef), kind, issuer)


def render_document(doc: Document, fmt: str, *, template=None, progress: Progress = NO_PROGRESS):
    """``doc`` as ``pdf`` or ``docx`` bytes. For a PDF returns the renderer's
    :class:`~wcif_desktop.render.layout.Rendered` (bytes, heading pages, 落款 position), for Word the bytes.

    Raises:
        ReportError: characters no font covers; WcifError: unusable firm template; Cancelled.
    """
    if fmt == "pdf":
        from ...render.pdf import render_pdf

        return render_pdf(doc, progress)
    if template:
        from ...render.firm_template import render_with_template

        return render_with_template(doc, template, progress)
    from ...render.docx import render_docx

    return render_docx(doc, progress)


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
        WcifError: unusable template (names the unknown placeholder), empty request list; ReportError: missing
            glyphs, unwritable target. Cancelled: ``progress`` asked to stop.
    """
    from ...render.output import write_atomically

    out = Path(out)
    fmt = format_of(out)
    if template and fmt != "docx":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "事务所 Word 模板只能用于 .docx 输出"))
    _check_kind(kind)
    doc = build_document(src or load_sources(ef), kind, issuer)
    check(progress)
    result = render_document(doc, fmt, template=template, progress=progress)
    write_atomically(result if isinstance(result, bytes) else result.pdf, out)
    if record:
        register(ef, kind, out, template)
    return out


__all__ = [
    "FORMATS",
    "KINDS",
    "KIND_NAMES",
    "build_document",
    "build_outline",
    "format_of",
    "register",
    "render_document",
    "sha256_file",
    "write_document",
]
