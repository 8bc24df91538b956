"""The context of a quote: context_before + text + context_after is an exact passage of
the document, up to 60 code points each side, cut at a word boundary where there is one."""

from __future__ import annotations

CONTEXT = 60  # code points of context each side of a quote


def context_before(text: str, start: int, width: int = CONTEXT) -> str:
    a = max(0, start - width)
    s = text[a:start]
    if a > 0 and not text[a - 1].isspace() and s and not s[0].isspace():
        # the cut falls inside a word: drop the partial word if a whole one follows
        for i, ch in enumerate(s):
            if ch.isspace():
                s = s[i:]
                break
    return s.lstrip()


def context_after(text: str, end: int, width: int = CONTEXT) -> str:
    b = min(len(text), end + width)
    s = text[end:b]
    if b < len(text) and not text[b].isspace() and s and not s[-1].isspace():
        for i in range(len(s) - 1, -1, -1):
            if s[i].isspace():
                s = s[:i + 1]
                break
    return s.rstrip()
