"""Coders' work merged back into the main project, row by row, keyed by UUID.

A package is untrusted input: every row passes `validate` (the layer imports and `check`
use too) and the ownership rules below before anything is written.

The rules (each row kind: coders, annotations, relations, assignments):

- A package must be a project file of the same project (same `ProjectInfo.uuid`) whose
  work fits the project's codebook (`codebook.changes.conflicts`: an older or newer
  codebook merges unless a key means something else or the work uses what the project no
  longer has); otherwise it is refused, the conflicts listed, and nothing is changed.
- Ownership: a package of coder X (`ProjectInfo.package_coder`) may add, change or delete
  only rows of X, in documents X was given (assigned here), whose UUID is new or already
  X's in the same document. X must be the project's X (same coder UUID) under the same
  name: a coder cannot rename themself inside a package. Rows of other coders are
  refused unless the supervisor names them (`allow_coders`); a file that is not a
  package has no owner, so each of its coders must be named. Any violation, or any
  invalid value (attributes outside the codebook, a span reversed or outside the text,
  a relation across documents, a time that is not a time), refuses the whole file with
  one line naming the file, the first row and the count.
- Documents are matched by UUID, else by SHA-256 of the text. Documents are never added
  by a merge; work on a document the project does not have is skipped and reported.
- Coders are matched by UUID, else by name; an allowed coder unknown here is added.
- An annotation, relation or assignment unknown here is added (unless it is already a
  tombstone: nothing to delete). One known here is replaced when the package's `updated`
  is later than the local one: a later edit replaces an earlier one, a deletion
  (tombstone: `deleted` set, `updated` with it) travels unless the local row changed
  after it. Otherwise it is skipped. So merging the same file twice changes nothing.
- An annotation whose quote no longer matches the project's text is skipped and
  reported (the coder's copy of a replaced text), as is a relation whose ends were
  skipped.
- All files of one call are merged in ONE transaction; the same file given twice is
  merged once. A backup is written before the commit, and only when something changes:
  on any error nothing is changed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from . import db, validate
from .check import ANNOTATION_COLUMNS, RELATION_COLUMNS, category_defs, raw_rows
from .codebook.changes import conflicts
from .errors import InputError, ProjectError
from .models import (
    Annotation,
    Assignment,
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
from .records import STATUSES

CHUNK = 500
KINDS = ("documents", "coders", "annotations", "relations", "assignments", "notes")
_NEVER = datetime.min
REASONS_SHOWN = 1  # a refusal is one line: the first reason and the count

__all__ = ["CodebookMismatchError", "MergeReport", "merge_package", "merge_packages"]


class CodebookMismatchError(ProjectError):
    """The package's codebook differs in structure; `differences` lists each line."""

    def __init__(self, path, differences: list[str]):
        self.differences = list(differences)
        super().__init__(path, "codebook conflicts with the project: "
                         + "; ".join(self.differences) + " (what to do: put it back in the "
                         "project's codebook, retired if coders should not use it, or have "
                         "the coder recode those annotations)")


class PackageRefusedError(InputError):
    """The package breaks the ownership rules or holds invalid rows; nothing was merged.
    `foreign` counts the rows per other coder, `reasons` lists every refused row."""

    def __init__(self, path, foreign: Counter, reasons: list[str]):
        self.foreign, self.reasons = Counter(foreign), list(reasons)
        parts = []
        if foreign:
            n = sum(foreign.values())
            names = ", ".join(f"{c}: {k}" for c, k in sorted(foreign.items()))
            parts.append(f"{n} row{'s' if n != 1 else ''} of other coders ({names}); "
                         f"--allow-coders {','.join(sorted(foreign))} merges them on purpose")
        if reasons:
            more = len(reasons) - REASONS_SHOWN
            parts.append(f"{len(reasons)} row{'s' if len(reasons) != 1 else ''} refused: "
                         + "; ".join(reasons[:REASONS_SHOWN])
                         + (f" (and {more} more)" if more > 0 else ""))
        super().__init__(path, "; ".join(parts) + "; nothing was merged")


@dataclass
class MergeReport:
    """What one file brought: counts per row kind (see KINDS), and why rows were refused."""

    path: Path
    coder: str | None = None  # the package's preset coder, if it is a package
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)  # skipped rows, one line each
    backup: Path | None = None
    given: int = 1  # how many times the file was given to this merge (merged once)

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
                "kinds": self.per_kind(), "notes": list(self.notes), "given": self.given,
                "backup": str(self.backup) if self.backup else None}


def merge_package(project: Project, path: Path, progress: Progress | None = None,
                  cancel: CancelToken | None = None,
                  allow_coders: Iterable[str] = ()) -> MergeReport:
    """Merge one coder's file into `project` (open for writing). See the module rules."""
    return merge_packages(project, [path], progress, cancel, allow_coders)[0]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def merge_packages(project: Project, paths: Sequence[Path], progress: Progress | None = None,
                   cancel: CancelToken | None = None,
                   allow_coders: Iterable[str] = ()) -> list[MergeReport]:
    """Merge several files in one transaction: every file is checked first (project,
    codebook), then all are merged and validated, then (if anything changed) the project
    is backed up and the transaction committed; on any error nothing is changed. Returns
    one report per distinct file, in order (a file given twice is merged once). Progress
    counts the packages' annotation and relation rows; Cancelled (from `cancel`) rolls
    everything back."""
    if project.readonly:
        raise ProjectError(project.path, "is open read-only")
    allowed = {validate.coder_name(c) for c in allow_coders}
    unique: list[Path] = []
    given: Counter = Counter()
    for path in map(Path, paths):
        first = next((u for u in unique if u == path or _same_file(u, path)), None)
        if first is None:
            unique.append(path)
            first = path
        given[first] += 1
    packages: list[Project] = []
    unreadable: list[str | None] = []
    reports: list[MergeReport] = []
    try:
        for path in unique:
            if path.exists() and _same_file(path, project.path):
                raise ProjectError(path, "is the project itself")
            pkg = Project.open(path, readonly=True)
            packages.append(pkg)
            unreadable.append(_check_compatible(project, pkg))
        checkpoint(cancel)
        reports = [MergeReport(path=pkg.path, coder=pkg.info()["package_coder"],
                               given=given[pkg.path]) for pkg in packages]
        steps = _Steps(progress, cancel, sum(_rows(pkg) for pkg in packages))
        with project._tx() as s:
            for pkg, report, why in zip(packages, reports, unreadable, strict=True):
                merger = _Merger(project, pkg, s, report, allowed)
                merger.step = lambda n, name=pkg.path.name: steps(n, name)
                merger.run()
                if why is not None:  # the rows passed, yet their codebook use was unreadable
                    raise PackageRefusedError(pkg.path, Counter(),
                                              [f"its work cannot be read ({why})"])
            checkpoint(cancel)  # the last moment a Cancel still keeps the project as it was
            # a server project is backed up by its own means (pg_dump), not file copies
            if any(r.changed for r in reports) and not project.is_server:
                # Before the commit, of the committed state (WAL readers see it): a merge
                # that changes nothing writes no backup.
                backup = db.backup_copy(project.path, "before-merge")
                for r in reports:
                    r.backup = backup
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


def _check_compatible(project: Project, pkg: Project) -> str | None:
    """Refuse a package of another project, or whose work does not fit the project's
    codebook. Returns why the codebook use could not be read (tampered attributes), for
    the row validation to name precisely; None when it was read."""
    mine, theirs = project.info(), pkg.info()
    if mine["uuid"] != theirs["uuid"]:
        raise ProjectError(pkg.path, f"belongs to project '{theirs['name']}' "
                                     f"({theirs['uuid'][:8]}), not '{mine['name']}' "
                                     f"({mine['uuid'][:8]})")
    # Compatible revisions (added, renamed, recoloured, reordered, retired) never block a
    # merge; a key meaning something else, or something the package's work uses and the
    # project no longer has, does.
    try:
        usage = pkg.usage()
    except (ValueError, TypeError, AttributeError, SQLAlchemyError) as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0][:80]
    problems = conflicts(project.full_codebook(), pkg.full_codebook(), usage,
                         "the project", "the package")
    if problems:
        raise CodebookMismatchError(pkg.path, problems)
    return None


def _chunks(items: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _newer(theirs: datetime | None, mine: datetime | None) -> bool:
    return (theirs or _NEVER) > (mine or _NEVER)


class _Merger:
    """One package into the open transaction `s` of the main project."""

    def __init__(self, project: Project, pkg: Project, s: Session, report: MergeReport,
                 allowed: set[str]):
        self.project, self.pkg, self.s, self.r = project, pkg, s, report
        self.allowed = allowed
        self.doc_map: dict[int, int] = {}  # package document id -> local id
        self.coder_map: dict[int, int] = {}  # package coder id -> local id (accepted ones)
        self.coder_names: dict[int, str] = {}  # package coder id -> name shown
        self.owner: int | None = None  # local id of the package's coder
        self.given: set[int] = set()  # local documents assigned to the owner
        self.ann_map: dict[int, Annotation | None] = {}  # package id -> local (None: skipped)
        self.ann_ends: dict[int, dict] = {}  # package id -> document, category, deleted
        self.newly_deleted: set[int] = set()  # local annotation ids deleted by this merge
        self.foreign: Counter = Counter()  # other coders' rows, by name
        self.refused: list[str] = []
        self._texts: dict[int, str] = {}
        self.step: Callable[[int], None] = lambda n: None  # n rows done (progress, Cancel)

    def note(self, kind: str, line: str) -> None:
        self.r.skipped[kind] += 1
        self.r.notes.append(line)

    def refuse(self, line: str) -> None:
        self.refused.append(line)

    def run(self) -> None:
        with self.pkg._read() as ps:
            conn = ps.connection()
            self.documents(ps)
            self.coders(conn)
            if self.refused:  # an identity problem: the rows would only repeat it
                raise PackageRefusedError(self.pkg.path, self.foreign, self.refused)
            self.annotations(ps, conn)
            self.relations(ps, conn)
            self.assignments(conn)
            self.document_notes(conn)
        if self.refused or self.foreign:
            raise PackageRefusedError(self.pkg.path, self.foreign, self.refused)
        self.s.flush()

    # -- matching --

    def documents(self, ps: Session) -> None:
        rows = ps.execute(text("SELECT id, uuid, sha256, title FROM documents ORDER BY id")
                          ).all()
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
                self.note("documents", f"document {r.id} ({str(r.title)[:40]!r}) is not in "
                                       "the project; its work is skipped")
            else:
                self.doc_map[r.id] = local

    def coders(self, conn) -> None:
        owner_name = self.r.coder
        local_owner = None
        if owner_name is not None:
            local_owner = self.s.scalar(select(Coder).where(Coder.name == owner_name))
            if local_owner is None:
                self.refuse(f"its coder '{owner_name}' is not a coder of the project")
                return
            self.owner = local_owner.id
            self.given = set(self.s.scalars(select(Assignment.document_id).where(
                Assignment.coder_id == local_owner.id)))
        for cid, cuuid, name, role in conn.execute(text(
                "SELECT id, uuid, name, role FROM coders ORDER BY id")):
            try:
                name = validate.coder_name(name)
            except validate.Invalid as exc:
                self.refuse(f"coder {cid}: {exc.message}")
                continue
            if local_owner is not None and cuuid == local_owner.uuid:
                if name != owner_name:
                    self.refuse(f"coder '{owner_name}' renamed themself to '{name}' in the "
                                "package; a package keeps its coder's name")
                    continue
                self.coder_map[cid] = local_owner.id
                self.coder_names[cid] = name
                continue
            if name == owner_name:
                self.refuse(f"coder '{name}' in the package is not the project's "
                            f"'{name}' (another identity)")
                continue
            local = (self.s.scalar(select(Coder).where(Coder.uuid == cuuid))
                     or self.s.scalar(select(Coder).where(Coder.name == name)))
            shown = local.name if local is not None else name
            self.coder_names[cid] = shown
            if shown not in self.allowed and name not in self.allowed:
                continue  # its rows, if any, are counted as foreign
            if local is None:
                if role not in ("coder", "supervisor", "gold"):
                    role = "coder"
                local = Coder(uuid=validate.uuid(cuuid, "coder uuid"), name=name, role=role)
                self.s.add(local)
                self.s.flush()
                self.r.added["coders"] += 1
            self.coder_map[cid] = local.id

    def _whose(self, coder_id) -> int | None:
        """The local coder for a package row, or None (counted as another coder's row)."""
        local = self.coder_map.get(coder_id)
        if local is None:
            self.foreign[self.coder_names.get(coder_id, f"coder {coder_id}")] += 1
        return local

    def _given(self, local_coder: int, doc_id: int, what: str) -> bool:
        if local_coder == self.owner and doc_id not in self.given:
            self.refuse(f"{what}: document {doc_id} was not given to {self.r.coder}")
            return False
        return True

    # -- rows --

    def _text(self, doc_id: int) -> str:
        t = self._texts.get(doc_id)
        if t is None:
            t = self._texts[doc_id] = self.s.scalar(
                select(DocumentText.text).where(DocumentText.document_id == doc_id)) or ""
        return t

    def annotations(self, ps: Session, conn) -> None:
        defs = category_defs(self.s)
        local_cats = {d.key: (cid, d) for cid, d in defs.items()}
        pkg_cats = dict(conn.execute(text("SELECT id, key FROM categories")).all())
        rows = list(raw_rows(conn, "annotations", ANNOTATION_COLUMNS))
        for chunk in _chunks(rows):
            uuids = [a["uuid"] for a in chunk if isinstance(a["uuid"], str)]
            local = {a.uuid: a for a in self.s.scalars(
                select(Annotation).where(Annotation.uuid.in_(uuids)))}
            for a in chunk:
                cat = local_cats.get(pkg_cats.get(a["category_id"]))
                self.ann_map[a["id"]] = self._annotation(a, local.get(a["uuid"]), cat)
            self.step(len(chunk))

    def _annotation(self, a: dict, mine: Annotation | None, cat) -> Annotation | None:
        where = f"annotation {a['uuid']}"
        doc_id = self.doc_map.get(a["document_id"])
        if doc_id is None:
            self.note("annotations", f"{where}: its document {a['document_id']} is not in "
                                     "the project")
            return None
        coder = self._whose(a["coder_id"])
        if coder is None or not self._given(coder, doc_id, where):
            return None
        if mine is not None and (mine.coder_id != coder or mine.document_id != doc_id):
            self.refuse(f"{where} is another coder's annotation or in another document "
                        f"(document {mine.document_id} here)")
            return None
        cat_id, cat_def = cat if cat is not None else (None, None)
        try:
            v = validate.annotation(a, cat_def, self._text(doc_id))
        except validate.QuoteMismatch as exc:
            self.note("annotations", f"{where} (document {doc_id}): {exc.message}; the "
                                     "project's text differs")
            return None
        except validate.Invalid as exc:
            self.refuse(f"{where}: {exc.message}")
            return None
        self.ann_ends[a["id"]] = {"document_id": doc_id, "category": cat_def.key,
                                  "deleted": v["deleted"]}
        if mine is None:
            if v["deleted"] is not None:  # never seen here: nothing to delete
                self.r.skipped["annotations"] += 1
                return None
            mine = Annotation(uuid=v["uuid"], document_id=doc_id, coder_id=coder,
                              category_id=cat_id, start=v["start"], end=v["end"],
                              quote=v["quote"], attrs=v["attrs"], created=v["created"],
                              updated=v["updated"], deleted=None,
                              decided_by=a["decided_by"], origin_uuid=v.get("origin_uuid"),
                              note=v["note"], flag=v["flag"], origin=v["origin"],
                              codebook_version=v["codebook_version"])
            self.s.add(mine)
            self.r.added["annotations"] += 1
        elif _newer(v["updated"], mine.updated):
            if v["deleted"] is not None and mine.deleted is None:
                self.r.deleted["annotations"] += 1
                self.newly_deleted.add(mine.id)
            elif v["deleted"] is not None:
                self.r.skipped["annotations"] += 1  # deleted on both sides
            else:
                self.r.updated["annotations"] += 1
            mine.category_id, mine.start, mine.end = cat_id, v["start"], v["end"]
            mine.quote, mine.attrs = v["quote"], v["attrs"]
            mine.updated, mine.deleted = v["updated"], v["deleted"]
            mine.decided_by, mine.origin_uuid = a["decided_by"], v.get("origin_uuid")
            mine.note, mine.flag, mine.origin = v["note"], v["flag"], v["origin"]
            mine.codebook_version = v["codebook_version"]
        else:
            self.r.skipped["annotations"] += 1
        return mine

    def relations(self, ps: Session, conn) -> None:
        self.s.flush()  # new annotations get their ids
        types = {r.key: r for r in self.s.scalars(select(RelationType))}
        pkg_types = dict(conn.execute(text("SELECT id, key FROM relation_types")).all())
        rows = list(raw_rows(conn, "relations", RELATION_COLUMNS))
        for chunk in _chunks(rows):
            uuids = [r["uuid"] for r in chunk if isinstance(r["uuid"], str)]
            local = {r.uuid: r for r in self.s.scalars(
                select(Relation).where(Relation.uuid.in_(uuids)))}
            for r in chunk:
                self._relation(r, local.get(r["uuid"]), types.get(pkg_types.get(r["type_id"])))
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

    def _relation(self, r: dict, mine: Relation | None, rtype: RelationType | None) -> None:
        where = f"relation {r['uuid']}"
        if r["from_id"] not in self.ann_map or r["to_id"] not in self.ann_map:
            self.refuse(f"{where}: links an annotation the package does not have")
            return
        src, dst = self.ann_map[r["from_id"]], self.ann_map[r["to_id"]]
        coder = self._whose(r["coder_id"])
        if coder is None:
            return
        if r["from_id"] not in self.ann_ends or r["to_id"] not in self.ann_ends:
            self.note("relations", f"{where}: its annotations were skipped")
            return
        if mine is not None and mine.coder_id != coder:
            self.refuse(f"{where} is another coder's relation")
            return
        type_def = None if rtype is None else self.project.codebook().relation(rtype.key)
        try:
            v = validate.relation(r, type_def, self.ann_ends.get(r["from_id"]),
                                  self.ann_ends.get(r["to_id"]))
        except validate.Invalid as exc:
            self.refuse(f"{where}: {exc.message}")
            return
        if not self._given(coder, self.ann_ends[r["from_id"]]["document_id"], where):
            return
        if src is None or dst is None:  # an end deleted before it ever came here
            if v["deleted"] is None:
                self.note("relations", f"{where}: links an annotation deleted in the package")
            else:
                self.r.skipped["relations"] += 1
            return
        if v["deleted"] is None and (src.deleted is not None or dst.deleted is not None):
            self.note("relations", f"{where}: links an annotation deleted in the project")
            return
        if mine is None:
            if v["deleted"] is not None:
                self.r.skipped["relations"] += 1
                return
            self.s.add(Relation(uuid=v["uuid"], from_id=src.id, to_id=dst.id,
                                type_id=rtype.id, coder_id=coder, created=v["created"],
                                updated=v["updated"], deleted=None))
            self.r.added["relations"] += 1
        elif _newer(v["updated"], mine.updated):
            if v["deleted"] is not None and mine.deleted is None:
                self.r.deleted["relations"] += 1
            elif v["deleted"] is not None:
                self.r.skipped["relations"] += 1
            else:
                self.r.updated["relations"] += 1
            mine.from_id, mine.to_id, mine.type_id = src.id, dst.id, rtype.id
            mine.updated, mine.deleted = v["updated"], v["deleted"]
        else:
            self.r.skipped["relations"] += 1

    def assignments(self, conn) -> None:
        for pdoc, pcoder, status, updated in conn.execute(text(
                "SELECT document_id, coder_id, status, updated FROM assignments "
                "ORDER BY 1, 2")):
            doc_id = self.doc_map.get(pdoc)
            where = f"status of document {pdoc}"
            if doc_id is None:
                self.note("assignments", f"{where}: the document is not in the project")
                continue
            coder = self._whose(pcoder)
            if coder is None or not self._given(coder, doc_id, where):
                continue
            try:
                updated = validate.time(updated, "updated")
                if status not in STATUSES:
                    raise validate.Invalid(f"{status!r} is not one of {', '.join(STATUSES)}")
            except validate.Invalid as exc:
                self.refuse(f"{where}: {exc.message}")
                continue
            mine = self.s.get(Assignment, (doc_id, coder))
            if mine is None:
                self.s.add(Assignment(document_id=doc_id, coder_id=coder, status=status,
                                      updated=updated))
                self.r.added["assignments"] += 1
            elif _newer(updated, mine.updated) and status != mine.status:
                mine.status, mine.updated = status, updated
                self.r.updated["assignments"] += 1
            else:
                self.r.skipped["assignments"] += 1

    def document_notes(self, conn) -> None:
        """Article notes: by UUID, else by (document, coder), the one note a coder has on
        an article; a later `updated` wins, a tombstone clears the note."""
        for n in raw_rows(conn, "document_notes", ("id", "uuid", "document_id", "coder_id",
                                                   "text", "created", "updated", "deleted")):
            where = f"note {n['uuid']}"
            doc_id = self.doc_map.get(n["document_id"])
            if doc_id is None:
                self.note("notes", f"{where}: its document {n['document_id']} is not in the "
                                   "project")
                continue
            coder_id = self._whose(n["coder_id"])
            if coder_id is None or not self._given(coder_id, doc_id, where):
                continue
            try:
                uuid = validate.uuid(n["uuid"])
                created = validate.time(n["created"], "created")
                updated = validate.time(n["updated"], "updated")
                deleted = validate.time(n["deleted"], "deleted", required=False)
                text_, _ = validate.memo(n["text"], False)
            except validate.Invalid as exc:
                self.refuse(f"{where}: {exc.message}")
                continue
            mine = (self.s.scalar(select(DocumentNote).where(DocumentNote.uuid == uuid))
                    or self.s.scalar(select(DocumentNote).where(
                        DocumentNote.document_id == doc_id, DocumentNote.coder_id == coder_id)))
            if mine is not None and (mine.document_id, mine.coder_id) != (doc_id, coder_id):
                self.refuse(f"{where} is another coder's note or on another article")
                continue
            if mine is None:
                if deleted is not None:
                    self.r.skipped["notes"] += 1
                    continue
                self.s.add(DocumentNote(uuid=uuid, document_id=doc_id, coder_id=coder_id,
                                        text=text_, created=created, updated=updated))
                self.r.added["notes"] += 1
            elif _newer(updated, mine.updated):
                if deleted is not None and mine.deleted is None:
                    self.r.deleted["notes"] += 1
                else:
                    self.r.updated["notes"] += 1
                mine.text, mine.updated, mine.deleted = text_, updated, deleted
            else:
                self.r.skipped["notes"] += 1
