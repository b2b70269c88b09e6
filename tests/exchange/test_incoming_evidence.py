"""Issue 23.3: evidence is verified when it arrives. Every incoming evidence content is re-hashed; a corrupt one is
refused and named; a corrupt stored copy is repaired from a good copy arriving later (an import, or adding the
original file again); ``verify-history`` of a file checks its evidence too."""

from __future__ import annotations

import os
import sqlite3

import pytest

from wcif_desktop.cli import main
from wcif_desktop.services import evidence, exchange
from wcif_desktop.store.db import EvaluationFile

from .helpers import export_copy, table_dump


def _flip_chunk(path, sha, seq=0, pos=100):
    conn = sqlite3.connect(str(path))
    try:
        data = bytearray(conn.execute("SELECT data FROM evidence_chunk WHERE sha256 = ? AND seq = ?",
                                      [sha, seq]).fetchone()[0])
        data[pos] ^= 1
        conn.execute("UPDATE evidence_chunk SET data = ? WHERE sha256 = ? AND seq = ?", [bytes(data), sha, seq])
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def scan(workdir):
    p = workdir / "现场 照片.jpg"
    p.write_bytes(b"\xff\xd8\xff" + os.urandom(evidence.CHUNK_SIZE + 5000))
    return p


def test_a_corrupt_incoming_chunk_is_refused_and_named(sample_path, workdir, scan):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    with EvaluationFile.open(colleague, who="同事", backup=False) as ef:
        sha = evidence.add_evidence(ef, scan).evidence.sha256
    _flip_chunk(colleague, sha, seq=1)
    before = table_dump(sample_path)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        with pytest.raises(exchange.ImportRefused, match="现场 照片.jpg") as e:
            exchange.import_file(ef, colleague)
    assert "损坏" in str(e.value)
    assert table_dump(sample_path) == before


def test_a_corrupt_stored_chunk_is_repaired_by_a_good_copy_arriving_later(sample_path, workdir, scan):
    colleague = export_copy(sample_path, workdir / "同事.wcif")
    with EvaluationFile.open(colleague, who="同事", backup=False) as ef:
        sha = evidence.add_evidence(ef, scan).evidence.sha256
    good = export_copy(colleague, workdir / "同事 再导出.wcif")
    with EvaluationFile.open(sample_path, backup=False) as ef:
        exchange.import_file(ef, colleague)
    _flip_chunk(sample_path, sha)  # the lead's stored copy goes bad (a flaky disk)
    assert main(["verify-history", str(sample_path)]) == 1  # verify of the file checks evidence
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert evidence.verify_evidence(ef)
        rep = exchange.import_file(ef, good)
        assert rep.content_repaired == [sha]
        assert any("修复" in str(line) for line in rep.lines())
        assert evidence.verify_evidence(ef) == []
        assert ef.verify_history() == []
    assert main(["verify-history", str(sample_path)]) == 0


def test_adding_the_original_again_repairs_a_corrupt_stored_copy(sample_path, scan):
    with EvaluationFile.open(sample_path, backup=False) as ef:
        sha = evidence.add_evidence(ef, scan).evidence.sha256
    _flip_chunk(sample_path, sha)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert evidence.verify_evidence(ef)
        res = evidence.add_evidence(ef, scan)
        assert res.stored  # not "content exists already"
        assert evidence.verify_evidence(ef) == []
        assert evidence.content_intact(ef.conn, sha)
