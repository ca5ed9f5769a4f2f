from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsassert.normalize import key, normalize, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٢٥٠٠ جندي", "2500 جندي"),
        ("۱۲۳", "123"),
        ("٣٫٥٪ و١٬٠٠٠", "3.5% و1,000"),
        ("ی ک ھ ہ", "ي ك ه ه"),
        ("الـــعراق", "العراق"),
        ("a\u200fb\u200bc\u202bd", "abcd"),
        ("\ufef7\ufefb", "لألا"),
        ("\ufbfc", "ي"),  # a presentation form of FARSI YEH folds all the way to YEH
        ("“نجاح” «x» ‘y’", '"نجاح" "x" \'y\''),
        ("2014 – 2015 — x", "2014 - 2015 - x"),
        ("a\u00a0b", "a b"),
    ],
)
def test_matching_form(text: str, expected: str) -> None:
    assert normalize(text).text == expected
    assert normalize_text(text) == expected


def test_spans_map_back_to_the_original() -> None:
    original = "قتل ١٥٠ شخصـــاً في \ufdf2 الـعراق"
    norm = normalize(original)
    at = norm.text.index("150")
    assert norm.original_span(at, at + 3) == "١٥٠"
    at = norm.text.index("شخصاً")
    assert norm.original_span(at, at + len("شخصاً")) == "شخصـــاً"
    at = norm.text.index("الله")
    assert norm.original_span(at, at + 4) == "\ufdf2"
    assert norm.to_original(len(norm.text), len(norm.text)) == (len(original), len(original))


def test_key_folds_spelling_variants() -> None:
    assert key("أمريكا") == key("امريكا") == key("إمريكا") == key("آمريكا")
    assert key("الولايات المتحدة") == key("الولايات المتحده")
    assert key("مصطفى") == key("مصطفي")
    assert key("سیُصار") == key("سيصار")
    assert key("Al-Sudani") == key("AL-SUDANI")


def test_normalize_leaves_plain_text_alone() -> None:
    text = "انطلقت الجولة الأولى. The talks began."
    assert normalize(text).text == text


_SPECIAL = st.sampled_from(
    [
        *list(
            "٠١٢٣٤٥٦٧٨٩۰۹٫٬٪یکھہـ\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\ufeff\xad“”«»‘’–—\xa0"
        ),
        "ﷲ",
        "ﷺ",
        "ﻷ",
        "ﯼ",
        "ﹰ",
        "ﱞ",
        "𝟘",
        "x",
        "ع",
        " ",
    ]
)
_TEXT = st.one_of(
    st.text(), st.lists(st.one_of(_SPECIAL, st.text(max_size=3)), max_size=30).map("".join)
)


@given(_TEXT)
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert normalize(text).text == once


def _boundaries(norm) -> list[int]:  # type: ignore[no-untyped-def]
    # Offsets that do not cut through the expansion of one original character.
    n = len(norm.text)
    return [
        i
        for i in range(n + 1)
        if i in (0, n) or norm.original_offset(i) != norm.original_offset(i - 1)
    ]


@given(_TEXT, st.data())
def test_a_span_maps_back_to_original_text_that_normalizes_to_it(
    text: str, data: st.DataObject
) -> None:
    norm = normalize(text)
    points = _boundaries(norm)
    start = data.draw(st.sampled_from(points))
    end = data.draw(st.sampled_from([p for p in points if p >= start]))
    a, b = norm.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    assert normalize_text(text[a:b]) == norm.text[start:end]


@given(_TEXT)
def test_key_is_stable(text: str) -> None:
    assert key(text) == key(text)
    assert isinstance(key(text), str)
