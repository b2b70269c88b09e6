"""Writing the bundled sample (issue 18): ``wcif-desktop sample OUT.wcif`` as a user runs it (a new process, so
imports count), and :func:`wcif_desktop.services.sample.write_sample` in-process, whole and seed-only
(``whole=False``). Many tests write the sample; the whole evaluation (plan, requests, generated evidence, papers,
two surveys of 40, business data) should stay within about a second more than the seed-only file.
Minimum and median of 5 runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import report

from wcif_desktop.services.sample import write_sample


def _runs(fn, n=5) -> list[float]:
    out = []
    for i in range(n):
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            fn(Path(d) / f"样例 {i}.wcif")
            out.append(time.perf_counter() - t)
    return out


def main() -> None:
    cli = _runs(lambda p: subprocess.run([sys.executable, "-m", "wcif_desktop", "sample", str(p)], check=True,
                                         capture_output=True))
    whole = _runs(lambda p: write_sample(p))
    bare = _runs(lambda p: write_sample(p, whole=False))
    for name, xs, target in (("wcif-desktop sample (process)", cli, "<= 2"), ("write_sample whole", whole, "<= 1.5"),
                             ("write_sample seed-only", bare, "")):
        print(f"{name}: min {min(xs):.3f} s, median {statistics.median(xs):.3f} s")
        limit = float(target[3:]) if target else None
        report(name, round(statistics.median(xs), 3), "s", target, None if limit is None else statistics.median(xs) <= limit)


if __name__ == "__main__":
    main()
