"""Draw an article as the desk shows it (the same ArticleView and highlighter: right-aligned,
category colours, overlap lanes) with a header and a legend of the categories used, to PNG
or PDF. Supervisors print these to discuss coding decisions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QApplication

from ..core.errors import InputError
from ..core.records import AnnotationInfo
from .article_view import ArticleView
from .code_points import ARTICLE_FONT, article_font, is_rtl_language
from .highlighter import blend

WIDTH = 1000  # px of the article column; PDF pages scale it to the page width
HEADER_H = 96
PAD = 24


def build_view(project, doc_id: int, coder: str | None, width: int = WIDTH):
    """An ArticleView laid out to the article's full height, never shown on screen."""
    doc = project.document(doc_id)
    anns = [a for a in project.annotations(doc_id, coder=coder) if a.end > a.start]
    view = ArticleView()
    view.setAttribute(Qt.WA_DontShowOnScreen)
    view.max_column_em = 10_000  # the page is the column
    view.setFrameShape(ArticleView.NoFrame)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.set_codebook(project.codebook())
    view.set_article(project.text(doc_id), doc.language, anns)
    view.resize(width, 200)
    view.show()
    height = _text_height(view)
    view.resize(width, height)
    QApplication.processEvents()
    return view, doc, anns


def _text_height(view: ArticleView) -> int:
    total = 2 * view.document().documentMargin()
    block = view.document().begin()
    while block.isValid():
        total += view.blockBoundingRect(block).height()
        block = block.next()
    return int(total) + 4


def line_bottoms(view: ArticleView) -> list[int]:
    """y of each line's bottom in the view: where a page may be cut without halving a line."""
    out = []
    block = view.document().begin()
    offset = view.contentOffset()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(offset).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            out.append(int(top + line.y() + line.height()))
        block = block.next()
    return out


def legend_entries(project, anns: list[AnnotationInfo]) -> list[tuple[str, str, str, int]]:
    """(colour, English name, Arabic name, count) for each category used, codebook order."""
    counts: dict[str, int] = {}
    for a in anns:
        counts[a.category] = counts.get(a.category, 0) + 1
    out = []
    for c in project.codebook().categories:
        if c.key in counts:
            out.append((c.color, c.name_en, c.name_ar, counts[c.key]))
    return out


def _paint_header(p: QPainter, doc, coder: str | None, width: int) -> None:
    rtl = is_rtl_language(doc.language)
    align = (Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignAbsolute | Qt.AlignTop
    f = article_font(17)
    f.setBold(True)
    p.setFont(f)
    p.setPen(QColor("#000000"))
    p.drawText(QRect(PAD, 10, width - 2 * PAD, 44), align | Qt.TextSingleLine, doc.title)
    f.setBold(False)
    f.setPointSizeF(10)
    p.setFont(f)
    p.setPen(QColor("#555555"))
    # Latin first, so the line's base direction is left to right and the date reads in order
    meta = [f"document {doc.id}",
            doc.published.strftime("%Y-%m-%d %H:%M") if doc.published else "",
            f"by {doc.author}" if doc.author else "",
            f"coder: {coder}" if coder else "all coders"]
    p.drawText(QRect(PAD, 56, width - 2 * PAD, 24), Qt.AlignLeft | Qt.AlignAbsolute,
               "   ·   ".join(m for m in meta if m))
    p.setPen(QColor("#cccccc"))
    p.drawLine(PAD, HEADER_H - 6, width - PAD, HEADER_H - 6)


def _legend_height(entries) -> int:
    return 40 + 26 * len(entries) if entries else 40


def _paint_legend(p: QPainter, entries, top: int, width: int) -> None:
    f = QFont("DejaVu Sans")
    f.setFamilies(["DejaVu Sans", ARTICLE_FONT])
    f.setPointSizeF(10)
    p.setFont(f)
    p.setPen(QColor("#cccccc"))
    p.drawLine(PAD, top + 6, width - PAD, top + 6)
    p.setPen(QColor("#333333"))
    if not entries:
        p.drawText(QRect(PAD, top + 12, width - 2 * PAD, 22), Qt.AlignLeft, "No annotations.")
        return
    y = top + 16
    for colour, name_en, name_ar, n in entries:
        p.fillRect(QRect(PAD, y, 34, 18), blend([colour]))
        p.setPen(QColor(colour).darker(140))
        p.drawRect(QRect(PAD, y, 34, 18))
        p.setPen(QColor("#222222"))
        # one cell per language: mixing them in one string lets bidi reorder the count
        for x, w, text in ((PAD + 44, 220, name_en), (PAD + 270, 220, name_ar),
                           (PAD + 500, 120, f"{n} span{'s' if n != 1 else ''}")):
            p.drawText(QRect(x, y - 2, w, 24), Qt.AlignLeft | Qt.AlignVCenter, text)
        y += 26


def render_document(project, doc_id: int, out: str | Path, coder: str | None = None,
                    width: int = WIDTH) -> Path:
    """Write `out` (.png or .pdf). Needs a QApplication (the CLI makes an offscreen one)."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".png", ".pdf"):
        raise InputError(out, "the output must end in .png or .pdf")
    if not out.parent.exists():
        raise InputError(out, f"folder {out.parent} does not exist")
    view, doc, anns = build_view(project, doc_id, coder, width)
    entries = legend_entries(project, anns)
    try:
        if kind == ".png":
            _png(view, doc, coder, entries, out, width)
        else:
            _pdf(view, doc, coder, entries, out, width)
    finally:
        view.close()
        view.deleteLater()
    return out


def _png(view, doc, coder, entries, out: Path, width: int) -> None:
    text_h = view.height()
    scale = 2  # crisp when printed or zoomed
    img = QImage(QSize(width, HEADER_H + text_h + _legend_height(entries)) * scale,
                 QImage.Format_RGB32)
    img.setDevicePixelRatio(scale)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    p.setRenderHint(QPainter.TextAntialiasing)
    _paint_header(p, doc, coder, width)
    view.render(p, QPoint(0, HEADER_H))
    _paint_legend(p, entries, HEADER_H + text_h, width)
    p.end()
    if not img.save(str(out)):
        raise InputError(out, "cannot write the image")


def _pdf(view, doc, coder, entries, out: Path, width: int) -> None:
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12))
    writer.setResolution(150)
    writer.setTitle(doc.title)
    writer.setCreator("Annotator")
    p = QPainter(writer)
    if not p.isActive():
        raise InputError(out, "cannot write the PDF")
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    scale = page.width() / width
    p.scale(scale, scale)
    page_h = int(page.height() / scale)
    _paint_header(p, doc, coder, width)
    cuts = line_bottoms(view)
    top, y, text_h = HEADER_H, 0, view.height()
    while y < text_h:
        room = page_h - top
        fits = [c for c in cuts if y < c <= y + room]
        y1 = fits[-1] if fits and y + room < text_h else min(text_h, y + room)
        view.render(p, QPoint(0, top), QRegion(QRect(0, y, width, y1 - y)))
        top += y1 - y
        y = y1
        if y < text_h:
            writer.newPage()
            top = 0
    if top + _legend_height(entries) > page_h:
        writer.newPage()
        top = 0
    _paint_legend(p, entries, top, width)
    p.end()
