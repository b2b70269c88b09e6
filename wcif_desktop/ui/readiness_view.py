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
        from ..report.readiness import check_readiness

        if self.ctx.closed:
            return
        snap = snap or self.ctx.snapshot()
        items = check_readiness(snap)
        if self.kinds is None or set(self.kinds) - {"finding", "scoring", "narrative", "facts"}:
            from ..services.readiness import check_supports  # plan, team, requests, evidence, surveys (issue 18)

            items += check_supports(self.ctx.ef)
        self.items = [i for i in items if self.kinds is None or i.kind in self.kinds]
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
        rid = it.data(Qt.ItemDataRole.UserRole)
        if rid:
            self.activated.emit(rid)


__all__ = ["ReadinessView"]
