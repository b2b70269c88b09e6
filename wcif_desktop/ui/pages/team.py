"""Step 团队与方案: the evaluation facts (评价基本信息) and the evaluation team (评价小组)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from ...domain.errors import ValidationError
from ...domain.model import ROLES, Evaluation, EvaluationSnapshot, TeamMember
from ..models import Column, RecordTableModel
from .base import CommitLineEdit, RecordListControls, StepPage, StepState
from .steps import FACT_FIELDS, team_state

# Role labels of the domain's ROLES, marked for translation (context "roles").
ROLE_TEXTS = {
    "lead": QT_TRANSLATE_NOOP("roles", "组长"),
    "member": QT_TRANSLATE_NOOP("roles", "成员"),
    "expert": QT_TRANSLATE_NOOP("roles", "专家"),
    "reviewer": QT_TRANSLATE_NOOP("roles", "复核人"),
}

# the form: the facts above and the project name every deliverable's title uses (“2021 年{项目名称}绩效评价报告”);
# it has a default, so it does not count towards the step's progress
FORM_FIELDS = ("title", "project_name") + FACT_FIELDS[1:]


def parse_year(text: str) -> int:
    text = (text or "").strip()
    if not text:
        return 0
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise ValidationError(f"评价年度应为四位年份（如 2021），输入为“{text}”")
    return int(text)


def parse_date(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValidationError(f"报告日期应写成 年-月-日（如 2022-06-30），输入为“{text}”") from None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a key column with a combo box of (key, label) choices."""

    def __init__(self, choices: dict[str, str], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        for key, label in self.choices.items():
            box.addItem(label, key)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))  # the stored key, not the label shown
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData())


class TeamPage(StepPage):
    key = "team"
    title = QT_TRANSLATE_NOOP("steps", "团队与方案")
    tables = ("evaluation", "team_member")

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return team_state(snap, ef)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        # the file's description (Evaluation.illustrative_note, e.g. the sample's "示例值…仅供演示"): shown here,
        # never printed in a report
        self.description = QLabel()
        self.description.setObjectName("evaluation_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("QLabel { background: #fff8dc; border: 1px solid #e0c060; padding: 6px; }")
        lay.addWidget(self.description)
        facts = QGroupBox(self.tr("评价基本信息"))
        form = QFormLayout(facts)
        labels = {
            "title": self.tr("评价项目名称"), "project_name": self.tr("报告中的项目名称"), "region": self.tr("地区"), "fiscal_year": self.tr("评价年度"),
            "commissioner": self.tr("委托单位"), "evaluated_unit": self.tr("被评价单位"),
            "agency": self.tr("评价机构"), "report_date": self.tr("报告日期"),
        }
        self.labels = labels
        self.fields: dict[str, CommitLineEdit] = {}
        for name in FORM_FIELDS:
            edit = CommitLineEdit()
            edit.setObjectName(f"fact_{name}")
            edit.committed.connect(lambda text, n=name: self._commit_fact(n, text))
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.fields["report_date"].setPlaceholderText("2022-06-30")
        self.fields["project_name"].setToolTip(self.tr("用于报告、工作方案、资料清单等各文档的标题，例如"
                                                       "“2021 年工伤保险基金项目绩效评价报告”"))
        lay.addWidget(facts)

        team = QGroupBox(self.tr("评价小组"))
        tl = QVBoxLayout(team)
        role_labels = {k: QCoreApplication.translate("roles", ROLE_TEXTS.get(k, v)) for k, v in ROLES.items()}
        self.team_model = RecordTableModel(ctx, TeamMember, [
            Column("name", self.tr("姓名")),
            Column("role", self.tr("角色"), display=lambda k: role_labels.get(k, k)),
            Column("qualification", self.tr("资格/职称")),
            Column("organisation", self.tr("所在单位")),
            Column("contact", self.tr("联系方式")),
        ], parent=self)
        self.team_view = QTableView()
        self.team_view.setObjectName("team_table")
        self.team_view.setModel(self.team_model)
        self.team_view.setItemDelegateForColumn(1, ChoiceDelegate(role_labels, self.team_view))
        self.team_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.team_view.horizontalHeader().setStretchLastSection(True)
        self.team_view.verticalHeader().setVisible(False)
        for col, w in enumerate((110, 80, 140, 280)):
            self.team_view.setColumnWidth(col, w)
        tl.addWidget(self.team_view)
        tl.addWidget(RecordListControls(ctx, self.team_view, self.team_model,
                                        lambda order: TeamMember(name=self.tr("新成员"), sort_order=order),
                                        add_text=self.tr("添加成员")))
        lay.addWidget(team, 1)
        from ..plan_panel import install as install_plan  # independence declarations and the plan (issue 4)

        install_plan(self)
        self.refresh()

    def _commit_fact(self, name: str, text: str) -> None:
        ev = self.ctx.evaluation()
        try:
            value = parse_year(text) if name == "fiscal_year" else parse_date(text) if name == "report_date" \
                else text.strip()
        except ValidationError as e:
            self.ctx._show(e)
            self.refresh()
            return
        if name == "project_name":
            from ...services.facts import check_fact

            try:
                value = check_fact(name, value)
            except ValidationError as e:
                self.ctx._show(e)
                self.refresh()
                return
        if not self.ctx.edit_fields(Evaluation, ev.id, undo_text=self.tr("修改“{0}”").format(self.labels[name]),
                                    **{name: value}):
            self.refresh()

    def refresh(self) -> None:
        ev: Evaluation = self.ctx.evaluation()
        note = (ev.illustrative_note or "").strip()
        self.description.setText(self.tr("说明：") + note if note else "")
        self.description.setVisible(bool(note))
        for name, edit in self.fields.items():
            value = getattr(ev, name)
            edit.set_value("" if value in (None, 0) else str(value))
