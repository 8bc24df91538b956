"""Render the icon set from annotator.svg with Qt's SVG renderer (no Pillow needed).

    QT_QPA_PLATFORM=offscreen python packaging/icons/render.py

Writes annotator-<N>.png for N in SIZES, annotator.ico (16..256, PNG-compressed entries,
written here by hand since Qt's ICO writer keeps only one size).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SVG = HERE / "annotator.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    img = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(p)
    p.end()
    return img.convertToFormat(QImage.Format_ARGB32)


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def write_ico(images: dict[int, bytes], dest: Path) -> None:
    """ICO container with PNG entries (Windows Vista and later read these)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = images[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    dest.write_bytes(header + entries + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: {SVG}: not a valid SVG", file=sys.stderr)
        return 1
    pngs = {}
    for s in SIZES:
        img = render(renderer, s)
        out = HERE / f"annotator-{s}.png"
        if not img.save(str(out), "PNG"):
            print(f"error: {out}: could not write", file=sys.stderr)
            return 1
        pngs[s] = png_bytes(img)
    write_ico({s: pngs[s] for s in ICO_SIZES}, HERE / "annotator.ico")
    print("wrote", ", ".join(f"annotator-{s}.png" for s in SIZES), "and annotator.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
