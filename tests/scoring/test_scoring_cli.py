"""``wcif-desktop score`` and ``wcif-desktop check-sheet`` (run in-process through cli.main)."""

import json
from decimal import Decimal

from scoring_cases import write_case_08, write_case_09

from wcif_desktop.cli import main
from wcif_desktop.services.score_sheet import export_score_sheet


def test_score_text_and_json(sample_path, capsys):
    assert main(["score", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "综合评分：82.33  评级：良" in out
    assert "1.3.1 预算编制科学性  分值 4.00  得分 1.50  扣分原因：收入预算执行率112.30%" in out
    assert "决策  13.00 / 20.00" in out
    assert main(["score", str(sample_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"indicators", "dimensions", "total", "grade"}
    assert data["total"] == "82.33" and data["grade"] == "良"
    assert [d["name"] for d in data["dimensions"]] == ["决策", "过程", "产出", "效益"]
    assert sum(Decimal(d["score"]) for d in data["dimensions"]) == Decimal("82.33")
    leaf = next(i for i in data["indicators"] if i["name"] == "预算执行率")
    assert leaf == {"code": "2.1.2", "name": "预算执行率", "level": 3, "weight": "4.00", "score": "2.50",
                    "reason": "支出预算偏差率53.06%，预算未按计划执行。"}
    assert len([i for i in data["indicators"] if i["level"] == 3]) == 26


def test_score_on_a_non_evaluation_file_exits_2(workdir, capsys):
    bad = workdir / "不是评价.wcif"
    bad.write_text("hello", encoding="utf-8")
    assert main(["score", str(bad)]) == 2
    assert "不是评价文件" in capsys.readouterr().err


def test_check_sheet_exit_codes(workdir, capsys, sample_file):
    ok = export_score_sheet(sample_file, workdir / "一致 评分表.xlsx")
    assert main(["check-sheet", str(ok)]) == 0
    assert "核对一致" in capsys.readouterr().out

    case08 = write_case_08(workdir / "稷山 自评表.xlsx")
    assert main(["check-sheet", str(case08), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["recomputed_total"] == "93.00" and data["stated_total"] == "94.00" and data["mismatch"] is True
    assert data["problems"][0]["row"] == 17 and data["problems"][0]["column"] == "H"
    assert len(data["rows"]) == 7

    assert main(["check-sheet", str(case08)]) == 1
    out = capsys.readouterr().out
    assert "各行得分合计：93.00  表中合计：94.00" in out and "不一致" in out

    assert main(["check-sheet", str(write_case_09(workdir / "09.xlsx"))]) == 0
    capsys.readouterr()

    assert main(["check-sheet", str(workdir / "缺失.xlsx")]) == 2
    assert "找不到" in capsys.readouterr().err
    junk = workdir / "坏 文件.xlsx"
    junk.write_bytes(b"not a zip")
    assert main(["check-sheet", str(junk)]) == 2


def test_score_uses_the_evaluations_grade_bands(sample_path, capsys):
    from wcif_desktop.services import scoring
    from wcif_desktop.services.evaluation import open_file

    with open_file(sample_path) as ef:
        scoring.set_grade_bands(ef, [("85", "优秀"), ("75", "良好"), ("0", "一般")])
    assert main(["score", str(sample_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["grade"] == "良好"
