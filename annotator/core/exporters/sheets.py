"""The data sheets in sheet order (About is built last, from the counts they produce)."""

from __future__ import annotations

from .plan import Plan
from .sheet_agreement import agreement_table
from .sheet_annotations import annotations_table
from .sheet_claims import claims_table
from .sheet_codebook import codebook_table
from .sheet_documents import documents_table
from .sheet_links import links_table
from .sheet_matrix import matrix_table
from .sheet_notes import notes_table
from .table import Table


def data_tables(plan: Plan, report: dict | None) -> list[Table]:
    """Every table but About, in sheet order."""
    tables = [documents_table(plan), annotations_table(plan), claims_table(plan),
              links_table(plan), matrix_table(plan)]
    if plan.with_agreement:
        tables.append(agreement_table(plan, report))
    tables.append(notes_table(plan))
    tables.append(codebook_table(plan))
    return tables
