"""Issue 21: the merge decides record by record and writes each table's changes in batches. Many records with
one-sided changes, field-by-field merges, conflicts and deletions among them come out as the rules say; the
history stays verifiable; a failure at any point leaves the file as it was."""

from __future__ import annotations

import sqlite3

import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump

BASE = 200  # findings both sides start from


@pytest.fixture
def pair(bare_sample_path, workdir):
    """The lead's file with 200 more findings, a member's copy exported from it, and the ids of those findings."""
    ef = EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    recs = [Finding(kind="problem", title=f"问题 {i:03d}", body=f"正文 {i}", sort_order=100 + i) for i in range(BASE)]
    ef.insert_many(recs)
    ef.close()
    member = export_copy(bare_sample_path, workdir / "成员 甲.wcif")
    return bare_sample_path, member, [r.id for r in recs]


def _edit(path, who, fn):
    ef = EvaluationFile.open(path, who=who, backup=False)
    try:
        with ef.transaction():
            return fn(ef)
    finally:
        ef.close()


def _member_changes(ef: EvaluationFile, ids: list[str]) -> list[str]:
    new = [Finding(kind="problem", title=f"甲新增 {i:03d}", body="甲写的", sort_order=500 + i) for i in range(150)]
    ef.insert_many(new)
    for i in ids[:100]:
        ef.update("finding", i, {"title": f"甲改 {i[:8]}"})
    for i in ids[100:110]:
        ef.delete("finding", i)
    return [r.id for r in new]


def _lead_changes(ef: EvaluationFile, ids: list[str]) -> None:
    for i in ids[80:90]:
        ef.update("finding", i, {"title": f"组长改 {i[:8]}"})  # the same field as the member: conflicts
    for i in ids[90:100]:
        ef.update("finding", i, {"body": "组长补充的正文"})  # another field: merged field by field
    for i in ids[150:200]:
        ef.update("finding", i, {"title": f"组长自己改 {i[:8]}"})


def test_many_records_with_conflicts_among_them(pair):
    lead, member, ids = pair
    new = _edit(member, "甲", lambda ef: _member_changes(ef, ids))
    _edit(lead, "组长", lambda ef: _lead_changes(ef, ids))
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    rep = exchange.import_file(ef, member)
    rows = {r["id"]: r for r in ef.rows("finding", include_deleted=True)}

    assert sorted(i for t, i, _ in rep.inserted if t == "finding") == sorted(new)
    assert all(rows[i]["title"].startswith("甲新增") and rows[i]["modified_by"] == "甲" for i in new)
    assert sorted(i for _t, i, _ in rep.deleted) == sorted(ids[100:110])
    assert all(rows[i]["deleted"] == 1 for i in ids[100:110])
    updated = {i: fields for t, i, _lab, fields in rep.updated}
    assert set(updated) == set(ids[:80]) | set(ids[90:100])
    assert all(updated[i] == ["title"] for i in updated)
    for i in ids[:80]:  # only the member changed them: taken
        assert rows[i]["title"] == f"甲改 {i[:8]}" and rows[i]["modified_by"] == "甲"
    for i in ids[90:100]:  # different fields on both sides: both kept
        assert rows[i]["title"] == f"甲改 {i[:8]}" and rows[i]["body"] == "组长补充的正文"
    for i in ids[150:200]:  # only mine changed them: kept
        assert rows[i]["title"] == f"组长自己改 {i[:8]}"

    conflicts = {c.record_id: c for c in merge.list_conflicts(ef)}
    assert sorted(conflicts) == sorted(ids[80:90]) and sorted(rep.conflicts) == sorted(c.id for c in conflicts.values())
    for i in ids[80:90]:  # mine stays until the lead decides
        c = conflicts[i]
        assert c.fields == ["title"] and c.mine["title"] == f"组长改 {i[:8]}" and c.theirs["title"] == f"甲改 {i[:8]}"
        assert rows[i]["title"] == f"组长改 {i[:8]}"

    # the history: every change taken is in the hash chain, in the name of who made it, and verifies
    assert ef.verify_history() == []
    entries = ef.conn.execute("SELECT who, field, new FROM audit_log WHERE table_name = 'finding' AND record_id = ? "
                              "ORDER BY seq", [ids[0]]).fetchall()
    assert entries[-1] == (f"甲（组长 合并自 {member.name}）", "title", f"甲改 {ids[0][:8]}")
    assert len(ef.conn.execute("SELECT 1 FROM audit_log WHERE who LIKE '甲（组长 合并自%'").fetchall()) == 150 + 80 + 10 + 10

    # decided conflicts come out as before; importing again changes nothing
    done = merge.resolve_conflict(ef, conflicts[ids[80]].id, "theirs")
    assert done.status == "resolved"
    assert ef.rows("finding", "id = ?", [ids[80]])[0]["title"] == f"甲改 {ids[80][:8]}"
    ef.close()
    before = table_dump(lead)
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    again = exchange.import_file(ef, member)
    ef.close()
    assert not again.changed and table_dump(lead) == before


def test_a_tampered_entry_of_a_merge_is_found(pair):
    lead, member, ids = pair
    _edit(member, "甲", lambda ef: _member_changes(ef, ids))
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    exchange.import_file(ef, member)
    assert ef.verify_history() == []
    seq = ef.conn.execute("SELECT seq FROM audit_log WHERE who LIKE '甲（组长 合并自%' AND field = 'title' "
                          "ORDER BY seq LIMIT 1 OFFSET 40").fetchone()[0]
    ef.conn.execute("UPDATE audit_log SET new = '别人的标题' WHERE seq = ?", [seq])
    assert any(f"第{seq}条" in p for p in ef.verify_history())
    ef.close()


@pytest.mark.parametrize("table", ["finding", "narrative"])
def test_a_failure_after_tables_were_written_leaves_the_file_unchanged(pair, monkeypatch, table):
    """The merge fails once the table's rows and audit entries are written (finding) or after that table,
    in a later one (narrative): nothing of it stays, merge base, history and anchor included."""
    lead, member, ids = pair
    _edit(member, "甲", lambda ef: (_member_changes(ef, ids),
                                    [ef.update("narrative", r["id"], {"text": r["text"] + "（甲补充）"})
                                     for r in ef.rows("narrative")]))
    _edit(lead, "组长", lambda ef: _lead_changes(ef, ids))
    before = table_dump(lead)
    real = EvaluationFile._log_many

    def failing(self, entries):
        entries = list(entries)
        n = real(self, entries)
        if entries and entries[0][0] == table:
            raise WcifError("模拟的写入失败")
        return n

    monkeypatch.setattr(EvaluationFile, "_log_many", failing)
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    with pytest.raises(WcifError, match="模拟"):
        exchange.import_file(ef, member)
    assert ef.conn.in_transaction is False
    ef.close()
    assert table_dump(lead) == before


def test_a_row_the_file_refuses_is_named_and_nothing_is_merged(pair):
    lead, member, ids = pair
    _edit(member, "甲", lambda ef: (_member_changes(ef, ids),
                                    ef.insert(Finding(kind="problem", title="问题 007", body="重复的标题"))))
    conn = sqlite3.connect(str(lead))
    conn.execute("CREATE UNIQUE INDEX finding_title ON finding(title)")  # e.g. a rule of a later version
    conn.close()
    before = table_dump(lead)
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    with pytest.raises(WcifError, match="无法合并 finding 表的记录“问题 007”"):
        exchange.import_file(ef, member)
    ef.close()
    assert table_dump(lead) == before
