"""Build agreement inputs from a project: which documents count, whose work, which spans.

By default a document counts when two or more of the chosen coders marked it done, and
only those coders' work on it is included (work in progress would read as disagreement).
`all_docs=True` takes every document that two or more chosen coders annotated at all.
Gold counts like a coder: an article is compared with gold once gold is marked done for
it (in the comparison window, or `annotator adjudicate --done`).
"""

from __future__ import annotations

from ..adjudication import GOLD, GOLD_NOT_DONE
from ..errors import InputError
from ..text import fold
from .documents import DocCode, document_agreement
from .model import DocInput, Span
from .report import agreement_report


def collect_inputs(project, coders: list[str] | None = None, category: str | None = None,
                   all_docs: bool = False, doc_ids: list[int] | None = None,
                   doc_codes: list | None = None
                   ) -> tuple[list[DocInput], list[Span], list[str]]:
    """Documents, spans and coders; whole-document codes are appended to `doc_codes`
    when a list is given."""
    known = [c.name for c in project.coders() if c.role != "gold"] if coders is None else coders
    if coders is not None:
        missing = sorted(set(coders) - {c.name for c in project.coders()})
        if GOLD in missing:
            raise InputError(project.path, "no gold version yet: accept spans in the "
                                           "comparison window or with `annotator adjudicate "
                                           "--agreed`, then mark gold done per article")
        if missing:
            raise InputError(project.path, "no coder named " + ", ".join(missing))
    chosen = set(known)
    cb = project.codebook()
    kinds = {c.key: c for c in cb.categories}
    docs: list[DocInput] = []
    for d in project.iter_documents(doc_ids):
        if all_docs:
            who = sorted(c for c, n in d.annotations.items() if n and c in chosen)
        else:
            who = sorted(c for c, st in d.status.items() if st == "done" and c in chosen)
        if len(who) >= 2:
            docs.append(DocInput(doc=d.id, text=project.text(d.id), coders=tuple(who)))
    ids = [d.doc for d in docs]
    spans: list[Span] = []
    for a in project.iter_annotations(coders=sorted(chosen), doc_ids=ids) if ids else ():
        cat = kinds.get(a.category)
        if cat is None or (category and a.category != category):
            continue
        attrs = []
        for attr in cat.attributes:
            v = a.attrs.get(attr.key)
            # free-text values (source names) compare under Arabic folding
            if isinstance(v, str) and attr.type == "text":
                v = fold(v)
            attrs.append((attr.key, v))
        if cat.kind == "document":
            if doc_codes is not None:
                doc_codes.append(DocCode(a.doc_id, a.coder, a.category, tuple(attrs)))
            continue
        if cat.kind != "span":
            continue
        spans.append(Span(doc=a.doc_id, coder=a.coder, category=a.category, start=a.start,
                          end=a.end, attrs=tuple(attrs)))
    return docs, spans, sorted(chosen)


def _order(attr) -> list | None:
    """The values low to high of an ordinal choice attribute, else None (nominal)."""
    if getattr(attr, "ordinal", False) and attr.type == "choice":
        return [v.key for v in attr.values]
    return None


def project_report(project, coders: list[str] | None = None, category: str | None = None,
                   all_docs: bool = False, doc_ids: list[int] | None = None) -> dict:
    cb = project.codebook()
    if category and cb.category(category) is None:
        raise InputError(project.path, f"no category '{category}' in the codebook")
    codes: list[DocCode] = []
    docs, spans, chosen = collect_inputs(project, coders, category, all_docs, doc_ids, codes)
    cats = [c.key for c in cb.categories if c.kind == "span"
            and (category is None or c.key == category)]
    attributes = {c.key: [a.key for a in c.attributes] for c in cb.categories
                  if c.key in cats}
    levels = {c.key: {a.key: _order(a) for a in c.attributes if _order(a)}
              for c in cb.categories if c.key in cats}
    report = agreement_report(docs, spans, coders=chosen, categories=cats,
                              attributes=attributes, levels=levels)
    doc_cats = {c.key: [(a.key, _order(a)) for a in c.attributes] for c in cb.categories
                if c.kind == "document" and (category is None or c.key == category)}
    report["document_categories"] = document_agreement(docs, codes, doc_cats)
    # the codebook version(s) the coders' annotations were made with, and the current one
    report["codebook_versions"] = {
        "current": cb.version,
        "coded_with": project.versions_used(chosen, [d.doc for d in docs]),
    }
    if not report["documents"] and GOLD in chosen:
        report["overall"]["reasons"]["documents"] = GOLD_NOT_DONE
    return report
