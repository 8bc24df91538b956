"""Groups of categories: a codebook level for imported code trees and for supervisors who
file many categories. Groups arrange; they never change what coded data means, so a
package made before a regrouping merges, and the history says what moved."""

from __future__ import annotations

import copy
import sqlite3

import pytest
import yaml

from annotator.cli import main
from annotator.core.codebook import Codebook, GroupDef, load_codebook, save_codebook
from annotator.core.errors import CodebookError
from annotator.core.exchange import export_qdc, import_qdc, new_from_qdpx
from annotator.core.exchange.refi_write import export_qdpx
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import merge_package
from annotator.core.packages import make_package, update_package
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017. وأكدت مواقع عراقية ذلك."


def grouped(cb: Codebook) -> Codebook:
    """The shipped codebook with sources filed under Actors > Media, claims under Content."""
    cb = copy.deepcopy(cb)
    cb.groups = [GroupDef("actors", "الفاعلون", "Actors"),
                 GroupDef("media", "الإعلام", "Media", "outlets and agencies", "actors"),
                 GroupDef("content", "المضمون", "Content")]
    cb.category("source").group = "media"
    cb.category("claim").group = "content"
    return cb


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
    return path


def test_groups_in_a_codebook_file_round_trip(tmp_path):
    from annotator.core.codebook import default_codebook

    cb = grouped(default_codebook())
    for name in ("cb.yaml", "cb.json"):
        save_codebook(cb, tmp_path / name)
        back = load_codebook(tmp_path / name)
        assert back.groups == cb.groups
        assert back.category("source").group == "media"
        assert [g.key for g in back.group_path("media")] == ["actors", "media"]
    data = yaml.safe_load((tmp_path / "cb.yaml").read_text(encoding="utf-8"))
    assert data["groups"][1] == {"key": "media", "name_ar": "الإعلام", "name_en": "Media",
                                 "parent": "actors", "description": "outlets and agencies"}


@pytest.mark.parametrize("edit, problem", [
    (lambda d: d["categories"][0].update(group="actros"),
     "categories[0].group: unknown group 'actros' (did you mean 'actors'?)"),
    (lambda d: d["groups"][0].update(parent="media"),
     "groups[0].parent: 'media' makes a loop of groups"),
    (lambda d: d["groups"][1].update(parent="nowhere"),
     "groups[1].parent: unknown group 'nowhere'"),
    (lambda d: d["groups"].append({"key": "media", "name_en": "Again"}),
     "groups[3].key: duplicate key 'media' (also groups[1])"),
    (lambda d: d["groups"].append({"key": "Bad Key", "name_en": "x"}),
     "groups[3].key: 'Bad Key' is not a key"),
    (lambda d: d["groups"][2].update(colour="#ffffff"), "groups[2].colour: unknown field"),
])
def test_a_bad_group_is_named_with_its_field(edit, problem):
    from annotator.core.codebook import default_codebook

    d = grouped(default_codebook()).to_dict()
    edit(d)
    with pytest.raises(CodebookError) as err:
        Codebook.from_dict(d)
    assert any(p.startswith(problem) for p in err.value.problems), err.value.problems


def test_nesting_deeper_than_the_limit_is_refused():
    from annotator.core.codebook import default_codebook
    from annotator.core.codebook.validation import MAX_GROUP_DEPTH

    d = default_codebook().to_dict()
    d["groups"] = [{"key": f"g{i}", "name_en": f"G{i}",
                    **({"parent": f"g{i - 1}"} if i else {})}
                   for i in range(MAX_GROUP_DEPTH + 2)]
    with pytest.raises(CodebookError, match="nest more than"):
        Codebook.from_dict(d)
    d["groups"] = d["groups"][:MAX_GROUP_DEPTH]
    assert len(Codebook.from_dict(d).group_path(f"g{MAX_GROUP_DEPTH - 1}")) == MAX_GROUP_DEPTH


def test_groups_are_stored_versioned_and_reopened(study):
    with Project.open(study) as p:
        number = p.set_codebook(grouped(p.codebook()), author="sara")
        assert p.codebook_history()[-1].changes == [
            "moved category 'claim' into group 'content'",
            "moved category 'source' into group 'media'",
            "added group 'actors'", "added group 'media' in 'actors'",
            "added group 'content'"]
    with Project.open(study, readonly=True) as p:
        cb = p.codebook()
        assert [(g.key, g.parent) for g in cb.groups] == [
            ("actors", None), ("media", "actors"), ("content", None)]
        assert cb.category("source").group == "media"
        assert p.codebook_version(number).groups == cb.groups
        assert p.check() == []
    with Project.open(study) as p:
        cb = copy.deepcopy(p.codebook())
        cb.groups = [g for g in cb.groups if g.key != "content"]
        cb.category("claim").group = None
        cb.groups[1].parent = None
        p.set_codebook(cb, author="sara")
        assert p.codebook_history()[-1].changes == [
            "moved category 'claim' out of its group", "moved group 'media' to the top level",
            "removed group 'content'"]
        assert [g.key for g in p.codebook().groups] == ["actors", "media"]


def test_a_package_made_before_a_regrouping_merges_and_learns_the_groups(study, tmp_path):
    """Groups are presentation: filing categories differently never blocks a merge."""
    pkg = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "mona", [1], pkg)
    with Project.open(pkg) as k:
        s = TEXT.index("غادر الموصل")
        a = k.add_annotation(1, "mona", "claim", s, s + len("غادر الموصل"),
                             attrs={"claim_type": "factual"})
    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
        assert merge_package(p, pkg).added["annotations"] == 1
        assert p.annotation(a.uuid).category == "claim"
        update_package(p, "mona", pkg)
    with Project.open(pkg, readonly=True) as k:
        assert k.codebook().category("claim").group == "content"


def test_dropping_a_group_leaves_a_retired_category_at_the_top_level(study):
    """A used category dropped with its group stays, retired, with no dangling group."""
    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
        s = TEXT.index("الجارديان")
        p.add_annotation(1, "sara", "source", s, s + len("الجارديان"))
        cb = copy.deepcopy(p.codebook())
        cb.categories = [c for c in cb.categories if c.key != "source"]
        cb.groups = [g for g in cb.groups if g.key != "media"]
        p.set_codebook(cb, author="sara")
        retired = p.full_codebook().category("source")
        assert retired.retired and retired.group is None
        assert p.check() == []
        history = p.codebook_history()
        # every stored version is a valid codebook again
        assert all(p.codebook_version(v.number) for v in history)


def test_check_finds_a_group_damaged_on_disk(study, capsys):
    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
    con = sqlite3.connect(study)
    con.execute("UPDATE categories SET group_key = 'gone' WHERE key = 'claim'")
    con.execute("UPDATE category_groups SET parent = 'media' WHERE key = 'actors'")
    con.commit()
    con.close()
    assert main(["check", str(study)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "category 'claim' is filed in group 'gone', which does not exist" in text
    assert "group 'actors' is in a loop of groups" in text


def test_refi_round_trip_keeps_the_groups(study, tmp_path):
    """.qdpx and .qdc: each group is a non-codable code holding its groups and categories;
    a project made from the file, or a codebook imported from it, has the same groups."""
    from lxml import etree

    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
        s = TEXT.index("الجارديان")
        p.add_annotation(1, "sara", "source", s, s + len("الجارديان"))
        export_qdpx(p, tmp_path / "g.qdpx")
        export_qdc(p.codebook(), tmp_path / "g.qdc")
        want = p.codebook()
    root = etree.parse(str(tmp_path / "g.qdc")).getroot()
    ns = {"q": root.nsmap[None]}
    actors = root.find("q:Codes/q:Code[@name='Actors']", ns)
    assert actors.get("isCodable") == "false"
    media = actors.find("q:Code[@name='Media']", ns)
    assert media.find("q:Code", ns).get("name") == want.category("source").name_en
    new_from_qdpx(tmp_path / "back.annot", tmp_path / "g.qdpx")
    with Project.open(tmp_path / "back.annot", readonly=True) as b:
        got = b.codebook()
        assert got.groups == want.groups
        assert {c.key: c.group for c in got.categories} == \
            {c.key: c.group for c in want.categories}
    # a .qdc replaces the arrangement too: a project with no groups takes the file's
    other = tmp_path / "other.annot"
    Project.create(other).close()
    with Project.open(other) as o:
        assert o.codebook().groups == []
        import_qdc(o, tmp_path / "g.qdc", author="sara")
        assert [(g.key, g.parent) for g in o.codebook().groups] == [
            ("actors", None), ("media", "actors"), ("content", None)]
        assert o.codebook().category("source").group == "media"
        # a second import of the same file changes nothing
        before = o.codebook_history()
        import_qdc(o, tmp_path / "g.qdc", author="sara")
        assert o.codebook_history() == before


def test_a_project_at_the_schema_before_groups_is_upgraded(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from annotator.core import db

    path = tmp_path / "old.annot"
    engine = create_engine(f"sqlite:///{path}")
    cfg = db._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.exec_driver_sql("INSERT INTO project (id, uuid, name, codebook_name, "
                             "codebook_version, codebook_description, app_version, created, "
                             "package_coder) VALUES (1, 'u', 'old', 'cb', 1, '', '0.0.1', "
                             "'2026-01-01', NULL)")
        conn.exec_driver_sql("INSERT INTO categories (id, key, name_ar, name_en, color, kind, "
                             "position, description, retired) VALUES (1, 'claim', 'ادعاء', "
                             "'Claim', '#aec7e8', 'span', 0, '', 0)")
    engine.dispose()
    with Project.open(path) as p:
        cb = p.codebook()
        assert cb.groups == [] and cb.category("claim").group is None
        cb = copy.deepcopy(cb)
        cb.groups = [GroupDef("content", "المضمون", "Content")]
        cb.category("claim").group = "content"
        p.set_codebook(cb, author="sara")
    with Project.open(path, readonly=True) as p:
        assert p.codebook().category("claim").group == "content"


def test_the_migrations_build_the_schema_the_models_describe(tmp_path):
    """No drift: a file built by the migrations has every table and column of the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from annotator.core.models import Base

    path = tmp_path / "fresh.annot"
    Project.create(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    tables_and_columns = [d for d in diff if isinstance(d, tuple)
                          and d[0] in ("add_table", "remove_table", "add_column",
                                       "remove_column")]
    assert tables_and_columns == []


def test_the_workbook_files_each_category_in_its_group(study, tmp_path):
    import openpyxl

    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
    out = tmp_path / "x.xlsx"
    assert main(["export", str(study), str(out)]) == 0
    ws = openpyxl.load_workbook(out, read_only=True)["Codebook"]
    head, *rows = [list(r) for r in ws.iter_rows(values_only=True)]
    recs = [dict(zip(head, r, strict=True)) for r in rows]
    cats = {r["category"]: r["group"] for r in recs if r["element"] == "category"}
    assert cats["source"] == "media" and cats["claim"] == "content"
    assert cats["reliability"] is None
    groups = [(r["group"], r["parent_group"], r["name_en"]) for r in recs
              if r["element"] == "group"]
    assert groups == [("actors", None, "Actors"), ("media", "actors", "Media"),
                      ("content", None, "Content")]


def test_a_split_files_the_new_category_beside_the_old_one(study):
    from annotator.core.codebook import CategoryDef

    with Project.open(study) as p:
        p.set_codebook(grouped(p.codebook()), author="sara")
        s = TEXT.index("الجارديان")
        a = p.add_annotation(1, "sara", "source", s, s + len("الجارديان"))
        p.split_category("source", CategoryDef("press", "صحافة", "Press", "#c5b0d5"),
                         [a.uuid], author="sara")
        assert p.codebook().category("press").group == "media"
        assert p.annotation(a.uuid).category == "press"
