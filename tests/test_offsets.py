"""The one offset map: each made text maps back to the characters it came from."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsassert.text.folded import Folded, fold
from newsassert.text.normalize import Normalized, normalize
from newsassert.text.offsets import OffsetMap, removing

MARKS = re.compile("[\u064b-\u0652]+")
# Letters, spaces, harakat, and characters the matching form removes or expands.
TEXTS = st.text(alphabet="بتثa b\u064b\u064e\u0651\u0640\u200f\ufdf2ـ١", max_size=40)


@given(TEXTS)
def test_each_kept_character_maps_back_to_itself(text: str) -> None:
    bare = removing(OffsetMap, text, MARKS)
    assert bare.text == MARKS.sub("", text)
    for i, ch in enumerate(bare.text):
        at = bare.source_offset(i)
        assert text[at] == ch
        assert bare.from_source(at) == i
    assert bare.source_offset(len(bare.text)) == len(text)


@given(TEXTS)
def test_a_span_keeps_the_marks_of_its_last_letter_and_to_source_does_not(text: str) -> None:
    bare = removing(OffsetMap, text, MARKS)
    n = len(bare.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            a, b = bare.to_source(start, end)
            assert MARKS.sub("", text[a:b]) == bare.text[start:end]
            assert not MARKS.fullmatch(text[b - 1])
            a2, b2 = bare.span(start, end)
            assert a2 == a and b2 >= b
            assert MARKS.sub("", text[a2:b2]) == bare.text[start:end]


def test_the_matching_form_and_the_fold_are_offset_maps() -> None:
    norm = normalize("قُتِلَ ١٥٠ ﷲ")
    assert isinstance(norm, Normalized) and isinstance(norm, OffsetMap)
    assert norm.original_span(*norm.to_original(0, len(norm.text))) == norm.original
    folded = fold(norm.text)
    assert isinstance(folded, Folded) and isinstance(folded, OffsetMap)
    assert folded.text == "قتل 150 الله"
    start = folded.text.index("150")
    a, b = folded.span(start, start + 3)
    assert norm.original_span(*norm.to_original(a, b)) == "١٥٠"
