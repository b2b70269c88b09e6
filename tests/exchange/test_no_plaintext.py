"""Issue 23.4: an encrypted exchange writes no plaintext where the encryption is meant to protect it. A kill loop
during encrypted exports and imports: no plaintext byte of the evaluation ever lands in the export's destination,
no decrypted copy is left beside the lead's file, and what an interrupted run left in the user's private work
folder is removed by the next one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wcif_desktop.services import exchange

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "足够长的口令 2021"

EXPORT_CHILD = r"""
import sys
from pathlib import Path
from wcif_desktop.services.exchange import export_evaluation
src, dest = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    export_evaluation(src, dest / f"导出 {n}.wcif", password=sys.argv[3], log2_n=12)
    n += 1
"""

IMPORT_CHILD = r"""
import sys
from pathlib import Path
from wcif_desktop.services.exchange import import_file
from wcif_desktop.store.db import EvaluationFile
lead, src = Path(sys.argv[1]), Path(sys.argv[2])
ef = EvaluationFile.open(lead, backup=False)
print("ready", flush=True)
while True:
    import_file(ef, src, password=sys.argv[3])
"""


def _plaintext_markers(path: Path) -> list[bytes]:
    """Bytes that appear in the evaluation's plaintext and never in its ciphertext."""
    data = path.read_bytes()
    return [b"SQLite format 3\x00", data[4096:4096 + 64], "呼和浩特".encode("utf-8")]


def _files(folder: Path):
    return [p for p in folder.rglob("*") if p.is_file()]


def _kill_loop(script: str, args: list[str], rounds: int, seed: int, after_each, env) -> None:
    rng = random.Random(seed)
    for _ in range(rounds):
        p = subprocess.Popen([sys.executable, "-c", script, *args], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
        time.sleep(rng.uniform(0.0, 1.5))
        p.send_signal(signal.SIGKILL)
        _, err = p.communicate()
        assert p.returncode == -signal.SIGKILL, err
        after_each()


def _env(data_dir: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(REPO), WCIF_DATA_DIR=str(data_dir))


def _run(sample_path, workdir, rounds):
    data_dir = Path(os.environ["WCIF_DATA_DIR"])
    env = _env(data_dir)
    markers = _plaintext_markers(sample_path)
    dest = workdir / "U盘 目标"
    dest.mkdir()

    def no_plaintext_in_destination():
        for f in _files(dest):
            blob = f.read_bytes()
            for m in markers:
                assert m not in blob, f"plaintext in the destination: {f.name}"

    _kill_loop(EXPORT_CHILD, [str(sample_path), str(dest), PASSWORD], rounds, 4, no_plaintext_in_destination, env)
    assert any(f.suffix == ".wcif" for f in _files(dest)), "no export finished between the kills"

    # imports: an encrypted colleague file into the lead's file
    lead_dir = workdir / "组长 文件夹"
    lead_dir.mkdir()
    lead = lead_dir / "组长.wcif"
    lead.write_bytes(sample_path.read_bytes())
    colleague = exchange.export_evaluation(sample_path, dest / "同事 加密.wcif", password=PASSWORD, log2_n=12).path

    def nothing_beside_the_lead():
        names = {p.name for p in lead_dir.iterdir()}
        assert names <= {"组长.wcif", "组长.wcif-journal"}, names  # no decrypted copy, no work folder

    _kill_loop(IMPORT_CHILD, [str(lead), str(colleague), PASSWORD], rounds, 5, nothing_beside_the_lead, env)

    # what the kills left in the private work folder is removed by the next export or import (once stale)
    work = data_dir / "work"
    left = list(work.iterdir()) if work.exists() else []
    old = time.time() - exchange.STALE_WORK_SECONDS - 10
    for p in left:
        os.utime(p, (old, old))
    exchange.export_evaluation(sample_path, dest / "最后.wcif", password=PASSWORD, log2_n=12)
    assert not [p for p in left if p.exists()]
    no_plaintext_in_destination()


def test_kill_loop_during_encrypted_export_and_import_leaves_no_plaintext(sample_path, workdir):
    _run(sample_path, workdir, 8)


@pytest.mark.slow
def test_long_kill_loop_during_encrypted_export_and_import_leaves_no_plaintext(sample_path, workdir):
    _run(sample_path, workdir, 40)


def test_stale_plaintext_folders_of_older_versions_are_removed(sample_path, workdir):
    """An interrupted export of an earlier version left its plaintext snapshot in the destination; the next
    export there removes it."""
    dest = workdir / "目标"
    dest.mkdir()
    stale = dest / ".wcif-export-abc123"
    stale.mkdir()
    (stale / "snapshot.wcif").write_bytes(sample_path.read_bytes())
    old = time.time() - exchange.STALE_WORK_SECONDS - 10
    os.utime(stale, (old, old))
    exchange.export_evaluation(sample_path, dest / "新.wcif", password=PASSWORD, log2_n=12)
    assert not stale.exists()
    assert sorted(p.name for p in dest.iterdir()) == ["新.wcif"]


def test_an_encrypted_export_never_writes_plaintext_to_the_destination(sample_path, workdir, monkeypatch):
    """Every file opened for writing in the destination during an encrypted export receives ciphertext only."""

    dest = workdir / "目标"
    dest.mkdir()
    markers = _plaintext_markers(sample_path)
    written: dict[str, bytearray] = {}
    real_fdopen = os.fdopen

    class Spy:
        def __init__(self, fh, name):
            self.fh, self.name = fh, name

        def write(self, b):
            written.setdefault(self.name, bytearray()).extend(b)
            return self.fh.write(b)

        def __getattr__(self, a):
            return getattr(self.fh, a)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

    def fdopen(fd, mode="r", *a, **k):
        fh = real_fdopen(fd, mode, *a, **k)
        name = os.readlink(f"/proc/self/fd/{fd}") if Path("/proc/self/fd").exists() else ""
        return Spy(fh, name) if "w" in mode and str(dest) in name else fh

    monkeypatch.setattr(os, "fdopen", fdopen)
    exchange.export_evaluation(sample_path, dest / "加密.wcif", password=PASSWORD, log2_n=12)
    assert written, "the spy saw no write into the destination"
    for name, blob in written.items():
        for m in markers:
            assert m not in blob, name
