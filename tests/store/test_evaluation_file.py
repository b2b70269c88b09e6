import sqlite3
from decimal import Decimal

import pytest

from wcif_desktop.domain.errors import NewerSchemaError, NotAnEvaluationFile, ValidationError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store.db import APPLICATION_ID, EvaluationFile, schema_version


def test_sample_is_marked_and_versioned(sample_path):
    conn = sqlite3.connect(sample_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not sample_path.with_name(sample_path.name + "-wal").exists()


def test_edit_survives_reopen_and_is_audited(sample_path):
    ef = EvaluationFile.open(sample_path)
    leaf = next(i for i in ef.records(Indicator) if i.name == "预算执行率")
    svc.set_indicator_score(ef, leaf.id, "1.5", "支出预算偏差大")
    ef.close()
    ef = EvaluationFile.open(sample_path)
    assert ef.get(Indicator, leaf.id).score == Decimal("1.5")
    entries = list(ef.db.query(
        "SELECT * FROM audit_log WHERE record_id = ? AND field = 'score'", [leaf.id]))
    assert entries[-1]["old"] == "2.5" and entries[-1]["new"] == "1.5" and entries[-1]["who"] == "测试员"
    assert ef.verify_history() == []
    ef.close()


def test_invalid_score_is_refused_and_nothing_changes(sample_file):
    leaf = next(i for i in sample_file.records(Indicator) if i.name == "资金到位率")
    with pytest.raises(ValidationError):
        svc.set_indicator_score(sample_file, leaf.id, "5", "")
    with pytest.raises(ValidationError):
        svc.set_indicator_score(sample_file, leaf.id, "3", "")
    assert sample_file.get(Indicator, leaf.id).score == Decimal(4)


def test_altered_history_is_detected(sample_path):
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE audit_log SET new = 'x' WHERE seq = 5")
    conn.commit()
    conn.close()
    ef = EvaluationFile.open(sample_path)
    assert any("第5条" in p for p in ef.verify_history())
    ef.close()


def test_foreign_and_corrupt_files_are_refused(workdir):
    text = workdir / "报告.wcif"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotAnEvaluationFile, match="SQLite"):
        EvaluationFile.open(text)
    other = workdir / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(NotAnEvaluationFile, match="application_id"):
        EvaluationFile.open(other)
    with pytest.raises(NotAnEvaluationFile):
        EvaluationFile.open(workdir / "missing.wcif")


def test_newer_schema_is_refused(sample_path):
    conn = sqlite3.connect(sample_path)
    conn.execute(f"PRAGMA user_version={schema_version() + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError, match="更新版本"):
        EvaluationFile.open(sample_path)


def test_migration_added_below_the_files_version_is_still_applied(sample_path):
    """A migration numbered below the file's user_version (added by another area in the same release) runs."""
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("DELETE FROM schema_migrations WHERE number = 1")
    conn.execute("ALTER TABLE meta RENAME TO meta_old")
    conn.close()
    import wcif_desktop.store.migrations.m0001_core as core

    calls = []
    original = core.migrate

    def only_meta(db):
        calls.append(1)
        db["meta"].create({"key": str, "value": str}, pk="key")

    core.migrate = only_meta
    try:
        ef = EvaluationFile.open(sample_path)
    finally:
        core.migrate = original
    assert calls == [1]
    assert {1} <= ef.applied_migrations()
    assert ef.pending_migrations() == []
    assert sample_path.with_name(sample_path.name + f".v{schema_version()}.bak").exists()
    ef.close()


def test_file_with_unknown_migration_is_refused(sample_path):
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("INSERT INTO schema_migrations VALUES (15, 'm0015_future', '')")
    conn.close()
    with pytest.raises(NewerSchemaError, match="15"):
        EvaluationFile.open(sample_path)


def test_file_names_with_uri_characters_open_and_merge(sample_path, workdir):
    """Files are opened by SQLite URI (so ATTACH takes ``mode=ro&immutable=1``): a name with characters that mean
    something in a URI (``? # % &``), Chinese characters and spaces still opens, saves and is imported."""
    from wcif_desktop.services import exchange

    odd = workdir / "评价 文件夹 #1" / "呼和浩特 100% ?&=.wcif"
    odd.parent.mkdir()
    exchange.export_evaluation(sample_path, odd)  # a member's copy, written through a URI too
    ef = EvaluationFile.open(odd, backup=False)
    fid = ef.rows("finding")[0]["id"]
    ef.update("finding", fid, {"title": "改 <标题> & 说明"})
    assert [r[2] for r in ef.conn.execute("PRAGMA database_list")][0] == str(odd)
    ef.close()
    ef = EvaluationFile.open(sample_path, backup=False)
    rep = exchange.import_file(ef, odd)
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] == "改 <标题> & 说明" and not rep.conflicts
    ef.close()
    assert not list(odd.parent.glob("*%*%*")) and sorted(p.name for p in odd.parent.iterdir()) == [odd.name]
