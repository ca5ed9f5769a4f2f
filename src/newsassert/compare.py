"""How two claims relate: the answer of the ``newsassert_compare`` hook.

:func:`compare` asks the plugins first (a model-based backend can decide any
pair) and falls back to newsassert's own rules, :func:`builtin_compare`:

- quantities agree when they count the same unit, their places do not differ
  and their intervals share a point; they conflict when, in addition, both
  name the same place and the intervals are disjoint (without a place two
  figures may count different things, so they are only unrelated);
- dates agree when every field both give (year, month, day) is equal;
- mentions agree when they name the same entity (same canonical entity, same
  key, or for persons cross-script name matching);
- roles with the same title and a compatible country (equal, or one not
  stated) agree when they name the same person, and conflict when they name
  different people and the office has one holder at a time (see
  ``data/offices.toml``).

Claims of different kinds are unrelated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from newsassert.lexicon import default_lexicon
from newsassert.model import (
    Claim,
    Comparison,
    DateClaim,
    Interval,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    date_fields,
)
from newsassert.plugins import plugin_manager
from newsassert.text.data import read_data

__all__ = [
    "CONFLICTING_KINDS",
    "Comparison",
    "builtin_compare",
    "comparator",
    "compare",
    "countries_compatible",
    "date_fields",
    "names_match",
    "same_person",
    "same_place",
    "same_unit",
    "single_holder",
]


def compare(a: Claim, b: Claim) -> Comparison:
    """How ``a`` and ``b`` relate: the first plugin's answer, else the built-in rules."""
    answer: Comparison | None = plugin_manager().hook.newsassert_compare(a=a, b=b)
    return answer if answer is not None else builtin_compare(a, b)


def comparator() -> Callable[[Claim, Claim], Comparison]:
    """:func:`compare`, or :func:`builtin_compare` itself when no plugin implements the hook.

    For checks that compare many pairs: the plugin manager is asked once.
    """
    return compare if plugin_manager().hook.newsassert_compare.get_hookimpls() else builtin_compare


# Kinds whose pairs the built-in rules can find in conflict.
CONFLICTING_KINDS = ("quantity", "role")


def builtin_compare(a: Claim, b: Claim) -> Comparison:
    """newsassert's own rules for a pair of claims (see the module docstring)."""
    if a.kind != b.kind:
        return Comparison.UNRELATED
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        return _compare_quantities(a, b)
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        return _compare_dates(a, b)
    if isinstance(a, MentionClaim) and isinstance(b, MentionClaim):
        return Comparison.AGREE if same_entity(a, b) else Comparison.UNRELATED
    if isinstance(a, RoleClaim) and isinstance(b, RoleClaim):
        return _compare_roles(a, b)
    return Comparison.UNRELATED


def _compare_quantities(a: QuantityClaim, b: QuantityClaim) -> Comparison:
    if not same_unit(a.unit, b.unit):
        return Comparison.UNRELATED
    if a.place and b.place and not same_place(a.place, b.place):
        return Comparison.UNRELATED
    if Interval.of(a).overlaps(Interval.of(b)):
        return Comparison.AGREE
    if a.place and b.place:
        return Comparison.CONFLICT
    return Comparison.UNRELATED


def _compare_dates(a: DateClaim, b: DateClaim) -> Comparison:
    shared = [(x, y) for x, y in zip(date_fields(a), date_fields(b), strict=True) if x and y]
    if shared and all(x == y for x, y in shared):
        return Comparison.AGREE
    return Comparison.UNRELATED


def _compare_roles(a: RoleClaim, b: RoleClaim) -> Comparison:
    if _fold(a.title) != _fold(b.title) or not countries_compatible(a.country, b.country):
        return Comparison.UNRELATED
    if same_person(a.person, b.person):
        return Comparison.AGREE
    return Comparison.CONFLICT if single_holder(a.title) else Comparison.UNRELATED


# ---------------------------------------------------------------------------
# The pieces, shared by the checks.
# ---------------------------------------------------------------------------


def same_unit(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return _fold(a) == _fold(b) or _lexicon_same("unit", a, b)


def same_place(a: str, b: str) -> bool:
    return _fold(a) == _fold(b) or _lexicon_same("place", a, b)


def countries_compatible(a: str | None, b: str | None) -> bool:
    """Equal countries, or one of them not stated."""
    return a is None or b is None or same_place(a, b)


def same_entity(a: MentionClaim, b: MentionClaim) -> bool:
    """Whether two mentions name the same person, organization or place."""
    if a.type != b.type:
        return False
    if a.entity and b.entity:
        return _fold(a.entity) == _fold(b.entity)
    if a.key and a.key == b.key:
        return True
    if a.type == "person":
        return same_person(a.name, b.name)
    return _lexicon_same(a.type, a.name, b.name)


def same_person(a: str, b: str) -> bool:
    """Whether two written names name one person (cross-script, surname alone allowed)."""
    return names_match(a, b)


def names_match(a: str, b: str) -> bool:
    """:func:`newsassert.names.names_match`, imported when first needed."""
    from newsassert.names import names_match as match

    return bool(match(a, b))


def single_holder(title: str) -> bool:
    """Whether one person holds the office ``title`` at a time in one country."""
    return _fold(title) in _single_holder_titles()


@functools.cache
def _single_holder_titles() -> frozenset[str]:
    return frozenset(_fold(t) for t in read_data("offices.toml")["single_holder"])


def _lexicon_same(kind: str, a: str, b: str) -> bool:
    return default_lexicon().same(kind, a, b)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())
