"""Output files: checking the target, temporary files beside it, one-line OS errors, and
opening a project given by path."""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
import time
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


def check_csv_folder(folder: Path) -> None:
    """What export_csv will need, checked before anything (the workbook too) is written."""
    if folder.exists():
        if not folder.is_dir():
            raise ExportError(folder, "is a file; --csv takes a folder")
        check_folder(folder, folder)
    else:
        check_folder(folder.parent if str(folder.parent) else Path("."), folder)


STALE_AFTER = 24 * 3600  # seconds: where a process cannot be asked whether it still runs


def _alive(pid: int) -> bool | None:
    if os.name != "posix":
        return None  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is someone else's
        return True
    return True


def clean_stale(path: Path) -> list[Path]:
    """Remove what an export of `path` killed half way left beside it: its `.part` file
    and the writer's `.tmp` folder (named `.<name>.<pid>.<random>.part/.tmp`), when the
    process that made them is gone (or, where that cannot be asked, after a day)."""
    gone = []
    now = time.time()
    for p in path.parent.glob(f".{glob.escape(path.name)}.*"):
        parts = p.name[len(path.name) + 2:].split(".")
        if p.suffix not in (".part", ".tmp") or len(parts) < 3 or not parts[0].isdigit():
            continue
        alive = _alive(int(parts[0]))
        try:
            stale = alive is False or (alive is None and now - p.stat().st_mtime > STALE_AFTER)
            if not stale:
                continue
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink()
            gone.append(p)
        except OSError:
            continue
    return gone


def temp_beside(path: Path) -> Path:
    clean_stale(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                dir=path.parent)
    os.close(fd)
    return Path(name)


def work_dir_beside(path: Path) -> Path:
    """A private folder beside `path` for a writer's own temporary files."""
    return Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                 dir=path.parent))


def publish(tmp: Path, target: Path, like: Path | None) -> None:
    """Move a finished temporary file into place with the permissions of the project
    file `like` (mkstemp makes it 0600: a workbook colleagues could not open)."""
    if like is not None:
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(like).st_mode) & 0o666)
        except OSError:
            pass  # the file is still written; only its permissions stay private
    os.replace(tmp, target)


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


def refuse_damaged(project) -> None:
    """A damaged project (a dropped table, non-JSON attributes, an annotation whose
    category is gone) is refused with the damage listed, before anything is written."""
    from ..check import damage_summary

    damage = project.check(quick=True)
    if damage:
        raise ExportError(project.path, damage_summary(damage))


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
