"""Schema migrations, applied in order of their number.

Each module ``mNNNN_name.py`` in this package defines ``migrate(db)`` (db: ``sqlite_utils.Database``) and is
applied once (table ``schema_migrations`` records which; ``PRAGMA user_version`` the highest number). Number ranges per area, so that
work on different areas does not collide: 0001–0009 core, 0010s scoring, 0020s review/evidence, 0030s finance
and targets, 0040s surveys, 0050s report, 0060s exchange/history, 0070s documents, 0080s roll-up and
baseline (last year's file, the summary view).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

_NAME = re.compile(r"^m(\d{4})_\w+$")


def all_migrations():
    """[(number, name, migrate_function)] sorted by number. The package is listed once per process (every open
    of a file asks, and a roll-up opens hundreds); a migration's module is imported only when its function is
    first called, since opening an up-to-date file needs only the numbers (start-up time, issue 21)."""
    return list(_listed())


class _Migration:
    """``migrate(db)`` of the module ``name`` of this package, imported on the first call (looked up on every
    call, so the module's function is the one called)."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __call__(self, db):
        return importlib.import_module(f"{__name__}.{self.name}").migrate(db)

    def __repr__(self) -> str:
        return f"<migration {self.name}>"


@functools.lru_cache(maxsize=1)
def _listed() -> tuple:
    found = []
    for mod in pkgutil.iter_modules(__path__):
        m = _NAME.match(mod.name)
        if m:
            found.append((int(m.group(1)), mod.name, _Migration(mod.name)))
    found.sort(key=lambda t: t[0])
    return tuple(found)
