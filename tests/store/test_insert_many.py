"""EvaluationFile.insert_many (the batched insert of a survey import) keeps every invariant of insert():
the audit chain and its anchor, the versions the program wrote (sync_head) and the lock."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import report_archive


def _findings(n):
    return [Finding(title=f"批量 {k}", kind="problem", body="正文 <&>" * 3) for k in range(n)]


def test_insert_many_keeps_history_anchor_and_versions(bare_sample_file):
    ef = bare_sample_file
    length_before = ef.history_anchor()[0]
    recs = _findings(1200)  # more than one chunk of the sync_head read-back
    assert ef.insert_many(recs) == 1200
    assert ef.verify_history() == []  # chain, anchor and every record against its recorded version
    assert ef.history_anchor()[0] == length_before + 1200
    assert ef.outside_changes() == []
    titles = {f.title for f in ef.records(Finding)}
    assert {r.title for r in recs} <= titles


def test_insert_many_refuses_on_a_locked_evaluation(bare_sample_file):
    ef = bare_sample_file
    report_archive.lock(ef, "报告已最终签署")
    before = ef.conn.execute("SELECT count(*) FROM finding").fetchone()[0]
    with pytest.raises(ValidationError, match="已锁定"):
        ef.insert_many(_findings(3))
    assert ef.conn.execute("SELECT count(*) FROM finding").fetchone()[0] == before
    assert ef.verify_history() == []
