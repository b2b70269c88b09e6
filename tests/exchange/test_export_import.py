"""Export (snapshot, encryption, work package) and the checks an incoming file must pass."""

import shutil
import sqlite3

import pytest

from wcif_desktop.domain.errors import WcifError
from wcif_desktop.domain.model import Finding, Indicator
from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile, schema_version

from .helpers import export_copy, record_state, table_dump


def test_export_is_a_consistent_snapshot_while_a_writer_holds_the_file(bare_sample_path, workdir):
    ef = EvaluationFile.open(bare_sample_path)
    f = ef.records(Finding)[0]
    other = sqlite3.connect(str(bare_sample_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE finding SET title = '未提交' WHERE id = ?", [f.id])
    try:
        # the writer holds its lock: the export waits for nothing it has not committed
        ef.conn.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(WcifError):  # our own bookkeeping write cannot get the lock: refused cleanly
            exchange.export_evaluation(ef, workdir / "忙.wcif", log2_n=12)
        assert not (workdir / "忙.wcif").exists()
    finally:
        other.execute("ROLLBACK")
        other.close()
    out = workdir / "导出 副本.wcif"
    res = exchange.export_evaluation(ef, out, log2_n=12)
    ef.close()
    assert res.counts["finding"] == 9 and not res.encrypted
    assert not list(workdir.glob(".wcif-export-*"))
    copy = EvaluationFile.open(out, backup=False)
    assert copy.meta("exported_from") and copy.meta("file_id") != copy.meta("exported_from")
    assert copy.get(Finding, f.id).title == f.title
    assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.verify_history() == []
    copy.close()
    assert record_state(out) == record_state(bare_sample_path)


def test_export_is_recorded_in_the_history(bare_sample_path, workdir):
    export_copy(bare_sample_path, workdir / "a.wcif")
    ef = EvaluationFile.open(bare_sample_path)
    last = ef.rows("audit_log", "table_name = 'export'", include_deleted=True)
    assert last and '"a.wcif"' in last[-1]["new"]
    assert ef.verify_history() == []
    ef.close()


def test_encrypted_export_round_trip_and_wrong_password(bare_sample_path, workdir):
    out = workdir / "加密 导出.wcif"
    res = exchange.export_evaluation(bare_sample_path, out, password="正确 密码 abc", log2_n=12)
    assert res.encrypted
    raw = out.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and "全面开展专项整治".encode() not in raw
    lead = workdir / "lead.wcif"
    shutil.copy2(bare_sample_path, lead)
    ef = EvaluationFile.open(lead)
    with pytest.raises(exchange.ImportRefused, match="密码错误"):
        exchange.import_file(ef, out, password="错误")
    with pytest.raises(exchange.ImportRefused, match="已加密"):
        exchange.import_file(ef, out)
    rep = exchange.import_file(ef, out, password="正确 密码 abc")
    assert not rep.conflicts
    ef.close()


def test_damaged_encrypted_file_is_refused(bare_sample_path, workdir):
    out = workdir / "e.wcif"
    exchange.export_evaluation(bare_sample_path, out, password="pw-12345678", log2_n=12)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    out.write_bytes(bytes(data))
    ef = EvaluationFile.open(bare_sample_path)
    before = table_dump(bare_sample_path)
    with pytest.raises(exchange.ImportRefused, match="损坏"):
        exchange.import_file(ef, out, password="pw-12345678")
    ef.close()
    assert table_dump(bare_sample_path) == before


def test_export_to_itself_or_missing_folder_is_refused(bare_sample_path, workdir):
    with pytest.raises(WcifError, match="不能与评价文件相同"):
        exchange.export_evaluation(bare_sample_path, bare_sample_path)
    with pytest.raises(WcifError, match="不存在"):
        exchange.export_evaluation(bare_sample_path, workdir / "没有" / "x.wcif")


def test_failed_write_leaves_no_partial_output(bare_sample_path, workdir, monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exchange.crypto, "encrypt_stream", boom)
    out = workdir / "满.wcif"
    with pytest.raises(WcifError, match="导出失败"):
        exchange.export_evaluation(bare_sample_path, out, password="pw-12345678")
    assert not out.exists() and not list(workdir.glob(".wcif-export-*"))


# ------------------------------------------------------------------------------------------ work package
def test_work_package_holds_the_members_work_and_context(bare_sample_path, workdir):
    from wcif_desktop.services import evidence, review

    ef = EvaluationFile.open(bare_sample_path)
    members = {r["name"]: r["id"] for r in ef.rows("team_member")}
    zhang, li = members["张志强"], members["李晓梅"]
    leaves = [i for i in ef.records(Indicator) if i.level == 3]
    mine, theirs = leaves[0], leaves[-1]
    exchange.assign(ef, zhang, "indicator", mine.id)
    exchange.assign(ef, li, "indicator", theirs.id)
    req_a = review.add_request_item(ef, "年度决算报表", "预算与决算")[0]
    req_b = review.add_request_item(ef, "内控制度", "内部管理")[0]
    exchange.assign(ef, zhang, "document_request", req_a.id)
    exchange.assign(ef, li, "document_request", req_b.id)
    wp_a = review.add_working_paper(ef, "张的底稿", request_ids=[req_a.id])[0]
    wp_b = review.add_working_paper(ef, "李的底稿", request_ids=[req_b.id])[0]
    ef.update("working_paper", wp_a.id, {"preparer_id": zhang})
    ef.update("working_paper", wp_b.id, {"preparer_id": li})
    fa, fb = workdir / "甲.pdf", workdir / "乙.pdf"
    fa.write_bytes(b"%PDF-1.4 zhang evidence" * 100)
    fb.write_bytes(b"%PDF-1.4 li evidence" * 100)
    ea = evidence.add_evidence(ef, fa, target_kind="working_paper", target_id=wp_a.id)
    eb = evidence.add_evidence(ef, fb, target_kind="working_paper", target_id=wp_b.id)
    ef.close()

    out = workdir / "张志强 工作包.wcif"
    res = exchange.export_evaluation(bare_sample_path, out, member="张志强", log2_n=12)
    assert any("indicator" in n for n in res.notes)
    pkg = EvaluationFile.open(out, backup=False)
    ids = {t: {r["id"] for r in pkg.rows(t)} for t in ("indicator", "document_request", "working_paper")}
    assert mine.id in ids["indicator"] and theirs.id not in ids["indicator"]
    assert mine.parent_id in ids["indicator"]  # its ancestors come along as context
    assert ids["document_request"] == {req_a.id} and ids["working_paper"] == {wp_a.id}
    assert len(pkg.rows("finding")) == 9 and len(pkg.rows("team_member")) == 4  # shared context
    shas = {r[0] for r in pkg.conn.execute("SELECT DISTINCT sha256 FROM evidence_chunk")}
    assert ea.evidence.sha256 in shas and eb.evidence.sha256 not in shas
    assert pkg.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert pkg.verify_history() == []
    pkg.close()
    assert b"li evidence" not in out.read_bytes()
    # the member's edits come back into the lead's file; what the package lacked is not deleted
    pkg = EvaluationFile.open(out, who="张志强")
    pkg.update("working_paper", wp_a.id, {"body": "张的结论"})
    pkg.close()
    lead = EvaluationFile.open(bare_sample_path)
    rep = exchange.import_file(lead, out)
    assert [u[1] for u in rep.updated] == [wp_a.id] and not rep.deleted and not rep.conflicts
    assert lead.rows("working_paper", "id = ?", [wp_b.id])[0]["title"] == "李的底稿"
    lead.close()


def test_unknown_member_is_named(bare_sample_path, workdir):
    with pytest.raises(WcifError, match="没有成员“无名氏”"):
        exchange.export_evaluation(bare_sample_path, workdir / "x.wcif", member="无名氏")
    assert not (workdir / "x.wcif").exists()


# ------------------------------------------------------------------------------------------ import checks
def _lead_and_copy(bare_sample_path, workdir):
    inc = export_copy(bare_sample_path, workdir / "成员 文件.wcif")
    return EvaluationFile.open(bare_sample_path), inc


def _refused(ef, inc, match, **kw):
    before = table_dump(ef.path)
    with pytest.raises(exchange.ImportRefused, match=match):
        exchange.import_file(ef, inc, **kw)
    assert table_dump(ef.path) == before
    assert not list(ef.path.parent.glob(".wcif-import-*"))


def test_not_our_file_is_refused(bare_sample_path, workdir):
    ef, _ = _lead_and_copy(bare_sample_path, workdir)
    other = workdir / "别的.wcif"
    c = sqlite3.connect(str(other))
    c.execute("CREATE TABLE x(a)")
    c.commit()
    c.close()
    _refused(ef, other, "不是 WCIF")
    (workdir / "文本.wcif").write_text("hello", encoding="utf-8")
    _refused(ef, workdir / "文本.wcif", "不是 SQLite")
    _refused(ef, workdir / "不存在.wcif", "找不到")
    ef.close()


def test_newer_schema_is_refused_naming_the_version(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc))
    c.execute(f"PRAGMA user_version = {schema_version() + 5}")
    c.close()
    _refused(ef, inc, f"文件结构版本 {schema_version() + 5}")
    ef.close()


def test_older_schema_is_migrated_on_the_copy(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc), isolation_level=None)
    core = {"evaluation", "team_member", "finance_line", "target_indicator", "indicator", "finding",
            "narrative", "meta", "audit_log"}
    c.execute("PRAGMA foreign_keys=OFF")
    for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        if name not in core and not name.startswith("sqlite_"):
            c.execute(f'DROP TABLE "{name}"')
    c.execute("PRAGMA user_version = 1")
    fid = c.execute("SELECT id FROM finding LIMIT 1").fetchone()[0]
    c.execute("UPDATE finding SET title = '旧版本改的' WHERE id = ?", [fid])
    c.close()
    before = inc.read_bytes()
    rep = exchange.import_file(ef, inc)
    assert inc.read_bytes() == before  # the incoming file itself is never migrated
    # no base in a v1 file: a record changed on one side still cannot be told from both → conflict, nothing lost
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] != "旧版本改的"
    assert [merge.get_conflict(ef, c).record_id for c in rep.conflicts] == [fid]
    ef.close()


def test_corrupt_file_is_refused(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc))
    page = c.execute("PRAGMA page_size").fetchone()[0]
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'finding'").fetchone()[0]
    c.close()
    data = bytearray(inc.read_bytes())
    start = (root - 1) * page
    data[start:start + 200] = b"\x5a" * 200  # the finding table's root page header and cell pointers
    inc.write_bytes(bytes(data))
    _refused(ef, inc, "损坏")
    ef.close()


def test_foreign_key_violation_is_refused(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc), isolation_level=None)
    c.execute("PRAGMA foreign_keys=OFF")
    c.execute("CREATE TABLE attachment_note (id TEXT PRIMARY KEY, finding_id TEXT REFERENCES finding(id))")
    c.execute("INSERT INTO attachment_note VALUES ('n1', '没有这个问题')")
    c.close()
    _refused(ef, inc, "外键")
    ef.close()


def test_broken_invariants_are_refused(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc), isolation_level=None)
    iid, weight = c.execute("SELECT id, weight FROM indicator WHERE level = 3 LIMIT 1").fetchone()
    c.execute("UPDATE indicator SET score = ? WHERE id = ?", [str(float(weight) + 1), iid])
    c.close()
    _refused(ef, inc, "超出")
    inc2 = export_copy(bare_sample_path, workdir / "两条.wcif")
    c = sqlite3.connect(str(inc2), isolation_level=None)
    c.execute("INSERT INTO evaluation (id, title, deleted) VALUES ('e2', '第二个', 0)")
    c.close()
    _refused(ef, inc2, "恰有一条评价")
    ef.close()


def test_other_evaluation_is_refused(bare_sample_path, workdir):
    from wcif_desktop.services.evaluation import create_empty

    ef = EvaluationFile.open(bare_sample_path)
    other = create_empty(workdir / "另一个 评价.wcif", title="另一个")
    other.close()
    _refused(ef, workdir / "另一个 评价.wcif", "另一个评价项目")
    ef.close()


def test_altered_history_is_refused(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    c = sqlite3.connect(str(inc), isolation_level=None)
    c.execute("UPDATE audit_log SET who = '篡改者' WHERE seq = 3")
    c.close()
    _refused(ef, inc, "修改历史")
    ef.close()


def test_stale_wal_and_journal_beside_the_incoming_file_are_ignored(bare_sample_path, workdir):
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    # a -wal/-shm/-journal from some other database lying beside the incoming file
    junk = workdir / "junk.db"
    c = sqlite3.connect(str(junk), isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("CREATE TABLE t(a)")
    c.execute("INSERT INTO t VALUES (1)")
    for suffix in ("-wal", "-shm"):
        shutil.copyfile(str(junk) + suffix, str(inc) + suffix)
    c.close()
    (workdir / (inc.name + "-journal")).write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 600)
    rep = exchange.import_file(ef, inc)
    assert not rep.conflicts and not rep.inserted
    assert ef.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ef.close()


def test_incoming_file_is_read_in_place_and_never_written(bare_sample_path, workdir, monkeypatch):
    """A member edits after their export and hands over the working file itself: the import reads it where it
    lies (no copy of its bytes), never writes to it, and still sees that only the member changed the record
    (their base is refreshed in memory), so the change is taken without a conflict."""
    ef, inc = _lead_and_copy(bare_sample_path, workdir)
    member = EvaluationFile.open(inc, backup=False, who="成员")
    fid = member.rows("finding")[0]["id"]
    member.update("finding", fid, {"title": "成员导出后又改的 <标题> & 说明"})
    member.close()
    before = inc.read_bytes()
    copies = []
    real_copyfile = shutil.copyfile
    monkeypatch.setattr(shutil, "copyfile", lambda *a, **k: copies.append(a) or real_copyfile(*a, **k))
    rep = exchange.import_file(ef, inc)
    assert copies == []  # same schema, not encrypted: nothing is copied
    assert inc.read_bytes() == before  # the member's file is untouched (its sync_head still names the old version)
    assert not rep.conflicts
    assert [(t, rid) for t, rid, _lab, _f in rep.updated] == [("finding", fid)]
    assert ef.rows("finding", "id = ?", [fid])[0]["title"] == "成员导出后又改的 <标题> & 说明"
    # and the lead's edit after that merges back into the member's file without a conflict either
    ef.update("finding", fid, {"title": "组长再改"})
    ef.close()
    back = export_copy(bare_sample_path, workdir / "组长 回传.wcif")
    member = EvaluationFile.open(inc, backup=False, who="成员")
    rep2 = exchange.import_file(member, back)
    assert not rep2.conflicts and member.rows("finding", "id = ?", [fid])[0]["title"] == "组长再改"
    member.close()


def test_failed_export_is_not_recorded(bare_sample_path, workdir):
    with pytest.raises(WcifError):
        exchange.export_evaluation(bare_sample_path, workdir / "x.wcif", member="无名氏")
    ef = EvaluationFile.open(bare_sample_path, backup=False)
    assert ef.rows("audit_log", "table_name = 'export'", include_deleted=True) == []
    ef.close()
