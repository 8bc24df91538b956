"""Inter-coder agreement for span annotation (pure Python + numpy; no Qt, no SQL).

Entry point: `agreement_report(docs, spans, coders=None, categories=None, attributes=None)`.
Lower-level: `alpha_u` (Krippendorff's alpha_U on one continuum), `u_family` (the 2016
u-alpha family on one continuum), `alpha_nominal` (Krippendorff's alpha, nominal, on
coders x units data), `cohen_kappa`, `overlap_matches`, `merge_intervals`.
"""

from .coding import alpha_from_coincidences, alpha_nominal, cohen_kappa, coincidences
from .model import DocInput, Span, merge_intervals, pair_key
from .report import agreement_report, char_reliability_data
from .spans import exact_matches, f1, overlap_matches
from .unitizing import alpha_u, u_family

__all__ = [
    "DocInput", "Span", "agreement_report", "alpha_from_coincidences", "alpha_nominal",
    "alpha_u", "char_reliability_data", "coincidences", "cohen_kappa", "exact_matches", "f1",
    "merge_intervals", "overlap_matches", "pair_key", "u_family",
]
