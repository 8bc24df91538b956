"""A project that lives in PostgreSQL: the same schema (the same Alembic migrations) and
the same `Project` API as a file, opened from a `postgresql://` address."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker

from ..errors import ProjectError
from .url import ServerURL


def make_server_engine(url: ServerURL):
    # pre-ping: a laptop that slept finds the dropped connection before using it
    return create_engine(url.sqlalchemy, pool_pre_ping=True, pool_size=2, max_overflow=4,
                         connect_args={"connect_timeout": 10,
                                       "application_name": "annotator"})


def explain(url, exc: Exception) -> ProjectError:
    """One line for a server error: unreachable, refused, no such database, no right."""
    orig = getattr(exc, "orig", exc)
    msg = " ".join(str(orig).split())
    low = msg.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return ProjectError(url, "the server refused the login (wrong or missing password; "
                                 "put it in your PGPASSFILE, ~/.pgpass)")
    if "does not exist" in low and "database" in low:
        return ProjectError(url, "no such database on the server")
    if "permission denied" in low or "row-level security" in low:
        return ProjectError(url, f"the server refused this for your role: {msg}")
    if any(w in low for w in ("connection", "could not", "timeout", "closed",
                              "terminating", "server closed", "shutting down")):
        return ProjectError(url, "cannot reach the server (no network, or it is down); "
                                 "your local work is untouched")
    return ProjectError(url, f"server error: {msg}")


def open_server(address, readonly: bool = False, upgrade: bool = False):
    """Open the server project at `address`. Only `upgrade` (the supervisor's `server
    init` and `server upgrade`) changes the schema; everyone else needs it current."""
    from .. import db
    from ..models import ProjectInfo
    from ..project import Project

    url = address if isinstance(address, ServerURL) else ServerURL(address)
    project = Project(url, readonly=readonly)
    project._engine = make_server_engine(url)
    try:
        rev = db.current_revision(project._engine)
        head = db.schema_head()
        if rev != head:
            if upgrade:
                db.migrate(project._engine)
            elif rev is None:
                raise ProjectError(url, "not an Annotator project (run `annotator server "
                                        "init` first)")
            else:
                raise ProjectError(url, f"server schema {rev} differs from this version's "
                                        f"{head}; update Annotator, or ask the supervisor "
                                        "to upgrade the server")
        project._Session = sessionmaker(project._engine, expire_on_commit=False)
        with project._read() as s:
            n = s.scalar(select(func.count()).select_from(ProjectInfo))
        if n != 1 and not upgrade:
            raise ProjectError(url, "not an Annotator project (no project record)")
    except (OperationalError, DBAPIError) as exc:
        project.close()
        raise explain(url, exc) from None
    except BaseException:
        project.close()
        raise
    return project
