"""Checks on .docx/.xlsx (zip) files before a library opens them: is it a zip at all, and
would it expand to something absurd (a zip bomb)?"""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.common import MAX_CONTAINER_BYTES, megabytes

MAX_RATIO = 100  # uncompressed / compressed, over the whole archive
_RATIO_FLOOR = 1024 * 1024  # below this much uncompressed data a high ratio is harmless
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls, and password-protected Office files


def check_office_zip(path: Path, kind: str, required: str) -> None:
    """Raise InputError unless `path` is a sane zip containing `required` (e.g.
    "word/document.xml"). `kind` is the extension users know (".docx")."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror or e})") from None
    if head.startswith(_OLE):
        raise InputError(path, f"not a {kind} file: an old Office format or a password-"
                               f"protected document (save it as {kind} without a password)")
    with open_zip(path, kind) as z:
        infos = z.infolist()
    if required not in {i.filename for i in infos}:
        raise InputError(path, f"not a {kind} file (no {required} inside)")


def open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    """`path` opened as a zip archive (the caller closes it), refused in one line naming
    it when it is not one, is damaged, or would expand to something absurd (a zip bomb:
    more than MAX_CONTAINER_BYTES, or more than MAX_RATIO times its packed size)."""
    if not zipfile.is_zipfile(path):
        raise InputError(path, f"not a {kind} file (not a zip archive)")
    try:
        z = zipfile.ZipFile(path)
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise InputError(path, f"not a {kind} file (damaged zip archive: {e})") from None
    expanded = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if expanded > MAX_CONTAINER_BYTES or (
            expanded > _RATIO_FLOOR and expanded > MAX_RATIO * max(packed, 1)):
        z.close()
        raise InputError(path, f"refused: archive expands to {megabytes(expanded)} "
                               "(zip bomb?)")
    return z
