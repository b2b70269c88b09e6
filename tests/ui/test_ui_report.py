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
