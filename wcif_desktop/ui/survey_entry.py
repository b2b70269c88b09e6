"""Entering paper questionnaires (纸质问卷录入): one form per respondent, one field per question — a list of
the question's options (satisfaction / awareness) or a text field (free text). Saves through
:func:`wcif_desktop.services.survey.add_response`; each saved form is undoable (Ctrl+Z deletes it again)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import WcifError
from ..domain.survey import Survey
from ..services import edits
from ..services import survey as svc
from ..services.evaluation import get
from .context import EvaluationContext
from .errors import show_user_error


class PaperEntryDialog(QDialog):
    """Enter paper forms of one survey, one after the other (“保存并录入下一份”)."""

    def __init__(self, ctx: EvaluationContext, survey_id: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey: Survey = get(ctx.ef, Survey, survey_id)
        self.saved: list[str] = []  # ids of the responses saved in this dialog
        self.setWindowTitle(self.tr("录入纸质问卷：{0}").format(self.survey.title))
        self.resize(720, 640)
        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("entry_status")
        lay.addWidget(self.status)

        head = QFormLayout()
        self.respondent = QLineEdit()
        self.respondent.setObjectName("entry_respondent")
        self.respondent.setPlaceholderText(self.tr("问卷编号（可不填）"))
        self.date = QLineEdit()
        self.date.setObjectName("entry_date")
        self.date.setPlaceholderText(self.tr("填写日期，如 2022-03-01（可不填）"))
        head.addRow(self.tr("问卷编号"), self.respondent)
        head.addRow(self.tr("填写日期"), self.date)
        lay.addLayout(head)

        area = QScrollArea()
        area.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        self.fields: dict[str, QComboBox | QLineEdit] = {}
        for q in svc.questions(ctx.ef, survey_id):
            if q.kind == "text":
                w = QLineEdit()
            else:
                w = QComboBox()
                w.addItem(self.tr("（未作答）"), "")
                for o in svc.options(ctx.ef, q.id):
                    w.addItem(o.label, o.label)
            w.setObjectName(f"entry_{q.code}")
            label = QLabel(f"{q.code} {q.text}")
            label.setWordWrap(True)
            form.addRow(label, w)
            self.fields[q.id] = w
        area.setWidget(inner)
        lay.addWidget(area, 1)

        buttons = QDialogButtonBox()
        self.save_btn = QPushButton(self.tr("保存并录入下一份"))
        self.save_btn.setObjectName("entry_save")
        self.save_btn.setDefault(True)
        close_btn = QPushButton(self.tr("完成"))
        buttons.addButton(self.save_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close_btn, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_btn.clicked.connect(self.save)
        close_btn.clicked.connect(self.accept)
        lay.addWidget(buttons)
        self._show_count()

    def _show_count(self) -> None:
        self.status.setText(self.tr("本次已录入 {0} 份").format(len(self.saved)))

    def answers(self) -> dict[str, str]:
        out = {}
        for qid, w in self.fields.items():
            value = w.text().strip() if isinstance(w, QLineEdit) else w.currentData()
            if value:
                out[qid] = value
        return out

    def save(self) -> str | None:
        """Save the form as one response (undoable); clear the fields for the next one. Returns its id."""
        ef, sid = self.ctx.ef, self.survey.id
        answers, rid, date = self.answers(), self.respondent.text().strip(), self.date.text().strip()
        edit = edits.add_survey_response(ef, sid, answers, respondent_id=rid, submitted_at=date)
        state = edit.result
        try:
            ok = self.ctx.apply_edit(lambda: edit)
        except WcifError as e:  # pragma: no cover - apply shows user errors itself
            show_user_error(self, e)
            return None
        if not ok:
            return None
        self.saved.append(state["id"])
        for w in self.fields.values():
            if isinstance(w, QLineEdit):
                w.clear()
            else:
                w.setCurrentIndex(0)
        self.respondent.clear()
        self._show_count()
        return state["id"]
