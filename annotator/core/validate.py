"""The one validation layer every row from outside passes: packages (merge), importers that
create annotations, and later sync and REFI import. `Project.check` runs the very same
functions over what is stored, so merge, import and check cannot disagree about what is
valid.

Each check raises `Invalid` (an InputError without a file) whose message says what is
wrong; the caller adds the file and the row (`annotation <uuid>`, `line 12`).

Rows are validated as they are stored in SQLite, raw (strings for times, JSON text for
attributes), because a damaged or tampered file may hold anything in any column.
"""

from __future__ import annotations

import json
import math
import unicodedata
import uuid as _uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .codebook import CategoryDef
from .errors import InputError

__all__ = [
    "Invalid",
    "QuoteMismatch",
    "annotation",
    "relation",
    "attrs",
    "coder_name",
    "memo",
    "integer",
    "json_attrs",
    "span",
    "time",
    "uuid",
    "validate_attrs",
]

MAX_NAME = 200  # the coders.name column
ORIGINS = (None, "manual", "suggested", "imported")  # how a span came to be


class Invalid(InputError):
    """A value is not valid; the message says why (no file: the caller names it)."""

    def __init__(self, message: str):
        super().__init__(None, message)


class QuoteMismatch(Invalid):
    """A well-formed span whose quote differs from the text: in a merge, the coder's copy
    of the text may legitimately differ (the row is skipped, not the file refused)."""


# --- scalars -------------------------------------------------------------------------------

def time(value: Any, what: str = "time", required: bool = True) -> datetime | None:
    """A stored time: a datetime, or the ISO text SQLite holds ('2026-11-28 22:28:38.5')."""
    if value is None:
        if required:
            raise Invalid(f"{what} is missing")
        return None
    if isinstance(value, datetime):
        return _naive_utc(value)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return _naive_utc(parsed)
    raise Invalid(f"{what} {_short(value)} is not a date and time")


def _naive_utc(t: datetime) -> datetime:
    # stored naive in UTC (models.utcnow)
    return t if t.tzinfo is None else t.astimezone(timezone.utc).replace(tzinfo=None)


def integer(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{what} {_short(value)} is not a whole number")
    return value


def uuid(value: Any, what: str = "uuid") -> str:
    if isinstance(value, str):
        try:
            return str(_uuid.UUID(value))
        except ValueError:
            pass
    raise Invalid(f"{what} {_short(value)} is not a UUID")


def coder_name(value: Any) -> str:
    """A coder's name: one line of visible text (it heads columns and fills file names)."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid("a coder needs a name")
    name = value.strip()
    bad = [c for c in name if unicodedata.category(c) in ("Cc", "Cs")]
    if bad:
        raise Invalid(f"coder name {name!r} holds control characters "
                      f"({', '.join(f'U+{ord(c):04X}' for c in sorted(set(bad)))})")
    if len(name) > MAX_NAME:
        raise Invalid(f"coder name is {len(name)} characters long (at most {MAX_NAME})")
    return name


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- spans ---------------------------------------------------------------------------------

def span(text: str, start: Any, end: Any, quote: Any = None) -> tuple[int, int, str]:
    """A span of `text`: whole numbers, not reversed, not empty, inside the text, and (when
    `quote` is given) quoting exactly what the text holds there."""
    start, end = integer(start, "start"), integer(end, "end")
    if start > end:
        raise Invalid(f"span [{start}, {end}) is reversed (its end is before its start)")
    if start == end:
        raise Invalid(f"span [{start}, {end}) is empty")
    if start < 0 or end > len(text):
        raise Invalid(f"span [{start}, {end}) is outside the text (length {len(text)})")
    got = text[start:end]
    if quote is not None and quote != got:
        raise QuoteMismatch(f"quote {_short(quote)} no longer matches the text {_short(got)}")
    return start, end, got


# --- attributes ----------------------------------------------------------------------------

def json_attrs(raw: Any) -> dict:
    """Attributes as stored: JSON text of an object (or already a dict)."""
    if raw is None:
        return {}
    if isinstance(raw, Mapping):
        return dict(raw)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("attributes are not JSON (not even UTF-8 text)") from None
    if not isinstance(raw, str):
        raise Invalid(f"attributes {_short(raw)} are not JSON")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise Invalid(f"attributes {_short(raw)} are not JSON") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Invalid(f"attributes {_short(raw)} are not a JSON object")
    return value


def validate_attrs(cat: CategoryDef, values: Mapping) -> dict:
    """Attribute values checked against the codebook; returns them with empties dropped
    (numbers normalised: 3.0 -> 3)."""
    out = {}
    for key, value in values.items():
        a = cat.attribute(key) if isinstance(key, str) else None
        if a is None:
            raise Invalid(f"category '{cat.key}' has no attribute {_short(key)}")
        if value is None or value == "":
            continue
        where = f"{cat.key}.{key}"
        if a.type == "choice":
            allowed = [v.key for v in a.values]
            if not isinstance(value, str) or value not in allowed:
                raise Invalid(f"{where}: {_short(value)} is not one of {', '.join(allowed)}")
        elif a.type == "number":
            if isinstance(value, bool):
                raise Invalid(f"{where}: expected a number")
            try:
                value = float(value)
            except (TypeError, ValueError, OverflowError):
                raise Invalid(f"{where}: {_short(value)} is not a number") from None
            if not math.isfinite(value):
                raise Invalid(f"{where}: {_short(value)} is not a finite number")
            if value.is_integer() and abs(value) < 2**53:
                value = int(value)
        elif a.type == "boolean":
            if not isinstance(value, bool):
                raise Invalid(f"{where}: expected true or false")
        else:
            if isinstance(value, (dict, list)):
                raise Invalid(f"{where}: expected text, not {type(value).__name__}")
            if isinstance(value, float) and not math.isfinite(value):
                raise Invalid(f"{where}: {_short(value)} is not text")
            value = str(value)
        out[key] = value
    return out


def attrs(cat: CategoryDef, raw: Any) -> dict:
    """Stored attributes (JSON text or dict) of an annotation of `cat`, validated."""
    return validate_attrs(cat, json_attrs(raw))


# --- whole rows ----------------------------------------------------------------------------

def annotation(row: Mapping, category: CategoryDef | None, text: str | None) -> dict:
    """One annotation row as stored (raw columns: uuid, start, end, quote, attrs, created,
    updated, deleted, decided_by, origin_uuid), its category (None: not in the codebook)
    and its document's text (None: no such document). Returns the cleaned values.

    Spans are checked for tombstones too (the text never changes once coded); attribute
    values only for live rows (a codebook may have dropped a value a deleted row used)."""
    out = {"uuid": uuid(row["uuid"])}
    out["created"] = time(row["created"], "created")
    out["updated"] = time(row["updated"], "updated")
    out["deleted"] = time(row["deleted"], "deleted", required=False)
    if row.get("origin_uuid") is not None:
        out["origin_uuid"] = uuid(row["origin_uuid"], "origin_uuid")
    out["note"], out["flag"] = memo(row.get("note"), row.get("flag"))
    version = row.get("codebook_version")
    out["codebook_version"] = None if version is None else integer(version, "codebook_version")
    out["origin"] = row.get("origin")
    if out["origin"] not in ORIGINS:
        raise Invalid(f"origin {_short(out['origin'])} is not one of "
                      f"{', '.join(o for o in ORIGINS if o)}")
    decided = row.get("decided_by")
    if decided is not None and not isinstance(decided, str):
        raise Invalid(f"decided_by {_short(decided)} is not a name")
    if category is None:
        raise Invalid("its category is not in the codebook")
    if text is None:
        raise Invalid("its document is missing")
    values = json_attrs(row["attrs"])
    out["attrs"] = values if out["deleted"] is not None else validate_attrs(category, values)
    if category.kind == "document":  # a whole-document code: its span means nothing
        out["start"], out["end"] = integer(row["start"], "start"), integer(row["end"], "end")
        out["quote"] = row["quote"] if isinstance(row["quote"], str) else ""
    else:
        if not isinstance(row["quote"], str):
            raise Invalid(f"quote {_short(row['quote'])} is not text")
        out["start"], out["end"], out["quote"] = span(text, row["start"], row["end"],
                                                      row["quote"])
    return out


def relation(row: Mapping, type_def, src: Mapping | None, dst: Mapping | None) -> dict:
    """One relation row (raw: uuid, created, updated, deleted), its type (a RelationDef or
    None) and its two ends as {"document_id", "category", "deleted"} (None: missing)."""
    out = {"uuid": uuid(row["uuid"])}
    out["created"] = time(row["created"], "created")
    out["updated"] = time(row["updated"], "updated")
    out["deleted"] = time(row["deleted"], "deleted", required=False)
    if type_def is None:
        raise Invalid("its relation type is not in the codebook")
    if src is None or dst is None:
        raise Invalid("links an annotation that does not exist")
    if src["document_id"] != dst["document_id"]:
        raise Invalid(f"links annotations of two documents ({src['document_id']} and "
                      f"{dst['document_id']})")
    if (src["category"], dst["category"]) != (type_def.from_category, type_def.to_category):
        raise Invalid(f"'{type_def.key}' links {type_def.from_category} to "
                      f"{type_def.to_category}, not {src['category']} to {dst['category']}")
    return out


def memo(note: Any, flag: Any) -> tuple[str, bool]:
    """A coder's memo on an annotation or article: text, and a 'discuss' flag."""
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise Invalid(f"note {_short(note)} is not text")
    if flag is None:
        flag = False
    if flag not in (0, 1, True, False) or isinstance(flag, float):
        raise Invalid(f"flag {_short(flag)} is not true or false")
    return note, bool(flag)


def unicode_text(value: Any, what: str) -> None:
    """Text SQLite can store as UTF-8: no lone surrogates (JSON's "\\ud800" decodes to one)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Invalid(f"{what} holds {value[exc.start]!a} at {exc.start}, half of a "
                          "UTF-16 pair (a lone surrogate), not text") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            unicode_text(k, what)
            unicode_text(v, what)
    elif isinstance(value, (list, tuple)):
        for v in value:
            unicode_text(v, what)


def imported_document(doc, where: str) -> None:
    """What an importer read, before it is stored: texts that are text, spans inside."""
    for name in ("text", "title", "outlet", "author", "url", "source_file", "meta"):
        unicode_text(getattr(doc, name, None), f"{where}: {name}")
    for sp in getattr(doc, "spans", ()):
        try:
            span(doc.text, sp.start, sp.end)
        except Invalid as exc:
            raise Invalid(f"{where}: {exc.message}") from None
        unicode_text(sp.label, f"{where}: label")


def printable_name(value: Any) -> Any:
    """A file name (or a title taken from one) with bytes that are not UTF-8, as text:
    the bytes shown as \\xff instead of lone surrogates SQLite cannot store."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
