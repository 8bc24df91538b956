"""Long core work with progress and Cancel, Qt-free (issue 17): the batch reader the CLI
and the desk share, a cancelled store that leaves the project as it was, and the CLI's
progress bar (drawn on a terminal after ~2 s, silent otherwise)."""

from __future__ import annotations

import io
import sqlite3

import pytest

from annotator.cli import main
from annotator.cli.progress import ProgressBar
from annotator.core.importers.base import ImportedDocument
from annotator.core.importers.batch import read_batch
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import STORE_CHUNK, Project


def dump(path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def write_articles(folder, n: int, prefix: str = "a") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = folder / f"part{i % 3}"  # nested: folders are read recursively
        sub.mkdir(exist_ok=True)
        (sub / f"{prefix}{i:04d}.txt").write_text(f"مقال رقم {i} عن الموصل.\nنص {prefix}{i}.",
                                                 encoding="utf-8")


def test_read_batch_reports_each_file_and_sets_bad_ones_aside(tmp_path):
    write_articles(tmp_path / "in", 12)
    (tmp_path / "in" / "broken.docx").write_bytes(b"not a zip at all")
    calls = []
    batch = read_batch([tmp_path / "in"], progress=lambda d, t, label: calls.append((d, t, label)))
    assert len(batch.files) == 13 and len(batch.docs) == 12
    assert [str(e.path) for e in batch.skipped] == [str(tmp_path / "in" / "broken.docx")]
    assert "broken.docx" in str(batch.skipped[0]) and "\n" not in str(batch.skipped[0])
    assert calls[0] == (0, 13, "") and calls[-1][:2] == (13, 13)
    assert [c[0] for c in calls] == list(range(14))  # every file counted once, in order
    assert {c[2] for c in calls[1:]} == {f.name for f in batch.files}


def test_read_batch_without_skip_bad_raises_the_first_bad_file(tmp_path):
    write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "broken.docx").write_bytes(b"nope")
    with pytest.raises(Exception) as exc:
        read_batch([tmp_path / "in"], skip_bad=False)
    assert "broken.docx" in str(exc.value)


def test_a_named_file_of_unknown_type_is_skipped_with_its_reason(tmp_path):
    write_articles(tmp_path / "in", 2)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    batch = read_batch([tmp_path / "in", pdf])
    assert len(batch.docs) == 2
    assert len(batch.skipped) == 1 and "report.pdf" in str(batch.skipped[0])


def test_cancel_stops_reading_between_files(tmp_path):
    write_articles(tmp_path / "in", 50)
    token = CancelToken()
    seen = []

    def progress(done, total, label):
        seen.append(done)
        if done == 20:
            token.cancel()

    with pytest.raises(Cancelled):
        read_batch([tmp_path / "in"], progress=progress, cancel=token)
    assert max(seen) == 20  # not one file more after Cancel


def test_cancelled_store_leaves_the_project_as_it_was(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text="مقال أول", title="أول")])
    before = dump(path)
    docs = [ImportedDocument(text=f"نص رقم {i}", title=f"t{i}") for i in range(3 * STORE_CHUNK)]
    token = CancelToken()
    seen = []

    def progress(done, total, label):
        seen.append((done, total))
        if done >= STORE_CHUNK:  # one chunk is in the open transaction: cancel now
            token.cancel()

    with Project.open(path) as p:
        with pytest.raises(Cancelled):
            p.add_documents(docs, progress=progress, cancel=token)
        assert len(p.documents()) == 1
        # the project is still usable after the rollback
        p.add_documents([ImportedDocument(text="مقال بعد الإلغاء", title="بعد")])
        assert len(p.documents()) == 2
    assert seen[0] == (0, 3 * STORE_CHUNK) and (STORE_CHUNK, 3 * STORE_CHUNK) in seen
    with Project.open(path) as p:  # and the cancelled run left nothing behind
        assert [d.title for d in p.documents()] == ["أول", "بعد"]
    assert before != dump(path)  # sanity: the dump does show a change when there is one


def test_cancelled_store_dump_is_identical(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text="مقال أول", title="أول")])
    before = dump(path)
    token = CancelToken()
    token.cancel()
    with Project.open(path) as p:
        with pytest.raises(Cancelled):
            p.add_documents([ImportedDocument(text="جديد", title="x")], cancel=token)
    assert dump(path) == before


def test_store_progress_counts_new_documents(tmp_path):
    with Project.create(tmp_path / "p.annot") as p:
        p.add_documents([ImportedDocument(text="مكرر", title="d")])
        seen = []
        docs = [ImportedDocument(text=f"نص {i}", title=f"t{i}") for i in range(2500)]
        docs.append(ImportedDocument(text="مكرر", title="dup"))
        report = p.add_documents(docs, progress=lambda d, t, label: seen.append((d, t)))
    assert len(report.added) == 2500 and len(report.duplicates) == 1
    assert seen[0] == (0, 2500) and seen[-1] == (2500, 2500)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- the CLI's bar ----------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bar_waits_two_seconds_then_draws_and_clears():
    term, clock = Terminal(), Clock()
    bar = ProgressBar("reading", stream=term, clock=clock)
    bar(10, 100, "a.txt")
    assert term.getvalue() == ""  # a quick command prints nothing extra
    clock.now = 2.5
    bar(50, 100, "b.txt")
    out = term.getvalue()
    assert out.startswith("\r") and "50/100" in out and "50%" in out and "b.txt" in out
    assert "\n" not in out
    clock.now = 2.55
    bar(51, 100, "c.txt")
    assert "51/100" not in term.getvalue()  # redraws are throttled
    bar(100, 100, "")
    assert "100/100" in term.getvalue()  # but the end is always drawn
    bar.close()
    assert term.getvalue().endswith("\r") and term.getvalue().rstrip("\r ").endswith("100%")


def test_bar_is_silent_when_not_a_terminal():
    out, clock = io.StringIO(), Clock()
    bar = ProgressBar("reading", stream=out, clock=clock)
    clock.now = 60
    bar(5, 10, "x")
    bar.close()
    assert out.getvalue() == ""


def test_cli_import_prints_no_bar_when_piped(tmp_path, capsys):
    path = tmp_path / "p.annot"
    assert main(["new", str(path)]) == 0
    write_articles(tmp_path / "in", 30)
    (tmp_path / "in" / "bad.docx").write_bytes(b"nope")
    capsys.readouterr()
    assert main(["import", str(path), str(tmp_path / "in"), "--skip-bad"]) == 0
    out, err = capsys.readouterr()
    assert "imported 30 documents" in out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"skipped: {tmp_path / 'in' / 'bad.docx'}: ")
    assert "\r" not in err and "[" not in err


# --- merge, package, assign, restore ----------------------------------------------------

def coded_package(tmp_path, n_docs: int = 40, spans_per_doc: int = 40):
    """A project of `n_docs` articles and Mona's package of them carrying
    n_docs * spans_per_doc annotations, so a merge has thousands of rows to go through."""
    from annotator.core.importers.base import ImportedSpan
    from annotator.core.packages import make_package

    words = " ".join(f"كلمة{i}" for i in range(spans_per_doc))
    texts = [f"{words} مقال {d}" for d in range(n_docs)]
    path = tmp_path / "study.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}") for i, t in enumerate(texts)])
        out = make_package(p, "mona", [d.id for d in p.documents()],
                           tmp_path / "mona.annot")["path"]
    coded = []
    for t in texts:
        spans, pos = [], 0
        for w in t.split(" ")[:spans_per_doc]:
            spans.append(ImportedSpan(pos, pos + len(w), "claim"))
            pos += len(w) + 1
        coded.append(ImportedDocument(text=t, spans=spans))
    with Project.open(out) as pkg:
        pkg.add_documents(coded, coder="mona")
    return path, out


def test_merge_reports_progress_over_the_rows_and_cancel_keeps_the_project(tmp_path):
    from annotator.core.merge import merge_packages

    path, pkg = coded_package(tmp_path)
    before = dump(path)
    token, seen = CancelToken(), []

    def cancel_half_way(done, total, label):
        seen.append((done, total, label))
        if done >= total // 2:
            token.cancel()

    with Project.open(path) as p:
        with pytest.raises(Cancelled):
            merge_packages(p, [pkg], progress=cancel_half_way, cancel=token)
    assert dump(path) == before
    assert seen[0][:2] == (0, 1600) and 0 < seen[-1][0] < 1600
    assert seen[-1][2] == "mona.annot"

    seen.clear()
    with Project.open(path) as p:
        reports = merge_packages(p, [pkg], progress=lambda *a: seen.append(a))
        assert len(p.annotations(coder="mona")) == 1600
    assert reports[0].totals()["added"] >= 1600
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and done[-1] == 1600 and len(set(done)) > 3


def test_package_cancel_leaves_no_file_and_no_assignment(tmp_path):
    from annotator.core.packages import make_package

    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=f"نص {i}", title=f"{i}") for i in range(1200)])
    before = dump(path)
    token = CancelToken()
    out = tmp_path / "ali.annot"
    with Project.open(path) as p:
        ids = [d.id for d in p.documents()]
        with pytest.raises(Cancelled):
            make_package(p, "ali", ids, out, cancel=token,
                         progress=lambda d, t, label: d >= 500 and token.cancel())
    assert not out.exists() and not list(tmp_path.glob("ali.annot*"))
    # the coder named for the package may be added before writing: nothing else changes
    after = [line for line in dump(path) if "coders" not in line]
    assert after == [line for line in before if "coders" not in line]


def test_assignment_is_one_transaction_that_cancel_rolls_back(tmp_path):
    from annotator.core.packages import apply_assignment, plan_assignment

    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=f"نص {i}", title=f"{i}") for i in range(1500)])
    before = dump(path)
    token, seen = CancelToken(), []
    with Project.open(path) as p:
        plan = plan_assignment([d.id for d in p.documents()], ["mona", "ali"], 0.2, seed=1)

        def progress(done, total, label):
            seen.append(done)
            if done >= 1000:
                token.cancel()

        with pytest.raises(Cancelled):
            apply_assignment(p, plan, progress=progress, cancel=token)
    assert dump(path) == before  # not even the first coder's share stays
    with Project.open(path) as p:
        apply_assignment(p, plan)
        from annotator.core.packages import progress as per_coder

        assert {r["coder"]: r["assigned"] for r in per_coder(p)} == {
            c: len(plan.documents_for(c)) for c in ("mona", "ali")}


def test_restore_reports_the_check_and_cancel_changes_nothing(tmp_path):
    from annotator.core import backups

    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=f"نص {i}", title=f"{i}") for i in range(900)])
    with Project.open(path) as p:  # a backup on open, then a change after it
        p.add_documents([ImportedDocument(text="جديد", title="new")])
    chosen = backups.backups(path)[0]
    before, listed = dump(path), backups.backups(path)
    token = CancelToken()
    with pytest.raises(Cancelled):
        backups.restore(path, chosen.path, cancel=token,
                        progress=lambda d, t, label: d >= 400 and token.cancel())
    assert dump(path) == before and backups.backups(path) == listed
    seen = []
    backups.restore(path, chosen.path, progress=lambda *a: seen.append(a[:2]))
    assert seen[0] == (0, 900) and (800, 900) in seen
    with Project.open(path) as p:
        assert len(p.documents()) == 900
