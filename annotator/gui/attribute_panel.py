"""The selected annotation's attributes and links. Every edit is reported at once (the
window turns it into an UpdateAnnotation undo command); nothing is held back unsaved: a
typed value is stored TYPING_PAUSE_MS after the last key (a crash loses at most that), and
at once by `commit_pending()`, which the window calls before the panel would show something
else (another annotation, article, language). One typing burst in one field is one undo
step: its stores carry the same burst key and merge. Escape in a text field puts back the
value it had before the burst."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.codebook import AttributeDef, Codebook
from ..core.records import AnnotationInfo, RelationInfo
from ..core.text import fold
from . import i18n
from .memos import NoteEdit
from .models import RTL_ALIGN, is_rtl_text, short

FOLD_ROLE = Qt.UserRole + 10
NO_NUMBER = -1e12  # the spin box's "empty" value, shown as "—"
TYPING_PAUSE_MS = 400  # a typed value is stored this long after the last key


class FoldCompleter(QCompleter):
    """Completes names already used, matched under Arabic folding: "الجارديان" typed with
    a hamza, diacritics or tatweel still finds the stored spelling."""

    def __init__(self, values: list[str], parent=None):
        super().__init__(parent)
        self.set_values(values)
        self.setCompletionRole(FOLD_ROLE)
        self.setFilterMode(Qt.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitive)  # fold() already case-folds
        self.setCompletionMode(QCompleter.PopupCompletion)

    def set_values(self, values: list[str]) -> None:
        model = QStandardItemModel(self)
        for v in values:
            item = QStandardItem(v)
            item.setData(fold(v), FOLD_ROLE)
            if is_rtl_text(v):
                item.setData(int(RTL_ALIGN), Qt.TextAlignmentRole)
            model.appendRow(item)
        self.setModel(model)
        # Arabic names read from the right, whatever the interface direction
        if values:
            rtl = sum(map(is_rtl_text, values)) * 2 >= len(values)
            self.popup().setLayoutDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index) -> str:
        return index.data(Qt.DisplayRole)


class AttributePanel(QWidget):
    attrsEdited = Signal(dict)  # the complete new attribute dict
    attrsTyped = Signal(dict, str)  # the same, from typing: (attrs, burst key to merge on)
    pendingChanged = Signal(bool)  # typed text not stored yet (the status bar says so)
    categoryEdited = Signal(str)
    linkRequested = Signal()
    linkRemoved = Signal(object)  # RelationInfo
    annotationActivated = Signal(str)
    noteEdited = Signal(object, str)  # (annotation uuid, note): saved while typing
    flagEdited = Signal(str, bool)  # (annotation uuid, "discuss")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info: AnnotationInfo | None = None
        self.codebook: Codebook | None = None
        self.editors: dict[str, QWidget] = {}
        self._building = False
        self._suggest = None
        self._companions = None
        # the typing burst: which field, its number, the value stored before it began
        self._burst: tuple[str, int, object] | None = None
        self._last_burst: tuple[str, int, object] | None = None
        self._bursts = 0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._store_typed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.RichText)
        self.category = QComboBox()
        self.category.setObjectName("annotationCategory")
        self.category.activated.connect(self._category_chosen)
        self.form = QFormLayout()
        self.links_label = QLabel()
        self.links = QListWidget()
        self.links.setObjectName("links")
        self.links.setMaximumHeight(110)
        # a link is a sentence: it wraps instead of hiding behind a horizontal scrollbar
        self.links.setWordWrap(True)
        self.links.setResizeMode(QListWidget.Adjust)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.links.setTextElideMode(Qt.ElideNone)
        self.links.itemActivated.connect(self._link_activated)
        self.links.itemClicked.connect(self._link_activated)
        row = QHBoxLayout()
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self.linkRequested)
        self.unlink_button = QPushButton()
        self.unlink_button.clicked.connect(self._unlink)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        for w in (self.header, self.category):
            lay.addWidget(w)
        lay.addLayout(self.form)
        self._build_memo(lay)
        lay.addWidget(self.links_label)
        lay.addWidget(self.links)
        lay.addLayout(row)
        lay.addStretch(1)
        self._retranslate()
        self.show_annotation(None)

    def _build_memo(self, lay) -> None:
        """The coder's note and "discuss" flag, below the attributes."""
        self.note_label = QLabel()
        self.note = NoteEdit()
        self.note.setObjectName("annotationNote")
        self.note.setMaximumHeight(80)
        self.note.noteEdited.connect(self.noteEdited)
        self.note_label.setBuddy(self.note)
        self.flag = QCheckBox()
        self.flag.setObjectName("annotationFlag")
        self.flag.toggled.connect(self._flag_toggled)
        for w in (self.note_label, self.note, self.flag):
            lay.addWidget(w)

    def _flag_toggled(self, on: bool) -> None:
        if not self._building and self.info is not None and on != self.info.flag:
            self.flagEdited.emit(self.info.uuid, on)

    def first_editor(self) -> QWidget | None:
        """The first attribute field (the target of "Edit attributes")."""
        return next(iter(self.editors.values()), None)

    def is_field(self, w) -> bool:
        """Whether `w` is (inside) one of the attribute fields."""
        return w is not None and any(w is ed or ed.isAncestorOf(w)
                                     for ed in self.editors.values())

    def commit_pending(self) -> None:
        """Report what is typed but not yet stored (the pause not over, no Enter, focus
        still in the field), and a half-typed number; the typing burst ends."""
        if self._building or self.info is None or self.codebook is None:
            return
        self.note.flush()
        self._store_typed()
        self._end_burst()
        for w in list(self.editors.values()):
            if isinstance(w, QDoubleSpinBox):
                w.interpretText()  # emits valueChanged when the text is a new number

    def has_pending(self) -> bool:
        """Whether typed text is waiting for the pause to be stored."""
        return self._pause.isActive()

    def revert_field(self, w) -> bool:
        """Escape in a text field: the value from before this typing burst comes back
        (stored again if the burst had already stored something), the suggestion popup
        closes, nothing typed is kept. False if `w` is no text field."""
        key = next((k for k, ed in self.editors.items()
                    if isinstance(ed, QLineEdit) and (w is ed or ed.isAncestorOf(w))), None)
        if key is None or self.info is None:
            return False
        ed = self.editors[key]
        if ed.completer() is not None:
            ed.completer().popup().hide()
        self._pause.stop()
        burst = self._burst
        before = burst[2] if burst and burst[0] == key else self.info.attrs.get(key)
        if self.info.attrs.get(key) != before:
            self._emit_typed(key, before)
        self._building = True
        try:
            ed.setText("" if before is None else str(before))
        finally:
            self._building = False
        self._end_burst()
        return True

    def _typing(self, key: str) -> None:
        if self._building or self.info is None:
            return
        if self._burst is None or self._burst[0] != key:
            self._end_burst()
            self._bursts += 1
            self._burst = (key, self._bursts, self.info.attrs.get(key))
        self._pause.start()
        self.pendingChanged.emit(True)

    def _store_typed(self) -> None:
        """The pause is over (or the field is left): store the text being typed."""
        was = self._pause.isActive()
        self._pause.stop()
        if self._burst is None or self.info is None:
            return
        key = self._burst[0]
        w = self.editors.get(key)
        if isinstance(w, QLineEdit):
            value = w.text().strip() or None
            if value != self.info.attrs.get(key):
                self._emit_typed(key, value)
        if was:
            self.pendingChanged.emit(False)

    def _emit_typed(self, key: str, value) -> None:
        attrs = dict(self.info.attrs)
        if value is None or value == "":
            attrs.pop(key, None)
        else:
            attrs[key] = value
        if attrs != self.info.attrs:
            _key, n, _before = self._burst or (key, 0, None)
            self.attrsTyped.emit(attrs, f"{self.info.uuid}:{key}:{n}")

    def _end_burst(self) -> None:
        if self._pause.isActive():
            self._pause.stop()
            self.pendingChanged.emit(False)
        self._last_burst, self._burst = self._burst, None

    # --- content ------------------------------------------------------------------------

    def set_codebook(self, cb: Codebook, suggestions=None, companions=None) -> None:
        """`suggestions(category, attribute) -> list[str]`: values used in the project;
        `companions(category, attribute, value) -> dict`: the other attributes a value
        usually carries (filled in when a suggestion is picked)."""
        self.codebook, self._suggest, self._companions = cb, suggestions, companions

    def show_annotation(self, info: AnnotationInfo | None,
                        links: list[tuple[RelationInfo, str]] = (), can_link: bool = False):
        # The same category keeps its form (only values change): clicking from claim to
        # claim builds no widgets.
        same = (info is not None and self.info is not None
                and info.category == self.info.category and bool(self.editors)
                == bool(self.codebook.category(info.category).attributes))
        # the same annotation again (an event refreshing it) keeps what is being typed;
        # another one never inherits the text of the field that has focus
        refresh = same and info.uuid == self.info.uuid
        if not refresh:
            self._end_burst()  # the window stored it (commit_pending) before switching
        self.info = info
        self._building = True
        try:
            if not same:
                self._rebuild()
            self._fill(keep_typing=refresh)
            self.note.show_note(info.uuid if info else None, info.note if info else "",
                                keep_typing=refresh)
            self.flag.setChecked(bool(info and info.flag))
            self.links.clear()
            for rel, label in links:
                item = QListWidgetItem(label)
                item.setData(Qt.UserRole, rel)
                self.links.addItem(item)
        finally:
            self._building = False
        has = info is not None
        for w in (self.category, self.links_label, self.links, self.unlink_button,
                  self.note_label, self.note, self.flag):
            w.setVisible(has and (w is not self.category or info.end > info.start))
        self.link_button.setVisible(has and can_link)
        self.unlink_button.setEnabled(bool(links))
        self._header()

    def _header(self) -> None:
        info = self.info
        if info is None:
            self.header.setText(self.tr("No annotation selected. Select text and press a "
                                        "category's key, or click a highlight."))
            return
        cat = self.codebook.category(info.category) if self.codebook else None
        quote = short(info.quote, 160) if info.end > info.start else self.tr("whole article")
        self.header.setText(f"<b>{i18n.name(cat) if cat else info.category}</b> · "
                            f"{info.coder}<br><span>{_html(quote)}</span>")

    def _rebuild(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        info = self.info
        if info is None or self.codebook is None:
            return
        cat = self.codebook.category(info.category)
        self.category.clear()
        for c in self.codebook.categories:
            if c.kind == cat.kind:
                self.category.addItem(i18n.name(c), c.key)
        for a in cat.attributes:
            ed = self._editor(cat.key, a)
            ed.setObjectName(f"attr_{a.key}")
            ed.setToolTip(a.description)
            self.editors[a.key] = ed
            self.form.addRow(i18n.name(a) + (" *" if a.required else ""), ed)
        # New editors join the end of the window's tab chain (after the annotation
        # table); put them where they are seen: category, fields, links, buttons.
        chain = [self.category, *self.editors.values(), self.links, self.link_button,
                 self.unlink_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _editor(self, cat_key: str, a: AttributeDef) -> QWidget:
        if a.type == "choice":
            w = QComboBox()
            w.addItem("—", None)
            for v in a.values:
                w.addItem(i18n.name(v), v.key)
                w.setItemData(w.count() - 1, v.description, Qt.ToolTipRole)
                if v.retired:  # shown on annotations that have it, never offered anew
                    w.setItemText(w.count() - 1, self.tr("%1 (retired)").replace(
                        "%1", i18n.name(v)))
                    w.model().item(w.count() - 1).setEnabled(False)
            w.activated.connect(lambda _i, k=a.key, w=w: self._edited(k, w.currentData()))
        elif a.type == "number":
            w = QDoubleSpinBox()
            w.setRange(NO_NUMBER, 1e12)
            w.setDecimals(2)
            w.setSpecialValueText("—")
            w.setKeyboardTracking(False)  # one edit per finished number, not per digit
            w.valueChanged.connect(
                lambda v, k=a.key: self._edited(k, None if v <= NO_NUMBER else v))
        elif a.type == "boolean":
            w = QCheckBox()
            w.toggled.connect(lambda on, k=a.key: self._edited(k, on))
        else:
            w = QLineEdit()
            if a.suggest and self._suggest is not None:
                # Filled when the field is entered: the query reads every annotation of
                # the category, too slow to repeat on each click of a highlight.
                w.setCompleter(FoldCompleter([], w))
                w.installEventFilter(self)
                w.setProperty("suggest", (cat_key, a.key))
                w.completer().activated.connect(
                    lambda text, c=cat_key, k=a.key: self._picked(c, k, text.strip()))
            w.textEdited.connect(lambda _t, k=a.key: self._typing(k))
            w.editingFinished.connect(self._finish_typing)
        return w

    def _fill(self, keep_typing: bool = False) -> None:
        info = self.info
        if info is None:
            return
        self.category.setCurrentIndex(max(0, self.category.findData(info.category)))
        cat = self.codebook.category(info.category)
        for key, w in self.editors.items():
            a, v = cat.attribute(key), info.attrs.get(key)
            if a.type == "choice":
                w.setCurrentIndex(max(0, w.findData(v)))
            elif a.type == "number":
                w.setValue(NO_NUMBER if v is None else float(v))
            elif a.type == "boolean":
                w.setChecked(bool(v))
            elif not (keep_typing and w.hasFocus()) or w.text().strip() == (v or ""):
                w.setText(v or "")

    def refresh_suggestions(self) -> None:
        """Reload the completers' names (after one was used for the first time)."""
        for w in self.editors.values():
            self._load_suggestions(w)

    def _load_suggestions(self, w) -> None:
        key = w.property("suggest") if isinstance(w, QLineEdit) else None
        if key and self._suggest is not None:
            w.completer().set_values(self._suggest(*key))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.FocusIn:
            self._load_suggestions(obj)
        return False

    # --- edits --------------------------------------------------------------------------

    def _edited(self, key: str, value) -> None:
        if self._building or self.info is None:
            return
        attrs = dict(self.info.attrs)
        if value is None or value == "":
            attrs.pop(key, None)
        else:
            attrs[key] = value
        if attrs != self.info.attrs:
            self.attrsEdited.emit(attrs)

    def _picked(self, cat_key: str, key: str, value: str) -> None:
        """A suggestion picked: the name, and the attributes still empty get what the same
        name carries most often elsewhere (the coder changes them if this one differs);
        with the typing before it, one undo step."""
        if self._building or self.info is None or not value:
            return
        self._pause.stop()
        attrs = dict(self.info.attrs)
        attrs[key] = value
        known = self._companions(cat_key, key, value) if self._companions else {}
        cat = self.codebook.category(cat_key)
        for k, v in known.items():
            if attrs.get(k) in (None, "") and cat.attribute(k) is not None:
                attrs[k] = v
        # Return in the popup ends the burst (editingFinished) before `activated`: the
        # pick still joins the burst it finished, if that is the last step
        burst = self._burst or self._last_burst
        if attrs != self.info.attrs:
            if burst is not None and burst[0] == key:
                self.attrsTyped.emit(attrs, f"{self.info.uuid}:{key}:{burst[1]}")
            else:
                self.attrsEdited.emit(attrs)
        self._end_burst()

    def _finish_typing(self) -> None:
        """Enter or leaving the field: store now, and the next key starts a new burst."""
        if not self._building:
            self._store_typed()
            self._end_burst()

    def _category_chosen(self, index: int) -> None:
        key = self.category.itemData(index)
        if not self._building and self.info is not None and key != self.info.category:
            self.categoryEdited.emit(key)

    def _unlink(self) -> None:
        item = self.links.currentItem() or (self.links.item(0) if self.links.count() else None)
        if item is not None:
            self.linkRemoved.emit(item.data(Qt.UserRole))

    def _link_activated(self, item) -> None:
        rel = item.data(Qt.UserRole)
        if self.info is not None:
            other = rel.to_uuid if rel.from_uuid == self.info.uuid else rel.from_uuid
            self.annotationActivated.emit(other)

    # --- language -----------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.links_label.setText(self.tr("Links:"))
        self.link_button.setText(self.tr("Link… (L)"))
        self.unlink_button.setText(self.tr("Remove link"))
        self.category.setToolTip(self.tr("Change the category"))
        self.note_label.setText(self.tr("Note:"))
        self.note.setPlaceholderText(self.tr("Your note on this annotation (saved as you type)"))
        self.flag.setText(self.tr("Discuss with the supervisor"))
        self.flag.setToolTip(self.tr("Marks the annotation for discussion; the supervisor "
                                     "sees it in the comparison window"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
            info, self.info = self.info, None  # names change: rebuild the form
            links = [(self.links.item(i).data(Qt.UserRole), self.links.item(i).text())
                     for i in range(self.links.count())]
            self.show_annotation(info, links, self.link_button.isVisibleTo(self))
        super().changeEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

