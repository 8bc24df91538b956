"""Split a category: name the new category and tick which annotations move into it.

The dialog only chooses; the editor runs the split (one undo step, `SplitStep`). The
annotations come from `Project.split_candidates`; linked ones are listed greyed with the
reason, because `Project.split_category` refuses them (a link type names the categories
it joins).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...core.codebook import HOTKEYS, CategoryDef, Codebook
from ...core.errors import AnnotatorError
from ...core.text import fold
from .. import i18n
from .colours import PALETTE, is_colour, readable

translate = QCoreApplication.translate

UUID_ROLE = Qt.UserRole + 1
QUOTE, TITLE, CODER, ATTRS, LINKS = range(5)


def isolated(text: str) -> str:
    """FSI ... PDI: the text takes the direction of its first strong letter, so an Arabic
    quote reads right to left in an English list (and a Latin one left to right in an
    Arabic list) without reordering what is around it."""
    return f"\u2068{' '.join(text.split())}\u2069"


class SplitDialog(QDialog):
    """Choose the new category and the annotations of `source` that move into it."""

    def __init__(self, project, source: CategoryDef, parent=None):
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.project, self.source = project, source
        self.cb = project.codebook()
        self._build()
        self._fill(project.split_candidates(source.key))
        self._retranslate()
        self._update()
        self.resize(900, 560)

    # --- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(objectName="intro")
        self.intro.setWordWrap(True)
        self.f_key = QLineEdit(objectName="newKey")
        self.f_name_en = QLineEdit(objectName="newNameEn")
        self.f_name_ar = QLineEdit(objectName="newNameAr")
        self.f_name_ar.setLayoutDirection(Qt.RightToLeft)
        self.f_color = QLineEdit(self._free_colour(), objectName="newColor")
        self.f_color.setMaxLength(7)
        self.swatch = QLabel(objectName="swatch")
        self.swatch.setFixedSize(22, 22)
        self.f_contrast = QLabel(objectName="newContrast")
        self.f_hotkey = QComboBox(objectName="newHotkey")
        self.f_hotkey.addItem("", None)  # "none", text set in _retranslate
        used = {c.hotkey for c in self.cb.categories if not c.retired}
        for h in HOTKEYS:
            if h not in used:
                self.f_hotkey.addItem(h, h)
        self.f_hotkey.setCurrentIndex(1 if self.f_hotkey.count() > 1 else 0)

        colour_row = QHBoxLayout()
        colour_row.addWidget(self.f_color)
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(self.f_contrast, 1)
        self.labels = {k: QLabel() for k in ("key", "name_en", "name_ar", "color", "hotkey")}
        form = QFormLayout()
        form.addRow(self.labels["key"], self.f_key)
        form.addRow(self.labels["name_en"], self.f_name_en)
        form.addRow(self.labels["name_ar"], self.f_name_ar)
        form.addRow(self.labels["color"], colour_row)
        form.addRow(self.labels["hotkey"], self.f_hotkey)

        self.filter = QLineEdit(objectName="filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.all_button = QPushButton(objectName="selectAll")
        self.all_button.clicked.connect(lambda: self._tick_shown(True))
        self.none_button = QPushButton(objectName="selectNone")
        self.none_button.clicked.connect(lambda: self._tick_shown(False))
        self.count = QLabel(objectName="count")
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.all_button)
        bar.addWidget(self.none_button)
        bar.addWidget(self.count)

        self.list = QTreeWidget(objectName="annotations")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setColumnCount(5)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.itemChanged.connect(lambda *_: self._update())
        head = self.list.header()
        head.setSectionResizeMode(QUOTE, QHeaderView.Stretch)
        for col in (TITLE, CODER, ATTRS, LINKS):
            head.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        head.setStretchLastSection(False)

        self.problems = QLabel(objectName="problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addLayout(bar)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.problems)
        lay.addWidget(self.buttons)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
        self.f_key.textChanged.connect(self._update)
        self.f_color.textChanged.connect(self._show_colour)
        self._show_colour(self.f_color.text())

    def _fill(self, candidates) -> None:
        self.list.blockSignals(True)
        attr_defs = {a.key: a for a in self.source.attributes}
        for c in candidates:
            attrs = "; ".join(
                f"{i18n.name(attr_defs[k]) if k in attr_defs else k}: "
                f"{i18n.value_name(attr_defs.get(k), v)}"
                for k, v in c.attrs.items() if v not in (None, "", []))
            item = QTreeWidgetItem(self.list, [isolated(c.quote), isolated(c.title), c.coder,
                                               isolated(attrs), ""])
            item.setData(QUOTE, UUID_ROLE, c.uuid)
            item.setData(QUOTE, Qt.UserRole, fold(c.quote))
            item.setData(LINKS, Qt.UserRole, c.linked)
            item.setToolTip(QUOTE, c.quote)
            item.setCheckState(QUOTE, Qt.Unchecked)
            # a linked one: shown with a greyed box that cannot be ticked, and the reason
            item.setFlags(Qt.NoItemFlags if c.linked else
                          Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
        self.list.blockSignals(False)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("SplitDialog", "Split category"))
        self.intro.setText(translate(
            "SplitDialog", "Move the chosen annotations of '%1' into a new category. The "
            "new category gets the same kind and attributes; the annotations keep their "
            "values. One step: Undo in the editor moves them back.")
            .replace("%1", i18n.name(self.source)))
        for k, text in (("key", translate("SplitDialog", "New category's key")),
                        ("name_en", translate("SplitDialog", "Name (English)")),
                        ("name_ar", translate("SplitDialog", "Name (Arabic)")),
                        ("color", translate("SplitDialog", "Colour")),
                        ("hotkey", translate("SplitDialog", "Hotkey"))):
            self.labels[k].setText(text)
        self.f_key.setPlaceholderText(translate("SplitDialog", "e.g. %1_quoted")
                                      .replace("%1", self.source.key))
        self.f_hotkey.setItemText(0, translate("SplitDialog", "none"))
        self.filter.setPlaceholderText(translate("SplitDialog", "Filter by the quoted text…"))
        self.all_button.setText(translate("SplitDialog", "Select all"))
        self.all_button.setToolTip(translate("SplitDialog", "Tick every annotation shown"))
        self.none_button.setText(translate("SplitDialog", "Select none"))
        self.list.setHeaderLabels([translate("SplitDialog", "Quote"),
                                   translate("SplitDialog", "Article"),
                                   translate("SplitDialog", "Coder"),
                                   translate("SplitDialog", "Attributes"),
                                   translate("SplitDialog", "Links")])
        reason = translate("SplitDialog", "linked: remove its links to move it")
        for item in self._items():
            if item.data(LINKS, Qt.UserRole):
                item.setText(LINKS, reason)
                item.setToolTip(LINKS, reason)
        self.ok.setText(translate("SplitDialog", "Split"))
        self._show_colour(self.f_color.text())
        self._update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Enter in a field goes to the next one: a split rewrites coded data, so it takes
        the Split button itself (clicked, or Space on it), never a stray Enter."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and \
                not isinstance(self.focusWidget(), QPushButton):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- choosing ---------------------------------------------------------------------

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]

    def _apply_filter(self, text: str) -> None:
        needle = fold(text)
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.data(QUOTE, Qt.UserRole))

    def _tick_shown(self, on: bool) -> None:
        """Select all/none acts on what the filter shows; linked ones are never ticked."""
        self.list.blockSignals(True)
        for item in self._items():
            if not item.isHidden() and item.flags() & Qt.ItemIsUserCheckable:
                item.setCheckState(QUOTE, Qt.Checked if on else Qt.Unchecked)
        self.list.blockSignals(False)
        self._update()

    def chosen(self) -> list[str]:
        """UUIDs of the ticked annotations (hidden by the filter or not)."""
        return [it.data(QUOTE, UUID_ROLE) for it in self._items()
                if it.flags() & Qt.ItemIsUserCheckable and it.checkState(QUOTE) == Qt.Checked]

    def _update(self, *_) -> None:
        items = self._items()
        movable = sum(1 for it in items if it.flags() & Qt.ItemIsUserCheckable)
        self.count.setText(translate("SplitDialog", "%1 of %2 chosen")
                           .replace("%1", str(len(self.chosen()))).replace("%2", str(movable)))
        self.ok.setEnabled(bool(self.f_key.text().strip()) and bool(self.chosen()))

    def _free_colour(self) -> str:
        used = {c.color for c in self.cb.categories}
        return next((c for c in PALETTE if c not in used),
                    PALETTE[len(self.cb.categories) % len(PALETTE)])

    def _show_colour(self, text: str) -> None:
        colour = text.strip().lower()
        if not is_colour(colour):
            self.swatch.setStyleSheet("")
            self.f_contrast.setText(translate("CodebookEditor", "not a colour like #aec7e8"))
            return
        self.swatch.setStyleSheet(f"background: {colour}; border: 1px solid #888")
        self.f_contrast.setText(
            translate("CodebookEditor", "✓ dark text reads on it") if readable(colour) else
            translate("CodebookEditor", "✗ too dark or too pale for highlighted text: choose a "
                      "lighter, clearer colour"))

    # --- the result -------------------------------------------------------------------

    def new_category(self) -> CategoryDef:
        """The new category as typed, checked as a codebook file is (raises CodebookError):
        the key's form, the colour, a key or hotkey another category has."""
        key = self.f_key.text().strip()
        name_en = self.f_name_en.text().strip() or key
        d = self.cb.to_dict()
        d["categories"] = [*d.get("categories", []), {
            "key": key, "name_en": name_en, "name_ar": self.f_name_ar.text().strip() or name_en,
            "color": self.f_color.text().strip().lower(),
            **({"hotkey": self.f_hotkey.currentData()} if self.f_hotkey.currentData() else {}),
            "kind": self.source.kind}]
        return Codebook.from_dict(d).categories[-1]

    def accept(self) -> None:
        """A new category the codebook cannot hold keeps the dialog open, with the reason
        and the ticks; the split itself runs in the editor."""
        if not self.chosen():
            return
        try:
            self.category = self.new_category()
        except AnnotatorError as exc:
            self.problems.setText(" ".join(str(exc).split()))
            return
        super().accept()

