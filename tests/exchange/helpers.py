"""Shared helpers of the exchange tests."""

from __future__ import annotations

from pathlib import Path

from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

SKIP_TABLES = {"sync_head", "sync_ancestor", "merge_conflict", "merge_log", "peer_history", "audit_log", "meta"}


def export_copy(src: Path, out: Path, **kw) -> Path:
    exchange.export_evaluation(src, out, log2_n=12, **kw)
    return out


def record_state(path_or_ef) -> dict:
    """{(table, id): content without modified_at/by} of every record table (tombstones included)."""
    own = not isinstance(path_or_ef, EvaluationFile)
    ef = EvaluationFile.open(path_or_ef, backup=False) if own else path_or_ef
    try:
        out = {}
        for t in merge.classify_tables(ef.conn).records:
            for r in ef.rows(t, include_deleted=True):
                out[(t, r["id"])] = merge.content_of(r)
        return out
    finally:
        if own:
            ef.close()


def table_dump(path) -> dict:
    """Every row of every table (for "nothing changed" checks)."""
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        conn.close()
