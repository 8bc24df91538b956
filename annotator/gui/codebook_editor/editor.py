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
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.codebook import (
    ATTRIBUTE_TYPES,
    CATEGORY_KINDS,
    CategoryDef,
    Codebook,
    GroupDef,
)
from ...core.errors import AnnotatorError
from .. import i18n
from .commands import RecodeStep, SplitStep
from .form import FormMixin
from .groups import GroupsMixin
from .saving import ProblemLine, SavingMixin
from .split_dialog import SplitDialog
from .structure import StructureMixin
from .tree import IDENT_ROLE, PATH_ROLE, CodebookTree

translate = QCoreApplication.translate
KEYS = {"add_category": "Ctrl+N", "add_group": "Ctrl+Shift+N", "group": "Ctrl+G"}


class CodebookEditor(FormMixin, StructureMixin, GroupsMixin, SavingMixin, QDialog):
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
        self._retranslate(redraw=False)  # the texts; the tree is drawn once, below
        self.show_codebook(self.cb, (("cat", 0),) if self.cb.categories else ())
        self.resize(980, 640)

    # --- construction ---------------------------------------------------------------

    def _build(self) -> None:
        self.tree = CodebookTree()
        self.tree.setObjectName("codebookTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda *_: self._fill_form())
        self.tree.set_planner(self.drop_plan)
        self.tree.dropped.connect(self._dropped)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, slot in (("add_group", self.add_group), ("add_category", self.add_category),
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
        self.f_group = QComboBox(objectName="group")
        self.labels: dict[str, QLabel] = {}
        self.rows = [("key", self.f_key), ("name_en", self.f_name_en),
                     ("name_ar", self.f_name_ar), ("description", self.f_desc_en),
                     ("color", self.f_color), ("contrast", self.f_contrast),
                     ("hotkey", self.f_hotkey), ("hotkey_msg", self.f_hotkey_msg),
                     ("kind", self.f_kind), ("type", self.f_type),
                     ("required", self.f_required), ("ordinal", self.f_ordinal),
                     ("retired", self.f_retired), ("from", self.f_from), ("to", self.f_to),
                     ("group", self.f_group)]
        for name, w in self.rows:
            lab = QLabel()
            self.labels[name] = lab
            self.form.addRow(lab, w)
        for w in (self.f_key, self.f_name_en, self.f_name_ar, self.f_color):
            w.editingFinished.connect(self._commit_form)
        self.f_desc_en.installEventFilter(self)
        self.f_hotkey.textEdited.connect(self._hotkey_typed)
        self.f_color.textEdited.connect(self._colour_typed)
        for w in (self.f_kind, self.f_type, self.f_from, self.f_to, self.f_group):
            w.activated.connect(lambda *_: self._commit_form())
        for w in (self.f_required, self.f_ordinal, self.f_retired):
            w.toggled.connect(lambda *_: self._commit_form())

        self.merge_button = QPushButton(objectName="mergeValue")
        self.merge_button.clicked.connect(self.merge_value)
        self.split_button = QPushButton(objectName="splitCategory")
        self.split_button.clicked.connect(self.split_category)
        self.split_dialog: SplitDialog | None = None
        self.problems = ProblemLine(objectName="problems")

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addLayout(self.form)
        rl.addWidget(self.merge_button)
        rl.addWidget(self.split_button)
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
                        ("Ctrl+Up", lambda: self.move(-1)), ("Ctrl+Down", lambda: self.move(1)),
                        # the keyboard's way to build groups: add, rename, file
                        (KEYS["add_category"], self.add_category),
                        (KEYS["add_group"], self.add_group), (KEYS["group"], self.pick_group)):
            QShortcut(QKeySequence(seq), self, fn, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Delete), self.tree, self.delete_current,
                  context=Qt.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key_F2), self.tree, self.rename_current,
                  context=Qt.WidgetShortcut)

    def rename_current(self) -> None:
        """F2 in the tree: the cursor in the name the tree shows (the interface's
        language), all of it selected, ready to type over."""
        if self.entry() is None:
            return
        field = self.f_name_ar if i18n.is_rtl() else self.f_name_en
        field.setFocus(Qt.ShortcutFocusReason)
        field.selectAll()

    def pick_group(self) -> None:
        """Ctrl+G: the "In group" list of the selected category or group, open."""
        if self.f_group.isVisibleTo(self):
            self.f_group.setFocus(Qt.ShortcutFocusReason)
            self.f_group.showPopup()

    def _retranslate(self, redraw: bool = True) -> None:
        self.setWindowTitle(translate("CodebookEditor", "Codebook editor"))
        texts = {"add_group": translate("CodebookEditor", "Add group"),
                 "add_category": translate("CodebookEditor", "Add category"), "add_attribute": translate("CodebookEditor", "Add attribute"),
                 "add_value": translate("CodebookEditor", "Add value"), "add_relation": translate("CodebookEditor", "Add relation"),
                 "delete": translate("CodebookEditor", "Delete"), "up": translate("CodebookEditor", "Move up"), "down": translate("CodebookEditor", "Move down")}
        for k, b in self.buttons.items():
            b.setText(texts[k])
        self.buttons["up"].setToolTip("Ctrl+Up")
        self.buttons["down"].setToolTip("Ctrl+Down")
        for k in ("add_group", "add_category"):
            self.buttons[k].setToolTip(KEYS[k])
        self.f_group.setToolTip(KEYS["group"])
        labels = {"key": translate("CodebookEditor", "Key"), "name_en": translate("CodebookEditor", "Name (English)"),
                  "name_ar": translate("CodebookEditor", "Name (Arabic)"), "description": translate("CodebookEditor", "Coding rule"),
                  "color": translate("CodebookEditor", "Colour"), "contrast": "", "hotkey": translate("CodebookEditor", "Hotkey (1–9)"),
                  "hotkey_msg": "", "kind": translate("CodebookEditor", "Kind"), "type": translate("CodebookEditor", "Type"),
                  "required": translate("CodebookEditor", "Required"), "ordinal": translate("CodebookEditor", "Ordinal (values low to high)"),
                  "retired": translate("CodebookEditor", "Retired (hidden from coders, kept in the data)"),
                  "from": translate("CodebookEditor", "From category"), "to": translate("CodebookEditor", "To category"),
                  "group": translate("CodebookEditor", "In group")}
        for k, lab in self.labels.items():
            lab.setText(labels[k])
            lab.setMinimumWidth(0)
        # the label column as wide as its widest label, shown or not: it followed the
        # rows shown, and every field jumped sideways between a group and a category
        widest = max(lab.sizeHint().width() for lab in self.labels.values())
        for lab in self.labels.values():
            lab.setMinimumWidth(widest)
        for combo, names in ((self.f_kind, kind_name), (self.f_type, type_name)):
            for i in range(combo.count()):
                combo.setItemText(i, names(combo.itemData(i)))
        self.merge_button.setText(translate("CodebookEditor", "Merge this value into another…"))
        self.split_button.setText(translate("CodebookEditor", "Split category…"))
        self.undo_button.setText(translate("CodebookEditor", "Undo"))
        self.redo_button.setText(translate("CodebookEditor", "Redo"))
        self.import_button.setText(translate("CodebookEditor", "Import…"))
        self.export_button.setText(translate("CodebookEditor", "Export…"))
        self.save_button.setText(translate("CodebookEditor", "Save as new version"))
        self.close_button.setText(translate("CodebookEditor", "Close"))
        if redraw:  # names and type labels in the tree are in the new language
            self._redraw(self.current_path())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.f_desc_en and event.type() == QEvent.FocusOut:
            self._commit_form()
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Esc in a form field takes back what was typed there (as in the desk's attribute
        form); Esc elsewhere is the dialog's Close (which asks about unsaved edits)."""
        if event.key() == Qt.Key_Escape and self.focusWidget() in (
                self.f_key, self.f_name_en, self.f_name_ar, self.f_desc_en, self.f_color,
                self.f_hotkey):
            self._fill_form()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- the tree -------------------------------------------------------------------

    def current_path(self) -> tuple:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        return item.data(0, PATH_ROLE) if item is not None else ()

    def show_codebook(self, cb: Codebook, path: tuple = (), keep_form: bool = False) -> None:
        self.cb = cb
        self._redraw(path, keep_form)

    def _redraw(self, path: tuple, keep_form: bool = False) -> None:
        self._filling = True
        self.tree.setUpdatesEnabled(False)
        view = self.tree.view_state()
        try:
            self.tree.clear()
            # items are built detached and added in one call: inserting them one by one
            # into the shown tree costs a model signal each (3x slower on 500 categories)
            self._items: dict[tuple, QTreeWidgetItem] = {}
            tops: list[QTreeWidgetItem] = []
            cat_index = {id(c): i for i, c in enumerate(self.cb.categories)}
            grp_index = {id(g): i for i, g in enumerate(self.cb.groups)}
            parents: list = [tops]  # the item at each depth of the group tree
            folder = self.style().standardIcon(QStyle.SP_DirIcon)
            for depth, e in self.cb.tree():
                del parents[depth + 1:]
                if isinstance(e, GroupDef):
                    gi = self._item(parents[depth], (("grp", grp_index[id(e)]),), _label(e),
                                    None, False)
                    gi.setIcon(0, folder)
                    font = gi.font(0)
                    font.setBold(True)
                    gi.setFont(0, font)
                    gi.setToolTip(0, e.description)
                    parents.append(gi)
                    continue
                c, i = e, cat_index[id(e)]
                ci = self._item(parents[depth], (("cat", i),), _label(c), c.color, c.retired)
                for j, a in enumerate(c.attributes):
                    ai = self._item(ci, (("cat", i), ("attr", j)),
                                    f"{_label(a)} · {type_name(a.type)}", None, False)
                    for k, v in enumerate(a.values):
                        self._item(ai, (("cat", i), ("attr", j), ("val", k)), _label(v), None,
                                   v.retired)
            for r, rel in enumerate(self.cb.relations):
                self._item(tops, (("rel", r),),
                           # the mark leads the row in the reading direction
                           f"{'⇠' if i18n.is_rtl() else '⇢'} {_label(rel)} "
                           f"({rel.from_category} → {rel.to_category})",
                           None, False)
            self.tree.addTopLevelItems(tops)
            self.tree.expandAll()
            select = self._find(path)
            self.tree.setCurrentItem(select or (tops[0] if tops else None))
            self.tree.restore_view(view)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._filling = False
        if not keep_form:
            self._fill_form()
        else:
            self._update_buttons()

    def _item(self, parent, path, text, colour, retired) -> QTreeWidgetItem:
        """A row under `parent` (an item, or the list of top-level rows being built)."""
        if isinstance(parent, list):
            item = QTreeWidgetItem([text + ("  ⊘" if retired else "")])
            parent.append(item)
        else:
            item = QTreeWidgetItem(parent, [text + ("  ⊘" if retired else "")])
        item.setData(0, PATH_ROLE, path)
        self._items[path] = item
        item.setData(0, IDENT_ROLE, "/".join(f"{kind}:{self.entry(path[:n + 1]).key}"
                                             for n, (kind, _) in enumerate(path)))
        if colour:
            item.setBackground(0, QColor(colour))
        if retired:
            item.setForeground(0, QColor("#777777"))
        return item

    def _find(self, path: tuple):
        return self._items.get(path) if path else None

    def entry(self, path: tuple | None = None):
        """The model object at `path` (category, attribute, value or relation)."""
        path = self.current_path() if path is None else path
        if not path:
            return None
        kind, i = path[0]
        if kind == "rel":
            return self.cb.relations[i]
        if kind == "grp":
            return self.cb.groups[i]
        obj = self.cb.categories[i]
        for kind, j in path[1:]:
            obj = obj.attributes[j] if kind == "attr" else obj.values[j]
        return obj

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

    def split_category(self) -> None:
        """Open the split dialog for the selected category; its OK runs the split."""
        source = self.entry()
        if self.project is None or not isinstance(source, CategoryDef):
            return
        if not self.undo.isClean():
            self.problems.setText(translate("CodebookEditor", "Save your changes first: "
                                            "splitting a category moves coded data."))
            return
        try:
            dlg = SplitDialog(self.project, source, self)
        except AnnotatorError as exc:
            self.problems.setText(" ".join(str(exc).split()))
            return
        self.split_dialog = dlg
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.run_split(source.key, dlg.category, dlg.chosen()))
        dlg.destroyed.connect(lambda *_: setattr(self, "split_dialog", None))
        dlg.open()

    def run_split(self, source: str, new: CategoryDef, uuids: list[str]) -> None:
        step = SplitStep(self, source, new, uuids)
        self.undo.push(step)  # a refusal: the step drops itself, its line is shown
        if not step.error:
            self.undo.setClean()

    def run_recode(self, category: str, attribute: str, old: str, new: str) -> None:
        step = RecodeStep(self, category, attribute, old, new)
        self.undo.push(step)  # a refusal: the step drops itself, its line is shown
        if not step.error:
            self.undo.setClean()

    def reload(self) -> None:
        path = self.current_path()
        self.cb = copy.deepcopy(self.project.codebook())
        self._redraw(path)


def kind_name(kind: str) -> str:
    return {"span": translate("CodebookEditor", "a span of the text"),
            "document": translate("CodebookEditor", "the whole article")}.get(kind, kind)


def type_name(typ: str) -> str:
    return {"choice": translate("CodebookEditor", "choice"),
            "text": translate("CodebookEditor", "text"),
            "number": translate("CodebookEditor", "number"),
            "boolean": translate("CodebookEditor", "yes / no")}.get(typ, typ)


def _label(e) -> str:
    name = i18n.name(e) if hasattr(e, "name_en") else e.key
    return f"{name}  [{e.key}]" + (f"  ({e.hotkey})" if getattr(e, "hotkey", None) else "")

