"""Issue 7 in the app: preview and printing of the report PDF, kept reports, and the lock after the final
signature (an edit asks to reopen with a reason; cancelling keeps it locked and drops the edit)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def _report(sample_path, out, template="brief", keep=True):
    from wcif_desktop.services.report_file import build_report_file

    return build_report_file(sample_path, out, template=template, keep=keep)


def _ink(pdf: Path, index: int) -> float:
    """Share of non-white pixels of a page (rendered with PDFium at 20 dpi)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    gray = doc[index].render(scale=20 / 72, grayscale=True).to_numpy()
    doc.close()
    return float((gray < 200).mean())


# ---------------------------------------------------------------------- printing
@pytest.mark.parametrize("orientation", ["Portrait", "Landscape"])
def test_print_to_pdf_keeps_pages_size_and_orientation(qapp, workdir, sample_path, orientation):
    from pypdf import PdfReader
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from wcif_desktop.ui.report_preview import PdfPages, PrintController, print_pdf

    src = _report(sample_path, workdir / "报告 原件.pdf", keep=False)
    pages = PdfPages(src)
    ctl = PrintController()
    assert ctl.page_size_id() == QPageSize.PageSizeId.A4
    assert ctl.orientation() == QPageLayout.Orientation.Portrait  # default
    ctl.printer.setPageOrientation(getattr(QPageLayout.Orientation, orientation))
    out = workdir / f"打印 {orientation}.pdf"
    ctl.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ctl.printer.setOutputFileName(str(out))
    ctl.printer.setResolution(100)  # (speed: the real printer renders at up to 300 dpi)
    assert print_pdf(pages, ctl.printer) == len(pages)
    reader = PdfReader(str(out))
    assert len(reader.pages) == len(PdfReader(str(src)).pages) == len(pages)
    w, h = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    a4 = (595, 842) if orientation == "Portrait" else (842, 595)
    assert (round(w), round(h)) == a4
    for i in range(len(pages)):  # every page carries the report's ink, comparable to the original
        assert _ink(out, i) > 0.2 * _ink(src, i) > 0
    pages.close()


def test_print_page_range(qapp, workdir, sample_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from wcif_desktop.ui.report_preview import PdfPages, PrintController, print_pdf

    pages = PdfPages(_report(sample_path, workdir / "报告.pdf", keep=False))
    ctl = PrintController()
    ctl.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ctl.printer.setOutputFileName(str(workdir / "第2-3页.pdf"))
    ctl.printer.setFromTo(2, 3)
    ctl.printer.setResolution(100)
    assert print_pdf(pages, ctl.printer) == 2
    assert len(PdfReader(str(workdir / "第2-3页.pdf")).pages) == 2
    pages.close()


def test_layout_chosen_in_print_preview_survives_the_dialog(qapp, workdir, sample_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from wcif_desktop.ui.report_preview import PdfPages, PrintController

    pages = PdfPages(_report(sample_path, workdir / "报告.pdf", keep=False))
    qs = QSettings(str(workdir / "设置.ini"), QSettings.Format.IniFormat)
    ctl = PrintController(qs)
    out = workdir / "经预览打印.pdf"
    painted = []

    def fake_exec(dlg):  # the user picks A5 landscape in the page setup, then prints
        printer = ctl.printer
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        dlg.paintRequested.emit(printer)
        painted.append(True)
        return QPrintPreviewDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert ctl.print_with_preview(pages)
    assert painted and len(PdfReader(str(out)).pages) == len(pages)
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 420)  # A5 landscape
    # kept on the printer and remembered for the next session
    assert ctl.page_size_id() == QPageSize.PageSizeId.A5
    assert ctl.orientation() == QPageLayout.Orientation.Landscape
    again = PrintController(qs)
    assert again.page_size_id() == QPageSize.PageSizeId.A5
    assert again.orientation() == QPageLayout.Orientation.Landscape
    pages.close()


def test_preview_widget_shows_pages(qtbot, workdir, sample_path):
    from wcif_desktop.domain.errors import ReportError
    from wcif_desktop.ui.report_preview import PdfPreview

    pdf = _report(sample_path, workdir / "报告.pdf", template="full", keep=False)
    w = PdfPreview()
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.show()
    n = w.load(pdf)
    assert n > 3 and w.info.text() == f"第 1 / {n} 页"
    img = w.canvas.grab().toImage()
    assert img.width() > 300
    w.scroll.verticalScrollBar().setValue(w.scroll.verticalScrollBar().maximum())
    assert w.current_page() == n and w.info.text() == f"第 {n} / {n} 页"
    w.zoom.setCurrentIndex(w.zoom.findData(2.0))
    assert w.canvas.width() > 1000
    with pytest.raises(ReportError):
        w.load(b"not a pdf")
    assert len(w.pages) == n  # the shown document stays
    w.clear()


# ---------------------------------------------------------------------- report page: generate, preview, kept
def test_generate_full_report_previews_and_keeps_it(window, qtbot, workdir, messages, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from wcif_desktop.services.report_archive import saved_reports, sha256_hex

    page = window.show_step("报告")
    page.set_template("full")
    out = workdir / "完整 报告.pdf"
    page.out_edit.setText(str(out))
    page.generate_btn.click()
    qtbot.waitUntil(lambda: page.generate_btn.isEnabled(), timeout=60_000)
    assert messages == []
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "四、绩效评价指标分析" in text  # the full outline
    assert page.preview.pages is not None and len(page.preview.pages) == len(PdfReader(str(out)).pages)
    kept = saved_reports(window.ctx.ef)
    assert len(kept) == 1 and kept[0].template == "full"
    assert page.kept_table.rowCount() == 1
    assert page.kept_table.item(0, 1).text() == "完整"
    tip = page.kept_table.item(0, 1).toolTip()
    assert tip.splitlines()[0].startswith("一、基本情况 …… ") and "四、绩效评价指标分析" in tip
    assert page.kept_table.item(0, 3).text() == sha256_hex(out.read_bytes())
    assert page.kept_table.item(0, 4).text() == "（未签名）"
    assert "（1）" in page.tabs.tabText(page.kept_tab)
    # save it out again
    page.kept_table.selectRow(0)
    again = page.save_kept(workdir / "另存 报告.pdf")
    assert again.read_bytes() == out.read_bytes()
    # print from the report page: the preview dialog (patched) paints onto the page's printer
    target = workdir / "打印.pdf"

    def fake_exec(dlg):
        page.printer().printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        page.printer().printer.setOutputFileName(str(target))
        page.printer().printer.setResolution(100)
        dlg.paintRequested.emit(page.printer().printer)
        return QPrintPreviewDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert page.print_btn.isEnabled()
    assert page.print_last()
    assert len(PdfReader(str(target)).pages) == len(PdfReader(str(out)).pages)


def test_kept_report_tampered_is_refused(window, workdir, sample_path, messages):
    from wcif_desktop.services.report_archive import saved_reports

    ctx = window.ctx
    page = window.show_step("report")
    _report(ctx.path, workdir / "报告.pdf")
    page.refresh()
    page.kept_table.selectRow(0)
    assert page.preview_kept()
    rec = saved_reports(ctx.ef)[0]
    ctx.ef.conn.execute("UPDATE report_blob SET pdf = ? WHERE sha256 = ?", [b"%PDF-1.4 changed", rec.sha256])
    assert page.save_kept(workdir / "不应写出.pdf") is None
    assert not (workdir / "不应写出.pdf").exists()
    assert any("SHA-256" in m for m in messages)


# ---------------------------------------------------------------------- lock
def _lock(ctx):
    from wcif_desktop.services import report_archive as archive

    archive.lock(ctx.ef, "报告已最终签署")
    from wcif_desktop.services.evaluation import Changes

    ctx.changed.emit(Changes().add("evaluation"))


def test_edit_on_locked_evaluation_cancelled_stays_locked(window, monkeypatch, messages):
    from wcif_desktop.domain.model import Evaluation
    from wcif_desktop.services import report_archive as archive
    from wcif_desktop.ui import lock

    ctx = window.ctx
    _lock(ctx)
    asked = []
    monkeypatch.setattr(lock, "ask_reason", lambda parent: asked.append(parent) or None)
    region = ctx.evaluation().region
    assert not ctx.edit_fields(Evaluation, ctx.evaluation().id, region="包头市")
    assert len(asked) == 1 and asked[0] is window
    assert archive.is_locked(ctx.ef) and ctx.evaluation().region == region
    assert not ctx.set_narrative("other", "新文字")
    assert ctx.snapshot().narratives.get("other", "") == ""
    assert not ctx.undo_stack.canUndo() and messages == []  # nothing pushed, no error box
    page = window.page("report")
    assert page.reopen_btn.isVisibleTo(page) and "锁定" in page.lock_label.text()


def test_edit_on_locked_evaluation_reopens_with_reason(window, monkeypatch, messages):
    from wcif_desktop.domain.model import Evaluation, Finding
    from wcif_desktop.services import report_archive as archive
    from wcif_desktop.store.db import EvaluationFile
    from wcif_desktop.ui import lock

    ctx = window.ctx
    _lock(ctx)
    monkeypatch.setattr(lock, "ask_reason", lambda parent: "委托方要求更正地区名称")
    page = window.show_step("findings")
    problem = ctx.snapshot().findings_of("problem")[0]
    page.views["problem"].setCurrentIndex(page.models["problem"].index(0, 0))
    page.title_edit.setText("新的标题")
    page.title_edit.commit()
    assert ctx.ef.get(Finding, problem.id).title == "新的标题"
    assert not archive.is_locked(ctx.ef)
    events = archive.lock_history(ctx.ef)
    assert [(e.action, e.reason) for e in events] == [("lock", "报告已最终签署"), ("reopen", "委托方要求更正地区名称")]
    assert "委托方要求更正地区名称" in str(ctx.ef.conn.execute("SELECT * FROM audit_log").fetchall())
    assert ctx.ef.verify_history() == []
    report_page = window.page("report")
    assert not report_page.reopen_btn.isVisibleTo(report_page)
    assert messages == []
    # the history in the file itself (reopened independently)
    with EvaluationFile.open(ctx.path) as ef2:
        assert [e.reason for e in archive.lock_history(ef2)][-1] == "委托方要求更正地区名称"
    assert ctx.evaluation().locked is False and isinstance(ctx.evaluation(), Evaluation)


def test_reopen_button_and_dialog(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from wcif_desktop.services import report_archive as archive
    from wcif_desktop.ui import lock
    from wcif_desktop.ui.lock import ReopenDialog

    monkeypatch.setattr(lock, "ask_reason", lock.ask_reason_with_dialog)  # the real dialog (exec patched below)
    dlg = ReopenDialog()
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    dlg.reason.setPlainText("  更正数据 ")
    assert ok.isEnabled() and dlg.value() == "更正数据"

    ctx = window.ctx
    _lock(ctx)
    page = window.show_step("report")
    monkeypatch.setattr(ReopenDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not page.reopen()
    assert archive.is_locked(ctx.ef)

    def accept(self):
        self.reason.setPlainText("复核后修改")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReopenDialog, "exec", accept)
    assert page.reopen()
    assert not archive.is_locked(ctx.ef) and archive.lock_history(ctx.ef)[-1].reason == "复核后修改"
    assert not page.reopen_btn.isVisibleTo(page)


@pytest.mark.slow
def test_final_signature_from_the_page_locks(window, qtbot, workdir, messages, monkeypatch, sample_path, make_ready):
    from wcif_desktop.domain.model import Evaluation
    from wcif_desktop.render.signing import create_identity
    from wcif_desktop.services import report_archive as archive
    from wcif_desktop.ui import lock

    make_ready(sample_path)  # a final signature needs a report without readiness errors
    p12 = workdir / "签名 证书.p12"
    create_identity(p12, "secret123", "王建国", "内蒙古鑫方圆会计师事务有限公司")
    page = window.show_step("report")
    page.settings["signing/p12"] = str(p12)
    page.refresh()
    page.sign_check.setChecked(True)
    page.final_check.setChecked(True)
    page.passphrase.setText("secret123")
    page.out_edit.setText(str(workdir / "最终 报告.pdf"))
    page.generate()
    qtbot.waitUntil(lambda: page.generate_btn.isEnabled(), timeout=90_000)
    assert messages == []
    assert archive.is_locked(window.ctx.ef)
    assert page.reopen_btn.isVisibleTo(page)
    assert page.kept_table.item(0, 4).text().startswith("王建国") and page.kept_table.item(0, 5).text() == "是"
    monkeypatch.setattr(lock, "ask_reason", lambda parent: None)
    ctx = window.ctx
    assert not ctx.edit_fields(Evaluation, ctx.evaluation().id, region="包头市")
    assert archive.is_locked(ctx.ef)


def test_run_service_on_locked_evaluation(ctx, monkeypatch):
    """Edits through ``run_service`` ask too; reads through it on a locked evaluation do not."""
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services import report_archive as archive
    from wcif_desktop.ui import lock

    lock.install(ctx)
    archive.lock(ctx.ef)
    asked = []
    monkeypatch.setattr(lock, "ask_reason", lambda parent: asked.append(1) and None)
    assert ctx.run_service(svc.load_snapshot).evaluation.locked  # a read: no question
    assert asked == []
    assert ctx.run_service(svc.set_narrative, "other", "锁定时写的") is None
    assert asked == [1] and archive.is_locked(ctx.ef) and not ctx.snapshot().narratives.get("other")
    monkeypatch.setattr(lock, "ask_reason", lambda parent: "补充说明")
    seen = []
    ctx.changed.connect(seen.append)
    changes = ctx.run_service(svc.set_narrative, "other", "解锁后写的")
    assert changes and ctx.snapshot().narratives["other"] == "解锁后写的"
    assert not archive.is_locked(ctx.ef) and archive.lock_history(ctx.ef)[-1].reason == "补充说明"
    assert any(c.touches("lock_event") for c in seen) and any(c.touches("narrative") for c in seen)


def test_preview_tab_shows_newest_kept_report(window, workdir):
    from pypdf import PdfReader

    ctx = window.ctx
    _report(ctx.path, workdir / "简式.pdf", template="brief")
    full = _report(ctx.path, workdir / "完整.pdf", template="full")
    page = window.show_step("report")
    page.refresh()
    assert page.preview.pages is None
    page.tabs.setCurrentIndex(page.preview_tab)
    assert page.preview.pages is not None
    newest = page.kept_ids[0]
    from wcif_desktop.services.report_archive import GeneratedReport

    rec = ctx.ef.get(GeneratedReport, newest)
    assert len(page.preview.pages) == rec.pages
    assert rec.file_name in page.preview_label.text()
    assert rec.pages in (len(PdfReader(str(full)).pages), len(PdfReader(str(workdir / "简式.pdf")).pages))
