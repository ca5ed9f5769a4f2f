"""The checks on the seeds, as the product brief judges them.

These run on the real extractors. Each test is skipped, saying so, while the
extractor it depends on is not in place yet (the kind has no claims at all in
the seeds); once it is, the test must pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsassert.check import consistency
from newsassert.check.auto import builtin_checks
from newsassert.cli import main
from newsassert.corpus import Corpus
from newsassert.names import names_match

ARABIC_PM = "محمد شياع السوداني"
IDS = {
    "000": "000_4c148d8a33c5d998",
    "001": "001_0c47c0a1c8d85d33",
    "002": "002_ab8256f9fa7ad429",
    "003": "003_c8c07972d2a5d857",
    "004": "004_987e725a71a5c5d0",
}


def _articles(selection: object) -> set[str]:
    return {row.claim.article[:3] for row in getattr(selection, "evidence", ())}


def test_troops_in_iraq_agree(seeds: Corpus) -> None:
    verdict = seeds.query("quantity where unit = soldier and value > 1000").agree(min_sources=2)
    assert verdict, verdict
    assert {
        c.article[:3] for c in seeds.query("quantity where unit = soldier and value > 1000")
    } == {
        "002",
        "004",
    }
    assert {row.claim.value for row in verdict.evidence} == {2500}  # type: ignore[attr-defined]


def test_troops_in_syria_agree(seeds: Corpus) -> None:
    selection = seeds.query("quantity where unit = soldier and place = Syria")
    verdict = selection.agree(min_sources=2)
    assert verdict, verdict
    assert set(a[:3] for a in selection.articles) == {"002", "003"}


def test_attacks_since_october_agree(seeds: Corpus) -> None:
    selection = seeds.query("quantity where unit = attack")
    verdict = selection.agree(min_sources=2)
    assert verdict, verdict
    assert {"000", "002"} <= {a[:3] for a in selection.articles}
    qualifiers = {(c.article[:3], c.lang, c.qualifier) for c in selection}
    assert ("000", "ar", "approx") in qualifiers
    assert ("002", "ar", "more_than") in qualifiers


def test_prime_minister_does_not_agree(seeds: Corpus) -> None:
    verdict = seeds.query('role where title = "prime minister"').agree()
    assert not verdict
    assert verdict.majority is not None and names_match(verdict.majority, ARABIC_PM)
    dissent = [row.claim for row in verdict.evidence if row.role == "dissent"]
    assert dissent, verdict
    for claim in dissent:
        assert (claim.article, claim.lang) == (IDS["000"], "en")
        assert names_match(claim.person, "Mustafa Al-Kadhimi")
    assert "Mustafa Al-Kadhimi" in verdict.summary
    assert "Mustafa Al-Kadhimi" in str(verdict)


def test_english_persons_of_000_are_not_all_supported(seeds: Corpus) -> None:
    english = seeds.query(f'person where article = "{IDS["000"]}" and lang = en')
    arabic = seeds.query(f'person where article = "{IDS["000"]}" and lang = ar')
    verdict = english.supported_by(arabic)
    assert not verdict
    roles = {row.claim.name: row for row in verdict.evidence}
    kadhimi = [row for name, row in roles.items() if names_match(name, "Mustafa Al-Kadhimi")]
    assert kadhimi and all(row.role == "unsupported" for row in kadhimi), verdict
    yolanda = roles["Yolanda Romanowski"]
    assert yolanda.role == "conflict"
    assert any(names_match(c.name, "الينا رومانسكي") for c in yolanda.against)  # type: ignore[attr-defined]
    sudani = [row for name, row in roles.items() if names_match(name, "Mohammed Shia Al-Sudani")]
    assert sudani and all(row.role == "supported" for row in sudani), verdict


def test_000_is_inconsistent_and_the_others_are_not(seeds: Corpus) -> None:
    verdicts = {a.id[:3]: consistency(a) for a in seeds}
    assert not verdicts["000"]
    assert "prime minister" in verdicts["000"].summary
    assert "ambassador" in verdicts["000"].summary
    for key in ("001", "002", "003", "004"):
        assert verdicts[key], verdicts[key]


def test_builtin_checks_of_the_seeds(seeds: Corpus) -> None:
    results = {r.name: r for r in builtin_checks(seeds)}
    status = {name: r.status for name, r in results.items()}
    assert status[f"{IDS['000']}::internal-consistency"] == "failed"
    for key in ("001", "002", "003", "004"):
        assert status[f"{IDS[key]}::internal-consistency"] == "passed"
    assert status["agree: soldier in Iraq"] == "passed"
    assert _articles(results["agree: soldier in Iraq"].verdict) == {"002", "004"}
    assert status["agree: soldier in Syria"] == "passed"
    assert _articles(results["agree: soldier in Syria"].verdict) == {"002", "003"}
    attacks = [r for name, r in results.items() if name.startswith("agree: attack")]
    assert any(r.status == "passed" and {"000", "002"} <= _articles(r.verdict) for r in attacks), (
        attacks
    )
    assert status["agree: prime minister of Iraq"] == "failed"


def test_newsassert_check_seeds(
    seeds: Corpus, seeds_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(seeds_path)]) == 1
    out = capsys.readouterr().out
    conflicts, _, agreements = out.partition("Agreements (")
    assert "agree: prime minister of Iraq" in conflicts
    assert "Mustafa Al-Kadhimi" in conflicts
    assert "agree: soldier in Iraq" in agreements
    assert "agree: soldier in Syria" in agreements
