"""One document model, two renderings: for every deliverable the PDF and the Word file say the same thing.

Each deliverable of the sample is built once (``build_document``), rendered as PDF and as Word, and both are
read back — the PDF with pdftotext (content-stream order) and pypdf (bookmarks), the .docx with python-docx — and
compared with the model and with each other: the same headings in the same order, the same paragraphs, the same
table cells. Also: ``report`` and ``document`` write the same PDF, the request list is the same deliverable in
every entry point, and no PDF line of any deliverable starts with closing punctuation.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from pypdf import PdfReader

from wcif_desktop.domain.document import BodyStart, Cover, Figure, Heading, PageBreak, Para, Signing, Table, Toc
from wcif_desktop.services.deliverables.generate import KINDS, build_document, write_document
from wcif_desktop.services.deliverables.sources import load_sources

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

# What may not start a line in Chinese typesetting (GB/T 15834 / JIS X 4051 closing and middle punctuation).
CLOSING = set("，。、；：？！）」』】〕〉》”’％,.;:?!)]}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _pdf_raw(path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pdf_stream(path) -> str:
    """The PDF's text in drawing order without whitespace and without the footers' page numbers."""
    return re.sub(r"—\d+—|(?<!：)(草稿|征求意见稿)", "", _squash(_pdf_raw(path)))  # page numbers, a draft's header mark


def _pdf_bookmarks(path) -> list[str]:
    reader = PdfReader(str(path))
    out: list[str] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(it.title)

    walk(reader.outline)
    return out


def _docx_stream(path) -> tuple[str, list[tuple[int, str]], list[list[list[str]]]]:
    """(body text in order without whitespace, headings (level, text), tables as rows of cell texts)."""
    d = docx.Document(str(path))
    parts, heads, tables = [], [], []
    for el in d.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = docx.text.paragraph.Paragraph(el, d)
            parts.append(p.text)
            m = re.fullmatch(r"Heading (\d)", p.style.name if p.style is not None else "")
            if m:
                heads.append((int(m.group(1)), p.text))
        elif tag == "tbl":
            t = docx.table.Table(el, d)
            rows = [[c.text for c in r.cells] for r in t.rows]
            tables.append(rows)
            for r in rows:
                parts.extend(r)
    return _squash("".join(parts)), heads, tables


def _reading_order(doc) -> list[str]:
    """What a reader meets, in order: cover, 目录 entries, headings, paragraphs, table cells, 落款."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Cover):
            out += [b.title, *b.lines, b.date]
        elif isinstance(b, Toc):
            out.append(b.title)
            out += [h.label for h in doc.headings() if h.in_toc and h.level <= b.levels]
        elif isinstance(b, Heading):
            out.append(b.label)
        elif isinstance(b, Para):
            out.append(b.text)
        elif isinstance(b, Table):
            hidden = {(r, col) for col, first, last in b.merged_runs() for r in range(first + 1, last + 1)}
            out.append(b.caption)
            out += b.header
            out += [v for r, row in enumerate(b.rows) for c, v in enumerate(row) if (r, c) not in hidden]
        elif isinstance(b, Signing):
            out += [b.agency, b.date]
        elif isinstance(b, (Figure, PageBreak, BodyStart)):
            pass
    return [_squash(t) for t in out if _squash(t)]


def _missing_in_order(items: list[str], stream: str, split_gap: int = 0) -> list[str]:
    """Items not found in ``stream`` after the previous item (empty: all present, in this order).

    ``split_gap``: an item may also be found in two pieces at most that many characters apart — a table row split
    over two pages prints the rest of its cells, the footer and the repeated header row in between; the next item
    is then searched after the first piece.
    """
    pos, missing = 0, []
    for it in items:
        k = stream.find(it, pos)
        if k >= 0:
            pos = k + len(it)
            continue
        for cut in range(len(it) - 1, 0, -1) if split_gap else ():
            a = stream.find(it[:cut], pos)
            if a >= 0 and 0 <= stream.find(it[cut:], a + cut) - (a + cut) <= split_gap:
                pos = a + cut
                break
        else:
            missing.append(it)
    return missing


def _assert_same(doc, pdf, word, kind: str) -> str:
    """The PDF and the Word file of ``doc`` say what the model says (see the module doc). Returns the PDF text."""
    # headings: the model's, Word's heading paragraphs and the PDF's bookmarks, in the same order
    model_heads = [(h.level, h.label) for h in doc.headings()]
    word_text, word_heads, word_tables = _docx_stream(word)
    assert word_heads == model_heads
    assert _pdf_bookmarks(pdf) == [label for _lvl, label in model_heads]

    # paragraphs, table cells, cover and 落款: everything the model says, in its order, in both files
    order = _reading_order(doc)
    assert len(order) > 5, kind
    pdf_text = _pdf_stream(pdf)
    assert _missing_in_order(order, pdf_text, split_gap=600) == [], "PDF"
    assert _missing_in_order(order, word_text) == [], "Word"
    assert all(_squash(p.text) in pdf_text and _squash(p.text) in word_text for p in doc.paragraphs())

    # tables cell by cell (a merged cell reads as its first row's text in Word)
    model_tables = [[b.header, *b.rows] for b in doc.tables()]
    assert word_tables == model_tables

    # every chart of the model is a picture in Word (and a drawing in the PDF, whose labels are text)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    import zipfile

    with zipfile.ZipFile(word) as z:
        assert z.read("word/document.xml").decode("utf-8").count("<a:blip ") == len(figures)
    return pdf_text


@pytest.fixture
def sources(sample_file):
    from wcif_desktop.services.review import add_request_list_from_template

    add_request_list_from_template(sample_file)  # the sample holds no request list; the request list needs one
    return load_sources(sample_file)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_pdf_and_word_render_the_same_model(sample_file, sources, workdir, kind):
    doc = build_document(sources, kind)
    pdf = write_document(sample_file, kind, workdir / f"{kind}.pdf", src=sources, record=False)
    word = write_document(sample_file, kind, workdir / f"{kind}.docx", src=sources, record=False)

    pdf_text = _assert_same(doc, pdf, word, kind)
    if kind == "report-full":
        assert any(isinstance(b, Figure) for b in doc.blocks) and "预算与执行对比" in pdf_text


def test_report_and_document_write_the_same_pdf(sample_path, workdir):
    """`wcif-desktop report` (keeps and locks) and `document report-…` (a deliverable) give the same PDF."""
    from wcif_desktop.services.report_file import build_report_file
    from wcif_desktop.store.db import EvaluationFile

    for template in ("brief", "full"):
        a = build_report_file(sample_path, workdir / f"report {template}.pdf", template=template, keep=False)
        with EvaluationFile.open(sample_path) as ef:
            b = write_document(ef, f"report-{template}", workdir / f"document {template}.pdf", record=False)
        ra, rb = PdfReader(str(a)), PdfReader(str(b))
        assert len(ra.pages) == len(rb.pages)
        assert [p.extract_text() for p in ra.pages] == [p.extract_text() for p in rb.pages]
        assert _pdf_bookmarks(a) == _pdf_bookmarks(b)
        assert ra.metadata.title == rb.metadata.title


def test_cli_report_and_document_give_the_same_pdf(sample_path, workdir):
    import sys

    outs = {}
    for name, argv in (("report", ["report", str(sample_path), "-o", str(workdir / "甲 报告.pdf"), "--template", "full"]),
                       ("document", ["document", str(sample_path), "report-full", "-o", str(workdir / "乙 报告.pdf")])):
        p = subprocess.run([sys.executable, "-m", "wcif_desktop", *argv], capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        outs[name] = workdir / ("甲 报告.pdf" if name == "report" else "乙 报告.pdf")
    assert _pdf_raw(outs["report"]) == _pdf_raw(outs["document"])


def test_request_list_is_one_deliverable_everywhere(bare_sample_file, workdir):
    """Empty: refused with the same sentence by `request-list … .pdf` and `document … request-list`; filled: the
    same landscape 8-column list from both. (The bare sample: the whole sample comes with a request list.)"""
    sample_file = bare_sample_file
    from wcif_desktop.domain.errors import WcifError
    from wcif_desktop.services.review import add_request_list_from_template, export_request_list

    msgs = []
    for call in (lambda: export_request_list(sample_file, workdir / "清单 一.pdf"),
                 lambda: write_document(sample_file, "request-list", workdir / "清单 二.pdf"),
                 lambda: write_document(sample_file, "request-list", workdir / "清单 二.docx")):
        with pytest.raises(WcifError) as e:
            call()
        msgs.append(str(e.value))
    assert len(set(msgs)) == 1 and "资料清单为空" in msgs[0]
    add_request_list_from_template(sample_file)
    a = export_request_list(sample_file, workdir / "清单 一.pdf")
    b = write_document(sample_file, "request-list", workdir / "清单 二.pdf", record=False)
    assert _pdf_raw(a) == _pdf_raw(b)
    page = PdfReader(str(a)).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert all(h in _pdf_stream(a) for h in ("索取日期", "截止日期", "状态", "备注"))


@pytest.mark.slow
def test_no_pdf_line_starts_with_closing_punctuation(sample_file, sources, workdir):
    bad = []
    for kind in KINDS:
        pdf = write_document(sample_file, kind, workdir / f"{kind}.pdf", src=sources, record=False)
        for line in _pdf_raw(pdf).splitlines():
            s = line.strip()
            if s and s[0] in CLOSING:
                bad.append((kind, s[:30]))
    assert bad == []


def _sizes_and_footer(path, snippet: str):
    """(font size of the text run starting with ``snippet``, y of the page-number footers) of a PDF."""
    sizes, footer_y = set(), set()
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            t = text.strip()
            if t.startswith(snippet):
                sizes.add(round(size * (tm[3] or 1), 1))
            if re.fullmatch(r"—\s*\d+\s*—", t):
                footer_y.add(round(tm[5] * (cm[3] or 1) + cm[5], 1))
        page.extract_text(visitor_text=visit)
    return sizes, footer_y


def test_the_page_style_is_the_same_for_every_deliverable(sample_file, sources, workdir):
    """One PDF renderer: body paragraphs 16 pt (三号) and the page numbers at one height in the report and the
    work plan (the work plan's body was 14 pt and its numbers sat elsewhere)."""
    out = {}
    for kind in ("report-brief", "work-plan"):
        doc = build_document(sources, kind)
        first = next(p.text for p in doc.paragraphs() if p.style == "body" and len(p.text) > 30)
        pdf = write_document(sample_file, kind, workdir / f"{kind}.pdf", src=sources, record=False)
        out[kind] = _sizes_and_footer(pdf, first[:8])
    (size_r, foot_r), (size_p, foot_p) = out["report-brief"], out["work-plan"]
    assert size_r == size_p == {16.0}
    assert len(foot_r) == 1 and foot_r == foot_p


def test_the_disagreements_of_the_two_word_and_pdf_paths_are_gone(sample_file, sources, workdir):
    """What differed between the former Word and PDF reports, now one model: the principles of 财预〔2020〕10号
    (not the repealed 财预〔2011〕285号 wording), one score format, the brief report's 表1 and cover facts in Word."""
    from wcif_desktop.services.evaluation import load_snapshot

    ev = load_snapshot(sample_file).evaluation
    full = _docx_stream(write_document(sample_file, "report-full", workdir / "完整.docx", src=sources,
                                       record=False))[0]
    assert "科学公正、统筹兼顾、激励约束、公开透明" in full and "财预〔2020〕10号" in full
    assert "科学规范、公正公开、分级分类、绩效相关" not in full
    assert re.search(r"（分值\d+\.\d\d分，得分\d+\.\d\d分）", full)  # 3.00 分 in Word as in the PDF
    brief_docx = write_document(sample_file, "report-brief", workdir / "简版.docx", src=sources, record=False)
    text, _heads, tables = _docx_stream(brief_docx)
    assert "表1" in text and any(t[0] == ["一级指标", "分值", "得分", "得分率"] for t in tables)
    for fact in (ev.commissioner, ev.evaluated_unit, ev.agency):
        assert _squash(f"：{fact}") in text


def test_a_new_evaluation_has_no_year_zero_title(workdir):
    from wcif_desktop.services.evaluation import create_empty

    ef = create_empty(workdir / "新 评价.wcif", title="新评价", fiscal_year=0)
    try:
        src = load_sources(ef)
        for kind in (k for k in KINDS if k != "request-list"):
            doc = build_document(src, kind)
            assert not re.search(r"(^|\D)0 ?年", doc.title), (kind, doc.title)
        for kind in ("report-brief", "report-full"):
            out = write_document(ef, kind, workdir / f"{kind}.docx", record=False)
            assert "0年" not in _docx_stream(out)[0][:40]
    finally:
        ef.close()


def test_a_failing_service_is_an_error_not_a_missing_section(sample_path, workdir, monkeypatch):
    """The full report's extra data (plan, requests, survey, panel) used to be read under broad excepts: a bug in a
    service made the plan text and appendices vanish silently. Now the error reaches the caller."""
    from wcif_desktop.services import survey
    from wcif_desktop.services.report_file import build_report_file

    def broken(*a, **k):
        raise AttributeError("results_table is broken")

    monkeypatch.setattr(survey, "results_table", broken)
    out = workdir / "完整.pdf"
    with pytest.raises(AttributeError, match="broken"):
        build_report_file(sample_path, out, template="full", keep=False)
    assert not out.exists()


def test_the_renderer_reports_where_the_signing_block_landed(sources):
    """The 落款 is a block of the model; the PDF renderer says on which page and at which height it landed, so a
    seal can be placed there without searching the text (issue 17 builds on this)."""
    from wcif_desktop.render.pdf import render_pdf

    for kind in ("report-full", "letter"):
        doc = build_document(sources, kind)
        rendered = render_pdf(doc)
        (page_a, y_top), (page_b, y_bottom) = rendered.signing
        assert page_a == page_b and y_top > y_bottom
        reader = PdfReader(__import__("io").BytesIO(rendered.pdf))
        text = _squash(reader.pages[page_a - 1].extract_text())
        assert _squash(doc.signing.agency) in text and _squash(doc.signing.date) in text
        if kind == "report-full":  # the appendices follow the 落款: it is not on the last page
            assert page_a < len(reader.pages)


def test_the_archive_index_is_the_same_in_pdf_and_word(sample_file, workdir):
    """The tenth deliverable (归档目录), built by the archive from the files it wrote, rendered both ways."""
    from wcif_desktop.render.docx import render_docx
    from wcif_desktop.render.pdf import render_pdf
    from wcif_desktop.services.archive import archive_index
    from wcif_desktop.services.evaluation import load_snapshot

    folder = workdir / "归档 目录"
    (folder / "文档").mkdir(parents=True)
    written = write_document(sample_file, "work-plan", folder / "文档" / "工作方案.pdf", record=False)
    doc = archive_index(load_snapshot(sample_file), [(written, "0" * 64, "work-plan")], [], [], folder)
    pdf, word = workdir / "目录.pdf", workdir / "目录.docx"
    pdf.write_bytes(render_pdf(doc).pdf)
    word.write_bytes(render_docx(doc))
    _assert_same(doc, pdf, word, "archive-index")
