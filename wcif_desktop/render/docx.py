"""Word renderer: a :class:`~wcif_desktop.domain.document.Document` in, .docx bytes out (python-docx).

The same blocks as :mod:`wcif_desktop.render.pdf`, in the same order and with the same text; imports neither
services nor the store and opens no evaluation file.

What Word and WPS need to treat the file like a hand-made one:

- headings use the built-in styles ``Heading 1``–``Heading 3`` (style ids ``Heading1``… in our base document;
  whatever ids a firm template uses — a Chinese Word saves them as ``1``, ``2``, ``3`` — are found by name),
  each with an outline level, so the navigation pane and the TOC field see them;
- a real ``TOC \\o "1-3" \\h \\z \\u`` field, pre-filled with the headings and marked to update on open
  (``w:updateFields``), so page numbers appear when Word/WPS opens the file;
- A4 with the GB/T 9704-2012 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) and a ``PAGE`` field
  in the footers (``— 1 —``, outer side: right on odd pages, left on even ones);
- Chinese fonts set through ``w:eastAsia`` (theme fonts removed, since a theme attribute would win): body 仿宋
  16 pt (3号), level-1 headings 黑体, level-2 楷体, level-3 仿宋 bold, title 宋体 22 pt (2号); Latin text
  Times New Roman.

Raises :class:`~wcif_desktop.domain.errors.ReportError` when the target cannot be written.
"""

from __future__ import annotations

import io
import weakref
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..domain.document import BodyStart, Cover, Document, Figure, Heading, PageBreak, Para, Signing, Table, Toc
from ..domain.errors import QT_TRANSLATE_NOOP, ReportError
from ..domain.progress import NO_PROGRESS, Progress, check

DocOutline = Document

BODY_FONT = "仿宋"
HEI_FONT = "黑体"
KAI_FONT = "楷体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
BODY_PT = 16  # 3号
TABLE_PT = 10.5  # 5号
TITLE_PT = 22  # 2号

HEADING_FONTS = {1: (HEI_FONT, False), 2: (KAI_FONT, False), 3: (BODY_FONT, True), 4: (BODY_FONT, False)}


# ---------------------------------------------------------------------------------------------- fonts/styles
def set_run_fonts(rpr_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set ``w:rFonts`` (ascii/hAnsi/cs = ``latin``, eastAsia = ``east_asia``) on a style or run, removing
    theme-font attributes that would otherwise override the names."""
    rpr = rpr_owner.element.get_or_add_rPr() if hasattr(rpr_owner, "element") else rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _set_outline_level(style, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    lvl = ppr.find(qn("w:outlineLvl"))
    if lvl is None:
        lvl = OxmlElement("w:outlineLvl")
        ppr.append(lvl)
    lvl.set(qn("w:val"), str(level - 1))


def _strip_default_theme_fonts(doc) -> None:
    styles = doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts.get(qn(attr)) is not None:
                del fonts.attrib[qn(attr)]
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for a, v in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:cs", LATIN_FONT),
                         ("w:eastAsia", BODY_FONT)):
                fonts.set(qn(a), v)
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                rpr.append(lang)
            lang.set(qn("w:eastAsia"), "zh-CN")


def heading_style(doc, level: int):
    """The document's ``Heading N`` style, found by name (any style id), added if the document lacks it."""
    name = f"Heading {level}"
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        face, bold = HEADING_FONTS[level]
        set_run_fonts(style, face)
        style.font.size = Pt(BODY_PT)
        style.font.bold = bold
    _set_outline_level(style, level)
    return style


def apply_house_styles(doc) -> None:
    """Set the GB/T 9704-style fonts and sizes on the base document's styles (not used on firm templates)."""
    _strip_default_theme_fonts(doc)
    normal = doc.styles["Normal"]
    set_run_fonts(normal, BODY_FONT)
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    for level in (1, 2, 3, 4):
        st = heading_style(doc, level)
        face, bold = HEADING_FONTS[level]
        set_run_fonts(st, face)
        st.font.size = Pt(BODY_PT)
        st.font.bold = bold
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(0)
        st.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        st.paragraph_format.line_spacing = Pt(28)
        st.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        st.paragraph_format.keep_with_next = True
    for name, face, size in (("Title", TITLE_FONT, TITLE_PT), ("Subtitle", KAI_FONT, BODY_PT)):
        st = doc.styles[name]
        set_run_fonts(st, face)
        st.font.size = Pt(size)
        st.font.bold = name == "Title"
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        st.paragraph_format.space_after = Pt(12)
        ppr = st.element.get_or_add_pPr()
        for bdr in ppr.findall(qn("w:pBdr")):  # the default Title has a blue bottom border
            ppr.remove(bdr)


def setup_page(doc, wide: bool = False) -> None:
    """A4 (portrait, or landscape when ``wide``) with GB/T 9704 margins on every section."""
    for section in doc.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if wide else (Mm(210), Mm(297))
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance, section.footer_distance = Mm(15), Mm(20)


def _field_runs(paragraph, instr: str, placeholder: str = "") -> None:
    def fld(kind):
        r = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        r._r.append(el)
        return r

    fld("begin")
    r = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r._r.append(it)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _number_footers(section) -> None:
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.text = ""
        p.alignment = align
        p.paragraph_format.first_line_indent = Pt(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(14)
        else:
            p.paragraph_format.left_indent = Pt(14)
        p.add_run("— ")
        _field_runs(p, "PAGE", "1")
        p.add_run(" —")
        for r in p.runs:
            r.font.size = Pt(14)
            set_run_fonts(r, BODY_FONT)


def _blank_footers(section) -> None:
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
        for p in footer.paragraphs:
            for r in list(p.runs):
                r._r.getparent().remove(r._r)


def add_page_number_footer(doc) -> None:
    """Footers ``— PAGE —`` in 4号 (14 pt), at the outer side one character in: right on odd pages, left on even
    ones (GB/T 9704-2012 as a guide; odd/even footers switched on in the settings)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        _number_footers(section)


def start_body_section(doc) -> None:
    """A new section on a new page where the body starts: the sections before it lose their page numbers, the
    new one is numbered from 1 (``w:pgNumType w:start="1"``)."""
    from docx.enum.section import WD_SECTION

    new = doc.add_section(WD_SECTION.NEW_PAGE)
    for section in doc.sections[:-1]:
        _blank_footers(section)
    _number_footers(new)
    sect_pr = new._sectPr
    num = sect_pr.find(qn("w:pgNumType"))
    if num is None:
        num = OxmlElement("w:pgNumType")
        sect_pr.append(num)
    num.set(qn("w:start"), "1")


def _enable_update_fields(doc) -> None:
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.append(el)
    el.set(qn("w:val"), "true")


def base_document(wide: bool = False):
    """A new python-docx Document with the house styles, A4 page and page-number footer."""
    from docx import Document as new_document

    doc = new_document()
    apply_house_styles(doc)
    setup_page(doc, wide)
    add_page_number_footer(doc)
    return doc


# ---------------------------------------------------------------------------------------------- blocks
def _usable_width(doc):
    s = doc.sections[-1]
    return s.page_width - s.left_margin - s.right_margin


_STYLE_IDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # document part -> {style key: style id}


def _add_paragraph(doc, text: str = "", style=None):
    """``doc.add_paragraph(text, style)`` with the paragraph style's id looked up once per document (python-docx
    searches the style list and its default style by XPath on every assignment, ~1.5 ms a paragraph)."""
    p = doc.add_paragraph(text)
    if style is not None:
        ids = _STYLE_IDS.setdefault(doc.part, {})
        key = style if isinstance(style, str) else id(style.element)
        if key not in ids:
            ids[key] = (doc.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH),
                        style if not isinstance(style, str) else None)  # keeps the element alive with its id
        p._p.style = ids[key][0]  # noqa: SLF001 - what Paragraph.style's setter does with the looked-up id
    return p


def _para(doc, block: Para):
    style = {"title": "Title", "subtitle": "Subtitle"}.get(block.style, "Normal")
    p = _add_paragraph(doc, style=style)
    run = p.add_run(block.text)
    if block.bold:
        run.bold = True
    pf = p.paragraph_format
    if block.style == "body":
        pf.first_line_indent = Pt(BODY_PT * 2)
    elif block.style in ("plain", "note"):
        pf.first_line_indent = Pt(0)
    elif block.style == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.style == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.style == "note":
        run.font.size = Pt(12)
        pf.first_line_indent = Pt(0)
    return p


def _cover(doc, block: Cover, sections: bool) -> None:
    for _ in range(4):
        doc.add_paragraph().paragraph_format.first_line_indent = Pt(0)
    _add_paragraph(doc, block.title, style="Title")
    doc.add_paragraph().paragraph_format.first_line_indent = Pt(0)
    for line in [*block.lines, *([""] if block.date else []), *([block.date] if block.date else [])]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        if line:
            p.add_run(line)
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)


def _signing(doc, block: Signing) -> None:
    doc.add_paragraph().paragraph_format.first_line_indent = Pt(0)
    for line in (block.agency, block.date):
        if line:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.first_line_indent = Pt(0)
            p.add_run(line)


def figure_png(block: Figure, dpi: int = 150) -> bytes:
    """The chart drawn by the PDF renderer's chart code, rasterized to PNG: reportlab writes the drawing as a
    one-page PDF (vector), pdfium (a dependency already, for the preview) renders it."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    from . import pdf

    document = pdfium.PdfDocument(renderPDF.drawToString(pdf._figure(block)))
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _figure(doc, block: Figure) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.add_run().add_picture(io.BytesIO(figure_png(block)), width=Mm(150))


def _cell_text(cell, text: str, *, bold=False, align=None, size=TABLE_PT):
    cell.text = ""
    lines = (text or "").split("\n")
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        pf = p.paragraph_format
        pf.first_line_indent = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if align is not None:
            p.alignment = align
        r = p.add_run(line)
        r.font.size = Pt(size)
        r.bold = bold or None


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _table(doc, block: Table):
    if block.caption:
        cap = doc.add_paragraph()
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.first_line_indent = Pt(0)
        r = cap.add_run(block.caption)
        r.bold = True
        r.font.size = Pt(12)
    t = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
    try:
        t.style = doc.styles["Table Grid"]
    except KeyError:
        pass
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = block.widths or [1] * len(block.header)
    total = sum(widths)
    usable = _usable_width(doc)
    col_w = [int(usable * w / total) for w in widths]
    # the cell grid once (Table.rows[i].cells rebuilds the whole table's grid on every call); nothing is merged yet
    ncols = len(block.header)
    grid = t._cells  # noqa: SLF001
    rows_cells = [grid[r * ncols:(r + 1) * ncols] for r in range(1 + len(block.rows))]
    for j, h in enumerate(block.header):
        _cell_text(rows_cells[0][j], h, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(t.rows[0])
    for i, row in enumerate(block.rows, start=1):
        cells = rows_cells[i]
        for j, value in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.RIGHT if j in block.numeric else None
            _cell_text(cells[j], value, align=align, bold=(i - 1) in block.bold_rows)
    for cells in rows_cells:
        for j, cell in enumerate(cells):
            cell.width = col_w[j]
    for col, first, last in block.merged_runs():
        merged = t.cell(first + 1, col).merge(t.cell(last + 1, col))
        _cell_text(merged, block.rows[first][col])
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # a blank line after the table keeps the next paragraph from sticking to it
    doc.add_paragraph().paragraph_format.first_line_indent = Pt(0)
    return t


def _toc(doc, block: Toc, headings: list[Heading]):
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    r = title.add_run(block.title)
    r.bold = True
    set_run_fonts(r, HEI_FONT)
    entries = [h for h in headings if h.in_toc and h.level <= block.levels] or [Heading(1, "（无标题）")]
    # The field result is pre-filled with the headings (no page numbers yet); Word/WPS refresh it on open.
    paragraphs = []
    for h in entries:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.left_indent = Pt(BODY_PT * (h.level - 1))
        paragraphs.append((p, h))
    first, last = paragraphs[0][0], paragraphs[-1][0]

    def fld(p, kind):
        r = p.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        r._r.append(el)

    fld(first, "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f' TOC \\o "1-{block.levels}" \\h \\z \\u '
    first.add_run()._r.append(it)
    fld(first, "separate")
    for p, h in paragraphs:
        p.add_run(h.label)
    fld(last, "end")
    _enable_update_fields(doc)


def write_blocks(doc, outline: DocOutline, progress: Progress = NO_PROGRESS, *, sections: bool = True) -> None:
    """Append the outline's blocks to a python-docx Document (base document or rendered firm template).

    ``sections``: a :class:`BodyStart` opens a new section numbered from 1; with ``False`` (a firm template,
    whose sections and footers are its own) it is a plain page break.
    """
    headings = list(outline.headings())
    h_styles = {level: heading_style(doc, level) for level in (1, 2, 3, 4)}
    n = len(outline.blocks)
    for i, b in enumerate(outline.blocks):
        if i % 20 == 0:
            check(progress)
            progress.set(i, n, "写入 Word 文档")
        if isinstance(b, Heading):
            _add_paragraph(doc, b.label, style=h_styles[min(max(b.level, 1), 4)])
        elif isinstance(b, Cover):
            _cover(doc, b, sections)
        elif isinstance(b, Signing):
            _signing(doc, b)
        elif isinstance(b, Figure):
            _figure(doc, b)
        elif isinstance(b, Para):
            _para(doc, b)
        elif isinstance(b, Table):
            _table(doc, b)
        elif isinstance(b, PageBreak):
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(0)
            p.add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, Toc):
            _toc(doc, b, headings)
        elif isinstance(b, BodyStart):
            if sections:
                start_body_section(doc)
            else:
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(0)
                p.add_run().add_break(WD_BREAK.PAGE)
        else:  # pragma: no cover - outline types are closed
            raise TypeError(f"unknown block {b!r}")
    progress.set(n, n, "写入 Word 文档")


def set_properties(doc, outline: DocOutline) -> None:
    cp = doc.core_properties
    cp.title = outline.title
    cp.author = outline.author or ""
    cp.subject = outline.kind
    cp.language = "zh-CN"


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def add_mark_header(doc, mark: str) -> None:
    """The draft mark (草稿 / 征求意见稿) in the header of every section, odd, even and first pages alike."""
    if not mark:
        return
    from docx.shared import RGBColor

    for section in doc.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            header.is_linked_to_previous = False
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.first_line_indent = Pt(0)
            r = p.add_run(mark)
            r.bold = True
            r.font.size = Pt(14)
            r.font.color.rgb = RGBColor(0xC0, 0, 0)
            set_run_fonts(r, HEI_FONT)


def render_docx(outline: Document, progress: Progress = NO_PROGRESS) -> bytes:
    """``outline`` as .docx bytes with the house styles.

    Raises:
        Cancelled: ``progress`` asked to stop.
    """
    doc = base_document(outline.landscape)
    write_blocks(doc, outline, progress)
    add_mark_header(doc, outline.mark)
    set_properties(doc, outline)
    return to_bytes(doc)


def save(doc, out: Path) -> Path:
    """Save atomically: write to memory, then to ``out`` (parent folders created).

    Raises:
        ReportError: the file cannot be written (open in Word, read-only folder …).
    """
    out = Path(out)
    buf = io.BytesIO()
    doc.save(buf)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(buf.getvalue())
        tmp.replace(out)
    except OSError as e:
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入 Word 文件 {path}：{reason}（文件是否已在 Word/WPS 中打开？）"),
                          path=out, reason=e) from e
    return out


def write_docx(outline: DocOutline, out: Path, progress: Progress = NO_PROGRESS) -> Path:
    """Write ``outline`` to ``out`` (.docx) with the house styles. Returns ``out``.

    Raises:
        ReportError: the target cannot be written.
        Cancelled: ``progress`` asked to stop (nothing written).
    """
    from .output import write_atomically

    return write_atomically(render_docx(outline, progress), Path(out))


__all__ = [
    "add_mark_header",
    "apply_house_styles",
    "base_document",
    "render_docx",
    "to_bytes",
    "heading_style",
    "save",
    "set_properties",
    "set_run_fonts",
    "write_blocks",
    "write_docx",
]
