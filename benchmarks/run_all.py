"""Run every benchmark script of the project and print one table of figures against their targets.

Usage: python benchmarks/run_all.py [--only NAME ...]

Each ``bench_*.py`` in this folder runs in its own process (so start-up and memory figures are not disturbed)
and reports figures as ``BENCH {json}`` lines (see ``_common.py``). Benchmarks are never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", nargs="*", help="run only scripts whose name contains one of these words")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per script")
    args = ap.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if any(w in s.name for w in args.only)]
    rows = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                                  timeout=args.timeout, cwd=HERE.parent)
            out, code = proc.stdout, proc.returncode
            if code != 0:
                print(proc.stderr[-2000:])
        except subprocess.TimeoutExpired:
            out, code = "", "timeout"
        found = False
        for line in out.splitlines():
            if line.startswith("BENCH "):
                rec = json.loads(line[6:])
                rec["script"] = script.name
                rows.append(rec)
                found = True
            else:
                print("   " + line)
        if not found:
            rows.append({"script": script.name, "name": "(no figures)", "value": None, "unit": "",
                         "target": "", "ok": False, "note": f"exit {code}"})
        print(f"   ({time.perf_counter() - t0:.1f} s)")
    print()
    header = f"{'script':<22} {'figure':<44} {'value':>12} {'unit':<6} {'target':<12} {'ok':<4} note"
    print(header)
    print("-" * len(header))
    for r in rows:
        v = "—" if r["value"] is None else (f"{r['value']:.3f}" if isinstance(r["value"], float) else str(r["value"]))
        ok = {True: "yes", False: "NO", None: "—"}[r.get("ok")]
        print(f"{r['script']:<22} {r['name']:<44} {v:>12} {r['unit']:<6} {r['target']:<12} {ok:<4} {r.get('note', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
