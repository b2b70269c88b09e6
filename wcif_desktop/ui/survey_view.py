"""Survey results in the UI: :class:`SurveyResultsModel` (one row per respondent group plus 全部),
:class:`SurveyCountsModel` (答案分布 of one survey; free-text answers read a page at a time) and
:class:`SurveyPanel` (results table, how the rates were computed, small-sample warnings, the satisfaction
method per survey, and the actions “导入答卷…” and “按导出文件新建问卷…”).

The panel reads the survey counts once per refresh (:func:`wcif_desktop.services.survey.survey_tally`, aggregated
SQL) and only when it is shown (issue 21: 10,000 responses × 17 questions)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
)

from ..domain.errors import Cancelled, WcifError
from ..domain.money import fmt_pct
from ..domain.survey import RESPONDENT_GROUPS, SATISFACTION_METHODS
from ..services import edits
from ..services import survey as svc
from ..services.evaluation import get
from .context import EvaluationContext
from .errors import error_text, show_user_error
from .survey_entry import PaperEntryDialog
from .survey_mapping import SURVEY_TABLES, SurveyImportDialog, survey_changes
from .workers import run_and_wait


def _ci(pair) -> str:
    return "" if not pair else f"{fmt_pct(pair[0])}–{fmt_pct(pair[1])}"


# The labels of domain.survey.SATISFACTION_METHODS, marked for lupdate.
SATISFACTION_METHOD_TEXTS = (
    QT_TRANSLATE_NOOP("SurveyPanel", "满意率（满意与非常满意占比）"),
    QT_TRANSLATE_NOOP("SurveyPanel", "平均分折算百分制"),
)


class SurveyResultsModel(QAbstractTableModel):
    """Rows of :func:`wcif_desktop.services.survey.results_table`; refreshes when survey tables change."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SurveyResultsModel", "调查对象"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "有效答卷"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "满意度"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "满意度95%区间"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "政策知晓率"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "知晓率95%区间"),
        QT_TRANSLATE_NOOP("SurveyResultsModel", "提示"),
    )

    def __init__(self, ctx: EvaluationContext, parent=None, *, listen: bool = True, load: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        if load:
            self.reload()
        if listen:
            ctx.changed.connect(self._on_changed)

    def reload(self, data=None) -> None:
        """Re-read the results (``data``: survey counts or records already read, to read them once per refresh)."""
        self.beginResetModel()
        self.rows = svc.results_table(self.ctx.ef, data)
        self.endResetModel()

    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in SURVEY_TABLES):
            self.reload()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SurveyResultsModel", self.HEADERS[section])
        return None

    def text(self, row: int, col: int) -> str:
        r = self.rows[row]
        values = (r["group"], str(r["valid_responses"]), fmt_pct(r["satisfaction_rate"]), _ci(r["satisfaction_ci"]),
                  fmt_pct(r["awareness_rate"]), _ci(r["awareness_ci"]),
                  "；".join(error_text(w) for w in r["warnings"]))
        return values[col]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return "\n".join(error_text(w) for w in self.rows[index.row()]["warnings"]) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6 and self.rows[index.row()]["warnings"]:
            return QBrush(QColor("#a05a00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SurveyCountsModel(QAbstractItemModel):
    """答案分布 of one survey as a tree: one row per question (code and text, the number of free-text answers,
    the question's rate), under it one row per option (count, share), answers outside the scale, 未作答, and for a
    free-text question its answers (count 1 each), read :attr:`PAGE` at a time as the view scrolls to them
    (``canFetchMore``/``fetchMore``): before that, only the first rows exist."""

    PAGE = 200
    HEADERS = (QT_TRANSLATE_NOOP("SurveyPanel", "题目 / 答案"), QT_TRANSLATE_NOOP("SurveyPanel", "次数"),
               QT_TRANSLATE_NOOP("SurveyPanel", "比例"))

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.questions: list[tuple[str, str, str]] = []  # per question: (label, count, rate)
        self.fixed: list[list[tuple[str, str, str]]] = []  # per question: its option / summary rows
        self.text_ids: list[str | None] = []  # per question: the id of a free-text question, else None
        self.keys: list[list[int]] = []  # per question: keys of its free-text answers (text_answer_keys)
        self.texts: list[list[str]] = []  # per question: the free-text answers fetched so far
        # True: tell Qt there is nothing to fetch (QTreeView fetches a page of every expanded question at each
        # layout); the panel's view then fetches what scrolls into view itself (has_more / fetchMore)
        self.hold = False

    def set_stats(self, stats) -> None:
        """Show these :class:`~wcif_desktop.domain.survey.QuestionStats` (one survey's questions)."""
        self.beginResetModel()
        self.questions, self.fixed, self.text_ids, self.keys, self.texts = [], [], [], [], []
        for st in stats:
            q = st.question
            rate = fmt_pct(st.rate.rate) if st.rate else ""
            self.questions.append((f"{q.code} {q.text}", str(st.n_texts) if q.kind == "text" else "", rate))
            rows = list(st.counts)
            if st.out_of_scale:
                rows.append((QCoreApplication.translate("SurveyPanel", "量表外（不计分）"), st.out_of_scale))
            total = sum(n for _l, n in rows) or 1
            fixed = [(label, str(n), fmt_pct(Decimal(n) * 100 / total)) for label, n in rows] \
                if q.kind != "text" else []
            if st.unanswered:
                fixed.append((QCoreApplication.translate("SurveyPanel", "未作答"), str(st.unanswered), ""))
            self.fixed.append(fixed)
            self.text_ids.append(q.id if q.kind == "text" and st.n_texts else None)
            self.keys.append([])
            self.texts.append(list(st.texts))
        self.endResetModel()

    # -------------------------------------------------------------- structure
    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if parent.isValid():
            return self.createIndex(row, column, parent.row() + 1)  # internal id: the question's row + 1
        return self.createIndex(row, column, 0)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.questions)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        i = parent.row()
        return len(self.fixed[i]) + len(self.texts[i])

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def hasChildren(self, parent=QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self.questions)
        if parent.internalId() != 0 or parent.column() != 0:
            return False
        i = parent.row()
        return bool(self.fixed[i] or self.texts[i] or self.text_ids[i])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SurveyPanel", self.HEADERS[section])
        return None

    def text(self, index) -> str:
        """The text shown at ``index``."""
        if index.internalId() == 0:
            return self.questions[index.row()][index.column()]
        i, row = index.internalId() - 1, index.row()
        if row < len(self.fixed[i]):
            return self.fixed[i][row][index.column()]
        return (self.texts[i][row - len(self.fixed[i])], "1", "")[index.column()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.text(index)
            return value if role == Qt.ItemDataRole.DisplayRole or index.column() == 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -------------------------------------------------------------- free-text answers, a page at a time
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not self.hold and self.has_more(parent)

    def has_more(self, parent=QModelIndex()) -> bool:
        """Whether ``parent`` is a free-text question with answers not fetched yet."""
        if not parent.isValid() or parent.internalId() != 0 or parent.column() != 0:
            return False
        i = parent.row()
        if self.text_ids[i] is None:
            return False
        return not self.keys[i] or len(self.texts[i]) < len(self.keys[i])

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.has_more(parent):
            return
        i = parent.row()
        ef = self.ctx.ef
        if not self.keys[i]:  # the keys of all its answers (integers, from the index), read once
            self.keys[i] = svc.text_answer_keys(ef, self.text_ids[i])
            if not self.keys[i]:
                self.text_ids[i] = None
                return
        start = len(self.texts[i])
        page = svc.text_answers(ef, self.keys[i][start:start + self.PAGE])
        if not page:
            self.text_ids[i] = None
            return
        first = len(self.fixed[i]) + start
        self.beginInsertRows(parent, first, first + len(page) - 1)
        self.texts[i].extend(page)
        self.endInsertRows()


class _CountsView(QTreeView):
    """The 答案分布 tree: fetches the next page of a free-text question's answers as soon as the last row fetched
    scrolls into view (Qt's own fetching only follows the last question)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self)  # owned by the view: never fires after it is gone
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fetch_visible)
        self.verticalScrollBar().valueChanged.connect(self._fetch_later)
        self.expanded.connect(self._fetch_later)

    def _fetch_later(self, *_a) -> None:
        """:meth:`fetch_visible` once the events queued now are handled (one check per burst of scrolling)."""
        self._timer.start()

    def fetch_visible(self, *_a) -> None:
        """Fetch the next pages of every expanded free-text question whose last fetched row is in view."""
        model = self.model()
        if model is None or not self.isVisible():
            return
        self.executeDelayedItemsLayout()  # row positions as they will be painted
        bottom = self.viewport().height()
        for i in range(model.rowCount()):
            parent = model.index(i, 0)
            head = self.visualRect(parent)
            if head.isValid() and head.top() > bottom:
                break
            if not self.isExpanded(parent):
                continue
            for _guard in range(1000):
                if not model.has_more(parent):
                    break
                n = model.rowCount(parent)
                last = self.visualRect(model.index(n - 1, 0, parent)) if n else head
                if not last.isValid() or last.top() > bottom:
                    break
                model.fetchMore(parent)
                self.executeDelayedItemsLayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fetch_later()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fetch_later()


class SurveyPanel(QGroupBox):
    """满意度与政策知晓度调查: results per group and the survey actions."""

    def __init__(self, ctx: EvaluationContext, parent=None, *, lazy: bool = False):
        """``lazy``: read the surveys only when the panel is first shown (and after a change only when shown
        again), as in the 现场资料核查 step where it is one tab of several."""
        super().__init__(parent)
        self.setTitle(self.tr("满意度与政策知晓度调查"))
        self.setObjectName("survey_panel")
        self.ctx = ctx
        self.dialog: SurveyImportDialog | None = None
        self._data = None  # survey counts read once per refresh
        self._stale = True
        lay = QVBoxLayout(self)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("问卷：")))
        self.survey_combo = QComboBox()
        self.survey_combo.setObjectName("survey_combo")
        self.survey_combo.currentIndexChanged.connect(self._survey_chosen)
        row.addWidget(self.survey_combo, 1)
        row.addWidget(QLabel(self.tr("满意度计算方法：")))
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("survey_method")
        for key, label in SATISFACTION_METHODS.items():
            self.method_combo.addItem(QCoreApplication.translate("SurveyPanel", label), key)
        self.method_combo.activated.connect(self._method_chosen)
        row.addWidget(self.method_combo)
        lay.addLayout(row)

        self.model = SurveyResultsModel(ctx, self, listen=False, load=False)
        self.view = QTableView()
        self.view.setObjectName("survey_results")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.counts_model = SurveyCountsModel(ctx, self)
        self.counts_model.hold = True  # the view fetches the free-text answers in view (_CountsView)
        self.counts = _CountsView()
        self.counts.setObjectName("survey_counts")
        self.counts.setUniformRowHeights(True)
        self.counts.setModel(self.counts_model)
        self.counts.header().setStretchLastSection(False)
        self.counts.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.counts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.note = QLabel()
        self.note.setObjectName("survey_note")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)

        buttons = QHBoxLayout()
        self.import_btn = QPushButton(self.tr("导入答卷…"))
        self.entry_btn = QPushButton(self.tr("录入纸质问卷…"))
        self.create_btn = QPushButton(self.tr("按导出文件新建问卷…"))
        self.import_btn.clicked.connect(self.choose_and_import)
        self.entry_btn.clicked.connect(self.open_entry)
        self.create_btn.clicked.connect(self.choose_and_create)
        buttons.addWidget(self.import_btn)
        buttons.addWidget(self.entry_btn)
        buttons.addWidget(self.create_btn)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        ctx.changed.connect(self._on_changed)
        self._lazy = lazy
        if not lazy:
            self.refresh()

    # ------------------------------------------------------------------ state
    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in SURVEY_TABLES):
            self._stale = True
            if not self._lazy or self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        """Read the surveys now if they were not read since the last change (a lazy panel not shown yet)."""
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._data = svc.survey_tally(self.ctx.ef)
        self.model.reload(self._data)
        current = self.survey_combo.currentData()
        self.survey_combo.blockSignals(True)
        self.survey_combo.clear()
        for s in svc.surveys(self.ctx.ef):
            self.survey_combo.addItem(f"{s.respondent_group}：{s.title}", s.id)
        i = self.survey_combo.findData(current)
        self.survey_combo.setCurrentIndex(max(i, 0))
        self.survey_combo.blockSignals(False)
        self._show_method()
        self.import_btn.setEnabled(self.survey_combo.count() > 0)
        self.entry_btn.setEnabled(self.survey_combo.count() > 0)
        self._fill_counts()
        sentences = []
        for r in self.model.rows:
            for s in r["sentences"]:
                if s not in sentences:
                    sentences.append(s)
        self.note.setText("\n".join(error_text(s) for s in sentences) if sentences else self.tr(
            "尚无问卷。可按问卷平台导出的 Excel/CSV 文件新建问卷，再导入答卷。"))

    def _fill_counts(self) -> None:
        """答案分布 of the selected survey (the report's survey appendix); free-text answers are paged in."""
        sid = self.current_survey_id()
        self.counts_model.set_stats([st for st in svc.appendix(self.ctx.ef, self._data) if st.survey.id == sid])
        self.counts.expandAll()
        self.counts._fetch_later()  # the pages in view

    def current_survey_id(self) -> str | None:
        return self.survey_combo.currentData()

    def _survey_chosen(self, *_a) -> None:
        self._show_method()
        self._fill_counts()

    def _show_method(self, *_a) -> None:
        sid = self.current_survey_id()
        self.method_combo.setEnabled(bool(sid))
        if sid:
            s = get(self.ctx.ef, svc.Survey, sid)
            self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(s.satisfaction_method)))

    def _method_chosen(self, _i) -> None:
        sid, method = self.current_survey_id(), self.method_combo.currentData()
        if not sid:
            return
        ef = self.ctx.ef
        self.ctx.apply_edit(lambda: edits.set_satisfaction_method(ef, sid, method))

    # ------------------------------------------------------------------ actions
    def _choose_file(self) -> Path | None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("选择问卷平台导出的答卷文件"), "",
                                               self.tr("表格文件 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)"))
        return Path(path) if path else None

    def choose_and_import(self) -> None:
        sid = self.current_survey_id()
        path = self._choose_file() if sid else None
        if path:
            self.open_import(sid, path)

    def open_import(self, survey_id: str, path, sheet: str | None = None) -> SurveyImportDialog | None:
        """Open the mapping/import dialog (non-blocking) for ``path``; returns it, or ``None`` when unreadable."""
        try:  # the file is read on a worker thread (progress and cancel for a large export)
            rf = run_and_wait(self, self.tr("正在读取答卷文件"), svc.read_response_file, path, sheet)
            self.dialog = SurveyImportDialog(self.ctx, survey_id, path, sheet, self, rf=rf)
        except Cancelled:
            return None
        except WcifError as e:
            show_user_error(self, e)
            return None
        self.dialog.open()
        return self.dialog

    def open_entry(self) -> PaperEntryDialog | None:
        """Open the paper-form entry dialog (non-blocking) for the selected survey."""
        sid = self.current_survey_id()
        if not sid:
            return None
        self.entry_dialog = PaperEntryDialog(self.ctx, sid, self)
        self.entry_dialog.open()
        return self.entry_dialog

    def choose_and_create(self) -> None:
        path = self._choose_file()
        if not path:
            return
        group, ok = QInputDialog.getItem(self, self.tr("新建问卷"), self.tr("调查对象（可输入其他群体）："),
                                         list(RESPONDENT_GROUPS), 0, True)
        if ok and group.strip():
            self.create_from_file(path, group.strip())

    def create_from_file(self, path, group: str, title: str = "") -> str | None:
        """Create a survey from the export's headers (kinds guessed); returns its id, ``None`` on error."""
        created = {}
        try:  # read on a worker thread; the survey is then written in one transaction
            rf = run_and_wait(self, self.tr("正在读取答卷文件"), svc.read_response_file, path)
        except Cancelled:
            return None
        except WcifError as e:
            show_user_error(self, e)
            return None

        def make(ef):
            created["s"] = svc.create_survey_from_file(ef, path, group, title, rf=rf)
            return survey_changes()

        self.ctx.run_service(make)  # not undoable (like every import); the survey can be deleted
        if "s" not in created:
            return None
        i = self.survey_combo.findData(created["s"].id)
        if i >= 0:
            self.survey_combo.setCurrentIndex(i)
        return created["s"].id


def install(page) -> SurveyPanel:
    """Put the survey panel into the 现场资料核查 step, below the page's other boxes. Returns the panel."""
    panel = SurveyPanel(page.ctx, page, lazy=True)
    page.layout().addWidget(panel, 3)
    page.survey_panel = panel
    return panel
