"""The 报告 step: the report is generated and signed on a worker thread, with progress and cancel."""

from __future__ import annotations

import importlib.util
import time

import pytest
import shiboken6

from wcif_desktop.domain.errors import Cancelled
from wcif_desktop.domain.progress import check
from wcif_desktop.ui.pages import StepState

pytestmark = pytest.mark.gui

HAS_REPORT = importlib.util.find_spec("wcif_desktop.services.report_file") is not None


def _slow_work(steps, progress):
    for i in range(steps):
        check(progress)
        progress.set(i, steps, f"第 {i} 步")
        time.sleep(0.05)
    return "完成"


def test_worker_progress_dialog_appears_late_and_cancels(qtbot, qapp):
    from PySide6.QtWidgets import QPushButton, QWidget

    from wcif_desktop.ui.workers import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    results, errors = [], []
    task = run_with_progress(parent, "测试", _slow_work, 200, on_done=results.append, on_error=errors.append)
    dlg = task.dialog
    try:
        qtbot.wait(250)
        assert not dlg.isVisible()  # nothing flashes for short work
        qtbot.waitUntil(dlg.isVisible, timeout=3000)
        qtbot.waitUntil(lambda: dlg.labelText().startswith("第 "), timeout=3000)
        assert dlg.maximum() == 200
        dlg.findChild(QPushButton).click()  # the user presses 取消
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)
        assert isinstance(errors[0], Cancelled) and results == []
        assert not shiboken6.isValid(dlg) or not dlg.isVisible()  # closed (and deleted)
    finally:
        task.progress.cancel()
        task.wait(5000)


def test_worker_short_work_returns_result(qtbot):
    from wcif_desktop.ui.workers import run_with_progress

    results, errors = [], []
    task = run_with_progress(None, "测试", _slow_work, 2, on_done=results.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(results or errors), timeout=5000)
    assert results == ["完成"] and errors == []
    assert not shiboken6.isValid(task.dialog) or not task.dialog.isVisible()
    task.wait(2000)


def test_identity_dialog_validates(qapp, workdir):
    from wcif_desktop.domain.errors import ValidationError
    from wcif_desktop.ui.pages.report import CreateIdentityDialog

    dlg = CreateIdentityDialog("王建国", "内蒙古鑫方圆会计师事务有限公司", workdir)
    dlg.pw1.setText("secret123")
    dlg.pw2.setText("secret124")
    with pytest.raises(ValidationError, match="不一致"):
        dlg.values()
    dlg.pw2.setText("secret123")
    dlg.path.setText(str(workdir / "签名 证书"))
    path, pw, name, org = dlg.values()
    assert path.name == "签名 证书.p12" and pw == "secret123" and name == "王建国"
    dlg.pw1.setText("123")
    with pytest.raises(ValidationError, match="6"):
        dlg.values()


@pytest.mark.slow
@pytest.mark.skipif(not HAS_REPORT, reason="report package (wcif_desktop.services.report_file) not present")
def test_generate_and_sign_report_on_worker(window, qtbot, workdir, messages):
    from pypdf import PdfReader

    from wcif_desktop.render.signing import create_identity

    p12 = workdir / "签名 证书.p12"
    create_identity(p12, "secret123", "王建国", "内蒙古鑫方圆会计师事务有限公司")
    page = window.show_step("报告")
    page.settings["signing/p12"] = str(p12)
    page.refresh()
    assert page.sign_check.isEnabled()
    page.sign_check.setChecked(True)
    page.passphrase.setText("secret123")
    out = workdir / "报告 输出.pdf"
    page.out_edit.setText(str(out))
    page.generate_btn.click()
    assert not page.generate_btn.isEnabled()  # busy while the worker runs; the UI thread stays free
    qtbot.waitUntil(lambda: page.generate_btn.isEnabled(), timeout=90_000)
    assert messages == []
    assert "报告已保存" in page.status.text()
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "82.33" in text
    assert "✔" in page.signature_label.text() and "王建国" in page.signature_label.text()
    assert window.step_state("report") is StepState.DONE
    assert page.open_btn.isEnabled() and page.folder_btn.isEnabled()


@pytest.mark.skipif(not HAS_REPORT, reason="report package (wcif_desktop.services.report_file) not present")
def test_wrong_passphrase_is_a_plain_message(window, qtbot, workdir, messages):
    from wcif_desktop.render.signing import create_identity

    p12 = workdir / "证书.p12"
    create_identity(p12, "secret123", "王建国", "内蒙古鑫方圆会计师事务有限公司")
    page = window.show_step("report")
    page.settings["signing/p12"] = str(p12)
    page.refresh()
    page.sign_check.setChecked(True)
    page.passphrase.setText("wrong-pass")
    out = workdir / "不应写出.pdf"
    page.out_edit.setText(str(out))
    page.generate()
    qtbot.waitUntil(lambda: bool(messages), timeout=90_000)
    assert len(messages) == 1 and "未能完成" in page.status.text()
    assert not out.exists()
    assert window.step_state("report") is StepState.NOT_STARTED


@pytest.fixture
def ready_window(qtbot, sample_path, messages, make_ready):
    """The main window on a sample whose readiness check passes (it may be signed final)."""
    from wcif_desktop.ui.mainwindow import MainWindow

    make_ready(sample_path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.load(sample_path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _seal(path):
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    ImageDraw.Draw(im).ellipse((8, 8, 292, 292), outline=(200, 0, 0, 255), width=12)
    im.save(path)
    return path


@pytest.mark.skipif(not HAS_REPORT, reason="report package (wcif_desktop.services.report_file) not present")
def test_gui_signs_final_with_a_chosen_seal_on_the_signing_block(ready_window, qtbot, workdir, messages, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from wcif_desktop.render.layout import signing_box_of
    from wcif_desktop.render.signing import create_identity

    window = ready_window
    page = window.show_step("report")
    assert page.lead_name() == "王建国"  # the signer of a new identity is pre-filled from the team lead
    seal = _seal(workdir / "公章 图.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(seal), "")))
    page.findChild(type(page.generate_btn), "choose_seal").click()
    assert page.seal_edit.text() == str(seal) and page.seal() == str(seal)
    p12 = create_identity(workdir / "签名 证书.p12", "secret123", "王建国", "内蒙古鑫方圆会计师事务有限公司")
    page.settings["signing/p12"] = str(p12)
    page.refresh()
    assert "正式稿" in page.draft_label.text()
    page.set_template("full")
    out = workdir / "呼和浩特 完整报告.pdf"
    page.out_edit.setText(str(out))
    page.sign_check.setChecked(True)
    page.final_check.setChecked(True)
    page.passphrase.setText("secret123")
    page.generate_btn.click()
    qtbot.waitUntil(lambda: page.generate_btn.isEnabled(), timeout=120_000)
    assert messages == [], messages
    assert "✔" in page.signature_label.text()
    data = out.read_bytes()
    r = PdfReader(str(out))
    widgets = [(i, a.get_object()) for i, pg in enumerate(r.pages) for a in (pg.get("/Annots") or [])
               if a.get_object().get("/Subtype") == "/Widget"]
    assert len(widgets) == 1
    page_ix, box = signing_box_of(data)
    wpage, w = widgets[0]
    x1, y1, x2, y2 = (float(v) for v in w["/Rect"])
    assert wpage == page_ix and x1 <= (box[0] + box[2]) / 2 <= x2 and y1 <= (box[1] + box[3]) / 2 <= y2
    ap = w["/AP"]["/N"].get_object()
    assert "/Im" in str(ap.get("/Resources", {}).get_object()) or b"Do" in ap.get_data()  # the seal image
    assert "草稿" not in (r.pages[0].extract_text() or "")
    assert window.ctx.evaluation().locked


@pytest.mark.skipif(not HAS_REPORT, reason="report package (wcif_desktop.services.report_file) not present")
def test_gui_refuses_final_signature_of_a_draft(bare_window, qtbot, workdir, messages):
    from wcif_desktop.render.signing import create_identity

    window = bare_window

    page = window.show_step("report")
    assert "草稿" in page.draft_label.text()  # the bare sample lacks the basis of its indicators
    p12 = create_identity(workdir / "证书.p12", "secret123", "王建国", "内蒙古鑫方圆会计师事务有限公司")
    page.settings["signing/p12"] = str(p12)
    page.refresh()
    out = workdir / "不应写出.pdf"
    page.out_edit.setText(str(out))
    page.sign_check.setChecked(True)
    page.final_check.setChecked(True)
    page.passphrase.setText("secret123")
    page.generate()
    qtbot.waitUntil(lambda: bool(messages), timeout=90_000)
    assert "不能最终签署" in messages[0] and "没有评价依据" in messages[0]
    assert not out.exists() and not window.ctx.evaluation().locked


def test_brief_and_full_default_to_different_files(window):
    page = window.show_step("report")
    page.out_edit.clear()
    page.set_template("brief")
    page.refresh()
    brief = page.out_edit.text()
    page.set_template("full")
    full = page.out_edit.text()
    assert brief != full and brief.endswith("（简版报告）.pdf") and full.endswith("（完整报告）.pdf")
    page.out_edit.setText("/somewhere/我的报告.pdf")  # a name of the user's own is kept
    page.set_template("brief")
    assert page.out_edit.text() == "/somewhere/我的报告.pdf"


def test_feedback_of_the_unit_is_recorded_and_undone(window, messages):
    page = window.show_step("report")
    assert page.add_feedback(("建议调整问题表述", "部分采纳", "已调整表述"))
    assert page.feedback_table.rowCount() == 1 and page.feedback_table.item(0, 1).text() == "部分采纳"
    assert page.add_feedback(("不同意扣分", "未采纳", "")) is False  # a reason is required: a message, nothing added
    assert messages and page.feedback_table.rowCount() == 1
    window.ctx.undo_stack.undo()
    assert page.feedback_table.rowCount() == 0


@pytest.mark.parametrize("framework", [None, "gongshang-fund"])
def test_unscored_evaluation_says_unscored_in_the_window(qtbot, workdir, messages, framework):
    from wcif_desktop.services.evaluation import create_new
    from wcif_desktop.ui.mainwindow import MainWindow

    path = create_new(workdir / "空白 评价.wcif", region="包头市", fiscal_year=2022, framework=framework)
    win = MainWindow()
    qtbot.addWidget(win)
    win.load(path)
    page = win.show_step("scoring")
    assert page.total_label.text().startswith("未评分") and "评级" not in page.total_label.text()
    shown = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert not any("未发现问题" in t for t in shown)
    assert any(("尚未设置指标体系" if framework is None else "未评分") in t for t in shown)
    for key in ("scoring", "findings", "review", "report"):
        assert win.step_state(key) is not StepState.DONE, key
    win.close()


def test_scoring_tree_edits_the_finding_the_report_states(window):
    page = window.show_step("scoring")
    m = page.model
    idx = m.find("1.1.1", m.FINDING)
    before = next(i for i in window.ctx.snapshot().indicators if i.code == "1.1.1").finding  # the sample's own
    assert m.headerData(m.FINDING, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) == \
        "评价情况（实际值）"
    assert m.setData(idx, "查阅立项批复文件3份，依据充分")
    ind = next(i for i in window.ctx.snapshot().indicators if i.code == "1.1.1")
    assert ind.finding == "查阅立项批复文件3份，依据充分"
    report = window.show_step("report")
    assert not any("1.1.1 立项依据充分性”没有评价依据" in msg for msg in report.readiness.messages())
    window.ctx.undo_stack.undo()
    assert next(i for i in window.ctx.snapshot().indicators if i.code == "1.1.1").finding == before
