"""Last year's evaluation file as the baseline (历史标准, issue 22)."""

from __future__ import annotations

import hashlib
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.model import Evaluation, FinanceLine, TargetIndicator
from wcif_desktop.services import baseline, finance
from wcif_desktop.services import evaluation as svc
from wcif_desktop.store.db import EvaluationFile

LAST_CLOSING = Decimal("724120300.00")  # the sample's 2021 年末滚存结余


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def pair(sample_path, workdir):
    """(this year's file 2022 with its three totals, last year's file 2021 = the sample) in different folders."""
    last_dir = workdir / "2021 年 归档"
    last_dir.mkdir()
    last = last_dir / "呼和浩特 2021.wcif"
    shutil.move(sample_path, last)
    this = workdir / "呼和浩特 2022 评价.wcif"
    shutil.copy2(last, this)
    with EvaluationFile.open(this, backup=False) as ef:
        ev = svc.evaluation(ef)
        svc.update_record(ef, Evaluation, ev.id, fiscal_year=2022, title="呼和浩特市2022年度工伤保险基金项目绩效评价")
        values = {"income_total": "130000000.00", "expenditure_total": "120000000.00"}
        for ln in ef.records(FinanceLine):
            if ln.code not in ("income_total", "expenditure_total", "year_end_balance") or ln.fiscal_year != 2021:
                # this year's file has its totals only: the sample's stated 2021 opening balance, its detail lines
                # and its 2020 comparison line are last year's figures (the opening comes from the baseline)
                svc.delete_record(ef, FinanceLine, ln.id)
                continue
            changes = {"fiscal_year": 2022}
            if ln.code in values:
                changes["actual"] = Decimal(values[ln.code])
            if ln.code == "year_end_balance":
                changes["actual"] = LAST_CLOSING + Decimal("10000000.00")
            svc.update_record(ef, FinanceLine, ln.id, **changes)
        for t in ef.records(TargetIndicator):
            svc.update_record(ef, TargetIndicator, t.id, actual="")
    for extra in workdir.glob("*.bak"):
        extra.unlink()
    return this, last


def test_link_stores_reference_and_reads_last_year_read_only(pair):
    this, last = pair
    digest = _sha(last)
    with EvaluationFile.open(this, backup=False) as ef:
        baseline.link_baseline(ef, last)
        ref = baseline.baseline_ref(ef)
        assert ref.sha256 == digest and ref.fiscal_year == 2021 and ref.region == "呼和浩特市"
        assert ref.relative_path == str(Path("2021 年 归档") / "呼和浩特 2021.wcif")
        st = baseline.baseline_status(ef)
        assert st.ok and "文件未改变" in st.message
        # year-on-year: last year's lines fill 2021 in the finance analysis
        a = finance.analysis(ef)
        assert a.previous is not None and a.previous.year_end_balance == LAST_CLOSING
        assert a.opening_balance == LAST_CLOSING and a.opening_source == "previous_year"
        assert a.roll_forward is not None and a.roll_forward.ok  # 724120300 + 130000000 − 120000000
        assert a.income_growth_rate == Decimal("4.98")  # 130000000 / 123831300 − 1
        check = baseline.continuity_check(ef)
        assert check.ok and check.expected == LAST_CLOSING
        rows = {r["code"]: r for r in baseline.year_on_year(ef)}
        assert rows["income_total"]["previous_actual"] == Decimal("123831300.00")
        assert rows["income_total"]["change"] == Decimal("6168700.00")
    assert _sha(last) == digest
    assert sorted(p.name for p in last.parent.iterdir()) == [last.name]  # no backup, no sidecar beside it


def test_continuity_mismatch_is_reported(pair):
    this, last = pair
    with EvaluationFile.open(this, backup=False) as ef:
        baseline.link_baseline(ef, last)
        yb = next(ln for ln in ef.records(FinanceLine) if ln.code == "year_end_balance")
        svc.update_record(ef, FinanceLine, yb.id, actual=LAST_CLOSING + Decimal("10000100.00"))
        check = baseline.continuity_check(ef)
        assert not check.ok and check.difference == Decimal("100.00")
        assert "不等于上年评价文件中2021年年末滚存结余724,120,300.00元" in check.message


def test_link_refuses_other_region_year_or_itself(pair, workdir):
    this, last = pair
    with EvaluationFile.open(this, backup=False) as ef:
        with pytest.raises(ValidationError, match="自身"):
            baseline.link_baseline(ef, this)
        other = workdir / "包头 2021.wcif"
        shutil.copy2(last, other)
        with EvaluationFile.open(other, backup=False) as o:
            svc.update_record(o, Evaluation, svc.evaluation(o).id, region="包头市")
        with pytest.raises(ValidationError, match="地区为“包头市”"):
            baseline.link_baseline(ef, other)
        with pytest.raises(ValidationError, match="年度为2022年，应为2021年"):
            baseline.link_baseline(ef, shutil.copy2(this, workdir / "另一份 2022.wcif"))
        (workdir / "坏.wcif").write_bytes(b"junk")
        with pytest.raises(WcifError, match="不是 SQLite"):
            baseline.link_baseline(ef, workdir / "坏.wcif")
        assert baseline.baseline_ref(ef) is None


def test_moved_together_and_changed_baseline(pair, workdir):
    this, last = pair
    with EvaluationFile.open(this, backup=False) as ef:
        baseline.link_baseline(ef, last)
    moved = workdir / "移动后 的 文件夹"
    moved.mkdir()
    shutil.move(this, moved / this.name)
    shutil.move(last.parent, moved / last.parent.name)
    with EvaluationFile.open(moved / this.name, backup=False) as ef:
        st = baseline.baseline_status(ef)
        assert st.ok and st.path == moved / "2021 年 归档" / last.name
    with EvaluationFile.open(st.path, backup=False) as o:
        svc.update_record(o, Evaluation, svc.evaluation(o).id, agency="另一家机构")
    with EvaluationFile.open(moved / this.name, backup=False) as ef:
        assert "已改变" in baseline.baseline_status(ef).message


def test_carry_forward_and_rectification_section(pair):
    this, last = pair
    with EvaluationFile.open(this, backup=False) as ef:
        with pytest.raises(WcifError, match="未关联"):
            baseline.carry_forward_candidates(ef)
        baseline.link_baseline(ef, last)
        cand = baseline.carry_forward_candidates(ef)
        assert cand.problems and not any(done for _f, done in cand.problems)
        n_targets_before = len(ef.records(TargetIndicator))
        first = cand.problems[0][0]
        baseline.carry_forward(ef, target_ids=[], problem_ids=[first.id])
        baseline.carry_forward(ef, target_ids=[])  # the rest; the first is not carried twice
        items = baseline.carried(ef, "problem")
        assert [c.source_id for c in items] == [f.id for f, _d in cand.problems]
        assert len(ef.records(TargetIndicator)) == n_targets_before
        baseline.carry_forward(ef)
        carried_targets = baseline.carried(ef, "target")
        assert len(carried_targets) == len(cand.targets)
        new = ef.get(TargetIndicator, carried_targets[0].target_id)
        assert new.name == cand.targets[0][0].name and new.actual == ""
        baseline.set_rectification(ef, items[0].id, "已整改", "已制定工伤预防宣传年度计划并实施")
        baseline.set_rectification(ef, items[1].id, "open")
        with pytest.raises(ValidationError, match="整改情况应为"):
            baseline.set_rectification(ef, items[1].id, "差不多")
        sec = baseline.rectification_section(ef)
        assert sec.title == "上年评价发现问题整改情况"
        assert f"共发现问题{len(items)}项" in sec.paragraphs[0] and "已整改1项" in sec.paragraphs[0]
        assert sec.rows[0]["整改情况"] == "已整改" and sec.rows[1]["整改情况"] == "未整改"
        assert "已制定工伤预防宣传年度计划并实施" in sec.paragraphs[1]


def test_historical_standard_pairs_targets(pair):
    this, last = pair
    with EvaluationFile.open(last, backup=False) as o:
        last_targets = {t.name: t.actual for t in o.records(TargetIndicator)}
    with EvaluationFile.open(this, backup=False) as ef:
        baseline.link_baseline(ef, last)
        t = next(t for t in ef.records(TargetIndicator) if last_targets.get(t.name))
        hs = {h.name: h for h in baseline.historical_standard(ef)}
        assert hs[t.name].last_actual == last_targets[t.name] and hs[t.name].actual == ""


def test_cli_baseline(pair, capsys):
    this, last = pair
    assert main(["baseline", "link", str(this), str(last)]) == 0
    assert main(["baseline", "carry", str(this), "--problems"]) == 0
    assert "上年问题" in capsys.readouterr().out
    assert main(["baseline", "rectify", str(this), "1", "--status", "部分整改", "--note", "仍有欠缴"]) == 0
    assert main(["baseline", "rectify", str(this), "99", "--status", "已整改"]) == 2
    assert "没有第99项" in capsys.readouterr().err
    assert main(["baseline", "show", str(this), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["ok"] and d["continuity"]["ok"] and d["carried_problems"][0]["status"] == "部分整改"
    assert d["rectification_section"]["paragraphs"][0].startswith("2021年度绩效评价共发现问题")
    assert main(["baseline", "show", str(this)]) == 0
    out = capsys.readouterr().out
    assert "同比" in out and "结余衔接" in out


def test_rectification_section_in_the_full_report(pair, workdir):
    from pypdf import PdfReader

    from wcif_desktop.services.deliverables.extras import load_extras
    from wcif_desktop.services.evaluation import load_snapshot
    from wcif_desktop.services.report_build import generate_report

    this, last = pair
    with EvaluationFile.open(this, backup=False) as ef:
        baseline.link_baseline(ef, last)
        baseline.carry_forward(ef, target_ids=[])
        first = baseline.carried(ef, "problem")[0]
        baseline.set_rectification(ef, first.id, "fixed", "已印发宣传计划并组织培训")
        extras = load_extras(ef)
        assert extras.rectification_title == "上年评价发现问题整改情况"
        out = generate_report(load_snapshot(ef), workdir / "完整 报告.pdf", "full", extras=extras)
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "").replace("\n", "")
    assert "上年评价发现问题整改情况" in text
    assert f"{first.title}：已整改。已印发宣传计划并组织培训。" in text
