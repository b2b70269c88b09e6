"""The 等级划分 dialog of the 指标评分 page: the evaluation's grade bands (优/良/中/差 and their lower bounds).

Bounds are listed from high to low (each below the one above, within 0–100; the last band starts at 0) and checked
by :func:`wcif_desktop.domain.scoring.ordered_bands`; a refused entry is one sentence and the dialog stays open.
Saving is one undoable edit (:func:`wcif_desktop.services.edits.set_grade_bands`); the total's grade, the score
sheet and every report use the evaluation's bands.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..domain.errors import WcifError
from ..domain.money import fmt_score
from ..domain.scoring import DEFAULT_GRADE_BANDS, bands_sentence, ordered_bands
from ..services import edits
from ..services import scoring as scoring_svc
from .errors import error_text, show_user_error


class GradeBandsDialog(QDialog):
    """Edit the grade names and lower bounds (points, inclusive); ``rows`` holds (name edit, bound edit)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("等级划分"))
        self.current = scoring_svc.grade_bands(ctx.ef)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("综合评分不低于下限即评为该等级。请从高到低填写，最低一档从 0 分起。")))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("等级")), 0, 0)
        grid.addWidget(QLabel(self.tr("分数下限（含）")), 0, 1)
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        for r, (lo, name) in enumerate(self.current, start=1):
            name_edit, lo_edit = QLineEdit(name), QLineEdit(fmt_score(lo))
            name_edit.setObjectName(f"band_name_{r - 1}")
            lo_edit.setObjectName(f"band_from_{r - 1}")
            if r == len(self.current):
                lo_edit.setReadOnly(True)
                lo_edit.setToolTip(self.tr("最低一档从 0 分起"))
            grid.addWidget(name_edit, r, 0)
            grid.addWidget(lo_edit, r, 1)
            self.rows.append((name_edit, lo_edit))
        lay.addLayout(grid)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        lay.addWidget(self.sentence)
        for name_edit, lo_edit in self.rows:
            name_edit.textChanged.connect(self._preview)
            lo_edit.textChanged.connect(self._preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.default_button = QPushButton(self.tr("恢复默认（90/80/60）"))
        buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.default_button.clicked.connect(self.restore_default)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._preview()

    def pairs(self) -> list[tuple[str, str]]:
        return [(n.text(), lo.text()) for n, lo in self.rows]

    def bands(self):
        """The bands as entered. Raises ValidationError (see :func:`ordered_bands`)."""
        return ordered_bands(self.pairs(), self.current)

    def _preview(self) -> None:
        try:
            self.sentence.setText(self.tr("即：{0}").format(bands_sentence(self.bands())))
        except WcifError as e:
            self.sentence.setText(error_text(e))

    def restore_default(self) -> None:
        if len(self.rows) != len(DEFAULT_GRADE_BANDS):
            return
        for (name_edit, lo_edit), (lo, name) in zip(self.rows, DEFAULT_GRADE_BANDS):
            name_edit.setText(name)
            lo_edit.setText(fmt_score(lo))

    def apply(self) -> bool:
        """Check the entries and save them as one undoable edit; False (message shown) when refused."""
        try:
            bands = self.bands()
        except WcifError as e:
            show_user_error(self, e, self.tr("等级划分有误"))
            return False
        ef = self.ctx.ef
        return self.ctx.apply_edit(lambda: edits.set_grade_bands(ef, bands))

    def _ok(self) -> None:
        if self.apply():
            self.accept()
