"""Painting proposed spans on the article: dashed outlines in their category's colour,
never highlights (a suggestion is not an annotation until the coder accepts it)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen


class SpanPiecesMixin:
    """For a QPlainTextEdit with `map` (OffsetMap): where a span sits on screen."""

    def span_pieces(self, qs: int, qe: int) -> Iterator[QRectF]:
        """Viewport rectangles of each visual stretch of Qt range [qs, qe): bidi text and
        line wraps split a span into several."""
        offset = self.contentOffset()
        block = self.document().findBlock(qs)
        while block.isValid() and block.position() < qe:
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
            layout, base = block.layout(), block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                s = max(qs - base, line.textStart())
                e = min(qe - base, line.textStart() + line.textLength())
                if s >= e:
                    continue
                # glyph runs break at every format change; one rectangle per visual stretch
                xs = sorted((r.left(), r.right()) for r in
                            (run.boundingRect() for run in line.glyphRuns(s, e - s)))
                pieces: list[list[float]] = []
                for left, right in xs:
                    if pieces and left - pieces[-1][1] < 6:
                        pieces[-1][1] = max(pieces[-1][1], right)
                    else:
                        pieces.append([left, right])
                for left, right in pieces:
                    yield QRectF(origin.x() + left - 1, origin.y() + line.y() + 1,
                                 right - left + 2, line.height() - 2)
            block = block.next()


class SuggestionOverlayMixin(SpanPiecesMixin):
    """Dashed outlines for suggestions; the current one (Tab) drawn bolder."""

    def set_suggestions(self, items: list[tuple[int, int, str]], current: int = -1) -> None:
        """`items`: (start, end, colour) in code points, sorted by start."""
        if getattr(self, "_sugg_text", None) is not self.text:  # another article
            self.__dict__["_piece_cache"] = {}
            self._sugg_text = self.text
        old = getattr(self, "_sugg", [])
        old_current = old[self._sugg_current] if 0 <= getattr(
            self, "_sugg_current", -1) < len(old) else None
        self._sugg = [(self.map.to_qt(s), self.map.to_qt(e), c) for s, e, c in items]
        self._sugg_starts = [s for s, _, _ in self._sugg]
        self._sugg_current = current
        new_current = self._sugg[current] if 0 <= current < len(self._sugg) else None
        # repaint only what changed (a decided suggestion, the current one), not the page
        changed = set(old).symmetric_difference(self._sugg) | {old_current, new_current}
        changed.discard(None)
        if len(changed) > 40 or not old:
            self.viewport().update()
            return
        for qs, qe, _ in changed:
            for r in self._pieces(qs, qe):
                self.viewport().update(r.adjusted(-3, -3, 3, 3).toAlignedRect())

    def paint_suggestions(self, painter: QPainter, clip) -> None:
        items = getattr(self, "_sugg", None)
        if not items:
            return
        # only what the repaint touches: a hotkey repaints a paragraph, not the page
        first = self.cursorForPosition(clip.topLeft()).block()
        last = self.cursorForPosition(clip.bottomRight()).block()
        lo = first.position()
        hi = last.position() + last.length()
        # spans are short: any that starts before the visible end and a little before
        # the visible start may show
        i = bisect.bisect_left(self._sugg_starts, lo - 2000)
        j = bisect.bisect_right(self._sugg_starts, hi)
        painter.setRenderHint(QPainter.Antialiasing)
        clip_f = QRectF(clip)
        for k in range(i, j):
            qs, qe, colour = items[k]
            if qe < lo:
                continue
            current = k == self._sugg_current
            pen = QPen(QColor(colour).darker(160 if current else 130), 2.4 if current else 1.4)
            pen.setStyle(Qt.SolidLine if current else Qt.DashLine)
            painter.setPen(pen)
            for r in self._pieces(qs, qe):
                if r.intersects(clip_f):
                    painter.drawRoundedRect(r, 3, 3)

    def _pieces(self, qs: int, qe: int) -> list[QRectF]:
        """span_pieces, remembered in document coordinates: the outlines are repainted on
        every scroll and keystroke, and glyph runs are costly to ask for. Forgotten when
        the layout can move (a new article, a resize, a zoom)."""
        cache = self.__dict__.setdefault("_piece_cache", {})
        key = (qs, qe, self.viewport().width(), self.font().pointSizeF())
        offset = self.contentOffset()
        rects = cache.get(key)
        if rects is None:
            if len(cache) > 5000:
                cache.clear()
            rects = [r.translated(-offset) for r in self.span_pieces(qs, qe)]
            cache[key] = rects
        return [r.translated(offset) for r in rects]
