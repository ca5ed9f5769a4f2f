from __future__ import annotations

import math

import pytest

from claim_factories import date, mention, person, quantity, role
from newsassert.check import agree
from newsassert.check.interval import Interval
from newsassert.errors import ConfigError

# --- intervals --------------------------------------------------------------


def test_interval_of_hedges() -> None:
    assert Interval.of(quantity("a", 150, "approx", low=135, high=165)) == Interval(135, 165)
    # A one-sided hedge reaches to its magnitude bound (data/hedges.toml: 2).
    assert Interval.of(quantity("a", 150, "more_than", low=150)) == Interval(
        150, 300, low_open=True, high_soft=True
    )
    assert Interval.of(quantity("a", 150, "more_than", low=150), open_bound=math.inf) == Interval(
        150, math.inf, low_open=True
    )
    assert str(Interval.of(quantity("a", 150, "more_than", low=150))) == ">150"
    assert Interval.of(quantity("a", 150, "less_than", low=0, high=150)) == Interval(
        0, 150, high_open=True
    )
    assert Interval.of(quantity("a", 2500)) == Interval(2500, 2500)


def test_interval_defaults_when_bounds_are_missing() -> None:
    claim = quantity("a", 100, "approx")
    assert Interval.of(claim) == Interval(pytest.approx(90), pytest.approx(110))


def test_open_ends_touching_share_no_point() -> None:
    more = Interval.of(quantity("a", 150, "more_than", low=150))
    assert not more.overlaps(Interval(100, 150))
    assert more.overlaps(Interval(135, 165))
    assert str(more.intersect(Interval(135, 165))) == ">150–165"


def test_an_open_hedge_has_a_sense_of_magnitude() -> None:
    # "about 400" is not "more than 40"; "more than 22 million" is not "more than 500 million".
    assert not Interval.of(quantity("a", 40, "more_than", low=40)).overlaps(
        Interval.of(quantity("b", 400, "approx", low=360, high=440))
    )
    assert not Interval.of(quantity("a", 22e6, "more_than", low=22e6)).overlaps(
        Interval.of(quantity("b", 500e6, "more_than", low=500e6))
    )
    assert Interval.of(quantity("a", 150, "at_least", low=150)).overlaps(Interval(250, 250))


def test_values_are_exact() -> None:
    # 16.1 million is read as 16100000.000000002: the written digits count.
    assert Interval.of(quantity("a", 16.1 * 1e6)) == Interval(16_100_000, 16_100_000)
    assert Interval.of(quantity("a", 4.1 * 1e6)).overlaps(Interval(4_100_000, 4_100_000))


def test_tolerance_widens_relative_to_each_end() -> None:
    assert Interval(100, 100).widened(0.05) == Interval(95, 105)


@pytest.mark.parametrize(
    ("interval", "shown"),
    [
        (Interval(2500, 2500), "2,500"),
        (Interval(135, 165), "135–165"),
        (Interval(150, math.inf, low_open=True), ">150"),
        (Interval(150, math.inf), "≥150"),
        (Interval(0, 150, high_open=True), "<150"),
        (Interval(0, 150), "≤150"),
        (Interval(1.5, 1.5), "1.5"),
    ],
)
def test_interval_is_shown_compactly(interval: Interval, shown: str) -> None:
    assert str(interval) == shown


# --- quantities --------------------------------------------------------------


def test_hedged_figures_that_share_a_point_agree() -> None:
    about = quantity("000", 150, "approx", low=135, high=165, unit="attack")
    over = quantity("002", 150, "more_than", low=150, unit="attack")
    verdict = agree([about, over])
    assert verdict
    assert verdict.majority == ">150–165 attack"
    assert verdict.failures == ()
    assert "2 articles agree" in verdict.summary


def test_disjoint_figures_disagree_and_name_the_majority() -> None:
    claims = [
        quantity("002", 2500, place="Iraq"),
        quantity("004", 2500, place="Iraq", outlet="Sky"),
        quantity("005", 900, place="Iraq", lang="en", outlet="Wire"),
    ]
    verdict = agree(claims)
    assert not verdict
    assert verdict.majority == "2,500 soldier in Iraq"
    assert verdict.failures == (f"dissent:{claims[2].id}",)
    assert "005 (en, Wire) says 900 soldier in Iraq" in verdict.summary
    roles = [row.role for row in verdict.evidence]
    assert roles == ["agrees", "agrees", "dissent"]
    assert verdict.evidence[2].against == (claims[0], claims[1])


def test_every_claim_of_an_article_must_agree() -> None:
    # An article that states the majority value and another does not agree.
    claims = [
        quantity("a", 2500),
        quantity("b", 2500),
        quantity("b", 900),
    ]
    verdict = agree(claims)
    assert not verdict
    assert verdict.failures == (f"dissent:{claims[2].id}",)
    assert verdict.evidence[2].note == "its article also states the majority value"
    assert "2 articles state 2,500 soldier, but b" in verdict.summary


def test_tolerance_lets_near_figures_agree() -> None:
    claims = [quantity("a", 100), quantity("b", 104)]
    assert not agree(claims)
    assert agree(claims, tolerance=0.05)


def test_different_units_are_different_values() -> None:
    verdict = agree([quantity("a", 150, unit="attack"), quantity("b", 150, unit="rocket")])
    assert not verdict
    assert "no majority" in verdict.summary


def test_majority_is_by_articles_not_claims() -> None:
    claims = [
        quantity("a", 900),
        quantity("a", 900, start=500),
        quantity("b", 2500),
        quantity("c", 2500),
    ]
    verdict = agree(claims)
    assert verdict.majority == "2,500 soldier"
    assert len(verdict.failures) == 2


def test_min_sources() -> None:
    claims = [quantity("a", 2500), quantity("a", 2500, start=400)]
    verdict = agree(claims, min_sources=2)
    assert not verdict
    assert verdict.summary == "only 1 article states 2,500 soldier; the check needs 2"
    assert verdict.failures == ("sources:1<2",)
    assert agree(claims)


def test_nothing_selected_fails() -> None:
    verdict = agree([])
    assert not verdict
    assert "selected no claims" in verdict.summary


def test_mixed_kinds_fail_with_a_reason() -> None:
    verdict = agree([quantity("a", 1), date("b", 2024, 1, 25)])
    assert not verdict
    assert "mixes kinds (date, quantity)" in verdict.summary


@pytest.mark.parametrize(("tolerance", "min_sources"), [(-0.1, 1), (math.nan, 1), (0, -1)])
def test_bad_options_are_config_errors(tolerance: float, min_sources: int) -> None:
    with pytest.raises(ConfigError):
        agree([quantity("a", 1)], tolerance=tolerance, min_sources=min_sources)


# --- dates, roles, mentions ---------------------------------------------------


def test_dates_agree_on_the_same_day() -> None:
    assert agree([date("a", 2024, 1, 25), date("b", 2024, 1, 25)])
    verdict = agree([date("a", 2024, 1, 25), date("b", 2024, 1, 25), date("c", 2024, 1, 24)])
    assert not verdict
    assert verdict.majority == "2024-01-25"


def test_a_less_specific_date_does_not_contradict() -> None:
    verdict = agree([date("a", 2024, 1, 25), date("b", 2024, 1), date("c", 2024, 1, 25)])
    assert verdict
    assert verdict.majority == "2024-01-25"


def test_roles_agree_across_scripts() -> None:
    claims = [
        role("001", "محمد شياع السوداني"),
        role("004", "Mohammed Shia Al-Sudani", lang="en"),
        role("002", "السوداني"),
    ]
    verdict = agree(claims)
    assert verdict, verdict
    assert verdict.majority == "محمد شياع السوداني"


def test_roles_naming_another_person_dissent() -> None:
    claims = [
        role("000", "محمد شياع السوداني"),
        role("000", "Mustafa Al-Kadhimi", lang="en"),
        role("001", "محمد شياع السوداني"),
        role("004", "محمد شياع السوداني"),
    ]
    verdict = agree(claims)
    assert not verdict
    assert verdict.majority == "محمد شياع السوداني"
    dissent = [row for row in verdict.evidence if row.role == "dissent"]
    assert [row.claim.person for row in dissent] == ["Mustafa Al-Kadhimi"]
    assert "000 (en) says Mustafa Al-Kadhimi" in verdict.summary


def test_mentions_agree_on_the_same_entity() -> None:
    claims = [
        mention("a", "داعش", entity="Islamic State"),
        mention("b", "ISIS", entity="Islamic State", lang="en"),
    ]
    assert agree(claims)
    assert not agree([*claims, mention("c", "حماس", entity="Hamas")])
    assert agree([person("a", "قاسم سليماني"), person("b", "Qassem Soleimani", lang="en")])


# --- the verdict as evidence ---------------------------------------------------


def test_repr_is_the_evidence_table() -> None:
    claims = [
        role(
            "000",
            "Mustafa Al-Kadhimi",
            lang="en",
            sentence="Iraqi Prime Minister Mustafa Al-Kadhimi called for talks.",
        ),
        role(
            "001", "محمد شياع السوداني", sentence="بحضور رئيس الوزراء العراقي محمد شياع السوداني."
        ),
        role("004", "محمد شياع السوداني", sentence="قال رئيس الوزراء العراقي محمد شياع السوداني."),
    ]
    text = str(agree(claims))
    lines = text.splitlines()
    assert lines[0].startswith("agree FAILS: 2 of 3 articles state محمد شياع السوداني")
    # The dissent's row keeps its left-to-right value inline, the quote below.
    row = next(i for i, line in enumerate(lines) if "✗ dissent" in line)
    assert "000" in lines[row] and "Mustafa Al-Kadhimi (prime minister, Iraq)" in lines[row]
    assert lines[row + 1].strip() == "“Iraqi Prime Minister Mustafa Al-Kadhimi called for talks.”"
    # Arabic values and quotes are on lines of their own.
    arabic = [line.strip() for line in lines if "السوداني" in line and "agree" not in line]
    assert "محمد شياع السوداني (prime minister, Iraq)" in arabic
    assert "“بحضور رئيس الوزراء العراقي محمد شياع السوداني.”" in arabic
    assert "\x1b[" not in text
