"""Quantity extraction: the data-driven corpus (tests/corpus/quantities), the
plugin on the seeds, and a Hypothesis round trip from known quantities."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsassert
from newsassert.extract.numbers import find_numbers
from newsassert.extract.quantities import Quantity, read_quantities
from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon
from newsassert.normalize import normalize_text

CORPUS = Path(__file__).parent / "corpus" / "quantities"

# Places and demonyms the corpus needs, so that it does not depend on the
# built-in place list (the lexicon plugin adds its own on top).
TEST_ENTRIES = (
    LexiconEntry("place", "Iraq", ("العراق", "Iraq")),
    LexiconEntry("place", "Syria", ("سوريا", "سورية", "Syria")),
    LexiconEntry("place", "Iran", ("إيران", "Iran")),
    LexiconEntry("place", "Gaza", ("غزة", "Gaza")),
    LexiconEntry("place", "Lebanon", ("لبنان", "Lebanon")),
    LexiconEntry("place", "United States", ("الولايات المتحدة", "United States", "US", "U.S.")),
    LexiconEntry("demonym", "American", ("أمريكي", "أميركي", "American"), "United States"),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return default_lexicon().extended(TEST_ENTRIES)


def corpus_cases() -> list[Any]:
    cases = []
    for path in sorted(CORPUS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            cases.append(pytest.param(case, id=f"{path.stem}-{i}"))
    return cases


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-9)
    return bool(expected == got)


def mismatches(case: dict[str, Any], found: list[Quantity], text: str) -> list[str]:
    problems = []
    expected = case["expect"]
    if len(found) != len(expected):
        problems.append(f"expected {len(expected)} quantities, found {len(found)}")
    for want, q in zip(expected, found, strict=False):
        got = {
            "text": text[q.start : q.end],
            "value": q.value,
            "qualifier": q.qualifier,
            "low": q.low,
            "high": q.high,
            "unit": q.unit,
            "place": q.place,
            "currency": q.currency,
        }
        for field, value in want.items():
            if not same(value, got[field]):
                problems.append(f"{field}: expected {value!r}, got {got[field]!r}")
    return problems


@pytest.mark.parametrize("case", corpus_cases())
def test_corpus(case: dict[str, Any], lexicon: Lexicon) -> None:
    text = normalize_text(case["text"])
    if "numbers" in case:
        # What the number reader finds, in order: a number case has no unit to read.
        values = [n.value for n in find_numbers(text)]
        assert len(values) == len(case["numbers"]), f"{case['text']}: {values}"
        assert all(same(a, b) for a, b in zip(case["numbers"], values, strict=True)), values
        return
    found = read_quantities(text, lexicon)
    problems = mismatches(case, found, text)
    assert not problems, f"{case['text']}\n" + "\n".join(problems) + f"\nfound: {found}"


def test_offsets_point_into_the_original_text() -> None:
    # Tatweel and bidi marks are dropped by normalization: offsets still map back.
    text = "قتل نحو ١٥٠ شخصـــاً\u200f في الهجوم"
    claims = [c for c in newsassert.extract(text) if c.kind == "quantity"]
    assert len(claims) == 1
    claim = claims[0]
    assert text[claim.start : claim.end] == claim.text
    assert claim.text.startswith("نحو ١٥٠")
    assert claim.unit == "person"


def test_seed_claims_end_to_end(seeds: Any) -> None:
    by_article = {}
    for article in seeds:
        by_article[article.id[:3]] = [
            (c.text, c.value, c.qualifier, c.unit) for c in article.claims if c.kind == "quantity"
        ]
    assert ("نحو 150 هجوماً", 150, "approx", "attack") in by_article["000"]
    assert ("about 150 attacks", 150, "approx", "attack") in by_article["000"]
    assert ("أكثر من 150 هجومًا", 150, "more_than", "attack") in by_article["002"]
    assert ("العشرات من الجنود", 12, "vague", "soldier") in by_article["004"]
    assert ("25 موقعاً", 25, "exact", "site") in by_article["004"]
    assert not any(text.endswith("1701") for text, *_ in by_article["004"])


# ---------------------------------------------------------------------------
# Round trip: a sentence made from a known quantity gives it back.
# ---------------------------------------------------------------------------

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

AR_ONES = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
AR_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
AR_HUNDREDS = [
    "",
    "مائة",
    "مائتان",
    "ثلاثمائة",
    "أربعمائة",
    "خمسمائة",
    "ستمائة",
    "سبعمائة",
    "ثمانمائة",
    "تسعمائة",
]
EN_ONES = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def arabic_words(n: int) -> str:
    """3..999 in Arabic words (masculine, nominative)."""
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(AR_HUNDREDS[hundreds])
    if rest:
        tens, ones = divmod(rest, 10)
        if rest < 10:
            parts.append(AR_ONES[ones])
        elif rest == 10:
            parts.append("عشرة")
        elif rest < 20:
            parts.append({11: "أحد عشر", 12: "اثنا عشر"}.get(rest, f"{AR_ONES[ones]} عشر"))
        elif ones:
            parts.append(f"{AR_ONES[ones]} و{AR_TENS[tens]}")
        else:
            parts.append(AR_TENS[tens])
    return " و".join(parts)


def english_words(n: int) -> str:
    """3..999 in English words."""
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{EN_ONES[hundreds]} hundred")
    if rest:
        words = (
            EN_ONES[rest]
            if rest < 20
            else EN_TENS[rest // 10] + ("-" + EN_ONES[rest % 10] if rest % 10 else "")
        )
        parts.append(words)
    return " and ".join(parts)


AR_HEDGES = {
    "exact": "",
    "approx": "نحو ",
    "more_than": "أكثر من ",
    "at_least": "ما لا يقل عن ",
    "less_than": "أقل من ",
    "at_most": "ما يصل إلى ",
}
EN_HEDGES = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "fewer than ",
    "at_most": "up to ",
}
AR_UNITS = {"soldier": "جندي", "attack": "هجوم", "rocket": "صاروخ", "person": "شخص"}
EN_UNITS = {"soldier": "soldiers", "attack": "attacks", "rocket": "rockets", "person": "people"}


@given(
    value=st.integers(min_value=3, max_value=999),
    lang=st.sampled_from(["ar", "en"]),
    script=st.sampled_from(["ascii", "arabic", "persian", "words"]),
    qualifier=st.sampled_from(sorted(AR_HEDGES)),
    unit=st.sampled_from(sorted(AR_UNITS)),
)
def test_round_trip(value: int, lang: str, script: str, qualifier: str, unit: str) -> None:
    if script == "words":
        number = arabic_words(value) if lang == "ar" else english_words(value)
    elif script == "ascii" or lang == "en":
        number = str(value)
    else:
        number = str(value).translate(ARABIC_DIGITS if script == "arabic" else PERSIAN_DIGITS)
    if lang == "ar":
        sentence = (
            f"وقالت المصادر إن {AR_HEDGES[qualifier]}{number} {AR_UNITS[unit]} شاركوا في العملية."
        )
    else:
        sentence = f"Officials said {EN_HEDGES[qualifier]}{number} {EN_UNITS[unit]} took part."
    found = read_quantities(normalize_text(sentence))
    assert [(q.value, q.qualifier, q.unit) for q in found] == [(value, qualifier, unit)], sentence


def test_a_rank_is_compared_only_with_ranks_of_the_same_noun() -> None:
    # "the third quarter" is not three quarters, and not the third round.
    from newsassert.units import UnitRelation, unit_relation

    assert unit_relation("ordinal:quarter", "ordinal:quarter") is UnitRelation.SAME
    assert unit_relation("ordinal:quarter", "quarter") is UnitRelation.NONE
    assert unit_relation("day", "ordinal:day") is UnitRelation.NONE
    assert unit_relation("ordinal:quarter", "ordinal:round") is UnitRelation.NONE


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Sales fell in the third quarter.", "third quarter"),
        ("تراجعت المبيعات في الربع الثالث.", "الربع الثالث"),
    ],
)
def test_ranks_are_queried_by_their_unit(text: str, rank: str) -> None:
    claims = newsassert.extract(text, published=None)
    found = [c for c in claims if c.kind == "quantity" and c.unit == "ordinal:quarter"]
    assert [(c.text, c.value) for c in found] == [(rank, 3)]
