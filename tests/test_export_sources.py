"""What an analyst joins on and selects by: the document's origin (file, spreadsheet row,
the sampling frame's own id such as رقم_المادة, URL, outlet) in Documents and `docs
--json`; `--docs 1-50` taking the ids that exist; `docs` showing who was given what."""

from __future__ import annotations

import json

import openpyxl

from annotator.cli import main
from annotator.core.project import Project

FRAME = ("رقم_المادة,العنوان,الموقع,الرابط,التاريخ,النص\n"
         "1041,عنوان أول,الجزيرة,https://example.org/1,2017-04-27,قال المتحدث إن الخبر صحيح.\n"
         "0077,عنوان ثان,العربية,https://example.org/2,2017-04-28,وأكدت مصادر عراقية الخبر.\n")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def imported(tmp_path, capsys):
    path = tmp_path / "study.annot"
    frame = tmp_path / "عينة.csv"
    frame.write_text(FRAME, encoding="utf-8")
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "import", path, frame)[0] == 0
    return path


def records(ws):
    head, *body = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(head, r, strict=True)) for r in body]


def test_sampling_frame_id_file_url_and_outlet_reach_documents(tmp_path, capsys):
    path = imported(tmp_path, capsys)
    out = tmp_path / "out.xlsx"
    assert run(capsys, "export", path, out)[0] == 0
    d1, d2 = records(openpyxl.load_workbook(out)["Documents"])
    assert (d1["source_file"], d1["source_row"], d1["source_id"]) == ("عينة.csv", 2, 1041)
    assert d1["source_id_column"] == "رقم_المادة"
    assert (d1["url"], d1["outlet"]) == ("https://example.org/1", "الجزيرة")
    # an id with a leading zero is kept as written, as text
    assert (d2["source_id"], d2["source_row"]) == ("0077", 3)


def test_docs_json_carries_the_origin(tmp_path, capsys):
    path = imported(tmp_path, capsys)
    code, out, _ = run(capsys, "docs", path, "--json")
    d1, d2 = json.loads(out)
    assert (d1["source_file"], d1["source_row"], d1["source_id"]) == ("عينة.csv", 2, "1041")
    assert d1["source_id_column"] == "رقم_المادة"
    assert (d1["url"], d1["outlet"]) == ("https://example.org/1", "الجزيرة")
    assert d2["source_id"] == "0077"


def test_doccano_id_is_the_source_id(tmp_path, capsys):
    path = tmp_path / "s.annot"
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": 88, "text": "نص المادة هنا.", "label": []},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    run(capsys, "new", path)
    assert run(capsys, "import", path, f)[0] == 0
    [d] = json.loads(run(capsys, "docs", path, "--json")[1])
    assert (d["source_id"], d["source_id_column"], d["source_file"]) == ("88", "id", "d.jsonl")


def test_docs_range_takes_the_ids_that_exist(tmp_path, capsys):
    path = imported(tmp_path, capsys)
    out = tmp_path / "r.xlsx"
    code, said, err = run(capsys, "export", path, out, "--docs", "1-50")
    assert code == 0, err
    assert "2 of the 50 documents given exist" in err  # a note, like every --docs command
    assert "2 documents" in said
    wb = openpyxl.load_workbook(out)
    assert [r["document_id"] for r in records(wb["Documents"])] == [1, 2]
    about = dict(list(r) for r in wb["About"].iter_rows(min_row=2, values_only=True))
    assert about["documents selected"].startswith("1-2 (2 of the 50 documents given exist")
    code, _, err = run(capsys, "export", path, out, "--docs", "60-70")
    assert code == 1 and err.startswith("error: ") and "none of the documents" in err


def test_docs_lists_each_articles_coders(tmp_path, capsys):
    path = imported(tmp_path, capsys)
    with Project.open(path) as p:
        p.assign([1], "Mona")
        p.assign([1, 2], "Ali")
        p.set_status(1, "Ali", "done")
    code, out, _ = run(capsys, "docs", path)
    l1, l2 = out.splitlines()
    assert "Ali (done), Mona (todo)" in l1
    assert "Ali (todo)" in l2 and "Mona" not in l2
