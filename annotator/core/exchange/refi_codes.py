"""A REFI-QDA code tree -> this project's codebook: which code is which category, choice
value or true flag, and which codes become new categories.

Codes are found by GUID first (the GUIDs Annotator derives from its keys, see
refi_common), then through the codebook Annotator wrote beside them, then by name; a code
found by none of these becomes a new category with a key derived from its name. A code
with children that cannot itself be coded is a group: its categories keep the group's
path in their description (the codebook has no groups yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codebook import CategoryDef, Codebook
from ..errors import CodebookError, InputError
from .refi_common import attribute_guid, category_guid, value_guid
from .refi_read import RefiFile

# Colours for codes that have none (the desk's palette needs one per category).
PALETTE = ("#8ec5ff", "#ffb347", "#b5e48c", "#f4a6c6", "#c3b1e1", "#ffe066", "#9ad1d4",
           "#f7b7a3", "#d0d0d0", "#a0c4ff")
_HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\Z")
KEY_LIMIT = 40


@dataclass(frozen=True)
class Target:
    kind: str  # "category" | "value" | "flag" | "group"
    category: str
    attribute: str | None = None
    value: str | None = None


@dataclass
class CodeMapping:
    codebook: Codebook
    targets: dict[str, Target]  # code GUID -> what it means here
    added: list[str]  # keys of categories the file brought


def slug(name: str) -> str:
    """A key from a code's name: lower-case ASCII letters, digits and _; '' if none."""
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    s = s[:KEY_LIMIT].rstrip("_")
    if s and not s[0].isalpha():
        s = "c_" + s
    return s


def _colour(c: str | None, n: int) -> str:
    if c and _HEX.match(c.strip()):
        c = c.strip().lower()
        return c if len(c) == 7 else "#" + "".join(ch * 2 for ch in c[1:])
    return PALETTE[n % len(PALETTE)]


def _register(cb_categories, targets: dict[str, Target]) -> None:
    for c in cb_categories:
        targets[category_guid(c.key)] = Target("category", c.key)
        for a in c.attributes:
            if a.type == "choice":
                targets[attribute_guid(c.key, a.key)] = Target("group", c.key, a.key)
                for v in a.values:
                    targets[value_guid(c.key, a.key, v.key)] = Target("value", c.key, a.key,
                                                                      v.key)
            elif a.type == "boolean":
                targets[attribute_guid(c.key, a.key)] = Target("flag", c.key, a.key)


def sidecar_codebook(refi: RefiFile) -> Codebook | None:
    raw = (refi.sidecar or {}).get("codebook")
    if raw is None:
        return None
    try:
        return Codebook.from_dict(raw)
    except CodebookError as e:
        raise InputError(refi.path, f"annotator/project.json: codebook: {e.message}") from None
    except (RecursionError, TypeError, ValueError, AttributeError) as e:
        raise InputError(refi.path, f"annotator/project.json: codebook: {e}") from None


def map_codes(refi: RefiFile, base: Codebook | None) -> CodeMapping:
    categories: list[CategoryDef] = list(base.categories) if base else []
    targets: dict[str, Target] = {}
    _register(categories, targets)
    side = sidecar_codebook(refi)
    side_targets: dict[str, Target] = {}
    if side is not None:
        _register(side.categories, side_targets)
    keys = {c.key for c in categories}
    added: list[str] = []
    # names are matched against the project's own categories only, never against codes
    # of the same file (two codes named alike are two categories)
    probe = Codebook(name="", categories=list(categories))
    in_file = {c.guid for c in refi.all_codes()}
    taken: set[str] = set()  # project categories a code of this file was matched to

    for code in refi.all_codes():
        if code.guid in targets:
            continue
        t = side_targets.get(code.guid)
        if t is not None and t.category not in keys:
            cat = side.category(t.category)
            categories.append(cat)
            keys.add(cat.key)
            added.append(cat.key)
            _register([cat], targets)
            continue
        if not code.codable and code.children:
            continue  # a group
        # a project category of the same name (e.g. one an earlier import of this file
        # made), unless the file has its own code for it or took it already
        same = probe.category_for_label(code.name) if code.name else None
        if same is not None and same.key not in taken \
                and category_guid(same.key) not in in_file:
            taken.add(same.key)
            targets[code.guid] = Target("category", same.key)
            continue
        key = _unique(slug(code.name) or "code", keys)
        keys.add(key)
        desc = code.description
        path = code.path()
        if path:
            where = "Group: " + " › ".join(p or "-" for p in path)
            desc = f"{desc}\n\n{where}" if desc else where
        name = code.name or key
        cat = CategoryDef(key=key, name_ar=name, name_en=name,
                          color=_colour(code.color, len(categories)), description=desc)
        categories.append(cat)
        added.append(key)
        targets[code.guid] = Target("category", key)
    relations = list(base.relations) if base else []
    if side is not None:
        have = {r.key for r in relations}
        relations += [r for r in side.relations if r.key not in have
                      and r.from_category in keys and r.to_category in keys]
    name = (base.name if base else "") or (side.name if side else "") or refi.name or \
        refi.path.stem
    cb = Codebook(name=name, version=base.version if base else (side.version if side else 1),
                  description=(base.description if base else
                               (side.description if side else "")),
                  categories=categories, relations=relations)
    if categories:
        try:  # the same checks as a codebook file gets
            cb = Codebook.from_dict(cb.to_dict())
        except CodebookError as e:
            raise InputError(refi.path, f"its codes do not make a valid codebook: "
                                        f"{e.message}") from None
    return CodeMapping(cb, targets, added)


def _unique(key: str, keys: set[str]) -> str:
    if key not in keys:
        return key
    n = 2
    while f"{key[:KEY_LIMIT - 4]}_{n}" in keys:
        n += 1
    return f"{key[:KEY_LIMIT - 4]}_{n}"
