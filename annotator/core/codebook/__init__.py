"""Codebooks: the categories, attributes and relations coders annotate with.

A codebook is a YAML or JSON file; its categories may be filed in (nested) groups. The package is split along its seams:

- `model`: the dataclasses and look-ups;
- `validation`: checking raw data, every problem at once with its field path;
- `loading` / `export`: reading and (atomically) writing files;
- `compat`: the structure that must match for coders' work to merge (`fingerprint`, `diff`).

Pure Python: no Qt, no SQL.
"""

from .model import (
    ATTRIBUTE_TYPES,
    CATEGORY_KINDS,
    HOTKEYS,
    AttributeDef,
    CategoryDef,
    Codebook,
    GroupDef,
    RelationDef,
    ValueDef,
)

__all__ = [
    "ATTRIBUTE_TYPES",
    "CATEGORY_KINDS",
    "HOTKEYS",
    "AttributeDef",
    "CategoryDef",
    "Codebook",
    "GroupDef",
    "RelationDef",
    "ValueDef",
    "default_codebook",
    "load_codebook",
    "save_codebook",
]


def __getattr__(name: str):
    # Reading and writing files needs PyYAML (~10 ms to import); the model does not, and
    # `render` reads a project's codebook only. Loaded on first use.
    if name in ("default_codebook", "load_codebook"):
        from . import loading

        return getattr(loading, name)
    if name == "save_codebook":
        from .export import save_codebook

        return save_codebook
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
