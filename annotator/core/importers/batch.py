"""Reading a batch of files to import: one loop for the CLI and the desk, with progress,
cancel, and the bad files set aside (each with its one-line reason) instead of stopping.

    batch = read_batch(paths, check=project.unknown_labels_error, progress=..., cancel=...)
    batch.docs        # every article read, in file order
    batch.skipped     # InputErrors of the files that could not be read, in file order
    batch.notes       # "file: what was passed over" lines from the readers

Whether skipped files refuse the whole batch is the caller's choice (`--skip-bad`, the
desk's "skip these and import the rest"). Nothing here touches the project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.importers import iter_files, read_path
from annotator.core.importers.base import ImportedDocument
from annotator.core.progress import CancelToken, Progress, checkpoint, report

#: check(path, docs) raises InputError when a file's documents cannot go into the project
Check = Callable[[Path, list[ImportedDocument]], None]


@dataclass
class Batch:
    files: list[Path] = field(default_factory=list)
    docs: list[ImportedDocument] = field(default_factory=list)
    skipped: list[AnnotatorError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_batch(paths: list[Path], fmt: str = "auto", check: Check | None = None,
               skip_bad: bool = True, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> Batch:
    """Read every file under `paths` (folders recursively, see iter_files). A file that
    cannot be read, or that `check` refuses, goes to `skipped` and the rest is read on;
    with `skip_bad=False` the first such file raises its InputError at once. Progress
    counts files; raises Cancelled when `cancel` is set."""
    batch = Batch()
    seen: set[Path] = set()
    for p in paths:  # one by one: a named file of the wrong type is skipped like others
        unsupported: list[Path] = []
        try:
            for f in iter_files([p], fmt, unsupported):
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    batch.files.append(f)
        except AnnotatorError as exc:
            if not skip_bad:
                raise
            batch.skipped.append(exc)
        if unsupported:  # in a folder: listed, never left out without a word
            batch.notes.append(unsupported_note(Path(p), unsupported))
    total = len(batch.files)
    report(progress, 0, total, "")
    for i, f in enumerate(batch.files, 1):
        checkpoint(cancel)
        try:
            got = read_path(f, fmt)
            if check is not None:
                check(f, got)
        except AnnotatorError as exc:
            if not skip_bad:
                raise
            batch.skipped.append(exc)
        else:
            batch.docs.extend(got)
            batch.notes += [f"{f}: {n}" for n in getattr(got, "notes", [])]
        report(progress, i, total, f.name)
    return batch


def unsupported_note(folder: Path, files: list[Path]) -> str:
    shown = ", ".join(str(f.relative_to(folder)) for f in files[:10])
    more = f" and {len(files) - 10} more" if len(files) > 10 else ""
    kinds = sorted({f.suffix.lower() or "(no extension)" for f in files})
    return (f"{folder}: {len(files)} file(s) not imported, of a type Annotator cannot read "
            f"({', '.join(kinds)}): {shown}{more}")


def labels_check(unknown_labels: Callable[[list[ImportedDocument]], list[str]]) -> Check:
    """A check that refuses a file whose spans carry labels the codebook lacks, naming the
    file to fix (pass `project.unknown_labels`)."""

    def check(path: Path, docs: list[ImportedDocument]) -> None:
        unknown = unknown_labels(docs)
        if unknown:
            raise InputError(path, "labels not in the codebook: " + ", ".join(unknown))

    return check
