"""The codebook model: categories, their attributes and values, relations, and the
groups categories are filed in.

Pure data with look-ups. Reading and checking files is in `validation`/`loading`, writing
in `export`, and what must match for a merge in `compat`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .compat import fingerprint, structural_diff
from .export import category_to_dict, group_to_dict, relation_to_dict

ATTRIBUTE_TYPES = ("choice", "text", "number", "boolean")
CATEGORY_KINDS = ("span", "document")
HOTKEYS = tuple("123456789")


@dataclass
class ValueDef:
    """One value of a choice attribute."""

    key: str
    name_ar: str
    name_en: str
    description: str = ""
    retired: bool = False  # hidden from coders; kept on the annotations that have it


@dataclass
class AttributeDef:
    """A property coders fill in for an annotation of a category."""

    key: str
    name_ar: str
    name_en: str
    type: str  # "choice" | "text" | "number" | "boolean"
    values: list[ValueDef] = field(default_factory=list)  # choice only
    ordinal: bool = False  # choice values are ordered (low -> high)
    suggest: bool = False  # text: offer values already used in the project
    required: bool = False
    description: str = ""

    def value(self, key: str) -> ValueDef | None:
        """The choice value with this key, or None."""
        for v in self.values:
            if v.key == key:
                return v
        return None


@dataclass
class GroupDef:
    """A folder of categories (a parent code in an imported code tree). Groups nest through
    `parent`; they only arrange the codebook, so they never block a merge."""

    key: str
    name_ar: str
    name_en: str
    description: str = ""
    parent: str | None = None  # the key of the group this one sits in


@dataclass
class CategoryDef:
    key: str
    name_ar: str
    name_en: str
    color: str  # "#rrggbb", lowercase
    hotkey: str | None = None  # "1".."9"
    kind: str = "span"  # "span" | "document"
    description: str = ""
    attributes: list[AttributeDef] = field(default_factory=list)
    retired: bool = False  # hidden from coders; its annotations kept and exported
    group: str | None = None  # the key of the group it is filed in

    def attribute(self, key: str) -> AttributeDef | None:
        for a in self.attributes:
            if a.key == key:
                return a
        return None


@dataclass
class RelationDef:
    """A directed link between two annotations, e.g. a claim attributed to a source."""

    key: str
    name_ar: str
    name_en: str
    from_category: str
    to_category: str
    description: str = ""


@dataclass
class Codebook:
    name: str
    version: int = 1
    description: str = ""
    categories: list[CategoryDef] = field(default_factory=list)
    relations: list[RelationDef] = field(default_factory=list)
    groups: list[GroupDef] = field(default_factory=list)

    # -- look-ups --

    def group(self, key: str | None) -> GroupDef | None:
        """The (first) group with this key, or None."""
        return None if key is None else _lookup(self, "groups", key)

    def group_path(self, key: str | None) -> list[GroupDef]:
        """The group `key` and the groups it sits in, outermost first ([] for None).
        Stops at a loop or a missing parent (validation refuses both in a file)."""
        out: list[GroupDef] = []
        seen: set[str] = set()
        g = self.group(key)
        while g is not None and g.key not in seen:
            out.append(g)
            seen.add(g.key)
            g = self.group(g.parent)
        out.reverse()
        return out

    def category(self, key: str) -> CategoryDef | None:
        """The (first) category with this key, or None."""
        return _lookup(self, "categories", key)

    def tree(self) -> list[tuple[int, GroupDef | CategoryDef]]:
        """Groups and categories in the order the editor, the palette and exports show
        them, each with its depth: depth first, a folder's categories before its groups
        (so a codable parent code's own category leads its group), each in list order. A
        group in a loop or under a missing parent, and a category filed in a missing
        group, are shown at the top level rather than lost.

        Linear in the size of the codebook, and without recursion: a stored codebook is
        not validated, and a chain thousands deep (a hand edit) must still be shown."""
        by_key: dict[str, GroupDef] = {}
        for g in self.groups:
            by_key.setdefault(g.key, g)
        placed = _rooted(by_key)
        kids: dict[str | None, list[GroupDef]] = {}
        for g in self.groups:
            kids.setdefault(g.parent if g.key in placed and g.parent in placed else None,
                            []).append(g)
        cats: dict[str | None, list[CategoryDef]] = {}
        for c in self.categories:
            cats.setdefault(c.group if c.group in placed else None, []).append(c)
        out: list[tuple[int, GroupDef | CategoryDef]] = [(0, c) for c in cats.get(None, [])]
        done: set[str] = set()
        stack = [(0, iter(kids.get(None, ())))]
        while stack:
            depth, todo = stack[-1]
            g = next(todo, None)
            if g is None:
                stack.pop()
            elif g.key not in done:
                done.add(g.key)
                out.append((depth, g))
                out.extend((depth + 1, c) for c in cats.get(g.key, ()))
                stack.append((depth + 1, iter(kids.get(g.key, ()))))
        return out

    def category_for_label(self, label: str) -> CategoryDef | None:
        """The category whose key, Arabic or English name is `label`.

        Case-insensitive, surrounding and repeated whitespace ignored, and Arabic harakat,
        tatweel and hamza-on-alef variants ignored (so "إدعاء" finds "ادعاء"). A key match
        wins over a name match.
        """
        if label is None:
            return None
        wanted = _label_form(str(label))
        if not wanted:
            return None
        for c in self.categories:
            if _label_form(c.key) == wanted:
                return c
        for c in self.categories:
            if wanted in (_label_form(c.name_en), _label_form(c.name_ar)):
                return c
        return None

    def relation(self, key: str) -> RelationDef | None:
        for r in self.relations:
            if r.key == key:
                return r
        return None

    # -- serialisation --

    def to_dict(self) -> dict:
        """A plain dict (JSON/YAML-ready). Defaults are left out to keep files readable."""
        out: dict[str, Any] = {"name": self.name, "version": self.version}
        if self.description:
            out["description"] = self.description
        out["categories"] = [category_to_dict(c) for c in self.categories]
        if self.relations:
            out["relations"] = [relation_to_dict(r) for r in self.relations]
        if self.groups:
            out["groups"] = [group_to_dict(g) for g in self.groups]
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str | os.PathLike | None = None) -> Codebook:
        """Build and validate a codebook; raises CodebookError listing every problem."""
        from .validation import parse_codebook  # the parser builds Codebooks: import late

        return parse_codebook(data, path)

    # -- merging --

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the structure that matters for merging (see compat.fingerprint)."""
        return fingerprint(self)

    def diff(self, other: Codebook) -> list[str]:
        """Human-readable differences that block a merge; empty iff fingerprints match."""
        return structural_diff(self, other)


# --- look-ups by key ------------------------------------------------------------------------


def _lookup(cb: Codebook, name: str, key: str):
    """The first item of cb.<name> whose key is `key`, through an index by key kept on the
    codebook (a lookup per group of a path, or per category of a tree, made codebooks of
    thousands of groups quadratic). The lists are public and edited in place (the editor
    replaces, renames, inserts), so a hit is checked against the list (the same object
    still at its position, with that key) and the index is rebuilt when it is stale; a
    miss scans the list, as before the index."""
    items = getattr(cb, name)
    index = cb.__dict__.get(f"_by_{name}")
    if index is not None:
        hit = index.get(key)
        if hit is not None:
            pos, obj = hit
            if pos < len(items) and items[pos] is obj and obj.key == key:
                return obj
    found = next((x for x in items if x.key == key), None)
    if found is not None:  # stale, or first use: index the list as it is now
        index = {}
        for pos, x in enumerate(items):
            index.setdefault(x.key, (pos, x))
        cb.__dict__[f"_by_{name}"] = index
    return found


def _rooted(by_key: dict[str, GroupDef]) -> set[str]:
    """The keys of the groups whose chain of parents reaches the top level (not a loop,
    not a missing parent), each chain followed once."""
    known: dict[str, bool] = {}
    for start in by_key:
        path: list[str] = []
        on_path: set[str] = set()
        key: str | None = start
        while True:
            if key is None:
                ok = True
                break
            if key in known:
                ok = known[key]
                break
            if key in on_path or key not in by_key:
                ok = False
                break
            path.append(key)
            on_path.add(key)
            key = by_key[key].parent
        for k in path:
            known[k] = ok
    return {k for k, ok in known.items() if ok}


# --- label matching ------------------------------------------------------------------------

_ARABIC_DROP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0640", "\u0670"}
_ARABIC_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627",
                              "\u0671": "\u0627"})


def _label_form(s: str) -> str:
    s = "".join(ch for ch in s if ch not in _ARABIC_DROP).translate(_ARABIC_FOLD)
    return " ".join(s.split()).casefold()

