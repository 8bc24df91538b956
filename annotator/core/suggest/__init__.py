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


class Suggester:
    """Suggestions for a text, a paragraph range at a time: the lexicon (with what the
    project taught it) is prepared once, and the desk can spread a long article over
    many short turns of its event loop. Paragraphs are independent for the rules (no cue,
    source or claim crosses a line break), so the pieces add up to the whole."""

    def __init__(self, text: str, *, doc_id: int | None = None, codebook=None,
                 lexicon: Lexicon | None = None, memory: Memory | None = None,
                 existing: Iterable[tuple[str, int, int]] = (),
                 rejected: Iterable[tuple[str, int, int]] = ()):
        self.text, self.doc_id, self.codebook = text, doc_id, codebook
        lex = lexicon or default_lexicon()
        self.memory = memory
        self.lex = memory.teach(lex) if memory is not None else lex
        self.coded = _Coded(existing)
        self.rejected = set(rejected)
        self.coded_since: list[tuple[str, int, int]] = []  # coded while a run is under way

    def also_coded(self, category: str, start: int, end: int) -> None:
        """The coder coded this meanwhile: later pieces leave it out too."""
        self.coded_since.append((category, start, end))

    def chunks(self, size: int = 2000) -> list[tuple[int, int]]:
        """[start, end) ranges of whole paragraphs, about `size` characters each."""
        out, start, n = [], 0, len(self.text)
        while start < n:
            end = self.text.find("\n", min(start + size, n))
            end = n if end < 0 else end + 1
            out.append((start, end))
            start = end
        return out

    def run(self, start: int = 0, end: int | None = None) -> list[Suggestion]:
        end = len(self.text) if end is None else end
        piece = self.text[start:end]
        found = extract(piece, self.lex, self.memory.sources if self.memory else None)
        if self.memory is not None:
            found = self.memory.add_name_hits(piece, found)
        out: list[Suggestion] = []
        seen: set[tuple[str, int, int]] = set()
        for f in found:
            role, s, e = f.role, f.start + start, f.end + start
            if self.codebook is not None and self.codebook.category(role) is None:
                continue
            key = (role, s, e)
            if key in seen or key in self.rejected:
                continue
            if self.coded.overlaps(role, s, e) or any(
                    c == role and a < e and s < b for c, a, b in self.coded_since):
                continue  # the coder has coded this already
            seen.add(key)
            link = (f.link[0] + start, f.link[1] + start) if f.link else None
            out.append(Suggestion(self.doc_id, role, s, e, self.text[s:e],
                                  _valid_attrs(self.codebook, role, f.attrs), f.cue,
                                  f.score, link))
        out.sort(key=_order)
        return out


def _order(s: Suggestion) -> tuple:
    return (s.start, s.end, ROLES.index(s.category) if s.category in ROLES else 9)


def suggest_text(text: str, *, doc_id: int | None = None, codebook=None,
                 lexicon: Lexicon | None = None, memory: Memory | None = None,
                 existing: Iterable[tuple[str, int, int]] = (),
                 rejected: Iterable[tuple[str, int, int]] = ()) -> list[Suggestion]:
    """Suggestions for one text, in text order. `existing` (category, start, end) spans the
    coder already has and `rejected` ones are never proposed again; a suggestion of a
    category the codebook lacks is not made."""
    return Suggester(text, doc_id=doc_id, codebook=codebook, lexicon=lexicon, memory=memory,
                     existing=existing, rejected=rejected).run()


__all__ = ["Suggestion", "Suggester", "suggest_text", "Memory", "default_lexicon", "Lexicon"]
