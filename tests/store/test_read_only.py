"""Issue 15 §1: a read-only way to open a file — no backup, no migration in place, no write, no sidecar applied."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.domain.model import Evaluation, Finding
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store import backups, db

from .test_sidecars import TITLE, _other_evaluation, _side, _wal_of


def _state(path: Path) -> tuple:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, sorted(os.listdir(path.parent))


def test_read_only_open_reads_and_changes_nothing(sample_path):
    before = _state(sample_path)
    with svc.open_read_only(sample_path) as ef:
        assert ef.read_only
        snap = svc.load_snapshot(ef)
        assert snap.evaluation.title == TITLE and snap.indicators
        with pytest.raises(WcifError, match="只读"):
            svc.update_record(ef, Evaluation, snap.evaluation.id, title="不该写入")
        with pytest.raises(WcifError, match="只读"):
            ef.insert(Finding(title="不该写入", kind="problem"))
        with pytest.raises(sqlite3.OperationalError):
            ef.conn.execute("DELETE FROM finding")
    assert _state(sample_path) == before
    assert backups.list_backups(sample_path) == []


def test_read_only_open_ignores_a_sidecar_and_leaves_it_there(sample_path):
    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = '另一个评价（WAL）'"], beside=sample_path)
    before = _state(sample_path)
    with svc.open_read_only(sample_path) as ef:
        assert svc.evaluation(ef).title == TITLE
    assert _state(sample_path) == before and _side(sample_path, "-wal").exists()


def test_read_only_open_of_an_older_file_migrates_a_private_copy(sample_path, monkeypatch):
    import wcif_desktop.store.db as dbmod

    real = dbmod.all_migrations()

    def newer(db_):
        db_["rollup_probe"].create({"id": str}, pk="id")

    monkeypatch.setattr(dbmod, "all_migrations", lambda: [*real, (999, "m0999_probe", newer)])
    before = _state(sample_path)
    ef = svc.open_read_only(sample_path)
    try:
        copy = ef.migrated_copy
        assert copy is not None and copy.is_file() and sample_path.parent not in copy.parents
        assert ef.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'rollup_probe'").fetchone()
        assert svc.evaluation(ef).title == TITLE and ef.pending_migrations() == []
    finally:
        ef.close()
    assert not copy.exists()
    assert _state(sample_path) == before


def test_read_only_open_refuses_what_is_not_an_evaluation_file(workdir):
    other = workdir / "其他.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(db.NotAnEvaluationFile):
        svc.open_read_only(other)
    with pytest.raises(db.NotAnEvaluationFile):
        svc.open_read_only(workdir / "没有.wcif")


def test_read_only_open_of_a_crashed_file_shows_the_state_before_the_interrupted_save(sample_path, workdir):
    from .test_sidecars import SPILL_EDITS, _hot_journal_of

    crashed_dir = workdir / "中断"
    crashed_dir.mkdir()
    crashed = crashed_dir / sample_path.name
    _hot_journal_of(sample_path, SPILL_EDITS, crashed)
    before = _state(crashed), _side(crashed, "-journal").read_bytes()
    with svc.open_read_only(crashed) as ef:
        assert svc.evaluation(ef).title == TITLE
        assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        private = ef.migrated_copy
        assert private is not None and crashed.parent not in private.parents
    assert not private.exists()
    assert (_state(crashed), _side(crashed, "-journal").read_bytes()) == before


def test_read_only_open_never_applies_a_journal_of_another_file(sample_path, workdir):
    from .test_sidecars import SPILL_EDITS, _hot_journal_of

    other = _other_evaluation(sample_path, "另一个.wcif")
    elsewhere = workdir / "别处"
    elsewhere.mkdir()
    _hot_journal_of(other, SPILL_EDITS, elsewhere / other.name)
    shutil.copyfile(_side(elsewhere / other.name, "-journal"), _side(sample_path, "-journal"))
    before = _state(sample_path)
    with svc.open_read_only(sample_path) as ef:
        assert svc.evaluation(ef).title == TITLE and ef.migrated_copy is None
        assert "other-evaluation-uuid" not in [r[0] for r in ef.conn.execute("SELECT id FROM evaluation")]
    assert _state(sample_path) == before
