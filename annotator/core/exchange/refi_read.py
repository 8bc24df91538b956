"""Reading REFI-QDA files (.qdpx projects, .qdc codebooks) as untrusted input.

The reader takes what real tools write, not only what Annotator writes: GUIDs in either
case (with or without braces), `internal://`, `relative://` and inline texts, a `Sources/`
or `sources/` folder, sources without codings, deep code trees. Elements it has no use for
(pictures, PDFs, sets, graphs, elements of later versions) are skipped and counted.

Each text may be MAX_DOCUMENT_BYTES, and a path in the file never leaves the archive (a
`relative://` path may name a file beside the .qdpx, never above it); the archive and
its XML are opened by `refi_archive` (size limits, zip and entity bombs). What is read
is the plain data of `refi_model` (its classes are importable from here too). Every
problem raises InputError naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..importers.common import MAX_CONTAINER_BYTES, MAX_DOCUMENT_BYTES, megabytes
from ..text import canonical_text
from .refi_archive import Archive, decode_text, parse_xml
from .refi_common import SIDECAR, SIDECAR_FORMAT, local, norm_guid, parse_time
from .refi_model import RCode, RCoding, RefiFile, RLink, RNote, RSelection, RSource

__all__ = ["RCode", "RCoding", "RLink", "RNote", "RSelection", "RSource", "RefiFile",
           "parse_xml", "read_qdc", "read_qdpx"]


def read_qdpx(path) -> RefiFile:
    """Read a .qdpx project. Raises InputError naming the file for anything wrong."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a regular file")
    arc = Archive(path)
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
    def __init__(self, out: RefiFile, arc: Archive | None):
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
        return decode_text(self.path, data, where)

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


def _read_sidecar(out: RefiFile, arc: Archive) -> None:
    info = arc.find(SIDECAR + "project.json")
    if info is None:
        return
    where = info.filename
    try:
        data = json.loads(decode_text(out.path, arc.read(info, MAX_DOCUMENT_BYTES), where))
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
        text = decode_text(out.path, arc.read(info, MAX_CONTAINER_BYTES), info.filename)
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
