"""report.charts: drawings built from the data (万元), rendered to PDF and read back."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from reportlab.graphics import renderPDF

from wcif_desktop.domain.errors import ReportError
from wcif_desktop.domain.model import FinanceLine
from wcif_desktop.render import charts
from wcif_desktop.services import evaluation as svc


@pytest.fixture(autouse=True)
def _bundled_fonts(monkeypatch):
    monkeypatch.setenv("WCIF_REPORT_FONTS", "bundled")


def _pdf_text(drawing, path) -> str:
    renderPDF.drawToFile(drawing, str(path))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def test_budget_actual_chart_from_sample(bare_sample_file, workdir):
    snap = svc.load_snapshot(bare_sample_file)
    d = charts.budget_actual_chart(snap.finance, 2021)
    assert d.values == [("收入合计", Decimal("11026.63"), Decimal("12383.13")),
                        ("支出合计", Decimal("8502.41"), Decimal("13013.76"))]
    assert d.chart.data == [[11026.63, 8502.41], [12383.13, 13013.76]]
    text = _pdf_text(d, workdir / "预算 对比.pdf")
    for word in ("2021年基金预算与执行对比（万元）", "收入合计", "支出合计", "预算数", "执行数"):
        assert word in text
    fonts = subprocess.run(["pdffonts", str(workdir / "预算 对比.pdf")], capture_output=True).stdout.decode()
    assert "yes" in fonts  # embedded


def test_trend_chart_multi_year_with_gap(workdir):
    def ln(year, code, actual):
        return FinanceLine(fiscal_year=year, code=code, actual=Decimal(actual),
                           kind="balance" if code == "year_end_balance" else code.split("_")[0])

    lines = [ln(2019, "income_total", "100000000"), ln(2019, "expenditure_total", "90000000"),
             ln(2019, "year_end_balance", "500000000"),
             ln(2020, "income_total", "110000000"), ln(2020, "expenditure_total", "120000000"),
             ln(2021, "income_total", "123831300"), ln(2021, "expenditure_total", "130137600"),
             ln(2021, "year_end_balance", "724120300")]
    d = charts.trend_chart(lines)
    assert [v[0] for v in d.values] == [2019, 2020, 2021]
    assert d.chart.data[2] == (50000.0, None, 72412.03)  # 2020 balance missing: no point
    assert d.chart.data[0] == (10000.0, 11000.0, 12383.13)
    text = _pdf_text(d, workdir / "趋势.pdf")
    for word in ("2019—2021年基金收入、支出与滚存结余（万元）", "2020年", "年末滚存结余", "基金支出"):
        assert word in text


def test_charts_refuse_empty_data():
    with pytest.raises(ReportError):
        charts.budget_actual_chart([], 2021)
    with pytest.raises(ReportError):
        charts.trend_chart([])


def test_budget_actual_many_lines_and_negative():
    lines = [FinanceLine(fiscal_year=2021, code=c, kind=k, budget=Decimal(b) * 10000, actual=Decimal(a) * 10000)
             for c, k, b, a in [("income_total", "income", "100", "120"), ("premium_income", "income", "90", "110"),
                                ("interest_income", "income", "10", "10"), ("other_income", "income", "0", "-5"),
                                ("expenditure_total", "expenditure", "80", "95"),
                                ("benefit_expenditure", "expenditure", "70", "85"),
                                ("prevention_expenditure", "expenditure", "10", "10")]]
    d = charts.budget_actual_chart(lines, 2021)
    assert [v[0] for v in d.values][:3] == ["收入合计", "保险费收入", "利息收入"]
    assert d.chart.valueAxis.valueMin < 0
    assert d.chart.categoryAxis.labels.angle == 30


def test_finance_charts_for_snapshot(bare_sample_file, workdir):
    snap = svc.load_snapshot(bare_sample_file)
    got = charts.finance_charts(snap)
    assert len(got) == 1  # one year on file: no trend chart
    svc.add_record(bare_sample_file, FinanceLine(fiscal_year=2020, code="income_total", kind="income",
                                            actual=Decimal("110000000")))
    got = charts.finance_charts(svc.load_snapshot(bare_sample_file))
    assert [len(d.values) for d in got] == [2, 2]
    assert got[1].values[0] == (2020, Decimal("11000.00"), None, None)
    snap.finance = []
    assert charts.finance_charts(snap) == []
