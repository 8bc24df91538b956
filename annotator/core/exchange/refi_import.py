"""A REFI-QDA project (.qdpx) into a project: documents, coders, annotations, relations,
with their GUIDs kept as UUIDs (so what went out and comes back merges as the same rows).

Everything is read and checked before anything is written (positions in code points inside
the text, attribute values against the codebook, GUIDs that already mean something else
here); the rows then go in ONE transaction. A bad file changes nothing.

Here: the two ways in (into an open project, or as a new one). The file becomes rows in
`refi_plan` (nothing written) and goes into the project in `refi_store`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..errors import InputError
from ..models import Annotation, Coder, Document
from ..text import sha256
from .refi_codes import map_codes
from .refi_plan import Plan, coder_name, plan_rows
from .refi_read import RefiFile, read_qdpx
from .refi_store import RefiImport, store


def import_qdpx(project, path, author: str = "") -> RefiImport:
    """Import `path` into the open, writable `project`. Categories the file's codes bring
    are added to the codebook (a new version by `author`) only once every row has been
    checked against the project."""
    refi = read_qdpx(path)
    before = project.codebook()
    mapping = map_codes(refi, before)
    plan = plan_rows(refi, mapping)
    _precheck(project, refi, plan)
    if not mapping.added:
        return store(project, refi, mapping, plan)
    project.set_codebook(mapping.codebook, author=author,
                         changes=[f"added group '{k}' from {Path(path).name}"
                                  for k in mapping.groups_added]
                         + [f"added category '{k}' from {Path(path).name}"
                            for k in mapping.added])
    try:
        return store(project, refi, mapping, plan)
    except BaseException:
        # refused by the database after all: drop the categories again (none is used)
        project.set_codebook(before, author=author)
        raise


def _precheck(project, refi: RefiFile, plan: Plan) -> None:
    """Refuse GUIDs that already mean something else here, before anything is written."""
    target: dict[str, str] = {}  # source GUID -> the UUID of the document it will be
    with project._read() as s:
        for src in refi.sources:
            digest = sha256(src.text)
            row = s.execute(select(Document.id, Document.sha256)
                            .where(Document.uuid == src.guid)).first()
            if row is not None and row.sha256 != digest:
                raise InputError(refi.path, f"source {src.name or src.guid} has the GUID "
                                            f"of document {row.id} but another text")
            same = None if row is not None else s.scalar(
                select(Document.uuid).where(Document.sha256 == digest))
            target[src.guid] = same or src.guid
        for a in plan.anns:
            row = s.execute(select(Annotation.document_id, Document.uuid, Coder.uuid,
                                   Coder.name)
                            .join(Document, Document.id == Annotation.document_id)
                            .join(Coder, Coder.id == Annotation.coder_id)
                            .where(Annotation.uuid == a.uuid)).first()
            if row is None:
                continue
            same_coder = row[2] == a.coder or row[3] == coder_name(refi, a.coder)
            if row[1] != target[a.source] or not same_coder:
                raise InputError(refi.path, f"coding {a.uuid} has the GUID of another "
                                            "coder's or document's annotation here")


def new_from_qdpx(project_path, path, name: str | None = None) -> RefiImport:
    """Create `project_path` from the .qdpx `path`: its code tree becomes the codebook (the
    shipped one when it has no codes). Nothing is left behind if the import fails."""
    from ..codebook import default_codebook
    from ..project import Project

    refi = read_qdpx(path)
    mapping = map_codes(refi, None)
    if not mapping.codebook.categories:
        mapping = map_codes(refi, default_codebook())
        mapping.added = []
    plan = plan_rows(refi, mapping)
    project_path = Path(project_path)
    p = Project.create(project_path, codebook=mapping.codebook,
                       name=name or refi.name or None)
    try:
        with p:
            report = store(p, refi, mapping, plan)
    except BaseException:
        for f in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
            f.unlink(missing_ok=True)
        raise
    report.categories_added = [c.key for c in mapping.codebook.categories]
    return report


__all__ = ["RefiImport", "import_qdpx", "new_from_qdpx"]
