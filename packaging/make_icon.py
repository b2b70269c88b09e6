"""Draw the application icon with Qt and write ``resources/icons/wcif-desktop.png`` (256×256, the window icon)
and ``packaging/wcif-desktop.ico`` (16, 24, 32, 48, 64, 128 and 256 px; Windows programs, installer, .wcif files).

Run once after changing the drawing: ``QT_QPA_PLATFORM=offscreen python packaging/make_icon.py``. The picture: a
blue rounded square, a white report sheet with three bars of a chart and a green tick (an evaluated report).
Each size is drawn separately (not scaled down), so the small icons stay sharp.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

sys.path.insert(0, str(Path(__file__).resolve().parent))
from windows import ICON_ICO, ICON_PNG  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    p.scale(s, s)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#2f6fb0"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    sheet = QPainterPath()  # a page with a folded corner
    sheet.moveTo(64, 36)
    sheet.lineTo(160, 36)
    sheet.lineTo(196, 72)
    sheet.lineTo(196, 220)
    sheet.lineTo(64, 220)
    sheet.closeSubpath()
    p.setBrush(QColor("#ffffff"))
    p.drawPath(sheet)
    p.setBrush(QColor("#c9d8ea"))
    fold = QPainterPath()
    fold.moveTo(160, 36)
    fold.lineTo(160, 72)
    fold.lineTo(196, 72)
    fold.closeSubpath()
    p.drawPath(fold)
    p.setBrush(QColor("#2f6fb0"))
    for i, h in enumerate((46, 72, 98)):  # bar chart
        p.drawRect(QRectF(82 + i * 30, 196 - h, 20, h))
    pen = QPen(QColor("#2e9d48"), 26 if size >= 32 else 34)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath(QPointF(142, 176))
    tick.lineTo(172, 206)
    tick.lineTo(226, 136)
    p.drawPath(tick)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file holding each image as PNG (Windows Vista and later read PNG entries at every size)."""
    pngs = [png_bytes(im) for im in images]
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries = b""
    for im, data in zip(images, pngs):
        w = im.width() if im.width() < 256 else 0  # 0 means 256
        entries += struct.pack("<BBBBHHII", w, w, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + entries + b"".join(pngs)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = [draw(n) for n in SIZES]
    ICON_PNG.parent.mkdir(parents=True, exist_ok=True)
    images[-1].save(str(ICON_PNG), "PNG")
    ICON_ICO.write_bytes(ico_bytes(images))
    print(ICON_PNG, ICON_ICO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
