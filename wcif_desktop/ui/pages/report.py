"""Step 报告: generate the brief report PDF off the UI thread (with progress and cancel), sign it with a signing
identity (a PKCS#12 file: create a self-signed one, or use an existing .p12/.pfx), verify it, and open it.

The report package is imported lazily (only when the user generates/signs/verifies) so start-up stays light.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled, SigningError, ValidationError, WcifError
from ...domain.model import EvaluationSnapshot
from ...domain.progress import NO_PROGRESS, check
from ...services.evaluation import Changes
from ..errors import handle_exception, show_user_error
from ..settings import Settings
from ..workers import Task, run_with_progress
from .base import StepPage, StepState

REPORT_TABLE = "generated_report"  # reports kept in the evaluation file by the report pipeline


def saved_reports(ef) -> list[dict]:
    """Rows of the reports kept in the evaluation file, newest last (empty for files without that table)."""
    import sqlite3

    try:
        rows = ef.rows(REPORT_TABLE)
    except sqlite3.Error:
        return []
    return sorted(rows, key=lambda r: r.get("created_at") or "")


# ---------------------------------------------------------------------- Qt-free work run on the worker thread
def generate_report(evaluation_path, out_pdf, p12=None, passphrase=None, progress=NO_PROGRESS):
    """Build the brief report (signed when ``p12`` is given; kept in the evaluation file) and verify it.

    Returns ``(pdf_path, statuses)``; ``statuses`` is the list of ``SignatureStatus`` (empty when unsigned).
    """
    from ...report.pipeline import build_report_file

    pdf = build_report_file(Path(evaluation_path), Path(out_pdf), template="brief", p12=p12,
                            passphrase=passphrase, progress=progress)
    statuses = []
    if p12:
        check(progress)
        from ...report.signing import verify_pdf

        statuses = verify_pdf(pdf)
    return Path(pdf), statuses


def sign_existing(pdf, p12, passphrase, evaluation_path=None, progress=NO_PROGRESS):
    """Sign ``pdf`` in place (through a temporary file beside it) and verify it. Returns ``(pdf, statuses)``."""
    from ...report.pipeline import sign_report_file
    from ...report.signing import verify_pdf

    pdf = Path(pdf)
    tmp = pdf.with_name(pdf.stem + ".signing.tmp.pdf")
    check(progress)
    try:
        sign_report_file(pdf, tmp, p12, passphrase, progress=progress, evaluation_path=evaluation_path)
        os.replace(tmp, pdf)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pdf, verify_pdf(pdf)


def verify_only(pdf, progress=NO_PROGRESS):
    from ...report.signing import verify_pdf

    return Path(pdf), verify_pdf(Path(pdf))


def report_package_available() -> bool:
    import importlib.util

    try:
        return all(importlib.util.find_spec(m) is not None for m in
                   ("wcif_desktop.report.pipeline", "wcif_desktop.report.signing"))
    except ModuleNotFoundError:
        return False


# ---------------------------------------------------------------------- dialogs
class CreateIdentityDialog(QDialog):
    """Create a self-signed signing identity: name, organisation, passphrase twice, where to save the .p12."""

    def __init__(self, signer: str = "", organisation: str = "", folder: Path | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("创建签名证书"))
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("为没有CA证书的评价机构创建自签名的签名证书（PKCS#12 文件，由口令保护）。"
                              "请妥善保管该文件和口令。"))
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.name = QLineEdit(signer)
        self.org = QLineEdit(organisation)
        self.pw1 = QLineEdit()
        self.pw2 = QLineEdit()
        for pw in (self.pw1, self.pw2):
            pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.path = QLineEdit(str((folder or Path.home()) / f"{signer or 'signer'}.p12"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("签名人姓名"), self.name)
        form.addRow(self.tr("所在单位"), self.org)
        form.addRow(self.tr("口令"), self.pw1)
        form.addRow(self.tr("再次输入口令"), self.pw2)
        form.addRow(self.tr("保存位置"), row)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存签名证书"), self.path.text(),
                                              self.tr("签名证书 (*.p12 *.pfx)"))
        if path:
            self.path.setText(path)

    def values(self) -> tuple[Path, str, str, str]:
        """``(p12_path, passphrase, signer_name, organisation)``.

        Raises:
            ValidationError: a field is empty, the passphrases differ or are shorter than 6 characters.
        """
        name, org, path = self.name.text().strip(), self.org.text().strip(), self.path.text().strip()
        if not name:
            raise ValidationError(self.tr("请填写签名人姓名"))
        if not org:
            raise ValidationError(self.tr("请填写所在单位"))
        if len(self.pw1.text()) < 6:
            raise ValidationError(self.tr("口令至少需要 6 个字符"))
        if self.pw1.text() != self.pw2.text():
            raise ValidationError(self.tr("两次输入的口令不一致"))
        if not path:
            raise ValidationError(self.tr("请选择签名证书的保存位置"))
        p = Path(path)
        if p.suffix.lower() not in (".p12", ".pfx"):
            p = p.with_suffix(".p12")
        return p, self.pw1.text(), name, org


# ---------------------------------------------------------------------- the page
class ReportPage(StepPage):
    key = "report"
    title = QT_TRANSLATE_NOOP("steps", "报告")
    tables = (REPORT_TABLE,)

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        """未开始 without a kept report, 已完成 when the newest one is signed, 进行中 otherwise."""
        reports = saved_reports(ef) if ef is not None else []
        if not reports:
            return StepState.NOT_STARTED
        signers = reports[-1].get("signers") or "[]"
        return StepState.DONE if signers.strip() not in ("", "[]") else StepState.IN_PROGRESS

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.settings = Settings()
        self.task: Task | None = None
        self.last_pdf: Path | None = None
        lay = QVBoxLayout(self)

        gen = QGroupBox(self.tr("生成报告"))
        gl = QFormLayout(gen)
        self.template_label = QLabel(self.tr("简式报告（与样例报告结构一致）"))
        self.out_edit = QLineEdit()
        self.out_edit.setObjectName("report_out")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(browse)
        self.sign_check = QCheckBox(self.tr("生成后用签名证书签名"))
        self.generate_btn = QPushButton(self.tr("生成 PDF 报告"))
        self.generate_btn.setObjectName("generate_report")
        self.generate_btn.clicked.connect(self.generate)
        gl.addRow(self.tr("报告模板"), self.template_label)
        gl.addRow(self.tr("保存为"), row)
        gl.addRow("", self.sign_check)
        gen_row = QHBoxLayout()
        gen_row.addWidget(self.generate_btn)
        gen_row.addStretch(1)
        gl.addRow("", gen_row)
        lay.addWidget(gen)

        ident = QGroupBox(self.tr("签名证书"))
        il = QFormLayout(ident)
        self.p12_label = QLabel()
        self.p12_label.setWordWrap(True)
        self.p12_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        btns = QHBoxLayout()
        self.create_btn = QPushButton(self.tr("创建签名证书…"))
        self.use_btn = QPushButton(self.tr("使用已有证书 (.p12/.pfx)…"))
        self.create_btn.clicked.connect(self.create_identity)
        self.use_btn.clicked.connect(self.choose_identity)
        btns.addWidget(self.create_btn)
        btns.addWidget(self.use_btn)
        btns.addStretch(1)
        il.addRow(self.tr("当前证书"), self.p12_label)
        il.addRow(self.tr("证书口令"), self.passphrase)
        il.addRow("", btns)
        lay.addWidget(ident)

        res = QGroupBox(self.tr("结果"))
        rl = QVBoxLayout(res)
        self.status = QLabel(self.tr("尚未生成报告。"))
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.status)
        self.signature_label = QLabel()
        self.signature_label.setObjectName("signature_status")
        self.signature_label.setWordWrap(True)
        rl.addWidget(self.signature_label)
        rb = QHBoxLayout()
        self.sign_btn = QPushButton(self.tr("签名此报告"))
        self.verify_btn = QPushButton(self.tr("验证签名"))
        self.open_btn = QPushButton(self.tr("打开 PDF"))
        self.folder_btn = QPushButton(self.tr("打开所在文件夹"))
        self.sign_btn.clicked.connect(self.sign_last)
        self.verify_btn.clicked.connect(self.verify_last)
        self.open_btn.clicked.connect(self.open_pdf)
        self.folder_btn.clicked.connect(self.open_folder)
        for b in (self.sign_btn, self.verify_btn, self.open_btn, self.folder_btn):
            rb.addWidget(b)
        rb.addStretch(1)
        rl.addLayout(rb)
        lay.addWidget(res)
        lay.addStretch(1)

        if not report_package_available():
            self.generate_btn.setEnabled(False)
            self.status.setText(self.tr("报告模块不可用（安装不完整）。"))
        self.refresh()

    # ------------------------------------------------------------------ state
    def p12(self) -> str:
        return self.settings["signing/p12"]

    def refresh(self) -> None:
        if not self.out_edit.text():
            self.out_edit.setText(str(self.ctx.path.with_suffix(".pdf")))
        p12 = self.p12()
        self.p12_label.setText(p12 or self.tr("未选择（可创建或选择已有证书）"))
        self.sign_check.setEnabled(bool(p12))
        if not p12:
            self.sign_check.setChecked(False)
        reports = saved_reports(self.ctx.ef)
        if self.last_pdf is None and reports:
            last = reports[-1]
            self.status.setText(self.tr("评价文件中已保存 {0} 份报告，最近一份：{1}（{2}）").format(
                len(reports), last.get("file_name", ""), (last.get("created_at") or "")[:16]))
        has_pdf = self.last_pdf is not None and self.last_pdf.is_file()
        for b in (self.verify_btn, self.open_btn, self.folder_btn):
            b.setEnabled(has_pdf)
        self.sign_btn.setEnabled(has_pdf and bool(p12))

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("报告保存为"), self.out_edit.text(),
                                              self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.out_edit.setText(path)

    def _busy(self, busy: bool) -> None:
        for b in (self.generate_btn, self.sign_btn, self.verify_btn, self.create_btn, self.use_btn):
            b.setEnabled(not busy)
        if not busy:
            self.refresh()

    # ------------------------------------------------------------------ actions
    def generate(self) -> None:
        out = Path(self.out_edit.text().strip() or self.ctx.path.with_suffix(".pdf"))
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        p12, pw = None, None
        if self.sign_check.isChecked():
            p12, pw = self.p12(), self.passphrase.text()
            if not pw:
                show_user_error(self, self.tr("请输入签名证书的口令"))
                return
        self._busy(True)
        self.status.setText(self.tr("正在生成报告…"))
        self.task = run_with_progress(self, self.tr("正在生成报告"), generate_report, self.ctx.path, out, p12, pw,
                                      on_done=self._done, on_error=self._failed)

    def sign_last(self) -> None:
        if self.last_pdf is None:
            return
        if not self.passphrase.text():
            show_user_error(self, self.tr("请输入签名证书的口令"))
            return
        self._busy(True)
        self.task = run_with_progress(self, self.tr("正在签名"), sign_existing, self.last_pdf, self.p12(),
                                      self.passphrase.text(), self.ctx.path, on_done=self._done,
                                      on_error=self._failed)

    def verify_last(self) -> None:
        if self.last_pdf is None:
            return
        self._busy(True)
        self.task = run_with_progress(self, self.tr("正在验证签名"), verify_only, self.last_pdf,
                                      on_done=self._verified, on_error=self._failed)

    def _done(self, result) -> None:
        pdf, statuses = result
        self.last_pdf = Path(pdf)
        self.status.setText(self.tr("报告已保存：{0}").format(pdf))
        self._show_statuses(statuses)
        self._busy(False)
        self.ctx.changed.emit(Changes().add(REPORT_TABLE))  # the pipeline kept the report in the file

    def _verified(self, result) -> None:
        _pdf, statuses = result
        self._show_statuses(statuses, checked=True)
        self._busy(False)

    def _show_statuses(self, statuses, checked: bool = False) -> None:
        if not statuses:
            self.signature_label.setText(self.tr("该报告没有签名。") if checked else "")
            return
        lines = []
        for s in statuses:
            mark = "✔" if getattr(s, "ok", False) else "✘"
            lines.append(f"{mark} {getattr(s, 'signer', '')}：{getattr(s, 'summary', '')}")
        self.signature_label.setText(self.tr("签名状态：") + "\n" + "\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("已取消，未写入报告。"))
        elif isinstance(exc, WcifError):
            self.status.setText(self.tr("未能完成：{0}").format(exc))
            show_user_error(self, exc)
        else:
            self.status.setText(self.tr("发生意外错误。"))
            handle_exception(type(exc), exc, exc.__traceback__)

    def create_identity(self) -> None:
        ev = self.ctx.evaluation()
        dlg = CreateIdentityDialog(self.settings["defaults/signer"], ev.agency or self.settings["defaults/agency"],
                                   self.ctx.path.parent, self)
        while dlg.exec() == QDialog.DialogCode.Accepted:
            try:
                path, pw, name, org = dlg.values()
                if path.exists():
                    raise SigningError(self.tr("文件已存在，不会覆盖：{0}").format(path))
                from ...report.signing import create_identity

                create_identity(path, pw, name, org)
            except WcifError as e:
                show_user_error(self, e)
                continue
            self.settings["signing/p12"] = str(path)
            self.passphrase.setText(pw)
            self.refresh()
            self.status.setText(self.tr("签名证书已创建：{0}").format(path))
            return

    def choose_identity(self) -> None:
        start = self.p12() or str(self.ctx.path.parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择签名证书"), start,
                                              self.tr("签名证书 (*.p12 *.pfx)"))
        if path:
            self.settings["signing/p12"] = path
            self.passphrase.clear()
            self.refresh()

    def open_pdf(self) -> None:
        if self.last_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    def open_folder(self) -> None:
        if self.last_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf.parent)))
