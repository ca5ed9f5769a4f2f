"""The number reader: digits, Arabic and English number words, fractions, vague words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsassert import strategies as nst
from newsassert.extract.numbers import find_numbers, fold, parse_number
from newsassert.extract.quantities import read_quantities
from newsassert.normalize import normalize_text

VALUES = [
    ("2,500", 2500),
    ("1.5", 1.5),
    ("٢٬٥٠٠", 2500),
    ("١٫٥ مليون", 1_500_000),
    ("1.5 مليون", 1_500_000),
    ("2,5 مليار", 2_500_000_000),
    ("2.5bn", 2_500_000_000),
    ("10k", 10_000),
    ("200 ألف", 200_000),
    ("3 آلاف", 3000),
    ("ثلاثة وعشرين", 23),
    ("واحد وعشرون", 21),
    ("مائة وخمسين", 150),
    ("ألفين وخمسمائة", 2500),
    ("ألف وخمسمائة", 1500),
    ("خمسة عشر", 15),
    ("خمس عشرة", 15),
    ("أحد عشر", 11),
    ("إحدى عشرة", 11),
    ("اثنا عشر", 12),
    ("اثني عشر", 12),
    ("مئة", 100),
    ("مائة", 100),
    ("ثلاثمائة", 300),
    ("ثلاثمئة", 300),
    ("ثلاث مائة", 300),
    ("أربعمائة وخمسة وعشرين", 425),
    ("ألفان", 2000),
    ("ألفين", 2000),
    ("ألفي", 2000),
    ("مئتي ألف", 200_000),
    ("مليونا", 2_000_000),
    ("مليوناً", 1_000_000),
    ("خمسة وعشرين ألفا", 25_000),
    ("أحد عشر ألفا", 11_000),
    ("ثلاثة آلاف وخمسمائة", 3500),
    ("ثلاثمائة ألف", 300_000),
    ("مليون و200 ألف", 1_200_000),
    ("الستين", 60),
    ("الستّين", 60),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاث", 3),
    ("ثلاثة", 3),
    ("اثنتين", 2),
    ("مليون ونصف", 1_500_000),
    ("مليونين ونصف", 2_500_000),
    ("نصف مليون", 500_000),
    ("ربع مليون", 250_000),
    ("ثلث", 1 / 3),
    ("ثلثي", 2 / 3),
    ("ثلاثة أرباع", 0.75),
    ("three", 3),
    ("Twenty-three", 23),
    ("twenty three", 23),
    ("one hundred and fifty", 150),
    ("two thousand five hundred", 2500),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a hundred", 100),
    ("two million", 2_000_000),
    ("2.5 million", 2_500_000),
    ("two and a half million", 2_500_000),
    ("a million and a half", 1_500_000),
    ("half a million", 500_000),
    ("a third", 1 / 3),
    ("two-thirds", 2 / 3),
    ("three quarters", 0.75),
]


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "first",
        "الأولى",
        "الثاني",
        "الثلاثاء",
        "الأربعاء",
        "أحد",
        "عشرات",
        "hundreds",
        "15:13",
        "27-1-2024",
        "2024/01/27",
        "24/7",
        "a few",
        "بضعة",
        "the",
        "ستة عشرات",
    ],
)
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("عشرات", 12, 99),
        ("العشرات", 12, 99),
        ("مئات", 100, 999),
        ("آلاف", 1000, 9999),
        ("الآلاف", 1000, 9999),
        ("عشرات الآلاف", 12_000, 99_999),
        ("مئات الآلاف", 100_000, 999_999),
        ("بضعة آلاف", 3000, 9999),
        ("dozens", 12, 99),
        ("scores", 40, 99),
        ("hundreds", 100, 999),
        ("thousands", 1000, 9999),
        ("tens of thousands", 12_000, 99_999),
        ("hundreds of thousands", 100_000, 999_999),
        ("several thousand", 3000, 9999),
    ],
)
def test_vague(text: str, low: float, high: float) -> None:
    (n,) = find_numbers(normalize_text(text))
    assert n.is_vague and (n.low, n.high) == (low, high)


def test_weak_words_are_marked() -> None:
    assert [n.weak for n in find_numbers("في آن واحد")] == [True]
    assert [n.weak for n in find_numbers("one of them")] == [True]
    assert [n.weak for n in find_numbers("واحد وعشرون")] == [False]


def test_spans_leave_out_prefixes_but_keep_the_article() -> None:
    text = "قتل وثلاثة والستين للستين"
    assert [text[n.start : n.end] for n in find_numbers(text)] == ["ثلاثة", "الستين", "لستين"]


def test_two_numbers_joined_by_wa_stay_two() -> None:
    assert [n.value for n in find_numbers("ثلاثة وأربعة")] == [3, 4]
    assert [n.value for n in find_numbers("7 و8")] == [7, 8]


def test_fold_maps_back_over_dropped_marks() -> None:
    text = "يوماً ستّين"
    folded = fold(text)
    assert folded.text == "يوما ستين"
    start = folded.text.index("ستين")
    assert text[slice(*folded.span(start, start + 4))] == "ستّين"


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789,. -و٫٬ثلاثةعشرونمليونألفhundredtwo%$\n")),
        max_size=60,
    )
)
def test_offsets_are_valid_and_nothing_escapes(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        # Only a minus sign glued to the number makes it negative.
        assert n.value >= 0 or text[n.start] == "-"


# ---------------------------------------------------------------------------
# Round trips from the strategies of issue 21: separators, negatives, fractions.
# ---------------------------------------------------------------------------


@given(nst.separated_numbers())
def test_separated_numbers_round_trip(drawn: tuple[str, float]) -> None:
    text, value = drawn
    assert parse_number(text) == pytest.approx(value, rel=1e-12), text


@given(nst.negative_numbers())
def test_negative_numbers_round_trip(drawn: tuple[str, float]) -> None:
    text, value = drawn
    assert parse_number(text) == pytest.approx(value, rel=1e-12), text


@given(nst.fraction_texts() | nst.fraction_texts(english=True))
def test_fractions_round_trip(drawn: tuple[str, float]) -> None:
    text, value = drawn
    assert parse_number(text) == pytest.approx(value, rel=1e-9), text


@given(nst.spoken_decimals() | nst.spoken_decimals(arabic=True))
def test_spoken_decimals_round_trip(drawn: tuple[str, float]) -> None:
    text, value = drawn
    assert parse_number(text) == pytest.approx(value, rel=1e-12), text


@given(nst.ordinal_texts() | nst.ordinal_texts(arabic=True))
def test_ordinals_round_trip(drawn: tuple[str, int]) -> None:
    # An ordinal is read whole, as its rank, and is no number of a count.
    text, rank = drawn
    found = find_numbers(normalize_text(text), ordinals=True)
    assert [(n.value, n.ordinal) for n in found] == [(rank, True)], text
    assert find_numbers(normalize_text(text)) == [], text


def test_number_strategies_check_their_options() -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="english must be True or False"):
        nst.fraction_texts(english="yes").example()  # type: ignore[arg-type]


@given(nst.rank_texts() | nst.rank_texts(arabic=True))
def test_ranks_round_trip(drawn: tuple[str, int, str]) -> None:
    # An ordinal beside the noun it numbers is one rank of that noun, never a count.
    text, rank, noun = drawn
    found = read_quantities(normalize_text(text))
    assert [(q.value, q.unit) for q in found] == [(rank, f"ordinal:{noun}")], text
