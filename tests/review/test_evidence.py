"""Evidence inside the evaluation file: SHA-256, dedup, chunks, links, extract with verification, bad input."""

from __future__ import annotations

import hashlib
import json
import os
from collections import namedtuple

import pytest

from wcif_desktop.domain.errors import Cancelled, ValidationError, WcifError
from wcif_desktop.domain.model import Indicator
from wcif_desktop.domain.review import EvidenceLink
from wcif_desktop.services import evidence as evsvc
from wcif_desktop.services import review
from wcif_desktop.store.db import EvaluationFile


def _state(ef: EvaluationFile):
    """Everything an add may touch: chunk rows, evidence and link rows, audit log length."""
    q = ef.conn.execute
    return (q("SELECT count(*), COALESCE(sum(length(data)),0) FROM evidence_chunk").fetchone(),
            q("SELECT count(*) FROM evidence").fetchone()[0], q("SELECT count(*) FROM evidence_link").fetchone()[0],
            q("SELECT count(*) FROM audit_log").fetchone()[0])


def _file(folder, name, data: bytes):
    p = folder / name
    p.write_bytes(data)
    return p


def test_add_stores_hash_size_name_type_and_who(ef, workdir):
    data = b"%PDF-1.7\n" + os.urandom(5000)
    p = _file(workdir, "2021年 基金决算报告.pdf", data)
    item = review.find_request(ef, "A03")
    r = evsvc.add_evidence(ef, p, target_kind="document_request", target_id=item.id)
    e = r.evidence
    assert r.stored and r.changes.touches("evidence") and r.changes.touches("document_request")
    assert (e.sha256, e.size, e.original_name, e.media_type, e.added_by) == (
        hashlib.sha256(data).hexdigest(), len(data), "2021年 基金决算报告.pdf", "application/pdf", "测试员")
    assert e.added_at
    [info] = evsvc.list_evidence(ef, "document_request", item.id)
    assert info.links == [("document_request", item.id, "资料 A03 年度工伤保险基金决算报告及报表")]
    assert evsvc.list_evidence(ef, "document_request", review.find_request(ef, "A01").id) == []
    assert ef.verify_history() == []


def test_same_content_twice_is_stored_once_and_linked_to_each_target(ef, workdir, members):
    data = os.urandom(3 * evsvc.CHUNK_SIZE + 123)  # four chunks
    a = _file(workdir, "扫描件.jpg", data)
    b = _file(workdir, "copy of scan", data)
    ind = ef.records(Indicator, "level = 3")[0]
    paper, _ = review.add_working_paper(ef, "底稿")
    r1 = evsvc.add_evidence(ef, a, target_kind="indicator", target_id=ind.id)
    before = _state(ef)
    r2 = evsvc.add_evidence(ef, b, target_kind="working_paper", target_id=paper.id)
    r3 = evsvc.add_evidence(ef, a, target_kind="indicator", target_id=ind.id)  # same link again: nothing new
    assert r1.stored and not r2.stored and not r3.stored
    assert r1.evidence.id == r2.evidence.id == r3.evidence.id
    chunks, nbytes = ef.conn.execute("SELECT count(*), sum(length(data)) FROM evidence_chunk").fetchone()
    assert (chunks, nbytes) == (4, len(data))
    assert before[0] == (4, len(data))
    assert len(ef.records(EvidenceLink)) == 2
    [info] = evsvc.list_evidence(ef)
    assert {k for k, _i, _l in info.links} == {"indicator", "working_paper"}
    assert info.evidence.original_name == "扫描件.jpg" and info.evidence.media_type == "image/jpeg"


def test_extract_streams_verifies_and_sanitizes_windows_names(ef, workdir):
    data = os.urandom(2 * evsvc.CHUNK_SIZE + 7)
    p = _file(workdir, 'a<b>:c?"d|e.xlsx', data)
    r = evsvc.add_evidence(ef, p)
    out_dir = workdir / "导出 目录"
    out_dir.mkdir()
    progress_calls = []

    class P:
        def set(self, done, total, label=""):
            progress_calls.append((done, total))

        def cancelled(self):
            return False

    out = evsvc.extract_evidence(ef, r.evidence.sha256[:10], out_dir, progress=P())
    assert out.name == "a_b__c__d_e.xlsx" and out.read_bytes() == data
    assert progress_calls[-1] == (len(data), len(data)) and len(progress_calls) == 3
    with pytest.raises(WcifError, match="已存在"):
        evsvc.extract_evidence(ef, r.evidence.sha256, out)
    evsvc.extract_evidence(ef, r.evidence.sha256, out, overwrite=True)
    named = evsvc.extract_evidence(ef, r.evidence.sha256, out_dir / "决算 副本.xlsx")
    assert named.read_bytes() == data
    assert sorted(x.name for x in out_dir.iterdir()) == ["a_b__c__d_e.xlsx", "决算 副本.xlsx"]


@pytest.mark.parametrize("name, expected", [
    ("CON.txt", "CON_.txt"), ("报告。pdf  ", "报告。pdf"), ("???", "evidence-abcdef012345"),
    ("尾点.", "尾点"), ("工伤认定决定书（2021）第12号.pdf", "工伤认定决定书（2021）第12号.pdf"),
])
def test_safe_name(name, expected):
    assert evsvc.safe_name(name, "abcdef0123456789") == expected


def test_extract_detects_damaged_content_and_leaves_nothing(ef, workdir):
    r = evsvc.add_evidence(ef, _file(workdir, "x.bin", os.urandom(evsvc.CHUNK_SIZE + 10)))
    with ef.transaction():
        ef.conn.execute("UPDATE evidence_chunk SET data = ? WHERE sha256 = ? AND seq = 1",
                        [b"tampered!!", r.evidence.sha256])
    with pytest.raises(WcifError, match="已损坏"):
        evsvc.extract_evidence(ef, r.evidence.sha256, workdir / "out.bin")
    assert not (workdir / "out.bin").exists()
    assert not [p for p in workdir.iterdir() if p.name.startswith(".wcif-")]
    assert any("已损坏" in p for p in evsvc.verify_evidence(ef))
    with ef.transaction():
        ef.conn.execute("DELETE FROM evidence_chunk WHERE seq = 0")
    with pytest.raises(WcifError, match="不完整"):
        evsvc.extract_evidence(ef, r.evidence.sha256, workdir / "out.bin")


def test_find_evidence_errors(ef, workdir):
    evsvc.add_evidence(ef, _file(workdir, "a.txt", b"a"))
    with pytest.raises(WcifError, match="至少前 6 位"):
        evsvc.find_evidence(ef, "ab")
    with pytest.raises(WcifError, match="没有 SHA-256"):
        evsvc.find_evidence(ef, "0" * 64)
    sha = hashlib.sha256(b"a").hexdigest()
    assert evsvc.find_evidence(ef, sha.upper()[:8]).sha256 == sha


# ------------------------------------------------------------------------------------------ bad input
def test_missing_folder_and_empty_files_are_refused_and_nothing_changes(ef, workdir):
    before = _state(ef)
    with pytest.raises(WcifError, match="找不到要添加的文件"):
        evsvc.add_evidence(ef, workdir / "不存在 的文件.pdf")
    with pytest.raises(WcifError, match="不能添加文件夹"):
        evsvc.add_evidence(ef, workdir)
    with pytest.raises(WcifError, match="文件为空（0 字节）"):
        evsvc.add_evidence(ef, _file(workdir, "空 文件.pdf", b""))
    with pytest.raises(ValidationError, match="不存在"):
        evsvc.add_evidence(ef, _file(workdir, "ok.pdf", b"x"), target_kind="document_request", target_id="nope")
    with pytest.raises(ValidationError, match="不能关联到"):
        evsvc.add_evidence(ef, workdir / "ok.pdf", target_kind="finding", target_id="x")
    assert _state(ef) == before


def test_unreadable_file(ef, workdir, monkeypatch):
    p = _file(workdir, "锁定.pdf", b"secret")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(evsvc, "open", deny, raising=False)
    before = _state(ef)
    with pytest.raises(WcifError, match="没有读取权限"):
        evsvc.add_evidence(ef, p)
    assert _state(ef) == before


def test_file_vanishing_or_changing_while_read_stores_nothing(ef, workdir, recorder):
    sizes = 3 * evsvc.CHUNK_SIZE
    p = _file(workdir, "在变.pdf", os.urandom(sizes))
    r0 = evsvc.add_evidence(ef, _file(workdir, "已有.pdf", b"kept"))
    before = _state(ef)

    def change(done, total, label):
        if label == "计算校验值" and done == sizes:  # between the hashing and the storing pass
            with open(p, "r+b") as fh:
                fh.write(b"CHANGED")

    with pytest.raises(WcifError, match="发生了变化"):
        evsvc.add_evidence(ef, p, progress=recorder(on_set=change))
    assert _state(ef) == before

    class Broken:
        def __init__(self):
            self.n = 0

        def read(self, n):
            self.n += 1
            if self.n > 2:
                raise OSError(5, "Input/output error")
            return b"x" * n

    with pytest.raises(WcifError, match="读取文件时出错"):
        list(evsvc._read_chunks(Broken(), p))
    assert _state(ef) == before
    assert evsvc.extract_evidence(ef, r0.evidence.sha256, workdir / "kept.pdf").read_bytes() == b"kept"


def test_file_larger_than_free_disk_space(ef, workdir, monkeypatch):
    p = _file(workdir, "大 文件.pdf", os.urandom(100_000))
    before = _state(ef)
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(evsvc.shutil, "disk_usage", lambda folder: Usage(10**9, 10**9 - 50_000, 50_000))
    with pytest.raises(WcifError, match="磁盘空间不足.*已保存的内容未受影响"):
        evsvc.add_evidence(ef, p)
    assert _state(ef) == before
    monkeypatch.undo()
    r = evsvc.add_evidence(ef, p)
    monkeypatch.setattr(evsvc.shutil, "disk_usage", lambda folder: Usage(10**9, 10**9 - 50_000, 50_000))
    with pytest.raises(WcifError, match="磁盘空间不足"):
        evsvc.extract_evidence(ef, r.evidence.sha256, workdir / "out.pdf")
    assert not (workdir / "out.pdf").exists()


def test_cancel_during_add_leaves_nothing(ef, workdir, recorder):
    p = _file(workdir, "取消.pdf", os.urandom(4 * evsvc.CHUNK_SIZE))
    before = _state(ef)
    # calls 1-4 hash, 5.. store: cancel after the second stored chunk
    with pytest.raises(Cancelled):
        evsvc.add_evidence(ef, p, progress=recorder(cancel_after=6))
    assert _state(ef) == before
    with pytest.raises(Cancelled):
        evsvc.add_evidence(ef, p, progress=recorder(cancel_after=1))
    assert _state(ef) == before
    assert ef.verify_history() == []
    # the file is still usable afterwards
    rec = recorder()
    r = evsvc.add_evidence(ef, p, progress=rec)
    assert r.stored and rec.calls[-1][0] == rec.calls[-1][1] == 8 * evsvc.CHUNK_SIZE
    dones = [c[0] for c in rec.calls]
    assert dones == sorted(dones)


def test_cancel_during_extract_leaves_no_file(ef, workdir, recorder):
    r = evsvc.add_evidence(ef, _file(workdir, "x.bin", os.urandom(3 * evsvc.CHUNK_SIZE)))
    with pytest.raises(Cancelled):
        evsvc.extract_evidence(ef, r.evidence.sha256, workdir / "out.bin", progress=recorder(cancel_after=1))
    assert sorted(p.name for p in workdir.iterdir()) == sorted(["呼和浩特 2021.wcif", "x.bin"])


def test_unlink_keeps_content_for_other_links(ef, workdir):
    a, b = review.find_request(ef, "A01"), review.find_request(ef, "A02")
    p = _file(workdir, "x.pdf", b"%PDF-")
    r = evsvc.add_evidence(ef, p, target_kind="document_request", target_id=a.id)
    evsvc.add_evidence(ef, p, target_kind="document_request", target_id=b.id)
    evsvc.unlink_evidence(ef, r.link.id)
    [info] = evsvc.list_evidence(ef)
    assert [i for _k, i, _l in info.links] == [b.id]
    assert evsvc.extract_evidence(ef, r.evidence.sha256, workdir / "y.pdf").read_bytes() == b"%PDF-"


def test_evidence_survives_reopen(ef, workdir):
    data = os.urandom(evsvc.CHUNK_SIZE + 1)
    r = evsvc.add_evidence(ef, _file(workdir, "证据.png", data))
    ef.close()
    ef2 = EvaluationFile.open(ef.path)
    try:
        assert evsvc.verify_evidence(ef2) == []
        assert evsvc.find_evidence(ef2, r.evidence.sha256).media_type == "image/png"
        info = json.loads(json.dumps(evsvc.list_evidence(ef2)[0].as_dict(), ensure_ascii=False))
        assert info["size"] == len(data) and info["name"] == "证据.png"
    finally:
        ef2.close()


def test_media_type_sniffed_without_extension():
    assert evsvc.media_type("scan", b"%PDF-1.4") == "application/pdf"
    assert evsvc.media_type("photo", b"\x89PNG\r\n\x1a\nxxxx") == "image/png"
    assert evsvc.media_type("unknown", b"hello") == "application/octet-stream"
    assert evsvc.media_type("表.xlsx").endswith("spreadsheetml.sheet")
