"""Step 指标评分: the indicator framework as a tree with scores, the total and grade, and structural problems."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
)

from ...domain.model import EvaluationSnapshot
from ...domain.money import fmt_score
from ..errors import error_text
from ..models import IndicatorTreeModel
from .base import StepPage, StepState
from .steps import scoring_state

# The grade names of domain.scoring.DEFAULT_GRADE_BANDS, marked for lupdate (other bands show as written).
GRADE_TEXTS = (QT_TRANSLATE_NOOP("ScoringPage", "优"), QT_TRANSLATE_NOOP("ScoringPage", "良"),
               QT_TRANSLATE_NOOP("ScoringPage", "中"), QT_TRANSLATE_NOOP("ScoringPage", "差"))


class ScoringPage(StepPage):
    key = "scoring"
    title = QT_TRANSLATE_NOOP("steps", "指标评分")
    tables = ()  # refreshed by the tree model's ``reloaded`` signal, after the model itself is current

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return scoring_state(snap, ef)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        self.total_label = QLabel()
        self.total_label.setObjectName("total_label")
        f = self.total_label.font()
        f.setBold(True)
        f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 10) * 1.3)
        self.total_label.setFont(f)
        top = QHBoxLayout()
        top.addWidget(self.total_label, 1)
        lay.addLayout(top)

        self.model = IndicatorTreeModel(ctx, self)
        self.model.reloaded.connect(self.refresh)
        self.tree = QTreeView()
        self.tree.setObjectName("indicator_tree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, w in enumerate((120, 240, 64, 64)):
            self.tree.setColumnWidth(col, w)
        self.tree.expandAll()
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.selectionModel().currentChanged.connect(self._show_detail)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("scoring_split")
        split.addWidget(self.tree)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        detail_box = QGroupBox(self.tr("指标说明"))
        dl = QVBoxLayout(detail_box)
        self.detail = QLabel(self.tr("选择一个指标查看其指标解释和评分标准。双击“得分”或“扣分原因”可修改。"))
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.detail)
        problems_box = QGroupBox(self.tr("指标体系检查"))
        pl = QVBoxLayout(problems_box)
        self.problems = QListWidget()
        self.problems.setObjectName("problems_list")
        self.problems.setWordWrap(True)
        pl.addWidget(self.problems)
        bottom.addWidget(detail_box)
        bottom.addWidget(problems_box)
        from ..scoring_editor import ScoringTools  # with the page, not at start-up

        self.tools = ScoringTools(self)  # tree editing, chart, expert panel (ui/scoring_editor.py)
        # 1366×768: the tree over one row of tabs (说明与检查 first), not three stacked panes
        self.tools.insertTab(0, bottom, self.tr("指标说明与检查"))
        self.tools.setCurrentIndex(0)
        split.addWidget(self.tools)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        lay.addWidget(split, 1)
        # the framework template is chosen at the top, visible without scrolling (a new evaluation starts here)
        editor = self.tools.editor
        top.addWidget(QLabel(self.tr("指标体系模板")))
        top.addWidget(editor.template_combo)
        top.addWidget(editor.template_button)
        editor.template_button.setToolTip(self.tr("用所选模板替换本评价的指标体系（可撤销）"))
        # 评分表 in Excel: export, and import with a preview (ui/score_sheet_actions.py)
        self.sheet_button = QToolButton()
        self.sheet_button.setObjectName("score_sheet_button")
        self.sheet_button.setText(self.tr("评分表"))
        self.sheet_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        sheet_menu = QMenu(self.sheet_button)
        self.export_sheet_action = sheet_menu.addAction(self.tr("导出评分表（Excel）…"), self.export_sheet)
        self.import_sheet_action = sheet_menu.addAction(self.tr("导入评分表…"), self.import_sheet)
        self.sheet_button.setMenu(sheet_menu)
        self.sheet_button.setToolTip(self.tr("把评分表导出为 Excel，或从 Excel 评分表导入指标、分值和得分"))
        top.addWidget(self.sheet_button)
        self.bands_button = QToolButton()
        self.bands_button.setObjectName("grade_bands_button")
        self.bands_button.setText(self.tr("等级划分…"))
        self.bands_button.setToolTip(self.tr("修改优、良、中、差的分数下限（可撤销）"))
        self.bands_button.clicked.connect(self.edit_grade_bands)
        top.addWidget(self.bands_button)
        self.refresh()

    def export_sheet(self, path=None):
        from ..score_sheet_actions import export_sheet

        return export_sheet(self, path)

    def import_sheet(self, path=None) -> bool:
        from ..score_sheet_actions import import_sheet

        return import_sheet(self, path)

    def grade_bands_dialog(self):
        from ..grade_bands import GradeBandsDialog

        return GradeBandsDialog(self.ctx, self)

    def edit_grade_bands(self) -> None:
        self.grade_bands_dialog().exec()

    def total_text(self) -> str:
        """综合评分 and 评级 once every level-3 indicator is scored; 未评分 (with how many are) before that —
        never “0.00 分，评级 差” for an evaluation nobody has scored."""
        leaves = self.model.sheet.leaves()
        scored = sum(1 for n in leaves if n.indicator.score is not None)
        if not leaves or scored < len(leaves):
            return self.tr("未评分（已评 {0}/{1} 项三级指标）").format(scored, len(leaves))
        return self.tr("综合评分 {0} 分，评级 {1}").format(fmt_score(self.model.total()),
                                                        self.tr(self.model.grade()))

    def refresh(self) -> None:
        if self.model.rowCount() == 0:
            self.total_label.setText(self.tr("未评分：尚无指标体系，请在右侧选择模板并点“套用模板”。"))
        else:
            self.total_label.setText(self.total_text())
        problems = self.model.sheet.problems()
        leaves = self.model.sheet.leaves()
        unscored = sum(1 for n in leaves if n.indicator.score is None)
        lines = [error_text(p) for p in problems]
        if not leaves:
            lines.append(self.tr("尚未设置指标体系：请从模板导入或逐项添加指标。"))
        elif unscored:
            lines.append(self.tr("尚有 {0} 项三级指标未评分。").format(unscored))
        elif not problems:
            lines.append(self.tr("未发现问题：分值合计 100，各级分值一致，扣分均有原因。"))
        if lines != [self.problems.item(i).text() for i in range(self.problems.count())]:
            self.problems.clear()  # (most score edits leave the list as it was: it is not rebuilt then)
            self.problems.addItems(lines)
        self._show_detail(self.tree.currentIndex())

    def _show_detail(self, index, _previous=None) -> None:
        ind = self.model.indicator(index)
        if ind is None:
            return
        esc = html.escape
        parts = [f"<b>{esc(ind.code)} {esc(ind.name)}</b>" + self.tr("（分值 {0}）").format(fmt_score(ind.weight))]
        if ind.definition:
            parts.append(self.tr("指标解释：{0}").format(esc(ind.definition)))
        if ind.scoring_rule:
            parts.append(self.tr("评分标准：{0}").format(esc(ind.scoring_rule)))
        self.detail.setText("<br>".join(parts))
