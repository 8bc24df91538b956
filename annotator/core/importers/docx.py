"""Word documents (.docx) via python-docx: body paragraphs and table cells in order."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.archive import check_office_zip
from annotator.core.importers.base import ImportedDocument
from annotator.core.importers.common import MAX_CONTAINER_BYTES, check_file_size, check_text_size
from annotator.core.importers.txt import document_from_text
from annotator.core.text import canonical_text


def read_docx(path: Path) -> list[ImportedDocument]:
    """One line per paragraph, in body order (tables included, cell by cell); runs of empty
    paragraphs become one blank line. Title: core properties, else the first paragraph.
    Author: the byline in the text if there is one, else the core properties' author."""
    check_file_size(path, MAX_CONTAINER_BYTES)  # images may make a .docx big; text is checked
    check_office_zip(path, ".docx", "word/document.xml")
    import docx  # python-docx; imported late, it is slow to import

    try:
        document = docx.Document(str(path))
        lines = list(_lines(document))
        props = document.core_properties
        prop_title, prop_author = (props.title or "").strip(), (props.author or "").strip()
    except InputError:
        raise
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors...
        raise InputError(path, f"cannot read the .docx file ({type(e).__name__}: {e})") from None
    text = canonical_text("\n".join(_collapse_blank(lines)))
    if not text.strip():
        raise InputError(path, "empty file (the document has no text)")
    check_text_size(path, text)
    doc = document_from_text(text, path)
    if prop_title:
        doc.title = prop_title
    if prop_author and prop_author != "python-docx":  # python-docx's template default
        doc.meta["docx_author"] = prop_author
        doc.author = doc.author or prop_author  # a byline in the text names the journalist
    return [doc]


def _lines(document):
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table):
    from docx.table import Table

    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(cell._tc)
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    yield from _table_lines(block)
                else:
                    yield block.text


def _collapse_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
        else:
            out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out
