"""Opening project files: engine and pragmas, the write lock, schema upgrades, backups.

Everything SQLite-specific lives here, so the rest of the core stays portable SQL.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from .errors import ProjectError, ProjectLockedError

# the file's identity and schema revision live in `schema` (no SQLAlchemy there, so a
# reader on plain sqlite3 decides with the same functions); kept importable from here
from .schema import (  # noqa: F401
    MIGRATIONS,
    SQLITE_MAGIC,
    SUFFIX,
    _alembic_config,
    _known_revisions,
    _revisions,
    check_is_project,
    explain_sqlite_error,
    one_revision,
    readonly_query,
    refuse_for_reading,
    schema_head,
    set_pragmas,
)

BACKUPS_KEPT = 10  # the newest ones; plus the first of each of the last BACKUP_DAYS days
BACKUP_DAYS = 7


def make_engine(path: Path, readonly: bool = False) -> Engine:
    if readonly:
        url = f"sqlite:///file:{path.as_posix()}?{readonly_query(path)}&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(url)
    event.listen(engine, "connect", lambda c, _r: set_pragmas(c, readonly))
    return engine


class ProjectLock:
    """An OS-level lock beside the project: released by the OS when a process dies, so a
    crash never leaves a project locked, and a second writer is refused at once."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = FileLock(str(path) + ".lock", timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise ProjectLockedError(
                self.path, "is open for writing in another process (the app or an import); "
                "close it there first"
            ) from None
        except OSError as exc:
            raise ProjectError(self.path, f"cannot create the lock file: {exc.strerror}") from None

    def release(self) -> None:
        self._lock.release()
        try:  # tidy up; harmless if another process grabbed it meanwhile
            os.unlink(self._lock.lock_file)
        except OSError:
            pass


def checkpoint(engine: Engine) -> None:
    """Move what WAL holds into the main file, without waiting for readers."""
    if engine.dialect.name != "sqlite":  # a server keeps its own log
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def current_revision(engine: Engine, path: Path | None = None) -> str | None:
    """The schema revision Alembic recorded (None: not stamped), read without Alembic."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            exists = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE "
                                       "type='table' AND name='alembic_version'")).scalar()
        else:  # PostgreSQL: the portable catalogue
            exists = conn.execute(text("SELECT count(*) FROM information_schema.tables "
                                       "WHERE table_name = 'alembic_version'")).scalar()
        if not exists:
            return None
        revs = [r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version"))]
    return one_revision(revs, path)


def upgrade(engine: Engine, path: Path) -> str | None:
    """Bring the schema to head. Returns the path of the backup written before an upgrade
    of an existing project (None for a new file or one already current)."""
    try:
        current = current_revision(engine, path)
    except DatabaseError as exc:
        raise ProjectError(path, f"damaged project file ({exc.orig})") from None
    head = schema_head()
    if current == head:
        _enable_wal(engine)
        return None
    if current is not None and current not in _known_revisions():
        raise ProjectError(
            path, f"made by a newer version of Annotator (schema {current}); "
            "update Annotator to open it"
        )
    backup = None
    if current is not None:
        backup = str(backup_copy(path, f"before-upgrade-{current}"))
    elif _has_tables(engine):
        raise ProjectError(path, "not an Annotator project (an SQLite database of something else)")
    migrate(engine)
    _enable_wal(engine)
    return backup


def migrate(engine: Engine) -> None:
    """Run the migrations to head on `engine` (SQLite or PostgreSQL alike)."""
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _enable_wal(engine: Engine) -> None:
    # Only once the file is known to be ours (WAL rewrites the header). WAL is persistent:
    # readers (the CLI, a supervisor's report) never block the coder's writes.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table'"))
                    .scalar())


def backup_copy(path: Path, reason: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while WAL holds recent commits).
    Kept in a `<name>.backups` folder beside the project (rotation: see backups.prune).
    Written under a temporary name and renamed, so a crash never leaves a half backup that
    looks whole. A copy identical to the newest backup is not kept (five no-op merges must
    not push the oldest backups away): that newest backup is returned instead."""
    folder = path.parent / (path.stem + ".backups")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{path.stem}.{stamp}.{reason}{SUFFIX}"
    part = dest.with_name(dest.name + ".part")
    try:
        folder.mkdir(exist_ok=True)
        src = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        newest = list_backups(path)[:1]
        if newest and filecmp.cmp(part, newest[0], shallow=False):
            part.unlink()
            return newest[0]
        os.replace(part, dest)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        why = getattr(exc, "strerror", None) or str(exc)
        raise ProjectError(path, f"backup failed ({why}); nothing was changed") from None
    from .backups import prune

    prune(path)
    return dest


def rolling_backup(path: Path) -> Path | None:
    """A backup on open, unless the newest one is already newer than every change."""
    backups = list_backups(path)
    # an empty -wal is just this open's connection; one with content holds commits
    wal = Path(str(path) + "-wal")
    changed = max([path.stat().st_mtime]
                  + ([wal.stat().st_mtime] if wal.exists() and wal.stat().st_size else []))
    if backups and backups[0].stat().st_mtime >= changed:
        return None
    return backup_copy(path, "on-open")


def list_backups(path: Path) -> list[Path]:
    """Newest first (names start with a sortable time stamp)."""
    folder = path.parent / (path.stem + ".backups")
    return sorted(folder.glob(f"{path.stem}.*{SUFFIX}"), reverse=True)


def restore_backup(backup: Path, path: Path) -> Path:
    """Replace the project with a backup (the caller has closed the project); returns the
    backup of the state before (rotated like any other). The backup is copied aside
    first: the safety copy of the current state may rotate it out."""
    staged = path.with_name(path.name + ".restoring")
    try:
        shutil.copyfile(backup, staged)
        safety = backup_copy(path, "before-restore")
        for extra in ("-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        os.replace(staged, path)
    except OSError as exc:
        raise ProjectError(path, f"restore failed ({exc.strerror}); the project is "
                                 "unchanged") from None
    finally:
        staged.unlink(missing_ok=True)
    return safety


def integrity_problems(engine: Engine) -> list[str]:
    problems: list[str] = []
    if engine.dialect.name != "sqlite":  # PostgreSQL enforces its constraints itself
        return problems
    with engine.connect() as conn:
        for (row,) in conn.execute(text("PRAGMA integrity_check")):
            if row != "ok":
                problems.append(f"database: {row}")
        for row in conn.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"database: row {row[1]} of {row[0]} points to a missing {row[2]}")
    return problems


def explain_operational_error(path: Path, exc: OperationalError) -> ProjectError:
    if not isinstance(path, Path):  # a server project: the network, roles, the server
        from .server.connect import explain

        return explain(path, exc)
    return explain_sqlite_error(path, str(exc.orig))


# Damage a reader would trip over (a KeyError, a time that cannot be parsed), found by SQL
# alone so an export can refuse a damaged file in milliseconds; `check` finds these and
# more row by row. (table, what, SQL selecting a label for each bad row)
_TIME = "({c} IS NOT NULL AND (typeof({c}) != 'text' OR datetime({c}) IS NULL))"
_DAMAGE = [
    ("annotations", "its category is missing",
     "SELECT uuid FROM annotations WHERE category_id NOT IN (SELECT id FROM categories)"),
    ("annotations", "its coder is missing",
     "SELECT uuid FROM annotations WHERE coder_id NOT IN (SELECT id FROM coders)"),
    ("annotations", "its document is missing",
     "SELECT uuid FROM annotations WHERE document_id NOT IN (SELECT id FROM documents)"),
    ("annotations", "attributes are not a JSON object",
     "SELECT uuid FROM annotations WHERE attrs IS NOT NULL AND (json_valid(attrs) = 0 "
     "OR json_type(attrs) != 'object')"),
    ("annotations", "a time is not a date and time",
     "SELECT uuid FROM annotations WHERE " + " OR ".join(
         _TIME.format(c=c) for c in ("created", "updated", "deleted"))),
    ("relations", "an end or its type is missing",
     "SELECT uuid FROM relations WHERE from_id NOT IN (SELECT id FROM annotations) "
     "OR to_id NOT IN (SELECT id FROM annotations) "
     "OR type_id NOT IN (SELECT id FROM relation_types) "
     "OR coder_id NOT IN (SELECT id FROM coders)"),
    ("relations", "a time is not a date and time",
     "SELECT uuid FROM relations WHERE " + " OR ".join(
         _TIME.format(c=c) for c in ("created", "updated", "deleted"))),
    ("assignments", "its time is not a date and time",
     "SELECT document_id FROM assignments WHERE " + _TIME.format(c="updated")),
    ("documents", "a time is not a date and time",
     "SELECT id FROM documents WHERE " + " OR ".join(
         _TIME.format(c=c) for c in ("published", "created"))),
    ("document_notes", "a time is not a date and time",
     "SELECT uuid FROM document_notes WHERE " + " OR ".join(
         _TIME.format(c=c) for c in ("created", "updated", "deleted"))),
    ("document_texts", "text is missing",  # check's row walk says it too: quick only
     "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM document_texts)"),
    ("documents", "metadata is not a JSON object",
     "SELECT id FROM documents WHERE meta IS NOT NULL AND (json_valid(meta) = 0 "
     "OR json_type(meta) != 'object')"),
    ("attributes", "choice values are not a JSON list",
     "SELECT key FROM attributes WHERE \"values\" IS NOT NULL AND "
     "(json_valid(\"values\") = 0 OR json_type(\"values\") != 'array')"),
]
_ROW_NAMES = {"annotations": "annotation", "relations": "relation",
              "assignments": "status of document", "documents": "document",
              "document_notes": "note", "document_texts": "document",
              "attributes": "attribute"}


def quick_damage(engine: Engine, tables: set[str]) -> list[str]:
    """One line per damaged row (only tables in `tables`, the ones present)."""
    out: list[str] = []
    if engine.dialect.name != "sqlite":  # json_valid() and typeof() are SQLite's
        return out
    needs = {"categories", "coders", "documents", "annotations", "relation_types"}
    with engine.connect() as conn:
        for table, what, sql in _DAMAGE:
            if table not in tables or not (needs & set(re.findall(r"\w+", sql))) <= tables:
                continue
            for (label,) in conn.execute(text(sql)):
                out.append(f"{_ROW_NAMES[table]} {label}: {what}")
    return out


# --- the shape of every row ------------------------------------------------------------------
# What each column must hold, from the models: a value of another type (a BLOB where text
# belongs, text where a number does, NULL where the schema was rebuilt without NOT NULL)
# fails deep inside a reader, an export or a drawing as an internal error. Found by one SQL
# scan per table, so `check` lists it and every command names the damage instead.

_TEXT_JSON = "(typeof({c}) != 'text' OR json_valid({c}) = 0)"
_JSON_SHAPE = {  # (table, column) -> (SQL true when wrong, what it must be)
    ("attributes", "values"): (  # not a list at all: _DAMAGE says so
        "(typeof({c}) = 'text' AND json_valid({c}) AND json_type({c}) = 'array' AND EXISTS "
        "(SELECT 1 FROM json_each({c}) WHERE type != 'object' "
        "OR json_type(value, '$.key') IS NOT 'text' "
        "OR coalesce(json_type(value, '$.name_ar'), 'text') != 'text' "
        "OR coalesce(json_type(value, '$.name_en'), 'text') != 'text' "
        "OR coalesce(json_type(value, '$.description'), 'text') != 'text'))",
        "a list of values with text keys and names"),
    ("codebook_versions", "codebook"): (f"({_TEXT_JSON} OR json_type({{c}}) != 'object')",
                                        "a JSON object"),
    ("codebook_versions", "changes"): (f"({_TEXT_JSON} OR json_type({{c}}) != 'array')",
                                       "a JSON list"),
    ("codebook_versions", "operation"): (  # SQLAlchemy stores None as JSON null
        f"({_TEXT_JSON} OR json_type({{c}}) NOT IN ('object', 'null'))", "a JSON object"),
}


# columns _DAMAGE checks already (one line for one problem)
_COVERED = {("annotations", c) for c in ("created", "updated", "deleted", "attrs")} | \
    {("relations", c) for c in ("created", "updated", "deleted")} | \
    {("document_notes", c) for c in ("created", "updated", "deleted")} | \
    {("documents", c) for c in ("published", "created", "meta")} | {("assignments", "updated")}


def _column_rule(table: str, col) -> tuple[str, str] | None:
    """(SQL true when the value in column `col` is wrong, what it must be)."""
    from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text

    c = f'"{col.name}"'
    kind = col.type
    if (table, col.name) in _JSON_SHAPE:
        wrong, what = _JSON_SHAPE[table, col.name]
        wrong = wrong.format(c=c)
    elif isinstance(kind, Boolean):
        wrong, what = f"{c} NOT IN (0, 1)", "true or false"
    elif isinstance(kind, Integer):
        wrong, what = f"typeof({c}) != 'integer'", "a whole number"
    elif isinstance(kind, DateTime):
        wrong, what = f"(typeof({c}) != 'text' OR datetime({c}) IS NULL)", "a date and time"
    elif isinstance(kind, JSON):
        wrong, what = _TEXT_JSON.format(c=c), "JSON"
    elif isinstance(kind, (String, Text)):
        wrong, what = f"typeof({c}) != 'text'", "text"
    else:
        return None
    if col.nullable or col.primary_key:
        return f"({c} IS NOT NULL AND {wrong})", what
    return f"({c} IS NULL OR {wrong})", what


def shape_damage(engine: Engine, tables: set[str],
                 skip: frozenset[tuple[str, str]] | set = frozenset()) -> list[str]:
    """One line per row holding a value of the wrong type in a column of the models (and
    per key given twice where the schema lost its UNIQUE), in the tables of `tables`;
    `skip`: (table, column) pairs the caller checks itself."""
    from .models import Base

    out: list[str] = []
    if engine.dialect.name != "sqlite":  # typeof() is SQLite's; a server types its columns
        return out
    with engine.connect() as conn:
        for name, table in Base.metadata.tables.items():
            if name not in tables:
                continue
            present = {r[1] for r in conn.execute(text(f'PRAGMA table_info("{name}")'))}
            rules = [(col.name, *rule) for col in table.columns
                     if col.name in present and (name, col.name) not in skip | _COVERED
                     and (rule := _column_rule(name, col)) is not None]
            if rules:
                cases = " ".join(f"WHEN {wrong} THEN {i}" for i, (_, wrong, _) in
                                 enumerate(rules))
                sql = (f'SELECT rowid, CASE {cases} END FROM "{name}" WHERE '
                       + " OR ".join(wrong for _, wrong, _ in rules) + " ORDER BY rowid")
                for rowid, i in conn.execute(text(sql)):
                    column, _, what = rules[i]
                    out.append(f"{name} row {rowid}: {column} is not {what}")
            unique = [col.name for col in table.columns
                      if col.unique and col.name in present and (name, col.name) not in skip]
            unique += [c.name for u in table.constraints
                       if type(u).__name__ == "UniqueConstraint" and len(u.columns) == 1
                       for c in u.columns if c.name in present and c.name not in unique]
            for column in unique:
                for (value,) in conn.execute(text(
                        f'SELECT "{column}" FROM "{name}" WHERE "{column}" IS NOT NULL '
                        f'GROUP BY "{column}" HAVING count(*) > 1 ORDER BY 1')):
                    out.append(f"{name}: {column} {_shown(value)} is given twice")
    return out


def _shown(value) -> str:
    s = repr(value)
    return s if len(s) <= 40 else s[:37] + "..."
