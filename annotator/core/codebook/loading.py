"""Reading codebook files (.json, .yaml, .yml) strictly: duplicate keys are errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from annotator.core.errors import CodebookError, InputError

from .model import Codebook


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:  # before merging `<<:` keys, which may be overridden
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first on line {seen[key] + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def codebook_format(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".json":
        return "json"
    if ext in (".yaml", ".yml"):
        return "yaml"
    raise InputError(path, f"unknown codebook format '{ext or path.name}' "
                           "(expected .json, .yaml or .yml)")


def _json_pairs(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key '{k}'")
        out[k] = v
    return out


def load_codebook(path: str | os.PathLike) -> Codebook:
    """Read and validate a codebook file (.json, .yaml or .yml, by extension).

    Raises InputError when the file cannot be read, CodebookError when its content is not
    a valid codebook (syntax errors included, as one line with the position).
    """
    path = Path(path)
    fmt = codebook_format(path)
    if path.exists() and not path.is_file():  # a named pipe: read for ever
        raise InputError(path, "is a folder, not a codebook file" if path.is_dir() else
                         "not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read codebook: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CodebookError(path, f"not UTF-8 text (byte {e.start}): save the codebook as "
                                  "UTF-8") from e
    try:
        data = _parse(text, fmt, path)
    except RecursionError:
        raise CodebookError(path, "nested too deeply to be read (brackets thousands of "
                                  "levels deep)") from None
    if data is None:
        raise CodebookError(path, "the file is empty")
    try:
        return Codebook.from_dict(data, path=path)
    except RecursionError:
        raise CodebookError(path, "nested too deeply to be a codebook") from None


def _parse(text: str, fmt: str, path: Path):
    if fmt == "json":
        try:
            return json.loads(text, object_pairs_hook=_json_pairs)
        except json.JSONDecodeError as e:
            raise CodebookError(path, f"not valid JSON: line {e.lineno} column {e.colno}: "
                                      f"{e.msg}") from e
        except ValueError as e:
            raise CodebookError(path, f"not valid JSON: {e}") from e
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        raise CodebookError(path, f"not valid YAML: {_yaml_error(e)}") from e


def _yaml_error(e: yaml.YAMLError) -> str:
    mark = getattr(e, "problem_mark", None)
    problem = getattr(e, "problem", None) or str(e)
    context = getattr(e, "context", None)
    msg = " ".join(str(problem).split())
    if context and "duplicate key" not in msg:
        msg = f"{msg} ({' '.join(str(context).split())})"
    if mark is not None:
        return f"line {mark.line + 1} column {mark.column + 1}: {msg}"
    return msg



def default_codebook() -> Codebook:
    """The shipped codebook for sourcing in Arabic news (resources/codebooks/sourcing.yaml)."""
    from annotator.resources import DEFAULT_CODEBOOK

    return load_codebook(DEFAULT_CODEBOOK)
