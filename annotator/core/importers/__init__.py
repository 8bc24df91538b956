"""Importers: files of articles in, `ImportedDocument`s out. Pure Python (no Qt, no SQL).

    for path in iter_files(paths):          # the CLI shows progress per file
        docs = read_path(path)              # -> list[ImportedDocument]; InputError if bad

Every bad input raises `annotator.core.errors.InputError(path, message)`; no other
exception escapes for a file that cannot be read as what it claims to be.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.base import ImportedDocument, ImportedSpan
from annotator.core.importers.common import MAX_CONTAINER_BYTES, MAX_DOCUMENT_BYTES

FORMATS = ("auto", "txt", "docx", "html", "csv", "xlsx", "doccano")

#: extension -> format used by "auto"
EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".docx": "docx",
    ".html": "html", ".htm": "html",
    ".csv": "csv", ".tsv": "csv",
    ".xlsx": "xlsx",
    ".jsonl": "doccano", ".json": "doccano",
}

__all__ = [
    "EXTENSIONS", "FORMATS", "MAX_CONTAINER_BYTES", "MAX_DOCUMENT_BYTES", "ImportedDocument",
    "ImportedSpan", "format_for", "iter_files", "read_path", "recognise_article",
]


def __getattr__(name: str):
    # loaded on first use: opening a project (which imports this package) needs no parsers
    if name == "recognise_article":
        from annotator.core.importers.news import recognise_article

        return recognise_article
    raise AttributeError(name)


def _readers() -> dict[str, Callable[[Path], list[ImportedDocument]]]:
    from annotator.core.importers.doccano import read_doccano
    from annotator.core.importers.docx import read_docx
    from annotator.core.importers.html import read_html
    from annotator.core.importers.table import read_csv, read_xlsx
    from annotator.core.importers.txt import read_txt

    return {"txt": read_txt, "docx": read_docx, "html": read_html, "csv": read_csv,
            "xlsx": read_xlsx, "doccano": read_doccano}


def _supported() -> str:
    return ", ".join(EXTENSIONS)


def format_for(path: Path) -> str:
    """The format "auto" picks for `path`, by extension; InputError if unknown."""
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None:
        hint = {".doc": "; save it as .docx", ".xls": "; save it as .xlsx",
                ".pdf": "; save it as .txt or .docx"}.get(suffix, "")
        what = f"'{suffix}'" if suffix else "without an extension"
        raise InputError(path, f"unsupported file type {what} (supported: {_supported()})"
                               f"{hint}")
    return fmt


def _hidden(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    # hidden files and folders, Office lock files (~$name.docx)
    return any(p.startswith(".") for p in parts) or path.name.startswith("~$")


def iter_files(paths: list[Path], fmt: str = "auto",
               unsupported: list[Path] | None = None) -> list[Path]:
    """The files to import: named files as given (InputError if missing or, with fmt "auto",
    of an unknown type), folders walked recursively in sorted order, skipping hidden files
    and files of unknown type (appended to `unsupported`, when given, so the caller can
    say which were left out). Each file appears once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            try:
                found = []
                for f in sorted(p.rglob("*")):
                    if not f.is_file() or _hidden(f, p):
                        continue
                    if f.suffix.lower() in EXTENSIONS:
                        found.append(f)
                    elif unsupported is not None:
                        unsupported.append(f)
            except OSError as e:
                raise InputError(p, f"cannot read the folder ({e.strerror or e})") from None
        elif p.is_file():
            if fmt == "auto":
                format_for(p)  # an explicitly named file of unknown type is an error
            found = [p]
        elif p.exists():
            raise InputError(p, "not a regular file")
        else:
            raise InputError(p, "no such file or folder")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def read_path(path: Path, fmt: str = "auto") -> list[ImportedDocument]:
    """Read one file as `fmt` ("auto": by extension). Raises InputError for bad input."""
    path = Path(path)
    if fmt not in FORMATS:
        raise InputError(path, f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    if not path.exists():
        raise InputError(path, "no such file")
    if fmt == "auto":
        fmt = format_for(path)
    from annotator.core import validate

    try:
        docs = _readers()[fmt](path)
        for i, doc in enumerate(docs, 1):  # the one validation layer (core/validate.py)
            # a file name with bytes that are not UTF-8 is kept readable (\xff), not refused
            doc.source_file = validate.printable_name(doc.source_file)
            doc.title = validate.printable_name(doc.title)
            validate.imported_document(doc, f"document {i}")
        return docs
    except validate.Invalid as e:
        raise InputError(path, e.message) from None
    except InputError:
        raise
    except UnicodeEncodeError as e:  # JSON's "\ud800": half of a UTF-16 pair, alone
        raise InputError(path, f"holds {e.object[e.start:e.start + 1]!a} at character "
                               f"{e.start}, a lone surrogate (half of a UTF-16 pair), "
                               "not text") from None
    except (OSError, UnicodeError) as e:
        raise InputError(path, f"cannot read the file ({type(e).__name__}: {e})") from None
    except RecursionError:  # JSON or XML nested 100,000 deep
        raise InputError(path, "is nested too deeply to be read (brackets or elements "
                               "thousands of levels deep)") from None
