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
from .codebook import Codebook
from .codebook_store import CodebookStoreMixin
from .errors import InputError, NotFoundError, ProjectError
from .import_spans import date_order, label_categories, store_spans
from .importers.base import ImportedDocument
from .importers.dates import apply_date_order
from .memos import MemosMixin
from .models import (
    Annotation,
    Assignment,
    Coder,
    Document,
    DocumentText,
    ProjectInfo,
    new_uuid,
    utcnow,
)
from .progress import CancelToken, Progress, checkpoint
from .progress import report as report_progress
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
from .versions import VersionsMixin

Listener = Callable[[str, object], None]
STORE_CHUNK = 1000  # documents per bulk insert; progress and Cancel come between chunks


class Project(CodebookStoreMixin, AnnotationsMixin, MemosMixin, SuggestionsMixin,
              VersionsMixin, RecodeMixin):
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
