"""doccano exports (.jsonl, .json): texts with one coder's spans, offsets kept exactly.

Accepted per record: "text" (or "data"); spans as "label" or "labels" lists of
[start, end, label], or "entities" dicts {"start_offset", "end_offset", "label"}; optional
"id" and "meta" (a dict). A "label" list of plain strings (text classification) goes into
meta["doc_labels"]. The text is not stripped and not cleaned: only a BOM is dropped and
CR/CRLF turned into LF, and when that shortens the text the offsets are moved with it.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.base import ImportedDocument, ImportedSpan
from annotator.core.importers.common import (
    MAX_CONTAINER_BYTES,
    TITLE_LIMIT,
    check_text_size,
    first_line_title,
    read_bytes,
    shorten,
)
from annotator.core.importers.encoding import decode_text
from annotator.core.text import BOM, canonical_text

_KNOWN = {"text", "data", "label", "labels", "entities", "id", "meta"}


def read_doccano(path: Path) -> list[ImportedDocument]:
    data = read_bytes(path, MAX_CONTAINER_BYTES)
    raw, _encoding = decode_text(data, path)
    if raw.startswith(BOM):
        raw = raw[1:]
    records = _records(raw, path)
    docs = []
    for where, record in records:
        doc = _document(record, where, path)
        if doc is not None:
            docs.append(doc)
    if not docs:
        raise InputError(path, "no records with text")
    return docs


def _records(raw: str, path: Path) -> list[tuple[str, object]]:
    """(where, parsed JSON) per record: a JSON array, a single object, or JSON Lines.

    Lines are split on "\\n" only: str.splitlines() would also split on U+2028 and other
    separators that may stand unescaped inside JSON strings.
    """
    stripped = raw.lstrip()
    if stripped.startswith("["):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(path, f"line {e.lineno}: not valid JSON ({e.msg})") from None
        return [(f"item {i}", v) for i, v in enumerate(value, start=1)]
    out = []
    for n, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append((f"line {n}", json.loads(line)))
        except json.JSONDecodeError as e:
            if n == 1 and stripped.startswith("{"):  # maybe one pretty-printed object
                try:
                    return [("record 1", json.loads(raw))]
                except json.JSONDecodeError:
                    pass
            raise InputError(path, f"line {n}: not valid JSON ({e.msg})") from None
    return out


def _document(record, where: str, path: Path) -> ImportedDocument | None:
    if not isinstance(record, dict):
        raise InputError(path, f"{where}: expected a JSON object, found {type(record).__name__}")
    raw_text = record.get("text", record.get("data"))
    if not isinstance(raw_text, str):
        raise InputError(path, f"{where}: no \"text\" field with a string")
    if not raw_text.strip():
        return None
    check_text_size(path, raw_text, where=where)
    text, move = _canonical_with_offsets(raw_text)
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    meta = dict(meta)
    if "meta" in record and not isinstance(record["meta"], dict):
        meta["meta"] = record["meta"]
    if "id" in record:
        meta["doccano_id"] = record["id"]
        if isinstance(record["id"], str | int) and not isinstance(record["id"], bool):
            meta["source_id"], meta["source_id_column"] = str(record["id"]), "id"
    for key, value in record.items():
        if key not in _KNOWN:
            meta.setdefault(key, value)
    spans, doc_labels = _spans(record, where, path, len(raw_text))
    moved = spans if text is raw_text or text == raw_text else []  # nothing moved
    for s in spans if moved is not spans else ():
        start, end = move(s.start), move(s.end)
        if start >= end:
            raise InputError(path, f"{where}: span [{s.start}, {s.end}) covers only a line "
                                   f"break that is dropped when CRLF becomes LF")
        moved.append(ImportedSpan(start, end, s.label))
    if doc_labels:
        meta["doc_labels"] = doc_labels
    if text != raw_text:
        meta["original_length"] = len(raw_text)
    title = meta.get("title")
    title = shorten(str(title), TITLE_LIMIT) if title else first_line_title(text, TITLE_LIMIT)
    return ImportedDocument(text=text, title=title, source_file=Path(path).name, meta=meta,
                            spans=moved)


def _spans(record: dict, where: str, path: Path, length: int
           ) -> tuple[list[ImportedSpan], list[str]]:
    spans: list[ImportedSpan] = []
    doc_labels: list[str] = []
    raw = record.get("label", record.get("labels"))
    items: list[tuple[object, object, object]] = []
    if raw is not None:
        if not isinstance(raw, list):
            raise InputError(path, f"{where}: \"label\" must be a list")
        for item in raw:
            if isinstance(item, str):
                doc_labels.append(item)
            elif isinstance(item, list | tuple) and len(item) == 3:
                items.append(tuple(item))
            else:
                raise InputError(path, f"{where}: a label must be [start, end, \"Label\"], "
                                       f"found {json.dumps(item, ensure_ascii=False)}")
    entities = record.get("entities")
    if entities is not None:
        if not isinstance(entities, list):
            raise InputError(path, f"{where}: \"entities\" must be a list")
        for e in entities:
            if not isinstance(e, dict) or not {"start_offset", "end_offset", "label"} <= e.keys():
                raise InputError(path, f"{where}: an entity needs start_offset, end_offset and "
                                       f"label, found {json.dumps(e, ensure_ascii=False)}")
            items.append((e["start_offset"], e["end_offset"], e["label"]))
    for start, end, label in items:
        if not _is_int(start) or not _is_int(end):
            raise InputError(path, f"{where}: span offsets must be whole numbers, found "
                                   f"[{start!r}, {end!r})")
        if not 0 <= start < end <= length:
            if start >= end and 0 <= start and end <= length:
                raise InputError(path, f"{where}: span [{start}, {end}) is empty or reversed")
            raise InputError(path, f"{where}: span [{start}, {end}) is outside the text "
                                   f"(length {length})")
        if isinstance(label, bool) or not isinstance(label, str | int):
            raise InputError(path, f"{where}: a span label must be a string, found {label!r}")
        spans.append(ImportedSpan(start, end, str(label)))
    return spans, doc_labels


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _canonical_with_offsets(raw: str):
    """canonical_text(raw), and a function moving an offset in `raw` to the same place in it.

    Each removed character (the BOM, the CR of a CRLF) shifts later offsets left by one;
    an offset between a CR and its LF lands on the LF.
    """
    text = canonical_text(raw)
    if len(text) == len(raw):
        return text, lambda o: o
    removed = [0] if raw.startswith(BOM) else []
    i = raw.find("\r\n")
    while i >= 0:
        removed.append(i)
        i = raw.find("\r\n", i + 2)
    return text, lambda o: o - bisect.bisect_left(removed, o)
