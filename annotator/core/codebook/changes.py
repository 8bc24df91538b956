"""What changed between two codebooks, and which changes stored work cannot survive.

`describe_changes` is the change list a codebook version records (lines a supervisor
reads). `conflicts` decides whether work coded with one codebook fits another: adding,
renaming, recolouring, describing, reordering, new hotkeys and retiring never conflict;
a key that means something else (a category's kind, an attribute's type, a relation's
ends) always does; a category, attribute, value or relation type that is gone conflicts
only when the work uses it.

Pure Python: the caller gathers what the work uses (`Usage`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import AttributeDef, CategoryDef, Codebook


@dataclass
class Usage:
    """What stored work uses, with counts: categories, (category, attribute) with a value
    set, (category, attribute, value) for choice values, relation types."""

    categories: Counter = field(default_factory=Counter)
    attributes: Counter = field(default_factory=Counter)
    values: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)  # any of the keys above -> a few uuids

    def add(self, key, uuid: str, counter: Counter) -> None:
        counter[key] += 1
        ex = self.examples.setdefault(key, [])
        if len(ex) < 3:
            ex.append(uuid)


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def _used(usage: Usage, key, counter: Counter, what: str = "annotation") -> str:
    ex = usage.examples.get(key, [])
    more = counter[key] - len(ex)
    return (f"used by {_n(counter[key], what)} ({', '.join(ex)}"
            + (f", and {more} more" if more > 0 else "") + ")")


def conflicts(target: Codebook, source: Codebook, usage: Usage,
              target_name: str = "the new codebook", source_name: str = "the project"
              ) -> list[str]:
    """Why work coded with `source` (using `usage`) cannot live under `target`; empty
    when it can. Retired entries of `target` still count as present: their data stays."""
    where = f"in {target_name}"
    out: list[str] = []
    cats = {c.key: c for c in target.categories}
    for c in source.categories:
        t = cats.get(c.key)
        if t is None:
            if usage.categories[c.key]:
                out.append(f"category '{c.key}' is missing {where} but is "
                           + _used(usage, c.key, usage.categories))
            continue
        if t.kind != c.kind:
            out.append(f"category '{c.key}' is a {c.kind} category in {source_name} but a "
                       f"{t.kind} category {where}")
        out.extend(_attribute_conflicts(t, c, usage, where, source_name))
    # work may use categories its own codebook lists only as retired, or not at all
    for key in usage.categories:
        if key not in cats and source.category(key) is None:
            out.append(f"category '{key}' is missing {where} but is "
                       + _used(usage, key, usage.categories))
    rels = {r.key: r for r in target.relations}
    for r in source.relations:
        t = rels.get(r.key)
        if t is None:
            if usage.relations[r.key]:
                out.append(f"relation '{r.key}' is missing {where} but is "
                           + _used(usage, r.key, usage.relations, "link"))
        elif (t.from_category, t.to_category) != (r.from_category, r.to_category):
            out.append(f"relation '{r.key}' links {r.from_category} -> {r.to_category} in "
                       f"{source_name} but {t.from_category} -> {t.to_category} {where}")
    return out


def _attribute_conflicts(t: CategoryDef, c: CategoryDef, usage: Usage, where: str,
                         source_name: str) -> list[str]:
    out = []
    for a in c.attributes:
        ta = t.attribute(a.key)
        label = f"{c.key}.{a.key}"
        key = (c.key, a.key)
        if ta is None:
            if usage.attributes[key]:
                out.append(f"attribute '{label}' is missing {where} but is "
                           + _used(usage, key, usage.attributes))
            continue
        if ta.type != a.type:
            if usage.attributes[key] or a.type == "choice" or ta.type == "choice":
                out.append(f"attribute '{label}' is {a.type} in {source_name} but {ta.type} "
                           f"{where}" + (f"; {_used(usage, key, usage.attributes)}"
                                         if usage.attributes[key] else ""))
            continue
        have = {v.key for v in ta.values}
        for v in a.values:
            vkey = (c.key, a.key, v.key)
            if v.key not in have and usage.values[vkey]:
                out.append(f"value '{v.key}' of '{label}' is missing {where} but is "
                           + _used(usage, vkey, usage.values))
    return out


# --- the change list of a version ---------------------------------------------------------

_SHOWN = ("name_en", "name_ar", "description")


def describe_changes(old: Codebook | None, new: Codebook) -> list[str]:
    """Readable lines: what a supervisor changed from `old` to `new`."""
    if old is None:
        return [f"codebook '{new.name}' with {_n(len(new.categories), 'category')}"
                .replace("categorys", "categories")]
    out: list[str] = []
    before = {c.key: c for c in old.categories}
    after = {c.key: c for c in new.categories}
    for key, c in after.items():
        o = before.get(key)
        if o is None:
            out.append(f"added category '{key}'" + (" (retired)" if c.retired else ""))
            continue
        out.extend(_entry_changes(f"category '{key}'", o, c, ("color", "hotkey", "kind")))
        if c.retired != o.retired:
            out.append(f"{'retired' if c.retired else 'restored'} category '{key}'")
        if c.group != o.group:
            out.append(f"moved category '{key}' "
                       + (f"into group '{c.group}'" if c.group else "out of its group")
                       + (f" (was in '{o.group}')" if o.group and c.group else ""))
        out.extend(_attribute_changes(key, o, c))
    out.extend(f"removed category '{k}'" for k in before if k not in after)
    shared = [k for k in before if k in after]
    if shared != [k for k in after if k in before]:
        out.append("reordered the categories")
    rb = {r.key: r for r in old.relations}
    ra = {r.key: r for r in new.relations}
    for key, r in ra.items():
        o = rb.get(key)
        if o is None:
            out.append(f"added relation '{key}' ({r.from_category} -> {r.to_category})")
        else:
            out.extend(_entry_changes(f"relation '{key}'", o, r,
                                      ("from_category", "to_category")))
    out.extend(f"removed relation '{k}'" for k in rb if k not in ra)
    out.extend(_group_changes(old, new))
    if (old.name, old.description) != (new.name, new.description):
        out.append("changed the codebook's name or description")
    return out


def _group_changes(old: Codebook, new: Codebook) -> list[str]:
    out = []
    before = {g.key: g for g in old.groups}
    after = {g.key: g for g in new.groups}
    for key, g in after.items():
        o = before.get(key)
        if o is None:
            out.append(f"added group '{key}'" + (f" in '{g.parent}'" if g.parent else ""))
            continue
        out.extend(_entry_changes(f"group '{key}'", o, g, ()))
        if g.parent != o.parent:
            out.append(f"moved group '{key}' "
                       + (f"into group '{g.parent}'" if g.parent else "to the top level"))
    out.extend(f"removed group '{k}'" for k in before if k not in after)
    if [k for k in before if k in after] != [k for k in after if k in before]:
        out.append("reordered the groups")
    return out


def _entry_changes(label: str, o, n, extra: tuple[str, ...]) -> list[str]:
    out = []
    for f in extra + _SHOWN:
        a, b = getattr(o, f), getattr(n, f)
        if a != b:
            if f in _SHOWN and f != "description":
                out.append(f"{label}: {f} '{a}' -> '{b}'")
            elif f == "description":
                out.append(f"{label}: new description")
            else:
                out.append(f"{label}: {f} {a or '-'} -> {b or '-'}")
    return out


def _attribute_changes(cat: str, o: CategoryDef, c: CategoryDef) -> list[str]:
    out = []
    before = {a.key: a for a in o.attributes}
    after = {a.key: a for a in c.attributes}
    for key, a in after.items():
        label = f"attribute '{cat}.{key}'"
        b = before.get(key)
        if b is None:
            out.append(f"added {label} ({a.type})")
            continue
        out.extend(_entry_changes(label, b, a, ("type", "required", "ordinal", "suggest")))
        out.extend(_value_changes(f"{cat}.{key}", b, a))
    out.extend(f"removed attribute '{cat}.{k}'" for k in before if k not in after)
    if [k for k in before if k in after] != [k for k in after if k in before]:
        out.append(f"reordered the attributes of '{cat}'")
    return out


def _value_changes(label: str, o: AttributeDef, a: AttributeDef) -> list[str]:
    out = []
    before = {v.key: v for v in o.values}
    after = {v.key: v for v in a.values}
    for key, v in after.items():
        b = before.get(key)
        if b is None:
            out.append(f"added value '{key}' to '{label}'")
            continue
        out.extend(_entry_changes(f"value '{label}.{key}'", b, v, ()))
        if v.retired != b.retired:
            out.append(f"{'retired' if v.retired else 'restored'} value '{label}.{key}'")
    out.extend(f"removed value '{k}' from '{label}'" for k in before if k not in after)
    if [k for k in before if k in after] != [k for k in after if k in before]:
        out.append(f"reordered the values of '{label}'")
    return out
