"""Issue 23.2: changes made outside the app are noticed. The history is anchored (length and last hash kept in the
file, in every export and in every report's metadata); every record is checked against the version the program
last wrote; ``verify-history`` reports each tampering; ``import`` refuses such a file instead of crediting anyone."""

from __future__ import annotations

import random
import sqlite3

import pytest

from wcif_desktop.cli import main
from wcif_desktop.services import exchange
from wcif_desktop.store.db import EvaluationFile, entry_hash

from .helpers import export_copy, record_state, table_dump


def _sql(path, *statements):
    conn = sqlite3.connect(str(path))
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _edited(path, n=5):
    with EvaluationFile.open(path, who="组长", backup=False) as ef:
        fid = ef.rows("finding")[0]["id"]
        for i in range(n):
            ef.update("finding", fid, {"body": f"第 {i} 次修改"})
    return fid


def _rechain(path, seq_from):
    """Recompute the chain from entry ``seq_from`` on, as someone who edited an entry would."""
    conn = sqlite3.connect(str(path))
    try:
        cur = conn.execute("SELECT * FROM audit_log ORDER BY seq")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur]
        prev = "0" * 64
        for row in rows:
            if row["seq"] >= seq_from:
                row["prev_hash"] = prev
                row["hash"] = entry_hash(prev, row)
                conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                             [row["prev_hash"], row["hash"], row["seq"]])
            prev = row["hash"]
        conn.commit()
    finally:
        conn.close()


def _verify(path, capsys, *against):
    args = ["verify-history", str(path)]
    for a in against:
        args += ["--against", str(a)]
    code = main(args)
    return code, capsys.readouterr().out


def test_an_untouched_file_verifies(sample_path, capsys):
    _edited(sample_path)
    code, out = _verify(sample_path, capsys)
    assert code == 0, out


def test_tail_deletion_is_detected(sample_path, capsys):
    _edited(sample_path)
    _sql(sample_path, ("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)", []))
    code, out = _verify(sample_path, capsys)
    assert code == 1 and "历史记录被截短" in out


def test_emptying_the_history_is_detected(sample_path, capsys):
    _sql(sample_path, ("DELETE FROM audit_log", []))
    code, out = _verify(sample_path, capsys)
    assert code == 1 and "历史记录被截短" in out


def test_an_edited_and_rechained_entry_is_detected(sample_path, capsys):
    _edited(sample_path)
    _sql(sample_path, ("UPDATE audit_log SET new = '篡改' WHERE seq = (SELECT max(seq) - 2 FROM audit_log)", []))
    code, out = _verify(sample_path, capsys)
    assert code == 1 and "内容被改动" in out
    seq = sqlite3.connect(str(sample_path)).execute("SELECT max(seq) - 2 FROM audit_log").fetchone()[0]
    _rechain(sample_path, seq)  # the chain is consistent again …
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert not [p for p in ef.verify_history(records=False) if "内容被改动" in p or "哈希链断开" in p]
    code, out = _verify(sample_path, capsys)  # … but its head is not the one the program wrote
    assert code == 1 and "历史记录被改写" in out


def test_a_forged_anchor_still_shows_against_an_export_or_a_report(sample_path, workdir, capsys):
    """Someone who truncates the history and forges the file's own anchor too is caught by an earlier export or
    report, which recorded the history as it was."""
    from wcif_desktop.services.report_file import build_report_file

    _edited(sample_path)
    export = export_copy(sample_path, workdir / "导出.wcif")
    report = build_report_file(sample_path, workdir / "报告.pdf")
    assert _verify(sample_path, capsys, export, report)[0] == 0
    _sql(sample_path, ("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 20 FROM audit_log)", []))
    conn = sqlite3.connect(str(sample_path))
    n, head = conn.execute("SELECT count(*), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) "
                           "FROM audit_log").fetchone()
    conn.close()
    _sql(sample_path, ("UPDATE meta SET value = ? WHERE key = 'history_length'", [str(n)]),
         ("UPDATE meta SET value = ? WHERE key = 'history_head'", [head]))
    code, out = _verify(sample_path, capsys, export)
    assert code == 1 and "历史记录在导出.wcif生成后被截短" in out
    code, out = _verify(sample_path, capsys, report)
    assert code == 1 and "历史记录在报告.pdf生成后被截短" in out


@pytest.mark.parametrize("edit", ["score", "finding text", "locked flag"])
def test_a_record_edited_directly_in_sqlite_is_reported(sample_path, capsys, edit):
    if edit == "score":
        sql = ("UPDATE indicator SET score = '1.5' WHERE id = (SELECT id FROM indicator WHERE score IS NOT NULL "
               "AND score != '' LIMIT 1)")
    elif edit == "finding text":
        sql = "UPDATE finding SET body = body || '（后加）' WHERE rowid = 1"
    else:
        sql = "UPDATE evaluation SET locked = 1"
    _sql(sample_path, (sql, []))
    code, out = _verify(sample_path, capsys)
    assert code == 1 and "在本程序之外被修改" in out
    table = {"score": "indicator", "finding text": "finding", "locked flag": "evaluation"}[edit]
    assert table in out



@pytest.mark.parametrize("table", ["finding", "survey_answer", "indicator"])
def test_a_record_deleted_directly_in_sqlite_is_reported(sample_path, workdir, capsys, table):
    """A row removed with SQL DELETE (not a tombstone) while the program recorded its version shows as removed,
    also in a file that went through an export and an import (the merge records the versions it takes)."""
    lead = workdir / "组长 文件.wcif"
    lead.write_bytes(sample_path.read_bytes())
    member = export_copy(sample_path, workdir / "成员 文件.wcif")
    _edited(member)
    assert main(["import", str(lead), str(export_copy(member, workdir / "成员 导出.wcif"))]) == 0
    assert _verify(lead, capsys)[0] == 0
    rid = sqlite3.connect(str(lead)).execute(f"SELECT min(id) FROM {table}").fetchone()[0]
    _sql(lead, (f"DELETE FROM {table} WHERE id = ?", [rid]))
    code, out = _verify(lead, capsys)
    assert code == 1 and f"记录在本程序之外被删除：{table} {rid}" in out


def test_import_refuses_a_colleague_file_with_records_edited_outside_the_app(sample_path, workdir):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    with EvaluationFile.open(colleague, who="同事", backup=False) as ef:
        ind = next(r for r in ef.rows("indicator") if r["score"] not in (None, ""))
        ef.update("indicator", ind["id"], {"deduction_reason": "同事在程序里改的"})  # an honest edit too
    _sql(colleague, ("UPDATE indicator SET score = '0.5' WHERE id = ?", [ind["id"]]))
    before = table_dump(sample_path)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        with pytest.raises(exchange.ImportRefused, match="之外被改动") as e:
            exchange.import_file(ef, colleague)
    assert ind["code"] in str(e.value) or ind["id"] in str(e.value)
    assert table_dump(sample_path) == before  # nothing credited to anyone


def test_the_lead_file_with_an_outside_edit_does_not_merge(sample_path, workdir):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    _sql(sample_path, ("UPDATE finding SET title = '私改' WHERE rowid = 1", []))
    with EvaluationFile.open(sample_path, backup=False) as ef:
        with pytest.raises(exchange.ImportRefused, match="verify-history"):
            exchange.import_file(ef, colleague)


def _flip_runs(sample_path, workdir, flips, seed):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    with EvaluationFile.open(colleague, who="同事", backup=False) as ef:
        for r in ef.rows("finding")[:3]:
            ef.update("finding", r["id"], {"body": r["body"] + "（同事补充）"})
        for r in ef.rows("narrative")[:2]:
            ef.update("narrative", r["id"], {"text": r["text"] + "（同事补充）"})
    good = workdir / "参照.wcif"
    good.write_bytes(sample_path.read_bytes())
    with EvaluationFile.open(good, backup=False) as ef:
        exchange.import_file(ef, colleague)
    expected = record_state(good)
    data = colleague.read_bytes()
    rng = random.Random(seed)
    merged_same = refused = 0
    for k in range(flips):
        bad = bytearray(data)
        pos = rng.randrange(100, len(bad))  # past the SQLite header (a header flip is refused as not ours)
        bad[pos] ^= 1 << rng.randrange(8)
        flipped = workdir / f"翻转 {k}.wcif"
        flipped.write_bytes(bytes(bad))
        target = workdir / f"组长 {k}.wcif"
        target.write_bytes(sample_path.read_bytes())
        before = table_dump(target)
        with EvaluationFile.open(target, backup=False) as ef:
            try:
                exchange.import_file(ef, flipped)
            except exchange.ImportRefused:
                refused += 1
                assert table_dump(target) == before
                continue
        state = record_state(target)
        # merged: then exactly what the intact file brings (the flip hit unused bytes), nothing altered credited
        assert state == expected, f"flip {k} at byte {pos} merged altered records"
        merged_same += 1
    return refused, merged_same


def test_flipped_bits_in_a_colleague_file_are_refused_or_harmless(sample_path, workdir):
    refused, harmless = _flip_runs(sample_path, workdir, 12, seed=23)
    assert refused + harmless == 12


@pytest.mark.slow
def test_many_flipped_bits_in_a_colleague_file_are_refused_or_harmless(sample_path, workdir):
    refused, harmless = _flip_runs(sample_path, workdir, 100, seed=2023)
    assert refused + harmless == 100 and refused > 0
