"""Expert panel: own scores, hidden until the lead reveals, spread, mean / trimmed mean / consensus."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.domain.panel import aggregate, method_sentence, spread
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import scoring

D = Decimal


def test_aggregation_methods():
    s = [D("3"), D("3.5"), D("2"), D("4"), D("3.2")]
    assert spread(s) == D("2")
    assert aggregate(s, "mean") == D("3.14")
    assert aggregate(s, "trimmed_mean") == D("3.23")  # drop 2 and 4: (3 + 3.5 + 3.2) / 3 = 3.2333…
    assert aggregate(s[:4], "trimmed_mean") == aggregate(s[:4], "mean") == D("3.13")  # fewer than 5: no trim
    assert aggregate(s, "consensus", D("3")) == D("3.00")
    assert aggregate(s, "consensus") is None and aggregate([], "mean") is None
    with pytest.raises(ValidationError):
        aggregate(s, "median")
    assert "去掉一个最高分和一个最低分" in method_sentence("trimmed_mean", 5)
    assert "少于5人" in method_sentence("trimmed_mean", 3)
    assert "集体合议" in method_sentence("consensus", 4)


@given(st.lists(st.decimals(min_value=0, max_value=10, places=2), min_size=1, max_size=9),
       st.sampled_from(["mean", "trimmed_mean"]))
def test_aggregate_lies_between_min_and_max(values, method):
    a = aggregate(values, method)
    assert min(values) <= a <= max(values)
    assert spread(values) >= 0


@pytest.fixture
def panel(sample_file):
    ef = sample_file
    team = sorted(ef.records(TeamMember), key=lambda m: m.sort_order)
    extra = [TeamMember(name=f"专家{k}", role="expert", sort_order=10 + k) for k in range(5 - len(team) + 1)]
    for m in extra:
        svc.add_record(ef, m)
    team = sorted(ef.records(TeamMember), key=lambda m: m.sort_order)
    lead = next(m for m in team if m.role == "lead")
    leaf = next(i for i in ef.records(Indicator) if i.name == "预算执行率")  # weight 4
    return ef, team, lead, leaf


def test_scores_hidden_until_lead_reveals(panel):
    ef, team, lead, leaf = panel
    a, b = team[0], team[1]
    scoring.set_panel_score(ef, leaf.id, a.id, "3", "执行偏差大")
    scoring.set_panel_score(ef, leaf.id, b.id, "2", "偏差超过50%")
    view = scoring.panel_view(ef, a.id)
    assert not view.revealed and [m.id for m in view.members] == [a.id]
    row = next(r for r in view.rows if r.indicator_id == leaf.id)
    assert row.scores == {a.id: D(3)}  # b's score is hidden
    with pytest.raises(ValidationError, match="尚未由组长公开"):
        scoring.apply_panel(ef)
    not_lead = next(m for m in team if m.role != "lead")
    with pytest.raises(ValidationError, match="组长"):
        scoring.reveal_panel(ef, not_lead.id)
    scoring.reveal_panel(ef, lead.id)
    view = scoring.panel_view(ef, a.id)
    row = next(r for r in view.rows if r.indicator_id == leaf.id)
    assert view.revealed and row.scores == {a.id: D(3), b.id: D(2)}
    assert row.spread == D(1) and row.aggregate == D("2.50")
    assert scoring.settings(ef).panel_revealed_by == lead.name


def test_member_score_rules(panel):
    ef, team, lead, leaf = panel
    with pytest.raises(ValidationError, match="扣分原因"):
        scoring.set_panel_score(ef, leaf.id, team[0].id, "3", "")
    with pytest.raises(ValidationError, match="超过分值"):
        scoring.set_panel_score(ef, leaf.id, team[0].id, "5", "x")
    parent = next(i for i in ef.records(Indicator) if i.name == "资金管理")
    with pytest.raises(ValidationError, match="上级指标"):
        scoring.set_panel_score(ef, parent.id, team[0].id, "3", "x")
    scoring.set_panel_score(ef, leaf.id, team[0].id, "3", "a")
    scoring.set_panel_score(ef, leaf.id, team[0].id, "3.5", "b")  # updates, no second row
    assert len(ef.rows("panel_score")) == 1
    # fixed ids: the same member's score of the same indicator is one record on every copy of the file
    assert ef.rows("panel_score")[0]["id"] == scoring._panel_id(leaf.id, team[0].id, "member")
    scoring.set_panel_method(ef, "mean")
    assert [r["id"] for r in ef.rows("scoring_settings")] == [scoring.SETTINGS_ID]


def test_trimmed_mean_applied_to_indicator_scores(panel):
    ef, team, lead, leaf = panel
    assert len(team) >= 5
    for m, s in zip(team, ("3", "3.5", "2", "4", "3.2")):
        scoring.set_panel_score(ef, leaf.id, m.id, s, "" if s == "4" else f"理由{s}")
    scoring.set_panel_method(ef, "trimmed_mean")
    scoring.reveal_panel(ef, lead.id)
    ch = scoring.apply_panel(ef)
    ind = ef.get(Indicator, leaf.id)
    assert leaf.id in ch.tables["indicator"]
    assert ind.score == D("3.23")
    assert "理由3" in ind.deduction_reason and "理由2" in ind.deduction_reason
    assert "去掉一个最高分和一个最低分" in scoring.panel_sentence(ef)
    assert scoring.score_sheet(ef).total() == D("82.33") - D("2.5") + D("3.23")


def test_consensus_method(panel):
    ef, team, lead, leaf = panel
    scoring.set_panel_score(ef, leaf.id, team[0].id, "3", "a")
    scoring.set_panel_score(ef, leaf.id, team[1].id, "1", "b")
    scoring.set_panel_method(ef, "consensus")
    scoring.record_consensus(ef, leaf.id, "2", "合议：支出偏差53.06%", lead.id)
    view = scoring.panel_view(ef, team[1].id)
    row = next(r for r in view.rows if r.indicator_id == leaf.id)
    assert row.consensus == D(2) and row.aggregate == D("2.00")
    scoring.reveal_panel(ef, lead.id)
    scoring.apply_panel(ef)
    ind = ef.get(Indicator, leaf.id)
    assert ind.score == D("2.00") and ind.deduction_reason == "合议：支出偏差53.06%"
    assert "集体合议" in scoring.panel_sentence(ef)
    with pytest.raises(ValidationError):
        scoring.set_panel_method(ef, "vote")


@given(st.lists(st.lists(st.decimals(min_value=0, max_value=10, places=2), max_size=8), min_size=1, max_size=6),
       st.sampled_from(["mean", "trimmed_mean", "consensus"]),
       st.one_of(st.none(), st.decimals(min_value=0, max_value=10, places=2)))
def test_panel_rows_agree_with_aggregate(per_indicator, method, cons):
    from wcif_desktop.domain.panel import PanelScore, panel_rows

    scores, ids = [], []
    for k, values in enumerate(per_indicator):
        iid = f"i{k}"
        ids.append(iid)
        scores += [PanelScore(indicator_id=iid, member_id=f"m{j}", score=v) for j, v in enumerate(values)]
        if cons is not None:
            scores.append(PanelScore(indicator_id=iid, member_id="lead", kind="consensus", score=cons))
    for row, values in zip(panel_rows(ids, scores, method), per_indicator):
        assert row.aggregate == aggregate(values, method, cons)
        assert row.spread == spread(values)
