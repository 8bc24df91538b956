"""A REFI-QDA project (.qdpx) into a project: documents, coders, annotations, relations,
with their GUIDs kept as UUIDs (so what went out and comes back merges as the same rows).

The file is read and planned whole first, with nothing written (positions in code points
inside the text, attribute values against the codebook: `refi_plan`); then the
categories its codes bring and every row go into the project in ONE transaction, each
row checked against what the project holds (GUIDs that already mean something else
here: `refi_store`). A bad file, an error half way or a Cancel changes nothing, not even
the codebook's history.

Here: the two ways in (into an open project, or as a new one).
"""

from __future__ import annotations

from pathlib import Path

from ..codebook.validation import MAX_NAME
from ..progress import CancelToken, Progress, checkpoint
from .refi_codes import map_codes
from .refi_plan import plan_rows
from .refi_read import read_qdpx
from .refi_store import CodebookChange, RefiImport, store


def import_qdpx(project, path, author: str = "", progress: Progress | None = None,
                cancel: CancelToken | None = None) -> RefiImport:
    """Import `path` into the open, writable `project`. Categories the file's codes bring
    are added to the codebook (a new version by `author`) in the same transaction as the
    rows. `progress(done, total, label)` counts the articles and annotations stored;
    Cancelled (from `cancel`) rolls everything back."""
    refi = read_qdpx(path)
    checkpoint(cancel)
    mapping = map_codes(refi, project.codebook())
    plan = plan_rows(refi, mapping)
    checkpoint(cancel)
    change = None
    if mapping.added:
        name = Path(path).name
        change = CodebookChange(mapping.codebook, author,
                                [f"added group '{k}' from {name}" for k in mapping.groups_added]
                                + [f"added category '{k}' from {name}" for k in mapping.added])
    return store(project, refi, mapping, plan, change, progress, cancel)


def new_from_qdpx(project_path, path, name: str | None = None,
                  progress: Progress | None = None,
                  cancel: CancelToken | None = None) -> RefiImport:
    """Create `project_path` from the .qdpx `path`: its code tree becomes the codebook (the
    shipped one when it has no codes). Nothing is left behind if the import fails or is
    cancelled."""
    from ..codebook import default_codebook
    from ..project import Project

    refi = read_qdpx(path)
    mapping = map_codes(refi, None)
    if not mapping.codebook.categories:
        mapping = map_codes(refi, default_codebook())
        mapping.added = []
    plan = plan_rows(refi, mapping)
    checkpoint(cancel)
    project_path = Path(project_path)
    p = Project.create(project_path, codebook=mapping.codebook,
                       name=(name or refi.name or "")[:MAX_NAME] or None)
    try:
        with p:
            report = store(p, refi, mapping, plan, progress=progress, cancel=cancel)
    except BaseException:
        for f in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
            f.unlink(missing_ok=True)
        raise
    report.categories_added = [c.key for c in mapping.codebook.categories]
    return report


__all__ = ["RefiImport", "import_qdpx", "new_from_qdpx"]
