"""Codebooks: the shipped default, validation messages, files, fingerprint and diff."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from annotator.core.codebook import (
    AttributeDef,
    CategoryDef,
    Codebook,
    ValueDef,
    default_codebook,
    load_codebook,
    save_codebook,
)
from annotator.core.errors import CodebookError, InputError
from annotator.resources import CODEBOOKS, DEFAULT_CODEBOOK

# --- helpers -------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of #rrggbb."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _minimal() -> dict:
    return {
        "name": "Test",
        "categories": [
            {"key": "claim", "name_ar": "ادعاء", "name_en": "Claim", "color": "#8ec5ff",
             "hotkey": "1"},
            {"key": "source", "name_ar": "مصدر", "name_en": "Source", "color": "#ffb347",
             "hotkey": "2",
             "attributes": [{"key": "type", "name_en": "Type", "type": "choice",
                             "values": [{"key": "media", "name_en": "Media"},
                                        {"key": "official", "name_en": "Official"}]}]},
        ],
        "relations": [{"key": "attributed_to", "name_en": "attributed to",
                       "from_category": "claim", "to_category": "source"}],
    }


def _problems(data) -> list[str]:
    with pytest.raises(CodebookError) as info:
        Codebook.from_dict(data, path="book.yaml")
    assert str(info.value).startswith("book.yaml: ")
    return info.value.problems


def _one_problem(data, field: str, *words: str) -> str:
    problems = _problems(data)
    hits = [p for p in problems if p.startswith(field + ":")]
    assert hits, f"no problem at {field}: {problems}"
    for w in words:
        assert any(w in h for h in hits), f"{w!r} not in {hits}"
    return hits[0]


# --- the shipped codebook --------------------------------------------------------------------


@pytest.fixture(scope="module")
def book() -> Codebook:
    return default_codebook()


def test_default_codebook_names(book):
    assert book.name == "Sourcing in Arabic news"
    assert book.version == 1
    claim, source, reliability = (book.category(k) for k in ("claim", "source", "reliability"))
    assert (claim.name_en, claim.name_ar, claim.hotkey) == ("Claim", "ادعاء", "1")
    assert (source.name_en, source.name_ar, source.hotkey) == ("Source", "مصدر", "2")
    assert (reliability.name_en, reliability.name_ar, reliability.hotkey) == (
        "Reliability", "موثوقية", "3")
    span = [c for c in book.categories if c.kind == "span"]
    doc = [c for c in book.categories if c.kind == "document"]
    assert len(span) <= 5 and len(doc) == 1 and doc[0].hotkey is None


def test_default_codebook_attributes(book):
    source = book.category("source")
    name = source.attribute("name")
    assert (name.type, name.suggest, name.name_ar, name.name_en) == (
        "text", True, "اسم المصدر", "Source name")
    stype = source.attribute("type")
    assert (stype.type, stype.name_ar, stype.name_en) == ("choice", "نوع المصدر", "Source type")
    keys = {v.key for v in stype.values}
    # The seed article's sources each have a home.
    assert {"foreign_media", "arab_media", "official_document", "government_official",
            "military_security", "international_org", "think_tank", "ngo", "expert",
            "eyewitness", "social_media", "websites", "anonymous", "own_reporting",
            "other"} <= keys
    level = book.category("reliability").attribute("level")
    assert level.type == "choice" and level.ordinal and len(level.values) == 5
    assert all(v.name_ar and v.name_en and v.description for v in level.values)
    assert book.category("claim").attribute("attribution").value("direct_quote") is not None


def test_default_codebook_every_name_bilingual(book):
    arabic = re.compile(r"[\u0600-\u06ff]")

    def check(obj):
        assert arabic.search(obj.name_ar), obj
        assert obj.name_en and not arabic.search(obj.name_en), obj

    for c in book.categories:
        check(c)
        for a in c.attributes:
            check(a)
            for v in a.values:
                check(v)
                assert v.description, (c.key, a.key, v.key)
    for r in book.relations:
        check(r)


def test_default_relations(book):
    r = book.relation("attributed_to")
    assert (r.from_category, r.to_category, r.name_ar) == ("claim", "source",
                                                           "ادعاء منسوب إلى مصدر")
    rates = book.relation("rates")
    assert rates.from_category == "reliability" and book.category(rates.to_category)


def test_hotkeys_unique_1_to_9(book):
    hotkeys = [c.hotkey for c in book.categories if c.hotkey is not None]
    assert len(hotkeys) == len(set(hotkeys))
    assert all(h in "123456789" and len(h) == 1 for h in hotkeys)
    assert all(c.hotkey for c in book.categories if c.kind == "span")


@pytest.mark.parametrize("text", ["#000000", "#1a1a1a"])
def test_colours_readable_under_dark_text(book, text):
    for c in book.categories:
        assert re.fullmatch(r"#[0-9a-f]{6}", c.color)
        assert _contrast(c.color, text) >= 7.0, (c.key, c.color, _contrast(c.color, text))


def test_colours_visible_on_white_and_distinct(book):
    colours = [c.color for c in book.categories]
    assert len(set(colours)) == len(colours)
    for c in book.categories:
        # a highlight must stand out from the white page behind it
        assert _contrast(c.color, "#ffffff") >= 1.4, c.key


def test_wcag_formula():
    assert _contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert _contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_category_for_label(book):
    claim = book.category("claim")
    for label in ("claim", "CLAIM", "Claim", "  Claim\n", "ادعاء", " ادعاء ", "إدعاء", "ادّعاء"):
        assert book.category_for_label(label) is claim, label
    assert book.category_for_label("source type") is None
    assert book.category_for_label("") is None
    assert book.category_for_label("Reliability") is book.category("reliability")
    assert book.category_for_label("موثوقية") is book.category("reliability")


def test_lookups_missing(book):
    assert book.category("nope") is None
    assert book.relation("nope") is None
    assert book.category("claim").attribute("nope") is None


def test_readme_lists_every_value(book):
    readme = (CODEBOOKS / "README.md").read_text(encoding="utf-8")
    for c in book.categories:
        assert f"`{c.key}`" in readme and c.color in readme
        for a in c.attributes:
            for v in a.values:
                assert f"`{v.key}`" in readme, (c.key, a.key, v.key)
                assert v.name_ar in readme, v.name_ar


# --- validation ------------------------------------------------------------------------------


def test_minimal_is_valid():
    cb = Codebook.from_dict(_minimal())
    assert cb.category("source").attribute("type").values[1] == ValueDef(
        "official", "Official", "Official")


def test_duplicate_category_key():
    d = _minimal()
    d["categories"].append({"key": "source", "name_en": "S", "color": "#eee"})
    msg = _one_problem(d, "categories[2].key")
    assert msg == "categories[2].key: duplicate key 'source' (also categories[1])"


def test_unknown_attribute_type():
    d = _minimal()
    d["categories"][1]["attributes"].append({"key": "when", "name_en": "When", "type": "date"})
    msg = _one_problem(d, "categories[1].attributes[1].type")
    assert msg == ("categories[1].attributes[1].type: unknown type 'date' "
                   "(expected choice, text, number, boolean)")


def test_bad_colour():
    d = _minimal()
    d["categories"][0]["color"] = "red"
    assert _one_problem(d, "categories[0].color") == (
        "categories[0].color: 'red' is not a colour like #1f77b4")
    for bad in ("#12345", "#ggg", "1f77b4", 123):
        d["categories"][0]["color"] = bad
        _one_problem(d, "categories[0].color", "colour")


def test_colour_forms_normalised():
    d = _minimal()
    d["categories"][0]["color"] = "#ABC"
    d["categories"][1]["color"] = " #1F77B4 "
    cb = Codebook.from_dict(d)
    assert [c.color for c in cb.categories] == ["#aabbcc", "#1f77b4"]


def test_hotkey_used_twice():
    d = _minimal()
    d["categories"][1]["hotkey"] = "1"
    assert _one_problem(d, "categories[1].hotkey") == (
        "categories[1].hotkey: '1' is already used by categories[0] ('claim')")


@pytest.mark.parametrize("hotkey", ["0", "10", "a", 0, True, "F1"])
def test_hotkey_not_1_to_9(hotkey):
    d = _minimal()
    d["categories"][0]["hotkey"] = hotkey
    _one_problem(d, "categories[0].hotkey", "1 to 9")


def test_hotkey_as_yaml_integer():
    d = _minimal()
    d["categories"][0]["hotkey"] = 7
    assert Codebook.from_dict(d).category("claim").hotkey == "7"


@pytest.mark.parametrize("field", ["key", "color"])
def test_missing_required_category_field(field):
    d = _minimal()
    del d["categories"][0][field]
    _one_problem(d, f"categories[0].{field}", "missing required field")


def test_missing_both_names():
    d = _minimal()
    del d["categories"][0]["name_ar"], d["categories"][0]["name_en"]
    _one_problem(d, "categories[0].name_en", "missing required field")


def test_one_name_fills_the_other():
    d = _minimal()
    del d["categories"][0]["name_ar"]
    assert Codebook.from_dict(d).category("claim").name_ar == "Claim"


def test_missing_name_and_type():
    d = _minimal()
    del d["name"]
    del d["categories"][1]["attributes"][0]["type"]
    problems = _problems(d)
    assert any(p.startswith("name: missing required field") for p in problems)
    assert any(p.startswith("categories[1].attributes[0].type: missing required field")
               for p in problems)


@pytest.mark.parametrize("key", ["Claim", "1claim", "claim-type", "claim type", "ادعاء", ""])
def test_key_not_slug(key):
    d = _minimal()
    d["categories"][0]["key"] = key
    _one_problem(d, "categories[0].key")


def test_choice_without_values():
    d = _minimal()
    d["categories"][1]["attributes"][0]["values"] = []
    _one_problem(d, "categories[1].attributes[0].values", "at least one value")


def test_duplicate_value_keys():
    d = _minimal()
    d["categories"][1]["attributes"][0]["values"].append({"key": "media", "name_en": "M2"})
    assert _one_problem(d, "categories[1].attributes[0].values[2].key") == (
        "categories[1].attributes[0].values[2].key: duplicate key 'media' "
        "(also categories[1].attributes[0].values[0])")


def test_duplicate_attribute_keys():
    d = _minimal()
    d["categories"][1]["attributes"].append({"key": "type", "name_en": "T", "type": "text"})
    _one_problem(d, "categories[1].attributes[1].key", "duplicate key 'type'")


def test_value_keys_may_be_digits():
    d = _minimal()
    d["categories"][0]["attributes"] = [{"key": "level", "name_en": "Level", "type": "choice",
                                         "ordinal": True,
                                         "values": [{"key": 1, "name_en": "low"},
                                                    {"key": "2", "name_en": "high"}]}]
    level = Codebook.from_dict(d).category("claim").attribute("level")
    assert [v.key for v in level.values] == ["1", "2"]


def test_yaml_boolean_key_explained():
    d = _minimal()
    d["categories"][1]["attributes"][0]["values"][0]["key"] = False  # YAML `no`
    _one_problem(d, "categories[1].attributes[0].values[0].key", "quote it")


def test_flags_only_where_they_mean_something():
    d = _minimal()
    d["categories"][0]["attributes"] = [
        {"key": "n", "name_en": "n", "type": "number", "ordinal": True,
         "values": [{"key": "a", "name_en": "a"}]},
        {"key": "b", "name_en": "b", "type": "boolean", "suggest": True},
        {"key": "t", "name_en": "t", "type": "text", "required": "yes"},
    ]
    problems = _problems(d)
    for field in ("attributes[0].ordinal", "attributes[0].values", "attributes[1].suggest",
                  "attributes[2].required"):
        assert any(p.startswith(f"categories[0].{field}:") for p in problems), field


@pytest.mark.parametrize("end", ["from_category", "to_category"])
def test_relation_unknown_category(end):
    d = _minimal()
    d["relations"][0][end] = "sorce"
    msg = _one_problem(d, f"relations[0].{end}", "unknown category 'sorce'")
    assert "did you mean 'source'" in msg


def test_relation_missing_end_and_duplicate_key():
    d = _minimal()
    d["relations"].append({"key": "attributed_to", "name_en": "x", "from_category": "claim"})
    problems = _problems(d)
    assert any(p.startswith("relations[1].to_category: missing required field")
               for p in problems)
    assert any(p.startswith("relations[1].key: duplicate key 'attributed_to' (also relations[0])")
               for p in problems)


def test_bad_kind():
    d = _minimal()
    d["categories"][0]["kind"] = "paragraph"
    _one_problem(d, "categories[0].kind", "span or document")


def test_document_category_with_hotkey_is_fine():
    d = _minimal()
    d["categories"].append({"key": "article", "name_en": "Article", "kind": "document",
                            "color": "#dddddd", "hotkey": "9"})
    assert Codebook.from_dict(d).category("article").hotkey == "9"


@pytest.mark.parametrize("version", [0, -1, "2", 1.5, True])
def test_version_positive_int(version):
    d = _minimal()
    d["version"] = version
    _one_problem(d, "version", "positive")


@pytest.mark.parametrize("data", [[], "codebook", 3, None])
def test_top_level_not_mapping(data):
    _one_problem(data, "(top level)", "mapping")


def test_empty_categories():
    d = _minimal()
    d["categories"] = []
    _one_problem(d, "categories", "at least one")


def test_unknown_field_suggests_spelling():
    d = _minimal()
    d["categories"][0]["colour"] = d["categories"][0].pop("color")
    problems = _problems(d)
    assert "categories[0].colour: unknown field (did you mean 'color'?)" in problems


def test_all_problems_reported_at_once():
    d = _minimal()
    d["version"] = 0
    d["categories"][0]["color"] = "red"
    d["categories"][1]["hotkey"] = "1"
    d["relations"][0]["to_category"] = "nothing"
    problems = _problems(d)
    assert len(problems) == 4, problems


# --- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", [".json", ".yaml", ".yml"])
def test_round_trip(book, tmp_path, ext):
    path = tmp_path / f"book{ext}"
    save_codebook(book, path)
    again = load_codebook(path)
    assert again == book
    assert again.fingerprint() == book.fingerprint()
    assert not list(tmp_path.glob(".*tmp"))


def test_saved_yaml_is_readable(book, tmp_path):
    path = tmp_path / "book.yaml"
    save_codebook(book, path)
    text = path.read_text(encoding="utf-8")
    assert "ادعاء" in text and "\\u" not in text
    assert text.index("name:") < text.index("categories:")  # not sorted alphabetically
    assert text.index("key: claim") < text.index("key: source")
    assert "'#8ec5ff'" in text or '"#8ec5ff"' in text


def test_saved_json_is_readable(book, tmp_path):
    path = tmp_path / "book.json"
    save_codebook(book, path)
    text = path.read_text(encoding="utf-8")
    assert "ادعاء" in text and "\n  " in text
    assert json.loads(text)["name"] == book.name


def test_to_dict_round_trip(book):
    assert Codebook.from_dict(copy.deepcopy(book.to_dict())) == book


def test_yaml_syntax_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\ncategories:\n  - key: [claim\n    color: '#fff'\n",
                    encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: not valid YAML: line ")
    assert re.search(r"line \d+ column \d+: ", msg)
    assert "\n" not in msg


def test_yaml_duplicate_key(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("name: x\nname: y\ncategories: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"line 2 column 1: duplicate key 'name'"):
        load_codebook(path)


def test_json_syntax_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "categories": [,]}', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"not valid JSON: line 2 column \d+: "):
        load_codebook(path)


def test_validation_error_names_the_file(tmp_path):
    path = tmp_path / "book.yaml"
    d = _minimal()
    d["categories"][0]["color"] = "red"
    path.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert info.value.path == str(path)
    assert info.value.problems == ["categories[0].color: 'red' is not a colour like #1f77b4"]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="empty"):
        load_codebook(path)


def test_missing_file_and_unknown_extension(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_codebook(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match=r"\.json, \.yaml or \.yml"):
        load_codebook(tmp_path / "book.txt")
    with pytest.raises(InputError):
        save_codebook(Codebook.from_dict(_minimal()), tmp_path / "book.toml")


def test_bom_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_minimal()).encode())
    assert load_codebook(path).name == "Test"


def test_default_path_is_the_resource(book):
    assert load_codebook(DEFAULT_CODEBOOK) == book


# --- fingerprint and diff --------------------------------------------------------------------


def test_fingerprint_ignores_presentation(book):
    other = copy.deepcopy(book)
    other.categories[0].color = "#123456"
    other.categories[0].hotkey = "9"
    other.categories[0].name_en = "Assertion"
    other.categories[1].attributes[1].values[0].name_ar = "إعلام أجنبي"
    other.categories.reverse()
    other.description = "changed"
    assert other.fingerprint() == book.fingerprint()
    assert book.diff(other) == []
    assert re.fullmatch(r"[0-9a-f]{64}", book.fingerprint())


def test_fingerprint_changes_with_structure(book):
    fp = book.fingerprint()
    added = copy.deepcopy(book)
    added.categories.append(CategoryDef("quote", "اقتباس", "Quote", "#eeeeee", "5"))
    assert added.fingerprint() != fp

    kind = copy.deepcopy(book)
    kind.category("claim").kind = "document"
    assert kind.fingerprint() != fp

    typ = copy.deepcopy(book)
    typ.category("source").attribute("name").type = "choice"
    assert typ.fingerprint() != fp

    value = copy.deepcopy(book)
    value.category("source").attribute("type").values.append(ValueDef("blog", "مدونة", "Blog"))
    assert value.fingerprint() != fp

    rel = copy.deepcopy(book)
    rel.relation("rates").to_category = "source"
    assert rel.fingerprint() != fp


def test_diff_lists_differences(book):
    other = copy.deepcopy(book)
    other.categories = [c for c in other.categories if c.key != "claim"]
    other.relations = [r for r in other.relations if r.key == "attributed_to"]
    other.categories.append(CategoryDef("quote", "اقتباس", "Quote", "#eeeeee", "5"))
    src = other.category("source")
    src.attributes = [a for a in src.attributes if a.key != "named"]
    src.attribute("name").type = "choice"
    src.attribute("type").values = [v for v in src.attribute("type").values
                                    if v.key != "websites"]
    src.attribute("type").values.append(ValueDef("blog", "مدونة", "Blog"))
    src.attributes.append(AttributeDef("gender", "الجنس", "Gender", "text"))
    other.category("article").kind = "span"

    diff = book.diff(other)
    expected = [
        "category 'claim' is missing in the other codebook",
        "attribute 'source.name': type is 'text' here but 'choice' in the other codebook",
        "attribute 'source.type': value 'websites' only in this codebook",
        "attribute 'source.type': value 'blog' only in the other codebook",
        "attribute 'source.named' is missing in the other codebook",
        "attribute 'source.gender' is missing in this codebook",
        "category 'article': kind is 'document' here but 'span' in the other codebook",
        "category 'quote' is missing in this codebook",
        "relation 'rates' is missing in the other codebook",
    ]
    assert sorted(diff) == sorted(expected)
    assert len(other.diff(book)) == len(expected)


def test_diff_relation_ends(book):
    other = copy.deepcopy(book)
    other.relation("rates").to_category = "source"
    assert book.diff(other) == ["relation 'rates': goes reliability -> claim here but "
                                "reliability -> source in the other codebook"]


def test_yaml_merge_keys_are_not_duplicates(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_text("name: x\ncategories:\n- &c {key: a, name_en: A, color: '#abc'}\n"
                    "- <<: *c\n  key: b\n  color: '#def'\n", encoding="utf-8")
    cb = load_codebook(path)
    assert [(c.key, c.color) for c in cb.categories] == [("a", "#aabbcc"), ("b", "#ddeeff")]
