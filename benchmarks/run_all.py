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
    wide = max([len("figure")] + [len(r["name"]) for r in rows])
    header = f"{'script':<20} {'figure':<{wide}} {'value':>10} {'unit':<6} {'target':<8} {'ok':<3} note"
    print(header)
    print("-" * len(header))
    for r in rows:
        v = "—" if r["value"] is None else (f"{r['value']:.3f}" if isinstance(r["value"], float) else str(r["value"]))
        ok = {True: "yes", False: "NO", None: "—"}[r.get("ok")]
        print(f"{r['script']:<20} {r['name']:<{wide}} {v:>10} {r['unit']:<6} {r['target']:<8} {ok:<3} "
              f"{r.get('note', '')}")
    failed = [r for r in rows if r.get("ok") is False]
    print(f"\n{len(rows)} figures, {sum(r.get('ok') is True for r in rows)} on target, {len(failed)} off target "
          f"or not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
