"""Start-up time: launch → main window showing the sample, against a bare PySide6 window in the same run.

Both are measured as separate processes, median of N runs, from process start to the moment the window has
been shown and painted (the ``--screenshot`` path renders the window once, the bare script does the same).
The two programs alternate run by run (same machine load for both); the machine load is reported.
Target (issue 21): ratio of the medians ≤ 2.0 (was 2.5 in issue 9).

    python3 benchmarks/bench_startup.py [--runs N] [--bundle DIST/wcif-desktop]

When a bundle exists (``--bundle``, default ``dist/wcif-desktop``) its launch → window on the sample is timed too
(informational: the frozen app against the same bare window run by Python).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report  # noqa: E402

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820); w.show()  # the app's screenshot size
app.processEvents()
w.grab().save(sys.argv[1])
"""


def timed(cmd, env) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - t0


ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "wcif-desktop")
    args = ap.parse_args(argv)
    runs = args.runs
    exe = args.bundle / ("wcif-desktop.exe" if sys.platform == "win32" else "wcif-desktop")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # As on a user's machine: compiled bytecode is cached after the first start (some shells set
    # PYTHONDONTWRITEBYTECODE, which would make every start recompile the sources).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="wcif bench ") as d:
        d = Path(d)
        # a first start on a fresh machine: settings (last step, recent files) of the person running the benchmark
        # must not change what is built
        env["WCIF_DATA_DIR"] = str(d / "用户 数据")
        sample = d / "样例.wcif"
        subprocess.run([sys.executable, "-m", "wcif_desktop", "sample", str(sample)], check=True, env=env,
                       capture_output=True)
        bare, app, frozen = [], [], []
        # warm-up: write bytecode caches and fill the OS file cache for both programs
        timed([sys.executable, "-c", BARE, str(d / "warm-bare.png")], env)
        timed([sys.executable, "-m", "wcif_desktop", str(sample), "--screenshot", str(d / "warm-app.png")], env)
        for i in range(runs):
            bare.append(timed([sys.executable, "-c", BARE, str(d / f"bare{i}.png")], env))
            app.append(timed([sys.executable, "-m", "wcif_desktop", str(sample), "--screenshot",
                              str(d / f"app{i}.png")], env))
            if exe.is_file():
                frozen.append(timed([str(exe), str(sample), "--screenshot", str(d / f"frozen{i}.png")], env))
    b, a = statistics.median(bare), statistics.median(app)
    load = "machine load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    print(f"bare PySide6 window: {b * 1000:.0f} ms; WCIF Desktop on the sample: {a * 1000:.0f} ms (median of {runs}, "
          f"alternating); ratio {a / b:.2f}; {load}")
    report("start-up: bare PySide6 window (median)", round(b * 1000, 1), "ms")
    report("start-up: WCIF Desktop with sample (median)", round(a * 1000, 1), "ms")
    report("start-up ratio app / bare (medians)", round(a / b, 2), "x", "<= 2.0", a / b <= 2.0, load)
    if frozen:
        f = statistics.median(frozen)
        print(f"bundle ({exe}): {f * 1000:.0f} ms")
        report("start-up: bundle with sample", round(f * 1000, 1), "ms", "", None, f"{f / b:.2f} x bare")


if __name__ == "__main__":
    main()
