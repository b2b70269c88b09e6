"""GUI of the on-site review: request list model and panel, attaching (drop, off the UI thread, cancel),
preview of images and PDFs, working-paper sign-off, and the hook into the 现场资料核查 page."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from wcif_desktop.services import evidence as evsvc
from wcif_desktop.services import review as rsvc

rp = pytest.importorskip("wcif_desktop.ui.review_panel")

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp, bare_sample_path, messages):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext

    ef = open_file(bare_sample_path)
    rsvc.add_request_list_from_template(ef, "2022-04-01")
    c = EvaluationContext(ef)
    yield c
    c.close()


def _member(ctx, name):
    from wcif_desktop.services.plan import find_member

    return find_member(ctx.ef, name).id


def test_request_model_rows_overdue_counts_and_undoable_edit(ctx, workdir):
    model = rp.RequestTableModel(ctx, as_of=dt.date(2022, 4, 9))
    items = rsvc.request_items(ctx.ef)
    assert model.rowCount() == len(items) and model.columnCount() == 8
    assert model.data(model.index(0, model.CODE)) == "A01"
    assert model.data(model.index(0, model.STATUS)) == "已索取"
    assert model.data(model.index(0, model.CODE), Qt.ItemDataRole.ForegroundRole).color() == QColor("#b00020")
    assert "已逾期" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    model.as_of = dt.date(2022, 4, 8)
    assert model.data(model.index(0, model.CODE), Qt.ItemDataRole.ForegroundRole) is None

    f = workdir / "预算 草案.pdf"
    f.write_bytes(b"%PDF-1.4 x")
    r = evsvc.add_evidence(ctx.ef, f, target_kind="document_request", target_id=items[0].id)
    ctx.changed.emit(r.changes)
    assert model.data(model.index(0, model.EVIDENCE)) == "1"

    assert model.setData(model.index(0, model.TITLE), "年度预算草案（含说明）")
    assert rsvc.find_request(ctx.ef, "A01").title == "年度预算草案（含说明）"
    assert model.data(model.index(0, model.TITLE)) == "年度预算草案（含说明）"
    ctx.undo_stack.undo()
    assert model.data(model.index(0, model.TITLE)) == items[0].title
    assert not model.setData(model.index(0, model.DUE), "2022-03-01")  # before the request date: refused
    assert rsvc.find_request(ctx.ef, "A01").due_on == "2022-04-08"


def test_panel_status_notes_summary_and_undo(qtbot, ctx, messages):
    panel = rp.RequestListPanel(ctx, as_of=dt.date(2022, 4, 9))
    qtbot.addWidget(panel)
    n = panel.model.rowCount()
    assert panel.summary.text().startswith(f"共 {n} 项：已索取 {n}、已收到 0")
    assert f"逾期 {n} 项" in panel.summary.text()
    panel.select(rsvc.find_request(ctx.ef, "B02").id)
    assert panel.current().code == "B02"
    assert panel.set_status("received")
    assert "已收到 1" in panel.summary.text() and panel.current().code == "B02"
    ctx.undo_stack.undo()
    assert rsvc.find_request(ctx.ef, "B02").status == "requested" and "已收到 0" in panel.summary.text()
    ctx.undo_stack.redo()
    assert rsvc.find_request(ctx.ef, "B02").status == "received"
    assert panel.set_status("reviewed")
    assert rsvc.find_request(ctx.ef, "B02").status == "reviewed" and "已核查 1" in panel.summary.text()
    panel.select(rsvc.find_request(ctx.ef, "B03").id)
    panel.set_status("reviewed")  # requested → reviewed is not allowed
    assert messages and "不能从“已索取”改为“已核查”" in messages[-1]

    assert panel.add_note(_member(ctx, "李晓梅"), "对账单与明细账一致")
    assert "李晓梅] 对账单与明细账一致" in panel.notes.toPlainText()
    assert panel.model.data(panel.model.index(panel.model.row_of(panel.current().id), panel.model.NOTES)) == "1"

    rec = panel.add_item("工伤预防项目验收照片", "工伤预防")
    assert rec.code == "H04" and panel.current().id == rec.id
    panel.move(-1)
    assert panel.model.row_of(rec.id) == n - 1 and panel.current().id == rec.id
    ctx.undo_stack.undo()
    assert panel.model.row_of(rec.id) == n


def _drop(widget, pos, paths) -> tuple[bool, bool]:
    """Drag files onto ``widget`` at ``pos`` and drop them; returns (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return bool(enter.isAccepted()), bool(drop.isAccepted())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide marks QDragEnterEvent(QPoint, …) deprecated
def test_drop_files_on_a_row_attaches_off_the_ui_thread(qtbot, ctx, workdir, monkeypatch):
    panel = rp.RequestListPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    threads = []
    real_add = evsvc.add_evidence

    def spy(*a, **k):
        threads.append(threading.current_thread())
        return real_add(*a, **k)

    monkeypatch.setattr(rp.evsvc, "add_evidence", spy)
    a = workdir / "扫描件 1.jpg"
    b = workdir / "对账单.xlsx"
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    assert img.save(str(a), "JPG")
    b.write_bytes(b"PK\x03\x04" + bytes(3 * evsvc.CHUNK_SIZE))
    target = rsvc.find_request(ctx.ef, "B04")
    row = panel.model.row_of(target.id)
    panel.view.scrollTo(panel.model.index(row, 0))
    pos = panel.view.visualRect(panel.model.index(row, 2)).center()
    assert _drop(panel.view.viewport(), pos, [a, b]) == (True, True)
    qtbot.waitUntil(lambda: panel.evidence.table.rowCount() == 2, timeout=10_000)
    assert panel.current().id == target.id
    assert threads and all(t is not threading.main_thread() for t in threads)
    names = {i.evidence.original_name for i in evsvc.list_evidence(ctx.ef, "document_request", target.id)}
    assert names == {"扫描件 1.jpg", "对账单.xlsx"}
    assert panel.model.data(panel.model.index(row, panel.model.EVIDENCE)) == "2"


def test_attach_cancel_and_bad_file_keep_the_file_unchanged(qtbot, ctx, workdir, messages, monkeypatch):
    target = rsvc.find_request(ctx.ef, "A02")
    f = workdir / "大文件.pdf"
    f.write_bytes(b"%PDF" + bytes(2 * evsvc.CHUNK_SIZE))
    real_cancelled = rp._KiBProgress.cancelled
    monkeypatch.setattr(rp._KiBProgress, "cancelled", lambda self: True)
    done = []
    rp.attach_files(None, ctx, [f], "document_request", target.id, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done[0]["cancelled"] and not done[0]["added"]
    assert evsvc.list_evidence(ctx.ef) == []
    assert "已取消" in messages[-1]
    monkeypatch.setattr(rp._KiBProgress, "cancelled", real_cancelled)
    done.clear()
    empty = workdir / "空.pdf"
    empty.write_bytes(b"")
    rp.attach_files(None, ctx, [empty, f], "document_request", target.id, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert len(done[0]["added"]) == 1 and "0 字节" in messages[-1]


def test_preview_image_and_pdf(qtbot, ctx, workdir):
    png = workdir / "现场 照片.png"
    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("blue"))
    assert img.save(str(png))
    pdf = rsvc.export_request_list(ctx.ef, workdir / "清单.pdf")
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    target = rsvc.find_request(ctx.ef, "C01")
    for p in (png, pdf):
        evsvc.add_evidence(ctx.ef, p, target_kind="document_request", target_id=target.id)

    d = rp.PreviewDialog(png, "image/png")
    qtbot.addWidget(d)
    assert d.kind == "image" and d.image.pixmap().size().width() == 64 and "64 × 48" in d.info.text()
    d = rp.PreviewDialog(pdf, "application/pdf")
    qtbot.addWidget(d)
    assert d.kind == "pdf" and d.page_count == pages and f"共 {pages} 页" in d.info.text()
    first = d.pdf.canvas.image(0)
    assert not first.isNull() and first.width() > first.height()  # the list is A4 landscape
    assert d.pdf.canvas.image(1) != first
    bad = workdir / "坏.pdf"
    bad.write_bytes(b"%PDF-broken")
    d = rp.PreviewDialog(bad, "application/pdf")
    qtbot.addWidget(d)
    assert d.kind == "none" and "无法预览该 PDF" in d.info.text()
    d = rp.PreviewDialog(workdir / "清单.pdf", "application/vnd.ms-excel")
    qtbot.addWidget(d)
    assert d.kind == "none"

    # end to end from the evidence list: extracted off the UI thread to a temporary copy, then shown
    lst = rp.EvidenceList(ctx, "document_request")
    qtbot.addWidget(lst)
    lst.set_target(target.id)
    assert lst.table.rowCount() == 2
    row = next(i for i, info in enumerate(lst.infos) if info.evidence.media_type == "image/png")
    lst.table.setCurrentCell(row, 0)
    lst.preview()
    qtbot.waitUntil(lambda: getattr(lst, "dialog", None) is not None, timeout=10_000)
    assert lst.dialog.kind == "image" and lst.dialog.file.read_bytes() == png.read_bytes()
    assert lst.dialog.file.name == "现场 照片.png"


def test_working_paper_signoff_in_panel(qtbot, ctx, messages):
    panel = rp.WorkingPaperPanel(ctx)
    qtbot.addWidget(panel)
    paper = panel.new_paper("待遇支付抽查")
    assert panel.current().id == paper.id and panel.state.text() == "编制人：—（未签字）；复核人：—（未签字）"
    panel.body.setPlainText("抽查30笔待遇支付，均有审批。")
    panel.signer.setCurrentIndex(panel.signer.findData(_member(ctx, "李晓梅")))
    assert panel.sign("preparer")  # saves the body first
    assert rsvc.working_papers(ctx.ef)[0].body == "抽查30笔待遇支付，均有审批。"
    assert not panel.sign("reviewer")  # same person
    assert "编制人以外" in messages[-1]
    panel.signer.setCurrentIndex(panel.signer.findData(_member(ctx, "赵丽")))
    assert panel.sign("reviewer")
    assert panel.state.text() == "编制人：李晓梅（已签字）；复核人：赵丽（已签字）"
    assert panel.state.styleSheet() == ""

    panel.body.setPlainText("抽查30笔待遇支付，1笔缺少审批。")
    assert panel.save()
    assert "签字后已修改" in panel.state.text() and "b00020" in panel.state.styleSheet()
    assert panel.list.item(0).foreground().color() == QColor("#b00020")
    ctx.undo_stack.undo()
    assert panel.state.text() == "编制人：李晓梅（已签字）；复核人：赵丽（已签字）"
    ctx.undo_stack.undo()  # undo the reviewer sign-off
    assert "复核人：—（未签字）" in panel.state.text()


@pytest.fixture
def window(qtbot, bare_sample_path, messages):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    win.load(bare_sample_path)
    yield win
    win.close()


def test_review_page_hosts_the_panels(window):
    page = window.show_step("review")
    tabs = page.review_tabs
    assert tabs.count() == 5 and tabs.tabText(0) == "资料清单" and tabs.tabText(1) == "工作底稿"
    assert tabs.tabText(2) == "访谈记录" and tabs.widget(2) is tabs.interviews  # interviews_panel (issue 4)
    assert tabs.requests.model.rowCount() == 0
    tabs.requests.build_from_template()
    assert tabs.requests.model.rowCount() == len(rsvc.request_items(window.ctx.ef)) > 40


def test_switching_papers_keeps_unsaved_edits(qtbot, ctx):
    panel = rp.WorkingPaperPanel(ctx)
    qtbot.addWidget(panel)
    first = panel.new_paper("底稿一")
    second = panel.new_paper("底稿二")
    assert panel.current().id == second.id
    panel.body.setPlainText("二的内容")
    panel.list.setCurrentRow(0)
    assert panel.current().id == first.id and panel.body.toPlainText() == ""
    assert {p.title: p.body for p in rsvc.working_papers(ctx.ef)} == {"底稿一": "", "底稿二": "二的内容"}
