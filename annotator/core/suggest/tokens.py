"""Words of an article with their offsets, folded forms and what separates them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
NONE, COMMA, QUOTE, HARD = 0, 1, 2, 3
_JOINERS = set("\u0640\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069")
_COMMA = set("،,")
_QUOTE = set("«»\"“”„‘’'")
CONJ = ("و", "ف")
SUFFIXES = ("هما", "هم", "ها", "هن", "ه")
_MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640"


@dataclass(slots=True)
class Token:
    start: int
    end: int
    f: str            # folded
    before: int       # what separates it from the previous word: NONE < COMMA < QUOTE < HARD
    tm: bool = False  # ends in ta marbuta (folded to ه, which is then no object pronoun)

    @property
    def definite(self) -> bool:
        """Carries the article (ال، لل، بال، وال): a qualifier of a definite head is too."""
        f = self.f
        return f.startswith(("ال", "لل", "بال", "وال", "فال", "كال"))

    def bare(self) -> str:
        """Without a conjunction و/ف in front (وقال -> قال)."""
        f = self.f
        return f[1:] if len(f) > 2 and f[0] in CONJ else f

    def variants(self) -> tuple[str, ...]:
        """Forms a cue may take: as written, without و/ف, without an object pronoun."""
        return _variants(self.f, self.tm)


@lru_cache(maxsize=65536)
def _variants(f: str, tm: bool) -> tuple[str, ...]:
    out = [f]
    if len(f) > 2 and f[0] in CONJ:
        out.append(f[1:])
    if not tm:
        for base in tuple(out):
            for suf in SUFFIXES:
                if base.endswith(suf) and len(base) - len(suf) >= 3:
                    out.append(base[: -len(suf)])
                    break
    return tuple(out)


def _kind(sep: str) -> int:
    if sep == " " or sep.isspace():
        return NONE
    k = NONE
    for ch in sep:
        if ch in _QUOTE:
            k = max(k, QUOTE)
        elif ch in _COMMA:
            k = max(k, COMMA)
        elif not ch.isspace() and ch not in _JOINERS:
            return HARD  # a full stop, a colon, a bracket, a symbol or an emoji
    return k


def tokenize(text: str) -> list[Token]:
    matches = list(_WORD.finditer(text))
    if not matches:
        return []
    # one translate over all the words (fold per word costs a Python call each)
    folded = fold("\x00".join(m.group() for m in matches)).split("\x00")
    out: list[Token] = []
    prev = 0
    for m, f in zip(matches, folded, strict=True):
        if not f:  # a lone tatweel or mark
            continue
        raw = m.group().rstrip(_MARKS)
        out.append(Token(m.start(), m.end(), f, _kind(text[prev:m.start()]) if out else HARD,
                         raw.endswith("\u0629")))
        prev = m.end()
    return out


def quote_regions(text: str) -> list[tuple[int, int, bool]]:
    """«…» regions as (start, end, is_title): a title follows بعنوان/عنوان, and a verb of
    saying inside it belongs to the headline, not to the article's attribution."""
    out = []
    for m in re.finditer(r"«[^«»\n]*»", text):
        before = fold(text[max(0, m.start() - 14):m.start()])
        out.append((m.start(), m.end(), "عنوان" in before))
    return out
