"""Previewing a report PDF inside the app and printing it through the system's print dialog.

Pages are rendered by PDFium (``pypdfium2``): ``PySide6.QtPdf``/``QtPdfWidgets`` ship only with PySide6-Addons,
which this application does not install (PySide6-Essentials only). :class:`PdfPages` renders a page to a
``QImage`` at any resolution; :class:`PdfPreview` shows the pages (rendered lazily, only those in view) with zoom
and page number; :func:`print_pdf` draws the pages onto a ``QPrinter`` (respecting its page range, page size and
orientation); :class:`PrintController` keeps one ``QPrinter`` (A4 portrait by default) so the page size and
orientation chosen in ``QPrintPreviewDialog`` stay for the next print and are remembered in the settings file.

PDFium is not thread-safe: everything here runs on the UI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ReportError

PRINT_DPI_CAP = 300  # pages are rasterised for the printer at its resolution, at most this many dpi
GAP = 12  # pixels between pages in the preview


class PdfPages:
    """A PDF opened with PDFium: page count, page sizes (points) and pages rendered as ``QImage``.

    Raises:
        ReportError: the bytes/file are not a readable PDF.
    """

    def __init__(self, source):
        import pypdfium2 as pdfium

        data = Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)
        try:
            self._doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            raise ReportError(f"无法读取 PDF：{e}") from e
        self._data = data  # PDFium reads from this buffer for the document's lifetime
        self.sizes = [tuple(self._doc[i].get_size()) for i in range(len(self._doc))]

    def __len__(self) -> int:
        return len(self.sizes)

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def __del__(self):
        import contextlib

        with contextlib.suppress(Exception):  # at interpreter shutdown PDFium may be gone already
            self.close()

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (0-based) at ``dpi`` as an RGBX ``QImage`` owning its pixels."""
        if self._doc is None:
            raise ReportError("PDF 已关闭")
        page = self._doc[index]
        try:
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=True)
            img = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                         QImage.Format.Format_RGBX8888 if bitmap.mode == "RGBX" else QImage.Format.Format_RGB888)
            return img.copy()
        finally:
            page.close()


# ---------------------------------------------------------------------- printing
def _print_busy(pages, printer) -> int:
    """:func:`print_pdf` with a wait cursor: rendering every page for the preview takes seconds."""
    from .desktop import busy

    with busy():
        return print_pdf(pages, printer)


def print_pdf(pages: PdfPages, printer: QPrinter, progress=None) -> int:
    """Draw the PDF onto ``printer`` — each page scaled to fit the printer's paper (keeping its proportions,
    centred), in the printer's page size and orientation, only the pages of its page range
    (``fromPage``/``toPage``, 1-based; 0 = all). Returns the number of pages printed.

    Raises:
        ReportError: the printer could not be started (e.g. an output file that cannot be written).
    """
    n = len(pages)
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, n
    first, last = max(1, first), min(n, last)
    if first > last:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise ReportError("无法开始打印（打印机不可用或输出文件无法写入）")
    printed = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        for number in range(first, last + 1):
            if printed:
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            if not printer.fullPage():  # painter origin is the printable area's corner
                paint = printer.pageLayout().paintRectPixels(printer.resolution())
                paper = QRect(-paint.left(), -paint.top(), paper.width(), paper.height())
            img = pages.render(number - 1, dpi)
            w_pt, h_pt = pages.sizes[number - 1]
            scale = min(paper.width() / w_pt, paper.height() / h_pt)
            w, h = w_pt * scale, h_pt * scale
            target = QRectF(paper.left() + (paper.width() - w) / 2, paper.top() + (paper.height() - h) / 2, w, h)
            painter.drawImage(target, img)
            printed += 1
            if progress is not None:
                progress(printed, last - first + 1)
    finally:
        painter.end()
    return printed


def a4_portrait_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


class PrintController:
    """One ``QPrinter`` per window, A4 portrait unless the user chose otherwise; the page size and orientation
    chosen in the print (preview) dialog stay on it and are written to ``settings`` (a ``QSettings``)."""

    SIZE_KEY, ORIENTATION_KEY = "print/page_size", "print/orientation"

    def __init__(self, settings_qs=None):
        self.qs = settings_qs
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)
        layout = a4_portrait_layout()
        if self.qs is not None:
            size_id = self.qs.value(self.SIZE_KEY)
            orient = self.qs.value(self.ORIENTATION_KEY)
            try:
                if size_id not in (None, ""):
                    layout.setPageSize(QPageSize(QPageSize.PageSizeId(int(size_id))))
                if orient not in (None, ""):
                    layout.setOrientation(QPageLayout.Orientation(int(orient)))
            except (TypeError, ValueError):
                layout = a4_portrait_layout()
        self.printer.setPageLayout(layout)

    def page_size_id(self) -> QPageSize.PageSizeId:
        return self.printer.pageLayout().pageSize().id()

    def orientation(self) -> QPageLayout.Orientation:
        return self.printer.pageLayout().orientation()

    def remember(self) -> None:
        """Store the printer's page size and orientation (after a dialog) for the next session."""
        if self.qs is not None:
            self.qs.setValue(self.SIZE_KEY, int(self.page_size_id().value))
            self.qs.setValue(self.ORIENTATION_KEY, int(self.orientation().value))

    def preview_dialog(self, pages: PdfPages, parent=None) -> QPrintPreviewDialog:
        """The system print preview for ``pages`` on this controller's printer (not shown)."""
        dlg = QPrintPreviewDialog(self.printer, parent)
        dlg.paintRequested.connect(lambda printer: _print_busy(pages, printer))
        return dlg

    def print_with_preview(self, pages: PdfPages, parent=None) -> bool:
        """Show the print preview (its print button opens the system print dialog). True when printed."""
        dlg = self.preview_dialog(pages, parent)
        ok = dlg.exec() == QPrintPreviewDialog.DialogCode.Accepted
        self.remember()  # the page setup chosen in the dialog survives it, printed or not
        dlg.deleteLater()
        return ok


# ---------------------------------------------------------------------- preview widget
class _PageCanvas(QWidget):
    """Paints the pages one under another at ``zoom`` (1.0 = 96 dpi on screen); renders only visible pages."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self.zoom = 1.0
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_pages(self, pages: PdfPages | None) -> None:
        self.pages = pages
        self._cache.clear()
        self._relayout()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.1, min(zoom, 4.0))
        self._cache.clear()
        self._relayout()

    def page_rects(self) -> list[QRect]:
        if self.pages is None:
            return []
        px = 96.0 / 72.0 * self.zoom
        width = max((int(w * px) for w, _ in self.pages.sizes), default=0)
        rects, y = [], GAP
        for w_pt, h_pt in self.pages.sizes:
            w, h = int(w_pt * px), int(h_pt * px)
            rects.append(QRect(GAP + (width - w) // 2, y, w, h))
            y += h + GAP
        return rects

    def _relayout(self) -> None:
        rects = self.page_rects()
        if not rects:
            self.setFixedSize(QSize(1, 1))
        else:
            self.setFixedSize(QSize(max(r.right() for r in rects) + GAP + 1, rects[-1].bottom() + GAP + 1))
        self.update()

    def image(self, index: int) -> QImage:
        key = (index, self.zoom)
        img = self._cache.get(key)
        if img is None:
            ratio = self.devicePixelRatioF() or 1.0
            img = self.pages.render(index, 96.0 * self.zoom * ratio)
            img.setDevicePixelRatio(ratio)
            self._cache[key] = img
            while len(self._cache) > 12:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return img

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(event.rect(), self.palette().dark())
        for i, r in enumerate(self.page_rects()):
            if r.intersects(event.rect()):
                p.fillRect(r.translated(2, 2), QColor(0, 0, 0, 60))
                p.drawImage(r, self.image(i))
        p.end()


class PdfPreview(QWidget):
    """The report as it will print: pages with zoom and a page counter. ``load(path_or_bytes)``."""

    loaded = Signal(int)  # number of pages

    ZOOMS = ((0.5, "50%"), (0.75, "75%"), (1.0, "100%"), (1.25, "125%"), (1.5, "150%"), (2.0, "200%"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self.source: Path | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.info = QLabel(self.tr("尚无可预览的报告。"))
        self.info.setObjectName("preview_info")
        self.zoom = QComboBox()
        self.zoom.setObjectName("preview_zoom")
        self.zoom.addItem(self.tr("适合宽度"), 0.0)
        for z, label in self.ZOOMS:
            self.zoom.addItem(label, z)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        bar.addWidget(self.info, 1)
        bar.addWidget(QLabel(self.tr("缩放")))
        bar.addWidget(self.zoom)
        lay.addLayout(bar)
        self.canvas = _PageCanvas()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("preview_scroll")
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(self.canvas.backgroundRole())
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_info)
        lay.addWidget(self.scroll, 1)

    def load(self, source) -> int:
        """Show a PDF (path or bytes). Returns its page count. Raises ReportError for an unreadable PDF."""
        pages = PdfPages(source)
        if self.pages is not None:
            self.pages.close()
        self.pages = pages
        self.source = Path(source) if isinstance(source, (str, Path)) else None
        self.canvas.set_pages(pages)
        self._zoom_changed()
        self.loaded.emit(len(pages))
        return len(pages)

    def clear(self) -> None:
        if self.pages is not None:
            self.pages.close()
        self.pages, self.source = None, None
        self.canvas.set_pages(None)
        self.info.setText(self.tr("尚无可预览的报告。"))

    def current_page(self) -> int:
        """1-based number of the page at the top of the view (0 without a document)."""
        rects = self.canvas.page_rects()
        if not rects:
            return 0
        y = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for i, r in enumerate(rects):
            if y <= r.bottom() + GAP:
                return i + 1
        return len(rects)

    def _zoom_changed(self, *_):
        z = self.zoom.currentData()
        if not z and self.pages is not None and len(self.pages):
            avail = max(self.scroll.viewport().width() - 3 * GAP, 100)
            z = avail / (max(w for w, _ in self.pages.sizes) * 96.0 / 72.0)
        self.canvas.set_zoom(z or 1.0)
        self._update_info()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self.zoom.currentData():
            self._zoom_changed()

    def _update_info(self, *_):
        if self.pages is None:
            return
        self.info.setText(self.tr("第 {0} / {1} 页").format(self.current_page(), len(self.pages)))


__all__ = ["PdfPages", "PdfPreview", "PrintController", "a4_portrait_layout", "print_pdf"]
