"""What a fresh ``wcif-desktop`` process imports for a report (start-up time, issue 21): only what the report
uses. Each case runs the real command in its own interpreter and lists ``sys.modules`` at its end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from wcif_desktop.render.signing import create_identity

CODE = r"""
import atexit, json, sys

def listed():
    print("MODULES " + json.dumps(sorted(sys.modules)))

atexit.register(listed)
sys.argv = ["wcif-desktop"] + sys.argv[1:]
import runpy
runpy.run_module("wcif_desktop", run_name="__main__")
"""

# never needed to report (or to verify): spreadsheet readers and writers, Word, Qt, the network, the PDF reader
# of other commands
NEVER = ("wcif_desktop.services.tabular", "wcif_desktop.services.score_sheet", "wcif_desktop.services.request_sheet",
         "wcif_desktop.services.targets", "wcif_desktop.services.archive", "wcif_desktop.services.merge",
         "wcif_desktop.services.exchange", "wcif_desktop.services.rollup", "wcif_desktop.render.docx",
         "wcif_desktop.render.charts", "wcif_desktop.ui", "openpyxl", "pandas", "docx", "docxtpl", "PySide6",
         "aiohttp", "pypdf", "reportlab.graphics")
# pyHanko and its validation (and cryptography, asyncio under them) only when something is signed or verified
SIGNING = ("pyhanko", "pyhanko.sign", "pyhanko.sign.validation", "pyhanko_certvalidator", "cryptography", "asyncio")


def _modules(args, tmp_path, code: int = 0) -> set[str]:
    env = {"WCIF_CACHE_DIR": str(tmp_path / "缓存"), "WCIF_DATA_DIR": str(tmp_path / "数据")}
    import os

    r = subprocess.run([sys.executable, "-c", CODE, *map(str, args)], capture_output=True, text=True,
                       encoding="utf-8", env={**os.environ, **env})
    assert r.returncode == code, r.stderr[-3000:]
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


@pytest.mark.slow
def test_signed_brief_report_imports_only_what_it_uses(sample_path, workdir, tmp_path):
    p12 = create_identity(workdir / "组长.p12", "pw", "王建国", "事务所")
    (workdir / "pw.txt").write_text("pw\n", encoding="utf-8")
    out = workdir / "简版 报告.pdf"
    mods = _modules(["report", sample_path, "-o", out, "--template", "brief", "--sign", p12, "--passphrase-file",
                     workdir / "pw.txt"], tmp_path)
    assert out.is_file()
    assert sorted(m for m in NEVER if m in mods) == []
    assert all(m in mods for m in SIGNING)  # the report is signed and its signature verified
    assert "pyhanko.sign.timestamps.aiohttp_client" not in mods or "aiohttp" not in mods


@pytest.mark.slow
def test_unsigned_report_and_verify_import_no_more(sample_path, workdir, tmp_path):
    out = workdir / "未签 报告.pdf"
    mods = _modules(["report", sample_path, "-o", out, "--no-keep"], tmp_path)
    assert out.is_file()
    assert sorted(m for m in NEVER + SIGNING if m in mods) == []
    assert "sqlite_utils" not in mods  # nothing written (--no-keep): the store reads with plain sqlite3
    # checking a PDF needs pyHanko, not the evaluation machinery (surveys, scoring, the store, reportlab)
    mods = _modules(["verify", out], tmp_path, code=1)  # 1: no signature in it
    assert sorted(m for m in NEVER if m in mods) == []
    heavy = ("wcif_desktop.services.survey", "wcif_desktop.domain.survey", "wcif_desktop.domain.model",
             "wcif_desktop.store.db", "wcif_desktop.services.evaluation", "reportlab")
    assert sorted(m for m in mods if m in heavy or m.startswith("reportlab.")) == []
