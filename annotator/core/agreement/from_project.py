"""Build agreement inputs from a project: which documents count, whose work, which spans.

By default a document counts when two or more of the chosen coders marked it done, and
only those coders' work on it is included (work in progress would read as disagreement).
`all_docs=True` takes every document that two or more chosen coders annotated at all.
"""

from __future__ import annotations

from ..text import fold
from .model import DocInput, Span
from .report import agreement_report


def collect_inputs(project, coders: list[str] | None = None, category: str | None = None,
                   all_docs: bool = False, doc_ids: list[int] | None = None
                   ) -> tuple[list[DocInput], list[Span], list[str]]:
    known = [c.name for c in project.coders() if c.role != "gold"] if coders is None else coders
    if coders is not None:
        missing = sorted(set(coders) - {c.name for c in project.coders()})
        if missing:
            from ..errors import InputError

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
        if cat is None or cat.kind != "span" or (category and a.category != category):
            continue
        attrs = []
        for attr in cat.attributes:
            v = a.attrs.get(attr.key)
            # free-text values (source names) compare under Arabic folding
            if isinstance(v, str) and attr.type == "text":
                v = fold(v)
            attrs.append((attr.key, v))
        spans.append(Span(doc=a.doc_id, coder=a.coder, category=a.category, start=a.start,
                          end=a.end, attrs=tuple(attrs)))
    return docs, spans, sorted(chosen)


def project_report(project, coders: list[str] | None = None, category: str | None = None,
                   all_docs: bool = False, doc_ids: list[int] | None = None) -> dict:
    docs, spans, chosen = collect_inputs(project, coders, category, all_docs, doc_ids)
    cb = project.codebook()
    cats = [c.key for c in cb.categories if c.kind == "span"
            and (category is None or c.key == category)]
    if category and not cats:
        from ..errors import InputError

        raise InputError(project.path, f"no span category '{category}' in the codebook")
    attributes = {c.key: [a.key for a in c.attributes] for c in cb.categories
                  if c.key in cats}
    return agreement_report(docs, spans, coders=chosen, categories=cats, attributes=attributes)
