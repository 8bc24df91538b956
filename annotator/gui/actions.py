"""The one registry of the desk's actions: every name, shortcut and menu text is here.

Widgets never build their own QAction for a command; they ask the registry, so a shortcut
is defined once and the Help page lists exactly what the keys do.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from . import i18n

CONTEXT = "Actions"


class Act(Enum):
    """(menu text, shortcuts). Texts are translated in context "Actions"."""

    NEW_PROJECT = (QT_TRANSLATE_NOOP("Actions", "&New project…"), ("Ctrl+Shift+N",))
    OPEN_PROJECT = (QT_TRANSLATE_NOOP("Actions", "&Open project…"), ("Ctrl+O",))
    IMPORT = (QT_TRANSLATE_NOOP("Actions", "&Import files…"), ("Ctrl+I",))
    IMPORT_FOLDER = (QT_TRANSLATE_NOOP("Actions", "Import a &folder…"), ("Ctrl+Shift+I",))
    EXPORT_XLSX = (QT_TRANSLATE_NOOP("Actions", "&Export to Excel…"), ("Ctrl+E",))
    EXPORT_REFI = (QT_TRANSLATE_NOOP("Actions", "Export for &QDA tools (REFI-QDA)…"), ())
    IMPORT_REFI = (QT_TRANSLATE_NOOP("Actions", "Import from QDA &tools (REFI-QDA)…"), ())
    RESTORE_BACKUP = (QT_TRANSLATE_NOOP("Actions", "&Restore a backup…"), ())
    SETTINGS = (QT_TRANSLATE_NOOP("Actions", "&Settings…"), ("Ctrl+,",))
    QUIT = (QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",))

    UNDO = (QT_TRANSLATE_NOOP("Actions", "&Undo"), ("Ctrl+Z",))
    REDO = (QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"))
    FIND = (QT_TRANSLATE_NOOP("Actions", "&Find in article…"), ("Ctrl+F",))
    FIND_PROJECT = (QT_TRANSLATE_NOOP("Actions", "Find in &all articles…"), ("Ctrl+Shift+F",))
    FIND_NEXT = (QT_TRANSLATE_NOOP("Actions", "Find &next"), ("F3",))
    FIND_PREVIOUS = (QT_TRANSLATE_NOOP("Actions", "Find &previous"), ("Shift+F3",))
    DELETE = (QT_TRANSLATE_NOOP("Actions", "&Delete annotation"), ("Delete",))
    LINK = (QT_TRANSLATE_NOOP("Actions", "&Link to source…"), ("L",))
    CANCEL = (QT_TRANSLATE_NOOP("Actions", "Cancel linking"), ("Escape",))
    EDIT_ATTRIBUTES = (QT_TRANSLATE_NOOP("Actions", "Edit &attributes"), ("F2",))
    SNAP = (QT_TRANSLATE_NOOP("Actions", "&Snap selection to whole words"), ())
    START_BACK = (QT_TRANSLATE_NOOP("Actions", "Move start backward"), ("Alt+Right",))
    START_FORWARD = (QT_TRANSLATE_NOOP("Actions", "Move start forward"), ("Alt+Left",))
    END_BACK = (QT_TRANSLATE_NOOP("Actions", "Move end backward"), ("Alt+Shift+Right",))
    END_FORWARD = (QT_TRANSLATE_NOOP("Actions", "Move end forward"), ("Alt+Shift+Left",))

    ZOOM_IN = (QT_TRANSLATE_NOOP("Actions", "Zoom &in"), ("Ctrl++", "Ctrl+="))
    ZOOM_OUT = (QT_TRANSLATE_NOOP("Actions", "Zoom &out"), ("Ctrl+-",))
    ZOOM_RESET = (QT_TRANSLATE_NOOP("Actions", "&Actual size"), ("Ctrl+0",))
    SHOW_ARTICLES = (QT_TRANSLATE_NOOP("Actions", "Article &list"), ("F9",))
    SHOW_PANEL = (QT_TRANSLATE_NOOP("Actions", "&Coding panel"), ("Shift+F9",))
    LANG_EN = (QT_TRANSLATE_NOOP("Actions", "English"), ())
    LANG_AR = (QT_TRANSLATE_NOOP("Actions", "Arabic (العربية)"), ())

    MARK_DONE = (QT_TRANSLATE_NOOP("Actions", "&Mark article done"), ("Ctrl+D",))
    NEXT_DOC = (QT_TRANSLATE_NOOP("Actions", "&Next article"), ("Ctrl+PgDown",))
    PREVIOUS_DOC = (QT_TRANSLATE_NOOP("Actions", "&Previous article"), ("Ctrl+PgUp",))
    NEXT_INCOMPLETE = (QT_TRANSLATE_NOOP("Actions", "Next &incomplete annotation"), ("F8",))
    PREVIOUS_INCOMPLETE = (QT_TRANSLATE_NOOP("Actions", "Previous incomplete annotation"),
                           ("Shift+F8",))

    SHORTCUTS = (QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), ("F1",))
    ABOUT = (QT_TRANSLATE_NOOP("Actions", "&About Annotator"), ())

    ANNOTATE_1 = (QT_TRANSLATE_NOOP("Actions", "Category 1"), ("1",))
    ANNOTATE_2 = (QT_TRANSLATE_NOOP("Actions", "Category 2"), ("2",))
    ANNOTATE_3 = (QT_TRANSLATE_NOOP("Actions", "Category 3"), ("3",))
    ANNOTATE_4 = (QT_TRANSLATE_NOOP("Actions", "Category 4"), ("4",))
    ANNOTATE_5 = (QT_TRANSLATE_NOOP("Actions", "Category 5"), ("5",))
    ANNOTATE_6 = (QT_TRANSLATE_NOOP("Actions", "Category 6"), ("6",))
    ANNOTATE_7 = (QT_TRANSLATE_NOOP("Actions", "Category 7"), ("7",))
    ANNOTATE_8 = (QT_TRANSLATE_NOOP("Actions", "Category 8"), ("8",))
    ANNOTATE_9 = (QT_TRANSLATE_NOOP("Actions", "Category 9"), ("9",))

    @property
    def text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.value[0])

    @property
    def shortcuts(self) -> tuple[str, ...]:
        return self.value[1]

    @classmethod
    def hotkey(cls, digit: str) -> Act:
        return cls[f"ANNOTATE_{digit}"]


# Boundary moves are logical: "forward" is later in the text. In an Arabic paragraph that
# is leftwards, so Alt+Left moves forward, as the reader's eye does; see help.py.
CHECKABLE = {Act.SNAP, Act.LANG_EN, Act.LANG_AR, Act.SHOW_ARTICLES, Act.SHOW_PANEL}


class Actions(QObject):
    """Builds one QAction per Act on `window`; `actions[Act.UNDO]` returns it."""

    def __init__(self, window):
        super().__init__(window)
        self._actions: dict[Act, QAction] = {}
        for act in Act:
            a = QAction(window)
            a.setObjectName(act.name.lower())
            a.setShortcuts([QKeySequence(s) for s in act.shortcuts])
            # Plain-key shortcuts (digits, L, Delete) must not fire while a line edit has
            # focus; line edits claim those keys through ShortcutOverride, and window
            # context keeps the keys working wherever focus is in the desk.
            a.setShortcutContext(Qt.WindowShortcut)
            a.setCheckable(act in CHECKABLE)
            window.addAction(a)
            self._actions[act] = a
        self.retranslate()

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def retranslate(self) -> None:
        for act, a in self._actions.items():
            if not act.name.startswith("ANNOTATE_"):
                a.setText(menu_text(act.text, a, i18n.is_rtl()))


LRM = "\u200e"


def menu_text(text: str, action: QAction, rtl: bool) -> str:
    """A menu's text for `action`. In a right-to-left menu Qt lays the shortcut out as
    Arabic text and "Ctrl+," reads "+Ctrl,"; a text with its own tab column is shown as
    it is, so the shortcut goes there between left-to-right marks."""
    seq = action.shortcut()
    if not rtl or seq.isEmpty():
        action.setIconText("")
        action.setToolTip("")
        return text
    plain = text.replace("&", "").replace("…", "").strip()
    action.setIconText(plain)  # toolbar buttons and tooltips without the tab column
    action.setToolTip(plain)
    return f"{text}\t{LRM}{seq.toString(QKeySequence.NativeText)}{LRM}"


def shortcut_text(act: Act) -> str:
    """The shortcuts of `act` as the user's platform spells them, each kept left to right
    (in an Arabic line "Ctrl+," would otherwise read "+Ctrl,")."""
    return "، ".join(f"{LRM}{QKeySequence(s).toString(QKeySequence.NativeText)}{LRM}"
                     for s in act.shortcuts) if _rtl() else \
        ", ".join(QKeySequence(s).toString(QKeySequence.NativeText) for s in act.shortcuts)


def _rtl() -> bool:
    return i18n.is_rtl()
