"""Words of an article with their offsets, folded forms and what separates them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
NONE, COMMA, QUOTE, HARD = 0, 1, 2, 3
_HARD = set(".!?؟\n:;؛()[]{}-–—|")
_COMMA = set("،,")
_QUOTE = set("«»\"“”„‘’'")
CONJ = ("و", "ف")
SUFFIXES = ("هما", "هم", "ها", "هن", "ه")


@dataclass(frozen=True, slots=True)
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

    def variants(self) -> list[str]:
        """Forms a cue may take: as written, without و/ف, without an object pronoun."""
        out = [self.f]
        b = self.bare()
        if b != self.f:
            out.append(b)
        for base in tuple(out) if not self.tm else ():
            for suf in SUFFIXES:
                if base.endswith(suf) and len(base) - len(suf) >= 3:
                    out.append(base[: -len(suf)])
                    break
        return out


def _kind(sep: str) -> int:
    k = NONE
    for ch in sep:
        if ch in _HARD:
            return HARD
        if ch in _QUOTE:
            k = max(k, QUOTE)
        elif ch in _COMMA:
            k = max(k, COMMA)
    return k


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    prev = 0
    for m in _WORD.finditer(text):
        f = fold(m.group())
        if not f:  # a lone tatweel or mark
            continue
        raw = m.group().rstrip("\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640")
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
