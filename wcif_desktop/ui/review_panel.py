"""The on-site review (现场资料核查) widgets: the document request list with statuses, review notes and
evidence (attach by file dialog or drag and drop, off the UI thread with progress and cancel), evidence preview
(images with Qt; PDFs with :class:`~wcif_desktop.ui.report_preview.PdfPreview`, rendered by PDFium because QtPdf
is not part of PySide6-Essentials), and working papers with preparer / reviewer sign-off.

Everything edits through the services (:mod:`wcif_desktop.services.review`, :mod:`~wcif_desktop.services.evidence`)
via the :class:`~wcif_desktop.ui.context.EvaluationContext`, so edits are validated, saved and (except attaching)
undoable. :func:`install` puts the panels into the 现场资料核查 page.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import Cancelled, Message, WcifError
from ..domain.review import (
    REQUEST_STATUSES,
    SIGNOFF_LABELS,
    DocumentRequest,
    WorkingPaper,
    is_overdue,
)
from ..services import edits
from ..services import evidence as evsvc
from ..services import review as rsvc
from ..services.evaluation import Changes, open_for_thread
from .context import EvaluationContext
from .errors import error_text, show_user_error
from .workers import run_with_progress

REVIEW_TABLES = ("document_request", "review_note", "evidence", "evidence_link", "working_paper", "team_member")
OVERDUE_COLOR = QColor("#b00020")
PREVIEW_IMAGE = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff", "image/webp")


# The labels of domain.review.REQUEST_STATUSES (domain/ does not import Qt), marked here for lupdate.
STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("review", "已索取"),
    QT_TRANSLATE_NOOP("review", "已收到"),
    QT_TRANSLATE_NOOP("review", "已核查"),
    QT_TRANSLATE_NOOP("review", "未提供"),
    QT_TRANSLATE_NOOP("review", "不适用"),
)
# ... and of domain.review.SIGNOFF_LABELS
SIGNOFF_TEXTS = (
    QT_TRANSLATE_NOOP("review", "未签字"),
    QT_TRANSLATE_NOOP("review", "已签字"),
    QT_TRANSLATE_NOOP("review", "签字后已修改（需重新签字）"),
)


def _fmt_size(n: int) -> str:
    return evsvc._fmt_size(n)


# ---------------------------------------------------------------------------------------------- attaching
class _KiBProgress:
    """Forwards byte progress in KiB (Qt ints are 32-bit) with ``n/m 名称`` in the label."""

    def __init__(self, inner, index: int, count: int, name: str):
        self.inner, self.prefix = inner, (f"({index + 1}/{count}) {name}：" if count > 1 else f"{name}：")

    def set(self, done: int, total: int, label: str = "") -> None:
        self.inner.set(done // 1024, max(total // 1024, 1), self.prefix + (error_text(label) if label else ""))

    def cancelled(self) -> bool:
        return self.inner.cancelled()


def add_files_work(path: Path, who: str, files: list[Path], target_kind: str | None, target_id: str | None,
                   progress) -> dict:
    """Worker-thread body: add ``files`` one by one through a connection of this thread.

    Returns ``{"added": [AddResult], "errors": [(file, message)], "cancelled": bool}``; each file is its own
    transaction, so a failure or a cancel keeps the files added before it and leaves nothing of the current one.
    """
    ef = open_for_thread(path, who)
    out = {"added": [], "errors": [], "cancelled": False}
    try:
        for i, f in enumerate(files):
            try:
                out["added"].append(evsvc.add_evidence(ef, f, target_kind=target_kind, target_id=target_id,
                                                       progress=_KiBProgress(progress, i, len(files), Path(f).name)))
            except Cancelled:
                out["cancelled"] = True
                break
            except WcifError as e:
                out["errors"].append((str(f), _message_of(e)))
    finally:
        ef.close()
    return out


def _message_of(error: WcifError) -> str:
    """``str(error)``, as a :class:`~wcif_desktop.domain.errors.Message` with the error's template, so the UI can
    still show it in its language after it left the worker thread (plain ``str(error)`` if that is not the same)."""
    try:
        m = Message(getattr(error, "template", None) or "", **(getattr(error, "params", None) or {}))
    except (KeyError, IndexError, ValueError):
        return str(error)
    return m if m == str(error) else str(error)


def attach_files(parent: QWidget | None, ctx: EvaluationContext, files, target_kind: str | None = None,
                 target_id: str | None = None, on_done=None):
    """Attach files off the UI thread with a progress dialog (cancel stops after nothing of the current file
    is kept). On the UI thread afterwards: the context's ``changed`` is emitted, problems are shown, then
    ``on_done(result)`` runs. Returns the running :class:`~wcif_desktop.ui.workers.Task`."""
    files = [Path(f) for f in files]

    def done(result):
        changes = Changes().add("evidence").add("evidence_link")
        if target_kind:
            changes.add(target_kind, target_id)
        if result["added"]:
            ctx.changed.emit(changes)
        problems = [f"{Path(f).name}：{error_text(msg)}" for f, msg in result["errors"]]
        if result["cancelled"]:
            problems.append(QCoreApplication.translate("review", "已取消：正在添加的文件未保存，此前添加的文件已保存。"))
        if problems:
            show_user_error(parent, "\n".join(problems), QCoreApplication.translate("review", "部分文件未添加"))
        if on_done:
            on_done(result)

    def failed(exc):
        show_user_error(parent, exc)
        if on_done:
            on_done(None)

    return run_with_progress(parent, QCoreApplication.translate("review", "添加附件"), add_files_work, ctx.path, ctx.ef.who, files, target_kind,
                             target_id, on_done=done, on_error=failed)


def _extract_work(path: Path, who: str, sha256: str, out: Path, progress):
    ef = open_for_thread(path, who)
    try:
        return evsvc.extract_evidence(ef, sha256, out, overwrite=True, progress=progress)
    finally:
        ef.close()


def extract_async(parent, ctx: EvaluationContext, sha256: str, out: Path, on_done):
    """Extract evidence off the UI thread (progress, cancel); ``on_done(path)`` on success."""
    class Scaled:
        def __init__(self, p):
            self.p = p

        def set(self, d, t, label=""):
            self.p.set(d // 1024, max(t // 1024, 1), label)

        def cancelled(self):
            return self.p.cancelled()

    def work(progress):
        return _extract_work(ctx.path, ctx.ef.who, sha256, out, Scaled(progress))

    def failed(exc):
        if not isinstance(exc, Cancelled):
            show_user_error(parent, exc)

    return run_with_progress(parent, QCoreApplication.translate("review", "导出附件"), work, on_done=on_done, on_error=failed)


class FileDropFilter(QObject):
    """Accepts local files dropped on a widget and reports ``dropped(paths, position)``."""

    dropped = Signal(list, object)

    def eventFilter(self, obj, event):
        et = event.type()
        if et in (event.Type.DragEnter, event.Type.DragMove):
            if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
                event.acceptProposedAction()
                return True
        elif et == event.Type.Drop:
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                self.dropped.emit(paths, event.position().toPoint())
                return True
        return False


# ---------------------------------------------------------------------------------------------- request model
class RequestTableModel(QAbstractTableModel):
    """The request list: 编号, 类别, 资料名称, 索取日期, 截止日期, 状态, 附件 (count), 核查记录 (count).

    Overdue items (still 已索取 after the due date, as of :attr:`as_of`) show in red with a tooltip. 资料名称 and
    截止日期 are editable (validated by the service, undoable).
    """

    CODE, CATEGORY, TITLE, REQUESTED, DUE, STATUS, EVIDENCE, NOTES = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("review", "编号"),
        QT_TRANSLATE_NOOP("review", "类别"),
        QT_TRANSLATE_NOOP("review", "资料名称"),
        QT_TRANSLATE_NOOP("review", "索取日期"),
        QT_TRANSLATE_NOOP("review", "截止日期"),
        QT_TRANSLATE_NOOP("review", "状态"),
        QT_TRANSLATE_NOOP("review", "附件"),
        QT_TRANSLATE_NOOP("review", "核查记录"),
    )
    EDITABLE = {TITLE: "title", DUE: "due_on", CATEGORY: "category"}

    def __init__(self, ctx: EvaluationContext, as_of: _dt.date | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.as_of = as_of or _dt.date.today()
        self._rows: list[DocumentRequest] = []
        self._evidence: dict[str, int] = {}
        self._notes: dict[str, int] = {}
        self.reload()
        ctx.changed.connect(self._on_changed)

    def reload(self) -> None:
        self.beginResetModel()
        ef = self.ctx.ef
        self._rows = rsvc.request_items(ef)
        self._evidence, self._notes = rsvc.request_counts(ef)
        self.endResetModel()

    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in ("document_request", "evidence_link", "evidence", "review_note")):
            self.reload()

    def record(self, row: int) -> DocumentRequest:
        return self._rows[row]

    def records(self) -> list[DocumentRequest]:
        return list(self._rows)

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def overdue(self, row: int) -> bool:
        return is_overdue(self._rows[row], self.as_of)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("review", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                self.CODE: r.code, self.CATEGORY: r.category, self.TITLE: r.title, self.REQUESTED: r.requested_on,
                self.DUE: r.due_on, self.STATUS: QCoreApplication.translate("review", REQUEST_STATUSES.get(r.status, r.status)),
                self.EVIDENCE: str(self._evidence.get(r.id, 0) or ""), self.NOTES: str(self._notes.get(r.id, 0) or ""),
            }[c]
        if role == Qt.ItemDataRole.ForegroundRole and self.overdue(index.row()):
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [r.description] if r.description else []
            if self.overdue(index.row()):
                tips.append(QCoreApplication.translate("review", "已逾期（截止 {0}）").format(r.due_on))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def flags(self, index):
        f = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid() and index.column() in self.EDITABLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in self.EDITABLE:
            return False
        rec = self._rows[index.row()]
        field = self.EDITABLE[index.column()]
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.update_request_item(ef, rec.id, **{field: str(value).strip()}))


# ---------------------------------------------------------------------------------------------- preview
class PreviewDialog(QDialog):
    """Shows an extracted evidence file: an image (Qt's image readers), or a PDF with the report page's
    :class:`~wcif_desktop.ui.report_preview.PdfPreview` (PDFium; QtPdf is not part of PySide6-Essentials).
    Other types are offered to the system's viewer. :attr:`kind` is ``image``, ``pdf`` or ``none``."""

    def __init__(self, file: Path, media_type: str, title: str = "", parent=None):
        super().__init__(parent)
        self.file, self.media_type = Path(file), media_type
        self.setWindowTitle(title or self.file.name)
        self.resize(900, 700)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.info = QLabel()
        self.info.setObjectName("preview_info")
        self.info.setWordWrap(True)
        bar.addWidget(self.info, 1)
        open_btn = QPushButton(QCoreApplication.translate("review", "用系统程序打开"))
        open_btn.clicked.connect(self.open_external)
        bar.addWidget(open_btn)
        lay.addLayout(bar)
        self.image = QLabel()
        self.image.setObjectName("preview_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        from .report_preview import PdfPreview  # QtPrintSupport and PDFium load when first needed (issue 9)

        self.pdf = PdfPreview()
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.pdf, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.page_count = 0
        self.kind = self._load()
        self.scroll.setVisible(self.kind != "pdf")
        self.pdf.setVisible(self.kind == "pdf")

    def _load(self) -> str:
        if self.media_type == "application/pdf":
            try:
                self.page_count = self.pdf.load(self.file)
            except WcifError as e:
                self.info.setText(QCoreApplication.translate("review", "无法预览该 PDF：{0}").format(error_text(e)))
                return "none"
            self.info.setText(QCoreApplication.translate("review", "{0}，共 {1} 页").format(self.file.name, self.page_count))
            return "pdf"
        img = QImageReader(str(self.file)).read()
        if not img.isNull():
            self.image.setPixmap(QPixmap.fromImage(img))
            self.info.setText(f"{self.file.name}，{img.width()} × {img.height()}")
            return "image"
        self.info.setText(QCoreApplication.translate("review", "此类文件不能在程序内预览，请用系统程序打开。"))
        return "none"

    def open_external(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.file)))

    def done(self, result) -> None:
        self.pdf.clear()
        super().done(result)


# ---------------------------------------------------------------------------------------------- evidence list
class EvidenceList(QWidget):
    """Evidence attached to one target (request item or working paper): name, size, SHA-256; attach, preview,
    open with the system's viewer (temporary copy), save a copy, remove the link."""

    def __init__(self, ctx: EvaluationContext, target_kind: str, parent=None):
        super().__init__(parent)
        self.ctx, self.kind, self.target_id = ctx, target_kind, None
        self.infos: list[evsvc.EvidenceInfo] = []
        self.task = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName(f"evidence_{target_kind}")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("review", "文件名"), QCoreApplication.translate("review", "大小"), QCoreApplication.translate("review", "SHA-256")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(48)  # the page may be shared with other panels: let the list above grow
        self.table.doubleClicked.connect(lambda _i: self.preview())
        self.table.setAcceptDrops(True)
        self.drop_filter = FileDropFilter(self)
        self.table.viewport().setAcceptDrops(True)
        self.table.viewport().installEventFilter(self.drop_filter)
        self.drop_filter.dropped.connect(lambda paths, _pos: self.attach(paths))
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.attach_btn = QPushButton(QCoreApplication.translate("review", "添加附件…"))
        self.preview_btn = QPushButton(QCoreApplication.translate("review", "预览"))
        self.open_btn = QPushButton(QCoreApplication.translate("review", "用系统程序打开"))
        self.save_btn = QPushButton(QCoreApplication.translate("review", "另存为…"))
        self.remove_btn = QPushButton(QCoreApplication.translate("review", "移除"))
        for b in (self.attach_btn, self.preview_btn, self.open_btn, self.save_btn, self.remove_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.attach_btn.clicked.connect(self.attach_dialog)
        self.preview_btn.clicked.connect(self.preview)
        self.open_btn.clicked.connect(self.open_external)
        self.save_btn.clicked.connect(self.save_copy)
        self.remove_btn.clicked.connect(self.remove)
        ctx.changed.connect(lambda ch: self.refresh() if ch.touches("evidence") or ch.touches("evidence_link")
                            else None)
        self.set_target(None)

    def set_target(self, target_id: str | None) -> None:
        self.target_id = target_id
        for b in (self.attach_btn, self.preview_btn, self.open_btn, self.save_btn, self.remove_btn):
            b.setEnabled(target_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.infos = evsvc.list_evidence(self.ctx.ef, self.kind, self.target_id) if self.target_id else []
        self.table.setRowCount(len(self.infos))
        for i, info in enumerate(self.infos):
            e = info.evidence
            for c, text in enumerate((e.original_name, _fmt_size(e.size), e.sha256)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{e.original_name}\n{e.media_type}\n{e.added_by} {e.added_at}")
                self.table.setItem(i, c, item)

    def current(self) -> evsvc.EvidenceInfo | None:
        row = self.table.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def attach(self, paths, on_done=None):
        if not self.target_id or not paths:
            return None
        self.task = attach_files(self, self.ctx, paths, self.kind, self.target_id, on_done=on_done)
        return self.task

    def attach_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, QCoreApplication.translate("review", "选择要添加的附件"), "",
                                                QCoreApplication.translate("review", "常见证据 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.xlsx *.xls *.docx *.doc);;所有文件 (*)"))
        if files:
            self.attach(files)

    def _with_copy(self, then) -> None:
        info = self.current()
        if info is None:
            return
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="wcif-preview-"))
        out = folder / evsvc.safe_name(info.evidence.original_name, info.evidence.sha256)
        self.task = extract_async(self, self.ctx, info.evidence.sha256, out, lambda p: then(Path(p), info))

    def preview(self) -> None:
        def show(path, info):
            self.dialog = PreviewDialog(path, info.evidence.media_type, info.evidence.original_name, self)
            self.dialog.show()
        self._with_copy(show)

    def open_external(self) -> None:
        self._with_copy(lambda path, _info: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def save_copy(self) -> None:
        info = self.current()
        if info is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("review", "另存为"),
                                              evsvc.safe_name(info.evidence.original_name, info.evidence.sha256))
        if name:
            self.task = extract_async(self, self.ctx, info.evidence.sha256, Path(name), lambda p: None)

    def remove(self) -> None:
        info = self.current()
        if info is None:
            return
        ef = self.ctx.ef
        self.ctx.apply_edit(lambda: edits.unlink_evidence(ef, info.evidence.id, self.kind, self.target_id))


# ---------------------------------------------------------------------------------------------- request list
class RequestListPanel(QWidget):
    """The request list with counts per status and overdue items, add / reorder / status / notes / export, and
    the selected item's evidence (drop files on a row to attach them to that item)."""

    def __init__(self, ctx: EvaluationContext, as_of: _dt.date | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RequestTableModel(ctx, as_of, self)
        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("request_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        bar = QHBoxLayout()
        self.template_btn = QPushButton(QCoreApplication.translate("review", "按模板生成清单"))
        self.add_btn = QPushButton(QCoreApplication.translate("review", "添加资料"))
        self.up_btn = QPushButton(QCoreApplication.translate("review", "上移"))
        self.down_btn = QPushButton(QCoreApplication.translate("review", "下移"))
        self.status_box = QComboBox()
        self.status_box.setObjectName("request_status")
        for key, label in REQUEST_STATUSES.items():
            self.status_box.addItem(QCoreApplication.translate("review", label), key)
        self.status_btn = QPushButton(QCoreApplication.translate("review", "设为此状态"))
        self.note_btn = QPushButton(QCoreApplication.translate("review", "添加核查记录…"))
        self.export_btn = QPushButton(QCoreApplication.translate("review", "导出清单…"))
        self.import_btn = QPushButton(QCoreApplication.translate("review", "从表格导入…"))
        self.import_btn.setObjectName("request_import")
        self.import_btn.setToolTip(QCoreApplication.translate(
            "review", "导入被评价单位填写的资料清单表格（编号、类别、资料名称、状态、说明），按编号更新或新增"))
        # a tool bar: on a narrow window (1366×768 at 125 %) what does not fit moves behind its » button
        from PySide6.QtWidgets import QToolBar

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("request_toolbar")
        for w in (self.template_btn, self.add_btn, self.import_btn, self.up_btn, self.down_btn, self.status_box,
                  self.status_btn, self.note_btn, self.export_btn):
            self.toolbar.addWidget(w)
        bar.addWidget(self.toolbar, 1)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        self.view = QTableView()
        self.view.setObjectName("request_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setToolTip(QCoreApplication.translate("review", "把文件拖到某一项上，即作为该项资料的附件保存到评价文件中"))
        for col, w in enumerate((56, 130, 340, 90, 90, 70, 50, 70)):
            self.view.setColumnWidth(col, w)
        self.view.viewport().setAcceptDrops(True)
        self.drop_filter = FileDropFilter(self)
        self.view.viewport().installEventFilter(self.drop_filter)
        self.drop_filter.dropped.connect(self._dropped)
        split.addWidget(self.view)

        lower = QWidget()
        ll = QHBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("request_notes")
        self.notes.setReadOnly(True)
        self.notes.setPlaceholderText(QCoreApplication.translate("review", "核查记录"))
        self.notes.setMinimumHeight(48)
        self.evidence = EvidenceList(ctx, "document_request")
        ll.addWidget(self.notes, 1)
        ll.addWidget(self.evidence, 2)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 130])  # the list first; notes and evidence below (drag the handle for more)
        lay.addWidget(split, 1)

        self.template_btn.clicked.connect(self.build_from_template)
        self.add_btn.clicked.connect(lambda: self.add_item())  # clicked(bool) would pass False as the title
        self.up_btn.clicked.connect(lambda: self.move(-1))
        self.down_btn.clicked.connect(lambda: self.move(1))
        self.status_btn.clicked.connect(lambda: self.set_status(self.status_box.currentData()))
        self.note_btn.clicked.connect(self.add_note_dialog)
        self.export_btn.clicked.connect(self.export_dialog)
        self.import_btn.clicked.connect(lambda: self.import_dialog())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._after_reset)
        ctx.changed.connect(self._on_changed)
        self.refresh_summary()
        self._selection_changed()

    # -------------------------------------------------------------- state
    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in ("document_request", "review_note", "team_member")):
            self.refresh_summary()
            self._show_notes()

    def _after_reset(self) -> None:
        if getattr(self, "_keep", None):
            self.select(self._keep)

    def refresh_summary(self) -> None:
        s = rsvc.request_summary(self.ctx.ef, self.model.as_of)
        sep = QCoreApplication.translate("review", "、")
        parts = sep.join(QCoreApplication.translate("review", "{0} {1}").format(
            QCoreApplication.translate("review", REQUEST_STATUSES[k]), v) for k, v in s.counts.items())
        text = QCoreApplication.translate("review", "共 {0} 项：{1}；逾期 {2} 项（截至 {3}）").format(
            s.total, parts, len(s.overdue), s.as_of.isoformat())  # the words of RequestSummary.text()
        if s.overdue:
            text += "\n" + QCoreApplication.translate("review", "逾期：") + sep.join(f"{i.code} {i.title}" for i in s.overdue[:5]) + (
                QCoreApplication.translate("review", "等") if len(s.overdue) > 5 else "")
        self.summary.setText(text)

    def current(self) -> DocumentRequest | None:
        idx = self.view.currentIndex()
        return self.model.record(idx.row()) if idx.isValid() else None

    def select(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._selection_changed()

    def _selection_changed(self) -> None:
        cur = self.current()
        self._keep = cur.id if cur else None
        for b in (self.up_btn, self.down_btn, self.status_btn, self.note_btn):
            b.setEnabled(cur is not None)
        if cur is not None:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(cur.status)))
        self.evidence.set_target(cur.id if cur else None)
        self._show_notes()

    def _show_notes(self) -> None:
        cur = self.current()
        if cur is None:
            self.notes.setPlainText("")
            return
        lines = [f"{cur.code} {cur.title}", ""]
        for n in rsvc.review_notes(self.ctx.ef, cur.id):
            lines.append(f"[{n.written_at[:16].replace('T', ' ')} {n.reviewer_name}] {n.text}")
        self.notes.setPlainText("\n".join(lines))

    # -------------------------------------------------------------- edits
    def build_from_template(self) -> None:
        """Add the fund template's items the list lacks (not undoable as one step; items can be deleted)."""
        self.ctx.run_service(rsvc.add_request_list_from_template)

    def add_item(self, title: str | None = None, category: str | None = None) -> DocumentRequest | None:
        if title is None:
            title, ok = QInputDialog.getText(self, QCoreApplication.translate("review", "添加资料"), QCoreApplication.translate("review", "资料名称："))
            if not ok:
                return None
        if category is None:
            cur = self.current()
            category, ok = QInputDialog.getText(self, QCoreApplication.translate("review", "添加资料"), QCoreApplication.translate("review", "类别："),
                                                text=cur.category if cur else QCoreApplication.translate("review", "其他"))
            if not ok:
                return None
        result = self.ctx.run_service(rsvc.add_request_item, title, category,
                                      requested_on=_dt.date.today().isoformat())
        if result is None:
            return None
        rec, changes = result
        self.ctx.changed.emit(changes)
        self.select(rec.id)
        return rec

    def move(self, step: int) -> None:
        cur = self.current()
        if cur is None:
            return
        row = self.model.row_of(cur.id)
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        ef = self.ctx.ef
        self._keep = cur.id
        self.ctx.apply_edit(lambda: edits.move_request_item(ef, cur.id, target, row))
        self.select(cur.id)

    def set_status(self, status: str) -> bool:
        cur = self.current()
        if cur is None or status == cur.status:
            return False
        ef = self.ctx.ef
        self._keep = cur.id
        ok = self.ctx.apply_edit(lambda: edits.set_request_status(ef, cur.id, status))
        self.select(cur.id)
        return ok

    def add_note(self, reviewer_id: str, text: str) -> bool:
        cur = self.current()
        if cur is None:
            return False
        result = self.ctx.run_service(rsvc.add_review_note, cur.id, reviewer_id, text)
        if result is None:
            return False
        self.ctx.changed.emit(result[1])
        return True

    def add_note_dialog(self) -> None:
        cur = self.current()
        if cur is None:
            return
        dlg = NoteDialog(self.ctx, cur, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.add_note(dlg.reviewer.currentData(), dlg.text.toPlainText())

    def import_dialog(self, path=None) -> bool:
        """Import the agency's spreadsheet (ui/request_import.py): preview, then one undoable edit."""
        from .request_import import import_request_list

        return import_request_list(self, path)

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("review", "导出资料清单"), QCoreApplication.translate("review", "资料清单.pdf"),
                                              QCoreApplication.translate("review", "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"))
        if not name:
            return
        ctx = self.ctx

        def work(progress):
            ef = open_for_thread(ctx.path, ctx.ef.who)
            try:
                return rsvc.export_request_list(ef, name, progress=progress)
            finally:
                ef.close()

        def failed(exc):
            if not isinstance(exc, Cancelled):
                show_user_error(self, exc)

        self.task = run_with_progress(self, QCoreApplication.translate("review", "导出资料清单"), work, on_done=lambda p: None, on_error=failed)

    def _dropped(self, paths: list, pos) -> None:
        idx = self.view.indexAt(pos)
        if idx.isValid():
            self.view.setCurrentIndex(self.model.index(idx.row(), 0))
        cur = self.current()
        if cur is None:
            show_user_error(self, QCoreApplication.translate("review", "请把文件拖到资料清单中的某一项上"))
            return
        self.evidence.attach(paths)


class NoteDialog(QDialog):
    """Asks for a review note's reviewer (team member) and text."""

    def __init__(self, ctx: EvaluationContext, item: DocumentRequest, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("review", "核查记录：{0} {1}").format(item.code, item.title))
        lay = QVBoxLayout(self)
        self.reviewer = member_combo(ctx)
        self.text = QPlainTextEdit()
        lay.addWidget(QLabel(QCoreApplication.translate("review", "核查人")))
        lay.addWidget(self.reviewer)
        lay.addWidget(QLabel(QCoreApplication.translate("review", "核查情况")))
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def member_combo(ctx: EvaluationContext) -> QComboBox:
    from ..domain.model import ROLES
    from ..services.plan import team

    box = QComboBox()
    for m in team(ctx.ef):
        box.addItem(QCoreApplication.translate("review", "{0}（{1}）").format(
            m.name, QCoreApplication.translate("roles", ROLES.get(m.role, m.role))), m.id)
    return box


# ---------------------------------------------------------------------------------------------- working papers
class WorkingPaperPanel(QWidget):
    """Working papers: list, title and body editor, evidence, and preparer / reviewer sign-off with the state
    shown (a sign-off made before the last edit shows as stale, in red)."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.papers: list[WorkingPaper] = []
        self._shown = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("paper_list")
        left.addWidget(self.list, 1)
        self.new_btn = QPushButton(QCoreApplication.translate("review", "新建底稿"))
        left.addWidget(self.new_btn)
        lay.addLayout(left, 1)

        right = QVBoxLayout()
        self.title = QLineEdit()
        self.title.setObjectName("paper_title")
        self.body = QPlainTextEdit()
        self.body.setObjectName("paper_body")
        self.save_btn = QPushButton(QCoreApplication.translate("review", "保存底稿"))
        right.addWidget(QLabel(QCoreApplication.translate("review", "标题")))
        right.addWidget(self.title)
        right.addWidget(QLabel(QCoreApplication.translate("review", "内容")))
        right.addWidget(self.body, 2)
        right.addWidget(self.save_btn)
        sign = QHBoxLayout()
        self.signer = member_combo(ctx)
        self.signer.setObjectName("paper_signer")
        self.prepare_btn = QPushButton(QCoreApplication.translate("review", "编制人签字"))
        self.review_btn = QPushButton(QCoreApplication.translate("review", "复核人签字"))
        sign.addWidget(self.signer)
        sign.addWidget(self.prepare_btn)
        sign.addWidget(self.review_btn)
        sign.addStretch(1)
        right.addLayout(sign)
        self.state = QLabel()
        self.state.setObjectName("paper_signoff")
        self.state.setWordWrap(True)
        right.addWidget(self.state)
        self.evidence = EvidenceList(ctx, "working_paper")
        right.addWidget(self.evidence, 1)
        lay.addLayout(right, 3)

        self.new_btn.clicked.connect(lambda: self.new_paper())
        self.save_btn.clicked.connect(self.save)
        self.prepare_btn.clicked.connect(lambda: self.sign("preparer"))
        self.review_btn.clicked.connect(lambda: self.sign("reviewer"))
        self.list.currentRowChanged.connect(self._row_changed)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in ("working_paper", "evidence_link", "evidence", "team_member")):
            self.reload()

    def reload(self) -> None:
        keep = self.current().id if self.current() else None
        self.papers = rsvc.working_papers(self.ctx.ef)
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.papers:
            s = rsvc.paper_signoff(self.ctx.ef, p.id)
            item = QListWidgetItem(f"{p.code} {p.title}")
            if s.stale:
                item.setForeground(QBrush(OVERDUE_COLOR))
            self.list.addItem(item)
        rows = [i for i, p in enumerate(self.papers) if p.id == keep]
        self.list.setCurrentRow(rows[0] if rows else (0 if self.papers else -1))
        self.list.blockSignals(False)
        self._show_current()

    def current(self) -> WorkingPaper | None:
        row = self.list.currentRow() if hasattr(self, "list") else -1
        return self.papers[row] if 0 <= row < len(self.papers) else None

    def _row_changed(self, _row: int) -> None:
        self.save()  # keep edits of the paper shown before
        self._show_current()

    def _show_current(self) -> None:
        p = self.current()
        self._shown = p.id if p else None
        for w in (self.title, self.body, self.save_btn, self.prepare_btn, self.review_btn):
            w.setEnabled(p is not None)
        self.title.setText(p.title if p else "")
        self.body.setPlainText(p.body if p else "")
        self.evidence.set_target(p.id if p else None)
        if p is None:
            self.state.setText("")
            return
        s = rsvc.paper_signoff(self.ctx.ef, p.id)
        self.state.setText(QCoreApplication.translate("review", "编制人：{0}（{1}）；复核人：{2}（{3}）").format(
            s.preparer_name or "—", QCoreApplication.translate("review", SIGNOFF_LABELS[s.preparer]),
            s.reviewer_name or "—", QCoreApplication.translate("review", SIGNOFF_LABELS[s.reviewer])))  # SignOff.text()
        self.state.setStyleSheet("color: #b00020;" if s.stale else "")

    def new_paper(self, title: str | None = None) -> WorkingPaper | None:
        title = title or QCoreApplication.translate("review", "新工作底稿")
        result = self.ctx.run_service(rsvc.add_working_paper, title)
        if result is None:
            return None
        rec, changes = result
        self.ctx.changed.emit(changes)
        self.list.setCurrentRow(next(i for i, p in enumerate(self.papers) if p.id == rec.id))
        return rec

    def save(self) -> bool:
        """Save the title and body shown (of the paper shown, even while the list selection moves)."""
        p = next((x for x in self.papers if x.id == self._shown), None)
        if p is None:
            return False
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.update_working_paper(ef, p.id, title=self.title.text(),
                                                                      body=self.body.toPlainText()))

    def sign(self, as_role: str) -> bool:
        p = self.current()
        if p is None:
            return False
        if not self.save():
            return False
        ef, who = self.ctx.ef, self.signer.currentData()
        return self.ctx.apply_edit(lambda: edits.sign_off(ef, p.id, who, as_role))


# ---------------------------------------------------------------------------------------------- hook
class ReviewTabs(QTabWidget):
    """资料清单 and 工作底稿 as tabs; put into the 现场资料核查 page by :func:`install`."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.setObjectName("review_tabs")
        self.requests = RequestListPanel(ctx)
        self.papers = WorkingPaperPanel(ctx)
        self.addTab(self.requests, QCoreApplication.translate("review", "资料清单"))
        self.addTab(self.papers, QCoreApplication.translate("review", "工作底稿"))


def install(page) -> ReviewTabs:
    """Replace the placeholder of the 现场资料核查 page's extension area with the review tabs."""
    lay = page.extension_layout
    while lay.count():
        item = lay.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
    tabs = ReviewTabs(page.ctx, page.extension_box)
    lay.addWidget(tabs)
    outer = page.layout()
    if outer is not None:
        outer.setStretchFactor(page.extension_box, 4)  # the list needs the room; the narrative keeps its share
    page.review_tabs = tabs
    return tabs
