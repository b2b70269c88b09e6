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
    """[(number, name, migrate_function)] sorted by number (the package is listed once per process: every open
    of a file asks, and a roll-up opens hundreds)."""
    return [(number, name, module.migrate) for number, name, module in _listed()]


@functools.lru_cache(maxsize=1)
def _listed() -> tuple:
    found = []
    for mod in pkgutil.iter_modules(__path__):
        m = _NAME.match(mod.name)
        if m:
            module = importlib.import_module(f"{__name__}.{mod.name}")
            found.append((int(m.group(1)), mod.name, module))
    found.sort()
    return tuple(found)
