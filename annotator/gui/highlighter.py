"""Category highlights for the article view, fast on long articles.

Spans arrive in UTF-16 units (the view converts once, with core.text.OffsetMap). Per
paragraph we keep the spans touching it; a sweep over their boundaries gives
non-overlapping segments, each painted with one cached format per multiset of
categories, so thousands of overlapping spans cost one format per distinct combination.

A paragraph is formatted the first time it is about to be painted (ArticleView.paintEvent
calls ensure()), and after that only when a change touches it. Formatting every paragraph
up front took about 100 ms for 300,000 characters here, 2-4x the bare widget's first
paint. The formats go straight into the paragraph's QTextLayout (setFormats plus
markContentsDirty, what QSyntaxHighlighter does inside): a QSyntaxHighlighter would also
call back into Python for every paragraph while setPlainText builds the document, about
10 ms for 3,000 paragraphs even when the callback returns at once, and it cannot be
detached for the load without queueing a pass over the whole document. Paragraph starts
come from the stored text (block_starts), checked against the document, not from a walk
over its blocks.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from ..core.text import OffsetMap

LAYER_ALPHA = 0.55  # each category layer tints the paper this much; overlaps get darker
BASE_POINT_SIZE = 15.0  # the article's size at zoom 0, on the desk and on paper
LANE = 3  # px per underline lane marking each category of an overlap


def blend(colours: Iterable[str]) -> QColor:
    """The colours laid over white paper one after another, like highlighter ink."""
    r = g = b = 255.0
    for hexcol in colours:
        c = QColor(hexcol)
        r = r * (1 - LAYER_ALPHA) + c.red() * LAYER_ALPHA
        g = g * (1 - LAYER_ALPHA) + c.green() * LAYER_ALPHA
        b = b * (1 - LAYER_ALPHA) + c.blue() * LAYER_ALPHA
    return QColor(round(r), round(g), round(b))


Segment = tuple[int, int, tuple[str, ...]]  # block-relative UTF-16 [start, end), categories

# What QTextCursor::insertText (so setPlainText) starts a new paragraph at, besides "\n";
# "\r\n" counts as one break there, so a text with "\r" is left to the document.
_OTHER_BREAKS = ("\u2029", "\ufdd0", "\ufdd1")
_BREAKS = re.compile("[\n\u2029\ufdd0\ufdd1]")


def block_starts(text: str, omap: OffsetMap) -> list[int] | None:
    """UTF-16 position of each paragraph (QTextBlock) setPlainText(text) makes, computed
    from the text; None when the text holds a "\r" (Qt's positions then differ)."""
    if "\r" in text:
        return None
    if any(c in text for c in _OTHER_BREAKS):
        starts = [0]
        starts += [m.end() for m in _BREAKS.finditer(text)]
    else:
        starts, pos = [0], 0
        for line in text.split("\n")[:-1]:
            pos += len(line) + 1
            starts.append(pos)
    return omap.to_qt_many(starts)


class SpanHighlighter:
    def __init__(self, document: QTextDocument):
        self._doc = document
        self._done: set[int] = set()  # blocks formatted (changes re-format them)
        self._colours: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._spans: dict[str, tuple[int, int, str]] = {}
        self._by_block: dict[int, set[str]] = {}
        self._starts: list[int] = []
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}
        self._segments: dict[int, list[Segment]] = {}

    # --- set-up -------------------------------------------------------------------------

    def set_categories(self, colours: dict[str, str]) -> None:
        """Category key -> "#rrggbb", in codebook order (the order layers are laid)."""
        self._colours = dict(colours)
        self._order = {k: i for i, k in enumerate(colours)}
        self._formats.clear()

    def document(self) -> QTextDocument:
        return self._doc

    def reset(self, spans: Iterable[tuple[str, int, int, str]],
              starts: list[int] | None = None) -> None:
        """All spans at once (key, start, end, category), for a freshly loaded article
        (call forget() before replacing the text). `starts`: the paragraphs' UTF-16
        positions if known (block_starts); used when the document agrees, else read from
        it. Nothing is formatted here: ensure() does that for the paragraphs painted."""
        doc = self._doc
        self._done.clear()
        if starts is None or len(starts) != doc.blockCount() \
                or starts[-1] != doc.lastBlock().position():
            starts = []
            block = doc.begin()
            while block.isValid():
                starts.append(block.position())
                block = block.next()
        self._starts = starts
        self._segments.clear()
        self._spans = by_key = {}
        self._by_block = by_block = {}
        right, last_block = bisect.bisect_right, len(starts) - 1
        # _index inlined: one pass of plain Python over thousands of spans
        for k, s, e, c in spans:
            by_key[k] = (s, e, c)
            first = right(starts, s) - 1  # starts[0] == 0 <= s
            if first == last_block or e <= starts[first + 1]:  # the usual case
                keys = by_block.get(first)
                if keys is None:
                    by_block[first] = {k}
                else:
                    keys.add(k)
            else:  # across paragraphs: up to the one holding its last unit
                for n in range(first, right(starts, e - 1, first)):
                    keys = by_block.get(n)
                    if keys is None:
                        by_block[n] = {k}
                    else:
                        keys.add(k)

    # --- changes ------------------------------------------------------------------------

    def add(self, key: str, start: int, end: int, category: str) -> None:
        self.remove(key)
        self._index(key, start, end, category)
        self._refresh(self._blocks(start, end))

    def remove(self, key: str) -> None:
        old = self._spans.pop(key, None)
        if old is None:
            return
        blocks = self._blocks(old[0], old[1])
        for n in blocks:
            keys = self._by_block.get(n)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_block[n]
        self._refresh(blocks)

    # --- queries ------------------------------------------------------------------------

    def segments(self, block_number: int) -> list[Segment]:
        return self._segments.get(block_number, [])

    def keys_at(self, pos: int) -> list[str]:
        """Keys of the spans covering UTF-16 position `pos`, innermost (shortest) first."""
        n = bisect.bisect_right(self._starts, pos) - 1
        hits = [k for k in self._by_block.get(n, ())
                if self._spans[k][0] <= pos < self._spans[k][1]]
        return sorted(hits, key=lambda k: self._spans[k][1] - self._spans[k][0])

    def format_for(self, cats: tuple[str, ...]) -> QTextCharFormat:
        fmt = self._formats.get(cats)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(blend(self._colours.get(c, "#cccccc") for c in cats))
            self._formats[cats] = fmt
        return fmt

    # --- internals ----------------------------------------------------------------------

    def _blocks(self, start: int, end: int) -> range:
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_right(self._starts, max(start, end - 1)) - 1)
        return range(first, last + 1)

    def _index(self, key: str, start: int, end: int, cat: str) -> None:
        self._spans[key] = (start, end, cat)
        starts, by_block = self._starts, self._by_block
        first = max(0, bisect.bisect_right(starts, start) - 1)
        if first + 1 >= len(starts) or end <= starts[first + 1]:  # the usual case
            by_block.setdefault(first, set()).add(key)
            return
        for n in self._blocks(start, end):
            by_block.setdefault(n, set()).add(key)

    def forget(self) -> None:
        """Before the document's text is replaced (the new paragraphs come without
        formats; reset() then indexes the new spans)."""
        self._done.clear()
        self._spans.clear()
        self._by_block.clear()
        self._segments.clear()

    def _refresh(self, blocks: range) -> None:
        """Re-format the touched paragraphs that were formatted already; the others get
        their formats when they are first painted."""
        doc = self._doc
        for n in blocks:
            if n in self._done:
                block = doc.findBlockByNumber(n)
                if block.isValid():
                    self.rehighlightBlock(block)

    def ensure(self, first, bottom: float, geometry) -> None:
        """Format the blocks from `first` while `geometry(block).top() < bottom`."""
        block = first
        while block.isValid():
            self._ensure_block(block)
            if geometry(block).top() >= bottom:
                break
            block = block.next()

    def ensure_all(self) -> None:
        block = self._doc.begin()
        while block.isValid():
            self._ensure_block(block)
            block = block.next()

    def _ensure_block(self, block: QTextBlock) -> None:
        n = block.blockNumber()
        if n not in self._done:
            self._done.add(n)
            if n in self._by_block:
                self.rehighlightBlock(block)

    def rehighlightBlock(self, block: QTextBlock) -> None:  # noqa: N802 (Qt's name)
        """Give one paragraph its formats now (QSyntaxHighlighter.rehighlightBlock)."""
        n = block.blockNumber()
        segs = self._sweep(block)
        if segs:
            self._segments[n] = segs
        else:
            self._segments.pop(n, None)
        layout = block.layout()
        if not segs and not layout.formats():
            return
        ranges = []
        for s, e, cats in segs:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = s, e - s, self.format_for(cats)
            ranges.append(r)
        layout.setFormats(ranges)
        self._doc.markContentsDirty(block.position(), block.length())

    def _sweep(self, block) -> list[Segment]:
        n = block.blockNumber()
        keys = self._by_block.get(n)
        if not keys:
            return []
        # highlightBlock gets a Python str, but setFormat counts UTF-16 units: work in the
        # block's UTF-16 length and the spans' UTF-16 offsets, never len() of the text.
        base, length = block.position(), block.length() - 1
        edges: list[tuple[int, int, str]] = []
        for k in keys:
            s, e, cat = self._spans[k]
            s, e = max(s, base) - base, min(e, base + length) - base
            if s < e:
                edges.append((s, 1, cat))
                edges.append((e, -1, cat))
        edges.sort(key=lambda x: x[0])
        active: Counter[str] = Counter()
        segs: list[Segment] = []
        prev = 0
        for pos, delta, cat in edges:
            if pos > prev and active:
                cats = tuple(sorted(active.elements(), key=lambda c: self._order.get(c, 99)))
                if segs and segs[-1][1] == prev and segs[-1][2] == cats:
                    segs[-1] = (segs[-1][0], pos, cats)
                else:
                    segs.append((prev, pos, cats))
            active[cat] += delta
            if active[cat] <= 0:
                del active[cat]
            prev = pos
        return segs


def paint_lanes(painter, layout, origin, segs, colour) -> None:
    """One thin lane per category under each overlapping stretch of one paragraph's
    lines (`segs` from the highlighter; `colour(category)` a colour name). The renderer
    draws the same."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        ls, le = line.textStart(), line.textStart() + line.textLength()
        bottom = origin.y() + line.y() + line.height() - 1
        for s, e, cats in segs:
            s, e = max(s, ls), min(e, le)
            if s >= e:
                continue
            lanes = list(dict.fromkeys(cats))
            for run in line.glyphRuns(s, e - s):
                r = run.boundingRect()
                for j, cat in enumerate(lanes):
                    painter.fillRect(QRectF(origin.x() + r.left(), bottom - (j + 1) * LANE,
                                            r.width(), LANE - 1),
                                     QColor(colour(cat)).darker(140))
