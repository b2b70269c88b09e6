"""Start-up time: launch → main window showing the sample, against a bare PySide6 window in the same run.

Both are measured as separate processes, median of N runs. The two programs alternate run by run (same machine
load for both); the machine load is reported. Two figures per program:

* **to painted** (the target's figure): from just before the process is started to the moment the window has been
  shown, painted and grabbed (``QWidget.grab()`` returned: the ``--screenshot`` path of the app, the same calls in
  the bare script). Each program writes the wall-clock time at that moment to stderr (``QWidget.grab`` is wrapped
  the same way in both, by :data:`MARK`); neither the PNG encoding of the grabbed image (a busy window encodes
  slower than a blank one) nor the interpreter's exit is counted.
* **whole process** (informational): process start → exit, PNG written.

Target (issue 21): ratio of the medians to painted ≤ 2.0 (was 2.5 in issue 9).

    python3 benchmarks/bench_startup.py [--runs N] [--bundle DIST/wcif-desktop] [--also DIR]

``--also DIR``: time the app from another source tree as well (e.g. ``git worktree``/``git archive`` of the
commit before a change), alternating with the others: a before/after comparison in one run.
When a bundle exists (``--bundle``, default ``dist/wcif-desktop``) its launch → window on the sample is timed too
(informational, whole process: the frozen app against the same bare window run by Python).
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

# Run first in both programs: writes "PAINTED <time.time()>" to stderr when a window has been grabbed.
MARK = r"""
import sys as _sys, time as _time
from PySide6.QtWidgets import QWidget as _QWidget
_grab = _QWidget.grab
def _marked_grab(self, *args):
    pix = _grab(self, *args)
    _sys.stderr.write("PAINTED %r\n" % _time.time())
    return pix
_QWidget.grab = _marked_grab
"""

BARE = MARK + r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820); w.show()  # the app's screenshot size
app.processEvents()
w.grab().save(sys.argv[1])
"""

# the app as ``python -m wcif_desktop FILE --screenshot OUT.png`` runs it, after MARK
APP = MARK + r"""
import runpy
_sys.argv[0] = "wcif_desktop"
runpy.run_module("wcif_desktop", run_name="__main__", alter_sys=True)
"""


def timed(cmd, env, cwd=None) -> tuple[float | None, float]:
    """(seconds to the PAINTED mark or None without one, seconds of the whole process)."""
    t_wall, t0 = time.time(), time.perf_counter()
    proc = subprocess.run(cmd, check=True, env=env, capture_output=True, text=True, cwd=cwd)
    whole = time.perf_counter() - t0
    marks = [float(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PAINTED ")]
    return (marks[0] - t_wall if marks else None), whole


ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "wcif-desktop")
    ap.add_argument("--also", type=Path, help="another source tree of the app to time in the same run")
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
        programs = {"bare": ([sys.executable, "-c", BARE], None),
                    "app": ([sys.executable, "-c", APP], ROOT)}
        if args.also:
            programs["also"] = ([sys.executable, "-c", APP], args.also.resolve())
        if exe.is_file():
            programs["bundle"] = ([str(exe)], None)
        times: dict[str, list[tuple[float | None, float]]] = {name: [] for name in programs}
        # warm-up: write bytecode caches and fill the OS file cache for every program
        for i in range(runs + 1):
            for name, (cmd, cwd) in programs.items():
                args_ = [str(d / f"{name}{i}.png")] if name == "bare" else [str(sample), "--screenshot",
                                                                            str(d / f"{name}{i}.png")]
                t = timed(cmd + args_, env, cwd)
                if i:
                    times[name].append(t)
    load = "machine load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""

    def med(name, k):
        vals = [t[k] for t in times[name] if t[k] is not None]
        return statistics.median(vals) if vals else None

    b, a = med("bare", 0), med("app", 0)
    bw, aw = med("bare", 1), med("app", 1)
    if a is None or b is None:
        raise SystemExit("no PAINTED mark: the window was not grabbed with QWidget.grab()")
    print(f"to painted: bare PySide6 window {b * 1000:.0f} ms; WCIF Desktop on the sample {a * 1000:.0f} ms; "
          f"ratio {a / b:.2f} (median of {runs}, alternating); {load}")
    print(f"whole process: bare {bw * 1000:.0f} ms; WCIF Desktop {aw * 1000:.0f} ms; ratio {aw / bw:.2f}")
    report("start-up to painted: bare PySide6 window (median)", round(b * 1000, 1), "ms")
    report("start-up to painted: WCIF Desktop with sample (median)", round(a * 1000, 1), "ms")
    report("start-up ratio app / bare, to painted (medians)", round(a / b, 2), "x", "<= 2.0", a / b <= 2.0, load)
    report("start-up ratio app / bare, whole process (medians)", round(aw / bw, 2), "x", "", None,
           f"{aw * 1000:.0f} / {bw * 1000:.0f} ms")
    if "also" in times:
        o, ow = med("also", 0), med("also", 1)
        print(f"{args.also}: to painted {o * 1000:.0f} ms, ratio {o / b:.2f}; whole process {ow * 1000:.0f} ms, "
              f"ratio {ow / bw:.2f}")
    if "bundle" in times:
        f = med("bundle", 1)
        print(f"bundle ({exe}): {f * 1000:.0f} ms")
        report("start-up: bundle with sample", round(f * 1000, 1), "ms", "", None, f"{f / bw:.2f} x bare")


if __name__ == "__main__":
    main()
