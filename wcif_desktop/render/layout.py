"""Page layout of a report (GB/T 9704-2012 as a guide, shared/DOMAIN.md §7) and the story writer.

- A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (text block 156 × 225 mm).
- Cover and 目录 pages carry no page number; the body is numbered from 1 as “— N —” (4号, 14 pt) at the
  outer side of the page (right on odd pages, left on even ones).
- Headings become PDF outline bookmarks; the 目录 lists the headings marked ``toc`` with the page they are
  on (found by laying the report out twice, see :func:`render`).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError
from ..domain.progress import NO_PROGRESS, Progress, check
from .flowables import CJKParagraph, Heading, Marker, TextCollector, TextStyle, TOCLine
from .fonts import FontSet, describe_chars, missing_glyphs

PAGE_W, PAGE_H = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

BODY_SIZE = 16.0  # 三号
BODY_LEADING = 28.9  # 22 lines in the 225 mm text block
TABLE_SIZE = 10.5  # 五号
TABLE_LEADING = 15.5


@dataclass(frozen=True)
class Styles:
    title: TextStyle
    subtitle: TextStyle
    body: TextStyle
    h1: TextStyle
    h2: TextStyle
    h3: TextStyle
    toc: TextStyle
    cell: TextStyle
    cell_head: TextStyle
    cell_num: TextStyle
    signoff: TextStyle
    caption: TextStyle


def make_styles() -> Styles:
    body = TextStyle("body", BODY_SIZE, BODY_LEADING, first_indent=2)
    cell = TextStyle("body", TABLE_SIZE, TABLE_LEADING, first_indent=0, align="left")
    return Styles(
        title=TextStyle("heading", 22, 36, first_indent=0, align="center", space_after=14),
        subtitle=TextStyle("body", BODY_SIZE, BODY_LEADING, first_indent=0, align="center"),
        body=body,
        h1=body.with_(role="heading"),
        h2=body.with_(role="kai"),
        h3=body,
        toc=TextStyle("body", 14, 22, first_indent=0, align="left"),  # 四号; 30 entries fit one page
        cell=cell,
        cell_head=cell.with_(role="heading", align="center"),
        cell_num=cell.with_(align="right"),
        signoff=body.with_(first_indent=0, align="right", space_before=BODY_LEADING),
        caption=cell.with_(role="heading", size=12, leading=20, align="center", space_before=6, space_after=4),
    )


@dataclass
class HeadingPos:
    key: str
    level: int
    text: str
    page: int  # logical page (body page 1 = first body page)
    toc: bool


class _InfoWithSigning(PDFInfo):
    """Document information with the 落款's box (``/WCIFSigning``), see :meth:`ReportDoc._record_signing_box`."""

    signing = ""

    def format(self, document):
        text = super().format(document)
        if not self.signing:
            return text
        extra = PDFDictionary({"WCIFSigning": PDFString(self.signing)}).format(document)
        # merge the two dictionaries: drop the closing ">>" of the first and the opening "<<" of the second
        return text.rstrip()[:-2] + extra.lstrip()[2:]


def signing_box_of(pdf: bytes) -> tuple[int, tuple[float, float, float, float]] | None:
    """(0-based page index, (x1, y1, x2, y2)) of the 落款 as the renderer recorded it, ``None`` when the PDF
    holds no such record (not made by this renderer, or a document without a signing block)."""
    import io as _io

    try:  # pyHanko's reader: loaded for signing anyway (pypdf would add ~0.2 s of imports)
        from pyhanko.pdf_utils.reader import PdfFileReader

        info = PdfFileReader(_io.BytesIO(pdf)).trailer_view.get("/Info")
        info = info.get_object() if info is not None else {}
        parts = str(info.get("/WCIFSigning") or "").split()
        if len(parts) != 5:
            return None
        return int(parts[0]), tuple(float(v) for v in parts[1:])
    except Exception:  # noqa: BLE001 - a damaged or foreign PDF: no record
        return None


class ReportDoc(BaseDocTemplate):
    """The page templates (cover, front matter, body) and heading bookkeeping."""

    def __init__(self, buf, fonts: FontSet, *, title: str, author: str, subject: str,
                 progress: Progress = NO_PROGRESS, total_flowables: int = 0, dry_run: bool = False,
                 wide: bool = False, first_template: str = "cover", mark: str = "", keywords: str = ""):
        self.page_w, self.page_h = landscape(A4) if wide else A4
        super().__init__(buf, pagesize=(self.page_w, self.page_h), leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                         subject=subject, creator="WCIF Desktop", lang="zh-CN", keywords=keywords,
                         initialFontName=fonts.body, initialFontSize=BODY_SIZE)
        self.fonts = fonts
        self.mark = mark
        self.dry_run = dry_run  # lay out only (find the headings' pages): draw no text, write no file
        if dry_run:
            self._doSave = 0
        self.progress = progress
        self.total_flowables = max(total_flowables, 1)
        self.flowables_done = 0
        self.body_start: int | None = None
        self.headings: list[HeadingPos] = []
        self.signing: list[tuple[int, float]] = []
        self.signing_box: tuple[int, float, float, float, float] | None = None
        self._signoff_width = 0.0
        self._outline_level = -1  # (physical page, y) at the start and end of the 落款
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, self.page_w - MARGIN_LEFT - MARGIN_RIGHT,
                      self.page_h - MARGIN_TOP - MARGIN_BOTTOM, id="text", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate("cover", [frame], onPage=self._mark_page),
            PageTemplate("front", [frame], onPage=self._mark_page),
            PageTemplate("body", [frame], onPage=self._body_page),
        ]
        templates.sort(key=lambda t: t.id != first_template)  # the first page's template comes first
        self.addPageTemplates(templates)

    def _record_signing_box(self) -> None:
        """Write where the 落款 (agency and date) was drawn into the PDF's document information as
        ``/WCIFSigning`` (``page x1 y1 x2 y2``: 0-based page index, box in points), so a signer places the seal
        there without searching the text (:func:`signing_box_of`)."""
        (p0, y0), (p1, y1) = self.signing[0], self.signing[-1]
        top = (y0 - BODY_LEADING) if p0 == p1 else (self.page_h - MARGIN_TOP)
        x2 = self.page_w - MARGIN_RIGHT
        x1 = x2 - max(self._signoff_width, 4 * BODY_SIZE)
        self.signing_box = (p1 - 1, x1, y1, x2, top)
        info = self.canv._doc.info
        box = " ".join(f"{v:.2f}" for v in self.signing_box[1:])
        anchor = f"{self.signing_box[0]} {box}"
        if not isinstance(info, _InfoWithSigning):  # the document already references this very object
            info.__class__ = _InfoWithSigning
        info.signing = anchor

    def _makeCanvas(self, *a, **kw):  # noqa: N802 - reportlab API
        canv = super()._makeCanvas(*a, **kw)
        canv._wcif_dry_run = self.dry_run
        return canv

    def logical_page(self, physical: int) -> int:
        return physical - (self.body_start or 1) + 1

    def _mark_page(self, canv, doc=None):
        """The draft mark (草稿 / 征求意见稿) on every page, boxed in red in the header's right corner (text, so a
        reader and a test find it on every page; no diagonal watermark, which would break the body's text
        into pieces for search and copy)."""
        if not self.mark:
            return
        canv.saveState()
        canv.setFont(self.fonts.heading, 14)
        w = canv.stringWidth(self.mark, self.fonts.heading, 14)
        x2, y = self.page_w - MARGIN_RIGHT, self.page_h - MARGIN_TOP + 12 * mm
        canv.setStrokeColorRGB(0.75, 0, 0)
        canv.setFillColorRGB(0.75, 0, 0)
        canv.setLineWidth(0.8)
        canv.rect(x2 - w - 8, y - 5, w + 8, 20, stroke=1, fill=0)
        canv.drawRightString(x2 - 4, y, self.mark)
        canv.restoreState()

    def _body_page(self, canv, doc):
        self._mark_page(canv, doc)
        page = canv.getPageNumber()
        if self.body_start is None:
            self.body_start = page
        n = self.logical_page(page)
        text = f"— {n} —"
        canv.saveState()
        canv.setFont(self.fonts.body, 14)
        y = MARGIN_BOTTOM - 7 * mm - 10
        if n % 2:  # odd: right, one character in from the text block's edge
            canv.drawRightString(self.page_w - MARGIN_RIGHT - 14, y, text)
        else:
            canv.drawString(MARGIN_LEFT + 14, y, text)
        canv.restoreState()

    def afterFlowable(self, flowable):  # noqa: N802 - reportlab API
        self.flowables_done += 1
        if self.flowables_done % 20 == 0:
            check(self.progress)
        if isinstance(flowable, Marker) and flowable.name == "signoff":
            self.signing = [(self.canv.getPageNumber(), self.frame._y)]
            self._signoff_width = float(flowable.data or 0)
        if isinstance(flowable, Marker) and flowable.name == "signoff-end" and self.signing:
            self.signing.append((self.canv.getPageNumber(), self.frame._y))
            self._record_signing_box()
        if isinstance(flowable, Heading) and flowable._first:
            page = self.logical_page(self.canv.getPageNumber())
            self.headings.append(HeadingPos(flowable.key, flowable.level, flowable.text, page, flowable.toc))
            self.canv.bookmarkPage(flowable.key)
            # PDF outlines cannot skip a level (一、 then 1. without （一）): nest one below the previous at most
            level = min(flowable.level, self._outline_level + 1)
            self._outline_level = level
            self.canv.addOutlineEntry(flowable.text, flowable.key, level=level, closed=False)


class Writer:
    """Builds the flowables of one report from plain text (never markup) and remembers every text, so
    glyph coverage can be checked before writing. Headings get stable keys h1, h2 … in story order."""

    def __init__(self, fonts: FontSet, styles: Styles | None = None, text_width: float = TEXT_W):
        self.fonts = fonts
        self.text_width = text_width
        self.st = styles or make_styles()
        self.story: list = []
        self.collector = TextCollector()
        self.where: list[tuple[str, str]] = []  # (section heading, text) for error messages
        self._section = "封面"
        self._keys = itertools.count(1)
        self.toc_headings: list[Heading] = []

    def _note(self, text: str) -> str:
        self.where.append((self._section, text))
        return self.collector.add(text)

    def add(self, flowable) -> None:
        self.story.append(flowable)

    def para(self, text: str, style: TextStyle | None = None) -> None:
        """One or more paragraphs (a line break in the text starts a new paragraph; empty lines skipped)."""
        style = style or self.st.body
        for part in (text or "").splitlines() or [""]:
            part = part.strip()
            if part:
                self.story.append(CJKParagraph(self._note(part), style, self.fonts))

    def heading(self, text: str, level: int, toc: bool | None = None, style: TextStyle | None = None) -> Heading:
        if style is None:
            style = (self.st.h1, self.st.h2, self.st.h3, self.st.h3)[min(level, 3)]
        if level == 0:
            self._section = text
        h = Heading(self._note(text), style, self.fonts, level, f"h{next(self._keys)}",
                    toc=(level <= 1) if toc is None else toc)
        # Keep a heading (or a run of headings) with at least three lines of what follows: one conditional
        # page break before the run, grown for every heading of the run.
        need = style.leading * max(1, len(text) // 26 + 1) + style.space_before + style.space_after
        k = len(self.story) - 1
        while k >= 0 and isinstance(self.story[k], Heading):
            k -= 1
        if k >= 0 and k < len(self.story) - 1 and isinstance(self.story[k], CondPageBreak):
            self.story[k].height += need
        else:
            self.story.append(CondPageBreak(need + 3 * self.st.body.leading))
        self.story.append(h)
        if h.toc:
            self.toc_headings.append(h)
        return h

    def cell(self, text, style: TextStyle | None = None) -> list:
        text = "" if text is None else str(text)
        return [CJKParagraph(self._note(text), style or self.st.cell, self.fonts)]

    def table(self, header: list[str], rows: list[list], widths: list[float], *, numeric: set[int] = frozenset(),
              caption: str | None = None, bold_rows: set[int] = frozenset(),
              merged: list[tuple[int, int, int]] = ()) -> None:
        """A ruled table whose header repeats on every page; long cells continue on the next page.

        ``widths`` are fractions of the text width (they are scaled to sum to 1); ``numeric`` columns are
        right-aligned; ``bold_rows`` (indexes into ``rows``) use the heading font (e.g. 合计); ``merged``:
        (column, first row, last row) runs over ``rows`` drawn as one cell holding the first row's text.
        """
        total = sum(widths)
        col_w = [self.text_width * w / total for w in widths]
        merged = self._fit_runs(rows, col_w, merged, numeric)  # [] when a single row is taller than a page
        hidden = {(r, col) for col, first, last in merged for r in range(first + 1, last + 1)}
        if caption:  # keep the caption with the header and the first rows
            self.story.append(CondPageBreak(self.st.caption.leading + 4 * self.st.cell.leading + 20))
            self.story.append(CJKParagraph(self._note(caption), self.st.caption, self.fonts))
        data = [[self.cell(h, self.st.cell_head) for h in header]]
        for r, row in enumerate(rows):
            cells = []
            for c, v in enumerate(row):
                st = self.st.cell_num if c in numeric else self.st.cell
                if r in bold_rows:
                    st = st.with_(role="heading")
                cells.append(self.cell("" if (r, c) in hidden else v, st))
            data.append(cells)
        t = Table(data, colWidths=col_w, repeatRows=1, splitByRow=1, splitInRow=0 if merged else 1, hAlign="CENTER")
        t.setStyle(TableStyle([(("SPAN", (col, first + 1), (col, last + 1))) for col, first, last in merged] + [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("FONT", (0, 0), (-1, -1), self.fonts.body, TABLE_SIZE),  # else reportlab selects Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        t.spaceAfter = 8
        self.story.append(t)

    def _fit_runs(self, rows, col_w, merged, numeric) -> list[tuple[int, int, int]]:
        """Merged runs cut so that each fits on a page (a table cannot split inside a merged cell): a run taller
        than ~80 % of the text block continues as a new merged cell, its text repeated."""
        if not merged:
            return list(merged)
        limit = TEXT_H * 0.8
        heights = []
        for row in rows:
            h = 0.0
            for c, v in enumerate(row):
                st = self.st.cell_num if c in numeric else self.st.cell
                p = CJKParagraph(str(v or ""), st, self.fonts)
                h = max(h, p.wrap(col_w[c] - 6, 10_000)[1])
            heights.append(h + 5)
        if max(heights, default=0) > limit:  # such a row must split inside itself, which merged cells forbid
            return []
        out = []
        cuts: set[int] = set()  # rows where a run of a column to the left was cut: runs to the right cut there too
        for col in sorted({m[0] for m in merged}):
            new_cuts = set()
            for c, first, last in merged:
                if c != col:
                    continue
                start, acc = first, 0.0
                for r in range(first, last + 1):
                    if r > start and (r in cuts or acc + heights[r] > limit):
                        if r - 1 > start:
                            out.append((col, start, r - 1))
                        new_cuts.add(r)
                        start, acc = r, 0.0
                    acc += heights[r]
                if last > start:
                    out.append((col, start, last))
            cuts |= new_cuts
        return out

    def spacer(self, h: float) -> None:
        self.story.append(Spacer(1, h))

    def page_break(self, next_template: str | None = None) -> None:
        if next_template:
            self.story.append(NextPageTemplate(next_template))
        self.story.append(PageBreak())

    def toc(self, pages: dict[str, int] | None) -> list:
        """目录 lines for the headings marked ``toc`` (page ``None`` until the first layout)."""
        out = []
        for h in self.toc_headings:
            text = self.collector.add(h.text)
            out.append(TOCLine(text, (pages or {}).get(h.key), h.level, self.st.toc, self.fonts))
        return out

    def check_glyphs(self) -> None:
        """Raise :class:`ReportError` naming every character no font covers and the section it is in."""
        missing = missing_glyphs(self.collector.text(), self.fonts)
        if not missing:
            return
        places = []
        for ch in missing:
            secs = sorted({sec for sec, t in self.where if ch in t})
            places.append(f"{describe_chars([ch])}（位于：{'、'.join(secs) or '目录'}）")
        raise ReportError(QT_TRANSLATE_NOOP("core", "报告中有字体无法显示的字符，未生成 PDF：{places}。"
                                                    "请在相应内容中替换这些字符后重试。"),
                          places="；".join(places))


@dataclass
class Rendered:
    pdf: bytes
    headings: list[HeadingPos] = field(default_factory=list)
    pages: int = 0
    passes: int = 0
    signing: list[tuple[int, float]] = field(default_factory=list)  # (physical page, y): 落款 start and end
    signing_box: tuple | None = None  # (0-based page, x1, y1, x2, y2) of the 落款's text, None without one

    def signing_anchor(self) -> tuple[int, tuple[float, float, float, float]] | None:
        """(page index, box) of the 落款 for :func:`wcif_desktop.render.signing.sign_pdf`."""
        return None if self.signing_box is None else (self.signing_box[0], tuple(self.signing_box[1:]))


def render(compose: Callable[[dict[str, int] | None], Writer], fonts: FontSet, *, title: str, author: str,
           subject: str, progress: Progress = NO_PROGRESS, max_passes: int = 4, wide: bool = False,
           first_template: str = "cover", mark: str = "", keywords: str = "") -> Rendered:
    """Lay the report out until the 目录's page numbers equal the pages the headings land on.

    ``compose(pages)`` returns a fresh :class:`Writer` whose story has the 目录 filled from ``pages``
    (heading key → logical page; ``None`` on the first pass). Usually two passes.

    Raises:
        ReportError: characters no font covers; Cancelled: the user stopped it.
    """
    pages: dict[str, int] | None = None
    for n in range(1, max_passes + 1):
        check(progress)
        progress.set(n, max_passes + 1, f"排版第 {n} 遍")
        w = compose(pages)
        if n == 1:
            w.collector.add("— 0123456789 —" + mark)  # the footer's page numbers, the draft mark
            w.check_glyphs()
        buf = io.BytesIO()
        doc = ReportDoc(buf, fonts, title=title, author=author, subject=subject, progress=progress,
                        total_flowables=len(w.story), dry_run=pages is None, wide=wide,
                        first_template=first_template, mark=mark, keywords=keywords)
        try:
            doc.build(w.story)
        except ReportError:
            raise
        except Exception as e:  # reportlab LayoutError and the like: a user-fixable layout problem
            from ..domain.errors import Cancelled

            if isinstance(e, Cancelled):
                raise
            raise ReportError(QT_TRANSLATE_NOOP("core", "报告排版失败：{reason}"), reason=e) from e
        found = {h.key: h.page for h in doc.headings}
        if pages is not None and found == pages and not doc.dry_run:
            return Rendered(buf.getvalue(), doc.headings, doc.page, n, doc.signing, doc.signing_box)
        pages = found
    raise ReportError(QT_TRANSLATE_NOOP("core", "目录页码无法稳定（排版多次后仍变化），请联系技术支持"))


__all__ = ["signing_box_of", "Styles", "make_styles", "ReportDoc", "Writer", "render", "Rendered", "HeadingPos", "TEXT_W"]
