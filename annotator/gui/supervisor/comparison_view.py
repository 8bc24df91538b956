"""Comparison of one article: the text shown once, right to left, with one thin lane per
coder under every line (in the category's colour, where that coder has a span) and a
distinct gold lane at the bottom; the places where the coders differ are tinted light
red, the current one darker. A side list names each disagreement: the text, who has
what, who missed it, and whether gold decides it already.

Disagreements are span by span (`core.adjudication`: one group per category and place,
at most one span per coder) and link by link (`core.gold_links`: a relation coders differ
on whose both ends are in gold).

Here: loading an article, the side list and stepping through it. The widgets and the
keys are built by `comparison_layout` (the keys listed there), the decisions made by
`gold_decisions`, the article with its lanes drawn by `lanes_view`.

The decisions go on the comparison window's own undo stack, never the desk's: the coder's
Ctrl+Z in the desk must not take a supervisor's gold decision back out.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QDialog, QListWidgetItem, QVBoxLayout, QWidget

from ...core import adjudication as core_adj
from ...core import gold_links
from ...core.records import AnnotationInfo
from .. import i18n
from ..memos import memo_suffix
from .adjudication import Adjudicator
from .common import ReportRunner, current_user, ensure_fonts, show_error, translate
from .comparison_layout import ComparisonLayoutMixin
from .gold_decisions import GoldDecisionsMixin, _set_setting
from .lanes_view import DISAGREE_BG, line_mark, quote, short
from .wrapped_items import WrappedItemDelegate, wrapped_text_height  # noqa: F401 (API)


class ComparisonView(ComparisonLayoutMixin, GoldDecisionsMixin, QWidget):
    """One article compared across coders, with adjudication into gold."""

    disagreementChanged = Signal(int)

    def __init__(self, project, doc_id: int, parent=None, undo_stack: QUndoStack | None = None,
                 decided_by: str | None = None, coders: list[str] | None = None):
        super().__init__(parent)
        ensure_fonts()
        self.project = project
        self.doc_id = doc_id
        self.fixed_coders = coders
        self.coders: list[str] = []
        self.items: list = []   # core_adj.Disagreement and gold_links.LinkDisagreement
        self.index = -1
        self.linking: AnnotationInfo | None = None   # the gold span L started from
        # Its own stack unless a caller gives one (tests do): never the desk's.
        self.stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.adjudicator = Adjudicator(project, self.stack, decided_by or current_user(),
                                       lambda exc: show_error(self, exc))
        self.runner = ReportRunner(self)
        self.runner.finished.connect(self._show_gold_figures)
        self.runner.failed.connect(lambda msg: self.gold_note.setText(msg))
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        self._figures_timer = QTimer(self, singleShot=True, interval=800)
        self._figures_timer.timeout.connect(self.refresh_gold_figures)
        self._build()
        self._actions()
        self._listener = self._make_listener()
        project.subscribe(self._listener)
        self.destroyed.connect(lambda *_: project.unsubscribe(self._listener))
        self.load(doc_id)

    # --- loading ----------------------------------------------------------------------

    def _compared_coders(self) -> list[str]:
        if self.fixed_coders:
            return list(self.fixed_coders)
        names = {c.name: c.role for c in self.project.coders()}
        return sorted({a.coder for a in self.project.annotations(self.doc_id)
                       if a.coder != core_adj.GOLD and names.get(a.coder) != "gold"})

    def _fill_doc_combo(self) -> None:
        self.doc_combo.clear()
        for d in self.project.documents():
            coders = [c for c, n in d.annotations.items() if n and c != core_adj.GOLD]
            if len(coders) >= 2 or d.id == self.doc_id:
                done = sum(1 for c, st in d.status.items() if st == "done" and c != core_adj.GOLD)
                # the title isolated (FSI ... PDI): an Arabic title must not reorder the rest
                self.doc_combo.addItem(
                    translate("Supervisor", "{0} · {1} — {2} coders, {3} done").format(
                        d.id, f"\u2068{short(d.title or '', 50)}\u2069", len(coders), done),
                    d.id)
        self.doc_combo.setCurrentIndex(max(0, self.doc_combo.findData(self.doc_id)))

    def _doc_chosen(self, index: int) -> None:
        doc = self.doc_combo.itemData(index)
        if doc is not None and doc != self.doc_id:
            self.load(int(doc))

    def show_notice(self, text: str) -> None:
        """A one-line note above the window (why this article was opened); it goes away
        when another article is chosen."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._notice_doc = self.doc_id

    def load(self, doc_id: int) -> None:
        if self._notice_doc is not None and doc_id != self._notice_doc:
            self.notice.hide()
            self._notice_doc = None
        self.doc_id = doc_id
        info = self.project.document(doc_id)
        self.coders = self._compared_coders()
        cb = self.project.codebook()
        self.edit_category.clear()
        for c in cb.categories:
            if c.kind == "span":
                self.edit_category.addItem(i18n.name(c), c.key)
        self._fill_doc_combo()
        self.stop_linking()
        self.items = self._disagreements()
        spans = [a for a in self.project.annotations(doc_id)
                 if a.coder in self.coders or a.coder == core_adj.GOLD]
        self.article.set_comparison(self.project.text(doc_id), info.language, cb,
                                    self._lanes(spans), spans,
                                    [(d.start, d.end) for d in self.items])
        self.setWindowTitle(translate("Supervisor", "Compare coders — {0}")
                            .format(info.title or doc_id))
        self._fill_legend()
        self._fill_list()
        self._show_done()
        self.index = -1
        if self.items:
            self.go_to(0)
        else:
            self._fill_candidates()
            self._update_position()
        self.refresh_gold_figures()

    def _lanes(self, spans) -> list[str]:
        return self.coders + ([core_adj.GOLD] if any(a.coder == core_adj.GOLD for a in spans)
                              or self.coders else [])

    def reload(self) -> None:
        """After a decision (or anyone's change): new lanes, list and marks; the current
        place stays where it was in the text."""
        if not shiboken6.isValid(self):
            return
        where = self.items[self.index].start if 0 <= self.index < len(self.items) else None
        self.items = self._disagreements()
        spans = [a for a in self.project.annotations(self.doc_id)
                 if a.coder in self.coders or a.coder == core_adj.GOLD]
        self.article.update_spans(spans, [(d.start, d.end) for d in self.items])
        self._fill_list()
        self._show_done()
        self.index = -1
        if self.items:
            i = 0
            if where is not None:
                i = next((k for k, d in enumerate(self.items) if d.end > where),
                         len(self.items) - 1)
            self.go_to(i, scroll=False)
        else:
            self.article.set_current(None)
            self._fill_candidates()
            self._update_position()
        self._figures_timer.start()

    def _make_listener(self):
        def listener(event: str, payload: object) -> None:
            if not shiboken6.isValid(self):
                return
            doc = getattr(payload, "doc_id", None)
            if event == "status_changed" and isinstance(payload, tuple):
                doc = payload[0]   # (doc_id, coder, status): gold done, or a coder's
            if event == "merged" or doc == self.doc_id or event.startswith("relation_"):
                self._reload_timer.start()
        return listener

    def closeEvent(self, event) -> None:
        self.project.unsubscribe(self._listener)
        super().closeEvent(event)

    # --- the side list ----------------------------------------------------------------

    def _cat_name(self, key: str) -> str:
        cat = self.project.codebook().category(key)
        return i18n.name(cat) if cat else key

    def describe(self, d: core_adj.Disagreement, number: int | None = None) -> str:
        """Four lines or more: the text, each coder's spans, who missed it, whether gold
        decides it. Each line starts with LRM (English) or RLM (Arabic) and every quote is
        isolated with its guillemets, so mixed lines keep the layout's direction."""
        mark = line_mark(self.layoutDirection() == Qt.RightToLeft)
        if d.kind == "relation":
            return "\n".join(mark + line for line in self._describe_link(d, number))
        text = self.article.text[d.start:d.end]
        parts = []
        for c in self.coders:
            mine = [a for a in d.annotations if a.coder == c]
            if mine:
                parts.append(f"{c}: " + ", ".join(
                    f"{self._cat_name(a.category)} {quote(a.quote, 24)}{memo_suffix(a, 30)}"
                    for a in mine))
        if d.missing:
            parts.append(translate("Supervisor", "missed by {0}").format(", ".join(d.missing)))
        status = (translate("Supervisor", "✓ decided: {0}").format(", ".join(
            f"{self._cat_name(g.category)} {quote(g.quote, 24)}" for g in d.gold))
                  if d.gold else translate("Supervisor", "✓ left out of gold (gold done)")
                  if d.decided else translate("Supervisor", "not decided"))
        first = (f"{number}. " if number is not None else "") + quote(text, 70)
        return "\n".join(mark + line for line in [first, *parts, status])

    def _rel_name(self, key: str) -> str:
        rel = self.project.codebook().relation(key)
        return i18n.name(rel) if rel else key

    def _describe_link(self, d, number: int | None) -> list[str]:
        first = (f"{number}. " if number is not None else "") + translate(
            "Supervisor", "link {0}: {1} → {2}").format(
            self._rel_name(d.type), quote(d.source.quote, 30), quote(d.target.quote, 30))
        lines = [first, translate("Supervisor", "linked by {0}").format(", ".join(d.linked_by))]
        if d.not_linked_by:
            lines.append(translate("Supervisor", "not linked by {0}").format(
                ", ".join(d.not_linked_by)))
        lines.append(translate("Supervisor", "✓ linked in gold") if d.in_gold
                     else translate("Supervisor", "✓ left unlinked") if d.decided
                     else translate("Supervisor", "not decided"))
        return lines

    def _disagreements(self) -> list:
        coders = self.coders or None
        groups = core_adj.groups(self.project, self.doc_id, coders, self.agreed_by())
        self._agreed_left = sum(1 for g in groups if g.agreed and not g.gold)
        items = [g for g in groups if not g.agreed]
        items += gold_links.link_disagreements(self.project, self.doc_id, coders)
        return sorted(items, key=lambda d: (d.start, d.end, d.kind))

    def agreed_by(self) -> str:
        return "two" if self.two_box.isChecked() else "all"

    def _agreed_by_changed(self, on: bool) -> None:
        _set_setting("adjudication/agreed_by", "two" if on else "all")
        self.reload()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, d in enumerate(self.items, 1):
            item = QListWidgetItem(self.describe(d, i))
            item.setData(Qt.UserRole, (d.start, d.end))
            if d.decided:
                item.setForeground(QColor("#1f7a3f"))
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _fill_legend(self) -> None:
        swatch = ("<span style='background:{0}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>")
        gold = translate("Supervisor", "gold")
        # Each "N name" isolated in the layout's direction (LRI or RLI ... PDI), so the
        # number stays on the reading side of its own name whatever script the name is
        # in, and the pairs separated by a mark of that direction (LRM/RLM), so a number
        # never joins the name before it.
        rtl = self.layoutDirection() == Qt.RightToLeft
        iso, mark = ("\u2067", "\u200f") if rtl else ("\u2066", "\u200e")
        lanes = f"{mark} ".join(
            f"{iso}<b>{i}</b> {c if c != core_adj.GOLD else gold + ' (▭)'}\u2069"
            for i, c in enumerate(self.article.lanes, 1))
        cats = " ".join(f"{swatch.format(c.color)} {i18n.name(c)}"
                        for c in self.project.codebook().categories if c.kind == "span")
        self.legend.setText(
            translate("Supervisor", "Lanes under each line, top to bottom: {0}").format(lanes)
            + "<br>" + cats + " &nbsp; " + swatch.format(DISAGREE_BG) + " "
            + translate("Supervisor", "coders differ"))

    def _update_position(self) -> None:
        n = len(self.items)
        undecided = sum(1 for d in self.items if not d.decided)
        text = translate("Supervisor", "{0} of {1} · {2} undecided").format(
            self.index + 1 if self.index >= 0 else 0, n, undecided)
        agreed = getattr(self, "_agreed_left", 0)
        if agreed:
            text += " · " + translate("Supervisor", "{0} agreed not yet in gold").format(agreed)
        self.position_label.setText(text)

    def _show_done(self) -> None:
        done = core_adj.gold_done(self.project, self.doc_id)
        self.done_button.blockSignals(True)
        self.done_button.setChecked(done)
        self.done_button.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.items) and row != self.index:
            self.go_to(row)

    # --- stepping ---------------------------------------------------------------------

    def current(self) -> core_adj.Disagreement | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def go_to(self, i: int, scroll: bool = True) -> None:
        if not self.items:
            return
        i = max(0, min(i, len(self.items) - 1))
        self.index = i
        d = self.items[i]
        self.article.set_current((d.start, d.end))
        self.article.select_span(d.start, d.end, scroll=scroll)
        if scroll:
            self.article.ensureCursorVisible()
        self.list.blockSignals(True)
        self.list.setCurrentRow(i)
        self.list.blockSignals(False)
        self.list.scrollToItem(self.list.item(i))
        self._fill_candidates()
        self._update_position()
        self.disagreementChanged.emit(i)

    def next_disagreement(self) -> None:
        if self.items:
            self.go_to(self.index + 1 if self.index + 1 < len(self.items) else 0)

    def previous_disagreement(self) -> None:
        if self.items:
            self.go_to(self.index - 1 if self.index > 0 else len(self.items) - 1)


class ComparisonDialog(QDialog):
    """The comparison in a window of its own, with its own undo stack (`self.stack`):
    Ctrl+Z / Ctrl+Shift+Z here undo and redo gold decisions, and the desk's undo never
    reaches them."""

    def __init__(self, project, doc_id: int, parent=None, decided_by=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.stack = QUndoStack(self)
        self.view = ComparisonView(project, doc_id, self, undo_stack=self.stack,
                                   decided_by=decided_by)
        lay.addWidget(self.view)
        self.setWindowTitle(self.view.windowTitle() + " — " + Path(project.path).name)
        self.resize(1180, 760)

    def closeEvent(self, event) -> None:
        self.view.close()
        super().closeEvent(event)
