"""Suggested sources, attribution phrases and claims: the desk proposes, the coder decides.

Rules and lexicons (resources/suggest/lexicon.yaml) find attribution cues and the source
each introduces; the project's own coding (source names and cue words coders already
marked) is learned on top. Suggestions are never stored as annotations until accepted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import Lexicon, default_lexicon
from .memory import Memory
from .rules import extract

# What the rules call things -> the default codebook's category keys.
ROLES = ("source", "attribution", "claim")


@dataclass(frozen=True)
class Suggestion:
    doc_id: int | None
    category: str
    start: int
    end: int
    quote: str
    attrs: dict = field(default_factory=dict, compare=False, hash=False)
    cue: str = field(default="", compare=False)
    score: float = field(default=0.0, compare=False)
    link: tuple[int, int] | None = field(default=None, compare=False)  # claim -> source span

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.category, self.start, self.end)

    def as_dict(self) -> dict:
        return {"document_id": self.doc_id, "start": self.start, "end": self.end,
                "category": self.category, "quote": self.quote, "attributes": self.attrs,
                "cue": self.cue, "score": self.score,
                "source": list(self.link) if self.link else None}


def _valid_attrs(codebook, category: str, attrs: dict) -> dict:
    """Only what the project's codebook has: a value the codebook lacks is dropped."""
    if codebook is None:
        return dict(attrs)
    cat = codebook.category(category)
    out = {}
    for k, v in attrs.items():
        a = cat.attribute(k) if cat is not None else None
        if a is None:
            continue
        if a.type == "choice" and a.value(v) is None:
            continue
        if a.type == "boolean" and not isinstance(v, bool):
            continue
        if a.type == "text" and not isinstance(v, str):
            continue
        out[k] = v
    return out


class _Coded:
    """The coder's spans per category, for "does this overlap one?" in O(log n): a long
    article has thousands of spans and as many suggestions."""

    def __init__(self, spans: Iterable[tuple[str, int, int]]):
        by: dict[str, list[tuple[int, int]]] = {}
        for c, s, e in spans:
            by.setdefault(c, []).append((s, e))
        self.starts: dict[str, list[int]] = {}
        self.max_end: dict[str, list[int]] = {}  # running max of ends, in start order
        for c, lst in by.items():
            lst.sort()
            self.starts[c] = [s for s, _ in lst]
            run, ends = 0, []
            for _, e in lst:
                run = max(run, e)
                ends.append(run)
            self.max_end[c] = ends

    def overlaps(self, category: str, start: int, end: int) -> bool:
        starts = self.starts.get(category)
        if not starts:
            return False
        i = bisect.bisect_left(starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.max_end[category][i] > start


def suggest_text(text: str, *, doc_id: int | None = None, codebook=None,
                 lexicon: Lexicon | None = None, memory: Memory | None = None,
                 existing: Iterable[tuple[str, int, int]] = (),
                 rejected: Iterable[tuple[str, int, int]] = ()) -> list[Suggestion]:
    """Suggestions for one text, in text order. `existing` (category, start, end) spans the
    coder already has and `rejected` ones are never proposed again; a suggestion of a
    category the codebook lacks is not made."""
    lex = lexicon or default_lexicon()
    if memory is not None:
        lex = memory.teach(lex)
    found = extract(text, lex, memory.sources if memory is not None else None)
    if memory is not None:
        found = memory.add_name_hits(text, found)
    coded = _Coded(existing)
    rejected = set(rejected)
    out: list[Suggestion] = []
    seen: set[tuple[str, int, int]] = set()
    for f in found:
        if codebook is not None and codebook.category(f.role) is None:
            continue
        key = (f.role, f.start, f.end)
        if key in seen or key in rejected:
            continue
        if coded.overlaps(f.role, f.start, f.end):
            continue  # the coder has coded this already
        seen.add(key)
        out.append(Suggestion(doc_id, f.role, f.start, f.end, text[f.start:f.end],
                              _valid_attrs(codebook, f.role, f.attrs), f.cue, f.score,
                              f.link))
    out.sort(key=lambda s: (s.start, s.end, ROLES.index(s.category)
                            if s.category in ROLES else 9))
    return out


__all__ = ["Suggestion", "suggest_text", "Memory", "default_lexicon", "Lexicon"]
