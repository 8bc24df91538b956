"""Groups of categories under hostile input: codebooks with thousands of groups, chains
near or past the depth limit, loops, and references to nothing. Each is refused or shown
in time proportional to its size, never a hang or a RecursionError."""

from __future__ import annotations

import time

import pytest

from annotator.core.codebook import AttributeDef, CategoryDef, Codebook, GroupDef
from annotator.core.codebook.validation import MAX_GROUP_DEPTH
from annotator.core.errors import CodebookError


class Counting(list):
    """A list that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def wide(n: int) -> Codebook:
    """n groups ten to a parent, 2n categories spread over them."""
    groups = [GroupDef(f"g{i}", "g", f"G{i}", parent=f"g{i // 10}" if i >= 10 else None)
              for i in range(n)]
    cats = [CategoryDef(f"c{i}", "c", f"C{i}", "#aabbcc", group=f"g{i % n}")
            for i in range(2 * n)]
    return Codebook("big", categories=cats, groups=groups)


def test_tree_and_group_paths_walk_the_groups_a_fixed_number_of_times():
    """tree() looked each group's path up by scanning the list (10,000 groups and 20,000
    categories took 2.4 s, 80 times a dict walk, growing with the square)."""
    cb = wide(2000)
    cb.groups = Counting(cb.groups)
    Counting.walks = 0
    tree = cb.tree()
    assert Counting.walks <= 3
    assert len(tree) == 6000
    assert [(d, e.key) for d, e in tree[:4]] == [(0, "g0"), (1, "c0"), (1, "c2000"),
                                                 (0, "g1")]
    Counting.walks = 0
    paths = [cb.group_path(g.key) for g in cb.groups]
    assert Counting.walks <= 3  # the list once (for the index), not once per level
    assert [g.key for g in paths[1234]] == ["g1", "g12", "g123", "g1234"]


def test_lookups_follow_a_codebook_edited_in_place():
    """The index behind group()/category() never answers from a stale list."""
    cb = wide(30)
    assert cb.group("g12").parent == "g1"
    cb.groups[12] = GroupDef("g12", "g", "G12", parent="g2")  # replaced, same length
    assert cb.group("g12").parent == "g2"
    assert [g.key for g in cb.group_path("g12")] == ["g2", "g12"]
    cb.groups[13].key = "renamed"
    assert cb.group("g13") is None and cb.group("renamed") is cb.groups[13]
    cb.groups.append(GroupDef("new", "n", "N", parent="g3"))
    assert [g.key for g in cb.group_path("new")] == ["g3", "new"]
    cb.groups.pop(0)
    assert cb.group("g0") is None and cb.group_path("g12")[0].key == "g2"
    cb.categories[5] = CategoryDef("other", "o", "O", "#000000")
    assert cb.category("c5") is None and cb.category("other") is cb.categories[5]
    cb.categories.insert(0, CategoryDef("c7", "dup", "Dup", "#000000"))  # first one wins
    assert cb.category("c7").name_en == "Dup"


def test_tree_of_a_damaged_chain_deeper_than_recursion_allows():
    """A stored codebook is not validated: a 3,000-deep chain (a hand edit) must still be
    shown, not raise RecursionError in the palette, the editor or an export."""
    groups = [GroupDef(f"d{i}", "d", "D", parent=f"d{i - 1}" if i else None)
              for i in range(3000)]
    cb = Codebook("x", categories=[CategoryDef("c", "c", "C", "#000000", group="d2999")],
                  groups=groups)
    tree = cb.tree()
    assert tree[-1] == (3000, cb.categories[0])
    assert len(cb.group_path("d2999")) == 3000


def test_tree_keeps_loops_and_orphans_at_the_top_level():
    cb = Codebook("x", categories=[CategoryDef("c", "c", "C", "#000000", group="b"),
                                   CategoryDef("d", "d", "D", "#000000", group="gone")],
                  groups=[GroupDef("a", "a", "A", parent="b"), GroupDef("b", "b", "B",
                                                                       parent="a"),
                          GroupDef("o", "o", "O", parent="missing"),
                          GroupDef("r", "r", "R"), GroupDef("s", "s", "S", parent="r")])
    assert [(d, e.key) for d, e in cb.tree()] == [
        (0, "c"), (0, "d"), (0, "a"), (0, "b"), (0, "o"), (0, "r"), (1, "s")]


def test_a_chain_at_the_depth_limit_loads_and_one_past_it_is_refused():
    def chain(n):
        return {"name": "x", "categories": [{"key": "c", "name_en": "C", "color": "#000000",
                                             "group": f"g{n - 1}"}],
                "groups": [{"key": f"g{i}", "name_en": "G",
                            **({"parent": f"g{i - 1}"} if i else {})} for i in range(n)]}

    cb = Codebook.from_dict(chain(MAX_GROUP_DEPTH))
    assert len(cb.group_path(f"g{MAX_GROUP_DEPTH - 1}")) == MAX_GROUP_DEPTH
    with pytest.raises(CodebookError, match=f"more than {MAX_GROUP_DEPTH} levels"):
        Codebook.from_dict(chain(MAX_GROUP_DEPTH + 1))


def test_a_codebook_of_thousands_of_unknown_references_is_refused_quickly():
    """Each unknown group or category got a did-you-mean hint from difflib against every
    key: 800 groups took 12 s, 10,000 would take half an hour."""
    n = 3000
    data = {"name": "x",
            "groups": [{"key": f"group_{i}", "name_en": "g"} for i in range(n)],
            "categories": [{"key": f"c{i}", "name_en": "c", "color": "#aabbcc",
                            "group": f"grop_{i}"} for i in range(2 * n)],
            "relations": [{"key": f"r{i}", "name_en": "r", "from_category": f"x{i}",
                           "to_category": "c1"} for i in range(n)]}
    start = time.perf_counter()
    with pytest.raises(CodebookError) as err:
        Codebook.from_dict(data)
    assert time.perf_counter() - start < 5
    assert len(err.value.problems) == 3 * n  # every problem is still listed
    assert "categories[0].group: unknown group 'grop_0' (did you mean 'group_0'?)" in \
        err.value.problems
    assert len(str(err.value)) < 5000  # the one line names the first few and counts
    assert str(err.value).endswith(f"and {3 * n - 20} more problems")


def test_reading_and_replacing_a_large_codebook_costs_a_fixed_number_of_queries(tmp_path):
    """The codebook was read with a query per category for its attributes, and replaced
    with a flush per category: 20,000 categories took 7.5 s to import."""
    from sqlalchemy import event

    from annotator.core.project import Project

    cb = wide(100)
    for c in cb.categories[:50]:
        c.attributes = [AttributeDef("note", "n", "Note", "text")]
    with Project.create(tmp_path / "big.annot") as p:
        queries = []
        event.listen(p._engine, "before_cursor_execute",  # reads (an insert is a row)
                     lambda *a: queries.append(a[2]) if a[2].startswith("SELECT") else 0)
        p.set_codebook(cb)
        assert len(queries) < 30, len(queries)
        queries.clear()
        p._codebook = None
        assert len(p.full_codebook().categories) == 200
        assert len(queries) < 12, queries
        cb.categories[0].attributes = []  # a dropped attribute still goes first
        queries.clear()
        p.set_codebook(cb)
        assert len(queries) < 30, len(queries)
        assert p.codebook().categories[0].attributes == []


def test_keys_and_the_name_longer_than_their_columns_are_refused():
    """Keys are stored in VARCHAR(100) columns and the codebook's name in VARCHAR(200): a
    longer one passed validation and SQLite, and would fail on a team's PostgreSQL
    server with an internal error."""
    def book(key, name="x"):
        return {"name": name,
                "groups": [{"key": key, "name_en": "G"}],
                "categories": [{"key": key, "name_en": "C", "color": "#000000",
                                "group": key,
                                "attributes": [{"key": key, "name_en": "A",
                                                "type": "choice", "values": [
                                                    {"key": key, "name_en": "V"}]}]}],
                "relations": [{"key": key, "name_en": "R", "from_category": key,
                               "to_category": key}]}

    Codebook.from_dict(book("k" * 100, "n" * 200))  # at the limits
    with pytest.raises(CodebookError) as err:
        Codebook.from_dict(book("k" * 101, "n" * 201))
    too_long = "101 characters long (at most 100)"
    assert err.value.problems == [
        "name: 201 characters long (at most 200)",
        f"categories[0].key: {too_long}",
        f"categories[0].attributes[0].key: {too_long}",
        f"categories[0].attributes[0].values[0].key: {too_long}",
        f"groups[0].key: {too_long}", f"relations[0].key: {too_long}"]
