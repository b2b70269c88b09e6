"""Working papers with preparer/reviewer sign-off (stale after edits) and interview records."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.domain.review import WorkingPaper, ids
from wcif_desktop.services import evidence as evsvc
from wcif_desktop.services import review


@pytest.fixture
def paper(ef):
    ind = ef.records(Indicator, "level = 3")[:2]
    req = review.find_request(ef, "A01")
    p, changes = review.add_working_paper(ef, "预算编制科学性核查", "抽查预算测算依据……",
                                          [i.id for i in ind], [req.id])
    assert changes.touches("working_paper")
    return p


def test_paper_links_are_checked(ef, paper):
    stored = ef.get(WorkingPaper, paper.id)
    assert stored.code == "DG-001" and len(ids(stored.indicator_ids)) == 2 and len(ids(stored.request_ids)) == 1
    with pytest.raises(ValidationError, match="关联的指标不存在"):
        review.add_working_paper(ef, "x", indicator_ids=["nope"])
    with pytest.raises(ValidationError, match="关联的资料不存在"):
        review.update_working_paper(ef, paper.id, request_ids=["nope"])
    with pytest.raises(ValidationError, match="不能在此修改"):
        review.update_working_paper(ef, paper.id, reviewed_hash="")
    with pytest.raises(ValidationError, match="标题不能为空"):
        review.add_working_paper(ef, " ")


def test_signoff_flow_and_reviewer_must_differ(ef, paper, members):
    li, zhao = members["李晓梅"].id, members["赵丽"].id
    assert review.paper_signoff(ef, paper.id).text() == "编制人：—（未签字）；复核人：—（未签字）"
    with pytest.raises(ValidationError, match="须先由编制人签字"):
        review.sign_off(ef, paper.id, zhao, "reviewer")
    review.sign_off(ef, paper.id, li, "preparer")
    with pytest.raises(ValidationError, match="编制人以外"):
        review.sign_off(ef, paper.id, li, "reviewer")
    with pytest.raises(ValidationError, match="未知的签字角色"):
        review.sign_off(ef, paper.id, zhao, "approver")
    with pytest.raises(ValidationError, match="没有该成员"):
        review.sign_off(ef, paper.id, "outsider", "reviewer")
    review.sign_off(ef, paper.id, zhao, "reviewer")
    s = review.paper_signoff(ef, paper.id)
    assert s.complete and not s.stale
    assert (s.preparer_name, s.reviewer_name) == ("李晓梅", "赵丽") and s.prepared_at and s.reviewed_at
    with pytest.raises(ValidationError, match="已作为复核人签字"):
        review.sign_off(ef, paper.id, zhao, "preparer")


def test_editing_after_signoff_marks_it_stale(ef, paper, members, workdir):
    li, zhao = members["李晓梅"].id, members["赵丽"].id
    review.sign_off(ef, paper.id, li, "preparer")
    review.sign_off(ef, paper.id, zhao, "reviewer")
    review.update_working_paper(ef, paper.id, title="预算编制科学性核查")  # no change: still signed
    assert review.paper_signoff(ef, paper.id).complete

    review.update_working_paper(ef, paper.id, body="抽查预算测算依据，发现支出预算未考虑待遇调整。")
    s = review.paper_signoff(ef, paper.id)
    assert (s.preparer, s.reviewer, s.stale) == ("stale", "stale", True)
    assert "签字后已修改" in s.text()
    with pytest.raises(ValidationError, match="修改后须重新签字"):
        review.sign_off(ef, paper.id, zhao, "reviewer")
    review.sign_off(ef, paper.id, li, "preparer")
    assert (review.paper_signoff(ef, paper.id).preparer, review.paper_signoff(ef, paper.id).reviewer) == (
        "signed", "stale")
    review.sign_off(ef, paper.id, zhao, "reviewer")
    assert review.paper_signoff(ef, paper.id).complete

    # attaching evidence changes what was signed as well
    p = workdir / "测算表.xlsx"
    p.write_bytes(b"PK\x03\x04 fake")
    r = evsvc.add_evidence(ef, p, target_kind="working_paper", target_id=paper.id)
    assert review.paper_signoff(ef, paper.id).stale
    assert [e.sha256 for e in review.paper_evidence(ef, paper.id)] == [r.evidence.sha256]
    evsvc.unlink_evidence(ef, r.link.id)
    assert review.paper_signoff(ef, paper.id).complete  # back to the signed content
    # changing links changes it too
    review.update_working_paper(ef, paper.id, indicator_ids=[])
    assert review.paper_signoff(ef, paper.id).stale


def test_interviews(ef, members):
    ind = ef.records(Indicator, "level = 3")[0]
    iv, _ = review.add_interview(
        ef, "王某", interviewee_role="基金财务科科长", interviewee_unit="呼和浩特市社会保险事业管理中心",
        held_at="2022-04-12T09:30", place="社保中心三楼会议室",
        interviewer_ids=[members["王建国"].id, members["李晓梅"].id], summary="介绍了基金预算编制流程。",
        indicator_ids=[ind.id])
    review.add_interview(ef, "工伤职工代表", held_at="2022-04-11", interviewer_ids=[members["张志强"].id])
    got = review.interviews(ef)
    assert [i.interviewee for i in got] == ["工伤职工代表", "王某"]  # by time
    assert ids(got[1].interviewer_ids) == [members["王建国"].id, members["李晓梅"].id]
    assert review.indicator_names(ef, ids(got[1].indicator_ids)) == [f"{ind.code} {ind.name}"]
    with pytest.raises(ValidationError, match="至少选择一名访谈人"):
        review.add_interview(ef, "某人", held_at="2022-04-11")
    with pytest.raises(ValidationError, match="访谈时间格式"):
        review.add_interview(ef, "某人", held_at="四月", interviewer_ids=[members["张志强"].id])
    with pytest.raises(ValidationError, match="被访谈人不能为空"):
        review.add_interview(ef, "", held_at="2022-04-11", interviewer_ids=[members["张志强"].id])
    with pytest.raises(ValidationError, match="没有该成员"):
        review.add_interview(ef, "某人", held_at="2022-04-11", interviewer_ids=["外人"])
