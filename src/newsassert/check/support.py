"""``supported_by``: every claim of a selection has a match in another.

A claim is *supported* when a claim of the other selection agrees with it
(:func:`newsassert.compare.compare`: related units and overlapping intervals,
same place or none stated; same date, where the supporting date gives at least
the fields the claim gives; the same person, organization or place by
cross-script matching; the same person in the same office), and is at least as
specific: a compound unit supports its head ("two police officers" supports
"two officers"), not the other way round.

Some support is only *vague*: a precise figure whose support is a vague one
("9,000 families" by "آلاف العائلات", thousands), or the same figure with
another hedge ("منذ 35 عاما" by "منذ أكثر من 35 عاما"). The evidence row says
so in its note; with ``precision="comparable"`` such support does not count.
A claim without support is
*unsupported*; it is marked a *conflict* when a claim of the other selection
contradicts it: the comparison says so (same office, another person; same
unit and place, a disjoint interval), or, for a person named without an
office, the other selection names someone else with the same surname
(``Yolanda Romanowski`` against ``الينا رومانسكي``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import regex

from newsassert.check.interval import Interval
from newsassert.check.statements import (
    StatementSources,
    statement_evidence,
    without_statements,
)
from newsassert.check.values import describe
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import (
    CompareOptions,
    Comparison,
    UnitRelation,
    comparator,
    date_fields,
    date_span,
    names_match,
    unit_relation,
    weekday_of,
)
from newsassert.errors import ConfigError
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, StatementClaim
from newsassert.places import place_support

__all__ = ["PRECISIONS", "supported_by"]

PRECISIONS = ("any", "comparable")

# A precise figure is only vaguely supported by an interval this many times wider.
_VAGUE_WIDTH = 5.0


def supported_by(
    selection: Iterable[Claim],
    other: Iterable[Claim],
    *,
    precision: str = "any",
    unplaced: bool = False,
    open_bound: float | None = None,
    statements: bool = True,
) -> Verdict:
    """Whether each claim of ``selection`` is supported by a claim of ``other``.

    The verdict lists the unsupported claims and marks the conflicts; an empty
    selection holds (there is nothing that needs support). ``precision =
    "comparable"`` refuses vague support (a precise figure backed only by a
    vague one or by the same figure under another hedge); ``unplaced`` marks
    as conflicts disjoint figures of one unit that name no place;
    ``open_bound`` is how far a one-sided hedge reaches
    (:class:`newsassert.compare.CompareOptions`). Statements are only ever
    failed for a conflict (:mod:`newsassert.check.statements`);
    ``statements=False`` leaves them out.
    """
    if precision not in PRECISIONS:
        raise ConfigError(f"'precision' must be one of {', '.join(PRECISIONS)} (got {precision!r})")
    options = CompareOptions(unplaced=bool(unplaced), open_bound=open_bound)
    claims = tuple(selection)
    sources = tuple(other)
    if not statements:
        claims, sources = without_statements(claims), without_statements(sources)
    said = StatementSources(sources) if any(c.kind == "statement" for c in claims) else None
    query = _text_of(selection)
    by = _text_of(other)
    if by:
        query = f"{query} | supported by: {by}" if query else f"supported by: {by}"
    rows: list[Evidence] = []
    failures: list[str] = []
    missing: list[str] = []
    relate = comparator(options)
    weekdays = _states_weekdays(sources)
    reversed_ = 0
    for claim in claims:
        if isinstance(claim, StatementClaim) and said is not None:
            row = statement_evidence(claim, said)
            rows.append(row)
            if row.role == "conflict":
                reversed_ += 1
                failures.append(f"statement:{claim.id}")
                missing.append(f"{claim.text} ({claim.article}) {row.note}")
            continue
        matches, vague, conflicts = _relations(claim, sources, relate, options, weekdays)
        value = describe(claim)
        if not matches and vague and precision == "any":
            note = f"only vague support: {', '.join(dict.fromkeys(_short(c) for c in vague))}"
            rows.append(
                Evidence(claim=claim, value=value, role="supported", against=vague, note=note)
            )
        elif matches:
            rows.append(Evidence(claim=claim, value=value, role="supported", against=matches))
        elif conflicts:
            rows.append(Evidence(claim=claim, value=value, role="conflict", against=conflicts))
            failures.append(f"conflict:{claim.id}")
            others = ", ".join(dict.fromkeys(_short(c) for c in conflicts))
            missing.append(f"{_short(claim)} ({claim.article}) conflicts with {others}")
        else:
            note = ""
            if vague:
                note = "only vague support, and the check asks for comparable precision"
            rows.append(
                Evidence(claim=claim, value=value, role="unsupported", against=vague, note=note)
            )
            failures.append(f"unsupported:{claim.id}")
            missing.append(f"{_short(claim)} ({claim.article}) is unsupported")
    if not claims:
        summary = "the query selected no claims, so none needs support"
    elif not missing:
        summary = (
            f"all {len(claims)} claims are supported"
            if len(claims) > 1
            else ("the claim is supported")
        )
    else:
        summary = f"{len(missing)} of {len(claims)} claims are not supported: " + "; ".join(
            dict.fromkeys(missing)
        )
        if reversed_:
            # Statements are less precise evidence than figures, names and
            # dates: their share is said apart.
            summary += f" ({reversed_} of them statements)"
    return Verdict(
        check="supported_by",
        holds=not missing,
        summary=summary,
        query=query,
        evidence=tuple(rows),
        failures=tuple(failures),
    )


def _relations(
    claim: Claim,
    sources: Sequence[Claim],
    relate: Callable[[Claim, Claim], Comparison],
    options: CompareOptions,
    weekdays: bool = False,
) -> tuple[tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...]]:
    # When the sources state weekdays, a weekday is supported by a weekday (or
    # a full date falling on it), not by a coarser date that merely contains
    # one: "on Monday" is not backed by "September 2013" beside "on Wednesday".
    # Sources that state no weekday leave the coarse date's support in place
    # (an unresolved date is never unsupported by a date agreeing in every
    # field it gives).
    weekday_only = weekdays and isinstance(claim, DateClaim) and weekday_of(claim) is not None
    matches: list[Claim] = []
    vague: list[Claim] = []
    conflicts: list[Claim] = []
    for source in sources:
        if source.id == claim.id or source.kind != claim.kind:
            continue  # a claim does not support itself
        relation = relate(claim, source)
        if weekday_only and isinstance(source, DateClaim) and weekday_of(source) is None:
            continue
        if relation is Comparison.AGREE and _as_specific(source, claim):
            (vague if _vague_support(source, claim, options) else matches).append(source)
        elif relation is Comparison.CONFLICT or _surname_conflict(claim, source):
            conflicts.append(source)
    if not matches and not vague:
        # A country is supported by a city in it or by its demonym (newsassert.places).
        matches.extend(place_support(claim, sources))
    if not matches and not vague and not conflicts:
        matches.extend(_year_written(claim, sources))
    return tuple(matches), tuple(vague), tuple(conflicts)


_YEAR_TOKEN = regex.compile(r"(?<![\p{N}\p{L}])(\d{4})(?![\p{N}])")


def _year_written(claim: Claim, sources: Sequence[Claim]) -> tuple[Claim, ...]:
    """Source claims whose sentence writes the year ``claim`` states alone.

    A year read in one text may be written in the other where no date was
    read ("Rio 2016" beside "the 2016 Rio Olympics", "their disastrous 2014
    World Cup" beside "the 2014 world cup"): the year is then stated by the
    source, though not as a date claim. Only a year alone (no month, no day,
    not a span, not relative) is matched this way.
    """
    if not (
        isinstance(claim, DateClaim)
        and claim.year is not None
        and claim.month is None
        and claim.day is None
        and claim.low is None
        and not claim.relative
    ):
        return ()
    year = str(claim.year)
    seen: set[str] = set()
    found: list[Claim] = []
    for source in sources:
        sentence = source.sentence
        if sentence in seen:
            continue
        seen.add(sentence)
        if year in _YEAR_TOKEN.findall(sentence):
            found.append(source)
            break
    return tuple(found)


def _states_weekdays(sources: Sequence[Claim]) -> bool:
    """Whether any source date gives a weekday (by its word or its full date)."""
    return any(isinstance(s, DateClaim) and weekday_of(s) is not None for s in sources)


def _as_specific(source: Claim, claim: Claim) -> bool:
    # "25 January" is not supported by a source that says only "January".
    if isinstance(source, DateClaim) and isinstance(claim, DateClaim):
        if source.low or claim.low:
            return _interval_specific(source, claim)
        return all(
            s is not None
            for s, c in zip(date_fields(source), date_fields(claim), strict=True)
            if c is not None
        )
    # "two police officers" is not supported by "two officers" (the other way is).
    if (
        isinstance(source, QuantityClaim)
        and isinstance(claim, QuantityClaim)
        and unit_relation(claim.unit, source.unit) is UnitRelation.HEAD
    ):
        return len((claim.unit or "").split()) <= len((source.unit or "").split())
    return True


def _interval_specific(source: DateClaim, claim: DateClaim) -> bool:
    """A date against an interval: supported when it says no more than the
    source ("the 2010s" by "2017"), or names one of the two ends ("September
    11, 2001" by an English "09/11/2001", whose two readings are its ends);
    two intervals when they are the same. "1953" is not supported by "the
    1950s", nor "between 2014 and 2018" by "between 2015 and 2018"."""
    if claim.low and source.low and (claim.low, claim.high) == (source.low, source.high):
        return True  # the same interval, with or without its year ("4 to 6 August")
    mine, theirs = date_span(claim), date_span(source)
    if mine is None or theirs is None:
        return False
    if claim.low and source.low:
        return mine == theirs  # two ranges: the same ends ("2014 to 2018" is not "2015 to 2018")
    if mine[0] <= theirs[0] and theirs[1] <= mine[1]:
        return True
    return mine[0] == mine[1] and mine[0] in theirs


def _vague_support(source: Claim, claim: Claim, options: CompareOptions) -> bool:
    """Whether ``source`` supports the figure ``claim`` only vaguely."""
    if not (isinstance(source, QuantityClaim) and isinstance(claim, QuantityClaim)):
        return False
    if claim.qualifier == "vague":
        return False
    if source.qualifier == "vague":
        return True
    mine = Interval.of(claim, open_bound=options.open_bound)
    theirs = Interval.of(source, open_bound=options.open_bound)
    if not mine.overlaps(theirs):
        return True  # the same figure under another hedge
    width = theirs.high - theirs.low
    own = max(mine.high - mine.low, abs(claim.value) * 0.1)
    return width > _VAGUE_WIDTH * own and not theirs.high_soft


def _surname_conflict(claim: Claim, source: Claim) -> bool:
    if not (isinstance(claim, MentionClaim) and isinstance(source, MentionClaim)):
        return False
    if claim.type != "person" or source.type != "person":
        return False
    a, b = claim.name.split(), source.name.split()
    if len(a) < 2 or len(b) < 2:
        return False  # a surname alone is either the same person or unrelated
    return names_match(a[-1], source.name) and not names_match(claim.name, source.name)


def _short(claim: Claim) -> str:
    if isinstance(claim, MentionClaim):
        return claim.name
    return describe(claim)


def _text_of(selection: object) -> str:
    text = getattr(selection, "text", "")
    return text if isinstance(text, str) else ""
