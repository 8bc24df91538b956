"""Precision, recall and F1 of suggestions against a coder's (or gold's) spans.

A suggestion matches a coded span of the same category when they share at least one word
(overlap) or have the same start and end (exact); matching is one to one, greedy by the
larger overlap, as span F1 in the agreement report matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

_WORDCH = re.compile(r"\w")


@dataclass(frozen=True)
class Span:
    doc: object
    category: str
    start: int
    end: int


@dataclass
class Score:
    category: str
    n_suggested: int
    n_coded: int
    tp_overlap: int
    tp_exact: int

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
        p = tp / n_pred if n_pred else None
        r = tp / n_gold if n_gold else None
        f = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else None
        return {"precision": p, "recall": r, "f1": f}

    def as_dict(self) -> dict:
        return {"category": self.category, "suggested": self.n_suggested,
                "coded": self.n_coded,
                "overlap": self._prf(self.tp_overlap, self.n_suggested, self.n_coded),
                "exact": self._prf(self.tp_exact, self.n_suggested, self.n_coded)}


def _shares_word(text: str, a: Span, b: Span) -> int:
    s, e = max(a.start, b.start), min(a.end, b.end)
    if e <= s:
        return 0
    return len(_WORDCH.findall(text[s:e]))


def score(pred: list[Span], gold: list[Span], texts: dict) -> dict[str, Score]:
    """Scores per category; `texts` maps each span's doc to its text."""
    by: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
    for p in pred:
        by[(p.doc, p.category)][0].append(p)
    for g in gold:
        by[(g.doc, g.category)][1].append(g)
    out: dict[str, Score] = {}
    for (doc, cat), (ps, gs) in by.items():
        sc = out.setdefault(cat, Score(cat, 0, 0, 0, 0))
        sc.n_suggested += len(ps)
        sc.n_coded += len(gs)
        text = texts[doc]
        cands = sorted(((-_shares_word(text, p, g), i, j) for i, p in enumerate(ps)
                        for j, g in enumerate(gs)), key=lambda c: c)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for neg, i, j in cands:
            if neg == 0:
                break
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            sc.tp_overlap += 1
        exact = {(g.start, g.end) for g in gs}
        sc.tp_exact += sum(1 for p in ps if (p.start, p.end) in exact)
    return out


def evaluate_project(project, coder: str, doc_ids: list[int]) -> dict:
    """Suggestions against `coder`'s spans on the articles of `doc_ids` the coder marked
    done. The project memory used for an article is learned from the coder's other
    articles only, so no answer is read for the article it is judged on."""
    from . import suggest_text
    from .memory import Memory

    done = [d for d in doc_ids if project.status(d, coder) == "done"]
    coded_all = project.annotations(coder=coder)
    by_doc: dict[int, list] = defaultdict(list)
    for a in coded_all:
        by_doc[a.doc_id].append(a)
    cats = {c.key for c in project.codebook().categories}
    roles = [r for r in ("source", "attribution", "claim") if r in cats]
    base = Memory.learn((a.category, a.quote, a.attrs) for a in coded_all)
    pred: list[Span] = []
    gold: list[Span] = []
    texts: dict = {}
    cb = project.codebook()
    for d in done:
        text = project.text(d)
        texts[d] = text
        mem = base.excluding((a.category, a.quote, a.attrs) for a in by_doc[d])
        for s in suggest_text(text, doc_id=d, codebook=cb, memory=mem):
            pred.append(Span(d, s.category, s.start, s.end))
        for a in by_doc[d]:
            if a.category in roles:
                gold.append(Span(d, a.category, a.start, a.end))
    scores = score(pred, gold, texts)
    sources = [a for a in coded_all if a.category == "source" and a.doc_id in set(done)]
    accepted = sum(1 for a in sources if a.origin == "suggested")
    return {
        "coder": coder, "documents": len(done),
        "categories": [scores.get(r, Score(r, 0, 0, 0, 0)).as_dict() for r in roles],
        "accepted_share": {"sources": len(sources), "accepted": accepted,
                           "share": accepted / len(sources) if sources else None},
    }
