"""A small coded project for the exchange tests (REFI-QDA, SPSS): Arabic texts with an
emoji and astral letters before the spans, overlapping spans of two coders, attributes of
every type, relations and a whole-article code."""

from __future__ import annotations

from datetime import datetime

from annotator.core.codebook import AttributeDef, default_codebook
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

T1 = ("𝐀𝐁 😀 قالت صحيفة الجارديان البريطانية إن John Smith غادر الموصل في 2017.\n"
      "وأكدت مواقع عراقية ذلك، بحسب وثائق حصلت عليها القوات العراقية خلال عملياتها. 🇮🇶")
T2 = "=SUM(A1) قال المتحدث إن -5 درجات سجلت أمس، ونشر @x الخبر.\n\nسطر ثالث 𝕏."
T3 = "مقال بلا ترميز."


def span(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


def codebook():
    cb = default_codebook()
    cb.category("claim").attributes.append(AttributeDef(
        key="confidence", name_ar="الثقة", name_en="Confidence", type="number"))
    return cb


def build_project(path) -> dict:
    ids: dict = {}
    with Project.create(path, codebook=codebook(), name="دراسة المصادر") as p:
        d1, d2, d3 = p.add_documents([
            ImportedDocument(text=T1, title="الجارديان: John Smith 😀", outlet="الجزيرة",
                             author="محمد", published=datetime(2017, 4, 27, 15, 53),
                             url="https://example.org/a", meta={"section": "سياسة"}),
            ImportedDocument(text=T2, title="=SUM(A1)", outlet="-5", language="ar"),
            ImportedDocument(text=T3, title="بلا ترميز"),
        ]).added
        ids.update(d1=d1, d2=d2, d3=d3)
        cs, ce = span(T1, "John Smith غادر الموصل في 2017")
        claim = p.add_annotation(d1, "Mona", "claim", cs, ce, attrs={
            "claim_type": "factual", "attribution": "paraphrase", "confidence": 2.5})
        guardian = p.add_annotation(d1, "Mona", "source", *span(T1, "صحيفة الجارديان البريطانية"),
                                    attrs={"name": "The Guardian", "type": "foreign_media",
                                           "named": True, "location": "foreign"})
        smith = p.add_annotation(d1, "Mona", "source", *span(T1, "John Smith"),
                                 attrs={"type": "expert", "named": False})
        p.add_relation("attributed_to", claim.uuid, guardian.uuid, "Mona")
        rel = p.add_annotation(d1, "Mona", "reliability", cs, ce, attrs={"level": "4"})
        p.add_relation("rates", rel.uuid, claim.uuid, "Mona")
        p.add_annotation(d1, "Mona", "article", attrs={"genre": "translated_report"})
        ali = p.add_annotation(d1, "Ali", "claim", cs + 3, ce + 10,
                               attrs={"claim_type": "accusation", "attribution": "none"})
        web = p.add_annotation(d1, "Ali", "source", *span(T1, "مواقع عراقية"),
                               attrs={"type": "websites"}, origin="suggested")
        p.add_relation("attributed_to", ali.uuid, web.uuid, "Ali")
        x = p.add_annotation(d2, "Mona", "claim", *span(T2, "سطر ثالث 𝕏"),
                             attrs={"claim_type": "statistical"})
        # memos: notes on annotations (span and whole-article), a flag, notes on an article
        p.set_note(claim.uuid, "تحقق من التاريخ 😀\nسطر ثان")
        p.set_flag(smith.uuid, True)
        whole = next(a for a in p.annotations(doc_id=d1) if a.category == "article")
        p.set_note(whole.uuid, "مقال مترجم")
        p.set_document_note(d1, "Mona", "ملاحظة على المقال كله")
        p.set_document_note(d1, "Ali", "Ali's note")
        ids.update(claim=claim.uuid, guardian=guardian.uuid, smith=smith.uuid, ali=ali.uuid,
                   x=x.uuid)
    return ids


def big_qdpx(path, sources: int, per_source: int, note_guid: str | None = None):
    """A .qdpx another tool could have written: `sources` Arabic texts, each with
    `per_source` selections coded with the code "Extra" (a category the shipped codebook
    lacks, so importing it adds one), by the user "Layla". With `note_guid`, the last
    source carries Layla's note on it under that GUID."""
    import uuid
    import zipfile

    def guid(kind: int, n: int) -> str:
        return str(uuid.UUID(int=(kind << 64) | n, version=4))

    code, user = guid(1, 0), guid(2, 0)
    parts = [f'<Project xmlns="urn:QDA-XML:project:1.0" name="big">'
             f'<Users><User guid="{user}" name="Layla"/></Users>'
             f'<CodeBook><Codes><Code guid="{code}" name="Extra" isCodable="true"/>'
             '</Codes></CodeBook><Sources>']
    texts = {}
    for i in range(sources):
        words = " ".join(f"كلمة{i}و{k}" for k in range(per_source))
        sg = guid(3, i)
        texts[f"Sources/{sg}.txt"] = words.encode()
        sels, pos = [], 0
        for k, w in enumerate(words.split(" ")):
            sels.append(f'<PlainTextSelection guid="{guid(4, i * 100_000 + k)}" '
                        f'startPosition="{pos}" endPosition="{pos + len(w)}" '
                        f'creatingUser="{user}"><Coding guid="{guid(5, i * 100_000 + k)}" '
                        f'creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding>'
                        '</PlainTextSelection>')
            pos += len(w) + 1
        note = f'<NoteRef targetGUID="{note_guid}"/>' if note_guid and i == sources - 1 else ""
        parts.append(f'<TextSource guid="{sg}" name="خبر {i}" '
                     f'plainTextPath="internal://{sg}.txt">{"".join(sels)}{note}</TextSource>')
    parts.append("</Sources>")
    if note_guid:
        parts.append(f'<Notes><Note guid="{note_guid}" creatingUser="{user}">'
                     '<PlainTextContent>ملاحظة</PlainTextContent></Note></Notes>')
    parts.append("</Project>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", "".join(parts))
        for name, data in texts.items():
            z.writestr(name, data)
    return path
