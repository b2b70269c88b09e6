"""First report of a session in the app (issue 21 target ≤ 0.5 s): the unsigned brief report of the sample, the
first time a process builds one.

Each run is a fresh interpreter that opens nothing else and then times exactly what the report page's
"生成报告" job calls (:func:`wcif_desktop.services.report_file.build_report_file`): the lazy imports of the report
modules (reportlab, the builders), loading the report fonts, laying out and writing the PDF. The user's font cache
is warm (it is filled by the first report ever made on the machine; that very first report is reported too).
Median of ``--runs``.

    python3 benchmarks/bench_first_report.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import report  # noqa: E402

CHILD = r"""
import sys, time
from pathlib import Path
import wcif_desktop.services.evaluation  # loaded by the app at start (the open file)
t0 = time.perf_counter()
from wcif_desktop.services.report_file import build_report_file
build_report_file(Path(sys.argv[1]), Path(sys.argv[2]), template="brief")
print(f"{time.perf_counter() - t0:.4f}")
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wcif bench ") as td:
        d = Path(td)
        env = dict(os.environ, WCIF_CACHE_DIR=str(d / "用户 缓存"), WCIF_DATA_DIR=str(d / "用户 数据"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: bytecode cached after the first start
        sample = d / "样例 2021.wcif"
        subprocess.run([sys.executable, "-m", "wcif_desktop", "sample", str(sample)], check=True, env=env,
                       capture_output=True, cwd=ROOT)

        def one(i: int) -> float:
            out = subprocess.run([sys.executable, "-c", CHILD, str(sample), str(d / f"报告 {i}.pdf")], check=True,
                                 env=env, capture_output=True, text=True, cwd=ROOT).stdout
            return float(out.strip().splitlines()[-1])

        first = one(0)  # the very first: fills the font cache
        times = [one(i + 1) for i in range(args.runs)]
    med = statistics.median(times)
    load = "machine load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    print(f"first report of a session (unsigned brief, sample): median {med:.3f} s of {args.runs} fresh processes "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}); the very first on this machine {first:.2f} s; {load}")
    report("first report of a session (median)", round(med, 3), "s", "<= 0.5", med <= 0.5, load)
    report("first report ever (font cache empty)", round(first, 3), "s", "", None, "informational")
    return 0


if __name__ == "__main__":
    sys.exit(main())
