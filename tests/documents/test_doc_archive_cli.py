"""Archive (documents + evidence with SHA-256, then lock) and the ``document``/``archive`` commands."""

from __future__ import annotations

import hashlib

import docx
import pytest

from wcif_desktop.cli import main
from wcif_desktop.domain.errors import ValidationError, WcifError
from wcif_desktop.domain.model import Finding
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services.archive import archive
from wcif_desktop.services.deliverables.generate import KINDS, write_document
from wcif_desktop.services.evidence import add_evidence
from wcif_desktop.store.db import EvaluationFile

from .docutil import docx_all_text, docx_headings, pdf_text, squash


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_archive_writes_everything_with_hashes_and_locks(bare_sample_file, workdir):
    ev_file = workdir / "凭证 一.txt"
    ev_file.write_text("2021年基金收支凭证", encoding="utf-8")
    add_evidence(bare_sample_file, ev_file, note="收支凭证")
    # a report kept in the evaluation file (as the report step keeps the signed one), then locked
    from wcif_desktop.services.report_archive import lock, lock_history, record_report

    kept_pdf = write_document(bare_sample_file, "report-brief", workdir / "报告.pdf", record=False).read_bytes()
    record_report(bare_sample_file, kept_pdf, template="brief", title="简版报告", file_name="简版报告（签署）.pdf",
                  signers=["王建国"], final=True)
    lock(bare_sample_file, "报告已最终签署")
    folder = workdir / "归档 2021"
    result = archive(bare_sample_file, folder)
    (rep_path, rep_sha), = result.reports
    assert rep_path.read_bytes() == kept_pdf and rep_sha == hashlib.sha256(kept_pdf).hexdigest()
    assert [e.reason for e in lock_history(bare_sample_file)] == ["报告已最终签署"]  # already locked: no second event
    # every kind in Word and PDF, but no request list: the sample holds none, and an empty list is no document
    assert len(result.documents) == 2 * (len(KINDS) - 1)
    assert not any("资料清单" in p.name for p, _s in result.documents)
    # every file in SHA256SUMS.txt matches its content, and every file is listed
    listed = {}
    for line in result.sums.read_text(encoding="utf-8").splitlines():
        digest, rel = line.split("  ", 1)
        listed[rel] = digest
        assert _sha(folder / rel) == digest, rel
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"SHA256SUMS.txt"}
    assert set(listed) == files
    (ev_path, ev_sha), = result.evidence
    assert ev_path.read_text(encoding="utf-8") == "2021年基金收支凭证"
    assert ev_sha == hashlib.sha256(ev_file.read_bytes()).hexdigest()
    # the index names every document and the evidence with its hash
    index = docx_all_text(result.index_docx)
    for p, sha in result.documents:
        assert sha in index and p.name in index
    assert ev_sha in index and "凭证 一.txt" in index
    assert rep_sha in index and "王建国" in index
    assert ev_sha in squash(pdf_text(result.index_pdf))
    # locked; the copy in the folder is locked too and opens
    assert svc.evaluation(bare_sample_file).locked
    with EvaluationFile.open(result.evaluation_copy) as copy:
        assert svc.evaluation(copy).locked
    with pytest.raises(ValidationError, match="锁定"):
        svc.add_record(bare_sample_file, Finding(kind="problem", title="晚到的问题"))
    with pytest.raises(WcifError, match="不是空的"):
        archive(bare_sample_file, folder)


def test_cli_document_docx_with_template_and_pdf(bare_sample_path, workdir, capsys):
    from wcif_desktop.paths import resource

    out = workdir / "输出 文件" / "工作 方案.docx"
    rc = main(["document", str(bare_sample_path), "work-plan", "-o", str(out), "--template",
               str(resource("templates", "firm_template_sample.docx")), "--issuer", "commissioner"])
    assert rc == 0 and out.is_file()
    assert "已写入" in capsys.readouterr().out
    assert (1, "一、项目基本情况") in docx_headings(out)
    assert "出具单位：呼和浩特市财政局" in docx_all_text(out)
    pdf = workdir / "问题 清单.pdf"
    assert main(["document", str(bare_sample_path), "problem-list", "-o", str(pdf)]) == 0
    assert "预算绩效目标不全面不完整" in squash(pdf_text(pdf))
    assert len(docx.Document(str(out)).tables) >= 3


def test_cli_errors_exit_2_with_a_message(bare_sample_path, workdir, capsys):
    assert main(["document", str(bare_sample_path), "letter", "-o", str(workdir / "x.txt")]) == 2
    assert ".pdf 或 .docx" in capsys.readouterr().err
    bad = workdir / "坏 模板.docx"
    d = docx.Document()
    d.add_paragraph("{{ nonexistent_field }}")
    d.save(str(bad))
    assert main(["document", str(bare_sample_path), "letter", "-o", str(workdir / "x.docx"), "--template", str(bad)]) == 2
    assert "{{ nonexistent_field }}" in capsys.readouterr().err
    assert not (workdir / "x.docx").exists()


def test_cli_review_targets_and_library(bare_sample_path, workdir, capsys):
    from wcif_desktop.services.finding_library import FindingLibrary, LibraryEntry

    # the sample declares no target table: the annual-target rule fails, exit code 1
    assert main(["review-targets", str(bare_sample_path), "--prefill"]) == 1
    out = capsys.readouterr().out
    assert "[未通过] 年度绩效目标已填报（绩效目标合理性）" in out and "已写入工作底稿" in out
    with FindingLibrary() as lib:
        lib.save(LibraryEntry(title="工伤预防费未列入预算", category="过程"))
    assert main(["library", "export", str(workdir / "库.json")]) == 0
    assert main(["library", "list", "--search", "预防"]) == 0
    assert "工伤预防费未列入预算" in capsys.readouterr().out
    assert main(["library", "import", str(workdir / "库.json")]) == 0
    assert "跳过 1 条" in capsys.readouterr().out
    assert main(["library", "import", str(workdir / "nope.json")]) == 2


@pytest.mark.slow
def test_archive_locks_with_a_reason_in_the_history(bare_sample_file, workdir):
    from wcif_desktop.services.report_archive import lock_history

    result = archive(bare_sample_file, workdir / "归档")
    assert result.reports == [] and result.evidence == []
    assert [(e.action, e.reason) for e in lock_history(bare_sample_file)] == [("lock", "已归档")]
    assert "评价文件中没有保存的报告" in docx_all_text(result.index_docx)
