"""Benchmark: roll-up (汇总分析) of N evaluation files into one workbook (issue 22: 200 files in ≤ 5 s).

    python3 benchmarks/bench_rollup.py [--files 200] [--dir FOLDER]

1. setup (not timed): the bundled sample is written once and copied N times into a folder with a Chinese name
   and spaces; each copy gets its own region (城市001 …), a year (2020–2022) and varied level-3 scores (through
   the scoring service, so reasons and history stay consistent);
2. timed, in a child process (so its peak memory is its own): ``rollup(folder)`` (read-only open, SHA-256,
   quick check, score recomputation, finance, surveys, history chain, report signatures) and ``write_workbook``.

Reports the seconds of the roll-up and of the workbook, their sum (target ≤ 5 s for 200 files), and the child's
peak RSS (target ≤ 300 MB; memory is bounded: files are read one at a time, only their figures are kept).
Not a test; run it by hand or through ``benchmarks/run_all.py``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from _common import report  # noqa: E402  (BENCH lines for benchmarks/run_all.py)


def setup(folder: Path, n: int) -> None:
    import random

    from wcif_desktop.domain.model import Evaluation, Indicator
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.store.db import EvaluationFile

    master = write_sample(folder.parent / "样例 master.wcif")
    rnd = random.Random(22)
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        dest = folder / f"城市 {k + 1:03d} 评价.wcif"
        shutil.copyfile(master, dest)
        with EvaluationFile.open(dest, backup=False) as ef:
            ev = svc.evaluation(ef)
            svc.update_record(ef, Evaluation, ev.id, region=f"城市{k + 1:03d}", fiscal_year=2020 + k % 3)
            leaves = [i for i in ef.records(Indicator) if i.level == 3]
            for ind in rnd.sample(leaves, 4):
                score = (ind.weight * Decimal(rnd.randint(40, 100)) / 100).quantize(Decimal("0.01"))
                svc.set_indicator_score(ef, ind.id, score, "抽样核查发现部分要点未达到")
    master.unlink()


def child(folder: Path, out: Path) -> None:
    t0 = time.perf_counter()
    from wcif_desktop.services.rollup import rollup, write_workbook

    r = rollup([folder])
    t1 = time.perf_counter()
    write_workbook(r, out)
    t2 = time.perf_counter()
    print(json.dumps({"read": t1 - t0, "write": t2 - t1, "files": len(r.evaluations), "refused": len(r.refused)}))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--dir", type=Path, help="work folder (default: a temporary folder, removed afterwards)")
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    work = Path(tempfile.mkdtemp(prefix="wcif-bench-rollup-", dir=args.dir))
    try:
        folder = work / "全省 评价文件"
        t = time.perf_counter()
        setup(folder, args.files)
        print(f"setup: {args.files} files in {time.perf_counter() - t:.1f} s")
        out = work / "汇总 分析.xlsx"
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", str(folder), str(out)], capture_output=True,
                              text=True, cwd=REPO)
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            report(f"rollup {args.files} files", None, "s", "<= 5", False, note=f"exit {proc.returncode}")
            return 1
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        total = figures["read"] + figures["write"]
        print(f"read {figures['files']} files ({figures['refused']} refused) in {figures['read']:.2f} s, "
              f"workbook {figures['write']:.2f} s; process wall time {wall:.2f} s; peak RSS {peak_mb:.0f} MB")
        report(f"rollup {args.files} files: read", round(figures["read"], 3), "s")
        report(f"rollup {args.files} files: workbook", round(figures["write"], 3), "s")
        report(f"rollup {args.files} files: total", round(total, 3), "s", "<= 5", total <= 5)
        report("rollup: peak RSS", round(peak_mb, 1), "MB", "<= 300", peak_mb <= 300)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
