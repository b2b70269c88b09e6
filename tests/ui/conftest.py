"""Fixtures for the GUI tests: an EvaluationContext on the sample, and message boxes that never block."""

from __future__ import annotations

import pytest


@pytest.fixture
def messages(monkeypatch):
    """Record QMessageBox warnings/information instead of showing them (tests must not block)."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(parent, title, text, *a, **k):
        seen.append(str(text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    from wcif_desktop.ui import lock

    # editing a locked evaluation asks for a reason to reopen it: tests answer "cancel" unless they patch it
    monkeypatch.setattr(lock, "ask_reason", lambda parent: None)
    return seen


def _context(path):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext

    c = EvaluationContext(open_file(path))
    yield c
    c.close()


def _window(qtbot, path):
    from wcif_desktop.ui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.load(path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def ctx(qapp, sample_path, messages):
    yield from _context(sample_path)


@pytest.fixture
def window(qtbot, sample_path, messages):
    yield from _window(qtbot, sample_path)


@pytest.fixture
def bare_ctx(qapp, bare_sample_path, messages):
    """An EvaluationContext on the sample without its review records (conftest ``bare_sample_path``)."""
    yield from _context(bare_sample_path)


@pytest.fixture
def bare_window(qtbot, bare_sample_path, messages):
    """The main window on the sample without its review records (conftest ``bare_sample_path``)."""
    yield from _window(qtbot, bare_sample_path)
