"""The export plan: which coders, documents and categories one export includes, and the
counts. The sheets read the project through it a batch of documents at a time (annotations
of ~100 documents per query, their texts in one more query), so memory stays flat however
large the project is. This package may run SQL (core is allowed to); it uses only portable
SQLAlchemy constructs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import and_, func, select

from ..doc_ids import existing_doc_ids, none_exist_message
from ..errors import InputError, NotFoundError
from ..models import Annotation, Category, CategoryGroup, Coder, Document, RelationType

DOC_BATCH = 100  # documents per query

# The sourcing codebook's names; a codebook without them gets an empty Claims table.
CLAIM, SOURCE, RELIABILITY = "claim", "source", "reliability"
ATTRIBUTED_TO, RATES = "attributed_to", "rates"


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
    group: str | None = None  # the key of the CategoryGroup it is filed in


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
    docs_given: int = 0  # how many document ids were asked for (some may not exist)
    groups: list[CategoryGroup] = field(default_factory=list)  # in codebook order
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
        ids, given = None, 0
        if doc_ids is not None:
            ids = sorted(set(int(i) for i in doc_ids))
            given = len(ids)
            have = set(existing_doc_ids(project, ids))
            if not have:
                raise NotFoundError(project.path, none_exist_message(ids))
            # a range such as 1-50 takes the ids that exist; the caller says how many
            ids = [i for i in ids if i in have]
        cats = []
        for c in s.scalars(select(Category).order_by(Category.retired, Category.position,
                                                     Category.id)):
            cats.append(CategoryMeta(
                c.id, c.key, c.name_ar, c.name_en, c.kind, c.color, c.hotkey, c.description,
                c.retired, [AttrMeta(c.key, a.key, a.name_ar, a.name_en, a.type,
                                     list(a.values or []), a.ordinal, a.required,
                                     a.description) for a in c.attributes], c.group_key))
        rels = list(s.scalars(select(RelationType).order_by(RelationType.id)))
        for r in rels:
            s.expunge(r)
        plan = Plan(project, [tuple(c) for c in chosen], ids, cats, rels)
        plan.docs_given = given
        plan.groups = list(s.scalars(select(CategoryGroup).order_by(CategoryGroup.position)))
        for g in plan.groups:
            s.expunge(g)
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


def counts_of(plan: Plan) -> dict:
    return {"documents": plan.n_documents, "annotations": plan.n_annotations,
            "claims": plan.n_claims, "coders": plan.coder_names,
            "docs_given": plan.docs_given if plan.doc_ids is not None else None}
