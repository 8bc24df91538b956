"""The suggestion lexicon (resources/suggest/lexicon.yaml): attribution cues and source
words, folded once so that matching is a dictionary look-up per word."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import InputError
from ..text import fold

LEXICON_FILE = Path(__file__).resolve().parents[2] / "resources" / "suggest" / "lexicon.yaml"
KINDS = ("verb", "preposition", "adverbial")
STANCES = ("neutral", "endorsing", "distancing", "hedged")


def words(phrase: str) -> tuple[str, ...]:
    """A phrase as a tuple of folded words (the unit every look-up uses)."""
    return tuple(fold(phrase).split())


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    kind: str
    stance: str
    attach: bool = False        # the last word is a proclitic on the next word (وفقا لـ)
    ambiguous: bool = False     # also a noun or common verb: needs أن/إن or a source word
    not_before: frozenset = frozenset()
    learned: bool = False       # came from the project's own coding


@dataclass
class Lexicon:
    cues: dict[str, list[Cue]] = field(default_factory=dict)        # by first word
    source_heads: dict[tuple[str, ...], str] = field(default_factory=dict)  # words -> type
    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # outlet names -> type
    foreign_qualifiers: frozenset = frozenset()
    clause_openers: frozenset = frozenset()
    np_stops: frozenset = frozenset()
    np_links: set[tuple[str, ...]] = field(default_factory=set)
    np_in_heads: frozenset = frozenset()
    titles: frozenset = frozenset()
    max_head: int = 1           # longest head or name, in words
    link_starts: frozenset = frozenset()
    max_cue: int = 1

    def add_cue(self, cue: Cue) -> None:
        if not cue.words:
            return
        bucket = self.cues.setdefault(cue.words[0], [])
        if any(c.words == cue.words for c in bucket):
            return
        bucket.append(cue)
        bucket.sort(key=lambda c: -len(c.words))  # longest phrase first
        self.max_cue = max(self.max_cue, len(cue.words))

    def copy(self) -> Lexicon:
        """A copy whose cues can be added to (the rest is shared: never changed)."""
        return replace(self, cues={k: list(v) for k, v in self.cues.items()})


def _words_set(items) -> frozenset:
    return frozenset(w for item in items or [] for w in [fold(str(item))] if w)


def parse(data: dict, where: str) -> Lexicon:
    """Build a Lexicon from the YAML's mapping; errors name the file and the entry."""
    if not isinstance(data, dict):
        raise InputError(where, "a suggestion lexicon must be a mapping")
    lex = Lexicon()
    for n, entry in enumerate(data.get("cues") or [], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("forms"), list):
            raise InputError(where, f"cue {n}: needs a list of forms")
        kind, stance = entry.get("kind", "verb"), entry.get("stance", "neutral")
        if kind not in KINDS or stance not in STANCES:
            raise InputError(where, f"cue {n}: kind must be one of {', '.join(KINDS)} and "
                                    f"stance one of {', '.join(STANCES)}")
        not_before = _words_set(entry.get("not_before"))
        for form in entry["forms"]:
            lex.add_cue(Cue(words(str(form)), kind, stance, bool(entry.get("attach")),
                            bool(entry.get("ambiguous")), not_before))
    for stype, spec in (data.get("sources") or {}).items():
        spec = spec or {}
        for head in spec.get("heads") or []:
            lex.source_heads.setdefault(words(str(head)), stype)
        for name in spec.get("names") or []:
            lex.names.setdefault(words(str(name)), stype)
        if stype == "foreign_media":
            lex.foreign_qualifiers = _words_set(spec.get("qualifiers"))
    lex.clause_openers = _words_set(data.get("clause_openers"))
    lex.np_stops = _words_set(data.get("np_stops"))
    lex.np_links = {words(str(p)) for p in data.get("np_links") or []}
    lex.link_starts = frozenset(w[0] for w in lex.np_links if w)
    lex.np_in_heads = _words_set(data.get("np_in_heads"))
    lex.titles = _words_set(data.get("titles"))
    longest = [len(k) for k in (*lex.source_heads, *lex.names)]
    lex.max_head = max(longest, default=1)
    return lex


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    with open(LEXICON_FILE, encoding="utf-8") as f:
        return parse(yaml.safe_load(f), str(LEXICON_FILE))


def default_lexicon() -> Lexicon:
    """The shipped lexicon (a copy: the project's memory adds to it per call)."""
    return _default().copy()
