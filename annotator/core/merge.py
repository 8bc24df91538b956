"""Coders' work merged back into the main project, row by row, keyed by UUID.

The rules (each row kind: coders, annotations, relations, assignments):

- A package must be a project file of the same project (same `ProjectInfo.uuid`) whose
  work fits the project's codebook (`codebook.changes.conflicts`: an older or newer
  codebook merges unless a key means something else or the work uses what the project no
  longer has); otherwise it is refused, the conflicts listed, and nothing is changed.
- Documents are matched by UUID, else by SHA-256 of the text. Documents are never added
  by a merge; work on a document the project does not have is skipped and reported.
- Coders are matched by UUID, else by name; an unknown coder is added.
- An annotation, relation or assignment unknown here is added (unless it is already a
  tombstone: nothing to delete). One known here is replaced when the package's `updated`
  is later than the local one: a later edit replaces an earlier one, a deletion
  (tombstone: `deleted` set, `updated` with it) travels unless the local row changed
  after it. Otherwise it is skipped. So merging the same file twice changes nothing.
- An annotation whose quote no longer matches the project's text is refused (skipped and
  reported), as is a relation whose ends are unknown here.
- All files of one call are merged in ONE transaction, after a backup of the project: on
  any error nothing is changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import db
from .codebook.changes import conflicts
from .errors import ProjectError
from .models import (
    Annotation,
    Assignment,
    Category,
    Coder,
    Document,
    DocumentNote,
    DocumentText,
    Relation,
    RelationType,
)
from .progress import CancelToken, Progress, checkpoint
from .progress import report as report_progress
from .project import Project

CHUNK = 500
KINDS = ("documents", "coders", "annotations", "relations", "assignments", "notes")
_NEVER = datetime.min

__all__ = ["CodebookMismatchError", "MergeReport", "merge_package", "merge_packages"]


class CodebookMismatchError(ProjectError):
    """The package's codebook differs in structure; `differences` lists each line."""

    def __init__(self, path, differences: list[str]):
        self.differences = list(differences)
        super().__init__(path, "codebook conflicts with the project: "
                         + "; ".join(self.differences) + " (what to do: put it back in the "
                         "project's codebook, retired if coders should not use it, or have "
                         "the coder recode those annotations)")


@dataclass
class MergeReport:
    """What one file brought: counts per row kind (see KINDS), and why rows were refused."""

    path: Path
    coder: str | None = None  # the package's preset coder, if it is a package
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)  # refused rows, one line each
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values())
                    + sum(self.deleted.values()))

    def totals(self) -> dict[str, int]:
        return {"added": sum(self.added.values()), "updated": sum(self.updated.values()),
                "deleted": sum(self.deleted.values()), "skipped": sum(self.skipped.values())}

    def per_kind(self) -> dict[str, dict[str, int]]:
        out = {}
        for kind in KINDS:
            row = {"added": self.added[kind], "updated": self.updated[kind],
                   "deleted": self.deleted[kind], "skipped": self.skipped[kind]}
            if any(row.values()):
                out[kind] = row
        return out

    def to_json(self) -> dict:
        return {"path": str(self.path), "coder": self.coder, **self.totals(),
                "kinds": self.per_kind(), "notes": list(self.notes),
                "backup": str(self.backup) if self.backup else None}


def merge_package(project: Project, path: Path, progress: Progress | None = None,
                  cancel: CancelToken | None = None) -> MergeReport:
    """Merge one coder's file into `project` (open for writing). See the module rules."""
    return merge_packages(project, [path], progress, cancel)[0]


def merge_packages(project: Project, paths: Sequence[Path], progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> list[MergeReport]:
    """Merge several files in one transaction: every file is checked first (project,
    codebook), then the project is backed up, then all are merged; on any error nothing
    is changed. Returns one report per file, in order. Progress counts the packages'
    annotation and relation rows; Cancelled (from `cancel`) rolls everything back."""
    paths = [Path(p) for p in paths]
    if project.readonly:
        raise ProjectError(project.path, "is open read-only")
    packages: list[Project] = []
    try:
        for path in paths:
            if path.exists() and path.resolve() == project.path.resolve():
                raise ProjectError(path, "is the project itself")
            pkg = Project.open(path, readonly=True)
            packages.append(pkg)
            _check_compatible(project, pkg)
        checkpoint(cancel)
        # a server project is backed up by its own means (pg_dump), not file copies
        backup = None if project.is_server else db.backup_copy(project.path, "before-merge")
        reports = [MergeReport(path=pkg.path, coder=pkg.info()["package_coder"], backup=backup)
                   for pkg in packages]
        steps = _Steps(progress, cancel, sum(_rows(pkg) for pkg in packages))
        with project._tx() as s:
            for pkg, report in zip(packages, reports, strict=True):
                merger = _Merger(project, pkg, s, report)
                merger.step = lambda n, name=pkg.path.name: steps(n, name)
                merger.run()
            checkpoint(cancel)  # the last moment a Cancel still keeps the project as it was
    finally:
        for pkg in packages:
            pkg.close()
    project._coder_ids.clear()
    for report in reports:
        if report.changed:
            project._emit("merged", report)
    return reports


def _rows(pkg: Project) -> int:
    """What progress counts in a package: its annotation and relation rows."""
    with pkg._read() as ps:
        return sum(ps.scalar(select(func.count()).select_from(t)) or 0
                   for t in (Annotation, Relation))


class _Steps:
    """Progress over all packages of one merge, and the Cancel check between chunks."""

    def __init__(self, progress: Progress | None, cancel: CancelToken | None, total: int):
        self.progress, self.cancel, self.total, self.done = progress, cancel, total, 0
        report_progress(progress, 0, total)

    def __call__(self, n: int, label: str) -> None:
        checkpoint(self.cancel)
        self.done += n
        report_progress(self.progress, self.done, self.total, label)


def _check_compatible(project: Project, pkg: Project) -> None:
    mine, theirs = project.info(), pkg.info()
    if mine["uuid"] != theirs["uuid"]:
        raise ProjectError(pkg.path, f"belongs to project '{theirs['name']}' "
                                     f"({theirs['uuid'][:8]}), not '{mine['name']}' "
                                     f"({mine['uuid'][:8]})")
    # Compatible revisions (added, renamed, recoloured, reordered, retired) never block a
    # merge; a key meaning something else, or something the package's work uses and the
    # project no longer has, does.
    problems = conflicts(project.full_codebook(), pkg.full_codebook(), pkg.usage(),
                         "the project", "the package")
    if problems:
        raise CodebookMismatchError(pkg.path, problems)


def _chunks(items: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _newer(theirs: datetime | None, mine: datetime | None) -> bool:
    return (theirs or _NEVER) > (mine or _NEVER)


class _Merger:
    """One package into the open transaction `s` of the main project."""

    def __init__(self, project: Project, pkg: Project, s: Session, report: MergeReport):
        self.project, self.pkg, self.s, self.r = project, pkg, s, report
        self.doc_map: dict[int, int] = {}  # package document id -> local id
        self.coder_map: dict[int, int] = {}
        self.ann_map: dict[int, Annotation] = {}  # package annotation id -> local row
        self.newly_deleted: set[int] = set()  # local annotation ids deleted by this merge
        self._texts: dict[int, str] = {}
        self.step: Callable[[int], None] = lambda n: None  # n rows done (progress, Cancel)

    def note(self, kind: str, line: str) -> None:
        self.r.skipped[kind] += 1
        self.r.notes.append(line)

    def run(self) -> None:
        with self.pkg._read() as ps:
            self.documents(ps)
            self.coders(ps)
            self.annotations(ps)
            self.relations(ps)
            self.assignments(ps)
            self.document_notes(ps)
        self.s.flush()

    # -- matching --

    def documents(self, ps: Session) -> None:
        rows = ps.execute(select(Document.id, Document.uuid, Document.sha256, Document.title)
                          .order_by(Document.id)).all()
        by_uuid: dict[str, int] = {}
        by_sha: dict[str, int] = {}
        for chunk in _chunks(rows):
            by_uuid.update(self.s.execute(select(Document.uuid, Document.id).where(
                Document.uuid.in_([r.uuid for r in chunk]))).all())
            missing = [r.sha256 for r in chunk if r.uuid not in by_uuid]
            if missing:
                for sha, doc_id in self.s.execute(
                        select(Document.sha256, Document.id)
                        .where(Document.sha256.in_(missing)).order_by(Document.id.desc())):
                    by_sha[sha] = doc_id  # the lowest id wins
        for r in rows:
            local = by_uuid.get(r.uuid) or by_sha.get(r.sha256)
            if local is None:
                self.note("documents", f"document {r.id} ({r.title[:40]!r}) is not in the "
                                       "project; its work is skipped")
            else:
                self.doc_map[r.id] = local

    def coders(self, ps: Session) -> None:
        for c in ps.scalars(select(Coder).order_by(Coder.id)):
            local = (self.s.scalar(select(Coder).where(Coder.uuid == c.uuid))
                     or self.s.scalar(select(Coder).where(Coder.name == c.name)))
            if local is None:
                local = Coder(uuid=c.uuid, name=c.name, role=c.role)
                self.s.add(local)
                self.s.flush()
                self.r.added["coders"] += 1
            self.coder_map[c.id] = local.id

    # -- rows --

    def _text(self, doc_id: int) -> str:
        t = self._texts.get(doc_id)
        if t is None:
            t = self._texts[doc_id] = self.s.scalar(
                select(DocumentText.text).where(DocumentText.document_id == doc_id)) or ""
        return t

    def annotations(self, ps: Session) -> None:
        cats = {row.key: (row.id, row.kind) for row in self.s.scalars(select(Category))}
        pkg_cats = dict(ps.execute(select(Category.id, Category.key)).all())
        rows = ps.scalars(select(Annotation).order_by(Annotation.id)).all()
        for chunk in _chunks(rows):
            local = {a.uuid: a for a in self.s.scalars(
                select(Annotation).where(Annotation.uuid.in_([a.uuid for a in chunk])))}
            for a in chunk:
                self._annotation(a, local.get(a.uuid), cats, pkg_cats)
            self.step(len(chunk))

    def _annotation(self, a: Annotation, mine: Annotation | None, cats: dict,
                    pkg_cats: dict) -> None:
        doc_id = self.doc_map.get(a.document_id)
        if doc_id is None:
            self.note("annotations", f"annotation {a.uuid}: its document "
                                     f"{a.document_id} is not in the project")
            return
        key = pkg_cats.get(a.category_id)
        if key not in cats:
            self.note("annotations", f"annotation {a.uuid}: category '{key}' is not in the "
                                     "project")
            return
        cat_id, kind = cats[key]
        if a.deleted is None and kind != "document":
            text = self._text(doc_id)
            if not (0 <= a.start < a.end <= len(text)) or text[a.start:a.end] != a.quote:
                self.note("annotations", f"annotation {a.uuid} (document {doc_id}): quote "
                                         f"{a.quote[:40]!r} does not match the project's text")
                return
        if mine is None:
            if a.deleted is not None:  # never seen here: nothing to delete
                self.r.skipped["annotations"] += 1
                return
            mine = Annotation(uuid=a.uuid, document_id=doc_id,
                              coder_id=self.coder_map[a.coder_id], category_id=cat_id,
                              start=a.start, end=a.end, quote=a.quote,
                              attrs=dict(a.attrs or {}), created=a.created, updated=a.updated,
                              deleted=None, decided_by=a.decided_by,
                              origin_uuid=a.origin_uuid, note=a.note or "", flag=bool(a.flag),
                              origin=a.origin, codebook_version=a.codebook_version)
            self.s.add(mine)
            self.r.added["annotations"] += 1
        elif _newer(a.updated, mine.updated):
            if a.deleted is not None and mine.deleted is None:
                self.r.deleted["annotations"] += 1
                self.newly_deleted.add(mine.id)
            elif a.deleted is not None:
                self.r.skipped["annotations"] += 1  # deleted on both sides
            else:
                self.r.updated["annotations"] += 1
            mine.category_id, mine.start, mine.end = cat_id, a.start, a.end
            mine.quote, mine.attrs = a.quote, dict(a.attrs or {})
            mine.updated, mine.deleted = a.updated, a.deleted
            mine.decided_by, mine.origin_uuid = a.decided_by, a.origin_uuid
            mine.note, mine.flag = a.note or "", bool(a.flag)
            mine.origin = a.origin
            mine.codebook_version = a.codebook_version
        else:
            self.r.skipped["annotations"] += 1
        self.ann_map[a.id] = mine

    def relations(self, ps: Session) -> None:
        self.s.flush()  # new annotations get their ids
        types = dict(self.s.execute(select(RelationType.key, RelationType.id)).all())
        pkg_types = dict(ps.execute(select(RelationType.id, RelationType.key)).all())
        rows = ps.scalars(select(Relation).order_by(Relation.id)).all()
        for chunk in _chunks(rows):
            local = {r.uuid: r for r in self.s.scalars(
                select(Relation).where(Relation.uuid.in_([r.uuid for r in chunk])))}
            for r in chunk:
                mine = local.get(r.uuid)
                src, dst = self.ann_map.get(r.from_id), self.ann_map.get(r.to_id)
                type_id = types.get(pkg_types.get(r.type_id))
                if src is None or dst is None or type_id is None:
                    self.note("relations", f"relation {r.uuid}: its annotations or type are "
                                           "not in the project")
                    continue
                if r.deleted is None and (src.deleted is not None or dst.deleted is not None):
                    self.note("relations", f"relation {r.uuid}: links an annotation deleted "
                                           "in the project")
                    continue
                if mine is None:
                    if r.deleted is not None:
                        self.r.skipped["relations"] += 1
                        continue
                    mine = Relation(uuid=r.uuid, from_id=src.id, to_id=dst.id, type_id=type_id,
                                    coder_id=self.coder_map[r.coder_id], created=r.created,
                                    updated=r.updated, deleted=None)
                    self.s.add(mine)
                    self.r.added["relations"] += 1
                elif _newer(r.updated, mine.updated):
                    if r.deleted is not None and mine.deleted is None:
                        self.r.deleted["relations"] += 1
                    elif r.deleted is not None:
                        self.r.skipped["relations"] += 1
                    else:
                        self.r.updated["relations"] += 1
                    mine.from_id, mine.to_id, mine.type_id = src.id, dst.id, type_id
                    mine.updated, mine.deleted = r.updated, r.deleted
                else:
                    self.r.skipped["relations"] += 1
            self.step(len(chunk))
        # Relations here that hang on an annotation this merge deleted die with it, as
        # Project.delete_annotation does.
        self.s.flush()
        for chunk in _chunks(sorted(self.newly_deleted)):
            for rel in self.s.scalars(select(Relation).where(
                    (Relation.from_id.in_(chunk) | Relation.to_id.in_(chunk))
                    & Relation.deleted.is_(None))):
                ann = self.s.get(Annotation, rel.from_id if rel.from_id in chunk
                                 else rel.to_id)
                rel.deleted = rel.updated = ann.deleted
                self.r.deleted["relations"] += 1

    def assignments(self, ps: Session) -> None:
        for a in ps.scalars(select(Assignment)):
            doc_id, coder_id = self.doc_map.get(a.document_id), self.coder_map.get(a.coder_id)
            if doc_id is None or coder_id is None:
                self.note("assignments", f"status of document {a.document_id}: the document "
                                         "is not in the project")
                continue
            mine = self.s.get(Assignment, (doc_id, coder_id))
            if mine is None:
                self.s.add(Assignment(document_id=doc_id, coder_id=coder_id, status=a.status,
                                      updated=a.updated))
                self.r.added["assignments"] += 1
            elif _newer(a.updated, mine.updated) and a.status != mine.status:
                mine.status, mine.updated = a.status, a.updated
                self.r.updated["assignments"] += 1
            else:
                self.r.skipped["assignments"] += 1

    def document_notes(self, ps: Session) -> None:
        """Article notes: by UUID, else by (document, coder), the one note a coder has on
        an article; a later `updated` wins, a tombstone clears the note."""
        names = dict(ps.execute(select(Coder.id, Coder.name)).all())
        for n in ps.scalars(select(DocumentNote).order_by(DocumentNote.id)):
            doc_id, coder_id = self.doc_map.get(n.document_id), self.coder_map.get(n.coder_id)
            if self.r.coder and names.get(n.coder_id) != self.r.coder:
                self.note("notes", f"note {n.uuid}: written by {names.get(n.coder_id)!r}, not "
                                   f"by the package's coder {self.r.coder!r}")
                continue
            if doc_id is None or coder_id is None:
                self.note("notes", f"note {n.uuid}: its document {n.document_id} is not in "
                                   "the project")
                continue
            mine = (self.s.scalar(select(DocumentNote).where(DocumentNote.uuid == n.uuid))
                    or self.s.scalar(select(DocumentNote).where(
                        DocumentNote.document_id == doc_id, DocumentNote.coder_id == coder_id)))
            if mine is not None and (mine.document_id, mine.coder_id) != (doc_id, coder_id):
                self.note("notes", f"note {n.uuid}: belongs to another article or coder here")
                continue
            if mine is None:
                if n.deleted is not None:
                    self.r.skipped["notes"] += 1
                    continue
                self.s.add(DocumentNote(uuid=n.uuid, document_id=doc_id, coder_id=coder_id,
                                        text=n.text, created=n.created, updated=n.updated))
                self.r.added["notes"] += 1
            elif _newer(n.updated, mine.updated):
                if n.deleted is not None and mine.deleted is None:
                    self.r.deleted["notes"] += 1
                else:
                    self.r.updated["notes"] += 1
                mine.text, mine.updated, mine.deleted = n.text, n.updated, n.deleted
            else:
                self.r.skipped["notes"] += 1
