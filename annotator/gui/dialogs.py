"""Small dialogs: settings, keyboard help (built from the action registry), about."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
)

from .. import __version__
from . import i18n
from .actions import LRM, Act, shortcut_text

translate = QCoreApplication.translate


class SettingsDialog(QDialog):
    def __init__(self, coder: str, snap: bool, language: str, parent=None,
                 package: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.coder = QLineEdit(coder)
        self.coder.setObjectName("coderName")
        self.snap = QCheckBox(self.tr("Snap selections to whole words"))
        self.snap.setChecked(snap)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("العربية", "ar")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Your name (as coder):"), self.coder)
        if package:
            # the package's rows must be its coder's: a merge refuses anyone else's
            self.coder.setReadOnly(True)
            note = QLabel(self.tr("This file is a package for this coder; the name is part "
                                  "of it and cannot be changed here."))
            note.setObjectName("coderNameLocked")
            note.setWordWrap(True)
            form.addRow("", note)
        form.addRow("", self.snap)
        form.addRow(self.tr("Interface language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        if self.coder.text().strip():
            self.accept()
        else:
            self.coder.setFocus()

    def values(self) -> tuple[str, bool, str]:
        return self.coder.text().strip(), self.snap.isChecked(), self.language.currentData()


HELP_GROUPS = [
    (QT_TRANSLATE_NOOP("Dialogs", "Coding"),
     [Act.ANNOTATE_1, Act.DELETE, Act.LINK, Act.EDIT_ATTRIBUTES, Act.CANCEL,
      Act.START_FORWARD, Act.START_BACK, Act.END_FORWARD, Act.END_BACK]),
    (QT_TRANSLATE_NOOP("Dialogs", "Editing and finding"),
     [Act.UNDO, Act.REDO, Act.FIND, Act.FIND_PROJECT, Act.FIND_NEXT, Act.FIND_PREVIOUS]),
    (QT_TRANSLATE_NOOP("Dialogs", "Articles and view"),
     [Act.MARK_DONE, Act.NEXT_DOC, Act.PREVIOUS_DOC, Act.NEXT_INCOMPLETE,
      Act.PREVIOUS_INCOMPLETE, Act.SHOW_ARTICLES, Act.SHOW_PANEL, Act.ZOOM_IN, Act.ZOOM_OUT,
      Act.ZOOM_RESET]),
    (QT_TRANSLATE_NOOP("Dialogs", "Files"),
     [Act.OPEN_PROJECT, Act.NEW_PROJECT, Act.IMPORT, Act.IMPORT_FOLDER, Act.EXPORT_XLSX,
      Act.SETTINGS]),
]


def help_html() -> str:
    """The help page. Qt's rich text does not mirror tables, so in a right-to-left
    interface the cells are written keys first (the label lands on the right) and each
    key sequence is kept left to right ("1 … 9", not "9 … 1")."""
    rtl = i18n.is_rtl()
    side = "right" if rtl else "left"
    rows = []
    intro = translate("Dialogs",
        "<p>Select text with the mouse or with Shift+arrow keys, then press a category's "
        "number (1–9) or click it in the palette: the annotation is saved at once. "
        "Selections snap to whole words (Edit menu to switch off).</p>"
        "<p>Click a highlight to select an annotation: its attributes and links appear on "
        "the side. Press L, then click the source the claim is attributed to. Alt+arrows "
        "move the selected annotation's start, Alt+Shift+arrows its end, one word at a "
        "time (one character with snapping off); in an Arabic paragraph the left arrow "
        "moves forward in the text, as you read.</p>"
        "<p>Where categories overlap, the colours mix and a thin line under the text "
        "shows each category.</p>")
    for title, acts in HELP_GROUPS:
        heading = translate("Dialogs", title)
        rows.append(f"<tr><th colspan=2 align={side}><br>{heading}</th></tr>")
        for act in acts:
            keys = f"{LRM}1 … 9{LRM}" if act is Act.ANNOTATE_1 else shortcut_text(act)
            label = translate("Dialogs", "Annotate with the category of that number") \
                if act is Act.ANNOTATE_1 else act.text.replace("&", "")
            cells = [f"<td align={side}>{label}</td>", f"<td><b>{keys}</b></td>"]
            rows.append("<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>")
    table = f"<table cellpadding=3 align={side}>" + "".join(rows) + "</table>"
    if rtl:
        return f'<div dir="rtl" align="right">{intro}{table}</div>'
    return intro + table


def show_help(parent) -> None:
    dlg = QDialog(parent)
    dlg.setObjectName("shortcutsDialog")
    dlg.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
    view = QTextBrowser()
    view.setObjectName("shortcutsHelp")
    from .codebook_editor.rules import codebook_html

    # the coding rules follow the keys: F1 is where a coder looks when unsure
    view.setHtml(help_html() + codebook_html(getattr(parent, "codebook", None)))
    lay = QVBoxLayout(dlg)
    lay.addWidget(view)
    dlg.resize(560, 620)
    dlg.open()


def show_about(parent) -> None:
    QMessageBox.about(parent, translate("Dialogs", "About Annotator"), translate("Dialogs",
        "<h3>Annotator %1</h3><p>Code Arabic news for content analysis: claims, sources, "
        "attribution and reliability, right to left, with undo for every edit.</p>"
        "<p>Article font: Noto Naskh Arabic (SIL Open Font License).</p>")
        .replace("%1", __version__))
