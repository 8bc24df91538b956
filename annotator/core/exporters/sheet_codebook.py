"""The Codebook sheet: categories, attributes, their values, relations, and the groups
the categories are filed in (`group` on a category row; a group row names its parent)."""

from __future__ import annotations

from .plan import Plan
from .table import Column, Table


def codebook_table(plan: Plan) -> Table:
    cols = [Column("element", 10), Column("column", 24), Column("category", 14),
            Column("attribute", 14), Column("value", 16), Column("name_ar", 26, "long", True),
            Column("name_en", 26, "long"), Column("type", 10), Column("kind", 10),
            Column("ordinal", 8, "bool"), Column("required", 9, "bool"), Column("color", 9),
            Column("hotkey", 7), Column("from_category", 13), Column("to_category", 13),
            Column("retired", 8, "bool"), Column("group", 14), Column("parent_group", 14),
            Column("description", 60, "long", True)]

    def rows():
        for c in plan.categories:
            yield ("category", None, c.key, None, None, c.name_ar, c.name_en, None, c.kind,
                   None, None, c.color, c.hotkey, None, None, c.retired, c.group, None,
                   c.description or None)
            for a in c.attributes:
                yield ("attribute", a.column, c.key, a.key, None, a.name_ar, a.name_en, a.type,
                       None, a.ordinal, a.required, None, None, None, None, c.retired,
                       None, None, a.description or None)
                for v in a.values:
                    yield ("value", a.column, c.key, a.key, a.cell(v["key"]),
                           v.get("name_ar") or None, v.get("name_en") or None, None, None,
                           None, None, None, None, None, None,
                           bool(c.retired or v.get("retired")),  # hidden from coders, kept
                           None, None, v.get("description") or None)
        for r in plan.relations:
            yield ("relation", None, None, None, r.key, r.name_ar, r.name_en, None, None, None,
                   None, None, None, r.from_category, r.to_category, None, None, None,
                   r.description or None)
        for g in plan.groups:
            yield ("group", None, None, None, None, g.name_ar, g.name_en, None, None, None,
                   None, None, None, None, None, None, g.key, g.parent, g.description or None)

    return Table("Codebook", cols, rows(), plan.arabic, 0)
