"""A REFI-QDA codebook (.qdc) as the project's codebook.

Like a YAML codebook import, the file's code tree replaces the codebook: a category whose
code is in the file stays (found by GUID it keeps its key, attributes and Arabic name;
found by nothing it is new, its key derived from its name), a category that is not in the
file is dropped, or retired when annotations use it, so no coded data is lost.
"""

from __future__ import annotations

from ..codebook import Codebook
from ..errors import InputError
from .refi_codes import map_codes
from .refi_read import read_qdc


def import_qdc(project, path) -> Codebook:
    refi = read_qdc(path)
    if not refi.codes:
        raise InputError(path, "has no codes")
    mapping = map_codes(refi, project.codebook())
    in_file = {c.guid for c in refi.all_codes()}
    keep = {t.category for g, t in mapping.targets.items() if g in in_file}
    full = mapping.codebook
    cats = [c for c in full.categories if c.key in keep or c.key in mapping.added]
    keys = {c.key for c in cats}
    cb = Codebook(name=full.name, version=full.version, description=full.description,
                  categories=cats,
                  relations=[r for r in full.relations
                             if r.from_category in keys and r.to_category in keys])
    project.set_codebook(cb)
    return project.codebook()
