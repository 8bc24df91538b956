"""Codebook versions and what stored work uses. Mixed into `core.project.Project`.

Every saved change of the codebook makes a numbered version (time, who, the change list,
the whole codebook as it then was); `ProjectInfo.codebook_version` is the newest number.
A codebook that would leave stored annotations meaning nothing (a used value removed, a
used attribute's type changed) is refused with the list of what uses it: such changes go
through the operations that rewrite the data (recode, see core/codebook/operations.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .codebook import Codebook
from .codebook.changes import Usage, conflicts, describe_changes
from .errors import CodebookError
from .models import Annotation, Category, CodebookVersion, Relation, RelationType


class CodebookConflictError(CodebookError):
    """The new codebook does not fit stored work; `problems` lists each conflict, the
    last what to do."""

    KEEP_LAST = True


@dataclass(frozen=True)
class VersionInfo:
    number: int
    created: datetime
    author: str
    changes: list
    operation: dict | None

    def to_json(self) -> dict:
        return {"number": self.number, "created": self.created.isoformat(),
                "author": self.author, "changes": list(self.changes),
                "operation": (self.operation or {}).get("op")}


class VersionsMixin:
    def codebook_history(self) -> list[VersionInfo]:
        with self._read() as s:
            return [VersionInfo(v.number, v.created, v.author, list(v.changes or []),
                                v.operation)
                    for v in s.scalars(select(CodebookVersion).order_by(CodebookVersion.number))]

    def codebook_version(self, number: int) -> Codebook:
        """The codebook as it was at version `number`."""
        with self._read() as s:
            v = s.scalar(select(CodebookVersion).where(CodebookVersion.number == number))
        if v is None:
            from .errors import NotFoundError

            raise NotFoundError(self.path, f"no codebook version {number}")
        return Codebook.from_dict(v.codebook)

    def versions_used(self, coders: list[str] | None = None,
                      doc_ids: list[int] | None = None) -> list[int]:
        """The codebook versions the live annotations (of `coders`, in `doc_ids`) were
        last coded with: what figures computed from them rest on."""
        from .models import Coder

        with self._read() as s:
            q = (select(Annotation.codebook_version).distinct()
                 .where(Annotation.deleted.is_(None), Annotation.codebook_version.is_not(None)))
            if coders:
                q = q.join(Coder, Coder.id == Annotation.coder_id).where(Coder.name.in_(coders))
            if doc_ids is not None:
                q = q.where(Annotation.document_id.in_(doc_ids))
            return sorted(s.scalars(q))

    def usage(self, s: Session | None = None) -> Usage:
        """What the live annotations and links use (see Usage)."""
        if s is None:
            with self._read() as s2:
                return self.usage(s2)
        u = Usage()
        cats = dict(s.execute(select(Category.id, Category.key)).all())
        for uuid, cid, attrs in s.execute(select(Annotation.uuid, Annotation.category_id,
                                                 Annotation.attrs)
                                          .where(Annotation.deleted.is_(None))):
            key = cats.get(cid)
            u.add(key, uuid, u.categories)
            for a, v in (attrs or {}).items():
                if v is None or v == "":
                    continue
                u.add((key, a), uuid, u.attributes)
                if isinstance(v, str):
                    u.add((key, a, v), uuid, u.values)
        for uuid, key in s.execute(select(Relation.uuid, RelationType.key)
                                   .join(RelationType, RelationType.id == Relation.type_id)
                                   .where(Relation.deleted.is_(None))):
            u.add(key, uuid, u.relations)
        return u

    def full_codebook(self) -> Codebook:
        """The codebook with its retired categories (flagged), as the data knows it."""
        cb = self.codebook()
        with self._read() as s:
            from .read_light import category_def as _category_def

            retired = [_category_def(c) for c in s.scalars(
                select(Category).where(Category.retired.is_(True))
                .options(selectinload(Category.attributes)).order_by(Category.position))]
        return Codebook(name=cb.name, version=cb.version, description=cb.description,
                        categories=list(cb.categories) + retired,
                        relations=list(cb.relations), groups=list(cb.groups))

    def codebook_conflicts(self, cb: Codebook, s: Session | None = None) -> list[str]:
        """Why `cb` cannot replace the codebook of this project's stored work (empty: it
        can). A used category left out is not a conflict: it is retired, data kept."""
        old = self.full_codebook()
        return conflicts(_with_dropped_as_retired(cb, old), old, self.usage(s))

    def _record_version(self, s: Session, old: Codebook | None, new: Codebook, author: str,
                        changes: list[str] | None = None, operation: dict | None = None
                        ) -> int | None:
        """Store a version when something changed; returns its number (None: nothing)."""
        lines = describe_changes(old, new) if changes is None else changes
        if not lines and old is not None:
            return None
        last = s.scalar(select(func.max(CodebookVersion.number))) or 0
        # a project older than versions goes on from the number its codebook file gave
        number = max(last + 1, (old.version + 1) if old is not None else new.version)
        data = new.to_dict()
        data["version"] = number
        s.add(CodebookVersion(number=number, author=author or "", changes=lines,
                              codebook=data, operation=operation))
        return number


def _with_dropped_as_retired(cb: Codebook, old: Codebook) -> Codebook:
    keys = {c.key for c in cb.categories}
    dropped = [c for c in old.categories if c.key not in keys]
    if not dropped:
        return cb
    from dataclasses import replace

    # a retired category whose group went too is kept at the top level
    return replace(cb, categories=list(cb.categories)
                   + [replace(c, retired=True, group=c.group if cb.group(c.group) else None)
                      for c in dropped])
