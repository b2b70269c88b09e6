"""Issue 7 in the app: problems link to the indicators, working papers and evidence behind them; recommendations
link to the problems they answer; the readiness check lists what is missing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui



@pytest.fixture
def window(bare_window):
    """These tests build links, papers and plans from scratch: the sample without its review records."""
    return bare_window


@pytest.fixture
def page(window):
    return window.show_step("findings")


def _select(page, kind, row=0):
    page.views[kind].setCurrentIndex(page.models[kind].index(row, 0))
    return page.current


def _leaf(ctx, code="1.2.1"):
    from wcif_desktop.domain.model import Indicator

    return next(i for i in ctx.ef.records(Indicator) if i.code == code)


def test_problem_links_to_indicator_undoable(page, window):
    from wcif_desktop.services import finding_links as fl

    ctx = window.ctx
    problem = _select(page, "problem")
    assert problem.kind == "problem" and page.links_box.isVisibleTo(page) and not page.answers_box.isVisibleTo(page)
    ind = _leaf(ctx)
    page.link_kind.setCurrentIndex(page.link_kind.findData("indicator"))
    page.link_target.setCurrentIndex(page.link_target.findData(ind.id))
    page.link_add.click()
    got = fl.links(ctx.ef, problem.id)
    assert [(i.kind, i.target_id) for i in got] == [("indicator", ind.id)]
    assert page.links_list.item(0).text() == f"指标 1.2.1 {ind.name}"
    assert page.add_link("indicator", ind.id)  # the same link again adds nothing
    assert len(fl.links(ctx.ef, problem.id)) == 1
    ctx.undo_stack.undo()
    assert fl.links(ctx.ef, problem.id) == []
    assert "尚未关联" in page.links_list.item(0).text()
    ctx.undo_stack.redo()
    assert [i.target_id for i in fl.links(ctx.ef, problem.id)] == [ind.id]
    page.links_list.setCurrentRow(0)
    assert page.link_remove.isEnabled()
    page.link_remove.click()
    assert fl.links(ctx.ef, problem.id) == []


def test_working_papers_and_evidence_behind_a_problem(page, window, workdir):
    from wcif_desktop.services import finding_links as fl
    from wcif_desktop.services.evidence import add_evidence
    from wcif_desktop.services.review import add_working_paper

    ctx = window.ctx
    ind = _leaf(ctx)
    paper, _ = add_working_paper(ctx.ef, "绩效目标核查底稿", indicator_ids=[ind.id])
    scan = workdir / "绩效目标 申报表.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    attached = add_evidence(ctx.ef, scan, target_kind="working_paper", target_id=paper.id).evidence
    loose = workdir / "会议 纪要.txt"
    loose.write_text("纪要", encoding="utf-8")
    other = add_evidence(ctx.ef, loose).evidence
    problem = _select(page, "problem")
    assert page.add_link("indicator", ind.id)
    items = [page.links_list.item(i).text() for i in range(page.links_list.count())]
    assert items[0].startswith("指标 1.2.1")
    assert any(t.startswith("工作底稿 DG-001 绩效目标核查底稿") and "经关联" in t for t in items)
    assert any(t.startswith("证据 绩效目标 申报表.pdf") and "经关联" in t for t in items)
    # evidence that is not behind a linked indicator or paper can be linked directly
    page.link_kind.setCurrentIndex(page.link_kind.findData("evidence"))
    assert page.link_target.findData(other.id) >= 0
    assert page.add_link("evidence", other.id)
    kinds = [(i.kind, i.target_id, i.derived) for i in fl.links(ctx.ef, problem.id)]
    assert ("evidence", other.id, False) in kinds and ("evidence", attached.id, True) in kinds
    assert ("working_paper", paper.id, True) in kinds
    page.link_kind.setCurrentIndex(page.link_kind.findData("working_paper"))
    assert page.link_target.itemData(0) == paper.id


def test_recommendation_answers_problems_and_readiness(page, window):
    from wcif_desktop.domain.model import Finding

    ctx = window.ctx
    problems = ctx.snapshot().findings_of("problem")
    rec = _select(page, "recommendation")
    assert page.answers_box.isVisibleTo(page) and not page.links_box.isVisibleTo(page)
    checked = [page.answers_list.item(i).data(0x0100) for i in range(page.answers_list.count())
               if page.answers_list.item(i).checkState().value == 2]
    assert checked == rec.answers.split(",")
    assert page.readiness.messages() == []
    # untick: the problem has no recommendation any more, and the recommendation answers nothing
    for i in range(page.answers_list.count()):
        page.answers_list.item(i).setCheckState(page.answers_list.item(i).checkState().__class__.Unchecked)
    assert ctx.ef.get(Finding, rec.id).answers == ""
    msgs = page.readiness.messages()
    assert f"建议“{rec.title}”未对应任何存在的问题" in msgs
    assert any(m.startswith(f"问题“{problems[0].title}”没有对应的建议") for m in msgs)
    # tick the second problem too, then undo back to the start
    page.set_answers([problems[0].id, problems[1].id])
    assert ctx.ef.get(Finding, rec.id).answers == f"{problems[0].id},{problems[1].id}"
    assert not page.set_answers(["no-such-problem"])
    ctx.undo_stack.undo()
    assert ctx.ef.get(Finding, rec.id).answers == ""
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert ctx.ef.get(Finding, rec.id).answers == rec.answers
    assert page.readiness.messages() == []


def test_readiness_item_selects_the_problem(page, window):
    from wcif_desktop.domain.model import Finding

    ctx = window.ctx
    problem = ctx.snapshot().findings_of("problem")[2]
    ctx.edit_fields(Finding, problem.id, cause="")
    assert page.readiness.list.count() == 1
    page.readiness.list.itemActivated.emit(page.readiness.list.item(0))
    assert page.current.id == problem.id


def test_link_service_refuses_bad_targets(sample_file):
    from wcif_desktop.domain.errors import ValidationError
    from wcif_desktop.services import finding_links as fl
    from wcif_desktop.services.evaluation import load_snapshot

    snap = load_snapshot(sample_file)
    problem, rec = snap.findings_of("problem")[0], snap.findings_of("recommendation")[0]
    with pytest.raises(ValidationError, match="不存在"):
        fl.link(sample_file, problem.id, "indicator", "missing")
    with pytest.raises(ValidationError, match="不能关联到"):
        fl.link(sample_file, problem.id, "document_request", "x")
    with pytest.raises(ValidationError, match="只有建议"):
        fl.set_answers(sample_file, problem.id, [])
    fl.set_answers(sample_file, rec.id, [problem.id, problem.id])
    assert load_snapshot(sample_file).findings_of("recommendation")[0].answers == problem.id
    codes = [label.split()[1] for _, label in fl.candidates(sample_file, "indicator")]
    assert codes[:3] == ["1", "1.1", "1.1.1"]
    assert fl._code_key("1.2") < fl._code_key("1.10") < fl._code_key("2")
