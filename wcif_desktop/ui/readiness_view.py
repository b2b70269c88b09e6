"""The report readiness check (``report.readiness.check_readiness``) as a list: problems without a cause or a
recommendation, recommendations that answer nothing, unscored indicators, unknown fields, missing cover facts.

``kinds`` limits the list (e.g. ``("finding",)`` on the findings page). Activating an item that names a record
emits ``activated(record_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .errors import error_text

SEVERITY_TEXTS = {"错误": QT_TRANSLATE_NOOP("readiness", "错误"), "提示": QT_TRANSLATE_NOOP("readiness", "提示")}
SEVERITY_COLORS = {"错误": "#c62828", "提示": "#9a6700"}


class ReadinessView(QWidget):
    activated = Signal(str)

    def __init__(self, ctx, kinds: tuple[str, ...] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.kinds = ctx, kinds
        self.items = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("readiness_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("readiness_list")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        lay.addWidget(self.list, 1)
        lay.addStretch(0)  # takes the room when the list is hidden (nothing to report)
        self.refresh()

    def refresh(self, snap=None) -> None:
        from ..services.report_state import readiness_of

        if self.ctx.closed:
            return
        # the report's whole check: findings, scores and their basis (figures, working papers, survey data), plan
        self.items = [i for i in readiness_of(self.ctx.ef) if self.kinds is None or i.kind in self.kinds]
        self.list.clear()
        for item in self.items:
            sev = QCoreApplication.translate("readiness", SEVERITY_TEXTS.get(item.severity, item.severity))
            it = QListWidgetItem(QCoreApplication.translate("readiness", "【{0}】{1}").format(sev, error_text(item.message)))
            it.setForeground(QColor(SEVERITY_COLORS.get(item.severity, "#000000")))
            it.setData(Qt.ItemDataRole.UserRole, item.record_id)
            self.list.addItem(it)
        errors = sum(1 for i in self.items if i.severity == "错误")
        if not self.items:
            self.summary.setText(self.tr("检查通过：没有发现问题。"))
        else:
            self.summary.setText(self.tr("{0} 项需要修改，{1} 项提示。").format(errors, len(self.items) - errors))
        self.list.setVisible(bool(self.items))

    def messages(self) -> list[str]:
        return [i.message for i in self.items]

    def _activated(self, it: QListWidgetItem) -> None:
        row = self.list.row(it)
        item = self.items[row] if 0 <= row < len(self.items) else None
        if item is not None and item.kind.startswith("overlap:"):
            self.confirm_overlap(item.kind.split(":", 1)[1])
            return
        rid = it.data(Qt.ItemDataRole.UserRole)
        if rid:
            self.activated.emit(rid)

    def confirm_overlap(self, fact: str, ask: bool = True) -> bool:
        """The evaluator confirms a 重复扣分 warning (the same figure behind several deductions): asked, then
        recorded, and the warning leaves the list."""
        from PySide6.QtWidgets import QMessageBox

        from ..domain.errors import WcifError
        from ..services.report_state import confirm_overlap
        from .errors import show_user_error

        if ask and QMessageBox.question(self, self.tr("确认未重复扣分"), self.tr(
                "确认这些指标的扣分针对不同事实、没有重复扣分？")) != QMessageBox.StandardButton.Yes:
            return False
        try:
            changes = confirm_overlap(self.ctx.ef, fact)
        except WcifError as e:
            show_user_error(self, e)
            return False
        self.ctx.changed.emit(changes)
        self.refresh()
        return True


__all__ = ["ReadinessView"]
