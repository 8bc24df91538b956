"""The Qt boundary for every text view: code points (ours) <-> UTF-16 positions (Qt's).

A mixin for a QPlainTextEdit that keeps the stored text in `self.text`, its OffsetMap in
`self.map` and a `self.snap` flag; the desk's article view and the supervisor's lanes
view both use it, so the conversion lives in one place.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from ..core.text import snap_to_words


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
