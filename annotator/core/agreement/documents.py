"""Agreement on document-level categories (an article's genre, its origin): each included
document is a unit, each coder's value of the attribute on it a value; Krippendorff's
alpha at the attribute's level (ordinal where the codebook orders the values, else
nominal), with the documents and values behind it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from .coding import alpha_for_level, coincidences_from_codes
from .model import DocInput, pair_key


@dataclass(frozen=True)
class DocCode:
    """One coder's whole-document code of one category."""

    doc: int
    coder: str
    category: str
    attrs: tuple = ()  # (attr_key, value) pairs


def document_agreement(docs: list[DocInput], codes: list[DocCode],
                       categories: dict[str, list[tuple[str, list | None]]]) -> dict:
    """{category: {"documents", "coded": {coder: n}, "attributes": {attr: alpha},
    "attribute_levels", "attribute_units" (documents with two or more values),
    "percent_agreement": {attr: share of pairable coder pairs that agree},
    "reasons": {"attributes.ATTR": why}}}. `categories`: key -> [(attr, order or None)],
    order = the values low to high for an ordinal attribute."""
    included = [(d.doc, d.coders) for d in sorted(docs, key=lambda d: d.doc)
                if len(d.coders) >= 2]
    col = {doc: i for i, (doc, _) in enumerate(included)}
    who = dict(included)
    out = {}
    for cat, attrs in categories.items():
        coders = sorted({c for _, cs in included for c in cs})
        row = {c: i for i, c in enumerate(coders)}
        mine = {}
        for code in codes:
            if code.category == cat and code.doc in col and code.coder in row and \
                    code.coder in who[code.doc]:
                mine[(code.coder, code.doc)] = dict(code.attrs)
        entry: dict = {"documents": len(included),
                       "coded": {c: sum(1 for (cc, _) in mine if cc == c) for c in coders},
                       "attributes": {}, "attribute_levels": {}, "attribute_units": {},
                       "percent_agreement": {}, "reasons": {}}
        for key, order in attrs:
            values: dict = {v: i for i, v in enumerate(order or ())}
            codes_arr = np.full((len(coders), len(included)), -1, dtype=np.int64)
            for (coder, doc), a in mine.items():
                v = a.get(key)
                if v is None or v == "":
                    continue
                codes_arr[row[coder], col[doc]] = values.setdefault(v, len(values))
            level = "ordinal" if order else "nominal"
            entry["attribute_levels"][key] = level
            pairable = int(((codes_arr >= 0).sum(axis=0) >= 2).sum())
            entry["attribute_units"][key] = pairable
            if not included:
                val, why = None, "no document has two or more included coders"
            elif pairable == 0:
                val, why = None, "no document with this attribute coded by two coders"
            else:
                val, why = alpha_for_level(coincidences_from_codes(codes_arr, len(values)),
                                           level)
            entry["attributes"][key] = val
            if why:
                entry["reasons"][f"attributes.{key}"] = why
            same = total = 0
            for i, j in combinations(range(len(coders)), 2):
                both = (codes_arr[i] >= 0) & (codes_arr[j] >= 0)
                total += int(both.sum())
                same += int((both & (codes_arr[i] == codes_arr[j])).sum())
            entry["percent_agreement"][key] = same / total if total else None
            if not total:
                entry["reasons"].setdefault(f"percent_agreement.{key}",
                                            "no document with this attribute coded by "
                                            "two coders")
        entry["pairs"] = [pair_key(a, b) for a, b in combinations(coders, 2)]
        out[cat] = entry
    return out
