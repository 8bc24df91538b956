"""The project's codebook in the database: reading it (cached), replacing it as a new
version (refusing what stored work cannot survive, retiring used categories that are
dropped), and the groups it files categories in. A mixin of Project."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .codebook import Codebook, GroupDef, RelationDef
from .errors import NotFoundError
from .models import (
    Annotation,
    Attribute,
    Category,
    CategoryGroup,
    ProjectInfo,
    Relation,
    RelationType,
)
from .read_light import category_def
from .versions import CodebookConflictError, _with_dropped_as_retired


class CodebookStoreMixin:
    """Project's codebook methods (it supplies _read, _tx, _emit, usage and versions)."""

    _codebook: Codebook | None = None
    _category_ids: dict[str, int] | None = None

    def codebook(self) -> Codebook:
        if self._codebook is None:
            with self._read() as s:
                p = s.scalars(select(ProjectInfo)).one()
                # attributes in one query, not one per category (20,000 took 4 s)
                cats = s.scalars(select(Category).where(Category.retired.is_(False))
                                 .options(selectinload(Category.attributes))
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
        existing = {c.key: c for c in s.scalars(
            select(Category).options(selectinload(Category.attributes)))}
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
            if old_attrs:  # the deletes first (one flush per category made 20,000 slow)
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
