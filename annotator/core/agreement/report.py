"""The agreement report: every measure per category, overall and per document, with counts.

Shape (JSON-ready; pairs are "A|B" with the names in alphabetical order; document ids are
string keys, as JSON has them):

    {"coders": [...], "documents": n, "continuum_length": n,
     "categories": {KEY: {"alpha_u", "u_alpha", "alpha_nominal", "percent_agreement",
                          "kappa": {pair}, "f1_exact": {pair}, "f1_overlap": {pair},
                          "attributes": {ATTR}, "n_units", "spans": {coder}, "merged_spans",
                          "documents", "pairs": {pair: counts}, "attribute_units": {ATTR},
                          "reasons": {figure: why}}},
     "overall": {"alpha_u", "u_alpha", "bu_alpha", "cu_alpha", "documents",
                 "continuum_length", "n_units", "spans", "ignored_spans", "reasons"},
     "per_document": {"DOC_ID": {same shape without per_document}}}

A figure that cannot be computed is None with its reason under "reasons" (key = figure
name, or "kappa.A|B", "attributes.ATTR", ...). percent_agreement is a share in [0, 1].
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from .coding import (
    alpha_for_level,
    alpha_from_coincidences,
    binary_coincidences,
    kappa_from_table,
)
from .model import DocInput, Span, merge_intervals, pair_key
from .spans import exact_matches, f1, overlap_matches
from .unitizing import (
    Section,
    add_stats,
    alpha_from_parts,
    coverage,
    expected_disagreement,
    section_observed,
    section_u_stats,
    u_family_from_stats,
)

# Every code point for which str.isspace() holds lies below U+3001.
_WS = np.array(sorted(c for c in range(0x3001) if chr(c).isspace()), dtype=np.uint32)


def nonspace_mask(text: str) -> np.ndarray:
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return ~np.isin(cps, _WS)


@dataclass
class _DocStats:
    doc: int
    sec: Section
    n_units: int
    u: dict
    au_obs: np.ndarray                       # K: section_observed per category
    char_o: np.ndarray                       # K x 2 x 2 binary coincidences
    tables: dict[str, np.ndarray]            # pair -> K x 4 (a, b, c, d)
    f1c: dict[str, np.ndarray]               # pair -> K x 4 (tp_exact, tp_overlap, n_a, n_b)
    matched: dict[str, list] = field(default_factory=dict)  # category -> [(pair, sa, sb)]
    spans: dict[tuple[str, str], int] = field(default_factory=dict)   # (coder, cat) -> n raw
    merged: dict[tuple[str, str], int] = field(default_factory=dict)  # (coder, cat) -> n


def _doc_stats(d: DocInput, coders: tuple[str, ...], offset: int, cats: list[str],
               raw: dict[tuple[str, str], list[Span]]) -> _DocStats:
    K, m = len(cats), len(coders)
    units = {}
    for c in coders:
        for cat in cats:
            sp = raw.get((c, cat), [])
            if sp:
                units[(c, cat)] = merge_intervals([(s.start, s.end) for s in sp])
    sec = Section(offset, len(d.text), coders, units)
    cov = coverage(sec, cats)  # m x K x len
    mask = nonspace_mask(d.text)
    cv = cov[:, :, mask]       # m x K x n_units
    n_units = int(mask.sum())
    # Krippendorff's alpha on character units: histogram of "how many coders said 1".
    t = cv.sum(axis=0).astype(np.int64)  # K x n_units
    hist = np.bincount((t + np.arange(K)[:, None] * (m + 1)).ravel(),
                       minlength=K * (m + 1)).reshape(K, m + 1)
    char_o = np.stack([binary_coincidences(hist[k], m) for k in range(K)]) if K else \
        np.zeros((0, 2, 2))
    ones = cv.sum(axis=2)  # m x K
    tables, f1c = {}, {}
    matched: dict[str, list] = defaultdict(list)
    for i, j in combinations(range(m), 2):
        a = (cv[i] & cv[j]).sum(axis=1)
        b = ones[i] - a
        c = ones[j] - a
        tables[pair_key(coders[i], coders[j])] = np.stack(
            [a, b, c, n_units - a - b - c], axis=1).astype(float)
        rows = []
        for cat in cats:
            sa, sb = raw.get((coders[i], cat), []), raw.get((coders[j], cat), [])
            om = overlap_matches(sa, sb)
            first, second = (sa, sb) if coders[i] < coders[j] else (sb, sa)
            for x, y in om:
                matched[cat].append((x, y))
            rows.append((exact_matches(first, second), len(om), len(first), len(second)))
        f1c[pair_key(coders[i], coders[j])] = np.array(rows, dtype=float).reshape(K, 4)
    return _DocStats(
        doc=d.doc, sec=sec, n_units=n_units, u=section_u_stats(sec, cats, cov),
        au_obs=np.array([section_observed(sec, cat) for cat in cats]), char_o=char_o,
        tables=tables, f1c=f1c, matched=dict(matched),
        spans={(c, cat): len(raw.get((c, cat), [])) for c in coders for cat in cats},
        merged={(c, cat): len(units.get((c, cat), [])) for c in coders for cat in cats},
    )


def _attribute_alpha(pairs: list[tuple[Span, Span]], key: str, order: list | None = None
                     ) -> tuple[float | None, str | None, int]:
    """Alpha of one attribute over matched span pairs; `order` (the values low to high)
    makes it ordinal."""
    values: dict = {v: i for i, v in enumerate(order or ())}
    cells: list[tuple[int, int]] = []
    for x, y in pairs:
        vx, vy = dict(x.attrs).get(key), dict(y.attrs).get(key)
        if vx is None or vy is None:
            continue
        ix = values.setdefault(vx, len(values))
        iy = values.setdefault(vy, len(values))
        cells.append((ix, iy))
    if not cells:
        return None, "fewer than 2 pairable values", 0
    o = np.zeros((len(values), len(values)))
    for ix, iy in cells:  # each matched pair is a unit with two values (m_u = 2)
        o[ix, iy] += 1
        o[iy, ix] += 1
    val, why = alpha_for_level(o, "ordinal" if order else "nominal")
    return val, why, len(cells)


def _scope(stats: list[_DocStats], coders: list[str], cats: list[str],
           attributes: dict[str, list[str]] | None, levels: dict | None = None) -> dict:
    """Figures for a set of documents (all included ones, or one)."""
    sections = [s.sec for s in stats]
    n_docs = len(stats)
    L = sum(s.sec.length for s in stats)
    n_units = sum(s.n_units for s in stats)
    pairs = [pair_key(a, b) for a, b in combinations(sorted(coders), 2)]
    out_cats: dict = {}
    u = None
    for s in stats:
        u = add_stats(u, s.u)
    fam = u_family_from_stats(u, cats) if u is not None else None
    sum_do = sum_de = 0.0
    any_units = False
    none_reason = None if n_docs else "no document has two or more included coders"
    for k, cat in enumerate(cats):
        reasons: dict[str, str] = {}
        entry: dict = {"documents": n_docs, "n_units": n_units, "continuum_length": L}
        entry["spans"] = {c: sum(s.spans.get((c, cat), 0) for s in stats) for c in coders}
        entry["merged_spans"] = {c: sum(s.merged.get((c, cat), 0) for s in stats)
                                 for c in coders}
        # alpha_U
        if none_reason:
            entry["alpha_u"], reasons["alpha_u"] = None, none_reason
        else:
            do_sum = float(sum(s.au_obs[k] for s in stats))
            do = do_sum / (L * L) if L else 0.0
            de = expected_disagreement(sections, cat)
            has = any(v for v in entry["merged_spans"].values())
            any_units = any_units or has
            sum_do += do
            sum_de += de
            entry["alpha_u"], why = alpha_from_parts(do, de, has)
            if why:
                reasons["alpha_u"] = why
        # (k)u-alpha
        if fam is None:
            entry["u_alpha"], reasons["u_alpha"] = None, none_reason
        else:
            entry["u_alpha"] = fam["ku_alpha"][cat]
            if f"ku_alpha.{cat}" in fam["reasons"]:
                reasons["u_alpha"] = fam["reasons"][f"ku_alpha.{cat}"]
        # alpha nominal on character units
        if none_reason:
            entry["alpha_nominal"], reasons["alpha_nominal"] = None, none_reason
        else:
            o = sum(s.char_o[k] for s in stats)
            val, why = alpha_from_coincidences(o)
            if why and why.startswith("no variation"):
                why = ("no variation: no coder marked this category" if o[1, 1] + o[0, 1] == 0
                       else "no variation: every character unit has the same value")
            entry["alpha_nominal"] = val
            if why:
                reasons["alpha_nominal"] = why
        # pairwise: kappa, percent agreement, F1
        entry["kappa"], entry["f1_exact"], entry["f1_overlap"], entry["pairs"] = {}, {}, {}, {}
        shares = []
        for p in pairs:
            tab = [s.tables[p][k] for s in stats if p in s.tables]
            f = [s.f1c[p][k] for s in stats if p in s.f1c]
            if not tab:
                why = "the two coders share no included document"
                for name in ("kappa", "f1_exact", "f1_overlap"):
                    entry[name][p] = None
                    reasons[f"{name}.{p}"] = why
                entry["pairs"][p] = {"documents": 0, "units": 0}
                continue
            a, b, c, d = np.sum(tab, axis=0)
            te, to, na, nb = np.sum(f, axis=0)
            val, why = kappa_from_table(a, b, c, d)
            entry["kappa"][p] = val
            if why:
                reasons[f"kappa.{p}"] = why
            n = a + b + c + d
            share = float((a + d) / n) if n else None
            if share is not None and a + b + c == 0:
                # agreeing only that nobody marked anything is no agreement to report
                share = None
                reasons[f"percent_agreement.{p}"] = "neither coder marked this category"
            if share is not None:
                shares.append(share)
            for name, tp in (("f1_exact", te), ("f1_overlap", to)):
                val, why = f1(int(tp), int(na), int(nb))
                entry[name][p] = val
                if why:
                    reasons[f"{name}.{p}"] = why
            first, second = p.split("|")
            entry["pairs"][p] = {"documents": len(tab), "units": int(n),
                                 "percent_agreement": share,
                                 "spans": {first: int(na), second: int(nb)},
                                 "matched_exact": int(te), "matched_overlap": int(to)}
        if shares:
            entry["percent_agreement"] = float(np.mean(shares))
        else:
            entry["percent_agreement"] = None
            shared = any(entry["pairs"][p]["documents"] for p in pairs)
            reasons["percent_agreement"] = none_reason or (
                "no spans of this category" if shared else "no coder pair shares a document")
        # attributes on overlap-matched spans
        matched = [pr for s in stats for pr in s.matched.get(cat, [])]
        if attributes is not None:
            keys = list(attributes.get(cat, []))
        else:
            keys = sorted({key for x, y in matched for key, _ in (*x.attrs, *y.attrs)})
        entry["attributes"], entry["attribute_units"], entry["attribute_levels"] = {}, {}, {}
        for key in keys:
            order = (levels or {}).get(cat, {}).get(key)
            val, why, n_pairs = _attribute_alpha(matched, key, order)
            entry["attributes"][key] = val
            entry["attribute_units"][key] = n_pairs
            entry["attribute_levels"][key] = "ordinal" if order else "nominal"
            if why:
                reasons[f"attributes.{key}"] = why
        entry["reasons"] = reasons
        out_cats[cat] = entry
    overall: dict = {"documents": n_docs, "continuum_length": L, "n_units": n_units,
                     "spans": {c: sum(v for s in stats for (cc, _), v in s.spans.items()
                                      if cc == c) for c in coders}}
    reasons = {}
    if none_reason:
        for name in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
            overall[name] = None
            reasons[name] = none_reason
    else:
        overall["alpha_u"], why = alpha_from_parts(sum_do, sum_de, any_units)
        if why:
            reasons["alpha_u"] = "no spans" if not any_units else why
        for name in ("u_alpha", "bu_alpha", "cu_alpha"):
            overall[name] = fam[name]
            if name in fam["reasons"]:
                reasons[name] = fam["reasons"][name]
    overall["reasons"] = reasons
    result = {"coders": list(coders), "documents": n_docs, "continuum_length": L,
              "categories": out_cats, "overall": overall}
    return result


def _prepare(docs, spans, coders, categories):
    wanted = set(coders) if coders is not None else None
    included: list[tuple[DocInput, tuple[str, ...]]] = []
    for d in sorted(docs, key=lambda d: d.doc):
        cs = set(d.coders) if wanted is None else set(d.coders) & wanted
        if len(cs) >= 2:
            included.append((d, tuple(sorted(cs))))
    inc = {d.doc: (d, cs) for d, cs in included}
    raw: dict[int, dict[tuple[str, str], list[Span]]] = defaultdict(lambda: defaultdict(list))
    seen: set[str] = set()
    ignored = 0
    allowed = set(categories) if categories is not None else None
    for s in spans:
        e = inc.get(s.doc)
        if e is None or s.coder not in e[1]:
            continue
        if allowed is not None and s.category not in allowed:
            continue
        if not (0 <= s.start < s.end <= len(e[0].text)):
            ignored += 1
            continue
        raw[s.doc][(s.coder, s.category)].append(s)
        seen.add(s.category)
    cats = list(categories) if categories is not None else sorted(seen)
    if wanted is not None:
        coder_list = sorted(wanted)
    else:
        coder_list = sorted({c for _, cs in included for c in cs})
    return included, raw, cats, coder_list, ignored


def agreement_report(docs: list[DocInput], spans: list[Span], coders: list[str] | None = None,
                     categories: list[str] | None = None,
                     attributes: dict[str, list[str]] | None = None,
                     levels: dict[str, dict[str, list]] | None = None) -> dict:
    """Every agreement figure, per category, overall and per document (see module doc).

    Only documents with two or more included coders count (`coders` restricts who is
    included); they form one continuum, end to end in id order. Spans of a coder on a
    document the coder is not included for are ignored; spans outside the text are counted
    as "ignored_spans". `attributes`: category -> attribute keys to measure (default: every
    key seen on the matched spans of that category). `levels`: category -> attribute ->
    its values low to high, for the ordinal attributes (the rest are nominal).
    """
    included, raw, cats, coder_list, ignored = _prepare(docs, spans, coders, categories)
    stats = []
    offset = 0
    for d, cs in included:
        stats.append(_doc_stats(d, cs, offset, cats, raw.get(d.doc, {})))
        offset += len(d.text)
    report = _scope(stats, coder_list, cats, attributes, levels)
    report["overall"]["ignored_spans"] = ignored
    if len(coder_list) < 2:
        report["overall"]["reasons"].setdefault("coders", "only one coder")
    per_doc = {}
    for s in stats:
        sub = _scope([s], list(s.sec.coders), cats, attributes, levels)
        per_doc[str(s.doc)] = sub
    report["per_document"] = per_doc
    return report


def char_reliability_data(docs: list[DocInput], spans: list[Span], category: str,
                          coders: list[str] | None = None) -> tuple[list[str], np.ndarray]:
    """The coders x character-units matrix behind alpha_nominal (1/0, NaN = not included).

    For checking against the `krippendorff` package and for the benchmark.
    """
    included, raw, _, coder_list, _ = _prepare(docs, spans, coders, [category])
    cols = []
    for d, cs in included:
        mask = nonspace_mask(d.text)
        block = np.full((len(coder_list), int(mask.sum())), np.nan)
        for c in cs:
            cov = np.zeros(len(d.text) + 1, dtype=np.int32)
            for s in raw.get(d.doc, {}).get((c, category), []):
                cov[s.start] += 1
                cov[s.end] -= 1
            block[coder_list.index(c)] = (np.cumsum(cov[:-1]) > 0)[mask]
        cols.append(block)
    data = np.concatenate(cols, axis=1) if cols else np.zeros((len(coder_list), 0))
    return coder_list, data
