"""Writing codebooks: plain dicts for JSON/YAML, and files written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from .model import AttributeDef, CategoryDef, Codebook, GroupDef, RelationDef, ValueDef


def _names(obj) -> dict:
    return {"key": obj.key, "name_ar": obj.name_ar, "name_en": obj.name_en}


def category_to_dict(c: CategoryDef) -> dict:
    d = _names(c)
    if c.group:
        d["group"] = c.group
    if c.kind != "span":
        d["kind"] = c.kind
    d["color"] = c.color
    if c.hotkey is not None:
        d["hotkey"] = c.hotkey
    if c.description:
        d["description"] = c.description
    if c.attributes:
        d["attributes"] = [_attribute_to_dict(a) for a in c.attributes]
    if c.retired:
        d["retired"] = True
    return d


def _attribute_to_dict(a: AttributeDef) -> dict:
    d = _names(a)
    d["type"] = a.type
    for flag in ("required", "ordinal", "suggest"):
        if getattr(a, flag):
            d[flag] = True
    if a.description:
        d["description"] = a.description
    if a.values:
        d["values"] = [_value_to_dict(v) for v in a.values]
    return d


def _value_to_dict(v: ValueDef) -> dict:
    d = _names(v)
    if v.description:
        d["description"] = v.description
    if v.retired:
        d["retired"] = True
    return d


def group_to_dict(g: GroupDef) -> dict:
    d = _names(g)
    if g.parent:
        d["parent"] = g.parent
    if g.description:
        d["description"] = g.description
    return d


def relation_to_dict(r: RelationDef) -> dict:
    d = _names(r)
    d["from_category"] = r.from_category
    d["to_category"] = r.to_category
    if r.description:
        d["description"] = r.description
    return d


def save_codebook(codebook: Codebook, path: str | os.PathLike) -> None:
    """Write a codebook as JSON or YAML (by extension), UTF-8, Arabic kept readable.

    Written to a temporary file first and moved into place, so a crash never leaves half
    a codebook behind.
    """
    path = Path(path)
    from .loading import codebook_format  # loading imports the model, which imports us

    fmt = codebook_format(path)
    data = codebook.to_dict()
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        import yaml  # only here: reading a project's codebook needs no YAML (render)

        text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                         allow_unicode=True, sort_keys=False, default_flow_style=False,
                         width=100, indent=2)  # libyaml's emitter: the same text, 3x faster
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():  # else the message would name the temporary file
        raise InputError(path, f"folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(path, f"cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

