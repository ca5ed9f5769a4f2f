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

import functools
from collections.abc import Callable, Iterable, Sequence

import regex

from newsassert.check.interval import Interval
from newsassert.check.statements import (
    StatementSources,
    statement_evidence,
    without_statements,
)
from newsassert.check.support_index import StatementIndex, SupportIndex
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
    states_name,
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
    return _supported_by(
        selection,
        other,
        precision=precision,
        unplaced=unplaced,
        open_bound=open_bound,
        statements=statements,
        indexed=True,
    )


def _supported_by(
    selection: Iterable[Claim],
    other: Iterable[Claim],
    *,
    precision: str,
    unplaced: bool,
    open_bound: float | None,
    statements: bool,
    indexed: bool,
) -> Verdict:
    # ``indexed=False`` compares each claim with every claim of ``other``:
    # the tests hold the index to that.
    if precision not in PRECISIONS:
        raise ConfigError(f"'precision' must be one of {', '.join(PRECISIONS)} (got {precision!r})")
    options = CompareOptions(unplaced=bool(unplaced), open_bound=open_bound)
    claims = tuple(selection)
    sources = tuple(other)
    if not statements:
        claims, sources = without_statements(claims), without_statements(sources)
    relate = comparator(options)
    weekdays = _states_weekdays(sources)
    relations: Callable[[Claim], _Found]
    if indexed:
        relations = _IndexedRelations(SupportIndex(sources, options), relate, options, weekdays)
    else:

        def relations(claim: Claim) -> _Found:
            return _relations(claim, sources, relate, options, weekdays)

    said: StatementSources | None = None
    if any(c.kind == "statement" for c in claims):
        said = StatementIndex(sources) if indexed else StatementSources(sources)
    query = _text_of(selection)
    by = _text_of(other)
    if by:
        query = f"{query} | supported by: {by}" if query else f"supported by: {by}"
    rows: list[Evidence] = []
    failures: list[str] = []
    missing: list[str] = []
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
        matches, vague, conflicts = relations(claim)
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
        elif _aside(claim):
            # A capitalized name of no told kind (Ligue, BIA): cased text's
            # people, organizations and places are read by their own rules, so
            # one the sources do not write is shown, not failed.
            rows.append(Evidence(claim=claim, value=value, role="aside", note=_ASIDE))
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


_Found = tuple[tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...]]


def _relations(
    claim: Claim,
    sources: Sequence[Claim],
    relate: Callable[[Claim, Claim], Comparison],
    options: CompareOptions,
    weekdays: bool = False,
    year_written: Callable[[str], tuple[Claim, ...]] | None = None,
    name_written: Callable[[str], tuple[Claim, ...]] | None = None,
) -> _Found:
    """The claims of ``sources`` that support ``claim``, only vaguely, or conflict with it.

    ``year_written`` finds the source whose sentence writes a year (by
    default, among ``sources``; the index looks among all of them).
    """
    matches, vague, conflicts = _compared(claim, sources, relate, options, claim.id, weekdays)
    if not matches and not vague:
        # A country is supported by a city in it or by its demonym (newsassert.places).
        matches = place_support(claim, sources)
    if not matches and not vague and not conflicts:
        year = _year_alone(claim)
        if year is not None:
            matches = (year_written or functools.partial(_year_written, sources))(year)
        elif isinstance(claim, MentionClaim) and _written_name(claim):
            matches = (name_written or functools.partial(_name_written, sources))(claim.name)
    return matches, vague, conflicts


def _compared(
    claim: Claim,
    sources: Sequence[Claim],
    relate: Callable[[Claim, Claim], Comparison],
    options: CompareOptions,
    own_id: str | None,
    weekdays: bool,
) -> _Found:
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
        if source.id == own_id or source.kind != claim.kind:
            continue  # a claim does not support itself
        if weekday_only and isinstance(source, DateClaim) and weekday_of(source) is None:
            continue  # skipped before it is compared: the comparison is the costly part
        relation = relate(claim, source)
        if relation is Comparison.AGREE and _beyond_open_bound(source, claim):
            continue  # "15,000 children" is not said by "more than 13,000 children"
        if relation is Comparison.AGREE and _as_specific(source, claim):
            (vague if _vague_support(source, claim, options) else matches).append(source)
        elif relation is Comparison.CONFLICT or _surname_conflict(claim, source):
            conflicts.append(source)
    return tuple(matches), tuple(vague), tuple(conflicts)


_YEAR_TOKEN = regex.compile(r"(?<![\p{N}\p{L}])(\d{4})(?![\p{N}])")


def _year_alone(claim: Claim) -> str | None:
    """The year a date claim states alone (no month, no day, not a span, not relative)."""
    if (
        isinstance(claim, DateClaim)
        and claim.year is not None
        and claim.month is None
        and claim.day is None
        and claim.low is None
        and not claim.relative
    ):
        return str(claim.year)
    return None


def _year_written(sources: Sequence[Claim], year: str) -> tuple[Claim, ...]:
    """The first source claim whose sentence writes ``year`` (see :func:`_year_alone`).

    A year read in one text may be written in the other where no date was
    read ("Rio 2016" beside "the 2016 Rio Olympics", "their disastrous 2014
    World Cup" beside "the 2014 world cup"): the year is then stated by the
    source, though not as a date claim. Only a year alone is matched this way.
    """
    seen: set[str] = set()
    for source in sources:
        sentence = source.sentence
        if sentence in seen:
            continue
        seen.add(sentence)
        if year in year_tokens(sentence):
            return (source,)
    return ()


_ASIDE = "a name of no told kind that no source writes"


def _aside(claim: Claim) -> bool:
    return isinstance(claim, MentionClaim) and claim.type == "name" and not claim.name.islower()


def _written_name(claim: MentionClaim) -> bool:
    """Whether ``claim`` is supported by a source writing its words: a name of a
    lower-cased text, or a name of no told kind (its words, not its kind, are sure)."""
    return claim.type == "name" or claim.name.islower()


def _name_written(sources: Sequence[Claim], name: str) -> tuple[Claim, ...]:
    """The first source claim, of any kind, whose sentence writes ``name`` out.

    A lower-cased text's name (``moffat``, ``selhurst park``) is supported by a
    source that writes it, wherever that source read a claim: its sentence
    may hold no mention (a capitalized run no rule reads as a name).
    """
    seen: set[str] = set()
    for source in sources:
        sentence = source.sentence
        if sentence in seen:
            continue
        seen.add(sentence)
        if states_name(sentence, name.lower()):
            return (source,)
    return ()


def year_tokens(sentence: str) -> list[str]:
    """The four-digit numbers a sentence writes, as words of their own."""
    found: list[str] = _YEAR_TOKEN.findall(sentence)
    return found


def _states_weekdays(sources: Sequence[Claim]) -> bool:
    """Whether any source date gives a weekday (by its word or its full date)."""
    return any(isinstance(s, DateClaim) and weekday_of(s) is not None for s in sources)


class _IndexedRelations:
    """:func:`_relations` over the candidates of a :class:`SupportIndex`.

    Claims the index gives one signature (the mentions of one name) relate
    to the same claims: they are compared once, and each claim gets that
    answer less itself.
    """

    def __init__(
        self,
        index: SupportIndex,
        relate: Callable[[Claim, Claim], Comparison],
        options: CompareOptions,
        weekdays: bool,
    ) -> None:
        self._index, self._relate, self._options = index, relate, options
        self._weekdays = weekdays
        self._year_written = functools.partial(index.first_writing, tokens=year_tokens)
        self._shared: dict[object, tuple[_Found, list[tuple[Claim, ...]]]] = {}

    def __call__(self, claim: Claim) -> _Found:
        index = self._index
        signature = index.signature(claim)
        if signature is None:
            candidates = index.candidates(claim)
            return _relations(
                claim,
                candidates,
                self._relate,
                self._options,
                self._weekdays,
                self._year_written,
                index.first_stating,
            )
        shared = self._shared.get(signature)
        if shared is None:
            candidates = index.candidates(claim)
            found = _compared(claim, candidates, self._relate, self._options, None, self._weekdays)
            # place_support of the candidates, made when first needed
            shared = self._shared[signature] = (found, [])
        (matches, vague, conflicts), places = shared
        if index.holds(claim.id):
            own = claim.id
            matches = tuple(c for c in matches if c.id != own)
            vague = tuple(c for c in vague if c.id != own)
            conflicts = tuple(c for c in conflicts if c.id != own)
        if not matches and not vague:
            if not places:
                places.append(place_support(claim, index.candidates(claim)))
            matches = places[0]
        if not matches and not vague and not conflicts:
            year = _year_alone(claim)
            if year is not None:
                matches = self._year_written(year)
            elif isinstance(claim, MentionClaim) and _written_name(claim):
                matches = index.first_stating(claim.name.lower())
        return matches, vague, conflicts


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


# How far past an open bound a figure may lie and still be the source's: "more
# than 33,000" says 33,482 (a figure just past it, rounded down), not 40,000.
_NEAR_BOUND = 1.1
_ABOVE = frozenset({"more_than", "at_least"})
_BELOW = frozenset({"less_than", "at_most"})


def _beyond_open_bound(source: Claim, claim: Claim) -> bool:
    """Whether ``claim`` states a figure well past the open bound ``source`` gives.

    An open hedge agrees with every figure on its side (up to its magnitude,
    see ``open_bound``), but it *says* only the bound: a summary that gives
    "15,000 children" where the source says "more than 13,000 children" states
    a figure the source does not. A figure within a tenth of the bound
    (33,482 for "more than 33,000"), a bound on the same side no stronger
    than the source's ("more than 12,000"), or a vague figure is still
    supported.
    """
    if not (isinstance(source, QuantityClaim) and isinstance(claim, QuantityClaim)):
        return False
    if claim.qualifier == "vague" or source.value is None or claim.value is None:
        return False
    # A bound on the same side may be weaker than the source's, never
    # stronger: "more than 15,000" is not said by "more than 13,000".
    bound, value = float(source.value), float(claim.value)
    if source.qualifier in _ABOVE and claim.qualifier not in _BELOW:
        return value > bound * _NEAR_BOUND if bound >= 0 else value > bound / _NEAR_BOUND
    if source.qualifier in _BELOW and claim.qualifier not in _ABOVE:
        return value < bound / _NEAR_BOUND if bound >= 0 else value < bound * _NEAR_BOUND
    return False


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
