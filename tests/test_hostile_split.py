"""Split and recode under hostile use: undoing after the data or the codebook changed, a
history row that was edited by hand, undoing twice. Each is one line, and nothing is
changed by a refusal."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.codebook import CategoryDef
from annotator.core.errors import InputError, ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017. وأكدت مواقع عراقية ذلك الخبر."


def dump(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
        a = p.add_annotation(1, "mona", "claim", 0, 4, attrs={"claim_type": "factual"})
        p.add_annotation(1, "mona", "claim", 5, 10, attrs={"claim_type": "factual"})
        p.split_version = p.split_category("claim", CategoryDef("claim_b", "b", "B",
                                                                "#123456"), [a.uuid])
        p.recode_version = p.recode("claim", "claim_type", "factual", "prediction")
        versions = p.split_version, p.recode_version
    return path, versions


def without(p: Project, *keys: str):
    cb = copy.deepcopy(p.codebook())
    cb.categories = [c for c in cb.categories if c.key not in keys]
    cb.relations = [r for r in cb.relations
                    if r.from_category not in keys and r.to_category not in keys]
    return cb


def test_undoing_a_split_whose_source_category_is_gone_is_refused(tmp_path):
    """The source held nothing after the split, so dropping it deleted it: undo set the
    annotations' category to NULL (an IntegrityError, an internal error)."""
    path = tmp_path / "s.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
        a = p.add_annotation(1, "mona", "claim", 0, 4, attrs={"claim_type": "factual"})
        version = p.split_category("claim", CategoryDef("claim_b", "b", "B", "#123456"),
                                   [a.uuid])
        p.set_codebook(without(p, "claim"))
        before = dump(path)
        with pytest.raises(InputError, match="category 'claim' is no longer in the codebook"):
            p.undo_operation(version)
        assert dump(path) == before
        assert p.check() == []


def test_undoing_a_recode_whose_attribute_or_category_is_gone_is_refused(study, capsys):
    path, (_, recoded) = study
    with Project.open(path) as p:
        for a in p.annotations(1):
            p.delete_annotation(a.uuid)
        cb = copy.deepcopy(p.codebook())
        cb.category("claim").attributes = [a for a in cb.category("claim").attributes
                                           if a.key != "claim_type"]
        p.set_codebook(cb)
        before = dump(path)
        with pytest.raises(InputError, match="attribute 'claim.claim_type' is no longer"):
            p.undo_operation(recoded)
        p.set_codebook(without(p, "claim"))
        with pytest.raises(InputError, match="category 'claim' is no longer in the codebook"):
            p.undo_operation(recoded)
    assert main(["recode", str(path), "--undo", str(recoded)]) == 1
    err = capsys.readouterr().err
    assert "is no longer in the codebook" in err and err.count("\n") == 1
    assert dump(path)[:5] == before[:5]


def test_an_operation_is_undone_once(study):
    path, (split, recoded) = study
    with Project.open(path) as p:
        undone = p.undo_operation(recoded)
        before = dump(path)
        with pytest.raises(InputError, match=f"version {recoded} was undone already "
                                             f"\\(version {undone}\\)"):
            p.undo_operation(recoded)
        assert dump(path) == before
        p.undo_operation(split)  # the other one still can be


@pytest.mark.parametrize("operation", [
    '{"op": "split"}', '{"op": "recode", "category": "claim"}',
    '{"op": "split", "category": 5, "new": [], "annotations": "x"}',
    '{"op": "recode", "category": "claim", "attribute": "claim_type", "old": "factual", '
    '"new": "prediction", "annotations": [1, null], "position": "x", "value": 3}',
    '["op"]', '"split"'])
def test_a_history_row_edited_by_hand_is_damage_not_an_internal_error(study, capsys,
                                                                      operation):
    path, (split, _) = study
    con = sqlite3.connect(path)
    con.execute("UPDATE codebook_versions SET operation = ? WHERE number = ?",
                (operation, split))
    con.commit()
    con.close()
    before = dump(path)
    with Project.open(path) as p, pytest.raises(ProjectError, match=(
            f"damaged project file \\(codebook version {split}: what it did cannot be "
            "read\\)")):
        p.undo_operation(split)
    assert main(["recode", str(path), "--undo", str(split)]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and err.count("\n") == 1, err
    assert dump(path) == before
    with Project.open(path, readonly=True) as p:
        assert p.check() == [f"codebook version {split}: what it did cannot be read"
                             if operation.startswith("{") else
                             f"codebook_versions row {split}: operation is not a JSON object"]
