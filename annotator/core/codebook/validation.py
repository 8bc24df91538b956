"""Checking a codebook's raw data, reporting every problem at once.

Each problem names the field that is wrong (`categories[2].key: duplicate key 'source'
(also categories[1])`), so a researcher editing a codebook by hand fixes it in one pass
instead of one error per try.
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Any

from annotator.core.errors import CodebookError

from .model import (
    ATTRIBUTE_TYPES,
    CATEGORY_KINDS,
    HOTKEYS,
    AttributeDef,
    CategoryDef,
    Codebook,
    GroupDef,
    RelationDef,
    ValueDef,
)

_SLUG = re.compile(r"[a-z][a-z0-9_]*\Z")
# Value keys may also start with a digit, so an ordinal scale can be keyed "1".."5".
_VALUE_SLUG = re.compile(r"[a-z0-9][a-z0-9_]*\Z")
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")

_MISSING = object()
# Did-you-mean hints compare a name with every key (difflib): a file of thousands of
# unknown references would take minutes. The first few are hinted, the rest only named.
_HINTS = 20
# As deep as the REFI-QDA reader accepts a code tree (MAXQDA itself stops at 10 levels);
# a longer chain is a damaged or hostile file.
MAX_GROUP_DEPTH = 100
# The columns keys and the codebook's name are stored in (VARCHAR on a team's server).
MAX_KEY = 100
MAX_NAME = 200

_FIELDS = {
    "codebook": ("name", "version", "description", "categories", "relations", "groups"),
    "category": ("key", "name_ar", "name_en", "color", "hotkey", "kind", "description",
                 "attributes", "retired", "group"),
    "group": ("key", "name_ar", "name_en", "description", "parent"),
    "attribute": ("key", "name_ar", "name_en", "type", "values", "ordinal", "suggest",
                  "required", "description"),
    "value": ("key", "name_ar", "name_en", "description", "retired"),
    "relation": ("key", "name_ar", "name_en", "from_category", "to_category", "description"),
}


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "nothing"}.get(type(value),
                                                                          type(value).__name__)


class _Parser:
    """Walks the raw data, collecting every problem with its field path."""

    def __init__(self, path):
        self.path = path
        self.problems: list[str] = []
        self.hints_left = _HINTS

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}" if where else what)

    def hint(self, value: str, known) -> str | None:
        """The known key closest to `value` (for the first _HINTS misses), or None."""
        if self.hints_left <= 0:
            return None
        self.hints_left -= 1
        found = difflib.get_close_matches(value, sorted(known), n=1)
        return found[0] if found else None

    def problems_at(self, where: str) -> bool:
        return any(p.startswith(f"{where}:") for p in self.problems)

    # -- primitives --

    def mapping(self, data: Any, where: str, kind: str) -> dict | None:
        if not isinstance(data, dict):
            self.problem(where or "(top level)",
                         f"expected a mapping of fields ({', '.join(_FIELDS[kind][:4])}, ...), "
                         f"got {_type_name(data)}")
            return None
        allowed = _FIELDS[kind]
        for k in data:
            if k not in allowed:
                hint = difflib.get_close_matches(str(k), allowed, n=1)
                self.problem(_join(where, str(k)), "unknown field"
                             + (f" (did you mean '{hint[0]}'?)" if hint else
                                f" (expected {', '.join(allowed)})"))
        return data

    def text(self, d: dict, name: str, where: str, required: bool = False,
             default: str = "") -> str:
        value = d.get(name, _MISSING)
        at = _join(where, name)
        if value is _MISSING or value is None:
            if required:
                self.problem(at, "missing required field")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(at, f"expected text, got {_type_name(value)}")
            return default
        value = str(value).strip()
        if required and not value:
            self.problem(at, "must not be empty")
        return value

    def flag(self, d: dict, name: str, where: str) -> bool:
        value = d.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(_join(where, name), f"expected true or false, got {value!r}")
            return False
        return value

    def key(self, d: dict, where: str, pattern: re.Pattern = _SLUG) -> str:
        value = d.get("key", _MISSING)
        at = _join(where, "key")
        if value is _MISSING or value is None or value == "":
            self.problem(at, "missing required field")
            return ""
        if isinstance(value, bool):
            self.problem(at, f"{value!r} is not a key (YAML reads yes/no/on/off as true/false; "
                             "quote it)")
            return ""
        if isinstance(value, int) and pattern is _VALUE_SLUG:
            value = str(value)
        if not isinstance(value, str) or not pattern.match(value):
            first = "a letter or digit" if pattern is _VALUE_SLUG else "a lowercase letter"
            self.problem(at, f"{value!r} is not a key: use lowercase letters, digits and _, "
                             f"starting with {first} (e.g. 'source_type')")
            return value if isinstance(value, str) else str(value)
        if len(value) > MAX_KEY:
            self.problem(at, f"{len(value)} characters long (at most {MAX_KEY})")
        return value

    def names(self, d: dict, where: str) -> tuple[str, str]:
        """name_ar and name_en: at least one is required; a missing one copies the other."""
        ar = self.text(d, "name_ar", where)
        en = self.text(d, "name_en", where)
        if not ar and not en:
            self.problem(_join(where, "name_en"), "missing required field (give name_en, "
                                                  "name_ar or both)")
        return ar or en, en or ar

    def items(self, d: dict, name: str, where: str) -> list:
        value = d.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(_join(where, name), f"expected a list, got {_type_name(value)}")
            return []
        return value

    def unique(self, keys: list[tuple[str, str]], what: str = "key") -> None:
        """keys: (path, key) pairs; reports each repeat pointing at the first use."""
        seen: dict[str, str] = {}
        for where, key in keys:
            if not key:
                continue
            if key in seen:
                self.problem(_join(where, what), f"duplicate key '{key}' (also {seen[key]})")
            else:
                seen[key] = where

    # -- structure --

    def codebook(self, data: Any) -> Codebook:
        d = self.mapping(data, "", "codebook")
        if d is None:
            raise CodebookError(self.path, self.problems)
        name = self.text(d, "name", "", required=True)
        if len(name) > MAX_NAME:
            self.problem("name", f"{len(name)} characters long (at most {MAX_NAME})")
        version = d.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem("version", f"{version!r} is not a positive whole number")
            version = 1
        elif version > 2**31 - 1:  # stored as an SQL integer; no codebook has that many
            self.problem("version", f"{str(version)[:12]}... is too large (at most "
                                    f"{2**31 - 1})")
            version = 1
        description = self.text(d, "description", "")

        raw_cats = self.items(d, "categories", "")
        if "categories" not in d:
            self.problem("categories", "missing required field")
        elif not raw_cats and not self.problems_at("categories"):
            self.problem("categories", "at least one category is required")
        categories = []
        for i, raw in enumerate(raw_cats):
            cat = self.category(raw, f"categories[{i}]")
            if cat is not None:
                categories.append((f"categories[{i}]", cat))
        self.unique([(w, c.key) for w, c in categories])
        groups = self.groups(d)
        known_groups = {g.key for _, g in groups}
        for where, c in categories:
            if c.group is not None and c.group not in known_groups:
                hint = self.hint(c.group, known_groups)
                self.problem(f"{where}.group", f"unknown group '{c.group}'"
                             + (f" (did you mean '{hint}'?)" if hint else
                                " (list it under groups)"))

        hotkeys: dict[str, tuple[str, str]] = {}
        for where, c in categories:
            if c.hotkey is None:
                continue
            if c.hotkey in hotkeys:
                other, other_key = hotkeys[c.hotkey]
                self.problem(f"{where}.hotkey",
                             f"'{c.hotkey}' is already used by {other} ('{other_key}')")
            else:
                hotkeys[c.hotkey] = (where, c.key)

        known = {c.key for _, c in categories}
        relations = []
        for i, raw in enumerate(self.items(d, "relations", "")):
            rel = self.relation(raw, f"relations[{i}]", known)
            if rel is not None:
                relations.append((f"relations[{i}]", rel))
        self.unique([(w, r.key) for w, r in relations])

        if self.problems:
            raise CodebookError(self.path, self.problems)
        return Codebook(name=name, version=version, description=description,
                        categories=[c for _, c in categories],
                        relations=[r for _, r in relations],
                        groups=[g for _, g in groups])

    def groups(self, d: dict) -> list[tuple[str, GroupDef]]:
        """The groups, each parent known, no loops, at most MAX_GROUP_DEPTH deep."""
        groups = []
        for i, raw in enumerate(self.items(d, "groups", "")):
            where = f"groups[{i}]"
            g = self.mapping(raw, where, "group")
            if g is None:
                continue
            key = self.key(g, where)
            name_ar, name_en = self.names(g, where)
            parent = self.text(g, "parent", where) or None
            groups.append((where, GroupDef(key=key, name_ar=name_ar, name_en=name_en,
                                           description=self.text(g, "description", where),
                                           parent=parent)))
        self.unique([(w, g.key) for w, g in groups])
        by_key = {g.key: g for _, g in groups}
        for where, g in groups:
            if g.parent is None:
                continue
            if g.parent not in by_key:
                self.problem(f"{where}.parent", f"unknown group '{g.parent}'")
                continue
            seen, p = {g.key}, by_key[g.parent]
            while p is not None and p.key not in seen and len(seen) <= MAX_GROUP_DEPTH:
                seen.add(p.key)
                p = by_key.get(p.parent) if p.parent else None
            if p is not None and p.key in seen:
                self.problem(f"{where}.parent", f"'{g.parent}' makes a loop of groups "
                                                f"(a group cannot sit inside itself)")
            elif len(seen) > MAX_GROUP_DEPTH:
                self.problem(f"{where}.parent", f"groups nest more than {MAX_GROUP_DEPTH} "
                                                "levels deep")
        return groups

    def category(self, raw: Any, where: str) -> CategoryDef | None:
        d = self.mapping(raw, where, "category")
        if d is None:
            return None
        key = self.key(d, where)
        name_ar, name_en = self.names(d, where)

        color = d.get("color", _MISSING)
        if color is _MISSING or color is None:
            self.problem(f"{where}.color", "missing required field (a colour like #1f77b4)")
            color = "#cccccc"
        elif not isinstance(color, str) or not _COLOUR.match(color.strip()):
            self.problem(f"{where}.color", f"{color!r} is not a colour like #1f77b4")
            color = "#cccccc"
        else:
            color = _normalise_colour(color.strip())

        hotkey = d.get("hotkey")
        if hotkey is not None:
            if isinstance(hotkey, bool) or str(hotkey).strip() not in HOTKEYS:
                self.problem(f"{where}.hotkey", f"{hotkey!r} is not a hotkey: use 1 to 9")
                hotkey = None
            else:
                hotkey = str(hotkey).strip()

        kind = d.get("kind", "span")
        if kind not in CATEGORY_KINDS:
            self.problem(f"{where}.kind", f"unknown kind {kind!r} (expected span or document)")
            kind = "span"

        attributes = []
        for i, raw_a in enumerate(self.items(d, "attributes", where)):
            a = self.attribute(raw_a, f"{where}.attributes[{i}]")
            if a is not None:
                attributes.append((f"{where}.attributes[{i}]", a))
        self.unique([(w, a.key) for w, a in attributes])

        return CategoryDef(key=key, name_ar=name_ar, name_en=name_en, color=color,
                           hotkey=hotkey, kind=kind,
                           description=self.text(d, "description", where),
                           attributes=[a for _, a in attributes],
                           retired=self.flag(d, "retired", where),
                           group=self.text(d, "group", where) or None)

    def attribute(self, raw: Any, where: str) -> AttributeDef | None:
        d = self.mapping(raw, where, "attribute")
        if d is None:
            return None
        key = self.key(d, where)
        name_ar, name_en = self.names(d, where)
        typ = d.get("type", _MISSING)
        if typ is _MISSING or typ is None:
            self.problem(f"{where}.type",
                         f"missing required field (one of {', '.join(ATTRIBUTE_TYPES)})")
            typ = ""
        elif typ not in ATTRIBUTE_TYPES:
            self.problem(f"{where}.type",
                         f"unknown type {typ!r} (expected {', '.join(ATTRIBUTE_TYPES)})")
            typ = ""
        ordinal = self.flag(d, "ordinal", where)
        suggest = self.flag(d, "suggest", where)
        required = self.flag(d, "required", where)

        raw_values = self.items(d, "values", where)
        values = []
        for i, raw_v in enumerate(raw_values):
            v = self.value(raw_v, f"{where}.values[{i}]")
            if v is not None:
                values.append((f"{where}.values[{i}]", v))
        self.unique([(w, v.key) for w, v in values])

        if typ == "choice" and not raw_values:
            self.problem(f"{where}.values", "a choice attribute needs at least one value")
        elif typ and typ != "choice" and raw_values:
            self.problem(f"{where}.values", f"only choice attributes have values, not {typ}")
        if ordinal and typ and typ != "choice":
            self.problem(f"{where}.ordinal", f"only choice attributes can be ordinal, not {typ}")
        if suggest and typ and typ != "text":
            self.problem(f"{where}.suggest", f"only text attributes can suggest values, not {typ}")

        return AttributeDef(key=key, name_ar=name_ar, name_en=name_en, type=typ,
                            values=[v for _, v in values], ordinal=ordinal, suggest=suggest,
                            required=required, description=self.text(d, "description", where))

    def value(self, raw: Any, where: str) -> ValueDef | None:
        d = self.mapping(raw, where, "value")
        if d is None:
            return None
        key = self.key(d, where, _VALUE_SLUG)
        name_ar, name_en = self.names(d, where)
        return ValueDef(key=key, name_ar=name_ar, name_en=name_en,
                        description=self.text(d, "description", where),
                        retired=self.flag(d, "retired", where))

    def relation(self, raw: Any, where: str, known: set[str]) -> RelationDef | None:
        d = self.mapping(raw, where, "relation")
        if d is None:
            return None
        key = self.key(d, where)
        name_ar, name_en = self.names(d, where)
        ends = []
        for end in ("from_category", "to_category"):
            value = self.text(d, end, where, required=True)
            if value and value not in known:
                hint = self.hint(value, known)
                self.problem(f"{where}.{end}", f"unknown category '{value}'"
                             + (f" (did you mean '{hint}'?)" if hint else ""))
            ends.append(value)
        return RelationDef(key=key, name_ar=name_ar, name_en=name_en, from_category=ends[0],
                           to_category=ends[1], description=self.text(d, "description", where))


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _normalise_colour(c: str) -> str:
    c = c.lower()
    if len(c) == 4:
        c = "#" + "".join(ch * 2 for ch in c[1:])
    return c



def parse_codebook(data: Any, path: str | os.PathLike | None = None) -> Codebook:
    """Build and validate a codebook; raises CodebookError listing every problem."""
    return _Parser(path).codebook(data)
