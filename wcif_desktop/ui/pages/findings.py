"""Step 问题与建议: good practices (主要经验及做法), problems (存在问题, with 原因分析) and recommendations
(有关建议) — three lists, and an editor for the selected item's title, body and cause analysis.

A problem links to the indicators, working papers (工作底稿) and evidence (证据) behind it
(:mod:`wcif_desktop.services.finding_links`, table ``finding_link``; working papers citing a linked indicator and
evidence attached to a linked indicator or paper are shown too); a recommendation is ticked against the problems it
answers (``Finding.answers``). The readiness check below the lists names problems without a cause or a
recommendation and recommendations that answer nothing (double-click selects the item). All edits are undoable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import WcifError
from ...domain.model import EvaluationSnapshot, Finding
from ...services import finding_links as links_svc
from ...services.evaluation import get
from ..errors import error_text
from ..models import Column, RecordTableModel
from ..readiness_view import ReadinessView
from .base import CommitLineEdit, CommitTextEdit, RecordListControls, StepPage, StepState
from .steps import findings_state

LINK_KIND_TEXTS = {
    "indicator": QT_TRANSLATE_NOOP("findings", "指标"),
    "working_paper": QT_TRANSLATE_NOOP("findings", "工作底稿"),
    "evidence": QT_TRANSLATE_NOOP("findings", "证据"),
}

KIND_TEXTS = {
    "practice": QT_TRANSLATE_NOOP("findings", "主要经验及做法"),
    "problem": QT_TRANSLATE_NOOP("findings", "存在问题"),
    "recommendation": QT_TRANSLATE_NOOP("findings", "有关建议"),
}


class FindingsPage(StepPage):
    key = "findings"
    title = QT_TRANSLATE_NOOP("steps", "问题与建议")
    tables = ("finding", links_svc.TABLE, "indicator", "working_paper", "evidence", "evidence_link")

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return findings_state(snap, ef)

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
        ready = QGroupBox(self.tr("完整性检查"))
        rl = QVBoxLayout(ready)
        self.readiness = ReadinessView(ctx, kinds=("finding",))
        self.readiness.activated.connect(self.select_finding)
        rl.addWidget(self.readiness)
        ll.addWidget(ready)
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
        # problem → indicators / working papers / evidence
        self.links_box = QGroupBox(self.tr("问题的依据（指标、工作底稿、证据）"))
        lb = QVBoxLayout(self.links_box)
        self.links_list = QListWidget()
        self.links_list.setObjectName("finding_links")
        self.links_list.setMaximumHeight(140)
        lb.addWidget(self.links_list)
        add_row = QHBoxLayout()
        self.link_kind = QComboBox()
        self.link_kind.setObjectName("link_kind")
        for kind, text in LINK_KIND_TEXTS.items():
            self.link_kind.addItem(QCoreApplication.translate("findings", text), kind)
        self.link_target = QComboBox()
        self.link_target.setObjectName("link_target")
        self.link_target.setMinimumContentsLength(16)
        self.link_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_add = QPushButton(self.tr("关联"))
        self.link_add.setObjectName("link_add")
        self.link_remove = QPushButton(self.tr("取消关联"))
        self.link_remove.setObjectName("link_remove")
        self.link_kind.currentIndexChanged.connect(self._fill_targets)
        self.link_add.clicked.connect(lambda: self.add_link())
        self.link_remove.clicked.connect(lambda: self.remove_link())
        self.links_list.currentRowChanged.connect(lambda _r: self._update_link_buttons())
        add_row.addWidget(self.link_kind)
        add_row.addWidget(self.link_target, 1)
        add_row.addWidget(self.link_add)
        add_row.addWidget(self.link_remove)
        lb.addLayout(add_row)
        form.addRow(self.links_box)
        # recommendation → problems it answers
        self.answers_box = QGroupBox(self.tr("该建议针对的问题"))
        ab = QVBoxLayout(self.answers_box)
        self.answers_list = QListWidget()
        self.answers_list.setObjectName("finding_answers")
        self.answers_list.setMaximumHeight(140)
        self.answers_list.itemChanged.connect(self._answers_changed)
        ab.addWidget(self.answers_list)
        form.addRow(self.answers_box)
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
        self.links_box.setVisible(f is not None and f.kind == "problem")
        self.answers_box.setVisible(f is not None and f.kind == "recommendation")
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
        if is_problem:
            self._show_links(f)
        elif f.kind == "recommendation":
            self._show_answers(f)
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
        names = {"title": self.tr("标题"), "body": self.tr("正文"), "cause": self.cause_label.text()}
        if self.current is not None and not self.ctx.edit_fields(
                Finding, self.current.id, undo_text=self.tr("修改“{0}”").format(names.get(field, field)),
                **{field: text}):
            self.refresh()  # rejected: show the saved text again

    # ------------------------------------------------------------------ links
    def _show_links(self, f: Finding) -> None:
        available = links_svc.available(self.ctx.ef)
        self.links_list.clear()
        for info in links_svc.links(self.ctx.ef, f.id):
            text = error_text(info.label) + (self.tr("（经关联指标/底稿）") if info.derived else "")
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, info.link_id)
            if info.derived:
                it.setForeground(self.palette().placeholderText())
            self.links_list.addItem(it)
        if not available:
            self.links_list.addItem(self.tr("该评价文件不支持问题关联（文件版本较旧）。"))
        elif not self.links_list.count():
            self.links_list.addItem(self.tr("尚未关联任何指标、工作底稿或证据。"))
        for w in (self.link_kind, self.link_target, self.link_add):
            w.setEnabled(available)
        self._fill_targets()
        self._update_link_buttons()

    def _fill_targets(self, *_):
        kind = self.link_kind.currentData()
        self.link_target.clear()
        for target_id, label in links_svc.candidates(self.ctx.ef, kind):
            self.link_target.addItem(error_text(label), target_id)
        if not self.link_target.count():
            self.link_target.addItem(self.tr("（没有可关联的{0}）").format(self.link_kind.currentText()), None)
        self._update_link_buttons()

    def _update_link_buttons(self) -> None:
        it = self.links_list.currentItem()
        self.link_remove.setEnabled(bool(it is not None and it.data(Qt.ItemDataRole.UserRole)))
        self.link_add.setEnabled(links_svc.available(self.ctx.ef) and self.link_target.currentData() is not None)

    def add_link(self, kind: str | None = None, target_id: str | None = None) -> bool:
        """Link the current problem to an indicator, working paper or evidence (default: the pickers'). Undoable."""
        if self.current is None or self.current.kind != "problem":
            return False
        kind = kind or self.link_kind.currentData()
        target_id = target_id or self.link_target.currentData()
        if not target_id:
            return False
        try:
            if links_svc.check_link(self.ctx.ef, self.current.id, kind, target_id) is not None:
                return True  # already linked
        except WcifError as e:
            self.ctx._show(e)
            return False
        return self.ctx.add_record(links_svc.FindingLink(finding_id=self.current.id, target_kind=kind,
                                                         target_id=target_id))

    def remove_link(self, link_id: str | None = None) -> bool:
        if link_id is None:
            it = self.links_list.currentItem()
            link_id = it.data(Qt.ItemDataRole.UserRole) if it is not None else None
        if not link_id:
            return False
        return self.ctx.delete_record(links_svc.FindingLink, link_id)

    def _show_answers(self, f: Finding) -> None:
        chosen = set(links_svc.answered_problems(f))
        self.answers_list.blockSignals(True)
        self.answers_list.clear()
        for p in self.ctx.snapshot().findings_of("problem"):
            it = QListWidgetItem(p.title or self.tr("（无标题）"))
            it.setData(Qt.ItemDataRole.UserRole, p.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if p.id in chosen else Qt.CheckState.Unchecked)
            self.answers_list.addItem(it)
        self.answers_list.blockSignals(False)

    def _answers_changed(self, _item) -> None:
        ids = [self.answers_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.answers_list.count())
               if self.answers_list.item(i).checkState() == Qt.CheckState.Checked]
        self.set_answers(ids)

    def set_answers(self, problem_ids) -> bool:
        """Set the problems the current recommendation answers (undoable). Unknown problem ids are refused."""
        if self.current is None or self.current.kind != "recommendation":
            return False
        live = {p.id for p in self.ctx.snapshot().findings_of("problem")}
        bad = [p for p in problem_ids if p not in live]
        if bad:
            self.ctx._show(WcifError(self.tr("建议对应的问题不存在：{0}").format("、".join(bad))))
            return False
        kept = [a for a in links_svc.answered_problems(self.current) if a not in live]  # ids of deleted problems
        ok = self.ctx.edit_fields(Finding, self.current.id, undo_text=self.tr("修改建议对应的问题"),
                                  answers=",".join(list(problem_ids) + kept))
        if not ok:
            self.refresh()
        return ok

    def select_finding(self, finding_id: str) -> bool:
        """Select a finding (e.g. from the readiness list) in its list."""
        for kind, model in self.models.items():
            row = model.row_of(finding_id)
            if row is not None and row >= 0:
                self.views[kind].setCurrentIndex(model.index(row, 0))
                return True
        return False

    def _on_changed(self, changes) -> None:
        super()._on_changed(changes)
        if changes.touches("finding") or changes.touches("narrative"):
            self.readiness.refresh()

    def refresh(self) -> None:
        if self.current is None:
            return
        try:
            self._show(get(self.ctx.ef, Finding, self.current.id))
        except WcifError:  # deleted (e.g. by undo): nothing to edit
            self._show(None)
