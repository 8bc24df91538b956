"""Draw an article as the desk shows it (right-aligned Arabic, category colours blended
where spans overlap, a lane per category under overlaps) with a header and a legend of the
categories used, as A4 pages: a PDF, or one PNG per page (FILE-1.png, FILE-2.png…, or only
page N). Supervisors print these to discuss coding decisions.

The article is laid out once in a plain QTextDocument (what QTextDocument.print_() does)
with the desk's highlighter giving each paragraph its formats; each page draws only its
slice, cut between lines. Drawing through the desk's widget instead repainted from the
first paragraph for every page (39 s for a 300,000-character article).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from ..core.errors import InputError
from ..core.records import AnnotationInfo
from ..core.text import OffsetMap
from .code_points import (
    ARTICLE_FONT,
    align_for_language,
    article_font,
    is_rtl_language,
    load_fonts,
)
from .highlighter import BASE_POINT_SIZE, SpanHighlighter, blend, block_starts, paint_lanes

WIDTH = 1000  # px of a page's width; the PDF scales it to the paper
PAGE_H = round(WIDTH * 297 / 210)  # A4 proportions
HEADER_H = 96
PAD = 24
MARGIN = 18  # the document margin, as in the desk


def application():
    """What drawing needs of the app: the QApplication, the shipped fonts, and English
    (the page's words are English; no translator is loaded). Not gui.app.setup, which
    brings the desk's imports with it."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts()
    QLocale.setDefault(QLocale(QLocale.English))
    app.setLayoutDirection(Qt.LeftToRight)
    return app


class Article:
    """The laid-out article: `doc` (QTextDocument) with highlights, `hl` its highlighter."""

    def __init__(self, project, doc_id: int, coder: str | None, width: int = WIDTH):
        self.info = project.document(doc_id)
        self.anns = [a for a in project.annotations(doc_id, coder=coder) if a.end > a.start]
        self.codebook = project.codebook()
        self.colours = {c.key: c.color for c in self.codebook.categories}
        text = project.text(doc_id)
        omap = OffsetMap.for_text(text)
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(MARGIN)
        self.doc.setDefaultFont(article_font(BASE_POINT_SIZE))
        align_for_language(self.doc, self.info.language)
        self.doc.setPlainText(text)
        self.hl = SpanHighlighter(self.doc)
        self.hl.set_categories(self.colours)
        anns = self.anns
        self.hl.reset(zip([a.uuid for a in anns], omap.to_qt_many([a.start for a in anns]),
                          omap.to_qt_many([a.end for a in anns]), [a.category for a in anns],
                          strict=True), block_starts(text, omap))
        self.hl.ensure_all()
        self.doc.setTextWidth(width)
        self.layout = self.doc.documentLayout()
        self.map = omap

    def height(self) -> int:
        return int(self.doc.size().height()) + 1

    def cut_before(self, limit: int) -> int | None:
        """The bottom of the last line ending at or above `limit`: where a page may be
        cut without halving a line. Only the paragraph at the cut is looked at."""
        block = self.doc.findBlock(max(0, self.layout.hitTest(QPointF(1, limit),
                                                             Qt.FuzzyHit)))
        for _ in range(2):  # that paragraph, else the one before it
            if not block.isValid():
                return None
            top = self.layout.blockBoundingRect(block).top()
            lay, best = block.layout(), None
            for i in range(lay.lineCount()):
                line = lay.lineAt(i)
                bottom = int(top + line.y() + line.height())
                if bottom > limit:
                    break
                best = bottom
            if best is not None:
                return best
            block = block.previous()
        return None

    def point_of(self, py: int) -> tuple[float, float, float]:
        """(x, top, bottom) of the caret before code point `py`, in document pixels."""
        qt = self.map.to_qt(py)
        block = self.doc.findBlock(qt)
        top = self.layout.blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(qt - block.position())
        x = line.cursorToX(qt - block.position())[0]
        return x, top + line.y(), top + line.y() + line.height()

    def draw(self, p: QPainter, y0: int, y1: int, top: int) -> None:
        """The slice [y0, y1) of the article at `top` on the page, with overlap lanes."""
        p.save()
        p.translate(0, top - y0)
        clip = QRectF(0, y0, self.doc.textWidth(), y1 - y0)
        p.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        ctx.palette.setColor(QPalette.Text, QColor("#000000"))
        self.layout.draw(p, ctx)
        block = self.doc.findBlock(self.layout.hitTest(QPointF(0, y0), Qt.FuzzyHit))
        while block.isValid():
            geo = self.layout.blockBoundingRect(block)
            if geo.top() >= y1:
                break
            segs = [s for s in self.hl.segments(block.blockNumber()) if len(s[2]) > 1]
            if segs and geo.bottom() > y0:
                paint_lanes(p, block.layout(), geo.topLeft(), segs,
                            lambda c: self.colours.get(c, "#cccccc"))
            block = block.next()
        p.restore()


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


def paginate(article: Article, legend_h: int, page_h: int) -> list[list[tuple]]:
    """Each page's parts: ("header", top), ("text", y0, y1, top), ("legend", top).
    Pages are cut between lines; the legend follows the text, on a page of its own if
    it does not fit under it."""
    text_h = article.height()
    pages: list[list[tuple]] = [[("header", 0)]]
    top, y = HEADER_H, 0
    while y < text_h:
        room = page_h - top
        if y + room >= text_h:
            y1 = text_h
        else:
            cut = article.cut_before(y + room)
            y1 = cut if cut is not None and cut > y else y + room
        pages[-1].append(("text", y, y1, top))
        top += y1 - y
        y = y1
        if y < text_h:
            pages.append([])
            top = 0
    if top + legend_h > page_h:
        pages.append([])
        top = 0
    pages[-1].append(("legend", top))
    return pages


def _paint_page(p: QPainter, parts, article: Article, coder, entries) -> None:
    for part in parts:
        if part[0] == "header":
            _paint_header(p, article.info, coder, WIDTH)
        elif part[0] == "text":
            article.draw(p, part[1], part[2], part[3])
        else:
            _paint_legend(p, entries, part[1], WIDTH)


def render_document(project, doc_id: int, out: str | Path, coder: str | None = None,
                    page: int | None = None) -> list[Path]:
    """Write `out`: a .pdf of A4 pages, or PNG pages OUT-1.png, OUT-2.png… (only page
    `page`, to `out` itself, when given). Returns the files written. Needs a
    QApplication (the CLI makes an offscreen one)."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".png", ".pdf"):
        raise InputError(out, "the output must end in .png or .pdf")
    if not out.parent.exists():
        raise InputError(out, f"folder {out.parent} does not exist")
    if page is not None and kind != ".png":
        raise InputError(out, "--page is for PNG output (a PDF holds every page)")
    article = Article(project, doc_id, coder)
    entries = legend_entries(project, article.anns)
    if kind == ".png":
        return _png(article, coder, entries, out, page)
    return [_pdf(article, coder, entries, out)]


def _png(article: Article, coder, entries, out: Path, page: int | None) -> list[Path]:
    pages = paginate(article, _legend_height(entries), PAGE_H)
    if page is not None and not 1 <= page <= len(pages):
        raise InputError(out, f"there is no page {page}: the article has {len(pages)} "
                              f"page{'s' if len(pages) != 1 else ''}")
    written = []
    for n, parts in enumerate(pages, 1):
        if page is not None and n != page:
            continue
        target = out if page is not None else out.with_name(f"{out.stem}-{n}{out.suffix}")
        scale = 2  # crisp when printed or zoomed
        img = QImage(QSize(WIDTH, PAGE_H) * scale, QImage.Format_RGB32)
        img.setDevicePixelRatio(scale)
        img.fill(QColor("#ffffff"))
        p = QPainter(img)
        p.setRenderHint(QPainter.TextAntialiasing)
        _paint_page(p, parts, article, coder, entries)
        p.end()
        if not img.save(str(target)):
            raise InputError(target, "cannot write the image")
        written.append(target)
    return written


def _pdf(article: Article, coder, entries, out: Path) -> Path:
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12))
    writer.setResolution(150)
    writer.setTitle(article.info.title)
    writer.setCreator("Annotator")
    p = QPainter(writer)
    if not p.isActive():
        raise InputError(out, "cannot write the PDF")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    scale = rect.width() / WIDTH
    p.scale(scale, scale)
    pages = paginate(article, _legend_height(entries), int(rect.height() / scale))
    for n, parts in enumerate(pages):
        if n:
            writer.newPage()
        _paint_page(p, parts, article, coder, entries)
    p.end()
    return out
