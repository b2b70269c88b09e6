"""Step 问题与建议: good practices (主要经验及做法), problems (存在问题, with 原因分析) and recommendations
(有关建议) — three lists, and an editor for the selected item's title, body and cause analysis."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import WcifError
from ...domain.model import EvaluationSnapshot, Finding
from ..models import Column, RecordTableModel
from .base import CommitLineEdit, CommitTextEdit, RecordListControls, StepPage, StepState, state_of

KIND_TEXTS = {
    "practice": QT_TRANSLATE_NOOP("findings", "主要经验及做法"),
    "problem": QT_TRANSLATE_NOOP("findings", "存在问题"),
    "recommendation": QT_TRANSLATE_NOOP("findings", "有关建议"),
}


class FindingsPage(StepPage):
    key = "findings"
    title = QT_TRANSLATE_NOOP("steps", "问题与建议")
    tables = ("finding",)

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        if not snap.findings:
            return StepState.NOT_STARTED
        complete = 0
        for kind in KIND_TEXTS:
            items = snap.findings_of(kind)
            if items and all(f.title.strip() and f.body.strip() and (kind != "problem" or f.cause.strip())
                             for f in items):
                complete += 1
        return state_of(complete, len(KIND_TEXTS)) if complete else StepState.IN_PROGRESS

    def __init__(self, ctx, parent=None):
        from PySide6.QtCore import QCoreApplication

        super().__init__(ctx, parent)
        lay = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        lists = QWidget()
        ll = QVBoxLayout(lists)
        ll.setContentsMargins(0, 0, 0, 0)
        self.models: dict[str, RecordTableModel] = {}
        self.views: dict[str, QListView] = {}
        for kind, text in KIND_TEXTS.items():
            box = QGroupBox(QCoreApplication.translate("findings", text))
            bl = QVBoxLayout(box)
            model = RecordTableModel(ctx, Finding, [Column("title", self.tr("标题"))],
                                     where=lambda f, k=kind: f.kind == k, parent=self)
            view = QListView()
            view.setObjectName(f"findings_{kind}")
            view.setModel(model)
            view.setWordWrap(True)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.selectionModel().currentChanged.connect(lambda cur, _prev, k=kind: self._select(k, cur))
            bl.addWidget(view)
            bl.addWidget(RecordListControls(ctx, view, model,
                                            lambda order, k=kind: Finding(kind=k, title=self.tr("新条目"),
                                                                          sort_order=order)))
            self.models[kind], self.views[kind] = model, view
            ll.addWidget(box)
        split.addWidget(lists)

        editor = QGroupBox(self.tr("内容"))
        form = QFormLayout(editor)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.kind_label = QLabel()
        self.title_edit = CommitLineEdit()
        self.title_edit.setObjectName("finding_title")
        self.body_edit = CommitTextEdit()
        self.body_edit.setObjectName("finding_body")
        self.cause_label = QLabel(self.tr("原因分析"))
        self.cause_edit = CommitTextEdit()
        self.cause_edit.setObjectName("finding_cause")
        form.addRow(self.kind_label)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("正文"), self.body_edit)
        form.addRow(self.cause_label, self.cause_edit)
        self.preview = QLabel()
        self.preview.setObjectName("finding_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(self.preview)
        self.title_edit.committed.connect(lambda t: self._commit("title", t))
        self.body_edit.committed.connect(lambda t: self._commit("body", t))
        self.cause_edit.committed.connect(lambda t: self._commit("cause", t))
        split.addWidget(editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay.addWidget(split)
        self.current: Finding | None = None
        self._show(None)
        first = self.models["practice"]
        if first.rowCount():
            self.views["practice"].setCurrentIndex(first.index(0, 0))

    def _select(self, kind: str, index) -> None:
        if not index.isValid():
            return
        for k, v in self.views.items():
            if k != kind:
                v.selectionModel().clearSelection()
                v.selectionModel().setCurrentIndex(v.model().index(-1, -1), QItemSelectionModel.SelectionFlag.Clear)
        self._show(self.models[kind].record(index.row()))

    def _show(self, f: Finding | None) -> None:
        from PySide6.QtCore import QCoreApplication

        self.current = f
        enabled = f is not None
        for w in (self.title_edit, self.body_edit, self.cause_edit):
            w.setEnabled(enabled)
        if f is None:
            self.preview.setVisible(False)
            self.kind_label.setText(self.tr("在左侧选择一个条目进行编辑。"))
            for w in (self.title_edit, self.body_edit, self.cause_edit):
                w.set_value("")
            return
        self.kind_label.setText(QCoreApplication.translate("findings", KIND_TEXTS.get(f.kind, f.kind)))
        self.title_edit.set_value(f.title)
        self.body_edit.set_value(f.body)
        self.cause_edit.set_value(f.cause)
        is_problem = f.kind == "problem"
        self.cause_label.setVisible(is_problem)
        self.cause_edit.setVisible(is_problem)
        texts = [f.body] + ([f.cause] if is_problem else [])
        if any("{{" in t for t in texts):
            from ...domain.fields import field_values, fill

            values = field_values(self.ctx.snapshot())
            self.preview.setText(self.tr("报告中显示为：") + "\n" + "\n".join(fill(t, values) for t in texts if t))
            self.preview.setVisible(True)
        else:
            self.preview.setVisible(False)

    def _commit(self, field: str, text: str) -> None:
        if self.current is not None and not self.ctx.edit_fields(Finding, self.current.id, **{field: text}):
            self.refresh()  # rejected: show the saved text again

    def refresh(self) -> None:
        if self.current is None:
            return
        try:
            self._show(self.ctx.ef.get(Finding, self.current.id))
        except WcifError:  # deleted (e.g. by undo): nothing to edit
            self._show(None)
