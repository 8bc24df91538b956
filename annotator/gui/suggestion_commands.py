"""Undo commands for suggestions: accepting makes the coder's own annotation (origin
"suggested", with the claim's link to its source when that source is coded); rejecting is
remembered for the article and coder. Both undo like any other edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.suggest import Suggestion
from .commands import ProjectCommand

translate = QCoreApplication.translate
LINK = "attributed_to"


class AcceptSuggestions(ProjectCommand):
    """Accept one or several suggestions of one article as one undo step. Sources are
    stored before claims, so a claim accepted with its source is linked to it."""

    def __init__(self, ctx, doc_id: int, coder: str, suggestions: list[Suggestion], text: str):
        super().__init__(ctx, doc_id, text)
        self.coder = coder
        order = {"source": 0, "attribution": 1}
        self.suggestions = sorted(suggestions, key=lambda s: order.get(s.category, 2))
        self.uuids: list[str | None] = [None] * len(self.suggestions)
        self.links: list[str | None] = [None] * len(self.suggestions)

    def _redo(self):
        p = self.ctx.project
        done = []
        try:
            for i, s in enumerate(self.suggestions):
                p.check_suggestion(self.doc_id, s)
                info = p.add_annotation(self.doc_id, self.coder, s.category, s.start, s.end,
                                        s.attrs, uuid=self.uuids[i], origin="suggested")
                self.uuids[i] = info.uuid
                done.append(i)
                src = p.source_for_claim(self.doc_id, self.coder, s) \
                    if s.category == "claim" else None
                rel = p.codebook().relation(LINK)
                if src is not None and rel is not None and rel.from_category == "claim":
                    r = p.add_relation(LINK, info.uuid, src.uuid, self.coder,
                                       uuid=self.links[i])
                    self.links[i] = r.uuid
        except Exception:
            for i in reversed(done):
                p.delete_annotation(self.uuids[i])
            raise

    def _undo(self):
        for u in reversed(self.uuids):
            if u:
                self.ctx.project.delete_annotation(u)  # tombstones its link too


class RejectSuggestion(ProjectCommand):
    def __init__(self, ctx, doc_id: int, coder: str, suggestion: Suggestion):
        super().__init__(ctx, doc_id, translate("Suggestions", "Reject suggestion"))
        self.coder, self.suggestion = coder, suggestion

    def _redo(self):
        self.ctx.project.reject_suggestion(self.doc_id, self.coder, self.suggestion)

    def _undo(self):
        self.ctx.project.unreject_suggestion(self.doc_id, self.coder, self.suggestion)
