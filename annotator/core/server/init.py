"""`annotator server init URL --from study.annot`: the server project made from a local one
(documents, codebook and its versions, coders, assignments, all work), in one
transaction, with the same ids so every row stays what it was."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, insert, select, text

from ..errors import ProjectError
from ..models import Base, ProjectInfo
from ..progress import CancelToken, Progress, checkpoint
from ..progress import report as report_progress
from .connect import explain, open_server

BATCH = 2000


def init_server(address, local: Path, progress: Progress | None = None,
                cancel: CancelToken | None = None) -> dict[str, int]:
    """Copy the local project into the (empty) database at `address`; returns rows per
    table. The database must exist and hold no project; on any error it keeps none."""
    from sqlalchemy.exc import DBAPIError

    from ..project import Project

    server = open_server(address, upgrade=True)
    try:
        with server._read() as s:
            if s.scalar(select(func.count()).select_from(ProjectInfo)):
                raise ProjectError(server.path, "already holds a project; use an empty "
                                                "database")
        counts: dict[str, int] = {}
        with Project.open(local, readonly=True) as src:
            tables = [t for t in Base.metadata.sorted_tables]
            with src._read() as ss:
                total = sum(ss.scalar(select(func.count()).select_from(t)) for t in tables)
                done = 0
                try:
                    with server._engine.begin() as conn:
                        for t in tables:
                            n = 0
                            result = ss.execute(select(t)).mappings()
                            while True:
                                rows = [dict(r) for r in result.fetchmany(BATCH)]
                                if not rows:
                                    break
                                conn.execute(insert(t), rows)
                                n += len(rows)
                                done += len(rows)
                                report_progress(progress, done, total, t.name)
                                checkpoint(cancel)
                            counts[t.name] = n
                        _reset_sequences(conn, tables)
                except DBAPIError as exc:
                    raise explain(server.path, exc) from None
        from .security import install_security

        install_security(server)
        return counts
    finally:
        server.close()


def _reset_sequences(conn, tables) -> None:
    """Rows came with their ids: the next id the server hands out follows the largest."""
    for t in tables:
        pk = list(t.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement is not False and \
                str(pk[0].type).upper().startswith("INTEGER"):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{t.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT max({pk[0].name}) FROM {t.name}), 1), "
                f"(SELECT count(*) FROM {t.name}) > 0)"))
