"""PDF renderer: a :class:`~wcif_desktop.domain.document.Document` in, PDF bytes out (reportlab).

The one PDF path of every deliverable: the report's pipeline of :mod:`~wcif_desktop.render.layout` (GB/T 9704 page
style: A4, margins 37/35/28/26 mm, 仿宋 16 pt body on a 28.9 pt line, 黑体/楷体 headings, ``— N —`` page numbers
at the outer side of the footer from the first body page), Chinese line breaking
(:mod:`~wcif_desktop.render.linebreak`: no line starts with closing punctuation), a 目录 with the pages the
headings land on (laid out until stable), PDF bookmarks for every heading, and fonts checked for every character
before anything is written (:mod:`~wcif_desktop.render.fonts`).

Imports neither services nor the store; writes no file (:func:`render_pdf` returns bytes, the caller writes them).

Raises :class:`~wcif_desktop.domain.errors.ReportError` (uncovered characters, layout failure) and
:class:`~wcif_desktop.domain.errors.Cancelled`.
"""

from __future__ import annotations

from ..domain.document import (
    BodyStart,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Para,
    Signing,
    Table,
    Toc,
)
from ..domain.progress import NO_PROGRESS, Progress
from .flowables import Marker
from .fonts import register_fonts
from .layout import MARGIN_LEFT, MARGIN_RIGHT, TEXT_W, Rendered, Writer, render


def _style(w: Writer, p: Para):
    st = w.st
    style = {
        "body": st.body,
        "plain": st.body.with_(first_indent=0, align="left"),
        "center": st.subtitle,
        "right": st.body.with_(first_indent=0, align="right"),
        "title": st.title,
        "subtitle": st.subtitle.with_(role="kai"),
        "note": st.body.with_(size=12, leading=20, first_indent=0, align="left"),
    }.get(p.style, st.body)
    return style.with_(role="heading") if p.bold else style


def _figure(f: Figure):
    from . import charts

    if f.kind == "budget_actual":
        return charts.budget_actual_drawing(f.rows, f.year, title=f.caption or None)
    if f.kind == "trend":
        return charts.trend_drawing(f.rows, title=f.caption or None)
    if f.kind == "survey":
        return charts.survey_chart(f.rows, **({"title": f.caption} if f.caption else {}))
    raise ValueError(f"unknown figure kind {f.kind!r}")


def compose(doc: Document, fonts, pages: dict[str, int] | None, text_width: float = TEXT_W) -> Writer:
    """A fresh :class:`Writer` holding the story of ``doc`` with the 目录 filled from ``pages``."""
    w = Writer(fonts, text_width=text_width)
    st = w.st
    has_body_start = any(isinstance(b, BodyStart) for b in doc.blocks)
    toc_at: int | None = None
    for b in doc.blocks:
        if isinstance(b, Cover):
            w.spacer(150)
            w.para(b.title, st.title)
            w.spacer(60)
            for line in b.lines:
                w.para(line, st.subtitle)
            if b.date:
                w.spacer(40)
                w.para(b.date, st.subtitle)
            w.page_break("front" if has_body_start else "body")
        elif isinstance(b, Toc):
            w.para(b.title, st.title)
            toc_at = len(w.story)
        elif isinstance(b, BodyStart):
            w.page_break("body")
            w.add(Marker("body"))
        elif isinstance(b, Heading):
            w.heading(b.label, min(b.level, 4) - 1, toc=b.in_toc)
        elif isinstance(b, Para):
            w.para(b.text, _style(w, b))
        elif isinstance(b, Table):
            w.table(b.header, b.rows, b.widths or [1] * len(b.header), numeric=set(b.numeric),
                    caption=b.caption or None, bold_rows=set(b.bold_rows), merged=b.merged_runs())
        elif isinstance(b, Figure):
            w.add(_figure(b))
        elif isinstance(b, Signing):
            from reportlab.pdfbase.pdfmetrics import stringWidth
            from reportlab.platypus import CondPageBreak

            sst = st.signoff
            # keep agency and date on one page (never a page holding the 落款 alone when it fits under the text)
            w.add(CondPageBreak(sst.space_before + 2 * sst.leading + 4))
            width = max([stringWidth(t, fonts.body, sst.size) for t in (b.agency, b.date) if t] or [0])
            w.add(Marker("signoff", width))
            if b.agency:
                w.para(b.agency, st.signoff)
            if b.date:
                w.para(b.date, st.signoff.with_(space_before=0) if b.agency else st.signoff)
            w.add(Marker("signoff-end"))
        elif isinstance(b, PageBreak):
            w.page_break()
        else:  # pragma: no cover - the block types are closed
            raise TypeError(f"unknown block {b!r}")
    if toc_at is not None:
        w.story[toc_at:toc_at] = w.toc(pages)
    return w


def render_pdf(doc: Document, progress: Progress = NO_PROGRESS, fonts=None) -> Rendered:
    """Lay ``doc`` out. Returns the PDF bytes, where each heading landed and where the 落款 is.

    Raises:
        ReportError: characters no font covers (listed with their sections); layout failure.
        Cancelled: ``progress`` asked to stop.
    """
    from reportlab.lib.pagesizes import A4, landscape

    fonts = fonts or register_fonts()
    width = (landscape(A4)[0] if doc.landscape else A4[0]) - MARGIN_LEFT - MARGIN_RIGHT
    # a cover or a 目录 first: unnumbered front pages until BodyStart; otherwise numbered from the first page
    starts_in_front = bool(doc.blocks) and isinstance(doc.blocks[0], (Cover, Toc))
    return render(lambda pages: compose(doc, fonts, pages, width), fonts, title=doc.title, author=doc.author or "",
                  subject=doc.context.get("subject", "") if isinstance(doc.context.get("subject"), str) else "",
                  progress=progress, wide=doc.landscape, first_template="cover" if starts_in_front else "body",
                  mark=doc.mark, keywords=doc.keywords)


__all__ = ["compose", "render_pdf"]
