"""What a REFI-QDA file holds once read: the code tree, the text sources with their
selections and codings, notes, links and users, and what Annotator's own sidecar adds
beside the standard XML. Plain data: `refi_read` fills it, `refi_codes` and
`refi_import` turn it into a codebook and rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


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
