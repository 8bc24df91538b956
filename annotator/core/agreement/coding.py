"""Krippendorff's alpha (nominal) from coincidence matrices, Cohen's kappa, percent agreement.

All functions return ``(value, reason)``: a figure, or ``None`` with the reason it cannot be
computed. Nothing here invents a 1.0 for data without variation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NO_VARIATION = "no variation: every unit has the same value"


def alpha_from_coincidences(o: np.ndarray) -> tuple[float | None, str | None]:
    """Nominal alpha from a (symmetric) coincidence matrix o_ck (Krippendorff 2011).

    alpha = 1 - (n - 1) * (n - sum_c o_cc) / (n^2 - sum_c n_c^2), n_c = row sums.
    """
    o = np.asarray(o, dtype=float)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    if n <= 1.0:
        return None, "fewer than 2 pairable values"
    de = n * n - float((n_c * n_c).sum())
    if de <= 1e-12 * n * n:
        return None, NO_VARIATION
    do = n - float(np.trace(o))
    return 1.0 - (n - 1.0) * do / de, None


def ordinal_alpha_from_coincidences(o: np.ndarray) -> tuple[float | None, str | None]:
    """Ordinal alpha from a coincidence matrix whose rows are the values in their order
    (low to high): delta^2_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2 (Krippendorff 2011),
    alpha = 1 - (n - 1) * sum o_ck delta^2_ck / sum n_c n_k delta^2_ck."""
    o = np.asarray(o, dtype=float)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    if n <= 1.0:
        return None, "fewer than 2 pairable values"
    cum = np.concatenate([[0.0], np.cumsum(n_c)])
    idx = np.arange(len(n_c))
    lo, hi = np.minimum.outer(idx, idx), np.maximum.outer(idx, idx)
    delta2 = (cum[hi + 1] - cum[lo] - (n_c[:, None] + n_c[None, :]) / 2.0) ** 2
    de = float((np.outer(n_c, n_c) * delta2).sum())
    if de <= 1e-12 * n * n:
        return None, NO_VARIATION
    return 1.0 - (n - 1.0) * float((o * delta2).sum()) / de, None


def alpha_for_level(o: np.ndarray, level: str) -> tuple[float | None, str | None]:
    """Alpha at the attribute's level of measurement: "ordinal" (rows in value order) or
    "nominal"."""
    return ordinal_alpha_from_coincidences(o) if level == "ordinal" else \
        alpha_from_coincidences(o)


def coincidences(data) -> tuple[np.ndarray, list]:
    """Coincidence matrix of reliability data (coders x units; None/NaN = missing).

    Vectorised: per unit the value counts c_u (V vector) with m_u values add
    (c_u c_u^T - diag(c_u)) / (m_u - 1); units with fewer than two values are not pairable.
    O(units * V^2), no loop over coder pairs.
    """
    arr = np.asarray(data, dtype=object)
    if arr.ndim != 2:
        raise ValueError("reliability data must be 2-D: coders x units")
    flat = arr.ravel()
    present = np.array([v is not None and not (isinstance(v, float) and np.isnan(v))
                        for v in flat]).reshape(arr.shape)
    values = sorted({v for v, p in zip(flat, present.ravel(), strict=True) if p}, key=_sort_key)
    index = {v: i for i, v in enumerate(values)}
    codes = np.full(arr.shape, -1, dtype=np.int64)
    for (r, u), v in np.ndenumerate(arr):
        if present[r, u]:
            codes[r, u] = index[v]
    return coincidences_from_codes(codes, len(values)), values


def coincidences_from_codes(codes: np.ndarray, n_values: int) -> np.ndarray:
    """Coincidence matrix from integer codes (coders x units, -1 = missing)."""
    codes = np.asarray(codes)
    n_units = codes.shape[1]
    v = max(n_values, 1)
    rows, cols = np.nonzero(codes >= 0)
    counts = np.bincount(cols * v + codes[rows, cols], minlength=n_units * v)
    counts = counts.reshape(n_units, v).astype(float)
    m_u = counts.sum(axis=1)
    ok = m_u >= 2
    counts = counts[ok]
    w = 1.0 / (m_u[ok] - 1.0)
    o = (counts * w[:, None]).T @ counts
    o -= np.diag((counts * w[:, None]).sum(axis=0))
    return o


def _sort_key(v):
    return (type(v).__name__, str(v)) if not isinstance(v, (int, float)) else ("", v)


def alpha_nominal(data) -> float | None:
    """Krippendorff's alpha, nominal, for coders x units data (None or NaN = missing)."""
    o, _ = coincidences(data)
    return alpha_from_coincidences(o)[0]


def binary_coincidences(hist: Sequence[float], m: int) -> np.ndarray:
    """2x2 coincidence matrix of binary units that all have m values.

    ``hist[t]`` = number of units where t of the m coders gave value 1.
    """
    t = np.arange(len(hist), dtype=float)
    h = np.asarray(hist, dtype=float)
    ones, zeros = t, m - t
    w = 1.0 / (m - 1.0)
    o11 = float((h * ones * (ones - 1)).sum()) * w
    o00 = float((h * zeros * (zeros - 1)).sum()) * w
    o01 = float((h * ones * zeros).sum()) * w
    return np.array([[o00, o01], [o01, o11]])


def kappa_from_table(a: float, b: float, c: float, d: float) -> tuple[float | None, str | None]:
    """Cohen's kappa for a 2x2 table: a = both 1, b = first 1 only, c = second 1 only, d = both 0."""
    n = a + b + c + d
    if n <= 0:
        return None, "no units coded by both coders"
    po = (a + d) / n
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
    if pe >= 1.0 - 1e-12:
        return None, NO_VARIATION
    return (po - pe) / (1.0 - pe), None


def cohen_kappa(x: Sequence, y: Sequence) -> tuple[float | None, str | None]:
    """Cohen's kappa (unweighted) of two coders' values on the same units (any labels)."""
    if len(x) != len(y):
        raise ValueError("both coders must code the same units")
    n = len(x)
    if n == 0:
        return None, "no units coded by both coders"
    labels = sorted(set(x) | set(y), key=_sort_key)
    idx = {v: i for i, v in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    for u, v in zip(x, y, strict=True):
        table[idx[u], idx[v]] += 1
    po = np.trace(table) / n
    pe = float((table.sum(axis=1) * table.sum(axis=0)).sum()) / (n * n)
    if pe >= 1.0 - 1e-12:
        return None, NO_VARIATION
    return (po - pe) / (1.0 - pe), None
