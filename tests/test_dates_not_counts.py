"""A number the date reader reads as part of a date is no count (extraction as a whole)."""

from __future__ import annotations

import pytest

import newsassert


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
