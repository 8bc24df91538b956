"""Coder packages out, and who codes what (assignment with an overlap set, progress).

A package is an ordinary project file holding one coder's share: the assigned documents
(same UUIDs, same local ids, same texts and metadata), the codebook, that coder (same
UUID, preset as the file's identity in `ProjectInfo.package_coder`), the coder's own
earlier work on those documents (so a re-issued package continues it), and nobody else's
annotations (blind coding). Its `ProjectInfo.uuid` is the main project's, which is how a
merge (see `merge.py`) knows the file belongs to this project.

Core code: SQL through the ORM only, nothing SQLite-specific.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from .doc_ids import existing_doc_ids, short_ids
from .doc_ids import parse_doc_ids as parse_ids  # the one parser of id lists
from .errors import InputError, NotFoundError, ProjectError
from .models import (
    Annotation,
    Assignment,
    Category,
    CodebookVersion,
    Coder,
    Document,
    DocumentNote,
    DocumentText,
    ProjectInfo,
    Relation,
    RelationType,
)
from .progress import CancelToken, Progress, checkpoint, report
from .project import Project
from .records import STATUSES
from .suggest.service import copy_suggestion_settings

CHUNK = 500  # ids per IN (...) clause: well below every database's parameter limit

__all__ = [
    "AssignmentPlan",
    "apply_assignment",
    "make_package",
    "parse_ids",
    "plan_assignment",
    "progress",
]


# --- document id lists ---------------------------------------------------------------------

def _chunks(items: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _check_doc_ids(project: Project, doc_ids: Iterable[int]) -> list[int]:
    ids = sorted(set(doc_ids))
    known = set(existing_doc_ids(project, ids))
    missing = [i for i in ids if i not in known]
    if missing:
        raise NotFoundError(project.path, f"no document with id {short_ids(missing)}")
    return ids


def assigned_documents(project: Project, coder: str) -> list[int]:
    with project._read() as s:
        return list(s.scalars(
            select(Assignment.document_id).join(Coder, Coder.id == Assignment.coder_id)
            .where(Coder.name == coder).order_by(Assignment.document_id)))


# --- packages ------------------------------------------------------------------------------

def make_package(project: Project, coder: str, doc_ids: list[int] | None, out: Path,
                 overwrite: bool = False, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> dict:
    """Write the package for `coder` to `out` and return what went in:
    {"path", "coder", "documents", "annotations", "relations"}.

    `doc_ids=None` packs the documents already assigned to the coder (an error if none).
    Once the file is complete (it is built beside `out` and moved into place), the
    documents are assigned to the coder in the main project too (status "todo" unless
    already further), so progress shows what is out. `progress` counts documents written;
    Cancelled (from `cancel`) leaves no file behind and the project unchanged.
    """
    out = Path(out)
    coder = (coder or "").strip()
    if not coder:
        raise InputError(None, "a package is for one coder: give --coder NAME")
    if out.exists() and out.resolve() == project.path.resolve():
        raise ProjectError(out, "is the project itself; choose another file for the package")
    if out.exists() and not overwrite:
        raise ProjectError(out, "already exists; choose another name (or --force to replace)")
    if doc_ids is None:
        ids = assigned_documents(project, coder)
        if not ids:
            raise InputError(project.path, f"no documents are assigned to '{coder}'; give "
                                           "--docs IDS or --all, or run `annotator assign`")
    else:
        ids = _check_doc_ids(project, doc_ids)
        if not ids:
            raise InputError(project.path, "the project has no documents to hand out")
        project.add_coder(coder)

    part = out.with_name(out.name + ".part")
    for p in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
        p.unlink(missing_ok=True)
    info = project.info()
    try:
        with Project.create(part, codebook=project.codebook(), name=info["name"]) as pkg:
            counts = _fill_package(project, pkg, coder, ids, progress, cancel)
        os.replace(part, out)
    except BaseException:
        for p in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
            p.unlink(missing_ok=True)
        raise
    # Only once the file is written: what is out shows in progress. (The package's own
    # "todo" rows are older than these, so an untouched status never overrides one here.)
    project.assign(ids, coder)
    return {"path": out, "coder": coder, **counts}


def _fill_package(project: Project, pkg: Project, coder: str, ids: list[int],
                  progress: Progress | None = None, cancel: CancelToken | None = None) -> dict:
    n_ann = n_rel = done = 0
    report(progress, 0, len(ids))
    with project._read() as src, pkg._tx() as dst:
        p_info = src.scalars(select(ProjectInfo)).one()
        d_info = dst.scalars(select(ProjectInfo)).one()
        d_info.uuid, d_info.name, d_info.package_coder = p_info.uuid, p_info.name, coder
        _copy_versions(src, dst)

        c = src.scalars(select(Coder).where(Coder.name == coder)).one()
        dst.add(Coder(id=c.id, uuid=c.uuid, name=c.name, role=c.role))
        dst.flush()
        copy_suggestion_settings(src, dst, c.id, ids)

        # Categories by key; retired ones (still holding old annotations) come along retired.
        pkg_cats = {row.key: row for row in dst.scalars(select(Category))}
        cat_map: dict[int, int] = {}
        for row in src.scalars(select(Category)):
            if row.key not in pkg_cats:
                new = Category(key=row.key, name_ar=row.name_ar, name_en=row.name_en,
                               color=row.color, kind=row.kind, position=row.position,
                               description=row.description, retired=True)
                dst.add(new)
                dst.flush()
                pkg_cats[row.key] = new
            cat_map[row.id] = pkg_cats[row.key].id
        pkg_types = dict(dst.execute(select(RelationType.key, RelationType.id)).all())
        type_map = {rid: pkg_types.get(key)
                    for rid, key in src.execute(select(RelationType.id, RelationType.key))}

        for chunk in _chunks(ids):
            for d, text in src.execute(
                    select(Document, DocumentText.text)
                    .join(DocumentText, DocumentText.document_id == Document.id)
                    .where(Document.id.in_(chunk))):
                row = Document(id=d.id, uuid=d.uuid, title=d.title, outlet=d.outlet,
                               author=d.author, published=d.published, url=d.url,
                               language=d.language, sha256=d.sha256, length=d.length,
                               source_file=d.source_file, meta=dict(d.meta or {}),
                               created=d.created)
                row.body = DocumentText(text=text)
                dst.add(row)
            dst.flush()
            checkpoint(cancel)
            done += len(chunk)
            report(progress, done, len(ids))
        # Rows without ORM relationships are flushed in dependency order by hand.
        have: set[int] = set()
        for chunk in _chunks(ids):
            for a in src.scalars(select(Assignment).where(
                    Assignment.coder_id == c.id, Assignment.document_id.in_(chunk))):
                dst.add(Assignment(document_id=a.document_id, coder_id=c.id, status=a.status,
                                   updated=a.updated))
                have.add(a.document_id)
        for doc_id in ids:
            if doc_id not in have:
                dst.add(Assignment(document_id=doc_id, coder_id=c.id, status="todo"))
        dst.flush()

        # The coder's own work on these documents, tombstones included (their state travels).
        ann_ids: set[int] = set()
        for chunk in _chunks(ids):
            for a in src.scalars(select(Annotation).where(
                    Annotation.coder_id == c.id, Annotation.document_id.in_(chunk))):
                dst.add(Annotation(
                    id=a.id, uuid=a.uuid, document_id=a.document_id, coder_id=c.id,
                    category_id=cat_map[a.category_id], start=a.start, end=a.end,
                    quote=a.quote, attrs=dict(a.attrs or {}), created=a.created,
                    updated=a.updated, deleted=a.deleted, decided_by=a.decided_by,
                    origin_uuid=a.origin_uuid, note=a.note or "", flag=bool(a.flag),
                    origin=a.origin, codebook_version=a.codebook_version))
                ann_ids.add(a.id)
                if a.deleted is None:
                    n_ann += 1
        dst.flush()
        for r in src.scalars(select(Relation).where(Relation.coder_id == c.id)):
            if r.from_id in ann_ids and r.to_id in ann_ids and type_map.get(r.type_id):
                dst.add(Relation(id=r.id, uuid=r.uuid, from_id=r.from_id, to_id=r.to_id,
                                 type_id=type_map[r.type_id], coder_id=c.id,
                                 created=r.created, updated=r.updated, deleted=r.deleted))
                if r.deleted is None:
                    n_rel += 1
        # The coder's article notes (tombstones too, as with annotations).
        for chunk in _chunks(ids):
            for n in src.scalars(select(DocumentNote).where(
                    DocumentNote.coder_id == c.id, DocumentNote.document_id.in_(chunk))):
                dst.add(DocumentNote(uuid=n.uuid, document_id=n.document_id, coder_id=c.id,
                                     text=n.text, created=n.created, updated=n.updated,
                                     deleted=n.deleted))
    return {"documents": len(ids), "annotations": n_ann, "relations": n_rel}


def _copy_versions(src, dst) -> None:
    """The package carries the project's codebook history and version number, so the
    coder's work says which version it was coded with."""
    for v in dst.scalars(select(CodebookVersion)):
        dst.delete(v)
    dst.flush()
    for v in src.scalars(select(CodebookVersion).order_by(CodebookVersion.number)):
        dst.add(CodebookVersion(number=v.number, created=v.created, author=v.author,
                                changes=list(v.changes or []), codebook=dict(v.codebook or {}),
                                operation=v.operation))
    dst.scalars(select(ProjectInfo)).one().codebook_version = \
        src.scalars(select(ProjectInfo)).one().codebook_version


def update_package(project: Project, coder: str, path: Path) -> dict:
    """Write the project's codebook into `coder`'s package at `path`, touching none of
    their work: {"path", "coder", "from_version", "version"}. Refused (nothing changed)
    when the package is another project's or coder's, or when its work uses something the
    new codebook no longer has, with the list of conflicts."""
    from .codebook.changes import conflicts
    from .versions import CodebookConflictError

    path = Path(path)
    if path.exists() and path.resolve() == project.path.resolve():
        raise ProjectError(path, "is the project itself; give the coder's package")
    new = project.full_codebook()
    with Project.open(path) as pkg:
        mine, theirs = project.info(), pkg.info()
        if theirs["uuid"] != mine["uuid"]:
            raise ProjectError(path, f"belongs to project '{theirs['name']}', not "
                                     f"'{mine['name']}'")
        if theirs["package_coder"] != coder:
            raise ProjectError(path, f"is the package of '{theirs['package_coder'] or 'nobody'}"
                                     f"', not of '{coder}'")
        problems = conflicts(new, pkg.full_codebook(), pkg.usage(), "the project's codebook",
                             "the package")
        if problems:
            raise CodebookConflictError(path, [
                "the coder's work does not fit the new codebook: " + problems[0],
                *problems[1:], "merge the package first, recode, then hand out a new one"])
        pkg.set_codebook(new, check=False)
        with project._read() as src, pkg._tx() as dst:
            _copy_versions(src, dst)
        pkg._codebook = None
        pkg._emit("codebook_changed", pkg.codebook())
    return {"path": path, "coder": coder, "from_version": theirs["codebook_version"],
            "version": mine["codebook_version"]}


# --- assignment ----------------------------------------------------------------------------

@dataclass
class AssignmentPlan:
    """Who codes what: `overlap` is coded by everyone, the rest split evenly."""

    overlap: list[int] = field(default_factory=list)
    shares: dict[str, list[int]] = field(default_factory=dict)  # coder -> own share only
    seed: int | None = None

    def documents_for(self, coder: str) -> list[int]:
        return sorted(self.overlap + self.shares.get(coder, []))

    @property
    def per_coder(self) -> dict[str, list[int]]:
        return {c: self.documents_for(c) for c in self.shares}


def plan_assignment(doc_ids: Iterable[int], coders: Sequence[str], overlap: float = 0.2,
                    seed: int | None = None) -> AssignmentPlan:
    """Pure: shuffle the documents with `seed`, take round(overlap * n) of them (halves up)
    as the overlap set everyone codes, and deal the rest round robin in the order of
    `coders`, so shares differ by at most one. Same inputs and seed, same plan."""
    names = [c.strip() for c in coders]
    if not names or any(not c for c in names):
        raise InputError(None, "give at least one coder name (--coders A,B,C)")
    dupes = sorted({c for c in names if names.count(c) > 1})
    if dupes:
        raise InputError(None, f"coder named twice: {', '.join(dupes)}")
    if not 0.0 <= overlap <= 1.0:
        raise InputError(None, f"overlap must be between 0 and 1 (a share), not {overlap}")
    docs = sorted(set(doc_ids))
    random.Random(seed).shuffle(docs)
    n_overlap = int(overlap * len(docs) + 0.5) if len(names) > 1 else 0
    shares: dict[str, list[int]] = {c: [] for c in names}
    for i, doc in enumerate(docs[n_overlap:]):
        shares[names[i % len(names)]].append(doc)
    return AssignmentPlan(overlap=sorted(docs[:n_overlap]),
                          shares={c: sorted(v) for c, v in shares.items()}, seed=seed)


def unassigned_documents(project: Project) -> list[int]:
    with project._read() as s:
        taken = select(Assignment.document_id)
        return list(s.scalars(select(Document.id).where(Document.id.not_in(taken))
                              .order_by(Document.id)))


def apply_assignment(project: Project, plan: AssignmentPlan, progress: Progress | None = None,
                     cancel: CancelToken | None = None) -> None:
    """Assign each coder their documents (existing assignments keep their status), all in
    one transaction: a Cancel or an error assigns nothing."""
    project.assign_plan(plan.per_coder, progress=progress, cancel=cancel)


def progress(project: Project) -> list[dict]:
    """Per coder with any assignment: {"coder", "assigned", "todo", "in_progress", "done"}."""
    rows: dict[str, dict] = {}
    with project._read() as s:
        for name, status, n in s.execute(
                select(Coder.name, Assignment.status, func.count())
                .join(Coder, Coder.id == Assignment.coder_id)
                .group_by(Coder.name, Assignment.status)):
            r = rows.setdefault(name, {"coder": name, "assigned": 0,
                                       **{st: 0 for st in STATUSES}})
            r["assigned"] += n
            r[status if status in STATUSES else "todo"] += n
    return [rows[k] for k in sorted(rows)]
