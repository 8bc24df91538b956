"""The project's side of suggestions: settings, memory, rejections and acceptance.
Mixed into `core.project.Project` (sessions, events, codebook, texts come from there)."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..errors import InputError
from ..models import (
    Annotation,
    Assignment,
    Category,
    Coder,
    Document,
    Setting,
    SuggestionRejection,
)
from . import Memory, Suggester, Suggestion

# settings keys (values in the settings table travel in packages)
ENABLED = "suggestions.enabled"            # bool, default True
HIDE_OVERLAP = "suggestions.hide_overlap"  # bool: never on the reliability sample
HIDDEN_DOCS = "suggestions.hidden_docs"    # in a package: document uuids of that sample
ORIGINS = ("suggested", "imported")


class SuggestionsMixin:
    # --- settings ----------------------------------------------------------------------

    def setting(self, key: str, default=None):
        with self._read() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value) -> None:
        with self._tx() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        self._emit("settings_changed", {key: value})

    def suggestion_settings(self) -> dict:
        return {"enabled": bool(self.setting(ENABLED, True)),
                "hide_overlap": bool(self.setting(HIDE_OVERLAP, False))}

    def set_suggestion_settings(self, enabled: bool | None = None,
                                hide_overlap: bool | None = None) -> None:
        if enabled is not None:
            self.set_setting(ENABLED, bool(enabled))
        if hide_overlap is not None:
            self.set_setting(HIDE_OVERLAP, bool(hide_overlap))

    def overlap_documents(self, s: Session | None = None) -> set[int]:
        """The reliability sample: documents assigned to two or more coders."""
        def q(sess):
            rows = sess.execute(
                select(Assignment.document_id)
                .join(Coder, Coder.id == Assignment.coder_id)
                .where(Coder.role == "coder")
                .group_by(Assignment.document_id)
                .having(func.count() > 1))
            return {r for (r,) in rows}
        if s is not None:
            return q(s)
        with self._read() as sess:
            return q(sess)

    def suggestions_shown(self, doc_id: int) -> bool:
        """Whether the desk may show suggestions on this article (the supervisor decides)."""
        st = self.suggestion_settings()
        if not st["enabled"]:
            return False
        if not st["hide_overlap"]:
            return True
        hidden = self.setting(HIDDEN_DOCS, None)
        if hidden is not None:  # a coder's package: the supervisor's sample came with it
            return self.document(doc_id).uuid not in set(hidden)
        return doc_id not in self.overlap_documents()

    # --- memory ------------------------------------------------------------------------

    def _coded_for_memory(self, coder: str | None, exclude_doc: int | None):
        q = (select(Category.key, Annotation.quote, Annotation.attrs)
             .join(Category, Category.id == Annotation.category_id)
             .where(Annotation.deleted.is_(None),
                    Category.key.in_(("source", "attribution"))))
        if coder is not None:
            q = q.join(Coder, Coder.id == Annotation.coder_id).where(Coder.name == coder)
        if exclude_doc is not None:
            q = q.where(Annotation.document_id != exclude_doc)
        with self._read() as s:
            return [(k, quote, attrs or {}) for k, quote, attrs in s.execute(q)]

    def suggestion_memory(self, coder: str | None, exclude_doc: int | None) -> Memory:
        """What `coder` (None: every coder) coded in other articles. Cached until an
        annotation outside `exclude_doc` changes (coding the open article keeps it)."""
        cache = self.__dict__.setdefault("_suggest_memory", {})
        if not self.__dict__.get("_suggest_listening"):
            self.subscribe(self._suggest_invalidate)
            self.__dict__["_suggest_listening"] = True
        key = (coder, exclude_doc)
        if key not in cache:
            cache.clear()  # one article at a time: keep memory small
            cache[key] = Memory.learn(self._coded_for_memory(coder, exclude_doc))
        return cache[key]

    def _suggest_invalidate(self, event: str, payload) -> None:
        cache = self.__dict__.get("_suggest_memory")
        if not cache:
            return
        if event.startswith("annotation_"):
            doc = getattr(payload, "doc_id", None)
            if all(doc != k[1] for k in cache):
                cache.clear()
        elif event in ("codebook_changed", "documents_added"):
            cache.clear()

    # --- suggestions -------------------------------------------------------------------

    def rejected_suggestions(self, doc_id: int, coder: str) -> set[tuple[str, int, int]]:
        with self._read() as s:
            rows = s.execute(
                select(SuggestionRejection.category, SuggestionRejection.start,
                       SuggestionRejection.end)
                .join(Coder, Coder.id == SuggestionRejection.coder_id)
                .where(SuggestionRejection.document_id == doc_id, Coder.name == coder))
            return {tuple(r) for r in rows}

    def suggester(self, doc_id: int, coder: str | None = None,
                  respect_settings: bool = True) -> Suggester | None:
        """What finds one article's suggestions for `coder` (minus what the coder coded or
        rejected there), to run whole or a paragraph range at a time; None where the
        supervisor turned suggestions off."""
        if respect_settings and not self.suggestions_shown(doc_id):
            return None
        existing = [(a.category, a.start, a.end)
                    for a in self.annotations(doc_id, coder)] if coder else []
        rejected = self.rejected_suggestions(doc_id, coder) if coder else set()
        return Suggester(self.text(doc_id), doc_id=doc_id, codebook=self.codebook(),
                         memory=self.suggestion_memory(coder, doc_id), existing=existing,
                         rejected=rejected)

    def suggested_spans(self, doc_id: int, coder: str | None = None,
                        respect_settings: bool = True) -> list[Suggestion]:
        """Suggestions for one article and coder (see `suggester`), all at once."""
        sug = self.suggester(doc_id, coder, respect_settings)
        return sug.run() if sug is not None else []

    def reject_suggestion(self, doc_id: int, coder: str, sug: Suggestion) -> None:
        with self._tx() as s:
            cid = self._coder_id(s, coder)
            exists = s.scalar(select(SuggestionRejection.id).where(
                SuggestionRejection.document_id == doc_id,
                SuggestionRejection.coder_id == cid,
                SuggestionRejection.category == sug.category,
                SuggestionRejection.start == sug.start, SuggestionRejection.end == sug.end))
            if exists is None:
                s.add(SuggestionRejection(document_id=doc_id, coder_id=cid,
                                          category=sug.category, start=sug.start,
                                          end=sug.end))
        self._emit("suggestion_rejected", (doc_id, coder, sug))

    def unreject_suggestion(self, doc_id: int, coder: str, sug: Suggestion) -> None:
        """Undo of a rejection: the suggestion is proposed again."""
        with self._tx() as s:
            cid = self._coder_id(s, coder)
            s.execute(delete(SuggestionRejection).where(
                SuggestionRejection.document_id == doc_id,
                SuggestionRejection.coder_id == cid,
                SuggestionRejection.category == sug.category,
                SuggestionRejection.start == sug.start, SuggestionRejection.end == sug.end))
        self._emit("suggestion_unrejected", (doc_id, coder, sug))

    def source_for_claim(self, doc_id: int, coder: str, sug: Suggestion):
        """The coder's Source annotation at the span a claim suggestion points to."""
        if sug.link is None:
            return None
        for a in self.annotations(doc_id, coder):
            if a.category == "source" and (a.start, a.end) == tuple(sug.link):
                return a
        return None

    def check_suggestion(self, doc_id: int, sug: Suggestion) -> None:
        text = self.text(doc_id)
        if not (0 <= sug.start < sug.end <= len(text)) or text[sug.start:sug.end] != sug.quote:
            raise InputError(None, "the suggestion no longer matches the article's text")


def copy_suggestion_settings(src: Session, dst: Session, coder_id: int,
                             doc_ids: list[int]) -> None:
    """Into a coder's package: the supervisor's settings, and which of its articles are
    in the reliability sample (given to another coder too), which the package, holding
    one coder's assignments, cannot tell on its own."""
    for row in src.scalars(select(Setting)):
        dst.merge(Setting(key=row.key, value=row.value))
    shared = src.execute(
        select(Document.uuid)
        .join(Assignment, Assignment.document_id == Document.id)
        .join(Coder, Coder.id == Assignment.coder_id)
        .where(Document.id.in_(doc_ids), Coder.role == "coder", Coder.id != coder_id)
        .distinct())
    dst.merge(Setting(key=HIDDEN_DOCS, value=sorted(u for (u,) in shared)))
