"""A REFI-QDA project (.qdpx) into a project: documents, coders, annotations, relations,
with their GUIDs kept as UUIDs (so what went out and comes back merges as the same rows).

Everything is read and checked before anything is written (positions in code points inside
the text, attribute values against the codebook, GUIDs that already mean something else
here); the rows then go in ONE transaction. A bad file changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..annotations import validate_attrs
from ..codebook import Codebook
from ..errors import InputError
from ..importers.common import check_text_size
from ..memos import MAX_NOTE
from ..models import (
    Annotation,
    Assignment,
    Coder,
    Document,
    DocumentNote,
    DocumentText,
    Relation,
    RelationType,
    utcnow,
)
from ..text import sha256
from .refi_codes import CodeMapping, Target, map_codes
from .refi_common import parse_time
from .refi_read import RCoding, RefiFile, RSource, read_qdpx

DEFAULT_CODER = "imported"
_META_FIELDS = ("outlet", "author", "url", "language")


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
class _Ann:
    uuid: str
    source: str
    coder: str  # user GUID or "" for the default coder
    category: str
    start: int
    end: int
    attrs: dict
    created: datetime | None
    updated: datetime | None
    decided_by: str | None = None
    origin_uuid: str | None = None
    note: str = ""
    flag: bool = False
    origin: str | None = "imported"


@dataclass
class _DocNote:
    uuid: str
    source: str
    coder: str  # user GUID or ""
    text: str
    created: datetime | None
    updated: datetime | None


def import_qdpx(project, path, author: str = "") -> RefiImport:
    """Import `path` into the open, writable `project`. Categories the file's codes bring
    are added to the codebook (a new version by `author`) only once every row has been
    checked against the project."""
    refi = read_qdpx(path)
    before = project.codebook()
    mapping = map_codes(refi, before)
    plan = _plan(refi, mapping)
    _precheck(project, refi, plan)
    if not mapping.added:
        return _apply(project, refi, mapping, plan)
    project.set_codebook(mapping.codebook, author=author,
                         changes=[f"added group '{k}' from {Path(path).name}"
                                  for k in mapping.groups_added]
                         + [f"added category '{k}' from {Path(path).name}"
                            for k in mapping.added])
    try:
        return _apply(project, refi, mapping, plan)
    except BaseException:
        # refused by the database after all: drop the categories again (none is used)
        project.set_codebook(before, author=author)
        raise


def _precheck(project, refi: RefiFile, plan: _Plan) -> None:
    """Refuse GUIDs that already mean something else here, before anything is written."""
    target: dict[str, str] = {}  # source GUID -> the UUID of the document it will be
    with project._read() as s:
        for src in refi.sources:
            digest = sha256(src.text)
            row = s.execute(select(Document.id, Document.sha256)
                            .where(Document.uuid == src.guid)).first()
            if row is not None and row.sha256 != digest:
                raise InputError(refi.path, f"source {src.name or src.guid} has the GUID "
                                            f"of document {row.id} but another text")
            same = None if row is not None else s.scalar(
                select(Document.uuid).where(Document.sha256 == digest))
            target[src.guid] = same or src.guid
        for a in plan.anns:
            row = s.execute(select(Annotation.document_id, Document.uuid, Coder.uuid,
                                   Coder.name)
                            .join(Document, Document.id == Annotation.document_id)
                            .join(Coder, Coder.id == Annotation.coder_id)
                            .where(Annotation.uuid == a.uuid)).first()
            if row is None:
                continue
            same_coder = row[2] == a.coder or row[3] == _coder_name(refi, a.coder)
            if row[1] != target[a.source] or not same_coder:
                raise InputError(refi.path, f"coding {a.uuid} has the GUID of another "
                                            "coder's or document's annotation here")


def new_from_qdpx(project_path, path, name: str | None = None) -> RefiImport:
    """Create `project_path` from the .qdpx `path`: its code tree becomes the codebook (the
    shipped one when it has no codes). Nothing is left behind if the import fails."""
    from ..codebook import default_codebook
    from ..project import Project

    refi = read_qdpx(path)
    mapping = map_codes(refi, None)
    if not mapping.codebook.categories:
        mapping = map_codes(refi, default_codebook())
        mapping.added = []
    plan = _plan(refi, mapping)
    project_path = Path(project_path)
    p = Project.create(project_path, codebook=mapping.codebook,
                       name=name or refi.name or None)
    try:
        with p:
            report = _apply(p, refi, mapping, plan)
    except BaseException:
        for f in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
            f.unlink(missing_ok=True)
        raise
    report.categories_added = [c.key for c in mapping.codebook.categories]
    return report


# --- reading the file into rows (no writes) ---------------------------------------------------


@dataclass
class _Plan:
    anns: list[_Ann]
    links: list[tuple[str, str, str, str, str]]  # (guid, type, from, to, coder GUID or "")
    notes: list[str]
    doc_notes: list[_DocNote] = field(default_factory=list)


class _Notes:
    """Note texts by GUID, cut at the memo limit, remembering which were used."""

    def __init__(self, refi: RefiFile):
        self.refi, self.used, self.cut = refi, set(), 0

    def text(self, guids: list[str]) -> str:
        parts = []
        for g in dict.fromkeys(guids):
            n = self.refi.notes.get(g)
            if n is not None and n.text.strip():
                self.used.add(g)
                parts.append(n.text.strip())
        text = "\n\n".join(parts)
        if len(text) > MAX_NOTE:
            self.cut += 1
            text = text[:MAX_NOTE].rstrip()
        return text


def _plan(refi: RefiFile, mapping: CodeMapping) -> _Plan:
    cb = mapping.codebook
    notes: list[str] = []
    anns: list[_Ann] = []
    skipped_codes = 0
    memo = _Notes(refi)
    doc_notes: list[_DocNote] = []
    _unique(refi, [src.guid for src in refi.sources], "source")
    _unique(refi, [link.guid for link in refi.links], "link")
    for src in refi.sources:
        check_text_size(refi.path, src.text, f"source {src.name or src.guid}")
        for sel in src.selections:
            if not (0 <= sel.start < sel.end <= len(src.text)):
                raise InputError(refi.path, f"source {src.name or src.guid}: selection "
                                            f"{sel.guid}: positions [{sel.start}, {sel.end}) "
                                            f"are outside the text (length {len(src.text)}) "
                                            "or empty")
            made, skipped = _annotations(refi, cb, mapping, memo, src, sel.guid, sel.codings,
                                         sel.user, sel.start, sel.end, sel.created,
                                         sel.modified, sel.notes)
            anns += made
            skipped_codes += skipped
        made, skipped = _annotations(refi, cb, mapping, memo, src, None, src.codings, None,
                                     0, len(src.text), None, None, [])
        anns += made
        skipped_codes += skipped
        by_user: dict[str, list[str]] = {}
        for g in src.notes:  # notes on the source: each coder's note on the article
            n = refi.notes.get(g)
            if n is not None:
                by_user.setdefault(n.user or "", []).append(g)
        for user, guids in by_user.items():
            text = memo.text(guids)
            if text:
                first = refi.notes[guids[0]]
                doc_notes.append(_DocNote(guids[0], src.guid, user, text, first.created,
                                          first.modified or first.created))
    if skipped_codes:
        notes.append(f"{skipped_codes} codings of codes that cannot be coded were skipped")
    _unique(refi, [a.uuid for a in anns], "coding")
    _unique(refi, [n.uuid for n in doc_notes], "note")
    by_uuid = {a.uuid: a for a in anns}
    links, unmatched = [], 0
    for link in refi.links:
        a, b = by_uuid.get(link.origin or ""), by_uuid.get(link.target or "")
        side = refi.side_relations.get(link.guid, {})
        rt = cb.relation(side.get("type")) if isinstance(side.get("type"), str) else None
        if rt is None:
            rt = next((r for r in cb.relations if link.name and link.name.casefold() in
                       (r.key.casefold(), r.name_en.casefold(), r.name_ar.casefold())
                       and a is not None and b is not None
                       and (r.from_category, r.to_category) == (a.category, b.category)),
                      None)
        if a is None or b is None or rt is None or a.source != b.source or \
                (rt.from_category, rt.to_category) != (a.category, b.category):
            unmatched += 1
            continue
        coder = side.get("coder") if isinstance(side.get("coder"), str) else None
        links.append((link.guid, rt.key, a.uuid, b.uuid, (coder or a.coder).lower()))
    if unmatched:
        notes.append(f"{unmatched} links not imported (no relation type of this codebook "
                     "joins their two codings)")
    unused = len(set(refi.notes) - memo.used)
    if unused:
        notes.append(f"{unused} notes not imported (not on a coded passage or a source: "
                     "project or code memos)")
    if memo.cut:
        notes.append(f"{memo.cut} notes cut at {MAX_NOTE:,} characters")
    if refi.ignored:
        what = ", ".join(f"{n} {k}" for k, n in refi.ignored.most_common(8))
        notes.append(f"ignored {sum(refi.ignored.values())} elements this tool has no use "
                     f"for ({what})")
    return _Plan(anns, links, notes, doc_notes)


def _annotations(refi: RefiFile, cb: Codebook, mapping: CodeMapping, memo: _Notes,
                 src: RSource, sel_guid: str | None, codings: list[RCoding],
                 sel_user: str | None, start: int, end: int, created, modified,
                 sel_notes: list[str]) -> tuple[list[_Ann], int]:
    """The annotations one selection (or a source's own codings) makes: one per category
    and coder, with the values and flags coded beside it."""
    groups: dict[tuple[str, str], dict] = {}
    skipped = 0
    for c in codings:
        t: Target | None = mapping.targets.get(c.code)
        if t is None or t.kind == "group":
            skipped += 1
            continue
        user = c.user or sel_user or ""
        g = groups.setdefault((t.category, user), {"uuid": None, "attrs": {}, "notes": [],
                                                   "first": c.guid, "created": c.created})
        g["notes"] += c.notes
        if t.kind == "category":
            g["uuid"] = c.guid
        elif t.kind == "value":
            g["attrs"].setdefault(t.attribute, t.value)
        elif t.kind == "flag":
            g["attrs"][t.attribute] = True
    out = []
    for (cat_key, user), g in groups.items():
        cat = cb.category(cat_key)
        if sel_guid is not None and len(groups) == 1:
            uuid = sel_guid
        else:
            uuid = g["uuid"] or g["first"]
        extra = refi.side_annotations.get(uuid, {})
        attrs = dict(g["attrs"])
        side_attrs = extra.get("attrs") if isinstance(extra.get("attrs"), dict) else {}
        for a in cat.attributes:  # text and numbers have no code: they come from beside
            if a.type in ("text", "number") and a.key in side_attrs:
                attrs[a.key] = side_attrs[a.key]
            elif a.type == "boolean" and a.key not in attrs and a.key in side_attrs:
                attrs[a.key] = False  # a flag is coded when true; false is not a code
        where = f"source {src.name or src.guid}: coding {uuid}"
        try:
            attrs = validate_attrs(cat, attrs)
        except InputError as e:
            raise InputError(refi.path, f"{where}: {e.message}") from None
        if cat.kind == "document":
            s, e = 0, 0
        elif sel_guid is None:
            s, e = 0, len(src.text)
            if e == 0:
                raise InputError(refi.path, f"{where}: codes an empty text")
        else:
            s, e = start, end
        out.append(_Ann(uuid, src.guid, user, cat_key, s, e, attrs,
                        created or g["created"],
                        modified or _time(extra.get("updated")) or created or g["created"],
                        _str(extra.get("decided_by")), _str(extra.get("origin_uuid")),
                        memo.text(sel_notes + g["notes"]), extra.get("flag") is True,
                        _origin(refi, uuid, extra)))
    return out, skipped


def _origin(refi: RefiFile, uuid: str, extra: dict) -> str | None:
    """Annotations this project wrote keep their origin (None: coded by hand); the rest
    came from another tool: imported."""
    if uuid not in refi.side_annotations:
        return "imported"
    return extra.get("origin") if extra.get("origin") in ("suggested", "imported") else None


def _unique(refi: RefiFile, guids: list[str], what: str) -> None:
    seen: set[str] = set()
    for g in guids:
        if g in seen:
            raise InputError(refi.path, f"GUID {g} is used by two elements ({what})")
        seen.add(g)


def _time(v) -> datetime | None:
    return parse_time(v) if isinstance(v, str) else None


def _str(v) -> str | None:
    return v if isinstance(v, str) and v else None


def _coder_name(refi: RefiFile, guid: str) -> str:
    """The coder a User becomes: its name, else one made from its GUID; codings without
    a user are DEFAULT_CODER's."""
    if not guid:
        return DEFAULT_CODER
    return _clean_name(refi.users.get(guid) or "") or f"user {guid[:8]}"


def _clean_name(name: str) -> str:
    return " ".join("".join(ch for ch in name if ch.isprintable()).split())[:200]


# --- writing ---------------------------------------------------------------------------------


def _apply(project, refi: RefiFile, mapping: CodeMapping, plan: _Plan) -> RefiImport:
    report = RefiImport(notes=list(plan.notes), categories_added=list(mapping.added))
    side_users = (refi.sidecar or {}).get("coders")
    side_users = side_users if isinstance(side_users, dict) else {}
    added_docs: list[int] = []
    try:
        _write(project, refi, plan, report, side_users, added_docs)
    except IntegrityError as exc:  # a GUID that already means something else here
        raise InputError(refi.path, f"conflicts with rows already in the project "
                                    f"({exc.orig}); nothing was imported") from None
    project._coder_ids.clear()
    if added_docs:
        project._emit("documents_added", added_docs)
    return report


def _write(project, refi: RefiFile, plan: _Plan, report: RefiImport, side_users: dict,
           added_docs: list[int]) -> None:
    with project._tx() as s:
        # coders: by GUID, else by name, else new with the GUID
        coder_ids: dict[str, int] = {}
        used = {a.coder for a in plan.anns} | {link[4] for link in plan.links} | {
            n.coder for n in plan.doc_notes}
        for guid in sorted(used):
            name = _coder_name(refi, guid)
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
        for a in plan.anns:
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


__all__ = ["RefiImport", "import_qdpx", "new_from_qdpx"]
