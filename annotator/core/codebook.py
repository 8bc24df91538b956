"""Codebooks: the categories, attributes and relations coders annotate with.

A codebook is a YAML or JSON file. `from_dict` checks the whole file and reports every
problem at once, each naming the field that is wrong (`categories[2].key: duplicate key
'source' (also categories[1])`), so a researcher editing a codebook by hand fixes it in
one pass instead of one error per try.

What matters when merging coders' work is the codebook's *structure*: category keys and
kinds, attribute keys and types, choice value keys, relation keys and ends. Colours,
hotkeys, names and descriptions are presentation: `fingerprint()` and `diff()` ignore them,
so a coder who recolours a category can still hand their work back.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from annotator.core.errors import CodebookError, InputError

__all__ = [
    "ATTRIBUTE_TYPES",
    "CATEGORY_KINDS",
    "AttributeDef",
    "CategoryDef",
    "Codebook",
    "RelationDef",
    "ValueDef",
    "default_codebook",
    "load_codebook",
    "save_codebook",
]

ATTRIBUTE_TYPES = ("choice", "text", "number", "boolean")
CATEGORY_KINDS = ("span", "document")
HOTKEYS = tuple("123456789")

_SLUG = re.compile(r"[a-z][a-z0-9_]*\Z")
# Value keys may also start with a digit, so an ordinal scale can be keyed "1".."5".
_VALUE_SLUG = re.compile(r"[a-z0-9][a-z0-9_]*\Z")
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")


# --- the model ---------------------------------------------------------------------------


@dataclass
class ValueDef:
    """One value of a choice attribute."""

    key: str
    name_ar: str
    name_en: str
    description: str = ""


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
class CategoryDef:
    key: str
    name_ar: str
    name_en: str
    color: str  # "#rrggbb", lowercase
    hotkey: str | None = None  # "1".."9"
    kind: str = "span"  # "span" | "document"
    description: str = ""
    attributes: list[AttributeDef] = field(default_factory=list)

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

    # -- look-ups --

    def category(self, key: str) -> CategoryDef | None:
        for c in self.categories:
            if c.key == key:
                return c
        return None

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
        out["categories"] = [_category_to_dict(c) for c in self.categories]
        if self.relations:
            out["relations"] = [_relation_to_dict(r) for r in self.relations]
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str | os.PathLike | None = None) -> Codebook:
        """Build and validate a codebook; raises CodebookError listing every problem."""
        return _Parser(path).codebook(data)

    # -- merging --

    def _structure(self) -> dict:
        """What must match for two coders' work to merge, in a canonical order."""
        cats = []
        for c in sorted(self.categories, key=lambda c: c.key):
            attrs = []
            for a in sorted(c.attributes, key=lambda a: a.key):
                attrs.append({"key": a.key, "type": a.type,
                              "values": sorted(v.key for v in a.values)})
            cats.append({"key": c.key, "kind": c.kind, "attributes": attrs})
        rels = [{"key": r.key, "from": r.from_category, "to": r.to_category}
                for r in sorted(self.relations, key=lambda r: r.key)]
        return {"categories": cats, "relations": rels}

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the structure that matters for merging.

        Ignores names, descriptions, colours, hotkeys, order, `required`, `ordinal` and
        `suggest`: changing those never makes stored annotations mean something else.
        """
        canonical = json.dumps(self._structure(), sort_keys=True, ensure_ascii=False,
                               separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def diff(self, other: Codebook) -> list[str]:
        """Human-readable differences that block a merge; empty iff fingerprints match."""
        out: list[str] = []
        mine = {c.key: c for c in self.categories}
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
        mine_r = {r.key: r for r in self.relations}
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


# --- label matching ------------------------------------------------------------------------

_ARABIC_DROP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0640", "\u0670"}
_ARABIC_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627",
                              "\u0671": "\u0627"})


def _label_form(s: str) -> str:
    s = "".join(ch for ch in s if ch not in _ARABIC_DROP).translate(_ARABIC_FOLD)
    return " ".join(s.split()).casefold()


# --- to_dict helpers -------------------------------------------------------------------------


def _names(obj) -> dict:
    return {"key": obj.key, "name_ar": obj.name_ar, "name_en": obj.name_en}


def _category_to_dict(c: CategoryDef) -> dict:
    d = _names(c)
    if c.kind != "span":
        d["kind"] = c.kind
    d["color"] = c.color
    if c.hotkey is not None:
        d["hotkey"] = c.hotkey
    if c.description:
        d["description"] = c.description
    if c.attributes:
        d["attributes"] = [_attribute_to_dict(a) for a in c.attributes]
    return d


def _attribute_to_dict(a: AttributeDef) -> dict:
    d = _names(a)
    d["type"] = a.type
    for flag in ("required", "ordinal", "suggest"):
        if getattr(a, flag):
            d[flag] = True
    if a.description:
        d["description"] = a.description
    if a.values:
        d["values"] = [_value_to_dict(v) for v in a.values]
    return d


def _value_to_dict(v: ValueDef) -> dict:
    d = _names(v)
    if v.description:
        d["description"] = v.description
    return d


def _relation_to_dict(r: RelationDef) -> dict:
    d = _names(r)
    d["from_category"] = r.from_category
    d["to_category"] = r.to_category
    if r.description:
        d["description"] = r.description
    return d


# --- validation ----------------------------------------------------------------------------

_MISSING = object()

_FIELDS = {
    "codebook": ("name", "version", "description", "categories", "relations"),
    "category": ("key", "name_ar", "name_en", "color", "hotkey", "kind", "description",
                 "attributes"),
    "attribute": ("key", "name_ar", "name_en", "type", "values", "ordinal", "suggest",
                  "required", "description"),
    "value": ("key", "name_ar", "name_en", "description"),
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

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}" if where else what)

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
        version = d.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem("version", f"{version!r} is not a positive whole number")
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
                        relations=[r for _, r in relations])

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
                           attributes=[a for _, a in attributes])

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
                        description=self.text(d, "description", where))

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
                hint = difflib.get_close_matches(value, sorted(known), n=1)
                self.problem(f"{where}.{end}", f"unknown category '{value}'"
                             + (f" (did you mean '{hint[0]}'?)" if hint else ""))
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


# --- files -----------------------------------------------------------------------------------


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:  # before merging `<<:` keys, which may be overridden
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first on line {seen[key] + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _format(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".json":
        return "json"
    if ext in (".yaml", ".yml"):
        return "yaml"
    raise InputError(path, f"unknown codebook format '{ext or path.name}' "
                           "(expected .json, .yaml or .yml)")


def _json_pairs(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key '{k}'")
        out[k] = v
    return out


def load_codebook(path: str | os.PathLike) -> Codebook:
    """Read and validate a codebook file (.json, .yaml or .yml, by extension).

    Raises InputError when the file cannot be read, CodebookError when its content is not
    a valid codebook (syntax errors included, as one line with the position).
    """
    path = Path(path)
    fmt = _format(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read codebook: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CodebookError(path, f"not UTF-8 text (byte {e.start}): save the codebook as "
                                  "UTF-8") from e
    if fmt == "json":
        try:
            data = json.loads(text, object_pairs_hook=_json_pairs)
        except json.JSONDecodeError as e:
            raise CodebookError(path, f"not valid JSON: line {e.lineno} column {e.colno}: "
                                      f"{e.msg}") from e
        except ValueError as e:
            raise CodebookError(path, f"not valid JSON: {e}") from e
    else:
        try:
            data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError as e:
            raise CodebookError(path, f"not valid YAML: {_yaml_error(e)}") from e
    if data is None:
        raise CodebookError(path, "the file is empty")
    return Codebook.from_dict(data, path=path)


def _yaml_error(e: yaml.YAMLError) -> str:
    mark = getattr(e, "problem_mark", None)
    problem = getattr(e, "problem", None) or str(e)
    context = getattr(e, "context", None)
    msg = " ".join(str(problem).split())
    if context and "duplicate key" not in msg:
        msg = f"{msg} ({' '.join(str(context).split())})"
    if mark is not None:
        return f"line {mark.line + 1} column {mark.column + 1}: {msg}"
    return msg


def save_codebook(codebook: Codebook, path: str | os.PathLike) -> None:
    """Write a codebook as JSON or YAML (by extension), UTF-8, Arabic kept readable.

    Written to a temporary file first and moved into place, so a crash never leaves half
    a codebook behind.
    """
    path = Path(path)
    fmt = _format(path)
    data = codebook.to_dict()
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                              default_flow_style=False, width=100, indent=2)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def default_codebook() -> Codebook:
    """The shipped codebook for sourcing in Arabic news (resources/codebooks/sourcing.yaml)."""
    from annotator.resources import DEFAULT_CODEBOOK

    return load_codebook(DEFAULT_CODEBOOK)
