"""The rows of one package merged into the main project's open transaction: documents
and coders matched, then annotations, relations, assignments and article notes, each
validated, checked against the ownership rules and added, replaced or skipped (the rules
are in `merge`'s docstring). Refusals are collected and raised at the end as one
PackageRefusedError; what was done and skipped goes into the file's MergeReport."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from . import validate
from .check import ANNOTATION_COLUMNS, RELATION_COLUMNS, category_defs, raw_rows
from .merge_report import MergeReport, PackageRefusedError
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
from .records import STATUSES

if TYPE_CHECKING:
    from .project import Project

CHUNK = 500
_NEVER = datetime.min


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
