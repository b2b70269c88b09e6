"""Locating bundled resources and the user's data folder.

Resources live in the top-level ``resources/`` folder of the source tree, a package (``resources``) read through
:mod:`importlib.resources`: the same call finds them in the source tree, in an installed wheel and in the
PyInstaller bundle (whose importer serves ``files()`` from ``<bundle>/_internal/resources``). Every reader goes
through :func:`resource`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCE_PACKAGE = "resources"


def resources_root() -> Path:
    """Return the folder holding the bundled resources (``importlib.resources.files("resources")``).

    The folder the import system names for the package (its spec's search location) is taken when it holds the
    resources, without importing :mod:`importlib.resources` and its readers (start-up time, issue 21); this is
    the folder ``files()`` returns for a package on disk, in the source tree, a wheel or the PyInstaller bundle.
    Otherwise ``files()`` decides.

    Raises:
        FileNotFoundError: the ``resources`` package is missing, or is not a folder on disk (e.g. inside a zip
        archive; fonts and translations are handed to reportlab and Qt by path).
    """
    global _ROOT
    if _ROOT is not None:
        return _ROOT
    import importlib.util

    try:
        spec = importlib.util.find_spec(RESOURCE_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(location)
        if (path / "fonts").is_dir():
            _ROOT = path
            return path
    import importlib.resources

    try:
        root = importlib.resources.files(RESOURCE_PACKAGE)
    except ModuleNotFoundError as e:
        raise FileNotFoundError(f"bundled resources not found (package {RESOURCE_PACKAGE!r} missing): {e}") from e
    path = Path(str(root))
    if not isinstance(root, Path) or not (path / "fonts").is_dir():
        raise FileNotFoundError(f"bundled resources are not a folder on disk: {root}")
    _ROOT = path
    return path


_ROOT: Path | None = None  # found once per process


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


def user_cache_dir() -> Path:
    """The per-user cache folder (data the app can rebuild, e.g. parsed fonts); created on first use.

    Windows: ``%LOCALAPPDATA%/WCIF Desktop/cache``; elsewhere ``$XDG_CACHE_HOME/wcif-desktop`` or
    ``~/.cache/wcif-desktop``. ``WCIF_CACHE_DIR`` overrides; with only ``WCIF_DATA_DIR`` set (tests) it is
    ``WCIF_DATA_DIR/cache``. Anything in it may be deleted at any time.

    Raises:
        OSError: the folder cannot be created (callers treat the cache as optional).
    """
    env = os.environ.get("WCIF_CACHE_DIR")
    if env:
        p = Path(env)
    elif os.environ.get("WCIF_DATA_DIR"):
        p = Path(os.environ["WCIF_DATA_DIR"]) / "cache"
    elif sys.platform == "win32":
        p = Path(os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or Path.home()) / "WCIF Desktop" / "cache"
    else:
        p = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wcif-desktop"
    p.mkdir(parents=True, exist_ok=True)
    return p
