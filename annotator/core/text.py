"""Canonical document text, Arabic search folding, word snapping and Qt offset mapping.

Offsets everywhere in Annotator are Python code points into the stored text, half-open.
Qt counts UTF-16 code units; `OffsetMap` is the one place that converts between the two.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import pyarabic.araby as araby

BOM = "\ufeff"


def canonical_text(raw: str) -> str:
    """The stored form of a text: BOM dropped, CRLF and lone CR turned into LF, nothing else.

    No NFC/NFKC: NFC reorders shadda and fatha, NFKC changes lengths (and so offsets).
    """
    if raw.startswith(BOM):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- Arabic normalisation for search and suggestions -------------------------------------

# Characters that vanish when folding: harakat, shadda, tatweel, superscript alef, the
# Quranic annotation marks, and the invisible bidi/format controls a scraped text carries.
_DROP = set(araby.TASHKEEL) | {araby.TATWEEL, araby.MINI_ALEF, araby.HAMZA_ABOVE,
                                araby.HAMZA_BELOW, araby.MADDA_ABOVE}
_DROP |= {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x06D6, 0x06EE)}
_DROP |= {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
          "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}

_FOLD = {
    # alef forms
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
    # hamza carriers
    "\u0624": "\u0648", "\u0626": "\u064a",
    # ta marbuta -> ha, alef maqsura -> ya, Persian ya/kaf -> Arabic
    "\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643",
}
# Arabic-Indic and Persian digits fold to ASCII so "٢٠١٧" finds "2017".
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)
    _FOLD[chr(0x06F0 + _i)] = str(_i)


def _fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    f = _FOLD.get(ch)
    if f is not None:
        return f
    return ch.casefold() if ch.isascii() else ch.lower()


# The same folding as one str.translate (C speed): a whole article folds in microseconds
# instead of a Python call per character. lower() after it is what _fold_char does per
# character (casefold and lower agree on ASCII).
_TABLE = {ord(c): None for c in _DROP}
_TABLE.update({ord(k): v for k, v in _FOLD.items()})
_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]")


def _fold_fast(text: str) -> str:
    return text.translate(_TABLE).lower()


def fold(text: str) -> str:
    """Search key: diacritics and tatweel dropped, alef/hamza forms, ta marbuta/ha and
    ya/alef maqsura folded, Latin case-folded, whitespace runs collapsed."""
    return re.sub(r"\s+", " ", _fold_fast(text)).strip()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text` char by char; `index[i]` is the code-point offset in `text` of folded char i.

    A final entry `len(text)` lets a match end map back to a half-open end offset.
    """
    folded = _fold_fast(text)
    dropped = [m.start() for m in _DROP_RE.finditer(text)]
    if len(folded) + len(dropped) == len(text):  # every kept char folds to one char
        if not dropped:
            return folded, list(range(len(text) + 1))
        gone = set(dropped)
        index = [i for i in range(len(text)) if i not in gone]
        index.append(len(text))
        return folded, index
    chars: list[str] = []
    index = []
    for i, ch in enumerate(text):  # a letter that lowers to two (İ): the slow, exact way
        f = _fold_char(ch)
        for fc in f:
            chars.append(fc)
            index.append(i)
    index.append(len(text))
    return "".join(chars), index


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """All non-overlapping matches of `query` in `text` under Arabic folding, as code-point
    spans into `text`. Diacritics inside the match in `text` are included in the span."""
    key = fold(query)
    if not key:
        return []
    folded, index = fold_with_map(text)
    # Collapse whitespace in the query only; the text keeps its own spaces (matching a
    # single space in the query against one whitespace char is what users expect).
    hits: list[tuple[int, int]] = []
    start = 0
    while True:
        j = folded.find(key, start)
        if j < 0:
            break
        s = index[j]
        e = index[j + len(key) - 1] + 1
        # extend over trailing marks (harakat after the last letter belong to it)
        while e < len(text) and _fold_char(text[e]) == "" and not text[e].isspace():
            e += 1
        hits.append((s, e))
        start = j + len(key)
    return hits


# --- Words --------------------------------------------------------------------------------

def _is_word_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # letters, marks (harakat belong to their letter), numbers, and tatweel
    return cat[0] in "LMN" or ch == araby.TATWEEL


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words and trim surrounding whitespace.

    A selection that starts or ends inside a word is extended to that word's edge; one
    that covers only spaces or punctuation comes back unchanged but trimmed.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        end += 1
    return start, end


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"\w+", text):
        yield m.start(), m.end()


# --- The Qt boundary -----------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True)
class OffsetMap:
    """Converts between code points (ours) and UTF-16 code units (Qt's) for one text.

    Keeps only the sorted positions of characters above U+FFFF, so building it is one pass
    and each conversion is a binary search.
    """

    astral: tuple[int, ...]
    length: int

    @classmethod
    def for_text(cls, text: str) -> OffsetMap:
        # a regex scan is ~15x faster than a Python loop over a 300,000-character article
        return cls(tuple(m.start() for m in _ASTRAL.finditer(text)), len(text))

    def to_qt(self, py: int) -> int:
        return py + bisect.bisect_left(self.astral, py)

    def to_qt_many(self, offsets: list[int]) -> list[int]:
        """to_qt for many offsets at once (a whole article's spans or paragraph starts)."""
        astral = self.astral
        if not astral:  # most articles: UTF-16 positions are the code points
            return list(offsets)
        left = bisect.bisect_left
        return [p + left(astral, p) for p in offsets]

    def from_qt(self, qt: int) -> int:
        """Code-point offset for a UTF-16 position; raises ValueError inside a surrogate pair."""
        # py + (#astral before py) == qt; search on the monotone function.
        lo, hi = 0, self.length
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_qt(mid) < qt:
                lo = mid + 1
            else:
                hi = mid
        if self.to_qt(lo) != qt:
            raise ValueError(f"UTF-16 position {qt} falls inside a surrogate pair")
        return lo

    def from_qt_nearest(self, qt: int) -> int:
        """Like from_qt, but a position inside a surrogate pair goes to the pair's start."""
        try:
            return self.from_qt(qt)
        except ValueError:
            return self.from_qt(qt - 1)
