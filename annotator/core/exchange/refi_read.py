"""Reading REFI-QDA files (.qdpx projects, .qdc codebooks) as untrusted input.

The reader takes what real tools write, not only what Annotator writes: GUIDs in either
case (with or without braces), `internal://`, `relative://` and inline texts, a `Sources/`
or `sources/` folder, sources without codings, deep code trees. Elements it has no use for
(pictures, PDFs, sets, graphs, elements of later versions) are skipped and counted.

Limits: the archive may expand to MAX_CONTAINER_BYTES (and not more than MAX_RATIO times
its packed size: a zip bomb), each text to MAX_DOCUMENT_BYTES; no DTD (so no entity bomb),
no network, nothing is extracted to disk, and a path in the file never leaves the archive
(a `relative://` path may name a file beside the .qdpx, never above it).
Every problem raises InputError naming the file.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from lxml import etree

from ..errors import InputError
from ..importers.archive import _RATIO_FLOOR, MAX_RATIO
from ..importers.common import (
    MAX_CONTAINER_BYTES,
    MAX_DOCUMENT_BYTES,
    check_file_size,
    megabytes,
)
from ..text import canonical_text
from .refi_common import SIDECAR, SIDECAR_FORMAT, local, norm_guid, parse_time


@dataclass
class RCode:
    guid: str
    name: str
    codable: bool
    color: str | None
    description: str
    children: list[RCode] = field(default_factory=list)
    parent: RCode | None = field(default=None, repr=False)

    def path(self) -> list[str]:
        names, c = [], self.parent
        while c is not None:
            names.append(c.name)
            c = c.parent
        return names[::-1]


@dataclass
class RCoding:
    guid: str
    code: str  # code GUID
    user: str | None
    created: datetime | None
    notes: list[str] = field(default_factory=list)


@dataclass
class RNote:
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None


@dataclass
class RSelection:
    guid: str
    start: int
    end: int
    user: str | None
    created: datetime | None
    modified: datetime | None
    codings: list[RCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class RSource:
    guid: str
    name: str
    text: str
    created: datetime | None
    selections: list[RSelection] = field(default_factory=list)
    codings: list[RCoding] = field(default_factory=list)  # whole-source codings
    variables: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class RLink:
    guid: str
    name: str
    origin: str | None
    target: str | None


@dataclass
class RefiFile:
    path: Path
    name: str = ""
    users: dict[str, str] = field(default_factory=dict)  # guid -> name
    codes: list[RCode] = field(default_factory=list)  # the top of the tree
    sources: list[RSource] = field(default_factory=list)
    links: list[RLink] = field(default_factory=list)
    notes: dict[str, RNote] = field(default_factory=dict)  # by GUID
    ignored: Counter = field(default_factory=Counter)  # element name -> how many skipped
    sidecar: dict | None = None
    side_annotations: dict[str, dict] = field(default_factory=dict)
    side_documents: dict[str, dict] = field(default_factory=dict)
    side_relations: dict[str, dict] = field(default_factory=dict)

    def all_codes(self) -> list[RCode]:
        out, stack = [], list(reversed(self.codes))
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(reversed(c.children))
        return out


# --- safe XML --------------------------------------------------------------------------------


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def parse_xml(path: Path, data: bytes, what: str) -> etree._Element:
    m = _FIRST_ELEMENT.search(data)
    prolog = data[:m.start()] if m else data
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise InputError(path, f"{what} declares a DTD or entities; refused (entity bomb?)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_pis=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise InputError(path, f"{what} is not valid XML ({e})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(path, f"{what} declares a DTD or entities; refused (entity bomb?)")
    return root


# --- the archive -----------------------------------------------------------------------------


class _Archive:
    def __init__(self, path: Path):
        self.path = path
        check_file_size(path, MAX_CONTAINER_BYTES)
        try:
            if not zipfile.is_zipfile(path):
                raise InputError(path, "not a .qdpx file (not a zip archive)")
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
            raise InputError(path, f"not a .qdpx file (damaged zip archive: {e})") from None
        expanded = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if expanded > MAX_CONTAINER_BYTES or (
                expanded > _RATIO_FLOOR and expanded > MAX_RATIO * max(packed, 1)):
            raise InputError(path, f"refused: archive expands to {megabytes(expanded)} "
                                   "(zip bomb?)")
        # names compared without case: tools write Sources/ or sources/, GUIDs in either case
        self.names = {i.filename.lower(): i for i in infos if not i.is_dir()}
        self.budget = MAX_CONTAINER_BYTES

    def close(self) -> None:
        self.zf.close()

    def find(self, name: str) -> zipfile.ZipInfo | None:
        return self.names.get(name.lower())

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """The member's bytes, never more than `limit` (whatever its header claims)."""
        limit = min(limit, self.budget)
        try:
            with self.zf.open(info) as f:
                data = f.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as e:
            raise InputError(self.path, f"{info.filename}: cannot read it from the archive "
                                        f"({e})") from None
        if len(data) > limit:
            raise InputError(self.path, f"{info.filename}: expands past "
                                        f"{megabytes(limit)}; refused (zip bomb?)")
        self.budget -= len(data)
        return data


def _decode(path: Path, data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"{where}: not UTF-8 text (byte {e.start})") from None


# --- reading ---------------------------------------------------------------------------------


def read_qdpx(path) -> RefiFile:
    """Read a .qdpx project. Raises InputError naming the file for anything wrong."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a regular file")
    arc = _Archive(path)
    try:
        qde = arc.find("project.qde")
        if qde is None:
            qde = next((i for n, i in arc.names.items() if n.endswith(".qde") and "/" not in n),
                       None)
        if qde is None:
            raise InputError(path, "not a .qdpx file (no project.qde inside)")
        root = parse_xml(path, arc.read(qde, MAX_CONTAINER_BYTES), qde.filename)
        if local(root.tag) != "Project":
            raise InputError(path, f"{qde.filename}: the root element is <{local(root.tag)}>, "
                                   "not <Project>")
        out = RefiFile(path, name=(root.get("name") or "").strip())
        _Reader(out, arc).project(root)
        _read_sidecar(out, arc)
        return out
    finally:
        arc.close()


def read_qdc(path) -> RefiFile:
    """Read a .qdc codebook (or a .qdpx's code tree from a bare project.qde)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a regular file")
    from ..importers.common import read_bytes

    root = parse_xml(path, read_bytes(path, MAX_CONTAINER_BYTES), "the codebook")
    if local(root.tag) not in ("CodeBook", "Project"):
        raise InputError(path, f"not a REFI-QDA codebook (root element <{local(root.tag)}>)")
    out = RefiFile(path)
    r = _Reader(out, None)
    codes = root if local(root.tag) == "CodeBook" else None
    for child in root:
        name = local(child.tag)
        if name == "Codes" and codes is root:
            out.codes = r.codes(child, None)
        elif name == "CodeBook" and codes is None:
            for cc in child:
                if local(cc.tag) == "Codes":
                    out.codes = r.codes(cc, None)
        elif name:
            out.ignored[name] += 1
    return out


class _Reader:
    def __init__(self, out: RefiFile, arc: _Archive | None):
        self.out, self.arc, self.path = out, arc, out.path
        self.variables: dict[str, str] = {}  # guid -> name

    def bad(self, what: str) -> InputError:
        return InputError(self.path, what)

    def guid(self, el, attr: str = "guid", required: bool = True) -> str | None:
        raw = el.get(attr)
        g = norm_guid(raw)
        if g is None and (required or raw is not None):
            raise self.bad(f"<{local(el.tag)}> has {attr}={raw!r}, which is not a GUID")
        return g

    def project(self, root) -> None:
        handlers = {"Users": self.users, "CodeBook": self.codebook, "Variables": self.vars,
                    "Sources": self.sources, "Notes": self.notes, "Links": self.links,
                    "Cases": self.cases}
        # Variables and notes first (sources refer to them), cases last (they refer to
        # sources), whatever order the file uses
        rank = {"Variables": 0, "Notes": 0, "Cases": 2}
        order = sorted(root, key=lambda e: rank.get(local(e.tag), 1))
        for child in order:
            name = local(child.tag)
            if name in handlers:
                handlers[name](child)
            elif name in ("Description", "NoteRef"):
                continue
            elif name:
                self.out.ignored[name] += 1

    def users(self, el) -> None:
        for u in el:
            if local(u.tag) != "User":
                self.out.ignored[local(u.tag)] += 1
                continue
            self.out.users[self.guid(u)] = " ".join((u.get("name") or "").split())

    def codebook(self, el) -> None:
        for child in el:
            if local(child.tag) == "Codes":
                self.out.codes = self.codes(child, None)
            elif local(child.tag):
                self.out.ignored[local(child.tag)] += 1

    def codes(self, el, parent: RCode | None, depth: int = 0) -> list[RCode]:
        if depth > 100:
            raise self.bad("the code tree is nested more than 100 deep")
        out = []
        for c in el:
            if local(c.tag) != "Code":
                if local(c.tag) not in ("Description", "NoteRef", ""):
                    self.out.ignored[local(c.tag)] += 1
                continue
            desc = next((x.text or "" for x in c if local(x.tag) == "Description"), "")
            code = RCode(self.guid(c), " ".join((c.get("name") or "").split()),
                         (c.get("isCodable") or "true").strip().lower() in ("true", "1"),
                         c.get("color"), desc.strip(), parent=parent)
            code.children = self.codes(c, code, depth + 1)
            out.append(code)
        return out

    def vars(self, el) -> None:
        for v in el:
            if local(v.tag) == "Variable":
                self.variables[self.guid(v)] = (v.get("name") or "").strip()
            elif local(v.tag):
                self.out.ignored[local(v.tag)] += 1

    def notes(self, el) -> None:
        for n in el:
            if local(n.tag) != "Note":
                self.out.ignored[local(n.tag)] += 1
                continue
            text = self.text_of(n, f"note {n.get('guid')}", required=False)
            self.out.notes[self.guid(n)] = RNote(
                text or "", self.guid(n, "creatingUser", required=False),
                parse_time(n.get("creationDateTime")), parse_time(n.get("modifiedDateTime")))

    def cases(self, el) -> None:
        """Variables on cases apply to the sources the case names."""
        by_guid = {s.guid: s for s in self.out.sources}
        for case in el:
            if local(case.tag) != "Case":
                self.out.ignored[local(case.tag)] += 1
                continue
            values, refs = {}, []
            for x in case:
                if local(x.tag) == "VariableValue":
                    values.update(self.variable_value(x))
                elif local(x.tag) == "SourceRef":
                    refs.append(self.guid(x, "targetGUID"))
            for g in refs:
                if g in by_guid:
                    for k, v in values.items():
                        by_guid[g].variables.setdefault(k, v)

    def variable_value(self, el) -> dict:
        name, value = None, None
        for x in el:
            t = local(x.tag)
            if t == "VariableRef":
                name = self.variables.get(self.guid(x, "targetGUID"))
            elif t.endswith("Value"):
                raw = (x.text or "").strip()
                if t in ("DateValue", "DateTimeValue"):
                    value = parse_time(raw) or raw
                elif t == "BooleanValue":
                    value = raw.lower() in ("true", "1")
                elif t in ("IntegerValue", "FloatValue"):
                    try:
                        value = int(raw) if t == "IntegerValue" else float(raw)
                    except ValueError:
                        value = raw
                else:
                    value = raw
        return {name: value} if name and value not in (None, "") else {}

    def sources(self, el) -> None:
        for s in el:
            if local(s.tag) == "TextSource":
                self.out.sources.append(self.source(s))
            elif local(s.tag):
                self.out.ignored[local(s.tag)] += 1

    def text_of(self, el, where: str, required: bool = True) -> str | None:
        inline = next((x for x in el if local(x.tag) == "PlainTextContent"), None)
        if inline is not None:
            return inline.text or ""
        ref = el.get("plainTextPath")
        if not ref:
            if required:
                raise self.bad(f"{where}: no text (neither plainTextPath nor "
                               "PlainTextContent)")
            return None
        data = self.file_at(ref.strip(), where)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise self.bad(f"{where}: text is {megabytes(len(data))}; the limit for one "
                           f"article is {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
        return _decode(self.path, data, where)

    def file_at(self, ref: str, where: str) -> bytes:
        scheme, _, rest = ref.partition("://")
        if not rest:
            scheme, rest = "relative", ref
        scheme = scheme.lower()
        rel = PurePosixPath(rest.replace("\\", "/"))
        if scheme not in ("internal", "relative") or rel.is_absolute() or ".." in rel.parts \
                or not rel.parts:
            raise self.bad(f"{where}: refused path {ref!r} (only internal:// and relative:// "
                           "paths inside the project are read)")
        if self.arc is not None:
            for candidate in (f"sources/{rel}", str(rel)):
                info = self.arc.find(candidate)
                if info is not None:
                    return self.arc.read(info, MAX_DOCUMENT_BYTES)
        if scheme == "relative":  # a file beside the .qdpx, never outside its folder
            base = self.path.parent.resolve()
            target = (base / Path(*rel.parts)).resolve()
            if target.is_relative_to(base) and target.is_file():
                from ..importers.common import read_bytes

                return read_bytes(target, MAX_DOCUMENT_BYTES)
        raise self.bad(f"{where}: its text {ref!r} is not in the archive")

    def source(self, el) -> RSource:
        guid = self.guid(el)
        name = " ".join((el.get("name") or "").split())
        where = f"source {name or guid}"
        raw = self.text_of(el, where)
        text = canonical_text(raw)
        remap = _remap(raw) if text != raw else None
        src = RSource(guid, name, text, parse_time(el.get("creationDateTime")))
        for x in el:
            t = local(x.tag)
            if t == "PlainTextSelection":
                src.selections.append(self.selection(x, where, remap))
            elif t == "Coding":
                src.codings.append(self.coding(x))
            elif t == "VariableValue":
                src.variables.update(self.variable_value(x))
            elif t == "NoteRef":
                src.notes.append(self.guid(x, "targetGUID"))
            elif t not in ("Description", "PlainTextContent", ""):
                self.out.ignored[t] += 1
        return src

    def selection(self, el, where: str, remap) -> RSelection:
        guid = self.guid(el)
        try:
            start, end = int(el.get("startPosition")), int(el.get("endPosition"))
        except (TypeError, ValueError):
            raise self.bad(f"{where}: selection {guid} has positions "
                           f"{el.get('startPosition')!r}, {el.get('endPosition')!r}, "
                           "which are not whole numbers") from None
        if remap is not None:
            if not (0 <= start <= end < len(remap)):
                raise self.bad(f"{where}: selection {guid}: positions [{start}, {end}) are "
                               "outside the text")
            start, end = remap[start], remap[end]
        sel = RSelection(guid, start, end, self.guid(el, "creatingUser", required=False),
                         parse_time(el.get("creationDateTime")),
                         parse_time(el.get("modifiedDateTime")))
        for x in el:
            t = local(x.tag)
            if t == "Coding":
                sel.codings.append(self.coding(x))
            elif t == "NoteRef":
                sel.notes.append(self.guid(x, "targetGUID"))
            elif t not in ("Description", ""):
                self.out.ignored[t] += 1
        return sel

    def coding(self, el) -> RCoding:
        ref = next((x for x in el if local(x.tag) == "CodeRef"), None)
        if ref is None:
            raise self.bad(f"coding {el.get('guid')} has no CodeRef")
        return RCoding(self.guid(el), self.guid(ref, "targetGUID"),
                       self.guid(el, "creatingUser", required=False),
                       parse_time(el.get("creationDateTime")),
                       [self.guid(x, "targetGUID") for x in el if local(x.tag) == "NoteRef"])

    def links(self, el) -> None:
        for x in el:
            if local(x.tag) != "Link":
                self.out.ignored[local(x.tag)] += 1
                continue
            self.out.links.append(RLink(self.guid(x), (x.get("name") or "").strip(),
                                        self.guid(x, "originGUID", required=False),
                                        self.guid(x, "targetGUID", required=False)))


def _remap(raw: str) -> list[int]:
    """Positions in the raw text (BOM, CRLF) -> positions in its canonical form; one entry
    per raw position, plus the end."""
    out, j, i = [], 0, 0
    if raw.startswith("\ufeff"):
        out.append(0)
        i = 1
    while i < len(raw):
        out.append(j)
        if raw[i] == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
            out.append(j)  # the LF of a CRLF maps where the CR did
            i += 2
        else:
            i += 1
        j += 1
    out.append(j)
    return out


def _read_sidecar(out: RefiFile, arc: _Archive) -> None:
    info = arc.find(SIDECAR + "project.json")
    if info is None:
        return
    where = info.filename
    try:
        data = json.loads(_decode(out.path, arc.read(info, MAX_DOCUMENT_BYTES), where))
    except (ValueError, RecursionError):
        raise InputError(out.path, f"{where}: not valid JSON") from None
    if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
        out.ignored[where] += 1
        return
    out.sidecar = data
    for name, target in (("annotations.jsonl", out.side_annotations),
                         ("documents.jsonl", out.side_documents),
                         ("relations.jsonl", out.side_relations)):
        info = arc.find(SIDECAR + name)
        if info is None:
            continue
        text = _decode(out.path, arc.read(info, MAX_CONTAINER_BYTES), info.filename)
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):
                raise InputError(out.path, f"{info.filename} line {n}: not valid JSON") \
                    from None
            g = norm_guid(row.get("guid")) if isinstance(row, dict) and \
                isinstance(row.get("guid"), str) else None
            if g is None:
                raise InputError(out.path, f"{info.filename} line {n}: no valid guid")
            target[g] = row
