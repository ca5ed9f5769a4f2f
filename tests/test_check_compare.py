from __future__ import annotations

from collections.abc import Iterator

import pytest

from claim_factories import date, mention, person, quantity, role
from newsassert import plugins
from newsassert.check import consistency
from newsassert.compare import Comparison, builtin_compare, compare, states_name
from newsassert.hookspecs import hookimpl


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (quantity("a", 2500, place="Iraq"), quantity("b", 2500), Comparison.AGREE),
        (quantity("a", 2500, place="Iraq"), quantity("b", 900, place="Iraq"), Comparison.CONFLICT),
        (
            quantity("a", 2500, place="Iraq"),
            quantity("b", 900, place="Syria"),
            Comparison.UNRELATED,
        ),
        (quantity("a", 2500), quantity("b", 900), Comparison.UNRELATED),
        (
            quantity("a", 150, unit="attack"),
            quantity("b", 150, unit="rocket"),
            Comparison.UNRELATED,
        ),
        # A figure with no unit agrees with an equal figure with no unit (ages, scores).
        (quantity("a", 150, unit=None), quantity("b", 150, unit=None), Comparison.AGREE),
        (quantity("a", 48, unit=None), quantity("b", 48, unit="age"), Comparison.AGREE),
        (quantity("a", 150, unit=None), quantity("b", 151, unit=None), Comparison.UNRELATED),
        (quantity("a", 150, unit=None), quantity("b", 150), Comparison.UNRELATED),
        # Unit classes and lemmas (data/unit_classes.toml): never a conflict.
        (quantity("a", 4, unit="person"), quantity("b", 4, unit="protester"), Comparison.AGREE),
        (quantity("a", 4, unit="resident"), quantity("b", 4, unit="civilian"), Comparison.AGREE),
        (quantity("a", 4, unit="soldier"), quantity("b", 4, unit="civilian"), Comparison.UNRELATED),
        (quantity("a", 133, unit="tests"), quantity("b", 133, unit="test"), Comparison.AGREE),
        (
            quantity("a", 5, unit="person", place="Iraq"),
            quantity("b", 9, unit="civilian", place="Iraq"),
            Comparison.UNRELATED,
        ),
        (date("a", 2024, 1, 25), date("b", 2024, 1), Comparison.AGREE),
        (date("a", 2024, 1, 25), date("b", 2024, 1, 24), Comparison.UNRELATED),
        (person("a", "السوداني"), person("b", "Al-Sudani", lang="en"), Comparison.AGREE),
        (person("a", "السوداني"), mention("b", "السوداني", "place"), Comparison.UNRELATED),
        (role("a", "السوداني"), role("b", "Mustafa Al-Kadhimi"), Comparison.CONFLICT),
        (role("a", "السوداني"), role("b", "Mustafa Al-Kadhimi", country=None), Comparison.CONFLICT),
        (role("a", "السوداني"), role("b", "Recep Erdogan", country="Turkey"), Comparison.UNRELATED),
        (role("a", "X Y", "adviser"), role("b", "Z W", "adviser"), Comparison.UNRELATED),
        (role("a", "X Y"), quantity("b", 1), Comparison.UNRELATED),
    ],
)
def test_builtin_rules(a: object, b: object, expected: Comparison) -> None:
    assert builtin_compare(a, b) is expected  # type: ignore[arg-type]
    assert builtin_compare(b, a) is expected  # type: ignore[arg-type]


class _Strict:
    """A plugin that calls any two different figures a conflict."""

    @hookimpl
    def newsassert_compare(self, a: object, b: object) -> Comparison | None:
        if getattr(a, "kind", None) == "quantity" and getattr(a, "value", None) != getattr(
            b, "value", None
        ):
            return Comparison.CONFLICT
        return None


@pytest.fixture
def strict_plugin() -> Iterator[None]:
    plugins.register(_Strict(), name="strict-compare")
    yield
    plugins.unregister("strict-compare")


def test_the_hook_answers_first(strict_plugin: None) -> None:
    a, b = quantity("a", 2500), quantity("a", 900, start=900)
    assert compare(a, b) is Comparison.CONFLICT
    assert not consistency([a, b])
    # Where the plugin has no answer, the built-in rules decide.
    assert compare(role("a", "السوداني"), role("b", "Al-Sudani")) is Comparison.AGREE


def test_without_the_plugin_the_builtin_rules_decide() -> None:
    assert compare(quantity("a", 2500), quantity("a", 900, start=900)) is Comparison.UNRELATED


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # A state of people ("killed") and a kind of people count the same nine.
        (quantity("a", 9, unit="dead"), quantity("b", 9, unit="soldier"), Comparison.AGREE),
        (quantity("a", 9, unit="injured"), quantity("b", 9, unit="civilian"), Comparison.AGREE),
        (quantity("a", 9, unit="dead"), quantity("b", 9, unit="rocket"), Comparison.UNRELATED),
        # A figure without a unit against the same figure under a hedge.
        (
            quantity("a", 200, unit=None, sentence="مقتل 200 في هجمات السويداء", text="200"),
            quantity(
                "b", 200, "more_than", low=200, unit="dead",
                sentence="أكثر من 200 قتيل في هجمات السويداء", text="أكثر من 200 قتيل",
            ),
            Comparison.AGREE,
        ),
    ],
)  # fmt: skip
def test_unit_states_and_hedged_figures(a: object, b: object, expected: Comparison) -> None:
    assert builtin_compare(a, b) is expected  # type: ignore[arg-type]
    assert builtin_compare(b, a) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # A nationality counts people of any kind; two nationalities never match.
        (
            quantity("a", 300, unit="السوريين"),
            quantity("b", 300, unit="civilian"),
            Comparison.AGREE,
        ),
        (quantity("a", 7, unit="Palestinians"), quantity("b", 7, unit="dead"), Comparison.AGREE),
        (
            quantity("a", 7, unit="Palestinians"),
            quantity("b", 7, unit="Israelis"),
            Comparison.UNRELATED,
        ),
        (
            quantity("a", 7, unit="Palestinians"),
            quantity("b", 7, unit="rocket"),
            Comparison.UNRELATED,
        ),
    ],
)
def test_a_nationality_counts_people(a: object, b: object, expected: Comparison) -> None:
    assert builtin_compare(a, b) is expected  # type: ignore[arg-type]
    assert builtin_compare(b, a) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # The name written out, in any case, inside a longer name or a title.
        ("Iraqi officials said Izzat Ibrahim al-Douri had died.", "izzat ibrahim", True),
        ("the sacking of Managing Director Paul Downton.", "paul downton", True),
        # A full name by its surname standing alone, capitalized.
        ("Muir's time was her best.", "laura muir", True),
        ("Former Dons midfielder Sheerin, 39, has been manager.", "paul sheerin", True),
        # Not when another given name stands before the surname.
        ("Jane Muir said the race was hard.", "laura muir", False),
        # A capitalized one-word name is no evidence (it may be a common word).
        ("The moon was full.", "Moon", False),
        ("x Paul Downtons.", "paul downton", False),
        ("التقى الوزير محمد شياع السوداني الوفد.", "محمد شياع السوداني", True),
    ],
)
def test_a_sentence_states_a_name(sentence: str, name: str, expected: bool) -> None:
    assert states_name(sentence, name) is expected


def test_a_person_is_supported_by_a_sentence_that_names_it() -> None:
    a = person("s", "paul downton", lang="en")
    b = mention("a", "England Cricket", sentence="the sacking of Director Paul Downton.", lang="en")
    assert builtin_compare(a, b) is Comparison.AGREE
    c = mention("a", "England Cricket", sentence="the sacking of Director Ed Smith.", lang="en")
    assert builtin_compare(a, c) is Comparison.UNRELATED
