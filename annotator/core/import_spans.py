"""What an import brings beside the texts: coded spans (doccano), stored in bulk, and the
project's date order for ambiguous dates.

Spans go in with one executemany per few thousand annotations instead of an ORM object, a
flush and a lookup per span: a 5,000-article file with 100,000 spans went from 23x a bare
sqlite3 load of the same rows to about 2.5x (bench/bench_import.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from .codebook import Codebook
from .importers.dates import DATE_ORDERS
from .models import Annotation, Assignment, Category, Setting, new_uuid, utcnow

SPAN_CHUNK = 5000  # annotations per executemany; Cancel is checked between them
ID_CHUNK = 500  # ids per IN (...) query


def date_order(s: Session) -> str:
    """The project's reading of ambiguous numeric dates (setting "date_order")."""
    row = s.get(Setting, "date_order")
    return row.value if row is not None and row.value in DATE_ORDERS else DATE_ORDERS[0]


def label_categories(s: Session, cb: Codebook, labels: Iterable[str]) -> dict[str, tuple]:
    """label -> (category id, category key, required attribute keys), each label matched
    against the codebook once (not once per span)."""
    ids = dict(s.execute(select(Category.key, Category.id)).all())
    out = {}
    for label in set(labels):
        cat = cb.category_for_label(label)
        if cat is not None:
            out[label] = (ids[cat.key], cat.key,
                          tuple(a.key for a in cat.attributes if a.required))
    return out


def store_spans(s: Session, coder_id: int, docs: list[tuple[int, object]],
                categories: dict[str, tuple], check: Callable[[], None],
                codebook_version: int | None = None) -> tuple[int, dict[str, int]]:
    """Add each document's spans as `coder_id`'s annotations; a span the coder already
    has (same bounds and category, e.g. the same file imported twice) is not added again.
    The coder is assigned each document (in progress). Returns the number added and, per
    "category.attribute", how many of them lack that required attribute (an import
    brings labels only, so these are left for the coder to fill in)."""
    doc_ids = sorted({d for d, _ in docs})
    have: dict[int, set[tuple[int, int, int]]] = {d: set() for d in doc_ids}
    for i in range(0, len(doc_ids), ID_CHUNK):
        for d, a, b, c in s.execute(
                select(Annotation.document_id, Annotation.start, Annotation.end,
                       Annotation.category_id)
                .where(Annotation.document_id.in_(doc_ids[i:i + ID_CHUNK]),
                       Annotation.coder_id == coder_id, Annotation.deleted.is_(None))):
            have[d].add((a, b, c))
    now = utcnow()
    # One executemany of a plain INSERT on the session's connection (same transaction),
    # rows as tuples straight to the driver. The ORM's bulk path cost 4x as much per row,
    # and SQLAlchemy's binds convert the same time stamp and empty attrs 100,000 times:
    # they are converted once here, with the columns' own types.
    conn, table = s.connection(), Annotation.__table__
    dialect = conn.dialect
    stamp = table.c.created.type.dialect_impl(dialect).bind_processor(dialect)
    empty = table.c.attrs.type.dialect_impl(dialect).bind_processor(dialect)
    now_v = stamp(now) if stamp else now
    attrs_v = empty({}) if empty else "{}"
    cols = ("uuid", "document_id", "coder_id", "category_id", "start", "end", "quote",
            "attrs", "created", "updated", "origin", "codebook_version")
    names = ", ".join(map(dialect.identifier_preparer.quote, cols))
    mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
    if mark is not None:  # SQLite, PostgreSQL: the driver's own executemany, tuples
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join([mark] * len(cols))})"

        def run(batch: list) -> None:
            conn.exec_driver_sql(sql, batch)
    else:  # another driver: SQLAlchemy binds the names
        stmt = text(f"INSERT INTO {table.name} ({names}) "
                    f"VALUES ({', '.join(':' + c for c in cols)})")

        def run(batch: list) -> None:
            conn.execute(stmt, [dict(zip(cols, r, strict=True)) for r in batch])

    rows: list[tuple] = []
    added = 0
    missing: dict[str, int] = {}
    for doc_id, doc in docs:
        seen = have[doc_id]
        body = doc.text
        for sp in doc.spans:
            cat_id, cat_key, required = categories[sp.label]
            key = (sp.start, sp.end, cat_id)
            if key in seen:
                continue
            seen.add(key)
            rows.append((new_uuid(), doc_id, coder_id, cat_id, sp.start, sp.end,
                         body[sp.start:sp.end], attrs_v, now_v, now_v, "imported",
                         codebook_version))
            for k in required:
                name = f"{cat_key}.{k}"
                missing[name] = missing.get(name, 0) + 1
            if len(rows) == SPAN_CHUNK:
                check()
                run(rows)
                added += len(rows)
                rows = []
    if rows:
        check()
        run(rows)
        added += len(rows)
    _assign(s, coder_id, doc_ids, now)
    return added, missing


def _assign(s: Session, coder_id: int, doc_ids: list[int], now) -> None:
    """Assign the documents to the coder as in progress (a 'todo' becomes in progress;
    'done' stays done)."""
    status: dict[int, str] = {}
    for i in range(0, len(doc_ids), ID_CHUNK):
        status.update(s.execute(
            select(Assignment.document_id, Assignment.status)
            .where(Assignment.coder_id == coder_id,
                   Assignment.document_id.in_(doc_ids[i:i + ID_CHUNK]))).all())
    new = [{"document_id": d, "coder_id": coder_id, "status": "in_progress", "updated": now}
           for d in doc_ids if d not in status]
    if new:
        s.execute(insert(Assignment), new)
    todo = [d for d in doc_ids if status.get(d) == "todo"]
    for i in range(0, len(todo), ID_CHUNK):
        s.execute(update(Assignment)
                  .where(Assignment.coder_id == coder_id,
                         Assignment.document_id.in_(todo[i:i + ID_CHUNK]))
                  .values(status="in_progress", updated=now))
