"""The brief report of the Hohhot 2021 sample, read back from the PDF (issue 2)."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from report_pdfutil import all_text, fonts_not_embedded, logical_page_of, norm, page_texts, toc_entries

from wcif_desktop.domain.errors import ReportError
from wcif_desktop.domain.model import Finding, Indicator
from wcif_desktop.services import evaluation as svc
from wcif_desktop.services.report_build import generate_report, render_report

SEED = "seeds/000_854d81cc78b58da2.txt"

# The seed's headings in order (seed lines, as printed there).
SEED_HEADINGS = [
    "一、基本情况", "1.项目内容", "2.项目资金投入情况", "3.项目绩效目标",
    "二、绩效评价工作开展情况",
    "三、综合评价情况及评价结论",
    "四、主要经验及做法、存在的问题及原因分析",
    "（一）主要经验及做法", "1.全面开展专项整治，确保社保基金安全", "2.合理分工，规范岗位权限",
    "3.落实工伤保险自治区级统筹和相关系统经办工作",
    "(二) 存在问题及原因分析", "1.预算绩效目标不全面不完整", "原因分析：", "2.项目资金预算不够精准", "原因分析：",
    "3.工伤预防宣传未能有效实施", "原因分析：",
    "五、有关建议", "1. 重视预算编制、绩效目标管理工作，加强培训学习", "2. 提高预算的精准度，细化明细项目",
    "3. 工伤预防是降低工伤事故发生的有效方式，加强工伤预防宣传",
    "内蒙古鑫方圆会计师事务有限公司",
]
SEED_TOC = ["一、基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论",
            "四、主要经验及做法、存在的问题及原因分析", "(一) 主要经验及做法", "(二) 存在问题及原因分析", "五、有关建议"]


@pytest.fixture(scope="module")
def brief(tmp_path_factory, _sample_master):
    from wcif_desktop.store.db import EvaluationFile

    d = tmp_path_factory.mktemp("简版 报告")
    src = d / "样例.wcif"
    shutil.copy2(_sample_master, src)
    with EvaluationFile.open(src) as ef:
        snap = svc.load_snapshot(ef)
    return generate_report(snap, d / "呼和浩特 简版.pdf")


def _in_order(text: str, items: list[str]) -> list[str]:
    """Items not found in order in text (empty when all are in order)."""
    pos, missing = 0, []
    for it in items:
        k = text.find(norm(it), pos)
        if k < 0:
            missing.append(it)
        else:
            pos = k + len(norm(it))
    return missing


def test_headings_in_the_seed_order(brief, shared_dir):
    seed = norm((shared_dir / SEED).read_text(encoding="utf-8"))
    assert _in_order(seed, SEED_HEADINGS) == []  # the list really is the seed's order
    text = all_text(brief)
    body = text[text.find(norm("一、基本情况"), text.find(norm("五、有关建议")) + 1):]  # after the 目录
    assert _in_order(body, SEED_HEADINGS) == []
    assert body.rstrip().endswith(norm("内蒙古鑫方圆会计师事务有限公司2022年6月30日"))
    cover = norm(page_texts(brief)[0])
    assert norm("2021 年工伤保险基金项目绩效评价简版报告") in cover
    assert norm("评价机构：内蒙古鑫方圆会计师事务有限公司") in cover and "呼和浩特市" in cover


def test_toc_page_numbers_match_heading_pages(brief):
    entries = toc_entries(brief)
    assert [norm(t) for t, _ in entries] == [norm(t) for t in SEED_TOC]
    for title, page in entries:
        assert logical_page_of(brief, title) == page, title
    assert entries[0][1] == 1


def test_seed_figures_score_and_grade(brief):
    text = all_text(brief)
    for fig in ("12,383.13", "13,013.76", "72,412.03", "11,026.63", "8,502.41"):
        assert fig in text, fig
    assert norm("综合评分“82.33分”，评级“良”") in text
    # the per-dimension table sums to the total
    assert norm("合计100.0082.33") in text


def test_fonts_embedded_and_outline(brief):
    from pypdf import PdfReader

    assert fonts_not_embedded(brief) == []
    r = PdfReader(str(brief))
    titles = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                titles.append(it.title)

    walk(r.outline)
    assert titles[:4] == ["一、基本情况", "1.项目内容", "2.项目资金投入情况", "3.项目绩效目标"]
    assert "五、有关建议" in titles and "（二）存在问题及原因分析" in titles
    assert r.metadata.title == "2021 年工伤保险基金项目绩效评价简版报告"


def test_page_numbers_in_footer(brief):
    texts = page_texts(brief)
    numbers = [int(m) for t in texts for m in __import__("re").findall(r"—\s*(\d+)\s*—", t)]
    assert numbers == list(range(1, len(texts) - 1))  # cover and 目录 unnumbered


def _lower_score(ef, name: str, score: str, reason: str = "评价组复核后调整"):
    ind = next(i for i in ef.records(Indicator) if i.name == name)
    svc.set_indicator_score(ef, ind.id, Decimal(score), reason)


def test_changed_score_changes_total_and_grade(sample_file, workdir):
    _lower_score(sample_file, "工伤职工权益保障", "3")  # 6 → 3: 82.33 → 79.33
    snap = svc.load_snapshot(sample_file)
    text = all_text(generate_report(snap, workdir / "调整后.pdf"))
    assert norm("综合评分“79.33分”，评级“中”") in text
    assert "82.33" not in text


def test_user_text_prints_as_typed(sample_file, workdir):
    practice = next(f for f in sample_file.records(Finding) if f.kind == "practice")
    svc.update_record(sample_file, Finding, practice.id, title="A<b>&amp; B</b> & <x>", body="1 < 2 && 3 > 2 <br/>")
    text = all_text(generate_report(svc.load_snapshot(sample_file), workdir / "escape.pdf"))
    assert norm("1.A<b>&amp; B</b> & <x>") in text
    assert norm("1 < 2 && 3 > 2 <br/>") in text


def test_uncovered_character_is_reported_not_dropped(sample_file, workdir):
    svc.set_narrative(sample_file, "process", "评价组☃进场核查\U000f0001。")
    out = workdir / "缺字.pdf"
    with pytest.raises(ReportError) as e:
        generate_report(svc.load_snapshot(sample_file), out)
    msg = str(e.value)
    assert "U+2603" in msg and "U+F0001" in msg and "二、绩效评价工作开展情况" in msg
    assert not out.exists()


def test_missing_narrative_gets_generated_sentence(sample_file, workdir):
    svc.set_narrative(sample_file, "basic.funding", "")
    svc.set_narrative(sample_file, "conclusion.overall", "")
    text = all_text(generate_report(svc.load_snapshot(sample_file), workdir / "生成.pdf"))
    assert norm("总收入 12,383.13 万元（收入预算 11,026.63 万元，执行率 112.30%）") in text
    assert norm("决策方面得分 13.00 分（分值 20.00 分，得分率 65.00%）") in text


def test_unwritable_target_and_atomic_write(sample_file, workdir):
    blocker = workdir / "是文件"
    blocker.write_text("x")
    with pytest.raises(ReportError):
        generate_report(svc.load_snapshot(sample_file), blocker / "报告.pdf")
    # an existing report is replaced whole; no temp files are left behind
    out = workdir / "报告.pdf"
    out.write_bytes(b"old")
    generate_report(svc.load_snapshot(sample_file), out)
    assert out.read_bytes().startswith(b"%PDF") and not [p for p in workdir.iterdir() if p.suffix == ".tmp"]


def test_unknown_template_refused(sample_file):
    with pytest.raises(ReportError, match="未知的报告模板"):
        render_report(svc.load_snapshot(sample_file), "nonsense")


def test_generated_text_api_and_fields_follow_data(sample_file):
    from wcif_desktop.domain.model import FinanceLine
    from wcif_desktop.services.deliverables.content import NARRATIVE_SECTIONS, generated_text, section_text

    snap = svc.load_snapshot(sample_file)
    assert set(snap.narratives) <= set(NARRATIVE_SECTIONS)
    assert "12,383.13" in section_text(snap, "basic.funding")
    assert generated_text(snap, "conclusion.score") == "该项目绩效评价综合评分“82.33分”，评级“良”。"
    # a field shows the current value: change the data, the narrative follows
    line = next(f for f in sample_file.records(FinanceLine) if f.code == "income_total")
    svc.update_record(sample_file, FinanceLine, line.id, actual=Decimal("123840000"))
    assert "12,384.00" in section_text(svc.load_snapshot(sample_file), "basic.funding")


def test_cancel_writes_nothing(sample_file, workdir):
    from wcif_desktop.domain.errors import Cancelled

    class StopSoon:
        def __init__(self):
            self.n = 0

        def set(self, done, total, label=""):
            pass

        def cancelled(self):
            self.n += 1
            return self.n > 2

    out = workdir / "取消.pdf"
    with pytest.raises(Cancelled):
        generate_report(svc.load_snapshot(sample_file), out, progress=StopSoon())
    assert not out.exists() and list(workdir.glob("*.tmp")) == []
