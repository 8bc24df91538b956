"""Everything wrong with a stored project, listed, never a crash: SQLite's own checks,
tables that are missing, texts against their SHA-256, and every annotation, relation,
assignment and coder through the same rules a merge or an import applies on the way in
(`validate`). Rows are read raw, so a bad time or non-JSON attributes are reported, not
raised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DatabaseError, SQLAlchemyError
from sqlalchemy.orm import selectinload

from . import db, validate
from .codebook import CategoryDef, RelationDef
from .models import Base, Category, RelationType
from .progress import CancelToken, Progress, checkpoint
from .progress import report as report_progress
from .records import STATUSES
from .text import sha256

ANNOTATION_COLUMNS = ("id", "uuid", "document_id", "coder_id", "category_id", "start", "end",
                      "quote", "attrs", "created", "updated", "deleted", "decided_by",
                      "origin_uuid", "note", "flag", "origin", "codebook_version")
RELATION_COLUMNS = ("id", "uuid", "from_id", "to_id", "type_id", "coder_id", "created",
                    "updated", "deleted")


def raw_rows(conn, table: str, columns: tuple[str, ...]) -> Iterator[dict]:
    """Rows as SQLite holds them (no type conversion that could raise), as dicts."""
    cols = ", ".join(f'"{c}"' for c in columns)
    for row in conn.execute(text(f'SELECT {cols} FROM "{table}" ORDER BY 1')):
        yield dict(zip(columns, row, strict=True))


def missing_tables(engine) -> list[str]:
    present = set(inspect(engine).get_table_names())
    return [t for t in Base.metadata.tables if t not in present]


def category_defs(session) -> dict[int, CategoryDef]:
    """Every category by id, retired ones too (their annotations stay valid)."""
    from .read_light import category_def as _category_def

    return {c.id: _category_def(c) for c in session.scalars(
        select(Category).options(selectinload(Category.attributes)))}


def relation_defs(session) -> dict[int, RelationDef]:
    return {r.id: RelationDef(key=r.key, name_ar=r.name_ar, name_en=r.name_en,
                              from_category=r.from_category, to_category=r.to_category)
            for r in session.scalars(select(RelationType))}


def problems(project, quick: bool = False, progress: Progress | None = None,
             cancel: CancelToken | None = None) -> list[str]:
    """Every problem, one line each. `quick`: only the damage a reader would trip over
    (missing tables, rows pointing nowhere, non-JSON attributes, times that are not
    times), found by SQL in milliseconds, for an export to refuse a damaged file."""
    engine = project._engine
    out: list[str] = []
    missing = missing_tables(engine)
    out += [f"database: table '{t}' is missing" for t in missing]
    if not quick:
        try:
            out += db.integrity_problems(engine)
        except SQLAlchemyError as exc:
            out.append(f"database: the integrity check failed ({_why(exc)})")
    have = set(Base.metadata.tables) - set(missing)
    try:
        if quick:
            out += db.quick_damage(engine, have)
            out += db.shape_damage(engine, have)
        else:
            with project._read() as s:
                out += _rows(s, have, progress, cancel)
            # the rows _rows does not walk one by one (document metadata and times,
            # choice values, values of the wrong type), by the same SQL scans export
            # refuses a damaged file with
            out += db.quick_damage(engine, have & {"documents", "attributes"})
            out += db.shape_damage(engine, have - ROWS_WALKED, skip={("coders", "name")})
    except DatabaseError as exc:
        out.append(f"database: cannot be read ({_why(exc)})")
    return out


# the tables _rows validates row by row, column by column (shape_damage would say it twice)
ROWS_WALKED = {"annotations", "relations", "document_notes", "assignments"}

DAMAGE_SHOWN = 3


def damage_summary(damage: list[str], what: str = "project",
                   advice: str = "`annotator check` lists them, `annotator backups` "
                                 "restores") -> str:
    """One line for a damaged project: how many problems, the first few, what to do."""
    more = len(damage) - DAMAGE_SHOWN
    return (f"damaged {what} ({len(damage)} problem{'s' if len(damage) != 1 else ''}: "
            + "; ".join(damage[:DAMAGE_SHOWN]) + (f"; and {more} more" if more > 0 else "")
            + f"); {advice}")


def package_damage(package) -> list[str]:
    """The damage a merge cannot read a coder's file past: tables missing, values of the
    wrong type outside the rows a merge validates one by one as they come in (which it
    names itself, row by row)."""
    engine = package._engine
    missing = missing_tables(engine)
    out = [f"database: table '{t}' is missing" for t in missing]
    have = set(Base.metadata.tables) - set(missing)
    try:
        out += db.quick_damage(engine, have & {"attributes"})
        out += db.shape_damage(engine, have - ROWS_WALKED)
    except DatabaseError as exc:
        out.append(f"database: cannot be read ({_why(exc)})")
    return out


def damage_behind(path) -> str | None:
    """After an unexpected error on the project file `path`: the damage that explains it
    (a line for the user), or None when the file is sound (then it is our bug)."""
    from .project import Project

    try:
        with Project.open(path, readonly=True) as p:
            damage = problems(p, quick=True)
    except Exception:  # it cannot even be opened: let the original error stand
        return None
    return damage_summary(damage) if damage else None


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _rows(s, have: set[str], progress: Progress | None, cancel: CancelToken | None
          ) -> list[str]:
    out: list[str] = []
    conn = s.connection()
    texts: dict[int, str] = {}
    if {"documents", "document_texts"} <= have:
        total = conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0
        report_progress(progress, 0, total)
        for done, (doc_id, digest, length, body) in enumerate(conn.execute(text(
                "SELECT d.id, d.sha256, d.length, t.text FROM documents d "
                "LEFT JOIN document_texts t ON t.document_id = d.id ORDER BY d.id")), 1):
            if done % 200 == 0:
                checkpoint(cancel)
                report_progress(progress, done, total)
            if not isinstance(body, str):
                out.append(f"document {doc_id}: text is missing")
                continue
            texts[doc_id] = body
            if len(body) != length or sha256(body) != digest:
                out.append(f"document {doc_id}: text does not match its SHA-256")
        report_progress(progress, total, total)
    coders: dict[int, Any] = {}
    if "coders" in have:
        for cid, name in conn.execute(text("SELECT id, name FROM coders ORDER BY id")):
            coders[cid] = name
            try:
                validate.coder_name(name)
            except validate.Invalid as exc:
                out.append(f"coder {cid}: {exc.message}")
    cats: dict[int, CategoryDef] = {}
    rtypes: dict[int, RelationDef] = {}
    if {"categories", "attributes"} <= have:
        try:
            cats = category_defs(s)
        except (SQLAlchemyError, ValueError, TypeError, KeyError, AttributeError) as exc:
            out.append(f"codebook: its categories cannot be read ({_why(exc)})")
    if {"categories", "category_groups"} <= have:
        out += _group_problems(conn)
    if "relation_types" in have:
        try:
            rtypes = relation_defs(s)
        except SQLAlchemyError as exc:
            out.append(f"codebook: its relation types cannot be read ({_why(exc)})")
    if cats and {"project", "category_groups", "relation_types"} <= have:
        out += _codebook_problems(conn, cats, rtypes)
    ends: dict[int, dict] = {}
    if "annotations" in have:
        for row in raw_rows(conn, "annotations", ANNOTATION_COLUMNS):
            where = f"annotation {row['uuid']} (document {row['document_id']})"
            cat = cats.get(row["category_id"])
            if row["coder_id"] not in coders:
                out.append(f"{where}: its coder {row['coder_id']} is missing")
            try:
                v = validate.annotation(row, cat, texts.get(row["document_id"]))
            except validate.Invalid as exc:
                out.append(f"{where}: {exc.message}")
                v = {"deleted": row["deleted"]}
            ends[row["id"]] = {"document_id": row["document_id"],
                               "category": cat.key if cat else None,
                               "deleted": v["deleted"]}
    if "relations" in have:
        for row in raw_rows(s.connection(), "relations", RELATION_COLUMNS):
            where = f"relation {row['uuid']}"
            src, dst = ends.get(row["from_id"]), ends.get(row["to_id"])
            try:
                v = validate.relation(row, rtypes.get(row["type_id"]), src, dst)
            except validate.Invalid as exc:
                out.append(f"{where}: {exc.message}")
                continue
            if v["deleted"] is None and (src["deleted"] is not None
                                         or dst["deleted"] is not None):
                out.append(f"{where}: links a deleted annotation")
    if "document_notes" in have:  # article notes, as a merge takes them in
        for row in raw_rows(conn, "document_notes", ("id", "uuid", "document_id", "coder_id",
                                                     "text", "created", "updated", "deleted")):
            where = f"note {row['uuid']} (document {row['document_id']})"
            try:
                validate.uuid(row["uuid"])
                validate.time(row["created"], "created")
                validate.time(row["updated"], "updated")
                validate.time(row["deleted"], "deleted", required=False)
                validate.memo(row["text"], False)
            except validate.Invalid as exc:
                out.append(f"{where}: {exc.message}")
    if "codebook_versions" in have:  # what an undo reads (`recode --undo N`)
        from .recode import operation

        for number, raw in conn.execute(text(
                "SELECT number, operation FROM codebook_versions ORDER BY number")):
            try:
                op = json.loads(raw) if isinstance(raw, str) else None
            except ValueError:
                op = None  # not a JSON object: shape_damage says so
            try:
                operation(op if isinstance(op, dict) else None)
            except ValueError:
                out.append(f"codebook version {number}: what it did cannot be read")
    if "assignments" in have:
        for doc_id, cid, status, updated in conn.execute(text(
                "SELECT document_id, coder_id, status, updated FROM assignments "
                "ORDER BY 1, 2")):
            where = f"status of document {doc_id} for coder {coders.get(cid, cid)}"
            if status not in STATUSES:
                out.append(f"{where}: {status!r} is not one of {', '.join(STATUSES)}")
            try:
                validate.time(updated, "updated")
            except validate.Invalid as exc:
                out.append(f"{where}: {exc.message}")
    return out


_REFERENCES = re.compile(r"(groups\[\d+\]\.parent|categories\[\d+\]\.group): ")
_ENTRY = re.compile(r"(categories|groups|relations)\[(\d+)\]")


def _codebook_problems(conn, cats: dict[int, CategoryDef],
                       rtypes: dict[int, RelationDef]) -> list[str]:
    """The stored codebook checked as a codebook file is (a key that is not a key, a
    colour, kind, hotkey or type that is none): what an editor or import never stores,
    and the editor could not save back. Groups' references are _group_problems' to say."""
    from .codebook import Codebook, GroupDef
    from .errors import CodebookError

    try:
        name, version, description = conn.execute(text(
            "SELECT codebook_name, codebook_version, codebook_description FROM project"
        )).one()
        order = [i for (i,) in conn.execute(text(
            "SELECT id FROM categories ORDER BY retired, position, id")) if i in cats]
        groups = [GroupDef(*r) for r in conn.execute(text(
            "SELECT key, name_ar, name_en, description, parent FROM category_groups "
            "ORDER BY position, id"))]
        cb = Codebook(name=name, version=version, description=description,
                      categories=[cats[i] for i in order], relations=list(rtypes.values()),
                      groups=groups)
        Codebook.from_dict(cb.to_dict())
    except CodebookError as exc:
        return [f"codebook: {_named(p, cb)}" for p in exc.problems
                if not _REFERENCES.match(p)]
    except Exception:  # noqa: BLE001 - values of the wrong type: shape_damage says so
        return []
    return []


def _named(problem: str, cb) -> str:
    """'categories[3].color: ...' as "category 'claim'.color: ..." (positions in a list
    put together here mean nothing to the user)."""
    m = _ENTRY.match(problem)
    if m:
        items = getattr(cb, m.group(1))
        key = items[int(m.group(2))].key if int(m.group(2)) < len(items) else None
        if isinstance(key, str) and key and key.isprintable():
            what = {"categories": "category", "groups": "group", "relations": "relation"}
            return f"{what[m.group(1)]} '{key}'{problem[m.end():]}"
    return problem


def _group_problems(conn) -> list[str]:
    """Groups are checked as a codebook file's are: each parent known, no loop, and every
    category filed in a group that exists (an editor or import never stores otherwise)."""
    from .codebook.validation import MAX_GROUP_DEPTH

    out = []
    parents = dict(conn.execute(text("SELECT key, parent FROM category_groups")).all())
    for key, parent in parents.items():
        if parent is not None and parent not in parents:
            # said once, for the group that names it; the groups inside it are fine
            out.append(f"codebook: group '{key}' sits in group '{parent}', which does not "
                       "exist")
            continue
        seen, p = [key], parent
        while p is not None and p in parents and p not in seen and len(seen) <= MAX_GROUP_DEPTH:
            seen.append(p)
            p = parents[p]
        if p is not None and p not in parents:
            continue  # a missing group further up: reported for the group that names it
        if p in seen:
            out.append(f"codebook: group '{key}' is in a loop of groups ({' > '.join(map(str, seen))})")
        elif len(seen) > MAX_GROUP_DEPTH:
            out.append(f"codebook: group '{key}' is nested more than {MAX_GROUP_DEPTH} deep")
    for key, group in conn.execute(text(
            "SELECT key, group_key FROM categories WHERE group_key IS NOT NULL ORDER BY key")):
        if group not in parents:
            out.append(f"codebook: category '{key}' is filed in group '{group}', which "
                       "does not exist")
    return out
