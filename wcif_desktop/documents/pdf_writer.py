"""PDF writer for a :class:`~wcif_desktop.documents.outline.DocOutline` (reportlab platypus).

Used for the documents of this package (work plan, letter, request list, problem list, summary …); the signed
evaluation report itself is written by :mod:`wcif_desktop.report.build`. Fonts come from
:func:`wcif_desktop.report.fonts.register_fonts` (仿宋 body, 黑体 level-1 headings, 楷体 level-2), A4 with
the GB/T 9704 margins, ``— n —`` page numbers, a 目录 with page numbers (two-pass build) and PDF bookmarks
for the headings. User text is escaped before it reaches reportlab's paragraph markup.

Raises :class:`~wcif_desktop.domain.errors.ReportError` when a character has no glyph in any font (naming
it) or the file cannot be written.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tableofcontents import TableOfContents

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..report.fonts import describe_chars, missing_glyphs, register_fonts
from .outline import BodyStart, DocOutline, Heading, PageBreak, Para, Table, Toc

BODY_PT = 14
LEADING = 24


class _Doc(BaseDocTemplate):
    def __init__(self, buf, outline: DocOutline, fonts, progress: Progress):
        super().__init__(buf, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                         bottomMargin=35 * mm, title=outline.title, author=outline.author, subject=outline.kind,
                         lang="zh-CN", initialFontName=fonts.body, initialFontSize=12)
        self._fonts = fonts
        self._progress = progress
        self._heading_seq = 0
        self.body_start: int | None = None  # physical page where BodyStart fell (numbering starts there)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._footer)])

    def beforeDocument(self):
        self.body_start = None

    def number(self, page: int) -> int | None:
        """The printed page number of physical page ``page`` (``None`` before the body)."""
        if self.body_start is None:
            return page if not self._has_body_start else None
        return page - self.body_start + 1 if page >= self.body_start else None

    def _footer(self, canvas, doc):
        """``— n —`` in 4号 (14 pt) at the outer side, one character in: right on odd, left on even pages
        (GB/T 9704-2012 as a guide, as the report does)."""
        n = self.number(doc.page)
        if n is None:
            return
        canvas.saveState()
        canvas.setFont(self._fonts.body, 14)
        text, y = f"— {n} —", 18 * mm
        if n % 2:
            canvas.drawRightString(A4[0] - self.rightMargin - 14, y, text)
        else:
            canvas.drawString(self.leftMargin + 14, y, text)
        canvas.restoreState()

    def afterFlowable(self, flowable):
        if getattr(flowable, "_wcif_body_start", False):
            self.body_start = self.page
            return
        level = getattr(flowable, "_wcif_level", None)
        if level is None:
            return
        text = flowable.getPlainText()
        key = flowable._wcif_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level - 1, closed=level > 1)
        self.notify("TOCEntry", (level - 1, text, self.number(self.page) or self.page, key))


def _styles(fonts):
    base = dict(fontName=fonts.body, fontSize=BODY_PT, leading=LEADING, wordWrap="CJK")
    return {
        "body": ParagraphStyle("body", firstLineIndent=BODY_PT * 2, alignment=TA_JUSTIFY, **base),
        "plain": ParagraphStyle("plain", alignment=TA_LEFT, **base),
        "center": ParagraphStyle("center", alignment=TA_CENTER, **base),
        "right": ParagraphStyle("right", alignment=TA_RIGHT, **base),
        "note": ParagraphStyle("note", fontName=fonts.body, fontSize=11, leading=17, wordWrap="CJK"),
        "title": ParagraphStyle("title", fontName=fonts.body, fontSize=20, leading=30, alignment=TA_CENTER,
                                spaceAfter=12, wordWrap="CJK"),
        "subtitle": ParagraphStyle("subtitle", fontName=fonts.kai, fontSize=BODY_PT, leading=LEADING,
                                   alignment=TA_CENTER, wordWrap="CJK"),
        1: ParagraphStyle("h1", fontName=fonts.heading, fontSize=BODY_PT + 1, leading=LEADING, spaceBefore=6,
                          firstLineIndent=BODY_PT * 2, keepWithNext=1, wordWrap="CJK"),
        2: ParagraphStyle("h2", fontName=fonts.kai, fontSize=BODY_PT, leading=LEADING, spaceBefore=4,
                          firstLineIndent=BODY_PT * 2, keepWithNext=1, wordWrap="CJK"),
        3: ParagraphStyle("h3", fontName=fonts.body, fontSize=BODY_PT, leading=LEADING,
                          firstLineIndent=BODY_PT * 2, keepWithNext=1, wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=fonts.body, fontSize=9.5, leading=13, wordWrap="CJK"),
        "cellhead": ParagraphStyle("cellhead", fontName=fonts.heading, fontSize=9.5, leading=13,
                                   alignment=TA_CENTER, wordWrap="CJK"),
        "cellnum": ParagraphStyle("cellnum", fontName=fonts.body, fontSize=9.5, leading=13, alignment=TA_RIGHT,
                                  wordWrap="CJK"),
        "tocheading": ParagraphStyle("toch", fontName=fonts.heading, fontSize=16, leading=28,
                                     alignment=TA_CENTER),
    }


_FONTS = None


def _markup(text: str, font: str) -> str:
    """Escaped paragraph markup of ``text``; runs of characters ``font`` lacks (e.g. digits in the bundled
    黑体 substitute) switch to a font of the set that has them."""
    fonts = _FONTS
    out: list[str] = []
    run, run_font = "", font
    for ch in text or "":
        f = font if fonts is None or ch == "\n" else (fonts.fallback_for(ch, font) or font)
        if f != run_font and run:
            out.append(escape(run) if run_font == font else f'<font name="{run_font}">{escape(run)}</font>')
            run = ""
        run_font = f
        run += ch
    if run:
        out.append(escape(run) if run_font == font else f'<font name="{run_font}">{escape(run)}</font>')
    return "".join(out).replace("\n", "<br/>")


def _p(text: str, style) -> Paragraph:
    return Paragraph(_markup(text, style.fontName), style)


def _table(block: Table, st, width) -> list:
    out = []
    if block.caption:
        out.append(_p(block.caption, st["center"]))
    runs = block.merged_runs()
    hidden = {(col, r) for col, first, last in runs for r in range(first + 1, last + 1)}
    data = [[_p(h, st["cellhead"]) for h in block.header]]
    for i, row in enumerate(block.rows):
        data.append([_p("" if (j, i) in hidden else v, st["cellnum"] if j in block.numeric else st["cell"])
                     for j, v in enumerate(row)])
    widths = block.widths or [1] * len(block.header)
    total = sum(widths)
    t = RLTable(data, colWidths=[width * w / total for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), _FONTS.body, 10),  # else reportlab opens each cell in unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ] + [("SPAN", (col, first + 1), (col, last + 1)) for col, first, last in runs]))
    out += [t, Spacer(1, 6)]
    return out


def _story(outline: DocOutline, st, width, fonts, progress: Progress) -> list:
    story: list = []
    seq = 0
    n = len(outline.blocks)
    for i, b in enumerate(outline.blocks):
        if i % 20 == 0:
            check(progress)
            progress.set(i, n, "排版 PDF")
        if isinstance(b, Heading):
            level = min(max(b.level, 1), 3)
            para = _p(b.text, st[level])
            seq += 1
            para._wcif_level = level
            para._wcif_key = f"h{seq}"
            story.append(para)
        elif isinstance(b, Para):
            style = st.get(b.style, st["body"])
            text = _markup(b.text, style.fontName)
            if b.bold:
                text = f"<b>{text}</b>"
            story.append(Paragraph(text, style))
        elif isinstance(b, Table):
            story.extend(_table(b, st, width))
        elif isinstance(b, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(b, BodyStart):
            marker = Spacer(0, 0)
            marker._wcif_body_start = True
            story += [RLPageBreak(), marker]
        elif isinstance(b, Toc):
            toc = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([
                ("FONT", (0, 0), (-1, -1), fonts.body, 12),  # the TOC is a table: no unembedded Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            toc.levelStyles = [
                ParagraphStyle(f"toc{lv}", fontName=fonts.body, fontSize=12, leading=20, leftIndent=14 * lv,
                               wordWrap="CJK") for lv in range(max(b.levels, 1))]
            story += [_p(b.title, st["tocheading"]), Spacer(1, 8), toc]
    return story


def write_pdf(outline: DocOutline, out: Path, progress: Progress = NO_PROGRESS) -> Path:
    """Write ``outline`` as a PDF to ``out``. Returns ``out``.

    Raises:
        ReportError: a character no report font covers (named with its code point), or ``out`` not writable.
        Cancelled: ``progress`` asked to stop (nothing written).
    """
    global _FONTS
    fonts = register_fonts()
    _FONTS = fonts
    missing = missing_glyphs(outline.text(), fonts)
    if missing:
        raise ReportError(QT_TRANSLATE_NOOP("core", "以下字符在报告字体中没有字形，无法写入 PDF：{chars}"),
                          chars=describe_chars(missing))
    buf = io.BytesIO()
    doc = _Doc(buf, outline, fonts, progress)
    doc._has_body_start = any(isinstance(b, BodyStart) for b in outline.blocks)
    st = _styles(fonts)
    story = _story(outline, st, doc.width, fonts, progress)
    if any(isinstance(b, Toc) for b in outline.blocks):
        doc.multiBuild(story)
    else:
        doc.build(story)
    check(progress)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(buf.getvalue())
        tmp.replace(out)
    except OSError as e:
        raise ReportError(QT_TRANSLATE_NOOP("core", "无法写入 PDF 文件 {path}：{reason}（文件是否已在其他程序中打开？）"),
                          path=out, reason=e) from e
    progress.set(1, 1, "PDF 已写入")
    return out


__all__ = ["write_pdf"]
