"""Benchmark: the signed brief report of the sample vs LibreOffice converting the same text from .docx.

Not a test. Run ``python3 benchmarks/bench_report.py [--runs 3]``. It measures

1. WCIF: the whole process in a fresh interpreter (bytecode and the user's font cache warm, as from the second
   report on a user's machine; the very first run is reported too) — ``wcif-desktop report SAMPLE.wcif -o OUT.pdf --sign
   ID.p12 --passphrase-file F`` (open the evaluation, lay out, embed fonts, sign, keep a copy);
2. in-process: the same through :func:`wcif_desktop.services.report_file.build_report_file` (fonts already loaded,
   as in the app), and the full report of a synthetic evaluation with 120 indicators (target ≤ 1 s);
3. LibreOffice (when ``soffice``/``libreoffice`` is on PATH): ``soffice --headless --convert-to pdf`` of a
   .docx holding the same paragraphs and tables (written with python-docx from the report's own story).

The CLI and LibreOffice runs alternate (same machine load for both); it prints the medians of ``--runs`` and the
ratio fresh WCIF CLI process / LibreOffice (issue 21 target ≤ 0.5), with the machine load. Without LibreOffice the
ratio is reported as not measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import report  # noqa: E402  (BENCH lines for benchmarks/run_all.py)


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def write_docx(snapshot, path: Path) -> None:
    """The brief report as .docx (for LibreOffice): the same document model the PDF renders, through the Word
    renderer."""
    from wcif_desktop.render.docx import render_docx
    from wcif_desktop.services.deliverables.reports import report_document

    path.write_bytes(render_docx(report_document(snapshot, "brief")))


def _load() -> str:
    return "machine load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else "load n/a"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "tests" / "report"))
    from test_full_report import big_snapshot  # the synthetic 120-indicator evaluation of the tests

    from wcif_desktop.render.signing import create_identity, verify_pdf
    from wcif_desktop.services.evaluation import load_snapshot
    from wcif_desktop.services.report_build import render_report
    from wcif_desktop.services.report_file import build_report_file
    from wcif_desktop.services.sample import write_sample
    from wcif_desktop.store.db import EvaluationFile

    with tempfile.TemporaryDirectory(prefix="wcif bench ") as td:
        d = Path(td)
        # As on a user's machine: bytecode is cached after the first start (some shells set PYTHONDONTWRITEBYTECODE,
        # which would recompile every module on every run), and the user's font cache is filled by the first report.
        env = dict(os.environ, WCIF_CACHE_DIR=str(d / "用户 缓存"), WCIF_DATA_DIR=str(d / "用户 数据"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        sample = write_sample(d / "样例 2021.wcif")
        p12 = create_identity(d / "组长.p12", "pw", "王建国", "内蒙古鑫方圆会计师事务有限公司")
        pw = d / "pw.txt"
        pw.write_text("pw\n", encoding="utf-8")
        out = d / "简版 报告.pdf"

        cli = [sys.executable, "-m", "wcif_desktop", "report", str(sample), "-o", str(out), "--sign", str(p12),
               "--passphrase-file", str(pw), "--no-keep"]

        def run_cli():
            subprocess.run(cli, cwd=ROOT, check=True, capture_output=True, env=env)

        t0 = time.perf_counter()
        run_cli()  # first report on this machine: compiles bytecode, fills the font cache
        t_first = time.perf_counter() - t0
        assert all(s.ok for s in verify_pdf(out))

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        cli_times, lo_times = [], []
        if soffice:
            with EvaluationFile.open(sample) as ef:
                snap = load_snapshot(ef)
            docx = d / "brief.docx"
            write_docx(snap, docx)
            lo_out = d / "lo"
            lo_out.mkdir()
            profile = (d / "lo-profile").as_uri()
            cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                   str(lo_out), str(docx)]
            subprocess.run(cmd, check=True, capture_output=True)  # first start creates the profile
            for _ in range(args.runs):  # alternating, so both see the same machine load
                t0 = time.perf_counter()
                run_cli()
                cli_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                lo_times.append(time.perf_counter() - t0)
        else:
            for _ in range(args.runs):
                t0 = time.perf_counter()
                run_cli()
                cli_times.append(time.perf_counter() - t0)
        t_cli = statistics.median(cli_times)
        load = _load()

        build_report_file(sample, out, p12=p12, passphrase="pw", keep=False)  # warm-up (fonts, imports)
        t_inproc = _median_time(lambda: build_report_file(sample, out, p12=p12, passphrase="pw", keep=False),
                                args.runs)
        big = big_snapshot()
        render_report(big, "full")
        t_full = _median_time(lambda: render_report(big, "full"), args.runs)
        pages = render_report(big, "full").pages

        print(f"WCIF signed brief report, whole fresh CLI process (median of {args.runs}): {t_cli:.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in cli_times)}); very first run {t_first:.2f} s; {load}")
        print(f"WCIF signed brief report, in-process (as in the app):              {t_inproc:.2f} s")
        print(f"WCIF full report, 120 indicators + appendices ({pages} pages), in-process: {t_full:.2f} s "
              f"(target ≤ 1 s)")
        report("report: signed brief, whole fresh CLI process (median)", round(t_cli, 2), "s", "", None, load)
        report("report: signed brief, first CLI run (cold caches)", round(t_first, 2), "s", "", None,
               "bytecode compiled, font cache filled")
        report("report: signed brief, in-process", round(t_inproc, 2), "s")
        report(f"report: full, 120 indicators ({pages} pages)", round(t_full, 2), "s", "<= 1", t_full <= 1)

        if not soffice:
            print("LibreOffice (soffice) not found: no comparison. Install LibreOffice to get the ratio.")
            report("report: ratio fresh CLI / LibreOffice", None, "x", "<= 0.5", None,
                   "not measured: LibreOffice (soffice) is not installed")
            return 0
        t_lo = statistics.median(lo_times)
        ratio = t_cli / t_lo
        print(f"LibreOffice .docx → PDF (same report, unsigned), median: {t_lo:.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in lo_times)})")
        print(f"ratio WCIF fresh CLI process / LibreOffice = {ratio:.3f} (target ≤ 0.5), measured alternately; "
              f"{load}")
        report("report: LibreOffice .docx -> PDF (median)", round(t_lo, 2), "s")
        report("report: ratio fresh CLI / LibreOffice", round(ratio, 3), "x", "<= 0.5", ratio <= 0.5,
               f"medians of {args.runs} alternating runs; {load}")
        report("report: ratio in app / LibreOffice", round(t_inproc / t_lo, 3), "x", "", None, "informational")
    return 0


if __name__ == "__main__":
    sys.exit(main())
