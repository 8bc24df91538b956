"""Rolling backups of a project, for people: list them, restore one.

The copies themselves are made by core.db (SQLite's backup API) on open and before
merges; this module is what the CLI and the GUI show and act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import db
from .errors import ProjectError
from .progress import CancelToken, Progress, checkpoint


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str  # on-open, before-merge, before-upgrade-<rev>, before-restore
    size: int


def backups(project_path: str | Path) -> list[BackupInfo]:
    """The project's backups, newest first."""
    project_path = Path(project_path)
    out = []
    for p in db.list_backups(project_path):
        # <stem>.<YYYYmmdd-HHMMSS-ffffff>.<reason>.annot
        stamp, _, reason = p.name[len(project_path.stem) + 1:-len(db.SUFFIX)].partition(".")
        try:
            taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        out.append(BackupInfo(p, taken, reason, p.stat().st_size))
    return out


def restore(project_path: str | Path, backup: str | Path, progress: Progress | None = None,
            cancel: CancelToken | None = None) -> Path:
    """Replace the (closed) project with a backup. The current state is backed up first,
    so a restore can itself be undone. Returns that safety copy's path. Progress follows
    the check of the backup (documents); a Cancel is possible until the copying starts."""
    from .project import Project

    project_path, backup = Path(project_path), Path(backup)
    with Project.open(backup, readonly=True) as b:  # refuse anything that isn't a project
        if b.check(progress=progress, cancel=cancel):
            raise ProjectError(backup, "this backup fails the integrity check; not restored")
    checkpoint(cancel)
    lock = db.ProjectLock(project_path)
    lock.acquire()  # refused while the app or an import has the project open
    try:
        before = db.list_backups(project_path)
        db.restore_backup(backup, project_path)
        return next(p for p in db.list_backups(project_path) if p not in before)
    finally:
        lock.release()
