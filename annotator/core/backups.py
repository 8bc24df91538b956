"""Rolling backups of a project, for people: list them, restore one.

The copies themselves are made by core.db (SQLite's backup API) on open and before
merges; this module is what the CLI and the GUI show and act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
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
    if project_path.exists() or not db.list_backups(project_path):
        # a deleted project's backups are still listed (to restore); otherwise the path
        # must be a project: "no backups yet" for a typo or a photo would mislead
        db.check_is_project(project_path)
    out = []
    for p in db.list_backups(project_path):
        taken, reason = _parse(project_path, p)
        if taken is None:
            continue
        try:
            size = p.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(p, taken, reason, size))
    return out


def _parse(project_path: Path, p: Path) -> tuple[datetime | None, str]:
    # <stem>.<YYYYmmdd-HHMMSS-ffffff>.<reason>.annot
    stamp, _, reason = p.name[len(project_path.stem) + 1:-len(db.SUFFIX)].partition(".")
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f"), reason
    except ValueError:
        return None, reason


def to_keep(taken: list[datetime], now: datetime, newest: int = db.BACKUPS_KEPT,
            days: int = db.BACKUP_DAYS) -> set[int]:
    """Which backups (indexes into `taken`, any order) rotation keeps: the `newest` ones,
    and the first one of each of the last `days` days (today included), so a morning's
    state survives an afternoon of merges. Pure, for the tests."""
    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    keep = set(order[:newest])
    first_of_day: dict = {}
    for i in order:  # newest first: the last one seen of a day is its first
        first_of_day[taken[i].date()] = i
    since = now.date() - timedelta(days=days - 1)
    keep.update(i for d, i in first_of_day.items() if d >= since)
    return keep


def prune(project_path: Path, now: datetime | None = None) -> list[Path]:
    """Rotate the backups (see to_keep), every kind alike (before-restore too), with the
    -wal/-shm files SQLite left beside a backup someone opened. Returns what went."""
    found = [(p, _parse(project_path, p)[0]) for p in db.list_backups(project_path)]
    found = [(p, t) for p, t in found if t is not None]  # not ours: left alone
    keep = to_keep([t for _, t in found], now or datetime.now())
    gone = []
    for i, (p, _) in enumerate(found):
        if i in keep:
            continue
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(str(p) + extra).unlink(missing_ok=True)
        gone.append(p)
    return gone


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
        return db.restore_backup(backup, project_path)
    finally:
        lock.release()
