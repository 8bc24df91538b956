"""A REFI-QDA project read into the rows it will become, nothing written: one annotation
per selection, category and coder (with the values and flags coded beside it), each
coder's note on an article, the links a relation type of the codebook joins, and notes
counting what is skipped. Positions, attribute values and GUIDs (unique in the file) are
checked here; what they mean in the project is checked when `refi_store` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..annotations import validate_attrs
from ..codebook import Codebook
from ..errors import InputError
from ..importers.common import check_text_size
from ..memos import MAX_NOTE
from .refi_codes import CodeMapping, Target
from .refi_common import parse_time
from .refi_read import RCoding, RefiFile, RSource

DEFAULT_CODER = "imported"


@dataclass
class _Ann:
    uuid: str
    source: str
    coder: str  # user GUID or "" for the default coder
    category: str
    start: int
    end: int
    attrs: dict
    created: datetime | None
    updated: datetime | None
    decided_by: str | None = None
    origin_uuid: str | None = None
    note: str = ""
    flag: bool = False
    origin: str | None = "imported"


@dataclass
class _DocNote:
    uuid: str
    source: str
    coder: str  # user GUID or ""
    text: str
    created: datetime | None
    updated: datetime | None


@dataclass
class Plan:
    """What the file becomes: annotations, links, each coder's note on an article, and a
    line for each kind of thing skipped."""

    anns: list[_Ann]
    links: list[tuple[str, str, str, str, str]]  # (guid, type, from, to, coder GUID or "")
    notes: list[str]
    doc_notes: list[_DocNote] = field(default_factory=list)


class _Notes:
    """Note texts by GUID, cut at the memo limit, remembering which were used."""

    def __init__(self, refi: RefiFile):
        self.refi, self.used, self.cut = refi, set(), 0

    def text(self, guids: list[str]) -> str:
        parts = []
        for g in dict.fromkeys(guids):
            n = self.refi.notes.get(g)
            if n is not None and n.text.strip():
                self.used.add(g)
                parts.append(n.text.strip())
        text = "\n\n".join(parts)
        if len(text) > MAX_NOTE:
            self.cut += 1
            text = text[:MAX_NOTE].rstrip()
        return text


def plan_rows(refi: RefiFile, mapping: CodeMapping) -> Plan:
    cb = mapping.codebook
    notes: list[str] = []
    anns: list[_Ann] = []
    skipped_codes = 0
    memo = _Notes(refi)
    doc_notes: list[_DocNote] = []
    _unique(refi, [src.guid for src in refi.sources], "source")
    _unique(refi, [link.guid for link in refi.links], "link")
    for src in refi.sources:
        check_text_size(refi.path, src.text, f"source {src.name or src.guid}")
        for sel in src.selections:
            if not (0 <= sel.start < sel.end <= len(src.text)):
                raise InputError(refi.path, f"source {src.name or src.guid}: selection "
                                            f"{sel.guid}: positions [{sel.start}, {sel.end}) "
                                            f"are outside the text (length {len(src.text)}) "
                                            "or empty")
            made, skipped = _annotations(refi, cb, mapping, memo, src, sel.guid, sel.codings,
                                         sel.user, sel.start, sel.end, sel.created,
                                         sel.modified, sel.notes)
            anns += made
            skipped_codes += skipped
        made, skipped = _annotations(refi, cb, mapping, memo, src, None, src.codings, None,
                                     0, len(src.text), None, None, [])
        anns += made
        skipped_codes += skipped
        by_user: dict[str, list[str]] = {}
        for g in src.notes:  # notes on the source: each coder's note on the article
            n = refi.notes.get(g)
            if n is not None:
                by_user.setdefault(n.user or "", []).append(g)
        for user, guids in by_user.items():
            text = memo.text(guids)
            if text:
                first = refi.notes[guids[0]]
                doc_notes.append(_DocNote(guids[0], src.guid, user, text, first.created,
                                          first.modified or first.created))
    if skipped_codes:
        notes.append(f"{skipped_codes} codings of codes that cannot be coded were skipped")
    _unique(refi, [a.uuid for a in anns], "coding")
    _unique(refi, [n.uuid for n in doc_notes], "note")
    by_uuid = {a.uuid: a for a in anns}
    links, unmatched = [], 0
    for link in refi.links:
        a, b = by_uuid.get(link.origin or ""), by_uuid.get(link.target or "")
        side = refi.side_relations.get(link.guid, {})
        rt = cb.relation(side.get("type")) if isinstance(side.get("type"), str) else None
        if rt is None:
            rt = next((r for r in cb.relations if link.name and link.name.casefold() in
                       (r.key.casefold(), r.name_en.casefold(), r.name_ar.casefold())
                       and a is not None and b is not None
                       and (r.from_category, r.to_category) == (a.category, b.category)),
                      None)
        if a is None or b is None or rt is None or a.source != b.source or \
                (rt.from_category, rt.to_category) != (a.category, b.category):
            unmatched += 1
            continue
        coder = side.get("coder") if isinstance(side.get("coder"), str) else None
        links.append((link.guid, rt.key, a.uuid, b.uuid, (coder or a.coder).lower()))
    if unmatched:
        notes.append(f"{unmatched} links not imported (no relation type of this codebook "
                     "joins their two codings)")
    unused = len(set(refi.notes) - memo.used)
    if unused:
        notes.append(f"{unused} notes not imported (not on a coded passage or a source: "
                     "project or code memos)")
    if memo.cut:
        notes.append(f"{memo.cut} notes cut at {MAX_NOTE:,} characters")
    if refi.ignored:
        what = ", ".join(f"{n} {k}" for k, n in refi.ignored.most_common(8))
        notes.append(f"ignored {sum(refi.ignored.values())} elements this tool has no use "
                     f"for ({what})")
    return Plan(anns, links, notes, doc_notes)


def _annotations(refi: RefiFile, cb: Codebook, mapping: CodeMapping, memo: _Notes,
                 src: RSource, sel_guid: str | None, codings: list[RCoding],
                 sel_user: str | None, start: int, end: int, created, modified,
                 sel_notes: list[str]) -> tuple[list[_Ann], int]:
    """The annotations one selection (or a source's own codings) makes: one per category
    and coder, with the values and flags coded beside it."""
    groups: dict[tuple[str, str], dict] = {}
    skipped = 0
    for c in codings:
        t: Target | None = mapping.targets.get(c.code)
        if t is None or t.kind == "group":
            skipped += 1
            continue
        user = c.user or sel_user or ""
        g = groups.setdefault((t.category, user), {"uuid": None, "attrs": {}, "notes": [],
                                                   "first": c.guid, "created": c.created})
        g["notes"] += c.notes
        if t.kind == "category":
            g["uuid"] = c.guid
        elif t.kind == "value":
            g["attrs"].setdefault(t.attribute, t.value)
        elif t.kind == "flag":
            g["attrs"][t.attribute] = True
    out = []
    for (cat_key, user), g in groups.items():
        cat = cb.category(cat_key)
        if sel_guid is not None and len(groups) == 1:
            uuid = sel_guid
        else:
            uuid = g["uuid"] or g["first"]
        extra = refi.side_annotations.get(uuid, {})
        attrs = dict(g["attrs"])
        side_attrs = extra.get("attrs") if isinstance(extra.get("attrs"), dict) else {}
        for a in cat.attributes:  # text and numbers have no code: they come from beside
            if a.type in ("text", "number") and a.key in side_attrs:
                attrs[a.key] = side_attrs[a.key]
            elif a.type == "boolean" and a.key not in attrs and a.key in side_attrs:
                attrs[a.key] = False  # a flag is coded when true; false is not a code
        where = f"source {src.name or src.guid}: coding {uuid}"
        try:
            attrs = validate_attrs(cat, attrs)
        except InputError as e:
            raise InputError(refi.path, f"{where}: {e.message}") from None
        if cat.kind == "document":
            s, e = 0, 0
        elif sel_guid is None:
            s, e = 0, len(src.text)
            if e == 0:
                raise InputError(refi.path, f"{where}: codes an empty text")
        else:
            s, e = start, end
        out.append(_Ann(uuid, src.guid, user, cat_key, s, e, attrs,
                        created or g["created"],
                        modified or _time(extra.get("updated")) or created or g["created"],
                        _str(extra.get("decided_by")), _str(extra.get("origin_uuid")),
                        memo.text(sel_notes + g["notes"]), extra.get("flag") is True,
                        _origin(refi, uuid, extra)))
    return out, skipped


def _origin(refi: RefiFile, uuid: str, extra: dict) -> str | None:
    """Annotations this project wrote keep their origin (None: coded by hand); the rest
    came from another tool: imported."""
    if uuid not in refi.side_annotations:
        return "imported"
    return extra.get("origin") if extra.get("origin") in ("suggested", "imported") else None


def _unique(refi: RefiFile, guids: list[str], what: str) -> None:
    seen: set[str] = set()
    for g in guids:
        if g in seen:
            raise InputError(refi.path, f"GUID {g} is used by two elements ({what})")
        seen.add(g)


def _time(v) -> datetime | None:
    return parse_time(v) if isinstance(v, str) else None


def _str(v) -> str | None:
    return v if isinstance(v, str) and v else None


def coder_name(refi: RefiFile, guid: str) -> str:
    """The coder a User becomes: its name, else one made from its GUID; codings without
    a user are DEFAULT_CODER's."""
    if not guid:
        return DEFAULT_CODER
    return _clean_name(refi.users.get(guid) or "") or f"user {guid[:8]}"


def _clean_name(name: str) -> str:
    return " ".join("".join(ch for ch in name if ch.isprintable()).split())[:200]

