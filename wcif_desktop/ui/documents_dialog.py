"""Menu 文档: write any document of the evaluation as Word (.docx) or PDF, optionally through a firm Word
template, and archive the evaluation. The work runs off the UI thread (:func:`run_with_progress`); each job opens
its own connection to the evaluation file (one connection per thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import Cancelled, WcifError
from ..services.evaluation import records as svc_records
from .errors import error_text, show_user_error
from .workers import run_with_progress

FORMATS = (("docx", QT_TRANSLATE_NOOP("DocumentsDialog", "Word 文档 (*.docx)")),
           ("pdf", QT_TRANSLATE_NOOP("DocumentsDialog", "PDF 文档 (*.pdf)")))
ISSUERS = (("agency", QT_TRANSLATE_NOOP("DocumentsDialog", "以评价机构名义")),
           ("commissioner", QT_TRANSLATE_NOOP("DocumentsDialog", "以委托方名义")))
# The labels of documents.firm_template.KIND_NAMES, marked for lupdate (shown translated in the kind list).
KIND_TEXTS = (
    QT_TRANSLATE_NOOP("DocumentsDialog", "简版报告"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "完整版报告"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "工作方案"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "调研函"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "资料清单"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "问题清单"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "工作总结"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "调研提纲"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "调研安排"),
    QT_TRANSLATE_NOOP("DocumentsDialog", "归档目录"),
)


# ---------------------------------------------------------------------- Qt-free work run on the worker thread
def write_document_job(evaluation_path, kind, out, template=None, issuer="agency", progress=None):
    from ..services.deliverables.generate import write_document
    from ..services.evaluation import open_file

    with open_file(evaluation_path) as ef:
        return write_document(ef, kind, out, template=template, issuer=issuer, progress=progress)


def archive_job(evaluation_path, folder, progress=None):
    from ..services.archive import archive
    from ..services.evaluation import open_file

    with open_file(evaluation_path) as ef:
        return archive(ef, folder, progress=progress)


def suggested_name(ev, kind: str, fmt: str) -> str:
    from ..render.firm_template import KIND_NAMES

    stem = f"{ev.region}{ev.fiscal_year}年度{ev.project_name}{KIND_NAMES.get(kind, kind)}"
    return f"{stem}.{fmt}"


class DocumentsDialog(QDialog):
    """Pick a document kind, format, issuer and (for Word) a firm template; 生成… asks where to save.

    Signals: ``written(Path)`` after a document was written.
    """

    written = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        from ..render.firm_template import KIND_NAMES
        from ..services.deliverables.generate import KINDS

        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.setWindowTitle(self.tr("生成文档"))
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(self.tr(KIND_NAMES.get(k, k)), k)
        self.fmt = QComboBox()
        for key, label in FORMATS:
            self.fmt.addItem(self.tr(label), key)
        self.issuer = QComboBox()
        for key, label in ISSUERS:
            self.issuer.addItem(self.tr(label), key)
        self.template = QLineEdit()
        self.template.setPlaceholderText(self.tr("（不使用事务所模板）"))
        browse = QPushButton(self.tr("选择模板…"))
        browse.clicked.connect(self._browse_template)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        self.template_row = QWidget()
        self.template_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        form.addRow(self.tr("文档"), self.kind)
        form.addRow(self.tr("格式"), self.fmt)
        form.addRow(self.tr("出具名义"), self.issuer)
        form.addRow(self.tr("事务所 Word 模板"), self.template_row)
        self.note = QLabel(self.tr("Word 文档使用标题样式和目录域，可在 Word/WPS 中继续编辑；模板占位符见 docs/word-templates.md。"))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.generate_button = buttons.addButton(self.tr("生成…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.ask_and_generate)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self.fmt.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.issuer.setEnabled(self.kind.currentData() == "work-plan")
        self.template_row.setEnabled(self.fmt.currentData() == "docx")

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择事务所 Word 模板"), self.template.text(),
                                              self.tr("Word 文档 (*.docx);;所有文件 (*)"))
        if path:
            self.template.setText(path)

    def ask_and_generate(self) -> None:
        fmt = self.fmt.currentData()
        ev = self.ctx.evaluation()
        start = self.ctx.path.with_name(suggested_name(ev, self.kind.currentData(), fmt))
        filt = dict(FORMATS)[fmt]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存文档"), str(start), self.tr(filt))
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.generate(Path(path))

    def generate(self, out: Path) -> None:
        """Write the chosen document to ``out`` off the UI thread."""
        template = self.template.text().strip() if self.fmt.currentData() == "docx" else ""
        self.generate_button.setEnabled(False)
        self.task = run_with_progress(
            self, self.tr("生成文档"), write_document_job, self.ctx.path, self.kind.currentData(), out,
            template=Path(template) if template else None, issuer=self.issuer.currentData(),
            on_done=self._done, on_error=self._failed)

    def _done(self, path) -> None:
        self.generate_button.setEnabled(True)
        self.written.emit(Path(path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("生成文档"), self.tr("已写入：{0}").format(path),
                          QMessageBox.StandardButton.Ok, self)
        open_btn = box.addButton(self.tr("打开"), QMessageBox.ButtonRole.ActionRole)
        box.open()
        box.buttonClicked.connect(
            lambda b: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) if b is open_btn else None)

    def _failed(self, exc) -> None:
        self.generate_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, WcifError):
            show_user_error(self, exc)
        else:
            raise exc


def ask_and_archive(ctx, parent: QWidget | None, on_done=None):
    """Ask for an empty folder, confirm the lock, archive off the UI thread."""
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("MainWindow", "选择归档文件夹（新的或空的文件夹）") if parent else "归档",
                                              str(ctx.path.parent))
    if not folder:
        return None
    answer = QMessageBox.question(
        parent, "归档", "归档将生成全部文档、导出全部证据并写出 SHA-256 清单，然后锁定评价（锁定后不能再修改）。继续吗？")
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return start_archive(ctx, parent, Path(folder), on_done)


def start_archive(ctx, parent, folder: Path, on_done=None):
    def done(result):
        box = QMessageBox(QMessageBox.Icon.Information, "归档",
                          f"已归档到 {result.folder}：文档 {len(result.documents)} 个，证据 {len(result.evidence)} 个；"
                          "评价已锁定。", QMessageBox.StandardButton.Ok, parent)
        box.open()
        if on_done:
            on_done(result)

    def failed(exc):
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, WcifError):
            show_user_error(parent, exc)
        else:
            raise exc

    return run_with_progress(parent, "归档", archive_job, ctx.path, folder, on_done=done, on_error=failed)


class FindingLibraryDialog(QDialog):
    """The finding library (问题库): search, start a problem of the open evaluation from an entry, save a problem
    of the evaluation into the library, import and export (JSON)."""

    def __init__(self, ctx, parent: QWidget | None = None, library=None):
        from PySide6.QtWidgets import QAbstractItemView, QTableWidget

        from ..services.finding_library import FindingLibrary

        super().__init__(parent)
        self.ctx = ctx
        self.library = library or FindingLibrary()
        self.setWindowTitle(self.tr("问题库"))
        self.resize(820, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、依据、原因、建议…"))
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("问题"), self.tr("依据"), self.tr("来源")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._show_detail)

        self.start_button = QPushButton(self.tr("用所选条目新建问题"))
        self.start_button.clicked.connect(self.start_selected)
        self.problem = QComboBox()
        self.save_button = QPushButton(self.tr("存入问题库"))
        self.save_button.clicked.connect(self.save_selected_problem)
        imp = QPushButton(self.tr("导入…"))
        imp.clicked.connect(self._import)
        exp = QPushButton(self.tr("导出…"))
        exp.clicked.connect(self._export)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(imp)
        top.addWidget(exp)
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("本评价的问题：")))
        save_row.addWidget(self.problem, 1)
        save_row.addWidget(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail)
        lay.addWidget(self.start_button)
        lay.addLayout(save_row)
        lay.addWidget(buttons)
        self.refresh()

    def done(self, r):  # noqa: D401 - Qt override
        self.library.close()
        super().done(r)

    def refresh(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        from ..domain.model import Finding

        self.entries = self.library.entries(self.search.text())
        self.table.setRowCount(len(self.entries))
        for i, e in enumerate(self.entries):
            for j, text in enumerate((e.category, e.title, e.basis, e.source)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.problem.clear()
        for f in (f for f in svc_records(self.ctx.ef, Finding) if f.kind == "problem"):
            self.problem.addItem(f.title, f.id)
        self.save_button.setEnabled(self.problem.count() > 0)
        self._show_detail()

    def selected_entry(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.entries[rows[0].row()] if rows else None

    def _show_detail(self) -> None:
        e = self.selected_entry()
        self.start_button.setEnabled(e is not None)
        self.detail.setText("" if e is None else self.tr("原因：{0}\n建议：{1}\n证明材料：{2}").format(
            e.cause or "—", e.recommendation or "—", e.evidence or "—"))

    def start_selected(self):
        from ..services.finding_library import start_finding

        e = self.selected_entry()
        if e is None:
            return None
        result = self.ctx.run_service(lambda ef: start_finding(ef, e.id, self.library, fill_fields=True))
        if result is not None:
            problem, _rec, changes = result
            self.ctx.changed.emit(changes)
            self.refresh()
            return problem
        return None

    def save_selected_problem(self):
        from ..services.finding_library import save_finding

        fid = self.problem.currentData()
        if not fid:
            return None
        entry = self.ctx.run_service(lambda ef: save_finding(ef, fid, self.library))
        self.refresh()
        return entry

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入问题库"), "", self.tr("问题库 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:
            r = self.library.import_file(path)
        except WcifError as e:
            show_user_error(self, e)
            return
        self.refresh()
        QMessageBox(QMessageBox.Icon.Information, self.tr("导入问题库"),
                    self.tr("新增 {0} 条，更新 {1} 条，跳过 {2} 条").format(r.added, r.updated, r.skipped),
                    QMessageBox.StandardButton.Ok, self).open()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出问题库"), "问题库.json", self.tr("问题库 (*.json);;所有文件 (*)"))
        if path:
            try:
                self.library.export(path)
            except WcifError as e:
                show_user_error(self, e)


class TargetReviewDialog(QDialog):
    """Rule checks of the declared target table (绩效目标表审核) with 写入工作底稿."""

    def __init__(self, ctx, parent: QWidget | None = None):
        from PySide6.QtWidgets import QTableWidget

        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("绩效目标表审核"))
        self.resize(820, 460)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("结果"), self.tr("规则"), self.tr("底稿"), self.tr("意见")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.prefill_button = buttons.addButton(self.tr("写入工作底稿"), QDialogButtonBox.ButtonRole.ActionRole)
        self.prefill_button.clicked.connect(self.prefill)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.results = []
        self.refresh()

    def refresh(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        from ..services.target_papers import review_evaluation

        results = self.ctx.run_service(review_evaluation)
        self.results = results or []
        self.table.setRowCount(len(self.results))
        for i, r in enumerate(self.results):
            for j, text in enumerate((self.tr("通过") if r.passed else self.tr("未通过"), r.rule.name,
                                      r.rule.indicator, error_text(r.opinion))):
                item = QTableWidgetItem(text)
                item.setToolTip(error_text(r.opinion))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        failed = sum(1 for r in self.results if not r.passed)
        self.summary.setText(self.tr("共 {0} 项规则，未通过 {1} 项").format(len(self.results), failed))

    def prefill(self) -> None:
        from ..services.target_papers import prefill_working_papers

        result = self.ctx.run_service(lambda ef: prefill_working_papers(ef, self.results)[1])
        if result is not None:
            QMessageBox(QMessageBox.Icon.Information, self.tr("绩效目标表审核"),
                        self.tr("已写入“绩效目标合理性”“绩效指标明确性”的工作底稿（已有内容的底稿未覆盖）。"),
                        QMessageBox.StandardButton.Ok, self).open()
