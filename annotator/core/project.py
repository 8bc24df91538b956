"""The service API over one project file. The GUI, its undo commands, the CLI, importers
and exporters all go through here; each change is committed before the call returns.

    with Project.open(path) as p:
        doc = p.documents()[0]
        a = p.add_annotation(doc.id, "Mona", "claim", 10, 42)
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, insert, literal_column, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from . import db
from .annotations import AnnotationsMixin
from .codebook import Codebook, GroupDef, RelationDef
from .errors import InputError, NotFoundError, ProjectError
from .import_spans import date_order, label_categories, store_spans
from .importers.base import ImportedDocument
from .importers.dates import apply_date_order
from .memos import MemosMixin
from .models import (
    Annotation,
    Assignment,
    Attribute,
    Category,
    CategoryGroup,
    Coder,
    Document,
    DocumentText,
    ProjectInfo,
    Relation,
    RelationType,
    new_uuid,
    utcnow,
)
from .progress import CancelToken, Progress, checkpoint
from .progress import report as report_progress
from .read_light import category_def
from .recode import RecodeMixin
from .records import (
    STATUSES,
    CoderInfo,
    DocumentInfo,
    ImportReport,
)
from .server.url import is_server_url
from .suggest.service import SuggestionsMixin
from .text import sha256
from .validate import coder_name as valid_coder_name
from .versions import CodebookConflictError, VersionsMixin, _with_dropped_as_retired

Listener = Callable[[str, object], None]
STORE_CHUNK = 1000  # documents per bulk insert; progress and Cancel come between chunks


class Project(AnnotationsMixin, MemosMixin, SuggestionsMixin, VersionsMixin, RecodeMixin):
    """One open project file. Open for writing (the default) takes an OS lock that a
    second writer is refused by; `readonly=True` takes no lock and never writes."""

    def __init__(self, path: Path, readonly: bool = False):
        # a server project's path is its address (core.server.url.ServerURL)
        self.path = path if is_server_url(path) and isinstance(path, str) else Path(path)
        self.readonly = readonly
        self._lock: db.ProjectLock | None = None
        self._listeners: list[Listener] = []
        self._dispatch: Callable[[Callable[[], None]], None] | None = None
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._category_ids: dict[str, int] | None = None
        self._coder_ids: dict[str, int] = {}
        self._codebook: Codebook | None = None
        self.upgraded_from_backup: str | None = None

    # --- opening and closing ----------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, codebook: Codebook | None = None,
               name: str | None = None, overwrite: bool = False) -> Project:
        path = Path(path)
        if path.exists() and not overwrite:
            raise ProjectError(path, "already exists; choose another name")
        if not path.parent.exists():
            raise ProjectError(path, f"folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise ProjectError(path, f"cannot write in folder {path.parent} (permission denied)")
        if overwrite:
            for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
                p.unlink(missing_ok=True)
        if codebook is None:
            from .codebook import default_codebook

            codebook = default_codebook()
        project = cls(path)
        project._lock = db.ProjectLock(path)
        project._lock.acquire()
        try:
            project._engine = db.make_engine(path)
            db.upgrade(project._engine, path)
            project._Session = sessionmaker(project._engine, expire_on_commit=False)
            with project._tx() as s:
                s.add(ProjectInfo(name=name or path.stem, app_version=__version__))
            project.set_codebook(codebook)
        except BaseException:
            project.close()
            for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
                p.unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: str | os.PathLike, readonly: bool = False) -> Project:
        if is_server_url(path):  # postgresql://user@host/db: the team's server project
            from .server.connect import open_server

            return open_server(path, readonly=readonly)
        path = Path(path)
        db.check_is_project(path)
        project = cls(path, readonly=readonly)
        if not readonly:
            if not _writable(path) or not os.access(path.parent, os.W_OK):
                raise ProjectError(path, "is read-only; copy it somewhere you can write, or fix "
                                         "the permissions")
            project._lock = db.ProjectLock(path)
            project._lock.acquire()
        try:
            project._engine = db.make_engine(path, readonly=readonly)
            if readonly:
                db.refuse_for_reading(path, db.current_revision(project._engine, path))
            else:
                project.upgraded_from_backup = db.upgrade(project._engine, path)
                if project.upgraded_from_backup is None:
                    db.rolling_backup(path)
            project._Session = sessionmaker(project._engine, expire_on_commit=False)
            if not readonly:
                # Writing into a damaged file would bury the damage; `check` lists it.
                from .check import missing_tables

                gone = missing_tables(project._engine)
                if gone:
                    raise ProjectError(path, f"damaged project file (table "
                                             f"{', '.join(gone)} missing); restore a backup "
                                             "(annotator backups)")
            with project._read() as s:
                if s.scalar(select(func.count()).select_from(ProjectInfo)) != 1:
                    raise ProjectError(path, "not an Annotator project (no project record)")
        except OperationalError as exc:
            project.close()
            raise db.explain_operational_error(path, exc) from None
        except DatabaseError as exc:  # "file is not a database", "disk image is malformed"
            project.close()
            raise ProjectError(path, f"damaged project file ({exc.orig}); restore a "
                                     "backup (annotator backups)") from None
        except BaseException:
            project.close()
            raise
        return project

    def close(self) -> None:
        engine = getattr(self, "_engine", None)
        if engine is not None:
            engine.dispose()
            self._engine = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- sessions and events ----------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction, committed on exit; on any error nothing of it is kept."""
        if self.readonly:
            raise ProjectError(self.path, "is open read-only")
        try:
            try:
                with self._Session.begin() as s:
                    yield s
            except BaseException:
                # ids looked up or created in a rolled-back transaction may not exist
                self._coder_ids.clear()
                self._category_ids = None
                raise
            # Copy committed pages into the .annot file itself (0.3 ms): a coder who mails
            # the file while the app is still open must not send yesterday's work.
            db.checkpoint(self._engine)
        except OperationalError as exc:
            raise db.explain_operational_error(self.path, exc) from None

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._Session() as s:
            yield s

    def subscribe(self, listener: Listener) -> None:
        """`listener(event, payload)` after each committed change. Events:
        annotation_added/updated/deleted (AnnotationInfo), relation_added/deleted
        (RelationInfo), status_changed ((doc_id, coder, status)), documents_added (list of
        ids), codebook_changed (Codebook), document_note_changed (DocumentNoteInfo)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def set_dispatcher(self, dispatch: Callable[[Callable[[], None]], None] | None) -> None:
        """Who calls the listeners: by default the thread that made the change, at once.
        The GUI, which runs long work (an import, a merge) in a worker thread, passes a
        `dispatch(call)` that runs `call` on its own thread, where widgets may be touched."""
        self._dispatch = dispatch

    def _emit(self, event: str, payload: object) -> None:
        if self._dispatch is not None:
            self._dispatch(lambda: self._deliver(event, payload))
        else:
            self._deliver(event, payload)

    def _deliver(self, event: str, payload: object) -> None:
        for fn in list(self._listeners):
            fn(event, payload)

    # --- project metadata --------------------------------------------------------------

    def info(self) -> dict:
        with self._read() as s:
            p = s.scalars(select(ProjectInfo)).one()
            return {"uuid": p.uuid, "name": p.name, "codebook": p.codebook_name,
                    "codebook_version": p.codebook_version, "package_coder": p.package_coder,
                    "app_version": p.app_version, "created": p.created}

    @property
    def is_server(self) -> bool:
        return not isinstance(self.path, Path)

    @property
    def uuid(self) -> str:
        return self.info()["uuid"]

    @property
    def name(self) -> str:
        return self.info()["name"]

    # --- codebook ----------------------------------------------------------------------

    def codebook(self) -> Codebook:
        if self._codebook is None:
            with self._read() as s:
                p = s.scalars(select(ProjectInfo)).one()
                cats = s.scalars(select(Category).where(Category.retired.is_(False))
                                 .order_by(Category.position)).all()
                rels = s.scalars(select(RelationType).order_by(RelationType.id)).all()
                groups = s.scalars(select(CategoryGroup).order_by(CategoryGroup.position)).all()
                self._codebook = Codebook(
                    name=p.codebook_name, version=p.codebook_version,
                    description=p.codebook_description,
                    categories=[category_def(c) for c in cats],
                    relations=[RelationDef(key=r.key, name_ar=r.name_ar, name_en=r.name_en,
                                           from_category=r.from_category,
                                           to_category=r.to_category,
                                           description=r.description) for r in rels],
                    groups=[GroupDef(key=g.key, name_ar=g.name_ar, name_en=g.name_en,
                                     description=g.description, parent=g.parent)
                            for g in groups],
                )
        return self._codebook

    def set_codebook(self, cb: Codebook, author: str = "", *, changes: list[str] | None = None,
                     operation: dict | None = None, check: bool = True) -> int | None:
        """Replace the codebook and record a version (returns its number; None when
        nothing changed). A category that is dropped but still has annotations is retired
        (hidden, its annotations kept) rather than deleted. A codebook that stored work
        cannot live under (a used value or attribute removed, a type or kind changed) is
        refused with CodebookConflictError listing what uses it; `check=False` is for the
        operations that rewrite that work in the same transaction."""
        with self._read() as s:
            empty = not s.scalar(select(func.count()).select_from(Category))
        old = None if empty else self.full_codebook()
        with self._tx() as s:
            number = self._apply_codebook(s, old, cb, author, changes=changes,
                                          operation=operation, check=check)
        self._codebook = None
        self._category_ids = None
        self._emit("codebook_changed", self.codebook())
        return number

    def _apply_codebook(self, s: Session, old: Codebook | None, cb: Codebook, author: str,
                        changes: list[str] | None = None, operation: dict | None = None,
                        check: bool = True) -> int | None:
        """set_codebook inside the open transaction `s` (operations that rewrite
        annotations change the codebook in the same transaction)."""
        if check and old is not None:
            problems = self.codebook_conflicts(cb, s)
            if problems:
                raise CodebookConflictError(self.path, [
                    "the new codebook would invalidate stored work: " + problems[0],
                    *problems[1:],
                    "recode the annotations first (annotator recode PROJECT "
                    "CATEGORY.ATTRIBUTE OLD NEW) or keep what they use"])
        number = self._record_version(
            s, old, _with_dropped_as_retired(cb, old) if old else cb, author, changes,
            operation)
        p = s.scalars(select(ProjectInfo)).one()
        p.codebook_name = cb.name
        if number is not None:
            p.codebook_version = number
        p.codebook_description = cb.description
        existing = {c.key: c for c in s.scalars(select(Category))}
        for pos, cd in enumerate(cb.categories):
            row = existing.pop(cd.key, None) or Category(key=cd.key)
            row.name_ar, row.name_en, row.color = cd.name_ar, cd.name_en, cd.color
            row.hotkey, row.kind, row.position = cd.hotkey, cd.kind, pos
            row.description, row.retired = cd.description, cd.retired
            row.group_key = cd.group
            if cd.retired:
                row.hotkey = None  # a retired category's key is free for another
            # update attributes in place by key: replacing the list would insert the
            # new rows before deleting the old ones and trip the (category, key) unique
            old_attrs = {a.key: a for a in row.attributes}
            attrs = []
            for i, a in enumerate(cd.attributes):
                ar = old_attrs.pop(a.key, None) or Attribute(key=a.key)
                ar.name_ar, ar.name_en, ar.type = a.name_ar, a.name_en, a.type
                ar.values = [{"key": v.key, "name_ar": v.name_ar, "name_en": v.name_en,
                              "description": v.description,
                              **({"retired": True} if v.retired else {})}
                             for v in a.values]
                ar.ordinal, ar.suggest, ar.required = a.ordinal, a.suggest, a.required
                ar.description, ar.position = a.description, i
                attrs.append(ar)
            for gone in old_attrs.values():
                # out of the collection first: a deleted row still in it is re-added
                row.attributes.remove(gone)
                s.delete(gone)
            s.flush()
            row.attributes = attrs
            s.add(row)
        for row in existing.values():
            used = s.scalar(select(func.count()).select_from(Annotation)
                            .where(Annotation.category_id == row.id))
            if used:
                row.retired, row.hotkey = True, None
            else:
                s.delete(row)
        self._apply_groups(s, cb)
        rels = {r.key: r for r in s.scalars(select(RelationType))}
        for rd in cb.relations:
            row = rels.pop(rd.key, None) or RelationType(key=rd.key)
            row.name_ar, row.name_en = rd.name_ar, rd.name_en
            row.from_category, row.to_category = rd.from_category, rd.to_category
            row.description = rd.description
            s.add(row)
        for row in rels.values():
            if not s.scalar(select(func.count()).select_from(Relation)
                            .where(Relation.type_id == row.id)):
                s.delete(row)
        return number

    @staticmethod
    def _apply_groups(s: Session, cb: Codebook) -> None:
        """The groups of `cb`, updated in place by key; groups it drops are deleted (a
        group holds no data: its categories only move to the top level)."""
        rows = {g.key: g for g in s.scalars(select(CategoryGroup))}
        for pos, gd in enumerate(cb.groups):
            row = rows.pop(gd.key, None) or CategoryGroup(key=gd.key)
            row.name_ar, row.name_en, row.description = gd.name_ar, gd.name_en, gd.description
            row.parent, row.position = gd.parent, pos
            s.add(row)
        for row in rows.values():
            s.delete(row)
        kept = {g.key for g in cb.groups}
        for row in s.scalars(select(Category).where(Category.group_key.is_not(None))):
            if row.group_key not in kept:  # a retired category left in a dropped group
                row.group_key = None

    def _category_id(self, s: Session, key: str) -> int:
        if self._category_ids is None:
            self._category_ids = dict(s.execute(select(Category.key, Category.id)).all())
        try:
            return self._category_ids[key]
        except KeyError:
            raise NotFoundError(self.path, f"no category '{key}' in the codebook") from None

    # --- coders ------------------------------------------------------------------------

    def coders(self) -> list[CoderInfo]:
        with self._read() as s:
            return [CoderInfo(c.id, c.uuid, c.name, c.role)
                    for c in s.scalars(select(Coder).order_by(Coder.name))]

    def add_coder(self, name: str, role: str = "coder") -> CoderInfo:
        try:
            name = valid_coder_name(name)
        except InputError as exc:
            raise InputError(self.path, exc.message) from None
        with self._tx() as s:
            self._coder_id(s, name, role)
        return next(c for c in self.coders() if c.name == name)

    def _coder_id(self, s: Session, name: str, role: str = "coder", create: bool = True) -> int:
        cid = self._coder_ids.get(name)
        if cid is not None:
            return cid
        cid = s.scalar(select(Coder.id).where(Coder.name == name))
        if cid is None:
            if not create:
                raise NotFoundError(self.path, f"no coder named '{name}'")
            try:
                valid_coder_name(name)
            except InputError as exc:
                raise InputError(self.path, exc.message) from None
            c = Coder(name=name, role=role)
            s.add(c)
            s.flush()
            cid = c.id
        self._coder_ids[name] = cid
        return cid

    # --- documents ---------------------------------------------------------------------

    def add_documents(self, docs: Iterable[ImportedDocument], coder: str | None = None,
                      progress: Progress | None = None, cancel: CancelToken | None = None
                      ) -> ImportReport:
        """Add documents in ONE transaction: on any error none of the batch is kept.
        A text already in the project (same SHA-256) is not added again; its spans, if
        any, attach to the existing document under `coder`. Progress counts documents;
        Cancelled (from `cancel`) rolls the whole batch back."""
        docs = list(docs)
        cb = self.codebook()
        unknown = self.unknown_labels(docs)
        if unknown:
            raise InputError(self.path, "labels not in the codebook: " + ", ".join(unknown))
        if any(d.spans for d in docs) and not coder:
            raise InputError(self.path, "these documents carry annotations; say whose "
                                        "they are (--coder NAME)")
        report = ImportReport()
        with self._tx() as s:
            known = dict(s.execute(select(Document.sha256, Document.id)).all())
            digests = [sha256(d.text) for d in docs]
            fresh: dict[str, ImportedDocument] = {}
            for d, digest in zip(docs, digests, strict=True):
                if digest in known or digest in fresh:
                    continue
                fresh[digest] = d
            now = utcnow()
            items = list(fresh.items())
            order = date_order(s)
            for _, d in items:  # 03/07/2017: the project's date order decides
                d.published = apply_date_order(d.published, d.meta, order)
            total = len(items)
            report_progress(progress, 0, total)
            for start in range(0, len(items), STORE_CHUNK):
                checkpoint(cancel)
                chunk = items[start:start + STORE_CHUNK]
                # Bulk insert with RETURNING: one statement per chunk instead of a flush
                # per document (10x faster on a 10,000-article import).
                ids = s.scalars(insert(Document).returning(Document.id,
                                                           sort_by_parameter_order=True), [
                    {"uuid": new_uuid(), "title": d.title, "outlet": d.outlet,
                     "author": d.author, "published": d.published, "url": d.url,
                     "language": d.language, "sha256": digest, "length": len(d.text),
                     "source_file": d.source_file, "meta": d.meta, "created": now}
                    for digest, d in chunk]).all()
                s.execute(insert(DocumentText), [
                    {"document_id": i, "text": d.text}
                    for i, (_, d) in zip(ids, chunk, strict=True)])
                known.update(zip((digest for digest, _ in chunk), ids, strict=True))
                report.added.extend(ids)
                report_progress(progress, start + len(chunk), total, chunk[-1][1].title)
            seen_new: set[str] = set()
            coded: list[tuple[int, ImportedDocument]] = []
            for d, digest in zip(docs, digests, strict=True):
                doc_id = known[digest]
                if digest in fresh and digest not in seen_new:
                    seen_new.add(digest)
                else:
                    report.duplicates.append((d.title, doc_id))
                if d.spans:
                    coded.append((doc_id, d))
            if coded:
                checkpoint(cancel)
                cats = label_categories(s, cb, (sp.label for _, d in coded for sp in d.spans))
                report.annotations, report.missing_required = store_spans(
                    s, self._coder_id(s, coder), coded, cats, lambda: checkpoint(cancel),
                    cb.version)
            checkpoint(cancel)  # the last moment a Cancel still keeps the project as it was
        report_progress(progress, total, total)
        if report.added:
            self._emit("documents_added", report.added)
        return report

    def unknown_labels(self, docs: Iterable[ImportedDocument]) -> list[str]:
        """Span labels (doccano) that match no category key or name, sorted."""
        cb = self.codebook()
        labels = {sp.label for d in docs for sp in d.spans}  # each label matched once
        return sorted(x for x in labels if cb.category_for_label(x) is None)

    def documents(self, ids: Iterable[int] | None = None, with_meta: bool = False
                  ) -> list[DocumentInfo]:
        """Documents (all, or those in `ids`) with annotation counts and status per coder.
        Reads no texts, and no metadata unless asked (it holds stripped boilerplate)."""
        return list(self.iter_documents(ids, with_meta))

    def iter_documents(self, ids: Iterable[int] | None = None, with_meta: bool = False
                       ) -> Iterator[DocumentInfo]:
        """Like documents(), streamed: a 100,000-document listing never sits in memory."""
        wanted = None if ids is None else sorted(set(ids))
        with self._read() as s:
            counts: dict[int, dict[str, int]] = {}
            q = (select(Annotation.document_id, Coder.name, func.count())
                 .join(Coder, Coder.id == Annotation.coder_id)
                 .where(Annotation.deleted.is_(None))
                 .group_by(Annotation.document_id, Coder.name))
            if wanted is not None:
                q = q.where(Annotation.document_id.in_(wanted))
            for doc_id, name, n in s.execute(q):
                counts.setdefault(doc_id, {})[name] = n
            status: dict[int, dict[str, str]] = {}
            q = (select(Assignment.document_id, Coder.name, Assignment.status)
                 .join(Coder, Coder.id == Assignment.coder_id))
            if wanted is not None:
                q = q.where(Assignment.document_id.in_(wanted))
            for doc_id, name, st in s.execute(q):
                status.setdefault(doc_id, {})[name] = st
            meta_col = Document.meta if with_meta else literal_column("NULL")
            q = select(
                Document.id, Document.uuid, Document.title, Document.outlet, Document.author,
                Document.published, Document.url, Document.language, Document.length,
                Document.sha256, Document.source_file, meta_col,
            ).order_by(Document.id)
            if wanted is not None:
                q = q.where(Document.id.in_(wanted))
            for r in s.execute(q.execution_options(yield_per=2000)):
                yield DocumentInfo(*r[:-1], meta=r[-1] or {}, annotations=counts.get(r[0], {}),
                                   status=status.get(r[0], {}))

    def document(self, doc_id: int) -> DocumentInfo:
        """One document, with its metadata."""
        for d in self.documents([doc_id], with_meta=True):
            return d
        raise NotFoundError(self.path, f"no document with id {doc_id}")

    def documents_by_id(self, ids: Iterable[int]) -> list[DocumentInfo]:
        return self.documents(ids)

    def text(self, doc_id: int) -> str:
        t = self._texts.get(doc_id)
        if t is not None:
            self._texts.move_to_end(doc_id)
            return t
        with self._read() as s:
            t = s.scalar(select(DocumentText.text).where(DocumentText.document_id == doc_id))
        if t is None:
            raise NotFoundError(self.path, f"no document with id {doc_id}")
        self._texts[doc_id] = t
        if len(self._texts) > 32:
            self._texts.popitem(last=False)
        return t

    def replace_text(self, doc_id: int, text: str) -> DocumentInfo:
        """Correct a document's text (a wrong import) before anyone codes it. Refused once
        it has annotations, deleted ones included: their offsets and quotes point into it."""
        with self._tx() as s:
            self._require_doc(s, doc_id)
            n = s.scalar(select(func.count()).select_from(Annotation)
                         .where(Annotation.document_id == doc_id))
            if n:
                raise InputError(self.path, f"document {doc_id} has {n} annotations; its "
                                            "text can no longer change")
            digest = sha256(text)
            other = s.scalar(select(Document.id).where(Document.sha256 == digest,
                                                       Document.id != doc_id))
            if other is not None:
                raise InputError(self.path, f"document {other} already has this text")
            doc = s.get(Document, doc_id)
            doc.sha256, doc.length = digest, len(text)
            doc.body.text = text
        self._texts.pop(doc_id, None)
        return self.document(doc_id)

    # --- assignments and status -------------------------------------------------------

    def _ensure_assignment(self, s: Session, doc_id: int, coder_id: int, status: str) -> None:
        a = s.get(Assignment, (doc_id, coder_id))
        if a is None:
            s.add(Assignment(document_id=doc_id, coder_id=coder_id, status=status))
        elif a.status == "todo" and status == "in_progress":
            a.status, a.updated = status, utcnow()

    def assign(self, doc_ids: Iterable[int], coder: str) -> None:
        self.assign_plan({coder: list(doc_ids)})

    def assign_plan(self, per_coder: dict[str, list[int]], progress: Progress | None = None,
                    cancel: CancelToken | None = None) -> None:
        """Assign each coder their documents in ONE transaction (existing assignments keep
        their status). Progress counts documents; Cancelled rolls everything back."""
        total = sum(len(ids) for ids in per_coder.values())
        done = 0
        report_progress(progress, 0, total)
        with self._tx() as s:
            for coder, doc_ids in per_coder.items():
                cid = self._coder_id(s, coder)
                for doc_id in doc_ids:
                    self._require_doc(s, doc_id)
                    self._ensure_assignment(s, doc_id, cid, "todo")
                    done += 1
                    if done % 500 == 0:
                        checkpoint(cancel)
                        report_progress(progress, done, total, coder)
            checkpoint(cancel)
        report_progress(progress, total, total)

    def set_status(self, doc_id: int, coder: str, status: str) -> None:
        if status not in STATUSES:
            raise InputError(None, f"status must be one of {', '.join(STATUSES)}")
        with self._tx() as s:
            cid = self._coder_id(s, coder)
            self._require_doc(s, doc_id)
            a = s.get(Assignment, (doc_id, cid))
            if a is None:
                s.add(Assignment(document_id=doc_id, coder_id=cid, status=status))
            else:
                a.status, a.updated = status, utcnow()
        self._emit("status_changed", (doc_id, coder, status))

    def status(self, doc_id: int, coder: str) -> str:
        with self._read() as s:
            st = s.scalar(select(Assignment.status).join(Coder, Coder.id == Assignment.coder_id)
                          .where(Assignment.document_id == doc_id, Coder.name == coder))
        return st or "todo"

    def _require_doc(self, s: Session, doc_id: int) -> None:
        if s.get(Document, doc_id) is None:
            raise NotFoundError(self.path, f"no document with id {doc_id}")

    # --- checks ------------------------------------------------------------------------

    def check(self, progress: Progress | None = None, cancel: CancelToken | None = None,
              quick: bool = False) -> list[str]:
        """Everything wrong with the file, one line each (see core/check.py): SQLite's own
        checks, missing tables, texts against their hashes, and every row through the
        rules a merge or import applies on the way in. Progress counts documents."""
        from .check import problems

        return problems(self, quick=quick, progress=progress, cancel=cancel)


# --- helpers -------------------------------------------------------------------------------

def _writable(path: Path) -> bool:
    # The mode bits too: root may write anything, but a file marked read-only is meant so.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)
