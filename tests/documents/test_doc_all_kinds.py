"""Every document kind for the sample, as .docx and as .pdf, read back."""

from __future__ import annotations

import pytest

from wcif_desktop.domain.docrecords import GeneratedDocument
from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.scoring import build_sheet
from wcif_desktop.services.deliverables.generate import KINDS, build_outline, write_document
from wcif_desktop.services.evaluation import load_snapshot

from .docutil import PLACEHOLDER_LEFTOVERS, docx_all_text, docx_headings, pdf_text, squash

# A phrase each document must contain, computed from the data where it is data.
EXPECTED = {
    "report-brief": ["一、基本情况", "五、有关建议"],
    "report-full": ["四、绩效评价指标分析", "七、其他需要说明的问题"],
    "work-plan": ["评价对象和内容", "评价指标和评价标准", "评价程序", "附件5：调研安排"],
    "letter": ["需提供的资料", "呼和浩特市社会保险事业管理中心"],
    "request-list": ["资料清单", "截止日期", "签收"],
    "problem-list": ["问题清单", "预算绩效目标不全面不完整"],
    "summary": ["评价工作开展情况", "存在的不足", "改进建议"],
    "research-outline": ["项目规划及背景", "问题及建议"],
    "site-schedule": ["调研安排", "选取理由"],
}


def _with_requests(ef, kind):
    """The request list is a document of the requests on file: give the sample some (it has none)."""
    if kind == "request-list":
        from wcif_desktop.services.review import add_request_list_from_template

        add_request_list_from_template(ef)


@pytest.mark.parametrize("kind", KINDS)
def test_docx_for_every_kind(sample_file, workdir, kind):
    _with_requests(sample_file, kind)
    out = write_document(sample_file, kind, workdir / f"{kind} 文档.docx")
    text = docx_all_text(out)
    for phrase in EXPECTED[kind]:
        assert phrase in text, (kind, phrase)
    assert not PLACEHOLDER_LEFTOVERS.search(text), PLACEHOLDER_LEFTOVERS.search(text)
    outline = build_outline(sample_file, kind)
    expected_heads = [(h.level, h.label) for h in outline.headings()]
    assert docx_headings(out) == expected_heads
    if kind not in ("request-list", "site-schedule", "letter", "problem-list", "research-outline", "summary"):
        assert any(lvl == 1 for lvl, _t in expected_heads)
    reg = sample_file.records(GeneratedDocument)
    assert [(g.kind, g.file_name, g.format) for g in reg] == [(kind, out.name, "docx")]
    assert len(reg[0].sha256) == 64


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_for_every_kind(sample_file, workdir, kind):
    _with_requests(sample_file, kind)
    out = write_document(sample_file, kind, workdir / f"{kind} 文档.pdf")
    text = squash(pdf_text(out))
    for phrase in EXPECTED[kind]:
        assert squash(phrase) in text, (kind, phrase)
    assert "{{" not in text and "【未知字段" not in text


def test_work_plan_counts_and_bands_come_from_the_framework(sample_file, workdir):
    snap = load_snapshot(sample_file)
    sheet = build_sheet(snap.indicators)
    n1 = len(sheet.roots)
    n2 = sum(len(r.children) for r in sheet.roots)
    n3 = len(sheet.leaves())
    out = write_document(sample_file, "work-plan", workdir / "方案.docx")
    text = docx_all_text(out)
    assert f"一级指标{n1}个、二级指标{n2}个、三级指标{n3}个" in text
    assert "90（含）—100分为优、80（含）—90分为良、60（含）—80分为中、60分以下为差" in text
    # the annex lists every level-3 indicator with its scoring rule
    for leaf in sheet.leaves():
        assert leaf.indicator.name in text


def test_work_plan_in_the_commissioners_name(sample_file, workdir):
    ev = load_snapshot(sample_file).evaluation
    agency = build_outline(sample_file, "work-plan", issuer="agency")
    comm = build_outline(sample_file, "work-plan", issuer="commissioner")
    assert agency.author == ev.agency and comm.author == ev.commissioner
    assert f"{ev.commissioner}委托第三方机构{ev.agency}" in comm.text()
    assert f"受{ev.commissioner}委托" in agency.text()
    with pytest.raises(ValidationError, match="出具名义"):
        build_outline(sample_file, "work-plan", issuer="nobody")


def test_bad_kind_and_suffix_are_refused(sample_file, workdir):
    with pytest.raises(ValidationError, match="未知的文档类型"):
        write_document(sample_file, "memo", workdir / "x.docx")
    with pytest.raises(ValidationError, match=r"\.pdf 或 \.docx"):
        write_document(sample_file, "letter", workdir / "x.txt")
    assert not (workdir / "x.txt").exists()


def test_work_plan_annex_lists_the_questionnaires(sample_file):
    from wcif_desktop.domain.survey import Survey, SurveyOption, SurveyQuestion
    from wcif_desktop.services import evaluation as svc

    s = Survey(title="参保单位满意度调查", respondent_group="参保单位")
    svc.add_record(sample_file, s)
    q = SurveyQuestion(survey_id=s.id, code="Q1", text="您对工伤保险经办服务是否满意？")
    svc.add_record(sample_file, q)
    for i, label in enumerate(("非常满意", "满意", "一般", "不满意")):
        svc.add_record(sample_file, SurveyOption(question_id=q.id, label=label, score=5 - i, sort_order=i))
    text = build_outline(sample_file, "work-plan").text()
    annex = text.split("附件4：调查问卷")[1].split("附件5")[0]
    assert "参保单位满意度调查问卷" in annex and "调查对象：参保单位" in annex
    assert "1. 您对工伤保险经办服务是否满意？" in annex
    assert "□非常满意    □满意    □一般    □不满意" in annex


def test_cancelling_writes_nothing(sample_file, workdir):
    from wcif_desktop.domain.errors import Cancelled

    class Stop:
        def set(self, done, total, label=""):
            pass

        def cancelled(self):
            return True

    for suffix in ("docx", "pdf"):
        out = workdir / f"取消.{suffix}"
        with pytest.raises(Cancelled):
            write_document(sample_file, "work-plan", out, progress=Stop())
        assert not out.exists() and not list(workdir.glob("*.part"))
    assert sample_file.records(GeneratedDocument) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_kind_for_an_empty_evaluation(workdir, fmt):
    """A new, empty evaluation still yields every document (with the gaps visible, not a crash), except the
    request list, which is refused with one sentence (the same in every entry point)."""
    from wcif_desktop.domain.errors import WcifError
    from wcif_desktop.services.evaluation import create_empty

    ef = create_empty(workdir / "空白 评价.wcif", title="新评价", fiscal_year=2024)
    try:
        for kind in KINDS:
            if kind == "request-list":
                with pytest.raises(WcifError, match="资料清单为空"):
                    write_document(ef, kind, workdir / f"{kind}.{fmt}")
                assert not (workdir / f"{kind}.{fmt}").exists()
                continue
            out = write_document(ef, kind, workdir / f"{kind}.{fmt}")
            assert out.stat().st_size > 0
    finally:
        ef.close()


def test_pdf_pages_are_numbered_from_the_body(sample_file, workdir):
    """Cover and 目录 carry no number; the body starts at — 1 —; the 目录 gives body page numbers."""
    from pypdf import PdfReader

    out = write_document(sample_file, "work-plan", workdir / "方案.pdf")
    pages = [p.extract_text() or "" for p in PdfReader(str(out)).pages]
    first_body = next(i for i, t in enumerate(pages) if "一、项目基本情况" in t and "评价依据" not in t)
    assert all("— " not in t for t in pages[:first_body])
    assert "— 1 —" in pages[first_body] and "— 2 —" in pages[first_body + 1]
    toc_lines = [line.strip() for p in PdfReader(str(out)).pages[:first_body]
                 for line in p.extract_text(extraction_mode="layout").splitlines()]
    entry = next(line for line in toc_lines if line.startswith("一、项目基本情况"))
    assert entry.endswith(" 1")
