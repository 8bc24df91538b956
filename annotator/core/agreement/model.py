"""Input data model for the agreement measures, and the merging of overlapping spans."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One coder's span of one category in one document (code points, half-open)."""

    doc: int
    coder: str
    category: str
    start: int
    end: int
    attrs: tuple = ()  # tuple of (attr_key, value) pairs; value None = unset


@dataclass(frozen=True)
class DocInput:
    """One document: its stored text and the coders whose work on it is included."""

    doc: int
    text: str
    coders: tuple[str, ...]


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals. Overlapping intervals merge; touching ones stay apart.

    `[(0, 5), (3, 8), (8, 10)]` -> `[(0, 8), (8, 10)]`: two spans that only touch are two
    units (a coder who marks two adjacent sentences made two decisions).
    """
    out: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def pair_key(a: str, b: str) -> str:
    """The two coder names in alphabetical order joined by "|"."""
    return "|".join(sorted((a, b)))
