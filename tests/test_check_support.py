from __future__ import annotations

from claim_factories import date, mention, person, quantity, role
from newsassert.check import supported_by


def test_every_person_matched_across_scripts_is_supported() -> None:
    summary = [
        person("000", "Mohammed Shia Al-Sudani", lang="en"),
        person("000", "Lloyd J. Austin", lang="en"),
    ]
    sources = [person("001", "محمد شياع السوداني"), person("003", "لويد أوستن")]
    verdict = supported_by(summary, sources)
    assert verdict, verdict
    assert [row.role for row in verdict.evidence] == ["supported", "supported"]
    assert verdict.evidence[0].against == (sources[0],)


def test_unsupported_and_conflicting_people() -> None:
    kadhimi = person("000", "Mustafa Al-Kadhimi", lang="en")
    yolanda = person("000", "Yolanda Romanowski", lang="en")
    sudani = person("000", "Mohammed Shia Al-Sudani", lang="en")
    sources = [person("000", "محمد شياع السوداني"), person("000", "الينا رومانسكي")]
    verdict = supported_by([sudani, kadhimi, yolanda], sources)
    assert not verdict
    roles = {row.claim.name: row.role for row in verdict.evidence}
    assert roles == {
        "Mohammed Shia Al-Sudani": "supported",
        "Mustafa Al-Kadhimi": "unsupported",
        "Yolanda Romanowski": "conflict",
    }
    conflict = next(row for row in verdict.evidence if row.role == "conflict")
    assert conflict.against == (sources[1],)
    assert verdict.failures == tuple(
        sorted([f"unsupported:{kadhimi.id}", f"conflict:{yolanda.id}"])
    )
    assert verdict.summary == (
        "2 of 3 claims are not supported: Mustafa Al-Kadhimi (000) is unsupported; "
        "Yolanda Romanowski (000) conflicts with الينا رومانسكي"
    )


def test_a_surname_alone_is_not_a_conflict() -> None:
    verdict = supported_by([person("s", "Barzani", lang="en")], [person("a", "مسرور بارزاني")])
    assert verdict
    verdict = supported_by(
        [person("s", "Masoud Barzani", lang="en")], [person("a", "مسرور بارزاني")]
    )
    assert [row.role for row in verdict.evidence] == ["conflict"]


def test_quantities_need_the_same_unit_and_an_overlap() -> None:
    sources = [quantity("002", 150, "more_than", low=150, unit="attack")]
    assert supported_by([quantity("000", 150, "approx", low=135, high=165, unit="attack")], sources)
    assert not supported_by([quantity("000", 150, unit="rocket")], sources)
    assert not supported_by([quantity("000", 100, unit="attack")], sources)


def test_same_unit_and_place_with_a_disjoint_figure_is_a_conflict() -> None:
    sources = [quantity("002", 2500, place="Iraq"), quantity("002", 900, place="Syria")]
    verdict = supported_by([quantity("s", 900, place="Iraq", lang="en")], sources)
    assert [row.role for row in verdict.evidence] == ["conflict"]
    assert verdict.evidence[0].against == (sources[0],)
    # Without a place on either side, a different figure is only unsupported.
    verdict = supported_by([quantity("s", 900, lang="en")], [quantity("002", 2500)])
    assert [row.role for row in verdict.evidence] == ["unsupported"]


def test_dates_must_be_stated_as_precisely_by_the_source() -> None:
    assert supported_by([date("s", 2024, 1)], [date("a", 2024, 1, 25)])
    assert not supported_by([date("s", 2024, 1, 25)], [date("a", 2024, 1)])
    assert not supported_by([date("s", 2024, 1, 24)], [date("a", 2024, 1, 25)])


def test_roles_with_another_person_in_the_office_conflict() -> None:
    verdict = supported_by(
        [role("000", "Mustafa Al-Kadhimi", lang="en")], [role("001", "محمد شياع السوداني")]
    )
    assert [row.role for row in verdict.evidence] == ["conflict"]
    # Advisers are many: another adviser is not a contradiction.
    verdict = supported_by(
        [role("s", "Farhad Alaaldin", "adviser", lang="en")], [role("a", "فؤاد حسين", "adviser")]
    )
    assert [row.role for row in verdict.evidence] == ["unsupported"]


def test_organizations_by_entity() -> None:
    assert supported_by(
        [mention("s", "ISIS", entity="Islamic State", lang="en")],
        [mention("a", "داعش", entity="Islamic State")],
    )


def test_a_claim_does_not_support_itself() -> None:
    claim = person("000", "Mustafa Al-Kadhimi", lang="en")
    assert not supported_by([claim], [claim])


def test_an_empty_selection_holds() -> None:
    verdict = supported_by([], [person("a", "السوداني")])
    assert verdict
    assert "none needs support" in verdict.summary


def test_a_lower_case_name_is_supported_by_a_source_that_writes_it() -> None:
    # The source's sentence holds no mention of it (a capitalized run no rule
    # reads as a name), only a figure: the sentence writes the name out.
    sentence = "Crabbie's Grand National drew 70,000 people to Selhurst Park."
    source = quantity("a", 70000, unit="person", sentence=sentence, lang="en")
    for name in ("selhurst park", "crabbie"):
        summary = mention("s", name, "name", lang="en")
        assert supported_by([summary], [source]), name
    verdict = supported_by([mention("s", "moffat", "name", lang="en")], [source])
    assert [row.role for row in verdict.evidence] == ["unsupported"]
    # Only a lower-cased text's names: a capitalized one is compared as before.
    assert not supported_by([mention("s", "Selhurst Park", "place", lang="en")], [source])


def test_names_of_no_told_kind_in_cased_and_lower_cased_text() -> None:
    import newsassert

    source = newsassert.extract("Bueno played for Derby on loan during the 2010-11 campaign.")
    # The cased source's unknown word is a claim of its own: the summary's
    # lower-case name has a sentence that writes it.
    assert [(c.type, c.name) for c in source if c.kind == "mention"] == [("name", "Bueno")]
    assert supported_by(newsassert.extract("bueno played for derby on loan ."), source)
    verdict = supported_by(newsassert.extract("moffat played for derby on loan ."), source)
    assert [row.role for row in verdict.evidence] == ["unsupported"]
    # A capitalized one no source writes is listed aside, not failed.
    verdict = supported_by(newsassert.extract("Moffat played for Derby on loan."), source)
    assert verdict
    assert [row.role for row in verdict.evidence] == ["aside"]
