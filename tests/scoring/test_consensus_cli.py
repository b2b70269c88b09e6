"""``wcif-desktop consensus``: the expert panel's agreed scores (专家组合议) by command line."""

from __future__ import annotations

import json
from decimal import Decimal

from wcif_desktop.cli import main
from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.services import scoring
from wcif_desktop.services.evaluation import open_file


def _row(capsys, code):
    return next(r for r in json.loads(capsys.readouterr().out)["rows"] if r["code"] == code)


def test_record_use_and_apply_consensus(sample_path, capsys):
    assert main(["consensus", str(sample_path), "--json"]) == 0
    assert _row(capsys, "2.1.2")["score"] is None
    # below the weight without a reason: refused, nothing recorded
    assert main(["consensus", str(sample_path), "--set", "2.1.2=3.5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "扣分原因" in err
    # --apply before the reveal fails: the --set of the same call is not kept either (one transaction)
    assert main(["consensus", str(sample_path), "--set", "2.1.2=3.5", "--reason", "合议扣 0.5 分", "--apply"]) == 2
    assert "尚未由组长公开" in capsys.readouterr().err
    assert main(["consensus", str(sample_path), "--json"]) == 0
    assert _row(capsys, "2.1.2")["score"] is None
    assert main(["consensus", str(sample_path), "--set", "2.1.2=3.5", "--reason", "合议扣 0.5 分", "--use"]) == 0
    out = capsys.readouterr().out
    assert "汇总方法：专家组合议" in out and "2.1.2 预算执行率  分值 4.00  合议得分 3.50  说明：合议扣 0.5 分" in out
    with open_file(sample_path) as ef:
        lead = next(m for m in ef.records(TeamMember) if m.role == "lead")
        scoring.reveal_panel(ef, lead.id)
    assert main(["consensus", str(sample_path), "--apply", "--json"]) == 0
    row = _row(capsys, "2.1.2")
    assert row["score"] == "3.50" and row["indicator_score"] == "3.50"
    with open_file(sample_path) as ef:
        ind = next(i for i in ef.records(Indicator) if i.code == "2.1.2")
        assert ind.score == Decimal("3.50") and ind.deduction_reason == "合议扣 0.5 分"


def test_unknown_code_and_member_are_one_line(sample_path, capsys):
    assert main(["consensus", str(sample_path), "--set", "9.9.9=1", "--reason", "x"]) == 2
    assert "没有编号为“9.9.9”的三级指标" in capsys.readouterr().err
    assert main(["consensus", str(sample_path), "--set", "2.1.2=4", "--by", "无此人"]) == 2
    assert "评价组中没有成员“无此人”" in capsys.readouterr().err
    assert main(["consensus", str(sample_path), "--set", "2.1.2"]) == 2
    assert "指标编号=得分" in capsys.readouterr().err
