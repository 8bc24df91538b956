"""A REFI-QDA code tree -> this project's codebook: which code is which category, choice
value or true flag, and which codes become new categories.

Codes are found by GUID first (the GUIDs Annotator derives from its keys, see
refi_common), then through the codebook Annotator wrote beside them, then by name; a code
found by none of these becomes a new category with a key derived from its name.

A code with child codes (other than the attribute and value codes Annotator writes under a
category) is a group of the codebook, nested as in the file; a codable parent code is both
a group and a category filed in it, so MAXQDA's "Sources" with its children stays one
folder. Groups are found like codes: by GUID, then by name under the same parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..codebook import CategoryDef, Codebook, GroupDef
from ..codebook.model import _label_form
from ..codebook.validation import MAX_NAME
from ..errors import CodebookError, InputError
from .refi_common import attribute_guid, category_guid, group_guid, value_guid
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
    # where the file files each category it has a code for (None: at the top level)
    placed: dict[str, str | None] = field(default_factory=dict)
    groups_added: list[str] = field(default_factory=list)
    # the groups of the file's tree, with those they sit in (a .qdc import files by them)
    file_groups: list[GroupDef] = field(default_factory=list)


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
    nexts: dict[str, int] = {}
    added: list[str] = []
    in_file = {c.guid for c in refi.all_codes()}
    # names are matched against the project's own categories only, never against codes
    # of the same file (two codes named alike are two categories)
    by_name = _ByName(categories, lambda c: category_guid(c.key) in in_file)
    taken: set[str] = set()  # project categories a code of this file was matched to
    groups = _Groups(refi, base, side, targets, side_targets)

    for code in refi.all_codes():
        home = groups.home(code)
        t = targets.get(code.guid)
        if t is not None:
            if t.kind == "category":
                groups.placed[t.category] = home
            continue
        t = side_targets.get(code.guid)
        if t is not None and t.category not in keys:
            cat = side.category(t.category)
            cat = replace(cat, group=home)
            categories.append(cat)
            keys.add(cat.key)
            added.append(cat.key)
            _register([cat], targets)
            groups.placed[cat.key] = home
            continue
        if not code.codable and code.guid in groups.codes:
            continue  # only a group
        # a project category of the same name (e.g. one an earlier import of this file
        # made), unless the file has its own code for it or took it already (codes named
        # alike take the categories named alike in turn: a second import adds none)
        same = by_name.take(code.name, taken)
        if same is not None:
            taken.add(same.key)
            targets[code.guid] = Target("category", same.key)
            groups.placed[same.key] = home
            continue
        key = _unique(slug(code.name) or "code", keys, nexts)
        keys.add(key)
        name = code.name or key
        cat = CategoryDef(key=key, name_ar=name, name_en=name,
                          color=_colour(code.color, len(categories)),
                          description=code.description, group=home)
        categories.append(cat)
        added.append(key)
        targets[code.guid] = Target("category", key)
        groups.placed[key] = home
    relations = list(base.relations) if base else []
    if side is not None:
        have = {r.key for r in relations}
        relations += [r for r in side.relations if r.key not in have
                      and r.from_category in keys and r.to_category in keys]
    name = ((base.name if base else "") or (side.name if side else "") or refi.name or
            refi.path.stem)[:MAX_NAME]  # another tool's project name may be any length
    groups.prune(categories)
    cb = Codebook(name=name, version=base.version if base else (side.version if side else 1),
                  description=(base.description if base else
                               (side.description if side else "")),
                  categories=categories, relations=relations, groups=groups.defs)
    if categories:
        try:  # the same checks as a codebook file gets
            cb = Codebook.from_dict(cb.to_dict())
        except CodebookError as e:
            raise InputError(refi.path, f"its codes do not make a valid codebook: "
                                        f"{e.message}") from None
    return CodeMapping(cb, targets, added, groups.placed, groups.added, groups.in_file)


class _Groups:
    """The file's group codes as the codebook's groups: the project's own (by GUID or by
    name under the same parent), the sidecar's, or new ones with keys from their names."""

    def __init__(self, refi: RefiFile, base: Codebook | None, side: Codebook | None,
                 targets: dict[str, Target], side_targets: dict[str, Target]):
        def attribute_code(c) -> bool:  # the codes Annotator writes under a category
            t = targets.get(c.guid) or side_targets.get(c.guid)
            return t is not None and t.kind != "category"

        self.base: list[GroupDef] = list(base.groups) if base else []
        self.defs: list[GroupDef] = list(self.base)
        self.added: list[str] = []
        self.placed: dict[str, str | None] = {}
        known = {group_guid(g.key): g for g in self.defs}
        self.keys = {g.key for g in self.defs}
        self.nexts: dict[str, int] = {}
        self.by_name: dict[tuple, list[GroupDef]] = {}  # (parent, name) -> groups, reversed
        for g in reversed(self.base):
            for name in {_label_form(g.name_en), _label_form(g.name_ar)} - {""}:
                self.by_name.setdefault((g.parent, name), []).append(g)
        side_by_guid = {group_guid(g.key): g for g in (side.groups if side else [])}
        self.codes: dict[str, str] = {}  # GUID of a group code -> group key
        self.used: set[str] = set()  # the group keys in self.codes
        for code in refi.all_codes():  # parents come before their children
            if attribute_code(code):
                continue
            if not (code.guid in known or code.guid in side_by_guid
                    or any(not attribute_code(ch) for ch in code.children)):
                continue
            parent = self.codes.get(code.parent.guid) if code.parent is not None else None
            g = known.get(code.guid) or self._same_name(code.name, parent)
            if g is None:
                mine = side_by_guid.get(code.guid)
                key = mine.key if mine is not None and mine.key not in self.keys else \
                    _unique(slug(code.name) or "group", self.keys, self.nexts)
                name = code.name or key
                g = GroupDef(key=key, name_ar=mine.name_ar if mine else name,
                             name_en=code.name or (mine.name_en if mine else key),
                             description=code.description, parent=parent)
                self.defs.append(g)
                self.keys.add(key)
                self.added.append(key)
            self.codes[code.guid] = g.key
            self.used.add(g.key)

    def prune(self, categories: list[CategoryDef]) -> None:
        """Drop the new groups nothing is filed in (their codes matched categories the
        project already files elsewhere)."""
        probe = Codebook(name="", groups=self.defs)
        in_file = {g.key for key in list(self.codes.values()) + list(self.placed.values())
                   for g in probe.group_path(key)}
        self.in_file = [g for g in self.defs if g.key in in_file]
        used = {g.key for c in categories for g in probe.group_path(c.group)}
        gone = {k for k in self.added if k not in used}
        self.defs = [g for g in self.defs if g.key not in gone]
        self.added = [k for k in self.added if k not in gone]

    def _same_name(self, name: str, parent: str | None) -> GroupDef | None:
        """A project group of this name under the same parent that no code of the file
        took yet (two codes named alike in one file are two groups)."""
        same = self.by_name.get((parent, _label_form(name or "")))
        while same and same[-1].key in self.used:  # taken ones only ever stay taken
            same.pop()
        return same[-1] if same else None

    def home(self, code) -> str | None:
        """The group a category made of `code` is filed in: its own group when the code is
        a codable parent, else its parent code's group."""
        if code.guid in self.codes:
            return self.codes[code.guid]
        return self.codes.get(code.parent.guid) if code.parent is not None else None


def _unique(key: str, keys: set[str], nexts: dict[str, int]) -> str:
    """`key`, or the first free `key_N`; `nexts` remembers where the search for each key
    stopped (keys are only ever added), so 7,000 codes named alike are not 25 million
    tries."""
    if key not in keys:
        return key
    n = nexts.get(key, 2)
    while f"{key[:KEY_LIMIT - 4]}_{n}" in keys:
        n += 1
    nexts[key] = n + 1
    return f"{key[:KEY_LIMIT - 4]}_{n}"


class _ByName:
    """The project's categories by label (see Codebook.category_for_label: a key match
    before a name match), each handed out once, in the codebook's order."""

    def __init__(self, categories: list[CategoryDef], skip):
        self.skip = skip  # a category never matched by name (the file has its own code)
        self.index: tuple[dict[str, list[CategoryDef]], ...] = ({}, {})
        for c in reversed(categories):
            self.index[0].setdefault(_label_form(c.key), []).append(c)
            for name in {_label_form(c.name_en), _label_form(c.name_ar)}:
                self.index[1].setdefault(name, []).append(c)

    def take(self, name: str, taken: set[str]) -> CategoryDef | None:
        wanted = _label_form(name or "")
        if not wanted:
            return None
        for index in self.index:
            same = index.get(wanted)
            while same and (same[-1].key in taken or self.skip(same[-1])):
                same.pop()  # taken ones only ever stay taken
            if same:
                return same[-1]
        return None
