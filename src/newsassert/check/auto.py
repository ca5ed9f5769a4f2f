"""The built-in checks of ``newsassert check``, run when no check file is given.

1. **Internal consistency** of every article (:func:`consistency`).
2. **Quantities** that at least two articles state about the same unit and
   place agree (:func:`agree`): the claims are grouped by unit and place. A
   figure whose clause names no place joins the one group of its unit that it
   agrees with (``2500 جندي`` beside ``2500 جندي … في العراق``); it joins none
   when it agrees with no group or with several. Figures without a place that
   join no group are reported only where at least two articles agree on them:
   without a place, two different numbers of one unit are as likely to count
   different things (wounded soldiers, deployed soldiers) as to contradict each
   other, so they are never reported as a conflict.
3. **Offices** that at least two articles fill (:func:`agree` on the person):
   role claims grouped by title and country, for offices one person holds at
   a time (``data/offices.toml``). A role without a country takes the
   country when the corpus makes it clear: when every role of its title that
   names a country names the same one (two articles name "رئيس الوزراء"
   without a country, a third "Iraqi Prime Minister": all three are compared).
   When the corpus names several countries for the title, a role without one
   joins the one group it agrees with, as above, and roles without a country
   that join none are reported only where they agree (two presidents without
   a country are likely presidents of two countries).

Dates are not compared: an article's dates belong to different events (the
talks, the strike, the war), and nothing in a date claim says which event it
dates, so grouping them would compare unrelated things. Write a check for a
date you expect the sources to share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from newsassert.check.agree import agree, consensus
from newsassert.check.consistency import CHECKED_SECTIONS, consistency, consistency_check_name
from newsassert.check.verdict import CheckResult, Verdict
from newsassert.compare import single_holder
from newsassert.model import Article, Claim, QuantityClaim, RoleClaim

__all__ = ["builtin_checks", "quote"]

C = TypeVar("C", bound=Claim)


@attrs.frozen
class _Group:
    name: str
    query: str
    claims: tuple[Claim, ...]


def builtin_checks(corpus: Iterable[Article]) -> list[CheckResult]:
    """Consistency of each article, then agreement on quantities and offices."""
    results = [
        CheckResult.of(
            consistency_check_name(article.id),
            f"claim where article = {quote(article.id)}",
            "consistency",
            consistency(article),
        )
        for article in corpus
    ]
    claims = [c for a in corpus for c in a.claims if c.section in CHECKED_SECTIONS]
    quantities = [c for c in claims if isinstance(c, QuantityClaim) and c.unit]
    roles = [c for c in claims if isinstance(c, RoleClaim) and single_holder(c.title)]
    for group in (*_quantity_groups(quantities), *_role_groups(roles)):
        verdict = _with_query(agree(group.claims, min_sources=2), group.query)
        results.append(CheckResult.of(group.name, group.query, "agree", verdict))
    return results


def _quantity_groups(claims: Sequence[QuantityClaim]) -> list[_Group]:
    def located(claim: QuantityClaim) -> str | None:
        return claim.place

    def named(unit: str, place: str | None) -> tuple[str, str]:
        if place is None:
            return (
                f"agree: {unit} (no place)",
                f"quantity where unit = {quote(unit)} and place is null",
            )
        return (
            f"agree: {unit} in {place}",
            f"quantity where unit = {quote(unit)} and place = {quote(place)}",
        )

    return _groups(claims, lambda c: c.unit or "", located, named)


def _role_groups(claims: Sequence[RoleClaim]) -> list[_Group]:
    def located(claim: RoleClaim) -> str | None:
        return claim.country

    def named(title: str, country: str | None, with_unstated: bool = False) -> tuple[str, str]:
        if country is None:
            return f"agree: {title}", f"role where title = {quote(title)} and country is null"
        where = f"country = {quote(country)}"
        if with_unstated:
            where = f"({where} or country is null)"
        return f"agree: {title} of {country}", f"role where title = {quote(title)} and {where}"

    return _groups(claims, lambda c: c.title, located, named, clear_place=True)


def _groups(
    claims: Sequence[C],
    what: Callable[[C], str],
    where: Callable[[C], str | None],
    named: Callable[..., tuple[str, str]],
    *,
    clear_place: bool = False,
) -> list[_Group]:
    placed: dict[tuple[str, str], list[C]] = {}
    shown: dict[str, str] = {}
    unplaced: dict[str, list[C]] = {}
    for claim in claims:
        subject, place = _fold(what(claim)), where(claim)
        shown.setdefault(subject, what(claim))
        if place:
            shown.setdefault(_fold(place), place)
            placed.setdefault((subject, _fold(place)), []).append(claim)
        else:
            unplaced.setdefault(subject, []).append(claim)

    # A claim without a place joins the one group of its subject whose
    # majority value it states.
    majorities = {key: consensus(members) for key, members in placed.items()}
    leftovers: dict[str, list[C]] = {}
    joined: set[tuple[str, str]] = set()
    for subject, loose in unplaced.items():
        homes_of_subject = [key for key in placed if key[0] == subject]
        if clear_place and len(homes_of_subject) == 1:
            # Every claim of this subject that names a place names this one:
            # the corpus says where the others are.
            placed[homes_of_subject[0]].extend(loose)
            joined.add(homes_of_subject[0])
            continue
        for claim in loose:
            homes = [key for key in placed if key[0] == subject and majorities[key].states(claim)]
            if len(homes) == 1:
                placed[homes[0]].append(claim)
            else:
                leftovers.setdefault(subject, []).append(claim)

    position = {c.id: i for i, c in enumerate(claims)}
    groups: list[_Group] = []
    for (subject, place), members in sorted(placed.items()):
        if len({c.article for c in members}) >= 2:
            if (subject, place) in joined:
                name, query = named(shown[subject], shown[place], True)
            else:
                name, query = named(shown[subject], shown[place])
            groups.append(_Group(name, query, _in_corpus_order(members, position)))
    for subject, loose in sorted(leftovers.items()):
        agreeing = _agreeing_part(loose)
        if len({c.article for c in agreeing}) >= 2:
            name, query = named(shown[subject], None)
            groups.append(_Group(name, query, _in_corpus_order(agreeing, position)))
    return groups


def _agreeing_part(claims: Sequence[Claim]) -> list[Claim]:
    verdict = agree(claims)
    return [row.claim for row in verdict.evidence if row.role == "agrees"]


def _in_corpus_order(members: Sequence[C], position: dict[str, int]) -> tuple[C, ...]:
    # Sorted by place in the corpus, each claim once: not a walk over every
    # claim of the corpus for each group (groups grow with the corpus too).
    once = {c.id: c for c in members}
    return tuple(sorted(once.values(), key=lambda c: position[c.id]))


def _with_query(verdict: Verdict, query: str) -> Verdict:
    return attrs.evolve(verdict, query=query)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def quote(value: str) -> str:
    """A value as the query language reads it: a bare word, or a double-quoted string."""
    if value.replace("_", "").replace("-", "").isalnum() and value.isascii() and value[0].isalpha():
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
