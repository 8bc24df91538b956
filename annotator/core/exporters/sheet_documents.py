"""The Documents sheet: one row per document, with where it came from (file, spreadsheet
row, the sampling frame's own id) and each included coder's status."""

from __future__ import annotations

from sqlalchemy import select

from ..models import Assignment, Document
from .plan import Plan
from .table import Column, Table


def documents_table(plan: Plan) -> Table:
    cols = [Column("document_id", 12, "int"), Column("title", 45, "long", True),
            Column("outlet", 20, ar=True), Column("author", 20, ar=True),
            Column("published", 17, "date"), Column("url", 30), Column("length", 9, "int"),
            Column("source_file", 24, ar=True), Column("source_row", 10, "int"),
            Column("source_id", 12), Column("source_id_column", 16, ar=True)]
    cols += [Column(f"status [{name}]", 14) for name in plan.coder_names]

    def rows():
        cids = plan.coder_ids
        for batch in plan.doc_batches():
            with plan.session() as s:
                status: dict[tuple[int, int], str] = {
                    (d, c): st for d, c, st in s.execute(
                        select(Assignment.document_id, Assignment.coder_id, Assignment.status)
                        .where(Assignment.document_id.in_(batch),
                               Assignment.coder_id.in_(cids)))}
                for *r, source_file, meta in s.execute(
                        select(Document.id, Document.title, Document.outlet, Document.author,
                               Document.published, Document.url, Document.length,
                               Document.source_file, Document.meta)
                        .where(Document.id.in_(batch)).order_by(Document.id)):
                    meta = meta if isinstance(meta, dict) else {}
                    yield (*r, source_file, _int(meta.get("row")), _id(meta.get("source_id")),
                           meta.get("source_id_column") if meta.get("source_id") else None,
                           *(status.get((r[0], c)) for c in cids))

    return Table("Documents", cols, rows(), plan.arabic, plan.n_documents)


def _int(v) -> int | None:
    return v if type(v) is int else None


def _id(v):
    """An id as the sampling frame wrote it: a whole number without leading zeros as a
    number (R and SPSS join on it), anything else ("007", "A-12") as text."""
    if v is None or v == "":
        return None
    s = str(v)
    if s.isascii() and s.isdigit() and (s == "0" or not s.startswith("0")) and len(s) < 16:
        return int(s)
    return s
