"""A .qdpx archive and its XML, read as untrusted input, never extracted to disk.

Limits: the archive may expand to MAX_CONTAINER_BYTES (and not more than MAX_RATIO times
its packed size: a zip bomb), each member read to the limit its caller gives (never more,
whatever its header claims), all members together to MAX_CONTAINER_BYTES; XML with a DTD
or entities is refused (no entity bomb), and the parser never touches the network.
Member names are compared without case (tools write Sources/ or sources/). Every problem
raises InputError naming the file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..importers.archive import open_zip
from ..importers.common import MAX_CONTAINER_BYTES, check_file_size, megabytes

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def parse_xml(path: Path, data: bytes, what: str) -> etree._Element:
    """The root of `data` (named `what` in messages); a DTD or entities are refused."""
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


class Archive:
    """The zip archive of `path`, checked whole on opening (a zip bomb is refused)."""

    def __init__(self, path: Path):
        self.path = path
        check_file_size(path, MAX_CONTAINER_BYTES)
        self.zf = open_zip(path, ".qdpx")
        infos = self.zf.infolist()
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


def decode_text(path: Path, data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"{where}: not UTF-8 text (byte {e.start})") from None

