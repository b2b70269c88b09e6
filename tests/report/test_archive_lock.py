"""Generated reports kept in the evaluation file; lock after the final signature; reopen with a reason;
readiness check."""

from __future__ import annotations

import hashlib
import json

import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.model import Finding, Indicator
from wcif_desktop.render.signing import create_identity, verify_pdf
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services import report_archive as archive
from wcif_desktop.services.readiness import check_readiness
from wcif_desktop.services.report_file import build_report_file, sign_report_file
from wcif_desktop.store.db import EvaluationFile


@pytest.fixture(scope="module")
def ident(tmp_path_factory):
    d = tmp_path_factory.mktemp("证书")
    return (create_identity(d / "组长.p12", "pw", "王建国", "内蒙古鑫方圆会计师事务有限公司"),
            create_identity(d / "机构.p12", "pw", "内蒙古鑫方圆会计师事务有限公司", ""))


class Recorder:
    def __init__(self):
        self.calls = []

    def set(self, done, total, label=""):
        self.calls.append((done, total, label))

    def cancelled(self):
        return False


def test_report_kept_signed_locked_and_reopened(sample_path, workdir, ident, make_ready):
    lead, agency = ident
    make_ready(sample_path)  # a final signature needs a report without readiness errors
    out = workdir / "签署 报告.pdf"
    rec = Recorder()
    build_report_file(sample_path, out, p12=lead, passphrase="pw", progress=rec)
    assert rec.calls[-1][0] == rec.calls[-1][1] == 100
    with EvaluationFile.open(sample_path) as ef:
        [kept] = archive.saved_reports(ef)
        assert kept.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
        assert json.loads(kept.signers) == ["王建国（内蒙古鑫方圆会计师事务有限公司）"]
        assert [o["text"] for o in json.loads(kept.outline)][:2] == ["一、基本情况", "1.项目内容"]
        assert not archive.is_locked(ef)
        again = archive.save_report_as(ef, kept.id, workdir / "再次 保存.pdf")
        assert again.read_bytes() == out.read_bytes()
    # the agency signs last (final): two signatures, evaluation locked
    final = sign_report_file(out, workdir / "最终.pdf", agency, "pw", evaluation_path=sample_path, final=True)
    assert [s.ok for s in verify_pdf(final)] == [True, True]
    with EvaluationFile.open(sample_path) as ef:
        assert archive.is_locked(ef)
        assert len(archive.saved_reports(ef)) == 2 and archive.saved_reports(ef)[0].final
        ind = next(i for i in ef.records(Indicator) if i.level == 3)
        with pytest.raises(ValidationError, match="锁定"):
            svc.set_indicator_score(ef, ind.id, ind.weight)
        with pytest.raises(ValidationError, match="原因"):
            archive.reopen(ef, "  ")
        archive.reopen(ef, "委托方要求补充说明预算执行情况")
        assert not archive.is_locked(ef)
        svc.set_indicator_score(ef, ind.id, ind.weight)  # editable again
        history = [e.reason for e in archive.lock_history(ef)]
        assert history == ["报告已最终签署", "委托方要求补充说明预算执行情况"]
        logged = ef.conn.execute("SELECT new FROM audit_log WHERE table_name = 'lock_event'").fetchall()
        assert any("委托方要求补充说明预算执行情况" in (r[0] or "") for r in logged)
        assert ef.verify_history() == []


def test_cli_final_lock_reports_and_reopen(sample_path, workdir, ident, capsys, make_ready):
    lead, _ = ident
    make_ready(sample_path)
    pw = workdir / "pw.txt"
    pw.write_text("pw\n", encoding="utf-8")
    out = workdir / "终稿.pdf"
    assert main(["report", str(sample_path), "-o", str(out), "--sign", str(lead), "--passphrase-file", str(pw),
                 "--final"]) == 0
    assert "已锁定" in capsys.readouterr().out
    assert main(["reports", str(sample_path)]) == 0
    listing = capsys.readouterr().out
    rid = listing.split()[0]
    assert hashlib.sha256(out.read_bytes()).hexdigest() in listing
    assert main(["reports", str(sample_path), "--save", rid, "-o", str(workdir / "导出.pdf")]) == 0
    assert (workdir / "导出.pdf").read_bytes() == out.read_bytes()
    assert main(["reopen", str(sample_path), "--reason", "更正错别字"]) == 0
    with EvaluationFile.open(sample_path) as ef:
        assert not archive.is_locked(ef)


def test_readiness_lists_unexplained_and_unanswered(sample_file):
    assert check_readiness(svc.load_snapshot(sample_file)) == []
    problems = [f for f in sample_file.records(Finding) if f.kind == "problem"]
    svc.update_record(sample_file, Finding, problems[0].id, cause="")
    svc.add_record(sample_file, Finding(kind="problem", title="档案管理不规范", body="……", cause="人员不足",
                                        sort_order=9))
    svc.add_record(sample_file, Finding(kind="recommendation", title="加强信息化建设", body="……", sort_order=9))
    msgs = [i.message for i in check_readiness(svc.load_snapshot(sample_file))]
    assert f"问题“{problems[0].title}”未填写原因分析" in msgs
    assert "问题“档案管理不规范”没有对应的建议" in msgs
    assert "建议“加强信息化建设”未对应任何存在的问题" in msgs
    svc.set_narrative(sample_file, "process", "支出 {{no_such_field}} 万元")
    msgs = [i.message for i in check_readiness(svc.load_snapshot(sample_file))]
    assert any("no_such_field" in m for m in msgs)
    # a recommendation whose problem was deleted answers nothing any more
    rec = next(f for f in sample_file.records(Finding) if f.kind == "recommendation" and f.answers)
    svc.delete_record(sample_file, Finding, rec.answers.split(",")[0])
    msgs = [i.message for i in check_readiness(svc.load_snapshot(sample_file))]
    assert f"建议“{rec.title}”未对应任何存在的问题" in msgs


def _with_open_conflict(sample_path, workdir) -> str:
    from wcif_desktop.services import exchange

    copy = workdir / "同事.wcif"
    exchange.export_evaluation(sample_path, copy, log2_n=12)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        ind = next(i for i in ef.records(Indicator) if i.score is not None)
    # both sides deduct with the same reason (a deduction without one is a readiness error of its own, issue 17)
    with EvaluationFile.open(copy, who="同事", backup=False) as ef:
        ef.update("indicator", ind.id, {"score": "1", "deduction_reason": "依据文件不全"})
    with EvaluationFile.open(sample_path, backup=False) as ef:
        ef.update("indicator", ind.id, {"score": "0.5", "deduction_reason": "依据文件不全"})
        rep = exchange.import_file(ef, copy)
        assert rep.conflicts
        return rep.conflicts[0]


def test_open_merge_conflicts_block_the_final_signature_and_show_in_readiness(sample_path, workdir, ident, capsys):
    """Issue 23.1: ``readiness`` lists open merge conflicts, and neither ``report --sign --final`` nor ``sign
    --final`` nor ``lock`` goes through while one is open: no signed PDF is written, the evaluation stays open."""
    from wcif_desktop.services import merge

    conflict = _with_open_conflict(sample_path, workdir)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        items = check_readiness(svc.load_snapshot(ef))
        assert any(it.kind == "merge" and it.severity == "错误" for it in items)
        with pytest.raises(ValidationError, match="合并冲突"):
            archive.lock(ef)
    assert main(["readiness", str(sample_path)]) == 1
    assert "合并冲突未解决" in capsys.readouterr().out
    leader, agency = ident
    out = workdir / "最终 报告.pdf"
    with pytest.raises(ValidationError, match="合并冲突"):
        build_report_file(sample_path, out, p12=leader, passphrase="pw", final=True)
    assert not out.exists()
    signed = build_report_file(sample_path, workdir / "草稿.pdf", p12=leader, passphrase="pw")  # not final: fine
    with pytest.raises(ValidationError, match="合并冲突"):
        sign_report_file(signed, workdir / "最终.pdf", agency, "pw", evaluation_path=sample_path, final=True)
    assert not (workdir / "最终.pdf").exists()
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert not archive.is_locked(ef)
        merge.resolve_conflict(ef, conflict, "mine")
        assert not [it for it in check_readiness(svc.load_snapshot(ef)) if it.kind == "merge"]
    build_report_file(sample_path, out, p12=leader, passphrase="pw", final=True)
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert archive.is_locked(ef)


def test_report_sign_into_a_full_disk_leaves_no_signed_pdf(sample_path, workdir, ident, monkeypatch):
    """Issue 23.6: when keeping the signed report fails (disk full: ENOSPC simulated), the CLI says so in one
    sentence (exit 2) and no signed PDF stays behind that looks final."""
    import errno

    leader, _ = ident
    out = workdir / "满盘 报告.pdf"

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive, "record_report", full)
    pw = workdir / "pw.txt"
    pw.write_text("pw\n", encoding="utf-8")
    code = main(["report", str(sample_path), "-o", str(out), "--sign", str(leader), "--passphrase-file", str(pw),
                 "--final"])
    assert code == 2
    assert not out.exists()
    assert not list(workdir.glob(".~unsigned*"))
    with EvaluationFile.open(sample_path, backup=False) as ef:
        assert not archive.is_locked(ef)
