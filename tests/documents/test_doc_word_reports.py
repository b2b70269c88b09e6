"""Brief and full report as .docx from the same data as the PDF: headings, tables, fonts, TOC, page numbers."""

from __future__ import annotations

import re

import docx
import pytest

from wcif_desktop.domain.fields import field_values
from wcif_desktop.domain.scoring import build_sheet
from wcif_desktop.render.docx import write_docx
from wcif_desktop.services.deliverables.reports import brief_report, full_report
from wcif_desktop.services.evaluation import load_snapshot

from .docutil import PLACEHOLDER_LEFTOVERS, docx_all_text, docx_headings, docx_xml


def _seed_headings(shared_dir):
    text = (shared_dir / "seeds" / "000_854d81cc78b58da2.txt").read_text(encoding="utf-8")
    body = text.split("# 2021 年工伤保险基金项目绩效评价简版报告")[-1]
    heads = [re.sub(r"\s+", "", h) for h in re.findall(r"^#+\s*(.+)$", body, re.MULTILINE)]
    return [h.replace("(", "（").replace(")", "）") for h in heads]


def test_brief_docx_has_the_seed_outline_as_word_headings(sample_file, workdir, shared_dir):
    snap = load_snapshot(sample_file)
    out = write_docx(brief_report(snap), workdir / "简版 报告.docx")
    heads = docx_headings(out)
    texts = [re.sub(r"\s+", "", t) for _lvl, t in heads]
    assert texts == _seed_headings(shared_dir)
    levels = dict((re.sub(r"\s+", "", t), lvl) for lvl, t in heads)
    assert levels["一、基本情况"] == 1 and levels["（一）主要经验及做法"] == 2 and levels["1.项目内容"] == 3
    text = docx_all_text(out)
    vals = field_values(snap)
    assert f"综合评分“{vals['total_score']}分”，评级“{vals['grade']}”" in text
    assert "12,383.13" in text and "13,013.76" in text and "72,412.03" in text
    assert not PLACEHOLDER_LEFTOVERS.search(text)


def test_full_docx_tables_match_the_score_sheet(sample_file, workdir):
    snap = load_snapshot(sample_file)
    sheet = build_sheet(snap.indicators)
    out = write_docx(full_report(snap), workdir / "完整 报告.docx")
    d = docx.Document(str(out))
    heads = [t for _l, t in docx_headings(out)]
    for h in ("一、基本情况", "四、绩效评价指标分析", "七、其他需要说明的问题", "附件1：绩效评价指标体系及评分表",
              "附件4：问题清单"):
        assert h in heads
    score = next(t for t in d.tables if [c.text for c in t.rows[0].cells][-1] == "扣分原因")
    # one row per level-3 indicator: 一级/二级/三级 (merged), 分值, 指标解释, 评分标准, 评价情况（实际值）, 得分, 扣分原因
    assert [c.text for c in score.rows[0].cells] == ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准",
                                                     "评价情况（实际值）", "得分", "扣分原因"]
    leaves = sheet.leaves()
    assert len(score.rows) == 1 + len(leaves) + 1
    assert [r.cells[2].text for r in score.rows[1:-1]] == [n.indicator.name for n in leaves]
    assert score.rows[-1].cells[7].text == f"{sheet.total():.2f}"
    # header row repeats on every page
    assert score.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert not PLACEHOLDER_LEFTOVERS.search(docx_all_text(out))


def test_word_structure_fonts_page_and_fields(sample_file, workdir):
    out = write_docx(brief_report(load_snapshot(sample_file)), workdir / "r.docx")
    d = docx.Document(str(out))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert round(s.top_margin.mm) == 37 and round(s.left_margin.mm) == 28
    styles = docx_xml(out, "word/styles.xml")

    def east_asia(style_id):
        block = re.search(rf'w:styleId="{style_id}".*?</w:style>', styles, re.DOTALL).group(0)
        return re.search(r'w:eastAsia="([^"]+)"', block).group(1), "eastAsiaTheme" in block

    assert east_asia("Normal") == ("仿宋", False)
    assert east_asia("Heading1") == ("黑体", False)
    assert east_asia("Heading2") == ("楷体", False)
    assert re.search(r'w:styleId="Heading2".*?w:outlineLvl w:val="1"', styles, re.DOTALL)
    body = docx_xml(out)
    assert 'TOC \\o "1-2"' in body  # the 目录 lists 一、 and （一） headings, as the PDF's does
    assert 'w:updateFields w:val="true"' in docx_xml(out, "word/settings.xml")
    # page numbers at the outer side: odd pages right, even pages left
    assert "w:evenAndOddHeaders" in docx_xml(out, "word/settings.xml")
    # cover and 目录 form a section without page numbers; the body section is numbered from 1
    front, body_sec = docx.Document(str(out)).sections
    assert "PAGE" not in front.footer._element.xml and "PAGE" not in front.even_page_footer._element.xml
    assert 'w:pgNumType w:start="1"' in body_sec._sectPr.xml
    assert (round(body_sec.page_width.mm), round(body_sec.top_margin.mm)) == (210, 37)
    for footer, align in ((body_sec.footer, "RIGHT"), (body_sec.even_page_footer, "LEFT")):
        p = footer.paragraphs[0]
        assert p.alignment.name == align and "PAGE" in p._p.xml and p.text.startswith("— ")


def test_outline_rejects_ragged_tables():
    from wcif_desktop.domain.document import Table

    with pytest.raises(ValueError, match="row 1"):
        Table(["a", "b"], [["only one"]])


def test_word_and_pdf_brief_report_say_the_same(sample_file, workdir):
    """Every heading and paragraph of the .docx brief report is in the report module's PDF."""
    from wcif_desktop.domain.document import Heading, Para
    from wcif_desktop.services.deliverables.generate import write_document

    from .docutil import pdf_text, squash

    pdf = squash(pdf_text(write_document(sample_file, "report-brief", workdir / "简版.pdf")))
    pdf = re.sub(r"—\d+—|草稿", "", pdf)  # page numbers (and a draft's mark) interleave where a paragraph crosses a page
    outline = brief_report(load_snapshot(sample_file))
    missing = [b.text for b in outline.blocks if isinstance(b, (Heading, Para)) and squash(b.text) not in pdf]
    assert missing == []


def test_level1_and_level2_cells_are_merged_in_word(sample_file, workdir):
    from wcif_desktop.services.deliverables.common import score_table, values

    snap = load_snapshot(sample_file)
    sheet = build_sheet(snap.indicators)
    table = score_table(sheet, values(snap))
    runs = table.merged_runs()
    # one run per level-1 indicator, one per level-2 indicator with more than one leaf
    assert sum(1 for c, _a, _b in runs if c == 0) == len(sheet.roots)
    assert sum(1 for c, _a, _b in runs if c == 1) == sum(
        1 for r in sheet.roots for l2 in r.children if len(l2.children) > 1)
    from wcif_desktop.domain.document import DocOutline

    out = write_docx(DocOutline("t", "t", [table]), workdir / "合并.docx")
    xml = docx_xml(out)
    assert xml.count('<w:vMerge w:val="restart"/>') == len(runs)
    t = docx.Document(str(out)).tables[0]
    assert [r.cells[0].text for r in t.rows[1:-1]] == [row[0] for row in table.rows[:-1]]
