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
        version = p.codebook().version
        with p._engine.connect() as con:
            stamped = {v for (v,) in con.exec_driver_sql(
                "SELECT codebook_version FROM annotations")}
        assert stamped == {version}  # coded against the codebook of the day, as in the desk
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


# --- bad and unsupported files, ambiguous dates ------------------------------------------

def _new(tmp_path, capsys):
    path = tmp_path / "s.annot"
    main(["new", str(path)])
    capsys.readouterr()
    return path


def test_skip_bad_skips_a_pdf_and_a_broken_docx_and_goes_on(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    good = tmp_path / "a.txt"
    good.write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 binary")
    broken = tmp_path / "b.docx"
    broken.write_bytes(b"not a zip at all")
    code = main(["import", str(path), str(pdf), str(good), str(broken), "--skip-bad"])
    out, err = capsys.readouterr()
    assert code == 0 and "imported 1 documents" in out
    assert "skipped: " in err and "report.pdf" in err and "b.docx" in err
    # without --skip-bad the batch is refused with one line naming the file
    code = main(["import", str(path), str(pdf), str(good)])
    out, err = capsys.readouterr()
    assert code == 1 and err.startswith("error: ") and "report.pdf" in err
    assert len(err.strip().splitlines()) == 1


def test_a_folders_unsupported_files_are_listed(tmp_path, capsys):
    path = _new(tmp_path, capsys)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("قال المتحدث إن الخبر صحيح.", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF")
    (folder / "sub" / "old.doc").write_bytes(b"\xd0\xcf")
    (folder / ".hidden.pdf").write_bytes(b"x")
    assert main(["import", str(path), str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "imported 1 documents" in out
    [note] = [line for line in err.splitlines() if "not imported" in line]
    assert "2 file(s)" in note and "scan.pdf" in note and "old.doc" in note
    assert ".hidden" not in note


def test_ambiguous_dates_keep_what_was_written_and_follow_the_project(tmp_path, capsys):
    frame = tmp_path / "f.csv"
    frame.write_text("date,text\n03/07/2017,قال المتحدث إن الخبر صحيح.\n"
                     "25/12/2017,وأكدت مصادر عراقية الخبر.\n", encoding="utf-8")
    path = _new(tmp_path, capsys)
    assert main(["import", str(path), str(frame)]) == 0
    with Project.open(path, readonly=True) as p:
        a, b = p.documents(with_meta=True)
    assert (a.published.month, a.published.day) == (7, 3)  # day first by default
    assert a.meta["published_as_written"] == "03/07/2017"
    assert a.meta["published_read_as"] == "day-first"
    assert (b.published.month, b.published.day) == (12, 25)  # not ambiguous
    assert "published_as_written" not in b.meta

    other = _new(tmp_path / "m", capsys) if (tmp_path / "m").mkdir() is None else None
    assert main(["settings", str(other), "date_order=month-first"]) == 0
    assert main(["import", str(other), str(frame)]) == 0
    capsys.readouterr()
    with Project.open(other, readonly=True) as p:
        a, b = p.documents(with_meta=True)
    assert (a.published.month, a.published.day) == (3, 7)
    assert a.meta["published_read_as"] == "month-first"
    assert (b.published.month, b.published.day) == (12, 25)
    assert main(["settings", str(other)]) == 0
    assert "date_order = month-first" in capsys.readouterr().out
    assert main(["settings", str(other), "date_order=sideways"]) == 1
    assert "not one of day-first, month-first" in capsys.readouterr().err


def test_bulk_rows_read_back_like_rows_the_desk_writes(tmp_path, capsys):
    """Times and attrs stored by the bulk insert are in the form SQLAlchemy writes (the
    desk reads them back as datetimes and dicts, and compares them with its own)."""
    path = tmp_path / "s.annot"
    f = tmp_path / "d.jsonl"
    write(f, [{"id": 1, "text": TEXT, "label": spans()}])
    main(["new", str(path)])
    main(["import", str(path), str(f), "--coder", "alice"])
    with Project.open(path) as p:
        mine = p.add_annotation(1, "alice", "claim", 0, 3)
        with p._engine.connect() as con:
            rows = con.exec_driver_sql("SELECT created, updated, attrs, origin FROM "
                                       "annotations ORDER BY id").all()
        imported = [a for a in p.annotations(1) if a.uuid != mine.uuid]
    *bulk, desk = rows
    assert all(len(r[0]) == len(desk[0]) and r[0] == r[1] for r in bulk)  # same format
    assert all(r[2] == "{}" and r[3] == "imported" for r in bulk)
    assert all(a.created is not None and a.attrs == {} for a in imported)


def test_the_two_readings_the_desk_offers(tmp_path):
    """What the desk's question shows before storing: only the dates that read two ways,
    as written (the date out of a whole date line), day first and month first."""
    from annotator.core.importers import read_path
    from annotator.core.importers.dates import two_readings

    frame = tmp_path / "f.csv"
    frame.write_text("date,text\n03/07/2017,قال المتحدث إن الخبر صحيح.\n"
                     "25/12/2017,وأكدت مصادر عراقية الخبر.\n"
                     "2017-03-07,ونفى مسؤول ذلك.\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("عنوان الخبر عن الاجتماع\n\nالخميس ٠٣/٠٧/٢٠١٧ ٠٣:٥٣ م\n\n"
                       "قال المتحدث إن الاجتماع عقد في الموصل أمس بحضور الوفود.\n",
                       encoding="utf-8")
    docs = read_path(frame) + read_path(article)
    assert [(w, a.date().isoformat(), b.date().isoformat())
            for w, a, b in two_readings(docs)] == [
        ("03/07/2017", "2017-07-03", "2017-03-07"),
        ("03/07/2017", "2017-07-03", "2017-03-07")]
