"""Recognise a news article saved from a web page as plain text, and clean it.

A scraped article looks like this (the seed corpus article)::

    «رحلة الهروب الجماعي».. وثائق تكشف ...      <- headline: kept as the first paragraph
    الخميس، 27 أبريل 2017 03:53 م              <- date line: -> published
    «رحلة الهروب الجماعي».. وثائق تكشف ...      <- headline repeated: dropped
    داعش - أرشيفية                             <- photo caption: dropped
    كتب - محمد الشرقاوي                        <- byline: -> author
    body paragraphs ...
    إقرأ أيضًا: / related headlines ...        <- tail boilerplate: dropped
    لا توجد تعليقات على الخبر / اضف تعليق

Only the header zone (the first few lines, up to the last date line, byline or repeated
headline) and the tail (from a boilerplate marker to the end, when nothing after it reads
like body text) are touched; nothing in the middle of the body is ever removed. Everything
removed is returned in ``fields["meta"]["stripped"]`` so nothing is lost silently.
"""

from __future__ import annotations

import re

from annotator.core.importers.common import shorten
from annotator.core.importers.dates import parse_date_line
from annotator.core.text import fold

HEADLINE_LIMIT = 200
HEADER_WINDOW = 8  # non-blank lines at the top in which a date line / byline is looked for
BODY_WORDS = 25  # a line with this many words is body text, never boilerplate or a caption
LINK_WORDS = 20  # related-article headlines after a marker are at most this long

# "كتبت X", "بقلم X" need no dash; "كتب" alone also means "books", so it needs one.
_BYLINE = re.compile(
    r"^(?:(?:كتبت|بقلم|by)(?:\s*[-–—ـ:]+\s*|\s+)|(?:كتبه|كتبها|كتب|إعداد|اعداد|تقرير)\s*[-–—ـ:]+\s*)"
    r"(?P<name>\S.*?)[\s.،,:]*$",
    re.IGNORECASE,
)
# Folded markers; the whole line (punctuation aside) must be one of these...
_WHOLE_LINE_MARKERS = {
    "شارك", "شاركها", "شارك الخبر", "شارك المقال", "شارك هذا الخبر", "تابعونا", "اضف تعليق",
    "التعليقات", "تعليقات", "الكلمات الدالة", "الكلمات الداله", "كلمات مفتاحيه", "الوسوم",
    "الاكثر قراءه", "الاكثر مشاهده", "طباعه", "ارسل لصديق",
}
# ...or start with one of these.
_PREFIX_MARKERS = (
    "اقرا ايضا", "اقرا المزيد", "اقرا كذلك", "شاهد ايضا", "شاهد كذلك", "مواضيع ذات صله",
    "اخبار ذات صله", "مقالات ذات صله", "موضوعات ذات صله", "لا توجد تعليقات", "اضف تعليق",
    "تابعونا على", "تابعونا عبر", "شارك على", "شارك عبر", "شارك الخبر",
)

# A photo caption: "داعش - أرشيفية", "صورة أرشيفية", "الصورة: ..." (folded)
_CAPTION = re.compile(r"(?:ارشيفيه|ارشيف|صوره ارشيفيه)\W*$|^(?:الصوره|صوره|تصوير|photo)\b")


def recognise_article(text: str) -> tuple[str, dict]:
    """Split a scraped article into clean text and fields.

    Returns ``(clean_text, fields)``; ``fields`` has ``title`` (str), ``published``
    (datetime or None), ``author`` (str or None) and ``meta`` (dict with ``stripped``, the
    list of removed blocks in document order, and ``scraped``: whether anything was
    recognised). Text that does not look scraped comes back unchanged, titled by its
    first line.
    """
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    plain = (text, {"title": _title(lines, nonblank), "published": None, "author": None,
                    "meta": {"stripped": [], "scraped": False}})
    if not nonblank:
        return plain

    header = _read_header(lines, nonblank)
    body_from = header["end"] + 1
    tail_at = _tail_start(lines, body_from)
    body_to = tail_at if tail_at is not None else len(lines)
    if header["end"] < 0 and tail_at is None:
        return plain
    body = _trim_blank(lines[body_from:body_to])
    if not any(line.strip() for line in body):
        return plain

    stripped = [lines[i].strip() for i in header["stripped"]]
    if tail_at is not None:
        stripped.append("\n".join(_trim_blank(lines[tail_at:])))
    body_text = "\n".join(body)
    sep = "\n\n" if "\n\n" in body_text else "\n"
    parts = []
    if header["end"] >= 0:  # the headline heads the clean text; standfirsts follow it
        if header["title"] is not None:
            parts.append(lines[header["title"]].strip())
        parts += [lines[i].strip() for i in header["kept"]]
    clean = sep.join(parts + [body_text])
    first = lines[header["title"]] if header["title"] is not None else body[0]
    title = shorten(first, HEADLINE_LIMIT)
    meta: dict = {"stripped": stripped, "scraped": True}
    if header["captions"]:
        meta["captions"] = [lines[i].strip() for i in header["captions"]]
    if header["dateline"] is not None:
        meta["dateline"] = lines[header["dateline"]].strip()
    return clean, {"title": title, "published": header["published"],
                   "author": header["author"], "meta": meta}


def parse_byline(line: str) -> str | None:
    """The author's name in "كتب - محمد الشرقاوي", "بقلم: X", "كتبت X" etc."""
    line = line.strip()
    if len(line) > 70:
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    if not name or len(name.split()) > 6 or any(c.isdigit() for c in name):
        return None
    return name


def is_boilerplate_marker(line: str) -> bool:
    f = re.sub(r"^[\W_]+|[\W_]+$", "", fold(line))
    if f in _WHOLE_LINE_MARKERS:
        return True
    return len(f) <= 200 and f.startswith(_PREFIX_MARKERS)


def _words(line: str) -> int:
    return len(line.split())


def _is_body(line: str) -> bool:
    return _words(line) >= BODY_WORDS


def _ends_sentence(line: str) -> bool:
    return line.endswith((".", "؟", "!", "?")) and not line.endswith(("..", "…"))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _read_header(lines: list[str], nonblank: list[int]) -> dict:
    title = dateline = published = author = None
    recognised: list[int] = []
    others: list[int] = []
    for i in nonblank[:HEADER_WINDOW]:
        line = lines[i].strip()
        if published is None and (d := parse_date_line(line)) is not None:
            published, dateline = d, i
            recognised.append(i)
        elif author is None and (name := parse_byline(line)) is not None:
            author = name
            recognised.append(i)
        elif title is None:
            title = i
        elif _same(line, lines[title]):
            recognised.append(i)  # the headline printed twice
        else:
            others.append(i)
    end = max(recognised) if recognised else -1
    if title is not None and end >= 0:
        end = max(end, title)
    if end >= 0:  # a photo caption right after the byline still belongs to the header
        for i in others:
            if i > end and not _is_body(lines[i]) and _CAPTION.search(fold(lines[i]).strip()):
                end = i
            elif i > end:
                break
    between = [i for i in others if i < end or (i == end and i not in recognised)]
    captions = [i for i in between if not _is_body(lines[i]) and not _ends_sentence(lines[i].strip())]
    kept = [i for i in between if i not in captions]
    if end < 0:  # nothing recognised at the top: no header zone, the title is line one
        title, captions, kept = nonblank[0], [], []
    return {"title": title, "published": published, "author": author, "dateline": dateline,
            "end": end, "captions": captions, "kept": kept,
            "stripped": sorted(recognised + captions)}


def _tail_start(lines: list[str], body_from: int) -> int | None:
    """Index of the first boilerplate marker after which no line reads like body text."""
    start = None
    for i in range(len(lines) - 1, body_from - 1, -1):
        line = lines[i].strip()
        if not line:
            continue
        if is_boilerplate_marker(line):
            start = i
        elif _is_body(line) or _ends_sentence(line) or _words(line) > LINK_WORDS:
            break
    return start


def _trim_blank(block: list[str]) -> list[str]:
    a, b = 0, len(block)
    while a < b and not block[a].strip():
        a += 1
    while b > a and not block[b - 1].strip():
        b -= 1
    return block[a:b]


def _title(lines: list[str], nonblank: list[int]) -> str:
    return shorten(lines[nonblank[0]], HEADLINE_LIMIT) if nonblank else ""

