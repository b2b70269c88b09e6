"""Merging record by record: one-sided changes, conflicts resolved field by field, tombstones, evidence,
idempotence, history."""

import json

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge
from wcif_desktop.services.report_archive import lock as _archive_lock
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, record_state, table_dump


@pytest.fixture
def trio(bare_sample_path, workdir):
    """The lead's file and two members' copies exported from it."""
    a = export_copy(bare_sample_path, workdir / "成员 甲.wcif")
    b = export_copy(bare_sample_path, workdir / "成员 乙.wcif")
    return bare_sample_path, a, b


def _edit(path, who, fn):
    ef = EvaluationFile.open(path, who=who)
    try:
        return fn(ef)
    finally:
        ef.close()


def _findings(path):
    ef = EvaluationFile.open(path, backup=False)
    try:
        return {r["id"]: r for r in ef.rows("finding", include_deleted=True)}
    finally:
        ef.close()


def test_one_sided_changes_are_taken_and_mine_are_kept(trio):
    lead, a, _ = trio
    ids = list(_findings(lead))
    new = Finding(title="甲新增的问题", kind="problem", body="正文")
    _edit(a, "甲", lambda ef: (ef.update("finding", ids[0], {"title": "甲改"}), ef.delete("finding", ids[1]),
                               ef.insert(new)))
    _edit(lead, "组长", lambda ef: ef.update("finding", ids[2], {"body": "组长改"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    ef.close()
    f = _findings(lead)
    assert f[ids[0]]["title"] == "甲改" and f[ids[0]]["modified_by"] == "甲"
    assert f[ids[1]]["deleted"] == 1  # the tombstone travelled
    assert f[new.id]["title"] == "甲新增的问题"
    assert f[ids[2]]["body"] == "组长改"  # mine stays
    assert {x[1] for x in rep.inserted} == {new.id}
    assert [x[1] for x in rep.deleted] == [ids[1]]
    assert [(x[1], x[3]) for x in rep.updated] == [(ids[0], ["title"])]
    assert not rep.conflicts and rep.history_added > 0
    text = "\n".join(rep.lines())
    assert "甲新增的问题" in text and "甲改" in text


def test_importing_the_same_file_twice_changes_nothing(trio):
    lead, a, _ = trio
    ids = list(_findings(lead))
    _edit(a, "甲", lambda ef: ef.update("finding", ids[0], {"title": "甲改"}))
    ef = EvaluationFile.open(lead)
    exchange.import_file(ef, a)
    before = table_dump(lead)
    rep = exchange.import_file(ef, a)
    ef.close()
    assert not rep.changed
    assert table_dump(lead) == before


def test_both_sides_changed_is_a_conflict_resolved_field_by_field(trio):
    lead, a, _ = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "甲的标题", "body": "甲的正文", "cause": "甲的原因"}))
    _edit(lead, "组长", lambda ef: ef.update("finding", fid, {"title": "组长的标题", "body": "组长的正文"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    assert len(rep.conflicts) == 1 and rep.open_conflicts == rep.conflicts
    c = merge.get_conflict(ef, rep.conflicts[0])
    assert c.table == "finding" and c.record_id == fid
    assert c.fields == ["body", "title"]  # the cause only 甲 changed: taken at once, no conflict over it
    assert (c.mine["title"], c.theirs["title"]) == ("组长的标题", "甲的标题")
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] == "组长的标题"  # mine until resolved
    assert ef.rows("finding", "id = ?", [fid])[0]["cause"] == "甲的原因"
    # importing again does not duplicate the open conflict
    assert not exchange.import_file(ef, a).conflicts
    assert len(merge.list_conflicts(ef)) == 1
    with pytest.raises(ValidationError):
        merge.resolve_field(ef, c.id, "sort_order", "mine")
    with pytest.raises(ValidationError):
        merge.resolve_field(ef, c.id, "title", "both")
    merge.resolve_field(ef, c.id, "title", "theirs")
    assert merge.get_conflict(ef, c.id).status == "open"
    done = merge.resolve_field(ef, c.id, "body", "edited", "组长改写的正文")
    assert done.status == "resolved" and merge.list_conflicts(ef) == []
    row = ef.rows("finding", "id = ?", [fid])[0]
    assert (row["title"], row["body"], row["cause"]) == ("甲的标题", "组长改写的正文", "甲的原因")
    hist = merge.record_history(ef, "finding", fid)
    assert any(h.field == "body" and h.new == "组长改写的正文" for h in hist)
    assert any(h.origin and h.field == "title" and h.new == "甲的标题" for h in hist)  # 甲's own edit
    # resolved: the same file brings nothing again
    before = table_dump(lead)
    assert not exchange.import_file(ef, a).changed
    assert table_dump(lead) == before
    assert ef.verify_history() == []
    ef.close()
    # and the resolution travels back to 甲 without a conflict
    back = export_copy(lead, lead.parent / "回传.wcif")
    ea = EvaluationFile.open(a)
    rep = exchange.import_file(ea, back)
    assert not rep.conflicts
    assert ea.rows("finding", "id = ?", [fid])[0]["body"] == "组长改写的正文"
    ea.close()


def test_different_fields_of_one_record_merge_without_conflict(trio):
    """Issue 15.3: 甲 sets an indicator's score, 乙 its deduction reason, the lead its note field … no conflict;
    the result has every change, whatever the order, and re-importing either file changes nothing."""
    lead, a, b = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "甲的标题"}))
    _edit(b, "乙", lambda ef: ef.update("finding", fid, {"body": "乙的正文"}))
    _edit(lead, "组长", lambda ef: ef.update("finding", fid, {"cause": "组长的原因"}))
    results = []
    for order in ((a, b), (b, a)):
        target = lead.parent / f"合并{len(results)}.wcif"
        target.write_bytes(lead.read_bytes())
        ef = EvaluationFile.open(target, backup=False)
        for src in order:
            rep = exchange.import_file(ef, src)
            assert not rep.conflicts and any(u[1] == fid for u in rep.updated)
        row = ef.rows("finding", "id = ?", [fid])[0]
        assert (row["title"], row["body"], row["cause"]) == ("甲的标题", "乙的正文", "组长的原因")
        before = table_dump(target)
        for src in order:
            assert not exchange.import_file(ef, src).changed_records
        assert table_dump(target) == before
        assert merge.list_conflicts(ef) == [] and ef.verify_history() == []
        results.append(record_state(ef))
        ef.close()
    assert results[0] == results[1]
    # the merged version travels back to 甲 as a fast-forward
    back = export_copy(lead.parent / "合并0.wcif", lead.parent / "回传.wcif")
    ea = EvaluationFile.open(a, backup=False)
    rep = exchange.import_file(ea, back)
    assert not rep.conflicts
    assert ea.rows("finding", "id = ?", [fid])[0]["body"] == "乙的正文"
    ea.close()


def test_same_field_changed_on_both_sides_conflicts_only_on_that_field(trio):
    lead, a, _ = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "甲的标题", "body": "甲的正文"}))
    _edit(lead, "组长", lambda ef: ef.update("finding", fid, {"title": "组长的标题", "cause": "组长的原因"}))
    ef = EvaluationFile.open(lead, backup=False)
    rep = exchange.import_file(ef, a)
    (c,) = [merge.get_conflict(ef, i) for i in rep.conflicts]
    assert c.fields == ["title"]
    row = ef.rows("finding", "id = ?", [fid])[0]
    assert (row["title"], row["body"], row["cause"]) == ("组长的标题", "甲的正文", "组长的原因")
    merge.resolve_field(ef, c.id, "title", "theirs")
    row = ef.rows("finding", "id = ?", [fid])[0]
    assert (row["title"], row["body"], row["cause"]) == ("甲的标题", "甲的正文", "组长的原因")
    assert not exchange.import_file(ef, a).changed_records
    ef.close()


def test_delete_against_edit_is_a_conflict(trio):
    lead, a, _ = trio
    fid = list(_findings(lead))[3]
    original = _findings(lead)[fid]["title"]
    _edit(a, "甲", lambda ef: ef.delete("finding", fid))
    _edit(lead, "组长", lambda ef: ef.update("finding", fid, {"title": "组长还在改"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    c = merge.get_conflict(ef, rep.conflicts[0])
    assert "deleted" in c.fields
    merge.resolve_conflict(ef, c.id, "theirs")
    assert ef.rows("finding", "id = ?", [fid]) == []  # deleted now
    assert ef.rows("finding", "id = ?", [fid], include_deleted=True)[0]["title"] == original
    ef.close()


def test_later_round_trip_does_not_raise_false_conflicts(trio):
    """甲 changes r; lead takes it, changes it again; 甲's next file (without new changes to r) is no conflict."""
    lead, a, _ = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "v1"}))
    ef = EvaluationFile.open(lead)
    exchange.import_file(ef, a)
    ef.update("finding", fid, {"title": "v2"})
    ef.close()
    other = list(_findings(lead))[1]
    _edit(a, "甲", lambda ef: ef.update("finding", other, {"title": "甲改另一条"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    assert not rep.conflicts
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] == "v2"
    assert ef.rows("finding", "id = ?", [other])[0]["title"] == "甲改另一条"
    ef.close()


def test_two_members_merge_in_any_order(trio):
    lead, a, b = trio
    ids = list(_findings(lead))
    _edit(a, "甲", lambda ef: ef.update("finding", ids[0], {"title": "甲"}))
    _edit(b, "乙", lambda ef: ef.update("finding", ids[1], {"title": "乙"}))
    ef = EvaluationFile.open(lead)
    exchange.import_file(ef, b)
    exchange.import_file(ef, a)
    ef.close()
    f = _findings(lead)
    assert (f[ids[0]]["title"], f[ids[1]]["title"]) == ("甲", "乙")
    # 甲 gets 乙's work through the lead, and 乙 gets it directly from 甲 — same records everywhere
    ea = EvaluationFile.open(a)
    exchange.import_file(ea, export_copy(lead, lead.parent / "l.wcif"))
    ea.close()
    eb = EvaluationFile.open(b)
    exchange.import_file(eb, export_copy(a, a.parent / "a2.wcif"))
    eb.close()
    assert record_state(a) == record_state(lead) == record_state(b)


def test_evidence_travels_by_sha256_once(trio, workdir):
    from wcif_desktop.services import evidence

    lead, a, b = trio
    src = workdir / "扫描 件.pdf"
    src.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 9000)
    _edit(a, "甲", lambda ef: evidence.add_evidence(ef, src))
    _edit(b, "乙", lambda ef: evidence.add_evidence(ef, src))  # the same file, attached on another laptop
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    assert rep.content_added > 0
    rep2 = exchange.import_file(ef, b)
    assert rep2.content_added == 0  # content already here
    n_chunks = ef.conn.execute("SELECT count(*), count(DISTINCT sha256 || '/' || seq) FROM evidence_chunk").fetchone()
    assert n_chunks[0] == n_chunks[1] > 0
    live = ef.rows("evidence")
    assert len(live) == 1  # one record for one content, whichever laptop attached it
    out = workdir / "取出.pdf"
    sha = live[0]["sha256"]
    evidence.extract_evidence(ef, sha, out)
    assert out.read_bytes() == src.read_bytes()
    ef.close()


def test_merge_is_recorded_in_the_history_and_log(trio):
    lead, a, _ = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "甲改"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    log = list(ef.db["merge_log"].rows)
    assert len(log) == 1 and json.loads(log[0]["summary"])["updated"][0][1] == fid
    entries = list(ef.db.query("SELECT * FROM audit_log WHERE table_name = 'merge'"))
    assert entries and entries[-1]["record_id"] == rep.merge_id
    assert ef.verify_history() == []
    ef.close()


def test_failed_merge_leaves_the_file_as_it_was(trio, monkeypatch):
    lead, a, _ = trio
    ids = list(_findings(lead))
    _edit(a, "甲", lambda ef: [ef.update("finding", i, {"title": "甲改"}) for i in ids[:5]])
    ef = EvaluationFile.open(lead)
    before = table_dump(lead)
    calls = {"n": 0}
    real = merge._TableWrites.log_take

    def flaky(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise merge.WcifError("模拟的写入失败")
        return real(*args, **kw)

    monkeypatch.setattr(merge._TableWrites, "log_take", flaky)
    with pytest.raises(merge.WcifError, match="模拟"):
        exchange.import_file(ef, a)
    ef.close()
    after = table_dump(lead)
    # only the merge base bookkeeping may have been refreshed; every record is as it was
    for t in after:
        if t not in ("sync_head", "sync_ancestor"):
            assert after[t] == before[t], t


def test_merge_history_reports_how_conflicts_were_resolved(trio):
    lead, a, _ = trio
    fid = list(_findings(lead))[0]
    _edit(a, "甲", lambda ef: ef.update("finding", fid, {"title": "甲"}))
    _edit(lead, "组长", lambda ef: ef.update("finding", fid, {"title": "组长"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    merge.resolve_conflict(ef, rep.conflicts[0], "mine")
    (h,) = merge.merge_history(ef)
    assert h["source"] == a.name and h["summary"]["conflicts"] == rep.conflicts
    (c,) = h["conflicts"]
    assert c.status == "resolved" and c.choices == {"title": {"choice": "mine", "value": None}}
    entry = list(ef.db.query("SELECT * FROM audit_log WHERE table_name = 'merge_conflict'"))[-1]
    assert json.loads(entry["new"])["choices"]["title"]["choice"] == "mine"
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] == "组长"
    ef.close()


def test_locked_evaluation_refuses_merges(trio):
    lead, a, _ = trio
    ef = EvaluationFile.open(lead)
    _archive_lock(ef)
    with pytest.raises(exchange.ImportRefused, match="已锁定"):
        exchange.import_file(ef, a)
    ef.close()


def test_edited_resolution_is_validated(trio):
    lead, a, _ = trio
    ef = EvaluationFile.open(lead, backup=False)
    leaf = [r for r in ef.rows("indicator") if r["level"] == 3][0]
    ef.close()
    weight = float(leaf["weight"])
    _edit(a, "甲", lambda ef: ef.update("indicator", leaf["id"], {"score": str(weight / 2), "deduction_reason": "甲"}))
    _edit(lead, "组长", lambda ef: ef.update("indicator", leaf["id"], {"score": "0", "deduction_reason": "组长"}))
    ef = EvaluationFile.open(lead)
    rep = exchange.import_file(ef, a)
    cid = rep.conflicts[0]
    merge.resolve_field(ef, cid, "deduction_reason", "theirs")
    with pytest.raises(ValidationError, match="超出"):
        merge.resolve_field(ef, cid, "score", "edited", str(weight + 1))
    assert merge.get_conflict(ef, cid).status == "open"
    assert ef.rows("indicator", "id = ?", [leaf["id"]])[0]["score"] == "0"
    done = merge.resolve_field(ef, cid, "score", "edited", str(weight))
    assert done.status == "resolved"
    ef.close()


def test_same_file_attached_on_two_laptops_becomes_one_evidence(trio, workdir):
    from wcif_desktop.services import evidence

    lead, a, b = trio
    src = workdir / "同一 照片.jpg"
    src.write_bytes(b"\xff\xd8\xff" + bytes(range(200)) * 50)
    ev_a = _edit(a, "甲", lambda ef: evidence.add_evidence(ef, src))
    ev_b = _edit(b, "乙", lambda ef: evidence.add_evidence(ef, src))
    # each laptop links its own record to the same working paper
    from wcif_desktop.services import review

    ef = EvaluationFile.open(lead, who="组长")
    wp = review.add_working_paper(ef, "底稿")[0]
    ef.close()
    for path, ev in ((a, ev_a), (b, ev_b)):
        eb = EvaluationFile.open(path)
        exchange.import_file(eb, export_copy(lead, path.with_name(path.stem + "-底稿.wcif")))
        evidence.link_evidence(eb, ev.evidence.id, "working_paper", wp.id)
        eb.close()
    ef = EvaluationFile.open(lead)
    exchange.import_file(ef, a)
    rep = exchange.import_file(ef, b)
    live = ef.rows("evidence")
    assert [r["id"] for r in live] == [min(ev_a.evidence.id, ev_b.evidence.id)]
    links = ef.rows("evidence_link")
    assert len(links) == 1 and links[0]["evidence_id"] == live[0]["id"]
    assert any("重复内容" in x[2] for x in rep.deleted)
    before = table_dump(lead)
    assert not exchange.import_file(ef, b).changed and not exchange.import_file(ef, a).changed
    assert table_dump(lead) == before
    ef.close()
