"""Generating an unsigned report PDF from an evaluation snapshot (the report kinds of the one document model).

``generate_report(snapshot, out_path, template="brief")`` builds the report's document model
(:func:`wcif_desktop.services.deliverables.reports.report_document`), renders it with the one PDF renderer
(:func:`wcif_desktop.render.pdf.render_pdf`: fonts checked for every character first) and writes the PDF
atomically (:func:`wcif_desktop.render.output.write_atomically`).
"""

from __future__ import annotations

from pathlib import Path

from ..domain.model import EvaluationSnapshot
from ..domain.progress import NO_PROGRESS, Progress, check
from ..render.layout import Rendered
from ..render.output import write_atomically
from ..render.pdf import render_pdf
from .deliverables.reports import TEMPLATES, report_document


def render_report(snapshot: EvaluationSnapshot, template: str = "brief", progress: Progress = NO_PROGRESS,
                  fonts=None, extras=None, src=None) -> Rendered:
    """Lay out the report in memory. Returns the PDF bytes and where each heading landed.

    Raises:
        ReportError: unknown template; characters no font covers (listed with their sections).
        Cancelled: ``progress`` asked to stop.
    """
    doc = report_document(snapshot, template, extras, src)
    check(progress)
    return render_pdf(doc, progress, fonts)


def generate_report(snapshot: EvaluationSnapshot, out_path, template: str = "brief",
                    progress: Progress = NO_PROGRESS, *, extras=None) -> Path:
    """Write the unsigned report PDF of ``snapshot`` to ``out_path`` (template ``brief`` or ``full``).

    Returns the path written. Raises :class:`ReportError` (unknown template, uncovered characters,
    unwritable target) or :class:`~wcif_desktop.domain.errors.Cancelled`; on any error nothing is written.
    ``extras`` (:class:`~wcif_desktop.services.deliverables.extras.ReportExtras`) fills the full report's
    optional appendices.
    """
    rendered = render_report(snapshot, template, progress, extras=extras)
    check(progress)
    path = write_atomically(rendered.pdf, Path(out_path))
    progress.set(1, 1, "报告已生成")
    return path


__all__ = ["TEMPLATES", "generate_report", "render_report", "write_atomically"]
