"""Step 报告: choose the outline (简式/完整), edit the narrative of each section, check readiness, generate the
report PDF off the UI thread (with progress and cancel), preview and print it inside the app, sign it with a
signing identity (a PKCS#12 file: create a self-signed one, or use an existing .p12/.pfx) — a final signature
locks the evaluation —, verify it, and list the reports kept in the evaluation file (save one out again).

The report package is imported lazily (only when the user generates/signs/verifies) so start-up stays light.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled, SigningError, ValidationError, WcifError
from ...domain.model import EvaluationSnapshot
from ...domain.progress import NO_PROGRESS, check
from ...services.evaluation import Changes
from ..errors import error_text, handle_exception, show_user_error
from ..readiness_view import ReadinessView
from ..settings import Settings
from ..workers import Task, run_with_progress
from .base import StepPage, StepState
from .steps import report_state, saved_reports

REPORT_TABLE = "generated_report"  # reports kept in the evaluation file by the report pipeline


# ---------------------------------------------------------------------- Qt-free work run on the worker thread
def generate_report(evaluation_path, out_pdf, p12=None, passphrase=None, progress=NO_PROGRESS, *,
                    template: str = "brief", final: bool = False, seal_png=None):
    """Build the report (``template`` ``brief`` or ``full``; signed when ``p12`` is given, with the seal image
    ``seal_png`` on the 落款 if given; ``final`` then locks the evaluation — refused for a draft; kept in the
    evaluation file) and verify it.

    Returns ``(pdf_path, statuses)``; ``statuses`` is the list of ``SignatureStatus`` (empty when unsigned).
    """
    from ...services.report_file import build_report_file

    pdf = build_report_file(Path(evaluation_path), Path(out_pdf), template=template, p12=p12,
                            passphrase=passphrase, progress=progress, final=final,
                            seal_png=Path(seal_png) if seal_png else None)
    statuses = []
    if p12:
        check(progress)
        from ...render.signing import verify_pdf

        statuses = verify_pdf(pdf)
    return Path(pdf), statuses


def sign_existing(pdf, p12, passphrase, evaluation_path=None, progress=NO_PROGRESS, *, final: bool = False,
                  seal_png=None):
    """Sign ``pdf`` in place (through a temporary file beside it) and verify it; ``final`` locks the evaluation.
    Returns ``(pdf, statuses)``."""
    from ...render.signing import verify_pdf
    from ...services.report_file import sign_report_file

    pdf = Path(pdf)
    tmp = pdf.with_name(pdf.stem + ".signing.tmp.pdf")
    check(progress)
    try:
        sign_report_file(pdf, tmp, p12, passphrase, progress=progress, evaluation_path=evaluation_path, final=final,
                         seal_png=Path(seal_png) if seal_png else None)
        os.replace(tmp, pdf)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pdf, verify_pdf(pdf)


def verify_only(pdf, progress=NO_PROGRESS):
    from ...render.signing import verify_pdf

    return Path(pdf), verify_pdf(Path(pdf))


def report_package_available() -> bool:
    import importlib.util

    try:
        return all(importlib.util.find_spec(m) is not None for m in
                   ("wcif_desktop.services.report_file", "wcif_desktop.render.signing"))
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
                                              self.tr("签名证书 (*.p12 *.pfx);;所有文件 (*)"))
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


class FeedbackDialog(QDialog):
    """One comment of the evaluated unit on the 征求意见稿: the comment, whether it was taken up, how."""

    def __init__(self, parent=None):
        from PySide6.QtWidgets import QPlainTextEdit

        from ...services.report_state import ADOPTIONS

        super().__init__(parent)
        self.setWindowTitle(self.tr("被评价单位意见"))
        form = QFormLayout(self)
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("feedback_opinion")
        self.adoption = QComboBox()
        self.adoption.setObjectName("feedback_adoption")
        for a in ADOPTIONS:
            self.adoption.addItem(QCoreApplication.translate("FeedbackDialog", a), a)
        self.response = QLineEdit()
        self.response.setObjectName("feedback_response")
        form.addRow(self.tr("意见"), self.opinion)
        form.addRow(self.tr("采纳情况"), self.adoption)
        form.addRow(self.tr("说明（如何修改或不采纳的理由）"), self.response)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.opinion.toPlainText().strip(), self.adoption.currentData(), self.response.text().strip()


ADOPTION_TEXTS = (QT_TRANSLATE_NOOP("FeedbackDialog", "采纳"), QT_TRANSLATE_NOOP("FeedbackDialog", "部分采纳"),
                  QT_TRANSLATE_NOOP("FeedbackDialog", "未采纳"))  # services/report_state.py ADOPTIONS


# ---------------------------------------------------------------------- the page
TEMPLATE_TEXTS = {
    "brief": QT_TRANSLATE_NOOP("ReportPage", "简式报告（与样例报告结构一致）"),
    "full": QT_TRANSLATE_NOOP("ReportPage", "完整报告（财预〔2020〕10号 报告提纲，含附件）"),
}
TEMPLATE_SHORT = {"brief": QT_TRANSLATE_NOOP("ReportPage", "简式"), "full": QT_TRANSLATE_NOOP("ReportPage", "完整")}
VERSION_TEXTS = (QT_TRANSLATE_NOOP("ReportPage", "草稿"), QT_TRANSLATE_NOOP("ReportPage", "征求意见稿"),
                 QT_TRANSLATE_NOOP("ReportPage", "正式稿"))  # services/report_state.py VERSIONS
# default file names: the brief and the full report never overwrite each other's PDF
DEFAULT_SUFFIX = {"brief": "（简版报告）", "full": "（完整报告）"}


def default_report_path(evaluation_path: Path, template: str) -> Path:
    """``<evaluation>（简版报告）.pdf`` / ``<evaluation>（完整报告）.pdf`` beside the evaluation file."""
    p = Path(evaluation_path)
    return p.with_name(p.stem + DEFAULT_SUFFIX.get(template, "") + ".pdf")


def _signers(text: str) -> list[str]:
    import json

    try:
        got = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(s) for s in got] if isinstance(got, list) else []


def _outline_text(text: str) -> str:
    """The kept outline (JSON list of {level, text, page}) as lines ``一、基本情况 …… 3`` (top two levels)."""
    import json

    try:
        items = json.loads(text or "[]")
    except ValueError:
        return ""
    lines = [("　" * int(h.get("level", 0))) + f"{h.get('text', '')} …… {h.get('page', '')}"
             for h in items if isinstance(h, dict) and int(h.get("level", 0)) <= 1]
    return "\n".join(lines)


class ReportPage(StepPage):
    key = "report"
    title = QT_TRANSLATE_NOOP("steps", "报告")
    tables = (REPORT_TABLE, "evaluation", "lock_event", "indicator", "finding", "team_member", "report_feedback")

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return report_state(snap, ef)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.settings = Settings()
        self.task: Task | None = None
        self.last_pdf: Path | None = None
        self._printer = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        outer.addWidget(self.tabs)

        # --- tab 1: generate, sign, lock, readiness
        main = QWidget()
        lay = QVBoxLayout(main)
        gen = QGroupBox(self.tr("生成报告"))
        gl = QFormLayout(gen)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("report_template")
        for key, text in TEMPLATE_TEXTS.items():
            self.template_combo.addItem(QCoreApplication.translate("ReportPage", text), key)
        self.out_edit = QLineEdit()
        self.out_edit.setObjectName("report_out")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(browse)
        self.sign_check = QCheckBox(self.tr("生成后用签名证书签名"))
        self.final_check = QCheckBox(self.tr("最终签署（签署后评价锁定，修改须说明原因）"))
        self.final_check.setObjectName("final_signature")
        self.generate_btn = QPushButton(self.tr("生成 PDF 报告"))
        self.generate_btn.setObjectName("generate_report")
        self.generate_btn.clicked.connect(self.generate)
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("report_number")
        self.number_edit.setPlaceholderText(self.tr("如：内鑫评字〔2022〕第 18 号"))
        self.number_edit.editingFinished.connect(self._save_version)
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("report_version")
        from ...services.report_state import VERSIONS

        for v in VERSIONS:
            self.version_combo.addItem(QCoreApplication.translate("ReportPage", v), v)
        self.version_combo.activated.connect(lambda _i: self._save_version())
        vrow = QHBoxLayout()
        vrow.addWidget(self.number_edit, 1)
        vrow.addWidget(QLabel(self.tr("版本")))
        vrow.addWidget(self.version_combo)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draft_status")
        self.draft_label.setWordWrap(True)
        gl.addRow(self.tr("报告模板"), self.template_combo)
        gl.addRow(self.tr("报告编号"), vrow)
        gl.addRow("", self.draft_label)
        gl.addRow(self.tr("保存为"), row)
        gl.addRow("", self.sign_check)
        gl.addRow("", self.final_check)
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
        self.seal_edit = QLineEdit()
        self.seal_edit.setObjectName("seal_image")
        self.seal_edit.setPlaceholderText(self.tr("不选则签名处只显示签署人和时间"))
        self.seal_edit.editingFinished.connect(lambda: self.set_seal(self.seal_edit.text().strip()))
        seal_btn = QPushButton(self.tr("选择印章图片…"))
        seal_btn.setObjectName("choose_seal")
        seal_btn.clicked.connect(self.choose_seal)
        srow = QHBoxLayout()
        srow.addWidget(self.seal_edit, 1)
        srow.addWidget(seal_btn)
        il.addRow(self.tr("当前证书"), self.p12_label)
        il.addRow(self.tr("证书口令"), self.passphrase)
        il.addRow(self.tr("印章图片 (PNG)"), srow)
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
        self.preview_btn = QPushButton(self.tr("预览"))
        self.print_btn = QPushButton(self.tr("打印…"))
        self.sign_btn = QPushButton(self.tr("签名此报告"))
        self.verify_btn = QPushButton(self.tr("验证签名"))
        self.open_btn = QPushButton(self.tr("用其他程序打开"))
        self.folder_btn = QPushButton(self.tr("打开所在文件夹"))
        self.preview_btn.clicked.connect(self.preview_last)
        self.print_btn.clicked.connect(self.print_last)
        self.sign_btn.clicked.connect(self.sign_last)
        self.verify_btn.clicked.connect(self.verify_last)
        self.open_btn.clicked.connect(self.open_pdf)
        self.folder_btn.clicked.connect(self.open_folder)
        for b in (self.preview_btn, self.print_btn, self.sign_btn, self.verify_btn, self.open_btn, self.folder_btn):
            rb.addWidget(b)
        rb.addStretch(1)
        rl.addLayout(rb)
        lock_row = QHBoxLayout()
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lock_status")
        self.lock_label.setWordWrap(True)
        self.reopen_btn = QPushButton(self.tr("解除锁定…"))
        self.reopen_btn.setObjectName("reopen")
        self.reopen_btn.clicked.connect(self.reopen)
        lock_row.addWidget(self.lock_label, 1)
        lock_row.addWidget(self.reopen_btn)
        rl.addLayout(lock_row)
        lay.addWidget(res)

        ready = QGroupBox(self.tr("报告完整性检查"))
        rdl = QVBoxLayout(ready)
        self.readiness = ReadinessView(ctx)
        rdl.addWidget(self.readiness)
        lay.addWidget(ready, 1)
        self.tabs.addTab(main, self.tr("生成与签名"))

        # --- tab 2: narrative
        from ..narrative_editor import NarrativeComposer  # (imports pages.base: not at module level)

        self.composer = NarrativeComposer(ctx)
        self.tabs.addTab(self.composer, self.tr("报告文字"))

        # --- tab 3: preview and print
        prev = QWidget()
        pl = QVBoxLayout(prev)
        from ..report_preview import PdfPreview  # QtPrintSupport and PDFium load with this page (issue 9)

        self.preview = PdfPreview()
        self.preview.setObjectName("report_preview")
        pbar = QHBoxLayout()
        self.preview_label = QLabel(self.tr("生成报告后在此预览；也可预览已保存的报告。"))
        self.preview_label.setWordWrap(True)
        self.preview_print_btn = QPushButton(self.tr("打印…"))
        self.preview_print_btn.clicked.connect(self.print_preview)
        pbar.addWidget(self.preview_label, 1)
        pbar.addWidget(self.preview_print_btn)
        pl.addLayout(pbar)
        pl.addWidget(self.preview, 1)
        self.preview_tab = self.tabs.addTab(prev, self.tr("预览与打印"))

        # --- tab 4: kept reports
        kept = QWidget()
        kl = QVBoxLayout(kept)
        note = QLabel(self.tr("每次生成或签名的报告都保存在评价文件中（SHA-256 校验），可随时另存出来。"))
        note.setWordWrap(True)
        kl.addWidget(note)
        self.kept_table = QTableWidget(0, 6)
        self.kept_table.setObjectName("kept_reports")
        self.kept_table.setHorizontalHeaderLabels([self.tr("生成时间"), self.tr("报告"), self.tr("页数"),
                                                   self.tr("SHA-256"), self.tr("签名人"), self.tr("最终")])
        self.kept_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kept_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kept_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kept_table.verticalHeader().setVisible(False)
        self.kept_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.kept_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.kept_table.itemSelectionChanged.connect(self._kept_selection)
        self.kept_table.itemDoubleClicked.connect(lambda _it: self.preview_kept())
        kl.addWidget(self.kept_table, 1)
        kb = QHBoxLayout()
        self.save_kept_btn = QPushButton(self.tr("另存为…"))
        self.save_kept_btn.setObjectName("save_kept")
        self.preview_kept_btn = QPushButton(self.tr("预览"))
        self.save_kept_btn.clicked.connect(self.save_kept)
        self.preview_kept_btn.clicked.connect(self.preview_kept)
        kb.addWidget(self.save_kept_btn)
        kb.addWidget(self.preview_kept_btn)
        kb.addStretch(1)
        kl.addLayout(kb)
        self.kept_tab = self.tabs.addTab(kept, self.tr("已保存的报告"))

        # --- tab 5: the evaluated unit's comments on the 征求意见稿 (listed in the 正式稿's appendix)
        fb = QWidget()
        fl = QVBoxLayout(fb)
        fnote = QLabel(self.tr("被评价单位对征求意见稿的意见及采纳情况，列入正式稿附件。"))
        fnote.setWordWrap(True)
        fl.addWidget(fnote)
        self.feedback_table = QTableWidget(0, 3)
        self.feedback_table.setObjectName("feedback_table")
        self.feedback_table.setHorizontalHeaderLabels([self.tr("意见"), self.tr("采纳情况"), self.tr("说明")])
        self.feedback_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.feedback_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.feedback_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.feedback_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fl.addWidget(self.feedback_table, 1)
        fbtn = QHBoxLayout()
        self.add_feedback_btn = QPushButton(self.tr("添加意见…"))
        self.add_feedback_btn.setObjectName("add_feedback")
        self.add_feedback_btn.clicked.connect(self.add_feedback)
        self.del_feedback_btn = QPushButton(self.tr("删除"))
        self.del_feedback_btn.clicked.connect(self.delete_feedback)
        fbtn.addWidget(self.add_feedback_btn)
        fbtn.addWidget(self.del_feedback_btn)
        fbtn.addStretch(1)
        fl.addLayout(fbtn)
        self.tabs.addTab(fb, self.tr("被评价单位意见"))
        self.feedback_ids: list[str] = []
        self.kept_ids: list[str] = []
        self.tabs.currentChanged.connect(self._tab_changed)

        if not report_package_available():
            self.generate_btn.setEnabled(False)
            self.status.setText(self.tr("报告模块不可用（安装不完整）。"))
        self.refresh()

    # ------------------------------------------------------------------ state
    def p12(self) -> str:
        return self.settings["signing/p12"]

    def seal(self) -> str:
        """The seal image (PNG) shown on the 落款 when signing; '' for a signature without a seal."""
        return self.settings["signing/seal"] or ""

    def set_seal(self, path: str) -> None:
        self.settings["signing/seal"] = str(path or "")
        if self.seal_edit.text() != (path or ""):
            self.seal_edit.setText(path or "")

    def choose_seal(self) -> None:
        start = self.seal() or str(self.ctx.path.parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择印章图片"), start, self.tr("PNG 图片 (*.png)"))
        if path:
            self.set_seal(path)

    def lead_name(self) -> str:
        """The team lead's name (评价组长), to pre-fill the signer; else the name last used."""
        snap = self.ctx.snapshot()
        lead = next((m.name for m in snap.team if m.role == "lead" and m.name), "")
        return lead or self.settings["defaults/signer"] or ""

    def _template_changed(self, _index=None) -> None:
        """Switching 简式/完整 switches the default file name too (one never overwrites the other), unless the
        user typed a name of their own."""
        current = Path(self.out_edit.text().strip()) if self.out_edit.text().strip() else None
        defaults = {default_report_path(self.ctx.path, t) for t in TEMPLATE_TEXTS} | {self.ctx.path.with_suffix(".pdf")}
        if current is None or current in defaults:
            self.out_edit.setText(str(default_report_path(self.ctx.path, self.template())))

    def _save_version(self) -> None:
        from ...domain.model import Evaluation

        ev = self.ctx.evaluation()
        number, version = self.number_edit.text().strip(), self.version_combo.currentData() or ""
        if (ev.report_number or "", ev.report_version or "") != (number, version):
            self.ctx.edit_fields(Evaluation, ev.id, report_number=number, report_version=version)

    def _refresh_draft(self) -> None:
        from ...services.deliverables.sources import load_sources
        from ...services.report_state import FINAL, draft_mark, report_readiness

        ev = self.ctx.evaluation()
        if not self.number_edit.hasFocus():
            self.number_edit.setText(ev.report_number or "")
        i = self.version_combo.findData(ev.report_version or FINAL)
        self.version_combo.setCurrentIndex(max(i, 0))
        try:
            items = report_readiness(load_sources(self.ctx.ef))
        except WcifError:
            items = []
        mark = draft_mark(ev, items)
        errors = sum(1 for i in items if i.severity == "错误")
        if mark:
            self.draft_label.setText(self.tr("将生成“{0}”（每页标注），不能最终签署；完整性检查有 {1} 项待完成。").format(
                QCoreApplication.translate("ReportPage", mark), errors))
        else:
            self.draft_label.setText(self.tr("完整性检查通过：将生成正式稿，可以最终签署。"))

    def template(self) -> str:
        return self.template_combo.currentData() or "brief"

    def set_template(self, template: str) -> None:
        i = self.template_combo.findData(template)
        if i < 0:
            raise ValueError(template)
        self.template_combo.setCurrentIndex(i)

    def printer(self):
        if self._printer is None:
            from ..report_preview import PrintController

            self._printer = PrintController(self.settings.qs)
        return self._printer

    def _on_changed(self, changes) -> None:
        if self.isVisible():
            super()._on_changed(changes)
            self.readiness.refresh()  # findings, scores, narrative text and facts all feed the check
            return
        # Hidden behind another step (e.g. while scoring): the report's checks (draft mark and readiness list,
        # ~2 s per edit on a file with 1,000 indicators) wait until the page is shown again (showEvent).
        self._checks_stale = True
        if any(changes.touches(t) for t in self.tables):
            self.refresh(checks=False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if getattr(self, "_checks_stale", False) and not self.ctx.closed:
            self._checks_stale = False
            self._refresh_draft()
            self.readiness.refresh()
        super().showEvent(event)

    def refresh(self, checks: bool = True) -> None:
        """Re-read what the page shows; ``checks=False`` leaves the readiness-based draft mark for later (the
        page is hidden: :meth:`showEvent` brings it up to date)."""
        if self.ctx.closed:
            return
        if not self.out_edit.text():
            self.out_edit.setText(str(default_report_path(self.ctx.path, self.template())))
        if not self.seal_edit.hasFocus():
            self.seal_edit.setText(self.seal())
        if checks:
            self._refresh_draft()
        p12 = self.p12()
        self.p12_label.setText(p12 or self.tr("未选择（可创建或选择已有证书）"))
        self.sign_check.setEnabled(bool(p12))
        if not p12:
            self.sign_check.setChecked(False)
        reports = saved_reports(self.ctx.ef)
        if self.last_pdf is None and reports:
            last = reports[-1]
            self.status.setText(self.tr("评价文件中已保存 {0} 份报告，最近一份：{1}（{2}）").format(
                len(reports), last.file_name or "", (last.created_at or "")[:16]))
        has_pdf = self.last_pdf is not None and self.last_pdf.is_file()
        for b in (self.verify_btn, self.open_btn, self.folder_btn, self.preview_btn, self.print_btn):
            b.setEnabled(has_pdf)
        self.sign_btn.setEnabled(has_pdf and bool(p12))
        self.preview_print_btn.setEnabled(self.preview.pages is not None)
        self._refresh_lock()
        self._refresh_kept()
        self._refresh_feedback()

    def _refresh_lock(self) -> None:
        from ..lock import is_locked

        locked = is_locked(self.ctx)
        self.reopen_btn.setVisible(locked)
        if locked:
            self.lock_label.setText(self.tr("🔒 报告已最终签署，评价已锁定。修改任何内容前须说明原因解除锁定。"))
        else:
            self.lock_label.setText(self.tr("评价未锁定。勾选“最终签署”签名后，评价将被锁定。"))

    def _refresh_feedback(self) -> None:
        from ...domain.docrecords import ReportFeedback
        from ...services.evaluation import records

        items = records(self.ctx.ef, ReportFeedback)  # sorted by sort_order
        self.feedback_ids = [f.id for f in items]
        self.feedback_table.setRowCount(len(items))
        for row, f in enumerate(items):
            for col, text in enumerate((f.opinion, QCoreApplication.translate("FeedbackDialog", f.adoption),
                                        f.response)):
                self.feedback_table.setItem(row, col, QTableWidgetItem(text))

    def add_feedback(self, values: tuple[str, str, str] | None = None) -> bool:
        """Ask for (or take) one comment and record it (undoable)."""
        from ...domain.docrecords import ReportFeedback
        from ...services import edits
        from ...services.report_state import add_feedback

        if values is None:
            dlg = FeedbackDialog(self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dlg.values()
        opinion, adoption, response = values
        return self.ctx.apply_edit(lambda: edits.add_created(
            self.ctx.ef, ReportFeedback, lambda: add_feedback(self.ctx.ef, opinion, adoption, response)))

    def delete_feedback(self) -> bool:
        from ...domain.docrecords import ReportFeedback

        rows = self.feedback_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.feedback_ids):
            return False
        return self.ctx.delete_record(ReportFeedback, self.feedback_ids[rows[0].row()])

    def _refresh_kept(self) -> None:
        import sqlite3

        from ...services.report_archive import saved_reports as kept_reports

        try:
            reports = kept_reports(self.ctx.ef)
        except (sqlite3.Error, WcifError):
            reports = []
        selected = self.selected_kept()
        self.kept_ids = [r.id for r in reports]
        self.kept_table.setRowCount(len(reports))
        for row, r in enumerate(reports):
            signers = _signers(r.signers)
            cells = [(r.created_at or "").replace("T", " ")[:19],
                     QCoreApplication.translate("ReportPage", TEMPLATE_SHORT.get(r.template, r.template or "—")),
                     str(r.pages or ""), r.sha256, "、".join(signers) or self.tr("（未签名）"),
                     self.tr("是") if r.final else ""]
            for col, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if col == 1:
                    it.setToolTip(_outline_text(r.outline))
                if col == 3:
                    it.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
                    it.setToolTip(r.file_name)
                self.kept_table.setItem(row, col, it)
        self.tabs.setTabText(self.kept_tab, self.tr("已保存的报告（{0}）").format(len(reports)))
        if selected in self.kept_ids:
            self.kept_table.selectRow(self.kept_ids.index(selected))
        self._kept_selection()

    def selected_kept(self) -> str | None:
        rows = self.kept_table.selectionModel().selectedRows() if self.kept_table.selectionModel() else []
        if rows and 0 <= rows[0].row() < len(self.kept_ids):
            return self.kept_ids[rows[0].row()]
        return None

    def _kept_selection(self) -> None:
        on = self.selected_kept() is not None
        self.save_kept_btn.setEnabled(on)
        self.preview_kept_btn.setEnabled(on)

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
        out = Path(self.out_edit.text().strip() or default_report_path(self.ctx.path, self.template()))
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        p12, pw = None, None
        if self.sign_check.isChecked():
            p12, pw = self.p12(), self.passphrase.text()
            if not pw:
                show_user_error(self, self.tr("请输入签名证书的口令"))
                return
        self.composer.edit.commit()  # text still being typed goes into the report
        self._busy(True)
        self.status.setText(self.tr("正在生成报告…"))
        self.task = run_with_progress(self, self.tr("正在生成报告"), generate_report, self.ctx.path, out, p12, pw,
                                      on_done=self._done, on_error=self._failed, template=self.template(),
                                      final=bool(p12) and self.final_check.isChecked(),
                                      seal_png=(self.seal() or None) if p12 else None)

    def sign_last(self) -> None:
        if self.last_pdf is None:
            return
        if not self.passphrase.text():
            show_user_error(self, self.tr("请输入签名证书的口令"))
            return
        self._busy(True)
        self.task = run_with_progress(self, self.tr("正在签名"), sign_existing, self.last_pdf, self.p12(),
                                      self.passphrase.text(), self.ctx.path, on_done=self._done,
                                      on_error=self._failed, final=self.final_check.isChecked(),
                                      seal_png=self.seal() or None)

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
        self._load_preview(self.last_pdf, self.tr("当前报告：{0}").format(self.last_pdf.name))
        self._busy(False)
        # the pipeline kept the report in the file (and a final signature locked the evaluation)
        self.ctx.changed.emit(Changes().add(REPORT_TABLE).add("evaluation").add("lock_event"))

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
            lines.append(f"{mark} {getattr(s, 'signer', '')}：{error_text(getattr(s, 'summary', ''))}")
        self.signature_label.setText(self.tr("签名状态：") + "\n" + "\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("已取消，未写入报告。"))
        elif isinstance(exc, WcifError):
            self.status.setText(self.tr("未能完成：{0}").format(error_text(exc)))
            show_user_error(self, exc)
        else:
            self.status.setText(self.tr("发生意外错误。"))
            handle_exception(type(exc), exc, exc.__traceback__)

    # --- preview and print
    def _load_preview(self, source, label: str) -> bool:
        try:
            self.preview.load(source)
        except WcifError as e:
            show_user_error(self, e)
            return False
        self.preview_label.setText(label)
        self.preview_print_btn.setEnabled(True)
        return True

    def _tab_changed(self, index: int) -> None:
        """Opening 预览与打印 with nothing shown yet shows the current report, else the newest kept one."""
        if index != self.preview_tab or self.preview.pages is not None:
            return
        if self.last_pdf is not None and self.last_pdf.is_file():
            self._load_preview(self.last_pdf, self.tr("当前报告：{0}").format(self.last_pdf.name))
        elif self.kept_ids:
            self.kept_table.selectRow(0)
            self.preview_kept()

    def preview_last(self) -> None:
        if self.last_pdf is not None and self._load_preview(self.last_pdf,
                                                            self.tr("当前报告：{0}").format(self.last_pdf.name)):
            self.tabs.setCurrentIndex(self.preview_tab)

    def print_preview(self) -> bool:
        """Print what the preview shows, through the system print preview (A4 portrait unless changed)."""
        if self.preview.pages is None:
            return False
        return self.printer().print_with_preview(self.preview.pages, self)

    def print_last(self) -> bool:
        if self.last_pdf is None:
            return False
        if self.preview.source != self.last_pdf and not self._load_preview(
                self.last_pdf, self.tr("当前报告：{0}").format(self.last_pdf.name)):
            return False
        return self.print_preview()

    # --- kept reports
    def preview_kept(self) -> bool:
        from ...services.evaluation import get
        from ...services.report_archive import GeneratedReport, report_bytes

        rid = self.selected_kept()
        if rid is None:
            return False
        try:
            data = report_bytes(self.ctx.ef, rid)
            rec = get(self.ctx.ef, GeneratedReport, rid)
        except WcifError as e:
            show_user_error(self, e)
            return False
        if self._load_preview(data, self.tr("已保存的报告：{0}（{1}）").format(
                rec.file_name or rec.title, (rec.created_at or "").replace("T", " ")[:16])):
            self.tabs.setCurrentIndex(self.preview_tab)
            return True
        return False

    def save_kept(self, dest=None) -> Path | None:
        """Write the selected kept report out again (its SHA-256 is checked first)."""
        from ...services.evaluation import get
        from ...services.report_archive import GeneratedReport, save_report_as

        rid = self.selected_kept()
        if rid is None:
            return None
        if dest is None:
            rec = get(self.ctx.ef, GeneratedReport, rid)
            start = str(self.ctx.path.parent / (rec.file_name or "report.pdf"))
            dest, _ = QFileDialog.getSaveFileName(self, self.tr("另存报告"), start, self.tr("PDF 文件 (*.pdf)"))
            if not dest:
                return None
        try:
            out = save_report_as(self.ctx.ef, rid, Path(dest))
        except WcifError as e:
            show_user_error(self, e)
            return None
        self.status.setText(self.tr("已另存报告：{0}").format(out))
        return out

    # --- lock
    def reopen(self) -> bool:
        """Ask for the reason and reopen the locked evaluation (the reason goes into the history)."""
        from ..lock import ensure_unlocked

        ok = ensure_unlocked(self.ctx, self)
        self._refresh_lock()
        return ok

    def create_identity(self) -> None:
        ev = self.ctx.evaluation()
        dlg = CreateIdentityDialog(self.lead_name(), ev.agency or self.settings["defaults/agency"],
                                   self.ctx.path.parent, self)
        while dlg.exec() == QDialog.DialogCode.Accepted:
            try:
                path, pw, name, org = dlg.values()
                if path.exists():
                    raise SigningError(self.tr("文件已存在，不会覆盖：{0}").format(path))
                from ...render.signing import create_identity

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
                                              self.tr("签名证书 (*.p12 *.pfx);;所有文件 (*)"))
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
