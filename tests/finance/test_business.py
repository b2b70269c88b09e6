"""Issue 18: the fund's business data — derived rates, the rate-cut bands of 累计结余可支付月数, entry, import
from the agency's sheet, the blank template, metrics, CLI, migration and merge."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from wcif_desktop.domain.business import FundBusiness, analyze_business, coerce, match_field, rate_cut_band
from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.services import business as bs
from wcif_desktop.services import finance as fin
from wcif_desktop.services.evaluation import create_empty
from wcif_desktop.services.metrics import METRICS, compute_metrics


def test_rate_cut_bands_at_their_edges():
    assert rate_cut_band(None) is None
    assert rate_cut_band(Decimal("17.99")).cut == 0
    assert rate_cut_band(Decimal("18")).cut == 20
    assert rate_cut_band(Decimal("23.99")).cut == 20
    assert rate_cut_band(Decimal("24")).cut == 50
    assert "下调费率50%" in rate_cut_band(Decimal("66.77")).message()
    assert "低于18个月" in rate_cut_band(Decimal("12.5")).message()


def test_derived_rates_are_exact_and_inconsistencies_named():
    b = FundBusiness(insured_persons=612430, target_population=668000, injury_accepted=1262, injury_on_time=1250,
                     appraisals=1104, appraisals_on_time=1100, collection_due=Decimal("104862000.00"),
                     collection_actual=Decimal("102125700.00"), premium_previous_year=Decimal("98763000.00"),
                     prevention_spend=Decimal("3000000.00"), beneficiaries_lump_sum=986, beneficiaries_long_term=3412)
    a = analyze_business(b, coverage_months=Decimal("20.5"))
    assert a.coverage_rate == Decimal("91.68")
    assert a.injury_on_time_rate == Decimal("99.05")
    assert a.appraisal_on_time_rate == Decimal("99.64")
    assert a.collection_rate == Decimal("97.39")  # 实征 ÷ 应征, not against the budget
    assert a.prevention_cap == Decimal("2962890.00") and a.prevention_cap_usage == Decimal("101.25")
    assert a.beneficiaries_total == 4398 and a.band.cut == 20
    assert any("工伤预防项目支出超过上限" in m for m in a.problems)
    bad = analyze_business(FundBusiness(injury_applications=10, injury_accepted=12))
    assert [str(m) for m in bad.problems] == ["业务数据：工伤认定受理件数（12）多于申请件数（10）"]


def test_coerce_refuses_bad_values():
    assert coerce("insured_persons", "1,234") == 1234 and coerce("collection_due", "1.005") == Decimal("1.01")
    assert coerce("insured_persons", " ") is None
    for name, value in (("insured_persons", "12.5"), ("insured_persons", "-3"), ("collection_due", "abc")):
        with pytest.raises(ValidationError):
            coerce(name, value)
    assert match_field("参保人数（人）").name == "insured_persons"
    assert match_field("应征（万元）").name == "collection_due"


def test_set_business_metrics_and_merge_tables(tmp_path):
    ef = create_empty(tmp_path / "业务 数据.wcif", fiscal_year=2021)
    bs.set_business(ef, insured_persons="500", target_population="1000", collection_due="200", collection_actual="150")
    bs.set_business(ef, injury_accepted=10, injury_on_time=9)
    assert len(ef.records(FundBusiness)) == 1  # one record per year, updated
    m = compute_metrics(ef)
    assert m["insured_coverage_rate"] == Decimal("50.00") and m["collection_rate"] == Decimal("75.00")
    assert m["injury_on_time_rate"] == Decimal("90.00")
    assert {"insured_coverage_rate", "collection_rate", "injury_on_time_rate", "appraisal_on_time_rate"} <= set(METRICS)
    with pytest.raises(ValidationError):
        bs.set_business(ef, insured_persons="五百")
    with pytest.raises(ValidationError):
        bs.set_business(ef, nonsense=1)
    from wcif_desktop.services.merge import classify_tables
    from wcif_desktop.store.db import schema_version

    assert "fund_business" in classify_tables(ef.conn).records  # merged and exchanged like the other records
    assert schema_version() >= 32
    ef.close()


def test_blank_template_is_valid_xlsx_and_imports_back(tmp_path):
    from openpyxl import load_workbook

    out = bs.write_template(tmp_path / "模板 空白.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["基金收支", "业务数据"]
    ws = wb["业务数据"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=3)}
    rows["参保人数"][1].value = 612430
    rows["应征工伤保险费"][1].value = "10486.20"  # 万元, as the template's unit column says
    wb["基金收支"]["D5"] = 12383.13  # 基金收入合计 执行数, 万元
    wb.save(out)
    ef = create_empty(tmp_path / "导入.wcif", fiscal_year=2021)
    result = bs.import_business(ef, out)
    assert result.values == {"insured_persons": 612430, "collection_due": Decimal("104862000.00")}
    plan = fin.plan_statement_import(out, sheet="基金收支", year=2021)
    fin.apply_statement_import(ef, plan)
    assert bs.statement_values(ef)["income_total"]["actual"] == Decimal("123831300.00")
    ef.close()


def test_filled_template_round_trips_the_sample(sample_file, tmp_path):
    out = bs.write_template(tmp_path / "样例 模板.xlsx", sample_file)
    ef = create_empty(tmp_path / "副本.wcif", fiscal_year=2021)
    bs.import_business(ef, out)
    fin.apply_statement_import(ef, fin.plan_statement_import(out, sheet="基金收支", year=2021))
    assert bs.business_dict(ef)["fields"] == bs.business_dict(sample_file)["fields"]
    assert bs.statement_values(ef) == bs.statement_values(sample_file)
    ef.close()


def test_import_names_bad_cells_and_refuses_a_sheet_without_data(tmp_path):
    csv = tmp_path / "业务 统计.csv"
    csv.write_text("项目,数值,单位\n参保人数,12.5,人\n参保单位数,300,户\n", encoding="utf-8-sig")
    ef = create_empty(tmp_path / "x.wcif", fiscal_year=2021)
    r = bs.import_business(ef, csv)
    assert r.values == {"insured_units": 300}
    assert r.rejected == ["第2行：“参保人数”应为整数：12.5"]
    empty = tmp_path / "空.csv"
    empty.write_text("项目,数值\n其他,1\n", encoding="utf-8-sig")
    with pytest.raises(WcifError, match="没有识别出业务数据"):
        bs.import_business(ef, empty)
    ef.close()


def test_statement_entry_by_hand(tmp_path):
    ef = create_empty(tmp_path / "手工.wcif", fiscal_year=2021)
    bs.set_statement(ef, {"income_total": {"budget": "110266300", "actual": "123831300"},
                          "premium_income": {"actual": "102125700"}, "interest_income": {"actual": None}})
    vals = bs.statement_values(ef)
    assert vals["income_total"] == {"budget": Decimal("110266300.00"), "adjusted_budget": None,
                                    "actual": Decimal("123831300.00")}
    assert "interest_income" not in vals  # nothing entered: no line added
    bs.set_statement(ef, {"income_total": {"budget": None}})
    assert bs.statement_values(ef)["income_total"]["budget"] is None
    with pytest.raises(ValidationError):
        bs.set_statement(ef, {"no_such_line": {"actual": "1"}})
    ef.close()


def _cli(*argv):
    return subprocess.run([sys.executable, "-m", "wcif_desktop", *map(str, argv)], capture_output=True, text=True,
                          encoding="utf-8")


def test_cli_business_json_template_and_import(sample_path, tmp_path):
    p = _cli("business", sample_path, "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["fields"]["insured_persons"] == 612430 and d["fields"]["collection_actual"] == "102125700.00"
    assert d["derived"]["collection_rate"] == "97.39" and d["band"]["rate_cut"] == "50"
    assert "回忆" in d["band"]["source"]
    text = _cli("business", sample_path).stdout
    assert "参保人数：612,430 人（示例值）" in text and "征缴率（实征÷应征）：97.39%" in text
    tpl = tmp_path / "模板.xlsx"
    assert _cli("business-template", tpl).returncode == 0 and tpl.stat().st_size > 0
    bad = _cli("import-business", sample_path, tpl)  # blank template: nothing to import
    assert bad.returncode == 2 and bad.stderr.strip().startswith("错误：")
    not_sheet = tmp_path / "不是表格.xlsx"
    not_sheet.write_text("hello", encoding="utf-8")
    p = _cli("import-business", sample_path, not_sheet)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and p.stderr.startswith("错误：")


def test_an_indicator_scored_from_a_business_metric(sample_file):
    from wcif_desktop.domain.model import Indicator
    from wcif_desktop.services import evaluation as svc
    from wcif_desktop.services import scoring

    assert scoring.recompute(sample_file).tables == {}  # the sample's scores are manual: nothing moves
    ind = next(i for i in sample_file.records(Indicator) if i.name == "劳动能力鉴定按时完成率")
    svc.update_record(sample_file, Indicator, ind.id, rule_type="metric", rule_params=json.dumps(
        {"metric": "appraisal_on_time_rate", "method": "ratio", "target": "100", "unit": "%"}))
    scoring.recompute(sample_file)
    assert sample_file.get(Indicator, ind.id).score == Decimal("3.00")  # 1,104 of 1,104 on time
    bs.set_business(sample_file, appraisals_on_time=1000)
    scoring.recompute(sample_file)
    got = sample_file.get(Indicator, ind.id)
    assert got.score == Decimal("2.72")  # 1,000 ÷ 1,104 = 90.58 % × 3
    assert "劳动能力鉴定按时完成率" in got.deduction_reason and "90.58%" in got.deduction_reason
