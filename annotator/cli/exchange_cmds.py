"""The CLI's side of exchange with other tools (REFI-QDA .qdpx/.qdc, SPSS .sav). The
`export`, `import`, `new` and `codebook` commands hand these files to the functions here,
chosen by extension, so each command keeps one name whatever the format."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.errors import InputError
from .progress import ProgressBar

#: what `export --table` may name for a .sav (one table per file)
SAV_TABLES = ("annotations", "documents", "claims", "matrix", "links")


def is_exchange_export(path: Path | None) -> bool:
    from ..core.exchange import EXPORTERS

    return path is not None and path.suffix.lower() in EXPORTERS


def export(project, out: Path, coders, gold: bool, docs, table: str | None, progress) -> str:
    """Write OUT.qdpx or OUT.sav; returns the summary line to print."""
    from ..core.exchange import exporter_for

    export_fn = exporter_for(out)
    if out.suffix.lower() == ".sav":
        counts = export_fn(project, out, coders=coders, gold=gold, doc_ids=docs,
                           progress=progress, table=table or "annotations")
        return (f"wrote {out}: table {counts['table']}, {counts['rows']} rows, "
                f"{counts['variables']} variables")
    if table is not None:
        raise InputError(out, "--table is for .sav files; a .qdpx holds the whole project")
    counts = export_fn(project, out, coders=coders, gold=gold, doc_ids=docs,
                       progress=progress)
    return (f"wrote {out}: {counts['documents']} documents, {counts['annotations']} "
            f"annotations, {counts['relations']} links, coders: "
            f"{', '.join(counts['coders']) or 'none'}")


def print_notes(notes: list[str]) -> None:
    for n in notes:
        print(f"note: {n}", file=sys.stderr)


def import_qdpx(project, path: Path) -> int:
    from ..core.exchange import importer_for

    with ProgressBar(f"importing {path.name}") as bar:
        report = importer_for(path)(project, path, _login(), progress=bar)
    print_notes(report.notes)
    if report.categories_added:
        print(f"added {len(report.categories_added)} categories from the file's codes: "
              + ", ".join(report.categories_added[:10])
              + (" ..." if len(report.categories_added) > 10 else ""))
    print(f"imported {report.documents} documents ({report.reused} already here), "
          f"{report.annotations} annotations ({report.updated} updated), "
          f"{report.relations} links from {path.name}")
    return 0


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        return ""


def new_from(project_path: Path, path: Path, name: str | None) -> int:
    from ..core.exchange import new_from_qdpx

    if path.suffix.lower() != ".qdpx":
        raise InputError(path, "--from takes a REFI-QDA project (.qdpx)")
    with ProgressBar(f"importing {path.name}") as bar:
        report = new_from_qdpx(project_path, path, name, progress=bar)
    print_notes(report.notes)
    print(f"created {project_path} from {path.name}: {len(report.categories_added)} "
          f"categories, {report.documents} documents, {report.annotations} annotations, "
          f"{report.relations} links")
    return 0


def codebook_qdc(project_path: Path, export: Path | None, import_: Path | None,
                 author: str = "") -> int:
    from ..core.exchange import export_qdc, import_qdc
    from ..core.project import Project

    if import_ is not None:
        with Project.open(project_path) as p:
            cb = import_qdc(p, import_, author)
        print(f"codebook replaced from {import_.name}: {len(cb.categories)} categories")
        return 0
    with Project.open(project_path, readonly=True) as p:
        export_qdc(p.codebook(), export, p.path)
    print(f"wrote {export}")
    return 0
