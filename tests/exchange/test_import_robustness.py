"""An import reads the member's file where it lies (no copy): what it merges is exactly what it checked, a file
that is being saved (or whose save was interrupted) is refused with a message, hostile or damaged files are refused
without a traceback, and a refused or failed import leaves the lead's file exactly as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys

import pytest

from wcif_desktop.services import exchange, merge
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump


def _lead_and_member(sample_path, workdir):
    member = export_copy(sample_path, workdir / "成员 张三.wcif")
    m = EvaluationFile.open(member, backup=False, who="张三")
    fid = m.rows("finding")[0]["id"]
    m.update("finding", fid, {"title": "成员改的标题"})
    m.close()
    return member, fid


def _refused(sample_path, member, match, **kw):
    """Import ``member`` into the lead; it must be refused naming ``match``, the lead's every table unchanged."""
    before = table_dump(sample_path)
    incoming = member.read_bytes() if member.is_file() else None
    ef = EvaluationFile.open(sample_path, backup=False)
    try:
        with pytest.raises(exchange.ImportRefused, match=match):
            exchange.import_file(ef, member, **kw)
    finally:
        ef.close()
    assert table_dump(sample_path) == before
    if incoming is not None:
        assert member.read_bytes() == incoming


class _SwapBeforeMerge:
    """A progress whose last cancel check before the merge rewrites the incoming file, as a sync client or the
    member's still-running app would between the checks and the merge."""

    def __init__(self, target, replacement):
        self.target, self.replacement, self.done = target, replacement, False

    def set(self, *a, **k):
        pass

    def cancelled(self):
        if not self.done and sys._getframe(1).f_back.f_code.co_name == "import_file":
            shutil.copyfile(self.replacement, self.target)
            self.done = True
        return False


def test_a_file_rewritten_between_the_checks_and_the_merge_is_refused(sample_path, workdir):
    member, fid = _lead_and_member(sample_path, workdir)
    bad = workdir / "未经检查的版本.wcif"
    shutil.copyfile(member, bad)
    c = sqlite3.connect(str(bad), isolation_level=None)
    iid = c.execute("SELECT id FROM indicator WHERE score IS NOT NULL LIMIT 1").fetchone()[0]
    c.execute("UPDATE indicator SET score = '999' WHERE id = ?", [iid])  # would be refused on its own
    c.close()
    before = table_dump(sample_path)
    ef = EvaluationFile.open(sample_path, backup=False)
    swap = _SwapBeforeMerge(member, bad)
    with pytest.raises(exchange.ImportRefused, match="在导入过程中被修改了"):
        exchange.import_file(ef, member, progress=swap)
    ef.close()
    assert swap.done  # the hook did run where intended
    assert table_dump(sample_path) == before  # the merge (and the lead's merge-base refresh) rolled back


def test_an_interrupted_save_beside_the_file_is_refused_and_never_applied(sample_path, workdir):
    """A real hot journal of the member's file (its app was killed while saving): the import does not guess."""
    member, _fid = _lead_and_member(sample_path, workdir)
    journal = member.with_name(member.name + "-journal")
    c = sqlite3.connect(str(member), isolation_level=None)
    c.execute("PRAGMA cache_size = 1")  # spill: SQLite syncs the journal header and writes into the file
    c.execute("BEGIN IMMEDIATE")
    c.execute("UPDATE audit_log SET new = new || ' 保存到一半'")
    saved = journal.read_bytes()  # the journal of a save in progress, as a crash would leave it
    assert saved[:8] == exchange.JOURNAL_MAGIC
    c.execute("ROLLBACK")
    c.close()
    journal.write_bytes(saved)
    _refused(sample_path, member, "未完成的保存记录")
    assert journal.read_bytes() == saved  # neither used nor removed


def test_a_file_under_a_very_long_path_imports(sample_path, workdir):
    member, fid = _lead_and_member(sample_path, workdir)
    deep = workdir
    for i in range(16):  # about 700 bytes: beyond what SQLite opens by name
        deep = deep / f"第{i}层 很长的中文文件夹名称"
    deep.mkdir(parents=True)
    far = deep / member.name
    shutil.copyfile(member, far)
    assert len(os.fsencode(str(far))) > 600
    ef = EvaluationFile.open(sample_path, backup=False)
    rep = exchange.import_file(ef, far)
    assert [(t, r) for t, r, *_ in rep.updated] == [("finding", fid)]
    ef.close()


@pytest.mark.parametrize("damage, match", [
    ("DROP TABLE evaluation", "缺少表 evaluation"),
    ("DROP TABLE audit_log", "缺少表 audit_log"),
    ("ALTER TABLE sync_head RENAME COLUMN hash TO h", "sync_head 表缺少列 hash"),
    ("UPDATE finding SET deleted = 'yes' WHERE rowid = 1", "删除标记不是 0 或 1"),
])
def test_hostile_structures_are_refused_by_name(sample_path, workdir, damage, match):
    member, _fid = _lead_and_member(sample_path, workdir)
    c = sqlite3.connect(str(member), isolation_level=None)
    c.execute("PRAGMA foreign_keys=OFF")
    c.execute(damage)
    c.close()
    _refused(sample_path, member, match)


def test_utf16_database_is_refused(sample_path, workdir):
    u16 = workdir / "utf16.wcif"
    c = sqlite3.connect(str(u16), isolation_level=None)
    c.execute("PRAGMA encoding = 'UTF-16le'")
    c.execute("PRAGMA application_id = 1464027462")  # 'WCIF'
    c.execute("CREATE TABLE t(a)")
    c.close()
    _refused(sample_path, u16, "文本编码不是 UTF-8")


def test_a_folder_or_a_hard_link_to_the_lead_is_refused(sample_path, workdir):
    _refused(sample_path, workdir, "文件夹")
    link = workdir / "组长文件的硬链接.wcif"
    try:
        os.link(sample_path, link)
    except OSError:
        pytest.skip("no hard links on this file system")
    _refused(sample_path, link, "导入它自己")


def test_a_merge_that_fails_leaves_the_lead_exactly_as_it_was(sample_path, workdir, monkeypatch):
    """Including the lead's merge-base bookkeeping, refreshed inside the merge's transaction."""
    member, _fid = _lead_and_member(sample_path, workdir)
    lead = EvaluationFile.open(sample_path, backup=False)
    lead.update("finding", lead.rows("finding")[1]["id"], {"title": "组长导出后改的"})  # base needs a refresh
    lead.close()
    before = table_dump(sample_path)

    def boom(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(merge, "_merge_history", boom)
    ef = EvaluationFile.open(sample_path, backup=False)
    with pytest.raises(Exception, match="disk I/O error"):
        exchange.import_file(ef, member)
    ef.close()
    assert table_dump(sample_path) == before


def test_two_files_imported_into_each_other_settle(sample_path, workdir):
    """Each side's record of merging is history the other imports; a merge that brings only history is not
    recorded itself, so back-and-forth imports reach "nothing new" instead of growing forever."""
    member, _fid = _lead_and_member(sample_path, workdir)
    last = []
    for _round in range(3):
        for into, src in ((sample_path, member), (member, sample_path)):
            ef = EvaluationFile.open(into, backup=False)
            try:
                last.append(exchange.import_file(ef, src).changed)
            finally:
                ef.close()
    assert last[-2:] == [False, False]


def test_a_working_file_handed_over_twice_fast_forwards(sample_path, workdir):
    """The member edits, hands over the working file (no export), edits the same record again and hands it over
    again: the lead never touched it, so both times the member's version is taken, without a conflict."""
    member, fid = _lead_and_member(sample_path, workdir)  # edit 1 in the member's working file
    for n, title in enumerate(["成员第二次改", "成员第三次改"]):
        lead = EvaluationFile.open(sample_path, backup=False)
        rep = exchange.import_file(lead, member)
        assert not rep.conflicts, n
        lead.close()
        m = EvaluationFile.open(member, backup=False, who="张三")
        m.update("finding", fid, {"title": title})
        m.close()
    lead = EvaluationFile.open(sample_path, backup=False)
    rep = exchange.import_file(lead, member)
    assert not rep.conflicts and lead.rows("finding", "id = ?", [fid])[0]["title"] == "成员第三次改"
    lead.close()
