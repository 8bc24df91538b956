"""Codebook changes that rewrite coded data: merge value A into B (recode), split a
category (moving chosen annotations), and undoing either. Mixed into `core.project.Project`.

Each runs in ONE transaction with the codebook change it implies and records a codebook
version whose `operation` holds what undoing it needs (the annotations it touched), so the
editor's undo and `annotator recode --undo N` restore the data exactly. Rewritten
annotations get a new `updated`: the change travels to coders like any edit, and a
package's older copy of them cannot quietly bring the old value back.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from sqlalchemy import select

from .codebook import CategoryDef, Codebook
from .errors import InputError, NotFoundError
from .models import Annotation, Category, CodebookVersion, Coder, Document, Relation, utcnow
from .records import SplitCandidate


class RecodeMixin:
    # --- merge value A into B -------------------------------------------------------------

    def recode(self, category: str, attribute: str, old: str, new: str,
               author: str = "") -> int:
        """Every annotation of `category` whose `attribute` is `old` gets `new`, and `old`
        leaves the codebook. Returns the codebook version recording it."""
        cb = self.codebook()
        attr = self._choice_attribute(cb, category, attribute)
        keys = [v.key for v in attr.values]
        for v in (old, new):
            if v not in keys:
                raise NotFoundError(self.path, f"'{category}.{attribute}' has no value '{v}' "
                                               f"(values: {', '.join(keys)})")
        if old == new:
            raise InputError(None, "the old and the new value are the same")
        revised = copy.deepcopy(cb)
        a2 = revised.category(category).attribute(attribute)
        position = keys.index(old)
        removed = a2.values.pop(position)
        with self._tx() as s:
            cat_id = s.scalar(select(Category.id).where(Category.key == category))
            touched = []
            now = utcnow()
            for row in s.scalars(select(Annotation).where(Annotation.category_id == cat_id)):
                if (row.attrs or {}).get(attribute) == old:
                    row.attrs = {**row.attrs, attribute: new}
                    row.updated = now
                    touched.append(row.uuid)
            op = {"op": "recode", "category": category, "attribute": attribute, "old": old,
                  "new": new, "annotations": touched, "position": position,
                  "value": {"key": removed.key, "name_ar": removed.name_ar,
                            "name_en": removed.name_en, "description": removed.description}}
            number = self._apply_codebook(
                s, self.full_codebook(), revised, author, check=False, operation=op,
                changes=[f"merged value '{old}' into '{new}' of '{category}.{attribute}' "
                         f"({len(touched)} annotation{'' if len(touched) == 1 else 's'} "
                         "recoded)"])
        self._codebook_committed(touched)
        return number

    def _choice_attribute(self, cb: Codebook, category: str, attribute: str):
        cat = cb.category(category)
        if cat is None:
            raise NotFoundError(self.path, f"no category '{category}' in the codebook")
        attr = cat.attribute(attribute)
        if attr is None:
            raise NotFoundError(self.path, f"category '{category}' has no attribute "
                                           f"'{attribute}'")
        if attr.type != "choice":
            raise InputError(self.path, f"'{category}.{attribute}' is a {attr.type} "
                                        "attribute; only choice values can be merged")
        return attr

    # --- split a category ----------------------------------------------------------------

    def split_candidates(self, category: str) -> list[SplitCandidate]:
        """The live annotations of `category`, in article and text order, for choosing
        which to split off: title, coder, quote, attributes, and whether a live link holds
        it (the same test split_category refuses by)."""
        with self._read() as s:
            cat_id = s.scalar(select(Category.id).where(Category.key == category))
            if cat_id is None:
                raise NotFoundError(self.path, f"no category '{category}' in the codebook")
            mine = select(Annotation.id).where(Annotation.category_id == cat_id,
                                               Annotation.deleted.is_(None))
            live = Relation.deleted.is_(None)
            linked = set(s.scalars(select(Relation.from_id).where(
                live, Relation.from_id.in_(mine))))
            linked |= set(s.scalars(select(Relation.to_id).where(
                live, Relation.to_id.in_(mine))))
            q = (select(Annotation.id, Annotation.uuid, Annotation.document_id, Document.title,
                        Coder.name, Annotation.quote, Annotation.attrs)
                 .join(Document, Document.id == Annotation.document_id)
                 .join(Coder, Coder.id == Annotation.coder_id)
                 .where(Annotation.category_id == cat_id, Annotation.deleted.is_(None))
                 .order_by(Annotation.document_id, Annotation.start, Annotation.end,
                           Annotation.id))
            return [SplitCandidate(uuid, doc, title or "", coder, quote or "",
                                   dict(attrs or {}), id_ in linked)
                    for id_, uuid, doc, title, coder, quote, attrs in s.execute(q)]

    def split_category(self, source: str, new: CategoryDef, uuids: list[str],
                       author: str = "") -> int:
        """Add `new` (a category of the same kind, in the same group unless it names one;
        its attributes are copied from `source` when it has none) and move the annotations `uuids` of `source` into it. Annotations
        with links are refused: a link type names the categories it joins."""
        cb = self.codebook()
        src = cb.category(source)
        if src is None:
            raise NotFoundError(self.path, f"no category '{source}' in the codebook")
        if cb.category(new.key) is not None or new.key in {
                c.key for c in self.full_codebook().categories}:
            raise InputError(self.path, f"category '{new.key}' exists already")
        new = replace(new, kind=src.kind, group=new.group or src.group,  # filed beside it
                      attributes=copy.deepcopy(new.attributes or src.attributes))
        revised = copy.deepcopy(cb)
        revised.categories.insert(revised.categories.index(revised.category(source)) + 1, new)
        # checked as a codebook file is: the key's form, the colour, a hotkey another
        # category has (the version stored below would otherwise carry the clash)
        Codebook.from_dict(revised.to_dict(), self.path)
        with self._tx() as s:
            rows = list(s.scalars(select(Annotation).where(Annotation.uuid.in_(uuids))))
            src_id = s.scalar(select(Category.id).where(Category.key == source))
            found = {r.uuid for r in rows if r.category_id == src_id and r.deleted is None}
            missing = [u for u in uuids if u not in found]
            if missing:
                raise InputError(self.path, f"not live annotations of '{source}': "
                                            + ", ".join(missing[:5]))
            ids = [r.id for r in rows]
            linked = s.scalars(select(Relation.uuid).where(
                (Relation.from_id.in_(ids) | Relation.to_id.in_(ids))
                & Relation.deleted.is_(None))).first()
            if linked:
                raise InputError(self.path, "some of these annotations are linked; remove "
                                            "their links before moving them to a new category")
            op = {"op": "split", "category": source, "new": new.key,
                  "annotations": sorted(found)}
            number = self._apply_codebook(
                s, self.full_codebook(), revised, author, check=False, operation=op,
                changes=[f"split category '{source}': {len(found)} annotation"
                         f"{'' if len(found) == 1 else 's'} moved to new category "
                         f"'{new.key}'"])
            s.flush()
            new_id = s.scalar(select(Category.id).where(Category.key == new.key))
            now = utcnow()
            for r in rows:
                r.category_id, r.updated = new_id, now
        self._codebook_committed(sorted(found))
        return number

    # --- undo ----------------------------------------------------------------------------

    def undo_operation(self, number: int, author: str = "") -> int:
        """Undo the operation recorded as codebook version `number` (recode or split):
        the annotations it changed get their old value or category back (those changed
        since are left as they are and counted), the codebook its old entry."""
        with self._read() as s:
            v = s.scalar(select(CodebookVersion).where(CodebookVersion.number == number))
            undone = [n for n, o in s.execute(select(CodebookVersion.number,
                                                     CodebookVersion.operation))
                      if isinstance(o, dict) and o.get("op") == "undo" and o.get("of") == number]
        try:
            op = operation(v.operation if v is not None else None)
        except ValueError:
            from .errors import ProjectError

            raise ProjectError(self.path, f"damaged project file (codebook version {number}: "
                                          "what it did cannot be read); `annotator check` "
                                          "lists the damage, `annotator backups` restores"
                               ) from None
        if op is None:
            raise NotFoundError(self.path, f"version {number} is not a recode or split to undo")
        if undone:
            raise InputError(self.path, f"version {number} was undone already (version "
                                        f"{undone[0]})")
        cb = self.codebook()
        revised = copy.deepcopy(cb)
        # what the undo puts things back into must still be there (a split's source may
        # be retired: its annotations are kept, and the moved ones go back among them)
        cat = revised.category(op["category"])
        if cat is None and (op["op"] == "recode" or self._category_id_or_none(op["category"])
                            is None):
            raise InputError(self.path, f"category '{op['category']}' is no longer in the "
                                        f"codebook; version {number} cannot be undone")
        if op["op"] == "recode" and cat.attribute(op["attribute"]) is None:
            raise InputError(self.path, f"attribute '{op['category']}.{op['attribute']}' is "
                                        f"no longer in the codebook; version {number} cannot "
                                        "be undone")
        with self._tx() as s:
            rows = list(s.scalars(select(Annotation).where(
                Annotation.uuid.in_(op["annotations"]))))
            now = utcnow()
            back = []
            if op["op"] == "recode":
                attr = revised.category(op["category"]).attribute(op["attribute"])
                if attr.value(op["old"]) is None:
                    from .codebook import ValueDef

                    attr.values.insert(min(op["position"], len(attr.values)),
                                       ValueDef(**op["value"]))
                for r in rows:
                    if (r.attrs or {}).get(op["attribute"]) == op["new"]:
                        r.attrs = {**r.attrs, op["attribute"]: op["old"]}
                        r.updated = now
                        back.append(r.uuid)
                line = (f"undid version {number}: value '{op['old']}' of "
                        f"'{op['category']}.{op['attribute']}' restored on {len(back)} "
                        "annotations")
            else:
                src_id = s.scalar(select(Category.id).where(Category.key == op["category"]))
                new_id = s.scalar(select(Category.id).where(Category.key == op["new"]))
                for r in rows:
                    if r.category_id == new_id:
                        r.category_id, r.updated = src_id, now
                        back.append(r.uuid)
                s.flush()
                still = s.scalars(select(Annotation.id).where(
                    Annotation.category_id == new_id)).first()
                revised.categories = [c for c in revised.categories
                                      if c.key != op["new"] or still]
                line = (f"undid version {number}: {len(back)} annotations moved back to "
                        f"'{op['category']}'" + ("" if still else
                                                  f", category '{op['new']}' removed"))
            result = self._apply_codebook(s, self.full_codebook(), revised, author, check=False,
                                          changes=[line],
                                          operation={"op": "undo", "of": number})
        self._codebook_committed(back)
        return result

    def _category_id_or_none(self, key: str) -> int | None:
        with self._read() as s:
            return s.scalar(select(Category.id).where(Category.key == key))

    def _codebook_committed(self, uuids: list[str]) -> None:
        self._codebook = None
        self._category_ids = None
        self._emit("codebook_changed", self.codebook())
        for u in uuids:
            try:
                self._emit("annotation_updated", self.annotation(u))
            except NotFoundError:
                pass


_TEXTS = {"recode": ("category", "attribute", "old", "new"), "split": ("category", "new")}


def operation(op) -> dict | None:
    """A version's recorded recode or split, checked (None: the version is neither);
    ValueError when it was edited into something an undo cannot read."""
    if op is None or (isinstance(op, dict) and op.get("op") not in _TEXTS):
        return None
    ok = isinstance(op, dict) and all(isinstance(op.get(k), str) for k in _TEXTS[op["op"]]) \
        and isinstance(op.get("annotations"), list) \
        and all(isinstance(u, str) for u in op["annotations"])
    if ok and op["op"] == "recode":
        value = op.get("value")
        ok = isinstance(op.get("position"), int) and isinstance(value, dict) \
            and isinstance(value.get("key"), str) \
            and set(value) <= {"key", "name_ar", "name_en", "description"} \
            and all(isinstance(x, str) for x in value.values())
    if not ok:
        raise ValueError("not a recode or split as recorded")
    return op
