"""The codebook palette: span categories as buttons with their colours and hotkeys, under
the names of the groups they are filed in, and the document-level category of the whole
article chosen from a list.

The buttons scroll between the title and the whole-article list: a codebook of sixty
categories made the palette 2,400 pixels tall, which pushed the desk's window past the
bottom of the screen (the annotation list and the article note with it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.codebook import Codebook, GroupDef
from . import i18n


def text_colour(bg: str) -> str:
    """Black or white, whichever reads better on `bg`."""
    c = QColor(bg)
    luma = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return "#000000" if luma > 0.5 else "#ffffff"


def group_path(cb: Codebook, key: str) -> str:
    """A group's names from the top: "Actors › Media". In Arabic the path reads right to
    left, so the mark points left ("الفاعلون ‹ الإعلام"): the English "›" pointed back at
    the parent there (Qt does not mirror it). LRMs hold the mark left-to-right, so a text
    engine that does mirror cannot turn it round again."""
    sep = " \u200e‹\u200e " if i18n.is_rtl() else " › "
    return sep.join(i18n.name(g) for g in cb.group_path(key))


class CategoryButton(QPushButton):
    """A category's button: a name longer than the panel is wide ends in "…" (its
    tooltip has it whole) instead of being cut at the panel's edge or widening it."""

    PADDING = 20  # the style sheet's padding and border, both sides

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full_text = ""
        self.rule = ""  # the coding rule: the tooltip
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(10, self.width() - self.PADDING)
        text = self.fontMetrics().elidedText(self.full_text, Qt.ElideRight, room)
        self.setText(text)
        cut = text != self.full_text
        self.setToolTip(f"{self.full_text.strip()}\n\n{self.rule}".strip() if cut else self.rule)


class CategoryPalette(QWidget):
    categoryChosen = Signal(str)
    documentCategoryChosen = Signal(str)  # "" = none

    def __init__(self, parent=None):
        super().__init__(parent)
        self.codebook: Codebook | None = None
        self.buttons: dict[str, CategoryButton] = {}
        self.headings: dict[str, QLabel] = {}  # group key -> its heading above its buttons
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self._title = QLabel()
        self._title.setObjectName("paletteTitle")
        self.body = QWidget(objectName="paletteButtons")  # headings and buttons
        self._layout = QVBoxLayout(self.body)
        self._layout.setContentsMargins(1, 0, 3, 0)  # off the scroll bar
        self.scroll = QScrollArea(objectName="paletteScroll")
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.NoFocus)  # keys stay with the article
        self._doc_label = QLabel()
        self.doc_combo = QComboBox()
        self.doc_combo.activated.connect(self._doc_chosen)
        outer.addWidget(self._title)
        outer.addWidget(self.scroll, 1)
        outer.addSpacing(4)
        self._retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Tall enough for every button, but at most half the coding panel (or of the
        screen before there is one): the attribute form and the list need the rest."""
        hint = super().sizeHint()
        # QScrollArea keeps the size hint of its first, empty body: ask the body itself
        lay = self.layout()
        scroll = lay.itemAt(lay.indexOf(self.scroll)).sizeHint().height()
        want = hint.height() - scroll + self.body.sizeHint().height()
        parent = self.parentWidget()
        room = parent.height() if parent is not None and parent.height() > 200 else \
            (self.screen().availableGeometry().height() if self.screen() else 800)
        return QSize(hint.width(), min(want, max(160, room // 2)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """The title, about two buttons and the whole-article list: the rest scrolls."""
        first = next(iter(self.buttons.values()), None)
        row = first.sizeHint().height() + self._layout.spacing() if first else 0
        fixed = self._title.sizeHint().height() + self.doc_combo.sizeHint().height() + \
            self._doc_label.sizeHint().height() + 30
        return QSize(super().minimumSizeHint().width(), fixed + 2 * row)

    def set_codebook(self, cb: Codebook) -> None:
        self.codebook = cb
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons.clear()
        self.headings: dict[str, QLabel] = {}
        heading = None
        for _depth, c in cb.tree():  # a group's name heads the buttons filed in it
            if isinstance(c, GroupDef) or c.kind != "span":
                continue
            if c.group != heading and c.group is not None:
                lab = QLabel()
                lab.setObjectName(f"group_{c.group}")
                lab.setStyleSheet("color: #555555; font-weight: bold; margin-top: 6px;")
                self.headings[c.group] = lab
                self._layout.addWidget(lab)
            heading = c.group
            b = CategoryButton()
            b.setObjectName(f"category_{c.key}")
            b.setFocusPolicy(Qt.NoFocus)  # clicking must not steal the article's selection
            b.setStyleSheet(f"QPushButton {{ background: {c.color}; color: "
                            f"{text_colour(c.color)}; border: 1px solid rgba(0,0,0,60); "
                            f"border-radius: 4px; padding: 5px 8px; text-align: left; }}"
                            f"QPushButton:hover {{ border: 1px solid #000000; }}")
            b.clicked.connect(lambda _=False, k=c.key: self.categoryChosen.emit(k))
            self.buttons[c.key] = b
            self._layout.addWidget(b)
        self._layout.addStretch(1)
        if self.doc_combo.parent() is None:
            # joins the window's Tab chain only now, after the attribute form (as before
            # the buttons scrolled): Tab from the article reaches the annotation's fields
            self.layout().addWidget(self._doc_label)
            self.layout().addWidget(self.doc_combo)
        doc_cats = [c for c in cb.categories if c.kind == "document"]
        self._doc_label.setVisible(bool(doc_cats))
        self.doc_combo.setVisible(bool(doc_cats))
        self._retranslate()
        self.updateGeometry()
        QTimer.singleShot(0, self, self._claim_room)

    def _claim_room(self) -> None:
        """After a codebook change (a group or a category more), grow in the coding
        panel's splitter to show every button again, up to half the panel, taking the
        room from the tallest panel below: the panel's sizes were set for the old
        codebook, and a new group's buttons went out of sight under a scroll bar."""
        split = self.parentWidget()
        if not isinstance(split, QSplitter) or split.indexOf(self) < 0:
            return
        sizes, at = split.sizes(), split.indexOf(self)
        if not sum(sizes) or not sizes[at]:  # not laid out yet, or collapsed by hand
            return
        extra = self.sizeHint().height() - sizes[at]
        others = [k for k in range(len(sizes)) if k != at]
        if extra <= 0 or not others:
            return
        k = max(others, key=lambda k: sizes[k])
        take = min(extra, sizes[k] - split.widget(k).minimumSizeHint().height())
        if take > 0:
            sizes[at] += take
            sizes[k] -= take
            split.setSizes(sizes)

    def set_document_category(self, key: str | None) -> None:
        i = self.doc_combo.findData(key or "")
        self.doc_combo.setCurrentIndex(max(0, i))

    def _doc_chosen(self, index: int) -> None:
        self.documentCategoryChosen.emit(self.doc_combo.itemData(index) or "")

    def _fit_title(self) -> None:
        """The hint after "Categories" shows when it fits on the line; on a narrow panel
        it moves to the tooltip (a wrapped title pushed into the buttons below it)."""
        full = self.tr("<b>Categories</b> (select text, then press the key)")
        plain = full.replace("<b>", "").replace("</b>", "")
        fits = self._title.fontMetrics().horizontalAdvance(plain) + 16 <= self.width()
        short = self.tr("Categories")
        self._title.setText(full if fits else f"<b>{short}</b>")
        self._title.setToolTip("" if fits else plain)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_title()

    def _retranslate(self) -> None:
        self._title.setWordWrap(False)
        self._title.setMinimumWidth(1)  # the panel may be narrower than the whole title
        self._fit_title()
        self._doc_label.setText(self.tr("Whole article:"))
        if self.codebook is None:
            return
        for key, lab in self.headings.items():
            lab.setText(group_path(self.codebook, key))
            lab.setToolTip(self.codebook.group(key).description)
        for c in self.codebook.categories:
            b = self.buttons.get(c.key)
            if b is not None:
                b.rule = c.description
                b.set_full_text(f"{c.hotkey}   {i18n.name(c)}" if c.hotkey else i18n.name(c))
        current = self.doc_combo.currentData()
        self.doc_combo.clear()
        self.doc_combo.addItem(self.tr("— not coded —"), "")
        for c in self.codebook.categories:
            if c.kind == "document":
                self.doc_combo.addItem(i18n.name(c), c.key)
        self.set_document_category(current)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
