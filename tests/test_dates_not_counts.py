"""A number the date reader reads as part of a date is no count (extraction as a whole)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsassert
from claim_factories import date, quantity
from newsassert.extract import _counts_outside_dates
from newsassert.model import QuantityClaim


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The dialogue was held in Washington on August 7-8, 2023.", ["August 7-8, 2023"]),
        ("Talks ran from March 3 to 5 in Geneva.", ["March 3 to 5"]),
        ("The festival runs from 8 to 10 October.", ["8 to 10 October"]),
        ("عقد الحوار في واشنطن يومي 7 و 8 أغسطس 2023.", ["7", "8 أغسطس 2023"]),
        ("The dialogue was held on August 7 and 8, 2023.", ["August 7", "8, 2023"]),
    ],
)
def test_no_count_inside_a_date(text: str, dates: list[str]) -> None:
    claims = newsassert.extract(text)
    assert [c.text for c in claims if c.kind == "date"] == dates
    assert [c.text for c in claims if c.kind == "quantity"] == []


def test_counts_beside_dates_stay() -> None:
    claims = newsassert.extract("Between 2011 and 2014, 300 people died in 12 attacks.")
    assert [c.text for c in claims if c.kind == "quantity"] == ["300 people", "12 attacks"]
    assert [c.text for c in claims if c.kind == "date"] == ["Between 2011 and 2014"]


_SPANS = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda s: (s[0], s[0] + s[1]))


@given(
    st.lists(_SPANS, max_size=8),
    st.lists(st.tuples(_SPANS, st.booleans()), max_size=8),
)
def test_dropped_counts_are_those_a_walk_over_every_date_drops(
    dates: list[tuple[int, int]], counts: list[tuple[tuple[int, int], bool]]
) -> None:
    # The binary searches of _counts_outside_dates against the rule said plainly.
    claims = [date("a", 2024, 1, 1, start=s, end=e) for s, e in dates] + [
        quantity("a", 5, unit="soldier" if unit else None, start=s, end=e)
        for (s, e), unit in counts
    ]
    claims.sort(key=lambda c: (c.start, c.end, c.kind, c.id))

    def in_a_date(q: QuantityClaim) -> bool:
        for s, e in dates:
            if s < q.end and e > q.start and q.unit is None:
                return True
            if s <= q.start and q.end <= e and e - s > q.end - q.start:
                return True
        return False

    kept = [c for c in claims if not (isinstance(c, QuantityClaim) and in_a_date(c))]
    assert _counts_outside_dates(claims) == kept
