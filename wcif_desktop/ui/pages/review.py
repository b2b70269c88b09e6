"""Step 现场资料核查: the work-process narrative (叙述 ``process``) and the area the on-site review (资料核查)
features are added to. Extend :class:`ReviewPage` (or add widgets to :attr:`ReviewPage.extension_layout`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ...domain.model import EvaluationSnapshot
from .base import NarrativeEditor, StepPage, StepState
from .steps import PROCESS_SECTION, review_state


class ReviewPage(StepPage):
    key = "review"
    title = QT_TRANSLATE_NOOP("steps", "现场资料核查")
    tables = ("narrative",)

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return review_state(snap, ef)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        box = QGroupBox(self.tr("绩效评价工作开展情况（报告第二部分）"))
        bl = QVBoxLayout(box)
        self.process = NarrativeEditor(ctx, PROCESS_SECTION)
        self.process_edit = self.process.edit
        bl.addWidget(self.process)
        lay.addWidget(box, 2)

        self.extension_box = QGroupBox(self.tr("现场资料核查清单"))
        self.extension_box.setObjectName("review_extension")
        self.extension_layout = QVBoxLayout(self.extension_box)
        note = QLabel(self.tr("资料核查清单（调取资料、核查要点、发现的问题）将在此处提供，尚未开放。"))
        note.setWordWrap(True)
        note.setEnabled(False)
        self.extension_layout.addWidget(note)
        self.extension_layout.addStretch(1)
        lay.addWidget(self.extension_box, 1)
        from ..review_panel import install  # request list, evidence, working papers (issue 4)

        install(self)
        from ..interviews_panel import install as install_interviews  # interview records (issue 4)

        install_interviews(self.review_tabs, ctx)
        from ..survey_view import install as install_surveys  # satisfaction / awareness surveys (issue 6)

        install_surveys(self)
        self._tabs_only()
        self.refresh()

    def _tabs_only(self) -> None:
        """One tab widget fills the page (fits 1366×768): 资料清单, 工作底稿, 访谈记录, the survey panel and the
        work-process narrative each get the whole height instead of being stacked (the request list shows 47
        rows' worth of room instead of 1½)."""
        lay = self.layout()
        tabs = self.review_tabs
        narrative_box = self.process.parentWidget()
        for w in (narrative_box, self.extension_box, self.survey_panel):
            lay.removeWidget(w)
        tabs.setParent(self)
        tabs.addTab(self.survey_panel, self.tr("满意度与知晓度调查"))
        narrative_box.setTitle("")
        narrative_box.setFlat(True)
        tabs.addTab(narrative_box, self.tr("工作开展情况（报告第二部分）"))
        self.extension_box.hide()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(tabs, 1)

    def refresh(self) -> None:
        self.process.refresh()
