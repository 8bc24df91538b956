"""What a project file is, told without SQLAlchemy: the SQLite header, the schema revision
this version expects (read from the migration files as text), the refusal of any other
revision by a reader, and the one-line messages for SQLite's errors.

`db` (SQLAlchemy) and `read_light` (plain sqlite3, for `render`) both decide through
these functions, so a file one refuses the other refuses with the same words.
"""

from __future__ import annotations

import os
import re
import shutil
from functools import lru_cache
from pathlib import Path

from .errors import ProjectError, ProjectLockedError

SUFFIX = ".annot"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _alembic_config():
    # Alembic costs ~0.1 s to import: loaded only when a schema really is upgraded.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w-]+|None)['"]?""",
                       re.M)


@lru_cache(maxsize=1)
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision of every migration file, read as text (not imported)."""
    out: dict[str, str | None] = {}
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(m.groups() for m in _REVISION.finditer(f.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            out[found["revision"]] = None if down in (None, "None") else down
    return out


def schema_head() -> str:
    revs = _revisions()
    heads = set(revs) - set(revs.values())
    if len(heads) != 1:  # a broken chain: let Alembic say what is wrong
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(_alembic_config()).get_current_head()
    return heads.pop()


def _known_revisions() -> set[str]:
    return set(_revisions())


def one_revision(revs: list[str], path: Path | None = None) -> str | None:
    """The revision of the rows of alembic_version (None: not stamped)."""
    if len(revs) > 1:
        raise ProjectError(path, f"the schema has several revisions ({', '.join(revs)})")
    return revs[0] if revs else None


def refuse_for_reading(path, rev: str | None) -> None:
    """A reader opens the head schema only: it never upgrades, and never reads an older
    or newer schema as if it were this one."""
    if rev == schema_head():
        return
    if rev is None:
        raise ProjectError(path, "not an Annotator project")
    if rev not in _known_revisions():
        raise ProjectError(path, f"made by a newer version of Annotator (schema {rev}); "
                                 "update Annotator to open it")
    raise ProjectError(path, f"schema {rev} is older than this version's {schema_head()}; "
                             "open it for writing to upgrade it")


def check_is_project(path: Path) -> None:
    """Refuse, with one line, anything that is not an SQLite project file."""
    if not path.exists():
        raise ProjectError(path, "no such project file")
    if path.is_dir():
        raise ProjectError(path, "is a folder, not a project file")
    if not path.is_file():  # a named pipe would be waited on for ever, a device read
        raise ProjectError(path, "not a regular file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except PermissionError:
        raise ProjectError(path, "cannot be read (permission denied)") from None
    if head != SQLITE_MAGIC:
        raise ProjectError(path, "not an Annotator project (not an SQLite database)")


def set_pragmas(dbapi_conn, readonly: bool) -> None:
    """On every new connection (a DB-API one: sqlite3's, or SQLAlchemy's underneath)."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    if not readonly:
        # A committed annotation survives a power cut, not only a crash.
        cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def readonly_query(path: Path) -> str:
    """The SQLite URI parameters of a read-only connection to `path`."""
    if not os.access(path.parent, os.W_OK) and not Path(str(path) + "-shm").exists():
        # A WAL database needs its -shm file; in a folder nobody can write (a CD, a
        # read-only share) read it as immutable instead, which needs none.
        return "mode=ro&immutable=1"
    return "mode=ro"


def _disk_nearly_full(path: Path) -> bool:
    if not isinstance(path, Path):  # a server address
        return False
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def explain_sqlite_error(path: Path, msg: str) -> ProjectError:
    """One line for an operational error of SQLite (`msg`: its message)."""
    if "readonly" in msg or "read-only" in msg:
        journal = Path(f"{path}-journal") if isinstance(path, Path) else None
        if journal is not None and journal.exists() and os.access(path, os.W_OK):
            # a read-only open cannot roll back what a stopped program half wrote
            return ProjectError(path, f"was left half-written by a program that stopped "
                                      f"({journal.name} is beside it); open it for writing "
                                      "once (the desktop app, or any command that changes "
                                      "it) and the unfinished change is rolled back")
        return ProjectError(path, "is read-only; copy it somewhere you can write, or fix "
                                  "the permissions")
    if ("disk" in msg and "full" in msg) or _disk_nearly_full(path):
        return ProjectError(path, "the disk is full; nothing was saved by this step")
    if "disk I/O error" in msg:
        return ProjectError(path, "the disk could not be written (disk I/O error); nothing "
                                  "was saved by this step")
    if "unable to open database file" in msg:
        return ProjectError(path, "cannot be opened (is its folder writable and present?)")
    if "locked" in msg:
        return ProjectLockedError(path, "is busy in another process; try again")
    return ProjectError(path, f"database error: {msg}")
