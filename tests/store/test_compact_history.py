"""Issue 23.6: the history stores edits of long texts compactly (as changes), verify-history stays exact, and the
growth per edit of a long text is bounded."""

from __future__ import annotations

import random

from wcif_desktop.domain.model import Finding
from wcif_desktop.services import merge
from wcif_desktop.store.db import COMPACT_MAX_DEPTH, EvaluationFile


def _long_text(rng, n=5000):
    return "".join(rng.choice("工伤保险基金收支预算执行绩效评价问题原因建议") for _ in range(n))


def test_growth_per_edit_of_a_long_text_is_bounded_and_history_exact(workdir, sample_path):
    rng = random.Random(7)
    ef = EvaluationFile.open(sample_path, backup=False)
    f = ef.insert(Finding(title="长文本", kind="problem", body=_long_text(rng)))
    texts = [f.body]
    ef.conn.execute("VACUUM")
    size0 = sample_path.stat().st_size
    edits = 3 * COMPACT_MAX_DEPTH + 10
    for k in range(edits):
        t = list(texts[-1])
        pos = rng.randrange(len(t) - 8)
        t[pos:pos + 3] = list(f"改{k:04d}")  # a small change somewhere in a 5,000-character text
        texts.append("".join(t))
        ef.update("finding", f.id, {"body": texts[-1]})
    stored = ef.conn.execute("SELECT sum(coalesce(length(old), 0) + coalesce(length(new), 0) + "
                             "coalesce(length(new_delta), 0)) FROM audit_log WHERE record_id = ? AND field = 'body'",
                             [f.id]).fetchone()[0]
    per_edit = stored / edits
    # in full each entry would hold 10,000 characters (old and new); as changes: a full value every
    # COMPACT_MAX_DEPTH edits (5,000 / 64 ≈ 78 characters each on average) plus a few dozen per change
    print(f"history characters per edit: {per_edit:.0f}")
    assert per_edit < 400, per_edit
    ef.conn.execute("VACUUM")
    growth = (sample_path.stat().st_size - size0) / edits
    print(f"file growth per edit: {growth:.0f} bytes")
    assert growth < 2000, growth  # bytes per edit in the file (in full: about 30,000 bytes of UTF-8 per edit)
    assert ef.verify_history() == []
    hist = [h for h in merge.record_history(ef, "finding", f.id) if h.field == "body"]
    assert [h.new for h in hist] == texts[1:]
    assert [h.old for h in hist] == texts[:-1]
    ef.close()


def test_an_altered_change_in_a_compact_entry_is_detected(sample_path):
    rng = random.Random(3)
    ef = EvaluationFile.open(sample_path, backup=False)
    f = ef.insert(Finding(title="长文本", kind="problem", body=_long_text(rng, 2000)))
    for i in range(5):
        ef.update("finding", f.id, {"body": f"第{i}版" + _long_text(random.Random(3), 2000)[4:]})
    seq = ef.conn.execute("SELECT max(seq) FROM audit_log WHERE new_delta IS NOT NULL").fetchone()[0]
    assert seq is not None
    ef.conn.execute("""UPDATE audit_log SET new_delta = '[1,10,"篡改"]' WHERE seq = ?""", [seq])
    assert any("内容被改动" in p for p in ef.verify_history(records=False))
    ef.close()


def test_compact_history_travels_in_a_merge(sample_path, workdir):
    """A colleague's long-text edits arrive in the lead's peer history in full."""
    from wcif_desktop.services import exchange

    colleague = workdir / "同事.wcif"
    exchange.export_evaluation(sample_path, colleague, log2_n=12)
    rng = random.Random(5)
    body = _long_text(rng, 3000)
    with EvaluationFile.open(colleague, who="同事", backup=False) as c:
        fid = c.rows("finding")[0]["id"]
        for i in range(4):
            c.update("finding", fid, {"body": body[:100] + f"（第{i}次）" + body[100:]})
    with EvaluationFile.open(sample_path, backup=False) as ef:
        exchange.import_file(ef, colleague)
        hist = [h for h in merge.record_history(ef, "finding", fid) if h.field == "body" and h.origin]
        assert [h.new for h in hist][-1] == body[:100] + "（第3次）" + body[100:]
        assert ef.verify_history() == []
