"""The desk's bulk read of annotations (plain columns, no ORM objects) must hand out
exactly the records the one-by-one read does: same fields, attributes decoded, the
same order, deleted ones left out unless asked for."""

import dataclasses
from datetime import datetime

from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل في 2017.\nوأكدت مواقع عراقية ذلك."


def span(needle: str) -> tuple[int, int]:
    s = TEXT.index(needle)
    return s, s + len(needle)


def test_bulk_read_equals_the_single_read_field_for_field(tmp_path):
    with Project.create(tmp_path / "p.annot") as p:
        doc = p.add_documents([ImportedDocument(text=TEXT, title="t")]).added[0]
        src = p.add_annotation(doc, "mona", "source", *span("John Smith"),
                               attrs={"name": "John Smith"})
        claim = p.add_annotation(doc, "mona", "claim", *span("غادر الموصل"),
                                 origin="suggested")
        gone = p.add_annotation(doc, "mona", "source", *span("مواقع عراقية"),
                                attrs={"name": "مواقع"})
        p.add_annotation(doc, "ali", "claim", *span("الجارديان"))
        p.delete_annotation(gone.uuid)
        p.set_note(src.uuid, "ask the supervisor")
        p.set_flag(src.uuid, True)

        live = p.annotations(doc, coder="mona")
        assert [a.uuid for a in live] == [src.uuid, claim.uuid]  # text order, no tombstone
        for a in live:
            one = p.annotation(a.uuid)
            assert a == one and a.attrs == one.attrs  # attrs are not part of ==
            assert dataclasses.astuple(a) == dataclasses.astuple(one)  # every field
        assert live[0].attrs == {"name": "John Smith"} and live[1].attrs == {}
        assert (live[0].note, live[0].flag, live[1].note, live[1].flag) == (
            "ask the supervisor", True, "", False)
        assert (live[0].origin, live[1].origin) == (None, "suggested")
        assert isinstance(live[0].created, datetime)

        every = p.annotations(doc, include_deleted=True)
        assert {a.uuid for a in every} >= {gone.uuid}
        [dead] = [a for a in every if a.uuid == gone.uuid]
        assert dead.deleted is not None and dead.attrs == {"name": "مواقع"}
        assert [a.coder for a in p.annotations(doc, coder="ali")] == ["ali"]
        assert sorted(a.uuid for a in p.iter_annotations(batch=1)) == sorted(
            a.uuid for a in p.annotations())
