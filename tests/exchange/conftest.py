"""Fixtures of the exchange GUI tests."""

import pytest


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered at once; returns the ``(title, text)`` of each shown."""
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def record(parent, title, text, *a, **k):
        seen.append((str(title), str(text)))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return seen
