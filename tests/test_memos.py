"""Memos: notes and "discuss" flags on annotations, notes per article per coder; they are
kept, travel in packages and merges (newer wins, clearing travels), and are exported."""

from __future__ import annotations

import json

import openpyxl
import pytest

from annotator.cli import main
from annotator.core.exporters import export_xlsx
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import PackageRefusedError, merge_package
from annotator.core.packages import make_package
from annotator.core.project import Project

TEXTS = ["قالت صحيفة الجارديان إن الاجتماع سيعقد غدا في القاهرة.",
         "نقلت وكالة رويترز عن مصادر مطلعة أن المفاوضات توقفت مؤقتا."]


def span(text, word):
    s = text.index(word)
    return s, s + len(word)


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}")
                         for i, t in enumerate(TEXTS, 1)])
    return path


def test_note_and_flag_are_kept_and_bump_updated(study):
    with Project.open(study) as p:
        a = p.add_annotation(1, "Mona", "claim", *span(TEXTS[0], "الاجتماع سيعقد"))
        b = p.set_note(a.uuid, "  ادعاء غير منسوب؟ Other: explain  ")
        assert b.note == "ادعاء غير منسوب؟ Other: explain"
        assert b.updated > a.updated
        c = p.set_flag(a.uuid, True)
        assert c.flag and c.note == b.note
        # an attribute edit keeps the memo
        p.update_annotation(a.uuid, attrs={"claim_type": "factual"})
    with Project.open(study, readonly=True) as p:
        got = p.annotation(a.uuid)
        assert (got.note, got.flag, got.attrs) == (b.note, True, {"claim_type": "factual"})
        assert p.flagged_counts() == {1: 1}


def test_article_note_per_coder_and_clearing(study):
    with Project.open(study) as p:
        p.set_document_note(1, "Mona", "المقال رأي لا خبر")
        p.set_document_note(1, "Ali", "genre unclear")
        assert p.document_note(1, "Mona") == "المقال رأي لا خبر"
        assert p.document_note(2, "Mona") == ""
        p.set_document_note(1, "Ali", "   ")  # cleared: a tombstone
        assert [(n.doc_id, n.coder, n.text) for n in p.document_notes()] == [
            (1, "Mona", "المقال رأي لا خبر")]
        p.set_document_note(1, "Ali", "back again")
        assert p.document_note(1, "Ali") == "back again"


def test_memos_travel_in_a_package_and_back(study, tmp_path):
    pkg_path = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "Mona", [1, 2], pkg_path)
    with Project.open(pkg_path) as pkg:
        a = pkg.add_annotation(2, "Mona", "claim", *span(TEXTS[1], "المفاوضات توقفت"))
        pkg.set_note(a.uuid, "مصادر مطلعة = مجهولة")
        pkg.set_flag(a.uuid, True)
        pkg.set_document_note(2, "Mona", "وكالة أجنبية")
    with Project.open(study) as p:
        r = merge_package(p, pkg_path)
        assert r.added["annotations"] == 1 and r.added["notes"] == 1
        got = p.annotation(a.uuid)
        assert (got.note, got.flag) == ("مصادر مطلعة = مجهولة", True)
        assert p.document_note(2, "Mona") == "وكالة أجنبية"
        # a re-issued package carries the memos out again
        make_package(p, "Mona", [1, 2], tmp_path / "mona2.annot")
    with Project.open(tmp_path / "mona2.annot") as pkg2:
        assert pkg2.annotation(a.uuid).note == "مصادر مطلعة = مجهولة"
        assert pkg2.document_note(2, "Mona") == "وكالة أجنبية"
        # the coder clears the flag and the article note later
        pkg2.set_flag(a.uuid, False)
        pkg2.set_document_note(2, "Mona", "")
    with Project.open(study) as p:
        r = merge_package(p, tmp_path / "mona2.annot")
        assert r.deleted["notes"] == 1 and r.updated["annotations"] == 1
        assert p.annotation(a.uuid).flag is False
        assert p.document_note(2, "Mona") == ""
        # merging the same file again changes nothing
        again = merge_package(p, tmp_path / "mona2.annot")
        assert not again.changed


def test_older_note_loses_to_newer_one(study, tmp_path):
    pkg_path = tmp_path / "mona.annot"
    with Project.open(study) as p:
        p.set_document_note(1, "Mona", "first")
        make_package(p, "Mona", [1], pkg_path)
    with Project.open(pkg_path) as pkg:
        pkg.set_document_note(1, "Mona", "from the package")
    with Project.open(study) as p:
        p.set_document_note(1, "Mona", "newer, in the project")  # after the package's edit
        r = merge_package(p, pkg_path)
        assert r.skipped["notes"] == 1
        assert p.document_note(1, "Mona") == "newer, in the project"


def test_a_package_cannot_write_another_coders_article_note(study, tmp_path):
    pkg_path = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "Mona", [1], pkg_path)
    with Project.open(pkg_path) as pkg:
        pkg.set_document_note(1, "Ali", "written in Mona's file")
    with Project.open(study) as p:
        # a package carries only its coder's rows: the whole file is refused (issue 11.5)
        with pytest.raises(PackageRefusedError, match=r"1 row of other coders \(Ali: 1\)"):
            merge_package(p, pkg_path)
        assert p.document_note(1, "Ali") == ""


def test_memos_reach_the_workbook(study, tmp_path):
    with Project.open(study) as p:
        a = p.add_annotation(1, "Mona", "claim", *span(TEXTS[0], "الاجتماع سيعقد"))
        p.set_note(a.uuid, "ملاحظة")
        p.set_flag(a.uuid, True)
        p.add_annotation(2, "Mona", "claim", *span(TEXTS[1], "المفاوضات"))
        p.set_document_note(2, "Mona", "مقال رأي")
        out = tmp_path / "out.xlsx"
        export_xlsx(p, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Annotations"]
    head = [c.value for c in ws[1]]
    recs = [dict(zip(head, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    by_doc = {r["document_id"]: r for r in recs}
    assert (by_doc[1]["note"], by_doc[1]["flag"]) == ("ملاحظة", True)
    assert (by_doc[2]["note"], by_doc[2]["flag"]) == (None, False)
    notes = [[c.value for c in r] for r in wb["Notes"].iter_rows()]
    assert notes[0][:4] == ["document_id", "document_title", "coder", "note"]
    assert [r[:4] for r in notes[1:]] == [[2, "doc 2", "Mona", "مقال رأي"]]


def test_docs_lists_flagged_annotations(study, capsys):
    with Project.open(study) as p:
        a = p.add_annotation(2, "Mona", "claim", *span(TEXTS[1], "المفاوضات"))
        p.set_flag(a.uuid, True)
    assert main(["docs", str(study), "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d.get("discuss", 0) for d in docs] == [0, 1]
    assert main(["docs", str(study)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "discuss: 1" in lines[1] and "discuss" not in lines[0]


# --- kill -9 a second after typing ---------------------------------------------------------

def test_notes_typed_in_the_desk_survive_kill_9_after_one_second(study):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    pytest.importorskip("PySide6.QtTest")
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tests"))
    from fault_driver import ARTICLE_NOTE, NOTE

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    proc = subprocess.Popen([sys.executable, str(root / "tests" / "fault_driver.py"),
                             str(study), "3", "--memo", "--coder", "Mona"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=root)
    try:
        lines = [proc.stdout.readline().decode().strip() for _ in range(3)]
        assert lines[0] == "ready", (lines, proc.stderr.read() if proc.poll() else "")
        uuid = lines[1].split()[1]
        doc_id = int(lines[2].split()[1])
        time.sleep(1.0)
        alive = proc.poll() is None
    finally:
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=30)
    assert alive, err.decode()[-2000:]
    with Project.open(study, readonly=True) as p:
        assert p.annotation(uuid).note == NOTE
        assert p.document_note(doc_id, "Mona") == ARTICLE_NOTE
        assert p.check() == []
