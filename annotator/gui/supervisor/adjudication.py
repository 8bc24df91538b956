"""Undoable adjudication: each decision goes through the core adjudication API at once
(committed before the call returns) and is pushed on a QUndoStack, so Ctrl+Z takes it back
out of the project file again.

The commands follow the desk's pattern (annotator.gui.commands.ProjectCommand): applied
before they are pushed, a refused decision (AnnotatorError) is reported and never reaches
the stack; undo and redo re-create the very rows (same UUIDs) rather than new ones, so a
merge or an export sees one gold annotation however often the supervisor changes mind.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from ...core import adjudication as core_adj
from ...core import gold_links
from ...core.errors import AnnotatorError
from ...core.records import AnnotationInfo, RelationInfo
from ...core.text import word_spans
from ..commands import Context, ProjectCommand, UpdateAnnotation
from .common import translate


def _revive(project, a: AnnotationInfo) -> None:
    """Bring a (tombstoned) annotation back with these values; the row keeps its
    decided_by and origin_uuid."""
    project.add_annotation(a.doc_id, a.coder, a.category, a.start, a.end, a.attrs, uuid=a.uuid)


def _restore(project, a: AnnotationInfo) -> None:
    project.update_annotation(a.uuid, category=a.category, start=a.start, end=a.end,
                              attrs=a.attrs)


def _live_links(project, doc_id: int) -> dict[str, RelationInfo]:
    return {r.uuid: r for r in project.relations(doc_id, coder=core_adj.GOLD)}


def _revive_link(project, r: RelationInfo) -> None:
    project.add_relation(r.type, r.from_uuid, r.to_uuid, core_adj.GOLD, uuid=r.uuid)


def _drop_link(project, r: RelationInfo) -> None:
    if r.uuid in _live_links(project, _doc_of(project, r)):
        project.delete_relation(r.uuid)


def _doc_of(project, r: RelationInfo) -> int:
    return project.annotation(r.from_uuid).doc_id


class LinksFollow:
    """For commands whose first run lets the core add gold links (the coders' relations
    following their ends into gold): redo brings the very same links back, undo takes
    them out, so a removed link never reads as the supervisor's decision to unlink."""

    links: list[RelationInfo]

    def _first_run(self, fn):
        before = _live_links(self.ctx.project, self.doc_id)
        out = fn()
        self.links = [r for u, r in _live_links(self.ctx.project, self.doc_id).items()
                      if u not in before]
        return out

    def _links_redo(self) -> None:
        for r in self.links:
            _revive_link(self.ctx.project, r)

    def _links_undo(self) -> None:
        for r in reversed(self.links):
            _drop_link(self.ctx.project, r)


class AcceptSpan(LinksFollow, ProjectCommand):
    """A coder's span into gold, as it is or edited (category, bounds, attributes)."""

    def __init__(self, ctx: Context, source: AnnotationInfo, decided_by: str, *,
                 category: str | None = None, start: int | None = None,
                 end: int | None = None, attrs: dict | None = None, parent=None):
        edited = any(v is not None for v in (category, start, end, attrs))
        text = (translate("Supervisor", "Accept {0}'s span (edited)") if edited
                else translate("Supervisor", "Accept {0}'s span")).format(source.coder)
        super().__init__(ctx, source.doc_id, text, parent)
        self.source, self.decided_by = source, decided_by
        self.edit = {"category": category, "start": start, "end": end, "attrs": attrs}
        self.before: AnnotationInfo | None = None   # the gold span this one replaces, if any
        self.after: AnnotationInfo | None = None

    def _redo(self) -> None:
        p = self.ctx.project
        if self.after is None:   # first time: the core decides add or update
            self.before = next((g for g in p.annotations(self.doc_id, coder=core_adj.GOLD)
                                if g.origin_uuid == self.source.uuid), None)
            self.after = self._first_run(lambda: core_adj.accept(
                p, self.source.uuid, self.decided_by, **self.edit))
            return
        if self.before is None:
            _revive(p, self.after)
        else:
            _restore(p, self.after)
        self._links_redo()

    def _undo(self) -> None:
        self._links_undo()
        if self.before is None:
            self.ctx.project.delete_annotation(self.after.uuid)
        else:
            _restore(self.ctx.project, self.before)


class RejectGold(ProjectCommand):
    """Take a span out of gold (the coders' own spans are never touched)."""

    def __init__(self, ctx: Context, gold: AnnotationInfo, parent=None):
        super().__init__(ctx, gold.doc_id, translate("Supervisor", "Reject gold span"), parent)
        self.gold = gold
        self.links: list[RelationInfo] = []

    def _redo(self) -> None:
        # the links it takes with it come back on undo
        self.links = [r for r in _live_links(self.ctx.project, self.doc_id).values()
                      if self.gold.uuid in (r.from_uuid, r.to_uuid)]
        try:
            core_adj.reject(self.ctx.project, self.gold.uuid)
        except ValueError as exc:  # not a gold span: the caller's mistake, said in one line
            raise AnnotatorError(None, str(exc)) from None

    def _undo(self) -> None:
        _revive(self.ctx.project, self.gold)
        for r in self.links:
            _revive_link(self.ctx.project, r)


class AcceptAllAgreed(LinksFollow, ProjectCommand):
    """Every span all coders agree on into gold, as one undo step."""

    def __init__(self, ctx: Context, doc_id: int, decided_by: str,
                 coders: list[str] | None = None, agreed_by: str = "all", parent=None):
        super().__init__(ctx, doc_id, translate("Supervisor", "Accept all agreed spans"), parent)
        self.decided_by, self.coders, self.agreed_by = decided_by, coders, agreed_by
        self.added: list[AnnotationInfo] | None = None

    def _redo(self) -> None:
        p = self.ctx.project
        if self.added is None:
            before = {g.uuid for g in p.annotations(self.doc_id, coder=core_adj.GOLD)}
            self._first_run(lambda: core_adj.accept_all_agreed(
                p, self.doc_id, self.decided_by, self.coders, self.agreed_by))
            self.added = [g for g in p.annotations(self.doc_id, coder=core_adj.GOLD)
                          if g.uuid not in before]
        else:
            for g in self.added:
                _revive(p, g)
            self._links_redo()

    def _undo(self) -> None:
        self._links_undo()
        for g in reversed(self.added or []):
            self.ctx.project.delete_annotation(g.uuid)


class DecideLink(ProjectCommand):
    """A link in gold the coders differ on: linked, or left unlinked."""

    def __init__(self, ctx: Context, item, linked: bool, parent=None):
        text = (translate("Supervisor", "Link in gold") if linked
                else translate("Supervisor", "Leave unlinked in gold"))
        super().__init__(ctx, item.doc_id, text, parent)
        self.item, self.linked = item, linked
        self.before: RelationInfo | None = None   # the gold relation as it was, if any

    def _redo(self) -> None:
        p = self.ctx.project
        rels = [r for r in p.relations(self.doc_id, coder=core_adj.GOLD, include_deleted=True)
                if (r.type, r.from_uuid, r.to_uuid) == (
                    self.item.type, self.item.source.uuid, self.item.target.uuid)]
        self.before = next((r for r in rels if r.deleted is None), rels[-1] if rels else None)
        gold_links.decide_link(p, self.item, self.linked)

    def _undo(self) -> None:
        p = self.ctx.project
        live = [r for r in _live_links(p, self.doc_id).values()
                if (r.type, r.from_uuid, r.to_uuid) == (
                    self.item.type, self.item.source.uuid, self.item.target.uuid)]
        if self.before is not None and self.before.deleted is None:
            _revive_link(p, self.before)
        else:
            for r in live:
                p.delete_relation(r.uuid)


class ToggleGoldLink(ProjectCommand):
    """L in the comparison window: link two gold spans, or unlink them."""

    def __init__(self, ctx: Context, a: AnnotationInfo, b: AnnotationInfo, parent=None):
        super().__init__(ctx, a.doc_id, translate("Supervisor", "Link gold spans"), parent)
        self.a, self.b = a, b
        self.state: str | None = None
        self.rel: RelationInfo | None = None

    def _redo(self) -> None:
        p = self.ctx.project
        if self.state is None:
            self.state, self.rel = gold_links.gold_link(p, self.a.uuid, self.b.uuid)
        elif self.state == "linked":
            _revive_link(p, self.rel)
        else:
            p.delete_relation(self.rel.uuid)

    def _undo(self) -> None:
        if self.state == "linked":
            self.ctx.project.delete_relation(self.rel.uuid)
        else:
            _revive_link(self.ctx.project, self.rel)


class SetGoldDone(ProjectCommand):
    """Gold finished for the article (what is not in gold was left out), or open again."""

    def __init__(self, ctx: Context, doc_id: int, done: bool, parent=None):
        text = (translate("Supervisor", "Mark gold done") if done
                else translate("Supervisor", "Reopen gold"))
        super().__init__(ctx, doc_id, text, parent)
        self.done = done
        self.before: str | None = None

    def _redo(self) -> None:
        p = self.ctx.project
        if self.before is None:
            self.before = p.status(self.doc_id, core_adj.GOLD)
        core_adj.set_gold_done(p, self.doc_id, self.done)

    def _undo(self) -> None:
        self.ctx.project.set_status(self.doc_id, core_adj.GOLD, self.before or "todo")


class Adjudicator:
    """What the comparison view's keys and buttons call. Each method returns True when
    the decision was committed (and pushed), False when it was refused (and reported)."""

    def __init__(self, project, stack: QUndoStack, decided_by: str, report):
        self.ctx = Context(project, report)
        self.stack = stack
        self.decided_by = decided_by

    @property
    def project(self):
        return self.ctx.project

    def _run(self, cmd: ProjectCommand) -> bool:
        try:
            cmd.apply()
        except AnnotatorError as exc:
            self.ctx.report(exc)
            return False
        self.stack.push(cmd)
        return True

    def accept(self, source: AnnotationInfo, **edit) -> bool:
        return self._run(AcceptSpan(self.ctx, source, self.decided_by, **edit))

    def reject(self, gold: AnnotationInfo) -> bool:
        return self._run(RejectGold(self.ctx, gold))

    def decide_link(self, item, linked: bool) -> bool:
        return self._run(DecideLink(self.ctx, item, linked))

    def toggle_link(self, a: AnnotationInfo, b: AnnotationInfo) -> bool:
        return self._run(ToggleGoldLink(self.ctx, a, b))

    def set_gold_done(self, doc_id: int, done: bool) -> bool:
        return self._run(SetGoldDone(self.ctx, doc_id, done))

    def accept_all_agreed(self, doc_id: int, coders: list[str] | None = None,
                          agreed_by: str = "all") -> int:
        cmd = AcceptAllAgreed(self.ctx, doc_id, self.decided_by, coders, agreed_by)
        try:
            cmd.apply()
        except AnnotatorError as exc:
            self.ctx.report(exc)
            return 0
        if cmd.added or cmd.links:   # nothing added: keep the stack free of a no-op step
            self.stack.push(cmd)
        return len(cmd.added)

    def nudge(self, gold: AnnotationInfo, edge: str, forward: bool) -> bool:
        """Move the gold span's start or end to the next/previous word edge (logical
        order: forward is later in the text). Consecutive moves merge into one undo step."""
        text = self.project.text(gold.doc_id)
        if edge == "start":
            edges = sorted({s for s, _ in word_spans(text)})
            pos = gold.start
        else:
            edges = sorted({e for _, e in word_spans(text)})
            pos = gold.end
        cand = [e for e in edges if e > pos] if forward else [e for e in edges if e < pos]
        if not cand:
            return False
        new = cand[0] if forward else cand[-1]
        start, end = (new, gold.end) if edge == "start" else (gold.start, new)
        if end <= start:
            return False
        change = {"start": start} if edge == "start" else {"end": end}
        return self._run(UpdateAnnotation(self.ctx, gold, text=translate(
            "Supervisor", "Move gold span boundary"), **change))
