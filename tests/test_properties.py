"""Property-based: for any generated input, import, codebook import and merge either
succeed and leave a project `check` passes, or fail with ONE line naming the file and
leave the project byte-identical (compared through SQLite's iterdump). Bounded for CI:
each property runs a fixed number of examples, no deadline (the machine is shared), the
whole file well under a minute (issue 9, "Tests that keep it so")."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.importers.base import ImportedDocument
from annotator.core.packages import make_package
from annotator.core.project import Project

EXAMPLES = 40
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])
TEXTS = ["قالت صحيفة الجارديان إن John Smith غادر الموصل في 2017.",
         "أعلن المتحدث باسم الوزارة أن الاجتماع سيعقد غدا في القاهرة."]
COUNTED: dict[str, int] = {}


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def holds(project: Path, named: Path, before: list[str], code: int, err: str) -> None:
    """The property: success and a clean check, or one line naming the file and the
    project as it was."""
    if code == 0:
        with Project.open(project, readonly=True) as p:
            assert p.check() == [], err
        return
    assert code == 1, err  # 2 would be an internal error
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert str(named) in err, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert dump(project) == before


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A coded project and Mona's package, copied for every example."""
    root = tmp_path_factory.mktemp("template")
    state = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(root / "state")  # a crash log, if any, stays here
    path = root / "study.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}")
                         for i, t in enumerate(TEXTS, 1)])
        p.assign([1, 2], "mona")
        p.add_annotation(2, "ali", "claim", 0, 4)
        make_package(p, "mona", None, root / "mona.annot")
    with Project.open(root / "mona.annot") as pkg:
        c = pkg.add_annotation(1, "mona", "claim", 48, 54, attrs={"claim_type": "factual"})
        s = pkg.add_annotation(1, "mona", "source", 5, 20)
        pkg.add_relation("attributed_to", c.uuid, s.uuid, "mona")
        pkg.set_status(1, "mona", "done")
    yield {"project": path, "package": root / "mona.annot"}
    if state is None:
        os.environ.pop("XDG_STATE_HOME", None)
    else:
        os.environ["XDG_STATE_HOME"] = state


@contextlib.contextmanager
def copies(template):
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        out = {k: d / v.name for k, v in template.items()}
        for k, v in template.items():
            shutil.copy(v, out[k])
        yield d, out


def count(name: str) -> None:
    COUNTED[name] = COUNTED.get(name, 0) + 1


# --- importers ---------------------------------------------------------------------------------

labels = st.sampled_from(["claim", "Source", "مصدر", "reliability", "article", "nope", ""])
offsets = st.one_of(st.integers(-3, 80), st.text(max_size=3), st.none(), st.floats())
span_items = st.lists(st.tuples(offsets, offsets, labels), max_size=4)
texts = st.one_of(st.sampled_from(TEXTS), st.text(max_size=80))
doccano_line = st.one_of(
    st.fixed_dictionaries({"text": texts, "label": span_items}),
    st.fixed_dictionaries({"text": texts, "entities": st.lists(st.fixed_dictionaries({
        "start_offset": offsets, "end_offset": offsets, "label": labels}), max_size=3)}),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just("not json {"), st.just('{"text": "\\ud800 lone"}'), st.just("[" * 5000),
)


@BOUNDED
@given(lines=st.lists(doccano_line, min_size=1, max_size=4))
def test_any_doccano_file(template, lines):
    count("doccano")
    with copies(template) as (d, f):
        src = d / "in.jsonl"
        src.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                                 for x in lines), encoding="utf-8", errors="surrogatepass")
        before = dump(f["project"])
        code, _, err = run("import", f["project"], src, "--coder", "mona")
        holds(f["project"], src, before, code, err)


@BOUNDED
@given(data=st.one_of(st.binary(max_size=300),
                      st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.sampled_from(TEXTS).map(lambda t: t.encode("cp1256"))),
       suffix=st.sampled_from([".txt", ".csv", ".html", ".docx", ".xlsx"]))
def test_any_bytes_as_an_article_file(template, data, suffix):
    count("files")
    with copies(template) as (d, f):
        src = d / f"in{suffix}"
        src.write_bytes(data)
        before = dump(f["project"])
        code, _, err = run("import", f["project"], src)
        holds(f["project"], src, before, code, err)


# --- codebook loading ----------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2, 10**30), st.text(max_size=8),
                    st.floats())
attribute = st.fixed_dictionaries(
    {"key": st.one_of(st.sampled_from(["claim_type", "name", "x"]), scalars),
     "type": st.one_of(st.sampled_from(["choice", "text", "number", "boolean"]), scalars)},
    optional={"values": st.lists(st.one_of(st.sampled_from(["a", "b"]), scalars,
                                           st.fixed_dictionaries({"key": scalars})),
                                 max_size=3),
              "ordinal": scalars, "required": scalars})
category = st.fixed_dictionaries(
    {"key": st.one_of(st.sampled_from(["claim", "source", "article"]), scalars)},
    optional={"name_en": scalars, "name_ar": scalars, "color": scalars, "hotkey": scalars,
              "kind": st.one_of(st.sampled_from(["span", "document"]), scalars),
              "attributes": st.lists(attribute, max_size=2),
              "group": st.one_of(st.sampled_from(["g", "h"]), scalars)})
group = st.fixed_dictionaries(  # folders of categories: loops, unknown parents, bad keys
    {"key": st.one_of(st.sampled_from(["g", "h"]), scalars)},
    optional={"name_en": scalars, "parent": st.one_of(st.sampled_from(["g", "h"]), scalars),
              "description": scalars})
codebook = st.fixed_dictionaries(
    {"name": scalars, "categories": st.one_of(st.lists(category, max_size=3), scalars)},
    optional={"version": st.one_of(st.integers(-5, 10**100), scalars),
              "relations": st.lists(st.fixed_dictionaries(
                  {"key": scalars, "from": scalars, "to": scalars}), max_size=2),
              "groups": st.one_of(st.lists(group, max_size=3), scalars)})


@BOUNDED
@given(cb=codebook, as_yaml=st.booleans())
def test_any_codebook(template, cb, as_yaml):
    count("codebook")
    import yaml

    with copies(template) as (d, f):
        src = d / ("cb.yaml" if as_yaml else "cb.json")
        try:
            body = yaml.safe_dump(cb, allow_unicode=True) if as_yaml else json.dumps(cb)
        except (ValueError, yaml.YAMLError):
            body = "{"
        src.write_text(body, encoding="utf-8", errors="surrogatepass")
        before = dump(f["project"])
        code, _, err = run("codebook", f["project"], "--import", src)
        holds(f["project"], src, before, code, err)


# --- merge ----------------------------------------------------------------------------------------

COLUMNS = {
    "annotations": ["uuid", "document_id", "coder_id", "category_id", "start", "end", "quote",
                    "attrs", "created", "updated", "deleted", "origin_uuid", "note", "flag",
                    "origin"],
    "relations": ["uuid", "from_id", "to_id", "type_id", "coder_id", "updated", "deleted"],
    "assignments": ["document_id", "coder_id", "status", "updated"],
    "coders": ["uuid", "name", "role"],
    "documents": ["uuid", "sha256"],
    "document_notes": ["uuid", "document_id", "coder_id", "text", "updated"],
}
values = st.one_of(
    st.none(), st.integers(-2, 5), st.integers(10**12, 10**13), st.text(max_size=12),
    st.sampled_from(["not a date", "2099-01-01 00:00:00", "2020-01-01", "{}",
                     '{"claim_type": "no_such_value", "zzz": 1}', '{"claim_type": "opinion"}',
                     "[1]", "nan", "ali", "mona", "x\ny", "00000000-0000-4000-8000-000000000000"]),
    st.floats(allow_nan=True), st.binary(max_size=6))
edit = st.sampled_from(sorted(COLUMNS)).flatmap(
    lambda t: st.tuples(st.just(t), st.sampled_from(COLUMNS[t]), values))


@BOUNDED
@given(edits=st.lists(edit, min_size=1, max_size=3))
def test_any_tampered_package(template, edits):
    count("merge")
    with copies(template) as (d, f):
        con = sqlite3.connect(f["package"])
        con.execute("PRAGMA foreign_keys=OFF")
        for table, column, value in edits:
            try:
                with con:
                    con.execute(f'UPDATE {table} SET "{column}" = ? WHERE rowid IN '
                                f"(SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT 1)",
                                (value,))
            except sqlite3.IntegrityError:
                pass  # a unique column: the edit cannot be made
        con.close()
        before = dump(f["project"])
        code, _, err = run("merge", f["project"], f["package"])
        holds(f["project"], f["package"], before, code, err)


def test_zz_cases_run():
    """The number of generated cases, printed for the closing note (pytest -s shows it)."""
    print(f"\ngenerated cases run: {COUNTED} ({sum(COUNTED.values())} in all)")
    assert all(n >= EXAMPLES for n in COUNTED.values()) or not COUNTED
