"""From an evaluation file to a (signed) report PDF in one call, safe to run on a worker thread.

:func:`build_report_file` opens its own :class:`~wcif_desktop.store.db.EvaluationFile` (SQLite connections
are per thread), reads the snapshot, lays out the report, signs it as the very last step when an identity is
given, keeps a copy in the evaluation file (see :mod:`wcif_desktop.services.report_archive`) and, for a final
signature, locks the evaluation.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError, SigningError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..render.output import write_atomically
from ..store.db import EvaluationFile
from . import report_archive as archive
from .deliverables.generate import build_document, render_document
from .deliverables.reports import TEMPLATES
from .deliverables.sources import load_sources


class _Scaled:
    """Maps a sub-task's progress into [start, end] of the whole."""

    def __init__(self, outer: Progress, start: int, end: int, total: int = 100):
        self.outer, self.start, self.end, self.total = outer, start, end, total

    def set(self, done: int, total: int, label: str = "") -> None:
        frac = (done / total) if total else 1.0
        self.outer.set(self.start + int((self.end - self.start) * min(frac, 1.0)), self.total, label)

    def cancelled(self) -> bool:
        return self.outer.cancelled()


def build_report_file(evaluation_path, out_pdf, template: str = "brief", p12=None, passphrase=None,
                      seal_png=None, progress: Progress = NO_PROGRESS, *, final: bool = False,
                      keep: bool = True, reason: str | None = None) -> Path:
    """Generate the report of the evaluation at ``evaluation_path`` into ``out_pdf``; sign it last when ``p12``
    is given (``passphrase`` for the PKCS#12, optional ``seal_png`` as the visible seal).

    ``keep`` stores the written PDF in the evaluation file; ``final`` (with a signature) then locks the
    evaluation. Returns ``out_pdf``. Nothing is written to ``out_pdf`` unless every step succeeds. A report
    whose readiness check lists errors is a draft (every page marked 草稿/征求意见稿) and ``final`` is refused.

    Raises:
        NotAnEvaluationFile, ReportError (also: ``final`` for a draft, listing what is missing), SigningError
        (e.g. wrong passphrase), Cancelled.
    """
    out_pdf = Path(out_pdf)
    if p12 is not None and passphrase is None:
        raise SigningError(QT_TRANSLATE_NOOP("core", "签署报告需要签名证书密码"))
    if template not in TEMPLATES:
        raise ReportError(QT_TRANSLATE_NOOP("core", "未知的报告模板：{template}（可选：{choices}）"), template=template,
                          choices="、".join(TEMPLATES))
    progress.set(0, 100, "读取评价数据")
    with EvaluationFile.open(Path(evaluation_path)) as ef:
        if final and p12 is not None:
            archive.check_can_finalize(ef)  # open merge conflicts: refused before anything is rendered or signed
        src = load_sources(ef)
        if final:  # a draft (readiness errors, or a draft version) never carries the final signature
            from .report_state import check_final

            check_final(src.snap.evaluation, src.readiness)
        check(progress)
        doc = build_document(src, f"report-{template}")  # the same model and renderer as `document report-…`
        rendered = render_document(doc, "pdf", progress=_Scaled(progress, 5, 70))
        title = doc.title
        signers: list[str] = []
        written = False
        try:
            if p12 is None:
                write_atomically(rendered.pdf, out_pdf)
                written = True
            else:
                from ..render.signing import sign_pdf, signer_names

                try:
                    out_pdf.parent.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(prefix=".~unsigned", suffix=".pdf", dir=out_pdf.parent)
                    os.close(fd)
                except OSError as e:
                    raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入报告文件 {path}：{reason}"), path=out_pdf,
                                      reason=e.strerror or e) from e
                tmp = Path(tmp)
                try:
                    tmp.write_bytes(rendered.pdf)
                    kw = {"reason": reason} if reason else {}
                    sign_pdf(tmp, out_pdf, p12, passphrase, seal_png=seal_png, progress=_Scaled(progress, 70, 95),
                             anchor=rendered.signing_anchor(), **kw)
                    written = True
                finally:
                    try:
                        tmp.unlink()
                    except OSError:
                        pass
                signers = signer_names(out_pdf)
            check(progress)
            if keep:
                outline = [{"level": h.level, "text": h.text, "page": h.page} for h in rendered.headings]
                archive.record_report(ef, out_pdf.read_bytes(), template=template, title=title,
                                      file_name=out_pdf.name, outline=outline, pages=rendered.pages,
                                      signers=signers, final=bool(final and signers))
                if final and signers:
                    archive.lock(ef, "报告已最终签署")
        except BaseException as e:
            # a signed report whose keeping (or the lock) failed is not left behind: it would look final
            if written and p12 is not None:
                try:
                    out_pdf.unlink()
                except OSError:
                    pass
            if isinstance(e, OSError):
                raise ReportError(QT_TRANSLATE_NOOP("core", "报告未能写入或保存（{reason}），未留下签署的报告：{path}"),
                                  reason=e.strerror or e, path=out_pdf) from e
            raise
    progress.set(100, 100, "完成")
    return out_pdf


def sign_report_file(in_pdf, out_pdf, p12, passphrase, seal_png=None, progress: Progress = NO_PROGRESS, *,
                     evaluation_path=None, final: bool = False) -> Path:
    """Add one more signature to a report (incremental). With ``evaluation_path`` the signed PDF is kept in
    that evaluation file, and ``final`` locks the evaluation (refused, with the list of what is missing, while
    the evaluation is not ready: :func:`~wcif_desktop.services.report_state.check_final`)."""
    from ..render.signing import sign_pdf, signer_names

    if final and evaluation_path is not None:
        from .report_state import check_final

        with EvaluationFile.open(Path(evaluation_path)) as ef:
            archive.check_can_finalize(ef)
            src = load_sources(ef)
        check_final(src.snap.evaluation, src.readiness)
    try:
        sign_pdf(in_pdf, out_pdf, p12, passphrase, seal_png=seal_png, progress=progress)
    except OSError as e:
        raise ReportError(QT_TRANSLATE_NOOP("core", "报告未能写入或保存（{reason}），未留下签署的报告：{path}"),
                          reason=e.strerror or e, path=out_pdf) from e
    if evaluation_path is not None:
        data = Path(out_pdf).read_bytes()
        with EvaluationFile.open(Path(evaluation_path)) as ef:
            prev = next((r for r in archive.saved_reports(ef)), None)
            archive.record_report(ef, data, template=prev.template if prev else "", title=prev.title if prev else "",
                                  file_name=Path(out_pdf).name, outline=_json(prev.outline) if prev else [],
                                  pages=prev.pages if prev else 0, signers=signer_names(out_pdf),
                                  final=final)
            if final:
                archive.lock(ef, "报告已最终签署")
    return Path(out_pdf)


def _json(text: str):
    import json

    try:
        return json.loads(text or "[]")
    except ValueError:
        return []


__all__ = ["build_report_file", "sign_report_file"]
