"""What every article view shares (the desk's, the supervisor's lanes, the renderer's):
the Qt boundary between code points (ours) and UTF-16 positions (Qt's), the article face,
and right-to-left alignment.

`CodePointSelection` is a mixin for a QPlainTextEdit that keeps the stored text in
`self.text`, its OffsetMap in `self.map` and a `self.snap` flag, so the conversion lives
in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QToolTip

from ..core.text import snap_to_words
from ..resources import FONTS

ARTICLE_FONT = "Noto Naskh Arabic"
RTL_LANGUAGES = ("ar", "fa", "ur", "he", "ps", "ku")


def is_rtl_language(language: str) -> bool:
    return (language or "").lower().startswith(RTL_LANGUAGES)


def load_fonts() -> list[str]:
    """Register the shipped fonts; returns the families Qt now knows them by."""
    families = []
    for f in sorted(FONTS.glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(f))
        if fid >= 0:
            families += QFontDatabase.applicationFontFamilies(fid)
    return sorted(set(families))


def article_font(point_size: float) -> QFont:
    f = QFont(ARTICLE_FONT)
    # Latin names and digits inside Arabic fall back to a sans face the eye knows.
    f.setFamilies([ARTICLE_FONT, "DejaVu Sans"])
    f.setPointSizeF(point_size)
    return f


def align_for_language(document: QTextDocument, language: str) -> None:
    """QPlainTextEdit ignores block alignment and leaves Arabic paragraphs on the left;
    the document's default option is what its layout uses. AlignAbsolute keeps "right"
    right in a mirrored (Arabic) interface; per-paragraph direction stays automatic, so
    a paragraph in English still reads left to right. Set it before the text: changing
    it afterwards lays every line out again."""
    opt = document.defaultTextOption()
    rtl = is_rtl_language(language)
    opt.setAlignment((Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignAbsolute)
    opt.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(opt)


class CodePointSelection:
    def to_py(self, qt: int, end: bool = False) -> int:
        """Code point for a Qt position; inside a surrogate pair, go to the character's
        start, or to its end when `end` (so a selection never splits an emoji)."""
        try:
            return self.map.from_qt(qt)
        except ValueError:
            return self.map.from_qt(qt + 1) if end else self.map.from_qt(qt - 1)

    def selection_span(self) -> tuple[int, int] | None:
        """The selection in code points, snapped to whole words when snapping is on."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        s, e = self.to_py(c.selectionStart()), self.to_py(c.selectionEnd(), end=True)
        if self.snap:
            s, e = snap_to_words(self.text, s, e)
        return (s, e) if e > s else None

    def cursor_for(self, start: int, end: int | None = None) -> QTextCursor:
        """A cursor at code point `start`, selecting up to `end` if given."""
        c = QTextCursor(self.document())
        c.setPosition(self.map.to_qt(start))
        if end is not None:
            c.setPosition(self.map.to_qt(end), QTextCursor.KeepAnchor)
        return c

    def select_span(self, start: int, end: int, scroll: bool = True) -> None:
        self.setTextCursor(self.cursor_for(start, end))
        if scroll:
            self.centerCursor()

    def cursor_rect_at(self, py: int):
        """Viewport rectangle of the caret before code point `py` (tests and rendering)."""
        return self.cursorRect(self.cursor_for(py))

    # --- mouse and tooltips shared by the views ----------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def dragged(self, event) -> bool:
        """On release: did the mouse move far enough for a selection, not a click?"""
        press = getattr(self, "_press", None)
        self._press = None
        return press is not None and (event.position().toPoint() - press).manhattanLength() > 3

    def event(self, event) -> bool:
        """Tooltips come from the view's `tooltip_at(pos)`."""
        if event.type() == QEvent.ToolTip:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
