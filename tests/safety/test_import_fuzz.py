"""Fuzz: mutated sample sheets through every import entry point (issue 15, part 2).

Each case writes a damaged copy of a real-layout sheet (see :mod:`tests.safety.sheets`), runs the import the way a
user does (the command line in-process, or the service the GUI calls) on a fresh copy of an evaluation file, under a
generous time bound (a thread join, not a speed assertion), and checks:

- no exception escapes except the project's own error family (the CLI then exits 2 with one ``错误：`` line);
- the case finishes within the bound (a hang is a failure);
- an import that was refused (exit 2, or exit 1 of a survey import: a decision pending or cancelling) leaves the
  evaluation file byte-identical.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import threading
import traceback

import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import WcifError
from wcif_desktop.services import survey as sv
from wcif_desktop.services.evaluation import create_empty

from . import sheets

BOUND_SECONDS = 120  # generous: the machine is shared; a hang never ends
FAMILIES = ("finance", "targets", "survey", "score")


@pytest.fixture(scope="module")
def base_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("模糊 测试") / "基础 评价.wcif"
    ef = create_empty(path, title="测试评价", fiscal_year=2021)
    s = sv.create_survey(ef, "参保单位满意度调查", "参保单位")
    for text, kind in sheets.SURVEY_QUESTIONS:
        sv.add_question(ef, s.id, text, kind)
    ef.close()
    return path


def _run_bounded(fn):
    """``fn()`` in a thread; returns (result, exception, finished)."""
    box = {}

    def target():
        try:
            box["result"] = fn()
        except BaseException as e:  # noqa: BLE001 - recorded and asserted on below
            box["error"] = e
            box["trace"] = traceback.format_exc()

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(BOUND_SECONDS)
    return box, not t.is_alive()


def _cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


def _import_score_sheet(wcif, sheet):
    from wcif_desktop.services.score_sheet import import_score_sheet
    from wcif_desktop.store.db import EvaluationFile

    with EvaluationFile.open(wcif) as ef:
        try:
            import_score_sheet(ef, sheet, replace=True)
        except WcifError as e:
            return 2, "", f"错误：{e}\n"
    return 0, "", ""


def run_case(family: str, seed: int, base_file, folder):
    rng = random.Random(f"{family}-{seed}")
    wcif = folder / "评价 文件.wcif"
    shutil.copy2(base_file, wcif)
    before = wcif.read_bytes()
    rows = sheets.SEEDS[family]()
    as_csv = rng.random() < 0.4
    sheet = folder / (f"{family} 输入.csv" if as_csv else f"{family} 输入.xlsx")
    if as_csv:
        sheets.mutate_csv(rows, sheet, rng)
    else:
        sheets.mutate_xlsx(rows, sheets.SEED_MERGES[family], sheet, rng)
    if rng.random() < 0.05:  # a misleading name (the files dialog offers 所有文件 (*))
        sheet = sheet.rename(sheet.with_suffix(rng.choice([".xls", ".dat", ".xlsx", ""])))
    refused_codes = {2}
    if family == "finance":
        argv = ["import-finance", str(wcif), str(sheet)]
    elif family == "targets":
        argv = ["import-targets", str(wcif), str(sheet)] + (["--replace"] if rng.random() < 0.3 else [])
    elif family == "survey":
        refused_codes = {1, 2}
        argv = ["import-survey", str(wcif), str(sheet), "--group", "参保单位"]
        if rng.random() < 0.25:
            argv = ["import-survey", str(wcif), str(sheet), "--group", "新的调查对象", "--create"]
        for flag in ("--unmapped-columns", "--missing-columns", "--different-survey", "--duplicates",
                     "--out-of-scale"):
            if rng.random() < 0.4:
                argv += [flag, rng.choice(["skip", "keep"])]
    else:
        argv = ["check-sheet", str(sheet)]
    box, finished = _run_bounded(lambda: _cli(argv))
    where = f"case {family}-{seed} ({sheet.name}): {' '.join(argv[:1])}"
    assert finished, f"{where}: did not finish within {BOUND_SECONDS} s"
    assert "error" not in box, f"{where}: uncaught exception\n{box.get('trace')}"
    rc, _out, err = box["result"]
    assert rc in (0, 1, 2), where
    if rc == 2:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("错误："), f"{where}: stderr {err!r}"
    if rc in refused_codes:
        assert wcif.read_bytes() == before, f"{where}: refused (exit {rc}) but the evaluation file changed"
    if family == "score":  # the score sheet also goes through the import the GUI uses
        shutil.copy2(base_file, wcif)
        box, finished = _run_bounded(lambda: _import_score_sheet(wcif, sheet))
        assert finished, f"{where}: score-sheet import did not finish within {BOUND_SECONDS} s"
        assert "error" not in box, f"{where}: uncaught exception in the score-sheet import\n{box.get('trace')}"
        if box["result"][0] == 2:
            assert wcif.read_bytes() == before, f"{where}: refused score-sheet import changed the evaluation file"


@pytest.mark.parametrize("family", FAMILIES)
def test_fuzz_imports(family, base_file, tmp_path):
    """60 cases per entry point in the normal run (240 in all)."""
    for seed in range(60):
        folder = tmp_path / f"例 {seed}"
        folder.mkdir()
        run_case(family, seed, base_file, folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_fuzz_imports_many(family, base_file, tmp_path):
    """500 more cases per entry point (slow mark)."""
    for seed in range(1000, 1500):
        folder = tmp_path / f"例 {seed}"
        folder.mkdir()
        run_case(family, seed, base_file, folder)
        shutil.rmtree(folder, ignore_errors=True)
