"""What a generated text states: the expected claims, and how extracted claims are matched to them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar, TypeAlias

import attrs

from newsassert.model import (
    MENTION_TYPES,
    QUALIFIERS,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
)
from newsassert.text.normalize import key


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _section_fits(expected: str, found: str) -> bool:
    # The title counts as body everywhere checks look (PRODUCT.md).
    return found == expected or (expected == "body" and found == "title")


@attrs.frozen
class ExpectedQuantity:
    """A quantity a generated text states.

    ``value`` is ``None`` for vague quantities (``عشرات``, ``dozens``), which
    state only an interval. ``phrase`` is the generated expression (hedge,
    number, noun, place) as it appears in the text.
    """

    kind: ClassVar[str] = "quantity"

    value: float | None
    qualifier: str = attrs.field(validator=attrs.validators.in_(QUALIFIERS))
    low: float | None
    high: float | None
    unit: str | None
    place: str | None = None
    phrase: str = ""
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        """Whether ``claim`` is this quantity (value fields and section)."""
        return (
            isinstance(claim, QuantityClaim)
            and (self.value is None or _close(claim.value, self.value))
            and claim.qualifier == self.qualifier
            and _close(claim.low, self.low)
            and _close(claim.high, self.high)
            and claim.unit == self.unit
            and claim.place == self.place
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedDate:
    """A date a generated text states, as complete as the text gives it."""

    kind: ClassVar[str] = "date"

    year: int | None
    month: int | None
    day: int | None
    phrase: str = ""
    section: str = "body"

    @property
    def resolved(self) -> str | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def matches(self, claim: Claim) -> bool:
        return (
            isinstance(claim, DateClaim)
            and (claim.year, claim.month, claim.day) == (self.year, self.month, self.day)
            and claim.resolved == self.resolved
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedRole:
    """A person holding an office: canonical title and country, the name as written."""

    kind: ClassVar[str] = "role"

    title: str
    country: str | None
    person: str
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        return (
            isinstance(claim, RoleClaim)
            and claim.title == self.title
            and claim.country == self.country
            and key(claim.person) == key(self.person)
            and _section_fits(self.section, claim.section)
        )


@attrs.frozen
class ExpectedMention:
    """A person or place named in a generated text.

    A person is matched by its name as written; a place by its canonical
    English ``entity``.
    """

    kind: ClassVar[str] = "mention"

    type: str = attrs.field(validator=attrs.validators.in_(MENTION_TYPES))
    name: str
    entity: str | None = None
    section: str = "body"

    def matches(self, claim: Claim) -> bool:
        if not isinstance(claim, MentionClaim) or claim.type != self.type:
            return False
        if not _section_fits(self.section, claim.section):
            return False
        if self.type == "person":
            return key(claim.name) == key(self.name)
        return claim.entity == self.entity


ExpectedClaim: TypeAlias = ExpectedQuantity | ExpectedDate | ExpectedRole | ExpectedMention


def interval(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """The interval a hedged value asserts (PRODUCT.md's defaults; ``None`` is unbounded)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        return value * 0.9, value * 1.1
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return 0.0, value
    raise ValueError(f"no default interval for qualifier {qualifier!r}")


def match_claims(
    expected: Sequence[ExpectedClaim],
    claims: Sequence[Claim],
    *,
    strict: Sequence[str] = ("quantity", "date", "role"),
) -> tuple[tuple[ExpectedClaim, ...], tuple[Claim, ...]]:
    """Pair expected claims with extracted ones: ``(missing, unexpected)``.

    Each extracted claim answers at most one expectation. ``unexpected`` lists
    the extracted claims of the ``strict`` kinds that no expectation asked
    for; mentions are checked for recall only by default, since titles and
    frames may name places the generator did not mean as claims.
    """
    free = list(claims)
    missing: list[ExpectedClaim] = []
    for want in expected:
        for i, claim in enumerate(free):
            if want.matches(claim):
                del free[i]
                break
        else:
            missing.append(want)
    unexpected = tuple(c for c in free if c.kind in strict)
    return tuple(missing), unexpected
