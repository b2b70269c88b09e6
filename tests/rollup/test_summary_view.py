"""The read-only summary view ``v_evaluation_summary`` (migration m0081) read with plain sqlite3 (issue 22)."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal

from wcif_desktop.commands.score import score_report
from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store.db import EvaluationFile, sqlite_uri


def _view(path) -> dict:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)  # no app code involved
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM v_evaluation_summary")]
    finally:
        conn.close()
    assert len(rows) == 1
    return rows[0]


def test_view_matches_the_app(sample_path):
    row = _view(sample_path)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        rep = score_report(ef)
        ev = svc.evaluation(ef)
        snap = svc.load_snapshot(ef)
    assert row["total_score"] == rep["total"] == "82.33"
    assert (row["region"], row["fiscal_year"], row["agency"], row["locked"]) == (ev.region, ev.fiscal_year,
                                                                                 ev.agency, 0)
    # 26: the sample framework gained 劳动能力鉴定按时完成率 and 工伤预防费使用控制 (issue 18)
    assert row["leaf_indicators"] == row["scored_indicators"] == len(svc.leaf_indicators(snap)) == 26 and row["total_weight"] == "100.00"
    assert row["year_end_balance"] == "724120300.00" and row["problems"] == 3 and row["reports"] == 0
    assert row["history_entries"] > 0


def test_view_follows_edits_and_deletions(sample_path, workdir):
    path = workdir / "改动 后.wcif"
    shutil.copy2(sample_path, path)
    with EvaluationFile.open(path, backup=False) as ef:
        leaf = next(i for i in ef.records(Indicator) if i.level == 3 and i.weight > 1)
        svc.set_indicator_score(ef, leaf.id, leaf.weight - Decimal("0.67"), "扣分")
        expected = score_report(ef)["total"]
    row = _view(path)
    assert row["total_score"] == expected != "82.33"


def test_older_file_gets_the_view_when_migrated(sample_path):
    conn = sqlite3.connect(sample_path)
    with conn:
        conn.execute("DROP VIEW v_evaluation_summary")
        conn.execute("DELETE FROM schema_migrations WHERE number = 81")
    conn.execute("PRAGMA user_version = 80")
    conn.close()
    EvaluationFile.open(sample_path).close()
    assert _view(sample_path)["total_score"] == "82.33"
