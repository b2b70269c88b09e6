"""Step 绩效目标: the declared (申报) and refined (细化) performance-target tables side by side, and the targets
narrative (叙述 ``basic.targets``, report §一.3)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QSplitter, QTableView, QTabWidget, QVBoxLayout

from ...domain.model import EvaluationSnapshot, TargetIndicator
from ..models import Column, RecordTableModel
from .base import NarrativeEditor, RecordListControls, StepPage, StepState
from .steps import TARGETS_SECTION, targets_state


class TargetsPage(StepPage):
    key = "targets"
    title = QT_TRANSLATE_NOOP("steps", "绩效目标")
    tables = ("narrative", "evaluation", "finance_line")  # the preview shows figures; table models refresh themselves

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        return targets_state(snap, ef)

    def _columns(self) -> list[Column]:
        return [
            Column("dimension", self.tr("一级指标")),
            Column("subdimension", self.tr("二级指标")),
            Column("name", self.tr("三级指标")),
            Column("comparator", self.tr("符号")),
            Column("value", self.tr("指标值")),
            Column("unit", self.tr("单位")),
            Column("actual", self.tr("实际完成值")),
            Column("completion", self.tr("完成情况")),
            Column("deviation_reason", self.tr("偏差原因")),
        ]

    def _table(self, version: str, heading: str):
        box = QGroupBox(heading)
        lay = QVBoxLayout(box)
        model = RecordTableModel(self.ctx, TargetIndicator, self._columns(), where=lambda t: t.version == version,
                                 parent=self)
        view = QTableView()
        view.setObjectName(f"targets_{version}")
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for col, w in enumerate((64, 72, 180, 40, 72, 40, 100, 72)):
            view.setColumnWidth(col, w)
        lay.addWidget(view)
        lay.addWidget(RecordListControls(
            self.ctx, view, model,
            lambda order: TargetIndicator(version=version, name=self.tr("新指标"), sort_order=order)))
        return box, model, view

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        box_d, self.declared_model, self.declared_view = self._table("declared", self.tr("申报的绩效目标"))
        box_r, self.refined_model, self.refined_view = self._table("refined", self.tr("评价组细化的绩效目标"))
        split.addWidget(box_d)
        split.addWidget(box_r)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 640])
        outer = QTabWidget()  # the tables get the page's height (1366×768); the report text is one click away
        outer.setObjectName("targets_tabs")
        outer.addTab(split, self.tr("绩效目标表"))
        text_box = QGroupBox(self.tr("项目绩效目标（报告第一部分第3节）"))
        tl = QVBoxLayout(text_box)
        self.targets_text = NarrativeEditor(ctx, TARGETS_SECTION)
        self.targets_edit = self.targets_text.edit
        tl.addWidget(self.targets_text)
        text_box.setTitle("")
        text_box.setFlat(True)
        outer.addTab(text_box, self.tr("项目绩效目标（报告第一部分第3节）"))
        self.tabs = outer
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(outer, 1)
        self.refresh()

    def refresh(self) -> None:
        self.targets_text.refresh()
