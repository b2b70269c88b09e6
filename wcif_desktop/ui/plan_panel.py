"""团队与方案, second half: each member's independence declaration (独立性声明) and the evaluation plan (评价方案).

- :class:`IndependenceEditor`: yes/no, date and note of the selected member's declaration, saved through
  :func:`wcif_desktop.services.plan.declare_independence` (a "no" needs a note; the service refuses it otherwise)
  and undoable; a warning lists members with a missing or "no" declaration (``independence_problems``).
- :class:`PlanPanel`: objectives, object and scope, basis documents (title, issuer, number), the six methods of
  财预〔2020〕10号, the standards (计划/行业/历史/其他), the schedule of phases (name, dates, owner), and a preview
  of the report section 二 sentences (``work_process_sentences_for``).
- :func:`install` puts both into the 团队与方案 page (an independence column in the team table, the editor below
  it, and the plan as a second tab).

Every edit goes through the services and the context's undo stack; a :class:`WcifError` is shown as a message and
the saved value is shown again.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import Message, ValidationError
from ..domain.model import ROLES
from ..domain.review import METHODS, STANDARDS, IndependenceDeclaration, PlanBasis, PlanPhase, ids
from ..services import edits
from ..services import plan as psvc
from .context import EvaluationContext
from .errors import error_text
from .models import Column, RecordTableModel
from .pages.base import CommitTextEdit, RecordListControls

# The six methods of 财预〔2020〕10号 and the four standards, marked for translation (context "PlanPanel").
METHOD_TEXTS = {
    "成本效益分析法": QT_TRANSLATE_NOOP("PlanPanel", "成本效益分析法"),
    "比较法": QT_TRANSLATE_NOOP("PlanPanel", "比较法"),
    "因素分析法": QT_TRANSLATE_NOOP("PlanPanel", "因素分析法"),
    "最低成本法": QT_TRANSLATE_NOOP("PlanPanel", "最低成本法"),
    "公众评判法": QT_TRANSLATE_NOOP("PlanPanel", "公众评判法"),
    "标杆管理法": QT_TRANSLATE_NOOP("PlanPanel", "标杆管理法"),
}
STANDARD_TEXTS = {
    "plan": QT_TRANSLATE_NOOP("PlanPanel", "计划标准"),
    "industry": QT_TRANSLATE_NOOP("PlanPanel", "行业标准"),
    "history": QT_TRANSLATE_NOOP("PlanPanel", "历史标准"),
    "other": QT_TRANSLATE_NOOP("PlanPanel", "其他标准"),
}

PLAN_TABLES = ("evaluation_plan", "plan_basis", "plan_phase", "team_member", "document_request", "interview",
               "independence_declaration")


def apply_add(ctx: EvaluationContext, text: str, cls, create: Callable[[], tuple]) -> object | None:
    """Add a record with a service function ``create() -> (record, Changes)`` as one undoable edit.

    Undo deletes it (tombstone); redo restores the same id. Returns the record, or ``None`` when refused.
    """
    edit = {}

    def make():
        edit["e"] = edits.add_created(ctx.ef, cls, create)
        return edit["e"]

    return edit["e"].result.get("record") if ctx.apply_edit(make, text) else None


def _nonempty(error: Callable[[], ValidationError]) -> Callable[[str], str]:
    """A cell parser refusing empty text with ``error()`` (a core message template, translated when shown)."""
    def parse(text: str) -> str:
        text = "" if text is None else str(text).strip()
        if not text:
            raise error()
        return text
    return parse


def _problem_text(problem: str) -> str:
    """An independence problem (:func:`~wcif_desktop.services.plan.independence_problems`) in the UI's language,
    the member's role included."""
    params = getattr(problem, "params", None)
    if isinstance(problem, Message) and params and "role" in params:
        problem = Message(problem.template, **dict(params, role=QCoreApplication.translate("roles", params["role"])))
    return error_text(problem)


# ---------------------------------------------------------------------------------------------- independence
def declaration_text(d: IndependenceDeclaration | None) -> str:
    """The team table's cell: 未声明 / 独立（2022-04-01） / 不独立：note."""
    if d is None:
        return QCoreApplication.translate("IndependenceEditor", "未声明")
    if d.independent:
        return QCoreApplication.translate("IndependenceEditor", "独立（{0}）").format(d.declared_on)
    return QCoreApplication.translate("IndependenceEditor", "不独立（{0}）：{1}").format(d.declared_on, d.note)


class _BuiltWhenShown:
    """Mixin of a widget whose contents :meth:`_build` makes when the widget is first shown or first used (an
    attribute it sets is asked for): the 团队与方案 page's second and third tabs, which the first screen does not
    show (start-up time, issue 21). The class's ``__init__`` sets ``self._built = False``."""

    def __getattr__(self, name: str):
        # a widget of the panel asked for before it was shown: build the panel now
        if name.startswith("_") or self.__dict__.get("_built", True):
            raise AttributeError(name)
        self.build()
        return getattr(self, name)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt API
        if visible:  # built before Qt shows the children (a tab switching to it shows the widget this way)
            self.build()
        super().setVisible(visible)

    def build(self) -> None:
        """Build the contents and show the data (once; later calls do nothing)."""
        if self._built:
            return
        self._built = True
        self._build()

    def _build(self) -> None:
        raise NotImplementedError


class IndependenceEditor(_BuiltWhenShown, QGroupBox):
    """Declaration of one member (chosen in the combo or by selecting the team table's row) and the warnings."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("独立性声明"))
        self.ctx = ctx
        self._built = False
        QVBoxLayout(self)

    def _build(self) -> None:
        ctx = self.ctx
        lay = self.layout()
        row = QHBoxLayout()
        self.member = QComboBox()
        self.member.setObjectName("independence_member")
        self.member.setMinimumWidth(150)
        self.yes = QRadioButton(self.tr("独立"))
        self.no = QRadioButton(self.tr("不独立"))
        self.answer = QButtonGroup(self)
        self.answer.addButton(self.yes)
        self.answer.addButton(self.no)
        self.date = QDateEdit()
        self.date.setObjectName("independence_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setObjectName("independence_note")
        self.note.setPlaceholderText(self.tr("说明（声明“不独立”时必填：与委托方或被评价单位的关系）"))
        self.save_btn = QPushButton(self.tr("保存声明"))
        self.save_btn.setObjectName("independence_save")
        row.addWidget(QLabel(self.tr("成员")))
        row.addWidget(self.member)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addWidget(QLabel(self.tr("声明日期")))
        row.addWidget(self.date)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_btn)
        lay.addLayout(row)
        self.warning = QLabel()
        self.warning.setObjectName("independence_warning")
        self.warning.setWordWrap(True)
        lay.addWidget(self.warning)

        self.member.currentIndexChanged.connect(lambda _i: self._show_member())
        self.save_btn.clicked.connect(self.save)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if changes.touches("independence_declaration") or changes.touches("team_member"):
            self.reload()

    def reload(self) -> None:
        keep = self.member.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        for m in psvc.team(self.ctx.ef):
            self.member.addItem(self.tr("{0}（{1}）").format(
                m.name, QCoreApplication.translate("roles", ROLES.get(m.role, m.role))), m.id)
        i = self.member.findData(keep)
        self.member.setCurrentIndex(i if i >= 0 else (0 if self.member.count() else -1))
        self.member.blockSignals(False)
        self._show_member()
        problems = psvc.independence_problems(self.ctx.ef)
        if not self.member.count():  # nobody to declare anything: not "all declared"
            self.warning.setText(self.tr("尚未添加评价小组成员：添加成员后，每位成员须填写独立性声明。"))
            self.warning.setStyleSheet("color: #b00020;")
        elif problems:
            self.warning.setText(self.tr("独立性待处理：") + "；".join(_problem_text(p) for p in problems))
            self.warning.setStyleSheet("color: #b00020;")
        else:
            self.warning.setText(self.tr("全部成员均已声明具备独立性。"))
            self.warning.setStyleSheet("")

    def select_member(self, member_id: str) -> None:
        i = self.member.findData(member_id)
        if i >= 0:
            self.member.setCurrentIndex(i)

    def _show_member(self) -> None:
        mid = self.member.currentData()
        d = psvc.independence(self.ctx.ef).get(mid) if mid else None
        for w in (self.yes, self.no, self.date, self.note, self.save_btn):
            w.setEnabled(mid is not None)
        (self.yes if d is None or d.independent else self.no).setChecked(True)
        day = QDate.fromString(d.declared_on, "yyyy-MM-dd") if d and d.declared_on else QDate.currentDate()
        self.date.setDate(day if day.isValid() else QDate.currentDate())
        self.note.setText(d.note if d else "")

    def save(self) -> bool:
        """Save the declaration shown for the member shown; refused (with a message) e.g. for "no" without note."""
        mid = self.member.currentData()
        if mid is None:
            return False
        return self.declare(mid, self.yes.isChecked(), self.date.date().toString("yyyy-MM-dd"), self.note.text())

    def declare(self, member_id: str, independent: bool, declared_on: str, note: str) -> bool:
        ef = self.ctx.ef
        ok = self.ctx.apply_edit(lambda: edits.declare_independence(ef, member_id, independent, declared_on, note))
        if not ok:
            self._show_member()  # refused: show the saved declaration again
        return ok


def add_independence_column(page) -> None:
    """An independence column in the team table of the 团队与方案 page (read-only; edited in the editor)."""
    model: RecordTableModel = page.team_model
    ef = page.ctx.ef
    model.columns.append(Column("id", QCoreApplication.translate("TeamPage", "独立性声明"), editable=False,
                                display=lambda mid: declaration_text(psvc.independence(ef).get(mid))))
    model.beginResetModel()
    model.endResetModel()
    page.ctx.changed.connect(lambda c: c.touches("independence_declaration") and model.reload())


# ---------------------------------------------------------------------------------------------- plan tables
class PhaseModel(RecordTableModel):
    """The schedule (plan_phase); edits go through :func:`wcif_desktop.services.plan.update_phase` (date checks,
    end not before start, owners must be members)."""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        rec: PlanPhase = self._rows[index.row()]
        col = self.columns[index.column()]
        try:
            new = col.parse(value) if col.parse else ("" if value is None else str(value).strip())
        except ValidationError as e:
            self.ctx._show(e)
            return False
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.update_phase(ef, rec.id, **{col.field: new}))


class OwnerDelegate(QStyledItemDelegate):
    """Chooses a phase's owner among the team (or none)."""

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItem(self.tr("（未指定）"), "[]")
        for m in psvc.team(self.ctx.ef):
            box.addItem(m.name, json.dumps([m.id]))
        return box

    def setEditorData(self, editor, index):
        cur = ids(index.data(Qt.ItemDataRole.EditRole) or "[]")
        i = editor.findData(json.dumps(cur[:1])) if cur else 0
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData())


def _date_parse(error: Callable[[str], ValidationError]) -> Callable[[str], str]:
    """A cell parser for an ISO date (or nothing), refusing other text with ``error(text)``."""
    def parse(text: str) -> str:
        text = "" if text is None else str(text).strip()
        if not text:
            return ""
        try:
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise error(text) from None
    return parse


class PlanControls(RecordListControls):
    """Add through a service function (``create(ef) -> (record, Changes)``) instead of a bare insert."""

    def __init__(self, ctx, view, model, create, *, add_text: str):
        super().__init__(ctx, view, model, lambda order: None, add_text=add_text)
        self.create = create

    def add(self) -> None:
        rec = apply_add(self.ctx, self.add_btn.text(), self.model.cls, lambda: self.create(self.ctx.ef))
        if rec is not None:
            self.select(self.model.row_of(rec.id))
            self.edit_new(self.model.row_of(rec.id))


def _table(model, widths) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    for col, w in enumerate(widths):
        view.setColumnWidth(col, w)
    return view


# ---------------------------------------------------------------------------------------------- plan panel
class PlanPanel(_BuiltWhenShown, QWidget):
    """The evaluation plan editor with the report section 二 preview.

    Its widgets are built when the panel is first shown or first used (:meth:`build`): it sits on the 团队与方案
    page's third tab, which the first screen does not show (start-up time, issue 21)."""

    TEXTS = ("objectives", "evaluation_object", "scope")

    def __init__(self, ctx: EvaluationContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._built = False
        QHBoxLayout(self)

    def _build(self) -> None:
        ctx = self.ctx
        outer = self.layout()

        # left column: texts, methods, standards
        left = QVBoxLayout()
        texts = QGroupBox(self.tr("评价目的、对象与范围"))
        form = QFormLayout(texts)
        labels = {"objectives": self.tr("评价目的"), "evaluation_object": self.tr("评价对象"),
                  "scope": self.tr("评价范围")}
        self.texts: dict[str, CommitTextEdit] = {}
        for name in self.TEXTS:
            edit = CommitTextEdit()
            edit.setObjectName(f"plan_{name}")
            edit.setMinimumHeight(48)
            edit.committed.connect(lambda text, n=name: self.set_fields(**{n: text}))
            self.texts[name] = edit
            form.addRow(labels[name], edit)
        left.addWidget(texts, 3)

        methods = QGroupBox(self.tr("评价方法（财预〔2020〕10号）"))
        grid = QGridLayout(methods)
        self.methods: dict[str, QCheckBox] = {}
        for i, m in enumerate(METHODS):
            box = QCheckBox(self.tr(METHOD_TEXTS.get(m, m)))
            box.setObjectName(f"method_{i}")
            box.toggled.connect(lambda _on: self._commit_methods())
            self.methods[m] = box
            grid.addWidget(box, i // 3, i % 3)
        left.addWidget(methods)

        standards = QGroupBox(self.tr("评价标准"))
        sl = QHBoxLayout(standards)
        self.standards: dict[str, QCheckBox] = {}
        for key, label in STANDARDS.items():
            box = QCheckBox(self.tr(STANDARD_TEXTS.get(key, label)))
            box.setObjectName(f"standard_{key}")
            box.toggled.connect(lambda _on: self._commit_standards())
            self.standards[key] = box
            sl.addWidget(box)
        sl.addStretch(1)
        left.addWidget(standards)
        outer.addLayout(left, 2)

        # right column: basis documents, schedule, preview
        right = QVBoxLayout()
        basis = QGroupBox(self.tr("评价依据"))
        bl = QVBoxLayout(basis)
        self.basis_model = RecordTableModel(ctx, PlanBasis, [
            Column("title", self.tr("文件名称"), parse=_nonempty(
                lambda: ValidationError(QT_TRANSLATE_NOOP("core", "评价依据的文件名称不能为空")))),
            Column("issuer", self.tr("发文机关")),
            Column("number", self.tr("文号")),
        ], parent=self)
        self.basis_view = _table(self.basis_model, (260, 170))
        self.basis_view.setObjectName("plan_basis")
        bl.addWidget(self.basis_view)
        self.basis_controls = PlanControls(ctx, self.basis_view, self.basis_model,
                                           lambda ef: psvc.add_basis(ef, self.tr("新文件")),
                                           add_text=self.tr("添加依据"))
        bl.addWidget(self.basis_controls)
        right.addWidget(basis, 3)

        sched = QGroupBox(self.tr("工作安排（阶段、时间、负责人）"))
        pl = QVBoxLayout(sched)
        ef = ctx.ef
        self.phase_model = PhaseModel(ctx, PlanPhase, [
            Column("name", self.tr("阶段"), parse=_nonempty(
                lambda: ValidationError(QT_TRANSLATE_NOOP("core", "阶段名称不能为空")))),
            Column("start_date", self.tr("开始日期"), parse=_date_parse(lambda text: ValidationError(
                QT_TRANSLATE_NOOP("core", "开始日期应写成 年-月-日（如 2022-04-01），输入为“{text}”"), text=text))),
            Column("end_date", self.tr("结束日期"), parse=_date_parse(lambda text: ValidationError(
                QT_TRANSLATE_NOOP("core", "结束日期应写成 年-月-日（如 2022-04-01），输入为“{text}”"), text=text))),
            Column("owner_ids", self.tr("负责人"), display=lambda v: "、".join(
                m.name for i in ids(v) for m in psvc.team(ef) if m.id == i)),
            Column("description", self.tr("工作内容")),
        ], parent=self)
        self.phase_view = _table(self.phase_model, (110, 95, 95, 90))
        self.phase_view.setObjectName("plan_phases")
        self.phase_view.setItemDelegateForColumn(3, OwnerDelegate(ctx, self.phase_view))
        pl.addWidget(self.phase_view)
        self.phase_controls = PlanControls(ctx, self.phase_view, self.phase_model,
                                           lambda ef_: psvc.add_phase(ef_, self.tr("新阶段")),
                                           add_text=self.tr("添加阶段"))
        pl.addWidget(self.phase_controls)
        right.addWidget(sched, 3)

        prev = QGroupBox(self.tr("报告第二部分预览（评价依据与工作过程）"))
        vl = QVBoxLayout(prev)
        self.preview = QLabel()
        self.preview.setObjectName("plan_preview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.preview)
        vl.addWidget(scroll)
        right.addWidget(prev, 2)
        outer.addLayout(right, 3)

        # what the main window gives every table of a page when it builds it (the page was built before this panel)
        from .desktop import install_copy
        from .mainwindow import compact_tables

        compact_tables(self)
        install_copy(self)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # ------------------------------------------------------------------ edits
    def set_fields(self, **fields) -> bool:
        """Set plan fields (texts, methods list, standards list) as one undoable edit."""
        ef = self.ctx.ef
        ok = self.ctx.apply_edit(lambda: edits.set_plan(ef, **fields))
        if not ok:
            self.refresh()
        return ok

    def _commit_methods(self) -> None:
        self.set_fields(methods=[m for m, b in self.methods.items() if b.isChecked()])

    def _commit_standards(self) -> None:
        self.set_fields(standards=[k for k, b in self.standards.items() if b.isChecked()])

    # ------------------------------------------------------------------ showing
    def _on_changed(self, changes) -> None:
        if changes.touches("evaluation_plan"):
            self.refresh()
        elif any(changes.touches(t) for t in PLAN_TABLES):  # keep text being typed; only the preview changes
            self.preview.setText("\n".join(self.preview_lines()))

    def preview_lines(self) -> list[str]:
        """评价依据 (as the report prints them) followed by the work-process sentences of section 二."""
        lines = []
        docs = []
        for b in psvc.basis(self.ctx.ef):
            ref = " ".join(x for x in (b.issuer, b.number) if x)
            title = b.title if b.title.startswith("《") else f"《{b.title}》"
            docs.append(title + (f"（{ref}）" if ref else ""))
        if docs:
            lines.append(self.tr("评价依据：") + "；".join(docs) + "。")
        lines.extend(psvc.work_process_sentences_for(self.ctx.ef))
        return lines

    def refresh(self) -> None:
        pl = psvc.plan(self.ctx.ef)
        for name, edit in self.texts.items():
            edit.set_value(getattr(pl, name) or "")
        chosen_m, chosen_s = set(json.loads(pl.methods or "[]")), set(json.loads(pl.standards or "[]"))
        for m, box in self.methods.items():
            box.blockSignals(True)
            box.setChecked(m in chosen_m)
            box.blockSignals(False)
        for k, box in self.standards.items():
            box.blockSignals(True)
            box.setChecked(k in chosen_s)
            box.blockSignals(False)
        self.preview.setText("\n".join(self.preview_lines()))


# ---------------------------------------------------------------------------------------------- hook
def install(page) -> PlanPanel:
    """Into the 团队与方案 page: the independence column and editor under the team table, and the plan as a tab
    next to the facts and team. Returns the plan panel (also ``page.plan_panel``)."""
    add_independence_column(page)
    editor = IndependenceEditor(page.ctx)
    team_box = page.team_view.parentWidget()
    team_box.layout().addWidget(editor)
    page.team_view.selectionModel().currentRowChanged.connect(  # the member selected in the table
        lambda idx, _prev: idx.isValid() and editor.select_member(page.team_model.record(idx.row()).id))
    page.independence_editor = editor

    lay = page.layout()
    first = QWidget()  # the facts, with room to spare below them
    fl = QVBoxLayout(first)
    fl.setContentsMargins(0, 0, 0, 0)
    while lay.count():
        item = lay.takeAt(0)
        w = item.widget()
        if w is not None and w is not team_box:
            fl.addWidget(w, 0)
    fl.addStretch(1)
    panel = PlanPanel(page.ctx)
    tabs = QTabWidget()  # three tabs rather than stacked boxes: the team table gets the page's height (1366×768)
    tabs.setObjectName("team_tabs")
    tabs.addTab(first, QCoreApplication.translate("TeamPage", "基本信息"))
    team_box.setTitle("")  # the tab names it; the frame's title row goes to the table
    team_box.setFlat(True)
    tabs.addTab(team_box, QCoreApplication.translate("TeamPage", "评价小组与独立性"))
    tabs.addTab(panel, QCoreApplication.translate("TeamPage", "评价方案"))
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(tabs)
    page.team_tabs, page.plan_panel = tabs, panel
    return panel


__all__ = ["IndependenceEditor", "PhaseModel", "PlanPanel", "apply_add", "declaration_text", "install"]
