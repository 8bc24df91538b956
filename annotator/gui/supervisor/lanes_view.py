"""The comparison's article: shown once, read-only, right-aligned for Arabic, with one thin
lane per coder under every line and the disagreement regions tinted.

Standalone on purpose (a QPlainTextEdit of its own rather than a subclass of the desk's
ArticleView): it shares the desk's rules (the document's default alignment for Arabic,
the Naskh face, OffsetMap at the Qt boundary, quotes and offsets from the stored text,
never from the widget) but none of the desk highlighter's internals, which change with
the desk's performance work.

Positions: every offset coming in is a code point into the stored text and goes through
`self.map` (core.text.OffsetMap) before touching Qt; every position going out comes back
through it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from ...core import adjudication as core_adj
from ...core.records import AnnotationInfo
from ...core.text import OffsetMap
from .. import i18n
from ..code_points import CodePointSelection, align_for_language, article_font

POINT_SIZE = 15.0
LANE_H = 3          # px of one coder's lane
LANE_STEP = 5       # lane + 2 px gap
GOLD_LANE_H = 4
SPACE_SCALE = 1.6   # spaces in a larger font deepen each line: room for the lanes
DISAGREE_BG = "#ffe1e1"
CURRENT_BG = "#ffb8b8"
TRACK = "#d9d9d9"


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: str, limit: int = 50) -> str:
    """«text», the guillemets inside the isolate (FSI « ... » PDI): the quote takes the
    direction of its own first strong letter, so an Arabic quote in an English line keeps
    its guillemets the right way round (« ... » outside the isolate would take the line's
    direction at one end and the quote's at the other: "»...«"), and does not reorder the
    words around it."""
    return f"\u2068«{short(text, limit)}»\u2069"


def line_mark(rtl: bool) -> str:
    """The mark a mixed line starts with: LRM in a left-to-right layout, RLM in a
    right-to-left one, so a line that starts with a name or a quote still takes the
    layout's direction."""
    return "\u200f" if rtl else "\u200e"


class RegionHighlighter(QSyntaxHighlighter):
    """Tints the disagreement regions and widens the spaces. QPlainTextEdit ignores a
    block's line height, so a larger font on the spaces is what deepens every line that
    has one; the text's glyphs and offsets are untouched. Works in UTF-16 units, as
    setFormat counts them."""

    def __init__(self, document):
        super().__init__(document)
        self.regions: list[tuple[int, int]] = []   # UTF-16, sorted
        self._tint = QTextCharFormat()
        self._tint.setBackground(QColor(DISAGREE_BG))

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        base, length = block.position(), block.length() - 1
        size = self.document().defaultFont().pointSizeF() * SPACE_SCALE
        tinted = [False] * length
        for s, e in self.regions:
            s, e = max(s, base) - base, min(e, base + length) - base
            if s < e:
                self.setFormat(s, e - s, self._tint)
                for i in range(s, e):
                    tinted[i] = True
        q = 0
        for ch in text:
            if ch == " " and q < length:
                f = QTextCharFormat(self._tint) if tinted[q] else QTextCharFormat()
                f.setFontPointSize(size)
                self.setFormat(q, 1, f)
            q += 2 if ord(ch) > 0xFFFF else 1


class LanesView(CodePointSelection, QPlainTextEdit):
    regionClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setMouseTracking(True)
        self.text = ""
        self.map = OffsetMap.for_text("")
        self.codebook = None
        self.snap = True
        self.lanes: list[str] = []                       # coder names, top to bottom
        self.lane_spans: dict[str, list[AnnotationInfo]] = {}
        self.regions: list[tuple[int, int]] = []         # code points
        self.current: tuple[int, int] | None = None
        self._press: QPoint | None = None
        # a plain click's code point goes here first (link mode); True = taken
        self.click_hook = None
        self.highlighter = RegionHighlighter(self.document())
        self.document().setDocumentMargin(18)
        self.setFont(article_font(POINT_SIZE))

    # --- content ------------------------------------------------------------------------

    def set_comparison(self, text: str, language: str, codebook, lanes: list[str],
                       spans: list[AnnotationInfo], regions: list[tuple[int, int]]) -> None:
        self.codebook = codebook
        self.text = text
        self.map = OffsetMap.for_text(text)
        self.lanes = list(lanes)
        self._set_spans(spans, regions)
        self.current = None
        align_for_language(self.document(), language)
        self.setPlainText(text)    # the highlighter formats each block as it goes in
        self.setExtraSelections([])

    def update_spans(self, spans: list[AnnotationInfo], regions: list[tuple[int, int]]) -> None:
        """New decisions: same text, new lanes and regions."""
        old = set(self.regions)
        self._set_spans(spans, regions)
        if set(self.regions) != old:
            self.highlighter.rehighlight()
        self.viewport().update()

    def _set_spans(self, spans, regions) -> None:
        self.lane_spans = {c: [a for a in spans if a.coder == c and a.end > a.start]
                           for c in self.lanes}
        self.regions = sorted(regions)
        self.highlighter.regions = [(self.map.to_qt(s), self.map.to_qt(e))
                                    for s, e in self.regions]

    def _colour(self, cat: str) -> str:
        c = self.codebook.category(cat) if self.codebook else None
        return c.color if c else "#999999"

    # --- positions and selection --------------------------------------------------------

    def set_current(self, span: tuple[int, int] | None) -> None:
        self.current = span
        sels = []
        if span is not None:
            sel = QTextEdit.ExtraSelection()
            c = self.cursor_for(*span)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(CURRENT_BG))
            sel.cursor, sel.format = c, fmt
            sels.append(sel)
        self.setExtraSelections(sels)

    def region_at(self, py: int) -> int:
        for i, (s, e) in enumerate(self.regions):
            if s <= py < e:
                return i
        return -1

    # --- mouse and tooltips -------------------------------------------------------------

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        moved = self.dragged(event)
        if moved:
            span = self.selection_span()
            if span and self.snap:
                self.select_span(*span, scroll=False)
        elif event.button() == Qt.LeftButton:
            qt = self.cursorForPosition(event.position().toPoint()).position()
            if self.click_hook is not None and self.click_hook(self.to_py(qt)):
                return
            i = self.region_at(self.to_py(qt))
            if i >= 0:
                self.regionClicked.emit(i)


    def tooltip_at(self, pos) -> str:
        vp = self.viewport().mapFrom(self, pos)
        py = self.to_py(self.cursorForPosition(vp).position())
        lines = []
        for c in self.lanes:
            for a in self.lane_spans.get(c, ()):
                if a.start <= py < a.end:
                    cat = self.codebook.category(a.category) if self.codebook else None
                    lines.append(f"<b>{c}</b>: {i18n.name(cat) if cat else a.category} "
                                 f"{quote(a.quote)}")
        return "<br>".join(lines)

    # --- painting the lanes -------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self.paint_lanes(painter, event.rect())
        finally:
            painter.end()

    def paint_lanes(self, painter: QPainter, clip) -> None:
        if not self.lanes:
            return
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > clip.bottom():
                break
            if geo.bottom() >= clip.top():
                span = (block.position(), block.length() - 1)
                per_lane = [self._clip(((a.start, a.end, a.category)
                                        for a in self.lane_spans.get(c, ())), *span)
                            for c in self.lanes]
                tracks = self._clip(((s, e, None) for s, e in self.regions), *span)
                if tracks or any(per_lane):
                    self._paint_lines(painter, block.layout(), geo.topLeft(), per_lane, tracks)
            block = block.next()

    def _clip(self, items, base: int, length: int) -> list[tuple[int, int, str | None]]:
        """Code-point spans -> block-relative UTF-16 [s, e) within the block."""
        out = []
        for start, end, cat in items:
            s, e = self.map.to_qt(start) - base, self.map.to_qt(end) - base
            s, e = max(s, 0), min(e, length)
            if s < e:
                out.append((s, e, cat))
        return out

    @staticmethod
    def _rects(line, s: int, e: int) -> list:
        ls, le = line.textStart(), line.textStart() + line.textLength()
        s, e = max(s, ls), min(e, le)
        if s >= e:
            return []
        # bidi may split one logical stretch into several visual runs: each gets its piece
        return [run.boundingRect() for run in line.glyphRuns(s, e - s)]

    def lane_y(self, line_bottom: float, j: int) -> tuple[float, float]:
        """Top and height of lane j under a line whose box ends at `line_bottom`."""
        n = len(self.lanes)
        gold = self.lanes[j] == core_adj.GOLD
        return (line_bottom - 2 - (n - j) * LANE_STEP - (1 if gold else 0),
                GOLD_LANE_H if gold else LANE_H)

    def _paint_lines(self, painter, layout, origin, per_lane, tracks) -> None:
        track = QColor(TRACK)
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            bottom = origin.y() + line.y() + line.height()
            # an empty grey track per lane where the coders differ: a missing span shows
            for s, e, _ in tracks:
                for r in self._rects(line, s, e):
                    for j in range(len(self.lanes)):
                        y, h = self.lane_y(bottom, j)
                        painter.fillRect(QRectF(origin.x() + r.left(), y, r.width(), h), track)
            for j, segs in enumerate(per_lane):
                gold = self.lanes[j] == core_adj.GOLD
                y, h = self.lane_y(bottom, j)
                for s, e, cat in segs:
                    colour = QColor(self._colour(cat)).darker(190 if gold else 140)
                    for r in self._rects(line, s, e):
                        rect = QRectF(origin.x() + r.left(), y, r.width(), h)
                        painter.fillRect(rect, colour)
                        if gold:
                            painter.setPen(QPen(QColor("#000000"), 1))
                            painter.drawRect(rect)
