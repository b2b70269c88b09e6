"""文件 ▸ 汇总分析… and 文件 ▸ 上年评价（历史标准）… (issue 22): the dialogs show what the services compute."""

from __future__ import annotations

import hashlib
import os
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from wcif_desktop.domain.model import Evaluation, FinanceLine, Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store.db import EvaluationFile

SHOTS = os.environ.get("WCIF_SCREENSHOTS")  # a folder: save screenshots there to look at them


def _copy(src: Path, dest: Path, region: str, year: int, cut: int) -> Path:
    shutil.copy2(src, dest)
    with EvaluationFile.open(dest, backup=False) as ef:
        svc.update_record(ef, Evaluation, svc.evaluation(ef).id, region=region, fiscal_year=year)
        leaves = sorted((i for i in ef.records(Indicator) if i.level == 3), key=lambda i: i.code)
        for ind in leaves[:cut]:
            svc.set_indicator_score(ef, ind.id, (ind.weight / 2).quantize(Decimal("0.01")), "抽查发现问题")
    return dest


@pytest.fixture
def folder(sample_path, workdir) -> Path:
    d = workdir / "全省 汇总"
    d.mkdir()
    _copy(sample_path, d / "呼和浩特 2021.wcif", "呼和浩特市", 2021, 0)
    _copy(sample_path, d / "包头 2021.wcif", "包头市", 2021, 4)
    _copy(sample_path, d / "赤峰 2021.wcif", "赤峰市", 2021, 9)
    (d / "损坏.wcif").write_bytes(b"not a database")
    return d


def _digests(d: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())}


def test_rollup_dialog_runs_shows_tables_chart_and_opens_a_row(qtbot, window, folder, workdir):
    from wcif_desktop.ui.rollup_dialog import RollupDialog

    if SHOTS:
        from wcif_desktop.ui.app import ensure_cjk_font

        ensure_cjk_font()
    before = _digests(folder)
    window.act_rollup.trigger()
    dlg = window.rollup_dialog
    assert isinstance(dlg, RollupDialog)
    qtbot.addWidget(dlg)
    dlg.resize(1366, 768)
    dlg.add_inputs([folder])
    dlg.run()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=30_000)
    assert len(dlg.result.evaluations) == 3 and len(dlg.result.refused) == 1
    assert "已汇总 3 个评价文件" in dlg.status.text() and "未纳入 1 个文件" in dlg.status.text()
    assert dlg.tabs.count() == 8  # chart + seven tables
    summary = dlg.views["汇总"].model()
    col = summary.columns.index("综合得分（分）")
    shown = {summary.value(r, 0): summary.data(summary.index(r, col)) for r in range(summary.rowCount())}
    totals = {e.region: f"{e.total:.2f}" for e in dlg.result.evaluations}
    assert shown == totals and len(set(totals.values())) == 3
    assert sorted(t for _l, t, _g in dlg.chart.items) == sorted(e.total for e in dlg.result.evaluations)
    prov = dlg.views["来源与核验"].model()
    reasons = [prov.value(r, prov.columns.index("原因或说明")) for r in range(prov.rowCount())]
    assert any("不是 SQLite" in str(x) for x in reasons)
    if SHOTS:
        dlg.tabs.setCurrentIndex(0)
        dlg.grab().save(str(Path(SHOTS) / "rollup-chart.png"))
        dlg.tabs.setCurrentIndex(1)
        dlg.grab().save(str(Path(SHOTS) / "rollup-summary.png"))
    # open one evaluation from a row of the ranking
    rank = dlg.views["排名"].model()
    row = next(r for r in range(rank.rowCount()) if rank.value(r, rank.columns.index("地区")) == "赤峰市")
    with qtbot.waitSignal(dlg.open_requested) as sig:
        dlg.views["排名"].doubleClicked.emit(rank.index(row, 0))
    assert Path(sig.args[0]) == folder / "赤峰 2021.wcif"
    assert window.ctx.path == folder / "赤峰 2021.wcif"
    window.close()  # release the opened file before comparing bytes
    # export
    out = workdir / "导出 汇总.xlsx"
    dlg.export_to(out)
    qtbot.waitUntil(lambda: out.exists() and "已导出" in dlg.status.text(), timeout=30_000)
    assert "汇总" in openpyxl.load_workbook(out).sheetnames
    after = _digests(folder)
    assert {k: v for k, v in after.items() if k != "赤峰 2021.wcif"} == \
           {k: v for k, v in before.items() if k != "赤峰 2021.wcif"}  # only the file opened in the window is used


def test_rollup_dialog_cancel(qtbot, folder):
    from wcif_desktop.ui.rollup_dialog import RollupDialog

    dlg = RollupDialog(None, folder)
    qtbot.addWidget(dlg)
    dlg.add_inputs([folder])
    dlg.run()
    dlg.task.progress.cancel()
    qtbot.waitUntil(lambda: not dlg.task.isRunning(), timeout=30_000)
    qtbot.waitUntil(lambda: dlg.result is not None or "取消" in dlg.status.text(), timeout=30_000)


def test_baseline_dialog_links_carries_and_records_rectification(qtbot, ctx, workdir):
    from wcif_desktop.services import baseline
    from wcif_desktop.ui.rollup_dialog import BaselineDialog

    last = workdir / "上年 2020.wcif"
    shutil.copy2(ctx.path, last)
    with EvaluationFile.open(last, backup=False) as o:
        svc.update_record(o, Evaluation, svc.evaluation(o).id, fiscal_year=2020)
        for ln in o.records(FinanceLine):
            svc.update_record(o, FinanceLine, ln.id, fiscal_year=2020)
    if SHOTS:
        from wcif_desktop.ui.app import ensure_cjk_font

        ensure_cjk_font()
    dlg = BaselineDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.resize(1366, 768)
    assert "未关联" in dlg.status.text() and not dlg.btn_carry.isEnabled()
    assert dlg.link(last)
    assert "已关联上年评价" in dlg.status.text()
    assert dlg.yoy.model().rowCount() >= 3
    assert dlg.candidates.count() > 0
    dlg.carry_selected()
    problems = baseline.carried(ctx.ef, "problem")
    assert problems and dlg.rectify.rowCount() == len(problems)
    combo = dlg.rectify.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("partial"))
    assert baseline.carried(ctx.ef, "problem")[0].status == "partial"
    dlg.rectify.item(0, 2).setText("部分单位仍未开展宣传")
    assert baseline.carried(ctx.ef, "problem")[0].note == "部分单位仍未开展宣传"
    assert all("已结转" in dlg.candidates.item(k).text() for k in range(dlg.candidates.count()))
    if SHOTS:
        dlg.grab().save(str(Path(SHOTS) / "baseline-rectify.png"))
        dlg.tabs.setCurrentIndex(0)
        dlg.grab().save(str(Path(SHOTS) / "baseline-yoy.png"))
