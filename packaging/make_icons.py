"""Render the SVG app icon to a multi-size Windows ``.ico`` and a 256-pixel ``.png``.

Run by ``bpeditor.spec`` at build time (``python make_icons.py SVG OUT_DIR``), so no generated
binary is committed. Needs only PySide6 (QtSvg is part of PySide6-Essentials); runs offscreen.
Sizes below 256 px are stored as 32-bit DIBs (read by every Windows tool, Inno Setup included),
256 px as PNG, as Windows' own icons do.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
"""The square sizes in the ``.ico``: 100 %–250 % scaling of small icons, and the large views."""


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size``-pixel square (ARGB32, not premultiplied)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("make_icons: PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """The image as an icon DIB: BITMAPINFOHEADER, bottom-up BGRA rows, an empty AND mask."""
    width, height = image.width(), image.height()
    row_bytes = width * 4
    bits = bytes(image.constBits())
    stride = image.bytesPerLine()
    # Format_ARGB32 is 0xAARRGGBB per pixel: B, G, R, A in memory on little-endian machines.
    if sys.byteorder != "little":
        raise SystemExit("make_icons: needs a little-endian machine")
    rows = [bits[y * stride : y * stride + row_bytes] for y in range(height)]
    mask_stride = ((width + 31) // 32) * 4
    header = struct.pack(
        "<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, row_bytes * height, 0, 0, 0, 0
    )
    return header + b"".join(reversed(rows)) + bytes(mask_stride * height)


def ico_bytes(svg: Path, sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows icon file holding the SVG at every size in ``sizes``."""
    images = []
    for size in sizes:
        image = render(svg, size)
        images.append((size, png_bytes(image) if size >= 256 else dib_bytes(image)))
    offset = 6 + 16 * len(images)
    directory = [struct.pack("<HHH", 0, 1, len(images))]
    for size, data in images:
        side = size % 256  # 0 means 256
        directory.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    return b"".join(directory) + b"".join(data for _, data in images)


def main(argv: list[str]) -> int:
    """Write ``bpeditor.ico`` and ``bpeditor.png`` into the output folder."""
    if len(argv) != 2:
        print("usage: make_icons.py SVG OUT_DIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    svg, out_dir = Path(argv[0]), Path(argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = svg.stem
    (out_dir / f"{stem}.ico").write_bytes(ico_bytes(svg))
    (out_dir / f"{stem}.png").write_bytes(png_bytes(render(svg, 256)))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
