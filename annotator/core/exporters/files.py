"""Output files: checking the target, temporary files beside it, one-line OS errors, and
opening a project given by path."""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .table import ExportError


def check_folder(folder: Path, target: Path) -> None:
    if not folder.exists():
        raise ExportError(target, f"folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(target, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(target, f"cannot write in folder {folder} (permission denied)")


def check_output_file(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise ExportError(path, f"the output file must end in {suffix}")
    if path.is_dir():
        raise ExportError(path, "is a folder; give a file name")
    check_folder(path.parent if str(path.parent) else Path("."), path)
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(path, "exists and cannot be overwritten (permission denied)")


def temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


def explain_os_error(path, exc: BaseException) -> ExportError:
    """One line for an OSError (possibly wrapped by the writing library)."""
    seen = exc
    for _ in range(5):
        if isinstance(seen, OSError):
            break
        nxt = seen.__cause__ or seen.__context__ or next(
            (a for a in getattr(seen, "args", ()) if isinstance(a, BaseException)), None)
        if nxt is None:
            break
        seen = nxt
    if isinstance(seen, OSError):
        if seen.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            what = "disk full (no space left on device)"
        elif seen.errno in (errno.EACCES, errno.EPERM):
            what = "permission denied"
        else:
            what = seen.strerror or str(seen)
    else:
        what = str(exc)
    return ExportError(path, f"{what}; nothing was written")


DAMAGE_SHOWN = 3


def refuse_damaged(project) -> None:
    """A damaged project (a dropped table, non-JSON attributes, an annotation whose
    category is gone) is refused with the damage listed, before anything is written."""
    damage = project.check(quick=True)
    if damage:
        more = len(damage) - DAMAGE_SHOWN
        raise ExportError(project.path, f"damaged project ({len(damage)} problem"
                          f"{'s' if len(damage) != 1 else ''}: "
                          + "; ".join(damage[:DAMAGE_SHOWN])
                          + (f"; and {more} more" if more > 0 else "")
                          + "); `annotator check` lists them, `annotator backups` restores")


@contextmanager
def opened(project):
    """A Project as it is, or a path opened read-only (and closed afterwards); refused
    when damaged."""
    from ..project import Project

    if isinstance(project, str | os.PathLike):
        p = Project.open(project, readonly=True)
        try:
            refuse_damaged(p)
            yield p
        finally:
            p.close()
    else:
        refuse_damaged(project)
        yield project
