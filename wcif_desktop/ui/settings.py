"""Application settings, declared once with type and default, persisted by ``QSettings``.

Each :class:`Option` names a key, a Python type and a default; :class:`Settings` reads and writes them typed.
The store is an INI file ``settings.ini`` in :func:`wcif_desktop.paths.user_data_dir` (so a portable copy and the
tests, which set ``WCIF_DATA_DIR``, keep their own settings). Pattern after Picard's ``options.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..paths import user_data_dir

MAX_RECENT = 10


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    doc: str = ""


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", str, "zh", "UI language: zh (default) or en"),
    Option("defaults/agency", str, "", "default evaluation agency (评价机构) for new evaluations"),
    Option("defaults/signer", str, "", "default signer name for new signing identities"),
    Option("signing/p12", str, "", "path of the last used signing identity (.p12/.pfx)"),
    Option("signing/seal", str, "", "seal image (PNG) shown on the 落款 when signing; empty = no seal"),
    Option("report/fonts", str, "", "report font family override (empty = bundled fonts)"),
    Option("files/recent", list, [], "recently opened evaluation files, newest first"),
    Option("window/geometry", QByteArray, QByteArray(), "main window geometry"),
    Option("window/state", QByteArray, QByteArray(), "main window dock/toolbar state"),
    Option("window/step", str, "team", "last shown step key"),
)}


class Settings:
    """Typed access to :data:`OPTIONS`. ``Settings()["ui/language"]`` → ``"zh"``; unknown keys raise KeyError."""

    def __init__(self, path=None):
        path = path or (user_data_dir() / "settings.ini")
        self.qs = QSettings(str(path), QSettings.Format.IniFormat)

    def __getitem__(self, key: str):
        opt = OPTIONS[key]
        if not self.qs.contains(key):
            return list(opt.default) if opt.type is list else opt.default
        value = self.qs.value(key)
        if opt.type is list:
            if value is None or value == "":
                return []
            return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        if opt.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        try:
            return opt.type(value)
        except (TypeError, ValueError):
            return opt.default

    def __setitem__(self, key: str, value) -> None:
        opt = OPTIONS[key]
        if opt.type is list:
            value = list(value)
        elif opt.type is not QByteArray:
            value = opt.type(value)
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()

    # recent files ---------------------------------------------------------------
    def add_recent(self, path) -> list[str]:
        """Put ``path`` first in the recent-files list (deduplicated, at most :data:`MAX_RECENT`)."""
        p = str(path)
        items = [x for x in self["files/recent"] if x != p]
        items.insert(0, p)
        self["files/recent"] = items[:MAX_RECENT]
        return self["files/recent"]

    def remove_recent(self, path) -> None:
        self["files/recent"] = [x for x in self["files/recent"] if x != str(path)]
