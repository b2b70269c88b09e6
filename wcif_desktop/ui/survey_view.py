"""Survey results in the UI: :class:`SurveyResultsModel` (one row per respondent group plus 全部) and
:class:`SurveyPanel` (results table, how the rates were computed, small-sample warnings, the satisfaction
method per survey, and the actions “导入答卷…” and “按导出文件新建问卷…”)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt
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
    QTreeWidget,
    QTreeWidgetItem,
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

    def __init__(self, ctx: EvaluationContext, parent=None, *, listen: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.reload()
        if listen:
            ctx.changed.connect(self._on_changed)

    def reload(self, data=None) -> None:
        """Re-read the results (``data``: survey records already read, to read them once per refresh)."""
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


class SurveyPanel(QGroupBox):
    """满意度与政策知晓度调查: results per group and the survey actions."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("满意度与政策知晓度调查"))
        self.setObjectName("survey_panel")
        self.ctx = ctx
        self.dialog: SurveyImportDialog | None = None
        self._data = None  # survey records read once per refresh
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

        self.model = SurveyResultsModel(ctx, self, listen=False)
        self.view = QTableView()
        self.view.setObjectName("survey_results")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.counts = QTreeWidget()
        self.counts.setObjectName("survey_counts")
        self.counts.setHeaderLabels([self.tr("题目 / 答案"), self.tr("次数"), self.tr("比例")])
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
        self.refresh()

    # ------------------------------------------------------------------ state
    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in SURVEY_TABLES):
            self.refresh()

    def refresh(self) -> None:
        self._data = svc.load_survey_data(self.ctx.ef)
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
        """答案分布 of the selected survey (the report's survey appendix)."""
        self.counts.clear()
        sid = self.current_survey_id()
        for st in svc.appendix(self.ctx.ef, self._data):
            if st.survey.id != sid:
                continue
            q = st.question
            rate = f"{fmt_pct(st.rate.rate)}" if st.rate else ""
            top = QTreeWidgetItem([f"{q.code} {q.text}", "", rate])
            rows = list(st.counts)
            if st.out_of_scale:
                rows.append((self.tr("量表外（不计分）"), st.out_of_scale))
            if q.kind == "text":
                rows = [(t, 1) for t in st.texts]
            total = sum(n for _l, n in rows) or 1
            for label, n in rows:
                share = fmt_pct(Decimal(n) * 100 / total) if q.kind != "text" else ""
                top.addChild(QTreeWidgetItem([label, str(n), share]))
            if st.unanswered:
                top.addChild(QTreeWidgetItem([self.tr("未作答"), str(st.unanswered), ""]))
            self.counts.addTopLevelItem(top)
        self.counts.expandAll()

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
    panel = SurveyPanel(page.ctx, page)
    page.layout().addWidget(panel, 3)
    page.survey_panel = panel
    return panel
