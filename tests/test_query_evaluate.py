from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsassert import compile_query
from newsassert.errors import QueryError
from newsassert.lexicon import Lexicon, LexiconEntry
from newsassert.model import Claim, QuantityClaim, claim_from_dict
from newsassert.query import evaluate
from newsassert.selection import Selection

GIVEN = json.loads((Path(__file__).parent / "compliance" / "aliases.json").read_text("utf-8"))
CLAIMS: tuple[Claim, ...] = tuple(claim_from_dict(r) for r in GIVEN["given"])
LEXICON = Lexicon(
    [
        LexiconEntry(kind, canonical, tuple(forms))
        for kind, table in GIVEN["aliases"].items()
        for canonical, forms in table.items()
    ]
)


def ids(text: str, lexicon: Lexicon | None = LEXICON) -> list[str]:
    return [c.id for c in compile_query(text).evaluate(CLAIMS, lexicon)]


def test_aliases_come_from_the_lexicon_passed_in() -> None:
    assert ids("quantity where place = العراق") == ["q1", "q5"]
    assert ids("quantity where place = العراق", Lexicon([])) == []
    extra = LEXICON.extended([LexiconEntry("place", "Iraq", ("Mesopotamia",))])
    assert ids("quantity where place = Mesopotamia", extra) == ["q1", "q5"]


def test_a_query_keeps_one_predicate_per_lexicon() -> None:
    query = compile_query("quantity where unit = جنود")
    first = query.evaluate(CLAIMS, LEXICON)
    assert query.evaluate(CLAIMS, LEXICON) == first
    assert query.evaluate(CLAIMS, Lexicon([])) == ()


def test_matches_agrees_with_evaluate() -> None:
    query = compile_query("role where title = premier or country is null")
    assert [c for c in CLAIMS if query.matches(c, LEXICON)] == list(query.evaluate(CLAIMS, LEXICON))


def test_like_matches_person_names_across_scripts() -> None:
    assert ids('person where name like "Mohammed Shia al-Sudani"') == ["m1", "m5"]
    assert ids('role where person like "السوداني"') == ["r1"]
    assert ids('role where person like "Kadhimi"') == ["r3"]


def test_a_catastrophic_regex_is_stopped_at_the_same_cost_whatever_its_input() -> None:
    # (a|aa)+$ is exponential in the run of a's; stopped, it costs the same
    # CPU time at 5,000 and 20,000 (and a process spends no more CPU time than
    # the limit's wall time, so a loaded machine does not fail this).
    query = compile_query('quantity where sentence ~ "(a|aa)+$"')

    def cpu(length: int) -> float:
        claim = QuantityClaim(
            id="x", article="a", start=0, end=1, text="a", sentence="a" * length + "!", value=1.0
        )
        started = time.process_time()
        with pytest.raises(QueryError, match=r"took more than 0\.25 s") as raised:
            query.evaluate([claim], Lexicon([]))
        assert raised.value.position == len("quantity where sentence ~ ")
        return time.process_time() - started

    small, big = cpu(5000), cpu(20000)
    assert big < 4 * small + evaluate.REGEX_TIMEOUT, f"{small:.3f}s -> {big:.3f}s"


def test_all_searches_of_one_evaluation_share_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate, "REGEX_BUDGET", 0.0)
    query = compile_query('claim where text ~ "budget-test"')
    with pytest.raises(QueryError, match="in all; narrow the query"):
        query.evaluate(CLAIMS, LEXICON)


def test_selection_values_and_articles() -> None:
    selection = Selection(compile_query("claim where article = a2").evaluate(CLAIMS, LEXICON))
    assert selection.articles == ("a2",)
    assert selection.values()[:3] == (900, 2500, 50)
    stated = dict(zip((c.id for c in selection), selection.values(), strict=True))
    assert stated["d2"] == "2014" and stated["d3"] == "2024-01-25"
    assert stated["m4"] == "Yolanda Romanowski" and stated["r3"] == "Mustafa Al-Kadhimi"
    assert selection.values("unit")[:2] == ("soldier", "soldier")
    assert selection.values("title")[-1] == "ambassador"
    assert isinstance(selection[1:3], Selection) and len(selection[1:3]) == 2
    with pytest.raises(QueryError, match="unknown field 'untis'"):
        selection.values("untis")


def test_evaluation_errors_are_only_query_errors_for_odd_claim_values() -> None:
    odd = QuantityClaim(
        id="odd",
        article="a",
        start=0,
        end=1,
        text="x",
        value=1.0,
        unit="\x00\u202e",
        published="2024",
    )
    for text in (
        "quantity where unit = x",
        "quantity where published < 2024-01-01",
        'quantity where unit like "\u202e"',
        'quantity where unit ~ "."',
    ):
        compile_query(text).evaluate([odd], LEXICON)
