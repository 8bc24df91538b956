"""The article: read-only, right-aligned for Arabic, highlighted by category.

This is the ONE place Qt positions (UTF-16 units) and our offsets (code points into the
stored text) meet: every position leaving this widget went through `self.map`, and every
quote is cut from the stored text, never from the widget (selectedText() puts U+2029
between paragraphs, toPlainText() turns U+00A0 into a space).
"""

from __future__ import annotations

import time
import unicodedata

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QTextCharFormat,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

from ..core.codebook import Codebook
from ..core.records import AnnotationInfo
from ..core.text import OffsetMap, snap_to_words
from . import i18n
from .code_points import CodePointSelection, align_for_language, article_font
from .highlighter import BASE_POINT_SIZE, SpanHighlighter, block_starts, paint_lanes
from .suggestion_overlay import SuggestionOverlayMixin


class ArticleView(SuggestionOverlayMixin, CodePointSelection, QPlainTextEdit):
    """Shows one article and the annotations of one coder (or several, when rendering)."""

    spanClicked = Signal(str)  # uuid of the innermost annotation clicked, "" for none
    selectionReleased = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        # Keyboard-selectable shows a caret, so Shift+arrows select without a mouse.
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setMouseTracking(True)
        self.text = ""
        self.map = OffsetMap.for_text("")
        self.codebook: Codebook | None = None
        self.annotations: dict[str, AnnotationInfo] = {}
        self.snap = True
        self.zoom = 0.0
        self.max_column_em = 46  # a readable measure on wide screens
        self._press: QPoint | None = None
        self._kept = False  # a double/triple click made the selection: release keeps it
        self._double: tuple[float, QPoint] | None = None  # when and where, for a third
        self._active: str | None = None
        self._linked: list[str] = []
        self._hits: list[tuple[int, int]] = []
        self._hit = -1
        self.highlighter = SpanHighlighter(self.document())
        self.document().setDocumentMargin(18)
        self._apply_font()

    # --- content ------------------------------------------------------------------------

    def set_codebook(self, cb: Codebook) -> None:
        self.codebook = cb
        self.highlighter.set_categories({c.key: c.color for c in cb.categories})

    def set_article(self, text: str, language: str = "ar",
                    annotations: list[AnnotationInfo] = ()) -> None:
        self.text = text
        self.map = OffsetMap.for_text(text)
        self.annotations = {a.uuid: a for a in annotations if a.end > a.start}
        self._active, self._linked, self._hits, self._hit = None, [], [], -1
        self._sugg, self._sugg_starts, self._sugg_current = [], [], -1
        self.highlighter.forget()
        align_for_language(self.document(), language)
        self.setPlainText(text)
        # Indexes the spans only; paragraphs get their formats as they are painted.
        anns = self.annotations.values()
        self.highlighter.reset(zip(self.annotations,
                                   self.map.to_qt_many([a.start for a in anns]),
                                   self.map.to_qt_many([a.end for a in anns]),
                                   [a.category for a in anns], strict=True),
                               block_starts(text, self.map))
        self.setExtraSelections([])

    def put(self, info: AnnotationInfo) -> None:
        """Add or replace one annotation; only the paragraphs it touches re-highlight."""
        self.drop(info.uuid)
        if info.end <= info.start:
            return
        self.annotations[info.uuid] = info
        self.highlighter.add(info.uuid, self.map.to_qt(info.start), self.map.to_qt(info.end),
                             info.category)
        if info.uuid == self._active or info.uuid in self._linked:
            self._update_extra()

    def drop(self, uuid: str) -> None:
        if self.annotations.pop(uuid, None) is not None:
            self.highlighter.remove(uuid)
            if uuid == self._active:
                self._active = None
                self._update_extra()

    # --- positions ----------------------------------------------------------------------

    def clear_selection(self) -> None:
        c = self.textCursor()
        c.clearSelection()
        self.setTextCursor(c)

    def annotations_at(self, py: int) -> list[AnnotationInfo]:
        return [self.annotations[k] for k in self.highlighter.keys_at(self.map.to_qt(py))]

    # --- active span, links, search hits (short-lived: ExtraSelections) ----------------

    def set_active(self, uuid: str | None, linked: list[str] = ()) -> None:
        self._active = uuid if uuid in self.annotations else None
        self._linked = [u for u in linked if u in self.annotations]
        self._update_extra()

    def set_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        self._hits, self._hit = list(hits), current
        self._update_extra()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor, sel.format = self.cursor_for(start, end), fmt
        return sel

    def _update_extra(self) -> None:
        sels = []
        for i, (s, e) in enumerate(self._hits):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ff9f1c" if i == self._hit else "#ffe45c"))
            sels.append(self._selection(s, e, fmt))
        for u in self._linked:
            a = self.annotations[u]
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
            fmt.setUnderlineColor(QColor(self._colour(a.category)).darker(220))
            sels.append(self._selection(a.start, a.end, fmt))
        if self._active:
            # Only an underline here, so the spans nested in the active one keep their
            # colours; paint_active() frames it.
            a = self.annotations[self._active]
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
            fmt.setUnderlineColor(QColor(self._colour(a.category)).darker(250))
            sels.append(self._selection(a.start, a.end, fmt))
        self.setExtraSelections(sels)

    def _colour(self, cat: str) -> str:
        c = self.codebook.category(cat) if self.codebook else None
        return c.color if c else "#cccccc"

    # --- zoom ---------------------------------------------------------------------------

    def set_zoom(self, steps: float) -> None:
        self.zoom = max(-6.0, min(12.0, steps))
        self._apply_font()

    def _apply_font(self) -> None:
        self.setFont(article_font(BASE_POINT_SIZE * (1.1 ** self.zoom)))
        self._fit_column()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self) -> None:
        # Long lines are hard to follow; centre a column of at most max_column_em.
        limit = int(self.fontMetrics().height() * self.max_column_em * 0.6)
        spare = max(0, self.width() - limit)
        margin = spare // 2
        if self.viewportMargins().left() != margin:
            self.setViewportMargins(margin, 0, margin, 0)

    # --- mouse and tooltips -------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton and self._third_click(event.position().toPoint()):
            self._double, self._press, self._kept = None, None, True
            self.select_span(*sentence_at(self.text, self._py_at(event.position().toPoint())),
                             scroll=False)
            event.accept()
            return
        self._double = None
        if event.button() == Qt.LeftButton and event.modifiers() == Qt.NoModifier:
            # A press inside the selection would start a text drag in Qt: the coder
            # means a new selection.
            self.clear_selection()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        pos = event.position().toPoint()
        s, e = word_at(self.text, self._py_at(pos))
        if e > s:
            self.select_span(s, e, scroll=False)
            self._kept = True
        self._double, self._press = (time.monotonic(), pos), None
        event.accept()

    def _third_click(self, pos: QPoint) -> bool:
        if self._double is None:
            return False
        when, where = self._double
        return (time.monotonic() - when < QApplication.doubleClickInterval() / 1000
                and (pos - where).manhattanLength() < QApplication.startDragDistance())

    def _py_at(self, pos: QPoint) -> int:
        return self.to_py(self.cursorForPosition(pos).position())

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._kept:  # the word or sentence of a double/triple click stays selected
            self._kept, self._press = False, None
            self.selectionReleased.emit()
            return
        moved = self.dragged(event)
        span = self.selection_span() if moved else None
        if span:
            if self.snap:
                self.select_span(*span, scroll=False)
            self.selectionReleased.emit()
        elif event.button() == Qt.LeftButton:
            self.clear_selection()
            qt = self.cursorForPosition(event.position().toPoint()).position()
            hits = self.highlighter.keys_at(qt)
            self.spanClicked.emit(hits[0] if hits else "")

    def tooltip_at(self, pos: QPoint) -> str:
        vp = self.viewport().mapFrom(self, pos)
        qt = self.cursorForPosition(vp).position()
        lines = []
        for k in self.highlighter.keys_at(qt):
            a = self.annotations[k]
            cat = self.codebook.category(a.category) if self.codebook else None
            head = f"<b>{i18n.name(cat) if cat else a.category}</b> · {a.coder}"
            attrs = [f"{i18n.name(cat.attribute(key)) if cat and cat.attribute(key) else key}: "
                     f"{i18n.value_name(cat.attribute(key) if cat else None, v)}"
                     for key, v in a.attrs.items()]
            lines.append("<br>".join([head, *attrs]))
        return "<hr>".join(lines)

    # --- painting: underline lanes for overlaps -----------------------------------------

    def paintEvent(self, event) -> None:
        offset = self.contentOffset()
        self.highlighter.ensure(self.firstVisibleBlock(), event.rect().bottom(),
                                lambda b: self.blockBoundingGeometry(b).translated(offset))
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self.paint_lanes(painter, event.rect())
            self.paint_suggestions(painter, event.rect())
            self.paint_active(painter)
        finally:
            painter.end()

    def paint_active(self, painter: QPainter) -> None:
        """A frame around each visual piece of the active span (bidi may split it)."""
        a = self.annotations.get(self._active) if self._active else None
        if a is None:
            return
        painter.setPen(QPen(QColor(self._colour(a.category)).darker(250), 1.6))
        painter.setRenderHint(QPainter.Antialiasing)
        for r in self.span_pieces(self.map.to_qt(a.start), self.map.to_qt(a.end)):
            painter.drawRoundedRect(r, 3, 3)

    def paint_lanes(self, painter: QPainter, clip) -> None:
        """Where categories overlap the blended background alone cannot tell which; one
        thin lane per category under the line names each of them by colour."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > clip.bottom():
                break
            segs = [s for s in self.highlighter.segments(block.blockNumber()) if len(s[2]) > 1]
            if segs and geo.bottom() >= clip.top():
                self._paint_block_lanes(painter, block.layout(), geo.topLeft(), segs)
            block = block.next()

    def _paint_block_lanes(self, painter, layout, origin, segs) -> None:
        paint_lanes(painter, layout, origin, segs, self._colour)


SENTENCE_END = ".؟!?"


def word_at(text: str, p: int) -> tuple[int, int]:
    """The word a click at caret position `p` lands on (the character after the caret, or
    before it at a word's end); (p, p) on a space or punctuation."""
    for q in (p, p - 1):
        if 0 <= q < len(text) and (text[q].isalnum() or unicodedata.category(text[q])[0] == "M"
                                   or text[q] == "\u0640"):
            return snap_to_words(text, q, q + 1)
    return p, p


def sentence_at(text: str, p: int) -> tuple[int, int]:
    """The sentence around `p`: from after the previous . ؟ ! ? or line break up to and
    including the next one (or the line's end). A full stop inside a number (3.5) is not
    an end."""
    def ends(i: int) -> bool:
        return text[i] in SENTENCE_END and (i + 1 >= len(text) or not text[i + 1].isalnum())

    s = p
    while s > 0 and text[s - 1] != "\n" and not ends(s - 1):
        s -= 1
    e = p
    while e < len(text) and text[e] != "\n":
        e += 1
        if ends(e - 1):
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
