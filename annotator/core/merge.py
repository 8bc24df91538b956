"""Coders' work merged back into the main project, row by row, keyed by UUID.

A package is untrusted input: every row passes `validate` (the layer imports and `check`
use too) and the ownership rules below before anything is written.

The rules (each row kind: coders, annotations, relations, assignments):

- A package must be a project file of the same project (same `ProjectInfo.uuid`) whose
  work fits the project's codebook (`codebook.changes.conflicts`: an older or newer
  codebook merges unless a key means something else or the work uses what the project no
  longer has); otherwise it is refused, the conflicts listed, and nothing is changed.
- Ownership: a package of coder X (`ProjectInfo.package_coder`) may add, change or delete
  only rows of X, in documents X was given (assigned here), whose UUID is new or already
  X's in the same document. X must be the project's X (same coder UUID) under the same
  name: a coder cannot rename themself inside a package. Rows of other coders are
  refused unless the supervisor names them (`allow_coders`); a file that is not a
  package has no owner, so each of its coders must be named. Any violation, or any
  invalid value (attributes outside the codebook, a span reversed or outside the text,
  a relation across documents, a time that is not a time), refuses the whole file with
  one line naming the file, the first row and the count.
- Documents are matched by UUID, else by SHA-256 of the text. Documents are never added
  by a merge; work on a document the project does not have is skipped and reported.
- Coders are matched by UUID, else by name; an allowed coder unknown here is added.
- An annotation, relation or assignment unknown here is added (unless it is already a
  tombstone: nothing to delete). One known here is replaced when the package's `updated`
  is later than the local one: a later edit replaces an earlier one, a deletion
  (tombstone: `deleted` set, `updated` with it) travels unless the local row changed
  after it. Otherwise it is skipped. So merging the same file twice changes nothing.
- An annotation whose quote no longer matches the project's text is skipped and
  reported (the coder's copy of a replaced text), as is a relation whose ends were
  skipped.
- All files of one call are merged in ONE transaction; the same file given twice is
  merged once. A backup is written before the commit, and only when something changes:
  on any error nothing is changed.

Here: the whole merge (files opened and checked against the project, one transaction,
the backup). The rows of one package are matched and written by `merge_rows`; the
report and the refusals are `merge_report`'s (both re-exported here).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from . import db, validate
from .check import damage_summary, package_damage
from .codebook.changes import conflicts
from .errors import ProjectError
from .merge_report import KINDS, CodebookMismatchError, MergeReport, PackageRefusedError
from .merge_rows import _Merger
from .models import Annotation, Relation
from .progress import CancelToken, Progress, checkpoint
from .progress import report as report_progress
from .project import Project

__all__ = ["KINDS", "CodebookMismatchError", "MergeReport", "PackageRefusedError",
           "merge_package", "merge_packages"]


def merge_package(project: Project, path: Path, progress: Progress | None = None,
                  cancel: CancelToken | None = None,
                  allow_coders: Iterable[str] = ()) -> MergeReport:
    """Merge one coder's file into `project` (open for writing). See the module rules."""
    return merge_packages(project, [path], progress, cancel, allow_coders)[0]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def merge_packages(project: Project, paths: Sequence[Path], progress: Progress | None = None,
                   cancel: CancelToken | None = None,
                   allow_coders: Iterable[str] = ()) -> list[MergeReport]:
    """Merge several files in one transaction: every file is checked first (project,
    codebook), then all are merged and validated, then (if anything changed) the project
    is backed up and the transaction committed; on any error nothing is changed. Returns
    one report per distinct file, in order (a file given twice is merged once). Progress
    counts the packages' annotation and relation rows; Cancelled (from `cancel`) rolls
    everything back."""
    if project.readonly:
        raise ProjectError(project.path, "is open read-only")
    allowed = {validate.coder_name(c) for c in allow_coders}
    unique: list[Path] = []
    given: Counter = Counter()
    for path in map(Path, paths):
        first = next((u for u in unique if u == path or _same_file(u, path)), None)
        if first is None:
            unique.append(path)
            first = path
        given[first] += 1
    packages: list[Project] = []
    unreadable: list[str | None] = []
    reports: list[MergeReport] = []
    try:
        for path in unique:
            if path.exists() and _same_file(path, project.path):
                raise ProjectError(path, "is the project itself")
            pkg = Project.open(path, readonly=True)
            packages.append(pkg)
            damage = package_damage(pkg)
            if damage:  # what the rows cannot be read past (an unexpected error later)
                raise ProjectError(path, damage_summary(
                    damage, "package", "`annotator check` on it lists them; ask the coder "
                                       "to send it again"))
            unreadable.append(_check_compatible(project, pkg))
        checkpoint(cancel)
        reports = [MergeReport(path=pkg.path, coder=pkg.info()["package_coder"],
                               given=given[pkg.path]) for pkg in packages]
        steps = _Steps(progress, cancel, sum(_rows(pkg) for pkg in packages))
        with project._tx() as s:
            for pkg, report, why in zip(packages, reports, unreadable, strict=True):
                merger = _Merger(project, pkg, s, report, allowed)
                merger.step = lambda n, name=pkg.path.name: steps(n, name)
                merger.run()
                if why is not None:  # the rows passed, yet their codebook use was unreadable
                    raise PackageRefusedError(pkg.path, Counter(),
                                              [f"its work cannot be read ({why})"])
            checkpoint(cancel)  # the last moment a Cancel still keeps the project as it was
            # a server project is backed up by its own means (pg_dump), not file copies
            if any(r.changed for r in reports) and not project.is_server:
                # Before the commit, of the committed state (WAL readers see it): a merge
                # that changes nothing writes no backup.
                backup = db.backup_copy(project.path, "before-merge")
                for r in reports:
                    r.backup = backup
    finally:
        for pkg in packages:
            pkg.close()
    project._coder_ids.clear()
    for report in reports:
        if report.changed:
            project._emit("merged", report)
    return reports


def _rows(pkg: Project) -> int:
    """What progress counts in a package: its annotation and relation rows."""
    with pkg._read() as ps:
        return sum(ps.scalar(select(func.count()).select_from(t)) or 0
                   for t in (Annotation, Relation))


class _Steps:
    """Progress over all packages of one merge, and the Cancel check between chunks."""

    def __init__(self, progress: Progress | None, cancel: CancelToken | None, total: int):
        self.progress, self.cancel, self.total, self.done = progress, cancel, total, 0
        report_progress(progress, 0, total)

    def __call__(self, n: int, label: str) -> None:
        checkpoint(self.cancel)
        self.done += n
        report_progress(self.progress, self.done, self.total, label)


def _check_compatible(project: Project, pkg: Project) -> str | None:
    """Refuse a package of another project, or whose work does not fit the project's
    codebook. Returns why the codebook use could not be read (tampered attributes), for
    the row validation to name precisely; None when it was read."""
    mine, theirs = project.info(), pkg.info()
    if mine["uuid"] != theirs["uuid"]:
        raise ProjectError(pkg.path, f"belongs to project '{theirs['name']}' "
                                     f"({theirs['uuid'][:8]}), not '{mine['name']}' "
                                     f"({mine['uuid'][:8]})")
    # Compatible revisions (added, renamed, recoloured, reordered, retired) never block a
    # merge; a key meaning something else, or something the package's work uses and the
    # project no longer has, does.
    try:
        usage = pkg.usage()
    except (ValueError, TypeError, AttributeError, RecursionError, SQLAlchemyError) as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0][:80]
    problems = conflicts(project.full_codebook(), pkg.full_codebook(), usage,
                         "the project", "the package")
    if problems:
        raise CodebookMismatchError(pkg.path, problems)
    return None
