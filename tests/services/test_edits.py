"""Named undoable edits live in services (Qt-free): each returns do/undo that restore the file exactly."""

from __future__ import annotations

from decimal import Decimal

from wcif_desktop.domain.model import Indicator, TeamMember
from wcif_desktop.services import edits
from wcif_desktop.services import evaluation as svc


def _leaf(ef) -> Indicator:
    return svc.leaf_indicators(svc.load_snapshot(ef))[0]


def test_score_edit_has_a_name_and_undoes_and_redoes(sample_file):
    ind = _leaf(sample_file)
    before = (ind.score, ind.deduction_reason)
    new = Decimal("0.50") if ind.score != Decimal("0.50") else Decimal("0.25")
    e = edits.set_score(sample_file, ind.id, new, "资料不全")
    assert not e.empty and e.name == f"修改“{ind.name}”得分" and e.name.template == "修改“{name}”得分"
    assert e.do().touches("indicator")
    assert sample_file.get(Indicator, ind.id).score == new
    e.undo()
    got = sample_file.get(Indicator, ind.id)
    assert (got.score, got.deduction_reason) == before
    e.do()
    assert sample_file.get(Indicator, ind.id).deduction_reason == "资料不全"


def test_an_edit_that_changes_nothing_is_empty(sample_file):
    ind = _leaf(sample_file)
    assert edits.edit_fields(sample_file, Indicator, ind.id, name=ind.name).empty
    assert edits.set_narrative(sample_file, "basic.intro", svc.load_snapshot(sample_file).narratives.get(
        "basic.intro") or "").empty


def test_add_then_undo_then_redo_keeps_the_same_record(sample_file):
    rec = TeamMember(name="测试 成员", role="member")
    e = edits.add_record(sample_file, rec)
    e.do()
    assert any(m.id == rec.id for m in svc.load_snapshot(sample_file).team)
    e.undo()
    assert not any(m.id == rec.id for m in svc.load_snapshot(sample_file).team)
    e.do()
    assert any(m.id == rec.id and m.name == "测试 成员" for m in svc.load_snapshot(sample_file).team)


def test_swap_order_is_one_step(sample_file):
    a, b = sorted(sample_file.records(TeamMember), key=lambda m: m.sort_order)[:2]
    e = edits.swap_order(sample_file, TeamMember, a.id, b.id)
    e.do()
    assert sample_file.get(TeamMember, a.id).sort_order > sample_file.get(TeamMember, b.id).sort_order
    e.undo()
    assert (sample_file.get(TeamMember, a.id).sort_order, sample_file.get(TeamMember, b.id).sort_order) == \
        (a.sort_order, b.sort_order)


def test_recompute_undo_restores_every_score(sample_file):
    before = {i.id: (i.score, i.deduction_reason) for i in sample_file.records(Indicator)}
    for i in list(before)[:3]:
        svc.update_record(sample_file, Indicator, i, score=None, deduction_reason="")
    changed = {i.id: (i.score, i.deduction_reason) for i in sample_file.records(Indicator)}
    e = edits.recompute_scores(sample_file)
    e.do()
    e.undo()
    assert {i.id: (i.score, i.deduction_reason) for i in sample_file.records(Indicator)} == changed
