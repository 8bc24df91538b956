"""What the project teaches: source names and cue words its coders have already coded.

A coded Source is remembered by its folded words with the attributes it carried most
often; a coded Attribution phrase becomes a cue with its most frequent stance. Memory is
applied to other articles than the ones it was learned from (`excluding`), so a measure
of the suggestions against a coder never reads that coder's answer for the same article.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..text import fold, fold_with_map
from .lexicon import Cue, Lexicon, words
from .rules import Found

MAX_SOURCE_WORDS = 8   # a longer coded source is a description, not a reusable name
MAX_NAME_WORDS = 5     # names looked for anywhere in a text, not only after a cue
MAX_CUE_WORDS = 4

Coded = tuple[str, str, dict]   # (category, quote, attrs)


def _value(v) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


class Memory:
    def __init__(self) -> None:
        # folded words -> attribute -> Counter of JSON values; and how often coded
        self._src: dict[tuple, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        self._src_n: Counter = Counter()
        self._cue: dict[tuple, Counter] = defaultdict(Counter)
        self.sources: dict[tuple[str, ...], dict] = {}
        self.cues: dict[tuple[str, ...], str] = {}
        self._pattern: re.Pattern | None = None

    # --- learning ----------------------------------------------------------------------

    @classmethod
    def learn(cls, coded: Iterable[Coded]) -> Memory:
        mem = cls()
        mem._add(coded, +1)
        mem._settle(None)
        return mem

    def _add(self, coded: Iterable[Coded], sign: int) -> set:
        touched = set()
        for category, quote, attrs in coded:
            w = words(quote or "")
            if not w:
                continue
            attrs = attrs if isinstance(attrs, dict) else {}
            if category == "source" and len(w) <= MAX_SOURCE_WORDS:
                self._src_n[w] += sign
                for k, v in attrs.items():
                    self._src[w][k][_value(v)] += sign
                touched.add(("s", w))
            elif category == "attribution" and len(w) <= MAX_CUE_WORDS:
                forms = {w}
                if w[0][:1] in "وف" and len(w[0]) > 3:  # ولفتت teaches لفتت too
                    forms.add((w[0][1:], *w[1:]))
                for form in forms:
                    self._cue[form][attrs.get("stance", "neutral")] += sign
                    touched.add(("c", form))
        return touched

    def _settle(self, keys: set | None) -> None:
        """Recompute the most frequent attributes of `keys` (None: all)."""
        src_keys = self._src_n.keys() if keys is None else [w for t, w in keys if t == "s"]
        for w in list(src_keys):
            if self._src_n[w] <= 0:
                self.sources.pop(w, None)
                continue
            best = {}
            for k, counter in sorted(self._src[w].items()):
                vals = [(n, v) for v, n in counter.items() if n > 0]
                if vals:
                    n, v = max(vals, key=lambda x: (x[0], x[1]))
                    best[k] = json.loads(v)
            self.sources[w] = best
        cue_keys = self._cue.keys() if keys is None else [w for t, w in keys if t == "c"]
        for w in list(cue_keys):
            vals = [(n, s) for s, n in self._cue[w].items() if n > 0]
            if vals:
                self.cues[w] = max(vals)[1]
            else:
                self.cues.pop(w, None)

    def excluding(self, coded: Iterable[Coded]) -> Memory:
        """This memory without what `coded` (one article's coding) taught it."""
        coded = list(coded)
        if not coded:
            return self
        other = Memory.__new__(Memory)
        other._src = defaultdict(lambda: defaultdict(Counter))
        other._src_n = Counter()
        other._cue = defaultdict(Counter)
        other.sources, other.cues = dict(self.sources), dict(self.cues)
        other._pattern = self._pattern
        touched = other._add(coded, -1)
        for t, w in touched:  # fold the base counts of just the touched keys back in
            if t == "s":
                other._src_n[w] += self._src_n[w]
                for k, counter in self._src[w].items():
                    other._src[w][k].update(counter)
            else:
                other._cue[w].update(self._cue[w])
        other._settle(touched)
        return other

    def __bool__(self) -> bool:
        return bool(self.sources or self.cues)

    # --- applying ----------------------------------------------------------------------

    def teach(self, lex: Lexicon) -> Lexicon:
        if not self.cues:
            return lex
        lex = lex.copy()
        for w, stance in self.cues.items():
            lex.add_cue(Cue(w, "verb", stance, learned=True))
        return lex

    def add_name_hits(self, text: str, found: list[Found]) -> list[Found]:
        """Remembered source names found anywhere in the text (not only after a cue)."""
        if not self.sources:
            return found
        if self._pattern is None:
            alts = sorted({" ".join(k) for k in self.sources if len(k) <= MAX_NAME_WORDS},
                          key=len, reverse=True)
            if not alts:
                return found
            self._pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)")
        folded, index = fold_with_map(text)
        taken = [(f.start, f.end) for f in found if f.role == "source"]
        out = list(found)
        for m in self._pattern.finditer(folded):
            attrs = self.sources.get(tuple(fold(m.group()).split()))
            if attrs is None:   # unlearned by `excluding`
                continue
            s, e = index[m.start()], index[m.end() - 1] + 1
            if any(a < e and s < b for a, b in taken):
                continue
            out.append(Found("source", s, e, dict(attrs), "", 0.8, why="project memory"))
            taken.append((s, e))
        return out
