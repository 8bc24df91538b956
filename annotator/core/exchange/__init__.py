"""Exchange with other tools: REFI-QDA projects (.qdpx) and codebooks (.qdc) in and out,
SPSS files (.sav) out (and labels.csv beside the CSV tables, for R). Pure Python (no Qt); the heavy modules load only when used.

    from annotator.core.exchange import exporter_for
    export = exporter_for("out.qdpx")   # None for a format handled elsewhere (.xlsx)
    export(project, "out.qdpx", coders=["Mona"], progress=...)
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

#: extension -> "module:function" of the exporter; each takes (project, path, coders=,
#: gold=, doc_ids=, progress=, **options) and returns the counts it wrote
EXPORTERS = {".qdpx": "refi_write:export_qdpx", ".sav": "spss:export_sav"}
#: extension -> importer taking (project, path, author, progress=, cancel=); it returns
#: what it did and leaves the project as it was when it fails or is cancelled
IMPORTERS = {".qdpx": "refi_import:import_qdpx"}


def _load(spec: str) -> Callable:
    mod, fn = spec.split(":")
    return getattr(import_module(f"{__name__}.{mod}"), fn)


def exporter_for(path) -> Callable | None:
    spec = EXPORTERS.get(Path(path).suffix.lower())
    return _load(spec) if spec else None


def importer_for(path) -> Callable | None:
    spec = IMPORTERS.get(Path(path).suffix.lower())
    return _load(spec) if spec else None


def export_qdc(codebook, path, like=None) -> None:
    _load("refi_write:export_qdc")(codebook, path, like)


def import_qdc(project, path, author: str = ""):
    return _load("refi_qdc:import_qdc")(project, path, author)


def new_from_qdpx(project_path, path, name: str | None = None, progress=None, cancel=None):
    return _load("refi_import:new_from_qdpx")(project_path, path, name, progress=progress,
                                              cancel=cancel)


__all__ = ["EXPORTERS", "IMPORTERS", "export_qdc", "exporter_for", "import_qdc",
           "importer_for", "new_from_qdpx"]
