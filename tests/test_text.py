"""Offsets, folding and word snapping: the parts every peer got wrong."""

import pytest

from annotator.core.text import (
    OffsetMap,
    canonical_text,
    find_all,
    fold,
    sha256,
    snap_to_words,
)


def test_canonical_text_only_fixes_newlines_and_bom():
    raw = "\ufeffسطر\r\nثانٍ\rثالث\u00a0x"
    assert canonical_text(raw) == "سطر\nثانٍ\nثالث\u00a0x"
    # shadda + fatha order is kept (NFC would reorder them)
    s = "مُحَمَّد"
    assert canonical_text(s) == s
    assert sha256("a") == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"


def test_fold_arabic_variants():
    assert fold("الجارديان") == fold("الْجَارْدِيَان")
    assert fold("أحمد") == fold("احمد") == fold("إحمد") == fold("آحمد")
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("عـــراق") == fold("عراق")
    assert fold("Guardian") == fold("GUARDIAN")
    assert fold("٢٠١٧") == "2017"


def test_find_all_maps_back_to_original_offsets():
    text = "قالت صحيفة الْجَارْدِيَان إن الجارديان 😀 تنشر"
    hits = find_all(text, "الجارديان")
    assert len(hits) == 2
    assert text[hits[0][0]:hits[0][1]] == "الْجَارْدِيَان"
    assert text[hits[1][0]:hits[1][1]] == "الجارديان"


def test_snap_to_words_in_mixed_text():
    text = "قال John Smith إن 90% من"
    i = text.index("ohn")
    assert snap_to_words(text, i, i + 2) == (text.index("John"), text.index("John") + 4)
    # a drag ending in the middle of an Arabic word snaps to its end
    s = text.index("قال")
    assert snap_to_words(text, s + 1, text.index("Smith") + 2) == (s, text.index("Smith") + 5)
    # whitespace-only selection stays empty
    sp = text.index(" ")
    assert snap_to_words(text, sp, sp + 1)[0] == snap_to_words(text, sp, sp + 1)[1]


def test_offset_map_with_astral_characters():
    text = "أ😀ب𝐀ج"
    m = OffsetMap.for_text(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.from_qt(q) for q in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        m.from_qt(2)  # between the surrogates of 😀
    assert m.from_qt_nearest(2) == 1
    # matches Python's own UTF-16 length
    assert m.to_qt(len(text)) == len(text.encode("utf-16-le")) // 2
