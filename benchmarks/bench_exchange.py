"""Benchmark: export + import of an evaluation carrying N bytes of evidence, against ``sha256sum`` + ``cp``.

    python3 benchmarks/bench_exchange.py [--size 1GiB] [--file-size 64MiB] [--dir FOLDER] [--password]

Steps (the timed part runs in a child process, so its peak memory is measured on its own):

1. setup (not timed): the bundled sample is the lead's file; a member's copy is exported from it, and evidence
   files of random bytes totalling ``--size`` are attached to the member's copy with the evidence service
   (``wcif_desktop/services/evidence.py``);
2. timed: ``export`` of the member's file (optionally with a password) and ``import`` of that export into the
   lead's file (all checks, then the merge that brings in every evidence chunk);
3. baseline: ``sha256sum`` of the same evidence files plus ``cp`` of them to a new folder.

Reports seconds, the speed ratio baseline/ours (target ≥ 0.5) and the child's peak RSS (target ≤ 300 MB).
Not a test; run it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from _common import report  # noqa: E402  (BENCH lines for benchmarks/run_all.py)


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B?)?\s*", text, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text}")
    unit = (m.group(2) or "").upper().rstrip("B").rstrip("I")
    mult = {"": 1, "K": 2 ** 10, "M": 2 ** 20, "G": 2 ** 30, "T": 2 ** 40}[unit]
    return int(float(m.group(1)) * mult)


def setup(work: Path, size: int, file_size: int) -> tuple[Path, Path, list[Path]]:
    from wcif_desktop.services import evidence, exchange
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.store.db import EvaluationFile

    lead = write_sample(work / "组长 评价.wcif")
    member = work / "成员 评价.wcif"
    exchange.export_evaluation(lead, member)
    files = []
    ev_dir = work / "证据"
    ev_dir.mkdir()
    left, i = size, 0
    while left > 0:
        n = min(file_size, left)
        f = ev_dir / f"扫描件 {i:03d}.pdf"
        with open(f, "wb") as fh:
            done = 0
            while done < n:
                k = min(4 * 2 ** 20, n - done)
                fh.write(os.urandom(k))
                done += k
        files.append(f)
        left -= n
        i += 1
    ef = EvaluationFile.open(member, who="成员", backup=False)
    try:
        for f in files:
            evidence.add_evidence(ef, f)
    finally:
        ef.close()
    return lead, member, files


def measured(lead: Path, member: Path, out: Path, password: str | None) -> dict:
    """The timed part (runs in the child process)."""
    from wcif_desktop.services import exchange
    from wcif_desktop.store.db import EvaluationFile

    phases: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                phases[name] = phases.get(name, 0) + time.perf_counter() - t
        return wrapper

    exchange.prepare_incoming = timed("import: checks", exchange.prepare_incoming)
    exchange.merge.merge_attached = timed("import: merge", exchange.merge.merge_attached)
    t0 = time.perf_counter()
    exchange.export_evaluation(member, out, password=password)
    t1 = time.perf_counter()
    ef = EvaluationFile.open(lead, backup=False)
    try:
        rep = exchange.import_file(ef, out, password=password)
    finally:
        ef.close()
    t2 = time.perf_counter()
    return {"export_s": t1 - t0, "import_s": t2 - t1, "content_added": rep.content_added,
            "conflicts": len(rep.conflicts), "export_bytes": out.stat().st_size, "phases": phases}


def baseline(files: list[Path], work: Path) -> float:
    dest = work / "cp 副本"
    dest.mkdir()
    t0 = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cp", *map(str, files), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    t = time.perf_counter() - t0
    shutil.rmtree(dest)
    return t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=parse_size, default=parse_size("1GiB"), help="evidence bytes (default 1GiB)")
    ap.add_argument("--file-size", type=parse_size, default=parse_size("64MiB"), help="size of each evidence file")
    ap.add_argument("--dir", type=Path, help="work folder (default: a temporary folder)")
    ap.add_argument("--password", action="store_true", help="export with a password (AES-256-GCM)")
    ap.add_argument("--child", nargs=3, metavar=("LEAD", "MEMBER", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    password = "基准 测试" if args.password else None
    if args.child:
        res = measured(*map(Path, args.child), password)
        print(json.dumps(res))
        return 0
    os.environ.setdefault("WCIF_DATA_DIR", tempfile.mkdtemp(prefix="wcif-bench-data-"))
    work = Path(tempfile.mkdtemp(prefix="wcif bench 交换 ", dir=args.dir))
    try:
        t0 = time.perf_counter()
        lead, member, files = setup(work, args.size, args.file_size)
        print(f"setup: {len(files)} evidence files, {args.size / 2 ** 20:.0f} MiB, {time.perf_counter() - t0:.1f} s")
        base = baseline(files, work)
        child = subprocess.run([sys.executable, __file__, "--child", str(lead), str(member),
                                str(work / "导出.wcif")] + (["--password"] if args.password else []),
                               check=True, capture_output=True, text=True)
        res = json.loads(child.stdout.strip().splitlines()[-1])
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        ours = res["export_s"] + res["import_s"]
        ratio = base / ours if ours else float("inf")
        mib = args.size / 2 ** 20
        print(f"export: {res['export_s']:.2f} s ({res['export_bytes'] / 2 ** 20:.0f} MiB written"
              f"{', encrypted' if args.password else ''})")
        print(f"import: {res['import_s']:.2f} s (evidence chunks added {res['content_added']}, "
              f"conflicts {res['conflicts']})")
        for name, secs in res["phases"].items():
            print(f"  {name}: {secs:.2f} s")
        print(f"ours export+import: {ours:.2f} s = {mib / ours:.0f} MiB/s")
        print(f"baseline sha256sum+cp: {base:.2f} s = {mib / base:.0f} MiB/s")
        print(f"speed ratio (baseline time / ours): {ratio:.2f}  (target >= 0.5) {'OK' if ratio >= 0.5 else 'BELOW'}")
        print(f"peak memory of export+import: {peak_mb:.0f} MB  (target <= 300) {'OK' if peak_mb <= 300 else 'ABOVE'}")
        report(f"exchange: export+import {mib:.0f} MiB evidence", round(ours, 2), "s")
        report("exchange: throughput", round(mib / ours, 1), "MiB/s")
        report("exchange: speed ratio sha256sum+cp / ours", round(ratio, 2), "x", ">= 0.5", ratio >= 0.5)
        report("exchange: peak memory export+import", round(peak_mb, 1), "MB", "<= 300", peak_mb <= 300)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
