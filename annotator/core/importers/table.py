"""Spreadsheets of articles (.csv/.tsv and .xlsx): one article per row.

Columns are found by header name (English or Arabic, case-insensitive, hamza/ta marbuta
folded); columns that are not recognised go into each document's meta.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.archive import check_office_zip
from annotator.core.importers.base import Documents, ImportedDocument
from annotator.core.importers.common import (
    MAX_CONTAINER_BYTES,
    check_file_size,
    check_text_size,
    first_line_title,
    read_bytes,
)
from annotator.core.importers.dates import ambiguous, parse_date_value
from annotator.core.importers.encoding import decode_text
from annotator.core.text import canonical_text, fold

#: field -> header names that mean it, in order of preference
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "نص", "المتن", "المحتوى", "النص"),
    "title": ("title", "headline", "العنوان", "عنوان"),
    "outlet": ("outlet", "site", "source", "newspaper", "الموقع", "المصدر", "الصحيفة"),
    "author": ("author", "byline", "الكاتب", "المؤلف"),
    "published": ("date", "published", "التاريخ", "تاريخ النشر"),
    "url": ("url", "link", "الرابط"),
}


#: header names of a row id the sampling frame uses (folded; "_" counts as a space)
ID_NAMES = ("id", "no", "nr", "number", "article id", "doc id", "document id", "item id",
            "رقم", "الرقم", "رقم الماده", "رقم المقال", "رقم الخبر", "رقم الوثيقه", "معرف",
            "المعرف", "الرقم التسلسلي", "م")


def _key(header: str) -> str:
    return fold(header).strip(" _-:")


def _id_column(header: list[str], taken: set[int]) -> int | None:
    """The column holding the sampling frame's own article id (رقم_المادة, article_id),
    so analysts can join the export back to it: a known name first, then a header
    ending in "id" or starting with رقم."""
    keys = [" ".join(_key(h).replace("_", " ").split()) for h in header]
    for name in ID_NAMES:
        if name in keys and keys.index(name) not in taken:
            return keys.index(name)
    for i, k in enumerate(keys):
        if i not in taken and (k.endswith(" id") or k.startswith("رقم ")):
            return i
    return None


def read_csv(path: Path) -> list[ImportedDocument]:
    data = read_bytes(path, MAX_CONTAINER_BYTES)
    raw, encoding = decode_text(data, path)
    text = canonical_text(raw)
    delimiter = _sniff_delimiter(text, tab_default=Path(path).suffix.lower() == ".tsv")
    # the per-article limit is checked per row, with a clearer message than csv's
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CONTAINER_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[tuple[int, list]]:
        """(row number as a spreadsheet shows it, cells); a quoted cell may span lines."""
        n = 0
        try:
            for n, row in enumerate(reader, start=1):  # noqa: B007
                yield n, row
        except csv.Error as e:
            raise InputError(path, f"row {n + 1} (line {reader.line_num}): {e}") from None

    return _documents(path, rows(), {"encoding": encoding})


def read_xlsx(path: Path) -> list[ImportedDocument]:
    check_file_size(path, MAX_CONTAINER_BYTES)
    check_office_zip(path, ".xlsx", "xl/workbook.xml")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # KeyError, InvalidFileException, lxml errors, ...
        raise InputError(path, f"cannot read the .xlsx file ({type(e).__name__}: {e})") from None
    try:
        if not wb.worksheets:
            raise InputError(path, "the workbook has no worksheet")
        sheet = wb.worksheets[0]

        def rows() -> Iterator[tuple[int, list]]:
            try:
                for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                    yield n, list(row)
            except InputError:
                raise
            except Exception as e:
                raise InputError(path, f"cannot read the .xlsx file ({type(e).__name__}: "
                                       f"{e})") from None

        return _documents(path, rows(), {"sheet": sheet.title})
    finally:
        wb.close()


def _sniff_delimiter(text: str, tab_default: bool) -> str:
    sample = "\n".join(text[:65536].split("\n")[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        pass
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in ("\t", ",", ";")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best]:
        return best
    return "\t" if tab_default else ","


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return canonical_text(str(value))


def _documents(path: Path, rows: Iterable[tuple[int, list]], base_meta: dict
               ) -> list[ImportedDocument]:
    rows = iter(rows)
    header: list[str] | None = None
    for _n, row in rows:
        if any(_cell(v).strip() for v in row):
            header = [_cell(v).strip() or f"column {i + 1}" for i, v in enumerate(row)]
            break
    if header is None:
        raise InputError(path, "empty file (no header row)")
    columns = _match_columns(path, header)
    text_col = columns["text"]
    id_col = _id_column(header, {i for i in columns.values() if i is not None})
    docs: list[ImportedDocument] = []
    skipped: list[int] = []
    for n, row in rows:
        values = {i: row[i] for i in range(min(len(row), len(header)))}
        text = _cell(values.get(text_col))
        if not text.strip():
            if any(_cell(v).strip() for v in values.values()):
                skipped.append(n)  # a row with data but no text: say so
            continue
        check_text_size(path, text, where=f"row {n}")
        doc = ImportedDocument(text=text, source_file=Path(path).name)
        meta = dict(base_meta, row=n)
        for field, i in columns.items():
            if field == "text" or i is None:
                continue
            value = values.get(i)
            s = _cell(value).strip()
            if field == "published":
                doc.published = parse_date_value(value if not isinstance(value, str) else s)
                if s and doc.published is None:
                    meta[header[i]] = s  # kept as written: nothing is lost
                elif isinstance(value, str) and ambiguous(s):
                    meta["published_as_written"] = s  # 03/07/2017: the project decides
            elif s:
                setattr(doc, field, s)
        for i, name in enumerate(header):
            if i not in columns.values():
                s = _cell(values.get(i)).strip()
                if s:
                    meta[name] = s
        if id_col is not None and meta.get(header[id_col]):
            meta["source_id"] = meta[header[id_col]]
            meta["source_id_column"] = header[id_col]
        doc.meta = meta
        if not doc.title:
            doc.title = first_line_title(text)
        docs.append(doc)
    if not docs:
        raise InputError(path, "no rows with text (every row's text column is empty)")
    notes = []
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (" ..." if len(skipped) > 10 else "")
        notes.append(f"{len(skipped)} rows without text skipped (rows {shown})")
    return Documents(docs, notes)


def _match_columns(path: Path, header: list[str]) -> dict[str, int | None]:
    keys = [_key(h) for h in header]
    found: dict[str, int | None] = {}
    for field, names in COLUMNS.items():
        found[field] = next((keys.index(_key(n)) for n in names if _key(n) in keys), None)
    if found["text"] is None:
        looked = ", ".join(COLUMNS["text"])
        raise InputError(path, f"no text column (looked for: {looked}; found: "
                               f"{', '.join(header)})")
    return found
