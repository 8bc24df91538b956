"""A REFI-QDA codebook (.qdc) as the project's codebook.

Like a YAML codebook import, the file's code tree replaces the codebook, in the file's
order and folders (its groups): a category whose code is in the file stays (found by GUID or name it keeps its key,
attributes and Arabic name, and takes the code's name, colour and description, so what
was renamed or recoloured in another tool comes back; otherwise it is new, its key derived
from its name); a category that is not in the file is dropped, or retired when
annotations use it, so no coded data is lost.
"""

from __future__ import annotations

from dataclasses import replace

from ..codebook import Codebook
from ..errors import CodebookError, InputError
from ..versions import CodebookConflictError
from .refi_codes import _colour, map_codes
from .refi_read import read_qdc


def import_qdc(project, path, author: str = "") -> Codebook:
    refi = read_qdc(path)
    if not refi.codes:
        raise InputError(path, "has no codes")
    mapping = map_codes(refi, project.codebook())
    full = mapping.codebook
    cats, seen = [], set()
    added = set(mapping.added)  # a list: `in` on it made 50,000 codes take 8 s more
    for code in refi.all_codes():
        t = mapping.targets.get(code.guid)
        if t is None or t.category in seen:
            continue
        seen.add(t.category)
        cat = full.category(t.category)
        if t.kind == "category" and t.category not in added:
            cat = replace(cat, name_en=code.name or cat.name_en,
                          color=_colour(code.color, 0) if code.color else cat.color,
                          description=code.description or cat.description)
        cats.append(replace(cat, group=mapping.placed.get(cat.key)))  # the file's folders
    keys = {c.key for c in cats}
    cb = Codebook(name=full.name, version=full.version, description=full.description,
                  categories=cats,
                  relations=[r for r in full.relations
                             if r.from_category in keys and r.to_category in keys],
                  groups=mapping.file_groups)
    try:
        cb = Codebook.from_dict(cb.to_dict())
    except CodebookError as e:
        raise InputError(path, f"its codes do not make a valid codebook: {e.message}") \
            from None
    try:
        project.set_codebook(cb, author=author)
    except CodebookConflictError as exc:  # name the file that would do the damage
        raise CodebookConflictError(path, exc.problems) from None
    return project.codebook()

