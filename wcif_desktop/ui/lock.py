"""Editing a locked evaluation (报告已最终签署): every edit first asks whether to reopen it with a reason.

:func:`install` wraps the context's edit paths (``_run``, used by every undoable edit, undo and redo, and
``run_service``) on the context instance: when the evaluation is locked, :class:`ReopenDialog` asks for the
reason; accepting calls :func:`wcif_desktop.services.report_archive.reopen` (the reason goes into the evaluation's
hash-chained history as a ``lock_event``) and the edit then proceeds; cancelling leaves the evaluation locked
and the edit is not made.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ..domain.errors import ValidationError, WcifError
from ..services.evaluation import Changes

LOCK_TABLES = ("evaluation", "lock_event")


class ReopenDialog(QDialog):
    """Asks whether to reopen a locked evaluation; the reason is required."""

    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

        super().__init__(parent)
        self.setWindowTitle(self.tr("评价已锁定"))
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("报告已最终签署，评价已锁定。如需修改，请说明解除锁定的原因（将记入评价的修改记录）。"
                              "已签署的报告保持不变；修改后需要重新生成并签署报告。"))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reopen_reason")
        self.reason.setPlaceholderText(self.tr("解除锁定的原因，例如：委托方要求更正第三部分的数据"))
        self.reason.setMaximumHeight(90)
        lay.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解除锁定并修改"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.toPlainText().strip()))

    def value(self) -> str:
        return self.reason.toPlainText().strip()


def ask_reason_with_dialog(parent: QWidget | None) -> str | None:
    """Show :class:`ReopenDialog`; the reason, or ``None`` when cancelled."""
    dlg = ReopenDialog(parent)
    try:
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.value():
            return dlg.value()
        return None
    finally:
        dlg.deleteLater()


ask_reason = ask_reason_with_dialog  # what edits call (tests replace it so that nothing blocks)


def is_locked(ctx) -> bool:
    from ..services.evaluation import evaluation

    try:
        return bool(evaluation(ctx.ef).locked)
    except WcifError:
        return False


def reopen(ctx, reason: str) -> bool:
    """Unlock ``ctx``'s evaluation with ``reason`` (kept in the history) and announce it. False on error."""
    from ..services import report_archive as archive

    try:
        archive.reopen(ctx.ef, reason)
    except WcifError as e:
        ctx._show(e)
        return False
    changes = Changes()
    for t in LOCK_TABLES:
        changes.add(t)
    ctx.changed.emit(changes)
    return True


def ensure_unlocked(ctx, parent: QWidget | None = None) -> bool:
    """True when the evaluation may be edited: it is not locked, or the user gave a reason and it was reopened."""
    if not is_locked(ctx):
        return True
    reason = ask_reason(parent if parent is not None else ctx.widget)
    if not reason:
        return False
    return reopen(ctx, reason)


def install(ctx) -> None:
    """Make every edit through ``ctx`` ask to reopen a locked evaluation first (idempotent)."""
    if getattr(ctx, "_lock_guard", False):
        return
    ctx._lock_guard = True
    orig_run, orig_service = ctx._run, ctx.run_service

    def guarded_run(fn):
        if ctx.closed:
            return False
        if not ensure_unlocked(ctx):
            return False  # the edit is not made; the evaluation stays locked
        return orig_run(fn)

    def guarded_service(fn, *args, **kwargs):
        # Reads may go through run_service too: ask only when the service refused because of the lock.
        refused = {}

        def attempt(ef, *a, **k):
            try:
                return fn(ef, *a, **k)
            except ValidationError:
                if is_locked(ctx):
                    refused["yes"] = True
                    return None
                raise

        result = orig_service(attempt, *args, **kwargs)
        if refused and ensure_unlocked(ctx):
            result = orig_service(fn, *args, **kwargs)
        return result

    ctx._run = guarded_run
    ctx.run_service = guarded_service


__all__ = ["ReopenDialog", "ask_reason", "ask_reason_with_dialog", "ensure_unlocked", "install", "is_locked", "reopen"]
