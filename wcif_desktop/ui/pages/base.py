"""The base of every step page and small widgets the pages share.

A step page is a ``QWidget`` taking the :class:`~wcif_desktop.ui.context.EvaluationContext`. It declares the
tables it shows (:attr:`StepPage.tables`); it refreshes only when a :class:`Changes` record touches one of them.
Its :meth:`StepPage.state` computes the step's state (未开始 / 进行中 / 已完成) from a snapshot, so the step list
can show it without building the page.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from ...domain.model import EvaluationSnapshot
from ..context import EvaluationContext


class StepState(enum.Enum):
    NOT_STARTED = QT_TRANSLATE_NOOP("StepState", "未开始")
    IN_PROGRESS = QT_TRANSLATE_NOOP("StepState", "进行中")
    DONE = QT_TRANSLATE_NOOP("StepState", "已完成")

    def label(self) -> str:
        return QCoreApplication.translate("StepState", self.value)


def state_of(filled: int, total: int) -> StepState:
    """DONE when everything is filled, NOT_STARTED when nothing, IN_PROGRESS otherwise."""
    if total and filled >= total:
        return StepState.DONE
    return StepState.IN_PROGRESS if filled else StepState.NOT_STARTED


class StepPage(QWidget):
    """Base class of the pages of the step list."""

    key = ""            # stable key (``--step`` accepts it): team, review, targets, scoring, findings, report
    title = ""          # Chinese title (source text for translation, context "steps")
    tables: tuple[str, ...] = ()

    def __init__(self, ctx: EvaluationContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.changed.connect(self._on_changed)

    @classmethod
    def display_title(cls) -> str:
        return QCoreApplication.translate("steps", cls.title)

    @classmethod
    def state(cls, snap: EvaluationSnapshot, ef=None) -> StepState:
        """The step's state computed from the data (``ef``, the open file, for what a snapshot lacks)."""
        return StepState.NOT_STARTED

    def refresh(self) -> None:
        """Re-read what the page shows from the evaluation file."""

    def _on_changed(self, changes) -> None:
        if any(changes.touches(t) for t in self.tables):
            self.refresh()


class CommitLineEdit(QLineEdit):
    """A line edit that reports ``committed(text)`` when editing finished and the text differs from the last value."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._value = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, text: str) -> None:
        self._value = text or ""
        if self.text() != self._value:
            self.setText(self._value)

    def _finish(self) -> None:
        if self.text() != self._value:
            self._value = self.text()
            self.committed.emit(self.text())

    def commit(self) -> None:
        self._finish()


class CommitTextEdit(QPlainTextEdit):
    """A multi-line editor that reports ``committed(text)`` when it loses focus with changed text."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._value = ""

    def set_value(self, text: str) -> None:
        self._value = text or ""
        if self.toPlainText() != self._value:
            self.setPlainText(self._value)

    def commit(self) -> None:
        if self.toPlainText() != self._value:
            self._value = self.toPlainText()
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event):  # noqa: N802
        self.commit()
        super().focusOutEvent(event)


def heading(text: str) -> QLabel:
    lab = QLabel(text)
    f = lab.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * 1.15 if f.pointSizeF() > 0 else 11)
    lab.setFont(f)
    return lab


class RecordListControls(QWidget):
    """Add / remove / move-up / move-down buttons for a view over a :class:`RecordTableModel`.

    ``factory(sort_order)`` returns the new record to insert (or ``None`` to cancel).
    """

    def __init__(self, ctx: EvaluationContext, view, model, factory, parent=None, *, add_text: str | None = None):
        from PySide6.QtWidgets import QHBoxLayout, QToolButton

        super().__init__(parent)
        self.ctx, self.view, self.model, self.factory = ctx, view, model, factory
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.add_btn = QToolButton(text=add_text or self.tr("添加"))
        self.remove_btn = QToolButton(text=self.tr("删除"))
        self.up_btn = QToolButton(text=self.tr("上移"))
        self.down_btn = QToolButton(text=self.tr("下移"))
        self.add_btn.setToolTip(self.tr("添加一行，并开始编辑它的第一格"))
        self.remove_btn.setToolTip(self.tr("删除所选的行（可撤销：Ctrl+Z）"))
        self.up_btn.setToolTip(self.tr("把所选的行上移一位"))
        self.down_btn.setToolTip(self.tr("把所选的行下移一位"))
        for b in (self.add_btn, self.remove_btn, self.up_btn, self.down_btn):
            lay.addWidget(b)
        lay.addStretch(1)
        self.add_btn.clicked.connect(self.add)
        self.remove_btn.clicked.connect(self.remove)
        self.up_btn.clicked.connect(lambda: self.move(-1))
        self.down_btn.clicked.connect(lambda: self.move(1))

    def current_row(self) -> int:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else -1

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))

    def add(self) -> None:
        orders = [getattr(r, "sort_order", 0) for r in self.model.records()]
        rec = self.factory(max(orders, default=0) + 1)
        if rec is not None and self.ctx.add_record(rec):
            self.select(self.model.row_of(rec.id))
            self.edit_new(self.model.row_of(rec.id))

    def edit_new(self, row: int) -> None:
        """Put a newly added row into edit mode on its first editable column (the name is typed at once)."""
        if row < 0:
            return
        for col in range(self.model.columnCount()):
            idx = self.model.index(row, col)
            if self.model.flags(idx) & Qt.ItemFlag.ItemIsEditable:
                self.view.setCurrentIndex(idx)
                self.view.setFocus()
                self.view.edit(idx)
                return

    def remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.ctx.delete_record(self.model.cls, self.model.record(row).id)
            self.select(min(row, self.model.rowCount() - 1))

    def move(self, step: int) -> None:
        row = self.current_row()
        other = row + step
        if row < 0 or not 0 <= other < self.model.rowCount():
            return
        rid = self.model.record(row).id
        if self.ctx.swap_order(self.model.cls, rid, self.model.record(other).id):
            self.select(self.model.row_of(rid))


class NarrativeEditor(QWidget):
    """Edits one narrative section (叙述) of the report; shows below it the text with ``{{field}}`` placeholders
    filled from the data, as the report will print it."""

    def __init__(self, ctx: EvaluationContext, section: str, parent=None):
        from PySide6.QtWidgets import QVBoxLayout

        super().__init__(parent)
        self.ctx, self.section = ctx, section
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = CommitTextEdit()
        self.edit.setObjectName(f"narrative_{section}")
        self.edit.committed.connect(self._commit)
        lay.addWidget(self.edit, 3)
        self.preview = QLabel()
        self.preview.setObjectName(f"preview_{section}")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addWidget(self.preview, 0)

    def _commit(self, text: str) -> None:
        if not self.ctx.set_narrative(self.section, text):
            self.refresh()  # rejected: show the saved text again

    def refresh(self) -> None:
        from ...domain.fields import field_values, fill

        snap = self.ctx.snapshot()
        text = snap.narratives.get(self.section, "")
        self.edit.set_value(text)
        if "{{" in text:
            self.preview.setText(self.tr("报告中显示为：") + fill(text, field_values(snap)))
            self.preview.setVisible(True)
        else:
            self.preview.setVisible(False)
