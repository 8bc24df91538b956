"""The codebook editor: a tree of categories, their attributes and values, and the
relations; a form for every field the YAML holds; its own undo stack; import, export, and
saving into the project as a new codebook version.

Edits change a working copy (`self.cb`); each is one undo step holding the codebook
before and after. Saving hands the copy to `Project.set_codebook`, which refuses what
stored work cannot survive (with the list) and records the version. Recoding a value
(merge into another) rewrites data, so it runs on the saved codebook at once and is an
undo step that calls `Project.undo_operation`.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.codebook import (
    ATTRIBUTE_TYPES,
    CATEGORY_KINDS,
    HOTKEYS,
    AttributeDef,
    CategoryDef,
    Codebook,
    RelationDef,
    ValueDef,
    load_codebook,
    save_codebook,
)
from ...core.errors import AnnotatorError
from .. import i18n

PATH_ROLE = Qt.UserRole + 1
PALETTE = ("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
           "#dbdb8d", "#9edae5")


translate = QCoreApplication.translate


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""
    def lum(c: str) -> float:
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable(colour: str) -> bool:
    """The check the shipped codebook passes: dark text reads on it (7:1), and it shows
    on the white page (1.4:1)."""
    return contrast(colour, "#1a1a1a") >= 7.0 and contrast(colour, "#ffffff") >= 1.4


class Snapshot(QUndoCommand):
    """One edit: the whole codebook before and after (small; restores exactly)."""

    def __init__(self, editor: CodebookEditor, before: Codebook, after: Codebook, text: str,
                 path_after: tuple):
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self.path_before, self.path_after = editor.current_path(), path_after
        self._first = True

    def redo(self) -> None:
        self.editor.show_codebook(copy.deepcopy(self.after), self.path_after,
                                  keep_form=self._first)
        self._first = False

    def undo(self) -> None:
        self.editor.show_codebook(copy.deepcopy(self.before), self.path_before)


class RecodeStep(QUndoCommand):
    """Merge a value into another in the project's data (undo: Project.undo_operation)."""

    def __init__(self, editor: CodebookEditor, category: str, attribute: str, old: str,
                 new: str):
        super().__init__(translate("CodebookEditor", "Merge value '%1' into '%2'").replace("%1", old).replace("%2", new))
        self.editor, self.args = editor, (category, attribute, old, new)
        self.number: int | None = None

    def redo(self) -> None:
        p = self.editor.project
        self.number = p.recode(*self.args, author=self.editor.author)
        self.editor.reload()

    def undo(self) -> None:
        self.editor.project.undo_operation(self.number, author=self.editor.author)
        self.editor.reload()


class CodebookTree(QTreeWidget):
    """Drag and drop only among siblings: a value stays in its attribute, an attribute
    in its category (anything else is undone by redrawing from the model)."""

    moved = Signal(tuple, int)  # path of the dragged item, its new index

    def dropEvent(self, event) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None:
            event.ignore()
            return
        path = item.data(0, PATH_ROLE)
        target = self.itemAt(event.position().toPoint())
        tpath = target.data(0, PATH_ROLE) if target is not None else None
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        if tpath is None or len(tpath) != len(path) or tpath[:-1] != path[:-1] \
                or tpath[-1][0] != path[-1][0]:  # same parent, same kind of entry
            return
        self.moved.emit(path, tpath[-1])


class CodebookEditor(QDialog):
    """Edit the codebook of `project` (None: edit a file only, with import/export)."""

    saved = Signal(int)  # the new version's number

    def __init__(self, project, author: str = "", parent=None, start_empty: bool = False):
        super().__init__(parent)
        self.setObjectName("codebookEditor")
        self.project, self.author = project, author
        self.undo = QUndoStack(self)
        self.cb = Codebook(name=project.codebook().name if project else "codebook") \
            if start_empty else copy.deepcopy(project.codebook())
        self._filling = False
        self._build()
        self.show_codebook(self.cb, (("cat", 0),) if self.cb.categories else ())
        self._retranslate()
        self.resize(980, 640)

    # --- construction ---------------------------------------------------------------

    def _build(self) -> None:
        self.tree = CodebookTree()
        self.tree.setObjectName("codebookTree")
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.InternalMove)
        self.tree.currentItemChanged.connect(lambda *_: self._fill_form())
        self.tree.moved.connect(self._moved)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, slot in (("add_category", self.add_category),
                          ("add_attribute", self.add_attribute),
                          ("add_value", self.add_value), ("add_relation", self.add_relation),
                          ("delete", self.delete_current), ("up", lambda: self.move(-1)),
                          ("down", lambda: self.move(1))):
            b = QPushButton()
            b.setObjectName(key)
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)

        # the form: every field; rows shown for the kind of entry selected
        self.form = QFormLayout()
        self.f_key = QLineEdit(objectName="key")
        self.f_name_en = QLineEdit(objectName="name_en")
        self.f_name_ar = QLineEdit(objectName="name_ar")
        self.f_name_ar.setLayoutDirection(Qt.RightToLeft)
        self.f_desc_en = QPlainTextEdit(objectName="description")
        self.f_desc_en.setMaximumHeight(90)
        self.f_desc_en.setTabChangesFocus(True)
        self.f_color = QLineEdit(objectName="color")
        self.f_contrast = QLabel(objectName="contrast")
        self.f_hotkey = QLineEdit(objectName="hotkey")
        self.f_hotkey.setMaxLength(1)
        self.f_hotkey_msg = QLabel(objectName="hotkeyMessage")
        self.f_kind = QComboBox(objectName="kind")
        for k in CATEGORY_KINDS:
            self.f_kind.addItem(k, k)
        self.f_type = QComboBox(objectName="type")
        for t in ATTRIBUTE_TYPES:
            self.f_type.addItem(t, t)
        self.f_required = QCheckBox(objectName="required")
        self.f_ordinal = QCheckBox(objectName="ordinal")
        self.f_retired = QCheckBox(objectName="retired")
        self.f_from = QComboBox(objectName="from_category")
        self.f_to = QComboBox(objectName="to_category")
        self.labels: dict[str, QLabel] = {}
        self.rows = [("key", self.f_key), ("name_en", self.f_name_en),
                     ("name_ar", self.f_name_ar), ("description", self.f_desc_en),
                     ("color", self.f_color), ("contrast", self.f_contrast),
                     ("hotkey", self.f_hotkey), ("hotkey_msg", self.f_hotkey_msg),
                     ("kind", self.f_kind), ("type", self.f_type),
                     ("required", self.f_required), ("ordinal", self.f_ordinal),
                     ("retired", self.f_retired), ("from", self.f_from), ("to", self.f_to)]
        for name, w in self.rows:
            lab = QLabel()
            self.labels[name] = lab
            self.form.addRow(lab, w)
        for w in (self.f_key, self.f_name_en, self.f_name_ar, self.f_color):
            w.editingFinished.connect(self._commit_form)
        self.f_desc_en.installEventFilter(self)
        self.f_hotkey.textEdited.connect(self._hotkey_typed)
        self.f_color.textEdited.connect(self._colour_typed)
        for w in (self.f_kind, self.f_type, self.f_from, self.f_to):
            w.activated.connect(lambda *_: self._commit_form())
        for w in (self.f_required, self.f_ordinal, self.f_retired):
            w.toggled.connect(lambda *_: self._commit_form())

        self.merge_button = QPushButton(objectName="mergeValue")
        self.merge_button.clicked.connect(self.merge_value)
        self.problems = QLabel(objectName="problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000")

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addLayout(self.form)
        rl.addWidget(self.merge_button)
        rl.addStretch(1)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([380, 560])

        bottom = QHBoxLayout()
        self.undo_button, self.redo_button = QPushButton(objectName="undo"), \
            QPushButton(objectName="redo")
        self.undo_button.clicked.connect(self.undo.undo)
        self.redo_button.clicked.connect(self.undo.redo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.import_button = QPushButton(objectName="importCodebook")
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(objectName="exportCodebook")
        self.export_button.clicked.connect(self.export_file)
        self.save_button = QPushButton(objectName="save")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(objectName="close")
        self.close_button.clicked.connect(self.reject)
        for w in (self.undo_button, self.redo_button, self.import_button, self.export_button):
            bottom.addWidget(w)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        lay.addWidget(self.problems)
        lay.addLayout(bottom)
        # Enter in a field finishes that field; it must not press "Add category" again
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)
        for seq, fn in (("Ctrl+Z", self.undo.undo), ("Ctrl+Shift+Z", self.undo.redo),
                        ("Ctrl+Y", self.undo.redo),
                        ("Ctrl+Up", lambda: self.move(-1)), ("Ctrl+Down", lambda: self.move(1))):
            QShortcut(QKeySequence(seq), self, fn, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Delete), self.tree, self.delete_current,
                  context=Qt.WidgetShortcut)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("CodebookEditor", "Codebook editor"))
        texts = {"add_category": translate("CodebookEditor", "Add category"), "add_attribute": translate("CodebookEditor", "Add attribute"),
                 "add_value": translate("CodebookEditor", "Add value"), "add_relation": translate("CodebookEditor", "Add relation"),
                 "delete": translate("CodebookEditor", "Delete"), "up": translate("CodebookEditor", "Move up"), "down": translate("CodebookEditor", "Move down")}
        for k, b in self.buttons.items():
            b.setText(texts[k])
        self.buttons["up"].setToolTip("Ctrl+Up")
        self.buttons["down"].setToolTip("Ctrl+Down")
        labels = {"key": translate("CodebookEditor", "Key"), "name_en": translate("CodebookEditor", "Name (English)"),
                  "name_ar": translate("CodebookEditor", "Name (Arabic)"), "description": translate("CodebookEditor", "Coding rule"),
                  "color": translate("CodebookEditor", "Colour"), "contrast": "", "hotkey": translate("CodebookEditor", "Hotkey (1–9)"),
                  "hotkey_msg": "", "kind": translate("CodebookEditor", "Kind"), "type": translate("CodebookEditor", "Type"),
                  "required": translate("CodebookEditor", "Required"), "ordinal": translate("CodebookEditor", "Ordinal (values low to high)"),
                  "retired": translate("CodebookEditor", "Retired (hidden from coders, kept in the data)"),
                  "from": translate("CodebookEditor", "From category"), "to": translate("CodebookEditor", "To category")}
        for k, lab in self.labels.items():
            lab.setText(labels[k])
        self.merge_button.setText(translate("CodebookEditor", "Merge this value into another…"))
        self.undo_button.setText(translate("CodebookEditor", "Undo"))
        self.redo_button.setText(translate("CodebookEditor", "Redo"))
        self.import_button.setText(translate("CodebookEditor", "Import…"))
        self.export_button.setText(translate("CodebookEditor", "Export…"))
        self.save_button.setText(translate("CodebookEditor", "Save as new version"))
        self.close_button.setText(translate("CodebookEditor", "Close"))
        self._redraw(self.current_path())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.f_desc_en and event.type() == QEvent.FocusOut:
            self._commit_form()
        return False

    # --- the tree -------------------------------------------------------------------

    def current_path(self) -> tuple:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        return item.data(0, PATH_ROLE) if item is not None else ()

    def show_codebook(self, cb: Codebook, path: tuple = (), keep_form: bool = False) -> None:
        self.cb = cb
        self._redraw(path, keep_form)

    def _redraw(self, path: tuple, keep_form: bool = False) -> None:
        self._filling = True
        try:
            self.tree.clear()
            select = None
            for i, c in enumerate(self.cb.categories):
                ci = self._item(self.tree, (("cat", i),), _label(c), c.color, c.retired)
                for j, a in enumerate(c.attributes):
                    ai = self._item(ci, (("cat", i), ("attr", j)),
                                    f"{_label(a)} · {a.type}", None, False)
                    for k, v in enumerate(a.values):
                        self._item(ai, (("cat", i), ("attr", j), ("val", k)), _label(v), None,
                                   v.retired)
            for r, rel in enumerate(self.cb.relations):
                self._item(self.tree, (("rel", r),),
                           f"⇢ {_label(rel)} ({rel.from_category} → {rel.to_category})",
                           None, False)
            self.tree.expandAll()
            it = self.tree.invisibleRootItem()
            select = self._find(path)
            self.tree.setCurrentItem(select or (it.child(0) if it.childCount() else None))
        finally:
            self._filling = False
        if not keep_form:
            self._fill_form()
        else:
            self._update_buttons()

    def _item(self, parent, path, text, colour, retired) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text + ("  ⊘" if retired else "")])
        item.setData(0, PATH_ROLE, path)
        if colour:
            item.setBackground(0, QColor(colour))
        if retired:
            item.setForeground(0, QColor("#777777"))
        return item

    def _find(self, path: tuple):
        def walk(item):
            for i in range(item.childCount()):
                ch = item.child(i)
                if ch.data(0, PATH_ROLE) == path:
                    return ch
                found = walk(ch)
                if found is not None:
                    return found
            return None
        return walk(self.tree.invisibleRootItem()) if path else None

    def entry(self, path: tuple | None = None):
        """The model object at `path` (category, attribute, value or relation)."""
        path = self.current_path() if path is None else path
        if not path:
            return None
        kind, i = path[0]
        if kind == "rel":
            return self.cb.relations[i]
        obj = self.cb.categories[i]
        for kind, j in path[1:]:
            obj = obj.attributes[j] if kind == "attr" else obj.values[j]
        return obj

    # --- the form -------------------------------------------------------------------

    def _fill_form(self) -> None:
        if self._filling:
            return
        e = self.entry()
        kind = _kind(e)
        shown = {"key", "name_en", "name_ar", "description"} if e is not None else set()
        shown |= {"category": {"color", "contrast", "hotkey", "hotkey_msg", "kind", "retired"},
                  "attribute": {"type", "required", "ordinal"}, "value": {"retired"},
                  "relation": {"from", "to"}}.get(kind, set())
        for name, w in self.rows:
            self.form.setRowVisible(w, name in shown)
        self._update_buttons()
        if e is None:
            return
        self._filling = True
        try:
            self.f_key.setText(e.key)
            self.f_name_en.setText(e.name_en)
            self.f_name_ar.setText(e.name_ar)
            self.f_desc_en.setPlainText(e.description)
            if kind == "category":
                self.f_color.setText(e.color)
                self._show_contrast(e.color)
                self.f_hotkey.setText(e.hotkey or "")
                self.f_hotkey_msg.setText("")
                self.f_kind.setCurrentIndex(self.f_kind.findData(e.kind))
                self.f_retired.setChecked(e.retired)
            elif kind == "attribute":
                self.f_type.setCurrentIndex(self.f_type.findData(e.type))
                self.f_required.setChecked(e.required)
                self.f_ordinal.setChecked(e.ordinal)
            elif kind == "value":
                self.f_retired.setChecked(e.retired)
            elif kind == "relation":
                for combo, value in ((self.f_from, e.from_category), (self.f_to, e.to_category)):
                    combo.clear()
                    for c in self.cb.categories:
                        combo.addItem(c.key, c.key)
                    combo.setCurrentIndex(combo.findData(value))
        finally:
            self._filling = False

    def _update_buttons(self) -> None:
        kind = _kind(self.entry())
        self.merge_button.setVisible(kind == "value" and self.project is not None)
        self.buttons["add_attribute"].setEnabled(kind in ("category", "attribute", "value"))
        self.buttons["add_value"].setEnabled(
            kind in ("attribute", "value") and self._attribute().type == "choice")

    def _attribute(self):
        path = self.current_path()
        return self.entry(path[:2]) if len(path) >= 2 else None

    def _show_contrast(self, colour: str) -> None:
        try:
            ok = readable(colour)
        except (ValueError, IndexError):
            self.f_contrast.setText(translate("CodebookEditor", "not a colour like #aec7e8"))
            return
        self.f_contrast.setText(translate("CodebookEditor", "✓ dark text reads on it") if ok else
                                translate("CodebookEditor", "✗ too dark or too pale for highlighted text: choose a "
                                   "lighter, clearer colour"))

    def _colour_typed(self, text: str) -> None:
        self._show_contrast(text.strip().lower() if len(text.strip()) == 7 else "")

    def _hotkey_typed(self, text: str) -> None:
        """A clash is refused as it is typed: the field goes back, a line says why."""
        e = self.entry()
        text = text.strip()
        other = next((c for c in self.cb.categories if c is not e and c.hotkey == text
                      and not c.retired), None) if text else None
        if text and text not in HOTKEYS:
            self.f_hotkey_msg.setText(translate("CodebookEditor", "a hotkey is one digit, 1 to 9"))
        elif other is not None:
            self.f_hotkey_msg.setText(translate("CodebookEditor", "%1 is already the key of '%2'")
                                      .replace("%1", text).replace("%2", i18n.name(other)))
        else:
            self.f_hotkey_msg.setText("")
            self._commit_form()
            return
        self.f_hotkey.setText(e.hotkey or "")

    def _commit_form(self) -> None:
        """The form's values into a new codebook: one undo step when anything changed."""
        if self._filling:
            return
        e = self.entry()
        if e is None:
            return
        path = self.current_path()
        after = copy.deepcopy(self.cb)
        n = self._entry_in(after, path)
        n.key = self.f_key.text().strip()
        n.name_en = self.f_name_en.text().strip()
        n.name_ar = self.f_name_ar.text().strip()
        n.description = self.f_desc_en.toPlainText().strip()
        kind = _kind(e)
        if kind == "category":
            colour = self.f_color.text().strip().lower()
            if _is_colour(colour):
                n.color = colour
            n.hotkey = self.f_hotkey.text().strip() or None
            n.kind = self.f_kind.currentData()
            n.retired = self.f_retired.isChecked()
            if n.key != e.key:  # relations follow a renamed key
                for r in after.relations:
                    r.from_category = n.key if r.from_category == e.key else r.from_category
                    r.to_category = n.key if r.to_category == e.key else r.to_category
        elif kind == "attribute":
            n.type = self.f_type.currentData()
            n.required = self.f_required.isChecked()
            n.ordinal = self.f_ordinal.isChecked() and n.type == "choice"
            if n.type != "choice":
                n.values = []
        elif kind == "value":
            n.retired = self.f_retired.isChecked()
        elif kind == "relation":
            n.from_category = self.f_from.currentData() or n.from_category
            n.to_category = self.f_to.currentData() or n.to_category
        if after.to_dict() != self.cb.to_dict():
            self.undo.push(Snapshot(self, self.cb, after, translate("CodebookEditor", "Edit %1").replace("%1", n.key),
                                    path))

    def _entry_in(self, cb: Codebook, path: tuple):
        keep, self.cb = self.cb, cb
        try:
            return self.entry(path)
        finally:
            self.cb = keep

    # --- structure edits --------------------------------------------------------------

    def _push(self, after: Codebook, text: str, path: tuple) -> None:
        self.undo.push(Snapshot(self, self.cb, after, text, path))
        self._fill_form()
        self.f_key.setFocus()
        self.f_key.selectAll()

    def add_category(self) -> None:
        after = copy.deepcopy(self.cb)
        used = {c.key for c in after.categories}
        n = len(after.categories) + 1
        key = _free(f"category_{n}", used)
        hot = next((h for h in HOTKEYS if h not in {c.hotkey for c in after.categories}), None)
        after.categories.append(CategoryDef(key, key, key, PALETTE[(n - 1) % len(PALETTE)],
                                            hot))
        self._push(after, translate("CodebookEditor", "Add category"), (("cat", len(after.categories) - 1),))

    def add_attribute(self) -> None:
        path = self.current_path()
        if not path or path[0][0] != "cat":
            return
        after = copy.deepcopy(self.cb)
        cat = after.categories[path[0][1]]
        key = _free(f"attribute_{len(cat.attributes) + 1}", {a.key for a in cat.attributes})
        cat.attributes.append(AttributeDef(key, key, key, "text"))
        self._push(after, translate("CodebookEditor", "Add attribute"), (path[0], ("attr", len(cat.attributes) - 1)))

    def add_value(self) -> None:
        path = self.current_path()
        if len(path) < 2:
            return
        after = copy.deepcopy(self.cb)
        attr = after.categories[path[0][1]].attributes[path[1][1]]
        if attr.type != "choice":
            return
        key = _free(f"value_{len(attr.values) + 1}", {v.key for v in attr.values})
        attr.values.append(ValueDef(key, key, key))
        self._push(after, translate("CodebookEditor", "Add value"), (path[0], path[1], ("val", len(attr.values) - 1)))

    def add_relation(self) -> None:
        if not self.cb.categories:
            return
        after = copy.deepcopy(self.cb)
        key = _free(f"relation_{len(after.relations) + 1}", {r.key for r in after.relations})
        first = after.categories[0].key
        last = after.categories[-1].key
        after.relations.append(RelationDef(key, key, key, first, last))
        self._push(after, translate("CodebookEditor", "Add relation"), (("rel", len(after.relations) - 1),))

    def delete_current(self) -> None:
        """Delete the entry; one that stored annotations use is refused (retire it)."""
        path = self.current_path()
        e = self.entry(path)
        if e is None:
            return
        used = self._uses(path)
        if used:
            self.problems.setText(translate("CodebookEditor", "'%1' is used by %2 annotations: it cannot be deleted. "
                                     "Retire it (hidden from coders, kept in the data) or "
                                     "merge it into another value.")
                                  .replace("%1", e.key).replace("%2", str(used)))
            return
        after = copy.deepcopy(self.cb)
        parent = self._siblings(after, path)
        parent.pop(path[-1][1])
        if path[0][0] == "cat" and len(path) == 1:
            after.relations = [r for r in after.relations
                               if e.key not in (r.from_category, r.to_category)]
        nxt = path[:-1] + ((path[-1][0], max(0, path[-1][1] - 1)),) if parent else path[:-1]
        self.problems.setText("")
        self.undo.push(Snapshot(self, self.cb, after, translate("CodebookEditor", "Delete %1").replace("%1", e.key),
                                nxt))

    def _uses(self, path: tuple) -> int:
        if self.project is None:
            return 0
        u = self.project.usage()
        keys = []
        cat = self.entry(path[:1])
        if path[0][0] == "rel":
            return u.relations[cat.key]
        keys.append(cat.key)
        if len(path) == 1:
            return u.categories[cat.key]
        attr = self.entry(path[:2])
        if len(path) == 2:
            return u.attributes[(cat.key, attr.key)]
        return u.values[(cat.key, attr.key, self.entry(path).key)]

    def _siblings(self, cb: Codebook, path: tuple) -> list:
        kind = path[-1][0]
        if kind == "rel":
            return cb.relations
        if kind == "cat":
            return cb.categories
        parent = self._entry_in(cb, path[:-1])
        return parent.attributes if kind == "attr" else parent.values

    def move(self, step: int) -> None:
        path = self.current_path()
        if path:
            self._moved(path, path[-1][1] + step)

    def _moved(self, path: tuple, index: int) -> None:
        after = copy.deepcopy(self.cb)
        items = self._siblings(after, path)
        i = path[-1][1]
        if not 0 <= index < len(items) or index == i:
            self._redraw(path)
            return
        items.insert(index, items.pop(i))
        self.undo.push(Snapshot(self, self.cb, after, translate("CodebookEditor", "Reorder"),
                                path[:-1] + ((path[-1][0], index),)))

    # --- data-changing operation ------------------------------------------------------

    def merge_value(self) -> None:
        path = self.current_path()
        if self.project is None or len(path) != 3:
            return
        if not self.undo.isClean():
            self.problems.setText(translate("CodebookEditor", "Save your changes first: merging values rewrites "
                                     "coded data."))
            return
        cat, attr, val = (self.entry(path[:1]), self.entry(path[:2]), self.entry(path))
        others = [v.key for v in attr.values if v.key != val.key and not v.retired]
        new, ok = QInputDialog.getItem(self, translate("CodebookEditor", "Merge value"),
                                       translate("CodebookEditor", "Annotations with '%1' get:").replace("%1", val.key),
                                       others, 0, False)
        if ok and new:
            self.run_recode(cat.key, attr.key, val.key, new)

    def run_recode(self, category: str, attribute: str, old: str, new: str) -> None:
        try:
            self.undo.push(RecodeStep(self, category, attribute, old, new))
        except AnnotatorError as exc:
            self.problems.setText(str(exc))
        else:
            self.undo.setClean()

    def reload(self) -> None:
        path = self.current_path()
        self.cb = copy.deepcopy(self.project.codebook())
        self._redraw(path)

    # --- files and saving ------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, translate("CodebookEditor", "Import a codebook"), "",
                                                  translate("CodebookEditor", "Codebooks (*.yaml *.yml *.json)"))
        if not path:
            return
        try:
            cb = load_codebook(path)
        except AnnotatorError as exc:
            self.problems.setText(str(exc))
            return
        self.problems.setText("")
        self.undo.push(Snapshot(self, self.cb, cb, translate("CodebookEditor", "Import"), (("cat", 0),)))

    def export_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, translate("CodebookEditor", "Export the codebook"),
                                                  "codebook.yaml",
                                                  translate("CodebookEditor", "Codebooks (*.yaml *.yml *.json)"))
        if not path:
            return
        try:
            save_codebook(self.valid(), path)
        except AnnotatorError as exc:
            self.problems.setText(str(exc))

    def valid(self) -> Codebook:
        """The working copy checked as a file would be; raises CodebookError."""
        return Codebook.from_dict(self.cb.to_dict())

    def save(self) -> bool:
        try:
            cb = self.valid()
            number = self.project.set_codebook(cb, author=self.author)
        except AnnotatorError as exc:
            self.problems.setText(str(exc).replace("; ", "\n"))
            return False
        self.problems.setText(translate("CodebookEditor", "Saved as version %1.").replace(
            "%1", str(number or self.project.codebook().version)))
        self.undo.setClean()
        if number:
            self.saved.emit(number)
        return True


def _kind(e) -> str | None:
    return {CategoryDef: "category", AttributeDef: "attribute", ValueDef: "value",
            RelationDef: "relation"}.get(type(e))


def _label(e) -> str:
    name = i18n.name(e) if hasattr(e, "name_en") else e.key
    return f"{name}  [{e.key}]" + (f"  ({e.hotkey})" if getattr(e, "hotkey", None) else "")


def _free(base: str, used: set[str]) -> str:
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}_{n}"
    return key


def _is_colour(c: str) -> bool:
    return len(c) == 7 and c[0] == "#" and all(ch in "0123456789abcdef" for ch in c[1:])
