"""Issue 21: ``EvaluationFile._log_many`` writes a batch of audit entries exactly as ``_log`` one at a time would
(same rows, hash chain, compact storage of long texts, history anchor), verify-history still finds a tampered
entry of a batch, and a batch the lock refuses writes nothing."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.services.report_archive import lock as archive_lock
from wcif_desktop.store.db import COMPACT_MIN_CHARS, EvaluationFile


def _entries(ef: EvaluationFile) -> list[tuple]:
    """A mix: short edits, creations, long text edits (stored as changes), the same long field edited twice
    within the batch, and entries by several people."""
    rng = random.Random(3)
    findings = ef.rows("finding")
    out = []
    long_a = "".join(rng.choice("基金收支预算执行绩效评价") for _ in range(COMPACT_MIN_CHARS))
    long_b = long_a[:100] + "改动" + long_a[102:]
    long_c = long_b[:300] + "再改" + long_b[302:]
    at = "2026-01-02T03:04:05.000006+08:00"
    for i, f in enumerate(findings):
        out.append(("finding", f["id"], "title", f["title"], f"{f['title']}（改{i}）", at, f"成员{i % 3}"))
    out.append(("finding", findings[0]["id"], "body", findings[0]["body"], long_a, at, None))
    out.append(("finding", findings[0]["id"], "body", long_a, long_b, at, "甲"))
    out.append(("finding", findings[0]["id"], "body", long_b, long_c, at, "乙"))
    out.append(("review_note", "n-1", "*", None, '{"text":"新的查阅记录"}', at, "甲"))
    out.append(("finding", findings[1]["id"], "deleted", 0, 1, at, None))
    return out


def _dump(path) -> tuple[list, dict]:
    conn = sqlite3.connect(str(path))
    try:
        log = conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'history_%'"))
        return log, meta
    finally:
        conn.close()


def test_a_batch_is_stored_as_one_entry_at_a_time_would_be(bare_sample_path, workdir):
    one_by_one = workdir / "逐条 写入.wcif"
    batched = workdir / "批量 写入.wcif"
    shutil.copy2(bare_sample_path, one_by_one)
    shutil.copy2(bare_sample_path, batched)

    ef = EvaluationFile.open(one_by_one, who="组长", backup=False)
    entries = _entries(ef)
    with ef.transaction():
        for table, rid, field, old, new, at, who in entries:
            ef.who = "组长" if who is None else who
            ef._log(table, rid, field, old, new, at)
    ef.close()

    ef = EvaluationFile.open(batched, who="组长", backup=False)
    with ef.transaction():
        assert ef._log_many(_entries(ef)) == len(entries)
    assert ef.verify_history(records=False) == []
    ef.close()

    log_a, meta_a = _dump(one_by_one)
    log_b, meta_b = _dump(batched)
    assert log_b == log_a
    assert meta_b == meta_a
    compacted = [r for r in log_b if r[-2] is not None]  # new_delta: long texts stored as changes
    assert len(compacted) >= 2


def test_verify_history_finds_a_tampered_entry_of_a_batch(bare_sample_path):
    ef = EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    entries = _entries(ef)
    with ef.transaction():
        ef._log_many(entries)
    assert ef.verify_history(records=False) == []
    seq = ef.conn.execute("SELECT seq FROM audit_log WHERE field = 'title' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    ef.conn.execute("UPDATE audit_log SET new = '被篡改' WHERE seq = ?", [seq])
    problems = ef.verify_history(records=False)
    assert any(f"第{seq}条" in p and "内容被改动" in p for p in problems), problems
    ef.close()


def test_a_batch_the_lock_refuses_writes_nothing(bare_sample_path):
    ef = EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    archive_lock(ef)
    before = _dump(bare_sample_path)
    entries = _entries(ef)
    with pytest.raises(ValidationError, match="锁定"):
        with ef.transaction():
            ef._log_many(entries)
    assert _dump(bare_sample_path) == before
    # the tables the lock leaves writable still are
    with ef.transaction():
        assert ef._log_many([("export", "x", "export", None, "{}", "2026-01-01T00:00:00+08:00", None)]) == 1
    assert ef.verify_history(records=False) == []
    ef.close()
