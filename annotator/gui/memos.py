"""Memo fields: a note saved while typing (after a short pause, and at once when the
field is left or something else is shown), and the article note under the annotations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

# Short enough that a crash a second after typing loses nothing, long enough that a
# sentence is one write rather than one per key.
DEBOUNCE_MS = 400


class NoteEdit(QPlainTextEdit):
    """Emits `noteEdited(target, text)` once typing pauses; `target` is what the note
    belongs to when typing began (an annotation UUID, a document id), so a note finished
    after the selection moved on is never written onto the next one."""

    noteEdited = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.target = None
        self._stored = ""
        self._pending_for = None
        self.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._typed)
        self._loading = False

    def show_note(self, target, text: str, keep_typing: bool = False) -> None:
        """Show `target`'s stored note. The same target refreshed while the coder types
        (an event echoing the last save) keeps what is on screen."""
        if keep_typing and target == self.target and self.hasFocus():
            self._stored = text
            return
        self.flush()
        self.target, self._stored = target, text
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def _typed(self) -> None:
        if self._loading or self.target is None:
            return
        self._pending_for = self.target
        self._timer.start()

    def flush(self) -> None:
        """Report what is typed and not yet saved, now."""
        self._timer.stop()
        target, self._pending_for = self._pending_for, None
        if target is None or target != self.target:
            return
        text = self.toPlainText()
        if text.strip() != self._stored.strip():
            self._stored = text
            self.noteEdited.emit(target, text)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)


class ArticleNote(QWidget):
    """The coder's note on the open article."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 6)
        self.label = QLabel()
        self.edit = NoteEdit()
        self.edit.setObjectName("articleNote")
        self.edit.setMaximumHeight(90)
        self.label.setBuddy(self.edit)
        lay.addWidget(self.label)
        lay.addWidget(self.edit)
        self._retranslate()

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Note on this article:"))
        self.edit.setPlaceholderText(self.tr("Your note on the whole article (saved as you "
                                             "type)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def memo_suffix(a, width: int = 40) -> str:
    """What a supervisor sees beside a coder's span: the "discuss" mark and the note's
    start ("" when there is neither)."""
    from PySide6.QtCore import QCoreApplication

    parts = []
    if getattr(a, "flag", False):
        parts.append("⚑ " + QCoreApplication.translate("Memos", "discuss"))
    note = " ".join((getattr(a, "note", "") or "").split())
    if note:
        parts.append("✎ \u2068" + (note if len(note) <= width else note[:width - 1] + "…")
                     + "\u2069")
    return ("  " + " · ".join(parts)) if parts else ""
