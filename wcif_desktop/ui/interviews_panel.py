"""现场资料核查: interview records (访谈记录) — who (name, role, unit), when, where, interviewers (team members),
summary and linked indicators.

- :class:`InterviewTableModel`: the records as a read-only table, testable without a view.
- :class:`InterviewForm`: the fields of one record; :class:`InterviewsPanel` the table with the form beside it and
  新增 / 保存 / 删除. Adding goes through :func:`wcif_desktop.services.review.add_interview` (which checks the
  interviewee, the date, at least one interviewer who is a member, and that linked indicators exist); editing
  applies the same checks here and saves through the service layer; every edit is undoable.
- :func:`install` adds the panel as a tab (访谈记录) of the review tabs of the 现场资料核查 page.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.review import Interview, dump_ids, ids
from ..services import edits
from ..services import evaluation as svc
from ..services import plan as psvc
from ..services import review as rsvc
from .context import EvaluationContext
from .plan_panel import apply_add

INTERVIEW_TABLES = ("interview", "team_member", "indicator")


class InterviewTableModel(QAbstractTableModel):
    """Interview records in date order: 被访谈人, 职务, 单位, 时间, 地点, 访谈人, 摘要, 关联指标."""

    FIELDS = ("interviewee", "interviewee_role", "interviewee_unit", "held_at", "place", "interviewer_ids",
              "summary", "indicator_ids")

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[Interview] = []
        self.reload()
        ctx.changed.connect(self._on_changed)

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("InterviewTableModel", "被访谈人"),
                QCoreApplication.translate("InterviewTableModel", "职务"),
                QCoreApplication.translate("InterviewTableModel", "单位"),
                QCoreApplication.translate("InterviewTableModel", "时间"),
                QCoreApplication.translate("InterviewTableModel", "地点"),
                QCoreApplication.translate("InterviewTableModel", "访谈人"),
                QCoreApplication.translate("InterviewTableModel", "摘要"),
                QCoreApplication.translate("InterviewTableModel", "关联指标")]

    def _on_changed(self, changes) -> None:
        if changes.touches("interview") or changes.touches("team_member"):
            self.reload()
        elif changes.touches("indicator") and self._indicator_texts() != self._indicators:
            self.reload()  # (a score edit leaves the linked indicators' codes and names as they were)

    def _indicator_texts(self) -> dict[str, str]:
        """关联指标 per interview: "code name" of its linked live indicators, from the shared snapshot."""
        by_id = {i.id: i for i in self.ctx.snapshot().indicators}
        return {r.id: "、".join(f"{by_id[i].code} {by_id[i].name}" for i in ids(r.indicator_ids) if i in by_id)
                for r in self._rows}

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = rsvc.interviews(self.ctx.ef)
        names = {m.id: m.name for m in psvc.team(self.ctx.ef)}
        self._interviewers = {r.id: "、".join(names.get(i, "?") for i in ids(r.interviewer_ids)) for r in self._rows}
        self._indicators = self._indicator_texts()
        self.endResetModel()

    def record(self, row: int) -> Interview:
        return self._rows[row]

    def records(self) -> list[Interview]:
        return list(self._rows)

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        rec, field = self._rows[index.row()], self.FIELDS[index.column()]
        if field == "interviewer_ids":
            text = self._interviewers.get(rec.id, "")
        elif field == "indicator_ids":
            text = self._indicators.get(rec.id, "")
        else:
            text = str(getattr(rec, field) or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 12 else None
        return text


def _fill_check_list(w: QListWidget, items) -> None:
    """Replace the items of ``w`` by unchecked, checkable ``(text, data)`` items."""
    w.clear()
    for text, data in items:
        it = QListWidgetItem(text)
        it.setData(Qt.ItemDataRole.UserRole, data)
        it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        it.setCheckState(Qt.CheckState.Unchecked)
        w.addItem(it)


def _check_list(items=()) -> QListWidget:
    w = QListWidget()
    _fill_check_list(w, items)
    return w


def _checked(w: QListWidget) -> list[str]:
    return [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
            if w.item(i).checkState() == Qt.CheckState.Checked]


def _set_checked(w: QListWidget, values) -> None:
    values = set(values)
    for i in range(w.count()):
        it = w.item(i)
        it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in values
                         else Qt.CheckState.Unchecked)


class InterviewForm(QWidget):
    """The fields of one interview record."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._choices: dict[str, list] = {}  # the (text, id) items each check list was last filled with
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.interviewee = QLineEdit()
        self.interviewee.setObjectName("interview_interviewee")
        self.interviewee.setPlaceholderText(self.tr("姓名或职务，如 基金科科长"))
        self.role = QLineEdit()
        self.role.setObjectName("interview_role")
        self.unit = QLineEdit()
        self.unit.setObjectName("interview_unit")
        self.date = QDateEdit()
        self.date.setObjectName("interview_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.place = QLineEdit()
        self.place.setObjectName("interview_place")
        self.interviewers = _check_list()
        self.interviewers.setObjectName("interview_interviewers")
        self.indicators = _check_list()
        self.indicators.setObjectName("interview_indicators")
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("interview_summary")
        self.interviewers.setMinimumHeight(64)
        self.indicators.setMinimumHeight(64)
        self.summary.setMinimumHeight(60)
        grid.addWidget(QLabel(self.tr("被访谈人")), 0, 0)
        grid.addWidget(self.interviewee, 0, 1)
        grid.addWidget(QLabel(self.tr("职务")), 0, 2)
        grid.addWidget(self.role, 0, 3)
        grid.addWidget(QLabel(self.tr("单位")), 1, 0)
        grid.addWidget(self.unit, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("访谈日期")), 2, 0)
        grid.addWidget(self.date, 2, 1)
        grid.addWidget(QLabel(self.tr("地点")), 2, 2)
        grid.addWidget(self.place, 2, 3)
        grid.addWidget(QLabel(self.tr("访谈人")), 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.interviewers, 3, 1)
        grid.addWidget(QLabel(self.tr("关联指标")), 3, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.indicators, 3, 3)
        grid.addWidget(QLabel(self.tr("访谈摘要")), 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.summary, 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(4, 1)
        self.reload_choices()

    def reload_choices(self) -> None:
        keep_p, keep_i = _checked(self.interviewers), _checked(self.indicators)
        for w, items in ((self.interviewers, [(m.name, m.id) for m in psvc.team(self.ctx.ef)]),
                         (self.indicators, [(f"{i.code} {i.name}", i.id) for i in sorted(
                             self.ctx.snapshot().indicators, key=lambda i: (i.level, i.sort_order)) if i.level == 3])):
            if items == self._choices.get(w.objectName()) and w.count() == len(items):
                continue  # the same choices (e.g. after a score edit): the list and its ticks stay as they are
            _fill_check_list(w, items)
            self._choices[w.objectName()] = items
            _set_checked(w, keep_p if w is self.interviewers else keep_i)

    def values(self) -> dict:
        """The form as keyword arguments of ``add_interview`` / :func:`update_interview`."""
        return {"interviewee": self.interviewee.text().strip(), "interviewee_role": self.role.text().strip(),
                "interviewee_unit": self.unit.text().strip(), "held_at": self.date.date().toString("yyyy-MM-dd"),
                "place": self.place.text().strip(), "interviewer_ids": _checked(self.interviewers),
                "summary": self.summary.toPlainText(), "indicator_ids": _checked(self.indicators)}

    def show_record(self, rec: Interview | None) -> None:
        self.interviewee.setText(rec.interviewee if rec else "")
        self.role.setText(rec.interviewee_role if rec else "")
        self.unit.setText(rec.interviewee_unit if rec else "")
        day = QDate.fromString(rec.held_at[:10], "yyyy-MM-dd") if rec and rec.held_at else QDate.currentDate()
        self.date.setDate(day if day.isValid() else QDate.currentDate())
        self.place.setText(rec.place if rec else "")
        _set_checked(self.interviewers, ids(rec.interviewer_ids) if rec else [])
        _set_checked(self.indicators, ids(rec.indicator_ids) if rec else [])
        self.summary.setPlainText(rec.summary if rec else "")


class InterviewsPanel(QWidget):
    """Interview records: table on the left, the selected (or a new) record's form on the right."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = InterviewTableModel(ctx, self)
        self.view = QTableView()
        self.view.setObjectName("interview_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, w in enumerate((90, 60, 100, 80, 80, 80, 140)):
            self.view.setColumnWidth(col, w)
        split.addWidget(self.view)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.form = InterviewForm(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        rl.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("新建"))
        self.new_btn.setObjectName("interview_new")
        self.save_btn = QPushButton(self.tr("保存访谈记录"))
        self.save_btn.setObjectName("interview_save")
        self.delete_btn = QPushButton(self.tr("删除"))
        self.delete_btn.setObjectName("interview_delete")
        for b in (self.new_btn, self.save_btn, self.delete_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay.addWidget(split)

        self._editing: str | None = None  # id of the record in the form, None = a new record
        self.new_btn.clicked.connect(self.new)
        self.save_btn.clicked.connect(self.save)
        self.delete_btn.clicked.connect(self.remove)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur.row()))
        self.model.modelReset.connect(self._after_reset)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    def _on_changed(self, changes) -> None:
        if changes.touches("team_member") or changes.touches("indicator"):
            self.form.reload_choices()

    def _after_reset(self) -> None:
        row = self.model.row_of(self._editing) if self._editing else -1
        if row >= 0:
            self.view.selectRow(row)
        elif self._editing is not None:  # the record shown was deleted (or undone)
            self.new()
        self._update_buttons()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            rec = self.model.record(row)
            if rec.id != self._editing:
                self._editing = rec.id
                self.form.show_record(rec)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_btn.setEnabled(self._editing is not None)
        self.save_btn.setText(self.tr("保存访谈记录") if self._editing else self.tr("添加访谈记录"))

    def new(self) -> None:
        """Clear the form for a new record (saved by :meth:`save`)."""
        self._editing = None
        self.view.clearSelection()
        self.form.show_record(None)
        self._update_buttons()

    def save(self) -> Interview | None:
        """Add the form as a new record, or save it over the record being edited. ``None`` when refused."""
        values = self.form.values()
        ef = self.ctx.ef
        if self._editing is None:
            rec = apply_add(self.ctx, self.tr("添加访谈记录"), Interview,
                            lambda: rsvc.add_interview(ef, values.pop("interviewee"), **values))
            if rec is not None:
                self._editing = rec.id
                self._after_reset()
            return rec
        rid = self._editing
        cur: Interview = svc.get(ef, Interview, rid)
        new = dict(values, interviewer_ids=dump_ids(values["interviewer_ids"]),
                   indicator_ids=dump_ids(values["indicator_ids"]))
        changed = {k: v for k, v in new.items() if getattr(cur, k) != v}
        if not changed:
            return cur
        if not self.ctx.apply_edit(lambda: edits.update_interview(ef, rid, **changed)):
            return None
        return svc.get(ef, Interview, rid)

    def remove(self) -> bool:
        if self._editing is None:
            return False
        rid = self._editing
        ok = self.ctx.delete_record(Interview, rid)
        if ok:
            self.new()
        return ok


def install(tabs, ctx: EvaluationContext) -> InterviewsPanel:
    """Add the interviews panel as the tab 访谈记录 of the review tabs (``tabs.interviews``)."""
    panel = InterviewsPanel(ctx)
    tabs.addTab(panel, QCoreApplication.translate("InterviewsPanel", "访谈记录"))
    tabs.interviews = panel
    return panel
