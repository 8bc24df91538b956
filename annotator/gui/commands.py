"""Undo commands. Each changes the project through its API and nothing else: the views
follow the project's events, so undo, redo and a first edit all repaint the same way.

The first application happens in `apply()`, before the command is pushed, so a refused
edit (an AnnotatorError) is reported and never reaches the stack; the push's own call to
redo() is then skipped. Later undo/redo errors are reported through `ctx.report` and the
command is made obsolete, since Qt would swallow an exception raised inside redo().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core.errors import AnnotatorError
from ..core.records import AnnotationInfo, RelationInfo
from . import i18n
from .models import short

translate = QCoreApplication.translate


class Context:
    """What commands need: the project, where to report an error, and the text of the
    article on screen (`text_of(doc_id)`, to name a new span by its words)."""

    def __init__(self, project, report, text_of=None):
        self.project = project
        self.report = report
        self.text_of = text_of or project.text

    def label(self, category: str, quote: str) -> str:
        """«Source «صحيفة الجارديان»»: what the Edit menu says an undo step touches."""
        cat = self.project.codebook().category(category)
        name = i18n.name(cat) if cat else category
        if not quote:
            return translate("Commands", "%1 (whole article)").replace("%1", name)
        # FSI…PDI: an Arabic quote keeps its order inside an English menu and vice versa
        return f"{name} «\u2068{short(quote, 40)}\u2069»"


def _named(verb: str, ctx: Context, category: str, quote: str) -> str:
    return verb.replace("%1", ctx.label(category, quote))


class ProjectCommand(QUndoCommand):
    doc_id: int

    def __init__(self, ctx: Context, doc_id: int, text: str, parent=None):
        super().__init__(text, parent)
        self.ctx, self.doc_id = ctx, doc_id
        self._skip_redo = False

    def apply(self) -> None:
        """Do it now; raises AnnotatorError (then nothing changed) for the caller to show."""
        self._redo()
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, fn) -> None:
        try:
            fn()
        except AnnotatorError as exc:
            self.setObsolete(True)
            self.ctx.report(exc)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def where(self, undone: bool) -> tuple[str | None, int, int] | None:
        """The annotation this step touched and its span once undone (`undone`) or
        redone, for showing it; uuid None when it no longer exists then."""
        return None


class AddAnnotation(ProjectCommand):
    def __init__(self, ctx, doc_id, coder, category, start=0, end=0, attrs=None, parent=None):
        quote = ctx.text_of(doc_id)[start:end] if end > start else ""
        super().__init__(ctx, doc_id, _named(translate("Commands", "add %1"), ctx, category,
                                             quote), parent)
        self.coder, self.category, self.start, self.end = coder, category, start, end
        self.attrs = dict(attrs or {})
        self.uuid: str | None = None

    def where(self, undone):
        return (None if undone else self.uuid), self.start, self.end

    def _redo(self):
        # Same uuid on redo: the core revives the tombstone instead of adding a twin.
        info = self.ctx.project.add_annotation(self.doc_id, self.coder, self.category,
                                               self.start, self.end, self.attrs, uuid=self.uuid)
        self.uuid = info.uuid

    def _undo(self):
        self.ctx.project.delete_annotation(self.uuid)


class DeleteAnnotation(ProjectCommand):
    def __init__(self, ctx, info: AnnotationInfo, parent=None):
        super().__init__(ctx, info.doc_id, _named(translate("Commands", "delete %1"), ctx,
                                                  info.category, info.quote), parent)
        self.info = info
        self.relations: list[RelationInfo] = []

    def where(self, undone):
        return (self.info.uuid if undone else None), self.info.start, self.info.end

    def _redo(self):
        p, u = self.ctx.project, self.info.uuid
        # The core tombstones the links too; remember them so undo brings them back.
        self.relations = [r for r in p.relations(self.info.doc_id)
                          if u in (r.from_uuid, r.to_uuid)]
        p.delete_annotation(u)

    def _undo(self):
        p, a = self.ctx.project, self.info
        p.add_annotation(a.doc_id, a.coder, a.category, a.start, a.end, a.attrs, uuid=a.uuid)
        for r in self.relations:
            p.add_relation(r.type, r.from_uuid, r.to_uuid, r.coder, uuid=r.uuid)


class UpdateAnnotation(ProjectCommand):
    """Change category, boundaries or attributes. Consecutive moves of the same boundary
    of one annotation merge into one undo step."""

    MOVE_ID = 7301
    TYPING_ID = 7302

    def __init__(self, ctx, before: AnnotationInfo, *, category=None, start=None, end=None,
                 attrs=None, text=None, burst: str | None = None, parent=None):
        text = text or translate("Commands", "change %1")
        label = ctx.label(before.category, before.quote)
        super().__init__(ctx, before.doc_id, text.replace("%1", label) if "%1" in text
                         else f"{text}: {label}", parent)
        self.before = before
        self.changes = {k: v for k, v in dict(category=category, start=start, end=end,
                                               attrs=attrs).items() if v is not None}
        self._moves = set(self.changes) <= {"start", "end"}
        # the stores of one typing burst (attribute_panel) share a key and merge
        self.burst = burst

    def where(self, undone):
        b = self.before
        if undone:
            return b.uuid, b.start, b.end
        return b.uuid, self.changes.get("start", b.start), self.changes.get("end", b.end)

    def _redo(self):
        self.ctx.project.update_annotation(self.before.uuid, **self.changes)

    def _undo(self):
        b = self.before
        self.ctx.project.update_annotation(b.uuid, category=b.category, start=b.start,
                                           end=b.end, attrs=b.attrs)

    def id(self) -> int:
        if self.burst:
            return self.TYPING_ID
        return self.MOVE_ID if self._moves else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, UpdateAnnotation) or other.before.uuid != self.before.uuid:
            return False
        if self.burst:
            if other.burst != self.burst:
                return False
            self.changes.update(other.changes)
            # typed, then put back (Escape): no step is left to undo
            self.setObsolete(self.changes.get("attrs") == self.before.attrs)
            return True
        if not (other._moves and set(other.changes) == set(self.changes)):
            return False
        self.changes.update(other.changes)
        return True


class AddRelation(ProjectCommand):
    def __init__(self, ctx, doc_id, type_key, from_uuid, to_uuid, coder, parent=None):
        a = ctx.project.annotation(from_uuid)
        super().__init__(ctx, doc_id, _named(translate("Commands", "link %1"), ctx, a.category,
                                             a.quote), parent)
        self.type_key, self.from_uuid, self.to_uuid, self.coder = type_key, from_uuid, \
            to_uuid, coder
        self.span = (a.start, a.end)
        self.uuid: str | None = None

    def where(self, undone):
        return (self.from_uuid, *self.span)

    def _redo(self):
        info = self.ctx.project.add_relation(self.type_key, self.from_uuid, self.to_uuid,
                                             self.coder, uuid=self.uuid)
        self.uuid = info.uuid

    def _undo(self):
        self.ctx.project.delete_relation(self.uuid)


class DeleteRelation(ProjectCommand):
    def __init__(self, ctx, doc_id, rel: RelationInfo, parent=None):
        a = ctx.project.annotation(rel.from_uuid)
        super().__init__(ctx, doc_id, _named(translate("Commands", "remove link of %1"), ctx,
                                             a.category, a.quote), parent)
        self.rel = rel
        self.span = (a.start, a.end)

    def where(self, undone):
        return (self.rel.from_uuid, *self.span)

    def _redo(self):
        self.ctx.project.delete_relation(self.rel.uuid)

    def _undo(self):
        r = self.rel
        self.ctx.project.add_relation(r.type, r.from_uuid, r.to_uuid, r.coder, uuid=r.uuid)


class SetStatus(ProjectCommand):
    def __init__(self, ctx, doc_id, coder, status, parent=None):
        super().__init__(ctx, doc_id, translate("Commands", "change status"), parent)
        self.coder, self.status = coder, status
        self.old = ctx.project.status(doc_id, coder)

    def _redo(self):
        self.ctx.project.set_status(self.doc_id, self.coder, self.status)

    def _undo(self):
        self.ctx.project.set_status(self.doc_id, self.coder, self.old)


class Compound(ProjectCommand):
    """Several commands as one undo step (e.g. "annotate all matches"). Children are
    applied in order; if one is refused, those already applied are undone. The children
    are kept in a Python list, not as Qt child commands, so their Python state (uuids)
    survives."""

    def __init__(self, ctx, doc_id, text, children: list[ProjectCommand]):
        super().__init__(ctx, doc_id, text)
        self.children = list(children)

    def where(self, undone):
        return self.children[0].where(undone) if self.children else None

    def _redo(self):
        done = []
        try:
            for child in self.children:
                child._redo()
                done.append(child)
        except AnnotatorError:
            for child in reversed(done):
                child._undo()
            raise

    def _undo(self):
        for child in reversed(self.children):
            child._undo()
