"""Rules that find attribution cues, the source each one introduces, and the claim clause
after it. Pure functions over the words of one text; no project, no Qt.

The shapes covered (Arabic news prose):
- verb, subject after it:     أكدت صحيفة الجارديان البريطانية …، ويقول التقرير إن …
- subject first, then verb:   المركز الإقليمي للدراسات الاستراتيجية أكد أن …
- preposition:                نقلا عن مصدر أمني، بحسب بيان صادر عن وزارة الداخلية
- attached preposition:       وفقا لتقرير أعدته منظمة العفو الدولية
- relayed:                    ونقلت وكالة الأنباء الفرنسية عن مسؤول في الأمم المتحدة …
- adverbial, source before:   …، مشيرا إلى أن …
A source phrase follows Arabic noun-phrase grammar: after an indefinite word a qualifier
or a construct complement may follow (مصدر أمني، وزارة الداخلية); after a definite one only
definite qualifiers (الجيش الإسرائيلي), or a person's name after a title.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..text import fold
from .lexicon import Cue, Lexicon
from .tokens import COMMA, HARD, NONE, QUOTE, quote_regions, tokenize

THAT = {fold(w) for w in ("أن", "إن", "بأن", "أنه", "أنها", "أنهم", "بأنه", "بأنها", "فإن", "وأن")}
MAX_NP = 9          # words in a source phrase
MAX_BACK = 14       # words looked back for a subject-first source
MAX_TO_CLAIM = 8    # words between a source phrase and the أن/إن of its claim
RELAY = {fold(w) for w in ("نقل", "نقلت", "ينقل", "تنقل")}
PREP_LINKS = {fold(w) for w in ("في", "على", "عبر")}   # run on only to an institution or a platform


@dataclass
class Found:
    role: str                       # "attribution" | "source" | "claim"
    start: int
    end: int
    attrs: dict = field(default_factory=dict)
    cue: str = ""
    score: float = 0.5
    link: tuple[int, int] | None = None   # a claim's source span
    why: str = ""


@dataclass
class _NP:
    first: int
    last: int          # token indexes, inclusive
    stype: str | None
    named: bool
    name: str | None = None
    memory: dict | None = None


class Extractor:
    def __init__(self, text: str, lex: Lexicon, memory: dict | None = None):
        self.text = text
        self.lex = lex
        self.memory = memory or {}      # folded words -> attrs
        self.toks = tokenize(text)
        self.titles = [(s, e) for s, e, title in quote_regions(text) if title]
        self._cues: dict[int, tuple[Cue, int] | None] = {}
        self._starts: list[int] | None = None

    # --- look-ups ----------------------------------------------------------------------

    def _in_title(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.titles)

    def cue_at(self, i: int) -> tuple[Cue, int] | None:
        """The longest cue starting at word i, with the index of its last word."""
        if i not in self._cues:
            self._cues[i] = self._match_cue(i)
        return self._cues[i]

    def _match_cue(self, i: int) -> tuple[Cue, int] | None:
        toks = self.toks
        for v in toks[i].variants():
            for cue in self.lex.cues.get(v, ()):
                n = len(cue.words)
                if i + n - 1 >= len(toks):
                    continue
                ok = True
                for k in range(1, n):
                    t, w = toks[i + k], cue.words[k]
                    if t.before >= COMMA:
                        ok = False
                    elif cue.attach and k == n - 1:
                        ok = t.f == w or (t.f.startswith(w) and len(t.f) > len(w) + 1)
                    else:
                        ok = t.f == w
                    if not ok:
                        break
                if ok:
                    last = i + n - 1
                    if cue.attach and toks[last].f != cue.words[-1]:
                        last -= 1  # the ل is on the source's first word
                    return cue, last
        return None

    def _head_at(self, i: int, last: int) -> tuple[str | None, int, bool]:
        """Source type of a head or name starting at word i: (type, words, is a name)."""
        toks = self.toks
        for n in range(min(self.lex.max_head, last - i + 1), 0, -1):
            if any(toks[i + k].before >= COMMA for k in range(1, n)):
                continue
            rest = tuple(toks[i + k].f for k in range(1, n))
            first = toks[i]
            forms = [first.f, first.bare()]
            if first.f[:1] in "لب" and len(first.f) > 3:
                forms.append(first.f[1:])
            for f in forms:
                key = (f, *rest)
                if key in self.lex.names:
                    return self.lex.names[key], n, True
            for f in forms:
                key = (f, *rest)
                if key in self.lex.source_heads:
                    return self.lex.source_heads[key], n, False
        return None, 0, False

    def _link_at(self, k: int) -> int:
        """Words of an author-linking phrase at word k (صادر عن، حصلت عليها), else 0."""
        toks = self.toks
        if toks[k].f not in self.lex.link_starts:
            return 0
        for link in self.lex.np_links:
            n = len(link)
            if k + n <= len(toks) and all(
                    toks[k + j].f == link[j] and (j == 0 or toks[k + j].before == NONE)
                    for j in range(n)):
                return n
        return 0

    def _stop(self, t) -> bool:
        return t.f in self.lex.np_stops or t.f == "و" or t.f.isdigit()

    # --- noun phrases ------------------------------------------------------------------

    def np_at(self, i: int, limit: int | None = None) -> _NP | None:
        """The source phrase starting at word i (ending before word `limit`), or None."""
        toks, lex = self.toks, self.lex
        end = len(toks) if limit is None else limit
        if i >= end:
            return None
        t = toks[i]
        if self._stop(t) or t.bare() in lex.np_stops or self.cue_at(i) is not None:
            return None
        stype, hn, is_name = self._head_at(i, end - 1)
        last = i + max(hn, 1) - 1
        quoted = t.before == QUOTE
        titled = toks[last].f in lex.titles or toks[last].bare() in lex.titles
        names_after_title = 0
        k = last + 1
        while k < end and k - i < MAX_NP:
            tk = toks[k]
            gap = self.text[toks[k - 1].end:tk.start]
            if tk.before >= HARD or any(c in gap for c in "،,") or (
                    tk.before == QUOTE and (not quoted or "»" in gap or "\"" in gap)):
                break
            n = self._link_at(k)
            if n:
                if k + n < end and toks[k + n].before == NONE and not self._stop(toks[k + n]):
                    last = k + n
                    k = last + 1
                    titled = False
                    continue
                break
            if tk.f in PREP_LINKS:
                nxt = toks[k + 1] if k + 1 < end else None
                if nxt is not None and nxt.before == NONE and nxt.f in lex.np_in_heads:
                    last, k = k + 1, k + 2
                    continue
                break
            if self._stop(tk) or self.cue_at(k) is not None:
                break
            prev = toks[last]
            if prev.definite and tk.f[:1] in "ول" and not tk.definite:
                # a construct joined by و or ل inside a name (للأبحاث ودراسة السياسات،
                # المفوضية السامية لشؤون اللاجئين): only with its definite complement
                nxt = toks[k + 1] if k + 1 < end else None
                if nxt is not None and nxt.before == NONE and nxt.definite \
                        and not self._stop(nxt):
                    last, k = k + 1, k + 2
                    continue
            if prev.definite and not tk.definite:
                # after a definite word only definite qualifiers, or a name after a title
                if not (titled or names_after_title) or names_after_title >= 3:
                    break
                names_after_title += 1
            elif tk.definite and names_after_title:
                names_after_title += 1
            if tk.f in lex.titles:
                titled = True
            last = k
            k += 1
        body = [toks[j] for j in range(i, last + 1)]
        # a name anywhere in the phrase (صحيفة الجارديان) says what it is
        name = None
        for s in range(len(body)):
            for n in range(min(lex.max_head, len(body) - s), 0, -1):
                key = tuple(b.f for b in body[s:s + n])
                if key in lex.names:
                    name = self.text[body[s].start:body[s + n - 1].end]
                    if stype is None or lex.names[key] == "foreign_media":
                        stype = lex.names[key]
                    is_name = True
                    break
            if name:
                break
        head_first = stype is not None
        if stype is None:  # a head further in (أحد السكان، عدد من الخبراء)
            for s in range(1, len(body)):
                stype = self._head_at(i + s, last)[0]
                if stype:
                    break
        if stype == "arab_media" and any(b.f in lex.foreign_qualifiers for b in body[1:]):
            stype = "foreign_media"
        named = is_name
        if not named and head_first and len(body) > hn:
            # a definite complement names an institution (وزارة الداخلية، المركز الإقليمي
            # للدراسات); an indefinite qualifier does not (مصدر أمني، مواقع عراقية)
            named = body[hn].definite and stype not in (
                "anonymous", "websites", "eyewitness", "social_media", "official_document")
            if titled or names_after_title:
                named = names_after_title > 0
        np = _NP(i, last, stype, named, name)
        np.memory = self._memory(i, last)
        return np

    def _memory(self, first: int, last: int) -> dict | None:
        if not self.memory:
            return None
        key = tuple(self.toks[j].f for j in range(first, last + 1))
        for n in range(len(key), 0, -1):
            for s in range(len(key) - n + 1):
                hit = self.memory.get(key[s:s + n])
                if hit:
                    return hit
        return None

    # --- claims ------------------------------------------------------------------------

    def claim_after(self, k: int, reach: int = 0) -> tuple[int, int, str] | None:
        """The claim clause that opens at word k, or within `reach` words after it:
        أن/إن and the rest of the sentence, or «…» after a colon."""
        toks = self.toks
        for j in range(k, min(k + reach + 1, len(toks))):
            t = toks[j]
            if j > k and t.before >= HARD:
                return None
            if t.f in THAT and t.before in (NONE, COMMA):
                if j + 1 >= len(toks) or toks[j + 1].before >= HARD:
                    return None
                start = toks[j + 1].start
                if toks[j + 1].before == QUOTE:  # «…» right after أن
                    start = self.text.rfind("«", toks[j].end, start)
                return start, self._sentence_end(j + 1), "paraphrase"
            if t.before in (HARD, QUOTE) and j:
                gap = self.text[toks[j - 1].end:t.start]
                if ":" in gap and "«" in gap:
                    q = self.text.find("»", t.start)
                    nl = self.text.find("\n", t.start)
                    if q > 0 and (nl < 0 or q < nl):
                        return self.text.rfind("«", 0, t.start), q + 1, "direct_quote"
                return None
            if j > k and self.cue_at(j) is not None:
                return None
        return None

    def _sentence_end(self, j: int) -> int:
        toks, text = self.toks, self.text
        end = toks[j].end
        depth = 0
        for k in range(j + 1, len(toks)):
            gap = text[toks[k - 1].end:toks[k].start]
            depth += gap.count("«") - gap.count("»")
            if depth <= 0 and any(c in ".!?؟\n" for c in gap):
                break
            if "\n" in gap:
                break
            if depth <= 0 and any(c in gap for c in "،,") and self.cue_at(k) is not None:
                break  # "…، مشيرا إلى أن …": the next attribution starts its own claim
            end = toks[k].end
        while end < len(text) and text[end] in "»”\"')":
            end += 1
        return end

    def _clause_start(self, i: int) -> int | None:
        """Where the subject of the verb at word i starts (looking back), or None."""
        toks, lex = self.toks, self.lex
        j = i - 1
        while j >= 0 and i - j <= MAX_BACK:
            t = toks[j]
            if t.f in lex.clause_openers or t.f in THAT or self.cue_at(j) is not None:
                return j + 1 if j + 1 < i else None
            if t.before >= HARD or j == 0:
                return j
            if t.before == COMMA and j < i - 1:
                return j
            j -= 1
        return None

    # --- the pass ----------------------------------------------------------------------

    def run(self) -> list[Found]:
        toks, text = self.toks, self.text
        out: list[Found] = []
        last_source: tuple[int, int] | None = None
        i = 0
        while i < len(toks):
            if i and toks[i].before == HARD and "\n" in text[toks[i - 1].end:toks[i].start]:
                last_source = None   # a new paragraph: an adverbial cue looks no further back
            hit = self.cue_at(i)
            if hit is None or self._in_title(toks[i].start):
                i += 1
                continue
            cue, cl = hit
            # a cue run on by another (بحسب ما ذكرت): one phrase, the second one's kind
            if cl + 1 < len(toks) and toks[cl].f == "ما" and toks[cl + 1].before == NONE:
                nxt = self.cue_at(cl + 1)
                if nxt is not None:
                    cue = Cue(cue.words, nxt[0].kind, nxt[0].stance, nxt[0].attach, False,
                              cue.not_before)
                    cl = nxt[1]
            found = self._one(i, cue, cl, last_source)
            if not found:
                i += 1
                continue
            out.extend(found)
            sources = [f for f in found if f.role == "source"]
            if sources:
                last_source = (sources[0].start, sources[0].end)
            i = max(cl + 1, max((self._index_after(f.end) for f in found
                                 if f.role == "source"), default=cl + 1))
        return out

    def _index_after(self, pos: int) -> int:
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        return bisect.bisect_left(self._starts, pos)

    def _source(self, np: _NP, cue_text: str, why: str, claim) -> Found:
        toks = self.toks
        attrs: dict = {}
        if np.memory:
            attrs.update(np.memory)
        else:
            if np.stype:
                attrs["type"] = np.stype
            attrs["named"] = bool(np.named)
            if np.name:
                attrs["name"] = np.name
        score = 0.95 if np.memory else (0.85 if np.stype else 0.6)
        if claim is None:
            score -= 0.1
        return Found("source", toks[np.first].start, toks[np.last].end, attrs, cue_text,
                     round(score, 2), why=why)

    def _one(self, i: int, cue: Cue, cl: int, last_source) -> list[Found]:
        toks = self.toks
        after = cl + 1
        nb = toks[after] if after < len(toks) else None
        if nb is not None and (nb.f in cue.not_before or nb.f[1:] in cue.not_before):
            return []
        cue_text = self.text[toks[i].start:toks[cl].end]
        cue_f = Found("attribution", toks[i].start, toks[cl].end, {"stance": cue.stance},
                      cue_text, 0.7 if cue.ambiguous else 0.9, why=cue.kind)
        if cue.kind == "adverbial":
            claim = self.claim_after(after)
            if claim is None or last_source is None:
                return []
            return [cue_f, Found("claim", claim[0], claim[1], {"attribution": claim[2]},
                                 cue_text, 0.6, link=last_source, why="adverbial")]
        np, why, claim = None, cue.kind, None
        that_next = nb is not None and (nb.f in THAT and nb.before in (NONE, COMMA)
                                        or nb.before >= HARD)
        if cue.kind == "verb" and (nb is None or that_next):
            start = self._clause_start(i)
            if start is not None:
                np = self.np_at(start, limit=i)
                if np is not None and np.stype is None and np.memory is None:
                    np = None
                why = "subject first"
            claim = self.claim_after(after)
        elif nb is not None and (nb.before in (NONE, QUOTE) or cue.attach):
            np = self.np_at(after if not (cue.attach and cl == i) else i + 1)
            if np is not None:
                claim = self.claim_after(np.last + 1, MAX_TO_CLAIM)
        known = np is not None and (np.stype is not None or np.memory is not None)
        if np is not None and not known and claim is None:
            np = None   # "وثائق تكشف فرار عناصر": no source word and no claim clause
        if cue.ambiguous and claim is None:
            return []   # ذكر اسمه، نشرت الصحيفة مقالا: a noun or another verb, not saying
        if np is None and claim is None:
            return []
        out = [cue_f]
        src = None
        if np is not None:
            src = self._source(np, cue_text, why, claim)
            out.append(src)
            # relayed: ونقلت الوكالة عن مسؤول …: the original source after عن
            j = np.last + 1
            if toks[i].bare() in RELAY or toks[i].f in RELAY:
                if j < len(toks) and toks[j].f == "عن" and toks[j].before == NONE:
                    np2 = self.np_at(j + 1)
                    if np2 is not None and (np2.stype or np2.memory):
                        out.append(self._source(np2, cue_text, "relayed", claim))
        if claim is not None:
            link = (src.start, src.end) if src is not None else last_source
            out.append(Found("claim", claim[0], claim[1], {"attribution": claim[2]},
                             cue_text, 0.6, link=link, why="clause"))
        return out


def extract(text: str, lex: Lexicon, memory: dict | None = None) -> list[Found]:
    return Extractor(text, lex, memory).run()
