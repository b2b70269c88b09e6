"""Issue 15 §1: rolling backups — taken from the file as found before any read-write connection, the session's
"as opened" backup kept, evidence chunks stored once, and a backup restores to a complete file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.domain.model import Evaluation
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import evidence as evsvc
from wcif_desktop.store import backups, db
from wcif_desktop.store.db import EvaluationFile

from .test_sidecars import TITLE, _other_evaluation, _wal_of


def _title_of(path: Path) -> str:
    conn = sqlite3.connect(db.sqlite_uri(path, mode="ro", immutable=1), uri=True)
    try:
        return conn.execute("SELECT title FROM evaluation").fetchone()[0]
    finally:
        conn.close()


def _retitle(path: Path, title: str) -> None:
    ef = EvaluationFile.open(path, backup=False)
    try:
        svc.update_record(ef, Evaluation, svc.evaluation(ef).id, title=title)
    finally:
        ef.close()


def _table_digest(path: Path) -> dict[str, str]:
    """SHA-256 of every table's rows (ordered), evidence chunk data included."""
    conn = sqlite3.connect(db.sqlite_uri(path, mode="ro", immutable=1), uri=True)
    try:
        out = {}
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
            h = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2'):
                h.update(repr(row).encode())
            out[t] = h.hexdigest()
        return out
    finally:
        conn.close()


def test_backup_is_taken_before_any_read_write_connection_from_the_file_as_found(sample_path, monkeypatch):
    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = '另一个评价（WAL）'"], beside=sample_path)
    events = []
    real_connect, real_write = db._connect, backups.write_backup
    monkeypatch.setattr(db, "_connect", lambda p: events.append(("connect", Path(p).name)) or real_connect(p))
    monkeypatch.setattr(backups, "write_backup",
                        lambda src, dest, *a, **k: events.append(("backup", Path(src).name)) or real_write(src, dest, *a, **k))
    ef = EvaluationFile.open(sample_path)
    ef.close()
    assert events[:2] == [("backup", sample_path.name), ("connect", sample_path.name)]
    [b] = backups.list_backups(sample_path)
    assert _title_of(b) == TITLE and ef.backup == b


def test_as_opened_backup_survives_later_backups_in_the_session(sample_path):
    session = EvaluationFile.open(sample_path)  # the GUI's connection
    as_opened = session.backup
    assert as_opened is not None and _title_of(as_opened) == TITLE
    try:
        for n in range(4):  # e.g. four report generations, each opening the file on a worker thread
            svc.update_record(session, Evaluation, svc.evaluation(session).id, title=f"修改 {n}")
            worker = EvaluationFile.open(sample_path)
            assert worker.backup == as_opened
            worker.close()
        assert backups.list_backups(sample_path) == [as_opened]
        for n in range(4):  # another program (or process) backing the changed file up: the pinned one stays
            _retitle(sample_path, f"别处修改 {n}")
            assert backups.rolling_backup(sample_path) is not None
        kept = backups.list_backups(sample_path)
        assert as_opened in kept and len(kept) == backups.KEEP + 1
        assert _title_of(as_opened) == TITLE
    finally:
        session.close()
    _retitle(sample_path, "会话结束后")
    backups.rolling_backup(sample_path)  # after the session the rolling limit applies again
    assert len(backups.list_backups(sample_path)) == backups.KEEP and as_opened not in backups.list_backups(sample_path)


def test_unchanged_file_takes_no_new_backup(sample_path):
    EvaluationFile.open(sample_path).close()
    ef = EvaluationFile.open(sample_path)
    ef.close()
    assert len(backups.list_backups(sample_path)) == 1 and ef.backup == backups.list_backups(sample_path)[0]


def _chunk_files() -> list[Path]:
    store = backups.chunk_store()
    return sorted(p for p in store.rglob("*") if p.is_file() and p.parent != store) if store.exists() else []


def _evidence_files(folder: Path, sizes: list[int]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for i, size in enumerate(sizes):
        f = folder / f"证据 {i}.bin"
        f.write_bytes(os.urandom(size))
        out.append(f)
    return out


def test_evidence_chunks_are_stored_once_and_a_backup_restores_completely(bare_sample_path, workdir):
    """On the bare sample (no evidence of its own), so the chunk store holds exactly the three contents added here."""
    sample_path = bare_sample_path
    files = _evidence_files(workdir / "证据", [3 * evsvc.CHUNK_SIZE + 123, 5000, evsvc.CHUNK_SIZE])
    ef = EvaluationFile.open(sample_path, backup=False)
    for f in files:
        evsvc.add_evidence(ef, f)
    ef.close()
    evidence_bytes = sum(f.stat().st_size for f in files)
    first = EvaluationFile.open(sample_path)
    first.close()
    store_files = _chunk_files()
    assert len(store_files) == 3  # one pack per content: 4 + 1 + 1 chunks, each with a 4-byte length
    assert sum(p.stat().st_size for p in store_files) == evidence_bytes + 4 * (4 + 1 + 1)
    assert first.backup.stat().st_size < evidence_bytes / 4  # the backup itself holds no evidence
    stamps = {p: p.stat().st_mtime_ns for p in store_files}

    _retitle(sample_path, "改过的标题")
    second = EvaluationFile.open(sample_path)
    second.close()
    assert second.backup != first.backup and _title_of(second.backup) == "改过的标题"
    assert {p: p.stat().st_mtime_ns for p in _chunk_files()} == stamps

    restored = workdir / "恢复 的文件.wcif"
    backups.restore_backup(second.backup, restored)
    assert _table_digest(restored) == _table_digest(sample_path)
    (workdir / "取出").mkdir()
    ef = EvaluationFile.open(restored)
    try:
        assert evsvc.verify_evidence(ef) == []
        for f in files:
            sha = hashlib.sha256(f.read_bytes()).hexdigest()
            out = evsvc.extract_evidence(ef, sha, workdir / "取出" / f.name)
            assert out.read_bytes() == f.read_bytes()
    finally:
        ef.close()
    older = workdir / "较早.wcif"
    backups.restore_backup(first.backup, older)
    assert _title_of(older) == TITLE and _table_digest(older)["evidence_chunk"] == _table_digest(restored)["evidence_chunk"]


def test_restore_refuses_when_a_chunk_is_missing(sample_path, workdir):
    [f] = _evidence_files(workdir / "证据", [2 * evsvc.CHUNK_SIZE])
    ef = EvaluationFile.open(sample_path, backup=False)
    evsvc.add_evidence(ef, f)
    ef.close()
    opened = EvaluationFile.open(sample_path)
    opened.close()
    victim = _chunk_files()[0]
    victim.unlink()
    dest = workdir / "恢复.wcif"
    with pytest.raises(WcifError, match="缺失或已损坏"):
        backups.restore_backup(opened.backup, dest)
    assert not dest.exists() and not dest.with_name(dest.name + ".part").exists()


def test_damaged_evidence_is_kept_inside_the_backup(sample_path, workdir):
    """Content whose chunks do not hash to its SHA-256 never enters the shared store (it would stand for the
    good content of other files): the backup keeps it as it is."""
    [f] = _evidence_files(workdir / "证据", [4096])
    ef = EvaluationFile.open(sample_path, backup=False)
    evsvc.add_evidence(ef, f)
    ef.close()
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("UPDATE evidence_chunk SET data = X'00112233'")
    conn.close()
    opened = EvaluationFile.open(sample_path)
    opened.close()
    assert _chunk_files() == []
    restored = workdir / "恢复.wcif"
    backups.restore_backup(opened.backup, restored)
    assert _table_digest(restored)["evidence_chunk"] == _table_digest(sample_path)["evidence_chunk"]


def test_failed_backup_does_not_stop_the_open(sample_path, monkeypatch):
    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "write_backup", full)
    ef = EvaluationFile.open(sample_path)
    try:
        assert svc.evaluation(ef).title == TITLE and ef.backup is None
    finally:
        ef.close()
    assert not list(backups.backup_dir(sample_path).glob("*.part"))


def test_backup_is_an_intact_evaluation_file(sample_path):
    path = backups.rolling_backup(sample_path)
    assert path is not None and _title_of(path) == TITLE
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == db.schema_version()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_cli_lists_and_restores_backups(sample_path, workdir, capsys):
    from wcif_desktop.cli import main

    EvaluationFile.open(sample_path).close()
    assert main(["backups", str(sample_path)]) == 0
    [b] = backups.list_backups(sample_path)
    assert str(b) in capsys.readouterr().out
    out = workdir / "从备份 恢复.wcif"
    assert main(["restore-backup", str(b), "-o", str(out)]) == 0
    assert _table_digest(out) == _table_digest(sample_path)
    assert main(["restore-backup", str(b), "-o", str(out)]) == 2  # never overwrites
    assert capsys.readouterr().err.startswith("错误：")
