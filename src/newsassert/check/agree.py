"""``agree``: every article of a selection states one value.

The claims are grouped by article. A *candidate* value is chosen as the one
stated by the most articles (ties broken by the number of claims, then by the
more specific value, then by corpus order); the check holds when every
selected claim states it and at least ``min_sources`` articles do. Every
claim, not just one per article, must agree: an article that says both
السوداني and Al-Kadhimi is prime minister does not agree with the others just
because one of its sentences does.

What "states the value" means depends on the kind:

- quantity: the value is a unit and a point; a claim states it when it counts
  that unit and its interval (widened by ``tolerance``, relative) contains the
  point, so ``نحو 150`` [135, 165] and ``أكثر من 150`` (150, ∞) agree on any
  point in (150, 165]; the majority is shown as the intersection of the
  intervals of the claims that state it;
- date: the value is a date; a claim states it when every field it gives
  (year, month, day) equals the candidate's, so "January 2024" does not
  contradict "25 January 2024" but "24 January" does;
- role: the value is a person; a claim states it when its person is the same
  person by cross-script name matching (the selection says which office);
- mention: the value is an entity (canonical entity, key, or for persons
  cross-script name matching).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence

import attrs

from newsassert.check.interval import Interval
from newsassert.check.values import describe, describe_date
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import date_fields, same_entity, same_person
from newsassert.errors import ConfigError
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, RoleClaim

__all__ = ["agree"]


@attrs.frozen
class _Candidate:
    label: str
    covering: frozenset[str]  # claim ids that state the value
    articles: int
    specificity: int
    order: int  # corpus position of the first claim that states it

    @property
    def rank(self) -> tuple[int, int, int, int]:
        return (self.articles, len(self.covering), self.specificity, -self.order)


def agree(selection: Iterable[Claim], *, tolerance: float = 0.0, min_sources: int = 1) -> Verdict:
    """Whether the selected claims, grouped by article, all state one value.

    A failing verdict names the majority value and quotes each dissenting
    claim with its article, outlet, language and offsets. Fewer than
    ``min_sources`` articles, or no claims at all, is a failure too.
    """
    if not (isinstance(tolerance, int | float) and math.isfinite(tolerance) and tolerance >= 0):
        raise ConfigError(f"'tolerance' must be a number >= 0 (got {tolerance!r})")
    if not isinstance(min_sources, int) or isinstance(min_sources, bool) or min_sources < 0:
        raise ConfigError(f"'min_sources' must be an integer >= 0 (got {min_sources!r})")
    claims = tuple(selection)
    query = _query_text(selection)
    if not claims:
        return Verdict(
            check="agree",
            holds=False,
            summary="the query selected no claims, so there is nothing to agree on",
            query=query,
            failures=("empty",),
        )
    kinds = sorted({c.kind for c in claims})
    if len(kinds) > 1:
        return Verdict(
            check="agree",
            holds=False,
            summary=f"the selection mixes kinds ({', '.join(kinds)}); agree compares one kind",
            query=query,
            evidence=tuple(Evidence(claim=c, value=describe(c), role="aside") for c in claims),
            failures=("mixed-kinds",),
        )

    candidates = _candidates(claims, tolerance)
    best = max(candidates, key=lambda c: c.rank)
    tie = any(c.rank[:2] == best.rank[:2] and c.covering != best.covering for c in candidates)
    return _verdict(claims, best, tie, query=query, min_sources=min_sources)


def _verdict(
    claims: Sequence[Claim], best: _Candidate, tie: bool, *, query: str, min_sources: int
) -> Verdict:
    articles = tuple(dict.fromkeys(c.article for c in claims))
    agreeing = [c for c in claims if c.id in best.covering]
    dissent = [c for c in claims if c.id not in best.covering]
    agreeing_articles = set(c.article for c in agreeing)
    # A dissent is set against one agreeing claim of each agreeing article.
    first: dict[str, Claim] = {}
    for claim in agreeing:
        first.setdefault(claim.article, claim)
    witnesses = tuple(first.values())
    rows: list[Evidence] = []
    for claim in claims:
        if claim.id in best.covering:
            rows.append(Evidence(claim=claim, value=describe(claim), role="agrees"))
        else:
            note = (
                "its article also states the majority value"
                if claim.article in agreeing_articles
                else ""
            )
            rows.append(
                Evidence(
                    claim=claim, value=describe(claim), role="dissent", against=witnesses, note=note
                )
            )
    failures = [f"dissent:{c.id}" for c in dissent]
    n = len(articles)
    enough = len(agreeing_articles) >= min_sources
    if not enough:
        failures.append(f"sources:{len(agreeing_articles)}<{min_sources}")
    label = best.label
    if not dissent and enough:
        summary = f"{n} articles agree on {label}" if n > 1 else f"1 article states {label}"
    elif not dissent:
        stated = "article states" if n == 1 else "articles state"
        summary = f"only {n} {stated} {label}; the check needs {min_sources}"
    else:
        said: dict[tuple[str, str], None] = {}
        for claim in dissent:
            said[(claim.article, f"{_who(claim)} says {describe(claim)}")] = None
        dissenters = "; ".join(text for _, text in said)
        head = "no majority: " if tie else ""
        k = len(agreeing_articles)
        state = "article states" if k == 1 else "articles state"
        if k == n:
            summary = f"{head}{k} {state} {label}, but {dissenters}"
        else:
            verb = "states" if k == 1 else "state"
            summary = f"{head}{k} of {n} articles {verb} {label}; {dissenters}"
    return Verdict(
        check="agree",
        holds=not dissent and enough,
        summary=summary,
        query=query,
        majority=label,
        evidence=tuple(rows),
        failures=tuple(failures),
    )


def _who(claim: Claim) -> str:
    outlet = f", {claim.outlet}" if claim.outlet else ""
    return f"{claim.article} ({claim.lang}{outlet})"


# ---------------------------------------------------------------------------
# Candidates, per kind.
# ---------------------------------------------------------------------------


def _candidates(claims: Sequence[Claim], tolerance: float) -> list[_Candidate]:
    if isinstance(claims[0], QuantityClaim):
        return _quantity_candidates(claims, tolerance)
    covers: Callable[[Claim, Claim], bool]
    if isinstance(claims[0], DateClaim):
        covers = _date_covers
    elif isinstance(claims[0], RoleClaim):
        covers = _role_covers
    elif isinstance(claims[0], MentionClaim):
        covers = _mention_covers
    else:
        covers = _text_covers
    out = []
    for index, candidate in enumerate(claims):
        covering = [c for c in claims if covers(c, candidate)]
        out.append(
            _Candidate(
                label=_label(candidate),
                covering=frozenset(c.id for c in covering),
                articles=len({c.article for c in covering}),
                specificity=_specificity(candidate),
                order=index,
            )
        )
    return out


def _quantity_candidates(claims: Sequence[Claim], tolerance: float) -> list[_Candidate]:
    quantities = [c for c in claims if isinstance(c, QuantityClaim)]
    order = {c.id: i for i, c in enumerate(claims)}
    groups: dict[str, list[QuantityClaim]] = {}
    for claim in quantities:
        groups.setdefault(_unit_key(claim), []).append(claim)
    out = []
    for group in groups.values():
        widened = {c.id: Interval.of(c, tolerance) for c in group}
        for point in _probe_points(widened.values()):
            covering = [c for c in group if widened[c.id].contains(point)]
            if not covering:
                continue
            out.append(
                _Candidate(
                    label=_quantity_label(covering, tolerance),
                    covering=frozenset(c.id for c in covering),
                    articles=len({c.article for c in covering}),
                    specificity=0,
                    order=min(order[c.id] for c in covering),
                )
            )
    return out


def _probe_points(intervals: Iterable[Interval]) -> list[float]:
    # Coverage changes only at interval ends, so the ends, the midpoints
    # between them and one point beyond each side cover every case.
    ends = sorted({e for iv in intervals for e in iv.ends})
    if not ends:
        return [0.0]
    points = [ends[0] - 1.0, *ends, ends[-1] + 1.0]
    points += [(a + b) / 2 for a, b in itertools.pairwise(ends)]
    return sorted(points)


def _quantity_label(covering: Sequence[QuantityClaim], tolerance: float) -> str:
    region: Interval | None = Interval.of(covering[0])
    for claim in covering[1:]:
        region = region.intersect(Interval.of(claim)) if region else None
    if region is None:  # the claims meet only within the tolerance
        region = Interval.of(covering[0], tolerance)
        for claim in covering[1:]:
            region = region.intersect(Interval.of(claim, tolerance)) or region
    unit = covering[0].unit or covering[0].unit_text or ""
    places = {c.place for c in covering}
    place = f" in {places.pop()}" if len(places) == 1 and None not in places else ""
    return f"{region} {unit}{place}".replace("  ", " ").strip()


def _unit_key(claim: QuantityClaim) -> str:
    if claim.unit:
        return " ".join(claim.unit.casefold().split())
    return f"?{claim.id}"  # an unknown unit is its own value


def _date_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, DateClaim) and isinstance(candidate, DateClaim)
    given = [
        (x, y)
        for x, y in zip(date_fields(claim), date_fields(candidate), strict=True)
        if x is not None
    ]
    return bool(given) and all(x == y for x, y in given)


def _role_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, RoleClaim) and isinstance(candidate, RoleClaim)
    return same_person(claim.person, candidate.person)


def _mention_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, MentionClaim) and isinstance(candidate, MentionClaim)
    return same_entity(claim, candidate)


def _text_covers(claim: Claim, candidate: Claim) -> bool:
    return " ".join(claim.text.split()) == " ".join(candidate.text.split())


def _label(claim: Claim) -> str:
    if isinstance(claim, DateClaim):
        return describe_date(date_fields(claim))
    if isinstance(claim, RoleClaim):
        return claim.person
    if isinstance(claim, MentionClaim):
        return claim.entity or claim.name
    return describe(claim)


def _specificity(claim: Claim) -> int:
    if isinstance(claim, DateClaim):
        return sum(f is not None for f in date_fields(claim))
    if isinstance(claim, RoleClaim):
        return len(claim.person.split())
    if isinstance(claim, MentionClaim):
        return len(claim.name.split())
    return 0


def _query_text(selection: object) -> str:
    text = getattr(selection, "text", "")
    return text if isinstance(text, str) else ""
