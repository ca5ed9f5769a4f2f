from __future__ import annotations

import pytest

from claim_factories import date, person, quantity, role
from newsassert.check import count, distinct, none
from newsassert.errors import ConfigError


def test_count_claims_and_articles() -> None:
    claims = [quantity("a", 1), quantity("a", 2), quantity("b", 3)]
    assert count(claims, eq=3)
    assert count(claims, eq=2, of="articles")
    verdict = count(claims, max=2)
    assert not verdict
    assert verdict.summary == "3 claims, expected at most 2"
    assert verdict.failures == tuple(sorted(f"counted:{c.id}" for c in claims))
    verdict = count(claims, min=3, of="articles")
    assert verdict.summary == "2 articles, expected at least 3"
    assert verdict.failures == ("too-few-articles:2",)


@pytest.mark.parametrize(
    "bounds",
    [{}, {"min": -1}, {"max": 1.5}, {"eq": True}, {"min": 3, "max": 2}, {"min": 1, "of": "words"}],
)
def test_bad_bounds_are_config_errors(bounds: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        count([], **bounds)  # type: ignore[arg-type]


def test_none_lists_what_it_found() -> None:
    assert none([])
    claim = person("000", "Mustafa Al-Kadhimi", lang="en")
    verdict = none([claim])
    assert not verdict
    assert verdict.failures == (f"found:{claim.id}",)
    assert verdict.summary == "1 claim found, expected none"


def test_distinct_values_by_kind() -> None:
    roles = [
        role("000", "محمد شياع السوداني"),
        role("001", "Mohammed Shia Al-Sudani", lang="en"),
        role("000", "Mustafa Al-Kadhimi", lang="en"),
    ]
    verdict = distinct(roles, max=1)
    assert not verdict
    assert verdict.summary.startswith("2 distinct values")
    assert distinct(roles, eq=2)
    assert distinct([date("a", 2024, 1, 25), date("b", 2024, 1, 25), date("c", 2024, 1, 24)], eq=2)
    assert distinct(
        [quantity("a", 2500), quantity("b", 2500), quantity("c", 2500, unit="rocket")], eq=2
    )


def test_distinct_by_field() -> None:
    claims = [
        quantity("a", 1, place="Iraq"),
        quantity("b", 2, place="iraq"),
        quantity("c", 3, place=None),
        quantity("d", 4, place="Syria"),
    ]
    verdict = distinct(claims, eq=2, field="place")
    assert verdict, verdict
    assert [row.role for row in verdict.evidence].count("aside") == 1
    with pytest.raises(ConfigError, match="'colour' is not a field of quantity claims"):
        distinct(claims, eq=1, field="colour")
