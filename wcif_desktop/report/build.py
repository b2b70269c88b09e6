"""Generating an unsigned report PDF from an evaluation snapshot.

``generate_report(snapshot, out_path, template="brief")`` lays out the chosen outline
(:mod:`wcif_desktop.report.outlines`) with the report fonts (:mod:`wcif_desktop.report.fonts`), checks every
character against them first, and writes the PDF atomically: a temporary file in the target folder, then
``os.replace`` — an existing report is never left half-written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError
from ..domain.model import EvaluationSnapshot
from ..domain.progress import NO_PROGRESS, Progress, check
from .content import Content
from .document import Rendered, render
from .fonts import register_fonts
from .outlines import TEMPLATES, compose


def render_report(snapshot: EvaluationSnapshot, template: str = "brief", progress: Progress = NO_PROGRESS,
                  fonts=None, extras=None) -> Rendered:
    """Lay out the report in memory. Returns the PDF bytes and where each heading landed.

    Raises:
        ReportError: unknown template; characters no font covers (listed with their sections).
        Cancelled: ``progress`` asked to stop.
    """
    if template not in TEMPLATES:
        raise ReportError(QT_TRANSLATE_NOOP("core", "未知的报告模板：{template}（可选：{choices}）"), template=template,
                          choices="、".join(TEMPLATES))
    fonts = fonts or register_fonts()
    check(progress)
    content = Content(snapshot, extras)
    ev = snapshot.evaluation
    return render(lambda pages: compose(content, template, fonts, pages, extras), fonts,
                  title=content.title(template), author=ev.agency or "", subject=ev.title or "",
                  progress=progress, keywords=history_keywords(snapshot.history))


HISTORY_KEYWORD = "wcif-history"


def history_keywords(history: tuple) -> str:
    """The PDF Keywords entry anchoring the evaluation's history at the time of the report:
    ``wcif-history:<length>:<last hash>`` (covered by the signature once the report is signed), "" without one."""
    return f"{HISTORY_KEYWORD}:{history[0]}:{history[1]}" if history else ""


def write_atomically(data: bytes, out_path: Path) -> Path:
    """Write ``data`` to ``out_path`` through a temporary file in the same folder and ``os.replace``.

    Raises:
        ReportError: the folder cannot be created or the file cannot be written (e.g. open in a viewer).
    """
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~" + out_path.stem[:40], suffix=".tmp", dir=out_path.parent)
    except OSError as e:
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入报告文件 {path}：{reason}"), path=out_path,
                          reason=e.strerror or e) from e
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入报告文件 {path}：{reason}（文件是否正被其他程序打开？）"),
                          path=out_path, reason=e.strerror or e) from e
    return out_path


def generate_report(snapshot: EvaluationSnapshot, out_path, template: str = "brief",
                    progress: Progress = NO_PROGRESS, *, extras=None) -> Path:
    """Write the unsigned report PDF of ``snapshot`` to ``out_path`` (template ``brief`` or ``full``).

    Returns the path written. Raises :class:`ReportError` (unknown template, uncovered characters,
    unwritable target) or :class:`~wcif_desktop.domain.errors.Cancelled`; on any error nothing is written.
    ``extras`` (:class:`~wcif_desktop.report.extras.ReportExtras`) fills the full report's optional appendices.
    """
    rendered = render_report(snapshot, template, progress, extras=extras)
    check(progress)
    path = write_atomically(rendered.pdf, Path(out_path))
    progress.set(1, 1, "报告已生成")
    return path


__all__ = ["generate_report", "render_report", "write_atomically"]
