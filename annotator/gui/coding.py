"""What the coder does to the current article: annotate, recategorise, move boundaries,
delete, link, code the whole article, annotate all matches. A mixin of MainWindow; every
change is an undo command (commands.py), and the view repaints from the project's events.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu

from ..core.errors import AnnotatorError
from ..core.records import AnnotationInfo
from ..core.text import snap_to_words
from . import i18n
from .commands import (
    AddAnnotation,
    AddRelation,
    Compound,
    DeleteAnnotation,
    DeleteRelation,
    UpdateAnnotation,
)
from .models import short

translate = QCoreApplication.translate


def _word(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN" or ch == "\u0640"


class CodingMixin:
    """Needs: project, coder, doc_id, view, attrs, undo, codebook, relations, active."""

    # --- pushing commands ---------------------------------------------------------------

    def push(self, cmd) -> bool:
        """Apply `cmd` now and put it on the undo stack; a refusal is shown, not raised."""
        try:
            cmd.apply()
        except AnnotatorError as exc:
            self.show_error(exc)
            return False
        self.undo.push(cmd)
        return True

    # --- annotate -----------------------------------------------------------------------

    def annotate(self, category: str) -> None:
        if self.doc_id is None:
            return
        cat = self.codebook.category(category)
        span = self.view.selection_span()
        if span is not None:
            cmd = AddAnnotation(self.ctx, self.doc_id, self.coder, category, *span)
            if self.push(cmd):
                self.view.clear_selection()
                self.activate(cmd.uuid)
            return
        active = self.active_info()
        if active is not None and cat is not None and active.end > active.start:
            if active.category != category:
                self.push(UpdateAnnotation(self.ctx, active, category=category,
                                           text=translate("Coding", "change category of %1")))
            return
        self.hint(translate("Coding", "Select some text first, then press the category's key."))

    def annotate_hotkey(self, digit: str) -> None:
        for c in self.codebook.categories:
            if c.hotkey == digit and c.kind == "span":
                self.annotate(c.key)
                return

    def set_document_category(self, key: str) -> None:
        """The whole-article code: at most one per coder and article."""
        if self.doc_id is None:
            return
        current = next((a for a in self.ann_model.rows if a.end <= a.start), None)
        if not key and current is not None:
            self.push(DeleteAnnotation(self.ctx, current))
        elif current is not None and key and key != current.category:
            self.push(UpdateAnnotation(self.ctx, current, category=key,
                                       text=translate("Coding", "change category of %1")))
            self.activate(current.uuid)
        elif current is None and key:
            cmd = AddAnnotation(self.ctx, self.doc_id, self.coder, key)
            if self.push(cmd):
                self.activate(cmd.uuid)
        elif current is not None:
            self.activate(current.uuid)

    def annotate_all(self, category: str, spans: list[tuple[int, int]]) -> None:
        """Every hit becomes an annotation, snapped to whole words as a mouse selection
        is (a search for اكدت inside وأكدته codes the word); one undo step."""
        if self.view.snap:
            spans = [snap_to_words(self.view.text, s, e) for s, e in spans]
        spans = list(dict.fromkeys(sp for sp in spans if sp[1] > sp[0]))
        have = {(a.start, a.end) for a in self.ann_model.rows if a.category == category}
        new = [sp for sp in spans if sp not in have]
        skipped = len(spans) - len(new)
        if not new:
            self.hint(translate("Coding", "Every match is already annotated with this category."))
            return
        children = [AddAnnotation(self.ctx, self.doc_id, self.coder, category, s, e)
                    for s, e in new]
        text = translate("Coding", "Annotate all matches (%1)").replace("%1", str(len(new)))
        if self.push(Compound(self.ctx, self.doc_id, text, children)):
            self.hint(translate("Coding", "Annotations created: %1. Skipped, already "
                                          "annotated with this category: %2.")
                      .replace("%1", str(len(new))).replace("%2", str(skipped)))

    # --- the active annotation ----------------------------------------------------------

    def active_info(self) -> AnnotationInfo | None:
        row = self.ann_model.row_of(self.active) if self.active else -1
        return self.ann_model.info_at(row)

    def delete_active(self) -> None:
        info = self.active_info()
        if info is not None:
            self.push(DeleteAnnotation(self.ctx, info))

    def edit_attrs(self, attrs: dict, burst: str | None = None) -> None:
        """An attribute edit; the stores of one typing burst (`burst`) are one undo step."""
        info = self.active_info()
        if info is not None and self.push(UpdateAnnotation(
                self.ctx, info, attrs=attrs, text=translate("Coding", "change attribute of %1"),
                burst=burst)):
            if burst is None:
                self.attrs.refresh_suggestions()

    def edit_category(self, key: str) -> None:
        info = self.active_info()
        if info is not None:
            self.push(UpdateAnnotation(self.ctx, info, category=key,
                                       text=translate("Coding", "change category of %1")))

    def move_boundary(self, which: str, forward: bool) -> None:
        """Move the active span's start or end by a word (snapping on) or a character."""
        info = self.active_info()
        if info is None or info.end <= info.start:
            self.hint(translate("Coding", "Click a highlight first to select the annotation."))
            return
        text = self.view.text
        pos = info.start if which == "start" else info.end
        new = _step(text, pos, forward, which, self.view.snap)
        start, end = (new, info.end) if which == "start" else (info.start, new)
        if not 0 <= start < end <= len(text):
            return
        self.push(UpdateAnnotation(self.ctx, info, **{which: new},
                                   text=translate("Coding", "move boundary of %1")))

    # --- links --------------------------------------------------------------------------

    def relation_types_from(self, category: str):
        return [r for r in self.codebook.relations if r.from_category == category]

    def start_linking(self) -> None:
        info = self.active_info()
        types = self.relation_types_from(info.category) if info else []
        if not types:
            self.hint(translate("Coding", "Select a claim (or a reliability rating) first, then press L."))
            return
        self.linking = info.uuid
        targets = ", ".join(i18n.name(self.codebook.category(r.to_category)) for r in types)
        self.hint(translate("Coding", "Click the %1 to link it to; Esc cancels.").replace("%1", targets),
                  sticky=True)

    def stop_linking(self) -> None:
        """Leave link mode, and take its sticky "Click the Source…" hint with it."""
        if self.linking:
            self.linking = None
            self.statusBar().clearMessage()

    def cancel(self) -> None:
        """Esc: leave link mode, else leave an attribute field (a text field gets back the
        value it had before the typing; the annotation stays selected), else close the find bar, else deselect. Focus always
        ends in the article, so the arrow keys work at once."""
        focus = QApplication.focusWidget()
        in_field = self.attrs.is_field(focus)
        if in_field and not self.attrs.revert_field(focus):
            self.attrs.commit_pending()  # a number or a choice: Escape keeps it
        if self.linking:
            self.stop_linking()
        elif in_field:
            pass
        elif self.find.isVisible():
            self.find.close_bar()
        elif self.suggest.current_suggestion() is not None:
            self.suggest.leave()
        else:
            self.activate(None)
            self.view.clear_selection()
        self.view.setFocus()

    def link_to(self, target_uuid: str) -> None:
        src_uuid = self.linking
        self.stop_linking()
        src = self.view.annotations.get(src_uuid)
        dst = self.view.annotations.get(target_uuid)
        if src is None or dst is None:
            return
        for r in self.relation_types_from(src.category):
            if r.to_category == dst.category:
                if any(x.from_uuid == src.uuid and x.to_uuid == dst.uuid and x.type == r.key
                       for x in self.relations):
                    self.hint(translate("Coding", "These two are linked already."))
                    return
                self.push(AddRelation(self.ctx, self.doc_id, r.key, src.uuid, dst.uuid,
                                      self.coder))
                self.activate(src.uuid)
                return
        self.hint(translate("Coding", "A %1 cannot be linked to a %2.")
                  .replace("%1", i18n.name(self.codebook.category(src.category)))
                  .replace("%2", i18n.name(self.codebook.category(dst.category))))

    def link_selection(self) -> None:
        """In link mode, a selection picks the target it overlaps most."""
        span = self.view.selection_span()
        src = self.view.annotations.get(self.linking)
        if span is None or src is None:
            return
        wanted = {r.to_category for r in self.relation_types_from(src.category)}
        best = max((a for a in self.view.annotations.values() if a.category in wanted),
                   key=lambda a: min(a.end, span[1]) - max(a.start, span[0]), default=None)
        if best is not None and min(best.end, span[1]) > max(best.start, span[0]):
            self.view.clear_selection()
            self.link_to(best.uuid)

    def remove_link(self, rel) -> None:
        self.push(DeleteRelation(self.ctx, self.doc_id, rel))

    def links_of(self, uuid: str) -> list:
        """(relation, text) for each link of `uuid`, read from its side: on a claim
        "attributed to Source «…»", on the source "Source of claim «…»"."""
        out = []
        me = self.view.annotations.get(uuid)
        for r in self.relations:
            if uuid not in (r.from_uuid, r.to_uuid):
                continue
            rd = self.codebook.relation(r.type)
            outgoing = r.from_uuid == uuid
            other = self.view.annotations.get(r.to_uuid if outgoing else r.from_uuid)
            # FSI…PDI: the quote and its guillemets take their own direction, so «…»
            # around Arabic reads right in an English line (and the reverse)
            quote = f"\u2068«{short(other.quote, 80)}»\u2069" if other else "?"
            out.append((r, link_phrase(self.codebook, rd, outgoing, me, other, r.type)
                        .replace("%q", quote)))
        return out

    # --- context menu -------------------------------------------------------------------

    def article_menu(self, pos) -> None:
        menu = QMenu(self)
        span = self.view.selection_span()
        if span is not None:
            sub = menu.addMenu(translate("Coding", "Annotate as"))
            for c in self.codebook.categories:
                if c.kind == "span":
                    sub.addAction(i18n.name(c), lambda k=c.key: self.annotate(k))
        qt = self.view.cursorForPosition(pos).position()
        hits = self.view.highlighter.keys_at(qt)
        if hits:
            self.activate(hits[0])
            info = self.view.annotations[hits[0]]
            menu.addAction(translate("Coding", "Delete annotation"), self.delete_active)
            sub = menu.addMenu(translate("Coding", "Change category"))
            for c in self.codebook.categories:
                if c.kind == "span" and c.key != info.category:
                    sub.addAction(i18n.name(c), lambda k=c.key: self.edit_category(k))
            for r in self.relation_types_from(info.category):
                sub = menu.addMenu(i18n.name(r))
                for a in sorted(self.view.annotations.values(), key=lambda a: a.start):
                    if a.category == r.to_category:
                        sub.addAction(short(a.quote, 60),
                                      lambda u=a.uuid, s=info.uuid: self._link_pair(s, u))
                sub.setEnabled(not sub.isEmpty())
            for rel, label in self.links_of(info.uuid):
                menu.addAction(translate("Coding", "Remove link %1").replace("%1", label),
                               lambda r=rel: self.remove_link(r))
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _link_pair(self, src: str, dst: str) -> None:
        self.linking = src
        self.link_to(dst)


def link_phrase(codebook, rd, outgoing: bool, me, other, type_key: str) -> str:
    """A link as the selected annotation's side reads it, "%q" standing for the other
    end's quote. The relation's name ("claim attributed to source") read from its first
    end without that end's name is the outgoing phrase ("attributed to source"); the
    other end says "Source of claim"."""
    if rd is None:
        return f"{type_key} %q"
    name = i18n.name(rd)
    from_cat = codebook.category(rd.from_category)
    from_name = i18n.name(from_cat) if from_cat else rd.from_category
    starts = name.casefold().startswith(from_name.casefold() + " ")
    if outgoing:
        return f"{name[len(from_name) + 1:] if starts else name} %q"
    if starts and me is not None:
        mine = codebook.category(me.category)
        return (translate("Coding", "%1 of %2")
                .replace("%1", i18n.name(mine) if mine else me.category)
                .replace("%2", from_name.lower())) + " %q"
    # no phrase for this side: name the other end, then the relation
    return f"{from_name} %q: {name}"


def _step(text: str, pos: int, forward: bool, which: str, by_word: bool) -> int:
    if not by_word:
        return pos + (1 if forward else -1)
    n = len(text)
    if forward:
        p = pos
        while p < n and not _word(text[p]):
            p += 1
        if p >= n:
            return pos
        s, e = snap_to_words(text, p, p + 1)
        if which == "start":  # the start jumps to the next word's start
            if s <= pos:
                q = e
                while q < n and not _word(text[q]):
                    q += 1
                return q if q < n else pos
            return s
        return e
    p = pos - 1
    while p >= 0 and not _word(text[p]):
        p -= 1
    if p < 0:
        return pos
    s, e = snap_to_words(text, p, p + 1)
    if which == "end":  # the end goes back to the previous word's end
        if e >= pos:
            q = s - 1
            while q >= 0 and not _word(text[q]):
                q -= 1
            return snap_to_words(text, q, q + 1)[1] if q >= 0 else pos
        return e
    return s
