"""Crash safety: journal settings, SIGKILL during edit loops, disk-full and I/O errors, rolling backups."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange
from wcif_desktop.store import backups
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from wcif_desktop.domain.model import Finding
from wcif_desktop.store.db import EvaluationFile, warm_up
ef = EvaluationFile.open(sys.argv[1], who="崩溃测试")
warm_up()  # import what writing needs now, so the kills land among edits, not in an import
start = int(sys.argv[2])
fid = sys.argv[3]
print("ready", flush=True)
n = start
while True:
    if n % 2:
        ef.insert(Finding(id=f"edit-{n}", title=f"编辑 {n}", kind="problem", body="正文" * 50))
    else:
        ef.update("finding", fid, {"body": f"改动 {n}"})
    print(n, flush=True)  # shown to the user only after the commit returned
    n += 1
"""


def test_file_uses_rollback_journal_with_full_sync(sample_file):
    assert sample_file.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sample_file.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert not Path(str(sample_file.path) + "-wal").exists()


@pytest.mark.slow
def test_sigkill_during_edit_loops_loses_no_shown_edit(sample_path, workdir):
    rng = random.Random(8)
    script = workdir / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    ef = EvaluationFile.open(sample_path)
    fid = ef.records(Finding)[0].id
    ef.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    shown: list[int] = []
    hot = 0
    n = 0
    waited = 0
    for round_ in range(200):
        p = subprocess.Popen([sys.executable, str(script), str(sample_path), str(n), fid], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
        # Paced by edits, not by time: wait until the child has shown 0–5 committed edits, then kill it while
        # it works on the next one. A loaded machine makes the rounds slower, never emptier.
        wait_for = rng.randint(0, 5)
        before_kill = []
        for _ in range(wait_for):
            line = p.stdout.readline()
            assert line.strip(), p.stderr.read()
            before_kill.append(int(line))
        waited += wait_for
        # The kill would otherwise land right after the child's last print, nearly always before its next edit
        # writes anything (on a fast or quiet machine, no kill at all inside a transaction): a random pause of up
        # to about two edits' time spreads the kills over the edit.
        time.sleep(rng.uniform(0, 0.004))
        p.send_signal(signal.SIGKILL)
        p.wait()
        # read through the same buffered objects as readline(): it may have read ahead lines it did not return
        # yet, which communicate() (reading the pipe's descriptor) would never see
        out, err = p.stdout.read(), p.stderr.read()
        p.stdout.close()
        p.stderr.close()
        assert p.returncode == -signal.SIGKILL, err
        got = [int(x) for x in out.split()]
        got = before_kill + got  # what the pipe still held after the kill was shown as well
        hot += Path(str(sample_path) + "-journal").exists()  # killed inside a transaction
        shown += got
        ef = EvaluationFile.open(sample_path)  # check_file runs quick_check; refuses a corrupt file
        try:
            assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", round_
            ids = {r["id"] for r in ef.rows("finding")}
            missing = [k for k in shown if k % 2 and f"edit-{k}" not in ids]
            assert not missing, f"round {round_}: shown edits lost: {missing[:5]}"
            evens = [k for k in shown if k % 2 == 0]
            if evens:
                body = ef.rows("finding", "id = ?", [fid])[0]["body"]
                assert int(body.split()[1]) >= evens[-1]
            assert ef.verify_history() == []
        finally:
            ef.close()
        n = max(got + [n]) + 2  # the edit after the last shown one may have been committed unseen
    assert len(shown) >= waited > 200  # the children did edit between kills
    assert hot > 0, "no kill happened inside a transaction"


def test_disk_full_leaves_the_file_as_it_was(sample_path):
    ef = EvaluationFile.open(sample_path)
    before = table_dump(sample_path)
    pages = ef.conn.execute("PRAGMA page_count").fetchone()[0]
    ef.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: not one more page
    with pytest.raises(WcifError, match="保存失败，文件保持原样"):
        ef.insert(Finding(title="放不下", kind="problem", body="长文本" * 20000))
    with pytest.raises(WcifError, match="保存失败"):
        for f in ef.records(Finding):
            ef.update("finding", f.id, {"body": "很长的正文" * 5000})
    ef.close()
    assert table_dump(sample_path) == before
    ef = EvaluationFile.open(sample_path)
    assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ef.close()


def test_disk_full_during_merge_leaves_the_file_as_it_was(sample_path, workdir):
    a = export_copy(sample_path, workdir / "甲.wcif")
    ea = EvaluationFile.open(a, who="甲")
    for i in range(30):
        ea.insert(Finding(title=f"甲的问题 {i}", kind="problem", body="正文" * 3000))
    ea.close()
    ef = EvaluationFile.open(sample_path)
    exchange.merge.refresh_sync_state(ef)
    before = table_dump(sample_path)
    pages = ef.conn.execute("PRAGMA page_count").fetchone()[0]
    ef.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(WcifError, match="文件保持原样"):
        exchange.import_file(ef, a)
    ef.close()
    assert table_dump(sample_path) == before


def test_io_error_when_the_journal_cannot_be_written(sample_path):
    ef = EvaluationFile.open(sample_path)
    before = table_dump(sample_path)
    journal = Path(str(sample_path) + "-journal")
    journal.mkdir()  # the rollback journal cannot be created: an I/O error on the first write
    try:
        with pytest.raises(WcifError, match="保存失败，文件保持原样"):
            ef.insert(Finding(title="写不进去", kind="problem"))
    finally:
        journal.rmdir()
        ef.close()
    assert table_dump(sample_path) == before


def test_rolling_backup_keeps_the_newest_three(sample_path):
    assert backups.list_backups(sample_path) == []
    titles = []
    for i in range(5):
        ef = EvaluationFile.open(sample_path)
        f = ef.records(Finding)[0]
        titles.append(f.title)
        ef.update("finding", f.id, {"title": f"第 {i} 次"})
        ef.close()
        os.utime(sample_path, ns=(time.time_ns() + (i + 1) * 10 ** 9,) * 2)  # coarse clocks: make it later
    found = backups.list_backups(sample_path)
    assert len(found) == 3
    assert backups.backup_dir(sample_path).parent.parent == Path(os.environ["WCIF_DATA_DIR"])
    newest = EvaluationFile.open(found[-1], backup=False)
    assert newest.records(Finding)[0].title == "第 3 次"  # the state when the 5th open happened
    assert newest.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    newest.close()
    # opening an unchanged file adds no backup
    EvaluationFile.open(sample_path).close()
    os.utime(found[-1], ns=(time.time_ns() + 10 ** 12,) * 2)
    EvaluationFile.open(sample_path).close()
    assert len(backups.list_backups(sample_path)) == 3


def test_backup_failure_does_not_stop_opening(sample_path, monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "backup_dir", boom)
    ef = EvaluationFile.open(sample_path)
    assert ef.records(Finding)
    ef.close()
