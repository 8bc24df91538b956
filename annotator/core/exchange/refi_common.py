"""What the REFI-QDA reader and writer share: namespaces, GUIDs, the code GUIDs derived from
codebook keys, XML-safe text and times, and the size limits for a .qdpx archive.

Codes get GUIDs derived from the codebook's keys (uuid5), not random ones: the same
codebook always gives the same code GUIDs, so a project exported, edited in another tool
and imported again finds its categories and values by GUID, whatever they were renamed to.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: The folder inside a .qdpx that carries what the standard has no place for (see
#: docs/file-formats.md): project.json (codebook, coders), and one JSON object a line in
#: annotations.jsonl, documents.jsonl, relations.jsonl. Other tools ignore it; our reader
#: treats it as untrusted like the rest.
SIDECAR = "annotator/"
SIDECAR_FORMAT = "annotator-refi"

# One fixed namespace for every derived GUID (a uuid5 of a fixed name).
_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://annotator.invalid/refi-qda")

_GUID = re.compile(r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12})\}?\Z")
# Characters XML 1.0 cannot carry even escaped (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def category_guid(cat: str) -> str:
    return str(uuid.uuid5(_NS, f"category:{cat}"))


def group_guid(group: str) -> str:
    return str(uuid.uuid5(_NS, f"group:{group}"))


def attribute_guid(cat: str, attr: str) -> str:
    return str(uuid.uuid5(_NS, f"attribute:{cat}:{attr}"))


def value_guid(cat: str, attr: str, value: str) -> str:
    return str(uuid.uuid5(_NS, f"value:{cat}:{attr}:{value}"))


def variable_guid(name: str) -> str:
    return str(uuid.uuid5(_NS, f"variable:{name}"))


def coding_guid(annotation: str, what: str) -> str:
    """A Coding's GUID, derived from its annotation's UUID (a second export is the same)."""
    return str(uuid.uuid5(uuid.UUID(annotation), f"coding:{what}"))


def note_guid(annotation: str) -> str:
    """The GUID of an annotation's note (its own row has none)."""
    return str(uuid.uuid5(uuid.UUID(annotation), "note"))


def norm_guid(value: str | None) -> str | None:
    """A GUID as this project stores UUIDs: lower case, no braces. None if not a GUID."""
    if value is None:
        return None
    m = _GUID.match(value.strip())
    return m.group(1).lower() if m else None


def xml_text(s: str | None) -> str:
    """`s` without the characters XML 1.0 cannot hold (they would make lxml refuse)."""
    if not s:
        return ""
    return _NOT_XML.sub("", s)


def xml_time(dt: datetime | None) -> str | None:
    """A naive UTC datetime as xsd:dateTime (microseconds kept: a round trip keeps the
    order of edits made within one second)."""
    if dt is None:
        return None
    return dt.isoformat() + "Z"


def parse_time(value: str | None) -> datetime | None:
    """xsd:dateTime (with or without zone) -> naive UTC; None if absent or unreadable."""
    if not value:
        return None
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt


def local(tag) -> str:
    """An element's name without its namespace ('' for comments and processing
    instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
