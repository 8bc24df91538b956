"""The rows planned from a REFI-QDA project (`refi_plan`) written into a project in ONE
transaction: coders by GUID, else by name, else new; documents by GUID (the same text),
else by text, else new; annotations by GUID (same document and coder: updated), else new;
each coder's note on an article; links. The categories the file's codes bring are added
to the codebook in the same transaction (one new version), so a GUID that already means
something else here, any other error, or a Cancel leaves the project exactly as it was,
its codebook history included.

Progress counts the articles, then the annotations, stored (the label names the article);
Cancel is checked every BATCH of them and once more just before the commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..codebook import Codebook
from ..errors import InputError
from ..models import (
    Annotation,
    Assignment,
    Category,
    Coder,
    Document,
    DocumentNote,
    DocumentText,
    Relation,
    RelationType,
    utcnow,
)
from ..progress import CancelToken, Progress, checkpoint
from ..progress import report as report_progress
from ..text import sha256
from .refi_codes import CodeMapping
from .refi_plan import Plan, coder_name
from .refi_read import RefiFile, RSource

_META_FIELDS = ("outlet", "author", "url", "language")
BATCH = 100  # rows stored between two progress reports and Cancel checks


@dataclass
class RefiImport:
    """What an import did, for the one-line summary and the notes."""

    documents: int = 0  # added
    reused: int = 0  # already in the project (same GUID or same text)
    annotations: int = 0
    updated: int = 0
    relations: int = 0
    notes_added: int = 0
    coders: list[str] = field(default_factory=list)
    categories_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class CodebookChange:
    """The codebook an import brings (the project's plus the file's new categories), to
    be recorded as one version by `author` with these `changes` lines."""

    codebook: Codebook
    author: str
    changes: list[str]


class _Steps:
    """Progress over the rows stored, and the Cancel check every BATCH of them."""

    def __init__(self, progress: Progress | None, cancel: CancelToken | None, total: int):
        self.progress, self.cancel, self.total = progress, cancel, total
        self.done = self.since = 0
        report_progress(progress, 0, total)

    def __call__(self, label: str) -> None:
        self.done += 1
        self.since += 1
        if self.since >= BATCH or self.done == self.total:
            checkpoint(self.cancel)
            self.since = 0
            report_progress(self.progress, self.done, self.total, label)


def store(project, refi: RefiFile, mapping: CodeMapping, plan: Plan,
          change: CodebookChange | None = None, progress: Progress | None = None,
          cancel: CancelToken | None = None) -> RefiImport:
    """Write `plan` into the open, writable `project`, with `change` to the codebook when
    the rows need categories it lacks, all in one transaction; returns what was done.
    Raises Cancelled (nothing written) once `cancel` is set."""
    report = RefiImport(notes=list(plan.notes), categories_added=list(mapping.added))
    side_users = (refi.sidecar or {}).get("coders")
    side_users = side_users if isinstance(side_users, dict) else {}
    added_docs: list[int] = []
    old = _codebook_before(project) if change is not None else None
    steps = _Steps(progress, cancel, len(refi.sources) + len(plan.anns))
    try:
        _write(project, refi, plan, report, side_users, added_docs, change, old, steps)
    except IntegrityError as exc:  # a GUID that already means something else here
        raise InputError(refi.path, f"conflicts with rows already in the project "
                                    f"({exc.orig}); nothing was imported") from None
    project._coder_ids.clear()
    if change is not None:
        project._codebook_committed([])  # caches dropped, codebook_changed sent
    if added_docs:
        project._emit("documents_added", added_docs)
    return report


def _codebook_before(project) -> Codebook | None:
    """What the codebook change starts from, as Project.set_codebook takes it (None when
    the project has no categories yet)."""
    with project._read() as s:
        if not s.scalar(select(func.count()).select_from(Category)):
            return None
    return project.full_codebook()


def _write(project, refi: RefiFile, plan: Plan, report: RefiImport, side_users: dict,
           added_docs: list[int], change: CodebookChange | None, old: Codebook | None,
           steps: _Steps) -> None:
    with project._tx() as s:
        if change is not None:
            # the new categories first, in this same transaction: a refusal or a Cancel
            # below takes them (and their codebook version) back with the rows
            project._apply_codebook(s, old, change.codebook, change.author,
                                    changes=change.changes)
            s.flush()
            project._category_ids = None  # looked up again, new categories included
        # coders: by GUID, else by name, else new with the GUID
        coder_ids: dict[str, int] = {}
        used = {a.coder for a in plan.anns} | {link[4] for link in plan.links} | {
            n.coder for n in plan.doc_notes}
        for guid in sorted(used):
            name = coder_name(refi, guid)
            if not guid:
                coder_ids[""] = project._coder_id(s, name)
                report.coders.append(name)
                continue
            row = s.scalar(select(Coder).where(Coder.uuid == guid))
            if row is None:
                row = s.scalar(select(Coder).where(Coder.name == name))
            if row is None:
                info = side_users.get(guid) if isinstance(side_users.get(guid), dict) else {}
                role = info.get("role") if info.get("role") in ("coder", "supervisor",
                                                                "gold") else "coder"
                row = Coder(uuid=guid, name=name, role=role)
                s.add(row)
                s.flush()
            coder_ids[guid] = row.id
            report.coders.append(row.name)
        # documents: by GUID (the text must be the same), else by text, else new
        doc_ids: dict[str, int] = {}
        texts: dict[str, str] = {}
        for src in refi.sources:
            steps(src.name)
            digest = sha256(src.text)
            texts[src.guid] = src.text
            row = s.scalar(select(Document).where(Document.uuid == src.guid))
            if row is not None:
                if row.sha256 != digest:
                    raise InputError(refi.path, f"source {src.name or src.guid} has the GUID "
                                                f"of document {row.id} but another text")
                doc_ids[src.guid] = row.id
                report.reused += 1
                continue
            same = s.scalar(select(Document.id).where(Document.sha256 == digest))
            if same is not None:
                doc_ids[src.guid] = same
                report.reused += 1
                continue
            row = Document(uuid=src.guid, sha256=digest, length=len(src.text),
                           created=src.created or utcnow(), **_doc_fields(refi, src))
            row.body = DocumentText(text=src.text)
            s.add(row)
            s.flush()
            doc_ids[src.guid] = row.id
            added_docs.append(row.id)
            report.documents += 1
        # annotations: by UUID (same document and coder: updated), else new
        cat_ids = {}
        names = {src.guid: src.name for src in refi.sources}
        for a in plan.anns:
            steps(names[a.source])
            doc_id, coder_id = doc_ids[a.source], coder_ids[a.coder]
            if a.category not in cat_ids:
                cat_ids[a.category] = project._category_id(s, a.category)
            cat_id = cat_ids[a.category]
            quote = texts[a.source][a.start:a.end]
            row = s.scalar(select(Annotation).where(Annotation.uuid == a.uuid))
            if row is not None:
                if (row.document_id, row.coder_id) != (doc_id, coder_id):
                    raise InputError(refi.path, f"coding {a.uuid} has the GUID of another "
                                                "coder's or document's annotation here")
                new = (cat_id, a.start, a.end, a.attrs, a.note, a.flag)
                if (row.category_id, row.start, row.end, row.attrs, row.note, row.flag) != new \
                        or row.deleted is not None:
                    row.category_id, row.start, row.end, row.attrs, row.note, row.flag = new
                    row.quote, row.deleted, row.updated = quote, None, utcnow()
                    report.updated += 1
                continue
            s.add(Annotation(uuid=a.uuid, document_id=doc_id, coder_id=coder_id,
                             category_id=cat_id, start=a.start, end=a.end, quote=quote,
                             attrs=a.attrs, created=a.created or utcnow(),
                             updated=a.updated or a.created or utcnow(),
                             decided_by=a.decided_by, origin_uuid=a.origin_uuid,
                             note=a.note, flag=a.flag, origin=a.origin))
            report.annotations += 1
        s.flush()
        for doc_id, coder_id in {(doc_ids[a.source], coder_ids[a.coder]) for a in plan.anns}:
            if s.get(Assignment, (doc_id, coder_id)) is None:
                s.add(Assignment(document_id=doc_id, coder_id=coder_id, status="in_progress"))
        # each coder's note on an article: one per article and coder
        for n in plan.doc_notes:
            doc_id, coder_id = doc_ids[n.source], coder_ids[n.coder]
            row = s.scalar(select(DocumentNote).where(DocumentNote.document_id == doc_id,
                                                      DocumentNote.coder_id == coder_id))
            if row is None:
                if s.scalar(select(DocumentNote.id).where(DocumentNote.uuid == n.uuid)):
                    raise InputError(refi.path, f"note {n.uuid} has the GUID of another "
                                                "article's note here")
                s.add(DocumentNote(uuid=n.uuid, document_id=doc_id, coder_id=coder_id,
                                   text=n.text, created=n.created or utcnow(),
                                   updated=n.updated or utcnow()))
                report.notes_added += 1
            elif row.text != n.text or row.deleted is not None:
                row.text, row.deleted, row.updated = n.text, None, utcnow()
                report.notes_added += 1
        # relations
        type_ids = dict(s.execute(select(RelationType.key, RelationType.id)).all())
        for guid, key, a, b, coder in plan.links:
            if s.scalar(select(Relation.id).where(Relation.uuid == guid)) is not None:
                continue
            ids = dict(s.execute(select(Annotation.uuid, Annotation.id)
                                 .where(Annotation.uuid.in_([a, b]))).all())
            cid = coder_ids.get(coder)
            if cid is None:
                cid = coder_ids[next(x.coder for x in plan.anns if x.uuid == a)]
            s.add(Relation(uuid=guid, from_id=ids[a], to_id=ids[b], type_id=type_ids[key],
                           coder_id=cid))
            report.relations += 1
        checkpoint(steps.cancel)  # the last moment a Cancel still keeps the project as it was


def _doc_fields(refi: RefiFile, src: RSource) -> dict:
    v = {str(k).strip().lower(): val for k, val in src.variables.items()}
    extra = refi.side_documents.get(src.guid, {})
    out = {"title": src.name, "meta": {}}
    for f in _META_FIELDS:
        if isinstance(v.get(f), str):
            out[f] = v.pop(f)
    lang = out.get("language")
    if not lang or len(lang) > 16:
        out["language"] = "ar" if _mostly_arabic(src.text) else "en"
    pub = v.pop("published", None)
    if isinstance(pub, datetime):
        out["published"] = pub
    if isinstance(extra.get("title"), str):
        out["title"] = extra["title"]
    if isinstance(extra.get("source_file"), str):
        out["source_file"] = extra["source_file"]
    if isinstance(extra.get("meta"), dict):
        out["meta"] = extra["meta"]
    if v:
        out["meta"] = dict(out["meta"], refi_variables={
            k: (x.isoformat() if isinstance(x, datetime) else x) for k, x in v.items()})
    if not out["title"]:
        from ..importers.common import first_line_title

        out["title"] = first_line_title(src.text)
    return out


def _mostly_arabic(text: str) -> bool:
    sample = text[:2000]
    letters = [ch for ch in sample if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    return not letters or arabic * 2 >= len(letters)

