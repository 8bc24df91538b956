"""Writing REFI-QDA: a project as .qdpx (a zip of project.qde and Sources/*.txt) and the
codebook as .qdc. The mapping is documented in docs/file-formats.md.

project.qde is streamed with lxml's incremental writer, a batch of documents at a time, and
the texts go into the zip as they are read, so memory stays flat however many annotations
the project has. Everything is written to a temporary file beside the target and moved
into place at the end: a failure leaves no half-written file.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from sqlalchemy import func, select

from ... import __version__
from ..codebook import AttributeDef, CategoryDef, Codebook, GroupDef, ValueDef
from ..exporters.files import (
    check_output_file,
    explain_os_error,
    opened,
    publish,
    temp_beside,
)
from ..exporters.plan import CategoryMeta, Plan, make_plan
from ..exporters.table import Progress
from ..models import (
    Annotation,
    Coder,
    Document,
    DocumentNote,
    DocumentText,
    Relation,
    RelationType,
)
from .refi_common import (
    CODEBOOK_NS,
    PROJECT_NS,
    SIDECAR,
    SIDECAR_FORMAT,
    attribute_guid,
    category_guid,
    coding_guid,
    group_guid,
    note_guid,
    value_guid,
    variable_guid,
    xml_text,
    xml_time,
)

#: Document metadata written as REFI Variables on each source: (field, typeOfVariable).
VARIABLES = (("outlet", "Text"), ("author", "Text"), ("published", "DateTime"),
             ("url", "Text"), ("language", "Text"))
QUOTE_NAME = 80  # a selection's name: the start of its quote, as other tools show it


def _q(tag: str, ns: str = PROJECT_NS) -> str:
    return f"{{{ns}}}{tag}"


def _el(tag: str, attrib: dict | None = None, **kw) -> etree._Element:
    """A project element declaring the default namespace (no ns0: prefixes)."""
    return etree.Element(_q(tag), attrib, nsmap={None: PROJECT_NS}, **kw)


# --- the code tree ---------------------------------------------------------------------------


def _name(obj) -> str:
    return xml_text(obj.name_en or obj.name_ar or obj.key)


def _code_tree(categories: list[CategoryDef], ns: str,
               groups: list[GroupDef] = ()) -> etree._Element:
    """<Codes>: the categories and groups in the codebook's tree order, a group as a
    non-codable code holding its categories and groups. Under a category's code, a
    non-codable code per choice attribute holding a codable code per value, and a codable
    code per boolean attribute (coded when true). Text and number attributes have no code
    (see the sidecar)."""
    codes = etree.Element(_q("Codes", ns), nsmap={None: ns})
    folders: dict[str, etree._Element] = {}
    for _depth, c in Codebook(name="", categories=categories, groups=list(groups)).tree():
        if isinstance(c, GroupDef):
            el = etree.SubElement(folders.get(c.parent, codes), _q("Code", ns),
                                  guid=group_guid(c.key), name=_name(c), isCodable="false")
            if c.description:
                etree.SubElement(el, _q("Description", ns)).text = xml_text(c.description)
            folders[c.key] = el
            continue
        el = etree.SubElement(folders.get(c.group, codes), _q("Code", ns),
                              guid=category_guid(c.key), name=_name(c),
                              isCodable="true", color=c.color)
        if c.description:
            etree.SubElement(el, _q("Description", ns)).text = xml_text(c.description)
        for a in c.attributes:
            if a.type == "choice":
                ael = etree.SubElement(el, _q("Code", ns), guid=attribute_guid(c.key, a.key),
                                       name=_name(a), isCodable="false")
                if a.description:
                    etree.SubElement(ael, _q("Description", ns)).text = xml_text(a.description)
                for v in a.values:
                    vel = etree.SubElement(ael, _q("Code", ns),
                                           guid=value_guid(c.key, a.key, v.key),
                                           name=_name(v), isCodable="true", color=c.color)
                    if v.description:
                        etree.SubElement(vel, _q("Description", ns)).text = \
                            xml_text(v.description)
            elif a.type == "boolean":
                bel = etree.SubElement(el, _q("Code", ns), guid=attribute_guid(c.key, a.key),
                                       name=_name(a), isCodable="true", color=c.color)
                if a.description:
                    etree.SubElement(bel, _q("Description", ns)).text = xml_text(a.description)
    return codes


def _category_defs(plan: Plan, cb: Codebook) -> list[CategoryDef]:
    """Every category the export's annotations may use, retired ones included (without a
    hotkey, so the codebook they make stays valid)."""
    return [cb.category(c.key) or _category_def(c) for c in plan.categories]


def _category_def(c: CategoryMeta) -> CategoryDef:
    return CategoryDef(
        key=c.key, name_ar=c.name_ar, name_en=c.name_en, color=c.color,
        hotkey=None if c.retired else c.hotkey, kind=c.kind, description=c.description,
        attributes=[AttributeDef(
            key=a.key, name_ar=a.name_ar, name_en=a.name_en, type=a.type,
            values=[ValueDef(v["key"], v.get("name_ar", ""), v.get("name_en", ""),
                             v.get("description", "")) for v in a.values],
            ordinal=a.ordinal, required=a.required, description=a.description)
            for a in c.attributes])


def export_qdc(codebook: Codebook, path, like=None) -> None:
    """Write the codebook as a REFI-QDA .qdc file (urn:QDA-XML:codebook:1.0), with the
    permissions of the file `like` (the project) when given."""
    path = Path(path)
    check_output_file(path, ".qdc")
    root = etree.Element(_q("CodeBook", CODEBOOK_NS), nsmap={None: CODEBOOK_NS},
                         origin=f"Annotator {__version__}")
    root.append(_code_tree(codebook.categories, CODEBOOK_NS, codebook.groups))
    tmp = temp_beside(path)
    try:
        etree.ElementTree(root).write(str(tmp), xml_declaration=True, encoding="utf-8",
                                      pretty_print=True)
        publish(tmp, path, like)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise explain_os_error(path, exc) from None
        raise


# --- the project -----------------------------------------------------------------------------


def export_qdpx(project, path, coders: list[str] | None = None, gold: bool = False,
                doc_ids=None, progress: Progress | None = None) -> dict:
    """Write a REFI-QDA project (.qdpx). Same selection arguments as `export_xlsx`.
    Returns counts: documents, annotations, relations, coders."""
    path = Path(path)
    check_output_file(path, ".qdpx")
    with opened(project) as p:
        plan = make_plan(p, coders=coders, gold=gold, doc_ids=doc_ids)
        return _Writer(p, plan, path, progress).write()


class _Writer:
    def __init__(self, project, plan: Plan, path: Path, progress: Progress | None):
        self.p, self.plan, self.path, self.progress = project, plan, path, progress
        self.categories = _category_defs(plan, project.codebook())
        self.cat_by_id = {c.id: d for c, d in zip(plan.categories, self.categories,
                                                  strict=True)}
        self.counts = {"documents": 0, "annotations": 0, "relations": 0, "notes": 0,
                       "coders": plan.coder_names}
        self.done = 0
        self.total = max(plan.n_annotations + plan.n_documents, 1)

    def tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def write(self) -> dict:
        tmp = temp_beside(self.path)
        work = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                     dir=self.path.parent))
        try:
            if self.progress is not None:
                self.progress(0, self.total)
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                qde = work / "project.qde"
                side = {n: open(work / n, "w", encoding="utf-8")  # noqa: SIM115
                        for n in ("annotations.jsonl", "documents.jsonl", "relations.jsonl")}
                try:
                    self._project(qde, zf, side)
                finally:
                    for fh in side.values():
                        fh.close()
                zf.write(qde, "project.qde")
                zf.writestr(SIDECAR + "project.json", json.dumps(
                    self._sidecar(), ensure_ascii=False, indent=1))
                for n in side:
                    zf.write(work / n, SIDECAR + n)
            publish(tmp, self.path, self.p.path)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise explain_os_error(self.path, exc) from None
            raise
        finally:
            for f in work.iterdir():
                f.unlink(missing_ok=True)
            work.rmdir()
        if self.progress is not None:
            self.progress(self.total, self.total)
        return self.counts

    def _sidecar(self) -> dict:
        cb = self.p.codebook()
        book = Codebook(name=cb.name, version=cb.version, description=cb.description,
                        categories=self.categories, relations=list(cb.relations),
                        groups=list(cb.groups))
        with self.plan.session() as s:
            users = {u: {"name": n, "role": r} for u, n, r in s.execute(
                select(Coder.uuid, Coder.name, Coder.role)
                .where(Coder.id.in_(self.plan.coder_ids)).order_by(Coder.name))}
        return {"format": SIDECAR_FORMAT, "version": 1, "app_version": __version__,
                "codebook": book.to_dict(), "coders": users}

    def _coder_uuids(self) -> dict[int, str]:
        with self.plan.session() as s:
            return dict(s.execute(select(Coder.id, Coder.uuid)
                                  .where(Coder.id.in_(self.plan.coder_ids))).all())

    def _project(self, qde: Path, zf: zipfile.ZipFile, side: dict) -> None:
        users = self._coder_uuids()
        names = {cid: name for cid, name, _ in self.plan.coders}
        with etree.xmlfile(str(qde), encoding="utf-8") as xf:
            xf.write_declaration()
            with xf.element(_q("Project"), nsmap={None: PROJECT_NS},
                            name=xml_text(self.p.name) or "Annotator project",
                            origin=f"Annotator {__version__}",
                            creationDateTime=xml_time(self.plan.exported_at)):
                if users:
                    us = _el("Users")
                    for cid, guid in sorted(users.items(), key=lambda x: names[x[0]]):
                        etree.SubElement(us, _q("User"), guid=guid, name=xml_text(names[cid]))
                    xf.write(us)
                if self.categories:
                    book = _el("CodeBook")
                    book.append(_code_tree(self.categories, PROJECT_NS,
                                           self.p.codebook().groups))
                    xf.write(book)
                variables = _el("Variables")
                for field, typ in VARIABLES:
                    etree.SubElement(variables, _q("Variable"), guid=variable_guid(field),
                                     name=field, typeOfVariable=typ)
                xf.write(variables)
                if self.plan.n_documents:
                    with xf.element(_q("Sources")):
                        for batch in self.plan.doc_batches():
                            self._sources(xf, zf, side, batch, users)
                if self.counts["notes"]:
                    with xf.element(_q("Notes")):
                        for batch in self.plan.doc_batches():
                            self._notes(xf, batch, users)
                self._links(xf, side, users)

    def _sources(self, xf, zf, side, batch: list[int], users: dict[int, str]) -> None:
        plan = self.plan
        with plan.session() as s:
            docs = s.execute(select(Document.id, Document.uuid, Document.title,
                                    Document.outlet, Document.author, Document.published,
                                    Document.url, Document.language, Document.created,
                                    Document.meta, Document.source_file)
                             .where(Document.id.in_(batch)).order_by(Document.id)).all()
            texts = dict(s.execute(select(DocumentText.document_id, DocumentText.text)
                                   .where(DocumentText.document_id.in_(batch))).all())
            anns: dict[int, list] = {}
            if plan.coder_ids:
                for row in s.execute(
                        select(Annotation.uuid, Annotation.document_id, Annotation.coder_id,
                               Annotation.category_id, Annotation.start, Annotation.end,
                               Annotation.quote, Annotation.attrs, Annotation.created,
                               Annotation.updated, Annotation.decided_by,
                               Annotation.origin_uuid, Annotation.note, Annotation.flag,
                               Annotation.origin)
                        .where(Annotation.deleted.is_(None),
                               Annotation.document_id.in_(batch),
                               Annotation.coder_id.in_(plan.coder_ids))
                        .order_by(Annotation.document_id, Annotation.start, Annotation.end,
                                  Annotation.uuid)):
                    anns.setdefault(row.document_id, []).append(row)
            doc_notes: dict[int, list] = {}
            for row in s.execute(self._document_notes(batch)):
                doc_notes.setdefault(row.document_id, []).append(row)
        for d in docs:
            text = texts.get(d.id, "")
            zf.writestr(f"Sources/{d.uuid}.txt", text.encode("utf-8"))
            attrs = {"guid": d.uuid, "plainTextPath": f"internal://{d.uuid}.txt"}
            if d.title:
                attrs["name"] = xml_text(d.title)
            if d.created:
                attrs["creationDateTime"] = xml_time(d.created)
            src = _el("TextSource", attrs)
            whole = []
            for a in anns.get(d.id, []):
                cat = self.cat_by_id[a.category_id]
                user = users[a.coder_id]
                if cat.kind == "document":
                    whole.append((a, cat, user))
                    continue
                sel = etree.SubElement(
                    src, _q("PlainTextSelection"), guid=a.uuid,
                    name=xml_text(a.quote[:QUOTE_NAME]) or "-",
                    startPosition=str(a.start), endPosition=str(a.end), creatingUser=user,
                    creationDateTime=xml_time(a.created), modifyingUser=user,
                    modifiedDateTime=xml_time(a.updated))
                shown = _shown_values(cat, a.attrs or {})
                if shown:
                    etree.SubElement(sel, _q("Description")).text = xml_text(shown)
                for guid, code in self._codings(a.uuid, cat, a.attrs or {}, span=True):
                    _coding(sel, guid, code, user, a.created)
                if a.note:
                    etree.SubElement(sel, _q("NoteRef"), targetGUID=note_guid(a.uuid))
                    self.counts["notes"] += 1
                self._side_annotation(side, a, user)
            for a, cat, user in whole:
                for i, (guid, code) in enumerate(self._codings(a.uuid, cat, a.attrs or {},
                                                               span=False)):
                    c = _coding(src, guid, code, user, a.created)
                    if i == 0 and a.note:  # the note hangs on the category's coding
                        etree.SubElement(c, _q("NoteRef"), targetGUID=note_guid(a.uuid))
                        self.counts["notes"] += 1
                self._side_annotation(side, a, user, whole=True)
            for n in doc_notes.get(d.id, []):
                etree.SubElement(src, _q("NoteRef"), targetGUID=n.uuid)
                self.counts["notes"] += 1
            for field, typ in VARIABLES:
                value = getattr(d, field)
                if value is None or value == "":
                    continue
                vv = etree.SubElement(src, _q("VariableValue"))
                etree.SubElement(vv, _q("VariableRef"), targetGUID=variable_guid(field))
                if typ == "DateTime":
                    etree.SubElement(vv, _q("DateTimeValue")).text = xml_time(value)
                else:
                    etree.SubElement(vv, _q("TextValue")).text = xml_text(str(value))
            xf.write(src)
            extra = {"guid": d.uuid}
            if d.meta:
                extra["meta"] = d.meta
            if d.source_file:
                extra["source_file"] = d.source_file
            if d.title and xml_text(d.title) != d.title:
                extra["title"] = d.title
            if len(extra) > 1:
                side["documents.jsonl"].write(json.dumps(extra, ensure_ascii=False) + "\n")
            n = len(anns.get(d.id, []))
            self.counts["documents"] += 1
            self.counts["annotations"] += n
            self.tick(n + 1)

    def _codings(self, ann: str, cat: CategoryDef, attrs: dict, span: bool):
        """(Coding GUID, code GUID) pairs of one annotation: its category, then a value
        code per choice value and a code per true boolean. A whole-document annotation's
        category Coding carries the annotation's own UUID."""
        yield (coding_guid(ann, "category") if span else ann), category_guid(cat.key)
        for a in cat.attributes:
            v = attrs.get(a.key)
            if v is None:
                continue
            if a.type == "choice" and a.value(str(v)) is not None:
                yield coding_guid(ann, f"{a.key}={v}"), value_guid(cat.key, a.key, str(v))
            elif a.type == "boolean" and v is True:
                yield coding_guid(ann, a.key), attribute_guid(cat.key, a.key)

    def _side_annotation(self, side, a, user: str, whole: bool = False) -> None:
        extra = {"guid": a.uuid}
        if whole and a.updated:  # a Coding has no modifiedDateTime
            extra["updated"] = xml_time(a.updated)
        if a.attrs:
            extra["attrs"] = a.attrs
        if a.decided_by:
            extra["decided_by"] = a.decided_by
        if a.origin_uuid:
            extra["origin_uuid"] = a.origin_uuid
        if a.flag:  # "discuss": the standard has no place for it
            extra["flag"] = True
        if a.origin:
            extra["origin"] = a.origin
        # a line for every annotation, even with nothing more to say: it marks the ones
        # this project wrote (an annotation added in another tool has none)
        side["annotations.jsonl"].write(json.dumps(extra, ensure_ascii=False,
                                                     sort_keys=True) + "\n")

    def _document_notes(self, batch: list[int]):
        return (select(DocumentNote.uuid, DocumentNote.document_id, DocumentNote.coder_id,
                       DocumentNote.text, DocumentNote.created, DocumentNote.updated)
                .where(DocumentNote.deleted.is_(None), DocumentNote.document_id.in_(batch),
                       DocumentNote.coder_id.in_(self.plan.coder_ids), DocumentNote.text != "")
                .order_by(DocumentNote.document_id, DocumentNote.uuid))

    def _notes(self, xf, batch: list[int], users: dict[int, str]) -> None:
        """<Note>s: each annotation's note and each coder's note on an article."""
        with self.plan.session() as s:
            rows = [(note_guid(u), cid, text, created, updated) for u, cid, text, created,
                    updated in s.execute(
                        select(Annotation.uuid, Annotation.coder_id, Annotation.note,
                               Annotation.created, Annotation.updated)
                        .where(Annotation.deleted.is_(None), Annotation.note != "",
                               Annotation.document_id.in_(batch),
                               Annotation.coder_id.in_(self.plan.coder_ids))
                        .order_by(Annotation.document_id, Annotation.start, Annotation.end,
                                  Annotation.uuid))]
            rows += [(n.uuid, n.coder_id, n.text, n.created, n.updated)
                     for n in s.execute(self._document_notes(batch))]
        for guid, cid, text, created, updated in rows:
            note = _el("Note", guid=guid, creatingUser=users[cid],
                       creationDateTime=xml_time(created), modifyingUser=users[cid],
                       modifiedDateTime=xml_time(updated))
            etree.SubElement(note, _q("PlainTextContent")).text = xml_text(text)
            xf.write(note)

    def _relation_query(self):
        src, dst = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")
        cids = self.plan.coder_ids
        q = (select(Relation.uuid, RelationType.key, RelationType.name_en, RelationType.name_ar,
                    src.c.uuid, dst.c.uuid, Coder.uuid)
             .join(RelationType, RelationType.id == Relation.type_id)
             .join(src, src.c.id == Relation.from_id)
             .join(dst, dst.c.id == Relation.to_id)
             .join(Coder, Coder.id == Relation.coder_id)
             .where(Relation.deleted.is_(None), src.c.deleted.is_(None),
                    dst.c.deleted.is_(None), src.c.coder_id.in_(cids),
                    dst.c.coder_id.in_(cids)))
        return q, src

    def _links(self, xf, side, users: dict[int, str]) -> None:
        if not self.plan.coder_ids:
            return
        q, src = self._relation_query()
        chunks = [None] if self.plan.doc_ids is None else [
            self.plan.doc_ids[i:i + 500] for i in range(0, len(self.plan.doc_ids), 500)]
        with self.plan.session() as s:
            total = 0
            for chunk in chunks:
                cq = q if chunk is None else q.where(src.c.document_id.in_(chunk))
                total += s.scalar(select(func.count()).select_from(cq.subquery()))
            if not total:
                return
            with xf.element(_q("Links")):
                for chunk in chunks:
                    cq = q if chunk is None else q.where(src.c.document_id.in_(chunk))
                    for guid, key, name_en, name_ar, a, b, coder in s.execute(
                            cq.order_by(Relation.id).execution_options(yield_per=2000)):
                        xf.write(_el("Link", guid=guid,
                                               name=xml_text(name_en or name_ar or key),
                                               direction="OneWay", originGUID=a,
                                               targetGUID=b))
                        side["relations.jsonl"].write(json.dumps(
                            {"guid": guid, "type": key, "coder": coder}) + "\n")
                        self.counts["relations"] += 1


def _coding(parent, guid: str, code: str, user: str, created) -> etree._Element:
    c = etree.SubElement(parent, _q("Coding"), guid=guid, creatingUser=user)
    if created is not None:
        c.set("creationDateTime", xml_time(created))
    etree.SubElement(c, _q("CodeRef"), targetGUID=code)
    return c


def _shown_values(cat: CategoryDef, attrs: dict) -> str:
    """Text and number attribute values as lines other tools show with the selection."""
    lines = []
    for a in cat.attributes:
        v = attrs.get(a.key)
        if v is not None and a.type in ("text", "number"):
            lines.append(f"{a.name_en or a.key}: {v}")
    return "\n".join(lines)


__all__ = ["VARIABLES", "export_qdc", "export_qdpx"]
