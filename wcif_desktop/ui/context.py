"""The open evaluation as seen by the UI: :class:`EvaluationContext`.

It holds the :class:`~wcif_desktop.store.db.EvaluationFile`, one ``QUndoStack`` and the ``changed(object)``
signal carrying the services' :class:`~wcif_desktop.services.evaluation.Changes`. Every edit goes through a thin
:class:`ServiceCommand` whose ``redo``/``undo`` call service functions, so edits are saved as they are made and
can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z). Pattern after orange-canvas-core ``document/commands.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..domain.errors import WcifError
from ..domain.model import Evaluation, Indicator, Record
from ..services import evaluation as svc
from ..services.evaluation import Changes
from ..store.db import EvaluationFile
from .errors import show_user_error


class ServiceCommand(QUndoCommand):
    """One undoable edit: ``do`` and ``undo`` are callables returning :class:`Changes`.

    The context runs ``do`` once before pushing (so a rejected edit never enters the stack); the stack's first
    ``redo`` call is therefore skipped.
    """

    def __init__(self, ctx: "EvaluationContext", text: str, do: Callable[[], Changes], undo: Callable[[], Changes]):
        super().__init__(text)
        self.ctx, self._do, self._undo, self._first = ctx, do, undo, True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.ctx._run(self._do)

    def undo(self) -> None:
        self.ctx._run(self._undo)


class EvaluationContext(QObject):
    """One open evaluation file with its undo stack.

    Signals:
        changed(Changes): after every successful edit, undo or redo; pages refresh when it touches their tables.
    """

    changed = Signal(object)

    def __init__(self, ef: EvaluationFile, parent: QObject | None = None):
        super().__init__(parent)
        self.ef = ef
        self.undo_stack = QUndoStack(self)
        self.widget: QWidget | None = None  # parent for message boxes
        self.closed = False

    # ------------------------------------------------------------------ basics
    @property
    def path(self) -> Path:
        return self.ef.path

    def snapshot(self):
        return svc.load_snapshot(self.ef)

    def evaluation(self) -> Evaluation:
        return svc.evaluation(self.ef)

    def close(self) -> None:
        self.closed = True
        self.undo_stack.clear()
        self.ef.close()

    def _show(self, err: BaseException) -> None:
        show_user_error(self.widget, err)

    def _run(self, fn: Callable[[], Changes]) -> bool:
        if self.closed:  # a late signal from a page of a file that was closed
            return False
        try:
            changes = fn()
        except WcifError as e:
            self._show(e)
            return False
        if isinstance(changes, Changes) and changes:
            self.changed.emit(changes)
        return True

    def run_service(self, fn, *args, **kwargs):
        """Call ``fn(ef, *args, **kwargs)``; a :class:`WcifError` is shown as a message and ``None`` returned.

        A returned non-empty :class:`Changes` is emitted through :attr:`changed`. Not undoable: use :meth:`apply`.
        """
        if self.closed:
            return None
        try:
            result = fn(self.ef, *args, **kwargs)
        except WcifError as e:
            self._show(e)
            return None
        if isinstance(result, Changes) and result:
            self.changed.emit(result)
        return result

    def apply(self, text: str, do: Callable[[], Changes], undo: Callable[[], Changes]) -> bool:
        """Run ``do`` now; on success push an undoable command. Returns False (and shows why) on a WcifError."""
        if not self._run(do):
            return False
        self.undo_stack.push(ServiceCommand(self, text, do, undo))
        return True

    # ------------------------------------------------------------------ edits
    def edit_fields(self, cls: type[Record], record_id: str, undo_text: str | None = None, **fields) -> bool:
        """Change fields of a record (validated by the service); undo restores the old values.

        ``undo_text`` names the edit in the 编辑 menu (“撤销 修改“姓名””), in the user's words: callers pass the
        label the user sees (column header, form label); without it the menu says just 修改 (never field names).
        """
        if self.closed:
            return False
        try:
            old_rec = self.ef.get(cls, record_id)
        except WcifError as e:
            self._show(e)
            return False
        old = {k: getattr(old_rec, k) for k in fields if hasattr(old_rec, k)}
        if all(old.get(k) == v for k, v in fields.items()):
            return True
        ef = self.ef
        return self.apply(undo_text or self.tr("修改"),
                          lambda: svc.update_record(ef, cls, record_id, **fields),
                          lambda: svc.update_record(ef, cls, record_id, **old))

    def edit_score(self, indicator_id: str, score, reason: str | None = None) -> bool:
        """Set a level-3 indicator's score (points) and/or deduction reason; ``reason=None`` keeps it."""
        if self.closed:
            return False
        try:
            ind: Indicator = self.ef.get(Indicator, indicator_id)
        except WcifError as e:
            self._show(e)
            return False
        old_score, old_reason = ind.score, ind.deduction_reason
        ef = self.ef
        return self.apply(self.tr("修改“{0}”得分").format(ind.name),
                          lambda: svc.set_indicator_score(ef, indicator_id, score, reason),
                          lambda: svc.set_indicator_score(ef, indicator_id, old_score, old_reason))

    def set_narrative(self, section: str, text: str) -> bool:
        if self.closed:
            return False
        old = self.snapshot().narratives.get(section)
        if old == text or (old is None and not text):
            return True
        ef = self.ef
        return self.apply(self.tr("修改文字"),
                          lambda: svc.set_narrative(ef, section, text),
                          lambda: svc.set_narrative(ef, section, old or ""))

    def add_record(self, rec: Record) -> bool:
        """Insert a record; undo deletes it (tombstone) and redo brings it back with the same id."""
        ef, state = self.ef, {"added": False}

        def do():
            if state["added"]:
                return svc.restore_record(ef, type(rec), rec.id)
            changes = svc.add_record(ef, rec)
            state["added"] = True
            return changes

        return self.apply(self.tr("添加"), do, lambda: svc.delete_record(ef, type(rec), rec.id))

    def delete_record(self, cls: type[Record], record_id: str) -> bool:
        ef = self.ef
        return self.apply(self.tr("删除"), lambda: svc.delete_record(ef, cls, record_id),
                          lambda: svc.restore_record(ef, cls, record_id))

    def swap_order(self, cls: type[Record], id_a: str, id_b: str) -> bool:
        """Exchange the ``sort_order`` of two records (move up/down)."""
        a, b = self.ef.get(cls, id_a), self.ef.get(cls, id_b)
        oa, ob = a.sort_order, b.sort_order
        if oa == ob:  # make them distinct so the swap shows
            ob = oa + 1
        ef = self.ef

        def set_orders(x, y):
            def fn():
                with ef.transaction():
                    c = svc.update_record(ef, cls, id_a, sort_order=x)
                    c2 = svc.update_record(ef, cls, id_b, sort_order=y)
                for t, ids in c2.tables.items():
                    for i in ids:
                        c.add(t, i)
                return c or Changes().add(cls.table)
            return fn

        return self.apply(self.tr("调整顺序"), set_orders(ob, oa), set_orders(a.sort_order, b.sort_order))

    # ------------------------------------------------------------------ files
    def save_copy(self, dest) -> Path:
        """Write a consistent copy of the open file to ``dest`` with SQLite's backup API.

        Raises:
            WcifError: ``dest`` is the open file itself or cannot be written.
        """
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise WcifError(self.tr("另存为的目标就是当前文件：{0}").format(dest))
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(str(dest))
            try:
                self.ef.conn.backup(target)
            finally:
                target.close()
        except (OSError, sqlite3.Error) as e:
            raise WcifError(self.tr("无法另存为 {0}：{1}").format(dest, e)) from e
        return dest
