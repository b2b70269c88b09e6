"""Grade bands (等级划分) by CLI ``grade-bands`` and in the GUI (scoring page dialog, undoable); the total's grade
and the report follow the evaluation's bands."""

from __future__ import annotations

import json

import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.scoring import ordered_bands, parse_bands_text


def test_parse_bands_keeps_the_floor_and_refuses_wrong_order():
    bands = parse_bands_text("优=85，良=82、中=60")
    assert [(str(lo), n) for lo, n in bands] == [("85", "优"), ("82", "良"), ("60", "中"), ("0", "差")]
    with pytest.raises(ValidationError, match="从高到低"):
        parse_bands_text("优=80,良=85")
    with pytest.raises(ValidationError, match="0 至 100"):
        ordered_bands([("优", "120"), ("差", "0")])
    with pytest.raises(ValidationError, match="不是数值"):
        parse_bands_text("优=九十")
    with pytest.raises(ValidationError, match="等级=分数下限"):
        parse_bands_text("优90")


def test_cli_grade_bands_show_set_and_refuse(sample_path, capsys):
    assert main(["grade-bands", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "90（含）-100分为优" in out and "评级：良" in out
    assert main(["grade-bands", str(sample_path), "--set", "优=82,良=75,中=60", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["grade"] == "优" and data["total"] == "82.33"
    assert [b["grade"] for b in data["bands"]] == ["优", "良", "中", "差"] and data["bands"][0]["from"] == "82.00"
    assert main(["score", str(sample_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["grade"] == "优"
    assert main(["grade-bands", str(sample_path), "--set", "优=70,良=75"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "从高到低" in err and len(err.strip().splitlines()) == 1
    assert main(["grade-bands", str(sample_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bands"][0]["from"] == "82.00"  # nothing changed


def test_report_uses_the_evaluation_bands(sample_path):
    from wcif_desktop.services import scoring
    from wcif_desktop.services.deliverables.reports import full_report
    from wcif_desktop.services.evaluation import load_snapshot, open_file

    with open_file(sample_path) as ef:
        before = full_report(load_snapshot(ef)).text()
        scoring.set_grade_bands(ef, parse_bands_text("优=82,良=75,中=60"))
        after = full_report(load_snapshot(ef)).text()
    assert "评级：良" in before and "评级：优" in after


@pytest.mark.gui
def test_gui_dialog_sets_bands_undoable(qtbot, sample_path, messages):
    from wcif_desktop.services.evaluation import open_file
    from wcif_desktop.ui.context import EvaluationContext
    from wcif_desktop.ui.pages.scoring import ScoringPage

    ctx = EvaluationContext(open_file(sample_path))

    page = ScoringPage(ctx)
    qtbot.addWidget(page)
    assert page.total_label.text().endswith("评级 良")
    dlg = page.grade_bands_dialog()
    assert [n.text() for n, _ in dlg.rows] == ["优", "良", "中", "差"] and dlg.rows[-1][1].isReadOnly()
    dlg.rows[1][1].setText("95")  # 良 above 优: refused, nothing saved
    assert dlg.apply() is False and "从高到低" in messages[-1]
    assert "从高到低" in dlg.sentence.text()
    dlg.rows[0][1].setText("82")
    dlg.rows[1][1].setText("75")
    assert "82（含）-100分为优" in dlg.sentence.text()
    assert dlg.apply() is True
    assert page.total_label.text().endswith("评级 优")
    assert ctx.undo_stack.undoText() == "修改等级划分"
    ctx.undo_stack.undo()
    assert page.total_label.text().endswith("评级 良")
    ctx.undo_stack.redo()
    assert page.total_label.text().endswith("评级 优")
    ctx.close()
