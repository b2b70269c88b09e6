"""Issue 21: records only the incoming file has are copied into the lead's file with one ``INSERT … SELECT`` from
the attached file. The result must be exactly what inserting the rows read from that file gives: the same rows in
the same order, history entries, merge base and report — and the history verifies.

The merge also does not hash the lead's records again when the import's check just found each holding its
recorded version and nothing was written since (``EvaluationFile.heads_checked``): the result must be the same
as hashing every record, and any write in between (this program, another connection) must end that. Rows with
the same columns on both sides are compared as the tuples read: the decisions must be those of comparing dicts.
Likewise the incoming records, whose hashes are taken from their heads after the import's check of that file."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
import uuid

import pytest

from wcif_desktop.domain.model import Finding
from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump


@pytest.fixture
def handed(bare_sample_path, workdir):
    """The lead's file and a member's hand-over with 120 new findings (one of them deleted again), edits and a
    deletion of shared findings."""
    ef = EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    shared = [Finding(kind="problem", title=f"共有问题 {i:02d}", body="正文") for i in range(20)]
    ef.insert_many(shared)
    ef.close()
    member = export_copy(bare_sample_path, workdir / "成员 甲.wcif")
    ef = EvaluationFile.open(member, who="甲", backup=False)
    with ef.transaction():
        new = [Finding(kind="problem", title=f"甲新增 {i:03d}", body=f"“引号”\\和换行\n{i}", sort_order=300 - i)
               for i in range(120)]
        ef.insert_many(new)
        ef.delete("finding", new[7].id)
        for rec in shared[:10]:
            ef.update("finding", rec.id, {"title": rec.title + "（甲改）"})
        ef.delete("finding", shared[10].id)
    ef.close()
    return bare_sample_path, member, [r.id for r in new]


def _import(lead, member, out, monkeypatch, copy: bool, checked: bool = True):
    """Import ``member`` into a copy ``out`` of ``lead`` with fixed times and ids (so two runs compare);
    ``copy=False``: the new records are inserted from the rows read, as before the copy by SQL;
    ``checked=False``: every record of ``out`` is hashed again, as before. Returns the report, the problems of
    verify-history, the copies made ``[(table, by SQL)]`` and the refreshes ``[(table, checked)]``."""
    shutil.copy2(lead, out)
    used, refreshed = [], []
    with monkeypatch.context() as m:
        real_refresh = merge._refresh_table

        def refresh(conn, table, stored, keep=False, checked=False):
            refreshed.append((table, checked))
            return real_refresh(conn, table, stored, keep=keep, checked=checked)

        m.setattr(merge, "_refresh_table", refresh)
        if not checked:
            m.setattr(EvaluationFile, "heads_checked", lambda self: False)
        counter = itertools.count(1)
        m.setattr(merge, "now_iso", lambda: "2026-03-04T05:06:07.000008+08:00")
        m.setattr(merge.uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))
        real = merge._TableWrites._copy_inserts

        def spy(self, cols):
            done = real(self, cols) if copy else False
            used.append((self.table, done))
            return done

        m.setattr(merge._TableWrites, "_copy_inserts", spy)
        ef = EvaluationFile.open(out, who="组长", backup=False)
        try:
            rep = exchange.import_file(ef, member)
            problems = ef.verify_history()
        finally:
            ef.close()
    return rep, problems, used, refreshed


def _order(path, table):
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute(f'SELECT id FROM "{table}" ORDER BY rowid')]
    finally:
        conn.close()


def test_new_records_copied_by_sql_are_what_inserting_them_one_by_one_gives(handed, workdir, monkeypatch):
    lead, member, new = handed
    by_sql, by_rows = workdir / "合并 SQL.wcif", workdir / "合并 逐行.wcif"
    rep_a, problems_a, used_a, _r = _import(lead, member, by_sql, monkeypatch, copy=True)
    rep_b, problems_b, used_b, _r = _import(lead, member, by_rows, monkeypatch, copy=False)

    assert ("finding", True) in used_a  # the copy was made by SQL …
    assert all(not done for _t, done in used_b)  # … and not in the other run
    assert problems_a == problems_b == []
    assert rep_a.summary() == rep_b.summary()
    assert sorted(i for t, i, _ in rep_a.inserted if t == "finding") == sorted(set(new) - {new[7]})
    assert ("finding", new[7], "甲新增 007") in rep_a.deleted  # created and deleted there: arrives deleted
    assert table_dump(by_sql) == table_dump(by_rows)  # rows, history, merge base, conflicts, anchor
    assert _order(by_sql, "finding") == _order(by_rows, "finding")

    # the copied rows are the member's, value for value, and each has its creation in the history
    ef = EvaluationFile.open(by_sql, who="组长", backup=False)
    theirs = EvaluationFile.open(member, who="甲", backup=False)
    try:
        for rid in new:
            assert ef.rows("finding", "id = ?", [rid], include_deleted=True) == \
                theirs.rows("finding", "id = ?", [rid], include_deleted=True)
            created = [e for e in merge.record_history(ef, "finding", rid) if e.field == "*" and not e.origin]
            assert len(created) == 1 and created[0].who == "甲（组长 合并自 成员 甲.wcif）"
        assert ef.outside_changes() == []
    finally:
        ef.close()
        theirs.close()


def test_importing_again_after_a_copy_changes_nothing(handed, workdir, monkeypatch):
    lead, member, _new = handed
    out = workdir / "合并 两次.wcif"
    _import(lead, member, out, monkeypatch, copy=True)
    before = table_dump(out)
    ef = EvaluationFile.open(out, who="组长", backup=False)
    try:
        again = exchange.import_file(ef, member)
    finally:
        ef.close()
    assert not again.changed and table_dump(out) == before


def test_a_merge_after_a_clean_check_is_the_same_as_hashing_every_record(handed, workdir, monkeypatch):
    lead, member, _new = handed
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    with ef.transaction():  # versions of the lead's own not yet stored (their hashes must still be computed)
        for r in ef.rows("finding")[:5]:
            ef.update("finding", r["id"], {"body": r["body"] + "（组长补充）"})
    ef.close()
    checked, hashed = workdir / "合并 已核对.wcif", workdir / "合并 全部重算.wcif"
    rep_a, problems_a, _u, refreshed_a = _import(lead, member, checked, monkeypatch, copy=True)
    rep_b, problems_b, _u, refreshed_b = _import(lead, member, hashed, monkeypatch, copy=True, checked=False)

    assert ("finding", True) in refreshed_a and all(not c for _t, c in refreshed_b)
    assert problems_a == problems_b == []
    assert rep_a.summary() == rep_b.summary()
    assert table_dump(checked) == table_dump(hashed)  # merge base (heads, ancestors, versions) included


def _lead_edits_shared_findings(lead) -> None:
    """The lead edits ten shared findings too, some of which the member edited (merged or conflicting)."""
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    with ef.transaction():
        for i, r in enumerate(sorted(ef.rows("finding"), key=lambda r: r["title"])[5:15]):
            ef.update("finding", r["id"], {"body": r["body"] + "（组长补充）"} if i % 2 else {"title": r["title"] + "（组长）"})
    ef.close()


def test_records_settled_as_tuples_are_decided_as_dicts_decide_them(handed, workdir, monkeypatch):
    """Rows with the same columns on both sides are compared (and an unchanged one settled) as the tuples read;
    the result must be the one of comparing them as dicts, as when the columns differ."""
    lead, member, _new = handed
    _lead_edits_shared_findings(lead)
    ef = EvaluationFile.open(member, who="甲", backup=False)
    with ef.transaction():  # edited and edited back: unchanged, with versions the lead's file does not know
        back = [r["id"] for r in sorted(ef.rows("finding"), key=lambda r: r["title"])[-3:]]
        for rid in back:
            title = ef.rows("finding", "id = ?", [rid])[0]["title"]
            ef.update("finding", rid, {"title": title + "（暂改）"})
            ef.update("finding", rid, {"title": title})
    ef.close()
    as_tuples, as_dicts = workdir / "合并 元组.wcif", workdir / "合并 字典.wcif"
    rep_a, problems_a, _u, _r = _import(lead, member, as_tuples, monkeypatch, copy=True)
    with monkeypatch.context() as m:
        m.setattr(merge, "_content_getter", lambda cols: None)  # (then every row is compared as a dict)
        rep_b, problems_b, _u, _r = _import(lead, member, as_dicts, monkeypatch, copy=True)

    assert problems_a == problems_b == []
    assert rep_a.updated and rep_a.conflicts  # (both kinds happened)
    assert rep_a.summary() == rep_b.summary()
    assert table_dump(as_tuples) == table_dump(as_dicts)  # rows, history, merge base, conflicts, anchor
    ancestors = {}
    for path in (member, as_tuples):  # the versions of the records edited back came in as their ancestors
        conn = sqlite3.connect(str(path))
        try:
            ancestors[path] = set(conn.execute(
                "SELECT record_id, hash FROM sync_ancestor WHERE table_name = 'finding' AND record_id IN "
                "(SELECT value FROM json_each(?))", [json.dumps(back)]))
        finally:
            conn.close()
    assert len(ancestors[member]) >= 6 and ancestors[member] <= ancestors[as_tuples]


def test_their_records_taken_by_their_checked_heads_are_decided_as_by_hashing_them(handed, workdir, monkeypatch):
    """The import found every record of the incoming file holding its recorded version, so the merge takes
    their hashes from their heads; the result must be the one of hashing every incoming record."""
    lead, member, _new = handed
    _lead_edits_shared_findings(lead)
    runs = {}
    for checked in (True, False):
        hashed = []
        with monkeypatch.context() as m:
            real_hash, real_merge = merge._hash_of, merge.merge_attached
            m.setattr(merge, "_hash_of", lambda text: hashed.append(text) or real_hash(text))
            m.setattr(merge, "merge_attached", lambda *a, **k: real_merge(*a, **dict(k, theirs_checked=checked)))
            out = workdir / f"合并 {'已核对' if checked else '逐条哈希'}.wcif"
            rep, problems, _u, _r = _import(lead, member, out, monkeypatch, copy=True)
        runs[checked] = rep, problems, out, len(hashed)

    (rep_a, problems_a, out_a, hashed_a), (rep_b, problems_b, out_b, hashed_b) = runs[True], runs[False]
    assert hashed_a < hashed_b  # (their heads were used)
    assert problems_a == problems_b == []
    assert rep_a.updated and rep_a.conflicts and rep_a.inserted
    assert rep_a.summary() == rep_b.summary()
    assert table_dump(out_a) == table_dump(out_b)  # rows, history, merge base, conflicts, anchor


def test_the_check_holds_only_until_the_file_is_written(bare_sample_path):
    ef = EvaluationFile.open(bare_sample_path, who="组长", backup=False)
    try:
        finding = ef.rows("finding")[0]
        assert not ef.heads_checked()  # never checked
        assert ef.outside_changes() == [] and ef.heads_checked()
        ef.update("finding", finding["id"], {"title": "组长改的标题"})  # written by this program
        assert not ef.heads_checked()
        assert ef.outside_changes(limit=3) == [] and ef.heads_checked()

        other = sqlite3.connect(str(bare_sample_path))  # written by another connection, outside the program
        other.execute("UPDATE finding SET title = '别处改的' WHERE id = ?", [finding["id"]])
        other.commit()
        other.close()
        assert not ef.heads_checked()
        assert [i for _t, i, _l in ef.outside_changes()] == [finding["id"]]
        assert not ef.heads_checked()  # a check that finds something does not vouch for the records
    finally:
        ef.close()


def _lead_and_member_sharing_a_finding(bare_sample_path, workdir):
    """The lead's file with one finding, and a member's export of it: (lead path, member path, the finding)."""
    lead, member = workdir / "组长 文件.wcif", workdir / "成员 文件.wcif"
    shutil.copy(bare_sample_path, lead)
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    shared = Finding(title="共有")
    ef.insert(shared)
    ef.close()
    exchange.export_evaluation(lead, member, log2_n=12)
    return lead, member, shared


def test_a_file_merged_where_it_lies_is_hashed_again(bare_sample_path, workdir, monkeypatch):
    """The user's file is merged in place (no private copy): a write to it after the import's checks that puts
    its size, time and SQLite change counter back goes unseen by the check before commit, so its records' hashes
    must not be taken from their heads — else the lead's merge base would hold a head that is not its row's
    hash, and verify-history would blame the lead's own file (found by a break-it trial)."""
    import hashlib
    import os

    lead, member, shared = _lead_and_member_sharing_a_finding(bare_sample_path, workdir)
    ef = EvaluationFile.open(member, who="甲", backup=False)
    ef.update("finding", shared.id, {"title": "甲改"})
    ef.close()

    real = merge.merge_attached
    seen = {}

    def written_after_the_checks(ef_, checked, *a, **k):
        seen["in place"] = checked == member
        st, head = os.stat(member), member.read_bytes()[:100]
        c = sqlite3.connect(str(member))
        c.execute("UPDATE finding SET title = '检查后改' WHERE id = ?", [shared.id])
        c.commit()
        c.close()
        data = bytearray(member.read_bytes())
        data[24:28], data[92:96] = head[24:28], head[92:96]  # the change counter and version-valid-for put back
        member.write_bytes(bytes(data))
        os.utime(member, ns=(st.st_atime_ns, st.st_mtime_ns))
        return real(ef_, checked, *a, **k)

    monkeypatch.setattr(merge, "merge_attached", written_after_the_checks)
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    try:
        exchange.import_file(ef, member)
        assert seen["in place"] is True
        assert ef.rows("finding", "id = ?", [shared.id])[0]["title"] == "检查后改"
        assert ef.verify_history() == []
        assert ef.outside_changes() == []
        for h, content in ef.conn.execute("SELECT hash, content FROM sync_version"):
            assert hashlib.sha256(content.encode()).hexdigest() == h
    finally:
        ef.close()


def test_a_version_differing_only_in_a_column_their_file_lacks_is_not_taken(bare_sample_path, workdir):
    """A member's file has a column the lead's lacks (added by hand, its records' heads recomputed so the checks
    pass). The lead merges it (their heads become the lead's ancestors), then the member merges the lead's file:
    a record differs from the member's only in that column, and the lead's version descends from it — there is
    nothing to take. The merge wrote ``UPDATE finding SET  WHERE id = ?`` and failed with an SQL syntax error
    (found by a break-it trial); it now keeps the member's row and head, and reports no update for it."""
    from wcif_desktop.store.db import record_hash

    lead, member, shared = _lead_and_member_sharing_a_finding(bare_sample_path, workdir)
    c = sqlite3.connect(str(member))
    c.execute("ALTER TABLE finding ADD COLUMN extra TEXT")
    cur = c.execute("SELECT * FROM finding")
    cols = [d[0] for d in cur.description]
    for r in cur.fetchall():
        row = dict(zip(cols, r))
        c.execute("INSERT OR REPLACE INTO sync_head VALUES (?, ?, ?)", ["finding", row["id"], record_hash(row)])
    c.commit()
    c.close()
    ef = EvaluationFile.open(lead, who="组长", backup=False)
    try:
        exchange.import_file(ef, member)
    finally:
        ef.close()

    ef = EvaluationFile.open(member, who="甲", backup=False)
    try:
        head = ef.conn.execute("SELECT hash FROM sync_head WHERE table_name = 'finding' AND record_id = ?",
                               [shared.id]).fetchone()[0]
        report = exchange.import_file(ef, lead)
        assert not [u for u in report.updated if u[1] == shared.id]
        assert ef.conn.execute("SELECT hash FROM sync_head WHERE table_name = 'finding' AND record_id = ?",
                               [shared.id]).fetchone()[0] == head
        assert ef.rows("finding", "id = ?", [shared.id])[0]["title"] == "共有"
        assert not [p for p in ef.verify_history() if shared.id in str(p)]
    finally:
        ef.close()
