"""Dates as Arabic news sites print them, and as tables store them.

Egyptian (أبريل), Levantine (نيسان) and Maghrebi (أفريل) month names, Arabic-Indic digits,
an optional weekday, ص/م (AM/PM), and numeric d/m/Y or ISO dates. Matching runs on the
`fold`ed line, so hamza forms, ta marbuta and diacritics do not matter.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from annotator.core.text import fold

_MONTHS = {
    # Egyptian / Gulf (folded spellings: أبريل -> ابريل, يونية -> يونيه)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Maghrebi
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
for _name, _n in list(_MONTHS.items()):
    if _name.isascii():
        _MONTHS.setdefault(_name[:3], _n)

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت")

# 27 أبريل 2017 / 27 أبريل/نيسان 2017 / 27 من أبريل، 2017
_NAMED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?P<m>{_MONTH_RE})(?:\s*/\s*(?:{_MONTH_RE}))?\b[\s,،]*(\d{{4}})(?!\d)"
)
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?!\d)")
_TIME = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(صباحا|مساءا|مساء|ظهرا|ص|م|am|pm|a\.m\.|p\.m\.)(?!\w))?"
)
_FILLER = re.compile(
    r"\b(?:نشر|نشرت|في|بتاريخ|تاريخ|النشر|اخر|تحديث|تم|التحديث|الساعه|الموافق|"
    r"published|updated|on|at)\b"
)


def _digits(s: str) -> str:
    return fold(s)  # fold maps Arabic-Indic and Persian digits to ASCII


def find_date(line: str) -> tuple[datetime, int] | None:
    """The first date (with its time, if one follows) in `line`, and how many characters of
    the folded line are not part of a date, time, weekday or filler word."""
    s = _digits(line)
    spans: list[tuple[int, int]] = []
    found = None
    m = _NAMED.search(s)
    if m:
        found = (int(m.group(3)), _MONTHS[m.group("m")], int(m.group(1)))
        spans.append(m.span())
    else:
        m = _NUMERIC_DMY.search(s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if mo > 12 >= d:
                d, mo = mo, d
            found = (y, mo, d)
            spans.append(m.span())
        else:
            m = _NUMERIC_YMD.search(s)
            if m:
                found = (int(m.group(1)), int(m.group(3)), int(m.group(4)))
                spans.append(m.span())
    if not found:
        return None
    hour = minute = second = 0
    t = _TIME.search(s)
    if t:
        hour, minute, second = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
        hour = _apply_meridiem(hour, t.group(4))
        spans.append(t.span())
    try:
        value = datetime(found[0], found[1], found[2], hour, minute, second)
    except ValueError:
        try:
            value = datetime(found[0], found[1], found[2])
        except ValueError:
            return None
    rest = s
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    for w in _WEEKDAYS:
        rest = re.sub(rf"\b{w}\b", " ", rest)
    rest = _FILLER.sub(" ", rest)
    rest = re.sub(r"[\W_]+", "", rest)
    return value, len(rest)


def _apply_meridiem(hour: int, mark: str | None) -> int:
    if not mark or hour > 12:
        return hour
    pm = mark in ("م", "مساء", "مساءا", "ظهرا", "pm", "p.m.")
    if pm:
        return 12 if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def parse_date_line(line: str, max_extra: int = 12) -> datetime | None:
    """A datetime if `line` is essentially a date line ("الخميس، 27 أبريل 2017 03:53 م"),
    allowing a few other letters (a city, "القاهرة")."""
    if len(line) > 90:
        return None
    hit = find_date(line)
    if hit is None or hit[1] > max_extra:
        return None
    return hit[0]


def parse_date_value(value) -> datetime | None:
    """A table cell or metadata value as a naive datetime (the outlet's local time)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raw = str(value).strip()
    s = _digits(raw).strip()
    if not s:
        return None
    for candidate in (raw, s.upper()):
        try:
            return datetime.fromisoformat(candidate.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            pass
    hit = find_date(s)
    return hit[0] if hit else None


DATE_ORDERS = ("day-first", "month-first")


def ambiguous(raw: str | None) -> bool:
    """A numeric date whose day and month could be swapped (03/07/2017: 3 July or
    7 March?). Read day first, as Arab newspapers write it, unless the project says
    otherwise (`apply_date_order`)."""
    if not raw or not isinstance(raw, str):
        return False
    s = _digits(raw)
    if _NAMED.search(s):
        return False
    m = _NUMERIC_DMY.search(s)
    if not m:
        return False
    a, b = int(m.group(1)), int(m.group(3))
    return a != b and 1 <= a <= 12 and 1 <= b <= 12


def apply_date_order(published: datetime | None, meta: dict, order: str
                     ) -> datetime | None:
    """The date to store for an imported document whose date was written ambiguously
    (kept as written in meta["published_as_written"], or the date line of the article):
    day first by default; month first swaps day and month. Notes in meta how it was
    read, so the choice can be checked later."""
    if published is None:
        return None
    raw = meta.get("published_as_written") or meta.get("dateline")
    if not ambiguous(raw):
        return published
    meta.setdefault("published_as_written", raw)
    meta["published_read_as"] = order
    if order == "month-first":
        try:
            return published.replace(month=published.day, day=published.month)
        except ValueError:
            return published
    return published


def two_readings(docs) -> list[tuple[str, datetime, datetime]]:
    """For each imported document (not yet stored) whose date was written ambiguously:
    (the numeric date as written, e.g. "03/07/2017" out of a whole date line; read day
    first; read month first). What the desk shows before storing, so whoever imports can
    say how these files write dates."""
    out = []
    for d in docs:
        if d.published is None:
            continue
        raw = d.meta.get("published_as_written") or d.meta.get("dateline")
        if ambiguous(raw):
            month_first = apply_date_order(d.published, {"published_as_written": raw},
                                           "month-first")
            written = _NUMERIC_DMY.search(_digits(raw)).group(0)
            out.append((written, d.published, month_first))
    return out
