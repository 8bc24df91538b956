"""Category highlights for the article view, fast on long articles.

Spans arrive in UTF-16 units (the view converts once, with core.text.OffsetMap). Per
paragraph we keep the spans touching it; `highlightBlock` sweeps their boundaries into
non-overlapping segments, each painted with one cached format per multiset of categories,
so thousands of overlapping spans cost one format per distinct combination. A change
re-highlights only the paragraphs it touches.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

LAYER_ALPHA = 0.55  # each category layer tints the paper this much; overlaps get darker


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


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
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

    def reset(self, spans: Iterable[tuple[str, int, int, str]]) -> None:
        """All spans at once (key, start, end, category), for a freshly loaded article."""
        doc = self.document()
        self._starts = []
        block = doc.begin()
        while block.isValid():
            self._starts.append(block.position())
            block = block.next()
        self._spans.clear()
        self._by_block.clear()
        self._segments.clear()
        for key, start, end, cat in spans:
            self._index(key, start, end, cat)
        self.rehighlight()

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
        for n in self._blocks(start, end):
            self._by_block.setdefault(n, set()).add(key)

    def _refresh(self, blocks: range) -> None:
        doc = self.document()
        for n in blocks:
            block = doc.findBlockByNumber(n)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        n = block.blockNumber()
        keys = self._by_block.get(n)
        if not keys:
            self._segments.pop(n, None)
            return
        # `text` is a Python str, but setFormat counts UTF-16 units: work in the block's
        # UTF-16 length and the spans' UTF-16 offsets, never in len(text).
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
        for s, e, cats in segs:
            self.setFormat(s, e - s, self.format_for(cats))
        self._segments[n] = segs
