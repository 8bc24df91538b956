"""The tables every export writes (xlsx sheets, CSV files), as streams of typed rows.

Each table is a `Table`: a name, its columns, and a generator of row tuples whose values
are already of the type the cell must have: `str` (always written as text, never parsed,
so "=SUM(A1)" stays a string), `int`/`float`, `bool`, `datetime`, or `None` (empty). The
writers (xlsx.py, csv.py) only dispatch on that type.

Rows are read from the project a batch of documents at a time (annotations of ~100
documents per query, their texts in one more query), so memory stays flat however large
the project is. This module may run SQL (core is allowed to); it uses only portable
SQLAlchemy constructs.

Design decisions (also written into the About sheet, `ABOUT_NOTES`):
- Choice attributes hold the value's *key* (a stable code for SPSS/R); the Codebook sheet
  has the Arabic and English labels of every key. A choice whose keys are all whole
  numbers (the ordinal reliability scale "1".."5") is written as a number.
- Offsets are Python code points, half-open [start, end); document-level codes have no
  offsets or text.
- context_before + text + context_after is an exact passage of the document: up to 60
  code points each side, cut at a word boundary where there is one.
- Times are UTC.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import and_, case, func, select

from ... import __version__
from ..errors import AnnotatorError, InputError, NotFoundError
from ..models import (
    Annotation,
    Assignment,
    Category,
    Coder,
    Document,
    DocumentText,
    Relation,
    RelationType,
)

CONTEXT = 60  # code points of context each side of a quote
DOC_BATCH = 100  # documents per query
XLSX_MAX_ROWS = 1_048_576

SHEETS = ("About", "Documents", "Annotations", "Claims", "Matrix", "Agreement", "Codebook")

# The sourcing codebook's names; a codebook without them gets an empty Claims table.
CLAIM, SOURCE, RELIABILITY = "claim", "source", "reliability"
ATTRIBUTED_TO, RATES = "attributed_to", "rates"
JOIN = " | "


class ExportError(AnnotatorError):
    """The export cannot be written (folder missing, not writable, disk full, ...)."""


Progress = Callable[[int, int], None]


@dataclass
class Column:
    name: str
    width: float = 12
    kind: str = "text"  # text | long (wrapped) | int | num | date | bool
    ar: bool = False  # holds Arabic text from articles or people


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: Iterable[tuple]
    rtl: bool = False
    total: int = 0  # expected number of rows, for progress


@dataclass
class AttrMeta:
    category: str
    key: str
    name_ar: str
    name_en: str
    type: str
    values: list[dict]
    ordinal: bool
    required: bool
    description: str

    @property
    def column(self) -> str:
        return f"{self.category}.{self.key}"

    @property
    def numeric_codes(self) -> bool:
        return (self.type == "choice" and bool(self.values)
                and all(str(v["key"]).isdigit() for v in self.values))

    def cell(self, value):
        """The attribute's stored value as the typed cell value."""
        if value is None or value == "":
            return None
        if self.type == "choice":
            if self.numeric_codes and str(value).isdigit():
                return int(value)
            return str(value)
        if self.type == "boolean":
            return value if isinstance(value, bool) else str(value)
        if self.type == "number":
            return value if isinstance(value, int | float) and not isinstance(value, bool) \
                else str(value)
        return str(value)


@dataclass
class CategoryMeta:
    id: int
    key: str
    name_ar: str
    name_en: str
    kind: str
    color: str
    hotkey: str | None
    description: str
    retired: bool
    attributes: list[AttrMeta] = field(default_factory=list)


@dataclass
class Plan:
    """What one export includes: coders, documents, categories; and the counts."""

    project: object
    coders: list[tuple[int, str, str]]  # (id, name, role), by name
    doc_ids: list[int] | None  # None: every document
    categories: list[CategoryMeta]
    relations: list[RelationType]
    n_documents: int = 0
    n_annotations: int = 0
    n_claims: int = 0
    arabic: bool = True
    agreement_error: str | None = None
    exported_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc)
                                  .replace(tzinfo=None, microsecond=0))

    @property
    def coder_ids(self) -> list[int]:
        return [c[0] for c in self.coders]

    @property
    def coder_names(self) -> list[str]:
        return [c[1] for c in self.coders]

    @property
    def with_agreement(self) -> bool:
        return len(self.coders) >= 2

    @property
    def attributes(self) -> list[AttrMeta]:
        return [a for c in self.categories for a in c.attributes]

    def category(self, key: str) -> CategoryMeta | None:
        return next((c for c in self.categories if c.key == key), None)

    def session(self):
        return self.project._Session()

    def doc_batches(self, size: int = DOC_BATCH) -> Iterator[list[int]]:
        if self.doc_ids is not None:
            for i in range(0, len(self.doc_ids), size):
                yield self.doc_ids[i:i + size]
            return
        last = -1
        while True:
            with self.session() as s:
                ids = list(s.scalars(select(Document.id).where(Document.id > last)
                                     .order_by(Document.id).limit(size)))
            if not ids:
                return
            yield ids
            last = ids[-1]


# --- the plan -------------------------------------------------------------------------------

def parse_doc_ids(spec: str) -> list[int]:
    """ "3,5,10-12" -> [3, 5, 10, 11, 12]."""
    out: list[int] = []
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        try:
            if "-" in part[1:]:
                a, b = part.split("-", 1)
                lo, hi = int(a), int(b)
                if hi < lo:
                    raise ValueError
                out.extend(range(lo, hi + 1))
            else:
                out.append(int(part))
        except ValueError:
            raise InputError(None, f"--docs: '{part}' is not a document id or a range "
                                   "like 10-20") from None
    return sorted(set(out))


def make_plan(project, coders: list[str] | None = None, gold: bool = False,
              doc_ids: Iterable[int] | None = None) -> Plan:
    if coders and gold:
        raise InputError(None, "give either coders or gold, not both")
    with project._Session() as s:
        all_coders = list(s.execute(select(Coder.id, Coder.name, Coder.role)
                                    .order_by(Coder.name)))
        if gold:
            chosen = [c for c in all_coders if c.role == "gold" or c.name == "gold"]
            if not chosen:
                raise NotFoundError(project.path, "has no gold (adjudicated) coder yet")
        elif coders:
            by_name = {c.name: c for c in all_coders}
            missing = [n for n in coders if n not in by_name]
            if missing:
                known = ", ".join(c.name for c in all_coders) or "none"
                raise NotFoundError(project.path, f"no coder named {', '.join(map(repr, missing))}"
                                                  f" (coders: {known})")
            chosen = [by_name[n] for n in sorted(set(coders))]
        else:
            chosen = all_coders
        ids = None
        if doc_ids is not None:
            ids = sorted(set(int(i) for i in doc_ids))
            have: set[int] = set()
            for i in range(0, len(ids), 500):
                have.update(s.scalars(select(Document.id).where(Document.id.in_(ids[i:i + 500]))))
            missing_docs = [i for i in ids if i not in have]
            if missing_docs:
                raise NotFoundError(project.path, "no document with id " + ", ".join(
                    map(str, missing_docs[:10])) + (" ..." if len(missing_docs) > 10 else ""))
        cats = []
        for c in s.scalars(select(Category).order_by(Category.retired, Category.position,
                                                     Category.id)):
            cats.append(CategoryMeta(
                c.id, c.key, c.name_ar, c.name_en, c.kind, c.color, c.hotkey, c.description,
                c.retired, [AttrMeta(c.key, a.key, a.name_ar, a.name_en, a.type,
                                     list(a.values or []), a.ordinal, a.required,
                                     a.description) for a in c.attributes]))
        rels = list(s.scalars(select(RelationType).order_by(RelationType.id)))
        for r in rels:
            s.expunge(r)
        plan = Plan(project, [tuple(c) for c in chosen], ids, cats, rels)
        cids = plan.coder_ids
        claim = plan.category(CLAIM)

        if not cids:
            plan.n_documents = s.scalar(select(func.count()).select_from(Document)) \
                if ids is None else len(ids)
        elif ids is None:
            plan.n_documents = s.scalar(select(func.count()).select_from(Document))
            base = and_(Annotation.deleted.is_(None), Annotation.coder_id.in_(cids))
            plan.n_annotations = s.scalar(select(func.count()).select_from(Annotation)
                                          .where(base))
            plan.n_claims = s.scalar(select(func.count()).select_from(Annotation).where(
                base, Annotation.category_id == claim.id)) if claim else 0
        else:
            plan.n_documents = len(ids)
            for i in range(0, len(ids), 500):
                base = and_(Annotation.deleted.is_(None), Annotation.coder_id.in_(cids),
                            Annotation.document_id.in_(ids[i:i + 500]))
                plan.n_annotations += s.scalar(select(func.count()).select_from(Annotation)
                                               .where(base))
                if claim:
                    plan.n_claims += s.scalar(select(func.count()).select_from(Annotation)
                                              .where(base, Annotation.category_id == claim.id))
        n_ar = s.scalar(select(func.count()).select_from(Document)
                        .where(Document.language == "ar"))
        n_all = s.scalar(select(func.count()).select_from(Document))
        plan.arabic = n_all == 0 or n_ar * 2 >= n_all
    return plan


# --- text helpers ---------------------------------------------------------------------------

def context_before(text: str, start: int, width: int = CONTEXT) -> str:
    a = max(0, start - width)
    s = text[a:start]
    if a > 0 and not text[a - 1].isspace() and s and not s[0].isspace():
        # the cut falls inside a word: drop the partial word if a whole one follows
        for i, ch in enumerate(s):
            if ch.isspace():
                s = s[i:]
                break
    return s.lstrip()


def context_after(text: str, end: int, width: int = CONTEXT) -> str:
    b = min(len(text), end + width)
    s = text[end:b]
    if b < len(text) and not text[b].isspace() and s and not s[-1].isspace():
        for i in range(len(s) - 1, -1, -1):
            if s[i].isspace():
                s = s[:i + 1]
                break
    return s.rstrip()


# --- Documents ------------------------------------------------------------------------------

def documents_table(plan: Plan) -> Table:
    cols = [Column("document_id", 12, "int"), Column("title", 45, "long", True),
            Column("outlet", 20, ar=True), Column("author", 20, ar=True),
            Column("published", 17, "date"), Column("url", 30), Column("length", 9, "int")]
    cols += [Column(f"status [{name}]", 14) for name in plan.coder_names]

    def rows():
        cids = plan.coder_ids
        for batch in plan.doc_batches():
            with plan.session() as s:
                status: dict[tuple[int, int], str] = {
                    (d, c): st for d, c, st in s.execute(
                        select(Assignment.document_id, Assignment.coder_id, Assignment.status)
                        .where(Assignment.document_id.in_(batch),
                               Assignment.coder_id.in_(cids)))}
                for r in s.execute(select(Document.id, Document.title, Document.outlet,
                                          Document.author, Document.published, Document.url,
                                          Document.length)
                                   .where(Document.id.in_(batch)).order_by(Document.id)):
                    yield (*r, *(status.get((r[0], c)) for c in cids))

    return Table("Documents", cols, rows(), plan.arabic, plan.n_documents)


# --- Annotations ----------------------------------------------------------------------------

def _coder_order(plan: Plan):
    if not plan.coders:
        return Annotation.coder_id
    return case({cid: i for i, cid in enumerate(plan.coder_ids)}, value=Annotation.coder_id,
                else_=len(plan.coders))


def _titles_texts(s, batch: list[int], texts: bool = True):
    titles = dict(s.execute(select(Document.id, Document.title)
                            .where(Document.id.in_(batch))).all())
    bodies = dict(s.execute(select(DocumentText.document_id, DocumentText.text)
                            .where(DocumentText.document_id.in_(batch))).all()) if texts else {}
    return titles, bodies


def annotations_table(plan: Plan) -> Table:
    attrs = plan.attributes
    cols = [Column("annotation_id", 38), Column("document_id", 12, "int"),
            Column("document_title", 30, "text", True), Column("coder", 12),
            Column("category", 12), Column("category_ar", 14, ar=True),
            Column("category_en", 14), Column("start", 8, "int"), Column("end", 8, "int"),
            Column("text", 50, "long", True), Column("context_before", 35, "long", True),
            Column("context_after", 35, "long", True)]
    cols += [Column(a.column, max(12, min(24, len(a.column) + 2)),
                    "num" if a.numeric_codes or a.type == "number" else
                    "bool" if a.type == "boolean" else "text", a.type == "text")
             for a in attrs]
    cols += [Column("created", 17, "date"), Column("updated", 17, "date")]

    def rows():
        cats = {c.id: c for c in plan.categories}
        names = {cid: name for cid, name, _ in plan.coders}
        slot = {}  # (category id) -> [(column index, AttrMeta)]
        for c in plan.categories:
            slot[c.id] = [(attrs.index(a), a) for a in c.attributes]
        n_attr = len(attrs)
        blank = (None,) * n_attr
        if not plan.coders:
            return
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, bodies = _titles_texts(s, batch)
                q = (select(Annotation.uuid, Annotation.document_id, Annotation.coder_id,
                            Annotation.category_id, Annotation.start, Annotation.end,
                            Annotation.quote, Annotation.attrs, Annotation.created,
                            Annotation.updated)
                     .where(Annotation.deleted.is_(None), Annotation.document_id.in_(batch),
                            Annotation.coder_id.in_(plan.coder_ids))
                     .order_by(Annotation.document_id, _coder_order(plan), Annotation.start,
                               Annotation.end, Annotation.id))
                result = s.execute(q).all()
            for uuid, doc, cid, catid, start, end, quote, avals, created, updated in result:
                cat = cats[catid]
                if avals:
                    cells = list(blank)
                    for i, a in slot[catid]:
                        v = avals.get(a.key)
                        if v is not None:
                            cells[i] = a.cell(v)
                else:
                    cells = blank
                if cat.kind == "document":
                    span = (None, None, None, None, None)
                else:
                    text = bodies.get(doc, "")
                    span = (start, end, quote, context_before(text, start),
                            context_after(text, end))
                yield (uuid, doc, titles.get(doc, ""), names[cid], cat.key, cat.name_ar,
                       cat.name_en, *span, *cells, created, updated)

    return Table("Annotations", cols, rows(), plan.arabic, plan.n_annotations)


# --- Claims ---------------------------------------------------------------------------------

def claims_table(plan: Plan) -> Table:
    claim, source, rel = plan.category(CLAIM), plan.category(SOURCE), plan.category(RELIABILITY)
    claim_attrs = claim.attributes if claim else []
    level = None
    if rel:
        level = next((a for a in rel.attributes if a.key == "level"), None) or next(
            (a for a in rel.attributes if a.type == "choice"), None)
    cols = [Column("annotation_id", 38), Column("document_id", 12, "int"),
            Column("document_title", 30, "text", True), Column("coder", 12),
            Column("start", 8, "int"), Column("end", 8, "int"),
            Column("text", 50, "long", True)]
    cols += [Column(a.column, 16, "num" if a.numeric_codes else "text") for a in claim_attrs]
    cols += [Column("n_sources", 10, "int"), Column("sources", 35, "long", True),
             Column("source_types", 30), Column("source_ids", 38),
             Column("reliability", 11, "num"), Column("reliability_basis", 18)]
    type_ids = {r.key: r.id for r in plan.relations}

    def rows():
        if claim is None or not plan.coders:
            return
        names = {cid: name for cid, name, _ in plan.coders}
        src_name = next((a for a in source.attributes if a.key == "name"), None) \
            if source else None
        src_type = next((a for a in source.attributes if a.key == "type"), None) \
            if source else None
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = _titles_texts(s, batch, texts=False)
                claims = s.execute(
                    select(Annotation.id, Annotation.uuid, Annotation.document_id,
                           Annotation.coder_id, Annotation.start, Annotation.end,
                           Annotation.quote, Annotation.attrs)
                    .where(Annotation.deleted.is_(None), Annotation.document_id.in_(batch),
                           Annotation.coder_id.in_(plan.coder_ids),
                           Annotation.category_id == claim.id)
                    .order_by(Annotation.document_id, _coder_order(plan), Annotation.start,
                              Annotation.end, Annotation.id)).all()
                if not claims:
                    continue
                # live links from/to annotations of these documents
                links: dict[int, list[int]] = {}  # claim id -> source ids
                rated: dict[int, list[int]] = {}  # claim id -> reliability ids
                rating_ids: set[int] = set()
                src_a, dst_a = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")
                wanted = [type_ids[k] for k in (ATTRIBUTED_TO, RATES) if k in type_ids]
                if wanted:
                    for tid, f, t in s.execute(
                            select(Relation.type_id, Relation.from_id, Relation.to_id)
                            .join(src_a, src_a.c.id == Relation.from_id)
                            .join(dst_a, dst_a.c.id == Relation.to_id)
                            .where(Relation.deleted.is_(None), Relation.type_id.in_(wanted),
                                   src_a.c.document_id.in_(batch), src_a.c.deleted.is_(None),
                                   dst_a.c.deleted.is_(None))
                            .order_by(Relation.id)):
                        if tid == type_ids.get(ATTRIBUTED_TO):
                            links.setdefault(f, []).append(t)
                        else:
                            rated.setdefault(t, []).append(f)
                            rating_ids.add(f)
                sources = {}
                if source is not None:
                    for sid, suuid, sstart, squote, sattrs in s.execute(
                            select(Annotation.id, Annotation.uuid, Annotation.start,
                                   Annotation.quote, Annotation.attrs)
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.category_id == source.id)):
                        sources[sid] = (sstart, suuid, squote, sattrs or {})
                ratings = {}  # id -> (doc, coder, start, end, level)
                by_doc_coder: dict[tuple[int, int], list[int]] = {}
                if rel is not None:
                    for rid, rdoc, rcid, rstart, rend, rattrs in s.execute(
                            select(Annotation.id, Annotation.document_id, Annotation.coder_id,
                                   Annotation.start, Annotation.end, Annotation.attrs)
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.category_id == rel.id)):
                        lv = level.cell((rattrs or {}).get(level.key)) if level else None
                        ratings[rid] = (rdoc, rcid, rstart, rend, lv)
                        if rid not in rating_ids:
                            by_doc_coder.setdefault((rdoc, rcid), []).append(rid)
            for cid_, uuid, doc, coder_id, start, end, quote, cattrs in claims:
                cattrs = cattrs or {}
                linked = sorted((sources[x] for x in links.get(cid_, []) if x in sources),
                                key=lambda x: x[0])
                snames = [str((x[3].get("name") if src_name else None) or x[2]).strip()
                          for x in linked]
                stypes = [str(x[3].get("type") or "") for x in linked] if src_type else []
                rel_val, basis = _reliability(cid_, doc, coder_id, start, end, rated, ratings,
                                              by_doc_coder)
                yield (uuid, doc, titles.get(doc, ""), names[coder_id], start, end, quote,
                       *(a.cell(cattrs.get(a.key)) for a in claim_attrs),
                       len(linked), JOIN.join(snames) or None, JOIN.join(stypes) or None,
                       JOIN.join(x[1] for x in linked) or None, rel_val, basis)

    return Table("Claims", cols, rows(), plan.arabic, plan.n_claims)


def _reliability(claim_id, doc, coder_id, start, end, rated, ratings, by_doc_coder):
    """The claim's reliability level and where it came from: the reliability spans linked
    to it by `rates`; failing that, the same coder's reliability spans that overlap it and
    are linked to no claim. Several ratings: the lowest level (the conservative reading)."""
    levels = [ratings[r][4] for r in rated.get(claim_id, []) if r in ratings]
    basis = "rates"
    if not levels:
        levels = [ratings[r][4] for r in by_doc_coder.get((doc, coder_id), [])
                  if ratings[r][2] < end and start < ratings[r][3]]
        basis = "overlap"
    levels = [v for v in levels if v is not None]
    if not levels:
        return None, None
    try:
        value = min(levels)
    except TypeError:  # mixed codes: compare as text
        value = min(levels, key=str)
    if len(levels) > 1:
        basis += f" (lowest of {len(levels)})"
    return value, basis


# --- Matrix ---------------------------------------------------------------------------------

def matrix_table(plan: Plan) -> Table:
    cats = plan.categories
    cols = [Column("document_id", 12, "int"), Column("document_title", 40, "text", True)]
    cols += [Column(f"{c.key} [{name}]", max(10, len(c.key) + len(name) + 4), "int")
             for c in cats for _, name, _ in plan.coders]

    def rows():
        slots = {(c.id, cid): i for i, (c, (cid, _, _)) in enumerate(
            (c, cd) for c in cats for cd in plan.coders)}
        n = len(slots)
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = _titles_texts(s, batch, texts=False)
                counts: dict[int, list[int]] = {d: [0] * n for d in batch}
                if plan.coders:
                    for doc, cid, catid, k in s.execute(
                            select(Annotation.document_id, Annotation.coder_id,
                                   Annotation.category_id, func.count())
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.coder_id.in_(plan.coder_ids))
                            .group_by(Annotation.document_id, Annotation.coder_id,
                                      Annotation.category_id)):
                        i = slots.get((catid, cid))
                        if i is not None:
                            counts[doc][i] = k
            for doc in batch:
                yield (doc, titles.get(doc, ""), *counts[doc])

    return Table("Matrix", cols, rows(), plan.arabic, plan.n_documents)


# --- Agreement ------------------------------------------------------------------------------

AGREEMENT_COLUMNS = [Column("category", 16), Column("measure", 18), Column("value", 10, "num"),
                     Column("pair", 20), Column("n", 10, "int"), Column("document", 11, "int"),
                     Column("note", 50, "long")]


def agreement_coders(plan: Plan) -> list[str]:
    """Whose agreement the sheet reports: the included coders, without gold when two or
    more others are included (gold is decided from them, not a coder to agree with);
    gold with one coder is that coder's feedback."""
    others = [name for _, name, role in plan.coders if role != "gold" and name != "gold"]
    return others if len(others) >= 2 else plan.coder_names


def build_agreement_report(plan: Plan) -> dict | None:
    """The same report `annotator agreement` prints (one place builds its inputs), over
    the exported documents that two or more of these coders marked done."""
    from ..agreement.from_project import project_report

    return project_report(plan.project, coders=agreement_coders(plan), doc_ids=plan.doc_ids)


def _num(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return v
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def agreement_rows(report: dict) -> Iterator[tuple]:
    """Flatten the agreement report (annotator.core.agreement.report's shape) into rows
    (category, measure, value, pair, n, document, note); `pair` holds "A|B" for pairwise
    figures and a coder's name for per-coder counts; `n` is the count behind the figure;
    `note` the reason a figure is missing."""
    yield from _scope_rows(report, None)
    for doc_id, sub in (report.get("per_document") or {}).items():
        try:
            doc = int(doc_id)
        except (TypeError, ValueError):
            doc = None
        yield from _scope_rows(sub, doc)


def _scope_rows(scope: dict, doc) -> Iterator[tuple]:
    overall = scope.get("overall") or {}
    reasons = overall.get("reasons") or {}
    L = overall.get("continuum_length")
    yield ("(all)", "documents", _num(overall.get("documents", scope.get("documents"))),
           None, None, doc, None)
    for m in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
        if m in overall:
            yield ("(all)", m, _num(overall[m]), None, _num(L), doc, reasons.get(m))
    for coder, n in (overall.get("spans") or {}).items():
        yield ("(all)", "spans", _num(n), coder, None, doc, None)
    if overall.get("ignored_spans"):
        yield ("(all)", "ignored_spans", _num(overall["ignored_spans"]), None, None, doc,
               "spans outside their document's text")
    for key, why in reasons.items():
        if key not in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
            yield ("(all)", key, None, None, None, doc, why)
    for cat, e in (scope.get("categories") or {}).items():
        why = e.get("reasons") or {}
        L = e.get("continuum_length")
        units = e.get("n_units")
        for m, n in (("alpha_u", L), ("u_alpha", L), ("alpha_nominal", units),
                     ("percent_agreement", units)):
            if m in e:
                yield (cat, m, _num(e[m]), None, _num(n), doc, why.get(m))
        pairs = e.get("pairs") or {}
        for m in ("kappa", "f1_exact", "f1_overlap"):
            for p, v in (e.get(m) or {}).items():
                pc = pairs.get(p) or {}
                n = pc.get("units") if m == "kappa" else sum((pc.get("spans") or {}).values())
                yield (cat, m, _num(v), p, _num(n), doc, why.get(f"{m}.{p}"))
        for attr, v in (e.get("attributes") or {}).items():
            n = (e.get("attribute_units") or {}).get(attr)
            yield (cat, f"attribute:{attr}", _num(v), None, _num(n), doc,
                   why.get(f"attributes.{attr}"))
        for coder, n in (e.get("spans") or {}).items():
            yield (cat, "spans", _num(n), coder, None, doc, None)


def agreement_table(plan: Plan, report: dict | None) -> Table:
    if report is None:
        rows = iter([("(all)", "report", None, None, None, None,
                      plan.agreement_error or "not computed")])
    else:
        rows = agreement_rows(report)
    return Table("Agreement", AGREEMENT_COLUMNS, rows, False, 0)


# --- Codebook -------------------------------------------------------------------------------

def codebook_table(plan: Plan) -> Table:
    cols = [Column("element", 10), Column("column", 24), Column("category", 14),
            Column("attribute", 14), Column("value", 16), Column("name_ar", 26, "long", True),
            Column("name_en", 26, "long"), Column("type", 10), Column("kind", 10),
            Column("ordinal", 8, "bool"), Column("required", 9, "bool"), Column("color", 9),
            Column("hotkey", 7), Column("from_category", 13), Column("to_category", 13),
            Column("retired", 8, "bool"), Column("description", 60, "long", True)]

    def rows():
        for c in plan.categories:
            yield ("category", None, c.key, None, None, c.name_ar, c.name_en, None, c.kind,
                   None, None, c.color, c.hotkey, None, None, c.retired, c.description or None)
            for a in c.attributes:
                yield ("attribute", a.column, c.key, a.key, None, a.name_ar, a.name_en, a.type,
                       None, a.ordinal, a.required, None, None, None, None, c.retired,
                       a.description or None)
                for v in a.values:
                    yield ("value", a.column, c.key, a.key, a.cell(v["key"]),
                           v.get("name_ar") or None, v.get("name_en") or None, None, None,
                           None, None, None, None, None, None, c.retired,
                           v.get("description") or None)
        for r in plan.relations:
            yield ("relation", None, None, None, r.key, r.name_ar, r.name_en, None, None, None,
                   None, None, None, r.from_category, r.to_category, None,
                   r.description or None)

    return Table("Codebook", cols, rows(), plan.arabic, 0)


# --- About ----------------------------------------------------------------------------------

SHEET_NOTES = {
    "Documents": "One row per document: id, metadata, published (a date-time), length in "
                 "characters, and each included coder's status (todo, in_progress, done; "
                 "empty = not assigned).",
    "Annotations": "One row per annotation of the included coders, by document, coder and "
                   "position. annotation_id is the annotation's UUID (stable across coders' "
                   "packages and merges). One column per attribute, named "
                   "<category>.<attribute>; only the annotation's own category's columns "
                   "are filled.",
    "Claims": "One row per claim, with its sources (linked by 'attributed_to', in text order, "
              "joined by ' | ': the source's name attribute, or its words in the article "
              "when unnamed; source_types are type codes) and reliability (the level of the "
              "reliability spans linked to the claim by 'rates'; when none is linked, the "
              "same coder's reliability spans that overlap the claim and rate no other "
              "claim; several: the lowest; reliability_basis says which).",
    "Matrix": "Documents x categories: the number of annotations of each category per coder "
              "(columns '<category> [<coder>]'; 0 = none).",
    "Agreement": "The agreement report (only when two or more coders are included), over the "
                 "documents two or more included coders marked done; the whole corpus first "
                 "(document empty), then per document. pair: 'A|B', or a coder for span "
                 "counts; n: the units, continuum length or spans behind the figure; note: "
                 "why a figure is missing.",
    "Codebook": "Categories, attributes, their values (codes and labels), colours, hotkeys "
                "and relations. The 'column' field names the Annotations column a value "
                "appears in.",
}

ABOUT_NOTES = [
    ("choice values", "Choice attributes hold the value's key, a stable code for SPSS and "
                      "R; labels in Arabic and English are in the Codebook sheet. Keys that "
                      "are whole numbers (e.g. reliability 1-5) are numbers."),
    ("offsets", "start and end are character positions (Unicode code points, as Python "
                "counts them) in the stored text, half-open [start, end). Document-level "
                "codes have no offsets or text."),
    ("context", "context_before and context_after hold up to 60 characters each side of the "
                "quote, cut at a word boundary where possible; context_before + text + "
                "context_after is an exact passage of the document."),
    ("times", "created, updated and the export time are UTC."),
    ("text cells", "Every text cell is stored as text: a value starting with = + - @ is "
                   "never a formula."),
]


def about_table(plan: Plan, counts: dict, sheets: list[str]) -> Table:
    info = plan.project.info()
    rows: list[tuple] = [
        ("project", info["name"]),
        ("project file", str(plan.project.path)),
        ("project uuid", info["uuid"]),
        ("exported (UTC)", plan.exported_at),
        ("application", f"Annotator {__version__}"),
        ("codebook", info["codebook"] or None),
        ("codebook version", info["codebook_version"]),
        ("coders included", ", ".join(plan.coder_names) or "(none)"),
        ("documents", counts.get("documents", 0)),
        ("annotations", counts.get("annotations", 0)),
        ("claims", counts.get("claims", 0)),
    ]
    if counts.get("agreement_documents") is not None:
        rows.append(("agreement documents", counts["agreement_documents"]))
    if plan.doc_ids is not None:
        rows.append(("documents selected", _ranges(plan.doc_ids)))
    if counts.get("truncated"):
        rows.append(("truncated cells", f"{counts['truncated']} text cells were longer than "
                                        "Excel's 32,767 characters and are cut there (the "
                                        "CSV export has them whole)"))
    for name in sheets:
        if name in SHEET_NOTES:
            rows.append((f"sheet {name}", SHEET_NOTES[name]))
    if plan.agreement_error:
        rows.append(("agreement", plan.agreement_error))
    rows += ABOUT_NOTES
    cols = [Column("field", 22), Column("value", 100, "long", True)]
    return Table("About", cols, iter(rows), False, 0)


def _ranges(ids: list[int]) -> str:
    out, i = [], 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        out.append(str(ids[i]) if i == j else f"{ids[i]}-{ids[j]}")
        i = j + 1
    return ",".join(out)


def data_tables(plan: Plan, report: dict | None) -> list[Table]:
    """Every table but About, in sheet order."""
    tables = [documents_table(plan), annotations_table(plan), claims_table(plan),
              matrix_table(plan)]
    if plan.with_agreement:
        tables.append(agreement_table(plan, report))
    tables.append(codebook_table(plan))
    return tables


# --- output files ---------------------------------------------------------------------------

def check_folder(folder: Path, target: Path) -> None:
    if not folder.exists():
        raise ExportError(target, f"folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(target, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(target, f"cannot write in folder {folder} (permission denied)")


def check_output_file(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise ExportError(path, f"the output file must end in {suffix}")
    if path.is_dir():
        raise ExportError(path, "is a folder; give a file name")
    check_folder(path.parent if str(path.parent) else Path("."), path)
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(path, "exists and cannot be overwritten (permission denied)")


def temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


def explain_os_error(path, exc: BaseException) -> ExportError:
    """One line for an OSError (possibly wrapped by the writing library)."""
    seen = exc
    for _ in range(5):
        if isinstance(seen, OSError):
            break
        nxt = seen.__cause__ or seen.__context__ or next(
            (a for a in getattr(seen, "args", ()) if isinstance(a, BaseException)), None)
        if nxt is None:
            break
        seen = nxt
    if isinstance(seen, OSError):
        if seen.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            what = "disk full (no space left on device)"
        elif seen.errno in (errno.EACCES, errno.EPERM):
            what = "permission denied"
        else:
            what = seen.strerror or str(seen)
    else:
        what = str(exc)
    return ExportError(path, f"{what}; nothing was written")


@contextmanager
def opened(project):
    """A Project as it is, or a path opened read-only (and closed afterwards)."""
    from ..project import Project

    if isinstance(project, str | os.PathLike):
        p = Project.open(project, readonly=True)
        try:
            yield p
        finally:
            p.close()
    else:
        yield project


def counts_of(plan: Plan) -> dict:
    return {"documents": plan.n_documents, "annotations": plan.n_annotations,
            "claims": plan.n_claims, "coders": plan.coder_names}
