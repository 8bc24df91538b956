"""The deciding half of the comparison window (a mixin of ComparisonView): accept,
edit, reject, accept all agreed, links in gold (L, as in the desk), gold done (D),
moving gold boundaries, and the figures of gold against each coder. Every decision goes
through the Adjudicator (committed at once, on the window's own undo stack)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem

from ...core import adjudication as core_adj
from ...core.records import AnnotationInfo
from ..memos import memo_suffix
from .common import (
    NULL_TEXT,
    below_minus_one_text,
    fmt,
    reason_text,
    threshold_colour,
    translate,
)
from .lanes_view import quote


class GoldDecisionsMixin:
    """Needs from the view: project, doc_id, coders, items, current(), candidates,
    article, adjudicator, gold_note, gold_table, done_button, runner, reload(),
    _cat_name(), agreed_by(), _show_done(), act_cancel_link."""

    # --- deciding ---------------------------------------------------------------------

    def _fill_candidates(self) -> None:
        self.candidates.clear()
        d = self.current()
        if d is None:
            return
        if d.kind == "relation":
            item = QListWidgetItem(translate("Supervisor", "1  link in gold: {0} → {1}").format(
                quote(d.source.quote, 40), quote(d.target.quote, 40))
                + ("  ✓" if d.in_gold else ""))
            item.setData(Qt.UserRole, d)
            self.candidates.addItem(item)
            self.candidates.setCurrentRow(0)
            return
        order = {c: i for i, c in enumerate(self.coders)}
        spans = sorted(d.annotations, key=lambda a: (order.get(a.coder, 99), a.start, a.end))
        for k, a in enumerate(spans, 1):
            item = QListWidgetItem(f"{k}  {a.coder}: {self._cat_name(a.category)} "
                                   f"{quote(a.quote, 50)}{memo_suffix(a, 80)}")
            item.setData(Qt.UserRole, a)
            if a.note:
                item.setToolTip(a.note)
            if any(g.origin_uuid == a.uuid for g in d.gold):
                item.setText(item.text() + "  ✓")
            self.candidates.addItem(item)
        for g in d.gold:
            item = QListWidgetItem(translate("Supervisor", "gold: {0} {1} (by {2})").format(
                self._cat_name(g.category), quote(g.quote), g.decided_by or "?"))
            item.setData(Qt.UserRole, g)
            item.setForeground(QColor("#1f7a3f"))
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)

    def candidate_spans(self) -> list[AnnotationInfo]:
        data = [self.candidates.item(i).data(Qt.UserRole)
                for i in range(self.candidates.count())]
        return [a for a in data if isinstance(a, AnnotationInfo) and a.coder != core_adj.GOLD]

    def _chosen(self) -> AnnotationInfo | None:
        item = self.candidates.currentItem()
        data = item.data(Qt.UserRole) if item is not None else None
        return data if isinstance(data, AnnotationInfo) else None

    def choose_candidate(self, step: int) -> None:
        n = self.candidates.count()
        if n:
            self.candidates.setCurrentRow((self.candidates.currentRow() + step) % n)

    def accept_number(self, k: int) -> bool:
        d = self.current()
        if d is not None and d.kind == "relation":
            return k == 1 and self._decided(self.adjudicator.decide_link(d, True))
        spans = self.candidate_spans()
        if not 1 <= k <= len(spans):
            return False
        self.candidates.setCurrentRow(k - 1)
        return self._decided(self.adjudicator.accept(spans[k - 1]))

    def accept_current(self) -> bool:
        d = self.current()
        if d is not None and d.kind == "relation":
            return self._decided(self.adjudicator.decide_link(d, True))
        a = self._chosen()
        if a is None or a.coder == core_adj.GOLD:
            return False
        return self._decided(self.adjudicator.accept(a))

    def accept_edited(self) -> bool:
        """The chosen coder span into gold with the article's selection as its bounds
        (whole words when the view snaps) and the category in the Edit box."""
        if self.current() is not None and self.current().kind == "relation":
            return False
        a = self._chosen()
        if a is None or a.coder == core_adj.GOLD:
            spans = self.candidate_spans()
            a = spans[0] if spans else None
        if a is None:
            return False
        sel = self.article.selection_span()
        d = self.current()
        start, end = sel if sel else (a.start, a.end)
        if sel and d is not None and (start, end) == (d.start, d.end) and \
                (a.start, a.end) != (d.start, d.end):
            # the selection is just the whole disagreement (set by stepping): keep a's bounds
            start, end = a.start, a.end
        cat = self.edit_category.currentData() or a.category
        return self._decided(self.adjudicator.accept(a, category=cat, start=start, end=end))

    def reject_current(self) -> bool:
        d = self.current()
        if d is not None and d.kind == "relation":
            return self._decided(self.adjudicator.decide_link(d, False))
        if d is None or not d.gold:
            return False
        chosen = self._chosen()
        gold = chosen if chosen is not None and chosen.coder == core_adj.GOLD else None
        if gold is None:
            # the gold span that came from the chosen coder span, else the first one
            gold = next((g for g in d.gold if chosen is not None
                         and g.origin_uuid == chosen.uuid), d.gold[0])
        return self._decided(self.adjudicator.reject(gold))

    def accept_all_agreed(self) -> int:
        n = self.adjudicator.accept_all_agreed(self.doc_id, self.coders or None,
                                               self.agreed_by())
        self.reload()
        self.gold_note.setText(translate("Supervisor", "{0} agreed spans put into gold")
                               .format(n))
        return n

    def toggle_gold_done(self) -> bool:
        done = not core_adj.gold_done(self.project, self.doc_id)
        ok = self._decided(self.adjudicator.set_gold_done(self.doc_id, done))
        self._show_done()
        return ok

    # --- links in gold (L, as in the desk) --------------------------------------------

    def _gold_here(self) -> AnnotationInfo | None:
        chosen = self.candidates.currentItem()
        data = chosen.data(Qt.UserRole) if chosen is not None else None
        if isinstance(data, AnnotationInfo) and data.coder == core_adj.GOLD:
            return data
        d = self.current()
        if d is not None and d.kind != "relation" and d.gold:
            return next((g for g in d.gold if data is not None and
                         getattr(data, "uuid", None) == g.origin_uuid), d.gold[0])
        # no disagreement holds one (all agreed): the gold span under the text cursor
        py = self.article.to_py(self.article.textCursor().selectionStart())
        here = [a for a in self.project.annotations(self.doc_id, coder=core_adj.GOLD)
                if a.start <= py < a.end]
        return min(here, key=lambda a: a.end - a.start) if here else None

    def start_linking(self) -> bool:
        g = self._gold_here()
        if g is None:
            self.gold_note.setText(translate(
                "Supervisor", "Choose a disagreement that has a gold span first, then L."))
            return False
        self.linking = g
        self.act_cancel_link.setEnabled(True)
        self.gold_note.setText(translate(
            "Supervisor", "Click the gold span to link {0} to (linked ones are unlinked); "
                          "Esc cancels.").format(quote(g.quote, 30)))
        return True

    def stop_linking(self) -> None:
        if hasattr(self, "act_cancel_link"):
            self.act_cancel_link.setEnabled(False)
        if self.linking is not None:
            self.linking = None
            self.gold_note.setText("")

    def _link_click(self, py: int) -> bool:
        """In link mode, a click on a gold span links (or unlinks) the two."""
        if self.linking is None:
            return False
        src = self.linking
        self.stop_linking()
        gold = [a for a in self.project.annotations(self.doc_id, coder=core_adj.GOLD)
                if a.start <= py < a.end and a.uuid != src.uuid]
        fits = [a for a in gold if self._relation_fits(src, a)]
        if not fits:
            self.gold_note.setText(translate(
                "Supervisor", "No gold span there that {0} can be linked to.").format(
                quote(src.quote, 30)))
            return True
        target = min(fits, key=lambda a: a.end - a.start)
        if self._decided(self.adjudicator.toggle_link(src, target)):
            self.gold_note.setText(translate("Supervisor", "Gold links changed: {0} — {1}")
                                   .format(quote(src.quote, 30), quote(target.quote, 30)))
        return True

    def _relation_fits(self, a: AnnotationInfo, b: AnnotationInfo) -> bool:
        return any({(r.from_category, r.to_category)} & {(a.category, b.category),
                                                        (b.category, a.category)}
                   for r in self.project.codebook().relations)

    def nudge(self, edge: str, forward: bool) -> bool:
        d = self.current()
        if d is None or d.kind == "relation" or not d.gold:
            return False
        chosen = self._chosen()
        gold = chosen if chosen is not None and chosen.coder == core_adj.GOLD else d.gold[0]
        return self._decided(self.adjudicator.nudge(gold, edge, forward))

    def _decided(self, ok: bool) -> bool:
        if ok:
            self.reload()
        return ok

    # --- gold against each coder ------------------------------------------------------

    def refresh_gold_figures(self) -> None:
        names = {c.name for c in self.project.coders()}
        if core_adj.GOLD not in names or not self.coders:
            self.gold_table.setRowCount(0)
            self.gold_note.setText(translate("Supervisor",
                                             "No gold spans yet: decide a disagreement, or "
                                             "accept all agreed spans."))
            return
        self.gold_note.setText(translate("Supervisor", "Computing…"))
        # "all adjudicated": the articles gold is marked done for, and this one
        docs = sorted({d.id for d in self.project.documents()
                       if d.status.get(core_adj.GOLD) == "done"} | {self.doc_id})
        self.runner.start(self.project, {c: {"coders": [core_adj.GOLD, c], "all_docs": True,
                                             "doc_ids": docs} for c in self.coders})

    def _show_gold_figures(self, result: dict) -> None:
        if not shiboken6.isValid(self):
            return
        self.gold_figures = result
        self.gold_table.setRowCount(len(result))
        for r, (coder, rep) in enumerate(sorted(result.items())):
            doc = rep.get("per_document", {}).get(str(self.doc_id))
            here = doc["overall"] if doc else None
            cells = [(coder, None, ""),
                     (here.get("alpha_u") if here else None, "coef",
                      (here or {}).get("reasons", {}).get("alpha_u", "") if here else
                      translate("Supervisor", "gold has no span in this article yet")),
                     (rep["overall"].get("alpha_u"), "coef",
                      rep["overall"].get("reasons", {}).get("alpha_u", "")),
                     (rep["documents"], "count", "")]
            for col, (value, kind, reason) in enumerate(cells):
                item = QTableWidgetItem(str(value) if kind is None else fmt(value, kind))
                if kind == "coef":
                    colour = threshold_colour(value)
                    if colour is not None:
                        item.setBackground(colour)
                    if value is None:
                        item.setToolTip(reason_text(reason))
                    elif value < -1:
                        item.setToolTip(below_minus_one_text())
                if kind is not None:
                    item.setTextAlignment(Qt.AlignCenter)
                self.gold_table.setItem(r, col, item)
        self.gold_note.setText(translate(
            "Supervisor", "αU of gold against each coder: in this article, and over the "
                          "articles gold is marked done for (D) with this one. {0} = cannot "
                          "be computed (hover for why).")
            .format(NULL_TEXT))


def _settings_value(key: str, default: str) -> str:
    from ..app import settings

    return str(settings().value(key, default))


def _set_setting(key: str, value: str) -> None:
    from ..app import settings

    settings().setValue(key, value)
