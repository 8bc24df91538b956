"""Find in the article and across the project, with Arabic folding (core.text.find_all):
hamza and alef forms, diacritics, tatweel, ta marbuta/ha and ya/alef maqsura all match.
"Annotate all" turns the article's matches into annotations of one category, one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.text import find_all
from . import i18n
from .models import is_rtl_text

MAX_PROJECT_HITS = 1000
CONTEXT = 30  # characters of context either side of a hit in the project list
FSI, PDI = "\u2068", "\u2069"
HIT_ROLE = Qt.UserRole + 1  # (title, before, match, after)
TITLE_SHARE, TITLE_MAX = 0.3, 220  # the article column: 30% of the width, at most 220 px


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ResultDelegate(QStyledItemDelegate):
    """A project-wide hit in two columns, article | context. The context is one paragraph
    in its own direction (Arabic right-aligned whatever the interface), the match isolated
    (FSI…PDI) and emphasised, so a Latin name inside Arabic cannot scramble the line."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return QSize(200, option.fontMetrics.height() + 8)

    def paint(self, painter, option, index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().paint(painter, option, index)
        title, before, match, after = hit
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        r = option.rect.adjusted(4, 0, -4, 0)
        w = min(int(r.width() * TITLE_SHARE), TITLE_MAX)
        mirrored = option.direction == Qt.RightToLeft
        title_rect = QRect(r.right() - w + 1, r.top(), w, r.height()) if mirrored else \
            QRect(r.left(), r.top(), w, r.height())
        ctx_rect = QRect(r.left(), r.top(), r.width() - w - 12, r.height()) if mirrored else \
            QRect(r.left() + w + 12, r.top(), r.width() - w - 12, r.height())
        selected = bool(option.state & QStyle.State_Selected)
        role = QPalette.HighlightedText if selected else QPalette.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.setFont(option.font)
        elided = option.fontMetrics.elidedText(title, Qt.ElideRight, w)
        align = (Qt.AlignRight | Qt.AlignAbsolute) if is_rtl_text(title) else Qt.AlignLeading
        painter.drawText(title_rect, int(align | Qt.AlignVCenter), elided)
        painter.restore()
        self._paint_context(painter, option, ctx_rect, (before, match, after), role)

    @staticmethod
    def _paint_context(painter, option, rect, parts, role) -> None:
        before, match, after = parts
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        rtl = is_rtl_text(before + match + after)
        opt = QTextOption((Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignAbsolute)
        opt.setTextDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
        opt.setWrapMode(QTextOption.NoWrap)
        doc.setDefaultTextOption(opt)
        doc.setHtml(f"…{_html(before)} <b><u>{FSI}{_html(match)}{PDI}</u></b> {_html(after)}…")
        doc.setTextWidth(rect.width())
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class FindBar(QWidget):
    hitsChanged = Signal(list, int)  # code-point spans in the article, current index
    annotateAll = Signal(str, list)  # category, spans
    resultActivated = Signal(int, int, int)  # doc_id, start, end
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.project = None
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setObjectName("findQuery")
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(self.next)
        self.count = QLabel()
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setArrowType(Qt.UpArrow)
        self.next_button.setArrowType(Qt.DownArrow)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.scope = QComboBox()
        self.scope.currentIndexChanged.connect(self.search)
        self.category = QComboBox()
        self.annotate_button = QPushButton()
        self.annotate_button.setObjectName("annotateAll")
        self.annotate_button.clicked.connect(self._annotate_all)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_bar)
        for w in (self.query, self.count, self.prev_button, self.next_button,
                  self.close_button):
            row.addWidget(w)
        row.setStretch(0, 1)
        lay.addLayout(row)
        # a second row, so a narrow article column keeps every control whole; the label
        # comes before the choice: "Annotate all as [Claim]"
        row = QHBoxLayout()
        for w in (self.scope, self.annotate_button, self.category):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self.results = QListWidget()
        self.results.setObjectName("findResults")
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.itemActivated.connect(self._result)
        self.results.itemClicked.connect(self._result)
        self.results.setVisible(False)
        lay.addWidget(self.results)
        self._codebook = None
        self._retranslate()

    def set_project(self, project) -> None:
        self.project = project
        self._codebook = project.codebook()
        self._fill_categories()

    def set_article(self, text: str) -> None:
        """A new article: its own hits, while the project-wide list stays as it is (the
        coder is probably walking through it)."""
        self.text = text
        self._search_article()

    def open(self, project_wide: bool = False, seed: str = "") -> None:
        self.scope.setCurrentIndex(1 if project_wide else 0)
        self.setVisible(True)
        if seed:
            self.query.setText(seed)
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.hits, self.current = [], -1
        self.hitsChanged.emit([], -1)
        self.closed.emit()

    # --- searching ----------------------------------------------------------------------

    def search(self, *_args) -> None:
        project_wide = self.scope.currentIndex() == 1
        self.results.setVisible(project_wide and self.isVisible())
        if project_wide:
            self._search_project(self.query.text())
        self._search_article()

    def _search_article(self) -> None:
        q = self.query.text()
        self.hits = find_all(self.text, q) if q.strip() and self.isVisible() else []
        self.current = 0 if self.hits else -1
        self._show()

    def _search_project(self, q: str) -> None:
        self.results.clear()
        if not q.strip() or self.project is None:
            return
        n = 0
        for d in self.project.documents():
            text = self.project.text(d.id)
            for s, e in find_all(text, q):
                before = " ".join(text[max(0, s - CONTEXT):s].split())
                after = " ".join(text[e:e + CONTEXT].split())
                match = " ".join(text[s:e].split())
                title = " ".join((d.title or "").split())
                # the plain text (copied, read aloud) keeps the two columns and isolates
                item = QListWidgetItem(f"{FSI}{title}{PDI}\t{FSI}…{before} {FSI}{match}{PDI} "
                                       f"{after}…{PDI}")
                item.setData(Qt.UserRole, (d.id, s, e))
                item.setData(HIT_ROLE, (title, before, match, after))
                item.setToolTip(d.title)
                self.results.addItem(item)
                n += 1
                if n >= MAX_PROJECT_HITS:
                    return

    def next(self) -> None:
        if self.hits:
            self.current = (self.current + 1) % len(self.hits)
            self._show()

    def previous(self) -> None:
        if self.hits:
            self.current = (self.current - 1) % len(self.hits)
            self._show()

    def _show(self) -> None:
        elsewhere = self.results.count() if self.scope.currentIndex() == 1 else 0
        if self.hits:
            text = self.tr("%1 of %2").replace("%1", str(self.current + 1)) \
                .replace("%2", str(len(self.hits)))
            if elsewhere:
                text += " · " + self.tr("in all articles: %1").replace("%1", str(elsewhere))
            self.count.setText(text)
        elif elsewhere:
            # the list below has hits: "no matches" beside it would read as a contradiction
            self.count.setText(self.tr("none here; in other articles: %1")
                               .replace("%1", str(elsewhere)))
        else:
            self.count.setText(self.tr("no matches") if self.query.text().strip() else "")
        self.annotate_button.setEnabled(bool(self.hits))
        self.hitsChanged.emit(list(self.hits), self.current)

    def _annotate_all(self) -> None:
        key = self.category.currentData()
        if key and self.hits:
            self.annotateAll.emit(key, list(self.hits))

    def _result(self, item) -> None:
        self.resultActivated.emit(*item.data(Qt.UserRole))

    # --- language -----------------------------------------------------------------------

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.clear()
        if self._codebook is not None:
            for c in self._codebook.categories:
                if c.kind == "span":
                    self.category.addItem(i18n.name(c), c.key)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def _retranslate(self) -> None:
        # short enough to show whole in a narrow column; the rest is the tooltip
        self.query.setPlaceholderText(self.tr("Find"))
        self.query.setToolTip(self.tr("Find (hamza, diacritics and tatweel are ignored)"))
        i = self.scope.currentIndex()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([self.tr("This article"), self.tr("All articles")])
        self.scope.setCurrentIndex(max(0, i))
        self.scope.blockSignals(False)
        self.annotate_button.setText(self.tr("Annotate all as"))
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next match (F3, Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self._fill_categories()
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
