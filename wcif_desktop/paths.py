"""Locating bundled resources and the user's data folder.

Resources live in the top-level ``resources/`` folder of the source tree; in a PyInstaller bundle they are
collected to ``<bundle>/resources``. Every reader goes through :func:`resource`, so source and frozen builds
behave alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_root() -> Path:
    """Return the folder holding the bundled resources.

    Raises:
        FileNotFoundError: when neither the frozen bundle nor the source tree has a ``resources`` folder.
    """
    candidates = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        candidates.append(Path(meipass) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    env = os.environ.get("WCIF_RESOURCES")
    if env:
        candidates.insert(0, Path(env))
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("resources folder not found; looked in: " + ", ".join(map(str, candidates)))


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("sample", "hohhot-2021.toml")``."""
    return resources_root().joinpath(*parts)


def user_data_dir() -> Path:
    """The per-user data folder (logs, finding library, signing identities); created on first use.

    Windows: ``%APPDATA%/WCIF Desktop``; elsewhere ``$XDG_DATA_HOME/wcif-desktop`` or ``~/.local/share/wcif-desktop``.
    ``WCIF_DATA_DIR`` overrides both (tests use it).
    """
    env = os.environ.get("WCIF_DATA_DIR")
    if env:
        p = Path(env)
    elif sys.platform == "win32":
        p = Path(os.environ.get("APPDATA", Path.home())) / "WCIF Desktop"
    else:
        p = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "wcif-desktop"
    p.mkdir(parents=True, exist_ok=True)
    return p
