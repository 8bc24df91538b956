"""What must match for two coders' work to merge: the codebook's structure.

Category keys and kinds, attribute keys and types, choice value keys, relation keys and
ends. Colours, hotkeys, names, descriptions, order and groups are presentation and are
ignored, so a coder who recolours a category can still hand their work back.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import CategoryDef, Codebook


def structure(cb: Codebook) -> dict:
    """What must match for two coders' work to merge, in a canonical order."""
    cats = []
    for c in sorted(cb.categories, key=lambda c: c.key):
        attrs = []
        for a in sorted(c.attributes, key=lambda a: a.key):
            attrs.append({"key": a.key, "type": a.type,
                          "values": sorted(v.key for v in a.values)})
        cats.append({"key": c.key, "kind": c.kind, "attributes": attrs})
    rels = [{"key": r.key, "from": r.from_category, "to": r.to_category}
            for r in sorted(cb.relations, key=lambda r: r.key)]
    return {"categories": cats, "relations": rels}


def fingerprint(cb: Codebook) -> str:
    """SHA-256 (hex) of the structure that matters for merging.

    Ignores names, descriptions, colours, hotkeys, order, `required`, `ordinal` and
    `suggest`: changing those never makes stored annotations mean something else.
    """
    canonical = json.dumps(structure(cb), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def structural_diff(this: Codebook, other: Codebook) -> list[str]:
    """Human-readable differences that block a merge; empty iff fingerprints match."""
    out: list[str] = []
    mine = {c.key: c for c in this.categories}
    theirs = {c.key: c for c in other.categories}
    for key in _union(mine, theirs):
        a, b = mine.get(key), theirs.get(key)
        if b is None:
            out.append(f"category '{key}' is missing in the other codebook")
            continue
        if a is None:
            out.append(f"category '{key}' is missing in this codebook")
            continue
        if a.kind != b.kind:
            out.append(f"category '{key}': kind is '{a.kind}' here but '{b.kind}' "
                       f"in the other codebook")
        out.extend(_diff_attributes(key, a, b))
    mine_r = {r.key: r for r in this.relations}
    theirs_r = {r.key: r for r in other.relations}
    for key in _union(mine_r, theirs_r):
        a, b = mine_r.get(key), theirs_r.get(key)
        if b is None:
            out.append(f"relation '{key}' is missing in the other codebook")
        elif a is None:
            out.append(f"relation '{key}' is missing in this codebook")
        elif (a.from_category, a.to_category) != (b.from_category, b.to_category):
            out.append(f"relation '{key}': goes {a.from_category} -> {a.to_category} here "
                       f"but {b.from_category} -> {b.to_category} in the other codebook")
    return out


def _union(a: dict, b: dict) -> list:
    return list(a) + [k for k in b if k not in a]


def _diff_attributes(cat: str, a: CategoryDef, b: CategoryDef) -> list[str]:
    out = []
    mine = {x.key: x for x in a.attributes}
    theirs = {x.key: x for x in b.attributes}
    for key in _union(mine, theirs):
        x, y = mine.get(key), theirs.get(key)
        label = f"attribute '{cat}.{key}'"
        if y is None:
            out.append(f"{label} is missing in the other codebook")
            continue
        if x is None:
            out.append(f"{label} is missing in this codebook")
            continue
        if x.type != y.type:
            out.append(f"{label}: type is '{x.type}' here but '{y.type}' in the other codebook")
        xv = [v.key for v in x.values]
        yv = [v.key for v in y.values]
        out.extend(f"{label}: value '{v}' only in this codebook" for v in xv if v not in yv)
        out.extend(f"{label}: value '{v}' only in the other codebook" for v in yv if v not in xv)
    return out

