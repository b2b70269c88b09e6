"""A tiny Qt-free progress protocol for long work (report, import, export, merge).

The UI adapts it to a ``QProgressDialog``; the CLI and the tests pass :data:`NO_PROGRESS` or a recorder.
"""

from __future__ import annotations

from typing import Protocol

from .errors import Cancelled


class Progress(Protocol):
    def set(self, done: int, total: int, label: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class _NoProgress:
    def set(self, done: int, total: int, label: str = "") -> None:  # noqa: D401 - protocol
        pass

    def cancelled(self) -> bool:
        return False


NO_PROGRESS: Progress = _NoProgress()


def check(progress: Progress) -> None:
    """Raise :class:`Cancelled` when the user asked to stop."""
    if progress.cancelled():
        raise Cancelled()
