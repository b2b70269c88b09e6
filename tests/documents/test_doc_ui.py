"""The 文档 menu: generate a document off the UI thread, finding library, target review, archive."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet(monkeypatch):
    """Message boxes never block."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(parent, title, text, *a, **k):
        seen.append(str(text))
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr(QMessageBox, "open", lambda self: seen.append(self.text()))
    return seen


@pytest.fixture
def ctx(qapp, bare_sample_path, quiet):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext

    c = EvaluationContext(open_file(bare_sample_path))
    yield c
    c.close()


def test_generate_a_word_work_plan_in_the_commissioners_name(qtbot, ctx, workdir, quiet):
    from wcif_desktop.ui.documents_dialog import DocumentsDialog

    from .docutil import docx_all_text

    dlg = DocumentsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentIndex(dlg.kind.findData("work-plan"))
    dlg.issuer.setCurrentIndex(dlg.issuer.findData("commissioner"))
    assert dlg.issuer.isEnabled() and dlg.template_row.isEnabled()
    with qtbot.waitSignal(dlg.written, timeout=60_000) as sig:
        dlg.generate(workdir / "方案 输出.docx")
    out = sig.args[0]
    assert "呼和浩特市财政局委托第三方机构" in docx_all_text(out)
    assert any("已写入" in t for t in quiet)
    dlg.fmt.setCurrentIndex(dlg.fmt.findData("pdf"))
    assert not dlg.template_row.isEnabled()
    dlg.kind.setCurrentIndex(dlg.kind.findData("letter"))
    assert not dlg.issuer.isEnabled()


def test_bad_template_is_reported_not_raised(qtbot, ctx, workdir, quiet):
    import docx

    from wcif_desktop.ui.documents_dialog import DocumentsDialog

    bad = workdir / "坏 模板.docx"
    d = docx.Document()
    d.add_paragraph("{{ no_such_field }}")
    d.save(str(bad))
    dlg = DocumentsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.template.setText(str(bad))
    dlg.generate(workdir / "x.docx")
    qtbot.waitUntil(lambda: dlg.generate_button.isEnabled(), timeout=60_000)
    assert any("no_such_field" in t for t in quiet)
    assert not (workdir / "x.docx").exists()


def test_finding_library_and_target_review(qtbot, ctx, workdir):
    from wcif_desktop.domain.model import Finding
    from wcif_desktop.services.finding_library import FindingLibrary
    from wcif_desktop.ui.documents_dialog import FindingLibraryDialog, TargetReviewDialog

    lib = FindingLibrary(workdir / "库.db")
    dlg = FindingLibraryDialog(ctx, library=lib)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and dlg.problem.count() == 3
    entry = dlg.save_selected_problem()
    assert dlg.table.rowCount() == 1 and entry.title == dlg.problem.itemText(0)
    dlg.table.selectRow(0)
    seen = []
    ctx.changed.connect(seen.append)
    problem = dlg.start_selected()
    assert problem is not None and seen and dlg.problem.count() == 4
    assert problem.id in {f.id for f in ctx.ef.records(Finding)}

    rv = TargetReviewDialog(ctx)
    qtbot.addWidget(rv)
    assert rv.table.rowCount() == 8 and "未通过" in rv.summary.text()
    rv.prefill()
    from wcif_desktop.services import review as rsvc

    assert len(rsvc.working_papers(ctx.ef)) == 2


def test_menu_in_the_main_window_and_archive(qtbot, bare_sample_path, workdir, quiet):
    from wcif_desktop.ui.documents_dialog import start_archive
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    titles = [a.text() for a in win.menuBar().actions()]
    assert "文档(&O)" in titles and titles.index("文档(&O)") < titles.index("设置(&S)")
    win.documents_menu.aboutToShow.emit()
    assert not win.act_documents.isEnabled()
    win.load(bare_sample_path)
    win.documents_menu.aboutToShow.emit()
    assert win.act_documents.isEnabled() and win.act_archive.isEnabled()
    done = []
    start_archive(win.ctx, win, workdir / "归档", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert win.ctx.evaluation().locked
    assert (workdir / "归档" / "SHA256SUMS.txt").is_file()
    win.close()
