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

import bisect
import itertools
import math
from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs

from newsassert.check.interval import Interval
from newsassert.check.statements import statement_agree
from newsassert.check.values import describe, describe_date
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import date_fields, same_entity, same_person
from newsassert.errors import ConfigError
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, RoleClaim
from newsassert.places import place_within

__all__ = ["Consensus", "agree", "consensus"]


@attrs.frozen
class Consensus:
    """The value the most articles state, and the claims that state it.

    ``covering`` holds the ids of the claims that state it; ``tie`` is true
    when another value is stated by as many articles and claims. For
    quantities ``region`` is the common part of the stating claims' intervals
    and ``unit`` their unit; for the other kinds ``witness`` is a claim that
    states the value.
    """

    label: str
    covering: frozenset[str]
    articles: int
    claims: int
    tie: bool = False
    region: Interval | None = None
    unit: str | None = None
    witness: Claim | None = None
    tolerance: float = 0.0

    def states(self, claim: Claim) -> bool:
        """Whether ``claim`` (in the selection or not) states this value."""
        if claim.id in self.covering:
            return True
        if isinstance(claim, QuantityClaim):
            return (
                self.region is not None
                and _unit_key(claim) == self.unit
                and Interval.of(claim, self.tolerance).overlaps(self.region)
            )
        if self.witness is None or claim.kind != self.witness.kind:
            return False
        return _covers(claim)(claim, self.witness)


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
    if kinds == ["statement"]:
        return statement_agree(claims, query=query)  # type: ignore[arg-type]
    best = consensus(claims, tolerance=tolerance)
    return _verdict(claims, best, query=query, min_sources=min_sources)


def consensus(claims: Sequence[Claim], *, tolerance: float = 0.0) -> Consensus:
    """The value the most articles among ``claims`` (all of one kind) state."""
    if not claims:
        raise ValueError("no claims to find a consensus in")
    if isinstance(claims[0], QuantityClaim):
        return _quantity_consensus(claims, tolerance)
    return _value_consensus(claims)


def _verdict(claims: Sequence[Claim], best: Consensus, *, query: str, min_sources: int) -> Verdict:
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
        head = "no majority: " if best.tie else ""
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
# Quantities: a sweep over interval ends.
# ---------------------------------------------------------------------------

_Rank = tuple[int, int, int, int]


def _quantity_consensus(claims: Sequence[Claim], tolerance: float) -> Consensus:
    order = {c.id: i for i, c in enumerate(claims)}
    groups: dict[str, list[QuantityClaim]] = {}
    for claim in claims:
        assert isinstance(claim, QuantityClaim)
        groups.setdefault(_unit_key(claim), []).append(claim)
    found: list[tuple[_Rank, frozenset[str], str, list[QuantityClaim]]] = []
    for unit, group in groups.items():
        for covering in _best_cover(group, tolerance):
            ids = frozenset(c.id for c in covering)
            articles = len({c.article for c in covering})
            rank = (articles, len(covering), 0, -min(order[c.id] for c in covering))
            found.append((rank, ids, unit, covering))
    rank, ids, unit, covering = max(found, key=lambda f: f[0])
    tie = any(r[:2] == rank[:2] and i != ids for r, i, _, _ in found)
    region = _region(covering, tolerance)
    return Consensus(
        label=_quantity_label(covering, region),
        covering=ids,
        articles=rank[0],
        claims=rank[1],
        tie=tie,
        region=region,
        unit=unit,
        tolerance=tolerance,
    )


def _best_cover(group: Sequence[QuantityClaim], tolerance: float) -> list[list[QuantityClaim]]:
    """The sets of claims sharing a point that span the most articles, then claims.

    Coverage changes only at interval ends, so it is probed at the ends, the
    midpoints between them and one point beyond each side. Each interval
    covers a run of probes; difference arrays give, for every probe, the
    number of claims and (merging each article's runs) of articles covering
    it, in O(n log n).
    """
    intervals = [Interval.of(c, tolerance) for c in group]
    ends = sorted({e for iv in intervals for e in iv.ends})
    if ends:
        probes = [ends[0] - 1.0, *ends, ends[-1] + 1.0]
        probes += [(a + b) / 2 for a, b in itertools.pairwise(ends)]
        probes.sort()
    else:
        probes = [0.0]
    size = len(probes)
    spans = [_probe_span(iv, probes) for iv in intervals]
    claim_diff = [0] * (size + 1)
    by_article: dict[str, list[tuple[int, int]]] = {}
    for claim, (lo, hi) in zip(group, spans, strict=True):
        if lo <= hi:
            claim_diff[lo] += 1
            claim_diff[hi + 1] -= 1
            by_article.setdefault(claim.article, []).append((lo, hi))
    article_diff = [0] * (size + 1)
    for runs in by_article.values():
        for lo, hi in _merged(runs):
            article_diff[lo] += 1
            article_diff[hi + 1] -= 1
    counts = list(
        zip(
            itertools.accumulate(article_diff[:size]),
            itertools.accumulate(claim_diff[:size]),
            strict=True,
        )
    )
    top = max(counts)
    if top[1] == 0:  # no interval holds a probe (cannot happen with finite ends)
        return [[group[0]]]
    covers: dict[frozenset[int], list[QuantityClaim]] = {}
    for index, count in enumerate(counts):
        if count == top:
            members = frozenset(i for i, (lo, hi) in enumerate(spans) if lo <= index <= hi)
            covers.setdefault(members, [group[i] for i in sorted(members)])
    return list(covers.values())


def _probe_span(interval: Interval, probes: Sequence[float]) -> tuple[int, int]:
    lo = bisect.bisect_left(probes, interval.low)
    if interval.low_open and lo < len(probes) and probes[lo] == interval.low:
        lo += 1
    hi = bisect.bisect_right(probes, interval.high) - 1
    if interval.high_open and hi >= 0 and probes[hi] == interval.high:
        hi -= 1
    return lo, hi


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(runs):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _region(covering: Sequence[QuantityClaim], tolerance: float) -> Interval:
    """The common part of the claims' intervals (as stated, else as widened)."""
    for tol in (0.0, tolerance):
        region: Interval | None = Interval.of(covering[0], tol)
        for claim in covering[1:]:
            region = region.intersect(Interval.of(claim, tol)) if region else None
        if region is not None:
            return region
    return Interval.of(covering[0], tolerance)  # unreachable: they share a probe


def _quantity_label(covering: Sequence[QuantityClaim], region: Interval) -> str:
    unit = covering[0].unit or covering[0].unit_text or ""
    # Figures without a place may join a located group: the group's place holds.
    places = {c.place for c in covering if c.place}
    place = f" in {places.pop()}" if len(places) == 1 else ""
    return f"{region} {unit}{place}".replace("  ", " ").strip()


def _unit_key(claim: QuantityClaim) -> str:
    if claim.unit:
        return " ".join(claim.unit.casefold().split())
    return f"?{claim.id}"  # an unknown unit is its own value


# ---------------------------------------------------------------------------
# Dates, roles, mentions: distinct values compared pairwise.
# ---------------------------------------------------------------------------


def _value_consensus(claims: Sequence[Claim]) -> Consensus:
    covers = _covers(claims[0])
    # Claims with the same written value are one value: compare values, not claims.
    values: dict[Hashable, list[Claim]] = {}
    for claim in claims:
        values.setdefault(_value_key(claim), []).append(claim)
    order = {c.id: i for i, c in enumerate(claims)}
    found: list[tuple[_Rank, frozenset[str], Claim]] = []
    reps = [members[0] for members in values.values()]
    for candidate in reps:
        covering = [
            c
            for rep, members in zip(reps, values.values(), strict=True)
            if covers(rep, candidate)
            for c in members
        ]
        rank = (
            len({c.article for c in covering}),
            len(covering),
            _specificity(candidate),
            -min(order[c.id] for c in covering),
        )
        found.append((rank, frozenset(c.id for c in covering), candidate))
    rank, ids, witness = max(found, key=lambda f: f[0])
    tie = any(r[:2] == rank[:2] and i != ids for r, i, _ in found)
    return Consensus(
        label=_label(witness),
        covering=ids,
        articles=rank[0],
        claims=rank[1],
        tie=tie,
        witness=witness,
    )


def _covers(claim: Claim) -> Callable[[Claim, Claim], bool]:
    if isinstance(claim, DateClaim):
        return _date_covers
    if isinstance(claim, RoleClaim):
        return _role_covers
    if isinstance(claim, MentionClaim):
        return _mention_covers
    return _text_covers


def _value_key(claim: Claim) -> Hashable:
    if isinstance(claim, DateClaim):
        fields = date_fields(claim)
        # A date with no field known ("Thursday", no publication date) is its words.
        return fields if any(f is not None for f in fields) else " ".join(claim.text.split())
    if isinstance(claim, RoleClaim):
        return " ".join(claim.person.split())
    if isinstance(claim, MentionClaim):
        return (claim.type, claim.entity, claim.key, " ".join(claim.name.split()))
    return " ".join(claim.text.split())


def _date_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, DateClaim) and isinstance(candidate, DateClaim)
    given = [
        (x, y)
        for x, y in zip(date_fields(claim), date_fields(candidate), strict=True)
        if x is not None
    ]
    if not given:
        return claim is candidate
    return all(x == y for x, y in given)


def _role_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, RoleClaim) and isinstance(candidate, RoleClaim)
    return same_person(claim.person, candidate.person)


def _mention_covers(claim: Claim, candidate: Claim) -> bool:
    assert isinstance(claim, MentionClaim) and isinstance(candidate, MentionClaim)
    if same_entity(claim, candidate):
        return True
    # An article that names the city agrees with one that names its country
    # (Mosul is in Iraq); one that names only the country does not say Mosul.
    return claim.type == candidate.type == "place" and place_within(
        claim.entity or claim.name, candidate.entity or candidate.name
    )


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
