from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newsassert
from claim_factories import use_toy_extractor, write_toy_corpus
from newsassert import plugins
from newsassert.check.auto import builtin_checks, quote
from newsassert.corpus import Corpus


@pytest.fixture
def toy(tmp_path: Path) -> Iterator[Corpus]:
    use_toy_extractor()
    yield newsassert.load(write_toy_corpus(tmp_path / "corpus"))
    plugins.reset()


def test_builtin_checks_of_the_toy_corpus(toy: Corpus) -> None:
    results = {r.name: r for r in builtin_checks(toy)}
    assert list(results) == [
        "a::internal-consistency",
        "b::internal-consistency",
        "c::internal-consistency",
        "agree: soldier in Iraq",
        "agree: attack (no place)",
        "agree: prime minister of Iraq",
    ]
    status = {name: r.status for name, r in results.items()}
    assert status == {
        "a::internal-consistency": "passed",
        "b::internal-consistency": "failed",
        "c::internal-consistency": "passed",
        "agree: soldier in Iraq": "passed",
        "agree: attack (no place)": "passed",
        "agree: prime minister of Iraq": "failed",
    }
    pm = results["agree: prime minister of Iraq"].verdict
    assert pm.majority == "Mohammed Shia Al-Sudani"
    assert [row.claim.person for row in pm.evidence if row.role == "dissent"] == [
        "Mustafa Al-Kadhimi"
    ]
    # Syria has one article only: nothing to agree on.
    assert not any("Syria" in name for name in results)


def test_each_query_selects_what_its_check_compared(toy: Corpus) -> None:
    for result in builtin_checks(toy):
        if result.expect != "agree":
            continue
        selected = {c.id for c in toy.query(result.query)}
        compared = {row.claim.id for row in result.verdict.evidence}
        assert compared <= selected, result.name


def test_a_figure_without_a_place_joins_the_group_it_agrees_with(tmp_path: Path) -> None:
    use_toy_extractor()
    try:
        folder = tmp_path / "c"
        folder.mkdir()
        (folder / "x.txt").write_text("We saw 2500 troops in Iraq and 900 troops in Syria.\n")
        (folder / "y.txt").write_text("Some 2500 troops stay; 40 troops were hurt.\n")
        (folder / "z.txt").write_text("About 900 troops in Syria remain.\n")
        results = {r.name: r for r in builtin_checks(newsassert.load(folder))}
        iraq = results["agree: soldier in Iraq"]
        assert iraq.status == "passed"
        assert sorted(row.claim.article for row in iraq.verdict.evidence) == ["x", "y"]
        # The 40 wounded agree with no group and have no partner: not reported.
        assert "agree: soldier (no place)" not in results
    finally:
        plugins.reset()


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("Iraq", "Iraq"),
        ("prime minister", '"prime minister"'),
        ("العراق", '"العراق"'),
        ('a "b"', '"a \\"b\\""'),
        ("000_4c14", '"000_4c14"'),
    ],
)
def test_quote(value: str, quoted: str) -> None:
    assert quote(value) == quoted


def test_an_office_without_a_country_takes_the_corpus_country(tmp_path: Path) -> None:
    # Two articles name a prime minister without a country, a third names an
    # Iraqi one: the corpus makes the country clear, so all three are compared.
    # (People no alias data links to a country: the corpus alone tells it.)
    (tmp_path / "a.txt").write_text("Prime Minister Samir Haddad met the envoy.\n")
    (tmp_path / "b.txt").write_text("Prime Minister Samir Haddad spoke on Monday.\n")
    (tmp_path / "c.txt").write_text("Iraqi Prime Minister Karim Nouri met the envoy.\n")
    results = builtin_checks(newsassert.load(tmp_path))
    office = [r for r in results if r.name.startswith("agree: prime minister")]
    assert len(office) == 1 and not office[0].verdict
    assert "Karim Nouri" in office[0].verdict.summary
    assert "country is null" in office[0].query


def test_an_office_without_a_country_takes_its_holders_country(tmp_path: Path) -> None:
    # The leaders' data links al-Sudani to Iraq: his office without a stated
    # country is Iraq's, and compared with Al-Kadhimi's.
    (tmp_path / "a.txt").write_text("Prime Minister Mohammed Shia al-Sudani met the envoy.\n")
    (tmp_path / "b.txt").write_text("رئيس الوزراء محمد شياع السوداني التقى المبعوث.\n")
    (tmp_path / "c.txt").write_text("Iraqi Prime Minister Mustafa Al-Kadhimi met the envoy.\n")
    results = builtin_checks(newsassert.load(tmp_path))
    office = [r for r in results if r.name.startswith("agree: prime minister")]
    assert [r.name for r in office] == ["agree: prime minister of Iraq"]
    assert not office[0].verdict and "Al-Kadhimi" in office[0].verdict.summary
