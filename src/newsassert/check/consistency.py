"""Internal consistency: no two claims of one article conflict.

Every pair of the article's ``title`` and ``body`` claims of one kind is
compared (:func:`newsassert.compare.compare`); a ``CONFLICT`` fails the check.
With the built-in rules that means two people named to one single-holder
office of one country (an English summary naming Mustafa Al-Kadhimi prime
minister of Iraq under an Arabic text naming محمد شياع السوداني), or two
disjoint figures for one unit in one place. Two figures in the same sentence
are not compared: a sentence that gives two numbers for one thing is making a
comparison on purpose ("2,500 troops, down from 5,200").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from newsassert.check.values import describe
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import (
    CONFLICTING_KINDS,
    Comparison,
    builtin_compare,
    comparator,
    same_person,
)
from newsassert.model import Article, Claim, QuantityClaim, RoleClaim

__all__ = ["CHECKED_SECTIONS", "CHECK_NAME", "consistency", "consistency_check_name"]

CHECKED_SECTIONS = ("title", "body")
CHECK_NAME = "internal-consistency"


def consistency_check_name(article_id: str) -> str:
    """The name of an article's consistency check, in reports and baselines."""
    return f"{article_id}::{CHECK_NAME}"


def consistency(article: Article | Iterable[Claim]) -> Verdict:
    """Whether no two of an article's title and body claims conflict."""
    if isinstance(article, Article):
        name, claims = article.id, tuple(article.claims)
    else:
        claims = tuple(article)
        name = claims[0].article if claims else "the article"
    claims = tuple(c for c in claims if c.section in CHECKED_SECTIONS)
    pairs = _conflicts(claims)
    if not pairs:
        n = len(claims)
        return Verdict(
            check="consistency",
            holds=True,
            summary=f"no two of the {n} claims of {name} conflict"
            if n != 1
            else f"{name} has one claim",
        )
    partners: dict[str, list[Claim]] = {}
    for a, b in pairs:
        partners.setdefault(a.id, []).append(b)
        partners.setdefault(b.id, []).append(a)
    rows = tuple(
        Evidence(claim=c, value=describe(c), role="conflict", against=tuple(partners[c.id]))
        for c in claims
        if c.id in partners
    )
    topics = _topics(pairs)
    count = len(topics)
    summary = f"{count} conflict{'s' if count != 1 else ''} in {name}: " + "; ".join(
        f"{topic}: {' vs '.join(sides)}" for topic, sides in topics.items()
    )
    return Verdict(
        check="consistency",
        holds=False,
        summary=summary,
        evidence=rows,
        failures=tuple("conflict:" + ":".join(sorted((a.id, b.id))) for a, b in pairs),
    )


def _conflicts(claims: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    relate = comparator()
    if relate is builtin_compare:
        # Only these kinds can conflict under the built-in rules: skip the rest.
        claims = [c for c in claims if c.kind in CONFLICTING_KINDS]
    pairs = []
    for a, b in itertools.combinations(claims, 2):
        if a.kind != b.kind:
            continue
        if isinstance(a, QuantityClaim) and a.sentence == b.sentence and _near(a, b):
            continue
        if relate(a, b) is Comparison.CONFLICT:
            pairs.append((a, b))
    return pairs


def _near(a: Claim, b: Claim) -> bool:
    # The same sentence text, and within one sentence's length of each other.
    return abs(a.start - b.start) <= len(a.sentence)


def _topics(pairs: Sequence[tuple[Claim, Claim]]) -> dict[str, list[str]]:
    """The conflicts for a summary: one entry per office or figure, its sides once each."""
    topics: dict[str, list[Claim]] = {}
    for a, b in pairs:
        side = topics.setdefault(_topic(a), [])
        for claim in (a, b):
            if not any(_same_side(claim, other) for other in side):
                side.append(claim)
            else:
                # Keep the fullest spelling of each side, for the reader.
                for i, other in enumerate(side):
                    if _same_side(claim, other) and _fullness(claim) > _fullness(other):
                        side[i] = claim
    return {topic: [_side_label(c) for c in side] for topic, side in topics.items()}


def _topic(claim: Claim) -> str:
    if isinstance(claim, RoleClaim):
        return claim.title
    if isinstance(claim, QuantityClaim):
        where = f" in {claim.place}" if claim.place else ""
        return f"{claim.unit or claim.unit_text}{where}"
    return claim.kind


def _same_side(a: Claim, b: Claim) -> bool:
    if isinstance(a, RoleClaim) and isinstance(b, RoleClaim):
        return same_person(a.person, b.person)
    return describe(a) == describe(b)


def _fullness(claim: Claim) -> int:
    return len(claim.person.split()) if isinstance(claim, RoleClaim) else 0


def _side_label(claim: Claim) -> str:
    if isinstance(claim, RoleClaim):
        return claim.person
    if isinstance(claim, QuantityClaim):
        from newsassert.check.interval import Interval

        return str(Interval.of(claim))
    return describe(claim)
