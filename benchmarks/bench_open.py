"""Opening a file with a lot of evidence after a change, against opening the sample (issue 15 §1, issue 21).

Builds the sample and a copy of it holding ``--evidence-mib`` (default 1024) MiB of evidence made of random
1 MiB chunks (written with SQL straight into ``evidence``/``evidence_chunk``, as the app stores them). The first
open of the large file fills the backups' shared chunk store (reported as "first open"); then, alternating
sample / large file, each run changes the file (one edit, so a new backup is due) and times
``EvaluationFile.open`` + ``close`` (sidecar check, quick check, rolling backup, connection). Medians of
``--runs`` (default 5). Target (issue 21): large ÷ sample ≤ 1.5.

    python3 benchmarks/bench_open.py [--runs N] [--evidence-mib MiB] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import report  # noqa: E402

CHUNK = 1 << 20


def add_random_evidence(path: Path, mib: int, per_file_mib: int = 16) -> None:
    """Add ``mib`` MiB of random evidence to ``path`` (files of ``per_file_mib`` MiB, 1 MiB chunks)."""
    import uuid

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    done, n = 0, 0
    while done < mib:
        size = min(per_file_mib, mib - done)
        h = hashlib.sha256()
        chunks = [os.urandom(CHUNK) for _ in range(size)]
        for c in chunks:
            h.update(c)
        sha = h.hexdigest()
        conn.executemany("INSERT INTO evidence_chunk (sha256, seq, data) VALUES (?, ?, ?)",
                         [(sha, i, c) for i, c in enumerate(chunks)])
        conn.execute("INSERT INTO evidence (id, modified_at, modified_by, deleted, sha256, size, original_name, "
                     "media_type, added_by, added_at, note) VALUES (?, '', 'bench', 0, ?, ?, ?, "
                     "'application/octet-stream', 'bench', '', '')", [str(uuid.uuid4()), sha, size * CHUNK,
                                                                        f"证据 {n}.bin"])
        done += size
        n += 1
    conn.execute("COMMIT")
    conn.close()


def change(path: Path, n: int) -> None:
    from wcif_desktop.domain.model import Evaluation
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.store.db import EvaluationFile

    ef = EvaluationFile.open(path, backup=False)
    try:
        svc.update_record(ef, Evaluation, svc.evaluation(ef).id, title=f"基准测试修改 {n}")
    finally:
        ef.close()


def timed_open(path: Path) -> float:
    from wcif_desktop.store.db import EvaluationFile

    t0 = time.perf_counter()
    ef = EvaluationFile.open(path)
    ef.close()
    return time.perf_counter() - t0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--evidence-mib", type=int, default=1024)
    ap.add_argument("--keep", type=Path, help="build the files in this folder and keep them")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="wcif bench open "))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["WCIF_DATA_DIR"] = str(work / "用户 数据")
    try:
        from wcif_desktop.services.sample import write_sample
        from wcif_desktop.store import backups

        sample = work / "样例.wcif"
        if not sample.exists():
            write_sample(sample)
        big = work / f"证据 {args.evidence_mib} MiB.wcif"
        if not big.exists():
            t0 = time.perf_counter()
            shutil.copyfile(sample, big)
            add_random_evidence(big, args.evidence_mib)
            print(f"built {big.name}: {big.stat().st_size / 2**20:.0f} MiB in {time.perf_counter() - t0:.1f} s")
        change(big, 0)
        first = timed_open(big)
        store = sum(p.stat().st_size for p in backups.chunk_store().rglob("*") if p.is_file())
        print(f"first open of the large file (fills the chunk store, {store / 2**20:.0f} MiB): {first:.2f} s")
        small_t, big_t = [], []
        for i in range(1, args.runs + 1):
            change(sample, i)
            small_t.append(timed_open(sample))
            change(big, i)
            big_t.append(timed_open(big))
        s, b = statistics.median(small_t), statistics.median(big_t)
        kept = backups.list_backups(big)
        per_backup = statistics.median(p.stat().st_size for p in kept)
        print(f"open after a change, median of {args.runs}: sample {s * 1000:.0f} ms, "
              f"{args.evidence_mib} MiB of evidence {b * 1000:.0f} ms (ratio {b / s:.2f}); "
              f"backups of the large file: {len(kept)} × {per_backup / 2**10:.0f} KiB + chunk store "
              f"{store / 2**20:.0f} MiB once; load {os.getloadavg()[0]:.1f}")
        report("open sample after a change (median)", round(s * 1000, 1), "ms")
        report(f"open with {args.evidence_mib} MiB evidence after a change (median)", round(b * 1000, 1), "ms")
        report("open with 1 GiB evidence after a change ÷ opening the sample", round(b / s, 2), "×", "<= 1.5",
               b / s <= 1.5, note=f"{args.evidence_mib} MiB" if args.evidence_mib != 1024 else "")
        report("first open with large evidence (fills the chunk store)", round(first, 2), "s")
        report("backup size per open, large file", round(per_backup / 2**10), "KiB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
