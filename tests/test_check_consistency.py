from __future__ import annotations

from claim_factories import quantity, role
from newsassert.check import consistency, consistency_check_name


def test_two_people_in_one_office_conflict() -> None:
    claims = [
        role("000", "محمد شياع السوداني", country=None),
        role("000", "محمد شياع السوداني"),
        role("000", "Mohammed Shia Al-Sudani", lang="en"),
        role("000", "Mustafa Al-Kadhimi", lang="en"),
        role("000", "الينا رومانسكي", "ambassador", None),
        role("000", "Yolanda Romanowski", "ambassador", None, lang="en"),
        role("000", "لويد ج. أوستن", "defense minister", "United States"),
    ]
    verdict = consistency(claims)
    assert not verdict
    assert verdict.summary == (
        "2 conflicts in 000: prime minister: محمد شياع السوداني vs Mustafa Al-Kadhimi; "
        "ambassador: الينا رومانسكي vs Yolanda Romanowski"
    )
    # Every pair is a failure key: the three Al-Sudani claims against Al-Kadhimi, and the ambassadors.
    assert len(verdict.failures) == 4
    conflicted = {row.claim.person for row in verdict.evidence}
    assert "لويد ج. أوستن" not in conflicted


def test_offices_of_different_countries_or_many_holders_do_not_conflict() -> None:
    claims = [
        role("a", "جو بايدن", "president", "United States"),
        role("a", "Recep Tayyip Erdogan", "president", "Turkey", lang="en"),
        role("a", "فرهاد علاء الدين", "adviser", "Iraq"),
        role("a", "فؤاد حسين", "adviser", "Iraq"),
    ]
    assert consistency(claims)


def test_disjoint_figures_for_one_place_conflict_unless_in_one_sentence() -> None:
    iraq = quantity("a", 2500, place="Iraq", sentence="2500 جندي في العراق")
    syria = quantity("a", 900, place="Syria", sentence="900 جندي في سوريا")
    other = quantity("a", 5200, place="Iraq", sentence="5200 جندي في العراق عام 2020")
    assert consistency([iraq, syria])
    verdict = consistency([iraq, syria, other])
    assert not verdict
    assert verdict.summary == "1 conflict in a: soldier in Iraq: 2,500 vs 5,200"
    # "2,500 troops, down from 5,200" compares on purpose.
    sentence = "2500 جندي في العراق بعد أن كانوا 5200"
    same = [
        quantity("a", 2500, place="Iraq", sentence=sentence, start=0),
        quantity("a", 5200, place="Iraq", sentence=sentence, start=30),
    ]
    assert consistency(same)


def test_unplaced_figures_never_conflict() -> None:
    assert consistency([quantity("a", 2500), quantity("a", 30, "vague", low=12, high=99)])


def test_only_title_and_body_claims_count() -> None:
    claims = [role("a", "محمد شياع السوداني"), role("a", "Nouri al-Maliki", section="boilerplate")]
    assert consistency(claims)


def test_check_name() -> None:
    assert consistency_check_name("000_x") == "000_x::internal-consistency"
