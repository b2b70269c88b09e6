"""Issue 15 §1: whatever lies beside an evaluation file (``-wal``, ``-shm``, ``-journal``) never damages it.

Each case first shows that plain SQLite (what the app did before) would take the sidecar in, on a spare copy, so
the test fails if the protection is gone; then opens the file through the app and checks it is unchanged (or
recovered), the sidecar is in the set-aside folder, and nothing of the other database got in.
"""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from wcif_desktop.domain.model import Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store import sidecars
from wcif_desktop.store.db import EvaluationFile

TITLE = "呼和浩特市2021年度工伤保险基金项目绩效评价"


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _facts(path: Path) -> tuple:
    """(title, evaluation ids, scores) read from the file's own bytes (sidecars ignored)."""
    conn = sqlite3.connect(sidecars_uri(path), uri=True)
    try:
        title = conn.execute("SELECT title FROM evaluation").fetchone()[0]
        ids = [r[0] for r in conn.execute("SELECT id FROM evaluation")]
        scores = sorted((r[0], r[1]) for r in conn.execute("SELECT id, score FROM indicator"))
        return title, ids, scores
    finally:
        conn.close()


def sidecars_uri(path: Path) -> str:
    from wcif_desktop.store.db import sqlite_uri

    return sqlite_uri(path, mode="ro", immutable=1)


def _raw_open_changes(path: Path, *suffixes: str) -> bool:
    """Open a spare copy of ``path`` (with its sidecars) with plain SQLite, read-write as the app used to:
    True when that changes the file's bytes (the sidecar was applied)."""
    spare_dir = path.parent / "spare"
    spare_dir.mkdir(exist_ok=True)
    spare = spare_dir / path.name
    shutil.copyfile(path, spare)
    for s in suffixes:
        shutil.copyfile(_side(path, s), _side(spare, s))
    before = spare.read_bytes()
    conn = sqlite3.connect(str(spare))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()
    changed = spare.read_bytes() != before
    shutil.rmtree(spare_dir)
    return changed


def _aside_folders(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.is_dir() and p.name.startswith(path.name + " 旁的附属文件"))


def _other_evaluation(sample_path: Path, name: str) -> Path:
    """Another evaluation of the same schema: a copy of the sample with its own UUID, title and scores (edited
    through the app, so its history goes on differently)."""
    other = sample_path.with_name(name)
    shutil.copyfile(sample_path, other)
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("UPDATE evaluation SET id = 'other-evaluation-uuid'")
    conn.close()
    ef = EvaluationFile.open(other, backup=False)
    try:
        ev = svc.evaluation(ef)
        svc.update_record(ef, type(ev), ev.id, title="另一个评价项目")
        for ind in ef.records(Indicator):
            if ind.score is not None and ind.score > 0:
                svc.set_indicator_score(ef, ind.id, "0", "另一个评价的扣分")
    finally:
        ef.close()
    return other


def _wal_of(db: Path, edits: list[str], beside: Path) -> None:
    """Switch ``db`` to WAL mode, make ``edits`` and copy its ``-wal``/``-shm`` beside ``beside`` while the
    connection is still open (never checkpointed), as a sync client or a USB copy would."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    for sql in edits:
        conn.execute(sql)
    shutil.copyfile(_side(db, "-wal"), _side(beside, "-wal"))
    shutil.copyfile(_side(db, "-shm"), _side(beside, "-shm"))
    conn.close()


def _hot_journal_of(db: Path, edits: list[str], out: Path) -> None:
    """Write ``out`` and ``out-journal`` as ``db`` would be found after a crash in the middle of ``edits``:
    the transaction's pages partly written into the file (a cache spill) and the journal of the originals."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA cache_size=2")
    conn.execute("PRAGMA cache_spill=1")
    conn.execute("BEGIN IMMEDIATE")
    for sql in edits:
        conn.execute(sql)
    shutil.copyfile(db, out)
    shutil.copyfile(_side(db, "-journal"), _side(out, "-journal"))
    conn.execute("ROLLBACK")
    conn.close()


SPILL_EDITS = ["UPDATE audit_log SET who = who || '·'", "UPDATE indicator SET name = name || '·', score = NULL",
               "UPDATE evaluation SET title = '中断的修改'"]


# ---------------------------------------------------------------------------------------------- -wal / -shm
def test_wal_of_another_evaluation_is_set_aside_and_never_applied(sample_path):
    other = _other_evaluation(sample_path, "另一个 评价.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = '另一个评价（WAL 中的修改）'", "UPDATE indicator SET score = 0"],
            beside=sample_path)
    assert _raw_open_changes(sample_path, "-wal", "-shm")  # what plain SQLite does with it
    before_bytes, before = sample_path.read_bytes(), _facts(sample_path)

    ef = EvaluationFile.open(sample_path)
    try:
        assert svc.evaluation(ef).title == TITLE
        assert sorted((i.id, i.score) for i in ef.records(Indicator)) == sorted(
            (i, None if v is None else Decimal(v)) for i, v in before[2])
        assert ef.notices and "-wal" in ef.notices[0] and "旁的附属文件" in ef.notices[0]
    finally:
        ef.close()
    assert sample_path.read_bytes() == before_bytes
    assert _facts(sample_path) == before and before[0] == TITLE
    assert not _side(sample_path, "-wal").exists() and not _side(sample_path, "-shm").exists()
    [folder] = _aside_folders(sample_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [sample_path.name + "-wal", sample_path.name + "-shm", "说明.txt"])
    assert (folder / (sample_path.name + "-wal")).stat().st_size > 0  # moved, not emptied


def test_wal_of_an_unrelated_database_is_set_aside(sample_path, workdir):
    unrelated = workdir / "其他程序.db"
    conn = sqlite3.connect(unrelated, isolation_level=None)
    conn.execute("PRAGMA page_size=4096")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    _wal_of(unrelated, ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                        "INSERT INTO notes (body) SELECT hex(randomblob(500)) FROM pragma_table_info('t')"],
            beside=sample_path)
    assert _raw_open_changes(sample_path, "-wal", "-shm")
    before_bytes = sample_path.read_bytes()

    ef = svc.open_file(sample_path)
    try:
        assert svc.evaluation(ef).title == TITLE
        assert not ef.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'notes'").fetchone()
    finally:
        ef.close()
    assert sample_path.read_bytes() == before_bytes
    ef = EvaluationFile.open(sample_path)  # and it opens again, with nothing to say
    assert ef.notices == []
    ef.close()
    assert len(_aside_folders(sample_path)) == 1


def test_a_lone_shm_is_set_aside_too(sample_path):
    _side(sample_path, "-shm").write_bytes(b"\0" * 32768)
    ef = EvaluationFile.open(sample_path)
    ef.close()
    assert not _side(sample_path, "-shm").exists() and len(_aside_folders(sample_path)) == 1


def test_a_sidecar_that_cannot_be_moved_refuses_the_open_in_one_sentence(sample_path, monkeypatch):
    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = 'X'"], beside=sample_path)
    before = sample_path.read_bytes()

    def no_move(*a, **k):
        raise PermissionError(13, "只读文件夹")

    monkeypatch.setattr(sidecars.os, "replace", no_move)
    with pytest.raises(sidecars.SidecarError) as err:
        EvaluationFile.open(sample_path)
    msg = str(err.value)
    assert sample_path.name + "-wal" in msg and str(sample_path) in msg and "只读" in msg and "\n" not in msg
    monkeypatch.undo()
    assert sample_path.read_bytes() == before and _side(sample_path, "-wal").exists()


# ---------------------------------------------------------------------------------------------- -journal
def test_hot_journal_of_the_same_file_is_recovered_on_a_copy(sample_path, workdir):
    pristine = sample_path.read_bytes()
    crashed_dir = workdir / "中断"
    crashed_dir.mkdir()
    crashed = crashed_dir / sample_path.name
    _hot_journal_of(sample_path, SPILL_EDITS, crashed)
    assert crashed.read_bytes() != pristine  # half of the interrupted save is in the file
    ef = EvaluationFile.open(crashed)
    try:
        assert svc.evaluation(ef).title == TITLE
        assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ef.notices and "已恢复" in ef.notices[0]
    finally:
        ef.close()
    assert crashed.read_bytes() == pristine  # exactly the state before the interrupted save
    assert not _side(crashed, "-journal").exists()
    [folder] = _aside_folders(crashed)
    names = {p.name for p in folder.iterdir()}
    assert {crashed.name, crashed.name + "-journal", "说明.txt"} <= names
    assert (folder / crashed.name).read_bytes() != pristine  # the file as found is kept


def test_hot_journal_of_another_evaluation_is_set_aside(sample_path, workdir):
    other = _other_evaluation(sample_path, "另一个 评价.wcif")
    elsewhere = workdir / "别处"
    elsewhere.mkdir()
    _hot_journal_of(other, SPILL_EDITS, elsewhere / other.name)
    shutil.copyfile(_side(elsewhere / other.name, "-journal"), _side(sample_path, "-journal"))
    assert _raw_open_changes(sample_path, "-journal")
    before_bytes, before = sample_path.read_bytes(), _facts(sample_path)

    ef = EvaluationFile.open(sample_path)
    try:
        assert svc.evaluation(ef).title == TITLE
        assert ef.notices and "不属于该文件" in ef.notices[0]
    finally:
        ef.close()
    assert sample_path.read_bytes() == before_bytes and _facts(sample_path) == before
    assert "other-evaluation-uuid" not in str(_facts(sample_path))
    [folder] = _aside_folders(sample_path)
    assert (folder / (sample_path.name + "-journal")).is_file() and not _side(sample_path, "-journal").exists()


def test_journal_whose_roll_back_is_a_whole_other_evaluation_is_refused_by_identity(sample_path, workdir):
    """A journal holding every page of another evaluation rolls back to an intact file: only the identity check
    (the evaluation's UUID) tells it is not this one."""
    other = _other_evaluation(sample_path, "另一个.wcif")
    head = sample_path.read_bytes()[:100]
    with open(other, "r+b") as fh:  # the same change counter as this file: only the identity tells them apart
        fh.seek(24)
        fh.write(head[24:28])
        fh.seek(92)
        fh.write(head[92:96])
    pages = sqlite3.connect(other).execute("PRAGMA page_count").fetchone()[0]
    elsewhere = workdir / "别处"
    elsewhere.mkdir()
    # every page of the other file changes in the transaction (a blob as large as the file, then rolled back)
    _hot_journal_of(other, ["CREATE TABLE filler (b BLOB)", f"INSERT INTO filler VALUES (zeroblob({pages * 4096}))",
                            "UPDATE audit_log SET who = who || '·'", "UPDATE indicator SET name = name || '·'",
                            "UPDATE sync_head SET hash = hash || '·'", "UPDATE sync_ancestor SET hash = hash || '·'",
                            "UPDATE meta SET value = value || '·'", "UPDATE evaluation SET title = title || '·'",
                            "UPDATE finding SET title = title || '·'", "UPDATE narrative SET text = text || '·'"],
                    elsewhere / other.name)
    shutil.copyfile(_side(elsewhere / other.name, "-journal"), _side(sample_path, "-journal"))
    before_bytes = sample_path.read_bytes()
    counter_check = sidecars._counter_follows
    checked = []
    sidecars._counter_follows = lambda a, b: checked.append(counter_check(a, b)) or checked[-1]
    try:
        report = sidecars.secure(sample_path)
    finally:
        sidecars._counter_follows = counter_check
    assert checked in ([], [True])  # (identity is checked first: the counter alone would not have told)
    assert not report.recovered and report.moved == [sample_path.name + "-journal"]
    assert sample_path.read_bytes() == before_bytes


def test_stale_journal_of_an_earlier_state_of_the_same_file_is_set_aside(sample_path, workdir):
    """A journal kept from a crash long ago (say, copied back from a USB stick) would put old pages among newer
    ones: the file went on being edited since, so it is not applied."""
    then = workdir / "当时"
    then.mkdir()
    _hot_journal_of(sample_path, SPILL_EDITS, then / sample_path.name)
    ef = EvaluationFile.open(sample_path, backup=False)
    try:
        for n, ind in enumerate(i for i in ef.records(Indicator) if i.score):
            svc.set_indicator_score(ef, ind.id, ind.score, f"后来的修改 {n}")
    finally:
        ef.close()
    shutil.copyfile(_side(then / sample_path.name, "-journal"), _side(sample_path, "-journal"))
    assert _raw_open_changes(sample_path, "-journal")
    before = sample_path.read_bytes()
    report = sidecars.secure(sample_path)
    assert not report.recovered and report.moved == [sample_path.name + "-journal"]
    assert sample_path.read_bytes() == before


def test_journal_of_a_write_in_progress_is_left_alone(sample_path):
    """A -journal whose writer still holds the lock is not stale: nothing is moved, and the write goes on."""
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE evaluation SET title = '进行中的修改'")
    assert _side(sample_path, "-journal").exists()
    try:
        report = sidecars.secure(sample_path)
        assert report.moved == [] and report.notices == [] and _side(sample_path, "-journal").exists()
    finally:
        conn.execute("COMMIT")
        conn.close()
    assert _facts(sample_path)[0] == "进行中的修改"


def test_cli_says_what_it_set_aside_on_stderr(sample_path, capsys):
    from wcif_desktop.cli import main

    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE evaluation SET title = 'X'"], beside=sample_path)
    code = main(["score", str(sample_path)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "-wal" in err and "旁的附属文件" in err
    assert _facts(sample_path)[0] == TITLE


def test_verify_history_reads_the_file_not_a_wal_beside_it(sample_path):
    from wcif_desktop.services.exchange import verify_history_file

    other = _other_evaluation(sample_path, "另一个.wcif")
    _wal_of(other, ["UPDATE audit_log SET new = '篡改' WHERE seq = 3"], beside=sample_path)
    before = sample_path.read_bytes()
    assert verify_history_file(sample_path) == []
    assert sample_path.read_bytes() == before and _side(sample_path, "-wal").exists()


CRASH_CHILD = r"""
import sys, time
from wcif_desktop.store.db import EvaluationFile, warm_up
ef = EvaluationFile.open(sys.argv[1], who="崩溃测试", backup=False)
warm_up()
ef.conn.execute("PRAGMA cache_size=5")  # small cache: the transaction's pages spill into the file before commit
rows = [r["id"] for r in ef.rows("indicator")]
n = 0
with ef.transaction():
    print("in", flush=True)
    while True:  # never commits: killed half-way, the file is left half-written with its journal
        for rid in rows:
            ef.update("indicator", rid, {"deduction_reason": f"未提交的修改 {n} " + "长" * 300})
        n += 1
"""


@pytest.mark.slow
def test_sigkill_inside_a_large_transaction_is_recovered_every_time(sample_path, workdir):
    """Real interrupted saves (a process killed inside a transaction whose pages spilled into the file): each is
    recovered on a copy, the recovered file equals the last committed state, and the journal goes aside."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    repo = Path(__file__).resolve().parents[2]
    script = workdir / "child.py"
    script.write_text(CRASH_CHILD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(repo))
    rng = random.Random(15)
    committed = _facts(sample_path)
    recovered = 0
    for _round in range(12):
        p = subprocess.Popen([sys.executable, str(script), str(sample_path)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "in", p.stderr.read()
        time.sleep(rng.uniform(0.05, 0.6))
        p.send_signal(signal.SIGKILL)
        p.communicate()
        hot = _side(sample_path, "-journal").exists()
        ef = EvaluationFile.open(sample_path, backup=False)
        try:
            assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert ef.verify_history() == []
            if hot:
                assert ef.notices and "已恢复" in ef.notices[0], ef.notices
                recovered += 1
        finally:
            ef.close()
        assert _facts(sample_path) == committed
        assert not _side(sample_path, "-journal").exists()
    assert recovered >= 6
