"""Shared helpers of the benchmark scripts (never part of the test run).

Each script prints human-readable lines and, for every figure, one machine-readable line::

    BENCH {"name": "...", "value": 1.23, "unit": "ms", "target": "<= 5", "ok": true}

``benchmarks/run_all.py`` collects those lines into one table.
"""

from __future__ import annotations

import json
import sys


def report(name: str, value: float | None, unit: str, target: str = "", ok: bool | None = None, note: str = "") -> None:
    """Print one figure as a BENCH line (value None = not measured, with a note why)."""
    print("BENCH " + json.dumps({"name": name, "value": value, "unit": unit, "target": target, "ok": ok,
                                 "note": note}, ensure_ascii=False))
    sys.stdout.flush()
