"""Small evidence files of the bundled sample, generated when the sample is written (so the package carries no
binary sample files): a scanned-looking table image (PNG), PDF extracts and spreadsheets (.xlsx).

Every generator is deterministic — the same bytes on every run (fixed PDF dates and ids, fixed zip entry
times) — so the evidence's SHA-256 is stable. The contents are ILLUSTRATIVE except for the seed's figures.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..paths import resource

FIXED_ZIP_TIME = (2022, 5, 10, 9, 0, 0)
FIXED_XLSX_TIME = b"2022-05-10T09:00:00Z"  # docProps/core.xml modified (W3CDTF, UTC)


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip archive (an .xlsx) with fixed entry times, so its bytes do not depend on the clock. openpyxl
    stamps ``dcterms:modified`` in docProps/core.xml with the time of saving whatever the workbook says; that stamp
    is set to the fixed creation time here too."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + FIXED_XLSX_TIME + rb"\g<2>", content)
            dst.writestr(zi, content)
    return out.getvalue()


def xlsx_bytes(title: str, header: list[str], rows: list[list]) -> bytes:
    """A one-sheet workbook: a title row, a header row, the rows (text/int values)."""
    import datetime as _dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    ws.column_dimensions["A"].width = 30
    fixed = _dt.datetime(2022, 5, 10, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "WCIF Desktop sample"
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue())


def csv_bytes(title: str, header: list[str], rows: list[list]) -> bytes:
    """A CSV file as exported by the agency's system: UTF-8 with BOM (Excel and WPS open it as Chinese text),
    a title row, a header row, the rows. Written with the csv module (no openpyxl import: the sample stays
    quick to write)."""
    import csv

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([title])
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF extract (title and lines) in the Adobe CID font STSong-Light (no embedding: fast and
    small; PDF readers supply the font). ``invariant`` fixes the creation date and document id."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setFont("STSong-Light", 15)
    w, h = A4
    c.drawCentredString(w / 2, h - 72, title)
    c.setFont("STSong-Light", 10.5)
    y = h - 110
    for line in lines:
        while line:  # wrap at ~40 characters
            part, line = line[:40], line[40:]
            c.drawString(60, y, part)
            y -= 18
        y -= 4
    c.showPage()
    c.save()
    return buf.getvalue()


def png_bytes(title: str, header: list[str], rows: list[list[str]]) -> bytes:
    """A grey, slightly skewed table image that looks like a scan of a printed statistics table."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = Path(resource("fonts", "DroidSansFallbackFull.ttf"))
    font = ImageFont.truetype(str(font_path), 18)
    big = ImageFont.truetype(str(font_path), 24)
    col_w = [300, 180, 90]
    row_h = 36
    width = sum(col_w) + 80
    height = 110 + row_h * (len(rows) + 1) + 60
    img = Image.new("L", (width, height), 238)
    d = ImageDraw.Draw(img)
    d.text((width // 2, 40), title, fill=30, font=big, anchor="mm")
    x0, y0 = 40, 80
    for r, cells in enumerate([header, *rows]):
        y = y0 + r * row_h
        x = x0
        for ci, text in enumerate(cells):
            d.rectangle([x, y, x + col_w[ci], y + row_h], outline=60, width=1)
            d.text((x + 8, y + row_h // 2), str(text), fill=25, font=font, anchor="lm")
            x += col_w[ci]
    d.text((x0, y0 + (len(rows) + 1) * row_h + 20), "（加盖公章）", fill=90, font=font)
    img = img.rotate(0.6, fillcolor=238, resample=Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


__all__ = ["xlsx_bytes", "csv_bytes", "pdf_bytes", "png_bytes"]
