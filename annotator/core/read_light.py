"""A project file read through plain sqlite3, for commands that only read one article
(`annotator render`): SQLAlchemy and the ORM cost ~0.3 s to import, more than reading the
article and laying it out.

`ProjectReader.open` refuses every file `Project.open(path, readonly=True)` refuses, with
the same words (`schema` holds the checks both use): not a project file, a schema older or
newer than this version's (never upgraded, never read as if current), no project record.
Its methods hand out the records Project's do, equal field for field
(tests/test_read_light.py compares them). All reads see one snapshot of the file, even
while the coder's app writes to it. Damage found while reading (a dropped table, a time or
JSON that cannot be read) is one ProjectError naming the file, where Project would fail
with an internal error.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from . import schema
from .codebook.model import (
    AttributeDef,
    CategoryDef,
    Codebook,
    GroupDef,
    RelationDef,
    ValueDef,
)
from .errors import NotFoundError, ProjectError
from .records import AnnotationInfo, CoderInfo, DocumentInfo


class ProjectReader:
    """Read-only access to one project file; close it (or use `with`) when done."""

    readonly = True

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self._con = con
        self._codebook: Codebook | None = None

    @classmethod
    def open(cls, path) -> ProjectReader:
        path = Path(path)
        schema.check_is_project(path)
        # '?', '#' and '%' are syntax in an SQLite URI
        name = quote(path.as_posix(), safe="/:")
        try:
            con = sqlite3.connect(f"file:{name}?{schema.readonly_query(path)}", uri=True,
                                  isolation_level=None)
        except sqlite3.OperationalError as exc:
            raise schema.explain_sqlite_error(path, str(exc)) from None
        reader = cls(path, con)
        try:
            with reader._reading():
                schema.set_pragmas(con, readonly=True)
                tables = {r for (r,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'")}
                revs = ([r for (r,) in con.execute("SELECT version_num FROM alembic_version")]
                        if "alembic_version" in tables else [])
                schema.refuse_for_reading(path, schema.one_revision(revs, path))
                # one snapshot for every read that follows (a writer may be at work)
                con.execute("BEGIN")
                if con.execute("SELECT count(*) FROM project").fetchone()[0] != 1:
                    raise ProjectError(path, "not an Annotator project (no project record)")
        except BaseException:
            reader.close()
            raise
        return reader

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> ProjectReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """SQLite's errors and unreadable values as one line naming the file."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            table = str(exc).removeprefix("no such table: ")
            if table != str(exc):  # as Project.open for writing says it
                raise ProjectError(self.path, f"damaged project file (table {table} "
                                              "missing); restore a backup (annotator "
                                              "backups)") from None
            raise schema.explain_sqlite_error(self.path, str(exc)) from None
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            raise ProjectError(self.path, f"damaged project file ({exc}); restore a "
                                          "backup (annotator backups)") from None
        except _Unreadable as exc:
            raise ProjectError(self.path, f"damaged project file ({exc}); `annotator "
                                          "check` lists the damage, `annotator backups` "
                                          "restores") from None

    # --- what render reads ---------------------------------------------------------------

    def document(self, doc_id: int) -> DocumentInfo:
        """As Project.document: with metadata, annotation counts and status per coder."""
        con = self._con
        with self._reading():
            row = con.execute(
                "SELECT id, uuid, title, outlet, author, published, url, language, length, "
                "sha256, source_file, meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise NotFoundError(self.path, f"no document with id {doc_id}")
            counts = dict(con.execute(
                "SELECT c.name, count(*) FROM annotations a JOIN coders c ON c.id = a.coder_id "
                "WHERE a.document_id = ? AND a.deleted IS NULL GROUP BY c.name", (doc_id,)))
            status = dict(con.execute(
                "SELECT c.name, s.status FROM assignments s JOIN coders c "
                "ON c.id = s.coder_id WHERE s.document_id = ?", (doc_id,)))
            v = list(_texts(row, f"document {doc_id}", _DOCUMENT_COLUMNS, text=(2, 7, 9),
                            maybe=(1, 3, 4, 6, 10)))
            if not _is_int(v[8]):
                raise _Unreadable(f"document {doc_id}: length {v[8]!r} is not a whole number")
            v[5] = _time(v[5], "document", doc_id, "published")
            meta = _json(v.pop(), f"document {doc_id}: its metadata is not JSON")
            return DocumentInfo(*v, meta=meta or {}, annotations=counts, status=status)

    def text(self, doc_id: int) -> str:
        with self._reading():
            row = self._con.execute("SELECT text FROM document_texts WHERE document_id = ?",
                                    (doc_id,)).fetchone()
        if row is None or row[0] is None:
            raise NotFoundError(self.path, f"no document with id {doc_id}")
        if not isinstance(row[0], str):
            raise ProjectError(self.path, f"damaged project file (document {doc_id}: its "
                                          "text is not text); `annotator check` lists the "
                                          "damage, `annotator backups` restores")
        if len(row[0]) > MAX_TEXT_CHARS:  # more than any import lets in: drawn for minutes
            raise ProjectError(self.path, f"damaged project file (document {doc_id}: its "
                                          f"text is {len(row[0]):,} characters, more than "
                                          "an article can be); `annotator check` lists the "
                                          "damage, `annotator backups` restores")
        return row[0]

    def annotations(self, doc_id: int, coder: str | None = None,
                    include_deleted: bool = False) -> list[AnnotationInfo]:
        """As Project.annotations of one document, in the same order."""
        sql = (f"SELECT {_ANNOTATION_COLUMNS} FROM annotations a "
               "JOIN coders c ON c.id = a.coder_id JOIN categories k ON k.id = a.category_id "
               "WHERE a.document_id = ?")
        args: list = [doc_id]
        if coder is not None:
            sql += " AND c.name = ?"
            args.append(coder)
        if not include_deleted:
            sql += " AND a.deleted IS NULL"
        sql += ' ORDER BY a.document_id, a.start, a."end", a.id'
        with self._reading():
            return [_annotation(r) for r in self._con.execute(sql, args)]

    def codebook(self) -> Codebook:
        """As Project.codebook: the categories in use (not retired), in their order."""
        if self._codebook is None:
            con = self._con
            with self._reading():
                name, version, description = _texts(con.execute(
                    "SELECT codebook_name, codebook_version, codebook_description "
                    "FROM project").fetchone(), "project", ("codebook_name", "",
                                                            "codebook_description"),
                    text=(0, 2))
                if not _is_int(version):
                    raise _Unreadable(f"project: codebook_version {version!r} is not a whole "
                                      "number")
                attrs: dict[int, list] = {}
                for r in con.execute(
                        'SELECT category_id, key, name_ar, name_en, type, "values", ordinal, '
                        "suggest, required, description FROM attributes "
                        "ORDER BY category_id, position, id"):
                    r = _texts(r, f"attribute {r[1]!r}", _ATTRIBUTE_COLUMNS,
                               text=(1, 2, 3, 4, 9))
                    attrs.setdefault(r[0], []).append(_Row(
                        key=r[1], name_ar=r[2], name_en=r[3], type=r[4],
                        values=_values(r[5], r[1]), ordinal=_bool(r[6]), suggest=_bool(r[7]),
                        required=_bool(r[8]), description=r[9]))
                cats = [category_def(_Row(
                    key=r[1], name_ar=r[2], name_en=r[3], color=r[4], hotkey=r[5], kind=r[6],
                    description=r[7], retired=_bool(r[8]), group_key=r[9],
                    attributes=attrs.get(r[0], [])))
                    for r in _checked(con.execute(
                        "SELECT id, key, name_ar, name_en, color, hotkey, kind, description, "
                        "retired, group_key FROM categories WHERE retired IS 0 "
                        "ORDER BY position"), "category", _CATEGORY_COLUMNS,
                        text=(1, 2, 3, 4, 6, 7), maybe=(5, 9))]
                rels = [RelationDef(key=r[0], name_ar=r[1], name_en=r[2], from_category=r[3],
                                    to_category=r[4], description=r[5])
                        for r in _checked(con.execute(
                            "SELECT key, name_ar, name_en, from_category, to_category, "
                            "description FROM relation_types ORDER BY id"), "relation type",
                            _RELATION_COLUMNS, text=range(6), label=0)]
                groups = [GroupDef(key=r[0], name_ar=r[1], name_en=r[2], description=r[3],
                                   parent=r[4])
                          for r in _checked(con.execute(
                              "SELECT key, name_ar, name_en, description, parent "
                              "FROM category_groups ORDER BY position"), "group",
                              _GROUP_COLUMNS, text=range(4), maybe=(4,), label=0)]
                self._codebook = Codebook(name=name, version=version, description=description,
                                          categories=cats, relations=rels, groups=groups)
        return self._codebook

    def coders(self) -> list[CoderInfo]:
        with self._reading():
            return [CoderInfo(*r) for r in self._con.execute(
                "SELECT id, uuid, name, role FROM coders ORDER BY name")]


def category_def(c) -> CategoryDef:
    """A CategoryDef from a stored category (an ORM row, or the reader's) and its
    attributes (in their order)."""
    return CategoryDef(
        key=c.key, name_ar=c.name_ar, name_en=c.name_en, color=c.color, hotkey=c.hotkey,
        kind=c.kind, description=c.description,
        attributes=[AttributeDef(
            key=a.key, name_ar=a.name_ar, name_en=a.name_en, type=a.type,
            values=[ValueDef(key=v["key"], name_ar=v.get("name_ar", ""),
                             name_en=v.get("name_en", ""),
                             description=v.get("description", ""),
                             retired=bool(v.get("retired"))) for v in a.values],
            ordinal=a.ordinal, suggest=a.suggest, required=a.required,
            description=a.description) for a in c.attributes],
        retired=bool(c.retired), group=c.group_key,
    )


class _Row:
    def __init__(self, **kw):
        self.__dict__.update(kw)


# AnnotationInfo's fields in order, as columns (a field added without one fails at once)
_ANNOTATION_COLUMNS = ", ".join({
    "id": "a.id", "uuid": "a.uuid", "doc_id": "a.document_id", "coder": "c.name",
    "category": "k.key", "start": "a.start", "end": 'a."end"', "quote": "a.quote",
    "attrs": "a.attrs", "created": "a.created", "updated": "a.updated",
    "deleted": "a.deleted", "decided_by": "a.decided_by", "origin_uuid": "a.origin_uuid",
    "note": "a.note", "flag": "a.flag", "origin": "a.origin"}[f.name]
    for f in fields(AnnotationInfo))
_NAMES = [f.name for f in fields(AnnotationInfo)]
_TIMES = [i for i, n in enumerate(_NAMES) if n in ("created", "updated", "deleted")]
_ATTRS, _NOTE, _FLAG = (_NAMES.index(n) for n in ("attrs", "note", "flag"))
_NO_ATTRS = (None, "{}", "null")


def _annotation(r) -> AnnotationInfo:
    """The values Project.annotations gives (SQLAlchemy's conversions, by hand); a value
    of the wrong type, or a span that starts before the text, is damage (drawn, it would
    fail inside Qt)."""
    v = list(_texts(r, f"annotation {r[1]!r}", _NAMES, text=(1, 3, 4, 7),
                    maybe=(12, 13, 14, 16)))
    start, end = v[_NAMES.index("start")], v[_NAMES.index("end")]
    if not (_is_int(start) and _is_int(end) and start >= 0):
        raise _Unreadable(f"annotation {v[1]}: its span {start!r}-{end!r} is not a span of "
                          "the text")
    for i in _TIMES:
        v[i] = _time(v[i], "annotation", v[1], _NAMES[i])
    raw = v[_ATTRS]
    if raw in _NO_ATTRS:
        v[_ATTRS] = {}
    else:
        v[_ATTRS] = _json(raw, f"annotation {v[1]}: its attributes are not JSON") or {}
    v[_NOTE] = v[_NOTE] or ""
    v[_FLAG] = bool(v[_FLAG])
    return AnnotationInfo(*v)


class _Unreadable(ValueError):
    pass


# more characters than an article can have: the import limit is MAX_DOCUMENT_BYTES of
# UTF-8, which is at least one byte a character
MAX_TEXT_CHARS = 10 * 1024 * 1024
_DOCUMENT_COLUMNS = ("id", "uuid", "title", "outlet", "author", "published", "url",
                     "language", "length", "sha256", "source_file", "meta")
_ATTRIBUTE_COLUMNS = ("category_id", "key", "name_ar", "name_en", "type", "values",
                      "ordinal", "suggest", "required", "description")
_CATEGORY_COLUMNS = ("id", "key", "name_ar", "name_en", "color", "hotkey", "kind",
                     "description", "retired", "group_key")
_RELATION_COLUMNS = ("key", "name_ar", "name_en", "from_category", "to_category",
                     "description")
_GROUP_COLUMNS = ("key", "name_ar", "name_en", "description", "parent")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _texts(row, what: str, columns, text=(), maybe=()):
    """`row` if its columns `text` hold text and `maybe` text or NULL (a BLOB or NULL
    where text belongs would fail deep in the drawing)."""
    for i in text:
        if not isinstance(row[i], str):
            raise _Unreadable(f"{what}: {columns[i]} is not text")
    for i in maybe:
        if row[i] is not None and not isinstance(row[i], str):
            raise _Unreadable(f"{what}: {columns[i]} is not text")
    return row


def _checked(rows, what: str, columns, text=(), maybe=(), label=1):
    for r in rows:
        yield _texts(r, f"{what} {r[label]!r}", columns, text, maybe)


def _time(value, what: str, label, column: str) -> datetime | None:
    # SQLAlchemy's DateTime on SQLite reads its text with datetime.fromisoformat
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Unreadable(f"{what} {label}: {column} {value!r} is not a date and time"
                          ) from None


def _json(value, unreadable: str):
    # SQLAlchemy's JSON on SQLite: the stored text decoded; a bare number stays a number
    if value is None or isinstance(value, int | float):
        return value
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        raise _Unreadable(unreadable) from None


def _values(value, attribute: str) -> list:
    """A choice attribute's values: a list of {"key": ...}."""
    if value is None:
        return []
    values = _json(value, f"attribute {attribute}: its values are not JSON")
    if not isinstance(values, list) or not all(isinstance(v, dict) and "key" in v
                                               for v in values):
        raise _Unreadable(f"attribute {attribute}: its values are not a list of values")
    return values


def _bool(value) -> bool | None:
    return None if value is None else bool(value)
