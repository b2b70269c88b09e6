"""The open evaluation as seen by the UI: :class:`EvaluationContext`.

It holds the :class:`~wcif_desktop.store.db.EvaluationFile`, one ``QUndoStack`` and the ``changed(object)``
signal carrying the services' :class:`~wcif_desktop.services.evaluation.Changes`. Every edit goes through a thin
:class:`ServiceCommand` whose ``redo``/``undo`` call service functions, so edits are saved as they are made and
can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z). Pattern after orange-canvas-core ``document/commands.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..domain.errors import WcifError
from ..domain.model import Evaluation, Record
from ..services import edits
from ..services import evaluation as svc
from ..services.evaluation import (
    Changes,
    EvaluationFile,  # the open file's handle, as services give it out
)
from .errors import error_text, show_user_error


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
        self.last_edit = None  # the last Edit pushed (its ``result`` holds what it produced)
        self._snap: tuple | None = None  # (file content version, snapshot, score sheet or None): see snapshot()

    # ------------------------------------------------------------------ basics
    @property
    def path(self) -> Path:
        return self.ef.path

    def snapshot(self):
        """The evaluation as :func:`~wcif_desktop.services.evaluation.load_snapshot` reads it, read once per state
        of the file: every listener of one edit (tree, totals, step states, chart) shares one read instead of
        each reading ~1,000 indicators again. Shared, so treat it as read-only. Re-read whenever the file's
        :meth:`~wcif_desktop.store.db.EvaluationFile.content_version` moved (any write, by anyone)."""
        version = self.ef.content_version()
        if version is None:  # inside a transaction (may still be rolled back): read, keep nothing
            self._snap = None
            return svc.load_snapshot(self.ef)
        if self._snap is None or self._snap[0] != version:
            self._snap = (version, svc.load_snapshot(self.ef), None)
        return self._snap[1]

    def score_sheet(self):
        """The score sheet (:func:`~wcif_desktop.domain.scoring.sheet_for`) of :meth:`snapshot`, built once per
        snapshot and shared likewise (read-only)."""
        from ..domain.scoring import sheet_for

        snap = self.snapshot()
        if self._snap is None or self._snap[1] is not snap:  # not kept (read inside a transaction)
            return sheet_for(snap)
        if self._snap[2] is None:
            self._snap = (self._snap[0], snap, sheet_for(snap))
        return self._snap[2]

    def evaluation(self) -> Evaluation:
        return svc.evaluation(self.ef)

    def close(self) -> None:
        self.closed = True
        self._snap = None
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

    def apply_edit(self, make: Callable[[], "edits.Edit"], text: str | None = None) -> bool:
        """Push the undoable edit a service builds (``make()`` → :class:`~wcif_desktop.services.edits.Edit`):
        run it now; on success push it under its name. A WcifError (while building or running it) is shown and
        False returned; an edit that changes nothing pushes nothing and returns True."""
        if self.closed:
            return False
        try:
            edit = make()
        except WcifError as e:
            self._show(e)
            return False
        if edit.empty:
            return True
        self.last_edit = edit
        return self.apply(text or error_text(edit.name), edit.do, edit.undo)

    # ------------------------------------------------------------------ edits (named undo commands: services/edits.py)
    def edit_fields(self, cls: type[Record], record_id: str, undo_text: str | None = None, **fields) -> bool:
        """Change fields of a record (validated by the service); undo restores the old values.

        ``undo_text`` names the edit in the 编辑 menu (“撤销 修改“姓名””), in the user's words: callers pass the
        label the user sees (column header, form label); without it the menu says just 修改 (never field names).
        """
        return self.apply_edit(lambda: edits.edit_fields(self.ef, cls, record_id, **fields), undo_text)

    def edit_score(self, indicator_id: str, score, reason: str | None = None) -> bool:
        """Set a level-3 indicator's score (points) and/or deduction reason; ``reason=None`` keeps it."""
        return self.apply_edit(lambda: edits.set_score(self.ef, indicator_id, score, reason))

    def set_narrative(self, section: str, text: str) -> bool:
        return self.apply_edit(lambda: edits.set_narrative(self.ef, section, text))

    def add_record(self, rec: Record) -> bool:
        """Insert a record; undo deletes it (tombstone) and redo brings it back with the same id."""
        return self.apply_edit(lambda: edits.add_record(self.ef, rec))

    def delete_record(self, cls: type[Record], record_id: str) -> bool:
        return self.apply_edit(lambda: edits.delete_record(self.ef, cls, record_id))

    def swap_order(self, cls: type[Record], id_a: str, id_b: str) -> bool:
        """Exchange the ``sort_order`` of two records (move up/down)."""
        return self.apply_edit(lambda: edits.swap_order(self.ef, cls, id_a, id_b))

    # ------------------------------------------------------------------ files
    def save_copy(self, dest) -> Path:
        """Write a consistent copy of the open file to ``dest`` (:func:`wcif_desktop.services.evaluation.save_copy`).

        Raises:
            WcifError: ``dest`` is the open file itself or cannot be written.
        """
        return svc.save_copy(self.ef, dest)
