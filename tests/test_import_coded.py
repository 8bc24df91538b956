"""Importing coded work (doccano) in bulk: the same rows as before, faster; what the file
could not bring (required attributes) is counted in the report."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.project import Project

TEXT = "قال John Smith لصحيفة الغارديان 😀 إن الوثائق حقيقية"


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")


def spans():
    j = TEXT.index("John")
    c = TEXT.index("الوثائق")
    return [[j, j + 10, "Source"], [c, c + 14, "claim"], [0, 3, "attribution"]]


def test_spans_stored_with_quotes_assignment_and_no_duplicates(tmp_path, capsys):
    path = tmp_path / "s.annot"
    f = tmp_path / "d.jsonl"
    write(f, [{"id": 1, "text": TEXT, "label": spans()}])
    main(["new", str(path)])
    assert main(["import", str(path), str(f), "--coder", "alice"]) == 0
    out = capsys.readouterr().out
    assert "1 documents and 3 annotations by alice" in out
    with Project.open(path) as p:
        [doc] = p.documents()
        got = sorted((a.category, a.start, a.end, a.quote) for a in p.annotations(doc.id))
        assert p.status(doc.id, "alice") == "in_progress"
        p.set_status(doc.id, "alice", "done")
    j, c = TEXT.index("John"), TEXT.index("الوثائق")
    assert got == [("attribution", 0, 3, "قال"), ("claim", c, c + 14, TEXT[c:c + 14]),
                   ("source", j, j + 10, "John Smith")]
    # the same file again: nothing new, and a finished article stays done
    assert main(["import", str(path), str(f), "--coder", "alice"]) == 0
    assert "0 annotations" in capsys.readouterr().out
    with Project.open(path) as p:
        assert len(p.annotations(doc.id)) == 3 and p.status(doc.id, "alice") == "done"
        assert not p.check()


def test_required_attributes_the_file_lacks_are_counted(tmp_path, capsys):
    path = tmp_path / "s.annot"
    f = tmp_path / "d.jsonl"
    write(f, [{"id": 1, "text": TEXT, "label": spans()},
              {"id": 2, "text": TEXT + " أيضا", "label": [[0, 3, "claim"]]}])
    main(["new", str(path)])
    capsys.readouterr()
    with Project.open(path) as p:
        required = {f"{c.key}.{a.key}" for c in p.codebook().categories
                    for a in c.attributes if a.required}
    assert main(["import", str(path), str(f), "--coder", "alice"]) == 0
    out = capsys.readouterr().out
    # the sourcing codebook requires claim.claim_type and source.type (at least)
    assert {"claim.claim_type", "source.type"} <= required
    assert "required attributes left empty" in out
    assert "claim.claim_type on 2" in out and "source.type on 1" in out
