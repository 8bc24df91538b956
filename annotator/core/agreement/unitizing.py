"""Unitizing agreement: Krippendorff's alpha_U (1995/2004) and the 2016 u-alpha family.

A continuum is a list of `Section`s laid end to end (in the report: the included documents
in id order). Each section knows which coders coded it (its pairable coders) and, per
(coder, category), that coder's units as disjoint sorted half-open intervals in section-local
offsets (overlapping spans of one coder and category are merged before they get here).

alpha_U follows Krippendorff (1995; Content Analysis 2004, pp. 251-256) as DKPro Statistics'
KrippendorffAlphaUnitizingAgreement computes it: per category the observed disagreement sums,
over coder pairs, the squared boundary differences of overlapping units and the squared
length of a unit lying in the other coder's gap; the expected disagreement considers every
way the units could have been placed. Overall = 1 - sum D_o / sum D_e over categories.

The observed part is computed with a linear merge over the sorted units of each coder pair
(O(n_a + n_b)), the expected part with sorted gap lengths and prefix sums
(O((units + gaps) log gaps)), not with the O(units^2) pairwise double loop.

Where the coders differ between sections (documents), each section's pair sums are averaged
over that section's own coder pairs and R*L is replaced by the pairable length
n = sum over sections of (coders x length). With the same coders everywhere this is exactly
the DKPro computation.

The 2016 family (Krippendorff, Mathet, Bouvry & Widloecher, Quality & Quantity 50:2347-2364;
Krippendorff 2019, ch. 12.6) works on a coincidence matrix of lengths: for every ordered pair
of coders (i, j) of a section, the length of each intersection of a segment of i valued c
with a segment of j valued k (segments = units with their category, gaps with the value
"empty") adds 1/(m_section - 1) to l_ck. Expected coincidences
e_ck = l..(l_c. l_.k - [c = k] S_c) / (l..^2 - sum S), where S_c sums l^2 over the units of
value c (a unit cannot pair with itself) and the plain length of the gaps (gaps are
divisible). u-alpha = 1 - D_o/D_e with nominal differences over categories and "empty";
|u-alpha collapses all categories to "unit" vs "empty"; cu-alpha keeps only the coincidences
between units (the stretches both coders identified), with S_c = sum of the squared
pairable lengths of the units; (k)u-alpha is u-alpha on category k alone (its units versus
everything else).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

Units = list[tuple[int, int]]


@dataclass
class Section:
    offset: int
    length: int
    coders: tuple[str, ...]
    units: dict[tuple[str, str], Units] = field(default_factory=dict)  # (coder, category)

    def get(self, coder: str, category: str) -> Units:
        return self.units.get((coder, category), [])


# --- alpha_U (Krippendorff 1995/2004) ----------------------------------------------------

def pair_distance(a: Units, b: Units) -> float:
    """Sum of alpha_U distances between two coders' sorted disjoint units of one category.

    Overlapping units: (begin difference)^2 + (end difference)^2; a unit that meets no unit
    of the other coder lies inside a gap of the other coder: its length squared.
    """
    total = 0
    hit_b = [False] * len(b)
    j0 = 0
    nb = len(b)
    for s, e in a:
        while j0 < nb and b[j0][1] <= s:
            j0 += 1
        j = j0
        hit = False
        while j < nb and b[j][0] < e:
            bs, be = b[j]
            total += (s - bs) ** 2 + (e - be) ** 2
            hit_b[j] = True
            hit = True
            j += 1
        if not hit:
            total += (e - s) ** 2
    for (s, e), h in zip(b, hit_b, strict=True):
        if not h:
            total += (e - s) ** 2
    return float(total)


def section_observed(sec: Section, category: str) -> float:
    """2/(m(m-1)) * sum over coder pairs of `pair_distance`, for one section (not yet / L^2)."""
    m = len(sec.coders)
    if m < 2:
        return 0.0
    s = 0.0
    for ci, cj in combinations(sec.coders, 2):
        s += pair_distance(sec.get(ci, category), sec.get(cj, category))
    return 2.0 * s / (m * (m - 1))


def _gap_lengths(sections: list[Section], category: str) -> list[int]:
    """All coders' gaps in `category`; a gap runs on across sections the coder also coded."""
    coders = sorted({c for sec in sections for c in sec.coders})
    gaps: list[int] = []
    for coder in coders:
        open_at: int | None = None
        for sec in sections:
            if coder not in sec.coders:
                if open_at is not None and sec.offset > open_at:
                    gaps.append(sec.offset - open_at)
                open_at = None
                continue
            if open_at is None:
                open_at = sec.offset
            for s, e in sec.get(coder, category):
                gs = sec.offset + s
                if gs > open_at:
                    gaps.append(gs - open_at)
                open_at = sec.offset + e
        if open_at is not None:
            end = sections[-1].offset + sections[-1].length
            if end > open_at:
                gaps.append(end - open_at)
    return gaps


def expected_disagreement(sections: list[Section], category: str) -> float:
    """alpha_U expected disagreement D_e of one category over the sections (Krippendorff 2004)."""
    lengths = np.array([e - s for sec in sections for c in sec.coders
                        for s, e in sec.get(c, category)], dtype=float)
    if lengths.size == 0:
        return 0.0
    L = float(sum(sec.length for sec in sections))
    n = float(sum(sec.length * len(sec.coders) for sec in sections))
    gaps = np.sort(np.array(_gap_lengths(sections, category), dtype=float))
    prefix = np.concatenate([[0.0], np.cumsum(gaps)])
    k = np.searchsorted(gaps, lengths, side="left")  # gaps[k:] >= l
    count = gaps.size - k
    sum_g = prefix[-1] - prefix[k]
    within = sum_g - count * (lengths - 1.0)  # sum over gaps >= l of (g - l + 1)
    N = lengths.size
    l1 = lengths
    terms = (N - 1.0) * (2 * l1 ** 3 - 3 * l1 ** 2 + l1) / 3.0 + l1 ** 2 * within
    num = (2.0 / L) * float(terms.sum())
    den = n * (n - 1.0) - float((lengths * (lengths - 1.0)).sum())
    return num / den if den > 0 else 0.0


def alpha_u_parts(sections: list[Section], category: str,
                  observed_sum: float | None = None) -> tuple[float, float]:
    """(D_o, D_e) of alpha_U for one category. `observed_sum` = precomputed sum of
    `section_observed` over the sections."""
    L = float(sum(sec.length for sec in sections))
    if observed_sum is None:
        observed_sum = sum(section_observed(sec, category) for sec in sections)
    do = observed_sum / (L * L) if L > 0 else 0.0
    return do, expected_disagreement(sections, category)


def alpha_from_parts(do: float, de: float, has_units: bool) -> tuple[float | None, str | None]:
    if not has_units:
        return None, "no spans of this category"
    if de <= 0.0:
        return None, "no expected disagreement (the units leave no room for chance)"
    return 1.0 - do / de, None


def _sections_from_units(continuum_begin: int, continuum_length: int, units,
                         coders=None) -> Section:
    from .model import merge_intervals

    coders = tuple(sorted({u[0] for u in units} | set(coders or ())))
    raw: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for coder, cat, start, length in units:
        s = start - continuum_begin
        raw.setdefault((coder, cat), []).append((s, s + length))
    sec = Section(0, continuum_length, coders,
                  {k: merge_intervals(v) for k, v in raw.items()})
    return sec


def alpha_u(continuum_begin: int, continuum_length: int, units, category: str | None = None,
            coders=None) -> float | None:
    """Krippendorff's alpha_U on one continuum.

    `units`: (coder, category, start, length) tuples; coders are those named in the units
    plus `coders` (a coder with no units at all still counts). `category=None` gives the
    overall coefficient 1 - sum D_o / sum D_e. Returns None where it is undefined.
    """
    sec = _sections_from_units(continuum_begin, continuum_length, units, coders)
    if len(sec.coders) < 2:
        return None
    cats = sorted({u[1] for u in units}) if category is None else [category]
    do = de = 0.0
    for c in cats:
        d_o, d_e = alpha_u_parts([sec], c)
        do += d_o
        de += d_e
    has = any(u[1] in cats for u in units)
    return alpha_from_parts(do, de, has)[0]


# --- the 2016 u-alpha family ---------------------------------------------------------

def u_alpha_from(o: np.ndarray, corr: np.ndarray) -> tuple[float | None, str | None]:
    """Nominal u-alpha from observed length coincidences `o` and self-pairing corrections."""
    o = np.asarray(o, dtype=float)
    corr = np.asarray(corr, dtype=float)
    total = float(o.sum())
    if total <= 0:
        return None, "nothing pairable"
    e = expected_coincidences(o, corr)
    if e is None:
        return None, "no variation: every stretch has the same value"
    do = total - float(np.trace(o))
    de = float(e.sum()) - float(np.trace(e))
    if de <= 1e-12 * total:
        return None, "no variation: every stretch has the same value"
    return 1.0 - do / de, None


def expected_coincidences(o: np.ndarray, corr: np.ndarray) -> np.ndarray | None:
    marg = o.sum(axis=1)
    total = float(marg.sum())
    den = total * total - float(corr.sum())
    if den <= 0:
        return None
    e = np.outer(marg, o.sum(axis=0))
    e[np.diag_indices_from(e)] -= corr
    return total * e / den


def bu_alpha_from(o: np.ndarray, corr: np.ndarray) -> tuple[float | None, str | None]:
    """|u-alpha: units (any category) versus gaps; the last row/column of `o` is the gap."""
    o = np.asarray(o, dtype=float)
    e = expected_coincidences(o, np.asarray(corr, dtype=float))
    total = float(o.sum())
    if total <= 0:
        return None, "nothing pairable"
    if e is None:
        return None, "no variation: every stretch has the same value"
    do = float(o[:-1, -1].sum() + o[-1, :-1].sum())
    de = float(e[:-1, -1].sum() + e[-1, :-1].sum())
    if de <= 1e-12 * total:
        return None, "no variation: no coder marked anything, or coders marked everything"
    return 1.0 - do / de, None


def cu_alpha_from(o: np.ndarray, corr_pairable: np.ndarray) -> tuple[float | None, str | None]:
    """cu-alpha: categories of the stretches two coders both identified as units."""
    o = np.asarray(o, dtype=float)[:-1, :-1]
    total = float(o.sum())
    if total <= 0:
        return None, "no stretch that two coders both identified as a unit"
    e = expected_coincidences(o, np.asarray(corr_pairable, dtype=float))
    if e is None:
        return None, "no variation: only one category among the jointly identified units"
    do = total - float(np.trace(o))
    de = float(e.sum()) - float(np.trace(e))
    if de <= 1e-12 * total:
        return None, "no variation: only one category among the jointly identified units"
    return 1.0 - do / de, None


def ku_alpha_from(o_kk: float, len_k: float, corr_k: float, n: float
                  ) -> tuple[float | None, str | None]:
    """(k)u-alpha: u-alpha of category k alone (k units versus everything else).

    o_kk: length coincidences k-k; len_k: total length of the coders' (merged) k units;
    corr_k: sum of their squared lengths; n: pairable length (coders x length).
    """
    if len_k <= 0:
        return None, "no spans of this category"
    off = len_k - o_kk
    o = np.array([[o_kk, off], [off, n - 2 * len_k + o_kk]])
    return u_alpha_from(o, np.array([corr_k, n - len_k]))


def u_family(continuum_begin: int, continuum_length: int, units, coders=None) -> dict:
    """The 2016 family on one continuum: {"u_alpha", "bu_alpha", "cu_alpha", "ku_alpha": {k: x}}.

    `units`: (coder, category, start, length); every coder codes the whole continuum.
    """
    sec = _sections_from_units(continuum_begin, continuum_length, units, coders)
    cats = sorted({u[1] for u in units})
    st = section_u_stats(sec, cats, None)
    return u_family_from_stats(st, cats)


def section_u_stats(sec: Section, categories: list[str], cov: np.ndarray | None) -> dict:
    """Additive statistics of one section for the u-alpha family.

    `cov`: optional bool array (coders x categories x length) of the merged units, in the
    order of `sec.coders` (built here when not given).
    """
    m, K, n_len = len(sec.coders), len(categories), sec.length
    if cov is None:
        cov = coverage(sec, categories)
    o = np.zeros((K + 1, K + 1))
    corr = np.zeros(K + 1)
    corr_star = np.zeros(K)
    len_k = np.zeros(K)
    if m < 2 or n_len == 0:
        return {"o": o, "corr": corr, "corr_star": corr_star, "len_k": len_k, "n": 0.0}
    mats = np.empty((m, K + 1, n_len), dtype=np.float64)
    mats[:, :K, :] = cov
    mats[:, K, :] = ~cov.any(axis=1)
    if (cov.sum(axis=1) > 1).any():
        o = _multi_valued_coincidences(mats, K)
    else:
        s = mats.sum(axis=0)
        o = s @ s.T
        for i in range(m):
            o -= mats[i] @ mats[i].T
    o /= (m - 1)
    len_k = cov.sum(axis=(0, 2)).astype(float)
    corr[K] = float(mats[:, K, :].sum())
    per_coder = cov.sum(axis=1).astype(np.float64)  # coders x length: categories covering
    total = per_coder.sum(axis=0)
    for i, coder in enumerate(sec.coders):
        csum = np.concatenate([[0.0], np.cumsum(total - per_coder[i])])
        for k, cat in enumerate(categories):
            u = sec.get(coder, cat)
            if not u:
                continue
            arr = np.asarray(u, dtype=np.int64)
            lens = (arr[:, 1] - arr[:, 0]).astype(float)
            corr[k] += float((lens * lens).sum())
            pairable = (csum[arr[:, 1]] - csum[arr[:, 0]]) / (m - 1)
            corr_star[k] += float((pairable * pairable).sum())
    return {"o": o, "corr": corr, "corr_star": corr_star, "len_k": len_k,
            "n": float(m * n_len)}


def _multi_valued_coincidences(mats: np.ndarray, K: int) -> np.ndarray:
    """Pair coincidences where a coder's units of different categories overlap (a source
    inside its claim). The 2016 family assumes one value per position; pairing every value
    of one coder with every value of the other would count two identical codings as
    disagreeing (claim against source). Instead, per position and ordered coder pair:
    the values both hold coincide with themselves; the values only one holds pair with the
    other's leftovers (or with the other's gap, for a category the other did not mark
    there), each weighted 1/max(leftovers). With one value per position this is exactly
    the usual table, so results without overlaps are unchanged."""
    m = mats.shape[0]
    gap = K
    o = np.zeros((K + 1, K + 1))
    vals = mats[:, :K, :] > 0
    for i in range(m):
        for j in range(m):
            if i == j:
                continue
            a, b = vals[i], vals[j]
            both = a & b
            o[np.arange(K), np.arange(K)] += both.sum(axis=1)
            la, lb = (a & ~b).astype(float), (b & ~a).astype(float)
            na, nb = la.sum(axis=0), lb.sum(axis=0)
            gap_a = (mats[i, gap] > 0) & (mats[j, gap] > 0)  # both in a gap: ⊘ coincides
            o[gap, gap] += gap_a.sum()
            # a leftover value meets the other's gap when the other has no leftover
            la_full = np.vstack([la, ((na == 0) & (nb > 0)).astype(float)[None, :]])
            lb_full = np.vstack([lb, ((nb == 0) & (na > 0)).astype(float)[None, :]])
            na_f, nb_f = la_full.sum(axis=0), lb_full.sum(axis=0)
            w = np.zeros_like(na_f)
            has = (na_f > 0) & (nb_f > 0)
            w[has] = 1.0 / np.maximum(na_f, nb_f)[has]
            o += (la_full * w) @ lb_full.T
    return o


def coverage(sec: Section, categories: list[str]) -> np.ndarray:
    """Bool array coders x categories x length: where each coder's units of each category lie."""
    m, K = len(sec.coders), len(categories)
    diff = np.zeros((m, K, sec.length + 1), dtype=np.int32)
    for i, coder in enumerate(sec.coders):
        for k, cat in enumerate(categories):
            for s, e in sec.get(coder, cat):
                diff[i, k, s] += 1
                diff[i, k, e] -= 1
    return np.cumsum(diff[:, :, :-1], axis=2) > 0


def add_stats(a: dict | None, b: dict) -> dict:
    if a is None:
        return {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in b.items()}
    for k, v in b.items():
        a[k] = a[k] + v
    return a


def u_family_from_stats(st: dict, categories: list[str]) -> dict:
    out: dict = {"reasons": {}}
    for name, (val, why) in (("u_alpha", u_alpha_from(st["o"], st["corr"])),
                             ("bu_alpha", bu_alpha_from(st["o"], st["corr"])),
                             ("cu_alpha", cu_alpha_from(st["o"], st["corr_star"]))):
        out[name] = val
        if why:
            out["reasons"][name] = why
    out["ku_alpha"] = {}
    for k, cat in enumerate(categories):
        val, why = ku_alpha_from(st["o"][k, k], st["len_k"][k], st["corr"][k], st["n"])
        out["ku_alpha"][cat] = val
        if why:
            out["reasons"][f"ku_alpha.{cat}"] = why
    return out
